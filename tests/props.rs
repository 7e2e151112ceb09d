//! Property tests of the front end and the reference interpreter.
//!
//! (a) Arbitrary text (any string, lossy-decoded bytes, and random mixes of
//!     the language's own tokens) never panics in parse → check → bind →
//!     evaluate, and every error renders.
//! (b) Random small well-formed programs over `A[i,j]`, `x[i]` and a scalar
//!     `c` (sums, products of 2-4 factors, exp/tanh/abs/sin/cos/max/min,
//!     deltas, index values, bounded sums and products, implicit summation,
//!     shadowed binders, references to earlier definitions) parse, check and
//!     bind without error given matching shapes; evaluated on inputs in
//!     [-1, 1] they give finite values that agree with an independent
//!     evaluation of the generated tree.

mod common;
use common::scope::{Kind, ROW_IMPLICIT, Scope};
use ndarray::{ArrayD, IxDyn};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ricci::interp::eval;
use ricci::runtime::args::Args;
use ricci::runtime::values::Tensor;
use ricci::sema::{self, Env, Program};
use ricci::syntax::{ast::sexpr_program, parse_program};
use std::collections::BTreeSet;

const FILE: &str = "<program>";

/// `cases` cases (or `PROPTEST_CASES` when set, for a longer hunt); failures
/// are saved in `tests/props.proptest-regressions`.
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
// (a) Arbitrary input never panics
// ---------------------------------------------------------------------------

const TOKENS: &[&str] = &[
    "x", "A", "[", "]", "i", ",", "j", "(", ")", "+", "-", "*", "/", "^", "sum_", "sum_j", "{",
    "}", "=", "1", "2.5", ";", "\n", "delta", "exp", "diff", "δ", "∑_i",
];

/// Up to 40 tokens, each glued to the next or followed by a blank.
fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), any::<bool>()), 0..=40).prop_map(|v| {
        v.into_iter()
            .map(|(t, blank)| {
                if blank {
                    format!("{t} ")
                } else {
                    t.to_string()
                }
            })
            .collect()
    })
}

/// The extents, parameter values and `--dim`s an arbitrary program is run with.
#[derive(Clone, Debug)]
struct Call {
    /// Axis lengths, used round-robin for every input's axes.
    lengths: Vec<usize>,
    /// Parameter values, used round-robin.
    values: Vec<f64>,
    /// `--dim` extents for the first few index names (0: none given).
    dims: Vec<usize>,
    /// Also pass `--dim` for a name the program does not have.
    stray_dim: bool,
}

fn call() -> impl Strategy<Value = Call> {
    (
        prop::collection::vec(0usize..4, 1..6),
        prop::collection::vec(
            prop_oneof![
                (-3i32..4).prop_map(f64::from),
                Just(2.5),
                Just(-0.5),
                Just(f64::NAN)
            ],
            1..4,
        ),
        prop::collection::vec(0usize..4, 0..4),
        any::<bool>(),
    )
        .prop_map(|(lengths, values, dims, stray_dim)| Call {
            lengths,
            values,
            dims,
            stray_dim,
        })
}

