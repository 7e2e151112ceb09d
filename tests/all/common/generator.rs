//! The one random-program generator of the property tests
//! (`tests/all/props.rs`, `tests/all/sym_props.rs`, `tests/all/jit.rs`) and the fuzz
//! targets (`fuzz/`).
//!
//! In: a byte string ([`Choices`]) and a [`Profile`]. Out: a [`Case`]:
//! inputs `x[i]` (length m), `A[i,j]` (m×n), parameters `c` and `N` (= m),
//! and a multi-statement program over them: definitions `s0`, `y1[i]`,
//! `M2[i,j]`; derivative statements (`g4[i,a] = diff(y1[i], x[a])`, second
//! order `H5[a,b] = diff(diff(L, x[a]), x[b])`, with respect to `c`, `x[a]`
//! or `A[a,u]`); a last statement (a bare expression or `L = ...`); and
//! possibly a definition built from derivatives with its own derivatives.
//! Expressions: constants, parameters, input and definition elements, index
//! values, deltas (also between a written-bounds index and an index of
//! another extent), sums and products with inferred and written bounds (also
//! ranges of negative length), implicit summation, shadowed binders, sums
//! that do not depend on the definition's axes (which the JIT materialises
//! as hidden definitions), softmax-like quotients (an expensive call the JIT
//! computes once per element), `diff(...)` inside expressions,
//! exp/tanh/sin/cos/abs/sign/max/min/log/sqrt, powers and quotients.
//!
//! Always: the program checks and binds on the case's inputs (every index
//! with an inferred extent subscripts an axis of that extent; a written
//! bound never passes an axis end); the profile's domain holds (in
//! [`Domain::Positive`], `log`, `sqrt`, fractional and negative powers and
//! divisors apply only to expressions with a known positive lower bound, the
//! symbolic engine's assumptions); [`Case::oracle`] evaluates every
//! statement that has no `diff` directly from the tree, independently of
//! ricci, and [`Stmt::mag`] bounds its magnitude (infinite: unknown).

#![allow(dead_code)]

use super::choices::Choices;
use std::collections::BTreeSet;

/// Which extent an index has: `A`'s rows (`m`, also `x`'s length) or
/// columns (`n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Row,
    Col,
}

/// Which operations may produce values outside their usual domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    /// `log`, `sqrt`, fractional and negative powers and divisors only of
    /// positive wrappers (`exp(tanh(E))`, `1 + E^2`, ...).
    Positive,
    /// Also `a / b`, `E^(-1)`, `E^c`, `log(abs(E))`, `sqrt(abs(E))` of
    /// anything (infinities and NaN appear).
    Any,
}

/// How input values are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    /// In [-1, 1], often exactly 0, 1 or -1.
    Unit,
    /// In [-1, 1], often 0, -0, 1, -1 or 0.5.
    Signed,
    /// In ±[0.2, 1]: never 0 (factors of products stay nonzero).
    Nonzero,
}

/// What the last forward statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Last {
    Bare,
    /// `L = ...`.
    Named,
    /// Either, by a choice.
    Either,
}

/// What a generator run may produce.
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    /// Inclusive ranges of m and n.
    pub m: (usize, usize),
    pub n: (usize, usize),
    pub values: Values,
    pub domain: Domain,
    /// abs, sign, max, min.
    pub kinks: bool,
    /// Factors of products positive (the engine assumes `x/x` is 1).
    pub smooth: bool,
    /// Derivative statements (`g4[i,a] = diff(y1[i], x[a])`, second order).
    pub diff: bool,
    /// `diff(...)` inside expressions.
    pub inner_diff: bool,
    /// Sums that do not depend on the definition's axes, softmax quotients.
    pub hidden: bool,
    /// Deltas between a written-bounds index and an index of the other kind.
    pub cross_deltas: bool,
    /// Written ranges may be shorter than empty (`sum_{k=1}^{-1}`).
    pub negative_ranges: bool,
    /// The largest upper bound drawn for a written range (then clamped to
    /// the axis).
    pub max_hi: usize,
    pub last: Last,
    /// `L` also reads `x`, `c` and every earlier definition, so its
    /// derivatives go through the definitions; the first derivative
    /// statement after `L` is one of `L`.
    pub tie: bool,
    /// Most derivative statements in one group.
    pub max_derivs: usize,
}

/// Random programs for the interpreter against the oracle (`tests/all/props.rs`).
pub const INTERP: Profile = Profile {
    m: (0, 3),
    n: (0, 3),
    values: Values::Unit,
    domain: Domain::Positive,
    kinks: true,
    smooth: false,
    diff: gate::DIFF,
    hidden: true,
    cross_deltas: gate::CROSS_DELTAS,
    negative_ranges: true,
    max_hi: 4,
    last: Last::Bare,
    tie: false,
    max_derivs: 1,
    inner_diff: gate::INNER_DIFF,
};

/// Programs for the symbolic engine (simplify keeps values, printing
/// round-trips); within its domain assumptions.
pub const SYMBOLIC: Profile = Profile {
    m: (0, 3),
    n: (0, 3),
    values: Values::Unit,
    domain: Domain::Positive,
    kinks: true,
    smooth: false,
    diff: gate::DIFF,
    hidden: true,
    cross_deltas: gate::CROSS_DELTAS,
    negative_ranges: false,
    max_hi: 4,
    last: Last::Either,
    tie: false,
    max_derivs: 2,
    inner_diff: gate::INNER_DIFF,
};

/// [`SYMBOLIC`] without kinks, products of positive factors.
pub const SMOOTH: Profile = Profile {
    kinks: false,
    smooth: true,
    ..SYMBOLIC
};

/// Smooth programs ending in `L` with derivative statements, on inputs
/// away from 0, for finite differences.
pub const DERIVATIVE: Profile = Profile {
    m: (2, 4),
    n: (1, 3),
    values: Values::Nonzero,
    kinks: false,
    smooth: true,
    diff: true,
    last: Last::Named,
    tie: true,
    max_derivs: 3,
    ..SYMBOLIC
};

/// Programs for the JIT against the interpreter: extents up to 9 (so the
/// 4-lane sums run their main loop), any domain.
pub const JIT: Profile = Profile {
    m: (0, 9),
    n: (0, 8),
    values: Values::Signed,
    domain: Domain::Any,
    kinks: true,
    smooth: false,
    diff: gate::JIT_DIFF,
    hidden: true,
    cross_deltas: gate::CROSS_DELTAS,
    negative_ranges: true,
    max_hi: 10,
    last: Last::Bare,
    tie: false,
    max_derivs: 2,
    inner_diff: gate::JIT_DIFF && gate::INNER_DIFF,
};

/// Generator options that find bugs being fixed elsewhere (see the
/// README's "Fuzzing"): off while the property tests must stay green, on
/// once the fixes are merged. `RICCI_GEN_ALL=1` turns them all on for a run.
pub mod gate {
    /// Derivative statements in the interpreter and symbolic profiles (on:
    /// nothing found so far; W1, extents from the wrong definition, would
    /// show here).
    pub const DIFF: bool = true;
    /// `diff(...)` inside expressions (W3 (b), P2: `ricci simplify 's = 2 +
    /// diff(c, A[p,q])'` prints `s = sum_{p,q} 2`, where nothing gives `p`
    /// and `q` their extents).
    pub const INNER_DIFF: bool = true;
    /// Derivative statements in the JIT profile (W2: after a hidden `_tN`,
    /// a derivative's axis gets the wrong extent in the JIT).
    pub const JIT_DIFF: bool = true;
    /// Deltas between ranges of different extents (W3: the simplifier
    /// contracts `sum_k x[k] delta[l,k]` to `x[l]` for a written-bounds `l`
    /// that runs past x's end).
    pub const CROSS_DELTAS: bool = true;

