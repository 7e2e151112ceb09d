//! Diagnostics for common mistakes, as `ricci eval` renders them: one
//! snapshot per hint (`UPDATE_EXPECT=1` refreshes), each run through the
//! binary (exit status 1).

use expect_test::{Expect, expect};
use std::path::PathBuf;
use std::process::Command;

/// Runs `ricci eval ARGS` in a scratch directory holding `x.npy` (3,),
/// `X.npy` (3,) and `A.npy` (2, 2); checks the exit status and the
/// rendered errors.
fn eval_fails(args: &[&str], want: Expect) {
    let dir = scratch();
    let o = Command::new(env!("CARGO_BIN_EXE_ricci"))
        .arg("eval")
        .args(args)
        .current_dir(&dir)
        .output()
        .expect("the ricci binary runs");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    want.assert_eq(&err);
}

/// A directory of this call's own (tests run in parallel: a shared one
/// would be rewritten while another test's binary reads it).
fn scratch() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("ricci-hints-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, shape, v) in [
        ("x.npy", &[3][..], &[1., 2., 3.][..]),
        ("X.npy", &[3][..], &[1., 2., 3.][..]),
        ("A.npy", &[2, 2][..], &[1., 2., 3., 4.][..]),
    ] {
        let a = ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(shape), v.to_vec()).unwrap();
        ricci::runtime::npy::write_npy(&dir.join(name), &ricci::runtime::values::Tensor::F64(a))
            .unwrap();
    }
    dir
}

