//! Logistic regression by Newton's method with the derived gradient and
//! Hessian (`ricci::solve::minimize` compiles both as kernels), on a
//! synthetic, well-conditioned data set; prints the iterations, the final
//! gradient norm and the training accuracy.
//!
//! Run: cargo run --release --example logistic_regression

use ndarray::{Array1, Array2};
use ricci::{Args, Tensor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (n, d) = (2000, 5);
    let truth = [1.0, -2.0, 0.5, 1.5, -0.7];
    let mut seed = 2026u64;
    let mut rnd = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    };
    let mut x = Array2::<f64>::zeros((n, d));
    let mut y = Array1::<f64>::zeros(n);
    for i in 0..n {
        let mut z = 0.0;
        for j in 0..d {
            x[[i, j]] = 2.0 * rnd();
            z += truth[j] * x[[i, j]];
        }
        y[i] = if z + 0.8 * rnd() > 0.0 { 1.0 } else { 0.0 };
    }
    // The negative log-likelihood, written without log(1 - p) (which is
    // log 0 once p rounds to 1): log(1 + e^z) - y z per point.
    let program = "z[i] = sum_j X[i,j] w[j]
L = sum_i (log(1 + exp(z[i])) - y[i] z[i]) + 0.01 sum_j w[j]^2";
    let args = Args::new()
        .tensor("X", Tensor::F64(x.clone().into_dyn()))
        .tensor("y", Tensor::F64(y.clone().into_dyn()));
    let t = std::time::Instant::now();
    let m = ricci::solve::minimize(program, &["w".into()], None, &args, &mut |it, g| {
        println!("newton step {it}: gradient norm {g:.3e}")
    })
    .map_err(|f| {
        f.errors.render(
            "<program>",
            if f.text.is_empty() { program } else { &f.text },
        )
    })?;
    println!("solved in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    print!("{}", m.report());
    let w = m.point[0].2.to_f64();
    let correct = (0..n)
        .filter(|&i| {
            let z: f64 = (0..d).map(|j| x[[i, j]] * w[j]).sum();
            (z > 0.0) == (y[i] > 0.5)
        })
        .count();
    let accuracy = correct as f64 / n as f64;
    println!("training accuracy: {:.1}%", 100.0 * accuracy);
    if accuracy < 0.85 {
        return Err("accuracy below 85%".into());
    }
    Ok(())
}
