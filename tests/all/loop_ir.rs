//! The loop IR: the verifier refuses what is malformed or out of bounds,
//! the loop order follows the inputs' strides, and kernels compiled per
//! layout class (more classes than get code of their own, caller outputs
//! of any layout) agree with the interpreter.

use crate::common;

use common::bound::{magnitudes, within};
use ndarray::{Array2, ArrayD, ArrayViewD, ArrayViewMutD, IxDyn};
use ricci::jit::{self, Options};
use ricci::loops::ir::{Access, Affine, Expr, LetId, LoopKind, Stmt};
use ricci::loops::verify;
use ricci::runtime::args::Args;
use ricci::runtime::values::{DType, Tensor};
use ricci::sema;

fn kernel(src: &str) -> std::sync::Arc<jit::Kernel> {
    jit::compile(src, Options::new(DType::F64)).unwrap()
}

fn arr(shape: &[usize], seed: f64) -> ArrayD<f64> {
    let n: usize = shape.iter().product();
    ArrayD::from_shape_vec(
        IxDyn(shape),
        (0..n).map(|k| ((k as f64 + seed) * 0.37).sin()).collect(),
    )
    .unwrap()
}

/// The innermost statement of the first block's nest, as text.
fn ir_text(src: &str, inputs: &[(&str, ArrayViewD<f64>)]) -> String {
    kernel(src).ir_for_views(inputs).unwrap().to_string()
}

#[test]
fn matvec_walks_a_along_its_rows() {
    let a = arr(&[6, 5], 0.0);
    let x = arr(&[5], 1.0);
    // `abs(x[j])`: not a plain load, so no GEMM node; loop code.
    let src = "y[i] = A[i,j] abs(x[j])";
    // Row-major A: the sum over j innermost (A's unit stride).
    let t = ir_text(src, &[("A", a.view()), ("x", x.view())]);
    assert!(t.contains("for i {\n    %a0 = sum j lanes 4 simd {"), "{t}");
    // Column-major A: i innermost, y updated in memory.
    let af = a.t().as_standard_layout().into_owned();
    let t = ir_text(src, &[("A", af.t()), ("x", x.view())]);
    assert!(t.contains("for j reduce {"), "{t}");
    assert!(t.contains("    for i simd {\n      update y[i] += "), "{t}");
}

#[test]
fn matmul_keeps_a_unit_stride_inner_loop_for_every_layout() {
    let a = arr(&[4, 6], 0.0);
    let b = arr(&[6, 5], 2.0);
    // `abs(B[..])`: not a plain load, so no GEMM node; loop code.
    let src = "C[i,k] = A[i,j] abs(B[j,k])";
    let t = ir_text(src, &[("A", a.view()), ("B", b.view())]);
    assert!(t.contains("for k simd {\n        update C[i,k] += "), "{t}");
    // B transposed: the dot product form, j innermost.
    let t = kernel("C[i,k] = A[i,j] abs(B[k,j])")
        .ir_for_views(&[("A", a.view()), ("B", b.t().as_standard_layout().view())])
        .unwrap()
        .to_string();
    assert!(
        t.contains("sum j lanes 4 simd {\n        yield mul(A[i,j], abs(B[k,j]))"),
        "{t}"
    );
    // Column-major A and B: j innermost walks B along its unit stride.
    let af = a.t().as_standard_layout().into_owned();
    let bf = b.t().as_standard_layout().into_owned();
    let f = kernel(src)
        .ir_for_views(&[("A", af.t()), ("B", bf.t())])
        .unwrap();
    let t = f.to_string();
    assert!(t.starts_with("input A[1,s]\ninput B[1,s]\n"), "{t}");
    assert!(t.contains("sum j lanes 4"), "{t}");
}

/// Vectors only where every moving access steps one element: not along
/// a strided view, not where the index is read as a number.
#[test]
fn simd_only_where_memory_moves_one_element_a_trip() {
    let x = arr(&[12], 1.0);
    let t = ir_text("s = sum_i x[i]", &[("x", x.view())]);
    assert!(t.contains("sum i lanes 4 simd {"), "{t}");
    let strided = x.slice(ndarray::s![..;2]).into_dyn();
    let t = ir_text("s = sum_i x[i]", &[("x", strided.view())]);
    assert!(t.contains("sum i lanes 4 {"), "{t}");
    let t = ir_text("s = sum_i i x[i]", &[("x", x.view())]);
    assert!(t.contains("sum i lanes 4 {"), "{t}");
    let t = ir_text("y[i,j] = delta[i,j] x[j]", &[("x", x.view())]);
    assert!(!t.contains("simd"), "{t}");
}

