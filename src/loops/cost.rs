//! The arithmetic a kernel does per call, counted on its loop IR.
//!
//! In: an [`ir::Func`](crate::loops::ir::Func) and the [`Bound`] of the call. Out: the number of
//! floating-point operations: per statement, its value's operations
//! (an n-ary `add`/`mul` is n-1; `neg`, `sq`, `div`, `pow` and calls 1;
//! loads, indices and deltas 0), plus 1 for each accumulation (a
//! reduction's trip, an update), times the trips of the loops around it;
//! a GEMM node 2·batch·m·n·k (its factor alpha left out).
//!
//! Always: it counts exactly the statements the code generator emits,
//! where it emits them (hoisted values once per trip of the loops still
//! around them).

use super::ir::{Block, Expr, Func, Op, Stmt};
use crate::sema::Bound;

/// Operations per call.
pub fn flops(f: &Func, bound: &Bound) -> f64 {
    let mut total = 0.0;
    for b in &f.blocks {
        total += list(&b.body, 1.0, bound);
    }
    total
}

/// The loop trips of one block per call: every statement once per trip
/// of the loops around it (a GEMM node its m n k); what decides whether a
/// block is worth threads.
pub fn block_trips(b: &Block, bound: &Bound) -> f64 {
    fn list(stmts: &[Stmt], trips: f64, bound: &Bound) -> f64 {
        stmts
            .iter()
            .map(|s| match s {
                Stmt::Loop { index, body, .. } | Stmt::Reduce { index, body, .. } => {
                    let t = trips * bound.range(*index).len as f64;
                    t + list(body, t, bound)
                }
                Stmt::Gemm { .. } => stmt(s, trips, bound) / 2.0,
                _ => trips,
            })
            .sum()
    }
    list(&b.body, 1.0, bound)
}

fn list(stmts: &[Stmt], trips: f64, bound: &Bound) -> f64 {
    stmts.iter().map(|s| stmt(s, trips, bound)).sum()
}

fn stmt(s: &Stmt, trips: f64, bound: &Bound) -> f64 {
    match s {
        Stmt::Loop { index, body, .. } => list(body, trips * bound.range(*index).len as f64, bound),
        Stmt::Reduce {
            index, body, value, ..
        } => {
            let t = trips * bound.range(*index).len as f64;
            list(body, t, bound) + t * (ops(value) + 1.0)
        }
        Stmt::Let { value, .. } | Stmt::Store { value, .. } => trips * ops(value),
        Stmt::Update { value, .. } => trips * (ops(value) + 1.0),
        Stmt::Gemm(g) => {
            // 2mnk per batch element: one multiply and one add per term.
            let len: f64 = g
                .indices()
                .iter()
                .map(|(i, _)| bound.range(*i).len as f64)
                .product();
            trips * 2.0 * len
        }
    }
}

fn ops(e: &Expr) -> f64 {
    let mut n = 0.0;
    e.walk(&mut |x| {
        if let Expr::Op(op, args) = x {
            n += match op {
                Op::Add | Op::Mul => args.len().saturating_sub(1) as f64,
                _ => 1.0,
            };
        }
    });
    n
}
