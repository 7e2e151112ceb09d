//! Property tests of the symbolic engine (`src/sym/`), checked against the
//! reference interpreter.
//!
//! Programs come from the generator of `tests/props.rs`, extended: three
//! definitions `s0`, `y1[i]`, `M2[i,j]` and a last statement over inputs
//! `A[i,j]`, `x[i]` and scalars `c`, `N` (sums, products, bounded ranges,
//! implicit summation, deltas, index values, references to earlier
//! definitions, exp/tanh/sin/cos/abs/sign/max/min, integer powers). They
//! respect the engine's domain assumptions (README, "The symbolic engine"):
//! `log`, `sqrt`, fractional and negative powers and divisors apply only to
//! positive expressions (`exp(tanh(E))`, `1 + E^2`, `2 + sin(E)`,
//! `1 + sum_k exp(tanh(x[k] E))`, `prod_k (2 + sin(x[k] E))`), and no
//! written range is shorter than empty. "Smooth" programs leave out
//! abs/sign/max/min and keep every factor of a product nonzero.
//!
//! (1) Simplification preserves values: `SymProgram::parse(P).text()`, and
//!     the lowered program raised straight back, evaluate to what P
//!     evaluates to, definition by definition, on the same inputs (relative
//!     tolerance 1e-9 of a bound on the magnitudes involved; a case whose
//!     original values are not all finite is skipped).
//! (2) Simplification is idempotent and (3) printing round-trips: for the
//!     simplified text T, `parse(T).text() == T`; on the programs of (1),
//!     on smooth programs, and on printed derivative programs (first and
//!     second order, and what `SymProgram::diff` + `program_text` print).
//! (4) Derivatives match central finite differences of the interpreter: for
//!     a smooth program ending in a scalar `L` that reads `x` (length 2-4),
//!     `c` and every earlier definition, `g[a] = diff(L, x[a])` and
//!     `dc = diff(L, c)` agree with first differences of `L`;
//!     `H[a,b] = diff(diff(L, x[a]), x[b])` and
//!     `Hc[a] = diff(diff(L, x[a]), c)` with second differences (and H is
//!     symmetric); the derivatives of `G = sum_b g[b]^2 + c dc` (a
//!     definition built from derivatives) with first differences of G. The
//!     differences are Richardson-extrapolated from steps h and 2h (h = 1e-4
//!     for first, 1e-3 for second order), with tolerance 1e-4 (first) and
//!     1e-3 (second) relative and absolute, widened by how much the two
//!     steps disagree; cases with values above 1e3 or slopes above 100 are
//!     skipped. The printed derivative programs run under `eval` with the
//!     same inputs and give what `eval` of `diff(...)` gave.
//!
//! Each property runs 64 or 128 cases (`PROPTEST_CASES` overrides); failures
//! are saved in `tests/sym_props.proptest-regressions`. At the end, cases
//! the properties found, minimised by hand, as plain tests.

mod common;
use common::scope::{Kind, ROW_IMPLICIT, Scope};
use ndarray::{ArrayD, IxDyn};
use proptest::prelude::*;
use proptest::strategy::Union;
use proptest::test_runner::FileFailurePersistence;
use ricci::SymProgram;
use ricci::interp::eval;
use ricci::runtime::args::Args;
use ricci::runtime::values::Tensor;
use ricci::sema::{self, Program};
use std::collections::BTreeSet;

const FILE: &str = "<program>";

/// `cases` cases (or `PROPTEST_CASES` when set, for a longer hunt).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// The generator (adapted from tests/props.rs)
// ---------------------------------------------------------------------------

/// A generated expression before names are chosen. `u8` slots pick among
/// the indices in scope when the program is printed.
#[derive(Clone, Debug)]
enum Node {
    /// An index into [`CONSTS`].
    Const(u8),
    /// The scalar parameter `c`.
    C,
    /// `x[row]`.
    X(u8),
    /// `A[row, col]`.
    A(u8, u8),
    /// The value of an index in scope.
    Idx(u8),
    /// `delta[a, b]` of two indices in scope.
    Delta(u8, u8),
    /// An earlier definition: `s0`, `y1[row]` or `M2[row, col]`.
    Prev(u8),
    Neg(Box<Node>),
    /// Terms, each with `true` for a minus sign.
    Add(Vec<(bool, Node)>),
    /// Factors; `true`: juxtaposed rather than joined by `*`.
    Mul(Vec<Node>, bool),
    /// `(E)^2`.
    Sq(Box<Node>),
    /// `(E)^3`.
    Cube(Box<Node>),
    /// A function (an index into [`FUNCS`] or [`SMOOTH_FUNCS`]).
    Call(u8, Box<Node>),
    /// `max(a, b)` (`false`) or `min(a, b)` (`true`); not smooth.
    MaxMin(bool, Box<Node>, Box<Node>),
    /// An index into [`POS_OPS`] applied to a positive wrapper ([`POS`]) of E.
    PosOp(u8, u8, Box<Node>),
    /// `a / P(b)`, P a positive wrapper.
    Div(Box<Node>, u8, Box<Node>),
    /// `sum_k x[k] (E)` over a row index, or `sum_{k,l} A[k,l] (E)` over a
    /// row and a column index; the extents are inferred.
    Sum {
        col: bool,
        prod: bool,
        name: u8,
        style: u8,
        body: Box<Node>,
    },
    /// `sum_{k=lo}^{hi} E`, with `hi` clamped to the last valid subscript.
    Bounded {
        col: bool,
        prod: bool,
        name: u8,
        lo: u8,
        hi: u8,
        style: u8,
        body: Box<Node>,
    },
}

