//! Threads and vectors: a kernel gives the same bits on 1, 2 and 3
//! threads, and agrees with the interpreter within the bound of
//! docs/numbers.md, for blocks big enough to be split (`par` in the loop
//! IR) and extents that leave vector tails.

use crate::common;

use common::jit_check::{El, arr, close, same};
use ndarray::ArrayD;
use ricci::jit::{Kernel, Options};
use ricci::runtime::args::Args;
use ricci::runtime::values::{DType, Tensor};

fn data<T: El>(shape: &[usize], seed: f64) -> ArrayD<T> {
    let n: usize = shape.iter().product();
    let v: Vec<f64> = (0..n)
        .map(|k| ((k as f64 + seed) * 0.731).sin() + 0.1)
        .collect();
    arr::<T>(shape, &v)
}

fn kernel(src: &str, dtype: DType, threads: usize) -> std::sync::Arc<Kernel> {
    let mut o = Options::new(dtype);
    o.threads = Some(threads);
    ricci::jit::compile_uncached(src, o).unwrap()
}

/// Runs `src` on 1, 2 and 3 threads: the same bits each time, and close
/// to the interpreter (scale: Σ|terms| bounded by `scale`).
fn check<T: El>(src: &str, inputs: &[(&str, ArrayD<T>)], scale: f64) {
    let dtype = T::DTYPE;
    let views: Vec<(&str, ndarray::ArrayViewD<T>)> =
        inputs.iter().map(|(n, a)| (*n, a.view())).collect();
    let one = kernel(src, dtype, 1).run_views(&views, &[]).unwrap();
    for threads in [2, 3] {
        let k = kernel(src, dtype, threads);
        assert!(k.explain().contains(" par "), "{}", k.explain());
        let got = k.run_views(&views, &[]).unwrap();
        for (g, w) in got.iter().zip(&one) {
            same(&format!("{src} on {threads} threads"), &g.view(), &w.view()).unwrap();
        }
    }
    let mut args = Args::new();
    for (n, a) in inputs {
        args = args.tensor(n, T::wrap(a.clone()));
    }
    let program = ricci::sema::check_source(src).unwrap();
    let want = ricci::interp::eval(&program, &args).unwrap();
    for (g, w) in one.iter().zip(&want) {
        let w: ArrayD<T> = match (w, T::DTYPE) {
            (Tensor::F64(a), DType::F64) => a.mapv(|x| T::of(x)),
            (Tensor::F32(a), DType::F32) => a.mapv(|x| T::of(x as f64)),
            _ => panic!("dtype"),
        };
        close(src, &g.view(), &w.view(), scale).unwrap();
    }
}

#[test]
fn elementwise_kernels_split_over_threads_give_the_same_bits() {
    let n = 100_003; // odd: vector tails in every piece
    let a = data::<f64>(&[n], 1.0);
    let b = data::<f64>(&[n], 2.0);
    check("z[i] = exp(a[i]) b[i] + a[i]", &[("a", a), ("b", b)], 10.0);
}

#[test]
fn matvec_rows_split_over_threads_give_the_same_bits() {
    let (m, n) = (301, 257);
    check(
        "y[i] = sum_j A[i,j] x[j]",
        &[
            ("A", data::<f64>(&[m, n], 0.5)),
            ("x", data::<f64>(&[n], 3.0)),
        ],
        2.0 * n as f64,
    );
    check(
        "y[i] = sum_j A[i,j] x[j]",
        &[
            ("A", data::<f32>(&[m, n], 0.5)),
            ("x", data::<f32>(&[n], 3.0)),
        ],
        2.0 * n as f64,
    );
}

#[test]
fn row_softmax_split_over_threads_gives_the_same_bits() {
    let (m, n) = (257, 131);
    check(
        "p[i,j] = exp(z[i,j]) / sum_k exp(z[i,k])",
        &[("z", data::<f64>(&[m, n], 0.25))],
        10.0 * n as f64,
    );
}

/// A block below the threads' work threshold gives the same bits on any
/// thread count and agrees with the interpreter.
#[test]
fn small_blocks_agree_on_any_thread_count() {
    check(
        "y[i] = sum_j A[i,j] x[j]",
        &[
            ("A", data::<f64>(&[3, 5], 0.5)),
            ("x", data::<f64>(&[5], 3.0)),
        ],
        10.0,
    );
}

/// A scalar sum big enough to split (`par sum i`): the pieces' partial
/// sums are added in piece order, so any thread count gives the same
/// bits; the pieces' grouping stays within the interpreter's bound.
#[test]
fn scalar_sums_split_over_threads_give_the_same_bits() {
    let n = 200_003;
    let src = "s = sum_i x[i] y[i]";
    let k = kernel(src, DType::F64, 2);
    assert!(k.explain().contains("par sum i (s)"), "{}", k.explain());
    check(
        src,
        &[("x", data::<f64>(&[n], 1.0)), ("y", data::<f64>(&[n], 2.0))],
        2.0 * n as f64,
    );
    check(
        src,
        &[("x", data::<f32>(&[n], 1.0)), ("y", data::<f32>(&[n], 2.0))],
        2.0 * n as f64,
    );
    // A sum times a constant, of a function of the terms.
    check(
        "L = 3 sum_i (x[i] - 1)^2",
        &[("x", data::<f64>(&[n], 1.0))],
        30.0 * n as f64,
    );
}

/// Least squares and logistic regression: the residual or probability,
/// the loss and the gradient run as one sweep over `X` (`fuse`), split
/// as a sum over rows; the same bits on any thread count, and the
/// interpreter's values within the bound.
#[test]
fn fused_losses_and_gradients_split_over_threads_give_the_same_bits() {
    let (m, n) = (3001, 37);
    let ls = "r[i] = y[i] - sum_j X[i,j] w[j]
L = sum_i r[i]^2
g[k] = diff(L, w[k])";
    let k = kernel(ls, DType::F64, 2);
    assert!(
        k.explain().contains("r[i], L, g[k]: par sum i (L, g)"),
        "{}",
        k.explain()
    );
    let inputs = |s: f64| {
        vec![
            ("X", data::<f64>(&[m, n], s)),
            ("y", data::<f64>(&[m], s + 1.0)),
            ("w", data::<f64>(&[n], s + 2.0)),
        ]
    };
    check(ls, &inputs(0.5), 100.0 * (m * n) as f64);
    let logistic = "p[i] = 1 / (1 + exp(-sum_j X[i,j] w[j]))
L = -sum_i (y[i] log(p[i]) + (1 - y[i]) log(1 - p[i]))
g[k] = diff(L, w[k])";
    let k = kernel(logistic, DType::F64, 2);
    assert!(
        k.explain().contains("L, g[k]: par sum i (L, g)"),
        "{}",
        k.explain()
    );
    // y in (0, 1): the loss is finite for any p.
    let mut inp = inputs(0.25);
    inp[1].1.mapv_inplace(|v| 0.5 + 0.4 * v.sin());
    check(logistic, &inp, 1e4 * (m * n) as f64);
}
