//! The JIT against the reference interpreter, and the JIT's calling
//! contract.
//!
//! (1) Property: random well-formed programs over `A[i,j]`, `x[i]` and a
//!     scalar `c` (the generator of `tests/props.rs`, extended with
//!     division, powers and log/sqrt/sign, `diff(E, c)`, `diff(E, x[k])`
//!     and `diff(E, A[k,l])` (which send the program through the symbolic
//!     engine, so sums the JIT materialises sit among derived
//!     definitions), and `M2[i,j] = y1[i] A[i,j] ...` (whose `i` then takes
//!     its extent from `y1`); extents up to 9 so that the
//!     4-lane innermost sums run their main loop) give the interpreter's
//!     values bit for bit (`a == b` or both NaN), in f64 and in f32. The JIT
//!     reads its inputs through `run_views` with random layouts of the same
//!     logical values: contiguous, transposed, stepped slices of a bigger
//!     array, negative strides (negative-step slices or `invert_axis`),
//!     zero-length axes; the padding around them is NaN, so a stray read
//!     shows. It is also called through `Kernel::call`, and through
//!     `run_into` with randomly laid-out caller outputs (later definitions
//!     then read earlier ones through those strides); every element outside
//!     the output views must keep its sentinel.
//! (2) One `Arc<Kernel>` runs on four threads at once, each with its own
//!     inputs (different shapes and layouts), and agrees with the
//!     interpreter every time.
//! (3) Compiling and dropping kernels many times does not grow the resident
//!     set (measured in a child process, so other tests' allocations do not
//!     count): 1,000 cycles by default, 10,000 with `RICCI_LONG=1` (about
//!     90 s in the debug profile).
//! (4) Bad calls are clear errors, never crashes: missing input, wrong rank,
//!     wrong dtype (through `run_views`, `run_into` and `call`), extents
//!     that disagree, a written bound past an axis end, unknown names,
//!     `run_into` with an output of the wrong shape.
//! (5) `run_into` writes into caller-provided strided outputs (transposed,
//!     stepped, reversed, 0-d) exactly the values `run_views` returns.
//!     Plus zero-stride (broadcast) inputs and a program with `diff`.
//! (6) Hand-reduced regressions of the disagreements (1) found: signed
//!     zeros through sums, max/min and sign; squares; sums around
//!     materialised sums.

mod common;
use common::scope::{Kind, ROW_IMPLICIT, Scope};
use ndarray::{
    Array1, Array2, ArrayBase, ArrayD, ArrayViewD, ArrayViewMutD, Axis, Dimension, Ix2, IxDyn,
    RawData, Slice, s,
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ricci::interp::eval;
use ricci::jit::{self, Kernel, KernelElement, Options};
use ricci::runtime::args::Args;
use ricci::runtime::values::{DType, Tensor};
use ricci::sema::{self, Program};
use std::collections::BTreeSet;
use std::sync::Arc;

const FILE: &str = "<program>";

/// `cases` cases (or `PROPTEST_CASES` when set, for a longer hunt); failures
/// are saved in `tests/jit.proptest-regressions`.
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
// Element types, comparison, layouts
// ---------------------------------------------------------------------------

/// f64 or f32, as the tests need them.
trait El: KernelElement + PartialEq + std::fmt::Debug + std::fmt::LowerExp + Send + Sync {
    fn of(v: f64) -> Self;
    fn nan(self) -> bool;
}

impl El for f64 {
    fn of(v: f64) -> f64 {
        v
    }
    fn nan(self) -> bool {
        self.is_nan()
    }
}

impl El for f32 {
    fn of(v: f64) -> f32 {
        v as f32
    }
    fn nan(self) -> bool {
        self.is_nan()
    }
}

/// `Ok` when both arrays have one shape and, element by element in logical
/// order, equal values or both NaN; else where and how they differ.
fn same<T: El>(what: &str, got: &ArrayViewD<T>, want: &ArrayViewD<T>) -> Result<(), String> {
    if got.shape() != want.shape() {
        return Err(format!(
            "{what}: JIT shape {:?}, interpreter shape {:?}",
            got.shape(),
            want.shape()
        ));
    }
    for ((ix, g), w) in got.indexed_iter().zip(want.iter()) {
        if !(g == w || (g.nan() && w.nan())) {
            return Err(format!(
                "{what} at {:?}: JIT {g:e}, interpreter {w:e}",
                ix.slice()
            ));
        }
    }
    Ok(())
}

fn arr<T: El>(shape: &[usize], v: &[f64]) -> ArrayD<T> {
    ArrayD::from_shape_vec(IxDyn(shape), v.iter().map(|&x| T::of(x)).collect()).unwrap()
}

/// How one axis of a laid-out array sits in its backing array.
#[derive(Clone, Debug)]
struct AxisLay {
    /// Distance between consecutive elements, in backing elements.
    step: usize,
    /// Last element first (a negative stride).
    rev: bool,
    /// Reverse with `invert_axis` rather than a negative-step slice.
    invert: bool,
    /// Backing elements before the first and after the last element.
    off: usize,
    tail: usize,
}

/// How an array sits in its backing array: axes in reverse memory order
/// (for a matrix: transposed) or not, and each axis's steps.
#[derive(Clone, Debug)]
struct Lay {
    transpose: bool,
    axes: Vec<AxisLay>,
}

impl Lay {
    fn contiguous(rank: usize) -> Lay {
        Lay {
            transpose: false,
            axes: (0..rank)
                .map(|_| AxisLay {
                    step: 1,
                    rev: false,
                    invert: false,
                    off: 0,
                    tail: 0,
                })
                .collect(),
        }
    }
}

fn axis_lay() -> impl Strategy<Value = AxisLay> {
    (
        prop_oneof![3 => Just(1usize), 2 => 2usize..=3],
        prop::bool::weighted(0.35),
        any::<bool>(),
        prop_oneof![2 => Just(0usize), 1 => 1usize..3],
        prop_oneof![2 => Just(0usize), 1 => 1usize..3],
    )
        .prop_map(|(step, rev, invert, off, tail)| AxisLay {
            step,
            rev,
            invert,
            off,
            tail,
        })
}

fn lay(rank: usize) -> impl Strategy<Value = Lay> {
    prop_oneof![
        1 => Just(Lay::contiguous(rank)),
        3 => (prop::bool::weighted(0.4), prop::collection::vec(axis_lay(), rank))
            .prop_map(|(transpose, axes)| Lay { transpose, axes }),
    ]
}

/// Backing elements one axis of `len` elements spans.
fn span(len: usize, step: usize) -> usize {
    if len == 0 { 0 } else { (len - 1) * step + 1 }
}

/// The view of `shape` that `lay` describes inside the backing array `v`.
fn arrange<S: RawData>(
    mut v: ArrayBase<S, IxDyn>,
    shape: &[usize],
    lay: &Lay,
) -> ArrayBase<S, IxDyn> {
    if lay.transpose {
        v = v.reversed_axes();
    }
    for (a, ax) in lay.axes.iter().enumerate() {
        let start = ax.off as isize;
        let end = start + span(shape[a], ax.step) as isize;
        let step = ax.step as isize;
        if ax.rev && ax.invert {
            v.slice_axis_inplace(Axis(a), Slice::new(start, Some(end), step));
            v.invert_axis(Axis(a));
        } else {
            let step = if ax.rev { -step } else { step };
            v.slice_axis_inplace(Axis(a), Slice::new(start, Some(end), step));
        }
    }
    v
}

/// Logical values laid out in a bigger backing array (filled elsewhere with
/// a sentinel).
struct Laid<T> {
    backing: ArrayD<T>,
    shape: Vec<usize>,
    lay: Lay,
}

impl<T: El> Laid<T> {
    fn new(vals: &ArrayViewD<T>, lay: &Lay, fill: T) -> Laid<T> {
        let shape = vals.shape().to_vec();
        assert_eq!(lay.axes.len(), shape.len());
        let mut blen: Vec<usize> = lay
            .axes
            .iter()
            .zip(&shape)
            .map(|(ax, &n)| ax.off + span(n, ax.step) + ax.tail)
            .collect();
        if lay.transpose {
            blen.reverse();
        }
        let mut l = Laid {
            backing: ArrayD::from_elem(IxDyn(&blen), fill),
            shape,
            lay: lay.clone(),
        };
        let mut v = l.view_mut();
        assert_eq!(v.shape(), vals.shape());
        v.assign(vals);
        l
    }

    fn view(&self) -> ArrayViewD<'_, T> {
        arrange(self.backing.view(), &self.shape, &self.lay)
    }

    fn view_mut(&mut self) -> ArrayViewMutD<'_, T> {
        arrange(self.backing.view_mut(), &self.shape, &self.lay)
    }
}

