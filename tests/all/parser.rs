//! Data-driven parser snapshots.
//!
//! Every `tests/parse/valid/*.ricci` file must parse; its S-expression form
//! (`sexpr_program`) is snapshotted in `tests/parse/valid.snap`. Every
//! `tests/parse/invalid/*.ricci` file must fail to parse; its rendered error
//! (file name `<program>`) is snapshotted in `tests/parse/invalid.snap`.
//!
//! Add a case by adding a file; refresh the snapshots with
//! `UPDATE_EXPECT=1 cargo test --test all parser::` and read the diff.

use expect_test::{ExpectFile, expect_file};
use ricci::syntax::{ast::sexpr_program, parse_program};
use std::path::{Path, PathBuf};

/// The `.ricci` files of `tests/parse/<dir>`, sorted by name.
fn cases(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/parse")
        .join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ricci"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no cases in {}", root.display());
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let src = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (name, src)
        })
        .collect()
}

/// One snapshot entry: the case name, its source and the output.
fn entry(name: &str, src: &str, out: &str) -> String {
    let src = src.trim_end_matches('\n');
    let out = out.trim_end_matches('\n');
    format!("=== {name}\n{src}\n---\n{out}\n\n")
}

fn check(snapshot: ExpectFile, actual: &str) {
    snapshot.assert_eq(actual);
}

#[test]
fn valid_programs_parse() {
    let cases = cases("valid");
    assert!(cases.len() >= 35, "only {} valid cases", cases.len());
    let mut snap = String::new();
    let mut failures = Vec::new();
    for (name, src) in &cases {
        match parse_program(src) {
            Ok(p) => snap.push_str(&entry(name, src, &sexpr_program(&p))),
            Err(e) => {
                let rendered = e.render("<program>", src);
                failures.push(format!("{name}:\n{rendered}"));
                snap.push_str(&entry(name, src, &format!("UNEXPECTED ERROR\n{rendered}")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "valid cases failed to parse:\n{}",
        failures.join("\n")
    );
    check(expect_file!["../parse/valid.snap"], &snap);
}

#[test]
fn invalid_programs_are_rejected() {
    let cases = cases("invalid");
    assert!(cases.len() >= 15, "only {} invalid cases", cases.len());
    let mut snap = String::new();
    let mut accepted = Vec::new();
    for (name, src) in &cases {
        match parse_program(src) {
            Ok(p) => {
                let s = sexpr_program(&p);
                accepted.push(format!("{name}: {s}"));
                snap.push_str(&entry(name, src, &format!("UNEXPECTEDLY PARSED\n{s}")));
            }
            Err(e) => {
                let rendered = e.render("<program>", src);
                assert!(
                    rendered.starts_with("error: ") && rendered.contains("<program>:"),
                    "{name}: rendered error has no message or location:\n{rendered}"
                );
                snap.push_str(&entry(name, src, &rendered));
            }
        }
    }
    assert!(
        accepted.is_empty(),
        "invalid cases were accepted:\n{}",
        accepted.join("\n")
    );
    check(expect_file!["../parse/invalid.snap"], &snap);
}

/// The snapshots name each case once, so a case renamed or deleted on disk
/// cannot leave a stale entry behind unnoticed.
#[test]
fn case_names_are_unique_across_folders() {
    let valid: Vec<String> = cases("valid").into_iter().map(|c| c.0).collect();
    for (name, _) in cases("invalid") {
        assert!(
            !valid.contains(&name),
            "`{name}` is both a valid and an invalid case"
        );
    }
}
