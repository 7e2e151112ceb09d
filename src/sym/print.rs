//! Printing symbolic expressions and definitions as ricci text.
//!
//! In: a [`Pool`] and an expression (or a definition: name, axes, body).
//! Out: program text (`y[i] = sum_j X[i,j] w[j]`) that parses and checks
//! again and, lowered into the same pool, gives the same canonical node.
//!
//! Always:
//! - output depends only on the structure of the expression and on names,
//!   never on arena ids, so equal nodes print equally;
//! - parentheses are the ones the grammar (LANGUAGE.md section 2) needs,
//!   plus a few for readability (listed below);
//! - every bound index gets a printed name that clashes with no free index
//!   of the statement, no enclosing binder, and no parameter or tensor name:
//!   the `Reduce` node's [`Pool::binder_name`] (else the index's hint) if
//!   free, else its stem numbered (`j2`, `j3`, ...); sibling sums may reuse
//!   a name. A binder with neither bounds nor anchor (its extent comes from
//!   `--dim NAME`) keeps its name, shadowing an index if need be, unless
//!   an index free in its body prints with that name. Free indices keep their names, except that two distinct ones
//!   with one name, or one named like a parameter or tensor, are numbered
//!   the same way (axes first); a name that is no identifier becomes `i`;
//! - a zero base keeps its negative exponent (`0^-2`), since `1/0^2`
//!   would read back as `1/0`.
//!
//! Layout rules:
//! - sums: terms in stored order, except that a sum starts with its first
//!   positive term if it has one (`1 - h^2`, not `-h^2 + 1`); a term with a
//!   negative coefficient prints as ` - ` and the negated term (`x - 2 y`,
//!   a first term as `-2 x`);
//! - products: the coefficient first, factors juxtaposed with one space;
//!   `*` only before a factor that starts with a digit (`3*2^x`);
//! - quotients: factors `b^-k` with a constant negative exponent form a
//!   denominator *when the term also has a factor with a positive exponent*:
//!   `a/b`, `(a + b)/(c d)`, `exp(z[k])/(sum_j exp(z[j]))`. A term made of
//!   only a coefficient and such factors keeps negative exponents, as the
//!   lecture notes write them: `x^-2`, `3 x^-1.5`;
//! - constants: integers as integers, terminating decimals with at most six
//!   digits after the point as decimals (`0.25`), others as `p/q`; a `p/q`
//!   coefficient is parenthesised for the reader (`(1/3) x`); exponents are
//!   `x^-3`, `x^1.5`, `x^(1/3)`, `x^(-1/3)`; a base that is negative or a
//!   fraction is parenthesised (`(-2)^x`);
//! - `sum`/`prod` extend over the rest of their product term, so a binder
//!   is printed as the last factor of its term (reductions are moved after
//!   the other factors; the order of factors is not meaning) and
//!   parenthesised anywhere else: `2 b sum_j a[j]`,
//!   `(sum_j a[j]) sum_k b[k]`, `(sum_j x[j])^2`, `(sum_j a[j])/b`;
//!   a body that is a sum or is negative is parenthesised
//!   (`sum_j (a[j] + b[j])`, `sum_j (-x[j])`); directly nested unbounded
//!   binders of one kind merge (`sum_{j,k}`, at most
//!   [`crate::sema::MAX_INDICES`] to a group); bounds print as
//!   `sum_{i=1}^{N}`.

use super::pool::order;
use super::pool::{ExprId, Ix, Node, Pool};
use crate::sema::{MAX_INDICES, TensorRef};
use crate::syntax::token::{Func, ReduceKind};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[cfg(test)]
#[path = "print_tests.rs"]
mod tests;

/// The text of an expression.
/// A tensor literal's text: `[[1, 2], [3/2, -4]]` (row-major `values`).
pub fn literal(shape: &[usize], values: &[num_rational::BigRational]) -> String {
    fn go(shape: &[usize], values: &[num_rational::BigRational], out: &mut String) {
        let Some((&n, rest)) = shape.split_first() else {
            out.push_str(&values.first().map_or("0".into(), |v| v.to_string()));
            return;
        };
        let step: usize = rest.iter().product();
        out.push('[');
        for k in 0..n {
            if k > 0 {
                out.push_str(", ");
            }
            go(rest, values.get(k * step..).unwrap_or(&[]), out);
        }
        out.push(']');
    }
    let mut out = String::new();
    go(shape, values, &mut out);
    out
}