#[test]
fn unknown_function_called_with_parentheses() {
    eval_fails(
        &["y = exq(x) + 1", "--set", "x=1"],
        expect![[r#"
            error: unknown function `exq`
              ┌─ <program>:1:5
              │
            1 │ y = exq(x) + 1
              │     ^^^ did you mean `exp`?
              │
              = help: the functions are exp, log, sqrt, abs, sign, tanh, sin, cos, max, min; to multiply by a parameter `exq`, write `exq * (...)` or leave a space: `exq (...)`

        "#]],
    );
}

#[test]
fn function_name_in_another_case_or_spelling() {
    eval_fails(
        &["y[i] = Tanh(x[i]) + ln(x[i])", "--in", "x=x.npy"],
        expect![[r#"
            error: unknown function `Tanh`
              ┌─ <program>:1:8
              │
            1 │ y[i] = Tanh(x[i]) + ln(x[i])
              │        ^^^^ did you mean `tanh`?
              │
              = help: the functions are exp, log, sqrt, abs, sign, tanh, sin, cos, max, min; to multiply by a parameter `Tanh`, write `Tanh * (...)` or leave a space: `Tanh (...)`

            error: unknown function `ln`
              ┌─ <program>:1:21
              │
            1 │ y[i] = Tanh(x[i]) + ln(x[i])
              │                     ^^ did you mean `log`?
              │
              = help: the functions are exp, log, sqrt, abs, sign, tanh, sin, cos, max, min; to multiply by a parameter `ln`, write `ln * (...)` or leave a space: `ln (...)`

        "#]],
    );
}

#[test]
fn a_parameter_times_parentheses_is_still_a_product() {
    let o = Command::new(env!("CARGO_BIN_EXE_ricci"))
        .args([
            "eval",
            "y = a(b + 1) + exq (2)",
            "--set",
            "a=2",
            "--set",
            "b=3",
        ])
        .args(["--set", "exq=10"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "y = 28\n");
}

#[test]
fn input_name_one_letter_away() {
    eval_fails(
        &["y[i] = 2 X[i]", "--in", "Xx=x.npy"],
        expect![[r#"
            error: input tensor `X` is not given
              ┌─ <program>:1:10
              │
            1 │ y[i] = 2 X[i]
              │          ^^^^ `X` is read here, with rank 1
              │
              = help: pass it with --in X=FILE.npy (an array with 1 axis)

            error: tensor `Xx` is given but the program has no input tensor named `Xx`
             = help: did you mean `X`? pass it with --in X=FILE.npy

        "#]],
    );
}

#[test]
fn input_name_in_another_case() {
    eval_fails(
        &["y[i] = 2 X[i] + w[i]", "--in", "x=x.npy", "--in", "w=x.npy"],
        expect![[r#"
            error: input tensor `X` is not given
              ┌─ <program>:1:10
              │
            1 │ y[i] = 2 X[i] + w[i]
              │          ^^^^ `X` is read here, with rank 1
              │
              = help: pass it with --in X=FILE.npy (an array with 1 axis)

            error: tensor `x` is given but the program has no input tensor named `x`
             = help: did you mean `X`? pass it with --in X=FILE.npy

        "#]],
    );
}

#[test]
fn set_name_one_letter_away() {
    eval_fails(
        &["y = alpha x", "--set", "alpah=2", "--set", "x=1"],
        expect![[r#"
            error: scalar parameter `alpha` is not given
              ┌─ <program>:1:5
              │
            1 │ y = alpha x
              │     ^^^^^ `alpha` is used here
              │
              = help: pass it with --set alpha=VALUE

            error: parameter `alpah` is given but the program has no scalar parameter named `alpah`
             = help: did you mean `alpha`? pass it with --set alpha=VALUE

        "#]],
    );
}

#[test]
fn dim_name_in_another_case() {
    eval_fails(
        &["y[i] = i^2", "--dim", "I=3"],
        expect![[r#"
            error: --dim I=...: the program has no index named `I`
             = help: did you mean --dim i=...? its indices are: `i`

            error: cannot infer the extent of index `i`: it is on the left of `y[...] = ...` but subscripts no tensor on the right
              ┌─ <program>:1:3
              │
            1 │ y[i] = i^2
              │   ^ `i` is an axis of `y`
              │
              = help: use `i` on the right to subscript a tensor, or give it with --dim i=N

        "#]],
    );
}

#[test]
fn sum_jk_suggests_sum_over_two_indices() {
    eval_fails(
        &["s = sum_jk A[j,k]", "--in", "A=A.npy"],
        expect![[r#"
            error: cannot infer the extent of index `jk`: it subscripts no tensor
              ┌─ <program>:1:9
              │
            1 │ s = sum_jk A[j,k]
              │         ^^
              │
              = help: give it with --dim jk=N, or bound it: sum_{jk=0}^{N-1}
              = help: `sum_jk` binds one index named `jk`; to sum over `j` and `k`, write `sum_{j,k}`

        "#]],
    );
}

#[test]
fn unbound_index_says_which_side() {
    eval_fails(
        &["y[i] = x[j]", "--in", "x=x.npy"],
        expect![[r#"
            error: cannot infer the extent of index `i`: it is on the left of `y[...] = ...` but subscripts no tensor on the right
              ┌─ <program>:1:3
              │
            1 │ y[i] = x[j]
              │   ^      - `j` is only on the right, so it is summed over
              │   │       
              │   `i` is an axis of `y`
              │
              = help: if `y` runs over `j`, write `j` on the left for `i`; otherwise use `i` on the right, or give it with --dim i=N

        "#]],
    );
}

#[test]
fn bound_too_large_for_an_integer() {
    eval_fails(
        &["s = sum_{j=1}^{N} 1", "--set", "N=1e18"],
        expect![[r#"
            error: the upper bound of `j` is 1000000000000000000, which is too large
              ┌─ <program>:1:16
              │
            1 │ s = sum_{j=1}^{N} 1
              │                ^
              │
              = help: bounds must lie between -9e15 and 9e15, and a sum or product runs over at most 4294967296 values

        "#]],
    );
}

#[test]
fn long_line_is_shown_as_a_window_with_true_columns() {
    let text = format!("y = {} + q(", vec!["a"; 400].join(" + "));
    eval_fails(
        &[&text],
        expect![[r#"
            error: unexpected end of input: expected an expression
              ┌─ <program>:1:1607
              │
            1 │ …+ a + a + a + a + a + a + a + a + a + q(
              │                                          ^ the program ends here
              │
              = help: a bracket is still open: close it

        "#]],
    );
}
