"""What runs in a worker process: one region's documents, rendered, checked and written to bytes.

A worker keeps what is costly to load between tasks, once per process: the fact store
(here, keyed by the digest of the files' bytes), the compiled templates and catalogs and
the parsed fonts (cached by their own modules).  A pool forked from the main process
inherits the store the main process already loaded.  The result is plain data — bytes per
relative file name, warnings, an error's text — so it travels back from a dask worker as
easily as from a local process; nothing here touches the output folder.
"""

from __future__ import annotations

import gc
import os
import signal
import socket
import sys
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from jjj_brief.batch.plan import FactFiles, RegionTask, digest_of
from jjj_brief.errors import BriefError, BriefWarning, FactError, Location
from jjj_brief.facts.model import FactStore
from jjj_brief.inputs import load_store
from jjj_brief.jobs import JobResult, WriteJob, run_job

_STORES: OrderedDict[tuple[object, ...], tuple[FactStore, list[BriefWarning]]] = OrderedDict()
_STORES_KEPT = 4  # a long-lived dask worker serves many runs; keep the recent vintages only
_ONE_AT_A_TIME = threading.Lock()  # a threaded dask worker: renders share one Jinja2 environment
_POOLED = False  # this process is one of our pool's workers (its initializer ran)
_FROZEN = False  # the long-lived objects are frozen out of the garbage collector's sight


@dataclass
class RegionResult:
    """What a worker sends back for one region."""

    region: str
    files: dict[str, bytes] = field(default_factory=dict)  # path relative to the output folder → bytes
    warnings: list[BriefWarning] = field(default_factory=list)
    documents: int = 0
    error: str | None = None  # the failure, as a user reads it
    worker: str = ""  # host:pid, for the benchmark and for messages
    rss_kib: int = 0  # the worker's resident memory after the task
    cpu_seconds: float = 0.0  # the worker process's CPU time during the task (all its threads)


def loaded(files: FactFiles) -> tuple[FactStore, list[BriefWarning]]:
    """The store of ``files``, loaded once per process; refused if the files on disk are not
    the ones the main process checked (edited during the run, or another machine's copy)."""
    key = (files.paths, files.digest)
    if key in _STORES:
        _STORES.move_to_end(key)
        return _STORES[key]
    if digest_of(files.paths) != files.digest:
        where = Location.of(", ".join(map(str, files.paths)) or "the bundled facts")
        raise FactError(
            "the fact files changed since the run started, or this worker sees other files",
            where,
            hint="run again; on a cluster, give every worker the same files",
        )
    _STORES[key] = load_store(files.paths)
    while len(_STORES) > _STORES_KEPT:
        _STORES.popitem(last=False)
    return _STORES[key]


def load_for_series(paths: tuple[Path, ...]) -> tuple[FactFiles, FactStore, list[BriefWarning]]:
    """In the main process: load and check the facts (errors reported as a single build
    reports them), then keep the store under its digest, so forked workers start with it."""
    store, warnings = load_store(paths)
    files = FactFiles.of(paths)
    _STORES[(files.paths, files.digest)] = (store, warnings)
    return files, store, warnings


def build_region(task: RegionTask) -> RegionResult:
    """Render, parity-check and write every document of one region; failures come back as text."""
    with _ONE_AT_A_TIME, _clock(task.epoch):
        started = time.process_time()
        try:
            result = _build(task)
        except BriefError as exc:
            result = RegionResult(task.region, error=str(exc))
        except Exception as exc:  # a bug of ours: this region fails, the series goes on
            detail = f"\n{traceback.format_exc()}" if os.environ.get("JJJ_BRIEF_DEBUG") else ""
            result = RegionResult(task.region, error=f"internal error: {type(exc).__name__}: {exc}{detail}")
        result.cpu_seconds = time.process_time() - started
        if _POOLED or _in_dask_worker():
            _collect_garbage()
    result.worker, result.rss_kib = f"{socket.gethostname()}:{os.getpid()}", resident_kib()
    return result


def _build(task: RegionTask) -> RegionResult:
    from jjj_brief.pipeline import BuildResult, stage_files

    store, _ = loaded(task.facts)
    since = loaded(task.since)[0] if task.since is not None else None
    built = BuildResult()
    files = stage_files(store, task.request, built, since=since, run=write_here)
    return RegionResult(
        task.region, {path.as_posix(): data for path, data in files.items()}, built.warnings, len(built.documents)
    )


def write_here(jobs: list[WriteJob]) -> list[JobResult]:
    """The writers one after another in this process: a worker is already one of many."""
    return [run_job(job) for job in jobs]


@contextmanager
def _clock(epoch: int | None) -> Iterator[None]:
    """The main process's ``SOURCE_DATE_EPOCH`` (or none) for the task; the variable itself,
    because reportlab reads it too."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def prepare_process() -> None:
    """A pool worker leaves interrupts to the main process: Ctrl-C at a terminal reaches the
    whole process group, and the main process ends its workers itself.  (It was started with
    SIGINT and SIGTERM held back, so the main process's handlers never ran here.)"""
    global _POOLED
    _POOLED = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _collect_garbage() -> None:
    """Free this region's reference cycles (reportlab's and lxml's object graphs have many) now.

    Left to the collector's own schedule, a worker's memory climbs from region to region, most
    in a dask worker, whose larger heap of long-lived objects makes full collections rare.  After
    the first region everything alive — modules, fonts, templates, the facts — is frozen out of
    the collector's sight, so each later collection looks at one region's objects only (a few
    milliseconds)."""
    global _FROZEN
    gc.collect()
    if not _FROZEN:
        gc.freeze()
        _FROZEN = True


def _in_dask_worker() -> bool:
    """Whether this task runs on a dask worker (where no initializer of ours has run)."""
    if "distributed" not in sys.modules:
        return False
    from distributed import get_worker

    try:
        get_worker()
    except ValueError:
        return False
    return True


def resident_kib() -> int:
    """This process's resident memory now (Linux), else its peak."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
