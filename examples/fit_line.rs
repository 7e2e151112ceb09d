//! The notes' straight line (§1.4): fit y = a x + b to noisy data by the
//! analytic minimum (`ricci::solve::minimize`: the gradient is linear in
//! a and b, so one exact-form linear solve) and by gradient descent with
//! the derived gradient, JIT-compiled once; the two agree.
//!
//! Run: cargo run --release --example fit_line

use ndarray::{Array1, ArrayD};
use ricci::{Args, Tensor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // y = 2 x - 1 plus a little deterministic noise.
    let n = 200;
    let x: Array1<f64> = Array1::linspace(-1.0, 1.0, n);
    let y: Array1<f64> = x.mapv(|v| 2.0 * v - 1.0) + x.mapv(|v| 0.05 * (17.0 * v).sin());
    let loss = "L = sum_i (y[i] - a x[i] - b)^2 / N";
    let args = Args::new()
        .tensor("x", Tensor::F64(x.clone().into_dyn()))
        .tensor("y", Tensor::F64(y.clone().into_dyn()))
        .param("N", n as f64);

    // 1. The analytic minimum.
    let m = ricci::solve::minimize(loss, &["a".into(), "b".into()], None, &args, &mut |_, _| {})
        .map_err(|f| {
            f.errors
                .render("<loss>", if f.text.is_empty() { loss } else { &f.text })
        })?;
    print!("analytic minimum (ricci minimize):\n{}", m.report());
    let exact: Vec<f64> = m.point.iter().map(|(_, _, v)| v.to_f64()[0]).collect();

    // 2. Gradient descent with the derived gradient, compiled once.
    let grad_src = format!("{loss}\nga = diff(L, a)\ngb = diff(L, b)");
    let kernel = ricci::compile(&grad_src, ricci::Options::default())
        .map_err(|e| e.render("<gradient>", &grad_src))?;
    let (xv, yv): (ArrayD<f64>, ArrayD<f64>) = (x.into_dyn(), y.into_dyn());
    let (mut a, mut b) = (0.0, 0.0);
    let rate = 0.4;
    for step in 0..=2000 {
        let out = kernel
            .run_views::<f64>(
                &[("x", xv.view()), ("y", yv.view())],
                &[("a", a), ("b", b), ("N", n as f64)],
            )
            .map_err(|e| e.render("<gradient>", &grad_src))?;
        let (l, ga, gb) = (out[0][[]], out[1][[]], out[2][[]]);
        if step % 500 == 0 {
            println!("gradient descent step {step:4}: L = {l:.6e}, a = {a:.6}, b = {b:.6}");
        }
        a -= rate * ga;
        b -= rate * gb;
    }
    println!("gradient descent: a = {a:.12}, b = {b:.12}");
    println!(
        "analytic:         a = {:.12}, b = {:.12}",
        exact[0], exact[1]
    );
    let diff = (a - exact[0]).abs().max((b - exact[1]).abs());
    println!("largest difference: {diff:.1e}");
    if diff > 1e-8 {
        return Err(format!("gradient descent and the analytic minimum disagree by {diff}").into());
    }
    Ok(())
}
