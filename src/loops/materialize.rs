//! Materialising reused intermediates: a sum that a definition recomputes
//! for every element, though it does not depend on the element, becomes a
//! definition of its own, computed once.
//!
//! In: a checked program without `diff`. Out: an equivalent program in
//! which, inside each definition with axes, every maximal subexpression
//! that (a) holds a `sum`/`prod`, (b) depends on none of the definition's
//! axes, and (c) depends only on indices of enclosing reductions with
//! inferred extents, each subscripting a tensor inside it, is replaced by
//! an element of a new definition `_t<n>[those indices] = subexpression`,
//! placed just before. `g[k] = sum_i X[i,k] (y[i] - sum_j X[i,j] w[j])`
//! computes the residual once per `i`, not once per `(i, k)`. Then a
//! contraction of two tensors inside a larger expression becomes a
//! definition the GEMM pass takes (`split_contractions`: `tanh(sum_j
//! W1[i,j] X[n,j])` reads `_t0[n,i]`, a GEMM; a factor of a sum over two
//! tensors that reads only one tensor's indices is multiplied into it
//! first). Then every expensive call a definition repeats up to the names
//! of its indices is shared the same way (`share_calls`). Hidden definitions are numbered
//! `_t0`, `_t1`, ... in order. Returns a [`Materialized`]: the program,
//! each original definition's position in it, the reductions that keep
//! one accumulator, and the source index each new axis stands for.
//!
//! Always: values are unchanged (the same operations on the same operands
//! in the same order, only computed once; a split contraction's sums run
//! in the GEMM library's order, as LANGUAGE.md §4 allows for any sum); every index keeps one binding
//! site (the new definition's axes are new index variables, each standing
//! for the source index it replaces: [`Materialized::origin`]). Extents
//! come from the source: [`Materialized::bound`] turns the binding of the
//! source program into the binding of the new one (a hidden axis ranges
//! exactly like the index it stands for), so a call is checked, and every
//! error is worded, in terms of the source, and no hidden name (`_t0`)
//! ever reaches a diagnostic. The new program is also self-consistent:
//! every `extent_of` names the tensor it named before, at its new position.

use super::Plan;
use crate::sema::{
    Bound, Def, DefId, Expr, ExprKind, IndexId, IndexRole, IndexVar, Program, TensorRef,
};
use crate::syntax::token::ReduceKind;
use std::collections::{BTreeSet, HashMap};

/// A program with its reused intermediates materialised, and how it
/// relates to its source.
#[derive(Clone, Debug)]
pub struct Materialized {
    pub program: Program,
    /// For each definition of the source, its position in `program`.
    pub moved: Vec<usize>,
    /// The reductions with a reduction inside as written, which keep one
    /// accumulator as written (informational: the loop IR decides lanes).
    pub single: BTreeSet<IndexId>,
    /// The source's index variables keep their ids; variable
    /// `source_indices + k` of `program` (an axis of a hidden definition)
    /// stands for source index `origin[k]`.
    pub origin: Vec<IndexId>,
    /// How many index variables the source has.
    pub source_indices: usize,
}

impl Materialized {
    /// `program` as it is, nothing materialised.
    pub fn identity(program: &Program) -> Materialized {
        Materialized {
            program: program.clone(),
            moved: (0..program.defs.len()).collect(),
            single: BTreeSet::new(),
            origin: Vec::new(),
            source_indices: program.indices.len(),
        }
    }

    /// The number of elements of the hidden definitions under `bound` (a
    /// binding of `program`), and of all the others.
    pub fn hidden_elements(&self, bound: &Bound) -> (u128, u128) {
        let (mut hidden, mut other) = (0u128, 0u128);
        for (d, shape) in bound.def_shapes.iter().enumerate() {
            let n = shape
                .iter()
                .fold(1u128, |a, &x| a.saturating_mul(x as u128));
            if self.is_hidden(d) {
                hidden = hidden.saturating_add(n);
            } else {
                other = other.saturating_add(n);
            }
        }
        (hidden, other)
    }

