"""A series on a real dask.distributed cluster: a scheduler and a worker on 127.0.0.1.

The worker is started without SOURCE_DATE_EPOCH, so identical bytes prove the main
process's clock travels with each task.  Skipped only where dask is not installed and the
readers are not required (CI installs `jjj-brief[dask]` and requires them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import jjj_brief as run_cli
from tests.conftest import qpdf_check
from tests.series_store import write_series_store

try:
    import distributed  # noqa: F401 - only whether it is there
except ImportError:
    if os.environ.get("JJJ_BRIEF_REQUIRE_READERS"):
        raise
    pytest.skip("dask.distributed is not installed (pip install -e '.[dask]')", allow_module_level=True)

EPOCH = "1729814400"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[str]:
    """The address of a scheduler with one worker (no nanny, one thread), both stopped at the end."""
    address_file = tmp_path / "scheduler.json"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": tmp_path}
    scheduler = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "distributed.cli.dask_scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(address_file),
        ],
        **quiet,
    )
    worker = None
    try:
        deadline = time.monotonic() + 30
        while not address_file.exists() and time.monotonic() < deadline and scheduler.poll() is None:
            time.sleep(0.1)
        assert address_file.exists(), "the dask scheduler did not start"
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_worker",
                "--scheduler-file",
                str(address_file),
                "--no-nanny",
                "--nthreads",
                "1",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
                "--local-directory",
                str(tmp_path / "worker"),
                "--death-timeout",
                "60",
            ],
            **quiet,
        )
        time.sleep(0.5)
        yield json.loads(address_file.read_text())["address"]
    finally:
        for process in (worker, scheduler):
            if process is not None:
                _stop(process)


def test_a_series_on_a_dask_cluster_is_byte_identical_to_a_local_one(cluster: str, tmp_path: Path) -> None:
    facts = write_series_store(tmp_path / "series.yaml", 2)
    args = ("build", "--region", "all", "--lang", "en,zh", "--facts", facts)
    remote = run_cli(*args, "--out", tmp_path / "remote", "--scheduler", cluster, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert remote.code == 0, remote.err
    local = run_cli(*args, "--out", tmp_path / "local", "--jobs", "2", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert local.code == 0, local.err
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*") if p.is_file())
    assert len(files) == 12  # 2 regions × en, zh × PDF, DOCX, HTML
    for name in files:
        assert (tmp_path / "remote" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert sorted(p.relative_to(tmp_path / "remote") for p in (tmp_path / "remote").rglob("*") if p.is_file()) == files
    qpdf_check(tmp_path / "remote" / "r001" / "briefing-zh.pdf")


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    facts = write_series_store(tmp_path / "series.yaml", 1)
    run = run_cli(
        "build",
        "--region",
        "all",
        "--facts",
        facts,
        "--out",
        tmp_path / "out",
        "--scheduler",
        "tcp://127.0.0.1:9",
        env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"},
    )
    assert run.code == 1
    assert "cannot use the dask scheduler at tcp://127.0.0.1:9" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "out").exists()
