//! The one table of built-in functions (LANGUAGE.md §5).
//!
//! In: a [`Func`]. Out: everything the layers need to know about it: its
//! name and arity (lexer, checker, printer), its value on floats (the
//! interpreter) and on exact rationals where that is rational (the checker's
//! division-by-zero check, the simplifier's constant folding), its
//! derivative as a template over its argument (the differentiator), its
//! LaTeX form, whether it is worth computing once and sharing (the loop
//! planner), and how compiled code computes it (a native instruction or a
//! host call: the JIT).
//!
//! Always: every function of the language is one variant of [`Func`], and
//! every fact about it is an arm of an exhaustive `match` in this file, so
//! adding a function (say `softplus`) is one row per match here and the
//! compiler points at each; the only other exhaustive match is the JIT's
//! translation of [`Lowering`] (src/jit/codegen.rs). This module depends on
//! nothing else in the crate.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Float, One, Signed, Zero};

/// The built-in functions of LANGUAGE.md section 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Func {
    Exp,
    Log,
    Sqrt,
    Abs,
    Sign,
    Tanh,
    Sin,
    Cos,
    Max,
    Min,
}

/// How compiled code computes a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lowering {
    /// One IEEE instruction sequence in the generated code.
    Native(Native),
    /// A call of the host's libm function (the interpreter's).
    Host(Host),
}

/// Functions computed inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Native {
    Sqrt,
    Abs,
    Sign,
    Max,
    Min,
}

/// Functions called in the host's math library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    Exp,
    Log,
    Tanh,
    Sin,
    Cos,
}

/// How a function prints in LaTeX.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Latex {
    /// `\name\left(x\right)`: `\exp`, `\log`, `\tanh`, ...
    Command,
    /// `\operatorname{name}\left(x\right)`.
    Operator,
    /// `\sqrt{x}`.
    Sqrt,
    /// `\left\lvert x \right\rvert`.
    Bars,
}

/// The derivative of a one-argument function `f(u)` with respect to `u`,
/// as a template: the differentiator builds it and multiplies by `u'`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum D {
    /// The argument `u`.
    U,
    /// The call's own value `f(u)` (reused, as the notes write `1 - h^2`).
    F,
    /// A rational constant `n/d`.
    Q(i64, i64),
    Call(Func, Box<D>),
    Mul(Vec<D>),
    Add(Vec<D>),
    /// An integer power.
    Pow(Box<D>, i64),
}

/// How a function is differentiated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Derivative {
    /// `f'(u) u'`, `f'` given as a template.
    Chain(D),
    /// `max`/`min`: the argument that wins, by a step function (the
    /// subgradient at ties: `d max(a,b)/da` is 1 where `a >= b`).
    Select { max: bool },
}

/// Everything about one function but its value.
#[derive(Clone, Debug)]
pub struct Op {
    pub name: &'static str,
    pub arity: usize,
    pub latex: Latex,
    /// Costly enough (a libm call, a general power) that compiled code
    /// computes it once per distinct argument and shares it.
    pub expensive: bool,
    pub lowering: Lowering,
    pub derivative: Derivative,
}

impl Func {
    /// Every function, in the order the docs list them.
    pub const ALL: [Func; 10] = [
        Func::Exp,
        Func::Log,
        Func::Sqrt,
        Func::Abs,
        Func::Sign,
        Func::Tanh,
        Func::Sin,
        Func::Cos,
        Func::Max,
        Func::Min,
    ];

