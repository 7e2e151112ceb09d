//! `ricci solve` and `ricci minimize`: the command-line face of
//! [`crate::solve`].
//!
//! In: [`SolveArgs`] / [`MinimizeArgs`]. Out: `NAME = VALUE` for each
//! unknown (exact rationals as a literal, f64 as `eval` prints), how a
//! nonlinear problem converged, for `minimize` the gradient, the value and
//! the kind of the point; `--out NAME=FILE.npy` writes an unknown.
//!
//! Always: a bad program, a singular system or a failed Newton run is an
//! error on stderr with exit status 1.

use super::{DataArgs, Failure, MinimizeArgs, SolveArgs, source};
use crate::runtime::args::Args;
use crate::runtime::npy::{read_npy, write_npy};
use crate::solve::{self as s, Method};

fn load(a: &DataArgs) -> Result<Args, Failure> {
    super::limits(&a.limits)?;
    let mut args = Args::new();
    for (name, path) in &a.inputs {
        if args.tensors.contains_key(name) {
            return Err(Failure::Usage(format!("--in {name}=... is given twice")));
        }
        args.tensors
            .insert(name.clone(), read_npy(path).map_err(Failure::plain)?);
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
    // The solvers work in f64.
    for t in args.tensors.values_mut() {
        if let crate::Tensor::F32(a) = t {
            *t = crate::Tensor::F64(a.mapv(f64::from));
        }
    }
    Ok(args)
}

fn render(f: s::Failure, name: &str, user: &str) -> Failure {
    let text = if f.text.is_empty() { user } else { &f.text };
    Failure::Data(f.errors.render(name, text))
}

fn write_outs(a: &DataArgs, values: &[(String, crate::Tensor)]) -> Result<(), Failure> {
    for (name, path) in &a.outs {
        let Some((_, t)) = values.iter().find(|(n, _)| n == name) else {
            let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
            return Err(Failure::plain(format!(
                "--out {name}=...: `{name}` is not an unknown (the unknowns: {})",
                names.join(", ")
            )));
        };
        write_npy(path, t).map_err(Failure::plain)?;
    }
    Ok(())
}

pub fn solve(a: &SolveArgs) -> Result<(), Failure> {
    let src = source::read(&a.program)?;
    let args = load(&a.data)?;
    let sol =
        s::solve(&src.text, &a.unknown, &args).map_err(|f| render(f, &src.name, &src.text))?;
    print!("{}", sol.line());
    if let Method::Newton {
        iterations,
        residual,
    } = sol.method
    {
        println!(
            "newton: converged in {iterations} iteration{}, residual norm {residual:e}",
            if iterations == 1 { "" } else { "s" }
        );
    }
    write_outs(&a.data, &[(sol.name.clone(), sol.value.tensor(&sol.shape))])
}

pub fn minimize(a: &MinimizeArgs) -> Result<(), Failure> {
    let src = source::read(&a.program)?;
    let args = load(&a.data)?;
    let m = s::minimize(&src.text, &a.over, a.of.as_deref(), &args, &mut |it, g| {
        if it % 10 == 0 {
            eprintln!("newton: iteration {it}, gradient norm {g:e}");
        }
    })
    .map_err(|f| render(f, &src.name, &src.text))?;
    print!("{}", m.report());
    write_outs(&a.data, &m.tensors())
}
