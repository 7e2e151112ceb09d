//! The command-line interface: argument parsing (clap) and the subcommands.
//!
//! In: command-line arguments. Out: text on stdout, `.npy` files, and an exit
//! status: 0 success, 1 a bad program or bad data (rendered diagnostics on
//! stderr), 2 bad usage (clap's own messages).
//!
//! Always: user input never reaches a panic; every failure is a message that
//! says where and what to change.

mod bench;
mod demo;
mod einsum_cmd;
mod eval;
mod solve;
mod source;
mod symbolic;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "ricci",
    version,
    about = "A compiler for tensor formulas in index notation",
    long_about = "A compiler for tensor formulas in index notation.\n\nExample: ricci eval 'C[i,k] = sum_j A[i,j] B[j,k]' --in A=a.npy --in B=b.npy"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Evaluate a program and print each definition.
    Eval(EvalArgs),
    /// Evaluate a numpy einsum expression on .npy files.
    Einsum(EinsumArgs),
    /// Walk through the lecture notes' formulas on built-in data.
    Demo,
    /// Print a program simplified: exact constants, like terms collected,
    /// deltas contracted, `diff(...)` carried out.
    Simplify(SimplifyArgs),
    /// Differentiate a definition and print the derivative as a runnable
    /// program.
    Diff(DiffArgs),
    /// Compile a program on random inputs of the given shapes and report
    /// compile time, median run time, GFLOP/s and GB/s.
    Bench(BenchArgs),
    /// Solve the program's last statement, an equation `LHS = RHS`, for
    /// an unknown tensor or scalar.
    Solve(SolveArgs),
    /// Find where the gradient of a scalar loss is zero and say whether it
    /// is a minimum, a maximum or a saddle.
    Minimize(MinimizeArgs),
}

/// `--in`, `--set`, `--dim`, `--out` as for `eval`.
#[derive(clap::Args, Debug)]
pub struct DataArgs {
    /// An input tensor from a .npy file (f64 or f32).
    #[arg(long = "in", value_name = "NAME=FILE.npy", value_parser = parse_path_pair)]
    pub inputs: Vec<(String, PathBuf)>,
    /// A scalar parameter.
    #[arg(long = "set", value_name = "NAME=NUMBER", value_parser = parse_number_pair, allow_hyphen_values = true)]
    pub sets: Vec<(String, f64)>,
    /// The extent of an index that no tensor gives.
    #[arg(long = "dim", value_name = "IDX=N", value_parser = parse_dim_pair)]
    pub dims: Vec<(String, usize)>,
    /// Write the solution (an unknown's name) to a .npy file.
    #[arg(long = "out", value_name = "NAME=FILE.npy", value_parser = parse_path_pair)]
    pub outs: Vec<(String, PathBuf)>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(clap::Args, Debug)]
pub struct SolveArgs {
    /// The program text; `-` reads standard input; `@FILE` reads a file.
    #[arg(allow_hyphen_values = true)]
    pub program: String,
    /// The unknown: a tensor or scalar the equation uses and nothing defines.
    #[arg(long = "for", value_name = "NAME")]
    pub unknown: String,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(clap::Args, Debug)]
pub struct MinimizeArgs {
    /// The program text; `-` reads standard input; `@FILE` reads a file.
    #[arg(allow_hyphen_values = true)]
    pub program: String,
    /// An unknown to minimise over (repeat for several).
    #[arg(long = "over", value_name = "NAME", required = true)]
    pub over: Vec<String>,
    /// The scalar definition to minimise (default: the last).
    #[arg(long, value_name = "NAME")]
    pub of: Option<String>,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// The program text; `-` reads standard input; `@FILE` reads a file.
    #[arg(allow_hyphen_values = true)]
    pub program: String,
    /// The shape of an input tensor (filled with pseudo-random numbers in
    /// [-1, 1]).
    #[arg(long = "shape", value_name = "NAME=D0,D1,...", value_parser = bench::parse_shape_pair)]
    pub shapes: Vec<(String, Vec<usize>)>,
    /// A scalar parameter.
    #[arg(long = "set", value_name = "NAME=NUMBER", value_parser = parse_number_pair, allow_hyphen_values = true)]
    pub sets: Vec<(String, f64)>,
    /// The extent of an index that no tensor gives.
    #[arg(long = "dim", value_name = "IDX=N", value_parser = parse_dim_pair)]
    pub dims: Vec<(String, usize)>,
    /// Compute in f32 (default: f64).
    #[arg(long)]
    pub f32: bool,
    /// Print one JSON object instead of a report.
    #[arg(long)]
    pub json: bool,
    /// At most N threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(clap::Args, Debug)]
pub struct SimplifyArgs {
    /// The program text; `-` reads standard input; `@FILE` reads a file.
    #[arg(allow_hyphen_values = true)]
    pub program: String,
    /// Print LaTeX instead of ricci text.
    #[arg(long)]
    pub latex: bool,
}

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The program text; `-` reads standard input; `@FILE` reads a file.
    #[arg(allow_hyphen_values = true)]
    pub program: String,
    /// What to differentiate with respect to: a parameter `x` or an element
    /// of an input tensor `w[k]`.
    #[arg(long, value_name = "TARGET")]
    pub wrt: String,
    /// The definition to differentiate (default: the last).
    #[arg(long, value_name = "NAME")]
    pub of: Option<String>,
    /// Print LaTeX instead of ricci text.
    #[arg(long)]
    pub latex: bool,
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// The program text; `-` reads standard input; `@FILE` reads a file.
    #[arg(allow_hyphen_values = true)]
    pub program: String,
    /// An input tensor from a .npy file (f64 or f32).
    #[arg(long = "in", value_name = "NAME=FILE.npy", value_parser = parse_path_pair)]
    pub inputs: Vec<(String, PathBuf)>,
    /// A scalar parameter.
    #[arg(long = "set", value_name = "NAME=NUMBER", value_parser = parse_number_pair, allow_hyphen_values = true)]
    pub sets: Vec<(String, f64)>,
    /// The extent of an index that no tensor gives.
    #[arg(long = "dim", value_name = "IDX=N", value_parser = parse_dim_pair)]
    pub dims: Vec<(String, usize)>,
    /// Write a defined name to a .npy file (a scalar as a 0-d array).
    #[arg(long = "out", value_name = "NAME=FILE.npy", value_parser = parse_path_pair)]
    pub outs: Vec<(String, PathBuf)>,
    /// Run the reference interpreter instead of the JIT.
    #[arg(long)]
    pub interp: bool,
    /// Run the program exactly as written, not as the symbolic engine
    /// simplifies it (deltas contracted, constants folded, logs of
    /// products summed).
    #[arg(long)]
    pub as_written: bool,
    /// Print the loop nests the JIT runs, before the values.
    #[arg(long, conflicts_with = "interp")]
    pub explain: bool,
    /// At most N threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// `--max-memory` and `--max-work`: override `RICCI_MAX_MEMORY` and
/// `RICCI_MAX_WORK`, which override the defaults (8 GiB, 10^12).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct LimitArgs {
    /// The most memory the results may take, e.g. 16G, 512M, 1000000 or
    /// `unlimited` [default: $RICCI_MAX_MEMORY, else 8G].
    #[arg(long, value_name = "SIZE", value_parser = crate::limits::parse_bytes)]
    pub max_memory: Option<u64>,
    /// The most loop iterations a run may take, e.g. 1e13 or `unlimited`
    /// [default: $RICCI_MAX_WORK, else 1e12].
    #[arg(long, value_name = "N", value_parser = crate::limits::parse_count)]
    pub max_work: Option<u64>,
}

