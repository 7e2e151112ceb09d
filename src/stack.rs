//! Deep recursion on a large stack of its own.
//!
//! In: a closure and a name for messages. Out: the closure's result, or an
//! error diagnostic if it panics.
//!
//! Always: the stack is address space, touched only as deep as the work
//! recurses; the caller's own stack size never matters. Checked programs
//! nest at most `sema::MAX_CHECKED_DEPTH` levels, far inside this stack.

use crate::diagnostics::{Diagnostic, Errors};

/// Stack for the interpreter and the symbolic engine.
pub const STACK_BYTES: usize = 256 << 20;

/// Runs `f` on a fresh stack segment of [`STACK_BYTES`] on the calling
/// thread (`stacker::grow`: an mmap'd region, touched only as deep as the
/// work recurses; no thread is spawned, so a compile never waits for the
/// scheduler). A panic inside `f` becomes an internal-error diagnostic.
pub fn on_big_stack<T: Send>(
    what: &str,
    f: impl FnOnce() -> Result<T, Errors> + Send,
) -> Result<T, Errors> {
    let run = std::panic::AssertUnwindSafe(f);
    let result = stacker::grow(STACK_BYTES, move || std::panic::catch_unwind(run));
    match result {
        Ok(r) => r,
        Err(_) => Err(Errors::one(Diagnostic::error(format!(
            "internal error: the {what} stopped unexpectedly"
        )))),
    }
}
