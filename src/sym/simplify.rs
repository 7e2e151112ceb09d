//! The simplifier: named rewrite rules, applied bottom-up to a fixpoint
//! under a fuel limit.
//!
//! In: an expression of a [`Pool`]. Out: an equal-valued expression in which
//! no rule applies (or the fuel ran out, which only leaves it less simple).
//!
//! The algebra that always holds is done by the pool's smart constructors
//! (constant folding, `x+0`, `x·1`, `x·0`, `x^0`, `x^1`, like terms, merged
//! powers). The rules here are the ones about binders and functions, each
//! one small function in [`RULES`] with its own test:
//! - `sum_split`: `sum_j (a + b)` is `sum_j a + sum_j b` (for an inferred
//!   extent, only when every piece still subscripts a tensor with j, or
//!   holds a delta on j, from which the extent is inferred);
//! - `sum_pull`: factors that do not depend on `j` leave `sum_j`;
//! - `const_body`: `sum_{i=lo}^{hi} b` is `(hi - lo + 1) b` and
//!   `prod_{i=lo}^{hi} b` is `b^(hi - lo + 1)` when b does not depend on i;
//! - `empty_range`: `sum_{i=LO}^{HI} f` is 0 and `prod_{i=LO}^{HI} f` is 1
//!   when LO and HI are integers with HI < LO (the body is never evaluated,
//!   so it need not be simplified away first: `sum_{j=1}^{0} delta[i,j]`);
//! - `delta_distribute`: `sum_j f (g + delta[j,k])` distributes the sum that
//!   holds the delta, so `delta_contract` can see it;
//! - `delta_contract`: `sum_j f(j) delta[j,k]` is `f(k)` when that is exact
//!   (every value of k is one j takes): both extents inferred (delta
//!   partners share an extent), the same written bounds, constant bounds
//!   inside constant bounds, or j inferred and k's written bounds known to
//!   fit an axis j runs over ([`Pool::fits`]); otherwise the sum stays,
//!   correct;
//!   `delta[i,i]` is 1 and chains `sum_j delta[i,j] delta[j,k]` are
//!   `delta[i,k]` through the same rule;
//! - `log_prod`: `log(prod_i x[i])` is `sum_i log(abs(x[i]))`, or
//!   `sum_i log(x[i])` where x is known non-negative ([`nonneg`]): the
//!   sum of logs cannot underflow, and where the product's log is finite
//!   (the product is positive) the two agree;
//! - `log_pow`: `log(x^p)` is `p log(x)` (`p log(abs(x))` for an even
//!   integer p);
//! - `log_mul`: `log(a b)` is `log(abs(a)) + log(abs(b))`, each `abs`
//!   dropped where its factor is known non-negative (so the log of a
//!   softmax, `log(exp(z[i]) / sum_j exp(z[j]))`, is `z[i] - log(sum_j
//!   exp(z[j]))`);
//! - `log_exp`, `exp_log`: `log(exp(x))` and `exp(log(x))` are `x`.

use super::pool::{ExprId, Ix, Node, Pool};
use crate::syntax::token::{Func, ReduceKind};
use num_integer::Integer;
use num_traits::Signed;
use rustc_hash::FxHashMap as HashMap;

/// A rewrite rule: `Some(new)` when it applies to the node `e` (whose
/// children are already simplified).
pub type Rule = fn(&mut Pool, ExprId) -> Option<ExprId>;

/// Every rule, by name, in the order they are tried.
pub const RULES: &[(&str, Rule)] = &[
    ("sum_split", sum_split),
    ("sum_pull", sum_pull),
    ("const_body", const_body),
    ("empty_range", empty_range),
    ("delta_contract", delta_contract),
    ("delta_distribute", delta_distribute),
    ("log_prod", log_prod),
    ("log_pow", log_pow),
    ("log_mul", log_mul),
    ("log_exp", log_exp),
    ("exp_log", exp_log),
];

/// How many bottom-up passes [`simplify`] makes at most.
pub const FUEL: usize = 32;

