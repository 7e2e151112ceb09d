//! Name resolution, index scoping and implicit summation: AST to [`Program`].
//!
//! In: [`ast::Program`]. Out: the checked [`Program`], or every error found
//! (a bad statement does not stop the others from being checked).
//!
//! Always: each binder, axis and implicitly summed index gets a fresh
//! [`IndexId`]; an inner binder may reuse an outer name without capturing it.
//! Names used but never defined are inputs (with subscripts) or scalar
//! parameters (without); a name must be used the same way everywhere.

use super::literal::parse_literal;
use super::program::*;
use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::syntax::ast::{self, Ident, MulOp, Sign};
use crate::syntax::token::Func;
use num_rational::BigRational;
use num_traits::Zero;
use std::collections::{HashMap, HashSet};

/// Checks a parsed program.
pub fn check(ast: &ast::Program) -> Result<Program, Errors> {
    let mut cx = Checker::new(ast);
    for (pos, stmt) in ast.stmts.iter().enumerate() {
        cx.statement(pos, stmt);
    }
    if cx.errors.is_empty() {
        Ok(cx.program)
    } else {
        Err(Errors(cx.errors))
    }
}

/// How a name not defined by the program is used.
#[derive(Clone, Copy)]
enum InputUse {
    Tensor(InputId),
    Param(ParamId),
}

struct Checker {
    program: Program,
    errors: Vec<Diagnostic>,
    /// Every defined name: its statement position and the name's span.
    def_sites: HashMap<String, (usize, Span)>,
    /// Names defined by statements already checked.
    defined: HashMap<String, DefId>,
    /// Names used as inputs so far.
    inputs: HashMap<String, InputUse>,
    /// Scalar definitions built only from numbers and parameters (usable in
    /// bounds).
    const_defs: HashSet<DefId>,
    /// The statement being checked.
    pos: usize,
    /// Index names in scope, innermost last.
    scope: Vec<(String, IndexId)>,
}

impl Checker {
    fn new(ast: &ast::Program) -> Checker {
        let mut def_sites = HashMap::new();
        for (pos, stmt) in ast.stmts.iter().enumerate() {
            let name = match &stmt.kind {
                ast::StmtKind::Def { name, .. } => name,
                ast::StmtKind::Literal { lhs, .. } => match &lhs.kind {
                    ast::ExprKind::Name(name) => name,
                    _ => continue,
                },
                _ => continue,
            };
            def_sites
                .entry(name.name.clone())
                .or_insert((pos, name.span));
        }
        Checker {
            program: Program {
                inputs: vec![],
                params: vec![],
                indices: vec![],
                defs: vec![],
            },
            errors: vec![],
            def_sites,
            defined: HashMap::new(),
            inputs: HashMap::new(),
            const_defs: HashSet::new(),
            pos: 0,
            scope: vec![],
        }
    }

