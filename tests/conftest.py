"""Shared test helpers: run the command as a user would, and read files with real readers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: a fixed seed and a bounded count by default (CI), a long random run by hand:
#   HYPOTHESIS_PROFILE=dev python3 -m pytest -q tests/test_hostile_input.py tests/test_l10n.py
settings.register_profile("ci", derandomize=True, max_examples=50, deadline=None)
settings.register_profile("dev", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


READERS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "soffice", "qpdf", "chromium")
PACKAGES = {"soffice": "libreoffice-writer-nogui", "qpdf": "qpdf", "chromium": "chromium"}  # else poppler-utils


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    """In CI (JJJ_BRIEF_REQUIRE_READERS=1, set by .ci/run) a missing reader is a failure, not a
    skip: otherwise a broken apt install would turn every real-reader test into a green skip."""
    missing = [tool for tool in READERS if shutil.which(tool) is None]
    if os.environ.get("JJJ_BRIEF_REQUIRE_READERS") and missing:
        packages = sorted({PACKAGES.get(tool, "poppler-utils") for tool in missing})
        pytest.exit(f"readers missing: {', '.join(missing)} (apt-get install {' '.join(packages)})", returncode=1)


def require(tool: str) -> str:
    """The path of a reader program; skip (with the apt package to install) when it is missing."""
    found = shutil.which(tool)
    if not found:
        package = PACKAGES.get(tool, "poppler-utils")
        pytest.skip(f"{tool} is not installed (apt-get install {package})")
    return found


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def jjj_brief(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run the ``jjj-brief`` command (the installed script when there is one)."""
    script = shutil.which("jjj-brief")
    command = [script] if script else [sys.executable, "-m", "jjj_brief.cli"]
    full_env = {**os.environ, **(env or {})}
    done = subprocess.run(
        [*command, *map(str, args)], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300
    )
    return Run(done.returncode, done.stdout, done.stderr)


_CHECKED: set[tuple[str, int, int]] = set()


def qpdf_check(path: Path) -> None:
    """``qpdf --check``: the file's structure (xref, streams, objects) is sound; warnings fail too.

    The PDF readers below call it first, so every PDF a test reads is checked; it runs once per
    file version (path, modification time, size), however many times the file is read."""
    stat = Path(path).stat()
    version = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
    if version in _CHECKED:
        return
    done = subprocess.run([require("qpdf"), "--check", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"qpdf --check {Path(path).name}: {done.stdout[-400:]}{done.stderr[-400:]}"
    _CHECKED.add(version)


def pdftotext(path: Path, *extra: str) -> str:
    qpdf_check(path)
    exe = require("pdftotext")
    return subprocess.run(
        [exe, "-enc", "UTF-8", *extra, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def soffice_convert(sources: list[Path], to: str, out_dir: Path) -> list[Path]:
    """Files converted by LibreOffice (``--convert-to TO``), in a private profile; one call for all."""
    exe = require("soffice")
    profile = (out_dir / "lo-profile").as_uri()
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(out_dir)},
    )
    converted = [out_dir / f"{path.stem}.{to.split(':')[0]}" for path in sources]
    missing = [path for path in converted if not path.exists()]
    assert not missing, f"LibreOffice did not convert {missing} (is libreoffice-calc-nogui installed?)"
    return converted


def make_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook written by openpyxl itself (not by our exporter), one sheet per entry, in order."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def pdffonts(path: Path) -> list[list[str]]:
    """Rows of ``pdffonts``: name, type, encoding, emb, sub, uni, object, id (split on spaces)."""
    qpdf_check(path)
    exe = require("pdffonts")
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def pdfinfo(path: Path) -> dict[str, str]:
    qpdf_check(path)
    exe = require("pdfinfo")
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


_PAGE_LABEL = re.compile(r"^(Page \d+ of \d+|第\d+[页頁] 共\d+[页頁])$")


_CLASSIFICATION = re.compile(r"^(For internal use|内部资料|內部資料)")  # the bundled settings' marks


def pdf_body(path: Path) -> str:
    """The PDF's text without its page furniture (running header, footer), page by page,
    so a sentence that runs over a page break reads back whole."""
    pages = pdftotext(path).split("\f")
    kept: list[str] = []
    for number, page in enumerate(pages):
        lines = [line for line in page.splitlines() if line.strip()]
        if number and lines:
            lines = lines[1:]  # the running header: the document title
        label = next((i for i, line in enumerate(lines) if _PAGE_LABEL.match(line.strip())), None)
        if label is not None:
            lines = lines[:label]  # the footer: [classification,] page label, then the date
            if lines and _CLASSIFICATION.match(lines[-1].strip()):
                lines = lines[:-1]
        kept.extend(lines)
    return "\n".join(kept)


def squeeze(text: str) -> str:
    """Text with all white space removed: compares Chinese however lines were wrapped."""
    return "".join(text.split())


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default briefing in every language and format, built once by the real command."""
    out = tmp_path_factory.mktemp("output")
    run = jjj_brief(
        "build", "--lang", "all", "--format", "all", "--out", out, env={"SOURCE_DATE_EPOCH": "1729814400"}
    )  # 2024-10-25
    assert run.code == 0, run.err
    return out


@pytest.fixture(scope="session")
def jianbao_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 简报 in zh and zh_Hant, PDF only, built once by the real command and checked by qpdf."""
    out = tmp_path_factory.mktemp("jianbao-pdf")
    run = jjj_brief(
        "build",
        "--lang",
        "zh,zh_Hant",
        "--template",
        "jianbao",
        "--format",
        "pdf",
        "--out",
        out,
        env={"SOURCE_DATE_EPOCH": "1729814400"},
    )
    assert run.code == 0, run.err
    for pdf in out.glob("*.pdf"):
        qpdf_check(pdf)
    return out


@pytest.fixture(scope="session")
def losses(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default briefing on facts where profits were a loss in two of three half-years."""
    text = (REPO / "facts" / "jjj-2024.yaml").read_text(encoding="utf-8")
    old = (
        "  - {indicator: industrial_profit, region: jjj, period: 2024H1, value: 231e9, "
        "qualifier: record_high, source: xinhua-2024-10-25}"
    )
    assert old in text
    new = "\n".join(
        f"  - {{indicator: industrial_profit, region: jjj, period: {p}, value: {v}, source: xinhua-2024-10-25}}"
        for p, v in (("2022H1", "-85e9"), ("2023H1", "-30e9"), ("2024H1", "102e9"))
    )
    folder = tmp_path_factory.mktemp("losses")
    (folder / "facts.yaml").write_text(text.replace(old, new), encoding="utf-8")
    run = jjj_brief(
        "build",
        "--lang",
        "en,zh",
        "--facts",
        folder / "facts.yaml",
        "--out",
        folder / "out",
        env={"SOURCE_DATE_EPOCH": "1729814400"},
    )
    assert run.code == 0, run.err
    return folder / "out"
