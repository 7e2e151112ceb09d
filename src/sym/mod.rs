//! The symbolic engine: exact simplification, Kronecker-delta contraction
//! and differentiation of checked programs.
//!
//! In: a checked [`crate::sema::Program`]. Out: expressions in a hash-consed
//! arena ([`pool::Pool`]) in canonical form, programs with every `diff(...)`
//! replaced by its simplified derivative, and their printed text.
//!
//! Always: every rewrite preserves the value the reference interpreter
//! computes, under the domain assumptions written in README.md (arguments of
//! `log` and bases of fractional powers are positive; `x/x` is 1).

pub mod api;
pub mod chain;
pub mod compact;
pub mod defs;
pub mod diff;
pub mod gather;
pub mod latex;
pub mod pool;
pub mod print;
pub mod program;
pub mod raise;
pub mod rational;
pub mod simplify;

pub use program::{SymDef, SymProgram};

use crate::diagnostics::Errors;

/// Runs `f` on a thread with a stack ample for any checked program.
pub(crate) fn on_big_stack<T: Send>(
    f: impl FnOnce() -> Result<T, Errors> + Send,
) -> Result<T, Errors> {
    crate::stack::on_big_stack("symbolic engine", f)
}

/// Lowers a checked program to the symbolic IR: every definition
/// simplified, every `diff(...)` replaced by its derivative.
pub fn lower(program: &crate::sema::Program) -> Result<SymProgram, Errors> {
    on_big_stack(|| program::lower(program))
}

/// Lowers a checked program and raises it back ([`SymProgram::try_raise`]):
/// the program without `diff` that the evaluators run, its shared
/// subexpressions computed once, with the new id of every definition.
pub fn lower_and_raise(program: &crate::sema::Program) -> Result<raise::Raised, Errors> {
    on_big_stack(|| program::lower(program)?.try_raise())
}
#[cfg(test)]
mod compact_tests;
#[cfg(test)]
mod eval_tests;
#[cfg(test)]
mod simplify_tests;
