//! `ricci eval`: run a program on .npy inputs and print every definition.
//!
//! In: [`EvalArgs`]. Out: `NAME = VALUE` per definition on stdout (a bare
//! expression prints its value alone), and the `--out` files. The JIT runs
//! the program as the symbolic engine leaves it (`--as-written`: as
//! written; `--interp`: the reference interpreter, on the same program;
//! `--explain` first prints the kernel's loop nests).
//!
//! Always: inputs are read and checked before anything is evaluated; a name
//! given to `--out` must be defined by the program.

use super::{EvalArgs, Failure, source};
use crate::runtime::args::Args;
use crate::runtime::npy::{read_npy, write_npy};
use crate::runtime::values::{Tensor, format_value};
use crate::sema::Program;

pub fn run(a: &EvalArgs) -> Result<(), Failure> {
    super::limits(&a.limits)?;
    let src = source::read(&a.program)?;
    let program = crate::sema::check_source(&src.text).map_err(|e| src.fail(e))?;
    let args = load_args(a)?;
    check_outs(&program, a)?;
    let values = if a.interp {
        let run = if a.as_written {
            crate::interp::eval
        } else {
            crate::interp::eval_simplified
        };
        run(&program, &args).map_err(|e| src.fail(e))?
    } else {
        let options = crate::jit::Options {
            dtype: args.dtype().map_err(|e| src.fail(e))?,
            as_written: a.as_written,
            threads: a.threads,
        };
        let kernel = crate::jit::compile(&src.text, options).map_err(|e| src.fail(e))?;
        if a.explain {
            print!("{}", kernel.explain());
        }
        kernel.call(&args).map_err(|e| src.fail(e))?
    };
    print!("{}", show_results(&program, &values));
    for (name, path) in &a.outs {
        if let Some(d) = program.def_by_name(name) {
            write_npy(path, &values[d.index()]).map_err(Failure::plain)?;
        }
    }
    Ok(())
}

/// Reads every `--in` file and collects `--set` and `--dim`.
pub fn load_args(a: &EvalArgs) -> Result<Args, Failure> {
    let mut args = Args::new();
    for (name, path) in &a.inputs {
        if args.tensors.contains_key(name) {
            return Err(Failure::Usage(format!("--in {name}=... is given twice")));
        }
        let t = read_npy(path).map_err(Failure::plain)?;
        args.tensors.insert(name.clone(), t);
    }
    for (name, v) in &a.sets {
        if args.params.insert(name.clone(), *v).is_some() {
            return Err(Failure::Usage(format!("--set {name}=... is given twice")));
        }
    }
    for (name, n) in &a.dims {
        if args.dims.insert(name.clone(), *n).is_some() {
            return Err(Failure::Usage(format!("--dim {name}=... is given twice")));
        }
    }
    Ok(args)
}

fn check_outs(program: &Program, a: &EvalArgs) -> Result<(), Failure> {
    for (name, _) in &a.outs {
        if program.def_by_name(name).is_none() {
            let names: Vec<String> = program
                .defs
                .iter()
                .filter_map(|d| d.name.as_ref().map(|n| format!("`{n}`")))
                .collect();
            return Err(Failure::plain(format!(
                "--out {name}=...: the program defines no `{name}` (it defines {})",
                if names.is_empty() {
                    "nothing by name".to_string()
                } else {
                    names.join(", ")
                }
            )));
        }
    }
    Ok(())
}

/// `NAME = VALUE` lines, continuation lines of a matrix aligned under the
/// value.
pub fn show_results(program: &Program, values: &[Tensor]) -> String {
    let mut out = String::new();
    for (def, value) in program.defs.iter().zip(values) {
        let text = format_value(value);
        let prefix = match &def.name {
            Some(n) => format!("{n} = "),
            None => String::new(),
        };
        let pad = " ".repeat(prefix.chars().count());
        for (k, line) in text.lines().enumerate() {
            out.push_str(if k == 0 { &prefix } else { &pad });
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
