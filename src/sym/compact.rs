//! Derivatives written with the program's own definitions, in the
//! smallest form found.
//!
//! In: a simplified expression (a derivative) and the definitions it may
//! refer to (those before its statement). Out: an equal expression, never
//! costlier by [`cost`], that refers to those definitions where that is
//! shorter.
//!
//! How: each definition `D[axes] = B` gives a *relation* that eliminates
//! one atom A of B (a node with every axis of D free in it):
//! - B a linear fraction of A alone, `(a1 A + a0)/(b1 A + b0)` (a1 b0 ≠ a0
//!   b1): `A = (a0 - b0 D)/(b1 D - a1)`; so `tanh(u) = h`, and for the
//!   logistic `s = 1/(1 + exp(-u))`, `exp(-u) = (1 - s)/s` (and `exp(u) =
//!   s/(1 - s)`);
//! - B a product `c A^±1 M` whose other factors M are denominators of B or
//!   `exp` calls (never 0, so D determines A): `A = (D/(c M))^±1`, with M
//!   itself left alone (so the softmax `p = exp(z)/sum exp(z)` gives
//!   `exp(z[a,b]) = p[a,b] sum_d exp(z[a,d])` everywhere but inside that
//!   sum);
//! - B itself, up to the names of D's axes, is `D`.
//!
//! Every occurrence of an A (up to renaming D's axes to the indices found;
//! under a sum, the binder is opened first, so nothing is captured) is
//! replaced; then [`simplify`] runs, and [`rational::normalise`]
//! (fractions combined, common factors cancelled) where the result has a
//! fraction; the cheapest of the input, the substituted form and its
//! normal form is kept. This is a targeted rule set with a cost-based
//! choice, not equality saturation: the relations are one per definition
//! and the candidates three, so the step stays well under the cost of
//! differentiating.
//!
//! Derivatives of more than [`MAX_NODES`] distinct nodes are left as
//! they are (the step is for the forms people read).
//!
//! Always: each relation holds wherever D and the input are finite, so the
//! result equals the input there (LANGUAGE.md §4); the input is returned
//! when nothing is cheaper.

use super::defs::SymProgram;
use super::pool::{ExprId, Ix, Node, Pool};
use super::rational;
use super::simplify::simplify;
use crate::sema::{DefId, TensorRef};
use crate::syntax::token::Func;
use num_rational::BigRational;
use num_traits::{One, Zero};
use rustc_hash::FxHashMap as HashMap;

/// One definition's relation: `key` (with the definition's axes `vars`
/// free) equals `repl`; nodes equal to a `protect` instance are left
/// whole.
#[derive(Clone, Debug)]
struct Relation {
    key: ExprId,
    vars: Vec<Ix>,
    repl: ExprId,
    protect: Vec<ExprId>,
}

/// The most distinct nodes a derivative may have to be compacted.
pub const MAX_NODES: usize = 300;

/// The cost of `e` as printed and run: every node of the tree (not the
/// DAG) counts, a call counts 8 more (a transcendental function), a power
/// 1 more, and a sum's body 4 times (it runs per element).
pub fn cost(pool: &Pool, e: ExprId, memo: &mut HashMap<ExprId, u64>) -> u64 {
    if let Some(&c) = memo.get(&e) {
        return c;
    }
    let c = match pool.node(e) {
        Node::Const(_) | Node::Param(_) | Node::Index(_) | Node::Elem(..) | Node::Delta(..) => 1,
        Node::Add(v) | Node::Mul(v) => {
            let v = v.clone();
            v.len() as u64 - 1 + v.iter().map(|&x| cost(pool, x, memo)).sum::<u64>()
        }
        Node::Pow(b, p) => {
            let (b, p) = (*b, *p);
            1 + cost(pool, b, memo) + cost(pool, p, memo)
        }
        Node::Call(_, v) => {
            let v = v.clone();
            8 + v.iter().map(|&x| cost(pool, x, memo)).sum::<u64>()
        }
        Node::Reduce(_, _, b) => {
            let b = *b;
            2 + 4 * cost(pool, b, memo)
        }
    };
    let c = c.min(u64::MAX / 8);
    memo.insert(e, c);
    c
}

/// `e` rewritten with the definitions `defs` (see the module comment).
pub fn compact(sp: &mut SymProgram, e: ExprId, defs: &[DefId]) -> ExprId {
    let rels = Relations::of(sp, defs);
    rels.compact(&mut sp.pool, e)
}

/// The relations of some definitions, found once and used for every
/// expression of one derivative.
#[derive(Clone, Debug, Default)]
pub struct Relations(Vec<Relation>);

impl Relations {
    pub fn of(sp: &mut SymProgram, defs: &[DefId]) -> Relations {
        Relations(relations(sp, defs))
    }

