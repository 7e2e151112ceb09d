//! ricci: a compiler for tensor formulas written in index notation.
//!
//! [`compile`] turns program text into a native [`Kernel`] (Cranelift),
//! cached by text and [`Options`]; call it on ndarray views of any strides
//! and get its [`Outputs`] by position or by name:
//!
//! ```
//! use ndarray::array;
//! let k = ricci::compile("C[i,k] = sum_j A[i,j] B[j,k]", ricci::Options::default())?;
//! assert_eq!(k.inputs()[0].name, "A");
//! let a = array![[1., 2.], [3., 4.]].into_dyn();
//! let b = array![[5., 7.], [6., 8.]].into_dyn(); // B^T, passed transposed
//! let c = k.run_views(&[("A", a.view()), ("B", b.t())], &[])?;
//! assert_eq!(c["C"], array![[19., 22.], [43., 50.]].into_dyn());
//! # Ok::<(), ricci::Errors>(())
//! ```
//!
//! Errors are [`Errors`]: their `Display` is the rendered diagnostic, with
//! a caret under the place in the program and the help notes.
//!
//! The symbolic engine: [`SymProgram`] parses, simplifies and
//! differentiates; [`compile_sym`] compiles its definitions (a derivative)
//! without printing them. [`check`] and [`eval`] are the checker and the
//! reference interpreter, [`einsum`] runs numpy's subscripts, [`solve`]
//! solves equations and finds stationary points. ARCHITECTURE.md maps the
//! code; the modules behind it are public only for the tests and benches
//! (hidden from these docs).

#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod diagnostics;
pub mod einsum;
#[doc(hidden)]
pub mod interp;
#[doc(hidden)]
pub mod jit;
#[doc(hidden)]
pub mod limits;
// Its docs link its private parts (read with --document-private-items).
#[doc(hidden)]
#[allow(rustdoc::broken_intra_doc_links)]
pub mod loops;
#[doc(hidden)]
pub mod ops;
#[doc(hidden)]
pub mod plan;
#[doc(hidden)]
pub mod runtime;
#[doc(hidden)]
pub mod sema;
pub mod solve;
#[doc(hidden)]
pub mod stack;
#[doc(hidden)]
pub mod sym;
#[doc(hidden)]
pub mod syntax;

pub use diagnostics::{Diagnostic, Errors, Label, Source, Span};
pub use interp::eval;
pub use jit::{
    CompileTimes, Kernel, KernelElement, Options, Outputs, TensorInfo, clear_cache, compile,
    compile_sym, compile_uncached,
};
pub use limits::Limits;
pub use runtime::args::Args;
pub use runtime::values::{DType, Tensor};
pub use sema::{DefId, Program};
pub use sym::SymProgram;

/// Parses and checks a program: names, indices, extents (every error,
/// pointing into `src`).
///
/// ```
/// use ricci::{Args, Tensor};
/// use ndarray::array;
///
/// let program = ricci::check("C[i,k] = A[i,j] B[j,k]").unwrap();
/// let args = Args::new()
///     .tensor("A", Tensor::F64(array![[1., 2.], [3., 4.]].into_dyn()))
///     .tensor("B", Tensor::F64(array![[5., 6.], [7., 8.]].into_dyn()));
/// let values = ricci::eval(&program, &args).unwrap();
/// assert_eq!(values[0], Tensor::F64(array![[19., 22.], [43., 50.]].into_dyn()));
/// ```
pub fn check(src: &str) -> Result<Program, Errors> {
    sema::check_source(src).map_err(|e| e.with_source("<program>", src))
}

// The parser lalrpop generated from grammar/ricci.lalrpop (build.rs says
// how to regenerate it; tests/all/parser_current.rs checks it is current).
#[allow(clippy::all, unused_parens, dead_code, unused_qualifications)]
#[rustfmt::skip]
#[path = "../grammar/ricci.rs"]
mod grammar;
