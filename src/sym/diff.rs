//! Partial derivatives of one expression.
//!
//! In: an expression and a [`Var`]: a scalar parameter, or an element
//! `T[k,...]` of a tensor (an input, or an earlier definition whose elements
//! are held independent here). Out: the derivative, unsimplified but in the
//! pool's canonical form; `d T[j]/d T[k]` is `delta[j,k]`, which the
//! simplifier contracts.
//!
//! Always: results are memoised per node, so a shared subterm is
//! differentiated once and the derivative of a DAG stays a DAG (a product of
//! n factors gives O(n^2) nodes; the derivative of a deep composition grows
//! linearly); bound indices are canonical and the target's indices are free,
//! so differentiating under a sum cannot capture. Kinks use the usual
//! subgradient: `d|x|/dx = sign(x)`, `d max(a,b)/da` is 1 where a >= b.

use super::pool::{ExprId, Ix, Node, Pool};
use crate::ops::{D, Derivative};
use crate::sema::{ParamId, TensorRef};
use crate::syntax::token::{Func, ReduceKind};
use num_bigint::BigInt;
use num_rational::BigRational;
use rustc_hash::FxHashMap as HashMap;

/// What to differentiate with respect to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Var {
    Param(ParamId),
    /// `T[k,...]`, its indices free.
    Elem(TensorRef, Vec<Ix>),
}

/// The partial derivative of `e` with respect to `var`.
pub fn diff(pool: &mut Pool, e: ExprId, var: &Var) -> ExprId {
    let mut d = Differ {
        var,
        memo: HashMap::default(),
        uses: HashMap::default(),
    };
    d.go(pool, e)
}

struct Differ<'a> {
    var: &'a Var,
    memo: HashMap<ExprId, ExprId>,
    uses: HashMap<ExprId, bool>,
}