    fn error(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    fn new_index(
        &mut self,
        ident: &Ident,
        role: IndexRole,
        bounds: Option<(Expr, Expr)>,
    ) -> IndexId {
        let id = IndexId(self.program.indices.len() as u32);
        self.program.indices.push(IndexVar {
            name: ident.name.clone(),
            span: ident.span,
            role,
            bounds,
            extent_of: None,
        });
        id
    }

    fn lookup_index(&self, name: &str) -> Option<IndexId> {
        self.scope
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
    }

    fn statement(&mut self, pos: usize, stmt: &ast::Stmt) {
        self.pos = pos;
        self.scope.clear();
        let (name, lhs, rhs): (Option<&Ident>, &[Ident], &ast::Expr) = match &stmt.kind {
            ast::StmtKind::Def { name, indices, rhs } => (Some(name), indices, rhs),
            ast::StmtKind::Expr(e) => (None, &[], e),
            ast::StmtKind::Literal { lhs, value } => return self.literal(lhs, value),
            ast::StmtKind::Equation { lhs, .. } => {
                self.error(
                    Diagnostic::at(
                        "an equation (`=` between two expressions) is not a definition",
                        lhs.span,
                    )
                    .with_span_label("the left side of a definition is a name or NAME[i,j,...]")
                    .with_note(
                        "solve it with `ricci solve PROGRAM --for NAME`, or write a definition",
                    ),
                );
                return;
            }
        };
        if let Some(name) = name {
            self.check_new_name(name);
        }
        // The axes: the left side's indices, or a bare expression's free ones.
        let mut axes = Vec::new();
        let mut implicit = Vec::new();
        for (k, ix) in lhs.iter().enumerate() {
            if let Some(prev) = lhs[..k].iter().find(|p| p.name == ix.name) {
                self.error(
                    Diagnostic::at(format!("index `{}` appears twice on the left", ix.name), ix.span)
                        .with_label(prev.span, "first here")
                        .with_note("each axis of a definition needs its own index name; use delta[i,j] for a diagonal"),
                );
                continue;
            }
            let id = self.new_index(ix, IndexRole::Axis, None);
            self.scope.push((ix.name.clone(), id));
            axes.push(id);
        }
        let mut free = Vec::new();
        collect_free_subscripts(rhs, &mut Vec::new(), &mut (HashSet::new(), &mut free));
        if free.len() > MAX_INDICES {
            self.error(
                Diagnostic::at(
                    format!(
                        "{} free indices in one statement; at most {MAX_INDICES} are allowed",
                        free.len()
                    ),
                    stmt.span,
                )
                .with_note("split the formula into several definitions"),
            );
            free.truncate(MAX_INDICES);
        }
        for ix in free {
            if lhs.iter().any(|l| l.name == ix.name) {
                continue;
            }
            let role = if name.is_some() {
                IndexRole::Implicit
            } else {
                IndexRole::Axis
            };
            let id = self.new_index(&ix, role, None);
            self.scope.push((ix.name.clone(), id));
            if name.is_some() {
                implicit.push(id);
            } else {
                axes.push(id);
            }
        }
        let mut body = self.expr(rhs);
        for &id in implicit.iter().rev() {
            let span = body.span;
            body = Expr::new(
                ExprKind::Reduce {
                    kind: ast::ReduceKind::Sum,
                    index: id,
                    body: Box::new(body),
                },
                span,
            );
        }
        let id = DefId(self.program.defs.len() as u32);
        if axes.is_empty() && non_constant(&self.const_defs, &body).is_none() {
            self.const_defs.insert(id);
        }
        if let Some(d) = checked_depth_error(&body, stmt.span) {
            self.error(d);
            body = Self::placeholder(body.span);
        }
        for d in super::exact::zero_divisions(&body) {
            self.error(d);
        }
        self.program.defs.push(Def {
            name: name.map(|n| n.name.clone()),
            span: stmt.span,
            axes,
            body,
        });
        if let Some(name) = name {
            self.defined.entry(name.name.clone()).or_insert(id);
        }
    }

    /// `A = [[1,2],[3,4]]`: an input whose value the program gives (see
    /// `super::tensor_literal::tensor`).
    fn literal(&mut self, lhs: &ast::Expr, value: &ast::Lit) {
        let ast::ExprKind::Name(name) = &lhs.kind else {
            self.error(
                Diagnostic::at("a tensor literal defines a name", lhs.span)
                    .with_span_label("write a plain name here")
                    .with_note("write `A = [[1,2],[3,4]]`: the literal's nesting gives the axes"),
            );
            return;
        };
        self.check_new_name(name);
        let lit = match super::tensor_literal::tensor(value, &mut |e| {
            self.scope.clear();
            let c = self.expr(e);
            super::exact::fold_constant(&c)
        }) {
            Ok(l) => l,
            Err(d) => {
                self.error(d);
                return;
            }
        };
        if self.inputs.contains_key(&name.name) || self.defined.contains_key(&name.name) {
            return;
        }
        let t = InputId(self.program.inputs.len() as u32);
        self.program.inputs.push(Input {
            name: name.name.clone(),
            rank: lit.shape.len(),
            span: name.span,
            literal: Some(std::sync::Arc::new(lit)),
        });
        self.inputs.insert(name.name.clone(), InputUse::Tensor(t));
    }

    /// A definition's name must be new: not defined before, not used before.
    fn check_new_name(&mut self, name: &Ident) {
        if let Some(&d) = self.defined.get(&name.name) {
            let first = self.program.def(d).span;
            self.error(
                Diagnostic::at(format!("`{}` is defined twice", name.name), name.span)
                    .with_label(first, "first defined here")
                    .with_note("give the second definition another name"),
            );
        } else if let Some(InputUse::Tensor(t)) = self.inputs.get(&name.name)
            && self.program.input(*t).literal.is_some()
        {
            let first = self.program.input(*t).span;
            self.error(
                Diagnostic::at(format!("`{}` is defined twice", name.name), name.span)
                    .with_label(first, "first defined here")
                    .with_note("give the second definition another name"),
            );
        } else if let Some(u) = self.inputs.get(&name.name) {
            let span = match *u {
                InputUse::Tensor(i) => self.program.input(i).span,
                InputUse::Param(p) => self.program.param(p).span,
            };
            self.error(
                Diagnostic::at(
                    format!("`{}` is used before it is defined", name.name),
                    span,
                )
                .with_label(name.span, "defined here")
                .with_note("move the definition above its first use"),
            );
        }
    }

    /// Reports a use of a name that a later statement defines.
    fn defined_later(&mut self, ident: &Ident) -> bool {
        match self.def_sites.get(&ident.name) {
            Some(&(pos, site)) if pos >= self.pos => {
                let what = if pos == self.pos {
                    "is used in its own definition"
                } else {
                    "is used before it is defined"
                };
                self.error(
                    Diagnostic::at(format!("`{}` {what}", ident.name), ident.span)
                        .with_label(site, "defined here")
                        .with_note(if pos == self.pos {
                            "a definition cannot refer to itself; use another name for the input"
                        } else {
                            "move the definition above its first use"
                        }),
                );
                true
            }
            _ => false,
        }
    }

    fn placeholder(span: Span) -> Expr {
        Expr::new(ExprKind::Const(BigRational::zero()), span)
    }

    fn expr(&mut self, e: &ast::Expr) -> Expr {
        let span = e.span;
        let kind = match &e.kind {
            ast::ExprKind::Hole => return Self::placeholder(span),
            ast::ExprKind::Num(text) => match parse_literal(text) {
                Some(r) => ExprKind::Const(r),
                None => {
                    self.error(
                        Diagnostic::at(format!("the number `{text}` is out of range"), span)
                            .with_note("exponents are limited to ±4000"),
                    );
                    return Self::placeholder(span);
                }
            },
            ast::ExprKind::Name(ident) => return self.name(ident),
            ast::ExprKind::Element { tensor, indices } => {
                let Some(t) = self.tensor_ref(tensor, indices.len(), span) else {
                    return Self::placeholder(span);
                };
                // A number subscript `A[0,1]` is an index bound to that one
                // value: `sum_{p=0}^{0} A[p,...]` (bind checks it in bounds).
                let mut fixed = Vec::new();
                let ix = indices
                    .iter()
                    .map(|i| {
                        if !ast::is_constant_subscript(&i.name) {
                            return self.subscript(i);
                        }
                        let c = match super::literal::parse_literal(&i.name) {
                            Some(c) if c.is_integer() => c,
                            _ => {
                                self.error(
                                    Diagnostic::at(
                                        format!("subscript `{}` is not a whole number", i.name),
                                        i.span,
                                    )
                                    .with_note(
                                        "a subscript is an index name or a whole number from 0",
                                    ),
                                );
                                BigRational::zero()
                            }
                        };
                        let bound = |c: &BigRational| Expr::new(ExprKind::Const(c.clone()), i.span);
                        let id = self.new_index(i, IndexRole::Bound, Some((bound(&c), bound(&c))));
                        fixed.push(id);
                        id
                    })
                    .collect();
                let mut e = Expr::new(ExprKind::Elem(t, ix), span);
                for id in fixed.into_iter().rev() {
                    e = Expr::new(
                        ExprKind::Reduce {
                            kind: ast::ReduceKind::Sum,
                            index: id,
                            body: Box::new(e),
                        },
                        span,
                    );
                }
                return e;
            }
            ast::ExprKind::Delta(ix) => {
                if ix.len() != 2 {
                    self.error(
                        Diagnostic::at(format!("delta takes two indices, not {}", ix.len()), span)
                            .with_note(
                                "write delta[i,j]; multiply deltas for more: delta[i,j] delta[j,k]",
                            ),
                    );
                    return Self::placeholder(span);
                }
                ExprKind::Delta(self.subscript(&ix[0]), self.subscript(&ix[1]))
            }
            ast::ExprKind::Call(f, args) => {
                if args.len() != f.arity() {
                    self.error(Diagnostic::at(
                        format!(
                            "`{}` takes {} argument{}, not {}",
                            f.name(),
                            f.arity(),
                            if f.arity() == 1 { "" } else { "s" },
                            args.len()
                        ),
                        span,
                    ));
                    return Self::placeholder(span);
                }
                ExprKind::Call(*f, args.iter().map(|a| self.expr(a)).collect())
            }
            ast::ExprKind::Diff(of, target) => {
                let of = self.expr(of);
                match self.wrt(target) {
                    Some(wrt) => ExprKind::Diff {
                        expr: Box::new(of),
                        wrt,
                    },
                    None => return Self::placeholder(span),
                }
            }
            ast::ExprKind::Neg(a) => ExprKind::Neg(Box::new(self.expr(a))),
            ast::ExprKind::Add(terms) => ExprKind::Add(
                terms
                    .iter()
                    .map(|(sign, t)| {
                        let t = self.expr(t);
                        match sign {
                            Sign::Plus => t,
                            Sign::Minus => {
                                let s = t.span;
                                Expr::new(ExprKind::Neg(Box::new(t)), s)
                            }
                        }
                    })
                    .collect(),
            ),
            ast::ExprKind::Mul(factors) => {
                if let Some(d) = self.misspelt_call(factors) {
                    self.error(d);
                    return Self::placeholder(span);
                }
                // `a / b * c / d` is `(a c) / (b d)`: one flat division, so
                // long chains do not nest.
                let mut num: Vec<Expr> = Vec::new();
                let mut den: Vec<Expr> = Vec::new();
                for (op, f) in factors {
                    let f = self.expr(f);
                    match op {
                        MulOp::Mul => num.push(f),
                        MulOp::Div => den.push(f),
                    }
                }
                let num = product(num, span);
                if den.is_empty() {
                    return num;
                }
                ExprKind::Div(Box::new(num), Box::new(product(den, span)))
            }
            ast::ExprKind::Pow(a, b) => {
                ExprKind::Pow(Box::new(self.expr(a)), Box::new(self.expr(b)))
            }
            ast::ExprKind::Reduce {
                kind,
                binders,
                body,
            } => return self.reduce(*kind, binders, body, span),
        };
        Expr::new(kind, span)
    }

    /// `exq(x)`: a name that is not defined, not an index and not a tensor,
    /// directly followed by a parenthesised factor, and one edit (or letter
    /// case) away from a function name: surely a misspelt call, not the
    /// product it would parse as.
    fn misspelt_call(&self, factors: &[(MulOp, ast::Expr)]) -> Option<Diagnostic> {
        factors.windows(2).find_map(|w| {
            let [(_, f), (MulOp::Mul, next)] = w else {
                return None;
            };
            let ast::ExprKind::Name(ident) = &f.kind else {
                return None;
            };
            let name = ident.name.as_str();
            if next.span.start != ident.span.end
                || matches!(next.kind, ast::ExprKind::Num(_))
                || self.lookup_index(name).is_some()
                || self.def_sites.contains_key(name)
                || matches!(self.inputs.get(name), Some(InputUse::Tensor(_)))
            {
                return None;
            }
            let meant = similar_function(name)?;
            let all: Vec<&str> = Func::ALL.iter().map(|f| f.name()).collect();
            Some(
                Diagnostic::at(format!("unknown function `{name}`"), ident.span)
                    .with_span_label(format!("did you mean `{meant}`?"))
                    .with_note(format!(
                        "the functions are {}; to multiply by a parameter `{name}`, write \
                         `{name} * (...)` or leave a space: `{name} (...)`",
                        all.join(", ")
                    )),
            )
        })
    }

    fn reduce(
        &mut self,
        kind: ast::ReduceKind,
        binders: &[ast::Binder],
        body: &ast::Expr,
        span: Span,
    ) -> Expr {
        let depth = self.scope.len();
        let mut ids = Vec::new();
        if binders.len() > MAX_INDICES {
            self.error(
                Diagnostic::at(
                    format!(
                        "{} indices bound by one sum or product; at most {MAX_INDICES} are allowed",
                        binders.len()
                    ),
                    span,
                )
                .with_note("split the formula into several definitions"),
            );
            return Self::placeholder(span);
        }
        for (k, b) in binders.iter().enumerate() {
            if let Some(prev) = binders[..k].iter().find(|p| p.index.name == b.index.name) {
                self.error(
                    Diagnostic::at(
                        format!("index `{}` is bound twice", b.index.name),
                        b.index.span,
                    )
                    .with_label(prev.index.span, "first here"),
                );
                continue;
            }
            let bounds = b
                .bounds
                .as_ref()
                .map(|(lo, hi)| (self.bound(lo), self.bound(hi)));
            let id = self.new_index(&b.index, IndexRole::Bound, bounds);
            ids.push(id);
        }
        for &id in &ids {
            let name = self.program.index_var(id).name.clone();
            self.scope.push((name, id));
        }
        let mut body = self.expr(body);
        self.scope.truncate(depth);
        for &id in ids.iter().rev() {
            body = Expr::new(
                ExprKind::Reduce {
                    kind,
                    index: id,
                    body: Box::new(body),
                },
                span,
            );
        }
        body
    }

    /// A bound of `sum_{i=LO}^{HI}`: numbers and scalar parameters only.
    fn bound(&mut self, e: &ast::Expr) -> Expr {
        let mut uses_index = None;
        let mut stack = vec![e];
        while let Some(n) = stack.pop() {
            if let ast::ExprKind::Name(i) = &n.kind
                && self.lookup_index(&i.name).is_some()
            {
                uses_index.get_or_insert(i.clone());
            }
            stack.extend(n.children());
        }
        if let Some(i) = uses_index {
            self.error(
                Diagnostic::at(format!("a bound cannot use the index `{}`", i.name), i.span)
                    .with_note("bounds are fixed for the whole statement: use numbers and scalar parameters"),
            );
            return Self::placeholder(e.span);
        }
        let saved = std::mem::take(&mut self.scope);
        let r = self.expr(e);
        self.scope = saved;
        if let Some(s) = non_constant(&self.const_defs, &r) {
            self.error(
                Diagnostic::at(
                    "a bound of a sum or product must be built from numbers and scalar parameters",
                    s,
                )
                .with_note("write bounds like `sum_{i=1}^{N}` or `sum_{i=0}^{N-1}`"),
            );
            return Self::placeholder(e.span);
        }
        r
    }

    /// An index name used as a subscript: always in scope by construction
    /// (free subscripts were made axes or implicit before resolution).
    fn subscript(&mut self, ix: &Ident) -> IndexId {
        if ast::is_constant_subscript(&ix.name) {
            self.error(
                Diagnostic::at(format!("number subscript `{}` here", ix.name), ix.span).with_note(
                    "only a tensor element takes number subscripts (`A[0,1]`); use an index name",
                ),
            );
        }
        match self.lookup_index(&ix.name) {
            Some(id) => id,
            None => {
                // Only reachable inside a bound, where indices are refused.
                self.new_index(ix, IndexRole::Implicit, None)
            }
        }
    }

    /// A bare name: an index value, a scalar definition or a parameter.
    fn name(&mut self, ident: &Ident) -> Expr {
        let span = ident.span;
        if let Some(id) = self.lookup_index(&ident.name) {
            return Expr::new(ExprKind::Index(id), span);
        }
        if let Some(&d) = self.defined.get(&ident.name) {
            let rank = self.program.def(d).axes.len();
            if rank > 0 {
                self.error(
                    Diagnostic::at(
                        format!(
                            "`{}` is a tensor with {rank} ax{}; it needs subscripts",
                            ident.name,
                            if rank == 1 { "is" } else { "es" }
                        ),
                        span,
                    )
                    .with_label(self.program.def(d).span, "defined here")
                    .with_note(format!(
                        "write {}[{}]",
                        ident.name,
                        index_names(rank)
                    )),
                );
                return Self::placeholder(span);
            }
            return Expr::new(ExprKind::Scalar(d), span);
        }
        if self.defined_later(ident) {
            return Self::placeholder(span);
        }
        match self.inputs.get(&ident.name).copied() {
            Some(InputUse::Param(p)) => Expr::new(ExprKind::Param(p), span),
            Some(InputUse::Tensor(t)) => {
                let input = self.program.input(t).clone();
                self.error(
                    Diagnostic::at(
                        format!(
                            "`{}` is used as a scalar here but as a tensor elsewhere",
                            ident.name
                        ),
                        span,
                    )
                    .with_label(
                        input.span,
                        format!(
                            "used with {} subscript{} here",
                            input.rank,
                            if input.rank == 1 { "" } else { "s" }
                        ),
                    )
                    .with_note(format!(
                        "write {}[{}]",
                        ident.name,
                        index_names(input.rank)
                    )),
                );
                Self::placeholder(span)
            }
            None => {
                let p = ParamId(self.program.params.len() as u32);
                self.program.params.push(Param {
                    name: ident.name.clone(),
                    span,
                });
                self.inputs.insert(ident.name.clone(), InputUse::Param(p));
                Expr::new(ExprKind::Param(p), span)
            }
        }
    }

    /// The tensor `name` read with `rank` subscripts at `span`.
    fn tensor_ref(&mut self, name: &Ident, rank: usize, span: Span) -> Option<TensorRef> {
        if let Some(&d) = self.defined.get(&name.name) {
            let def = self.program.def(d);
            let want = def.axes.len();
            let def_span = def.span;
            if want != rank {
                let msg = if want == 0 {
                    format!("`{}` is a scalar; it takes no subscripts", name.name)
                } else {
                    format!(
                        "`{}` has {want} ax{} but is used with {rank} subscript{}",
                        name.name,
                        if want == 1 { "is" } else { "es" },
                        if rank == 1 { "" } else { "s" }
                    )
                };
                self.error(Diagnostic::at(msg, span).with_label(def_span, "defined here"));
                return None;
            }
            return Some(TensorRef::Def(d));
        }
        if self.defined_later(name) {
            return None;
        }
        match self.inputs.get(&name.name).copied() {
            Some(InputUse::Tensor(t)) => {
                let input = self.program.input(t);
                if input.rank != rank {
                    let (first, first_rank) = (input.span, input.rank);
                    self.error(
                        Diagnostic::at(
                            format!(
                                "`{}` is used with {rank} subscript{} here but {first_rank} elsewhere",
                                name.name,
                                if rank == 1 { "" } else { "s" }
                            ),
                            span,
                        )
                        .with_label(first, format!("{first_rank} here"))
                        .with_note("a tensor has one rank: use the same number of subscripts at every use"),
                    );
                    return None;
                }
                Some(TensorRef::Input(t))
            }
            Some(InputUse::Param(p)) => {
                let first = self.program.param(p).span;
                self.error(
                    Diagnostic::at(
                        format!(
                            "`{}` is used as a tensor here but as a scalar elsewhere",
                            name.name
                        ),
                        span,
                    )
                    .with_label(first, "used without subscripts here"),
                );
                None
            }
            None => {
                let t = InputId(self.program.inputs.len() as u32);
                self.program.inputs.push(Input {
                    name: name.name.clone(),
                    rank,
                    span,
                    literal: None,
                });
                self.inputs.insert(name.name.clone(), InputUse::Tensor(t));
                Some(TensorRef::Input(t))
            }
        }
    }

    /// The second argument of `diff`: a scalar parameter or an input element.
    fn wrt(&mut self, target: &ast::Expr) -> Option<Wrt> {
        let span = target.span;
        match &target.kind {
            ast::ExprKind::Name(ident) => match self.name(ident).kind {
                ExprKind::Param(p) => Some(Wrt::Param(p)),
                ExprKind::Index(_) => {
                    self.error(
                        Diagnostic::at(format!("cannot differentiate with respect to the index `{}`", ident.name), span)
                            .with_note("differentiate with respect to a scalar parameter or a tensor element such as w[k]"),
                    );
                    None
                }
                ExprKind::Scalar(_) => {
                    self.error(
                        Diagnostic::at(format!("cannot differentiate with respect to the definition `{}`", ident.name), span)
                            .with_note("differentiate with respect to an input: a scalar parameter or an element of an input tensor"),
                    );
                    None
                }
                _ => None,
            },
            ast::ExprKind::Element { tensor, indices } => {
                if self.defined.contains_key(&tensor.name) {
                    self.error(
                        Diagnostic::at(
                            format!(
                                "cannot differentiate with respect to the definition `{}`",
                                tensor.name
                            ),
                            span,
                        )
                        .with_note("differentiate with respect to an element of an input tensor"),
                    );
                    return None;
                }
                for (k, ix) in indices.iter().enumerate() {
                    if let Some(prev) = indices[..k].iter().find(|p| p.name == ix.name) {
                        self.error(
                            Diagnostic::at(
                                format!("index `{}` appears twice in the target of diff", ix.name),
                                ix.span,
                            )
                            .with_label(prev.span, "first here")
                            .with_note("use a distinct index per axis, e.g. diff(E, A[a,b])"),
                        );
                        return None;
                    }
                }
                match self.tensor_ref(tensor, indices.len(), span)? {
                    TensorRef::Input(t) => Some(Wrt::Elem(
                        t,
                        indices.iter().map(|i| self.subscript(i)).collect(),
                    )),
                    TensorRef::Def(_) => None,
                }
            }
            _ => {
                self.error(
                    Diagnostic::at(
                        "diff differentiates with respect to a name or a tensor element",
                        span,
                    )
                    .with_note("write diff(E, x) or diff(E, w[k])"),
                );
                None
            }
        }
    }
}

/// The function `name` misspells: letter case or one edit away (names of
/// three letters or more, so a parameter `ab` stays a parameter), or a
/// common other name (`ln`).
fn similar_function(name: &str) -> Option<&'static str> {
    if name == "ln" {
        return Some("log");
    }
    let names = Func::ALL.iter().map(|f| f.name());
    if name.chars().count() < 3 {
        return names.into_iter().find(|f| f.eq_ignore_ascii_case(name));
    }
    crate::diagnostics::suggest::similar(name, names)
}

