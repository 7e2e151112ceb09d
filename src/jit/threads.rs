//! Running one block of a kernel: once, or split over threads along the
//! axis the loop IR marked (`Block::par`).
//!
//! In: a block's native function, the call's tables, its binding and the
//! kernel's thread cap. Out: the block computed.
//!
//! Always: a block with less work than [`MIN_TRIPS`] loop trips, or no
//! `par` axis, runs once on the calling thread; otherwise its `par` range
//! is cut into pieces, each run with its own copy of the range table: for
//! loop code split along an axis, one contiguous piece per thread; for a
//! library matrix-vector call fixed chunks of [`GEMV_ROWS`] rows whatever
//! the thread count (run in order on one thread); for a sum split, pieces
//! of a size that depends only on the extents ([`sum_pieces`]), each
//! summing into its own scratch, added up in piece order. By the
//! `parallel` pass's invariant the results are the same bits for any
//! thread count.

use crate::loops::ir::{Block, TensorId};
use crate::runtime::values::DType;
use crate::sema::Bound;

/// The tables of one call, as the generated code takes them.
pub(super) struct Call<'a> {
    pub ptrs: &'a [*mut u8],
    pub strides: &'a [i64],
    pub ranges: &'a [i64],
    pub params: &'a [f64],
    /// Per tensor: its shape, and where its strides start in `strides`.
    pub shapes: &'a dyn Fn(TensorId) -> &'a [usize],
    pub stride_at: &'a [usize],
    /// The element type.
    pub dtype: DType,
}

/// Blocks with fewer loop trips than this run on one thread (a piece
/// handed to another thread costs a few microseconds).
pub const MIN_TRIPS: f64 = (1u64 << 15) as f64;

/// Rows per piece of a matrix-vector library call split over threads.
const GEMV_ROWS: i64 = 256;

/// A sum split's pieces: about this many loop trips each, ...
const SUM_PIECE_TRIPS: f64 = (1u64 << 14) as f64;
/// ... at most this many pieces, ...
const SUM_MAX_PIECES: i64 = 64;
/// ... whose scratch takes at most this many bytes in all.
const SUM_SCRATCH_BYTES: usize = 16 << 20;

/// The native function of a block.
pub(super) type Entry = unsafe extern "C" fn(*const *mut u8, *const i64, *const i64, *const f64);

/// What runs a block: its generated function, or, for a block that is one
/// GEMM node, the library call made directly (`gemm_call::Direct`).
pub(super) enum Code {
    Native(Entry),
    Direct(super::gemm_call::Direct),
}

impl Code {
    /// Runs the block once on `ptrs` and `ranges` (the call's, or a
    /// piece's), with the call's strides and parameters.
    ///
    /// # Safety
    /// As [`run_block`], for these tables.
    unsafe fn invoke(&self, call: &Call, ptrs: &[*mut u8], ranges: &[i64]) {
        // SAFETY (both arms): the caller's promise.
        match self {
            Code::Native(f) => unsafe {
                f(
                    ptrs.as_ptr(),
                    call.strides.as_ptr(),
                    ranges.as_ptr(),
                    call.params.as_ptr(),
                )
            },
            Code::Direct(d) => unsafe {
                d.run(
                    call.dtype,
                    ptrs,
                    call.strides,
                    call.stride_at,
                    ranges,
                    call.params,
                )
            },
        }
    }
}

/// What a worker needs (running a range table, and narrowing one),
/// sendable to another thread: both hold the call's raw pointers.
struct Shared<'a, F, G>(&'a F, &'a G);

// SAFETY: the pointers are only read by the generated code, which writes
// through them only the elements of its own piece (see the module doc);
// they outlive the scope the pieces run in.
unsafe impl<F, G> Send for Shared<'_, F, G> {}
unsafe impl<F, G> Sync for Shared<'_, F, G> {}

