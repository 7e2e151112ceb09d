//! The JIT against the interpreter (the oracle) on hand-picked programs.

use super::*;
use crate::runtime::args::Args;
use ndarray::IxDyn;

fn t64(shape: &[usize], v: &[f64]) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v.to_vec()).unwrap())
}

#[test]
fn matmul_matches_the_interpreter() {
    let src = "C[i,k] = sum_j A[i,j] B[j,k]";
    let args = Args::new()
        .tensor("A", t64(&[2, 2], &[1., 2., 3., 4.]))
        .tensor("B", t64(&[2, 2], &[5., 6., 7., 8.]));
    let k = compile(src, Options::default()).unwrap();
    let got = k.call(&args).unwrap();
    assert_eq!(got[0], t64(&[2, 2], &[19., 22., 43., 50.]));
}

/// Whether the kernel's row-major variant has generated code.
fn has_code(k: &Kernel) -> bool {
    let v = k.variants.lock().unwrap();
    v[0].module.lock().unwrap().is_some()
}

#[test]
fn a_lone_gemm_node_runs_without_generated_code() {
    // Each block one GEMM node: library calls made directly.
    for src in [
        "C[i,k] = sum_j A[i,j] B[j,k]",
        "C[b,i,k] = sum_j A[b,i,j] B[b,j,k]",
        "C[i,k] = s sum_j A[i,j] B[k,j]",
    ] {
        let k = compile_uncached(src, Options::default()).unwrap();
        assert!(!has_code(&k), "{src}");
        assert!(
            (k.variants.lock().unwrap()[0].entries.iter()).all(|c| matches!(c, Code::Direct(_)))
        );
    }
    // Anything else around the node: generated code (which calls the
    // library for the node itself).
    for src in [
        "C[i,k] = exp(sum_j A[i,j] B[j,k])",
        "C[i,k] = sum_j A[i,j] B[j,k]\nD[i,k] = C[i,k] + 1",
        "C[i,k] = sum_j exp(s) A[i,j] B[j,k]",
    ] {
        let k = compile_uncached(src, Options::default()).unwrap();
        assert!(has_code(&k), "{src}");
    }
    // The direct call computes what the generated call does: a parameter
    // factor, in f32, against the interpreter's exact small integers.
    let args = Args::new()
        .tensor(
            "A",
            Tensor::F32(ArrayD::from_shape_vec(IxDyn(&[2, 2]), vec![1., 2., 3., 4.]).unwrap()),
        )
        .tensor(
            "B",
            Tensor::F32(ArrayD::from_shape_vec(IxDyn(&[2, 2]), vec![5., 6., 7., 8.]).unwrap()),
        )
        .param("s", -0.5);
    let k = compile_uncached("C[i,k] = s sum_j A[i,j] B[k,j]", Options::new(DType::F32)).unwrap();
    let got = k.call(&args).unwrap();
    let want = Tensor::F32(
        ArrayD::from_shape_vec(IxDyn(&[2, 2]), vec![-8.5, -11.5, -19.5, -26.5]).unwrap(),
    );
    assert_eq!(got[0], want);
}
