"""Running writer jobs: one Document in one format → the file's bytes.

A job never touches the output folder; it returns bytes, warnings and (for a paged
format, when a ledger asks) the page of every figure, all plain data.  So the same
jobs can run here, in a forked second process (on two free cores, splitting the work so
each process imports only what its own files need, after importing once what both need),
or — for a series — in a pool of processes, and only the main process publishes files.
"""

from __future__ import annotations

import gc
import importlib
import os
import signal
from dataclasses import dataclass, field
from typing import Any

from jjj_brief.document import Document
from jjj_brief.document.pairing import Bilingual
from jjj_brief.errors import BriefError, BriefWarning
from jjj_brief.scripts import is_chinese
from jjj_brief.writers import PAIRED_WRITERS, WRITERS, WriterHooks


@dataclass(frozen=True)
class WriteJob:
    """Write ``doc`` in format ``fmt``; ``pages`` asks a paged writer for figure pages."""

    fmt: str
    doc: Document | Bilingual  # a pair: the bilingual edition (writers.PAIRED_WRITERS)
    pages: bool = False
    options: tuple[tuple[str, Any], ...] = ()  # the format's write options (Writer.with_options)


@dataclass
class JobResult:
    """The file's bytes, the writer's warnings, and figure ordinal → page when asked."""

    data: bytes
    warnings: list[BriefWarning] = field(default_factory=list)
    pages: dict[int, int] = field(default_factory=dict)


def run_job(job: WriteJob) -> JobResult:
    """Run one writer in this process."""
    from jjj_brief.audit.ledger import PageLog

    single = job.doc if isinstance(job.doc, Document) else None  # None: a bilingual pair
    writer = (WRITERS if single is not None else PAIRED_WRITERS)[job.fmt]
    writer = writer.with_options(**dict(job.options)) if job.options else writer
    warnings: list[BriefWarning] = []
    log = PageLog() if job.pages and writer.paged and single is not None else None
    hooks = WriterHooks(
        on_warning=warnings.append, on_figure=log.recorder(single) if log is not None and single is not None else None
    )
    data = writer.to_bytes(job.doc, hooks)
    return JobResult(data, warnings, log.export(single) if log is not None and single is not None else {})


def run_jobs(jobs: list[WriteJob]) -> list[JobResult]:
    """Results in the order of ``jobs``: on two processes when there are two groups of work
    and a second core is free, else here, one after the other."""
    here, there = split_jobs(jobs)
    if not here or not there or process_count() < 2:
        return _one_by_one(jobs)
    import_shared(here, there)
    gc.freeze()  # the fork idiom: neither process's collections walk (or copy) what they share
    try:
        results = dict(zip(map(id, here + there), _run_forked(here, there)))
    finally:
        gc.unfreeze()
    return [results[id(job)] for job in jobs]


def _one_by_one(jobs: list[WriteJob]) -> list[JobResult]:
    """Each job in turn, collecting the reference cycles a writer leaves after each: a
    finished PDF leaves reportlab's document template, canvas and flowables pointing at each
    other, ~5 MB a document that would otherwise wait for a full collection (one process
    writing four documents peaks ~5 MB lower).  What survives a collection (modules, fonts,
    the documents) is frozen, so the next collection walks only what the next job made."""
    results = []
    try:
        for job in jobs:
            results.append(run_job(job))
            gc.collect()
            gc.freeze()
    finally:
        gc.unfreeze()
    return results


