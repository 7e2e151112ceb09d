//! The loop IR: what a compiled kernel executes, as plain data with one
//! text form.
//!
//! In: built by [`super::lower`] from a materialised checked program, then
//! transformed by the passes ([`super::gemm`], [`super::order`],
//! [`super::hoist`]). Out:
//! read by the code generator (`jit::codegen`), `--explain` (its
//! [`std::fmt::Display`]), bench's operation count ([`super::cost`]) and
//! the verifier ([`super::verify`]).
//!
//! Shape: a [`Func`] is one [`Block`] per definition, in order; a block is
//! a list of [`Stmt`]: loops over an index (its range is the index's range
//! in the call's binding, `ranges[id]`), register reductions (an
//! accumulator, a loop, a value added per trip; optionally in lanes),
//! lets (a value computed once where it is defined), stores and
//! in-memory updates (`+=`/`*=` into an element), and GEMM nodes (a whole
//! contraction by a library kernel, made by [`super::gemm`]). Memory is reached only through [`Access`]: a tensor
//! and one affine subscript per axis; the address is `ptr + sum(sub_a *
//! stride_a)`, strides symbolic until a call gives them.
//!
//! Always (checked by [`super::verify`]): every index an expression or
//! access uses is bound by an enclosing loop; a let or accumulator is
//! defined before every use and used only inside the block where it is
//! defined; a loop with lanes holds no loop; every access is in bounds for
//! the call's binding.

pub use crate::sema::IndexId;
use crate::syntax::token::{Func as Fun, ReduceKind};
use std::fmt::{self, Write};

/// A tensor of the kernel: inputs first, then definitions (ids as in
/// `jit::codegen`'s pointer table).
pub type TensorId = usize;

/// A let: a value computed once where it is defined (`%tN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LetId(pub u32);

/// A register accumulator (`%aN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccId(pub u32);

/// The whole kernel.
#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    pub tensors: Vec<Tensor>,
    /// Index names, per `IndexId` (for printing).
    pub indices: Vec<String>,
    pub params: Vec<String>,
    pub blocks: Vec<Block>,
    /// The layout class the loop order was chosen for.
    pub layout: LayoutClass,
    /// The next fresh let and accumulator numbers.
    pub next_let: u32,
    pub next_acc: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tensor {
    pub name: String,
    pub rank: usize,
    pub input: bool,
}

/// How each axis of each tensor is laid out in memory, as far as loop
/// order cares: per tensor, per axis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LayoutClass(pub Vec<Vec<Stride>>);

/// What one step along an axis moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stride {
    /// Not at all (stride 0 on an axis longer than 1: a broadcast view).
    Zero,
    /// One element forward (+1).
    Unit,
    /// Farther.
    Far,
}

impl LayoutClass {
    /// Every tensor row-major (C order): the last axis unit, the others
    /// far.
    pub fn row_major(ranks: &[usize]) -> LayoutClass {
        LayoutClass(
            ranks
                .iter()
                .map(|&r| {
                    (0..r)
                        .map(|a| {
                            if a + 1 == r {
                                Stride::Unit
                            } else {
                                Stride::Far
                            }
                        })
                        .collect()
                })
                .collect(),
        )
    }

    /// The class of one tensor's axes from its shape and strides (in
    /// elements); an axis of length <= 1 counts as it would row-major
    /// (its stride never matters: its subscript is always 0). Code for a
    /// class is valid for every array of that class (a `Unit` axis has
    /// stride +1 or length <= 1, a `Zero` axis stride 0).
    pub fn of_axes(shape: &[usize], strides: &[isize]) -> Vec<Stride> {
        let r = shape.len();
        (0..r)
            .map(|a| {
                if shape[a] <= 1 {
                    if a + 1 == r {
                        Stride::Unit
                    } else {
                        Stride::Far
                    }
                } else {
                    match strides[a] {
                        0 => Stride::Zero,
                        1 => Stride::Unit,
                        _ => Stride::Far,
                    }
                }
            })
            .collect()
    }

    pub fn stride(&self, t: TensorId, axis: usize) -> Stride {
        self.0
            .get(t)
            .and_then(|a| a.get(axis))
            .copied()
            .unwrap_or(Stride::Far)
    }
}

