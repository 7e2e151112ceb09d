//! The contraction planner: products of three or more tensors under sums
//! become pairwise contractions in the order with the fewest FLOPs.
//!
//! In: a checked program without `diff`. Out: which products to split and
//! how ([`contract::sites`], [`contract::choose`]), and the program that
//! computes them that way ([`contract::apply`]), hidden intermediates
//! `_cN` included. [`path`] is the search itself, on bit masks, with
//! opt_einsum's cost model.
//!
//! Always: the planned program has the source's values up to the order of
//! floating-point operations, binds from the source's binding, and shows
//! no hidden name to users. Extents are known only per call: the JIT plans
//! at compile time for [`NOMINAL`] extents and plans again per call shape
//! (see `jit::Kernel`).

pub mod contract;
pub mod path;

pub use contract::{Site, apply, choose, compose, describe, sites};
pub use path::{Path, Problem, flop_count, optimal};

/// The extent every index is assumed to have when a program is compiled
/// before any call gives it shapes.
pub const NOMINAL: u64 = 100;
