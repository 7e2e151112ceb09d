//! Binding a checked program to the shapes of one call.
//!
//! In: a [`Program`] and an [`Env`]: the shape of every input tensor, the
//! value of every scalar parameter, and `--dim` extents by index name.
//! Out: [`Bound`]: the range of every index variable and the shape of every
//! definition, or every error found, each naming the index, the tensors,
//! axes and lengths involved.
//!
//! Always: when `bind` succeeds, every tensor element the program reads is in
//! bounds for every value its indices take, so evaluation (interpreted or
//! compiled) never reads past the end of an array.

use super::program::*;
use crate::diagnostics::{Diagnostic, Errors, Span, show_shape};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The facts about one call that extents depend on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Env {
    /// Shape of each input tensor, by name.
    pub shapes: BTreeMap<String, Vec<usize>>,
    /// Value of each scalar parameter, by name.
    pub params: BTreeMap<String, f64>,
    /// Extents given on the command line (`--dim i=3`), by index name.
    pub dims: BTreeMap<String, usize>,
}

/// The values index `i` takes: `start, start+1, ..., start+len-1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexRange {
    pub start: i64,
    pub len: usize,
}

impl IndexRange {
    pub fn iter(self) -> impl Iterator<Item = i64> {
        (0..self.len as i64).map(move |k| self.start + k)
    }
}

/// Extents and shapes for one call.
#[derive(Clone, Debug, PartialEq)]
pub struct Bound {
    /// Per [`IndexId`].
    pub ranges: Vec<IndexRange>,
    /// Per [`DefId`]: the lengths of its axes.
    pub def_shapes: Vec<Vec<usize>>,
    /// Per [`ParamId`].
    pub params: Vec<f64>,
    /// Per [`InputId`].
    pub input_shapes: Vec<Vec<usize>>,
}

impl Bound {
    pub fn range(&self, i: IndexId) -> IndexRange {
        self.ranges[i.index()]
    }
}

/// The most elements one definition may have (2^32): more is surely a
/// mistake, and would exhaust memory rather than fail cleanly.
pub const MAX_ELEMENTS: u128 = 1 << 32;

/// Where an index subscripts a tensor axis: one extent constraint.
struct Use {
    len: usize,
    tensor: String,
    axis: usize,
    span: Span,
}

impl Use {
    /// A use of `axis` of tensor `t`, of length `len`; messages name a
    /// hidden definition's axis by the visible tensor axis it comes from.
    fn new(program: &Program, (t, axis): (TensorRef, usize), len: usize, span: Span) -> Use {
        let (t, axis) = program.visible_axis(t, axis);
        Use {
            len,
            tensor: program.tensor_name(t),
            axis,
            span,
        }
    }
}

