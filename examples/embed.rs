//! Embedding ricci in a Rust program: check a formula once, evaluate it on
//! ndarray arrays, and show a diagnostic for a bad call.
//!
//! Run with `cargo run --example embed`.

use ndarray::{Array1, Array2};
use ricci::{Args, Tensor};

fn main() {
    let src = "y[i] = sum_j X[i,j] w[j]\nL = sum_i (y[i] - t[i])^2";
    let program = match ricci::check(src) {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", e.render("<formula>", src));
            std::process::exit(1);
        }
    };
    let x = Array2::from_shape_fn((3, 2), |(i, j)| (i + 2 * j) as f64);
    let w = Array1::from(vec![0.5, -1.0]);
    let t = Array1::from(vec![1.0, 0.0, -1.0]);
    let args = Args::new()
        .tensor("X", Tensor::F64(x.into_dyn()))
        .tensor("w", Tensor::F64(w.into_dyn()))
        .tensor("t", Tensor::F64(t.into_dyn()));
    match ricci::eval(&program, &args) {
        Ok(values) => {
            for (def, value) in program.defs.iter().zip(&values) {
                let name = def.name.as_deref().unwrap_or("_");
                println!("{name} = {}", ricci::runtime::values::format_value(value));
            }
        }
        Err(e) => eprint!("{}", e.render("<formula>", src)),
    }

    // A shape mismatch is an error that names the index, tensors and lengths.
    let bad = Args::new()
        .tensor("X", Tensor::F64(Array2::<f64>::zeros((3, 2)).into_dyn()))
        .tensor("w", Tensor::F64(Array1::<f64>::zeros(5).into_dyn()))
        .tensor("t", Tensor::F64(Array1::<f64>::zeros(3).into_dyn()));
    if let Err(e) = ricci::eval(&program, &bad) {
        eprint!("{}", e.render("<formula>", src));
    }
}
