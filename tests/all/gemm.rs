//! GEMM nodes (`loops::gemm`, `jit::gemm_call`): every contraction shape
//! the pass turns into a library call, against the reference interpreter,
//! in f64 and f32, on inputs laid out in every way a view can be
//! (transposed, reversed, strided, broadcast), with outputs written into
//! callers' arrays of odd strides, extents 0 and 1, constant factors,
//! bounded sums, GEMMs inside larger programs; the shapes the pass leaves
//! to the loop code; and results that are the same bits for 1 and 2
//! threads.
//!
//! Each check also counts the GEMM nodes in the kernel's loop IR, so a
//! case the pass stops recognising fails here.

use crate::common;

use common::jit_check::{El, close, same};
use ndarray::{ArrayD, ArrayViewD, Axis, IxDyn, s};
use ricci::jit::{self, Options};
use ricci::runtime::args::Args;
use ricci::runtime::values::DType;

/// Deterministic values in [-1, 1].
fn array<T: El>(shape: &[usize], seed: u64) -> ArrayD<T> {
    let n: usize = shape.iter().product();
    let v = (0..n)
        .map(|k| T::of(((k as f64 + 0.5) * 0.7548776662 + seed as f64 * 0.5698402910).sin()))
        .collect();
    ArrayD::from_shape_vec(IxDyn(shape), v).unwrap()
}

fn dtype<T: El>() -> DType {
    T::DTYPE
}

fn kernel<T: El>(src: &str, threads: Option<usize>) -> std::sync::Arc<jit::Kernel> {
    let mut o = Options::new(dtype::<T>());
    o.threads = threads;
    jit::compile(src, o).unwrap_or_else(|e| panic!("{src}: {e:?}"))
}

/// The number of GEMM nodes in the loop IR the kernel runs for these
/// inputs' layout.
fn gemms<T: El>(k: &jit::Kernel, inputs: &[(&str, ArrayViewD<T>)]) -> usize {
    let ir = k.ir_for_views(inputs).unwrap().to_string();
    ir.lines()
        .filter(|l| l.trim_start().starts_with("gemm "))
        .count()
}

/// The interpreter's values of `src` (as the symbolic engine leaves it) on
/// owned copies of the inputs, and the scale of `close` per definition:
/// the same program on the inputs' absolute values and parameters'
/// absolute values (for these programs, Σ|terms|), at least 1.
fn oracle<T: El>(
    src: &str,
    inputs: &[(&str, ArrayViewD<T>)],
    params: &[(&str, f64)],
) -> Vec<(ArrayD<T>, f64)> {
    let program = ricci::sema::check_source(src).unwrap();
    let mut args = Args::new();
    let mut abs = Args::new();
    for (n, a) in inputs {
        args = args.tensor(n, T::wrap(a.to_owned()));
        abs = abs.tensor(
            n,
            ricci::runtime::values::Tensor::F64(a.mapv(|x| x.to().abs())),
        );
    }
    for (n, v) in params {
        args = args.param(n, *v);
        abs = abs.param(n, v.abs());
    }
    let want = ricci::interp::eval_simplified(&program, &args).unwrap();
    let mags = ricci::interp::eval_simplified(&program, &abs).unwrap();
    want.iter()
        .zip(&mags)
        .map(|(w, m)| {
            let scale = m.to_f64().iter().fold(1.0f64, |a, x| a.max(x.abs()));
            (T::view(w).unwrap().clone(), scale)
        })
        .collect()
}

