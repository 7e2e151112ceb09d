//! Tensor values and how `ricci eval` prints them.
//!
//! In: `ndarray` arrays of `f64` or `f32` (from `.npy` files, literals, or
//! the interpreter). Out: [`Tensor`] values, conversions between the two
//! element types, and [`format_value`], the text printed after `NAME = `.
//!
//! Always: a [`Tensor`] owns its elements; [`Tensor::to_f64`] is lossless;
//! [`format_value`] never panics and prints every element with Rust's shortest
//! round-trip `Display` of the tensor's own element type (so `0.1f32` prints
//! `0.1`), in full for at most [`FULL_PRINT_LIMIT`] elements and as a one-line
//! summary (shape, dtype, min, max, mean, first elements) beyond that.

use std::fmt::{Display, Write as _};

use ndarray::{ArrayD, IxDyn};

/// Tensors with at most this many elements are printed in full.
pub const FULL_PRINT_LIMIT: usize = 100;

/// How many leading elements a summary shows.
const SUMMARY_FIRST: usize = 5;

/// A dense tensor value of one of the two supported element types.
#[derive(Clone, Debug, PartialEq)]
pub enum Tensor {
    F64(ArrayD<f64>),
    F32(ArrayD<f32>),
}

/// The element type of a [`Tensor`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DType {
    F64,
    F32,
}

impl DType {
    /// The short name used in messages and summaries: `f64` or `f32`.
    pub fn name(self) -> &'static str {
        match self {
            DType::F64 => "f64",
            DType::F32 => "f32",
        }
    }
}

impl Tensor {
    /// The element type.
    pub fn dtype(&self) -> DType {
        match self {
            Tensor::F64(_) => DType::F64,
            Tensor::F32(_) => DType::F32,
        }
    }

    /// The extent of each axis (empty for a 0-d scalar).
    pub fn shape(&self) -> &[usize] {
        match self {
            Tensor::F64(a) => a.shape(),
            Tensor::F32(a) => a.shape(),
        }
    }

    /// The number of axes (0 for a scalar).
    pub fn ndim(&self) -> usize {
        self.shape().len()
    }

    /// The number of elements (1 for a scalar, 0 if some axis is empty).
    pub fn len(&self) -> usize {
        match self {
            Tensor::F64(a) => a.len(),
            Tensor::F32(a) => a.len(),
        }
    }

    /// True when the tensor has no elements (some axis has extent 0).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements as `f64` (a copy; widening `f32` is lossless).
    pub fn to_f64(&self) -> ArrayD<f64> {
        match self {
            Tensor::F64(a) => a.clone(),
            Tensor::F32(a) => a.mapv(f64::from),
        }
    }

    /// A tensor of the given element type from `f64` elements; for
    /// [`DType::F32`] each element is rounded to the nearest `f32`.
    pub fn from_f64(a: ArrayD<f64>, dtype: DType) -> Tensor {
        match dtype {
            DType::F64 => Tensor::F64(a),
            // Rounding to nearest is the documented narrowing.
            DType::F32 => Tensor::F32(a.mapv(|x| x as f32)),
        }
    }

    /// A 0-d tensor holding `value` (rounded to `f32` for [`DType::F32`]).
    pub fn scalar(value: f64, dtype: DType) -> Tensor {
        Tensor::from_f64(ArrayD::from_elem(IxDyn(&[]), value), dtype)
    }
}

/// How `ricci eval` prints a value after `NAME = `.
///
/// - 0-d: the element's shortest round-trip `Display` (`55`, `0.1`, `-2.5`,
///   `inf`, `NaN`).
/// - At most [`FULL_PRINT_LIMIT`] elements: nested brackets like numpy's
///   repr without `array(`; elements separated by `, `; with two or more
///   axes each row goes on its own line, indented under its bracket,
///   consecutive blocks of higher axes separated by blank lines, and all
///   elements right-aligned to a common width (`[[ 1, -2],\n [30,  4]]`).
///   Tensors with an empty axis print on one line (`[[], []]`).
/// - Larger: `<100x100 f64: min 0, max 9999, mean 4999.5, first [0, 1, 2, 3, 4, ...]>`;
///   NaN elements are left out of min/max/mean and counted
///   (`mean 49.5 (excluding 3 NaN)`).
pub fn format_value(t: &Tensor) -> String {
    match t {
        Tensor::F64(a) => format_array(a, DType::F64),
        Tensor::F32(a) => format_array(a, DType::F32),
    }
}

