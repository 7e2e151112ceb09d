//! `ricci demo`: the lecture notes' formulas on built-in data.
//!
//! In: nothing. Out: for each step, the formula, its inputs, ricci's result
//! and the notes' answer beside it.
//!
//! Always: every step runs through the same public pipeline a user's program
//! does (parse, check, bind, JIT-compile, run; its compile and run times are
//! shown), and is checked against the reference interpreter too; a step
//! whose result disagrees with the notes or with the interpreter makes the
//! demo fail with exit status 1.

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

/// A derivative (or simplification) from the notes: ricci's printed result
/// is evaluated beside the notes' answer.
struct SymStep {
    title: &'static str,
    program: &'static str,
    /// `None`: simplify only.
    wrt: Option<&'static str>,
    /// The notes' answer, as a ricci expression over the same inputs.
    notes: &'static str,
    args: Args,
}

fn sym_steps() -> Vec<SymStep> {
    let x = |v: f64| Args::new().param("x", v);
    vec![
        SymStep {
            title: "Eq. 8-13: powers, with negative and fractional exponents",
            program: "y = 3x^4 + 2x^(-1/2) + x^-2",
            wrt: Some("x"),
            // Eq. 12-13 print x^{1.5} for 2(-1/2 x^{-1.5}): a typo in the notes.
            notes: "12x^3 - x^(-1.5) - 2x^(-3)",
            args: x(1.7),
        },
        SymStep {
            title: "Eq. 14-20 and exercise 2: the chain rule",
            program: "y = (x+1)^3",
            wrt: Some("x"),
            notes: "3(x+1)^2",
            args: x(0.6),
        },
        SymStep {
            title: "Exercise 3: the same, expanded first",
            program: "y = x^3 + 3x^2 + 3x + 1",
            wrt: Some("x"),
            notes: "3(x+1)^2",
            args: x(0.6),
        },
        SymStep {
            title: "Eq. 22-29: the product rule",
            program: "y = (x + x^2 + x^3)(2x + 3x^2 + x^3)",
            wrt: Some("x"),
            notes: "(x + x^2 + x^3)(2 + 6x + 3x^2) + (2x + 3x^2 + x^3)(1 + 2x + 3x^2)",
            args: x(1.3),
        },
        SymStep {
            title: "Exercise 1",
            program: "y = 4x^2.5 + x^(1/2) - 6x^(-1/2)",
            wrt: Some("x"),
            notes: "10x^1.5 + 1/2 x^(-1/2) + 3x^(-1.5)",
            args: x(2.2),
        },
        SymStep {
            title: "Exercise 4: dL/da = 8a + 2 is 0 at the minimum a = -1/4",
            program: "L = 4a^2 + 2a + 1",
            wrt: Some("a"),
            notes: "0",
            args: Args::new().param("a", -0.25),
        },
        SymStep {
            title: "Exercise 7: a sum whose body does not depend on i",
            program: "s = sum_{i=1}^{N} b",
            wrt: None,
            notes: "N b",
            args: Args::new().param("N", 6.0).param("b", 2.5),
        },
        SymStep {
            title: "Exercise 8: a product whose body does not depend on i",
            program: "p = prod_{i=1}^{N} b",
            wrt: None,
            notes: "b^N",
            args: Args::new().param("N", 6.0).param("b", 2.5),
        },
        SymStep {
            title: "Exercise 12: dy_i/dw_k for y = X w (no sum, no delta left)",
            program: "y[i] = sum_j X[i,j] w[j]",
            wrt: Some("w[k]"),
            notes: "X[i,k]",
            args: Args::new()
                .tensor("X", t(&[2, 3], &[1., 2., 3., 4., 5., 6.]))
                .tensor("w", t(&[3], &[0.5, -1., 2.])),
        },
        SymStep {
            title: "The least-squares gradient",
            program: "L = sum_i (y[i] - sum_j X[i,j] w[j])^2",
            wrt: Some("w[k]"),
            notes: "-2 sum_i X[i,k] (y[i] - sum_j X[i,j] w[j])",
            args: Args::new()
                .tensor("X", t(&[3, 2], &[1., 2., 3., 4., 5., 6.]))
                .tensor("w", t(&[2], &[0.5, -1.]))
                .tensor("y", t(&[3], &[1., 0., 2.])),
        },
    ]
}

/// Runs one symbolic step; whether ricci's result agrees with the notes.
fn run_sym(step: &SymStep) -> Result<bool, Failure> {
    let fail = |e: crate::diagnostics::Errors, src: &str| Failure::Data(e.render("<demo>", src));
    let mut p = crate::sym::SymProgram::parse(step.program).map_err(|e| fail(e, step.program))?;
    let (text, last) = match step.wrt {
        Some(wrt) => {
            let d = p.diff(None, wrt).map_err(|e| fail(e, step.program))?;
            (p.program_text(&[d]), p.def_text(d))
        }
        None => (p.text(), p.text()),
    };
    println!(
        "   ricci {} {}",
        if step.wrt.is_some() {
            "diff"
        } else {
            "simplify"
        },
        step.program
    );
    if let Some(wrt) = step.wrt {
        println!("         --wrt {wrt}");
    }
    for line in text.lines() {
        println!("   > {line}");
    }
    // The notes' answer, with the same axes as ricci's last statement.
    let lhs = last.split(" = ").next().unwrap_or("").trim().to_string();
    let notes_program = format!("{lhs} = {}", step.notes);
    let ours = eval_text(&text, &step.args)?;
    let theirs = eval_text(&notes_program, &step.args)?;
    let agrees = match (ours.last(), theirs.last()) {
        (Some(a), Some(b)) => close(a, b),
        _ => false,
    };
    println!(
        "   notes: {notes_program}  {}\n",
        if agrees {
            "(agrees at the sample point)"
        } else {
            "(DISAGREES)"
        }
    );
    Ok(agrees)
}

