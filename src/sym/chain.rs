//! Derivatives through a program's definitions: reverse mode, symbolically.
//!
//! In: an expression `e` in the context of a [`SymProgram`] (it may read
//! earlier definitions), and a target (a parameter or an input's element
//! `w[k]`). Out: `de/dtarget`, simplified, with the forward definitions it
//! needs referred to by name rather than inlined.
//!
//! How: every definition D between the target and `e` gets an adjoint
//! `de/dD[a]`, accumulated from the definitions that read D, last first
//! (`de/dD[a] = sum_b de/dE[b] dE[b]/dD[a]`). An adjoint that holds a sum is
//! materialised as a derived definition (`dL_dh[j] = ...`) placed before the
//! statement being differentiated, so each layer of a deep composition costs
//! one definition: the gradient grows linearly with depth and runs in about
//! the time of the forward pass. Where a partial derivative contains a
//! definition's own body (`tanh(u)` in `d tanh(u)`), it is replaced by the
//! definition's value (`1 - h[i]^2`).
//!
//! Always: the result's free indices are `e`'s plus the target's; derived
//! definitions read only earlier definitions and inputs.

use super::compact::Relations;
use super::defs::{SymDef, SymProgram};
use super::diff::{Var, diff};
use super::gather::gather;
use super::pool::{ExprId, Ix, Node};
use super::simplify::{simplify, subscripts};
use crate::diagnostics::{Diagnostic, Span};
use crate::sema::{DefId, InputId, ParamId, TensorRef};
use crate::syntax::token::ReduceKind;
use rustc_hash::FxHashMap as HashMap;

/// What a derivative is taken with respect to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Param(ParamId),
    Elem(InputId, Vec<Ix>),
}

impl Target {
    fn var(&self) -> Var {
        match self {
            Target::Param(p) => Var::Param(*p),
            Target::Elem(t, ks) => Var::Elem(TensorRef::Input(*t), ks.clone()),
        }
    }

    fn name(&self, sp: &SymProgram) -> String {
        match self {
            Target::Param(p) => sp.params[p.index()].name.clone(),
            Target::Elem(t, _) => sp.inputs[t.index()].name.clone(),
        }
    }
}

/// `de/dtarget` for `e` appearing in definition `current`.
pub fn derive(
    sp: &mut SymProgram,
    e: ExprId,
    target: &Target,
    current: DefId,
    span: Span,
) -> Result<ExprId, Diagnostic> {
    let var = target.var();
    let pos = sp
        .order
        .iter()
        .position(|&d| d == current)
        .unwrap_or(sp.order.len());
    let before: Vec<DefId> = sp.order[..pos].to_vec();

    // Which earlier definitions depend on the target, and which of those
    // `e` reaches.
    let mut depends: HashMap<DefId, bool> = HashMap::default();
    let mut memo = HashMap::default();
    for &d in &before {
        let body = sp.defs[d.index()].body;
        let direct = match &var {
            Var::Param(p) => sp.pool.uses_param(body, *p, &mut memo),
            Var::Elem(t, _) => sp.pool.reads(body, *t, &mut memo),
        };
        let via = sp
            .reads(body)
            .iter()
            .any(|r| depends.get(r).copied().unwrap_or(false));
        depends.insert(d, direct || via);
    }
    let reached = reached_from(sp, e);
    let relevant: Vec<DefId> = before
        .iter()
        .copied()
        .filter(|d| depends.get(d).copied().unwrap_or(false) && reached.contains(d))
        .collect();

    let of = match sp.pool.node(e) {
        Node::Elem(TensorRef::Def(d), _) => sp.def_name(*d).to_string(),
        _ => sp.def_name(current).to_string(),
    };
    let free_e: Vec<Ix> = sp.pool.free(e).to_vec();

    let rels = Relations::of(sp, &before);
    let mut adj: HashMap<DefId, ExprId> = HashMap::default();
    for &d in &relevant {
        if sp.reads(e).contains(&d) {
            let axes = sp.defs[d.index()].axes.clone();
            let p = diff(&mut sp.pool, e, &Var::Elem(TensorRef::Def(d), axes));
            accumulate(sp, &mut adj, d, p);
        }
    }
    let mut result_terms = vec![diff(&mut sp.pool, e, &var)];
    for &d in relevant.iter().rev() {
        let Some(&a) = adj.get(&d) else { continue };
        let mut a = simplify(&mut sp.pool, a);
        if sp.pool.is_zero(a) {
            continue;
        }
        let def = sp.defs[d.index()].clone();
        if sp.pool.has_reduce(a) {
            // Materialised: written with the definitions first.
            a = rels.compact(&mut sp.pool, a);
            let mut axes = free_e.clone();
            axes.extend(def.axes.iter().copied());
            // A statement has at most `MAX_INDICES` axes: a wider adjoint
            // stays inline (its printed definition would not read back).
            if axes.len() <= crate::sema::MAX_INDICES
                && axes.iter().all(|&x| subscripts(&sp.pool, a, x))
            {
                let base = format!("d{}_d{}", of, sp.def_name(d));
                let name = sp.unique_name(&base);
                let id = sp.insert_def(
                    SymDef {
                        name: Some(name),
                        axes: axes.clone(),
                        body: a,
                        span,
                        derived: true,
                    },
                    current,
                );
                a = sp.pool.elem(TensorRef::Def(id), axes);
            }
        }
        let this = sp.pool.elem(TensorRef::Def(d), def.axes.clone());
        for r in sp.reads(def.body) {
            if !relevant.contains(&r) {
                continue;
            }
            let r_axes = sp.defs[r.index()].axes.clone();
            let p = diff(
                &mut sp.pool,
                def.body,
                &Var::Elem(TensorRef::Def(r), r_axes),
            );
            let p = sp.pool.replace(p, def.body, this);
            let c = contract(sp, a, p, d, &def.axes);
            accumulate(sp, &mut adj, r, c);
        }
        let p = diff(&mut sp.pool, def.body, &var);
        let p = sp.pool.replace(p, def.body, this);
        let c = contract(sp, a, p, d, &def.axes);
        result_terms.push(c);
        if sp.pool.too_big() {
            return Err(too_big(span));
        }
    }
    let r = sp.pool.add(result_terms);
    let r = simplify(&mut sp.pool, r);
    if sp.pool.too_big() {
        return Err(too_big(span));
    }
    let r = rels.compact(&mut sp.pool, r);
    let base = format!("d{}_d{}", of, target.name(sp));
    let r = gather(sp, r, current, span, &base);
    if sp.pool.too_big() {
        return Err(too_big(span));
    }
    Ok(r)
}

