//! Cranelift translation of `simd` loops: 128-bit vectors (F64X2, F32X4).
//!
//! In: a loop or register reduction the IR marked `simd` (its body holds
//! no loop; every access that moves with its index moves one element a
//! trip, and the index is not read as a number). Out: a main loop that
//! runs whole vectors and a scalar tail loop for the trips left over.
//!
//! Its loop skeletons (`main_loop`, `tail_loop`) and the balanced `tree`
//! also serve scalar reductions in lanes.
//!
//! Always: a vector reduction combines its terms in exactly the order
//! `ir::Stmt::Reduce` documents; a vector loop computes every element with
//! the scalar code's operations. Loads and stores of whole vectors carry no
//! alignment promise (arrays are only element-aligned). Operations with no
//! vector instruction (`sign`, `max`, `min`) run lane by lane
//! (`Translator::apply`); exp, log, tanh, sin, cos and pow are `vmath`'s
//! vector code.

use super::{Translator, combine};
use crate::loops::ir::{Access, Expr, IndexId, Op, Stmt};
use crate::ops::Lowering;
use crate::syntax::token::ReduceKind;
use cranelift::codegen::ir::MemFlagsData;
use cranelift::prelude::*;

/// Vectors a main-loop trip of a `simd` space loop takes (but see
/// [`space_unroll`]).
/// Four: the least-squares gradient's `g[k] += X[i,k] t` loop ran 8%
/// faster than with two (its trip is load, FMA, store, and the loop's own
/// bookkeeping is a third of the instructions at two); softmax, `exp(a) b
/// + c`, outer and attention stayed within noise.
const SPACE_UNROLL: i64 = 4;

/// ... and of one whose body calls `vmath` (exp, log, tanh, sin, cos,
/// pow): each copy of such a body is tens of instructions of polynomial,
/// so the loop's bookkeeping is already a small part of a trip, and four
/// copies cost compile time (softmax, logistic and `exp(a) b + c`
/// compiled 20-25% slower at four, and ran no faster).
const SPACE_UNROLL_VMATH: i64 = 2;

/// How many vectors a trip of the `simd` space loop over `body` takes.
fn space_unroll(body: &[Stmt]) -> i64 {
    let mut vmath = false;
    for s in body {
        s.walk(&mut |s| {
            for e in s.exprs() {
                e.walk(&mut |e| {
                    vmath |= matches!(e, Expr::Op(Op::Pow, _))
                        || matches!(e, Expr::Op(Op::Call(f), _) if matches!(f.op().lowering, Lowering::Host(_)));
                });
            }
        });
    }
    if vmath {
        SPACE_UNROLL_VMATH
    } else {
        SPACE_UNROLL
    }
}

