//! Semantic and bind-time errors, one test per class, each snapshotting the
//! rendered message (file name `<program>`); plus inputs that must never
//! panic or overflow the stack (empty text, huge or deeply nested programs,
//! non-UTF-8 bytes).
//!
//! Refresh the inline snapshots with `UPDATE_EXPECT=1 cargo test --test all errors::`
//! and read the diff: every message must say what is wrong, where, and what to
//! change.

use expect_test::{Expect, expect};
use ricci::diagnostics::Errors;
use ricci::sema::{self, Env};
use ricci::syntax::{MAX_DEPTH, ast::sexpr_program, parse_program};
use std::time::{Duration, Instant};

const FILE: &str = "<program>";

/// The errors of checking `src`, which must parse but not check.
fn check_errors(src: &str) -> Errors {
    let ast = parse_program(src)
        .unwrap_or_else(|e| panic!("`{src}` does not parse:\n{}", e.render(FILE, src)));
    match sema::check(&ast) {
        Ok(_) => panic!("`{src}` checked without error"),
        Err(e) => e,
    }
}

/// Checks that `src` fails semantic analysis with exactly one error, rendered
/// as `expected`.
fn check_one(src: &str, expected: Expect) {
    let errors = check_errors(src);
    let rendered = errors.render(FILE, src);
    assert_eq!(errors.len(), 1, "expected one error, got:\n{rendered}");
    expected.assert_eq(&rendered);
}

/// An [`Env`] from input shapes, parameter values and `--dim` extents.
fn env(shapes: &[(&str, &[usize])], params: &[(&str, f64)], dims: &[(&str, usize)]) -> Env {
    Env {
        shapes: shapes
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_vec()))
            .collect(),
        params: params.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
        dims: dims.iter().map(|(n, d)| (n.to_string(), *d)).collect(),
    }
}

/// The errors of binding `src` (which must check) to `env`.
fn bind_errors(src: &str, env: &Env) -> Errors {
    let program = sema::check_source(src)
        .unwrap_or_else(|e| panic!("`{src}` does not check:\n{}", e.render(FILE, src)));
    match sema::bind(&program, env) {
        Ok(_) => panic!("`{src}` bound without error to {env:?}"),
        Err(e) => e,
    }
}

/// Checks that binding `src` to `env` fails with exactly one error, rendered
/// as `expected`; returns the rendered text for further checks.
fn bind_one(src: &str, env: &Env, expected: Expect) -> String {
    let errors = bind_errors(src, env);
    let rendered = errors.render(FILE, src);
    assert_eq!(errors.len(), 1, "expected one error, got:\n{rendered}");
    expected.assert_eq(&rendered);
    rendered
}

fn assert_mentions(text: &str, words: &[&str]) {
    for w in words {
        assert!(text.contains(w), "message does not mention {w:?}:\n{text}");
    }
}

// ---------------------------------------------------------------------------
// Semantic analysis (sema::check)
// ---------------------------------------------------------------------------

