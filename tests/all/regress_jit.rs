//! Hidden definitions (`_tN`, made by `loops::materialize`) in the JIT,
//! against the reference interpreter.
//!
//! (1) W2's three programs: a derivative after a hidden definition had the
//!     extent of another definition's axis (`d = [1, 1, 1]` for a `d[k]`
//!     over a `z` of length 2), and valid programs were refused with errors
//!     naming `_t0`.
//! (2) A differential hunt: programs built from definitions that the JIT
//!     materialises (sums reused per element, shared `exp` calls), `diff`
//!     blocks (scalar and element targets, Hessians, targets whose extent
//!     comes from an input only, written and inferred bounds) and later
//!     definitions, in many orders; each runs through the interpreter
//!     (`ricci::eval`) and the JIT (`Kernel::call` and `run_views`, f64 and
//!     f32), which must agree in shapes and values (within 1e-12 of the
//!     output's magnitude; they agree to the bit today). The materialised
//!     program must also bind on its own to exactly the binding the JIT
//!     derives from the source (every `extent_of` points at the right
//!     definition).
//! (3) Bad calls of programs with hidden definitions: the JIT reports
//!     exactly the interpreter's errors, and no message mentions a hidden
//!     name.
//! (4) The command line: `eval` (values, `--explain`) and `bench` on W2's
//!     programs; `--explain`'s names.
//! (5) Memory: a hidden table far bigger than the call is not stored (peak
//!     resident set, in a child process); an output that cannot be
//!     allocated is an error, not an abort.

use ndarray::ArrayD;
use ricci::jit::{self, Options};
use ricci::runtime::args::Args;
use ricci::runtime::values::{DType, Tensor};
use ricci::sema::{self, Program};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/// Every input tensor the programs here may read, with its shape; extents
/// differ where they can, so an axis given the wrong extent shows.
const SHAPES: &[(&str, &[usize])] = &[
    ("x", &[3]),
    ("w", &[4]),
    ("M", &[4, 5]),
    ("z", &[2]),
    ("B", &[3, 4]),
    ("C", &[3, 2]),
    ("X", &[5, 3]),
    ("t", &[5]),
    ("u", &[3]),
    ("P", &[6, 2]),
    ("Q", &[2, 7]),
];

/// Scalar parameters.
const PARAMS: &[(&str, f64)] = &[("a", 1.0), ("b", 0.75), ("N", 4.0)];

/// Deterministic values in [0.2, 1.2) (positive: `log` and `sqrt` stay real).
fn values(name: &str, shape: &[usize]) -> ArrayD<f64> {
    let n: usize = shape.iter().product();
    let seed = name.bytes().map(f64::from).sum::<f64>();
    let v: Vec<f64> = (0..n)
        .map(|k| {
            let s = ((k as f64 + 1.0) * 12.9898 + seed * 78.233).sin() * 43758.5453;
            0.2 + (s - s.floor())
        })
        .collect();
    ArrayD::from_shape_vec(ndarray::IxDyn(shape), v).unwrap()
}

/// The arguments `program` takes, from [`SHAPES`] and [`PARAMS`] (with
/// `shape` overriding shapes by name), in `dtype`.
fn args_for(program: &Program, dtype: DType, shape: &BTreeMap<&str, Vec<usize>>) -> Args {
    let mut args = Args::new();
    for input in &program.inputs {
        let s = match shape.get(input.name.as_str()) {
            Some(s) => s.clone(),
            None => SHAPES
                .iter()
                .find(|(n, _)| *n == input.name)
                .unwrap_or_else(|| panic!("no values for input `{}`", input.name))
                .1
                .to_vec(),
        };
        let v = values(&input.name, &s);
        args = args.tensor(&input.name, Tensor::from_f64(v, dtype));
    }
    for p in &program.params {
        let (_, v) = PARAMS
            .iter()
            .find(|(n, _)| *n == p.name)
            .unwrap_or_else(|| panic!("no value for parameter `{}`", p.name));
        args = args.param(&p.name, *v);
    }
    args
}

// ---------------------------------------------------------------------------
// Comparing the JIT with the interpreter
// ---------------------------------------------------------------------------

