//! The JIT against the reference interpreter, and the JIT's calling
//! contract.
//!
//! (1) Property: random well-formed programs of the shared generator
//!     (`tests/all/common/generator.rs`, profile `JIT`: over `A[i,j]`, `x[i]` and a
//!     scalar `c`, with division, powers, log/sqrt/sign, sums the JIT
//!     materialises as hidden definitions, `diff` inside programs and
//!     derivative statements; extents up to 9 so that the 4-lane innermost
//!     sums run their main loop) give the interpreter's values bit for bit
//!     (`a == b` or both NaN), in f64 and in f32
//!     (`tests/all/common/jit_check.rs`, shared with the `eval` fuzz target). The JIT
//!     reads its inputs through `run_views` with random layouts of the same
//!     logical values: contiguous, transposed, stepped slices of a bigger
//!     array, negative strides (negative-step slices or `invert_axis`),
//!     zero-length axes; the padding around them is NaN, so a stray read
//!     shows. It is also called through `Kernel::call`, and through
//!     `run_into` with randomly laid-out caller outputs (later definitions
//!     then read earlier ones through those strides); every element outside
//!     the output views must keep its sentinel.
//! (2) One `Arc<Kernel>` runs on four threads at once, each with its own
//!     inputs (different shapes and layouts), and agrees with the
//!     interpreter every time.
//! (3) Compiling and dropping kernels many times does not grow the resident
//!     set (measured in a child process, so other tests' allocations do not
//!     count): 1,000 cycles by default, 10,000 with `RICCI_LONG=1` (about
//!     90 s in the debug profile).
//! (4) Bad calls are clear errors, never crashes: missing input, wrong rank,
//!     wrong dtype (through `run_views`, `run_into` and `call`), extents
//!     that disagree, a written bound past an axis end, unknown names,
//!     `run_into` with an output of the wrong shape.
//! (5) `run_into` writes into caller-provided strided outputs (transposed,
//!     stepped, reversed, 0-d) exactly the values `run_views` returns.
//!     Plus zero-stride (broadcast) inputs and a program with `diff`.
//! (6) Hand-reduced regressions of the disagreements (1) found: signed
//!     zeros through sums, max/min and sign; squares; sums around
//!     materialised sums.

use crate::common;
use common::choices::Choices;
use common::generator::{Case, JIT};
use common::jit_check::{El, JitCall, arr, close, jit_matches_interpreter, same};
use common::layout::{AxisLay, Laid, Lay};
use ndarray::{Array1, Array2, ArrayD, Axis, Ix2, IxDyn, s};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ricci::interp::eval;
use ricci::jit::{self, Kernel, Options};
use ricci::runtime::args::Args;
use ricci::runtime::values::{DType, Tensor};
use ricci::sema;
use std::sync::Arc;

const FILE: &str = "<program>";

/// `cases` cases (or `PROPTEST_CASES` when set, for a longer hunt); failures
/// are saved in `tests/all/jit.proptest-regressions`.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// (1) Random programs and layouts
// ---------------------------------------------------------------------------

/// The generator's bytes.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..=1024)
}

proptest! {
    #![proptest_config(config(128))]

    /// Random programs: the JIT (through `run_views`, `call` and
    /// `run_into`, on random layouts) gives the interpreter's values bit for
    /// bit.
    #[test]
    fn jit_matches_the_interpreter_on_random_programs_and_layouts(bytes in bytes()) {
        let mut c = Choices::new(&bytes);
        let case = Case::generate(&mut c, &JIT);
        let call = JitCall::generate(&mut c, &case);
        jit_matches_interpreter(&case, &call).map_err(TestCaseError::fail)?;
    }
}

// ---------------------------------------------------------------------------
// (2) One kernel, four threads
// ---------------------------------------------------------------------------

const THREADED: &str = "y[i] = tanh(sum_j A[i,j] x[j]) + c
s = sum_i y[i] y[i] + prod_{k=0}^{2} x[k]
P[i,j] = A[i,j] / (1 + y[i] y[i]) - max(A[i,j], s)";

