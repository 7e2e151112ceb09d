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


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def least_squares(X, y, w):
    r = y - X @ w
    return r @ r, -2.0 * (X.T @ r)


def logistic(X, y, w):
    p = sigmoid(X @ w)
    L = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
    # d/dw of the loss as written, for any y (not only 0/1): X^T (p - y)
    return L, X.T @ (p - y)


def attention(Q, K, V):
    S = Q @ K.T
    E = np.exp(S)
    return (E / E.sum(axis=1, keepdims=True)) @ V


LEAST_SQUARES = """r[i] = y[i] - sum_j X[i,j] w[j]
L = sum_i r[i]^2
g[k] = diff(L, w[k])"""

LOGISTIC = """p[i] = 1 / (1 + exp(-sum_j X[i,j] w[j]))
L = -sum_i (y[i] log(p[i]) + (1 - y[i]) log(1 - p[i]))
g[k] = diff(L, w[k])"""

ATTENTION = """S[i,j] = sum_d Q[i,d] K[j,d]
P[i,j] = exp(S[i,j]) / sum_k exp(S[i,k])
O[i,e] = sum_j P[i,j] V[j,e]"""

MATMUL = "C[i,k] = sum_j A[i,j] B[j,k]"

# name, ricci program, shapes, numpy function of the inputs (in shape
# order), element type; group: "einsum" (target <= 1.0x numpy) or "fused"
# (target <= 0.5x numpy)
CASES = [
    ("matmul 64", MATMUL, {"A": (64, 64), "B": (64, 64)}, lambda A, B: A @ B, "f64", "einsum"),
    ("matmul 256", MATMUL, {"A": (256, 256), "B": (256, 256)}, lambda A, B: A @ B, "f64", "einsum"),
    ("matmul 512", MATMUL, {"A": (512, 512), "B": (512, 512)}, lambda A, B: A @ B, "f64", "einsum"),
    ("matmul 64 f32", MATMUL, {"A": (64, 64), "B": (64, 64)}, lambda A, B: A @ B, "f32", "einsum"),
    ("matmul 256 f32", MATMUL, {"A": (256, 256), "B": (256, 256)}, lambda A, B: A @ B, "f32", "einsum"),
    ("matmul 512 f32", MATMUL, {"A": (512, 512), "B": (512, 512)}, lambda A, B: A @ B, "f32", "einsum"),
    ("matmul 256, B transposed", "C[i,k] = sum_j A[i,j] B[k,j]",
     {"A": (256, 256), "B": (256, 256)}, lambda A, B: A @ B.T, "f64", "einsum"),
    ("matvec 2048", "y[i] = sum_j A[i,j] x[j]", {"A": (2048, 2048), "x": (2048,)},
     lambda A, x: A @ x, "f64", "einsum"),
    ("batched matmul 32x64", "C[b,i,k] = sum_j A[b,i,j] B[b,j,k]",
     {"A": (32, 64, 64), "B": (32, 64, 64)}, lambda A, B: np.einsum("bij,bjk->bik", A, B, optimize=True),
     "f64", "einsum"),
    ("abc,cd->abd 64", "Z[a,b,d] = X[a,b,c] Y[c,d]", {"X": (64, 64, 64), "Y": (64, 64)},
     lambda X, Y: np.einsum("abc,cd->abd", X, Y, optimize=True), "f64", "einsum"),
    ("abcd,cdef->abef 16", "Z[a,b,e,f] = X[a,b,c,d] Y[c,d,e,f]",
     {"X": (16, 16, 16, 16), "Y": (16, 16, 16, 16)},
     lambda X, Y: np.einsum("abcd,cdef->abef", X, Y, optimize=True), "f64", "einsum"),
    ("chain ABC 128", "D[i,l] = A[i,j] B[j,k] C[k,l]",
     {"A": (128, 128), "B": (128, 128), "C": (128, 128)},
     lambda A, B, C: np.einsum("ij,jk,kl->il", A, B, C, optimize=True), "f64", "einsum"),
    ("5 operands n=12", "Z[p,q,r,s] = P[p,i] Q[q,j] T[i,j,k,l] U[r,k] V[s,l]",
     {"P": (12, 12), "Q": (12, 12), "T": (12, 12, 12, 12), "U": (12, 12), "V": (12, 12)},
     lambda P, Q, T, U, V: np.einsum("pi,qj,ijkl,rk,sl->pqrs", P, Q, T, U, V, optimize=True),
     "f64", "einsum"),
    ("dot 2^20", "s = sum_i x[i] y[i]", {"x": (1 << 20,), "y": (1 << 20,)},
     lambda x, y: x @ y, "f64", "einsum"),
    ("outer 2048", "O[i,j] = x[i] y[j]", {"x": (2048,), "y": (2048,)},
     lambda x, y: np.einsum("i,j->ij", x, y, optimize=True), "f64", "einsum"),
    ("trace 2048", "t = sum_i A[i,i]", {"A": (2048, 2048)},
     lambda A: np.einsum("ii->", A, optimize=True), "f64", "einsum"),
    ("exp(a) b + c 2^22", "z[i] = exp(a[i]) b[i] + c[i]",
     {"a": (1 << 22,), "b": (1 << 22,), "c": (1 << 22,)},
     lambda a, b, c: np.exp(a) * b + c, "f64", "fused"),
    ("softmax 512x512", "y[i,j] = exp(x[i,j]) / sum_k exp(x[i,k])", {"x": (512, 512)},
     softmax, "f64", "fused"),
    ("least squares + gradient 4096x256", LEAST_SQUARES,
     {"X": (4096, 256), "y": (4096,), "w": (256,)}, least_squares, "f64", "fused"),
    ("logistic + gradient 4096x256", LOGISTIC,
     {"X": (4096, 256), "y": (4096,), "w": (256,)}, logistic, "f64", "fused"),
    ("attention 256x64", ATTENTION, {"Q": (256, 64), "K": (256, 64), "V": (256, 64)},
     attention, "f64", "fused"),
    ("log prod 1000", "L = log(prod_i x[i])", {"x": (1000,)},
     lambda x: np.sum(np.log(np.abs(x))), "f64", "fused"),
    ("delta copy 2^20", "v[i] = sum_j delta[i,j] a[j]", {"a": (1 << 20,)},
     lambda a: a.copy(), "f64", "fused"),
]


