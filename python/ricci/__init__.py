"""ricci: compile tensor formulas written in index notation, call them on numpy arrays.

    >>> import numpy as np, ricci
    >>> k = ricci.compile("C[i,k] = sum_j A[i,j] B[j,k]")
    >>> k(A=np.eye(2), B=np.ones((2, 2)))
    array([[1., 1.],
           [1., 1.]])

A kernel is compiled once (cached by source and options), reads its input
arrays in place whatever their strides, releases the GIL while it runs, and
pickles by (source, options): unpickling recompiles it (or takes it from the
cache), so kernels travel to ``multiprocessing`` and dask workers.

Every bad program or bad call raises :class:`RicciError` (a ``ValueError``)
whose message is ricci's diagnostic, with a caret under the place.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import _ricci
from ._ricci import RicciError

__all__ = [
    "RicciError",
    "Kernel",
    "Minimum",
    "compile",
    "einsum",
    "diff",
    "simplify",
    "solve",
    "minimize",
]

_FLOAT64 = np.dtype(np.float64)
_FLOAT32 = np.dtype(np.float32)

# A child made by fork() inherits the parent's thread pool without its
# threads: kernels there run on one thread (README: "Python").
_forked = False


def _after_fork() -> None:
    global _forked
    _forked = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def _float_dtype(dtype: Any) -> np.dtype:
    d = np.dtype(dtype)
    if d not in (_FLOAT64, _FLOAT32):
        raise TypeError(f"ricci computes in float64 or float32, not {d}")
    return d


def _as_array(name: str, value: Any, dtype: np.dtype) -> np.ndarray:
    """`value` as an ndarray of `dtype`: the same array (no copy) when it
    already is one (any strides), else a converted copy."""
    if isinstance(value, np.ndarray) and value.dtype == dtype:
        return value
    a = np.asarray(value)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"`{name}` must hold real numbers, not {a.dtype}")
    return a.astype(dtype)


def _split(values: dict[str, Any], params: set[str], dtype: np.dtype):
    """Keyword values as (arrays, parameters): a name the program uses as a
    scalar parameter takes a number, every other name an array."""
    arrays: dict[str, np.ndarray] = {}
    scalars: list[tuple[str, float]] = []
    for name, v in values.items():
        if name in params:
            try:
                scalars.append((name, float(v)))
            except (TypeError, ValueError):
                raise TypeError(f"`{name}` is a scalar parameter: give a number") from None
        else:
            arrays[name] = _as_array(name, v, dtype)
    return arrays, scalars


def _dims(dims: dict[str, int] | None) -> list[tuple[str, int]]:
    out = []
    for name, n in (dims or {}).items():
        if isinstance(n, bool) or int(n) != n or n < 0:
            raise ValueError(f"dims[{name!r}] must be a non-negative integer, not {n!r}")
        out.append((name, int(n)))
    return out


def _scalar_or_array(a: np.ndarray):
    # As numpy does: a 0-d result is a numpy scalar.
    return a[()] if a.ndim == 0 else a


class Kernel:
    """A compiled program. Call it with keyword arrays: ``k(A=a, B=b)``.

    Returns the single output, or a dict ``{name: array}`` when the program
    defines several (a bare expression is named by its position, ``_2``
    for the second statement). Arrays of the kernel's dtype are read in
    place (transposed, sliced, negative strides: no copy); other numeric
    arrays are converted first. Scalar parameters take numbers.
    """

    __slots__ = ("_native", "_options", "_params", "_one_thread", "_lock")

    def __init__(self, source: str, dtype: Any = np.float64, threads: int | None = None,
                 as_written: bool = False):
        d = _float_dtype(dtype)
        if threads is not None and (isinstance(threads, bool) or int(threads) != threads):
            raise TypeError(f"threads must be an integer or None, not {threads!r}")
        self._options = (source, d.name, None if threads is None else int(threads),
                         bool(as_written))
        self._native = _ricci.compile(*self._options)
        self._params = set(self._native.params())
        self._one_thread = None
        self._lock = threading.Lock()

    # -- introspection -------------------------------------------------
    @property
    def source(self) -> str:
        """The program text."""
        return self._options[0]

    @property
    def dtype(self) -> np.dtype:
        """The element type it computes in."""
        return np.dtype(self._options[1])

    @property
    def threads(self) -> int | None:
        return self._options[2]

    @property
    def inputs(self) -> dict[str, int]:
        """The tensors a call passes: name -> rank."""
        return dict(self._native.inputs())

    @property
    def params(self) -> list[str]:
        """The scalar parameters a call passes."""
        return list(self._native.params())

    @property
    def outputs(self) -> dict[str, int]:
        """What a call returns: name -> rank, in order."""
        return dict(self._native.outputs())

    def explain(self) -> str:
        """The loop IR the kernel runs (``ricci eval --explain``)."""
        return self._native.explain()

    # -- calling ---------------------------------------------------------
    def _runner(self):
        if not _forked or self._options[2] == 1:
            return self._native
        with self._lock:
            if self._one_thread is None:
                source, dtype, _, as_written = self._options
                self._one_thread = _ricci.compile(source, dtype, 1, as_written)
            return self._one_thread

    def run(self, inputs: dict[str, Any] | None = None, dims: dict[str, int] | None = None):
        """Like calling the kernel, with the values in a dict and extents of
        indices no input fixes in ``dims`` (``--dim IDX=N``)."""
        arrays, scalars = _split(dict(inputs or {}), self._params, self.dtype)
        outs = self._runner().run(arrays, scalars, _dims(dims))
        names = list(self._native.outputs())
        if len(outs) == 1:
            return _scalar_or_array(outs[0])
        return {name: _scalar_or_array(a) for (name, _), a in zip(names, outs)}

    def __call__(self, **inputs: Any):
        return self.run(inputs)

    # -- pickling: by source and options ---------------------------------
    def __reduce__(self):
        return (_rebuild, self._options)

    def __repr__(self) -> str:
        source, dtype, threads, as_written = self._options
        extra = "" if threads is None else f", threads={threads}"
        extra += ", as_written=True" if as_written else ""
        return f"ricci.compile({source!r}, dtype=np.{dtype}{extra})"


def _rebuild(source: str, dtype: str, threads: int | None, as_written: bool) -> Kernel:
    return Kernel(source, dtype, threads, as_written)


def compile(source: str, dtype: Any = np.float64, threads: int | None = None,
            as_written: bool = False) -> Kernel:
    """Compiles a ricci program (cached by source and options).

    ``dtype``: float64 (default) or float32. ``threads``: at most this many
    threads per call (None: all cores). ``as_written``: run the program as
    written instead of what the symbolic engine leaves.
    """
    return Kernel(source, dtype, threads, as_written)


# -- einsum ---------------------------------------------------------------
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _sublist(labels) -> str:
    out = []
    for s in labels:
        if s is Ellipsis:
            out.append("...")
        elif isinstance(s, (int, np.integer)) and 0 <= s < len(_LETTERS):
            out.append(_LETTERS[s])
        else:
            raise ValueError(f"einsum: a subscript in a sublist must be an integer "
                             f"in [0, 52) or Ellipsis, not {s!r}")
    return "".join(out)


def _interleaved(args) -> tuple[str, list]:
    # einsum(op0, sublist0, op1, sublist1, ..., [sublistout])
    operands, subs = [], []
    args = list(args)
    while len(args) >= 2:
        operands.append(args.pop(0))
        subs.append(_sublist(args.pop(0)))
    text = ",".join(subs)
    if args:
        text += "->" + _sublist(args[0])
    return text, operands


def einsum(subscripts, *operands, out=None, dtype=None, order="K", casting="safe",
           optimize=False):
    """``numpy.einsum``, compiled: the same subscripts (explicit ``->``,
    implicit output, ``...``), the same result dtype.

    Floating inputs compute in float32 when numpy's result is float32 (or
    float16), else float64; integer and bool inputs compute in float64 and
    the result is cast to numpy's result dtype (exact while the values stay
    below 2**53). Complex operands raise TypeError. ``optimize`` and
    ``order`` are accepted and ignored (ricci plans contractions itself).
    """
    if not isinstance(subscripts, str):
        subscripts, operands = _interleaved((subscripts,) + operands)
    arrays = [np.asarray(op) for op in operands]
    for k, a in enumerate(arrays):
        if a.dtype.kind not in "biuf":
            raise TypeError(f"einsum: operand {k} is {a.dtype}; ricci computes with real numbers")
    result = np.dtype(dtype) if dtype is not None else (
        np.result_type(*arrays) if arrays else _FLOAT64)
    if dtype is not None:
        for k, a in enumerate(arrays):
            if not np.can_cast(a.dtype, result, casting=casting):
                raise TypeError(f"einsum: cannot cast operand {k} from {a.dtype} to {result} "
                                f"with casting={casting!r}")
    if result.kind not in "biuf":
        raise TypeError(f"einsum: ricci computes with real numbers, not {result}")
    compute = _FLOAT32 if result in (_FLOAT32, np.dtype(np.float16)) else _FLOAT64
    arrays = [a if a.dtype == compute else a.astype(compute) for a in arrays]
    r = _ricci.einsum(subscripts, arrays, compute.name)
    if r.dtype != result:
        r = r.astype(result)
    if out is not None:
        np.copyto(out, r, casting=casting)
        return out
    return _scalar_or_array(r)


# -- the symbolic engine -----------------------------------------------------
def simplify(source: str, latex: bool = False) -> str:
    """Every statement of the program simplified (as ``ricci simplify``)."""
    return _ricci.simplify(source, bool(latex))


def diff(source: str, wrt: str, of: str | None = None, latex: bool = False) -> str:
    """The derivative of ``of`` (default: the last definition) with respect
    to ``wrt`` (``"w[k]"``), after the forward definitions it reads, as
    ``ricci diff`` prints it; the text compiles with :func:`compile`."""
    return _ricci.diff(source, wrt, of, bool(latex))


def _solver_values(values: dict[str, Any]):
    arrays, scalars = {}, []
    for name, v in values.items():
        a = np.asarray(v)
        if a.ndim == 0:
            scalars.append((name, float(a)))
        else:
            arrays[name] = _as_array(name, a, _FLOAT64)
    return arrays, scalars


def solve(source: str, unknown: str, dims: dict[str, int] | None = None, **inputs: Any):
    """Solves the program's last statement, an equation, for ``unknown``
    (as ``ricci solve``): its value as a float64 array (a float for a
    scalar). Keyword values are the program's data (numbers: parameters)."""
    arrays, scalars = _solver_values(inputs)
    value, _info = _ricci.solve(source, unknown, arrays, scalars, _dims(dims))
    return _scalar_or_array(value)


