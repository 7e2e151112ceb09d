//! Code the integration tests and the fuzz targets share: one random-program
//! generator driven by bytes ([`choices`], [`generator`]), the checks run on what
//! it generates ([`checks`], [`jit_check`]), and the fuzz targets' bodies
//! ([`targets`]). Nothing here depends on proptest, so `fuzz/` includes
//! this directory as it is.

pub mod bound;
pub mod checks;
pub mod choices;
pub mod generator;
pub mod jit_check;
pub mod layout;
pub mod targets;
