//! Rational normal form: fractions combined, common factors cancelled.
//!
//! In: a pool expression. Out: an equal expression written as
//! `c · Π Pᵢ^eᵢ`, where c is an exact rational and each Pᵢ is an atom (a
//! node that is not a sum, a product, a constant or an integer power: a
//! tensor element, a call, a sum over an index, ...) or a polynomial over
//! atoms with no common monomial factor and coprime integer coefficients,
//! the leading one (in the lexicographic order of the atoms' ids) positive. Sums of such forms are put over
//! the least common denominator, multiplied out, and each denominator
//! factor that divides the new numerator exactly (multivariate polynomial
//! division over the rationals) is cancelled; then a numerator factor and
//! a denominator factor (each to the first power) are divided by their
//! greatest common divisor (`gcd`: recursive on the least atom, Euclid
//! with primitive pseudo-remainders), so `(x^2 - 1)/(x^2 + 2x + 1)`
//! arising in a sum becomes `(x - 1)/(x + 1)`. Sums over an index and call
//! arguments are normalised inside, one level at a time.
//!
//! Always: the result equals the input wherever the input is finite (a
//! factor is cancelled only against itself, `P/P = 1`, the pool's own
//! domain assumption); work is bounded: a polynomial past [`MAX_TERMS`]
//! terms or an exponent past [`MAX_EXP`] gives up (`None`) and the caller
//! keeps the input; a gcd past [`GCD_STEPS`] steps is not taken.

use super::pool::{ExprId, Node, Pool};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The most terms a multiplied-out polynomial may have.
pub const MAX_TERMS: usize = 256;
/// The largest integer exponent taken apart.
pub const MAX_EXP: i64 = 16;
/// The most steps (recursive calls and pseudo-division steps) one
/// `gcd` may take before giving up.
pub const GCD_STEPS: usize = 2000;

/// A monomial: atoms with positive exponents, sorted by atom.
type Mono = Vec<(ExprId, u32)>;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Poly(BTreeMap<Mono, BigRational>);

/// `c · Π P^e`; `c == 0` is zero (with no factors).
#[derive(Clone, Debug)]
struct Frac {
    c: BigRational,
    f: BTreeMap<Poly, i64>,
}

fn mono_mul(a: &Mono, b: &Mono) -> Mono {
    let mut out: BTreeMap<ExprId, u32> = a.iter().copied().collect();
    for &(x, k) in b {
        *out.entry(x).or_insert(0) += k;
    }
    out.into_iter().collect()
}

fn mono_div(a: &Mono, b: &Mono) -> Option<Mono> {
    let mut out: BTreeMap<ExprId, u32> = a.iter().copied().collect();
    for &(x, k) in b {
        let e = out.get_mut(&x)?;
        if *e < k {
            return None;
        }
        *e -= k;
        if *e == 0 {
            out.remove(&x);
        }
    }
    Some(out.into_iter().collect())
}

/// Lexicographic order, the atom with the smallest id first.
fn lex(a: &Mono, b: &Mono) -> Ordering {
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (None, None) => return Ordering::Equal,
            (Some(_), None) => return Ordering::Greater,
            (None, Some(_)) => return Ordering::Less,
            (Some(&(x, ex)), Some(&(y, ey))) => match x.cmp(&y) {
                Ordering::Less => return Ordering::Greater,
                Ordering::Greater => return Ordering::Less,
                Ordering::Equal => {
                    if ex != ey {
                        return ex.cmp(&ey);
                    }
                    i += 1;
                    j += 1;
                }
            },
        }
    }
}

impl Poly {
    fn zero() -> Poly {
        Poly(BTreeMap::new())
    }

    fn constant(c: BigRational) -> Poly {
        let mut m = BTreeMap::new();
        if !c.is_zero() {
            m.insert(Vec::new(), c);
        }
        Poly(m)
    }

    fn atom(a: ExprId) -> Poly {
        let mut m = BTreeMap::new();
        m.insert(vec![(a, 1)], BigRational::one());
        Poly(m)
    }

