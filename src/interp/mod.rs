//! The reference interpreter: the oracle that the simplifier and the JIT are
//! checked against. Written to be obviously correct, not fast.
//!
//! In: a checked [`Program`] and the [`Args`] of one call. Out: one value per
//! `program.defs` entry, in order (a scalar definition gives a 0-d tensor),
//! with the element type of the call's tensors; or every argument error.
//!
//! Always:
//! - arguments are checked first ([`check_args`]), then bound
//!   ([`crate::sema::bind()`]), then each definition is evaluated point by point
//!   by plain recursion over its body;
//! - arithmetic is done in the element type of the call (`f64` or `f32`), so
//!   an `f32` result is what `f32` arithmetic gives;
//! - sums add their terms in index order starting from 0, products multiply
//!   in index order starting from 1, each with one accumulator; an empty
//!   range gives 0 or 1 (compiled code may add in another order: lanes,
//!   blocks, threads; tests compare it within the bound of
//!   docs/numbers.md);
//! - sums and products of terms fold left to right from the first term;
//!   `max`/`min` are IEEE maximum/minimum (NaN when either is NaN, +0 over
//!   -0); `sign` is -1, +0 or 1 (NaN for NaN); `x^2` is `x x`, other powers
//!   `powf` (so `(-2)^3` is -8 and `2^-1` is 0.5);
//! - nothing panics: a broken invariant of the checked or bound program
//!   becomes an "internal error" diagnostic.

#[cfg(test)]
mod tests;

use crate::diagnostics::{Diagnostic, Errors, Span};
use crate::runtime::args::Args;
use crate::runtime::values::{DType, Tensor};
use crate::sema::{Bound, DefId, Expr, ExprKind, IndexId, IndexRange, Program, TensorRef};
use crate::syntax::token::{Func, ReduceKind};
use ndarray::{ArrayD, IxDyn};
use num_traits::{Float, ToPrimitive};

/// Every problem with `args` for `program` that binding does not report:
/// names the program does not take ([`crate::sema::check_names`]), then
/// tensors of mixed element types.
pub fn check_args(program: &Program, args: &Args) -> Vec<Diagnostic> {
    let mut errors = crate::sema::check_names(program, &args.env());
    if let Err(Errors(ds)) = args.dtype() {
        errors.extend(ds);
    }
    errors
}

/// Evaluates what the symbolic engine leaves of `program` (as `eval` and
/// compiled kernels run it by default: deltas contracted, constants
/// folded, `log(prod)` as a sum of logs); one value per definition of
/// `program`.
pub fn eval_simplified(program: &Program, args: &Args) -> Result<Vec<Tensor>, Errors> {
    let (raised, new_id) = crate::sym::lower_and_raise(program)?;
    let values = eval_as_written(&raised, Some(program), args)?;
    Ok(new_id[..program.defs.len()]
        .iter()
        .filter_map(|d| d.and_then(|d| values.get(d.index()).cloned()))
        .collect())
}

/// Evaluates every definition in order, as written (the reference
/// semantics; `diff(...)` is carried out by the symbolic engine); one value
/// per definition.
pub fn eval(program: &Program, args: &Args) -> Result<Vec<Tensor>, Errors> {
    if !diff_errors(program).is_empty() {
        // The symbolic engine replaces each `diff(...)` by its derivative
        // (adding the adjoint definitions it shares); evaluate that, and
        // keep the values of the program's own definitions.
        let (raised, new_id) = crate::sym::lower_and_raise(program)?;
        let values = eval_as_written(&raised, Some(program), args)?;
        return Ok(new_id[..program.defs.len()]
            .iter()
            .filter_map(|d| d.and_then(|d| values.get(d.index()).cloned()))
            .collect());
    }
    eval_as_written(program, None, args)
}

/// Evaluates `program` (no `diff`), binding it after `written`, the
/// program as written when the two differ ([`crate::sema::bind_as_written`]).
fn eval_as_written(
    program: &Program,
    written: Option<&Program>,
    args: &Args,
) -> Result<Vec<Tensor>, Errors> {
    // Every problem with the call at once: binding reports missing inputs
    // and parameters, wrong ranks and extents; `check_args` what it cannot.
    let bound = crate::sema::bind_as_written(written, program, &args.env());
    let mut errors = match &bound {
        Err(Errors(ds)) => ds.clone(),
        Ok(_) => Vec::new(),
    };
    errors.extend(check_args(program, args));
    match bound {
        Ok(bound) if errors.is_empty() => {
            let elem = args.dtype().map_or(8, |d| d.size());
            crate::sema::budget::check(program, &bound, elem, &args.limits())?;
            eval_bound(program, args, &bound)
        }
        _ => Err(Errors(errors)),
    }
}

