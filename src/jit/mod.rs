//! The JIT: program text to a native [`Kernel`], checked, cached, callable
//! from Rust.
//!
//! In: program text and [`Options`] (element type). Out: an
//! `Arc<Kernel>`: the program (as the symbolic engine leaves it) compiled
//! by Cranelift into one function, and everything needed to call it safely.
//!
//! Always:
//! - before native code runs, every input's presence, rank and dtype, every
//!   extent and every written bound is checked by `sema::bind` with the
//!   same diagnostics as the interpreter; the code then touches only the
//!   arrays it was given, inside their shapes;
//! - a `Kernel` is immutable once built: `Send + Sync`, callable from many
//!   threads at once; dropping the last handle frees its machine code;
//! - compiling the same text with the same options again returns the same
//!   kernel from a cache; no cranelift type appears in this API.
//!
//! ```
//! use ndarray::array;
//! let k = ricci::compile("C[i,k] = sum_j A[i,j] B[j,k]", ricci::Options::default()).unwrap();
//! let a = array![[1., 2.], [3., 4.]];
//! let b = array![[5., 7.], [6., 8.]]; // B^T, passed transposed
//! let c = k.run_views(&[("A", a.view().into_dyn()), ("B", b.t().into_dyn())], &[]).unwrap();
//! assert_eq!(c[0], array![[19., 22.], [43., 50.]].into_dyn());
//! ```

mod codegen;
mod gemm_call;
mod host;
mod threads;
mod vmath;
mod vmath_kernel;
mod vmath_outline;

#[doc(hidden)]
pub use vmath_kernel::{MathFn, MathKernel, ulps32, ulps64};

#[cfg(test)]
mod tests;

use crate::diagnostics::{Diagnostic, Errors};
use crate::loops::ir::{self as lir, LayoutClass};
use crate::runtime::args::Args;
use crate::runtime::values::{DType, Tensor};
use crate::sema::{self, Program};
use codegen::Layout;
use cranelift::prelude::*;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::default_libcall_names;
use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use threads::{Call, Code, Entry};

/// How to compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    /// The element type of inputs and results.
    pub dtype: DType,
    /// Run the program exactly as written (`--as-written`), instead of
    /// what the symbolic engine leaves (the default: deltas contracted,
    /// constants folded, like terms collected, `log(prod)` as a sum of
    /// logs, shared subexpressions computed once). A program with `diff`
    /// goes through the symbolic engine either way.
    pub as_written: bool,
    /// At most this many threads per call (`--threads`; `None`: all
    /// cores). Results are the same for any number (README: "Threads").
    pub threads: Option<usize>,
}

impl Options {
    /// The default options for `dtype`.
    pub fn new(dtype: DType) -> Options {
        Options {
            dtype,
            as_written: false,
            threads: None,
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options::new(DType::F64)
    }
}

/// One tensor a kernel reads or returns ([`Kernel::inputs`],
/// [`Kernel::outputs`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorInfo {
    pub name: String,
    /// The number of axes (0 for a scalar).
    pub rank: usize,
    pub dtype: DType,
}

/// What a call returns: one array per output ([`Kernel::outputs`]), by
/// position (`out[0]`, `out.len()`, `for a in out`) or by name
/// (`out["C"]`, `out.get("C")`).
#[derive(Clone, Debug, PartialEq)]
pub struct Outputs<T> {
    names: Vec<String>,
    arrays: Vec<ArrayD<T>>,
}

impl<T> Outputs<T> {
    /// The output called `name`.
    pub fn get(&self, name: &str) -> Option<&ArrayD<T>> {
        let k = self.names.iter().position(|n| n == name)?;
        self.arrays.get(k)
    }

    /// The outputs' names, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The arrays, in order.
    pub fn into_vec(self) -> Vec<ArrayD<T>> {
        self.arrays
    }

    /// `(name, array)` pairs, in order.
    pub fn into_named(self) -> Vec<(String, ArrayD<T>)> {
        self.names.into_iter().zip(self.arrays).collect()
    }
}

impl<T> std::ops::Deref for Outputs<T> {
    type Target = [ArrayD<T>];
    fn deref(&self) -> &[ArrayD<T>] {
        &self.arrays
    }
}

impl<T> std::ops::Index<usize> for Outputs<T> {
    type Output = ArrayD<T>;
    fn index(&self, k: usize) -> &ArrayD<T> {
        &self.arrays[k]
    }
}

impl<T> std::ops::Index<&str> for Outputs<T> {
    type Output = ArrayD<T>;
    /// Panics if there is no output `name` (see [`Outputs::get`]).
    fn index(&self, name: &str) -> &ArrayD<T> {
        match self.get(name) {
            Some(a) => a,
            None => panic!(
                "no output named `{name}` (the outputs: {})",
                self.names.join(", ")
            ),
        }
    }
}