impl Differ<'_> {
    fn depends(&mut self, pool: &Pool, e: ExprId) -> bool {
        match self.var {
            Var::Param(p) => pool.uses_param(e, *p, &mut self.uses),
            Var::Elem(t, _) => pool.reads(e, *t, &mut self.uses),
        }
    }

    fn go(&mut self, pool: &mut Pool, e: ExprId) -> ExprId {
        if !self.depends(pool, e) {
            return pool.zero();
        }
        if let Some(&r) = self.memo.get(&e) {
            return r;
        }
        let r = self.rule(pool, e);
        self.memo.insert(e, r);
        r
    }

    fn rule(&mut self, pool: &mut Pool, e: ExprId) -> ExprId {
        match pool.node(e).clone() {
            Node::Const(_) | Node::Index(_) | Node::Delta(..) => pool.zero(),
            Node::Param(_) => pool.one(),
            Node::Elem(_, ixs) => {
                let Var::Elem(_, ks) = self.var else {
                    return pool.zero();
                };
                let ds: Vec<ExprId> = ixs
                    .iter()
                    .zip(ks.clone())
                    .map(|(&i, k)| pool.delta(i, k))
                    .collect();
                pool.mul(ds)
            }
            Node::Add(ts) => {
                let ds: Vec<ExprId> = ts.iter().map(|&t| self.go(pool, t)).collect();
                pool.add(ds)
            }
            Node::Mul(fs) => {
                let mut terms = Vec::new();
                for (i, &f) in fs.iter().enumerate() {
                    if !self.depends(pool, f) {
                        continue;
                    }
                    let df = self.go(pool, f);
                    let mut v: Vec<ExprId> = Vec::with_capacity(fs.len());
                    v.extend(fs[..i].iter().copied());
                    v.extend(fs[i + 1..].iter().copied());
                    v.push(df);
                    terms.push(pool.mul(v));
                }
                pool.add(terms)
            }
            Node::Pow(b, p) => self.pow(pool, e, b, p),
            Node::Call(f, args) => self.call(pool, e, f, &args),
            Node::Reduce(ReduceKind::Sum, _, body) => {
                let d = self.go(pool, body);
                pool.reduce_like(e, d)
            }
            Node::Reduce(ReduceKind::Prod, i, body) => {
                // d prod_i f(i) = sum_j f'(j) prod_i (f(i) (1 - delta[i,j]) + delta[i,j]):
                // the product of the other factors, exact even where some
                // f(i) is 0 (no division), and smooth to differentiate again.
                // f occurs once, so the k-th derivative's factor grows
                // linearly with k (`f + delta (1 - f)` doubled it).
                let d = self.go(pool, body);
                let info = pool.index(i).clone();
                let j = pool.fresh_index(&info.name, info.bounds);
                pool.set_anchor(j, info.anchor);
                let dj = pool.rename(d, i, j);
                let one = pool.one();
                let dl = pool.delta(i, j);
                let keep = pool.sub(one, dl);
                let kept = pool.mul2(body, keep);
                let factor = pool.add2(kept, dl);
                let others = pool.reduce(ReduceKind::Prod, i, factor);
                let term = pool.mul2(dj, others);
                pool.reduce(ReduceKind::Sum, j, term)
            }
        }
    }

    fn pow(&mut self, pool: &mut Pool, e: ExprId, b: ExprId, p: ExprId) -> ExprId {
        let b_dep = self.depends(pool, b);
        let p_dep = self.depends(pool, p);
        let db = self.go(pool, b);
        if !p_dep {
            // p b^(p-1) b'
            let m1 = pool.int(-1);
            let pm1 = pool.add2(p, m1);
            let bp = pool.pow(b, pm1);
            return pool.mul(vec![p, bp, db]);
        }
        let dp = self.go(pool, p);
        let lb = pool.call(Func::Log, vec![b]);
        if !b_dep {
            // b^p log(b) p'
            return pool.mul(vec![e, lb, dp]);
        }
        // b^p (p' log b + p b'/b)
        let t1 = pool.mul2(dp, lb);
        let q = pool.div(db, b);
        let t2 = pool.mul2(p, q);
        let s = pool.add2(t1, t2);
        pool.mul2(e, s)
    }

    fn call(&mut self, pool: &mut Pool, e: ExprId, f: Func, args: &[ExprId]) -> ExprId {
        let (d, u) = match (f.op().derivative, args) {
            (Derivative::Chain(d), [u]) => (d, *u),
            (Derivative::Select { max }, [a, b]) => return self.select(pool, max, *a, *b),
            // A call with the wrong number of arguments never passes the
            // checker; its derivative is left as 0 rather than panicking.
            _ => return pool.zero(),
        };
        let du = self.go(pool, u);
        let outer = template(pool, &d, u, e);
        pool.mul2(outer, du)
    }

    /// `d max(a,b)` (`max`) or `d min(a,b)`: the derivative of the argument
    /// that wins, by a step function.
    fn select(&mut self, pool: &mut Pool, max: bool, a: ExprId, b: ExprId) -> ExprId {
        let da = self.go(pool, a);
        let db = self.go(pool, b);
        // max: a wins where a >= b; min: a wins where a <= b.
        let diff = if max { pool.sub(a, b) } else { pool.sub(b, a) };
        let wins = step(pool, diff);
        let one = pool.one();
        let loses = pool.sub(one, wins);
        let ta = pool.mul2(wins, da);
        let tb = pool.mul2(loses, db);
        pool.add2(ta, tb)
    }
}

/// A derivative template of [`crate::ops`] built in `pool`, for the
/// argument `u` of a call whose value is `f`.
fn template(pool: &mut Pool, d: &D, u: ExprId, f: ExprId) -> ExprId {
    match d {
        D::U => u,
        D::F => f,
        D::Q(n, m) => pool.konst(BigRational::new(BigInt::from(*n), BigInt::from(*m))),
        D::Call(g, x) => {
            let x = template(pool, x, u, f);
            pool.call(*g, vec![x])
        }
        D::Mul(xs) => {
            let xs = xs.iter().map(|x| template(pool, x, u, f)).collect();
            pool.mul(xs)
        }
        D::Add(xs) => {
            let xs = xs.iter().map(|x| template(pool, x, u, f)).collect();
            pool.add(xs)
        }
        D::Pow(x, n) => {
            let x = template(pool, x, u, f);
            let n = pool.int(*n);
            pool.pow(x, n)
        }
    }
}

/// `[x >= 0]` written with `sign`: `(1 + sign(sign(x) + 1/2)) / 2` is 1 for
/// x >= 0 and 0 for x < 0.
pub fn step(pool: &mut Pool, x: ExprId) -> ExprId {
    let half = pool.konst(BigRational::new(BigInt::from(1), BigInt::from(2)));
    let s = pool.call(Func::Sign, vec![x]);
    let shifted = pool.add2(s, half);
    let s2 = pool.call(Func::Sign, vec![shifted]);
    let one = pool.one();
    let sum = pool.add2(one, s2);
    pool.mul2(half, sum)
}
