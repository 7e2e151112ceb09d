//! The cost of one call, estimated before it runs, against [`Limits`].
//!
//! In: a checked [`Program`] (without `diff`), its [`Bound`] for one call,
//! the element size, and the [`Limits`]. Out: nothing, or an error per
//! limit exceeded, pointing at the statement that costs most and naming its
//! largest index or its shape.
//!
//! Always: the estimates are exact counts of what a naive evaluation does,
//! in saturating `u128` arithmetic, so no extent overflows them:
//! - work: for each definition, its number of elements times (1 + the work
//!   of its body), where a `sum`/`prod` over n values costs n times (1 + the
//!   work of its body) and any other node the sum of its children's; so an
//!   empty inner loop still costs its outer loop's trips
//!   (`sum_j sum_i x[i,j]` with `i` empty costs as many as `j` has values);
//! - memory: the elements of every definition together (evaluation keeps
//!   them all) times the element size.

use super::bind::Bound;
use super::program::*;
use crate::diagnostics::{Diagnostic, Errors, show_shape};
use crate::limits::{Limits, MEMORY_VAR, WORK_VAR, show_bytes, show_count};

/// Loop iterations of `e` for one value of the indices around it.
fn work(e: &Expr, bound: &Bound) -> u128 {
    match &e.kind {
        ExprKind::Reduce { index, body, .. } => {
            let n = bound.ranges.get(index.index()).map_or(0, |r| r.len) as u128;
            n.saturating_mul(1u128.saturating_add(work(body, bound)))
        }
        _ => e
            .children()
            .into_iter()
            .fold(0u128, |acc, c| acc.saturating_add(work(c, bound))),
    }
}

/// The number of elements of a shape (1 for a scalar).
pub fn elements(shape: &[usize]) -> u128 {
    shape
        .iter()
        .fold(1u128, |acc, &n| acc.saturating_mul(n as u128))
}

/// Loop iterations of every definition, in order.
pub fn def_work(program: &Program, bound: &Bound) -> Vec<u128> {
    program
        .defs
        .iter()
        .enumerate()
        .map(|(d, def)| {
            let n = bound.def_shapes.get(d).map_or(1, |s| elements(s));
            n.saturating_mul(1u128.saturating_add(work(&def.body, bound)))
        })
        .collect()
}

/// The index of `def` (axis or bound inside) with the most values.
fn largest_index(program: &Program, def: &Def, bound: &Bound) -> Option<(IndexId, usize)> {
    let mut ids: Vec<IndexId> = def.axes.clone();
    def.body.walk(&mut |e| {
        if let ExprKind::Reduce { index, .. } = e.kind {
            ids.push(index);
        }
    });
    // The outermost of equals (`max_by_key` keeps the last).
    ids.into_iter()
        .filter(|i| i.index() < program.indices.len())
        .map(|i| (i, bound.ranges.get(i.index()).map_or(0, |r| r.len)))
        .rev()
        .max_by_key(|&(_, n)| n)
}

/// A definition for messages: `` `C` ``, "the expression" for a bare one,
/// "an intermediate result" for a hidden one (the JIT's `_tN`, which no
/// message may name).
pub fn describe(def: &Def) -> String {
    match &def.name {
        Some(n) if n.starts_with('_') => "an intermediate result".to_string(),
        Some(n) => format!("`{n}`"),
        None => "the expression".to_string(),
    }
}

/// Checks the call's estimated work and memory against `limits`.
pub fn check(
    program: &Program,
    bound: &Bound,
    elem_bytes: usize,
    limits: &Limits,
) -> Result<(), Errors> {
    let mut errors = Vec::new();
    let works = def_work(program, bound);
    let total_work = works.iter().fold(0u128, |a, &w| a.saturating_add(w));
    if total_work > limits.max_work as u128
        && let Some((d, _)) = works.iter().enumerate().max_by_key(|&(_, w)| *w)
    {
        let def = &program.defs[d];
        let mut diag = Diagnostic::at(
            format!(
                "this program would run {} loop iterations, more than the limit of {}",
                show_count(total_work),
                show_count(limits.max_work as u128)
            ),
            def.span,
        );
        if works[d] != total_work {
            diag = diag.with_span_label(format!("{} of them here", show_count(works[d])));
        }
        if let Some((ix, n)) = largest_index(program, def, bound) {
            let var = program.index_var(ix);
            diag = diag.with_label(var.span, format!("`{}` runs over {n} values", var.name));
        }
        errors.push(diag.with_note(format!(
            "check the shapes of the inputs and the extents of the indices; to allow more \
             work, raise the limit with --max-work N or {WORK_VAR}=N"
        )));
    }
    let sizes: Vec<u128> = bound
        .def_shapes
        .iter()
        .map(|s| elements(s).saturating_mul(elem_bytes as u128))
        .collect();
    let total_bytes = sizes.iter().fold(0u128, |a, &b| a.saturating_add(b));
    if total_bytes > limits.max_bytes as u128
        && let Some((d, _)) = sizes.iter().enumerate().max_by_key(|&(_, b)| *b)
    {
        let def = &program.defs[d];
        errors.push(
            Diagnostic::at(
                format!(
                    "the results of this program would take {}, more than the limit of {}",
                    show_bytes(total_bytes),
                    show_bytes(limits.max_bytes as u128)
                ),
                def.span,
            )
            .with_span_label(format!(
                "{} has shape {} ({})",
                describe(def),
                show_shape(&bound.def_shapes[d]),
                show_bytes(sizes[d])
            ))
            .with_note(format!(
                "check the shapes of the inputs and the extents of the indices; to allow \
                 more memory, raise the limit with --max-memory SIZE or {MEMORY_VAR}=SIZE \
                 (e.g. 16G)"
            )),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Errors(errors))
    }
}