    /// The binding of the source back from [`Materialized::bound`]'s.
    pub fn source_bound(&self, bound: &Bound) -> Bound {
        Bound {
            ranges: bound.ranges[..self.source_indices].to_vec(),
            def_shapes: self
                .moved
                .iter()
                .map(|&n| bound.def_shapes[n].clone())
                .collect(),
            params: bound.params.clone(),
            input_shapes: bound.input_shapes.clone(),
        }
    }

    /// Whether definition `d` of `program` is one this pass made.
    pub fn is_hidden(&self, d: usize) -> bool {
        !self.moved.contains(&d)
    }

    /// The binding of `program` from the binding of its source (the
    /// result of `sema::bind` on the source program for one call): the
    /// source's indices keep their ranges, a hidden axis takes the range of
    /// the index it stands for, a definition keeps its shape, a hidden
    /// one's shape is its axes' ranges. Every access of `program` is then
    /// in bounds, since each reads, with the same ranges, what the source
    /// read where `bind` checked it.
    pub fn bound(&self, source: Bound) -> Bound {
        let Bound {
            mut ranges,
            def_shapes,
            params,
            input_shapes,
        } = source;
        ranges.truncate(self.source_indices);
        for &i in &self.origin {
            ranges.push(ranges[i.index()]);
        }
        let mut shapes: Vec<Option<Vec<usize>>> = vec![None; self.program.defs.len()];
        for (d, shape) in def_shapes.into_iter().enumerate() {
            if let Some(&n) = self.moved.get(d) {
                shapes[n] = Some(shape);
            }
        }
        let def_shapes = shapes
            .into_iter()
            .zip(&self.program.defs)
            .map(|(s, def)| {
                s.unwrap_or_else(|| def.axes.iter().map(|a| ranges[a.index()].len).collect())
            })
            .collect();
        Bound {
            ranges,
            def_shapes,
            params,
            input_shapes,
        }
    }
}

/// Materialises `program`'s reused sums and expensive calls.
pub fn materialize(program: &Program) -> Materialized {
    let plan = Plan::new(program);
    let mut single = BTreeSet::new();
    for def in &program.defs {
        def.body.walk(&mut |e| {
            if let ExprKind::Reduce { index, body, .. } = &e.kind
                && !super::is_innermost(body)
            {
                single.insert(*index);
            }
        });
    }
    let mut out = Program {
        inputs: program.inputs.clone(),
        params: program.params.clone(),
        indices: program.indices.clone(),
        defs: Vec::new(),
    };
    let mut new_id: Vec<usize> = Vec::with_capacity(program.defs.len());
    let mut origin: Vec<IndexId> = Vec::new();
    for def in &program.defs {
        let mut found: Vec<(Expr, Vec<IndexId>)> = Vec::new();
        let body = if def.axes.is_empty() {
            def.body.clone()
        } else {
            let mut m = Finder {
                plan: &plan,
                program,
                axes: &def.axes,
                found: &mut found,
                next_def: out.defs.len(),
            };
            let body = m.rewrite(&def.body, &mut Vec::new());
            let base = out.defs.len();
            let body = split_contractions(&body, &def.axes, program, &mut found, base);
            share_calls(&body, program, &mut found, base)
        };
        for (sub, idx) in found {
            // The new definition's axes: fresh variables named like the
            // indices they stand for, with those indices renamed inside.
            let (rename, axes) = fresh_axes(program, &mut out, &mut origin, &idx, &sub, &new_id);
            let body = renumber(&rename_indices(&sub, &rename), &new_id);
            let hidden = out.defs.len() - new_id.len();
            out.defs.push(Def {
                name: Some(format!("_t{hidden}")),
                span: def.span,
                axes,
                body,
            });
        }
        let body = renumber(&body, &new_id);
        new_id.push(out.defs.len());
        out.defs.push(Def {
            name: def.name.clone(),
            span: def.span,
            axes: def.axes.clone(),
            body,
        });
    }
    // The source's own index variables: the definitions their extents
    // come from have moved too.
    for var in &mut out.indices[..program.indices.len()] {
        if let Some((t, p)) = var.extent_of {
            var.extent_of = Some((moved(t, &new_id), p));
        }
    }
    Materialized {
        program: out,
        moved: new_id,
        single,
        origin,
        source_indices: program.indices.len(),
    }
}

