//! Front-end latency (text → checked program → bound extents) and the
//! reference interpreter against ndarray on a small matmul, for a baseline
//! that later issues (the JIT) are measured against.
//!
//! Run: `cargo bench --bench frontend`.

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::Array2;
use ricci::{Args, Tensor};
use std::hint::black_box;

const LEAST_SQUARES: &str = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2";
const TEN_STATEMENTS: &str = "h1[i] = tanh(sum_j W1[i,j] x[j])
h2[i] = tanh(sum_j W2[i,j] h1[j])
h3[i] = tanh(sum_j W3[i,j] h2[j])
s = sum_i h3[i]
m = max(s, 0)
e[i] = exp(h3[i] - m)
z = sum_i e[i]
p[i] = e[i] / z
L = -sum_i t[i] log(p[i])
r = sqrt(sum_i p[i]^2)";

fn frontend(c: &mut Criterion) {
    c.bench_function("parse+check matmul", |b| {
        b.iter(|| ricci::check(black_box("C[i,k] = sum_j A[i,j] B[j,k]")))
    });
    c.bench_function("parse+check least squares", |b| {
        b.iter(|| ricci::check(black_box(LEAST_SQUARES)))
    });
    c.bench_function("parse+check 10 statements", |b| {
        b.iter(|| ricci::check(black_box(TEN_STATEMENTS)))
    });
}

fn interpreter(c: &mut Criterion) {
    let n = 32;
    let a = Array2::from_shape_fn((n, n), |(i, j)| (i as f64 - j as f64) / n as f64);
    let bm = Array2::from_shape_fn((n, n), |(i, j)| (i * j) as f64 / (n * n) as f64);
    let program = match ricci::check("C[i,k] = sum_j A[i,j] B[j,k]") {
        Ok(p) => p,
        Err(e) => panic!("bench program must check: {e}"),
    };
    let args = Args::new()
        .tensor("A", Tensor::F64(a.clone().into_dyn()))
        .tensor("B", Tensor::F64(bm.clone().into_dyn()));
    c.bench_function("interp matmul 32", |b| {
        b.iter(|| ricci::eval(black_box(&program), black_box(&args)))
    });
    c.bench_function("ndarray dot matmul 32", |b| {
        b.iter(|| black_box(&a).dot(black_box(&bm)))
    });
}

criterion_group!(benches, frontend, interpreter);
criterion_main!(benches);
