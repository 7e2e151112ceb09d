//! Tensor literals (`A = [[1,2],[3,4]]`) and number subscripts (`A[0,1]`):
//! evaluation (JIT and interpreter), printing that reads back, and errors
//! with carets (exit 1).

use crate::support;

use support::{ricci, stderr, stdout};

const EXERCISE_9: &str = "A = [[1,2],[3,4]]; B = [[5,6],[7,8]]; C[i,k] = A[i,j] B[j,k]";

#[test]
fn exercise_9_one_liner_runs_compiled_and_interpreted() {
    for extra in [&[][..], &["--interp"][..]] {
        let mut args = vec!["eval", EXERCISE_9];
        args.extend_from_slice(extra);
        let o = ricci(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o), "C = [[19, 22],\n     [43, 50]]\n", "{extra:?}");
    }
}

#[test]
fn simplify_prints_literals_that_read_back() {
    let o = ricci(&["simplify", EXERCISE_9]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text,
        "A = [[1, 2], [3, 4]]\nB = [[5, 6], [7, 8]]\nC[i,k] = sum_j A[i,j] B[j,k]\n"
    );
    // The printed program runs to the same value, and prints itself again.
    let again = ricci(&["eval", &text]);
    assert_eq!(stdout(&again), "C = [[19, 22],\n     [43, 50]]\n");
    assert_eq!(stdout(&ricci(&["simplify", &text])), text);
}

#[test]
fn entries_are_exact_rationals_and_constant_expressions() {
    let o = ricci(&["simplify", "b = [1/2, -3, 2.5, 1e-1]; s = sum_i b[i]"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("b = [1/2, -3, 5/2, 1/10]\n"),
        "{}",
        stdout(&o)
    );
    let o = ricci(&["eval", "b = [1/2, -3, 2.5, 1e-1]; s = sum_i b[i]"]);
    assert_eq!(stdout(&o), "s = 0.1\n");
}

#[test]
fn rank_three_literal_and_number_subscripts() {
    let p = "T = [[[1,2],[3,4]],[[5,6],[7,8]]]; a = T[1,0,1]; s = sum_{i,j,k} T[i,j,k]";
    for extra in [&[][..], &["--interp"][..]] {
        let mut args = vec!["eval", p];
        args.extend_from_slice(extra);
        let o = ricci(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o), "a = 6\ns = 36\n");
    }
}

#[test]
fn literal_in_a_derivative() {
    let o = ricci(&[
        "diff",
        "b = [1/2, -3]; L = sum_i (b[i] w[i])^2",
        "--wrt",
        "w[k]",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "b = [1/2, -3]\ndL_dw[k] = 2 b[k]^2 w[k]\n");
}

fn fails_with(program: &str, message: &str, caret: &str) {
    let o = ricci(&["eval", program]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(message), "{err}");
    assert!(err.contains(caret), "{err}");
}

#[test]
fn ragged_literal_is_an_error_with_a_caret() {
    fails_with(
        "A = [[1,2],[3]]",
        "error: ragged tensor literal: this list has 1 entry but the first list at its depth has 2",
        "1 │ A = [[1,2],[3]]\n  │      ----- ^^^",
    );
    fails_with(
        "A = [[1,2],3]",
        "ragged tensor literal: a number where a list belongs",
        "^",
    );
    fails_with(
        "A = [1,[2,3]]",
        "ragged tensor literal: a list where a number belongs",
        "^^^^^",
    );
}

#[test]
fn empty_literal_is_an_error_with_a_caret() {
    fails_with(
        "A = []",
        "error: empty tensor literal",
        "1 │ A = []\n  │     ^^ no entries",
    );
    fails_with("A = [[], []]", "error: empty tensor literal", "^^");
}

#[test]
fn non_number_entries_and_bad_subscripts_are_errors() {
    fails_with(
        "A = [x, 1]",
        "a tensor literal's entries are numbers",
        "^ not a number",
    );
    fails_with(
        "A = [[1,2],[3,4]]; y = A[2,0]",
        "`A` has length 2 along axis 0",
        "^^^^^^",
    );
    fails_with(
        "A = [1,2]; y = A[1.5]",
        "subscript `1.5` is not a whole number",
        "^^^",
    );
    fails_with("A[i] = [1,2]", "a tensor literal defines a name", "^^^^");
    fails_with("A = [1,2]; A = [3]", "`A` is defined twice", "^");
    fails_with(
        "y = A[0]; A = [1,2]",
        "`A` is used before it is defined",
        "^",
    );
}

#[test]
fn an_input_given_for_a_literal_is_an_error() {
    let dir = std::env::temp_dir().join(format!("ricci-lit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.npy");
    let a = ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(&[2]), vec![1.0, 2.0]).unwrap();
    ricci::runtime::npy::write_npy(&path, &ricci::Tensor::F64(a)).unwrap();
    let arg = format!("A={}", path.display());
    let o = ricci(&["eval", "A = [1,2]; s = sum_i A[i]", "--in", &arg]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the program defines it by a tensor literal"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rust_api_compiles_a_literal_program_and_runs_views() {
    let k = ricci::compile(EXERCISE_9, ricci::Options::default()).unwrap();
    let out = k.run_views::<f64>(&[], &[]).unwrap();
    assert_eq!(out[0].as_slice().unwrap(), &[19.0, 22.0, 43.0, 50.0]);
    let out = k.call(&ricci::Args::new()).unwrap();
    assert_eq!(out.len(), 1);
}

#[test]
fn an_equation_outside_solve_is_an_error() {
    fails_with(
        "3 a + 1 = 7",
        "an equation (`=` between two expressions) is not a definition",
        "^^^^^",
    );
}