impl<T> IntoIterator for Outputs<T> {
    type Item = ArrayD<T>;
    type IntoIter = std::vec::IntoIter<ArrayD<T>>;
    fn into_iter(self) -> Self::IntoIter {
        self.arrays.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Outputs<T> {
    type Item = &'a ArrayD<T>;
    type IntoIter = std::slice::Iter<'a, ArrayD<T>>;
    fn into_iter(self) -> Self::IntoIter {
        self.arrays.iter()
    }
}

/// Where compile time went.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompileTimes {
    pub parse_check: Duration,
    pub symbolic: Duration,
    pub codegen: Duration,
}

/// A compiled program.
pub struct Kernel {
    /// The program without `diff` as the symbolic engine leaves it: calls
    /// are bound (checked, and errors worded) against it, as the
    /// interpreter does.
    source: Program,
    /// The program as written, when it had `diff` (bound before `source`,
    /// so what is written inside `diff(...)` is checked too).
    written: Option<Program>,
    /// What the code computes: `source` with products of three or more
    /// tensors split into pairwise contractions (`plan`) and reused sums
    /// materialised, all into hidden definitions, whose binding comes from
    /// `source`'s (`loops::Materialized::bound`).
    mat: crate::loops::Materialized,
    /// The contraction sites of `source`, the paths this code computes
    /// them by, and the kernels for other paths that calls' shapes chose.
    contractions: Contractions,
    /// Which definitions of `mat.program` the source wrote (derived adjoint
    /// definitions are computed but not returned).
    user_defs: Vec<usize>,
    /// The same definitions, as positions in `source`.
    source_user: Vec<usize>,
    /// `source` compiled without materialising, made on the first call
    /// whose hidden definitions would take too much memory
    /// ([`Kernel::hidden_too_big`]).
    plain: OnceLock<Result<Box<Kernel>, Errors>>,
    dtype: DType,
    /// At most this many threads per call (`None`: all cores).
    threads: Option<usize>,
    layout: Layout,
    /// The names the loop IR shows for `mat.program`'s definitions.
    names: Vec<String>,
    /// The binding of the last successful `run_views`/`run_into` call.
    last_bound: Mutex<Option<(CallKey, Arc<sema::Bound>)>>,
    /// The binding of the last successful [`Kernel::call`].
    last_call: Mutex<Option<(ArgsKey, Arc<sema::Bound>)>>,
    /// Buffers of hidden definitions kept between calls (see
    /// [`Scratch`]): a call's temporaries then cost a memset, not fresh
    /// pages from the system.
    scratch: Scratch,
    /// The code per layout class of the inputs: the row-major one, made
    /// at compile time, first; others compiled on first need (at most
    /// [`MAX_VARIANTS`]).
    variants: Mutex<Vec<Arc<Variant>>>,
    pub times: CompileTimes,
    /// The text it was compiled from (errors of calls point into it).
    text: Option<String>,
}

/// One compiled loop IR: for one layout class.
struct Variant {
    ir: lir::Func,
    /// What runs each block of `ir`, in order.
    entries: Vec<Code>,
    /// The generated code (`None` when every block is a direct library
    /// call).
    module: Mutex<Option<JITModule>>,
}

// SAFETY: after `finalize_definitions` the module is only kept to be freed
// on drop (behind a mutex); the code it holds is immutable, and `entry`
// writes only into the output arrays each call allocates for itself.
unsafe impl Send for Variant {}
unsafe impl Sync for Variant {}

impl Drop for Variant {
    fn drop(&mut self) {
        let module = match self.module.get_mut() {
            Ok(m) => m.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        if let Some(m) = module {
            // SAFETY: no call is running (we have `&mut self`: every call
            // holds an `Arc` of its variant), and `entry` is never called
            // again.
            unsafe { m.free_memory() };
        }
    }
}

/// At most this many layout classes get code of their own; calls in
/// further classes share one more, compiled for no known stride (correct
/// for every layout, maybe slower).
const MAX_VARIANTS: usize = 8;

type CacheKey = (String, Options);

/// Everything of an [`Args`] that binding depends on: tensor names,
/// shapes and element types, parameter bits, dims, limits.
#[derive(PartialEq)]
struct ArgsKey {
    tensors: Vec<(String, Vec<usize>, DType)>,
    params: Vec<(String, u64)>,
    dims: Vec<(String, usize)>,
    default_dtype: Option<DType>,
    limits: crate::limits::Limits,
}

impl ArgsKey {
    fn of(args: &Args) -> ArgsKey {
        ArgsKey {
            tensors: args
                .tensors
                .iter()
                .map(|(n, t)| (n.clone(), t.shape().to_vec(), t.dtype()))
                .collect(),
            params: args
                .params
                .iter()
                .map(|(n, v)| (n.clone(), v.to_bits()))
                .collect(),
            dims: args.dims.iter().map(|(n, d)| (n.clone(), *d)).collect(),
            default_dtype: args.default_dtype,
            limits: args.limits(),
        }
    }
}

/// Input shapes and parameter bits of one call, in program order, and the
/// limits its binding was checked against.
type CallKey = (
    Vec<Vec<usize>>,
    Vec<u64>,
    Vec<(String, usize)>,
    crate::limits::Limits,
);

fn cache() -> &'static Mutex<HashMap<CacheKey, Arc<Kernel>>> {
    static CACHE: OnceLock<Mutex<HashMap<CacheKey, Arc<Kernel>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Compiles `src` (or returns the kernel compiled from it before).
pub fn compile(src: &str, options: Options) -> Result<Arc<Kernel>, Errors> {
    let key = (src.to_string(), options);
    if let Ok(c) = cache().lock()
        && let Some(k) = c.get(&key)
    {
        return Ok(Arc::clone(k));
    }
    let kernel = compile_uncached(src, options)?;
    if let Ok(mut c) = cache().lock() {
        c.insert(key, Arc::clone(&kernel));
    }
    Ok(kernel)
}

/// Forgets every cached kernel (each is freed when its last user drops it).
pub fn clear_cache() {
    if let Ok(mut c) = cache().lock() {
        c.clear();
    }
}

/// Compiles `src` without the cache.
pub fn compile_uncached(src: &str, options: Options) -> Result<Arc<Kernel>, Errors> {
    let t0 = Instant::now();
    let compiled = (|| {
        let checked = sema::check_source(src)?;
        let t1 = Instant::now();
        let (program, user_defs, written) = lower(&checked, options.as_written)?;
        let t2 = Instant::now();
        let mut kernel = build(program, user_defs, written, options, true)?;
        kernel.times = CompileTimes {
            parse_check: t1 - t0,
            symbolic: t2 - t1,
            codegen: t2.elapsed(),
        };
        Ok(kernel)
    })();
    let mut kernel = compiled.map_err(|e: Errors| e.with_source("<program>", src))?;
    kernel.text = Some(src.to_string());
    Ok(Arc::new(kernel))
}

/// Compiles definitions of a [`crate::SymProgram`] (a derivative that
/// [`crate::SymProgram::diff`] made, say) without printing and parsing it
/// again: the kernel computes the program's definitions and returns those
/// of `roots`, in order. Not cached.
///
/// ```
/// let mut p = ricci::SymProgram::parse("L = sum_i (y[i] - a x[i])^2").unwrap();
/// let d = p.diff(Some("L"), "a").unwrap();
/// let k = ricci::compile_sym(&p, &[d], ricci::Options::default()).unwrap();
/// assert_eq!(k.outputs()[0].name, "dL_da");
/// let (x, y) = (ndarray::arr1(&[1.0, 2.0]).into_dyn(), ndarray::arr1(&[1.0, 1.0]).into_dyn());
/// let g = k.run_views(&[("x", x.view()), ("y", y.view())], &[("a", 0.5)]).unwrap();
/// // -2 sum_i x[i] (y[i] - a x[i]) = -2 (1 (1 - 0.5) + 2 (1 - 1))
/// assert_eq!(g[0][[]], -1.0);
/// ```
pub fn compile_sym(
    program: &crate::SymProgram,
    roots: &[crate::sema::DefId],
    options: Options,
) -> Result<Arc<Kernel>, Errors> {
    let (raised, new_id) = program.try_raise()?;
    let mut user = Vec::with_capacity(roots.len());
    for r in roots {
        match new_id.get(r.index()).copied().flatten() {
            Some(d) => user.push(d.index()),
            None => {
                return Err(internal(format!(
                    "definition {} is not in the program",
                    r.index()
                )));
            }
        }
    }
    build(raised, user, None, options, true).map(Arc::new)
}

/// Compiles an already checked program.
pub fn compile_program(program: &Program, options: Options) -> Result<Kernel, Errors> {
    let (p, user, written) = lower(program, options.as_written)?;
    build(p, user, written, options, true)
}

/// The program to run: what the symbolic engine leaves (or, with
/// `as_written` and no `diff`, the program itself); the positions of the
/// source's own definitions in it; and the program as written if the two
/// differ (calls bind it first, so errors point at what the user wrote).
fn lower(
    program: &Program,
    as_written: bool,
) -> Result<(Program, Vec<usize>, Option<Program>), Errors> {
    if as_written && !program.has_diff() {
        return Ok((program.clone(), (0..program.defs.len()).collect(), None));
    }
    let (raised, new_id) = crate::sym::lower_and_raise(program)?;
    let user = new_id[..program.defs.len()]
        .iter()
        .filter_map(|d| d.map(|d| d.index()))
        .collect();
    Ok((raised, user, Some(program.clone())))
}

fn internal(msg: impl std::fmt::Display) -> Errors {
    Errors::one(Diagnostic::error(format!(
        "internal error in the JIT: {msg}"
    )))
}

/// The host's instruction set with ricci's flags, made once.
fn isa() -> Result<cranelift::codegen::isa::OwnedTargetIsa, Errors> {
    static ISA: OnceLock<Result<cranelift::codegen::isa::OwnedTargetIsa, String>> = OnceLock::new();
    ISA.get_or_init(|| {
        let mut flags = settings::builder();
        let verify = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        for (k, v) in [
            ("opt_level", "speed"),
            ("use_colocated_libcalls", "false"),
            ("is_pic", "false"),
            ("enable_verifier", verify),
        ] {
            flags.set(k, v).map_err(|e| e.to_string())?;
        }
        cranelift_native::builder()
            .map_err(|e| e.to_string())?
            .finish(settings::Flags::new(flags))
            .map_err(|e| e.to_string())
    })
    .clone()
    .map_err(internal)
}

/// Compiles `source` (a program without `diff`; `source_user` are the
/// positions of the definitions the caller gets back). With `materialise`,
/// sums recomputed per element become hidden definitions first.
fn build(
    source: Program,
    source_user: Vec<usize>,
    written: Option<Program>,
    options: Options,
    materialise: bool,
) -> Result<Kernel, Errors> {
    build_planned(source, source_user, written, options, materialise, None)
}

/// [`build`], with the contraction paths given (`None`: chosen for
/// [`crate::plan::NOMINAL`] extents).
fn build_planned(
    source: Program,
    source_user: Vec<usize>,
    written: Option<Program>,
    options: Options,
    materialise: bool,
    choices: Option<Vec<Option<crate::plan::Path>>>,
) -> Result<Kernel, Errors> {
    let dtype = options.dtype;
    // Products of three or more tensors become pairwise contractions, then
    // sums recomputed per element that need not be become definitions.
    let (contractions, mat) = if materialise {
        let c = Contractions::new(&source, choices);
        let planned = crate::plan::apply(&source, &c.choices);
        let mat = crate::loops::materialize(&planned.program);
        (c, crate::plan::compose(&planned, mat))
    } else {
        (
            Contractions::default(),
            crate::loops::Materialized::identity(&source),
        )
    };
    let program = &mat.program;
    let user_defs: Vec<usize> = source_user.iter().map(|&d| mat.moved[d]).collect();
    // A bare expression is named by its position among the source's
    // statements (`_2` for the second), as the user counts them: its
    // definitions and its tensor literals (which became inputs).
    let mut names: Vec<String> = program
        .defs
        .iter()
        .enumerate()
        .map(|(d, def)| def.display_name(d))
        .collect();
    for (k, &d) in user_defs.iter().enumerate() {
        if program.defs[d].name.is_none() {
            let at = source.defs[source_user[k]].span.start;
            let literals = (source.inputs.iter())
                .filter(|i| i.literal.is_some() && i.span.start < at)
                .count();
            names[d] = format!("_{}", k + 1 + literals);
        }
    }
    let mut ranks: Vec<usize> = program.inputs.iter().map(|i| i.rank).collect();
    ranks.extend(program.defs.iter().map(|d| d.axes.len()));
    let layout = Layout::new(ranks.clone(), program.inputs.len());
    let variant = compile_variant(
        program,
        &names,
        &LayoutClass::row_major(&ranks),
        dtype,
        &layout,
    )?;
    Ok(Kernel {
        source,
        mat,
        contractions,
        written,
        user_defs,
        source_user,
        plain: OnceLock::new(),
        dtype,
        threads: options.threads,
        layout,
        names,
        last_bound: Mutex::new(None),
        last_call: Mutex::new(None),
        scratch: Scratch::default(),
        variants: Mutex::new(vec![Arc::new(variant)]),
        times: CompileTimes::default(),
        text: None,
    })
}

/// The loop IR of `program` for one layout class, compiled.
fn compile_variant(
    program: &Program,
    names: &[String],
    class: &LayoutClass,
    dtype: DType,
    layout: &Layout,
) -> Result<Variant, Errors> {
    let ir = crate::loops::build(program, names, class).map_err(internal)?;
    // Every block one GEMM node: library calls, no code to generate.
    let direct: Option<Vec<Code>> = (ir.blocks.iter())
        .map(|b| gemm_call::Direct::of(b).map(Code::Direct))
        .collect();
    if let Some(entries) = direct {
        return Ok(Variant {
            ir,
            entries,
            module: Mutex::new(None),
        });
    }
    let isa = isa()?;
    let mut jb = JITBuilder::with_isa(isa, default_libcall_names());
    jb.symbol(gemm_call::NAME, gemm_call::symbol());
    let mut module = JITModule::new(jb);
    let ids = match codegen::translate(&mut module, &ir, dtype, layout, "ricci_block") {
        Ok(ids) => ids,
        Err(e) => {
            // SAFETY: nothing from this module was ever called.
            unsafe { module.free_memory() };
            return Err(internal(e));
        }
    };
    if let Err(e) = module.finalize_definitions() {
        unsafe { module.free_memory() };
        return Err(internal(e));
    }
    let entries = ids
        .into_iter()
        .map(|id| {
            let ptr = module.get_finalized_function(id);
            // SAFETY: `translate` defined this function with exactly this
            // signature (four pointer-sized arguments, no result).
            Code::Native(unsafe { std::mem::transmute::<*const u8, Entry>(ptr) })
        })
        .collect();
    Ok(Variant {
        ir,
        entries,
        module: Mutex::new(Some(module)),
    })
}

impl Kernel {
    /// Binds a call: `sema::bind` on the source program (the
    /// interpreter's checks and messages, which name only what the user
    /// wrote), then the hidden definitions' extents from their sources.
    fn bind(&self, env: &sema::Env) -> Result<sema::Bound, Errors> {
        sema::bind_as_written(self.written.as_ref(), &self.source, env).map(|b| self.mat.bound(b))
    }

