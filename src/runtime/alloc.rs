//! Fallible allocation of result arrays.
//!
//! In: a shape and what the array is for (for the message). Out: a
//! zero-filled C-order `ArrayD`, or an error that says how much memory was
//! asked for and how to ask for less.
//!
//! Always: the buffer comes from a fallible allocation (`alloc_zeroed`,
//! which returns null rather than aborting, and leaves fresh pages untouched
//! until written, as `vec![0.0; n]` does), so an allocation the system
//! refuses (an address-space limit, an exhausted heap) is an error, never an
//! aborted process. Buffers of 4 MiB and more are offered to the kernel
//! for transparent huge pages (Linux `madvise(MADV_HUGEPAGE)` on the
//! 2 MiB-aligned interior, before any page is touched), as numpy does for
//! its arrays: a result written once then costs a few hundred page faults
//! fewer per megabyte, and streaming loops fewer TLB misses.
//!
//! A process that runs kernels in a loop (the command line) can also ask
//! the C allocator to keep freed memory ([`keep_freed_memory`]): results
//! of a few hundred KiB to a few MiB are then reused from the heap by the
//! next call instead of being returned to the system and faulted in again.

use crate::diagnostics::Diagnostic;
use crate::limits::show_bytes;
use ndarray::{ArrayD, IxDyn};

/// Asks glibc's allocator to keep up to 64 MiB of freed memory at the top
/// of the heap (`mallopt(M_TOP_PAD)`) instead of trimming it, so that a
/// kernel called again gets its result arrays without page faults: with
/// the default, attention 256x64 (three 512 KiB results) spent about 40%
/// of a call faulting pages in. Process-wide, so only the command line
/// calls it; an embedding application chooses for itself (the same
/// setting is `MALLOC_TOP_PAD_=67108864` in the environment). Does
/// nothing on other C libraries.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of the allocator;
    // M_TOP_PAD takes any non-negative byte count.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 64 << 20);
    }
}

/// Element types whose all-zero bit pattern is the value 0.
///
/// # Safety
///
/// Implement only for types for which all zero bits are a valid value.
pub unsafe trait ZeroBits: Copy {}
// SAFETY: IEEE 754 +0.0 is all zero bits.
unsafe impl ZeroBits for f64 {}
// SAFETY: as for f64.
unsafe impl ZeroBits for f32 {}

/// A zero-filled array of `shape`, or an error naming `what` it is for.
pub fn try_zeros<T: ZeroBits>(shape: &[usize], what: &str) -> Result<ArrayD<T>, Diagnostic> {
    try_zeros_for(shape, &|| what.to_string())
}

/// [`try_zeros`], naming what it is for only if it fails.
pub fn try_zeros_for<T: ZeroBits>(
    shape: &[usize],
    what: &dyn Fn() -> String,
) -> Result<ArrayD<T>, Diagnostic> {
    let n = shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| refused(&what(), u128::MAX))?;
    let v = try_zeroed_vec_for::<T>(n, what)?;
    ArrayD::from_shape_vec(IxDyn(shape), v).map_err(|e| {
        Diagnostic::error(format!(
            "internal error: cannot shape the array for {}: {e}",
            what()
        ))
    })
}

/// A vector of `n` zeros, or an error naming `what` it is for.
pub fn try_zeroed_vec<T: ZeroBits>(n: usize, what: &str) -> Result<Vec<T>, Diagnostic> {
    try_zeroed_vec_for(n, &|| what.to_string())
}

fn try_zeroed_vec_for<T: ZeroBits>(
    n: usize,
    what: &dyn Fn() -> String,
) -> Result<Vec<T>, Diagnostic> {
    let bytes = (n as u128).saturating_mul(std::mem::size_of::<T>() as u128);
    let layout = std::alloc::Layout::array::<T>(n).map_err(|_| refused(&what(), bytes))?;
    if layout.size() == 0 {
        // `n == 0` (f64 and f32 have a size).
        return Ok(Vec::new());
    }
    // SAFETY: `layout` has a non-zero size.
    let p = unsafe { std::alloc::alloc_zeroed(layout) } as *mut T;
    if p.is_null() {
        return Err(refused(&what(), bytes));
    }
    advise_huge_pages(p as *mut u8, layout.size());
    // SAFETY: `p` was allocated by the global allocator with the layout of
    // `n` values of `T` (so `Vec` frees it with the same layout), and all of
    // them are initialised: zero bits are the value 0 for `T: ZeroBits`.
    Ok(unsafe { Vec::from_raw_parts(p, n, n) })
}

/// Buffers at least this large are offered huge pages (numpy's threshold).
const HUGE_PAGE_THRESHOLD: usize = 4 << 20;

/// Asks the kernel to back the 2 MiB-aligned part of `[p, p + bytes)` with
/// transparent huge pages. Advice only: a refusal (no THP, an old kernel)
/// changes nothing but speed, so its result is ignored.
#[cfg(target_os = "linux")]
fn advise_huge_pages(p: *mut u8, bytes: usize) {
    const HUGE: usize = 2 << 20;
    if bytes < HUGE_PAGE_THRESHOLD {
        return;
    }
    let start = (p as usize).next_multiple_of(HUGE);
    let end = (p as usize + bytes) / HUGE * HUGE;
    if end > start {
        // SAFETY: `[start, end)` lies inside the live allocation at `p`;
        // MADV_HUGEPAGE changes no contents and no protection.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages(_p: *mut u8, _bytes: usize) {
    let _ = HUGE_PAGE_THRESHOLD;
}

fn refused(what: &str, bytes: u128) -> Diagnostic {
    let size = if bytes == u128::MAX {
        "more memory than can be addressed".to_string()
    } else {
        show_bytes(bytes)
    };
    Diagnostic::error(format!(
        "out of memory: the system refused {size} for {what}"
    ))
    .with_note(
        "use smaller inputs or extents, or free memory (a `ulimit -v` may be what refused it)",
    )
}
