//! The verifier: well-formedness of the loop IR, and, for a call's
//! binding, that every access is in bounds.
//!
//! In: an [`ir::Func`](crate::loops::ir::Func) (and for [`in_bounds`] a [`Bound`] of the program
//! it was lowered from). Out: `Ok(())` or the first problem, in words.
//!
//! [`well_formed`] checks: every index a value or access uses is bound by
//! an enclosing loop (a reduction binds its index inside its body and
//! value); every let and accumulator is defined once, before its uses,
//! and used only within the statement list that defines it (and lists
//! nested in it); a laned reduction holds no loop; tensor ids, ranks and
//! parameters exist; stores, updates and GEMM nodes write only the block's
//! own tensor; a GEMM node binds its indices, one role each, and its
//! subscripts are plain indices where their roles say. [`in_bounds`]
//! restates what `sema::bind` proves, on the IR:
//! for each access, every subscript's least and greatest value over the
//! ranges of its indices lies inside the tensor's axis (an access whose
//! indices include an empty range never runs). A GEMM node's three
//! accesses are checked the same way: the library reads and writes
//! exactly the elements they reach over those ranges.

use super::ir::{Access, Block, Expr, Func, Gemm, IndexId, Role, Stmt};
use crate::sema::Bound;
use std::collections::HashSet;

/// Structural checks (no binding needed).
pub fn well_formed(f: &Func) -> Result<(), String> {
    let mut v = Checker {
        f,
        loops: Vec::new(),
        lets: HashSet::new(),
        accs: HashSet::new(),
        defined_lets: HashSet::new(),
        defined_accs: HashSet::new(),
        block: None,
    };
    for b in &f.blocks {
        for d in &b.defs {
            if d.tensor >= f.tensors.len() || f.tensors[d.tensor].input {
                return Err(format!(
                    "block writes tensor {} (not a definition)",
                    d.tensor
                ));
            }
        }
        v.block = Some(b);
        v.list(&b.body)?;
    }
    Ok(())
}

struct Checker<'a> {
    f: &'a Func,
    /// Indices bound by enclosing loops.
    loops: Vec<IndexId>,
    /// Lets and accumulators in scope.
    lets: HashSet<u32>,
    accs: HashSet<u32>,
    /// Every let and accumulator defined so far (each once).
    defined_lets: HashSet<u32>,
    defined_accs: HashSet<u32>,
    /// The block being checked.
    block: Option<&'a Block>,
}

