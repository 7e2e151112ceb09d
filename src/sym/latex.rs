//! Printing symbolic expressions and definitions as LaTeX (math mode).
//!
//! In: a [`Pool`] and an expression (or a definition: name, axes, body).
//! Out: LaTeX source for display, e.g. `y_{i} = \sum_{j} X_{ij} \, w_{j}`;
//! it is not read back.
//!
//! Always: the same layout decisions as the text printer
//! ([`super::print`]): terms in stored order with ` - ` for negative
//! coefficients, the same quotient rule (`\frac{a}{b}` when a term has both
//! positive and constant-negative powers; `3 x^{-1.5}` otherwise), the same
//! printed names for bound indices, reductions last in their product and
//! parenthesised elsewhere. Output depends only on structure and names.
//!
//! Notation: subscripts concatenate when every index name is one character
//! (`X_{ij}`), else are comma separated (`X_{i, jk}`); `\delta_{ij}`;
//! `\sum_{j}`, `\sum_{j, k}`, `\sum_{i=1}^{N}`, `\prod`; functions
//! `\exp\left(x\right)`, `\log`, `\tanh`, `\sin`, `\cos`, `\sqrt{x}`,
//! `\left\lvert x \right\rvert`, `\operatorname{sign}`, `\max`, `\min`;
//! `x^{1/2}` prints as `\sqrt{x}`; constants as in the text (`0.5`,
//! `\frac{1}{3}`; in exponents `x^{1/3}`); a quotient's non-integer
//! coefficient folds into the fraction (`\frac{a}{2 b}`). Factors are
//! separated by a space, by `\,` between two tensor elements (or next to a
//! multi-letter name), and by `\cdot` before a factor that starts with a
//! digit. Multi-letter names print upright (`\mathrm{dL\_dw}`), Greek
//! letter names as the letter (`\alpha`).

use super::pool::{ExprId, Ix, Node, Pool};
use super::print::{
    Binders, Factor, IndexNames, binder_chain, decimal, is_negative, quotient, reduces_last,
    split_term,
};
use crate::ops::Latex;
use crate::syntax::token::{Func, ReduceKind};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed};

/// The LaTeX of an expression.
pub fn expr_latex(pool: &Pool, e: ExprId) -> String {
    LatexPrinter::new(pool).expr(e)
}

/// The LaTeX of a definition: `y_{ik} = ...`, or `L = ...` without axes.
pub fn def_latex(pool: &Pool, name: &str, axes: &[Ix], body: ExprId) -> String {
    LatexPrinter::new(pool).def(name, axes, body)
}

/// Prints expressions and statements of one pool as LaTeX.
#[derive(Clone, Copy, Debug)]
pub struct LatexPrinter<'a> {
    pool: &'a Pool,
}

impl<'a> LatexPrinter<'a> {
    pub fn new(pool: &'a Pool) -> LatexPrinter<'a> {
        LatexPrinter { pool }
    }

    pub fn expr(&self, e: ExprId) -> String {
        let mut w = Writer {
            pool: self.pool,
            names: IndexNames::new(self.pool, &[], e),
        };
        w.show(e, Prec::Sum)
    }

    pub fn def(&self, name: &str, axes: &[Ix], body: ExprId) -> String {
        let mut w = Writer {
            pool: self.pool,
            names: IndexNames::new(self.pool, axes, body),
        };
        let lhs = format!("{}{}", name_latex(name), w.subscript(axes));
        format!("{lhs} = {}", w.show(body, Prec::Sum))
    }
}

/// A program name in math mode.
fn name_latex(name: &str) -> String {
    if name.chars().count() == 1 {
        return name.to_string();
    }
    if GREEK.contains(&name) {
        return format!("\\{name}");
    }
    format!("\\mathrm{{{}}}", name.replace('_', "\\_"))
}

/// An index name in a subscript (italic; Greek names as letters).
fn index_latex(name: &str) -> String {
    if GREEK.contains(&name) {
        return format!("\\{name}");
    }
    name.replace('_', "\\_")
}

const GREEK: [&str; 33] = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "pi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Xi",
    "Pi",
    "Sigma",
    "Phi",
    "Omega",
];

/// A constant: `3`, `-0.5`, `\frac{1}{3}`, `-\frac{1}{3}`.
fn number(r: &BigRational) -> String {
    match decimal(r) {
        Some(s) => s,
        None => {
            let sign = if r.is_negative() { "-" } else { "" };
            format!("{sign}\\frac{{{}}}{{{}}}", r.numer().abs(), r.denom())
        }
    }
}