/// Runs text through every stage that exists, rendering every error; returns
/// nothing: the property is that nothing panics.
fn run_anything(src: &str, call: &Call) {
    let ast = match parse_program(src) {
        Ok(a) => a,
        Err(e) => {
            assert!(e.render(FILE, src).starts_with("error"));
            return;
        }
    };
    let _ = sexpr_program(&ast);
    let program = match sema::check(&ast) {
        Ok(p) => p,
        Err(e) => {
            assert!(e.render(FILE, src).starts_with("error"));
            return;
        }
    };
    let mut env = Env::default();
    let mut next_len = call.lengths.iter().copied().cycle();
    for input in &program.inputs {
        let shape = (0..input.rank).map(|_| next_len.next().unwrap()).collect();
        env.shapes.insert(input.name.clone(), shape);
    }
    let mut next_val = call.values.iter().copied().cycle();
    for p in &program.params {
        env.params.insert(p.name.clone(), next_val.next().unwrap());
    }
    let names: BTreeSet<&str> = program.indices.iter().map(|i| i.name.as_str()).collect();
    for (name, &d) in names.iter().zip(&call.dims) {
        if d > 0 {
            env.dims.insert(name.to_string(), d);
        }
    }
    if call.stray_dim {
        env.dims.insert("zz_none".into(), 2);
    }
    let bound = match sema::bind(&program, &env) {
        Ok(b) => b,
        Err(e) => {
            assert!(e.render(FILE, src).starts_with("error"));
            return;
        }
    };
    // Evaluate only when the work is small: every range multiplied together
    // bounds the number of points any definition visits.
    let work = bound
        .ranges
        .iter()
        .fold(1f64, |acc, r| acc * (r.len.max(1) as f64));
    if work > 1e5 {
        return;
    }
    let mut args = Args::new();
    for (name, shape) in &env.shapes {
        let len: usize = shape.iter().product();
        let data = (0..len).map(|k| (k as f64 * 0.37).sin()).collect();
        let a = ArrayD::from_shape_vec(IxDyn(shape), data).unwrap();
        args = args.tensor(name, Tensor::F64(a));
    }
    for (name, &v) in &env.params {
        args = args.param(name, v);
    }
    for (name, &d) in &env.dims {
        args = args.dim(name, d);
    }
    if let Err(e) = eval(&program, &args) {
        assert!(e.render(FILE, src).starts_with("error"));
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn token_soup_never_panics(src in token_soup(), call in call()) {
        run_anything(&src, &call);
    }

    #[test]
    fn arbitrary_strings_never_panic(src in any::<String>(), call in call()) {
        run_anything(&src, &call);
    }

    #[test]
    fn printable_strings_never_panic(
        src in "[a-zA-Z0-9_ +*/^=()\\[\\]{},;.#\n∑∏δ·×−-]{0,80}",
        call in call(),
    ) {
        run_anything(&src, &call);
    }

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..80),
        call in call(),
    ) {
        run_anything(&String::from_utf8_lossy(&bytes), &call);
    }
}

// ---------------------------------------------------------------------------
// (b) Well-formed programs go through and evaluate to finite, right values
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
    /// An index into [`FUNCS`].
    Call(u8, Box<Node>),
    /// `max(a, b)` (`false`) or `min(a, b)` (`true`).
    MaxMin(bool, Box<Node>, Box<Node>),
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
const FUNCS: [&str; 5] = ["exp", "tanh", "abs", "sin", "cos"];
/// Binder names by kind; a reused name shadows the outer one.
const ROW_BINDERS: [&str; 2] = ["k", "r"];
const COL_BINDERS: [&str; 2] = ["l", "t"];
fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        (0u8..5).prop_map(Node::Const),
        Just(Node::C),
        any::<u8>().prop_map(Node::X),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Node::A(a, b)),
        any::<u8>().prop_map(Node::Idx),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Node::Delta(a, b)),
        any::<u8>().prop_map(Node::Prev),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        let boxed = inner.clone().prop_map(Box::new);
        prop_oneof![
            boxed.clone().prop_map(Node::Neg),
            prop::collection::vec((any::<bool>(), inner.clone()), 2..=4).prop_map(Node::Add),
            (prop::collection::vec(inner.clone(), 2..=4), any::<bool>())
                .prop_map(|(v, j)| Node::Mul(v, j)),
            boxed.clone().prop_map(Node::Sq),
            (0u8..5, boxed.clone()).prop_map(|(f, e)| Node::Call(f, e)),
            (any::<bool>(), boxed.clone(), boxed.clone())
                .prop_map(|(m, a, b)| Node::MaxMin(m, a, b)),
            (
                any::<bool>(),
                any::<bool>(),
                any::<u8>(),
                any::<u8>(),
                boxed.clone()
            )
                .prop_map(|(col, prod, name, style, body)| Node::Sum {
                    col,
                    prod,
                    name,
                    style,
                    body
                }),
            (
                any::<bool>(),
                any::<bool>(),
                any::<u8>(),
                0u8..2,
                0u8..4,
                any::<u8>(),
                boxed
            )
                .prop_map(|(col, prod, name, lo, hi, style, body)| Node::Bounded {
                    col,
                    prod,
                    name,
                    lo,
                    hi,
                    style,
                    body
                }),
        ]
    })
}