/// Simplifies `e` with every rule.
pub fn simplify(pool: &mut Pool, e: ExprId) -> ExprId {
    simplify_with(pool, e, RULES)
}

/// Simplifies `e` with the given rules only (tests use one rule at a time).
pub fn simplify_with(pool: &mut Pool, e: ExprId, rules: &[(&str, Rule)]) -> ExprId {
    let mut cur = e;
    for _ in 0..FUEL {
        let mut memo = HashMap::default();
        let next = pass(pool, cur, rules, &mut memo);
        if next == cur || pool.too_big() {
            return next;
        }
        cur = next;
    }
    cur
}

/// One bottom-up pass: children first, then the rules at this node until
/// none applies (each application counts against a local fuel).
fn pass(
    pool: &mut Pool,
    e: ExprId,
    rules: &[(&str, Rule)],
    memo: &mut HashMap<ExprId, ExprId>,
) -> ExprId {
    if let Some(&r) = memo.get(&e) {
        return r;
    }
    let cs = pool.children(e);
    let mut cur = if cs.is_empty() {
        e
    } else {
        let new: Vec<ExprId> = cs.iter().map(|&c| pass(pool, c, rules, memo)).collect();
        if new == cs { e } else { pool.rebuild(e, &new) }
    };
    let mut fuel = FUEL;
    'outer: while fuel > 0 {
        for (_, rule) in rules {
            if let Some(next) = rule(pool, cur)
                && next != cur
            {
                fuel -= 1;
                // The rewritten node's new children may simplify further.
                cur = if next == e {
                    next
                } else {
                    pass(pool, next, rules, memo)
                };
                continue 'outer;
            }
        }
        break;
    }
    memo.insert(e, cur);
    cur
}

fn as_sum(pool: &Pool, e: ExprId) -> Option<(Ix, ExprId)> {
    match pool.node(e) {
        Node::Reduce(ReduceKind::Sum, i, b) => Some((*i, *b)),
        _ => None,
    }
}

/// `sum_j (a + b)` is `sum_j a + sum_j b`.
pub fn sum_split(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let (i, body) = as_sum(pool, e)?;
    let Node::Add(terms) = pool.node(body).clone() else {
        return None;
    };
    // An index with an inferred extent gets it from the tensors it
    // subscripts: every piece must still subscript one.
    if pool.index(i).bounds.is_none() && !terms.iter().all(|&t| gives_extent(pool, t, i)) {
        return None;
    }
    let sums: Vec<ExprId> = terms.into_iter().map(|t| pool.reduce_like(e, t)).collect();
    Some(pool.add(sums))
}

/// Whether index `i` subscripts a tensor somewhere in `e` (so a sum over
/// `e` alone can infer its extent).
pub fn subscripts(pool: &Pool, e: ExprId, i: Ix) -> bool {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut stack = vec![e];
    while let Some(n) = stack.pop() {
        if !seen.insert(n) || !pool.depends_on_index(n, i) {
            continue;
        }
        if let Node::Elem(_, ixs) = pool.node(n)
            && ixs.contains(&i)
        {
            return true;
        }
        stack.extend(pool.children(n));
    }
    false
}

/// Whether `e` gives index `i` an extent: `i` subscripts a tensor, or meets
/// a partner in a delta (which `bind` then takes the range of).
pub fn gives_extent(pool: &Pool, e: ExprId, i: Ix) -> bool {
    subscripts(pool, e, i)
        || pool
            .dag_nodes(e)
            .into_iter()
            .any(|n| matches!(pool.node(n), Node::Delta(a, b) if *a == i || *b == i))
}

/// Factors of `sum_j` that do not depend on j move out of it.
pub fn sum_pull(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let (i, body) = as_sum(pool, e)?;
    let Node::Mul(fs) = pool.node(body).clone() else {
        return None;
    };
    let (out, inside): (Vec<ExprId>, Vec<ExprId>) =
        fs.into_iter().partition(|&f| !pool.depends_on_index(f, i));
    if out.is_empty() || inside.is_empty() {
        return None;
    }
    let inner = pool.mul(inside);
    let s = pool.reduce_like(e, inner);
    let mut all = out;
    all.push(s);
    Some(pool.mul(all))
}

