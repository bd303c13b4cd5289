"""A series: --region all / a,b,c, a folder per region, a failing region fails alone, Ctrl-C."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import docx
import pytest

import jjj_brief
from jjj_brief.writers import WRITERS
from tests.conftest import jjj_brief as run_cli
from tests.conftest import pdf_body, qpdf_check, squeeze
from tests.fakes import FakeWriter
from tests.series_store import region_names, write_series_store

EPOCH = {"SOURCE_DATE_EPOCH": "1729814400"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three good regions and one (``bad``) without a Chinese name."""
    folder = tmp_path_factory.mktemp("series")
    return write_series_store(folder / "series.yaml", 3, extra_regions={"bad": {"en": "Badland"}})


def assert_region_files(
    folder: Path, n: int, langs: tuple[str, ...] = ("en", "zh"), formats: tuple[str, ...] = ("pdf", "docx", "html")
) -> None:
    """The region's files are there, whole, and about region ``n``."""
    names = region_names(n)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"briefing-{lang}.{fmt}" for lang in langs for fmt in formats
    )
    for lang in langs:
        if "pdf" in formats:
            qpdf_check(folder / f"briefing-{lang}.pdf")
            assert squeeze(names[lang]) in squeeze(pdf_body(folder / f"briefing-{lang}.pdf"))
        if "docx" in formats:
            text = "".join(p.text for p in docx.Document(str(folder / f"briefing-{lang}.docx")).paragraphs)
            assert squeeze(names[lang]) in squeeze(text)
        if "html" in formats:
            page = (folder / f"briefing-{lang}.html").read_text(encoding="utf-8")
            assert "<title>" in page and names[lang] in page


def test_region_all_writes_each_region_into_its_folder_and_a_bad_one_fails_alone(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = run_cli("build", "--region", "all", "--lang", "en,zh", "--facts", store, "--out", out, "--jobs", "2")
    assert run.code == 1, run.err
    assert sorted(p.name for p in out.iterdir()) == ["r000", "r001", "r002"]
    for n in range(3):
        assert_region_files(out / f"r{n:03d}", n)
    assert "built 3 of 4 regions (18 documents)" in run.err
    summary = run.err[run.err.index("1 region(s) failed:") :]
    assert f"bad: {store}:" in summary and "region 'bad' has no zh name" in summary
    assert "Traceback" not in run.err
    assert len([line for line in run.out.splitlines() if line.startswith("wrote ")]) == 18


def test_a_chosen_set_of_regions(store: Path, tmp_path: Path) -> None:
    run = run_cli(
        "build",
        "--region",
        "r002,r000",
        "--lang",
        "en",
        "--format",
        "pdf",
        "--facts",
        store,
        "--out",
        tmp_path,
        "--jobs",
        "1",
    )
    assert run.code == 0, run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r000", "r002"]
    assert_region_files(tmp_path / "r002", 2, ("en",), ("pdf",))
    assert run.out.splitlines() == [f"wrote {tmp_path}/r002/briefing-en.pdf", f"wrote {tmp_path}/r000/briefing-en.pdf"]
    assert run.err.strip() == f"built 2 of 2 regions (2 documents) into {tmp_path}"


def test_an_unknown_region_in_the_list_is_a_usage_error_before_anything_is_written(store: Path, tmp_path: Path) -> None:
    run = run_cli("build", "--region", "r000,nowhere", "--facts", store, "--out", tmp_path / "out")
    assert run.code == 2
    assert "unknown region 'nowhere'" in run.err
    assert not (tmp_path / "out").exists()


def test_a_region_key_that_cannot_name_a_folder_fails_alone(tmp_path: Path) -> None:
    facts = write_series_store(tmp_path / "f.yaml", 1, extra_regions={"../escape": region_names(9)})
    run = run_cli(
        "build", "--region", "all", "--lang", "en", "--format", "pdf", "--facts", facts, "--out", tmp_path / "out"
    )
    assert run.code == 1
    assert f"{facts}:" in run.err and "region key '../escape' cannot name an output folder" in run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml", "out"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r000"]


