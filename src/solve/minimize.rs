//! `minimize`: stationary points of a scalar loss, classified.
//!
//! In: program text, the unknowns (`--over`), the loss (`--of`, default
//! the last named definition) and the call's data. Out: a [`Minimum`]:
//! the symbolic gradient, the stationary point, the loss there, and
//! whether the Hessian there makes it a minimum, maximum, saddle or
//! degenerate point.
//!
//! Always: the gradient and Hessian are `diff` of the loss, simplified;
//! a loss whose Hessian reads no unknown (quadratic) is solved in one
//! linear solve (exact for literals), others by Newton's method on the
//! gradient; the classification is exact (LDLᵀ inertia over rationals)
//! when the point is, else from the Hessian's eigenvalues (faer), a
//! zero eigenvalue being one below n·ε·max|λ|.

use super::problem::{Problem, fresh};
use super::{Failure, Method, Value, named};
use crate::diagnostics::{Diagnostic, Errors};
use crate::runtime::args::Args;
use num_rational::BigRational;
use num_traits::{Signed, Zero};

/// What the Hessian says about a stationary point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Classification {
    Minimum,
    Maximum,
    Saddle,
    Degenerate,
}

impl Classification {
    pub fn word(self) -> &'static str {
        match self {
            Classification::Minimum => "minimum",
            Classification::Maximum => "maximum",
            Classification::Saddle => "saddle",
            Classification::Degenerate => "degenerate",
        }
    }

    /// From the inertia: counts of positive, negative and zero eigenvalues.
    pub fn of_inertia(pos: usize, neg: usize, zero: usize) -> Classification {
        match (pos > 0, neg > 0, zero > 0) {
            (true, true, _) => Classification::Saddle,
            (_, _, true) => Classification::Degenerate,
            (_, false, false) => Classification::Minimum,
            (false, true, false) => Classification::Maximum,
        }
    }
}

/// What `minimize` found.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimum {
    /// The loss's name and its value at the point.
    pub of: String,
    pub loss: Value,
    /// Each unknown: name, shape, value.
    pub point: Vec<(String, Vec<usize>, Value)>,
    /// The simplified gradient definitions, as text.
    pub gradient_text: String,
    /// The simplified Hessian definitions, as text.
    pub hessian_text: String,
    pub classification: Classification,
    pub method: Method,
    /// Whether the Hessian reads the unknowns (not quadratic).
    pub nonlinear: bool,
}

impl Minimum {
    /// The report `ricci minimize` prints: gradient, point, value, kind,
    /// and for Newton its iterations and final gradient norm.
    pub fn report(&self) -> String {
        let mut out = self.gradient_text.clone();
        for (name, shape, v) in &self.point {
            out += &named(name, &v.text(shape));
        }
        out += &named(&self.of, &self.loss.text(&[]));
        if let Method::Newton {
            iterations,
            residual,
        } = self.method
        {
            out += &format!(
                "newton: converged in {iterations} iteration{}, gradient norm {residual:e}\n",
                if iterations == 1 { "" } else { "s" }
            );
        }
        out += self.classification.word();
        out.push('\n');
        out
    }

    /// Each unknown's value as an f64 tensor, by name.
    pub fn tensors(&self) -> Vec<(String, crate::Tensor)> {
        self.point
            .iter()
            .map(|(n, s, v)| (n.clone(), v.tensor(s)))
            .collect()
    }
}

