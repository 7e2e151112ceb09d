//! numpy einsum on top of ricci: subscripts and operands to a ricci program,
//! checked and evaluated by the interpreter.
//!
//! In: numpy subscripts as the user wrote them (`"ij,jk->ik"`, `"ii"`,
//! `"...ij,...jk"`, with spaces) and the operands (or, for [`plan`], just
//! their shapes). Out: the result of `numpy.einsum(subscripts, *operands)`
//! with numpy's result dtype: f32 when every operand is f32, else f64 ([`run`]), or the [`Plan`]: the ricci program
//! text (`out[i,k] = op0[i,j] op1[j,k]`), the input names and the size-1
//! axes to drop because they broadcast.
//!
//! Always: never panics on any subscripts or shapes; every error that the
//! subscripts cause points into the subscripts string and says what to
//! change; the semantics are numpy's C path (`optimize=False`), pinned by
//! `tests/fixtures/einsum/` (see `gen.py` there): implicit output is the
//! ellipsis axes first, then the labels occurring exactly once, sorted by
//! ASCII; labelled and ellipsis axes of size 1 broadcast across operands
//! but a label repeated within one operand needs equal sizes; an explicit
//! output without `...` may not drop ellipsis axes.
//!
//! The generated program names operands `op0, op1, ...`, the output `out`,
//! labels by their letter and ellipsis axes `e0, e1, ...` (left to right);
//! an operand with no axes left becomes a scalar parameter.

mod errors;
mod parse;

use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::limits::Limits;
use crate::runtime::args::Args;
use crate::runtime::values::{DType, Tensor};
use errors::*;
use ndarray::{ArrayD, Axis};
use parse::{Item, Subscripts, Term};
use std::collections::BTreeMap;

/// What [`run`] evaluates: a ricci program equivalent to the einsum call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The program text, one definition of `out`.
    pub text: String,
    /// One entry per operand, in order.
    pub operands: Vec<PlanOperand>,
    /// The shape of the result.
    pub out_shape: Vec<usize>,
}

/// How one operand enters the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanOperand {
    /// `op0`, `op1`, ...
    pub name: String,
    /// Axes of size 1 that broadcast against a larger extent: the program
    /// leaves them out, so the caller passes `index_axis(Axis(k), 0)` of
    /// them (ascending; remove from the highest down).
    pub drop_axes: Vec<usize>,
    /// No axes are left: the operand is a scalar parameter of the program
    /// (pass its only element via `Args::param`).
    pub scalar: bool,
}

/// `numpy.einsum(subscripts, *operands)`, under the process's limits
/// ([`crate::limits::current`]).
pub fn run(subscripts: &str, operands: &[Tensor]) -> Result<Tensor, Errors> {
    run_with_limits(subscripts, operands, crate::limits::current())
}

/// `numpy.einsum(subscripts, *operands)`, its result at most
/// `limits.max_bytes` and its loops at most `limits.max_work` iterations.
pub fn run_with_limits(
    subscripts: &str,
    operands: &[Tensor],
    limits: Limits,
) -> Result<Tensor, Errors> {
    let dtype = common_dtype(operands);
    let shapes: Vec<Vec<usize>> = operands.iter().map(|t| t.shape().to_vec()).collect();
    let plan = plan(subscripts, &shapes)?;
    check_result_size(subscripts, &plan.out_shape, dtype, &limits)?;
    let mut args = Args::new().with_limits(limits);
    args.default_dtype = Some(dtype);
    for (t, op) in operands.iter().zip(&plan.operands) {
        let t = drop_axes(t, &op.drop_axes).ok_or_else(|| internal("dropping axes", &plan))?;
        // Mixed f32/f64 operands compute in f64, as numpy promotes.
        let t = if t.dtype() == dtype {
            t
        } else {
            Tensor::from_f64(t.to_f64(), dtype)
        };
        args = if op.scalar {
            let v = t
                .to_f64()
                .iter()
                .next()
                .copied()
                .ok_or_else(|| internal("a scalar operand without an element", &plan))?;
            args.param(&op.name, v)
        } else {
            args.tensor(&op.name, t)
        };
    }
    // Compiled through the same path as `eval` (planned, simplified); the
    // kernel is cached per subscripts text and shapes' program.
    let kernel = crate::jit::compile(&plan.text, crate::jit::Options::new(dtype))
        .map_err(|e| generated(e, &plan.text))?;
    let outs = kernel.call(&args).map_err(|e| generated(e, &plan.text))?;
    let out = outs
        .into_iter()
        .last()
        .ok_or_else(|| internal("the program produced no value", &plan))?;
    if out.shape() != plan.out_shape.as_slice() {
        return Err(internal(
            &format!(
                "the result has shape {} instead of {}",
                fmt_shape(out.shape()),
                fmt_shape(&plan.out_shape)
            ),
            &plan,
        )
        .into());
    }
    Ok(if out.dtype() == dtype {
        out
    } else {
        Tensor::from_f64(out.to_f64(), dtype)
    })
}

