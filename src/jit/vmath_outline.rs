//! Out-of-line scalar vector math: exp, log, tanh, sin, cos and pow on one
//! f64 or f32, compiled once per process for scalar uses to call.
//!
//! In: a [`MathFn`] and an element type. Out: the address of an
//! `extern "C" fn(x, y) -> r` in that type (`y` read only by pow), whose
//! body is what [`super::vmath`] emits for a scalar, so a call returns the
//! same bits as the inline code would.
//!
//! Why: a scalar use (a function of a row's sum, in a loop that is not
//! `simd`, or the scalar tail of a `simd` loop) runs once per row or a few
//! times per loop, yet inlined it is 60-150 instructions that Cranelift
//! compiles again in every kernel. Vector uses inside `simd` loops stay
//! inline, where they run once per element.
//!
//! Always: each (function, type) is compiled at most once per process, by
//! the same ISA as kernels, and its code is never freed (twelve small
//! functions at most), so an address embedded in a kernel stays valid for
//! the life of the process.

use super::vmath;
use super::vmath_kernel::{MathFn, define, one_function};
use crate::runtime::values::DType;
use cranelift::prelude::*;
use cranelift_module::Module;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The compiled functions' addresses.
type Table = HashMap<(MathFn, DType), usize>;

/// The address of the scalar function `f` on `dtype`, compiling it on
/// first need.
pub(super) fn address(f: MathFn, dtype: DType) -> Result<usize, String> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    let table = TABLE.get_or_init(|| Mutex::new(HashMap::new()));
    // A panic while compiling leaves no entry behind: the table is still
    // consistent, so a poisoned lock is taken as it is.
    let mut table = table.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(&a) = table.get(&(f, dtype)) {
        return Ok(a);
    }
    let a = compile(f, dtype)?;
    table.insert((f, dtype), a);
    Ok(a)
}

/// Compiles `fn(x, y) -> f(x[, y])` and leaks its module.
fn compile(f: MathFn, dtype: DType) -> Result<usize, String> {
    let ty = match dtype {
        DType::F64 => types::F64,
        DType::F32 => types::F32,
    };
    let (module, id, mut ctx) = one_function("ricci_vmath_scalar", |m| {
        let mut sig = m.make_signature();
        sig.params.extend([AbiParam::new(ty); 2]);
        sig.returns.push(AbiParam::new(ty));
        sig
    })?;
    let mut fctx = FunctionBuilderContext::new();
    let frontend = module.target_config();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        b.seal_block(entry);
        let (x, y) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        let r = inline(&mut b, f, x, y);
        b.ins().return_(&[r]);
        b.finalize(frontend);
    }
    let (module, p) = define(module, id, &mut ctx)?;
    let p = p as usize;
    // The code must outlive every kernel that calls it: the module (a few
    // KiB) is never freed.
    std::mem::forget(module);
    Ok(p)
}

/// What `vmath` emits for `f` on `x` (and `y` for pow).
pub(super) fn inline(b: &mut FunctionBuilder, f: MathFn, x: Value, y: Value) -> Value {
    match f {
        MathFn::Exp => vmath::exp(b, x),
        MathFn::Log => vmath::log(b, x),
        MathFn::Tanh => vmath::tanh(b, x),
        MathFn::Sin => vmath::sin(b, x),
        MathFn::Cos => vmath::cos(b, x),
        MathFn::Pow => vmath::pow(b, x, y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::vmath_kernel::MathKernel;

    /// Arguments across the domains and edges: zeros, subnormals, the
    /// overflow and underflow thresholds, large arguments of sin and cos
    /// (their slow path), infinities and NaN.
    const XS: [f64; 22] = [
        0.0,
        -0.0,
        5e-324,
        -2.2e-308,
        1e-300,
        0.5,
        -0.75,
        1.0,
        2.0,
        -3.5,
        10.0,
        709.78,
        709.79,
        -745.1,
        -746.0,
        1e6,
        -3e7,
        1e300,
        f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];

    /// Every out-of-line function returns the inline code's bits (the
    /// scalar test kernel is the same emitters, inlined), in f64 and f32,
    /// and is compiled once: a second request gives the same address.
    #[test]
    fn out_of_line_math_returns_the_inline_bits() {
        let ys: Vec<f64> = XS.iter().rev().copied().collect();
        for f in MathFn::ALL {
            let a = address(f, DType::F64).unwrap();
            assert_eq!(address(f, DType::F64).unwrap(), a, "{f:?} compiled twice");
            // SAFETY: compiled above as fn(f64, f64) -> f64 in the host's
            // C calling convention.
            let call = unsafe { std::mem::transmute::<usize, extern "C" fn(f64, f64) -> f64>(a) };
            let k = MathKernel::new(f, DType::F64, false).unwrap();
            let mut want = vec![0.0; XS.len()];
            k.run_f64(&XS, &ys, &mut want);
            for ((&x, &y), &w) in XS.iter().zip(&ys).zip(&want) {
                let got = call(x, y);
                assert_eq!(
                    got.to_bits(),
                    w.to_bits(),
                    "{f:?}({x:e}, {y:e}): {got:e} against {w:e}"
                );
            }
            let a = address(f, DType::F32).unwrap();
            // SAFETY: compiled above as fn(f32, f32) -> f32.
            let call = unsafe { std::mem::transmute::<usize, extern "C" fn(f32, f32) -> f32>(a) };
            let k = MathKernel::new(f, DType::F32, false).unwrap();
            let (xs, ys): (Vec<f32>, Vec<f32>) = XS
                .iter()
                .zip(&ys)
                .map(|(&x, &y)| (x as f32, y as f32))
                .unzip();
            let mut want = vec![0.0f32; xs.len()];
            k.run_f32(&xs, &ys, &mut want);
            for ((&x, &y), &w) in xs.iter().zip(&ys).zip(&want) {
                let got = call(x, y);
                assert_eq!(got.to_bits(), w.to_bits(), "{f:?}({x:e}, {y:e}) in f32");
            }
        }
    }

    /// A kernel whose exp and log run once per row (through the call)
    /// computes what std does, within a few ulp.
    #[test]
    fn a_function_of_a_row_sum_agrees_with_std() {
        use crate::jit::{Options, compile_uncached};
        use crate::runtime::values::Tensor;
        use ndarray::{ArrayD, IxDyn};
        let src = "p[i] = log(1 + exp(-sum_j X[i,j] w[j]))";
        let x: Vec<f64> = (0..12).map(|k| (k as f64 * 0.37).sin()).collect();
        let w = [0.5, -1.25, 2.0];
        let k = compile_uncached(src, Options::default()).unwrap();
        let args = crate::runtime::args::Args::new()
            .tensor(
                "X",
                Tensor::F64(ArrayD::from_shape_vec(IxDyn(&[4, 3]), x.clone()).unwrap()),
            )
            .tensor(
                "w",
                Tensor::F64(ArrayD::from_shape_vec(IxDyn(&[3]), w.to_vec()).unwrap()),
            );
        let got = k.call(&args).unwrap();
        let Tensor::F64(p) = &got[0] else {
            panic!("f64")
        };
        for i in 0..4 {
            let s: f64 = (0..3).map(|j| x[3 * i + j] * w[j]).sum();
            let want = (1.0 + (-s).exp()).ln();
            let d = (p[[i]] - want).abs();
            assert!(
                d <= 4.0 * f64::EPSILON * want.abs(),
                "p[{i}] = {} against {want}",
                p[[i]]
            );
        }
    }
}
