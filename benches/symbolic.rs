//! The symbolic engine: latency of simplify + diff, and the size of
//! derivatives as formulas grow.
//!
//! Run: `cargo bench --bench symbolic`. Besides criterion's timings it prints
//! node counts: the derivative of a product of n factors (O(n^2) expected)
//! and the gradient of n nested tanh layers (linear in n expected), and the
//! interpreter's time for a forward pass beside its gradient, and for
//! higher derivatives (orders 1 to 6) the pool DAG's size, the size as a
//! tree and the size of the raised program `eval` runs (with sharing).
//! The textbook models (least squares, logistic and softmax regression, a
//! 2-layer MLP): the symbolic step (parse + `diff`) alone, and the JIT's
//! run time of the forward program beside the gradient program `ricci
//! diff` prints (it reuses the forward definitions; the ratio is printed).

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::{Array1, Array2};
use ricci::sym::pool::ExprId;
use ricci::{Args, SymProgram, Tensor};
use std::collections::HashMap;
use std::hint::black_box;

const LEAST_SQUARES: &str = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2";

/// `f = x[0]^1 x[1]^2 ...`: n distinct factors, written out.
fn product(n: usize) -> String {
    let factors: Vec<String> = (0..n).map(|k| format!("sin(a{k} x)")).collect();
    format!("f = {}", factors.join(" "))
}

/// n nested tanh layers over a vector, then a scalar loss.
fn layers(n: usize) -> String {
    let mut s = String::from("h1[i] = tanh(sum_j W1[i,j] x[j])\n");
    for k in 2..=n {
        s += &format!("h{k}[i] = tanh(sum_j W{k}[i,j] h{}[j])\n", k - 1);
    }
    s += &format!("L = sum_i h{n}[i]^2\n");
    s
}

/// Distinct nodes and their operands, over the derivative and every
/// derived definition it needs.
fn derivative_size(src: &str, wrt: &str) -> (usize, usize) {
    let mut p = match SymProgram::parse(src) {
        Ok(p) => p,
        Err(e) => panic!("{}", e.render("bench", src)),
    };
    let d = match p.diff(None, wrt) {
        Ok(d) => d,
        Err(e) => panic!("{}", e.render("bench", src)),
    };
    p.needed(&[d])
        .into_iter()
        .filter(|&x| p.defs[x.index()].derived)
        .map(|x| (p.size(x), p.edges(x)))
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
}

fn sizes() {
    println!("derivative of a product of n factors (distinct nodes, operands):");
    for n in [5, 10, 20, 30] {
        let (nodes, edges) = derivative_size(&product(n), "x");
        println!("  n = {n:2}: {nodes:5} nodes, {edges:5} operands");
    }
    println!("gradient of n nested tanh layers w.r.t. W1[a,b] (all derived definitions):");
    for n in [1, 2, 5, 10, 20] {
        let (nodes, edges) = derivative_size(&layers(n), "W1[a,b]");
        println!("  n = {n:2}: {nodes:5} nodes, {edges:5} operands");
    }
}

/// `diff(...diff(e, x)..., x)`, `k` times.
fn diff_n(e: &str, k: usize) -> String {
    (0..k).fold(e.to_string(), |acc, _| format!("diff({acc}, x)"))
}

/// The size of a pool expression written out as a tree (saturating).
fn tree_size(p: &SymProgram, e: ExprId, memo: &mut HashMap<ExprId, u64>) -> u64 {
    if let Some(&n) = memo.get(&e) {
        return n;
    }
    let n = p
        .pool
        .children(e)
        .into_iter()
        .fold(1u64, |acc, c| acc.saturating_add(tree_size(p, c, memo)));
    memo.insert(e, n);
    n
}

/// Per order of a higher derivative: distinct nodes of the derivative in
/// the pool (its DAG), its size as a tree, and the size of the program
/// `eval` runs (raised with sharing: hidden definitions for shared nodes),
/// with how many hidden definitions that has.
fn higher_derivatives() {
    let cases = [
        ("x^x^x^x^x^x^x^x^x^x", 6),
        ("prod_{i=1}^{30}(x+i)", 6),
        ("sum_i (x + a[i])^(x + a[i])^(x + a[i])^(x + a[i])", 5),
    ];
    for (e, orders) in cases {
        println!(
            "derivatives of {e} (pool DAG nodes, as a tree, raised with sharing, hidden defs):"
        );
        for k in 1..=orders {
            let src = format!("y = {}", diff_n(e, k));
            let p = SymProgram::parse(&src).expect("lowers");
            let root = p.defs[p.order[p.order.len() - 1].index()].body;
            let tree = tree_size(&p, root, &mut HashMap::new());
            let (raised, _) = p.raise();
            let mut nodes = 0;
            for d in &raised.defs {
                d.body.walk(&mut |_| nodes += 1);
            }
            let hidden = raised.defs.iter().filter(|d| d.is_hidden()).count();
            println!(
                "  order {k}: {:6} DAG nodes, {tree:9} tree nodes, {nodes:6} raised nodes, {hidden:4} hidden",
                p.pool.dag_size(root)
            );
        }
    }
}

fn latency(c: &mut Criterion) {
    sizes();
    higher_derivatives();
    let fifth = format!("y = {}", diff_n("x^x^x^x^x^x^x^x^x^x", 5));
    c.bench_function(
        "lower and raise the 5th derivative of a 10-high tower",
        |b| {
            b.iter(|| {
                let p = ricci::check(black_box(&fifth)).ok()?;
                ricci::sym::lower_and_raise(&p).ok()
            })
        },
    );
    c.bench_function("simplify+diff least squares", |b| {
        b.iter(|| {
            let mut p = SymProgram::parse(black_box(LEAST_SQUARES)).ok()?;
            p.diff(None, "w[k]").ok()
        })
    });
    let ten = layers(10);
    c.bench_function("gradient of 10 tanh layers", |b| {
        b.iter(|| {
            let mut p = SymProgram::parse(black_box(&ten)).ok()?;
            p.diff(None, "W1[a,b]").ok()
        })
    });
    let p30 = product(30);
    c.bench_function("derivative of a 30-factor product", |b| {
        b.iter(|| {
            let mut p = SymProgram::parse(black_box(&p30)).ok()?;
            p.diff(None, "x").ok()
        })
    });
}

