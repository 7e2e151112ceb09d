//! `ricci._ricci`: the native half of the Python package `ricci`.
//!
//! In: program text, numpy arrays (already of the kernel's element type:
//! `ricci/__init__.py` converts), Python floats and ints. Out: numpy
//! arrays owned by Python, program text, or `ricci.RicciError` (a
//! `ValueError`) whose message is the rendered diagnostic with its caret.
//!
//! Always: input arrays are read in place through numpy's buffer (any
//! strides, no copy); the GIL is released while a kernel runs, so other
//! Python threads run meanwhile; kernels come from `ricci::compile`'s cache.

use ndarray::{ArrayD, ArrayViewD};
use numpy::{IntoPyArray, PyArrayDyn, PyArrayMethods, PyReadonlyArrayDyn};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use ricci::{DType, Errors, Options};
use std::sync::Arc;

pyo3::create_exception!(
    ricci,
    RicciError,
    PyValueError,
    "A bad program or bad data: the message is ricci's diagnostic, with a caret under the place."
);

/// `errors` rendered against `source` (named `name` in the message).
fn error(errors: &Errors, name: &str, source: &str) -> PyErr {
    let text = errors.render(name, source);
    RicciError::new_err(text.trim_end().to_string())
}

fn dtype_of(name: &str) -> PyResult<DType> {
    match name {
        "float64" => Ok(DType::F64),
        "float32" => Ok(DType::F32),
        other => Err(PyTypeError::new_err(format!(
            "ricci computes in float64 or float32, not {other}"
        ))),
    }
}

fn dtype_name(d: DType) -> &'static str {
    match d {
        DType::F64 => "float64",
        DType::F32 => "float32",
    }
}

/// A compiled program (the Python class `ricci.Kernel` wraps it).
#[pyclass(frozen, module = "ricci._ricci")]
struct NativeKernel {
    kernel: Arc<ricci::Kernel>,
    source: String,
}

/// Compiles `source` (or returns the cached kernel).
#[pyfunction]
#[pyo3(signature = (source, dtype, threads, as_written))]
fn compile(
    py: Python<'_>,
    source: &str,
    dtype: &str,
    threads: Option<usize>,
    as_written: bool,
) -> PyResult<NativeKernel> {
    let options = Options {
        dtype: dtype_of(dtype)?,
        as_written,
        threads,
    };
    if threads == Some(0) {
        return Err(PyValueError::new_err(
            "threads must be at least 1 (or None: all cores)",
        ));
    }
    let src = source.to_string();
    let kernel = py
        .detach(|| ricci::compile(&src, options))
        .map_err(|e| error(&e, "<program>", source))?;
    Ok(NativeKernel {
        kernel,
        source: src,
    })
}

/// Views of the arrays in `arrays` (a dict name -> ndarray of `T`).
fn views<'a, 'py, T: numpy::Element>(
    arrays: &'a [(String, PyReadonlyArrayDyn<'py, T>)],
) -> Vec<(&'a str, ArrayViewD<'a, T>)> {
    arrays
        .iter()
        .map(|(n, a)| (n.as_str(), a.as_array()))
        .collect()
}

fn borrow_all<'py, T: numpy::Element>(
    arrays: &Bound<'py, PyDict>,
    dtype: DType,
) -> PyResult<Vec<(String, PyReadonlyArrayDyn<'py, T>)>> {
    let mut out = Vec::with_capacity(arrays.len());
    for (k, v) in arrays.iter() {
        let name: String = k.extract()?;
        let a = v.cast::<PyArrayDyn<T>>().map_err(|_| {
            PyTypeError::new_err(format!(
                "`{name}` must be a numpy array of {}",
                dtype_name(dtype)
            ))
        })?;
        out.push((name, a.try_readonly()?));
    }
    Ok(out)
}

fn pairs<V: Copy>(items: &[(String, V)]) -> Vec<(&str, V)> {
    items.iter().map(|(n, v)| (n.as_str(), *v)).collect()
}

