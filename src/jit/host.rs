//! Functions of the host that the generated code calls: `f64::sin` and
//! `f64::cos`, for the lanes whose argument is beyond the inline range
//! reduction of `vmath` (|x| > 2^20, ±inf).
//!
//! In: an f64. Out: the std function's value. Always: plain `extern "C"`
//! functions that `vmath` calls through their address (`call_indirect`),
//! so no module declares or links them.

/// `f64::sin`, for `vmath`'s slow path.
pub extern "C" fn sin(x: f64) -> f64 {
    x.sin()
}

/// `f64::cos`, for `vmath`'s slow path.
pub extern "C" fn cos(x: f64) -> f64 {
    x.cos()
}