fn eval_text(src: &str, args: &Args) -> Result<Vec<Tensor>, Failure> {
    let program =
        crate::sema::check_source(src).map_err(|e| Failure::Data(e.render("<demo>", src)))?;
    let mut used = Args::new();
    for (n, t) in &args.tensors {
        if program.input_by_name(n).is_some() {
            used = used.tensor(n, t.clone());
        }
    }
    for (n, v) in &args.params {
        if program.param_by_name(n).is_some() {
            used = used.param(n, *v);
        }
    }
    crate::interp::eval(&program, &used).map_err(|e| Failure::Data(e.render("<demo>", src)))
}

fn close(a: &Tensor, b: &Tensor) -> bool {
    let (a, b) = (a.to_f64(), b.to_f64());
    a.shape() == b.shape()
        && a.iter()
            .zip(b.iter())
            .all(|(x, y)| (x - y).abs() <= 1e-9 * (1.0 + y.abs()))
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
        let fail = |e: crate::diagnostics::Errors| Failure::Data(e.render("<demo>", step.program));
        let t0 = std::time::Instant::now();
        let kernel = crate::jit::compile_uncached(step.program, crate::jit::Options::default())
            .map_err(fail)?;
        let compiled = t0.elapsed();
        let t1 = std::time::Instant::now();
        let values = kernel.call(&args).map_err(fail)?;
        let ran = t1.elapsed();
        // The JIT runs the simplified program; the reference interpreter
        // runs the program as written, and must agree within rounding.
        let oracle = crate::interp::eval(&program, &args).map_err(fail)?;
        let agrees =
            oracle.len() == values.len() && oracle.iter().zip(&values).all(|(o, v)| close(v, o));
        let times = kernel.times;
        println!(
            "   kernel: compiled in {} µs (parse+check {}, symbolic {}, codegen {}), ran in {} µs{}",
            compiled.as_micros(),
            times.parse_check.as_micros(),
            times.symbolic.as_micros(),
            times.codegen.as_micros(),
            ran.as_micros(),
            if agrees {
                "; the interpreter agrees"
            } else {
                "; THE INTERPRETER DISAGREES"
            }
        );
        if !agrees {
            failed += 1;
        }
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
    println!("Derivatives and simplification (sections 1 and 5, exercises 1-4, 7, 8, 12)\n");
    let numbered = steps().len();
    for (n, step) in sym_steps().iter().enumerate() {
        println!("{}. {}", numbered + n + 1, step.title);
        if !run_sym(step)? {
            failed += 1;
        }
    }
    println!("Solving and minimising (exercises 4, 10 and 11)\n");
    let numbered = numbered + sym_steps().len();
    for (n, (title, program, cmd, expect)) in solve_steps().into_iter().enumerate() {
        println!("{}. {title}", numbered + n + 1);
        println!("   ricci {cmd}> {program}");
        let got = match cmd {
            "minimize" => {
                crate::solve::minimize(program, &["a".into()], None, &Args::new(), &mut |_, _| {})
                    .map(|m| m.report())
            }
            _ => {
                let unknown = if program.contains("X[") { "X" } else { "x" };
                crate::solve::solve(program, unknown, &Args::new()).map(|s| s.line())
            }
        };
        let got = got.map_err(|f| {
            Failure::Data(
                f.errors
                    .render("<demo>", if f.text.is_empty() { program } else { &f.text }),
            )
        })?;
        let agrees = got == expect;
        if !agrees {
            failed += 1;
        }
        println!("   {}", indent(got.trim_end(), 3));
        println!(
            "   notes: {} {}\n",
            indent(expect.trim_end(), 10),
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

/// Title, program, command, and the notes' answer as ricci prints it.
fn solve_steps() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    vec![
        (
            "Exercise 4: the minimum of L(a) = 4a^2 + 2a + 1",
            "L = 4a^2 + 2a + 1",
            "minimize",
            "dL_da = 8 a + 2\na = -1/4\nL = 3/4\nminimum\n",
        ),
        (
            "Exercise 10: the inverse of [[1,2],[3,4]], solving A X = I",
            "A = [[1,2],[3,4]]; sum_j A[i,j] X[j,k] = delta[i,k]",
            "solve",
            "X = [[-2, 1], [3/2, -1/2]]\n",
        ),
        (
            "Exercise 11: solve A x = b for x",
            "A = [[1,2],[3,4]]; b = [5,6]; sum_j A[i,j] x[j] = b[i]",
            "solve",
            "x = [-4, 9/2]\n",
        ),
    ]
}

fn indent(text: &str, by: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(by)))
}
