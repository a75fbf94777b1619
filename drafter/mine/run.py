"""Run the per-file map in order: in this process, in a process pool, or on a Dask cluster.

Results come back in the order of the tasks whatever runs them, so the reduce
(and every output) is byte-identical for any number of jobs.  A bounded window
of tasks is in flight at a time: memory does not grow with the corpus.
"""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_ordered(fn: Callable[[T], R], tasks: Iterable[T], jobs: int = 1, dask: str | None = None) -> Iterator[R]:
    """fn over tasks, results in task order; jobs > 1 → process pool; dask → a Dask cluster ('local' starts one)."""
    if dask:
        yield from _dask(fn, tasks, dask, jobs)
    elif jobs > 1:
        yield from _pool(fn, tasks, jobs)
    else:
        for task in tasks:
            yield fn(task)


def _window(submit: Callable[[T], object], result: Callable[[object], R], tasks: Iterable[T], size: int) -> Iterator[R]:
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= size:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _pool(fn, tasks, jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            yield from _window(lambda t: pool.submit(fn, t), lambda f: f.result(), tasks, 2 * jobs)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def dask_client(address: str, jobs: int = 1):
    """A distributed.Client for `address`, or for a new local cluster when address is 'local'."""
    from ..errors import UsageError

    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("--dask 需要安装 Dask：pip install \"drafter[dask]\"") from exc
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=max(jobs, 2), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            return Client(cluster), cluster
        return Client(address, timeout="20s"), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {address}：无法连接 Dask 调度器（{exc}）") from exc


def _dask(fn, tasks, address: str, jobs: int):
    client, cluster = dask_client(address, jobs)
    try:
        workers = max(sum(client.nthreads().values()), 1)

        def result(fut):
            value = fut.result()
            fut.release()
            return value

        yield from _window(lambda t: client.submit(fn, t, pure=False), result, tasks, 4 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