impl NativeKernel {
    fn run_typed<'py, T>(
        &self,
        py: Python<'py>,
        arrays: &Bound<'py, PyDict>,
        params: Vec<(String, f64)>,
        dims: Vec<(String, usize)>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>>
    where
        T: numpy::Element + ricci::jit::KernelElement + Send + Sync,
    {
        let borrowed = borrow_all::<T>(arrays, self.kernel.dtype())?;
        let inputs = views(&borrowed);
        let (params, dims) = (pairs(&params), pairs(&dims));
        let kernel = &self.kernel;
        let outs: Result<ricci::jit::Outputs<T>, Errors> =
            py.detach(|| kernel.run_views_dims(&inputs, &params, &dims));
        let outs = outs.map_err(|e| error(&e, "<program>", &self.source))?;
        Ok(outs
            .into_iter()
            .map(|a| a.into_pyarray(py).into_any())
            .collect())
    }
}

#[pymethods]
impl NativeKernel {
    /// The program text it was compiled from.
    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    #[getter]
    fn dtype(&self) -> &'static str {
        dtype_name(self.kernel.dtype())
    }

    /// `[(name, rank)]` of the tensors a call passes.
    fn inputs(&self) -> Vec<(String, usize)> {
        (self.kernel.inputs().into_iter())
            .map(|t| (t.name, t.rank))
            .collect()
    }

    /// The scalar parameters a call passes.
    fn params(&self) -> Vec<String> {
        self.kernel.params()
    }

    /// `[(name, rank)]` of what a call returns, in order.
    fn outputs(&self) -> Vec<(String, usize)> {
        (self.kernel.outputs().into_iter())
            .map(|t| (t.name, t.rank))
            .collect()
    }

    /// The loop IR, as `ricci eval --explain` prints it.
    fn explain(&self) -> String {
        self.kernel.explain()
    }

    /// Runs on `arrays` (name -> ndarray of the kernel's dtype), `params`
    /// (name -> float) and `dims` (index -> extent); one array per output.
    fn run<'py>(
        &self,
        py: Python<'py>,
        arrays: &Bound<'py, PyDict>,
        params: Vec<(String, f64)>,
        dims: Vec<(String, usize)>,
    ) -> PyResult<Bound<'py, PyList>> {
        let outs = match self.kernel.dtype() {
            DType::F64 => self.run_typed::<f64>(py, arrays, params, dims)?,
            DType::F32 => self.run_typed::<f32>(py, arrays, params, dims)?,
        };
        PyList::new(py, outs)
    }
}

fn einsum_typed<'py, T>(
    py: Python<'py>,
    subscripts: &str,
    operands: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyAny>>
where
    T: numpy::Element + ricci::jit::KernelElement + Into<f64> + Send + Sync,
{
    let mut borrowed = Vec::with_capacity(operands.len());
    for (k, v) in operands.iter().enumerate() {
        let a = v
            .cast::<PyArrayDyn<T>>()
            .map_err(|_| PyTypeError::new_err(format!("operand {k} has another dtype")))?;
        borrowed.push(a.try_readonly()?);
    }
    let views: Vec<ArrayViewD<'_, T>> = borrowed.iter().map(|a| a.as_array()).collect();
    let out = py
        .detach(|| ricci::einsum::run_views(subscripts, &views))
        .map_err(|e| error(&e, "<subscripts>", subscripts))?;
    Ok(out.into_pyarray(py).into_any())
}

/// `numpy.einsum(subscripts, *operands)` on operands of one dtype
/// ("float64" or "float32").
#[pyfunction]
fn einsum<'py>(
    py: Python<'py>,
    subscripts: &str,
    operands: &Bound<'py, PyList>,
    dtype: &str,
) -> PyResult<Bound<'py, PyAny>> {
    match dtype_of(dtype)? {
        DType::F64 => einsum_typed::<f64>(py, subscripts, operands),
        DType::F32 => einsum_typed::<f32>(py, subscripts, operands),
    }
}

/// The program, every statement simplified (its LaTeX with `latex`).
#[pyfunction]
fn simplify(source: &str, latex: bool) -> PyResult<String> {
    let p = ricci::SymProgram::parse(source).map_err(|e| error(&e, "<program>", source))?;
    Ok(if latex { p.latex() } else { p.text() })
}

/// The derivative of `of` (default: the last definition) with respect to
/// `wrt` (`"w[k]"`), after the forward definitions it reads.
#[pyfunction]
#[pyo3(signature = (source, wrt, of, latex))]
fn diff(source: &str, wrt: &str, of: Option<&str>, latex: bool) -> PyResult<String> {
    let fail = |e: Errors| error(&e, "<program>", source);
    let mut p = ricci::SymProgram::parse(source).map_err(fail)?;
    let d = p.diff(of, wrt).map_err(fail)?;
    Ok(if latex {
        p.program_latex(&[d])
    } else {
        p.program_text(&[d])
    })
}

