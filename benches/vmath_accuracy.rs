//! Accuracy of the JIT's inline math (`src/jit/vmath.rs`) against Rust's
//! std, on 10^7 points per function and element type: random bit
//! patterns (every exponent, subnormals, ±inf, NaN), uniform and
//! log-uniform draws over each function's range, and its edges (overflow
//! and underflow thresholds, near 1 for log and pow, near multiples of
//! pi/2 for sin and cos). Every point runs through scalar and vector code
//! (F64/F64X2, F32/F32X4); both must agree bit for bit.
//!
//! Prints, per function and type, the max and mean distance in ulps (a NaN
//! against a number counts as a miss), and the worst argument.
//!
//! Run: `cargo bench --bench vmath_accuracy` (about a minute; `-- N` for
//! another number of points).

use ricci::DType;
use ricci::jit::{MathFn, MathKernel, ulps32, ulps64};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }
    /// Log-uniform in [a, b] (0 < a < b), with a random sign if `signed`.
    fn log_uniform(&mut self, a: f64, b: f64, signed: bool) -> f64 {
        let x = (a.ln() + (b.ln() - a.ln()) * self.unit()).exp();
        if signed && self.next() & 1 == 1 {
            -x
        } else {
            x
        }
    }
    fn bits64(&mut self) -> f64 {
        f64::from_bits(self.next())
    }
    fn bits32(&mut self) -> f64 {
        f64::from(f32::from_bits(self.next() as u32))
    }
}

/// One point (x, y) of `f`'s test distribution; `f32` draws within the
/// f32 range (the caller rounds to f32).
fn point(f: MathFn, r: &mut Rng, f32: bool) -> (f64, f64) {
    let bits = |r: &mut Rng| if f32 { r.bits32() } else { r.bits64() };
    let (ovf, unf, tiny, huge) = if f32 {
        (88.8, -104.0, 1e-45, 3e38)
    } else {
        (709.8, -745.2, 5e-324, 1.7e308)
    };
    let c = r.next() % 10;
    let x = match f {
        MathFn::Exp => match c {
            0..=3 => r.uniform(unf, ovf),
            4 | 5 => r.uniform(-1.0, 1.0),
            6 | 7 => bits(r),
            8 => {
                if r.next() & 1 == 0 {
                    r.uniform(unf, unf + 40.0)
                } else {
                    r.uniform(ovf - 10.0, ovf + 0.5)
                }
            }
            _ => r.log_uniform(1e-20, 1.0, true),
        },
        MathFn::Log => match c {
            0..=2 => bits(r).abs(),
            3..=5 => r.uniform(0.0, 2.0),
            6 | 7 => 1.0 + r.uniform(-1e-3, 1e-3),
            8 => bits(r),
            _ => r.log_uniform(tiny, huge, false),
        },
        MathFn::Tanh => match c {
            0..=2 => r.uniform(-25.0, 25.0),
            3..=5 => r.log_uniform(1e-10, 25.0, true),
            6 => bits(r),
            7 => r.uniform(0.9, 1.1) * if r.next() & 1 == 0 { 1.0 } else { -1.0 },
            _ => r.uniform(-1.0, 1.0),
        },
        MathFn::Sin | MathFn::Cos => match c {
            0..=2 => r.uniform(-10.0, 10.0),
            3 | 4 => r.uniform(-1_048_576.0, 1_048_576.0),
            5 | 6 => r.log_uniform(1e-10, 1e6, true),
            7 => bits(r),
            _ => {
                let k = (r.next() % 1_000_000) as f64;
                k * std::f64::consts::FRAC_PI_2 + r.uniform(-1e-6, 1e-6)
            }
        },
        MathFn::Pow => {
            let (x, y) = match c {
                0..=2 => {
                    // Results across the whole range, to the thresholds.
                    let x = r.log_uniform(1e-300, 1e300, false);
                    let lim = if f32 { 100.0 } else { 760.0 };
                    (x, r.uniform(-lim, lim) / x.ln().abs().max(1e-3))
                }
                3 | 4 => (r.uniform(0.0, 4.0), r.uniform(-50.0, 50.0)),
                5 => {
                    let x = 1.0 + r.uniform(-1e-6, 1e-6);
                    (x, r.uniform(-1e9, 1e9))
                }
                6 => (
                    -r.log_uniform(1e-3, 1e3, false),
                    (r.next() % 201) as f64 - 100.0,
                ),
                7 => (bits(r), bits(r)),
                8 => (r.uniform(-10.0, 10.0), (r.next() % 41) as f64 * 0.5 - 10.0),
                _ => (r.log_uniform(1e-10, 1e10, false), r.uniform(-30.0, 30.0)),
            };
            return (x, y);
        }
    };
    (x, 0.0)
}

