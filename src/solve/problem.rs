//! A system of equations in unknown tensors and scalars, built as ricci
//! text that the normal pipeline checks, simplifies and differentiates.
//!
//! In: for `solve`, program text ending in `LHS = RHS` and one unknown; for
//! `minimize`, a program, its scalar loss and the unknowns. Out: a
//! [`Problem`]: the built program (the user's statements, then one
//! residual definition per block of equations and one Jacobian definition
//! per pair of residual and unknown, made by `diff`), the unknowns' shapes,
//! whether the Jacobian reads an unknown (nonlinear), whether every number
//! is a literal (exact), and evaluation of residual and Jacobian at a
//! point: exactly ([`super::exact`]) or by a JIT-compiled kernel.
//!
//! Always: the user's statements come first and verbatim, so errors in
//! them point at the user's text; an unknown's shape comes from the other
//! tensors its subscripts index (the program bound with the unknown read
//! as 0).

use super::{Failure, exact};
use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::runtime::args::Args;
use crate::sema::{self, DefId, Expr, ExprKind, InputId, Program, TensorRef};
use crate::syntax::ast;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use std::collections::BTreeSet;
use std::sync::Arc;

/// An unknown: a scalar parameter or an input tensor of the program.
#[derive(Clone, Debug, PartialEq)]
pub struct Unknown {
    pub name: String,
    pub scalar: bool,
    /// Empty for a scalar.
    pub shape: Vec<usize>,
}

