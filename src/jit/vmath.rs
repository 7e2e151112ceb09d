//! Inline vector math: exp, log, tanh, sin, cos and pow emitted as
//! Cranelift IR, for the generated code to use instead of host calls.
//!
//! In: a [`FunctionBuilder`] positioned in a block, and a value of type
//! F64, F32, F64X2 or F32X4 (the type is taken from the value; `pow` takes
//! two of one type). Out: the function's value, of the same type.
//!
//! Always:
//! - every function is computed in f64 lanes of an F64X2 (a scalar is
//!   splatted and lane 0 taken back; f32 lanes are promoted, computed in
//!   f64 and rounded once to f32), with range reduction and a polynomial
//!   from fdlibm (exp, log, the sin/cos kernels, pow; tanh below 1 is a
//!   polynomial summed in double-double),
//!   made branch-free: special cases are selects, integer parts come from
//!   the 1.5·2^52 rounding trick and bit operations on I64X2 lanes, so only
//!   instructions the x86-64 backend lowers inline with SSE4.1 appear (no
//!   fma, no vector int↔float conversion, no libcall);
//! - results are within 2 ulp of Rust's std (measured:
//!   `benches/vmath_accuracy.rs`, docs/numbers.md), special values (±0,
//!   subnormals, ±inf, NaN, overflow and underflow thresholds, and pow's
//!   C99 special cases) exactly as std;
//! - scalar uses outside per-element loops do not inline this code: they
//!   call a copy compiled once per process (`super::vmath_outline`);
//! - the one branch: sin and cos of a lane with |x| > 2^20 (or ±inf) take
//!   a slow block that calls the host's `f64::sin`/`f64::cos` for every
//!   lane of that vector (fdlibm's 3-part Cody–Waite reduction is exact
//!   only below); the code is otherwise straight-line, so the caller's
//!   current block changes only for sin and cos.

// Constants are fdlibm's published digits (and a Chebyshev fit's), kept
// as written so they can be checked against the source.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::host;
use cranelift::codegen::ir::{ConstantData, Endianness, MemFlagsData, SigRef};
use cranelift::prelude::*;

/// e^x.
pub fn exp(b: &mut FunctionBuilder, x: Value) -> Value {
    lift1(b, x, |v, x| v.exp(x))
}

/// The natural logarithm.
pub fn log(b: &mut FunctionBuilder, x: Value) -> Value {
    lift1(b, x, |v, x| v.log(x))
}

/// The hyperbolic tangent.
pub fn tanh(b: &mut FunctionBuilder, x: Value) -> Value {
    lift1(b, x, |v, x| v.tanh(x))
}

/// The sine (radians).
pub fn sin(b: &mut FunctionBuilder, x: Value) -> Value {
    lift1(b, x, |v, x| v.sincos(x, false))
}

/// The cosine (radians).
pub fn cos(b: &mut FunctionBuilder, x: Value) -> Value {
    lift1(b, x, |v, x| v.sincos(x, true))
}

/// x^y, with the special cases of C99 `pow` (Rust's `powf`), and NaN
/// for a signaling NaN in either argument (as glibc: `pow(sNaN, 0)`).
pub fn pow(b: &mut FunctionBuilder, x: Value, y: Value) -> Value {
    let r = lift2(b, x, y, |v, x, y| v.pow(x, y));
    let sx = signaling(b, x);
    let sy = signaling(b, y);
    let ty = b.func.dfg.value_type(x);
    let nan = if ty.lane_type() == types::F64 {
        b.ins().f64const(f64::NAN)
    } else {
        b.ins().f32const(f32::NAN)
    };
    if ty.is_vector() {
        let m = b.ins().bor(sx, sy);
        let le = MemFlagsData::new().with_endianness(Endianness::Little);
        let m = b.ins().bitcast(ty, le, m);
        let nan = b.ins().splat(ty, nan);
        b.ins().bitselect(m, nan, r)
    } else {
        let m = b.ins().bor(sx, sy);
        b.ins().select(m, nan, r)
    }
}

/// Where `x` is a signaling NaN (quiet bit clear): an I8 for a scalar,
/// a lane mask for a vector. (Promotion to f64 quiets it, so it is found
/// in the argument's own type.)
fn signaling(b: &mut FunctionBuilder, x: Value) -> Value {
    let ty = b.func.dfg.value_type(x);
    let ity = ty.as_int();
    let quiet = if ty.lane_type() == types::F64 {
        1i64 << 51
    } else {
        1i64 << 22
    };
    let le = MemFlagsData::new().with_endianness(Endianness::Little);
    let xi = b.ins().bitcast(ity, le, x);
    let q = b.ins().iconst(ity.lane_type(), quiet);
    let zero = b.ins().iconst(ity.lane_type(), 0);
    let (q, zero) = if ty.is_vector() {
        (b.ins().splat(ity, q), b.ins().splat(ity, zero))
    } else {
        (q, zero)
    };
    let qb = b.ins().band(xi, q);
    let clear = b.ins().icmp(IntCC::Equal, qb, zero);
    let nan = b.ins().fcmp(FloatCC::Unordered, x, x);
    b.ins().band(clear, nan)
}

