//! `ricci solve` and `ricci minimize`: equations and stationary points.
//!
//! In: program text whose last statement is an equation `LHS = RHS` (for
//! [`solve()`]) or that defines a scalar loss (for [`minimize()`]), the
//! unknown's name, and the call's [`Args`] (data, parameters). Out: a
//! [`Solution`]: the unknown's value (exact rationals when every number in
//! the problem is a literal, else f64), the symbolic forms used (residual,
//! Jacobian; gradient, Hessian) and how it was found.
//!
//! Always: linearity is decided symbolically (the Jacobian, as `sym`
//! simplifies it, reads no unknown); a linear system is solved exactly
//! (Bareiss, [`linalg::solve_exact`]) or by faer's pivoted LU, and a
//! singular or inconsistent one is an error that says so; a nonlinear one
//! by damped Newton ([`newton`]), whose report says whether it converged.
//! Errors point into the user's text (the equation's two sides are checked
//! in place first).

#[doc(hidden)]
pub mod exact;
#[doc(hidden)]
pub mod linalg;
mod minimize;
#[doc(hidden)]
pub mod newton;
mod problem;

pub use minimize::{Classification, Minimum, minimize};
#[doc(hidden)]
pub use minimize::{inertia_exact, inertia_f64};
#[doc(hidden)]
pub use problem::{Problem, Unknown};

use crate::diagnostics::{Diagnostic, Errors};
use crate::runtime::args::Args;
use num_rational::BigRational;

/// A value of the unknown: exact or f64, row-major.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Exact(Vec<BigRational>),
    F64(Vec<f64>),
}

impl Value {
    /// The values in f64.
    pub fn to_f64(&self) -> Vec<f64> {
        use num_traits::ToPrimitive;
        match self {
            Value::Exact(v) => v.iter().map(|x| x.to_f64().unwrap_or(f64::NAN)).collect(),
            Value::F64(v) => v.clone(),
        }
    }

    /// The value as ricci prints it: exact rationals as a literal
    /// (`[-4, 9/2]`), f64 as `eval` prints tensors.
    pub fn text(&self, shape: &[usize]) -> String {
        match self {
            Value::Exact(v) => crate::sym::print::literal(shape, v),
            Value::F64(v) => {
                let a = ndarray::ArrayD::from_shape_vec(shape.to_vec(), v.clone())
                    .unwrap_or_else(|_| ndarray::ArrayD::zeros(vec![0]));
                crate::runtime::values::format_value(&crate::Tensor::F64(a))
            }
        }
    }

    /// As a tensor of `shape` (f64).
    pub fn tensor(&self, shape: &[usize]) -> crate::Tensor {
        let a = ndarray::ArrayD::from_shape_vec(shape.to_vec(), self.to_f64())
            .unwrap_or_else(|_| ndarray::ArrayD::zeros(vec![0]));
        crate::Tensor::F64(a)
    }
}

/// How a solution was found.
#[derive(Clone, Debug, PartialEq)]
pub enum Method {
    /// A linear system, solved exactly by fraction-free elimination.
    ExactLinear,
    /// A linear system, solved in f64 by a pivoted LU.
    LuF64,
    /// Damped Newton; `iterations` steps to a residual of `residual`.
    Newton { iterations: usize, residual: f64 },
}

/// What `solve` found.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The unknown's name and shape (empty for a scalar).
    pub name: String,
    pub shape: Vec<usize>,
    pub value: Value,
    pub method: Method,
    /// The equation as the residual definition `LHS - RHS`, simplified.
    pub residual_text: String,
    /// The symbolic Jacobian of the residual with respect to the unknown.
    pub jacobian_text: String,
    /// Whether the Jacobian reads the unknown (a nonlinear equation).
    pub nonlinear: bool,
}

impl Solution {
    /// `NAME = VALUE`, continuation lines aligned.
    pub fn line(&self) -> String {
        named(&self.name, &self.value.text(&self.shape))
    }
}

/// `NAME = TEXT`, a multi-line text's later lines aligned under the first.
pub fn named(name: &str, text: &str) -> String {
    let prefix = format!("{name} = ");
    let pad = " ".repeat(prefix.chars().count());
    let mut out = String::new();
    for (k, line) in text.lines().enumerate() {
        out.push_str(if k == 0 { &prefix } else { &pad });
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A failure, with the text its spans point into (the user's program, or
/// the program `solve` built from it).
#[derive(Debug)]
pub struct Failure {
    pub errors: Errors,
    pub text: String,
}

impl Failure {
    fn plain(msg: impl Into<String>) -> Failure {
        Failure {
            errors: Errors::one(Diagnostic::error(msg.into())),
            text: String::new(),
        }
    }
}

/// Solves the program's last statement, an equation, for `unknown`.
///
/// ```
/// let args = ricci::Args::new();
/// let s = ricci::solve::solve(
///     "A = [[1,2],[3,4]]; b = [5,6]; sum_j A[i,j] x[j] = b[i]", "x", &args).unwrap();
/// assert_eq!(s.line(), "x = [-4, 9/2]\n");
/// ```
pub fn solve(src: &str, unknown: &str, args: &Args) -> Result<Solution, Failure> {
    let p = Problem::equation(src, unknown, args)?;
    p.solve(args)
}
