//! Pass: loop order from a cost model that knows the tensors' strides.
//!
//! In: an [`ir::Func`](crate::loops::ir::Func) in canonical form (straight from
//! [`super::lower`]) and a [`LayoutClass`] (per tensor axis: zero, unit or
//! far stride). Out: the same function where each definition that is a
//! perfect nest — axes around a chain of reductions of one kind around a
//! body with no reduction inside, or axes around a store — runs the
//! cheapest index innermost:
//! - a reduction index: a register accumulator, as canonical (reductions
//!   reordered among themselves);
//! - an axis `x`: the output row along `x` is set to the identity, then
//!   the reductions run outside `x` and each trip *updates* the output
//!   (`D[.., x] += E`): matmul `C[i,k] = A[i,j] B[j,k]` walks `B` and `C`
//!   along `k` with unit stride.
//!
//! The cost of running `x` innermost is the sum, over the memory accesses
//! of the innermost statement, of what one step of `x` costs: 0 if the
//! access does not move (or moves along zero strides), 1 along a unit
//! stride, 8 farther; an update of the output counts twice (read and
//! write). Ties keep the canonical order. Other loops keep their order
//! (axes first, as written; then reductions).
//!
//! Always: the same terms are computed; only the order in which a
//! reduction's terms are combined changes (allowed by LANGUAGE.md §4), and
//! it depends only on the layout class, so results are the same on every
//! run with that layout.

use super::ir::{Access, Expr, Func, IndexId, LayoutClass, LoopKind, Stmt, Stride};
use crate::syntax::token::ReduceKind;

/// Reorders every block of `f` for `layout`.
pub fn order(f: &mut Func, layout: &LayoutClass) {
    f.layout = layout.clone();
    for b in &mut f.blocks {
        if let Some(nest) = Nest::of(&b.body) {
            b.body = nest.reorder(layout);
        }
    }
}

/// A perfect nest.
struct Nest {
    axes: Vec<IndexId>,
    /// The reduction chain, outermost first (empty: a plain store).
    reds: Vec<(IndexId, crate::loops::ir::AccId)>,
    op: ReduceKind,
    dst: Access,
    value: Expr,
    /// What is stored: a value of the outermost accumulator (`%a0`, or
    /// `mul(-2.0, %a0)`).
    finish: Expr,
}

impl Nest {
    fn of(body: &[Stmt]) -> Option<Nest> {
        let (axes, cur) = super::ir::space_axes(body);
        match cur {
            [Stmt::Store { dst, value }] => {
                let mut has_acc = false;
                value.walk(&mut |e| has_acc |= matches!(e, Expr::Acc(_)));
                (!has_acc).then(|| Nest {
                    axes,
                    reds: vec![],
                    op: ReduceKind::Sum,
                    dst: dst.clone(),
                    value: value.clone(),
                    finish: Expr::Const(0.0),
                })
            }
            [
                Stmt::Reduce {
                    acc,
                    op,
                    index,
                    body,
                    value,
                    ..
                },
                Stmt::Store { dst, value: finish },
            ] if uses_once(finish, *acc) => {
                let mut reds = vec![(*index, *acc)];
                let (mut body, mut value) = (body, value);
                loop {
                    match (&body[..], value) {
                        ([], v) => {
                            return Some(Nest {
                                axes,
                                reds,
                                op: *op,
                                dst: dst.clone(),
                                value: v.clone(),
                                finish: finish.clone(),
                            });
                        }
                        (
                            [
                                Stmt::Reduce {
                                    acc: a2,
                                    op: op2,
                                    index: j,
                                    body: b2,
                                    value: v2,
                                    ..
                                },
                            ],
                            Expr::Acc(x),
                        ) if x == a2 && op2 == op => {
                            reds.push((*j, *a2));
                            body = b2;
                            value = v2;
                        }
                        _ => return None,
                    }
                }
            }
            _ => None,
        }
    }

    /// What one step of `x` costs at `a`.
    fn step(a: &Access, x: IndexId, layout: &LayoutClass) -> u64 {
        let moving: Vec<(usize, i64)> = a
            .index
            .iter()
            .enumerate()
            .map(|(k, s)| (k, s.coef(x)))
            .filter(|(_, c)| *c != 0)
            .collect();
        let strides: Vec<Stride> = moving
            .iter()
            .map(|(k, _)| layout.stride(a.tensor, *k))
            .filter(|s| *s != Stride::Zero)
            .collect();
        match (&moving[..], &strides[..]) {
            (_, []) => 0,
            ([(_, c)], [Stride::Unit]) if c.abs() == 1 => 1,
            _ => 8,
        }
    }

    fn cost(&self, x: IndexId, layout: &LayoutClass) -> u64 {
        let mut c = 0;
        self.value.walk(&mut |e| {
            if let Expr::Load(a) = e {
                c += Self::step(a, x, layout);
            }
        });
        if self.axes.contains(&x) && !self.reds.is_empty() {
            c += 2 * Self::step(&self.dst, x, layout);
        } else if self.reds.is_empty() {
            c += Self::step(&self.dst, x, layout);
        }
        c
    }