/// Computes every index range and definition shape, checking every access.
pub fn bind(program: &Program, env: &Env) -> Result<Bound, Errors> {
    let mut errors = Vec::new();
    let input_shapes: Vec<Vec<usize>> = program
        .inputs
        .iter()
        .map(|t| match env.shapes.get(&t.name) {
            _ if t.literal.is_some() => t.literal.as_ref().map_or(vec![], |l| l.shape.clone()),
            Some(s) if s.len() == t.rank => s.clone(),
            Some(s) => {
                errors.push(
                    Diagnostic::at(
                        format!(
                            "input tensor `{}` is used with rank {} but the given array has rank {} (shape {})",
                            t.name,
                            t.rank,
                            s.len(),
                            show_shape(s)
                        ),
                        t.span,
                    )
                    .with_span_label(format!("{} subscript{} here", t.rank, plural(t.rank)))
                    .with_note(format!(
                        "pass an array with {} for `{}`, or change its subscripts in the program to match the array's {}",
                        axes(t.rank),
                        t.name,
                        axes(s.len())
                    )),
                );
                vec![0; t.rank]
            }
            None => {
                errors.push(
                    Diagnostic::at(format!("input tensor `{}` is not given", t.name), t.span)
                        .with_span_label(format!("`{}` is read here, with rank {}", t.name, t.rank))
                        .with_note(format!(
                            "pass it with --in {}=FILE.npy (an array with {})",
                            t.name,
                            axes(t.rank)
                        )),
                );
                vec![0; t.rank]
            }
        })
        .collect();
    let params: Vec<f64> = program
        .params
        .iter()
        .map(|p| match env.params.get(&p.name) {
            Some(&v) => v,
            None => {
                errors.push(
                    Diagnostic::at(
                        format!("scalar parameter `{}` is not given", p.name),
                        p.span,
                    )
                    .with_span_label(format!("`{}` is used here", p.name))
                    .with_note(format!("pass it with --set {}=VALUE", p.name)),
                );
                f64::NAN
            }
        })
        .collect();
    if !errors.is_empty() {
        return Err(Errors(errors));
    }
    let known: Vec<&str> = program.indices.iter().map(|i| i.name.as_str()).collect();
    for name in env.dims.keys() {
        if !known.contains(&name.as_str()) {
            errors.push(
                Diagnostic::error(format!(
                    "--dim {name}=...: the program has no index named `{name}`"
                ))
                .with_note(
                    match crate::diagnostics::suggest::similar(name, known.iter().copied()) {
                        Some(meant) => format!(
                            "did you mean --dim {meant}=...? its indices are: {}",
                            sorted_unique(&known)
                        ),
                        None => format!("its indices are: {}", sorted_unique(&known)),
                    },
                ),
            );
        }
    }

    // The value of every scalar definition built from numbers and
    // parameters (NaN for the others, which no bound may use), once each.
    let mut consts: Vec<f64> = Vec::with_capacity(program.defs.len());
    for def in &program.defs {
        let v = if def.axes.is_empty() {
            eval_const(&def.body, &params, &consts)
        } else {
            f64::NAN
        };
        consts.push(v);
    }
    let mut ranges = vec![IndexRange { start: 0, len: 0 }; program.indices.len()];
    let index_names: HashSet<&str> = program.indices.iter().map(|v| v.name.as_str()).collect();
    let mut def_shapes: Vec<Vec<usize>> = Vec::with_capacity(program.defs.len());
    for def in &program.defs {
        // Every index occurring in this definition, with its extent constraints.
        let mut uses: BTreeMap<IndexId, Vec<Use>> = BTreeMap::new();
        let mut seen: Vec<IndexId> = def.axes.clone();
        let mut deltas: Vec<(IndexId, IndexId, Span)> = Vec::new();
        for &ax in &def.axes {
            if let Some((t, axis)) = program.index_var(ax).extent_of {
                let shape = match t {
                    TensorRef::Input(i) => input_shapes.get(i.index()),
                    TensorRef::Def(d) => def_shapes.get(d.index()),
                };
                uses.entry(ax).or_default().push(Use::new(
                    program,
                    (t, axis),
                    shape.and_then(|s| s.get(axis)).copied().unwrap_or(0),
                    program.index_var(ax).span,
                ));
            }
        }
        def.body.walk(&mut |e| {
            let (t, idx) = match &e.kind {
                ExprKind::Elem(t, idx) => (*t, idx.as_slice()),
                ExprKind::Diff {
                    wrt: Wrt::Elem(t, idx),
                    ..
                } => (TensorRef::Input(*t), idx.as_slice()),
                ExprKind::Reduce { index, .. } => {
                    seen.push(*index);
                    if let Some((t, axis)) = program.index_var(*index).extent_of {
                        let shape = match t {
                            TensorRef::Input(i) => input_shapes.get(i.index()),
                            TensorRef::Def(d) => def_shapes.get(d.index()),
                        };
                        uses.entry(*index).or_default().push(Use::new(
                            program,
                            (t, axis),
                            shape.and_then(|s| s.get(axis)).copied().unwrap_or(0),
                            e.span,
                        ));
                    }
                    return;
                }
                ExprKind::Index(index) => {
                    seen.push(*index);
                    return;
                }
                ExprKind::Delta(a, b) => {
                    seen.push(*a);
                    seen.push(*b);
                    deltas.push((*a, *b, e.span));
                    return;
                }
                _ => return,
            };
            let shape = match t {
                TensorRef::Input(i) => &input_shapes[i.index()],
                TensorRef::Def(d) => &def_shapes[d.index()],
            };
            for (axis, &ix) in idx.iter().enumerate() {
                seen.push(ix);
                uses.entry(ix).or_default().push(Use::new(
                    program,
                    (t, axis),
                    shape.get(axis).copied().unwrap_or(0),
                    e.span,
                ));
            }
        });
        seen.sort();
        seen.dedup();
        // An index known only through `delta[i,j]` takes the range of its
        // partner (`D[i,k] = sum_j delta[i,j] C[j,k]` needs no --dim).
        let determined = |ix: &IndexId| {
            uses.contains_key(ix)
                || program.index_var(*ix).bounds.is_some()
                || env.dims.contains_key(&program.index_var(*ix).name)
        };
        let hint = DefHint::new(program, def, &seen, &index_names);
        let (direct, via_delta): (Vec<IndexId>, Vec<IndexId>) =
            seen.into_iter().partition(determined);
        let scope = Scope {
            program,
            params: &params,
            consts: &consts,
            env,
        };
        // Per index (by position): resolved in this definition.
        let mut resolved: HashSet<IndexId> = HashSet::new();
        let mut queue: Vec<IndexId> = Vec::new();
        for ix in direct {
            let no_uses = Vec::new();
            let uses = uses.get(&ix).unwrap_or(&no_uses);
            if let Some(r) = range_of(&scope, program.index_var(ix), uses, &hint, &mut errors) {
                ranges[ix.index()] = r;
                resolved.insert(ix);
                queue.push(ix);
            }
        }
        // Spread ranges through deltas from the resolved indices, each
        // index once (linear in the number of deltas).
        let mut partners: HashMap<IndexId, Vec<IndexId>> = HashMap::new();
        for &(a, b, _) in &deltas {
            partners.entry(a).or_default().push(b);
            partners.entry(b).or_default().push(a);
        }
        let mut pending: HashSet<IndexId> = via_delta.iter().copied().collect();
        while let Some(ix) = queue.pop() {
            for &other in partners.get(&ix).map_or(&[][..], Vec::as_slice) {
                if pending.remove(&other) {
                    ranges[other.index()] = ranges[ix.index()];
                    resolved.insert(other);
                    queue.push(other);
                }
            }
        }
        let pending: Vec<IndexId> = via_delta
            .into_iter()
            .filter(|ix| pending.contains(ix))
            .collect();
        // `delta[j,k]` compares two indices of one range: where both
        // extents are inferred they must agree, which is what lets the
        // symbolic engine contract `sum_j X[i,j] delta[j,k]` to `X[i,k]`.
        for &(a, b, span) in &deltas {
            let (va, vb) = (program.index_var(a), program.index_var(b));
            if va.bounds.is_some() || vb.bounds.is_some() {
                continue;
            }
            if !(resolved.contains(&a) && resolved.contains(&b)) {
                continue;
            }
            let (ra, rb) = (ranges[a.index()], ranges[b.index()]);
            if ra.len != rb.len {
                errors.push(
                    Diagnostic::at(
                        format!(
                            "`delta[{},{}]` compares `{}`, which runs over {} values, with `{}`, which runs over {}",
                            va.name, vb.name, va.name, ra.len, vb.name, rb.len
                        ),
                        span,
                    )
                    .with_note(
                        "a Kronecker delta compares indices of one range; give one of them \
                         written bounds (`sum_{j=0}^{N}`) to compare different ranges",
                    ),
                );
            }
        }
        for ix in pending {
            range_of(&scope, program.index_var(ix), &[], &hint, &mut errors);
        }
        let shape: Vec<usize> = def.axes.iter().map(|a| ranges[a.index()].len).collect();
        let count = shape
            .iter()
            .fold(1u128, |acc, &n| acc.saturating_mul(n as u128));
        if count > MAX_ELEMENTS {
            errors.push(
                Diagnostic::at(
                    format!(
                        "{} would have shape {} ({count} elements), more than the limit of {MAX_ELEMENTS}",
                        if def.is_hidden() {
                            "an intermediate result of this statement".to_string()
                        } else {
                            def.display_name(def_shapes.len())
                        },
                        show_shape(&shape)
                    ),
                    def.span,
                )
                .with_note("check the extents given with --dim and the shapes of the inputs"),
            );
        }
        def_shapes.push(shape);
    }
    if errors.is_empty() {
        Ok(Bound {
            ranges,
            def_shapes,
            params,
            input_shapes,
        })
    } else {
        Err(Errors(errors))
    }
}