/// More layout classes than get code of their own (inputs reversed,
/// transposed, broadcast; caller outputs transposed or reversed): every
/// call agrees with the interpreter, including the calls past the cap,
/// which share code that knows no stride.
#[test]
fn many_layout_classes_agree_with_the_interpreter() {
    let src = "C[i,k] = A[i,j] B[j,k]";
    let k = kernel(src);
    let a = arr(&[4, 6], 0.0);
    let b = arr(&[6, 5], 2.0);
    let args = Args::new()
        .tensor("A", Tensor::F64(a.clone()))
        .tensor("B", Tensor::F64(b.clone()));
    let program = sema::check_source(src).unwrap();
    let want = ricci::interp::eval_simplified(&program, &args).unwrap()[0].to_f64();
    let mags = magnitudes(&program, &args, true).unwrap();
    let af = a.t().as_standard_layout().into_owned();
    let bf = b.t().as_standard_layout().into_owned();
    let mut ar = arr(&[4, 6], 0.0);
    ar.invert_axis(ndarray::Axis(1));
    let ar2 = ar.clone();
    let mut a_rev = ar2.clone();
    a_rev.invert_axis(ndarray::Axis(1)); // logically `a` again, stride -1
    let b_row = arr(&[1, 5], 2.0);
    let b_bcast = b_row.broadcast(IxDyn(&[6, 5])).unwrap().to_owned();
    let a_views: Vec<ArrayViewD<f64>> = vec![a.view(), af.t(), a_rev.view()];
    let b_views: Vec<(ArrayViewD<f64>, ArrayD<f64>)> = vec![
        (b.view(), want.clone()),
        (bf.t(), want.clone()),
        (b_row.broadcast(IxDyn(&[6, 5])).unwrap(), {
            let args = Args::new()
                .tensor("A", Tensor::F64(a.clone()))
                .tensor("B", Tensor::F64(b_bcast.clone()));
            ricci::interp::eval_simplified(&program, &args).unwrap()[0].to_f64()
        }),
    ];
    let mut calls = 0;
    for av in &a_views {
        for (bv, w) in &b_views {
            for out in 0..3 {
                let mut c = Array2::<f64>::from_elem((5, 4), 9.0);
                let mut cr = Array2::<f64>::from_elem((4, 5), 9.0);
                let view: ArrayViewMutD<f64> = match out {
                    0 => c.view_mut().reversed_axes().into_dyn(),
                    1 => {
                        cr.invert_axis(ndarray::Axis(1));
                        cr.view_mut().into_dyn()
                    }
                    _ => cr.view_mut().into_dyn(),
                };
                let mut outs = [("C", view)];
                k.run_into(&[("A", av.clone()), ("B", bv.clone())], &[], &mut outs)
                    .unwrap();
                let got = outs[0].1.to_owned();
                within(
                    &format!("call {calls}"),
                    &got.view(),
                    &w.view(),
                    &mags.m[0].view(),
                    // The broadcast B changes the values, not their size.
                    mags.n * 4.0,
                    false,
                )
                .unwrap();
                calls += 1;
            }
        }
    }
    assert_eq!(calls, 27);
}

fn block_ir(src: &str) -> ricci::loops::ir::Func {
    kernel(src).ir()
}

#[test]
fn the_verifier_accepts_what_the_compiler_makes() {
    let f = block_ir("C[i,k] = A[i,j] B[j,k]; s = sum_{i,k} C[i,k]");
    verify::well_formed(&f).unwrap();
}

#[test]
fn the_verifier_refuses_an_index_outside_its_loop() {
    let mut f = block_ir("y[i] = x[i] + 1");
    // Move the store out of its loop.
    let Stmt::Loop { body, .. } = f.blocks[0].body.remove(0) else {
        panic!("a loop")
    };
    f.blocks[0].body = body;
    let e = verify::well_formed(&f).unwrap_err();
    assert!(
        e.contains("index `i` is used outside every loop over it"),
        "{e}"
    );
}

#[test]
fn the_verifier_refuses_a_let_used_before_it_is_defined() {
    let mut f = block_ir("y[i] = x[i] + 1");
    let Stmt::Loop { body, .. } = &mut f.blocks[0].body[0] else {
        panic!("a loop")
    };
    let Stmt::Store { value, .. } = &mut body[0] else {
        panic!("a store")
    };
    *value = Expr::Let(LetId(7));
    let e = verify::well_formed(&f).unwrap_err();
    assert!(e.contains("let %t7 is used where it is not defined"), "{e}");
}

#[test]
fn the_verifier_refuses_an_access_out_of_bounds() {
    let src = "y[i] = x[i] + 1";
    let k = kernel(src);
    let mut f = k.ir();
    let args = Args::new().tensor("x", Tensor::F64(arr(&[4], 0.0)));
    let bound = k.bind_args(&args).unwrap();
    verify::in_bounds(&f, &bound).unwrap();
    // Read x[i+1]: one past the end on the last trip.
    let Stmt::Loop { index, body, .. } = &mut f.blocks[0].body[0] else {
        panic!("a loop")
    };
    let i = *index;
    body[0] = Stmt::Store {
        dst: Access {
            tensor: 1,
            index: vec![Affine::index(i)],
        },
        value: Expr::Load(Access {
            tensor: 0,
            index: vec![Affine {
                terms: vec![(i, 1)],
                constant: 1,
            }],
        }),
    };
    let e = verify::in_bounds(&f, &bound).unwrap_err();
    assert!(
        e.contains("`x` axis 0: subscripts 1..=4 outside 0..4"),
        "{e}"
    );
}

#[test]
fn the_verifier_refuses_a_store_into_another_tensor() {
    let mut f = block_ir("y[i] = x[i] + 1");
    f.blocks[0].body = vec![Stmt::Loop {
        index: f.blocks[0].defs[0].axes[0],
        kind: LoopKind::Space,
        simd: false,
        body: vec![Stmt::Store {
            dst: Access {
                tensor: 0,
                index: vec![Affine::index(f.blocks[0].defs[0].axes[0])],
            },
            value: Expr::Const(1.0),
        }],
    }];
    let e = verify::well_formed(&f).unwrap_err();
    assert!(
        e.contains("not a definition") || e.contains("writes `x`"),
        "{e}"
    );
}

/// bench's operation count reads the loop IR: matmul's is n^3 updates
/// (one multiply and one add each), nothing for the zero rows.
#[test]
fn flops_are_counted_on_the_ir() {
    let k = kernel("C[i,k] = A[i,j] B[j,k]");
    let args = Args::new()
        .tensor("A", Tensor::F64(arr(&[3, 4], 0.0)))
        .tensor("B", Tensor::F64(arr(&[4, 5], 0.0)));
    assert_eq!(k.flops(&args).unwrap(), (2 * 3 * 4 * 5) as f64);
}