    /// The table's row for this function.
    pub fn op(self) -> Op {
        use D::*;
        let chain = Derivative::Chain;
        let (arity, latex, lowering, derivative) = match self {
            Func::Exp => (1, Latex::Command, Lowering::Host(Host::Exp), chain(F)),
            Func::Log => (
                1,
                Latex::Command,
                Lowering::Host(Host::Log),
                chain(Pow(Box::new(U), -1)),
            ),
            Func::Sqrt => (
                1,
                Latex::Sqrt,
                Lowering::Native(Native::Sqrt),
                chain(Mul(vec![Q(1, 2), Pow(Box::new(F), -1)])),
            ),
            Func::Abs => (
                1,
                Latex::Bars,
                Lowering::Native(Native::Abs),
                chain(Call(Func::Sign, Box::new(U))),
            ),
            Func::Sign => (
                1,
                Latex::Operator,
                Lowering::Native(Native::Sign),
                chain(Q(0, 1)),
            ),
            Func::Tanh => (
                1,
                Latex::Command,
                Lowering::Host(Host::Tanh),
                chain(Add(vec![Q(1, 1), Mul(vec![Q(-1, 1), Pow(Box::new(F), 2)])])),
            ),
            Func::Sin => (
                1,
                Latex::Command,
                Lowering::Host(Host::Sin),
                chain(Call(Func::Cos, Box::new(U))),
            ),
            Func::Cos => (
                1,
                Latex::Command,
                Lowering::Host(Host::Cos),
                chain(Mul(vec![Q(-1, 1), Call(Func::Sin, Box::new(U))])),
            ),
            Func::Max => (
                2,
                Latex::Command,
                Lowering::Native(Native::Max),
                Derivative::Select { max: true },
            ),
            Func::Min => (
                2,
                Latex::Command,
                Lowering::Native(Native::Min),
                Derivative::Select { max: false },
            ),
        };
        Op {
            name: self.name(),
            arity,
            latex,
            expensive: matches!(lowering, Lowering::Host(_)),
            lowering,
            derivative,
        }
    }

    /// The name programs write (the row's `name`; a match of its own, since
    /// building the row allocates its derivative template, and the lexer
    /// asks for names on every identifier).
    pub fn name(self) -> &'static str {
        match self {
            Func::Exp => "exp",
            Func::Log => "log",
            Func::Sqrt => "sqrt",
            Func::Abs => "abs",
            Func::Sign => "sign",
            Func::Tanh => "tanh",
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Max => "max",
            Func::Min => "min",
        }
    }

    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.into_iter().find(|f| f.name() == name)
    }

    /// How many arguments the function takes.
    pub fn arity(self) -> usize {
        self.op().arity
    }

    /// The value on floats (the interpreter's meaning, which compiled code
    /// matches): libm's `exp log tanh sin cos`, IEEE `sqrt abs`; `sign` is
    /// -1, +0 or 1 (NaN for NaN); `max`/`min` are IEEE maximum/minimum (NaN
    /// if either is NaN, +0 over -0). `None` for a wrong number of
    /// arguments.
    pub fn eval<T: Float>(self, args: &[T]) -> Option<T> {
        Some(match (self, args) {
            (Func::Exp, &[x]) => x.exp(),
            (Func::Log, &[x]) => x.ln(),
            (Func::Sqrt, &[x]) => x.sqrt(),
            (Func::Abs, &[x]) => x.abs(),
            (Func::Sign, &[x]) => sign(x),
            (Func::Tanh, &[x]) => x.tanh(),
            (Func::Sin, &[x]) => x.sin(),
            (Func::Cos, &[x]) => x.cos(),
            (Func::Max, &[a, b]) => max(a, b),
            (Func::Min, &[a, b]) => min(a, b),
            (
                Func::Exp
                | Func::Log
                | Func::Sqrt
                | Func::Abs
                | Func::Sign
                | Func::Tanh
                | Func::Sin
                | Func::Cos
                | Func::Max
                | Func::Min,
                _,
            ) => return None,
        })
    }

    /// The exact value on rational arguments, where it is rational
    /// (`exp(0)`, `log(1)`, `sqrt(9/4)`, `abs`, `sign`, `max`, `min`);
    /// `None` otherwise.
    pub fn exact(self, args: &[&BigRational]) -> Option<BigRational> {
        match (self, args) {
            (Func::Exp, [x]) => x.is_zero().then(BigRational::one),
            (Func::Log, [x]) => x.is_one().then(BigRational::zero),
            (Func::Sqrt, [x]) => exact_sqrt(x),
            (Func::Abs, [x]) => Some(x.abs()),
            (Func::Sign, [x]) => Some(x.signum()),
            (Func::Tanh | Func::Sin, [x]) => x.is_zero().then(BigRational::zero),
            (Func::Cos, [x]) => x.is_zero().then(BigRational::one),
            (Func::Max, [a, b]) => Some(if a >= b { (*a).clone() } else { (*b).clone() }),
            (Func::Min, [a, b]) => Some(if a <= b { (*a).clone() } else { (*b).clone() }),
            (
                Func::Exp
                | Func::Log
                | Func::Sqrt
                | Func::Abs
                | Func::Sign
                | Func::Tanh
                | Func::Sin
                | Func::Cos
                | Func::Max
                | Func::Min,
                _,
            ) => None,
        }
    }
}

