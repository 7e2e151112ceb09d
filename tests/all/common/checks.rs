//! The checks the property tests and the fuzz targets run on generated
//! cases ([`super::generator`]): the interpreter against the generator's oracle,
//! the symbolic engine against the interpreter (simplified programs keep
//! their values and print what they parse; derivatives match finite
//! differences).
//!
//! In: a [`Case`]. Out: `Ok(())`, or `Err` with a message that holds the
//! program, its inputs and what disagreed.
//!
//! Always: a check never panics on a bug it finds (it returns `Err`); the
//! tolerances are those of the property tests they came from (relative 1e-9
//! of a magnitude bound for values, 1e-4 and 1e-3 for first and second
//! derivatives against Richardson-extrapolated central differences).

#![allow(dead_code)]

use super::generator::{Case, Role, TARGET_COLS, TARGET_ROWS, Target, gate};
use ndarray::{ArrayD, IxDyn};
use ricci::SymProgram;
use ricci::interp::eval;
use ricci::runtime::args::Args;
use ricci::runtime::values::Tensor;
use ricci::sema::{self, Program};

pub const FILE: &str = "<program>";

/// The inputs of a case, which finite differences move.
#[derive(Clone, Debug)]
pub struct Inputs {
    pub m: usize,
    pub n: usize,
    pub x: Vec<f64>,
    pub a: Vec<f64>,
    pub c: f64,
}

impl Inputs {
    pub fn of(case: &Case) -> Inputs {
        Inputs {
            m: case.m,
            n: case.n,
            x: case.x.clone(),
            a: case.a.clone(),
            c: case.c,
        }
    }
}

pub fn t64(shape: &[usize], v: &[f64]) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v.to_vec()).expect("shape"))
}

/// The arguments a checked program takes (`x`, `A`, `c`, `N` = m).
pub fn args_for(program: &Program, inp: &Inputs) -> Result<Args, String> {
    let mut args = Args::new();
    for input in &program.inputs {
        match input.name.as_str() {
            "x" => args = args.tensor("x", t64(&[inp.m], &inp.x)),
            "A" => args = args.tensor("A", t64(&[inp.m, inp.n], &inp.a)),
            other => return Err(format!("unexpected input {other}")),
        }
    }
    for p in &program.params {
        match p.name.as_str() {
            "c" => args = args.param("c", inp.c),
            "N" => args = args.param("N", inp.m as f64),
            other => return Err(format!("unexpected parameter {other}")),
        }
    }
    Ok(args)
}

pub fn check(src: &str) -> Result<Program, String> {
    sema::check_source(src).map_err(|e| format!("does not check:\n{src}\n{}", e.render(FILE, src)))
}

/// Checks and evaluates `src`; every value flattened.
pub fn run(src: &str, inp: &Inputs) -> Result<Vec<Vec<f64>>, String> {
    run_checked(&check(src)?, src, inp)
}

pub fn run_checked(program: &Program, src: &str, inp: &Inputs) -> Result<Vec<Vec<f64>>, String> {
    let args = args_for(program, inp).map_err(|e| format!("{e} in\n{src}"))?;
    let values = eval(program, &args)
        .map_err(|e| format!("does not evaluate:\n{src}\n{}", e.render(FILE, src)))?;
    Ok(values
        .iter()
        .map(|t| t.to_f64().iter().copied().collect())
        .collect())
}

/// Runs a program the engine printed; if it does not run as it is, with
/// `--dim` for the indices of derivative targets it has (a derivative that
/// does not mention its target's index needs that to run alone: README, the
/// symbolic engine).
pub fn run_with_target_dims(
    program: &Program,
    src: &str,
    inp: &Inputs,
) -> Result<Vec<Vec<f64>>, String> {
    let first = run_checked(program, src, inp);
    let always = gate::TARGET_DIMS_ALWAYS && !gate::all();
    if first.is_ok() && !always {
        return first;
    }
    let mut args = args_for(program, inp)?;
    let mut any = false;
    for (names, extent) in [(TARGET_ROWS, inp.m), (TARGET_COLS, inp.n)] {
        for ix in names {
            if program.indices.iter().any(|i| i.name == ix) {
                args = args.dim(ix, extent);
                any = true;
            }
        }
    }
    if !any {
        return first;
    }
    match eval(program, &args) {
        Ok(v) => Ok(v
            .iter()
            .map(|t| t.to_f64().iter().copied().collect())
            .collect()),
        Err(_) => first,
    }
}

