//! Cranelift translation: a [`Plan`] to one native function that computes
//! every definition of the program.
//!
//! In: the plan, the element type, and the layout of the call's tables.
//! Out: a function `f(ptrs, strides, ranges, params)` defined in the given
//! JIT module, where `ptrs[t]` is the data pointer of tensor `t` (inputs,
//! then definitions), `strides` the strides of every tensor in elements
//! (at [`Layout::stride_at`]), `ranges[2 id]`/`ranges[2 id + 1]` the start
//! and length of index `id`, and `params` the scalar parameters as f64.
//!
//! Always: the code reads and writes only at `ptr + sum(index * stride)`
//! for index values inside the ranges it is given; the caller proves those
//! in bounds (`sema::bind`) before it runs. Arithmetic follows the
//! interpreter exactly: the same operations in the same order, one
//! accumulator per sum or product, started at 0 or 1, `max`/`min`
//! propagating NaN, `sign(0) = 0`, `^` as `powf` (but `x^2` as `x x`, which
//! is the same correctly rounded value), exp/log/tanh/sin/cos/pow calling the
//! same Rust functions the interpreter uses. In an innermost (laned)
//! reduction, every element read along the loop's index is reached through
//! a pointer bumped each trip, not recomputed from the index.

use super::host;
use crate::loops::Plan;
use crate::runtime::values::DType;
use crate::sema::{Expr, ExprKind, IndexId, TensorRef};
use crate::syntax::token::{Func, ReduceKind};
use cranelift::codegen::ir::{FuncRef, MemFlagsData, UserFuncName};
use cranelift::prelude::*;
use cranelift_jit::JITModule;
use cranelift_module::{FuncId, Linkage, Module};
use num_traits::ToPrimitive;
use std::collections::HashMap;

/// Where each tensor's strides sit in the stride table.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Per tensor (inputs, then definitions): offset into the stride table.
    pub stride_at: Vec<usize>,
    pub ranks: Vec<usize>,
    pub n_strides: usize,
    pub n_inputs: usize,
    /// Definitions computed as row reductions (`Plan::row_reduction`), each
    /// with a scratch buffer of `LANES` rows at pointer slot
    /// `ranks.len() + position`.
    pub rows: Vec<usize>,
}

impl Layout {
    pub fn new(ranks: Vec<usize>, n_inputs: usize, rows: Vec<usize>) -> Layout {
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
            rows,
        }
    }

    pub fn tensor(&self, t: TensorRef) -> usize {
        match t {
            TensorRef::Input(i) => i.index(),
            TensorRef::Def(d) => self.n_inputs + d.index(),
        }
    }
}

/// Defines the program's function in `module`; returns its id.
pub fn translate(
    module: &mut JITModule,
    plan: &Plan,
    dtype: DType,
    layout: &Layout,
    name: &str,
) -> Result<FuncId, String> {
    let ptr = module.target_config().pointer_type();
    let ty = match dtype {
        DType::F64 => types::F64,
        DType::F32 => types::F32,
    };
    let mut sig = module.make_signature();
    for _ in 0..4 {
        sig.params.push(AbiParam::new(ptr));
    }
    let id = module
        .declare_function(name, Linkage::Local, &sig)
        .map_err(|e| e.to_string())?;
    let host_ids = host::declare(module, dtype)?;

    let mut ctx = module.make_context();
    ctx.func.signature = sig;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    let mut fctx = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        b.seal_block(entry);
        let args: Vec<Value> = b.block_params(entry).to_vec();
        let (ptrs_p, strides_p, ranges_p, params_p) = (args[0], args[1], args[2], args[3]);
        let flags = MemFlagsData::trusted();
        let mut ptrs = Vec::with_capacity(layout.ranks.len());
        let mut strides = Vec::with_capacity(layout.ranks.len());
        for (t, &rank) in layout.ranks.iter().enumerate() {
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
        for r in 0..layout.rows.len() {
            let slot = layout.ranks.len() + r;
            ptrs.push(b.ins().load(ptr, flags, ptrs_p, (8 * slot) as i32));
        }
        let funcs: HashMap<host::Fn, FuncRef> = host_ids
            .into_iter()
            .map(|(f, fid)| (f, module.declare_func_in_func(fid, b.func)))
            .collect();
        let mut t = Translator {
            b,
            plan,
            ty,
            es: match dtype {
                DType::F64 => 8,
                DType::F32 => 4,
            },
            layout,
            ptrs,
            strides,
            ranges: ranges_p,
            params: params_p,
            vars: HashMap::new(),
            cache: HashMap::new(),
            funcs,
            bumped: HashMap::new(),
            lane: 0,
        };
        for (d, def) in plan.program.defs.iter().enumerate() {
            t.cache.clear();
            t.nest(d, &def.axes, 0, &def.body)?;
        }
        t.b.ins().return_(&[]);
        t.b.finalize(module.target_config());
    }
    module
        .define_function(id, &mut ctx)
        .map_err(|e| format!("{e:?}"))?;
    module.clear_context(&mut ctx);
    Ok(id)
}