/// Minimises (finds the stationary point of) the loss `of` over `over`;
/// `progress(iteration, gradient norm)` after each Newton step.
///
/// ```
/// let m = ricci::solve::minimize("L = 4a^2 + 2a + 1", &["a".into()], None,
///     &ricci::Args::new(), &mut |_, _| {}).unwrap();
/// assert_eq!(m.report(), "dL_da = 8 a + 2\na = -1/4\nL = 3/4\nminimum\n");
/// ```
pub fn minimize(
    src: &str,
    over: &[String],
    of: Option<&str>,
    args: &Args,
    progress: &mut dyn FnMut(usize, f64),
) -> Result<Minimum, Failure> {
    let p1 = crate::sema::check_source(src).map_err(|e| Failure {
        errors: e,
        text: src.to_string(),
    })?;
    let named_defs: Vec<&crate::sema::Def> = p1.defs.iter().filter(|d| d.name.is_some()).collect();
    let loss = match of {
        Some(n) => p1
            .defs
            .iter()
            .find(|d| d.name.as_deref() == Some(n))
            .ok_or_else(|| Failure::plain(format!("--of {n}: the program defines no `{n}`")))?,
        None => *named_defs.last().ok_or_else(|| {
            Failure::plain("the program defines nothing by name: write the loss as `L = ...`")
        })?,
    };
    let lname = loss.name.clone().unwrap_or_default();
    if !loss.axes.is_empty() {
        return Err(Failure {
            errors: Errors::one(
                Diagnostic::at(
                    format!("`{lname}` is a tensor; minimize needs a scalar loss"),
                    loss.span,
                )
                .with_note(format!("sum it to a scalar, e.g. `L = sum_i {lname}[i]`")),
            ),
            text: src.to_string(),
        });
    }
    let mut unknowns = Vec::new();
    for (k, u) in over.iter().enumerate() {
        if over[..k].contains(u) {
            return Err(Failure::plain(format!("--over {u} is given twice")));
        }
        unknowns.push((u.clone(), Problem::unknown_of(&p1, u, src, loss.span)?));
    }
    let mut taken: std::collections::BTreeSet<String> = src
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map(String::from)
        .collect();
    let mut residuals = Vec::new();
    let mut hess = Vec::new();
    for (u, rank) in &unknowns {
        let g = fresh(&format!("d{lname}_d{u}"), &mut taken);
        let qs: Vec<String> = (0..rank.unwrap_or(0))
            .map(|a| fresh(&format!("k{a}"), &mut taken))
            .collect();
        let (lhs, target) = if rank.is_some() {
            (
                format!("{g}[{}]", qs.join(",")),
                format!("{u}[{}]", qs.join(",")),
            )
        } else {
            (g.clone(), u.clone())
        };
        residuals.push((format!("{lhs} = diff({lname}, {target})"), g, qs));
        hess.push(fresh(&format!("d2{lname}_d{u}"), &mut taken));
    }
    let p = Problem::build(
        (src, src),
        residuals,
        &unknowns,
        &hess,
        &p1,
        args,
        &mut taken,
    )?;
    let loss_id = p
        .program
        .def_by_name(&lname)
        .ok_or_else(|| Failure::plain("internal error: the loss vanished"))?;
    let (values, method) = if p.nonlinear {
        let (x, iterations, residual) = newton_min(&p, loss_id, args, progress)?;
        let v = super::newton::split(&p, &x)
            .into_iter()
            .map(Value::F64)
            .collect();
        (
            v,
            Method::Newton {
                iterations,
                residual,
            },
        )
    } else {
        p.solve_values(args).map_err(|f| {
            if f.errors.0.iter().any(|d| d.message.contains("singular")) {
                Failure {
                    errors: Errors::one(
                        Diagnostic::error(format!(
                            "the gradient of `{lname}` has no single zero: {}",
                            f.errors.0[0].message.trim_start_matches("error: ")
                        ))
                        .with_note("the loss is flat along some direction (a degenerate quadratic); add a regulariser or fix an unknown"),
                    ),
                    text: String::new(),
                }
            } else if f.errors.0.iter().any(|d| d.message.contains("inconsistent")) {
                Failure {
                    errors: Errors::one(
                        Diagnostic::error(format!(
                            "the gradient of `{lname}` is never zero: the loss has no stationary point"
                        ))
                        .with_note("the loss is linear along some direction, so it is unbounded there"),
                    ),
                    text: String::new(),
                }
            } else {
                f
            }
        })?
    };
    let (m, n) = p.dims();
    let _ = m;
    let exact_point: Option<Vec<Vec<BigRational>>> = values
        .iter()
        .map(|v| match v {
            Value::Exact(x) => Some(x.clone()),
            Value::F64(_) => None,
        })
        .collect();
    let (loss_value, classification) = match exact_point.as_ref().and_then(|x| {
        let all = p.exact_values(x)?;
        let (_, h) = p.eval_exact(x)?;
        Some((all.get(p.raised_index(loss_id)?)?.first()?.clone(), h))
    }) {
        Some((l, h)) => (Value::Exact(vec![l]), inertia_exact(&h, n)),
        None => {
            let x: Vec<Vec<f64>> = values.iter().map(Value::to_f64).collect();
            let defs = p.eval_defs(args, &x)?;
            let l = defs
                .get(loss_id.index())
                .map(|t| t.to_f64().iter().copied().next().unwrap_or(f64::NAN))
                .unwrap_or(f64::NAN);
            let (_, h) = p.extract(&defs)?;
            (Value::F64(vec![l]), inertia_f64(&h, n))
        }
    };
    let point = p
        .unknowns
        .iter()
        .zip(values)
        .map(|(u, v)| (u.name.clone(), u.shape.clone(), v))
        .collect();
    Ok(Minimum {
        of: lname,
        loss: loss_value,
        point,
        gradient_text: p.text_of(&p.residuals),
        hessian_text: p.text_of(&p.jac.iter().flatten().copied().collect::<Vec<_>>()),
        classification,
        method,
        nonlinear: p.nonlinear,
    })
}