pub fn sym(src: &str) -> Result<SymProgram, String> {
    SymProgram::parse(src).map_err(|e| {
        format!(
            "the symbolic engine rejects\n{src}\n{}",
            e.render(FILE, src)
        )
    })
}

/// Whether `got` is `want` within `rel` of `scale` (or of `want`, or 1).
pub fn close(got: f64, want: f64, rel: f64, scale: f64) -> bool {
    (got - want).abs() <= rel * scale.max(want.abs()).max(1.0)
}

/// The scale of a statement's values for comparisons: its magnitude bound
/// when one is known, else its largest value.
fn scale(mag: f64, want: &[f64]) -> f64 {
    if mag.is_finite() {
        mag
    } else {
        want.iter().fold(1.0f64, |a, v| a.max(v.abs()))
    }
}

/// Whether `eval` (the simplified program) refuses `case` because a divisor is, or simplifies to,
/// exactly zero (`eval` runs the simplified program, and such a quotient
/// has no value: docs/numbers.md) and the oracle agrees that some value is
/// missing or not finite, or an input has an empty axis (the refusal is
/// static: a quotient inside an empty sum is refused though it never runs),
/// or the oracle itself divides by a zero somewhere (`a / (1/0)` is a
/// finite 0 as written, and its `1/0` refused simplified).
/// A refusal where every value the oracle computes is finite over non-empty
/// inputs is not accepted: the divisor was not zero after all.
pub fn refused_for_zero_divisor(case: &Case) -> bool {
    let src = case.text();
    let inputs = Inputs::of(case);
    let empty = inputs.m == 0 || inputs.n == 0;
    let Ok(program) = check(&src) else {
        return false;
    };
    let Ok(args) = args_for(&program, &inputs) else {
        return false;
    };
    match ricci::interp::eval_simplified(&program, &args) {
        Ok(_) => false,
        Err(e) => {
            let text = e.render(FILE, &src);
            (text.contains("division by zero") || text.contains("divides by zero"))
                && (empty || !oracle_is_finite(case) || case.oracle_divides_by_zero())
        }
    }
}

/// Whether the oracle gives every statement a value and every value is
/// finite: where it does, a division-by-zero refusal is wrong (the divisor
/// was not zero after all).
/// Whether the language refuses `case` as written because an exact
/// constant divides by zero (`0^(-1)`, `1/(1-1)`): the generator may build
/// one, and refusing it with that error is the right answer, not a failure.
pub fn divides_by_zero_as_written(case: &Case) -> bool {
    match ricci::sema::check_source(&case.text()) {
        Err(e) => e.iter().any(|d| {
            d.message.contains("divides by zero") || d.message.contains("division by zero")
        }),
        Ok(_) => false,
    }
}

fn oracle_is_finite(case: &Case) -> bool {
    case.oracle()
        .iter()
        .all(|o| o.as_ref().is_some_and(|v| v.iter().all(|x| x.is_finite())))
}

fn all_finite(v: &[Vec<f64>]) -> bool {
    v.iter().flatten().all(|x| x.is_finite())
}

// ---------------------------------------------------------------------------
// The interpreter against the oracle
// ---------------------------------------------------------------------------

