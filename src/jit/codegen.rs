//! Cranelift translation: the loop IR ([`ir::Func`]) to one native
//! function that computes every definition of the program.
//!
//! In: the IR (after every pass), the element type, and the layout of the
//! call's tables. Out: one function per block, `f(ptrs, strides, ranges,
//! params)`, defined in the given JIT module, where `ptrs[t]` is the data pointer of
//! tensor `t` (inputs, then definitions), `strides` the strides of every
//! tensor in elements (at [`Layout::stride_at`]), `ranges[2 id]`/`ranges[2
//! id + 1]` the start and length of index `id`, and `params` the scalar
//! parameters as f64.
//!
//! Always: this module translates the IR statement by statement and
//! decides nothing itself: loops, lets, reductions (with their lanes),
//! stores and updates are emitted where the IR has them. It reads and
//! writes only at `ptr + sum(subscript * stride)` for index values inside
//! the ranges it is given; the caller proves those in bounds
//! (`sema::bind`, restated on the IR by `loops::verify`) before it runs.
//! Arithmetic: `max`/`min` propagate NaN, `sign(0) = 0`, `sq` is `x x`,
//! exp/log/tanh/sin/cos/pow are `vmath`'s inline code (within 2 ulp of
//! the Rust functions the interpreter uses, special values exact).
//! In a loop with no loop inside, every access that moves with the loop's
//! index is reached through a pointer bumped each trip, not recomputed.
//! Strides the IR's layout class knows (unit: +1 element, zero) are
//! constants in the code; the caller runs code only on arrays of its class.

mod vector;

use super::vmath_kernel::MathFn;
use super::{gemm_call, vmath_outline};
use crate::loops::ir::{self, Access, Expr, IndexId, Op, Stmt};
use crate::runtime::values::DType;
use crate::syntax::token::{Func, ReduceKind};
use cranelift::codegen::ir::{FuncRef, MemFlagsData, UserFuncName};
use cranelift::prelude::*;
use cranelift_jit::JITModule;
use cranelift_module::{FuncId, Linkage, Module};
use std::collections::HashMap;

/// Where each tensor's strides sit in the stride table.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Per tensor (inputs, then definitions): offset into the stride table.
    pub stride_at: Vec<usize>,
    pub ranks: Vec<usize>,
    pub n_strides: usize,
    pub n_inputs: usize,
}

impl Layout {
    pub fn new(ranks: Vec<usize>, n_inputs: usize) -> Layout {
        let mut stride_at = Vec::with_capacity(ranks.len());
        let mut n = 0;
        for r in &ranks {
            stride_at.push(n);
            n += r;
        }
        Layout {
            stride_at,
            ranks,
            n_strides: n,
            n_inputs,
        }
    }
}

/// Defines one function per block of the program in `module`
/// (`{name}_{k}` for block k, each of the signature above, computing only
/// that block); returns their ids, in block order.
pub fn translate(
    module: &mut JITModule,
    func: &ir::Func,
    dtype: DType,
    layout: &Layout,
    name: &str,
) -> Result<Vec<FuncId>, String> {
    let gemm_id = gemm_call::declare(module)?;
    // Cranelift's contexts keep their buffers (the register allocator's
    // among them) between functions; each thread keeps one pair for all
    // the kernels it compiles, instead of allocating them per kernel.
    let (mut ctx, mut fctx) = CONTEXTS
        .with(|c| c.borrow_mut().take())
        .unwrap_or_else(|| (module.make_context(), FunctionBuilderContext::new()));
    module.clear_context(&mut ctx);
    let r = translate_blocks(
        module, &mut ctx, &mut fctx, func, dtype, layout, name, gemm_id,
    );
    module.clear_context(&mut ctx);
    CONTEXTS.with(|c| *c.borrow_mut() = Some((ctx, fctx)));
    r
}

thread_local! {
    /// This thread's Cranelift contexts, between two `translate` calls.
    static CONTEXTS: std::cell::RefCell<Option<(codegen::Context, FunctionBuilderContext)>> =
        const { std::cell::RefCell::new(None) };
}

