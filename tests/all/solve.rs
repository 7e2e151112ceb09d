//! `ricci solve` and `ricci::solve::solve`: the notes' exercises 10 and 11
//! exactly, scalar unknowns, f64 data through faer's LU (checked by the
//! residual, no numpy), singular and inconsistent systems (exit 1),
//! nonlinear equations by Newton, and errors with carets.

use crate::support;

use support::{ricci, save, stderr, stdout};

fn scratch(name: &str) -> std::path::PathBuf {
    support::scratch("solve", name)
}

fn load(path: &std::path::Path) -> Vec<f64> {
    ricci::runtime::npy::read_npy(path)
        .expect("read")
        .to_f64()
        .iter()
        .copied()
        .collect()
}

#[test]
fn exercise_11_exactly() {
    let o = ricci(&[
        "solve",
        "A = [[1,2],[3,4]]; b = [5,6]; sum_j A[i,j] x[j] = b[i]",
        "--for",
        "x",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "x = [-4, 9/2]\n");
}

#[test]
fn exercise_10_the_inverse_exactly() {
    for p in [
        "A = [[1,2],[3,4]]; sum_j A[i,j] X[j,k] = delta[i,k]",
        // Implicit summation on the left, as in a definition.
        "A = [[1,2],[3,4]]; A[i,j] X[j,k] = delta[i,k]",
    ] {
        let o = ricci(&["solve", p, "--for", "X"]);
        assert!(o.status.success(), "{p}: {}", stderr(&o));
        assert_eq!(stdout(&o), "X = [[-2, 1], [3/2, -1/2]]\n", "{p}");
    }
}

#[test]
fn scalar_unknowns_and_unknown_on_the_right() {
    let o = ricci(&["solve", "3 a + 1 = 7", "--for", "a"]);
    assert_eq!(stdout(&o), "a = 2\n", "{}", stderr(&o));
    let o = ricci(&["solve", "7 = 3 a + 1/2", "--for", "a"]);
    assert_eq!(stdout(&o), "a = 13/6\n", "{}", stderr(&o));
    // A definition of the unknown is read as an equation for it.
    let o = ricci(&["solve", "b = [1,2]; x[i] = 2 b[i] - x[i]", "--for", "x"]);
    assert_eq!(stdout(&o), "x = [1, 2]\n", "{}", stderr(&o));
}

#[test]
fn rust_api_returns_values_and_symbolic_forms() {
    let s = ricci::solve::solve(
        "A = [[1,2],[3,4]]; b = [5,6]; sum_j A[i,j] x[j] = b[i]",
        "x",
        &ricci::Args::new(),
    )
    .unwrap();
    assert_eq!(s.shape, vec![2]);
    assert_eq!(s.value.to_f64(), vec![-4.0, 4.5]);
    assert_eq!(s.method, ricci::solve::Method::ExactLinear);
    assert!(!s.nonlinear);
    assert!(s.jacobian_text.contains("= A[i,q0]"), "{}", s.jacobian_text);
}

#[test]
fn singular_and_inconsistent_systems_exit_1() {
    let o = ricci(&[
        "solve",
        "A = [[1,2],[2,4]]; b = [5,10]; sum_j A[i,j] x[j] = b[i]",
        "--for",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim_end(),
        "error: the system is singular (rank 1 of 2)"
    );
    let o = ricci(&[
        "solve",
        "A = [[1,2],[2,4]]; b = [5,6]; sum_j A[i,j] x[j] = b[i]",
        "--for",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the system is inconsistent"),
        "{}",
        stderr(&o)
    );
    // f64 data: the numerical rank.
    let dir = scratch("singular");
    let a = save(&dir, "a.npy", &[2, 2], &[1.0, 2.0, 2.0, 4.0]);
    let b = save(&dir, "b.npy", &[2], &[1.0, 2.0]);
    let o = ricci(&[
        "solve",
        "sum_j A[i,j] x[j] = b[i]",
        "--for",
        "x",
        "--in",
        &format!("A={a}"),
        "--in",
        &format!("b={b}"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim_end(),
        "error: the system is singular (rank 1 of 2)"
    );
}

#[test]
fn f64_data_solved_by_lu_with_a_small_residual() {
    // A well-conditioned 20×20 system; check A x = b by the residual.
    let n = 20;
    let mut a = vec![0.0; n * n];
    let mut b = vec![0.0; n];
    let mut seed = 12345u64;
    let mut rnd = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    };
    for i in 0..n {
        for j in 0..n {
            a[i * n + j] = rnd() + if i == j { 4.0 } else { 0.0 };
        }
        b[i] = rnd();
    }
    let dir = scratch("lu");
    let pa = save(&dir, "a.npy", &[n, n], &a);
    let pb = save(&dir, "b.npy", &[n], &b);
    let out = dir.join("x.npy");
    let o = ricci(&[
        "solve",
        "sum_j A[i,j] x[j] = b[i]",
        "--for",
        "x",
        "--in",
        &format!("A={pa}"),
        "--in",
        &format!("b={pb}"),
        "--out",
        &format!("x={}", out.display()),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("x = "), "{}", stdout(&o));
    let x = load(&out);
    for i in 0..n {
        let r: f64 = (0..n).map(|j| a[i * n + j] * x[j]).sum::<f64>() - b[i];
        assert!(r.abs() < 1e-12, "row {i}: residual {r}");
    }
}

#[test]
fn nonlinear_equations_by_newton() {
    let o = ricci(&["solve", "x^2 = 2", "--for", "x"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("x = 1.414213562373095"), "{out}");
    assert!(out.contains("newton: converged in "), "{out}");
    // A nonlinear system in a vector: x[i]^3 = c[i].
    let s = ricci::solve::solve("c = [8, 27]; x[i]^3 = c[i]", "x", &ricci::Args::new()).unwrap();
    let x = s.value.to_f64();
    assert!(
        (x[0] - 2.0).abs() < 1e-12 && (x[1] - 3.0).abs() < 1e-12,
        "{x:?}"
    );
    let s = ricci::solve::solve("exp(a) = 2", "a", &ricci::Args::new()).unwrap();
    assert!(s.nonlinear);
    assert!((s.value.to_f64()[0] - 2f64.ln()).abs() < 1e-12);
    match s.method {
        ricci::solve::Method::Newton { residual, .. } => assert!(residual < 1e-12),
        m => panic!("{m:?}"),
    }
}

#[test]
fn newton_failure_is_reported_honestly() {
    let o = ricci(&["solve", "x^2 + 1 = 0", "--for", "x"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("Newton's method"), "{}", stderr(&o));
}

#[test]
fn errors_point_at_the_program() {
    let o = ricci(&[
        "solve",
        "A = [[1,2],[3,4]]; y[i] = A[i,j] x[j]",
        "--for",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: the last statement is not an equation in the unknown"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("^^^^"), "{}", stderr(&o));
    let o = ricci(&["solve", "3 a + 1 = 7", "--for", "b"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the program does not use `b`"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("its unknowns could be: a"),
        "{}",
        stderr(&o)
    );
    let o = ricci(&["solve", "3 a + 1 = 7 q[", "--for", "a"]);
    assert_eq!(o.status.code(), Some(1));
    let o = ricci(&["solve", "b = [1,2]; 3 b[i] = 7", "--for", "b"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("`b` is given by a tensor literal"),
        "{}",
        stderr(&o)
    );
    // An error in the equation's sides points at the user's text.
    let o = ricci(&["solve", "3 a + foo(1) = 7", "--for", "a"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("1 │ 3 a + foo(1) = 7"),
        "{}",
        stderr(&o)
    );
    // Usage: --for is required.
    let o = ricci(&["solve", "3 a + 1 = 7"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unknown_extent_errors_point_at_the_users_text() {
    let o = ricci(&["solve", "sum_j x[j] = 3", "--for", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot infer the extent of index `j`")
            && stderr(&o).contains("1 │ sum_j x[j] = 3"),
        "{}",
        stderr(&o)
    );
    // With the extent given: one equation in two unknowns.
    let o = ricci(&["solve", "sum_j x[j] = 3", "--for", "x", "--dim", "j=2"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the system is singular (rank 1 of 2)"),
        "{}",
        stderr(&o)
    );
}
