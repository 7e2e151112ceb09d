//! The JIT against the reference interpreter on a generated case: bit for
//! bit (`a == b` or both NaN), in f64 or f32, through `run_views` on inputs
//! laid out at random (NaN padding, so a stray read shows), `Kernel::call`,
//! and `run_into` caller outputs laid out at random (later statements then
//! read earlier ones through those strides; every element outside the
//! output views must keep its sentinel).
//!
//! In: a [`Case`] and a [`JitCall`] (dtype, layouts). Out: `Ok(())` or a
//! message with the program, the inputs and the first disagreement.

#![allow(dead_code)]

use super::checks::FILE;
use super::choices::Choices;
use super::generator::Case;
use super::layout::{Laid, Lay};
use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, Dimension, IxDyn};
use ricci::interp::eval;
use ricci::jit::{self, KernelElement, Options};
use ricci::runtime::args::Args;
use ricci::sema::Program;

/// f64 or f32, as the checks need them.
pub trait El:
    KernelElement + PartialEq + std::fmt::Debug + std::fmt::LowerExp + Send + Sync
{
    /// The unit roundoff.
    const U: f64;
    fn of(v: f64) -> Self;
    fn nan(self) -> bool;
    fn to(self) -> f64;
}

impl El for f64 {
    const U: f64 = f64::EPSILON / 2.0;
    fn of(v: f64) -> f64 {
        v
    }
    fn to(self) -> f64 {
        self
    }
    fn nan(self) -> bool {
        self.is_nan()
    }
}

impl El for f32 {
    const U: f64 = (f32::EPSILON / 2.0) as f64;
    fn of(v: f64) -> f32 {
        v as f32
    }
    fn to(self) -> f64 {
        self as f64
    }
    fn nan(self) -> bool {
        self.is_nan()
    }
}

/// `Ok` when both arrays have one shape and, element by element in logical
/// order, equal values or both NaN; else where and how they differ. For
/// two runs of compiled code (one kernel, other layouts or threads), which
/// must agree to the bit.
pub fn same<T: El>(what: &str, got: &ArrayViewD<T>, want: &ArrayViewD<T>) -> Result<(), String> {
    if got.shape() != want.shape() {
        return Err(format!(
            "{what}: JIT shape {:?}, interpreter shape {:?}",
            got.shape(),
            want.shape()
        ));
    }
    for ((ix, g), w) in got.indexed_iter().zip(want.iter()) {
        if !(g == w || (g.nan() && w.nan())) {
            return Err(format!(
                "{what} at {:?}: JIT {g:e}, interpreter {w:e}",
                ix.slice()
            ));
        }
    }
    Ok(())
}

/// How far compiled code may be from the interpreter, for values whose
/// terms' magnitudes add up to at most `scale` (Σ|terms|): `K u scale`,
/// u the unit roundoff. Compiled code adds a sum's terms in its own order
/// (lanes, blocks), so the two agree within about n u Σ|terms| for n
/// terms, propagated through the functions after it; `K` = 10^4 covers
/// the generator's sums (at most a few hundred terms) and the gentle
/// functions on top, and a single dropped term of a random program
/// (about 1/n of Σ|terms|, n < 10^3) is far outside it.
pub const K: f64 = 1e4;

/// `Ok` when `got` (compiled) and `want` (the interpreter) have one shape
/// and agree within [`K`] u `scale` (infinities equal, NaN where the
/// interpreter has NaN); else where and how they differ.
pub fn close<T: El>(
    what: &str,
    got: &ArrayViewD<T>,
    want: &ArrayViewD<T>,
    scale: f64,
) -> Result<(), String> {
    if got.shape() != want.shape() {
        return Err(format!(
            "{what}: JIT shape {:?}, interpreter shape {:?}",
            got.shape(),
            want.shape()
        ));
    }
    let tol = K * T::U * scale;
    for ((ix, g), w) in got.indexed_iter().zip(want.iter()) {
        let (gv, wv) = (g.to(), w.to());
        let ok = g == w || (g.nan() && w.nan()) || (wv.is_finite() && (gv - wv).abs() <= tol);
        if !ok {
            return Err(format!(
                "{what} at {:?}: JIT {g:e}, interpreter {w:e} (tolerance {tol:e})",
                ix.slice()
            ));
        }
    }
    Ok(())
}

