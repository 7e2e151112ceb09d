//! `ricci bench`: how long a program takes to compile and to run.
//!
//! In: [`BenchArgs`]: the program, the shape of every input tensor it reads
//! (`--shape NAME=D0,D1,...`), scalar parameters, `--f32`, `--json`. Out on
//! stdout: the compile time (text to callable kernel: the first uncached
//! compile in this process, which pays its one-time costs, and the median
//! of the [`COMPILES`] warm ones after it, split into parse and check,
//! symbolic work and code generation), the kernel's median run time over
//! many calls, and the rates that implies: GFLOP/s from a count of the
//! arithmetic the kernel's loop IR does (`Kernel::flops`, counted by
//! `loops::cost`), GB/s from the
//! bytes of the inputs and outputs (a lower bound on the memory traffic).
//! `--json` prints one JSON object (written by hand: `compile_us`,
//! `first_compile_us`, `compiles`, `parse_us`, `symbolic_us`, `codegen_us`, `run_us`, `min_run_us`, `runs`,
//! `flops`, `bytes`, `gflops`, `gbps`, `dtype`). `--dim IDX=N` is accepted
//! as for `eval`.
//!
//! Always: inputs are deterministic pseudo-random numbers in [-1, 1] (a
//! fixed xorshift per input, so two runs measure the same arithmetic); the
//! compile is never a cache hit; every input the program reads must have a
//! `--shape`, or the error names it and its rank before anything runs.

use super::{BenchArgs, Failure, source};
use crate::diagnostics::{Diagnostic, Errors};
use crate::jit::{self, CompileTimes, Options};
use crate::runtime::args::Args;
use crate::runtime::values::{DType, Tensor};
use crate::sema::{self, Program};
use ndarray::{ArrayD, IxDyn};
use std::time::{Duration, Instant};

/// Measure for at least this long (after warming up) ...
const TARGET: Duration = Duration::from_millis(500);
/// ... and at least this many runs, ...
const MIN_RUNS: usize = 10;
/// ... unless the kernel is so slow that this much time has passed (then at
/// least [`MIN_RUNS_SLOW`] runs) ...
const SLOW: Duration = Duration::from_secs(10);
const MIN_RUNS_SLOW: usize = 3;
/// ... and never more than this many.
const MAX_RUNS: usize = 100_000;
/// Warm-up: calls until this much time has passed (at least one more).
const WARM_UP: Duration = Duration::from_millis(100);
/// How many uncached compiles `compile_us` is the median of (the contract
/// asks for at least 5).
const COMPILES: usize = 7;
/// The most elements one generated input may have (as `bind` allows for a
/// definition).
const MAX_INPUT_ELEMENTS: u128 = sema::bind::MAX_ELEMENTS;

/// Parses `NAME=D0,D1,...` (for clap).
pub fn parse_shape_pair(s: &str) -> Result<(String, Vec<usize>), String> {
    let (k, v) = super::split_pair(s)?;
    if v.trim().is_empty() {
        return Err(format!(
            "no extents given for `{k}`: write {k}=D0,D1,... (e.g. {k}=64,64)"
        ));
    }
    let dims = v
        .split(',')
        .map(|d| {
            d.trim()
                .parse::<usize>()
                .map_err(|_| format!("`{}` is not a non-negative whole number (in {s})", d.trim()))
        })
        .collect::<Result<Vec<usize>, String>>()?;
    Ok((k.to_string(), dims))
}

/// What one benchmark measured.
struct Report {
    dtype: DType,
    /// The median of [`COMPILES`] uncached compiles.
    compile: Duration,
    /// The first of them.
    first_compile: Duration,
    times: CompileTimes,
    median: Duration,
    min: Duration,
    runs: usize,
    flops: f64,
    bytes: f64,
}

