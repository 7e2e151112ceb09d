"""The Python package against numpy: kernels, einsum, errors, the symbolic
engine and the solvers."""

import threading

import numpy as np
import pytest

import ricci

rng = np.random.default_rng(20261130)


def close(a, b, dtype=np.float64):
    tol = 1e-12 if np.dtype(dtype) == np.float64 else 1e-5
    np.testing.assert_allclose(a, b, rtol=tol, atol=tol)


# -- kernels -------------------------------------------------------------------
def test_matmul_matches_numpy():
    k = ricci.compile("C[i,k] = sum_j A[i,j] B[j,k]")
    a, b = rng.standard_normal((37, 19)), rng.standard_normal((19, 23))
    c = k(A=a, B=b)
    assert isinstance(c, np.ndarray) and c.dtype == np.float64 and c.shape == (37, 23)
    close(c, a @ b)


def test_strided_inputs_are_read_in_place():
    k = ricci.compile("C[i,k] = sum_j A[i,j] B[j,k]")
    base = rng.standard_normal((40, 60))
    a = base[::2, 5:35]          # sliced: strides (960, 8)
    b = base.T[10:40, ::-3]      # transposed, negative stride
    assert not a.flags.c_contiguous and not b.flags.c_contiguous
    close(k(A=a, B=b), a @ b)
    # Transposed and Fortran order.
    f = np.asfortranarray(rng.standard_normal((30, 30)))
    close(k(A=f, B=f.T), f @ f.T)
    # A broadcast view (zero strides) and an empty one.
    z = np.broadcast_to(np.arange(3.0), (4, 3))
    close(k(A=z, B=np.ones((3, 2))), z @ np.ones((3, 2)))
    close(k(A=np.ones((0, 3)), B=np.ones((3, 2))), np.ones((0, 2)))


def test_float32_kernel():
    k = ricci.compile("C[i,k] = A[i,j] B[j,k]", dtype=np.float32)
    assert k.dtype == np.float32
    a = rng.standard_normal((16, 8)).astype(np.float32)
    b = rng.standard_normal((8, 4)).astype(np.float32)
    c = k(A=a, B=b)
    assert c.dtype == np.float32
    close(c, a @ b, np.float32)
    # Other numeric inputs are converted to the kernel's dtype.
    close(k(A=a.astype(np.float64), B=b.astype(np.int64) * 0 + 1), a @ np.ones((8, 4)),
          np.float32)


def test_several_outputs_and_parameters():
    k = ricci.compile("y[i] = sum_j X[i,j] w[j] + b; L = sum_i (y[i] - t[i])^2")
    assert k.inputs == {"X": 2, "w": 1, "t": 1}
    assert k.params == ["b"]
    assert k.outputs == {"y": 1, "L": 0}
    x, w, t = rng.standard_normal((10, 3)), rng.standard_normal(3), rng.standard_normal(10)
    out = k(X=x, w=w, t=t, b=0.5)
    assert set(out) == {"y", "L"}
    close(out["y"], x @ w + 0.5)
    close(out["L"], np.sum((x @ w + 0.5 - t) ** 2))
    assert isinstance(out["L"], np.float64)


def test_scalar_output_and_dims():
    assert ricci.compile("sum_{i=0}^{5} i^2")() == 55.0
    k = ricci.compile("s = sum_i x[i]")
    assert k(x=np.arange(5.0)) == 10.0
    kd = ricci.compile("D[i,j] = delta[i,j]")
    close(kd.run(dims={"i": 3, "j": 3}), np.eye(3))


def test_derivative_compiles():
    src = "L = sum_i (y[i] - sum_j X[i,j] w[j])^2"
    g = ricci.diff(src, wrt="w[k]")
    assert g == "dL_dw[k] = -2 sum_i X[i,k] (y[i] - sum_j X[i,j] w[j])\n"
    x, y, w = rng.standard_normal((20, 4)), rng.standard_normal(20), rng.standard_normal(4)
    close(ricci.compile(g)(X=x, y=y, w=w), -2 * x.T @ (y - x @ w))
    # The same through diff() inside the program.
    k = ricci.compile(src + "; G[k] = diff(L, w[k])")
    close(k(X=x, y=y, w=w)["G"], -2 * x.T @ (y - x @ w))


def test_threads_option_gives_the_same_bits():
    a, b = rng.standard_normal((200, 150)), rng.standard_normal((150, 170))
    one = ricci.compile("C[i,k] = A[i,j] B[j,k]", threads=1)(A=a, B=b)
    two = ricci.compile("C[i,k] = A[i,j] B[j,k]", threads=2)(A=a, B=b)
    assert np.array_equal(one, two)


def test_gil_is_released_while_running():
    # Two Python threads calling one kernel at once both finish with the
    # right values (the kernel is Send + Sync; the GIL is dropped inside).
    k = ricci.compile("C[i,k] = A[i,j] B[j,k]", threads=1)
    a = rng.standard_normal((300, 300))
    results = [None, None]

    def work(n):
        for _ in range(3):
            results[n] = k(A=a, B=a)

    ts = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    close(results[0], a @ a)
    close(results[1], a @ a)