/// A constant exponent (inside `^{...}`): `3`, `-1.5`, `1/3`, `-1/3`.
fn exponent_number(r: &BigRational) -> String {
    decimal(r).unwrap_or_else(|| format!("{}/{}", r.numer(), r.denom()))
}

fn is_plain(r: &BigRational) -> bool {
    !r.is_negative() && decimal(r).is_some()
}

fn half() -> BigRational {
    BigRational::new(BigInt::from(1), BigInt::from(2))
}

/// How loosely a printed form binds, loosest first (as in the text printer;
/// here `Power` also covers `\frac{..}{..}` and `\sqrt{..}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Sum,
    Open,
    Power,
    Atom,
}

/// How a factor looks, for choosing the space before the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Look {
    /// A subscripted tensor element or delta (or a power of one).
    Tensor,
    /// A multi-letter upright name.
    Wide,
    Other,
}

struct Writer<'a> {
    pool: &'a Pool,
    names: IndexNames,
}

impl Writer<'_> {
    fn prec(&self, e: ExprId) -> Prec {
        match self.pool.node(e) {
            Node::Const(r) if is_plain(r) => Prec::Atom,
            Node::Const(r) if !r.is_negative() => Prec::Power,
            Node::Const(_) | Node::Mul(_) | Node::Reduce(..) => Prec::Open,
            Node::Add(_) => Prec::Sum,
            Node::Pow(..) => Prec::Power,
            Node::Param(_) | Node::Index(_) | Node::Elem(..) | Node::Delta(..) | Node::Call(..) => {
                Prec::Atom
            }
        }
    }

    fn subscript(&self, ixs: &[Ix]) -> String {
        if ixs.is_empty() {
            return String::new();
        }
        let names: Vec<String> = ixs.iter().map(|&i| self.names.get(self.pool, i)).collect();
        let sep = if names.iter().all(|n| n.chars().count() == 1) {
            ""
        } else {
            ", "
        };
        let parts: Vec<String> = names.iter().map(|n| index_latex(n)).collect();
        format!("_{{{}}}", parts.join(sep))
    }

    fn show(&mut self, e: ExprId, min: Prec) -> String {
        if self.prec(e) < min {
            return format!("\\left({}\\right)", self.show(e, Prec::Sum));
        }
        let pool = self.pool;
        match pool.node(e) {
            Node::Const(r) => number(r),
            Node::Param(p) => name_latex(&pool.names.params[p.index()]),
            Node::Index(i) => index_latex(&self.names.get(pool, *i)),
            Node::Elem(t, ixs) => {
                format!(
                    "{}{}",
                    name_latex(pool.names.tensor(*t)),
                    self.subscript(ixs)
                )
            }
            Node::Delta(a, b) => format!("\\delta{}", self.subscript(&[*a, *b])),
            Node::Add(ts) => self.sum(ts),
            Node::Mul(_) => {
                let (c, fs) = split_term(pool, e);
                self.term(&c, &fs, true)
            }
            Node::Pow(b, p) => match pool.as_const(*p) {
                Some(r) => self.power(*b, r),
                None => {
                    let base = self.show(*b, Prec::Atom);
                    let exp = self.show(*p, Prec::Sum);
                    format!("{base}^{{{exp}}}")
                }
            },
            Node::Call(f, args) => self.call(*f, args),
            Node::Reduce(..) => self.reduce(e),
        }
    }

    fn call(&mut self, f: Func, args: &[ExprId]) -> String {
        let args: Vec<String> = args.iter().map(|&a| self.show(a, Prec::Sum)).collect();
        let args = args.join(", ");
        match f.op().latex {
            Latex::Sqrt => format!("\\sqrt{{{args}}}"),
            Latex::Bars => format!("\\left\\lvert {args} \\right\\rvert"),
            Latex::Operator => format!("\\operatorname{{{}}}\\left({args}\\right)", f.name()),
            Latex::Command => format!("\\{}\\left({args}\\right)", f.name()),
        }
    }

    /// `b^r` for a constant `r`; `\sqrt{b}` for one half.
    fn power(&mut self, b: ExprId, r: &BigRational) -> String {
        if *r == half() {
            return format!("\\sqrt{{{}}}", self.show(b, Prec::Sum));
        }
        let base = self.show(b, Prec::Atom);
        format!("{base}^{{{}}}", exponent_number(r))
    }

    fn sum(&mut self, terms: &[ExprId]) -> String {
        let terms = &super::print::positive_first(self.pool, terms);
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

    fn term(&mut self, c: &BigRational, fs: &[ExprId], open: bool) -> String {
        if fs.is_empty() {
            return number(c);
        }
        let sign = if c.is_negative() { "-" } else { "" };
        let c = c.abs();
        match quotient(self.pool, fs) {
            Some((num, den)) => {
                // A non-integer coefficient folds into the fraction.
                let p = BigRational::from_integer(c.numer().clone());
                let q = BigRational::from_integer(c.denom().clone());
                let n = self.fraction_part(&p, num);
                let d = self.fraction_part(&q, den);
                format!("{sign}\\frac{{{n}}}{{{d}}}")
            }
            None => {
                let fs = fs.iter().map(|&f| Factor::E(f)).collect();
                format!("{sign}{}", self.product(&c, fs, open))
            }
        }
    }

    /// A numerator or denominator: one factor with exponent 1 alone needs
    /// no parentheses inside the braces.
    fn fraction_part(&mut self, c: &BigRational, fs: Vec<Factor>) -> String {
        if c.is_one() && fs.len() == 1 {
            let bare = match &fs[0] {
                Factor::E(e) => Some(*e),
                Factor::Pow(b, r) if r.is_one() => Some(*b),
                Factor::Pow(..) => None,
            };
            if let Some(e) = bare {
                return self.show(e, Prec::Sum);
            }
        }
        self.product(c, fs, true)
    }

    fn product(&mut self, c: &BigRational, fs: Vec<Factor>, open: bool) -> String {
        let fs = reduces_last(self.pool, fs);
        let mut out = String::new();
        let mut prev = Look::Other;
        if !c.is_one() || fs.is_empty() {
            out = number(c);
        }
        let n = fs.len();
        for (k, f) in fs.iter().enumerate() {
            let min = if open && k + 1 == n {
                Prec::Open
            } else {
                Prec::Power
            };
            let text = self.factor(f, min);
            let look = self.look(f);
            if !out.is_empty() {
                let sep = if text.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                    " \\cdot "
                } else if (prev == Look::Tensor && look == Look::Tensor)
                    || prev == Look::Wide
                    || look == Look::Wide
                {
                    " \\, "
                } else {
                    " "
                };
                out.push_str(sep);
            }
            out.push_str(&text);
            prev = look;
        }
        out
    }

    fn look(&self, f: &Factor) -> Look {
        let pool = self.pool;
        match pool.node(f.base(pool)) {
            Node::Elem(_, ixs) if !ixs.is_empty() => Look::Tensor,
            Node::Delta(..) => Look::Tensor,
            Node::Elem(t, _) if pool.names.tensor(*t).chars().count() > 1 => Look::Wide,
            Node::Param(p) if pool.names.params[p.index()].chars().count() > 1 => Look::Wide,
            _ => Look::Other,
        }
    }

    fn factor(&mut self, f: &Factor, min: Prec) -> String {
        match f {
            Factor::E(e) => self.show(*e, min),
            Factor::Pow(b, r) if r.is_one() => self.show(*b, min),
            Factor::Pow(b, r) => self.power(*b, r),
        }
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
            ReduceKind::Sum => "\\sum",
            ReduceKind::Prod => "\\prod",
        };
        let head = match (binders.as_slice(), pool.index(binders[0].0).bounds) {
            ([(i, node)], Some((lo, hi))) => {
                let lo = self.show(lo, Prec::Sum);
                let hi = self.show(hi, Prec::Sum);
                let name = index_latex(&self.names.open(pool, *i, *node));
                format!("{kw}_{{{name}={lo}}}^{{{hi}}}")
            }
            _ => {
                let names: Vec<String> = binders
                    .iter()
                    .map(|&(i, node)| index_latex(&self.names.open(pool, i, node)))
                    .collect();
                format!("{kw}_{{{}}}", names.join(", "))
            }
        };
        let body = if self.prec(body) == Prec::Sum || is_negative(pool, body) {
            format!("\\left({}\\right)", self.show(body, Prec::Sum))
        } else {
            self.show(body, Prec::Open)
        };
        self.names.close(binders.len());
        format!("{head} {body}")
    }
}