const CONSTS: [&str; 5] = ["0", "1", "2", "3", "0.5"];
const FUNCS: [&str; 6] = ["exp", "tanh", "abs", "sin", "cos", "sign"];
const SMOOTH_FUNCS: [&str; 4] = ["exp", "tanh", "sin", "cos"];
/// Operations on a positive expression: `sqrt`, `log`, or a power (the
/// exponent's text and value).
const POS_OPS: [(&str, f64); 8] = [
    ("sqrt", 0.5),
    ("log", 0.0),
    ("-1", -1.0),
    ("-2", -2.0),
    ("(1/2)", 0.5),
    ("1.5", 1.5),
    ("(-1/3)", -1.0 / 3.0),
    ("{3/2}", 1.5),
];
/// Positive wrappers of an expression: `exp(tanh(E))`, `(1 + (E)^2)`,
/// `(2 + sin(E))`, `(1 + sum_k exp(tanh(x[k] E)))` (a softmax's divisor),
/// `(prod_k (2 + sin(x[k] E)))` (a log of it becomes a sum of logs), with a
/// lower bound of each.
const POS: [f64; 5] = [1.0 / std::f64::consts::E, 1.0, 1.0, 1.0, 1.0];
/// Binder names by kind; a reused name shadows the outer one.
const ROW_BINDERS: [&str; 2] = ["k", "r"];
const COL_BINDERS: [&str; 2] = ["l", "t"];
/// Expressions; `smooth`: no `abs`, `sign`, `max`, `min`.
fn node(smooth: bool) -> BoxedStrategy<Node> {
    let leaf = prop_oneof![
        (0u8..5).prop_map(Node::Const),
        Just(Node::C),
        any::<u8>().prop_map(Node::X),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Node::A(a, b)),
        any::<u8>().prop_map(Node::Idx),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Node::Delta(a, b)),
        any::<u8>().prop_map(Node::Prev),
    ];
    leaf.prop_recursive(4, 24, 4, move |inner| {
        let boxed = inner.clone().prop_map(Box::new);
        let mut arms: Vec<BoxedStrategy<Node>> = vec![
            boxed.clone().prop_map(Node::Neg).boxed(),
            prop::collection::vec((any::<bool>(), inner.clone()), 2..=4)
                .prop_map(Node::Add)
                .boxed(),
            (prop::collection::vec(inner.clone(), 2..=4), any::<bool>())
                .prop_map(|(v, j)| Node::Mul(v, j))
                .boxed(),
            boxed.clone().prop_map(Node::Sq).boxed(),
            boxed.clone().prop_map(Node::Cube).boxed(),
            (any::<u8>(), boxed.clone())
                .prop_map(|(f, e)| Node::Call(f, e))
                .boxed(),
            (0u8..8, 0u8..5, boxed.clone())
                .prop_map(|(op, w, e)| Node::PosOp(op, w, e))
                .boxed(),
            (boxed.clone(), 0u8..5, boxed.clone())
                .prop_map(|(a, w, b)| Node::Div(a, w, b))
                .boxed(),
            (
                any::<bool>(),
                any::<bool>(),
                any::<u8>(),
                any::<u8>(),
                boxed.clone(),
            )
                .prop_map(|(col, prod, name, style, body)| Node::Sum {
                    col,
                    prod,
                    name,
                    style,
                    body,
                })
                .boxed(),
            (
                any::<bool>(),
                any::<bool>(),
                any::<u8>(),
                0u8..2,
                0u8..4,
                any::<u8>(),
                boxed.clone(),
            )
                .prop_map(|(col, prod, name, lo, hi, style, body)| Node::Bounded {
                    col,
                    prod,
                    name,
                    lo,
                    hi,
                    style,
                    body,
                })
                .boxed(),
        ];
        if !smooth {
            arms.push(
                (any::<bool>(), boxed.clone(), boxed)
                    .prop_map(|(m, a, b)| Node::MaxMin(m, a, b))
                    .boxed(),
            );
        }
        Union::new(arms)
    })
    .boxed()
}