pub fn expr_text(pool: &Pool, e: ExprId) -> String {
    Printer::new(pool).expr(e)
}

/// The text of a definition: `name[i,k] = ...`, or `name = ...` without axes.
pub fn def_text(pool: &Pool, name: &str, axes: &[Ix], body: ExprId) -> String {
    Printer::new(pool).def(name, axes, body)
}

/// Prints expressions and statements of one pool as ricci text.
#[derive(Clone, Copy, Debug)]
pub struct Printer<'a> {
    pool: &'a Pool,
}

impl<'a> Printer<'a> {
    pub fn new(pool: &'a Pool) -> Printer<'a> {
        Printer { pool }
    }

    /// An expression on its own; its free indices keep their names (unless
    /// two share one, or one is a parameter's or tensor's name).
    pub fn expr(&self, e: ExprId) -> String {
        let mut w = Writer {
            pool: self.pool,
            names: IndexNames::new(self.pool, &[], e),
        };
        w.show(e, Prec::Sum)
    }

    /// A definition; `axes` should be the free indices of `body` (a free
    /// index not among them would be summed when the text is read again).
    pub fn def(&self, name: &str, axes: &[Ix], body: ExprId) -> String {
        let mut w = Writer {
            pool: self.pool,
            names: IndexNames::new(self.pool, axes, body),
        };
        let lhs = if axes.is_empty() {
            name.to_string()
        } else {
            let ixs: Vec<String> = axes.iter().map(|&i| w.names.get(self.pool, i)).collect();
            format!("{name}[{}]", ixs.join(","))
        };
        format!("{lhs} = {}", w.show(body, Prec::Sum))
    }
}

// ---- shared with the LaTeX printer ----

/// The most digits after the decimal point a constant prints with; longer
/// (or non-terminating) fractions print as `p/q`.
pub(crate) const MAX_DECIMALS: u32 = 6;

/// `r` as a terminating decimal with at most [`MAX_DECIMALS`] digits after
/// the point (`-2`, `0.25`), or `None`.
pub(crate) fn decimal(r: &BigRational) -> Option<String> {
    let den = r.denom();
    let two = BigInt::from(2);
    let five = BigInt::from(5);
    let mut rest = den.clone();
    let (mut twos, mut fives) = (0u32, 0u32);
    while rest.is_multiple_of(&two) && twos <= MAX_DECIMALS {
        rest /= &two;
        twos += 1;
    }
    while rest.is_multiple_of(&five) && fives <= MAX_DECIMALS {
        rest /= &five;
        fives += 1;
    }
    let digits = twos.max(fives);
    if !rest.is_one() || digits > MAX_DECIMALS {
        return None;
    }
    let scale = num_traits::pow(BigInt::from(10), digits as usize);
    let scaled = (r.numer() * (&scale / den)).abs();
    let mut s = scaled.to_string();
    let d = digits as usize;
    if d > 0 {
        while s.len() <= d {
            s.insert(0, '0');
        }
        s.insert(s.len() - d, '.');
    }
    if r.is_negative() {
        s.insert(0, '-');
    }
    Some(s)
}

/// A coefficient and the other factors of a term (`3 x y` is `3, [x, y]`;
/// a constant is itself and no factors).
pub(crate) fn split_term(pool: &Pool, e: ExprId) -> (BigRational, Vec<ExprId>) {
    match pool.node(e) {
        Node::Const(r) => (r.clone(), vec![]),
        Node::Mul(fs) => match fs.first().map(|&f| pool.node(f)) {
            Some(Node::Const(r)) => (r.clone(), fs[1..].to_vec()),
            _ => (BigRational::one(), fs.clone()),
        },
        _ => (BigRational::one(), vec![e]),
    }
}

/// One factor of a printed product: an expression, or a base raised to a
/// constant (a denominator factor with its exponent negated).
#[derive(Clone, Debug)]
pub(crate) enum Factor {
    E(ExprId),
    Pow(ExprId, BigRational),
}

impl Factor {
    /// The base of the factor (the factor itself when it is no power).
    pub(crate) fn base(&self, pool: &Pool) -> ExprId {
        match self {
            Factor::E(e) => match pool.node(*e) {
                Node::Pow(b, _) => *b,
                _ => *e,
            },
            Factor::Pow(b, _) => *b,
        }
    }

