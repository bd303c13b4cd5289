"""Running a series: tasks out to an executor, bytes back, each region published as it arrives.

Only ``window`` tasks are submitted at a time, so when a local worker dies (killed, out of
memory, a crash in a C library) and the pool breaks, the suspects are just the tasks that
were in flight: each is run again alone in a fresh process, and only a region that kills
its worker a second time fails (the others were bystanders).  Each region's files are
renamed into place together with interrupts held back, so Ctrl-C leaves every region as
it was or wholly new; the regions finished before it stay written.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, wait
from dataclasses import dataclass, field
from pathlib import Path

from jjj_brief.batch.plan import RegionTask
from jjj_brief.batch.pools import Pool, interrupts_held
from jjj_brief.batch.worker import RegionResult, build_region
from jjj_brief.errors import BriefError, BriefWarning
from jjj_brief.publish import publish_all


@dataclass
class RegionOutcome:
    """One region of a series, as published: its folder, the files written or why it failed."""

    region: str
    folder: Path
    written: list[Path] = field(default_factory=list)
    warnings: list[BriefWarning] = field(default_factory=list)
    documents: int = 0  # documents this outcome accounts for (for progress: expected ones when failed)
    error: str | None = None
    worker: str = ""  # host:pid of the worker that built it
    rss_kib: int = 0  # that worker's resident memory after it
    cpu_seconds: float = 0.0  # that worker's CPU time for it


@dataclass
class SeriesResult:
    """Every region's outcome, in the order planned, and the warnings of the facts themselves."""

    regions: dict[str, RegionOutcome] = field(default_factory=dict)
    warnings: list[BriefWarning] = field(default_factory=list)

    @property
    def written(self) -> list[Path]:
        return [path for outcome in self.regions.values() for path in outcome.written]

    @property
    def failed(self) -> dict[str, str]:
        """Region → why it failed; empty when every region was written."""
        return {key: o.error for key, o in self.regions.items() if o.error is not None}


Deliver = Callable[[RegionTask, RegionResult], None]


def publisher(out_dir: Path, result: SeriesResult, on_region: Callable[[RegionOutcome], None]) -> Deliver:
    """What to do with each region's result: publish its files (all or none) and tell."""

    def deliver(task: RegionTask, made: RegionResult) -> None:
        folder = out_dir / task.request.out_dir
        outcome = RegionOutcome(
            task.region,
            folder,
            warnings=made.warnings,
            documents=task.documents,
            error=made.error,
            worker=made.worker,
            rss_kib=made.rss_kib,
            cpu_seconds=made.cpu_seconds,
        )
        with interrupts_held():  # published and told, or neither
            if made.error is None:
                try:
                    outcome.written = publish_all({out_dir / name: data for name, data in made.files.items()})
                except BriefError as exc:
                    outcome.error = str(exc)
            result.regions[task.region] = outcome
            on_region(outcome)

    return deliver


def run_tasks(tasks: list[RegionTask], pool: Pool, deliver: Deliver) -> None:
    """Every task, through ``pool``, each result delivered as it arrives."""
    queue = deque(tasks)
    while queue:
        for suspect in _run_until_broken(queue, pool, deliver):
            _run_alone(suspect, pool, deliver)


def _run_until_broken(queue: deque[RegionTask], pool: Pool, deliver: Deliver) -> list[RegionTask]:
    """Run from ``queue`` until it is empty, or until the pool breaks: then the tasks that
    were in flight, whose results were lost."""
    executor = pool.open()
    running: dict[Future[RegionResult], RegionTask] = {}
    try:
        while queue or running:
            while queue and len(running) < pool.window:
                task = queue.popleft()
                running[executor.submit(build_region, task)] = task
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            if any(isinstance(future.exception(), BrokenExecutor) for future in done):
                return _after_break(running, executor, pool, deliver)
            for future in done:
                task = running.pop(future)
                deliver(task, _result(future, task, pool, executor))
    except BaseException:
        pool.abort(executor)
        raise
    pool.close(executor)
    return []


def _after_break(
    running: dict[Future[RegionResult], RegionTask], executor: Executor, pool: Pool, deliver: Deliver
) -> list[RegionTask]:
    """Deliver what finished before the pool broke; the rest are suspects."""
    wait(running)
    suspects = []
    for future, task in running.items():
        if isinstance(future.exception(), BrokenExecutor):
            suspects.append(task)
        else:
            deliver(task, _result(future, task, pool, executor))
    pool.abort(executor)
    return suspects


def _run_alone(task: RegionTask, pool: Pool, deliver: Deliver) -> None:
    """One suspect in a fresh single worker: a second death is this region's own."""
    executor = pool.open(1)
    try:
        future = executor.submit(build_region, task)
        wait([future])
        result = _result(future, task, pool, executor)
    except BaseException:
        pool.abort(executor)
        raise
    if future.exception() is None:
        pool.close(executor)
    else:
        pool.abort(executor)  # a dead worker: nothing left to wait for
    deliver(task, result)


def _result(future: Future[RegionResult], task: RegionTask, pool: Pool, executor: Executor) -> RegionResult:
    """The worker's result, or a failure naming how its worker was lost."""
    error = future.exception()
    if error is None:
        return future.result()
    if isinstance(error, BrokenExecutor):
        reason = f"{pool.crash(executor)} while building it, also when run alone"
    else:  # a dask worker that died (KilledWorker), a task cancelled on the cluster…
        reason = f"its worker was lost: {type(error).__name__}: {error}"
    return RegionResult(task.region, error=reason)