/// `translate`'s loop over blocks, with the contexts it is given.
#[allow(clippy::too_many_arguments)]
fn translate_blocks(
    module: &mut JITModule,
    ctx: &mut codegen::Context,
    fctx: &mut FunctionBuilderContext,
    func: &ir::Func,
    dtype: DType,
    layout: &Layout,
    name: &str,
    gemm_id: FuncId,
) -> Result<Vec<FuncId>, String> {
    let mut ids = Vec::with_capacity(func.blocks.len());
    for (k, block) in func.blocks.iter().enumerate() {
        let ptr = module.target_config().pointer_type();
        let mut sig = module.make_signature();
        for _ in 0..4 {
            sig.params.push(AbiParam::new(ptr));
        }
        let id = module
            .declare_function(&format!("{name}_{k}"), Linkage::Local, &sig)
            .map_err(|e| e.to_string())?;
        ctx.func.signature = sig;
        ctx.func.name = UserFuncName::user(0, id.as_u32());
        translate_block(module, ctx, fctx, func, block, dtype, layout, gemm_id)?;
        let disasm = std::env::var_os("RICCI_DISASM").is_some();
        if std::env::var_os("RICCI_CLIF").is_some() {
            eprintln!("{}", ctx.func.display());
        }
        ctx.set_disasm(disasm);
        module
            .define_function(id, ctx)
            .map_err(|e| format!("{e:?}"))?;
        if std::env::var_os("RICCI_CLIF_OPT").is_some() {
            eprintln!("{}", ctx.func.display());
        }
        if disasm && let Some(code) = ctx.compiled_code() {
            eprintln!("{}", code.vcode.as_deref().unwrap_or(""));
        }
        module.clear_context(ctx);
        ids.push(id);
    }
    Ok(ids)
}

/// One block's function body, into `ctx.func` (whose signature is set).
#[allow(clippy::too_many_arguments)]
fn translate_block(
    module: &mut JITModule,
    ctx: &mut cranelift::codegen::Context,
    fctx: &mut FunctionBuilderContext,
    func: &ir::Func,
    block: &ir::Block,
    dtype: DType,
    layout: &Layout,
    gemm_id: FuncId,
) -> Result<(), String> {
    let ptr = module.target_config().pointer_type();
    let ty = match dtype {
        DType::F64 => types::F64,
        DType::F32 => types::F32,
    };
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let args: Vec<Value> = b.block_params(entry).to_vec();
    let (ptrs_p, strides_p, ranges_p, params_p) = (args[0], args[1], args[2], args[3]);
    let flags = MemFlagsData::trusted();
    // Only the tensors this block touches are loaded from the tables (the
    // others get a placeholder 0 that no access reads).
    let used = block_tensors(block);
    let zero = b.ins().iconst(types::I64, 0);
    let mut ptrs = Vec::with_capacity(layout.ranks.len());
    let mut strides = Vec::with_capacity(layout.ranks.len());
    for (t, &rank) in layout.ranks.iter().enumerate() {
        if !used.contains(&t) {
            ptrs.push(zero);
            strides.push(vec![zero; rank]);
            continue;
        }
        ptrs.push(b.ins().load(ptr, flags, ptrs_p, (8 * t) as i32));
        let base = layout.stride_at[t];
        let s: Vec<Value> = (0..rank)
            .map(|a| {
                b.ins()
                    .load(types::I64, flags, strides_p, (8 * (base + a)) as i32)
            })
            .collect();
        strides.push(s);
    }
    let es = match dtype {
        DType::F64 => 8,
        DType::F32 => 4,
    };
    // Strides in bytes, once; constants where the layout class knows
    // them (a unit stride is +1 element, a zero stride 0).
    let strides = strides
        .into_iter()
        .enumerate()
        .map(|(t, s)| {
            s.into_iter()
                .enumerate()
                .map(|(a, v)| match func.layout.stride(t, a) {
                    _ if !used.contains(&t) => zero,
                    ir::Stride::Unit => b.ins().iconst(types::I64, es),
                    ir::Stride::Zero => zero,
                    ir::Stride::Far => b.ins().imul_imm_s(v, es),
                })
                .collect()
        })
        .collect();
    let gemm_fn = module.declare_func_in_func(gemm_id, b.func);
    let mut t = Translator {
        b,
        ty,
        ptrs,
        strides,
        ranges: ranges_p,
        params: params_p,
        vars: HashMap::new(),
        lets: HashMap::new(),
        accs: HashMap::new(),
        gemm_fn,
        bumped: HashMap::new(),
        lane: 0,
        vec: None,
        fma: host_has_fma(module),
        per_element: false,
    };
    t.list(&block.body)?;
    t.b.ins().return_(&[]);
    t.b.finalize(module.target_config());
    Ok(())
}