    fn add_term(&mut self, m: Mono, c: BigRational) {
        let zero = {
            let e = self.0.entry(m.clone()).or_insert_with(BigRational::zero);
            *e += c;
            e.is_zero()
        };
        if zero {
            self.0.remove(&m);
        }
    }

    fn add(&self, o: &Poly) -> Poly {
        let mut r = self.clone();
        for (m, c) in &o.0 {
            r.add_term(m.clone(), c.clone());
        }
        r
    }

    fn mul(&self, o: &Poly) -> Option<Poly> {
        if self.0.len() * o.0.len() > MAX_TERMS * 4 {
            return None;
        }
        let mut r = Poly::zero();
        for (a, ca) in &self.0 {
            for (b, cb) in &o.0 {
                r.add_term(mono_mul(a, b), ca * cb);
            }
        }
        (r.0.len() <= MAX_TERMS).then_some(r)
    }

    fn lead(&self) -> Option<(&Mono, &BigRational)> {
        self.0.iter().max_by(|a, b| lex(a.0, b.0))
    }

    /// `self / g` when g divides self exactly.
    fn div_exact(&self, g: &Poly) -> Option<Poly> {
        let (gm, gc) = g.lead()?;
        let (gm, gc) = (gm.clone(), gc.clone());
        let mut r = self.clone();
        let mut q = Poly::zero();
        for _ in 0..4 * MAX_TERMS {
            let Some((lm, lc)) = r.lead() else {
                return Some(q);
            };
            let m = mono_div(lm, &gm)?;
            let c = lc / &gc;
            q.add_term(m.clone(), c.clone());
            for (gm2, gc2) in &g.0 {
                r.add_term(mono_mul(&m, gm2), -(&c * gc2));
            }
        }
        None
    }
}

impl Frac {
    fn zero() -> Frac {
        Frac {
            c: BigRational::zero(),
            f: BTreeMap::new(),
        }
    }

    fn constant(c: BigRational) -> Frac {
        Frac {
            c,
            f: BTreeMap::new(),
        }
    }

    fn mul(mut self, o: &Frac) -> Frac {
        if self.c.is_zero() || o.c.is_zero() {
            return Frac::zero();
        }
        self.c *= &o.c;
        for (p, e) in &o.f {
            let k = self.f.entry(p.clone()).or_insert(0);
            *k += e;
            if *k == 0 {
                self.f.remove(p);
            }
        }
        self
    }

    fn pow(&self, n: i64) -> Option<Frac> {
        if self.c.is_zero() {
            return (n > 0).then(Frac::zero);
        }
        let c = if n >= 0 {
            num_traits::pow(self.c.clone(), n as usize)
        } else {
            num_traits::pow(self.c.recip(), (-n) as usize)
        };
        Some(Frac {
            c,
            f: self.f.iter().map(|(p, e)| (p.clone(), e * n)).collect(),
        })
    }

    /// The factors with non-negative exponents multiplied out, times c.
    fn expanded(&self) -> Option<Poly> {
        let mut acc = Poly::constant(self.c.clone());
        for (p, &e) in &self.f {
            for _ in 0..e {
                acc = acc.mul(p)?;
            }
        }
        Some(acc)
    }