/// Runs `f` on f64 lanes: the one place types are adapted.
fn lift1(b: &mut FunctionBuilder, x: Value, f: impl Fn(&mut V<'_, '_>, Value) -> Value) -> Value {
    let d = x;
    lift2(b, x, d, |v, x, _| f(v, x))
}

fn lift2(
    b: &mut FunctionBuilder,
    x: Value,
    y: Value,
    f: impl Fn(&mut V<'_, '_>, Value, Value) -> Value,
) -> Value {
    let ty = b.func.dfg.value_type(x);
    match ty {
        types::F64X2 => f(&mut V { b }, x, y),
        types::F64 => {
            let (vx, vy) = (
                b.ins().splat(types::F64X2, x),
                b.ins().splat(types::F64X2, y),
            );
            let r = f(&mut V { b }, vx, vy);
            b.ins().extractlane(r, 0)
        }
        types::F32 => {
            let (px, py) = (
                b.ins().fpromote(types::F64, x),
                b.ins().fpromote(types::F64, y),
            );
            let (vx, vy) = (
                b.ins().splat(types::F64X2, px),
                b.ins().splat(types::F64X2, py),
            );
            let r = f(&mut V { b }, vx, vy);
            let r = b.ins().extractlane(r, 0);
            b.ins().fdemote(types::F32, r)
        }
        types::F32X4 => {
            let (xl, xh) = halves(b, x);
            let (yl, yh) = halves(b, y);
            let lo = f(&mut V { b }, xl, yl);
            let hi = f(&mut V { b }, xh, yh);
            let (lo, hi) = (b.ins().fvdemote(lo), b.ins().fvdemote(hi));
            // Lanes 0 and 1 of each: bytes 0..8 of `lo`, then of `hi`.
            let mask: Vec<u8> = (0..8).chain(16..24).collect();
            shuffle(b, lo, hi, &mask, types::F32X4)
        }
        _ => panic!("vmath: unsupported type {ty}"),
    }
}

/// An F32X4's lanes 0,1 and 2,3, each promoted to an F64X2.
fn halves(b: &mut FunctionBuilder, x: Value) -> (Value, Value) {
    let lo = b.ins().fvpromote_low(x);
    let mask: Vec<u8> = (8..16).chain(8..16).collect();
    let h = shuffle(b, x, x, &mask, types::F32X4);
    let hi = b.ins().fvpromote_low(h);
    (lo, hi)
}

/// A byte shuffle of two 128-bit vectors, as `ty`.
fn shuffle(b: &mut FunctionBuilder, x: Value, y: Value, mask: &[u8], ty: Type) -> Value {
    let le = MemFlagsData::new().with_endianness(Endianness::Little);
    let xb = b.ins().bitcast(types::I8X16, le, x);
    let yb = b.ins().bitcast(types::I8X16, le, y);
    let imm = b.func.dfg.immediates.push(ConstantData::from(mask));
    let s = b.ins().shuffle(xb, yb, imm);
    b.ins().bitcast(ty, le, s)
}

/// 1.5·2^52: adding it rounds an |x| < 2^51 to an integer, found in the
/// low bits of the sum.
const MAGIC: f64 = 6_755_399_441_055_744.0;
const ABS: i64 = 0x7fff_ffff_ffff_ffff;
const SIGN: i64 = i64::MIN;
const LOW_WORD: i64 = 0xffff_ffff_0000_0000_u64 as i64;

/// The emitter: floats are F64X2, integers I64X2, masks I64X2 (all ones
/// or zero per lane).
struct V<'a, 'f> {
    b: &'a mut FunctionBuilder<'f>,
}

