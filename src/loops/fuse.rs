//! Pass: sums over a vector's rows join the loop that computes the rows,
//! so a matrix is swept once (a residual and its gradient together).
//!
//! In: a loop IR straight from [`super::lower`], the program's index
//! variables and the layout class. Out: the same IR where a block `A`
//! that is one space loop `for i { .. store a[i] = .. }` with a loop or
//! sum inside (real work per row, walking unit strides) absorbs the
//! blocks right after it that work on the same rows:
//! - elementwise `for i' { store b[i'] = f(..) }` joins the row's work;
//! - `L = c1 sum_i' f1(..) + c2 sum_i'' f2(..) + ..` (a weighted sum of
//!   sums) becomes `store L = 0` before the loop and `update L += c1 f1 +
//!   c2 f2 + ..` in each trip;
//! - `g[k..] = c sum_i' h(.., k..)` (axes around flat sums) becomes
//!   `for k.. { store g[k..] = 0 }` before the loop and `for k.. { update
//!   g[k..] += c h(..) }` in each trip, when `h` walks unit strides along
//!   the last of `k..` (a row of `X[i,k]`, in cache after `A` read it).
//!
//! A consumer joins only if its row index (`i'`) and `i` both take their
//! extent from axes (no written bounds), it reads the rows the block
//! writes only as `a[i']` and at least once (so `i'` has `i`'s extent),
//! and it reads no sum the block writes. `i'` becomes `i`.
//!
//! Always: every element gets the same terms; a joined sum adds them in
//! row order through memory (`+=` per row) instead of in a register, which
//! regroups the sum as LANGUAGE.md §4 allows. The result is a block with
//! several definitions, which `parallel` splits as a sum over `i`.

use super::ir::{
    AccId, Access, Affine, Block, BlockDef, Expr, Func, IndexId, LayoutClass, LoopKind, Op, Stmt,
    TensorId,
};
use super::simd::moves_unit;
use crate::sema::IndexVar;
use crate::syntax::token::ReduceKind;

/// Joins consumers into producers across `f` (unless `RICCI_NO_FUSE=1`:
/// a developer's switch for measuring what fusion gains).
pub fn fuse(f: &mut Func, indices: &[IndexVar], layout: &LayoutClass) {
    static OFF: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *OFF.get_or_init(|| std::env::var_os("RICCI_NO_FUSE").is_some_and(|v| v == "1")) {
        return;
    }
    let mut k = 0;
    while k < f.blocks.len() {
        if let Some((i, a)) = producer(&f.blocks[k], indices, layout) {
            let mut space = vec![a];
            while k + 1 < f.blocks.len() {
                let Some((joined, row)) =
                    join(&f.blocks[k], &f.blocks[k + 1], i, &space, indices, layout)
                else {
                    break;
                };
                f.blocks[k] = joined;
                f.blocks.remove(k + 1);
                space.extend(row);
            }
        }
        k += 1;
    }
}

/// `for i { .. store a[i] = .. }` with a loop or sum inside, whose index
/// has no written bounds and whose inner loops walk unit strides (the
/// loop order pass would keep it): its index and tensor (the first
/// definition of a block that may already have joined others).
fn producer(b: &Block, indices: &[IndexVar], layout: &LayoutClass) -> Option<(IndexId, TensorId)> {
    let def = b.defs.first()?;
    let [i] = def.axes.as_slice() else {
        return None;
    };
    let main = b.body.last()?;
    let Stmt::Loop {
        index,
        kind: LoopKind::Space,
        body,
        ..
    } = main
    else {
        return None;
    };
    let real_work = body
        .iter()
        .any(|s| matches!(s, Stmt::Loop { .. } | Stmt::Reduce { .. }));
    let mut rows = true;
    for s in body {
        s.walk(&mut |s| {
            if let Stmt::Loop { index: j, .. } | Stmt::Reduce { index: j, .. } = s {
                s_loads(s, &mut |acc| {
                    if acc.uses(*j) {
                        rows &= moves_unit(acc, *j, layout);
                    }
                });
            }
        });
    }
    (index == i && real_work && rows && unbounded(*i, indices)).then_some((*i, def.tensor))
}