/// A sum or product with written bounds whose body does not depend on its
/// index: `(hi - lo + 1) b`, `b^(hi - lo + 1)`. (Symbolic bounds are assumed
/// to describe a range of length at least 0.)
pub fn const_body(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let Node::Reduce(kind, i, body) = pool.node(e).clone() else {
        return None;
    };
    if pool.depends_on_index(body, i) {
        return None;
    }
    let (lo, hi) = pool.index(i).bounds?;
    let one = pool.one();
    let nlo = pool.neg(lo);
    let mut len = pool.add(vec![hi, nlo, one]);
    if let Some(n) = pool.as_const(len)
        && n < &num_rational::BigRational::from_integer(0.into())
    {
        len = pool.zero();
    }
    Some(match kind {
        ReduceKind::Sum => pool.mul2(len, body),
        ReduceKind::Prod => pool.pow(body, len),
    })
}

/// A sum or product over constant integer bounds `LO..=HI` with `HI < LO`:
/// 0 or 1.
pub fn empty_range(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let Node::Reduce(kind, i, _) = *pool.node(e) else {
        return None;
    };
    let (lo, hi) = pool.index(i).bounds?;
    let int = |x: ExprId| pool.as_const(x).filter(|r| r.is_integer());
    if int(hi)? >= int(lo)? {
        return None;
    }
    Some(match kind {
        ReduceKind::Sum => pool.zero(),
        ReduceKind::Prod => pool.one(),
    })
}

/// Whether `delta[j,k]` may be contracted against a sum over `j` (whose
/// body is `body`): when every value k takes is one that j takes too, so
/// the sum picks exactly one term.
/// - j and k both inferred: `bind` checks that their extents agree;
/// - j and k with the same written bounds, or constant bounds with k's
///   range inside j's;
/// - j inferred (0..n, n the length of j's anchor or of an axis it
///   subscripts in `body`) and k with written bounds known to fit that
///   axis ([`Pool::fits`]). Without such an axis (j's extent from `--dim`
///   or only from the delta) the sum stays: `--dim` may make j's range
///   shorter than k's.
fn exact_partner(pool: &Pool, body: ExprId, j: Ix, k: Ix) -> bool {
    match (pool.index(j).bounds, pool.index(k).bounds) {
        (None, None) => true,
        (Some(b), Some(c)) => b == c || const_inside(pool, c, b),
        (Some(_), None) => false,
        (None, Some(c)) => {
            let mut axes: Vec<(crate::sema::TensorRef, usize)> = subscripted_axes(pool, body, j);
            axes.extend(pool.index(j).anchor);
            axes.into_iter().any(|(t, axis)| pool.fits(c, t, axis))
        }
    }
}

/// Whether constant bounds `inner` describe a range inside constant bounds
/// `outer` (or an empty one).
fn const_inside(pool: &Pool, inner: (ExprId, ExprId), outer: (ExprId, ExprId)) -> bool {
    let c = |e: ExprId| pool.as_const(e).filter(|r| r.is_integer()).cloned();
    match (c(inner.0), c(inner.1), c(outer.0), c(outer.1)) {
        (Some(lo), Some(hi), Some(olo), Some(ohi)) => hi < lo || (olo <= lo && hi <= ohi),
        _ => false,
    }
}

/// The tensor axes that index `i` subscripts in `e`.
fn subscripted_axes(pool: &Pool, e: ExprId, i: Ix) -> Vec<(crate::sema::TensorRef, usize)> {
    let mut out = Vec::new();
    for n in pool.dag_nodes(e) {
        if !pool.depends_on_index(n, i) {
            continue;
        }
        if let Node::Elem(t, ixs) = pool.node(n) {
            for (axis, &x) in ixs.iter().enumerate() {
                if x == i && !out.contains(&(*t, axis)) {
                    out.push((*t, axis));
                }
            }
        }
    }
    out
}

