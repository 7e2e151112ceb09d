//! Syntax: text to [`ast::Program`].
//!
//! In: program text. Out: the AST, or diagnostics that point at the exact
//! place of the first lexical or syntax error and say what was expected.
//!
//! Always: parsing never panics, whatever the input; nesting deeper than
//! [`MAX_DEPTH`] is an error, so later recursive passes cannot overflow the
//! stack.

pub mod ast;
pub mod lexer;
pub mod token;

mod parse;
pub use parse::{MAX_DEPTH, parse_expr, parse_program};