struct Translator<'a, 'f> {
    b: FunctionBuilder<'f>,
    plan: &'a Plan<'a>,
    ty: Type,
    es: i64,
    layout: &'a Layout,
    ptrs: Vec<Value>,
    strides: Vec<Vec<Value>>,
    ranges: Value,
    params: Value,
    vars: HashMap<IndexId, Variable>,
    /// Values of hoisted subexpressions, computed before the loop they do
    /// not depend on.
    cache: HashMap<*const Expr, Value>,
    funcs: HashMap<host::Fn, FuncRef>,
    /// Inside a laned loop: the elements it walks, each with a pointer
    /// that is bumped every trip and the byte offsets of lanes 0..4.
    bumped: HashMap<*const Expr, (Variable, Value)>,
    /// The lane being emitted (its offset is `lane * step`).
    lane: i64,
}

impl Translator<'_, '_> {
    fn var(&mut self, i: IndexId) -> Variable {
        if let Some(&v) = self.vars.get(&i) {
            return v;
        }
        let v = self.b.declare_var(types::I64);
        self.vars.insert(i, v);
        v
    }

    /// Computes the subexpressions of `body` that need none of `inner`.
    fn hoist(&mut self, inner: &[IndexId], body: &Expr) -> Result<(), String> {
        let cache = &self.cache;
        let list = self
            .plan
            .hoists(inner, body, &|e| cache.contains_key(&(e as *const Expr)));
        for e in list {
            let v = self.expr(e)?;
            self.cache.insert(e as *const Expr, v);
        }
        Ok(())
    }

    /// The loop nest of definition `d` from axis `depth` inwards.
    fn nest(
        &mut self,
        d: usize,
        axes: &[IndexId],
        depth: usize,
        body: &Expr,
    ) -> Result<(), String> {
        if depth == axes.len() {
            let v = self.expr(body)?;
            let t = self.layout.n_inputs + d;
            let addr = self.address(t, axes);
            self.b.ins().store(MemFlagsData::trusted(), v, addr, 0);
            return Ok(());
        }
        self.hoist(&axes[depth..], body)?;
        if depth + 1 == axes.len()
            && let Some(r) = self.layout.rows.iter().position(|&x| x == d)
            && let Some((kind, j, inner)) = self.plan.row_reduction(axes, body)
        {
            return self.rows(d, r, axes, kind, j, inner);
        }
        let index = axes[depth];
        self.looped(index, &mut |t| t.nest(d, axes, depth + 1, body))
    }

