//! Unit tests of the einsum front end: the generated program text for
//! representative subscripts, broadcast axes, and that no input panics.
//!
//! In: subscripts and shapes. Out: pass/fail. Always: these need neither
//! sema nor the interpreter (they stop at [`plan`]).

use super::*;
use expect_test::{Expect, expect};
use proptest::prelude::*;

fn check(subscripts: &str, shapes: &[&[usize]], expect: Expect) {
    let shapes: Vec<Vec<usize>> = shapes.iter().map(|s| s.to_vec()).collect();
    let shown = match plan(subscripts, &shapes) {
        Ok(p) => {
            let mut s = p.text.clone();
            for op in &p.operands {
                if !op.drop_axes.is_empty() || op.scalar {
                    s.push_str(&format!(
                        "\n{}: drop {:?}{}",
                        op.name,
                        op.drop_axes,
                        if op.scalar { ", scalar" } else { "" }
                    ));
                }
            }
            s.push_str(&format!("\nshape {:?}", p.out_shape));
            s
        }
        Err(e) => format!("error: {e}"),
    };
    expect.assert_eq(&shown);
}

#[test]
fn matmul() {
    check(
        "ij,jk->ik",
        &[&[2, 3], &[3, 4]],
        expect![[r#"
            out[i,k] = op0[i,j] op1[j,k]
            shape [2, 4]"#]],
    );
}

#[test]
fn implicit_matmul_and_case_order() {
    check(
        "ij,jk",
        &[&[2, 3], &[3, 4]],
        expect![[r#"
            out[i,k] = op0[i,j] op1[j,k]
            shape [2, 4]"#]],
    );
    check(
        "ba,aB",
        &[&[2, 3], &[3, 4]],
        expect![[r#"
            out[B,b] = op0[b,a] op1[a,B]
            shape [4, 2]"#]],
    );
}

#[test]
fn trace_and_diagonal() {
    check(
        "ii",
        &[&[4, 4]],
        expect![[r#"
            out = op0[i,i]
            shape []"#]],
    );
    check(
        "iji->j",
        &[&[3, 2, 3]],
        expect![[r#"
            out[j] = op0[i,j,i]
            shape [2]"#]],
    );
}

#[test]
fn ellipsis_broadcast() {
    check(
        "...ij,...jk->...ik",
        &[&[2, 1, 3, 4], &[5, 4, 2]],
        expect![[r#"
            out[e0,e1,i,k] = op0[e0,i,j] op1[e1,j,k]
            op0: drop [1]
            shape [2, 5, 3, 2]"#]],
    );
}

#[test]
fn ellipsis_in_the_middle_and_implicit() {
    check(
        "i...j->j...i",
        &[&[2, 3, 4, 2]],
        expect![[r#"
            out[j,e0,e1,i] = op0[i,e0,e1,j]
            shape [2, 3, 4, 2]"#]],
    );
    check(
        "b...a",
        &[&[2, 3, 4]],
        expect![[r#"
            out[e0,a,b] = op0[b,e0,a]
            shape [3, 4, 2]"#]],
    );
}

#[test]
fn size_one_labels_broadcast() {
    check(
        "ij,jk->ik",
        &[&[2, 1], &[3, 4]],
        expect![[r#"
            out[i,k] = op0[i] op1[j,k]
            op0: drop [1]
            shape [2, 4]"#]],
    );
    check(
        "i,i->i",
        &[&[1], &[3]],
        expect![[r#"
            out[i] = op0 op1[i]
            op0: drop [0], scalar
            shape [3]"#]],
    );
}

#[test]
fn scalar_operands() {
    check(
        ",ij->ij",
        &[&[], &[2, 3]],
        expect![[r#"
            out[i,j] = op0 op1[i,j]
            op0: drop [], scalar
            shape [2, 3]"#]],
    );
    check(
        "",
        &[&[]],
        expect![[r#"
            out = op0
            op0: drop [], scalar
            shape []"#]],
    );
}

#[test]
fn spaces_and_many_operands() {
    check(
        "ij , jk -> ki",
        &[&[2, 3], &[3, 4]],
        expect![[r#"
            out[k,i] = op0[i,j] op1[j,k]
            shape [4, 2]"#]],
    );
    check(
        "ab,bc,cd,de,ef->af",
        &[&[2, 3], &[3, 4], &[4, 2], &[2, 3], &[3, 2]],
        expect![[r#"
            out[a,f] = op0[a,b] op1[b,c] op2[c,d] op3[d,e] op4[e,f]
            shape [2, 2]"#]],
    );
}

#[test]
fn zero_size_and_output_ellipsis_without_input_ellipsis() {
    check(
        "ij,jk->ik",
        &[&[2, 0], &[0, 3]],
        expect![[r#"
            out[i,k] = op0[i,j] op1[j,k]
            shape [2, 3]"#]],
    );
    check(
        "ij->...ij",
        &[&[2, 3]],
        expect![[r#"
            out[i,j] = op0[i,j]
            shape [2, 3]"#]],
    );
    // Size 1 against size 0 broadcasts to 0, as in numpy.
    check(
        "i,i->i",
        &[&[1], &[0]],
        expect![[r#"
            out[i] = op0 op1[i]
            op0: drop [0], scalar
            shape [0]"#]],
    );
}

#[test]
fn errors_point_into_the_subscripts() {
    let e = plan("ij,jk->ik", &[vec![2, 3], vec![4, 2]]).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].span, Some(Span::new(3, 4)));
    assert_eq!(e.0[0].labels[0].span, Span::new(1, 2));
    let e = plan("ij - > ji", &[vec![2, 3]]).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].span, Some(Span::new(3, 6)));
    let e = plan("ä", &[vec![2]]).unwrap_err();
    assert_eq!(e.0[0].span, Some(Span::new(0, 2)));
    // Every independent problem is reported.
    let e = plan("i1->kk", &[vec![2, 3]]).unwrap_err();
    assert_eq!(e.0.len(), 1, "lexical errors stop before the rest: {e}");
    let e = plan("ij,j->kk", &[vec![2, 3]]).unwrap_err();
    expect![[r#"
        error: output label `k` appears in no input
         = help: every output label must label an axis of some operand; the inputs `ij,j` use `i`, `j`

        error: label `k` appears twice in the output
         = help: each output label names one axis of the result; to take a diagonal, repeat the label in an input instead (`ii->i`)

        error: the subscripts have 2 operand terms (`ij`, `j`) but 1 operand was given
         = help: give one operand per comma-separated term before `->` (a 0-d operand takes an empty term, as in `,ij->ij`)"#]]
    .assert_eq(&e.to_string());
    assert!(plan("ij", &[]).is_err());
}

proptest! {
    #[test]
    fn never_panics(
        subs in "[ij.,\\->IK ä1\t]{0,12}",
        shapes in prop::collection::vec(prop::collection::vec(0usize..4, 0..5), 0..4),
    ) {
        if let Ok(p) = plan(&subs, &shapes) {
            prop_assert_eq!(p.operands.len(), shapes.len());
            for (op, s) in p.operands.iter().zip(&shapes) {
                for &a in &op.drop_axes {
                    prop_assert_eq!(s.get(a), Some(&1));
                }
            }
        }
    }
}