pub fn run(a: &BenchArgs) -> Result<(), Failure> {
    super::limits(&a.limits)?;
    let src = source::read(&a.program)?;
    let program = sema::check_source(&src.text).map_err(|e| src.fail(e))?;
    let dtype = if a.f32 { DType::F32 } else { DType::F64 };
    let args = make_args(a, &program, dtype).map_err(|e| match e {
        ArgsError::Usage(f) => f,
        ArgsError::Program(e) => src.fail(e),
    })?;

    // The first compile pays every one-time cost of a fresh process (ISA
    // detection, the host function table): that is `first_compile`. Then
    // `COMPILES` warm ones, each kernel dropped once the next is timed, as
    // in a process that compiles again and again (kept alive, each new
    // kernel's code and tables would take fresh pages). None is a cache
    // hit. The reported split is the median compile's; the last kernel
    // runs.
    let compile_once = || {
        let t0 = Instant::now();
        let k = jit::compile_uncached(
            &src.text,
            Options {
                threads: a.threads,
                ..Options::new(dtype)
            },
        )
        .map_err(|e| src.fail(e))?;
        Ok::<_, Failure>((t0.elapsed(), k))
    };
    let (first_compile, mut kernel) = compile_once()?;
    let mut warm: Vec<(Duration, CompileTimes)> = Vec::with_capacity(COMPILES);
    for _ in 0..COMPILES {
        let (t, k) = compile_once()?;
        warm.push((t, k.times));
        kernel = k;
    }
    warm.sort_by_key(|c| c.0);
    let (compile, times) = warm[COMPILES / 2];

    // The first call reports any problem with the arguments (wrong rank,
    // disagreeing extents, a missing parameter) and gives the outputs' sizes.
    let first = kernel.call(&args).map_err(|e| src.fail(e))?;
    let elem = match dtype {
        DType::F64 => 8.0,
        DType::F32 => 4.0,
    };
    let in_elems: usize = args.tensors.values().map(Tensor::len).sum();
    let out_elems: usize = first.iter().map(Tensor::len).sum();
    let bytes = (in_elems + out_elems) as f64 * elem;
    drop(first);

    // Warm up (the first call counts), then measure.
    let warm = Instant::now();
    while warm.elapsed() < WARM_UP {
        call(&kernel, &args, &src)?;
    }
    let mut samples: Vec<Duration> = Vec::new();
    let start = Instant::now();
    loop {
        let t = Instant::now();
        call(&kernel, &args, &src)?;
        samples.push(t.elapsed());
        let n = samples.len();
        let spent = start.elapsed();
        if n >= MAX_RUNS
            || (n >= MIN_RUNS && spent >= TARGET)
            || (n >= MIN_RUNS_SLOW && spent >= SLOW)
        {
            break;
        }
    }
    samples.sort();
    let median = samples[samples.len() / 2];
    let min = samples[0];

    let flops = kernel.flops(&args).map_err(|e| src.fail(e))?;
    let report = Report {
        dtype,
        compile,
        first_compile,
        times,
        median,
        min,
        runs: samples.len(),
        flops,
        bytes,
    };
    if a.json {
        println!("{}", json(&report));
    } else {
        print!("{}", human(&report));
    }
    Ok(())
}

fn call(kernel: &jit::Kernel, args: &Args, src: &source::Source) -> Result<(), Failure> {
    let out = kernel.call(args).map_err(|e| src.fail(e))?;
    std::hint::black_box(out);
    Ok(())
}

enum ArgsError {
    Usage(Failure),
    Program(Errors),
}

/// Random inputs of the `--shape`s, the `--set`s and `--dim`s; every input
/// the program reads must have a shape.
fn make_args(a: &BenchArgs, program: &Program, dtype: DType) -> Result<Args, ArgsError> {
    let mut args = Args::new();
    args.default_dtype = Some(dtype);
    let mut missing = Vec::new();
    for input in &program.inputs {
        if !a.shapes.iter().any(|(n, _)| *n == input.name) {
            let example: Vec<String> = (0..input.rank).map(|k| format!("D{k}")).collect();
            missing.push(
                Diagnostic::at(
                    format!("input tensor `{}` has no shape", input.name),
                    input.span,
                )
                .with_span_label(format!(
                    "`{}` is read here, with rank {}",
                    input.name, input.rank
                ))
                .with_note(format!(
                    "give its extents with --shape {}={}",
                    input.name,
                    example.join(",")
                )),
            );
        }
    }
    if !missing.is_empty() {
        return Err(ArgsError::Program(Errors(missing)));
    }
    for (k, (name, shape)) in a.shapes.iter().enumerate() {
        if args.tensors.contains_key(name) {
            return Err(ArgsError::Usage(Failure::Usage(format!(
                "--shape {name}=... is given twice"
            ))));
        }
        let t = random_tensor(shape, dtype, k as u64).map_err(|msg| {
            ArgsError::Usage(Failure::plain(format!("--shape {name}=...: {msg}")))
        })?;
        args.tensors.insert(name.clone(), t);
    }
    for (name, v) in &a.sets {
        if args.params.insert(name.clone(), *v).is_some() {
            return Err(ArgsError::Usage(Failure::Usage(format!(
                "--set {name}=... is given twice"
            ))));
        }
    }
    for (name, n) in &a.dims {
        if args.dims.insert(name.clone(), *n).is_some() {
            return Err(ArgsError::Usage(Failure::Usage(format!(
                "--dim {name}=... is given twice"
            ))));
        }
    }
    Ok(args)
}