    /// `e`, pointing into the text the kernel was compiled from.
    fn located(&self, e: Errors) -> Errors {
        match &self.text {
            Some(t) => e.with_source("<program>", t),
            None => e,
        }
    }

    /// The element type the kernel computes in.
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The tensors a call passes, in program order (tensor literals,
    /// which the program gives itself, left out).
    pub fn inputs(&self) -> Vec<TensorInfo> {
        (self.mat.program.inputs.iter())
            .filter(|i| i.literal.is_none())
            .map(|i| TensorInfo {
                name: i.name.clone(),
                rank: i.rank,
                dtype: self.dtype,
            })
            .collect()
    }

    /// The scalar parameters a call passes, in program order.
    pub fn params(&self) -> Vec<String> {
        (self.mat.program.params.iter())
            .map(|p| p.name.clone())
            .collect()
    }

    /// What a call returns, in the order [`Kernel::run_views`] gives it:
    /// the source's definitions (a bare expression named by its position,
    /// `_2` for the second statement).
    pub fn outputs(&self) -> Vec<TensorInfo> {
        (self.user_defs.iter())
            .map(|&d| TensorInfo {
                name: self.names[d].clone(),
                rank: self.mat.program.defs[d].axes.len(),
                dtype: self.dtype,
            })
            .collect()
    }

    /// The options kernels made for this one (other paths, no hidden
    /// definitions) are built with.
    fn options(&self) -> Options {
        Options {
            dtype: self.dtype,
            as_written: false,
            threads: self.threads,
        }
    }

    /// The loop IR the kernel runs for row-major inputs, as text (its
    /// one text form). A bare expression is named by its position among
    /// the source's statements (`_2` for the second), as the user counts
    /// them, whatever definitions the symbolic engine and materialising
    /// put before it.
    pub fn explain(&self) -> String {
        // The paths of the last call's shapes, else of nominal extents.
        let (text, kernel) = self.contractions.explain(&self.source);
        let kernel = kernel.as_deref().unwrap_or(self);
        text + &kernel.ir().to_string()
    }

    /// The loop IR the kernel runs for row-major inputs.
    pub fn ir(&self) -> lir::Func {
        match self.variants.lock() {
            Ok(v) => v[0].ir.clone(),
            Err(p) => p.into_inner()[0].ir.clone(),
        }
    }

    /// The binding of `args` for this kernel's loop IR (for the verifier
    /// and operation counts): that of the materialised program.
    pub fn bind_args(&self, args: &Args) -> Result<sema::Bound, Errors> {
        self.bind(&args.env())
    }

    /// The floating-point operations a call with `args` (row-major
    /// inputs) does, counted on the loop IR it runs (`loops::cost`).
    pub fn flops(&self, args: &Args) -> Result<f64, Errors> {
        let bound = self.bind(&args.env())?;
        if self.hidden_too_big(&bound) {
            let plain = self.plain()?;
            return Ok(crate::loops::cost::flops(
                &plain.ir(),
                &self.mat.source_bound(&bound),
            ));
        }
        Ok(crate::loops::cost::flops(&self.ir(), &bound))
    }

    /// The layout class of a call on these inputs: theirs, and row-major
    /// definitions.
    fn class_of<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
        outputs: &[(&str, ArrayViewMutD<'_, T>)],
    ) -> Result<LayoutClass, Errors> {
        let mut class: Vec<Vec<lir::Stride>> = Vec::with_capacity(self.layout.ranks.len());
        for input in &self.mat.program.inputs {
            if let Some(l) = &input.literal {
                // A literal is passed row-major (`execute`).
                let t = crate::runtime::values::literal_tensor(l, T::DTYPE);
                let a = T::view(&t).ok_or_else(|| internal("literal of another type"))?;
                class.push(LayoutClass::of_axes(a.shape(), a.strides()));
                continue;
            }
            let a = inputs
                .iter()
                .find(|(n, _)| *n == input.name)
                .map(|(_, a)| a)
                .ok_or_else(|| internal(format!("input `{}` is missing", input.name)))?;
            class.push(LayoutClass::of_axes(a.shape(), a.strides()));
        }
        for (d, def) in self.mat.program.defs.iter().enumerate() {
            let given = def.name.as_ref().and_then(|n| {
                self.user_defs
                    .contains(&d)
                    .then(|| outputs.iter().find(|(m, _)| m == n))
                    .flatten()
            });
            class.push(match given {
                Some((_, v)) => LayoutClass::of_axes(v.shape(), v.strides()),
                None => LayoutClass::row_major(&[def.axes.len()]).0.remove(0),
            });
        }
        Ok(LayoutClass(class))
    }

    /// The loop IR a call on these input views runs (compiling it if no
    /// call has needed it yet).
    pub fn ir_for_views<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
    ) -> Result<lir::Func, Errors> {
        Ok(self.variant(&self.class_of(inputs, &[])?)?.ir.clone())
    }

    /// The code for `class`: compiled on first need (beyond
    /// [`MAX_VARIANTS`] classes, code that knows no stride).
    fn variant(&self, class: &LayoutClass) -> Result<Arc<Variant>, Errors> {
        let mut v = self
            .variants
            .lock()
            .map_err(|_| internal("a call panicked while compiling"))?;
        if let Some(x) = v.iter().find(|x| x.ir.layout == *class) {
            return Ok(Arc::clone(x));
        }
        // Past the cap, one more: code that knows no stride (valid for
        // every layout).
        let generic = LayoutClass(
            class
                .0
                .iter()
                .map(|t| vec![lir::Stride::Far; t.len()])
                .collect(),
        );
        let class = if v.len() >= MAX_VARIANTS {
            if let Some(x) = v.iter().find(|x| x.ir.layout == generic) {
                return Ok(Arc::clone(x));
            }
            &generic
        } else {
            class
        };
        let x = Arc::new(compile_variant(
            &self.mat.program,
            &self.names,
            class,
            self.dtype,
            &self.layout,
        )?);
        v.push(Arc::clone(&x));
        Ok(x)
    }

    /// Runs the kernel on the inputs, parameters and dims of `args`; one
    /// value per definition of the source, as `interp::eval` gives.
    pub fn call(&self, args: &Args) -> Result<Vec<Tensor>, Errors> {
        self.call_here(args).map_err(|e| self.located(e))
    }

    fn call_here(&self, args: &Args) -> Result<Vec<Tensor>, Errors> {
        // The same names, shapes, element types, parameters, dims and
        // limits as the last successful call bind the same way (binding
        // and its checks are pure functions of them): reuse that binding.
        let key = ArgsKey::of(args);
        let cached = match self.last_call.lock() {
            Ok(last) => last
                .as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, b)| Arc::clone(b)),
            Err(_) => None,
        };
        let bound = match cached {
            Some(b) => b,
            None => {
                let b = Arc::new(self.bind_call(args)?);
                if let Ok(mut last) = self.last_call.lock() {
                    *last = Some((key, Arc::clone(&b)));
                }
                b
            }
        };
        match self.dtype {
            DType::F64 => self.run::<f64>(args, &bound),
            DType::F32 => self.run::<f32>(args, &bound),
        }
    }

