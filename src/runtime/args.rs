//! The arguments of one evaluation: input tensors, scalar parameters and
//! `--dim` extents, by name, and the limits the call runs under.
//!
//! In: values from the command line or a Rust caller. Out: the [`Env`] that
//! [`crate::sema::bind()`] needs, and the common element type of the call.
//!
//! Always: a call's tensors all have one element type (f64 or f32); mixing is
//! an error naming two tensors of different types.

use super::values::{DType, Tensor};
use crate::diagnostics::{Diagnostic, Errors};
use crate::limits::Limits;
use crate::sema::Env;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub struct Args {
    pub tensors: BTreeMap<String, Tensor>,
    pub params: BTreeMap<String, f64>,
    pub dims: BTreeMap<String, usize>,
    /// The element type when no tensor is given (f64 unless asked).
    pub default_dtype: Option<DType>,
    /// The memory and work limits of this call; `None`: the process's
    /// ([`crate::limits::current`]).
    pub limits: Option<Limits>,
}

impl Args {
    pub fn new() -> Args {
        Args::default()
    }

    pub fn tensor(mut self, name: &str, t: Tensor) -> Args {
        self.tensors.insert(name.to_string(), t);
        self
    }

    pub fn param(mut self, name: &str, v: f64) -> Args {
        self.params.insert(name.to_string(), v);
        self
    }

    pub fn dim(mut self, index: &str, n: usize) -> Args {
        self.dims.insert(index.to_string(), n);
        self
    }

    /// Runs this call under `limits` instead of the process's.
    pub fn with_limits(mut self, limits: Limits) -> Args {
        self.limits = Some(limits);
        self
    }

    /// The limits this call runs under.
    pub fn limits(&self) -> Limits {
        self.limits.unwrap_or_else(crate::limits::current)
    }

    /// The shapes, parameter values and dims, for binding.
    pub fn env(&self) -> Env {
        Env {
            shapes: self
                .tensors
                .iter()
                .map(|(k, t)| (k.clone(), t.shape().to_vec()))
                .collect(),
            params: self.params.clone(),
            dims: self.dims.clone(),
        }
    }

    /// The element type of the call: that of every tensor, which must agree.
    pub fn dtype(&self) -> Result<DType, Errors> {
        let mut first: Option<(&String, DType)> = None;
        for (name, t) in &self.tensors {
            match first {
                None => first = Some((name, t.dtype())),
                Some((n0, d0)) if d0 != t.dtype() => {
                    return Err(Errors::one(
                        Diagnostic::error(format!(
                            "inputs mix element types: `{n0}` is {} but `{name}` is {}",
                            d0.name(),
                            t.dtype().name()
                        ))
                        .with_note(
                            "give every input tensor the same dtype (all float64 or all float32)",
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(first
            .map(|(_, d)| d)
            .or(self.default_dtype)
            .unwrap_or(DType::F64))
    }
}