#[test]
fn one_kernel_runs_on_four_threads_at_once() {
    let kernel = jit::compile(THREADED, Options::default()).unwrap();
    let program = sema::check_source(THREADED).unwrap();
    struct Job {
        a: ArrayD<f64>,
        x: ArrayD<f64>,
        c: f64,
        want: Vec<ArrayD<f64>>,
    }
    let jobs: Vec<Job> = (0..4)
        .map(|t| {
            let (m, n) = (3 + 2 * t, 4 + 3 * t);
            let av: Vec<f64> = (0..m * n)
                .map(|k| ((k * (t + 2)) as f64 * 0.37).sin())
                .collect();
            let xv: Vec<f64> = (0..n).map(|k| ((k + t) as f64 * 0.61).cos()).collect();
            let a = arr::<f64>(&[m, n], &av);
            let x = arr::<f64>(&[n], &xv);
            let c = 0.25 * t as f64 - 0.3;
            let args = Args::new()
                .tensor("A", Tensor::F64(a.clone()))
                .tensor("x", Tensor::F64(x.clone()))
                .param("c", c);
            let want = eval(&program, &args)
                .unwrap()
                .iter()
                .map(|t| t.to_f64())
                .collect();
            Job { a, x, c, want }
        })
        .collect();
    let layouts = [
        Lay::contiguous(2),
        Lay {
            transpose: true,
            ..Lay::contiguous(2)
        },
        Lay {
            transpose: false,
            axes: vec![
                AxisLay {
                    step: 2,
                    rev: true,
                    invert: false,
                    off: 1,
                    tail: 1,
                },
                AxisLay {
                    step: 3,
                    rev: false,
                    invert: false,
                    off: 0,
                    tail: 2,
                },
            ],
        },
        Lay {
            transpose: true,
            axes: vec![
                AxisLay {
                    step: 1,
                    rev: true,
                    invert: true,
                    off: 0,
                    tail: 0,
                },
                AxisLay {
                    step: 2,
                    rev: true,
                    invert: false,
                    off: 1,
                    tail: 0,
                },
            ],
        },
    ];
    const ROUNDS: usize = 300;
    std::thread::scope(|scope| {
        for (t, job) in jobs.iter().enumerate() {
            let kernel = Arc::clone(&kernel);
            let lay = layouts[t].clone();
            scope.spawn(move || {
                let al = Laid::new(&job.a.view(), &lay, f64::NAN);
                let args = Args::new()
                    .tensor("A", Tensor::F64(job.a.clone()))
                    .tensor("x", Tensor::F64(job.x.clone()))
                    .param("c", job.c);
                for round in 0..ROUNDS {
                    let got = if round % 3 == 2 {
                        kernel
                            .call(&args)
                            .unwrap()
                            .iter()
                            .map(|t| t.to_f64())
                            .collect()
                    } else {
                        kernel
                            .run_views(&[("A", al.view()), ("x", job.x.view())], &[("c", job.c)])
                            .unwrap()
                            .into_vec()
                    };
                    assert_eq!(got.len(), 3);
                    for (k, (g, w)) in got.iter().zip(&job.want).enumerate() {
                        if let Err(e) = near(
                            &format!("thread {t}, round {round}, statement {k}"),
                            &g.view(),
                            &w.view(),
                        ) {
                            panic!("{e}");
                        }
                    }
                    if round % 50 == 0 {
                        let again = jit::compile(THREADED, Options::default()).unwrap();
                        assert!(
                            Arc::ptr_eq(&again, &kernel),
                            "the cache gave another kernel"
                        );
                    }
                }
            });
        }
    });
}

// ---------------------------------------------------------------------------
// (3) Compile and drop, many times
// ---------------------------------------------------------------------------

/// The resident set size in bytes (Linux: `/proc/self/statm` in pages, the
/// page size from the auxiliary vector).
#[cfg(target_os = "linux")]
fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * page_size()
}

#[cfg(target_os = "linux")]
fn page_size() -> u64 {
    const AT_PAGESZ: u64 = 6;
    let auxv = std::fs::read("/proc/self/auxv").unwrap_or_default();
    let words: Vec<u64> = auxv
        .chunks_exact(8)
        .map(|c| u64::from_ne_bytes(c.try_into().unwrap()))
        .collect();
    words
        .chunks_exact(2)
        .find(|kv| kv[0] == AT_PAGESZ)
        .map_or(4096, |kv| kv[1])
}

const CHILD_ENV: &str = "RICCI_JIT_RSS_CHILD";

const CYCLE_PROGRAMS: [&str; 3] = [
    "y[i] = tanh(sum_j A[i,j] x[j]); s = sum_i y[i] y[i] + prod_{k=0}^{1} x[k]",
    "C[i,k] = sum_j A[i,j] B[j,k] + max(A[i,k], 0) / (1 + exp(B[k,i]))",
    "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])",
];

