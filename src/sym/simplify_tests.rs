//! One small test per simplifier rule and per canonical-form law of the
//! pool, each applied alone (input text → lowered without simplification →
//! the one rule → printed), and a check that each rewrite keeps the value.

use super::pool::ExprId;
use super::print::expr_text;
use super::program::SymProgram;
use super::simplify::{RULES, Rule, simplify_with};
use crate::sema;

/// The last definition of `src`, lowered with no rule at all (only the
/// pool's canonical form), as (program, body).
fn raw(src: &str) -> (SymProgram, ExprId) {
    let program = sema::check_source(src).unwrap();
    let sp = super::program::lower_with(&program, &[]).unwrap();
    let body = sp.defs[sp.order.last().unwrap().index()].body;
    (sp, body)
}

/// `src`'s last body with only the rule `name` applied, printed.
fn only(name: &str, src: &str) -> String {
    let rules: Vec<(&str, Rule)> = RULES.iter().copied().filter(|(n, _)| *n == name).collect();
    assert_eq!(rules.len(), 1, "no rule named {name}");
    let (mut sp, e) = raw(src);
    let r = simplify_with(&mut sp.pool, e, &rules);
    expr_text(&sp.pool, r)
}

/// The canonical form alone (no rules).
fn canon(src: &str) -> String {
    let (sp, e) = raw(src);
    expr_text(&sp.pool, e)
}

#[test]
fn constant_folding_is_exact() {
    assert_eq!(canon("f = 1/3 + 1/6"), "0.5");
    assert_eq!(canon("f = 2^10 - 1000"), "24");
    assert_eq!(canon("f = 4^(1/2) + 8^(-1/3)"), "2.5");
    assert_eq!(canon("f = 0.1 + 0.2"), "0.3");
    assert_eq!(canon("f = 2^(1/2)"), "2^0.5");
}

#[test]
fn identities() {
    assert_eq!(canon("f = x + 0"), "x");
    assert_eq!(canon("f = 1 x"), "x");
    assert_eq!(canon("f = 0 x + y"), "y");
    assert_eq!(canon("f = x^0 + y^1"), "y + 1");
}

#[test]
fn powers_of_one_base_merge() {
    assert_eq!(canon("f = x x^2 x^(-1/2)"), "x^2.5");
    assert_eq!(canon("f = x/x"), "1");
    assert_eq!(canon("f = (x^2)^3"), "x^6");
    assert_eq!(canon("f = (2 x)^2"), "4 x^2");
}

#[test]
fn like_terms_collect() {
    assert_eq!(canon("f = 2x + 3x - x y + 4 y x"), "5 x + 3 x y");
    assert_eq!(canon("f = x - x"), "0");
    assert_eq!(canon("f = sum_i a[i] + sum_j a[j]"), "2 sum_i a[i]");
    assert_eq!(canon("f = -(a - b)"), "b - a");
}

#[test]
fn sum_split() {
    assert_eq!(
        only("sum_split", "f = sum_i (a[i] + b[i])"),
        "sum_i a[i] + sum_i b[i]"
    );
}

#[test]
fn sum_pull() {
    assert_eq!(only("sum_pull", "f = sum_i c b a[i]"), "b c sum_i a[i]");
    assert_eq!(
        only("sum_pull", "f[k] = sum_i a[i] b[k]"),
        "b[k] sum_i a[i]"
    );
}

#[test]
fn const_body() {
    assert_eq!(only("const_body", "f = sum_{i=1}^{N} b"), "N b");
    assert_eq!(only("const_body", "f = prod_{i=1}^{N} b"), "b^N");
    assert_eq!(only("const_body", "f = sum_{i=3}^{1} b"), "0");
    // An inferred extent has no name to multiply by: the sum stays.
    assert_eq!(only("const_body", "f[k] = sum_i b + 0 a[k]"), "sum_i b");
}

#[test]
fn empty_range() {
    assert_eq!(only("empty_range", "f[i] = sum_{j=1}^{0} delta[i,j]"), "0");
    assert_eq!(only("empty_range", "f = prod_{j=3}^{1} x[j]"), "1");
    assert_eq!(
        only("empty_range", "f = sum_{j=0}^{0} x[j]"),
        "sum_{j=0}^{0} x[j]"
    );
    assert_eq!(
        only("empty_range", "f = sum_{j=1}^{N} x[j]"),
        "sum_{j=1}^{N} x[j]"
    );
}