/// Runs `src` on the views (and parameters) through `run_views` and
/// checks every definition against the interpreter; the kernel must hold
/// `n_gemm` GEMM nodes for this layout.
fn check<T: El>(
    src: &str,
    inputs: &[(&str, ArrayViewD<T>)],
    params: &[(&str, f64)],
    n_gemm: usize,
) {
    let k = kernel::<T>(src, None);
    assert_eq!(gemms(&k, inputs), n_gemm, "{src}:\n{}", k.explain());
    let got = k
        .run_views(inputs, params)
        .unwrap_or_else(|e| panic!("{src}: {e:?}"));
    let want = oracle(src, inputs, params);
    assert_eq!(got.len(), want.len());
    for (d, (g, (w, scale))) in got.iter().zip(&want).enumerate() {
        close(
            &format!("{src} (definition {d})"),
            &g.view(),
            &w.view(),
            *scale,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Every layout of a 2-d input a view can have with these logical values:
/// row-major, column-major, reversed along each axis, every other element
/// of a bigger array.
fn layouts<T: El>(a: &ArrayD<T>) -> Vec<(&'static str, ArrayD<T>, Layout)> {
    let mut out = vec![("row-major", a.clone(), Layout::Plain)];
    out.push((
        "column-major",
        a.t().as_standard_layout().into_owned(),
        Layout::Transposed,
    ));
    for ax in 0..a.ndim() {
        let mut r = a.clone();
        r.invert_axis(Axis(ax));
        let r = r.as_standard_layout().into_owned();
        out.push(("reversed", r, Layout::Reversed(ax)));
    }
    if a.ndim() == 2 {
        let (m, n) = (a.shape()[0], a.shape()[1]);
        let mut big = ArrayD::from_elem(IxDyn(&[2 * m + 1, 3 * n + 1]), T::of(f64::NAN));
        big.slice_mut(s![1..;2, 1..;3]).assign(a);
        out.push(("strided", big, Layout::Strided));
    }
    out
}

#[derive(Clone, Copy)]
enum Layout {
    Plain,
    Transposed,
    Reversed(usize),
    Strided,
}

/// The view of `owner` (from [`layouts`]) with the original's logical
/// values.
fn view<T: El>(owner: &ArrayD<T>, l: Layout) -> ArrayViewD<'_, T> {
    match l {
        Layout::Plain => owner.view(),
        Layout::Transposed => owner.t(),
        Layout::Reversed(ax) => {
            let mut v = owner.view();
            v.invert_axis(Axis(ax));
            v
        }
        Layout::Strided => owner.slice(s![1..;2, 1..;3]).into_dyn(),
    }
}

macro_rules! each_dtype {
    ($name:ident, $body:ident) => {
        #[test]
        fn $name() {
            $body::<f64>();
            $body::<f32>();
        }
    };
}

// ------------------------------------------------------------- shapes

fn matmul<T: El>() {
    let src = "C[i,k] = A[i,j] B[j,k]";
    // Small (the library's small-matrix path) and bigger (packed, blocked).
    for (m, kk, n) in [(3, 4, 5), (7, 9, 5), (70, 81, 90)] {
        let a = array::<T>(&[m, kk], 1);
        let b = array::<T>(&[kk, n], 2);
        check(src, &[("A", a.view()), ("B", b.view())], &[], 1);
    }
}
each_dtype!(matmul_agrees_with_the_interpreter, matmul);

/// A and B in every layout pair: transposed, reversed (negative strides),
/// strided.
fn matmul_layouts<T: El>() {
    let src = "C[i,k] = A[i,j] B[j,k]";
    for (m, kk, n) in [(5, 6, 7), (40, 33, 35)] {
        let a = array::<T>(&[m, kk], 3);
        let b = array::<T>(&[kk, n], 4);
        for (na, oa, la) in layouts(&a) {
            for (nb, ob, lb) in layouts(&b) {
                let va = view(&oa, la);
                let vb = view(&ob, lb);
                assert_eq!(va, a.view(), "{na}");
                assert_eq!(vb, b.view(), "{nb}");
                check(src, &[("A", va), ("B", vb)], &[], 1);
            }
        }
    }
}
each_dtype!(matmul_with_any_strides, matmul_layouts);

/// Transposed operands written in the program (`A[j,i]`, `B[k,j]`).
fn transposed_in_the_program<T: El>() {
    let a = array::<T>(&[6, 4], 5);
    let b = array::<T>(&[5, 6], 6);
    check(
        "C[i,k] = A[j,i] B[k,j]",
        &[("A", a.view()), ("B", b.view())],
        &[],
        1,
    );
    let b2 = array::<T>(&[5, 4], 7);
    let a2 = array::<T>(&[3, 4], 8);
    check(
        "C[i,k] = A[i,j] B[k,j]",
        &[("A", a2.view()), ("B", b2.view())],
        &[],
        1,
    );
}
each_dtype!(transposed_operands, transposed_in_the_program);

/// Zero-stride (broadcast) inputs: a row repeated down A, a column
/// repeated across B.
fn broadcast<T: El>() {
    let src = "C[i,k] = A[i,j] B[j,k]";
    let row = array::<T>(&[1, 6], 9);
    let col = array::<T>(&[6, 1], 10);
    let a = row.broadcast(IxDyn(&[5, 6])).unwrap();
    let b = col.broadcast(IxDyn(&[6, 7])).unwrap();
    assert_eq!(a.strides()[0], 0);
    check(src, &[("A", a.clone()), ("B", b.clone())], &[], 1);
    let x = array::<T>(&[1], 11);
    let xb = x.broadcast(IxDyn(&[6])).unwrap();
    check("y[i] = A[i,j] x[j]", &[("A", a), ("x", xb)], &[], 1);
}
each_dtype!(broadcast_inputs, broadcast);

fn gemv<T: El>() {
    let a = array::<T>(&[37, 29], 12);
    let x = array::<T>(&[29], 13);
    let z = array::<T>(&[37], 14);
    for (_, oa, la) in layouts(&a) {
        let va = view(&oa, la);
        check(
            "y[i] = A[i,j] x[j]",
            &[("A", va.clone()), ("x", x.view())],
            &[],
            1,
        );
        check("y[j] = z[i] A[i,j]", &[("A", va), ("z", z.view())], &[], 1);
    }
    let mut xr = x.clone();
    xr.invert_axis(Axis(0));
    let xr = xr.as_standard_layout().into_owned();
    let mut xv = xr.view();
    xv.invert_axis(Axis(0));
    check("y[i] = A[i,j] x[j]", &[("A", a.view()), ("x", xv)], &[], 1);
}
each_dtype!(matvec_and_vecmat, gemv);

fn batched<T: El>() {
    let src = "C[b,i,k] = A[b,i,j] B[b,j,k]";
    let a = array::<T>(&[3, 4, 5], 15);
    let b = array::<T>(&[3, 5, 6], 16);
    check(src, &[("A", a.view()), ("B", b.view())], &[], 1);
    // Batch axis last in memory, and reversed.
    let ap = a.clone().permuted_axes(IxDyn(&[1, 2, 0]));
    let ap = ap.as_standard_layout().into_owned();
    let av = ap.view().permuted_axes(IxDyn(&[2, 0, 1]));
    assert_eq!(av, a.view());
    let mut bv = b.clone();
    bv.invert_axis(Axis(0));
    let bo = bv.as_standard_layout().into_owned();
    let mut bview = bo.view();
    bview.invert_axis(Axis(0));
    check(src, &[("A", av), ("B", bview)], &[], 1);
    // Batched matvec.
    let x = array::<T>(&[3, 5], 17);
    check(
        "y[b,i] = A[b,i,j] x[b,j]",
        &[("A", a.view()), ("x", x.view())],
        &[],
        1,
    );
}
each_dtype!(batched_matmul, batched);

fn multi_index<T: El>() {
    let x = array::<T>(&[3, 4, 5], 18);
    let y = array::<T>(&[5, 6], 19);
    check(
        "Z[a,b,d] = X[a,b,c] Y[c,d]",
        &[("X", x.view()), ("Y", y.view())],
        &[],
        1,
    );
    let p = array::<T>(&[2, 3, 4, 5], 20);
    let q = array::<T>(&[4, 5, 3, 2], 21);
    let src = "Z[a,b,e,f] = X[a,b,c,d] Y[c,d,e,f]";
    check(src, &[("X", p.view()), ("Y", q.view())], &[], 1);
    // Axes permuted in memory: the groups do not merge; the extra indices
    // are looped over (k ones accumulating).
    let pp = p
        .clone()
        .permuted_axes(IxDyn(&[3, 1, 0, 2]))
        .as_standard_layout()
        .into_owned();
    let pv = pp.view().permuted_axes(IxDyn(&[2, 1, 3, 0]));
    assert_eq!(pv, p.view());
    let qp = q
        .clone()
        .permuted_axes(IxDyn(&[1, 0, 3, 2]))
        .as_standard_layout()
        .into_owned();
    let qv = qp.view().permuted_axes(IxDyn(&[1, 0, 3, 2]));
    assert_eq!(qv, q.view());
    check(src, &[("X", pv), ("Y", qv)], &[], 1);
}
each_dtype!(several_indices_per_role, multi_index);

fn hessian<T: El>() {
    let x = array::<T>(&[40, 7], 22);
    check("H[k,l] = X[i,k] X[i,l]", &[("X", x.view())], &[], 1);
    check("G[i,j] = X[i,k] X[j,k]", &[("X", x.view())], &[], 1);
}
each_dtype!(hessian_of_one_tensor, hessian);

/// Outer products (no k) and dot products (no m, no n) stay loop code.
fn not_gemm<T: El>() {
    let x = array::<T>(&[5], 23);
    let y = array::<T>(&[6], 24);
    check(
        "O[i,k] = x[i] y[k]",
        &[("x", x.view()), ("y", y.view())],
        &[],
        0,
    );
    check("d = x[i] x[i]", &[("x", x.view())], &[], 0);
    let a = array::<T>(&[3, 5], 25);
    let b = array::<T>(&[3, 5], 26);
    check(
        "d[b] = A[b,i] B[b,i]",
        &[("A", a.view()), ("B", b.view())],
        &[],
        0,
    );
    // A diagonal, a shifted subscript: not plain indices.
    let sq = array::<T>(&[5, 5], 27);
    check(
        "y[i] = A[i,j] B[j,j]",
        &[("A", sq.view()), ("B", sq.view())],
        &[],
        0,
    );
}
each_dtype!(outer_and_dot_stay_loops, not_gemm);

// ---------------------------------------------------- programs, factors

fn alpha<T: El>() {
    let a = array::<T>(&[4, 6], 28);
    let b = array::<T>(&[6, 5], 29);
    let ins = [("A", a.view()), ("B", b.view())];
    check("C[i,k] = 2 sum_j A[i,j] B[j,k]", &ins, &[], 1);
    check("C[i,k] = -sum_j A[i,j] B[j,k]", &ins, &[], 1);
    check("C[i,k] = sum_j 3 A[i,j] B[j,k] / 4", &ins, &[], 1);
    check("C[i,k] = s sum_j A[i,j] B[j,k]", &ins, &[("s", -1.5)], 1);
}
each_dtype!(alpha_from_constant_factors, alpha);

/// GEMMs among other statements: least squares, its gradient, a chain the
/// planner splits into two GEMMs.
fn programs<T: El>() {
    let x = array::<T>(&[30, 8], 30);
    let y = array::<T>(&[30], 31);
    let w = array::<T>(&[8], 32);
    let ins = [("X", x.view()), ("y", y.view()), ("w", w.view())];
    // Residual, loss and gradient: one sweep over X (`loops::fuse`), no
    // library call.
    check(
        "p[i] = sum_j X[i,j] w[j]\nr[i] = y[i] - p[i]\nL = sum_i r[i]^2\ng[j] = -2 sum_i X[i,j] r[i]",
        &ins,
        &[],
        0,
    );
    // Two products that share no rows: two GEMV calls.
    check(
        "p[i] = sum_j X[i,j] w[j]\ng[j] = -2 sum_i X[i,j] y[i]",
        &ins,
        &[],
        2,
    );
    check("r[i] = y[i] - sum_j X[i,j] w[j]", &ins, &[], 0);
    check(
        "L = sum_i (y[i] - sum_j X[i,j] w[j])^2\ng[k] = diff(L, w[k])",
        &ins,
        &[],
        0,
    );
    let a = array::<T>(&[9, 10], 33);
    let b = array::<T>(&[10, 11], 34);
    let c = array::<T>(&[11, 12], 35);
    check(
        "D[i,l] = A[i,j] B[j,k] C[k,l]",
        &[("A", a.view()), ("B", b.view()), ("C", c.view())],
        &[],
        2,
    );
}
each_dtype!(gemm_inside_larger_programs, programs);

/// A written bound: the sum's range starts at 1, not 0.
fn bounded<T: El>() {
    let a = array::<T>(&[4, 6], 36);
    let b = array::<T>(&[6, 5], 37);
    check(
        "C[i,k] = sum_{j=1}^{3} A[i,j] B[j,k]",
        &[("A", a.view()), ("B", b.view())],
        &[],
        1,
    );
}
each_dtype!(bounded_sum, bounded);

/// Extents 0 and 1 on every role: an empty sum gives zeros (written over
/// whatever the caller's array held), an empty output is empty.
fn extents<T: El>() {
    let src = "C[i,k] = A[i,j] B[j,k]";
    for (m, kk, n) in [
        (0, 3, 4),
        (3, 0, 4),
        (3, 4, 0),
        (1, 3, 4),
        (3, 1, 4),
        (3, 4, 1),
        (1, 1, 1),
        (0, 0, 0),
    ] {
        let a = array::<T>(&[m, kk], 38);
        let b = array::<T>(&[kk, n], 39);
        check(src, &[("A", a.view()), ("B", b.view())], &[], 1);
        let k = kernel::<T>(src, None);
        let mut out = ArrayD::from_elem(IxDyn(&[m, n]), T::of(9.0));
        k.run_into(
            &[("A", a.view()), ("B", b.view())],
            &[],
            &mut [("C", out.view_mut())],
        )
        .unwrap();
        let want = oracle(src, &[("A", a.view()), ("B", b.view())], &[]);
        close(src, &out.view(), &want[0].0.view(), want[0].1).unwrap();
        if kk == 0 {
            assert!(out.iter().all(|x| x.to() == 0.0), "{m} {kk} {n}");
        }
    }
    let a = array::<T>(&[3, 0], 40);
    let x = array::<T>(&[0], 41);
    check(
        "y[i] = A[i,j] x[j]",
        &[("A", a.view()), ("x", x.view())],
        &[],
        1,
    );
    let p = array::<T>(&[2, 3, 0, 5], 42);
    let q = array::<T>(&[0, 5, 3, 2], 43);
    check(
        "Z[a,b,e,f] = X[a,b,c,d] Y[c,d,e,f]",
        &[("X", p.view()), ("Y", q.view())],
        &[],
        1,
    );
}
each_dtype!(extents_zero_and_one, extents);

/// `run_into` a caller's array with odd strides (every third column of
/// every other row, reversed, transposed): the values land there, and
/// nothing outside the view changes.
fn into_odd_strides<T: El>() {
    let src = "C[i,k] = A[i,j] B[j,k]";
    let a = array::<T>(&[9, 11], 44);
    let b = array::<T>(&[11, 13], 45);
    let want = oracle(src, &[("A", a.view()), ("B", b.view())], &[]);
    let k = kernel::<T>(src, None);
    for way in 0..4 {
        let sentinel = T::of(-77.0);
        let mut big = ArrayD::from_elem(IxDyn(&[2 * 13 + 3, 3 * 9 + 2]), sentinel);
        {
            let mut v = big.slice_mut(s![1..;2, 2..;3]).into_dyn();
            // v is 14 x 9: take what the way needs.
            let mut out = match way {
                0 => v.slice_mut(s![..13, ..9]).reversed_axes().into_dyn(),
                1 => {
                    let mut o = v.slice_mut(s![..13, ..9]).reversed_axes().into_dyn();
                    o.invert_axis(Axis(0));
                    o
                }
                2 => {
                    let mut o = v.slice_mut(s![..13, ..9]).reversed_axes().into_dyn();
                    o.invert_axis(Axis(1));
                    o
                }
                _ => {
                    let mut o = v.slice_mut(s![..13, ..9]).reversed_axes().into_dyn();
                    o.invert_axis(Axis(0));
                    o.invert_axis(Axis(1));
                    o
                }
            };
            assert_eq!(out.shape(), &[9, 13]);
            k.run_into(
                &[("A", a.view()), ("B", b.view())],
                &[],
                &mut [("C", out.view_mut())],
            )
            .unwrap();
            close(src, &out.view(), &want[0].0.view(), want[0].1).unwrap();
        }
        // Everything outside the view keeps the sentinel.
        let mut inside = ArrayD::from_elem(big.raw_dim(), false);
        inside
            .slice_mut(s![1..;2, 2..;3])
            .slice_mut(s![..13, ..9])
            .fill(true);
        for (x, i) in big.iter().zip(inside.iter()) {
            assert!(
                *i || *x == sentinel,
                "way {way}: an element outside C changed"
            );
        }
    }
}
each_dtype!(run_into_odd_strides, into_odd_strides);

// ------------------------------------------------------------- threads

/// Big enough for the library's threads (m n k above
/// `gemm_call::THREAD_WORK` and the crate's own threshold): 1 and 2
/// threads give the same bits (the values themselves are checked against
/// the interpreter above; the interpreter is too slow here in debug
/// builds).
fn threads<T: El>() {
    for (src, shapes) in [
        ("C[i,k] = A[i,j] B[j,k]", [vec![130, 120], vec![120, 140]]),
        ("C[i,k] = A[i,j] B[k,j]", [vec![129, 121], vec![131, 121]]),
        (
            "C[b,i,k] = A[b,i,j] B[b,j,k]",
            [vec![2, 100, 97], vec![2, 97, 110]],
        ),
    ] {
        let a = array::<T>(&shapes[0], 46);
        let b = array::<T>(&shapes[1], 47);
        let ins = [("A", a.view()), ("B", b.view())];
        let one = kernel::<T>(src, Some(1)).run_views(&ins, &[]).unwrap();
        let two = kernel::<T>(src, Some(2)).run_views(&ins, &[]).unwrap();
        let all = kernel::<T>(src, None).run_views(&ins, &[]).unwrap();
        same(src, &two[0].view(), &one[0].view()).unwrap();
        same(src, &all[0].view(), &one[0].view()).unwrap();
    }
}
each_dtype!(same_bits_for_any_thread_count, threads);

/// `--explain` shows the node with its roles.
#[test]
fn explain_shows_the_node() {
    for d in [DType::F64, DType::F32] {
        let k = jit::compile("Z[a,b,e,f] = X[a,b,c,d] Y[c,d,e,f]", Options::new(d)).unwrap();
        assert!(
            k.explain()
                .contains("gemm Z[a,b,e,f] = X[a,b,c,d] Y[c,d,e,f] over m=[a,b] n=[e,f] k=[c,d]"),
            "{}",
            k.explain()
        );
    }
}