impl Unknown {
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A system `R(x) = 0` with its Jacobian, ready to evaluate.
pub struct Problem {
    /// The built program text (user statements, residuals, Jacobians).
    pub text: String,
    pub program: Program,
    raised: Program,
    new_id: Vec<Option<DefId>>,
    pub unknowns: Vec<Unknown>,
    /// Per block of equations: the residual definition (in `program`).
    pub residuals: Vec<DefId>,
    /// `jac[r][k]`: d residual r / d unknown k.
    pub jac: Vec<Vec<DefId>>,
    /// Whether some Jacobian block reads an unknown.
    pub nonlinear: bool,
    /// Whether every number is a literal: no data, no parameters.
    pub exact: bool,
    /// Equations per block.
    pub residual_lens: Vec<usize>,
    kernel: std::sync::OnceLock<Arc<crate::Kernel>>,
}

/// Every identifier-like word of `src` (names that built names avoid).
fn words(src: &str) -> BTreeSet<String> {
    src.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// `base`, or `base2`, `base3`, ...: the first not in `taken` (added).
pub(super) fn fresh(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut name = base.to_string();
    let mut k = 2;
    while taken.contains(&name) {
        name = format!("{base}{k}");
        k += 1;
    }
    taken.insert(name.clone());
    name
}

fn fail(errors: Errors, text: &str) -> Failure {
    Failure {
        errors,
        text: text.to_string(),
    }
}

impl Problem {
    /// The equation that ends `src`, in `unknown`.
    pub fn equation(src: &str, unknown: &str, args: &Args) -> Result<Problem, Failure> {
        let ast = crate::syntax::parse_program(src).map_err(|e| fail(e, src))?;
        let Some(last) = ast.stmts.last() else {
            return Err(Failure::plain(
                "the program is empty: solve needs an equation `LHS = RHS` as its last statement",
            ));
        };
        let (lhs_span, rhs_span) = match &last.kind {
            ast::StmtKind::Equation { lhs, rhs } => (lhs.span, rhs.span),
            ast::StmtKind::Def { name, rhs, .. } if name.name == unknown => {
                (Span::new(last.span.start, rhs.span.start), rhs.span)
            }
            _ => {
                return Err(fail(
                    Errors::one(
                        Diagnostic::at("the last statement is not an equation in the unknown", last.span)
                            .with_span_label("solve reads this as a definition")
                            .with_note(format!(
                                "end the program with an equation that uses `{unknown}`, e.g. `sum_j A[i,j] {unknown}[j] = b[i]`"
                            )),
                    ),
                    src,
                ));
            }
        };
        let eq = src[..rhs_span.start].rfind('=').unwrap_or(rhs_span.start);
        let lhs_text = src[lhs_span.start..eq].trim().to_string();
        let rhs_text = src[rhs_span.start..rhs_span.end].to_string();
        // Both sides as bare statements, in place (`=` read as `;`): errors
        // in them point at the user's text.
        let mut p1_text = src.to_string();
        p1_text.replace_range(eq..eq + 1, ";");
        let p1 = sema::check_source(&p1_text).map_err(|e| fail(e, src))?;
        let n = p1.defs.len();
        let side = |d: &sema::Def| -> Vec<String> {
            d.axes
                .iter()
                .map(|&a| p1.index_var(a).name.clone())
                .collect()
        };
        let (l, r) = (side(&p1.defs[n - 2]), side(&p1.defs[n - 1]));
        // The equation's axes: the indices free on both sides (or on the
        // one side that has any); others are summed within their side.
        let axes: Vec<String> = if l.is_empty() || r.is_empty() {
            l.iter().chain(&r).cloned().collect()
        } else {
            l.iter().filter(|i| r.contains(i)).cloned().collect()
        };
        let unknown_u = Self::unknown_of(&p1, unknown, src, last.span)?;
        let mut taken = words(src);
        let res = fresh("residual", &mut taken);
        let jac = fresh("jacobian", &mut taken);
        let summed = |side: &[String], text: &str| -> String {
            let extra: Vec<&String> = side.iter().filter(|i| !axes.contains(i)).collect();
            if extra.is_empty() {
                format!("({text})")
            } else {
                let names: Vec<&str> = extra.iter().map(|s| s.as_str()).collect();
                format!("(sum_{{{}}} ({text}))", names.join(","))
            }
        };
        let residual_stmt = format!(
            "{}{} = {} - {}",
            res,
            bracket(&axes),
            summed(&l, &lhs_text),
            summed(&r, &rhs_text)
        );
        let prefix = &src[..last.span.start];
        Self::build(
            (prefix, src),
            vec![(residual_stmt, res, axes)],
            &[(unknown.to_string(), unknown_u)],
            &[jac],
            &p1,
            args,
            &mut taken,
        )
    }

    /// Whether `name` is an unknown of `p` (an input tensor that no
    /// literal gives, or a scalar parameter); `Some(rank)` for a tensor.
    pub(super) fn unknown_of(
        p: &Program,
        name: &str,
        src: &str,
        span: Span,
    ) -> Result<Option<usize>, Failure> {
        if let Some(t) = p.input_by_name(name) {
            let input = p.input(t);
            if input.literal.is_some() {
                return Err(fail(
                    Errors::one(
                        Diagnostic::at(
                            format!("`{name}` is given by a tensor literal"),
                            input.span,
                        )
                        .with_note(
                            "the unknown must be a name the program uses but does not define",
                        ),
                    ),
                    src,
                ));
            }
            return Ok(Some(input.rank));
        }
        if p.param_by_name(name).is_some() {
            return Ok(None);
        }
        let why = if let Some(d) = p.def_by_name(name) {
            return Err(fail(
                Errors::one(
                    Diagnostic::at(format!("`{name}` is defined by the program"), p.def(d).span)
                        .with_note(
                            "the unknown must be a name the program uses but does not define",
                        ),
                ),
                src,
            ));
        } else {
            format!("the program does not use `{name}`")
        };
        let mut names: Vec<String> = p
            .inputs
            .iter()
            .filter(|i| i.literal.is_none())
            .map(|i| i.name.clone())
            .collect();
        names.extend(p.params.iter().map(|q| q.name.clone()));
        Err(fail(
            Errors::one(Diagnostic::at(why, span).with_note(if names.is_empty() {
                "the program has no unknowns: every name it uses is defined".to_string()
            } else {
                format!("its unknowns could be: {}", names.join(", "))
            })),
            src,
        ))
    }

    /// Builds the program `prefix` + residual statements + Jacobian
    /// definitions (`jac_names[r]` the base name for residual r's blocks),
    /// checks it, simplifies it, and finds the unknowns' shapes from `p1`
    /// (the user's program as checked, reading the unknowns).
    pub(super) fn build(
        (prefix, user): (&str, &str),
        residuals: Vec<(String, String, Vec<String>)>,
        unknowns: &[(String, Option<usize>)],
        jac_names: &[String],
        p1: &Program,
        args: &Args,
        taken: &mut BTreeSet<String>,
    ) -> Result<Problem, Failure> {
        let shapes = unknown_shapes(p1, unknowns, args, user)?;
        let mut text = prefix.trim_end().to_string();
        if !text.is_empty() && !text.ends_with(';') {
            text.push('\n');
        }
        for (stmt, _, _) in &residuals {
            text.push_str(stmt);
            text.push('\n');
        }
        let mut jac_stmts = Vec::new();
        for (r, (_, rname, raxes)) in residuals.iter().enumerate() {
            let mut row = Vec::new();
            for (k, (uname, rank)) in unknowns.iter().enumerate() {
                let jname = if unknowns.len() == 1 {
                    jac_names[r].clone()
                } else {
                    fresh(&format!("{}_{uname}", jac_names[r]), taken)
                };
                let qs: Vec<String> = (0..rank.unwrap_or(0))
                    .map(|a| fresh(&format!("q{a}"), taken))
                    .collect();
                let mut axes = raxes.clone();
                axes.extend(qs.iter().cloned());
                let target = if rank.is_some() {
                    format!("{uname}{}", bracket(&qs))
                } else {
                    uname.clone()
                };
                jac_stmts.push(format!(
                    "{jname}{} = diff({rname}{}, {target})",
                    bracket(&axes),
                    bracket(raxes)
                ));
                row.push(k);
            }
        }
        for s in &jac_stmts {
            text.push_str(s);
            text.push('\n');
        }
        let program = sema::check_source(&text).map_err(|e| fail(e, &text))?;
        let nres = residuals.len();
        let nu = unknowns.len();
        let total = program.defs.len();
        let first_jac = total - nres * nu;
        let residual_ids: Vec<DefId> = (0..nres)
            .map(|r| DefId((first_jac - nres + r) as u32))
            .collect();
        let jac: Vec<Vec<DefId>> = (0..nres)
            .map(|r| {
                (0..nu)
                    .map(|k| DefId((first_jac + r * nu + k) as u32))
                    .collect()
            })
            .collect();
        let (raised, new_id) = crate::sym::lower_and_raise(&program).map_err(|e| fail(e, &text))?;
        let unknowns: Vec<Unknown> = unknowns
            .iter()
            .zip(shapes)
            .map(|((name, rank), shape)| Unknown {
                name: name.clone(),
                scalar: rank.is_none(),
                shape,
            })
            .collect();
        // Nonlinear: a Jacobian block reads an unknown (through the
        // definitions it reads).
        let mut nonlinear = false;
        for row in &jac {
            for &j in row {
                if let Some(rj) = new_id[j.index()] {
                    nonlinear |= reads_unknown(&raised, rj, &unknowns);
                }
            }
        }
        let exact = args.tensors.is_empty()
            && raised
                .params
                .iter()
                .all(|p| unknowns.iter().any(|u| u.scalar && u.name == p.name));
        let mut problem = Problem {
            text,
            program,
            raised,
            new_id,
            unknowns,
            residuals: residual_ids,
            jac,
            nonlinear,
            exact,
            residual_lens: vec![],
            kernel: Default::default(),
        };
        let bound = problem.bind(args)?;
        problem.residual_lens = problem
            .residuals
            .iter()
            .map(|&r| {
                bound.def_shapes[problem.raised_id(r)?.index()]
                    .iter()
                    .product::<usize>()
                    .into()
            })
            .collect::<Option<Vec<usize>>>()
            .ok_or_else(|| {
                Failure::plain("internal error: a residual vanished in simplification")
            })?;
        Ok(problem)
    }

    fn raised_id(&self, d: DefId) -> Option<DefId> {
        self.new_id.get(d.index()).copied().flatten()
    }

    /// The number of equations and of unknowns (scalar components).
    pub fn dims(&self) -> (usize, usize) {
        (
            self.residual_lens.iter().sum(),
            self.unknowns.iter().map(Unknown::len).sum(),
        )
    }

    /// The environment of a call at some point: the data, parameters, and
    /// the unknowns' shapes.
    fn env(&self, args: &Args) -> sema::Env {
        let mut env = args.env();
        for u in &self.unknowns {
            if u.scalar {
                env.params.insert(u.name.clone(), 0.0);
            } else {
                env.shapes.insert(u.name.clone(), u.shape.clone());
            }
        }
        env
    }

    fn bind(&self, args: &Args) -> Result<sema::Bound, Failure> {
        sema::bind_as_written(Some(&self.program), &self.raised, &self.env(args))
            .map_err(|e| fail(e, &self.text))
    }

    /// The text of the simplified definitions `ids` need.
    pub fn text_of(&self, ids: &[DefId]) -> String {
        let Ok(mut sp) = crate::sym::lower(&self.program) else {
            return String::new();
        };
        let _ = &mut sp;
        let text = sp.program_text(ids);
        let lits = sp.literals_text();
        text.strip_prefix(&lits).unwrap_or(&text).to_string()
    }

    /// Residual (all blocks, flattened) and Jacobian (row-major, equations
    /// × unknowns) at `x`, exactly; `None` where a value is not rational.
    pub fn eval_exact(
        &self,
        x: &[Vec<BigRational>],
    ) -> Option<(Vec<BigRational>, Vec<BigRational>)> {
        let values = self.exact_values(x)?;
        let get =
            |d: DefId| -> Option<&Vec<BigRational>> { values.get(self.raised_id(d)?.index()) };
        let mut r = Vec::new();
        for &d in &self.residuals {
            r.extend(get(d)?.iter().cloned());
        }
        let (m, n) = self.dims();
        let mut j = vec![BigRational::zero(); m * n];
        self.assemble(&mut j, n, |d| get(d).map(|v| v.as_slice()))?;
        Some((r, j))
    }

    /// Where definition `d` of `program` is among the exact values.
    pub fn raised_index(&self, d: DefId) -> Option<usize> {
        self.raised_id(d).map(DefId::index)
    }

    /// Every definition of the simplified program at `x`, exactly.
    pub fn exact_values(&self, x: &[Vec<BigRational>]) -> Option<Vec<Vec<BigRational>>> {
        let bound = self.bind(&Args::new()).ok()?;
        let params: Vec<BigRational> = self
            .raised
            .params
            .iter()
            .map(|p| {
                let k = self
                    .unknowns
                    .iter()
                    .position(|u| u.scalar && u.name == p.name)?;
                x[k].first().cloned()
            })
            .collect::<Option<_>>()?;
        let inputs: Vec<Vec<BigRational>> = self
            .raised
            .inputs
            .iter()
            .map(|i| match &i.literal {
                Some(l) => Some(l.values.clone()),
                None => {
                    let k = self
                        .unknowns
                        .iter()
                        .position(|u| !u.scalar && u.name == i.name)?;
                    Some(x[k].clone())
                }
            })
            .collect::<Option<_>>()?;
        exact::eval(&self.raised, &bound, &params, &inputs)
    }

    /// Places each Jacobian block into the `m × n` matrix `j`.
    fn assemble<'v, T: Clone + 'v>(
        &self,
        j: &mut [T],
        n: usize,
        block: impl Fn(DefId) -> Option<&'v [T]>,
    ) -> Option<()> {
        let mut row0 = 0;
        for (r, row) in self.jac.iter().enumerate() {
            let rows = self.residual_lens[r];
            let mut col0 = 0;
            for (k, &d) in row.iter().enumerate() {
                let cols = self.unknowns[k].len();
                let b = block(d)?;
                if b.len() != rows * cols {
                    return None;
                }
                for i in 0..rows {
                    for c in 0..cols {
                        j[(row0 + i) * n + col0 + c] = b[i * cols + c].clone();
                    }
                }
                col0 += cols;
            }
            row0 += rows;
        }
        Some(())
    }

    /// The compiled kernel of the built program (compiled on first need).
    fn kernel(&self) -> Result<Arc<crate::Kernel>, Failure> {
        if let Some(k) = self.kernel.get() {
            return Ok(Arc::clone(k));
        }
        let k = crate::jit::compile(&self.text, crate::jit::Options::default())
            .map_err(|e| fail(e, &self.text))?;
        let _ = self.kernel.set(Arc::clone(&k));
        Ok(k)
    }

    /// The call's arguments with the unknowns set to `x`.
    pub fn args_at(&self, args: &Args, x: &[Vec<f64>]) -> Args {
        let mut a = args.clone();
        for (u, v) in self.unknowns.iter().zip(x) {
            if u.scalar {
                a.params
                    .insert(u.name.clone(), v.first().copied().unwrap_or(0.0));
            } else {
                let t = ndarray::ArrayD::from_shape_vec(u.shape.clone(), v.clone())
                    .unwrap_or_else(|_| ndarray::ArrayD::zeros(u.shape.clone()));
                a.tensors.insert(u.name.clone(), crate::Tensor::F64(t));
            }
        }
        a
    }

    /// Values of the given definitions at `x`, in f64, by the compiled
    /// kernel.
    pub fn eval_defs(&self, args: &Args, x: &[Vec<f64>]) -> Result<Vec<crate::Tensor>, Failure> {
        let k = self.kernel()?;
        k.call(&self.args_at(args, x))
            .map_err(|e| fail(e, &self.text))
    }

    /// Residual and Jacobian at `x` in f64.
    pub fn eval_f64(&self, args: &Args, x: &[Vec<f64>]) -> Result<(Vec<f64>, Vec<f64>), Failure> {
        let values = self.eval_defs(args, x)?;
        self.extract(&values)
    }

    /// Residual and Jacobian from the values of every definition.
    pub fn extract(&self, values: &[crate::Tensor]) -> Result<(Vec<f64>, Vec<f64>), Failure> {
        let flat = |d: DefId| -> Vec<f64> {
            values
                .get(d.index())
                .map(|t| t.to_f64().iter().copied().collect())
                .unwrap_or_default()
        };
        let mut r = Vec::new();
        for &d in &self.residuals {
            r.extend(flat(d));
        }
        let (m, n) = self.dims();
        let blocks: Vec<(DefId, Vec<f64>)> =
            self.jac.iter().flatten().map(|&d| (d, flat(d))).collect();
        let mut j = vec![0.0; m * n];
        self.assemble(&mut j, n, |d| {
            blocks
                .iter()
                .find(|(b, _)| *b == d)
                .map(|(_, v)| v.as_slice())
        })
        .ok_or_else(|| Failure::plain("internal error: a Jacobian block has the wrong size"))?;
        Ok((r, j))
    }

    /// Zeros for every unknown.
    pub fn zeros<T: Clone + Zero>(&self) -> Vec<Vec<T>> {
        self.unknowns
            .iter()
            .map(|u| vec![T::zero(); u.len().max(usize::from(u.scalar))])
            .collect()
    }
}

fn bracket(ix: &[String]) -> String {
    if ix.is_empty() {
        String::new()
    } else {
        format!("[{}]", ix.join(","))
    }
}

/// Whether definition `d` of `p` reads an unknown, directly or through the
/// definitions it reads.
fn reads_unknown(p: &Program, d: DefId, unknowns: &[Unknown]) -> bool {
    let mut seen = vec![false; p.defs.len()];
    let mut stack = vec![d];
    while let Some(d) = stack.pop() {
        if std::mem::replace(&mut seen[d.index()], true) {
            continue;
        }
        let mut hit = false;
        p.def(d).body.walk(&mut |e| match &e.kind {
            ExprKind::Param(q) => {
                hit |= unknowns
                    .iter()
                    .any(|u| u.scalar && u.name == p.param(*q).name)
            }
            ExprKind::Elem(TensorRef::Input(i), _) => {
                hit |= unknowns
                    .iter()
                    .any(|u| !u.scalar && u.name == p.input(*i).name)
            }
            ExprKind::Elem(TensorRef::Def(e), _) | ExprKind::Scalar(e) => stack.push(*e),
            _ => {}
        });
        if hit {
            return true;
        }
    }
    false
}

/// The unknowns' shapes: the program bound with every unknown read as 0,
/// so each of its subscripts ranges as the other tensors say.
fn unknown_shapes(
    p1: &Program,
    unknowns: &[(String, Option<usize>)],
    args: &Args,
    src: &str,
) -> Result<Vec<Vec<usize>>, Failure> {
    let ids: Vec<Option<InputId>> = unknowns
        .iter()
        .map(|(n, r)| r.and_then(|_| p1.input_by_name(n)))
        .collect();
    let mut p = p1.clone();
    let mut uses: Vec<Vec<Vec<sema::IndexId>>> = vec![Vec::new(); unknowns.len()];
    for def in &mut p.defs {
        zero_unknowns(&mut def.body, &ids, &mut uses);
    }
    let mut env = args.env();
    for (k, (name, rank)) in unknowns.iter().enumerate() {
        match rank {
            None => {
                env.params.insert(name.clone(), 0.0);
            }
            Some(r) => {
                env.shapes.insert(name.clone(), vec![1; *r]);
                if uses[k].is_empty() {
                    return Err(Failure::plain(format!(
                        "the equation does not read `{name}`"
                    )));
                }
            }
        }
    }
    let bound = match sema::bind(&p, &env) {
        Ok(b) => b,
        Err(e) => {
            // The unknown's axes may be tied to known ones only through
            // deltas and index names across the equation's sides
            // (`sum_j A[i,j] X[j,k] = delta[i,k]`): infer by name.
            if let Some((shapes, ext)) = shapes_by_name(p1, &ids, unknowns, &env) {
                // The program as written must bind with these shapes (and
                // the extents found by name, as `--dim` would give them).
                let mut env = env.clone();
                for (name, n) in ext {
                    env.dims.entry(name).or_insert(n);
                }
                for ((name, rank), shape) in unknowns.iter().zip(&shapes) {
                    if rank.is_some() {
                        env.shapes.insert(name.clone(), shape.clone());
                    }
                }
                if sema::bind(p1, &env).is_ok() {
                    return Ok(shapes);
                }
            }
            return Err(Failure {
                errors: e,
                text: src.to_string(),
            });
        }
    };
    Ok(unknowns
        .iter()
        .enumerate()
        .map(|(k, (_, rank))| {
            (0..rank.unwrap_or(0))
                .map(|a| {
                    uses[k]
                        .iter()
                        .map(|ix| {
                            let r = bound.range(ix[a]);
                            (r.start.max(0) as usize).saturating_add(r.len)
                        })
                        .max()
                        .unwrap_or(1)
                })
                .collect()
        })
        .collect())
}

/// The unknowns' shapes, and the extent found for each index name.
type ShapesByName = (Vec<Vec<usize>>, std::collections::HashMap<String, usize>);

/// Extents by index name: from the axes of known tensors the names
/// subscript, carried across `delta[a,b]` (a and b range alike); then each
/// unknown's axes by the names that subscript it. `None` if one is missing.
fn shapes_by_name(
    p: &Program,
    ids: &[Option<InputId>],
    unknowns: &[(String, Option<usize>)],
    env: &sema::Env,
) -> Option<ShapesByName> {
    use std::collections::HashMap;
    let mut ext: HashMap<String, usize> = HashMap::new();
    let mut deltas: Vec<(String, String)> = Vec::new();
    let name = |i: &sema::IndexId| p.index_var(*i).name.clone();
    for def in &p.defs {
        def.body.walk(&mut |e| match &e.kind {
            ExprKind::Elem(TensorRef::Input(t), ix) if !ids.contains(&Some(*t)) => {
                let shape = match &p.input(*t).literal {
                    Some(l) => Some(l.shape.clone()),
                    None => env.shapes.get(&p.input(*t).name).cloned(),
                };
                if let Some(shape) = shape {
                    for (a, i) in ix.iter().enumerate() {
                        if p.index_var(*i).bounds.is_none() {
                            ext.entry(name(i)).or_insert(shape[a]);
                        }
                    }
                }
            }
            ExprKind::Delta(a, b) => deltas.push((name(a), name(b))),
            _ => {}
        });
    }
    for _ in 0..deltas.len() + 1 {
        for (a, b) in &deltas {
            match (ext.get(a).copied(), ext.get(b).copied()) {
                (Some(n), None) => {
                    ext.insert(b.clone(), n);
                }
                (None, Some(n)) => {
                    ext.insert(a.clone(), n);
                }
                _ => {}
            }
        }
    }
    let mut uses: Vec<Vec<Vec<sema::IndexId>>> = vec![Vec::new(); unknowns.len()];
    for def in &p.defs {
        def.body.walk(&mut |e| {
            if let ExprKind::Elem(TensorRef::Input(t), ix) = &e.kind
                && let Some(k) = ids.iter().position(|u| *u == Some(*t))
            {
                uses[k].push(ix.clone());
            }
        });
    }
    unknowns
        .iter()
        .enumerate()
        .map(|(k, (_, rank))| {
            (0..rank.unwrap_or(0))
                .map(|a| {
                    let ix = uses[k].first()?;
                    ext.get(&name(&ix[a]))
                        .copied()
                        .or_else(|| env.dims.get(&name(&ix[a])).copied())
                })
                .collect::<Option<Vec<usize>>>()
        })
        .collect::<Option<Vec<Vec<usize>>>>()
        .map(|s| (s, ext))
}

/// Replaces every element of an unknown tensor by 0, noting its subscripts.
fn zero_unknowns(e: &mut Expr, ids: &[Option<InputId>], uses: &mut [Vec<Vec<sema::IndexId>>]) {
    if let ExprKind::Elem(TensorRef::Input(i), ix) = &e.kind
        && let Some(k) = ids.iter().position(|u| *u == Some(*i))
    {
        uses[k].push(ix.clone());
        e.kind = ExprKind::Const(BigRational::zero());
        return;
    }
    match &mut e.kind {
        ExprKind::Neg(a) => zero_unknowns(a, ids, uses),
        ExprKind::Add(v) | ExprKind::Mul(v) | ExprKind::Call(_, v) => {
            for c in v {
                zero_unknowns(c, ids, uses);
            }
        }
        ExprKind::Div(a, b) | ExprKind::Pow(a, b) => {
            zero_unknowns(a, ids, uses);
            zero_unknowns(b, ids, uses);
        }
        ExprKind::Reduce { body, .. } => zero_unknowns(body, ids, uses),
        ExprKind::Diff { expr, .. } => zero_unknowns(expr, ids, uses),
        _ => {}
    }
}

#[allow(dead_code)]
fn to_f64(v: &BigRational) -> f64 {
    v.to_f64().unwrap_or(f64::NAN)
}
