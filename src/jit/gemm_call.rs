//! The host side of a GEMM node: the function compiled kernels call, and
//! the code that emits that call.
//!
//! In: a descriptor the kernel builds in a stack slot ([`emit`]): element
//! type, accumulate, alpha, the pointers of C, A and B, and per index of
//! the node its role, the start and length of its range and its byte
//! stride in C, A and B (0 where it does not subscript). Out: C computed
//! by the `gemm` crate (`C = alpha A B`, or `C += alpha A B`), called
//! with the strides as given, no copies.
//!
//! Per call: every pointer moves to the first element of its range; a
//! zero-length batch, m or n index leaves C alone; a zero-length k index
//! makes C zero (left alone when accumulating); length-1 indices drop
//! out; the indices of one role merge into one dimension where their
//! strides allow (`stride(a) == stride(b) * len(b)` in C, A and B); per
//! role the longest merged dimension goes to the library and the others
//! are looped over here (a looped k accumulates into C).
//!
//! Always: it reads and writes only the elements the node's accesses
//! reach over the index ranges (what `loops::verify::in_bounds` checks
//! for the call's binding); no panic crosses into the compiled code (a
//! panic is caught and reported by [`Scope::finish`] as an internal
//! error); the result does not depend on the number of threads (the
//! library splits m and n between threads, never k).

use crate::runtime::values::DType;
use cranelift::codegen::ir::{FuncRef, MemFlagsData, StackSlotData, StackSlotKind};
use cranelift::prelude::*;
use cranelift_jit::JITModule;
use cranelift_module::{FuncId, Linkage, Module};
use std::cell::Cell;

/// The host function's symbol.
pub const NAME: &str = "ricci_gemm";

/// The host function's address (for the JIT builder).
pub fn symbol() -> *const u8 {
    ricci_gemm as *const u8
}

/// Declares the host function (`fn(desc: *const i64)`) in `module`.
pub fn declare(module: &mut JITModule) -> Result<FuncId, String> {
    let mut sig = module.make_signature();
    sig.params
        .push(AbiParam::new(module.target_config().pointer_type()));
    module
        .declare_function(NAME, Linkage::Import, &sig)
        .map_err(|e| e.to_string())
}

/// Below this many multiply-adds per library call, one thread. Near the
/// crate's own cut (48 * 48 * 256 per block); on this project's shared
/// 2-core machine 2 threads were clearly faster at n = 512 (4.8 against
/// 8.8 ms) and no better than noise at n <= 192.
pub const THREAD_WORK: usize = 96 * 96 * 96;

/// Descriptor words: header, then [`PER_INDEX`] words per index.
const HEADER: usize = 7;
const PER_INDEX: usize = 6;

/// The role codes in the descriptor.
const BATCH: i64 = 0;
const M: i64 = 1;
const N: i64 = 2;
const K: i64 = 3;

/// The element type's code in the descriptor.
fn dtype_code(dtype: DType) -> i64 {
    match dtype {
        DType::F64 => 0,
        DType::F32 => 1,
    }
}

/// A role's code in the descriptor.
fn role_code(role: crate::loops::ir::Role) -> i64 {
    use crate::loops::ir::Role;
    match role {
        Role::Batch => BATCH,
        Role::M => M,
        Role::N => N,
        Role::K => K,
    }
}

/// What the kernel knows about one index of a GEMM node when it calls.
pub struct IndexArgs {
    pub role: crate::loops::ir::Role,
    pub start: Value,
    pub len: Value,
    /// Byte strides in C, A and B (`None`: the index does not subscript
    /// that tensor).
    pub strides: [Option<Value>; 3],
}