/// A tensor reference of the source (or a `NEW`-marked one) in the new
/// program.
pub(crate) fn moved(t: TensorRef, new_id: &[usize]) -> TensorRef {
    match t {
        TensorRef::Def(d) if d.0 & NEW != 0 => TensorRef::Def(DefId(d.0 & !NEW)),
        TensorRef::Def(d) => TensorRef::Def(DefId(new_id[d.index()] as u32)),
        t => t,
    }
}

struct Finder<'a> {
    plan: &'a Plan<'a>,
    program: &'a Program,
    axes: &'a [IndexId],
    /// Extracted subexpressions (with original ids) and their indices.
    found: &'a mut Vec<(Expr, Vec<IndexId>)>,
    /// Where the first new definition will go (definitions made for this
    /// one are numbered from here; `renumber` leaves them alone, as they
    /// are placeholders `Def(next_def + k)` that already hold new ids).
    next_def: usize,
}

impl Finder<'_> {
    /// `e` with every extractable subexpression replaced by an element of
    /// a new definition; `bound` holds the enclosing reductions' indices.
    fn rewrite(&mut self, e: &Expr, bound: &mut Vec<IndexId>) -> Expr {
        if let Some(idx) = self.extractable(e, bound) {
            let id = self.next_def + self.found.len();
            self.found.push((e.clone(), idx.clone()));
            return Expr::new(
                ExprKind::Elem(TensorRef::Def(DefId(NEW | id as u32)), idx),
                e.span,
            );
        }
        let kind = match &e.kind {
            ExprKind::Reduce { kind, index, body } => {
                bound.push(*index);
                let b = self.rewrite(body, bound);
                bound.pop();
                ExprKind::Reduce {
                    kind: *kind,
                    index: *index,
                    body: Box::new(b),
                }
            }
            ExprKind::Neg(a) => ExprKind::Neg(Box::new(self.rewrite(a, bound))),
            ExprKind::Add(v) => ExprKind::Add(v.iter().map(|x| self.rewrite(x, bound)).collect()),
            ExprKind::Mul(v) => ExprKind::Mul(v.iter().map(|x| self.rewrite(x, bound)).collect()),
            ExprKind::Call(f, v) => {
                ExprKind::Call(*f, v.iter().map(|x| self.rewrite(x, bound)).collect())
            }
            ExprKind::Div(a, b) => ExprKind::Div(
                Box::new(self.rewrite(a, bound)),
                Box::new(self.rewrite(b, bound)),
            ),
            ExprKind::Pow(a, b) => ExprKind::Pow(
                Box::new(self.rewrite(a, bound)),
                Box::new(self.rewrite(b, bound)),
            ),
            k => k.clone(),
        };
        Expr::new(kind, e.span)
    }

    /// The indices of `e` if it should become a definition of its own.
    fn extractable(&self, e: &Expr, bound: &[IndexId]) -> Option<Vec<IndexId>> {
        if !matches!(
            e.kind,
            ExprKind::Add(_)
                | ExprKind::Mul(_)
                | ExprKind::Reduce { .. }
                | ExprKind::Call(..)
                | ExprKind::Div(..)
                | ExprKind::Pow(..)
                | ExprKind::Neg(_)
        ) {
            return None;
        }
        let free: &BTreeSet<IndexId> = self.plan.free(e)?;
        if free.is_empty() || free.iter().any(|i| self.axes.contains(i)) {
            return None;
        }
        if !free.iter().all(|i| bound.contains(i)) {
            return None;
        }
        let mut has_reduce = false;
        e.walk(&mut |x| has_reduce |= matches!(x.kind, ExprKind::Reduce { .. }));
        if !has_reduce {
            return None;
        }
        for &i in free {
            if self.program.index_var(i).bounds.is_some() || first_subscript(e, i).is_none() {
                return None;
            }
        }
        // In binding order, outermost first.
        Some(bound.iter().copied().filter(|i| free.contains(i)).collect())
    }
}

