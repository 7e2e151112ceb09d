//! The symbolic engine through its public API: the lecture notes' exercises
//! and derivatives printed exactly, snapshots of the derivatives users ask
//! for most (each free of deltas), and each printed derivative evaluated
//! against central finite differences of the forward program.
//!
//! Refresh the snapshots with `UPDATE_EXPECT=1 cargo test --test all symbolic::`
//! (then read the diff: every snapshot is a claim about the math).

use expect_test::{Expect, expect};
use ndarray::{ArrayD, IxDyn};
use ricci::{Args, SymProgram, Tensor};

fn parse(src: &str) -> SymProgram {
    match SymProgram::parse(src) {
        Ok(p) => p,
        Err(e) => panic!("{}", e.render("test", src)),
    }
}

/// `ricci diff SRC --wrt WRT` (of the last definition).
fn diff_text(src: &str, wrt: &str) -> String {
    let mut p = parse(src);
    let d = match p.diff(None, wrt) {
        Ok(d) => d,
        Err(e) => panic!("{}", e.render("test", src)),
    };
    p.program_text(&[d])
}

fn simplify_text(src: &str) -> String {
    parse(src).text()
}

/// The derivative's printed program, checked against a snapshot, then
/// checked for leftover deltas and by value against finite differences.
#[track_caller]
fn check_diff(src: &str, wrt: &str, args: &Args, expected: Expect) -> String {
    let text = diff_text(src, wrt);
    expected.assert_eq(&text);
    let last = text.lines().last().unwrap_or("");
    assert!(!last.contains("delta"), "a delta is left in {last}");
    finite_differences(src, &text, wrt, args);
    text
}

fn eval(src: &str, args: &Args) -> Vec<f64> {
    let program = match ricci::check(src) {
        Ok(p) => p,
        Err(e) => panic!("{}", e.render("test", src)),
    };
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
    match ricci::eval(&program, &used) {
        Ok(v) => v.last().unwrap().to_f64().iter().copied().collect(),
        Err(e) => panic!("{}", e.render("test", src)),
    }
}

/// The printed derivative program `deriv` against central differences of
/// the last definition of `src` with respect to `wrt` (`x` or `w[k,...]`).
#[track_caller]
fn finite_differences(src: &str, deriv: &str, wrt: &str, args: &Args) {
    let name = wrt.split('[').next().unwrap_or(wrt);
    let got = eval(deriv, args);
    let (shape, x0): (Vec<usize>, Vec<f64>) = match args.tensors.get(name) {
        Some(t) => (t.shape().to_vec(), t.to_f64().iter().copied().collect()),
        None => (vec![], vec![args.params[name]]),
    };
    let at = |x: &[f64]| {
        let mut a = args.clone();
        if a.tensors.contains_key(name) {
            let arr = ArrayD::from_shape_vec(IxDyn(&shape), x.to_vec()).unwrap();
            a.tensors.insert(name.to_string(), Tensor::F64(arr));
        } else {
            a.params.insert(name.to_string(), x[0]);
        }
        eval(src, &a)
    };
    let outs = at(&x0).len();
    let h = 1e-6;
    let mut fd = vec![0.0; outs * x0.len()];
    for k in 0..x0.len() {
        let (mut p, mut m) = (x0.clone(), x0.clone());
        p[k] += h;
        m[k] -= h;
        let (fp, fm) = (at(&p), at(&m));
        for o in 0..outs {
            fd[o * x0.len() + k] = (fp[o] - fm[o]) / (2.0 * h);
        }
    }
    assert_eq!(got.len(), fd.len(), "{deriv}");
    for (g, e) in got.iter().zip(&fd) {
        assert!(
            (g - e).abs() <= 1e-5 * (1.0 + e.abs()),
            "{deriv}\n got {got:?}\n fd  {fd:?}"
        );
    }
}

fn t(shape: &[usize], seed: u64) -> Tensor {
    let n: usize = shape.iter().product();
    let mut s = seed.wrapping_mul(0x9E3779B97F4A7C15) | 1;
    let v: Vec<f64> = (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        })
        .collect();
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v).unwrap())
}

fn x(v: f64) -> Args {
    Args::new().param("x", v)
}

// ------------------------------------------------------------ the notes

