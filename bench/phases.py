"""Where a build's time goes: the four-document build in one process, phase by phase.

    python bench/phases.py [--runs 7] [--cold]

Each run is a new process (``JJJ_BRIEF_PROCESSES=1``, so every phase is in it) that
times its own phases with the CPU clock: the interpreter's start, importing the CLI and
the pipeline, loading the facts, rendering each language (templates, catalogs, Babel,
Jinja2), and each writer job (its libraries' imports, fonts and layout the first time
it runs).  Prints the median of each phase.  ``--cold`` turns the caches off
(``JJJ_BRIEF_NO_CACHE=1``): a first run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = r"""
import json, sys, time
clock = time.process_time
phases = {"interpreter start": clock()}
mark = clock()
def phase(name):
    global mark
    now = clock(); phases[name] = now - mark; mark = now
import jjj_brief.cli, jjj_brief.pipeline
from jjj_brief.inputs import BuildRequest, load_store, pick_region, resolve_template
from jjj_brief.pipeline import render_document
from jjj_brief.jobs import WriteJob, run_job
phase("import cli + pipeline")
store, _ = load_store([])
phase("load facts")
docs = {}
for lang in ("en", "zh"):
    docs[lang] = render_document(store, pick_region(store, None), lang, resolve_template("briefing"))[0]
    phase(f"render {lang}")
for lang in ("en", "zh"):
    for fmt in ("pdf", "docx"):
        run_job(WriteJob(fmt, docs[lang]))
        phase(f"write {lang} {fmt}")
print(json.dumps(phases))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold", action="store_true")
    opts = parser.parse_args()
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},  # as a user's Python
        "JJJ_BRIEF_PROCESSES": "1",
        **({"JJJ_BRIEF_NO_CACHE": "1"} if opts.cold else {}),
    }
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(opts.runs + 1):
            done = subprocess.run(
                [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env=env, cwd=folder
            )
            for name, seconds in json.loads(done.stdout).items():
                samples.setdefault(name, []).append(seconds)
    medians = {name: statistics.median(values[1:]) for name, values in samples.items()}  # run 1 warms up
    total = sum(medians.values())
    print(f"{'cold (no caches)' if opts.cold else 'warm caches'}: median CPU seconds of {opts.runs} runs")
    for name, seconds in medians.items():
        print(f"  {name:<24} {seconds:6.3f} s  {seconds / total:5.1%}")
    print(f"  {'total':<24} {total:6.3f} s")


if __name__ == "__main__":
    main()