#[test]
fn defined_twice() {
    check_one(
        "a = 1\na = 2",
        expect![[r#"
        error: `a` is defined twice
          ┌─ <program>:2:1
          │
        1 │ a = 1
          │ ----- first defined here
        2 │ a = 2
          │ ^
          │
          = help: give the second definition another name

    "#]],
    );
}

#[test]
fn used_before_defined() {
    check_one(
        "b = a + 1\na = 2",
        expect![[r#"
        error: `a` is used before it is defined
          ┌─ <program>:1:5
          │
        1 │ b = a + 1
          │     ^
        2 │ a = 2
          │ - defined here
          │
          = help: move the definition above its first use

    "#]],
    );
}

#[test]
fn tensor_used_before_defined() {
    check_one(
        "s = sum_i v[i]\nv[i] = x[i]",
        expect![[r#"
        error: `v` is used before it is defined
          ┌─ <program>:1:11
          │
        1 │ s = sum_i v[i]
          │           ^
        2 │ v[i] = x[i]
          │ - defined here
          │
          = help: move the definition above its first use

    "#]],
    );
}

#[test]
fn used_in_its_own_definition() {
    check_one(
        "a = a + 1",
        expect![[r#"
        error: `a` is used in its own definition
          ┌─ <program>:1:5
          │
        1 │ a = a + 1
          │ -   ^
          │ │    
          │ defined here
          │
          = help: a definition cannot refer to itself; use another name for the input

    "#]],
    );
}

#[test]
fn tensor_used_in_its_own_definition() {
    check_one(
        "v[i] = v[i] + x[i]",
        expect![[r#"
        error: `v` is used in its own definition
          ┌─ <program>:1:8
          │
        1 │ v[i] = v[i] + x[i]
          │ -      ^
          │ │       
          │ defined here
          │
          = help: a definition cannot refer to itself; use another name for the input

    "#]],
    );
}

#[test]
fn index_repeated_on_the_left() {
    check_one(
        "D[i,i] = x[i]",
        expect![[r#"
        error: index `i` appears twice on the left
          ┌─ <program>:1:5
          │
        1 │ D[i,i] = x[i]
          │   - ^
          │   │  
          │   first here
          │
          = help: each axis of a definition needs its own index name; use delta[i,j] for a diagonal

    "#]],
    );
}

#[test]
fn input_with_inconsistent_rank() {
    check_one(
        "s = sum_{i,j} A[i,j] + sum_i A[i]",
        expect![[r#"
        error: `A` is used with 1 subscript here but 2 elsewhere
          ┌─ <program>:1:30
          │
        1 │ s = sum_{i,j} A[i,j] + sum_i A[i]
          │               ------         ^^^^
          │               │               
          │               2 here
          │
          = help: a tensor has one rank: use the same number of subscripts at every use

    "#]],
    );
}

#[test]
fn input_used_as_tensor_and_as_scalar() {
    check_one(
        "y[i] = x[i] + x",
        expect![[r#"
        error: `x` is used as a scalar here but as a tensor elsewhere
          ┌─ <program>:1:15
          │
        1 │ y[i] = x[i] + x
          │        ----   ^
          │        │       
          │        used with 1 subscript here
          │
          = help: write x[i]

    "#]],
    );
}

#[test]
fn input_used_as_scalar_then_as_tensor() {
    check_one(
        "y[i] = x + x[i]",
        expect![[r#"
        error: `x` is used as a tensor here but as a scalar elsewhere
          ┌─ <program>:1:12
          │
        1 │ y[i] = x + x[i]
          │        -   ^^^^
          │        │    
          │        used without subscripts here

    "#]],
    );
}

#[test]
fn tensor_definition_used_without_subscripts() {
    check_one(
        "v[i] = x[i]\ns = 2 v",
        expect![[r#"
        error: `v` is a tensor with 1 axis; it needs subscripts
          ┌─ <program>:2:7
          │
        1 │ v[i] = x[i]
          │ ----------- defined here
        2 │ s = 2 v
          │       ^
          │
          = help: write v[i]

    "#]],
    );
}

#[test]
fn tensor_definition_used_with_wrong_rank() {
    check_one(
        "M[i,j] = x[i] x[j]\ns = sum_i M[i]",
        expect![[r#"
        error: `M` has 2 axes but is used with 1 subscript
          ┌─ <program>:2:11
          │
        1 │ M[i,j] = x[i] x[j]
          │ ------------------ defined here
        2 │ s = sum_i M[i]
          │           ^^^^

    "#]],
    );
}

#[test]
fn scalar_definition_used_with_subscripts() {
    check_one(
        "c = 2\ny[i] = c[i]",
        expect![[r#"
        error: `c` is a scalar; it takes no subscripts
          ┌─ <program>:2:8
          │
        1 │ c = 2
          │ ----- defined here
        2 │ y[i] = c[i]
          │        ^^^^

    "#]],
    );
}

#[test]
fn delta_with_three_indices() {
    check_one(
        "D[i,j,k] = delta[i,j,k]",
        expect![[r#"
        error: delta takes two indices, not 3
          ┌─ <program>:1:12
          │
        1 │ D[i,j,k] = delta[i,j,k]
          │            ^^^^^^^^^^^^
          │
          = help: write delta[i,j]; multiply deltas for more: delta[i,j] delta[j,k]

    "#]],
    );
}

#[test]
fn delta_with_one_index() {
    check_one(
        "D[i] = delta[i]",
        expect![[r#"
        error: delta takes two indices, not 1
          ┌─ <program>:1:8
          │
        1 │ D[i] = delta[i]
          │        ^^^^^^^^
          │
          = help: write delta[i,j]; multiply deltas for more: delta[i,j] delta[j,k]

    "#]],
    );
}

#[test]
fn function_with_too_few_arguments() {
    check_one(
        "y = max(a)",
        expect![[r#"
        error: `max` takes 2 arguments, not 1
          ┌─ <program>:1:5
          │
        1 │ y = max(a)
          │     ^^^^^^

    "#]],
    );
}

#[test]
fn function_with_too_many_arguments() {
    check_one(
        "y = exp(a, b)",
        expect![[r#"
        error: `exp` takes 1 argument, not 2
          ┌─ <program>:1:5
          │
        1 │ y = exp(a, b)
          │     ^^^^^^^^^

    "#]],
    );
}

#[test]
fn diff_with_respect_to_an_index() {
    check_one(
        "g[k] = diff(x[k]^2, k)",
        expect![[r#"
        error: cannot differentiate with respect to the index `k`
          ┌─ <program>:1:21
          │
        1 │ g[k] = diff(x[k]^2, k)
          │                     ^
          │
          = help: differentiate with respect to a scalar parameter or a tensor element such as w[k]

    "#]],
    );
}

#[test]
fn diff_with_respect_to_a_scalar_definition() {
    check_one(
        "a = x^2\nb = diff(a, a)",
        expect![[r#"
        error: cannot differentiate with respect to the definition `a`
          ┌─ <program>:2:13
          │
        2 │ b = diff(a, a)
          │             ^
          │
          = help: differentiate with respect to an input: a scalar parameter or an element of an input tensor

    "#]],
    );
}

#[test]
fn diff_with_respect_to_a_tensor_definition() {
    check_one(
        "v[i] = x[i]^2\ng[k] = diff(v[k], v[k])",
        expect![[r#"
        error: cannot differentiate with respect to the definition `v`
          ┌─ <program>:2:19
          │
        2 │ g[k] = diff(v[k], v[k])
          │                   ^^^^
          │
          = help: differentiate with respect to an element of an input tensor

    "#]],
    );
}

#[test]
fn diff_with_respect_to_an_expression() {
    check_one(
        "g = diff(x^2, 2 x)",
        expect![[r#"
        error: diff differentiates with respect to a name or a tensor element
          ┌─ <program>:1:15
          │
        1 │ g = diff(x^2, 2 x)
          │               ^^^
          │
          = help: write diff(E, x) or diff(E, w[k])

    "#]],
    );
}

#[test]
fn diff_target_with_a_repeated_index() {
    check_one(
        "g = diff(sum_{i,j} A[i,j], A[k,k])",
        expect![[r#"
        error: index `k` appears twice in the target of diff
          ┌─ <program>:1:32
          │
        1 │ g = diff(sum_{i,j} A[i,j], A[k,k])
          │                              - ^
          │                              │  
          │                              first here
          │
          = help: use a distinct index per axis, e.g. diff(E, A[a,b])

    "#]],
    );
}

#[test]
fn index_bound_twice_in_one_binder() {
    check_one(
        "s = sum_{j,j} x[j]",
        expect![[r#"
        error: index `j` is bound twice
          ┌─ <program>:1:12
          │
        1 │ s = sum_{j,j} x[j]
          │          - ^
          │          │  
          │          first here

    "#]],
    );
}

#[test]
fn bound_that_reads_a_tensor() {
    check_one(
        "s = sum_{j=0}^{(x[k])} x[j]",
        expect![[r#"
        error: a bound of a sum or product must be built from numbers and scalar parameters
          ┌─ <program>:1:15
          │
        1 │ s = sum_{j=0}^{(x[k])} x[j]
          │               ^^^^^^^^
          │
          = help: write bounds like `sum_{i=1}^{N}` or `sum_{i=0}^{N-1}`

    "#]],
    );
}

#[test]
fn bound_that_uses_a_non_constant_definition() {
    check_one(
        "n = sum_i x[i]\ns = sum_{j=0}^{n} x[j]",
        expect![[r#"
        error: a bound of a sum or product must be built from numbers and scalar parameters
          ┌─ <program>:2:16
          │
        2 │ s = sum_{j=0}^{n} x[j]
          │                ^
          │
          = help: write bounds like `sum_{i=1}^{N}` or `sum_{i=0}^{N-1}`

    "#]],
    );
}

#[test]
fn bound_may_use_a_constant_definition() {
    let p = sema::check_source("n = 2 + 1\ns = sum_{j=0}^{n} x[j]").unwrap();
    sema::bind(&p, &env(&[("x", &[4])], &[], &[])).unwrap();
}

/// `sum_{j=0}^{i}` where `i` is an index in scope. LANGUAGE.md allows only
/// literals and scalar parameters in bounds, so the checker refuses it,
/// naming `i` (it must not quietly become a scalar parameter `i`).
#[test]
fn bound_that_uses_an_index() {
    let src = "y[i] = sum_{j=0}^{i} x[j]";
    let rendered = match sema::check_source(src) {
        Err(e) => e.render(FILE, src),
        Ok(_) => panic!("`{src}` was accepted by the checker"),
    };
    expect![[r#"
        error: a bound cannot use the index `i`
          ┌─ <program>:1:19
          │
        1 │ y[i] = sum_{j=0}^{i} x[j]
          │                   ^
          │
          = help: bounds are fixed for the whole statement: use numbers and scalar parameters

    "#]]
    .assert_eq(&rendered);
}

#[test]
fn number_out_of_range() {
    check_one(
        "y = 1e99999",
        expect![[r#"
        error: the number `1e99999` is out of range
          ┌─ <program>:1:5
          │
        1 │ y = 1e99999
          │     ^^^^^^^
          │
          = help: exponents are limited to ±4000

    "#]],
    );
}

// ---------------------------------------------------------------------------
// Binding to the shapes of one call (sema::bind)
// ---------------------------------------------------------------------------

#[test]
fn extent_mismatch_between_two_tensors() {
    let text = bind_one(
        "y[i] = a[i] + b[i]",
        &env(&[("a", &[3]), ("b", &[4])], &[], &[]),
        expect![[r#"
            error: index `i` has two extents: `a` has length 3 along axis 0 but `b` has length 4 along axis 0
              ┌─ <program>:1:15
              │
            1 │ y[i] = a[i] + b[i]
              │        ----   ^^^^
              │        │       
              │        length 3 here
              │
              = help: every axis that `i` subscripts must have the same length

        "#]],
    );
    assert_mentions(&text, &["`i`", "`a`", "`b`", "axis 0", "3", "4"]);
}

#[test]
fn extent_mismatch_between_axes_of_a_matmul() {
    let text = bind_one(
        "C[i,k] = A[i,j] B[j,k]",
        &env(&[("A", &[2, 3]), ("B", &[5, 2])], &[], &[]),
        expect![[r#"
            error: index `j` has two extents: `A` has length 3 along axis 1 but `B` has length 5 along axis 0
              ┌─ <program>:1:17
              │
            1 │ C[i,k] = A[i,j] B[j,k]
              │          ------ ^^^^^^
              │          │       
              │          length 3 here
              │
              = help: every axis that `j` subscripts must have the same length

        "#]],
    );
    assert_mentions(&text, &["`j`", "`A`", "`B`", "axis 1", "axis 0", "3", "5"]);
}

#[test]
fn bound_past_the_end() {
    let text = bind_one(
        "s = sum_{j=1}^{N} x[j]",
        &env(&[("x", &[3])], &[("N", 3.0)], &[]),
        expect![[r#"
            error: index `j` runs from 1 to N = 3, but `x` has length 3 along axis 0 (valid subscripts 0 to 2)
              ┌─ <program>:1:19
              │
            1 │ s = sum_{j=1}^{N} x[j]
              │          -        ^^^^
              │          │         
              │          `j` is bound here
              │
              = help: subscripts are 0-based: a sum over all of `x` runs from 0 to 2

        "#]],
    );
    assert_mentions(&text, &["`j`", "`x`", "1", "3"]);
}

#[test]
fn negative_lower_bound() {
    let text = bind_one(
        "s = sum_{j=-1}^{2} x[j]",
        &env(&[("x", &[3])], &[], &[]),
        expect![[r#"
            error: index `j` runs from -1 to 2, but `x` has length 3 along axis 0 (valid subscripts 0 to 2)
              ┌─ <program>:1:20
              │
            1 │ s = sum_{j=-1}^{2} x[j]
              │          -         ^^^^
              │          │          
              │          `j` is bound here
              │
              = help: subscripts are 0-based: a sum over all of `x` runs from 0 to 2

        "#]],
    );
    assert_mentions(&text, &["`j`", "`x`", "-1"]);
}

#[test]
fn bounded_index_without_tensor_needs_no_shape() {
    // A bound sum of index values alone is fine, whatever its range.
    let p = sema::check_source("s = sum_{i=-5}^{5} i^2").unwrap();
    sema::bind(&p, &Env::default()).unwrap();
}

#[test]
fn non_integer_bound() {
    bind_one(
        "s = sum_{j=0}^{N/2} x[j]",
        &env(&[("x", &[3])], &[("N", 3.0)], &[]),
        expect![[r#"
            error: the upper bound of `j` is 1.5, not an integer
              ┌─ <program>:1:15
              │
            1 │ s = sum_{j=0}^{N/2} x[j]
              │               ^^^^^
              │
              = help: bounds must evaluate to whole numbers

        "#]],
    );
}

#[test]
fn non_integer_literal_bound() {
    bind_one(
        "s = sum_{i=0.5}^{2} i",
        &Env::default(),
        expect![[r#"
        error: the lower bound of `i` is 0.5, not an integer
          ┌─ <program>:1:12
          │
        1 │ s = sum_{i=0.5}^{2} i
          │            ^^^
          │
          = help: bounds must evaluate to whole numbers

    "#]],
    );
}

#[test]
fn missing_parameter() {
    bind_one(
        "y = 2 a",
        &Env::default(),
        expect![[r#"
            error: scalar parameter `a` is not given
              ┌─ <program>:1:7
              │
            1 │ y = 2 a
              │       ^ `a` is used here
              │
              = help: pass it with --set a=VALUE

        "#]],
    );
}

#[test]
fn missing_parameter_in_a_bound() {
    bind_one(
        "s = sum_{j=0}^{N-1} x[j]",
        &env(&[("x", &[3])], &[], &[]),
        expect![[r#"
            error: scalar parameter `N` is not given
              ┌─ <program>:1:16
              │
            1 │ s = sum_{j=0}^{N-1} x[j]
              │                ^ `N` is used here
              │
              = help: pass it with --set N=VALUE

        "#]],
    );
}

#[test]
fn missing_input() {
    bind_one(
        "s = sum_i x[i]",
        &Env::default(),
        expect![[r#"
            error: input tensor `x` is not given
              ┌─ <program>:1:11
              │
            1 │ s = sum_i x[i]
              │           ^^^^ `x` is read here, with rank 1
              │
              = help: pass it with --in x=FILE.npy (an array with 1 axis)

        "#]],
    );
}

#[test]
fn given_array_has_the_wrong_rank() {
    bind_one(
        "s = sum_i x[i]",
        &env(&[("x", &[2, 3])], &[], &[]),
        expect![[r#"
            error: input tensor `x` is used with rank 1 but the given array has rank 2 (shape (2, 3))
              ┌─ <program>:1:11
              │
            1 │ s = sum_i x[i]
              │           ^^^^ 1 subscript here
              │
              = help: pass an array with 1 axis for `x`, or change its subscripts in the program to match the array's 2 axes

        "#]],
    );
}

#[test]
fn left_index_that_occurs_nowhere_on_the_right() {
    bind_one(
        "v[i] = 1",
        &Env::default(),
        expect![[r#"
            error: cannot infer the extent of index `i`: it is on the left of `v[...] = ...` but subscripts no tensor on the right
              ┌─ <program>:1:3
              │
            1 │ v[i] = 1
              │   ^ `i` is an axis of `v`
              │
              = help: use `i` on the right to subscript a tensor, or give it with --dim i=N

        "#]],
    );
}

#[test]
fn index_used_only_as_a_value() {
    bind_one(
        "v[i] = i^2",
        &Env::default(),
        expect![[r#"
            error: cannot infer the extent of index `i`: it is on the left of `v[...] = ...` but subscripts no tensor on the right
              ┌─ <program>:1:3
              │
            1 │ v[i] = i^2
              │   ^ `i` is an axis of `v`
              │
              = help: use `i` on the right to subscript a tensor, or give it with --dim i=N

        "#]],
    );
}

#[test]
fn index_used_only_as_a_value_with_dim_is_fine() {
    let p = sema::check_source("v[i] = i^2").unwrap();
    let b = sema::bind(&p, &env(&[], &[], &[("i", 4)])).unwrap();
    assert_eq!(b.def_shapes, vec![vec![4]]);
}

#[test]
fn dim_that_disagrees() {
    let text = bind_one(
        "y[i] = x[i]",
        &env(&[("x", &[3])], &[], &[("i", 4)]),
        expect![[r#"
            error: --dim i=4 disagrees with `x`, whose axis 0 has length 3
              ┌─ <program>:1:8
              │
            1 │ y[i] = x[i]
              │        ^^^^
              │
              = help: drop --dim i, or give --dim i=3

        "#]],
    );
    assert_mentions(&text, &["i=4", "`x`", "3"]);
}

#[test]
fn dim_that_agrees_is_accepted() {
    let p = sema::check_source("y[i] = x[i]").unwrap();
    sema::bind(&p, &env(&[("x", &[3])], &[], &[("i", 3)])).unwrap();
}

#[test]
fn dim_naming_no_index() {
    bind_one(
        "y[i] = x[i]",
        &env(&[("x", &[3])], &[], &[("k", 2)]),
        expect![[r#"
            error: --dim k=...: the program has no index named `k`
             = help: its indices are: `i`

        "#]],
    );
}

#[test]
fn absurd_extent() {
    bind_one(
        "v[i] = i",
        &env(&[], &[], &[("i", 100_000_000_000)]),
        expect![[r#"
            error: --dim i=100000000000: `i` would run over 100000000000 values, more than the limit of 4294967296
              ┌─ <program>:1:3
              │
            1 │ v[i] = i
              │   ^
              │
              = help: an index runs over at most 2^32 values, as with written bounds

        "#]],
    );
}

#[test]
fn absurd_bounded_range() {
    bind_one(
        "s = sum_{i=0}^{1e12} i",
        &Env::default(),
        expect![[r#"
        error: `i` would run over 1000000000001 values (0..=1000000000000), more than the limit of 4294967296
          ┌─ <program>:1:10
          │
        1 │ s = sum_{i=0}^{1e12} i
          │          ^

    "#]],
    );
}

// ---------------------------------------------------------------------------
// Several errors at once
// ---------------------------------------------------------------------------

#[test]
fn independent_check_errors_are_all_reported() {
    let src = "a = 1\na = 2\nD[i,i] = x[i]\nm = max(a)\nd[i,j,k] = delta[i,j,k]\ny[i] = z[i] + z";
    let errors = check_errors(src);
    expect![[r#"
        error: `a` is defined twice
          ┌─ <program>:2:1
          │
        1 │ a = 1
          │ ----- first defined here
        2 │ a = 2
          │ ^
          │
          = help: give the second definition another name

        error: index `i` appears twice on the left
          ┌─ <program>:3:5
          │
        3 │ D[i,i] = x[i]
          │   - ^
          │   │  
          │   first here
          │
          = help: each axis of a definition needs its own index name; use delta[i,j] for a diagonal

        error: `max` takes 2 arguments, not 1
          ┌─ <program>:4:5
          │
        4 │ m = max(a)
          │     ^^^^^^

        error: delta takes two indices, not 3
          ┌─ <program>:5:12
          │
        5 │ d[i,j,k] = delta[i,j,k]
          │            ^^^^^^^^^^^^
          │
          = help: write delta[i,j]; multiply deltas for more: delta[i,j] delta[j,k]

        error: `z` is used as a scalar here but as a tensor elsewhere
          ┌─ <program>:6:15
          │
        6 │ y[i] = z[i] + z
          │        ----   ^
          │        │       
          │        used with 1 subscript here
          │
          = help: write z[i]

    "#]]
    .assert_eq(&errors.render(FILE, src));
    assert_eq!(errors.len(), 5);
}

#[test]
fn independent_bind_errors_are_all_reported() {
    let src = "y[i] = a[i] + b[i]\nz[k] = k\ns = sum_{j=1}^{3} a[j]";
    let errors = bind_errors(src, &env(&[("a", &[3]), ("b", &[4])], &[], &[]));
    expect![[r#"
        error: index `i` has two extents: `a` has length 3 along axis 0 but `b` has length 4 along axis 0
          ┌─ <program>:1:15
          │
        1 │ y[i] = a[i] + b[i]
          │        ----   ^^^^
          │        │       
          │        length 3 here
          │
          = help: every axis that `i` subscripts must have the same length

        error: cannot infer the extent of index `k`: it is on the left of `z[...] = ...` but subscripts no tensor on the right
          ┌─ <program>:2:3
          │
        2 │ z[k] = k
          │   ^ `k` is an axis of `z`
          │
          = help: use `k` on the right to subscript a tensor, or give it with --dim k=N

        error: index `j` runs from 1 to 3, but `a` has length 3 along axis 0 (valid subscripts 0 to 2)
          ┌─ <program>:3:19
          │
        3 │ s = sum_{j=1}^{3} a[j]
          │          -        ^^^^
          │          │         
          │          `j` is bound here
          │
          = help: subscripts are 0-based: a sum over all of `a` runs from 0 to 2

    "#]].assert_eq(&errors.render(FILE, src));
    assert_eq!(errors.len(), 3);
}

#[test]
fn missing_arguments_are_all_reported() {
    let src = "y[i] = a[i] + b[i,j] + p + q";
    let errors = bind_errors(src, &env(&[("b", &[2])], &[], &[]));
    expect![[r#"
        error: input tensor `a` is not given
          ┌─ <program>:1:8
          │
        1 │ y[i] = a[i] + b[i,j] + p + q
          │        ^^^^ `a` is read here, with rank 1
          │
          = help: pass it with --in a=FILE.npy (an array with 1 axis)

        error: input tensor `b` is used with rank 2 but the given array has rank 1 (shape (2,))
          ┌─ <program>:1:15
          │
        1 │ y[i] = a[i] + b[i,j] + p + q
          │               ^^^^^^ 2 subscripts here
          │
          = help: pass an array with 2 axes for `b`, or change its subscripts in the program to match the array's 1 axis

        error: scalar parameter `p` is not given
          ┌─ <program>:1:24
          │
        1 │ y[i] = a[i] + b[i,j] + p + q
          │                        ^ `p` is used here
          │
          = help: pass it with --set p=VALUE

        error: scalar parameter `q` is not given
          ┌─ <program>:1:28
          │
        1 │ y[i] = a[i] + b[i,j] + p + q
          │                            ^ `q` is used here
          │
          = help: pass it with --set q=VALUE

    "#]]
    .assert_eq(&errors.render(FILE, src));
    assert_eq!(errors.len(), 4);
}

// ---------------------------------------------------------------------------
// Inputs that must not panic, hang or overflow the stack
// ---------------------------------------------------------------------------

/// Parse, check and bind (with `x` of shape (2,) and `x = 0.5` where used as
/// a scalar), returning a one-line summary of the outcome.
fn pipeline(src: &str) -> String {
    let ast = match parse_program(src) {
        Ok(a) => a,
        Err(e) => return format!("parse error: {e}"),
    };
    let program = match sema::check(&ast) {
        Ok(p) => p,
        Err(e) => return format!("check error: {e}"),
    };
    let mut env = env(&[], &[], &[]);
    if program.input_by_name("x").is_some() {
        env.shapes.insert("x".into(), vec![2]);
    } else {
        env.params.insert("x".into(), 0.5);
    }
    match sema::bind(&program, &env) {
        Ok(_) => format!("ok: {} statement(s)", program.defs.len()),
        Err(e) => format!("bind error: {e}"),
    }
}

/// Runs `f` quickly, within `limit`.
fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let r = f();
    let took = started.elapsed();
    assert!(took < limit, "took {took:?}, more than {limit:?}");
    r
}

#[test]
fn empty_input() {
    let p = parse_program("").unwrap();
    assert!(p.stmts.is_empty());
    expect!["ok: 0 statement(s)"].assert_eq(&pipeline(""));
    expect!["ok: 0 statement(s)"].assert_eq(&pipeline("\n\n;\n"));
}

#[test]
fn only_comments() {
    let src = "# nothing here\n   # still nothing\n#";
    assert!(parse_program(src).unwrap().stmts.is_empty());
    expect!["ok: 0 statement(s)"].assert_eq(&pipeline(src));
}

#[test]
fn a_megabyte_of_nested_parentheses() {
    let n = 500_000;
    let src = format!("{}x{}", "(".repeat(n), ")".repeat(n));
    // Parentheses only group: they add no node, so this is just `x`.
    let out = timed(Duration::from_secs(20), || match parse_program(&src) {
        Ok(p) => sexpr_program(&p),
        Err(e) => e.to_string(),
    });
    expect!["x"].assert_eq(&out);
    timed(Duration::from_secs(20), || pipeline(&src));
}

#[test]
fn a_megabyte_of_nested_parenthesised_products() {
    let n = 200_000;
    let src = format!("{}x{}", "2*(".repeat(n), ")".repeat(n));
    let out = timed(Duration::from_secs(20), || pipeline(&src));
    expect![[r#"
        parse error: error: expression nested more than 200 levels deep
         = help: split the formula into several definitions"#]]
    .assert_eq(&out);
}

#[test]
fn a_megabyte_of_additions() {
    let src = format!("y = x{}", "+x".repeat(500_000));
    let out = timed(Duration::from_secs(30), || pipeline(&src));
    expect!["ok: 1 statement(s)"].assert_eq(&out);
}

#[test]
fn a_megabyte_of_juxtaposed_products() {
    let src = format!("y = x{}", " x".repeat(500_000));
    let out = timed(Duration::from_secs(30), || pipeline(&src));
    expect!["ok: 1 statement(s)"].assert_eq(&out);
}

#[test]
fn deeply_nested_unary_minus() {
    let src = format!("{}x", "- ".repeat(100_000));
    let out = timed(Duration::from_secs(10), || pipeline(&src));
    expect![[r#"
        parse error: error: expression nested more than 200 levels deep
         = help: split the formula into several definitions"#]]
    .assert_eq(&out);
}

#[test]
fn deeply_nested_powers() {
    let src = format!("x{}", "^x".repeat(100_000));
    let out = timed(Duration::from_secs(10), || pipeline(&src));
    expect![[r#"
        parse error: error: expression nested more than 200 levels deep
         = help: split the formula into several definitions"#]]
    .assert_eq(&out);
}

#[test]
fn deeply_nested_sums() {
    let src = format!("{}x[i]", "sum_i ".repeat(10_000));
    let out = timed(Duration::from_secs(10), || pipeline(&src));
    expect![[r#"
        parse error: error: expression nested more than 200 levels deep
         = help: split the formula into several definitions"#]]
    .assert_eq(&out);
}

#[test]
fn depth_error_points_at_the_first_node_too_deep() {
    let src = format!("y = {}x", "-".repeat(MAX_DEPTH + 5));
    let e = parse_program(&src).unwrap_err();
    expect![[r#"
        error: expression nested more than 200 levels deep
          ┌─ <program>:1:205
          │
        1 │ y = -------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------x
          │                                                                                                                                                                                                             ^ too deep here
          │
          = help: split the formula into several definitions

    "#]].assert_eq(&e.render(FILE, &src));
}

#[test]
fn nesting_just_under_the_limit_goes_through_the_pipeline() {
    // MAX_DEPTH - 1 minus signs on a leaf: depth MAX_DEPTH exactly.
    let src = format!("y = {}x", "-".repeat(MAX_DEPTH - 1));
    expect!["ok: 1 statement(s)"].assert_eq(&pipeline(&src));
    let src = format!("y = {}x", "-".repeat(MAX_DEPTH));
    expect![[r#"
        parse error: error: expression nested more than 200 levels deep
         = help: split the formula into several definitions"#]]
    .assert_eq(&pipeline(&src));
}

#[test]
fn non_utf8_bytes() {
    let inputs: [&[u8]; 4] = [
        b"y = x \xff\xfe + 1",
        b"\xc3\x28 = 2",
        b"sum_\xe2\x88 x[j]",
        b"\x80\x81\x82\x83",
    ];
    let mut outs = Vec::new();
    for bytes in inputs {
        let src = String::from_utf8_lossy(bytes);
        outs.push(pipeline(&src));
        if let Err(e) = parse_program(&src) {
            // Rendering must cope with the replacement characters too.
            assert!(e.render(FILE, &src).starts_with("error: "));
        }
    }
    expect![[r#"
        parse error: error: unexpected character `�`
         = help: ricci text uses names, numbers and `+ - * / ^ = ( ) [ ] { } , ;`
        parse error: error: unexpected character `�`
         = help: ricci text uses names, numbers and `+ - * / ^ = ( ) [ ] { } , ;`
        parse error: error: unexpected character `�`
         = help: ricci text uses names, numbers and `+ - * / ^ = ( ) [ ] { } , ;`
        parse error: error: unexpected character `�`
         = help: ricci text uses names, numbers and `+ - * / ^ = ( ) [ ] { } , ;`"#]]
    .assert_eq(&outs.join("\n"));
}

#[test]
fn rendering_a_diagnostic_against_the_wrong_text_does_not_panic() {
    let src = "y = a + b[i] + b";
    let errors = check_errors(src);
    // Shorter text, and text where the span falls inside a multi-byte char.
    let _ = errors.render(FILE, "");
    let _ = errors.render(FILE, "∑∑∑∑∑∑∑");
}

/// A long chain of divisions is one flat division, not 2000 nested ones: it
/// checks and evaluates (on the test's small stack) to a / a^1999.
#[test]
fn long_division_chain_evaluates() {
    let src = format!("y = {}", vec!["a"; 2000].join("/"));
    let p = sema::check_source(&src).unwrap();
    let args = ricci::Args::new().param("a", 1.0);
    let v = ricci::eval(&p, &args).unwrap();
    assert_eq!(v[0].to_f64().sum(), 1.0);
}

/// Deep nesting made by binders (many indices in one `sum_{...}`, many free
/// subscripts, nested multi-index sums) is refused by the checker, not a
/// stack overflow later.
#[test]
fn too_many_bound_or_free_indices_are_errors() {
    let many = (0..200)
        .map(|k| format!("i{k}"))
        .collect::<Vec<_>>()
        .join(",");
    let e = check_errors(&format!("y = sum_{{{many}}} x[i0]"));
    assert!(e[0].message.contains("200 indices bound by one sum"), "{e}");
    let e = check_errors(&format!("y = B[{many}]"));
    assert!(e[0].message.contains("200 free indices"), "{e}");
    let inner = (0..30)
        .map(|k| format!("j{k}"))
        .collect::<Vec<_>>()
        .join(",");
    let nested = format!("sum_{{{inner}}} ").repeat(20);
    let e = check_errors(&format!("y = {nested} x[j0]"));
    assert!(e[0].message.contains("levels deep"), "{e}");
}

/// Bounds may use constant scalar definitions; each is evaluated once, so a
/// chain of 60 doubling definitions checks and binds at once (re-evaluating
/// at every use would take 2^60 steps).
#[test]
fn constant_definitions_in_bounds_are_evaluated_once() {
    let mut src: Vec<String> = vec!["a0 = 1".into()];
    for k in 0..60 {
        src.push(format!("a{} = a{k} + a{k}", k + 1));
    }
    src.push("s = sum_{i=0}^{a60 - a60 + 2} i".into());
    let src = src.join("\n");
    let p = sema::check_source(&src).unwrap();
    let v = ricci::eval(&p, &ricci::Args::new()).unwrap();
    assert_eq!(v.last().unwrap().to_f64().sum(), 3.0);
}

#[test]
fn delta_between_different_ranges() {
    bind_one(
        "f[k] = sum_j x[j] delta[j,k] + 0 y[k]",
        &env(&[("x", &[3]), ("y", &[5])], &[], &[]),
        expect![[r#"
            error: `delta[j,k]` compares `j`, which runs over 3 values, with `k`, which runs over 5
              ┌─ <program>:1:19
              │
            1 │ f[k] = sum_j x[j] delta[j,k] + 0 y[k]
              │                   ^^^^^^^^^^
              │
              = help: a Kronecker delta compares indices of one range; give one of them written bounds (`sum_{j=0}^{N}`) to compare different ranges

        "#]],
    );
}
