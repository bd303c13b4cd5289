"""`jjj-brief build` end to end: files written, read back with poppler and python-docx."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES, jjj_brief, pdf_body, pdffonts, pdfinfo, pdftotext, squeeze

from jjj_brief.document import block_texts
from jjj_brief.pipeline import load_store, render_document, resolve_template

FIGURES = {
    "en": [
        "Economic briefing: Beijing-Tianjin-Hebei region",
        "1.7 trillion yuan (about 238 billion U.S. dollars) in 2013",
        "2.43 trillion yuan in 2023",
        "a cumulative growth of 43 percent",
        "In the first half of 2024",
        "a record high of 231 billion yuan, up 10.2 percent year on year",
        "reached 10.4 trillion yuan in 2023, and has almost doubled since 2013 in nominal terms",
        "an average annual growth rate of 5.8 percent over 2014–2023 in real terms",
        "more than 20 percent",
        "more than 50 percent",
        "October 25, 2024",
    ],
    "zh": [
        "京津冀地区经济简报",
        "由2013年的1.7万亿元（约合2380亿美元）增至2023年的2.43万亿元，累计增长43%",
        "2024年上半年，京津冀地区规模以上工业企业利润总额达2310亿元，创历史新高，同比增长10.2%",
        "2023年，京津冀地区生产总值达10.4万亿元，按现价计算比2013年接近翻一番，按可比价格计算2014—2023年年均增长5.8%",
        "超过20%",
        "超过50%",
        "2024年10月25日",
        "新能源和智能网联汽车",
    ],
}


def flat(text: str, lang: str) -> str:
    """Undo line wrapping: Chinese joins without spaces, English with one."""
    return squeeze(text) if lang == "zh" else " ".join(text.split())


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_it_prints_one_line_per_written_file(built: Path) -> None:
    names = sorted(p.name for p in built.iterdir())
    assert names == sorted(
        f"briefing-{lang}.{fmt}" for lang in ("en", "zh", "zh_Hant") for fmt in ("pdf", "docx", "html")
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdf_gives_back_every_formatted_figure(built: Path, lang: str) -> None:
    text = flat(pdf_body(built / f"briefing-{lang}.pdf"), lang)
    for expected in FIGURES[lang]:
        assert flat(expected, lang) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_docx_gives_back_every_formatted_figure(built: Path, lang: str) -> None:
    text = flat(docx_text(built / f"briefing-{lang}.docx"), lang)
    for expected in FIGURES[lang]:
        assert flat(expected, lang) in text


def test_traditional_chinese_uses_its_own_units_and_characters(built: Path) -> None:
    text = squeeze(pdftotext(built / "briefing-zh_Hant.pdf"))
    assert "京津冀地區經濟簡報" in text
    assert "2.43兆元" in text and "2310億元" in text


@pytest.mark.parametrize("lang", ["en", "zh", "zh_Hant"])
def test_every_pdf_font_is_embedded_and_subset(built: Path, lang: str) -> None:
    rows = pdffonts(built / f"briefing-{lang}.pdf")
    assert rows, "no fonts listed"
    for row in rows:
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row


def test_the_chinese_pdf_uses_a_cjk_face_and_a_latin_face(built: Path) -> None:
    names = " ".join(row[0] for row in pdffonts(built / "briefing-zh.pdf"))
    assert re.search(r"SC", names) and re.search(r"NotoSerif-|Serif-Regular|NotoSerif\b", names), names


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdf_is_a4_with_title_metadata(built: Path, lang: str) -> None:
    info = pdfinfo(built / f"briefing-{lang}.pdf")
    assert info["Page size"].startswith("595.276 x 841.89")
    expected = {"en": "Economic briefing: Beijing-Tianjin-Hebei region", "zh": "京津冀地区经济简报"}[lang]
    assert info["Title"] == expected


def test_no_chinese_line_starts_with_closing_punctuation(built: Path) -> None:
    lines = [line.strip() for line in pdftotext(built / "briefing-zh.pdf").splitlines()]
    offenders = [line for line in lines if line and line[0] in "，。、；：？！）》"]
    assert offenders == []


def test_another_region_and_years_build_from_the_same_template(tmp_path: Path) -> None:
    run = jjj_brief(
        "build", "--lang", "en,zh", "--format", "pdf", "--facts", FIXTURES / "yrd-2025.yaml", "--out", tmp_path
    )
    assert run.code == 0, run.err
    en = flat(pdf_body(tmp_path / "briefing-en.pdf"), "en")
    zh = flat(pdf_body(tmp_path / "briefing-zh.pdf"), "zh")
    assert "increased from 5.61 trillion yuan in 2015 to 9.16 trillion yuan in 2024" in en
    assert "a cumulative growth of 63 percent" in en  # 9.157 / 5.61 - 1 = 63.2 %, computed
    assert "由2015年的5.61万亿元增至2024年的9.16万亿元，累计增长63%" in zh
    assert "33.17万亿元" in zh and "长三角地区" in zh
    assert "Beijing" not in en and "京津冀" not in zh
    assert "left out" in run.err and "industrial_profit" in run.err


def test_it_works_from_any_working_directory(tmp_path: Path) -> None:
    run = jjj_brief("build", "--lang", "zh", "--format", "docx", cwd=tmp_path)
    assert run.code == 0, run.err
    assert run.out.strip() == f"wrote {Path('output') / 'briefing-zh.docx'}"
    assert (tmp_path / "output" / "briefing-zh.docx").is_file()


@pytest.mark.parametrize("lang", ["en", "zh", "zh_Hant"])
def test_every_piece_of_the_document_reads_back_from_both_files(
    built: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The round trip: each block's text, as the Document holds it, is in the PDF and the DOCX."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1729814400")
    store, _ = load_store([])
    doc, _ = render_document(store, "jjj", lang, resolve_template("briefing"))
    mode = "en" if lang == "en" else "zh"
    pdf = flat(pdf_body(built / f"briefing-{lang}.pdf"), mode)
    word = flat(docx_text(built / f"briefing-{lang}.docx").replace("\t", " "), mode)
    pieces = [text for block in doc.blocks for text in block_texts(block)]
    assert len(pieces) > 30
    for piece in pieces:
        assert flat(piece, mode) in pdf
        assert flat(piece, mode) in word
