//! Snapshots of the text and LaTeX printers, and a round trip for each:
//! the printed definition parses and checks, and lowered into the same pool
//! by the plain smart constructors (`lower` below: no simplification, so
//! the printer alone is tested) it is the node that was printed. The same
//! round trip runs over a few thousand generated expressions.

use super::*;
use crate::sema::{self, DefId, IndexId, InputId, ParamId, TensorRef};
use crate::sym::latex::{def_latex, expr_latex};
use crate::sym::pool::Names;
use expect_test::{Expect, expect};

fn names() -> Names {
    let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect();
    Names {
        params: v(&["x", "y", "a", "b", "c", "d", "N"]),
        inputs: v(&["A", "B", "X", "w", "z", "v", "rate"]),
        defs: v(&["L", "f"]),
    }
}

struct T {
    p: Pool,
}

impl T {
    fn new() -> T {
        T {
            p: Pool::new(names()),
        }
    }
    fn par(&mut self, name: &str) -> ExprId {
        let k = self.p.names.params.iter().position(|n| n == name).unwrap();
        self.p.param(ParamId(k as u32))
    }
    fn el(&mut self, name: &str, ixs: &[Ix]) -> ExprId {
        let k = self.p.names.inputs.iter().position(|n| n == name).unwrap();
        self.p
            .elem(TensorRef::Input(InputId(k as u32)), ixs.to_vec())
    }
    fn int(&mut self, n: i64) -> ExprId {
        self.p.int(n)
    }
    fn q(&mut self, n: i64, d: i64) -> ExprId {
        self.p.konst(BigRational::new(n.into(), d.into()))
    }
    fn pow(&mut self, b: ExprId, n: i64, d: i64) -> ExprId {
        let e = self.q(n, d);
        self.p.pow(b, e)
    }
    fn ix(&mut self, name: &str) -> Ix {
        self.p.fresh_index(name, None)
    }
    fn sum(&mut self, i: Ix, body: ExprId) -> ExprId {
        self.p.reduce(ReduceKind::Sum, i, body)
    }
    fn prod(&mut self, i: Ix, body: ExprId) -> ExprId {
        self.p.reduce(ReduceKind::Prod, i, body)
    }

    /// Text and LaTeX of a definition, after checking its round trip.
    fn show(&mut self, name: &str, axes: &[Ix], body: ExprId) -> String {
        let text = def_text(&self.p, name, axes, body);
        let latex = def_latex(&self.p, name, axes, body);
        round_trip(&mut self.p, &text, axes, body);
        // Deterministic, and the struct prints the same.
        assert_eq!(def_text(&self.p, name, axes, body), text);
        assert_eq!(Printer::new(&self.p).def(name, axes, body), text);
        format!("{text}\n{latex}\n")
    }

    /// Text and LaTeX of an expression, after checking its round trip.
    fn show_expr(&mut self, body: ExprId) -> String {
        let text = expr_text(&self.p, body);
        let latex = expr_latex(&self.p, body);
        let axes: Vec<Ix> = self.p.free(body).to_vec();
        let def = def_text(&self.p, "out", &axes, body);
        round_trip(&mut self.p, &def, &axes, body);
        format!("{text}\n{latex}\n")
    }
}

/// Parses and checks `text` (a definition), lowers its last definition's
/// body into `pool` and asserts it is `body`.
fn round_trip(pool: &mut Pool, text: &str, axes: &[Ix], body: ExprId) {
    let program = match sema::check_source(text) {
        Ok(p) => p,
        Err(e) => panic!("`{text}` does not check: {e:?}"),
    };
    let def = program.defs.last().unwrap();
    assert_eq!(def.axes.len(), axes.len(), "{text}");
    let mut map: HashMap<IndexId, Ix> =
        def.axes.iter().copied().zip(axes.iter().copied()).collect();
    let back = lower(pool, &program, &def.body, &mut map);
    assert!(
        back == body,
        "`{text}` reads back as `{}`",
        expr_text(pool, back)
    );
}

