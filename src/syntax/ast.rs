//! The abstract syntax tree, as the grammar builds it.
//!
//! In: the grammar's reductions. Out: a [`Program`] of statements whose every
//! node carries the [`Span`] of the text it came from.
//!
//! Always: sums and products of terms are n-ary (`a + b - c` is one `Add`
//! node), so only real nesting (parentheses, powers, unary minus, binders,
//! calls) makes the tree deep; dropping a tree never recurses, so a tree of
//! any depth can be dropped safely. Names are not resolved here.

pub use super::token::{Func, ReduceKind};
use crate::diagnostics::Span;

/// A name with its place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, PartialEq)]
pub struct Program {
    pub stmts: Vec<Stmt>,
}

#[derive(Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, PartialEq)]
pub enum StmtKind {
    /// `NAME = E` (no indices) or `NAME[i,k] = E`.
    Def {
        name: Ident,
        indices: Vec<Ident>,
        rhs: Expr,
    },
    /// A bare expression whose value is printed.
    Expr(Expr),
    /// `A = [[1,2],[3,4]]`: a tensor literal (the left side should be a
    /// name; the checker says so otherwise).
    Literal { lhs: Expr, value: Lit },
    /// `LHS = RHS` where LHS is neither a name nor an element with index
    /// subscripts: an equation, for `ricci solve`.
    Equation { lhs: Expr, rhs: Expr },
}

/// A tensor literal's nesting: a bracketed list, or one entry.
#[derive(Debug, PartialEq)]
pub enum Lit {
    List(Vec<Lit>, Span),
    Item(Expr),
}

impl Drop for Lit {
    fn drop(&mut self) {
        let Lit::List(items, _) = self else { return };
        let mut stack = std::mem::take(items);
        while let Some(mut l) = stack.pop() {
            if let Lit::List(inner, _) = &mut l {
                stack.append(inner);
            }
        }
    }
}

impl Lit {
    /// Bracket nesting depth (an entry is 0), computed without recursion.
    pub fn depth(&self) -> usize {
        let mut max = 0;
        let mut stack = vec![(self, 0usize)];
        while let Some((l, d)) = stack.pop() {
            max = max.max(d);
            if let Lit::List(items, _) = l {
                stack.extend(items.iter().map(|i| (i, d + 1)));
            }
        }
        max
    }

