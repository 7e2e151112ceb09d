//! The Cranelift JIT against ndarray, every case with its baseline in the
//! same run: compile latency (text to callable kernel, never a cache hit;
//! parse+check alone beside it), the overhead of calling a cached kernel on
//! a 4x4 matmul, and kernels: matmul (n = 64..512, as GFLOP/s through
//! `Throughput::Elements(2 n^3)`), a fused elementwise `exp(a) b + c`, a
//! full sum, a row-wise softmax, and a least-squares loss with its gradient.
//! Before timing, each case checks that the kernel agrees with ndarray.
//!
//! Run: `cargo bench --bench jit` (a quick pass: `cargo bench --bench jit --
//! --warm-up-time 1 --measurement-time 2`). The large matmuls set their own
//! (flat, 10-sample) sampling so the whole file runs in a few minutes.

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use ndarray::{Array1, Array2, ArrayD, Axis, Zip};
use ricci::jit::{Kernel, Options, compile, compile_uncached};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

const MATMUL: &str = "C[i,k] = sum_j A[i,j] B[j,k]";
const LEAST_SQUARES_GRAD: &str = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])";
/// The same loss and gradient with the residual written as a definition of
/// its own, so the gradient reads it instead of recomputing it.
const LEAST_SQUARES_SHARED: &str = "r[i] = y[i] - sum_j X[i,j] w[j]
L = sum_i r[i]^2
g[k] = -2 sum_i X[i,k] r[i]";
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
const FUSED: &str = "f[i] = exp(a[i]) b[i] + c[i]";
const SUM: &str = "s = sum_i a[i]";
const SOFTMAX: &str = "p[i,j] = exp(x[i,j]) / sum_k exp(x[i,k])";

fn kernel(src: &str) -> Arc<Kernel> {
    match compile(src, Options::default()) {
        Ok(k) => k,
        Err(e) => panic!("{}", e.render("bench", src)),
    }
}

/// Deterministic values in [-1, 1) (xorshift64*).
fn random(n: usize, seed: u64) -> Vec<f64> {
    let mut x = (seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1;
    (0..n)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
            2.0 * (r as f64 / (1u64 << 53) as f64) - 1.0
        })
        .collect()
}

fn matrix(rows: usize, cols: usize, seed: u64) -> Array2<f64> {
    Array2::from_shape_vec((rows, cols), random(rows * cols, seed)).expect("shape")
}

fn vector(n: usize, seed: u64) -> Array1<f64> {
    Array1::from(random(n, seed))
}

/// Panics unless `got` and `want` agree to a relative `tol`.
fn assert_close(what: &str, got: &ArrayD<f64>, want: &ArrayD<f64>, tol: f64) {
    assert_eq!(got.shape(), want.shape(), "{what}: shapes");
    let scale = want.iter().fold(1.0f64, |m, v| m.max(v.abs()));
    let err = Zip::from(got)
        .and(want)
        .fold(0.0f64, |m, a, b| m.max((a - b).abs()));
    assert!(
        err <= tol * scale,
        "{what}: max error {err} (scale {scale})"
    );
}

fn compile_latency(c: &mut Criterion) {
    let mut group = c.benchmark_group("compile");
    for (name, src) in [
        ("matmul", MATMUL),
        ("least squares + gradient", LEAST_SQUARES_GRAD),
        ("10 statements", TEN_STATEMENTS),
    ] {
        group.bench_function(BenchmarkId::new("compile_uncached", name), |b| {
            b.iter(|| compile_uncached(black_box(src), Options::default()).expect("compiles"))
        });
        // The front end's share: ndarray has no compile step, so this is
        // the reference for how much of the latency is code generation.
        group.bench_function(BenchmarkId::new("parse+check", name), |b| {
            b.iter(|| ricci::check(black_box(src)).expect("checks"))
        });
    }
    group.finish();
}

