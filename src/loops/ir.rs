//! The loop IR: what a compiled kernel executes, as plain data with one
//! text form.
//!
//! In: built by [`super::lower`] from a materialised checked program, then
//! transformed by the passes ([`super::order`], [`super::hoist`]). Out:
//! read by the code generator (`jit::codegen`), `--explain` (its
//! [`std::fmt::Display`]), bench's operation count ([`super::cost`]) and
//! the verifier ([`super::verify`]).
//!
//! Shape: a [`Func`] is one [`Block`] per definition, in order; a block is
//! a list of [`Stmt`]: loops over an index (its range is the index's range
//! in the call's binding, `ranges[id]`), register reductions (an
//! accumulator, a loop, a value added per trip; optionally in lanes),
//! lets (a value computed once where it is defined), stores and
//! in-memory updates (`+=`/`*=` into an element), and a GEMM node kept for
//! library kernels. Memory is reached only through [`Access`]: a tensor
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

/// One definition's code.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The tensor it defines.
    pub tensor: TensorId,
    /// Its axes (for the header line).
    pub axes: Vec<IndexId>,
    pub body: Vec<Stmt>,
    /// The axis whose range a call may split among threads (set by
    /// [`super::parallel`]; printed `par i` on the header line).
    pub par: Option<IndexId>,
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
    /// `gemm C[m,n] (+)= A[m,k] B[k,n]` over the ranges of the three
    /// indices: reserved for library kernels (no pass makes it yet; code
    /// generation refuses it).
    Gemm {
        c: Access,
        a: Access,
        b: Access,
        m: IndexId,
        n: IndexId,
        k: IndexId,
        accumulate: bool,
    },
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
            Stmt::Loop { .. } | Stmt::Gemm { .. } => vec![],
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
        let mut ids: Vec<IndexId> = b.axes.clone();
        for s in &b.body {
            s.walk(&mut |s| match s {
                Stmt::Loop { index, .. } | Stmt::Reduce { index, .. } => ids.push(*index),
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
        let t = &self.func.tensors[b.tensor];
        let axes: Vec<String> = b.axes.iter().map(|&a| self.ix(a)).collect();
        let par = b
            .par
            .map(|i| format!(" par {}", self.ix(i)))
            .unwrap_or_default();
        if axes.is_empty() {
            let _ = writeln!(self.out, "\n{}:{par}", t.name);
        } else {
            let _ = writeln!(self.out, "\n{}[{}]:{par}", t.name, axes.join(","));
        }
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
            Stmt::Gemm {
                c,
                a,
                b,
                m,
                n,
                k,
                accumulate,
            } => {
                let op = if *accumulate { "+=" } else { "=" };
                let (c, a, b) = (self.access(c), self.access(a), self.access(b));
                let (m, n, k) = (self.ix(*m), self.ix(*n), self.ix(*k));
                self.line(d, &format!("gemm {c} {op} {a} {b} over {m},{n},{k}"));
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
