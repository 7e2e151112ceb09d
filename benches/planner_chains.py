#!/usr/bin/env python3
"""The contraction planner's benchmark (issue 9): chains of products, run by
`ricci bench` (median run_us) with this build and, for an A/B, another
build, next to numpy.einsum(optimize=True) in the same run, and the planned
pairwise contractions run one by one (each its own `ricci bench`).

    python3 -m venv /tmp/oe && /tmp/oe/bin/pip install numpy
    cargo build --release
    /tmp/oe/bin/python benches/planner_chains.py [--base OTHER/ricci]
"""

import argparse
import json
import subprocess
import time

import numpy as np

# (name, program, shapes, einsum subscripts, the planned pairwise steps as
# programs with their shapes: what `ricci eval --explain` prints for them).
N3, N5 = 128, 12
CASES = [
    (
        "chain3 n=128",
        "D[i,l] = A[i,j] B[j,k] C[k,l]",
        {"A": (N3, N3), "B": (N3, N3), "C": (N3, N3)},
        "ij,jk,kl->il",
        [
            ("T[i,k] = A[i,j] B[j,k]", {"A": (N3, N3), "B": (N3, N3)}),
            ("D[i,l] = T[i,k] C[k,l]", {"T": (N3, N3), "C": (N3, N3)}),
        ],
    ),
    (
        "transform5 n=12",
        "Z[p,q,r,s] = P[p,i] Q[q,j] T[i,j,k,l] U[r,k] V[s,l]",
        {"P": (N5, N5), "Q": (N5, N5), "T": (N5,) * 4, "U": (N5, N5), "V": (N5, N5)},
        "pi,qj,ijkl,rk,sl->pqrs",
        [
            ("c0[p,j,k,l] = P[p,i] T[i,j,k,l]", {"P": (N5, N5), "T": (N5,) * 4}),
            ("c1[p,j,k,s] = c0[p,j,k,l] V[s,l]", {"c0": (N5,) * 4, "V": (N5, N5)}),
            ("c2[p,j,r,s] = c1[p,j,k,s] U[r,k]", {"c1": (N5,) * 4, "U": (N5, N5)}),
            ("Z[p,q,r,s] = c2[p,j,r,s] Q[q,j]", {"c2": (N5,) * 4, "Q": (N5, N5)}),
        ],
    ),
    (
        "abcd,cdef n=16 (two operands: not planned)",
        "Z[a,b,e,f] = X[a,b,c,d] Y[c,d,e,f]",
        {"X": (16,) * 4, "Y": (16,) * 4},
        "abcd,cdef->abef",
        [],
    ),
]


def bench(binary, program, shapes):
    cmd = [binary, "bench", program, "--json"]
    for name, shape in shapes.items():
        cmd += ["--shape", f"{name}={','.join(map(str, shape))}"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def numpy_us(subscripts, shapes):
    rng = np.random.default_rng(0)
    ops = [rng.uniform(-1, 1, s) for s in shapes.values()]
    np.einsum(subscripts, *ops, optimize=True)
    times = []
    start = time.perf_counter()
    while len(times) < 20 or (time.perf_counter() - start < 1.0 and len(times) < 2000):
        t = time.perf_counter()
        np.einsum(subscripts, *ops, optimize=True)
        times.append(time.perf_counter() - t)
    return float(np.median(times)) * 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ricci", default="target/release/ricci")
    ap.add_argument("--base", help="another ricci build to compare with")
    a = ap.parse_args()
    print(f"{'case':44} {'numpy us':>10} {'ricci us':>10} {'steps us':>10} {'base us':>12} {'compile us':>10}")
    for name, program, shapes, subscripts, steps in CASES:
        npy = numpy_us(subscripts, shapes)
        new = bench(a.ricci, program, shapes)
        step_us = sum(bench(a.ricci, p, s)["run_us"] for p, s in steps) if steps else float("nan")
        base = bench(a.base, program, shapes)["run_us"] if a.base else float("nan")
        print(
            f"{name:44} {npy:10.1f} {new['run_us']:10.1f} {step_us:10.1f} {base:12.1f} {new['compile_us']:10.1f}"
        )


if __name__ == "__main__":
    main()