/// The second pass: an expensive call (`exp`, `log`, `tanh`, `sin`, `cos`,
/// a power other than a square) that occurs twice or more in `body` up to
/// the names of its indices, each of them inferred and subscripting a
/// tensor in it, becomes a definition over those indices, computed once:
/// in `p[i,j] = exp(x[i,j]) / sum_k exp(x[i,k])`, `exp(x[i,·])` is one row
/// of `_t0[i,j] = exp(x[i,j])`. Appends to `found` (as `rewrite` does; the
/// first new definition is number `next`).
fn share_calls(
    body: &Expr,
    program: &Program,
    found: &mut Vec<(Expr, Vec<IndexId>)>,
    base: usize,
) -> Expr {
    let mut groups: HashMap<String, usize> = HashMap::new();
    body.walk(&mut |e| {
        if let Some((key, _)) = shape(e, program) {
            *groups.entry(key).or_insert(0) += 1;
        }
    });
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut replace = |e: &Expr| -> Option<ExprKind> {
        let (key, idx) = shape(e, program)?;
        if groups.get(&key).copied().unwrap_or(0) < 2 {
            return None;
        }
        let id = match ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = (base + found.len()) as u32;
                found.push((e.clone(), idx.clone()));
                ids.insert(key, id);
                id
            }
        };
        Some(ExprKind::Elem(TensorRef::Def(DefId(NEW | id)), idx))
    };
    map_expr(body, &mut |k| {
        let e = Expr::new(k.clone(), crate::diagnostics::Span::default());
        replace(&e)
    })
}

/// The second rule: a contraction of two tensors that is part of a larger
/// expression becomes a definition of its own, so that the GEMM pass
/// computes it with the library: `h[n,i] = tanh(sum_j W1[i,j] X[n,j])`
/// becomes `_t0[n,i] = sum_j W1[i,j] X[n,j]` and `h[n,i] = tanh(_t0[n,i])`.
/// A contraction here is `sum_{k..}` over a product of exactly two tensor
/// elements (plain, distinct subscripts) and numbers or parameters, each
/// summed index in both elements, each element with a free index of its
/// own (a GEMM, not a GEMV), each free index an axis of the definition or
/// bound by an enclosing sum, every index inferred. The new
/// definition's axes are the free indices, the definition's axes first in
/// their order (so it is laid out like its user), then the enclosing sums'
/// outermost first; contractions equal up to the names of those indices
/// are one definition (softmax regression's `exp(sum_j X[i,j] W[c,j]) /
/// sum_d exp(sum_j X[i,j] W[d,j])` reads one `_t0[i,c]`). The body itself,
/// up to numeric factors and a negation, is left alone: the GEMM pass
/// takes it whole. Appends to `found` (entry k is definition `base + k`).
/// `RICCI_NO_SPLIT=1` turns the rule off (a developer's switch for
/// measuring it).
fn split_contractions(
    e: &Expr,
    axes: &[IndexId],
    program: &Program,
    found: &mut Vec<(Expr, Vec<IndexId>)>,
    base: usize,
) -> Expr {
    static OFF: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *OFF.get_or_init(|| std::env::var_os("RICCI_NO_SPLIT").is_some_and(|v| v == "1")) {
        return e.clone();
    }
    let mut split = Split {
        axes,
        program,
        found,
        base,
        keys: HashMap::new(),
    };
    split.rewrite(e, true, &mut Vec::new())
}

struct Split<'a> {
    axes: &'a [IndexId],
    program: &'a Program,
    found: &'a mut Vec<(Expr, Vec<IndexId>)>,
    base: usize,
    /// Each contraction split off, by its text up to the names of its
    /// free indices: its definition.
    keys: HashMap<String, u32>,
}

