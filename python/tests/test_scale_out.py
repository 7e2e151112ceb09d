"""Kernels leave the process: pickling, multiprocessing and dask.

A kernel pickles as (source, options); unpickling compiles it again, or
takes it from the cache of the process that unpickles it.
"""

import multiprocessing as mp
import pickle

import numpy as np
import pytest

import ricci

SRC = "C[i,k] = sum_j A[i,j] B[j,k]"
B = np.arange(12.0).reshape(4, 3) / 7


def apply_kernel(args):
    kernel, a = args
    return kernel(A=a, B=B)


def test_pickle_round_trip():
    k = ricci.compile(SRC, dtype=np.float32, threads=1)
    k2 = pickle.loads(pickle.dumps(k))
    assert isinstance(k2, ricci.Kernel)
    assert (k2.source, k2.dtype, k2.threads) == (SRC, np.float32, 1)
    a = np.ones((2, 4), dtype=np.float32)
    assert np.array_equal(k2(A=a, B=B.astype(np.float32)), k(A=a, B=B.astype(np.float32)))
    # The error type pickles too (a worker's failure reaches the caller).
    e = pickle.loads(pickle.dumps(ricci.RicciError("error: x")))
    assert isinstance(e, ricci.RicciError) and str(e) == "error: x"


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_multiprocessing(method):
    if method not in mp.get_all_start_methods():
        pytest.skip(f"no {method} here")
    k = ricci.compile(SRC)
    blocks = [np.full((64, 4), float(n)) for n in range(4)]
    # The parent runs a threaded kernel first, so a forked child inherits
    # a thread pool whose threads it does not have.
    big = np.ones((512, 4))
    assert np.allclose(k(A=big, B=B), big @ B)
    with mp.get_context(method).Pool(2) as pool:
        outs = pool.map(apply_kernel, [(k, a) for a in blocks], chunksize=1)
    for a, c in zip(blocks, outs):
        np.testing.assert_allclose(c, a @ B, rtol=1e-12)


def test_forked_child_runs_threaded_kernels():
    # Big enough that the kernel splits over threads in the parent.
    if "fork" not in mp.get_all_start_methods():
        pytest.skip("no fork here")
    k = ricci.compile("C[i,k] = sum_j A[i,j] D[j,k]")
    a = np.random.default_rng(1).standard_normal((400, 400))
    want = k(A=a, D=a)
    with mp.get_context("fork").Pool(1) as pool:
        got = pool.apply_async(k.run, ({"A": a, "D": a},)).get(timeout=120)
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_dask_local_cluster():
    da = pytest.importorskip("dask.array")
    distributed = pytest.importorskip("dask.distributed")
    k = ricci.compile("y[i,k] = tanh(sum_j X[i,j] W[j,k])")
    rng = np.random.default_rng(7)
    x = rng.standard_normal((1000, 8))
    w = rng.standard_normal((8, 5))
    dx = da.from_array(x, chunks=(250, 8))
    dy = dx.map_blocks(lambda blk: k(X=blk, W=w), chunks=(250, 5), dtype=np.float64)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            got = dy.compute()
    np.testing.assert_allclose(got, np.tanh(x @ w), rtol=1e-12, atol=1e-14)
