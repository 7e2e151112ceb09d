//! The parser is generated from `grammar/ricci.lalrpop` into the checked-in
//! `grammar/ricci.rs`, so ordinary builds neither compile lalrpop nor run
//! it. After editing the grammar, regenerate with
//! `cargo build --features regen-parser`: this script then rewrites
//! `grammar/ricci.rs` and `grammar/ricci.sum` (the checksums that
//! `tests/all/parser_current.rs` compares, so a stale parser fails the tests).
fn main() {
    // Without this, cargo reruns the script (and rebuilds the crate) when
    // any file of the package changes.
    println!("cargo::rerun-if-changed=build.rs");
    #[cfg(feature = "regen-parser")]
    regen();
}

#[cfg(feature = "regen-parser")]
fn regen() {
    println!("cargo::rerun-if-changed=grammar/ricci.lalrpop");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir("grammar")
        .force_build(true)
        .process()
        .expect("grammar/ricci.lalrpop must generate a parser");
    let grammar = std::fs::read("grammar/ricci.lalrpop").expect("the grammar");
    let parser = std::fs::read("grammar/ricci.rs").expect("the generated parser");
    std::fs::write(
        "grammar/ricci.sum",
        format!(
            "{:016x} grammar/ricci.lalrpop\n{:016x} grammar/ricci.rs\n",
            fnv1a(&grammar),
            fnv1a(&parser)
        ),
    )
    .expect("grammar/ricci.sum is writable");
}

/// FNV-1a, 64 bits, of the bytes without carriage returns (the same
/// function as `tests/all/parser_current.rs`).
#[cfg(feature = "regen-parser")]
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .filter(|&&b| b != b'\r')
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}
