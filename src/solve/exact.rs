//! Exact evaluation of a checked program over rationals, for `solve` and
//! `minimize` when every number in the problem is a literal.
//!
//! In: a [`Program`] (no `diff`: as `sym` raises it), its [`Bound`], exact
//! values for its parameters, and, per input, exact row-major values (a
//! literal's own, or the unknown's current value). Out: every definition's
//! exact row-major values, or `None` where a value is not rational
//! (`exp`, `sqrt(2)`, a non-integer power), or a division by zero.
//!
//! Always: the result is the program's meaning with exact arithmetic (sums
//! and products in index order; order does not matter when exact).

use crate::sema::{Bound, DefId, Expr, ExprKind, IndexId, Program, TensorRef};
use crate::syntax::token::ReduceKind;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The exact values of every definition, or `None`.
pub fn eval(
    program: &Program,
    bound: &Bound,
    params: &[BigRational],
    inputs: &[Vec<BigRational>],
) -> Option<Vec<Vec<BigRational>>> {
    let mut ev = Exact {
        bound,
        params,
        inputs,
        defs: Vec::new(),
        env: vec![0; program.indices.len()],
    };
    for (d, def) in program.defs.iter().enumerate() {
        let shape = &bound.def_shapes[d];
        let n: usize = shape.iter().product();
        let mut values = Vec::with_capacity(n);
        for flat in 0..n {
            let mut rest = flat;
            for (k, &axis) in def.axes.iter().enumerate().rev() {
                let len = shape[k].max(1);
                ev.env[axis.index()] = bound.range(axis).start + (rest % len) as i64;
                rest /= len;
            }
            values.push(ev.expr(&def.body)?);
        }
        ev.defs.push(values);
    }
    Some(ev.defs)
}

struct Exact<'a> {
    bound: &'a Bound,
    params: &'a [BigRational],
    inputs: &'a [Vec<BigRational>],
    defs: Vec<Vec<BigRational>>,
    env: Vec<i64>,
}

impl Exact<'_> {
    fn offset(&self, shape: &[usize], ix: &[IndexId]) -> Option<usize> {
        let mut off = 0usize;
        for (k, i) in ix.iter().enumerate() {
            let v = usize::try_from(self.env[i.index()]).ok()?;
            off = off * shape[k] + v;
        }
        Some(off)
    }

    fn expr(&mut self, e: &Expr) -> Option<BigRational> {
        Some(match &e.kind {
            ExprKind::Const(c) => c.clone(),
            ExprKind::Param(p) => self.params.get(p.index())?.clone(),
            ExprKind::Scalar(d) => self.defs.get(d.index())?.first()?.clone(),
            ExprKind::Index(i) => BigRational::from_integer(self.env[i.index()].into()),
            ExprKind::Elem(t, ix) => match *t {
                TensorRef::Input(i) => {
                    let shape = &self.bound.input_shapes[i.index()];
                    self.inputs
                        .get(i.index())?
                        .get(self.offset(shape, ix)?)?
                        .clone()
                }
                TensorRef::Def(DefId(d)) => {
                    let shape = &self.bound.def_shapes[d as usize];
                    self.defs
                        .get(d as usize)?
                        .get(self.offset(shape, ix)?)?
                        .clone()
                }
            },
            ExprKind::Delta(a, b) => {
                if self.env[a.index()] == self.env[b.index()] {
                    BigRational::one()
                } else {
                    BigRational::zero()
                }
            }
            ExprKind::Neg(a) => -self.expr(a)?,
            ExprKind::Add(v) => {
                let mut s = BigRational::zero();
                for t in v {
                    s += self.expr(t)?;
                }
                s
            }
            ExprKind::Mul(v) => {
                let mut s = BigRational::one();
                for t in v {
                    s *= self.expr(t)?;
                }
                s
            }
            ExprKind::Div(a, b) => {
                let (a, b) = (self.expr(a)?, self.expr(b)?);
                if b.is_zero() {
                    return None;
                }
                a / b
            }
            ExprKind::Pow(a, b) => {
                let (a, b) = (self.expr(a)?, self.expr(b)?);
                if !b.is_integer() || b.abs() > BigRational::from_integer(4000.into()) {
                    return None;
                }
                let p = b.to_integer().to_i32()?;
                if a.is_zero() && p < 0 {
                    return None;
                }
                num_traits::pow::Pow::pow(&a, p)
            }
            ExprKind::Call(f, args) => {
                let v: Vec<BigRational> =
                    args.iter().map(|a| self.expr(a)).collect::<Option<_>>()?;
                f.exact(&v.iter().collect::<Vec<_>>())?
            }
            ExprKind::Reduce { kind, index, body } => {
                let range = self.bound.range(*index);
                let mut acc = match kind {
                    ReduceKind::Sum => BigRational::zero(),
                    ReduceKind::Prod => BigRational::one(),
                };
                for v in range.iter() {
                    self.env[index.index()] = v;
                    let x = self.expr(body)?;
                    match kind {
                        ReduceKind::Sum => acc += x,
                        ReduceKind::Prod => acc *= x,
                    }
                }
                acc
            }
            ExprKind::Diff { .. } => return None,
        })
    }
}
