"""A series from start to end: check the request once, plan a task per region, run, publish.

Whatever would fail every region — fact errors, an unknown region, language or template, a
malformed ``SOURCE_DATE_EPOCH``, an unreachable scheduler — fails the run here, before any
file is written.  What fails one region (a missing label, a parity mismatch, a folder name
its key cannot make, a dead worker) is that region's outcome; the others are written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jjj_brief.batch.plan import choose_regions, folder_problems, plan_tasks
from jjj_brief.batch.pools import choose_pool
from jjj_brief.batch.runner import RegionOutcome, SeriesResult, publisher, run_tasks
from jjj_brief.batch.worker import RegionResult, load_for_series
from jjj_brief.clock import source_date_epoch
from jjj_brief.inputs import BuildRequest


def build_series(
    request: BuildRequest,
    regions: Sequence[str] | None,
    *,
    folders: bool,
    jobs: int | None = None,
    scheduler: str | None = None,
    on_region: Callable[[RegionOutcome], None] | None = None,
    on_plan: Callable[[list[str], int], None] | None = None,
) -> SeriesResult:
    """Build ``regions`` (None: every region with facts) into ``request.out_dir``, one
    subfolder per region when ``folders``.  ``on_plan`` hears the regions and the number of
    documents expected before any work starts,
    ``on_region`` each region's outcome as it is published."""
    epoch = source_date_epoch()
    facts, store, warnings = load_for_series(request.fact_paths)
    since = load_for_series(request.since)[0] if request.since else None
    keys = choose_regions(store, regions)
    refused = folder_problems(store, keys) if folders else {}
    tasks = plan_tasks(request, keys, folders=folders, facts=facts, since=since, epoch=epoch)
    pool = choose_pool(jobs, scheduler, len(tasks) - len(refused))
    result = SeriesResult(warnings=list(warnings))
    deliver = publisher(request.out_dir, result, on_region or _ignore)
    if on_plan is not None:
        on_plan(keys, sum(task.documents for task in tasks))
    for task in tasks:
        if task.region in refused:
            deliver(task, RegionResult(task.region, error=refused[task.region]))
    run_tasks([task for task in tasks if task.region not in refused], pool, deliver)
    result.regions = {key: result.regions[key] for key in keys}
    return result


def _ignore(_: RegionOutcome) -> None:
    """No one asked to hear about each region."""