impl Split<'_> {
    fn rewrite(&mut self, e: &Expr, top: bool, bound: &mut Vec<IndexId>) -> Expr {
        let premultiplied = self.premultiply(e);
        let e = premultiplied.as_ref().unwrap_or(e);
        if !top && let Some(idx) = self.contraction(e, bound) {
            let key = contraction_key(e, &idx);
            let id = match self.keys.get(&key) {
                Some(&id) => id,
                None => {
                    let id = (self.base + self.found.len()) as u32;
                    self.found.push((e.clone(), idx.clone()));
                    self.keys.insert(key, id);
                    id
                }
            };
            return Expr::new(ExprKind::Elem(TensorRef::Def(DefId(NEW | id)), idx), e.span);
        }
        let kind = match &e.kind {
            ExprKind::Neg(a) => ExprKind::Neg(Box::new(self.rewrite(a, top, bound))),
            ExprKind::Mul(v) => {
                // Still the top if every other factor is a number.
                let numbers = v.iter().filter(|x| is_number(x)).count();
                let whole = top && numbers + 1 >= v.len();
                ExprKind::Mul(v.iter().map(|x| self.rewrite(x, whole, bound)).collect())
            }
            ExprKind::Reduce { kind, index, body } => {
                // A chain of sums at the top is still the top.
                bound.push(*index);
                let b = self.rewrite(body, top && *kind == ReduceKind::Sum, bound);
                bound.pop();
                ExprKind::Reduce {
                    kind: *kind,
                    index: *index,
                    body: Box::new(b),
                }
            }
            ExprKind::Add(v) => {
                ExprKind::Add(v.iter().map(|x| self.rewrite(x, false, bound)).collect())
            }
            ExprKind::Call(f, v) => ExprKind::Call(
                *f,
                v.iter().map(|x| self.rewrite(x, false, bound)).collect(),
            ),
            ExprKind::Div(a, b) => ExprKind::Div(
                Box::new(self.rewrite(a, false, bound)),
                Box::new(self.rewrite(b, false, bound)),
            ),
            ExprKind::Pow(a, b) => ExprKind::Pow(
                Box::new(self.rewrite(a, false, bound)),
                Box::new(self.rewrite(b, false, bound)),
            ),
            k => k.clone(),
        };
        Expr::new(kind, e.span)
    }

    /// A sum over two tensor elements and other factors, each of which
    /// reads only indices of one of the elements and holds no sum: those
    /// factors multiplied into their element as a definition of its own,
    /// laid out like the element, so that what is left is a contraction of
    /// two tensors. The MLP gradient's `sum_n X[n,b] dh[n,a] (1 -
    /// h[n,a]^2)` becomes `sum_n X[n,b] _t0[n,a]` with `_t0[n,a] = dh[n,a]
    /// (1 - h[n,a]^2)`: one pass over `dh` and one GEMM, where the nest as
    /// written evaluates `1 - h^2` once per term.
    fn premultiply(&mut self, e: &Expr) -> Option<Expr> {
        let (summed, body, factors) = sum_of_product(e)?;
        let elems: Vec<(usize, BTreeSet<IndexId>)> = (factors.iter().enumerate())
            .filter_map(|(k, f)| plain_indices(f).map(|ix| (k, ix)))
            .collect();
        if elems.len() != 2 {
            return None;
        }
        // What is left must be a GEMM: each summed index in both elements,
        // each element with a free index of its own.
        let (a, b) = (&elems[0].1, &elems[1].1);
        let own = |x: &BTreeSet<IndexId>| x.iter().any(|i| !summed.contains(i));
        if !summed.iter().all(|k| a.contains(k) && b.contains(k)) || !own(a) || !own(b) {
            return None;
        }
        // Each other factor goes with the smaller element holding all its
        // indices.
        let mut with: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        for (k, f) in factors.iter().enumerate() {
            if is_number(f) || elems.iter().any(|(p, _)| *p == k) {
                continue;
            }
            let mut reads = BTreeSet::new();
            let mut reduces = false;
            f.walk(&mut |x| match &x.kind {
                ExprKind::Index(i) => {
                    reads.insert(*i);
                }
                ExprKind::Elem(_, ixs) => reads.extend(ixs.iter().copied()),
                ExprKind::Delta(a, b) => reads.extend([*a, *b]),
                ExprKind::Reduce { .. } | ExprKind::Diff { .. } => reduces = true,
                _ => {}
            });
            let side = (0..2)
                .filter(|&s| reads.is_subset(&elems[s].1))
                .min_by_key(|&s| elems[s].1.len());
            match side {
                Some(s) if !reduces => with[s].push(k),
                _ => return None,
            }
        }
        if with.iter().all(Vec::is_empty) {
            return None;
        }
        let all = elems.iter().flat_map(|(_, ix)| ix.iter());
        if all
            .chain(&summed)
            .any(|&i| self.program.index_var(i).bounds.is_some())
        {
            return None;
        }
        let mut kept: Vec<Expr> = Vec::new();
        for (k, f) in factors.iter().enumerate() {
            let side = elems.iter().position(|(p, _)| *p == k);
            match side {
                Some(s) if !with[s].is_empty() => {
                    let ExprKind::Elem(_, ixs) = &f.kind else {
                        return None;
                    };
                    let mut product = vec![f.clone()];
                    product.extend(with[s].iter().map(|&g| factors[g].clone()));
                    let id = (self.base + self.found.len()) as u32;
                    self.found
                        .push((Expr::new(ExprKind::Mul(product), f.span), ixs.clone()));
                    kept.push(Expr::new(
                        ExprKind::Elem(TensorRef::Def(DefId(NEW | id)), ixs.clone()),
                        f.span,
                    ));
                }
                Some(_) => kept.push(f.clone()),
                None if is_number(f) => kept.push(f.clone()),
                None => {}
            }
        }
        let mut out = Expr::new(ExprKind::Mul(kept), body.span);
        let mut spans = Vec::new();
        let mut x = e;
        while let ExprKind::Reduce { kind, index, body } = &x.kind {
            spans.push((*kind, *index, x.span));
            x = body;
        }
        for (kind, index, span) in spans.into_iter().rev() {
            out = Expr::new(
                ExprKind::Reduce {
                    kind,
                    index,
                    body: Box::new(out),
                },
                span,
            );
        }
        Some(out)
    }

    /// If `e` is a contraction this rule takes: its free indices, the
    /// definition's axes first.
    fn contraction(&self, e: &Expr, bound: &[IndexId]) -> Option<Vec<IndexId>> {
        let (summed, a, b) = two_operands(e)?;
        // Both operands keep a free index (a GEMM, not a GEMV: a matrix
        // times a vector stays loop code, where the fusion pass can join
        // it with what reads the same matrix).
        let own = |x: &BTreeSet<IndexId>| x.iter().any(|i| !summed.contains(i));
        if !own(&a) || !own(&b) {
            return None;
        }
        let free: BTreeSet<IndexId> = a
            .union(&b)
            .filter(|i| !summed.contains(i))
            .copied()
            .collect();
        let outer = |i: &IndexId| self.axes.contains(i) || bound.contains(i);
        if !free.iter().all(outer) {
            return None;
        }
        if (free.iter().chain(&summed)).any(|&i| self.program.index_var(i).bounds.is_some()) {
            return None;
        }
        let idx = (self.axes.iter().chain(bound.iter()))
            .copied()
            .filter(|i| free.contains(i))
            .collect();
        Some(idx)
    }
}

