//! Fuzz target `symbolic`: Generated programs (symbolic, smooth and derivative profiles): the interpreter agrees with the generator's oracle, simplified programs keep their values and print what they parse, derivatives match finite differences.
//! The body is `tests/all/common/targets.rs`'s `symbolic`, which
//! `tests/all/fuzz_corpus.rs` replays on the committed corpus.

#![no_main]

#[path = "../../tests/all/common/mod.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = common::targets::symbolic(data) {
        panic!("{e}");
    }
});
