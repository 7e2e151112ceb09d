//! Regressions of the symbolic engine, from the testers' issues: each case
//! as they ran it (the CLI binary, the JIT and `--interp`), and variants of
//! the same class of bug. Expected values are computed by hand from the
//! program's meaning.
//!
//! - W1: a binder's extent came from another definition's (canonical
//!   binders were identified by level alone);
//! - W3: `simplify` printed programs that mean something else (a delta
//!   against written bounds contracted; an axis lost its extent);
//! - P1: printed programs must parse again (32 indices per `sum_{...}`);
//! - P2: printed programs take the original's `--set`/`--in`;
//! - P5: what is written inside `diff(...)` is bound-checked as written.

use crate::support::{stderr, stdout};
use ndarray::{ArrayD, IxDyn};
use ricci::{Args, SymProgram, Tensor};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn ricci(args: &[&str]) -> Output {
    ricci_with_stdin(args, "")
}

fn ricci_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ricci"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ricci binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("ricci finishes")
}

/// A scratch directory unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ricci-regress-sym-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn save(dir: &Path, name: &str, v: &[f64]) -> String {
    let a = ArrayD::from_shape_vec(IxDyn(&[v.len()]), v.to_vec()).expect("shape");
    let path = dir.join(format!("{name}.npy"));
    ricci::runtime::npy::write_npy(&path, &Tensor::F64(a)).expect("write");
    format!("{name}={}", path.display())
}

/// `ricci eval PROGRAM ARGS...` with the JIT and with `--interp`: both must
/// succeed and print the same; returns what they print.
#[track_caller]
fn eval_both(program: &str, args: &[&str]) -> String {
    let mut jit = vec!["eval", program];
    jit.extend_from_slice(args);
    let mut interp = jit.clone();
    interp.push("--interp");
    let a = ricci(&jit);
    assert!(a.status.success(), "{program}: {}", stderr(&a));
    let b = ricci(&interp);
    assert!(b.status.success(), "{program} --interp: {}", stderr(&b));
    assert_eq!(
        stdout(&a),
        stdout(&b),
        "{program}: JIT and interpreter differ"
    );
    stdout(&a)
}

/// `ricci eval PROGRAM ARGS...` must fail (exit 1) with JIT and
/// interpreter alike; returns the JIT's error text.
#[track_caller]
fn eval_fails(program: &str, args: &[&str]) -> String {
    let mut jit = vec!["eval", program];
    jit.extend_from_slice(args);
    let mut interp = jit.clone();
    interp.push("--interp");
    for a in [&jit, &interp] {
        let o = ricci(a);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{a:?}: {}{}",
            stdout(&o),
            stderr(&o)
        );
    }
    stderr(&ricci(&jit))
}

/// `ricci simplify PROGRAM`, asserting success.
#[track_caller]
fn simplify(program: &str) -> String {
    let o = ricci(&["simplify", program]);
    assert!(o.status.success(), "{program}: {}", stderr(&o));
    stdout(&o)
}

/// `ricci simplify PROGRAM | ricci eval - ARGS...` (JIT and interpreter).
#[track_caller]
fn simplify_then_eval(program: &str, args: &[&str]) -> String {
    let printed = simplify(program);
    let mut out = Vec::new();
    for interp in [false, true] {
        let mut a = vec!["eval", "-"];
        a.extend_from_slice(args);
        if interp {
            a.push("--interp");
        }
        let o = ricci_with_stdin(&a, &printed);
        assert!(
            o.status.success(),
            "`{program}` simplified to\n{printed}which does not run with {args:?}: {}",
            stderr(&o)
        );
        out.push(stdout(&o));
    }
    assert_eq!(out[0], out[1], "JIT and interpreter differ on\n{printed}");
    out.swap_remove(0)
}

// ---- W1: `diff` takes an extent from the wrong definition ----

