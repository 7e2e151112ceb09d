//! Tensor literals (`A = [[1,2],[3,4]]`) to exact constant tensors.
//!
//! In: the literal's AST (bracketed lists nesting entries) and a function
//! that checks one entry and folds it to an exact constant. Out: a
//! [`Literal`] (shape, row-major exact values) or one diagnostic with a
//! caret under the offending list or entry.
//!
//! Always: the result is rectangular (every list at one depth has the
//! length of the first list at that depth), has at least one entry per
//! axis and at most [`super::resolve::MAX_INDICES`] axes; every entry is a
//! number (an expression of literals folded exactly: `-1`, `3/2`).

use super::program::Literal;
use crate::diagnostics::{Diagnostic, Span};
use crate::syntax::ast::{self, Lit};
use num_rational::BigRational;

/// The value of a literal, entries checked and folded by `entry`.
pub fn tensor(
    value: &Lit,
    entry: &mut dyn FnMut(&ast::Expr) -> Option<BigRational>,
) -> Result<Literal, Diagnostic> {
    // The shape and the first list at each depth (what others must match).
    let mut shape = Vec::new();
    let mut firsts: Vec<Span> = Vec::new();
    let mut l = value;
    while let Lit::List(items, span) = l {
        if items.is_empty() {
            return Err(Diagnostic::at("empty tensor literal", *span)
                .with_span_label("no entries")
                .with_note(
                    "a tensor literal needs at least one entry along every axis, e.g. [0]",
                ));
        }
        shape.push(items.len());
        firsts.push(*span);
        l = &items[0];
    }
    if shape.len() > super::resolve::MAX_INDICES {
        return Err(Diagnostic::at(
            format!(
                "tensor literal with {} axes; at most {} are allowed",
                shape.len(),
                super::resolve::MAX_INDICES
            ),
            value.span(),
        ));
    }
    let mut values = Vec::new();
    walk(value, 0, &shape, &firsts, entry, &mut values)?;
    Ok(Literal { shape, values })
}

fn walk(
    l: &Lit,
    depth: usize,
    shape: &[usize],
    firsts: &[Span],
    entry: &mut dyn FnMut(&ast::Expr) -> Option<BigRational>,
    out: &mut Vec<BigRational>,
) -> Result<(), Diagnostic> {
    match l {
        Lit::List(items, span) if depth < shape.len() => {
            if items.len() != shape[depth] {
                return Err(Diagnostic::at(
                    format!(
                        "ragged tensor literal: this list has {} entr{} but the first list at its depth has {}",
                        items.len(),
                        if items.len() == 1 { "y" } else { "ies" },
                        shape[depth]
                    ),
                    *span,
                )
                .with_label(firsts[depth], format!("{} entries here", shape[depth]))
                .with_note("a tensor literal is rectangular: give every row the same length"));
            }
            for i in items {
                walk(i, depth + 1, shape, firsts, entry, out)?;
            }
            Ok(())
        }
        Lit::List(_, span) => Err(Diagnostic::at(
            "ragged tensor literal: a list where a number belongs",
            *span,
        )
        .with_label(
            firsts[depth - 1],
            "the first list at this depth holds numbers",
        )
        .with_note("a tensor literal is rectangular: nest every entry equally deep")),
        Lit::Item(e) if depth < shape.len() => Err(Diagnostic::at(
            "ragged tensor literal: a number where a list belongs",
            e.span,
        )
        .with_label(firsts[depth], "the first entry at this depth is a list")
        .with_note("a tensor literal is rectangular: nest every entry equally deep")),
        Lit::Item(e) => match entry(e) {
            Some(v) => {
                out.push(v);
                Ok(())
            }
            None => Err(
                Diagnostic::at("a tensor literal's entries are numbers", e.span)
                    .with_span_label("not a number")
                    .with_note(
                        "write numbers (`2`, `-1/2`, `1e-3`); compute other values in a definition",
                    ),
            ),
        },
    }
}