#[test]
fn exercise_1_fractional_powers() {
    check_diff(
        "y = 4x^2.5 + x^(1/2) - 6x^(-1/2)",
        "x",
        &x(1.7),
        expect![[r#"
            dy_dx = 10 x^1.5 + 0.5 x^-0.5 + 3 x^-1.5
        "#]],
    );
}

#[test]
fn exercises_2_and_3_chain_rule_both_ways() {
    check_diff(
        "y = (x+1)^3",
        "x",
        &x(0.3),
        expect![[r#"
            dy_dx = 3 (x + 1)^2
        "#]],
    );
    check_diff(
        "y = x^3 + 3x^2 + 3x + 1",
        "x",
        &x(0.3),
        expect![[r#"
            dy_dx = 3 x^2 + 6 x + 3
        "#]],
    );
    // The same polynomial: 3(x+1)^2 multiplied out.
    let mut p = parse("a = 3(x+1)^2; b = 3 x^2 + 6 x + 3");
    let (a, b) = (p.defs[0].body, p.defs[1].body);
    let ea = ricci::sym::simplify::expand(&mut p.pool, a);
    assert_eq!(ea, b);
}

#[test]
fn exercise_4_stationary_point() {
    check_diff(
        "L = 4a^2 + 2a + 1",
        "a",
        &Args::new().param("a", 0.9),
        expect![[r#"
            dL_da = 8 a + 2
        "#]],
    );
    // 8a + 2 = 0 at a = -1/4.
    assert_eq!(
        eval(
            "L = 4a^2 + 2a + 1; d = diff(L, a)",
            &Args::new().param("a", -0.25)
        ),
        vec![0.0]
    );
}

#[test]
fn exercises_7_and_8_constant_bodies() {
    expect![[r#"
        s = N b
    "#]]
    .assert_eq(&simplify_text("s = sum_{i=1}^{N} b"));
    expect![[r#"
        p = b^N
    "#]]
    .assert_eq(&simplify_text("p = prod_{i=1}^{N} b"));
    expect![[r#"
        s = b (N - M + 1)
    "#]]
    .assert_eq(&simplify_text("s = sum_{i=M}^{N} b"));
    expect![[r#"
        s = 6 b
        p = b^6
    "#]]
    .assert_eq(&simplify_text("s = sum_{i=0}^{5} b; p = prod_{i=0}^{5} b"));
}

#[test]
fn exercise_12_no_sum_no_delta() {
    let text = check_diff(
        "y[i] = sum_j X[i,j] w[j]",
        "w[k]",
        &Args::new()
            .tensor("X", t(&[3, 4], 1))
            .tensor("w", t(&[4], 2)),
        expect![[r#"
            dy_dw[i,k] = X[i,k]
        "#]],
    );
    assert!(!text.contains("sum"));
}

#[test]
fn equations_8_to_13() {
    // The notes' eq. 12-13 print x^{1.5} for the middle term, a typo for
    // 2 (-1/2) x^{-1.5} = -x^{-1.5}.
    check_diff(
        "y = 3x^4 + 2x^(-1/2) + x^-2",
        "x",
        &x(1.3),
        expect![[r#"
            dy_dx = 12 x^3 - x^-1.5 - 2 x^-3
        "#]],
    );
}

#[test]
fn equations_22_to_29_product_rule() {
    let product = diff_text("y = (x + x^2 + x^3)(2x + 3x^2 + x^3)", "x");
    let expanded = diff_text("y = 2x^2 + 5x^3 + 6x^4 + 4x^5 + x^6", "x");
    let eq29 = "dy_dx = (x + x^2 + x^3)(2 + 6x + 3x^2) + (2x + 3x^2 + x^3)(1 + 2x + 3x^2)";
    for v in [-1.5, -0.3, 0.0, 0.7, 2.0] {
        let a = eval(&product, &x(v));
        let b = eval(&expanded, &x(v));
        let c = eval(eq29, &x(v));
        assert!(
            (a[0] - b[0]).abs() <= 1e-9 * (1.0 + b[0].abs()),
            "{a:?} {b:?}"
        );
        assert!(
            (a[0] - c[0]).abs() <= 1e-9 * (1.0 + c[0].abs()),
            "{a:?} {c:?}"
        );
    }
}

// ------------------------------------------- derivatives users ask for

#[test]
fn least_squares_gradient() {
    check_diff(
        "L = sum_i (y[i] - sum_j X[i,j] w[j])^2",
        "w[k]",
        &Args::new()
            .tensor("X", t(&[5, 3], 3))
            .tensor("w", t(&[3], 4))
            .tensor("y", t(&[5], 5)),
        expect![[r#"
            dL_dw[k] = -2 sum_i X[i,k] (y[i] - sum_j X[i,j] w[j])
        "#]],
    );
}

#[test]
fn quadratic_form_gives_a_plus_a_transpose_x() {
    check_diff(
        "f = sum_{i,j} x[i] A[i,j] x[j]",
        "x[k]",
        &Args::new()
            .tensor("A", t(&[3, 3], 6))
            .tensor("x", t(&[3], 7)),
        expect![[r#"
            df_dx[k] = sum_i A[i,k] x[i] + sum_j A[k,j] x[j]
        "#]],
    );
}

#[test]
fn trace_of_a_product() {
    check_diff(
        "f = sum_{i,j} A[i,j] X[j,i]",
        "X[a,b]",
        &Args::new()
            .tensor("A", t(&[3, 2], 8))
            .tensor("X", t(&[2, 3], 9)),
        expect![[r#"
            df_dX[a,b] = A[b,a]
        "#]],
    );
}

#[test]
fn softmax_cross_entropy() {
    check_diff(
        "L = -sum_i t[i] log(exp(z[i]) / sum_j exp(z[j]))",
        "z[k]",
        &Args::new()
            .tensor("t", t(&[4], 10))
            .tensor("z", t(&[4], 11)),
        expect![[r#"
            dL_dz[k] = exp(z[k]) (sum_i t[i])/(sum_j exp(z[j])) - t[k]
        "#]],
    );
}

#[test]
fn two_layer_tanh_network() {
    check_diff(
        "h[i] = tanh(sum_j W1[i,j] x[j])
         o[i] = tanh(sum_j W2[i,j] h[j])
         L = sum_i (o[i] - t[i])^2",
        "W1[a,b]",
        &Args::new()
            .tensor("W1", t(&[4, 3], 12))
            .tensor("W2", t(&[2, 4], 13))
            .tensor("x", t(&[3], 14))
            .tensor("t", t(&[2], 15)),
        expect![[r#"
            h[i] = tanh(sum_j W1[i,j] x[j])
            o[i] = tanh(sum_j W2[i,j] h[j])
            dL_dh[i] = 2 sum_i2 W2[i2,i] (o[i2] - t[i2]) (1 - o[i2]^2)
            dL_dW1[a,b] = dL_dh[a] x[b] (1 - h[a]^2)
        "#]],
    );
}

#[test]
fn hessian_of_least_squares() {
    let src = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])";
    check_diff(
        src,
        "w[l]",
        &Args::new()
            .tensor("X", t(&[5, 3], 16))
            .tensor("w", t(&[3], 17))
            .tensor("y", t(&[5], 18)),
        expect![[r#"
            dg_dw[k,l] = 2 sum_i X[i,k] X[i,l]
        "#]],
    );
    // The same, written as one nested diff.
    expect![[r#"
        L = sum_i (y[i] - sum_j X[i,j] w[j])^2
        H[k,l] = 2 sum_i X[i,k] X[i,l]
    "#]]
    .assert_eq(&simplify_text(
        "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; H[k,l] = diff(diff(L, w[k]), w[l])",
    ));
}

#[test]
fn hessian_of_a_quadratic_form() {
    check_diff(
        "f = sum_{i,j} x[i] A[i,j] x[j]; g[k] = diff(f, x[k])",
        "x[l]",
        &Args::new()
            .tensor("A", t(&[3, 3], 19))
            .tensor("x", t(&[3], 20)),
        expect![[r#"
            dg_dx[k,l] = A[k,l] + A[l,k]
        "#]],
    );
}

#[test]
fn bound_indices_never_capture() {
    // LANGUAGE.md section 2: diff(sum_k w[k]^2, w[k]) is 2 w[k].
    expect![[r#"
        g[k] = 2 w[k]
    "#]]
    .assert_eq(&simplify_text("g[k] = diff(sum_k w[k]^2, w[k])"));
}