impl V<'_, '_> {
    fn f(&mut self, c: f64) -> Value {
        let s = self.b.ins().f64const(c);
        self.b.ins().splat(types::F64X2, s)
    }
    fn i(&mut self, c: i64) -> Value {
        let s = self.b.ins().iconst(types::I64, c);
        self.b.ins().splat(types::I64X2, s)
    }
    fn bits(&mut self, x: Value) -> Value {
        let le = MemFlagsData::new().with_endianness(Endianness::Little);
        self.b.ins().bitcast(types::I64X2, le, x)
    }
    fn float(&mut self, i: Value) -> Value {
        let le = MemFlagsData::new().with_endianness(Endianness::Little);
        self.b.ins().bitcast(types::F64X2, le, i)
    }
    fn add(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().fadd(a, b)
    }
    fn sub(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().fsub(a, b)
    }
    fn mul(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().fmul(a, b)
    }
    fn div(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().fdiv(a, b)
    }
    fn addc(&mut self, a: Value, c: f64) -> Value {
        let c = self.f(c);
        self.add(a, c)
    }
    fn mulc(&mut self, a: Value, c: f64) -> Value {
        let c = self.f(c);
        self.mul(a, c)
    }
    /// c0 + x (c1 + x (c2 + ...)): Horner.
    fn horner(&mut self, x: Value, cs: &[f64]) -> Value {
        let mut acc = self.f(cs[cs.len() - 1]);
        for &c in cs[..cs.len() - 1].iter().rev() {
            let t = self.mul(acc, x);
            acc = self.addc(t, c);
        }
        acc
    }
    fn iadd(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().iadd(a, b)
    }
    fn isub(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().isub(a, b)
    }
    fn iaddc(&mut self, a: Value, c: i64) -> Value {
        let c = self.i(c);
        self.iadd(a, c)
    }
    fn andc(&mut self, a: Value, c: i64) -> Value {
        let c = self.i(c);
        self.b.ins().band(a, c)
    }
    fn shl(&mut self, a: Value, n: i64) -> Value {
        let n = self.b.ins().iconst(types::I32, n);
        self.b.ins().ishl(a, n)
    }
    fn shr(&mut self, a: Value, n: i64) -> Value {
        let n = self.b.ins().iconst(types::I32, n);
        self.b.ins().ushr(a, n)
    }
    /// `x` with the low 32 bits of its encoding cleared.
    fn high(&mut self, x: Value) -> Value {
        let i = self.bits(x);
        let i = self.andc(i, LOW_WORD);
        self.float(i)
    }
    fn abs(&mut self, x: Value) -> Value {
        let i = self.bits(x);
        let i = self.andc(i, ABS);
        self.float(i)
    }
    /// The mask of lanes where `a cc b`.
    fn cmp(&mut self, cc: FloatCC, a: Value, b: Value) -> Value {
        self.b.ins().fcmp(cc, a, b)
    }
    fn cmpc(&mut self, cc: FloatCC, a: Value, c: f64) -> Value {
        let c = self.f(c);
        self.cmp(cc, a, c)
    }
    fn and(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().band(a, b)
    }
    fn or(&mut self, a: Value, b: Value) -> Value {
        self.b.ins().bor(a, b)
    }
    fn not(&mut self, a: Value) -> Value {
        self.b.ins().bnot(a)
    }
    /// Per lane: `a` where `mask`, else `b` (floats).
    fn sel(&mut self, mask: Value, a: Value, b: Value) -> Value {
        let m = self.float(mask);
        self.b.ins().bitselect(m, a, b)
    }
    fn selc(&mut self, mask: Value, c: f64, b: Value) -> Value {
        let a = self.f(c);
        self.sel(mask, a, b)
    }
    /// (round(x) as float, round(x) as integer) for |x| < 2^51.
    fn round(&mut self, x: Value) -> (Value, Value) {
        let t = self.addc(x, MAGIC);
        let kf = self.addc(t, -MAGIC);
        let ti = self.bits(t);
        let ki = self.iaddc(ti, -(MAGIC.to_bits() as i64));
        (kf, ki)
    }
    /// Integer lanes (|k| < 2^51) as floats.
    fn int_to_float(&mut self, k: Value) -> Value {
        let t = self.iaddc(k, MAGIC.to_bits() as i64);
        let t = self.float(t);
        self.addc(t, -MAGIC)
    }
    /// 2^k for integer lanes -1022 <= k <= 1023.
    fn pow2(&mut self, k: Value) -> Value {
        let e = self.iaddc(k, 1023);
        let e = self.shl(e, 52);
        self.float(e)
    }
    /// y 2^k for -1100 <= k <= 1100 (integer lanes, `kf` the same as a
    /// float) and 0.5 <= |y| < 2: two exact scalings and one rounding, so
    /// subnormal results round once.
    fn scale(&mut self, y: Value, kf: Value, ki: Value) -> Value {
        let h = self.mulc(kf, 0.5);
        let (_, k1) = self.round(h);
        let k2 = self.isub(ki, k1);
        let (s1, s2) = (self.pow2(k1), self.pow2(k2));
        let y = self.mul(y, s1);
        self.mul(y, s2)
    }

    // ---- exp (fdlibm e_exp.c) ----

    fn exp(&mut self, x: Value) -> Value {
        const LN2HI: f64 = 6.931_471_803_691_238_164_90e-1;
        const LN2LO: f64 = 1.908_214_929_270_587_700_02e-10;
        const INVLN2: f64 = 1.442_695_040_888_963_387_00;
        const P: [f64; 5] = [
            1.666_666_666_666_660_190_37e-1,
            -2.777_777_777_701_559_338_42e-3,
            6.613_756_321_437_934_361_17e-5,
            -1.653_390_220_546_525_153_90e-6,
            4.138_136_797_057_238_460_39e-8,
        ];
        // Clamped so that k stays small: exp(710) = inf, exp(-746) = 0
        // either way; NaN passes (it compares false). Selects, not
        // fmin/fmax: those lower to long NaN-propagating sequences.
        let below = self.cmpc(FloatCC::LessThan, x, -746.0);
        let x = self.selc(below, -746.0, x);
        let above = self.cmpc(FloatCC::GreaterThan, x, 710.0);
        let x = self.selc(above, 710.0, x);
        let t = self.mulc(x, INVLN2);
        let (kf, ki) = self.round(t);
        let khi = self.mulc(kf, LN2HI);
        let hi = self.sub(x, khi);
        let lo = self.mulc(kf, LN2LO);
        let r = self.sub(hi, lo);
        let rr = self.mul(r, r);
        let p = self.horner(rr, &P);
        let p = self.mul(rr, p);
        let c = self.sub(r, p);
        let rc = self.mul(r, c);
        let two = self.f(2.0);
        let d = self.sub(two, c);
        let q = self.div(rc, d);
        let q = self.sub(q, lo);
        let q = self.add(q, hi);
        let y = self.addc(q, 1.0);
        self.scale(y, kf, ki)
    }

