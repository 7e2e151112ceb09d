//! Test kernels for [`super::vmath`]: one function mapped over slices, so
//! tests and the accuracy bench can measure the generated code itself.
//!
//! In: a function, an element type, and scalar or vector form. Out: a
//! [`MathKernel`] whose `run_*` computes `out[i] = f(x[i], y[i])` (`y`
//! read only by pow) with F64/F32 values, or F64X2/F32X4 vectors (the
//! slice length a multiple of the lanes).
//!
//! Always: the code is built by the same `vmath` emitters and ISA flags
//! as compiled programs; a kernel frees its machine code when dropped.

use super::{internal, isa, vmath_outline};
use crate::diagnostics::Errors;
use crate::runtime::values::DType;
use cranelift::codegen::Context;
use cranelift::codegen::ir::{MemFlagsData, UserFuncName};
use cranelift::prelude::*;
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{FuncId, Linkage, Module, default_libcall_names};

/// The functions `vmath` emits.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathFn {
    Exp,
    Log,
    Tanh,
    Sin,
    Cos,
    Pow,
}

impl MathFn {
    pub const ALL: [MathFn; 6] = [
        MathFn::Exp,
        MathFn::Log,
        MathFn::Tanh,
        MathFn::Sin,
        MathFn::Cos,
        MathFn::Pow,
    ];

    /// Rust's std function this one stands for, in f64.
    pub fn std64(self, x: f64, y: f64) -> f64 {
        match self {
            MathFn::Exp => x.exp(),
            MathFn::Log => x.ln(),
            MathFn::Tanh => x.tanh(),
            MathFn::Sin => x.sin(),
            MathFn::Cos => x.cos(),
            MathFn::Pow => x.powf(y),
        }
    }

    /// Rust's std function this one stands for, in f32.
    pub fn std32(self, x: f32, y: f32) -> f32 {
        match self {
            MathFn::Exp => x.exp(),
            MathFn::Log => x.ln(),
            MathFn::Tanh => x.tanh(),
            MathFn::Sin => x.sin(),
            MathFn::Cos => x.cos(),
            MathFn::Pow => x.powf(y),
        }
    }
}

type Entry = unsafe extern "C" fn(*const u8, *const u8, *mut u8, usize);

/// A module on the host's ISA for one local function named `name`, of
/// the signature `sig` makes: the module, the function's id and a context
/// set up to build it.
pub(super) fn one_function(
    name: &str,
    sig: impl FnOnce(&JITModule) -> Signature,
) -> Result<(JITModule, FuncId, Context), String> {
    let isa = isa().map_err(|e| e.to_string())?;
    let mut module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
    let sig = sig(&module);
    let id = module
        .declare_function(name, Linkage::Local, &sig)
        .map_err(|e| e.to_string())?;
    let mut ctx = module.make_context();
    ctx.func.signature = sig;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    Ok((module, id, ctx))
}

/// Defines the one function of `module` from `ctx` and finalises it: the
/// module and the function's address, or the error (the module's memory
/// freed, nothing having run).
pub(super) fn define(
    mut module: JITModule,
    id: FuncId,
    ctx: &mut Context,
) -> Result<(JITModule, *const u8), String> {
    let defined = module
        .define_function(id, ctx)
        .map_err(|e| format!("{e:?}"))
        .and_then(|()| module.finalize_definitions().map_err(|e| e.to_string()));
    if let Err(e) = defined {
        // SAFETY: nothing from this module was ever called.
        unsafe { module.free_memory() };
        return Err(e);
    }
    let p = module.get_finalized_function(id);
    Ok((module, p))
}

/// `out[i] = f(x[i], y[i])`, compiled (see the module doc).
#[doc(hidden)]
pub struct MathKernel {
    module: Option<JITModule>,
    entry: Entry,
    dtype: DType,
    lanes: usize,
}

