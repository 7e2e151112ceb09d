//! Exact division by zero in constants.
//!
//! In: a checked definition body. Out: one error per division whose divisor
//! is an exact constant 0 (`1/0`, `0/0`, `1/(2 - 2)`) and per power of an
//! exact 0 with a negative exponent (`0^-1`, `0^(-1/2)`), each at the
//! divisor's (or the power's) span.
//!
//! Constants are folded exactly from number literals with `+ - * /` and
//! integer powers; anything else (a parameter, an index, a call, a
//! fractional power of a nonzero number) is not a constant here, so
//! `x / (x - x)` is left to the evaluators (and to the symbolic engine,
//! which reports divisors that simplify to 0 itself).
//!
//! Always: an expression that contains such a division yields exactly one
//! error for it (the folding stops at the first one), so `(1/0) * 0` is an
//! error rather than 0 and the evaluators never see an exact `1/0`.

use super::{Expr, ExprKind};
use crate::diagnostics::Diagnostic;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Every exact division by zero in `body`.
pub fn zero_divisions(body: &Expr) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    fold(body, &mut errors);
    errors
}

/// The exact value of `e` if it is a constant built from numbers alone.
pub fn fold_constant(e: &Expr) -> Option<BigRational> {
    fold(e, &mut Vec::new())
}

/// The exact value of `e` if it is a constant as described above; records
/// the divisions by zero found inside.
fn fold(e: &Expr, errors: &mut Vec<Diagnostic>) -> Option<BigRational> {
    let values: Vec<Option<BigRational>> = e.children().iter().map(|c| fold(c, errors)).collect();
    let all = || values.iter().cloned().collect::<Option<Vec<BigRational>>>();
    match &e.kind {
        ExprKind::Const(r) => Some(r.clone()),
        ExprKind::Neg(_) => values[0].clone().map(|v| -v),
        ExprKind::Add(_) => Some(all()?.into_iter().fold(BigRational::zero(), |a, b| a + b)),
        ExprKind::Mul(_) => Some(all()?.into_iter().fold(BigRational::one(), |a, b| a * b)),
        ExprKind::Div(_, den) => {
            if values[1].as_ref().is_some_and(Zero::is_zero) {
                errors.push(
                    Diagnostic::at("division by zero: this divisor is exactly 0", den.span)
                        .with_note(
                            "constants are exact, so the quotient has no value; change the divisor",
                        ),
                );
                return None;
            }
            Some(values[0].clone()? / values[1].clone()?)
        }
        ExprKind::Pow(..) => {
            let (b, p) = (values[0].clone()?, values[1].clone()?);
            if b.is_zero() && p.is_negative() {
                errors.push(
                    Diagnostic::at(
                        format!("0 raised to the negative power {p} divides by zero"),
                        e.span,
                    )
                    .with_note(
                        "constants are exact, so the power has no value; change the base or the exponent",
                    ),
                );
                return None;
            }
            exact_power(&b, &p)
        }
        // The functions whose value at a rational is rational (as the
        // simplifier folds them): `abs(0)^-1` divides by zero too.
        ExprKind::Call(f, _) => {
            let v = all()?;
            f.exact(&v.iter().collect::<Vec<_>>())
        }
        _ => None,
    }
}

/// `b^p` for an integer `p` of moderate size (and `0^p` for any positive
/// `p`); `None` where the value is irrational or too large to be worth it.
fn exact_power(b: &BigRational, p: &BigRational) -> Option<BigRational> {
    if b.is_zero() {
        return Some(if p.is_zero() {
            BigRational::one()
        } else {
            BigRational::zero()
        });
    }
    if !p.is_integer() {
        return None;
    }
    let n = p.to_integer().to_i64()?;
    let bits = (b.numer().bits() + b.denom().bits()).saturating_mul(n.unsigned_abs());
    if n.unsigned_abs() > 4096 || bits > 16_384 {
        return None;
    }
    let v = num_traits::pow(b.clone(), n.unsigned_abs() as usize);
    Some(if n < 0 { v.recip() } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    fn errors(src: &str) -> Vec<String> {
        // The checker reports these; look at its messages.
        match crate::sema::check_source(src) {
            Ok(_) => vec![],
            Err(e) => e.0.iter().map(|d| d.message.clone()).collect(),
        }
    }

    #[test]
    fn exact_zero_divisors_are_errors() {
        for src in [
            "y = 1/0",
            "0/0",
            "(1/0)*0",
            "y = 0^-1",
            "y = 0^(-1/2)",
            "y = 1/(2 - 2)",
            "y = x/(3 - 3)",
            "y = (2-2)^(-3)",
            "y = x (abs(0))^(-1)",
            "y = 1/max(0, -1)",
            "y = 1/sign(1 - 1)",
        ] {
            let e = errors(src);
            assert_eq!(e.len(), 1, "{src}: {e:?}");
        }
        for src in [
            "y = 1/2",
            "y = 0^2",
            "y = 0^0",
            "y = x/(x - x)",
            "y = 2^(-1/2)",
            "y = 1/(4^(1/2) - 2)",
        ] {
            assert_eq!(errors(src), Vec::<String>::new(), "{src}");
        }
    }

    #[test]
    fn powers_fold_exactly() {
        let r = |n: i64, d: i64| BigRational::new(BigInt::from(n), BigInt::from(d));
        assert_eq!(exact_power(&r(2, 3), &r(-2, 1)), Some(r(9, 4)));
        assert_eq!(exact_power(&r(0, 1), &r(1, 2)), Some(r(0, 1)));
        assert_eq!(exact_power(&r(4, 1), &r(1, 2)), None);
        assert_eq!(exact_power(&r(2, 1), &r(100_000, 1)), None);
    }
}