/// 1,000 compile-and-drop cycles (10,000 with `RICCI_LONG=1`: about 90 s
/// in the debug profile, 9 ms a compile), alternating `compile_uncached`
/// with `compile` + `clear_cache`, over three programs (one with `diff`),
/// every kernel run once and checked. Between a 200-cycle warm-up and the
/// end the resident set may grow by less than 2 MiB + 512 bytes a cycle
/// (2.4 MiB for 1,000, 6.8 MiB for 10,000; a kernel that is never freed
/// costs about 12 KiB, so leaking even every other one fails). Runs in a
/// child process (this test binary, this test alone) so that concurrent
/// tests do not disturb the measurement.
#[test]
#[cfg(target_os = "linux")]
fn compile_and_drop_does_not_grow_memory() {
    if std::env::var_os(CHILD_ENV).is_some() {
        compile_drop_cycles();
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            "jit::compile_and_drop_does_not_grow_memory",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "the child failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("rss:"),
        "the child did not measure:\n{stdout}"
    );
}

#[cfg(target_os = "linux")]
fn compile_drop_cycles() {
    let long = std::env::var("RICCI_LONG").is_ok_and(|v| v == "1");
    let cycles = if long { 10_000 } else { 1_000 };
    const WARM_UP: usize = 200;
    let bound = (2 << 20) + 512 * (cycles - WARM_UP) as i64;
    let a = arr::<f64>(&[3, 3], &[0.5, -1.0, 2.0, 0.25, 1.5, -0.5, 1.0, 0.0, -2.0]);
    let v = arr::<f64>(&[3], &[1.0, -0.5, 0.25]);
    let args = [
        Args::new()
            .tensor("A", Tensor::F64(a.clone()))
            .tensor("x", Tensor::F64(v.clone())),
        Args::new()
            .tensor("A", Tensor::F64(a.clone()))
            .tensor("B", Tensor::F64(a.clone())),
        Args::new()
            .tensor("X", Tensor::F64(a.clone()))
            .tensor("y", Tensor::F64(v.clone()))
            .tensor("w", Tensor::F64(v.clone())),
    ];
    let wants: Vec<Vec<Tensor>> = CYCLE_PROGRAMS
        .iter()
        .zip(&args)
        .map(|(src, args)| eval(&sema::check_source(src).unwrap(), args).unwrap())
        .collect();
    let t0 = std::time::Instant::now();
    let mut warm = 0;
    let mut peak = 0;
    for cycle in 0..cycles {
        if cycle == WARM_UP {
            warm = rss_bytes();
        }
        let p = cycle % 3;
        let got = if cycle % 2 == 0 {
            let k = jit::compile_uncached(CYCLE_PROGRAMS[p], Options::default()).unwrap();
            k.call(&args[p]).unwrap()
        } else {
            let k = jit::compile(CYCLE_PROGRAMS[p], Options::default()).unwrap();
            jit::clear_cache();
            k.call(&args[p]).unwrap()
        };
        assert_eq!(got, wants[p], "cycle {cycle}");
        if cycle >= WARM_UP {
            peak = peak.max(rss_bytes());
        }
    }
    let end = rss_bytes();
    let elapsed = t0.elapsed();
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let growth = end as i64 - warm as i64;
    println!(
        "rss: {cycles} cycles in {:.1} s; after {WARM_UP}: {:.2} MiB, peak {:.2} MiB, end {:.2} MiB, growth {:.2} MiB ({:.0} bytes/cycle); bound {:.2} MiB",
        elapsed.as_secs_f64(),
        mib(warm),
        mib(peak),
        mib(end),
        growth as f64 / (1024.0 * 1024.0),
        growth as f64 / (cycles - WARM_UP) as f64,
        mib(bound as u64),
    );
    assert!(
        growth < bound,
        "the resident set grew by {:.2} MiB over {} compile-and-drop cycles",
        growth as f64 / (1024.0 * 1024.0),
        cycles - WARM_UP
    );
}

// ---------------------------------------------------------------------------
// (4) Bad calls
// ---------------------------------------------------------------------------

/// Every message of an error, one a line.
fn messages(e: &ricci::Errors) -> String {
    e.iter()
        .map(|d| d.message.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn assert_error<T: std::fmt::Debug>(r: Result<T, ricci::Errors>, wanted: &[&str]) {
    match r {
        Ok(v) => panic!("expected an error saying {wanted:?}, got {v:?}"),
        Err(e) => {
            let got = messages(&e);
            for w in wanted {
                assert!(got.contains(w), "expected {w:?} in:\n{got}");
            }
            // Every error renders.
            assert!(e.render(FILE, "").starts_with("error"));
        }
    }
}

const MATVEC: &str = "y[i] = sum_j A[i,j] x[j]";

fn matvec() -> Arc<Kernel> {
    jit::compile(MATVEC, Options::default()).unwrap()
}

#[test]
fn a_missing_input_is_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view())], &[]),
        &["input tensor `x` is not given"],
    );
    let args = Args::new().tensor("A", Tensor::F64(a));
    assert_error(matvec().call(&args), &["input tensor `x` is not given"]);
}