/// `sum_{k..}` over two tensor elements (plain, distinct subscripts, each
/// summed index in both) and numbers: the summed indices and each
/// element's indices.
fn two_operands(e: &Expr) -> Option<(Vec<IndexId>, BTreeSet<IndexId>, BTreeSet<IndexId>)> {
    let (summed, _, factors) = sum_of_product(e)?;
    let mut elems = Vec::new();
    for f in factors {
        match plain_indices(f) {
            Some(ix) => elems.push(ix),
            None if is_number(f) => {}
            None => return None,
        }
    }
    let [a, b] = <[BTreeSet<IndexId>; 2]>::try_from(elems).ok()?;
    summed
        .iter()
        .all(|k| a.contains(k) && b.contains(k))
        .then_some((summed, a, b))
}

/// `sum_{k..} f1 f2 ...` (one or more sums straight around a product): the
/// summed indices, outermost first, the product and its factors.
fn sum_of_product(e: &Expr) -> Option<(Vec<IndexId>, &Expr, &[Expr])> {
    let mut summed = Vec::new();
    let mut body = e;
    while let ExprKind::Reduce {
        kind: ReduceKind::Sum,
        index,
        body: b,
    } = &body.kind
    {
        summed.push(*index);
        body = b;
    }
    match &body.kind {
        ExprKind::Mul(factors) if !summed.is_empty() => Some((summed, body, factors)),
        _ => None,
    }
}

/// A tensor element's indices, if its subscripts are distinct indices.
fn plain_indices(f: &Expr) -> Option<BTreeSet<IndexId>> {
    let ExprKind::Elem(_, ixs) = &f.kind else {
        return None;
    };
    let distinct: BTreeSet<IndexId> = ixs.iter().copied().collect();
    (distinct.len() == ixs.len()).then_some(distinct)
}

