//! The canonical order of the operands of sums and products.
//!
//! In: expressions of one [`Pool`]. Out: a total order that depends only on
//! structure and names (never on arena ids), so the same formula sorts and
//! prints the same way however it was built.
//!
//! Always: powers of one base sit together, higher exponents first
//! (`x^3 + 3x^2 + 3x + 1`); in a product, tensors sort by name (`X[i,k]
//! w[k]`); canonical bound indices compare by level, never by name, so
//! renaming bound indices changes nothing.

use super::{ExprId, Ix, Level, Node, Pool};
use std::cmp::Ordering;

/// Sorts the terms of a sum (constants are kept out by the caller).
pub fn sort_terms(pool: &mut Pool, terms: &mut [ExprId]) {
    let keys: Vec<(ExprId, num_rational::BigRational, ExprId)> = terms
        .iter()
        .map(|&t| {
            let (c, rest) = pool.split_coeff(t);
            (rest, c, t)
        })
        .collect();
    let mut keyed = keys;
    keyed.sort_by(|a, b| cmp_factor_lists(pool, a.0, b.0).then_with(|| a.1.cmp(&b.1)));
    for (slot, k) in terms.iter_mut().zip(keyed) {
        *slot = k.2;
    }
}

/// Sorts the factors of a product (the coefficient is kept out by the caller).
pub fn sort_factors(pool: &Pool, factors: &mut [ExprId]) {
    factors.sort_by(|&a, &b| cmp_expr(pool, a, b));
}

fn factors(pool: &Pool, e: ExprId) -> Vec<ExprId> {
    match pool.node(e) {
        Node::Mul(v) => v.clone(),
        _ => vec![e],
    }
}

fn cmp_factor_lists(pool: &Pool, a: ExprId, b: ExprId) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    cmp_lists(pool, &factors(pool, a), &factors(pool, b))
}

fn cmp_lists(pool: &Pool, a: &[ExprId], b: &[ExprId]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = cmp_expr(pool, *x, *y);
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

fn base_exp(pool: &Pool, e: ExprId) -> (ExprId, Option<ExprId>) {
    match pool.node(e) {
        Node::Pow(b, p) => (*b, Some(*p)),
        _ => (e, None),
    }
}

/// The total order on expressions.
pub fn cmp_expr(pool: &Pool, a: ExprId, b: ExprId) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (ba, ea) = base_exp(pool, a);
    let (bb, eb) = base_exp(pool, b);
    let o = cmp_atom(pool, ba, bb);
    if o != Ordering::Equal {
        return o;
    }
    // Same base: the higher exponent first (a missing exponent is 1).
    match (ea, eb) {
        (None, None) => Ordering::Equal,
        (Some(x), Some(y)) => cmp_exponent(pool, y, x),
        (Some(x), None) => cmp_exponent_one(pool, x).reverse(),
        (None, Some(y)) => cmp_exponent_one(pool, y),
    }
}

fn cmp_exponent(pool: &Pool, a: ExprId, b: ExprId) -> Ordering {
    match (pool.as_const(a), pool.as_const(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => cmp_expr(pool, a, b),
    }
}

/// How exponent `e` compares with 1.
fn cmp_exponent_one(pool: &Pool, e: ExprId) -> Ordering {
    match pool.as_const(e) {
        Some(x) => x.cmp(&num_rational::BigRational::from_integer(1.into())),
        None => Ordering::Greater,
    }
}

fn rank(n: &Node) -> u8 {
    match n {
        Node::Index(_) => 0,
        Node::Param(_) => 1,
        Node::Elem(..) => 2,
        Node::Delta(..) => 3,
        Node::Call(..) => 4,
        Node::Reduce(..) => 5,
        Node::Add(_) => 6,
        Node::Mul(_) => 7,
        Node::Pow(..) => 8,
        Node::Const(_) => 9,
    }
}

/// Compares two indices: free ones by name (then identity), bound ones by
/// level and bounds; free before bound.
pub fn cmp_index(pool: &Pool, a: Ix, b: Ix) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (x, y) = (pool.index(a), pool.index(b));
    match (x.level, y.level) {
        (Level::Free, Level::Free) => x.name.cmp(&y.name).then(a.cmp(&b)),
        (Level::Free, Level::Bound(_)) => Ordering::Less,
        (Level::Bound(_), Level::Free) => Ordering::Greater,
        (Level::Bound(l), Level::Bound(m)) => l
            .cmp(&m)
            .then_with(|| match (x.anchor, y.anchor) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
                (Some((t, p)), Some((u, q))) => {
                    (pool.names.tensor(t), p).cmp(&(pool.names.tensor(u), q))
                }
            })
            .then_with(|| match (x.bounds, y.bounds) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
                (Some((p, q)), Some((r, s))) => {
                    cmp_expr(pool, p, r).then_with(|| cmp_expr(pool, q, s))
                }
            })
            // Binders without bounds or anchor differ by name (`--dim`).
            .then_with(|| x.name.cmp(&y.name)),
    }
}

fn cmp_indices(pool: &Pool, a: &[Ix], b: &[Ix]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = cmp_index(pool, *x, *y);
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

fn cmp_atom(pool: &Pool, a: ExprId, b: ExprId) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (na, nb) = (pool.node(a), pool.node(b));
    let o = rank(na).cmp(&rank(nb));
    if o != Ordering::Equal {
        return o;
    }
    match (na, nb) {
        (Node::Const(x), Node::Const(y)) => x.cmp(y),
        (Node::Param(p), Node::Param(q)) => pool.names.params[p.index()]
            .cmp(&pool.names.params[q.index()])
            .then(p.cmp(q)),
        (Node::Index(i), Node::Index(j)) => cmp_index(pool, *i, *j),
        (Node::Elem(t, ix), Node::Elem(u, jx)) => pool
            .names
            .tensor(*t)
            .cmp(pool.names.tensor(*u))
            .then_with(|| cmp_indices(pool, ix, jx)),
        (Node::Delta(a1, a2), Node::Delta(b1, b2)) => cmp_indices(pool, &[*a1, *a2], &[*b1, *b2]),
        (Node::Call(f, xs), Node::Call(g, ys)) => f.cmp(g).then_with(|| cmp_lists(pool, xs, ys)),
        (Node::Reduce(k, i, x), Node::Reduce(l, j, y)) => k
            .cmp(l)
            .then_with(|| cmp_index(pool, *i, *j))
            .then_with(|| cmp_expr(pool, *x, *y)),
        (Node::Add(xs), Node::Add(ys)) | (Node::Mul(xs), Node::Mul(ys)) => cmp_lists(pool, xs, ys),
        (Node::Pow(x, p), Node::Pow(y, q)) => {
            cmp_expr(pool, *x, *y).then_with(|| cmp_expr(pool, *p, *q))
        }
        _ => Ordering::Equal,
    }
}