/// `got` and `want` have one shape and agree within 10^4 u (1 + the sum of
/// `want`'s magnitudes), u the unit roundoff of `dtype` (NaN where `want`
/// is NaN): compiled code adds in its own order (docs/numbers.md).
fn same(what: &str, got: &ArrayD<f64>, want: &ArrayD<f64>, dtype: DType) -> Result<(), String> {
    if got.shape() != want.shape() {
        return Err(format!(
            "{what}: the JIT gives shape {:?}, the interpreter {:?}\n  jit:    {got}\n  interp: {want}",
            got.shape(),
            want.shape()
        ));
    }
    let scale: f64 = want.iter().filter(|v| v.is_finite()).map(|v| v.abs()).sum();
    let u = match dtype {
        DType::F64 => f64::EPSILON / 2.0,
        DType::F32 => (f32::EPSILON / 2.0) as f64,
    };
    let tol = 1e4 * u * (1.0 + scale);
    for (g, w) in got.iter().zip(want.iter()) {
        let ok = if w.is_nan() {
            g.is_nan()
        } else if w.is_infinite() {
            g == w
        } else {
            (g - w).abs() <= tol
        };
        if !ok {
            return Err(format!(
                "{what}: the JIT gives {got}, the interpreter {want}"
            ));
        }
    }
    Ok(())
}

/// Every message, label and note of an error, one a line.
fn full_text(e: &ricci::Errors) -> String {
    let mut out = String::new();
    for d in e.iter() {
        out.push_str(&d.message);
        out.push('\n');
        out.push_str(&d.span_label);
        out.push('\n');
        for l in &d.labels {
            out.push_str(&l.message);
            out.push('\n');
        }
        for n in &d.notes {
            out.push_str(n);
            out.push('\n');
        }
    }
    out
}

/// Whether a text mentions a hidden definition (`_t0`, `_t12`).
fn mentions_hidden(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'_' && (w[1] == b't' || w[1] == b's') && w[2].is_ascii_digit())
}

/// What one run of a program gave.
enum Outcome {
    Values(Vec<ArrayD<f64>>),
    Error(String),
}

