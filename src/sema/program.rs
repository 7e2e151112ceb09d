//! The checked program: what semantic analysis hands to every later stage
//! (the interpreter, the einsum front end's caller, the symbolic engine, the
//! JIT).
//!
//! In: built by [`super::check`] from the AST. Out: plain data with every name
//! resolved to an id.
//!
//! Always:
//! - every index variable ([`IndexId`]) has exactly one binding site: a
//!   definition's left side, a bare expression's free index, a `sum`/`prod`
//!   binder, or an implicit summation that semantic analysis made explicit
//!   (Barendregt convention: ids are unique across the whole program, so
//!   rewriting cannot capture);
//! - implicit summation is already explicit: a definition's body has no free
//!   index that is not one of its axes;
//! - a `Reduce` binds one index; `sum_{j,k}` is two nested nodes;
//! - tensor references name an input or an earlier definition, with as many
//!   subscripts as that tensor's rank.
//!
//! Extents are not known here: they depend on the arrays of a call, and are
//! computed by [`super::bind()`].

use crate::diagnostics::Span;
use crate::syntax::token::{Func, ReduceKind};
use num_rational::BigRational;

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// An input tensor: `Program::inputs[id]`.
    InputId
);
id_type!(
    /// A scalar parameter: `Program::params[id]`.
    ParamId
);
id_type!(
    /// An index variable: `Program::indices[id]`.
    IndexId
);
id_type!(
    /// A definition (or bare expression): `Program::defs[id]`.
    DefId
);

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub inputs: Vec<Input>,
    pub params: Vec<Param>,
    pub indices: Vec<IndexVar>,
    pub defs: Vec<Def>,
}

/// A tensor the caller supplies: a name used with subscripts, never defined.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub name: String,
    pub rank: usize,
    /// The first use (for a literal, its name).
    pub span: Span,
    /// `A = [[1,2],[3,4]]`: the value the program gives it; callers never
    /// pass it (`bind` takes its shape from here, evaluation its values).
    pub literal: Option<std::sync::Arc<Literal>>,
}

/// A tensor literal's value: exact entries in row-major order.
#[derive(Clone, Debug, PartialEq)]
pub struct Literal {
    pub shape: Vec<usize>,
    pub values: Vec<BigRational>,
}

/// A scalar the caller supplies: a bare name that is neither defined nor an
/// index in scope.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub span: Span,
}

/// How an index variable came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexRole {
    /// An axis of a definition (`i` in `C[i,k] = ...`) or a free index of a
    /// bare expression.
    Axis,
    /// Bound by a written `sum`/`prod`.
    Bound,
    /// Bound by implicit summation (on the right, not on the left, bound by
    /// nothing).
    Implicit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndexVar {
    /// The name as written (several variables may share it).
    pub name: String,
    /// The binding site (for implicit ones, the first occurrence).
    pub span: Span,
    pub role: IndexRole,
    /// Inclusive bounds as written in `sum_{i=LO}^{HI}`; `None`: the extent is
    /// inferred (0..n-1) from the axes the index subscripts, or `--dim`.
    pub bounds: Option<(Expr, Expr)>,
    /// For an axis only: its extent is that of this tensor's axis, whether or
    /// not the body subscripts with it (the symbolic engine sets it where
    /// simplifying removed the subscript: `dS_dw[k] = 1` still has w's
    /// length, `y[i] = 0 x[i]` still has x's).
    pub extent_of: Option<(TensorRef, usize)>,
}

/// A tensor being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TensorRef {
    Input(InputId),
    Def(DefId),
}

/// What `diff` differentiates with respect to.
#[derive(Clone, Debug, PartialEq)]
pub enum Wrt {
    Param(ParamId),
    /// `w[k]`: an input tensor's element; its indices become free indices of
    /// the derivative.
    Elem(InputId, Vec<IndexId>),
}

/// A definition `NAME = E`, `NAME[i,k] = E`, or a bare expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Def {
    /// `None` for a bare expression.
    pub name: Option<String>,
    /// The whole statement.
    pub span: Span,
    /// The axes, in order; empty for a scalar.
    pub axes: Vec<IndexId>,
    pub body: Expr,
}

impl Def {
    /// Whether a later stage made this definition (`_t3`, `_s0`: names
    /// that start with `_`, which no written name can): it is never shown,
    /// and messages name what it came from instead.
    pub fn is_hidden(&self) -> bool {
        self.name.as_deref().is_some_and(|n| n.starts_with('_'))
    }

