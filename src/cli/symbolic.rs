//! `ricci simplify` and `ricci diff`: the symbolic engine on the command line.
//!
//! In: [`SimplifyArgs`] / [`DiffArgs`]. Out: a program on stdout (or its
//! LaTeX with `--latex`): for `simplify`, every statement simplified; for
//! `diff`, the forward definitions the derivative needs, then the
//! derivative `d<of>_d<wrt>[...] = ...` last.
//!
//! Always: the printed text parses again and runs under `ricci eval` with
//! the same inputs.

use super::{DiffArgs, Failure, SimplifyArgs, source};
use crate::sym::SymProgram;

pub fn simplify(a: &SimplifyArgs) -> Result<(), Failure> {
    let src = source::read(&a.program)?;
    let p = SymProgram::parse(&src.text).map_err(|e| src.fail(e))?;
    print!("{}", if a.latex { p.latex() } else { p.text() });
    Ok(())
}

pub fn diff(a: &DiffArgs) -> Result<(), Failure> {
    let src = source::read(&a.program)?;
    let mut p = SymProgram::parse(&src.text).map_err(|e| src.fail(e))?;
    let d = p.diff(a.of.as_deref(), &a.wrt).map_err(|e| src.fail(e))?;
    let text = if a.latex {
        p.program_latex(&[d])
    } else {
        p.program_text(&[d])
    };
    print!("{text}");
    Ok(())
}