/// `numpy.einsum(subscripts, *operands)` on ndarray views of one element
/// type (any strides: nothing is copied), under the process's limits.
pub fn run_views<T: crate::jit::KernelElement + Into<f64>>(
    subscripts: &str,
    operands: &[ndarray::ArrayViewD<'_, T>],
) -> Result<ArrayD<T>, Errors> {
    let shapes: Vec<Vec<usize>> = operands.iter().map(|t| t.shape().to_vec()).collect();
    let plan = plan(subscripts, &shapes)?;
    check_result_size(
        subscripts,
        &plan.out_shape,
        T::DTYPE,
        &crate::limits::current(),
    )?;
    let mut inputs = Vec::new();
    let mut params = Vec::new();
    for (t, op) in operands.iter().zip(&plan.operands) {
        let mut v = t.view();
        for &k in op.drop_axes.iter().rev() {
            if v.shape().get(k) != Some(&1) {
                return Err(internal("dropping axes", &plan).into());
            }
            v = v.index_axis_move(Axis(k), 0);
        }
        if op.scalar {
            let x = v
                .iter()
                .next()
                .copied()
                .ok_or_else(|| internal("a scalar operand without an element", &plan))?;
            params.push((op.name.as_str(), x.into()));
        } else {
            inputs.push((op.name.as_str(), v));
        }
    }
    let kernel = crate::jit::compile(&plan.text, crate::jit::Options::new(T::DTYPE))
        .map_err(|e| generated(e, &plan.text))?;
    let outs = kernel
        .run_views(&inputs, &params)
        .map_err(|e| generated(e, &plan.text))?;
    let out = outs
        .into_iter()
        .last()
        .ok_or_else(|| internal("the program produced no value", &plan))?;
    if out.shape() != plan.out_shape.as_slice() {
        return Err(internal(
            &format!(
                "the result has shape {} instead of {}",
                fmt_shape(out.shape()),
                fmt_shape(&plan.out_shape)
            ),
            &plan,
        )
        .into());
    }
    Ok(out)
}

/// An error when the result of shape `shape` would have more elements than
/// any definition may (`sema::bind::MAX_ELEMENTS`) or take more than
/// `limits.max_bytes`; it points at the output subscripts.
fn check_result_size(
    subscripts: &str,
    shape: &[usize],
    dtype: DType,
    limits: &Limits,
) -> Result<(), Errors> {
    let elements = crate::sema::budget::elements(shape);
    let bytes = elements.saturating_mul(dtype.size() as u128);
    let max_elements = crate::sema::bind::MAX_ELEMENTS;
    let (what, remedy) = if elements > max_elements {
        (
            format!("more than the limit of {max_elements} elements"),
            "check the operands' shapes".to_string(),
        )
    } else if bytes > limits.max_bytes as u128 {
        (
            format!(
                "more than the limit of {}",
                crate::limits::show_bytes(limits.max_bytes as u128)
            ),
            format!(
                "check the operands' shapes; to allow more memory, raise the limit with \
                 --max-memory SIZE or {}=SIZE (e.g. 16G)",
                crate::limits::MEMORY_VAR
            ),
        )
    } else {
        return Ok(());
    };
    let span = parse::parse(subscripts).ok().map(|s| match &s.output {
        Some(out) if out.span.end > out.span.start => out.span,
        Some(_) => s.arrow.unwrap_or(s.inputs_span),
        None => s.inputs_span,
    });
    let message = format!(
        "the result would have shape {} ({elements} {} values, {}), {what}",
        fmt_shape(shape),
        dtype.name(),
        crate::limits::show_bytes(bytes)
    );
    let d = match span {
        Some(span) => Diagnostic::at(message, span).with_span_label("the result's axes"),
        None => Diagnostic::error(message),
    };
    Err(d.with_note(remedy).into())
}

/// The ricci program for `numpy.einsum(subscripts, *operands)` on operands
/// of the given shapes, or every error in the subscripts.
pub fn plan(subscripts: &str, shapes: &[Vec<usize>]) -> Result<Plan, Errors> {
    let src = subscripts;
    let subs = parse::parse(src)?;
    let mut errs = Vec::new();
    if let Some(out) = &subs.output {
        check_output_labels(src, &subs, out, &mut errs);
    }
    if subs.inputs.len() != shapes.len() {
        errs.push(count_error(src, &subs, shapes.len()));
        return Err(Errors(errs));
    }
    for (k, (t, shape)) in subs.inputs.iter().zip(shapes).enumerate() {
        errs.extend(rank_error(src, k, t, shape));
    }
    if !errs.is_empty() {
        return Err(Errors(errs));
    }

    // How many axes `...` stands for: the most any operand's covers.
    let ell = subs
        .inputs
        .iter()
        .zip(shapes)
        .filter(|(t, _)| t.ellipsis().is_some())
        .map(|(t, s)| s.len().saturating_sub(t.label_count()))
        .max()
        .unwrap_or(0);
    let mut ops = Vec::new();
    for (t, shape) in subs.inputs.iter().zip(shapes) {
        ops.push(operand_axes(t, shape, ell).ok_or_else(|| {
            Errors::one(Diagnostic::error(
                "internal error in einsum: operand axes do not match the checked ranks",
            ))
        })?);
    }

    // Dims already reported are not reported again as a mismatch.
    let mut bad = Vec::new();
    for ((k, axes), shape) in ops.iter().enumerate().zip(shapes) {
        for (dim, e) in repeated_label_errors(k, axes, shape) {
            bad.push(dim);
            errs.push(e);
        }
    }
    let extents = extents(&ops, shapes, bad, &mut errs);
    if !errs.is_empty() {
        return Err(Errors(errs));
    }

    let out_dims: Vec<Dim> = match &subs.output {
        Some(out) => {
            if ell > 0 && out.ellipsis().is_none() {
                return Err(dropped_ellipsis_error(&subs, out, ell, &extents).into());
            }
            out.items
                .iter()
                .flat_map(|it| match *it {
                    Item::Label(c, _) => vec![Dim::Label(c)],
                    Item::Ellipsis(_) => (0..ell).map(Dim::Ell).collect(),
                })
                .collect()
        }
        None => implicit_output(&subs, ell),
    };
    let mut out_shape = Vec::new();
    for d in &out_dims {
        out_shape.push(*extents.get(d).ok_or_else(|| {
            Errors::one(Diagnostic::error(format!(
                "internal error in einsum: no extent for output axis `{}`",
                d.name()
            )))
        })?);
    }

    let mut text = String::from("out");
    if !out_dims.is_empty() {
        text.push_str(&subscript_list(out_dims.iter()));
    }
    text.push_str(" =");
    let mut operands = Vec::new();
    for (k, axes) in ops.iter().enumerate() {
        let name = format!("op{k}");
        let mut kept = Vec::new();
        let mut drop_axes = Vec::new();
        for (a, ax) in axes.iter().enumerate() {
            let extent = extents.get(&ax.dim).copied().unwrap_or(ax.size);
            if ax.size == 1 && extent != 1 {
                drop_axes.push(a);
            } else {
                kept.push(ax.dim);
            }
        }
        text.push(' ');
        text.push_str(&name);
        if !kept.is_empty() {
            text.push_str(&subscript_list(kept.iter()));
        }
        operands.push(PlanOperand {
            name,
            drop_axes,
            scalar: kept.is_empty(),
        });
    }
    Ok(Plan {
        text,
        operands,
        out_shape,
    })
}

/// An axis of the einsum: a label, or the `t`-th (from the left) axis that
/// `...` stands for. Ellipsis axes sort first, then labels by ASCII
/// (uppercase before lowercase): the implicit output order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Dim {
    Ell(usize),
    Label(u8),
}

