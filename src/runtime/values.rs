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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

    /// Bytes per element: 8 or 4.
    pub fn size(self) -> usize {
        match self {
            DType::F64 => 8,
            DType::F32 => 4,
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

/// A tensor literal's value in the element type `dtype` (each exact entry
/// rounded to nearest f64, then to f32 for `F32`).
pub fn literal_tensor(l: &crate::sema::Literal, dtype: DType) -> Tensor {
    use num_traits::ToPrimitive;
    let values: Vec<f64> = l
        .values
        .iter()
        .map(|v| v.to_f64().unwrap_or(f64::NAN))
        .collect();
    let a = ArrayD::from_shape_vec(l.shape.clone(), values)
        .unwrap_or_else(|_| ArrayD::zeros(l.shape.clone()));
    Tensor::from_f64(a, dtype)
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
#[path = "values_tests.rs"]
mod tests;
