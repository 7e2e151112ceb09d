//! The reference interpreter (being written).
use crate::diagnostics::{Diagnostic, Errors};
use crate::runtime::args::Args;
use crate::runtime::values::Tensor;
use crate::sema::Program;

/// Evaluates every definition in order; one value per definition.
pub fn eval(program: &Program, args: &Args) -> Result<Vec<Tensor>, Errors> {
    let _ = (program, args);
    Err(Errors::one(Diagnostic::error("interp: not written yet")))
}
