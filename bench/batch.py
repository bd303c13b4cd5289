"""Time a series: many regions × languages × formats in one run, against a loop of single builds.

    python bench/batch.py [--regions 250] [--loop-sample 12] [--parts local,dask,loop,thirteen]

Builds a generated store of REGIONS regions (each en, zh × PDF, DOCX: 4 documents), then
1. with the local process pool (`--region all`, as a user runs it: a whole new process);
2. on a dask LocalCluster (two single-threaded worker processes) through `--scheduler`;
3. as a shell loop of single builds (`--region rNNN`), timing a sample of the regions and
   extrapolating to all of them — a loop of 250 builds would take longer than the rest;
4. 13 regions in one run against one region alone (whole processes, median of 5), in wall
   time and in CPU time (which a busy machine does not inflate).
Each figure is a whole process tree: the build's main process, its workers and, for dask,
the scheduler and nannies, with the peak resident memory (VmHWM) of every process in it.
The marginal cost per document is the slope of documents finished over time between the
100th document and the last; worker memory is read after each region's task.
Figures, not assertions; README.md ("Series") shows a run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.series_store import write_series_store  # noqa: E402 - needs the repository on sys.path

PER_REGION = 4  # en, zh × pdf, docx


@dataclass
class Tree:
    """A measured process tree: wall time, the child's report lines, peak memory by process."""

    seconds: float
    cpu: float = 0.0  # user + system seconds of the whole tree
    lines: list[dict] = field(default_factory=list)
    peaks: dict[int, tuple[str, int]] = field(default_factory=dict)  # pid → (name, VmHWM KiB)


