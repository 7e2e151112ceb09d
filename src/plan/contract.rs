//! Products of three or more tensor factors under sums, computed as
//! pairwise contractions in the cheapest order.
//!
//! In: a checked program without `diff` (as `sym::lower_and_raise` leaves
//! it) and, for [`choose`], an extent for each of its index variables.
//! Out: [`sites`]: every *site*, a maximal subexpression built from
//! products, negations and `sum`s over inferred ranges whose factors
//! include three or more *operands* (factors with free indices);
//! [`choose`]: for each site, the [`Path`] to compute it by, when that
//! costs at most half the FLOPs of the nest as written; [`apply`]: the program with
//! each chosen site replaced by its last pairwise contraction, the others
//! computed before as hidden definitions `_c0`, `_c1`, ... (a
//! [`Materialized`], like `loops::materialize`'s).
//! `D[i,l] = A[i,j] B[j,k] C[k,l]` becomes `_c0[i,k] = sum_j A[i,j]
//! B[j,k]` and `D[i,l] = sum_k _c0[i,k] C[k,l]`.
//!
//! A site qualifies when each operand is a tensor element whose indices
//! have inferred extents (so an intermediate's axis has the extent of a
//! tensor axis), and each summed index occurs in an operand. Factors without free indices (constants, parameters,
//! scalars, `-1` for a negation) multiply the last contraction.
//!
//! Always: [`sites`] and [`apply`] walk the program the same way, so the
//! k-th choice is the k-th site's; a summed index keeps its id and is
//! bound in exactly one place (the contraction that sums it away); an
//! intermediate's axes are new index variables, each standing for the
//! source index it replaces ([`Materialized::origin`]), so
//! [`Materialized::bound`] binds the new program from the source's binding
//! and no hidden name reaches a message. Values are the program's up to the
//! order of floating-point operations (a product of sums is reassociated;
//! each result stays within the usual bound relative to the sum of
//! |terms|).

use super::path::{self, Node, Path, Problem};
use crate::loops::Materialized;
use crate::loops::materialize::{
    NEW, first_subscript, fresh_axes, moved, rename_indices, renumber,
};
use crate::sema::{Def, DefId, Expr, ExprKind, IndexId, Program, TensorRef};
use crate::syntax::token::ReduceKind;
use num_rational::BigRational;
use std::collections::BTreeSet;

/// One product of three or more operands under sums.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// The definition (position in the source) it is in.
    pub def: usize,
    /// The index variable of each bit of the masks.
    pub indices: Vec<IndexId>,
    /// Each operand's free indices.
    pub operands: Vec<u64>,
    /// The site's own free indices (bound outside it).
    pub output: u64,
    /// The indices its sums bind, outermost first.
    pub summed: Vec<IndexId>,
    /// How many factors without free indices it multiplies by (a
    /// negation counts as one).
    pub scalars: usize,
    /// Each operand as text (`A[i,j]`), for `--explain`.
    pub names: Vec<String>,
    /// Each operand's free indices in order of first appearance.
    orders: Vec<Vec<IndexId>>,
    /// The axes of the definition the site is in.
    def_axes: Vec<IndexId>,
    /// The cost of the subexpression as written, as a function of the
    /// extents: (free indices of a node, multiplications or additions
    /// there) per product, sum and negation node.
    written: Vec<(u64, u128)>,
}

impl Site {
    /// The path problem for these extents (per index variable).
    pub fn problem(&self, extent: &dyn Fn(IndexId) -> u64) -> Problem {
        Problem {
            inputs: self.operands.clone(),
            output: self.output,
            sizes: self.indices.iter().map(|&i| extent(i)).collect(),
        }
    }

    /// FLOPs of the subexpression as written, computed in one nest with
    /// each node evaluated once per value of its free indices.
    pub fn written_cost(&self, sizes: &[u64]) -> u128 {
        self.written.iter().fold(0u128, |a, &(m, k)| {
            a.saturating_add(path::size(m, sizes).saturating_mul(k))
        })
    }
}