// ---------------------------------------------------------------------------
// (1) The generator (after tests/props.rs)
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
    /// `a / b`.
    Div(Box<Node>, Box<Node>),
    /// `(E)^2`.
    Sq(Box<Node>),
    /// `(E)^(p)`, `p` an index into [`POWERS`].
    Pow(u8, Box<Node>),
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
    /// `diff(E, T)`: `T` is `c`, `x[k]` or `A[k,l]` (indices in scope;
    /// `c` where there are none of the kinds needed).
    Diff(u8, Box<Node>),
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

const CONSTS: [&str; 6] = ["0", "1", "2", "3", "0.5", "0.1"];
const FUNCS: [&str; 8] = ["exp", "tanh", "abs", "sin", "cos", "log", "sqrt", "sign"];
const POWERS: [&str; 5] = ["3", "-1", "0.5", "c", "-2"];
/// Binder names by kind; a reused name shadows the outer one.
const ROW_BINDERS: [&str; 2] = ["k", "r"];
const COL_BINDERS: [&str; 2] = ["l", "t"];
fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        (0u8..6).prop_map(Node::Const),
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
            (boxed.clone(), boxed.clone()).prop_map(|(a, b)| Node::Div(a, b)),
            boxed.clone().prop_map(Node::Sq),
            (0u8..5, boxed.clone()).prop_map(|(p, e)| Node::Pow(p, e)),
            (0u8..8, boxed.clone()).prop_map(|(f, e)| Node::Call(f, e)),
            (any::<bool>(), boxed.clone(), boxed.clone())
                .prop_map(|(m, a, b)| Node::MaxMin(m, a, b)),
            (any::<u8>(), boxed.clone()).prop_map(|(t, e)| Node::Diff(t, e)),
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
                0u8..10,
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

