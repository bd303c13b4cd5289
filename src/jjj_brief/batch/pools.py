"""Where a series' tasks run: this process, a pool of processes, or a dask.distributed cluster.

Each kind hands out a :class:`concurrent.futures.Executor`, and the runner drives all three
the same way; what differs is how many tasks to keep in flight (``window``), how to stop at
once on Ctrl-C (``abort``), and what a broken pool says about a dead worker (``crash``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from jjj_brief.batch.worker import prepare_process
from jjj_brief.errors import BriefError, UsageError


class InProcess(Executor):
    """An executor that runs each call at once, here: ``--jobs 1``, and a series of one."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_running_or_notify_cancel()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # delivered through the future, as any executor does
            future.set_exception(exc)
        return future


class Pool:
    """This process: one task at a time (a crash here ends the run)."""

    size = 1

    @property
    def window(self) -> int:
        """How many tasks to keep submitted: a broken pool makes exactly these suspect."""
        return self.size

    def open(self, size: int | None = None) -> Executor:
        return InProcess()

    def close(self, executor: Executor) -> None:
        executor.shutdown(wait=True)

    def abort(self, executor: Executor) -> None:
        executor.shutdown(wait=False, cancel_futures=True)

    def crash(self, executor: Executor) -> str:
        """How the worker of a broken executor ended, in words."""
        return "it stopped abruptly"


class LocalPool(Pool):
    """Worker processes on this machine, forked where the system allows it, so they start
    with the modules and the fact store the main process already loaded."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._processes: dict[int, list[Any]] = {}

    def open(self, size: int | None = None) -> Executor:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        executor = ProcessPoolExecutor(size or self.size, mp_context=context, initializer=prepare_process)
        with interrupts_held():
            executor.submit(os.getpid)  # starts the workers now, with interrupts held until they ignore them
        self._processes[id(executor)] = list(getattr(executor, "_processes", {}).values())
        return executor

    def close(self, executor: Executor) -> None:
        executor.shutdown(wait=True)
        self._processes.pop(id(executor), None)

    def abort(self, executor: Executor) -> None:
        """Stop running tasks too: ``shutdown`` alone would wait for them."""
        executor.shutdown(wait=False, cancel_futures=True)
        processes = self._processes.pop(id(executor), [])
        for process in processes:
            if process.exitcode is None:
                process.terminate()
        for process in processes:
            process.join(5)

    def crash(self, executor: Executor) -> str:
        processes = self._processes.get(id(executor), [])
        deadline = time.monotonic() + 2
        while any(p.exitcode is None for p in processes) and time.monotonic() < deadline:
            time.sleep(0.02)  # the pool's own thread may be reaping it: its status arrives a moment later
        codes = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
        if not codes:
            return "its worker process stopped abruptly"
        code = codes[0]
        if code < 0:
            return f"its worker process was killed by {signal.Signals(-code).name}"
        return f"its worker process exited with code {code}"


class DaskPool(Pool):
    """The workers of a dask.distributed scheduler, through ``Client.get_executor()``."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.size = 1
        self._client: Any = None

    @property
    def window(self) -> int:
        return 2 * self.size  # the scheduler queues them; two per thread keeps every worker busy

    def open(self, size: int | None = None) -> Executor:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--scheduler needs dask.distributed: pip install 'jjj-brief[dask]'") from None
        try:
            self._client = Client(self.address, set_as_default=False)  # timeout: distributed.comm.timeouts.connect
            self._client.wait_for_workers(1, timeout=60)
        except Exception as exc:  # connection failures come in many types
            self._shutdown_client()
            raise BriefError(
                f"cannot use the dask scheduler at {self.address}: {type(exc).__name__}: {exc}",
                hint="is `dask scheduler` running there, with at least one `dask worker`?",
            ) from None
        self.size = max(1, sum(self._client.nthreads().values()))
        return self._client.get_executor(pure=False)

    def close(self, executor: Executor) -> None:
        executor.shutdown(wait=True)
        self._shutdown_client()

    def abort(self, executor: Executor) -> None:
        executor.shutdown(wait=False)  # cancels what is queued or running on the cluster
        self._shutdown_client()

    def crash(self, executor: Executor) -> str:
        return "the cluster lost its worker"

    def _shutdown_client(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for a moment (a fork, a region's renames); a signal that
    comes meanwhile is delivered when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def choose_pool(jobs: int | None, scheduler: str | None, tasks: int) -> Pool:
    """``--scheduler`` → the cluster; else as many processes as ``--jobs`` (default: the
    cores this process may use), never more than there are tasks; one means this process."""
    if scheduler:
        if jobs is not None:
            raise UsageError("--jobs and --scheduler exclude each other: the cluster's workers set the pace")
        return DaskPool(scheduler)
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    size = min(jobs or available_cores(), tasks)
    return LocalPool(size) if size > 1 else Pool()


def available_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)
