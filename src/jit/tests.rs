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
