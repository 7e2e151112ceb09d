//! A 2-layer tanh network fitted to y = sin(3x) by gradient descent, its
//! gradients derived symbolically (`diff` with respect to every weight
//! tensor) and JIT-compiled into one kernel; the loss is printed as it
//! falls.
//!
//! Run: cargo run --release --example mlp

use ndarray::{Array1, Array2, ArrayD};

const PROGRAM: &str = "h[i,k] = tanh(sum_j X[i,j] W1[j,k] + b1[k])
out[i] = sum_k h[i,k] W2[k] + b2
L = sum_i (out[i] - y[i])^2 / N
g1[a,c] = diff(L, W1[a,c])
gb1[c] = diff(L, b1[c])
g2[c] = diff(L, W2[c])
gb2 = diff(L, b2)";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (n, hidden) = (128, 16);
    let steps: usize = std::env::var("MLP_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let xs = Array1::linspace(-1.0, 1.0, n);
    let x: ArrayD<f64> = xs.clone().into_shape_with_order((n, 1))?.into_dyn();
    let y: ArrayD<f64> = xs.mapv(|v: f64| (3.0 * v).sin()).into_dyn();
    let mut seed = 11u64;
    let mut rnd = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    };
    let mut w1: ArrayD<f64> = Array2::from_shape_fn((1, hidden), |_| 4.0 * rnd()).into_dyn();
    let mut b1: ArrayD<f64> = Array1::from_shape_fn(hidden, |_| 2.0 * rnd()).into_dyn();
    let mut w2: ArrayD<f64> = Array1::from_shape_fn(hidden, |_| rnd()).into_dyn();
    let mut b2 = 0.0;
    let t = std::time::Instant::now();
    let kernel = ricci::compile(PROGRAM, ricci::Options::default())
        .map_err(|e| e.render("<mlp>", PROGRAM))?;
    println!(
        "compiled the forward pass and 4 gradients in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let rate = 0.1;
    let mut first = None;
    let mut last = f64::NAN;
    let t = std::time::Instant::now();
    for step in 0..=steps {
        let out = kernel
            .run_views::<f64>(
                &[
                    ("X", x.view()),
                    ("y", y.view()),
                    ("W1", w1.view()),
                    ("b1", b1.view()),
                    ("W2", w2.view()),
                ],
                &[("b2", b2), ("N", n as f64)],
            )
            .map_err(|e| e.render("<mlp>", PROGRAM))?;
        // Values in statement order: h, out, L, g1, gb1, g2, gb2.
        let loss = out[2][[]];
        first.get_or_insert(loss);
        last = loss;
        if step % (steps / 10).max(1) == 0 {
            println!("step {step:5}: loss {loss:.6e}");
        }
        w1 = &w1 - &(rate * &out[3]);
        b1 = &b1 - &(rate * &out[4]);
        w2 = &w2 - &(rate * &out[5]);
        b2 -= rate * out[6][[]];
    }
    println!("{steps} steps in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let first = first.unwrap_or(f64::NAN);
    if last.is_nan() || last >= first / 10.0 {
        return Err(format!("the loss fell only from {first} to {last}").into());
    }
    Ok(())
}
