//! Pass: contractions of two tensors become GEMM nodes.
//!
//! In: an [`ir::Func`](crate::loops::ir::Func) in canonical form (straight
//! from [`super::lower`]). Out: the same function where every block that
//! computes `C[..] = alpha sum_{k..} A[..] B[..]` is one
//! [`Stmt::Gemm`]: its body a loop per axis around a chain of `sum`
//! reductions around `mul` of two loads and any factors made of numbers
//! and parameters, the store a product of such factors (or a negation)
//! and the sum. Roles: an axis in A and B is a batch index, in A only an
//! m index, in B only an n index; a summed index is in A and B (a k
//! index). Refused (left to the loop code): a subscript that is not a
//! plain index or holds one index twice; an axis in neither A nor B; a
//! summed index missing from A or B; an index from outside the block;
//! no k index (an outer product or elementwise product); neither m nor n
//! (a dot product, batched or not).
//!
//! Always: the node computes the same terms as the nest it replaces,
//! multiplied by the same factors; only the order in which the terms are
//! added (and where alpha is applied) changes, as LANGUAGE.md §4 allows.
//! It runs before [`super::order`], which leaves GEMM blocks alone.

use super::ir::{AccId, Access, Expr, Func, Gemm, IndexId, Op, Stmt};
use crate::syntax::token::ReduceKind;

/// Replaces every GEMM-shaped block of `f` by a GEMM node.
pub fn gemm(f: &mut Func) {
    for b in &mut f.blocks {
        if let [d] = b.defs.as_slice()
            && let Some(g) = of_block(&b.body, &d.axes)
        {
            b.body = vec![Stmt::Gemm(Box::new(g))];
        }
    }
}

/// The GEMM a block's body computes, if it is one.
fn of_block(body: &[Stmt], axes: &[IndexId]) -> Option<Gemm> {
    // Axes, outermost first, around the reductions and the store.
    let (loops, cur) = super::ir::space_axes(body);
    if loops != axes {
        return None;
    }
    let [
        Stmt::Reduce {
            acc,
            op: ReduceKind::Sum,
            index,
            body,
            value,
            ..
        },
        Stmt::Store { dst, value: finish },
    ] = cur
    else {
        return None;
    };
    // The chain of sums: each body the next sum alone, its value that
    // sum's accumulator.
    let mut k = vec![*index];
    let (mut body, mut value) = (body, value);
    while let (
        [
            Stmt::Reduce {
                acc: inner,
                op: ReduceKind::Sum,
                index,
                body: b2,
                value: v2,
                ..
            },
        ],
        Expr::Acc(x),
    ) = (&body[..], value)
    {
        if x != inner {
            return None;
        }
        k.push(*index);
        body = b2;
        value = v2;
    }
    if !body.is_empty() {
        return None;
    }
    let mut alpha = Vec::new();
    let [a, b] = loads(value, &mut alpha)?;
    if !finish_factors(finish, *acc, &mut alpha) {
        return None;
    }
    // C is the definition over its axes.
    let c = dst.clone();
    if plain(&c)? != axes {
        return None;
    }
    let (ia, ib) = (plain(a)?, plain(b)?);
    let mut g = Gemm {
        c,
        a: a.clone(),
        b: b.clone(),
        batch: Vec::new(),
        m: Vec::new(),
        n: Vec::new(),
        k: Vec::new(),
        alpha: match alpha.len() {
            0 => Expr::Const(1.0),
            1 => alpha.pop()?,
            _ => Expr::Op(Op::Mul, alpha),
        },
        accumulate: false,
    };
    for &x in axes {
        match (ia.contains(&x), ib.contains(&x)) {
            (true, true) => g.batch.push(x),
            (true, false) => g.m.push(x),
            (false, true) => g.n.push(x),
            (false, false) => return None,
        }
    }
    for &x in &k {
        if !(ia.contains(&x) && ib.contains(&x)) || g.k.contains(&x) {
            return None;
        }
        g.k.push(x);
    }
    // Every index A and B use is the block's own.
    if ia
        .iter()
        .chain(&ib)
        .any(|x| !axes.contains(x) && !k.contains(x))
    {
        return None;
    }
    (!g.m.is_empty() || !g.n.is_empty()).then_some(g)
}

/// The two loads of a sum's term `mul(.., A[..], .., B[..], ..)`; its
/// other factors (numbers and parameters) go to `alpha`.
fn loads<'e>(value: &'e Expr, alpha: &mut Vec<Expr>) -> Option<[&'e Access; 2]> {
    let Expr::Op(Op::Mul, args) = value else {
        return None;
    };
    let mut found = Vec::new();
    for x in args {
        match x {
            Expr::Load(a) => found.push(a),
            x if scalar(x) => alpha.push(x.clone()),
            _ => return None,
        }
    }
    match found[..] {
        [a, b] => Some([a, b]),
        _ => None,
    }
}

/// Whether the stored value is `%acc` times numbers and parameters (or its
/// negation); those factors go to `alpha`.
fn finish_factors(finish: &Expr, acc: AccId, alpha: &mut Vec<Expr>) -> bool {
    match finish {
        Expr::Acc(a) => *a == acc,
        Expr::Op(Op::Neg, args) => match &args[..] {
            [x] => {
                alpha.push(Expr::Const(-1.0));
                finish_factors(x, acc, alpha)
            }
            _ => false,
        },
        Expr::Op(Op::Mul, args) => {
            let mut sums = 0;
            for x in args {
                match x {
                    Expr::Acc(a) if *a == acc => sums += 1,
                    x if scalar(x) => alpha.push(x.clone()),
                    _ => return false,
                }
            }
            sums == 1
        }
        _ => false,
    }
}

/// A value made of numbers and parameters only.
fn scalar(e: &Expr) -> bool {
    let mut ok = true;
    e.walk(&mut |x| ok &= matches!(x, Expr::Const(_) | Expr::Param(_) | Expr::Op(..)));
    ok
}

/// The indices of an access whose subscripts are plain indices, each
/// once.
fn plain(a: &Access) -> Option<Vec<IndexId>> {
    let mut out: Vec<IndexId> = Vec::with_capacity(a.index.len());
    for s in &a.index {
        let [(i, 1)] = s.terms[..] else {
            return None;
        };
        if s.constant != 0 || out.contains(&i) {
            return None;
        }
        out.push(i);
    }
    Some(out)
}
