//! Bounded resources, through the binary as the testers ran it: a failed
//! allocation, a huge loop, a flood of errors, an endless input file or an
//! out-of-range bound each end with `error:` and exit status 1, quickly.
//!
//! Runs that would exhaust memory or loop for ages without the limits run
//! under `ulimit -v` and `timeout` in `bash -c`, so a regression fails the
//! test instead of the machine; tests that need `ulimit -v` skip (with a
//! message) where it cannot be set.

use crate::support::{stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_ricci");

/// An address-space limit (KiB) under which 4 GiB cannot be allocated.
const ULIMIT_KB: u64 = 4_000_000;

fn ricci(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("RICCI_MAX_MEMORY")
        .env_remove("RICCI_MAX_WORK")
        .output()
        .expect("the ricci binary runs")
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Whether `bash -c 'ulimit -v ...'` works here.
fn ulimit_works() -> bool {
    let ok = Command::new("bash")
        .args(["-c", &format!("ulimit -v {ULIMIT_KB} && echo ok")])
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == "ok")
        .unwrap_or(false);
    if !ok {
        eprintln!("skipped: `ulimit -v` cannot be set here");
    }
    ok
}

/// Runs the binary with `args` under `ulimit -v` and `timeout 20`; returns
/// the output and how long it took.
fn limited(args: &[&str]) -> (Output, Duration) {
    let cmd = format!(
        "ulimit -v {ULIMIT_KB} && exec timeout 20 {} {}",
        quote(BIN),
        args.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" ")
    );
    let t = Instant::now();
    let o = Command::new("bash")
        .args(["-c", &cmd])
        .env_remove("RICCI_MAX_MEMORY")
        .env_remove("RICCI_MAX_WORK")
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("bash runs");
    (o, t.elapsed())
}

/// Exit status 1 (not an abort, a signal or the timeout's 124) with an
/// `error:` that mentions every one of `words`.
fn assert_clean_error(o: &Output, words: &[&str]) -> String {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "status {:?}; stderr:\n{err}",
        o.status
    );
    assert!(err.starts_with("error: "), "{err}");
    for w in words {
        assert!(err.contains(w), "`{w}` missing from:\n{err}");
    }
    err
}

/// A scratch directory unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ricci-limits-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A 128-byte `.npy` file: a header declaring `shape` of `<f8`, no data
/// (so the shape must have a zero extent to be valid).
fn header_only(dir: &Path, name: &str, shape: &str) -> String {
    let dict = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}");
    let pad = 128 - 10 - dict.len() - 1;
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend((118u16).to_le_bytes());
    bytes.extend(dict.as_bytes());
    bytes.extend(std::iter::repeat_n(b' ', pad));
    bytes.push(b'\n');
    assert_eq!(bytes.len(), 128);
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_string_lossy().into_owned()
}

fn save(dir: &Path, name: &str, shape: &[usize], v: &[f64]) -> String {
    let a = ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(shape), v.to_vec()).expect("shape");
    let path = dir.join(name);
    ricci::runtime::npy::write_npy(&path, &ricci::runtime::values::Tensor::F64(a)).expect("write");
    path.to_string_lossy().into_owned()
}

// ---- C1: a failed allocation is an error, not SIGABRT ----

#[test]
fn c1_output_refused_by_the_system_is_an_error() {
    if !ulimit_works() {
        return;
    }
    // 2^29 f64 = 4 GiB: under the 8 GiB limit, but not under ulimit -v.
    for engine in [&[][..], &["--interp"][..]] {
        let mut args = vec!["eval", "y[i] = 1", "--dim", "i=536870912"];
        args.extend(engine);
        let (o, _) = limited(&args);
        assert_clean_error(&o, &["out of memory", "4 GiB", "`y`"]);
    }
}

