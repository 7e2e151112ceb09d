//! Property tests of the symbolic engine (`src/sym/`), checked against the
//! reference interpreter, on programs of the shared generator
//! (`tests/all/common/generator.rs`): definitions `s0`, `y1[i]`, `M2[i,j]`, derivative
//! statements (`diff` of a definition with respect to `c`, `x[a]` or
//! `A[a,u]`, first and second order), a last statement (`L = ...` or a bare
//! expression), and sometimes a definition built from derivatives with
//! derivatives of its own; over inputs `A[i,j]`, `x[i]` and scalars `c`,
//! `N` (sums, products, bounded and inferred ranges, implicit summation,
//! deltas, also between ranges of different extents, index values,
//! references to earlier definitions, sums the JIT materialises, `diff`
//! inside expressions, exp/tanh/sin/cos/abs/sign/max/min, integer powers).
//! They respect the engine's domain assumptions (README, "The symbolic
//! engine"): `log`, `sqrt`, fractional and negative powers and divisors
//! apply only to positive expressions (`exp(tanh(E))`, `1 + E^2`,
//! `2 + sin(E)`, `1 + sum_k exp(tanh(x[k] E))`, `prod_k (2 + sin(x[k] E))`),
//! and no written range is shorter than empty. "Smooth" programs leave out
//! abs/sign/max/min and keep every factor of a product nonzero.
//!
//! (1) Simplification preserves values: `SymProgram::parse(P).text()`, and
//!     the lowered program raised straight back, evaluate to what P
//!     evaluates to, statement by statement, on the same inputs (relative
//!     tolerance 1e-9 of a bound on the magnitudes involved; a case whose
//!     original values are not all finite is skipped).
//! (2) Simplification is idempotent and (3) printing round-trips: for the
//!     simplified text T, `parse(T).text() == T`; on the programs of (1),
//!     on smooth programs, and on what `SymProgram::diff` + `program_text`
//!     print.
//! (4) Derivatives match central finite differences of the interpreter: for
//!     smooth programs ending in a scalar `L` that reads `x`, `c` and every
//!     earlier definition (besides its random tree), on inputs in
//!     ±[0.2, 1], each derivative statement agrees with differences of what
//!     it differentiates, Richardson-extrapolated from steps h and 2h
//!     (h = 1e-4 for first, 1e-3 for second order), with tolerance 1e-4
//!     (first) and 1e-3 (second) relative and absolute, widened by how much
//!     the two steps disagree; cases with values above 1e3 or slopes above
//!     100 are skipped. What `ricci diff` prints for a first derivative
//!     runs under `eval` with the same inputs and gives what `eval` of
//!     `diff(...)` gave.
//!
//! The checks live in `tests/all/common/checks.rs`, shared with the `symbolic`
//! fuzz target. Each property runs 64 or 128 cases (`PROPTEST_CASES`
//! overrides); failures are saved in `tests/all/sym_props.proptest-regressions`.
//! At the end, cases the properties found, minimised by hand, as plain
//! tests.

use crate::common;
use common::checks::{
    Inputs, close, derivatives_match_differences, run, simplify_keeps_values, simplify_round_trips,
};
use common::choices::Choices;
use common::generator::{Case, DERIVATIVE, Profile, SMOOTH, SYMBOLIC, Target};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ricci::SymProgram;

/// `cases` cases (or `PROPTEST_CASES` when set, for a longer hunt).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

/// The generator's bytes.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..=1024)
}