/// The solvers' arguments: f64 tensors (copied), parameters, dims.
fn solver_args(
    arrays: &Bound<'_, PyDict>,
    params: Vec<(String, f64)>,
    dims: Vec<(String, usize)>,
) -> PyResult<ricci::Args> {
    let mut args = ricci::Args::new();
    for (name, a) in borrow_all::<f64>(arrays, DType::F64)? {
        args = args.tensor(&name, ricci::Tensor::F64(a.as_array().to_owned()));
    }
    for (n, v) in params {
        args = args.param(&n, v);
    }
    for (n, d) in dims {
        args = args.dim(&n, d);
    }
    Ok(args)
}

fn solve_failure(f: ricci::solve::Failure, source: &str) -> PyErr {
    let text = if f.text.is_empty() { source } else { &f.text };
    error(&f.errors, "<program>", text)
}

fn value<'py>(
    py: Python<'py>,
    v: &ricci::solve::Value,
    shape: &[usize],
) -> PyResult<Bound<'py, PyAny>> {
    let a = ArrayD::from_shape_vec(shape.to_vec(), v.to_f64())
        .map_err(|e| PyValueError::new_err(format!("internal error: {e}")))?;
    Ok(a.into_pyarray(py).into_any())
}

fn method<'py>(py: Python<'py>, m: &ricci::solve::Method) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    match m {
        ricci::solve::Method::ExactLinear => d.set_item("method", "exact")?,
        ricci::solve::Method::LuF64 => d.set_item("method", "lu")?,
        ricci::solve::Method::Newton {
            iterations,
            residual,
        } => {
            d.set_item("method", "newton")?;
            d.set_item("iterations", iterations)?;
            d.set_item("residual", residual)?;
        }
    }
    Ok(d)
}

/// Solves the program's last statement, an equation, for `unknown`:
/// `(value ndarray, info dict)`.
#[pyfunction]
fn solve<'py>(
    py: Python<'py>,
    source: &str,
    unknown: &str,
    arrays: &Bound<'py, PyDict>,
    params: Vec<(String, f64)>,
    dims: Vec<(String, usize)>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let args = solver_args(arrays, params, dims)?;
    let s = py
        .detach(|| ricci::solve::solve(source, unknown, &args))
        .map_err(|f| solve_failure(f, source))?;
    let info = method(py, &s.method)?;
    info.set_item("exact", matches!(s.value, ricci::solve::Value::Exact(_)))?;
    info.set_item("text", s.line().trim_end())?;
    Ok((value(py, &s.value, &s.shape)?, info))
}

/// Minimises the loss `of` (default: the last named definition) over the
/// unknowns `over`: `(point dict, loss ndarray, info dict)`.
#[pyfunction]
#[pyo3(signature = (source, over, of, arrays, params, dims))]
#[allow(clippy::type_complexity)]
fn minimize<'py>(
    py: Python<'py>,
    source: &str,
    over: Vec<String>,
    of: Option<&str>,
    arrays: &Bound<'py, PyDict>,
    params: Vec<(String, f64)>,
    dims: Vec<(String, usize)>,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let args = solver_args(arrays, params, dims)?;
    let m = py
        .detach(|| ricci::solve::minimize(source, &over, of, &args, &mut |_, _| {}))
        .map_err(|f| solve_failure(f, source))?;
    let point = PyDict::new(py);
    for (name, shape, v) in &m.point {
        point.set_item(name, value(py, v, shape)?)?;
    }
    let info = method(py, &m.method)?;
    info.set_item("kind", m.classification.word())?;
    info.set_item("gradient", &m.gradient_text)?;
    info.set_item("hessian", &m.hessian_text)?;
    info.set_item("loss_name", &m.of)?;
    info.set_item("report", m.report())?;
    Ok((point, value(py, &m.loss, &[])?, info))
}

#[pymodule]
fn _ricci(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("RicciError", m.py().get_type::<RicciError>())?;
    m.add_class::<NativeKernel>()?;
    m.add_function(wrap_pyfunction!(compile, m)?)?;
    m.add_function(wrap_pyfunction!(einsum, m)?)?;
    m.add_function(wrap_pyfunction!(simplify, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(solve, m)?)?;
    m.add_function(wrap_pyfunction!(minimize, m)?)?;
    Ok(())
}