/// The tensors a block reads or writes.
fn block_tensors(block: &ir::Block) -> std::collections::BTreeSet<ir::TensorId> {
    let mut used = std::collections::BTreeSet::new();
    used.extend(block.defs.iter().map(|d| d.tensor));
    for s in &block.body {
        s.walk(&mut |s| {
            if let Stmt::Store { dst, .. } | Stmt::Update { dst, .. } = s {
                used.insert(dst.tensor);
            }
            if let Stmt::Gemm(g) = s {
                used.extend([g.c.tensor, g.a.tensor, g.b.tensor]);
            }
            for e in s.exprs() {
                e.walk(&mut |x| {
                    if let Expr::Load(a) = x {
                        used.insert(a.tensor);
                    }
                });
            }
        });
    }
    used
}

struct Translator<'f> {
    b: FunctionBuilder<'f>,
    ty: Type,
    ptrs: Vec<Value>,
    /// Per tensor, per axis: the stride in bytes.
    strides: Vec<Vec<Value>>,
    ranges: Value,
    params: Value,
    vars: HashMap<IndexId, Variable>,
    lets: HashMap<u32, Value>,
    accs: HashMap<u32, Value>,
    /// The host function of GEMM nodes.
    gemm_fn: FuncRef,
    /// Inside a loop with no loop inside: the accesses that move with its
    /// index, each with a pointer bumped every trip and its step in bytes.
    bumped: HashMap<*const Access, (Variable, Value)>,
    /// The element offset being emitted in an unrolled loop (an access's
    /// address is its pointer plus `lane * step`).
    lane: i64,
    /// Inside a `simd` loop: its index and the vector type; values are
    /// then vectors, and accesses that move with the index load and store
    /// whole vectors.
    vec: Option<(IndexId, Type)>,
    /// The host has fused multiply-add: sums of products accumulate with
    /// `fma` (one rounding instead of two, and one instruction).
    fma: bool,
    /// Inside the body of a scalar loop that runs once per element (a
    /// loop or reduction with no loop inside, not a `simd` loop's tail):
    /// scalar exp, log, ... are inlined there, called elsewhere.
    per_element: bool,
}

/// Whether the host's instruction set (as Cranelift sees it) has FMA:
/// read from the ISA's flags once per process (the host does not change).
fn host_has_fma(module: &JITModule) -> bool {
    static FMA: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *FMA.get_or_init(|| {
        (module.isa().isa_flags().iter()).any(|f| f.name == "has_fma" && f.as_bool() == Some(true))
    })
}

/// Whether a statement list holds no loop.
fn flat(body: &[Stmt]) -> bool {
    !body.iter().any(|s| {
        matches!(
            s,
            Stmt::Loop { .. } | Stmt::Reduce { .. } | Stmt::Gemm { .. }
        )
    })
}

/// The accesses of `body` (and `value`) that move with `index`.
fn moving<'a>(body: &'a [Stmt], value: Option<&'a Expr>, index: IndexId) -> Vec<&'a Access> {
    let mut out: Vec<&Access> = Vec::new();
    let mut exprs: Vec<&Expr> = value.into_iter().collect();
    for s in body {
        if let Stmt::Store { dst, .. } | Stmt::Update { dst, .. } = s
            && dst.uses(index)
        {
            out.push(dst);
        }
        exprs.extend(s.exprs());
    }
    for e in exprs {
        e.walk(&mut |x| {
            if let Expr::Load(a) = x
                && a.uses(index)
            {
                out.push(a);
            }
        });
    }
    out
}

