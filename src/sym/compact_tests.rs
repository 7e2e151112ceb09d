//! The rational normal form ([`super::rational`]) and the definitions'
//! relations ([`super::compact`]), each on small expressions, printed.

use super::compact::compact;
use super::pool::ExprId;
use super::print::expr_text;
use super::program::SymProgram;
use super::rational::normalise;
use super::simplify::simplify;
use crate::sema::{self, DefId};

/// The last definition of `src`, lowered (simplified), as (program, body).
fn lowered(src: &str) -> (SymProgram, ExprId) {
    let program = sema::check_source(src).unwrap();
    let sp = super::program::lower(&program).unwrap();
    let body = sp.defs[sp.order.last().unwrap().index()].body;
    (sp, body)
}

/// The last body of `src` in rational normal form, printed.
fn normal(src: &str) -> String {
    let (mut sp, e) = lowered(src);
    let n = normalise(&mut sp.pool, e).expect("within the limits");
    let n = simplify(&mut sp.pool, n);
    expr_text(&sp.pool, n)
}

/// The last body of `src` compacted with every earlier definition.
fn compacted(src: &str) -> String {
    let (mut sp, e) = lowered(src);
    let before: Vec<DefId> = sp.order[..sp.order.len() - 1].to_vec();
    let r = compact(&mut sp, e, &before);
    expr_text(&sp.pool, r)
}

#[test]
fn fractions_combine_over_one_denominator() {
    assert_eq!(normal("f = 1/x + 1/y"), "(x + y)/(x y)");
    assert_eq!(normal("f = a/x - a/x"), "0");
    assert_eq!(normal("f = 1/x - 1"), "(1 - x)/x");
}

#[test]
fn common_factors_cancel() {
    // (x^2 - y^2)/(x - y) is x + y: the denominator divides the numerator.
    assert_eq!(normal("f = x^2/(x - y) - y^2/(x - y)"), "x + y");
    // (1 - s) s^2 / (s (1 - s)) is s.
    assert_eq!(normal("f = (1/s - 1) s^2/(1 - s)"), "s");
    // A factor that does not divide stays.
    assert_eq!(
        normal("f = x/(x + 1) + 1/(x + 1)^2"),
        "(x^2 + x + 1)/(x + 1)^2"
    );
}

#[test]
fn binary_cross_entropy_in_s_is_s_minus_y() {
    assert_eq!(
        normal("f = -(1/s - 1) (y/s - (1 - y)/(1 - s)) s^2"),
        "s - y"
    );
}

#[test]
fn inside_sums_and_calls() {
    assert_eq!(normal("f = sum_i (1/x[i] - 1) x[i]"), "-sum_i (x[i] - 1)");
    assert_eq!(normal("f = exp(1/x - 1/x)"), "1");
}

#[test]
fn past_the_limit_gives_up() {
    // (a + b + c + d)^16 has 969 terms: more than MAX_TERMS.
    let (mut sp, e) = lowered("f = (a + b + c + d)^16 + 1/e");
    assert!(normalise(&mut sp.pool, e).is_none());
}

#[test]
fn logistic_relation_eliminates_exp() {
    assert_eq!(
        compacted("s = 1/(1 + exp(-x)); f = exp(-x)/(exp(-x) + 1)^2"),
        "s (1 - s)"
    );
    // exp(x) is s/(1 - s), but exp(x) alone costs less: it stays.
    assert_eq!(compacted("s = 1/(1 + exp(-x)); f = exp(x)"), "exp(x)");
    assert_eq!(
        compacted("s = 1/(1 + exp(-x)); f = exp(x)/(1 + exp(x))"),
        "s"
    );
    assert_eq!(
        compacted("s = exp(x)/(1 + exp(x)); f = exp(x)/(exp(x) + 1)^2"),
        "s (1 - s)"
    );
}

#[test]
fn softmax_relation_keeps_its_own_sum() {
    assert_eq!(
        compacted(
            "p[i,c] = exp(z[i,c]) / sum_d exp(z[i,d])
             f[a,b] = exp(z[a,b]) / sum_d exp(z[a,d]) + exp(z[b,a])"
        ),
        "p[a,b] + p[b,a] sum_d exp(z[b,d])"
    );
}

#[test]
fn a_definition_up_to_renaming_of_its_axes() {
    assert_eq!(
        compacted("h[i] = tanh(sum_j W[i,j] x[j]); f[k] = 1 - tanh(sum_j W[k,j] x[j])^2"),
        "1 - h[k]^2"
    );
    // Under a sum, the binder is opened: h[i] inside sum_i.
    assert_eq!(
        compacted("h[i] = tanh(sum_j W[i,j] x[j]); f = sum_i tanh(sum_j W[i,j] x[j])"),
        "sum_i h[i]"
    );
}

#[test]
fn no_relation_where_the_atom_is_not_determined() {
    // p = x y cannot give x = p/y (y may be 0): x stays.
    assert_eq!(
        compacted("p[i] = exp(x[i]) y[i]; f[k] = exp(x[k])"),
        "exp(x[k])"
    );
    // Nothing cheaper: the input is kept.
    assert_eq!(compacted("s = 1/(1 + exp(-x)); f = x + 1"), "x + 1");
}