/// `sum_j f(j) delta[j,k]` is `f(k)`.
pub fn delta_contract(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let (j, body) = as_sum(pool, e)?;
    let factors = match pool.node(body) {
        Node::Mul(fs) => fs.clone(),
        _ => vec![body],
    };
    for (pos, &f) in factors.iter().enumerate() {
        let Node::Delta(a, b) = *pool.node(f) else {
            continue;
        };
        let k = if a == j {
            b
        } else if b == j {
            a
        } else {
            continue;
        };
        if !exact_partner(pool, body, j, k) {
            continue;
        }
        let mut rest = factors.clone();
        rest.remove(pos);
        let rest = pool.mul(rest);
        return Some(pool.rename(rest, j, k));
    }
    None
}

/// In `sum_j f (g + h)`, where a term of the sum-of-terms factor holds a
/// delta on j, distribute that factor.
pub fn delta_distribute(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let (j, body) = as_sum(pool, e)?;
    let Node::Mul(fs) = pool.node(body).clone() else {
        return None;
    };
    let pos = fs.iter().position(|&f| match pool.node(f) {
        Node::Add(ts) => ts.iter().any(|&t| has_delta_factor(pool, t, j)),
        _ => false,
    })?;
    let Node::Add(ts) = pool.node(fs[pos]).clone() else {
        return None;
    };
    let mut others = fs.clone();
    others.remove(pos);
    let terms: Vec<ExprId> = ts
        .into_iter()
        .map(|t| {
            let mut v = others.clone();
            v.push(t);
            pool.mul(v)
        })
        .collect();
    let sum = pool.add(terms);
    Some(pool.reduce_like(e, sum))
}

fn has_delta_factor(pool: &Pool, t: ExprId, j: Ix) -> bool {
    let is = |f: &ExprId| matches!(pool.node(*f), Node::Delta(a, b) if *a == j || *b == j);
    match pool.node(t) {
        Node::Mul(fs) => fs.iter().any(is),
        _ => is(&t),
    }
}