/// The code of one definition, or of several that [`super::fuse`] merged
/// into one sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The definitions it computes, in program order, each with its axes
    /// (for the header line).
    pub defs: Vec<BlockDef>,
    pub body: Vec<Stmt>,
    /// How a call may split it among threads (set by
    /// [`super::parallel`]; printed on the header line).
    pub par: Option<Par>,
}

/// A definition a block computes.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockDef {
    pub tensor: TensorId,
    pub axes: Vec<IndexId>,
}

/// The index a call may split a block's trips over, among threads.
#[derive(Clone, Debug, PartialEq)]
pub struct Par {
    pub index: IndexId,
    /// Empty: `index` is an axis of every element written (printed `par
    /// i`), so pieces write disjoint elements. Otherwise `index` is a sum
    /// (printed `par sum i (L, g)`): each piece computes these tensors as
    /// its partial sums, into its own scratch, and the call adds the
    /// pieces' partials in piece order.
    pub partial: Vec<TensorId>,
}

impl Block {
    /// A block computing one definition.
    pub fn one(tensor: TensorId, axes: Vec<IndexId>, body: Vec<Stmt>) -> Block {
        Block {
            defs: vec![BlockDef { tensor, axes }],
            body,
            par: None,
        }
    }

    /// Whether `t` is one of the tensors the block defines.
    pub fn defines(&self, t: TensorId) -> bool {
        self.defs.iter().any(|d| d.tensor == t)
    }
}

/// What a loop walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopKind {
    /// Over an axis of the definition: every trip writes other elements.
    Space,
    /// Over a reduction index whose terms go to memory (`update`).
    Reduce,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// `for index { body }` over the index's range.
    Loop {
        index: IndexId,
        kind: LoopKind,
        /// Run on 128-bit vectors (2 f64 or 4 f32 trips at a time, then a
        /// scalar tail): set by [`super::simd`] on innermost loops whose
        /// moving accesses are all unit-stride.
        simd: bool,
        body: Vec<Stmt>,
    },
    /// `%aN = sum index [lanes L] { body; yield value }`: an accumulator
    /// started at the identity, `value` added (or multiplied) each trip.
    /// With `lanes` > 1 the loop is unrolled that many times, trip k into
    /// lane k mod lanes, the rest into lane 0, and the lanes combined as
    /// a balanced tree at the end. With `simd`, each lane is a 128-bit
    /// vector (`W` = 2 f64 or 4 f32 elements): a trip takes `lanes * W`
    /// terms, term k of a trip into vector lane k / W, element k mod W;
    /// the leftover terms go, in order, into a scalar; at the end the
    /// vectors combine as a balanced tree, then their elements (again a
    /// balanced tree), then the scalar is added.
    Reduce {
        acc: AccId,
        op: ReduceKind,
        index: IndexId,
        lanes: u8,
        simd: bool,
        body: Vec<Stmt>,
        value: Expr,
    },
    /// `%tN = value`.
    Let { id: LetId, value: Expr },
    /// `store dst = value`.
    Store { dst: Access, value: Expr },
    /// `update dst += value` (or `*=`): read, combine, write back.
    Update {
        dst: Access,
        op: ReduceKind,
        value: Expr,
    },
    /// `gemm C (+)= alpha A B`: a whole contraction by a library kernel
    /// ([`Gemm`]).
    Gemm(Box<Gemm>),
}

/// What an index does in a [`Gemm`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// In C, A and B: one matrix product per value.
    Batch,
    /// In C and A only: rows of A and C.
    M,
    /// In C and B only: columns of B and C.
    N,
    /// In A and B only: summed over.
    K,
}

/// `C[..] (+)= alpha sum_k A[..] B[..]` over the ranges of its indices,
/// by a library GEMM (`jit::gemm_call`): for every batch index value,
/// C's (m, n) matrix gets `alpha A B` with A's (m, k) and B's (k, n)
/// matrices; several indices in one role form one dimension (merged at
/// run time when their strides allow, else looped over). Every subscript
/// of `c`, `a` and `b` is a plain index, each index at most once per
/// access, and an index appears exactly in the tensors its role says.
/// The node binds all its indices itself (nothing loops around it).
#[derive(Clone, Debug, PartialEq)]
pub struct Gemm {
    pub c: Access,
    pub a: Access,
    pub b: Access,
    pub batch: Vec<IndexId>,
    pub m: Vec<IndexId>,
    pub n: Vec<IndexId>,
    pub k: Vec<IndexId>,
    /// The factor of the product: numbers and parameters only.
    pub alpha: Expr,
    /// `+=` (C keeps its values) instead of `=`.
    pub accumulate: bool,
}