/// What binding one definition needs besides the definition itself.
struct Scope<'a> {
    program: &'a Program,
    params: &'a [f64],
    consts: &'a [f64],
    env: &'a Env,
}

/// Facts about a definition for the hints of "cannot infer the extent".
struct DefHint<'a> {
    /// `y` in `y[i] = ...`; `None` for a bare expression.
    def_name: Option<String>,
    /// The indices summed implicitly (on the right only).
    implicit: Vec<(String, Span)>,
    /// The names of every index of the program (the JIT may have moved
    /// the sum over `j` and `k` into a definition of its own).
    names: &'a HashSet<&'a str>,
}

impl<'a> DefHint<'a> {
    fn new(
        program: &Program,
        def: &Def,
        seen: &[IndexId],
        names: &'a HashSet<&'a str>,
    ) -> DefHint<'a> {
        let vars = seen.iter().map(|&i| program.index_var(i));
        DefHint {
            def_name: def.name.clone(),
            implicit: vars
                .clone()
                .filter(|v| v.role == IndexRole::Implicit)
                .map(|v| (v.name.clone(), v.span))
                .collect(),
            names,
        }
    }
}

/// The error for an index whose extent nothing gives, with a hint for the
/// usual causes: an axis on the left that the right does not use
/// (`y[i] = x[j]`), and `sum_jk` written for `sum_{j,k}`.
fn no_extent(var: &IndexVar, hint: &DefHint) -> Diagnostic {
    let name = &var.name;
    let dim = format!("give it with --dim {name}=N");
    if var.role == IndexRole::Axis
        && let Some(def) = &hint.def_name
    {
        let mut d = Diagnostic::at(
            format!(
                "cannot infer the extent of index `{name}`: it is on the left of `{def}[...] = ...` \
                 but subscripts no tensor on the right"
            ),
            var.span,
        )
        .with_span_label(format!("`{name}` is an axis of `{def}`"));
        for (other, span) in &hint.implicit {
            d = d.with_label(
                *span,
                format!("`{other}` is only on the right, so it is summed over"),
            );
        }
        let fix = match hint.implicit.as_slice() {
            [(other, _)] => format!(
                "if `{def}` runs over `{other}`, write `{other}` on the left for `{name}`; \
                 otherwise use `{name}` on the right, or {dim}"
            ),
            _ => format!("use `{name}` on the right to subscript a tensor, or {dim}"),
        };
        return d.with_note(fix);
    }
    let mut d = Diagnostic::at(
        format!("cannot infer the extent of index `{name}`: it subscripts no tensor"),
        var.span,
    )
    .with_note(if var.role == IndexRole::Bound {
        format!("{dim}, or bound it: sum_{{{name}=0}}^{{N-1}}")
    } else {
        format!("{dim}, or use `{name}` to subscript a tensor on the right")
    });
    let letters: Vec<String> = name.chars().map(String::from).collect();
    if var.role == IndexRole::Bound
        && (2..=4).contains(&letters.len())
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && letters.iter().all(|l| hint.names.contains(l.as_str()))
    {
        d = d.with_note(format!(
            "`sum_{name}` binds one index named `{name}`; to sum over {}, write `sum_{{{}}}`",
            letters
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(" and "),
            letters.join(",")
        ));
    }
    d
}