/// Evaluates every definition with extents already bound. `args` must have
/// passed [`check_args`] and `bound` must come from binding `program` to
/// `args`; a violation gives an internal error, never a panic or a wrong
/// read.
pub(crate) fn eval_bound(
    program: &Program,
    args: &Args,
    bound: &Bound,
) -> Result<Vec<Tensor>, Errors> {
    let diffs = diff_errors(program);
    if !diffs.is_empty() {
        return Err(Errors(diffs));
    }
    let dtype = args.dtype()?;
    // Evaluation recurses once per nesting level of the checked program
    // (at most `sema::MAX_CHECKED_DEPTH`); give it a stack that is ample
    // for that whatever thread the caller is on.
    crate::stack::on_big_stack("interpreter", || match dtype {
        DType::F64 => run::<f64>(program, args, bound),
        DType::F32 => run::<f32>(program, args, bound),
    })
}

/// One error per outermost `diff` in the program: the interpreter proper
/// never sees `diff` (its presence also tells [`eval`] to lower first).
fn diff_errors(program: &Program) -> Vec<Diagnostic> {
    fn find(e: &Expr, out: &mut Vec<Span>) {
        if let ExprKind::Diff { .. } = e.kind {
            out.push(e.span);
            return;
        }
        for c in e.children() {
            find(c, out);
        }
    }
    let mut spans = Vec::new();
    for def in &program.defs {
        find(&def.body, &mut spans);
    }
    spans
        .into_iter()
        .map(|span| {
            Diagnostic::at(
                "internal error: diff(...) reached the interpreter; `eval` lowers it first",
                span,
            )
        })
        .collect()
}

/// An element type the interpreter computes in.
trait Element: Float + crate::runtime::alloc::ZeroBits {
    /// The array inside `t`, if `t` has this element type.
    fn view(t: &Tensor) -> Option<&ArrayD<Self>>;
    fn wrap(a: ArrayD<Self>) -> Tensor;
}

impl Element for f64 {
    fn view(t: &Tensor) -> Option<&ArrayD<f64>> {
        match t {
            Tensor::F64(a) => Some(a),
            Tensor::F32(_) => None,
        }
    }
    fn wrap(a: ArrayD<f64>) -> Tensor {
        Tensor::F64(a)
    }
}

impl Element for f32 {
    fn view(t: &Tensor) -> Option<&ArrayD<f32>> {
        match t {
            Tensor::F32(a) => Some(a),
            Tensor::F64(_) => None,
        }
    }
    fn wrap(a: ArrayD<f32>) -> Tensor {
        Tensor::F32(a)
    }
}

fn internal(message: impl std::fmt::Display, span: Span) -> Diagnostic {
    Diagnostic::at(
        format!("internal error in the reference interpreter: {message}"),
        span,
    )
    .with_note("this is a bug in ricci, not in the program; please report it with the program and its inputs")
}

/// `x` (an `f64`) in the element type: rounded to nearest for `f32`.
fn from_f64<T: Element>(x: f64) -> T {
    // Float-to-float casts never fail in num-traits (they saturate to ±inf);
    // NaN is the honest answer if that ever changed.
    T::from(x).unwrap_or_else(T::nan)
}

fn run<T: Element>(program: &Program, args: &Args, bound: &Bound) -> Result<Vec<Tensor>, Errors> {
    let mut inputs = Vec::with_capacity(program.inputs.len());
    // Tensor literals: the program gives their values.
    let literals: Vec<Option<Tensor>> = program
        .inputs
        .iter()
        .map(|i| {
            let dtype = T::wrap(ndarray::ArrayD::zeros(vec![0])).dtype();
            i.literal
                .as_ref()
                .map(|l| crate::runtime::values::literal_tensor(l, dtype))
        })
        .collect();
    for (input, literal) in program.inputs.iter().zip(&literals) {
        let array = literal
            .as_ref()
            .or_else(|| args.tensors.get(&input.name))
            .and_then(T::view)
            .ok_or_else(|| {
                internal(
                    format!(
                        "input `{}` is missing or of another element type",
                        input.name
                    ),
                    input.span,
                )
            })?;
        inputs.push(array);
    }
    if bound.params.len() != program.params.len() {
        return Err(Errors::one(Diagnostic::error(format!(
            "internal error in the reference interpreter: {} parameter values bound for {} \
             parameters",
            bound.params.len(),
            program.params.len()
        ))));
    }
    let mut ev = Evaluator {
        program,
        bound,
        inputs,
        defs: Vec::with_capacity(program.defs.len()),
        params: bound.params.iter().map(|&p| from_f64(p)).collect(),
        env: vec![None; program.indices.len()],
    };
    for (d, def) in program.defs.iter().enumerate() {
        let value = ev.eval_def(DefId(d as u32), &def.axes, &def.body, def.span)?;
        ev.defs.push(value);
    }
    Ok(ev.defs.into_iter().map(T::wrap).collect())
}