/// A generated expression with its names chosen, printed as text.
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
    Div(Box<R>, Box<R>),
    Sq(Box<R>),
    Pow(&'static str, Box<R>),
    Call(&'static str, Box<R>),
    MaxMin(bool, Box<R>, Box<R>),
    /// `diff(E, target)`.
    Diff(Box<R>, String),
    Reduce {
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
        Node::Div(a, b) => R::Div(Box::new(resolve(a, s)), Box::new(resolve(b, s))),
        Node::Sq(e) => R::Sq(Box::new(resolve(e, s))),
        Node::Pow(p, e) => R::Pow(POWERS[*p as usize % POWERS.len()], Box::new(resolve(e, s))),
        Node::Call(f, e) => {
            let f = FUNCS[*f as usize % FUNCS.len()];
            let e = resolve(e, s);
            match f {
                // Keep exp's argument in [-1, 1] so values stay finite.
                "exp" => R::Call("exp", Box::new(R::Call("tanh", Box::new(e)))),
                // Mostly real results (NaN everywhere would prove little).
                "log" | "sqrt" => R::Call(f, Box::new(R::Call("abs", Box::new(e)))),
                _ => R::Call(f, Box::new(e)),
            }
        }
        Node::MaxMin(min, a, b) => {
            R::MaxMin(*min, Box::new(resolve(a, s)), Box::new(resolve(b, s)))
        }
        Node::Diff(t, e) => {
            let e = resolve(e, s);
            let of = |kind: Kind| -> Vec<String> {
                s.names
                    .iter()
                    .filter(|(_, k)| *k == kind)
                    .map(|(n, _)| n.clone())
                    .collect()
            };
            let (rows, cols) = (of(Kind::Row), of(Kind::Col));
            let pick = |v: &[String], k: u8| v[k as usize % v.len()].clone();
            let target = match t % 3 {
                1 if !rows.is_empty() => format!("x[{}]", pick(&rows, t / 3)),
                2 if !rows.is_empty() && !cols.is_empty() => {
                    format!("A[{},{}]", pick(&rows, t / 3), pick(&cols, t / 7))
                }
                _ => "c".to_string(),
            };
            R::Diff(Box::new(e), target)
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

/// Whether `r` is built from numbers alone (the checker folds it exactly).
fn constant(r: &R) -> bool {
    match r {
        R::Num(_) => true,
        R::Neg(e) | R::Sq(e) | R::Pow(_, e) => constant(e),
        R::Add(ts) => ts.iter().all(|(_, t)| constant(t)),
        R::Mul(fs, _) => fs.iter().all(constant),
        R::Div(a, b) => constant(a) && constant(b),
        _ => false,
    }
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
        // An exact division by zero is an error as written: a constant
        // divisor (or base of a negative power) multiplies instead.
        R::Div(a, b) if constant(b) => format!("({} * {})", text(a), text(b)),
        R::Div(a, b) => format!("({} / {})", text(a), text(b)),
        R::Sq(e) if is_leaf(e) => format!("{}^2", text(e)),
        R::Sq(e) => format!("({})^2", text(e)),
        R::Pow(p, e) if p.starts_with('-') && constant(e) => format!("({})^(3)", text(e)),
        R::Pow(p, e) if is_leaf(e) => format!("{}^({p})", text(e)),
        R::Pow(p, e) => format!("({})^({p})", text(e)),
        R::Call(f, e) => format!("{f}({})", text(e)),
        R::MaxMin(min, a, b) => format!(
            "{}({}, {})",
            if *min { "min" } else { "max" },
            text(a),
            text(b)
        ),
        R::Diff(e, target) => format!("diff({}, {target})", text(e)),
        R::Reduce { head, body, .. } => format!("({head} {})", text(body)),
    }
}

/// About how many nodes the interpreter visits for one value of `r`.
fn work(r: &R) -> f64 {
    match r {
        R::Num(_) | R::Param(_) | R::Elem(..) | R::Idx(_) | R::Delta(..) | R::Scalar => 1.0,
        R::Neg(e) | R::Sq(e) | R::Pow(_, e) | R::Call(_, e) => 1.0 + work(e),
        R::Add(terms) => 1.0 + terms.iter().map(|(_, t)| work(t)).sum::<f64>(),
        R::Mul(fs, _) => 1.0 + fs.iter().map(work).sum::<f64>(),
        R::Div(a, b) | R::MaxMin(_, a, b) => 1.0 + work(a) + work(b),
        // A derivative is a few times its expression.
        R::Diff(e, _) => 1.0 + 4.0 * work(e),
        R::Reduce { binders, body, .. } => {
            let len: f64 = binders
                .iter()
                .map(|(_, lo, hi)| (hi - lo + 1).max(1) as f64)
                .product();
            1.0 + len * work(body)
        }
    }
}

/// One generated program (three definitions and a bare expression), its
/// data, and how the JIT is to see it.
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
    f32: bool,
    x_lay: Lay,
    a_lay: Lay,
    y_lay: Lay,
    m_lay: Lay,
    /// Which of `s0`, `y1`, `M2` go to caller arrays in `run_into`.
    into: [bool; 3],
    /// `M2[i,j] = y1[i] A[i,j] (...)`: `i` first subscripts a definition,
    /// so its extent, once derivatives are taken, comes from `y1`'s axis
    /// (which a hidden definition before `y1` moves).
    anchor: bool,
}

const MAX_M: usize = 9;
const MAX_N: usize = 8;

fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1.0f64..=1.0,
        1 => Just(0.0),
        1 => Just(-0.0),
        1 => Just(1.0),
        1 => Just(-1.0),
        1 => Just(0.5),
    ]
}

fn extent(max: usize) -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0usize..4, 2 => 4usize..=max]
}

fn case() -> impl Strategy<Value = Case> {
    (
        (
            extent(MAX_M),
            extent(MAX_N),
            prop::collection::vec(unit(), MAX_M),
            prop::collection::vec(unit(), MAX_M * MAX_N),
            unit(),
        ),
        [node(), node(), node(), node()],
        any::<[bool; 3]>(),
        prop::bool::weighted(0.35),
        (lay(1), lay(2), lay(1), lay(2)),
        any::<[bool; 3]>(),
        any::<bool>(),
    )
        .prop_map(
            |((m, n, x, a, c), trees, semis, f32, (x_lay, a_lay, y_lay, m_lay), into, anchor)| {
                Case {
                    m,
                    n,
                    x,
                    a,
                    c,
                    trees,
                    semis,
                    f32,
                    x_lay,
                    a_lay,
                    y_lay,
                    m_lay,
                    into,
                    anchor,
                }
            },
        )
}

/// A statement's right-hand side and the extents it sums over implicitly.
fn rhs(
    node: &Node,
    m: usize,
    n: usize,
    axes: &[(&str, Kind)],
    implicit: bool,
    prev: usize,
    anchor: bool,
) -> (R, f64) {
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
        _ => {
            let a = R::Elem("A", vec![axes[0].0.into(), axes[1].0.into()]);
            let v = if anchor {
                vec![R::Elem("y1", vec![axes[0].0.into()]), a, body]
            } else {
                vec![a, body]
            };
            R::Mul(v, false)
        }
    };
    let factor = s
        .used_implicit
        .iter()
        .map(|&p| if p == ROW_IMPLICIT { m } else { n }.max(1) as f64)
        .product();
    (expr, factor)
}

/// The program text and an estimate of the interpreter's work.
fn program_text(case: &Case) -> (String, f64) {
    let (m, n) = (case.m, case.n);
    let row = [("i", Kind::Row)];
    let both = [("i", Kind::Row), ("j", Kind::Col)];
    let r = [
        rhs(&case.trees[0], m, n, &[], true, 0, false),
        rhs(&case.trees[1], m, n, &row, true, 1, false),
        rhs(&case.trees[2], m, n, &both, true, 2, case.anchor),
        rhs(&case.trees[3], m, n, &[], false, 3, false),
    ];
    let elems = [1.0, m.max(1) as f64, (m * n).max(1) as f64, 1.0];
    let total: f64 = r.iter().zip(elems).map(|((e, f), k)| work(e) * f * k).sum();
    let stmts = [
        format!("s0 = {}", text(&r[0].0)),
        format!("y1[i] = {}", text(&r[1].0)),
        format!("M2[i,j] = {}", text(&r[2].0)),
        text(&r[3].0),
    ];
    let mut src = stmts[0].clone();
    for (k, s) in stmts[1..].iter().enumerate() {
        src.push_str(if case.semis[k] { "; " } else { "\n" });
        src.push_str(s);
    }
    (src, total)
}

/// Cases whose interpretation would visit more nodes than this are skipped
/// (rarely: a few nested sums over the largest extents).
const MAX_WORK: f64 = 4e5;

/// NaN around every input (a stray read shows), this around outputs.
const OUT_SENTINEL: f64 = -7.625e11;