    /// Run what `ricci diff` prints with `--dim` for the target's indices
    /// even where it runs without (F1: in `ds_dA[b,u] = sum_{k=0}^{0}
    /// delta[b,k] + ...` the target index `b` silently takes `k`'s written
    /// range instead of A's rows). A check option, not a generator one.
    pub const TARGET_DIMS_ALWAYS: bool = false;

    /// Whether `RICCI_GEN_ALL=1` asks for every option.
    pub fn all() -> bool {
        std::env::var_os("RICCI_GEN_ALL").is_some_and(|v| v == "1")
    }
}

impl Profile {
    /// The profile, with every gated option on under `RICCI_GEN_ALL=1`.
    pub fn effective(&self) -> Profile {
        let mut p = *self;
        if gate::all() {
            p.diff = true;
            p.inner_diff = true;
            p.cross_deltas = true;
        }
        p
    }
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

/// A generated expression, names chosen.
#[derive(Clone, Debug)]
pub enum Expr {
    Num(&'static str),
    /// `c` or `N`.
    Param(&'static str),
    /// An element of an input (`x`, `A`) or an earlier definition.
    Elem(String, Vec<String>),
    /// The value of an index.
    Idx(String),
    Delta(String, String),
    Neg(Box<Expr>),
    /// Terms, each with `true` for a minus sign.
    Add(Vec<(bool, Expr)>),
    /// Factors; `true`: juxtaposed rather than joined by `*`.
    Mul(Vec<Expr>, bool),
    Div(Box<Expr>, Box<Expr>),
    /// A base and an exponent as written (`2`, `(1/2)`, `-1`, `c`).
    Pow(Box<Expr>, &'static str),
    /// A function of one or two arguments.
    Call(&'static str, Vec<Expr>),
    /// An expression known to be at least the given positive number.
    Pos(f64, Box<Expr>),
    Reduce {
        prod: bool,
        /// Names and inclusive ranges.
        binders: Vec<(String, i64, i64)>,
        /// The head as written (`sum_k`, `∑_{k=0}^{N-1}`, `prod_{k,l}`).
        head: String,
        body: Box<Expr>,
    },
    Diff(Box<Expr>, Target),
    /// Verbatim text (explicit cases): no oracle, unknown magnitude.
    Text(String),
}

/// What a `diff` differentiates with respect to.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    C,
    X(String),
    A(String, String),
}

impl Target {
    pub fn text(&self) -> String {
        match self {
            Target::C => "c".into(),
            Target::X(a) => format!("x[{a}]"),
            Target::A(a, u) => format!("A[{a},{u}]"),
        }
    }

    /// The indices the target adds to a derivative, with their kinds.
    pub fn axes(&self) -> Vec<(String, Kind)> {
        match self {
            Target::C => vec![],
            Target::X(a) => vec![(a.clone(), Kind::Row)],
            Target::A(a, u) => vec![(a.clone(), Kind::Row), (u.clone(), Kind::Col)],
        }
    }
}

const CONSTS: [&str; 6] = ["0", "1", "2", "3", "0.5", "0.1"];
/// Binder names by kind; a reused name shadows the outer one.
const ROW_BINDERS: [&str; 2] = ["k", "r"];
const COL_BINDERS: [&str; 2] = ["l", "t"];
pub const ROW_IMPLICIT: &str = "p";
pub const COL_IMPLICIT: &str = "q";
/// Operations on a positive expression: `sqrt`, `log`, or a power.
const POS_OPS: [&str; 8] = ["sqrt", "log", "-1", "-2", "(1/2)", "1.5", "(-1/3)", "{3/2}"];
/// Powers of anything ([`Domain::Any`]).
const ANY_POWERS: [&str; 5] = ["(3)", "(-1)", "(0.5)", "(c)", "(-2)"];

/// An index in scope.
#[derive(Clone, Debug)]
struct Name {
    name: String,
    kind: Kind,
    /// Bound by a sum with written bounds.
    bounded: bool,
}

/// An earlier statement as later ones see it.
#[derive(Clone, Debug)]
struct Def {
    name: String,
    axes: Vec<Kind>,
}

/// What is known while generating one right-hand side.
struct Scope<'a> {
    p: &'a Profile,
    m: usize,
    n: usize,
    names: Vec<Name>,
    /// Whether free subscripts `p`/`q` may be used (summed implicitly).
    implicit: bool,
    used_implicit: BTreeSet<&'static str>,
    defs: &'a [Def],
    /// Compound nodes left for this right-hand side.
    budget: usize,
    /// Whether something outside the symbolic engine's domain was generated.
    outside: bool,
}

impl Scope<'_> {
    fn ext(&self, kind: Kind) -> usize {
        match kind {
            Kind::Row => self.m,
            Kind::Col => self.n,
        }
    }

    /// A subscript of the given kind: an index in scope or the implicit one.
    fn subscript(&mut self, c: &mut Choices, kind: Kind) -> Option<String> {
        let implicit = match kind {
            Kind::Row => ROW_IMPLICIT,
            Kind::Col => COL_IMPLICIT,
        };
        // Written ranges are clamped to the axis, so a bounded index of the
        // kind subscripts it safely.
        let mut cands: Vec<String> = self
            .names
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| n.name.clone())
            .collect();
        if self.implicit {
            cands.push(implicit.to_string());
        }
        if cands.is_empty() {
            return None;
        }
        let pick = cands[c.below(cands.len())].clone();
        if pick == implicit && !self.names.iter().any(|n| n.name == implicit) {
            self.used_implicit.insert(implicit);
        }
        Some(pick)
    }

    fn push(&mut self, name: &str, kind: Kind, bounded: bool) {
        self.names.push(Name {
            name: name.to_string(),
            kind,
            bounded,
        });
    }
}

/// Leaves and compounds a profile allows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Neg,
    Add,
    Mul,
    Sq,
    Cube,
    Call,
    MaxMin,
    Positive,
    Div,
    AnyPow,
    Sum,
    Bounded,
    Closed,
    Softmax,
    Diff,
}

fn ops(p: &Profile) -> Vec<Op> {
    let mut v = vec![
        Op::Neg,
        Op::Add,
        Op::Mul,
        Op::Sq,
        Op::Cube,
        Op::Call,
        Op::Positive,
        Op::Div,
        Op::Sum,
        Op::Bounded,
    ];
    if p.kinks {
        v.push(Op::MaxMin);
    }
    if p.domain == Domain::Any {
        v.push(Op::AnyPow);
    }
    if p.hidden {
        v.push(Op::Closed);
        v.push(Op::Softmax);
    }
    // Always offered, so that turning a gate on or off keeps the program
    // a byte string gives (but for the gated feature): a disabled `diff`
    // reads the same choices and leaves its operand.
    v.push(Op::Diff);
    v
}

