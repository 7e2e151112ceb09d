//! Fuzz target `npy`: Any bytes as a .npy file: no panic; a file that reads writes back to the same tensor.
//! The body is `tests/all/common/targets.rs`'s `npy`, which
//! `tests/all/fuzz_corpus.rs` replays on the committed corpus.

#![no_main]

#[path = "../../tests/all/common/mod.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = common::targets::npy(data) {
        panic!("{e}");
    }
});
