//! The bodies of the fuzz targets (`fuzz/fuzz_targets/*.rs`): what each
//! does with the fuzzer's bytes. The corpus replay test
//! (`tests/all/fuzz_corpus.rs`) and the property tests run the same functions,
//! so a fuzzer's finding replays under plain `cargo test`.
//!
//! In: any bytes. Out: `Ok(())`, or `Err` saying what is wrong (the fuzz
//! targets panic with it, which libFuzzer reports as a crash).
//!
//! Always: every byte string is a valid input; nothing here allocates more
//! than a small multiple of the input's size or runs long on small inputs
//! (evaluation is skipped above a work bound).

#![allow(dead_code)]

use super::checks::{
    FILE, derivatives_match_differences, divides_by_zero_as_written, interp_matches_oracle,
    refused_for_zero_divisor, simplify_keeps_values, simplify_round_trips, too_big,
};
use super::choices::Choices;
use super::generator::{Case, DERIVATIVE, JIT, SMOOTH, SYMBOLIC};
use super::jit_check::{JitCall, MAX_WORK, jit_matches_interpreter};
use ndarray::{ArrayD, IxDyn};
use ricci::interp;
use ricci::runtime::args::Args;
use ricci::runtime::npy::{read_npy_bytes, write_npy_bytes};
use ricci::runtime::values::{Tensor, format_value};
use ricci::sema::{self, Env};
use ricci::syntax::{ast::sexpr_program, parse_program};
use std::collections::BTreeSet;

/// A fuzz target's body.
pub type Target = fn(&[u8]) -> Result<(), String>;

/// Every target by name (the names of `fuzz/fuzz_targets/*.rs` and of the
/// corpus directories).
pub const TARGETS: [(&str, Target); 4] = [
    ("parse", parse),
    ("symbolic", symbolic),
    ("eval", eval),
    ("npy", npy),
];

// ---------------------------------------------------------------------------
// parse: any text through the front end, the interpreter and the simplifier
// ---------------------------------------------------------------------------

/// The extents, parameter values and `--dim`s an arbitrary program is run
/// with.
#[derive(Clone, Debug)]
pub struct Call {
    /// Axis lengths, used round-robin for every input's axes.
    pub lengths: Vec<usize>,
    /// Parameter values, used round-robin.
    pub values: Vec<f64>,
    /// `--dim` extents for the first few index names (0: none given).
    pub dims: Vec<usize>,
    /// Also pass `--dim` for a name the program does not have.
    pub stray_dim: bool,
}

impl Call {
    /// Six bytes: two lengths, two values, a `--dim`, the stray flag.
    pub fn generate(c: &mut Choices) -> Call {
        let values = [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 2.5, -0.5, f64::NAN];
        Call {
            lengths: vec![c.below(4), 1 + c.below(3)],
            values: vec![c.pick(&values), c.pick(&values)],
            dims: vec![c.below(4)],
            stray_dim: c.flag(),
        }
    }
}

fn rendered(e: &ricci::Errors, src: &str) -> Result<(), String> {
    let text = e.render(FILE, src);
    if text.starts_with("error") {
        Ok(())
    } else {
        Err(format!("an error renders as\n{text}\nfor\n{src:?}"))
    }
}

/// Runs text through every stage that exists (parse, check, bind, the
/// interpreter where the work is small, the symbolic engine), rendering
/// every error. Fails if an error does not render as one, or if the
/// simplified text of a program does not check again.
pub fn run_anything(src: &str, call: &Call) -> Result<(), String> {
    let ast = match parse_program(src) {
        Ok(a) => a,
        Err(e) => return rendered(&e, src),
    };
    let _ = sexpr_program(&ast);
    let program = match sema::check(&ast) {
        Ok(p) => p,
        Err(e) => return rendered(&e, src),
    };
    // The symbolic engine: any checked program simplifies to a text that
    // checks again, or is refused with an error.
    match ricci::SymProgram::parse(src) {
        Ok(sp) => {
            let text = sp.text();
            if let Err(e) = sema::check_source(&text) {
                return Err(format!(
                    "the simplified text does not check:\n{text}\n{}\nfrom\n{src:?}",
                    e.render(FILE, &text)
                ));
            }
        }
        Err(e) => rendered(&e, src)?,
    }
    let mut env = Env::default();
    let mut next_len = call.lengths.iter().copied().cycle();
    for input in &program.inputs {
        let shape = (0..input.rank)
            .map(|_| next_len.next().unwrap_or(1))
            .collect();
        env.shapes.insert(input.name.clone(), shape);
    }
    let mut next_val = call.values.iter().copied().cycle();
    for p in &program.params {
        env.params
            .insert(p.name.clone(), next_val.next().unwrap_or(1.0));
    }
    let names: BTreeSet<&str> = program.indices.iter().map(|i| i.name.as_str()).collect();
    for (name, &d) in names.iter().zip(&call.dims) {
        if d > 0 {
            env.dims.insert(name.to_string(), d);
        }
    }
    if call.stray_dim {
        env.dims.insert("zz_none".into(), 2);
    }
    let bound = match sema::bind(&program, &env) {
        Ok(b) => b,
        Err(e) => return rendered(&e, src),
    };
    // Evaluate only when the work is small: every range multiplied together
    // bounds the number of points any definition visits.
    let work = bound
        .ranges
        .iter()
        .fold(1f64, |acc, r| acc * (r.len.max(1) as f64));
    if work > 1e5 {
        return Ok(());
    }
    let mut args = Args::new();
    for (name, shape) in &env.shapes {
        let len: usize = shape.iter().product();
        let data = (0..len).map(|k| (k as f64 * 0.37).sin()).collect();
        let a = ArrayD::from_shape_vec(IxDyn(shape), data).expect("shape");
        args = args.tensor(name, Tensor::F64(a));
    }
    for (name, &v) in &env.params {
        args = args.param(name, v);
    }
    for (name, &d) in &env.dims {
        args = args.dim(name, d);
    }
    match interp::eval(&program, &args) {
        Ok(_) => Ok(()),
        Err(e) => rendered(&e, src),
    }
}