/// A contraction's text, its free indices named by their place in `idx`
/// and its summed ones by their depth.
fn contraction_key(e: &Expr, idx: &[IndexId]) -> String {
    let Some((summed, _, factors)) = sum_of_product(e) else {
        return String::new();
    };
    let name = |i: &IndexId| match idx.iter().position(|j| j == i) {
        Some(p) => format!("#{p}"),
        None => format!(
            "k{}",
            summed.iter().position(|j| j == i).unwrap_or(usize::MAX)
        ),
    };
    let parts: Vec<String> = factors
        .iter()
        .map(|f| match &f.kind {
            ExprKind::Elem(t, ixs) => {
                format!(
                    "{t:?}[{}]",
                    ixs.iter().map(name).collect::<Vec<_>>().join(",")
                )
            }
            ExprKind::Const(r) => format!("c{r}"),
            ExprKind::Param(p) => format!("p{}", p.0),
            _ => String::from("?"),
        })
        .collect();
    format!("{}:{}", summed.len(), parts.join("*"))
}

/// A number or a parameter: a factor the GEMM node folds into alpha.
fn is_number(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Const(_) | ExprKind::Param(_))
}

/// For an expensive call worth sharing: its text with its indices named by
/// order of first appearance (`exp(x[#0,#1])`), and those indices.
fn shape(e: &Expr, program: &Program) -> Option<(String, Vec<IndexId>)> {
    let expensive = match &e.kind {
        ExprKind::Call(f, _) => f.op().expensive,
        ExprKind::Pow(_, b) => !super::is_square(b) && super::reciprocal_power(b).is_none(),
        _ => false,
    };
    if !expensive {
        return None;
    }
    let mut idx: Vec<IndexId> = Vec::new();
    let mut ok = true;
    let text = key(e, &mut idx, &mut ok);
    if !ok || idx.is_empty() {
        return None;
    }
    for &i in &idx {
        if program.index_var(i).bounds.is_some() || first_subscript(e, i).is_none() {
            return None;
        }
    }
    Some((text, idx))
}

fn key(e: &Expr, idx: &mut Vec<IndexId>, ok: &mut bool) -> String {
    let name = |i: IndexId, idx: &mut Vec<IndexId>| {
        let p = match idx.iter().position(|&j| j == i) {
            Some(p) => p,
            None => {
                idx.push(i);
                idx.len() - 1
            }
        };
        format!("#{p}")
    };
    let kids = |e: &Expr, idx: &mut Vec<IndexId>, ok: &mut bool| -> String {
        e.children()
            .iter()
            .map(|c| key(c, idx, ok))
            .collect::<Vec<_>>()
            .join(",")
    };
    match &e.kind {
        ExprKind::Const(r) => format!("c{r}"),
        ExprKind::Param(p) => format!("p{}", p.0),
        ExprKind::Scalar(d) => format!("s{}", d.0),
        ExprKind::Index(i) => format!("i{}", name(*i, idx)),
        ExprKind::Elem(t, ixs) => {
            let n: Vec<String> = ixs.iter().map(|&i| name(i, idx)).collect();
            format!("{t:?}[{}]", n.join(","))
        }
        ExprKind::Delta(a, b) => format!("d[{},{}]", name(*a, idx), name(*b, idx)),
        ExprKind::Reduce { .. } | ExprKind::Diff { .. } => {
            *ok = false;
            String::new()
        }
        ExprKind::Neg(_) => format!("neg({})", kids(e, idx, ok)),
        ExprKind::Add(_) => format!("add({})", kids(e, idx, ok)),
        ExprKind::Mul(_) => format!("mul({})", kids(e, idx, ok)),
        ExprKind::Div(..) => format!("div({})", kids(e, idx, ok)),
        ExprKind::Pow(..) => format!("pow({})", kids(e, idx, ok)),
        ExprKind::Call(f, _) => format!("{}({})", f.name(), kids(e, idx, ok)),
    }
}

/// Marks a definition id that already refers to the new program.
pub(crate) const NEW: u32 = 1 << 31;

