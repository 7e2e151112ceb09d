//! Property tests of the front end and the reference interpreter.
//!
//! (a) Arbitrary text (any string, lossy-decoded bytes, and random mixes of
//!     the language's own tokens) never panics in parse → check → simplify
//!     → bind → evaluate, every error renders, and the simplified text of
//!     every program that checks checks again
//!     (`common::targets::run_anything`, also the body of the `parse` fuzz
//!     target).
//! (b) Random well-formed programs of the shared generator
//!     (`tests/all/common/generator.rs`, profile `INTERP`: sums, products, bounded and
//!     inferred ranges, implicit summation, deltas, index values, earlier
//!     definitions, sums the JIT would materialise, quotients and powers of
//!     positive expressions, `diff` inside programs, ...) check, bind and
//!     evaluate on matching inputs in [-1, 1], and every statement without
//!     `diff` agrees with the generator's own evaluation of its tree
//!     (`common::checks::interp_matches_oracle`).
//! (c) The cases (b) found, as explicit programs.

use crate::common;
use common::checks::{Inputs, interp_matches_oracle, run};
use common::choices::Choices;
use common::generator::{Case, INTERP};
use common::targets::{Call, run_anything};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// `cases` cases (or `PROPTEST_CASES` when set, for a longer hunt); failures
/// are saved in `tests/all/props.proptest-regressions`.
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

// ---------------------------------------------------------------------------
// (a) Arbitrary input never panics
// ---------------------------------------------------------------------------

const TOKENS: &[&str] = &[
    "x", "A", "[", "]", "i", ",", "j", "(", ")", "+", "-", "*", "/", "^", "sum_", "sum_j", "{",
    "}", "=", "1", "2.5", ";", "\n", "delta", "exp", "diff", "δ", "∑_i",
];

/// Up to 40 tokens, each glued to the next or followed by a blank.
fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), any::<bool>()), 0..=40).prop_map(|v| {
        v.into_iter()
            .map(|(t, blank)| {
                if blank {
                    format!("{t} ")
                } else {
                    t.to_string()
                }
            })
            .collect()
    })
}

fn call() -> impl Strategy<Value = Call> {
    (
        prop::collection::vec(0usize..4, 1..6),
        prop::collection::vec(
            prop_oneof![
                (-3i32..4).prop_map(f64::from),
                Just(2.5),
                Just(-0.5),
                Just(f64::NAN)
            ],
            1..4,
        ),
        prop::collection::vec(0usize..4, 0..4),
        any::<bool>(),
    )
        .prop_map(|(lengths, values, dims, stray_dim)| Call {
            lengths,
            values,
            dims,
            stray_dim,
        })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn token_soup_never_panics(src in token_soup(), call in call()) {
        run_anything(&src, &call).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn arbitrary_strings_never_panic(src in any::<String>(), call in call()) {
        run_anything(&src, &call).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn printable_strings_never_panic(
        src in "[a-zA-Z0-9_ +*/^=()\\[\\]{},;.#\n∑∏δ·×−-]{0,80}",
        call in call(),
    ) {
        run_anything(&src, &call).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..80),
        call in call(),
    ) {
        run_anything(&String::from_utf8_lossy(&bytes), &call).map_err(TestCaseError::fail)?;
    }
}

// ---------------------------------------------------------------------------
// (b) Well-formed programs go through and agree with the oracle
// ---------------------------------------------------------------------------

/// The generator's bytes.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..=1024)
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn well_formed_programs_check_bind_and_evaluate(bytes in bytes()) {
        let case = Case::generate(&mut Choices::new(&bytes), &INTERP);
        interp_matches_oracle(&case).map_err(TestCaseError::fail)?;
    }
}

// ---------------------------------------------------------------------------
// (c) Cases (b) found
// ---------------------------------------------------------------------------

/// Found by (b) before the generator was shared (saved in
/// `props.proptest-regressions` under the old generator): an empty row
/// range (m = 0) with implicit sums, deltas and a bare last statement.
#[test]
fn empty_rows_with_implicit_sums_and_deltas() {
    let src = "s0 = (0 + A[p,q]); y1[i] = (x[i] * (exp(tanh(delta[i,i])) * abs(s0)))\n\
               M2[i,j] = (A[i,j] * delta[i,i]); (-(sum_{r} (x[r] * x[r])) + 0^2 + 1 + 1)";
    let inp = Inputs {
        m: 0,
        n: 1,
        x: vec![],
        a: vec![],
        c: 0.0,
    };
    let got = run(src, &inp).unwrap();
    assert_eq!(got, vec![vec![0.0], vec![], vec![], vec![2.0]]);
}