    /// Whether the factor prints as a bare `sum`/`prod`.
    pub(crate) fn is_reduce(&self, pool: &Pool) -> bool {
        let e = match self {
            Factor::E(e) => *e,
            Factor::Pow(b, r) if r.is_one() => *b,
            Factor::Pow(..) => return false,
        };
        matches!(pool.node(e), Node::Reduce(..))
    }
}

/// Splits factors into a numerator and a denominator, when both are
/// non-empty (see the module rules); else `None`.
pub(crate) fn quotient(pool: &Pool, fs: &[ExprId]) -> Option<(Vec<Factor>, Vec<Factor>)> {
    let mut num = Vec::new();
    let mut den = Vec::new();
    for &f in fs {
        match pool.node(f) {
            // `0^-k` stays as it is: `1/0^k` would read back as `1/0`.
            Node::Pow(b, p) if !pool.is_zero(*b) => match pool.as_const(*p) {
                Some(r) if r.is_negative() => den.push(Factor::Pow(*b, -r)),
                _ => num.push(Factor::E(f)),
            },
            _ => num.push(Factor::E(f)),
        }
    }
    (!num.is_empty() && !den.is_empty()).then_some((num, den))
}

/// The factors in print order: reductions last (they take the rest of the
/// term), others in canonical order.
pub(crate) fn reduces_last(pool: &Pool, fs: Vec<Factor>) -> Vec<Factor> {
    let (mut others, reduces): (Vec<Factor>, Vec<Factor>) =
        fs.into_iter().partition(|f| !f.is_reduce(pool));
    others.extend(reduces);
    others
}

/// The names bound indices take, and free ones keep.
#[derive(Clone, Debug)]
pub(crate) struct IndexNames {
    free: HashMap<Ix, String>,
    /// Names no binder may take: free indices' and the program's.
    taken: HashSet<String>,
    /// Enclosing binders, innermost last.
    bound: Vec<(Ix, String)>,
}

impl IndexNames {
    /// Names for the free indices of a statement: `axes` first, then the
    /// other free indices of `root` in canonical order.
    pub(crate) fn new(pool: &Pool, axes: &[Ix], root: ExprId) -> IndexNames {
        let mut taken: HashSet<String> = HashSet::default();
        let n = &pool.names;
        taken.extend(n.params.iter().chain(&n.inputs).chain(&n.defs).cloned());
        let mut others: Vec<Ix> = pool
            .free(root)
            .iter()
            .copied()
            .filter(|i| !axes.contains(i))
            .collect();
        others.sort_by(|&a, &b| order::cmp_index(pool, a, b));
        let mut free = HashMap::default();
        for &i in axes.iter().chain(&others) {
            if free.contains_key(&i) {
                continue;
            }
            let name = unused_name(&pool.index(i).name, |c| taken.contains(c));
            taken.insert(name.clone());
            free.insert(i, name);
        }
        IndexNames {
            free,
            taken,
            bound: Vec::new(),
        }
    }

    /// The printed name of an index in scope.
    pub(crate) fn get(&self, pool: &Pool, i: Ix) -> String {
        if let Some((_, n)) = self.bound.iter().rev().find(|(j, _)| *j == i) {
            return n.clone();
        }
        match self.free.get(&i) {
            Some(n) => n.clone(),
            None => sanitize(&pool.index(i).name),
        }
    }