fn fail(msg: String) -> TestCaseError {
    TestCaseError::fail(msg)
}

fn check_case(case: &Case) -> Result<(), TestCaseError> {
    let (src, total) = program_text(case);
    prop_assume!(total <= MAX_WORK);
    let program: Program = sema::check_source(&src)
        .map_err(|e| fail(format!("does not check:\n{src}\n{}", e.render(FILE, &src))))?;
    let r = if case.f32 {
        check_with::<f32>(&src, &program, case)
    } else {
        check_with::<f64>(&src, &program, case)
    };
    r.map_err(|e| {
        let dtype = if case.f32 { "f32" } else { "f64" };
        fail(format!(
            "{e}\n{dtype}, m = {}, n = {}, c = {:e}\nx = {:?}\nA = {:?}\n{src}",
            case.m,
            case.n,
            case.c,
            &case.x[..case.m],
            &case.a[..case.m * case.n]
        ))
    })
}

fn check_with<T: El>(src: &str, program: &Program, case: &Case) -> Result<(), String> {
    let (m, n) = (case.m, case.n);
    let x = arr::<T>(&[m], &case.x[..m]);
    let a = arr::<T>(&[m, n], &case.a[..m * n]);
    let takes = |name: &str| program.inputs.iter().any(|i| i.name == name);
    let has_param = |name: &str| program.params.iter().any(|p| p.name == name);

    // The interpreter on owned standard-layout arrays.
    let mut args = Args::new();
    if takes("x") {
        args = args.tensor("x", T::wrap(x.clone()));
    }
    if takes("A") {
        args = args.tensor("A", T::wrap(a.clone()));
    }
    let mut params: Vec<(&str, f64)> = Vec::new();
    if has_param("c") {
        params.push(("c", case.c));
    }
    if has_param("N") {
        params.push(("N", m as f64));
    }
    for (p, v) in &params {
        args = args.param(p, *v);
    }
    if args.tensors.is_empty() {
        args.default_dtype = Some(T::DTYPE);
    }
    let want = eval(program, &args)
        .map_err(|e| format!("the interpreter fails:\n{}", e.render(FILE, src)))?;
    let want: Vec<ArrayD<T>> = want
        .iter()
        .map(|t| T::view(t).cloned().ok_or("interpreter dtype"))
        .collect::<Result<_, _>>()?;
    if want.len() != 4 {
        return Err(format!("interpreter gave {} values", want.len()));
    }

    let kernel = jit::compile(src, Options { dtype: T::DTYPE })
        .map_err(|e| format!("the JIT does not compile:\n{}", e.render(FILE, src)))?;

    // run_views on laid-out inputs.
    let nan = T::of(f64::NAN);
    let xl = Laid::new(&x.view(), &case.x_lay, nan);
    let al = Laid::new(&a.view(), &case.a_lay, nan);
    let mut inputs: Vec<(&str, ArrayViewD<T>)> = Vec::new();
    if takes("x") {
        inputs.push(("x", xl.view()));
    }
    if takes("A") {
        inputs.push(("A", al.view()));
    }
    let got = kernel
        .run_views(&inputs, &params)
        .map_err(|e| format!("run_views fails:\n{}", e.render(FILE, src)))?;
    if got.len() != 4 {
        return Err(format!("run_views gave {} values", got.len()));
    }
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        same(
            &format!(
                "run_views, statement {k} (layouts x {:?}, A {:?})",
                case.x_lay, case.a_lay
            ),
            &g.view(),
            &w.view(),
        )?;
    }

    // call on the interpreter's own arguments.
    let called = kernel
        .call(&args)
        .map_err(|e| format!("call fails:\n{}", e.render(FILE, src)))?;
    for (k, (g, w)) in called.iter().zip(&want).enumerate() {
        let g = T::view(g).ok_or("call dtype")?;
        same(&format!("call, statement {k}"), &g.view(), &w.view())?;
    }

    // run_into caller arrays laid out at random.
    let sentinel = T::of(OUT_SENTINEL);
    let names = ["s0", "y1", "M2"];
    let lays = [Lay::contiguous(0), case.y_lay.clone(), case.m_lay.clone()];
    let mut outs: Vec<(&str, Laid<T>, Laid<T>)> = Vec::new();
    for k in 0..3 {
        if case.into[k] {
            let blank = ArrayD::from_elem(IxDyn(want[k].shape()), sentinel);
            outs.push((
                names[k],
                Laid::new(&blank.view(), &lays[k], sentinel),
                Laid::new(&want[k].view(), &lays[k], sentinel),
            ));
        }
    }
    let mut views: Vec<(&str, ArrayViewMutD<T>)> = outs
        .iter_mut()
        .map(|(n, l, _)| (*n, l.view_mut()))
        .collect();
    kernel
        .run_into(&inputs, &params, &mut views)
        .map_err(|e| format!("run_into fails:\n{}", e.render(FILE, src)))?;
    drop(views);
    for (name, got, expected) in &outs {
        let lay = &got.lay;
        same(
            &format!("run_into `{name}` (layout {lay:?}), backing array"),
            &got.backing.view(),
            &expected.backing.view(),
        )?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    /// Random programs: the JIT (through `run_views`, `call` and
    /// `run_into`, on random layouts) gives the interpreter's values bit for
    /// bit.
    #[test]
    fn jit_matches_the_interpreter_on_random_programs_and_layouts(case in case()) {
        check_case(&case)?;
    }
}

// ---------------------------------------------------------------------------
// (2) One kernel, four threads
// ---------------------------------------------------------------------------

const THREADED: &str = "y[i] = tanh(sum_j A[i,j] x[j]) + c
s = sum_i y[i] y[i] + prod_{k=0}^{2} x[k]
P[i,j] = A[i,j] / (1 + y[i] y[i]) - max(A[i,j], s)";

