//! Filetests, as in Cranelift: each `tests/filetests/*.ric` is a small
//! program with its expected simplified form (`ricci simplify`) and loop
//! IR text (`ricci eval --explain`) as snapshots in the same file.
//!
//! A file:
//! ```text
//! # what it shows (any number of comment lines)
//! # shapes: A=4,5 B=5,3        the inputs' shapes (random values)
//! # transpose: B               optional: these inputs in column-major order
//! # dims: i=3                  optional: --dim
//! # params: c=0.5              optional: --set
//! C[i,k] = A[i,j] B[j,k]       the program (any lines up to `===`)
//! === simplified
//! ...
//! === loop ir
//! ...
//! ```
//! For every file: the texts must match (`RICCI_BLESS=1` rewrites them
//! instead); the loop IR for the file's layout passes the verifier (well
//! formed, and every access in bounds for the file's shapes); and the
//! kernel agrees with the interpreter on the simplified program within the
//! bound reordered sums allow (`common::bound`).

use crate::common;

use common::bound::{magnitudes, within};
use ndarray::{ArrayD, IxDyn};
use ricci::jit::{self, Options};
use ricci::loops::verify;
use ricci::runtime::args::Args;
use ricci::runtime::values::{DType, Tensor};
use ricci::sym::SymProgram;
use std::path::Path;

struct File {
    header: Vec<String>,
    program: String,
    shapes: Vec<(String, Vec<usize>)>,
    transpose: Vec<String>,
    dims: Vec<(String, usize)>,
    params: Vec<(String, f64)>,
    simplified: String,
    ir: String,
}

fn pairs(v: &str) -> Vec<(String, String)> {
    v.split_whitespace()
        .map(|p| {
            let (k, v) = p.split_once('=').expect("NAME=VALUE");
            (k.to_string(), v.to_string())
        })
        .collect()
}

fn parse(text: &str) -> File {
    let mut f = File {
        header: Vec::new(),
        program: String::new(),
        shapes: Vec::new(),
        transpose: Vec::new(),
        dims: Vec::new(),
        params: Vec::new(),
        simplified: String::new(),
        ir: String::new(),
    };
    let mut section = 0;
    for line in text.lines() {
        match line.trim_end() {
            "=== simplified" => section = 1,
            "=== loop ir" => section = 2,
            l if section == 0 && l.starts_with('#') => {
                f.header.push(l.to_string());
                let body = l.trim_start_matches('#').trim();
                if let Some(v) = body.strip_prefix("shapes:") {
                    f.shapes = pairs(v)
                        .into_iter()
                        .map(|(k, v)| {
                            let dims = v.split(',').map(|d| d.parse().expect("extent")).collect();
                            (k, dims)
                        })
                        .collect();
                } else if let Some(v) = body.strip_prefix("transpose:") {
                    f.transpose = v.split_whitespace().map(String::from).collect();
                } else if let Some(v) = body.strip_prefix("dims:") {
                    f.dims = pairs(v)
                        .into_iter()
                        .map(|(k, v)| (k, v.parse().expect("dim")))
                        .collect();
                } else if let Some(v) = body.strip_prefix("params:") {
                    f.params = pairs(v)
                        .into_iter()
                        .map(|(k, v)| (k, v.parse().expect("number")))
                        .collect();
                }
            }
            l if section == 0 => {
                f.program.push_str(l);
                f.program.push('\n');
            }
            l if section == 1 => {
                f.simplified.push_str(l);
                f.simplified.push('\n');
            }
            l => {
                f.ir.push_str(l);
                f.ir.push('\n');
            }
        }
    }
    f
}

fn render(f: &File, simplified: &str, ir: &str) -> String {
    let mut out = String::new();
    for h in &f.header {
        out.push_str(h);
        out.push('\n');
    }
    out.push_str(f.program.trim_end());
    out.push_str("\n=== simplified\n");
    out.push_str(simplified.trim_end());
    out.push_str("\n=== loop ir\n");
    out.push_str(ir.trim_end());
    out.push('\n');
    out
}