#[test]
fn a_wrong_rank_is_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array2::<f64>::ones((3, 1)).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view())], &[]),
        &["input tensor `x` is used with rank 1 but the given array has rank 2 (shape (3, 1))"],
    );
}

#[test]
fn a_wrong_dtype_is_an_error() {
    let a32 = Array2::<f32>::ones((2, 3)).into_dyn();
    let x32 = Array1::<f32>::ones(3).into_dyn();
    let inputs = [("A", a32.view()), ("x", x32.view())];
    let wanted = ["this kernel was compiled for f64 but the inputs are f32"];
    assert_error(matvec().run_views(&inputs, &[]), &wanted);
    let mut out = Array1::<f32>::zeros(2).into_dyn();
    assert_error(
        matvec().run_into(&inputs, &[], &mut [("y", out.view_mut())]),
        &wanted,
    );
    let args = Args::new()
        .tensor("A", Tensor::F32(a32.clone()))
        .tensor("x", Tensor::F32(x32.clone()));
    assert_error(matvec().call(&args), &wanted);
    // And the other way round.
    let k32 = jit::compile(MATVEC, Options::new(DType::F32)).unwrap();
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        k32.run_views(&[("A", a.view()), ("x", x.view())], &[]),
        &["this kernel was compiled for f32 but the inputs are f64"],
    );
    // Mixed element types through `call`.
    let mixed = Args::new()
        .tensor("A", Tensor::F64(a))
        .tensor("x", Tensor::F32(x32));
    assert_error(
        matvec().call(&mixed),
        &["inputs mix element types: `A` is f64 but `x` is f32"],
    );
}

#[test]
fn extents_that_disagree_are_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(4).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view())], &[]),
        &[
            "index `j` has two extents: `A` has length 3 along axis 1 but `x` has length 4 along axis 0",
        ],
    );
}

#[test]
fn a_bound_past_the_end_is_an_error() {
    let k = jit::compile("s = sum_{j=1}^{N} x[j]", Options::default()).unwrap();
    let x = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        k.run_views(&[("x", x.view())], &[("N", 3.0)]),
        &[
            "index `j` runs from 1 to N = 3, but `x` has length 3 along axis 0 (valid subscripts 0 to 2)",
        ],
    );
    // In bounds, it runs.
    let got = k.run_views(&[("x", x.view())], &[("N", 2.0)]).unwrap();
    assert_eq!(got[0].first(), Some(&2.0));
    // A missing parameter.
    assert_error(
        k.run_views(&[("x", x.view())], &[]),
        &["scalar parameter `N` is not given"],
    );
}

#[test]
fn unknown_names_are_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(3).into_dyn();
    let z = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view()), ("z", z.view())], &[]),
        &["tensor `z` is given but the program has no input tensor named `z`"],
    );
    assert_error(
        matvec().run_views(&[("A", a.view()), ("x", x.view())], &[("N", 1.0)]),
        &["parameter `N` is given but the program has no scalar parameter named `N`"],
    );
    let args = Args::new()
        .tensor("A", Tensor::F64(a))
        .tensor("x", Tensor::F64(x))
        .tensor("z", Tensor::F64(z));
    assert_error(
        matvec().call(&args),
        &["tensor `z` is given but the program has no input tensor named `z`"],
    );
}

#[test]
fn run_into_an_output_of_the_wrong_shape_is_an_error() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let x = Array1::<f64>::ones(3).into_dyn();
    let mut out = Array1::<f64>::from_elem(3, 9.0).into_dyn();
    assert_error(
        matvec().run_into(
            &[("A", a.view()), ("x", x.view())],
            &[],
            &mut [("y", out.view_mut())],
        ),
        &["the array given for `y` has shape (3,) but `y` has shape (2,)"],
    );
    assert!(out.iter().all(|&v| v == 9.0), "a failed call wrote {out}");
    // A 2-d array for a vector.
    let mut out2 = Array2::<f64>::zeros((2, 1)).into_dyn();
    assert_error(
        matvec().run_into(
            &[("A", a.view()), ("x", x.view())],
            &[],
            &mut [("y", out2.view_mut())],
        ),
        &["the array given for `y` has shape (2, 1) but `y` has shape (2,)"],
    );
}

/// Every bad call reports all its problems at once.
#[test]
fn several_problems_are_reported_together() {
    let a = Array2::<f64>::ones((2, 3)).into_dyn();
    let z = Array1::<f64>::ones(3).into_dyn();
    assert_error(
        matvec().run_views(&[("A", a.view()), ("z", z.view())], &[]),
        &[
            "tensor `z` is given but the program has no input tensor named `z`",
            "input tensor `x` is not given",
        ],
    );
}