/// Emits the call: the descriptor in a stack slot, then `ricci_gemm(desc)`.
/// `alpha` is an f64 value; `ptrs` are C, A and B.
pub fn emit(
    b: &mut FunctionBuilder,
    func: FuncRef,
    dtype: DType,
    accumulate: bool,
    alpha: Value,
    ptrs: [Value; 3],
    indices: &[IndexArgs],
) {
    let words = HEADER + PER_INDEX * indices.len();
    let slot = b.create_sized_stack_slot(StackSlotData::new(
        StackSlotKind::ExplicitSlot,
        (8 * words) as u32,
        3,
    ));
    let ptr = b.func.dfg.value_type(ptrs[0]);
    let addr = b.ins().stack_addr(ptr, slot, 0);
    let put = |b: &mut FunctionBuilder, word: usize, v: Value| {
        b.ins()
            .store(MemFlagsData::trusted(), v, addr, (8 * word) as i32);
    };
    let dt = b.ins().iconst(types::I64, dtype_code(dtype));
    put(b, 0, dt);
    let acc = b.ins().iconst(types::I64, accumulate as i64);
    put(b, 1, acc);
    put(b, 2, alpha);
    let n = b.ins().iconst(types::I64, indices.len() as i64);
    put(b, 3, n);
    for (t, &p) in ptrs.iter().enumerate() {
        put(b, 4 + t, p);
    }
    let zero = b.ins().iconst(types::I64, 0);
    for (q, x) in indices.iter().enumerate() {
        let at = HEADER + PER_INDEX * q;
        let role = b.ins().iconst(types::I64, role_code(x.role));
        put(b, at, role);
        put(b, at + 1, x.start);
        put(b, at + 2, x.len);
        for t in 0..3 {
            put(b, at + 3 + t, x.strides[t].unwrap_or(zero));
        }
    }
    b.ins().call(func, &[addr]);
}

/// A block that is one GEMM node and nothing else, run with no generated
/// code: [`Direct::run`] fills, from the call's tables, the descriptor that
/// [`emit`]'s code would build, and calls the same host function. Such a
/// kernel (a matmul, a batched matmul, `abcd,cdef->abef`) then compiles
/// without Cranelift.
#[derive(Clone, Debug)]
pub struct Direct {
    accumulate: bool,
    alpha: Alpha,
    /// C, A and B.
    tensors: [crate::loops::ir::TensorId; 3],
    /// Per index of the node: its role, and the axis it subscripts in C,
    /// A and B (`None`: it does not subscript that tensor).
    indices: Vec<(crate::loops::ir::IndexId, i64, [Option<usize>; 3])>,
}

/// A GEMM node's factor, when it is a number or a parameter.
#[derive(Clone, Copy, Debug)]
enum Alpha {
    Const(f64),
    Param(usize),
}

impl Direct {
    /// `Some` when `block` is a single GEMM node whose factor is a number
    /// or a parameter (anything else is computed by generated code).
    pub fn of(block: &crate::loops::ir::Block) -> Option<Direct> {
        use crate::loops::ir::{Expr, Stmt};
        let [Stmt::Gemm(g)] = block.body.as_slice() else {
            return None;
        };
        let alpha = match g.alpha {
            Expr::Const(x) => Alpha::Const(x),
            Expr::Param(p) => Alpha::Param(p as usize),
            _ => return None,
        };
        let indices = (g.indices().into_iter())
            .map(|(i, role)| {
                let axes = [&g.c, &g.a, &g.b].map(|x| x.index.iter().position(|s| s.coef(i) != 0));
                (i, role_code(role), axes)
            })
            .collect();
        Some(Direct {
            accumulate: g.accumulate,
            alpha,
            tensors: [g.c.tensor, g.a.tensor, g.b.tensor],
            indices,
        })
    }