    fn add(&self, o: &Frac) -> Option<Frac> {
        if self.c.is_zero() {
            return Some(o.clone());
        }
        if o.c.is_zero() {
            return Some(self.clone());
        }
        // The common part: each factor to the least of its two exponents
        // (absent is 0), so the rest of each term is a polynomial.
        let mut g: BTreeMap<Poly, i64> = BTreeMap::new();
        for p in self.f.keys().chain(o.f.keys()) {
            let a = self.f.get(p).copied().unwrap_or(0);
            let b = o.f.get(p).copied().unwrap_or(0);
            let m = a.min(b);
            if m != 0 {
                g.insert(p.clone(), m);
            }
        }
        let rest = |x: &Frac| Frac {
            c: x.c.clone(),
            f: x.f
                .keys()
                .chain(g.keys())
                .map(|p| {
                    let e = x.f.get(p).copied().unwrap_or(0) - g.get(p).copied().unwrap_or(0);
                    (p.clone(), e)
                })
                .filter(|&(_, e)| e != 0)
                .collect(),
        };
        let s = rest(self).expanded()?.add(&rest(o).expanded()?);
        if s.0.is_empty() {
            return Some(Frac::zero());
        }
        let mut num = normalise_poly(s);
        // Cancel denominator factors that divide the new numerator.
        let dens: Vec<Poly> = g
            .iter()
            .filter(|&(p, &e)| e < 0 && p.0.len() > 1)
            .map(|(p, _)| p.clone())
            .collect();
        let polys: Vec<Poly> = num.f.keys().filter(|p| p.0.len() > 1).cloned().collect();
        for q in polys {
            let mut q_cur = q.clone();
            let qe = num.f.remove(&q).unwrap_or(1);
            for d in &dens {
                while g.get(d).copied().unwrap_or(0) < 0 && q_cur.0.len() > 1 {
                    match q_cur.div_exact(d) {
                        Some(qq) => {
                            q_cur = qq;
                            *g.get_mut(d).expect("a denominator factor") += qe;
                            if g[d] == 0 {
                                g.remove(d);
                            }
                        }
                        None => break,
                    }
                }
            }
            let rest = normalise_poly(q_cur).pow(qe)?;
            num = num.mul(&rest);
        }
        // Then a numerator and a denominator factor with a common factor
        // that neither has as a factor: (x^2 - 1)/(x^2 + 2x + 1) is
        // (x - 1)/(x + 1).
        let mut steps = GCD_STEPS;
        let tops: Vec<Poly> = (num.f.iter())
            .filter(|&(p, &e)| e == 1 && p.0.len() > 1)
            .map(|(p, _)| p.clone())
            .collect();
        for q in tops {
            let dens: Vec<Poly> = (g.iter())
                .filter(|&(p, &e)| e == -1 && p.0.len() > 1)
                .map(|(p, _)| p.clone())
                .collect();
            for d in dens {
                let Some(h) = gcd(&q, &d, &mut steps) else {
                    break;
                };
                if h.is_constant() {
                    continue;
                }
                let (Some(q2), Some(d2)) = (q.div_exact(&h), d.div_exact(&h)) else {
                    continue;
                };
                num.f.remove(&q);
                g.remove(&d);
                num = num.mul(&normalise_poly(q2));
                num = num.mul(&normalise_poly(d2).pow(-1)?);
                break;
            }
        }
        Some(num.mul(&Frac {
            c: BigRational::one(),
            f: g,
        }))
    }
}

impl Poly {
    fn is_constant(&self) -> bool {
        self.0.keys().all(|m| m.is_empty())
    }

    fn sub(&self, o: &Poly) -> Poly {
        let mut r = self.clone();
        for (m, c) in &o.0 {
            r.add_term(m.clone(), -c.clone());
        }
        r
    }

    /// The least atom (by id) it mentions.
    fn least_atom(&self) -> Option<ExprId> {
        self.0
            .keys()
            .filter_map(|m| m.first().map(|&(a, _)| a))
            .min()
    }

    /// As a polynomial in `x`: the coefficient of each power, lowest first.
    fn coeffs_in(&self, x: ExprId) -> Vec<Poly> {
        let mut out: Vec<Poly> = Vec::new();
        for (m, c) in &self.0 {
            let k = m
                .iter()
                .find(|&&(a, _)| a == x)
                .map_or(0, |&(_, k)| k as usize);
            let rest: Mono = m.iter().filter(|&&(a, _)| a != x).copied().collect();
            if out.len() <= k {
                out.resize(k + 1, Poly::zero());
            }
            out[k].add_term(rest, c.clone());
        }
        out
    }

    fn from_coeffs(cs: &[Poly], x: ExprId) -> Poly {
        let mut r = Poly::zero();
        for (k, c) in cs.iter().enumerate() {
            for (m, v) in &c.0 {
                let m = if k == 0 {
                    m.clone()
                } else {
                    mono_mul(m, &vec![(x, k as u32)])
                };
                r.add_term(m, v.clone());
            }
        }
        r
    }
}