    /// Binds and checks a call: names, shapes, element type and budget.
    fn bind_call(&self, args: &Args) -> Result<sema::Bound, Errors> {
        let bound = self.bind(&args.env());
        let mut errors = match &bound {
            Err(Errors(ds)) => ds.clone(),
            Ok(_) => Vec::new(),
        };
        errors.extend(crate::interp::check_args(&self.source, args));
        let bound = match bound {
            Ok(b) if errors.is_empty() => b,
            _ => return Err(Errors(errors)),
        };
        self.check_budget(&bound, &args.limits())?;
        let dtype = match args.tensors.values().next() {
            Some(t) => t.dtype(),
            None => args.default_dtype.unwrap_or(self.dtype),
        };
        if dtype != self.dtype {
            return Err(Errors::one(
                Diagnostic::error(format!(
                    "this kernel was compiled for {} but the inputs are {}",
                    dtype_name(self.dtype),
                    dtype_name(dtype)
                ))
                .with_note("compile the program again for this element type"),
            ));
        }
        Ok(bound)
    }

    fn run<T: KernelElement>(
        &self,
        args: &Args,
        bound: &sema::Bound,
    ) -> Result<Vec<Tensor>, Errors> {
        let mut inputs: Vec<(&str, ArrayViewD<T>)> = Vec::with_capacity(args.tensors.len());
        for (name, t) in &args.tensors {
            let a = T::view(t).ok_or_else(|| internal(format!("input `{name}` changed type")))?;
            inputs.push((name.as_str(), a.view()));
        }
        let outs = self.execute(&inputs, bound, &mut [])?;
        Ok(outs.into_iter().flatten().map(T::wrap).collect())
    }