#[test]
fn one_kernel_runs_on_four_threads_at_once() {
    let kernel = jit::compile(THREADED, Options::default()).unwrap();
    let program = sema::check_source(THREADED).unwrap();
    struct Job {
        a: ArrayD<f64>,
        x: ArrayD<f64>,
        c: f64,
        want: Vec<ArrayD<f64>>,
    }
    let jobs: Vec<Job> = (0..4)
        .map(|t| {
            let (m, n) = (3 + 2 * t, 4 + 3 * t);
            let av: Vec<f64> = (0..m * n)
                .map(|k| ((k * (t + 2)) as f64 * 0.37).sin())
                .collect();
            let xv: Vec<f64> = (0..n).map(|k| ((k + t) as f64 * 0.61).cos()).collect();
            let a = arr::<f64>(&[m, n], &av);
            let x = arr::<f64>(&[n], &xv);
            let c = 0.25 * t as f64 - 0.3;
            let args = Args::new()
                .tensor("A", Tensor::F64(a.clone()))
                .tensor("x", Tensor::F64(x.clone()))
                .param("c", c);
            let want = eval(&program, &args)
                .unwrap()
                .iter()
                .map(|t| t.to_f64())
                .collect();
            Job { a, x, c, want }
        })
        .collect();
    let layouts = [
        Lay::contiguous(2),
        Lay {
            transpose: true,
            ..Lay::contiguous(2)
        },
        Lay {
            transpose: false,
            axes: vec![
                AxisLay {
                    step: 2,
                    rev: true,
                    invert: false,
                    off: 1,
                    tail: 1,
                },
                AxisLay {
                    step: 3,
                    rev: false,
                    invert: false,
                    off: 0,
                    tail: 2,
                },
            ],
        },
        Lay {
            transpose: true,
            axes: vec![
                AxisLay {
                    step: 1,
                    rev: true,
                    invert: true,
                    off: 0,
                    tail: 0,
                },
                AxisLay {
                    step: 2,
                    rev: true,
                    invert: false,
                    off: 1,
                    tail: 0,
                },
            ],
        },
    ];
    const ROUNDS: usize = 300;
    std::thread::scope(|scope| {
        for (t, job) in jobs.iter().enumerate() {
            let kernel = Arc::clone(&kernel);
            let lay = layouts[t].clone();
            scope.spawn(move || {
                let al = Laid::new(&job.a.view(), &lay, f64::NAN);
                let args = Args::new()
                    .tensor("A", Tensor::F64(job.a.clone()))
                    .tensor("x", Tensor::F64(job.x.clone()))
                    .param("c", job.c);
                for round in 0..ROUNDS {
                    let got = if round % 3 == 2 {
                        kernel
                            .call(&args)
                            .unwrap()
                            .iter()
                            .map(|t| t.to_f64())
                            .collect()
                    } else {
                        kernel
                            .run_views(&[("A", al.view()), ("x", job.x.view())], &[("c", job.c)])
                            .unwrap()
                    };
                    assert_eq!(got.len(), 3);
                    for (k, (g, w)) in got.iter().zip(&job.want).enumerate() {
                        if let Err(e) = same(
                            &format!("thread {t}, round {round}, statement {k}"),
                            &g.view(),
                            &w.view(),
                        ) {
                            panic!("{e}");
                        }
                    }
                    if round % 50 == 0 {
                        let again = jit::compile(THREADED, Options::default()).unwrap();
                        assert!(
                            Arc::ptr_eq(&again, &kernel),
                            "the cache gave another kernel"
                        );
                    }
                }
            });
        }
    });
}

// ---------------------------------------------------------------------------
// (3) Compile and drop, many times
// ---------------------------------------------------------------------------

/// The resident set size in bytes (Linux: `/proc/self/statm` in pages, the
/// page size from the auxiliary vector).
#[cfg(target_os = "linux")]
fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * page_size()
}

#[cfg(target_os = "linux")]
fn page_size() -> u64 {
    const AT_PAGESZ: u64 = 6;
    let auxv = std::fs::read("/proc/self/auxv").unwrap_or_default();
    let words: Vec<u64> = auxv
        .chunks_exact(8)
        .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
        .collect();
    words
        .chunks_exact(2)
        .find(|kv| kv[0] == AT_PAGESZ)
        .map_or(4096, |kv| kv[1])
}

const CHILD_ENV: &str = "RICCI_JIT_RSS_CHILD";

const CYCLE_PROGRAMS: [&str; 3] = [
    "y[i] = tanh(sum_j A[i,j] x[j]); s = sum_i y[i] y[i] + prod_{k=0}^{1} x[k]",
    "C[i,k] = sum_j A[i,j] B[j,k] + max(A[i,k], 0) / (1 + exp(B[k,i]))",
    "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])",
];

/// 1,000 compile-and-drop cycles (10,000 with `RICCI_LONG=1`: about 90 s
/// in the debug profile, 9 ms a compile), alternating `compile_uncached`
/// with `compile` + `clear_cache`, over three programs (one with `diff`),
/// every kernel run once and checked. Between a 200-cycle warm-up and the
/// end the resident set may grow by less than 2 MiB + 512 bytes a cycle
/// (2.4 MiB for 1,000, 6.8 MiB for 10,000; a kernel that is never freed
/// costs about 12 KiB, so leaking even every other one fails). Runs in a
/// child process (this test binary, this test alone) so that concurrent
/// tests do not disturb the measurement.
#[test]
#[cfg(target_os = "linux")]
fn compile_and_drop_does_not_grow_memory() {
    if std::env::var_os(CHILD_ENV).is_some() {
        compile_drop_cycles();
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            "compile_and_drop_does_not_grow_memory",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "the child failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("rss:"),
        "the child did not measure:\n{stdout}"
    );
}

#[cfg(target_os = "linux")]
fn compile_drop_cycles() {
    let long = std::env::var("RICCI_LONG").is_ok_and(|v| v == "1");
    let cycles = if long { 10_000 } else { 1_000 };
    const WARM_UP: usize = 200;
    let bound = (2 << 20) + 512 * (cycles - WARM_UP) as i64;
    let a = arr::<f64>(&[3, 3], &[0.5, -1.0, 2.0, 0.25, 1.5, -0.5, 1.0, 0.0, -2.0]);
    let v = arr::<f64>(&[3], &[1.0, -0.5, 0.25]);
    let args = [
        Args::new()
            .tensor("A", Tensor::F64(a.clone()))
            .tensor("x", Tensor::F64(v.clone())),
        Args::new()
            .tensor("A", Tensor::F64(a.clone()))
            .tensor("B", Tensor::F64(a.clone())),
        Args::new()
            .tensor("X", Tensor::F64(a.clone()))
            .tensor("y", Tensor::F64(v.clone()))
            .tensor("w", Tensor::F64(v.clone())),
    ];
    let wants: Vec<Vec<Tensor>> = CYCLE_PROGRAMS
        .iter()
        .zip(&args)
        .map(|(src, args)| eval(&sema::check_source(src).unwrap(), args).unwrap())
        .collect();
    let t0 = std::time::Instant::now();
    let mut warm = 0;
    let mut peak = 0;
    for cycle in 0..cycles {
        if cycle == WARM_UP {
            warm = rss_bytes();
        }
        let p = cycle % 3;
        let got = if cycle % 2 == 0 {
            let k = jit::compile_uncached(CYCLE_PROGRAMS[p], Options::default()).unwrap();
            k.call(&args[p]).unwrap()
        } else {
            let k = jit::compile(CYCLE_PROGRAMS[p], Options::default()).unwrap();
            jit::clear_cache();
            k.call(&args[p]).unwrap()
        };
        assert_eq!(got, wants[p], "cycle {cycle}");
        if cycle >= WARM_UP {
            peak = peak.max(rss_bytes());
        }
    }
    let end = rss_bytes();
    let elapsed = t0.elapsed();
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let growth = end as i64 - warm as i64;
    println!(
        "rss: {cycles} cycles in {:.1} s; after {WARM_UP}: {:.2} MiB, peak {:.2} MiB, end {:.2} MiB, growth {:.2} MiB ({:.0} bytes/cycle); bound {:.2} MiB",
        elapsed.as_secs_f64(),
        mib(warm),
        mib(peak),
        mib(end),
        growth as f64 / (1024.0 * 1024.0),
        growth as f64 / (cycles - WARM_UP) as f64,
        mib(bound as u64),
    );
    assert!(
        growth < bound,
        "the resident set grew by {:.2} MiB over {} compile-and-drop cycles",
        growth as f64 / (1024.0 * 1024.0),
        cycles - WARM_UP
    );
}