fn call_overhead(c: &mut Criterion) {
    let a = matrix(4, 4, 1);
    let bm = matrix(4, 4, 2);
    let k = kernel(MATMUL);
    let inputs = [("A", a.view().into_dyn()), ("B", bm.view().into_dyn())];
    let out = k.run_views::<f64>(&inputs, &[]).expect("runs");
    assert_close("matmul 4", &out[0], &a.dot(&bm).into_dyn(), 1e-12);

    let mut group = c.benchmark_group("call 4x4 matmul");
    group.bench_function("ricci run_views", |b| {
        b.iter(|| k.run_views::<f64>(black_box(&inputs), &[]).expect("runs"))
    });
    group.bench_function("ricci compile (cache hit) + run_views", |b| {
        b.iter(|| {
            let k = compile(black_box(MATMUL), Options::default()).expect("cached");
            k.run_views::<f64>(black_box(&inputs), &[]).expect("runs")
        })
    });
    group.bench_function("ndarray dot", |b| {
        b.iter(|| black_box(&a).dot(black_box(&bm)))
    });
    group.finish();
}

fn matmul(c: &mut Criterion) {
    let k = kernel(MATMUL);
    let mut group = c.benchmark_group("matmul");
    for n in [64usize, 128, 256, 512] {
        let a = matrix(n, n, 3);
        let bm = matrix(n, n, 4);
        let inputs = [("A", a.view().into_dyn()), ("B", bm.view().into_dyn())];
        let out = k.run_views::<f64>(&inputs, &[]).expect("runs");
        assert_close(
            &format!("matmul {n}"),
            &out[0],
            &a.dot(&bm).into_dyn(),
            1e-12,
        );
        if n >= 256 {
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(10);
            group.warm_up_time(Duration::from_millis(500));
            group.measurement_time(Duration::from_secs(if n >= 512 { 3 } else { 2 }));
        }
        group.throughput(Throughput::Elements(2 * (n as u64).pow(3)));
        group.bench_with_input(BenchmarkId::new("ricci", n), &inputs, |b, inputs| {
            b.iter(|| k.run_views::<f64>(black_box(inputs), &[]).expect("runs"))
        });
        group.bench_with_input(BenchmarkId::new("ndarray", n), &(&a, &bm), |b, (a, bm)| {
            b.iter(|| black_box(a).dot(black_box(*bm)))
        });
    }
    group.finish();
}

fn fused(c: &mut Criterion) {
    let n = 1 << 20;
    let (a, bv, cv) = (vector(n, 5), vector(n, 6), vector(n, 7));
    let k = kernel(FUSED);
    let inputs = [
        ("a", a.view().into_dyn()),
        ("b", bv.view().into_dyn()),
        ("c", cv.view().into_dyn()),
    ];
    let want = Zip::from(&a)
        .and(&bv)
        .and(&cv)
        .map_collect(|&a, &b, &c| a.exp() * b + c);
    let got = k.run_views::<f64>(&inputs, &[]).expect("runs");
    assert_close("fused", &got[0], &want.clone().into_dyn(), 1e-12);

    let mut group = c.benchmark_group("fused exp(a) b + c, n = 2^20");
    group.throughput(Throughput::Elements(n as u64));
    let mut out = Array1::<f64>::zeros(n);
    group.bench_function("ricci run_into", |b| {
        b.iter(|| {
            let mut outs = [("f", out.view_mut().into_dyn())];
            k.run_into::<f64>(black_box(&inputs), &[], &mut outs)
                .expect("runs")
        })
    });
    group.bench_function("ricci run_views (allocates)", |b| {
        b.iter(|| k.run_views::<f64>(black_box(&inputs), &[]).expect("runs"))
    });
    group.bench_function("ndarray Zip", |b| {
        b.iter(|| {
            Zip::from(&mut out)
                .and(black_box(&a))
                .and(black_box(&bv))
                .and(black_box(&cv))
                .for_each(|o, &a, &b, &c| *o = a.exp() * b + c)
        })
    });
    group.finish();
}

/// `exp(a) b + c` over 2^22 elements, the measure of inline math
/// (the kernel's scalar loop; `exp` is `jit::vmath`'s, no host call).
fn fused_large(c: &mut Criterion) {
    let n = 1 << 22;
    let (a, bv, cv) = (vector(n, 5), vector(n, 6), vector(n, 7));
    let k = kernel(FUSED);
    let inputs = [
        ("a", a.view().into_dyn()),
        ("b", bv.view().into_dyn()),
        ("c", cv.view().into_dyn()),
    ];
    let mut group = c.benchmark_group("fused exp(a) b + c, n = 2^22");
    group.throughput(Throughput::Elements(n as u64));
    let mut out = Array1::<f64>::zeros(n);
    group.bench_function("ricci run_into", |b| {
        b.iter(|| {
            let mut outs = [("f", out.view_mut().into_dyn())];
            k.run_into::<f64>(black_box(&inputs), &[], &mut outs)
                .expect("runs")
        })
    });
    group.finish();
}