impl Dim {
    /// The ricci index name.
    fn name(self) -> String {
        match self {
            Dim::Ell(t) => format!("e{t}"),
            Dim::Label(c) => char::from(c).to_string(),
        }
    }
}

/// One axis of one operand.
#[derive(Clone, Copy, Debug)]
struct OpAxis {
    dim: Dim,
    size: usize,
    /// The label, or the operand's `...`.
    span: Span,
}

fn subscript_list<'a>(dims: impl Iterator<Item = &'a Dim>) -> String {
    let names: Vec<String> = dims.map(|d| d.name()).collect();
    format!("[{}]", names.join(","))
}

/// Maps each axis of an operand to its [`Dim`]; `None` if the rank does not
/// fit the term (ruled out by [`rank_error`] before).
fn operand_axes(t: &Term, shape: &[usize], ell: usize) -> Option<Vec<OpAxis>> {
    let covered = shape.len().checked_sub(t.label_count())?;
    let mut axes = Vec::new();
    for it in &t.items {
        match *it {
            Item::Label(c, span) => axes.push(OpAxis {
                dim: Dim::Label(c),
                size: *shape.get(axes.len())?,
                span,
            }),
            Item::Ellipsis(span) => {
                for j in 0..covered {
                    axes.push(OpAxis {
                        dim: Dim::Ell(ell.checked_sub(covered)? + j),
                        size: *shape.get(axes.len())?,
                        span,
                    });
                }
            }
        }
    }
    (axes.len() == shape.len()).then_some(axes)
}

