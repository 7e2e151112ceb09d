from dataclasses import dataclass
from typing import Any, Iterable, overload

import numpy as np
import numpy.typing as npt

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

_DType = type[np.float64] | type[np.float32] | np.dtype[Any] | str
_Result = np.ndarray[Any, np.dtype[Any]] | np.floating[Any]

class RicciError(ValueError):
    """A bad program or bad data; the message is the rendered diagnostic."""

class Kernel:
    def __init__(
        self,
        source: str,
        dtype: _DType = ...,
        threads: int | None = ...,
        as_written: bool = ...,
    ) -> None: ...
    @property
    def source(self) -> str: ...
    @property
    def dtype(self) -> np.dtype[Any]: ...
    @property
    def threads(self) -> int | None: ...
    @property
    def inputs(self) -> dict[str, int]: ...
    @property
    def params(self) -> list[str]: ...
    @property
    def outputs(self) -> dict[str, int]: ...
    def explain(self) -> str: ...
    def run(
        self,
        inputs: dict[str, npt.ArrayLike | float] | None = ...,
        dims: dict[str, int] | None = ...,
    ) -> _Result | dict[str, _Result]: ...
    def __call__(self, **inputs: npt.ArrayLike | float) -> _Result | dict[str, _Result]: ...

def compile(
    source: str,
    dtype: _DType = ...,
    threads: int | None = ...,
    as_written: bool = ...,
) -> Kernel: ...
@overload
def einsum(
    subscripts: str,
    *operands: npt.ArrayLike,
    out: np.ndarray[Any, Any] | None = ...,
    dtype: _DType | None = ...,
    order: str = ...,
    casting: str = ...,
    optimize: Any = ...,
) -> Any: ...
@overload
def einsum(
    operand: npt.ArrayLike,
    sublist: Iterable[Any],
    *rest: Any,
    out: np.ndarray[Any, Any] | None = ...,
    dtype: _DType | None = ...,
    order: str = ...,
    casting: str = ...,
    optimize: Any = ...,
) -> Any: ...
def simplify(source: str, latex: bool = ...) -> str: ...
def diff(source: str, wrt: str, of: str | None = ..., latex: bool = ...) -> str: ...
def solve(
    source: str,
    unknown: str,
    dims: dict[str, int] | None = ...,
    **inputs: npt.ArrayLike | float,
) -> Any: ...
@dataclass
class Minimum:
    x: dict[str, Any]
    fun: float
    kind: str
    gradient: str
    hessian: str
    method: str
    iterations: int | None = ...
    report: str = ...

def minimize(
    source: str,
    over: str | Iterable[str],
    of: str | None = ...,
    dims: dict[str, int] | None = ...,
    **inputs: npt.ArrayLike | float,
) -> Minimum: ...