#[test]
fn c1_huge_zero_size_input_sum_is_refused_before_allocating() {
    if !ulimit_works() {
        return;
    }
    let dir = scratch("c1");
    let x = header_only(&dir, "x.npy", "(0, 4294967296)");
    let (o, t) = limited(&["eval", "s[j] = sum_i x[i,j]", "--in", &format!("x={x}")]);
    assert_clean_error(
        &o,
        &["32 GiB", "more than the limit of 8 GiB", "--max-memory"],
    );
    assert!(t < Duration::from_secs(10), "{t:?}");
    let (o, _) = limited(&[
        "eval",
        "--interp",
        "s[j] = sum_i x[i,j]",
        "--in",
        &format!("x={x}"),
    ]);
    assert_clean_error(&o, &["32 GiB"]);
}

#[test]
fn c1_einsum_result_too_large_points_at_the_output() {
    if !ulimit_works() {
        return;
    }
    let dir = scratch("c1e");
    let x = header_only(&dir, "x.npy", "(0, 4294967296)");
    let out = dir.join("out.npy");
    let (o, _) = limited(&["einsum", "ij->j", &x, "-o", &out.to_string_lossy()]);
    // P4: no `--dim` (einsum has none); the caret is under the output.
    let err = assert_clean_error(&o, &["(4294967296,)", "32 GiB", "--max-memory"]);
    assert!(!err.contains("--dim"), "{err}");
    assert!(
        err.contains("1 │ ij->j\n  │     ^ the result's axes"),
        "{err}"
    );
    assert!(!out.exists());
    // More elements than any result may have.
    let y = header_only(&dir, "y.npy", "(0, 8589934592)");
    let (o, _) = limited(&["einsum", "ij->j", &y, "-o", &out.to_string_lossy()]);
    let err = assert_clean_error(&o, &["more than the limit of 4294967296 elements"]);
    assert!(!err.contains("--dim"), "{err}");
}