    // ---- log (fdlibm e_log.c, musl's form) ----

    fn log(&mut self, x: Value) -> Value {
        const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
        const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
        const LG: [f64; 7] = [
            6.666_666_666_666_735_130e-1,
            3.999_999_999_940_941_908e-1,
            2.857_142_874_366_239_149e-1,
            2.222_219_843_214_978_396e-1,
            1.818_357_216_161_805_012e-1,
            1.531_383_769_920_937_332e-1,
            1.479_819_860_511_658_591e-1,
        ];
        // Subnormals scaled by 2^54 first.
        let sub = self.cmpc(FloatCC::LessThan, x, f64::MIN_POSITIVE);
        let big = self.mulc(x, 2f64.powi(54));
        let xs = self.sel(sub, big, x);
        let adj = self.i(-54);
        let zero = self.i(0);
        let adj = self.b.ins().bitselect(sub, adj, zero);
        // x = 2^k m, sqrt(2)/2 < m < sqrt(2).
        let ix = self.bits(xs);
        let hx = self.shr(ix, 32);
        let hx = self.iaddc(hx, 0x3ff0_0000 - 0x3fe6_a09e);
        let k = self.shr(hx, 20);
        let k = self.iaddc(k, -0x3ff);
        let k = self.iadd(k, adj);
        let dk = self.int_to_float(k);
        let m = self.andc(hx, 0x000f_ffff);
        let m = self.iaddc(m, 0x3fe6_a09e);
        let m = self.shl(m, 32);
        let lw = self.andc(ix, 0xffff_ffff);
        let m = self.b.ins().bor(m, lw);
        let m = self.float(m);
        let f = self.addc(m, -1.0);
        let ff = self.mul(f, f);
        let hfsq = self.mulc(ff, 0.5);
        let two = self.addc(f, 2.0);
        let s = self.div(f, two);
        let z = self.mul(s, s);
        let w = self.mul(z, z);
        let t1 = self.horner(w, &[LG[1], LG[3], LG[5]]);
        let t1 = self.mul(w, t1);
        let t2 = self.horner(w, &[LG[0], LG[2], LG[4], LG[6]]);
        let t2 = self.mul(z, t2);
        let r = self.add(t2, t1);
        let a = self.add(hfsq, r);
        let a = self.mul(s, a);
        let l = self.mulc(dk, LN2_LO);
        let a = self.add(a, l);
        let a = self.sub(a, hfsq);
        let a = self.add(a, f);
        let h = self.mulc(dk, LN2_HI);
        let res = self.add(a, h);
        // log(+inf) = inf, log(±0) = -inf, log(x < 0) = NaN, NaN stays.
        let inf = self.cmpc(FloatCC::Equal, x, f64::INFINITY);
        let res = self.selc(inf, f64::INFINITY, res);
        let zero = self.cmpc(FloatCC::Equal, x, 0.0);
        let res = self.selc(zero, f64::NEG_INFINITY, res);
        let neg = self.cmpc(FloatCC::LessThan, x, 0.0);
        let res = self.selc(neg, f64::NAN, res);
        let nan = self.cmp(FloatCC::Unordered, x, x);
        self.sel(nan, x, res)
    }

    // ---- tanh ----

    /// (hi, lo) with hi + lo = a, each half of the significand (Veltkamp).
    fn split(&mut self, a: Value) -> (Value, Value) {
        let t = self.mulc(a, 134_217_729.0);
        let d = self.sub(t, a);
        let hi = self.sub(t, d);
        let lo = self.sub(a, hi);
        (hi, lo)
    }

    /// (p, e) with p + e = a b exactly (Dekker; no overflow or underflow).
    fn two_prod(&mut self, a: Value, b: Value) -> (Value, Value) {
        let p = self.mul(a, b);
        let (ah, al) = self.split(a);
        let (bh, bl) = self.split(b);
        let hh = self.mul(ah, bh);
        let e = self.sub(hh, p);
        let hl = self.mul(ah, bl);
        let e = self.add(e, hl);
        let lh = self.mul(al, bh);
        let e = self.add(e, lh);
        let ll = self.mul(al, bl);
        let e = self.add(e, ll);
        (p, e)
    }

    /// (s, e) with s + e = a + b exactly, for |a| >= |b|.
    fn fast_two_sum(&mut self, a: Value, b: Value) -> (Value, Value) {
        let s = self.add(a, b);
        let d = self.sub(s, a);
        let e = self.sub(b, d);
        (s, e)
    }