def ricci_run_us(program, shapes, threads, dtype):
    cmd = [RICCI, "bench", program, "--json"]
    if dtype == "f32":
        cmd.append("--f32")
    for name, shape in shapes.items():
        cmd += ["--shape", f"{name}=" + ",".join(str(d) for d in shape)]
    if threads:
        cmd += ["--threads", str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{program}: {out.stderr.strip()}")
    d = json.loads(out.stdout)
    return d["run_us"], d["compile_us"]


def numpy_run_us(fn, shapes, dtype):
    rng = np.random.default_rng(1)
    args = [rng.uniform(-1, 1, size=s).astype(np.float32 if dtype == "f32" else np.float64)
            for s in shapes.values()]
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
    print("| case | target | ricci run (µs) | numpy (µs) | ricci / numpy | ricci compile (µs) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, program, shapes, fn, dtype, group in CASES:
        target = "≤ 1.0" if group == "einsum" else "≤ 0.5"
        if a.only and a.only not in name:
            continue
        rs, ns, cs = [], [], []
        try:
            for _ in range(a.rounds):
                r, c = ricci_run_us(program, shapes, a.threads, dtype)
                rs.append(r)
                cs.append(c)
                ns.append(numpy_run_us(fn, shapes, dtype))
        except RuntimeError as e:
            print(f"| {name} | {target} | error: {e} | | | |")
            continue
        r, n, c = statistics.median(rs), statistics.median(ns), statistics.median(cs)
        print(f"| {name} | {target} | {r:,.1f} | {n:,.1f} | {r / n:.2f} | {c:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