/// The checked expression built with the pool's plain smart constructors;
/// names map to the pool's by spelling (an undefined name of a pool
/// definition comes back as a parameter or input of the checked program).
fn lower(
    pool: &mut Pool,
    program: &sema::Program,
    e: &sema::Expr,
    map: &mut HashMap<IndexId, Ix>,
) -> ExprId {
    use sema::ExprKind as K;
    let find = |v: &[String], n: &str| v.iter().position(|m| m == n).map(|k| k as u32);
    let tensor = |pool: &Pool, n: &str| match find(&pool.names.inputs, n) {
        Some(k) => TensorRef::Input(InputId(k)),
        None => TensorRef::Def(DefId(find(&pool.names.defs, n).unwrap())),
    };
    match &e.kind {
        K::Const(r) => pool.konst(r.clone()),
        K::Param(p) => {
            let n = &program.param(*p).name;
            match find(&pool.names.params, n) {
                Some(k) => pool.param(ParamId(k)),
                None => {
                    let t = tensor(pool, n);
                    pool.elem(t, vec![])
                }
            }
        }
        K::Scalar(d) => {
            let n = program.def(*d).display_name(d.index());
            let t = tensor(pool, &n);
            pool.elem(t, vec![])
        }
        K::Index(i) => pool.index_value(map[i]),
        K::Elem(t, ixs) => {
            let t = tensor(pool, &program.tensor_name(*t));
            pool.elem(t, ixs.iter().map(|i| map[i]).collect())
        }
        K::Delta(a, b) => pool.delta(map[a], map[b]),
        K::Neg(a) => {
            let a = lower(pool, program, a, map);
            pool.neg(a)
        }
        K::Add(v) => {
            let v = v.iter().map(|x| lower(pool, program, x, map)).collect();
            pool.add(v)
        }
        K::Mul(v) => {
            let v = v.iter().map(|x| lower(pool, program, x, map)).collect();
            pool.mul(v)
        }
        K::Div(a, b) => {
            let (a, b) = (lower(pool, program, a, map), lower(pool, program, b, map));
            pool.div(a, b)
        }
        K::Pow(a, b) => {
            let (a, b) = (lower(pool, program, a, map), lower(pool, program, b, map));
            pool.pow(a, b)
        }
        K::Call(f, v) => {
            let v = v.iter().map(|x| lower(pool, program, x, map)).collect();
            pool.call(*f, v)
        }
        K::Reduce { kind, index, body } => {
            let var = program.index_var(*index);
            let bounds = var
                .bounds
                .as_ref()
                .map(|(lo, hi)| (lower(pool, program, lo, map), lower(pool, program, hi, map)));
            let i = pool.fresh_index(&var.name, bounds);
            // As `program::lower` does: the anchor from the first subscript
            // as written (the printer's `0 w[i]` terms fold away).
            let mut anchor = None;
            body.walk(&mut |x| {
                if let K::Elem(t, ixs) = &x.kind
                    && anchor.is_none()
                    && let Some(p) = ixs.iter().position(|j| j == index)
                {
                    anchor = Some((tensor(pool, &program.tensor_name(*t)), p));
                }
            });
            pool.set_anchor(i, anchor);
            map.insert(*index, i);
            let body = lower(pool, program, body, map);
            pool.reduce(*kind, i, body)
        }
        K::Diff { .. } => panic!("no diff in printed text"),
    }
}

fn check(actual: String, expect: Expect) {
    expect.assert_eq(&actual);
}