/// The limits from the environment and the flags (the flags win), made the
/// process's limits.
pub fn limits(a: &LimitArgs) -> Result<crate::limits::Limits, Failure> {
    let mut l = crate::limits::Limits::from_env().map_err(Failure::Usage)?;
    if let Some(b) = a.max_memory {
        l.max_bytes = b;
    }
    if let Some(w) = a.max_work {
        l.max_work = w;
    }
    crate::limits::set_current(l);
    Ok(l)
}

#[derive(clap::Args, Debug)]
pub struct EinsumArgs {
    /// numpy subscripts, e.g. `ij,jk->ik`.
    #[arg(allow_hyphen_values = true)]
    pub subscripts: String,
    /// One .npy file per operand.
    #[arg(required = true, value_name = "FILE.npy")]
    pub operands: Vec<PathBuf>,
    /// Where to write the result (without it, the result is printed).
    #[arg(short = 'o', long = "out", value_name = "OUT.npy")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

fn split_pair(s: &str) -> Result<(&str, &str), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=VALUE, got `{s}`"))?;
    let k = k.trim();
    if k.is_empty() || !k.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(format!("`{k}` is not a name"));
    }
    Ok((k, v))
}

fn parse_path_pair(s: &str) -> Result<(String, PathBuf), String> {
    let (k, v) = split_pair(s)?;
    if v.is_empty() {
        return Err(format!("no file given for `{k}`"));
    }
    Ok((k.to_string(), PathBuf::from(v)))
}

fn parse_number_pair(s: &str) -> Result<(String, f64), String> {
    let (k, v) = split_pair(s)?;
    let n: f64 = v
        .trim()
        .parse()
        .map_err(|_| format!("`{v}` is not a number (in {s})"))?;
    Ok((k.to_string(), n))
}

/// `--threads N`: a whole number of at least 1.
fn parse_threads(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("the number of threads must be at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "`{s}` is not a whole number of threads (e.g. --threads 2)"
        )),
    }
}

fn parse_dim_pair(s: &str) -> Result<(String, usize), String> {
    let (k, v) = split_pair(s)?;
    let n: usize = v
        .trim()
        .parse()
        .map_err(|_| format!("`{v}` is not a non-negative whole number (in {s})"))?;
    Ok((k.to_string(), n))
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    crate::runtime::alloc::keep_freed_memory();
    let result = match cli.command {
        Command::Eval(a) => eval::run(&a),
        Command::Einsum(a) => einsum_cmd::run(&a),
        Command::Demo => demo::run(),
        Command::Simplify(a) => symbolic::simplify(&a),
        Command::Diff(a) => symbolic::diff(&a),
        Command::Bench(a) => bench::run(&a),
        Command::Solve(a) => solve::solve(&a),
        Command::Minimize(a) => solve::minimize(&a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Data(msg)) => {
            eprint!("{msg}");
            if !msg.ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Why a command failed, deciding the exit status.
#[derive(Debug)]
pub enum Failure {
    /// A bad program or bad data: exit status 1; the text is already rendered.
    Data(String),
    /// Bad command-line usage: exit status 2.
    Usage(String),
}

impl Failure {
    /// A data error not tied to a place in the program text.
    pub fn plain(msg: impl std::fmt::Display) -> Failure {
        Failure::Data(format!("error: {msg}\n"))
    }
}