    pub fn span(&self) -> Span {
        match self {
            Lit::List(_, s) => *s,
            Lit::Item(e) => e.span,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Plus,
    Minus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MulOp {
    Mul,
    Div,
}

/// One bound index of a `sum`/`prod`, with optional inclusive bounds.
#[derive(Debug, PartialEq)]
pub struct Binder {
    pub index: Ident,
    pub bounds: Option<(Expr, Expr)>,
}

#[derive(Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, PartialEq)]
pub enum ExprKind {
    /// A numeric literal, as written (`2.5`, `1e-3`, `.5`).
    Num(String),
    /// A bare name: a scalar parameter, a scalar definition or an index value.
    Name(Ident),
    /// `A[i,j]`.
    Element {
        tensor: Ident,
        indices: Vec<Ident>,
    },
    /// `delta[i,j]` (the grammar accepts any count; the checker wants two).
    Delta(Vec<Ident>),
    /// `exp(x)`, `max(a, b)` (arity checked later).
    Call(Func, Vec<Expr>),
    /// `diff(E, x)` or `diff(E, w[k])`.
    Diff(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    /// Terms with their signs; the first sign is `Plus` unless written.
    Add(Vec<(Sign, Expr)>),
    /// Factors with how each joins the ones before it; the first is `Mul`.
    Mul(Vec<(MulOp, Expr)>),
    Pow(Box<Expr>, Box<Expr>),
    /// `sum_j E`, `sum_{j,k} E`, `prod_{i=1}^{N} E`.
    Reduce {
        kind: ReduceKind,
        binders: Vec<Binder>,
        body: Box<Expr>,
    },
    /// A placeholder left behind while a tree is being dropped.
    Hole,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// Moves the direct children of this node into `out`, leaving it a leaf.
    fn take_children(&mut self, out: &mut Vec<Expr>) {
        match std::mem::replace(&mut self.kind, ExprKind::Hole) {
            ExprKind::Num(_)
            | ExprKind::Name(_)
            | ExprKind::Element { .. }
            | ExprKind::Delta(_)
            | ExprKind::Hole => {}
            ExprKind::Call(_, args) => out.extend(args),
            ExprKind::Diff(a, b) | ExprKind::Pow(a, b) => {
                out.push(*a);
                out.push(*b);
            }
            ExprKind::Neg(a) => out.push(*a),
            ExprKind::Add(terms) => out.extend(terms.into_iter().map(|(_, e)| e)),
            ExprKind::Mul(factors) => out.extend(factors.into_iter().map(|(_, e)| e)),
            ExprKind::Reduce { binders, body, .. } => {
                out.push(*body);
                for b in binders {
                    if let Some((lo, hi)) = b.bounds {
                        out.push(lo);
                        out.push(hi);
                    }
                }
            }
        }
    }

    /// The direct children, in source order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Num(_)
            | ExprKind::Name(_)
            | ExprKind::Element { .. }
            | ExprKind::Delta(_)
            | ExprKind::Hole => vec![],
            ExprKind::Call(_, args) => args.iter().collect(),
            ExprKind::Diff(a, b) | ExprKind::Pow(a, b) => vec![a, b],
            ExprKind::Neg(a) => vec![a],
            ExprKind::Add(terms) => terms.iter().map(|(_, e)| e).collect(),
            ExprKind::Mul(factors) => factors.iter().map(|(_, e)| e).collect(),
            ExprKind::Reduce { binders, body, .. } => {
                let mut v: Vec<&Expr> = Vec::new();
                for b in binders {
                    if let Some((lo, hi)) = &b.bounds {
                        v.push(lo);
                        v.push(hi);
                    }
                }
                v.push(body);
                v
            }
        }
    }

    /// Nesting depth (a leaf is 1), computed without recursion.
    pub fn depth(&self) -> usize {
        let mut max = 0;
        let mut stack = vec![(self, 1usize)];
        while let Some((e, d)) = stack.pop() {
            max = max.max(d);
            for c in e.children() {
                stack.push((c, d + 1));
            }
        }
        max
    }
}

impl Drop for Expr {
    fn drop(&mut self) {
        let mut stack = Vec::new();
        self.take_children(&mut stack);
        while let Some(mut e) = stack.pop() {
            e.take_children(&mut stack);
        }
    }
}

/// Helpers the grammar calls to build n-ary nodes.
pub mod build {
    use super::*;

    /// `a (+|-) b`, flattening into `a` when it already is a sum.
    pub fn add(mut a: Expr, sign: Sign, b: Expr) -> Expr {
        let span = a.span.to(b.span);
        if let ExprKind::Add(terms) = &mut a.kind {
            terms.push((sign, b));
            a.span = span;
            return a;
        }
        Expr::new(ExprKind::Add(vec![(Sign::Plus, a), (sign, b)]), span)
    }

    /// `a (*|/|juxtaposed) b`, flattening into `a` when it already is a product.
    pub fn mul(mut a: Expr, op: MulOp, b: Expr) -> Expr {
        let span = a.span.to(b.span);
        if let ExprKind::Mul(factors) = &mut a.kind {
            factors.push((op, b));
            a.span = span;
            return a;
        }
        Expr::new(ExprKind::Mul(vec![(MulOp::Mul, a), (op, b)]), span)
    }

    /// The same expression, spanning `l..r` (its parentheses included).
    /// `LHS = RHS`: a definition when LHS is a name or an element whose
    /// subscripts are all index names, else an equation.
    pub fn assign(lhs: Expr, rhs: Expr, span: Span) -> Stmt {
        let kind = match lhs.kind {
            ExprKind::Name(ref name) => StmtKind::Def {
                name: name.clone(),
                indices: vec![],
                rhs,
            },
            ExprKind::Element {
                ref tensor,
                ref indices,
            } if indices.iter().all(|i| !is_constant_subscript(&i.name)) => StmtKind::Def {
                name: tensor.clone(),
                indices: indices.clone(),
                rhs,
            },
            _ => StmtKind::Equation { lhs, rhs },
        };
        Stmt { kind, span }
    }

    pub fn respan(mut e: Expr, l: usize, r: usize) -> Expr {
        e.span = Span::new(l, r);
        e
    }

    pub fn ident(name: &str, l: usize, r: usize) -> Ident {
        Ident {
            name: name.to_string(),
            span: Span::new(l, r),
        }
    }
}

/// A compact, fully parenthesised S-expression form, for snapshots and
/// debugging: `(+ a (* 2 x))`, `(sum [j] (* A[i,j] B[j,k]))`.
pub fn sexpr(e: &Expr) -> String {
    let mut out = String::new();
    write_sexpr(e, &mut out);
    out
}

fn write_sexpr(e: &Expr, out: &mut String) {
    let join = |ids: &[Ident]| {
        ids.iter()
            .map(|i| i.name.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    match &e.kind {
        ExprKind::Num(n) => out.push_str(n),
        ExprKind::Name(i) => out.push_str(&i.name),
        ExprKind::Element { tensor, indices } => {
            out.push_str(&format!("{}[{}]", tensor.name, join(indices)))
        }
        ExprKind::Delta(ix) => out.push_str(&format!("delta[{}]", join(ix))),
        ExprKind::Hole => out.push('_'),
        ExprKind::Call(f, args) => {
            out.push('(');
            out.push_str(f.name());
            for a in args {
                out.push(' ');
                write_sexpr(a, out);
            }
            out.push(')');
        }
        ExprKind::Diff(a, b) => {
            out.push_str("(diff ");
            write_sexpr(a, out);
            out.push(' ');
            write_sexpr(b, out);
            out.push(')');
        }
        ExprKind::Neg(a) => {
            out.push_str("(neg ");
            write_sexpr(a, out);
            out.push(')');
        }
        ExprKind::Pow(a, b) => {
            out.push_str("(^ ");
            write_sexpr(a, out);
            out.push(' ');
            write_sexpr(b, out);
            out.push(')');
        }
        ExprKind::Add(terms) => {
            out.push_str("(+");
            for (s, t) in terms {
                out.push_str(if *s == Sign::Minus { " -" } else { " " });
                write_sexpr(t, out);
            }
            out.push(')');
        }
        ExprKind::Mul(factors) => {
            out.push_str("(*");
            for (op, f) in factors {
                out.push_str(if *op == MulOp::Div { " /" } else { " " });
                write_sexpr(f, out);
            }
            out.push(')');
        }
        ExprKind::Reduce {
            kind,
            binders,
            body,
        } => {
            out.push_str(match kind {
                ReduceKind::Sum => "(sum [",
                ReduceKind::Prod => "(prod [",
            });
            for (n, b) in binders.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push_str(&b.index.name);
                if let Some((lo, hi)) = &b.bounds {
                    out.push('=');
                    write_sexpr(lo, out);
                    out.push_str("..");
                    write_sexpr(hi, out);
                }
            }
            out.push_str("] ");
            write_sexpr(body, out);
            out.push(')');
        }
    }
}

/// The S-expression form of a whole program, one statement a line.
pub fn sexpr_program(p: &Program) -> String {
    p.stmts
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Def { name, indices, rhs } if indices.is_empty() => {
                format!("{} = {}", name.name, sexpr(rhs))
            }
            StmtKind::Def { name, indices, rhs } => format!(
                "{}[{}] = {}",
                name.name,
                indices
                    .iter()
                    .map(|i| i.name.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                sexpr(rhs)
            ),
            StmtKind::Expr(e) => sexpr(e),
            StmtKind::Literal { lhs, value } => format!("{} = {}", sexpr(lhs), sexpr_lit(value)),
            StmtKind::Equation { lhs, rhs } => format!("(= {} {})", sexpr(lhs), sexpr(rhs)),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn sexpr_lit(l: &Lit) -> String {
    match l {
        Lit::Item(e) => sexpr(e),
        Lit::List(items, _) => format!(
            "[{}]",
            items.iter().map(sexpr_lit).collect::<Vec<_>>().join(" ")
        ),
    }
}

/// Whether a subscript as the lexer gives it is a number (`A[0,1]`): the
/// grammar keeps it as an [`Ident`] whose name starts with a digit, which
/// no index name can.
pub fn is_constant_subscript(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_digit())
}