    /// The innermost axis `k` of definition `d` = `sum_j inner`, with `j`
    /// outside `k`: `LANES` partial rows in scratch slot `r`, term j added
    /// to row lane(j) (`(j - start) mod 4` in the full rounds of 4, row 0
    /// after them), then combined as `(p0 + p1) + (p2 + p3)` into the
    /// output.
    fn rows(
        &mut self,
        d: usize,
        r: usize,
        axes: &[IndexId],
        kind: ReduceKind,
        j: IndexId,
        inner: &Expr,
    ) -> Result<(), String> {
        let k = axes[axes.len() - 1];
        let flags = MemFlagsData::trusted();
        let scratch = self.ptrs[self.layout.ranks.len() + r];
        let koff = (16 * k.index()) as i32;
        let kstart = self.b.ins().load(types::I64, flags, self.ranges, koff);
        let klen = self.b.ins().load(types::I64, flags, self.ranges, koff + 8);
        let es = self.es;
        // The byte address of partial row `lane` at the current k.
        let row_addr = |t: &mut Self, lane: i64| {
            let kv = t.var(k);
            let kv = t.b.use_var(kv);
            let rel = t.b.ins().isub(kv, kstart);
            let base = t.b.ins().imul_imm_s(klen, lane);
            let at = t.b.ins().iadd(base, rel);
            let bytes = t.b.ins().imul_imm_s(at, es);
            t.b.ins().iadd(scratch, bytes)
        };
        let init = match kind {
            ReduceKind::Sum => 0.0,
            ReduceKind::Prod => 1.0,
        };
        self.looped(k, &mut |t| {
            let v = t.konst(init);
            for lane in 0..crate::loops::LANES as i64 {
                let a = row_addr(t, lane);
                t.b.ins().store(flags, v, a, 0);
            }
            Ok(())
        })?;
        let op = move |b: &mut FunctionBuilder, a: Value, x: Value| match kind {
            ReduceKind::Sum => b.ins().fadd(a, x),
            ReduceKind::Prod => b.ins().fmul(a, x),
        };
        // One loop over j: term j goes, for every k, to row lane(j) =
        // (j - start) mod 4 in the full rounds of 4, row 0 after them.
        let joff = (16 * j.index()) as i32;
        let start = self.b.ins().load(types::I64, flags, self.ranges, joff);
        let len = self.b.ins().load(types::I64, flags, self.ranges, joff + 8);
        let lanes = crate::loops::LANES as i64;
        let rem = self.b.ins().band_imm_s(len, lanes - 1);
        let full = self.b.ins().isub(len, rem);
        self.looped(j, &mut |t| {
            let before: Vec<*const Expr> = t.cache.keys().copied().collect();
            t.hoist(&[k], inner)?;
            // Bumped pointers along k: the elements read, and the row.
            let mut walked = t.bump_setup(k, inner, kstart);
            let jv = t.var(j);
            let jv = t.b.use_var(jv);
            let rel = t.b.ins().isub(jv, start);
            let m = t.b.ins().band_imm_s(rel, lanes - 1);
            let in_full = t.b.ins().icmp(IntCC::SignedLessThan, rel, full);
            let zero = t.b.ins().iconst(types::I64, 0);
            let lane = t.b.ins().select(in_full, m, zero);
            let rows = t.b.ins().imul(lane, klen);
            let off = t.b.ins().imul_imm_s(rows, es);
            let r0 = t.b.ins().iadd(scratch, off);
            let row = t.b.declare_var(types::I64);
            t.b.def_var(row, r0);
            let es_v = t.b.ins().iconst(types::I64, es);
            walked.push((row, es_v));
            t.lane = 0;
            t.looped(k, &mut |t| {
                let a = t.b.use_var(row);
                let p = t.b.ins().load(t.ty, flags, a, 0);
                let x = t.expr(inner)?;
                let n = op(&mut t.b, p, x);
                t.b.ins().store(flags, n, a, 0);
                t.bump(&walked);
                Ok(())
            })?;
            for (e, _, _) in t.walks(k, inner) {
                t.bumped.remove(&e);
            }
            // Values hoisted for this j belong to this trip's code only.
            t.cache.retain(|e, _| before.contains(e));
            Ok(())
        })?;
        // Combine the rows into the output.
        let t_out = self.layout.n_inputs + d;
        self.looped(k, &mut |t| {
            let mut p = Vec::with_capacity(crate::loops::LANES);
            for lane in 0..crate::loops::LANES as i64 {
                let a = row_addr(t, lane);
                p.push(t.b.ins().load(t.ty, flags, a, 0));
            }
            let l = op(&mut t.b, p[0], p[1]);
            let h = op(&mut t.b, p[2], p[3]);
            let v = op(&mut t.b, l, h);
            let addr = t.address(t_out, axes);
            t.b.ins().store(flags, v, addr, 0);
            Ok(())
        })
    }

    /// `for index in range: f()`.
    fn looped(
        &mut self,
        index: IndexId,
        f: &mut dyn FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        let var = self.var(index);
        let flags = MemFlagsData::trusted();
        let off = (16 * index.index()) as i32;
        let start = self.b.ins().load(types::I64, flags, self.ranges, off);
        let len = self.b.ins().load(types::I64, flags, self.ranges, off + 8);
        let end = self.b.ins().iadd(start, len);
        self.b.def_var(var, start);
        let header = self.b.create_block();
        let body = self.b.create_block();
        let exit = self.b.create_block();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(header);
        let i = self.b.use_var(var);
        let c = self.b.ins().icmp(IntCC::SignedLessThan, i, end);
        self.b.ins().brif(c, body, &[], exit, &[]);
        self.b.switch_to_block(body);
        self.b.seal_block(body);
        f(self)?;
        let i = self.b.use_var(var);
        let next = self.b.ins().iadd_imm_s(i, 1);
        self.b.def_var(var, next);
        self.b.ins().jump(header, &[]);
        self.b.seal_block(header);
        self.b.switch_to_block(exit);
        self.b.seal_block(exit);
        Ok(())
    }