/// The interpreter on 10 layers of width 16: the forward pass alone, and
/// the program `ricci diff` prints for the gradient (forward definitions,
/// adjoints, gradient).
fn forward_vs_gradient(c: &mut Criterion) {
    let n = 10;
    let width = 16;
    let src = layers(n);
    let mut p = SymProgram::parse(&src).expect("parses");
    let d = p.diff(None, "W1[a,b]").expect("differentiates");
    let grad_src = p.program_text(&[d]);
    let mut args = Args::new();
    for k in 1..=n {
        let w = Array2::from_shape_fn((width, width), |(i, j)| {
            ((i * 7 + j * 3 + k) % 11) as f64 / 11.0 - 0.5
        });
        args = args.tensor(&format!("W{k}"), Tensor::F64(w.into_dyn()));
    }
    let x = Array1::from_shape_fn(width, |i| (i as f64 / width as f64) - 0.5);
    args = args.tensor("x", Tensor::F64(x.into_dyn()));
    let forward = ricci::check(&src).expect("checks");
    let gradient = ricci::check(&grad_src).expect("checks");
    c.bench_function("interp forward, 10 tanh layers of 16", |b| {
        b.iter(|| ricci::eval(black_box(&forward), &args))
    });
    c.bench_function("interp gradient program, 10 tanh layers of 16", |b| {
        b.iter(|| ricci::eval(black_box(&gradient), &args))
    });
}

/// Input names and shapes.
type Shapes = &'static [(&'static str, &'static [usize])];

/// The textbook models: (name, forward program, target, input shapes).
const MODELS: &[(&str, &str, &str, Shapes)] = &[
    (
        "least squares",
        "r[i] = y[i] - sum_j X[i,j] w[j]; L = sum_i r[i]^2",
        "w[k]",
        &[("X", &[2000, 200]), ("y", &[2000]), ("w", &[200])],
    ),
    (
        "logistic regression",
        "s[i] = 1/(1 + exp(-sum_j X[i,j] w[j]))
         L = -sum_i (y[i] log(s[i]) + (1 - y[i]) log(1 - s[i]))",
        "w[k]",
        &[("X", &[2000, 200]), ("y", &[2000]), ("w", &[200])],
    ),
    (
        "softmax regression",
        "p[i,c] = exp(sum_j X[i,j] W[c,j]) / sum_d exp(sum_j X[i,j] W[d,j])
         L = -sum_{i,c} Y[i,c] log(p[i,c])",
        "W[a,b]",
        &[("X", &[2000, 200]), ("W", &[10, 200]), ("Y", &[2000, 10])],
    ),
    (
        "2-layer MLP",
        "h[n,i] = tanh(sum_j W1[i,j] X[n,j])
         o[n,c] = sum_i W2[c,i] h[n,i]
         L = sum_{n,c} (o[n,c] - Y[n,c])^2",
        "W1[a,b]",
        &[
            ("X", &[512, 128]),
            ("W1", &[64, 128]),
            ("W2", &[10, 64]),
            ("Y", &[512, 10]),
        ],
    ),
];

fn filled(shape: &[usize], seed: usize) -> Tensor {
    let n: usize = shape.iter().product();
    let v: Vec<f64> = (0..n)
        .map(|k| ((k * 7919 + seed * 104729) % 1000) as f64 / 1000.0 - 0.5)
        .collect();
    Tensor::F64(ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(shape), v).expect("shape"))
}

/// Median run times (µs) of two kernels on the same arguments, called
/// alternately (41 calls each, after a warm-up) so that a change in the
/// machine's load falls on both.
fn medians_us(a: &ricci::Kernel, b: &ricci::Kernel, args: &Args) -> (f64, f64) {
    let time = |k: &ricci::Kernel| {
        let t = std::time::Instant::now();
        black_box(k.call(args).expect("runs"));
        t.elapsed().as_secs_f64() * 1e6
    };
    for _ in 0..3 {
        time(a);
        time(b);
    }
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..41 {
        ta.push(time(a));
        tb.push(time(b));
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (median(ta), median(tb))
}

fn textbook_models(c: &mut Criterion) {
    let options = ricci::Options::new(ricci::DType::F64);
    for (name, src, wrt, shapes) in MODELS {
        c.bench_function(&format!("symbolic step: diff {name}"), |b| {
            b.iter(|| {
                let mut p = SymProgram::parse(black_box(src)).ok()?;
                p.diff(None, wrt).ok()
            })
        });
        let mut p = SymProgram::parse(src).expect("parses");
        let d = p.diff(None, wrt).expect("differentiates");
        let grad = p.program_text(&[d]);
        let mut args = Args::new();
        for (k, (input, shape)) in shapes.iter().enumerate() {
            args = args.tensor(input, filled(shape, k));
        }
        let forward = ricci::compile(src, options).expect("compiles");
        let gradient = ricci::compile(&grad, options).expect("compiles");
        let (f, g) = medians_us(&forward, &gradient, &args);
        println!(
            "{name}: forward {f:.0} us, gradient program {g:.0} us, ratio {:.2}\n{grad}",
            g / f
        );
    }
}

criterion_group!(benches, latency, forward_vs_gradient, textbook_models);
criterion_main!(benches);
