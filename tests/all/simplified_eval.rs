//! `eval`, compiled kernels and `einsum` run the program as the symbolic
//! engine leaves it (LANGUAGE.md §4); `--as-written` (and
//! `Options::as_written`) runs it as written. Each test shows a difference
//! a user can see: a delta contracted into a copy, `log(prod)` summed as
//! logs (no underflow), signs kept by the log rules.

use crate::support::{ricci, stderr, stdout};
use ndarray::{ArrayD, IxDyn};
use ricci::jit::{self, Options};
use ricci::{Args, DType, Tensor};
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ricci-simpl-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn save(dir: &std::path::Path, name: &str, t: Tensor) -> String {
    let path = dir.join(format!("{name}.npy"));
    ricci::runtime::npy::write_npy(&path, &t).expect("write");
    format!("{name}={}", path.display())
}

fn vec1(v: Vec<f64>) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).unwrap())
}

/// `ricci eval` with the given flags; asserts success.
#[track_caller]
fn eval(args: &[&str]) -> String {
    let mut a = vec!["eval"];
    a.extend_from_slice(args);
    let o = ricci(&a);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn log_of_a_long_product_is_a_sum_of_logs_in_f64_and_f32() {
    let dir = scratch("logprod");
    let p = "L = log(prod_i x[i])";
    let x64 = save(&dir, "x", vec1(vec![0.1; 1000]));
    let x32 = {
        let a = ArrayD::from_elem(IxDyn(&[1000]), 0.1f32);
        let path = dir.join("x32.npy");
        ricci::runtime::npy::write_npy(&path, &Tensor::F32(a)).unwrap();
        format!("x={}", path.display())
    };
    // 1000 log(0.1) = -2302.585092994046; the product underflows to 0.
    for flags in [&[][..], &["--interp"][..]] {
        let mut a = vec![p, "--in", &x64];
        a.extend_from_slice(flags);
        let got: f64 = eval(&a)
            .trim()
            .strip_prefix("L = ")
            .unwrap()
            .parse()
            .unwrap();
        assert!((got + 2302.585092994046).abs() < 1e-9, "{flags:?}: {got}");
        let mut a = vec![p, "--in", &x32];
        a.extend_from_slice(flags);
        let got: f64 = eval(&a)
            .trim()
            .strip_prefix("L = ")
            .unwrap()
            .parse()
            .unwrap();
        // f32: 1000 roundings of about 2^-24 relative each, at most.
        assert!(
            (got + 2302.585092994046).abs() < 0.1,
            "{flags:?} f32: {got}"
        );
    }
    // As written, the product underflows.
    assert_eq!(eval(&[p, "--in", &x64, "--as-written"]), "L = -inf\n");
    assert_eq!(
        eval(&[p, "--in", &x64, "--as-written", "--interp"]),
        "L = -inf\n"
    );
}

#[test]
fn log_rules_keep_the_sign_of_a_positive_product() {
    // (-1)(-2)(3) = 6: the product's log is finite, and so is the sum of
    // the logs of the factors' absolute values (log(x) of each is NaN).
    let dir = scratch("logsign");
    let x = save(&dir, "x", vec1(vec![-1.0, -2.0, 3.0]));
    let got = eval(&["L = log(prod_i x[i])", "--in", &x]);
    let v: f64 = got.trim().strip_prefix("L = ").unwrap().parse().unwrap();
    assert!((v - 6f64.ln()).abs() < 1e-15, "{got}");
    let got = eval(&["L = log(a b)", "--set", "a=-2", "--set", "b=-4"]);
    let v: f64 = got.trim().strip_prefix("L = ").unwrap().parse().unwrap();
    assert!((v - 8f64.ln()).abs() < 1e-15, "{got}");
}

#[test]
fn a_delta_contracted_is_a_copy_not_a_loop() {
    let dir = scratch("delta");
    let a = save(&dir, "a", vec1(vec![1.5, -2.0, 4.0, 0.25]));
    let p = "v[i] = sum_j delta[i,j] a[j]";
    assert_eq!(eval(&[p, "--in", &a]), "v = [1.5, -2, 4, 0.25]\n");
    assert_eq!(
        eval(&[p, "--in", &a, "--as-written"]),
        "v = [1.5, -2, 4, 0.25]\n"
    );
    // The compiled program has no loop over j: one loop, over i.
    let k = jit::compile(p, Options::default()).unwrap();
    let explain = k.explain();
    assert!(!explain.contains("delta"), "{explain}");
    let written = jit::compile(
        p,
        Options {
            as_written: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert!(written.explain().len() > explain.len(), "{explain}");
}

#[test]
fn a_divisor_that_simplifies_to_zero_is_refused_unless_as_written() {
    let o = ricci(&["eval", "y = 1/(x - x)", "--set", "x=1"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("simplifies to exactly 0"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        eval(&["y = 1/(x - x)", "--set", "x=1", "--as-written"]),
        "y = inf\n"
    );
}

#[test]
fn the_rust_api_runs_the_simplified_program_by_default() {
    let x = Tensor::F64(ArrayD::from_elem(IxDyn(&[1000]), 0.1));
    let args = Args::new().tensor("x", x);
    let k = jit::compile("L = log(prod_i x[i])", Options::new(DType::F64)).unwrap();
    let got = k.call(&args).unwrap()[0].to_f64();
    assert!((got[[]] + 2302.585092994046).abs() < 1e-9);
    let interp =
        ricci::interp::eval_simplified(&ricci::check("L = log(prod_i x[i])").unwrap(), &args)
            .unwrap()[0]
            .to_f64();
    assert!((interp[[]] + 2302.585092994046).abs() < 1e-9);
    let k = jit::compile(
        "L = log(prod_i x[i])",
        Options {
            as_written: true,
            ..Options::new(DType::F64)
        },
    )
    .unwrap();
    assert_eq!(k.call(&args).unwrap()[0].to_f64()[[]], f64::NEG_INFINITY);
}

#[test]
fn einsum_runs_compiled_and_agrees_with_eval() {
    let dir = scratch("einsum");
    let a = ArrayD::from_shape_vec(IxDyn(&[2, 3]), vec![1., 2., 3., 4., 5., 6.]).unwrap();
    let b = ArrayD::from_shape_vec(IxDyn(&[3, 2]), vec![7., 8., 9., 10., 11., 12.]).unwrap();
    let out = ricci::einsum::run(
        "ij,jk->ik",
        &[Tensor::F64(a.clone()), Tensor::F64(b.clone())],
    )
    .unwrap();
    // [[1 2 3],[4 5 6]] [[7 8],[9 10],[11 12]] = [[58 64],[139 154]].
    assert_eq!(
        out,
        Tensor::F64(ArrayD::from_shape_vec(IxDyn(&[2, 2]), vec![58., 64., 139., 154.]).unwrap())
    );
    // The trace of the product through a delta: 58 + 154.
    let pc = save(&dir, "C", out);
    assert_eq!(
        eval(&["t = sum_{i,j} C[i,j] delta[i,j]", "--in", &pc]),
        "t = 212\n"
    );
}