/// xorshift64*: deterministic, good enough for benchmark inputs.
struct XorShift(u64);

impl XorShift {
    fn new(stream: u64) -> XorShift {
        // Any nonzero state works; mix the stream number in.
        XorShift((0x9E37_79B9_7F4A_7C15 ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03)) | 1)
    }

    /// Uniform in [-1, 1).
    fn next(&mut self) -> f64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
        // The top 53 bits as a fraction in [0, 1).
        let u = (r >> 11) as f64 / (1u64 << 53) as f64;
        2.0 * u - 1.0
    }
}

fn random_tensor(shape: &[usize], dtype: DType, stream: u64) -> Result<Tensor, String> {
    let n = shape
        .iter()
        .try_fold(1u128, |acc, &d| acc.checked_mul(d as u128))
        .filter(|&n| n <= MAX_INPUT_ELEMENTS)
        .ok_or_else(|| format!("more than {MAX_INPUT_ELEMENTS} elements"))? as usize;
    let mut rng = XorShift::new(stream);
    let too_big = |_| format!("cannot allocate {n} elements");
    Ok(match dtype {
        DType::F64 => {
            let mut v =
                crate::runtime::alloc::try_zeroed_vec::<f64>(n, "an input").map_err(too_big)?;
            v.iter_mut().for_each(|x| *x = rng.next());
            Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v).map_err(|e| e.to_string())?)
        }
        DType::F32 => {
            let mut v =
                crate::runtime::alloc::try_zeroed_vec::<f32>(n, "an input").map_err(too_big)?;
            v.iter_mut().for_each(|x| *x = rng.next() as f32);
            Tensor::F32(ArrayD::from_shape_vec(IxDyn(shape), v).map_err(|e| e.to_string())?)
        }
    })
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// `flops / time` in units of 10^9 per second (0 if no time passed).
fn rate(amount: f64, time: Duration) -> f64 {
    let s = time.as_secs_f64();
    if s > 0.0 { amount / s / 1e9 } else { 0.0 }
}

fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.3}")
    } else {
        "null".to_string()
    }
}

fn json(r: &Report) -> String {
    let fields = [
        ("compile_us", num(us(r.compile))),
        ("first_compile_us", num(us(r.first_compile))),
        ("compiles", COMPILES.to_string()),
        ("parse_us", num(us(r.times.parse_check))),
        ("symbolic_us", num(us(r.times.symbolic))),
        ("codegen_us", num(us(r.times.codegen))),
        ("run_us", num(us(r.median))),
        ("min_run_us", num(us(r.min))),
        ("runs", r.runs.to_string()),
        ("flops", format!("{:.0}", r.flops)),
        ("bytes", format!("{:.0}", r.bytes)),
        ("gflops", num(rate(r.flops, r.median))),
        ("gbps", num(rate(r.bytes, r.median))),
        ("dtype", format!("\"{}\"", r.dtype.name())),
    ];
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("\"{k}\": {v}"))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// `1.23 ms`, `45.6 us`, `789 ns`.
fn show_time(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.3} s")
    } else if s >= 1e-3 {
        format!("{:.3} ms", s * 1e3)
    } else if s >= 1e-6 {
        format!("{:.2} us", s * 1e6)
    } else {
        format!("{:.0} ns", s * 1e9)
    }
}

/// `12.3 M`, with the unit's prefix.
fn show_amount(x: f64) -> String {
    let (v, p) = if x >= 1e9 {
        (x / 1e9, "G")
    } else if x >= 1e6 {
        (x / 1e6, "M")
    } else if x >= 1e3 {
        (x / 1e3, "k")
    } else {
        (x, "")
    };
    format!("{v:.2} {p}")
}

fn human(r: &Report) -> String {
    format!(
        "compile  {}  median of {} (parse+check {}, symbolic {}, codegen {}); first {}\n\
         run      {}  median of {} runs (fastest {}), {}\n\
         work     {}FLOP, {}B read and written (inputs + outputs)\n\
         speed    {:.3} GFLOP/s, {:.3} GB/s\n",
        show_time(r.compile),
        COMPILES,
        show_time(r.times.parse_check),
        show_time(r.times.symbolic),
        show_time(r.times.codegen),
        show_time(r.first_compile),
        show_time(r.median),
        r.runs,
        show_time(r.min),
        r.dtype.name(),
        show_amount(r.flops),
        show_amount(r.bytes),
        rate(r.flops, r.median),
        rate(r.bytes, r.median),
    )
}
