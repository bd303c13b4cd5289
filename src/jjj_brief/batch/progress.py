"""What a series tells the person running it: a progress bar on a terminal, lines otherwise.

On a terminal (and with rich installed: ``pip install 'jjj-brief[progress]'``) one bar shows
the documents done, the regions failed so far and the time left, with warnings and failures
printed above it.  Piped or logged, the command prints one ``wrote PATH`` line per file as a
single build does, and each failure as it happens.  Either way the run ends with a summary
naming every failed region and why.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jjj_brief.batch.runner import RegionOutcome, SeriesResult

Say = Callable[[str, bool], None]  # (text, to stderr)


class Report:
    """Lines: ``wrote`` per file on stdout, warnings and failures on stderr."""

    def __init__(self, say: Say) -> None:
        self.say = say
        self.regions = 0
        self.done = 0

    @contextmanager
    def running(self) -> Iterator[Report]:
        yield self

    def plan(self, regions: list[str], documents: int) -> None:
        self.regions = len(regions)

    def region(self, outcome: RegionOutcome) -> None:
        self.done += 1
        for warning in outcome.warnings:
            self.say(f"{outcome.region}: {warning}", True)
        if outcome.error is not None:
            self.say(f"error: region {outcome.region}: {outcome.error}", True)
        for path in outcome.written:
            self.say(f"wrote {path}", False)

    def summary(self, result: SeriesResult, out_dir: Path) -> None:
        """The last word: how many regions were written, and every failure again."""
        failed = result.failed
        documents = sum(o.documents for o in result.regions.values() if o.error is None)
        written = len(result.regions) - len(failed)
        self.say(f"built {written} of {len(result.regions)} regions ({documents} documents) into {out_dir}", True)
        if failed:
            self.say(f"{len(failed)} region(s) failed:", True)
            for key, reason in failed.items():
                self.say(f"  {key}: {reason}", True)


class BarReport(Report):
    """A rich progress bar over the documents, messages printed above it."""

    def __init__(self, say: Say) -> None:
        super().__init__(say)
        self.progress: Any = None
        self.bar: Any = None
        self.failures = 0

    @contextmanager
    def running(self) -> Iterator[Report]:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        columns = (
            TextColumn("documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("·"),
            TextColumn("{task.fields[failed]} failed ·"),
            TimeRemainingColumn(),
            TextColumn("left"),
        )
        # Redrawn at each region, not by a thread: the worker processes are forked meanwhile.
        with Progress(*columns, console=Console(stderr=True), auto_refresh=False) as progress:
            self.progress = progress
            yield self
        self.progress = None

    def plan(self, regions: list[str], documents: int) -> None:
        super().plan(regions, documents)
        self.bar = self.progress.add_task("series", total=documents, failed=0)
        self.progress.refresh()

    def region(self, outcome: RegionOutcome) -> None:
        self.done += 1
        for warning in outcome.warnings:
            self.progress.console.print(f"{outcome.region}: {warning}", markup=False, highlight=False)
        if outcome.error is not None:
            self.failures += 1
            self.progress.console.print(
                f"error: region {outcome.region}: {outcome.error}", markup=False, highlight=False
            )
        self.progress.update(self.bar, advance=outcome.documents, failed=self.failures, refresh=True)


def report_for(say: Say) -> Report:
    """A bar when both output streams are a terminal and rich is there; lines otherwise."""
    from importlib.util import find_spec

    if sys.stdout.isatty() and sys.stderr.isatty() and find_spec("rich") is not None:
        return BarReport(say)
    return Report(say)