fn too_big(span: Span) -> Diagnostic {
    Diagnostic::at(
        "this derivative grew too large to simplify (over 4 million nodes)",
        span,
    )
    .with_note("split the expression into smaller named definitions")
}

fn accumulate(sp: &mut SymProgram, adj: &mut HashMap<DefId, ExprId>, d: DefId, x: ExprId) {
    let new = match adj.get(&d) {
        Some(&old) => sp.pool.add2(old, x),
        None => x,
    };
    adj.insert(d, new);
}

/// `sum_{axes} a p` over the axes of definition `d`, simplified. Each sum
/// is anchored at its axis of `d` (so it keeps `d`'s extent, and is never
/// mistaken for a sum over another definition's axis, whatever their names
/// and whatever `--dim` says).
fn contract(sp: &mut SymProgram, a: ExprId, p: ExprId, d: DefId, axes: &[Ix]) -> ExprId {
    let mut body = sp.pool.mul2(a, p);
    for (pos, &x) in axes.iter().enumerate().rev() {
        if sp.pool.index(x).anchor.is_none() {
            sp.pool.set_anchor(x, Some((TensorRef::Def(d), pos)));
        }
        body = sp.pool.reduce(ReduceKind::Sum, x, body);
    }
    simplify(&mut sp.pool, body)
}

/// Every definition `e` reads, directly or through other definitions.
fn reached_from(sp: &SymProgram, e: ExprId) -> Vec<DefId> {
    let mut out: Vec<DefId> = Vec::new();
    let mut stack = sp.reads(e);
    while let Some(d) = stack.pop() {
        if out.contains(&d) {
            continue;
        }
        out.push(d);
        stack.extend(sp.reads(sp.defs[d.index()].body));
    }
    out
}

/// Adds `d<of>_d<target>[axes..., k...] = de/dtarget` for definition `of`
/// at the end of the program; returns the new definition.
pub fn add_derivative(
    sp: &mut SymProgram,
    of: DefId,
    target: &Target,
    span: Span,
) -> Result<DefId, Diagnostic> {
    let def = sp.defs[of.index()].clone();
    // The derivative's own axes: copies of the definition's, then the
    // target's indices.
    let mut axes = sp.own_axes(&def.axes);
    let e = sp.pool.elem(TensorRef::Def(of), axes.clone());
    let base = format!("d{}_d{}", sp.def_name(of), target.name(sp));
    let name = sp.unique_name(&base);
    // A placeholder statement at the end, so derived adjoints go before it.
    let zero = sp.pool.zero();
    if let Target::Elem(t, ks) = target {
        for (axis, &k) in ks.iter().enumerate() {
            sp.extent_of.insert(k, (TensorRef::Input(*t), axis));
        }
        axes.extend(ks.iter().copied());
    }
    let id = DefId(sp.defs.len() as u32);
    sp.defs.push(SymDef {
        name: Some(name.clone()),
        axes,
        body: zero,
        span,
        derived: true,
    });
    sp.pool.names.defs.push(name);
    sp.order.push(id);
    let body = derive(sp, e, target, id, span)?;
    sp.defs[id.index()].body = body;
    Ok(id)
}
