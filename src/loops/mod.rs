//! The loop IR: how each definition of a checked program becomes a loop
//! nest, and which subexpressions are computed outside the loops they do
//! not depend on.
//!
//! In: a checked [`Program`] without `diff` (as the symbolic engine leaves
//! it). Out: a [`Plan`]: for every definition, its nest (one loop per axis,
//! in order, the last axis innermost: outputs are C-ordered, so that is the
//! unit-stride one), every `sum`/`prod` a loop with an accumulator
//! initialised to its identity (0 or 1) — an innermost one with [`LANES`]
//! accumulators, unrolled — and for every loop the maximal
//! subexpressions of its body that do not depend on its index or any index
//! bound inside it ("hoisted": computed once before the loop starts).
//! [`explain`] prints it; the JIT generates code from it.
//!
//! Always: elementwise work of one definition is fused into its one nest;
//! a definition is materialised once and read by later ones; hoisting only
//! moves a computation to where all its indices are already fixed, so the
//! values computed are exactly the interpreter's (same operations, same
//! order of summation).

mod explain;
mod materialize;

pub use explain::explain;
pub use materialize::{Materialized, materialize};

use crate::sema::{Expr, ExprKind, IndexId, Program};
use std::collections::{BTreeSet, HashMap};

/// How many partial results an innermost reduction keeps: of n terms, the
/// first `LANES * floor(n / LANES)` go to lane k mod `LANES`, the rest to
/// lane 0 in order, and the lanes are combined as `(l0 + l1) + (l2 + l3)`.
/// The interpreter follows the same order, so the two agree to the bit.
pub const LANES: usize = 4;

/// Whether a reduction with this body is innermost (no reduction inside),
/// so it runs in [`LANES`] lanes.
pub fn is_innermost(body: &Expr) -> bool {
    let mut inner = false;
    body.walk(&mut |e| inner |= matches!(e.kind, ExprKind::Reduce { .. }));
    !inner
}

/// Whether a power's exponent is the constant 2 (`x^2` is computed `x x`).
pub fn is_square(exponent: &Expr) -> bool {
    matches!(&exponent.kind, ExprKind::Const(r) if *r == num_rational::BigRational::from_integer(2.into()))
}

/// The free indices of every node, and the hoisting decisions.
pub struct Plan<'p> {
    pub program: &'p Program,
    free: HashMap<*const Expr, BTreeSet<IndexId>>,
    /// Reductions that keep one accumulator although their body now has no
    /// reduction inside (materialising moved it out; the summation order
    /// is the one of the program as written).
    single: BTreeSet<IndexId>,
}

impl<'p> Plan<'p> {
    pub fn new(program: &'p Program) -> Plan<'p> {
        Plan::with_single(program, BTreeSet::new())
    }

    /// A plan in which the reductions over `single` keep one accumulator.
    pub fn with_single(program: &'p Program, single: BTreeSet<IndexId>) -> Plan<'p> {
        let mut plan = Plan {
            program,
            free: HashMap::new(),
            single,
        };
        for def in &program.defs {
            plan.compute_free(&def.body);
        }
        plan
    }

    fn compute_free(&mut self, e: &Expr) -> BTreeSet<IndexId> {
        let mut set = BTreeSet::new();
        match &e.kind {
            ExprKind::Index(i) => {
                set.insert(*i);
            }
            ExprKind::Elem(_, ixs) => set.extend(ixs.iter().copied()),
            ExprKind::Delta(a, b) => {
                set.insert(*a);
                set.insert(*b);
            }
            ExprKind::Reduce { index, body, .. } => {
                set = self.compute_free(body);
                set.remove(index);
            }
            _ => {
                for c in e.children() {
                    set.extend(self.compute_free(c));
                }
            }
        }
        self.free.insert(e as *const Expr, set.clone());
        set
    }

    /// Whether the reduction over `index` with this body runs in [`LANES`]
    /// lanes.
    pub fn laned(&self, index: IndexId, body: &Expr) -> bool {
        is_innermost(body) && !self.single.contains(&index)
    }

    /// Whether a definition with these axes and body is a row reduction:
    /// `D[..., k] = sum_j E` with `E` laned (no reduction inside) and
    /// reading the last axis `k`. Its code runs `j` outside `k`, adding
    /// term j into partial row lane(j) (`(j - start) mod LANES` in the full
    /// rounds, row 0 after them: exactly the lanes of the scalar order), so
    /// the innermost loop walks `k`: unit stride in the output and in
    /// row-major inputs (matmul's `B[j,k]`). Returns the reduction.
    pub fn row_reduction<'e>(
        &self,
        axes: &[IndexId],
        body: &'e Expr,
    ) -> Option<(crate::syntax::token::ReduceKind, IndexId, &'e Expr)> {
        let k = *axes.last()?;
        match &body.kind {
            ExprKind::Reduce {
                kind,
                index,
                body: inner,
            } if self.laned(*index, inner) && self.free(inner).is_some_and(|f| f.contains(&k)) => {
                Some((*kind, *index, inner))
            }
            _ => None,
        }
    }

    /// The free indices of `e` (a node of this plan's program).
    pub fn free(&self, e: &Expr) -> Option<&BTreeSet<IndexId>> {
        self.free.get(&(e as *const Expr))
    }

    /// The maximal subexpressions of `body` that depend on none of `inner`
    /// (the index of a loop around `body`, and the indices of the loops
    /// nested between it and `body`) nor on an index bound inside `body`,
    /// and are worth computing once before that loop: everything but
    /// numbers, parameters and index values. `done(e)` says `e` was hoisted
    /// already (by an outer loop); it is not listed again.
    pub fn hoists<'e>(
        &self,
        inner: &[IndexId],
        body: &'e Expr,
        done: &dyn Fn(&Expr) -> bool,
    ) -> Vec<&'e Expr> {
        let mut out = Vec::new();
        let mut inner = inner.to_vec();
        self.collect(body, &mut inner, done, &mut out);
        out
    }

    fn collect<'e>(
        &self,
        e: &'e Expr,
        inner: &mut Vec<IndexId>,
        done: &dyn Fn(&Expr) -> bool,
        out: &mut Vec<&'e Expr>,
    ) {
        if done(e) {
            return;
        }
        let independent = self
            .free(e)
            .is_some_and(|f| !inner.iter().any(|i| f.contains(i)));
        if independent {
            let trivial = matches!(
                e.kind,
                ExprKind::Const(_) | ExprKind::Param(_) | ExprKind::Index(_)
            );
            if !trivial {
                out.push(e);
            }
            return;
        }
        if let ExprKind::Reduce { index, body, .. } = &e.kind {
            inner.push(*index);
            self.collect(body, inner, done, out);
            inner.pop();
            return;
        }
        for c in e.children() {
            self.collect(c, inner, done, out);
        }
    }
}
