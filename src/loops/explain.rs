//! The loop IR as text, for `ricci eval --explain`.
//!
//! In: a [`Plan`]. Out: one block per definition: its loops (`for i in
//! range(i)`), the values hoisted before each loop (`t1 = ...`),
//! accumulators with their initial values, and the store.
//!
//! Always: the text follows the very walk the code generator makes, so what
//! it shows hoisted is what the kernel computes once.

use super::Plan;
use crate::sema::{Expr, ExprKind, IndexId};
use crate::syntax::token::ReduceKind;
use std::collections::HashMap;
use std::fmt::Write;

/// The plan's loop nests.
pub fn explain(plan: &Plan) -> String {
    let mut x = Explainer {
        plan,
        out: String::new(),
        names: HashMap::new(),
        temps: 0,
        accs: 0,
    };
    for (d, def) in plan.program.defs.iter().enumerate() {
        x.names.clear();
        let name = def.display_name(d);
        let axes: Vec<String> = def.axes.iter().map(|&a| x.index(a)).collect();
        let lhs = if axes.is_empty() {
            name
        } else {
            format!("{name}[{}]", axes.join(","))
        };
        let _ = writeln!(x.out, "{lhs}:");
        x.nest(&def.axes, 0, &def.body, &lhs, 1);
    }
    x.out
}

struct Explainer<'a> {
    plan: &'a Plan<'a>,
    out: String,
    /// Hoisted subexpressions and the temporary that holds each.
    names: HashMap<*const Expr, String>,
    temps: usize,
    accs: usize,
}

impl Explainer<'_> {
    fn index(&self, i: IndexId) -> String {
        self.plan.program.index_var(i).name.clone()
    }

    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth));
    }

    fn hoist(&mut self, inner: &[IndexId], body: &Expr, depth: usize) {
        let names = &self.names;
        let list = self
            .plan
            .hoists(inner, body, &|e| names.contains_key(&(e as *const Expr)));
        for e in list {
            let v = self.expr(e, depth);
            self.temps += 1;
            let t = format!("t{}", self.temps);
            self.line(depth, &format!("{t} = {v}"));
            self.names.insert(e as *const Expr, t);
        }
    }

    fn nest(&mut self, axes: &[IndexId], k: usize, body: &Expr, lhs: &str, depth: usize) {
        if k == axes.len() {
            let v = self.expr(body, depth);
            self.line(depth, &format!("{lhs} = {v}"));
            return;
        }
        self.hoist(&axes[k..], body, depth);
        if k + 1 == axes.len()
            && let Some((kind, j, inner)) = self.plan.row_reduction(axes, body)
        {
            let kk = self.index(axes[k]);
            let jj = self.index(j);
            let (init, op) = match kind {
                ReduceKind::Sum => ("0", "+="),
                ReduceKind::Prod => ("1", "*="),
            };
            self.line(
                depth,
                &format!("rows[0..4][{kk}] = {init}  (row reduction: {jj} outside {kk})"),
            );
            self.line(depth, &format!("for {jj} in range({jj}):"));
            self.hoist(&[axes[k]], inner, depth + 1);
            self.line(depth + 1, &format!("for {kk} in range({kk}):"));
            let v = self.expr(inner, depth + 2);
            self.line(depth + 2, &format!("rows[lane({jj})][{kk}] {op} {v}"));
            self.line(depth, &format!("for {kk} in range({kk}):"));
            self.line(
                depth + 1,
                &format!(
                    "{lhs} = (rows[0][{kk}] + rows[1][{kk}]) + (rows[2][{kk}] + rows[3][{kk}])"
                ),
            );
            return;
        }
        let i = self.index(axes[k]);
        self.line(depth, &format!("for {i} in range({i}):"));
        self.nest(axes, k + 1, body, lhs, depth + 1);
    }

    /// The expression's text; reductions are written out as loops first
    /// (at `depth`) and stand for their accumulator.
    fn expr(&mut self, e: &Expr, depth: usize) -> String {
        if let Some(t) = self.names.get(&(e as *const Expr)) {
            return t.clone();
        }
        let p = self.plan.program;
        match &e.kind {
            ExprKind::Const(r) => r.to_string(),
            ExprKind::Param(q) => p.param(*q).name.clone(),
            ExprKind::Scalar(d) => p.def(*d).display_name(d.index()),
            ExprKind::Index(i) => self.index(*i),
            ExprKind::Elem(t, ix) => {
                let ix: Vec<String> = ix.iter().map(|&i| self.index(i)).collect();
                format!("{}[{}]", p.tensor_name(*t), ix.join(","))
            }
            ExprKind::Delta(a, b) => format!("({} == {})", self.index(*a), self.index(*b)),
            ExprKind::Neg(a) => format!("-{}", self.expr(a, depth)),
            ExprKind::Add(v) => self.join(v, " + ", depth),
            ExprKind::Mul(v) => self.join(v, " * ", depth),
            ExprKind::Div(a, b) => {
                format!("({} / {})", self.expr(a, depth), self.expr(b, depth))
            }
            ExprKind::Pow(a, b) => {
                format!("({} ^ {})", self.expr(a, depth), self.expr(b, depth))
            }
            ExprKind::Call(f, args) => {
                let a: Vec<String> = args.iter().map(|x| self.expr(x, depth)).collect();
                format!("{}({})", f.name(), a.join(", "))
            }
            ExprKind::Reduce { kind, index, body } => {
                self.hoist(&[*index], body, depth);
                self.accs += 1;
                let acc = format!("acc{}", self.accs);
                let (init, op) = match kind {
                    ReduceKind::Sum => ("0", "+="),
                    ReduceKind::Prod => ("1", "*="),
                };
                self.line(depth, &format!("{acc} = {init}"));
                let i = self.index(*index);
                self.line(depth, &format!("for {i} in range({i}):"));
                let v = self.expr(body, depth + 1);
                self.line(depth + 1, &format!("{acc} {op} {v}"));
                acc
            }
            ExprKind::Diff { .. } => "diff(...)".into(),
        }
    }

    fn join(&mut self, v: &[Expr], sep: &str, depth: usize) -> String {
        let parts: Vec<String> = v.iter().map(|x| self.expr(x, depth)).collect();
        format!("({})", parts.join(sep))
    }
}
