"""One process or two: chosen by what is free, split so each imports only what it needs,
and the files are the same bytes either way."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import jjj_brief, pdftotext, qpdf_check

from jjj_brief import jobs
from jjj_brief.api import render
from jjj_brief.jobs import WriteJob, process_count, split_jobs


@pytest.fixture(scope="module")
def documents():
    return {lang: render(lang=lang) for lang in ("en", "zh")}


@pytest.mark.parametrize(
    ("cores", "load", "expected"),
    [
        (2, 0.2, 2),
        (2, 0.6, 1),
        (2, 1.9, 1),
        (1, 0.0, 1),
        (8, 5.0, 2),
        (8, 7.0, 1),
    ],
)
def test_a_second_process_only_when_a_second_core_is_free(
    monkeypatch: pytest.MonkeyPatch, cores: int, load: float, expected: int
) -> None:
    for name in ("JJJ_BRIEF_PROCESSES", "JJJ_BRIEF_SERIAL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(jobs.os, "sched_getaffinity", lambda _: set(range(cores)), raising=False)
    monkeypatch.setattr(jobs, "busy_cores", lambda: load)
    assert process_count() == expected
    monkeypatch.setenv("JJJ_BRIEF_PROCESSES", "2" if expected == 1 else "1")
    assert process_count() == 3 - expected  # the user's word wins
    monkeypatch.setenv("JJJ_BRIEF_SERIAL", "1")
    assert process_count() == 1


def test_busy_cores_is_the_load_average_unless_fewer_run_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs.os, "getloadavg", lambda: (1.8, 1.0, 0.5))
    busy = jobs.busy_cores()
    assert 0 <= busy <= 1.8  # this machine's /proc/loadavg can only lower it
    monkeypatch.setattr("builtins.open", lambda *args, **kwargs: (_ for _ in ()).throw(OSError("no /proc")))
    assert jobs.busy_cores() == 1.8


def test_formats_go_separate_ways_and_one_format_splits_by_script(documents) -> None:
    every = [WriteJob(fmt, doc) for doc in documents.values() for fmt in ("pdf", "docx")]
    here, there = split_jobs(every)
    assert {job.fmt for job in here} == {"docx"} and {job.fmt for job in there} == {"pdf"} and len(there) == 2
    pdfs = [WriteJob("pdf", doc) for doc in documents.values()]
    here, there = split_jobs(pdfs)
    assert [job.doc.meta.lang for job in here] == ["en-US"] and [job.doc.meta.lang for job in there] == ["zh-CN"]


def test_only_what_both_processes_need_is_imported_before_the_fork() -> None:
    probe = (
        "import json, sys\n"
        "from jjj_brief.api import render\n"
        "from jjj_brief.jobs import WriteJob, import_shared, split_jobs\n"
        "docs = [render(lang=lang) for lang in ('en', 'zh')]\n"
        "import_shared(*split_jobs([WriteJob(f, d) for d in docs for f in ('pdf', 'docx')]))\n"
        "names = ('jjj_brief.writers.charts.drawing', 'reportlab.platypus', 'docx', 'PIL.ImageDraw')\n"
        "print(json.dumps(sorted(m for m in names if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    # the chart layout, which both writers use; not what only one writer imports
    assert json.loads(done.stdout.splitlines()[-1]) == ["jjj_brief.writers.charts.drawing"]


def test_two_processes_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    built = {}
    for count in ("1", "2"):
        out = tmp_path / count
        run = jjj_brief(
            "build",
            "--lang",
            "en,zh",
            "--audit",
            "--out",
            out,
            env={"SOURCE_DATE_EPOCH": "1729814400", "JJJ_BRIEF_PROCESSES": count},
        )
        assert run.code == 0, run.err
        built[count] = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    assert len(built["1"]) == 10 and built["1"] == built["2"]  # PDF, DOCX, HTML of 2 languages; 2 ledgers of 2
    qpdf_check(tmp_path / "2" / "briefing-zh.pdf")
    assert "京津冀" in pdftotext(tmp_path / "2" / "briefing-zh.pdf")
    ledger = json.loads(built["2"]["briefing-zh.audit.json"])
    texts = [row for row in ledger["figures"] if row["kind"] == "text"]
    assert texts and all(row["page"] for row in texts)  # the pages came back from the other process
    assert docx.Document(io.BytesIO(built["2"]["briefing-en.docx"])).paragraphs