    /// Runs the kernel on ndarray views (any strides, negative and zero
    /// length included) and scalar parameters; returns one owned array per
    /// definition of the source (a scalar as a 0-d array).
    pub fn run_views<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
        params: &[(&str, f64)],
    ) -> Result<Outputs<T>, Errors> {
        self.run_views_dims(inputs, params, &[])
    }

    /// [`Kernel::run_views`] with extents for indices that no input's
    /// shape fixes (`--dim IDX=N` on the command line).
    pub fn run_views_dims<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
        params: &[(&str, f64)],
        dims: &[(&str, usize)],
    ) -> Result<Outputs<T>, Errors> {
        let run = || {
            let bound = self.bind_views(inputs, params, dims)?;
            self.execute(inputs, &bound, &mut [])
        };
        let outs = run().map_err(|e| self.located(e))?;
        Ok(Outputs {
            names: self.outputs().into_iter().map(|t| t.name).collect(),
            arrays: outs.into_iter().flatten().collect(),
        })
    }

    /// Like [`Kernel::run_views`], writing the named definitions into the
    /// caller's arrays (which must have their shapes); the others are
    /// computed and dropped.
    pub fn run_into<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
        params: &[(&str, f64)],
        outputs: &mut [(&str, ArrayViewMutD<'_, T>)],
    ) -> Result<(), Errors> {
        let mut errors = Vec::new();
        for (k, (name, _)) in outputs.iter().enumerate() {
            let defined = self
                .user_defs
                .iter()
                .any(|&d| self.mat.program.defs[d].name.as_deref() == Some(*name));
            if !defined {
                errors.push(Diagnostic::error(format!(
                    "an output array is given for `{name}`, but the program defines no `{name}`"
                )));
            } else if outputs[..k].iter().any(|(m, _)| m == name) {
                errors.push(Diagnostic::error(format!(
                    "two output arrays are given for `{name}`"
                )));
            }
        }
        if !errors.is_empty() {
            return Err(Errors(errors));
        }
        let bound = self.bind_views(inputs, params, &[])?;
        self.execute(inputs, &bound, outputs)?;
        Ok(())
    }

    /// The shapes of the program's inputs and its parameter values, in
    /// program order, when every one is given exactly once.
    fn call_key<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
        params: &[(&str, f64)],
        dims: &[(&str, usize)],
    ) -> Option<CallKey> {
        if inputs.len() != self.mat.program.inputs.len()
            || params.len() != self.mat.program.params.len()
        {
            return None;
        }
        let shapes = self
            .mat
            .program
            .inputs
            .iter()
            .map(|i| {
                inputs
                    .iter()
                    .find(|(n, _)| *n == i.name)
                    .map(|(_, a)| a.shape().to_vec())
            })
            .collect::<Option<Vec<_>>>()?;
        let values = self
            .mat
            .program
            .params
            .iter()
            .map(|p| {
                params
                    .iter()
                    .find(|(n, _)| *n == p.name)
                    .map(|(_, v)| v.to_bits())
            })
            .collect::<Option<Vec<_>>>()?;
        let dims = dims.iter().map(|(n, d)| (n.to_string(), *d)).collect();
        Some((shapes, values, dims, crate::limits::current()))
    }

    fn bind_views<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
        params: &[(&str, f64)],
        dims: &[(&str, usize)],
    ) -> Result<Arc<sema::Bound>, Errors> {
        if T::DTYPE != self.dtype {
            return Err(Errors::one(Diagnostic::error(format!(
                "this kernel was compiled for {} but the inputs are {}",
                dtype_name(self.dtype),
                dtype_name(T::DTYPE)
            ))));
        }
        let mut errors = Vec::new();
        for (k, (name, _)) in inputs.iter().enumerate() {
            if inputs[..k].iter().any(|(m, _)| m == name) {
                errors.push(Diagnostic::error(format!("tensor `{name}` is given twice")));
            } else if !self.mat.program.inputs.iter().any(|i| i.name == *name) {
                errors.push(Diagnostic::error(format!(
                    "tensor `{name}` is given but the program has no input tensor named `{name}`"
                )));
            }
        }
        for (name, _) in params {
            if !self.mat.program.params.iter().any(|p| p.name == *name) {
                errors.push(Diagnostic::error(format!(
                    "parameter `{name}` is given but the program has no scalar parameter named `{name}`"
                )));
            }
        }
        // The same shapes and parameter values as the last successful call
        // bind the same way: reuse that binding (binding is a pure
        // function of them).
        let key = if errors.is_empty() {
            self.call_key(inputs, params, dims)
        } else {
            None
        };
        if let (Some(k), Ok(last)) = (&key, self.last_bound.lock())
            && let Some((lk, b)) = &*last
            && lk == k
        {
            return Ok(Arc::clone(b));
        }
        let env = sema::Env {
            shapes: inputs
                .iter()
                .map(|(n, a)| (n.to_string(), a.shape().to_vec()))
                .collect(),
            params: params.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
            dims: dims.iter().map(|(n, d)| (n.to_string(), *d)).collect(),
        };
        match self.bind(&env) {
            Ok(b) if errors.is_empty() => {
                let limits = key.as_ref().map_or_else(crate::limits::current, |k| k.3);
                self.check_budget(&b, &limits)?;
                let b = Arc::new(b);
                if let (Some(k), Ok(mut last)) = (key, self.last_bound.lock()) {
                    *last = Some((k, Arc::clone(&b)));
                }
                Ok(b)
            }
            Ok(_) => Err(Errors(errors)),
            Err(Errors(mut e)) => {
                errors.append(&mut e);
                Err(Errors(errors))
            }
        }
    }

    /// Checks a call (`bound`: a binding of this kernel's program) against
    /// `limits` with `sema::budget` on the source, whose messages name only
    /// what the user wrote. A call that the source's count refuses but
    /// that the contractions planned for its shapes bring within the limits
    /// (a matrix chain of n = 1200: 2.1e12 iterations as written, 3.5e9
    /// planned) is accepted, unless its intermediates would be too big to
    /// store (then the program runs as written).
    fn check_budget(
        &self,
        bound: &sema::Bound,
        limits: &crate::limits::Limits,
    ) -> Result<(), Errors> {
        let source = self.mat.source_bound(bound);
        let err = match sema::budget::check(&self.source, &source, self.dtype.size(), limits) {
            Ok(()) => return Ok(()),
            Err(e) => e,
        };
        if self.contractions.sites.is_empty() {
            return Err(err);
        }
        let variant = self.contractions.replan(self, bound)?;
        let (kernel, b) = match &variant {
            Some(k) => (k.as_ref(), k.mat.bound(source)),
            None => (self, bound.clone()),
        };
        let planned = kernel.contractions.choices.iter().any(Option::is_some)
            && !kernel.hidden_too_big(&b)
            && sema::budget::check(&kernel.mat.program, &b, self.dtype.size(), limits).is_ok();
        if planned { Ok(()) } else { Err(err) }
    }

    /// Whether this call's hidden definitions would take more memory than
    /// the call needs anyway: more elements than twice its inputs and
    /// other definitions together, and more than [`HIDDEN_FLOOR`].
    /// Materialising `x[i] w[j] + sum_n t[n]` out of `y[k] = sum_{i,j}
    /// z[k] (x[i] w[j] + sum_n t[n])` stores an `i` by `j` table that the
    /// program never asked for.
    fn hidden_too_big(&self, bound: &sema::Bound) -> bool {
        let (hidden, other) = self.mat.hidden_elements(bound);
        let inputs = bound.input_shapes.iter().fold(0u128, |acc, s| {
            acc.saturating_add(s.iter().fold(1u128, |a, &x| a.saturating_mul(x as u128)))
        });
        hidden > HIDDEN_FLOOR && hidden > 2u128.saturating_mul(inputs.saturating_add(other))
    }

    /// The kernel without hidden definitions (compiled on first use).
    fn plain(&self) -> Result<&Kernel, Errors> {
        self.plain
            .get_or_init(|| {
                build(
                    self.source.clone(),
                    self.source_user.clone(),
                    None,
                    self.options(),
                    false,
                )
                .map(Box::new)
            })
            .as_ref()
            .map(|k| k.as_ref())
            .map_err(Clone::clone)
    }

    /// Runs the code: `bound` must come from binding this kernel's program
    /// to exactly these inputs. Returns the user definitions not written
    /// into `outputs`.
    fn execute<T: KernelElement>(
        &self,
        inputs: &[(&str, ArrayViewD<'_, T>)],
        bound: &sema::Bound,
        outputs: &mut [(&str, ArrayViewMutD<'_, T>)],
    ) -> Result<Vec<Option<ArrayD<T>>>, Errors> {
        if let Some(k) = self.contractions.replan(self, bound)? {
            // Other shapes than the code was planned for: the kernel
            // planned for them.
            let source = self.mat.source_bound(bound);
            return k.execute(inputs, &k.mat.bound(source), outputs);
        }
        if self.hidden_too_big(bound) {
            // The same values, recomputing those sums where they are used
            // (as the program is written) instead of storing them.
            return self
                .plain()?
                .execute(inputs, &self.mat.source_bound(bound), outputs);
        }
        let mut ptrs: Vec<*mut u8> = Vec::with_capacity(self.layout.ranks.len());
        let mut strides: Vec<i64> = vec![0; self.layout.n_strides];
        // Tensor literals (`A = [[1,2],[3,4]]`): the program gives them.
        let literals: Vec<Option<Tensor>> = (self.mat.program.inputs.iter())
            .map(|i| {
                (i.literal.as_ref()).map(|l| crate::runtime::values::literal_tensor(l, T::DTYPE))
            })
            .collect();
        for (t, input) in self.mat.program.inputs.iter().enumerate() {
            let literal = literals[t].as_ref().and_then(T::view).map(|a| a.view());
            let a = match &literal {
                Some(a) => a,
                None => {
                    &inputs
                        .iter()
                        .find(|(n, _)| *n == input.name)
                        .ok_or_else(|| internal(format!("input `{}` is missing", input.name)))?
                        .1
                }
            };
            if a.shape() != bound.input_shapes[t].as_slice() {
                return Err(internal(format!("input `{}` changed shape", input.name)));
            }
            ptrs.push(a.as_ptr() as *mut u8);
            let at = self.layout.stride_at[t];
            for (k, s) in a.strides().iter().enumerate() {
                strides[at + k] = *s as i64;
            }
        }
        // Each definition goes to the caller's array if one is named for
        // it, else to a fresh one.
        let mut owned: Vec<Option<ArrayD<T>>> = Vec::with_capacity(self.mat.program.defs.len());
        for (d, def) in self.mat.program.defs.iter().enumerate() {
            let shape = &bound.def_shapes[d];
            let given = def.name.as_ref().and_then(|n| {
                self.user_defs
                    .contains(&d)
                    .then(|| outputs.iter_mut().find(|(m, _)| m == n))
                    .flatten()
            });
            let t = self.layout.n_inputs + d;
            let at = self.layout.stride_at[t];
            match given {
                Some((name, view)) => {
                    if view.shape() != shape.as_slice() {
                        return Err(Errors::one(Diagnostic::error(format!(
                            "the array given for `{name}` has shape {} but `{name}` has shape {}",
                            crate::diagnostics::show_shape(view.shape()),
                            crate::diagnostics::show_shape(shape)
                        ))));
                    }
                    ptrs.push(view.as_mut_ptr() as *mut u8);
                    for (k, s) in view.strides().iter().enumerate() {
                        strides[at + k] = *s as i64;
                    }
                    owned.push(None);
                }
                None => {
                    let kept = if self.user_defs.contains(&d) {
                        None
                    } else {
                        self.scratch.take::<T>(shape)
                    };
                    let mut a = match kept {
                        Some(a) => a,
                        // Named only when it fails (naming costs a format).
                        None => crate::runtime::alloc::try_zeros_for::<T>(shape, &|| {
                            sema::budget::describe(def)
                        })?,
                    };
                    ptrs.push(a.as_mut_ptr() as *mut u8);
                    for (k, s) in a.strides().iter().enumerate() {
                        strides[at + k] = *s as i64;
                    }
                    owned.push(Some(a));
                }
            }
        }
        let mut ranges: Vec<i64> = Vec::with_capacity(2 * bound.ranges.len());
        for r in &bound.ranges {
            ranges.push(r.start);
            ranges.push(r.len as i64);
        }
        // The layout class of the inputs and the caller's output arrays
        // picks the code (definitions the kernel allocates are
        // row-major).
        let variant = self.variant(&self.class_of(inputs, outputs)?)?;
        if cfg!(debug_assertions) {
            crate::loops::verify::in_bounds(&variant.ir, bound)
                .map_err(|e| internal(format!("loop IR verifier: {e}")))?;
        }
        let n_inputs = self.layout.n_inputs;
        let shapes = |t: usize| -> &[usize] {
            match t.checked_sub(n_inputs) {
                None => &bound.input_shapes[t],
                Some(d) => &bound.def_shapes[d],
            }
        };
        let call = Call {
            ptrs: &ptrs,
            strides: &strides,
            ranges: &ranges,
            params: &bound.params,
            shapes: &shapes,
            stride_at: &self.layout.stride_at,
            dtype: T::DTYPE,
        };
        let scope = gemm_call::Scope::enter(self.threads);
        for (block, code) in variant.ir.blocks.iter().zip(&variant.entries) {
            // SAFETY: `bind` proved every access the program makes in
            // bounds for these ranges and shapes; the pointers and strides
            // describe exactly the arrays above (moving an owned array does
            // not move its heap buffer), which outlive the call; output
            // arrays are fresh or borrowed mutably, so nothing else reads
            // or writes them; blocks run in order, each after the ones it
            // reads.
            unsafe { threads::run_block(code, block, &call, bound, self.threads) }
                .map_err(internal)?;
        }
        scope.finish().map_err(internal)?;
        let outs = self
            .user_defs
            .iter()
            .map(|&d| owned.get_mut(d).and_then(Option::take))
            .collect();
        // What is left are the hidden definitions' buffers.
        for a in owned.into_iter().flatten() {
            self.scratch.keep(a);
        }
        Ok(outs)
    }
}

/// Hidden definitions' buffers, kept by a kernel between calls (at most
/// [`Scratch::MAX_BYTES`] in all) and handed out zeroed: a temporary
/// then costs the next call a memset of memory in cache rather than a
/// page fault per 4 KiB of fresh memory (the first calls of softmax
/// 512x512 spent half their time in the kernel's page-fault handler).
/// Calls running at once each take their own buffers.
#[derive(Default)]
struct Scratch {
    kept: Mutex<Vec<Tensor>>,
}

impl Scratch {
    /// The most bytes kept per kernel.
    const MAX_BYTES: usize = 256 << 20;

    /// A kept buffer of exactly `shape`'s element count, zeroed and shaped
    /// (C order), or `None`.
    fn take<T: KernelElement>(&self, shape: &[usize]) -> Option<ArrayD<T>> {
        let n: usize = shape.iter().product();
        let mut kept = self.kept.lock().ok()?;
        let at = kept
            .iter()
            .position(|t| T::view(t).is_some_and(|a| a.len() == n))?;
        let t = kept.swap_remove(at);
        drop(kept);
        let mut a = T::unwrap(t)?;
        a.fill(T::zero());
        a.into_shape_with_order(ndarray::IxDyn(shape)).ok()
    }

    /// Keeps `a` for a later call, if there is room.
    fn keep<T: KernelElement>(&self, a: ArrayD<T>) {
        let bytes = |t: &Tensor| t.len() * t.dtype().size();
        let t = T::wrap(a);
        if let Ok(mut kept) = self.kept.lock()
            && kept.iter().map(bytes).sum::<usize>() + bytes(&t) <= Self::MAX_BYTES
        {
            kept.push(t);
        }
    }
}

/// Hidden definitions up to this many elements are always stored (see
/// [`Kernel::hidden_too_big`]).
const HIDDEN_FLOOR: u128 = 1 << 24;

fn dtype_name(d: DType) -> &'static str {
    match d {
        DType::F64 => "f64",
        DType::F32 => "f32",
    }
}

/// An element type kernels compute in.
pub trait KernelElement:
    Copy + num_traits::Zero + crate::runtime::alloc::ZeroBits + 'static
{
    const DTYPE: DType;
    fn view(t: &Tensor) -> Option<&ArrayD<Self>>;
    fn wrap(a: ArrayD<Self>) -> Tensor;
    fn unwrap(t: Tensor) -> Option<ArrayD<Self>>;
}

impl KernelElement for f64 {
    const DTYPE: DType = DType::F64;
    fn view(t: &Tensor) -> Option<&ArrayD<f64>> {
        match t {
            Tensor::F64(a) => Some(a),
            Tensor::F32(_) => None,
        }
    }
    fn wrap(a: ArrayD<f64>) -> Tensor {
        Tensor::F64(a)
    }
    fn unwrap(t: Tensor) -> Option<ArrayD<f64>> {
        match t {
            Tensor::F64(a) => Some(a),
            Tensor::F32(_) => None,
        }
    }
}

impl KernelElement for f32 {
    const DTYPE: DType = DType::F32;
    fn view(t: &Tensor) -> Option<&ArrayD<f32>> {
        match t {
            Tensor::F32(a) => Some(a),
            Tensor::F64(_) => None,
        }
    }
    fn wrap(a: ArrayD<f32>) -> Tensor {
        Tensor::F32(a)
    }
    fn unwrap(t: Tensor) -> Option<ArrayD<f32>> {
        match t {
            Tensor::F32(a) => Some(a),
            Tensor::F64(_) => None,
        }
    }
}

/// The extents of a call's contraction indices, and the kernel planned
/// for them if it is not the one called.
type LastPlan = (Vec<u64>, Option<Arc<Kernel>>);

/// The contraction planner's part of a kernel: see [`crate::plan`].
#[derive(Default)]
struct Contractions {
    sites: Vec<crate::plan::Site>,
    /// The paths the kernel's code computes the sites by.
    choices: Vec<Option<crate::plan::Path>>,
    /// The extents of the sites' indices in the last call, and the kernel
    /// planned for them if it is not this one.
    last: Mutex<Option<LastPlan>>,
    /// Kernels compiled for other paths, by path.
    variants: Mutex<HashMap<Vec<Option<crate::plan::Path>>, Arc<Kernel>>>,
}

impl Contractions {
    fn new(source: &Program, choices: Option<Vec<Option<crate::plan::Path>>>) -> Contractions {
        let sites = crate::plan::sites(source);
        let choices =
            choices.unwrap_or_else(|| crate::plan::choose(&sites, &|_| crate::plan::NOMINAL));
        Contractions {
            sites,
            choices,
            ..Default::default()
        }
    }

    /// The extents of the sites' indices in a binding of the source.
    fn extents(&self, source: &sema::Bound) -> Vec<u64> {
        self.sites
            .iter()
            .flat_map(|s| s.indices.iter().map(|&i| source.range(i).len as u64))
            .collect()
    }

    /// The kernel to run for `bound` (a binding of `kernel`'s program)
    /// when its shapes choose other paths than `kernel` computes, compiled
    /// on first need.
    fn replan(&self, kernel: &Kernel, bound: &sema::Bound) -> Result<Option<Arc<Kernel>>, Errors> {
        if self.sites.is_empty() {
            return Ok(None);
        }
        let source = kernel.mat.source_bound(bound);
        let extents = self.extents(&source);
        if let Ok(last) = self.last.lock()
            && let Some((e, k)) = &*last
            && *e == extents
        {
            return Ok(k.clone());
        }
        let choices = crate::plan::choose(&self.sites, &|i| source.range(i).len as u64);
        let variant = if choices == self.choices {
            None
        } else {
            let cached = self
                .variants
                .lock()
                .ok()
                .and_then(|v| v.get(&choices).cloned());
            Some(match cached {
                Some(k) => k,
                None => {
                    let k = Arc::new(build_planned(
                        kernel.source.clone(),
                        kernel.source_user.clone(),
                        kernel.written.clone(),
                        kernel.options(),
                        true,
                        Some(choices.clone()),
                    )?);
                    if let Ok(mut v) = self.variants.lock() {
                        v.insert(choices, Arc::clone(&k));
                    }
                    k
                }
            })
        };
        if let Ok(mut last) = self.last.lock() {
            *last = Some((extents, variant.clone()));
        }
        Ok(variant)
    }

    /// The paths as `--explain` text (for the last call's extents, else
    /// nominal ones), and the kernel that computes them if not this one.
    fn explain(&self, source: &Program) -> (String, Option<Arc<Kernel>>) {
        let last = self.last.lock().ok().and_then(|l| l.clone());
        match last {
            Some((extents, kernel)) => {
                let mut at = 0;
                let mut by_index: HashMap<sema::IndexId, u64> = HashMap::new();
                for s in &self.sites {
                    for &i in &s.indices {
                        by_index.insert(i, extents[at]);
                        at += 1;
                    }
                }
                let extent = |i| by_index.get(&i).copied().unwrap_or(crate::plan::NOMINAL);
                let choices = kernel
                    .as_ref()
                    .map_or(&self.choices, |k| &k.contractions.choices);
                (
                    crate::plan::describe(source, &self.sites, choices, &extent),
                    kernel,
                )
            }
            None => {
                let text = crate::plan::describe(source, &self.sites, &self.choices, &|_| {
                    crate::plan::NOMINAL
                });
                let text = if text.is_empty() {
                    text
                } else {
                    format!(
                        "(paths for extents of {} each until a call gives shapes)\n{text}",
                        crate::plan::NOMINAL
                    )
                };
                (text, None)
            }
        }
    }
}
