//! Replays the fuzz targets' committed inputs under plain `cargo test`, so
//! CI needs neither nightly nor cargo-fuzz: every file of
//! `fuzz/corpus/<target>/` (the minimised corpus) and of
//! `fuzz/regressions/<target>/` (inputs that once failed, kept once fixed)
//! goes through the target's body (`tests/all/common/targets.rs`), which must
//! return `Ok`.
//!
//! `RICCI_FUZZ_DIR=DIR` replays `DIR/<target>/` instead (a campaign's
//! artifacts, say).

use crate::common;
use common::targets::{TARGETS, Target};
use std::path::{Path, PathBuf};

/// The directories replayed for `target`.
fn dirs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    match std::env::var_os("RICCI_FUZZ_DIR") {
        Some(d) => vec![PathBuf::from(d).join(target)],
        None => vec![
            root.join("corpus").join(target),
            root.join("regressions").join(target),
        ],
    }
}

/// Runs `body` on every file for `target`; fails naming each failing file.
fn replay(target: &str) {
    replay_part(target, 0, 1);
}

/// [`replay`] on the files whose position (in name order) is `part`
/// modulo `parts`: a large corpus split over tests that run in parallel.
fn replay_part(target: &str, part: usize, parts: usize) {
    let body: Target = TARGETS
        .iter()
        .find(|(n, _)| *n == target)
        .map(|(_, b)| *b)
        .expect("a target");
    let mut files = Vec::new();
    for dir in dirs(target) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    files.sort();
    let files: Vec<PathBuf> = (files.into_iter().enumerate())
        .filter(|(k, _)| k % parts == part)
        .map(|(_, f)| f)
        .collect();
    let mut failures = Vec::new();
    for path in &files {
        let data = std::fs::read(path).expect("readable");
        let outcome = std::panic::catch_unwind(|| body(&data));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{}:\n{e}", path.display())),
            Err(_) => failures.push(format!("{}: panicked", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs of `{target}` fail:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

#[test]
fn corpus_parse() {
    replay("parse");
}

// The symbolic corpus (2,000 programs, each simplified, differentiated
// and evaluated) is the longest replay: four parts, so that the test
// harness's threads share it.
#[test]
fn corpus_symbolic_0() {
    replay_part("symbolic", 0, 4);
}

#[test]
fn corpus_symbolic_1() {
    replay_part("symbolic", 1, 4);
}

#[test]
fn corpus_symbolic_2() {
    replay_part("symbolic", 2, 4);
}

#[test]
fn corpus_symbolic_3() {
    replay_part("symbolic", 3, 4);
}

#[test]
fn corpus_eval() {
    replay("eval");
}

#[test]
fn corpus_npy() {
    replay("npy");
}

/// Every target has a corpus (a missing directory would replay nothing).
#[test]
fn every_target_has_a_corpus() {
    for (target, _) in TARGETS {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(target);
        let count = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert!(count > 0, "{} is empty or missing", dir.display());
    }
}
