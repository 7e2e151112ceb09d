//! The symbolic engine: latency of simplify + diff, and the size of
//! derivatives as formulas grow.
//!
//! Run: `cargo bench --bench symbolic`. Besides criterion's timings it prints
//! node counts: the derivative of a product of n factors (O(n^2) expected)
//! and the gradient of n nested tanh layers (linear in n expected), and the
//! interpreter's time for a forward pass beside its gradient.

use criterion::{Criterion, criterion_group, criterion_main};
use ricci::SymProgram;
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

/// Distinct nodes of the derivative and of every derived definition.
fn derivative_size(src: &str, wrt: &str) -> usize {
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
        .map(|x| p.size(x))
        .sum()
}

fn sizes() {
    println!("derivative of a product of n factors (distinct nodes):");
    for n in [5, 10, 20, 30] {
        println!("  n = {n:2}: {}", derivative_size(&product(n), "x"));
    }
    println!(
        "gradient of n nested tanh layers w.r.t. W1[a,b] (distinct nodes, all derived definitions):"
    );
    for n in [1, 2, 5, 10, 20] {
        println!("  n = {n:2}: {}", derivative_size(&layers(n), "W1[a,b]"));
    }
}

fn latency(c: &mut Criterion) {
    sizes();
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

criterion_group!(benches, latency);
criterion_main!(benches);
