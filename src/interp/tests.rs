//! Tests of the reference interpreter.
//!
//! In: program text (through the whole pipeline `check_source` → `eval`) or
//! hand-built checked programs with hand-built extents. Out: values checked
//! against numbers worked out by hand (the lecture notes' exercises and
//! equations among them) and error messages checked by their text.
//!
//! Always: every expected value is written out literally, never computed by
//! the code under test.

use super::*;
use crate::sema::{self, Def, IndexRole, IndexVar, Input, InputId, Param, ParamId, Program, Wrt};
use ndarray::ArrayD;
use num_bigint::BigInt;
use num_rational::BigRational;

// ---------------------------------------------------------------- helpers

fn t64(shape: &[usize], v: &[f64]) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v.to_vec()).unwrap())
}

fn t32(shape: &[usize], v: &[f32]) -> Tensor {
    Tensor::F32(ArrayD::from_shape_vec(IxDyn(shape), v.to_vec()).unwrap())
}

fn vec64(v: &[f64]) -> Tensor {
    t64(&[v.len()], v)
}

fn mat64(rows: &[&[f64]]) -> Tensor {
    let flat: Vec<f64> = rows.iter().flat_map(|r| r.iter().copied()).collect();
    t64(&[rows.len(), rows.first().map_or(0, |r| r.len())], &flat)
}

/// Parses, checks and evaluates; panics with the rendered errors on failure.
/// Every case also runs through the JIT, which must give the very same
/// values (the interpreter is the oracle; up to the inline math's 2 ulp,
/// see `assert_same`): one list of cases checks both.
fn run(src: &str, args: Args) -> Vec<Tensor> {
    let program = match sema::check_source(src) {
        Ok(p) => p,
        Err(e) => panic!("check failed:\n{}", e.render("test", src)),
    };
    let values = match eval(&program, &args) {
        Ok(v) => v,
        Err(e) => panic!("eval failed:\n{}", e.render("test", src)),
    };
    let options = crate::jit::Options {
        dtype: args.dtype().unwrap(),
        as_written: true,
        threads: None,
    };
    let jit = crate::jit::compile(src, options)
        .and_then(|k| k.call(&args))
        .unwrap_or_else(|e| panic!("JIT failed:\n{}", e.render("test", src)));
    assert_same(&values, &jit, src);
    values
}

/// Equal values, NaN equal to NaN, in the same dtypes and shapes. Where
/// `src` calls exp, log, tanh, sin, cos or `^`, the JIT's inline math is
/// within 2 ulp of the interpreter's std functions (docs/numbers.md), so
/// values there may differ by 8 units of the dtype's epsilon, relative.
#[track_caller]
fn assert_same(a: &[Tensor], b: &[Tensor], src: &str) {
    assert_eq!(a.len(), b.len(), "{src}");
    let inline_math = ["exp(", "log(", "tanh(", "sin(", "cos(", "^"]
        .iter()
        .any(|f| src.contains(f));
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x.dtype(), y.dtype(), "{src}");
        assert_eq!(x.shape(), y.shape(), "{src}");
        let eps = match x.dtype() {
            DType::F64 => f64::EPSILON,
            DType::F32 => f64::from(f32::EPSILON),
        };
        let tol = if inline_math { 8.0 * eps } else { 0.0 };
        let (xs, ys) = (x.to_f64(), y.to_f64());
        for (p, q) in xs.iter().zip(ys.iter()) {
            assert!(
                p == q || (p.is_nan() && q.is_nan()) || (p - q).abs() <= tol * p.abs().max(q.abs()),
                "{src}: interpreter {x:?}, JIT {y:?}"
            );
        }
    }
}

/// The last value of `src`.
fn last(src: &str, args: Args) -> Tensor {
    run(src, args).pop().expect("no definitions")
}