    /// tanh: |x| < 1: x + x^3 (-1/3 + x^2 h(x^2)), h a degree-15 fit,
    /// summed in double-double so that the one rounding left is the last;
    /// |x| >= 1: 1 - 2/(e^(2|x|) + 1). The sign of x is put back last.
    fn tanh(&mut self, x: Value) -> Value {
        const H: [f64; 16] = [
            0.133_333_333_333_333_33,
            -0.053_968_253_968_252_985,
            0.021_869_488_536_071_07,
            -0.008_863_235_527_054_621,
            0.003_592_127_985_780_611_7,
            -0.001_455_833_836_996_388_1,
            0.000_590_023_511_728_393_5,
            -0.000_239_109_601_276_821_8,
            9.684_564_548_505_856e-5,
            -3.909_489_114_669_662e-5,
            1.555_872_204_514_558e-5,
            -5.919_642_199_680_327e-6,
            2.021_463_116_381_674_4e-6,
            -5.589_611_878_490_674e-7,
            1.067_146_003_544_094_4e-7,
            -1.019_494_708_687_841_7e-8,
        ];
        // -1/3 = G0H + G0L
        const G0H: f64 = -0.333_333_333_333_333_3;
        const G0L: f64 = -1.850_371_707_708_594e-17;
        let a = self.abs(x);
        let (zh, zl) = self.two_prod(a, a);
        let h = self.horner(zh, &H);
        let p = self.mul(zh, h);
        let g0 = self.f(G0H);
        let (gh, gl) = self.fast_two_sum(g0, p);
        let gl = self.addc(gl, G0L);
        let zlh = self.mul(zl, h);
        let gl = self.add(gl, zlh);
        let (x3h, e1) = self.two_prod(a, zh);
        let azl = self.mul(a, zl);
        let x3l = self.add(e1, azl);
        let (ch, e2) = self.two_prod(x3h, gh);
        let t = self.mul(x3h, gl);
        let cl = self.add(e2, t);
        let t = self.mul(x3l, gh);
        let cl = self.add(cl, t);
        let (s, e3) = self.fast_two_sum(a, ch);
        let lo = self.add(e3, cl);
        let small = self.add(s, lo);
        // |x| >= 1 (1 for large |x|; NaN stays).
        let a2 = self.add(a, a);
        let e = self.exp(a2);
        let e = self.addc(e, 1.0);
        let two = self.f(2.0);
        let q = self.div(two, e);
        let one = self.f(1.0);
        let large = self.sub(one, q);
        let lt1 = self.cmpc(FloatCC::LessThan, a, 1.0);
        let z = self.sel(lt1, small, large);
        // The sign of x.
        let xi = self.bits(x);
        let s = self.andc(xi, SIGN);
        let zi = self.bits(z);
        let r = self.b.ins().bor(zi, s);
        self.float(r)
    }

    // ---- sin, cos (fdlibm k_sin.c, k_cos.c, e_rem_pio2.c medium) ----

    /// sin or cos; lanes with |x| > 2^20 call the host.
    fn sincos(&mut self, x: Value, cos: bool) -> Value {
        const INV_PIO2: f64 = 6.366_197_723_675_813_824_33e-1;
        const PIO2: [(f64, f64); 3] = [
            (
                1.570_796_326_734_125_614_17,
                6.077_100_506_506_192_249_32e-11,
            ),
            (
                6.077_100_506_303_965_976_60e-11,
                2.022_266_248_795_950_631_54e-21,
            ),
            (
                2.022_266_248_711_166_455_80e-21,
                8.478_427_660_368_899_569_97e-32,
            ),
        ];
        // n = round(x 2/pi); x - n pi/2 = y0 + y1 in three exact rounds
        // (n pio2_i is exact for |n| < 2^20).
        let t = self.mulc(x, INV_PIO2);
        let (nf, ni) = self.round(t);
        let p = self.mulc(nf, PIO2[0].0);
        let mut r = self.sub(x, p);
        let mut w = r;
        for &(p, pt) in &PIO2[1..] {
            let t = r;
            w = self.mulc(nf, p);
            r = self.sub(t, w);
            let e = self.sub(t, r);
            let e = self.sub(e, w);
            let wt = self.mulc(nf, pt);
            w = self.sub(wt, e);
        }
        let y0 = self.sub(r, w);
        let y1 = self.sub(r, y0);
        let y1 = self.sub(y1, w);
        let s = self.k_sin(y0, y1);
        let c = self.k_cos(y0, y1);
        // Quadrant: sin = [s, c, -s, -c][n & 3], cos = [c, -s, -c, s][n & 3].
        let n = if cos { self.iaddc(ni, 1) } else { ni };
        let odd = self.andc(n, 1);
        let zero = self.i(0);
        let odd = self.isub(zero, odd);
        let v = self.sel(odd, c, s);
        let sign = self.andc(n, 2);
        let sign = self.shl(sign, 62);
        let vi = self.bits(v);
        let vi = self.b.ins().bxor(vi, sign);
        let fast = self.float(vi);
        // The slow path: |x| > 2^20 (and ±inf) in any lane.
        let a = self.abs(x);
        let far = self.cmpc(FloatCC::GreaterThan, a, 1_048_576.0);
        let any = self.b.ins().vany_true(far);
        let slow = self.b.create_block();
        let done = self.b.create_block();
        let res = self.b.append_block_param(done, types::F64X2);
        self.b.ins().brif(any, slow, &[], done, &[fast.into()]);
        self.b.seal_block(slow);
        self.b.switch_to_block(slow);
        let f: extern "C" fn(f64) -> f64 = if cos { host::cos } else { host::sin };
        let sig = self.host_sig();
        let addr = self.b.ins().iconst(types::I64, f as usize as i64);
        let mut out = x;
        for lane in 0..2 {
            let xl = self.b.ins().extractlane(x, lane);
            let call = self.b.ins().call_indirect(sig, addr, &[xl]);
            let yl = self.b.inst_results(call)[0];
            out = self.b.ins().insertlane(out, yl, lane);
        }
        let out = self.sel(far, out, fast);
        self.b.ins().jump(done, &[out.into()]);
        self.b.seal_block(done);
        self.b.switch_to_block(done);
        res
    }