/// The program checks and evaluates; every statement has its shape; where
/// the oracle has values, the interpreter agrees with them (relative 1e-9
/// of the magnitude bound) and, where that bound is below 1e300, is finite.
pub fn interp_matches_oracle(case: &Case) -> Result<(), String> {
    let src = case.text();
    let fail = |msg: String| Err(format!("{msg}\n{src}\non {}", case.inputs_text()));
    let program = check(&src)?;
    let args = args_for(&program, &Inputs::of(case))?;
    let values = match eval(&program, &args) {
        Ok(v) => v,
        Err(e) => return fail(format!("does not evaluate:\n{}", e.render(FILE, &src))),
    };
    if values.len() != case.stmts.len() {
        return fail(format!(
            "{} values for {} statements",
            values.len(),
            case.stmts.len()
        ));
    }
    let mut oracle = case.oracle();
    if case.outside && src.contains("diff(") {
        // `eval` runs such a program simplified, and outside the engine's
        // domain (`x/x` where x is 0) that may differ from the tree.
        oracle.iter_mut().for_each(|o| *o = None);
    }
    for (k, (t, want)) in values.iter().zip(&oracle).enumerate() {
        if t.shape() != case.shape(k) {
            return fail(format!(
                "statement {k} has shape {:?}, not {:?}",
                t.shape(),
                case.shape(k)
            ));
        }
        let Some(want) = want else { continue };
        let got: Vec<f64> = t.to_f64().iter().copied().collect();
        let mag = case.stmts[k].mag;
        // Not finite where the oracle is: the magnitude bound does not see
        // a NaN the oracle gets too (`(-x)^0.5`), so compare with it.
        if mag < 1e300
            && got
                .iter()
                .zip(want)
                .any(|(g, w)| !g.is_finite() && w.is_finite())
        {
            return fail(format!("statement {k} is not finite: {got:?}"));
        }
        for (g, w) in got.iter().zip(want) {
            let tol = 1e-9 * mag.max(1.0);
            // `g == w`: equal infinities (their difference is NaN).
            if !(g == w || (g - w).abs() <= tol || (g.is_nan() && w.is_nan())) {
                return fail(format!("statement {k}: interpreter {g}, oracle {w}"));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Simplification
// ---------------------------------------------------------------------------

/// The simplified program, printed and raised, evaluates to the original's
/// values (statements matched by name; bare ones in order). Skipped where
/// the original has a value that is not finite.
pub fn simplify_keeps_values(case: &Case) -> Result<(), String> {
    let src = case.text();
    if too_big(&src)? {
        return Ok(());
    }
    let inp = Inputs::of(case);
    let want = run(&src, &inp)?;
    if !all_finite(&want) {
        return Ok(());
    }
    let sp = sym(&src)?;
    let simplified = sp.text();
    let (raised, new_id) = sp.raise();
    let fail = |how: &str, msg: String| {
        Err(format!(
            "{how}: {msg}\n{simplified}\nfrom\n{src}\non {}",
            case.inputs_text()
        ))
    };
    // The printed program: its own definitions by name, bare ones in order.
    let printed = check(&simplified).map_err(|e| format!("{e}\nfrom\n{src}"))?;
    let got = run_with_target_dims(&printed, &simplified, &inp)
        .map_err(|e| format!("{e}\nfrom\n{src}"))?;
    let bare: Vec<usize> = (0..printed.defs.len())
        .filter(|&d| printed.defs[d].name.is_none())
        .collect();
    let mut next_bare = bare.iter();
    for (k, s) in case.stmts.iter().enumerate() {
        let at = match &s.name {
            Some(name) => printed
                .defs
                .iter()
                .position(|d| d.name.as_deref() == Some(name.as_str())),
            None => next_bare.next().copied(),
        };
        let Some(at) = at else {
            return fail("printed", format!("statement {k} is missing"));
        };
        compare("printed", k, &got[at], &want[k], s.mag).or_else(|e| fail("printed", e))?;
    }
    // The raised program.
    let got =
        run_checked(&raised, &simplified, &inp).map_err(|e| format!("raised: {e}\nfrom\n{src}"))?;
    for (k, s) in case.stmts.iter().enumerate() {
        let Some(at) = new_id[k] else {
            return fail("raised", format!("statement {k} is missing"));
        };
        compare("raised", k, &got[at.index()], &want[k], s.mag).or_else(|e| fail("raised", e))?;
    }
    Ok(())
}

fn compare(how: &str, k: usize, got: &[f64], want: &[f64], mag: f64) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!(
            "statement {k} ({how}) has {} values, the original {}",
            got.len(),
            want.len()
        ));
    }
    // Without a magnitude bound (derivatives), relative to the largest
    // value, and looser: the two forms round differently where terms are
    // much larger than the result.
    let (rel, scale) = if mag.is_finite() {
        (1e-9, mag)
    } else {
        (1e-6, scale(mag, want))
    };
    for (g, w) in got.iter().zip(want) {
        if !close(*g, *w, rel, scale) {
            return Err(format!(
                "statement {k} ({how}): simplified {g}, original {w}"
            ));
        }
    }
    Ok(())
}

/// Simplifying the simplified text changes nothing.
pub fn simplify_round_trips(case: &Case) -> Result<(), String> {
    let src = case.text();
    if too_big(&src)? {
        return Ok(());
    }
    idempotent(&src)
}

/// Simplified texts longer than this are not checked further: the
/// derivatives of some nested products still grow exponentially with their
/// order (B1), and evaluating them would take minutes in a debug build.
pub const MAX_TEXT: usize = 40_000;

/// Whether the simplified text of `src` is longer than [`MAX_TEXT`].
pub fn too_big(src: &str) -> Result<bool, String> {
    Ok(simplified_len(src)? > MAX_TEXT)
}

/// The length of the simplified text of `src` (remembered for the last
/// program: every check of a case asks).
fn simplified_len(src: &str) -> Result<usize, String> {
    thread_local! {
        static LAST: std::cell::RefCell<(String, usize)> =
            const { std::cell::RefCell::new((String::new(), 0)) };
    }
    if let Some(len) = LAST.with(|l| (l.borrow().0 == src).then(|| l.borrow().1)) {
        return Ok(len);
    }
    let len = sym(src)?.text().len();
    LAST.with(|l| *l.borrow_mut() = (src.to_string(), len));
    Ok(len)
}

pub fn idempotent(src: &str) -> Result<(), String> {
    let once = sym(src)?.text();
    let twice = sym(&once).map_err(|e| format!("{e}\nfrom\n{src}"))?.text();
    if twice != once {
        return Err(format!(
            "simplifying again changes the text:\n{once}\nbecomes\n{twice}\nfrom\n{src}"
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Derivatives
// ---------------------------------------------------------------------------

/// A direction of the inputs.
#[derive(Clone, Copy, Debug)]
enum Dir {
    C,
    X(usize),
    A(usize, usize),
}

impl Dir {
    fn name(self) -> String {
        match self {
            Dir::C => "c".into(),
            Dir::X(k) => format!("x[{k}]"),
            Dir::A(k, l) => format!("A[{k},{l}]"),
        }
    }
}

fn step(inp: &Inputs, dir: Dir, by: f64) -> Inputs {
    let mut out = inp.clone();
    match dir {
        Dir::C => out.c += by,
        Dir::X(k) => out.x[k] += by,
        Dir::A(k, l) => out.a[k * inp.n + l] += by,
    }
    out
}

/// The directions a target spans, in the order of the derivative's axes.
fn dirs(t: &Target, m: usize, n: usize) -> Vec<Dir> {
    match t {
        Target::C => vec![Dir::C],
        Target::X(_) => (0..m).map(Dir::X).collect(),
        Target::A(..) => (0..m)
            .flat_map(|k| (0..n).map(move |l| Dir::A(k, l)))
            .collect(),
    }
}

/// One statement's values as a function of the inputs: the program up to
/// it, lowered through the symbolic engine once if it has `diff`.
struct Forward {
    program: Program,
    src: String,
    at: usize,
}

/// Most evaluations finite differences may take for one case, in units of
/// a small program (2,000 characters simplified); statements past it are
/// not checked (a few second derivatives by `A` of a large program would
/// otherwise take most of a debug run).
const FD_BUDGET: usize = 160;

impl Forward {
    fn new(case: &Case, k: usize) -> Result<Forward, String> {
        let src = case.prefix_text(k + 1);
        let checked = check(&src)?;
        if !src.contains("diff(") {
            return Ok(Forward {
                program: checked,
                src,
                at: k,
            });
        }
        // `eval` would lower the program at every step.
        let lowered = ricci::sym::lower(&checked).map_err(|e| e.render(FILE, &src))?;
        let (program, new_id) = lowered.raise();
        let at = new_id[k]
            .ok_or_else(|| format!("statement {k} lost in lowering\n{src}"))?
            .index();
        Ok(Forward { program, src, at })
    }

    fn at(&self, inp: &Inputs) -> Result<Vec<f64>, String> {
        let mut v = run_checked(&self.program, &self.src, inp)?;
        Ok(v.swap_remove(self.at))
    }
}

/// A finite-difference estimate: Richardson's extrapolation of central
/// differences at steps h and 2h, and how far those two disagree (a bound
/// on the estimate's error where the function is too wiggly for step h).
struct Estimate {
    value: Vec<f64>,
    spread: Vec<f64>,
}

fn richardson(at: impl Fn(f64) -> Result<Vec<f64>, String>, h: f64) -> Result<Estimate, String> {
    let (d1, d2) = (at(h)?, at(2.0 * h)?);
    Ok(Estimate {
        value: d1
            .iter()
            .zip(&d2)
            .map(|(a, b)| (4.0 * a - b) / 3.0)
            .collect(),
        spread: d1.iter().zip(&d2).map(|(a, b)| (a - b).abs()).collect(),
    })
}

fn slope(f: &Forward, inp: &Inputs, dir: Dir) -> Result<Estimate, String> {
    richardson(
        |h| {
            let (up, down) = (f.at(&step(inp, dir, h))?, f.at(&step(inp, dir, -h))?);
            Ok(up
                .iter()
                .zip(&down)
                .map(|(u, d)| (u - d) / (2.0 * h))
                .collect())
        },
        1e-4,
    )
}

/// Derivative statements match central finite differences of what they
/// differentiate (first order: 1e-4 relative and absolute, second: 1e-3,
/// widened by how much steps h and 2h disagree); `ricci diff` of a first
/// derivative prints a program that runs on the same inputs, gives the same
/// values and simplifies to itself. Skipped where values pass 1e3 or
/// slopes 100 (finite differences then mean little).
pub fn derivatives_match_differences(case: &Case) -> Result<(), String> {
    let src = case.text();
    let size = simplified_len(&src)?;
    if size > MAX_TEXT {
        return Ok(());
    }
    // What one evaluation costs, about, in units of a small program.
    let unit = 1 + size / 2000;
    let inp = Inputs::of(case);
    let program = check(&src)?;
    let all = run_checked(&program, &src, &inp)?;
    if all
        .iter()
        .flatten()
        .any(|v| !v.is_finite() || v.abs() > 1e3)
    {
        return Ok(());
    }
    let mut spent = 0;
    for (k, s) in case.stmts.iter().enumerate() {
        let Role::Derivative { of, targets } = &s.role else {
            continue;
        };
        // Central differences at two steps: 4 evaluations a direction, 8 a
        // pair of directions for second derivatives.
        let cost: usize = targets
            .iter()
            .map(|t| 4 * dirs(t, case.m, case.n).len())
            .sum::<usize>()
            + if targets.len() == 2 {
                8 * dirs(&targets[0], case.m, case.n).len()
                    * dirs(&targets[1], case.m, case.n).len()
            } else {
                0
            };
        spent += cost * unit;
        if spent > FD_BUDGET {
            break;
        }
        let fail = |msg: String| {
            Err(format!(
                "{} ({msg})\n{src}\non {}\nsimplified:\n{}",
                case.stmt_text(k),
                case.inputs_text(),
                sym(&src).map(|p| p.text()).unwrap_or_default()
            ))
        };
        if targets.len() == 1 {
            printed_derivative(case, *of, &targets[0], &all[k])?;
        }
        let f = Forward::new(case, *of)?;
        let base = f.at(&inp)?;
        let (m, n) = (case.m, case.n);
        let d1 = dirs(&targets[0], m, n);
        // Slopes along every direction involved must be moderate.
        let mut slopes = Vec::new();
        for t in targets {
            for &dir in &dirs(t, m, n) {
                let e = slope(&f, &inp, dir)?;
                if e.value.iter().any(|v| !v.is_finite() || v.abs() > 100.0) {
                    return Ok(());
                }
                slopes.push(e);
            }
        }
        let got = &all[k];
        if targets.len() == 1 {
            // D[p, e] = dP[p] / d e.
            for (e, (dir, est)) in d1.iter().zip(&slopes).enumerate() {
                for p in 0..base.len() {
                    let g = got[p * d1.len() + e];
                    let (w, spread) = (est.value[p], est.spread[p]);
                    if !(close(g, w, 1e-4, 0.0) || (g - w).abs() <= spread) {
                        return fail(format!(
                            "element {p} along {}: diff gives {g}, finite differences {w} (spread {spread})",
                            dir.name()
                        ));
                    }
                }
            }
        } else {
            // D[p, e1, e2] = d2 P[p] / d e1 d e2.
            let d2 = dirs(&targets[1], m, n);
            for (i1, &e1) in d1.iter().enumerate() {
                for (i2, &e2) in d2.iter().enumerate() {
                    let at = |h: f64| {
                        let p = |s1: f64, s2: f64| f.at(&step(&step(&inp, e1, s1 * h), e2, s2 * h));
                        let (pp, pm, mp, mm) =
                            (p(1.0, 1.0)?, p(1.0, -1.0)?, p(-1.0, 1.0)?, p(-1.0, -1.0)?);
                        Ok((0..pp.len())
                            .map(|i| (pp[i] - pm[i] - mp[i] + mm[i]) / (4.0 * h * h))
                            .collect())
                    };
                    let est = richardson(at, 1e-3)?;
                    for p in 0..base.len() {
                        let g = got[(p * d1.len() + i1) * d2.len() + i2];
                        let (w, spread) = (est.value[p], est.spread[p]);
                        if !(close(g, w, 1e-3, 0.0) || (g - w).abs() <= spread) {
                            return fail(format!(
                                "element {p} along {} and {}: diff gives {g}, finite differences {w} (spread {spread})",
                                e1.name(),
                                e2.name()
                            ));
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// What `ricci diff` prints for statement `of` with respect to `target`
/// runs under `eval` with the same inputs, gives `want` (what `eval` of
/// `diff(...)` gave), and simplifies to itself.
fn printed_derivative(case: &Case, of: usize, target: &Target, want: &[f64]) -> Result<(), String> {
    let src = case.prefix_text(of + 1);
    let name = case.stmts[of].name.clone().expect("named");
    let mut sp = sym(&src)?;
    // `ricci diff` refuses a target the program does not read (README).
    let reads =
        |t: &str| sp.inputs.iter().any(|i| i.name == t) || sp.params.iter().any(|p| p.name == t);
    let reads_target = match target {
        Target::C => reads("c"),
        Target::X(_) => reads("x"),
        Target::A(..) => reads("A"),
    };
    if !reads_target {
        return Ok(());
    }
    let d = sp.diff(Some(&name), &target.text()).map_err(|e| {
        format!(
            "diff({name}, {}) fails:\n{src}\n{}",
            target.text(),
            e.render(FILE, &src)
        )
    })?;
    let printed = sp.program_text(&[d]);
    let dname = sp.def_name(d).to_string();
    let program =
        check(&printed).map_err(|e| format!("the printed derivative: {e}\nfrom\n{src}"))?;
    let inp = Inputs::of(case);
    let got = run_with_target_dims(&program, &printed, &inp)
        .map_err(|e| format!("the printed derivative: {e}\nfrom\n{src}"))?;
    let Some(at) = program
        .defs
        .iter()
        .position(|d| d.name.as_deref() == Some(dname.as_str()))
    else {
        return Err(format!(
            "the printed program has no `{dname}`:\n{printed}\nfrom\n{src}"
        ));
    };
    if got[at].len() != want.len() {
        return Err(format!(
            "`{dname}` has {} values, eval of diff gave {}:\n{printed}\nfrom\n{src}",
            got[at].len(),
            want.len()
        ));
    }
    let scale = want.iter().fold(1.0f64, |a, v| a.max(v.abs()));
    for (g, w) in got[at].iter().zip(want) {
        if !close(*g, *w, 1e-9, scale) {
            return Err(format!(
                "{dname}: the printed program gives {g}, eval gave {w}\n{printed}\nfrom\n{src}\non {}",
                case.inputs_text()
            ));
        }
    }
    idempotent(&printed).map_err(|e| format!("{e}\n(printed by diff)"))
}