# -- einsum --------------------------------------------------------------------
EINSUM = [
    ("ij,jk->ik", [(3, 4), (4, 5)]),
    ("ij,jk", [(3, 4), (4, 5)]),
    ("ii", [(4, 4)]),
    ("ii->i", [(4, 4)]),
    ("ij->ji", [(2, 3)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("...ij,...jk", [(2, 3, 4), (4, 5)]),
    ("i,i", [(7,), (7,)]),
    ("i,j->ij", [(3,), (4,)]),
    ("abc,cd->abd", [(2, 3, 4), (4, 5)]),
    (" i j , j k -> i k ", [(3, 4), (4, 5)]),
    ("ij,ij->", [(3, 3), (3, 3)]),
]


@pytest.mark.parametrize("subs,shapes", EINSUM)
def test_einsum_matches_numpy(subs, shapes):
    ops = [rng.standard_normal(s) for s in shapes]
    want = np.einsum(subs, *ops)
    got = ricci.einsum(subs, *ops)
    assert np.shape(got) == np.shape(want)
    assert np.asarray(got).dtype == np.asarray(want).dtype
    close(got, want)


def test_einsum_promotes_as_numpy():
    a32 = rng.standard_normal((3, 4)).astype(np.float32)
    b64 = rng.standard_normal((4, 2))
    i64 = np.arange(8).reshape(4, 2)
    for ops in ([a32, b64], [a32, a32.T.copy()], [a32, i64], [b64.T.copy(), i64]):
        want = np.einsum("ij,jk->ik", *ops)
        got = ricci.einsum("ij,jk->ik", *ops)
        assert got.dtype == want.dtype, (got.dtype, want.dtype)
        close(got, want, got.dtype)
    ints = np.arange(12).reshape(3, 4)
    got = ricci.einsum("ij,jk", ints, ints.T)
    assert got.dtype == ints.dtype
    assert np.array_equal(got, np.einsum("ij,jk", ints, ints.T))


def test_einsum_sublist_out_and_scalars():
    a, b = rng.standard_normal((3, 4)), rng.standard_normal((4, 5))
    close(ricci.einsum(a, [0, 1], b, [1, 2], [0, 2]), a @ b)
    out = np.empty((3, 5))
    assert ricci.einsum("ij,jk->ik", a, b, out=out) is out
    close(out, a @ b)
    assert isinstance(ricci.einsum("i,i", a[0], a[0]), np.float64)


def test_einsum_strided_and_broadcast():
    base = rng.standard_normal((8, 9))
    a = base[::2, ::-1]
    close(ricci.einsum("ij,kj->ik", a, a), np.einsum("ij,kj->ik", a, a))
    x, y = rng.standard_normal((1, 4)), rng.standard_normal((3, 4))
    close(ricci.einsum("ij,ij->ij", x, y), np.einsum("ij,ij->ij", x, y))


# -- errors --------------------------------------------------------------------
def test_program_error_has_caret():
    with pytest.raises(ricci.RicciError) as e:
        ricci.compile("C[i] = A[i,j] +")
    msg = str(e.value)
    assert isinstance(e.value, ValueError)
    assert msg.startswith("error:")
    assert "^" in msg and "<program>:1:" in msg


def test_call_errors():
    k = ricci.compile("C[i,k] = A[i,j] B[j,k]")
    with pytest.raises(ricci.RicciError) as e:
        k(A=np.ones((2, 3)), B=np.ones((4, 2)))
    assert "^" in str(e.value)  # points into the program
    with pytest.raises(ricci.RicciError, match="`B`"):
        k(A=np.ones((2, 3)))
    with pytest.raises(ricci.RicciError, match="no input tensor named `Z`"):
        k(A=np.ones((2, 2)), B=np.ones((2, 2)), Z=np.ones(2))
    with pytest.raises(TypeError):
        k(A=np.ones((2, 2), dtype=complex), B=np.ones((2, 2)))
    with pytest.raises(TypeError):
        ricci.compile("x = 1", dtype=np.int32)


def test_einsum_error_points_into_subscripts():
    with pytest.raises(ricci.RicciError) as e:
        ricci.einsum("ij,jk->iq", np.ones((2, 2)), np.ones((2, 2)))
    assert "<subscripts>" in str(e.value) and "^" in str(e.value)


# -- the symbolic engine and the solvers --------------------------------------
def test_simplify():
    assert ricci.simplify("s = sum_{i=1}^{N} b; p = prod_{i=1}^{N} b") == "s = N b\np = b^N\n"
    assert ricci.diff("L = sum_i x[i]^2", wrt="x[k]", latex=True).startswith("\\mathrm{dL\\_dx}")
    assert ricci.diff("L = sum_i x[i]^2", wrt="x[k]") == "dL_dx[k] = 2 x[k]\n"


def test_solve():
    x = ricci.solve("A = [[1,2],[3,4]]; b = [5,6]; sum_j A[i,j] x[j] = b[i]", "x")
    close(x, [-4.0, 4.5])
    a = rng.standard_normal((4, 4)) + 4 * np.eye(4)
    b = rng.standard_normal(4)
    close(ricci.solve("sum_j A[i,j] x[j] = b[i]", "x", A=a, b=b), np.linalg.solve(a, b))


def test_minimize():
    m = ricci.minimize("L = 4a^2 + 2a + 1", "a")
    assert m.x == {"a": -0.25} and m.fun == 0.75 and m.kind == "minimum"
    assert m.gradient == "dL_da = 8 a + 2\n"
    x, y = rng.standard_normal((30, 3)), rng.standard_normal(30)
    m = ricci.minimize("L = sum_i (y[i] - sum_j X[i,j] w[j])^2", over=["w"], X=x, y=y)
    close(m.x["w"], np.linalg.lstsq(x, y, rcond=None)[0])