// ---------------------------------------------------------------------------
// (4) Bad calls
// ---------------------------------------------------------------------------

/// Every message of an error, one a line.
fn messages(e: &ricci::Errors) -> String {
    e.0.iter()
        .map(|d| d.message.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn assert_error<T: std::fmt::Debug>(r: Result<T, ricci::Errors>, wanted: &[&str]) {
    match r {
        Ok(v) => panic!("expected an error saying {wanted:?}, got {v:?}"),
        Err(e) => {
            let got = messages(&e);
            for w in wanted {
                assert!(got.contains(w), "expected {w:?} in:\n{got}");
            }
            // Every error renders.
            assert!(e.render(FILE, "").starts_with("error"));
        }
    }
}

const MATVEC: &str = "y[i] = sum_j A[i,j] x[j]";

fn matvec() -> Arc<Kernel> {
    jit::compile(MATVEC, Options::default()).unwrap()
}

#[test]
fn a_missing_input_is_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view())], &[]),
        &["input tensor `x` is not given"],
    );
    let args = Args::new().tensor("A", Tensor::F64(a));
    assert_error(matvec().call(&args), &["input tensor `x` is not given"]);
}

#[test]
fn a_wrong_rank_is_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array2::<f64>::ones((3, 1)).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view())], &[]),
        &["input tensor `x` is used with rank 1 but the given array has rank 2 (shape (3, 1))"],
    );
}

#[test]
fn a_wrong_dtype_is_an_error() {
    let a32 = Array2::<f32>::ones((2, 3)).into_dyn();
    let x32 = Array1::<f32>::ones(3).into_dyn();
    let inputs = [("A", a32.view()), ("x", x32.view())];
    let wanted = ["this kernel was compiled for f64 but the inputs are f32"];
    assert_error(matvec().run_views(&inputs, &[]), &wanted);
    let mut out = Array1::<f32>::zeros(2).into_dyn();
    assert_error(
        matvec().run_into(&inputs, &[], &mut [("y", out.view_mut())]),
        &wanted,
    );
    let args = Args::new()
        .tensor("A", Tensor::F32(a32.clone()))
        .tensor("x", Tensor::F32(x32.clone()));
    assert_error(matvec().call(&args), &wanted);
    // And the other way round.
    let k32 = jit::compile(MATVEC, Options { dtype: DType::F32 }).unwrap();
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        k32.run_views(&[("A", a.view()), ("x", x.view())], &[]),
        &["this kernel was compiled for f32 but the inputs are f64"],
    );
    // Mixed element types through `call`.
    let mixed = Args::new()
        .tensor("A", Tensor::F64(a))
        .tensor("x", Tensor::F32(x32));
    assert_error(
        matvec().call(&mixed),
        &["inputs mix element types: `A` is f64 but `x` is f32"],
    );
}

#[test]
fn extents_that_disagree_are_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(4).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view())], &[]),
        &[
            "index `j` has two extents: `A` has length 3 along axis 1 but `x` has length 4 along axis 0",
        ],
    );
}

#[test]
fn a_bound_past_the_end_is_an_error() {
    let k = jit::compile("s = sum_{j=1}^{N} x[j]", Options::default()).unwrap();
    let x = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        k.run_views(&[("x", x.view())], &[("N", 3.0)]),
        &[
            "index `j` runs from 1 to N = 3, but `x` has length 3 along axis 0 (valid subscripts 0 to 2)",
        ],
    );
    // In bounds, it runs.
    let got = k.run_views(&[("x", x.view())], &[("N", 2.0)]).unwrap();
    assert_eq!(got[0].first(), Some(&2.0));
    // A missing parameter.
    assert_error(
        k.run_views(&[("x", x.view())], &[]),
        &["scalar parameter `N` is not given"],
    );
}

#[test]
fn unknown_names_are_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(3).into_dyn();
    let z = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view()), ("z", z.view())], &[]),
        &["tensor `z` is given but the program has no input tensor named `z`"],
    );
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view())], &[("N", 1.0)]),
        &["parameter `N` is given but the program has no scalar parameter named `N`"],
    );
    let args = Args::new()
        .tensor("A", Tensor::F64(a))
        .tensor("x", Tensor::F64(x))
        .tensor("z", Tensor::F64(z));
    assert_error(
        matvec().call(&args),
        &["tensor `z` is given but the program has no input tensor named `z`"],
    );
}

#[test]
fn run_into_an_output_of_the_wrong_shape_is_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(3).into_dyn();
    let mut out = Array1::<f64>::from_elem(3, 9.0).into_dyn();
    assert_error(
        matvec().run_into(
            &[("A", a.view()), ("x", x.view())],
            &[],
            &mut [("y", out.view_mut())],
        ),
        &["the array given for `y` has shape (3,) but `y` has shape (2,)"],
    );
    assert!(out.iter().all(|&v| v == 9.0), "a failed call wrote {out}");
    // A 2-d array for a vector.
    let mut out2 = Array2::<f64>::zeros((2, 1)).into_dyn();
    assert_error(
        matvec().run_into(
            &[("A", a.view()), ("x", x.view())],
            &[],
            &mut [("y", out2.view_mut())],
        ),
        &["the array given for `y` has shape (2, 1) but `y` has shape (2,)"],
    );
}