    /// Runs the node on the call's tables (as a block's native function
    /// takes them): `ptrs` per tensor, `strides` in elements at
    /// `stride_at[tensor]`, `ranges` the start and length of every index,
    /// `params` the scalar parameters.
    ///
    /// # Safety
    /// As the block's native function: the tables describe arrays in which
    /// every access of the node is in bounds over the ranges.
    pub unsafe fn run(
        &self,
        dtype: DType,
        ptrs: &[*mut u8],
        strides: &[i64],
        stride_at: &[usize],
        ranges: &[i64],
        params: &[f64],
    ) {
        let es = dtype.size() as i64;
        // As the generated code computes it: in the element type, then
        // widened.
        let alpha = match self.alpha {
            Alpha::Const(x) => x,
            Alpha::Param(p) => params[p],
        };
        let alpha = match dtype {
            DType::F64 => alpha,
            DType::F32 => alpha as f32 as f64,
        };
        let mut desc = Vec::with_capacity(HEADER + PER_INDEX * self.indices.len());
        desc.extend([
            dtype_code(dtype),
            self.accumulate as i64,
            alpha.to_bits() as i64,
            self.indices.len() as i64,
        ]);
        desc.extend(self.tensors.map(|t| ptrs[t] as i64));
        for &(i, role, axes) in &self.indices {
            desc.extend([role, ranges[2 * i.index()], ranges[2 * i.index() + 1]]);
            for (&t, axis) in self.tensors.iter().zip(axes) {
                desc.push(axis.map_or(0, |a| strides[stride_at[t] + a] * es));
            }
        }
        // SAFETY: the descriptor is laid out as `emit` lays it out, for
        // the caller's in-bounds tables.
        unsafe { ricci_gemm(desc.as_ptr()) }
    }
}

thread_local! {
    /// At most this many threads for the library (0: all cores).
    static THREADS: Cell<usize> = const { Cell::new(0) };
    /// Whether a call on this thread panicked since the scope began.
    static FAILED: Cell<bool> = const { Cell::new(false) };
}

/// A kernel call in progress on this thread: sets the thread limit for
/// its GEMM nodes, and collects their failures.
pub struct Scope {
    threads: usize,
}

impl Scope {
    /// Starts a call with at most `threads` threads (`None`: all cores).
    pub fn enter(threads: Option<usize>) -> Scope {
        let prev = THREADS.with(|t| t.replace(threads.unwrap_or(0)));
        FAILED.with(|f| f.set(false));
        Scope { threads: prev }
    }

    /// Ends the call: `Err` if a GEMM node failed (a bug: it panicked).
    pub fn finish(self) -> Result<(), String> {
        if FAILED.with(|f| f.replace(false)) {
            Err("the GEMM library failed (it panicked)".into())
        } else {
            Ok(())
        }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        THREADS.with(|t| t.set(self.threads));
    }
}

/// The function compiled kernels call for a GEMM node.
///
/// # Safety
/// `desc` is a descriptor as [`emit`] lays it out, for accesses that are
/// in bounds over the ranges it gives (`loops::verify::in_bounds`).
unsafe extern "C" fn ricci_gemm(desc: *const i64) {
    let run = std::panic::AssertUnwindSafe(|| {
        // SAFETY: the caller's contract.
        let p = unsafe { Problem::read(desc) };
        // SAFETY: `read` took the pointers and strides as given.
        unsafe { p.run() }
    });
    if std::panic::catch_unwind(run).is_err() {
        FAILED.with(|f| f.set(true));
    }
}

/// One dimension: its length and its strides (in elements) in C, A, B.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Dim {
    len: usize,
    s: [isize; 3],
}

impl Dim {
    const ONE: Dim = Dim { len: 1, s: [0; 3] };
}

struct Problem {
    dtype: DType,
    accumulate: bool,
    alpha: f64,
    /// C, A, B at the first element of every range.
    ptrs: [*mut u8; 3],
    /// Per role (batch, m, n, k).
    dims: [Vec<Dim>; 4],
}

