//! Derivatives as compact as a person writes them (issue 13): the printed
//! textbook derivatives and Matrix Cookbook identities, each
//! - snapshotted,
//! - checked against central finite differences of the forward program,
//! - evaluated against the form printed before compaction (the unsimplified
//!   derivative, kept here as text) and against the textbook form,
//! - and no longer than 1.3 times the textbook form in tokens.
//!
//! Refresh the snapshots with `UPDATE_EXPECT=1 cargo test --test
//! compact_diff` (then read the diff: every snapshot is a claim about the
//! math).

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

/// The tokens of a statement: names, numbers, and every other character
/// but spaces on its own.
fn tokens(line: &str) -> usize {
    let cs: Vec<char> = line.chars().collect();
    let (mut i, mut n) = (0, 0);
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        n += 1;
        if c.is_alphanumeric() || c == '_' || c == '.' {
            while i < cs.len() && (cs[i].is_alphanumeric() || cs[i] == '_' || cs[i] == '.') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    n
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

#[track_caller]
fn close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (g, e) in got.iter().zip(want) {
        assert!(
            (g - e).abs() <= tol * (1.0 + e.abs()),
            "{what}\n got  {got:?}\n want {want:?}"
        );
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
    close(&format!("finite differences of {deriv}"), &got, &fd, 1e-5);
}

/// A textbook derivative: the printed program is `expected`; its value
/// matches finite differences, the form printed before compaction
/// (`before`: a whole program whose last statement is the derivative) and
/// the textbook form (`textbook`: the derivative statement as a person
/// writes it, after the printed forward definitions); and its last line
/// has at most 1.3 times the textbook statement's tokens. Returns the
/// token counts (before, after, textbook).
#[track_caller]
fn check(
    src: &str,
    wrt: &str,
    args: &Args,
    before: &str,
    textbook: &str,
    expected: Expect,
) -> (usize, usize, usize) {
    let text = diff_text(src, wrt);
    expected.assert_eq(&text);
    finite_differences(src, &text, wrt, args);
    let got = eval(&text, args);
    close(
        &format!("{text} against {before}"),
        &got,
        &eval(before, args),
        1e-9,
    );
    let lines: Vec<&str> = text.lines().collect();
    let forward = lines[..lines.len() - 1].join("\n");
    let book = format!("{forward}\n{textbook}");
    close(
        &format!("{text} against {book}"),
        &got,
        &eval(&book, args),
        1e-9,
    );
    let last = lines.last().copied().unwrap_or("");
    let (b, a, t) = (
        tokens(before.lines().last().unwrap_or("")),
        tokens(last),
        tokens(textbook),
    );
    assert!(
        10 * a <= 13 * t,
        "{last}: {a} tokens, the textbook's {textbook}: {t}"
    );
    (b, a, t)
}

/// A derivative with no textbook statement to compare with: snapshot,
/// finite differences.
#[track_caller]
fn check_fd(src: &str, wrt: &str, args: &Args, expected: Expect) {
    let text = diff_text(src, wrt);
    expected.assert_eq(&text);
    finite_differences(src, &text, wrt, args);
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

// ------------------------------------------------------------ textbook

#[test]
fn token_counter_counts_names_numbers_and_symbols() {
    assert_eq!(tokens("dL_dz[k] = s[k] - y[k]"), 14);
    assert_eq!(tokens("ds_dx = 2.5 s (1 - s)"), 9);
}

#[test]
fn sigmoid_through_its_value() {
    let counts = check(
        "s = 1/(1 + exp(-x))",
        "x",
        &Args::new().param("x", 0.3),
        "ds_dx = exp(-x)/(exp(-x) + 1)^2",
        "ds_dx = s (1 - s)",
        expect![[r#"
            s = (exp(-x) + 1)^-1
            ds_dx = s (1 - s)
        "#]],
    );
    assert_eq!(counts, (19, 8, 8));
}

const BCE: &str =
    "s[i] = 1/(1 + exp(-z[i])); L = -sum_i (y[i] log(s[i]) + (1 - y[i]) log(1 - s[i]))";

#[test]
fn binary_cross_entropy() {
    let counts = check(
        BCE,
        "z[k]",
        &Args::new().tensor("z", t(&[5], 1)).tensor("y", t(&[5], 2)),
        "s[i] = (exp(-z[i]) + 1)^-1
         dL_dz[k] = -exp(-z[k]) (y[k]/s[k] - (1 - y[k])/(1 - s[k]))/(exp(-z[k]) + 1)^2",
        "dL_dz[k] = s[k] - y[k]",
        expect![[r#"
            s[i] = (exp(-z[i]) + 1)^-1
            dL_dz[k] = s[k] - y[k]
        "#]],
    );
    assert_eq!(counts, (58, 14, 14));
}

const SOFTMAX: &str = "p[i,c] = exp(z[i,c]) / sum_d exp(z[i,d]); L = -sum_{i,c} Y[i,c] log(p[i,c])";

#[test]
fn softmax_cross_entropy() {
    let counts = check(
        SOFTMAX,
        "z[a,b]",
        &Args::new()
            .tensor("z", t(&[3, 4], 3))
            .tensor("Y", t(&[3, 4], 4)),
        "p[i,c] = exp(z[i,c])/(sum_d exp(z[i,d]))
         dL_dz[a,b] = exp(z[a,b]) (sum_c Y[a,c] exp(z[a,c])/p[a,c])/(sum_d exp(z[a,d]))^2 - Y[a,b] exp(z[a,b])/(p[a,b] sum_d exp(z[a,d]))",
        "dL_dz[a,b] = p[a,b] sum_c Y[a,c] - Y[a,b]",
        expect![[r#"
            p[i,c] = exp(z[i,c])/(sum_d exp(z[i,d]))
            dL_dz[a,b] = p[a,b] sum_c Y[a,c] - Y[a,b]
        "#]],
    );
    assert_eq!(counts, (91, 27, 27));
}

const LOGISTIC: &str = "s[i] = 1/(1 + exp(-sum_j X[i,j] w[j]))
L = -sum_i (y[i] log(s[i]) + (1 - y[i]) log(1 - s[i]))";

fn logistic_args() -> Args {
    Args::new()
        .tensor("X", t(&[6, 3], 5))
        .tensor("w", t(&[3], 6))
        .tensor("y", t(&[6], 7))
}

#[test]
fn logistic_regression_gradient() {
    let counts = check(
        LOGISTIC,
        "w[l]",
        &logistic_args(),
        "s[i] = (exp(-sum_j X[i,j] w[j]) + 1)^-1
         dL_dw[l] = -sum_i X[i,l] exp(-sum_j X[i,j] w[j]) (y[i]/s[i] - (1 - y[i])/(1 - s[i]))/(exp(-sum_j X[i,j] w[j]) + 1)^2",
        "dL_dw[l] = sum_i X[i,l] (s[i] - y[i])",
        expect![[r#"
            s[i] = (exp(-sum_j X[i,j] w[j]) + 1)^-1
            dL_dw[l] = sum_i X[i,l] (s[i] - y[i])
        "#]],
    );
    assert_eq!(counts.1, counts.2);
}

#[test]
fn logistic_regression_hessian() {
    let src = format!("{LOGISTIC}\ng[k] = diff(L, w[k])");
    let counts = check(
        &src,
        "w[l]",
        &logistic_args(),
        "s[i] = (exp(-sum_j X[i,j] w[j]) + 1)^-1
         dg_ds[k,i] = X[i,k] y[i] exp(-sum_j X[i,j] w[j])/(s[i]^2 (exp(-sum_j X[i,j] w[j]) + 1)^2) + X[i,k] exp(-sum_j X[i,j] w[j]) (1 - y[i])/((exp(-sum_j X[i,j] w[j]) + 1)^2 (1 - s[i])^2)
         dg_dw[k,l] = sum_i X[i,k] X[i,l] exp(-sum_j X[i,j] w[j]) (y[i]/s[i] - (1 - y[i])/(1 - s[i]))/(exp(-sum_j X[i,j] w[j]) + 1)^2 - 2 sum_i X[i,k] X[i,l] exp(-sum_j X[i,j] w[j])^2 (y[i]/s[i] - (1 - y[i])/(1 - s[i]))/(exp(-sum_j X[i,j] w[j]) + 1)^3 + sum_i X[i,l] dg_ds[k,i] exp(-sum_j X[i,j] w[j])/(exp(-sum_j X[i,j] w[j]) + 1)^2",
        "dg_dw[k,l] = sum_i X[i,k] X[i,l] s[i] (1 - s[i])",
        expect![[r#"
            s[i] = (exp(-sum_j X[i,j] w[j]) + 1)^-1
            dg_dw[k,l] = sum_i X[i,k] X[i,l] s[i] (1 - s[i])
        "#]],
    );
    assert_eq!(counts.1, counts.2);
}

#[test]
fn softmax_regression_gradient() {
    check(
        "p[i,c] = exp(sum_j X[i,j] W[c,j]) / sum_d exp(sum_j X[i,j] W[d,j])
         L = -sum_{i,c} Y[i,c] log(p[i,c])",
        "W[a,b]",
        &Args::new()
            .tensor("X", t(&[4, 3], 8))
            .tensor("W", t(&[2, 3], 9))
            .tensor("Y", t(&[4, 2], 10)),
        "p[i,c] = exp(sum_j W[c,j] X[i,j])/(sum_d exp(sum_j W[d,j] X[i,j]))
         dL_dW[a,b] = sum_i X[i,b] exp(sum_j W[a,j] X[i,j]) (sum_c Y[i,c] exp(sum_j W[c,j] X[i,j])/p[i,c])/(sum_d exp(sum_j W[d,j] X[i,j]))^2 - sum_i X[i,b] Y[i,a] exp(sum_j W[a,j] X[i,j])/(p[i,a] sum_d exp(sum_j W[d,j] X[i,j]))",
        "dL_dW[a,b] = sum_i X[i,b] (p[i,a] sum_c Y[i,c] - Y[i,a])",
        expect![[r#"
            p[i,c] = exp(sum_j W[c,j] X[i,j])/(sum_d exp(sum_j W[d,j] X[i,j]))
            dL_dW_i[i,a] = p[i,a] sum_d Y[i,d] - Y[i,a]
            dL_dW[a,b] = sum_i X[i,b] dL_dW_i[i,a]
        "#]],
    );
}

#[test]
fn least_squares() {
    let counts = check(
        "r[i] = y[i] - sum_j X[i,j] w[j]; L = sum_i r[i]^2",
        "w[k]",
        &Args::new()
            .tensor("X", t(&[5, 3], 11))
            .tensor("w", t(&[3], 12))
            .tensor("y", t(&[5], 13)),
        "r[i] = y[i] - sum_j X[i,j] w[j]
         dL_dw[k] = -2 sum_i X[i,k] r[i]",
        "dL_dw[k] = -2 sum_i X[i,k] r[i]",
        expect![[r#"
            r[i] = y[i] - sum_j X[i,j] w[j]
            dL_dw[k] = -2 sum_i X[i,k] r[i]
        "#]],
    );
    assert_eq!(counts.0, counts.1);
}

#[test]
fn tanh_layer() {
    check(
        "h[i] = tanh(sum_j W[i,j] x[j]); L = sum_i v[i] h[i]",
        "W[a,b]",
        &Args::new()
            .tensor("W", t(&[3, 2], 14))
            .tensor("x", t(&[2], 15))
            .tensor("v", t(&[3], 16)),
        "h[i] = tanh(sum_j W[i,j] x[j])
         dL_dW[a,b] = v[a] x[b] (1 - h[a]^2)",
        "dL_dW[a,b] = v[a] x[b] (1 - h[a]^2)",
        expect![[r#"
            h[i] = tanh(sum_j W[i,j] x[j])
            dL_dW[a,b] = v[a] x[b] (1 - h[a]^2)
        "#]],
    );
}

#[test]
fn sigmoid_written_as_exp_over_one_plus_exp() {
    check(
        "s[i] = exp(z[i])/(1 + exp(z[i])); L = sum_i y[i] s[i]",
        "z[k]",
        &Args::new()
            .tensor("z", t(&[4], 17))
            .tensor("y", t(&[4], 18)),
        "s[i] = exp(z[i])/(exp(z[i]) + 1)
         dL_dz[k] = y[k] exp(z[k])/(exp(z[k]) + 1) - y[k] exp(z[k])^2/(exp(z[k]) + 1)^2",
        "dL_dz[k] = y[k] s[k] (1 - s[k])",
        expect![[r#"
            s[i] = exp(z[i])/(exp(z[i]) + 1)
            dL_dz[k] = s[k] y[k] (1 - s[k])
        "#]],
    );
}

// ------------------------------------------------------------ the Matrix Cookbook

#[test]
fn cookbook_x_transpose_a() {
    check_fd(
        "f = sum_i x[i] a[i]",
        "x[k]",
        &Args::new()
            .tensor("x", t(&[3], 20))
            .tensor("a", t(&[3], 21)),
        expect![[r#"
            df_dx[k] = a[k]
        "#]],
    );
}

#[test]
fn cookbook_quadratic_form() {
    check_fd(
        "f = sum_{i,j} x[i] A[i,j] x[j]",
        "x[k]",
        &Args::new()
            .tensor("x", t(&[3], 22))
            .tensor("A", t(&[3, 3], 23)),
        expect![[r#"
            df_dx[k] = sum_i A[i,k] x[i] + sum_j A[k,j] x[j]
        "#]],
    );
}

#[test]
fn cookbook_trace_of_a_x() {
    check_fd(
        "f = sum_{i,j} A[i,j] X[j,i]",
        "X[a,b]",
        &Args::new()
            .tensor("X", t(&[3, 3], 24))
            .tensor("A", t(&[3, 3], 25)),
        expect![[r#"
            df_dX[a,b] = A[b,a]
        "#]],
    );
}

#[test]
fn cookbook_a_transpose_x_b() {
    check_fd(
        "f = sum_{i,j} a[i] X[i,j] b[j]",
        "X[m,n]",
        &Args::new()
            .tensor("X", t(&[3, 2], 26))
            .tensor("a", t(&[3], 27))
            .tensor("b", t(&[2], 28)),
        expect![[r#"
            df_dX[m,n] = a[m] b[n]
        "#]],
    );
}

#[test]
fn cookbook_trace_of_x_transpose_x() {
    check_fd(
        "f = sum_{i,j} X[i,j]^2",
        "X[a,b]",
        &Args::new().tensor("X", t(&[2, 3], 29)),
        expect![[r#"
            df_dX[a,b] = 2 X[a,b]
        "#]],
    );
}

#[test]
fn cookbook_log_sum_exp_is_softmax() {
    check_fd(
        "f = log(sum_i exp(x[i]))",
        "x[k]",
        &Args::new().tensor("x", t(&[4], 30)),
        expect![[r#"
            df_dx[k] = exp(x[k])/(sum_i exp(x[i]))
        "#]],
    );
}

// ------------------------------------------------------------ gathered sums

#[test]
fn sums_over_different_ranges_stay_apart() {
    // A has 3 rows and B 4: the two sums over rows are not one sum.
    check_fd(
        "L = sum_{i,c} A[i,c] w[c]^2 + sum_{j,c} B[j,c] exp(w[c])",
        "w[k]",
        &Args::new()
            .tensor("A", t(&[3, 2], 31))
            .tensor("B", t(&[4, 2], 32))
            .tensor("w", t(&[2], 33)),
        expect![[r#"
            dL_dw[k] = 2 w[k] sum_i A[i,k] + exp(w[k]) sum_j B[j,k]
        "#]],
    );
}

#[test]
fn sums_over_one_range_without_a_common_tensor_factor_stay() {
    check_fd(
        "L = sum_{i,c} A[i,c] w[c]^2 + sum_{i,c} A[i,c] exp(w[c])",
        "w[k]",
        &Args::new()
            .tensor("A", t(&[3, 2], 34))
            .tensor("w", t(&[2], 35)),
        expect![[r#"
            dL_dw[k] = 2 w[k] sum_i A[i,k] + exp(w[k]) sum_i A[i,k]
        "#]],
    );
}