/// Calls `f` on every load inside `s`.
fn s_loads<'a>(s: &'a Stmt, f: &mut impl FnMut(&'a Access)) {
    s.walk(&mut |s| {
        for e in s.exprs() {
            e.walk(&mut |x| {
                if let Expr::Load(a) = x {
                    f(a);
                }
            });
        }
    });
}

fn unbounded(i: IndexId, indices: &[IndexVar]) -> bool {
    indices.get(i.index()).is_some_and(|v| v.bounds.is_none())
}

/// The block `f` with `c` joined into its loop over `i`, if `c` may join
/// (`space`: the tensors `f` writes at `[i]`); with the tensor `c`
/// writes at `[i]`, if it is elementwise.
fn join(
    f: &Block,
    c: &Block,
    i: IndexId,
    space: &[TensorId],
    indices: &[IndexVar],
    layout: &LayoutClass,
) -> Option<(Block, Option<TensorId>)> {
    let [def] = c.defs.as_slice() else {
        return None;
    };
    let mut out = f.clone();
    let Some(Stmt::Loop { body: main, .. }) = out.body.last_mut() else {
        return None;
    };
    // Elementwise: `for i' { .. store b[i'] = .. }` with no loop inside.
    if let [
        Stmt::Loop {
            index: ip,
            kind: LoopKind::Space,
            body,
            ..
        },
    ] = c.body.as_slice()
        && def.axes == [*ip]
        && !body
            .iter()
            .any(|s| matches!(s, Stmt::Loop { .. } | Stmt::Reduce { .. } | Stmt::Gemm(_)))
    {
        let stores_own = body.iter().all(|s| match s {
            Stmt::Store { dst, .. } => dst.index == [Affine::index(*ip)],
            Stmt::Update { .. } | Stmt::Gemm(_) => false,
            _ => true,
        });
        if !stores_own || !unbounded(*ip, indices) || !reads_rows(f, space, *ip, body, None) {
            return None;
        }
        let mut body = body.clone();
        for s in &mut body {
            rename_stmt(s, *ip, i);
        }
        main.extend(body);
        out.defs.push(BlockDef {
            tensor: def.tensor,
            axes: vec![i],
        });
        return Some((out, Some(def.tensor)));
    }
    // Sums: the consumer's axes around `[sum.., store]`.
    let (axes, cur) = super::ir::space_axes(&c.body);
    let (Stmt::Store { dst, value: fin }, sums) = cur.split_last()? else {
        return None;
    };
    let weights = linear(fin)?;
    if axes != def.axes
        || dst.index != axes.iter().map(|&x| Affine::index(x)).collect::<Vec<_>>()
        || sums.len() != weights.len()
    {
        return None;
    }
    let mut pre: Vec<Stmt> = Vec::new();
    let mut terms: Vec<Expr> = Vec::new();
    for s in sums {
        let Stmt::Reduce {
            acc,
            op: ReduceKind::Sum,
            index: ip,
            body,
            value,
            ..
        } = s
        else {
            return None;
        };
        let w = weights.iter().find(|(a, _)| a == acc)?.1;
        if !unbounded(*ip, indices) || !reads_rows(f, space, *ip, body, Some(value)) {
            return None;
        }
        // A vector result: flat sums whose terms walk rows unit-stride.
        if let Some(&last) = axes.last() {
            let mut unit = body.is_empty();
            value.walk(&mut |x| {
                if let Expr::Load(acc) = x
                    && acc.uses(last)
                {
                    unit &= moves_unit(acc, last, layout);
                }
            });
            if !unit {
                return None;
            }
        }
        let mut body = body.clone();
        let mut value = value.clone();
        for s in &mut body {
            rename_stmt(s, *ip, i);
        }
        rename_expr(&mut value, *ip, i);
        pre.extend(body);
        terms.push(if w == 1.0 {
            value
        } else {
            Expr::Op(Op::Mul, vec![Expr::Const(w), value])
        });
    }
    let term = if terms.len() == 1 {
        terms.pop()?
    } else {
        Expr::Op(Op::Add, terms)
    };
    // Zeroing before the loop; the update inside.
    let mut update = pre;
    update.push(Stmt::Update {
        dst: dst.clone(),
        op: ReduceKind::Sum,
        value: term,
    });
    let mut zero = vec![Stmt::Store {
        dst: dst.clone(),
        value: Expr::Const(0.0),
    }];
    for &x in axes.iter().rev() {
        let nest = |body| Stmt::Loop {
            index: x,
            kind: LoopKind::Space,
            simd: false,
            body,
        };
        update = vec![nest(update)];
        zero = vec![nest(zero)];
    }
    main.extend(update);
    let main = out.body.pop()?;
    out.body.extend(zero);
    out.body.push(main);
    out.defs.push(def.clone());
    Some((out, None))
}