/// A generated expression with its names chosen: printed as text.
#[derive(Clone, Debug)]
enum R {
    Num(&'static str),
    Param(&'static str),
    /// A tensor element: an input (`x`, `A`) or a definition (`y1`, `M2`).
    Elem(&'static str, Vec<String>),
    Idx(String),
    Delta(String, String),
    /// The scalar definition `s0`.
    Scalar,
    Neg(Box<R>),
    Add(Vec<(bool, R)>),
    Mul(Vec<R>, bool),
    Sq(Box<R>),
    Cube(Box<R>),
    Call(&'static str, Box<R>),
    MaxMin(bool, Box<R>, Box<R>),
    /// A positive wrapper (index into [`POS`]) of an expression; the last
    /// two bind an index (named here) over x's axis.
    Pos(u8, Option<String>, Box<R>),
    /// An operation of [`POS_OPS`] on a [`R::Pos`].
    PosOp(u8, Box<R>),
    /// A quotient whose divisor is a [`R::Pos`].
    Div(Box<R>, Box<R>),
    Reduce {
        prod: bool,
        /// Name and inclusive range.
        binders: Vec<(String, i64, i64)>,
        /// The binder head as written (`sum_k`, `∑_{k=0}^{N-1}`, ...).
        head: String,
        body: Box<R>,
    },
}

fn resolve(node: &Node, s: &mut Scope) -> R {
    let one = R::Num("1");
    match node {
        Node::Const(k) => R::Num(CONSTS[*k as usize % CONSTS.len()]),
        Node::C => R::Param("c"),
        Node::X(a) => match s.subscript(Kind::Row, *a) {
            Some(i) => R::Elem("x", vec![i]),
            None => one,
        },
        Node::A(a, b) => match (s.subscript(Kind::Row, *a), s.subscript(Kind::Col, *b)) {
            (Some(i), Some(j)) => R::Elem("A", vec![i, j]),
            _ => one,
        },
        Node::Idx(a) => s.any_index(*a).map_or(one, R::Idx),
        // A delta compares indices of one range (`bind` requires it of
        // inferred extents): the partner is an index of the same kind.
        Node::Delta(a, b) => match s.any_index(*a) {
            Some(i) => {
                let kind = s.names.iter().find(|(n, _)| *n == i).map(|(_, k)| *k);
                let same: Vec<String> = s
                    .names
                    .iter()
                    .filter(|(_, k)| Some(*k) == kind)
                    .map(|(n, _)| n.clone())
                    .collect();
                R::Delta(i, same[*b as usize % same.len()].clone())
            }
            None => one,
        },
        Node::Prev(k) => {
            if s.prev == 0 {
                return R::Num("2");
            }
            match *k as usize % s.prev {
                0 => R::Scalar,
                1 => match s.subscript(Kind::Row, k / 3) {
                    Some(i) => R::Elem("y1", vec![i]),
                    None => R::Scalar,
                },
                _ => match (s.subscript(Kind::Row, k / 3), s.subscript(Kind::Col, k / 5)) {
                    (Some(i), Some(j)) => R::Elem("M2", vec![i, j]),
                    _ => R::Scalar,
                },
            }
        }
        Node::Neg(e) => R::Neg(Box::new(resolve(e, s))),
        Node::Add(terms) => R::Add(terms.iter().map(|(m, t)| (*m, resolve(t, s))).collect()),
        Node::Mul(fs, j) => R::Mul(fs.iter().map(|f| resolve(f, s)).collect(), *j),
        Node::Sq(e) => R::Sq(Box::new(resolve(e, s))),
        Node::Cube(e) => R::Cube(Box::new(resolve(e, s))),
        Node::Call(f, e) => {
            let f = if s.smooth {
                SMOOTH_FUNCS[*f as usize % SMOOTH_FUNCS.len()]
            } else {
                FUNCS[*f as usize % FUNCS.len()]
            };
            let e = resolve(e, s);
            if f == "exp" {
                // Keep exp's argument in [-1, 1] so values stay finite.
                R::Call("exp", Box::new(R::Call("tanh", Box::new(e))))
            } else {
                R::Call(f, Box::new(e))
            }
        }
        Node::MaxMin(min, a, b) => {
            R::MaxMin(*min, Box::new(resolve(a, s)), Box::new(resolve(b, s)))
        }
        Node::PosOp(op, w, e) => R::PosOp(*op, Box::new(positive(*w, e, s))),
        Node::Div(a, w, b) => {
            let a = resolve(a, s);
            R::Div(Box::new(a), Box::new(positive(*w, b, s)))
        }
        Node::Sum {
            col,
            prod,
            name,
            style,
            body,
        } => {
            let depth = s.names.len();
            let k = ROW_BINDERS[*name as usize % 2].to_string();
            let kw = keyword(*prod, *style);
            let (binders, head, guard) = if *col {
                let l = COL_BINDERS[(*name as usize / 2) % 2].to_string();
                s.names.push((k.clone(), Kind::Row));
                s.names.push((l.clone(), Kind::Col));
                (
                    vec![
                        (k.clone(), 0, s.m as i64 - 1),
                        (l.clone(), 0, s.n as i64 - 1),
                    ],
                    format!("{kw}{{{k},{l}}}"),
                    R::Elem("A", vec![k, l]),
                )
            } else {
                s.names.push((k.clone(), Kind::Row));
                let head = if style & 2 == 0 {
                    format!("{kw}{k}")
                } else {
                    format!("{kw}{{{k}}}")
                };
                (
                    vec![(k.clone(), 0, s.m as i64 - 1)],
                    head,
                    R::Elem("x", vec![k]),
                )
            };
            let body = nonzero_factor(*prod, *style, resolve(body, s), s);
            s.names.truncate(depth);
            R::Reduce {
                prod: *prod,
                binders,
                head,
                body: Box::new(R::Mul(vec![guard, body], style & 4 != 0)),
            }
        }
        Node::Bounded {
            col,
            prod,
            name,
            lo,
            hi,
            style,
            body,
        } => {
            let kind = if *col { Kind::Col } else { Kind::Row };
            let k = match kind {
                Kind::Row => ROW_BINDERS[*name as usize % 2],
                Kind::Col => COL_BINDERS[*name as usize % 2],
            }
            .to_string();
            let last = s.ext(kind) as i64 - 1;
            let lo = *lo as i64;
            // A range is at most the axis and at least empty (the engine
            // assumes written bounds never describe a negative length).
            let hi = (*hi as i64).min(last).max(lo - 1);
            let kw = keyword(*prod, *style);
            let hi_text = if kind == Kind::Row && hi == last && style & 8 != 0 {
                "{N-1}".to_string()
            } else if style & 16 != 0 && hi >= 0 {
                hi.to_string()
            } else {
                format!("{{{hi}}}")
            };
            let head = format!("{kw}{{{k}={lo}}}^{hi_text}");
            s.names.push((k.clone(), kind));
            let body = nonzero_factor(*prod, *style, resolve(body, s), s);
            s.names.pop();
            R::Reduce {
                prod: *prod,
                binders: vec![(k, lo, hi)],
                head,
                body: Box::new(body),
            }
        }
    }
}

/// A positive wrapper of an expression; those that bind an index take a
/// row binder.
fn positive(w: u8, e: &Node, s: &mut Scope) -> R {
    let w = w % POS.len() as u8;
    if w < 3 {
        return R::Pos(w, None, Box::new(resolve(e, s)));
    }
    let k = ROW_BINDERS[w as usize % 2].to_string();
    s.names.push((k.clone(), Kind::Row));
    let body = resolve(e, s);
    s.names.pop();
    R::Pos(w, Some(k), Box::new(body))
}

/// The body of a product in a smooth program is positive (a product whose
/// factor vanishes violates the engine's assumption that `x/x` is 1).
fn nonzero_factor(prod: bool, style: u8, body: R, s: &Scope) -> R {
    if prod && s.smooth {
        R::Pos(style % 3, None, Box::new(body))
    } else {
        body
    }
}

/// `sum_`, `prod_`, `∑_` or `∏_`.
fn keyword(prod: bool, style: u8) -> &'static str {
    match (prod, style & 1 != 0) {
        (false, false) => "sum_",
        (false, true) => "∑_",
        (true, false) => "prod_",
        (true, true) => "∏_",
    }
}

fn is_leaf(r: &R) -> bool {
    matches!(
        r,
        R::Num(_) | R::Param(_) | R::Elem(..) | R::Idx(_) | R::Delta(..) | R::Scalar
    )
}

/// The text of an expression; every compound is parenthesised.
fn text(r: &R) -> String {
    match r {
        R::Num(v) => v.to_string(),
        R::Param(p) => p.to_string(),
        R::Elem(t, ix) => format!("{t}[{}]", ix.join(",")),
        R::Idx(i) => i.clone(),
        R::Delta(a, b) => format!("delta[{a},{b}]"),
        R::Scalar => "s0".into(),
        R::Neg(e) => format!("(-{})", text(e)),
        R::Add(terms) => {
            let mut out = String::from("(");
            for (k, (minus, t)) in terms.iter().enumerate() {
                match (k, minus) {
                    (0, false) => {}
                    (0, true) => out.push('-'),
                    (_, false) => out.push_str(" + "),
                    (_, true) => out.push_str(" - "),
                }
                out.push_str(&text(t));
            }
            out.push(')');
            out
        }
        R::Mul(fs, juxtaposed) => {
            let sep = if *juxtaposed { " " } else { " * " };
            format!("({})", fs.iter().map(text).collect::<Vec<_>>().join(sep))
        }
        R::Sq(e) if is_leaf(e) => format!("{}^2", text(e)),
        R::Sq(e) => format!("({})^2", text(e)),
        R::Cube(e) => format!("({})^3", text(e)),
        R::Call(f, e) => format!("{f}({})", text(e)),
        R::MaxMin(min, a, b) => format!(
            "{}({}, {})",
            if *min { "min" } else { "max" },
            text(a),
            text(b)
        ),
        R::Pos(w, k, e) => {
            let k = k.as_deref().unwrap_or("");
            match w {
                0 => format!("exp(tanh({}))", text(e)),
                1 => format!("(1 + ({})^2)", text(e)),
                2 => format!("(2 + sin({}))", text(e)),
                3 => format!("(1 + sum_{k} exp(tanh(x[{k}] {})))", text(e)),
                _ => format!("(prod_{k} (2 + sin(x[{k}] {})))", text(e)),
            }
        }
        R::PosOp(op, p) => match POS_OPS[*op as usize % POS_OPS.len()] {
            ("sqrt", _) => format!("sqrt({})", text(p)),
            ("log", _) => format!("log({})", text(p)),
            (exponent, _) => format!("({})^{exponent}", text(p)),
        },
        R::Div(a, b) => format!("({} / {})", text(a), text(b)),
        R::Reduce { head, body, .. } => format!("({head} {})", text(body)),
    }
}

/// An upper bound on the magnitude of an expression (inputs in [-1, 1]),
/// given those of the earlier definitions `s0`, `y1`, `M2`.
fn magnitude(r: &R, defs: &[f64; 3]) -> f64 {
    match r {
        R::Num(v) => v.parse::<f64>().unwrap().abs(),
        R::Param(_) => 1.0,
        R::Elem(t, _) => match *t {
            "y1" => defs[1],
            "M2" => defs[2],
            _ => 1.0,
        },
        R::Idx(_) => 3.0,
        R::Delta(..) => 1.0,
        R::Scalar => defs[0],
        R::Neg(e) => magnitude(e, defs),
        R::Add(terms) => terms.iter().map(|(_, t)| magnitude(t, defs)).sum(),
        R::Mul(fs, _) => fs.iter().map(|f| magnitude(f, defs)).product(),
        R::Sq(e) => magnitude(e, defs).powi(2),
        R::Cube(e) => magnitude(e, defs).powi(3),
        R::Call(f, e) => match *f {
            "exp" => magnitude(e, defs).exp(),
            "abs" => magnitude(e, defs),
            _ => 1.0,
        },
        R::MaxMin(_, a, b) => magnitude(a, defs).max(magnitude(b, defs)),
        R::Pos(w, _, e) => match w {
            0 => std::f64::consts::E,
            1 => 1.0 + magnitude(e, defs).powi(2),
            2 => 3.0,
            // x has at most 3 elements.
            3 => 1.0 + 3.0 * std::f64::consts::E,
            _ => 27.0,
        },
        R::PosOp(op, p) => {
            let (up, low) = (magnitude(p, defs), lower(p));
            match POS_OPS[*op as usize % POS_OPS.len()] {
                ("log", _) => up.ln().max(-low.ln()).max(1.0),
                (_, e) if e >= 0.0 => up.powf(e),
                (_, e) => low.powf(e),
            }
        }
        R::Div(a, b) => magnitude(a, defs) / lower(b),
        R::Reduce {
            prod,
            binders,
            body,
            ..
        } => {
            let len: f64 = binders
                .iter()
                .map(|(_, lo, hi)| (hi - lo + 1).max(0) as f64)
                .product();
            let b = magnitude(body, defs);
            if *prod { b.max(1.0).powf(len) } else { b * len }
        }
    }
}

/// A lower bound of a positive wrapper.
fn lower(r: &R) -> f64 {
    match r {
        R::Pos(w, ..) => POS[*w as usize],
        _ => unreachable!("only positive wrappers divide"),
    }
}

/// A statement's right-hand side, resolved, with the implicit indices it
/// sums over.
struct Rhs {
    expr: R,
    implicit: Vec<Kind>,
}

fn rhs(
    node: &Node,
    m: usize,
    n: usize,
    smooth: bool,
    axes: &[(&str, Kind)],
    implicit: bool,
    prev: usize,
) -> Rhs {
    let mut s = Scope {
        m,
        n,
        smooth,
        names: axes.iter().map(|(a, k)| (a.to_string(), *k)).collect(),
        implicit,
        used_implicit: BTreeSet::new(),
        prev,
    };
    let body = resolve(node, &mut s);
    // Each axis must subscript a tensor, so that its extent is inferred.
    let expr = match axes {
        [] => body,
        [(i, _)] => R::Mul(vec![R::Elem("x", vec![i.to_string()]), body], false),
        _ => R::Mul(
            vec![R::Elem("A", vec![axes[0].0.into(), axes[1].0.into()]), body],
            false,
        ),
    };
    let implicit = s
        .used_implicit
        .iter()
        .map(|&p| {
            if p == ROW_IMPLICIT {
                Kind::Row
            } else {
                Kind::Col
            }
        })
        .collect();
    Rhs { expr, implicit }
}

/// How many points a definition's implicit summation adds up.
fn implicit_factor(r: &Rhs, m: usize, n: usize) -> f64 {
    r.implicit
        .iter()
        .map(|k| if *k == Kind::Row { m } else { n }.max(1) as f64)
        .product()
}

/// Four statements `s0 = ...`, `y1[i] = ...`, `M2[i,j] = ...` and a last one
/// (a scalar definition named `last`, else a bare expression), with a
/// magnitude bound for each.
fn program(
    trees: &[Node; 4],
    m: usize,
    n: usize,
    smooth: bool,
    last: Option<&str>,
) -> (String, [f64; 4]) {
    let row = [("i", Kind::Row)];
    let both = [("i", Kind::Row), ("j", Kind::Col)];
    let rs = [
        rhs(&trees[0], m, n, smooth, &[], true, 0),
        rhs(&trees[1], m, n, smooth, &row, true, 1),
        rhs(&trees[2], m, n, smooth, &both, true, 2),
        rhs(&trees[3], m, n, smooth, &[], last.is_some(), 3),
    ];
    let mut mags = [0.0; 4];
    for k in 0..4 {
        let defs = [mags[0], mags[1], mags[2]];
        mags[k] = magnitude(&rs[k].expr, &defs) * implicit_factor(&rs[k], m, n);
    }
    let src = format!(
        "s0 = {}\ny1[i] = {}\nM2[i,j] = {}\n{}",
        text(&rs[0].expr),
        text(&rs[1].expr),
        text(&rs[2].expr),
        match last {
            Some(name) => format!("{name} = {}", text(&rs[3].expr)),
            None => text(&rs[3].expr),
        }
    );
    (src, mags)
}

// ---------------------------------------------------------------------------
// Running programs
// ---------------------------------------------------------------------------

/// Inputs `x` (length m), `A` (m×n) and parameters `c`, `N` (= m).
#[derive(Clone, Debug)]
struct Inputs {
    m: usize,
    n: usize,
    x: Vec<f64>,
    a: Vec<f64>,
    c: f64,
}

fn t64(shape: &[usize], v: &[f64]) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v.to_vec()).unwrap())
}

