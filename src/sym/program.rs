//! A program in the symbolic IR, and the conversions to and from the checked
//! program.
//!
//! In: a checked [`sema::Program`] ([`lower`]). Out: a [`SymProgram`] whose
//! definitions are simplified pool expressions with every `diff(...)`
//! replaced by its derivative, and back ([`SymProgram::raise`]) a checked
//! program without `diff` that the interpreter (and the JIT) run.
//!
//! Always: definition ids of the checked program are kept (derived
//! definitions, the adjoints that derivatives share, get new ids after them
//! and are placed in [`SymProgram::order`] just before their first user); a
//! definition's body has no free index but its axes.

use super::chain;
use super::pool::{ExprId, Ix, Names, Node, Pool};
use super::simplify::{RULES, Rule, simplify, simplify_with};
use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::sema::{self, DefId, Expr, ExprKind, IndexId, TensorRef, Wrt};
use num_traits::Signed;
use rustc_hash::FxHashMap as HashMap;

pub use super::defs::{SymDef, SymProgram};

/// Lowers a checked program, evaluating every `diff(...)` symbolically and
/// simplifying every definition.
pub fn lower(program: &sema::Program) -> Result<SymProgram, Errors> {
    lower_with(program, RULES)
}

/// [`lower`] with only the given simplifier rules on the definitions as
/// written (derivatives are always simplified fully); tests use it to see
/// one rule at a time.
pub fn lower_with(program: &sema::Program, rules: &[(&str, Rule)]) -> Result<SymProgram, Errors> {
    let names = Names {
        params: program.params.iter().map(|p| p.name.clone()).collect(),
        inputs: program.inputs.iter().map(|i| i.name.clone()).collect(),
        defs: program
            .defs
            .iter()
            .enumerate()
            .map(|(n, d)| d.display_name(n))
            .collect(),
    };
    let mut pool = Pool::new(names);
    let zero = pool.zero();
    let mut sp = SymProgram {
        pool,
        defs: program
            .defs
            .iter()
            .map(|d| SymDef {
                name: d.name.clone(),
                axes: vec![],
                body: zero,
                span: d.span,
                derived: false,
            })
            .collect(),
        order: Vec::new(),
        inputs: program.inputs.clone(),
        params: program.params.clone(),
        extent_of: HashMap::default(),
    };
    // Every tensor's rank, so that an extent-keeping zero term can be
    // printed for a tensor read only in a derivative's target
    // (`s = 2 + diff(c, A[p,q])` prints `sum_{p,q} (2 + 0 A[p,q])`).
    for (i, input) in program.inputs.iter().enumerate() {
        sp.pool
            .record_rank(TensorRef::Input(sema::InputId(i as u32)), input.rank);
    }
    for (d, def) in program.defs.iter().enumerate() {
        sp.pool
            .record_rank(TensorRef::Def(DefId(d as u32)), def.axes.len());
    }
    let mut errors = Vec::new();
    for (n, def) in program.defs.iter().enumerate() {
        let id = DefId(n as u32);
        let mut lw = Lowerer {
            program,
            map: HashMap::default(),
            def: id,
            errors: Vec::new(),
        };
        let axes: Vec<Ix> = def
            .axes
            .iter()
            .map(|&a| {
                let ix = sp.pool.fresh_index(&program.index_var(a).name, None);
                lw.map.insert(a, ix);
                // Where the extent comes from, should simplifying remove the
                // subscript (`y[i] = 0 x[i]`).
                if let Some(anchor) = first_subscript(&def.body, a) {
                    sp.extent_of.insert(ix, anchor);
                }
                ix
            })
            .collect();
        sp.order.push(id);
        let body = lw.expr(&mut sp, &def.body);
        let body = simplify_with(&mut sp.pool, body, rules);
        errors.append(&mut lw.errors);
        if sp.pool.too_big() {
            errors.push(Diagnostic::at(
                "this definition's symbolic form grew too large (over 4 million nodes)",
                def.span,
            ));
            break;
        }
        let d = &mut sp.defs[n];
        d.axes = axes;
        d.body = body;
    }
    if errors.is_empty() {
        // Simplifying (an empty sum, a derivative) can leave a division by
        // an exact 0 that no divisor showed as written.
        for &d in &sp.order {
            let def = &sp.defs[d.index()];
            if divides_by_zero(&sp.pool, def.body) {
                errors.push(
                    Diagnostic::at(
                        "this statement divides by zero: once simplified, a divisor in it is exactly 0",
                        def.span,
                    )
                    .with_note("constants are exact, so the quotient has no value; change the divisor"),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(sp)
    } else {
        Err(Errors(errors))
    }
}

/// A divisor that simplifies to exactly 0 (`x / (x - x)`): an error at it.
fn zero_divisor(span: Span) -> Diagnostic {
    Diagnostic::at(
        "division by zero: this divisor simplifies to exactly 0",
        span,
    )
    .with_note("the quotient has no value; change the divisor")
}

/// Whether `e` holds `0^p` with a negative `p` (a division by an exact 0).
pub(crate) fn divides_by_zero(pool: &Pool, e: ExprId) -> bool {
    pool.dag_nodes(e).into_iter().any(|x| {
        matches!(pool.node(x), Node::Pow(b, p)
            if pool.is_zero(*b) && pool.as_const(*p).is_some_and(|r| r.is_negative()))
    })
}

/// The first tensor axis that index `a` subscripts in `e`.
fn first_subscript(e: &Expr, a: IndexId) -> Option<(TensorRef, usize)> {
    let mut found = None;
    e.walk(&mut |x| {
        if found.is_some() {
            return;
        }
        match &x.kind {
            ExprKind::Elem(t, ixs) => {
                if let Some(p) = ixs.iter().position(|&i| i == a) {
                    found = Some((*t, p));
                }
            }
            ExprKind::Diff {
                wrt: Wrt::Elem(t, ixs),
                ..
            } => {
                if let Some(p) = ixs.iter().position(|&i| i == a) {
                    found = Some((TensorRef::Input(*t), p));
                }
            }
            _ => {}
        }
    });
    found
}

struct Lowerer<'a> {
    program: &'a sema::Program,
    map: HashMap<IndexId, Ix>,
    def: DefId,
    errors: Vec<Diagnostic>,
}

impl Lowerer<'_> {
    fn ix(&mut self, sp: &mut SymProgram, i: IndexId) -> Ix {
        if let Some(&x) = self.map.get(&i) {
            return x;
        }
        // Not reached for checked programs (every index is bound before it
        // is used); a fresh free index keeps the conversion total.
        let x = sp.pool.fresh_index(&self.program.index_var(i).name, None);
        self.map.insert(i, x);
        x
    }

    fn expr(&mut self, sp: &mut SymProgram, e: &Expr) -> ExprId {
        match &e.kind {
            ExprKind::Const(r) => sp.pool.konst(r.clone()),
            ExprKind::Param(p) => sp.pool.param(*p),
            ExprKind::Scalar(d) => sp.pool.elem(TensorRef::Def(*d), vec![]),
            ExprKind::Index(i) => {
                let x = self.ix(sp, *i);
                sp.pool.index_value(x)
            }
            ExprKind::Elem(t, ixs) => {
                let xs: Vec<Ix> = ixs.iter().map(|&i| self.ix(sp, i)).collect();
                for (axis, &x) in xs.iter().enumerate() {
                    if let Some(b) = sp.pool.index(x).bounds {
                        sp.pool.record_fit(b, *t, axis);
                    }
                }
                sp.pool.elem(*t, xs)
            }
            ExprKind::Delta(a, b) => {
                let (a, b) = (self.ix(sp, *a), self.ix(sp, *b));
                sp.pool.delta(a, b)
            }
            ExprKind::Neg(a) => {
                let a = self.expr(sp, a);
                sp.pool.neg(a)
            }
            ExprKind::Add(v) => {
                let v = v.iter().map(|x| self.expr(sp, x)).collect();
                sp.pool.add(v)
            }
            ExprKind::Mul(v) => {
                let v = v.iter().map(|x| self.expr(sp, x)).collect();
                sp.pool.mul(v)
            }
            ExprKind::Div(a, b) => {
                let (x, y) = (self.expr(sp, a), self.expr(sp, b));
                if sp.pool.is_zero(y) {
                    self.errors.push(zero_divisor(b.span));
                }
                sp.pool.div(x, y)
            }
            ExprKind::Pow(a, b) => {
                let (x, y) = (self.expr(sp, a), self.expr(sp, b));
                if sp.pool.is_zero(x) && sp.pool.as_const(y).is_some_and(|r| r.is_negative()) {
                    self.errors.push(zero_divisor(a.span));
                }
                sp.pool.pow(x, y)
            }
            ExprKind::Call(f, v) => {
                let v = v.iter().map(|x| self.expr(sp, x)).collect();
                sp.pool.call(*f, v)
            }
            ExprKind::Reduce { kind, index, body } => {
                let var = self.program.index_var(*index);
                let bounds = var.bounds.as_ref().map(|(lo, hi)| {
                    let lo = self.expr(sp, lo);
                    let hi = self.expr(sp, hi);
                    (simplify(&mut sp.pool, lo), simplify(&mut sp.pool, hi))
                });
                let x = sp.pool.fresh_index(&var.name, bounds);
                // Where its extent comes from, should simplifying remove
                // every subscript (`sum_j 0 x[j]`).
                sp.pool.set_anchor(x, first_subscript(body, *index));
                self.map.insert(*index, x);
                let b = self.expr(sp, body);
                sp.pool.reduce(*kind, x, b)
            }
            ExprKind::Diff { expr, wrt } => {
                let inner = self.expr(sp, expr);
                let inner = simplify(&mut sp.pool, inner);
                let target = match wrt {
                    Wrt::Param(p) => chain::Target::Param(*p),
                    Wrt::Elem(t, ixs) => {
                        let xs: Vec<Ix> = ixs.iter().map(|&i| self.ix(sp, i)).collect();
                        for (axis, &x) in xs.iter().enumerate() {
                            sp.extent_of.insert(x, (TensorRef::Input(*t), axis));
                        }
                        chain::Target::Elem(*t, xs)
                    }
                };
                match chain::derive(sp, inner, &target, self.def, e.span) {
                    Ok(d) => d,
                    Err(diag) => {
                        self.errors.push(diag);
                        sp.pool.zero()
                    }
                }
            }
        }
    }
}

impl SymProgram {
    /// The name of a definition as printed.
    pub fn def_name(&self, d: DefId) -> &str {
        &self.pool.names.defs[d.index()]
    }

    /// Adds a derived definition just before `before` in statement order.
    /// Its axes are renamed to new indices of its own (every definition has
    /// its own axis indices, so a partial derivative of one definition's
    /// body with respect to another's elements never confuses the two).
    pub fn insert_def(&mut self, mut def: SymDef, before: DefId) -> DefId {
        let own = self.own_axes(&def.axes);
        let map: HashMap<Ix, Ix> = def.axes.iter().copied().zip(own.iter().copied()).collect();
        def.body = self.pool.rename_many(def.body, &map);
        def.axes = own;
        let id = DefId(self.defs.len() as u32);
        let name = def.name.clone().unwrap_or_default();
        self.defs.push(def);
        self.pool.names.defs.push(name);
        let pos = self
            .order
            .iter()
            .position(|&d| d == before)
            .unwrap_or(self.order.len());
        self.order.insert(pos, id);
        id
    }

    /// New free indices named like `axes` (keeping their extent sources).
    pub fn own_axes(&mut self, axes: &[Ix]) -> Vec<Ix> {
        axes.iter()
            .map(|&a| {
                let name = self.pool.index(a).name.clone();
                let x = self.pool.fresh_index(&name, None);
                if let Some(&src) = self.extent_of.get(&a) {
                    self.extent_of.insert(x, src);
                }
                x
            })
            .collect()
    }

    /// A definition name not used by any tensor, parameter or definition.
    pub fn unique_name(&self, base: &str) -> String {
        let taken = |n: &str| {
            self.pool.names.defs.iter().any(|d| d == n)
                || self.inputs.iter().any(|i| i.name == n)
                || self.params.iter().any(|p| p.name == n)
        };
        if !taken(base) {
            return base.to_string();
        }
        (2..)
            .map(|k| format!("{base}_{k}"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| base.to_string())
    }

    /// The definitions `roots` refer to, directly or through others, with
    /// the roots themselves, in statement order.
    pub fn needed(&self, roots: &[DefId]) -> Vec<DefId> {
        let mut need = vec![false; self.defs.len()];
        let mut stack: Vec<DefId> = roots.to_vec();
        while let Some(d) = stack.pop() {
            if std::mem::replace(&mut need[d.index()], true) {
                continue;
            }
            for t in self.reads(self.defs[d.index()].body) {
                stack.push(t);
            }
            // Definitions that only give an extent (`0 y[p]` anchors).
            let def = &self.defs[d.index()];
            let mut anchors: Vec<(TensorRef, usize)> = def
                .axes
                .iter()
                .filter_map(|a| self.extent_of.get(a).copied())
                .collect();
            anchors.extend(self.binder_anchors(def.body));
            for (t, _) in anchors {
                if let TensorRef::Def(e) = t {
                    stack.push(e);
                }
            }
            for (lo, hi) in self.bounds_in(self.defs[d.index()].body) {
                for e in [lo, hi] {
                    stack.extend(self.reads(e));
                }
            }
        }
        self.order
            .iter()
            .copied()
            .filter(|d| need[d.index()])
            .collect()
    }

    /// The definitions an expression reads directly.
    pub fn reads(&self, e: ExprId) -> Vec<DefId> {
        let mut out = Vec::new();
        for x in self.pool.dag_nodes(e) {
            if let Node::Elem(TensorRef::Def(d), _) = self.pool.node(x)
                && !out.contains(d)
            {
                out.push(*d);
            }
        }
        out
    }

    /// The anchors of the binders in `e` (tensor axes giving extents).
    fn binder_anchors(&self, e: ExprId) -> Vec<(TensorRef, usize)> {
        self.binders_in(e)
            .filter_map(|i| self.pool.index(i).anchor)
            .collect()
    }

    /// The written bounds of the binders in `e`.
    fn bounds_in(&self, e: ExprId) -> Vec<(ExprId, ExprId)> {
        self.binders_in(e)
            .filter_map(|i| self.pool.index(i).bounds)
            .collect()
    }

    fn binders_in(&self, e: ExprId) -> impl Iterator<Item = Ix> + '_ {
        self.pool
            .dag_nodes(e)
            .into_iter()
            .filter_map(|x| match self.pool.node(x) {
                Node::Reduce(_, i, _) => Some(*i),
                _ => None,
            })
    }
}