impl Problem {
    /// # Safety
    /// `desc` points at a descriptor [`emit`] built.
    unsafe fn read(desc: *const i64) -> Problem {
        // SAFETY: the descriptor has its header and `n` index records.
        let w = |k: usize| unsafe { *desc.add(k) };
        let dtype = if w(0) == 1 { DType::F32 } else { DType::F64 };
        let es = dtype.size() as isize;
        let n = w(3) as usize;
        let mut ptrs = [w(4) as *mut u8, w(5) as *mut u8, w(6) as *mut u8];
        let mut dims: [Vec<Dim>; 4] = Default::default();
        for q in 0..n {
            let at = HEADER + PER_INDEX * q;
            let (role, start, len) = (w(at) as usize, w(at + 1) as isize, w(at + 2) as usize);
            let s = [0, 1, 2].map(|t| w(at + 3 + t) as isize / es);
            for t in 0..3 {
                ptrs[t] = ptrs[t].wrapping_offset(start * s[t] * es);
            }
            dims[role.min(3)].push(Dim { len, s });
        }
        Problem {
            dtype,
            accumulate: w(1) != 0,
            alpha: f64::from_bits(w(2) as u64),
            ptrs,
            dims,
        }
    }

    /// # Safety
    /// The pointers and strides reach only elements of their arrays over
    /// the dimensions.
    unsafe fn run(mut self) {
        let empty = |d: &[Dim]| d.iter().any(|x| x.len == 0);
        if self.dims[..3].iter().any(|d| empty(d)) {
            return;
        }
        let zero_k = empty(&self.dims[3]);
        for d in &mut self.dims {
            d.retain(|x| x.len != 1);
        }
        let [batch, m, n, k] = self.dims.clone().map(merge);
        // The library's dimension per role: the longest; the rest loops.
        let (m, mut outer) = split(m);
        let (n, more) = split(n);
        outer.extend(more);
        outer.extend(batch);
        if zero_k {
            if !self.accumulate {
                outer.push(m);
                outer.push(n);
                // SAFETY: C's elements over its dimensions.
                unsafe {
                    match self.dtype {
                        DType::F64 => zero::<f64>(self.ptrs[0], &outer),
                        DType::F32 => zero::<f32>(self.ptrs[0], &outer),
                    }
                }
            }
            return;
        }
        let (k, inner) = split(k);
        let threads = match THREADS.with(Cell::get) {
            0 => cores(),
            t => t,
        };
        let work = m.len.saturating_mul(n.len).saturating_mul(k.len);
        let par = if threads > 1 && work >= THREAD_WORK {
            gemm::Parallelism::Rayon(threads)
        } else {
            gemm::Parallelism::None
        };
        let call = Call { m, n, k, par };
        // SAFETY: every offset stays inside the dimensions' ranges.
        unsafe {
            match self.dtype {
                DType::F64 => {
                    call.each::<f64>(self.ptrs, &outer, &inner, self.accumulate, self.alpha)
                }
                DType::F32 => call.each::<f32>(
                    self.ptrs,
                    &outer,
                    &inner,
                    self.accumulate,
                    self.alpha as f32,
                ),
            }
        }
    }
}

