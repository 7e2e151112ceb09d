//! Pass: innermost loops whose memory moves one element a trip run on
//! 128-bit vectors.
//!
//! In: a loop IR after the order, hoist and lanes passes. Out: the same IR
//! with `simd` set on every innermost loop or register reduction (no loop
//! in its body) where vectors compute the same values: every access that
//! moves with the loop's index moves along one axis of unit stride in the
//! IR's layout class, with coefficient 1; every store and update moves
//! that way (so the trips of one vector write different elements); the
//! loop's own index is not read as a number (`idx`, `delta`).
//!
//! Always: the pass changes no value the IR computes, only how many trips
//! run at once; what a vector reduction adds in which order is fixed by
//! [`super::ir::Stmt::Reduce`]'s documentation, so it depends only on the
//! IR and the element type, never on the call.

use super::ir::{Access, Expr, Func, IndexId, LayoutClass, Stmt, Stride};

/// Sets `simd` where it is valid.
pub fn simd(f: &mut Func) {
    let layout = f.layout.clone();
    for b in &mut f.blocks {
        list(&mut b.body, &layout);
    }
}

fn list(stmts: &mut [Stmt], layout: &LayoutClass) {
    for s in stmts {
        match s {
            Stmt::Loop {
                index, body, simd, ..
            } => {
                list(body, layout);
                *simd = vectorisable(body, None, *index, layout);
            }
            Stmt::Reduce {
                index,
                body,
                value,
                simd,
                ..
            } => {
                list(body, layout);
                *simd = vectorisable(body, Some(value), *index, layout);
            }
            _ => {}
        }
    }
}

/// Whether a loop over `i` with this body (and yielded value) can run on
/// vectors.
fn vectorisable(body: &[Stmt], value: Option<&Expr>, i: IndexId, layout: &LayoutClass) -> bool {
    let stmts_ok = body.iter().all(|s| match s {
        Stmt::Let { value, .. } => expr_ok(value, i, layout),
        Stmt::Store { dst, value } | Stmt::Update { dst, value, .. } => {
            moves_unit(dst, i, layout) && expr_ok(value, i, layout)
        }
        Stmt::Loop { .. } | Stmt::Reduce { .. } | Stmt::Gemm { .. } => false,
    });
    stmts_ok && value.is_none_or(|v| expr_ok(v, i, layout))
}

/// Whether every load in `e` either stays put or moves one element a trip
/// of `i`, and `e` does not read `i` as a number.
fn expr_ok(e: &Expr, i: IndexId, layout: &LayoutClass) -> bool {
    let mut ok = true;
    e.walk(&mut |x| match x {
        Expr::Index(j) => ok &= *j != i,
        Expr::Delta(a, b) => ok &= *a != i && *b != i,
        Expr::Load(a) => ok &= !a.uses(i) || moves_unit(a, i, layout),
        _ => {}
    });
    ok
}

/// Whether `a` moves exactly one element (forward) per trip of `i`: `i`
/// appears once, with coefficient 1, in the subscript of one axis of unit
/// stride.
pub fn moves_unit(a: &Access, i: IndexId, layout: &LayoutClass) -> bool {
    let mut axes = a.index.iter().enumerate().filter(|(_, s)| s.uses(i));
    match (axes.next(), axes.next()) {
        (Some((axis, s)), None) => {
            s.coef(i) == 1
                && s.terms.iter().filter(|(j, _)| *j == i).count() == 1
                && layout.stride(a.tensor, axis) == Stride::Unit
        }
        _ => false,
    }
}
