"""Text that is hostile to a writer, and generated fact files: build and read back, or fail cleanly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import html5lib
import pytest
from conftest import jjj_brief, pdf_body, squeeze
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jjj_brief.errors import BriefError
from jjj_brief.pipeline import BuildRequest, build

HOSTILE_LABEL = 'profit <b>&amp; "loss" </p> {{ 7*7 }} R&D > 5'
LONG_WORD = "Supercalifragilistic" * 12
PLAIN = {"profit", "<b>&amp;", '"loss"', "</p>", "{{", "7*7", "}}", "R&D", ">", "5"}


def hostile_facts(folder: Path, rows: int = 3) -> Path:
    facts = "\n".join(
        f"  - {{indicator: v, region: r, period: '{2000 + i}', value: {i + 1}e9, source: s}}" for i in range(rows)
    )
    path = folder / "hostile.yaml"
    path.write_text(
        "regions:\n"
        f"  r: {{en: 'Region <x> & y 😀 مرحبا {LONG_WORD}', zh: \"区域<甲>&乙\"}}\n"
        "sources:\n  s: {publisher: {en: 'A&B <Press>', zh: 'A&B <出版社>'}, title: {en: 'T'}}\n"
        "indicators:\n"
        f"  industrial_value_added: {{label: {{en: '{HOSTILE_LABEL}', zh: '{HOSTILE_LABEL}'}}, unit: CNY}}\n"
        "  v: {label: {en: value, zh: 数值}, unit: CNY}\n"
        "facts:\n"
        "  - {indicator: industrial_value_added, region: r, period: '2013', value: 1.7e12, source: s}\n"
        "  - {indicator: industrial_value_added, region: r, period: '2023', value: 2.43e12, source: s}\n"
        f"{facts}\n",
        encoding="utf-8",
    )
    return path


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markup_like_labels_are_text_in_every_format(tmp_path: Path, lang: str) -> None:
    run = jjj_brief("build", "--lang", lang, "--facts", hostile_facts(tmp_path), "--out", tmp_path / "out")
    assert run.code == 0, run.err
    pdf = squeeze(pdf_body(tmp_path / "out" / f"briefing-{lang}.pdf"))
    word = squeeze(docx_text(tmp_path / "out" / f"briefing-{lang}.docx"))
    page = html5lib.parse((tmp_path / "out" / f"briefing-{lang}.html").read_bytes(), namespaceHTMLElements=False)
    html = squeeze("".join(page.find("body").itertext()))
    assert not page.findall(".//b")  # the label's <b> is text, not an element
    for text in (pdf, word, html):
        assert squeeze(HOSTILE_LABEL.capitalize()[0] + HOSTILE_LABEL[1:]) in text
        assert "A&B<Press>" in text or "A&B<出版社>" in text
    if lang == "en":
        assert squeeze(LONG_WORD) in pdf  # a word longer than a line is split, never lost
        # No bundled face has emoji or Arabic: the PDF draws the replacement character U+FFFD
        # (see writers/fonts.py), the DOCX keeps the characters for the reader's own fonts.
        assert "😀مرحبا" in word and "😀مرحبا" in html and "y\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd" in pdf
    else:
        # (a BEL escaped in a label is refused at its line: tests/test_hostile_text.py)
        assert "区域<甲>&乙" in pdf and "区域<甲>&乙" in word and "区域<甲>&乙" in html


def test_a_very_long_table_builds_over_several_pages(tmp_path: Path) -> None:
    run = jjj_brief(
        "build",
        "--lang",
        "zh",
        "--format",
        "pdf",
        "--facts",
        hostile_facts(tmp_path, rows=150),
        "--out",
        tmp_path / "out",
    )
    assert run.code == 0, run.err
    text = squeeze(pdf_body(tmp_path / "out" / "briefing-zh.pdf"))
    assert "1500亿元" in text  # the last row: 150e9
    assert text.count("指标") >= 3  # the header row repeats on each page of the table


# ---------------------------------------------------------------- properties

COVERED = st.one_of(  # characters the bundled fonts cover, so the text must come back exactly
    st.characters(min_codepoint=0x21, max_codepoint=0x7E),
    st.characters(min_codepoint=0xA1, max_codepoint=0xFF),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from("，。、；：？！“”（）《》—…"),
)
label = st.text(alphabet=COVERED, min_size=1, max_size=30)
value = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, places=2)
year = st.integers(min_value=1990, max_value=2030)


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@settings(
    max_examples=max(5, settings().max_examples // 8),  # each example is a whole build
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=label, values=st.lists(st.tuples(year, value), min_size=1, max_size=4, unique_by=lambda t: t[0]))
def test_generated_facts_build_and_read_back_or_fail_with_our_error(
    tmp_path_factory: pytest.TempPathFactory, name: str, values: list[tuple[int, Decimal]]
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    facts = "\n".join(
        f"  - {{indicator: industrial_value_added, region: r, period: '{y}', value: '{v}', source: s}}"
        for y, v in values
    )
    (folder / "f.yaml").write_text(
        f"regions:\n  r: {{en: {quoted(name)}, zh: {quoted(name)}}}\n"
        "sources:\n  s: {publisher: {en: P}, title: {en: T}}\n"
        "indicators:\n  industrial_value_added: {label: {en: iva, zh: 工业增加值}, unit: CNY}\n"
        f"facts:\n{facts}\n",
        encoding="utf-8",
    )
    request = BuildRequest(langs=("en",), fact_paths=(folder / "f.yaml",), out_dir=folder / "out")
    earliest = min(values)[1]
    if len(values) > 1 and earliest == 0:
        # the one refusal this data can earn: a growth rate from a zero base
        with pytest.raises(BriefError, match="its value is zero"):
            build(request)
        return
    result = build(request)
    assert sorted(p.name for p in result.written) == ["briefing-en.docx", "briefing-en.html", "briefing-en.pdf"]
    text = squeeze(pdf_body(folder / "out" / "briefing-en.pdf"))
    assert squeeze(name) in text
    page = html5lib.parse((folder / "out" / "briefing-en.html").read_bytes(), namespaceHTMLElements=False)
    assert squeeze(name) in squeeze("".join(page.find("body").itertext()))
