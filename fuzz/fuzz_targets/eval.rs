//! Fuzz target `eval`: Generated programs (JIT profile) and random array layouts: the interpreter agrees with the oracle and the JIT with the interpreter, bit for bit.
//! The body is `tests/all/common/targets.rs`'s `eval`, which
//! `tests/all/fuzz_corpus.rs` replays on the committed corpus.

#![no_main]

#[path = "../../tests/all/common/mod.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = common::targets::eval(data) {
        panic!("{e}");
    }
});