/// Runs `entry` for `block`, on up to `threads` threads (`None`: as many
/// as the machine has); `Err` if a GEMM node on a worker failed.
///
/// # Safety
/// `call` must describe arrays in which every access of the block is in
/// bounds for its ranges (what `sema::bind` proves), and nothing else may
/// read or write the block's output while it runs.
pub(super) unsafe fn run_block(
    code: &Code,
    block: &Block,
    call: &Call,
    bound: &Bound,
    threads: Option<usize>,
) -> Result<(), String> {
    // SAFETY (every call below): the caller's promise; a piece's table
    // only narrows the `par` axis to part of its range.
    let once = |ranges: &[i64]| unsafe { code.invoke(call, call.ptrs, ranges) };
    let Some(par) = &block.par else {
        once(call.ranges);
        return Ok(());
    };
    let axis = par.index;
    let trips = crate::loops::cost::block_trips(block, bound);
    if trips < MIN_TRIPS {
        once(call.ranges);
        return Ok(());
    }
    if !par.partial.is_empty() {
        // SAFETY: the caller's promise.
        return unsafe { run_sum(code, block, call, trips, threads) };
    }
    let n = threads.unwrap_or_else(super::gemm_call::cores);
    let (start, len) = (
        call.ranges[2 * axis.index()],
        call.ranges[2 * axis.index() + 1],
    );
    // The range table of the piece `lo..hi` of the `par` range.
    let narrowed = |lo: i64, hi: i64| {
        let mut ranges = call.ranges.to_vec();
        ranges[2 * axis.index()] = start + lo;
        ranges[2 * axis.index() + 1] = hi - lo;
        ranges
    };
    // The pieces: a library kernel's rows in fixed chunks of GEMV_ROWS
    // (its bits may depend on where a piece starts, so the cut must not
    // depend on the thread count); loop code in one contiguous piece per
    // thread (each element's bits depend on nothing but the element).
    let library = matches!(block.body.as_slice(), [crate::loops::ir::Stmt::Gemm(_)]);
    let pieces: Vec<(i64, i64)> = if library {
        (0..(len + GEMV_ROWS - 1) / GEMV_ROWS)
            .map(|p| (p * GEMV_ROWS, ((p + 1) * GEMV_ROWS).min(len)))
            .collect()
    } else {
        let k = (n as i64).min(len);
        (0..k).map(|p| (len * p / k, len * (p + 1) / k)).collect()
    };
    let workers = n.min(pieces.len());
    if workers <= 1 {
        for &(lo, hi) in &pieces {
            once(&narrowed(lo, hi));
        }
        return Ok(());
    }
    let shared = Shared(&once, &narrowed);
    let shared = &shared;
    let pieces = &pieces;
    let failed = std::sync::atomic::AtomicBool::new(false);
    let failed = &failed;
    rayon::scope(|s| {
        for w in 0..workers {
            s.spawn(move |_| {
                // GEMM nodes on this worker: the kernel's thread cap, and
                // their failures reported back.
                let scope = super::gemm_call::Scope::enter(threads);
                for &(lo, hi) in pieces.iter().skip(w).step_by(workers) {
                    (shared.0)(&(shared.1)(lo, hi));
                }
                if scope.finish().is_err() {
                    failed.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
    if failed.load(std::sync::atomic::Ordering::Relaxed) {
        Err("the GEMM library failed (it panicked)".into())
    } else {
        Ok(())
    }
}

/// The pieces of a sum split of `len` trips of its index, `trips` loop
/// trips in all, whose partial tensors take `scratch` bytes per piece: a
/// function of the extents only, never of the thread count. One piece
/// means no split.
pub(super) fn sum_pieces(len: i64, trips: f64, scratch: usize) -> Vec<(i64, i64)> {
    if len <= 1 {
        return vec![(0, len)];
    }
    let per_trip = trips / len as f64;
    let by_work = (SUM_PIECE_TRIPS / per_trip).ceil().max(1.0) as i64;
    let mut rows = by_work.max((len + SUM_MAX_PIECES - 1) / SUM_MAX_PIECES);
    let most = (SUM_SCRATCH_BYTES / scratch.max(1)) as i64;
    if most < 2 {
        return vec![(0, len)];
    }
    rows = rows.max((len + most - 1) / most);
    (0..(len + rows - 1) / rows)
        .map(|p| (p * rows, ((p + 1) * rows).min(len)))
        .collect()
}

/// One partial tensor's scratch layout: the element offsets its strides
/// reach (`lo..=hi` from the element `[0, ..]`), and its shape and
/// strides.
struct Partial {
    tensor: TensorId,
    shape: Vec<usize>,
    strides: Vec<i64>,
    lo: i64,
    span: usize,
}

impl Partial {
    fn of(t: TensorId, call: &Call) -> Partial {
        let shape = (call.shapes)(t).to_vec();
        let at = call.stride_at[t];
        let strides: Vec<i64> = call.strides[at..at + shape.len()].to_vec();
        let (mut lo, mut hi) = (0i64, 0i64);
        for (&n, &s) in shape.iter().zip(&strides) {
            let far = (n.max(1) as i64 - 1) * s;
            lo += far.min(0);
            hi += far.max(0);
        }
        let empty = shape.contains(&0);
        Partial {
            tensor: t,
            shape,
            strides,
            lo,
            span: if empty { 0 } else { (hi - lo + 1) as usize },
        }
    }

    /// Every element's offset, in row-major order of its subscripts.
    fn offsets(&self) -> Vec<i64> {
        let mut out = vec![0i64];
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            out = out
                .iter()
                .flat_map(|&o| (0..n as i64).map(move |k| o + k * s))
                .collect();
        }
        out
    }
}

/// A sum split (see [`sum_pieces`]): each piece zeroes and sums into its
/// own scratch copy of every partial tensor; the pieces run on up to
/// `threads` threads; then each partial element is the sum of the
/// pieces' scratch values, added in piece order.
///
/// # Safety
/// As [`run_block`].
unsafe fn run_sum(
    code: &Code,
    block: &Block,
    call: &Call,
    trips: f64,
    threads: Option<usize>,
) -> Result<(), String> {
    let par = block.par.as_ref().expect("a sum split");
    let axis = par.index;
    let es = match call.dtype {
        DType::F64 => 8,
        DType::F32 => 4,
    };
    let partials: Vec<Partial> = par.partial.iter().map(|&t| Partial::of(t, call)).collect();
    let per_piece: usize = partials.iter().map(|p| p.span * es).sum();
    let (start, len) = (
        call.ranges[2 * axis.index()],
        call.ranges[2 * axis.index() + 1],
    );
    let pieces = sum_pieces(len, trips, per_piece);
    let run = |lo: i64, hi: i64, ptrs: &[*mut u8]| {
        let mut ranges = call.ranges.to_vec();
        ranges[2 * axis.index()] = start + lo;
        ranges[2 * axis.index() + 1] = hi - lo;
        // SAFETY: the caller's promise; a piece narrows the sum index to
        // part of its range, and its partial tensors point at scratch
        // with the same strides and reach.
        unsafe { code.invoke(call, ptrs, &ranges) }
    };
    if pieces.len() <= 1 {
        run(0, len, call.ptrs);
        return Ok(());
    }
    // Scratch: per piece, per partial tensor, its span (8-byte words).
    let words: Vec<usize> = partials.iter().map(|p| (p.span * es).div_ceil(8)).collect();
    let piece_words: usize = words.iter().sum();
    let mut scratch = vec![0u64; piece_words * pieces.len()];
    let base = scratch.as_mut_ptr() as usize;
    // The pointer table of piece `p`.
    let table = |p: usize| -> Vec<*mut u8> {
        let mut ptrs = call.ptrs.to_vec();
        let mut off = p * piece_words;
        for (q, w) in partials.iter().zip(&words) {
            // The element [0, ..] sits -lo elements into the span.
            ptrs[q.tensor] = (base + off * 8 + (-q.lo) as usize * es) as *mut u8;
            off += w;
        }
        ptrs
    };
    let n = threads.unwrap_or_else(super::gemm_call::cores);
    let workers = n.min(pieces.len());
    let shared = Shared(&run, &table);
    let shared = &shared;
    let pieces_ref = &pieces;
    let failed = std::sync::atomic::AtomicBool::new(false);
    let failed = &failed;
    if workers <= 1 {
        for (p, &(lo, hi)) in pieces.iter().enumerate() {
            run(lo, hi, &table(p));
        }
    } else {
        rayon::scope(|s| {
            for w in 0..workers {
                s.spawn(move |_| {
                    let scope = super::gemm_call::Scope::enter(threads);
                    for (p, &(lo, hi)) in pieces_ref.iter().enumerate().skip(w).step_by(workers) {
                        (shared.0)(lo, hi, &(shared.1)(p));
                    }
                    if scope.finish().is_err() {
                        failed.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                });
            }
        });
    }
    if failed.load(std::sync::atomic::Ordering::Relaxed) {
        return Err("the GEMM library failed (it panicked)".into());
    }
    // Add the pieces up, in piece order, into the real tensors.
    let tables: Vec<Vec<*mut u8>> = (0..pieces.len()).map(table).collect();
    for q in &partials {
        let dst = call.ptrs[q.tensor];
        for off in q.offsets() {
            // SAFETY: `off` is an element of the tensor (its shape and
            // strides), in bounds of the real array and of every scratch.
            unsafe {
                match call.dtype {
                    DType::F64 => {
                        let mut acc = 0.0f64;
                        for (p, t) in tables.iter().enumerate() {
                            let x = *(t[q.tensor] as *const f64).offset(off as isize);
                            acc = if p == 0 { x } else { acc + x };
                        }
                        *(dst as *mut f64).offset(off as isize) = acc;
                    }
                    DType::F32 => {
                        let mut acc = 0.0f32;
                        for (p, t) in tables.iter().enumerate() {
                            let x = *(t[q.tensor] as *const f32).offset(off as isize);
                            acc = if p == 0 { x } else { acc + x };
                        }
                        *(dst as *mut f32).offset(off as isize) = acc;
                    }
                }
            }
        }
    }
    drop(scratch);
    Ok(())
}
