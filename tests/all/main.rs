//! Every integration test, in one test binary.
//!
//! In: the modules below, one per concern (each file's `//!` comment says
//! what it checks), and the helpers they share (`common`: generators,
//! bounds and checks against the interpreter; `support`: running the
//! `ricci` binary). Out: one `all` test target, so a build links one
//! binary instead of ~30 (each linking ricci, Cranelift and ndarray):
//! run one file's tests with `cargo test --test all jit::`.
//!
//! Always: tests in different modules share this process. None of them
//! sets environment variables or process-wide pools, and each kernel's
//! threads are its own `Options`, so they can run side by side.

mod common;
mod support;

mod api;
mod cli;
mod compact_diff;
mod einsum_cli;
mod einsum_fixtures;
mod errors;
mod filetests;
mod fuzz_corpus;
mod gemm;
mod hints;
mod jit;
mod literals;
mod loop_ir;
mod minimize;
mod parser;
mod parser_current;
mod planner;
mod props;
mod regress_jit;
mod regress_limits;
mod regress_share;
mod regress_sym;
mod simplified_eval;
mod solve;
mod sym_props;
mod symbolic;
mod threads;
mod vmath;