/// The arguments a checked program takes, from `inp`.
fn args_for(program: &Program, inp: &Inputs) -> Result<Args, String> {
    let mut args = Args::new();
    for input in &program.inputs {
        match input.name.as_str() {
            "x" => args = args.tensor("x", t64(&[inp.m], &inp.x[..inp.m])),
            "A" => args = args.tensor("A", t64(&[inp.m, inp.n], &inp.a[..inp.m * inp.n])),
            other => return Err(format!("unexpected input {other}")),
        }
    }
    for p in &program.params {
        match p.name.as_str() {
            "c" => args = args.param("c", inp.c),
            "N" => args = args.param("N", inp.m as f64),
            other => return Err(format!("unexpected parameter {other}")),
        }
    }
    Ok(args)
}

/// Checks and evaluates `src` on `inp`; every value flattened.
fn run(src: &str, inp: &Inputs) -> Result<Vec<Vec<f64>>, String> {
    let program = sema::check_source(src)
        .map_err(|e| format!("does not check:\n{src}\n{}", e.render(FILE, src)))?;
    run_checked(&program, src, inp)
}

fn run_checked(program: &Program, src: &str, inp: &Inputs) -> Result<Vec<Vec<f64>>, String> {
    let args = args_for(program, inp).map_err(|e| format!("{e} in\n{src}"))?;
    let values = eval(program, &args)
        .map_err(|e| format!("does not evaluate:\n{src}\n{}", e.render(FILE, src)))?;
    Ok(values
        .iter()
        .map(|t| t.to_f64().iter().copied().collect())
        .collect())
}

