//! `ricci::einsum::run` against numpy: the fixtures in tests/fixtures/einsum/.
//!
//! In: cases.txt (subscripts, operands and numpy's result as .npy) and
//! errors.txt (subscripts and shapes that numpy rejects). Out: one assertion
//! that lists every failing case at once, and a snapshot of every error
//! message (rendered against the subscripts) for review.
//!
//! Always: results must have numpy's shape exactly and equal values (exactly,
//! or within 1e-12 relative).

use expect_test::expect;
use ndarray::Dimension;
use ricci::diagnostics::Errors;
use ricci::runtime::npy::read_npy;
use ricci::runtime::values::Tensor;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/einsum")
}

fn read(name: &str) -> Result<Tensor, String> {
    read_npy(&dir().join(name)).map_err(|e| e.to_string())
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()) || (a.is_nan() && b.is_nan())
}

/// `None` if the case passes, else what went wrong.
fn run_case(id: &str, subscripts: &str, n: usize) -> Option<String> {
    let mut ops = Vec::new();
    for k in 0..n {
        match read(&format!("{id}_in{k}.npy")) {
            Ok(t) => ops.push(t),
            Err(e) => return Some(format!("reading operand {k}: {e}")),
        }
    }
    let want = match read(&format!("{id}_out.npy")) {
        Ok(t) => t,
        Err(e) => return Some(format!("reading the expected result: {e}")),
    };
    let got = match ricci::einsum::run(subscripts, &ops) {
        Ok(t) => t,
        Err(e) => return Some(format!("error: {}", e.render("subscripts", subscripts))),
    };
    if got.dtype() != want.dtype() {
        return Some(format!(
            "dtype {} instead of {}",
            got.dtype().name(),
            want.dtype().name()
        ));
    }
    if got.shape() != want.shape() {
        return Some(format!(
            "shape {:?} instead of {:?}",
            got.shape(),
            want.shape()
        ));
    }
    let (g, w) = (got.to_f64(), want.to_f64());
    for ((idx, &a), &b) in g.indexed_iter().zip(w.iter()) {
        if !close(a, b) {
            return Some(format!("at {:?}: {a} instead of {b}", idx.slice()));
        }
    }
    None
}