    /// Enters the binder `i` of the `Reduce` node `node`: picks and returns
    /// its printed name, from the node's binder name (else the index's).
    pub(crate) fn open(&mut self, pool: &Pool, i: Ix, node: ExprId) -> String {
        let info = pool.index(i);
        if info.bounds.is_none() && info.anchor.is_none() {
            // Neither bounds nor anchor: the extent comes from `--dim NAME`
            // (or a delta partner), so the name is meaning. Keep it unless
            // an index free in the body prints with it (shadowing any other
            // index captures nothing; [`binder_chain`] never puts two such
            // names in one group).
            let name = sanitize(&info.name);
            let n = &pool.names;
            let program_name = n
                .params
                .iter()
                .chain(&n.inputs)
                .chain(&n.defs)
                .any(|x| *x == name);
            if name == info.name
                && !program_name
                && pool.free(node).iter().all(|&x| self.get(pool, x) != name)
            {
                self.bound.push((i, name.clone()));
                return name;
            }
        }
        let hint = pool.binder_name(node).unwrap_or(&info.name);
        // Without a numeric suffix: `i2` is what this printer writes when
        // `i` is taken, and reading it back must not change the next print.
        let stem = hint.trim_end_matches(|c: char| c.is_ascii_digit());
        let hint = if stem.is_empty() { hint } else { stem };
        let name = unused_name(hint, |c| {
            self.taken.contains(c) || self.bound.iter().any(|(_, n)| n == c)
        });
        self.bound.push((i, name.clone()));
        name
    }

    /// Leaves the `n` innermost binders.
    pub(crate) fn close(&mut self, n: usize) {
        let keep = self.bound.len().saturating_sub(n);
        self.bound.truncate(keep);
    }
}

/// Whether `name` cannot be an index name (a reserved word, a function, or
/// a word the lexer reads as a binder).
fn reserved(name: &str) -> bool {
    matches!(name, "sum" | "prod" | "delta" | "diff")
        || Func::from_name(name).is_some()
        || name.starts_with("sum_")
        || name.starts_with("prod_")
}

fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !reserved(name)
}

/// A usable identifier from an index's name hint.
fn sanitize(hint: &str) -> String {
    if is_identifier(hint) {
        return hint.to_string();
    }
    let kept: String = hint
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if is_identifier(&kept) {
        kept
    } else {
        "i".to_string()
    }
}

/// `hint` (sanitised) if it is free, else its stem with the first number
/// from 2 up that makes it free.
fn unused_name(hint: &str, is_taken: impl Fn(&str) -> bool) -> String {
    let base = sanitize(hint);
    if !is_taken(&base) {
        return base;
    }
    let stem = base.trim_end_matches(|c: char| c.is_ascii_digit());
    let stem = if stem.is_empty() { "i" } else { stem };
    let mut k: u64 = 2;
    loop {
        let c = format!("{stem}{k}");
        if c != base && !reserved(&c) && !is_taken(&c) {
            return c;
        }
        k += 1;
    }
}

/// A reduction as printed: directly nested unbounded binders of one kind
/// merged (`sum_{j,k}`).
pub(crate) struct Binders {
    pub(crate) kind: ReduceKind,
    /// Each bound index with the `Reduce` node that binds it, outermost
    /// first.
    pub(crate) binders: Vec<(Ix, ExprId)>,
    /// The innermost body.
    pub(crate) body: ExprId,
}

/// The binders of the reduction `e` (`None` when it is no reduction).
pub(crate) fn binder_chain(pool: &Pool, e: ExprId) -> Option<Binders> {
    let Node::Reduce(kind, i, body) = pool.node(e) else {
        return None;
    };
    let mut binders = vec![(*i, e)];
    let mut body = *body;
    if pool.index(*i).bounds.is_none() {
        while let Node::Reduce(k, j, b) = pool.node(body) {
            // One `sum_{...}` binds at most `MAX_INDICES` indices (more is
            // refused when the text is read again): longer chains print as
            // several groups.
            if k != kind || pool.index(*j).bounds.is_some() || binders.len() == MAX_INDICES {
                break;
            }
            // A binder that keeps its name (see `IndexNames::open`) starts
            // a new group where an earlier one may print with that name
            // (`sum_{i,i}` does not read back).
            if pool.index(*j).anchor.is_none() {
                let stem = |n: &str| n.trim_end_matches(|c: char| c.is_ascii_digit()).to_string();
                let name = stem(&pool.index(*j).name);
                if binders.iter().any(|&(x, node)| {
                    stem(pool.binder_name(node).unwrap_or(&pool.index(x).name)) == name
                        || stem(&pool.index(x).name) == name
                }) {
                    break;
                }
            }
            binders.push((*j, body));
            body = *b;
        }
    }
    Some(Binders {
        kind: *kind,
        binders,
        body,
    })
}