/// The sites of `program`, in the order [`apply`] meets them.
pub fn sites(program: &Program) -> Vec<Site> {
    let mut walk = Walk::new(program, &[]);
    for (d, def) in program.defs.iter().enumerate() {
        walk.def = d;
        walk.base = 0;
        walk.rewrite(&def.body);
    }
    walk.sites
}

/// For each site, the cheapest path for these extents, or `None` unless
/// it costs at most half the site as written: intermediates are stored
/// and read back, so a smaller gain in FLOPs rarely pays.
pub fn choose(sites: &[Site], extent: &dyn Fn(IndexId) -> u64) -> Vec<Option<Path>> {
    sites
        .iter()
        .map(|s| {
            let p = s.problem(extent);
            let path = path::optimal(&p);
            let planned = path
                .cost
                .saturating_add(path::size(p.output, &p.sizes).saturating_mul(s.scalars as u128));
            (planned.saturating_mul(2) <= s.written_cost(&p.sizes)).then_some(path)
        })
        .collect()
}

/// The chosen paths as text for `--explain`: per planned site, its
/// pairwise contractions with their FLOPs, and the total against the nest
/// as written. Empty when no site is planned.
pub fn describe(
    program: &Program,
    sites: &[Site],
    choices: &[Option<Path>],
    extent: &dyn Fn(IndexId) -> u64,
) -> String {
    let mut out = String::new();
    let mut hidden = 0usize;
    let show = |t: &mut String, mask: u64, s: &Site| {
        let names: Vec<&str> = (0..s.indices.len())
            .filter(|b| mask >> b & 1 == 1)
            .map(|b| program.index_var(s.indices[b]).name.as_str())
            .collect();
        t.push_str(&names.join(","));
    };
    for (site, choice) in sites.iter().zip(choices) {
        let Some(path) = choice else { continue };
        let sizes: Vec<u64> = site.indices.iter().map(|&i| extent(i)).collect();
        let name = program.defs[site.def].display_name(site.def);
        out.push_str(&format!(
            "contraction path in {name}: {} flops (as written: {})\n",
            path.cost,
            site.written_cost(&sizes)
        ));
        let first = hidden;
        let axes = step_axes(site, path);
        let show_axes = |t: &mut String, k: usize| {
            let names: Vec<&str> = axes[k]
                .iter()
                .map(|&i| program.index_var(i).name.as_str())
                .collect();
            t.push_str(&names.join(","));
        };
        for (k, step) in path.steps.iter().enumerate() {
            let operand = |n: Node| match n {
                Node::Input(i) => site.names[i].clone(),
                Node::Step(j) => {
                    let mut t = format!("_c{}[", first + j);
                    show_axes(&mut t, j);
                    t.push(']');
                    t
                }
            };
            let mut line = if k + 1 == path.steps.len() {
                format!("  {name} <- ")
            } else {
                let mut t = format!("  _c{}[", first + k);
                show_axes(&mut t, k);
                t.push_str("] = ");
                t
            };
            if step.removed != 0 {
                line.push_str("sum_{");
                show(&mut line, step.removed, site);
                line.push_str("} ");
            }
            line.push_str(&format!(
                "{} {}   # {} flops\n",
                operand(step.left),
                operand(step.right),
                step.cost
            ));
            out.push_str(&line);
        }
        hidden += path.steps.len() - 1;
    }
    out
}