fn sym(src: &str) -> Result<SymProgram, TestCaseError> {
    SymProgram::parse(src).map_err(|e| {
        TestCaseError::fail(format!(
            "the symbolic engine rejects\n{src}\n{}",
            e.render(FILE, src)
        ))
    })
}

/// Whether `got` is `want` within `rel` of `scale` (or of `want`).
fn close(got: f64, want: f64, rel: f64, scale: f64) -> bool {
    (got - want).abs() <= rel * scale.max(want.abs()).max(1.0)
}

// ---------------------------------------------------------------------------
// (1)-(3) Simplification
// ---------------------------------------------------------------------------

/// One generated program and its inputs.
#[derive(Clone, Debug)]
struct Case {
    inp: Inputs,
    trees: [Node; 4],
}

fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![-1.0f64..=1.0, Just(0.0), Just(1.0), Just(-1.0)]
}

fn case(smooth: bool) -> impl Strategy<Value = Case> {
    (
        0usize..4,
        0usize..4,
        prop::collection::vec(unit(), 3),
        prop::collection::vec(unit(), 9),
        unit(),
        [node(smooth), node(smooth), node(smooth), node(smooth)],
    )
        .prop_map(|(m, n, x, a, c, trees)| Case {
            inp: Inputs { m, n, x, a, c },
            trees,
        })
}

/// The program of a case: three definitions and a bare expression.
fn case_program(case: &Case, smooth: bool) -> (String, [f64; 4]) {
    program(&case.trees, case.inp.m, case.inp.n, smooth, None)
}

/// (1): the simplified program, as text and as raised back to a checked
/// program, evaluates to the original's values.
fn check_values(case: &Case, smooth: bool) -> Result<(), TestCaseError> {
    let (src, mags) = case_program(case, smooth);
    let want = run(&src, &case.inp).map_err(TestCaseError::fail)?;
    if want.iter().flatten().any(|v| !v.is_finite()) {
        return Ok(());
    }
    let sp = sym(&src)?;
    let simplified = sp.text();
    let (raised, new_id) = sp.raise();
    // The raised program's own statements (hidden shared ones left out).
    let own = |v: Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        new_id[..want.len().min(new_id.len())]
            .iter()
            .filter_map(|d| d.and_then(|d| v.get(d.index()).cloned()))
            .collect()
    };
    for (how, got) in [
        ("printed", run(&simplified, &case.inp)),
        (
            "raised",
            run_checked(&raised, &simplified, &case.inp).map(own),
        ),
    ] {
        let got = got.map_err(|e| TestCaseError::fail(format!("{how}: {e}\nfrom\n{src}")))?;
        prop_assert_eq!(
            got.len(),
            want.len(),
            "{}:\n{}\nfrom\n{}",
            how,
            simplified,
            src
        );
        for (k, (g, w)) in got.iter().zip(&want).enumerate() {
            prop_assert_eq!(g.len(), w.len(), "{}:\n{}\nfrom\n{}", how, simplified, src);
            for (gv, wv) in g.iter().zip(w) {
                prop_assert!(
                    close(*gv, *wv, 1e-9, mags[k]),
                    "statement {k} ({how}): simplified {gv}, original {wv}\n{simplified}\nfrom\n{src}"
                );
            }
        }
    }
    Ok(())
}