/// Whether `e` prints with a leading minus sign.
pub(crate) fn is_negative(pool: &Pool, e: ExprId) -> bool {
    split_term(pool, e).0.is_negative()
}

// ---- the text writer ----

/// How loosely a printed form binds, loosest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    /// `a + b`: needs parentheses anywhere but at the top.
    Sum,
    /// A product term, which may start with `-` or end with a `sum_j ...`
    /// that takes the rest of the term: fine where the term ends.
    Open,
    /// `x^2` (and anything tighter): a juxtaposed factor.
    Power,
    /// A number, name, element, call or parenthesised form: a power base.
    Atom,
}

struct Writer<'a> {
    pool: &'a Pool,
    names: IndexNames,
}

/// A constant as text: integers and short decimals plainly, else `p/q`.
fn number(r: &BigRational) -> String {
    decimal(r).unwrap_or_else(|| format!("{}/{}", r.numer(), r.denom()))
}

/// A non-negative integer or decimal: prints as a bare number.
fn is_plain(r: &BigRational) -> bool {
    !r.is_negative() && decimal(r).is_some()
}

impl Writer<'_> {
    fn prec(&self, e: ExprId) -> Prec {
        match self.pool.node(e) {
            Node::Const(r) if is_plain(r) => Prec::Atom,
            Node::Const(_) | Node::Mul(_) | Node::Reduce(..) => Prec::Open,
            Node::Add(_) => Prec::Sum,
            Node::Pow(..) => Prec::Power,
            Node::Param(_) | Node::Index(_) | Node::Elem(..) | Node::Delta(..) | Node::Call(..) => {
                Prec::Atom
            }
        }
    }

    /// `e` where a form binding at least as tightly as `min` is needed.
    fn show(&mut self, e: ExprId, min: Prec) -> String {
        if self.prec(e) < min {
            return format!("({})", self.show(e, Prec::Sum));
        }
        let pool = self.pool;
        match pool.node(e) {
            Node::Const(r) => number(r),
            Node::Param(p) => pool.names.params[p.index()].clone(),
            Node::Index(i) => self.names.get(pool, *i),
            Node::Elem(t, ixs) => {
                let name = pool.names.tensor(*t);
                if ixs.is_empty() {
                    name.to_string()
                } else {
                    let ixs: Vec<String> = ixs.iter().map(|&i| self.names.get(pool, i)).collect();
                    format!("{name}[{}]", ixs.join(","))
                }
            }
            Node::Delta(a, b) => {
                format!(
                    "delta[{},{}]",
                    self.names.get(pool, *a),
                    self.names.get(pool, *b)
                )
            }
            Node::Add(ts) => self.sum(ts),
            Node::Mul(_) => {
                let (c, fs) = split_term(pool, e);
                self.term(&c, &fs, true)
            }
            Node::Pow(b, p) => {
                let base = self.show(*b, Prec::Atom);
                let exp = self.exponent(*p);
                format!("{base}^{exp}")
            }
            Node::Call(f, args) => {
                let args: Vec<String> = args.iter().map(|&a| self.show(a, Prec::Sum)).collect();
                format!("{}({})", f.name(), args.join(", "))
            }
            Node::Reduce(..) => self.reduce(e),
        }
    }

    fn sum(&mut self, terms: &[ExprId]) -> String {
        let terms = positive_first(self.pool, terms);
        let mut out = String::new();
        for (k, &t) in terms.iter().enumerate() {
            let (c, fs) = split_term(self.pool, t);
            let neg = c.is_negative();
            out.push_str(match (k, neg) {
                (0, false) => "",
                (0, true) => "-",
                (_, false) => " + ",
                (_, true) => " - ",
            });
            out.push_str(&self.term(&c.abs(), &fs, true));
        }
        out
    }

    /// A product term `c fs`; `open`: it may end in a bare reduction.
    fn term(&mut self, c: &BigRational, fs: &[ExprId], open: bool) -> String {
        if fs.is_empty() {
            return number(c);
        }
        let mut out = String::new();
        if c.is_negative() {
            out.push('-');
        }
        let c = c.abs();
        match quotient(self.pool, fs) {
            Some((num, den)) => {
                out.push_str(&self.product(&c, num, false));
                out.push('/');
                if den.len() == 1 {
                    out.push_str(&self.factor(&den[0], Prec::Power));
                } else {
                    let d = self.product(&BigRational::one(), den, true);
                    out.push_str(&format!("({d})"));
                }
            }
            None => {
                let fs = fs.iter().map(|&f| Factor::E(f)).collect();
                out.push_str(&self.product(&c, fs, open));
            }
        }
        out
    }

    /// `c` (non-negative) times the factors, juxtaposed.
    fn product(&mut self, c: &BigRational, fs: Vec<Factor>, open: bool) -> String {
        let fs = reduces_last(self.pool, fs);
        let mut out = String::new();
        if !c.is_one() || fs.is_empty() {
            out = if is_plain(c) {
                number(c)
            } else {
                format!("({})", number(c))
            };
        }
        let n = fs.len();
        for (k, f) in fs.iter().enumerate() {
            let min = if open && k + 1 == n {
                Prec::Open
            } else {
                Prec::Power
            };
            let text = self.factor(f, min);
            if !out.is_empty() {
                let sep = if text.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                    "*"
                } else {
                    " "
                };
                out.push_str(sep);
            }
            out.push_str(&text);
        }
        out
    }

    fn factor(&mut self, f: &Factor, min: Prec) -> String {
        match f {
            Factor::E(e) => self.show(*e, min),
            Factor::Pow(b, r) if r.is_one() => self.show(*b, min),
            Factor::Pow(b, r) => {
                let base = self.show(*b, Prec::Atom);
                format!("{base}^{}", const_exponent(r))
            }
        }
    }

    fn exponent(&mut self, p: ExprId) -> String {
        if let Some(r) = self.pool.as_const(p) {
            return const_exponent(r);
        }
        // `x^-y`: the exponent may carry its own sign.
        let (c, fs) = split_term(self.pool, p);
        if c == -BigRational::one() && fs.len() == 1 && self.prec(fs[0]) >= Prec::Power {
            return format!("-{}", self.show(fs[0], Prec::Power));
        }
        self.show(p, Prec::Power)
    }

    fn reduce(&mut self, e: ExprId) -> String {
        let pool = self.pool;
        let Some(Binders {
            kind,
            binders,
            body,
        }) = binder_chain(pool, e)
        else {
            return String::new();
        };
        let kw = match kind {
            ReduceKind::Sum => "sum",
            ReduceKind::Prod => "prod",
        };
        let head = match (binders.as_slice(), pool.index(binders[0].0).bounds) {
            ([(i, node)], Some((lo, hi))) => {
                let lo = self.show(lo, Prec::Sum);
                let hi = self.show(hi, Prec::Sum);
                let name = self.names.open(pool, *i, *node);
                format!("{kw}_{{{name}={lo}}}^{{{hi}}}")
            }
            ([(i, node)], None) => format!("{kw}_{}", self.names.open(pool, *i, *node)),
            _ => {
                let names: Vec<String> = binders
                    .iter()
                    .map(|&(i, node)| self.names.open(pool, i, node))
                    .collect();
                format!("{kw}_{{{}}}", names.join(","))
            }
        };
        let anchors = self.anchors(&binders, body);
        let body = if !anchors.is_empty() {
            let mut terms = anchors;
            if !pool.is_zero(body) {
                terms.insert(0, self.show(body, Prec::Sum));
            }
            if terms.len() == 1 && !terms[0].starts_with('(') {
                terms.remove(0)
            } else {
                format!("({})", terms.join(" + "))
            }
        } else if self.prec(body) == Prec::Sum || is_negative(pool, body) {
            format!("({})", self.show(body, Prec::Sum))
        } else {
            self.show(body, Prec::Open)
        };
        self.names.close(binders.len());
        format!("{head} {body}")
    }

    /// Zero terms `0 x[j]` for the binders (with inferred extents) that the
    /// body no longer subscripts, so the text still says their extents:
    /// `sum_j 0 x[j]` simplifies to `sum_j 0`, which prints as
    /// `sum_j (0 + 0 x[j])`.
    fn anchors(&mut self, binders: &[(Ix, ExprId)], body: ExprId) -> Vec<String> {
        let pool = self.pool;
        let mut lost = Vec::new();
        for &(i, _) in binders {
            let info = pool.index(i);
            let Some((t, axis)) = info.anchor else {
                continue;
            };
            // Printed whenever the body subscripts nothing with `i` (even
            // if a delta partner would give the extent): the anchor is part
            // of the binder's identity, and reading the text back must
            // find the same one.
            if info.bounds.is_none() && !super::simplify::subscripts(pool, body, i) {
                lost.push((t, axis, self.names.get(pool, i)));
            }
        }
        let names = &self.names;
        zero_terms(pool, &lost, |c| {
            names.taken.contains(c) || names.bound.iter().any(|(_, b)| b == c)
        })
    }
}

