//! The JIT's inline math (`src/jit/vmath.rs`) against Rust's std: special
//! values exactly (sign of zero included, any NaN for NaN), and random
//! points within 2 ulp, for exp, log, tanh, sin, cos and pow, in f64 and
//! f32, through scalar and vector code (`ricci::jit::MathKernel`).

use ricci::DType;
use ricci::jit::{MathFn, MathKernel, ulps32, ulps64};

/// Same value, same sign of zero, or both NaN.
fn same64(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

fn same32(a: f32, b: f32) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

fn kernel(f: MathFn, dtype: DType, vector: bool) -> MathKernel {
    match MathKernel::new(f, dtype, vector) {
        Ok(k) => k,
        Err(e) => panic!("{f:?} {dtype:?} vector={vector}: {e:?}"),
    }
}

/// Runs `f` on (x, y) pairs as f64, scalar and vector; padded to a
/// multiple of the lanes.
fn run64(f: MathFn, xs: &[f64], ys: &[f64]) -> [Vec<f64>; 2] {
    [false, true].map(|vector| {
        let k = kernel(f, DType::F64, vector);
        let n = xs.len().div_ceil(4) * 4;
        let mut x = xs.to_vec();
        let mut y = ys.to_vec();
        x.resize(n, 0.5);
        y.resize(n, 0.5);
        let mut out = vec![0.0; n];
        k.run_f64(&x, &y, &mut out);
        out.truncate(xs.len());
        out
    })
}

fn run32(f: MathFn, xs: &[f32], ys: &[f32]) -> [Vec<f32>; 2] {
    [false, true].map(|vector| {
        let k = kernel(f, DType::F32, vector);
        let n = xs.len().div_ceil(4) * 4;
        let mut x = xs.to_vec();
        let mut y = ys.to_vec();
        x.resize(n, 0.5);
        y.resize(n, 0.5);
        let mut out = vec![0.0; n];
        k.run_f32(&x, &y, &mut out);
        out.truncate(xs.len());
        out
    })
}

const SPECIAL64: &[f64] = &[
    0.0,
    -0.0,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    -f64::NAN,
    f64::from_bits(0x7ff0_0000_0000_0001), // signaling
    1.0,
    -1.0,
    2.0,
    -2.0,
    0.5,
    -0.5,
    3.0,
    -3.0,
    f64::MIN_POSITIVE,
    -f64::MIN_POSITIVE,
    5e-324,
    -5e-324,
    2.225073858507201e-308,
    1e-310,
    -1e-310,
    f64::MAX,
    f64::MIN,
    f64::EPSILON,
    1e-20,
    -1e-20,
    1e300,
    -1e300,
    709.782712893384,
    709.7827128933841,
    709.78,
    710.0,
    -708.3964185322641,
    -708.4,
    -744.4400719213812,
    -745.1332191019411,
    -745.1332191019412,
    -745.2,
    -746.0,
    0.34657359027997264,
    22.0,
    -22.0,
    19.06,
    1.0e6,
    1048576.0,
    1048577.0,
    -1048577.0,
    3.0e7,
    1.0e22,
    std::f64::consts::PI,
    std::f64::consts::FRAC_PI_2,
    std::f64::consts::FRAC_PI_4,
    1.5,
    -1.5,
    0.9999999999999999,
    1.0000000000000002,
    4503599627370496.0,
    4503599627370497.0,
    -4503599627370497.0,
    9007199254740992.0,
    -9007199254740993.0,
    1024.0,
    -1074.0,
    -1075.0,
    1023.5,
];

/// x^y for integers x, y >= 0 with an exact result below 2^24 (exact in
/// f32 and f64 alike).
fn exact_power(x: f64, y: f64) -> bool {
    x.fract() == 0.0 && y.fract() == 0.0 && y >= 0.0 && x.abs().powf(y) < 16_777_216.0
}

fn check_special64(f: MathFn) {
    let ys: Vec<f64> = if f == MathFn::Pow {
        SPECIAL64.to_vec()
    } else {
        vec![0.0]
    };
    let mut xs = Vec::new();
    let mut yy = Vec::new();
    for &x in SPECIAL64 {
        for &y in &ys {
            xs.push(x);
            yy.push(y);
        }
    }
    let [s, v] = run64(f, &xs, &yy);
    let mut bad = Vec::new();
    for i in 0..xs.len() {
        let want = f.std64(xs[i], yy[i]);
        for (form, got) in [("scalar", s[i]), ("vector", v[i])] {
            // Exact where std's value is special (0, inf, NaN, 1, or an
            // exact integer power); else within 2 ulp.
            let special = want == 0.0
                || want.is_infinite()
                || want.is_nan()
                || (want.abs() == 1.0 && f != MathFn::Pow)
                || (f == MathFn::Pow
                    && (xs[i] == 1.0 || yy[i] == 0.0 || exact_power(xs[i], yy[i])));
            let ok = if special {
                same64(got, want)
            } else {
                ulps64(got, want) <= 2
            };
            if !ok {
                bad.push(format!(
                    "{f:?}({:e}, {:e}) {form}: got {got:e}, std {want:e}",
                    xs[i], yy[i]
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

fn check_special32(f: MathFn) {
    let mut sp: Vec<f32> = SPECIAL64.iter().map(|&x| x as f32).collect();
    sp.extend([
        f32::from_bits(0x7f80_0001), // signaling NaN
        f32::MIN_POSITIVE,
        1e-40,
        -1e-40,
        1e-45,
        f32::MAX,
        f32::MIN,
        88.72283,
        88.72284,
        -87.33654,
        -103.27893,
        -103.97208,
        -104.0,
        9.01,
        -9.01,
        8388608.0,
        8388609.0,
        16777216.0,
        -16777217.0,
        149.0,
        -149.0,
        -150.0,
    ]);
    let ys: Vec<f32> = if f == MathFn::Pow {
        sp.clone()
    } else {
        vec![0.0]
    };
    let mut xs = Vec::new();
    let mut yy = Vec::new();
    for &x in &sp {
        for &y in &ys {
            xs.push(x);
            yy.push(y);
        }
    }
    let [s, v] = run32(f, &xs, &yy);
    let mut bad = Vec::new();
    for i in 0..xs.len() {
        let want = f.std32(xs[i], yy[i]);
        for (form, got) in [("scalar", s[i]), ("vector", v[i])] {
            // Exact where std's value is special (0, inf, NaN, 1, or an
            // exact power); else within 1 ulp.
            let special = want == 0.0
                || want.is_infinite()
                || want.is_nan()
                || (want.abs() == 1.0 && f != MathFn::Pow)
                || (f == MathFn::Pow
                    && (xs[i] == 1.0 || yy[i] == 0.0 || exact_power(xs[i].into(), yy[i].into())));
            let ok = if special {
                same32(got, want)
            } else {
                ulps32(got, want) <= 1
            };
            if !ok {
                bad.push(format!(
                    "{f:?}({:e}, {:e}) {form}: got {got:e}, std {want:e}",
                    xs[i], yy[i]
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn special_values_f64_are_exact() {
    for f in MathFn::ALL {
        check_special64(f);
    }
}

#[test]
fn special_values_f32_are_exact() {
    for f in MathFn::ALL {
        check_special32(f);
    }
}

/// xorshift64*.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// Random points for `f`: a third random bit patterns, the rest uniform
/// over the range where the function is interesting.
fn points(f: MathFn, n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let (mut xs, mut ys) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let bits = i % 3 == 0;
        let (x, y) = match f {
            MathFn::Exp => (r.uniform(-746.0, 710.0), 0.0),
            MathFn::Log => (r.uniform(0.0, 4.0), 0.0),
            MathFn::Tanh => (r.uniform(-6.0, 6.0), 0.0),
            MathFn::Sin | MathFn::Cos => (r.uniform(-2e6, 2e6) * r.uniform(0.0, 1.0).powi(8), 0.0),
            MathFn::Pow => {
                let x = r.uniform(-10.0, 10.0);
                let y = if i % 2 == 0 {
                    r.uniform(-40.0, 40.0)
                } else {
                    (r.next() % 61) as f64 - 30.0
                };
                (x, y)
            }
        };
        if bits {
            xs.push(f64::from_bits(r.next()));
            ys.push(f64::from_bits(r.next()));
        } else {
            xs.push(x);
            ys.push(y);
        }
    }
    (xs, ys)
}

const RANDOM_POINTS: usize = 100_000;

#[test]
fn random_points_f64_within_2_ulp() {
    for (k, f) in MathFn::ALL.into_iter().enumerate() {
        let (xs, ys) = points(f, RANDOM_POINTS, 11 + k as u64);
        let [s, v] = run64(f, &xs, &ys);
        let mut worst = (0, 0.0, 0.0);
        for i in 0..xs.len() {
            let want = f.std64(xs[i], ys[i]);
            assert!(
                same64(s[i], v[i]),
                "{f:?}({:e}, {:e}): scalar {:e}, vector {:e}",
                xs[i],
                ys[i],
                s[i],
                v[i]
            );
            let d = ulps64(v[i], want);
            if d > worst.0 {
                worst = (d, xs[i], ys[i]);
            }
        }
        assert!(
            worst.0 <= 2,
            "{f:?} f64: {} ulp at ({:e}, {:e})",
            worst.0,
            worst.1,
            worst.2
        );
    }
}

#[test]
fn random_points_f32_within_2_ulp() {
    for (k, f) in MathFn::ALL.into_iter().enumerate() {
        let (xs, ys) = points(f, RANDOM_POINTS, 101 + k as u64);
        let xs: Vec<f32> = xs
            .iter()
            .map(|&x| {
                if x.is_finite() && x.abs() > 1e39 {
                    f32::from_bits(x.to_bits() as u32)
                } else {
                    x as f32
                }
            })
            .collect();
        let ys: Vec<f32> = ys
            .iter()
            .map(|&y| {
                if y.is_finite() && y.abs() > 1e39 {
                    f32::from_bits(y.to_bits() as u32)
                } else {
                    y as f32
                }
            })
            .collect();
        let [s, v] = run32(f, &xs, &ys);
        let mut worst = (0, 0.0, 0.0);
        for i in 0..xs.len() {
            let want = f.std32(xs[i], ys[i]);
            assert!(
                same32(s[i], v[i]),
                "{f:?}({:e}, {:e}): scalar {:e}, vector {:e}",
                xs[i],
                ys[i],
                s[i],
                v[i]
            );
            let d = ulps32(v[i], want);
            if d > worst.0 {
                worst = (d, xs[i], ys[i]);
            }
        }
        assert!(
            worst.0 <= 2,
            "{f:?} f32: {} ulp at ({:e}, {:e})",
            worst.0,
            worst.1,
            worst.2
        );
    }
}

/// A program through the whole JIT (codegen uses vmath): exp, log, tanh,
/// sin, cos and pow of one vector against std, element by element.
#[test]
fn compiled_programs_use_the_inline_functions() {
    let src = "e[i] = exp(a[i])\nl[i] = log(a[i])\nt[i] = tanh(a[i])\ns[i] = sin(a[i])\nc[i] = cos(a[i])\np[i] = a[i]^b[i]";
    let k = ricci::compile(src, ricci::Options::default()).expect("compiles");
    let a: Vec<f64> = vec![
        0.0,
        -0.0,
        1.0,
        0.5,
        3.7,
        -2.25,
        709.9,
        -746.0,
        1e-310,
        2e6,
        f64::INFINITY,
        f64::NAN,
    ];
    let b: Vec<f64> = vec![
        0.0, -3.0, 2.5, -1.0, 1.5, 3.0, 0.5, 2.0, 1.0, -0.5, -1.0, 0.0,
    ];
    let av = ndarray::Array1::from(a.clone()).into_dyn();
    let bv = ndarray::Array1::from(b.clone()).into_dyn();
    let out = k
        .run_views(&[("a", av.view()), ("b", bv.view())], &[])
        .expect("runs");
    let fs: [fn(f64, f64) -> f64; 6] = [
        |x, _| x.exp(),
        |x, _| x.ln(),
        |x, _| x.tanh(),
        |x, _| x.sin(),
        |x, _| x.cos(),
        |x, y| x.powf(y),
    ];
    for (o, f) in out.iter().zip(fs) {
        for i in 0..a.len() {
            let want = f(a[i], b[i]);
            let got = o[i];
            let special = want == 0.0 || !want.is_finite();
            let ok = if special {
                same64(got, want)
            } else {
                ulps64(got, want) <= 2
            };
            assert!(ok, "f({:e}, {:e}) = {got:e}, std {want:e}", a[i], b[i]);
        }
    }
}