/// (2), (3): simplifying the simplified text changes nothing.
fn check_round_trip(case: &Case, smooth: bool) -> Result<(), TestCaseError> {
    let (src, _) = case_program(case, smooth);
    let once = sym(&src)?.text();
    let twice = sym(&once)?.text();
    prop_assert_eq!(&twice, &once, "from\n{}", src);
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn simplify_preserves_values(case in case(false)) {
        check_values(&case, false)?;
    }

    #[test]
    fn simplify_is_idempotent_and_prints_what_it_parses(case in case(false)) {
        check_round_trip(&case, false)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn smooth_programs_simplify_to_equal_values(case in case(true)) {
        check_values(&case, true)?;
    }

    #[test]
    fn smooth_programs_print_what_they_parse(case in case(true)) {
        check_round_trip(&case, true)?;
    }
}

// ---------------------------------------------------------------------------
// (4) Derivatives against finite differences
// ---------------------------------------------------------------------------

/// In ±[0.2, 1]: inputs are never 0 (factors of products stay nonzero).
fn nonzero() -> impl Strategy<Value = f64> {
    (any::<bool>(), 0.2f64..=1.0).prop_map(|(neg, v)| if neg { -v } else { v })
}

fn dcase() -> impl Strategy<Value = Case> {
    (2usize..=4, 1usize..=3)
        .prop_flat_map(|(m, n)| {
            (
                Just(m),
                Just(n),
                prop::collection::vec(nonzero(), m),
                prop::collection::vec(nonzero(), m * n),
                nonzero(),
                [node(true), node(true), node(true), node(true)],
            )
        })
        .prop_map(|(m, n, x, a, c, trees)| Case {
            inp: Inputs { m, n, x, a, c },
            trees,
        })
}

/// The forward program: `s0`, `y1`, `M2`, and `L`, which always reads `x`,
/// `c` and every earlier definition (besides whatever its random tree
/// reads), so derivatives go through the definitions.
fn forward(case: &Case) -> String {
    let (src, _) = program(&case.trees, case.inp.m, case.inp.n, true, Some("L"));
    format!("{src} + c (sum_k x[k]^2) + sum_{{k,l}} tanh(M2[k,l]) sin(y1[k] + s0)")
}

/// `inp` with `x[k]` moved by `dx` and `c` by `dc`.
fn moved(inp: &Inputs, k: usize, dx: f64, dc: f64) -> Inputs {
    let mut out = inp.clone();
    out.x[k] += dx;
    out.c += dc;
    out
}

/// A direction of the inputs: `x[k]`, or `c` for `None`.
type Dir = Option<usize>;

fn step(inp: &Inputs, dir: Dir, by: f64) -> Inputs {
    match dir {
        Some(k) => moved(inp, k, by, 0.0),
        None => moved(inp, 0, 0.0, by),
    }
}

/// A finite-difference estimate: Richardson's extrapolation of central
/// differences at steps h and 2h, and how far those two disagree (a bound on
/// the estimate's error where the function is too wiggly for step h).
struct Estimate {
    value: f64,
    spread: f64,
}

fn richardson(
    at: impl Fn(f64) -> Result<f64, TestCaseError>,
    h: f64,
) -> Result<Estimate, TestCaseError> {
    let (d1, d2) = (at(h)?, at(2.0 * h)?);
    Ok(Estimate {
        value: (4.0 * d1 - d2) / 3.0,
        spread: (d1 - d2).abs(),
    })
}

fn check_derivatives(case: &Case) -> Result<(), TestCaseError> {
    let inp = &case.inp;
    let m = inp.m;
    let src = forward(case);
    let program = sema::check_source(&src).map_err(|e| {
        TestCaseError::fail(format!("does not check:\n{src}\n{}", e.render(FILE, &src)))
    })?;
    let values = |p: &Inputs| run_checked(&program, &src, p).map_err(TestCaseError::fail);
    // Values and slopes must be moderate for finite differences to mean
    // much (a slope of 100 already makes `sin` of it turn in 0.06).
    if values(inp)?
        .iter()
        .flatten()
        .any(|v| !v.is_finite() || v.abs() > 1e3)
    {
        return Ok(());
    }
    let loss = |p: &Inputs| Ok::<f64, TestCaseError>(values(p)?[3][0]);
    let dirs: Vec<Dir> = (0..m).map(Some).chain([None]).collect();
    let mut slopes = Vec::new();
    for &dir in &dirs {
        let slope = richardson(
            |h| Ok((loss(&step(inp, dir, h))? - loss(&step(inp, dir, -h))?) / (2.0 * h)),
            1e-4,
        )?;
        if !slope.value.is_finite() || slope.value.abs() > 100.0 {
            return Ok(());
        }
        slopes.push(slope);
    }

    // First order: dL/dx[k] and dL/dc.
    let first = format!("{src}\ng[a] = diff(L, x[a])\ndc = diff(L, c)");
    let got = run(&first, inp).map_err(TestCaseError::fail)?;
    prop_assert_eq!(got.len(), 6);
    prop_assert_eq!(got[4].len(), m);
    // What `ricci diff` prints, and the whole simplified program, run under
    // `eval` with the same inputs and give what `eval` gave.
    for (wrt, want) in [("x[a]", &got[4]), ("c", &got[5])] {
        let mut sp = sym(&src)?;
        let d = sp.diff(Some("L"), wrt).map_err(|e| {
            TestCaseError::fail(format!(
                "diff(L, {wrt}) fails:\n{src}\n{}",
                e.render(FILE, &src)
            ))
        })?;
        let printed = sp.program_text(&[d]);
        check_printed(&printed, inp, &[(sp.def_name(d), want)], &src)?;
    }
    check_printed(
        &sym(&first)?.text(),
        inp,
        &[("g", &got[4]), ("dc", &got[5])],
        &first,
    )?;
    let grads = got[4].iter().chain(&got[5]);
    for ((&dir, want), &g) in dirs.iter().zip(&slopes).zip(grads) {
        prop_assert!(
            close(g, want.value, 1e-4, 0.0) || (g - want.value).abs() <= want.spread,
            "dL/d{}: diff gives {g}, finite differences {} (spread {})\n{first}\non {inp:?}\n\
             simplified:\n{}",
            name(dir),
            want.value,
            want.spread,
            sym(&first)?.text()
        );
    }

    // Derivatives of a definition built from derivatives (a gradient's
    // squared norm, as in a gradient penalty), against first differences
    // of its value as `eval` computes it.
    let penalty =
        format!("{first}\nG = sum_b g[b]^2 + c dc\ndG[b] = diff(G, x[b])\ndGc = diff(G, c)");
    let got = run(&penalty, inp).map_err(TestCaseError::fail)?;
    prop_assert_eq!(got.len(), 9);
    let first_program = sema::check_source(&first).map_err(|e| {
        TestCaseError::fail(format!(
            "does not check:\n{first}\n{}",
            e.render(FILE, &first)
        ))
    })?;
    // Lowered once: `eval` would lower the program at every step.
    let (raised, new_id) = ricci::sym::lower(&first_program)
        .map_err(|e| TestCaseError::fail(e.render(FILE, &first)))?
        .raise();
    let (gk, dck) = match (new_id[4], new_id[5]) {
        (Some(g), Some(dc)) => (g.index(), dc.index()),
        _ => return Err(TestCaseError::fail("g or dc lost in lowering")),
    };
    let norm = |p: &Inputs| {
        let v = run_checked(&raised, &first, p).map_err(TestCaseError::fail)?;
        Ok::<f64, TestCaseError>(v[gk].iter().map(|g| g * g).sum::<f64>() + p.c * v[dck][0])
    };
    prop_assert!(close(got[6][0], norm(inp)?, 1e-9, 0.0), "G:\n{penalty}");
    let grads = got[7].iter().chain(&got[8]);
    for (&dir, &g) in dirs.iter().zip(grads) {
        let want = richardson(
            |h| Ok((norm(&step(inp, dir, h))? - norm(&step(inp, dir, -h))?) / (2.0 * h)),
            1e-4,
        )?;
        prop_assert!(
            close(g, want.value, 1e-4, 0.0) || (g - want.value).abs() <= want.spread,
            "dG/d{}: diff gives {g}, finite differences {} (spread {})\n{penalty}\n\
             on {inp:?}\nsimplified:\n{}",
            name(dir),
            want.value,
            want.spread,
            sym(&penalty)?.text()
        );
    }

    // Second order: d2L/dx[k]dx[l] and d2L/dx[k]dc, against second
    // differences of L.
    let second =
        format!("{src}\nH[a,b] = diff(diff(L, x[a]), x[b])\nHc[a] = diff(diff(L, x[a]), c)");
    let got = run(&second, inp).map_err(TestCaseError::fail)?;
    prop_assert_eq!(got.len(), 6);
    prop_assert_eq!(got[4].len(), m * m);
    prop_assert_eq!(got[5].len(), m);
    check_printed(
        &sym(&second)?.text(),
        inp,
        &[("H", &got[4]), ("Hc", &got[5])],
        &second,
    )?;
    for k in 0..m {
        let others: Vec<(Dir, f64)> = (0..m)
            .map(|l| (Some(l), got[4][k * m + l]))
            .chain([(None, got[5][k])])
            .collect();
        for (dir, hkl) in others {
            if let Some(l) = dir.filter(|&l| l < k) {
                // Checked against differences already: symmetry suffices.
                let hlk = got[4][l * m + k];
                prop_assert!(
                    close(hkl, hlk, 1e-6, 0.0),
                    "d2L/dx[{k}]dx[{l}] is {hkl} but d2L/dx[{l}]dx[{k}] is {hlk}\n{second}\n\
                     on {inp:?}\nsimplified:\n{}",
                    sym(&second)?.text()
                );
                continue;
            }
            let at = |h: f64| {
                let l2 = |sk: f64, sl: f64| loss(&step(&moved(inp, k, sk * h, 0.0), dir, sl * h));
                Ok(
                    (l2(1.0, 1.0)? - l2(1.0, -1.0)? - l2(-1.0, 1.0)? + l2(-1.0, -1.0)?)
                        / (4.0 * h * h),
                )
            };
            let want = richardson(at, 1e-3)?;
            prop_assert!(
                close(hkl, want.value, 1e-3, 0.0) || (hkl - want.value).abs() <= want.spread,
                "d2L/dx[{k}]d{}: diff gives {hkl}, finite differences {} (spread {})\n\
                 {second}\non {inp:?}\nsimplified:\n{}",
                name(dir),
                want.value,
                want.spread,
                sym(&second)?.text()
            );
        }
    }
    Ok(())
}

/// The indices of derivative targets (`x[a]`, `x[b]`); no other statement
/// uses these names.
const TARGET_INDICES: [&str; 2] = ["a", "b"];

/// Runs a program the engine printed and checks that the definitions named
/// in `want` have those values.
fn check_printed(
    printed: &str,
    inp: &Inputs,
    want: &[(&str, &Vec<f64>)],
    from: &str,
) -> Result<(), TestCaseError> {
    let program = sema::check_source(printed).map_err(|e| {
        TestCaseError::fail(format!(
            "the printed program does not check:\n{printed}\n{}\nfrom\n{from}",
            e.render(FILE, printed)
        ))
    })?;
    let mut got = run_checked(&program, printed, inp);
    if got.is_err() {
        // A derivative that does not mention its target's index needs
        // `--dim` for it to run alone (README: the symbolic engine).
        let mut args = args_for(&program, inp).map_err(TestCaseError::fail)?;
        for ix in TARGET_INDICES {
            if program.indices.iter().any(|i| i.name == ix) {
                args = args.dim(ix, inp.m);
            }
        }
        if let Ok(v) = eval(&program, &args) {
            got = Ok(v
                .iter()
                .map(|t| t.to_f64().iter().copied().collect())
                .collect());
        }
    }
    let got = got.map_err(|e| TestCaseError::fail(format!("{e}\nfrom\n{from}")))?;
    for (name, w) in want {
        let Some(k) = program
            .defs
            .iter()
            .position(|d| d.name.as_deref() == Some(name))
        else {
            return Err(TestCaseError::fail(format!(
                "the printed program has no `{name}`:\n{printed}\nfrom\n{from}"
            )));
        };
        prop_assert_eq!(
            got[k].len(),
            w.len(),
            "{}: {}\nfrom\n{}",
            name,
            printed,
            from
        );
        let scale = w.iter().fold(1.0f64, |a, v| a.max(v.abs()));
        for (g, wv) in got[k].iter().zip(w.iter()) {
            prop_assert!(
                close(*g, *wv, 1e-9, scale),
                "{name}: printed program gives {g}, eval gave {wv}\n{printed}\nfrom\n{from}\n\
                 on {inp:?}"
            );
        }
    }
    Ok(())
}

fn name(dir: Dir) -> String {
    match dir {
        Some(k) => format!("x[{k}]"),
        None => "c".into(),
    }
}

/// (2), (3) for derivatives: what `ricci diff` prints and the simplified
/// programs with first and second derivatives are simplified already.
fn check_derivative_round_trip(case: &Case) -> Result<(), TestCaseError> {
    let src = forward(case);
    let mut texts = Vec::new();
    for wrt in ["x[a]", "c"] {
        let mut sp = sym(&src)?;
        let d = sp.diff(Some("L"), wrt).map_err(|e| {
            TestCaseError::fail(format!(
                "diff(L, {wrt}) fails:\n{src}\n{}",
                e.render(FILE, &src)
            ))
        })?;
        texts.push(sp.program_text(&[d]));
    }
    for extra in [
        "g[a] = diff(L, x[a])\ndc = diff(L, c)",
        "H[a,b] = diff(diff(L, x[a]), x[b])\nHc[a] = diff(diff(L, x[a]), c)",
    ] {
        texts.push(sym(&format!("{src}\n{extra}"))?.text());
    }
    for once in texts {
        let twice = sym(&once)?.text();
        prop_assert_eq!(&twice, &once, "from\n{}", src);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn derivative_programs_print_what_they_parse(case in dcase()) {
        check_derivative_round_trip(&case)?;
    }

    #[test]
    fn derivatives_match_finite_differences(case in dcase()) {
        check_derivatives(&case)?;
    }
}

// ---------------------------------------------------------------------------
// Cases the properties found, minimised by hand. Each failed on some
// revision of the engine between 429efa5 and a68b3a5 and passes at f5108da;
// they stay as regression tests.
// ---------------------------------------------------------------------------

/// x of length 3, A of shape 3×2, c.
fn small() -> Inputs {
    Inputs {
        m: 3,
        n: 2,
        x: vec![0.3, -0.7, 0.9],
        a: vec![0.1, 0.2, -0.3, 0.4, 0.5, -0.6],
        c: 0.8,
    }
}

/// The simplified text of `src` runs on `inp` and gives `src`'s values.
#[track_caller]
fn assert_simplified_means_the_same(src: &str, inp: &Inputs) {
    let want = run(src, inp).unwrap();
    let text = SymProgram::parse(src).unwrap().text();
    let got = run(&text, inp).unwrap_or_else(|e| panic!("{e}\nfrom\n{src}"));
    assert_eq!(got.len(), want.len(), "{text}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.len(), w.len(), "{text}");
        for (gv, wv) in g.iter().zip(w) {
            assert!(
                close(*gv, *wv, 1e-12, 0.0),
                "simplified gives {gv}, original {wv}:\n{text}\nfrom\n{src}"
            );
        }
    }
}

#[track_caller]
fn assert_idempotent(src: &str) {
    let once = SymProgram::parse(src).unwrap().text();
    let twice = SymProgram::parse(&once).unwrap().text();
    assert_eq!(twice, once, "simplifying the simplified text of\n{src}");
}

/// `M[i,j] = A[i,j] * 0` once printed as `M[i,j] = 0`, where nothing gives
/// `i` and `j` their extents.
#[test]
fn definition_simplified_to_a_constant_keeps_its_axes() {
    assert_simplified_means_the_same("M[i,j] = A[i,j] * 0", &small());
}

/// The same loss in the raised program that `eval` runs for `diff` made a
/// program that evaluates without its last line fail to bind with it.
#[test]
fn eval_of_diff_beside_a_definition_simplified_to_a_constant() {
    let src = "M[i,j] = A[i,j] * 0\nL = c sum_k x[k]\ng[k] = diff(L, x[k])";
    let got = run(src, &small()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got[2], vec![0.8; 3]);
}

/// Splitting a sum left a term that reads no tensor along the summed index:
/// `sum_p (x[p] + 1)` printed as `sum_p x[p] + sum_p 1`.
#[test]
fn split_sum_keeps_the_extent_of_its_index() {
    assert_simplified_means_the_same("s = sum_p (x[p] + 1)", &small());
    assert_simplified_means_the_same("y[i] = x[i] + x[p]", &small());
}

/// The same through implicit summation and `diff`: `s = x[p] + A[p,q]`
/// became `sum_{p,q} A[p,q] + sum_{p,q} x[p]` (no extent for `q` in the
/// second sum), and `eval` of its derivative failed to bind.
#[test]
fn eval_of_diff_after_a_sum_split() {
    let src = "s = x[p] + A[p,q]\ng[k] = diff(s, x[k])";
    let got = run(src, &small()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got[1], vec![2.0; 3]);
}

/// A derivative constant along its target's index printed as `g[k] = c` or
/// `g[k] = L`; it prints an anchor now (`c + 0 x[k]`), so what `ricci diff`
/// prints runs under `eval` with the same inputs.
#[test]
fn printed_derivative_constant_along_the_target_runs() {
    for src in ["L = c sum_k x[k]", "L = exp(sum_k x[k])"] {
        let mut sp = SymProgram::parse(src).unwrap();
        let d = sp.diff(Some("L"), "x[k]").unwrap();
        let printed = sp.program_text(&[d]);
        let got = run(&printed, &small()).unwrap_or_else(|e| panic!("{e}\nfrom\n{src}"));
        let want = run(&format!("{src}\ng[k] = diff(L, x[k])"), &small()).unwrap();
        assert_eq!(got.last(), want.last(), "{printed}");
    }
}

/// The order of the terms of a printed sum was not canonical: simplifying
/// the printed text again reordered them.
#[test]
fn term_order_is_kept_when_simplified_again() {
    assert_idempotent("s = x[p] + 1 - A[p,q]");
    assert_idempotent("s = -2 / (2 + sin(A[p,q])) - x[p]^3");
    assert_idempotent("y[i] = x[i] delta[i,i]\nM[i,j] = A[i,j] (y[p] - A[i,q])");
}

/// The order of a delta's indices depended on what else the program
/// built: `delta[l,i]` here, and `delta[i,l]` when simplified again.
#[test]
fn delta_index_order_does_not_depend_on_earlier_statements() {
    assert_idempotent("s = sum_{k=1}^{2} c\nM[i,j] = A[i,j] sum_{l=1}^{2} delta[i,l]");
}

/// Equal sums share one node, whose binder names were those of its last
/// use: `s` printed as `prod_{k,l} c A[k,l]`, then (from `u`'s inner
/// product, printed `prod_{k2,l2}`) as `prod_{k,l2} c A[k,l2]`.
#[test]
fn binder_names_do_not_depend_on_later_statements() {
    assert_idempotent("s = prod_{k,l} A[k,l] c\nu = prod_{k,l} A[k,l] prod_{k,l} A[k,l] c");
}

/// A binder is named by its first spelling, and the printer renames a
/// binder that clashes with a free index (`y[i] = x[i] sum_i2 x[i2]`), so
/// the renamed spelling became the first one when the printed text was read
/// again, and `s = sum_i x[i]` then printed as `s = sum_i2 x[i2]`. (Found
/// by `derivative_programs_print_what_they_parse`: a `sum_i` in `dc` after
/// `dL_dy1[i] = ... sum_i2 ...`.)
#[test]
fn renamed_binder_does_not_rename_a_later_statement() {
    assert_idempotent("y[i] = x[i] sum_i x[i]\ns = sum_i x[i]");
}

/// README: `d prod_i f(i)` is exact even where a factor is 0. With
/// x = (0, -0.7, 0.9), the gradient of `prod_k x[k]` is (-0.63, 0, 0).
#[test]
fn derivative_of_a_product_at_a_zero_factor() {
    let inp = Inputs {
        x: vec![0.0, -0.7, 0.9],
        ..small()
    };
    let got = run("L = prod_k x[k]\ng[k] = diff(L, x[k])", &inp).unwrap();
    assert_eq!(got[1], vec![-0.63, 0.0, 0.0]);
}

/// The Hessian of `prod_k x[k]` where a factor is 0: once `0^-1 * 0` = NaN
/// on the diagonal (the derivative of a product used `f^(1 - delta)`); now
/// `f + delta (1 - f)`, with no division. L is linear in each x[k].
#[test]
fn second_derivative_of_a_product_at_a_zero_factor() {
    let inp = Inputs {
        x: vec![0.0, -0.7, 0.9],
        ..small()
    };
    let got = run("L = prod_k x[k]\nH[k,l] = diff(diff(L, x[k]), x[l])", &inp).unwrap();
    assert_eq!(got[1], vec![0.0, 0.9, -0.7, 0.9, 0.0, 0.0, -0.7, 0.0, 0.0]);
}
