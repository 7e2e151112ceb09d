//! `ricci einsum`: numpy.einsum on .npy files.
//!
//! In: [`EinsumArgs`]. Out: the result written to `-o OUT.npy`, or
//! printed as `eval` prints a value.
//!
//! Always: errors in the subscripts point into the subscripts string;
//! operands of mixed f32/f64 compute in f64, as numpy promotes (integer
//! files are read as f64, so their result is f64: README "einsum").

use super::{EinsumArgs, Failure};
use crate::runtime::npy::{read_npy, write_npy};

pub fn run(a: &EinsumArgs) -> Result<(), Failure> {
    let limits = super::limits(&a.limits)?;
    let mut operands = Vec::with_capacity(a.operands.len());
    for path in &a.operands {
        operands.push(read_npy(path).map_err(Failure::plain)?);
    }
    let result = crate::einsum::run_with_limits(&a.subscripts, &operands, limits)
        .map_err(|e| Failure::Data(e.render("<subscripts>", &a.subscripts)))?;
    match &a.out {
        Some(out) => write_npy(out, &result).map_err(Failure::plain),
        None => {
            println!("{}", crate::runtime::values::format_value(&result));
            Ok(())
        }
    }
}
