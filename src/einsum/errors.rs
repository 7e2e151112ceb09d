//! The einsum front end's error messages.
//!
//! In: what [`super::plan`] found wrong (the parsed subscripts, the operand
//! and axis, the sizes). Out: a [`Diagnostic`] pointing into the subscripts
//! string that says what is wrong and what to change.
//!
//! Always: pure functions of their arguments; never panic.

use super::parse::{Subscripts, Term, text};
use super::{Dim, OpAxis};
use crate::diagnostics::{Diagnostic, Span};
use std::collections::BTreeMap;

pub(super) use crate::diagnostics::show_shape as fmt_shape;

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A term as shown in messages.
fn show_term(src: &str, t: &Term) -> String {
    let s = text(src, t.span);
    if s.is_empty() {
        "(empty)".to_string()
    } else {
        format!("`{s}`")
    }
}

pub(super) fn check_output_labels(
    src: &str,
    subs: &Subscripts,
    out: &Term,
    errs: &mut Vec<Diagnostic>,
) {
    let inputs: Vec<u8> = subs
        .inputs
        .iter()
        .flat_map(|t| t.labels().map(|(c, _)| c))
        .collect();
    let mut seen: Vec<(u8, Span)> = Vec::new();
    for (c, span) in out.labels() {
        let ch = char::from(c);
        if let Some(&(_, first)) = seen.iter().find(|(d, _)| *d == c) {
            errs.push(
                Diagnostic::at(format!("label `{ch}` appears twice in the output"), span)
                    .with_span_label("second time")
                    .with_label(first, "first time")
                    .with_note(
                        "each output label names one axis of the result; to take a diagonal, \
                         repeat the label in an input instead (`ii->i`)",
                    ),
            );
        } else if !inputs.contains(&c) {
            let mut d = Diagnostic::at(format!("output label `{ch}` appears in no input"), span)
                .with_span_label("not an input label")
                .with_note(format!(
                    "every output label must label an axis of some operand; the inputs `{}` use {}",
                    text(src, subs.inputs_span),
                    label_list(&inputs)
                ));
            let other = if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
            if inputs.contains(&other) {
                d = d.with_note(format!(
                    "labels are case-sensitive: did you mean `{}`?",
                    char::from(other)
                ));
            }
            errs.push(d);
        }
        seen.push((c, span));
    }
}

fn label_list(labels: &[u8]) -> String {
    let mut v = labels.to_vec();
    v.sort_unstable();
    v.dedup();
    if v.is_empty() {
        return "no labels".to_string();
    }
    let names: Vec<String> = v.iter().map(|&c| format!("`{}`", char::from(c))).collect();
    names.join(", ")
}

pub(super) fn count_error(src: &str, subs: &Subscripts, given: usize) -> Diagnostic {
    let terms = subs.inputs.len();
    let list: Vec<String> = subs.inputs.iter().map(|t| show_term(src, t)).collect();
    let given_text = match given {
        0 => "no operand was given".to_string(),
        1 => "1 operand was given".to_string(),
        n => format!("{n} operands were given"),
    };
    Diagnostic::at(
        format!(
            "the subscripts have {} ({}) but {given_text}",
            plural(terms, "operand term", "operand terms"),
            list.join(", ")
        ),
        subs.inputs_span,
    )
    .with_span_label(plural(terms, "term", "terms"))
    .with_note(
        "give one operand per comma-separated term before `->` (a 0-d operand takes an empty \
         term, as in `,ij->ij`)",
    )
}

pub(super) fn rank_error(src: &str, k: usize, t: &Term, shape: &[usize]) -> Option<Diagnostic> {
    let n = t.label_count();
    let nd = shape.len();
    let has_ell = t.ellipsis().is_some();
    if n == nd || (has_ell && n < nd) {
        return None;
    }
    let what = if nd == 0 {
        format!("operand {k} is 0-d (shape ())")
    } else {
        format!(
            "operand {k} has {} (shape {})",
            plural(nd, "axis", "axes"),
            fmt_shape(shape)
        )
    };
    let labels = plural(n, "label", "labels");
    let besides = if has_ell { " besides `...`" } else { "" };
    let note = if n > nd && has_ell {
        "`...` may stand for no axes at all, but every label needs an axis: remove labels"
            .to_string()
    } else if n > nd && nd == 0 {
        "a 0-d operand takes an empty term (as in `,ij->ij`)".to_string()
    } else if n > nd {
        format!("write exactly one label per axis of operand {k}")
    } else {
        format!(
            "write one label per axis of operand {k}, or add `...` to stand for the axes \
             you do not label"
        )
    };
    Some(
        Diagnostic::at(
            format!(
                "{what} but its subscripts {} have {labels}{besides}",
                show_term(src, t)
            ),
            t.span,
        )
        .with_span_label(format!("{labels} for {}", plural(nd, "axis", "axes")))
        .with_note(note),
    )
}

