//! Threads and vectors: a kernel gives the same bits on 1, 2 and 3
//! threads, and agrees with the interpreter within the bound of
//! docs/numbers.md, for blocks big enough to be split (`par` in the loop
//! IR) and extents that leave vector tails.

mod common;

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