/// The scale of [`close`] for a statement: its magnitude bound (the
/// generator's bound on Σ|terms|) where known, else 10^3 times the largest
/// magnitude among the interpreter's values (at least 1).
pub fn scale_of<T: El>(mag: f64, want: &ArrayViewD<T>) -> f64 {
    if mag.is_finite() && mag < 1e300 {
        mag.max(1.0)
    } else {
        let top = want
            .iter()
            .map(|v| v.to().abs())
            .filter(|v| v.is_finite())
            .fold(1.0, f64::max);
        1e3 * top
    }
}

pub fn arr<T: El>(shape: &[usize], v: &[f64]) -> ArrayD<T> {
    ArrayD::from_shape_vec(IxDyn(shape), v.iter().map(|&x| T::of(x)).collect()).expect("shape")
}

/// How the JIT is to see a case.
#[derive(Clone, Debug)]
pub struct JitCall {
    pub f32: bool,
    pub x_lay: Lay,
    pub a_lay: Lay,
    /// Per statement: whether `run_into` writes it to a caller array, and
    /// that array's layout (bare statements never).
    pub outs: Vec<Option<Lay>>,
}

impl JitCall {
    pub fn generate(c: &mut Choices, case: &Case) -> JitCall {
        let f32 = c.chance(90);
        let x_lay = Lay::generate(c, 1);
        let a_lay = Lay::generate(c, 2);
        let outs = case
            .stmts
            .iter()
            .map(|s| (s.name.is_some() && c.flag()).then(|| Lay::generate(c, s.axes.len())))
            .collect();
        JitCall {
            f32,
            x_lay,
            a_lay,
            outs,
        }
    }
}

/// Cases whose interpretation would visit more nodes than this are skipped
/// (rarely: a few nested sums over the largest extents).
pub const MAX_WORK: f64 = 4e5;

/// NaN around every input (a stray read shows), this around outputs.
const OUT_SENTINEL: f64 = -7.625e11;

/// The JIT agrees with the interpreter on `case`, called as `call` says,
/// on the program as the symbolic engine leaves it (the default) and as
/// written (`Options::as_written`, against `interp::eval`). `Ok` without
/// running for cases with more than [`MAX_WORK`].
pub fn jit_matches_interpreter(case: &Case, call: &JitCall) -> Result<(), String> {
    if case.work() > MAX_WORK {
        return Ok(());
    }
    if super::checks::divides_by_zero_as_written(case) {
        return Ok(());
    }
    let src = case.text();
    let program = super::checks::check(&src)?;
    // A divisor that simplifies to 0 is refused (rightly: checks.rs) by
    // the simplified program, and as written where `diff` takes the
    // program through the symbolic engine anyway.
    let refused = super::checks::refused_for_zero_divisor(case);
    let r = [false, true].into_iter().try_for_each(|as_written| {
        if refused && (!as_written || program.has_diff()) {
            return Ok(());
        }
        let r = if call.f32 {
            check_with::<f32>(&src, &program, case, call, as_written)
        } else {
            check_with::<f64>(&src, &program, case, call, as_written)
        };
        r.map_err(|e| {
            format!(
                "{e}
({})",
                if as_written {
                    "as written"
                } else {
                    "simplified"
                }
            )
        })
    });
    r.map_err(|e| {
        let dtype = if call.f32 { "f32" } else { "f64" };
        format!("{e}\n{dtype}, {}\n{src}", case.inputs_text())
    })
}

