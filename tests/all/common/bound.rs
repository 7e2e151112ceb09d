//! How far compiled code may be from the interpreter: LANGUAGE.md §4 lets
//! it add a sum's terms in another order, so the two agree within about
//! n·u·Σ|terms|, not to the bit.
//!
//! In: a checked program (with or without `diff`) and the call's
//! [`Args`]. Out: per definition of the program as written, an array `M`
//! of magnitudes: a first-order bound on how much a value can move when
//! every sum inside it is reordered, in units of n·u. `M(x) = |x|` for a
//! number, input or index; a sum's `M` is the sum of its terms' `M` (the
//! Σ|terms|); a product's the product of its factors';
//! `M(a/b) = M(a)/|b| + |a/b| M(b)/|b|`; a function's `|f(a)| + |f'(a)| M(a)`; reading a
//! definition reads its `M`. Always `M >= |value|`. [`within`] then
//! accepts `got` when `|got - want| <= n u M` (n: the call's index
//! extents added up, plus 4), NaN where `want` is NaN, equal infinities.
//! Dropping one term of magnitude t moves a value by t, which exceeds that
//! bound unless t is below n u M: the check still sees a lost term.

#![allow(dead_code)]

use ndarray::{ArrayD, ArrayViewD, Dimension, IxDyn};
use ricci::runtime::args::Args;
use ricci::sema::{self, Expr, ExprKind, Program, TensorRef};
use ricci::syntax::token::{Func, ReduceKind};
use std::collections::HashMap;

/// Magnitudes per definition as written, and n (see the module comment).
pub struct Magnitudes {
    pub m: Vec<ArrayD<f64>>,
    pub n: f64,
}

/// The magnitudes of `program`'s values for `args`, as written (`diff`
/// carried out) or, with `simplified`, as the symbolic engine leaves it
/// (what `interp::eval_simplified` evaluates).
pub fn magnitudes(program: &Program, args: &Args, simplified: bool) -> Result<Magnitudes, String> {
    let has_diff = simplified
        || program.defs.iter().any(|d| {
            let mut f = false;
            d.body
                .walk(&mut |e| f |= matches!(e.kind, ExprKind::Diff { .. }));
            f
        });
    let (prog, user): (Program, Vec<usize>) = if has_diff {
        let (p, new_id) = ricci::sym::lower_and_raise(program).map_err(|e| format!("{e:?}"))?;
        let user = new_id[..program.defs.len()]
            .iter()
            .filter_map(|d| d.map(|d| d.index()))
            .collect();
        (p, user)
    } else {
        (program.clone(), (0..program.defs.len()).collect())
    };
    let written = has_diff.then_some(program);
    let bound = sema::bind_as_written(written, &prog, &args.env()).map_err(|e| format!("{e:?}"))?;
    let inputs: Vec<ArrayD<f64>> = prog
        .inputs
        .iter()
        .map(|i| args.tensors.get(&i.name).map(|t| t.to_f64()))
        .collect::<Option<_>>()
        .ok_or("an input is missing")?;
    let mut ev = Eval {
        p: &prog,
        bound: &bound,
        inputs: &inputs,
        defs: Vec::new(),
        env: HashMap::new(),
    };
    for (d, def) in prog.defs.iter().enumerate() {
        let shape = bound.def_shapes[d].clone();
        let mut val = ArrayD::<f64>::zeros(IxDyn(&shape));
        let mut mag = ArrayD::<f64>::zeros(IxDyn(&shape));
        let total: usize = shape.iter().product();
        for flat in 0..total {
            let mut rest = flat;
            let mut pos = vec![0usize; shape.len()];
            for a in (0..shape.len()).rev() {
                pos[a] = rest % shape[a];
                rest /= shape[a];
            }
            for (a, &ix) in def.axes.iter().enumerate() {
                ev.env.insert(ix, bound.range(ix).start + pos[a] as i64);
            }
            let (v, m) = ev.expr(&def.body);
            val[IxDyn(&pos)] = v;
            mag[IxDyn(&pos)] = m;
        }
        ev.defs.push((val, mag));
    }
    let n = 4.0 + bound.ranges.iter().map(|r| r.len as f64).sum::<f64>();
    Ok(Magnitudes {
        m: user.iter().map(|&d| ev.defs[d].1.clone()).collect(),
        n,
    })
}

struct Eval<'a> {
    p: &'a Program,
    bound: &'a sema::Bound,
    inputs: &'a [ArrayD<f64>],
    /// Value and magnitude of every definition computed so far.
    defs: Vec<(ArrayD<f64>, ArrayD<f64>)>,
    env: HashMap<sema::IndexId, i64>,
}

