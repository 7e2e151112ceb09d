//! Checking the names a call gives against the program, before binding.
//!
//! In: a checked [`Program`] and the [`Env`] of a call. Out: nothing, or
//! every problem found (not just the first) that binding does not look for:
//! a tensor or a parameter given that the program does not take (typo
//! protection). Inputs and parameters
//! that are missing or of the wrong rank are [`crate::sema::bind`]'s to
//! report, so every caller (interpreter, einsum, later the JIT) gets them.
//!
//! Always: errors about something the program uses point at its first use
//! in the program text; errors about a name the program does not use have no
//! span and list the names the program does take. Nothing here panics.

use super::{Env, Program};
use crate::diagnostics::{Diagnostic, suggest};

/// Every problem with the names `env` gives for `program` that binding does
/// not report, in a fixed order: unknown tensors, unknown parameters.
pub fn check_names(program: &Program, env: &Env) -> Vec<Diagnostic> {
    let args = env;
    let mut errors = Vec::new();

    for name in args.shapes.keys() {
        if let Some(t) = program.input_by_name(name) {
            let input = program.input(t);
            if input.literal.is_some() {
                errors.push(
                    Diagnostic::at(
                        format!("tensor `{name}` is given but the program defines it by a tensor literal"),
                        input.span,
                    )
                    .with_span_label("defined here")
                    .with_note(format!("drop --in {name}=..., or rename the literal")),
                );
            }
            continue;
        }
        let note = if program.param_by_name(name).is_some() {
            format!(
                "`{name}` is a scalar parameter of the program: pass it with --set {name}=VALUE"
            )
        } else if program.def_by_name(name).is_some() {
            format!("`{name}` is defined by the program, so it cannot be an input")
        } else if let Some(meant) = similar(name, inputs(program), &args.shapes) {
            format!("did you mean `{meant}`? pass it with --in {meant}=FILE.npy")
        } else {
            format!(
                "{}; check the spelling",
                takes("input tensors", inputs(program))
            )
        };
        errors.push(
            Diagnostic::error(format!(
                "tensor `{name}` is given but the program has no input tensor named `{name}`"
            ))
            .with_note(note),
        );
    }

    for name in args.params.keys() {
        if program.param_by_name(name).is_some() {
            continue;
        }
        let note = if program.input_by_name(name).is_some() {
            format!("`{name}` is an input tensor of the program: pass it with --in {name}=FILE.npy")
        } else if program.def_by_name(name).is_some() {
            format!("`{name}` is defined by the program, so it cannot be set")
        } else if let Some(meant) = similar(name, params(program), &args.params) {
            format!("did you mean `{meant}`? pass it with --set {meant}=VALUE")
        } else {
            format!(
                "{}; check the spelling",
                takes("scalar parameters", params(program))
            )
        };
        errors.push(
            Diagnostic::error(format!(
                "parameter `{name}` is given but the program has no scalar parameter named \
                 `{name}`"
            ))
            .with_note(note),
        );
    }

    errors
}

/// The name of the program's, not given, that `name` most likely misspells
/// (letter case or one edit away).
fn similar<'a, V>(
    name: &str,
    names: Vec<&'a str>,
    given: &std::collections::BTreeMap<String, V>,
) -> Option<&'a str> {
    suggest::similar(name, names.into_iter().filter(|n| !given.contains_key(*n)))
}

fn inputs(program: &Program) -> Vec<&str> {
    program.inputs.iter().map(|i| i.name.as_str()).collect()
}

fn params(program: &Program) -> Vec<&str> {
    program.params.iter().map(|p| p.name.as_str()).collect()
}

/// "the program's input tensors are `A`, `B`" or "the program takes no input
/// tensors".
fn takes(what: &str, names: Vec<&str>) -> String {
    if names.is_empty() {
        format!("the program takes no {what}")
    } else {
        let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        format!("the program's {what}: {}", list.join(", "))
    }
}