    /// The name to show: the defined name or, for a bare expression, its text
    /// position (`_1` for the first statement).
    pub fn display_name(&self, position: usize) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => format!("_{}", position + 1),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An exact constant (`2.5` is 5/2).
    Const(BigRational),
    Param(ParamId),
    /// The value of an earlier scalar definition.
    Scalar(DefId),
    /// An index used as a value: its integer value.
    Index(IndexId),
    /// A tensor element; one index per axis.
    Elem(TensorRef, Vec<IndexId>),
    /// 1 where the two indices are equal, else 0.
    Delta(IndexId, IndexId),
    Neg(Box<Expr>),
    /// n-ary sum, at least two terms.
    Add(Vec<Expr>),
    /// n-ary product, at least two factors.
    Mul(Vec<Expr>),
    Div(Box<Expr>, Box<Expr>),
    Pow(Box<Expr>, Box<Expr>),
    /// A function call with the function's arity of arguments.
    Call(Func, Vec<Expr>),
    /// `sum`/`prod` over one index; its range is the index's.
    Reduce {
        kind: ReduceKind,
        index: IndexId,
        body: Box<Expr>,
    },
    /// `diff(E, x)` / `diff(E, w[k])`.
    Diff {
        expr: Box<Expr>,
        wrt: Wrt,
    },
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// The direct children, in order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Const(_)
            | ExprKind::Param(_)
            | ExprKind::Scalar(_)
            | ExprKind::Index(_)
            | ExprKind::Elem(..)
            | ExprKind::Delta(..) => vec![],
            ExprKind::Neg(a) => vec![a],
            ExprKind::Add(v) | ExprKind::Mul(v) | ExprKind::Call(_, v) => v.iter().collect(),
            ExprKind::Div(a, b) | ExprKind::Pow(a, b) => vec![a, b],
            ExprKind::Reduce { body, .. } => vec![body],
            ExprKind::Diff { expr, .. } => vec![expr],
        }
    }

    /// Calls `f` on this node and every node below it, parents first.
    pub fn walk(&self, f: &mut impl FnMut(&Expr)) {
        f(self);
        for c in self.children() {
            c.walk(f);
        }
    }
}

impl Program {
    pub fn input(&self, id: InputId) -> &Input {
        &self.inputs[id.index()]
    }
    pub fn param(&self, id: ParamId) -> &Param {
        &self.params[id.index()]
    }
    pub fn index_var(&self, id: IndexId) -> &IndexVar {
        &self.indices[id.index()]
    }
    pub fn def(&self, id: DefId) -> &Def {
        &self.defs[id.index()]
    }

    /// The tensor axis a message should name for `axis` of `t`: for a
    /// hidden definition, the visible tensor axis its extent comes from
    /// (followed through hidden definitions), else `t`'s own.
    pub fn visible_axis(&self, mut t: TensorRef, mut axis: usize) -> (TensorRef, usize) {
        for _ in 0..self.defs.len() {
            let TensorRef::Def(d) = t else { break };
            let def = self.def(d);
            if !def.is_hidden() {
                break;
            }
            match def
                .axes
                .get(axis)
                .and_then(|&a| self.index_var(a).extent_of)
            {
                Some((u, b)) => (t, axis) = (u, b),
                None => break,
            }
        }
        (t, axis)
    }

    /// The name of a tensor reference.
    pub fn tensor_name(&self, t: TensorRef) -> String {
        match t {
            TensorRef::Input(i) => self.input(i).name.clone(),
            TensorRef::Def(d) => self.def(d).display_name(d.index()),
        }
    }

    /// The rank of a tensor reference.
    pub fn tensor_rank(&self, t: TensorRef) -> usize {
        match t {
            TensorRef::Input(i) => self.input(i).rank,
            TensorRef::Def(d) => self.def(d).axes.len(),
        }
    }

    pub fn input_by_name(&self, name: &str) -> Option<InputId> {
        self.inputs
            .iter()
            .position(|i| i.name == name)
            .map(|p| InputId(p as u32))
    }

    pub fn param_by_name(&self, name: &str) -> Option<ParamId> {
        self.params
            .iter()
            .position(|p| p.name == name)
            .map(|p| ParamId(p as u32))
    }

    /// Whether any definition holds a `diff(...)`.
    pub fn has_diff(&self) -> bool {
        let mut found = false;
        for d in &self.defs {
            d.body.walk(&mut |e| {
                found |= matches!(e.kind, ExprKind::Diff { .. });
            });
        }
        found
    }

    pub fn def_by_name(&self, name: &str) -> Option<DefId> {
        self.defs
            .iter()
            .position(|d| d.name.as_deref() == Some(name))
            .map(|p| DefId(p as u32))
    }
}