/// Every bad call reports all its problems at once.
#[test]
fn several_problems_are_reported_together() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let z = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("z", z.view())], &[]),
        &[
            "tensor `z` is given but the program has no input tensor named `z`",
            "input tensor `x` is not given",
        ],
    );
}

// ---------------------------------------------------------------------------
// (5) run_into strided outputs; broadcast inputs; diff
// ---------------------------------------------------------------------------

const MATMUL: &str = "C[i,k] = sum_j A[i,j] B[j,k]; s = sum_{i,k} C[i,k] - c";

fn matmul_inputs() -> (ArrayD<f64>, ArrayD<f64>) {
    let a: Vec<f64> = (0..15).map(|k| (k as f64 * 0.7).sin()).collect();
    let b: Vec<f64> = (0..20).map(|k| (k as f64 * 0.3).cos() - 0.2).collect();
    (arr(&[3, 5], &a), arr(&[5, 4], &b))
}

#[test]
fn run_into_writes_strided_outputs() {
    let src = MATMUL;
    let k = jit::compile(src, Options::default()).unwrap();
    let (a, b) = matmul_inputs();
    let inputs = [("A", a.view()), ("B", b.view())];
    let params = [("c", 0.5)];
    let want = k.run_views(&inputs, &params).unwrap();
    let args = Args::new()
        .tensor("A", Tensor::F64(a.clone()))
        .tensor("B", Tensor::F64(b.clone()))
        .param("c", 0.5);
    let interp = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    for (w, i) in want.iter().zip(&interp) {
        same("run_views", &w.view(), &i.to_f64().view()).unwrap();
    }
    const SENT: f64 = 1234.5;

    // C transposed: a (4, 3) array seen as (3, 4); s into a 0-d array.
    let mut ct = Array2::<f64>::from_elem((4, 3), SENT);
    let mut sv = ArrayD::<f64>::from_elem(IxDyn(&[]), SENT);
    k.run_into(
        &inputs,
        &params,
        &mut [
            ("C", ct.view_mut().reversed_axes().into_dyn()),
            ("s", sv.view_mut()),
        ],
    )
    .unwrap();
    same("C transposed", &ct.t().into_dyn(), &want[0].view()).unwrap();
    same("s", &sv.view(), &want[1].view()).unwrap();

    // C stepped and reversed inside a bigger array: only its elements
    // change.
    let mut big = Array2::<f64>::from_elem((7, 9), SENT);
    k.run_into(
        &inputs,
        &params,
        &mut [("C", big.slice_mut(s![1..6;2, 1..8;-2]).into_dyn())],
    )
    .unwrap();
    same(
        "C stepped",
        &big.slice(s![1..6;2, 1..8;-2]).into_dyn(),
        &want[0].view(),
    )
    .unwrap();
    let mut expected = Array2::<f64>::from_elem((7, 9), SENT);
    expected
        .slice_mut(s![1..6;2, 1..8;-2])
        .assign(&want[0].view().into_dimensionality::<Ix2>().unwrap());
    same(
        "around C",
        &big.into_dyn().view(),
        &expected.into_dyn().view(),
    )
    .unwrap();

    // Negative strides by invert_axis; only `s` named: `C` is computed and
    // dropped.
    let mut cr = Array2::<f64>::from_elem((3, 4), SENT);
    let mut s2 = ArrayD::<f64>::from_elem(IxDyn(&[]), SENT);
    k.run_into(&inputs, &params, &mut [("s", s2.view_mut())])
        .unwrap();
    same("s alone", &s2.view(), &want[1].view()).unwrap();
    assert!(cr.iter().all(|&v| v == SENT));
    let mut crv = cr.view_mut();
    crv.invert_axis(Axis(0));
    crv.invert_axis(Axis(1));
    k.run_into(&inputs, &params, &mut [("C", crv.into_dyn())])
        .unwrap();
    let mut crr = cr.view();
    crr.invert_axis(Axis(0));
    crr.invert_axis(Axis(1));
    same("C inverted", &crr.into_dyn(), &want[0].view()).unwrap();

    // Zero-length outputs.
    let a0 = Array2::<f64>::zeros((0, 5)).into_dyn();
    let mut c0 = Array2::<f64>::zeros((4, 0));
    let mut s0 = ArrayD::<f64>::from_elem(IxDyn(&[]), SENT);
    k.run_into(
        &[("A", a0.view()), ("B", b.view())],
        &params,
        &mut [
            ("C", c0.view_mut().reversed_axes().into_dyn()),
            ("s", s0.view_mut()),
        ],
    )
    .unwrap();
    assert_eq!(s0.first(), Some(&-0.5));
}

#[test]
fn f32_run_into_a_transposed_output() {
    let src = MATMUL;
    let k = jit::compile(src, Options { dtype: DType::F32 }).unwrap();
    let (a, b) = matmul_inputs();
    let (a, b) = (a.mapv(|v| v as f32), b.mapv(|v| v as f32));
    let args = Args::new()
        .tensor("A", Tensor::F32(a.clone()))
        .tensor("B", Tensor::F32(b.clone()))
        .param("c", 0.5);
    let want = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    let mut ct = Array2::<f32>::from_elem((4, 3), 7.0);
    k.run_into(
        &[("A", a.view()), ("B", b.view())],
        &[("c", 0.5)],
        &mut [("C", ct.view_mut().reversed_axes().into_dyn())],
    )
    .unwrap();
    let Tensor::F32(w) = &want[0] else {
        panic!("dtype")
    };
    same("C", &ct.t().into_dyn(), &w.view()).unwrap();
}

/// Inputs with zero strides (`broadcast`): every logical element reads the
/// same memory.
#[test]
fn broadcast_inputs_with_zero_strides() {
    let src = "y[i] = sum_j A[i,j] x[j]; z[i] = sum_{j=0}^{2} x[j] A[i,j] + x[i]";
    let row = Array1::from(vec![0.5, -1.25, 2.0, 0.75, 3.0]);
    let a_b = row.broadcast((5, 5)).unwrap().into_dyn();
    assert_eq!(a_b.strides(), &[0, 1]);
    let one = Array1::from(vec![0.3]);
    let x_b = one.broadcast(5).unwrap().into_dyn();
    assert_eq!(x_b.strides(), &[0]);
    let k = jit::compile(src, Options::default()).unwrap();
    let got = k
        .run_views(&[("A", a_b.view()), ("x", x_b.view())], &[])
        .unwrap();
    let args = Args::new()
        .tensor("A", Tensor::F64(a_b.to_owned()))
        .tensor("x", Tensor::F64(x_b.to_owned()));
    let want = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        same(&format!("statement {k}"), &g.view(), &w.to_f64().view()).unwrap();
    }
}