/// Runs `src` through the interpreter and the JIT (`call`, and
/// `run_views` in f64) in `dtype`, and compares. Returns what the
/// interpreter gave.
fn compare(
    src: &str,
    dtype: DType,
    shape: &BTreeMap<&str, Vec<usize>>,
    dims: &[(&str, usize)],
) -> Outcome {
    let program = sema::check_source(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    let mut args = args_for(&program, dtype, shape);
    for &(i, n) in dims {
        args = args.dim(i, n);
    }
    let want = ricci::eval(&program, &args);
    let kernel = jit::compile(src, Options::new(dtype))
        .unwrap_or_else(|e| panic!("{src}: the JIT does not compile it: {}", full_text(&e)));
    let got = kernel.call(&args);
    let what = format!("`{src}` ({})", dtype.name());
    match (want, got) {
        (Ok(want), Ok(got)) => {
            assert_eq!(got.len(), want.len(), "{what}: number of results");
            let want: Vec<ArrayD<f64>> = want.iter().map(Tensor::to_f64).collect();
            for (k, (g, w)) in got.iter().zip(&want).enumerate() {
                if let Err(e) = same(&format!("{what}, result {k}"), &g.to_f64(), w, dtype) {
                    panic!("{e}");
                }
            }
            if dtype == DType::F64 && dims.is_empty() {
                let owned: Vec<(String, ArrayD<f64>)> = args
                    .tensors
                    .iter()
                    .map(|(n, t)| (n.clone(), t.to_f64()))
                    .collect();
                let views: Vec<(&str, ndarray::ArrayViewD<f64>)> =
                    owned.iter().map(|(n, a)| (n.as_str(), a.view())).collect();
                let params: Vec<(&str, f64)> =
                    args.params.iter().map(|(n, v)| (n.as_str(), *v)).collect();
                let got = kernel
                    .run_views(&views, &params)
                    .unwrap_or_else(|e| panic!("{what}: run_views: {}", full_text(&e)));
                for (k, (g, w)) in got.iter().zip(&want).enumerate() {
                    if let Err(e) = same(&format!("{what}, run_views, result {k}"), g, w, dtype) {
                        panic!("{e}");
                    }
                }
            }
            Outcome::Values(want)
        }
        (Err(want), Err(got)) => {
            let (w, g) = (full_text(&want), full_text(&got));
            assert!(!mentions_hidden(&g), "{what}: a hidden name in\n{g}");
            assert_eq!(
                g, w,
                "{what}: the JIT's errors differ from the interpreter's"
            );
            Outcome::Error(w)
        }
        (Ok(_), Err(got)) => panic!(
            "{what}: the interpreter runs it, the JIT refuses it:\n{}",
            full_text(&got)
        ),
        (Err(want), Ok(_)) => panic!(
            "{what}: the JIT runs it, the interpreter refuses it:\n{}",
            full_text(&want)
        ),
    }
}

/// The program the JIT runs for `src` (after the symbolic engine), its
/// materialised form, and the check that the materialised program binds
/// on its own exactly as the JIT binds it from the source. Returns the
/// number of hidden definitions. (Where the source does not bind with
/// the usual inputs, only counts.)
fn hidden_definitions(src: &str) -> usize {
    let checked = sema::check_source(src).unwrap();
    let has_diff = checked.defs.iter().any(|d| {
        let mut f = false;
        d.body
            .walk(&mut |e| f |= matches!(e.kind, sema::ExprKind::Diff { .. }));
        f
    });
    let source = if has_diff {
        ricci::sym::lower(&checked).unwrap().raise().0
    } else {
        checked
    };
    let mat = ricci::loops::materialize(&source);
    // Shared nodes that `raise` made definitions (`_sN`) count too.
    let shared = source
        .defs
        .iter()
        .filter(|d| d.name.as_deref().is_some_and(|n| n.starts_with('_')))
        .count();
    let hidden = mat.program.defs.len() - source.defs.len() + shared;
    let env = args_for(&source, DType::F64, &BTreeMap::new()).env();
    let Ok(bound) = sema::bind(&source, &env) else {
        return hidden;
    };
    let lifted = mat.bound(bound);
    let direct = sema::bind(&mat.program, &env)
        .unwrap_or_else(|e| panic!("`{src}`: the materialised program does not bind: {e:?}"));
    assert_eq!(
        direct, lifted,
        "`{src}`: the materialised program binds differently on its own"
    );
    hidden
}

#[track_caller]
fn agrees(src: &str) -> Vec<ArrayD<f64>> {
    let none = BTreeMap::new();
    compare(src, DType::F32, &none, &[]);
    match compare(src, DType::F64, &none, &[]) {
        Outcome::Values(v) => v,
        Outcome::Error(e) => panic!("`{src}` is refused by both:\n{e}"),
    }
}

// ---------------------------------------------------------------------------
// (1) W2
// ---------------------------------------------------------------------------

/// `d[k] = diff(s[k], a)` is 1 for each of z's two elements; the JIT gave
/// three (the extent of `y`, which materialising `sum_q ...` had moved to
/// `s`'s old position).
#[test]
fn a_derivative_after_a_hidden_definition_has_its_own_extent() {
    let src = "y[i] = x[i] sum_q w[q] sum_r M[q,r]; s[k] = a + z[k]; d[k] = diff(s[k], a)";
    let v = agrees(src);
    assert_eq!(v[2], ndarray::arr1(&[1.0, 1.0]).into_dyn());
    assert_eq!(v[1].shape(), &[2]);
    assert_eq!(v[0].shape(), &[3]);
    assert!(hidden_definitions(src) >= 1);
}

/// `D[k] = Y[k] / a`'s derivative: refused with "`_t0` has length 3 along
/// axis 0 but `B` has length 4" before.
#[test]
fn a_derivative_of_a_definition_with_a_hidden_sum_runs() {
    let src = "Y[k] = sum_q B[q,k] * sum_j C[q,j] * a; D[k] = diff(Y[k], a)";
    let v = agrees(src);
    // dY/da = sum_q B[q,k] sum_j C[q,j], and a = 1: D equals Y.
    let (b, c) = (values("B", &[3, 4]), values("C", &[3, 2]));
    for k in 0..4 {
        let want: f64 = (0..3).map(|q| b[[q, k]] * (c[[q, 0]] + c[[q, 1]])).sum();
        assert!((v[1][[k]] - want).abs() < 1e-12, "D[{k}]");
        assert!((v[0][[k]] - want).abs() < 1e-12, "Y[{k}]");
    }
}

/// The Hessian through a named gradient of least squares is `2 X^T X`
/// (3 x 3 for a 5 x 3 X); refused with an error naming `_t1` before.
#[test]
fn a_hessian_through_a_named_gradient_runs() {
    let src =
        "L = sum_i (t[i] - sum_j X[i,j] u[j])^2; g[k] = diff(L, u[k]); H[k,l] = diff(g[k], u[l])";
    let v = agrees(src);
    let x = values("X", &[5, 3]);
    assert_eq!(v[2].shape(), &[3, 3]);
    for k in 0..3 {
        for l in 0..3 {
            let want: f64 = 2.0 * (0..5).map(|i| x[[i, k]] * x[[i, l]]).sum::<f64>();
            assert!((v[2][[k, l]] - want).abs() < 1e-12, "H[{k},{l}]");
        }
    }
    assert!(hidden_definitions(src) >= 1);
}

// ---------------------------------------------------------------------------
// (2) The hunt
// ---------------------------------------------------------------------------

/// Definitions the JIT materialises (a sum reused per element, a shared
/// `exp`), or, the last, one it must not (written bounds).
const BEFORE: &[&str] = &[
    "p1[i] = x[i] sum_q w[q] sum_r M[q,r]",
    "p2[k] = sum_i X[i,k] (t[i] - sum_j X[i,j] u[j])",
    "p3[c] = sum_n P[n,c] * sum_m P[n,m]",
    "p4[i,j] = exp(x[i] - x[j]) / sum_l exp(x[i] - x[l])",
    "p5[k] = sum_q B[q,k] * sum_j C[q,j] * b",
    "p6[c] = z[c] * sum_{n=1}^{N} P[n,c] * sum_m P[n,m]",
];

/// Blocks with `diff`, and the definitions of [`BEFORE`] they read.
const BLOCKS: &[(&str, &[usize])] = &[
    ("s[k] = a + z[k]; d1[k] = diff(s[k], a)", &[]),
    (
        "L = sum_i (t[i] - sum_j X[i,j] u[j])^2; g[k] = diff(L, u[k]); H[k,l] = diff(g[k], u[l])",
        &[],
    ),
    (
        "g2[k] = diff(sum_i (t[i] - sum_j X[i,j] u[j])^2, u[k])",
        &[],
    ),
    (
        "Y[k] = sum_q B[q,k] * sum_j C[q,j] * a; D[k] = diff(Y[k], a)",
        &[],
    ),
    ("dS[k] = diff(sum_q w[q], w[k])", &[]),
    (
        "F = log(sum_i exp(x[i])); gx[k] = diff(F, x[k]); Hx[k,l] = diff(gx[k], x[l])",
        &[],
    ),
    (
        "V[c] = sum_{n=1}^{N} P[n,c] * sum_m P[n,m] * a; dV[c] = diff(V[c], a)",
        &[],
    ),
    ("dp[i,m] = diff(p1[i], w[m])", &[0]),
    ("dq[c,e,f] = diff(p3[c], P[e,f])", &[2]),
    ("dr[k,l] = diff(p2[k], u[l])", &[1]),
    ("ds[i,j,m] = diff(p4[i,j], x[m])", &[3]),
    ("de[k] = diff(p5[k], b); dde[k] = diff(de[k], b)", &[4]),
    (
        "G = sum_c z[c]^2 * sum_e Q[c,e]; dG[c] = diff(G, z[c])",
        &[],
    ),
    (
        "h[c] = tanh(sum_e Q[c,e] * b); o = sum_c h[c]^2; dh[c,e] = diff(o, Q[c,e]); do2 = diff(diff(o, b), b)",
        &[],
    ),
    ("sum_k diff(sum_i (t[i] - sum_j X[i,j] u[j])^2, u[k])", &[]),
    (
        "dw[k,m] = diff(x[k] * sum_q w[q] * sum_r M[q,r], w[m])",
        &[],
    ),
    ("dx[i,k] = diff(p4[i,i], x[k]) + diff(p1[i], a)", &[0, 3]),
];

/// Definitions after the block: another hidden sum, a plain one, a bare
/// expression with an axis and a hidden sum.
const AFTER: &[&str] = &[
    "post[k] = sum_q B[q,k] * sum_j C[q,j]",
    "after[c] = z[c] + b",
    "x[i] * sum_q w[q] * sum_r M[q,r]",
];

/// A small deterministic generator (the programs must be the same on every
/// run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// The programs of the hunt: each block with no definition before it, all
/// of them, one alone, and random subsets in random order (the block
/// anywhere after the definitions it reads), and a varying set of
/// definitions after it.
fn hunt_programs() -> Vec<String> {
    let mut rng = Lcg(0x5eed);
    let mut out = Vec::new();
    for (b, &(block, needs)) in BLOCKS.iter().enumerate() {
        let mut choices: Vec<Vec<usize>> = vec![vec![], (0..BEFORE.len()).collect()];
        choices.push(vec![rng.next(BEFORE.len())]);
        for _ in 0..3 {
            let mut v: Vec<usize> = (0..BEFORE.len()).filter(|_| rng.next(2) == 0).collect();
            // Shuffle.
            for k in (1..v.len()).rev() {
                v.swap(k, rng.next(k + 1));
            }
            choices.push(v);
        }
        for (c, mut before) in choices.into_iter().enumerate() {
            for &n in needs {
                if !before.contains(&n) {
                    before.push(n);
                }
            }
            // Where the block goes: after every definition it reads.
            let first = before
                .iter()
                .rposition(|p| needs.contains(p))
                .map_or(0, |k| k + 1);
            let at = first + rng.next(before.len() - first + 1);
            let mut stmts: Vec<&str> = before.iter().map(|&p| BEFORE[p]).collect();
            stmts.insert(at, block);
            for (a, text) in AFTER.iter().enumerate() {
                if (b + c + a) % 3 != 0 {
                    stmts.push(text);
                }
            }
            out.push(stmts.join("\n"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Every program of the hunt gives the interpreter's shapes and values in
/// the JIT, and its materialised form binds like the JIT binds it; most of
/// them have hidden definitions (so the hunt hunts).
#[test]
fn programs_with_hidden_definitions_and_diff_agree() {
    let programs = hunt_programs();
    let mut with_hidden = 0;
    for (n, src) in programs.iter().enumerate() {
        // f32 for every third (compiling dominates the test's time).
        if n % 3 == 0 {
            compare(src, DType::F32, &BTreeMap::new(), &[]);
        }
        let none = BTreeMap::new();
        assert!(matches!(
            compare(src, DType::F64, &none, &[]),
            Outcome::Values(_)
        ));
        if hidden_definitions(src) > 0 {
            with_hidden += 1;
        }
    }
    assert!(programs.len() >= 90, "{} programs", programs.len());
    assert!(
        with_hidden * 4 >= programs.len() * 3,
        "only {with_hidden} of {} programs have hidden definitions",
        programs.len()
    );
}

// ---------------------------------------------------------------------------
// (3) Errors
// ---------------------------------------------------------------------------

/// A call of `src` with these shape overrides and `--dim`s is refused by
/// both with the same errors, none naming a hidden definition; each
/// wanted text occurs. Checks that `src` has hidden definitions in the
/// JIT (so the error comes from a program that has them).
#[track_caller]
fn refused(
    src: &str,
    shapes: &[(&'static str, &[usize])],
    dims: &[(&str, usize)],
    wanted: &[&str],
) {
    assert!(
        hidden_definitions(src) > 0,
        "`{src}` has no hidden definition"
    );
    let shape: BTreeMap<&str, Vec<usize>> = shapes.iter().map(|(n, s)| (*n, s.to_vec())).collect();
    for dtype in [DType::F64, DType::F32] {
        match compare(src, dtype, &shape, dims) {
            Outcome::Error(text) => {
                for w in wanted {
                    assert!(text.contains(w), "`{src}`: expected {w:?} in\n{text}");
                }
            }
            Outcome::Values(_) => panic!("`{src}` runs with {shapes:?} {dims:?}"),
        }
    }
}

/// `i` subscripts `x` (3) and `M` (4): the JIT said "`x` ... but `_t0` has
/// length 4".
#[test]
fn an_extent_clash_with_a_hidden_sum_names_the_users_tensors() {
    refused(
        "y[k] = z[k] * sum_i x[i] * sum_j M[i,j]",
        &[],
        &[],
        &[
            "index `i` has two extents",
            "`x` has length 3",
            "`M` has length 4",
        ],
    );
    refused(
        "y[k] = z[k] * sum_i x[i] * sum_j M[i,j] * a; d[k] = diff(y[k], a)",
        &[],
        &[],
        &["index `i` has two extents", "`x`", "`M`"],
    );
}

/// `--dim q=7` against `w` and `M` (4): the JIT also said it disagreed
/// with `_t0`.
#[test]
fn a_dim_that_disagrees_names_the_users_tensor() {
    let src = "p1[i] = x[i] sum_q w[q] sum_r M[q,r]";
    refused(src, &[], &[("q", 7)], &["--dim q=7 disagrees with `w`"]);
    let diff = "p1[i] = x[i] sum_q w[q] sum_r M[q,r]; s[k] = a + z[k]; d[k] = diff(s[k], a)";
    refused(diff, &[], &[("q", 7)], &["--dim q=7 disagrees with `w`"]);
    refused(diff, &[], &[("k", 3)], &["--dim k=3 disagrees with `z`"]);
    refused(diff, &[], &[("zz", 3)], &["no index named `zz`"]);
    // Agreeing dims are accepted, by both.
    let none = BTreeMap::new();
    assert!(matches!(
        compare(diff, DType::F64, &none, &[("q", 4), ("k", 2)]),
        Outcome::Values(_)
    ));
}

/// Shapes, ranks, bounds: the same errors from both, in the user's names.
#[test]
fn bad_shapes_and_bounds_with_hidden_sums_are_the_interpreters_errors() {
    let src = "p1[i] = x[i] sum_q w[q] sum_r M[q,r]; s[k] = a + z[k]; d[k] = diff(s[k], a)";
    refused(src, &[("M", &[5, 5])], &[], &["index `q` has two extents"]);
    refused(
        src,
        &[("M", &[4])],
        &[],
        &["input tensor `M` is used with rank 2"],
    );
    refused(
        "y[c] = z[c] * sum_n P[n,c] * sum_{m=0}^{N} P[n,m]",
        &[],
        &[],
        &[
            "index `m` runs from 0 to N = 4",
            "`P` has length 2 along axis 1",
        ],
    );
    refused(
        "L = sum_i (t[i] - sum_j X[i,j] u[j])^2; g[k] = diff(L, u[k]); H[k,l] = diff(g[k], u[l])",
        &[("u", &[4])],
        &[],
        &["index `j` has two extents"],
    );
    refused(
        "s[k] = a + z[k]; d[k] = diff(s[k], a); p1[i] = x[i] sum_q w[q] sum_r M[q,r]; e[k] = d[k] * P[k,k]",
        &[],
        &[],
        &["index `k` has two extents"],
    );
}

// ---------------------------------------------------------------------------
// (4) The command line
// ---------------------------------------------------------------------------

/// A fresh directory with the `.npy` files of the named inputs.
fn npy_dir(test: &str, names: &[&str]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ricci-regress-jit-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for &n in names {
        let shape = SHAPES.iter().find(|(m, _)| *m == n).unwrap().1;
        let t = Tensor::F64(values(n, shape));
        ricci::runtime::npy::write_npy(&dir.join(format!("{n}.npy")), &t).unwrap();
    }
    dir
}

fn ricci_cli(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ricci"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `ricci eval` prints the interpreter's output for W2's first program,
/// `--explain` shows the hidden sum before its user and every definition
/// once, and a bad call's error names no hidden definition.
#[test]
fn cli_eval_and_explain_with_a_hidden_definition() {
    let dir = npy_dir("eval", &["x", "w", "M", "z"]);
    let src = "y[i] = x[i] sum_q w[q] sum_r M[q,r]; s[k] = a + z[k]; d[k] = diff(s[k], a)";
    let ins = [
        "--in", "x=x.npy", "--in", "w=w.npy", "--in", "M=M.npy", "--in", "z=z.npy",
    ];
    let mut jit_args = vec!["eval", src];
    jit_args.extend(ins);
    jit_args.extend(["--set", "a=1"]);
    let (code, jit_out, err) = ricci_cli(&dir, &jit_args);
    assert_eq!(code, 0, "{err}");
    let mut interp_args = jit_args.clone();
    interp_args.push("--interp");
    let (code, interp_out, err) = ricci_cli(&dir, &interp_args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(jit_out, interp_out);
    assert!(jit_out.contains("d = [1, 1]\n"), "{jit_out}");

    let mut explain = jit_args.clone();
    explain.push("--explain");
    let (code, out, err) = ricci_cli(&dir, &explain);
    assert_eq!(code, 0, "{err}");
    let pos = |h: &str| {
        out.find(h)
            .unwrap_or_else(|| panic!("no `{h}` in --explain:\n{out}"))
    };
    // The contraction planner computes the scalar `sum_{q,r} w[q] M[q,r]`
    // once, as `_c0`, before y.
    assert!(pos("_c0:") < pos("y[i]:"), "{out}");
    assert!(
        pos("y[i]:") < pos("s[k]:") && pos("s[k]:") < pos("d[k]:"),
        "{out}"
    );
    // The sum over q is computed once, before the loop over i.
    assert!(pos("= sum q") < pos("for i simd {"), "{out}");

    // A disagreeing --dim: status 1, the user's names only.
    let mut bad = jit_args.clone();
    bad.extend(["--dim", "q=7"]);
    let (code, _, err) = ricci_cli(&dir, &bad);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--dim q=7 disagrees with `w`"), "{err}");
    assert!(!mentions_hidden(&err), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `ricci bench` runs W2's programs (its operation count binds the
/// materialised program too).
#[test]
fn cli_bench_with_hidden_definitions() {
    let dir = npy_dir("bench", &[]);
    for (src, shapes, sets) in [
        (
            "L = sum_i (t[i] - sum_j X[i,j] u[j])^2; g[k] = diff(L, u[k]); H[k,l] = diff(g[k], u[l])",
            &["X=5,3", "t=5", "u=3"][..],
            &[][..],
        ),
        (
            "Y[k] = sum_q B[q,k] * sum_j C[q,j] * a; D[k] = diff(Y[k], a)",
            &["B=3,4", "C=3,2"][..],
            &["a=1"][..],
        ),
    ] {
        let mut args = vec!["bench", src, "--json"];
        for s in shapes {
            args.extend(["--shape", s]);
        }
        for s in sets {
            args.extend(["--set", s]);
        }
        let (code, out, err) = ricci_cli(&dir, &args);
        assert_eq!(code, 0, "`{src}`: {err}");
        assert!(
            out.contains("\"run_us\"") && out.contains("\"flops\""),
            "{out}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--explain` numbers hidden definitions from `_t0` on, and names a bare
/// expression by its place among the user's statements (it said `_t2`,
/// `_4` and `_5` here: positions in the materialised program).
#[test]
fn explain_names_hidden_definitions_and_bare_expressions_in_order() {
    // As written: the materialisation is what is named here (simplified,
    // the two statements share one `_s0`).
    let k = jit::compile(
        "y[i] = x[i] sum_q w[q] sum_r M[q,r]; x[i] * sum_q w[q] * sum_r M[q,r]; sum_i x[i]",
        Options {
            as_written: true,
            ..Options::default()
        },
    )
    .unwrap();
    let heads: Vec<String> = k
        .explain()
        .lines()
        .filter(|l| !l.starts_with(' ') && (l.ends_with(':') || l.contains(": par ")))
        .map(|l| l.split(" par ").next().unwrap_or(l).to_string())
        .collect();
    // The planner makes each statement's `sum_{q,r} w[q] M[q,r]` a scalar
    // `_cN` before it.
    assert_eq!(heads, ["_c0:", "y[i]:", "_c1:", "_2[i]:", "_3:"]);
    let k = jit::compile(
        "L = sum_i (t[i] - sum_j X[i,j] u[j])^2; diff(L, u[k]); diff(diff(L, u[k]), u[l])",
        Options::default(),
    )
    .unwrap();
    let text = k.explain();
    let heads: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && (l.ends_with(':') || l.contains(": par ")))
        .map(|l| l.split(" par ").next().unwrap_or(l))
        .collect();
    // The residual is shared by the gradient and the Hessian: `raise`
    // computes it once, as `_s0`, before everything that uses it; the
    // loss and the gradient join its loop (`loops::fuse`), in order.
    assert_eq!(heads, ["_s0[i], L, _2[k]:", "_3[k,l]:"]);
}

/// Reduced from what the extended property test of `tests/all/jit.rs` found
/// on the old code: `M2`'s `i` takes its extent from `y1` (its first
/// subscript), and materialising `sum_k x[k] B[k,q]` into `_t0[q]` moved
/// `y1`, so `i` took `_t0`'s length (4, not 3). Any `diff` sends the
/// program through the symbolic engine, which records those sources.
#[test]
fn an_extent_taken_from_a_moved_definition_follows_it() {
    let src = "y1[i] = x[i] * sum_k x[k] * B[k,q]; M2[i,j] = y1[i] * B[i,j]; d = diff(a^2, a)";
    let v = agrees(src);
    assert_eq!(v[1].shape(), &[3, 4]);
    assert_eq!(v[2].shape(), &[] as &[usize]);
    assert!(hidden_definitions(src) >= 1);
}

// ---------------------------------------------------------------------------
// (5) Hidden definitions' memory
// ---------------------------------------------------------------------------

/// The peak resident set of this process, in bytes (Linux), if known.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

const TABLE: &str = "y[k] = sum_{i,j} z[k] * (x[i] * w[j] + sum_n t[n])";
const TABLE_N: usize = 6000;

/// `TABLE`'s materialised `x[i] w[j] + sum_n t[n]` would be a 6000 x 6000
/// table (288 MB) that the program never asked for (its inputs and output
/// are 12,000 numbers): the JIT stored it (and a big enough one aborted
/// the process when it could not be allocated). Now a call whose hidden
/// definitions would outgrow twice the rest of the call (and 2^24
/// elements) runs the program as written. Measured in a child process
/// (`hidden_table_child`), so other tests' memory does not count.
#[test]
fn a_hidden_table_bigger_than_the_call_is_not_stored() {
    if peak_rss().is_none() {
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "regress_jit::hidden_table_child",
            "--ignored",
            "--nocapture",
        ])
        .env("RICCI_HIDDEN_TABLE_CHILD", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let grew: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("peak grew by "))
        .unwrap_or_else(|| panic!("no measurement in:\n{text}"))
        .trim()
        .parse()
        .unwrap();
    let table = (TABLE_N * TABLE_N * 8) as u64;
    assert!(
        grew < table / 3,
        "the peak grew by {grew} bytes (the table is {table})"
    );
}

/// The child of [`a_hidden_table_bigger_than_the_call_is_not_stored`].
#[test]
#[ignore]
fn hidden_table_child() {
    if std::env::var("RICCI_HIDDEN_TABLE_CHILD").is_err() {
        return;
    }
    let n = TABLE_N;
    let x = ndarray::Array1::from_iter((0..n).map(|k| ((k % 7) as f64) * 0.25)).into_dyn();
    let w = ndarray::Array1::from_iter((0..n).map(|k| ((k % 5) as f64) * 0.5)).into_dyn();
    let t = ndarray::arr1(&[0.5, 0.25, 2.0]).into_dyn();
    let z = ndarray::arr1(&[1.0, -3.0]).into_dyn();
    // As written (simplified, the sum over i and j splits and no table is
    // wanted at all).
    let options = Options {
        as_written: true,
        ..Options::default()
    };
    let k = jit::compile(TABLE, options).unwrap();
    assert!(k.explain().contains("_t0[i,j]"), "{}", k.explain());
    let before = peak_rss().unwrap();
    let y = k
        .run_views(
            &[
                ("x", x.view()),
                ("w", w.view()),
                ("t", t.view()),
                ("z", z.view()),
            ],
            &[],
        )
        .unwrap();
    let after = peak_rss().unwrap();
    // y[k] = z[k] (sum x sum w + n^2 sum t): exact in f64 at these values.
    let (sx, sw) = (x.sum(), w.sum());
    let want = sx * sw + (n * n) as f64 * t.sum();
    assert_eq!(y[0], ndarray::arr1(&[want, -3.0 * want]).into_dyn());
    println!("peak grew by {}", after - before);
}

/// An output the machine cannot hold (2^32 elements, 32 GiB, under a 4 GB
/// address-space limit) is an error with status 1 naming it; the JIT
/// aborted the process (`ArrayD::zeros`).
#[test]
fn an_output_that_cannot_be_allocated_is_an_error() {
    let dir = std::env::temp_dir().join(format!("ricci-regress-jit-{}-alloc", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, n) in [("x", 2048), ("w", 2048), ("z", 1024)] {
        let t = Tensor::F64(ArrayD::from_elem(ndarray::IxDyn(&[n]), 0.5));
        ricci::runtime::npy::write_npy(&dir.join(format!("{name}.npy")), &t).unwrap();
    }
    let out = std::process::Command::new("sh")
        .current_dir(&dir)
        .args([
            "-c",
            "ulimit -v 4000000 && exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_ricci"),
            "eval",
            "y[i,j,k] = x[i] * w[j] * z[k]",
            "--in",
            "x=x.npy",
            "--in",
            "w=w.npy",
            "--in",
            "z=z.npy",
            // Past the default memory limit, so the allocation itself is
            // what fails (under the ulimit).
            "--max-memory",
            "64G",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("out of memory: the system refused 32 GiB for `y`"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------
// Kept temporaries
// ---------------------------------------------------------------------------

/// A kernel keeps its hidden definitions' buffers between calls and hands
/// them out zeroed: nothing of one call's temporaries reaches the next,
/// whatever the values and shapes (the chain's hidden pairwise product is
/// a GEMM into its buffer `_c0` from the contraction planner, softmax's
/// `exp` rows a stored temporary).
#[test]
fn kept_temporaries_do_not_leak_between_calls() {
    let programs = [
        ("y[i,j] = exp(M[i,j]) / sum_k exp(M[i,k])", true),
        ("D[i,l] = P[i,j] Q[j,k] B[k,l]", false),
        ("y[i] = x[i] sum_q w[q] sum_r M[q,r]", true),
    ];
    for (src, materialised) in programs {
        if materialised {
            assert!(
                hidden_definitions(src) > 0,
                "`{src}` has no hidden definition"
            );
        }
        let program = sema::check_source(src).unwrap();
        let kernel = jit::compile(src, Options::new(DType::F64)).unwrap();
        let args = |n: usize, salt: f64| {
            let mut args = Args::new();
            for input in &program.inputs {
                let shape = vec![n; input.rank];
                let v = values(&input.name, &shape).mapv(|x| x * salt - 0.5);
                args = args.tensor(&input.name, Tensor::from_f64(v, DType::F64));
            }
            args
        };
        for (n, salt) in [(5, 1.0), (5, -3.0), (7, 2.0), (5, 1.0)] {
            let args = args(n, salt);
            let want = ricci::eval(&program, &args).unwrap();
            let got = kernel.call(&args).unwrap();
            for (k, (g, w)) in got.iter().zip(&want).enumerate() {
                let what = format!("`{src}` at n = {n}, salt {salt}, result {k}");
                if let Err(e) = same(&what, &g.to_f64(), &w.to_f64(), DType::F64) {
                    panic!("{e}");
                }
            }
        }
    }
}