impl Gemm {
    /// Every index with its role: batch, m, n, then k.
    pub fn indices(&self) -> Vec<(IndexId, Role)> {
        let mut out = Vec::new();
        for (ix, r) in [
            (&self.batch, Role::Batch),
            (&self.m, Role::M),
            (&self.n, Role::N),
            (&self.k, Role::K),
        ] {
            out.extend(ix.iter().map(|&i| (i, r)));
        }
        out
    }

    /// Whether a tensor of the node (0: C, 1: A, 2: B) holds an index of
    /// `role`.
    pub fn holds(role: Role, tensor: usize) -> bool {
        matches!(
            (role, tensor),
            (Role::Batch, _) | (Role::M, 0 | 1) | (Role::N, 0 | 2) | (Role::K, 1 | 2)
        )
    }
}

/// One affine subscript: `sum(coef * index) + constant`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Affine {
    pub terms: Vec<(IndexId, i64)>,
    pub constant: i64,
}

impl Affine {
    pub fn index(i: IndexId) -> Affine {
        Affine {
            terms: vec![(i, 1)],
            constant: 0,
        }
    }

    /// Whether the subscript moves with `i`.
    pub fn uses(&self, i: IndexId) -> bool {
        self.coef(i) != 0
    }

    /// The coefficient of `i` (0 if it does not appear).
    pub fn coef(&self, i: IndexId) -> i64 {
        self.terms
            .iter()
            .filter(|(j, _)| *j == i)
            .map(|(_, c)| c)
            .sum()
    }
}

/// A tensor element: the tensor and one subscript per axis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Access {
    pub tensor: TensorId,
    pub index: Vec<Affine>,
}

impl Access {
    pub fn uses(&self, i: IndexId) -> bool {
        self.index.iter().any(|a| a.coef(i) != 0)
    }
}

/// Operations on values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    Neg,
    /// `x x` (a power 2).
    Square,
    /// n-ary, folded left to right.
    Add,
    /// n-ary, folded left to right.
    Mul,
    Div,
    Pow,
    Call(Fun),
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Neg => "neg",
            Op::Square => "sq",
            Op::Add => "add",
            Op::Mul => "mul",
            Op::Div => "div",
            Op::Pow => "pow",
            Op::Call(f) => f.name(),
        }
    }
}

/// A value (a tree; shared values are lets).
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A number (exact in the program, rounded to f64 here, then to the
    /// element type).
    Const(f64),
    /// A scalar parameter (passed as f64).
    Param(u32),
    /// An index's value.
    Index(IndexId),
    /// 1 where the two indices are equal, else 0.
    Delta(IndexId, IndexId),
    Load(Access),
    Let(LetId),
    /// An accumulator's final value (after its `Reduce`).
    Acc(AccId),
    Op(Op, Vec<Expr>),
}

impl Expr {
    /// Calls `f` on every node, parents first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        if let Expr::Op(_, args) = self {
            for a in args {
                a.walk(f);
            }
        }
    }

    /// Whether this value reads index `i` (directly, not through lets).
    pub fn uses_index(&self, i: IndexId) -> bool {
        let mut found = false;
        self.walk(&mut |e| {
            found |= match e {
                Expr::Index(j) => *j == i,
                Expr::Delta(a, b) => *a == i || *b == i,
                Expr::Load(a) => a.uses(i),
                _ => false,
            }
        });
        found
    }
}

/// The space loops that nest `body` one inside the other (each the only
/// statement of its parent), outermost first, and what the innermost
/// holds: the axes of a perfect nest and its core.
pub fn space_axes(body: &[Stmt]) -> (Vec<IndexId>, &[Stmt]) {
    let mut axes = Vec::new();
    let mut cur = body;
    while let [
        Stmt::Loop {
            index,
            kind: LoopKind::Space,
            body,
            ..
        },
    ] = cur
    {
        axes.push(*index);
        cur = body;
    }
    (axes, cur)
}

