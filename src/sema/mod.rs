//! Semantic analysis: AST to the checked [`Program`], and a program plus the
//! shapes of one call to the extents of every index ([`bind()`]).
//!
//! In: [`crate::syntax::ast::Program`]. Out: [`Program`] or every error found
//! (not just the first), each pointing at its place in the text.
//!
//! Always: see [`program`] for the invariants of a checked program; [`bind()`]
//! proves every tensor access in bounds before anything is evaluated.

pub mod bind;
pub mod budget;
mod exact;
mod literal;
pub mod program;
mod resolve;
mod tensor_literal;
mod validate;

pub use bind::{Bound, Env, IndexRange, bind, bind_as_written};
pub use literal::parse_literal;
pub use program::*;
pub use resolve::{MAX_CHECKED_DEPTH, MAX_INDICES, check};
pub use validate::check_names;

/// Parses and checks program text in one step.
pub fn check_source(src: &str) -> Result<Program, crate::diagnostics::Errors> {
    let ast = crate::syntax::parse_program(src)?;
    check(&ast)
}