/// A program with `diff`: the kernel returns the source's definitions only
/// (not the adjoints the derivative adds), as the interpreter does.
#[test]
fn a_program_with_diff_returns_the_sources_definitions() {
    let src = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])";
    let k = jit::compile(src, Options::default()).unwrap();
    let xv: Vec<f64> = (0..12).map(|k| (k as f64 * 0.9).sin()).collect();
    let x = arr::<f64>(&[4, 3], &xv);
    // X through a transpose of its transpose, y reversed twice.
    let x_t = x.t().to_owned();
    let y1 = Array1::from(vec![1.0, -0.5, 0.25, 2.0]);
    let y_rev = y1.slice(s![..;-1]).to_owned();
    let y = y1.into_dyn();
    let w = arr::<f64>(&[3], &[0.5, 0.125, -1.0]);
    let got = k
        .run_views(
            &[
                ("X", x_t.t()),
                ("y", y_rev.slice(s![..;-1]).into_dyn()),
                ("w", w.view()),
            ],
            &[],
        )
        .unwrap();
    let args = Args::new()
        .tensor("X", Tensor::F64(x))
        .tensor("y", Tensor::F64(y))
        .tensor("w", Tensor::F64(w));
    let want = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(want.len(), 2);
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        same(&format!("statement {k}"), &g.view(), &w.to_f64().view()).unwrap();
    }
}

// ---------------------------------------------------------------------------
// (6) Regressions: disagreements the property test found, reduced by hand
//     (each failed before the interpreter and the JIT were aligned)
// ---------------------------------------------------------------------------

/// The JIT (through `call`) and the interpreter on one program give the same
/// values, bit for bit (`==` or both NaN).
#[track_caller]
fn assert_agrees(src: &str, args: &Args) {
    let program = sema::check_source(src).unwrap();
    let want = eval(&program, args).unwrap();
    let dtype = args.dtype().unwrap();
    let got = jit::compile(src, Options { dtype })
        .unwrap()
        .call(args)
        .unwrap();
    assert_eq!(got.len(), want.len());
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        let what = format!("{src} ({}), statement {k}", dtype.name());
        if let Err(e) = same(&what, &g.to_f64().view(), &w.to_f64().view()) {
            panic!("{e}");
        }
    }
}

/// A sum of terms folds from its first term in both (`-0 - 0` is `-0`);
/// the interpreter used to start from 0 (`0 + -0 + -0` is `+0`), and
/// division showed it (+inf against the JIT's -inf).
#[test]
fn a_sum_of_negative_zeros_agrees() {
    assert_agrees("s = 1/(0*c - 0)", &Args::new().param("c", -1.0));
}

/// `max`/`min` are IEEE maximum/minimum in both (`max(-0, 0)` is `+0`,
/// `min(0, -0)` is `-0`); the interpreter's used to return `a` when the two
/// compared equal.
#[test]
fn max_and_min_of_signed_zeros_agree() {
    let args = Args::new().param("c", -1.0);
    assert_agrees("s = 1/max(0*c, 0)", &args);
    assert_agrees("s = 1/min(0, 0*c)", &args);
}

/// `sign(-0)` is `+0` in both; the JIT's used to be `-0 * 0 = -0`.
#[test]
fn sign_of_negative_zero_agrees() {
    assert_agrees("s = 1/sign(0*c)", &Args::new().param("c", -1.0));
}

/// `e^2` is `e * e` (correctly rounded) in both; the interpreter used to
/// call `powf(e, 2)`, which glibc 2.36 rounds differently for about 1 in
/// 1,000 arguments (these two among them).
#[test]
fn squares_agree() {
    let x = arr::<f64>(&[1], &[0.5004866844447303]);
    assert_agrees("s = sum_i x[i]^2", &Args::new().tensor("x", Tensor::F64(x)));
    let x = ArrayD::from_elem(IxDyn(&[1]), 1.0f32 + 2f32.powi(-12));
    assert_agrees("s = sum_i x[i]^2", &Args::new().tensor("x", Tensor::F32(x)));
}

/// `loops::materialize` moves `sum_j X[i,j]` into `_t0[i]`; the sum over
/// `i` then has no reduction inside, but must keep the one accumulator the
/// interpreter gives it (its body holds a reduction as written). The JIT
/// used to run it in 4 lanes (`(l0 + l1) + (l2 + l3)`).
#[test]
fn a_sum_around_a_materialised_sum_agrees() {
    let x = arr::<f64>(
        &[4, 1],
        &[
            0.0,
            0.13539754645288374,
            0.2683014363813199,
            0.39626393966813234,
        ],
    );
    assert_agrees(
        "g[k] = sum_i X[i,k] sum_j X[i,j]",
        &Args::new().tensor("X", Tensor::F64(x)),
    );
}

/// `run_into` refuses an output name the program does not define or names
/// twice, and `run_views` a tensor given twice; nothing is written.
#[test]
fn output_and_input_names_are_checked() {
    use ndarray::Array1;
    let k = jit::compile("y[i] = 2 x[i]", Options::default()).unwrap();
    let x = Array1::from(vec![1.0, 2.0]).into_dyn();
    let mut out = Array1::from(vec![7.0, 7.0]).into_dyn();
    let e = k
        .run_into(&[("x", x.view())], &[], &mut [("Y", out.view_mut())])
        .unwrap_err();
    assert!(
        e.0[0].message.contains("defines no `Y`"),
        "{}",
        e.0[0].message
    );
    let mut out2 = Array1::from(vec![7.0, 7.0]).into_dyn();
    let e = k
        .run_into(
            &[("x", x.view())],
            &[],
            &mut [("y", out.view_mut()), ("y", out2.view_mut())],
        )
        .unwrap_err();
    assert!(
        e.0[0].message.contains("two output arrays"),
        "{}",
        e.0[0].message
    );
    assert_eq!(out, Array1::from(vec![7.0, 7.0]).into_dyn());
    let e = k
        .run_views(&[("x", x.view()), ("x", x.view())], &[])
        .unwrap_err();
    assert!(e.0[0].message.contains("given twice"), "{}", e.0[0].message);
}
