//! Running one block of a kernel: once, or split over threads along the
//! axis the loop IR marked (`Block::par`).
//!
//! In: a block's native function, the call's tables, its binding and the
//! kernel's thread cap. Out: the block computed.
//!
//! Always: a block with less work than [`MIN_TRIPS`] loop trips, or no
//! `par` axis, runs once on the calling thread; otherwise its `par` range
//! is cut into pieces, each run with its own copy of the range table: for
//! loop code one contiguous piece per thread, for a library
//! matrix-vector call fixed chunks of [`GEMV_ROWS`] rows whatever the
//! thread count (run in order on one thread). By the
//! `parallel` pass's invariant the pieces write disjoint elements and
//! compute each exactly as one run would, so results are the same bits
//! for any thread count.

use crate::loops::ir::Block;
use crate::sema::Bound;

/// The tables of one call, as the generated code takes them.
pub(super) struct Call<'a> {
    pub ptrs: &'a [*mut u8],
    pub strides: &'a [i64],
    pub ranges: &'a [i64],
    pub params: &'a [f64],
}

/// Blocks with fewer loop trips than this run on one thread (a piece
/// handed to another thread costs a few microseconds).
pub const MIN_TRIPS: f64 = (1u64 << 15) as f64;

/// Rows per piece of a matrix-vector library call split over threads.
const GEMV_ROWS: i64 = 256;

/// The native function of a block.
pub(super) type Entry = unsafe extern "C" fn(*const *mut u8, *const i64, *const i64, *const f64);

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
    entry: Entry,
    block: &Block,
    call: &Call,
    bound: &Bound,
    threads: Option<usize>,
) -> Result<(), String> {
    // SAFETY (every call below): the caller's promise; a piece's table
    // only narrows the `par` axis to part of its range.
    let once = |ranges: &[i64]| unsafe {
        entry(
            call.ptrs.as_ptr(),
            call.strides.as_ptr(),
            ranges.as_ptr(),
            call.params.as_ptr(),
        )
    };
    let Some(axis) = block.par else {
        once(call.ranges);
        return Ok(());
    };
    if crate::loops::cost::block_trips(block, bound) < MIN_TRIPS {
        once(call.ranges);
        return Ok(());
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