def split_jobs(jobs: list[WriteJob]) -> tuple[list[WriteJob], list[WriteJob]]:
    """Two groups of about equal cost that share as few libraries as possible.

    Importing a writer's libraries costs more than writing one more document with them
    (reportlab ≈ 0.1 s, python-docx ≈ 0.07 s; a warm PDF or DOCX ≈ 0.03-0.05 s), so
    with several formats each format goes one way (the PDFs, the rest); with one format
    the Chinese PDFs (which load the CJK faces) go one way and the others the other.
    """
    pdfs = [job for job in jobs if job.fmt == "pdf"]
    if pdfs and len(pdfs) < len(jobs):
        return [job for job in jobs if job.fmt != "pdf"], pdfs
    han = [job for job in jobs if job.fmt == "pdf" and any(map(is_chinese, _langs(job)))]
    if han and len(han) < len(jobs):
        return [job for job in jobs if job not in han], han
    return jobs[: len(jobs) // 2], jobs[len(jobs) // 2 :]


def _langs(job: WriteJob) -> tuple[str, ...]:
    return job.doc.langs if isinstance(job.doc, Bilingual) else (job.doc.meta.lang,)


def import_shared(here: list[WriteJob], there: list[WriteJob]) -> None:
    """Import, once and before forking, the modules both groups' writers would import (the
    chart drawing, when both write charts), instead of importing them in each process."""

    def needed(group: list[WriteJob]) -> set[str]:
        singles = [(job.fmt, job.doc) for job in group if isinstance(job.doc, Document)]  # a pair's say nothing
        return {module for fmt, doc in singles for module in WRITERS[fmt].needs(doc)}

    for module in sorted(needed(here) & needed(there)):
        importlib.import_module(module)


def process_count() -> int:
    """1 or 2: two only where forking works, two cores are ours to use and the machine is
    not busy (on a busy machine a second process slowed a build down: both import their
    libraries, then share one core).  ``JJJ_BRIEF_PROCESSES=1|2`` decides instead;
    ``JJJ_BRIEF_SERIAL=1`` means 1."""
    asked = os.environ.get("JJJ_BRIEF_PROCESSES", "")
    if os.environ.get("JJJ_BRIEF_SERIAL") or not hasattr(os, "fork"):
        return 1
    if asked in ("1", "2"):
        return int(asked)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 if cores >= 2 and cores - busy_cores() >= FREE_CORES_TO_FORK else 1


def busy_cores() -> float:
    """How many cores others keep busy: the one-minute load average, unless fewer processes
    are running right now (the average lags a minute behind: a burst of builds that has
    ended, our own included, would otherwise keep a now idle machine to one process)."""
    average = os.getloadavg()[0]
    try:
        with open("/proc/loadavg", encoding="ascii") as status:
            running = int(status.read().split()[3].split("/")[0])  # "2/345": running now, this one too
    except (OSError, ValueError, IndexError):
        return average
    return min(average, max(running - 1, 0))


#: How many cores must be idle on average to fork: one for each process, less half of one
#: (a second process on a half-busy core still finishes sooner than waiting its turn).
FREE_CORES_TO_FORK = 1.5


def _run_forked(here: list[WriteJob], there: list[WriteJob]) -> list[JobResult]:
    """``here`` in this process while a forked child runs ``there``; results in that order."""
    import multiprocessing

    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(there, sender), daemon=True)
    try:
        _start_quietly(child)
        sender.close()
        mine = [run_job(job) for job in here]
        status, payload = receiver.recv()
    except EOFError:
        child.join()
        raise BriefError(
            f"the writer process stopped without finishing (exit code {child.exitcode})",
            hint="it may have run out of memory; JJJ_BRIEF_SERIAL=1 writes in one process",
        ) from None
    except BaseException:
        if child.pid is not None:
            child.terminate()
        raise
    finally:
        if child.pid is not None:
            child.join()
    if status == "error":
        raise payload
    return [*mine, *payload]


def _start_quietly(child: Any) -> None:
    """Fork with SIGTERM and SIGINT held back, so the child never runs the CLI's interrupt
    handler before it installs its own; a signal that came meanwhile is delivered here after."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        child.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _child(jobs: list[WriteJob], sender: Any) -> None:
    """The forked writer: send back the results, or the error for the parent to raise.

    The parent owns the user's interrupts: Ctrl-C is ignored here and ``terminate()`` ends
    the child quietly; ``os._exit`` keeps multiprocessing from printing tracebacks of its own.
    """
    import traceback

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        sender.send(("ok", [run_job(job) for job in jobs]))
    except BriefError as exc:
        sender.send(("error", exc))
    except BaseException as exc:
        detail = traceback.format_exc() if os.environ.get("JJJ_BRIEF_DEBUG") else ""
        sender.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}\n{detail}".rstrip())))
    finally:
        sender.close()
        os._exit(0)