#[test]
fn max_memory_is_adjustable_by_flag_and_environment() {
    // 1000 f64 = 7.8 KiB.
    let o = ricci(&["eval", "y[i] = 1", "--dim", "i=1000", "--max-memory", "4K"]);
    assert_clean_error(&o, &["7.8 KiB", "more than the limit of 4 KiB"]);
    let o = ricci(&["eval", "y[i] = 1", "--dim", "i=1000", "--max-memory", "8K"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = Command::new(BIN)
        .args(["eval", "--interp", "y[i] = 1", "--dim", "i=1000"])
        .env("RICCI_MAX_MEMORY", "4000")
        .output()
        .unwrap();
    assert_clean_error(&o, &["more than the limit of 3.9 KiB", "RICCI_MAX_MEMORY"]);
    // The flag wins over the environment.
    let o = Command::new(BIN)
        .args(["eval", "y[i] = 1", "--dim", "i=1000", "--max-memory", "1M"])
        .env("RICCI_MAX_MEMORY", "4000")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // A value that does not parse is bad usage.
    let o = Command::new(BIN)
        .args(["eval", "1"])
        .env("RICCI_MAX_MEMORY", "lots")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("RICCI_MAX_MEMORY=lots"),
        "{}",
        stderr(&o)
    );
}

// ---- H1, H2: the work of a call is bounded before it runs ----

#[test]
fn h1_loop_over_a_huge_empty_input_is_refused_quickly() {
    if !ulimit_works() {
        return;
    }
    let dir = scratch("h1");
    let x = header_only(&dir, "x.npy", "(0, 9223372036854775807)");
    for engine in [&[][..], &["--interp"][..]] {
        let mut args = vec!["eval", "s = sum_j sum_i x[i,j]", "--in"];
        let arg = format!("x={x}");
        args.push(&arg);
        args.extend(engine);
        let (o, t) = limited(&args);
        assert_clean_error(
            &o,
            &[
                "loop iterations, more than the limit of 1e12",
                "`j` runs over 9223372036854775807 values",
                "--max-work",
            ],
        );
        assert!(t < Duration::from_secs(10), "{t:?}");
    }
}

#[test]
fn h2_dim_is_capped_like_a_written_bound() {
    if !ulimit_works() {
        return;
    }
    let (o, t) = limited(&["eval", "s = sum_j 1", "--dim", "j=99999999999"]);
    assert_clean_error(
        &o,
        &["--dim j=99999999999", "more than the limit of 4294967296"],
    );
    assert!(t < Duration::from_secs(10), "{t:?}");
    // The written bound of the same size says the same.
    let (o, _) = limited(&["eval", "s = sum_{j=0}^{99999999998} 1"]);
    assert_clean_error(&o, &["more than the limit of 4294967296"]);
}

#[test]
fn max_work_is_adjustable_by_flag_and_environment() {
    let prog = "s = sum_{i=1}^{1000} sum_{j=1}^{1000} i j";
    // 1000 * (1 + 1000) + 1 iterations.
    let o = ricci(&["eval", prog, "--as-written", "--max-work", "1e6"]);
    assert_clean_error(
        &o,
        &["1001001 loop iterations, more than the limit of 1000000"],
    );
    let o = ricci(&["eval", prog, "--as-written", "--max-work", "1001001"]);
    assert_eq!(stdout(&o), "s = 250500250000\n", "{}", stderr(&o));
    let o = Command::new(BIN)
        .args(["eval", "--interp", "--as-written", prog])
        .env("RICCI_MAX_WORK", "1000")
        .output()
        .unwrap();
    assert_clean_error(&o, &["more than the limit of 1000", "RICCI_MAX_WORK"]);
    let o = Command::new(BIN)
        .args(["eval", prog])
        .env("RICCI_MAX_WORK", "unlimited")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn work_limit_names_the_costly_statement_and_index() {
    let o = ricci(&[
        "eval",
        "a = 1\nb = sum_{i=1}^{100000} sum_{k=1}^{100000} 1",
        "--as-written",
        "--max-work",
        "1e9",
    ]);
    let err = assert_clean_error(&o, &["1e10 loop iterations, more than the limit of 1e9"]);
    assert!(err.contains("<program>:2:1"), "{err}");
    assert!(err.contains("`i` runs over 100000 values"), "{err}");
}

// ---- B3: error output stays small and checking stays linear ----

#[test]
fn b3_a_flood_of_errors_on_one_long_line_is_capped() {
    let dir = scratch("b3");
    // 87 KB: `x` as a tensor and as a scalar 8,000 times each.
    let text = format!("y[i] = {}", vec!["x[i] + x"; 8000].join(" + "));
    assert!(text.len() > 87_000);
    let path = dir.join("b3.ricci");
    std::fs::write(&path, &text).unwrap();
    let cmd = format!(
        "timeout 20 {} eval @{} 2>&1 >/dev/null | head -c 5000000",
        quote(BIN),
        quote(&path.to_string_lossy())
    );
    let t = Instant::now();
    let o = Command::new("bash").args(["-c", &cmd]).output().unwrap();
    let t = t.elapsed();
    let err = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(t < Duration::from_secs(10), "{t:?}");
    assert!(err.len() < 20_000, "{} bytes of errors", err.len());
    assert_eq!(err.matches("error: `x` is used as a scalar").count(), 20);
    assert!(err.contains("error: 7980 more errors not shown; fix the ones above first"));
    assert!(err.lines().all(|l| l.chars().count() < 200), "{err}");
    // The last error shown points at column 213 of the full line.
    assert!(err.contains("b3.ricci:1:213"), "{err}");
}

#[test]
fn b3_many_free_indices_are_checked_in_linear_time() {
    let dir = scratch("b3f");
    let text = format!(
        "y = {}",
        (0..16000)
            .map(|k| format!("x[a{k}]"))
            .collect::<Vec<_>>()
            .join(" + ")
    );
    let path = dir.join("free.ricci");
    std::fs::write(&path, &text).unwrap();
    let t = Instant::now();
    let o = ricci(&["eval", &format!("@{}", path.display())]);
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    assert_clean_error(&o, &["16000 free indices in one statement"]);
}

// ---- B4: input files are read only as far as the header says ----

#[test]
fn b4_dev_zero_is_refused() {
    if !ulimit_works() {
        return;
    }
    let (o, t) = limited(&["eval", "y[i] = x[i]", "--in", "x=/dev/zero"]);
    assert_clean_error(&o, &["/dev/zero", "not a regular file"]);
    assert!(t < Duration::from_secs(5), "{t:?}");
    let (o, _) = limited(&["eval", "@/dev/zero"]);
    assert_clean_error(&o, &["longer than 64 MiB"]);
}

#[test]
fn b4_pipes_are_read_up_to_the_declared_data() {
    let dir = scratch("b4");
    let x = save(&dir, "x.npy", &[3], &[1., 2., 3.]);
    let run = |feed: &str| {
        let cmd = format!(
            "exec timeout 20 {} eval 'y[i] = 2 x[i]' --in x=<({feed})",
            quote(BIN)
        );
        Command::new("bash").args(["-c", &cmd]).output().unwrap()
    };
    let o = run(&format!("cat {}", quote(&x)));
    assert_eq!(stdout(&o), "y = [2, 4, 6]\n", "{}", stderr(&o));
    // Endless data after a valid array: an error, not a hang.
    let o = run(&format!("cat {}; cat /dev/zero", quote(&x)));
    assert_clean_error(&o, &["bytes after the end of the data"]);
}

#[test]
fn b4_a_file_over_the_memory_limit_is_refused_before_reading() {
    let dir = scratch("b4m");
    let x = save(&dir, "x.npy", &[1000], &[0.5; 1000]);
    let o = ricci(&[
        "eval",
        "s = sum_i x[i]",
        "--in",
        &format!("x={x}"),
        "--max-memory",
        "10K",
    ]);
    assert_clean_error(
        &o,
        &["reading it would take", "more than the limit of 10 KiB"],
    );
    let o = ricci(&["eval", "s = sum_i x[i]", "--in", &format!("x={x}")]);
    assert_eq!(stdout(&o), "s = 500\n");
}

// ---- P3: a bound too large for an integer says so ----

#[test]
fn p3_huge_parameter_bound_is_too_large_not_fractional() {
    let o = ricci(&["eval", "s = sum_{j=1}^{N} 1", "--set", "N=1e18"]);
    let err = assert_clean_error(
        &o,
        &["upper bound of `j` is 1000000000000000000, which is too large"],
    );
    assert!(!err.contains("not an integer"), "{err}");
    let o = ricci(&["eval", "s = sum_{j=1}^{N} 1", "--set", "N=1.5"]);
    assert_clean_error(&o, &["is 1.5, not an integer"]);
}

// ---- The Rust API: limits per call ----

#[test]
fn rust_api_limits_per_call() {
    use ricci::{Args, Limits, Tensor};
    let program = ricci::check("y[i] = 1").unwrap();
    let small = Limits {
        max_bytes: 1000,
        max_work: 1_000_000,
    };
    let args = Args::new().dim("i", 1000).with_limits(small);
    let e = ricci::eval(&program, &args).unwrap_err();
    assert!(
        e.to_string().contains("more than the limit of 1000 bytes"),
        "{e}"
    );
    let k = ricci::compile("y[i] = 1", ricci::Options::default()).unwrap();
    assert!(k.call(&args).is_err());
    let ok = Args::new().dim("i", 100).with_limits(small);
    assert_eq!(ricci::eval(&program, &ok).unwrap()[0].len(), 100);
    let work = Args::new().dim("i", 1000).with_limits(Limits {
        max_bytes: 1 << 20,
        max_work: 999,
    });
    let e = k.call(&work).unwrap_err();
    assert!(e.to_string().contains("1000 loop iterations"), "{e}");
    let x = Tensor::F64(ndarray::Array2::<f64>::zeros((2, 3)).into_dyn());
    let tiny = Limits {
        max_bytes: 40,
        ..small
    };
    let e = ricci::einsum::run_with_limits("ij->ji", &[x], tiny).unwrap_err();
    assert!(
        e.to_string().contains("more than the limit of 40 bytes"),
        "{e}"
    );
}
