"""Output files: atomic replacement, interrupted and concurrent builds, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import docx
import pytest
from conftest import jjj_brief, pdfinfo

from jjj_brief import pipeline
from jjj_brief.errors import BriefError
from jjj_brief.pipeline import BuildRequest
from jjj_brief.writers import WRITERS
from tests.fakes import FakeWriter


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_writer_failing_halfway_leaves_the_previous_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "briefing-zh.pdf").write_bytes(b"previous pdf")
    (out / "briefing-zh.docx").write_bytes(b"previous docx")

    def broken_docx(doc, out, hooks):
        out.write(b"half a file")
        raise BriefError("the disk is full")

    monkeypatch.setitem(WRITERS, "docx", FakeWriter("docx", "docx", "unused", write=broken_docx))
    with pytest.raises(BriefError):
        pipeline.build(BuildRequest(langs=("zh",), out_dir=out))
    assert (out / "briefing-zh.pdf").read_bytes() == b"previous pdf"
    assert (out / "briefing-zh.docx").read_bytes() == b"previous docx"
    assert leftovers(out) == []


def test_a_killed_two_process_build_leaves_the_previous_file_and_no_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "briefing-en.docx").write_bytes(b"previous docx")
    started = tmp_path / "started"
    slow_build = textwrap.dedent(f"""
        import time, sys, pathlib
        from jjj_brief import cli
        from jjj_brief.writers import WRITERS, Writer
        class Slow(Writer):
            def load(self):
                def write(doc, out, hooks):
                    out.write(b"partial")
                    pathlib.Path({str(started)!r}).touch()
                    time.sleep(60)
                return write
        WRITERS["docx"] = Slow("docx", "docx", "unused")
        sys.argv = ["jjj-brief", "build", "--lang", "en,zh", "--out", {str(out)!r}]
        cli.main()
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", slow_build],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "JJJ_BRIEF_PROCESSES": "2"},
    )  # two even on a busy machine
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists(), "the build never started writing"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "interrupted" in err
    assert "Traceback" not in err  # the forked writer (the PDFs) ends quietly too
    assert (out / "briefing-en.docx").read_bytes() == b"previous docx"
    assert leftovers(out) == []


def test_two_builds_at_once_into_one_folder_both_finish_with_valid_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "jjj_brief.cli", "build", "--lang", "en,zh", "--out", str(out)]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for proc in procs:
        proc.wait(timeout=120)
        assert proc.returncode == 0, proc.stderr.read()
    assert leftovers(out) == []
    for lang in ("en", "zh"):
        assert pdfinfo(out / f"briefing-{lang}.pdf")["Pages"] in {"1", "2", "3"}
        assert docx.Document(str(out / f"briefing-{lang}.docx")).paragraphs


def test_with_source_date_epoch_two_builds_are_byte_identical(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1729814400"}
    for name in ("a", "b"):
        run = jjj_brief("build", "--lang", "en,zh", "--out", tmp_path / name, env=env)
        assert run.code == 0, run.err
    for file in sorted((tmp_path / "a").iterdir()):
        assert file.read_bytes() == (tmp_path / "b" / file.name).read_bytes(), file.name
    assert pdfinfo(tmp_path / "a" / "briefing-en.pdf")["CreationDate"].startswith("Fri Oct 25 00:00:00 2024")


def test_without_it_the_dates_are_today(tmp_path: Path) -> None:
    run = jjj_brief("build", "--lang", "en", "--format", "docx", "--out", tmp_path, env={"SOURCE_DATE_EPOCH": ""})
    assert run.code == 0, run.err
    created = docx.Document(str(tmp_path / "briefing-en.docx")).core_properties.created
    assert created.date() in {dt.date.today(), dt.datetime.now(dt.timezone.utc).date()}