fn call1(pool: &Pool, e: ExprId, f: Func) -> Option<ExprId> {
    match pool.node(e) {
        Node::Call(g, args) if *g == f && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

/// Whether `e` is known to be >= 0 wherever it is defined, from its form
/// alone: non-negative constants, deltas, `exp`, `abs`, `sqrt`, even
/// powers, and sums, products, powers, sums and products over ranges of
/// such (looked at to a bounded depth).
pub fn nonneg(pool: &Pool, e: ExprId) -> bool {
    fn go(pool: &Pool, e: ExprId, depth: u32) -> bool {
        if depth == 0 {
            return false;
        }
        let d = depth - 1;
        match pool.node(e) {
            Node::Const(c) => !c.is_negative(),
            Node::Delta(..) => true,
            Node::Call(Func::Exp | Func::Abs | Func::Sqrt, _) => true,
            Node::Call(Func::Max, args) => args.iter().any(|&a| go(pool, a, d)),
            Node::Call(Func::Min, args) => args.iter().all(|&a| go(pool, a, d)),
            Node::Pow(b, p) => {
                pool.as_const(*p)
                    .is_some_and(|r| r.is_integer() && r.to_integer().is_even())
                    || go(pool, *b, d)
            }
            Node::Add(xs) | Node::Mul(xs) => xs.iter().all(|&x| go(pool, x, d)),
            Node::Reduce(_, _, body) => go(pool, *body, d),
            _ => false,
        }
    }
    go(pool, e, 32)
}

/// `log(x)` for a factor `x` of a product whose log is taken: `log(x)` if
/// `x` is known non-negative, else `log(abs(x))`.
fn log_of_factor(pool: &mut Pool, x: ExprId) -> ExprId {
    let x = if nonneg(pool, x) {
        x
    } else {
        pool.call(Func::Abs, vec![x])
    };
    pool.call(Func::Log, vec![x])
}

/// `log(prod_i x[i])` is `sum_i log(abs(x[i]))` (no `abs` where x is
/// known non-negative).
pub fn log_prod(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let arg = call1(pool, e, Func::Log)?;
    let Node::Reduce(ReduceKind::Prod, i, body) = *pool.node(arg) else {
        return None;
    };
    let l = log_of_factor(pool, body);
    Some(pool.reduce(ReduceKind::Sum, i, l))
}

/// `log(x^p)` is `p log(x)`; for an even integer p, `p log(abs(x))`,
/// which keeps the value where x is negative (`log(x^2)` is finite there).
pub fn log_pow(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let arg = call1(pool, e, Func::Log)?;
    let Node::Pow(b, p) = *pool.node(arg) else {
        return None;
    };
    let even = pool
        .as_const(p)
        .is_some_and(|r| r.is_integer() && r.to_integer().is_even());
    let b = if even {
        pool.call(Func::Abs, vec![b])
    } else {
        b
    };
    let l = pool.call(Func::Log, vec![b]);
    Some(pool.mul2(p, l))
}

/// `log(a b)` is `log(abs(a)) + log(abs(b))`, without `abs` on factors
/// known non-negative: where `log(a b)` is finite, `a b > 0`, so the two
/// agree (`log(-2 x)` is `log(2) + log(abs(x))`).
pub fn log_mul(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let arg = call1(pool, e, Func::Log)?;
    let Node::Mul(fs) = pool.node(arg).clone() else {
        return None;
    };
    let logs: Vec<ExprId> = fs.into_iter().map(|f| log_of_factor(pool, f)).collect();
    Some(pool.add(logs))
}

/// `log(exp(x))` is `x`.
pub fn log_exp(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let arg = call1(pool, e, Func::Log)?;
    call1(pool, arg, Func::Exp)
}

/// `exp(log(x))` is `x` (x positive, as `log` assumes).
pub fn exp_log(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let arg = call1(pool, e, Func::Exp)?;
    call1(pool, arg, Func::Log)
}

/// Multiplies out products of sums and integer powers of sums (not part of
/// [`simplify`]: it makes expressions bigger; tests use it to compare
/// polynomials written two ways).
pub fn expand(pool: &mut Pool, e: ExprId) -> ExprId {
    let cs = pool.children(e);
    let new: Vec<ExprId> = cs.iter().map(|&c| expand(pool, c)).collect();
    let e = if new == cs { e } else { pool.rebuild(e, &new) };
    match pool.node(e).clone() {
        Node::Mul(fs) => {
            let mut acc = vec![pool.one()];
            for f in fs {
                let parts = match pool.node(f) {
                    Node::Add(ts) => ts.clone(),
                    _ => vec![f],
                };
                let mut next = Vec::with_capacity(acc.len() * parts.len());
                for &a in &acc {
                    for &p in &parts {
                        next.push(pool.mul2(a, p));
                    }
                }
                acc = next;
            }
            pool.add(acc)
        }
        Node::Pow(b, p) => {
            let n = pool
                .as_const(p)
                .filter(|r| r.is_integer())
                .and_then(num_traits::ToPrimitive::to_i64);
            match (pool.node(b), n) {
                (Node::Add(_), Some(n)) if (2..=16).contains(&n) => {
                    // `mul` would merge equal factors back into a power:
                    // multiply out term by term instead.
                    let mut acc = b;
                    for _ in 1..n {
                        let prod = mul_expanded(pool, acc, b);
                        acc = prod;
                    }
                    acc
                }
                _ => e,
            }
        }
        _ => e,
    }
}

fn mul_expanded(pool: &mut Pool, a: ExprId, b: ExprId) -> ExprId {
    let ta = match pool.node(a) {
        Node::Add(ts) => ts.clone(),
        _ => vec![a],
    };
    let tb = match pool.node(b) {
        Node::Add(ts) => ts.clone(),
        _ => vec![b],
    };
    let mut out = Vec::with_capacity(ta.len() * tb.len());
    for &x in &ta {
        for &y in &tb {
            out.push(pool.mul2(x, y));
        }
    }
    pool.add(out)
}