/// A generated expression with its names chosen: printed as text, and
/// evaluated directly as the oracle.
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
    Call(&'static str, Box<R>),
    MaxMin(bool, Box<R>, Box<R>),
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
        Node::Call(f, e) => {
            let f = FUNCS[*f as usize % FUNCS.len()];
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
            let body = resolve(body, s);
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
            let hi = (*hi as i64).min(last);
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
            let body = resolve(body, s);
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
        R::Call(f, e) => format!("{f}({})", text(e)),
        R::MaxMin(min, a, b) => format!(
            "{}({}, {})",
            if *min { "min" } else { "max" },
            text(a),
            text(b)
        ),
        R::Reduce { head, body, .. } => format!("({head} {})", text(body)),
    }
}

/// Concrete inputs and the values of earlier definitions.
struct Data {
    m: usize,
    n: usize,
    x: Vec<f64>,
    a: Vec<f64>,
    c: f64,
    s0: f64,
    y1: Vec<f64>,
    m2: Vec<f64>,
}

/// Looks an index value up, innermost binding first.
fn lookup(env: &[(String, i64)], name: &str) -> i64 {
    env.iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| *v)
        .unwrap_or_else(|| panic!("oracle: index {name} not in scope"))
}

/// The oracle: evaluates a resolved expression directly.
fn value(r: &R, d: &Data, env: &mut Vec<(String, i64)>) -> f64 {
    match r {
        R::Num(v) => v.parse().unwrap(),
        R::Param(_) => d.c,
        R::Elem(t, ix) => {
            let v: Vec<usize> = ix.iter().map(|i| lookup(env, i) as usize).collect();
            match *t {
                "x" => d.x[v[0]],
                "A" => d.a[v[0] * d.n + v[1]],
                "y1" => d.y1[v[0]],
                _ => d.m2[v[0] * d.n + v[1]],
            }
        }
        R::Idx(i) => lookup(env, i) as f64,
        R::Delta(a, b) => f64::from(u8::from(lookup(env, a) == lookup(env, b))),
        R::Scalar => d.s0,
        R::Neg(e) => -value(e, d, env),
        R::Add(terms) => terms
            .iter()
            .map(|(minus, t)| {
                let v = value(t, d, env);
                if *minus { -v } else { v }
            })
            .sum(),
        R::Mul(fs, _) => fs.iter().map(|f| value(f, d, env)).product(),
        R::Sq(e) => value(e, d, env).powi(2),
        R::Call(f, e) => {
            let v = value(e, d, env);
            match *f {
                "exp" => v.exp(),
                "tanh" => v.tanh(),
                "abs" => v.abs(),
                "sin" => v.sin(),
                _ => v.cos(),
            }
        }
        R::MaxMin(min, a, b) => {
            let (a, b) = (value(a, d, env), value(b, d, env));
            if *min { a.min(b) } else { a.max(b) }
        }
        R::Reduce {
            prod,
            binders,
            body,
            ..
        } => reduce(*prod, binders, body, d, env),
    }
}

fn reduce(
    prod: bool,
    binders: &[(String, i64, i64)],
    body: &R,
    d: &Data,
    env: &mut Vec<(String, i64)>,
) -> f64 {
    let Some(((name, lo, hi), rest)) = binders.split_first() else {
        return value(body, d, env);
    };
    let mut acc = if prod { 1.0 } else { 0.0 };
    for v in *lo..=*hi {
        env.push((name.clone(), v));
        let t = reduce(prod, rest, body, d, env);
        env.pop();
        if prod {
            acc *= t;
        } else {
            acc += t;
        }
    }
    acc
}