/// The implicit output: every ellipsis axis, then the labels that occur
/// exactly once over all inputs (a repeat within one operand counts).
fn implicit_output(subs: &Subscripts, ell: usize) -> Vec<Dim> {
    let mut counts: BTreeMap<u8, usize> = BTreeMap::new();
    for t in &subs.inputs {
        for (c, _) in t.labels() {
            *counts.entry(c).or_default() += 1;
        }
    }
    (0..ell)
        .map(Dim::Ell)
        .chain(
            counts
                .into_iter()
                .filter(|&(_, n)| n == 1)
                .map(|(c, _)| Dim::Label(c)),
        )
        .collect()
}

/// The size of every [`Dim`]: the size other than 1 if there is one, else
/// one. Reports each dim whose sizes disagree (other than 1) once, unless
/// it is in `bad` (reported already).
fn extents(
    ops: &[Vec<OpAxis>],
    shapes: &[Vec<usize>],
    mut bad: Vec<Dim>,
    errs: &mut Vec<Diagnostic>,
) -> BTreeMap<Dim, usize> {
    // The first occurrence of each dim, and the first with a size other than 1.
    let mut first: BTreeMap<Dim, (usize, usize, OpAxis)> = BTreeMap::new();
    let mut big: BTreeMap<Dim, (usize, usize, OpAxis)> = BTreeMap::new();
    for (k, axes) in ops.iter().enumerate() {
        for (a, ax) in axes.iter().enumerate() {
            first.entry(ax.dim).or_insert((k, a, *ax));
            if ax.size == 1 || bad.contains(&ax.dim) {
                continue;
            }
            match big.get(&ax.dim) {
                None => {
                    big.insert(ax.dim, (k, a, *ax));
                }
                Some(&(k0, a0, ax0)) if ax0.size != ax.size => {
                    bad.push(ax.dim);
                    let empty = Vec::new();
                    let s0 = shapes.get(k0).unwrap_or(&empty);
                    let s1 = shapes.get(k).unwrap_or(&empty);
                    errs.push(mismatch_error((k0, a0, ax0, s0), (k, a, *ax, s1)));
                }
                Some(_) => {}
            }
        }
    }
    first
        .into_iter()
        .map(|(d, (_, _, ax))| (d, big.get(&d).map_or(ax.size, |b| b.2.size)))
        .collect()
}

/// The element type numpy gives `operands`: f32 if all are f32, else
/// (none, or any f64) f64.
fn common_dtype(operands: &[Tensor]) -> DType {
    if !operands.is_empty() && operands.iter().all(|t| t.dtype() == DType::F32) {
        DType::F32
    } else {
        DType::F64
    }
}

/// The tensor without the given (size-1) axes; `None` if one is not a
/// size-1 axis of it.
fn drop_axes(t: &Tensor, axes: &[usize]) -> Option<Tensor> {
    fn go<T: Clone>(a: &ArrayD<T>, axes: &[usize]) -> Option<ArrayD<T>> {
        let mut a = a.clone();
        for &k in axes.iter().rev() {
            if a.shape().get(k) != Some(&1) {
                return None;
            }
            a = a.index_axis_move(Axis(k), 0);
        }
        Some(a)
    }
    Some(match t {
        Tensor::F64(a) => Tensor::F64(go(a, axes)?),
        Tensor::F32(a) => Tensor::F32(go(a, axes)?),
    })
}

/// Errors from checking or evaluating the generated program: their spans
/// point into the generated text, not the subscripts, so they move into a
/// note.
fn generated(errs: Errors, program: &str) -> Errors {
    Errors(
        errs.0
            .into_iter()
            .map(|d| {
                let mut n = Diagnostic::error(d.message);
                n.notes = d.notes;
                n.with_note(format!(
                    "in the ricci program made from the subscripts: `{program}`"
                ))
            })
            .collect(),
    )
}

fn internal(what: &str, plan: &Plan) -> Diagnostic {
    Diagnostic::error(format!("internal error in einsum: {what}"))
        .with_note(format!("the generated ricci program: `{}`", plan.text))
}

#[cfg(test)]
mod tests;
