//! Derivatives checked by value: `diff(...)` evaluated through the symbolic
//! engine and the interpreter, against central finite differences of the
//! interpreter on the forward program, and against the notes' answers.

use crate::runtime::args::Args;
use crate::runtime::values::Tensor;
use crate::sema;
use ndarray::{ArrayD, IxDyn};

fn t64(shape: &[usize], v: &[f64]) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v.to_vec()).unwrap())
}

/// Deterministic pseudo-random values in [lo, hi).
fn values(n: usize, seed: u64, lo: f64, hi: f64) -> Vec<f64> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            lo + (hi - lo) * ((s >> 11) as f64 / (1u64 << 53) as f64)
        })
        .collect()
}

pub(crate) fn run(src: &str, args: &Args) -> Vec<Tensor> {
    let program = match sema::check_source(src) {
        Ok(p) => p,
        Err(e) => panic!("check failed:\n{}", e.render("test", src)),
    };
    match crate::interp::eval(&program, args) {
        Ok(v) => v,
        Err(e) => panic!("eval failed:\n{}", e.render("test", src)),
    }
}

fn flat(t: &Tensor) -> Vec<f64> {
    t.to_f64().iter().copied().collect()
}

/// Checks `deriv` (the last statement of `forward; deriv`, laid out as the
/// last definition's axes then the target's) against central differences of
/// the last definition of `forward` with respect to input `wrt`.
#[track_caller]
pub(crate) fn check_fd(forward: &str, deriv: &str, args: &Args, wrt: &str, tol: f64) {
    let full = format!("{forward}\n{deriv}");
    let got = run(&full, args).pop().unwrap();
    let base = args.tensors.get(wrt);
    let (shape, x0): (Vec<usize>, Vec<f64>) = match base {
        Some(t) => (t.shape().to_vec(), flat(t)),
        None => (vec![], vec![args.params[wrt]]),
    };
    let f = |x: &[f64]| -> Vec<f64> {
        let mut a = args.clone();
        if base.is_some() {
            a.tensors.insert(wrt.to_string(), t64(&shape, x));
        } else {
            a.params.insert(wrt.to_string(), x[0]);
        }
        flat(run(forward, &a).last().unwrap())
    };
    let out_len = f(&x0).len();
    let h = 1e-6;
    let mut expected = vec![0.0; out_len * x0.len()];
    for k in 0..x0.len() {
        let mut xp = x0.clone();
        xp[k] += h;
        let mut xm = x0.clone();
        xm[k] -= h;
        let (fp, fm) = (f(&xp), f(&xm));
        for o in 0..out_len {
            expected[o * x0.len() + k] = (fp[o] - fm[o]) / (2.0 * h);
        }
    }
    let got = flat(&got);
    assert_eq!(got.len(), expected.len(), "{full}: got {got:?}");
    for (g, e) in got.iter().zip(&expected) {
        assert!(
            (g - e).abs() <= tol * (1.0 + e.abs()),
            "{full}\n got {got:?}\n fd  {expected:?}"
        );
    }
}

fn mat(name: &str, r: usize, c: usize, seed: u64) -> (String, Tensor) {
    (
        name.to_string(),
        t64(&[r, c], &values(r * c, seed, -1.0, 1.0)),
    )
}

fn vector(name: &str, n: usize, seed: u64) -> (String, Tensor) {
    (name.to_string(), t64(&[n], &values(n, seed, -1.0, 1.0)))
}

fn args(ts: Vec<(String, Tensor)>) -> Args {
    let mut a = Args::new();
    for (n, t) in ts {
        a = a.tensor(&n, t);
    }
    a
}

#[test]
fn exercise_12_matrix_vector() {
    let a = args(vec![mat("X", 3, 4, 1), vector("w", 4, 2)]);
    check_fd(
        "y[i] = sum_j X[i,j] w[j]",
        "g[i,k] = diff(y[i], w[k])",
        &a,
        "w",
        1e-6,
    );
}

#[test]
fn least_squares_gradient_and_hessian() {
    let a = args(vec![
        mat("X", 5, 3, 3),
        vector("w", 3, 4),
        vector("y", 5, 5),
    ]);
    let fwd = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2";
    check_fd(fwd, "g[k] = diff(L, w[k])", &a, "w", 1e-5);
    let fwd2 = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])";
    check_fd(fwd2, "H[k,l] = diff(g[k], w[l])", &a, "w", 1e-4);
    check_fd(fwd2, "H[k,l] = diff(diff(L, w[k]), w[l])", &a, "w", 1e-4);
}

#[test]
fn through_definitions() {
    let a = args(vec![
        mat("X", 5, 3, 6),
        vector("w", 3, 7),
        vector("y", 5, 8),
    ]);
    check_fd(
        "r[i] = y[i] - sum_j X[i,j] w[j]; L = sum_i r[i]^2",
        "g[k] = diff(L, w[k])",
        &a,
        "w",
        1e-5,
    );
}

#[test]
fn tanh_layers() {
    let a = args(vec![
        mat("W1", 4, 3, 9),
        mat("W2", 4, 4, 10),
        mat("W3", 2, 4, 11),
        vector("x", 3, 12),
    ]);
    let fwd = "h1[i] = tanh(sum_j W1[i,j] x[j]); h2[i] = tanh(sum_j W2[i,j] h1[j]); \
               h3[i] = tanh(sum_j W3[i,j] h2[j]); L = sum_i h3[i]^2";
    check_fd(fwd, "g[k] = diff(L, x[k])", &a, "x", 1e-5);
    check_fd(fwd, "G[a,b] = diff(L, W1[a,b])", &a, "W1", 1e-5);
}

#[test]
fn every_function() {
    let a = args(vec![vector("x", 4, 13), vector("p", 4, 14)]);
    for body in [
        "exp(x[i])",
        "log(x[i]^2 + 1)",
        "sqrt(x[i]^2 + 1)",
        "abs(x[i])",
        "sign(x[i]) x[i]",
        "tanh(x[i])",
        "sin(x[i])",
        "cos(x[i])",
        "max(x[i], p[i])",
        "min(x[i], p[i])",
        "x[i]^3 / (1 + x[i]^2)",
        "(x[i]^2 + 1)^(x[i])",
        "2^(x[i])",
    ] {
        check_fd(
            &format!("f = sum_i ({body} + 0 p[i])"),
            "g[k] = diff(f, x[k])",
            &a,
            "x",
            1e-5,
        );
    }
}

#[test]
fn products_and_params() {
    check_fd(
        "f = prod_i x[i]",
        "g[k] = diff(f, x[k])",
        &args(vec![vector("x", 4, 15)]),
        "x",
        1e-6,
    );
    let a = args(vec![vector("x", 4, 15)]).param("s", 0.7);
    check_fd("f = prod_i (s x[i] + 2)", "g = diff(f, s)", &a, "s", 1e-5);
    check_fd(
        "f = sum_{i,j} x[i] x[j] s^3; d = diff(f, s)",
        "g = diff(diff(f, s), s)",
        &a,
        "s",
        1e-4,
    );
}

#[test]
fn notes_exercise_4_stationary_point() {
    let a = Args::new().param("a", -0.25);
    let v = run("L = 4a^2 + 2a + 1; d = diff(L, a)", &a);
    assert_eq!(flat(&v[1]), vec![0.0]);
    let v = run("d = diff(4a^2 + 2a + 1, a)", &Args::new().param("a", 3.0));
    assert_eq!(flat(&v[0]), vec![26.0]);
}