/// An upper bound on the magnitude of an expression (inputs in [-1, 1]).
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
        R::Call(f, e) => match *f {
            "exp" => magnitude(e, defs).exp(),
            "abs" => magnitude(e, defs),
            _ => 1.0,
        },
        R::MaxMin(_, a, b) => magnitude(a, defs).max(magnitude(b, defs)),
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

/// One generated program: three definitions and a bare expression.
#[derive(Clone, Debug)]
struct Case {
    m: usize,
    n: usize,
    x: Vec<f64>,
    a: Vec<f64>,
    c: f64,
    trees: [Node; 4],
    /// Statement separators: `true` for `;`, else a newline.
    semis: [bool; 3],
}

fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![-1.0f64..=1.0, Just(0.0), Just(1.0), Just(-1.0)]
}

fn case() -> impl Strategy<Value = Case> {
    (
        0usize..4,
        0usize..4,
        prop::collection::vec(unit(), 3),
        prop::collection::vec(unit(), 9),
        unit(),
        [node(), node(), node(), node()],
        any::<[bool; 3]>(),
    )
        .prop_map(|(m, n, x, a, c, trees, semis)| Case {
            m,
            n,
            x,
            a,
            c,
            trees,
            semis,
        })
}

/// A statement's right-hand side, resolved, with the implicit indices it
/// sums over (name, kind).
struct Rhs {
    expr: R,
    implicit: Vec<(&'static str, Kind)>,
}

fn rhs(node: &Node, m: usize, n: usize, axes: &[(&str, Kind)], implicit: bool, prev: usize) -> Rhs {
    let mut s = Scope {
        smooth: false,
        m,
        n,
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
            (
                p,
                if p == ROW_IMPLICIT {
                    Kind::Row
                } else {
                    Kind::Col
                },
            )
        })
        .collect();
    Rhs { expr, implicit }
}

/// The oracle's value of a definition's right-hand side at fixed axes,
/// summed over its implicit indices.
fn def_value(r: &Rhs, d: &Data, axes: Vec<(String, i64)>) -> f64 {
    let binders: Vec<(String, i64, i64)> = r
        .implicit
        .iter()
        .map(|(p, k)| {
            let ext = if *k == Kind::Row { d.m } else { d.n };
            (p.to_string(), 0, ext as i64 - 1)
        })
        .collect();
    let mut env = axes;
    reduce(false, &binders, &r.expr, d, &mut env)
}

fn implicit_factor(r: &Rhs, m: usize, n: usize) -> f64 {
    r.implicit
        .iter()
        .map(|(_, k)| if *k == Kind::Row { m } else { n }.max(1) as f64)
        .product()
}

/// Whether every tensor value is finite.
fn all_finite(t: &Tensor) -> bool {
    t.to_f64().iter().all(|v| v.is_finite())
}

