"""jjj-brief against Typst and against itself: the figures of the README's performance section.

    python bench/compare.py [--runs 7] [--anchor ../shared/bench-anchor] [--only NAME ...]

Every figure is a whole process as a user runs it, timed from the outside, median of
``--runs`` after one warm-up run; runs of the two sides of a comparison alternate
(paired), so a machine that gets busier mid-run slows both.  A ratio is the median of
the paired ratios.  Peak memory is the largest resident set of any process of a run
(the build's forked writer included: ``wait4`` reports the peak of a process and of
the children it waited for).  The 20,100-fact store is generated into a temporary
folder (``bench/big_store.py``); nothing is written into the repository.

Comparisons (the issue's targets in brackets):

* ``build4``   ``build --lang en,zh --format pdf,docx`` (4 documents) against Typst's two PDFs [≤ 2.5×]
* ``pdf2``     ``build --lang en,zh --format pdf`` against Typst's two PDFs [≤ 2.0×]
* ``check``    ``facts check`` of the 20,100-fact store against the bundled facts [≤ 8×]
* ``region``   the 4-document build of one region from that store against the bundled one [≤ 1.5×]
* ``watch``    a rebuild under ``watch`` after a fact edit against the cold build [≤ 0.4×]
* ``cold``     the build, the check and the region build again with ``JJJ_BRIEF_NO_CACHE=1``:
               a first run, before any font, template or fact file is cached

plus the peak memory of every process [≤ 110 MiB].  Timing only: no assertions.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMAND = [sys.executable, "-m", "jjj_brief.cli"]
#: The environment of every measured process: as a user's, with Python's bytecode cache on
#: (a machine that sets PYTHONDONTWRITEBYTECODE compiles jjj-brief's modules on every run).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    peak_mib: float = 0.0

    def add(self, seconds: float, peak_mib: float) -> None:
        self.seconds.append(seconds)
        self.peak_mib = max(self.peak_mib, peak_mib)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**ENV, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        said = proc.stderr.read().decode() if proc.stderr else ""
        sys.exit(f"failed ({proc.returncode}): {' '.join(command)}\n{said}")
    return elapsed, usage.ru_maxrss / 1024


def paired(runs: int, left: list[str], right: list[str], env: dict[str, str] | None = None) -> tuple[Sample, Sample]:
    run(left, env)
    run(right, env)
    a, b = Sample(), Sample()
    for _ in range(runs):
        a.add(*run(left, env))
        b.add(*run(right, env))
    return a, b


def show(label: str, ours: Sample, theirs: Sample, theirs_label: str, target: str) -> None:
    ratio = statistics.median(o / t for o, t in zip(ours.seconds, theirs.seconds))
    print(
        f"{label:<44} {ours.median:6.3f} s {ours.peak_mib:5.0f} MiB | {theirs_label:<26} "
        f"{theirs.median:6.3f} s {theirs.peak_mib:5.0f} MiB | {ratio:5.2f}×  (target {target})"
    )


def watch_rebuilds(runs: int, facts: Path, out: Path) -> tuple[list[float], list[float]]:
    """For ``runs`` edits: the rebuild as ``watch`` timed it, and the seconds from the edit
    until ``watch`` reported it (adding the watcher's wait for the editor to finish)."""
    proc = subprocess.Popen(
        [*COMMAND, "watch", "--lang", "en,zh", "--format", "pdf,docx", "--facts", str(facts), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=ENV,
    )
    assert proc.stdout is not None
    lines = iter(proc.stdout.readline, "")
    try:
        _until(lines, "watching ")
        fact_file = facts / "jjj-2024.yaml"
        text = fact_file.read_text(encoding="utf-8")
        reported, waited = [], []
        for n in range(runs):
            edited = time.perf_counter()
            fact_file.write_text(text.replace('value: "2.43e12"', f'value: "2.4{n % 2 + 4}e12"'), encoding="utf-8")
            line = _until(lines, "rebuilt ")
            waited.append(time.perf_counter() - edited)
            reported.append(float(re.search(r"in ([\d.]+) s", line)[1]))  # type: ignore[index]
        return reported, waited
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def _until(lines, text: str) -> str:
    for line in lines:
        if text in line:
            return line
        if line.startswith("error"):
            sys.exit(f"watch failed: {line}")
    sys.exit("watch ended early")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--anchor", type=Path, default=_find_anchor(), help="folder of typst_both.py")
    parser.add_argument("--only", nargs="*", default=["build4", "pdf2", "check", "region", "watch", "cold"])
    opts = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from big_store import write_store

    work = Path(tempfile.mkdtemp(prefix="jjj-bench-"))
    try:
        big = work / "big"
        count = write_store(big)
        load = os.getloadavg()[0]
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load:.1f}, {opts.runs} runs each; "
            f"store: {count} synthetic facts + the bundled file; bytecode cache on"
        )
        typst = [sys.executable, str(opts.anchor / "typst_both.py"), str(work / "typst")]
        both = [*COMMAND, "build", "--lang", "en,zh", "--out", str(work / "out")]
        build = [*both, "--format", "pdf,docx"]  # the four documents (--format all adds HTML)
        comparisons: dict[str, Callable[[], None]] = {
            "build4": lambda: show(
                "build --lang en,zh --format pdf,docx", *paired(opts.runs, build, typst), "Typst, 2 PDFs", "≤ 2.5×"
            ),
            "pdf2": lambda: show(
                "build --lang en,zh --format pdf (2 PDFs)",
                *paired(opts.runs, [*both, "--format", "pdf"], typst),
                "Typst, 2 PDFs",
                "≤ 2.0×",
            ),
            "check": lambda: show(
                f"facts check, {count + 12} facts",
                *paired(opts.runs, [*COMMAND, "facts", "check", str(big)], [*COMMAND, "facts", "check"]),
                "facts check, bundled",
                "≤ 8×",
            ),
            "region": lambda: show(
                f"build (4 documents) of jjj, {count + 12} facts",
                *paired(opts.runs, [*build, "--facts", str(big)], build),
                "the same, bundled facts",
                "≤ 1.5×",
            ),
            "watch": lambda: _watch(opts.runs, work, build),
            "cold": lambda: _cold(opts.runs, build, typst, big, count),
        }
        for name in opts.only:
            comparisons[name]()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _watch(runs: int, work: Path, build: list[str]) -> None:
    facts = work / "watched-facts"
    shutil.copytree(_bundled_facts(), facts)
    cold = Sample()
    run(build)
    for _ in range(runs):
        cold.add(*run(build))
    rebuilt, waited = watch_rebuilds(runs, facts, work / "watched-out")
    for label, seconds in (
        ("rebuild under watch (a fact edit, 4 docs)", rebuilt),
        ("edit → files rebuilt, under watch", waited),
    ):
        print(
            f"{label:<44} {statistics.median(seconds):6.3f} s           | {'build --lang en,zh':<26} "
            f"{cold.median:6.3f} s {cold.peak_mib:5.0f} MiB | {statistics.median(seconds) / cold.median:5.2f}×  "
            "(target ≤ 0.4×)"
        )