/// Target `parse`: six bytes of [`Call`], then program text (lossy UTF-8).
pub fn parse(data: &[u8]) -> Result<(), String> {
    let mut c = Choices::new(data);
    let call = Call::generate(&mut c);
    let src = String::from_utf8_lossy(c.rest());
    run_anything(&src, &call)
}

// ---------------------------------------------------------------------------
// symbolic and eval: generated programs
// ---------------------------------------------------------------------------

/// Target `symbolic`: a program of the [`SYMBOLIC`], [`SMOOTH`] or
/// [`DERIVATIVE`] profile (first byte); simplifying keeps values and is
/// idempotent, and (derivative profile) derivatives match finite
/// differences. Programs whose simplified text passes
/// [`super::checks::MAX_TEXT`] are skipped (B1).
pub fn symbolic(data: &[u8]) -> Result<(), String> {
    let mut c = Choices::new(data);
    let profile = [SYMBOLIC, SMOOTH, DERIVATIVE][c.below(3)];
    let case = Case::generate(&mut c, &profile);
    if divides_by_zero_as_written(&case) {
        return Ok(());
    }
    if case.work() > MAX_WORK || too_big(&case.text())? {
        return Ok(());
    }
    simplify_keeps_values(&case)?;
    simplify_round_trips(&case)?;
    if profile.tie {
        derivatives_match_differences(&case)?;
    }
    Ok(())
}

/// Target `eval`: a program of the [`JIT`] profile and a [`JitCall`]; the
/// interpreter agrees with the oracle and the JIT with the interpreter.
pub fn eval(data: &[u8]) -> Result<(), String> {
    let mut c = Choices::new(data);
    let case = Case::generate(&mut c, &JIT);
    let call = JitCall::generate(&mut c, &case);
    if case.work() > MAX_WORK {
        return Ok(());
    }
    if divides_by_zero_as_written(&case) || refused_for_zero_divisor(&case) {
        return Ok(());
    }
    interp_matches_oracle(&case)?;
    jit_matches_interpreter(&case, &call)
}

// ---------------------------------------------------------------------------
// npy: the reader
// ---------------------------------------------------------------------------

/// Target `npy`: any bytes as a `.npy` file. A file that reads prints, and
/// writes back to bytes that read as the same tensor (dtype, shape, every
/// bit); one that does not gives a message.
pub fn npy(data: &[u8]) -> Result<(), String> {
    let t = match read_npy_bytes(data) {
        Ok(t) => t,
        Err(e) => {
            return if e.to_string().is_empty() {
                Err(format!("an empty message for {data:?}"))
            } else {
                Ok(())
            };
        }
    };
    let _ = format_value(&t);
    let bytes = write_npy_bytes(&t).map_err(|e| format!("cannot write back: {e}"))?;
    let back = read_npy_bytes(&bytes).map_err(|e| format!("cannot read what was written: {e}"))?;
    let bits = |t: &Tensor| -> Vec<u64> {
        match t {
            Tensor::F64(a) => a.iter().map(|v| v.to_bits()).collect(),
            Tensor::F32(a) => a.iter().map(|v| u64::from(v.to_bits())).collect(),
        }
    };
    if back.dtype() != t.dtype() || back.shape() != t.shape() || bits(&back) != bits(&t) {
        return Err(format!(
            "a round trip changes the tensor: {:?} {:?} became {:?} {:?}",
            t.dtype(),
            t.shape(),
            back.dtype(),
            back.shape()
        ));
    }
    Ok(())
}
