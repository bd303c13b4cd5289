"""`jjj-brief watch`, run for real: a subprocess in a temporary project, edited as a person would."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, jjj_brief, pdftotext, qpdf_check

from jjj_brief.resources import bundled

TIMEOUT = 120  # seconds to wait for anything; a loaded CI machine is slow, a hung watch is not


class Watching:
    """A running ``jjj-brief watch`` whose output lines are collected as they come."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        script = shutil.which("jjj-brief")
        command = [script] if script else [sys.executable, "-m", "jjj_brief.cli"]
        self.proc = subprocess.Popen(
            [*command, "watch", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "JJJ_BRIEF_DEBUG": ""},
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, what: str, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            assert self.proc.poll() is None, f"watch ended early while waiting for {what}:\n" + self.output()
            assert time.monotonic() < deadline, f"no {what} within {TIMEOUT} s:\n" + self.output()
            time.sleep(0.1)

    def saw(self, text: str, after: int = 0) -> bool:
        return any(text in line for line in self.lines[after:])

    def output(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with its own facts and catalogs, as a user's would be."""
    shutil.copytree(bundled("facts"), tmp_path / "facts")
    shutil.copytree(bundled("locales"), tmp_path / "locales")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in ``path``; the 1-based line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".part") or p.name.startswith(".")]


def test_watch_rebuilds_on_edits_keeps_the_last_good_files_and_stops_cleanly(project: Path) -> None:
    out = project / "out"
    facts, catalog = project / "facts" / "jjj-2024.yaml", project / "locales" / "zh" / "LC_MESSAGES" / "messages.po"
    watching = Watching(
        ["--lang", "en,zh", "--format", "pdf", "--facts", "facts", "--locales", "locales", "--out", "out"], project
    )
    try:
        watching.wait_for("first build", lambda: watching.saw("watching "))
        english, chinese = out / "briefing-en.pdf", out / "briefing-zh.pdf"
        assert "2.43 trillion yuan" in " ".join(pdftotext(english).split())

        mark = len(watching.lines)
        _edit(facts, 'value: "2.43e12"', 'value: "2.47e12"')  # a fact: every language
        watching.wait_for("the rebuilt PDFs", lambda: watching.saw("rebuilt 2 file(s)", mark))
        assert "2.47 trillion yuan" in " ".join(pdftotext(english).split())
        assert "2.47万亿元" in "".join(pdftotext(chinese).split())
        qpdf_check(english)
        good = {path: path.read_bytes() for path in (english, chinese)}

        mark = len(watching.lines)
        line = _edit(facts, 'value: "2.47e12"', 'value: "2.4x7e12"')  # a typo: the build breaks
        watching.wait_for("the error", lambda: watching.saw("last good files are unchanged", mark))
        assert watching.saw(f"jjj-2024.yaml:{line}: value '2.4x7e12' is not a number", mark), watching.output()
        assert {path: path.read_bytes() for path in good} == good

        mark = len(watching.lines)
        _edit(facts, 'value: "2.4x7e12"', 'value: "2.47e12"')  # fixed: the same documents as before
        watching.wait_for("the fix", lambda: watching.saw("no document changed", mark))

        mark = len(watching.lines)
        _edit(catalog, 'msgstr "主要指标"', 'msgstr "重点数据"')  # a Chinese catalog: Chinese only
        watching.wait_for("the Chinese rebuild", lambda: watching.saw("rebuilt 1 file(s)", mark))
        assert watching.saw("wrote out/briefing-zh.pdf", mark) and not watching.saw("briefing-en", mark)
        assert "重点数据" in pdftotext(chinese) and english.read_bytes() == good[english]

        watching.proc.send_signal(signal.SIGINT)
        assert watching.proc.wait(timeout=TIMEOUT) == 0, watching.output()
    finally:
        if watching.proc.poll() is None:
            watching.proc.kill()
    assert "stopped watching" in watching.output() and "Traceback" not in watching.output()
    assert _leftovers(project) == []


def _readme_session() -> tuple[list[str], list[str]]:
    """The README's ``watch`` session: the command's arguments, and the lines it prints."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"^```console\n(.*?)^```", text, re.M | re.S) if "jjj-brief watch" in b]
    command, *shown = block.splitlines()
    return command.removeprefix("$ jjj-brief watch ").split(), [line for line in shown if line != "^C"]


def _pattern(shown: str) -> re.Pattern[str]:
    """A printed line as the README shows it, with its timing and elided paths left open."""

    def piece(part: str) -> str:
        if part == "…":
            return ".*"
        return _TIMING if re.fullmatch(_TIMING, part) else re.escape(part)

    return re.compile("".join(piece(part) for part in re.split(f"(…|{_TIMING})", shown)))


_TIMING = r"in [\d.]+ s"


def test_the_readme_watch_session_is_what_watch_prints(tmp_path: Path) -> None:
    args, shown = _readme_session()
    assert jjj_brief("new", "my-project", cwd=tmp_path).code == 0
    facts = tmp_path / "my-project" / "facts" / "example.yaml"
    watching = Watching(args, tmp_path)
    try:
        watching.wait_for("first build", lambda: watching.saw("watching "))
        mark = len(watching.lines)
        _edit(facts, "value: 2.43e12", "value: 2.47e12")
        watching.wait_for("the rebuild", lambda: watching.saw("rebuilt", mark))
        mark = len(watching.lines)
        _edit(facts, "value: 2.47e12", "value: 2.4x7e12")
        watching.wait_for("the error", lambda: watching.saw("last good files", mark))
        watching.proc.send_signal(signal.SIGINT)
        assert watching.proc.wait(timeout=TIMEOUT) == 0
    finally:
        if watching.proc.poll() is None:
            watching.proc.kill()
    printed = watching.lines
    assert len(printed) == len(shown), watching.output()
    for line, expected in zip(printed, shown):
        assert _pattern(expected).fullmatch(line), (line, expected)