struct Evaluator<'a, T> {
    program: &'a Program,
    bound: &'a Bound,
    /// Per `InputId`.
    inputs: Vec<&'a ArrayD<T>>,
    /// The values of the definitions evaluated so far, per `DefId`.
    defs: Vec<ArrayD<T>>,
    /// Per `ParamId`, in the element type.
    params: Vec<T>,
    /// Per `IndexId`: its value at the current point, `None` when out of
    /// scope.
    env: Vec<Option<i64>>,
}

impl<T: Element> Evaluator<'_, T> {
    fn range(&self, i: IndexId, span: Span) -> Result<IndexRange, Diagnostic> {
        self.bound
            .ranges
            .get(i.index())
            .copied()
            .ok_or_else(|| internal(format!("index {} has no bound range", i.0), span))
    }

    fn set(&mut self, i: IndexId, value: Option<i64>, span: Span) -> Result<(), Diagnostic> {
        let slot = self
            .env
            .get_mut(i.index())
            .ok_or_else(|| internal(format!("index {} is not declared", i.0), span))?;
        *slot = value;
        Ok(())
    }

    fn get(&self, i: IndexId, span: Span) -> Result<i64, Diagnostic> {
        match self.env.get(i.index()) {
            Some(Some(v)) => Ok(*v),
            _ => {
                let name = self.program.indices.get(i.index()).map(|v| v.name.as_str());
                Err(internal(
                    format!("index `{}` is used out of scope", name.unwrap_or("?")),
                    span,
                ))
            }
        }
    }

    /// The array of definition `d`: one element per point of its axes, the
    /// element at position `p` holding the body's value where each axis
    /// index equals `range.start + p`.
    fn eval_def(
        &mut self,
        d: DefId,
        axes: &[IndexId],
        body: &Expr,
        span: Span,
    ) -> Result<ArrayD<T>, Diagnostic> {
        let shape = self
            .bound
            .def_shapes
            .get(d.index())
            .ok_or_else(|| internal("no shape bound for this definition", span))?;
        if shape.len() != axes.len() {
            return Err(internal(
                format!("shape {shape:?} bound for {} axes", axes.len()),
                span,
            ));
        }
        let mut ranges = Vec::with_capacity(axes.len());
        for (&axis, &len) in axes.iter().zip(shape) {
            let r = self.range(axis, span)?;
            if r.len != len {
                return Err(internal(
                    format!("axis of length {len} but its index ranges over {}", r.len),
                    span,
                ));
            }
            ranges.push(r);
        }
        let mut out = crate::runtime::alloc::try_zeros::<T>(
            shape,
            &self
                .program
                .defs
                .get(d.index())
                .map_or_else(|| "a definition".into(), crate::sema::budget::describe),
        )?;
        for (pos, slot) in out.indexed_iter_mut() {
            for (p, (&axis, r)) in axes.iter().zip(&ranges).enumerate() {
                let offset = i64::try_from(pos[p]).map_err(|_| internal("huge axis", span))?;
                self.set(axis, Some(r.start + offset), span)?;
            }
            *slot = self.eval(body)?;
        }
        for &axis in axes {
            self.set(axis, None, span)?;
        }
        Ok(out)
    }

    fn eval(&mut self, e: &Expr) -> Result<T, Diagnostic> {
        let span = e.span;
        Ok(match &e.kind {
            ExprKind::Const(r) => {
                let x = r
                    .to_f64()
                    .ok_or_else(|| internal("constant has no f64 value", span))?;
                from_f64(x)
            }
            ExprKind::Param(p) => *self
                .params
                .get(p.index())
                .ok_or_else(|| internal("parameter without a value", span))?,
            ExprKind::Scalar(d) => {
                let a = self
                    .defs
                    .get(d.index())
                    .ok_or_else(|| internal("scalar read before it is defined", span))?;
                *a.get(IxDyn(&[]))
                    .ok_or_else(|| internal("scalar definition is not 0-d", span))?
            }
            ExprKind::Index(i) => {
                let v = self.get(*i, span)?;
                T::from(v).ok_or_else(|| internal("index value not representable", span))?
            }
            ExprKind::Elem(t, idxs) => self.elem(*t, idxs, span)?,
            ExprKind::Delta(a, b) => {
                if self.get(*a, span)? == self.get(*b, span)? {
                    T::one()
                } else {
                    T::zero()
                }
            }
            ExprKind::Neg(a) => -self.eval(a)?,
            // Left to right from the first operand (not from 0: `-0 + -0`
            // is -0, `0 + -0` would be +0).
            ExprKind::Add(terms) => {
                let mut acc: Option<T> = None;
                for t in terms {
                    let x = self.eval(t)?;
                    acc = Some(acc.map_or(x, |a| a + x));
                }
                acc.unwrap_or_else(T::zero)
            }
            ExprKind::Mul(factors) => {
                let mut acc: Option<T> = None;
                for f in factors {
                    let x = self.eval(f)?;
                    acc = Some(acc.map_or(x, |a| a * x));
                }
                acc.unwrap_or_else(T::one)
            }
            ExprKind::Div(a, b) => self.eval(a)? / self.eval(b)?,
            // `x^2` is `x x` (correctly rounded; libm's powf is not always).
            ExprKind::Pow(a, b) if crate::loops::is_square(b) => {
                let x = self.eval(a)?;
                x * x
            }
            ExprKind::Pow(a, b) => self.eval(a)?.powf(self.eval(b)?),
            ExprKind::Call(f, args) => self.call(*f, args, span)?,
            ExprKind::Reduce { kind, index, body } => {
                let range = self.range(*index, span)?;
                let init = match kind {
                    ReduceKind::Sum => T::zero(),
                    ReduceKind::Prod => T::one(),
                };
                let op = |a: T, x: T| match kind {
                    ReduceKind::Sum => a + x,
                    ReduceKind::Prod => a * x,
                };
                // In index order, one accumulator: the plain meaning of the
                // program as written (compiled code may reorder, within the
                // bound docs/numbers.md gives).
                let mut acc = init;
                for v in range.iter() {
                    self.set(*index, Some(v), span)?;
                    let x = self.eval(body)?;
                    acc = op(acc, x);
                }
                self.set(*index, None, span)?;
                acc
            }
            ExprKind::Diff { .. } => {
                return Err(Diagnostic::at(
                    "diff(...) is evaluated by the symbolic engine, which is not built yet",
                    span,
                ));
            }
        })
    }

    fn elem(&mut self, t: TensorRef, idxs: &[IndexId], span: Span) -> Result<T, Diagnostic> {
        let name = || {
            let ok = match t {
                TensorRef::Input(i) => i.index() < self.program.inputs.len(),
                TensorRef::Def(d) => d.index() < self.program.defs.len(),
            };
            if ok {
                self.program.tensor_name(t)
            } else {
                "?".to_string()
            }
        };
        let mut at = Vec::with_capacity(idxs.len());
        for (axis, &i) in idxs.iter().enumerate() {
            let v = self.get(i, span)?;
            // An input's subscripts are 0-based positions. A definition's
            // element at position p holds the value for index value
            // `start + p` of that axis (bind makes every start 0).
            let start = match t {
                TensorRef::Input(_) => 0,
                TensorRef::Def(d) => {
                    let axes = &self
                        .program
                        .defs
                        .get(d.index())
                        .ok_or_else(|| internal("read of an unknown definition", span))?
                        .axes;
                    let a = *axes.get(axis).ok_or_else(|| {
                        internal(format!("too many subscripts for `{}`", name()), span)
                    })?;
                    self.range(a, span)?.start
                }
            };
            let p = usize::try_from(v - start).map_err(|_| {
                internal(
                    format!("subscript {v} before the start of `{}`", name()),
                    span,
                )
            })?;
            at.push(p);
        }
        let array: &ArrayD<T> = match t {
            TensorRef::Input(i) => self.inputs.get(i.index()).copied(),
            TensorRef::Def(d) => self.defs.get(d.index()),
        }
        .ok_or_else(|| internal(format!("`{}` read before it has a value", name()), span))?;
        array.get(IxDyn(&at)).copied().ok_or_else(|| {
            internal(
                format!(
                    "read of `{}` at {at:?} outside its shape {:?}",
                    name(),
                    array.shape()
                ),
                span,
            )
        })
    }

    fn call(&mut self, f: Func, args: &[Expr], span: Span) -> Result<T, Diagnostic> {
        let mut xs = Vec::with_capacity(args.len());
        for a in args {
            xs.push(self.eval(a)?);
        }
        f.eval(&xs).ok_or_else(|| {
            internal(
                format!("{} called with {} arguments", f.name(), xs.len()),
                span,
            )
        })
    }
}