    /// `e` rewritten with these relations (see the module comment): the
    /// cheapest of `e`, `e` with every relation's atom replaced, and the
    /// rational normal form of that (where it has a fraction to combine).
    pub fn compact(&self, pool: &mut Pool, e: ExprId) -> ExprId {
        // Large derivatives (high orders of nested powers) are left as
        // they are: the step would cost more than it could save.
        if pool.dag_size(e) > MAX_NODES {
            return e;
        }
        let mut cands = vec![e];
        let s = if self.0.is_empty() {
            e
        } else {
            let mut memo = HashMap::default();
            let s = subst(pool, e, &self.0, &mut memo);
            simplify(pool, s)
        };
        if s != e {
            cands.push(s);
        }
        if has_fraction(pool, s)
            && let Some(n) = rational::normalise(pool, s)
        {
            let n = simplify(pool, n);
            cands.push(n);
        }
        if pool.too_big() {
            return e;
        }
        let mut memo = HashMap::default();
        let mut best = e;
        let mut best_cost = cost(pool, e, &mut memo);
        for c in cands {
            let k = cost(pool, c, &mut memo);
            if k < best_cost {
                best = c;
                best_cost = k;
            }
        }
        best
    }
}

/// Whether `e` divides by something: a negative integer power inside.
fn has_fraction(pool: &Pool, e: ExprId) -> bool {
    pool.dag_nodes(e).into_iter().any(|x| match pool.node(x) {
        Node::Pow(_, p) => pool
            .as_const(*p)
            .is_some_and(|r| r.is_integer() && *r < BigRational::zero()),
        _ => false,
    })
}

fn relations(sp: &mut SymProgram, defs: &[DefId]) -> Vec<Relation> {
    let mut out = Vec::new();
    for &d in defs {
        let def = sp.defs[d.index()].clone();
        if def.derived {
            continue;
        }
        let this = sp.pool.elem(TensorRef::Def(d), def.axes.clone());
        let pool = &mut sp.pool;
        let covers = |pool: &Pool, a: ExprId| def.axes.iter().all(|x| pool.free(a).contains(x));
        if let Some(r) = mobius(pool, def.body, this, &covers) {
            out.extend(r.into_iter().map(|(key, repl)| Relation {
                key,
                vars: def.axes.clone(),
                repl,
                protect: vec![],
            }));
            continue;
        }
        if let Some(r) = monomial(pool, def.body, this, &covers) {
            out.push(Relation {
                vars: def.axes.clone(),
                ..r
            });
            continue;
        }
        if covers(pool, def.body) && !matches!(pool.node(def.body), Node::Elem(..)) {
            out.push(Relation {
                key: def.body,
                vars: def.axes.clone(),
                repl: this,
                protect: vec![],
            });
        }
    }
    out
}

/// The atoms of `e` seen as a rational function (through sums, products
/// and integer powers).
fn atoms(pool: &Pool, e: ExprId, out: &mut Vec<ExprId>) {
    match pool.node(e) {
        Node::Const(_) => {}
        Node::Add(v) | Node::Mul(v) => {
            for &x in v {
                atoms(pool, x, out);
            }
        }
        Node::Pow(b, p) if pool.as_const(*p).is_some_and(|r| r.is_integer()) => {
            atoms(pool, *b, out)
        }
        _ => {
            if !out.contains(&e) {
                out.push(e)
            }
        }
    }
}

/// `B = (a1 A + a0)/(b1 A + b0)` in the one atom A: the relations for A
/// (and for `exp(-u)` when A is `exp(u)`).
fn mobius(
    pool: &mut Pool,
    body: ExprId,
    this: ExprId,
    covers: &dyn Fn(&Pool, ExprId) -> bool,
) -> Option<Vec<(ExprId, ExprId)>> {
    let mut at = Vec::new();
    atoms(pool, body, &mut at);
    let [a] = at[..] else { return None };
    if !covers(pool, a) || !matches!(pool.node(a), Node::Call(..)) {
        return None;
    }
    // Numerator and denominator as polynomials in A, by evaluating the
    // body's structure: coefficients of A^0 and A^1.
    let (num, den) = linear_fraction(pool, body, a)?;
    let (a0, a1) = num;
    let (b0, b1) = den;
    if (&a1 * &b0 - &a0 * &b1).is_zero() {
        return None;
    }
    // A = (a0 - b0 D)/(b1 D - a1)
    let k = |pool: &mut Pool, r: &BigRational| pool.konst(r.clone());
    let (ka0, kb0, kb1, ka1) = (k(pool, &a0), k(pool, &b0), k(pool, &b1), k(pool, &a1));
    let b0d = pool.mul2(kb0, this);
    let top = pool.sub(ka0, b0d);
    let b1d = pool.mul2(kb1, this);
    let bottom = pool.sub(b1d, ka1);
    let repl = pool.div(top, bottom);
    let mut out = vec![(a, repl)];
    if let Node::Call(Func::Exp, args) = pool.node(a).clone() {
        let neg = pool.neg(args[0]);
        let key = pool.call(Func::Exp, vec![neg]);
        let inv = pool.div(bottom, top);
        out.push((key, inv));
    }
    Some(out)
}