/// The first tensor axis `i` subscripts in `e` (inputs or definitions).
/// Fresh axis variables for a hidden definition over `idx` whose body is
/// `sub`: each named like the index it stands for (recorded in `origin`),
/// its extent from the first tensor axis it subscripts in `sub`. Returns
/// the renaming of `idx` to them and the axes.
pub(crate) fn fresh_axes(
    program: &Program,
    out: &mut Program,
    origin: &mut Vec<IndexId>,
    idx: &[IndexId],
    sub: &Expr,
    new_id: &[usize],
) -> (HashMap<IndexId, IndexId>, Vec<IndexId>) {
    let mut rename = HashMap::new();
    let mut axes = Vec::with_capacity(idx.len());
    for &i in idx {
        let var = program.index_var(i);
        out.indices.push(IndexVar {
            name: var.name.clone(),
            span: var.span,
            role: IndexRole::Axis,
            bounds: None,
            extent_of: first_subscript(sub, i).map(|(t, p)| (moved(t, new_id), p)),
        });
        origin.push(i);
        let fresh = IndexId(out.indices.len() as u32 - 1);
        rename.insert(i, fresh);
        axes.push(fresh);
    }
    (rename, axes)
}

pub(crate) fn first_subscript(e: &Expr, i: IndexId) -> Option<(TensorRef, usize)> {
    let mut found = None;
    e.walk(&mut |x| {
        if found.is_none()
            && let ExprKind::Elem(t, ixs) = &x.kind
            && let Some(p) = ixs.iter().position(|&j| j == i)
        {
            found = Some((*t, p));
        }
    });
    found
}

pub(crate) fn map_expr(e: &Expr, f: &mut dyn FnMut(&ExprKind) -> Option<ExprKind>) -> Expr {
    if let Some(k) = f(&e.kind) {
        return Expr::new(k, e.span);
    }
    let kind = match &e.kind {
        ExprKind::Reduce { kind, index, body } => ExprKind::Reduce {
            kind: *kind,
            index: *index,
            body: Box::new(map_expr(body, f)),
        },
        ExprKind::Neg(a) => ExprKind::Neg(Box::new(map_expr(a, f))),
        ExprKind::Add(v) => ExprKind::Add(v.iter().map(|x| map_expr(x, f)).collect()),
        ExprKind::Mul(v) => ExprKind::Mul(v.iter().map(|x| map_expr(x, f)).collect()),
        ExprKind::Call(g, v) => ExprKind::Call(*g, v.iter().map(|x| map_expr(x, f)).collect()),
        ExprKind::Div(a, b) => ExprKind::Div(Box::new(map_expr(a, f)), Box::new(map_expr(b, f))),
        ExprKind::Pow(a, b) => ExprKind::Pow(Box::new(map_expr(a, f)), Box::new(map_expr(b, f))),
        ExprKind::Diff { expr, wrt } => ExprKind::Diff {
            expr: Box::new(map_expr(expr, f)),
            wrt: wrt.clone(),
        },
        k => k.clone(),
    };
    Expr::new(kind, e.span)
}

pub(crate) fn rename_indices(e: &Expr, map: &HashMap<IndexId, IndexId>) -> Expr {
    let m = |i: &IndexId| *map.get(i).unwrap_or(i);
    map_expr(e, &mut |k| match k {
        ExprKind::Index(i) => Some(ExprKind::Index(m(i))),
        ExprKind::Elem(t, ixs) => Some(ExprKind::Elem(*t, ixs.iter().map(m).collect())),
        ExprKind::Delta(a, b) => Some(ExprKind::Delta(m(a), m(b))),
        _ => None,
    })
}

/// Definition references to their new positions (`NEW`-marked ones are new
/// already).
pub(crate) fn renumber(e: &Expr, new_id: &[usize]) -> Expr {
    let d = |d: DefId| {
        if d.0 & NEW != 0 {
            DefId(d.0 & !NEW)
        } else {
            DefId(new_id.get(d.index()).copied().unwrap_or(d.index()) as u32)
        }
    };
    map_expr(e, &mut |k| match k {
        ExprKind::Scalar(x) => Some(ExprKind::Scalar(d(*x))),
        ExprKind::Elem(TensorRef::Def(x), ixs) => {
            Some(ExprKind::Elem(TensorRef::Def(d(*x)), ixs.clone()))
        }
        _ => None,
    })
}
