//! Regressions: higher derivatives evaluated with sharing (B1), the
//! simplifier and the evaluators agreeing on powers of negative numbers
//! (W3 c), exact division by zero as an error (W3 d).
//!
//! Expected values come from independent computations in this file:
//! truncated Taylor series for `x^x^...^x` and polynomial coefficients for
//! `prod_i (x + i)`.

use ricci::{Args, Options, SymProgram, Tensor};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

// ------------------------------------------------------------ helpers

/// `diff(...diff(e, var)..., var)`, `k` times.
fn diff_n(e: &str, var: &str, k: usize) -> String {
    (0..k).fold(e.to_string(), |acc, _| format!("diff({acc}, {var})"))
}

/// `b^b^...^b` with `h` copies of `b`.
fn tower(b: &str, h: usize) -> String {
    vec![b; h].join("^")
}

/// Every node of every definition of a checked program.
fn program_size(p: &ricci::Program) -> usize {
    let mut n = 0;
    for d in &p.defs {
        d.body.walk(&mut |_| n += 1);
    }
    n
}

fn raised_size(src: &str) -> usize {
    let sp = SymProgram::parse(src).unwrap_or_else(|e| panic!("{}", e.render("t", src)));
    program_size(&sp.raise().0)
}

/// The last value of `src`, by the interpreter and by the JIT.
fn both(src: &str, args: &Args) -> [Vec<f64>; 2] {
    let p = ricci::check(src).unwrap_or_else(|e| panic!("{}", e.render("t", src)));
    let last = |v: Vec<Tensor>| -> Vec<f64> {
        v.last()
            .expect("a value")
            .to_f64()
            .iter()
            .copied()
            .collect()
    };
    let interp = ricci::eval(&p, args).unwrap_or_else(|e| panic!("{}", e.render("t", src)));
    let k = ricci::compile(src, Options::default())
        .unwrap_or_else(|e| panic!("{}", e.render("t", src)));
    let jit = k
        .call(args)
        .unwrap_or_else(|e| panic!("{}", e.render("t", src)));
    [last(interp), last(jit)]
}

fn close(got: f64, want: f64, rel: f64) -> bool {
    (got - want).abs() <= rel * want.abs().max(1e-300)
}

// ------------------------------------------- independent oracles

const TERMS: usize = 8;
type Series = [f64; TERMS];

fn mul(a: &Series, b: &Series) -> Series {
    let mut c = [0.0; TERMS];
    for k in 0..TERMS {
        c[k] = (0..=k).map(|j| a[j] * b[k - j]).sum();
    }
    c
}

fn exp(a: &Series) -> Series {
    let mut e = [0.0; TERMS];
    e[0] = a[0].exp();
    for k in 1..TERMS {
        e[k] = (1..=k).map(|j| j as f64 * a[j] * e[k - j]).sum::<f64>() / k as f64;
    }
    e
}

/// The `k`-th derivative of `x^x^...^x` (`h` copies) at `x0`, from its
/// Taylor series: `f_1 = x`, `f_m = exp(f_(m-1) log x)`.
fn tower_derivative(h: usize, x0: f64, k: usize) -> f64 {
    let mut x = [0.0; TERMS];
    x[0] = x0;
    x[1] = 1.0;
    let mut log = [0.0; TERMS];
    log[0] = x0.ln();
    for (n, c) in log.iter_mut().enumerate().skip(1) {
        let sign = if n % 2 == 1 { 1.0 } else { -1.0 };
        *c = sign / (n as f64 * x0.powi(n as i32));
    }
    let mut f = x;
    for _ in 1..h {
        f = exp(&mul(&f, &log));
    }
    f[k] * (1..=k).map(|j| j as f64).product::<f64>()
}

/// The `k`-th derivative of `prod_{i=1}^{n} (x + i)` at `x0`, from its
/// coefficients.
fn prod_derivative(n: usize, x0: f64, k: usize) -> f64 {
    let mut c = vec![1.0];
    for i in 1..=n {
        let mut next = vec![0.0; c.len() + 1];
        for (m, &v) in c.iter().enumerate() {
            next[m] += v * i as f64;
            next[m + 1] += v;
        }
        c = next;
    }
    c.iter()
        .enumerate()
        .filter(|&(m, _)| m >= k)
        .map(|(m, &v)| {
            let falling: f64 = ((m - k + 1)..=m).map(|j| j as f64).product();
            v * falling * x0.powi((m - k) as i32)
        })
        .sum()
}