/// Functions by domain; the first four are smooth.
fn funcs(p: &Profile) -> Vec<&'static str> {
    let mut v = vec!["exp", "tanh", "sin", "cos"];
    if p.kinks {
        v.extend(["abs", "sign"]);
    }
    if p.domain == Domain::Any {
        v.extend(["log", "sqrt"]);
    }
    v
}

const MAX_DEPTH: usize = 4;
/// Compound nodes per right-hand side.
const BUDGET: usize = 24;

fn expr(c: &mut Choices, s: &mut Scope, depth: usize) -> Expr {
    // A 0 byte (and about 40% of bytes) is a leaf.
    if depth == 0 || s.budget == 0 || c.byte() < 100 {
        return leaf(c, s);
    }
    s.budget -= 1;
    let ops = ops(s.p);
    let op = ops[c.below(ops.len())];
    let d = depth - 1;
    match op {
        Op::Neg => Expr::Neg(Box::new(expr(c, s, d))),
        Op::Add => {
            let k = c.range(2, 4);
            Expr::Add((0..k).map(|_| (c.flag(), expr(c, s, d))).collect())
        }
        Op::Mul => {
            let k = c.range(2, 4);
            let juxtaposed = c.flag();
            Expr::Mul((0..k).map(|_| expr(c, s, d)).collect(), juxtaposed)
        }
        Op::Sq => Expr::Pow(Box::new(expr(c, s, d)), "2"),
        Op::Cube => Expr::Pow(Box::new(expr(c, s, d)), "3"),
        Op::Call => {
            let fs = funcs(s.p);
            let f = fs[c.below(fs.len())];
            let e = expr(c, s, d);
            match f {
                // Keep exp's argument in [-1, 1] so values stay finite.
                "exp" => Expr::Call("exp", vec![Expr::Call("tanh", vec![e])]),
                // Mostly real results (NaN everywhere would prove little).
                "log" | "sqrt" => {
                    s.outside = true;
                    Expr::Call(f, vec![Expr::Call("abs", vec![e])])
                }
                _ => Expr::Call(f, vec![e]),
            }
        }
        Op::MaxMin => {
            let f = if c.flag() { "min" } else { "max" };
            let a = expr(c, s, d);
            Expr::Call(f, vec![a, expr(c, s, d)])
        }
        Op::Positive => {
            let op = POS_OPS[c.below(POS_OPS.len())];
            let w = c.byte();
            let p = positive(c, s, w, d);
            match op {
                "sqrt" | "log" => Expr::Call(op, vec![p]),
                _ => Expr::Pow(Box::new(p), op),
            }
        }
        Op::Div => {
            let a = expr(c, s, d);
            if s.p.domain == Domain::Any && c.flag() {
                s.outside = true;
                Expr::Div(Box::new(a), Box::new(expr(c, s, d)))
            } else {
                let w = c.byte();
                Expr::Div(Box::new(a), Box::new(positive(c, s, w, d)))
            }
        }
        Op::AnyPow => {
            s.outside = true;
            let e = ANY_POWERS[c.below(ANY_POWERS.len())];
            Expr::Pow(Box::new(expr(c, s, d)), e)
        }
        Op::Sum | Op::Closed => sum(c, s, d, op == Op::Closed),
        Op::Bounded => bounded(c, s, d),
        Op::Softmax => softmax(c, s),
        Op::Diff => {
            let e = expr(c, s, d);
            let implicit_before = s.used_implicit.clone();
            let target = match c.below(3) {
                0 => None,
                1 => s.subscript(c, Kind::Row).map(Target::X),
                _ => match (s.subscript(c, Kind::Row), s.subscript(c, Kind::Col)) {
                    (Some(a), Some(u)) => Some(Target::A(a, u)),
                    _ => None,
                },
            };
            if s.p.inner_diff {
                Expr::Diff(Box::new(e), target.unwrap_or(Target::C))
            } else {
                // The target was not written: its subscripts sum nothing.
                s.used_implicit = implicit_before;
                e
            }
        }
    }
}

fn leaf(c: &mut Choices, s: &mut Scope) -> Expr {
    let one = Expr::Num("1");
    match c.below(7) {
        0 => Expr::Num(CONSTS[c.below(CONSTS.len())]),
        1 => Expr::Param("c"),
        2 => s
            .subscript(c, Kind::Row)
            .map_or(one, |i| Expr::Elem("x".into(), vec![i])),
        3 => match (s.subscript(c, Kind::Row), s.subscript(c, Kind::Col)) {
            (Some(i), Some(j)) => Expr::Elem("A".into(), vec![i, j]),
            _ => one,
        },
        4 => {
            if s.names.is_empty() {
                return one;
            }
            Expr::Idx(s.names[c.below(s.names.len())].name.clone())
        }
        5 => delta(c, s).unwrap_or(one),
        _ => prev(c, s).unwrap_or(Expr::Num("2")),
    }
}

/// `delta[a, b]` of two indices in scope. Both of one kind, or (with
/// `cross_deltas`) of different kinds when one has written bounds: `bind`
/// requires indices with inferred extents to agree.
fn delta(c: &mut Choices, s: &mut Scope) -> Option<Expr> {
    // Only the innermost binding of a name is visible (an inner binder
    // shadows an outer one of the same name, which may have other bounds).
    let visible: Vec<&Name> = s
        .names
        .iter()
        .enumerate()
        .filter(|(k, n)| !s.names[k + 1..].iter().any(|m| m.name == n.name))
        .map(|(_, n)| n)
        .collect();
    if visible.is_empty() {
        return None;
    }
    let a = visible[c.below(visible.len())].clone();
    // Partners of the other kind are offered whether or not the profile
    // wants them (the same choices either way); where it does not, `a`
    // itself stands in.
    let partners: Vec<&&Name> = visible
        .iter()
        .filter(|b| b.kind == a.kind || a.bounded || b.bounded)
        .collect();
    let pick = partners[c.below(partners.len())];
    let b = if pick.kind == a.kind || s.p.cross_deltas {
        pick.name.clone()
    } else {
        a.name.clone()
    };
    Some(if c.flag() {
        Expr::Delta(b, a.name)
    } else {
        Expr::Delta(a.name, b)
    })
}

/// An element of an earlier definition, each axis subscripted by its kind.
fn prev(c: &mut Choices, s: &mut Scope) -> Option<Expr> {
    if s.defs.is_empty() {
        return None;
    }
    let def = s.defs[c.below(s.defs.len())].clone();
    let mut subs = Vec::new();
    for kind in &def.axes {
        subs.push(s.subscript(c, *kind)?);
    }
    Some(Expr::Elem(def.name, subs))
}

