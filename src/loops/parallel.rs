//! Pass: the index each block's trips are split over when a call runs on
//! several threads.
//!
//! In: a loop IR after every other pass. Out: the same IR with
//! [`Block::par`] set, where the block has one of two shapes:
//! - **space** (`par i`): the outermost space loop (an axis of every
//!   definition) that encloses every store and update of the block; for a
//!   matrix-vector GEMM node, its first m index;
//! - **sum** (`par sum i (L, g)`), where there is no space split: the block
//!   is one sum over `i` whose result is stored, as it is or times a
//!   constant (`%a = sum i {..}; store L = %a`), or one loop over `i`
//!   after statements that only zero some tensors, where every write
//!   inside either has `i` itself as a subscript or adds (`update +=`)
//!   into one of those zeroed tensors without `i` (what [`super::fuse`]
//!   makes). The tensors summed into are the block's `partial` ones.
//!
//! Always: for a space split, splitting the index's range into pieces and
//! running the block once per piece (in any order, at once) computes
//! exactly what one run over the whole range does, bit for bit: each piece
//! writes only the elements whose subscript along that axis lies in its
//! piece, reads nothing another piece writes, and computes every element
//! by the same operations in the same order. For a sum split, a piece run
//! with its own zeroed scratch for each partial tensor leaves there the
//! sum of its own trips' terms (times the constant), writes its other
//! elements exactly as one run would, and reads no partial tensor; so
//! the scratches added up give the block's value, with the sum's terms
//! regrouped by piece (LANGUAGE.md §4 allows it; the pieces depend only on
//! the extents, see `jit::threads`).

use super::ir::{Access, Affine, Block, Expr, Func, IndexId, LoopKind, Op, Par, Stmt, TensorId};
use crate::syntax::token::ReduceKind;

/// Sets `par` on every block that has such a split.
pub fn parallel(f: &mut Func) {
    for b in &mut f.blocks {
        b.par = space(b)
            .map(|index| Par {
                index,
                partial: Vec::new(),
            })
            .or_else(|| sum(b));
    }
}

fn space(b: &Block) -> Option<IndexId> {
    // A matrix-vector product (a GEMM node without n): the library runs it
    // on one thread, so its rows are split here (each row of C is the
    // same dot product whichever piece computes it). Other GEMM nodes
    // thread inside the library.
    if let [Stmt::Gemm(g)] = b.body.as_slice() {
        return match (g.n.is_empty(), g.m.first()) {
            (true, Some(&m)) => Some(m),
            _ => None,
        };
    }
    // Walk down: the first space loop whose body holds every write of the
    // block. A statement list may go on only through its one loop that
    // holds all writes.
    let mut list: &[Stmt] = &b.body;
    loop {
        let writing: Vec<&Stmt> = list.iter().filter(|s| writes(s)).collect();
        match writing.as_slice() {
            [
                Stmt::Loop {
                    index,
                    kind: LoopKind::Space,
                    ..
                },
            ] if b.defs.iter().all(|d| d.axes.contains(index)) => return Some(*index),
            [Stmt::Loop { body, .. }] => list = body,
            _ => return None,
        }
    }
}

/// A sum split, if the block has that shape (see the module doc).
fn sum(b: &Block) -> Option<Par> {
    let writing: Vec<&Stmt> = b.body.iter().filter(|s| writes(s)).collect();
    // One stored sum.
    if let [Stmt::Store { dst, value }] = writing.as_slice()
        && dst.index.iter().all(|a| a.terms.is_empty())
        && let Some(acc) = linear_in_acc(value)
    {
        let reduce = b.body.iter().find_map(|s| match s {
            Stmt::Reduce {
                acc: a,
                op: ReduceKind::Sum,
                index,
                body,
                ..
            } if *a == acc && !body.iter().any(writes) => Some(*index),
            _ => None,
        })?;
        return Some(Par {
            index: reduce,
            partial: vec![dst.tensor],
        });
    }
    // Zeroing statements, then one loop over the sum index.
    let (main, inits) = writing.split_last()?;
    let Stmt::Loop { index: i, body, .. } = main else {
        return None;
    };
    let mut zeroed: Vec<TensorId> = Vec::new();
    for s in inits {
        let mut ok = true;
        s.walk(&mut |x| match x {
            Stmt::Store {
                dst,
                value: Expr::Const(c),
            } if *c == 0.0 => zeroed.push(dst.tensor),
            Stmt::Store { .. } | Stmt::Update { .. } | Stmt::Gemm(_) => ok = false,
            _ => {}
        });
        if !ok {
            return None;
        }
    }
    let mut partial: Vec<TensorId> = Vec::new();
    let mut ok = true;
    for s in body {
        s.walk(&mut |x| match x {
            Stmt::Update {
                dst,
                op: ReduceKind::Sum,
                ..
            } if !dst.uses(*i) && zeroed.contains(&dst.tensor) => {
                partial.push(dst.tensor);
            }
            Stmt::Store { dst, .. } | Stmt::Update { dst, .. } => {
                ok &= along(dst, *i) && !zeroed.contains(&dst.tensor)
            }
            Stmt::Gemm(_) => ok = false,
            _ => {}
        });
    }
    partial.sort_unstable();
    partial.dedup();
    // A partial tensor is never read (its scratch holds a piece's part).
    let mut reads_partial = false;
    for s in &b.body {
        s.walk(&mut |x| {
            for e in x.exprs() {
                e.walk(&mut |e| {
                    if let Expr::Load(a) = e {
                        reads_partial |= partial.contains(&a.tensor);
                    }
                });
            }
        });
    }
    (ok && !reads_partial && !partial.is_empty() && partial.len() == zeroed_distinct(&zeroed))
        .then_some(Par { index: *i, partial })
}

fn zeroed_distinct(z: &[TensorId]) -> usize {
    let mut v = z.to_vec();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// The accumulator `value` is, or a constant times (`mul(c, %a)`).
fn linear_in_acc(value: &Expr) -> Option<super::ir::AccId> {
    match value {
        Expr::Acc(a) => Some(*a),
        Expr::Op(Op::Mul, args) => match args.as_slice() {
            [Expr::Const(_), Expr::Acc(a)] | [Expr::Acc(a), Expr::Const(_)] => Some(*a),
            _ => None,
        },
        _ => None,
    }
}

/// Whether one axis of `a` is subscripted by exactly `i`.
fn along(a: &Access, i: IndexId) -> bool {
    a.index.iter().any(|s| *s == Affine::index(i))
}

/// Whether a statement stores or updates memory (itself or inside).
fn writes(s: &Stmt) -> bool {
    let mut w = false;
    s.walk(&mut |x| {
        w |= matches!(
            x,
            Stmt::Store { .. } | Stmt::Update { .. } | Stmt::Gemm { .. }
        )
    });
    w
}