fn format_array<T: Copy + Display + Into<f64>>(a: &ArrayD<T>, dtype: DType) -> String {
    if a.ndim() == 0 {
        return a.iter().map(|x| x.to_string()).collect();
    }
    if a.len() > FULL_PRINT_LIMIT {
        return summary(a, dtype);
    }
    // `iter` walks the logical (row-major) order whatever the memory layout.
    let elems: Vec<String> = a.iter().map(|x| x.to_string()).collect();
    let width = if a.ndim() >= 2 {
        elems.iter().map(String::len).max().unwrap_or(0)
    } else {
        0
    };
    let layout = Nested {
        shape: a.shape(),
        width,
        multiline: !elems.is_empty(),
    };
    let mut out = String::new();
    layout.write(&mut out, 0, &mut elems.iter());
    out
}

/// Parameters of the nested-bracket printout.
struct Nested<'a> {
    shape: &'a [usize],
    /// Every element is right-aligned to this many characters.
    width: usize,
    /// Put rows on separate lines (false when there are no elements at all).
    multiline: bool,
}

impl Nested<'_> {
    fn write(&self, out: &mut String, depth: usize, elems: &mut std::slice::Iter<'_, String>) {
        let ndim = self.shape.len();
        let innermost = depth + 1 >= ndim;
        let extent = self.shape.get(depth).copied().unwrap_or(0);
        out.push('[');
        for i in 0..extent {
            if i > 0 {
                out.push(',');
                if innermost || !self.multiline {
                    out.push(' ');
                } else {
                    for _ in 0..(ndim - depth - 1) {
                        out.push('\n');
                    }
                    for _ in 0..=depth {
                        out.push(' ');
                    }
                }
            }
            if innermost {
                if let Some(e) = elems.next() {
                    let _ = write!(out, "{e:>w$}", w = self.width);
                }
            } else {
                self.write(out, depth + 1, elems);
            }
        }
        out.push(']');
    }
}

/// Shows an `f64` that came from an element of type `dtype` the way that
/// element type displays (widening `f32` to `f64` and back is exact).
fn show(v: f64, dtype: DType) -> String {
    match dtype {
        DType::F64 => v.to_string(),
        DType::F32 => (v as f32).to_string(),
    }
}

fn summary<T: Copy + Display + Into<f64>>(a: &ArrayD<T>, dtype: DType) -> String {
    let shape: Vec<String> = a.shape().iter().map(|n| n.to_string()).collect();
    let mut out = format!("<{} {}: ", shape.join("x"), dtype.name());
    let mut nan = 0usize;
    let mut count = 0usize;
    let mut min = f64::INFINITY;
    let mut max = f64::NEG_INFINITY;
    let mut sum = 0.0f64;
    for &x in a.iter() {
        let v: f64 = x.into();
        if v.is_nan() {
            nan += 1;
        } else {
            count += 1;
            min = min.min(v);
            max = max.max(v);
            sum += v;
        }
    }
    if count == 0 {
        let _ = write!(out, "all {nan} elements NaN");
    } else {
        let mean = sum / count as f64;
        let _ = write!(
            out,
            "min {}, max {}, mean {}",
            show(min, dtype),
            show(max, dtype),
            show(mean, dtype)
        );
        if nan > 0 {
            let _ = write!(out, " (excluding {nan} NaN)");
        }
    }
    let first: Vec<String> = a
        .iter()
        .take(SUMMARY_FIRST)
        .map(|x| x.to_string())
        .collect();
    let _ = write!(out, ", first [{}, ...]>", first.join(", "));
    out
}

#[cfg(test)]
mod tests {
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
}