/// `e` as `(n0 + n1 A)/(d0 + d1 A)`: the pairs `(n0, n1)`, `(d0, d1)`.
type Lin = (BigRational, BigRational);
fn linear_fraction(pool: &Pool, e: ExprId, a: ExprId) -> Option<(Lin, Lin)> {
    let one = BigRational::one;
    let zero = BigRational::zero;
    if e == a {
        return Some(((zero(), one()), (one(), zero())));
    }
    match pool.node(e) {
        Node::Const(r) => Some(((r.clone(), zero()), (one(), zero()))),
        Node::Add(v) => {
            let mut acc = ((zero(), zero()), (one(), zero()));
            for &x in v {
                let ((n0, n1), (d0, d1)) = linear_fraction(pool, x, a)?;
                let ((m0, m1), (e0, e1)) = acc;
                // Only sums of polynomials (denominator 1) stay linear.
                if !(d1.is_zero() && e1.is_zero()) {
                    return None;
                }
                let (dd, ee) = (d0, e0);
                acc = (
                    (m0 * &dd + n0 * &ee, m1 * &dd + n1 * &ee),
                    (ee * dd, zero()),
                );
            }
            Some(acc)
        }
        Node::Mul(v) => {
            let mut acc = ((one(), zero()), (one(), zero()));
            for &x in v {
                let ((n0, n1), (d0, d1)) = linear_fraction(pool, x, a)?;
                let ((m0, m1), (e0, e1)) = acc;
                if (!n1.is_zero() && !m1.is_zero()) || (!d1.is_zero() && !e1.is_zero()) {
                    return None;
                }
                acc = (
                    (&m0 * &n0, &m0 * &n1 + &m1 * &n0),
                    (&e0 * &d0, &e0 * &d1 + &e1 * &d0),
                );
            }
            Some(acc)
        }
        Node::Pow(b, p) if pool.as_const(*p).is_some_and(|r| *r == -one()) => {
            let (n, d) = linear_fraction(pool, *b, a)?;
            Some((d, n))
        }
        _ => None,
    }
}

/// `B = c A^±1 M` with M's factors denominators of B or `exp` calls.
fn monomial(
    pool: &mut Pool,
    body: ExprId,
    this: ExprId,
    covers: &dyn Fn(&Pool, ExprId) -> bool,
) -> Option<Relation> {
    let Node::Mul(fs) = pool.node(body).clone() else {
        return None;
    };
    let split = |pool: &Pool, f: ExprId| -> (ExprId, Option<BigRational>) {
        match pool.node(f) {
            Node::Pow(b, p) => (*b, pool.as_const(*p).cloned()),
            _ => (f, Some(BigRational::one())),
        }
    };
    let key_pos = fs.iter().position(|&f| {
        let (b, p) = split(pool, f);
        let unit = p.is_some_and(|p| p == BigRational::one() || p == -BigRational::one());
        unit && covers(pool, b) && matches!(pool.node(b), Node::Call(..))
    })?;
    let mut others = Vec::new();
    for (i, &f) in fs.iter().enumerate() {
        if i == key_pos || pool.as_const(f).is_some() {
            continue;
        }
        let (b, p) = split(pool, f);
        let denominator = p.is_some_and(|p| p < BigRational::zero());
        let exp = matches!(pool.node(b), Node::Call(Func::Exp, _));
        if !(denominator || exp) {
            return None;
        }
        others.push(f);
    }
    if others.is_empty() {
        return None;
    }
    let (key, p) = split(pool, fs[key_pos]);
    let rest: Vec<ExprId> = fs
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != key_pos)
        .map(|(_, &f)| f)
        .collect();
    let m = pool.mul(rest);
    let ratio = pool.div(this, m);
    let repl = if p == Some(BigRational::one()) {
        ratio
    } else {
        let m1 = pool.int(-1);
        pool.pow(ratio, m1)
    };
    let protect = others.iter().map(|&f| split(pool, f).0).collect();
    Some(Relation {
        key,
        vars: vec![],
        repl,
        protect,
    })
}

/// The mapping of `vars` that makes `pat` equal to `e`, if any.
fn instance(pool: &mut Pool, pat: ExprId, vars: &[Ix], e: ExprId) -> Option<HashMap<Ix, Ix>> {
    let mut map = HashMap::default();
    let mut budget = MATCH_BUDGET;
    if !shape(pool, pat, e, vars, &mut map, &mut budget) {
        return None;
    }
    let inst = pool.rename_many(pat, &map);
    (inst == e).then_some(map)
}