#[derive(Default)]
struct Stats {
    n: u64,
    sum: f64,
    max: u64,
    worst: (f64, f64, f64, f64),
    /// Points off by more than 2 ulp (or a NaN against a number).
    over: u64,
    /// Points where scalar and vector code differ.
    forms: u64,
}

impl Stats {
    fn add(&mut self, d: u64, x: f64, y: f64, got: f64, want: f64) {
        self.n += 1;
        if d != u64::MAX {
            self.sum += d as f64;
        }
        if d > 2 {
            self.over += 1;
        }
        if d > self.max || self.n == 1 {
            self.max = d;
            self.worst = (x, y, got, want);
        }
    }
}

const CHUNK: usize = 1 << 16;

fn measure(f: MathFn, dtype: DType, points: usize, seed: u64) -> Stats {
    let scalar = MathKernel::new(f, dtype, false).expect("scalar kernel");
    let vector = MathKernel::new(f, dtype, true).expect("vector kernel");
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut st = Stats::default();
    let mut done = 0;
    while done < points {
        let n = CHUNK.min(points - done).div_ceil(4) * 4;
        let pts: Vec<(f64, f64)> = (0..n)
            .map(|_| point(f, &mut r, dtype == DType::F32))
            .collect();
        match dtype {
            DType::F64 => {
                let x: Vec<f64> = pts.iter().map(|p| p.0).collect();
                let y: Vec<f64> = pts.iter().map(|p| p.1).collect();
                let (mut a, mut b) = (vec![0.0; n], vec![0.0; n]);
                scalar.run_f64(&x, &y, &mut a);
                vector.run_f64(&x, &y, &mut b);
                for i in 0..n {
                    if a[i].to_bits() != b[i].to_bits() && !(a[i].is_nan() && b[i].is_nan()) {
                        st.forms += 1;
                    }
                    let want = f.std64(x[i], y[i]);
                    st.add(ulps64(b[i], want), x[i], y[i], b[i], want);
                }
            }
            DType::F32 => {
                let x: Vec<f32> = pts.iter().map(|p| p.0 as f32).collect();
                let y: Vec<f32> = pts.iter().map(|p| p.1 as f32).collect();
                let (mut a, mut b) = (vec![0.0; n], vec![0.0; n]);
                scalar.run_f32(&x, &y, &mut a);
                vector.run_f32(&x, &y, &mut b);
                for i in 0..n {
                    if a[i].to_bits() != b[i].to_bits() && !(a[i].is_nan() && b[i].is_nan()) {
                        st.forms += 1;
                    }
                    let want = f.std32(x[i], y[i]);
                    st.add(
                        ulps32(b[i], want),
                        f64::from(x[i]),
                        f64::from(y[i]),
                        f64::from(b[i]),
                        f64::from(want),
                    );
                }
            }
        }
        done += n;
    }
    st
}

fn main() {
    let points: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    println!("vmath accuracy against Rust std, {points} points per row");
    println!("| function | type | max ulp | mean ulp | > 2 ulp | scalar != vector | worst at |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let mut failed = false;
    for (k, f) in MathFn::ALL.into_iter().enumerate() {
        for dtype in [DType::F64, DType::F32] {
            let st = measure(f, dtype, points, 1 + k as u64);
            let (x, y, got, want) = st.worst;
            let at = if f == MathFn::Pow {
                format!("({x:e}, {y:e}): {got:e} vs {want:e}")
            } else {
                format!("{x:e}: {got:e} vs {want:e}")
            };
            let max = if st.max == u64::MAX {
                "NaN".to_string()
            } else {
                st.max.to_string()
            };
            println!(
                "| {f:?} | {dtype:?} | {max} | {:.4} | {} | {} | {at} |",
                st.sum / st.n as f64,
                st.over,
                st.forms
            );
            failed |= st.over > 0 || st.forms > 0;
        }
    }
    if failed {
        println!("FAILED: points beyond 2 ulp, or scalar and vector code differ");
        std::process::exit(1);
    }
}