/// A positive wrapper of an expression with a lower bound:
/// `exp(tanh(E))`, `(1 + (E)^2)`, `(2 + sin(E))`,
/// `(1 + sum_k exp(tanh(x[k] E)))` (a softmax's divisor),
/// `(prod_k (2 + sin(x[k] E)))` (a log of it becomes a sum of logs).
fn positive(c: &mut Choices, s: &mut Scope, w: u8, depth: usize) -> Expr {
    let w = w % 5;
    if w < 3 {
        let e = expr(c, s, depth);
        return wrap(w, e);
    }
    let k = ROW_BINDERS[c.below(2)];
    s.push(k, Kind::Row, false);
    let e = expr(c, s, depth);
    s.names.pop();
    let inner = Expr::Mul(vec![Expr::Elem("x".into(), vec![k.into()]), e], true);
    let head = if w == 3 { "sum_" } else { "prod_" };
    let reduce = |body| Expr::Reduce {
        prod: w == 4,
        binders: vec![(k.into(), 0, s.m as i64 - 1)],
        head: format!("{head}{k}"),
        body: Box::new(body),
    };
    if w == 3 {
        let r = reduce(Expr::Call("exp", vec![Expr::Call("tanh", vec![inner])]));
        Expr::Pos(
            1.0,
            Box::new(Expr::Add(vec![(false, Expr::Num("1")), (false, r)])),
        )
    } else {
        let two_sin = Expr::Add(vec![
            (false, Expr::Num("2")),
            (false, Expr::Call("sin", vec![inner])),
        ]);
        Expr::Pos(1.0, Box::new(reduce(two_sin)))
    }
}

/// The three wrappers without a binder.
fn wrap(w: u8, e: Expr) -> Expr {
    match w {
        0 => Expr::Pos(
            1.0 / std::f64::consts::E,
            Box::new(Expr::Call("exp", vec![Expr::Call("tanh", vec![e])])),
        ),
        1 => Expr::Pos(
            1.0,
            Box::new(Expr::Add(vec![
                (false, Expr::Num("1")),
                (false, Expr::Pow(Box::new(e), "2")),
            ])),
        ),
        _ => Expr::Pos(
            1.0,
            Box::new(Expr::Add(vec![
                (false, Expr::Num("2")),
                (false, Expr::Call("sin", vec![e])),
            ])),
        ),
    }
}

/// `sum_`, `prod_`, `∑_` or `∏_`.
fn keyword(prod: bool, unicode: bool) -> &'static str {
    match (prod, unicode) {
        (false, false) => "sum_",
        (false, true) => "∑_",
        (true, false) => "prod_",
        (true, true) => "∏_",
    }
}

/// `sum_k x[k] (E)` over a row index, or `sum_{k,l} A[k,l] (E)` over a row
/// and a column index; the extents are inferred. `closed`: E sees only the
/// sum's own indices, so the sum does not depend on the definition's axes
/// (the JIT computes it once, as a hidden definition).
fn sum(c: &mut Choices, s: &mut Scope, depth: usize, closed: bool) -> Expr {
    let col = c.flag();
    let prod = c.chance(80);
    let style = c.byte();
    let k = ROW_BINDERS[c.below(2)];
    let kw = keyword(prod, style & 1 != 0);
    let saved = if closed {
        let names = std::mem::take(&mut s.names);
        let implicit = std::mem::replace(&mut s.implicit, false);
        Some((names, implicit))
    } else {
        None
    };
    let depth_before = s.names.len();
    let (binders, head, guard) = if col {
        let l = COL_BINDERS[c.below(2)];
        s.push(k, Kind::Row, false);
        s.push(l, Kind::Col, false);
        (
            vec![(k.into(), 0, s.m as i64 - 1), (l.into(), 0, s.n as i64 - 1)],
            format!("{kw}{{{k},{l}}}"),
            Expr::Elem("A".into(), vec![k.into(), l.into()]),
        )
    } else {
        s.push(k, Kind::Row, false);
        let head = if style & 2 == 0 {
            format!("{kw}{k}")
        } else {
            format!("{kw}{{{k}}}")
        };
        (
            vec![(k.into(), 0, s.m as i64 - 1)],
            head,
            Expr::Elem("x".into(), vec![k.into()]),
        )
    };
    let body = expr(c, s, depth);
    let body = nonzero_factor(prod, style, body, s);
    s.names.truncate(depth_before);
    if let Some((names, implicit)) = saved {
        s.names = names;
        s.implicit = implicit;
    }
    Expr::Reduce {
        prod,
        binders,
        head,
        body: Box::new(Expr::Mul(vec![guard, body], style & 4 != 0)),
    }
}

/// `sum_{k=lo}^{hi} E`, `hi` clamped to the last valid subscript (and, where
/// negative ranges are not wanted, to at least `lo - 1`).
fn bounded(c: &mut Choices, s: &mut Scope, depth: usize) -> Expr {
    let kind = if c.flag() { Kind::Col } else { Kind::Row };
    let prod = c.chance(80);
    let style = c.byte();
    let k = match kind {
        Kind::Row => ROW_BINDERS[c.below(2)],
        Kind::Col => COL_BINDERS[c.below(2)],
    };
    let lo = c.below(2) as i64;
    let hi = c.below(s.p.max_hi + 1) as i64;
    let last = s.ext(kind) as i64 - 1;
    let mut hi = hi.min(last);
    if !s.p.negative_ranges {
        hi = hi.max(lo - 1);
    }
    s.outside |= hi < lo - 1;
    let kw = keyword(prod, style & 1 != 0);
    let hi_text = if kind == Kind::Row && hi == last && style & 8 != 0 {
        "{N-1}".to_string()
    } else if style & 16 != 0 && hi >= 0 {
        hi.to_string()
    } else {
        format!("{{{hi}}}")
    };
    let head = format!("{kw}{{{k}={lo}}}^{hi_text}");
    s.push(k, kind, true);
    let body = expr(c, s, depth);
    let body = nonzero_factor(prod, style, body, s);
    s.names.pop();
    Expr::Reduce {
        prod,
        binders: vec![(k.into(), lo, hi)],
        head,
        body: Box::new(body),
    }
}

/// `(exp(A[r,c]) / sum_l exp(A[r,l]))`: the JIT computes the repeated
/// `exp(A[r,_])` once per element.
fn softmax(c: &mut Choices, s: &mut Scope) -> Expr {
    // With no columns the quotient is 0/0 wherever the simplifier takes it
    // for 1 (outside the engine's domain): only in `Domain::Any`.
    if s.n == 0 {
        if s.p.domain == Domain::Positive {
            return Expr::Num("1");
        }
        s.outside = true;
    }
    let (Some(r), Some(col)) = (s.subscript(c, Kind::Row), s.subscript(c, Kind::Col)) else {
        return Expr::Num("1");
    };
    let l = COL_BINDERS[c.below(2)];
    let e = |j: String| Expr::Call("exp", vec![Expr::Elem("A".into(), vec![r.clone(), j])]);
    let num = e(col);
    let den = Expr::Reduce {
        prod: false,
        binders: vec![(l.into(), 0, s.n as i64 - 1)],
        head: format!("sum_{l}"),
        body: Box::new(e(l.into())),
    };
    // Evaluated only where n >= 1: then the sum is at least 1/e.
    Expr::Div(
        Box::new(num),
        Box::new(Expr::Pos(1.0 / std::f64::consts::E, Box::new(den))),
    )
}

/// The body of a product in a smooth program is positive (a product whose
/// factor vanishes violates the engine's assumption that `x/x` is 1).
fn nonzero_factor(prod: bool, style: u8, body: Expr, s: &Scope) -> Expr {
    if prod && s.p.smooth {
        wrap(style % 3, body)
    } else {
        body
    }
}

// ---------------------------------------------------------------------------
// Statements and cases
// ---------------------------------------------------------------------------

