//! Unit tests of `runtime::values`.

use super::*;
use ndarray::{Array, ArrayD, IxDyn, ShapeBuilder};

fn f64s(shape: &[usize], v: Vec<f64>) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v).unwrap())
}

fn f32s(shape: &[usize], v: Vec<f32>) -> Tensor {
    Tensor::F32(ArrayD::from_shape_vec(IxDyn(shape), v).unwrap())
}

fn range(shape: &[usize]) -> Tensor {
    let n: usize = shape.iter().product();
    f64s(shape, (0..n).map(|i| i as f64).collect())
}

#[test]
fn scalars_use_shortest_display() {
    assert_eq!(format_value(&Tensor::scalar(55.0, DType::F64)), "55");
    assert_eq!(format_value(&Tensor::scalar(0.1, DType::F64)), "0.1");
    assert_eq!(format_value(&Tensor::scalar(-2.5, DType::F64)), "-2.5");
    assert_eq!(
        format_value(&Tensor::scalar(f64::INFINITY, DType::F64)),
        "inf"
    );
    assert_eq!(
        format_value(&Tensor::scalar(f64::NEG_INFINITY, DType::F64)),
        "-inf"
    );
    assert_eq!(format_value(&Tensor::scalar(f64::NAN, DType::F64)), "NaN");
    // `{}` never switches to exponent notation.
    assert_eq!(
        format_value(&Tensor::scalar(1e20, DType::F64)),
        "100000000000000000000"
    );
    assert_eq!(format_value(&Tensor::scalar(1e-7, DType::F64)), "0.0000001");
    assert_eq!(
        format_value(&Tensor::scalar(0.1 + 0.2, DType::F64)),
        "0.30000000000000004"
    );
}

#[test]
fn f32_scalars_use_f32_display() {
    assert_eq!(format_value(&Tensor::scalar(0.1, DType::F32)), "0.1");
    assert_eq!(
        format_value(&Tensor::scalar(1.0 / 3.0, DType::F32)),
        "0.33333334"
    );
    assert_eq!(format_value(&Tensor::scalar(f64::NAN, DType::F32)), "NaN");
}

#[test]
fn vectors() {
    assert_eq!(
        format_value(&f64s(&[3], vec![1.0, 2.5, -3.0])),
        "[1, 2.5, -3]"
    );
    assert_eq!(format_value(&f64s(&[1], vec![7.0])), "[7]");
    assert_eq!(
        format_value(&f32s(&[3], vec![0.1, f32::NAN, f32::INFINITY])),
        "[0.1, NaN, inf]"
    );
}

#[test]
fn matrices_one_row_per_line() {
    assert_eq!(
        format_value(&f64s(&[2, 2], vec![19.0, 22.0, 43.0, 50.0])),
        "[[19, 22],\n [43, 50]]"
    );
    assert_eq!(
        format_value(&f64s(&[2, 2], vec![1.0, -2.0, 30.0, 4.0])),
        "[[ 1, -2],\n [30,  4]]"
    );
    assert_eq!(
        format_value(&f64s(&[3, 1], vec![1.0, 2.0, 3.0])),
        "[[1],\n [2],\n [3]]"
    );
    assert_eq!(
        format_value(&f64s(&[1, 3], vec![1.0, 2.0, 3.0])),
        "[[1, 2, 3]]"
    );
}

#[test]
fn three_axes_blank_line_between_blocks() {
    assert_eq!(
        format_value(&range(&[2, 2, 2])),
        "[[[0, 1],\n  [2, 3]],\n\n [[4, 5],\n  [6, 7]]]"
    );
}

#[test]
fn fortran_layout_prints_in_logical_order() {
    let a = Array::from_shape_vec((2, 3).f(), vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0])
        .unwrap()
        .into_dyn();
    assert_eq!(format_value(&Tensor::F64(a)), "[[1, 2, 3],\n [4, 5, 6]]");
}

#[test]
fn empty_axes() {
    assert_eq!(format_value(&range(&[0])), "[]");
    assert_eq!(format_value(&range(&[2, 0])), "[[], []]");
    assert_eq!(format_value(&range(&[0, 2])), "[]");
    assert_eq!(format_value(&range(&[2, 1, 0])), "[[[]], [[]]]");
}

#[test]
fn exactly_the_limit_prints_in_full() {
    let s = format_value(&range(&[100]));
    assert!(s.starts_with("[0, 1, 2, "));
    assert!(s.ends_with(", 98, 99]"));
    let s = format_value(&range(&[10, 10]));
    assert!(s.starts_with("[[ 0,  1,  2,"));
    assert_eq!(s.lines().count(), 10);
}

#[test]
fn large_tensors_are_summarised() {
    assert_eq!(
        format_value(&range(&[100, 100])),
        "<100x100 f64: min 0, max 9999, mean 4999.5, first [0, 1, 2, 3, 4, ...]>"
    );
    assert_eq!(
        format_value(&range(&[101])),
        "<101 f64: min 0, max 100, mean 50, first [0, 1, 2, 3, 4, ...]>"
    );
    let t = Tensor::from_f64(range(&[2, 3, 20]).to_f64() / 10.0, DType::F32);
    assert_eq!(
        format_value(&t),
        "<2x3x20 f32: min 0, max 11.9, mean 5.95, first [0, 0.1, 0.2, 0.3, 0.4, ...]>"
    );
}

#[test]
fn summary_skips_nan() {
    let mut v: Vec<f64> = (0..101).map(f64::from).collect();
    v[0] = f64::NAN;
    v[100] = f64::NAN;
    assert_eq!(
        format_value(&f64s(&[101], v)),
        "<101 f64: min 1, max 99, mean 50 (excluding 2 NaN), first [NaN, 1, 2, 3, 4, ...]>"
    );
    assert_eq!(
        format_value(&f64s(&[101], vec![f64::NAN; 101])),
        "<101 f64: all 101 elements NaN, first [NaN, NaN, NaN, NaN, NaN, ...]>"
    );
}

#[test]
fn accessors_and_conversions() {
    let t = f32s(&[2, 3], vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    assert_eq!(t.dtype(), DType::F32);
    assert_eq!(t.shape(), &[2, 3]);
    assert_eq!(t.ndim(), 2);
    assert_eq!(t.len(), 6);
    assert!(!t.is_empty());
    let wide = t.to_f64();
    assert_eq!(wide[[0, 0]], f64::from(0.1f32));
    assert_eq!(Tensor::from_f64(wide, DType::F32), t);
    let s = Tensor::scalar(2.0, DType::F64);
    assert_eq!(s.ndim(), 0);
    assert_eq!(s.len(), 1);
    assert_eq!(s.shape(), &[] as &[usize]);
    assert!(range(&[3, 0]).is_empty());
    assert_eq!(DType::F64.name(), "f64");
    assert_eq!(DType::F32.name(), "f32");
}