/// Zero terms that give indices their extents: for each `(tensor, axis,
/// index name)`, grouped by tensor, `0 x[i]`, `0 A[i,j]`, or with the
/// other axes summed, `(sum_{z} 0 A[i,z])` (`z` a name `taken` refuses).
pub(crate) fn zero_terms(
    pool: &Pool,
    lost: &[(TensorRef, usize, String)],
    taken: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut groups: Vec<(TensorRef, Vec<(usize, &str)>)> = Vec::new();
    for (t, axis, name) in lost {
        match groups
            .iter_mut()
            .find(|(u, v)| u == t && v.iter().all(|(p, _)| p != axis))
        {
            Some((_, v)) => v.push((*axis, name)),
            None => groups.push((*t, vec![(*axis, name)])),
        }
    }
    let mut out = Vec::new();
    for (t, axes) in groups {
        let Some(rank) = pool.node_rank(t) else {
            continue;
        };
        let mut subs = Vec::with_capacity(rank);
        let mut others: Vec<String> = Vec::new();
        for p in 0..rank {
            match axes.iter().find(|(q, _)| *q == p) {
                Some((_, n)) => subs.push(n.to_string()),
                None => {
                    let n = unused_name("z", |c| taken(c) || others.iter().any(|o| o == c));
                    others.push(n.clone());
                    subs.push(n);
                }
            }
        }
        let elem = format!("0 {}[{}]", pool.names.tensor(t), subs.join(","));
        out.push(if others.is_empty() {
            elem
        } else {
            let groups: Vec<String> = others
                .chunks(MAX_INDICES)
                .map(|g| format!("sum_{{{}}}", g.join(",")))
                .collect();
            format!("({} {elem})", groups.join(" "))
        });
    }
    out
}