// ---------------------------------------------------------------------------
// (5) run_into strided outputs; broadcast inputs; diff
// ---------------------------------------------------------------------------

const MATMUL: &str = "C[i,k] = sum_j A[i,j] B[j,k]; s = sum_{i,k} C[i,k] - c";

fn matmul_inputs() -> (ArrayD<f64>, ArrayD<f64>) {
    let a: Vec<f64> = (0..15).map(|k| (k as f64 * 0.7).sin()).collect();
    let b: Vec<f64> = (0..20).map(|k| (k as f64 * 0.3).cos() - 0.2).collect();
    (arr(&[3, 5], &a), arr(&[5, 4], &b))
}

#[test]
fn run_into_writes_strided_outputs() {
    let src = MATMUL;
    let k = jit::compile(src, Options::default()).unwrap();
    let (a, b) = matmul_inputs();
    let inputs = [("A", a.view()), ("B", b.view())];
    let params = [("c", 0.5)];
    let want = k.run_views(&inputs, &params).unwrap();
    let args = Args::new()
        .tensor("A", Tensor::F64(a.clone()))
        .tensor("B", Tensor::F64(b.clone()))
        .param("c", 0.5);
    let interp = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    for (w, i) in want.iter().zip(&interp) {
        near("run_views", &w.view(), &i.to_f64().view()).unwrap();
    }
    const SENT: f64 = 1234.5;

    // C transposed: a (4, 3) array seen as (3, 4); s into a 0-d array.
    let mut ct = Array2::<f64>::from_elem((4, 3), SENT);
    let mut sv = ArrayD::<f64>::from_elem(IxDyn(&[]), SENT);
    k.run_into(
        &inputs,
        &params,
        &mut [
            ("C", ct.view_mut().reversed_axes().into_dyn()),
            ("s", sv.view_mut()),
        ],
    )
    .unwrap();
    // Another layout class of the output may order the sums otherwise:
    // within the bound, not to the bit.
    near("C transposed", &ct.t().into_dyn(), &want[0].view()).unwrap();
    near("s", &sv.view(), &want[1].view()).unwrap();

    // C stepped and reversed inside a bigger array: only its elements
    // change.
    let mut big = Array2::<f64>::from_elem((7, 9), SENT);
    k.run_into(
        &inputs,
        &params,
        &mut [("C", big.slice_mut(s![1..6;2, 1..8;-2]).into_dyn())],
    )
    .unwrap();
    near(
        "C stepped",
        &big.slice(s![1..6;2, 1..8;-2]).into_dyn(),
        &want[0].view(),
    )
    .unwrap();
    let mut expected = Array2::<f64>::from_elem((7, 9), SENT);
    expected
        .slice_mut(s![1..6;2, 1..8;-2])
        .assign(&want[0].view().into_dimensionality::<Ix2>().unwrap());
    near(
        "around C",
        &big.into_dyn().view(),
        &expected.into_dyn().view(),
    )
    .unwrap();

    // Negative strides by invert_axis; only `s` named: `C` is computed and
    // dropped.
    let mut cr = Array2::<f64>::from_elem((3, 4), SENT);
    let mut s2 = ArrayD::<f64>::from_elem(IxDyn(&[]), SENT);
    k.run_into(&inputs, &params, &mut [("s", s2.view_mut())])
        .unwrap();
    near("s alone", &s2.view(), &want[1].view()).unwrap();
    assert!(cr.iter().all(|&v| v == SENT));
    let mut crv = cr.view_mut();
    crv.invert_axis(Axis(0));
    crv.invert_axis(Axis(1));
    k.run_into(&inputs, &params, &mut [("C", crv.into_dyn())])
        .unwrap();
    let mut crr = cr.view();
    crr.invert_axis(Axis(0));
    crr.invert_axis(Axis(1));
    near("C inverted", &crr.into_dyn(), &want[0].view()).unwrap();

    // Zero-length outputs.
    let a0 = Array2::<f64>::zeros((0, 5)).into_dyn();
    let mut c0 = Array2::<f64>::zeros((4, 0));
    let mut s0 = ArrayD::<f64>::from_elem(IxDyn(&[]), SENT);
    k.run_into(
        &[("A", a0.view()), ("B", b.view())],
        &params,
        &mut [
            ("C", c0.view_mut().reversed_axes().into_dyn()),
            ("s", s0.view_mut()),
        ],
    )
    .unwrap();
    assert_eq!(s0.first(), Some(&-0.5));
}