/// `program` with each site that has a path computed by it.
pub fn apply(program: &Program, choices: &[Option<Path>]) -> Materialized {
    let mut out = Program {
        inputs: program.inputs.clone(),
        params: program.params.clone(),
        indices: program.indices.clone(),
        defs: Vec::new(),
    };
    let mut walk = Walk::new(program, choices);
    let mut new_id: Vec<usize> = Vec::with_capacity(program.defs.len());
    let mut origin: Vec<IndexId> = Vec::new();
    let mut count = 0usize;
    for (d, def) in program.defs.iter().enumerate() {
        walk.def = d;
        walk.base = out.defs.len();
        let body = walk.rewrite(&def.body);
        for (keep, sub) in std::mem::take(&mut walk.hidden) {
            let (rename, axes) = fresh_axes(program, &mut out, &mut origin, &keep, &sub, &new_id);
            out.defs.push(Def {
                name: Some(format!("_c{count}")),
                span: def.span,
                axes,
                body: renumber(&rename_indices(&sub, &rename), &new_id),
            });
            count += 1;
        }
        new_id.push(out.defs.len());
        out.defs.push(Def {
            name: def.name.clone(),
            span: def.span,
            axes: def.axes.clone(),
            body: renumber(&body, &new_id),
        });
    }
    for var in &mut out.indices[..program.indices.len()] {
        if let Some((t, p)) = var.extent_of {
            var.extent_of = Some((moved(t, &new_id), p));
        }
    }
    Materialized {
        program: out,
        moved: new_id,
        single: BTreeSet::new(),
        origin,
        source_indices: program.indices.len(),
    }
}

/// `second` applied after `first` (its source is `first.program`), as one
/// [`Materialized`] from `first`'s source.
pub fn compose(first: &Materialized, second: Materialized) -> Materialized {
    let s = first.source_indices;
    let origin = first
        .origin
        .iter()
        .copied()
        .chain(second.origin.iter().map(|&o| {
            if o.index() < s {
                o
            } else {
                first.origin[o.index() - s]
            }
        }))
        .collect();
    Materialized {
        moved: first.moved.iter().map(|&p| second.moved[p]).collect(),
        program: second.program,
        single: second.single,
        origin,
        source_indices: s,
    }
}

/// The one traversal of [`sites`] and [`apply`].
struct Walk<'a> {
    program: &'a Program,
    choices: &'a [Option<Path>],
    /// The definition being walked, and where its hidden definitions start
    /// in the new program.
    def: usize,
    base: usize,
    sites: Vec<Site>,
    /// Hidden definitions made for the current definition: the source
    /// indices of their axes, and their bodies (source ids, `NEW`-marked
    /// references to hidden definitions).
    hidden: Vec<(Vec<IndexId>, Expr)>,
}

