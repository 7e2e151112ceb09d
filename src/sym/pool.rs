//! The symbolic IR: a hash-consed arena of expression nodes in canonical form.
//!
//! In: nodes built through the smart constructors ([`Pool::add`],
//! [`Pool::mul`], [`Pool::pow`], [`Pool::reduce`], ...). Out: [`ExprId`]s,
//! small copyable handles; equal ids mean equal expressions.
//!
//! Always:
//! - every node is interned once, so structural equality is id equality;
//! - `Add` and `Mul` are flat (no `Add` directly in an `Add`), have at least
//!   two operands, are sorted by [`order`], and have their constant
//!   (if any, and not the identity) first; like terms are collected
//!   (`2x + 3x` is `5x`), powers of one base merged (`x x^2` is `x^3`), and
//!   a negated sum is distributed (`-(a - b)` is `b - a`); among other
//!   factors, a sum's deciding term (its constant, else its first term) is
//!   positive, its sign moved to the coefficient, so `(-a - b) c` and
//!   `-(a + b) c` are one node;
//! - constants are exact rationals; there is no subtraction, negation or
//!   division node (`a - b` is `a + (-1) b`, `a / b` is `a b^-1`);
//! - bound indices are *canonical*: a binder's id is determined by its level
//!   (one more than the highest binder in its body, raised past any equal
//!   canonical index free in the body) and the source of its extent (its
//!   written bounds, else its anchor axis, else its name, which `--dim`
//!   gives an extent to), so two closed expressions that differ only in the
//!   names of bound indices over one range are the same node, two sums over
//!   ranges that may differ never are, and substituting a term under a
//!   binder cannot capture;
//! - free indices ([`Level::Free`]) are the axes of definitions, derivative
//!   targets and binders opened while a rule works under them.

pub mod order;
use crate::sema::{ParamId, TensorRef};
use crate::syntax::token::{Func, ReduceKind};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rustc_hash::FxHashMap as HashMap;

/// An expression: an index into the pool's node table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExprId(pub u32);

/// An index variable of the symbolic IR: an index into the pool's index table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ix(pub u32);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    Const(BigRational),
    Param(ParamId),
    /// An index used as a value.
    Index(Ix),
    /// A tensor element (a scalar definition is `Elem(Def(d), [])`).
    Elem(TensorRef, Vec<Ix>),
    /// Kronecker delta, its two indices different and in [`order`]'s
    /// order.
    Delta(Ix, Ix),
    Add(Vec<ExprId>),
    Mul(Vec<ExprId>),
    Pow(ExprId, ExprId),
    Call(Func, Vec<ExprId>),
    /// `sum`/`prod` over a canonical index.
    Reduce(ReduceKind, Ix, ExprId),
}

/// Whether an index is free or a canonical binder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Free,
    /// A canonical bound index at this level (1 is innermost).
    Bound(u32),
}

#[derive(Clone, Debug)]
pub struct IndexInfo {
    /// The name to print (for a canonical index, a hint: the printer picks
    /// a name that clashes with nothing in scope).
    pub name: String,
    pub level: Level,
    /// Inclusive bounds `LO..=HI`, or `None` when the extent is inferred.
    pub bounds: Option<(ExprId, ExprId)>,
    /// For a canonical index with an inferred extent: a tensor axis it
    /// ranges over (the least by name among those its body subscripts, or
    /// the one it had before simplifying removed them all), so `sum_j 0`
    /// left over from `sum_j 0 x[j]` still knows its extent.
    pub anchor: Option<(TensorRef, usize)>,
}

/// Names of the program's parameters and tensors, for ordering and printing.
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub params: Vec<String>,
    pub inputs: Vec<String>,
    pub defs: Vec<String>,
}

impl Names {
    pub fn tensor(&self, t: TensorRef) -> &str {
        match t {
            TensorRef::Input(i) => &self.inputs[i.index()],
            TensorRef::Def(d) => &self.defs[d.index()],
        }
    }
}

/// What identifies a canonical index: its level and where its extent comes
/// from: written bounds, else an anchor axis, else (neither) its name, which
/// is what `--dim` gives an extent to. Two binders over ranges that may
/// differ never share a key.
type CanonicalKey = (
    u32,
    Option<(ExprId, ExprId)>,
    Option<(TensorRef, usize)>,
    Option<String>,
);