/// Whether the statements and value of a loop over `ip` read what `f`
/// writes only as a row `a[ip]` of one of its `space` tensors, at least
/// once (so `ip` has `i`'s extent), and write nothing.
fn reads_rows(
    f: &Block,
    space: &[TensorId],
    ip: IndexId,
    body: &[Stmt],
    value: Option<&Expr>,
) -> bool {
    let (mut row, mut ok) = (false, true);
    let mut check = |e: &Expr| {
        e.walk(&mut |x| {
            if let Expr::Load(acc) = x
                && f.defines(acc.tensor)
            {
                let plain = space.contains(&acc.tensor) && acc.index == [Affine::index(ip)];
                row |= plain;
                ok &= plain;
            }
        })
    };
    if let Some(v) = value {
        check(v);
    }
    let mut writes_other = false;
    for s in body {
        s.walk(&mut |s| {
            for e in s.exprs() {
                check(e);
            }
            writes_other |= matches!(s, Stmt::Update { .. } | Stmt::Gemm(_));
        });
    }
    ok && row && !writes_other
}

/// A store's value as a weighted sum of accumulators (`%a`, `c %a`,
/// `-x`, sums of those), each accumulator once.
fn linear(e: &Expr) -> Option<Vec<(AccId, f64)>> {
    let out = match e {
        Expr::Acc(a) => vec![(*a, 1.0)],
        Expr::Op(Op::Neg, args) => match args.as_slice() {
            [x] => linear(x)?.into_iter().map(|(a, w)| (a, -w)).collect(),
            _ => return None,
        },
        Expr::Op(Op::Mul, args) => match args.as_slice() {
            [Expr::Const(c), x] | [x, Expr::Const(c)] => {
                linear(x)?.into_iter().map(|(a, w)| (a, c * w)).collect()
            }
            _ => return None,
        },
        Expr::Op(Op::Add, args) => {
            let mut out: Vec<(AccId, f64)> = Vec::new();
            for x in args {
                out.extend(linear(x)?);
            }
            out
        }
        _ => return None,
    };
    let mut seen: Vec<AccId> = out.iter().map(|p| p.0).collect();
    seen.sort_unstable();
    seen.dedup();
    (seen.len() == out.len()).then_some(out)
}

fn rename_stmt(s: &mut Stmt, from: IndexId, to: IndexId) {
    match s {
        Stmt::Loop { index, body, .. } => {
            if *index == from {
                *index = to;
            }
            for b in body {
                rename_stmt(b, from, to);
            }
        }
        Stmt::Reduce {
            index, body, value, ..
        } => {
            if *index == from {
                *index = to;
            }
            for b in body {
                rename_stmt(b, from, to);
            }
            rename_expr(value, from, to);
        }
        Stmt::Let { value, .. } => rename_expr(value, from, to),
        Stmt::Store { dst, value } | Stmt::Update { dst, value, .. } => {
            rename_access(dst, from, to);
            rename_expr(value, from, to);
        }
        Stmt::Gemm(_) => {}
    }
}

fn rename_expr(e: &mut Expr, from: IndexId, to: IndexId) {
    let swap = |x: &mut IndexId| {
        if *x == from {
            *x = to;
        }
    };
    match e {
        Expr::Index(x) => swap(x),
        Expr::Delta(x, y) => {
            swap(x);
            swap(y);
        }
        Expr::Load(a) => rename_access(a, from, to),
        Expr::Op(_, args) => {
            for a in args {
                rename_expr(a, from, to);
            }
        }
        Expr::Const(_) | Expr::Param(_) | Expr::Let(_) | Expr::Acc(_) => {}
    }
}

fn rename_access(a: &mut Access, from: IndexId, to: IndexId) {
    for s in &mut a.index {
        for (x, _) in &mut s.terms {
            if *x == from {
                *x = to;
            }
        }
    }
}