impl<'a> Walk<'a> {
    fn new(program: &'a Program, choices: &'a [Option<Path>]) -> Walk<'a> {
        Walk {
            program,
            choices,
            def: 0,
            base: 0,
            sites: Vec::new(),
            hidden: Vec::new(),
        }
    }

    fn is_flat(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Mul(_) | ExprKind::Neg(_) => true,
            ExprKind::Reduce { kind, index, .. } => {
                *kind == ReduceKind::Sum && self.program.index_var(*index).bounds.is_none()
            }
            _ => false,
        }
    }

    fn rewrite(&mut self, e: &Expr) -> Expr {
        if self.is_flat(e) {
            if let Some((site, factors)) = self.analyse(e) {
                let k = self.sites.len();
                self.sites.push(site);
                if let Some(Some(path)) = self.choices.get(k) {
                    let path = path.clone();
                    let site = self.sites[k].clone();
                    return self.build(e, &site, &factors, &path);
                }
            }
            return self.rewrite_flat(e);
        }
        let kind = match &e.kind {
            ExprKind::Reduce { kind, index, body } => ExprKind::Reduce {
                kind: *kind,
                index: *index,
                body: Box::new(self.rewrite(body)),
            },
            ExprKind::Add(v) => ExprKind::Add(v.iter().map(|x| self.rewrite(x)).collect()),
            ExprKind::Call(f, v) => ExprKind::Call(*f, v.iter().map(|x| self.rewrite(x)).collect()),
            ExprKind::Div(a, b) => {
                ExprKind::Div(Box::new(self.rewrite(a)), Box::new(self.rewrite(b)))
            }
            ExprKind::Pow(a, b) => {
                ExprKind::Pow(Box::new(self.rewrite(a)), Box::new(self.rewrite(b)))
            }
            ExprKind::Diff { expr, wrt } => ExprKind::Diff {
                expr: Box::new(self.rewrite(expr)),
                wrt: wrt.clone(),
            },
            k => k.clone(),
        };
        Expr::new(kind, e.span)
    }

    /// A flat node kept as written, its factors rewritten (in the order
    /// [`flatten`] lists them).
    fn rewrite_flat(&mut self, e: &Expr) -> Expr {
        if !self.is_flat(e) {
            return self.rewrite(e);
        }
        let kind = match &e.kind {
            ExprKind::Mul(v) => ExprKind::Mul(v.iter().map(|x| self.rewrite_flat(x)).collect()),
            ExprKind::Neg(a) => ExprKind::Neg(Box::new(self.rewrite_flat(a))),
            ExprKind::Reduce { kind, index, body } => ExprKind::Reduce {
                kind: *kind,
                index: *index,
                body: Box::new(self.rewrite_flat(body)),
            },
            _ => unreachable!("is_flat"),
        };
        Expr::new(kind, e.span)
    }

    /// The site `e` is, if it is one, and its factors in order.
    fn analyse(&self, e: &Expr) -> Option<(Site, Vec<Expr>)> {
        let mut factors = Vec::new();
        let mut summed = Vec::new();
        let mut negs = 0usize;
        self.flatten(e, &mut factors, &mut summed, &mut negs);
        let frees: Vec<BTreeSet<IndexId>> = factors.iter().map(|f| free(f)).collect();
        let n_ops = frees.iter().filter(|f| !f.is_empty()).count();
        if n_ops < 3 {
            return None;
        }
        let mut indices: Vec<IndexId> = Vec::new();
        let mut operands = Vec::new();
        let mut names = Vec::new();
        let mut orders = Vec::new();
        for (f, fr) in factors.iter().zip(&frees) {
            if fr.is_empty() {
                continue;
            }
            // Operands are tensor elements: a product of other indexed
            // factors (`exp(x[i])`, deltas) stays as written.
            if !matches!(f.kind, ExprKind::Elem(..)) {
                return None;
            }
            let mut m = 0u64;
            for &i in fr {
                if self.program.index_var(i).bounds.is_some() || first_subscript(f, i).is_none() {
                    return None;
                }
                let b = match indices.iter().position(|&j| j == i) {
                    Some(b) => b,
                    None => {
                        indices.push(i);
                        indices.len() - 1
                    }
                };
                if b >= 64 {
                    return None;
                }
                m |= 1 << b;
            }
            operands.push(m);
            names.push(self.show(f));
            orders.push(appearance(f, fr));
        }
        let all = operands.iter().fold(0u64, |a, &m| a | m);
        let mut summed_mask = 0u64;
        for &s in &summed {
            let b = indices.iter().position(|&j| j == s)?;
            summed_mask |= 1 << b;
        }
        let mut written = Vec::new();
        self.written(e, &indices, 0, &mut written);
        let scalars = factors.len() - n_ops + negs;
        let site = Site {
            def: self.def,
            indices,
            operands,
            output: all & !summed_mask,
            summed,
            scalars,
            names,
            orders,
            def_axes: self.program.defs[self.def].axes.clone(),
            written,
        };
        Some((site, factors.into_iter().cloned().collect()))
    }

    /// The factors of a flat node (leaves, in order), the indices its sums
    /// bind, and how many negations it has.
    fn flatten<'e>(
        &self,
        e: &'e Expr,
        factors: &mut Vec<&'e Expr>,
        summed: &mut Vec<IndexId>,
        negs: &mut usize,
    ) {
        if !self.is_flat(e) {
            factors.push(e);
            return;
        }
        match &e.kind {
            ExprKind::Mul(v) => v
                .iter()
                .for_each(|x| self.flatten(x, factors, summed, negs)),
            ExprKind::Neg(a) => {
                *negs += 1;
                self.flatten(a, factors, summed, negs)
            }
            ExprKind::Reduce { index, body, .. } => {
                summed.push(*index);
                self.flatten(body, factors, summed, negs)
            }
            _ => unreachable!("is_flat"),
        }
    }

    /// The written cost's terms of flat node `e`: (free indices, count).
    ///
    /// A node runs once per point of every index in scope: the site's free
    /// indices (the definition's axes loop around it) and those of the sums
    /// that enclose it (`scope`), not only its own free indices: in
    /// `sum_j A[i,j] sum_k B[j,k] C[k,l]` (how the simplifier leaves a
    /// chain) the inner sum runs for every i, l and j.
    fn written(&self, e: &Expr, indices: &[IndexId], scope: u64, out: &mut Vec<(u64, u128)>) {
        if !self.is_flat(e) {
            return;
        }
        let mask = |s: &BTreeSet<IndexId>| {
            s.iter().fold(0u64, |m, i| {
                m | indices.iter().position(|j| j == i).map_or(0, |b| 1 << b)
            })
        };
        let scope = scope | mask(&free(e));
        match &e.kind {
            ExprKind::Mul(v) => {
                out.push((scope, v.len() as u128 - 1));
                v.iter().for_each(|x| self.written(x, indices, scope, out));
            }
            ExprKind::Neg(a) => {
                out.push((scope, 1));
                self.written(a, indices, scope, out);
            }
            ExprKind::Reduce { body, .. } => {
                let inner = scope | mask(&free(body));
                out.push((inner, 1));
                self.written(body, indices, inner, out);
            }
            _ => {}
        }
    }

    /// An operand as text: `A[i,j]` for a tensor element, else `(...)`.
    fn show(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Elem(t, ixs) => {
                let names: Vec<&str> = ixs
                    .iter()
                    .map(|&i| self.program.index_var(i).name.as_str())
                    .collect();
                format!("{}[{}]", self.program.tensor_name(*t), names.join(","))
            }
            _ => {
                let names: Vec<&str> = free(e)
                    .iter()
                    .map(|&i| self.program.index_var(i).name.as_str())
                    .collect();
                format!("(expression of {})", names.join(","))
            }
        }
    }

    /// Site `e` computed by `path`: the hidden definitions go to
    /// `self.hidden`; returns the last contraction.
    fn build(&mut self, e: &Expr, site: &Site, factors: &[Expr], path: &Path) -> Expr {
        let span = e.span;
        let mut operands = Vec::new();
        let mut scalars = Vec::new();
        for f in factors {
            let r = self.rewrite(f);
            if free(f).is_empty() {
                scalars.push(r);
            } else {
                operands.push(r);
            }
        }
        let mut negs = 0;
        self.flatten(e, &mut Vec::new(), &mut Vec::new(), &mut negs);
        if negs % 2 == 1 {
            scalars.insert(
                0,
                Expr::new(
                    ExprKind::Const(BigRational::from_integer((-1).into())),
                    span,
                ),
            );
        }
        // Each step's result as an expression the next steps read.
        let mut results: Vec<Expr> = Vec::with_capacity(path.steps.len());
        let bits = |m: u64| -> Vec<IndexId> {
            (0..site.indices.len())
                .filter(|b| m >> b & 1 == 1)
                .map(|b| site.indices[b])
                .collect()
        };
        for (k, step) in path.steps.iter().enumerate() {
            let get = |n: Node| match n {
                Node::Input(i) => operands[i].clone(),
                Node::Step(j) => results[j].clone(),
            };
            let (l, r) = (get(step.left), get(step.right));
            let last = k + 1 == path.steps.len();
            let mut body = Expr::new(ExprKind::Mul(vec![l, r]), span);
            // Sums in the order the source binds them, outermost first.
            let removed = bits(step.removed);
            for &s in site.summed.iter().rev().filter(|s| removed.contains(s)) {
                body = Expr::new(
                    ExprKind::Reduce {
                        kind: ReduceKind::Sum,
                        index: s,
                        body: Box::new(body),
                    },
                    span,
                );
            }
            if last {
                // Factors without indices multiply the result once.
                if scalars.is_empty() {
                    return body;
                }
                scalars.push(body);
                return Expr::new(ExprKind::Mul(scalars), span);
            }
            let axes = step_axes(site, path)[k].clone();
            let id = DefId(NEW | (self.base + self.hidden.len()) as u32);
            self.hidden.push((axes.clone(), body));
            // An intermediate without axes is a scalar definition.
            let kind = if axes.is_empty() {
                ExprKind::Scalar(id)
            } else {
                ExprKind::Elem(TensorRef::Def(id), axes)
            };
            results.push(Expr::new(kind, span));
        }
        unreachable!("a path has at least one step")
    }
}

