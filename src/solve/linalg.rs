//! Dense linear systems for `solve` and `minimize`: exact (fraction-free
//! Bareiss elimination over rationals) and f64 (faer's pivoted LU).
//!
//! In: an m×n matrix (row-major) and a right-hand side of length m. Out:
//! the unique solution of `A x = b`, or why there is none: singular (rank
//! r of n) or inconsistent.
//!
//! Always: the exact path is exact; the f64 path refuses a matrix whose
//! numerical rank (fully pivoted LU, pivots above n·ε·max pivot) is short.

use num_rational::BigRational;
use num_traits::{Signed, Zero};

/// Why a system has no unique solution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoSolution {
    /// Rank below the number of unknowns.
    Singular { rank: usize, unknowns: usize },
    /// The equations contradict each other.
    Inconsistent { rank: usize, equations: usize },
    /// f64 only: not as many equations as unknowns.
    NotSquare { equations: usize, unknowns: usize },
}

impl std::fmt::Display for NoSolution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoSolution::Singular { rank, unknowns } => {
                write!(f, "the system is singular (rank {rank} of {unknowns})")
            }
            NoSolution::Inconsistent { rank, equations } => write!(
                f,
                "the system is inconsistent: its {equations} equation{} (rank {rank}) contradict each other",
                if *equations == 1 { "" } else { "s" }
            ),
            NoSolution::NotSquare {
                equations,
                unknowns,
            } => write!(
                f,
                "the system has {equations} equations in {unknowns} unknowns; a floating-point solve needs as many of each"
            ),
        }
    }
}

/// Solves `A x = b` exactly (Bareiss elimination with row pivoting on the
/// augmented matrix; every entry stays a minor of the original).
pub fn solve_exact(
    a: &[BigRational],
    m: usize,
    n: usize,
    b: &[BigRational],
) -> Result<Vec<BigRational>, NoSolution> {
    let w = n + 1;
    let mut rows: Vec<Vec<BigRational>> = (0..m)
        .map(|i| {
            let mut r = a[i * n..(i + 1) * n].to_vec();
            r.push(b[i].clone());
            r
        })
        .collect();
    let mut prev = BigRational::from_integer(1.into());
    let mut pivots = Vec::new();
    let mut r = 0;
    for c in 0..n {
        if r == m {
            break;
        }
        let Some(p) = (r..m).find(|&p| !rows[p][c].is_zero()) else {
            continue;
        };
        rows.swap(p, r);
        for i in r + 1..m {
            for j in c + 1..w {
                let v = (&rows[r][c] * &rows[i][j] - &rows[i][c] * &rows[r][j]) / &prev;
                rows[i][j] = v;
            }
            rows[i][c] = BigRational::zero();
        }
        prev = rows[r][c].clone();
        pivots.push(c);
        r += 1;
    }
    let rank = pivots.len();
    if (rank..m).any(|i| !rows[i][n].is_zero()) {
        return Err(NoSolution::Inconsistent { rank, equations: m });
    }
    if rank < n {
        return Err(NoSolution::Singular { rank, unknowns: n });
    }
    let mut x = vec![BigRational::zero(); n];
    for k in (0..rank).rev() {
        let c = pivots[k];
        let mut s = rows[k][n].clone();
        for j in c + 1..n {
            s -= &rows[k][j] * &x[j];
        }
        x[c] = s / &rows[k][c];
    }
    Ok(x)
}

/// Solves `A x = b` in f64 with faer: a fully pivoted LU gives the
/// numerical rank, a partially pivoted LU the solution.
pub fn solve_f64(a: &[f64], m: usize, n: usize, b: &[f64]) -> Result<Vec<f64>, NoSolution> {
    use faer::linalg::solvers::Solve;
    if m != n {
        return Err(NoSolution::NotSquare {
            equations: m,
            unknowns: n,
        });
    }
    let mat = faer::Mat::<f64>::from_fn(n, n, |i, j| a[i * n + j]);
    let rank = numerical_rank(&mat);
    if rank < n {
        return Err(NoSolution::Singular { rank, unknowns: n });
    }
    let rhs = faer::Mat::<f64>::from_fn(n, 1, |i, _| b[i]);
    let x = mat.partial_piv_lu().solve(&rhs);
    Ok((0..n).map(|i| x[(i, 0)]).collect())
}

/// The number of pivots of a fully pivoted LU above n·ε times the largest.
pub fn numerical_rank(mat: &faer::Mat<f64>) -> usize {
    let n = mat.nrows().min(mat.ncols());
    if n == 0 {
        return 0;
    }
    if mat
        .col_iter()
        .flat_map(|c| c.iter().copied().collect::<Vec<_>>())
        .any(|v| !v.is_finite())
    {
        return 0;
    }
    let lu = mat.full_piv_lu();
    let u = lu.U();
    let pivots: Vec<f64> = (0..n).map(|i| u[(i, i)].abs()).collect();
    let max = pivots.iter().copied().fold(0.0, f64::max);
    let tol = max * (mat.nrows().max(mat.ncols()) as f64) * f64::EPSILON;
    pivots.iter().filter(|&&p| p > tol && p > 0.0).count()
}

/// Whether every entry is exactly an integer (for printing).
pub fn all_integer(v: &[BigRational]) -> bool {
    v.iter().all(|x| x.is_integer() || x.abs().is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn exercise_11_exactly() {
        let a = [q(1, 1), q(2, 1), q(3, 1), q(4, 1)];
        let x = solve_exact(&a, 2, 2, &[q(5, 1), q(6, 1)]).unwrap();
        assert_eq!(x, vec![q(-4, 1), q(9, 2)]);
    }

    #[test]
    fn singular_and_inconsistent() {
        let a = [q(1, 1), q(2, 1), q(2, 1), q(4, 1)];
        assert_eq!(
            solve_exact(&a, 2, 2, &[q(1, 1), q(2, 1)]),
            Err(NoSolution::Singular {
                rank: 1,
                unknowns: 2
            })
        );
        assert_eq!(
            solve_exact(&a, 2, 2, &[q(1, 1), q(3, 1)]),
            Err(NoSolution::Inconsistent {
                rank: 1,
                equations: 2
            })
        );
        assert_eq!(
            solve_f64(&[1.0, 2.0, 2.0, 4.0], 2, 2, &[1.0, 2.0]),
            Err(NoSolution::Singular {
                rank: 1,
                unknowns: 2
            })
        );
    }

    #[test]
    fn f64_lu_solves() {
        let x = solve_f64(&[1.0, 2.0, 3.0, 4.0], 2, 2, &[5.0, 6.0]).unwrap();
        assert!((x[0] + 4.0).abs() < 1e-14 && (x[1] - 4.5).abs() < 1e-14);
    }
}