#[test]
fn numpy_cases() {
    let cases = std::fs::read_to_string(dir().join("cases.txt")).expect("cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in cases.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "bad line in cases.txt: {line:?}");
        let n: usize = f[2].parse().expect("operand count");
        count += 1;
        if let Some(why) = run_case(f[0], f[1], n) {
            failures.push(format!("{} {:?}: {why}", f[0], f[1]));
        }
    }
    assert_eq!(count, 76, "cases.txt should have 76 cases");
    assert!(
        failures.is_empty(),
        "{} of {count} einsum cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn ones(shape: &[usize]) -> Tensor {
    Tensor::F64(ndarray::ArrayD::ones(ndarray::IxDyn(shape)))
}

fn parse_shapes(field: &str) -> Vec<Vec<usize>> {
    field
        .split(';')
        .map(|s| {
            s.split(',')
                .filter(|d| !d.is_empty())
                .map(|d| d.parse().expect("dim"))
                .collect()
        })
        .collect()
}

fn show_errors(subscripts: &str, e: &Errors) -> String {
    e.render("subscripts", subscripts)
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn numpy_errors() {
    let errors = std::fs::read_to_string(dir().join("errors.txt")).expect("errors.txt");
    let mut shown = String::new();
    let mut accepted = Vec::new();
    for line in errors.lines().filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "bad line in errors.txt: {line:?}");
        let (subscripts, shapes) = (f[0], parse_shapes(f[1]));
        let ops: Vec<Tensor> = shapes.iter().map(|s| ones(s)).collect();
        shown.push_str(&format!("=== {subscripts:?} {shapes:?}\n"));
        match ricci::einsum::run(subscripts, &ops) {
            Ok(t) => {
                accepted.push(format!(
                    "{subscripts:?} {shapes:?} gave shape {:?}",
                    t.shape()
                ));
                shown.push_str("ACCEPTED\n");
            }
            Err(e) => {
                assert!(
                    e.iter().all(|d| !d.message.trim().is_empty()),
                    "empty message for {subscripts:?}"
                );
                assert!(
                    e.iter().all(|d| d.span.is_some()),
                    "an error about {subscripts:?} does not point into the subscripts: {e}"
                );
                shown.push_str(&show_errors(subscripts, &e));
                shown.push('\n');
            }
        }
    }
    assert!(
        accepted.is_empty(),
        "numpy rejects these but einsum accepted them:\n{}",
        accepted.join("\n")
    );
    expect![[r#"
        === "ij->k" [[2, 3]]
        error: output label `k` appears in no input
          ┌─ subscripts:1:5
          │
        1 │ ij->k
          │     ^ not an input label
          │
          = help: every output label must label an axis of some operand; the inputs `ij` use `i`, `j`

        === "ij->I" [[2, 3]]
        error: output label `I` appears in no input
          ┌─ subscripts:1:5
          │
        1 │ ij->I
          │     ^ not an input label
          │
          = help: every output label must label an axis of some operand; the inputs `ij` use `i`, `j`
          = help: labels are case-sensitive: did you mean `i`?

        === "ij->ii" [[2, 3]]
        error: label `i` appears twice in the output
          ┌─ subscripts:1:6
          │
        1 │ ij->ii
          │     -^ second time
          │     │
          │     first time
          │
          = help: each output label names one axis of the result; to take a diagonal, repeat the label in an input instead (`ii->i`)

        === "ij,jk->ik" [[2, 3], [4, 2]]
        error: label `j` has size 3 in operand 0 (shape (2, 3)) at axis 1 but size 4 in operand 1 (shape (4, 2)) at axis 0
          ┌─ subscripts:1:4
          │
        1 │ ij,jk->ik
          │  - ^ size 4
          │  │
          │  size 3
          │
          = help: one label must have one size in every operand (size 1 broadcasts); check the order of the operands and their shapes

        === "ij,jk->ik" [[2, 3]]
        error: the subscripts have 2 operand terms (`ij`, `jk`) but 1 operand was given
          ┌─ subscripts:1:1
          │
        1 │ ij,jk->ik
          │ ^^^^^ 2 terms
          │
          = help: give one operand per comma-separated term before `->` (a 0-d operand takes an empty term, as in `,ij->ij`)

        === "ij->ij" [[2, 3], [3, 3]]
        error: the subscripts have 1 operand term (`ij`) but 2 operands were given
          ┌─ subscripts:1:1
          │
        1 │ ij->ij
          │ ^^ 1 term
          │
          = help: give one operand per comma-separated term before `->` (a 0-d operand takes an empty term, as in `,ij->ij`)

        === "ij,->ij" [[2, 3]]
        error: the subscripts have 2 operand terms (`ij`, (empty)) but 1 operand was given
          ┌─ subscripts:1:1
          │
        1 │ ij,->ij
          │ ^^^ 2 terms
          │
          = help: give one operand per comma-separated term before `->` (a 0-d operand takes an empty term, as in `,ij->ij`)

        === "ijk->ij" [[2, 3]]
        error: operand 0 has 2 axes (shape (2, 3)) but its subscripts `ijk` have 3 labels
          ┌─ subscripts:1:1
          │
        1 │ ijk->ij
          │ ^^^ 3 labels for 2 axes
          │
          = help: write exactly one label per axis of operand 0

        === "ij->i" [[]]
        error: operand 0 is 0-d (shape ()) but its subscripts `ij` have 2 labels
          ┌─ subscripts:1:1
          │
        1 │ ij->i
          │ ^^ 2 labels for 0 axes
          │
          = help: a 0-d operand takes an empty term (as in `,ij->ij`)

        === "ij,jk->ik" [[2, 3, 1], [3, 4]]
        error: operand 0 has 3 axes (shape (2, 3, 1)) but its subscripts `ij` have 2 labels
          ┌─ subscripts:1:1
          │
        1 │ ij,jk->ik
          │ ^^ 2 labels for 3 axes
          │
          = help: write one label per axis of operand 0, or add `...` to stand for the axes you do not label

        === "i1->i" [[2, 3]]
        error: invalid character `1` in the subscripts
          ┌─ subscripts:1:2
          │
        1 │ i1->i
          │  ^ not a label
          │
          = help: labels are single ASCII letters (a-z, A-Z); besides them only `,`, `->`, `...` and spaces may appear

        === "ij->i," [[2, 3]]
        error: `,` in the output subscripts
          ┌─ subscripts:1:6
          │
        1 │ ij->i,
          │      ^ the output is a single term
          │
          = help: separate operands' terms with `,` before `->`; after `->` write the output's labels only (e.g. `ij,jk->ik`)

        === "ä" [[2]]
        error: invalid character `ä` in the subscripts
          ┌─ subscripts:1:1
          │
        1 │ ä
          │ ^ not a label
          │
          = help: labels are single ASCII letters (a-z, A-Z); besides them only `,`, `->`, `...` and spaces may appear

        === "i..j->ij" [[2, 3]]
        error: `..` is not an ellipsis
          ┌─ subscripts:1:2
          │
        1 │ i..j->ij
          │  ^^ expected `...`
          │
          = help: an ellipsis is exactly three dots `...` with no spaces between them; it stands for the axes the labels do not name

        === ". ..->..." [[2, 3]]
        error: an ellipsis must not contain spaces
          ┌─ subscripts:1:1
          │
        1 │ . ..->...
          │ ^^^^ expected `...`
          │
          = help: an ellipsis is exactly three dots `...` with no spaces between them; it stands for the axes the labels do not name

        === "...i...->i" [[2, 3]]
        error: operand 0's subscripts `...i...` have more than one `...`
          ┌─ subscripts:1:5
          │
        1 │ ...i...->i
          │ --- ^^^ second `...`
          │ │
          │ first `...`
          │
          = help: a term has at most one `...`; it stands for all the axes that its labels do not name

        === "ij->i->j" [[2, 3]]
        error: `->` appears more than once
          ┌─ subscripts:1:6
          │
        1 │ ij->i->j
          │   -- ^^ second `->`
          │   │
          │   first `->`
          │
          = help: write `->` (a dash and `>`, nothing between them) once, between the inputs and the output

        === "ij-" [[2, 3]]
        error: `-` is not followed by `>`
          ┌─ subscripts:1:3
          │
        1 │ ij-
          │   ^ expected `->`
          │
          = help: write `->` (a dash and `>`, nothing between them) once, between the inputs and the output

        === "ij - > ji" [[2, 3]]
        error: `->` must not contain spaces
          ┌─ subscripts:1:4
          │
        1 │ ij - > ji
          │    ^^^ write `->` here
          │
          = help: write `->` (a dash and `>`, nothing between them) once, between the inputs and the output

        === "...ij,...jk->...ik" [[2, 3, 4], [5, 4, 2]]
        error: the axes under `...` do not broadcast: size 2 in operand 0 (shape (2, 3, 4)) at axis 0 but size 5 in operand 1 (shape (5, 4, 2)) at axis 0
          ┌─ subscripts:1:7
          │
        1 │ ...ij,...jk->...ik
          │ ---   ^^^ size 5 here
          │ │
          │ size 2 here
          │
          = help: the axes under `...` line up from the right, as in numpy broadcasting; sizes that line up must be equal or 1

        === "...ij->ij" [[4, 2, 3]]
        error: the output has no `...`, but `...` in the inputs stands for 1 axis of shape (4,)
          ┌─ subscripts:1:8
          │
        1 │ ...ij->ij
          │ ---    ^^ add `...` here
          │ │
          │ `...` here
          │
          = help: write `...` in the output to keep those axes (numpy's einsum does not sum over `...`); to sum over them, label them in the inputs instead

        === "i...j->ij" [[2, 4, 3]]
        error: the output has no `...`, but `...` in the inputs stands for 1 axis of shape (4,)
          ┌─ subscripts:1:8
          │
        1 │ i...j->ij
          │  ---   ^^ add `...` here
          │  │
          │  `...` here
          │
          = help: write `...` in the output to keep those axes (numpy's einsum does not sum over `...`); to sum over them, label them in the inputs instead

        === "...ij->" [[4, 2, 3]]
        error: the output has no `...`, but `...` in the inputs stands for 1 axis of shape (4,)
          ┌─ subscripts:1:6
          │
        1 │ ...ij->
          │ ---  ^^ add `...` here
          │ │
          │ `...` here
          │
          = help: write `...` in the output to keep those axes (numpy's einsum does not sum over `...`); to sum over them, label them in the inputs instead

        === "ii" [[2, 3]]
        error: label `i` repeats in operand 0 (shape (2, 3)) but its axes differ in size: axis 0 has 2, axis 1 has 3
          ┌─ subscripts:1:2
          │
        1 │ ii
          │ -^ size 3
          │ │
          │ size 2
          │
          = help: a label repeated in one operand takes its diagonal, which needs equal sizes (size 1 broadcasts only across operands); use different labels or check the operand's shape

        === "ii->i" [[3, 1]]
        error: label `i` repeats in operand 0 (shape (3, 1)) but its axes differ in size: axis 0 has 3, axis 1 has 1
          ┌─ subscripts:1:2
          │
        1 │ ii->i
          │ -^ size 1
          │ │
          │ size 3
          │
          = help: a label repeated in one operand takes its diagonal, which needs equal sizes (size 1 broadcasts only across operands); use different labels or check the operand's shape

        === "iji->j" [[3, 2, 1]]
        error: label `i` repeats in operand 0 (shape (3, 2, 1)) but its axes differ in size: axis 0 has 3, axis 2 has 1
          ┌─ subscripts:1:3
          │
        1 │ iji->j
          │ - ^ size 1
          │ │
          │ size 3
          │
          = help: a label repeated in one operand takes its diagonal, which needs equal sizes (size 1 broadcasts only across operands); use different labels or check the operand's shape

    "#]].assert_eq(&shown);
}

#[test]
fn mixed_dtypes_promote_to_f64() {
    // As numpy: f64 with f32 gives f64 (issue 12; was an error).
    let a = ones(&[2, 3]);
    let b = Tensor::F32(ndarray::ArrayD::ones(ndarray::IxDyn(&[3])));
    let t = ricci::einsum::run("ij,j->i", &[a, b]).expect("mixed dtypes promote");
    assert_eq!(t.dtype(), ricci::runtime::values::DType::F64);
    assert_eq!(
        t.to_f64().iter().copied().collect::<Vec<_>>(),
        vec![3.0, 3.0]
    );
}

#[test]
fn f32_stays_f32() {
    let a = Tensor::F32(ndarray::ArrayD::ones(ndarray::IxDyn(&[2, 3])));
    let s = Tensor::F32(ndarray::ArrayD::from_elem(ndarray::IxDyn(&[]), 0.5));
    match ricci::einsum::run(",ij->i", &[s, a]) {
        Ok(t) => {
            assert_eq!(t.dtype(), ricci::runtime::values::DType::F32);
            assert_eq!(
                t.to_f64().iter().copied().collect::<Vec<_>>(),
                vec![1.5, 1.5]
            );
        }
        Err(e) => panic!("{e}"),
    }
}

/// A tiny deterministic generator (xorshift64), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// numpy's einsum without `...`, by brute force over every label value:
/// size-1 axes broadcast, repeated labels take diagonals.
fn reference(
    terms: &[Vec<u8>],
    out: &[u8],
    ops: &[ndarray::ArrayD<f64>],
    extent: &std::collections::BTreeMap<u8, usize>,
) -> ndarray::ArrayD<f64> {
    let labels: Vec<u8> = extent.keys().copied().collect();
    let out_shape: Vec<usize> = out.iter().map(|c| extent[c]).collect();
    let mut result = ndarray::ArrayD::<f64>::zeros(ndarray::IxDyn(&out_shape));
    let total: usize = labels.iter().map(|c| extent[c]).product();
    for flat in 0..total {
        let mut value = std::collections::BTreeMap::new();
        let mut rest = flat;
        for c in &labels {
            value.insert(*c, rest % extent[c]);
            rest /= extent[c];
        }
        let mut prod = 1.0;
        for (t, a) in terms.iter().zip(ops) {
            let idx: Vec<usize> = t
                .iter()
                .zip(a.shape())
                .map(|(c, &n)| if n == 1 { 0 } else { value[c] })
                .collect();
            prod *= a[ndarray::IxDyn(&idx)];
        }
        let oidx: Vec<usize> = out.iter().map(|c| value[c]).collect();
        result[ndarray::IxDyn(&oidx)] += prod;
    }
    result
}

#[test]
fn random_subscripts_match_brute_force() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let alphabet = b"abcA";
    let mut failures = Vec::new();
    for _ in 0..400 {
        let extent: std::collections::BTreeMap<u8, usize> =
            alphabet.iter().map(|&c| (c, rng.below(4))).collect();
        let n_ops = 1 + rng.below(3);
        let mut terms = Vec::new();
        let mut ops = Vec::new();
        for _ in 0..n_ops {
            let term: Vec<u8> = (0..rng.below(4))
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            // One size per label within an operand: the extent, or 1.
            let mut size = std::collections::BTreeMap::new();
            for &c in &term {
                let s = if rng.below(4) == 0 { 1 } else { extent[&c] };
                size.entry(c).or_insert(s);
            }
            let shape: Vec<usize> = term.iter().map(|c| size[c]).collect();
            let n: usize = shape.iter().product();
            let data: Vec<f64> = (0..n).map(|_| rng.below(7) as f64 - 3.0).collect();
            match ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(&shape), data) {
                Ok(a) => ops.push(a),
                Err(e) => panic!("test bug: {e}"),
            }
            terms.push(term);
        }
        // The extents actually present (a label whose every axis has size 1
        // has extent 1).
        let mut used = std::collections::BTreeMap::new();
        for (t, a) in terms.iter().zip(&ops) {
            for (&c, &n) in t.iter().zip(a.shape()) {
                let e = used.entry(c).or_insert(n);
                if *e == 1 {
                    *e = n;
                }
            }
        }
        let mut candidates: Vec<u8> = used.keys().copied().collect();
        let explicit = rng.below(2) == 0;
        let out: Vec<u8> = if explicit {
            let mut o = Vec::new();
            while !candidates.is_empty() && rng.below(3) != 0 {
                o.push(candidates.remove(rng.below(candidates.len())));
            }
            o
        } else {
            let all: Vec<u8> = terms.concat();
            candidates
                .into_iter()
                .filter(|c| all.iter().filter(|d| *d == c).count() == 1)
                .collect()
        };
        let text = |t: &[u8]| String::from_utf8_lossy(t).into_owned();
        let mut subscripts = terms.iter().map(|t| text(t)).collect::<Vec<_>>().join(",");
        if explicit {
            subscripts.push_str("->");
            subscripts.push_str(&text(&out));
        }
        let want = reference(&terms, &out, &ops, &used);
        let tensors: Vec<Tensor> = ops.iter().cloned().map(Tensor::F64).collect();
        let shapes: Vec<Vec<usize>> = ops.iter().map(|a| a.shape().to_vec()).collect();
        match ricci::einsum::run(&subscripts, &tensors) {
            Ok(got) if got.to_f64() == want => {}
            Ok(got) => failures.push(format!(
                "{subscripts:?} {shapes:?}: got {:?}, want {:?}",
                got.to_f64(),
                want
            )),
            Err(e) => failures.push(format!("{subscripts:?} {shapes:?}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} random cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
