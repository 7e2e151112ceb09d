//! The symbolic program's types: [`SymProgram`] (a pool and its
//! definitions) and [`SymDef`].
//!
//! In/out: plain data, filled by `program::lower`, extended by `chain`
//! (adjoint definitions), read by `raise`, `print` and `api`. Kept apart
//! from `program` so that `chain` (which `program` calls) depends on the
//! types only, not back on `program`.

use super::pool::{ExprId, Ix, Pool};
use crate::diagnostics::Span;
use crate::sema::{self, DefId, TensorRef};
use rustc_hash::FxHashMap as HashMap;

#[derive(Clone, Debug)]
pub struct SymDef {
    /// `None` for a bare expression.
    pub name: Option<String>,
    pub axes: Vec<Ix>,
    pub body: ExprId,
    pub span: Span,
    /// Made by the symbolic engine (an adjoint), not written by the user.
    pub derived: bool,
}

#[derive(Clone, Debug)]
pub struct SymProgram {
    pub pool: Pool,
    /// By [`DefId`].
    pub defs: Vec<SymDef>,
    /// Statement order.
    pub order: Vec<DefId>,
    pub inputs: Vec<sema::Input>,
    pub params: Vec<sema::Param>,
    /// For a derivative's target indices: the input axis whose extent they
    /// take.
    pub extent_of: HashMap<Ix, (TensorRef, usize)>,
}