def _cold(runs: int, build: list[str], typst: list[str], big: Path, count: int) -> None:
    """The same comparisons on a first run: no font, template or fact cache."""
    cold = {"JJJ_BRIEF_NO_CACHE": "1"}
    show("cold: build --lang en,zh", *paired(runs, build, typst, cold), "Typst, 2 PDFs", "—")
    show(
        f"cold: facts check, {count + 12} facts",
        *paired(runs, [*COMMAND, "facts", "check", str(big)], [*COMMAND, "facts", "check"], cold),
        "cold: facts check, bundled",
        "—",
    )
    show(
        f"cold: build of jjj, {count + 12} facts",
        *paired(runs, [*build, "--facts", str(big)], build, cold),
        "cold: the same, bundled facts",
        "—",
    )


def _bundled_facts() -> Path:
    from jjj_brief.resources import bundled

    return bundled("facts")


def _find_anchor() -> Path:
    """``../shared/bench-anchor`` beside the checkout (or beside a worktree's parent)."""
    for base in (HERE.parent, *HERE.parent.parents):
        candidate = base.parent / "shared" / "bench-anchor"
        if (candidate / "typst_both.py").is_file():
            return candidate
    return HERE.parent.parent / "shared" / "bench-anchor"


if __name__ == "__main__":
    main()