/// The number of cores, asked once (on Linux the question reads cgroup
/// files: tens of microseconds).
pub(super) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Merges dimensions of one role where the strides allow (sorted by
/// stride, largest first, in C, then A, then B).
fn merge(mut dims: Vec<Dim>) -> Vec<Dim> {
    dims.sort_by_key(|d| std::cmp::Reverse(d.s.map(|s| s.unsigned_abs())));
    let mut out: Vec<Dim> = Vec::with_capacity(dims.len());
    for d in dims {
        match out.last_mut() {
            Some(last) if (0..3).all(|t| Some(last.s[t]) == d.s[t].checked_mul(d.len as isize)) => {
                last.len *= d.len;
                last.s = d.s;
            }
            _ => out.push(d),
        }
    }
    out
}

/// The longest dimension (or a length-1 one), and the others.
fn split(mut dims: Vec<Dim>) -> (Dim, Vec<Dim>) {
    let best = (0..dims.len()).max_by_key(|&q| (dims[q].len, std::cmp::Reverse(q)));
    match best {
        Some(q) => (dims.remove(q), dims),
        None => (Dim::ONE, dims),
    }
}

/// Calls `f` with each combination of values of `dims` as offsets (in
/// elements) into C, A and B.
fn odometer(dims: &[Dim], mut f: impl FnMut([isize; 3])) {
    if dims.iter().any(|d| d.len == 0) {
        return;
    }
    let mut at = vec![0usize; dims.len()];
    loop {
        let mut off = [0isize; 3];
        for (d, &i) in dims.iter().zip(&at) {
            for (o, s) in off.iter_mut().zip(d.s) {
                *o += s * i as isize;
            }
        }
        f(off);
        let mut q = 0;
        loop {
            if q == dims.len() {
                return;
            }
            at[q] += 1;
            if at[q] < dims[q].len {
                break;
            }
            at[q] = 0;
            q += 1;
        }
    }
}

/// Writes zeros into C over `dims`.
///
/// # Safety
/// `c` and the dimensions' C strides reach only C's elements.
unsafe fn zero<T: Copy + num_traits::Zero>(c: *mut u8, dims: &[Dim]) {
    let c = c as *mut T;
    odometer(dims, |off| {
        // SAFETY: the caller's contract.
        unsafe { *c.wrapping_offset(off[0]) = T::zero() }
    });
}

/// One library call's shape.
struct Call {
    m: Dim,
    n: Dim,
    k: Dim,
    par: gemm::Parallelism,
}

impl Call {
    /// The library call per value of the `outer` dimensions, each over the
    /// `inner` k dimensions in order (the first sets C unless
    /// `accumulate`, the others add to it).
    ///
    /// # Safety
    /// The pointers and strides reach only elements of their arrays.
    unsafe fn each<T: 'static + Copy + num_traits::One>(
        &self,
        ptrs: [*mut u8; 3],
        outer: &[Dim],
        inner: &[Dim],
        accumulate: bool,
        alpha: T,
    ) {
        let [c, a, b] = ptrs.map(|p| p as *mut T);
        odometer(outer, |o| {
            let mut first = true;
            odometer(inner, |i| {
                let read = accumulate || !first;
                first = false;
                // SAFETY: the caller's contract; the library reads A and
                // B and writes C at (row, col) * strides for rows, columns
                // and depths below m, n and k.
                unsafe {
                    gemm::gemm(
                        self.m.len,
                        self.n.len,
                        self.k.len,
                        c.wrapping_offset(o[0] + i[0]),
                        self.n.s[0],
                        self.m.s[0],
                        read,
                        a.wrapping_offset(o[1] + i[1]),
                        self.k.s[1],
                        self.m.s[1],
                        b.wrapping_offset(o[2] + i[2]),
                        self.n.s[2],
                        self.k.s[2],
                        T::one(),
                        alpha,
                        false,
                        false,
                        false,
                        self.par,
                    )
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_merge_only_where_strides_chain() {
        // Row-major 3x4 in C and A: one dimension of 12.
        let d = merge(vec![
            Dim {
                len: 4,
                s: [1, 1, 0],
            },
            Dim {
                len: 3,
                s: [4, 4, 0],
            },
        ]);
        assert_eq!(
            d,
            vec![Dim {
                len: 12,
                s: [1, 1, 0]
            }]
        );
        // A transposed: no merge.
        let d = merge(vec![
            Dim {
                len: 4,
                s: [1, 3, 0],
            },
            Dim {
                len: 3,
                s: [4, 1, 0],
            },
        ]);
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn the_longest_dimension_goes_to_the_library() {
        let (d, rest) = split(vec![Dim { len: 2, s: [9; 3] }, Dim { len: 5, s: [1; 3] }]);
        assert_eq!(d.len, 5);
        assert_eq!(rest.len(), 1);
        assert_eq!(split(vec![]).0, Dim::ONE);
    }
}