#[test]
fn w1_derivative_sums_over_its_own_definitions_axis() {
    let dir = scratch("w1a");
    let z = save(&dir, "z", &[10., 20., 30.]);
    let p = "u[i] = a; v[k] = z[k] + sum_j u[j]; d[k] = diff(v[k], a)";
    let out = eval_both(p, &["--set", "a=1", "--in", &z, "--dim", "i=5"]);
    assert_eq!(
        out,
        "u = [1, 1, 1, 1, 1]\nv = [15, 25, 35]\nd = [5, 5, 5]\n"
    );
    // The printed program means the same.
    let out = simplify_then_eval(p, &["--set", "a=1", "--in", &z, "--dim", "i=5"]);
    assert!(out.ends_with("d = [5, 5, 5]\n"), "{out}");
}

#[test]
fn w1_extent_given_by_dim_is_the_right_index() {
    let p = "u[i] = a; v[k] = sum_j u[j]; d[k] = diff(v[k], a)";
    let args = ["--set", "a=1", "--dim", "i=2", "--dim", "k=3"];
    assert_eq!(
        eval_both(p, &args),
        "u = [1, 1]\nv = [2, 2, 2]\nd = [2, 2, 2]\n"
    );
    let out = simplify_then_eval(p, &args);
    assert!(out.ends_with("d = [2, 2, 2]\n"), "{out}");
}

#[test]
fn w1_sums_over_two_definitions_stay_apart() {
    let p = "u[i] = a; w[m] = a; s = sum_i u[i] + sum_m w[m]; d = diff(s, a)";
    let args = ["--set", "a=1", "--dim", "i=2", "--dim", "m=3"];
    assert!(eval_both(p, &args).ends_with("s = 5\nd = 5\n"));
    let p = "u[i] = a^2; s = sum_j u[j]; d = diff(diff(s, a), a)";
    assert!(eval_both(p, &["--set", "a=1", "--dim", "i=3"]).ends_with("d = 6\n"));
}

#[test]
fn w1_sums_with_extents_from_dim_are_not_alpha_equal() {
    // `sum_j j` and `sum_k k` range over different `--dim`s: not one node.
    assert_eq!(simplify("sum_j j + sum_k k"), "sum_j j + sum_k k\n");
    let args = ["--dim", "j=2", "--dim", "k=3"];
    assert_eq!(simplify_then_eval("sum_j j + sum_k k", &args), "4\n");
    let p = "a = sum_j j; b = sum_k k; c = a + b";
    assert_eq!(simplify(p), "a = sum_j j\nb = sum_k k\nc = a + b\n");
    assert_eq!(simplify_then_eval(p, &args), "a = 1\nb = 3\nc = 4\n");
    // The same name is the same range: still collected.
    assert_eq!(simplify("sum_j j + sum_j j"), "2 sum_j j\n");
}

// ---- W3: `simplify` prints programs that mean something else ----

#[test]
fn w3a_delta_against_written_bounds_needs_a_provable_range() {
    let dir = scratch("w3a");
    let t1 = save(&dir, "T1", &[1., 2., 3., 4., 5.]);
    let p = "Y = sum_{i0=0}^{4} sum_{i1} delta[i1,i0] T1[i0]";
    // i1 over --dim's 0..1 picks T1[0] + T1[1].
    assert_eq!(eval_both(p, &["--in", &t1, "--dim", "i1=2"]), "Y = 3\n");
    assert_eq!(
        simplify_then_eval(p, &["--in", &t1, "--dim", "i1=2"]),
        "Y = 3\n"
    );
    // Without --dim, i1 takes its partner's range: all of T1.
    assert_eq!(simplify_then_eval(p, &["--in", &t1]), "Y = 15\n");
}

