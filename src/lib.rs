//! ricci: a compiler for tensor formulas written in index notation.
//!
//! The pipeline: [`syntax`] (text to AST) → [`sema`] (names, indices,
//! extents: the checked program) → [`interp`] (the reference interpreter)
//! and [`einsum`] (numpy subscripts to a checked program). See
//! ARCHITECTURE.md.

pub mod cli;
pub mod diagnostics;
pub mod einsum;
pub mod interp;
pub mod runtime;
pub mod sema;
pub mod syntax;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused_parens, dead_code)]
    grammar,
    "/ricci.rs"
);