fn case(bytes: &[u8], profile: &Profile) -> Case {
    Case::generate(&mut Choices::new(bytes), profile)
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn simplify_preserves_values(bytes in bytes()) {
        simplify_keeps_values(&case(&bytes, &SYMBOLIC)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn simplify_is_idempotent_and_prints_what_it_parses(bytes in bytes()) {
        simplify_round_trips(&case(&bytes, &SYMBOLIC)).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn smooth_programs_simplify_to_equal_values(bytes in bytes()) {
        simplify_keeps_values(&case(&bytes, &SMOOTH)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn smooth_programs_print_what_they_parse(bytes in bytes()) {
        simplify_round_trips(&case(&bytes, &SMOOTH)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn derivative_programs_print_what_they_parse(bytes in bytes()) {
        simplify_round_trips(&case(&bytes, &DERIVATIVE)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn derivatives_match_finite_differences(bytes in bytes()) {
        derivatives_match_differences(&case(&bytes, &DERIVATIVE)).map_err(TestCaseError::fail)?;
    }
}

// ---------------------------------------------------------------------------
// Cases the properties found, minimised by hand. Each failed on some
// revision of the engine between 429efa5 and a68b3a5 and passes at f5108da;
// they stay as regression tests.
// ---------------------------------------------------------------------------

/// x of length 3, A of shape 3×2, c.
fn small() -> Inputs {
    Inputs {
        m: 3,
        n: 2,
        x: vec![0.3, -0.7, 0.9],
        a: vec![0.1, 0.2, -0.3, 0.4, 0.5, -0.6],
        c: 0.8,
    }
}

/// The simplified text of `src` runs on `inp` and gives `src`'s values.
#[track_caller]
fn assert_simplified_means_the_same(src: &str, inp: &Inputs) {
    let want = run(src, inp).unwrap();
    let text = SymProgram::parse(src).unwrap().text();
    let got = run(&text, inp).unwrap_or_else(|e| panic!("{e}\nfrom\n{src}"));
    assert_eq!(got.len(), want.len(), "{text}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.len(), w.len(), "{text}");
        for (gv, wv) in g.iter().zip(w) {
            assert!(
                close(*gv, *wv, 1e-12, 0.0),
                "simplified gives {gv}, original {wv}:\n{text}\nfrom\n{src}"
            );
        }
    }
}

#[track_caller]
fn assert_idempotent(src: &str) {
    let once = SymProgram::parse(src).unwrap().text();
    let twice = SymProgram::parse(&once).unwrap().text();
    assert_eq!(twice, once, "simplifying the simplified text of\n{src}");
}

/// `M[i,j] = A[i,j] * 0` once printed as `M[i,j] = 0`, where nothing gives
/// `i` and `j` their extents.
#[test]
fn definition_simplified_to_a_constant_keeps_its_axes() {
    assert_simplified_means_the_same("M[i,j] = A[i,j] * 0", &small());
}

/// The same loss in the raised program that `eval` runs for `diff` made a
/// program that evaluates without its last line fail to bind with it.
#[test]
fn eval_of_diff_beside_a_definition_simplified_to_a_constant() {
    let src = "M[i,j] = A[i,j] * 0\nL = c sum_k x[k]\ng[k] = diff(L, x[k])";
    let got = run(src, &small()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got[2], vec![0.8; 3]);
}

/// Splitting a sum left a term that reads no tensor along the summed index:
/// `sum_p (x[p] + 1)` printed as `sum_p x[p] + sum_p 1`.
#[test]
fn split_sum_keeps_the_extent_of_its_index() {
    assert_simplified_means_the_same("s = sum_p (x[p] + 1)", &small());
    assert_simplified_means_the_same("y[i] = x[i] + x[p]", &small());
}

/// The same through implicit summation and `diff`: `s = x[p] + A[p,q]`
/// became `sum_{p,q} A[p,q] + sum_{p,q} x[p]` (no extent for `q` in the
/// second sum), and `eval` of its derivative failed to bind.
#[test]
fn eval_of_diff_after_a_sum_split() {
    let src = "s = x[p] + A[p,q]\ng[k] = diff(s, x[k])";
    let got = run(src, &small()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got[1], vec![2.0; 3]);
}

/// A derivative constant along its target's index printed as `g[k] = c` or
/// `g[k] = L`; it prints an anchor now (`c + 0 x[k]`), so what `ricci diff`
/// prints runs under `eval` with the same inputs.
#[test]
fn printed_derivative_constant_along_the_target_runs() {
    for src in ["L = c sum_k x[k]", "L = exp(sum_k x[k])"] {
        let mut sp = SymProgram::parse(src).unwrap();
        let d = sp.diff(Some("L"), "x[k]").unwrap();
        let printed = sp.program_text(&[d]);
        let got = run(&printed, &small()).unwrap_or_else(|e| panic!("{e}\nfrom\n{src}"));
        let want = run(&format!("{src}\ng[k] = diff(L, x[k])"), &small()).unwrap();
        assert_eq!(got.last(), want.last(), "{printed}");
    }
}

/// The order of the terms of a printed sum was not canonical: simplifying
/// the printed text again reordered them.
#[test]
fn term_order_is_kept_when_simplified_again() {
    assert_idempotent("s = x[p] + 1 - A[p,q]");
    assert_idempotent("s = -2 / (2 + sin(A[p,q])) - x[p]^3");
    assert_idempotent("y[i] = x[i] delta[i,i]\nM[i,j] = A[i,j] (y[p] - A[i,q])");
}

/// The order of a delta's indices depended on what else the program
/// built: `delta[l,i]` here, and `delta[i,l]` when simplified again.
#[test]
fn delta_index_order_does_not_depend_on_earlier_statements() {
    assert_idempotent("s = sum_{k=1}^{2} c\nM[i,j] = A[i,j] sum_{l=1}^{2} delta[i,l]");
}

/// Equal sums share one node, whose binder names were those of its last
/// use: `s` printed as `prod_{k,l} c A[k,l]`, then (from `u`'s inner
/// product, printed `prod_{k2,l2}`) as `prod_{k,l2} c A[k,l2]`.
#[test]
fn binder_names_do_not_depend_on_later_statements() {
    assert_idempotent("s = prod_{k,l} A[k,l] c\nu = prod_{k,l} A[k,l] prod_{k,l} A[k,l] c");
}

/// A binder is named by its first spelling, and the printer renames a
/// binder that clashes with a free index (`y[i] = x[i] sum_i2 x[i2]`), so
/// the renamed spelling became the first one when the printed text was read
/// again, and `s = sum_i x[i]` then printed as `s = sum_i2 x[i2]`. (Found
/// by `derivative_programs_print_what_they_parse`: a `sum_i` in `dc` after
/// `dL_dy1[i] = ... sum_i2 ...`.)
#[test]
fn renamed_binder_does_not_rename_a_later_statement() {
    assert_idempotent("y[i] = x[i] sum_i x[i]\ns = sum_i x[i]");
}

/// README: `d prod_i f(i)` is exact even where a factor is 0. With
/// x = (0, -0.7, 0.9), the gradient of `prod_k x[k]` is (-0.63, 0, 0).
#[test]
fn derivative_of_a_product_at_a_zero_factor() {
    let inp = Inputs {
        x: vec![0.0, -0.7, 0.9],
        ..small()
    };
    let got = run("L = prod_k x[k]\ng[k] = diff(L, x[k])", &inp).unwrap();
    assert_eq!(got[1], vec![-0.63, 0.0, 0.0]);
}

/// The Hessian of `prod_k x[k]` where a factor is 0: once `0^-1 * 0` = NaN
/// on the diagonal (the derivative of a product used `f^(1 - delta)`); now
/// `f + delta (1 - f)`, with no division. L is linear in each x[k].
#[test]
fn second_derivative_of_a_product_at_a_zero_factor() {
    let inp = Inputs {
        x: vec![0.0, -0.7, 0.9],
        ..small()
    };
    let got = run("L = prod_k x[k]\nH[k,l] = diff(diff(L, x[k]), x[l])", &inp).unwrap();
    assert_eq!(got[1], vec![0.0, 0.9, -0.7, 0.9, 0.0, 0.0, -0.7, 0.0, 0.0]);
}

/// Found by (4) before the generator was shared (saved in
/// `sym_props.proptest-regressions` under the old generator): first and
/// second derivatives of `L` through definitions with implicit sums and
/// deltas on a diagonal.
#[test]
fn derivatives_through_implicit_sums_and_diagonal_deltas() {
    let x = [0.2, 0.2];
    let a = [0.2; 6];
    let mut case = Case::explicit(
        &DERIVATIVE,
        (&x, &a, 0.2),
        3,
        &[
            ("s0", "", "((x[p] - 3) - A[p,q])"),
            ("y1", "i", "(x[i] * (delta[i,i]^2 + c + delta[i,i]))"),
            ("M2", "ij", "(A[i,j] * tanh(x[i]))"),
            (
                "L",
                "",
                "(x[p] / (1 + (2)^2)) + c (sum_k x[k]^2) + sum_{k,l} tanh(M2[k,l]) sin(y1[k] + s0)",
            ),
        ],
    );
    case.push_derivative(3, vec![Target::X("a".into())]);
    case.push_derivative(3, vec![Target::C]);
    case.push_derivative(3, vec![Target::X("a".into()), Target::X("b".into())]);
    case.push_derivative(3, vec![Target::X("a".into()), Target::C]);
    derivatives_match_differences(&case).unwrap();
    simplify_keeps_values(&case).unwrap();
    simplify_round_trips(&case).unwrap();
}