#[test]
fn w3a_delta_against_a_shorter_tensor_stays() {
    let dir = scratch("w3a2");
    let t1 = save(&dir, "T1", &[1., 2., 3., 4., 5.]);
    let x = save(&dir, "x", &[10., 100.]);
    // j runs over x's 0..1 only: T1[0] x[0] + T1[1] x[1].
    let p = "Y = sum_{k=0}^{4} T1[k] sum_j x[j] delta[j,k]";
    assert_eq!(eval_both(p, &["--in", &t1, "--in", &x]), "Y = 210\n");
    assert_eq!(
        simplify_then_eval(p, &["--in", &t1, "--in", &x]),
        "Y = 210\n"
    );
    // Where k subscripts x too, its bounds fit x: the delta contracts.
    let p = "Y = sum_{k=0}^{1} x[k] sum_j x[j] delta[j,k]";
    assert_eq!(simplify(p), "Y = sum_{k=0}^{1} x[k]^2\n");
    // Constant bounds inside constant bounds contract too.
    let p = "Y = sum_{k=1}^{2} sum_{j=0}^{4} T1[j] delta[j,k]";
    assert_eq!(simplify(p), "Y = sum_{k=1}^{2} T1[k]\n");
    assert_eq!(simplify_then_eval(p, &["--in", &t1]), "Y = 5\n");
}

#[test]
fn w3a_gradient_through_a_bounded_sum() {
    let dir = scratch("w3a3");
    let w = save(&dir, "w", &[1., 2., 3.]);
    // dL/dw[k] = 2 w[k] for k in 0..1, else 0.
    let p = "v[i] = w[i]^2; L = sum_{i=0}^{1} v[i]; g[k] = diff(L, w[k])";
    assert!(eval_both(p, &["--in", &w]).ends_with("g = [2, 4, 0]\n"));
    let out = simplify_then_eval(p, &["--in", &w]);
    assert!(out.ends_with("g = [2, 4, 0]\n"), "{out}");
}

#[test]
fn w3b_an_axis_keeps_its_extent_when_its_subscripts_go() {
    let dir = scratch("w3b");
    let a = save(&dir, "A", &[1., 2., 3., 4., 5.]);
    let p = "Y[i] = sum_{j=1}^{0} (A[i] - delta[i,j])";
    assert_eq!(simplify(p), "Y[i] = 0 A[i]\n");
    assert_eq!(
        simplify_then_eval(p, &["--in", &a]),
        "Y = [0, 0, 0, 0, 0]\n"
    );
    // A delta partner with written bounds does not give i its extent.
    let p = "Y[i] = A[i] - A[i] + sum_{j=0}^{2} delta[i,j]";
    assert_eq!(eval_both(p, &["--in", &a]), "Y = [1, 1, 1, 0, 0]\n");
    assert_eq!(
        simplify_then_eval(p, &["--in", &a]),
        "Y = [1, 1, 1, 0, 0]\n"
    );
}

#[test]
fn empty_written_ranges_vanish() {
    assert_eq!(
        simplify("s = sum_{j=3}^{1} x[j]^2; p = prod_{j=3}^{1} x[j]"),
        "s = (sum_{z} 0 x[z])\np = 1\n"
    );
}

// ---- P1: printed programs always parse again ----

#[test]
fn p1_more_nested_sums_than_one_group_takes() {
    let dir = scratch("p1");
    let x = save(&dir, "x", &[0.5]);
    let n = 33;
    let binders: Vec<String> = (1..=n).map(|k| format!("sum_a{k}")).collect();
    let terms: Vec<String> = (1..=n).map(|k| format!("x[a{k}]")).collect();
    let p = format!("y = {} exp({})", binders.join(" "), terms.join(" + "));
    let printed = simplify(&p);
    assert!(printed.contains("sum_{"), "{printed}");
    // exp(33 * 0.5), evaluated by the original and by the printed text.
    let want = eval_both(&p, &["--in", &x]);
    assert_eq!(simplify_then_eval(&p, &["--in", &x]), want);
    let v: f64 = want.trim().trim_start_matches("y = ").parse().unwrap();
    assert!((v - 16.5f64.exp()).abs() < 1e-6 * v, "{v}");
}