impl Eval<'_> {
    fn expr(&mut self, e: &Expr) -> (f64, f64) {
        match &e.kind {
            ExprKind::Const(r) => {
                let v = num_traits::ToPrimitive::to_f64(r).unwrap_or(f64::NAN);
                (v, v.abs())
            }
            ExprKind::Param(q) => {
                let v = self.bound.params[q.index()];
                (v, v.abs())
            }
            ExprKind::Index(i) => {
                let v = self.env[i] as f64;
                (v, v.abs())
            }
            ExprKind::Delta(a, b) => {
                let v = if self.env[a] == self.env[b] { 1.0 } else { 0.0 };
                (v, v)
            }
            ExprKind::Scalar(d) => {
                let (v, m) = &self.defs[d.index()];
                (v[IxDyn(&[])], m[IxDyn(&[])])
            }
            ExprKind::Elem(t, ix) => {
                let pos: Vec<usize> = ix.iter().map(|i| self.env[i] as usize).collect();
                match t {
                    TensorRef::Input(i) => {
                        let v = self.inputs[i.index()][IxDyn(&pos)];
                        (v, v.abs())
                    }
                    TensorRef::Def(d) => {
                        let (v, m) = &self.defs[d.index()];
                        (v[IxDyn(&pos)], m[IxDyn(&pos)])
                    }
                }
            }
            ExprKind::Neg(a) => {
                let (v, m) = self.expr(a);
                (-v, m)
            }
            ExprKind::Add(v) => v.iter().fold((0.0, 0.0), |(s, m), x| {
                let (a, b) = self.expr(x);
                (s + a, m + b)
            }),
            ExprKind::Mul(v) => v.iter().fold((1.0, 1.0), |(s, m), x| {
                let (a, b) = self.expr(x);
                (s * a, m * b)
            }),
            ExprKind::Div(a, b) => {
                let (va, ma) = self.expr(a);
                let (vb, mb) = self.expr(b);
                let q = va / vb;
                (q, ma / vb.abs() + q.abs() * mb / vb.abs())
            }
            ExprKind::Pow(a, b) => {
                let (va, ma) = self.expr(a);
                let (vb, mb) = self.expr(b);
                let v = va.powf(vb);
                let d = (vb * va.powf(vb - 1.0)).abs();
                (v, v.abs() + d * ma + (v * va.abs().ln()).abs() * mb)
            }
            ExprKind::Call(f, args) => {
                let xs: Vec<(f64, f64)> = args.iter().map(|a| self.expr(a)).collect();
                let (x, mx) = xs[0];
                let (v, slope) = match f {
                    Func::Exp => (x.exp(), x.exp()),
                    Func::Log => (x.ln(), 1.0 / x.abs()),
                    Func::Sqrt => (x.sqrt(), 0.5 / x.sqrt()),
                    Func::Abs => (x.abs(), 1.0),
                    Func::Sign => (
                        if x > 0.0 {
                            1.0
                        } else if x < 0.0 {
                            -1.0
                        } else {
                            0.0
                        },
                        0.0,
                    ),
                    Func::Tanh => (x.tanh(), 1.0),
                    Func::Sin => (x.sin(), 1.0),
                    Func::Cos => (x.cos(), 1.0),
                    Func::Max => {
                        let (y, my) = xs[1];
                        return (x.max(y), mx.max(my));
                    }
                    Func::Min => {
                        let (y, my) = xs[1];
                        return (x.min(y), mx.max(my));
                    }
                };
                (v, v.abs() + slope.abs() * mx)
            }
            ExprKind::Reduce { kind, index, body } => {
                let r = self.bound.range(*index);
                let (mut s, mut m) = match kind {
                    ReduceKind::Sum => (0.0, 0.0),
                    ReduceKind::Prod => (1.0, 1.0),
                };
                for i in r.iter() {
                    self.env.insert(*index, i);
                    let (a, b) = self.expr(body);
                    match kind {
                        ReduceKind::Sum => {
                            s += a;
                            m += b;
                        }
                        ReduceKind::Prod => {
                            s *= a;
                            m *= b;
                        }
                    }
                }
                (s, m)
            }
            ExprKind::Diff { .. } => (f64::NAN, f64::NAN),
        }
    }
}

/// `Ok` when `got` is `want` within `n u M` element by element (NaN where
/// `want` is NaN, equal infinities), `u` the unit roundoff of `f32` or
/// `f64`.
pub fn within(
    what: &str,
    got: &ArrayViewD<f64>,
    want: &ArrayViewD<f64>,
    mag: &ArrayViewD<f64>,
    n: f64,
    f32: bool,
) -> Result<(), String> {
    if got.shape() != want.shape() || got.shape() != mag.shape() {
        return Err(format!(
            "{what}: JIT shape {:?}, interpreter shape {:?}",
            got.shape(),
            want.shape()
        ));
    }
    let u = if f32 {
        f32::EPSILON as f64 / 2.0
    } else {
        f64::EPSILON / 2.0
    };
    for (((ix, g), w), m) in got.indexed_iter().zip(want.iter()).zip(mag.iter()) {
        let ok = if w.is_nan() {
            g.is_nan()
        } else if w.is_infinite() || !m.is_finite() {
            g == w || (!m.is_finite() && !g.is_nan())
        } else {
            (g - w).abs() <= n * u * m
        };
        if !ok {
            return Err(format!(
                "{what} at {:?}: JIT {g:e}, interpreter {w:e} (allowed {:e})",
                ix.slice(),
                n * u * m
            ));
        }
    }
    Ok(())
}
