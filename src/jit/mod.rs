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

mod codegen;
mod host;

#[cfg(test)]
mod tests;

use crate::diagnostics::{Diagnostic, Errors};
use crate::loops::Plan;
use crate::runtime::args::Args;
use crate::runtime::values::{DType, Tensor};
use crate::sema::{self, Program};
use codegen::Layout;
use cranelift::prelude::*;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::default_libcall_names;
use ndarray::{ArrayD, IxDyn};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How to compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    pub dtype: DType,
}

impl Default for Options {
    fn default() -> Options {
        Options { dtype: DType::F64 }
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
    /// The program the code computes (no `diff`), for binding calls.
    program: Program,
    /// Which definitions of `program` the source wrote (derived adjoint
    /// definitions are computed but not returned).
    user_defs: Vec<usize>,
    dtype: DType,
    layout: Layout,
    entry: unsafe extern "C" fn(*const *mut u8, *const i64, *const i64, *const f64),
    module: Mutex<Option<JITModule>>,
    pub times: CompileTimes,
}

// SAFETY: after `finalize_definitions` the module is only kept to be freed
// on drop (behind a mutex); the code it holds is immutable, and `entry`
// writes only into the output arrays each call allocates for itself.
unsafe impl Send for Kernel {}
unsafe impl Sync for Kernel {}

impl Drop for Kernel {
    fn drop(&mut self) {
        let module = match self.module.get_mut() {
            Ok(m) => m.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        if let Some(m) = module {
            // SAFETY: no call is running (we have `&mut self`), and `entry`
            // is never called again.
            unsafe { m.free_memory() };
        }
    }
}

type CacheKey = (String, Options);

fn cache() -> &'static Mutex<HashMap<CacheKey, Arc<Kernel>>> {
    static CACHE: OnceLock<Mutex<HashMap<CacheKey, Arc<Kernel>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Compiles `src` (or returns the kernel compiled from it before).
pub fn compile(src: &str, options: Options) -> Result<Arc<Kernel>, Errors> {
    let key = (src.to_string(), options);
    if let Ok(c) = cache().lock() {
        if let Some(k) = c.get(&key) {
            return Ok(Arc::clone(k));
        }
    }
    let kernel = Arc::new(compile_uncached(src, options)?);
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
pub fn compile_uncached(src: &str, options: Options) -> Result<Kernel, Errors> {
    let t0 = Instant::now();
    let checked = sema::check_source(src)?;
    let t1 = Instant::now();
    let (program, user_defs) = lower_diffs(&checked)?;
    let t2 = Instant::now();
    let mut kernel = build(program, user_defs, options.dtype)?;
    kernel.times = CompileTimes {
        parse_check: t1 - t0,
        symbolic: t2 - t1,
        codegen: t2.elapsed(),
    };
    Ok(kernel)
}

/// Compiles an already checked program.
pub fn compile_program(program: &Program, options: Options) -> Result<Kernel, Errors> {
    let (p, user) = lower_diffs(program)?;
    build(p, user, options.dtype)
}

/// The program without `diff` (through the symbolic engine if it has
/// any), and the positions of the source's own definitions in it.
fn lower_diffs(program: &Program) -> Result<(Program, Vec<usize>), Errors> {
    let mut has_diff = false;
    for d in &program.defs {
        d.body.walk(&mut |e| {
            has_diff |= matches!(e.kind, sema::ExprKind::Diff { .. });
        });
    }
    if !has_diff {
        return Ok((program.clone(), (0..program.defs.len()).collect()));
    }
    let lowered = crate::sym::lower(program)?;
    let (raised, new_id) = lowered.raise();
    let user = new_id[..program.defs.len()]
        .iter()
        .filter_map(|d| d.map(|d| d.index()))
        .collect();
    Ok((raised, user))
}

fn internal(msg: impl std::fmt::Display) -> Errors {
    Errors::one(Diagnostic::error(format!(
        "internal error in the JIT: {msg}"
    )))
}

fn build(program: Program, user_defs: Vec<usize>, dtype: DType) -> Result<Kernel, Errors> {
    let mut flags = settings::builder();
    let set = |f: &mut settings::Builder, k: &str, v: &str| f.set(k, v).map_err(internal);
    set(&mut flags, "opt_level", "speed")?;
    set(&mut flags, "use_colocated_libcalls", "false")?;
    set(&mut flags, "is_pic", "false")?;
    let verify = if cfg!(debug_assertions) {
        "true"
    } else {
        "false"
    };
    set(&mut flags, "enable_verifier", verify)?;
    let isa = cranelift_native::builder()
        .map_err(internal)?
        .finish(settings::Flags::new(flags))
        .map_err(internal)?;
    let mut jb = JITBuilder::with_isa(isa, default_libcall_names());
    for (name, ptr) in host::symbols() {
        jb.symbol(name, ptr);
    }
    let mut module = JITModule::new(jb);
    let mut ranks: Vec<usize> = program.inputs.iter().map(|i| i.rank).collect();
    ranks.extend(program.defs.iter().map(|d| d.axes.len()));
    let layout = Layout::new(ranks, program.inputs.len());
    let plan = Plan::new(&program);
    let id = match codegen::translate(&mut module, &plan, dtype, &layout, "ricci_kernel") {
        Ok(id) => id,
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
    let ptr = module.get_finalized_function(id);
    // SAFETY: `translate` defined this function with exactly this
    // signature (four pointer-sized arguments, no result).
    let entry = unsafe {
        std::mem::transmute::<
            *const u8,
            unsafe extern "C" fn(*const *mut u8, *const i64, *const i64, *const f64),
        >(ptr)
    };
    Ok(Kernel {
        program,
        user_defs,
        dtype,
        layout,
        entry,
        module: Mutex::new(Some(module)),
        times: CompileTimes::default(),
    })
}

impl Kernel {
    /// The element type the kernel computes in.
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The loop nests the kernel runs, as text.
    pub fn explain(&self) -> String {
        crate::loops::explain(&Plan::new(&self.program))
    }

    /// Runs the kernel on the inputs, parameters and dims of `args`; one
    /// value per definition of the source, as `interp::eval` gives.
    pub fn call(&self, args: &Args) -> Result<Vec<Tensor>, Errors> {
        let bound = sema::bind(&self.program, &args.env());
        let mut errors = match &bound {
            Err(Errors(ds)) => ds.clone(),
            Ok(_) => Vec::new(),
        };
        errors.extend(crate::interp::check_args(&self.program, args));
        let bound = match bound {
            Ok(b) if errors.is_empty() => b,
            _ => return Err(Errors(errors)),
        };
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
        match self.dtype {
            DType::F64 => self.run::<f64>(args, &bound),
            DType::F32 => self.run::<f32>(args, &bound),
        }
    }

    fn run<T: KernelElement>(
        &self,
        args: &Args,
        bound: &sema::Bound,
    ) -> Result<Vec<Tensor>, Errors> {
        let mut ptrs: Vec<*mut u8> = Vec::with_capacity(self.layout.ranks.len());
        let mut strides: Vec<i64> = vec![0; self.layout.n_strides];
        let mut inputs: Vec<&ArrayD<T>> = Vec::with_capacity(self.program.inputs.len());
        for input in &self.program.inputs {
            let a = args
                .tensors
                .get(&input.name)
                .and_then(T::view)
                .ok_or_else(|| internal(format!("input `{}` vanished", input.name)))?;
            inputs.push(a);
        }
        for (t, a) in inputs.iter().enumerate() {
            ptrs.push(a.as_ptr() as *mut u8);
            let at = self.layout.stride_at[t];
            for (k, s) in a.strides().iter().enumerate() {
                strides[at + k] = *s as i64;
            }
        }
        let mut outputs: Vec<ArrayD<T>> = bound
            .def_shapes
            .iter()
            .map(|s| ArrayD::<T>::zeros(IxDyn(s)))
            .collect();
        for (d, out) in outputs.iter_mut().enumerate() {
            let t = self.layout.n_inputs + d;
            ptrs.push(out.as_mut_ptr() as *mut u8);
            let at = self.layout.stride_at[t];
            for (k, s) in out.strides().iter().enumerate() {
                strides[at + k] = *s as i64;
            }
        }
        let mut ranges: Vec<i64> = Vec::with_capacity(2 * bound.ranges.len());
        for r in &bound.ranges {
            ranges.push(r.start);
            ranges.push(r.len as i64);
        }
        let params: Vec<f64> = bound.params.clone();
        // SAFETY: `bind` proved every access the program makes in bounds
        // for these ranges and shapes; the pointers and strides describe
        // exactly the arrays above, which outlive the call; outputs are
        // fresh arrays this call alone writes.
        unsafe {
            (self.entry)(
                ptrs.as_ptr(),
                strides.as_ptr(),
                ranges.as_ptr(),
                params.as_ptr(),
            );
        }
        let mut by_def: Vec<Option<ArrayD<T>>> = outputs.into_iter().map(Some).collect();
        Ok(self
            .user_defs
            .iter()
            .filter_map(|&d| by_def.get_mut(d).and_then(Option::take))
            .map(T::wrap)
            .collect())
    }
}

fn dtype_name(d: DType) -> &'static str {
    match d {
        DType::F64 => "f64",
        DType::F32 => "f32",
    }
}

/// An element type kernels compute in.
pub trait KernelElement: Copy + num_traits::Zero + 'static {
    fn view(t: &Tensor) -> Option<&ArrayD<Self>>;
    fn wrap(a: ArrayD<Self>) -> Tensor;
}

impl KernelElement for f64 {
    fn view(t: &Tensor) -> Option<&ArrayD<f64>> {
        match t {
            Tensor::F64(a) => Some(a),
            Tensor::F32(_) => None,
        }
    }
    fn wrap(a: ArrayD<f64>) -> Tensor {
        Tensor::F64(a)
    }
}

impl KernelElement for f32 {
    fn view(t: &Tensor) -> Option<&ArrayD<f32>> {
        match t {
            Tensor::F32(a) => Some(a),
            Tensor::F64(_) => None,
        }
    }
    fn wrap(a: ArrayD<f32>) -> Tensor {
        Tensor::F32(a)
    }
}