impl Translator<'_> {
    /// The vector type of the element type.
    fn vector_type(&self) -> Type {
        if self.ty == types::F32 {
            types::F32X4
        } else {
            types::F64X2
        }
    }

    /// The type a load of, or store into, `a` moves.
    pub(super) fn type_for(&self, a: &Access) -> Type {
        match self.vec {
            Some((i, vty)) if a.uses(i) => vty,
            _ => self.ty,
        }
    }

    /// Memory flags for `a`: a whole vector is only element-aligned.
    pub(super) fn flags_for(&self, a: &Access) -> MemFlagsData {
        match self.vec {
            Some((i, _)) if a.uses(i) => MemFlagsData::new().with_notrap(),
            _ => MemFlagsData::trusted(),
        }
    }

    /// `for index { body }` on vectors: `SPACE_UNROLL` vectors a trip,
    /// then one element a trip.
    pub(super) fn vector_loop(&mut self, index: IndexId, body: &[Stmt]) -> Result<(), String> {
        let vty = self.vector_type();
        let w = vty.lane_count() as i64;
        let unroll = space_unroll(body);
        let step = w * unroll;
        let (start, len) = self.range(index);
        let moving = super::moving(body, None, index);
        let walked = self.bump_setup(&moving, index, start);
        let ctr = self.main_loop(index, start, len, step, &walked, &mut |t| {
            for u in 0..unroll {
                t.lane = u * w;
                t.vec = Some((index, vty));
                let r = t.list(body);
                t.vec = None;
                r?;
            }
            t.lane = 0;
            Ok(())
        })?;
        self.tail_loop(index, ctr, start, len, &walked, &mut |t| t.list(body))?;
        self.unbump(&walked);
        Ok(())
    }

    /// A register reduction on vectors: `n` vector accumulators, `n * W`
    /// terms a trip, the rest into a scalar in order; combined as
    /// `ir::Stmt::Reduce` documents.
    pub(super) fn vector_reduce(
        &mut self,
        op: ReduceKind,
        index: IndexId,
        n: usize,
        body: &[Stmt],
        value: &Expr,
    ) -> Result<Value, String> {
        let vty = self.vector_type();
        let w = vty.lane_count() as i64;
        let id = self.identity(op);
        let vid = self.b.ins().splat(vty, id);
        let accs: Vec<Variable> = (0..n)
            .map(|_| {
                let v = self.b.declare_var(vty);
                self.b.def_var(v, vid);
                v
            })
            .collect();
        let rest = self.b.declare_var(self.ty);
        self.b.def_var(rest, id);
        let (start, len) = self.range(index);
        let moving = super::moving(body, Some(value), index);
        let walked = self.bump_setup(&moving, index, start);
        let ctr = self.main_loop(index, start, len, n as i64 * w, &walked, &mut |t| {
            for (k, &acc) in accs.iter().enumerate() {
                t.lane = k as i64 * w;
                t.vec = Some((index, vty));
                let a = t.b.use_var(acc);
                let r = t.list(body).and_then(|()| t.accumulate(op, a, value));
                t.vec = None;
                let s = r?;
                t.b.def_var(acc, s);
            }
            t.lane = 0;
            Ok(())
        })?;
        self.tail_loop(index, ctr, start, len, &walked, &mut |t| {
            t.list(body)?;
            let a = t.b.use_var(rest);
            let s = t.accumulate(op, a, value)?;
            t.b.def_var(rest, s);
            Ok(())
        })?;
        self.unbump(&walked);
        let vs: Vec<Value> = accs.iter().map(|&a| self.b.use_var(a)).collect();
        let v = tree(&mut self.b, op, vs);
        let lanes: Vec<Value> = (0..w)
            .map(|l| self.b.ins().extractlane(v, l as u8))
            .collect();
        let h = tree(&mut self.b, op, lanes);
        let r = self.b.use_var(rest);
        Ok(combine(&mut self.b, op, h, r))
    }

    /// `while ctr + step <= end { index = ctr; f(); ctr += step }`,
    /// pointers bumped `step` elements a trip; returns the counter.
    pub(super) fn main_loop(
        &mut self,
        index: IndexId,
        start: Value,
        len: Value,
        step: i64,
        walked: &[(*const Access, Variable, Value)],
        f: &mut dyn FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<Variable, String> {
        let var = self.var(index);
        let ctr = self.b.declare_var(types::I64);
        self.b.def_var(ctr, start);
        let end = self.b.ins().iadd(start, len);
        let header = self.b.create_block();
        let main = self.b.create_block();
        let exit = self.b.create_block();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(header);
        let i = self.b.use_var(ctr);
        let last = self.b.ins().iadd_imm_s(i, step - 1);
        let done = self
            .b
            .ins()
            .icmp(IntCC::SignedGreaterThanOrEqual, last, end);
        loop_branch(&mut self.b, done, exit, main);
        self.b.switch_to_block(main);
        self.b.seal_block(main);
        let i = self.b.use_var(ctr);
        self.b.def_var(var, i);
        f(self)?;
        let i = self.b.use_var(ctr);
        let next = self.b.ins().iadd_imm_s(i, step);
        self.b.def_var(ctr, next);
        self.bump(walked, step);
        self.b.ins().jump(header, &[]);
        self.b.seal_block(header);
        self.b.switch_to_block(exit);
        self.b.seal_block(exit);
        Ok(ctr)
    }

    /// `while ctr < end { index = ctr; f(); ctr += 1 }` on scalars.
    pub(super) fn tail_loop(
        &mut self,
        index: IndexId,
        ctr: Variable,
        start: Value,
        len: Value,
        walked: &[(*const Access, Variable, Value)],
        f: &mut dyn FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        let var = self.var(index);
        let end = self.b.ins().iadd(start, len);
        let header = self.b.create_block();
        let body = self.b.create_block();
        let exit = self.b.create_block();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(header);
        let i = self.b.use_var(ctr);
        let done = self.b.ins().icmp(IntCC::SignedGreaterThanOrEqual, i, end);
        loop_branch(&mut self.b, done, exit, body);
        self.b.switch_to_block(body);
        self.b.seal_block(body);
        let i = self.b.use_var(ctr);
        self.b.def_var(var, i);
        f(self)?;
        let i = self.b.use_var(ctr);
        let next = self.b.ins().iadd_imm_s(i, 1);
        self.b.def_var(ctr, next);
        self.bump(walked, 1);
        self.b.ins().jump(header, &[]);
        self.b.seal_block(header);
        self.b.switch_to_block(exit);
        self.b.seal_block(exit);
        Ok(())
    }

    /// A value inside a `simd` loop, as a vector.
    pub(super) fn vexpr(&mut self, e: &Expr) -> Result<Value, String> {
        let (vi, vty) = self.vec.ok_or("a vector value outside a simd loop")?;
        Ok(match e {
            Expr::Load(a) if a.uses(vi) => {
                let addr = self.address(a);
                let flags = self.flags_for(a);
                self.b.ins().load(vty, flags, addr, 0)
            }
            Expr::Let(t) => {
                let v = *self
                    .lets
                    .get(&t.0)
                    .ok_or_else(|| format!("let %t{} used before its definition", t.0))?;
                self.splat_scalar(vty, v)
            }
            Expr::Op(op, args) => {
                let vs: Vec<Value> = args
                    .iter()
                    .map(|a| self.vexpr(a))
                    .collect::<Result<_, _>>()?;
                self.apply(*op, &vs)?
            }
            // Everything else stays put along the vector: computed once
            // as a scalar and splatted.
            _ => {
                self.vec = None;
                let r = self.expr(e);
                self.vec = Some((vi, vty));
                let v = r?;
                self.b.ins().splat(vty, v)
            }
        })
    }

    /// `v` as a vector (splatted if it is a scalar).
    fn splat_scalar(&mut self, vty: Type, v: Value) -> Value {
        if self.b.func.dfg.value_type(v).is_vector() {
            v
        } else {
            self.b.ins().splat(vty, v)
        }
    }

    /// `f` applied lane by lane.
    #[allow(clippy::type_complexity)]
    pub(super) fn per_lane(
        &mut self,
        vty: Type,
        args: &[Value],
        f: &mut dyn FnMut(&mut Self, &[Value]) -> Result<Value, String>,
    ) -> Result<Value, String> {
        let saved = self.vec.take();
        let mut out: Option<Value> = None;
        let mut result = Ok(());
        for l in 0..vty.lane_count() as u8 {
            let xs: Vec<Value> = args
                .iter()
                .map(|&a| self.b.ins().extractlane(a, l))
                .collect();
            match f(self, &xs) {
                Ok(r) => {
                    out = Some(match out {
                        None => self.b.ins().splat(vty, r),
                        Some(o) => self.b.ins().insertlane(o, r, l),
                    })
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.vec = saved;
        result?;
        out.ok_or_else(|| "a vector without lanes".to_string())
    }
}

/// Combines values as a balanced tree: `(v0 + v1) + (v2 + v3)`.
pub(super) fn tree(b: &mut FunctionBuilder, op: ReduceKind, mut l: Vec<Value>) -> Value {
    while l.len() > 1 {
        l = l
            .chunks(2)
            .map(|p| match p {
                [x, y] => combine(b, op, *x, *y),
                [x] => *x,
                _ => unreachable!("chunks of 2"),
            })
            .collect();
    }
    l[0]
}

/// A loop header's branch: to `exit` when `done`, else into `body`.
///
/// The exit comes first on purpose. Cranelift's egraph elaborates a
/// header's dominator-tree children in an order that follows the branch's
/// targets, and its loop-invariant code motion keeps a stack of the loops
/// it is in that is popped, never restored, when it walks into a block
/// outside the loop. With the body listed first its exit path (and the
/// loops after it) were walked first, so nothing inside the body was ever
/// hoisted: a `splat` of a loop-invariant scalar, or `-2 r[i]`, ran every
/// trip (the `ricci bench` LS gradient's inner loop did 5 extra
/// instructions a trip). Listing the exit first walks the body while its
/// loop is still on the stack.
pub(super) fn loop_branch(b: &mut FunctionBuilder, done: Value, exit: Block, body: Block) {
    b.ins().brif(done, exit, &[], body, &[]);
}

#[cfg(test)]
mod tests {
    use super::loop_branch;
    use cranelift::codegen::Context;
    use cranelift::codegen::ir::{Function, MemFlagsData, Opcode, UserFuncName};
    use cranelift::prelude::*;

    /// `f(p, n, x)`: `t = x * load(p)` before a loop of `n` trips whose body
    /// reads `t` (as a vector) once a trip, with the header's branch made by
    /// `loop_branch`. After Cranelift's optimiser, `t`'s multiply and its
    /// splat must sit before the loop, where they were written: the egraph
    /// places pure values at their uses and relies on its LICM to bring
    /// them back out, which `loop_branch`'s branch order makes work.
    #[test]
    fn loop_invariants_stay_out_of_the_loop() {
        let isa = crate::jit::isa().unwrap();
        let mut sig = Signature::new(isa.default_call_conv());
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::F64));
        let mut func = Function::with_name_signature(UserFuncName::user(0, 0), sig);
        let mut fctx = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut func, &mut fctx);
        let (entry, header, body, exit) = (
            b.create_block(),
            b.create_block(),
            b.create_block(),
            b.create_block(),
        );
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let [p, n, x] = [0, 1, 2].map(|k| b.block_params(entry)[k]);
        let r = b.ins().load(types::F64, MemFlagsData::trusted(), p, 0);
        let t = b.ins().fmul(x, r);
        let zero = b.ins().iconst(types::I64, 0);
        b.ins().jump(header, &[zero.into()]);
        let i = b.append_block_param(header, types::I64);
        b.switch_to_block(header);
        let done = b.ins().icmp(IntCC::SignedGreaterThanOrEqual, i, n);
        loop_branch(&mut b, done, exit, body);
        b.switch_to_block(body);
        let off = b.ins().ishl_imm_u(i, 4);
        let a = b.ins().iadd(p, off);
        let v = b
            .ins()
            .load(types::F64X2, MemFlagsData::new().with_notrap(), a, 16);
        let s = b.ins().splat(types::F64X2, t);
        let w = b.ins().fma(v, s, v);
        b.ins().store(MemFlagsData::new().with_notrap(), w, a, 16);
        let next = b.ins().iadd_imm_s(i, 1);
        b.ins().jump(header, &[next.into()]);
        b.switch_to_block(exit);
        b.ins().return_(&[]);
        b.seal_all_blocks();
        b.finalize(isa.frontend_config());

        let mut ctx = Context::for_function(func);
        ctx.optimize(&*isa, &mut Default::default()).unwrap();
        let f = &ctx.func;
        let block_of = |op: Opcode| {
            (f.layout.blocks())
                .find(|&blk| {
                    f.layout
                        .block_insts(blk)
                        .any(|k| f.dfg.insts[k].opcode() == op)
                })
                .unwrap()
        };
        // The loop body is the block with the vector store.
        let body = block_of(Opcode::Store);
        for op in [Opcode::Fmul, Opcode::Splat] {
            assert_ne!(block_of(op), body, "{op:?} in the loop:\n{}", f.display());
        }
    }
}