    /// The address of tensor `t`'s element at `idx`.
    fn address(&mut self, t: usize, idx: &[IndexId]) -> Value {
        let mut off: Option<Value> = None;
        for (a, &i) in idx.iter().enumerate() {
            let var = self.var(i);
            let iv = self.b.use_var(var);
            let term = self.b.ins().imul(iv, self.strides[t][a]);
            off = Some(match off {
                None => term,
                Some(o) => self.b.ins().iadd(o, term),
            });
        }
        match off {
            None => self.ptrs[t],
            Some(o) => {
                let bytes = self.b.ins().imul_imm_s(o, self.es);
                self.b.ins().iadd(self.ptrs[t], bytes)
            }
        }
    }

    /// Pointer bumping: every element `body` reads along `index` gets a
    /// pointer at its address for `index = start`, to be stepped each trip
    /// (by the returned steps); loads go through it (see `bumped`).
    fn bump_setup(&mut self, index: IndexId, body: &Expr, start: Value) -> Vec<(Variable, Value)> {
        let mut walked = Vec::new();
        for (e, t, idx) in self.walks(index, body) {
            let (fixed, step) = self.address_parts(t, &idx, index);
            let at_start = self.b.ins().imul(start, step);
            let p0 = self.b.ins().iadd(fixed, at_start);
            let p = self.b.declare_var(types::I64);
            self.b.def_var(p, p0);
            self.bumped.insert(e, (p, step));
            walked.push((p, step));
        }
        walked
    }

    /// Steps every bumped pointer once.
    fn bump(&mut self, walked: &[(Variable, Value)]) {
        for &(p, step) in walked {
            let cur = self.b.use_var(p);
            let n = self.b.ins().iadd(cur, step);
            self.b.def_var(p, n);
        }
    }

    /// The elements `body` reads with `index` among their subscripts (not
    /// hoisted ones), each with its tensor and subscripts.
    fn walks(&self, index: IndexId, body: &Expr) -> Vec<(*const Expr, usize, Vec<IndexId>)> {
        let mut out = Vec::new();
        let mut stack = vec![body];
        while let Some(e) = stack.pop() {
            if self.cache.contains_key(&(e as *const Expr)) {
                continue;
            }
            if let ExprKind::Elem(t, idx) = &e.kind
                && idx.contains(&index)
            {
                out.push((e as *const Expr, self.layout.tensor(*t), idx.clone()));
            }
            stack.extend(e.children());
        }
        out
    }

    /// Tensor `t`'s element at `idx` as `fixed + index * step` (bytes):
    /// `fixed` holds every subscript but `index` (as 0), `step` the bytes
    /// one step of `index` moves.
    fn address_parts(&mut self, t: usize, idx: &[IndexId], index: IndexId) -> (Value, Value) {
        let mut fixed = self.ptrs[t];
        let mut step = self.b.ins().iconst(types::I64, 0);
        for (a, &i) in idx.iter().enumerate() {
            let bytes = self.b.ins().imul_imm_s(self.strides[t][a], self.es);
            if i == index {
                step = self.b.ins().iadd(step, bytes);
            } else {
                let var = self.var(i);
                let iv = self.b.use_var(var);
                let off = self.b.ins().imul(iv, bytes);
                fixed = self.b.ins().iadd(fixed, off);
            }
        }
        (fixed, step)
    }

    fn konst(&mut self, x: f64) -> Value {
        if self.ty == types::F32 {
            self.b.ins().f32const(x as f32)
        } else {
            self.b.ins().f64const(x)
        }
    }

    fn call(&mut self, f: host::Fn, args: &[Value]) -> Result<Value, String> {
        let r = *self
            .funcs
            .get(&f)
            .ok_or_else(|| format!("host function {f:?} not declared"))?;
        let inst = self.b.ins().call(r, args);
        self.b
            .inst_results(inst)
            .first()
            .copied()
            .ok_or_else(|| "host call without a result".to_string())
    }

