#!/usr/bin/env python3
"""ricci against numpy, side by side, in one run.

For each case, `ricci bench --json` (the compiled kernel's median run time
on random inputs of the given shapes) and the same computation in numpy
(median of repeated `timeit` runs on random inputs of the same shapes) are
measured alternately, ROUNDS times, and the medians of both are printed
with their ratio as a Markdown table (the README's speed table).

    python3 -m venv /tmp/np && /tmp/np/bin/pip install numpy opt_einsum
    cargo build --release
    /tmp/np/bin/python benches/vs_numpy.py [--rounds 3] [--only NAME] [--threads N]

numpy's own threads (OpenBLAS) follow OPENBLAS_NUM_THREADS etc.; the
script reports what numpy runs on. ratio = ricci / numpy: below 1 means
ricci is faster.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import timeit

import numpy as np

RICCI = os.path.join(os.path.dirname(__file__), "..", "target", "release", "ricci")


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


MATMUL = "C[i,k] = sum_j A[i,j] B[j,k]"

# name, ricci program, shapes, numpy function of the inputs (in shape order);
# a name ending in "f32" runs in f32 (ricci --f32, numpy float32 inputs)
CASES = [
    ("matmul 64", MATMUL, {"A": (64, 64), "B": (64, 64)}, lambda A, B: A @ B),
    ("matmul 256", MATMUL, {"A": (256, 256), "B": (256, 256)},
     lambda A, B: A @ B),
    ("matmul 512", MATMUL, {"A": (512, 512), "B": (512, 512)}, lambda A, B: A @ B),
    ("matmul 64 f32", MATMUL, {"A": (64, 64), "B": (64, 64)}, lambda A, B: A @ B),
    ("matmul 256 f32", MATMUL, {"A": (256, 256), "B": (256, 256)}, lambda A, B: A @ B),
    ("matmul 512 f32", MATMUL, {"A": (512, 512), "B": (512, 512)}, lambda A, B: A @ B),
    ("batched matmul 16x128", "C[b,i,k] = A[b,i,j] B[b,j,k]",
     {"A": (16, 128, 128), "B": (16, 128, 128)}, lambda A, B: A @ B),
    ("matmul 256, B transposed", "C[i,k] = sum_j A[i,j] B[k,j]",
     {"A": (256, 256), "B": (256, 256)}, lambda A, B: A @ B.T),
    ("matvec 2048", "y[i] = sum_j A[i,j] x[j]", {"A": (2048, 2048), "x": (2048,)},
     lambda A, x: A @ x),
    ("dot 2^20", "s = sum_i x[i] y[i]", {"x": (1 << 20,), "y": (1 << 20,)},
     lambda x, y: x @ y),
    ("softmax 512x512", "y[i,j] = exp(x[i,j]) / sum_k exp(x[i,k])", {"x": (512, 512)},
     softmax),
    ("delta copy 2^20", "v[i] = sum_j delta[i,j] a[j]", {"a": (1 << 20,)},
     lambda a: a.copy()),
    ("log prod 1000", "L = log(prod_i x[i])", {"x": (1000,)},
     lambda x: np.sum(np.log(np.abs(x)))),
    ("chain ABC 128", "D[i,l] = A[i,j] B[j,k] C[k,l]",
     {"A": (128, 128), "B": (128, 128), "C": (128, 128)},
     lambda A, B, C: np.einsum("ij,jk,kl->il", A, B, C, optimize=True)),
    ("5 operands n=12", "Z[p,q,r,s] = P[p,i] Q[q,j] T[i,j,k,l] U[r,k] V[s,l]",
     {"P": (12, 12), "Q": (12, 12), "T": (12, 12, 12, 12), "U": (12, 12), "V": (12, 12)},
     lambda P, Q, T, U, V: np.einsum("pi,qj,ijkl,rk,sl->pqrs", P, Q, T, U, V, optimize=True)),
    ("abcd,cdef->abef 16", "Z[a,b,e,f] = X[a,b,c,d] Y[c,d,e,f]",
     {"X": (16, 16, 16, 16), "Y": (16, 16, 16, 16)},
     lambda X, Y: np.einsum("abcd,cdef->abef", X, Y, optimize=True)),
]


def ricci_run_us(program, shapes, threads, f32=False):
    cmd = [RICCI, "bench", program, "--json"] + (["--f32"] if f32 else [])
    for name, shape in shapes.items():
        cmd += ["--shape", f"{name}=" + ",".join(str(d) for d in shape)]
    if threads:
        cmd += ["--threads", str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{program}: {out.stderr.strip()}")
    d = json.loads(out.stdout)
    return d["run_us"], d["compile_us"]


def numpy_run_us(fn, shapes, f32=False):
    rng = np.random.default_rng(1)
    args = [rng.uniform(-1, 1, size=s) for s in shapes.values()]
    if f32:
        args = [x.astype(np.float32) for x in args]
    fn(*args)
    t = timeit.Timer(lambda: fn(*args))
    n, _ = t.autorange()
    times = t.repeat(repeat=7, number=n)
    return statistics.median(times) / n * 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", default=None)
    ap.add_argument("--threads", type=int, default=0, help="passed to ricci bench")
    a = ap.parse_args()
    print(f"numpy {np.__version__}; ricci {RICCI}; {a.rounds} alternated rounds; "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}",
          file=sys.stderr)
    print("| case | ricci run (µs) | numpy (µs) | ricci / numpy | ricci compile (µs) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, program, shapes, fn in CASES:
        if a.only and a.only not in name:
            continue
        rs, ns, cs = [], [], []
        try:
            for _ in range(a.rounds):
                f32 = name.endswith("f32")
                r, c = ricci_run_us(program, shapes, a.threads, f32)
                rs.append(r)
                cs.append(c)
                ns.append(numpy_run_us(fn, shapes, f32))
        except RuntimeError as e:
            print(f"| {name} | error: {e} | | | |")
            continue
        r, n, c = statistics.median(rs), statistics.median(ns), statistics.median(cs)
        print(f"| {name} | {r:,.1f} | {n:,.1f} | {r / n:.2f} | {c:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