def run_tree(command: list[str], env: dict[str, str] | None = None) -> Tree:
    """Run ``command``, sampling every process in its tree for peak memory until it ends."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, **(env or {})}
    )
    peaks: dict[int, tuple[str, int]] = {}
    while proc.poll() is None:
        for pid in descendants(proc.pid) | {proc.pid}:
            sample = peak_kib(pid)
            if sample and sample[1] >= peaks.get(pid, ("", 0))[1]:
                peaks[pid] = sample
        time.sleep(0.2)
    out = proc.stdout.read() if proc.stdout else ""
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every descendant that was waited for
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {proc.returncode}")
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return Tree(seconds, cpu, lines, peaks)


def descendants(root: int) -> set[int]:
    """Every process below ``root``, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def peak_kib(pid: int) -> tuple[str, int] | None:
    """(short command line, VmHWM in KiB) of a live process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    name = " ".join(a.decode(errors="replace") for a in argv[1:4] if a)[:60] or status.split()[1]
    return name, hwm


def child(mode: str, facts: str, out: str) -> None:
    """In the measured process: build the series, one JSON line per region as it is published."""
    import jjj_brief

    start = time.perf_counter()

    def report(outcome) -> None:  # a RegionOutcome
        print(
            json.dumps(
                {
                    "t": time.perf_counter() - start,
                    "region": outcome.region,
                    "docs": outcome.documents,
                    "worker": outcome.worker,
                    "rss": outcome.rss_kib,
                    "cpu": outcome.cpu_seconds,
                    "error": outcome.error,
                }
            ),
            flush=True,
        )

    common = {"facts": facts, "out": out, "lang": "en,zh", "format": "pdf,docx", "on_region": report}
    if mode == "dask":
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            result = jjj_brief.build_many("all", scheduler=cluster.scheduler_address, **common)
    else:
        result = jjj_brief.build_many("all", **common)
    if result.failed:
        raise SystemExit(f"failed: {result.failed}")


def series_figures(label: str, tree: Tree) -> None:
    """Documents per second, the marginal cost, and memory: workers over the run, every process's peak."""
    lines = sorted(tree.lines, key=lambda line: line["t"])
    done, points = 0, []
    for line in lines:
        done += line["docs"]
        points.append((done, line["t"], line["worker"], line["rss"]))
    total = points[-1][0]
    early = next(p for p in points if p[0] >= min(100, total // 2))
    marginal = (points[-1][1] - early[1]) / (total - early[0]) if total > early[0] else float("nan")
    late = [line for line in lines[len(lines) // 10 :]]  # past each worker's start-up
    cpu = sum(line["cpu"] for line in late) / sum(line["docs"] for line in late)
    workers = len({p[2] for p in points})
    print(
        f"{label}: {total} documents in {tree.seconds:.1f} s (whole process) = {total / tree.seconds:.1f} "
        f"documents/s; marginal cost {1000 * marginal:.0f} ms/document (documents {early[0]}–{total}); "
        f"worker CPU {1000 * cpu:.0f} ms/document = {1000 * cpu / workers:.0f} ms/document on {workers} "
        f"free cores"
    )
    for worker in sorted({p[2] for p in points}):
        mine = [p for p in points if p[2] == worker]
        first = next((p for p in mine if p[0] >= early[0]), mine[0])
        growth = 100 * (mine[-1][3] - first[3]) / first[3]
        print(
            f"  worker {worker}: {len(mine)} regions, RSS {first[3] / 1024:.0f} MiB after document "
            f"{first[0]}, {mine[-1][3] / 1024:.0f} MiB after document {mine[-1][0]} ({growth:+.1f} %)"
        )
    print_peaks(tree)


def print_peaks(tree: Tree) -> None:
    for pid, (name, hwm) in sorted(tree.peaks.items()):
        print(f"  peak RSS {hwm / 1024:6.0f} MiB  pid {pid}  {name}")


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "jjj_brief.cli", "build", *map(str, args)]


def loop_figures(facts: Path, out: Path, regions: int, sample: int) -> float:
    """The same batch as a shell loop of single builds: a sample timed, the rest extrapolated."""
    step = max(1, regions // sample)
    chosen = [f"r{n:03d}" for n in range(0, regions, step)][:sample]
    times = [
        run_tree(cli("--region", key, "--lang", "en,zh", "--facts", facts, "--out", out / key)).seconds
        for key in chosen
    ]
    per_region = statistics.mean(times)
    print(
        f"shell loop of single builds: {len(chosen)} of {regions} regions timed, mean {per_region:.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}) → {regions} regions ≈ {per_region * regions:.0f} s "
        f"= {regions * PER_REGION / (per_region * regions):.1f} documents/s (extrapolated)"
    )
    return per_region


def thirteen_against_one(folder: Path) -> None:
    """The issue's yardstick: 13 regions × 4 documents against one region's 4, whole processes."""
    facts = write_series_store(folder / "thirteen.yaml", 13)
    one = [
        run_tree(cli("--region", "r000", "--lang", "en,zh", "--facts", facts, "--out", folder / "one"))
        for _ in range(5)
    ]
    many = [
        run_tree(cli("--region", "all", "--lang", "en,zh", "--facts", facts, "--out", folder / "many"))
        for _ in range(5)
    ]
    wall = [statistics.median(t.seconds for t in trees) for trees in (one, many)]
    cpu = [statistics.median(t.cpu for t in trees) for trees in (one, many)]
    print(
        f"one region (4 documents): median {wall[0]:.2f} s, {cpu[0]:.2f} CPU-s; 13 regions (52 documents) in "
        f"one run: median {wall[1]:.2f} s, {cpu[1]:.2f} CPU-s = {wall[1] / wall[0]:.2f} × the time, "
        f"{cpu[1] / cpu[0]:.2f} × the CPU (target ≤ 3 ×)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regions", type=int, default=250)
    parser.add_argument("--loop-sample", type=int, default=12, help="single builds to time for the loop")
    parser.add_argument("--parts", default="local,dask,loop,thirteen", help="which measurements to run")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FACTS", "OUT"), help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        child(*opts.child)
        return
    with tempfile.TemporaryDirectory(prefix="jjj-batch-") as tmp:
        folder = Path(tmp)
        facts = write_series_store(folder / "series.yaml", opts.regions)
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
            f"{os.getloadavg()[0]:.1f}; {opts.regions} regions × {PER_REGION} = "
            f"{opts.regions * PER_REGION} documents"
        )
        me = [sys.executable, __file__, "--child"]
        parts = opts.parts.split(",")
        if "local" in parts:
            series_figures("local pool", run_tree([*me, "local", str(facts), str(folder / "local")]))
        if "dask" in parts:
            series_figures("dask LocalCluster", run_tree([*me, "dask", str(facts), str(folder / "dask")]))
        if "loop" in parts:
            loop_figures(facts, folder / "loop", opts.regions, opts.loop_sample)
        if "thirteen" in parts:
            thirteen_against_one(folder)


if __name__ == "__main__":
    main()