#[test]
fn f32_run_into_a_transposed_output() {
    let src = MATMUL;
    let k = jit::compile(src, Options::new(DType::F32)).unwrap();
    let (a, b) = matmul_inputs();
    let (a, b) = (a.mapv(|v| v as f32), b.mapv(|v| v as f32));
    let args = Args::new()
        .tensor("A", Tensor::F32(a.clone()))
        .tensor("B", Tensor::F32(b.clone()))
        .param("c", 0.5);
    let want = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    let mut ct = Array2::<f32>::from_elem((4, 3), 7.0);
    k.run_into(
        &[("A", a.view()), ("B", b.view())],
        &[("c", 0.5)],
        &mut [("C", ct.view_mut().reversed_axes().into_dyn())],
    )
    .unwrap();
    let Tensor::F32(w) = &want[0] else {
        panic!("dtype")
    };
    near("C", &ct.t().into_dyn(), &w.view()).unwrap();
}

/// Inputs with zero strides (`broadcast`): every logical element reads the
/// same memory.
#[test]
fn broadcast_inputs_with_zero_strides() {
    let src = "y[i] = sum_j A[i,j] x[j]; z[i] = sum_{j=0}^{2} x[j] A[i,j] + x[i]";
    let row = Array1::from(vec![0.5, -1.25, 2.0, 0.75, 3.0]);
    let a_b = row.broadcast((5, 5)).unwrap().into_dyn();
    assert_eq!(a_b.strides(), &[0, 1]);
    let one = Array1::from(vec![0.3]);
    let x_b = one.broadcast(5).unwrap().into_dyn();
    assert_eq!(x_b.strides(), &[0]);
    let k = jit::compile(src, Options::default()).unwrap();
    let got = k
        .run_views(&[("A", a_b.view()), ("x", x_b.view())], &[])
        .unwrap();
    let args = Args::new()
        .tensor("A", Tensor::F64(a_b.to_owned()))
        .tensor("x", Tensor::F64(x_b.to_owned()));
    let want = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        near(&format!("statement {k}"), &g.view(), &w.to_f64().view()).unwrap();
    }
}

/// A program with `diff`: the kernel returns the source's definitions only
/// (not the adjoints the derivative adds), as the interpreter does.
#[test]
fn a_program_with_diff_returns_the_sources_definitions() {
    let src = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2; g[k] = diff(L, w[k])";
    let k = jit::compile(src, Options::default()).unwrap();
    let xv: Vec<f64> = (0..12).map(|k| (k as f64 * 0.9).sin()).collect();
    let x = arr::<f64>(&[4, 3], &xv);
    // X through a transpose of its transpose, y reversed twice.
    let x_t = x.t().to_owned();
    let y1 = Array1::from(vec![1.0, -0.5, 0.25, 2.0]);
    let y_rev = y1.slice(s![..;-1]).to_owned();
    let y = y1.into_dyn();
    let w = arr::<f64>(&[3], &[0.5, 0.125, -1.0]);
    let got = k
        .run_views(
            &[
                ("X", x_t.t()),
                ("y", y_rev.slice(s![..;-1]).into_dyn()),
                ("w", w.view()),
            ],
            &[],
        )
        .unwrap();
    let args = Args::new()
        .tensor("X", Tensor::F64(x))
        .tensor("y", Tensor::F64(y))
        .tensor("w", Tensor::F64(w));
    let want = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(want.len(), 2);
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        near(&format!("statement {k}"), &g.view(), &w.to_f64().view()).unwrap();
    }
}

// ---------------------------------------------------------------------------
// (6) Regressions: disagreements the property test found, reduced by hand
//     (each failed before the interpreter and the JIT were aligned)
// ---------------------------------------------------------------------------

/// Compiled values against the interpreter's, within [`close`]'s bound
/// with Σ|want| + 1 as the scale (the sums here have positive and negative
/// terms of similar sizes, so Σ|values| bounds Σ|terms| of each sum up to
/// a small factor).
fn near<T: El>(
    what: &str,
    got: &ndarray::ArrayViewD<T>,
    want: &ndarray::ArrayViewD<T>,
) -> Result<(), String> {
    let scale = 1.0
        + want
            .iter()
            .map(|v| v.to().abs())
            .filter(|v| v.is_finite())
            .sum::<f64>();
    close(what, got, want, scale)
}

/// The JIT (through `call`) and the interpreter on one program as written
/// give the same values, bit for bit (`==` or both NaN).
#[track_caller]
fn assert_agrees(src: &str, args: &Args) {
    let program = sema::check_source(src).unwrap();
    let want = eval(&program, args).unwrap();
    let dtype = args.dtype().unwrap();
    let options = Options {
        as_written: true,
        ..Options::new(dtype)
    };
    let got = jit::compile(src, options).unwrap().call(args).unwrap();
    assert_eq!(got.len(), want.len());
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        let what = format!("{src} ({}), statement {k}", dtype.name());
        if let Err(e) = same(&what, &g.to_f64().view(), &w.to_f64().view()) {
            panic!("{e}");
        }
    }
}

