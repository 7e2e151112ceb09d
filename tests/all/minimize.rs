//! `ricci minimize` and `ricci::solve::minimize`: exercise 4 exactly, the
//! classification of minima, maxima, saddles and degenerate points (exact
//! and f64), least squares on data against its normal equations, logistic
//! regression by Newton (gradient norm below 1e-8 in at most 15 steps),
//! `--out`, and errors.

use crate::support;

use support::{ricci, save, stderr, stdout};

fn q(n: i64) -> num_rational::BigRational {
    num_rational::BigRational::from_integer(n.into())
}

fn scratch(name: &str) -> std::path::PathBuf {
    support::scratch("min", name)
}

fn kind(program: &str, over: &[&str]) -> String {
    let mut args = vec!["minimize", program];
    for o in over {
        args.push("--over");
        args.push(o);
    }
    let o = ricci(&args);
    assert!(o.status.success(), "{program}: {}", stderr(&o));
    stdout(&o).lines().last().unwrap_or("").to_string()
}

#[test]
fn exercise_4_exactly() {
    let o = ricci(&["minimize", "L = 4a^2 + 2a + 1", "--over", "a"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "dL_da = 8 a + 2\na = -1/4\nL = 3/4\nminimum\n");
}

#[test]
fn maxima_saddles_and_degenerate_points_are_named() {
    assert_eq!(kind("L = -(a-1)^2 - 3", &["a"]), "maximum");
    assert_eq!(kind("L = a^2 - b^2 + a b", &["a", "b"]), "saddle");
    // Exact inertia with a zero diagonal: a b alone is a saddle.
    assert_eq!(kind("L = a b", &["a", "b"]), "saddle");
    assert_eq!(kind("L = (a-1)^2 + (b+2)^2 + a b", &["a", "b"]), "minimum");
    // Cubic: f'(a) = 3a^2 - 3 = 0 from 1 is a = 1, f'' = 6 > 0.
    assert_eq!(kind("L = a^3 - 3 a", &["a"]), "minimum");
    // Quartic at its stationary point 0: f'' = 0.
    let o = ricci(&["minimize", "L = (a - 1)^4", "--over", "a"]);
    // Newton converges linearly towards a = 1, where the Hessian is ~1e-7:
    // a minimum in fact; f64 cannot tell it from degenerate.
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.ends_with("minimum\n") || out.ends_with("degenerate\n"),
        "{out}"
    );
    // Exact inertia: a zero eigenvalue is degenerate.
    assert_eq!(
        ricci::solve::inertia_exact(&[q(1), q(0), q(0), q(0)], 2),
        ricci::solve::Classification::Degenerate
    );
    assert_eq!(
        ricci::solve::inertia_exact(&[q(0), q(1), q(1), q(0)], 2),
        ricci::solve::Classification::Saddle
    );
    assert_eq!(
        ricci::solve::inertia_f64(&[-2.0, 1.0, 1.0, -2.0], 2),
        ricci::solve::Classification::Maximum
    );
    assert_eq!(
        ricci::solve::inertia_f64(&[1.0, 1.0, 1.0, 1.0], 2),
        ricci::solve::Classification::Degenerate
    );
}