def test_a_crashing_worker_fails_only_its_region(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool is forked from this process, so its workers inherit the crashing writer row."""
    real = WRITERS["docx"]

    def crash_on_region_1(doc, out, hooks):
        if region_names(1)["en"] in doc.meta.title:
            os._exit(3)
        real.load()(doc, out, hooks)

    monkeypatch.setitem(WRITERS, "docx", FakeWriter("docx", "docx", "unused", write=crash_on_region_1))
    result = jjj_brief.build_many("r000,r001,r002", facts=store, out=tmp_path, lang="en", format="pdf,docx", jobs=2)
    assert result.failed == {"r001": "its worker process exited with code 3 while building it, also when run alone"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r000", "r002"]
    for n in (0, 2):
        assert_region_files(tmp_path / f"r{n:03d}", n, ("en",), ("pdf", "docx"))


def test_the_api_builds_a_series_or_one_region_into_out(store: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    result = jjj_brief.build_many(
        ["r001", "r000"],
        facts=store,
        out=tmp_path / "series",
        lang="zh",
        format="docx",
        jobs=1,
        on_region=lambda outcome: seen.append(outcome.region),
    )
    assert seen == ["r001", "r000"] and result.failed == {}
    assert [p.relative_to(tmp_path).as_posix() for p in result.written] == [
        "series/r001/briefing-zh.docx",
        "series/r000/briefing-zh.docx",
    ]
    one = jjj_brief.build_many("r002", facts=store, out=tmp_path / "one", lang="zh", format="docx")
    assert [p.relative_to(tmp_path).as_posix() for p in one.written] == ["one/briefing-zh.docx"]
    assert_region_files(tmp_path / "one", 2, ("zh",), ("docx",))


def test_ctrl_c_keeps_finished_regions_and_leaves_nothing_half_written(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    started = tmp_path / "started"
    slow_series = textwrap.dedent(f"""
        import pathlib, sys, time
        from jjj_brief import cli
        from jjj_brief.writers import WRITERS
        from tests.fakes import FakeWriter
        real = WRITERS["pdf"]
        def write(doc, out, hooks):
            if "Region 2" in doc.meta.title:
                out.write(b"partial")
                pathlib.Path({str(started)!r}).touch()
                time.sleep(120)
            real.load()(doc, out, hooks)
        WRITERS["pdf"] = FakeWriter("pdf", "pdf", "unused", paged=True, write=write)
        sys.argv = ["jjj-brief", "build", "--region", "r000,r001,r002", "--lang", "en", "--format", "pdf",
                    "--facts", {str(store)!r}, "--out", {str(out)!r}, "--jobs", "2"]
        cli.main()
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", slow_series],
        cwd=Path(__file__).parent.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not started.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert started.exists(), "the slow region never started"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C at a terminal does: the whole group
        stdout, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "interrupted:" in err and "Traceback" not in err
    assert [p.name for p in out.rglob(".*")] == []  # no temporary file anywhere
    assert not (out / "r002").exists()
    finished = sorted(line.split("/")[-2] for line in stdout.splitlines() if line.startswith("wrote "))
    assert finished == sorted(p.name for p in out.iterdir())
    for region in finished:
        assert_region_files(out / region, int(region[1:]), ("en",), ("pdf",))
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker outlived the run


def test_on_a_terminal_a_progress_bar_replaces_the_lines(store: Path, tmp_path: Path) -> None:
    pytest.importorskip("rich")
    main, follower = pty.openpty()
    command = [
        sys.executable,
        "-m",
        "jjj_brief.cli",
        "build",
        "--region",
        "all",
        "--lang",
        "zh",
        "--format",
        "pdf",
        "--facts",
        str(store),
        "--out",
        str(tmp_path),
        "--jobs",
        "2",
    ]
    proc = subprocess.Popen(
        command, stdin=follower, stdout=follower, stderr=follower, env={**os.environ, "COLUMNS": "120"}
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=60)
    os.close(main)
    text = shown.decode("utf-8", "replace")
    assert proc.returncode == 1
    assert "documents" in text and "4/4" in text and "1 failed" in text
    assert "wrote " not in text
    assert "built 3 of 4 regions" in text and "bad: " in text


def test_a_series_from_the_example_workbook(tmp_path: Path) -> None:
    """The issue's case: a statistics office's workbook, one briefing per region in it."""
    workbook = Path(__file__).resolve().parent.parent / "examples" / "gba.xlsx"
    run = run_cli(
        "build",
        "--region",
        "all",
        "--lang",
        "zh",
        "--format",
        "pdf",
        "--facts",
        workbook,
        "--out",
        tmp_path,
        "--jobs",
        "2",
    )
    assert run.code == 0, run.err
    folders = sorted(p.name for p in tmp_path.iterdir())
    assert len(folders) == 3 and "shenzhen" in folders
    for folder in folders:
        qpdf_check(tmp_path / folder / "briefing-zh.pdf")
    assert "深圳" in squeeze(pdf_body(tmp_path / "shenzhen" / "briefing-zh.pdf"))


def test_jobs_must_be_positive_and_exclude_a_scheduler(store: Path, tmp_path: Path) -> None:
    for arguments, message in (
        ({"jobs": 0}, "--jobs must be 1 or more"),
        ({"jobs": 2, "scheduler": "tcp://127.0.0.1:9"}, "--jobs and --scheduler exclude"),
    ):
        with pytest.raises(jjj_brief.Error) as caught:
            jjj_brief.build_many("all", facts=store, out=tmp_path, **arguments)
        assert caught.value.exit_code == 2 and message in str(caught.value)
    assert list(tmp_path.iterdir()) == []
