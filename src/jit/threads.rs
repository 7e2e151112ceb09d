//! Running one block of a kernel: once, or split over threads along the
//! axis the loop IR marked (`Block::par`).
//!
//! In: a block's native function, the call's tables, its binding and the
//! kernel's thread cap. Out: the block computed.
//!
//! Always: a block with less work than [`MIN_TRIPS`] loop trips, or no
//! `par` axis, runs once on the calling thread; otherwise its `par` range
//! is cut into as many contiguous pieces as threads may run (at most one
//! per element), each run with its own copy of the range table. By the
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

/// The native function of a block.
pub(super) type Entry = unsafe extern "C" fn(*const *mut u8, *const i64, *const i64, *const f64);

/// The pointers a piece needs, sendable to another thread.
struct Shared<'a>(&'a Call<'a>);

// SAFETY: the pointers are only read by the generated code, which writes
// through them only the elements of its own piece (see the module doc);
// they outlive the scope the pieces run in.
unsafe impl Send for Shared<'_> {}
unsafe impl Sync for Shared<'_> {}

/// Runs `entry` for `block`, on up to `threads` threads (`None`: as many
/// as the machine has).
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
) {
    let once = |ranges: &[i64]| {
        // SAFETY: the caller's promise; `ranges` only narrows the `par`
        // axis to a piece of its range.
        unsafe {
            entry(
                call.ptrs.as_ptr(),
                call.strides.as_ptr(),
                ranges.as_ptr(),
                call.params.as_ptr(),
            )
        }
    };
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let n = threads.unwrap_or_else(|| {
        *CORES.get_or_init(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        })
    });
    let Some(axis) = block.par else {
        return once(call.ranges);
    };
    let (start, len) = (
        call.ranges[2 * axis.index()],
        call.ranges[2 * axis.index() + 1],
    );
    let pieces = (n as i64).min(len);
    if pieces <= 1 || crate::loops::cost::block_trips(block, bound) < MIN_TRIPS {
        return once(call.ranges);
    }
    let shared = Shared(call);
    let shared = &shared;
    rayon::scope(|s| {
        for p in 0..pieces {
            s.spawn(move |_| {
                let call = shared.0;
                let (lo, hi) = (len * p / pieces, len * (p + 1) / pieces);
                let mut ranges = call.ranges.to_vec();
                ranges[2 * axis.index()] = start + lo;
                ranges[2 * axis.index() + 1] = hi - lo;
                // SAFETY: as `once`.
                unsafe {
                    entry(
                        call.ptrs.as_ptr(),
                        call.strides.as_ptr(),
                        ranges.as_ptr(),
                        call.params.as_ptr(),
                    )
                }
            });
        }
    });
}
