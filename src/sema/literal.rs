//! Numeric literals to exact rationals.
//!
//! In: literal text as the lexer accepted it (`3`, `2.5`, `1e-3`, `.5`).
//! Out: the exact [`BigRational`] it denotes (`2.5` is 5/2).
//!
//! Always: exact; exponents beyond ±4000 are refused rather than building
//! huge integers.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Pow};

/// The exact value of a literal, or `None` when it is malformed or its
/// exponent is absurd.
pub fn parse_literal(text: &str) -> Option<BigRational> {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(p) => (&text[..p], text[p + 1..].parse::<i64>().ok()?),
        None => (text, 0),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(p) => (&mantissa[..p], &mantissa[p + 1..]),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let digits = format!("{int_part}{frac_part}");
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let numer: BigInt = digits.parse().ok()?;
    let scale = exp.checked_sub(frac_part.len() as i64)?;
    if scale.unsigned_abs() > 4000 {
        return None;
    }
    let ten = BigInt::from(10);
    let pow = Pow::pow(&ten, scale.unsigned_abs());
    Some(if scale >= 0 {
        BigRational::from_integer(numer * pow)
    } else {
        BigRational::new(numer, pow)
    })
    .map(|r| if r.denom().is_one() { r } else { r.reduced() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(t: &str) -> String {
        parse_literal(t)
            .map(|r| r.to_string())
            .unwrap_or("none".into())
    }

    #[test]
    fn literals_are_exact() {
        assert_eq!(show("3"), "3");
        assert_eq!(show("2.5"), "5/2");
        assert_eq!(show("1e-3"), "1/1000");
        assert_eq!(show(".5"), "1/2");
        assert_eq!(show("1.25E2"), "125");
        assert_eq!(show("0.1"), "1/10");
        assert_eq!(show("1e99999"), "none");
    }
}