    /// The signature `fn(f64) -> f64` in the calling convention of the
    /// function being built.
    fn host_sig(&mut self) -> SigRef {
        let mut sig = Signature::new(self.b.func.signature.call_conv);
        sig.params.push(AbiParam::new(types::F64));
        sig.returns.push(AbiParam::new(types::F64));
        self.b.import_signature(sig)
    }

    /// sin(x + y) for |x + y| <= pi/4, |y| <= ulp(x)/2.
    fn k_sin(&mut self, x: Value, y: Value) -> Value {
        const S: [f64; 6] = [
            -1.666_666_666_666_663_243_48e-1,
            8.333_333_333_322_489_461_24e-3,
            -1.984_126_982_985_794_931_34e-4,
            2.755_731_370_707_006_767_89e-6,
            -2.505_076_025_340_686_341_95e-8,
            1.589_690_995_211_550_102_21e-10,
        ];
        let z = self.mul(x, x);
        let w = self.mul(z, z);
        let r1 = self.horner(z, &[S[1], S[2], S[3]]);
        let r2 = self.horner(z, &[S[4], S[5]]);
        let zw = self.mul(z, w);
        let r2 = self.mul(zw, r2);
        let r = self.add(r1, r2);
        let v = self.mul(z, x);
        // x - ((z (y/2 - v r) - y) - v S1)
        let hy = self.mulc(y, 0.5);
        let vr = self.mul(v, r);
        let a = self.sub(hy, vr);
        let a = self.mul(z, a);
        let a = self.sub(a, y);
        let vs = self.mulc(v, S[0]);
        let a = self.sub(a, vs);
        self.sub(x, a)
    }

    /// cos(x + y) for |x + y| <= pi/4, |y| <= ulp(x)/2.
    fn k_cos(&mut self, x: Value, y: Value) -> Value {
        const C: [f64; 6] = [
            4.166_666_666_666_660_190_37e-2,
            -1.388_888_888_887_410_957_49e-3,
            2.480_158_728_947_672_941_78e-5,
            -2.755_731_435_139_066_330_35e-7,
            2.087_572_321_298_174_827_90e-9,
            -1.135_964_755_778_819_482_65e-11,
        ];
        let z = self.mul(x, x);
        let w = self.mul(z, z);
        let r1 = self.horner(z, &[C[0], C[1], C[2]]);
        let r1 = self.mul(z, r1);
        let r2 = self.horner(z, &[C[3], C[4], C[5]]);
        let ww = self.mul(w, w);
        let r2 = self.mul(ww, r2);
        let r = self.add(r1, r2);
        let hz = self.mulc(z, 0.5);
        let one = self.f(1.0);
        let w = self.sub(one, hz);
        // w + (((1 - w) - hz) + (z r - x y))
        let a = self.sub(one, w);
        let a = self.sub(a, hz);
        let zr = self.mul(z, r);
        let xy = self.mul(x, y);
        let b = self.sub(zr, xy);
        let a = self.add(a, b);
        self.add(w, a)
    }

    // ---- pow (fdlibm e_pow.c) ----

