//! `ricci demo`: the lecture notes' formulas on built-in data.
//!
//! In: nothing. Out: for each step, the formula, its inputs, ricci's result
//! and the notes' answer beside it.
//!
//! Always: every step runs through the same public pipeline a user's program
//! does (parse, check, bind, evaluate); a step whose result disagrees with the
//! notes makes the demo fail with exit status 1.

use super::Failure;
use crate::runtime::args::Args;
use crate::runtime::values::{Tensor, format_value};
use ndarray::{ArrayD, IxDyn};

struct Step {
    title: &'static str,
    program: &'static str,
    inputs: Vec<(&'static str, Tensor)>,
    dims: Vec<(&'static str, usize)>,
    /// The notes' answer for the last definition.
    expect: Tensor,
}

fn t(shape: &[usize], v: &[f64]) -> Tensor {
    match ArrayD::from_shape_vec(IxDyn(shape), v.to_vec()) {
        Ok(a) => Tensor::F64(a),
        Err(_) => Tensor::F64(ArrayD::zeros(IxDyn(&[0]))),
    }
}

fn s(v: f64) -> Tensor {
    t(&[], &[v])
}

fn steps() -> Vec<Step> {
    let a12 = t(&[2, 2], &[1., 2., 3., 4.]);
    let b56 = t(&[2, 2], &[5., 6., 7., 8.]);
    let b23 = t(&[2, 3], &[1., 2., 3., 4., 5., 6.]);
    vec![
        Step {
            title: "Exercise 5: a sum with bounds",
            program: "sum_{i=0}^{5} i^2",
            inputs: vec![],
            dims: vec![],
            expect: s(55.),
        },
        Step {
            title: "Exercise 6: a product with bounds",
            program: "prod_{i=1}^{5} i",
            inputs: vec![],
            dims: vec![],
            expect: s(120.),
        },
        Step {
            title: "Eq. 37 and 39: sum of squares and product, 1 to 3",
            program: "s = sum_{i=1}^{3} i^2; p = prod_{i=1}^{3} i; s + p",
            inputs: vec![],
            dims: vec![],
            expect: s(20.),
        },
        Step {
            title: "Eq. 60-62: matrix product",
            program: "C[i,k] = sum_j A[i,j] B[j,k]",
            inputs: vec![("A", b56.clone()), ("B", a12.clone())],
            dims: vec![],
            expect: t(&[2, 2], &[23., 34., 31., 46.]),
        },
        Step {
            title: "Exercise 9: matrix product, implicit summation over j",
            program: "C[i,k] = A[i,j] B[j,k]",
            inputs: vec![("A", a12.clone()), ("B", b56.clone())],
            dims: vec![],
            expect: t(&[2, 2], &[19., 22., 43., 50.]),
        },
        Step {
            title: "Eq. 64: matrix-vector product (exercise 11's answer, multiplied back)",
            program: "v[i] = sum_j A[i,j] c[j]",
            inputs: vec![("A", a12.clone()), ("c", t(&[2], &[-4., 4.5]))],
            dims: vec![],
            expect: t(&[2], &[5., 6.]),
        },
        Step {
            title: "Eq. 66: vector-matrix product",
            program: "v[k] = sum_j r[j] A[j,k]",
            inputs: vec![("r", t(&[2], &[1., 1.])), ("A", a12.clone())],
            dims: vec![],
            expect: t(&[2], &[4., 6.]),
        },
        Step {
            title: "Eq. 69: inner product",
            program: "v = sum_j r[j] c[j]",
            inputs: vec![("r", t(&[3], &[1., 2., 3.])), ("c", t(&[3], &[4., 5., 6.]))],
            dims: vec![],
            expect: s(32.),
        },
        Step {
            title: "Eq. 72: outer product",
            program: "C[i,k] = a[i] b[k]",
            inputs: vec![("a", t(&[2], &[1., 2.])), ("b", t(&[3], &[3., 4., 5.]))],
            dims: vec![],
            expect: t(&[2, 3], &[3., 4., 5., 6., 8., 10.]),
        },
        Step {
            title: "Eq. 53: transpose",
            program: "BT[j,i] = B[i,j]",
            inputs: vec![("B", b23)],
            dims: vec![],
            expect: t(&[3, 2], &[1., 4., 2., 5., 3., 6.]),
        },
        Step {
            title: "Eq. 74-75: the identity, I C = C",
            program: "I[i,j] = delta[i,j]; D[i,k] = sum_j I[i,j] C[j,k]",
            inputs: vec![("C", b56.clone())],
            dims: vec![("i", 2), ("j", 2)],
            expect: b56,
        },
        Step {
            title: "Eq. 96: the Kronecker delta picks out an element of a sum",
            program: "v[i] = sum_j delta[i,j] a[j]",
            inputs: vec![("a", t(&[3], &[7., 8., 9.]))],
            dims: vec![],
            expect: t(&[3], &[7., 8., 9.]),
        },
    ]
}

pub fn run() -> Result<(), Failure> {
    println!("ricci demo: the formulas of the lecture notes, on built-in data\n");
    let mut failed = 0;
    for (n, step) in steps().into_iter().enumerate() {
        println!("{}. {}", n + 1, step.title);
        println!("   ricci> {}", step.program);
        let mut args = Args::new();
        for (name, value) in &step.inputs {
            println!(
                "   {name} = {}",
                indent(&format_value(value), name.len() + 6)
            );
            args = args.tensor(name, value.clone());
        }
        for (name, n) in &step.dims {
            args = args.dim(name, *n);
        }
        let program = crate::sema::check_source(step.program)
            .map_err(|e| Failure::Data(e.render("<demo>", step.program)))?;
        let values = crate::interp::eval(&program, &args)
            .map_err(|e| Failure::Data(e.render("<demo>", step.program)))?;
        for (def, value) in program.defs.iter().zip(&values) {
            let name = def.name.clone().unwrap_or_else(|| "=".to_string());
            let text = format_value(value);
            if def.name.is_some() {
                println!("   {name} = {}", indent(&text, name.len() + 6));
            } else {
                println!("   = {}", indent(&text, 5));
            }
        }
        let agrees = values.last() == Some(&step.expect);
        if !agrees {
            failed += 1;
        }
        println!(
            "   notes: {} {}\n",
            indent(&format_value(&step.expect), 10),
            if agrees { "(agrees)" } else { "(DISAGREES)" }
        );
    }
    if failed > 0 {
        return Err(Failure::plain(format!(
            "{failed} demo step(s) disagree with the notes"
        )));
    }
    Ok(())
}

fn indent(text: &str, by: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(by)))
}
