//! The checked-in parser `grammar/ricci.rs` is the one lalrpop generates
//! from `grammar/ricci.lalrpop` (build.rs): `grammar/ricci.sum`, written
//! when it was generated, holds both files' checksums.

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn read(path: &str) -> Vec<u8> {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn generated_parser_is_current() {
    let sums = String::from_utf8(read("grammar/ricci.sum")).unwrap();
    for line in sums.lines() {
        let (sum, path) = line.split_once(' ').expect("`SUM PATH` lines");
        // Git may check text files out with CRLF line ends.
        let bytes: Vec<u8> = read(path).into_iter().filter(|&b| b != b'\r').collect();
        assert_eq!(
            format!("{:016x}", fnv1a(&bytes)),
            sum,
            "{path} changed since the parser was generated: run \
             `cargo build --features regen-parser` to regenerate grammar/ricci.rs"
        );
    }
    assert_eq!(sums.lines().count(), 2);
}
