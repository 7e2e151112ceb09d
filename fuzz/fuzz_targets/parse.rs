//! Fuzz target `parse`: Any text (after six bytes of extents and parameter values) through parse, check, simplify, bind and the interpreter: no panic, every error renders, simplified text checks again.
//! The body is `tests/all/common/targets.rs`'s `parse`, which
//! `tests/all/fuzz_corpus.rs` replays on the committed corpus.

#![no_main]

#[path = "../../tests/all/common/mod.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = common::targets::parse(data) {
        panic!("{e}");
    }
});