#[test]
fn tensor_unknown_exactly_and_in_f64() {
    // Ridge-like exact quadratic in a vector: minimum at w = b / 2.
    let o = ricci(&[
        "minimize",
        "b = [1, 3]; L = sum_i (w[i]^2 - b[i] w[i])",
        "--over",
        "w",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "dL_dw[k0] = 2 w[k0] - b[k0]\nw = [1/2, 3/2]\nL = -5/2\nminimum\n"
    );
}

#[test]
fn least_squares_on_data_matches_the_normal_equations() {
    // X (6×2), y: the minimiser of |y - X w|^2 solves X'X w = X'y.
    let x = [1.0, 0.5, 1.0, -1.0, 1.0, 2.0, 1.0, 0.0, 1.0, -0.3, 1.0, 1.5];
    let y = [1.0, 0.0, 1.0, 0.0, 1.0, 0.0];
    let dir = scratch("lstsq");
    let px = save(&dir, "x.npy", &[6, 2], &x);
    let py = save(&dir, "y.npy", &[6], &y);
    let out = dir.join("w.npy");
    let o = ricci(&[
        "minimize",
        "L = sum_i (y[i] - sum_j X[i,j] w[j])^2",
        "--over",
        "w",
        "--in",
        &format!("X={px}"),
        "--in",
        &format!("y={py}"),
        "--out",
        &format!("w={}", out.display()),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).ends_with("minimum\n"), "{}", stdout(&o));
    let w: Vec<f64> = ricci::runtime::npy::read_npy(&out)
        .unwrap()
        .to_f64()
        .iter()
        .copied()
        .collect();
    // Normal equations residual.
    for k in 0..2 {
        let mut g = 0.0;
        for i in 0..6 {
            let r = y[i] - (x[2 * i] * w[0] + x[2 * i + 1] * w[1]);
            g += x[2 * i + k] * r;
        }
        assert!(g.abs() < 1e-12, "gradient {k}: {g}");
    }
}

#[test]
fn logistic_regression_by_newton_converges_fast() {
    // Synthetic, well-conditioned data (deterministic), with an L2 term.
    let (n, d) = (200, 3);
    let mut seed = 7u64;
    let mut rnd = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    };
    let truth = [1.5, -2.0, 0.5];
    let mut x = vec![0.0; n * d];
    let mut y = vec![0.0; n];
    for i in 0..n {
        let mut z = 0.0;
        for j in 0..d {
            x[i * d + j] = 2.0 * rnd();
            z += truth[j] * x[i * d + j];
        }
        y[i] = if z + 0.5 * rnd() > 0.0 { 1.0 } else { 0.0 };
    }
    let dir = scratch("logistic");
    let px = save(&dir, "x.npy", &[n, d], &x);
    let py = save(&dir, "y.npy", &[n], &y);
    let program = "p[i] = 1/(1 + exp(-sum_j X[i,j] w[j]))
        L = -sum_i (y[i] log(p[i]) + (1 - y[i]) log(1 - p[i])) + 0.01 sum_j w[j]^2";
    let args = ricci::Args::new()
        .tensor(
            "X",
            ricci::runtime::npy::read_npy(std::path::Path::new(&px)).unwrap(),
        )
        .tensor(
            "y",
            ricci::runtime::npy::read_npy(std::path::Path::new(&py)).unwrap(),
        );
    let mut steps = 0;
    let m = ricci::solve::minimize(program, &["w".into()], None, &args, &mut |it, _| steps = it)
        .unwrap();
    assert_eq!(m.classification, ricci::solve::Classification::Minimum);
    assert!(m.nonlinear);
    match m.method {
        ricci::solve::Method::Newton {
            iterations,
            residual,
        } => {
            assert!(iterations <= 15, "{iterations} Newton steps");
            assert!(residual < 1e-8, "gradient norm {residual}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        m.gradient_text.starts_with("p[i] = "),
        "{}",
        m.gradient_text
    );
    // The CLI prints the iterations and the final gradient norm.
    let o = ricci(&[
        "minimize",
        program,
        "--over",
        "w",
        "--in",
        &format!("X={px}"),
        "--in",
        &format!("y={py}"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("newton: converged in "),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).ends_with("minimum\n"));
}

#[test]
fn errors_exit_1_and_usage_exits_2() {
    let o = ricci(&["minimize", "L[i] = a x[i]^2", "--over", "a"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("minimize needs a scalar loss"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("^^^"), "{}", stderr(&o));
    let o = ricci(&["minimize", "L = 4a^2 + 2a + 1", "--over", "c"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the program does not use `c`"),
        "{}",
        stderr(&o)
    );
    // A linear loss has no stationary point.
    let o = ricci(&["minimize", "L = 3 a + 1", "--over", "a"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is never zero"), "{}", stderr(&o));
    // A flat direction: no single stationary point.
    let o = ricci(&["minimize", "L = (a + b)^2", "--over", "a", "--over", "b"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("has no single zero: the system is singular (rank 1 of 2)"),
        "{}",
        stderr(&o)
    );
    let o = ricci(&["minimize", "L = 4a^2"]);
    assert_eq!(o.status.code(), Some(2));
}