#[test]
fn p1_a_derivative_with_too_many_axes_is_an_error() {
    let axes: Vec<String> = (0..20).map(|k| format!("a{k}")).collect();
    let target: Vec<String> = (0..20).map(|k| format!("b{k}")).collect();
    let p = format!("y[{0}] = A[{0}]", axes.join(","));
    let wrt = format!("A[{}]", target.join(","));
    let o = ricci(&["diff", &p, "--wrt", &wrt]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(e.contains("40 axes") && e.contains("at most 32"), "{e}");
}

// ---- P2: a printed program takes every input the original took ----

#[test]
fn p2_cancelled_parameters_are_still_taken() {
    let p = "y = (b/b) sin(2)";
    assert_eq!(simplify(p), "y = sin(2) + 0 b\n");
    // sin(2), correctly rounded (the original, `(b sin(2))/b`, may round
    // once more).
    assert_eq!(
        simplify_then_eval(p, &["--set", "b=3"]),
        format!("y = {}\n", 2f64.sin())
    );
    // Simplifying again changes nothing.
    let once = simplify(p);
    assert_eq!(simplify(&once), once);
}

#[test]
fn p2_cancelled_tensors_are_still_taken() {
    let dir = scratch("p2");
    let x = save(&dir, "x", &[1., 2.]);
    let p = "y = sum_i (x[i] - x[i]) + c; z = 2";
    let args = ["--in", &x, "--set", "c=2"];
    assert_eq!(eval_both(p, &args), "y = 2\nz = 2\n");
    assert_eq!(simplify_then_eval(p, &args), "y = 2\nz = 2\n");
}

// ---- P5: a derivative is checked like its expression ----

#[test]
fn p5_the_expression_inside_diff_is_bound_checked() {
    let dir = scratch("p5");
    let t1 = save(&dir, "T1", &[1., 2., 3., 4., 5.]);
    let w = save(&dir, "w", &[1., 2.]);
    let e = eval_fails(
        "diff(sum_{i0=0}^{4} T1[i0] w[i0], w[k])",
        &["--in", &t1, "--in", &w],
    );
    assert!(
        e.contains("index `i0` runs from 0 to 4, but `w` has length 2"),
        "{e}"
    );
    // Even where the derivative is 0 and reads nothing.
    let e = eval_fails(
        "y = diff(sum_{i=0}^{4} w[i], a)",
        &["--in", &w, "--set", "a=1"],
    );
    assert!(e.contains("index `i` runs from 0 to 4"), "{e}");
    // Bounds that fit are fine.
    assert_eq!(
        eval_both(
            "diff(sum_{i0=0}^{1} T1[i0] w[i0], w[k])",
            &["--in", &t1, "--in", &w]
        ),
        "[1, 2]\n"
    );
}

#[test]
fn p5_compiled_kernels_check_it_too() {
    let t = |v: Vec<f64>| Tensor::F64(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).unwrap());
    // The derivative, `sum_{i=0}^{4} T[i] delta[k,i]`, reads no `w`.
    let k = ricci::compile(
        "g[k] = diff(sum_{i=0}^{4} T[i] w[i], w[k])",
        ricci::Options::default(),
    )
    .expect("compiles");
    let args = Args::new()
        .tensor("w", t(vec![1., 2.]))
        .tensor("T", t(vec![1., 2., 3., 4., 5.]));
    let err = k.call(&args).expect_err("out of bounds");
    assert!(format!("{err:?}").contains("runs from 0 to 4"), "{err:?}");
}

#[test]
fn dim_may_name_an_index_the_derivative_no_longer_has() {
    assert_eq!(
        eval_both(
            "d = diff(sum_j 0 j + a, a)",
            &["--set", "a=1", "--dim", "j=3"]
        ),
        "d = 1\n"
    );
}

#[test]
fn library_text_matches_the_cli() {
    let p = SymProgram::parse("y = (b/b) sin(2)").unwrap();
    assert_eq!(p.text(), "y = sin(2) + 0 b\n");
}

// ---- Found by fuzzing (F1, F2) and the class around them ----

/// `save` for a matrix of `rows` rows.
fn save_matrix(dir: &Path, name: &str, rows: usize, v: &[f64]) -> String {
    let a = ArrayD::from_shape_vec(IxDyn(&[rows, v.len() / rows]), v.to_vec()).expect("shape");
    let path = dir.join(format!("{name}.npy"));
    ricci::runtime::npy::write_npy(&path, &Tensor::F64(a)).expect("write");
    format!("{name}={}", path.display())
}