/// A greatest common divisor of `a` and `b` over the rationals (up to a
/// rational factor): recursive on the least atom, the contents' gcd times
/// the last non-zero primitive pseudo-remainder of the primitive parts
/// (Euclid's algorithm over a polynomial ring, as in Knuth 4.6.1). `None`
/// past `steps` or the term limit.
fn gcd(a: &Poly, b: &Poly, steps: &mut usize) -> Option<Poly> {
    *steps = steps.checked_sub(1)?;
    if a.0.is_empty() {
        return Some(b.clone());
    }
    if b.0.is_empty() {
        return Some(a.clone());
    }
    if a.is_constant() || b.is_constant() {
        return Some(Poly::constant(BigRational::one()));
    }
    let x = match (a.least_atom(), b.least_atom()) {
        (Some(p), Some(q)) => p.min(q),
        (p, q) => p.or(q)?,
    };
    let (ca, cb) = (a.coeffs_in(x), b.coeffs_in(x));
    let (ka, kb) = (content(&ca, steps)?, content(&cb, steps)?);
    let c = gcd(&ka, &kb, steps)?;
    let mut f = primitive(&ca, &ka)?;
    let mut h = primitive(&cb, &kb)?;
    if f.len() < h.len() {
        std::mem::swap(&mut f, &mut h);
    }
    while !h.is_empty() {
        if h.len() == 1 {
            // Degree 0 in x: the primitive parts are coprime.
            f = vec![Poly::constant(BigRational::one())];
            break;
        }
        let r = pseudo_rem(&f, &h, steps)?;
        f = h;
        h = if r.is_empty() {
            Vec::new()
        } else {
            let k = content(&r, steps)?;
            primitive(&r, &k)?
        };
    }
    Poly::from_coeffs(&f, x).mul(&c)
}

/// The gcd of the coefficients.
fn content(cs: &[Poly], steps: &mut usize) -> Option<Poly> {
    let mut acc = Poly::zero();
    for c in cs {
        acc = gcd(&acc, c, steps)?;
        if acc.is_constant() && !acc.0.is_empty() {
            return Some(Poly::constant(BigRational::one()));
        }
    }
    Some(acc)
}

/// Each coefficient divided by the content.
fn primitive(cs: &[Poly], k: &Poly) -> Option<Vec<Poly>> {
    cs.iter().map(|c| c.div_exact(k)).collect()
}

/// The pseudo-remainder of `f` by `h` (coefficients lowest power first,
/// no trailing zeros), without trailing zeros.
fn pseudo_rem(f: &[Poly], h: &[Poly], steps: &mut usize) -> Option<Vec<Poly>> {
    let lh = h.last()?;
    let mut r: Vec<Poly> = f.to_vec();
    while r.len() >= h.len() {
        *steps = steps.checked_sub(1)?;
        let lr = r.last()?.clone();
        let shift = r.len() - h.len();
        for c in r.iter_mut() {
            *c = c.mul(lh)?;
        }
        for (k, hk) in h.iter().enumerate() {
            r[k + shift] = r[k + shift].sub(&lr.mul(hk)?);
        }
        while r.last().is_some_and(|c| c.0.is_empty()) {
            r.pop();
        }
    }
    Some(r)
}