/// What a statement is.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    Forward,
    /// `diff(...(diff(of[axes], t1)...), tn)`.
    Derivative {
        of: usize,
        targets: Vec<Target>,
    },
}

/// One statement of a generated program.
#[derive(Clone, Debug)]
pub struct Stmt {
    /// `None`: a bare expression.
    pub name: Option<String>,
    pub axes: Vec<(String, Kind)>,
    pub rhs: Expr,
    /// The kinds of the indices the right-hand side sums implicitly.
    pub implicit: Vec<Kind>,
    pub role: Role,
    /// An upper bound on the magnitude of its values (infinite: unknown).
    pub mag: f64,
    /// How many `diff`s deep it is, as a statement (0 for forward ones).
    pub order: usize,
}

/// A generated program and its inputs.
#[derive(Clone, Debug)]
pub struct Case {
    pub profile: Profile,
    pub m: usize,
    pub n: usize,
    /// Length m.
    pub x: Vec<f64>,
    /// m×n, row-major.
    pub a: Vec<f64>,
    pub c: f64,
    pub stmts: Vec<Stmt>,
    /// Statement separators: `true` for `;`, else a newline.
    pub semis: Vec<bool>,
    /// Whether the program leaves the symbolic engine's domain (README:
    /// "The symbolic engine"): a range of negative length, a quotient,
    /// logarithm, root or power that may not be positive, a 0/0 softmax.
    /// Its simplified values may then differ from those as written.
    pub outside: bool,
}

fn extent(c: &mut Choices, (lo, hi): (usize, usize)) -> usize {
    if hi > 4 && c.chance(100) {
        c.range(4.max(lo), hi)
    } else {
        c.range(lo, hi.min(3).max(lo))
    }
}

fn value(c: &mut Choices, how: Values) -> f64 {
    let b = c.byte();
    match how {
        Values::Unit => match b {
            0..=15 => 0.0,
            16..=31 => 1.0,
            32..=47 => -1.0,
            _ => (b - 48) as f64 / 207.0 * 2.0 - 1.0,
        },
        Values::Signed => match b {
            0..=11 => 0.0,
            12..=23 => -0.0,
            24..=35 => 1.0,
            36..=47 => -1.0,
            48..=59 => 0.5,
            _ => (b - 60) as f64 / 195.0 * 2.0 - 1.0,
        },
        Values::Nonzero => {
            let v = 0.2 + (b >> 1) as f64 / 127.0 * 0.8;
            if b & 1 == 1 { -v } else { v }
        }
    }
}

/// Names for the indices of derivative targets, by kind.
pub const TARGET_ROWS: [&str; 3] = ["a", "b", "e"];
pub const TARGET_COLS: [&str; 3] = ["u", "v", "w"];

impl Case {
    /// Generates a case from bytes.
    pub fn generate(c: &mut Choices, profile: &Profile) -> Case {
        let p = profile.effective();
        let m = extent(c, p.m);
        let n = extent(c, p.n);
        let mut case = Case {
            profile: p,
            m,
            n,
            x: vec![],
            a: vec![],
            c: 0.0,
            stmts: vec![],
            semis: vec![],
            outside: false,
        };
        let row = [("i", Kind::Row)];
        let both = [("i", Kind::Row), ("j", Kind::Col)];
        for (name, axes) in [("s0", &[][..]), ("y1", &row[..]), ("M2", &both[..])] {
            case.forward(c, Some(name.into()), axes, true);
        }
        if p.diff {
            let k = c.below(p.max_derivs + 1);
            case.derivatives(c, k, None);
        }
        let named = match p.last {
            Last::Bare => false,
            Last::Named => true,
            Last::Either => c.flag(),
        };
        let last = case.stmts.len();
        case.forward(c, named.then(|| "L".into()), &[], named);
        if p.tie {
            case.tie();
        }
        if p.diff && named {
            let (lo, first) = if p.tie { (1, Some(last)) } else { (0, None) };
            let k = c.range(lo, p.max_derivs);
            case.derivatives(c, k, first);
            // A definition built from derivatives (a gradient penalty),
            // and derivatives of it.
            if c.chance(100) && case.stmts.len() > last + 1 {
                let g = case.stmts.len();
                case.forward(c, Some(format!("G{g}")), &[], true);
                let k = c.range(1, 2);
                case.derivatives(c, k, Some(g));
            }
        }
        case.semis = (1..case.stmts.len()).map(|_| c.chance(64)).collect();
        case.x = (0..m).map(|_| value(c, p.values)).collect();
        case.a = (0..m * n).map(|_| value(c, p.values)).collect();
        case.c = value(c, p.values);
        case.set_mags();
        case
    }

    /// Earlier statements as a new one sees them (named ones).
    fn defs(&self) -> Vec<Def> {
        self.stmts
            .iter()
            .filter_map(|s| {
                Some(Def {
                    name: s.name.clone()?,
                    axes: s.axes.iter().map(|(_, k)| *k).collect(),
                })
            })
            .collect()
    }