/// Deterministic values in [-1, 1).
fn values(n: usize, seed: u64) -> Vec<f64> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64 ^ seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1;
    (0..n)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
            2.0 * ((r >> 11) as f64 / (1u64 << 53) as f64) - 1.0
        })
        .collect()
}

/// Runs one file; returns its text as it should be, or what failed.
fn run(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let f = parse(&text);
    let src = f.program.trim();
    let simplified = SymProgram::parse(src)
        .map_err(|e| format!("simplify: {e:?}"))?
        .text();
    let kernel = jit::compile(src, Options::new(DType::F64))
        .map_err(|e| format!("compile: {}", e.render("<program>", src)))?;

    // Inputs: row-major, or column-major (a transposed row-major array of
    // the reversed shape) where the file says so.
    let mut owned: Vec<(String, ArrayD<f64>, bool)> = Vec::new();
    let mut args = Args::new();
    for (k, (name, shape)) in f.shapes.iter().enumerate() {
        let n = shape.iter().product();
        let a = ArrayD::from_shape_vec(IxDyn(shape), values(n, k as u64)).expect("shape");
        args = args.tensor(name, Tensor::F64(a.clone()));
        let t = f.transpose.contains(name);
        let stored = if t {
            // The same logical array, stored column-major.
            let rev: Vec<usize> = shape.iter().rev().copied().collect();
            let mut c = ArrayD::<f64>::zeros(IxDyn(&rev));
            c.assign(&a.t());
            c
        } else {
            a
        };
        owned.push((name.clone(), stored, t));
    }
    for (k, v) in &f.params {
        args = args.param(k, *v);
    }
    for (k, v) in &f.dims {
        args = args.dim(k, *v);
    }
    let views: Vec<(&str, ndarray::ArrayViewD<f64>)> = owned
        .iter()
        .map(|(n, a, t)| (n.as_str(), if *t { a.t() } else { a.view() }))
        .collect();
    let ir = kernel
        .ir_for_views(&views)
        .map_err(|e| format!("ir: {}", e.render("<program>", src)))?;
    verify::well_formed(&ir).map_err(|e| format!("verifier: {e}\n{ir}"))?;
    let bound = kernel
        .bind_args(&args)
        .map_err(|e| format!("bind: {}", e.render("<program>", src)))?;
    verify::in_bounds(&ir, &bound).map_err(|e| format!("verifier (bounds): {e}\n{ir}"))?;

    // The kernel on these views against the interpreter.
    let program = ricci::sema::check_source(src).map_err(|e| format!("{e:?}"))?;
    let want = ricci::interp::eval_simplified(&program, &args)
        .map_err(|e| format!("interpreter: {}", e.render("<program>", src)))?;
    let got = if f.dims.is_empty() {
        let params: Vec<(&str, f64)> = f.params.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        kernel
            .run_views(&views, &params)
            .map_err(|e| format!("run: {}", e.render("<program>", src)))?
            .into_vec()
    } else {
        kernel
            .call(&args)
            .map_err(|e| format!("call: {}", e.render("<program>", src)))?
            .iter()
            .map(Tensor::to_f64)
            .collect()
    };
    let mags = magnitudes(&program, &args, true)?;
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        within(
            &format!("result {k}"),
            &g.view(),
            &w.to_f64().view(),
            &mags.m[k].view(),
            mags.n,
            false,
        )?;
    }
    Ok(render(&f, &simplified, &ir.to_string()))
}

#[test]
fn filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let bless = std::env::var("RICCI_BLESS").is_ok_and(|v| v == "1");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/filetests")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ric"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "only {} filetests", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        match run(path) {
            Ok(expected) => {
                let text = std::fs::read_to_string(path).unwrap();
                if text != expected {
                    if bless {
                        std::fs::write(path, expected).unwrap();
                    } else {
                        failures.push(format!(
                            "{name}: the snapshots differ (RICCI_BLESS=1 rewrites them); now:\n{expected}"
                        ));
                    }
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