/// The error messages and notes of `src` under `args`, one per line.
fn errors(src: &str, args: Args) -> String {
    let program = match sema::check_source(src) {
        Ok(p) => p,
        Err(e) => panic!("check failed:\n{}", e.render("test", src)),
    };
    // The JIT refuses the same call with the same messages.
    let jit = crate::jit::compile_program(&program, crate::jit::Options::default())
        .and_then(|k| k.call(&args));
    let jit_messages = jit
        .err()
        .map(|e| e.0.iter().map(|d| d.message.clone()).collect::<Vec<_>>());
    match eval(&program, &args) {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) if args.dtype().is_ok() => {
            let mine: Vec<String> = e.0.iter().map(|d| d.message.clone()).collect();
            assert_eq!(jit_messages.as_ref(), Some(&mine), "{src}");
            e.0.iter()
                .map(|d| format!("{} [{}]", d.message, d.notes.join(" | ")))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Err(e) => {
            e.0.iter()
                .map(|d| format!("{} [{}]", d.message, d.notes.join(" | ")))
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

/// Asserts `t` is f64 with this shape and exactly these elements.
#[track_caller]
fn assert_f64(t: &Tensor, shape: &[usize], expected: &[f64]) {
    assert_eq!(t.dtype(), DType::F64, "{t:?}");
    assert_eq!(t.shape(), shape, "{t:?}");
    let got: Vec<f64> = t.to_f64().iter().copied().collect();
    assert_eq!(got, expected, "{t:?}");
}

#[track_caller]
fn assert_scalar(t: &Tensor, expected: f64) {
    assert_f64(t, &[], &[expected]);
}

#[track_caller]
fn assert_close(t: &Tensor, shape: &[usize], expected: &[f64], tol: f64) {
    assert_eq!(t.shape(), shape, "{t:?}");
    let got: Vec<f64> = t.to_f64().iter().copied().collect();
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(expected) {
        assert!((g - e).abs() <= tol, "got {got:?}, expected {expected:?}");
    }
}

// ------------------------------------------------------ lecture exercises

#[test]
fn exercise_5_sum_of_squares() {
    assert_scalar(&last("sum_{i=0}^{5} i^2", Args::new()), 55.0);
    assert_scalar(&last("s = sum_{i=0}^5 i^2", Args::new()), 55.0);
}

#[test]
fn exercise_6_product() {
    assert_scalar(&last("prod_{i=1}^{5} i", Args::new()), 120.0);
}

fn ab() -> Args {
    Args::new()
        .tensor("A", mat64(&[&[1.0, 2.0], &[3.0, 4.0]]))
        .tensor("B", mat64(&[&[5.0, 6.0], &[7.0, 8.0]]))
}

#[test]
fn exercise_9_matmul_explicit_sum() {
    let c = last("C[i,k] = sum_j A[i,j] B[j,k]", ab());
    assert_f64(&c, &[2, 2], &[19.0, 22.0, 43.0, 50.0]);
}

#[test]
fn exercise_9_matmul_implicit_sum() {
    let c = last("C[i,k] = A[i,j] B[j,k]", ab());
    assert_f64(&c, &[2, 2], &[19.0, 22.0, 43.0, 50.0]);
}

#[test]
fn eq_60_to_62_matmul_other_order() {
    let c = last("C[i,k] = sum_j B[i,j] A[j,k]", ab());
    assert_f64(&c, &[2, 2], &[23.0, 34.0, 31.0, 46.0]);
}

#[test]
fn exercise_11_solution_multiplies_back() {
    let args = Args::new()
        .tensor("A", mat64(&[&[1.0, 2.0], &[3.0, 4.0]]))
        .tensor("x", vec64(&[-4.0, 4.5]));
    assert_f64(&last("b[i] = sum_j A[i,j] x[j]", args), &[2], &[5.0, 6.0]);
}

#[test]
fn exercise_10_inverse_times_matrix_is_identity() {
    let args = Args::new()
        .tensor("A", mat64(&[&[1.0, 2.0], &[3.0, 4.0]]))
        .tensor("Ainv", mat64(&[&[-2.0, 1.0], &[1.5, -0.5]]));
    let p = last("P[i,k] = sum_j A[i,j] Ainv[j,k]", args);
    assert_f64(&p, &[2, 2], &[1.0, 0.0, 0.0, 1.0]);
}

#[test]
fn eq_53_transpose() {
    let args = Args::new().tensor("B", mat64(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]));
    let t = last("T[j,i] = B[i,j]", args);
    assert_f64(&t, &[3, 2], &[1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
}

#[test]
fn eq_52_transpose_twice_is_identity() {
    let args = Args::new().tensor("B", mat64(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]));
    let out = run("T[j,i] = B[i,j]\nU[i,j] = T[j,i]", args);
    assert_f64(&out[1], &[2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
}

// ------------------------------------------------------------ the delta

fn c23() -> Tensor {
    mat64(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]])
}

#[test]
fn identity_from_delta_times_matrix() {
    let args = Args::new().tensor("C", c23()).dim("i", 2).dim("j", 2);
    let out = run("I[i,j] = delta[i,j]\nD[i,k] = sum_j I[i,j] C[j,k]", args);
    assert_eq!(out.len(), 2);
    assert_f64(&out[0], &[2, 2], &[1.0, 0.0, 0.0, 1.0]);
    assert_f64(&out[1], &[2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
}

#[test]
fn delta_inline_times_matrix() {
    let args = Args::new().tensor("C", c23()).dim("i", 2);
    let d = last("D[i,k] = sum_j delta[i,j] C[j,k]", args);
    assert_f64(&d, &[2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
}

#[test]
fn delta_times_vector() {
    let args = Args::new()
        .tensor("a", vec64(&[7.0, -1.0, 2.5]))
        .dim("i", 3);
    let v = last("v[i] = sum_j delta[i,j] a[j]", args);
    assert_f64(&v, &[3], &[7.0, -1.0, 2.5]);
}

#[test]
fn unicode_delta_and_sum() {
    let args = Args::new()
        .tensor("a", vec64(&[7.0, -1.0, 2.5]))
        .dim("i", 3);
    let v = last("v[i] = ∑_j δ[i,j] a[j]", args);
    assert_f64(&v, &[3], &[7.0, -1.0, 2.5]);
}

// ---------------------------------------------------- products of arrays

#[test]
fn matrix_vector() {
    let args = Args::new()
        .tensor("A", mat64(&[&[1.0, 2.0], &[3.0, 4.0]]))
        .tensor("c", vec64(&[5.0, 6.0]));
    assert_f64(&last("v[i] = sum_j A[i,j] c[j]", args), &[2], &[17.0, 39.0]);
}

#[test]
fn vector_matrix() {
    let args = Args::new()
        .tensor("r", vec64(&[1.0, 2.0]))
        .tensor("B", mat64(&[&[5.0, 6.0], &[7.0, 8.0]]));
    assert_f64(&last("v[k] = sum_j r[j] B[j,k]", args), &[2], &[19.0, 22.0]);
}

#[test]
fn inner_product_is_a_scalar() {
    let args = Args::new()
        .tensor("r", vec64(&[1.0, 2.0, 3.0]))
        .tensor("c", vec64(&[4.0, 5.0, 6.0]));
    assert_scalar(&last("s = sum_j r[j] c[j]", args.clone()), 32.0);
    assert_scalar(&last("s = r[j] c[j]", args), 32.0);
}

#[test]
fn outer_product() {
    let args = Args::new()
        .tensor("a", vec64(&[1.0, 2.0]))
        .tensor("b", vec64(&[3.0, 4.0, 5.0]));
    let o = last("O[i,j] = a[i] b[j]", args);
    assert_f64(&o, &[2, 3], &[3.0, 4.0, 5.0, 6.0, 8.0, 10.0]);
}

#[test]
fn sum_scope_stops_at_plus() {
    // (sum_j A[i,j] B[j,k]) + A[i,k], not sum_j (A B + A).
    let c = last("C[i,k] = sum_j A[i,j]*B[j,k] + A[i,k]", ab());
    assert_f64(&c, &[2, 2], &[20.0, 24.0, 46.0, 54.0]);
}

#[test]
fn double_sum() {
    let args = Args::new().tensor("A", mat64(&[&[1.0, 2.0], &[3.0, 4.0]]));
    assert_scalar(&last("s = sum_{i,j} A[i,j]", args.clone()), 10.0);
    assert_scalar(&last("s = sum_i sum_j A[i,j]^2", args), 30.0);
}

// ------------------------------------------------- ranges, index values

#[test]
fn empty_ranges() {
    assert_scalar(&last("sum_{i=3}^{2} i", Args::new()), 0.0);
    assert_scalar(&last("prod_{i=3}^{2} i", Args::new()), 1.0);
}

#[test]
fn empty_tensor_axes() {
    let args = Args::new().tensor("x", t64(&[0], &[]));
    let out = run("s = sum_i x[i]\np = prod_i x[i]\nv[i] = 2 x[i]", args);
    assert_scalar(&out[0], 0.0);
    assert_scalar(&out[1], 1.0);
    assert_f64(&out[2], &[0], &[]);
}

#[test]
fn index_values() {
    let v = last("v[i] = i^2", Args::new().dim("i", 4));
    assert_f64(&v, &[4], &[0.0, 1.0, 4.0, 9.0]);
    let m = last("M[i,j] = 10 i + j", Args::new().dim("i", 2).dim("j", 3));
    assert_f64(&m, &[2, 3], &[0.0, 1.0, 2.0, 10.0, 11.0, 12.0]);
}

#[test]
fn bounded_sum_starting_above_zero() {
    assert_scalar(&last("sum_{i=2}^{4} i", Args::new()), 9.0);
    assert_scalar(&last("sum_{i=-2}^{1} i", Args::new()), -2.0);
}

// ------------------------------------------------------------ parameters

#[test]
fn scalar_params() {
    let args = Args::new().param("N", 3.0);
    assert_scalar(&last("y = N * 2 + 1", args.clone()), 7.0);
    assert_scalar(&last("y = N^2 - N", args), 6.0);
}

#[test]
fn params_as_bounds() {
    assert_scalar(&last("sum_{i=1}^{N} i", Args::new().param("N", 10.0)), 55.0);
    assert_scalar(
        &last("prod_{i=1}^{N} 2", Args::new().param("N", 10.0)),
        1024.0,
    );
}

#[test]
fn params_follow_f32() {
    // 0.1 as f32 times 3 in f32 arithmetic.
    let args = Args::new().tensor("x", t32(&[1], &[3.0])).param("a", 0.1);
    let y = last("y[i] = a x[i]", args);
    assert_eq!(y, Tensor::F32(ArrayD::from_elem(IxDyn(&[1]), 0.1f32 * 3.0)));
}

// ------------------------------------------------------------- functions

/// Every function at a negative, zero and positive argument.
#[test]
fn every_function() {
    let src = "e = exp(x)\nl = log(x)\nq = sqrt(x)\na = abs(x)\ns = sign(x)\n\
               t = tanh(x)\nsn = sin(x)\nc = cos(x)\nmx = max(x, 1)\nmn = min(x, 1)\n\
               mx2 = max(-1, x)\nmn2 = min(-1, x)";
    for x in [-2.5f64, 0.0, 3.0] {
        let out = run(src, Args::new().param("x", x));
        let expected = [
            x.exp(),
            x.ln(),
            x.sqrt(),
            x.abs(),
            if x > 0.0 {
                1.0
            } else if x < 0.0 {
                -1.0
            } else {
                0.0
            },
            x.tanh(),
            x.sin(),
            x.cos(),
            if x >= 1.0 { x } else { 1.0 },
            if x <= 1.0 { x } else { 1.0 },
            if x >= -1.0 { x } else { -1.0 },
            if x <= -1.0 { x } else { -1.0 },
        ];
        assert_eq!(out.len(), expected.len());
        for (k, (got, want)) in out.iter().zip(expected).enumerate() {
            let got = got.to_f64().iter().copied().next().unwrap();
            assert!(
                got == want || (got.is_nan() && want.is_nan()),
                "x = {x}, statement {k}: got {got}, want {want}"
            );
        }
    }
}

#[test]
fn function_values_by_hand() {
    let neg = Args::new().param("x", -2.0);
    assert_scalar(&last("abs(x)", neg.clone()), 2.0);
    assert_scalar(&last("sign(x)", neg.clone()), -1.0);
    assert_scalar(&last("max(x, 0)", neg.clone()), 0.0);
    assert_scalar(&last("min(x, 0)", neg.clone()), -2.0);
    let zero = Args::new().param("x", 0.0);
    assert_scalar(&last("sign(x)", zero.clone()), 0.0);
    assert_scalar(&last("exp(x)", zero.clone()), 1.0);
    assert_scalar(&last("cos(x)", zero.clone()), 1.0);
    assert_scalar(&last("log(x)", zero.clone()), f64::NEG_INFINITY);
    let pos = Args::new().param("x", 4.0);
    assert_scalar(&last("sqrt(x)", pos.clone()), 2.0);
    assert_scalar(&last("sign(x)", pos.clone()), 1.0);
    assert_scalar(&last("max(x, 0)", pos.clone()), 4.0);
    assert_scalar(&last("min(x, 0)", pos), 0.0);
}

#[test]
fn sign_and_max_of_nan() {
    let nan = Args::new().param("x", f64::NAN);
    for src in [
        "sign(x)",
        "max(x, 1)",
        "max(1, x)",
        "min(x, 1)",
        "min(1, x)",
    ] {
        let v = last(src, nan.clone()).to_f64();
        assert!(v.iter().all(|x| x.is_nan()), "{src}: {v:?}");
    }
}

#[test]
fn powers() {
    assert_scalar(&last("(-2)^3", Args::new()), -8.0);
    assert_scalar(&last("2^-1", Args::new()), 0.5);
    assert_scalar(&last("-2^2", Args::new()), -4.0);
    assert_scalar(&last("4^(1/2)", Args::new()), 2.0);
    assert_scalar(&last("2^3^2", Args::new()), 512.0);
    let v = last("(-8)^(1/3)", Args::new()).to_f64();
    assert!(v.iter().all(|x| x.is_nan()));
}

#[test]
fn arithmetic_and_constants() {
    assert_scalar(&last("1 + 2 * 3 - 4 / 8", Args::new()), 6.5);
    assert_scalar(&last("2.5e1 + .5", Args::new()), 25.5);
    // An exact `1/0` is an error (sema::exact); a zero computed at run
    // time divides as IEEE does.
    assert_scalar(&last("z = 0; 1/z", Args::new()), f64::INFINITY);
}

// ------------------------------------------- definitions used later on

#[test]
fn earlier_definitions_used_later() {
    let args = Args::new()
        .tensor("X", mat64(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0]]))
        .tensor("w", vec64(&[0.5, -1.0]))
        .tensor("t", vec64(&[1.0, 0.0, -2.0]));
    let out = run("y[i] = sum_j X[i,j] w[j]; L = sum_i (y[i] - t[i])^2", args);
    assert_eq!(out.len(), 2);
    assert_f64(&out[0], &[3], &[-1.5, -2.5, -3.5]);
    // residuals 2.5, 2.5, 1.5: 6.25 + 6.25 + 2.25
    assert_scalar(&out[1], 14.75);
}

#[test]
fn scalar_definitions_used_later() {
    let out = run("a = 3\nb = a^2 + a\nb / a", Args::new());
    assert_eq!(out.len(), 3);
    assert_scalar(&out[0], 3.0);
    assert_scalar(&out[1], 12.0);
    assert_scalar(&out[2], 4.0);
}

#[test]
fn least_squares_loss() {
    let args = Args::new()
        .tensor("X", mat64(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0]]))
        .tensor("w", vec64(&[0.5, -1.0]))
        .tensor("y", vec64(&[1.0, 0.0, -2.0]));
    // X w = [-1.5, -2.5, -3.5]; y - X w = [2.5, 2.5, 1.5].
    assert_scalar(&last("L = sum_i (y[i] - sum_j X[i,j] w[j])^2", args), 14.75);
}

// ---------------------------------------------------------------- f32

#[test]
fn f32_in_f32_out() {
    let args = Args::new()
        .tensor("A", t32(&[2, 2], &[1.0, 2.0, 3.0, 4.0]))
        .tensor("B", t32(&[2, 2], &[5.0, 6.0, 7.0, 8.0]));
    let c = last("C[i,k] = A[i,j] B[j,k]", args);
    assert_eq!(c.dtype(), DType::F32);
    assert_close(&c, &[2, 2], &[19.0, 22.0, 43.0, 50.0], 1e-5);

    let args = Args::new()
        .tensor("X", t32(&[3, 2], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
        .tensor("w", t32(&[2], &[0.5, -1.0]))
        .tensor("y", t32(&[3], &[1.0, 0.0, -2.0]));
    let l = last("L = sum_i (y[i] - sum_j X[i,j] w[j])^2", args);
    assert_eq!(l.dtype(), DType::F32);
    assert_close(&l, &[], &[14.75], 1e-5);
}

#[test]
fn f32_arithmetic_is_f32() {
    // 1e8 + 1 rounds back to 1e8 in f32 (spacing 8), so the sum is 0 there
    // and 1 in f64.
    let src = "s = sum_i x[i]";
    let s32 = last(src, Args::new().tensor("x", t32(&[3], &[1e8, 1.0, -1e8])));
    assert_eq!(s32, Tensor::F32(ArrayD::from_elem(IxDyn(&[]), 0.0)));
    let s64 = last(src, Args::new().tensor("x", vec64(&[1e8, 1.0, -1e8])));
    assert_scalar(&s64, 1.0);
}

#[test]
fn default_dtype_without_tensors() {
    let args = Args {
        default_dtype: Some(DType::F32),
        ..Args::new()
    };
    let s = last("sum_{i=0}^{5} i^2", args);
    assert_eq!(s, Tensor::F32(ArrayD::from_elem(IxDyn(&[]), 55.0)));
}

// ------------------------------------------------------ argument errors

#[test]
fn missing_input() {
    let e = errors(
        "C[i,k] = A[i,j] B[j,k]",
        Args::new().tensor("A", mat64(&[&[1.0]])),
    );
    assert_eq!(
        e,
        "input tensor `B` is not given [pass it with --in B=FILE.npy (an array with 2 axes)]"
    );
}

#[test]
fn missing_input_points_at_first_use() {
    let src = "C[i,k] = A[i,j] B[j,k]";
    let program = sema::check_source(src).unwrap();
    let err = eval(&program, &Args::new().tensor("A", mat64(&[&[1.0]]))).unwrap_err();
    let span = err.0[0].span.expect("a span");
    assert_eq!(&src[span.start..span.end.min(span.start + 1)], "B");
}

#[test]
fn wrong_rank() {
    let e = errors(
        "C[i,k] = A[i,j] B[j,k]",
        Args::new()
            .tensor("A", mat64(&[&[1.0, 2.0], &[3.0, 4.0]]))
            .tensor("B", vec64(&[1.0, 2.0])),
    );
    assert_eq!(
        e,
        "input tensor `B` is used with rank 2 but the given array has rank 1 (shape (2,)) \
         [pass an array with 2 axes for `B`, or change its subscripts in the program to \
         match the array's 1 axis]"
    );
}

#[test]
fn missing_param() {
    let e = errors("s = N + 1", Args::new());
    assert_eq!(
        e,
        "scalar parameter `N` is not given [pass it with --set N=VALUE]"
    );
}

#[test]
fn unknown_input_name() {
    let e = errors(
        "C[i,k] = A[i,j] B[j,k]",
        ab().tensor("Bb", mat64(&[&[1.0]])),
    );
    assert_eq!(
        e,
        "tensor `Bb` is given but the program has no input tensor named `Bb` \
         [the program's input tensors: `A`, `B`; check the spelling]"
    );
}

#[test]
fn unknown_param_name() {
    let e = errors("s = N + 1", Args::new().param("N", 1.0).param("M", 2.0));
    assert_eq!(
        e,
        "parameter `M` is given but the program has no scalar parameter named `M` \
         [the program's scalar parameters: `N`; check the spelling]"
    );
    let e = errors("s = 1", Args::new().param("M", 2.0));
    assert_eq!(
        e,
        "parameter `M` is given but the program has no scalar parameter named `M` \
         [the program takes no scalar parameters; check the spelling]"
    );
}

#[test]
fn tensor_given_as_param_and_back() {
    let e = errors(
        "s = N + sum_i x[i]",
        Args::new().tensor("N", vec64(&[1.0])).param("x", 1.0),
    );
    assert_eq!(
        e,
        "input tensor `x` is not given [pass it with --in x=FILE.npy (an array with 1 axis)]\n\
         scalar parameter `N` is not given [pass it with --set N=VALUE]\n\
         tensor `N` is given but the program has no input tensor named `N` \
         [`N` is a scalar parameter of the program: pass it with --set N=VALUE]\n\
         parameter `x` is given but the program has no scalar parameter named `x` \
         [`x` is an input tensor of the program: pass it with --in x=FILE.npy]"
    );
}

#[test]
fn mixed_dtypes() {
    let e = errors(
        "C[i,k] = A[i,j] B[j,k]",
        Args::new()
            .tensor("A", mat64(&[&[1.0, 2.0], &[3.0, 4.0]]))
            .tensor("B", t32(&[2, 2], &[1.0, 2.0, 3.0, 4.0])),
    );
    assert_eq!(
        e,
        "inputs mix element types: `A` is f64 but `B` is f32 \
         [give every input tensor the same dtype (all float64 or all float32)]"
    );
}

#[test]
fn all_errors_at_once() {
    let e = errors("C[i,k] = A[i,j] B[j,k] + N", Args::new());
    assert_eq!(e.lines().count(), 3, "{e}");
    assert!(e.contains("`A` is not given"));
    assert!(e.contains("`B` is not given"));
    assert!(e.contains("`N` is not given"));
}

#[test]
fn diff_is_lowered_by_the_symbolic_engine() {
    assert_scalar(&last("f = diff(x^2, x)", Args::new().param("x", 3.0)), 6.0);
}

// ----------------------------------------- hand-built programs and extents

fn sp() -> Span {
    Span::default()
}

fn x(kind: ExprKind) -> Expr {
    Expr::new(kind, sp())
}

fn num(n: i64) -> Expr {
    x(ExprKind::Const(BigRational::from_integer(BigInt::from(n))))
}

fn frac(n: i64, d: i64) -> Expr {
    x(ExprKind::Const(BigRational::new(
        BigInt::from(n),
        BigInt::from(d),
    )))
}

fn idx(name: &str, role: IndexRole) -> IndexVar {
    IndexVar {
        name: name.to_string(),
        span: sp(),
        role,
        bounds: None,
        extent_of: None,
    }
}

fn def(name: &str, axes: &[u32], body: Expr) -> Def {
    Def {
        name: Some(name.to_string()),
        span: sp(),
        axes: axes.iter().map(|&a| IndexId(a)).collect(),
        body,
    }
}

fn range(start: i64, len: usize) -> IndexRange {
    IndexRange { start, len }
}

fn only(program: &Program, args: &Args, bound: &Bound) -> Tensor {
    let mut v = eval_bound(program, args, bound).unwrap();
    assert_eq!(v.len(), program.defs.len());
    v.pop().unwrap()
}

#[test]
fn hand_built_sum_of_squares() {
    let i = IndexId(0);
    let program = Program {
        inputs: vec![],
        params: vec![],
        indices: vec![IndexVar {
            bounds: Some((num(0), num(5))),
            extent_of: None,
            ..idx("i", IndexRole::Bound)
        }],
        defs: vec![def(
            "s",
            &[],
            x(ExprKind::Reduce {
                kind: ReduceKind::Sum,
                index: i,
                body: Box::new(x(ExprKind::Pow(
                    Box::new(x(ExprKind::Index(i))),
                    Box::new(num(2)),
                ))),
            }),
        )],
    };
    let bound = Bound {
        ranges: vec![range(0, 6)],
        def_shapes: vec![vec![]],
        params: vec![],
        input_shapes: vec![],
    };
    assert_scalar(&only(&program, &Args::new(), &bound), 55.0);
    // prod_{i=1}^{5} i, and an empty range.
    let mut prod = program.clone();
    prod.defs[0].body = x(ExprKind::Reduce {
        kind: ReduceKind::Prod,
        index: i,
        body: Box::new(x(ExprKind::Index(i))),
    });
    let b = Bound {
        ranges: vec![range(1, 5)],
        ..bound.clone()
    };
    assert_scalar(&only(&prod, &Args::new(), &b), 120.0);
    let empty = Bound {
        ranges: vec![range(3, 0)],
        ..bound
    };
    assert_scalar(&only(&prod, &Args::new(), &empty), 1.0);
    assert_scalar(&only(&program, &Args::new(), &empty), 0.0);
}

/// `C[i,k] = sum_j A[i,j] B[j,k]; s = sum_{i2,k2} C[i2,k2]`, bound to 2x2.
fn hand_matmul() -> (Program, Bound) {
    let (i, k, j, i2, k2) = (IndexId(0), IndexId(1), IndexId(2), IndexId(3), IndexId(4));
    let input = |name: &str| Input {
        name: name.to_string(),
        rank: 2,
        span: sp(),
        literal: None,
    };
    let elem = |t: TensorRef, a: IndexId, b: IndexId| x(ExprKind::Elem(t, vec![a, b]));
    let sum = |index: IndexId, body: Expr| {
        x(ExprKind::Reduce {
            kind: ReduceKind::Sum,
            index,
            body: Box::new(body),
        })
    };
    let a = TensorRef::Input(InputId(0));
    let b = TensorRef::Input(InputId(1));
    let c = TensorRef::Def(DefId(0));
    let program = Program {
        inputs: vec![input("A"), input("B")],
        params: vec![],
        indices: vec![
            idx("i", IndexRole::Axis),
            idx("k", IndexRole::Axis),
            idx("j", IndexRole::Implicit),
            idx("i", IndexRole::Bound),
            idx("k", IndexRole::Bound),
        ],
        defs: vec![
            def(
                "C",
                &[0, 1],
                sum(j, x(ExprKind::Mul(vec![elem(a, i, j), elem(b, j, k)]))),
            ),
            def("s", &[], sum(i2, sum(k2, elem(c, i2, k2)))),
        ],
    };
    let bound = Bound {
        ranges: vec![range(0, 2); 5],
        def_shapes: vec![vec![2, 2], vec![]],
        params: vec![],
        input_shapes: vec![vec![2, 2], vec![2, 2]],
    };
    (program, bound)
}

#[test]
fn hand_built_matmul() {
    let (program, bound) = hand_matmul();
    let out = eval_bound(&program, &ab(), &bound).unwrap();
    assert_f64(&out[0], &[2, 2], &[19.0, 22.0, 43.0, 50.0]);
    assert_scalar(&out[1], 134.0);

    let f32_args = Args::new()
        .tensor("A", t32(&[2, 2], &[1.0, 2.0, 3.0, 4.0]))
        .tensor("B", t32(&[2, 2], &[5.0, 6.0, 7.0, 8.0]));
    let out = eval_bound(&program, &f32_args, &bound).unwrap();
    assert_eq!(
        out[0],
        Tensor::F32(ArrayD::from_shape_vec(IxDyn(&[2, 2]), vec![19.0, 22.0, 43.0, 50.0]).unwrap())
    );
}

#[test]
fn hand_built_bad_bound_is_an_internal_error_not_a_panic() {
    let (program, mut bound) = hand_matmul();
    // j claims 3 values, but the arrays have 2 columns.
    bound.ranges[2] = range(0, 3);
    let e = eval_bound(&program, &ab(), &bound).unwrap_err();
    assert!(e.0[0].message.starts_with("internal error"), "{e}");
    // Too few ranges.
    let (program, mut bound) = hand_matmul();
    bound.ranges.truncate(1);
    let e = eval_bound(&program, &ab(), &bound).unwrap_err();
    assert!(e.0[0].message.starts_with("internal error"), "{e}");
    // A shape that disagrees with the axis ranges.
    let (program, mut bound) = hand_matmul();
    bound.def_shapes[0] = vec![2, 3];
    let e = eval_bound(&program, &ab(), &bound).unwrap_err();
    assert!(e.0[0].message.starts_with("internal error"), "{e}");
}

#[test]
fn hand_built_validation_runs_before_bind() {
    let (program, _) = hand_matmul();
    let e = eval(
        &program,
        &Args::new().tensor("A", vec64(&[1.0])).param("N", 2.0),
    )
    .unwrap_err();
    let msgs: Vec<&str> = e.0.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "input tensor `A` is used with rank 2 but the given array has rank 1 (shape (1,))",
            "input tensor `B` is not given",
            "parameter `N` is given but the program has no scalar parameter named `N`",
        ]
    );
}

/// `f = F(p)` for each function, `p` a parameter, and `g = max(p, q)`.
fn hand_call(f: Func, args: Vec<Expr>) -> Program {
    Program {
        inputs: vec![],
        params: vec![
            Param {
                name: "p".into(),
                span: sp(),
            },
            Param {
                name: "q".into(),
                span: sp(),
            },
        ],
        indices: vec![],
        defs: vec![def("f", &[], x(ExprKind::Call(f, args)))],
    }
}

#[test]
fn hand_built_functions() {
    let p = || x(ExprKind::Param(ParamId(0)));
    let q = || x(ExprKind::Param(ParamId(1)));
    let value = |f: Func, args: Vec<Expr>, pv: f64, qv: f64| -> f64 {
        let program = hand_call(f, args);
        let bound = Bound {
            ranges: vec![],
            def_shapes: vec![vec![]],
            params: vec![pv, qv],
            input_shapes: vec![],
        };
        let a = Args::new().param("p", pv).param("q", qv);
        only(&program, &a, &bound)
            .to_f64()
            .iter()
            .copied()
            .next()
            .unwrap()
    };
    assert_eq!(value(Func::Sign, vec![p()], -3.0, 0.0), -1.0);
    assert_eq!(value(Func::Sign, vec![p()], 0.0, 0.0), 0.0);
    assert_eq!(value(Func::Sign, vec![p()], -0.0, 0.0), 0.0);
    assert_eq!(value(Func::Sign, vec![p()], 7.0, 0.0), 1.0);
    assert!(value(Func::Sign, vec![p()], f64::NAN, 0.0).is_nan());
    assert_eq!(value(Func::Abs, vec![p()], -3.0, 0.0), 3.0);
    assert_eq!(value(Func::Max, vec![p(), q()], -3.0, 2.0), 2.0);
    assert_eq!(value(Func::Min, vec![p(), q()], -3.0, 2.0), -3.0);
    assert!(value(Func::Max, vec![p(), q()], f64::NAN, 2.0).is_nan());
    assert_eq!(value(Func::Exp, vec![p()], 0.0, 0.0), 1.0);
    assert_eq!(value(Func::Log, vec![p()], 1.0, 0.0), 0.0);
    assert_eq!(value(Func::Sqrt, vec![p()], 9.0, 0.0), 3.0);
    assert_eq!(value(Func::Tanh, vec![p()], 0.0, 0.0), 0.0);
    assert_eq!(value(Func::Sin, vec![p()], 0.0, 0.0), 0.0);
    assert_eq!(value(Func::Cos, vec![p()], 0.0, 0.0), 1.0);
    // Wrong arity is an internal error, not a panic.
    let program = hand_call(Func::Max, vec![p()]);
    let bound = Bound {
        ranges: vec![],
        def_shapes: vec![vec![]],
        params: vec![1.0, 2.0],
        input_shapes: vec![],
    };
    let a = Args::new().param("p", 1.0).param("q", 2.0);
    let e = eval_bound(&program, &a, &bound).unwrap_err();
    assert!(
        e.0[0].message.contains("max called with 1 arguments"),
        "{e}"
    );
}

#[test]
fn hand_built_powers_and_constants() {
    let program = |body: Expr| Program {
        inputs: vec![],
        params: vec![],
        indices: vec![],
        defs: vec![def("v", &[], body)],
    };
    let bound = Bound {
        ranges: vec![],
        def_shapes: vec![vec![]],
        params: vec![],
        input_shapes: vec![],
    };
    let pow = |a: Expr, b: Expr| x(ExprKind::Pow(Box::new(a), Box::new(b)));
    let neg = |a: Expr| x(ExprKind::Neg(Box::new(a)));
    let v = |e: Expr| only(&program(e), &Args::new(), &bound);
    assert_scalar(&v(pow(neg(num(2)), num(3))), -8.0);
    assert_scalar(&v(pow(num(2), neg(num(1)))), 0.5);
    assert_scalar(&v(pow(num(2), num(-1))), 0.5);
    assert_scalar(&v(frac(5, 2)), 2.5);
    assert_scalar(&v(frac(1, 10)), 0.1);
    assert_scalar(
        &v(x(ExprKind::Div(Box::new(num(1)), Box::new(num(4))))),
        0.25,
    );
    assert_scalar(&v(x(ExprKind::Add(vec![num(1), num(2), frac(1, 2)]))), 3.5);
    let f32_args = Args {
        default_dtype: Some(DType::F32),
        ..Args::new()
    };
    let tenth = only(&program(frac(1, 10)), &f32_args, &bound);
    assert_eq!(tenth, Tensor::F32(ArrayD::from_elem(IxDyn(&[]), 0.1f32)));
}

#[test]
fn hand_built_delta_and_index() {
    // I[i,j] = delta[i,j] * (i + 1), 3x3.
    let (i, j) = (IndexId(0), IndexId(1));
    let program = Program {
        inputs: vec![],
        params: vec![],
        indices: vec![idx("i", IndexRole::Axis), idx("j", IndexRole::Axis)],
        defs: vec![def(
            "I",
            &[0, 1],
            x(ExprKind::Mul(vec![
                x(ExprKind::Delta(i, j)),
                x(ExprKind::Add(vec![x(ExprKind::Index(i)), num(1)])),
            ])),
        )],
    };
    let bound = Bound {
        ranges: vec![range(0, 3), range(0, 3)],
        def_shapes: vec![vec![3, 3]],
        params: vec![],
        input_shapes: vec![],
    };
    let v = only(&program, &Args::new(), &bound);
    assert_f64(&v, &[3, 3], &[1.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 3.0]);
}

#[test]
fn hand_built_diff_is_lowered_and_never_interpreted() {
    let program = Program {
        inputs: vec![],
        params: vec![Param {
            name: "x".into(),
            span: Span::new(9, 10),
        }],
        indices: vec![],
        defs: vec![def(
            "f",
            &[],
            Expr::new(
                ExprKind::Diff {
                    expr: Box::new(x(ExprKind::Param(ParamId(0)))),
                    wrt: Wrt::Param(ParamId(0)),
                },
                Span::new(4, 16),
            ),
        )],
    };
    // `eval` lowers it: d x / d x = 1.
    assert_scalar(
        &eval(&program, &Args::new().param("x", 1.0)).unwrap()[0],
        1.0,
    );
    // The interpreter proper never sees `diff`: an internal error at its
    // span, not a panic.
    let args = Args::new().param("x", 1.0);
    let bound = crate::sema::bind(&program, &args.env()).unwrap();
    let e = eval_bound(&program, &args, &bound).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].span, Some(Span::new(4, 16)));
    assert!(
        e.0[0].message.starts_with("internal error"),
        "{}",
        e.0[0].message
    );
}
