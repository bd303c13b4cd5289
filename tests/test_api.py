"""The Python API, used as a script would: load, render, write, build; errors name the place."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import jjj_brief
from jjj_brief.document import Document, figures
from tests.conftest import REPO, pdftotext, qpdf_check, require, squeeze

BUNDLED = REPO / "facts" / "jjj-2024.yaml"
SMALL = {
    "regions": {"x": {"en": "Example region", "zh": "示例地区", "zh_Hant": "示例地區"}},
    "sources": {
        "s": {"publisher": {"en": "Bureau", "zh": "统计局"}, "title": {"en": "Bulletin"}, "date": "2024-10-25"}
    },
    "indicators": {"gdp": {"label": {"en": "GDP", "zh": "地区生产总值", "zh_Hant": "地區生產總值"}, "unit": "CNY"}},
    "facts": [{"indicator": "gdp", "region": "x", "period": "2023", "value": 4.7e12, "source": "s"}],
}


def test_load_facts_takes_a_path_a_list_of_paths_a_mapping_and_a_store() -> None:
    from_path = jjj_brief.load_facts(BUNDLED)
    assert len(from_path.facts) >= 10
    assert jjj_brief.load_facts([str(BUNDLED)]).facts.keys() == from_path.facts.keys()
    assert jjj_brief.load_facts(from_path) is from_path
    assert jjj_brief.load_facts(None).facts.keys() == from_path.facts.keys()  # the bundled store
    small = jjj_brief.load_facts(SMALL)
    (fact,) = small.facts.values()
    assert str(fact.value) == "4700000000000.0"  # the float's shortest text, never its binary expansion


def test_a_mapping_error_names_the_path_inside_the_mapping() -> None:
    bad = {**SMALL, "facts": [{**SMALL["facts"][0], "value": "3876亿"}]}
    with pytest.raises(jjj_brief.Error) as caught:
        jjj_brief.load_facts(bad)
    assert str(caught.value).startswith("facts[0].value: value '3876亿' is not a number")


def test_render_gives_a_document_and_reports_left_out_passages() -> None:
    warnings: list[jjj_brief.BriefWarning] = []
    doc = jjj_brief.render(SMALL, lang="zh", on_warning=warnings.append)
    assert isinstance(doc, Document)
    assert doc.meta.lang == "zh-CN"
    assert [f.text for f in figures(doc) if "gdp/x/2023" in f.facts]
    assert warnings, "a region with one indicator leaves passages out, and says so"


def test_to_pdf_returns_bytes_or_writes_into_a_file(tmp_path: Path) -> None:
    doc = jjj_brief.render(BUNDLED, lang="en")
    data = jjj_brief.to_pdf(doc)
    assert data is not None and data.startswith(b"%PDF-")
    path = tmp_path / "b.pdf"
    with path.open("wb") as handle:
        assert jjj_brief.to_pdf(doc, handle) is None
    qpdf_check(path)
    assert "2.43 trillion yuan" in pdftotext(path)


def test_to_docx_bytes_open_in_python_docx() -> None:
    doc = jjj_brief.render(BUNDLED, lang="zh")
    data = jjj_brief.to_docx(doc)
    assert data is not None
    text = "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "2.43万亿元" in squeeze(text)


def test_to_docx_can_carry_the_bundled_faces() -> None:
    """``embed_fonts=True`` (the CLI's ``--embed-fonts``): subset faces inside, named by the styles."""
    doc = jjj_brief.render(BUNDLED, lang="zh")
    data = jjj_brief.to_docx(doc, embed_fonts=True)
    assert data is not None
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        fonts = [name for name in package.namelist() if name.startswith("word/fonts/")]
        table = package.read("word/fontTable.xml").decode()
    assert fonts and all(name.endswith(".odttf") for name in fonts)
    assert table.count("w:embedRegular") >= 4  # Latin and Chinese, serif and sans
    body = docx.Document(io.BytesIO(data)).styles["Body Text"].element.rPr
    assert f'w:name="{body.rFonts.get(qn("w:eastAsia"))}"' in table


def test_build_writes_every_language_and_format_and_takes_lists_or_strings(tmp_path: Path) -> None:
    require("pdftotext")
    result = jjj_brief.build(lang=["en", "zh"], format="PDF,docx", out=tmp_path)
    assert sorted(p.name for p in result.written) == [
        "briefing-en.docx",
        "briefing-en.pdf",
        "briefing-zh.docx",
        "briefing-zh.pdf",
    ]
    for path in (p for p in result.written if p.suffix == ".pdf"):
        qpdf_check(path)
    assert "2.43万亿元" in squeeze(pdftotext(tmp_path / "briefing-zh.pdf"))


def test_build_refuses_an_unknown_format_as_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(jjj_brief.Error) as caught:
        jjj_brief.build(lang="en", format="rtf", out=tmp_path)
    assert caught.value.exit_code == 2
    assert "unknown format 'rtf'" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_importing_the_package_imports_no_writer_or_template_library() -> None:
    probe = (
        "import sys, jjj_brief; heavy = {'reportlab', 'docx', 'jinja2', 'babel'} & "
        "{m.split('.')[0] for m in sys.modules}; print(sorted(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_readme_api_example_runs(tmp_path: Path) -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```python\n")[1:]]
    assert blocks, "the README's Python API section has no example"
    (tmp_path / "facts").mkdir()
    shutil.copy(BUNDLED, tmp_path / "facts" / "jjj-2024.yaml")
    done = subprocess.run(
        [sys.executable, "-c", "\n".join(blocks)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "'briefing-en.pdf', 'briefing-zh.pdf'" in done.stdout
    assert "facts[0]: a fact lacks 'source'" in done.stdout
    assert (tmp_path / "output" / "briefing-zh.pdf").read_bytes().startswith(b"%PDF-")
    assert "['jjj'] {}" in done.stdout
    assert sorted(p.name for p in (tmp_path / "series" / "jjj").iterdir()) == ["briefing-en.pdf", "briefing-zh.pdf"]