impl MathKernel {
    /// Compiles `f` for `dtype`, as vectors (F64X2, F32X4) or scalars.
    pub fn new(f: MathFn, dtype: DType, vector: bool) -> Result<MathKernel, Errors> {
        let (ty, lanes) = match (dtype, vector) {
            (DType::F64, false) => (types::F64, 1),
            (DType::F32, false) => (types::F32, 1),
            (DType::F64, true) => (types::F64X2, 2),
            (DType::F32, true) => (types::F32X4, 4),
        };
        let step = i64::from(ty.bytes());
        let (module, id, mut ctx) = one_function("ricci_vmath", |m| {
            let ptr = m.target_config().pointer_type();
            let mut sig = m.make_signature();
            sig.params.extend([AbiParam::new(ptr); 4]);
            sig
        })
        .map_err(internal)?;
        let ptr = module.target_config().pointer_type();
        let mut fctx = FunctionBuilderContext::new();
        let frontend = module.target_config();
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
            let entry = b.create_block();
            let head = b.create_block();
            let body = b.create_block();
            let exit = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            b.seal_block(entry);
            let a = b.block_params(entry).to_vec();
            let (xp, yp, op, n) = (a[0], a[1], a[2], a[3]);
            let es = i64::from(ty.lane_type().bytes());
            let end = b.ins().imul_imm_s(n, es);
            let zero = b.ins().iconst(ptr, 0);
            let i = b.append_block_param(head, ptr);
            b.ins().jump(head, &[zero.into()]);
            b.switch_to_block(head);
            // Exit first, so Cranelift hoists the loop's invariants (see
            // `codegen::vector::loop_branch`).
            let done = b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, i, end);
            b.ins().brif(done, exit, &[], body, &[]);
            b.seal_block(body);
            b.switch_to_block(body);
            let flags = MemFlagsData::trusted();
            let xa = b.ins().iadd(xp, i);
            let ya = b.ins().iadd(yp, i);
            let oa = b.ins().iadd(op, i);
            let flags_v = MemFlagsData::new().with_notrap();
            let fl = if lanes == 1 { flags } else { flags_v };
            let x = b.ins().load(ty, fl, xa, 0);
            let y = if f == MathFn::Pow {
                b.ins().load(ty, fl, ya, 0)
            } else {
                x
            };
            let r = vmath_outline::inline(&mut b, f, x, y);
            b.ins().store(fl, r, oa, 0);
            let next = b.ins().iadd_imm_s(i, step);
            b.ins().jump(head, &[next.into()]);
            b.seal_block(head);
            b.seal_block(exit);
            b.switch_to_block(exit);
            b.ins().return_(&[]);
            b.finalize(frontend);
        }
        let (module, p) = define(module, id, &mut ctx).map_err(internal)?;
        // SAFETY: defined above with four pointer-sized arguments and no
        // result.
        let entry = unsafe { std::mem::transmute::<*const u8, Entry>(p) };
        Ok(MathKernel {
            module: Some(module),
            entry,
            dtype,
            lanes,
        })
    }

    /// The lanes per step (1 for scalar code).
    pub fn lanes(&self) -> usize {
        self.lanes
    }

    /// `out[i] = f(x[i], y[i])` in f64. Panics on another dtype, on
    /// slices of unequal length, or a length not a multiple of the lanes.
    pub fn run_f64(&self, x: &[f64], y: &[f64], out: &mut [f64]) {
        assert_eq!(self.dtype, DType::F64, "an f64 kernel");
        self.check(x.len(), y.len(), out.len());
        // SAFETY: the code reads x[0..n], y[0..n] and writes out[0..n],
        // n a multiple of the lanes.
        unsafe {
            (self.entry)(
                x.as_ptr().cast(),
                y.as_ptr().cast(),
                out.as_mut_ptr().cast(),
                out.len(),
            )
        }
    }

    /// As [`MathKernel::run_f64`], in f32.
    pub fn run_f32(&self, x: &[f32], y: &[f32], out: &mut [f32]) {
        assert_eq!(self.dtype, DType::F32, "an f32 kernel");
        self.check(x.len(), y.len(), out.len());
        // SAFETY: as in `run_f64`.
        unsafe {
            (self.entry)(
                x.as_ptr().cast(),
                y.as_ptr().cast(),
                out.as_mut_ptr().cast(),
                out.len(),
            )
        }
    }

    fn check(&self, x: usize, y: usize, out: usize) {
        assert!(x == out && y == out, "slices of one length");
        assert_eq!(out % self.lanes, 0, "a multiple of {} lanes", self.lanes);
    }
}

impl Drop for MathKernel {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the kernel is dropped, so its code no longer runs.
            unsafe { m.free_memory() };
        }
    }
}

/// Distance in ulps (0 for two NaNs, u64::MAX for a NaN and a number).
pub fn ulps64(a: f64, b: f64) -> u64 {
    if a.is_nan() || b.is_nan() {
        return if a.is_nan() && b.is_nan() {
            0
        } else {
            u64::MAX
        };
    }
    let ord = |x: f64| {
        let i = x.to_bits() as i64;
        if i < 0 { i64::MIN - i } else { i }
    };
    (i128::from(ord(a)) - i128::from(ord(b))).unsigned_abs() as u64
}

/// [`ulps64`] for f32.
pub fn ulps32(a: f32, b: f32) -> u64 {
    if a.is_nan() || b.is_nan() {
        return if a.is_nan() && b.is_nan() {
            0
        } else {
            u64::MAX
        };
    }
    let ord = |x: f32| {
        let i = x.to_bits() as i32;
        if i < 0 { i32::MIN - i } else { i }
    };
    (i64::from(ord(a)) - i64::from(ord(b))).unsigned_abs()
}