impl Translator<'_> {
    fn var(&mut self, i: IndexId) -> Variable {
        if let Some(&v) = self.vars.get(&i) {
            return v;
        }
        let v = self.b.declare_var(types::I64);
        self.vars.insert(i, v);
        v
    }

    /// The start and length of index `i`'s range.
    fn range(&mut self, i: IndexId) -> (Value, Value) {
        let flags = MemFlagsData::trusted();
        let off = (16 * i.index()) as i32;
        let start = self.b.ins().load(types::I64, flags, self.ranges, off);
        let len = self.b.ins().load(types::I64, flags, self.ranges, off + 8);
        (start, len)
    }

    fn list(&mut self, stmts: &[Stmt]) -> Result<(), String> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), String> {
        match s {
            Stmt::Loop {
                index,
                body,
                simd: true,
                ..
            } => self.vector_loop(*index, body)?,
            Stmt::Loop { index, body, .. } => {
                let (start, len) = self.range(*index);
                let walked = if flat(body) {
                    let acc = moving(body, None, *index);
                    self.bump_setup(&acc, *index, start)
                } else {
                    Vec::new()
                };
                let outer = std::mem::replace(&mut self.per_element, flat(body));
                self.main_loop(*index, start, len, 1, &walked, &mut |t| t.list(body))?;
                self.per_element = outer;
                self.unbump(&walked);
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
                let v = if *simd {
                    self.vector_reduce(*op, *index, (*lanes).max(1) as usize, body, value)?
                } else if *lanes > 1 {
                    self.lanes(*op, *index, *lanes as usize, body, value)?
                } else {
                    self.reduce(*op, *index, body, value)?
                };
                self.accs.insert(acc.0, v);
            }
            Stmt::Let { id, value } => {
                let v = self.expr(value)?;
                self.lets.insert(id.0, v);
            }
            Stmt::Store { dst, value } => {
                let v = self.expr(value)?;
                let a = self.address(dst);
                let flags = self.flags_for(dst);
                self.b.ins().store(flags, v, a, 0);
            }
            Stmt::Update { dst, op, value } => {
                let a = self.address(dst);
                let (ty, flags) = (self.type_for(dst), self.flags_for(dst));
                let old = self.b.ins().load(ty, flags, a, 0);
                let n = self.accumulate(*op, old, value)?;
                self.b.ins().store(flags, n, a, 0);
            }
            Stmt::Gemm(g) => self.gemm(g)?,
        }
        Ok(())
    }

    /// A GEMM node: one call of the host function (`gemm_call`).
    fn gemm(&mut self, g: &ir::Gemm) -> Result<(), String> {
        let alpha = self.expr(&g.alpha)?;
        let alpha = if self.ty == types::F32 {
            self.b.ins().fpromote(types::F64, alpha)
        } else {
            alpha
        };
        let mut indices = Vec::new();
        for (i, role) in g.indices() {
            let (start, len) = self.range(i);
            let strides = [&g.c, &g.a, &g.b].map(|x| {
                let axis = x.index.iter().position(|s| s.coef(i) != 0)?;
                Some(self.strides[x.tensor][axis])
            });
            indices.push(gemm_call::IndexArgs {
                role,
                start,
                len,
                strides,
            });
        }
        let ptrs = [&g.c, &g.a, &g.b].map(|x| self.ptrs[x.tensor]);
        let dtype = if self.ty == types::F32 {
            DType::F32
        } else {
            DType::F64
        };
        gemm_call::emit(
            &mut self.b,
            self.gemm_fn,
            dtype,
            g.accumulate,
            alpha,
            ptrs,
            &indices,
        );
        Ok(())
    }

    /// A reduction with one accumulator.
    fn reduce(
        &mut self,
        op: ReduceKind,
        index: IndexId,
        body: &[Stmt],
        value: &Expr,
    ) -> Result<Value, String> {
        let acc = self.b.declare_var(self.ty);
        let init = self.identity(op);
        self.b.def_var(acc, init);
        let (start, len) = self.range(index);
        let walked = if flat(body) {
            let a = moving(body, Some(value), index);
            self.bump_setup(&a, index, start)
        } else {
            Vec::new()
        };
        let outer = std::mem::replace(&mut self.per_element, flat(body));
        self.main_loop(index, start, len, 1, &walked, &mut |t| {
            t.list(body)?;
            let a = t.b.use_var(acc);
            let n = t.accumulate(op, a, value)?;
            t.b.def_var(acc, n);
            Ok(())
        })?;
        self.per_element = outer;
        self.unbump(&walked);
        Ok(self.b.use_var(acc))
    }

    /// A reduction in `n` lanes (its body holds no loop): the main loop
    /// takes `n` terms a trip (term k into lane k mod n), a tail loop adds
    /// the last terms to lane 0 in order, and the lanes combine pairwise
    /// (`(l0 + l1) + (l2 + l3)` for 4).
    fn lanes(
        &mut self,
        op: ReduceKind,
        index: IndexId,
        n: usize,
        body: &[Stmt],
        value: &Expr,
    ) -> Result<Value, String> {
        let init = self.identity(op);
        let accs: Vec<Variable> = (0..n)
            .map(|_| {
                let v = self.b.declare_var(self.ty);
                self.b.def_var(v, init);
                v
            })
            .collect();
        let var = self.var(index);
        let (start, len) = self.range(index);
        let a = moving(body, Some(value), index);
        let walked = self.bump_setup(&a, index, start);
        let outer = std::mem::replace(&mut self.per_element, true);
        let ctr = self.main_loop(index, start, len, n as i64, &walked, &mut |t| {
            let base = t.b.use_var(var);
            for (k, &acc) in accs.iter().enumerate() {
                let ik = t.b.ins().iadd_imm_s(base, k as i64);
                t.b.def_var(var, ik);
                t.lane = k as i64;
                t.list(body)?;
                let a = t.b.use_var(acc);
                let s = t.accumulate(op, a, value)?;
                t.b.def_var(acc, s);
            }
            t.lane = 0;
            Ok(())
        })?;
        self.per_element = outer;
        // The last terms, in order, into lane 0.
        self.tail_loop(index, ctr, start, len, &walked, &mut |t| {
            t.list(body)?;
            let a = t.b.use_var(accs[0]);
            let s = t.accumulate(op, a, value)?;
            t.b.def_var(accs[0], s);
            Ok(())
        })?;
        self.unbump(&walked);
        let l: Vec<Value> = accs.iter().map(|&a| self.b.use_var(a)).collect();
        Ok(vector::tree(&mut self.b, op, l))
    }

    fn identity(&mut self, op: ReduceKind) -> Value {
        self.konst(match op {
            ReduceKind::Sum => 0.0,
            ReduceKind::Prod => 1.0,
        })
    }

    /// The byte offset of subscript `s` along an axis of byte stride
    /// `stride`, leaving out `skip`'s term.
    fn affine(&mut self, s: &ir::Affine, skip: Option<IndexId>) -> Option<Value> {
        let mut off: Option<Value> = None;
        for &(i, c) in &s.terms {
            if Some(i) == skip {
                continue;
            }
            let var = self.var(i);
            let v = self.b.use_var(var);
            let term = if c == 1 {
                v
            } else {
                self.b.ins().imul_imm_s(v, c)
            };
            off = Some(match off {
                None => term,
                Some(o) => self.b.ins().iadd(o, term),
            });
        }
        if s.constant != 0 {
            let k = self.b.ins().iconst(types::I64, s.constant);
            off = Some(match off {
                None => k,
                Some(o) => self.b.ins().iadd(o, k),
            });
        }
        off
    }

    /// The address of an access (through its bumped pointer if it has
    /// one).
    fn address(&mut self, a: &Access) -> Value {
        if let Some((p, step)) = self.bumped.get(&(a as *const Access)).copied() {
            let p = self.b.use_var(p);
            if self.lane == 0 {
                return p;
            }
            let off = self.b.ins().imul_imm_s(step, self.lane);
            return self.b.ins().iadd(p, off);
        }
        self.address_without(a, None)
    }

    /// The address with `skip`'s terms left out.
    fn address_without(&mut self, a: &Access, skip: Option<IndexId>) -> Value {
        let mut addr = self.ptrs[a.tensor];
        for (axis, s) in a.index.iter().enumerate() {
            if let Some(o) = self.affine(s, skip) {
                let bytes = self.b.ins().imul(o, self.strides[a.tensor][axis]);
                addr = self.b.ins().iadd(addr, bytes);
            }
        }
        addr
    }

    /// Pointer bumping: every access gets a pointer at its address for
    /// `index = start`, to be stepped each trip.
    fn bump_setup(
        &mut self,
        accesses: &[&Access],
        index: IndexId,
        start: Value,
    ) -> Vec<(*const Access, Variable, Value)> {
        let mut walked = Vec::new();
        for &a in accesses {
            let fixed = self.address_without(a, Some(index));
            let mut step: Option<Value> = None;
            for (axis, s) in a.index.iter().enumerate() {
                let c = s.coef(index);
                if c != 0 {
                    let st = self.strides[a.tensor][axis];
                    let t = if c == 1 {
                        st
                    } else {
                        self.b.ins().imul_imm_s(st, c)
                    };
                    step = Some(match step {
                        None => t,
                        Some(o) => self.b.ins().iadd(o, t),
                    });
                }
            }
            let step = step.unwrap_or_else(|| self.b.ins().iconst(types::I64, 0));
            let at_start = self.b.ins().imul(start, step);
            let p0 = self.b.ins().iadd(fixed, at_start);
            let p = self.b.declare_var(types::I64);
            self.b.def_var(p, p0);
            self.bumped.insert(a as *const Access, (p, step));
            walked.push((a as *const Access, p, step));
        }
        walked
    }

    /// Steps every bumped pointer `times` steps.
    fn bump(&mut self, walked: &[(*const Access, Variable, Value)], times: i64) {
        for &(_, p, step) in walked {
            let cur = self.b.use_var(p);
            let by = if times == 1 {
                step
            } else {
                self.b.ins().imul_imm_s(step, times)
            };
            let n = self.b.ins().iadd(cur, by);
            self.b.def_var(p, n);
        }
    }

    fn unbump(&mut self, walked: &[(*const Access, Variable, Value)]) {
        for (a, _, _) in walked {
            self.bumped.remove(a);
        }
    }

    fn konst(&mut self, x: f64) -> Value {
        if self.ty == types::F32 {
            self.b.ins().f32const(x as f32)
        } else {
            self.b.ins().f64const(x)
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<Value, String> {
        if self.vec.is_some() {
            return self.vexpr(e);
        }
        let flags = MemFlagsData::trusted();
        Ok(match e {
            Expr::Const(x) => self.konst(*x),
            Expr::Param(p) => {
                let v = self
                    .b
                    .ins()
                    .load(types::F64, flags, self.params, (8 * *p as usize) as i32);
                if self.ty == types::F32 {
                    self.b.ins().fdemote(types::F32, v)
                } else {
                    v
                }
            }
            Expr::Index(i) => {
                let var = self.var(*i);
                let v = self.b.use_var(var);
                self.b.ins().fcvt_from_sint(self.ty, v)
            }
            Expr::Delta(a, c) => {
                let (va, vc) = (self.var(*a), self.var(*c));
                let (x, y) = (self.b.use_var(va), self.b.use_var(vc));
                let eq = self.b.ins().icmp(IntCC::Equal, x, y);
                let one = self.konst(1.0);
                let zero = self.konst(0.0);
                self.b.ins().select(eq, one, zero)
            }
            Expr::Load(a) => {
                let addr = self.address(a);
                self.b.ins().load(self.ty, flags, addr, 0)
            }
            Expr::Let(t) => *self
                .lets
                .get(&t.0)
                .ok_or_else(|| format!("let %t{} used before its definition", t.0))?,
            Expr::Acc(a) => *self
                .accs
                .get(&a.0)
                .ok_or_else(|| format!("accumulator %a{} used before its loop", a.0))?,
            Expr::Op(op, args) => {
                let vs: Vec<Value> = args
                    .iter()
                    .map(|a| self.expr(a))
                    .collect::<Result<_, _>>()?;
                self.apply(*op, &vs)?
            }
        })
    }

    /// An operation on its operands' values: scalars, or vectors inside a
    /// `simd` loop (where `max`, `min` and `sign` run lane by lane).
    fn apply(&mut self, op: Op, vs: &[Value]) -> Result<Value, String> {
        let first = *vs.first().ok_or("an operation without operands")?;
        Ok(match op {
            Op::Neg => self.b.ins().fneg(first),
            Op::Square => self.b.ins().fmul(first, first),
            Op::Add => vs[1..]
                .iter()
                .fold(first, |acc, &x| self.b.ins().fadd(acc, x)),
            Op::Mul => vs[1..]
                .iter()
                .fold(first, |acc, &x| self.b.ins().fmul(acc, x)),
            Op::Div => self.b.ins().fdiv(first, vs[1]),
            Op::Pow => self.math(MathFn::Pow, first, vs[1])?,
            Op::Call(f @ (Func::Max | Func::Min | Func::Sign))
                if self.b.func.dfg.value_type(first).is_vector() =>
            {
                let vty = self.b.func.dfg.value_type(first);
                self.per_lane(vty, vs, &mut |t, x| t.func(f, x))?
            }
            Op::Call(f) => self.func(f, vs)?,
        })
    }

    fn func(&mut self, f: Func, v: &[Value]) -> Result<Value, String> {
        let x = v[0];
        Ok(match f {
            Func::Sqrt => self.b.ins().sqrt(x),
            Func::Abs => self.b.ins().fabs(x),
            Func::Max => self.b.ins().fmax(x, v[1]),
            Func::Min => self.b.ins().fmin(x, v[1]),
            Func::Sign => {
                // 1, -1, NaN for NaN, else +0 (also for -0).
                let zero = self.konst(0.0);
                let one = self.konst(1.0);
                let m1 = self.konst(-1.0);
                let gt = self.b.ins().fcmp(FloatCC::GreaterThan, x, zero);
                let lt = self.b.ins().fcmp(FloatCC::LessThan, x, zero);
                let nan = self.b.ins().fcmp(FloatCC::Unordered, x, x);
                let z = self.b.ins().select(nan, x, zero);
                let neg = self.b.ins().select(lt, m1, z);
                self.b.ins().select(gt, one, neg)
            }
            Func::Exp => self.math(MathFn::Exp, x, x)?,
            Func::Log => self.math(MathFn::Log, x, x)?,
            Func::Tanh => self.math(MathFn::Tanh, x, x)?,
            Func::Sin => self.math(MathFn::Sin, x, x)?,
            Func::Cos => self.math(MathFn::Cos, x, x)?,
        })
    }

    /// `f(x[, y])`: inline on vectors and in per-element scalar loops;
    /// elsewhere (once per row, a `simd` loop's scalar tail) a call of the
    /// process's one compiled copy (`vmath_outline`), which returns the
    /// same bits as the inline code.
    fn math(&mut self, f: MathFn, x: Value, y: Value) -> Result<Value, String> {
        let ty = self.b.func.dfg.value_type(x);
        let dtype = match ty {
            types::F64 if !self.per_element => DType::F64,
            types::F32 if !self.per_element => DType::F32,
            _ => return Ok(vmath_outline::inline(&mut self.b, f, x, y)),
        };
        let addr = vmath_outline::address(f, dtype)?;
        // The kernel's own convention: both it and the outlined function
        // take the ISA's default (`make_signature`).
        let mut sig = Signature::new(self.b.func.signature.call_conv);
        sig.params.push(AbiParam::new(ty));
        sig.params.push(AbiParam::new(ty));
        sig.returns.push(AbiParam::new(ty));
        let sig = self.b.import_signature(sig);
        let a = self.b.ins().iconst(types::I64, addr as i64);
        let call = self.b.ins().call_indirect(sig, a, &[x, y]);
        Ok(self.b.inst_results(call)[0])
    }
}

impl Translator<'_> {
    /// `a + value` or `a value` (`value` a scalar or, in a simd loop, a
    /// vector): a sum of products `a + p q` is one `fma(p, q, a)` on a
    /// host with FMA (an n-ary product's last factor is `q`).
    fn accumulate(&mut self, op: ReduceKind, a: Value, value: &Expr) -> Result<Value, String> {
        if self.fma
            && op == ReduceKind::Sum
            && let Expr::Op(ir::Op::Mul, args) = value
            && args.len() >= 2
        {
            // The factors are translated in place, never cloned: a bumped
            // access is found by its address in the IR.
            let (last, first) = args.split_last().expect("two factors");
            let mut p = self.expr(&first[0])?;
            for f in &first[1..] {
                let x = self.expr(f)?;
                p = self.b.ins().fmul(p, x);
            }
            let q = self.expr(last)?;
            return Ok(self.b.ins().fma(p, q, a));
        }
        let x = self.expr(value)?;
        Ok(combine(&mut self.b, op, a, x))
    }
}

/// `a + x` or `a x`.
fn combine(b: &mut FunctionBuilder, op: ReduceKind, a: Value, x: Value) -> Value {
    match op {
        ReduceKind::Sum => b.ins().fadd(a, x),
        ReduceKind::Prod => b.ins().fmul(a, x),
    }
}