/// Facts computed once per node.
#[derive(Clone, Debug)]
struct Meta {
    /// Free indices, sorted, without duplicates.
    free: Box<[Ix]>,
    /// The highest binder level inside (0: none).
    height: u32,
    /// Whether a `Reduce` occurs inside.
    has_reduce: bool,
}

/// The most nodes one pool may hold before operations give up with an
/// error rather than exhaust memory.
pub const MAX_NODES: usize = 4_000_000;

#[derive(Clone, Debug)]
pub struct Pool {
    nodes: Vec<Node>,
    meta: Vec<Meta>,
    interned: HashMap<Node, ExprId>,
    indices: Vec<IndexInfo>,
    canonical: HashMap<CanonicalKey, Ix>,
    binder_names: HashMap<ExprId, String>,
    /// Written bounds proven to lie inside a tensor axis: `sema::bind`
    /// checks every written subscript `x[i]` of an index with bounds
    /// `LO..=HI` against x's length, so a program that runs has `LO..=HI`
    /// inside `0..len` (or empty).
    fits: rustc_hash::FxHashSet<((ExprId, ExprId), TensorRef, usize)>,
    ranks: HashMap<TensorRef, usize>,
    /// `rename(e, from, to)` results: nodes never change once interned,
    /// so a renaming is a function of its arguments. Binders are
    /// re-canonicalised by renaming their body, and the derivative rules
    /// rebuild the same sums many times over.
    renamed: HashMap<(ExprId, Ix, Ix), ExprId>,
    /// The nodes of -1, 0 and 1 once made (the smart constructors ask for
    /// them constantly; interning a rational hashes it).
    small: [Option<ExprId>; 3],
    pub names: Names,
}

impl Pool {
    pub fn new(names: Names) -> Pool {
        Pool {
            nodes: Vec::new(),
            meta: Vec::new(),
            interned: HashMap::default(),
            indices: Vec::new(),
            canonical: HashMap::default(),
            binder_names: HashMap::default(),
            fits: Default::default(),
            ranks: HashMap::default(),
            renamed: HashMap::default(),
            small: [None; 3],
            names,
        }
    }

