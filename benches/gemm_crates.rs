//! The two GEMM crates that compiled kernels could call for GEMM-shaped
//! contractions, side by side on this machine: `gemm` (sarah-ek's, AVX2 /
//! AVX-512 microkernels, rayon threads) and `matrixmultiply` (bluss's, the
//! one ndarray's `dot` uses). Square f64 and f32 matmuls, row-major, one
//! thread and all threads, and one with a transposed right operand (both
//! take arbitrary strides, so no copy).
//!
//!     MATMUL_NUM_THREADS=1 cargo bench --bench gemm_crates
//!
//! The last group is the target: ricci's compiled matmul (a GEMM
//! node on the `gemm` crate, `Options::threads = Some(1)`) against
//! ndarray's `dot` (`general_mat_mul`, on `matrixmultiply`), n = 512, f64,
//! one thread each, output preallocated for both.
//!
//! `matrixmultiply` is built with its `threading` feature and uses every
//! core unless `MATMUL_NUM_THREADS=1`, so its "1thread" rows are one
//! thread only with that variable set; run once with and once without to
//! compare both crates threaded and single-threaded.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn inputs(n: usize) -> (Vec<f64>, Vec<f64>) {
    let a = (0..n * n).map(|k| ((k % 97) as f64) * 0.01 - 0.5).collect();
    let b = (0..n * n)
        .map(|k| ((k % 89) as f64) * 0.013 - 0.6)
        .collect();
    (a, b)
}

/// C = A B, all n x n; `bt`: B given as its transpose (strides swapped).
fn with_gemm(n: usize, a: &[f64], b: &[f64], c: &mut [f64], bt: bool, threads: usize) {
    let (rs, cs) = if bt { (1, n as isize) } else { (n as isize, 1) };
    let par = if threads > 1 {
        gemm::Parallelism::Rayon(threads)
    } else {
        gemm::Parallelism::None
    };
    // SAFETY: every pointer covers n*n elements with the strides given.
    unsafe {
        gemm::gemm(
            n,
            n,
            n,
            c.as_mut_ptr(),
            1,
            n as isize,
            false,
            a.as_ptr(),
            1,
            n as isize,
            b.as_ptr(),
            cs,
            rs,
            0.0,
            1.0,
            false,
            false,
            false,
            par,
        );
    }
}

fn with_matrixmultiply(n: usize, a: &[f64], b: &[f64], c: &mut [f64], bt: bool) {
    let (rs, cs) = if bt { (1, n as isize) } else { (n as isize, 1) };
    // SAFETY: as above.
    unsafe {
        matrixmultiply::dgemm(
            n,
            n,
            n,
            1.0,
            a.as_ptr(),
            n as isize,
            1,
            b.as_ptr(),
            rs,
            cs,
            0.0,
            c.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

fn bench(c: &mut Criterion) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for n in [64usize, 256, 512] {
        let (a, b) = inputs(n);
        let mut out = vec![0.0; n * n];
        let mut check = vec![0.0; n * n];
        with_gemm(n, &a, &b, &mut out, false, 1);
        with_matrixmultiply(n, &a, &b, &mut check, false);
        let err = out
            .iter()
            .zip(&check)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max);
        assert!(err < 1e-9 * n as f64, "the two crates disagree by {err}");
        let mut g = c.benchmark_group(format!("matmul_f64_{n}"));
        g.throughput(Throughput::Elements((2 * n * n * n) as u64));
        g.sample_size(if n >= 512 { 10 } else { 30 });
        for bt in [false, true] {
            let tag = if bt { "Bt" } else { "B" };
            g.bench_function(BenchmarkId::new("gemm_1thread", tag), |bch| {
                bch.iter(|| with_gemm(n, black_box(&a), black_box(&b), &mut out, bt, 1))
            });
            g.bench_function(BenchmarkId::new("matrixmultiply_1thread", tag), |bch| {
                bch.iter(|| with_matrixmultiply(n, black_box(&a), black_box(&b), &mut out, bt))
            });
        }
        if threads > 1 {
            g.bench_function(BenchmarkId::new("gemm_threads", "B"), |bch| {
                bch.iter(|| with_gemm(n, black_box(&a), black_box(&b), &mut out, false, threads))
            });
        }
        g.finish();
    }
}

/// ricci's kernel against ndarray's `dot`, one thread each.
fn ricci_vs_ndarray(c: &mut Criterion) {
    use ndarray::Array2;
    let n = 512;
    let (a, b) = inputs(n);
    let a = Array2::from_shape_vec((n, n), a).unwrap();
    let b = Array2::from_shape_vec((n, n), b).unwrap();
    let mut out = Array2::<f64>::zeros((n, n));
    let opts = ricci::Options {
        threads: Some(1),
        ..Default::default()
    };
    let k = ricci::compile("C[i,k] = sum_j A[i,j] B[j,k]", opts).unwrap();
    let ins = [("A", a.view().into_dyn()), ("B", b.view().into_dyn())];
    let mut g = c.benchmark_group("matmul_f64_512_one_thread");
    g.throughput(Throughput::Elements((2 * n * n * n) as u64));
    g.sample_size(10);
    g.bench_function("ricci", |bch| {
        bch.iter(|| {
            k.run_into(
                black_box(&ins),
                &[],
                &mut [("C", out.view_mut().into_dyn())],
            )
            .unwrap()
        })
    });
    g.bench_function("ndarray_dot", |bch| {
        bch.iter(|| {
            ndarray::linalg::general_mat_mul(1.0, black_box(&a), black_box(&b), 0.0, &mut out)
        })
    });
    g.finish();
}

criterion_group!(benches, bench, ricci_vs_ndarray);
criterion_main!(benches);