impl Checker<'_> {
    fn list(&mut self, stmts: &[Stmt]) -> Result<(), String> {
        let (lets, accs) = (self.lets.clone(), self.accs.clone());
        for s in stmts {
            self.stmt(s)?;
        }
        self.lets = lets;
        self.accs = accs;
        Ok(())
    }

    fn bind(&mut self, i: IndexId) -> Result<(), String> {
        if i.index() >= self.f.indices.len() {
            return Err(format!("loop over unknown index {}", i.0));
        }
        if self.loops.contains(&i) {
            return Err(format!(
                "index `{}` is bound twice in one nest",
                self.f.indices[i.index()]
            ));
        }
        self.loops.push(i);
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), String> {
        match s {
            Stmt::Loop { index, body, .. } => {
                self.bind(*index)?;
                self.list(body)?;
                self.loops.pop();
            }
            Stmt::Reduce {
                acc,
                index,
                lanes,
                body,
                value,
                ..
            } => {
                if *lanes > 1 {
                    for b in body {
                        let mut nested = false;
                        b.walk(&mut |x| {
                            nested |= matches!(x, Stmt::Loop { .. } | Stmt::Reduce { .. })
                        });
                        if nested {
                            return Err(format!("laned reduction %a{} holds a loop", acc.0));
                        }
                    }
                }
                self.bind(*index)?;
                let (lets, accs) = (self.lets.clone(), self.accs.clone());
                for b in body {
                    self.stmt(b)?;
                }
                self.expr(value)?;
                self.lets = lets;
                self.accs = accs;
                self.loops.pop();
                if !self.defined_accs.insert(acc.0) {
                    return Err(format!("accumulator %a{} is defined twice", acc.0));
                }
                self.accs.insert(acc.0);
            }
            Stmt::Let { id, value } => {
                self.expr(value)?;
                if !self.defined_lets.insert(id.0) {
                    return Err(format!("let %t{} is defined twice", id.0));
                }
                self.lets.insert(id.0);
            }
            Stmt::Store { dst, value } | Stmt::Update { dst, value, .. } => {
                self.expr(value)?;
                self.access(dst)?;
                self.own(dst.tensor)?;
            }
            Stmt::Gemm(g) => self.gemm(g)?,
        }
        Ok(())
    }

    /// A block writes only the tensors it defines.
    fn own(&self, t: usize) -> Result<(), String> {
        match self.block {
            Some(b) if !b.defines(t) => Err(format!(
                "block of `{}` writes `{}`",
                self.f.tensors[b.defs[0].tensor].name, self.f.tensors[t].name
            )),
            _ => Ok(()),
        }
    }

    /// A GEMM node: it binds its own indices, each in one role; its
    /// accesses' subscripts are plain indices of the node, each at most
    /// once per access, present exactly in the tensors its role says; it
    /// writes the block's tensor; alpha reads no index and no memory.
    fn gemm(&mut self, g: &Gemm) -> Result<(), String> {
        let ix = g.indices();
        for &(i, _) in &ix {
            self.bind(i)?;
        }
        let r = self.gemm_shape(g, &ix);
        for _ in &ix {
            self.loops.pop();
        }
        r
    }

    fn gemm_shape(&self, g: &Gemm, ix: &[(IndexId, Role)]) -> Result<(), String> {
        let name = |i: IndexId| self.f.indices.get(i.index()).map_or("?", |s| s.as_str());
        self.own(g.c.tensor)?;
        self.expr(&g.alpha)?;
        let mut plain = true;
        g.alpha.walk(&mut |e| {
            plain &= matches!(e, Expr::Const(_) | Expr::Param(_) | Expr::Op(..));
        });
        if !plain {
            return Err("gemm's alpha reads an index or memory".into());
        }
        for (t, x) in [&g.c, &g.a, &g.b].into_iter().enumerate() {
            self.access(x)?;
            let mut seen: Vec<IndexId> = Vec::new();
            for s in &x.index {
                let [(i, 1)] = s.terms[..] else {
                    return Err("a gemm subscript is not a plain index".into());
                };
                if s.constant != 0 {
                    return Err("a gemm subscript is not a plain index".into());
                }
                if seen.contains(&i) {
                    return Err(format!("gemm subscripts `{}` twice in one access", name(i)));
                }
                seen.push(i);
            }
            for &(i, role) in ix {
                if seen.contains(&i) != Gemm::holds(role, t) {
                    return Err(format!(
                        "gemm index `{}` ({role:?}) is not where its role puts it",
                        name(i)
                    ));
                }
            }
            if let Some(i) = seen.iter().find(|i| !ix.iter().any(|(j, _)| j == *i)) {
                return Err(format!("gemm subscripts `{}`, which has no role", name(*i)));
            }
        }
        Ok(())
    }

    fn index(&self, i: IndexId) -> Result<(), String> {
        if self.loops.contains(&i) {
            Ok(())
        } else {
            let name = self.f.indices.get(i.index()).map_or("?", |s| s.as_str());
            Err(format!("index `{name}` is used outside every loop over it"))
        }
    }

    fn access(&self, a: &Access) -> Result<(), String> {
        let t = self
            .f
            .tensors
            .get(a.tensor)
            .ok_or_else(|| format!("unknown tensor {}", a.tensor))?;
        if t.rank != a.index.len() {
            return Err(format!(
                "`{}` has rank {} but is subscripted with {}",
                t.name,
                t.rank,
                a.index.len()
            ));
        }
        for s in &a.index {
            for (i, _) in &s.terms {
                self.index(*i)?;
            }
        }
        Ok(())
    }

    fn expr(&self, e: &Expr) -> Result<(), String> {
        let mut r = Ok(());
        e.walk(&mut |x| {
            if r.is_err() {
                return;
            }
            r = match x {
                Expr::Index(i) => self.index(*i),
                Expr::Delta(a, b) => self.index(*a).and_then(|_| self.index(*b)),
                Expr::Load(a) => self.access(a),
                Expr::Let(t) if !self.lets.contains(&t.0) => {
                    Err(format!("let %t{} is used where it is not defined", t.0))
                }
                Expr::Acc(a) if !self.accs.contains(&a.0) => Err(format!(
                    "accumulator %a{} is used where it is not defined",
                    a.0
                )),
                Expr::Param(p) if *p as usize >= self.f.params.len() => {
                    Err(format!("unknown parameter {p}"))
                }
                _ => Ok(()),
            };
        });
        r
    }
}

/// Every access of `f` is in bounds for `bound` (a binding of the program
/// `f` was lowered from: inputs, then definitions).
pub fn in_bounds(f: &Func, bound: &Bound) -> Result<(), String> {
    let n_inputs = bound.input_shapes.len();
    let shape = |t: usize| -> Option<&Vec<usize>> {
        if t < n_inputs {
            bound.input_shapes.get(t)
        } else {
            bound.def_shapes.get(t - n_inputs)
        }
    };
    let mut err = Ok(());
    let mut check = |a: &Access| {
        if err.is_err() {
            return;
        }
        let Some(sh) = shape(a.tensor) else {
            err = Err(format!("no shape for tensor {}", a.tensor));
            return;
        };
        if sh.len() != a.index.len() {
            err = Err(format!("`{}`: rank mismatch", f.tensors[a.tensor].name));
            return;
        }
        for (axis, s) in a.index.iter().enumerate() {
            let (mut lo, mut hi) = (s.constant as i128, s.constant as i128);
            for &(i, c) in &s.terms {
                let r = bound.range(i);
                if r.len == 0 {
                    return; // never runs
                }
                let (first, last) = (r.start as i128, r.start as i128 + r.len as i128 - 1);
                let c = c as i128;
                lo += (c * first).min(c * last);
                hi += (c * first).max(c * last);
            }
            if lo < 0 || hi >= sh[axis] as i128 {
                err = Err(format!(
                    "`{}` axis {axis}: subscripts {lo}..={hi} outside 0..{}",
                    f.tensors[a.tensor].name, sh[axis]
                ));
                return;
            }
        }
    };
    for b in &f.blocks {
        for s in &b.body {
            s.walk(&mut |s| {
                match s {
                    Stmt::Store { dst, .. } | Stmt::Update { dst, .. } => check(dst),
                    Stmt::Gemm(g) => {
                        check(&g.c);
                        check(&g.a);
                        check(&g.b);
                    }
                    _ => {}
                }
                for e in s.exprs() {
                    e.walk(&mut |x| {
                        if let Expr::Load(a) = x {
                            check(a);
                        }
                    });
                }
            });
        }
    }
    err
}