#[test]
fn delta_contract() {
    assert_eq!(
        only("delta_contract", "f[k] = sum_j X[j] delta[j,k]"),
        "X[k]"
    );
    assert_eq!(
        only("delta_contract", "f[i,k] = sum_j delta[i,j] delta[j,k]"),
        "delta[i,k]"
    );
    assert_eq!(canon("f[i] = delta[i,i] a[i]"), "a[i]");
    // Bounds that do not make it exact: the delta stays, correct.
    assert_eq!(
        only("delta_contract", "f[k] = sum_{j=1}^{2} x[j] delta[j,k]"),
        "sum_{j=1}^{2} x[j] delta[k,j]"
    );
    // An inferred index against written bounds: exact only where the
    // bounds are known to fit an axis the inferred index runs over.
    assert_eq!(
        only("delta_contract", "f = sum_{k=0}^{4} sum_j delta[j,k] T[k]"),
        "sum_{k=0}^{4} sum_j T[k] delta[j,k]"
    );
    assert_eq!(
        only(
            "delta_contract",
            "f = sum_{k=0}^{1} T[k] sum_j x[j] delta[j,k]"
        ),
        "sum_{k=0}^{1} T[k] sum_j x[j] delta[j,k]"
    );
    assert_eq!(
        only(
            "delta_contract",
            "f = sum_{k=0}^{1} x[k] sum_j x[j] delta[j,k]"
        ),
        "sum_{k=0}^{1} x[k]^2"
    );
    // Constant bounds, k's range inside j's: exact.
    assert_eq!(
        only(
            "delta_contract",
            "f = sum_{k=1}^{2} sum_{j=0}^{5} x[j] delta[j,k]"
        ),
        "sum_{k=1}^{2} x[k]"
    );
    // The same bounds on both sides: exact.
    assert_eq!(
        only(
            "delta_contract",
            "f = sum_{k=0}^{2} sum_{j=0}^{2} x[j] delta[j,k]"
        ),
        "sum_{k=0}^{2} x[k]"
    );
}

#[test]
fn delta_distribute() {
    let out = only("delta_distribute", "f[k] = sum_j a[j] (b[j] + delta[j,k])");
    assert_eq!(out, "sum_j (a[j] b[j] + a[j] delta[k,j])");
}

#[test]
fn log_rules() {
    // Signs are kept: where the product's log is finite the product is
    // positive, so the logs of the factors' absolute values add up to it.
    assert_eq!(
        only("log_prod", "f = log(prod_i x[i])"),
        "sum_i log(abs(x[i]))"
    );
    assert_eq!(
        only("log_prod", "f = log(prod_i exp(x[i]))"),
        "sum_i log(exp(x[i]))"
    );
    assert_eq!(
        only("log_prod", "f = log(prod_i (1 + x[i]^2))"),
        "sum_i log(x[i]^2 + 1)"
    );
    assert_eq!(only("log_pow", "f = log(x^3)"), "3 log(x)");
    // An even power is positive for negative x too: the sign is kept.
    assert_eq!(only("log_pow", "f = log(x^2)"), "2 log(abs(x))");
    assert_eq!(only("log_pow", "f = log(x^-4)"), "-4 log(abs(x))");
    assert_eq!(only("log_pow", "f = log(x^(1/2))"), "0.5 log(x)");
    assert_eq!(
        only("log_mul", "f = log(2 x y)"),
        "log(abs(x)) + log(abs(y)) + log(2)"
    );
    assert_eq!(only("log_mul", "f = log(-2 x)"), "log(abs(x)) + log(2)");
    assert_eq!(
        only("log_mul", "f = log(exp(x) / sum_j exp(z[j]))"),
        "log(exp(x)) + log((sum_j exp(z[j]))^-1)"
    );
    assert_eq!(only("log_exp", "f = log(exp(x + 1))"), "x + 1");
    assert_eq!(only("exp_log", "f = exp(log(x))"), "x");
}

#[test]
fn every_rule_has_a_test() {
    let tested = [
        "sum_split",
        "sum_pull",
        "const_body",
        "empty_range",
        "delta_contract",
        "delta_distribute",
        "log_prod",
        "log_pow",
        "log_mul",
        "log_exp",
        "exp_log",
    ];
    for (name, _) in RULES {
        assert!(tested.contains(name), "rule {name} has no test");
    }
}

#[test]
fn fuel_bounds_the_work() {
    // A long chain of nested sums of deltas reaches its fixpoint.
    let mut src = String::from("f[a0,a8] = ");
    for k in 1..8 {
        src += &format!("sum_{{a{k}}} delta[a{},a{k}] ", k - 1);
    }
    src += "delta[a7,a8]";
    let (mut sp, e) = raw(&src);
    let r = super::simplify::simplify(&mut sp.pool, e);
    assert_eq!(expr_text(&sp.pool, r), "delta[a0,a8]");
}
