//! The middle end: a checked program (without `diff`) to the loop IR the
//! JIT executes.
//!
//! In: a checked [`Program`] without `diff` (as the symbolic engine leaves
//! it). Pipeline: [`materialize`] (sums recomputed per element become
//! hidden definitions) → [`lower`] (canonical loop IR: a loop per axis,
//! last axis innermost, a register reduction per `sum`/`prod`) → [`fuse`]
//! (sums over a vector's rows join the loop that computes them) →
//! [`gemm`] (contractions of two tensors as library GEMM nodes) →
//! [`order`] (loop order for the call's layout class) → [`hoist`]
//! (loop-invariant values computed once, before the loop) → lanes (an
//! innermost reduction runs in [`LANES`] accumulators) → [`simd`] (innermost
//! unit-stride loops on 128-bit vectors) → [`parallel`] (the axis a call
//! may split among threads) → [`verify`].
//! Out: an [`ir::Func`], which the code generator translates, `--explain`
//! prints and bench counts ([`cost`]).
//!
//! Always: the IR computes the program's values with the same operations;
//! only the order in which a reduction's terms are combined may change
//! (lanes, loop order), as LANGUAGE.md §4 allows, and that order depends
//! only on the program and the layout class, never on the run.

pub mod cost;
pub mod fuse;
pub mod gemm;
pub mod hoist;
pub mod ir;
mod lower;
pub(crate) mod materialize;
pub mod order;
pub mod parallel;
pub mod simd;
pub mod verify;

pub use lower::lower;
pub use materialize::{Materialized, materialize};

use crate::sema::{Expr, ExprKind, IndexId, Program};
use std::collections::{BTreeSet, HashMap};

/// How many partial results an innermost register reduction keeps: term
/// k of the first `LANES * floor(n / LANES)` goes to lane k mod `LANES`,
/// the rest to lane 0 in order, and the lanes combine as `(l0 + l1) +
/// (l2 + l3)`.
pub const LANES: usize = 4;

/// Whether a reduction with this body is innermost (no reduction inside).
pub fn is_innermost(body: &Expr) -> bool {
    let mut inner = false;
    body.walk(&mut |e| inner |= matches!(e.kind, ExprKind::Reduce { .. }));
    !inner
}

/// A power's exponent when it is the constant -1 or -2 (`x^-1` is computed
/// `1 / x`, `x^-2` as `1 / (x x)`: within an ulp of `powf`, with its
/// special values, and far cheaper).
pub fn reciprocal_power(exponent: &Expr) -> Option<i32> {
    match &exponent.kind {
        ExprKind::Const(r) if *r == num_rational::BigRational::from_integer((-1).into()) => {
            Some(-1)
        }
        ExprKind::Const(r) if *r == num_rational::BigRational::from_integer((-2).into()) => {
            Some(-2)
        }
        _ => None,
    }
}

/// Whether a power's exponent is the constant 2 (`x^2` is computed `x x`).
pub fn is_square(exponent: &Expr) -> bool {
    matches!(&exponent.kind, ExprKind::Const(r) if *r == num_rational::BigRational::from_integer(2.into()))
}

/// The loop IR of `program` (materialised, without `diff`) for one layout
/// class, every pass run; `names` name its definitions. In debug builds
/// the verifier checks the result.
pub fn build(
    program: &Program,
    names: &[String],
    layout: &ir::LayoutClass,
) -> Result<ir::Func, String> {
    let mut f = lower(program, names)?;
    fuse::fuse(&mut f, &program.indices, layout);
    gemm::gemm(&mut f);
    order::order(&mut f, layout);
    hoist::hoist(&mut f);
    lanes(&mut f);
    simd::simd(&mut f);
    parallel::parallel(&mut f);
    if cfg!(debug_assertions) {
        verify::well_formed(&f).map_err(|e| format!("loop IR verifier: {e}"))?;
    }
    Ok(f)
}

/// Pass: every register reduction with no loop inside its body runs in
/// [`LANES`] lanes.
pub fn lanes(f: &mut ir::Func) {
    fn list(stmts: &mut [ir::Stmt]) {
        for s in stmts {
            match s {
                ir::Stmt::Loop { body, .. } => list(body),
                ir::Stmt::Reduce { body, lanes, .. } => {
                    list(body);
                    let nested = body
                        .iter()
                        .any(|b| matches!(b, ir::Stmt::Loop { .. } | ir::Stmt::Reduce { .. }));
                    *lanes = if nested { 1 } else { LANES as u8 };
                }
                _ => {}
            }
        }
    }
    for b in &mut f.blocks {
        list(&mut b.body);
    }
}

/// The free indices of every node of a program (for materialising).
pub struct Plan<'p> {
    pub program: &'p Program,
    free: HashMap<*const Expr, BTreeSet<IndexId>>,
}

impl<'p> Plan<'p> {
    pub fn new(program: &'p Program) -> Plan<'p> {
        let mut plan = Plan {
            program,
            free: HashMap::new(),
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

    /// The free indices of `e` (a node of this plan's program).
    pub fn free(&self, e: &Expr) -> Option<&BTreeSet<IndexId>> {
        self.free.get(&(e as *const Expr))
    }
}
