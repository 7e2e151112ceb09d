//! Solving a [`Problem`]: linear systems directly (exact or f64 LU),
//! nonlinear ones by damped Newton on the compiled residual and Jacobian.
//!
//! In: a [`Problem`] and the call's data. Out: the unknowns' values and
//! the [`Method`] used, or an error: singular/inconsistent (exact or LU),
//! or Newton's failure to converge (with the residual it reached).
//!
//! Always: Newton starts at 1 for every unknown component, takes at most
//! [`MAX_ITERATIONS`] steps, halves each step until the residual norm
//! falls (Armijo, at most 40 halvings), and stops when the residual norm is
//! below [`TOLERANCE`] × (1 + the starting norm).

use super::linalg::{self, NoSolution};
use super::{Failure, Method, Problem, Solution, Value};
use crate::diagnostics::{Diagnostic, Errors};
use crate::runtime::args::Args;
use num_rational::BigRational;

pub const MAX_ITERATIONS: usize = 100;
pub const TOLERANCE: f64 = 1e-12;

fn no_solution(e: NoSolution) -> Failure {
    Failure::plain(e.to_string())
}

/// The unknowns' values split from one flat vector.
pub fn split<T: Clone>(p: &Problem, flat: &[T]) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut at = 0;
    for u in &p.unknowns {
        let n = u.len().max(usize::from(u.scalar));
        out.push(flat[at..at + n].to_vec());
        at += n;
    }
    out
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

impl Problem {
    /// Solves `R(x) = 0`: one flat value per unknown, and how.
    pub fn solve_values(&self, args: &Args) -> Result<(Vec<Value>, Method), Failure> {
        let (m, n) = self.dims();
        if !self.nonlinear {
            if self.exact
                && let Some((r, j)) = self.eval_exact(&self.zeros::<BigRational>())
            {
                let b: Vec<BigRational> = r.into_iter().map(|v| -v).collect();
                let x = linalg::solve_exact(&j, m, n, &b).map_err(no_solution)?;
                let values = split(self, &x).into_iter().map(Value::Exact).collect();
                return Ok((values, Method::ExactLinear));
            }
            let (r, j) = self.eval_f64(args, &self.zeros::<f64>())?;
            let b: Vec<f64> = r.iter().map(|v| -v).collect();
            let x = linalg::solve_f64(&j, m, n, &b).map_err(no_solution)?;
            let values = split(self, &x).into_iter().map(Value::F64).collect();
            return Ok((values, Method::LuF64));
        }
        let (x, iterations, residual) = self.newton(args, &mut |_, _| {})?;
        let values = split(self, &x).into_iter().map(Value::F64).collect();
        Ok((
            values,
            Method::Newton {
                iterations,
                residual,
            },
        ))
    }

    /// Damped Newton from 1; `progress(iteration, residual norm)` after
    /// each step.
    pub fn newton(
        &self,
        args: &Args,
        progress: &mut dyn FnMut(usize, f64),
    ) -> Result<(Vec<f64>, usize, f64), Failure> {
        let (m, n) = self.dims();
        let mut x = vec![1.0; n];
        let (mut r, mut j) = self.eval_f64(args, &split(self, &x))?;
        let mut rn = norm(&r);
        let goal = TOLERANCE * (1.0 + rn);
        for it in 0..MAX_ITERATIONS {
            if rn <= goal {
                return Ok((x, it, rn));
            }
            if !rn.is_finite() {
                break;
            }
            let b: Vec<f64> = r.iter().map(|v| -v).collect();
            let step = match linalg::solve_f64(&j, m, n, &b) {
                Ok(s) => s,
                Err(e) => {
                    return Err(Failure {
                        errors: Errors::one(
                            Diagnostic::error(format!(
                                "Newton's method failed at iteration {it}: the Jacobian is singular there ({e}); residual norm {rn:e}"
                            ))
                            .with_note("the equation may have no isolated solution near 1; rewrite it or solve for another unknown"),
                        ),
                        text: String::new(),
                    });
                }
            };
            let mut t = 1.0;
            let mut accepted = false;
            for _ in 0..40 {
                let trial: Vec<f64> = x.iter().zip(&step).map(|(a, s)| a + t * s).collect();
                let (r2, j2) = self.eval_f64(args, &split(self, &trial))?;
                let n2 = norm(&r2);
                if n2.is_finite() && n2 <= (1.0 - 1e-4 * t) * rn {
                    (x, r, j, rn) = (trial, r2, j2, n2);
                    accepted = true;
                    break;
                }
                t /= 2.0;
            }
            progress(it + 1, rn);
            if !accepted {
                return Err(Failure::plain(format!(
                    "Newton's method failed at iteration {}: no step along the Newton direction reduces the residual (norm {rn:e})",
                    it + 1
                )));
            }
        }
        if rn <= goal {
            return Ok((x, MAX_ITERATIONS, rn));
        }
        Err(Failure::plain(format!(
            "Newton's method did not converge in {MAX_ITERATIONS} iterations: the residual norm is still {rn:e}"
        )))
    }

    /// Solves a one-unknown problem into a [`Solution`].
    pub fn solve(&self, args: &Args) -> Result<Solution, Failure> {
        let (mut values, method) = self.solve_values(args)?;
        let u = &self.unknowns[0];
        Ok(Solution {
            name: u.name.clone(),
            shape: u.shape.clone(),
            value: values.remove(0),
            method,
            residual_text: self.text_of(&self.residuals),
            jacobian_text: self.text_of(&self.jac[0]),
            nonlinear: self.nonlinear,
        })
    }
}