    fn reorder(self, layout: &LayoutClass) -> Vec<Stmt> {
        // Candidates, canonical first: the innermost reduction (or axis).
        let canonical = self
            .reds
            .last()
            .map(|r| r.0)
            .or_else(|| self.axes.last().copied());
        let Some(canonical) = canonical else {
            return self.canonical(None);
        };
        let mut best = (self.cost(canonical, layout), canonical);
        for &x in self.axes.iter().chain(self.reds.iter().map(|r| &r.0)) {
            let c = self.cost(x, layout);
            if c < best.0 {
                best = (c, x);
            }
        }
        let x = best.1;
        if self.reds.iter().any(|r| r.0 == x) || self.reds.is_empty() {
            self.canonical(Some(x))
        } else {
            self.in_memory(x)
        }
    }

    /// Axes, then reductions in register accumulators, with `x` moved
    /// innermost among its kind.
    fn canonical(self, x: Option<IndexId>) -> Vec<Stmt> {
        let mut axes = self.axes.clone();
        let mut reds = self.reds.clone();
        if let Some(x) = x {
            if let Some(p) = axes.iter().position(|&a| a == x) {
                let a = axes.remove(p);
                axes.push(a);
            }
            if let Some(p) = reds.iter().position(|r| r.0 == x) {
                let r = reds.remove(p);
                reds.push(r);
            }
        }
        // The reductions' accumulators keep their order (outermost first).
        let accs: Vec<_> = self.reds.iter().map(|r| r.1).collect();
        let mut inner = None;
        let mut value = self.value;
        for (k, (j, _)) in reds.iter().enumerate().rev() {
            let acc = accs[k];
            let body = inner.take().map_or_else(Vec::new, |s| vec![s]);
            inner = Some(Stmt::Reduce {
                acc,
                op: self.op,
                index: *j,
                lanes: 1,
                simd: false,
                body,
                value,
            });
            value = Expr::Acc(acc);
        }
        let mut body: Vec<Stmt> = inner.into_iter().collect();
        let value = if self.reds.is_empty() {
            value
        } else {
            self.finish
        };
        body.push(Stmt::Store {
            dst: self.dst,
            value,
        });
        wrap(&axes, LoopKind::Space, body)
    }

    /// The output accumulated in memory with axis `x` innermost.
    fn in_memory(self, x: IndexId) -> Vec<Stmt> {
        let outer: Vec<IndexId> = self.axes.iter().copied().filter(|&a| a != x).collect();
        let identity = match self.op {
            ReduceKind::Sum => 0.0,
            ReduceKind::Prod => 1.0,
        };
        let init = Stmt::Loop {
            index: x,
            kind: LoopKind::Space,
            simd: false,
            body: vec![Stmt::Store {
                dst: self.dst.clone(),
                value: Expr::Const(identity),
            }],
        };
        let dst = self.dst.clone();
        let update = Stmt::Loop {
            index: x,
            kind: LoopKind::Space,
            simd: false,
            body: vec![Stmt::Update {
                dst: self.dst,
                op: self.op,
                value: self.value,
            }],
        };
        let reds: Vec<IndexId> = self.reds.iter().map(|r| r.0).collect();
        let mut body = vec![init];
        body.extend(wrap(&reds, LoopKind::Reduce, vec![update]));
        // What the program stores is a function of the sum: applied to
        // each element once the sums are complete.
        if self.finish != Expr::Acc(self.reds[0].1) {
            let mut v = self.finish.clone();
            replace_acc(&mut v, self.reds[0].1, &Expr::Load(dst.clone()));
            body.push(Stmt::Loop {
                index: x,
                kind: LoopKind::Space,
                simd: false,
                body: vec![Stmt::Store { dst, value: v }],
            });
        }
        wrap(&outer, LoopKind::Space, body)
    }
}

/// Whether `e` reads accumulator `a` exactly once (and no other).
fn uses_once(e: &Expr, a: crate::loops::ir::AccId) -> bool {
    let (mut this, mut other) = (0, 0);
    e.walk(&mut |x| {
        if let Expr::Acc(b) = x {
            if *b == a {
                this += 1;
            } else {
                other += 1;
            }
        }
    });
    this == 1 && other == 0
}

/// `e` with accumulator `a` replaced by `by`.
fn replace_acc(e: &mut Expr, a: crate::loops::ir::AccId, by: &Expr) {
    match e {
        Expr::Acc(b) if *b == a => *e = by.clone(),
        Expr::Op(_, args) => {
            for x in args {
                replace_acc(x, a, by);
            }
        }
        _ => {}
    }
}

/// `body` inside loops over `ix` (the first outermost).
fn wrap(ix: &[IndexId], kind: LoopKind, body: Vec<Stmt>) -> Vec<Stmt> {
    let mut body = body;
    for &i in ix.iter().rev() {
        body = vec![Stmt::Loop {
            index: i,
            kind,
            simd: false,
            body,
        }];
    }
    body
}
