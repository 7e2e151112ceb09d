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

pub mod order;
pub mod pool;