/// A non-zero polynomial as `c · Π atoms^k · P` with P primitive and free of
/// monomial factors.
fn normalise_poly(p: Poly) -> Frac {
    let mut content: Option<BTreeMap<ExprId, u32>> = None;
    for m in p.0.keys() {
        let here: BTreeMap<ExprId, u32> = m.iter().copied().collect();
        content = Some(match content {
            None => here,
            Some(c) => c
                .into_iter()
                .filter_map(|(x, k)| here.get(&x).map(|&h| (x, k.min(h))))
                .collect(),
        });
    }
    let content: Mono = content.unwrap_or_default().into_iter().collect();
    let mut q = Poly::zero();
    for (m, c) in &p.0 {
        let m = mono_div(m, &content).unwrap_or_default();
        q.add_term(m, c.clone());
    }
    let mut out = Frac::constant(BigRational::one());
    for &(a, k) in &content {
        out.f.insert(Poly::atom(a), k as i64);
    }
    if q.0.len() == 1 {
        let c =
            q.0.values()
                .next()
                .cloned()
                .unwrap_or_else(BigRational::one);
        out.c = c;
        return out;
    }
    // The content: the gcd of the numerators over the lcm of the
    // denominators, with the leading coefficient's sign, so the factor
    // left has coprime integer coefficients and a positive lead.
    let mut num = BigInt::zero();
    let mut den = BigInt::one();
    for c in q.0.values() {
        num = num.gcd(c.numer());
        den = den.lcm(c.denom());
    }
    let mut content = BigRational::new(num, den);
    if q.lead().is_some_and(|x| x.1 < &BigRational::zero()) {
        content = -content;
    }
    let monic = Poly(q.0.into_iter().map(|(m, c)| (m, c / &content)).collect());
    out.c = content;
    out.f.insert(monic, 1);
    out
}

/// `e` in rational normal form, or `None` past the work limits.
pub fn normalise(pool: &mut Pool, e: ExprId) -> Option<ExprId> {
    let mut n = Normaliser::default();
    let f = n.frac(pool, e)?;
    Some(to_expr(pool, &f))
}

/// Memoised per node, so a DAG is walked once (a tree may be
/// exponentially larger).
#[derive(Default)]
struct Normaliser {
    fracs: HashMap<ExprId, Option<Frac>>,
    inner: HashMap<ExprId, ExprId>,
    cost: HashMap<ExprId, u64>,
}

impl Normaliser {
    fn atom(&mut self, pool: &mut Pool, e: ExprId) -> Frac {
        // Inside sums and calls: normalise one level down, keeping the
        // input where that is not smaller.
        let e = match pool.node(e).clone() {
            Node::Reduce(_, _, body) => {
                let nb = self.inner(pool, body);
                if nb == body {
                    e
                } else {
                    pool.reduce_like(e, nb)
                }
            }
            Node::Call(_, args) => {
                let new: Vec<ExprId> = args.iter().map(|&a| self.inner(pool, a)).collect();
                if new == args {
                    e
                } else {
                    pool.rebuild(e, &new)
                }
            }
            _ => e,
        };
        if let Some(r) = pool.as_const(e) {
            return Frac::constant(r.clone());
        }
        let mut f = BTreeMap::new();
        f.insert(Poly::atom(e), 1);
        Frac {
            c: BigRational::one(),
            f,
        }
    }

    /// The cheaper of `e` and its normal form (by [`super::compact::cost`]).
    fn inner(&mut self, pool: &mut Pool, e: ExprId) -> ExprId {
        if let Some(&r) = self.inner.get(&e) {
            return r;
        }
        let r = match self.frac(pool, e) {
            Some(f) => {
                let n = to_expr(pool, &f);
                let cn = super::compact::cost(pool, n, &mut self.cost);
                let ce = super::compact::cost(pool, e, &mut self.cost);
                if cn < ce { n } else { e }
            }
            None => e,
        };
        self.inner.insert(e, r);
        r
    }

    fn frac(&mut self, pool: &mut Pool, e: ExprId) -> Option<Frac> {
        if let Some(r) = self.fracs.get(&e) {
            return r.clone();
        }
        let r = self.frac_of(pool, e);
        self.fracs.insert(e, r.clone());
        r
    }

