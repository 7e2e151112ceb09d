//! The command line as a user drives it: output, `.npy` round trips and exit
//! statuses (0 success, 1 bad program or data, 2 bad usage).

use crate::support::{ricci, stderr, stdout};
use std::path::PathBuf;
use std::process::Command;

/// A scratch directory unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ricci-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn save(dir: &std::path::Path, name: &str, shape: &[usize], v: &[f64]) -> String {
    let a = ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(shape), v.to_vec()).expect("shape");
    let path = dir.join(name);
    ricci::runtime::npy::write_npy(&path, &ricci::runtime::values::Tensor::F64(a)).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn exercise_5_prints_55() {
    let o = ricci(&["eval", "sum_{i=0}^{5} i^2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "55\n");
}

#[test]
fn definitions_print_name_equals_value() {
    let o = ricci(&["eval", "s = sum_{i=1}^{3} i^2; p = prod_{i=1}^{5} i; s + p"]);
    assert_eq!(stdout(&o), "s = 14\np = 120\n134\n");
}

#[test]
fn exercise_9_from_npy_files_and_out() {
    let dir = scratch("ex9");
    let a = save(&dir, "a.npy", &[2, 2], &[1., 2., 3., 4.]);
    let b = save(&dir, "b.npy", &[2, 2], &[5., 6., 7., 8.]);
    let out = dir.join("c.npy");
    let out_arg = format!("C={}", out.display());
    let o = ricci(&[
        "eval",
        "C[i,k] = A[i,j] B[j,k]",
        "--in",
        &format!("A={a}"),
        "--in",
        &format!("B={b}"),
        "--out",
        &out_arg,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "C = [[19, 22],\n     [43, 50]]\n");
    let c = ricci::runtime::npy::read_npy(&out).expect("written");
    assert_eq!(
        c.to_f64().into_raw_vec_and_offset().0,
        vec![19., 22., 43., 50.]
    );
}

#[test]
fn scalar_out_is_a_0d_array() {
    let dir = scratch("scalar");
    let out = dir.join("s.npy");
    let o = ricci(&[
        "eval",
        "s = prod_{i=1}^{5} i",
        "--out",
        &format!("s={}", out.display()),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = ricci::runtime::npy::read_npy(&out).expect("written");
    assert_eq!(s.shape(), &[] as &[usize]);
    assert_eq!(s.to_f64().sum(), 120.);
}

#[test]
fn program_from_stdin_and_file() {
    let dir = scratch("src");
    let f = dir.join("p.ricci");
    std::fs::write(&f, "# exercise 6\nprod_{i=1}^{5} i\n").expect("write");
    let o = ricci(&["eval", &format!("@{}", f.display())]);
    assert_eq!(stdout(&o), "120\n", "{}", stderr(&o));

    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ricci"))
        .args(["eval", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"sum_{i=0}^{5} i^2")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(stdout(&o), "55\n");
}

#[test]
fn set_and_dim() {
    let o = ricci(&["eval", "sum_{i=1}^{N} i", "--set", "N=10"]);
    assert_eq!(stdout(&o), "55\n", "{}", stderr(&o));
    let o = ricci(&["eval", "v[i] = i^2", "--dim", "i=4"]);
    assert_eq!(stdout(&o), "v = [0, 1, 4, 9]\n", "{}", stderr(&o));
    let o = ricci(&["eval", "-x^2", "--set", "x=3"]);
    assert_eq!(stdout(&o), "-9\n", "{}", stderr(&o));
}

#[test]
fn bad_program_exits_1_with_a_caret() {
    let o = ricci(&["eval", "x = (1 +"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.starts_with("error: unexpected end of input"), "{e}");
    assert!(e.contains("<program>:1:9"), "{e}");
    assert!(e.contains('^'), "{e}");
}

#[test]
fn bound_past_the_end_exits_1_naming_everything() {
    let dir = scratch("bound");
    let x = save(&dir, "x.npy", &[3], &[1., 2., 3.]);
    let o = ricci(&[
        "eval",
        "s = sum_{j=1}^{N} x[j]",
        "--in",
        &format!("x={x}"),
        "--set",
        "N=3",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("index `j` runs from 1 to N = 3"), "{e}");
    assert!(e.contains("`x` has length 3"), "{e}");
}

#[test]
fn shape_mismatch_exits_1() {
    let dir = scratch("shape");
    let a = save(&dir, "a.npy", &[2, 3], &[0.; 6]);
    let b = save(&dir, "b.npy", &[2, 2], &[0.; 4]);
    let o = ricci(&[
        "eval",
        "C[i,k] = A[i,j] B[j,k]",
        "--in",
        &format!("A={a}"),
        "--in",
        &format!("B={b}"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("index `j` has two extents"), "{e}");
}

#[test]
fn truncated_and_garbage_npy_exit_1() {
    let dir = scratch("trunc");
    let a = save(&dir, "a.npy", &[2, 2], &[1., 2., 3., 4.]);
    let bytes = std::fs::read(&a).expect("read");
    let t = dir.join("t.npy");
    std::fs::write(&t, &bytes[..bytes.len() - 5]).expect("write");
    let o = ricci(&["eval", "A[i,j]", "--in", &format!("A={}", t.display())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("truncated"), "{}", stderr(&o));
    let g = dir.join("g.npy");
    std::fs::write(&g, b"hello, world").expect("write");
    let o = ricci(&["eval", "A[i,j]", "--in", &format!("A={}", g.display())]);
    assert_eq!(o.status.code(), Some(1));
    let missing = ricci(&["eval", "A[i,j]", "--in", "A=/nonexistent/file.npy"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(ricci(&["eval"]).status.code(), Some(2));
    assert_eq!(
        ricci(&["eval", "x", "--set", "x=abc"]).status.code(),
        Some(2)
    );
    assert_eq!(
        ricci(&["eval", "x", "--in", "nofile"]).status.code(),
        Some(2)
    );
    assert_eq!(ricci(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(ricci(&["einsum", "ij"]).status.code(), Some(2));
}

#[test]
fn non_utf8_program_file_exits_1() {
    let dir = scratch("utf8");
    let f = dir.join("bad.ricci");
    std::fs::write(&f, b"x = 1\n\xff\xfe + 2").expect("write");
    let o = ricci(&["eval", &format!("@{}", f.display())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not valid UTF-8"), "{}", stderr(&o));
}

#[test]
fn out_of_an_undefined_name_exits_1() {
    let o = ricci(&["eval", "s = 1", "--out", "t=/tmp/never.npy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("defines no `t`"), "{}", stderr(&o));
}

#[test]
fn einsum_matmul_and_trace() {
    let dir = scratch("einsum");
    let a = save(&dir, "a.npy", &[2, 2], &[1., 2., 3., 4.]);
    let b = save(&dir, "b.npy", &[2, 2], &[5., 6., 7., 8.]);
    let out = dir.join("o.npy");
    let o = ricci(&["einsum", "ij,jk->ik", &a, &b, "-o", &out.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c = ricci::runtime::npy::read_npy(&out).expect("written");
    assert_eq!(
        c.to_f64().into_raw_vec_and_offset().0,
        vec![19., 22., 43., 50.]
    );
    let o = ricci(&["einsum", "ii", &a, "-o", &out.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        ricci::runtime::npy::read_npy(&out)
            .expect("written")
            .to_f64()
            .sum(),
        5.
    );
    let o = ricci(&["einsum", "ij->k", &a, "-o", &out.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn demo_agrees_with_the_notes() {
    let o = ricci(&["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("= 55"), "{s}");
    assert!(s.contains("= 120"), "{s}");
    assert!(!s.contains("DISAGREES"), "{s}");
}

#[test]
fn simplify_prints_the_simplified_program() {
    let o = ricci(&[
        "simplify",
        "s = sum_{i=1}^{N} b; p = prod_{i=1}^{N} b; t = 2x + 3x",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "s = N b\np = b^N\nt = 5 x\n");
    let o = ricci(&["simplify", "f[k] = sum_j X[k,j] delta[j,i] w[i]", "--latex"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "f_{k} = \\sum_{i} X_{ki} \\, w_{i}\n");
}

#[test]
fn diff_prints_a_program_that_runs_under_eval() {
    let src = "r[i] = y[i] - sum_j X[i,j] w[j]\nL = sum_i r[i]^2";
    let o = ricci(&["diff", src, "--wrt", "w[k]"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = stdout(&o);
    assert_eq!(
        printed,
        "r[i] = y[i] - sum_j X[i,j] w[j]\ndL_dw[k] = -2 sum_i X[i,k] r[i]\n"
    );
    // The printed program, run with the same inputs, gives the gradient
    // that `diff(...)` inside a program gives.
    let dir = scratch("diff-runs");
    let x = save(&dir, "x.npy", &[3, 2], &[1., 2., 3., 4., 5., 6.]);
    let y = save(&dir, "y.npy", &[3], &[1., 0., 2.]);
    let w = save(&dir, "w.npy", &[2], &[0.5, -1.]);
    let inputs = [
        "--in",
        &format!("X={x}"),
        "--in",
        &format!("y={y}"),
        "--in",
        &format!("w={w}"),
    ];
    let mut a = vec!["eval", printed.as_str()];
    a.extend(inputs);
    let o = ricci(&a);
    assert!(o.status.success(), "{}", stderr(&o));
    let from_printed = stdout(&o);
    let inline = format!("{src}\ng[k] = diff(L, w[k])");
    let mut b = vec!["eval", inline.as_str()];
    b.extend(inputs);
    let o = ricci(&b);
    assert!(o.status.success(), "{}", stderr(&o));
    // r = y - X w = [2.5, 2.5, 5.5]; dL/dw = -2 X^T r = [-75, -96].
    assert!(
        from_printed.ends_with("dL_dw = [-75, -96]\n"),
        "{from_printed}"
    );
    assert!(stdout(&o).ends_with("g = [-75, -96]\n"), "{}", stdout(&o));
}

#[test]
fn diff_of_a_named_definition_and_a_parameter() {
    let o = ricci(&["diff", "y = (x+1)^3; z = y^2", "--wrt", "x", "--of", "y"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "dy_dx = 3 (x + 1)^2\n");
}

#[test]
fn diff_errors_name_the_target() {
    let o = ricci(&["diff", "y[i] = sum_j X[i,j] w[j]", "--wrt", "v[k]"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--wrt v[k]: the program has no input tensor `v`"));
    let o = ricci(&["diff", "y[i] = sum_j X[i,j] w[j]", "--wrt", "w[i]"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the index `i` is already used"));
    let o = ricci(&["diff", "y[i] = sum_j X[i,j] w[j]"]);
    assert_eq!(o.status.code(), Some(2), "--wrt is required");
}

// ---- `ricci bench` (src/cli/bench.rs) ----

/// The number after `"key": ` in a flat JSON object.
fn json_number(json: &str, key: &str) -> f64 {
    let pat = format!("\"{key}\": ");
    let at = json
        .find(&pat)
        .unwrap_or_else(|| panic!("no `{key}` in {json}"))
        + pat.len();
    let rest = &json[at..];
    let end = rest.find([',', '}']).expect("a value ends");
    rest[..end]
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("`{key}` is not a number in {json}"))
}

#[test]
fn bench_json_reports_compile_and_run_times_of_a_matmul() {
    let o = ricci(&[
        "bench",
        "C[i,k] = sum_j A[i,j] B[j,k]",
        "--shape",
        "A=16,24",
        "--shape",
        "B=24,8",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let json = out.trim();
    assert!(
        json.starts_with('{') && json.ends_with('}') && !json.contains('\n'),
        "one JSON object: {out}"
    );
    let compile = json_number(json, "compile_us");
    let parts = ["parse_us", "symbolic_us", "codegen_us"].map(|k| json_number(json, k));
    assert!(compile > 0.0 && parts.iter().all(|&p| p >= 0.0), "{json}");
    assert!(parts.iter().sum::<f64>() <= compile * 1.01, "{json}");
    // The contract: `compile_us` is the median of at least 5 uncached
    // compiles, `first_compile_us` the first of them.
    assert!(json_number(json, "first_compile_us") > 0.0, "{json}");
    assert!(json_number(json, "compiles") >= 5.0, "{json}");
    assert!(json_number(json, "run_us") > 0.0, "{json}");
    let runs = json_number(json, "runs");
    assert!((10.0..=100_000.0).contains(&runs), "{json}");
    // 2 flops per multiply-add, 16 * 8 outputs of 24 terms each.
    assert_eq!(json_number(json, "flops"), 2.0 * 16.0 * 24.0 * 8.0);
    assert_eq!(
        json_number(json, "bytes"),
        8.0 * (16. * 24. + 24. * 8. + 16. * 8.)
    );
    assert!(json_number(json, "gflops") > 0.0, "{json}");
    assert!(json_number(json, "gbps") > 0.0, "{json}");
}

#[test]
fn bench_gradient_in_f32_prints_a_report() {
    let o = ricci(&[
        "bench",
        "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])",
        "--shape",
        "X=8,4",
        "--shape",
        "y=8",
        "--shape",
        "w=4",
        "--f32",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for word in ["compile", "codegen", "median", "GFLOP/s", "GB/s", "f32"] {
        assert!(out.contains(word), "no `{word}` in {out}");
    }
}

#[test]
fn bench_missing_shape_exits_1_and_malformed_shape_exits_2() {
    let o = ricci(&["bench", "C[i,k] = sum_j A[i,j] B[j,k]", "--shape", "A=4,4"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("input tensor `B` has no shape"), "{err}");
    assert!(err.contains("--shape B=D0,D1"), "{err}");
    assert!(err.contains("rank 2"), "{err}");
    for bad in ["A=4,x", "A=", "A4,4", "A=4,-1"] {
        let o = ricci(&["bench", "s = sum_i A[i]", "--shape", bad]);
        assert_eq!(o.status.code(), Some(2), "--shape {bad}: {}", stderr(&o));
    }
}

#[test]
fn threads_flag_gives_the_same_values_and_refuses_zero() {
    let dir = scratch("threads");
    let v: Vec<f64> = (0..300).map(|k| (k as f64 * 0.31).sin()).collect();
    let a = save(&dir, "A.npy", &[20, 15], &v);
    let x = save(&dir, "x.npy", &[15], &v[..15]);
    let p = "y[i] = sum_j A[i,j] x[j]; s = sum_i y[i]^2";
    let mut outs = Vec::new();
    for n in ["1", "2", "7"] {
        let o = ricci(&[
            "eval",
            p,
            "--in",
            &format!("A={a}"),
            "--in",
            &format!("x={x}"),
            "--threads",
            n,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        outs.push(stdout(&o));
    }
    assert_eq!(outs[0], outs[1]);
    assert_eq!(outs[0], outs[2]);
    let o = ricci(&["eval", "y = 1", "--threads", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("at least 1"), "{}", stderr(&o));
    let o = ricci(&[
        "bench",
        "y[i] = x[i]",
        "--shape",
        "x=8",
        "--threads",
        "1",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("\"run_us\""));
}