#[test]
fn polynomial_in_canonical_order() {
    let mut t = T::new();
    let x = t.par("x");
    let three = t.int(3);
    let six = t.int(6);
    let x2 = t.pow(x, 2, 1);
    let a = t.p.mul(vec![six, x]);
    let b = t.p.mul(vec![three, x2]);
    let e = t.p.add(vec![three, a, b]);
    check(
        t.show("p", &[], e),
        expect![[r#"
        p = 3 x^2 + 6 x + 3
        p = 3 x^{2} + 6 x + 3
    "#]],
    );
}

#[test]
fn fractional_and_negative_exponents() {
    let mut t = T::new();
    let x = t.par("x");
    let ten = t.int(10);
    let half = t.q(1, 2);
    let three = t.int(3);
    let a = t.pow(x, 3, 2);
    let b = t.pow(x, -1, 2);
    let c = t.pow(x, -3, 2);
    let ta = t.p.mul(vec![ten, a]);
    let tb = t.p.mul(vec![half, b]);
    let tc = t.p.mul(vec![three, c]);
    let e = t.p.add(vec![tc, tb, ta]);
    check(
        t.show("g", &[], e),
        expect![[r#"
        g = 10 x^1.5 + 0.5 x^-0.5 + 3 x^-1.5
        g = 10 x^{1.5} + 0.5 x^{-0.5} + 3 x^{-1.5}
    "#]],
    );
    let x2 = t.pow(x, -2, 1);
    check(
        t.show_expr(x2),
        expect![[r#"
        x^-2
        x^{-2}
    "#]],
    );
    let r = t.pow(x, 1, 3);
    let s = t.pow(x, -1, 3);
    let e = t.p.add(vec![r, s]);
    check(
        t.show_expr(e),
        expect![[r#"
        x^(1/3) + x^(-1/3)
        x^{1/3} + x^{-1/3}
    "#]],
    );
}

#[test]
fn subtraction_and_negative_leading_terms() {
    let mut t = T::new();
    let (x, y, a, b) = (t.par("x"), t.par("y"), t.par("a"), t.par("b"));
    let two = t.int(2);
    let two_y = t.p.mul(vec![two, y]);
    let e = t.p.sub(x, two_y);
    check(
        t.show_expr(e),
        expect![[r#"
        x - 2 y
        x - 2 y
    "#]],
    );
    let e = t.p.sub(a, b);
    check(
        t.show_expr(e),
        expect![[r#"
        a - b
        a - b
    "#]],
    );
    let m2 = t.int(-2);
    let e = t.p.mul(vec![m2, a]);
    let e = t.p.add(vec![e, b]);
    check(
        t.show_expr(e),
        expect![[r#"
            b - 2 a
            b - 2 a
        "#]],
    );
    let na = t.p.neg(a);
    check(
        t.show_expr(na),
        expect![[r#"
        -a
        -a
    "#]],
    );
    let x2 = t.pow(x, 2, 1);
    let e = t.p.neg(x2);
    check(
        t.show_expr(e),
        expect![[r#"
        -x^2
        -x^{2}
    "#]],
    );
    let five = t.int(5);
    let e = t.p.sub(x, five);
    check(
        t.show_expr(e),
        expect![[r#"
        x - 5
        x - 5
    "#]],
    );
}

#[test]
fn quotients() {
    let mut t = T::new();
    let (a, b, c, d) = (t.par("a"), t.par("b"), t.par("c"), t.par("d"));
    let e = t.p.div(a, b);
    check(
        t.show_expr(e),
        expect![[r#"
        a/b
        \frac{a}{b}
    "#]],
    );
    let num = t.p.add2(a, b);
    let den = t.p.mul2(c, d);
    let e = t.p.div(num, den);
    check(
        t.show_expr(e),
        expect![[r#"
        (a + b)/(c d)
        \frac{a + b}{c d}
    "#]],
    );
    let two = t.int(2);
    let b2 = t.pow(b, 2, 1);
    let den = t.p.mul(vec![b2, c]);
    let num = t.p.mul2(two, a);
    let e = t.p.div(num, den);
    check(
        t.show_expr(e),
        expect![[r#"
        2 a/(b^2 c)
        \frac{2 a}{b^{2} c}
    "#]],
    );
    // Only negative powers: negative exponents.
    let one = t.int(1);
    let e = t.p.div(one, den);
    check(
        t.show_expr(e),
        expect![[r#"
        b^-2 c^-1
        b^{-2} c^{-1}
    "#]],
    );
    // A square root in a denominator.
    let h = t.pow(c, -1, 2);
    let e = t.p.mul(vec![a, h]);
    check(
        t.show_expr(e),
        expect![[r#"
        a/c^0.5
        \frac{a}{\sqrt{c}}
    "#]],
    );
    // Softmax: a sum in the denominator.
    let k = t.ix("k");
    let j = t.ix("j");
    let zk = t.el("z", &[k]);
    let ezk = t.p.call(Func::Exp, vec![zk]);
    let zj = t.el("z", &[j]);
    let ezj = t.p.call(Func::Exp, vec![zj]);
    let s = t.sum(j, ezj);
    let e = t.p.div(ezk, s);
    check(
        t.show("f", &[k], e),
        expect![[r#"
        f[k] = exp(z[k])/(sum_j exp(z[j]))
        f_{k} = \frac{\exp\left(z_{k}\right)}{\sum_{j} \exp\left(z_{j}\right)}
    "#]],
    );
    // A sum in the numerator.
    let wj = t.el("w", &[j]);
    let s = t.sum(j, wj);
    let e = t.p.div(s, b);
    check(
        t.show_expr(e),
        expect![[r#"
        (sum_j w[j])/b
        \frac{\sum_{j} w_{j}}{b}
    "#]],
    );
}

#[test]
fn bound_names_avoid_free_and_program_names() {
    let mut t = T::new();
    // f[j] = sum_{j,k} A[j,j'] B[j',k] with the bound j' hinted `j`.
    let j = t.ix("j");
    let j_b = t.ix("j");
    let k = t.ix("k");
    let ajj = t.el("A", &[j, j_b]);
    let bjk = t.el("B", &[j_b, k]);
    let body = t.p.mul2(ajj, bjk);
    let inner = t.sum(k, body);
    let e = t.sum(j_b, inner);
    check(
        t.show("f", &[j], e),
        expect![[r#"
        f[j] = sum_{j2,k} A[j,j2] B[j2,k]
        f_{j} = \sum_{j2, k} A_{j, j2} \, B_{j2, k}
    "#]],
    );
    // A binder hinted like a parameter, and nested binders with one hint.
    let mut t = T::new();
    let i1 = t.ix("x");
    let i2 = t.ix("x");
    let a = t.el("A", &[i1, i2]);
    let s = t.sum(i2, a);
    let e = t.sum(i1, s);
    check(
        t.show("L", &[], e),
        expect![[r#"
        L = sum_{x2,x3} A[x2,x3]
        L = \sum_{x2, x3} A_{x2, x3}
    "#]],
    );
    // Sibling sums reuse the name.
    let mut t = T::new();
    let i = t.ix("i");
    let wi = t.el("w", &[i]);
    let vi = t.el("v", &[i]);
    let s1 = t.sum(i, wi);
    let s2 = t.sum(i, vi);
    let e = t.p.add2(s1, s2);
    check(
        t.show_expr(e),
        expect![[r#"
        sum_i v[i] + sum_i w[i]
        \sum_{i} v_{i} + \sum_{i} w_{i}
    "#]],
    );
}

#[test]
fn bounded_sums_and_products() {
    let mut t = T::new();
    let one = t.int(1);
    let n = t.par("N");
    let i = t.p.fresh_index("i", Some((one, n)));
    let iv = t.p.index_value(i);
    let i2 = t.pow(iv, 2, 1);
    let e = t.sum(i, i2);
    check(
        t.show("s", &[], e),
        expect![[r#"
        s = sum_{i=1}^{N} i^2
        s = \sum_{i=1}^{N} i^{2}
    "#]],
    );
    let five = t.int(5);
    let m = t.p.fresh_index("i", Some((one, five)));
    let mv = t.p.index_value(m);
    let e = t.prod(m, mv);
    check(
        t.show("p", &[], e),
        expect![[r#"
        p = prod_{i=1}^{5} i
        p = \prod_{i=1}^{5} i
    "#]],
    );
    // Bounded inside unbounded: no merging.
    let j = t.ix("j");
    let xij = t.el("X", &[m, j]);
    let inner = t.sum(m, xij);
    let e = t.sum(j, inner);
    check(
        t.show_expr(e),
        expect![[r#"
        sum_j sum_{i=1}^{5} X[i,j]
        \sum_{j} \sum_{i=1}^{5} X_{ij}
    "#]],
    );
    // Bounds that are expressions.
    let nm1 = t.p.sub(n, one);
    let zero = t.int(0);
    let k = t.p.fresh_index("k", Some((zero, nm1)));
    let kv = t.p.index_value(k);
    let e = t.sum(k, kv);
    check(
        t.show_expr(e),
        expect![[r#"
        sum_{k=0}^{N - 1} k
        \sum_{k=0}^{N - 1} k
    "#]],
    );
}

#[test]
fn reductions_inside_products_and_powers() {
    let mut t = T::new();
    let j = t.ix("j");
    let k = t.ix("k");
    let b = t.par("b");
    let two = t.int(2);
    let wj = t.el("w", &[j]);
    let s = t.sum(j, wj);
    let e = t.p.mul(vec![two, s, b]);
    check(
        t.show_expr(e),
        expect![[r#"
        2 b sum_j w[j]
        2 b \sum_{j} w_{j}
    "#]],
    );
    let vk = t.el("v", &[k]);
    let s2 = t.sum(k, vk);
    let e = t.p.mul(vec![s, s2]);
    check(
        t.show_expr(e),
        expect![[r#"
            (sum_k v[k]) sum_j w[j]
            \left(\sum_{k} v_{k}\right) \sum_{j} w_{j}
        "#]],
    );
    let e = t.pow(s, 2, 1);
    check(
        t.show_expr(e),
        expect![[r#"
        (sum_j w[j])^2
        \left(\sum_{j} w_{j}\right)^{2}
    "#]],
    );
    let e = t.p.pow(two, s);
    check(
        t.show_expr(e),
        expect![[r#"
        2^(sum_j w[j])
        2^{\sum_{j} w_{j}}
    "#]],
    );
    let x = t.par("x");
    let e = t.p.pow(x, s);
    check(
        t.show_expr(e),
        expect![[r#"
        x^(sum_j w[j])
        x^{\sum_{j} w_{j}}
    "#]],
    );
    // A sum as a term, and a sum whose body ends in a sum.
    let e = t.p.sub(b, s);
    check(
        t.show_expr(e),
        expect![[r#"
        b - sum_j w[j]
        b - \sum_{j} w_{j}
    "#]],
    );
    let e = t.p.add2(s, b);
    check(
        t.show_expr(e),
        expect![[r#"
        b + sum_j w[j]
        b + \sum_{j} w_{j}
    "#]],
    );
    let wv = t.p.mul2(wj, s2);
    let e = t.sum(j, wv);
    check(
        t.show_expr(e),
        expect![[r#"
            sum_j w[j] sum_k v[k]
            \sum_{j} w_{j} \sum_{k} v_{k}
        "#]],
    );
    // Bodies that are sums or negative.
    let vj = t.el("v", &[j]);
    let wpv = t.p.add2(wj, vj);
    let e = t.sum(j, wpv);
    check(
        t.show_expr(e),
        expect![[r#"
        sum_j (v[j] + w[j])
        \sum_{j} \left(v_{j} + w_{j}\right)
    "#]],
    );
    let nw = t.p.neg(wj);
    let e = t.sum(j, nw);
    check(
        t.show_expr(e),
        expect![[r#"
        sum_j (-w[j])
        \sum_{j} \left(-w_{j}\right)
    "#]],
    );
}

#[test]
fn least_squares() {
    let mut t = T::new();
    let i = t.ix("i");
    let j = t.ix("j");
    let k = t.ix("k");
    let xij = t.el("X", &[i, j]);
    let wj = t.el("w", &[j]);
    let xw = t.p.mul2(xij, wj);
    let pred = t.sum(j, xw);
    let yi = t.el("v", &[i]);
    let r = t.p.sub(yi, pred);
    let r2 = t.pow(r, 2, 1);
    let e = t.sum(i, r2);
    check(
        t.show("L", &[], e),
        expect![[r#"
        L = sum_i (v[i] - sum_j X[i,j] w[j])^2
        L = \sum_{i} \left(v_{i} - \sum_{j} X_{ij} \, w_{j}\right)^{2}
    "#]],
    );
    // The gradient, unsimplified: -2 sum_i (y[i] - ...) X[i,k].
    let xik = t.el("X", &[i, k]);
    let m2 = t.int(-2);
    let g = t.p.mul(vec![m2, r, xik]);
    let e = t.sum(i, g);
    check(
        t.show("g", &[k], e),
        expect![[r#"
        g[k] = sum_i (-2 X[i,k] (v[i] - sum_j X[i,j] w[j]))
        g_{k} = \sum_{i} \left(-2 X_{ik} \left(v_{i} - \sum_{j} X_{ij} \, w_{j}\right)\right)
    "#]],
    );
}

#[test]
fn more_layouts() {
    let mut t = T::new();
    let j = t.ix("j");
    let (a, b, c, x) = (t.par("a"), t.par("b"), t.par("c"), t.par("x"));
    let wj = t.el("w", &[j]);
    let vj = t.el("v", &[j]);
    let sw = t.sum(j, wj);
    let sv = t.sum(j, vj);
    // A negative first term that is a sum.
    let e = t.p.sub(sw, sv);
    check(
        t.show_expr(e),
        expect![[r#"
            sum_j w[j] - sum_j v[j]
            \sum_{j} w_{j} - \sum_{j} v_{j}
        "#]],
    );
    // Quotients as arguments, negated, with a fraction coefficient, with a
    // sum among several denominator factors.
    let q = t.p.div(a, b);
    let nq = t.p.neg(q);
    let e = t.p.call(Func::Exp, vec![nq]);
    check(
        t.show_expr(e),
        expect![[r#"
        exp(-a/b)
        \exp\left(-\frac{a}{b}\right)
    "#]],
    );
    let e = t.p.sub(x, q);
    check(
        t.show_expr(e),
        expect![[r#"
            x - a/b
            x - \frac{a}{b}
        "#]],
    );
    let third = t.q(1, 3);
    let e = t.p.mul2(third, q);
    check(
        t.show_expr(e),
        expect![[r#"
        (1/3) a/b
        \frac{a}{3 b}
    "#]],
    );
    let half = t.q(1, 2);
    let e = t.p.mul2(half, q);
    check(
        t.show_expr(e),
        expect![[r#"
        0.5 a/b
        \frac{a}{2 b}
    "#]],
    );
    let bs = t.p.mul2(b, sw);
    let e = t.p.div(a, bs);
    check(
        t.show_expr(e),
        expect![[r#"
        a/(b sum_j w[j])
        \frac{a}{b \sum_{j} w_{j}}
    "#]],
    );
    let bc = t.p.add2(b, c);
    let e = t.p.div(x, bc);
    check(
        t.show_expr(e),
        expect![[r#"
        x/(b + c)
        \frac{x}{b + c}
    "#]],
    );
    // A sum as a call argument followed by another.
    let e = t.p.call(Func::Max, vec![sw, b]);
    check(
        t.show_expr(e),
        expect![[r#"
        max(sum_j w[j], b)
        \max\left(\sum_{j} w_{j}, b\right)
    "#]],
    );
    // A quotient under a sum.
    let e = t.p.div(wj, vj);
    let e = t.sum(j, e);
    check(
        t.show_expr(e),
        expect![[r#"
        sum_j w[j]/v[j]
        \sum_{j} \frac{w_{j}}{v_{j}}
    "#]],
    );
    // A non-integer power of a product, a power of a definition.
    let ab = t.p.mul2(a, b);
    let e = t.pow(ab, 1, 2);
    check(
        t.show_expr(e),
        expect![[r#"
        (a b)^0.5
        \sqrt{a b}
    "#]],
    );
    let l = t.p.elem(TensorRef::Def(DefId(0)), vec![]);
    let e = t.pow(l, 2, 1);
    check(
        t.show_expr(e),
        expect![[r#"
        L^2
        L^{2}
    "#]],
    );
    // Index values and mixed binders.
    let one = t.int(1);
    let n = t.par("N");
    let i = t.p.fresh_index("i", Some((one, n)));
    let iv = t.p.index_value(i);
    let xi = t.el("w", &[i]);
    let two = t.int(2);
    let e = t.p.mul(vec![two, iv, xi]);
    let e = t.sum(i, e);
    check(
        t.show_expr(e),
        expect![[r#"
        sum_{i=1}^{N} 2 i w[i]
        \sum_{i=1}^{N} 2 i w_{i}
    "#]],
    );
    let k = t.ix("k");
    let xjk = t.el("X", &[j, k]);
    let p = t.p.reduce(ReduceKind::Prod, k, xjk);
    let e = t.sum(j, p);
    check(
        t.show_expr(e),
        expect![[r#"
            sum_j prod_k X[j,k]
            \sum_{j} \prod_{k} X_{jk}
        "#]],
    );
}

#[test]
fn constants() {
    let mut t = T::new();
    let x = t.par("x");
    let third = t.q(1, 3);
    let e = t.p.mul2(third, x);
    check(
        t.show_expr(e),
        expect![[r#"
        (1/3) x
        \frac{1}{3} x
    "#]],
    );
    let e = t.p.add2(x, third);
    check(
        t.show_expr(e),
        expect![[r#"
        x + 1/3
        x + \frac{1}{3}
    "#]],
    );
    let e = t.p.sub(x, third);
    check(
        t.show_expr(e),
        expect![[r#"
        x - 1/3
        x - \frac{1}{3}
    "#]],
    );
    check(
        t.show_expr(third),
        expect![[r#"
        1/3
        \frac{1}{3}
    "#]],
    );
    let m = t.q(-1, 3);
    check(
        t.show_expr(m),
        expect![[r#"
        -1/3
        -\frac{1}{3}
    "#]],
    );
    let e = t.p.pow(third, x);
    check(
        t.show_expr(e),
        expect![[r#"
        (1/3)^x
        \left(\frac{1}{3}\right)^{x}
    "#]],
    );
    let m2 = t.int(-2);
    let e = t.p.pow(m2, x);
    check(
        t.show_expr(e),
        expect![[r#"
        (-2)^x
        \left(-2\right)^{x}
    "#]],
    );
    let two = t.int(2);
    let p = t.p.pow(two, x);
    let three = t.int(3);
    let e = t.p.mul2(three, p);
    check(
        t.show_expr(e),
        expect![[r#"
        3*2^x
        3 \cdot 2^{x}
    "#]],
    );
    let q = t.q(1, 64);
    let e = t.p.mul2(q, x);
    check(
        t.show_expr(e),
        expect![[r#"
        0.015625 x
        0.015625 x
    "#]],
    );
    let q = t.q(1, 128);
    let e = t.p.mul2(q, x);
    check(
        t.show_expr(e),
        expect![[r#"
        (1/128) x
        \frac{1}{128} x
    "#]],
    );
    let q = t.q(-5, 4);
    let e = t.p.mul2(q, x);
    check(
        t.show_expr(e),
        expect![[r#"
        -1.25 x
        -1.25 x
    "#]],
    );
    let half = t.q(1, 2);
    let e = t.p.pow(half, x);
    check(
        t.show_expr(e),
        expect![[r#"
        0.5^x
        0.5^{x}
    "#]],
    );
}

#[test]
fn exponents() {
    let mut t = T::new();
    let (x, y) = (t.par("x"), t.par("y"));
    let ny = t.p.neg(y);
    let e = t.p.pow(x, ny);
    check(
        t.show_expr(e),
        expect![[r#"
        x^-y
        x^{-y}
    "#]],
    );
    let y2 = t.pow(y, 2, 1);
    let e = t.p.pow(x, y2);
    check(
        t.show_expr(e),
        expect![[r#"
        x^y^2
        x^{y^{2}}
    "#]],
    );
    let xy = t.p.pow(x, y);
    let e = t.p.pow(xy, y);
    check(
        t.show_expr(e),
        expect![[r#"
        (x^y)^y
        \left(x^{y}\right)^{y}
    "#]],
    );
    let two = t.int(-2);
    let m = t.p.mul2(two, y);
    let e = t.p.pow(x, m);
    check(
        t.show_expr(e),
        expect![[r#"
        x^(-2 y)
        x^{-2 y}
    "#]],
    );
    let s = t.p.add2(x, y);
    let e = t.p.pow(s, s);
    check(
        t.show_expr(e),
        expect![[r#"
        (x + y)^(x + y)
        \left(x + y\right)^{x + y}
    "#]],
    );
}

#[test]
fn deltas_and_functions() {
    let mut t = T::new();
    let i = t.ix("i");
    let j = t.ix("j");
    let k = t.ix("k");
    let d = t.p.delta(i, j);
    let a = t.el("A", &[j, k]);
    let e = t.p.mul2(d, a);
    check(
        t.show_expr(e),
        expect![[r#"
        A[j,k] delta[i,j]
        A_{jk} \, \delta_{ij}
    "#]],
    );
    let (x, a, b) = (t.par("x"), t.par("a"), t.par("b"));
    let mx = t.p.neg(x);
    let e = t.p.call(Func::Exp, vec![mx]);
    check(
        t.show_expr(e),
        expect![[r#"
        exp(-x)
        \exp\left(-x\right)
    "#]],
    );
    let e = t.p.call(Func::Max, vec![a, b]);
    check(
        t.show_expr(e),
        expect![[r#"
        max(a, b)
        \max\left(a, b\right)
    "#]],
    );
    let zj = t.el("z", &[j]);
    let ez = t.p.call(Func::Exp, vec![zj]);
    let s = t.sum(j, ez);
    let e = t.p.call(Func::Log, vec![s]);
    check(
        t.show_expr(e),
        expect![[r#"
        log(sum_j exp(z[j]))
        \log\left(\sum_{j} \exp\left(z_{j}\right)\right)
    "#]],
    );
    let mut terms = vec![];
    for f in [
        Func::Sqrt,
        Func::Abs,
        Func::Sign,
        Func::Tanh,
        Func::Sin,
        Func::Cos,
    ] {
        terms.push(t.p.call(f, vec![x]));
    }
    terms.push(t.p.call(Func::Min, vec![a, x]));
    let e = t.p.add(terms);
    check(
        t.show_expr(e),
        expect![[r#"
        sqrt(x) + abs(x) + sign(x) + tanh(x) + sin(x) + cos(x) + min(a, x)
        \sqrt{x} + \left\lvert x \right\rvert + \operatorname{sign}\left(x\right) + \tanh\left(x\right) + \sin\left(x\right) + \cos\left(x\right) + \min\left(a, x\right)
    "#]],
    );
}

#[test]
fn scalar_definitions_and_wide_names() {
    let mut t = T::new();
    let l = t.p.elem(TensorRef::Def(DefId(0)), vec![]);
    let x = t.par("x");
    let two = t.int(2);
    let tl = t.p.mul2(two, l);
    let e = t.p.add2(tl, x);
    check(
        t.show("g", &[], e),
        expect![[r#"
        g = x + 2 L
        g = x + 2 L
    "#]],
    );
    let i = t.ix("i");
    let j = t.ix("jk");
    let ai = t.el("A", &[i, j]);
    let r = t.el("rate", &[j]);
    let e = t.p.mul(vec![ai, r, x]);
    check(
        t.show("h", &[i, j], e),
        expect![[r#"
        h[i,jk] = x A[i,jk] rate[jk]
        h_{i, jk} = x A_{i, jk} \, \mathrm{rate}_{jk}
    "#]],
    );
}

#[test]
fn free_index_clashes() {
    let mut t = T::new();
    // Two different free indices both named `i`, and one named like a
    // parameter.
    let i1 = t.ix("i");
    let i2 = t.ix("i");
    let n = t.ix("N");
    let a = t.el("A", &[i1, i2]);
    let w = t.el("w", &[n]);
    let e = t.p.mul2(a, w);
    check(
        t.show("f", &[i1, i2, n], e),
        expect![[r#"
        f[i,i2,N2] = A[i,i2] w[N2]
        f_{i, i2, N2} = A_{i, i2} \, w_{N2}
    "#]],
    );
}

/// A small deterministic generator of expressions over every node kind.
struct Gen {
    state: u64,
    free: Vec<Ix>,
}

impl Gen {
    fn next(&mut self, n: u64) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        (self.state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % n
    }

    fn ix(&mut self) -> Ix {
        let k = self.next(self.free.len() as u64) as usize;
        self.free[k]
    }

    fn expr(&mut self, t: &mut T, depth: u32) -> ExprId {
        let leaf = depth == 0 || self.next(4) == 0;
        if leaf {
            return match self.next(8) {
                0 => {
                    let n = ["x", "y", "N"][self.next(3) as usize];
                    t.par(n)
                }
                1 => t.int(self.next(7) as i64 - 3),
                2 => {
                    let (n, d) = [(1, 3), (1, 2), (-3, 4), (5, 2), (1, 128)][self.next(5) as usize];
                    t.q(n, d)
                }
                3 => {
                    let i = self.ix();
                    t.el("w", &[i])
                }
                4 => {
                    let (i, j) = (self.ix(), self.ix());
                    t.el("A", &[i, j])
                }
                5 => {
                    let i = self.ix();
                    t.p.index_value(i)
                }
                6 => {
                    let (i, j) = (self.ix(), self.ix());
                    t.p.delta(i, j)
                }
                _ => t.p.elem(TensorRef::Def(DefId(0)), vec![]),
            };
        }
        let d = depth - 1;
        match self.next(10) {
            0 | 1 => {
                let n = 2 + self.next(2);
                let v = (0..n).map(|_| self.expr(t, d)).collect();
                t.p.add(v)
            }
            2 | 3 => {
                let n = 2 + self.next(2);
                let v = (0..n).map(|_| self.expr(t, d)).collect();
                t.p.mul(v)
            }
            4 => {
                let (a, b) = (self.expr(t, d), self.expr(t, d));
                t.p.div(a, b)
            }
            5 => {
                let (a, b) = (self.expr(t, d), self.expr(t, d));
                t.p.sub(a, b)
            }
            6 => {
                let a = self.expr(t, d);
                let p = match self.next(3) {
                    0 => self.expr(t, d),
                    1 => t.int(self.next(7) as i64 - 3),
                    _ => {
                        let (n, d) =
                            [(1, 2), (-1, 2), (3, 2), (1, 3), (-2, 3)][self.next(5) as usize];
                        t.q(n, d)
                    }
                };
                t.p.pow(a, p)
            }
            7 => {
                let f = Func::ALL[self.next(Func::ALL.len() as u64) as usize];
                let args = (0..f.arity()).map(|_| self.expr(t, d)).collect();
                t.p.call(f, args)
            }
            _ => {
                let kind = if self.next(3) == 0 {
                    ReduceKind::Prod
                } else {
                    ReduceKind::Sum
                };
                let i = if self.next(3) == 0 {
                    let lo = t.int(self.next(2) as i64);
                    let hi = if self.next(2) == 0 {
                        t.par("N")
                    } else {
                        t.int(4)
                    };
                    let name = ["i", "j", "k"][self.next(3) as usize];
                    let b = t.p.fresh_index(name, Some((lo, hi)));
                    self.free.push(b);
                    b
                } else {
                    // Anchored, as lowering anchors an index that
                    // subscripts a tensor: a binder with neither bounds nor
                    // anchor is identified by its name (`--dim`), which the
                    // printer must change where a clash leaves no choice.
                    let i = self.ix();
                    let w = t.el("w", &[i]);
                    let Node::Elem(w, _) = *t.p.node(w) else {
                        unreachable!()
                    };
                    t.p.set_anchor(i, Some((w, 0)));
                    i
                };
                let body = self.expr(t, d);
                self.free
                    .retain(|&x| x != i || t.p.index(x).bounds.is_none());
                t.p.reduce(kind, i, body)
            }
        }
    }
}

#[test]
fn random_expressions_read_back() {
    let mut t = T::new();
    let free = ["i", "j", "k"].iter().map(|n| t.ix(n)).collect();
    let mut g = Gen {
        state: 0x9E37_79B9_7F4A_7C15,
        free,
    };
    for _ in 0..3000 {
        let e = g.expr(&mut t, 4);
        // A division by an exact 0 is an error as written (sema::exact).
        if crate::sym::program::divides_by_zero(&t.p, e) {
            continue;
        }
        let axes: Vec<Ix> = t.p.free(e).to_vec();
        let text = def_text(&t.p, "out", &axes, e);
        round_trip(&mut t.p, &text, &axes, e);
        let _ = expr_latex(&t.p, e);
    }
}
