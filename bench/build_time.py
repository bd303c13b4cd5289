"""Time the full build (en + zh, PDF + DOCX) as a user runs it: a whole new process each time.

    python bench/build_time.py [--runs 7] [--lang all] [--format all]

Prints the median, min and max wall time and the peak memory (max RSS) of the
build process, plus the time of `jjj-brief --help` (the start-up floor).
Figures, not assertions: compare them with the README and with
docs/notes/performance-anchors.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `jjj-brief` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "jjj_brief.cli", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def measure(label: str, args: list[str], runs: int) -> None:
    run_once(args)  # warm the OS file cache and Python's bytecode cache
    samples = [run_once(args) for _ in range(runs)]
    times = [t for t, _ in samples]
    peak = max(m for _, m in samples)
    print(f"{label:<38} median {statistics.median(times):6.3f} s   "
          f"min {min(times):6.3f}   max {max(times):6.3f}   peak RSS {peak:5.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", default="en,zh", help="the headline build (default: en,zh, four documents)")
    parser.add_argument("--format", default="all")
    opts = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="jjj-bench-"))
    try:
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {opts.runs} runs each"
          f"{' (serial: JJJ_BRIEF_SERIAL set)' if os.environ.get('JJJ_BRIEF_SERIAL') else ''}")
        measure("jjj-brief --help", ["--help"], opts.runs)
        for lang in ("en", "zh"):
            measure(f"build --lang {lang} --format {opts.format}",
                    ["build", "--lang", lang, "--format", opts.format, "--out", str(out)], opts.runs)
        for langs in dict.fromkeys([opts.lang, "all"]):
            measure(f"build --lang {langs} --format {opts.format}",
                    ["build", "--lang", langs, "--format", opts.format, "--out", str(out)], opts.runs)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