    fn pow(&mut self, x: Value, y: Value) -> Value {
        const BP1: f64 = 1.5;
        const DP_H1: f64 = 5.849_624_872_207_641_601_56e-1;
        const DP_L1: f64 = 1.350_039_202_129_748_971_28e-8;
        const L: [f64; 6] = [
            5.999_999_999_999_946_487_25e-1,
            4.285_714_285_785_501_842_52e-1,
            3.333_333_298_183_774_329_18e-1,
            2.727_281_238_085_340_064_89e-1,
            2.306_607_457_755_617_540_67e-1,
            2.069_750_178_003_384_177_84e-1,
        ];
        const P: [f64; 5] = [
            1.666_666_666_666_660_190_37e-1,
            -2.777_777_777_701_559_338_42e-3,
            6.613_756_321_437_934_361_17e-5,
            -1.653_390_220_546_525_153_90e-6,
            4.138_136_797_057_238_460_39e-8,
        ];
        const LG2: f64 = 6.931_471_805_599_452_862_27e-1;
        const LG2_H: f64 = 6.931_471_824_645_996_093_75e-1;
        const LG2_L: f64 = -1.904_654_299_957_768_045_25e-9;
        const CP: f64 = 9.617_966_939_259_755_543_29e-1;
        const CP_H: f64 = 9.617_967_009_544_372_558_59e-1;
        const CP_L: f64 = -7.028_461_650_952_758_265_16e-9;

        let ax = self.abs(x);
        // log2|x| = t1 + t2 in extra precision.
        let sub = self.cmpc(FloatCC::LessThan, ax, f64::MIN_POSITIVE);
        let big = self.mulc(ax, 2f64.powi(53));
        let axs = self.sel(sub, big, ax);
        let adj = self.i(-53);
        let zero = self.i(0);
        let n0 = self.b.ins().bitselect(sub, adj, zero);
        let ix = self.bits(axs);
        let e = self.shr(ix, 52);
        let n = self.iaddc(e, -0x3ff);
        let n = self.iadd(n, n0);
        // m in [1, 2), then k = 1 for sqrt(3/2) <= m < sqrt(3), and m/2
        // (n + 1) for m >= sqrt(3).
        let mi = self.andc(ix, 0x000f_ffff_ffff_ffff);
        let mi = self.iaddc(mi, 0x3ff0_0000_0000_0000);
        let m = self.float(mi);
        let c1 = self.cmpc(
            FloatCC::GreaterThanOrEqual,
            m,
            f64::from_bits(0x3ff3_988f_0000_0000),
        );
        let c2 = self.cmpc(
            FloatCC::GreaterThanOrEqual,
            m,
            f64::from_bits(0x3ffb_b67a_0000_0000),
        );
        let nc2 = self.not(c2);
        let k = self.and(c1, nc2);
        let half = self.mulc(m, 0.5);
        let ax = self.sel(c2, half, m);
        let one = self.i(1);
        let inc = self.and(c2, one);
        let n = self.iadd(n, inc);
        let one_f = self.f(1.0);
        let bp = self.selc(k, BP1, one_f);
        let zf = self.f(0.0);
        let dp_h = self.selc(k, DP_H1, zf);
        let dp_l = self.selc(k, DP_L1, zf);
        // ss = s_h + s_l = (ax - bp)/(ax + bp)
        let u = self.sub(ax, bp);
        let den = self.add(ax, bp);
        let v = self.div(one_f, den);
        let ss = self.mul(u, v);
        let s_h = self.high(ss);
        // t_h = ax + bp, high part
        let axi = self.bits(ax);
        let ih = self.shr(axi, 32);
        let th = self.shr(ih, 1);
        let c = self.i(0x2000_0000);
        let th = self.or(th, c);
        let th = self.iaddc(th, 0x0008_0000);
        let k18 = self.andc(k, 1 << 18);
        let th = self.iadd(th, k18);
        let th = self.shl(th, 32);
        let t_h = self.float(th);
        let tb = self.sub(t_h, bp);
        let t_l = self.sub(ax, tb);
        let a = self.mul(s_h, t_h);
        let a = self.sub(u, a);
        let b = self.mul(s_h, t_l);
        let a = self.sub(a, b);
        let s_l = self.mul(v, a);
        // log(ax)
        let s2 = self.mul(ss, ss);
        let s4 = self.mul(s2, s2);
        let r = self.horner(s2, &L);
        let r = self.mul(s4, r);
        let a = self.add(s_h, ss);
        let a = self.mul(s_l, a);
        let r = self.add(r, a);
        let s2 = self.mul(s_h, s_h);
        let a = self.addc(s2, 3.0);
        let a = self.add(a, r);
        let t_h = self.high(a);
        let a = self.addc(t_h, -3.0);
        let a = self.sub(a, s2);
        let t_l = self.sub(r, a);
        let u = self.mul(s_h, t_h);
        let a = self.mul(s_l, t_h);
        let b = self.mul(t_l, ss);
        let v = self.add(a, b);
        let a = self.add(u, v);
        let p_h = self.high(a);
        let a = self.sub(p_h, u);
        let p_l = self.sub(v, a);
        let z_h = self.mulc(p_h, CP_H);
        let a = self.mulc(p_h, CP_L);
        let b = self.mulc(p_l, CP);
        let z_l = self.add(a, b);
        let z_l = self.add(z_l, dp_l);
        let t = self.int_to_float(n);
        let a = self.add(z_h, z_l);
        let a = self.add(a, dp_h);
        let a = self.add(a, t);
        let t1 = self.high(a);
        let a = self.sub(t1, t);
        let a = self.sub(a, dp_h);
        let a = self.sub(a, z_h);
        let t2 = self.sub(z_l, a);
        // (y1 + y2)(t1 + t2)
        let y1 = self.high(y);
        let a = self.sub(y, y1);
        let a = self.mul(a, t1);
        let b = self.mul(y, t2);
        let p_l = self.add(a, b);
        let p_h = self.mul(y1, t1);
        let z = self.add(p_l, p_h);
        // Far outside [-1075, 1024] the result is 0 or inf: clamp.
        let zlo = self.cmpc(FloatCC::LessThan, z, -1100.0);
        let zhi = self.cmpc(FloatCC::GreaterThan, z, 1100.0);
        let out = self.or(zlo, zhi);
        let zc = self.f(0.0);
        let p_l = self.sel(out, zc, p_l);
        let p_h = self.selc(zlo, -1100.0, p_h);
        let p_h = self.selc(zhi, 1100.0, p_h);
        let z = self.add(p_l, p_h);
        // 2^(p_h + p_l) = 2^n 2^(p_h - n + p_l)
        let (nf, ni) = self.round(z);
        let p_h = self.sub(p_h, nf);
        let a = self.add(p_l, p_h);
        let t = self.high(a);
        let u = self.mulc(t, LG2_H);
        let a = self.sub(t, p_h);
        let a = self.sub(p_l, a);
        let a = self.mulc(a, LG2);
        let b = self.mulc(t, LG2_L);
        let v = self.add(a, b);
        let z = self.add(u, v);
        let a = self.sub(z, u);
        let w = self.sub(v, a);
        let t = self.mul(z, z);
        let a = self.horner(t, &P);
        let a = self.mul(t, a);
        let t1 = self.sub(z, a);
        let a = self.mul(z, t1);
        let b = self.addc(t1, -2.0);
        let a = self.div(a, b);
        let zw = self.mul(z, w);
        let b = self.add(w, zw);
        let r = self.sub(a, b);
        let a = self.sub(r, z);
        let zz = self.sub(one_f, a);
        let mag = self.scale(zz, nf, ni);

        // Special cases, from the weakest to the strongest.
        let ax = self.abs(x);
        let ay = self.abs(y);
        let yneg = self.cmpc(FloatCC::LessThan, y, 0.0);
        let inf = self.f(f64::INFINITY);
        let zerof = self.f(0.0);
        // |x| = 0: 0 (y > 0) or inf (y < 0); |x| = inf: the reverse.
        let x0 = self.cmpc(FloatCC::Equal, ax, 0.0);
        let v0 = self.sel(yneg, inf, zerof);
        let mag = self.sel(x0, v0, mag);
        let xinf = self.cmpc(FloatCC::Equal, ax, f64::INFINITY);
        let vinf = self.sel(yneg, zerof, inf);
        let mag = self.sel(xinf, vinf, mag);
        // y an integer; odd: the parity bit moved to the sign bit.
        let lt52 = self.cmpc(FloatCC::LessThan, ay, 2f64.powi(52));
        let t = self.addc(ay, 2f64.powi(52));
        let back = self.addc(t, -(2f64.powi(52)));
        let same = self.cmp(FloatCC::Equal, back, ay);
        let nlt52 = self.not(lt52);
        let isint = self.or(same, nlt52);
        let u = self.sel(lt52, t, ay);
        let ub = self.bits(u);
        let odd = self.shl(ub, 63);
        let lt53 = self.cmpc(FloatCC::LessThan, ay, 2f64.powi(53));
        let odd = self.and(odd, lt53);
        let odd = self.and(odd, isint);
        // (x < 0)^(odd integer) = -(|x|^y)
        let xb = self.bits(x);
        let neg = self.and(xb, odd);
        let mb = self.bits(mag);
        let rb = self.b.ins().bxor(mb, neg);
        let res = self.float(rb);
        // finite x < 0, y not an integer: NaN
        let xneg = self.cmpc(FloatCC::LessThan, x, 0.0);
        let xfin = self.cmpc(FloatCC::GreaterThan, x, f64::NEG_INFINITY);
        let notint = self.not(isint);
        let c = self.and(xneg, xfin);
        let c = self.and(c, notint);
        let res = self.selc(c, f64::NAN, res);
        // y = ±inf: 1 for |x| = 1, else 0 or inf.
        let yinf = self.cmpc(FloatCC::Equal, ay, f64::INFINITY);
        let xgt1 = self.cmpc(FloatCC::GreaterThan, ax, 1.0);
        let grow = self.b.ins().bxor(xgt1, yneg);
        let xne1 = self.cmpc(FloatCC::NotEqual, ax, 1.0);
        let vy = self.sel(grow, inf, zerof);
        let one_f = self.f(1.0);
        let vy = self.sel(xne1, vy, one_f);
        let res = self.sel(yinf, vy, res);
        // y = 1: x; y = -1: 1/x; y = 2: x x; y = 1/2, x >= 0: sqrt(x) + 0.
        let y1 = self.cmpc(FloatCC::Equal, y, 1.0);
        let res = self.sel(y1, x, res);
        let ym1 = self.cmpc(FloatCC::Equal, y, -1.0);
        let rx = self.div(one_f, x);
        let res = self.sel(ym1, rx, res);
        let y2 = self.cmpc(FloatCC::Equal, y, 2.0);
        let xx = self.mul(x, x);
        let res = self.sel(y2, xx, res);
        let yh = self.cmpc(FloatCC::Equal, y, 0.5);
        let xpos = self.cmpc(FloatCC::GreaterThanOrEqual, x, 0.0);
        let yh = self.and(yh, xpos);
        let sq = self.b.ins().sqrt(x);
        let sq = self.add(sq, zerof);
        let res = self.sel(yh, sq, res);
        // NaN in, NaN out; but 1^y = 1 and x^0 = 1 always.
        let xn = self.cmp(FloatCC::Unordered, x, y);
        let nan = self.add(x, y);
        let res = self.sel(xn, nan, res);
        let x1 = self.cmpc(FloatCC::Equal, x, 1.0);
        let res = self.sel(x1, one_f, res);
        let y0 = self.cmpc(FloatCC::Equal, y, 0.0);
        self.sel(y0, one_f, res)
    }
}