/// Newton's method on the loss from 0: the Newton direction where it
/// descends, else the steepest descent; backtracking (Armijo) on the loss
/// itself. Stops when the gradient norm is below 1e-12 (1 + its start),
/// or when no step changes the loss any more and the gradient is already
/// below 1e-8 (1 + |L|) (rounding); otherwise fails after 100 steps.
fn newton_min(
    p: &Problem,
    loss: crate::sema::DefId,
    args: &Args,
    progress: &mut dyn FnMut(usize, f64),
) -> Result<(Vec<f64>, usize, f64), Failure> {
    use super::newton::split;
    let (_, n) = p.dims();
    let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    let eval = |x: &[f64]| -> Result<(f64, Vec<f64>, Vec<f64>), Failure> {
        let xs = split(p, x);
        let defs = p.eval_defs(args, &xs)?;
        let l = defs
            .get(loss.index())
            .and_then(|t| t.to_f64().iter().copied().next())
            .unwrap_or(f64::NAN);
        let (g, h) = p.extract(&defs)?;
        Ok((l, g, h))
    };
    let mut x = vec![0.0; n];
    let (mut l, mut g, mut h) = eval(&x)?;
    let goal = 1e-12 * (1.0 + norm(&g));
    for it in 0..100 {
        let gn = norm(&g);
        if gn <= goal {
            return Ok((x, it, gn));
        }
        let b: Vec<f64> = g.iter().map(|v| -v).collect();
        let mut d = super::linalg::solve_f64(&h, n, n, &b).unwrap_or_else(|_| b.clone());
        let mut slope: f64 = g.iter().zip(&d).map(|(a, b)| a * b).sum();
        if slope.is_nan() || slope >= 0.0 {
            d = b.clone();
            slope = -gn * gn;
        }
        let mut t = 1.0;
        let mut moved = false;
        for _ in 0..60 {
            let trial: Vec<f64> = x.iter().zip(&d).map(|(a, s)| a + t * s).collect();
            let (l2, g2, h2) = eval(&trial)?;
            if l2.is_finite() && l2 <= l + 1e-4 * t * slope {
                (x, l, g, h) = (trial, l2, g2, h2);
                moved = true;
                break;
            }
            t /= 2.0;
        }
        progress(it + 1, norm(&g));
        if !moved {
            let gn = norm(&g);
            if gn <= 1e-8 * (1.0 + l.abs()) {
                return Ok((x, it + 1, gn));
            }
            return Err(Failure::plain(format!(
                "Newton's method failed at iteration {}: no step lowers the loss (gradient norm {gn:e})",
                it + 1
            )));
        }
    }
    let gn = norm(&g);
    if gn <= goal {
        return Ok((x, 100, gn));
    }
    Err(Failure::plain(format!(
        "Newton's method did not converge in 100 iterations: the gradient norm is still {gn:e}"
    )))
}

/// The kind of point from a symmetric `n × n` matrix, exactly: symmetric
/// elimination (congruence) to a diagonal, whose signs are the inertia.
pub fn inertia_exact(h: &[BigRational], n: usize) -> Classification {
    let mut a: Vec<Vec<BigRational>> = (0..n).map(|i| h[i * n..(i + 1) * n].to_vec()).collect();
    let (mut pos, mut neg) = (0, 0);
    let mut k = 0;
    let mut pivot_zero = Vec::new();
    while k < n {
        // A nonzero diagonal pivot, else make one from an off-diagonal entry.
        if let Some(p) = (k..n).find(|&p| !a[p][p].is_zero()) {
            a.swap(k, p);
            for row in a.iter_mut() {
                row.swap(k, p);
            }
        } else if let Some((i, j)) = (k..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .find(|&(i, j)| !a[i][j].is_zero())
        {
            // Row/column i += row/column j: diagonal becomes 2 a_ij + a_jj.
            let row_j = a[j].clone();
            for (x, v) in a[i].iter_mut().zip(row_j) {
                *x += v;
            }
            for row in a.iter_mut() {
                let v = row[j].clone();
                row[i] += v;
            }
            continue;
        } else {
            break;
        }
        let d = a[k][k].clone();
        if d.is_positive() {
            pos += 1;
        } else {
            neg += 1;
        }
        let pivot_row = a[k].clone();
        for row in a.iter_mut().skip(k + 1) {
            let f = &row[k] / &d;
            for (x, p) in row.iter_mut().zip(&pivot_row).skip(k) {
                *x -= &f * p;
            }
        }
        for (i, row) in a.iter_mut().enumerate().skip(k + 1) {
            row[k] = BigRational::zero();
            pivot_zero.push(i);
        }
        for i in pivot_zero.drain(..) {
            a[k][i] = BigRational::zero();
        }
        k += 1;
    }
    Classification::of_inertia(pos, neg, n - pos - neg)
}

/// The kind of point from a symmetric `n × n` f64 matrix: its eigenvalues'
/// signs, |λ| ≤ n·ε·max|λ| (times 100 for safety) counting as zero.
pub fn inertia_f64(h: &[f64], n: usize) -> Classification {
    let mat = faer::Mat::<f64>::from_fn(n, n, |i, j| 0.5 * (h[i * n + j] + h[j * n + i]));
    let Ok(eig) = mat.self_adjoint_eigenvalues(faer::Side::Lower) else {
        return Classification::Degenerate;
    };
    let max = eig.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let tol = 100.0 * (n as f64) * f64::EPSILON * max;
    let pos = eig.iter().filter(|&&v| v > tol).count();
    let neg = eig.iter().filter(|&&v| v < -tol).count();
    Classification::of_inertia(pos, neg, n - pos - neg)
}