/// A sum of terms folds from its first term in both (`-0 - 0` is `-0`);
/// the interpreter used to start from 0 (`0 + -0 + -0` is `+0`), and
/// division showed it (+inf against the JIT's -inf).
#[test]
fn a_sum_of_negative_zeros_agrees() {
    assert_agrees("s = 1/(0*c - 0)", &Args::new().param("c", -1.0));
}

/// `max`/`min` are IEEE maximum/minimum in both (`max(-0, 0)` is `+0`,
/// `min(0, -0)` is `-0`); the interpreter's used to return `a` when the two
/// compared equal.
#[test]
fn max_and_min_of_signed_zeros_agree() {
    let args = Args::new().param("c", -1.0);
    assert_agrees("s = 1/max(0*c, 0)", &args);
    assert_agrees("s = 1/min(0, 0*c)", &args);
}

/// `sign(-0)` is `+0` in both; the JIT's used to be `-0 * 0 = -0`.
#[test]
fn sign_of_negative_zero_agrees() {
    assert_agrees("s = 1/sign(0*c)", &Args::new().param("c", -1.0));
}

/// `e^2` is `e * e` (correctly rounded) in both; the interpreter used to
/// call `powf(e, 2)`, which glibc 2.36 rounds differently for about 1 in
/// 1,000 arguments (these two among them).
#[test]
fn squares_agree() {
    let x = arr::<f64>(&[1], &[0.5004866844447303]);
    assert_agrees("s = sum_i x[i]^2", &Args::new().tensor("x", Tensor::F64(x)));
    let x = ArrayD::from_elem(IxDyn(&[1]), 1.0f32 + 2f32.powi(-12));
    assert_agrees("s = sum_i x[i]^2", &Args::new().tensor("x", Tensor::F32(x)));
}

/// `loops::materialize` moves `sum_j X[i,j]` into `_t0[i]`; the sum over
/// `i` then has no reduction inside and runs in 4 lanes: within the bound
/// of the interpreter's index order.
#[test]
fn a_sum_around_a_materialised_sum_agrees() {
    let x = arr::<f64>(
        &[4, 1],
        &[
            0.0,
            0.13539754645288374,
            0.2683014363813199,
            0.39626393966813234,
        ],
    );
    let src = "g[k] = sum_i X[i,k] sum_j X[i,j]";
    let args = Args::new().tensor("X", Tensor::F64(x));
    let want = eval(&sema::check_source(src).unwrap(), &args).unwrap();
    let got = jit::compile(src, Options::default())
        .unwrap()
        .call(&args)
        .unwrap();
    near("g", &got[0].to_f64().view(), &want[0].to_f64().view()).unwrap();
}

/// `run_into` refuses an output name the program does not define or names
/// twice, and `run_views` a tensor given twice; nothing is written.
#[test]
fn output_and_input_names_are_checked() {
    use ndarray::Array1;
    let k = jit::compile("y[i] = 2 x[i]", Options::default()).unwrap();
    let x = Array1::from(vec![1.0, 2.0]).into_dyn();
    let mut out = Array1::from(vec![7.0, 7.0]).into_dyn();
    let e = k
        .run_into(&[("x", x.view())], &[], &mut [("Y", out.view_mut())])
        .unwrap_err();
    assert!(e[0].message.contains("defines no `Y`"), "{}", e[0].message);
    let mut out2 = Array1::from(vec![7.0, 7.0]).into_dyn();
    let e = k
        .run_into(
            &[("x", x.view())],
            &[],
            &mut [("y", out.view_mut()), ("y", out2.view_mut())],
        )
        .unwrap_err();
    assert!(
        e[0].message.contains("two output arrays"),
        "{}",
        e[0].message
    );
    assert_eq!(out, Array1::from(vec![7.0, 7.0]).into_dyn());
    let e = k
        .run_views(&[("x", x.view()), ("x", x.view())], &[])
        .unwrap_err();
    assert!(e[0].message.contains("given twice"), "{}", e[0].message);
}