    fn expr(&mut self, e: &Expr) -> Result<Value, String> {
        if let Some(&v) = self.cache.get(&(e as *const Expr)) {
            return Ok(v);
        }
        let flags = MemFlagsData::trusted();
        Ok(match &e.kind {
            ExprKind::Const(r) => {
                let x = r.to_f64().unwrap_or(f64::NAN);
                self.konst(x)
            }
            ExprKind::Param(p) => {
                let v = self
                    .b
                    .ins()
                    .load(types::F64, flags, self.params, (8 * p.index()) as i32);
                if self.ty == types::F32 {
                    self.b.ins().fdemote(types::F32, v)
                } else {
                    v
                }
            }
            ExprKind::Scalar(d) => {
                let t = self.layout.n_inputs + d.index();
                self.b.ins().load(self.ty, flags, self.ptrs[t], 0)
            }
            ExprKind::Index(i) => {
                let var = self.var(*i);
                let v = self.b.use_var(var);
                self.b.ins().fcvt_from_sint(self.ty, v)
            }
            ExprKind::Elem(t, idx) => {
                let addr = match self.bumped.get(&(e as *const Expr)).copied() {
                    Some((p, step)) => {
                        let p = self.b.use_var(p);
                        let off = self.b.ins().imul_imm_s(step, self.lane);
                        self.b.ins().iadd(p, off)
                    }
                    None => {
                        let t = self.layout.tensor(*t);
                        self.address(t, idx)
                    }
                };
                self.b.ins().load(self.ty, flags, addr, 0)
            }
            ExprKind::Delta(a, c) => {
                let (va, vc) = (self.var(*a), self.var(*c));
                let (x, y) = (self.b.use_var(va), self.b.use_var(vc));
                let eq = self.b.ins().icmp(IntCC::Equal, x, y);
                let one = self.konst(1.0);
                let zero = self.konst(0.0);
                self.b.ins().select(eq, one, zero)
            }
            ExprKind::Neg(a) => {
                let a = self.expr(a)?;
                self.b.ins().fneg(a)
            }
            ExprKind::Add(v) => {
                let mut acc = self.expr(&v[0])?;
                for x in &v[1..] {
                    let x = self.expr(x)?;
                    acc = self.b.ins().fadd(acc, x);
                }
                acc
            }
            ExprKind::Mul(v) => {
                let mut acc = self.expr(&v[0])?;
                for x in &v[1..] {
                    let x = self.expr(x)?;
                    acc = self.b.ins().fmul(acc, x);
                }
                acc
            }
            ExprKind::Div(a, c) => {
                let a = self.expr(a)?;
                let c = self.expr(c)?;
                self.b.ins().fdiv(a, c)
            }
            ExprKind::Pow(a, c) => {
                let two = crate::loops::is_square(c);
                let a = self.expr(a)?;
                if two {
                    self.b.ins().fmul(a, a)
                } else {
                    let c = self.expr(c)?;
                    self.call(host::Fn::Pow, &[a, c])?
                }
            }
            ExprKind::Call(f, args) => {
                let vs: Vec<Value> = args
                    .iter()
                    .map(|a| self.expr(a))
                    .collect::<Result<_, _>>()?;
                self.func(*f, &vs)?
            }
            ExprKind::Reduce { kind, index, body } if self.plan.laned(*index, body) => {
                self.hoist(&[*index], body)?;
                self.lanes(*kind, *index, body)?
            }
            ExprKind::Reduce { kind, index, body } => {
                self.hoist(&[*index], body)?;
                let acc = self.b.declare_var(self.ty);
                let init = self.konst(match kind {
                    ReduceKind::Sum => 0.0,
                    ReduceKind::Prod => 1.0,
                });
                self.b.def_var(acc, init);
                let kind = *kind;
                self.looped(*index, &mut |t| {
                    let x = t.expr(body)?;
                    let a = t.b.use_var(acc);
                    let n = match kind {
                        ReduceKind::Sum => t.b.ins().fadd(a, x),
                        ReduceKind::Prod => t.b.ins().fmul(a, x),
                    };
                    t.b.def_var(acc, n);
                    Ok(())
                })?;
                self.b.use_var(acc)
            }
            ExprKind::Diff { .. } => {
                return Err("diff(...) reached code generation; it is lowered first".into());
            }
        })
    }