fn check_case(case: &Case) -> Result<(), TestCaseError> {
    let (m, n) = (case.m, case.n);
    let row = [("i", Kind::Row)];
    let both = [("i", Kind::Row), ("j", Kind::Col)];
    let r0 = rhs(&case.trees[0], m, n, &[], true, 0);
    let r1 = rhs(&case.trees[1], m, n, &row, true, 1);
    let r2 = rhs(&case.trees[2], m, n, &both, true, 2);
    let r3 = rhs(&case.trees[3], m, n, &[], false, 3);
    let stmts = [
        format!("s0 = {}", text(&r0.expr)),
        format!("y1[i] = {}", text(&r1.expr)),
        format!("M2[i,j] = {}", text(&r2.expr)),
        text(&r3.expr),
    ];
    let mut src = stmts[0].clone();
    for (k, s) in stmts[1..].iter().enumerate() {
        src.push_str(if case.semis[k] { "; " } else { "\n" });
        src.push_str(s);
    }

    let program: Program = match sema::check_source(&src) {
        Ok(p) => p,
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "does not check:\n{src}\n{}",
                e.render(FILE, &src)
            )));
        }
    };
    let mut args = Args::new();
    let mut env = Env::default();
    for input in &program.inputs {
        let (shape, data): (Vec<usize>, &[f64]) = match input.name.as_str() {
            "x" => (vec![m], &case.x[..m]),
            "A" => (vec![m, n], &case.a[..m * n]),
            other => {
                return Err(TestCaseError::fail(format!(
                    "unexpected input {other} in\n{src}"
                )));
            }
        };
        env.shapes.insert(input.name.clone(), shape.clone());
        let t = ArrayD::from_shape_vec(IxDyn(&shape), data.to_vec()).unwrap();
        args = args.tensor(&input.name, Tensor::F64(t));
    }
    for p in &program.params {
        let v = match p.name.as_str() {
            "c" => case.c,
            "N" => m as f64,
            other => {
                return Err(TestCaseError::fail(format!(
                    "unexpected parameter {other} in\n{src}"
                )));
            }
        };
        env.params.insert(p.name.clone(), v);
        args = args.param(&p.name, v);
    }
    let bound = sema::bind(&program, &env);
    prop_assert!(
        bound.is_ok(),
        "does not bind:\n{src}\n{}",
        bound.unwrap_err().render(FILE, &src)
    );
    let bound = bound.unwrap();
    prop_assert_eq!(&bound.def_shapes[..3], &[vec![], vec![m], vec![m, n]][..]);

    // The oracle, definition by definition.
    let mut d = Data {
        m,
        n,
        x: case.x[..m].to_vec(),
        a: case.a[..m * n].to_vec(),
        c: case.c,
        s0: 0.0,
        y1: vec![],
        m2: vec![],
    };
    let mut mags = [0.0; 3];
    mags[0] = magnitude(&r0.expr, &mags) * implicit_factor(&r0, m, n);
    d.s0 = def_value(&r0, &d, vec![]);
    mags[1] = magnitude(&r1.expr, &mags) * implicit_factor(&r1, m, n);
    d.y1 = (0..m)
        .map(|i| def_value(&r1, &d, vec![("i".into(), i as i64)]))
        .collect();
    mags[2] = magnitude(&r2.expr, &mags) * implicit_factor(&r2, m, n);
    d.m2 = (0..m * n)
        .map(|k| {
            let axes = vec![("i".into(), (k / n) as i64), ("j".into(), (k % n) as i64)];
            def_value(&r2, &d, axes)
        })
        .collect();
    let mag3 = magnitude(&r3.expr, &mags);
    let want3 = def_value(&r3, &d, vec![]);

    let values = match eval(&program, &args) {
        Ok(v) => v,
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "does not evaluate:\n{src}\n{}",
                e.render(FILE, &src)
            )));
        }
    };
    prop_assert_eq!(values.len(), 4);
    let expected: [(&[f64], f64); 4] = [
        (&[d.s0], mags[0]),
        (&d.y1, mags[1]),
        (&d.m2, mags[2]),
        (&[want3], mag3),
    ];
    for (k, (t, (want, mag))) in values.iter().zip(expected).enumerate() {
        let got: Vec<f64> = t.to_f64().iter().copied().collect();
        if mag < 1e300 {
            prop_assert!(all_finite(t), "statement {k} is not finite: {got:?}\n{src}");
        }
        prop_assert_eq!(got.len(), want.len(), "statement {} of\n{}", k, src);
        for (g, w) in got.iter().zip(want) {
            let tol = 1e-9 * mag.max(1.0);
            prop_assert!(
                (g - w).abs() <= tol || (g.is_nan() && w.is_nan()),
                "statement {k}: interpreter {g}, oracle {w}\n{src}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn well_formed_programs_check_bind_and_evaluate(case in case()) {
        check_case(&case)?;
    }
}
