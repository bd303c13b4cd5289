"""The writer hooks the provenance tools rely on: figure pages, notes as comments, changed figures marked."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx
from conftest import qpdf_check, require

from jjj_brief.document import Document, Figure, Meta, Paragraph, Text
from jjj_brief.writers.docx import write_docx
from jjj_brief.writers.pdf import write_pdf

NOTED = Figure("2.43万亿元", ("iav/jjj/2023",), note="industrial_value_added/jjj/2023 = 2.43e12 (新华社)")
CHANGED = Figure("10.4万亿元", ("gdp/jjj/2023",), previous="10.3万亿元")


def _document(pages: int = 1) -> Document:
    filler = tuple(Paragraph((Text("京津冀协同发展。" * 40),)) for _ in range(pages * 3))
    return Document(
        Meta(lang="zh-CN", title="T"),
        (
            Paragraph((Text("工业增加值"), NOTED, Text("。"))),
            *filler,
            Paragraph((Text("生产总值"), CHANGED, Text("。"))),
        ),
    )


def test_the_pdf_reports_each_figure_with_its_page(tmp_path: Path) -> None:
    seen: list[tuple[Figure, int]] = []
    write_pdf(_document(pages=2), tmp_path / "a.pdf", on_figure=lambda f, page: seen.append((f, page)))
    assert seen[0] == (NOTED, 1)
    assert seen[1][0] == CHANGED and seen[1][1] > 1


def test_the_pdf_annotates_a_noted_figure(tmp_path: Path) -> None:
    """One text annotation holding the note, its icon a PDF name (``/Comment``, not a bare word)."""
    write_pdf(_document(), tmp_path / "a.pdf")
    qpdf_check(tmp_path / "a.pdf")
    dump = subprocess.run(
        [require("qpdf"), "--json=2", "--json-key=qpdf", str(tmp_path / "a.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    objects = [entry.get("value") for entry in json.loads(dump)["qpdf"][1].values() if isinstance(entry, dict)]
    notes = [(o["/Contents"], o["/Name"]) for o in objects if isinstance(o, dict) and o.get("/Subtype") == "/Text"]
    assert notes == [(f"u:{NOTED.note}", "/Comment")]  # qpdf's JSON: "u:" a text string, "/" a name


def test_the_docx_comments_a_noted_figure_and_highlights_a_changed_one(tmp_path: Path) -> None:
    write_docx(_document(), tmp_path / "a.docx")
    document = docx.Document(str(tmp_path / "a.docx"))
    (comment,) = list(document.comments)
    assert comment.text == NOTED.note and comment.author == "jjj-brief"
    body = document.element.body.xml
    assert body.count('w:highlight w:val="yellow"') == 1
    assert "10.4万亿元" in document.paragraphs[-1].text


def test_the_html_titles_a_noted_figure_and_marks_a_changed_one() -> None:
    import html5lib

    from jjj_brief.errors import BriefWarning
    from jjj_brief.writers.html import html_document

    warnings: list[BriefWarning] = []
    page = html5lib.parse(html_document(_document(), warnings.append), namespaceHTMLElements=False)
    noted, changed = page.findall(".//data")
    assert noted.get("title") == NOTED.note and noted.get("data-previous") is None
    assert changed.get("data-previous") == "10.3万亿元" and changed.get("title") is None
    assert changed.text == "10.4万亿元" and changed.get("data-facts") == "gdp/jjj/2023"
    assert warnings == []