/// The most indices one statement may leave free, or one binder may bind.
pub const MAX_INDICES: usize = 32;

/// The deepest a checked expression may nest (binders and implicit sums add
/// levels to the parsed tree's).
pub const MAX_CHECKED_DEPTH: usize = 400;

/// An error when `body` nests deeper than [`MAX_CHECKED_DEPTH`].
fn checked_depth_error(body: &Expr, span: Span) -> Option<Diagnostic> {
    let mut max = 0;
    let mut stack = vec![(body, 1usize)];
    while let Some((e, d)) = stack.pop() {
        max = max.max(d);
        stack.extend(e.children().into_iter().map(|c| (c, d + 1)));
    }
    (max > MAX_CHECKED_DEPTH).then(|| {
        Diagnostic::at(
            format!("this formula nests {max} levels deep (counting every bound index); at most {MAX_CHECKED_DEPTH} are allowed"),
            span,
        )
        .with_note("split the formula into several definitions")
    })
}

/// One factor as itself, several as an n-ary product.
fn product(mut factors: Vec<Expr>, span: Span) -> Expr {
    if factors.len() == 1 {
        return factors.remove(0);
    }
    let s = factors
        .iter()
        .map(|f| f.span)
        .reduce(Span::to)
        .unwrap_or(span);
    Expr::new(ExprKind::Mul(factors), s)
}

