//! One sum for a derivative that is several sums over one index with a
//! common factor: `sum_i X[i,b] A[i,a] - sum_i X[i,b] B[i,a]` becomes
//! `sum_i X[i,b] G[i,a]` with `G[i,a] = A[i,a] - B[i,a]` a derived
//! definition, as reverse mode writes it (the adjoint of a linear layer's
//! output), so the gradient runs one contraction (a GEMM) instead of one
//! strided pass per term.
//!
//! In: a derivative's body and the statement it belongs to. Out: an equal
//! body, and the new definition (placed before the statement) when two or
//! more terms were gathered. Always: the terms gathered are sums over one
//! range (the same written bounds, else the same anchor axis), each with the common factor
//! in its product; `G`'s axes are the opened binder then its other free
//! indices, each subscripting a tensor in `G` (so its extent is
//! inferred); every other term is left as it was.

use super::defs::{SymDef, SymProgram};
use super::pool::{ExprId, Ix, Node, Pool};
use super::simplify::{simplify, subscripts};
use crate::diagnostics::Span;
use crate::sema::{DefId, TensorRef};
use crate::syntax::token::ReduceKind;

/// `r` with its sums over one binder gathered (see the module comment);
/// the new definition is named `{base}_{binder}` (made unique).
pub fn gather(sp: &mut SymProgram, r: ExprId, current: DefId, span: Span, base: &str) -> ExprId {
    let Node::Add(terms) = sp.pool.node(r).clone() else {
        return r;
    };
    // The binder most terms sum over.
    let mut split = Vec::new();
    for &t in &terms {
        let (c, rest) = sp.pool.split_coeff(t);
        match sp.pool.node(rest) {
            Node::Reduce(ReduceKind::Sum, i, body) => split.push((t, Some((c, *i, *body)))),
            _ => split.push((t, None)),
        }
    }
    let mut best: Option<(Ix, usize)> = None;
    for (_, s) in &split {
        if let Some((_, i, _)) = s {
            let n = split
                .iter()
                .filter(|(_, x)| x.as_ref().is_some_and(|x| same_range(&sp.pool, x.1, *i)))
                .count();
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((*i, n));
            }
        }
    }
    let Some((binder, n)) = best else { return r };
    if n < 2 {
        return r;
    }
    let pool = &mut sp.pool;
    let info = pool.index(binder).clone();
    let j = pool.fresh_index(&info.name, info.bounds);
    pool.set_anchor(j, info.anchor);
    let mut gathered = Vec::new();
    let mut others = Vec::new();
    for (t, s) in &split {
        match s {
            Some((c, i, body)) if same_range(pool, *i, binder) => {
                let b = pool.rename(*body, *i, j);
                gathered.push((c.clone(), b));
            }
            _ => others.push(*t),
        }
    }
    // The factors every gathered body has, that read the binder.
    let factors = |pool: &Pool, e: ExprId| -> Vec<ExprId> {
        match pool.node(e) {
            Node::Mul(fs) => fs.clone(),
            _ => vec![e],
        }
    };
    let mut common: Vec<ExprId> = factors(pool, gathered[0].1)
        .into_iter()
        .filter(|&f| matches!(pool.node(f), Node::Elem(..)) && pool.free(f).contains(&j))
        .collect();
    for (_, b) in &gathered[1..] {
        let fs = factors(pool, *b);
        common.retain(|f| fs.contains(f));
    }
    if common.is_empty() {
        return r;
    }
    let f = pool.mul(common);
    let mut parts = Vec::new();
    for (c, b) in &gathered {
        let k = pool.konst(c.clone());
        let q = pool.div(*b, f);
        parts.push(pool.mul2(k, q));
    }
    let g = pool.add(parts);
    let g = simplify(pool, g);
    if !matches!(pool.node(g), Node::Add(_)) {
        return r;
    }
    let mut axes = vec![j];
    axes.extend(pool.free(g).iter().copied().filter(|&x| x != j));
    if axes.len() > crate::sema::MAX_INDICES || !axes.iter().all(|&x| subscripts(pool, g, x)) {
        return r;
    }
    let name = sp.unique_name(&format!("{base}_{}", info.name));
    let id = sp.insert_def(
        SymDef {
            name: Some(name),
            axes: axes.clone(),
            body: g,
            span,
            derived: true,
        },
        current,
    );
    let pool = &mut sp.pool;
    let elem = pool.elem(TensorRef::Def(id), axes);
    let body = pool.mul2(f, elem);
    let sum = pool.reduce(ReduceKind::Sum, j, body);
    others.push(sum);
    pool.add(others)
}

/// Whether two canonical binders range over the same values: the same
/// written bounds, else the same anchor axis, else the same name (what
/// `--dim` gives an extent to); their levels may differ.
fn same_range(pool: &Pool, a: Ix, b: Ix) -> bool {
    let (x, y) = (pool.index(a), pool.index(b));
    x.bounds == y.bounds
        && x.anchor == y.anchor
        && (x.bounds.is_some() || x.anchor.is_some() || x.name == y.name)
}