/// Found by (1) before the generator was shared (saved in
/// `jit.proptest-regressions` under the old generator): f32, `min` of a
/// delta and a zero, a written-bounds sum over implicit indices, `A`
/// transposed and inverted, `y1` written into a reversed caller array.
#[test]
fn f32_min_of_a_zero_with_strided_inputs_and_outputs() {
    let x = [0.0];
    let a = [0.5, 1.0, 1.0, -0.11727091882840653];
    let mut case = Case::explicit(
        &JIT,
        (&x, &a, 0.0),
        4,
        &[
            ("s0", "", "(0 / 1)"),
            ("y1", "i", "(x[i] * min(delta[i,i], s0))"),
            ("M2", "ij", "(A[i,j] * (∑_{l=0}^{3} (-A[p,q])))"),
            ("", "", "(-(c + c + 0))"),
        ],
    );
    case.semis = vec![false, false, true];
    let axis = |step, rev, invert, off, tail| AxisLay {
        step,
        rev,
        invert,
        off,
        tail,
    };
    let call = JitCall {
        f32: true,
        x_lay: Lay::contiguous(1),
        a_lay: Lay {
            transpose: true,
            axes: vec![axis(1, false, false, 1, 2), axis(1, false, true, 0, 2)],
        },
        outs: vec![
            None,
            Some(Lay {
                transpose: true,
                axes: vec![axis(1, true, false, 0, 0)],
            }),
            None,
            None,
        ],
    };
    jit_matches_interpreter(&case, &call).unwrap();
}

/// The JIT-against-interpreter bound ([`close`], K u Σ|terms|) accepts the
/// JIT's own summation order and refuses a result with one term dropped:
/// in f64 any one of 200 terms, in f32 a typical one.
#[test]
fn the_tolerance_catches_one_dropped_term() {
    let xs: Vec<f64> = (0..200).map(|k| (k as f64 * 0.37 + 0.5).sin()).collect();
    let scale: f64 = xs.iter().map(|v| v.abs()).sum();
    let smallest = xs
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
        .map(|(k, _)| k)
        .unwrap();
    for dtype in [DType::F64, DType::F32] {
        let x = Tensor::from_f64(arr::<f64>(&[200], &xs), dtype);
        let args = Args::new().tensor("x", x.clone());
        let run = |src: &str| {
            jit::compile(src, Options::new(dtype))
                .unwrap()
                .call(&args)
                .unwrap()[0]
                .to_f64()
        };
        let want = eval(&sema::check_source("s = sum_i x[i]").unwrap(), &args).unwrap()[0].to_f64();
        let got = run("s = sum_i x[i]");
        let check = |what: &str, g: &ArrayD<f64>| match dtype {
            DType::F64 => close(what, &g.view(), &want.view(), scale),
            DType::F32 => close(
                what,
                &g.mapv(|v| v as f32).view(),
                &want.mapv(|v| v as f32).view(),
                scale,
            ),
        };
        check("all terms", &got).unwrap();
        // Term 0 (sin 0.5 = 0.48) dropped.
        let dropped = run("s = sum_{i=1}^{199} x[i]");
        assert!(check("term 0 dropped", &dropped).is_err(), "{dtype:?}");
        if dtype == DType::F64 {
            let mut ys = xs.clone();
            ys[smallest] = 0.0;
            let y = Tensor::F64(arr::<f64>(&[200], &ys));
            let d = jit::compile("s = sum_i y[i]", Options::new(dtype))
                .unwrap()
                .call(&Args::new().tensor("y", y))
                .unwrap()[0]
                .to_f64();
            assert!(
                check("the smallest term dropped", &d).is_err(),
                "|x| = {}",
                xs[smallest].abs()
            );
        }
    }
}

/// On a host with FMA, a sum of products accumulates with one rounding
/// per term: `-1 + (1 + 2^-30)(1 - 2^-30)` is `-2^-60` exactly, where a
/// separate multiply rounds the product to 1 and the sum to 0. (Elements
/// 0 and 8 land in the same vector lane of the same accumulator: 2 lanes
/// times 4 accumulators.)
#[test]
fn sums_of_products_use_fma_where_the_host_has_it() {
    let e = 2f64.powi(-30);
    let mut x = vec![0.0; 16];
    let mut y = vec![0.0; 16];
    (x[0], y[0]) = (1.0, -1.0);
    (x[8], y[8]) = (1.0 + e, 1.0 - e);
    let k = jit::compile("s = sum_i x[i] y[i]", Options::new(DType::F64)).unwrap();
    let (xv, yv) = (Array1::from(x).into_dyn(), Array1::from(y).into_dyn());
    let out = k
        .run_views(&[("x", xv.view()), ("y", yv.view())], &[])
        .unwrap();
    let s = out["s"].first().copied().unwrap();
    #[cfg(target_arch = "x86_64")]
    let fma = std::arch::is_x86_feature_detected!("fma");
    #[cfg(not(target_arch = "x86_64"))]
    let fma = true;
    assert_eq!(s, if fma { -(e * e) } else { 0.0 }, "fma: {fma}");
}