fn sign<T: Float>(x: T) -> T {
    if x > T::zero() {
        T::one()
    } else if x < T::zero() {
        -T::one()
    } else if x == T::zero() {
        T::zero()
    } else {
        x
    }
}

/// IEEE maximum: NaN if either is NaN; +0 over -0.
fn max<T: Float>(a: T, b: T) -> T {
    if a.is_nan() || b.is_nan() {
        T::nan()
    } else if a > b {
        a
    } else if b > a || a.is_sign_negative() {
        b
    } else {
        a
    }
}

/// IEEE minimum: NaN if either is NaN; -0 under +0.
fn min<T: Float>(a: T, b: T) -> T {
    if a.is_nan() || b.is_nan() {
        T::nan()
    } else if a < b {
        a
    } else if b < a || a.is_sign_positive() {
        b
    } else {
        a
    }
}

/// The square root of a non-negative rational whose numerator and
/// denominator are squares.
fn exact_sqrt(x: &BigRational) -> Option<BigRational> {
    if x.is_negative() {
        return None;
    }
    let root = |n: &BigInt| {
        let r = n.sqrt();
        (&r * &r == *n).then_some(r)
    };
    Some(BigRational::new(root(x.numer())?, root(x.denom())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_arities_match_the_docs() {
        for f in Func::ALL {
            assert_eq!(Func::from_name(f.name()), Some(f));
            let two = matches!(f, Func::Max | Func::Min);
            assert_eq!(f.arity(), if two { 2 } else { 1 }, "{f:?}");
            // The float meaning takes exactly `arity` arguments.
            let args = vec![0.5f64; f.arity()];
            assert!(f.eval(&args).is_some(), "{f:?}");
            assert!(f.eval(&[0.5f64; 3]).is_none(), "{f:?}");
        }
        assert_eq!(Func::from_name("softplus"), None);
    }

    #[test]
    fn exact_values_are_the_float_values() {
        let r = |n: i64, d: i64| BigRational::new(n.into(), d.into());
        let cases = [r(0, 1), r(1, 1), r(9, 4), r(-3, 2), r(2, 1)];
        for f in Func::ALL {
            for a in &cases {
                for b in &cases {
                    let args: Vec<&BigRational> = [a, b][..f.arity()].to_vec();
                    if let Some(v) = f.exact(&args) {
                        let fl: Vec<f64> = args
                            .iter()
                            .map(|x| num_traits::ToPrimitive::to_f64(*x).unwrap())
                            .collect();
                        let want = f.eval(&fl).unwrap();
                        assert_eq!(
                            num_traits::ToPrimitive::to_f64(&v),
                            Some(want),
                            "{f:?}{fl:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(Func::Sqrt.exact(&[&r(2, 1)]), None);
        assert_eq!(Func::Exp.exact(&[&r(1, 1)]), None);
    }

    #[test]
    fn ieee_max_min_and_sign_of_zeros() {
        assert!(Func::Max.eval(&[-0.0f64, 0.0]).unwrap().is_sign_positive());
        assert!(Func::Min.eval(&[0.0f64, -0.0]).unwrap().is_sign_negative());
        assert!(Func::Max.eval(&[f64::NAN, 1.0]).unwrap().is_nan());
        assert!(Func::Sign.eval(&[-0.0f64]).unwrap().is_sign_positive());
    }
}
