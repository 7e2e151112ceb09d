//! ricci: a compiler for tensor formulas written in index notation.
//!
//! The pipeline: [`syntax`] (text to AST) → [`sema`] (names, indices,
//! extents: the checked program) → [`interp`] (the reference interpreter)
//! and [`einsum`] (numpy subscripts to a checked program). See
//! ARCHITECTURE.md.
//!
//! ```
//! use ricci::{Args, Tensor};
//! use ndarray::array;
//!
//! let program = ricci::check("C[i,k] = A[i,j] B[j,k]").unwrap();
//! let args = Args::new()
//!     .tensor("A", Tensor::F64(array![[1., 2.], [3., 4.]].into_dyn()))
//!     .tensor("B", Tensor::F64(array![[5., 6.], [7., 8.]].into_dyn()));
//! let values = ricci::eval(&program, &args).unwrap();
//! assert_eq!(values[0], Tensor::F64(array![[19., 22.], [43., 50.]].into_dyn()));
//! ```

pub mod cli;
pub mod diagnostics;
pub mod einsum;
pub mod interp;
pub mod jit;
pub mod limits;
pub mod loops;
pub mod ops;
pub mod plan;
pub mod runtime;
pub mod sema;
pub mod solve;
pub mod stack;
pub mod sym;
pub mod syntax;

pub use diagnostics::{Diagnostic, Errors, Span};
pub use interp::eval;
pub use jit::{Kernel, Options, TensorInfo, compile};
pub use limits::Limits;
pub use runtime::args::Args;
pub use runtime::values::{DType, Tensor};
pub use sema::{Program, check_source as check};
pub use sym::SymProgram;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused_parens, dead_code)]
    grammar,
    "/ricci.rs"
);