/// The first part of `e` that is not built from numbers, scalar parameters
/// and scalar definitions that are themselves so built.
fn non_constant(const_defs: &HashSet<DefId>, e: &Expr) -> Option<Span> {
    let mut bad = None;
    e.walk(&mut |n| match n.kind {
        ExprKind::Const(_)
        | ExprKind::Param(_)
        | ExprKind::Neg(_)
        | ExprKind::Add(_)
        | ExprKind::Mul(_)
        | ExprKind::Div(..)
        | ExprKind::Pow(..) => {}
        ExprKind::Scalar(d) if const_defs.contains(&d) => {}
        _ => {
            bad.get_or_insert(n.span);
        }
    });
    bad
}

/// `i,j,k` style placeholder names for a hint.
fn index_names(rank: usize) -> String {
    const NAMES: [&str; 6] = ["i", "j", "k", "l", "m", "n"];
    (0..rank)
        .map(|k| {
            NAMES
                .get(k)
                .map(|s| s.to_string())
                .unwrap_or(format!("i{k}"))
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The free subscripts found so far: their names, and each once in order.
type Free<'a> = (HashSet<String>, &'a mut Vec<Ident>);

/// Subscript names (of tensor elements, deltas and diff targets) not bound by
/// an enclosing `sum`/`prod`, in order of first appearance, first occurrence
/// kept. Linear in the size of `e` (times the binder nesting).
fn collect_free_subscripts(e: &ast::Expr, bound: &mut Vec<String>, out: &mut Free) {
    let note = |ix: &Ident, bound: &Vec<String>, out: &mut Free| {
        if !ast::is_constant_subscript(&ix.name)
            && !bound.contains(&ix.name)
            && out.0.insert(ix.name.clone())
        {
            out.1.push(ix.clone());
        }
    };
    match &e.kind {
        ast::ExprKind::Element { indices, .. } | ast::ExprKind::Delta(indices) => {
            for ix in indices {
                note(ix, bound, out);
            }
        }
        ast::ExprKind::Diff(of, target) => {
            collect_free_subscripts(of, bound, out);
            if let ast::ExprKind::Element { indices, .. } = &target.kind {
                for ix in indices {
                    note(ix, bound, out);
                }
            }
        }
        ast::ExprKind::Reduce { binders, body, .. } => {
            let depth = bound.len();
            bound.extend(binders.iter().map(|b| b.index.name.clone()));
            collect_free_subscripts(body, bound, out);
            bound.truncate(depth);
        }
        _ => {
            for c in e.children() {
                collect_free_subscripts(c, bound, out);
            }
        }
    }
}
