"""Where a network's shows are built: a local process pool, or a Dask cluster.

Both run :func:`briefcast.network_job.run_job` on a ``ShowJob`` and hand back futures; the
client (:mod:`briefcast.network_build`) waits for whichever finishes first and publishes
it. Neither is home-made: ``concurrent.futures.ProcessPoolExecutor`` locally (one worker
process per core), Dask ``distributed`` for several machines (``pip install
'briefcast[cluster]'``), whose scheduler already reruns a task whose worker died
(``distributed.scheduler.allowed-failures``, 3 by default) before reporting it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import uuid
from collections.abc import Collection
from concurrent import futures
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from briefcast.errors import BriefcastError
from briefcast.network_job import WORKER_CACHE, ShowJob, run_job


class ClusterError(BriefcastError):
    """The Dask scheduler cannot be reached, or has no workers: nothing was built."""


class Runner(Protocol):
    """Runs jobs somewhere; ``slots`` is how many can run at once."""

    slots: int
    where: str  # for the report: "local, 2 processes" or the scheduler's address
    ships_files: bool  # the workers may not see the client's files: send them along

    def per_show_parallelism(self, shows: int) -> int | None: ...

    def submit(self, job: ShowJob) -> Any: ...

    def first_done(self, pending: Collection[Any]) -> set[Any]: ...

    def result(self, future: Any) -> Any: ...

    def retryable(self, error: BaseException) -> bool: ...

    def close(self) -> None: ...


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class LocalRunner:
    """A process pool on this machine, ``workers`` processes (default: one per core).

    Processes are spawned, not forked: the client may hold threads and open locks. A worker
    that dies breaks the whole pool (every show in flight fails with ``BrokenProcessPool``);
    those shows are retried on a fresh pool.
    """

    ships_files = False

    def __init__(self, workers: int | None = None) -> None:
        self.slots = workers or cores()
        self.where = f"local, {self.slots} process{'es' if self.slots > 1 else ''}"
        self._pool: futures.ProcessPoolExecutor | None = None
        self._broken = False

    def _executor(self) -> futures.ProcessPoolExecutor:
        if self._pool is None or self._broken:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = futures.ProcessPoolExecutor(
                self.slots, mp_context=multiprocessing.get_context("spawn"))
            self._broken = False
        return self._pool

    def per_show_parallelism(self, shows: int) -> int | None:
        """Cores left to each show when fewer shows than processes run (one show: all)."""
        return max(1, cores() // max(1, min(self.slots, shows)))

    def submit(self, job: ShowJob) -> futures.Future[Any]:
        return self._executor().submit(run_job, job)

    def first_done(self, pending: Collection[Any]) -> set[Any]:
        done, _ = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
        return set(done)

    def result(self, future: Any) -> Any:
        return future.result()

    def retryable(self, error: BaseException) -> bool:
        if isinstance(error, BrokenProcessPool):
            self._broken = True
            return True
        return False

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """The workers of a Dask ``distributed`` scheduler at ``address``.

    ``cache`` is the speech cache as the workers see it (a shared path); without it each
    worker keeps its own in ``~/.cache/briefcast``. An address that does not answer
    within ``timeout_s`` is a ``ClusterError`` before any work; so is a scheduler without
    workers.
    """

    ships_files = True

    def __init__(self, address: str, timeout_s: float = 5.0, cache: str | None = None) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError("building on a cluster needs Dask distributed: "
                               "pip install 'briefcast[cluster]'") from None
        self.where = address
        self.cache = cache or WORKER_CACHE
        self._changed = threading.Event()  # set by each future as it finishes
        try:
            self.client = Client(address, timeout=f"{timeout_s}s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address} within "
                               f"{timeout_s:g} s ({exc}); nothing was built or "
                               "published") from None
        try:
            self.client.wait_for_workers(1, timeout=timeout_s)
        except (OSError, TimeoutError) as exc:
            self.client.close()
            raise ClusterError(f"the Dask scheduler at {address} has no workers ({exc}); "
                               "nothing was built or published") from None
        self.slots = max(1, sum(self.client.nthreads().values()))

    def per_show_parallelism(self, shows: int) -> int | None:
        return 1  # a worker thread is a show; scale with the cluster's threads

    def submit(self, job: ShowJob) -> Any:
        from dataclasses import replace

        job = replace(job, cache_dir=self.cache)
        key = f"briefcast-{job.name}-{job.date.isoformat()}-{uuid.uuid4().hex[:8]}"
        future = self.client.submit(run_job, job, key=key, pure=False)
        future.add_done_callback(lambda _: self._changed.set())
        return future

    def first_done(self, pending: Collection[Any]) -> set[Any]:
        """The finished futures, once there is one (``distributed.wait`` wants a default
        client, which a library should not install)."""
        while True:
            self._changed.clear()
            done = {f for f in pending if f.done()}
            if done:
                return done
            self._changed.wait(timeout=1.0)

    def result(self, future: Any) -> Any:
        try:
            return future.result()
        finally:
            future.release()

    def retryable(self, error: BaseException) -> bool:
        return False  # the scheduler has already rerun a task whose worker died

    def close(self) -> None:
        self.client.close()