#[test]
fn oracles_agree_with_hand_values() {
    // d/dx x^x = x^x (log x + 1); at 1: 1.
    assert!(close(tower_derivative(2, 1.0, 1), 1.0, 1e-14));
    // d2/dx2 x^x at 1: x^x ((log x + 1)^2 + 1/x) = 2.
    assert!(close(tower_derivative(2, 1.0, 2), 2.0, 1e-14));
    // (x+1)(x+2) = x^2 + 3x + 2: at 0.5, 3.75, 4, 2.
    assert!(close(prod_derivative(2, 0.5, 0), 3.75, 1e-15));
    assert!(close(prod_derivative(2, 0.5, 1), 4.0, 1e-15));
    assert!(close(prod_derivative(2, 0.5, 2), 2.0, 1e-15));
}

// ------------------------------------------------- B1: sharing

/// The 5th derivative of a 10-high tower raised to a tree had 828,594
/// nodes (the JIT took 10 s and 1.2 GB); with its shared nodes computed
/// once it is about as large as its DAG.
#[test]
fn tower_fifth_derivative_is_raised_with_sharing() {
    let src = format!("y = {}", diff_n(&tower("x", 10), "x", 5));
    let n = raised_size(&src);
    assert!(n < 20_000, "raised program of {n} nodes");
    let want = tower_derivative(10, 1.1, 5);
    for got in both(&src, &Args::new().param("x", 1.1)) {
        assert!(close(got[0], want, 1e-10), "{} vs {want}", got[0]);
    }
}

/// Every order stays small and right (orders 1 to 4 of the 10-high tower).
#[test]
fn tower_derivatives_by_order() {
    let mut sizes = Vec::new();
    for k in 1..=4 {
        let src = format!("y = {}", diff_n(&tower("x", 10), "x", k));
        sizes.push(raised_size(&src));
        let want = tower_derivative(10, 1.1, k);
        for got in both(&src, &Args::new().param("x", 1.1)) {
            assert!(
                close(got[0], want, 1e-10),
                "order {k}: {} vs {want}",
                got[0]
            );
        }
    }
    // Before: 232, 2524, 20711, 140827 (a factor of about 7 per order).
    for w in sizes.windows(2) {
        assert!(w[1] < 4 * w[0], "sizes {sizes:?}");
    }
}

/// A tower over a tensor element, its derivative with respect to a
/// parameter: shared nodes with the definition's axis become hidden
/// tensors, and inside a sum over an inferred extent, hidden tensors over
/// the sum's index.
#[test]
fn shared_nodes_with_indices() {
    let x = [0.3, 0.9, 1.4];
    let args = Args::new()
        .param("a", 0.2)
        .tensor("x", Tensor::F64(ndarray::arr1(&x).into_dyn()));
    let base = "(a + x[i])";
    let y = format!("y[i] = {}", diff_n(&tower(base, 8), "a", 4));
    let s = format!("s = sum_i {}", diff_n(&tower(base, 8), "a", 4));
    for src in [&y, &s] {
        let n = raised_size(src);
        assert!(n < 20_000, "raised program of {n} nodes:\n{src}");
    }
    let want: Vec<f64> = x.iter().map(|&v| tower_derivative(8, 0.2 + v, 4)).collect();
    for got in both(&y, &args) {
        for (g, w) in got.iter().zip(&want) {
            assert!(close(*g, *w, 1e-10), "{g} vs {w}");
        }
    }
    let total: f64 = want.iter().sum();
    for got in both(&s, &args) {
        assert!(close(got[0], total, 1e-10), "{} vs {total}", got[0]);
    }
}

/// `d prod_i f(i)` writes f once per factor (`f (1 - delta) + delta`), so
/// the k-th derivative's factor grows linearly in k, not as 2^k.
#[test]
fn product_derivatives_grow_slowly() {
    let p = "prod_{i=1}^{30}(x+i)";
    let sizes: Vec<usize> = (1..=5)
        .map(|k| raised_size(&format!("y = {}", diff_n(p, "x", k))))
        .collect();
    // Before: 15, 76, 409, 2704, 21338.
    assert!(sizes[4] < 8_000, "sizes {sizes:?}");
    for k in 1..=4 {
        let src = format!("y = {}", diff_n("prod_{i=1}^{6}(x+i)", "x", k));
        let want = prod_derivative(6, 0.5, k);
        for got in both(&src, &Args::new().param("x", 0.5)) {
            assert!(
                close(got[0], want, 1e-12),
                "order {k}: {} vs {want}",
                got[0]
            );
        }
    }
}