/// Binds `program`, what runs, after `written`, the program as written
/// when the two differ (the symbolic engine carried out its `diff(...)`
/// and simplified the derivatives). The written program is bound first, so
/// what it says is checked as written: every access inside `diff(...)`
/// (`diff(sum_{i=0}^{4} w[i], w[k])` over a `w` of length 2 is refused
/// like `sum_{i=0}^{4} w[i]`), and `--dim` may name any of its indices,
/// even one the derivative no longer has.
pub fn bind_as_written(
    written: Option<&Program>,
    program: &Program,
    env: &Env,
) -> Result<Bound, Errors> {
    let Some(written) = written else {
        return bind(program, env);
    };
    bind(written, env)?;
    let mut env = env.clone();
    env.dims
        .retain(|name, _| program.indices.iter().any(|i| i.name == *name));
    bind(program, &env)
}

/// The range of one index variable, from its bounds or from the axes it
/// subscripts (and `--dim`), checking each of those axes.
fn range_of(
    scope: &Scope,
    var: &IndexVar,
    uses: &[Use],
    hint: &DefHint,
    errors: &mut Vec<Diagnostic>,
) -> Option<IndexRange> {
    let Scope {
        program,
        params,
        consts,
        env,
    } = *scope;
    let name = &var.name;
    if let Some((lo_e, hi_e)) = &var.bounds {
        let lo = integer_bound(lo_e, params, consts, name, "lower", errors)?;
        let hi = integer_bound(hi_e, params, consts, name, "upper", errors)?;
        let len = if hi < lo { 0 } else { (hi - lo + 1) as u128 };
        if len > MAX_ELEMENTS {
            errors.push(
                Diagnostic::at(format!("`{name}` would run over {len} values ({lo}..={hi}), more than the limit of {MAX_ELEMENTS}"), var.span),
            );
            return None;
        }
        if len > 0 {
            for u in uses {
                if lo < 0 || hi >= u.len as i64 {
                    errors.push(
                        Diagnostic::at(
                            format!(
                                "index `{name}` runs from {} to {}, but `{}` has length {} along axis {} (valid subscripts 0 to {})",
                                bound_text(program, lo_e, lo),
                                bound_text(program, hi_e, hi),
                                u.tensor,
                                u.len,
                                u.axis,
                                u.len as i64 - 1
                            ),
                            u.span,
                        )
                        .with_label(var.span, format!("`{name}` is bound here"))
                        .with_note(format!(
                            "subscripts are 0-based: a sum over all of `{}` runs from 0 to {}",
                            u.tensor,
                            u.len as i64 - 1
                        )),
                    );
                }
            }
        }
        return Some(IndexRange {
            start: lo,
            len: len as usize,
        });
    }
    let dim = env.dims.get(name).copied();
    let Some(first) = uses.first() else {
        return match dim {
            Some(n) if n as u128 > MAX_ELEMENTS => {
                errors.push(
                    Diagnostic::at(
                        format!(
                            "--dim {name}={n}: `{name}` would run over {n} values, more than the limit of {MAX_ELEMENTS}"
                        ),
                        var.span,
                    )
                    .with_note("an index runs over at most 2^32 values, as with written bounds"),
                );
                None
            }
            Some(n) => Some(IndexRange { start: 0, len: n }),
            None => {
                errors.push(no_extent(var, hint));
                None
            }
        };
    };
    let mut ok = true;
    for u in &uses[1..] {
        if u.len != first.len {
            ok = false;
            errors.push(
                Diagnostic::at(
                    format!(
                        "index `{name}` has two extents: `{}` has length {} along axis {} but `{}` has length {} along axis {}",
                        first.tensor, first.len, first.axis, u.tensor, u.len, u.axis
                    ),
                    u.span,
                )
                .with_label(first.span, format!("length {} here", first.len))
                .with_note(format!("every axis that `{name}` subscripts must have the same length")),
            );
            break;
        }
    }
    if let Some(n) = dim
        && n != first.len
    {
        ok = false;
        errors.push(
            Diagnostic::at(
                format!(
                    "--dim {name}={n} disagrees with `{}`, whose axis {} has length {}",
                    first.tensor, first.axis, first.len
                ),
                first.span,
            )
            .with_note(format!(
                "drop --dim {name}, or give --dim {name}={}",
                first.len
            )),
        );
    }
    ok.then_some(IndexRange {
        start: 0,
        len: first.len,
    })
}

