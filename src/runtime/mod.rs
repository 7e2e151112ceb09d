//! Runtime values: the dense tensors that formulas consume and produce, and
//! their exchange with the outside world.
//!
//! In: `.npy` files or bytes, and values computed by the interpreter. Out:
//! [`values::Tensor`]s, their printed form (`ricci eval`), and `.npy` files.
//!
//! Always: a tensor holds either `f64` or `f32` elements in an owned
//! `ndarray::ArrayD`; nothing in this module panics on user data.

pub mod alloc;
pub mod args;
pub mod npy;
pub mod values;