fn check_with<T: El>(
    src: &str,
    program: &Program,
    case: &Case,
    call: &JitCall,
    as_written: bool,
) -> Result<(), String> {
    let (m, n) = (case.m, case.n);
    let x = arr::<T>(&[m], &case.x);
    let a = arr::<T>(&[m, n], &case.a);
    let takes = |name: &str| program.inputs.iter().any(|i| i.name == name);
    let has_param = |name: &str| program.params.iter().any(|p| p.name == name);

    // The interpreter on owned standard-layout arrays.
    let mut args = Args::new();
    if takes("x") {
        args = args.tensor("x", T::wrap(x.clone()));
    }
    if takes("A") {
        args = args.tensor("A", T::wrap(a.clone()));
    }
    let mut params: Vec<(&str, f64)> = Vec::new();
    if has_param("c") {
        params.push(("c", case.c));
    }
    if has_param("N") {
        params.push(("N", m as f64));
    }
    for (p, v) in &params {
        args = args.param(p, *v);
    }
    if args.tensors.is_empty() {
        args.default_dtype = Some(T::DTYPE);
    }
    let interp = if as_written {
        eval
    } else {
        ricci::interp::eval_simplified
    };
    let want = interp(program, &args)
        .map_err(|e| format!("the interpreter fails:\n{}", e.render(FILE, src)))?;
    let want: Vec<ArrayD<T>> = want
        .iter()
        .map(|t| T::view(t).cloned().ok_or("interpreter dtype"))
        .collect::<Result<_, _>>()?;
    let count = case.stmts.len();
    if want.len() != count {
        return Err(format!("the interpreter gave {} values", want.len()));
    }

    let options = Options {
        as_written,
        ..Options::new(T::DTYPE)
    };
    let kernel = jit::compile(src, options)
        .map_err(|e| format!("the JIT does not compile:\n{}", e.render(FILE, src)))?;

    // run_views on laid-out inputs.
    let nan = T::of(f64::NAN);
    let xl = Laid::new(&x.view(), &call.x_lay, nan);
    let al = Laid::new(&a.view(), &call.a_lay, nan);
    let mut inputs: Vec<(&str, ArrayViewD<T>)> = Vec::new();
    if takes("x") {
        inputs.push(("x", xl.view()));
    }
    if takes("A") {
        inputs.push(("A", al.view()));
    }
    let got = kernel
        .run_views(&inputs, &params)
        .map_err(|e| format!("run_views fails:\n{}", e.render(FILE, src)))?;
    if got.len() != count {
        return Err(format!("run_views gave {} values", got.len()));
    }
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        close(
            &format!(
                "run_views, statement {k} (layouts x {:?}, A {:?})",
                call.x_lay, call.a_lay
            ),
            &g.view(),
            &w.view(),
            scale_of(case.stmts[k].mag, &w.view()),
        )?;
    }

    // The same kernel on the same layout gives the same bits on every run.
    let again = kernel
        .run_views(&inputs, &params)
        .map_err(|e| format!("run_views fails:\n{}", e.render(FILE, src)))?;
    for (k, (g, w)) in again.iter().zip(&got).enumerate() {
        same(
            &format!("run_views again, statement {k}"),
            &g.view(),
            &w.view(),
        )?;
    }

    // call on the interpreter's own (row-major) arguments: another layout
    // class may order sums otherwise (README, "The JIT"), so within the
    // bound against the interpreter.
    let called = kernel
        .call(&args)
        .map_err(|e| format!("call fails:\n{}", e.render(FILE, src)))?;
    for (k, (g, w)) in called.iter().zip(&want).enumerate() {
        let g = T::view(g).ok_or("call dtype")?;
        close(
            &format!("call, statement {k}"),
            &g.view(),
            &w.view(),
            scale_of(case.stmts[k].mag, &w.view()),
        )?;
    }

    // run_into caller arrays laid out at random.
    let sentinel = T::of(OUT_SENTINEL);
    let mut outs: Vec<(&str, Laid<T>, Laid<T>, usize)> = Vec::new();
    for (k, lay) in call.outs.iter().enumerate() {
        let (Some(lay), Some(name)) = (lay, &case.stmts[k].name) else {
            continue;
        };
        let blank = ArrayD::from_elem(IxDyn(got[k].shape()), sentinel);
        outs.push((
            name.as_str(),
            Laid::new(&blank.view(), lay, sentinel),
            Laid::new(&want[k].view(), lay, sentinel),
            k,
        ));
    }
    let mut views: Vec<(&str, ArrayViewMutD<T>)> = outs
        .iter_mut()
        .map(|(n, l, _, _)| (*n, l.view_mut()))
        .collect();
    kernel
        .run_into(&inputs, &params, &mut views)
        .map_err(|e| format!("run_into fails:\n{}", e.render(FILE, src)))?;
    drop(views);
    for (name, got, expected, k) in &outs {
        let lay = &got.lay;
        close(
            &format!("run_into `{name}` (layout {lay:?}), backing array"),
            &got.backing.view(),
            &expected.backing.view(),
            scale_of(case.stmts[*k].mag, &want[*k].view()),
        )?;
    }
    Ok(())
}
