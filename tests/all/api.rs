//! The Rust API an embedder sees (issue 12): outputs by name, what a
//! kernel takes and gives, extents for a call, derivatives compiled
//! without text, errors that render themselves, einsum on views.

use ndarray::{ArrayD, array};
use ricci::{DType, Errors, Kernel, Options, TensorInfo};
use std::sync::Arc;

fn info(name: &str, rank: usize) -> TensorInfo {
    TensorInfo {
        name: name.into(),
        rank,
        dtype: DType::F64,
    }
}

const REGRESSION: &str = "y[i] = sum_j X[i,j] w[j] + b; L = sum_i (y[i] - t[i])^2";

#[test]
fn kernel_says_what_it_takes_and_gives() {
    let k = ricci::compile(REGRESSION, Options::default()).unwrap();
    assert_eq!(k.inputs(), vec![info("X", 2), info("w", 1), info("t", 1)]);
    assert_eq!(k.params(), vec!["b".to_string()]);
    assert_eq!(k.outputs(), vec![info("y", 1), info("L", 0)]);
    // A bare expression is named by its statement's position; literals
    // are not inputs.
    let k = ricci::compile(
        "A = [[1,2],[3,4]]; s = sum_j A[0,j] v[j]",
        Options::default(),
    )
    .unwrap();
    assert_eq!(k.inputs(), vec![info("v", 1)]);
    assert_eq!(k.outputs(), vec![info("s", 0)]);
    let k = ricci::compile("s = sum_i v[i]; sum_j v[j]^2", Options::default()).unwrap();
    assert_eq!(k.outputs(), vec![info("s", 0), info("_2", 0)]);
    // A literal is a statement too: the trace below is the second.
    let k = ricci::compile("A = [[1,2],[3,4]]; sum_i A[i,i]", Options::default()).unwrap();
    assert_eq!(k.outputs(), vec![info("_2", 0)]);
    let out = k.run_views::<f64>(&[], &[]).unwrap();
    assert_eq!(out["_2"][[]], 5.0);
}

#[test]
fn outputs_by_name() {
    let k = ricci::compile(REGRESSION, Options::default()).unwrap();
    let x = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]].into_dyn();
    let w = array![1.0, -1.0].into_dyn();
    let t = array![0.0, 0.0, 1.0].into_dyn();
    let out = k
        .run_views(
            &[("X", x.view()), ("w", w.view()), ("t", t.view())],
            &[("b", 0.5)],
        )
        .unwrap();
    // y = X w + 0.5 = [-0.5, -0.5, -0.5]; L = 0.25 + 0.25 + 2.25.
    assert_eq!(out.names(), ["y", "L"]);
    assert_eq!(out["y"], array![-0.5, -0.5, -0.5].into_dyn());
    assert_eq!(out.get("L").unwrap()[[]], 2.75);
    assert_eq!(out[1][[]], 2.75);
    assert!(out.get("Z").is_none());
    let named = out.into_named();
    assert_eq!(named[1].0, "L");
}

#[test]
fn run_views_takes_extents() {
    let k = ricci::compile("D[i,j] = delta[i,j]", Options::default()).unwrap();
    let none: [(&str, ndarray::ArrayViewD<f64>); 0] = [];
    assert!(k.run_views(&none, &[]).is_err());
    let d = k.run_views_dims(&none, &[], &[("i", 3), ("j", 3)]).unwrap();
    assert_eq!(d["D"], ndarray::Array2::<f64>::eye(3).into_dyn());
}

#[test]
fn derivative_compiles_without_text() {
    let src = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2";
    let mut p = ricci::SymProgram::parse(src).unwrap();
    let d = p.diff(Some("L"), "w[k]").unwrap();
    let k = ricci::compile_sym(&p, &[d], Options::default()).unwrap();
    assert_eq!(k.outputs(), vec![info("dL_dw", 1)]);
    let x = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]].into_dyn();
    let y = array![1.0, 0.0, 2.0].into_dyn();
    let w = array![0.5, -1.0].into_dyn();
    let g = k
        .run_views(&[("X", x.view()), ("y", y.view()), ("w", w.view())], &[])
        .unwrap();
    // -2 X^T (y - X w): X w = [-1.5, -2.5, -3.5], r = [2.5, 2.5, 5.5].
    let want = array![-2.0 * (2.5 + 7.5 + 27.5), -2.0 * (5.0 + 10.0 + 33.0)].into_dyn();
    assert_eq!(g["dL_dw"], want);
}

#[test]
fn compile_and_compile_uncached_give_one_type() {
    let a: Arc<Kernel> = ricci::compile("s = sum_i x[i]", Options::default()).unwrap();
    let b: Arc<Kernel> = ricci::compile_uncached("s = sum_i x[i]", Options::default()).unwrap();
    assert!(!Arc::ptr_eq(&a, &b));
    assert_eq!(a.outputs(), b.outputs());
}

#[test]
fn errors_display_with_caret_and_help() {
    // A compile error renders against the program it came from.
    let e: Errors = match ricci::compile("C[i] = A[i,j] +", Options::default()) {
        Err(e) => e,
        Ok(_) => panic!("compiled"),
    };
    let text = e.to_string();
    assert!(text.starts_with("error: unexpected end of input"), "{text}");
    assert!(text.contains("<program>:1:16"), "{text}");
    assert!(text.contains('^'), "{text}");
    // A call error too, with its help note.
    let k = ricci::compile("s = sum_{j=1}^{N} x[j]", Options::default()).unwrap();
    let x = array![1.0, 2.0, 3.0].into_dyn();
    let e = k.run_views(&[("x", x.view())], &[("N", 3.0)]).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("s = sum_{j=1}^{N} x[j]"), "{text}");
    assert!(
        text.contains("= help: subscripts are 0-based"),
        "Display lost the help note:\n{text}"
    );
    // ricci::check points into its source as well.
    let text = ricci::check("y = x[i").unwrap_err().to_string();
    assert!(
        text.contains("<program>:1:") && text.contains('^'),
        "{text}"
    );
}

#[test]
fn errors_without_a_place_keep_their_notes() {
    let k = ricci::compile("s = sum_i x[i]", Options::new(DType::F32)).unwrap();
    let x = array![1.0f64, 2.0].into_dyn();
    let text = k
        .run_views(&[("x", x.view())], &[])
        .unwrap_err()
        .to_string();
    assert!(
        text.starts_with("error: this kernel was compiled for"),
        "{text}"
    );
    assert!(!text.contains("┌─"), "{text}");
}

#[test]
fn einsum_on_strided_views() {
    let a: ArrayD<f64> = ArrayD::from_shape_fn(vec![4, 6], |ix| (ix[0] * 6 + ix[1]) as f64);
    let at = a.t(); // 6 x 4, transposed strides
    let got = ricci::einsum::run_views("ij,jk->ik", &[a.view(), at.view()]).unwrap();
    let a2 = a.clone().into_dimensionality::<ndarray::Ix2>().unwrap();
    assert_eq!(got, a2.dot(&a2.t()).into_dyn());
    let s = ricci::einsum::run_views("ii", &[a.slice(ndarray::s![.., ..4]).into_dyn()]).unwrap();
    assert_eq!(s[[]], 0.0 + 7.0 + 14.0 + 21.0);
    let e = ricci::einsum::run_views("ij,jk->iq", &[a.view(), at.view()]).unwrap_err();
    assert!(e.to_string().contains("`q`"), "{e}");
}