/// The axes of each step's result, in order: the indices it keeps in
/// order of first appearance in its operands, except that the
/// definition's own axes among them take their slots in the definition's
/// order, so the last contraction reads its intermediates along the
/// definition's innermost axis (`_c2[p,j,r,s]`, not `_c2[p,j,s,r]`, for
/// `Z[p,q,r,s]`).
fn step_axes(site: &Site, path: &Path) -> Vec<Vec<IndexId>> {
    let mut out: Vec<Vec<IndexId>> = Vec::with_capacity(path.steps.len());
    for step in &path.steps {
        let keep: Vec<IndexId> = (0..site.indices.len())
            .filter(|b| step.keep >> b & 1 == 1)
            .map(|b| site.indices[b])
            .collect();
        let mut axes: Vec<IndexId> = Vec::new();
        for n in [step.left, step.right] {
            let order = match n {
                Node::Input(i) => &site.orders[i],
                Node::Step(j) => &out[j],
            };
            for i in order {
                if keep.contains(i) && !axes.contains(i) {
                    axes.push(*i);
                }
            }
        }
        let slots: Vec<usize> = (0..axes.len())
            .filter(|&p| site.def_axes.contains(&axes[p]))
            .collect();
        let mut ours: Vec<IndexId> = slots.iter().map(|&p| axes[p]).collect();
        ours.sort_by_key(|i| site.def_axes.iter().position(|a| a == i));
        for (&p, i) in slots.iter().zip(ours) {
            axes[p] = i;
        }
        out.push(axes);
    }
    out
}