// ------------------------------------------------------ the CLI

/// Runs the binary, killing it after `secs` seconds (then `None`).
fn ricci_within(args: &[&str], secs: u64) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ricci"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ricci binary runs");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn ricci(args: &[&str]) -> Output {
    ricci_within(args, 120).expect("finishes within two minutes")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A program whose evaluated form stays enormous even with sharing (a
/// tower under written bounds, where nothing can be hidden) is refused
/// with a clear error, quickly, instead of exhausting memory.
#[test]
fn enormous_raised_program_is_an_error() {
    let src = format!(
        "y = {}",
        diff_n(
            &format!("sum_{{i=1}}^{{2}} {}", tower("(x + i)", 10)),
            "x",
            6
        )
    );
    for extra in [&[][..], &["--interp"][..]] {
        let mut args = vec!["eval", src.as_str(), "--set", "x=1.1"];
        args.extend_from_slice(extra);
        let o = ricci_within(&args, 100).expect("refused within 100 s");
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("error: the program is too large to evaluate"),
            "{err}"
        );
        assert!(!err.contains("_s"), "{err}");
    }
}

/// W3 (c): the simplifier leaves a negative base's fractional power alone,
/// so it means what the evaluators compute (NaN), and printed programs
/// evaluate as the original.
#[test]
fn negative_base_fractional_power_is_not_folded() {
    for (src, printed) in [
        ("y = (-8)^(1/3)", "y = (-8)^(1/3)\n"),
        ("y = (-8)^(2/3)", "y = (-8)^(2/3)\n"),
        ("y = (-1/8)^(-1/3)", "y = (-0.125)^(-1/3)\n"),
    ] {
        let sp = SymProgram::parse(src).expect("parses");
        assert_eq!(sp.text(), printed);
        for got in both(&sp.text(), &Args::new()) {
            assert!(got[0].is_nan(), "{src}: {}", got[0]);
        }
        for got in both(src, &Args::new()) {
            assert!(got[0].is_nan(), "{src}: {}", got[0]);
        }
    }
    // Folding that keeps the value stays: roots of positive numbers,
    // integer powers of negative ones.
    for (src, printed) in [
        ("y = 8^(1/3)", "y = 2\n"),
        ("y = (-2)^3", "y = -8\n"),
        ("y = (-2)^-2", "y = 0.25\n"),
        ("y = ((-2)^2)^(1/2)", "y = 2\n"),
    ] {
        let sp = SymProgram::parse(src).expect("parses");
        assert_eq!(sp.text(), printed, "{src}");
    }
}

/// The simplified program of a power class case evaluates as the original
/// wherever the original is finite (LANGUAGE.md section 4).
#[test]
fn power_rewrites_keep_finite_values() {
    for (src, xs) in [
        ("y = (x^2)^(1/2)", [-3.0, -0.5, 2.0]),
        ("y = x^(1/2) x^(1/2)", [-3.0, 0.25, 2.0]),
        ("y = (x^3)^(1/3)", [-8.0, 0.5, 27.0]),
        ("y = (x^(1/3))^3", [-8.0, 0.5, 27.0]),
        ("y = (-x)^(1/2) (-x)^(1/2)", [-4.0, 1.0, 0.0]),
        // LANGUAGE.md section 4: `log(x^2)` is `2 log(abs(x))`.
        ("y = log(x^2)", [-3.0, 0.5, 2.0]),
        ("y = log((x^2)^3)", [-3.0, 0.5, 2.0]),
        ("y = log(x^-2) + log(x^4)", [-3.0, 0.5, 2.0]),
    ] {
        let sp = SymProgram::parse(src).expect("parses");
        let simplified = sp.text();
        for x in xs {
            let args = Args::new().param("x", x);
            let [orig, _] = both(src, &args);
            if !orig[0].is_finite() {
                continue;
            }
            for got in both(&simplified, &args) {
                assert!(
                    close(got[0], orig[0], 1e-12),
                    "{src} -> {simplified} at x = {x}: {} vs {}",
                    got[0],
                    orig[0]
                );
            }
        }
    }
}

/// W3 (d): exact division by zero in constants is an error at its span in
/// `eval` (JIT and interpreter), `simplify` and `diff`.
#[test]
fn exact_division_by_zero_is_an_error() {
    // The span: its first column and width.
    for (src, at, width) in [
        ("0/0", 2, 1),
        ("(1/0)*0", 3, 1),
        ("y = 1/0", 6, 1),
        ("y = 0^-1", 4, 4),
        ("y = 0^(-1/2)", 4, 8),
        ("y = x + 2/(3 - 3)", 10, 7),
    ] {
        let caret = format!(" {}{}", " ".repeat(at), "^".repeat(width));
        for cmd in [
            &["eval", src, "--set", "x=1"][..],
            &["eval", "--interp", src, "--set", "x=1"][..],
            &["simplify", src][..],
            &["diff", src, "--wrt", "x"][..],
        ] {
            let o = ricci(cmd);
            let err = text(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{cmd:?}: {err}");
            assert!(err.contains("error: "), "{cmd:?}: {err}");
            assert!(err.contains("by zero"), "{cmd:?}: {err}");
            // The caret line: `  │ ` then only carets under the span.
            let carets = err
                .lines()
                .filter_map(|l| l.split('│').nth(1))
                .find(|l| l.contains('^') && l.chars().all(|c| c == ' ' || c == '^'))
                .unwrap_or_else(|| panic!("no caret: {err}"));
            assert_eq!(carets.trim_end(), caret.as_str(), "{cmd:?}:\n{err}");
            assert!(text(&o.stdout).is_empty(), "{cmd:?}");
        }
    }
}

/// A divisor that simplifies to exactly 0 is an error for the commands
/// that simplify; a zero computed at run time divides as IEEE does.
#[test]
fn divisor_that_simplifies_to_zero() {
    for cmd in [
        &["simplify", "y = 1/(x - x)"][..],
        &["diff", "y = a/(x - x)", "--wrt", "a"][..],
        &[
            "eval",
            "y = diff(a/(x - x), a)",
            "--set",
            "x=1",
            "--set",
            "a=2",
        ][..],
    ] {
        let o = ricci(cmd);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{cmd:?}: {err}");
        assert!(err.contains("by zero"), "{cmd:?}: {err}");
    }
    // `eval` runs the simplified program, whose divisor is exactly 0: the
    // same error; as written, the run-time 0 divides as IEEE does.
    let o = ricci(&["eval", "y = 1/(x - x)", "--set", "x=1"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(text(&o.stderr).contains("by zero"));
    let o = ricci(&["eval", "y = 1/(x - x)", "--set", "x=1", "--as-written"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "y = inf\n");
}

/// A hidden definition never reaches a message: an extent conflict in a
/// statement whose shared part became `_s0[i]` names the user's tensors.
#[test]
fn hidden_definitions_stay_hidden_in_errors() {
    let src = "y[i] = z[i] + diff(exp(a + x[i]) + exp(a + x[i])^2, a)";
    let sp = SymProgram::parse(src).expect("lowers");
    let (raised, _) = sp.raise();
    assert!(
        raised.defs.iter().any(|d| d.is_hidden()),
        "the shared exp(a + x[i]) is a hidden definition"
    );
    let args = Args::new()
        .param("a", 1.0)
        .tensor("x", Tensor::F64(ndarray::arr1(&[1.0, 2.0, 3.0]).into_dyn()))
        .tensor(
            "z",
            Tensor::F64(ndarray::arr1(&[1.0, 2.0, 3.0, 4.0]).into_dyn()),
        );
    let p = ricci::check(src).expect("checks");
    let interp = ricci::eval(&p, &args).expect_err("extents disagree");
    let jit = ricci::compile(src, Options::default())
        .expect("compiles")
        .call(&args)
        .expect_err("extents disagree");
    for e in [interp, jit] {
        let text = e.render("t", src);
        assert!(text.contains("`x` has length 3"), "{text}");
        assert!(!text.contains("_s"), "{text}");
    }
}