    pub fn node(&self, e: ExprId) -> &Node {
        &self.nodes[e.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Whether the pool has grown past [`MAX_NODES`].
    pub fn too_big(&self) -> bool {
        self.nodes.len() > MAX_NODES
    }

    #[allow(clippy::should_implement_trait)]
    pub fn index(&self, i: Ix) -> &IndexInfo {
        &self.indices[i.0 as usize]
    }

    pub fn free(&self, e: ExprId) -> &[Ix] {
        &self.meta[e.0 as usize].free
    }

    pub fn depends_on_index(&self, e: ExprId, i: Ix) -> bool {
        self.free(e).binary_search(&i).is_ok()
    }

    pub fn has_reduce(&self, e: ExprId) -> bool {
        self.meta[e.0 as usize].has_reduce
    }

    /// A new free index.
    pub fn fresh_index(&mut self, name: &str, bounds: Option<(ExprId, ExprId)>) -> Ix {
        self.indices.push(IndexInfo {
            name: name.to_string(),
            level: Level::Free,
            bounds,
            anchor: None,
        });
        Ix(self.indices.len() as u32 - 1)
    }

    /// The rank of a tensor, as far as the pool knows it (from any element
    /// of it that was ever made).
    /// Records the rank of `t` (every tensor of the program, read or not).
    pub fn record_rank(&mut self, t: TensorRef, rank: usize) {
        self.ranks.insert(t, rank);
    }

    pub fn node_rank(&self, t: TensorRef) -> Option<usize> {
        self.ranks.get(&t).copied()
    }

    /// Records that written bounds subscript a tensor axis (see
    /// [`Pool::fits`]).
    pub fn record_fit(&mut self, bounds: (ExprId, ExprId), t: TensorRef, axis: usize) {
        self.fits.insert((bounds, t, axis));
    }

    /// Whether the range `bounds` is known to lie inside axis `axis` of `t`
    /// whenever it is not empty (an index with these bounds subscripts that
    /// axis in the program as written).
    pub fn fits(&self, bounds: (ExprId, ExprId), t: TensorRef, axis: usize) -> bool {
        self.fits.contains(&(bounds, t, axis))
    }

    /// Sets the anchor of a free index (one made to stand for a binder).
    pub fn set_anchor(&mut self, i: Ix, anchor: Option<(TensorRef, usize)>) {
        if self.index(i).level == Level::Free {
            self.indices[i.0 as usize].anchor = anchor;
        }
    }

    /// The canonical bound index of a level, bounds and anchor (and, with
    /// neither bounds nor anchor, name).
    fn canonical_index(&mut self, key: CanonicalKey, hint: &str) -> Ix {
        if let Some(&i) = self.canonical.get(&key) {
            return i;
        }
        self.indices.push(IndexInfo {
            name: key.3.clone().unwrap_or_else(|| hint.to_string()),
            level: Level::Bound(key.0),
            bounds: key.1,
            anchor: key.2,
        });
        let i = Ix(self.indices.len() as u32 - 1);
        self.canonical.insert(key, i);
        i
    }

    /// The least tensor axis that `i` subscripts in `e` (inputs before
    /// definitions, then by name and axis).
    pub fn least_subscript(&self, e: ExprId, i: Ix) -> Option<(TensorRef, usize)> {
        let mut best: Option<(TensorRef, usize)> = None;
        let mut seen = rustc_hash::FxHashSet::default();
        let mut stack = vec![e];
        while let Some(n) = stack.pop() {
            if !seen.insert(n) || !self.depends_on_index(n, i) {
                continue;
            }
            if let Node::Elem(t, ixs) = self.node(n) {
                for (p, &x) in ixs.iter().enumerate() {
                    if x != i {
                        continue;
                    }
                    // Inputs before definitions, then by name and axis.
                    let key = |t: TensorRef, p: usize| {
                        (matches!(t, TensorRef::Def(_)), self.names.tensor(t), p)
                    };
                    let better = match best {
                        None => true,
                        Some((u, q)) => key(*t, p) < key(u, q),
                    };
                    if better {
                        best = Some((*t, p));
                    }
                }
            }
            stack.extend(self.children(n));
        }
        best
    }

    fn level_of(&self, i: Ix) -> u32 {
        match self.index(i).level {
            Level::Free => 0,
            Level::Bound(l) => l,
        }
    }

    /// Interns a node exactly as given (the caller has canonicalised it).
    fn intern(&mut self, node: Node) -> ExprId {
        if let Some(&id) = self.interned.get(&node) {
            return id;
        }
        let meta = self.compute_meta(&node);
        let id = ExprId(self.nodes.len() as u32);
        self.nodes.push(node.clone());
        self.meta.push(meta);
        self.interned.insert(node, id);
        id
    }

    fn compute_meta(&self, node: &Node) -> Meta {
        let mut free: Vec<Ix> = Vec::new();
        let mut height = 0;
        let mut has_reduce = false;
        let mut child = |e: ExprId, free: &mut Vec<Ix>| {
            let m = &self.meta[e.0 as usize];
            free.extend_from_slice(&m.free);
            height = height.max(m.height);
            has_reduce |= m.has_reduce;
        };
        match node {
            Node::Const(_) | Node::Param(_) => {}
            Node::Index(i) => free.push(*i),
            Node::Elem(_, ixs) => free.extend_from_slice(ixs),
            Node::Delta(a, b) => free.extend([*a, *b]),
            Node::Add(v) | Node::Mul(v) | Node::Call(_, v) => {
                for &c in v {
                    child(c, &mut free);
                }
            }
            Node::Pow(a, b) => {
                child(*a, &mut free);
                child(*b, &mut free);
            }
            Node::Reduce(_, i, body) => {
                child(*body, &mut free);
                free.retain(|x| x != i);
                height = height.max(self.level_of(*i));
                has_reduce = true;
            }
        }
        free.sort();
        free.dedup();
        Meta {
            free: free.into_boxed_slice(),
            height,
            has_reduce,
        }
    }

    // ---- leaves ----

    pub fn konst(&mut self, r: BigRational) -> ExprId {
        self.intern(Node::Const(r))
    }

    pub fn int(&mut self, n: i64) -> ExprId {
        let slot = usize::try_from(n + 1).ok().filter(|&k| k < 3);
        if let Some(id) = slot.and_then(|k| self.small[k]) {
            return id;
        }
        let id = self.konst(BigRational::from_integer(BigInt::from(n)));
        if let Some(k) = slot {
            self.small[k] = Some(id);
        }
        id
    }

    pub fn zero(&mut self) -> ExprId {
        self.int(0)
    }

    pub fn one(&mut self) -> ExprId {
        self.int(1)
    }

    pub fn param(&mut self, p: ParamId) -> ExprId {
        self.intern(Node::Param(p))
    }

    pub fn index_value(&mut self, i: Ix) -> ExprId {
        self.intern(Node::Index(i))
    }

    pub fn elem(&mut self, t: TensorRef, ixs: Vec<Ix>) -> ExprId {
        self.ranks.insert(t, ixs.len());
        self.intern(Node::Elem(t, ixs))
    }

    /// `delta[a,b]`; `delta[i,i]` is 1.
    pub fn delta(&mut self, a: Ix, b: Ix) -> ExprId {
        if a == b {
            return self.one();
        }
        // Structural order (names, levels), never creation order.
        let (a, b) = match order::cmp_index(self, a, b) {
            std::cmp::Ordering::Greater => (b, a),
            _ => (a, b),
        };
        self.intern(Node::Delta(a, b))
    }

    pub fn as_const(&self, e: ExprId) -> Option<&BigRational> {
        match self.node(e) {
            Node::Const(r) => Some(r),
            _ => None,
        }
    }

    pub fn is_zero(&self, e: ExprId) -> bool {
        self.as_const(e).is_some_and(|r| r.is_zero())
    }

    pub fn is_one(&self, e: ExprId) -> bool {
        self.as_const(e).is_some_and(|r| r.is_one())
    }

    // ---- sums and products ----

    /// Splits a term into its rational coefficient and the rest.
    pub fn split_coeff(&mut self, e: ExprId) -> (BigRational, ExprId) {
        match self.node(e) {
            Node::Const(r) => {
                let r = r.clone();
                let one = self.one();
                (r, one)
            }
            Node::Mul(fs) => match self.node(fs[0]) {
                Node::Const(r) => {
                    let r = r.clone();
                    let rest = if fs.len() == 2 {
                        fs[1]
                    } else {
                        let rest = Node::Mul(fs[1..].to_vec());
                        self.intern(rest)
                    };
                    (r, rest)
                }
                _ => (BigRational::one(), e),
            },
            _ => (BigRational::one(), e),
        }
    }

    /// The n-ary sum, in canonical form.
    pub fn add(&mut self, terms: Vec<ExprId>) -> ExprId {
        let mut flat = Vec::with_capacity(terms.len());
        for t in terms {
            match self.node(t) {
                Node::Add(v) => flat.extend_from_slice(v),
                _ => flat.push(t),
            }
        }
        let mut constant = BigRational::zero();
        // (term without its coefficient, the summed coefficient, the term
        // as given when it is the only one): sums are short, so a linear
        // search beats hashing.
        let mut terms: Vec<(ExprId, BigRational, Option<ExprId>)> = Vec::new();
        for t in flat {
            if let Node::Const(r) = self.node(t) {
                if constant.is_zero() {
                    constant = r.clone();
                } else {
                    constant += r;
                }
                continue;
            }
            let (c, rest) = self.split_coeff(t);
            match terms.iter_mut().find(|(r, ..)| *r == rest) {
                Some((_, acc, given)) => {
                    *acc += c;
                    *given = None;
                }
                None => terms.push((rest, c, Some(t))),
            }
        }
        let mut out = Vec::with_capacity(terms.len() + 1);
        for (rest, c, given) in terms {
            if c.is_zero() {
                continue;
            }
            // A term that met no like term is already canonical.
            if let Some(t) = given {
                out.push(t);
                continue;
            }
            let k = self.konst(c);
            out.push(self.mul(vec![k, rest]));
        }
        order::sort_terms(self, &mut out);
        if !constant.is_zero() {
            out.push(self.konst(constant));
        }
        match out.len() {
            0 => self.zero(),
            1 => out[0],
            _ => self.intern(Node::Add(out)),
        }
    }

    pub fn add2(&mut self, a: ExprId, b: ExprId) -> ExprId {
        self.add(vec![a, b])
    }

    pub fn neg(&mut self, e: ExprId) -> ExprId {
        let m1 = self.int(-1);
        self.mul(vec![m1, e])
    }

    pub fn sub(&mut self, a: ExprId, b: ExprId) -> ExprId {
        let nb = self.neg(b);
        self.add(vec![a, nb])
    }

    /// The n-ary product, in canonical form: `x·0` is 0, `x·1` is x, powers
    /// of one base are merged.
    pub fn mul(&mut self, factors: Vec<ExprId>) -> ExprId {
        let mut coeff = BigRational::one();
        let one = self.one();
        // (base, its exponents, the factor as given when it is the base's
        // only one): products are short, so a linear search beats hashing.
        let mut bases: Vec<(ExprId, Vec<ExprId>, Option<ExprId>)> = Vec::new();
        let mut stack: Vec<ExprId> = factors;
        stack.reverse();
        while let Some(f) = stack.pop() {
            let (base, exp) = match self.node(f) {
                Node::Const(r) => {
                    if coeff.is_one() {
                        coeff = r.clone();
                    } else if !r.is_one() {
                        coeff *= r;
                    }
                    if coeff.is_zero() {
                        return self.zero();
                    }
                    continue;
                }
                Node::Mul(v) => {
                    stack.extend(v.iter().rev());
                    continue;
                }
                Node::Pow(b, p) => (*b, *p),
                _ => (f, one),
            };
            match bases.iter_mut().find(|(b, ..)| *b == base) {
                Some((_, es, given)) => {
                    es.push(exp);
                    *given = None;
                }
                None => bases.push((base, vec![exp], Some(f))),
            }
        }
        let mut out: Vec<ExprId> = Vec::with_capacity(bases.len() + 1);
        for (base, es, given) in bases {
            // A factor that met no other power of its base is already
            // canonical, unless it is a power of a product.
            let f = match given {
                Some(f) if !matches!(self.node(base), Node::Mul(_)) => f,
                _ => {
                    let p = if es.len() == 1 { es[0] } else { self.add(es) };
                    self.pow(base, p)
                }
            };
            match self.node(f) {
                Node::Const(r) => {
                    let r = r.clone();
                    coeff *= r;
                }
                Node::Mul(v) => {
                    // A power of a product with a coefficient: (2x)^2 = 4 x^2.
                    for &g in v {
                        match self.node(g) {
                            Node::Const(r) => coeff *= r.clone(),
                            _ => out.push(g),
                        }
                    }
                }
                _ => out.push(f),
            }
        }
        if coeff.is_zero() {
            return self.zero();
        }
        // Factors produced by distributing powers may repeat a base.
        if has_repeated_base(self, &out) {
            let mut again = out;
            again.push(self.konst(coeff));
            return self.mul(again);
        }
        // A negated sum distributes: `-(a - b)` is `b - a` (other numbers
        // keep their sum whole, as a person writes `2 (x + 1)`).
        if out.len() == 1
            && coeff == -BigRational::one()
            && let Node::Add(ts) = self.node(out[0]).clone()
        {
            let k = self.konst(coeff);
            let terms: Vec<ExprId> = ts.into_iter().map(|t| self.mul2(k, t)).collect();
            return self.add(terms);
        }
        // Among other factors, a sum (or an integer power of one) never
        // leads with a minus: its sign goes to the coefficient, so
        // `(-a - b) c` and `-(a + b) c` are one node.
        if out.len() >= 2 {
            let m1 = self.int(-1);
            for f in out.iter_mut() {
                let (base, k) = match self.node(*f) {
                    Node::Pow(b, p) => match self.as_const(*p) {
                        Some(r) if r.is_integer() => (*b, r.clone()),
                        _ => continue,
                    },
                    _ => (*f, BigRational::one()),
                };
                // The sign that decides: the constant term's if there is
                // one (so `1 - h^2` stays as written), else the first term's.
                let lead_negative = match self.node(base) {
                    Node::Add(ts) => {
                        let lead = match ts.last().map(|&t| self.node(t)) {
                            Some(Node::Const(_)) => ts[ts.len() - 1],
                            _ => ts[0],
                        };
                        match self.node(lead) {
                            Node::Const(r) => r.is_negative(),
                            Node::Mul(v) => self.as_const(v[0]).is_some_and(|r| r.is_negative()),
                            _ => false,
                        }
                    }
                    _ => false,
                };
                if lead_negative {
                    let flipped = self.mul2(m1, base);
                    let kk = self.konst(k.clone());
                    *f = self.pow(flipped, kk);
                    if k.numer().is_odd() {
                        coeff = -coeff;
                    }
                }
            }
        }
        order::sort_factors(self, &mut out);
        if !coeff.is_one() {
            out.insert(0, self.konst(coeff));
        }
        match out.len() {
            0 => self.one(),
            1 => out[0],
            _ => self.intern(Node::Mul(out)),
        }
    }

    pub fn mul2(&mut self, a: ExprId, b: ExprId) -> ExprId {
        self.mul(vec![a, b])
    }

    pub fn div(&mut self, a: ExprId, b: ExprId) -> ExprId {
        let m1 = self.int(-1);
        let inv = self.pow(b, m1);
        self.mul(vec![a, inv])
    }

    /// `b^p`: `x^0` is 1, `x^1` is x, `delta^n` is delta for n > 0 (and
    /// `delta^-1` for n < 0), exact
    /// powers of constants folded,
    /// `(x^a)^n` is `x^(a n)` for an integer n, `(x y)^n` is `x^n y^n`.
    pub fn pow(&mut self, b: ExprId, p: ExprId) -> ExprId {
        if self.is_zero(p) || self.is_one(b) {
            return self.one();
        }
        if self.is_one(p) {
            return b;
        }
        if let (Some(x), Some(y)) = (self.as_const(b), self.as_const(p))
            && let Some(r) = exact_pow(x, y)
        {
            return self.konst(r);
        }
        // A delta is 0 or 1, so a positive power of it is itself, and a
        // negative integer power is its reciprocal (1 or inf).
        if matches!(self.node(b), Node::Delta(..))
            && let Some(r) = self.as_const(p)
            && r.is_integer()
        {
            if r.is_positive() {
                return b;
            }
            if !r.is_one() && *r != -BigRational::one() {
                let m1 = self.int(-1);
                return self.intern(Node::Pow(b, m1));
            }
        }
        let p_int = self
            .as_const(p)
            .is_some_and(|r| r.is_integer() && r.abs() <= BigRational::from_integer(1024.into()));
        if p_int {
            match self.node(b).clone() {
                Node::Pow(c, a) => {
                    let ap = self.mul2(a, p);
                    return self.pow(c, ap);
                }
                Node::Mul(fs) => {
                    let parts: Vec<ExprId> = fs.iter().map(|&f| self.pow(f, p)).collect();
                    return self.mul(parts);
                }
                _ => {}
            }
        }
        self.intern(Node::Pow(b, p))
    }

    /// A function call; folds the calls whose value is an exact rational.
    pub fn call(&mut self, f: Func, args: Vec<ExprId>) -> ExprId {
        if let Some(r) = fold_call(self, f, &args) {
            return self.konst(r);
        }
        if matches!(f, Func::Max | Func::Min) && args.len() == 2 && args[0] == args[1] {
            return args[0];
        }
        self.intern(Node::Call(f, args))
    }

    /// `sum`/`prod` over `var` (free or canonical) of `body`; the binder is
    /// made canonical, renaming `var` in `body`. The bounds are `var`'s.
    pub fn reduce(&mut self, kind: ReduceKind, var: Ix, body: ExprId) -> ExprId {
        self.reduce_named(kind, var, body, None)
    }

    /// [`Pool::reduce`], naming the bound index `name` (default: `var`'s
    /// name) if this is the node's first making: the first spelling of an
    /// expression is the one printed.
    fn reduce_named(
        &mut self,
        kind: ReduceKind,
        var: Ix,
        body: ExprId,
        name: Option<String>,
    ) -> ExprId {
        // A sum of zeros is 0 and a product of ones is 1, whatever the range.
        match kind {
            ReduceKind::Sum if self.is_zero(body) => return body,
            ReduceKind::Prod if self.is_one(body) => return body,
            _ => {}
        }
        let info = self.index(var).clone();
        // One more than the highest binder inside; past any canonical index
        // of an enclosing binder that is free here (the same level and
        // bounds would capture it). In a closed term every enclosing binder
        // sits higher anyway, so the level depends only on structure.
        let anchor = match info.bounds {
            Some(_) => None,
            None => self.least_subscript(body, var).or(info.anchor),
        };
        // Without bounds or anchor, the extent comes from `--dim NAME` (or
        // a delta partner): the name is part of the identity, so
        // `sum_j j + sum_k k` stays two sums.
        let named = (info.bounds.is_none() && anchor.is_none()).then(|| info.name.clone());
        let mut level = self.meta[body.0 as usize].height + 1;
        let mut key = (level, info.bounds, anchor, named);
        let mut c = self.canonical_index(key.clone(), &info.name);
        while c != var && self.depends_on_index(body, c) {
            level += 1;
            key.0 = level;
            c = self.canonical_index(key.clone(), &info.name);
        }
        let body = if c == var {
            body
        } else {
            self.rename(body, var, c)
        };
        let id = self.intern(Node::Reduce(kind, c, body));
        self.binder_names
            .entry(id)
            .or_insert_with(|| name.unwrap_or(info.name));
        id
    }

    /// A `Reduce` like `original` (same kind, binder and printed name) over a
    /// new body.
    pub fn reduce_like(&mut self, original: ExprId, body: ExprId) -> ExprId {
        let Node::Reduce(kind, i, _) = *self.node(original) else {
            return body;
        };
        let name = self.binder_names.get(&original).cloned();
        self.reduce_named(kind, i, body, name)
    }

    /// The name to print for the index a `Reduce` node binds: the name its
    /// binder had when the node was first made (alpha-equal sums share one
    /// node, so a later spelling does not rename an earlier one).
    pub fn binder_name(&self, e: ExprId) -> Option<&str> {
        self.binder_names.get(&e).map(String::as_str)
    }

    /// Rebuilds a node with new children through the smart constructors.
    pub fn rebuild(&mut self, e: ExprId, children: &[ExprId]) -> ExprId {
        match self.node(e).clone() {
            Node::Const(_) | Node::Param(_) | Node::Index(_) | Node::Elem(..) | Node::Delta(..) => {
                e
            }
            Node::Add(_) => self.add(children.to_vec()),
            Node::Mul(_) => self.mul(children.to_vec()),
            Node::Pow(..) => self.pow(children[0], children[1]),
            Node::Call(f, _) => self.call(f, children.to_vec()),
            Node::Reduce(..) => self.reduce_like(e, children[0]),
        }
    }

    pub fn children(&self, e: ExprId) -> Vec<ExprId> {
        match self.node(e) {
            Node::Const(_) | Node::Param(_) | Node::Index(_) | Node::Elem(..) | Node::Delta(..) => {
                vec![]
            }
            Node::Add(v) | Node::Mul(v) | Node::Call(_, v) => v.clone(),
            Node::Pow(a, b) => vec![*a, *b],
            Node::Reduce(_, _, b) => vec![*b],
        }
    }

    /// Renames the free index `from` to `to` (which must not be bound
    /// inside `e`).
    pub fn rename(&mut self, e: ExprId, from: Ix, to: Ix) -> ExprId {
        if let Some(&r) = self.renamed.get(&(e, from, to)) {
            return r;
        }
        let mut map = HashMap::default();
        map.insert(from, to);
        let r = self.rename_many(e, &map);
        self.renamed.insert((e, from, to), r);
        r
    }

    /// Renames free indices by `map`.
    pub fn rename_many(&mut self, e: ExprId, map: &HashMap<Ix, Ix>) -> ExprId {
        let mut memo = HashMap::default();
        self.rename_rec(e, map, &mut memo)
    }

    fn rename_rec(
        &mut self,
        e: ExprId,
        map: &HashMap<Ix, Ix>,
        memo: &mut HashMap<ExprId, ExprId>,
    ) -> ExprId {
        if !self.free(e).iter().any(|i| map.contains_key(i)) {
            return e;
        }
        if let Some(&r) = memo.get(&e) {
            return r;
        }
        let m = |i: &Ix| *map.get(i).unwrap_or(i);
        let r = match self.node(e).clone() {
            Node::Index(i) => self.index_value(m(&i)),
            Node::Elem(t, ixs) => self.elem(t, ixs.iter().map(m).collect()),
            Node::Delta(a, b) => self.delta(m(&a), m(&b)),
            _ => {
                let cs: Vec<ExprId> = self
                    .children(e)
                    .into_iter()
                    .map(|c| self.rename_rec(c, map, memo))
                    .collect();
                self.rebuild(e, &cs)
            }
        };
        memo.insert(e, r);
        r
    }

    /// Replaces every occurrence of the subterm `from` by `to`.
    pub fn replace(&mut self, e: ExprId, from: ExprId, to: ExprId) -> ExprId {
        let mut memo = HashMap::default();
        self.replace_rec(e, from, to, &mut memo)
    }

    fn replace_rec(
        &mut self,
        e: ExprId,
        from: ExprId,
        to: ExprId,
        memo: &mut HashMap<ExprId, ExprId>,
    ) -> ExprId {
        if e == from {
            return to;
        }
        if let Some(&r) = memo.get(&e) {
            return r;
        }
        let cs = self.children(e);
        if cs.is_empty() {
            return e;
        }
        let new: Vec<ExprId> = cs
            .iter()
            .map(|&c| self.replace_rec(c, from, to, memo))
            .collect();
        let r = if new == cs { e } else { self.rebuild(e, &new) };
        memo.insert(e, r);
        r
    }

    /// Opens a binder: its body with the canonical index replaced by a new
    /// free index (named and bounded like it).
    pub fn open(&mut self, binder: Ix, body: ExprId) -> (Ix, ExprId) {
        let info = self.index(binder).clone();
        let fresh = self.fresh_index(&info.name, info.bounds);
        self.indices[fresh.0 as usize].anchor = info.anchor;
        (fresh, self.rename(body, binder, fresh))
    }

    /// Whether `e` reads tensor `t` anywhere.
    pub fn reads(&self, e: ExprId, t: TensorRef, memo: &mut HashMap<ExprId, bool>) -> bool {
        if let Some(&r) = memo.get(&e) {
            return r;
        }
        let r = match self.node(e) {
            Node::Elem(u, _) => *u == t,
            _ => self.children(e).into_iter().any(|c| self.reads(c, t, memo)),
        };
        memo.insert(e, r);
        r
    }

    /// Whether `e` uses parameter `p` anywhere (bounds excluded).
    pub fn uses_param(&self, e: ExprId, p: ParamId, memo: &mut HashMap<ExprId, bool>) -> bool {
        if let Some(&r) = memo.get(&e) {
            return r;
        }
        let r = match self.node(e) {
            Node::Param(q) => *q == p,
            _ => self
                .children(e)
                .into_iter()
                .any(|c| self.uses_param(c, p, memo)),
        };
        memo.insert(e, r);
        r
    }

    /// Every node reachable from `e`, each once (parents before children).
    pub fn dag_nodes(&self, e: ExprId) -> Vec<ExprId> {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut out = Vec::new();
        let mut stack = vec![e];
        while let Some(x) = stack.pop() {
            if seen.insert(x) {
                out.push(x);
                stack.extend(self.children(x));
            }
        }
        out
    }

    /// The operands of every node reachable from `e` (each node once): the
    /// size of the expression as a DAG, counting list lengths.
    pub fn dag_edges(&self, e: ExprId) -> usize {
        self.dag_nodes(e)
            .into_iter()
            .map(|x| self.children(x).len())
            .sum()
    }

    /// How many distinct nodes are reachable from `e`.
    pub fn dag_size(&self, e: ExprId) -> usize {
        self.dag_nodes(e).len()
    }
}

fn has_repeated_base(pool: &Pool, factors: &[ExprId]) -> bool {
    let mut bases: Vec<ExprId> = factors
        .iter()
        .map(|&f| match pool.node(f) {
            Node::Pow(b, _) => *b,
            _ => f,
        })
        .collect();
    bases.sort();
    bases.windows(2).any(|w| w[0] == w[1])
}

/// `x^y` as an exact rational, when it is one and not absurdly large.
fn exact_pow(x: &BigRational, y: &BigRational) -> Option<BigRational> {
    let (num, den) = (y.numer(), y.denom());
    let n = num.to_i64()?;
    let d = den.to_u32()?;
    if n.unsigned_abs() > 4096 || d > 64 {
        return None;
    }
    if x.is_zero() {
        return (n > 0).then(BigRational::zero);
    }
    // The d-th root first, exactly or not at all. A negative base has no
    // real power with a fractional exponent in the evaluators (`powf` gives
    // NaN, `(-8)^(1/3)` included), so it stays unfolded: the same NaN.
    let root = if d == 1 {
        x.clone()
    } else {
        if x.is_negative() {
            return None;
        }
        let rn = exact_root(x.numer(), d)?;
        let rd = exact_root(x.denom(), d)?;
        BigRational::new(rn, rd)
    };
    let bits = (root.numer().bits() + root.denom().bits()) * n.unsigned_abs();
    if bits > 16_384 {
        return None;
    }
    let p = num_traits::pow(root.clone(), n.unsigned_abs() as usize);
    Some(if n < 0 { p.recip() } else { p })
}

fn exact_root(n: &BigInt, d: u32) -> Option<BigInt> {
    let r = n.nth_root(d);
    (num_traits::pow(r.clone(), d as usize) == *n).then_some(r)
}

/// The exact value of a call on constants, where it is rational.
fn fold_call(pool: &Pool, f: Func, args: &[ExprId]) -> Option<BigRational> {
    let cs: Vec<&BigRational> = args
        .iter()
        .map(|&a| pool.as_const(a))
        .collect::<Option<_>>()?;
    f.exact(&cs)
}