    /// An innermost reduction in `LANES` = 4 lanes: the main loop takes
    /// four terms a trip (term k into lane k mod 4), a tail loop adds the
    /// last 0-3 terms to lane 0 in order, and the lanes combine as
    /// `(l0 + l1) + (l2 + l3)`, as the interpreter does.
    fn lanes(&mut self, kind: ReduceKind, index: IndexId, body: &Expr) -> Result<Value, String> {
        let init = self.konst(match kind {
            ReduceKind::Sum => 0.0,
            ReduceKind::Prod => 1.0,
        });
        let op = |b: &mut FunctionBuilder, a: Value, x: Value| match kind {
            ReduceKind::Sum => b.ins().fadd(a, x),
            ReduceKind::Prod => b.ins().fmul(a, x),
        };
        let accs: Vec<Variable> = (0..crate::loops::LANES)
            .map(|_| {
                let v = self.b.declare_var(self.ty);
                self.b.def_var(v, init);
                v
            })
            .collect();
        let var = self.var(index);
        let ctr = self.b.declare_var(types::I64);
        let flags = MemFlagsData::trusted();
        let off = (16 * index.index()) as i32;
        let start = self.b.ins().load(types::I64, flags, self.ranges, off);
        let len = self.b.ins().load(types::I64, flags, self.ranges, off + 8);
        let end = self.b.ins().iadd(start, len);
        self.b.def_var(ctr, start);
        let walked = self.bump_setup(index, body, start);
        let header = self.b.create_block();
        let main = self.b.create_block();
        let tail = self.b.create_block();
        self.b.ins().jump(header, &[]);
        // Main loop: while ctr + 3 < end.
        self.b.switch_to_block(header);
        let i = self.b.use_var(ctr);
        let last = self.b.ins().iadd_imm_s(i, 3);
        let c = self.b.ins().icmp(IntCC::SignedLessThan, last, end);
        self.b.ins().brif(c, main, &[], tail, &[]);
        self.b.switch_to_block(main);
        self.b.seal_block(main);
        for (k, &acc) in accs.iter().enumerate() {
            let i = self.b.use_var(ctr);
            let ik = self.b.ins().iadd_imm_s(i, k as i64);
            self.b.def_var(var, ik);
            self.lane = k as i64;
            let x = self.expr(body)?;
            let a = self.b.use_var(acc);
            let n = op(&mut self.b, a, x);
            self.b.def_var(acc, n);
        }
        self.lane = 0;
        let i = self.b.use_var(ctr);
        let next = self.b.ins().iadd_imm_s(i, crate::loops::LANES as i64);
        self.b.def_var(ctr, next);
        for &(p, step) in &walked {
            let cur = self.b.use_var(p);
            let by = self.b.ins().imul_imm_s(step, crate::loops::LANES as i64);
            let n = self.b.ins().iadd(cur, by);
            self.b.def_var(p, n);
        }
        self.b.ins().jump(header, &[]);
        self.b.seal_block(header);
        // Tail: the last 0-3 terms, in order, into lane 0.
        self.b.switch_to_block(tail);
        self.b.seal_block(tail);
        let theader = self.b.create_block();
        let tbody = self.b.create_block();
        let exit = self.b.create_block();
        self.b.ins().jump(theader, &[]);
        self.b.switch_to_block(theader);
        let i = self.b.use_var(ctr);
        let has = self.b.ins().icmp(IntCC::SignedLessThan, i, end);
        self.b.ins().brif(has, tbody, &[], exit, &[]);
        self.b.switch_to_block(tbody);
        self.b.seal_block(tbody);
        self.b.def_var(var, i);
        let x = self.expr(body)?;
        let a = self.b.use_var(accs[0]);
        let n = op(&mut self.b, a, x);
        self.b.def_var(accs[0], n);
        let i = self.b.use_var(ctr);
        let next = self.b.ins().iadd_imm_s(i, 1);
        self.b.def_var(ctr, next);
        for &(p, step) in &walked {
            let cur = self.b.use_var(p);
            let n = self.b.ins().iadd(cur, step);
            self.b.def_var(p, n);
        }
        self.b.ins().jump(theader, &[]);
        self.b.seal_block(theader);
        self.b.switch_to_block(exit);
        self.b.seal_block(exit);
        for (e, _, _) in self.walks(index, body) {
            self.bumped.remove(&e);
        }
        let l: Vec<Value> = accs.iter().map(|&a| self.b.use_var(a)).collect();
        let p = op(&mut self.b, l[0], l[1]);
        let q = op(&mut self.b, l[2], l[3]);
        Ok(op(&mut self.b, p, q))
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
            Func::Exp => self.call(host::Fn::Exp, &[x])?,
            Func::Log => self.call(host::Fn::Log, &[x])?,
            Func::Tanh => self.call(host::Fn::Tanh, &[x])?,
            Func::Sin => self.call(host::Fn::Sin, &[x])?,
            Func::Cos => self.call(host::Fn::Cos, &[x])?,
        })
    }
}