/// A zero term that reads all of tensor `t` (of rank `rank`):
/// `(sum_{z} 0 x[z])`, `(sum_{z,z2} 0 A[z,z2])` (names `taken` refuses are
/// skipped), so a printed program still takes `t` as an input.
pub(crate) fn zero_mention(
    pool: &Pool,
    t: TensorRef,
    rank: usize,
    taken: impl Fn(&str) -> bool,
) -> String {
    let mut names: Vec<String> = Vec::with_capacity(rank);
    for _ in 0..rank {
        let n = unused_name("z", |c| taken(c) || names.iter().any(|o| o == c));
        names.push(n);
    }
    let elem = format!("0 {}[{}]", pool.names.tensor(t), names.join(","));
    let groups: Vec<String> = names
        .chunks(MAX_INDICES)
        .map(|g| format!("sum_{{{}}}", g.join(",")))
        .collect();
    format!("({} {elem})", groups.join(" "))
}

/// A constant exponent: `3`, `-3`, `1.5`, `-0.5`, `(1/3)`, `(-1/3)`.
fn const_exponent(r: &BigRational) -> String {
    match decimal(r) {
        Some(s) => s,
        None => format!("({}/{})", r.numer(), r.denom()),
    }
}

/// A sum's terms for printing: its first positive term first, if it has one
/// (`1 - h^2`, `N - M + 1`, `b - a`); the terms' order carries no meaning.
pub(crate) fn positive_first(pool: &Pool, terms: &[ExprId]) -> Vec<ExprId> {
    let mut terms = terms.to_vec();
    let negative = |t: ExprId| split_term(pool, t).0.is_negative();
    if terms.first().is_some_and(|&t| negative(t))
        && let Some(p) = terms.iter().position(|&t| !negative(t))
    {
        let t = terms.remove(p);
        terms.insert(0, t);
    }
    terms
}