    fn frac_of(&mut self, pool: &mut Pool, e: ExprId) -> Option<Frac> {
        match pool.node(e).clone() {
            Node::Const(r) => Some(Frac::constant(r)),
            Node::Add(ts) => {
                let mut acc = Frac::zero();
                for t in ts {
                    let x = self.frac(pool, t)?;
                    acc = acc.add(&x)?;
                }
                Some(acc)
            }
            Node::Mul(fs) => {
                let mut acc = Frac::constant(BigRational::one());
                for f in fs {
                    let x = self.frac(pool, f)?;
                    acc = acc.mul(&x);
                }
                Some(acc)
            }
            Node::Pow(b, p) => {
                let n = pool
                    .as_const(p)
                    .filter(|r| r.is_integer())
                    .and_then(|r| r.to_integer().to_i64())
                    .filter(|n| n.abs() <= MAX_EXP);
                // A delta's powers are the pool's own business (`delta^-1`).
                let delta = matches!(pool.node(b), Node::Delta(..));
                match n {
                    Some(n) if !delta => self.frac(pool, b)?.pow(n),
                    _ => Some(self.atom(pool, e)),
                }
            }
            _ => Some(self.atom(pool, e)),
        }
    }
}

fn poly_expr(pool: &mut Pool, p: &Poly) -> ExprId {
    let mut terms = Vec::with_capacity(p.0.len());
    for (m, c) in &p.0 {
        let mut fs = vec![pool.konst(c.clone())];
        for &(a, k) in m {
            let kk = pool.int(k as i64);
            fs.push(pool.pow(a, kk));
        }
        terms.push(pool.mul(fs));
    }
    pool.add(terms)
}

fn to_expr(pool: &mut Pool, f: &Frac) -> ExprId {
    if f.c.is_zero() {
        return pool.zero();
    }
    let mut fs = vec![pool.konst(f.c.clone())];
    for (p, &e) in &f.f {
        let b = poly_expr(pool, p);
        let k = pool.konst(BigRational::from_integer(BigInt::from(e)));
        fs.push(pool.pow(b, k));
    }
    pool.mul(fs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: i64) -> Poly {
        Poly::constant(BigRational::from_integer(BigInt::from(n)))
    }

    /// x = atom 0, y = atom 1.
    fn x() -> Poly {
        Poly::atom(ExprId(0))
    }

    fn y() -> Poly {
        Poly::atom(ExprId(1))
    }

    fn mul(a: &Poly, b: &Poly) -> Poly {
        a.mul(b).expect("small")
    }

    /// `a` and `b` are equal up to a rational factor.
    fn associates(a: &Poly, b: &Poly) -> bool {
        let (fa, fb) = (normalise_poly(a.clone()), normalise_poly(b.clone()));
        fa.f == fb.f
    }

    #[test]
    fn gcd_of_univariate_polynomials() {
        let (p, m) = (x().add(&int(1)), x().sub(&int(1)));
        let mut steps = GCD_STEPS;
        let g = gcd(&mul(&p, &m), &mul(&p, &p), &mut steps).expect("within limits");
        assert!(associates(&g, &p), "{g:?}");
    }

    #[test]
    fn gcd_of_multivariate_polynomials() {
        let s = x().add(&y());
        let a = mul(&s, &x().sub(&y()));
        let b = mul(&s, &mul(&int(2), &x()).add(&int(3)));
        let mut steps = GCD_STEPS;
        let g = gcd(&a, &b, &mut steps).expect("within limits");
        assert!(associates(&g, &s), "{g:?}");
        let g = gcd(&x().add(&int(1)), &y().add(&int(1)), &mut steps).expect("within limits");
        assert!(g.is_constant(), "{g:?}");
    }

    #[test]
    fn a_sum_cancels_a_factor_shared_with_a_denominator() {
        // x^2/(x^2 + 2x + 1) - 1/(x^2 + 2x + 1) = (x - 1)/(x + 1): the
        // common factor x + 1 is a factor of neither as written.
        let d = mul(&x(), &x()).add(&mul(&int(2), &x())).add(&int(1));
        let over = |top: Poly| {
            let mut f = BTreeMap::new();
            f.insert(d.clone(), -1);
            Frac {
                c: BigRational::one(),
                f,
            }
            .mul(&normalise_poly(top))
        };
        let sum = over(mul(&x(), &x()))
            .add(&over(int(-1)))
            .expect("within limits");
        let want = normalise_poly(x().sub(&int(1)))
            .mul(&normalise_poly(x().add(&int(1))).pow(-1).expect("small"));
        assert_eq!(sum.f, want.f);
        assert_eq!(sum.c, want.c);
    }
}
