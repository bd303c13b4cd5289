"""The workbook inside a DOCX chart, written without openpyxl, reads back in openpyxl and LibreOffice."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
from conftest import jjj_brief, require

EPOCH = "1729814400"  # 2024-10-25


def _workbooks(docx_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx_path) as package:
        return {name: package.read(name) for name in package.namelist() if name.endswith(".xlsx")}


def test_the_chart_workbook_holds_the_chart_as_both_readers_see_it(tmp_path: Path) -> None:
    run = jjj_brief("build", "--lang", "zh", "--format", "docx", "--out", tmp_path, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.code == 0, run.err
    books = _workbooks(tmp_path / "briefing-zh.docx")
    assert books
    data = next(iter(books.values()))
    rows = list(openpyxl.load_workbook(io.BytesIO(data)).active.values)
    assert rows[0] == ("", "工业增加值") and rows[1:] == [("2013年", 1.7), ("2023年", 2.43)]
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert {info.date_time for info in book.infolist()} == {(2024, 10, 25, 0, 0, 0)}
    sheet = tmp_path / "chart.xlsx"
    sheet.write_bytes(data)
    soffice = require("soffice")
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(sheet),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    lines = (tmp_path / "chart.csv").read_text(encoding="utf-8").splitlines()
    assert lines == [",工业增加值", "2013年,1.7", "2023年,2.43"]


def test_a_docx_with_charts_imports_neither_openpyxl_nor_numpy(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom jjj_brief.api import render, to_docx\n"
        "assert b'xlsx' in to_docx(render(lang='en'))\n"
        "print(sorted(m for m in ('openpyxl', 'numpy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]"