impl Stmt {
    /// Calls `f` on every statement, parents first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Stmt)) {
        f(self);
        match self {
            Stmt::Loop { body, .. } | Stmt::Reduce { body, .. } => {
                for s in body {
                    s.walk(f);
                }
            }
            _ => {}
        }
    }

    /// The values this statement itself computes (not its body's).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            Stmt::Loop { .. } => vec![],
            Stmt::Gemm(g) => vec![&g.alpha],
            Stmt::Reduce { value, .. }
            | Stmt::Let { value, .. }
            | Stmt::Store { value, .. }
            | Stmt::Update { value, .. } => vec![value],
        }
    }
}

// ---------------------------------------------------------------- printer

/// The text form. Stable: the same IR always prints the same text.
impl fmt::Display for Func {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut p = Printer {
            func: self,
            out: String::new(),
            names: Vec::new(),
        };
        p.header();
        for b in &self.blocks {
            p.block(b);
        }
        f.write_str(&p.out)
    }
}

struct Printer<'a> {
    func: &'a Func,
    out: String,
    /// Per index id: the name to show in the current block.
    names: Vec<String>,
}

impl Printer<'_> {
    fn header(&mut self) {
        let f = self.func;
        for (t, x) in f.tensors.iter().enumerate() {
            if !x.input {
                continue;
            }
            let lay: Vec<&str> = (0..x.rank)
                .map(|a| match f.layout.stride(t, a) {
                    Stride::Zero => "0",
                    Stride::Unit => "1",
                    Stride::Far => "s",
                })
                .collect();
            let _ = writeln!(self.out, "input {}[{}]", x.name, lay.join(","));
        }
        for p in &f.params {
            let _ = writeln!(self.out, "param {p}");
        }
    }

    fn block(&mut self, b: &Block) {
        // Names: an index name shared by several ids in one block gets
        // `#2`, `#3` on the later ones.
        self.names = self.func.indices.clone();
        let mut ids: Vec<IndexId> = b.defs.iter().flat_map(|d| d.axes.clone()).collect();
        for s in &b.body {
            s.walk(&mut |s| match s {
                Stmt::Loop { index, .. } | Stmt::Reduce { index, .. } => ids.push(*index),
                Stmt::Gemm(g) => ids.extend(g.indices().into_iter().map(|(i, _)| i)),
                _ => {}
            });
        }
        let mut seen: Vec<(IndexId, String)> = Vec::new();
        for i in ids {
            if seen.iter().any(|(j, _)| *j == i) {
                continue;
            }
            let base = self.func.indices[i.index()].clone();
            let n = seen.iter().filter(|(_, b)| *b == base).count();
            if n > 0 {
                self.names[i.index()] = format!("{base}#{}", n + 1);
            }
            seen.push((i, base));
        }
        let defs: Vec<String> = (b.defs.iter())
            .map(|d| {
                let name = &self.func.tensors[d.tensor].name;
                let axes: Vec<String> = d.axes.iter().map(|&a| self.ix(a)).collect();
                if axes.is_empty() {
                    name.clone()
                } else {
                    format!("{name}[{}]", axes.join(","))
                }
            })
            .collect();
        let par = match &b.par {
            None => String::new(),
            Some(p) if p.partial.is_empty() => format!(" par {}", self.ix(p.index)),
            Some(p) => {
                let names: Vec<&str> = (p.partial.iter())
                    .map(|&t| self.func.tensors[t].name.as_str())
                    .collect();
                format!(" par sum {} ({})", self.ix(p.index), names.join(", "))
            }
        };
        let _ = writeln!(self.out, "\n{}:{par}", defs.join(", "));
        for s in &b.body {
            self.stmt(s, 1);
        }
    }

    fn ix(&self, i: IndexId) -> String {
        self.names
            .get(i.index())
            .cloned()
            .unwrap_or_else(|| format!("?{}", i.0))
    }

    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth));
    }

    fn stmt(&mut self, s: &Stmt, d: usize) {
        match s {
            Stmt::Loop {
                index,
                kind,
                simd,
                body,
            } => {
                let k = match kind {
                    LoopKind::Space => "",
                    LoopKind::Reduce => " reduce",
                };
                let v = if *simd { " simd" } else { "" };
                let i = self.ix(*index);
                self.line(d, &format!("for {i}{k}{v} {{"));
                for s in body {
                    self.stmt(s, d + 1);
                }
                self.line(d, "}");
            }
            Stmt::Reduce {
                acc,
                op,
                index,
                lanes,
                simd,
                body,
                value,
            } => {
                let o = match op {
                    ReduceKind::Sum => "sum",
                    ReduceKind::Prod => "prod",
                };
                let mut l = if *lanes > 1 {
                    format!(" lanes {lanes}")
                } else {
                    String::new()
                };
                if *simd {
                    l.push_str(" simd");
                }
                let i = self.ix(*index);
                self.line(d, &format!("%a{} = {o} {i}{l} {{", acc.0));
                for s in body {
                    self.stmt(s, d + 1);
                }
                let v = self.expr(value);
                self.line(d + 1, &format!("yield {v}"));
                self.line(d, "}");
            }
            Stmt::Let { id, value } => {
                let v = self.expr(value);
                self.line(d, &format!("%t{} = {v}", id.0));
            }
            Stmt::Store { dst, value } => {
                let (a, v) = (self.access(dst), self.expr(value));
                self.line(d, &format!("store {a} = {v}"));
            }
            Stmt::Update { dst, op, value } => {
                let o = match op {
                    ReduceKind::Sum => "+=",
                    ReduceKind::Prod => "*=",
                };
                let (a, v) = (self.access(dst), self.expr(value));
                self.line(d, &format!("update {a} {o} {v}"));
            }
            Stmt::Gemm(g) => {
                let op = if g.accumulate { "+=" } else { "=" };
                let (c, a, b) = (self.access(&g.c), self.access(&g.a), self.access(&g.b));
                let alpha = match &g.alpha {
                    Expr::Const(x) if *x == 1.0 => String::new(),
                    e => format!("{} * ", self.expr(e)),
                };
                let mut over = Vec::new();
                for (name, ix) in [("batch", &g.batch), ("m", &g.m), ("n", &g.n), ("k", &g.k)] {
                    if name == "batch" && ix.is_empty() {
                        continue;
                    }
                    let v: Vec<String> = ix.iter().map(|&i| self.ix(i)).collect();
                    over.push(format!("{name}=[{}]", v.join(",")));
                }
                let over = over.join(" ");
                self.line(d, &format!("gemm {c} {op} {alpha}{a} {b} over {over}"));
            }
        }
    }

    fn access(&self, a: &Access) -> String {
        if a.index.is_empty() {
            return self.func.tensors[a.tensor].name.clone();
        }
        let subs: Vec<String> = a.index.iter().map(|x| self.affine(x)).collect();
        format!("{}[{}]", self.func.tensors[a.tensor].name, subs.join(","))
    }

    fn affine(&self, a: &Affine) -> String {
        let mut s = String::new();
        for (i, c) in &a.terms {
            let name = self.ix(*i);
            match (*c, s.is_empty()) {
                (1, true) => s.push_str(&name),
                (1, false) => s.push_str(&format!("+{name}")),
                (-1, _) => s.push_str(&format!("-{name}")),
                (c, true) => s.push_str(&format!("{c}*{name}")),
                (c, false) if c > 0 => s.push_str(&format!("+{c}*{name}")),
                (c, false) => s.push_str(&format!("{c}*{name}")),
            }
        }
        if a.constant != 0 || s.is_empty() {
            if a.constant >= 0 && !s.is_empty() {
                s.push('+');
            }
            s.push_str(&a.constant.to_string());
        }
        s
    }

    fn expr(&self, e: &Expr) -> String {
        match e {
            Expr::Const(x) => format!("{x:?}"),
            Expr::Param(p) => format!("${}", self.func.params[*p as usize]),
            Expr::Index(i) => format!("idx({})", self.ix(*i)),
            Expr::Delta(a, b) => format!("delta({},{})", self.ix(*a), self.ix(*b)),
            Expr::Load(a) => self.access(a),
            Expr::Let(t) => format!("%t{}", t.0),
            Expr::Acc(a) => format!("%a{}", a.0),
            Expr::Op(op, args) => {
                let a: Vec<String> = args.iter().map(|x| self.expr(x)).collect();
                format!("{}({})", op.name(), a.join(", "))
            }
        }
    }
}
