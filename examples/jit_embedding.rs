//! Embedding ricci in a Rust program: compile a formula once, then call
//! the kernel many times on ndarray views (any strides: here a transposed
//! view) and from several threads at once (`Kernel` is `Send + Sync`).
//!
//! Run: cargo run --release --example jit_embedding

use ndarray::{Array2, ArrayD};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let src = "C[i,k] = A[i,j] B[j,k]
rowsum[i] = sum_k C[i,k]";
    let t = std::time::Instant::now();
    let kernel =
        ricci::compile(src, ricci::Options::default()).map_err(|e| e.render("<src>", src))?;
    println!("compiled in {:.2} ms", t.elapsed().as_secs_f64() * 1e3);

    let n = 64;
    let a: ArrayD<f64> =
        Array2::from_shape_fn((n, n), |(i, j)| (i as f64 - 2.0 * j as f64) / n as f64).into_dyn();
    let bt: Array2<f64> = Array2::from_shape_fn((n, n), |(i, j)| ((i * j) % 7) as f64);
    // B is the transpose of bt: a strided view, no copy.
    let b = bt.t().into_dyn();
    let out = kernel.run_views::<f64>(&[("A", a.view()), ("B", b.view())], &[])?;
    let reference = a
        .clone()
        .into_dimensionality::<ndarray::Ix2>()?
        .dot(&b.into_dimensionality::<ndarray::Ix2>()?);
    let err = (&out[0] - &reference.into_dyn())
        .mapv(f64::abs)
        .fold(0.0f64, |m, &v| m.max(v));
    println!("C = A B on a transposed view: max |error| vs ndarray's dot = {err:.1e}");
    assert!(err < 1e-9);

    // Many calls from several threads on one kernel.
    let t = std::time::Instant::now();
    let sums: Vec<f64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|k| {
                let (kernel, a) = (&kernel, &a);
                s.spawn(move || {
                    let bk: ArrayD<f64> = Array2::from_elem((n, n), k as f64).into_dyn();
                    let mut total = 0.0;
                    for _ in 0..250 {
                        let out = kernel
                            .run_views::<f64>(&[("A", a.view()), ("B", bk.view())], &[])
                            .expect("call");
                        total += out[1].sum();
                    }
                    total
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    println!(
        "4 threads × 250 calls in {:.1} ms; per-thread totals {:?}",
        t.elapsed().as_secs_f64() * 1e3,
        sums
    );
    // Thread k's total is 250 k n Σ_ij A[i,j].
    let sa: f64 = a.sum();
    for (k, s) in sums.iter().enumerate() {
        let want = 250.0 * k as f64 * n as f64 * sa;
        assert!(
            (s - want).abs() <= 1e-6 * (1.0 + want.abs()),
            "thread {k}: {s} vs {want}"
        );
    }
    Ok(())
}