/// A label repeated within operand `k` whose sizes differ, once per label.
pub(super) fn repeated_label_errors(
    k: usize,
    axes: &[OpAxis],
    shape: &[usize],
) -> Vec<(Dim, Diagnostic)> {
    let mut errs = Vec::new();
    let mut reported: Vec<Dim> = Vec::new();
    for (a, ax) in axes.iter().enumerate() {
        let Dim::Label(c) = ax.dim else { continue };
        if reported.contains(&ax.dim) {
            continue;
        }
        let Some((a0, ax0)) = axes
            .iter()
            .enumerate()
            .take(a)
            .find(|(_, x)| x.dim == ax.dim)
        else {
            continue;
        };
        if ax0.size != ax.size {
            reported.push(ax.dim);
            errs.push((
                ax.dim,
                Diagnostic::at(
                    format!(
                        "label `{}` repeats in operand {k} (shape {}) but its axes differ in \
                         size: axis {a0} has {}, axis {a} has {}",
                        char::from(c),
                        fmt_shape(shape),
                        ax0.size,
                        ax.size
                    ),
                    ax.span,
                )
                .with_span_label(format!("size {}", ax.size))
                .with_label(ax0.span, format!("size {}", ax0.size))
                .with_note(
                    "a label repeated in one operand takes its diagonal, which needs equal \
                     sizes (size 1 broadcasts only across operands); use different labels \
                     or check the operand's shape",
                ),
            ));
        }
    }
    errs
}

pub(super) fn mismatch_error(
    (k0, a0, ax0, s0): (usize, usize, OpAxis, &[usize]),
    (k1, a1, ax1, s1): (usize, usize, OpAxis, &[usize]),
) -> Diagnostic {
    let place = |k: usize, a: usize, s: &[usize]| {
        format!("operand {k} (shape {}) at axis {a}", fmt_shape(s))
    };
    match ax1.dim {
        Dim::Label(c) => Diagnostic::at(
            format!(
                "label `{}` has size {} in {} but size {} in {}",
                char::from(c),
                ax0.size,
                place(k0, a0, s0),
                ax1.size,
                place(k1, a1, s1)
            ),
            ax1.span,
        )
        .with_span_label(format!("size {}", ax1.size))
        .with_label(ax0.span, format!("size {}", ax0.size))
        .with_note(
            "one label must have one size in every operand (size 1 broadcasts); check the \
             order of the operands and their shapes",
        ),
        Dim::Ell(_) => Diagnostic::at(
            format!(
                "the axes under `...` do not broadcast: size {} in {} but size {} in {}",
                ax0.size,
                place(k0, a0, s0),
                ax1.size,
                place(k1, a1, s1)
            ),
            ax1.span,
        )
        .with_span_label(format!("size {} here", ax1.size))
        .with_label(ax0.span, format!("size {} here", ax0.size))
        .with_note(
            "the axes under `...` line up from the right, as in numpy broadcasting; sizes \
             that line up must be equal or 1",
        ),
    }
}

pub(super) fn dropped_ellipsis_error(
    subs: &Subscripts,
    out: &Term,
    ell: usize,
    extents: &BTreeMap<Dim, usize>,
) -> Diagnostic {
    let sizes: Vec<usize> = (0..ell)
        .map(|t| extents.get(&Dim::Ell(t)).copied().unwrap_or(0))
        .collect();
    let span = if out.span.start == out.span.end {
        subs.arrow.unwrap_or(out.span)
    } else {
        out.span
    };
    let mut d = Diagnostic::at(
        format!(
            "the output has no `...`, but `...` in the inputs stands for {} of shape {}",
            plural(ell, "axis", "axes"),
            fmt_shape(&sizes)
        ),
        span,
    )
    .with_span_label("add `...` here")
    .with_note(
        "write `...` in the output to keep those axes (numpy's einsum does not sum over \
         `...`); to sum over them, label them in the inputs instead",
    );
    for t in &subs.inputs {
        if let Some(s) = t.ellipsis() {
            d = d.with_label(s, "`...` here");
            break;
        }
    }
    d
}
