//! Array layouts for calling JIT kernels on views: transposed, stepped
//! slices of a bigger backing array, negative strides (negative-step slices
//! or `invert_axis`), with padding filled with a sentinel.
//!
//! In: a rank and choices. Out: a [`Lay`], and [`Laid`] arrays holding
//! given logical values in that layout.
//!
//! Always: the view of a `Laid` has the logical shape and values it was made
//! from; everything else in its backing array is the sentinel.

#![allow(dead_code)]

use super::choices::Choices;
use ndarray::{ArrayBase, ArrayD, ArrayViewD, ArrayViewMutD, Axis, IxDyn, RawData, Slice};

/// How one axis of a laid-out array sits in its backing array.
#[derive(Clone, Debug)]
pub struct AxisLay {
    /// Distance between consecutive elements, in backing elements.
    pub step: usize,
    /// Last element first (a negative stride).
    pub rev: bool,
    /// Reverse with `invert_axis` rather than a negative-step slice.
    pub invert: bool,
    /// Backing elements before the first and after the last element.
    pub off: usize,
    pub tail: usize,
}

/// How an array sits in its backing array: axes in reverse memory order
/// (for a matrix: transposed) or not, and each axis's steps.
#[derive(Clone, Debug)]
pub struct Lay {
    pub transpose: bool,
    pub axes: Vec<AxisLay>,
}

impl Lay {
    pub fn contiguous(rank: usize) -> Lay {
        Lay {
            transpose: false,
            axes: (0..rank)
                .map(|_| AxisLay {
                    step: 1,
                    rev: false,
                    invert: false,
                    off: 0,
                    tail: 0,
                })
                .collect(),
        }
    }

    /// A layout: contiguous for a 0 byte (and a quarter of all bytes).
    pub fn generate(c: &mut Choices, rank: usize) -> Lay {
        if c.below(4) == 0 {
            return Lay::contiguous(rank);
        }
        let transpose = c.chance(100);
        let axes = (0..rank)
            .map(|_| {
                let b = c.byte();
                AxisLay {
                    step: [1, 1, 1, 2, 3][(b % 5) as usize],
                    rev: (b >> 3) % 3 == 1,
                    invert: b & 0x20 != 0,
                    off: [0, 0, 1, 2][((b >> 6) & 3) as usize],
                    tail: [0, 0, 1, 2][c.below(4)],
                }
            })
            .collect();
        Lay { transpose, axes }
    }
}

/// Backing elements one axis of `len` elements spans.
fn span(len: usize, step: usize) -> usize {
    if len == 0 { 0 } else { (len - 1) * step + 1 }
}

/// The view of `shape` that `lay` describes inside the backing array `v`.
fn arrange<S: RawData>(
    mut v: ArrayBase<S, IxDyn>,
    shape: &[usize],
    lay: &Lay,
) -> ArrayBase<S, IxDyn> {
    if lay.transpose {
        v = v.reversed_axes();
    }
    for (a, ax) in lay.axes.iter().enumerate() {
        let start = ax.off as isize;
        let end = start + span(shape[a], ax.step) as isize;
        let step = ax.step as isize;
        if ax.rev && ax.invert {
            v.slice_axis_inplace(Axis(a), Slice::new(start, Some(end), step));
            v.invert_axis(Axis(a));
        } else {
            let step = if ax.rev { -step } else { step };
            v.slice_axis_inplace(Axis(a), Slice::new(start, Some(end), step));
        }
    }
    v
}

/// Logical values laid out in a bigger backing array (filled elsewhere with
/// a sentinel).
pub struct Laid<T> {
    pub backing: ArrayD<T>,
    pub shape: Vec<usize>,
    pub lay: Lay,
}

impl<T: Clone> Laid<T> {
    pub fn new(vals: &ArrayViewD<T>, lay: &Lay, fill: T) -> Laid<T> {
        let shape = vals.shape().to_vec();
        assert_eq!(lay.axes.len(), shape.len());
        let mut blen: Vec<usize> = lay
            .axes
            .iter()
            .zip(&shape)
            .map(|(ax, &n)| ax.off + span(n, ax.step) + ax.tail)
            .collect();
        if lay.transpose {
            blen.reverse();
        }
        let mut l = Laid {
            backing: ArrayD::from_elem(IxDyn(&blen), fill),
            shape,
            lay: lay.clone(),
        };
        let mut v = l.view_mut();
        assert_eq!(v.shape(), vals.shape());
        v.assign(vals);
        l
    }

    pub fn view(&self) -> ArrayViewD<'_, T> {
        arrange(self.backing.view(), &self.shape, &self.lay)
    }

    pub fn view_mut(&mut self) -> ArrayViewMutD<'_, T> {
        arrange(self.backing.view_mut(), &self.shape, &self.lay)
    }
}