fn full_sum(c: &mut Criterion) {
    let n = 1 << 22;
    let a = vector(n, 8);
    let k = kernel(SUM);
    let inputs = [("a", a.view().into_dyn())];
    let got = k.run_views::<f64>(&inputs, &[]).expect("runs");
    assert_close("sum", &got[0], &ndarray::arr0(a.sum()).into_dyn(), 1e-9);

    let mut group = c.benchmark_group("sum, n = 2^22");
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function("ricci", |b| {
        b.iter(|| k.run_views::<f64>(black_box(&inputs), &[]).expect("runs"))
    });
    group.bench_function("ndarray sum", |b| b.iter(|| black_box(&a).sum()));
    group.finish();
}

fn softmax_ndarray(x: &Array2<f64>) -> Array2<f64> {
    let e = x.mapv(f64::exp);
    let s = e.sum_axis(Axis(1)).insert_axis(Axis(1));
    e / &s
}

fn softmax(c: &mut Criterion) {
    let n = 512;
    let x = matrix(n, n, 9);
    let k = kernel(SOFTMAX);
    let inputs = [("x", x.view().into_dyn())];
    let got = k.run_views::<f64>(&inputs, &[]).expect("runs");
    assert_close("softmax", &got[0], &softmax_ndarray(&x).into_dyn(), 1e-12);

    let mut group = c.benchmark_group("softmax 512x512");
    group.throughput(Throughput::Elements((n * n) as u64));
    group.bench_function("ricci", |b| {
        b.iter(|| k.run_views::<f64>(black_box(&inputs), &[]).expect("runs"))
    });
    group.bench_function("ndarray", |b| b.iter(|| softmax_ndarray(black_box(&x))));
    group.finish();
}

/// Loss and gradient with ndarray: r = y - X w, L = r.r, g = -2 X^T r.
fn least_squares_ndarray(x: &Array2<f64>, y: &Array1<f64>, w: &Array1<f64>) -> (f64, Array1<f64>) {
    let r = y - &x.dot(w);
    let l = r.dot(&r);
    let g = x.t().dot(&r) * -2.0;
    (l, g)
}

fn least_squares(c: &mut Criterion) {
    let (m, n) = (1024, 256);
    let x = matrix(m, n, 10);
    let y = vector(m, 11);
    let w = vector(n, 12);
    let inputs = [
        ("X", x.view().into_dyn()),
        ("y", y.view().into_dyn()),
        ("w", w.view().into_dyn()),
    ];
    let (l, g) = least_squares_ndarray(&x, &y, &w);
    let grad = kernel(LEAST_SQUARES_GRAD);
    let shared = kernel(LEAST_SQUARES_SHARED);
    for (what, k, at) in [("diff", &grad, 0), ("shared residual", &shared, 1)] {
        let got = k.run_views::<f64>(&inputs, &[]).expect("runs");
        assert_close(what, &got[at], &ndarray::arr0(l).into_dyn(), 1e-9);
        assert_close(what, &got[at + 1], &g.clone().into_dyn(), 1e-9);
    }

    let mut group = c.benchmark_group("least squares + gradient 1024x256");
    group.throughput(Throughput::Elements((m * n) as u64));
    group.bench_function("ricci diff", |b| {
        b.iter(|| {
            grad.run_views::<f64>(black_box(&inputs), &[])
                .expect("runs")
        })
    });
    group.bench_function("ricci residual shared by hand", |b| {
        b.iter(|| {
            shared
                .run_views::<f64>(black_box(&inputs), &[])
                .expect("runs")
        })
    });
    group.bench_function("ndarray", |b| {
        b.iter(|| least_squares_ndarray(black_box(&x), black_box(&y), black_box(&w)))
    });
    group.finish();
}

criterion_group!(
    benches,
    compile_latency,
    call_overhead,
    matmul,
    fused,
    fused_large,
    full_sum,
    softmax,
    least_squares
);
criterion_main!(benches);