/// How many node pairs one [`instance`] test may compare.
const MATCH_BUDGET: usize = 4096;

/// A structural match binding `vars` (a guess that [`instance`] checks);
/// `budget` bounds the work (the greedy pairing of sums and products
/// could otherwise branch at every level).
fn shape(
    pool: &Pool,
    p: ExprId,
    e: ExprId,
    vars: &[Ix],
    map: &mut HashMap<Ix, Ix>,
    budget: &mut usize,
) -> bool {
    if !pool.free(p).iter().any(|x| vars.contains(x)) {
        return p == e;
    }
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    let bind = |a: &Ix, b: &Ix, map: &mut HashMap<Ix, Ix>| {
        if vars.contains(a) {
            match map.get(a) {
                Some(x) => x == b,
                None => {
                    map.insert(*a, *b);
                    true
                }
            }
        } else {
            a == b
        }
    };
    match (pool.node(p), pool.node(e)) {
        (Node::Elem(t, xs), Node::Elem(u, ys)) => {
            t == u && xs.len() == ys.len() && xs.iter().zip(ys).all(|(a, b)| bind(a, b, map))
        }
        (Node::Index(a), Node::Index(b)) => bind(a, b, map),
        (Node::Delta(a, b), Node::Delta(c, d)) => {
            let saved = map.clone();
            if bind(a, c, map) && bind(b, d, map) {
                return true;
            }
            *map = saved;
            bind(a, d, map) && bind(b, c, map)
        }
        (Node::Const(a), Node::Const(b)) => a == b,
        (Node::Param(a), Node::Param(b)) => a == b,
        (Node::Pow(a, b), Node::Pow(c, d)) => {
            let (a, b, c, d) = (*a, *b, *c, *d);
            shape(pool, a, c, vars, map, budget) && shape(pool, b, d, vars, map, budget)
        }
        (Node::Call(f, xs), Node::Call(g, ys)) if f == g && xs.len() == ys.len() => {
            let (xs, ys) = (xs.clone(), ys.clone());
            xs.iter()
                .zip(&ys)
                .all(|(&a, &b)| shape(pool, a, b, vars, map, budget))
        }
        (Node::Reduce(k, i, a), Node::Reduce(l, j, b)) if k == l && i == j => {
            let (a, b) = (*a, *b);
            shape(pool, a, b, vars, map, budget)
        }
        (Node::Add(xs), Node::Add(ys)) | (Node::Mul(xs), Node::Mul(ys)) if xs.len() == ys.len() => {
            let (xs, ys) = (xs.clone(), ys.clone());
            let saved = map.clone();
            if xs
                .iter()
                .zip(&ys)
                .all(|(&a, &b)| shape(pool, a, b, vars, map, budget))
            {
                return true;
            }
            *map = saved;
            // The order may depend on the names: pair greedily.
            let mut used = vec![false; ys.len()];
            for &a in &xs {
                let mut found = false;
                for (k, &b) in ys.iter().enumerate() {
                    if used[k] {
                        continue;
                    }
                    let before = map.clone();
                    if shape(pool, a, b, vars, map, budget) {
                        used[k] = true;
                        found = true;
                        break;
                    }
                    *map = before;
                }
                if !found {
                    return false;
                }
            }
            true
        }
        _ => false,
    }
}

fn subst(
    pool: &mut Pool,
    e: ExprId,
    rels: &[Relation],
    memo: &mut HashMap<ExprId, ExprId>,
) -> ExprId {
    if let Some(&r) = memo.get(&e) {
        return r;
    }
    if matches!(
        pool.node(e),
        Node::Const(_) | Node::Param(_) | Node::Index(_)
    ) {
        return e;
    }
    for rel in rels {
        for &p in &rel.protect {
            if instance(pool, p, &rel.vars, e).is_some() {
                memo.insert(e, e);
                return e;
            }
        }
    }
    for rel in rels {
        if let Some(map) = instance(pool, rel.key, &rel.vars, e) {
            let r = pool.rename_many(rel.repl, &map);
            memo.insert(e, r);
            return r;
        }
    }
    let r = match pool.node(e).clone() {
        Node::Reduce(kind, i, body) => {
            let (fresh, open) = pool.open(i, body);
            let nb = subst(pool, open, rels, memo);
            if nb == open {
                e
            } else {
                pool.reduce(kind, fresh, nb)
            }
        }
        _ => {
            let cs = pool.children(e);
            if cs.is_empty() {
                e
            } else {
                let new: Vec<ExprId> = cs.iter().map(|&c| subst(pool, c, rels, memo)).collect();
                if new == cs { e } else { pool.rebuild(e, &new) }
            }
        }
    };
    memo.insert(e, r);
    r
}
