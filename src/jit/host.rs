//! Functions the generated code calls in the host: exp, log, tanh, sin,
//! cos and powf, in f64 and f32.
//!
//! In: nothing (plain `extern "C"` functions). Out: their symbols for the
//! JIT builder ([`symbols`]) and their declarations in a module
//! ([`declare`]).
//!
//! Always: each calls the very Rust method the interpreter uses (`f64::exp`
//! and so on), so the JIT and the interpreter agree to the bit.

use crate::runtime::values::DType;
use cranelift::prelude::*;
use cranelift_jit::JITModule;
use cranelift_module::{FuncId, Linkage, Module};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fn {
    Exp,
    Log,
    Tanh,
    Sin,
    Cos,
    Pow,
}

const ALL: [Fn; 6] = [Fn::Exp, Fn::Log, Fn::Tanh, Fn::Sin, Fn::Cos, Fn::Pow];

extern "C" fn exp64(x: f64) -> f64 {
    x.exp()
}
extern "C" fn log64(x: f64) -> f64 {
    x.ln()
}
extern "C" fn tanh64(x: f64) -> f64 {
    x.tanh()
}
extern "C" fn sin64(x: f64) -> f64 {
    x.sin()
}
extern "C" fn cos64(x: f64) -> f64 {
    x.cos()
}
extern "C" fn pow64(x: f64, y: f64) -> f64 {
    x.powf(y)
}
extern "C" fn exp32(x: f32) -> f32 {
    x.exp()
}
extern "C" fn log32(x: f32) -> f32 {
    x.ln()
}
extern "C" fn tanh32(x: f32) -> f32 {
    x.tanh()
}
extern "C" fn sin32(x: f32) -> f32 {
    x.sin()
}
extern "C" fn cos32(x: f32) -> f32 {
    x.cos()
}
extern "C" fn pow32(x: f32, y: f32) -> f32 {
    x.powf(y)
}

fn name(f: Fn, dtype: DType) -> &'static str {
    match (f, dtype) {
        (Fn::Exp, DType::F64) => "ricci_exp_f64",
        (Fn::Log, DType::F64) => "ricci_log_f64",
        (Fn::Tanh, DType::F64) => "ricci_tanh_f64",
        (Fn::Sin, DType::F64) => "ricci_sin_f64",
        (Fn::Cos, DType::F64) => "ricci_cos_f64",
        (Fn::Pow, DType::F64) => "ricci_pow_f64",
        (Fn::Exp, DType::F32) => "ricci_exp_f32",
        (Fn::Log, DType::F32) => "ricci_log_f32",
        (Fn::Tanh, DType::F32) => "ricci_tanh_f32",
        (Fn::Sin, DType::F32) => "ricci_sin_f32",
        (Fn::Cos, DType::F32) => "ricci_cos_f32",
        (Fn::Pow, DType::F32) => "ricci_pow_f32",
    }
}

/// Every host function's symbol name and address.
pub fn symbols() -> Vec<(&'static str, *const u8)> {
    let f64s: [*const u8; 6] = [
        exp64 as *const u8,
        log64 as *const u8,
        tanh64 as *const u8,
        sin64 as *const u8,
        cos64 as *const u8,
        pow64 as *const u8,
    ];
    let f32s: [*const u8; 6] = [
        exp32 as *const u8,
        log32 as *const u8,
        tanh32 as *const u8,
        sin32 as *const u8,
        cos32 as *const u8,
        pow32 as *const u8,
    ];
    let mut out = Vec::with_capacity(12);
    for (k, f) in ALL.iter().enumerate() {
        out.push((name(*f, DType::F64), f64s[k]));
        out.push((name(*f, DType::F32), f32s[k]));
    }
    out
}

/// Declares the host functions of one element type in `module`.
pub fn declare(module: &mut JITModule, dtype: DType) -> Result<Vec<(Fn, FuncId)>, String> {
    let ty = match dtype {
        DType::F64 => types::F64,
        DType::F32 => types::F32,
    };
    let mut out = Vec::with_capacity(ALL.len());
    for f in ALL {
        let mut sig = module.make_signature();
        sig.params.push(AbiParam::new(ty));
        if f == Fn::Pow {
            sig.params.push(AbiParam::new(ty));
        }
        sig.returns.push(AbiParam::new(ty));
        let id = module
            .declare_function(name(f, dtype), Linkage::Import, &sig)
            .map_err(|e| e.to_string())?;
        out.push((f, id));
    }
    Ok(out)
}
