//! Deep recursion on a thread of its own with a large stack.
//!
//! In: a closure and a name for messages. Out: the closure's result, or an
//! error diagnostic if the thread cannot start or stops unexpectedly.
//!
//! Always: the stack is address space, touched only as deep as the work
//! recurses; the caller's own stack size never matters. Checked programs
//! nest at most `sema::MAX_CHECKED_DEPTH` levels, far inside this stack.

use crate::diagnostics::{Diagnostic, Errors};

/// Stack for the interpreter and the symbolic engine.
pub const STACK_BYTES: usize = 256 << 20;

/// Runs `f` on a new thread named `ricci-<what>` with [`STACK_BYTES`].
pub fn on_big_stack<T: Send>(
    what: &str,
    f: impl FnOnce() -> Result<T, Errors> + Send,
) -> Result<T, Errors> {
    let result = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name(format!("ricci-{}", what.replace(' ', "-")))
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, f)
            .map(|h| h.join())
    });
    match result {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => Err(Errors::one(Diagnostic::error(format!(
            "internal error: the {what} stopped unexpectedly"
        )))),
        Err(e) => Err(Errors::one(Diagnostic::error(format!(
            "cannot start the {what}'s thread: {e}"
        )))),
    }
}