/// Evaluates a bound (numbers and parameters) to an integer.
fn integer_bound(
    e: &Expr,
    params: &[f64],
    consts: &[f64],
    index: &str,
    which: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let v = eval_const(e, params, consts);
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        return Some(v as i64);
    }
    let d = if v.is_nan() || (v.is_finite() && v.fract() != 0.0) {
        Diagnostic::at(
            format!("the {which} bound of `{index}` is {v}, not an integer"),
            e.span,
        )
        .with_note("bounds must evaluate to whole numbers")
    } else {
        Diagnostic::at(
            format!("the {which} bound of `{index}` is {v}, which is too large"),
            e.span,
        )
        .with_note(format!(
            "bounds must lie between -9e15 and 9e15, and a sum or product runs over at most \
             {MAX_ELEMENTS} values"
        ))
    };
    errors.push(d);
    None
}

/// Evaluates an expression of constants and parameters in f64.
fn eval_const(e: &Expr, params: &[f64], consts: &[f64]) -> f64 {
    use num_traits::ToPrimitive;
    match &e.kind {
        ExprKind::Const(r) => r.to_f64().unwrap_or(f64::NAN),
        ExprKind::Param(p) => params.get(p.index()).copied().unwrap_or(f64::NAN),
        ExprKind::Neg(a) => -eval_const(a, params, consts),
        ExprKind::Add(v) => v.iter().map(|x| eval_const(x, params, consts)).sum(),
        ExprKind::Mul(v) => v.iter().map(|x| eval_const(x, params, consts)).product(),
        ExprKind::Div(a, b) => eval_const(a, params, consts) / eval_const(b, params, consts),
        ExprKind::Pow(a, b) => eval_const(a, params, consts).powf(eval_const(b, params, consts)),
        ExprKind::Scalar(d) => consts.get(d.index()).copied().unwrap_or(f64::NAN),
        _ => f64::NAN,
    }
}

/// `N = 3` when a bound is a named parameter or definition, else `3`.
fn bound_text(program: &Program, e: &Expr, value: i64) -> String {
    match &e.kind {
        ExprKind::Param(p) => format!("{} = {value}", program.param(*p).name),
        ExprKind::Scalar(d) => format!("{} = {value}", program.def(*d).display_name(d.index())),
        _ => value.to_string(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `1 axis`, `2 axes`.
fn axes(n: usize) -> String {
    format!("{n} ax{}", if n == 1 { "is" } else { "es" })
}

fn sorted_unique(names: &[&str]) -> String {
    let mut v: Vec<&str> = names.to_vec();
    v.sort();
    v.dedup();
    if v.is_empty() {
        return "none".into();
    }
    v.iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