@dataclass
class Minimum:
    """What :func:`minimize` found."""

    x: dict[str, Any]
    """Each unknown's value at the stationary point."""
    fun: float
    """The loss there."""
    kind: str
    """"minimum", "maximum", "saddle" or "degenerate" (from the Hessian)."""
    gradient: str
    """The simplified gradient definitions."""
    hessian: str
    """The simplified Hessian definitions."""
    method: str
    """"exact", "lu" or "newton"."""
    iterations: int | None = None
    report: str = field(default="", repr=False)
    """What ``ricci minimize`` prints."""


def minimize(source: str, over, of: str | None = None, dims: dict[str, int] | None = None,
             **inputs: Any) -> Minimum:
    """The stationary point of the loss ``of`` (default: the last named
    definition) over the unknowns ``over`` (a name or a list of names), as
    ``ricci minimize``: exact for a quadratic loss, else damped Newton."""
    names = [over] if isinstance(over, str) else list(over)
    arrays, scalars = _solver_values(inputs)
    point, loss, info = _ricci.minimize(source, names, of, arrays, scalars, _dims(dims))
    return Minimum(
        x={k: _scalar_or_array(v) for k, v in point.items()},
        fun=float(loss),
        kind=info["kind"],
        gradient=info["gradient"],
        hessian=info["hessian"],
        method=info["method"],
        iterations=info.get("iterations"),
        report=info["report"],
    )