    fn forward(
        &mut self,
        c: &mut Choices,
        name: Option<String>,
        axes: &[(&str, Kind)],
        implicit: bool,
    ) {
        let defs = self.defs();
        let mut s = Scope {
            p: &self.profile,
            m: self.m,
            n: self.n,
            names: axes
                .iter()
                .map(|(a, k)| Name {
                    name: a.to_string(),
                    kind: *k,
                    bounded: false,
                })
                .collect(),
            implicit,
            used_implicit: BTreeSet::new(),
            defs: &defs,
            budget: BUDGET,
            outside: false,
        };
        let body = expr(c, &mut s, MAX_DEPTH);
        self.outside |= s.outside;
        // Each axis must subscript a tensor, so that its extent is inferred.
        let rhs = match axes {
            [] => body,
            [(i, _)] => Expr::Mul(
                vec![Expr::Elem("x".into(), vec![i.to_string()]), body],
                false,
            ),
            _ => Expr::Mul(
                vec![
                    Expr::Elem("A".into(), vec![axes[0].0.into(), axes[1].0.into()]),
                    body,
                ],
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
        self.stmts.push(Stmt {
            name,
            axes: axes.iter().map(|(a, k)| (a.to_string(), *k)).collect(),
            rhs,
            implicit,
            role: Role::Forward,
            mag: f64::INFINITY,
            order: 0,
        });
    }

    /// `L` also reads x, c and every earlier definition:
    /// `+ c (sum_k x[k]^2) + sum_{k,l} tanh(M2[k,l]) sin(y1[k] + s0)`.
    fn tie(&mut self) {
        let last = self.stmts.last_mut().expect("L");
        let e =
            |t: &str, ix: &[&str]| Expr::Elem(t.into(), ix.iter().map(|i| i.to_string()).collect());
        let (m, n) = (self.m as i64, self.n as i64);
        let sq = Expr::Reduce {
            prod: false,
            binders: vec![("k".into(), 0, m - 1)],
            head: "sum_k".into(),
            body: Box::new(Expr::Pow(Box::new(e("x", &["k"])), "2")),
        };
        let defs = Expr::Reduce {
            prod: false,
            binders: vec![("k".into(), 0, m - 1), ("l".into(), 0, n - 1)],
            head: "sum_{k,l}".into(),
            body: Box::new(Expr::Mul(
                vec![
                    Expr::Call("tanh", vec![e("M2", &["k", "l"])]),
                    Expr::Call(
                        "sin",
                        vec![Expr::Add(vec![
                            (false, e("y1", &["k"])),
                            (false, e("s0", &[])),
                        ])],
                    ),
                ],
                true,
            )),
        };
        let rhs = std::mem::replace(&mut last.rhs, Expr::Num("0"));
        last.rhs = Expr::Add(vec![
            (false, rhs),
            (false, Expr::Mul(vec![Expr::Param("c"), sq], true)),
            (false, defs),
        ]);
    }

    /// `k` derivative statements of earlier named statements (the first of
    /// `first`, when given), of order 1 (or 2), keeping every statement at
    /// most second order.
    fn derivatives(&mut self, c: &mut Choices, k: usize, first: Option<usize>) {
        for t in 0..k {
            let cands: Vec<usize> = (0..self.stmts.len())
                .filter(|&s| self.stmts[s].name.is_some() && self.stmts[s].order < 2)
                .collect();
            if cands.is_empty() {
                return;
            }
            let of = match first {
                Some(f) if t == 0 => f,
                _ => cands[c.below(cands.len())],
            };
            let base = &self.stmts[of];
            let order = if base.order == 0 && c.chance(64) {
                2
            } else {
                1
            };
            let mut axes = base.axes.clone();
            let mut targets = Vec::new();
            for _ in 0..order {
                // Second derivatives only by x and c (A's would cost too
                // many finite differences).
                let choice = c.below(if order == 2 { 2 } else { 3 });
                let fresh = |names: &[&str], axes: &[(String, Kind)]| {
                    names
                        .iter()
                        .find(|n| !axes.iter().any(|(a, _)| a == *n))
                        .map(|n| n.to_string())
                };
                let target = match choice {
                    0 => Target::C,
                    1 => Target::X(fresh(&TARGET_ROWS, &axes).expect("a free row name")),
                    _ => Target::A(
                        fresh(&TARGET_ROWS, &axes).expect("a free row name"),
                        fresh(&TARGET_COLS, &axes).expect("a free column name"),
                    ),
                };
                axes.extend(target.axes());
                targets.push(target);
            }
            self.push_derivative(of, targets);
        }
    }

    /// Appends `g<no>[axes of `of`, target indices] = diff(of[...], t1)`
    /// (`H<no>` and nested `diff` for two targets).
    pub fn push_derivative(&mut self, of: usize, targets: Vec<Target>) {
        let base = &self.stmts[of];
        let mut axes = base.axes.clone();
        let mut rhs = Expr::Elem(
            base.name.clone().expect("named"),
            base.axes.iter().map(|(a, _)| a.clone()).collect(),
        );
        for t in &targets {
            axes.extend(t.axes());
            rhs = Expr::Diff(Box::new(rhs), t.clone());
        }
        let no = self.stmts.len();
        let name = if targets.len() == 2 {
            format!("H{no}")
        } else {
            format!("g{no}")
        };
        let order = base.order + targets.len();
        self.stmts.push(Stmt {
            name: Some(name),
            axes,
            rhs,
            implicit: vec![],
            role: Role::Derivative { of, targets },
            mag: f64::INFINITY,
            order,
        });
        self.semis.resize(self.stmts.len() - 1, false);
    }

    /// An explicit case (for regression tests): statements given as
    /// `(name, axes, right-hand side)` text, `""` for a bare expression's
    /// name; an axis named `j`, `l`, `t`, `u`, `v` or `w` runs over A's
    /// columns, any other over its rows.
    pub fn explicit(
        profile: &Profile,
        inputs: (&[f64], &[f64], f64),
        n: usize,
        stmts: &[(&str, &str, &str)],
    ) -> Case {
        let (x, a, c) = inputs;
        let mut case = Case {
            profile: *profile,
            m: x.len(),
            n,
            x: x.to_vec(),
            a: a.to_vec(),
            c,
            stmts: vec![],
            semis: vec![],
            outside: false,
        };
        assert_eq!(a.len(), x.len() * n, "A is m×n");
        for (name, axes, rhs) in stmts {
            let axes = axes
                .chars()
                .map(|ch| {
                    let kind = if "jltuvw".contains(ch) {
                        Kind::Col
                    } else {
                        Kind::Row
                    };
                    (ch.to_string(), kind)
                })
                .collect();
            case.stmts.push(Stmt {
                name: (!name.is_empty()).then(|| name.to_string()),
                axes,
                rhs: Expr::Text(rhs.to_string()),
                implicit: vec![],
                role: Role::Forward,
                mag: f64::INFINITY,
                order: 0,
            });
        }
        case.semis = vec![false; case.stmts.len().saturating_sub(1)];
        case
    }

    fn set_mags(&mut self) {
        let max_index = self.m.max(self.n).max(self.profile.max_hi) as f64;
        for k in 0..self.stmts.len() {
            let s = &self.stmts[k];
            let implicit: f64 = s
                .implicit
                .iter()
                .map(|kind| self.extent(*kind).max(1) as f64)
                .product();
            let mag = magnitude(&s.rhs, self, max_index) * implicit;
            self.stmts[k].mag = if mag.is_nan() { f64::INFINITY } else { mag };
        }
    }

    pub fn extent(&self, kind: Kind) -> usize {
        match kind {
            Kind::Row => self.m,
            Kind::Col => self.n,
        }
    }

    /// The shape of a statement's value.
    pub fn shape(&self, k: usize) -> Vec<usize> {
        self.stmts[k]
            .axes
            .iter()
            .map(|(_, kd)| self.extent(*kd))
            .collect()
    }

    fn stmt_by_name(&self, name: &str) -> Option<usize> {
        self.stmts
            .iter()
            .position(|s| s.name.as_deref() == Some(name))
    }

    /// The text of statement `k`.
    pub fn stmt_text(&self, k: usize) -> String {
        let s = &self.stmts[k];
        let rhs = text(&s.rhs);
        match &s.name {
            None => rhs,
            Some(name) if s.axes.is_empty() => format!("{name} = {rhs}"),
            Some(name) => {
                let axes: Vec<&str> = s.axes.iter().map(|(a, _)| a.as_str()).collect();
                format!("{name}[{}] = {rhs}", axes.join(","))
            }
        }
    }

    /// The program of the first `k` statements.
    pub fn prefix_text(&self, k: usize) -> String {
        let mut src = String::new();
        for i in 0..k {
            if i > 0 {
                src.push_str(if self.semis[i - 1] { "; " } else { "\n" });
            }
            src.push_str(&self.stmt_text(i));
        }
        src
    }

    /// The whole program.
    pub fn text(&self) -> String {
        self.prefix_text(self.stmts.len())
    }

    /// About how many nodes the interpreter visits for the whole program.
    pub fn work(&self) -> f64 {
        let mut per_stmt: Vec<f64> = Vec::new();
        for s in &self.stmts {
            let implicit: f64 = s
                .implicit
                .iter()
                .map(|kind| self.extent(*kind).max(1) as f64)
                .product();
            let body = match &s.role {
                Role::Forward => work(&s.rhs),
                // A derivative of a product is a sum of products: each
                // order multiplies the work by about the extent (and a
                // few terms). The chain rule also reaches into the
                // definitions the differentiated one reads (bounded here
                // by every statement before it), and their derivatives
                // are evaluated too. They count at 1/16: most are cheap
                // next to the statement itself, and at full weight the
                // estimate refused 15% of the symbolic corpus, while
                // without them two inputs took 2.6 s each (a four-deep
                // product under a second derivative).
                Role::Derivative { of, targets } => {
                    let factor = 4.0 * self.m.max(self.n).max(1) as f64;
                    let reached: f64 = per_stmt[..*of].iter().sum();
                    factor.powi(targets.len() as i32) * (per_stmt[*of] + reached / 16.0)
                }
            };
            per_stmt.push(body * implicit);
        }
        per_stmt
            .iter()
            .enumerate()
            .map(|(k, w)| {
                w * self
                    .shape(k)
                    .iter()
                    .map(|&d| d.max(1) as f64)
                    .product::<f64>()
            })
            .sum()
    }

    /// The inputs and parameters as text, for failure messages.
    pub fn inputs_text(&self) -> String {
        format!(
            "m = {}, n = {}, c = {:e}\nx = {:?}\nA = {:?}",
            self.m, self.n, self.c, self.x, self.a
        )
    }
}

/// Whether the expression prints without parentheses.
fn is_leaf(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Num(_) | Expr::Param(_) | Expr::Elem(..) | Expr::Idx(_) | Expr::Delta(..)
    )
}

/// The text of an expression; every compound is parenthesised.
pub fn text(e: &Expr) -> String {
    match e {
        Expr::Num(v) => v.to_string(),
        Expr::Param(p) => p.to_string(),
        Expr::Elem(t, ix) if ix.is_empty() => t.clone(),
        Expr::Elem(t, ix) => format!("{t}[{}]", ix.join(",")),
        Expr::Idx(i) => i.clone(),
        Expr::Delta(a, b) => format!("delta[{a},{b}]"),
        Expr::Neg(e) => format!("(-{})", text(e)),
        Expr::Add(terms) => {
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
        Expr::Mul(fs, juxtaposed) => {
            let sep = if *juxtaposed { " " } else { " * " };
            format!("({})", fs.iter().map(text).collect::<Vec<_>>().join(sep))
        }
        Expr::Div(a, b) => format!("({} / {})", text(a), text(b)),
        Expr::Pow(b, p) if is_leaf(b) => format!("{}^{p}", text(b)),
        Expr::Pow(b, p) => format!("({})^{p}", text(b)),
        Expr::Call(f, args) => {
            format!(
                "{f}({})",
                args.iter().map(text).collect::<Vec<_>>().join(", ")
            )
        }
        Expr::Pos(_, e) => text(e),
        Expr::Reduce { head, body, .. } => format!("({head} {})", text(body)),
        Expr::Diff(e, t) => format!("diff({}, {})", text(e), t.text()),
        Expr::Text(t) => t.clone(),
    }
}

/// About how many nodes the interpreter visits for one value of `e`.
fn work(e: &Expr) -> f64 {
    match e {
        Expr::Num(_) | Expr::Param(_) | Expr::Elem(..) | Expr::Idx(_) | Expr::Delta(..) => 1.0,
        Expr::Neg(e) | Expr::Pow(e, _) | Expr::Pos(_, e) => 1.0 + work(e),
        Expr::Call(_, args) => 1.0 + args.iter().map(work).sum::<f64>(),
        Expr::Add(terms) => 1.0 + terms.iter().map(|(_, t)| work(t)).sum::<f64>(),
        Expr::Mul(fs, _) => 1.0 + fs.iter().map(work).sum::<f64>(),
        Expr::Div(a, b) => 1.0 + work(a) + work(b),
        Expr::Reduce { binders, body, .. } => {
            let len: f64 = binders
                .iter()
                .map(|(_, lo, hi)| (hi - lo + 1).max(1) as f64)
                .product();
            1.0 + len * work(body)
        }
        Expr::Diff(e, _) => 4.0 * work(e),
        Expr::Text(t) => t.len() as f64,
    }
}

/// The value of an exponent as written (`None` for `c`).
fn exponent(p: &str) -> Option<f64> {
    Some(match p.trim_matches(|ch| "(){}".contains(ch)) {
        "c" => return None,
        "1/2" => 0.5,
        "-1/3" => -1.0 / 3.0,
        "3/2" => 1.5,
        other => other.parse().expect("an exponent"),
    })
}

/// A lower bound of a positive expression (0 if none is known).
fn lower(e: &Expr) -> f64 {
    match e {
        Expr::Pos(l, _) => *l,
        _ => 0.0,
    }
}

/// An upper bound on the magnitude of an expression (inputs and `c` in
/// [-1, 1]), given those of earlier statements; infinite when unknown.
fn magnitude(e: &Expr, case: &Case, max_index: f64) -> f64 {
    let kids: Vec<f64> = children(e)
        .iter()
        .map(|c| magnitude(c, case, max_index))
        .collect();
    // An operand without a finite bound may be infinite or NaN, and NaN
    // goes through bounded functions (`tanh`, `sign`) and positive
    // wrappers alike: then nothing is known.
    if kids.iter().any(|k| !k.is_finite()) {
        return f64::INFINITY;
    }
    // Unknown (NaN: 0 times infinity, say) is infinite.
    let bound = magnitude_of(e, &kids, case, max_index);
    if bound.is_nan() { f64::INFINITY } else { bound }
}

/// The operands of an expression.
fn children(e: &Expr) -> Vec<&Expr> {
    match e {
        Expr::Num(_)
        | Expr::Param(_)
        | Expr::Elem(..)
        | Expr::Idx(_)
        | Expr::Delta(..)
        | Expr::Text(_) => vec![],
        Expr::Neg(e) | Expr::Pos(_, e) | Expr::Pow(e, _) | Expr::Diff(e, _) => vec![e],
        Expr::Add(terms) => terms.iter().map(|(_, t)| t).collect(),
        Expr::Mul(fs, _) => fs.iter().collect(),
        Expr::Div(a, b) => vec![a, b],
        Expr::Call(_, args) => args.iter().collect(),
        Expr::Reduce { body, .. } => vec![body],
    }
}

/// The bound of `e` from its operands' (finite) bounds `kids`.
fn magnitude_of(e: &Expr, kids: &[f64], case: &Case, max_index: f64) -> f64 {
    match e {
        Expr::Num(v) => v.parse::<f64>().expect("a number").abs(),
        Expr::Param(p) => {
            if *p == "N" {
                case.m as f64
            } else {
                1.0
            }
        }
        Expr::Elem(t, _) => match case.stmt_by_name(t) {
            Some(k) => case.stmts[k].mag,
            None => 1.0,
        },
        Expr::Idx(_) => max_index,
        Expr::Delta(..) => 1.0,
        Expr::Neg(_) | Expr::Pos(..) => kids[0],
        Expr::Add(_) => kids.iter().sum(),
        Expr::Mul(..) => kids.iter().product(),
        Expr::Div(_, b) => kids[0] / lower(b),
        Expr::Pow(b, p) => match exponent(p) {
            // A fractional power of a negative base is NaN.
            Some(x) if x >= 0.0 && (x.fract() == 0.0 || lower(b) > 0.0) => kids[0].powf(x),
            Some(x) if lower(b) > 0.0 => lower(b).powf(x),
            _ => f64::INFINITY,
        },
        Expr::Call(f, args) => match *f {
            "exp" => kids[0].exp(),
            "abs" => kids[0],
            "sqrt" => kids[0].sqrt(),
            "log" => {
                let low = lower(&args[0]);
                if low > 0.0 {
                    kids[0].ln().max(-low.ln()).max(1.0)
                } else {
                    f64::INFINITY
                }
            }
            "max" | "min" => kids[0].max(kids[1]),
            _ => 1.0,
        },
        Expr::Reduce { prod, binders, .. } => {
            let len: f64 = binders
                .iter()
                .map(|(_, lo, hi)| (hi - lo + 1).max(0) as f64)
                .product();
            if *prod {
                kids[0].max(1.0).powf(len)
            } else {
                kids[0] * len
            }
        }
        Expr::Diff(..) | Expr::Text(_) => f64::INFINITY,
    }
}

// ---------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------

thread_local! {
    /// Set when the oracle divides by zero (see [`Case::oracle_divides_by_zero`]).
    static DIVIDED_BY_ZERO: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Case {
    /// Each statement's values (row-major over its axes) computed directly
    /// from the tree; `None` for statements with `diff` or reading one.
    /// Whether computing the oracle divides by a zero somewhere (an
    /// intermediate infinity that a later operation may hide: `a / (1/0)`
    /// is 0).
    pub fn oracle_divides_by_zero(&self) -> bool {
        DIVIDED_BY_ZERO.with(|d| d.set(false));
        let _ = self.oracle();
        DIVIDED_BY_ZERO.with(|d| d.replace(false))
    }

    pub fn oracle(&self) -> Vec<Option<Vec<f64>>> {
        let mut out: Vec<Option<Vec<f64>>> = Vec::new();
        for (k, s) in self.stmts.iter().enumerate() {
            let shape = self.shape(k);
            let len: usize = shape.iter().product();
            let mut vals = Some(Vec::with_capacity(len));
            for flat in 0..len {
                let mut env = Vec::new();
                let mut rest = flat;
                for (d, (name, _)) in s.axes.iter().enumerate().rev() {
                    env.push((name.clone(), (rest % shape[d]) as i64));
                    rest /= shape[d];
                }
                let binders: Vec<(String, i64, i64)> = s
                    .implicit
                    .iter()
                    .map(|kind| {
                        let name = match kind {
                            Kind::Row => ROW_IMPLICIT,
                            Kind::Col => COL_IMPLICIT,
                        };
                        (name.to_string(), 0, self.extent(*kind) as i64 - 1)
                    })
                    .collect();
                match reduce(false, &binders, &s.rhs, self, &out, &mut env) {
                    Some(v) => vals.as_mut().expect("some").push(v),
                    None => {
                        vals = None;
                        break;
                    }
                }
            }
            out.push(vals);
        }
        out
    }
}

fn lookup(env: &[(String, i64)], name: &str) -> i64 {
    env.iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| *v)
        .unwrap_or_else(|| panic!("oracle: index {name} not in scope"))
}

/// IEEE maximum / minimum: NaN if either is, +0 over -0 for max.
fn ieee(max: bool, a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a != b {
        if (a > b) == max { a } else { b }
    } else if a.is_sign_negative() != max {
        a
    } else {
        b
    }
}

fn eval(
    e: &Expr,
    case: &Case,
    done: &[Option<Vec<f64>>],
    env: &mut Vec<(String, i64)>,
) -> Option<f64> {
    let ev = |e: &Expr, env: &mut Vec<(String, i64)>| eval(e, case, done, env);
    Some(match e {
        Expr::Num(v) => v.parse().expect("a number"),
        Expr::Param("N") => case.m as f64,
        Expr::Param(_) => case.c,
        Expr::Elem(t, ix) => {
            let v: Vec<usize> = ix.iter().map(|i| lookup(env, i) as usize).collect();
            match t.as_str() {
                "x" => case.x[v[0]],
                "A" => case.a[v[0] * case.n + v[1]],
                name => {
                    let k = case.stmt_by_name(name).expect("a definition");
                    let vals = done[k].as_ref()?;
                    let shape = case.shape(k);
                    let flat = v.iter().zip(&shape).fold(0, |acc, (i, n)| acc * n + i);
                    vals[flat]
                }
            }
        }
        Expr::Idx(i) => lookup(env, i) as f64,
        Expr::Delta(a, b) => f64::from(u8::from(lookup(env, a) == lookup(env, b))),
        Expr::Neg(e) => -ev(e, env)?,
        Expr::Pos(_, e) => ev(e, env)?,
        Expr::Add(terms) => {
            let mut acc = 0.0;
            for (minus, t) in terms {
                let v = ev(t, env)?;
                acc += if *minus { -v } else { v };
            }
            acc
        }
        Expr::Mul(fs, _) => {
            let mut acc = 1.0;
            for f in fs {
                acc *= ev(f, env)?;
            }
            acc
        }
        Expr::Div(a, b) => {
            let (x, y) = (ev(a, env)?, ev(b, env)?);
            if y == 0.0 {
                DIVIDED_BY_ZERO.with(|d| d.set(true));
            }
            x / y
        }
        Expr::Pow(b, p) => {
            let v = ev(b, env)?;
            if v == 0.0 && exponent(p).is_some_and(|x| x < 0.0) {
                DIVIDED_BY_ZERO.with(|d| d.set(true));
            }
            match exponent(p) {
                Some(2.0) => v * v,
                Some(x) => v.powf(x),
                None => v.powf(case.c),
            }
        }
        Expr::Call(f, args) => {
            let v = ev(&args[0], env)?;
            match *f {
                "exp" => v.exp(),
                "tanh" => v.tanh(),
                "sin" => v.sin(),
                "cos" => v.cos(),
                "abs" => v.abs(),
                "log" => v.ln(),
                "sqrt" => v.sqrt(),
                "sign" => {
                    if v.is_nan() {
                        f64::NAN
                    } else if v > 0.0 {
                        1.0
                    } else if v < 0.0 {
                        -1.0
                    } else {
                        0.0
                    }
                }
                "max" | "min" => ieee(*f == "max", v, ev(&args[1], env)?),
                other => unreachable!("function {other}"),
            }
        }
        Expr::Reduce {
            prod,
            binders,
            body,
            ..
        } => reduce(*prod, binders, body, case, done, env)?,
        Expr::Diff(..) | Expr::Text(_) => return None,
    })
}

fn reduce(
    prod: bool,
    binders: &[(String, i64, i64)],
    body: &Expr,
    case: &Case,
    done: &[Option<Vec<f64>>],
    env: &mut Vec<(String, i64)>,
) -> Option<f64> {
    let Some(((name, lo, hi), rest)) = binders.split_first() else {
        return eval(body, case, done, env);
    };
    let mut acc = if prod { 1.0 } else { 0.0 };
    for v in *lo..=*hi {
        env.push((name.clone(), v));
        let t = reduce(prod, rest, body, case, done, env);
        env.pop();
        let t = t?;
        if prod {
            acc *= t;
        } else {
            acc += t;
        }
    }
    Some(acc)
}