/// The indices of `free` in order of first appearance in `e`.
fn appearance(e: &Expr, free: &BTreeSet<IndexId>) -> Vec<IndexId> {
    let mut order = Vec::new();
    e.walk(&mut |x| {
        let mut see = |i: &IndexId| {
            if free.contains(i) && !order.contains(i) {
                order.push(*i);
            }
        };
        match &x.kind {
            ExprKind::Elem(_, ixs) => ixs.iter().for_each(&mut see),
            ExprKind::Index(i) => see(i),
            ExprKind::Delta(a, b) => {
                see(a);
                see(b)
            }
            _ => {}
        }
    });
    order
}

/// The indices free in `e` (used and not bound inside it).
pub fn free(e: &Expr) -> BTreeSet<IndexId> {
    let mut s = BTreeSet::new();
    collect_free(e, &mut s);
    s
}

fn collect_free(e: &Expr, s: &mut BTreeSet<IndexId>) {
    match &e.kind {
        ExprKind::Index(i) => {
            s.insert(*i);
        }
        ExprKind::Elem(_, ixs) => s.extend(ixs.iter().copied()),
        ExprKind::Delta(a, b) => {
            s.insert(*a);
            s.insert(*b);
        }
        ExprKind::Reduce { index, body, .. } => {
            let mut inner = BTreeSet::new();
            collect_free(body, &mut inner);
            inner.remove(index);
            s.extend(inner);
        }
        _ => e.children().into_iter().for_each(|c| collect_free(c, s)),
    }
}
