//! Lowering: a checked program (materialised, without `diff`) to the loop
//! IR in its canonical form, before any pass.
//!
//! In: a [`Program`] and the names to show for its definitions. Out: an
//! [`ir::Func`]: per definition one block, a `Space` loop per axis (the
//! first outermost), and innermost the store of the body's value; every
//! `sum`/`prod` a [`Stmt::Reduce`] placed just before the statement that
//! uses it (its value an [`Expr::Acc`]); nothing hoisted, no lanes.
//!
//! Always: the IR computes exactly the program's values: the same
//! operations on the same operands, `n`-ary sums and products folded left
//! to right, `x^2` as `x x`, constants exact → f64. Tensor ids: inputs
//! first, then definitions; index ids are the program's.

use super::ir::{
    self, AccId, Access, Affine, Block, Expr as IExpr, LayoutClass, LoopKind, Op, Stmt,
};
use crate::sema::{Expr, ExprKind, Program, TensorRef};
use num_traits::ToPrimitive;

/// The canonical IR of `program` (`names`: one per definition).
pub fn lower(program: &Program, names: &[String]) -> Result<ir::Func, String> {
    let n_inputs = program.inputs.len();
    let mut tensors: Vec<ir::Tensor> = program
        .inputs
        .iter()
        .map(|i| ir::Tensor {
            name: i.name.clone(),
            rank: i.rank,
            input: true,
        })
        .collect();
    for (d, def) in program.defs.iter().enumerate() {
        tensors.push(ir::Tensor {
            name: names[d].clone(),
            rank: def.axes.len(),
            input: false,
        });
    }
    let ranks: Vec<usize> = tensors.iter().map(|t| t.rank).collect();
    let mut l = Lowerer {
        n_inputs,
        next_acc: 0,
    };
    let mut blocks = Vec::with_capacity(program.defs.len());
    for (d, def) in program.defs.iter().enumerate() {
        let mut pre = Vec::new();
        let value = l.expr(&def.body, &mut pre)?;
        pre.push(Stmt::Store {
            dst: Access {
                tensor: n_inputs + d,
                index: def.axes.iter().map(|&a| Affine::index(a)).collect(),
            },
            value,
        });
        let mut body = pre;
        for &a in def.axes.iter().rev() {
            body = vec![Stmt::Loop {
                index: a,
                kind: LoopKind::Space,
                simd: false,
                body,
            }];
        }
        blocks.push(Block::one(n_inputs + d, def.axes.clone(), body));
    }
    Ok(ir::Func {
        tensors,
        indices: program.indices.iter().map(|v| v.name.clone()).collect(),
        params: program.params.iter().map(|p| p.name.clone()).collect(),
        blocks,
        layout: LayoutClass::row_major(&ranks),
        next_let: 0,
        next_acc: l.next_acc,
    })
}

struct Lowerer {
    n_inputs: usize,
    next_acc: u32,
}

impl Lowerer {
    fn tensor(&self, t: TensorRef) -> usize {
        match t {
            TensorRef::Input(i) => i.index(),
            TensorRef::Def(d) => self.n_inputs + d.index(),
        }
    }

    /// The value of `e`; reductions inside go to `pre` as statements.
    fn expr(&mut self, e: &Expr, pre: &mut Vec<Stmt>) -> Result<IExpr, String> {
        Ok(match &e.kind {
            ExprKind::Const(r) => IExpr::Const(r.to_f64().unwrap_or(f64::NAN)),
            ExprKind::Param(p) => IExpr::Param(p.0),
            ExprKind::Scalar(d) => IExpr::Load(Access {
                tensor: self.n_inputs + d.index(),
                index: vec![],
            }),
            ExprKind::Index(i) => IExpr::Index(*i),
            ExprKind::Elem(t, ix) => IExpr::Load(Access {
                tensor: self.tensor(*t),
                index: ix.iter().map(|&i| Affine::index(i)).collect(),
            }),
            ExprKind::Delta(a, b) => IExpr::Delta(*a, *b),
            ExprKind::Neg(a) => IExpr::Op(Op::Neg, vec![self.expr(a, pre)?]),
            ExprKind::Add(v) => IExpr::Op(Op::Add, self.list(v, pre)?),
            ExprKind::Mul(v) => IExpr::Op(Op::Mul, self.list(v, pre)?),
            ExprKind::Div(a, b) => {
                let a = self.expr(a, pre)?;
                IExpr::Op(Op::Div, vec![a, self.expr(b, pre)?])
            }
            ExprKind::Pow(a, b) if super::is_square(b) => {
                IExpr::Op(Op::Square, vec![self.expr(a, pre)?])
            }
            ExprKind::Pow(a, b) if super::reciprocal_power(b).is_some() => {
                let a = self.expr(a, pre)?;
                let d = match super::reciprocal_power(b) {
                    Some(-2) => IExpr::Op(Op::Square, vec![a]),
                    _ => a,
                };
                IExpr::Op(Op::Div, vec![IExpr::Const(1.0), d])
            }
            ExprKind::Pow(a, b) => {
                let a = self.expr(a, pre)?;
                IExpr::Op(Op::Pow, vec![a, self.expr(b, pre)?])
            }
            ExprKind::Call(f, args) => IExpr::Op(Op::Call(*f), self.list(args, pre)?),
            ExprKind::Reduce { kind, index, body } => {
                let acc = AccId(self.next_acc);
                self.next_acc += 1;
                let mut inner = Vec::new();
                let value = self.expr(body, &mut inner)?;
                pre.push(Stmt::Reduce {
                    acc,
                    op: *kind,
                    index: *index,
                    lanes: 1,
                    simd: false,
                    body: inner,
                    value,
                });
                IExpr::Acc(acc)
            }
            ExprKind::Diff { .. } => {
                return Err("diff(...) reached the loop IR; it is lowered first".into());
            }
        })
    }

    fn list(&mut self, v: &[Expr], pre: &mut Vec<Stmt>) -> Result<Vec<IExpr>, String> {
        v.iter().map(|x| self.expr(x, pre)).collect()
    }
}
