//! Pass: hoisting loop-invariant values.
//!
//! In: an [`ir::Func`](crate::loops::ir::Func). Out: the same function where, for every loop
//! (space, reduce, or a register reduction), each let and each register
//! reduction of its body that depends neither on the loop's index nor on
//! anything defined inside the loop is moved just before the loop, and
//! every maximal subexpression of the body's values with that property
//! (other than numbers, parameters, index values and references) becomes
//! a new let just before the loop. Inner loops are done first, so a value
//! rises as far out as its indices allow.
//!
//! A product whose factors are partly invariant is regrouped first (its
//! `mul` tree flattened, the invariant factors multiplied together), so
//! `mul(-2, mul(X[i,k], %t))` in a loop over k becomes `mul(X[i,k], %h)`
//! with `%h = mul(-2, %t)` before the loop: one multiplication per trip
//! instead of two. (Reassociating a product moves its rounding by an ulp
//! or so, within the bound of docs/numbers.md.)
//!
//! Always: the same operations compute the same values (a value is
//! computed once instead of once per trip); stores and updates never move;
//! a hoisted access uses only indices bound outside the loop, so it is in
//! bounds whenever the statement it came from was.

use super::ir::{Expr, Func, IndexId, LetId, Stmt};
use std::collections::HashSet;

/// Runs the pass on every block.
pub fn hoist(f: &mut Func) {
    let mut next = f.next_let;
    for b in &mut f.blocks {
        b.body = list(std::mem::take(&mut b.body), &mut next);
    }
    f.next_let = next;
}

fn list(stmts: Vec<Stmt>, next: &mut u32) -> Vec<Stmt> {
    let mut out = Vec::with_capacity(stmts.len());
    for s in stmts {
        match s {
            Stmt::Loop {
                index,
                kind,
                simd,
                body,
            } => {
                let body = list(body, next);
                let mut inside = Inside::new(index);
                let body = pull(body, &mut inside, &mut out, next);
                out.push(Stmt::Loop {
                    index,
                    kind,
                    simd,
                    body,
                });
            }
            Stmt::Reduce {
                acc,
                op,
                index,
                lanes,
                simd,
                body,
                mut value,
            } => {
                let body = list(body, next);
                let mut inside = Inside::new(index);
                let body = pull(body, &mut inside, &mut out, next);
                extract(&mut value, &inside, &mut out, next);
                out.push(Stmt::Reduce {
                    acc,
                    op,
                    index,
                    lanes,
                    simd,
                    body,
                    value,
                });
            }
            s => out.push(s),
        }
    }
    out
}

/// What a loop's body defines: its index, and the lets and accumulators
/// that stay inside.
struct Inside {
    index: IndexId,
    lets: HashSet<LetId>,
    accs: HashSet<super::ir::AccId>,
}

impl Inside {
    fn new(index: IndexId) -> Inside {
        Inside {
            index,
            lets: HashSet::new(),
            accs: HashSet::new(),
        }
    }

    /// Whether `e` needs nothing defined inside the loop.
    fn invariant(&self, e: &Expr) -> bool {
        let mut ok = true;
        e.walk(&mut |x| {
            ok &= match x {
                Expr::Let(t) => !self.lets.contains(t),
                Expr::Acc(a) => !self.accs.contains(a),
                _ => true,
            }
        });
        ok && !e.uses_index(self.index)
    }

    fn stmt_invariant(&self, s: &Stmt) -> bool {
        let mut ok = true;
        s.walk(&mut |x| {
            for e in x.exprs() {
                ok &= self.invariant(e);
            }
        });
        ok
    }
}

/// Moves what `body` need not compute per trip to `out`; returns the rest.
fn pull(body: Vec<Stmt>, inside: &mut Inside, out: &mut Vec<Stmt>, next: &mut u32) -> Vec<Stmt> {
    let mut kept = Vec::with_capacity(body.len());
    for s in body {
        match s {
            Stmt::Let { id, mut value } => {
                if inside.invariant(&value) {
                    out.push(Stmt::Let { id, value });
                } else {
                    extract(&mut value, inside, out, next);
                    inside.lets.insert(id);
                    kept.push(Stmt::Let { id, value });
                }
            }
            Stmt::Reduce { acc, .. } => {
                if inside.stmt_invariant(&s) {
                    out.push(s);
                } else {
                    inside.accs.insert(acc);
                    kept.push(s);
                }
            }
            Stmt::Store { dst, mut value } => {
                extract(&mut value, inside, out, next);
                kept.push(Stmt::Store { dst, value });
            }
            Stmt::Update { dst, op, mut value } => {
                extract(&mut value, inside, out, next);
                kept.push(Stmt::Update { dst, op, value });
            }
            s => kept.push(s),
        }
    }
    kept
}

/// Replaces every maximal invariant, non-trivial subexpression of `e` by a
/// new let in `out`.
fn extract(e: &mut Expr, inside: &Inside, out: &mut Vec<Stmt>, next: &mut u32) {
    if inside.invariant(e) {
        let trivial = matches!(
            e,
            Expr::Const(_) | Expr::Param(_) | Expr::Index(_) | Expr::Let(_) | Expr::Acc(_)
        );
        if !trivial {
            let id = LetId(*next);
            *next += 1;
            let value = std::mem::replace(e, Expr::Let(id));
            out.push(Stmt::Let { id, value });
        }
        return;
    }
    regroup(e, inside);
    if let Expr::Op(_, args) = e {
        for a in args {
            extract(a, inside, out, next);
        }
    }
}

/// A product (a tree of `mul`s) with at least two invariant factors and a
/// variant one becomes `mul(variant factors.., mul(invariant factors))`.
fn regroup(e: &mut Expr, inside: &Inside) {
    if !matches!(e, Expr::Op(super::ir::Op::Mul, _)) {
        return;
    }
    fn factors(e: Expr, into: &mut Vec<Expr>) {
        match e {
            Expr::Op(super::ir::Op::Mul, args) => args.into_iter().for_each(|a| factors(a, into)),
            e => into.push(e),
        }
    }
    let mut all = Vec::new();
    factors(e.clone(), &mut all);
    let (inv, mut var): (Vec<Expr>, Vec<Expr>) = all.into_iter().partition(|f| inside.invariant(f));
    if inv.len() < 2 || var.is_empty() {
        return;
    }
    var.push(Expr::Op(super::ir::Op::Mul, inv));
    *e = Expr::Op(super::ir::Op::Mul, var);
}