/// `ricci diff PROGRAM --wrt TARGET`, asserting success.
#[track_caller]
fn diff_wrt(program: &str, target: &str) -> String {
    let o = ricci(&["diff", program, "--wrt", target]);
    assert!(o.status.success(), "{program}: {}", stderr(&o));
    stdout(&o)
}

/// Runs `printed` under `eval -` with the JIT and the interpreter.
#[track_caller]
fn run_printed(printed: &str, args: &[&str]) -> String {
    let mut out = Vec::new();
    for interp in [false, true] {
        let mut a = vec!["eval", "-"];
        a.extend_from_slice(args);
        if interp {
            a.push("--interp");
        }
        let o = ricci_with_stdin(&a, printed);
        assert!(o.status.success(), "{printed}: {}", stderr(&o));
        out.push(stdout(&o));
    }
    assert_eq!(out[0], out[1], "JIT and interpreter differ on\n{printed}");
    out.swap_remove(0)
}

#[test]
fn f1_a_derivative_target_index_takes_the_tensors_extent() {
    // d/dA[b,u] of sum_{k=0}^{0} sum_q A[k,q]: 1 at b = 0, 0 below it. The
    // target index b must run over A's rows (2), not k's written range (1).
    let dir = scratch("f1");
    let a = save_matrix(&dir, "A", 2, &[1., 2.]);
    let printed = diff_wrt("s = sum_{k=0}^{0} A[k,q]", "A[b,u]");
    assert_eq!(
        run_printed(&printed, &["--in", &a]),
        "ds_dA = [[1],\n         [0]]\n"
    );
    // The same derivative inside a program.
    assert_eq!(
        eval_both(
            "d[b,u] = diff(sum_{k=0}^{0} sum_q A[k,q], A[b,u])",
            &["--in", &a]
        ),
        "d = [[1],\n     [0]]\n"
    );
}

#[test]
fn f2_a_derivative_through_a_diagonal_of_a_derived_definition() {
    // g[i,a] = delta[a,i] c, so L = n c and dL/dc = n = 3.
    let dir = scratch("f2");
    let x = save(&dir, "x", &[1., 2., 3.]);
    let p = "g[i,a] = diff(x[i] c, x[a]); L = sum_i g[i,i]; h = diff(L, c)";
    let want = "g = [[2, 0, 0],\n     [0, 2, 0],\n     [0, 0, 2]]\nL = 6\nh = 3\n";
    assert_eq!(eval_both(p, &["--in", &x, "--set", "c=2"]), want);
    assert_eq!(simplify_then_eval(p, &["--in", &x, "--set", "c=2"]), want);
    let printed = diff_wrt("g[i,a] = x[i] c; L = sum_i diff(g[i,i], x[i])", "c");
    // dL/dc = n, read from x's length; c is no longer read (docs/cli.md).
    assert_eq!(run_printed(&printed, &["--in", &x]), "dL_dc = 3\n");
}

#[test]
fn a_power_of_a_delta_is_the_delta() {
    // delta is 0 or 1: delta^2 = delta, and the diagonal's sum is the extent.
    assert_eq!(
        simplify("h = sum_{i,a} delta[a,i]^2 x[i]"),
        simplify("h = sum_{i,a} delta[a,i] x[i]")
    );
    assert!(!simplify("h[i,a] = delta[a,i]^3 x[i]").contains('^'));
}

#[test]
fn a_binder_given_only_by_a_derivative_target_keeps_its_extent_in_print() {
    // `diff(c, A[p,q])` is 0, summed over A's 2 x 3 positions: s = 6 * 2.
    let dir = scratch("inner-diff");
    let a = save_matrix(&dir, "A", 2, &[1., 2., 3., 4., 5., 6.]);
    let p = "s = 2 + diff(c, A[p,q])";
    assert_eq!(eval_both(p, &["--in", &a, "--set", "c=1"]), "s = 12\n");
    assert_eq!(simplify(p), "s = sum_{p,q} (2 + 0 A[p,q]) + 0 c\n");
    assert_eq!(
        simplify_then_eval(p, &["--in", &a, "--set", "c=1"]),
        "s = 12\n"
    );
}
