"""The bilingual edition: two languages side by side, passage by passage, in one PDF and one DOCX.

Built by the real command as the README shows it, then read back: the PDF with poppler (the
first language in the left column, the second in the right, each heading level with its
counterpart, the sources once) and qpdf; the DOCX with python-docx (one row per passage,
each cell holding its language's passage in its language's styles) and LibreOffice.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import jjj_brief, pdfinfo, pdftotext, require, squeeze

from jjj_brief.document import (
    Box,
    Document,
    Heading,
    Meta,
    Paragraph,
    SourceEntry,
    SourceList,
    Table,
    Text,
)
from jjj_brief.document.pairing import PairingError, pair_documents
from jjj_brief.document.walk import block_texts
from jjj_brief.pipeline import (
    load_store,
    pick_region,
    render_document,
    resolve_template,
)

EPOCH = {"SOURCE_DATE_EPOCH": "1729814400"}
# Headings of the research note in both languages (the bundled facts), for the alignment check.
HEADING_WORDS = [("development", "工业发展"), ("clusters", "产业集群"), ("chains", "重点产业链")]


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bilingual")
    run = jjj_brief("build", "--template", "bilingual", "--lang", "en,zh", cwd=out, env=EPOCH)  # as in the README
    assert run.code == 0, run.err
    return out / "output"


def documents() -> tuple[Document, Document]:
    store = load_store([])[0]
    template = resolve_template("bilingual")
    en, zh = (render_document(store, pick_region(store, None), lang, template)[0] for lang in ("en", "zh"))
    return en, zh


def test_it_writes_one_pdf_and_one_docx_named_after_the_pair(bilingual: Path) -> None:
    assert sorted(p.name for p in bilingual.iterdir()) == ["bilingual-en-zh.docx", "bilingual-en-zh.pdf"]
    subprocess.run(
        [require("qpdf"), "--check", str(bilingual / "bilingual-en-zh.pdf")], check=True, capture_output=True
    )
    assert pdfinfo(bilingual / "bilingual-en-zh.pdf")["Page size"].startswith("841.89 x 595.2")  # A4 landscape


def _words(path: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, xMax, yMax, text) of every word, from ``pdftotext -bbox``."""
    words, page = [], 0
    for line in pdftotext(path, "-bbox").splitlines():
        page += "<page " in line
        found = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
        if found:
            words.append((page, float(found.group(1)), float(found.group(2)), float(found.group(3)), found.group(4)))
    return words


def test_the_first_language_is_on_the_left_and_the_second_on_the_right(bilingual: Path) -> None:
    words = _words(bilingual / "bilingual-en-zh.pdf")
    middle = 841.89 / 2
    han = [w for w in words if re.search("[\u4e00-\u9fff]", w[4])]
    latin = [w for w in words if re.fullmatch("[A-Za-z]{4,}", w[4]) and w[3] < 595.28 - 40]  # not the footer
    sources_top = min(w[3] for w in words if w[4] == "Sources")  # the sources run across the page
    assert han and latin
    assert all(w[1] > middle for w in han if w[3] < sources_top - 20 or w[0] < words[-1][0])
    assert all(w[2] < middle for w in latin if w[3] < sources_top - 20 or w[0] < words[-1][0])


@pytest.mark.parametrize(("english", "chinese"), HEADING_WORDS)
def test_each_heading_stands_level_with_its_counterpart(bilingual: Path, english: str, chinese: str) -> None:
    words = _words(bilingual / "bilingual-en-zh.pdf")
    (left,) = [w for w in words if w[4] == english and w[1] < 841.89 / 2 and w[3] < 560]
    (right,) = [w for w in words if w[4] == chinese]
    assert left[0] == right[0] and abs(left[3] - right[3]) < 3, (left, right)


def test_the_sources_are_listed_once_in_both_languages(bilingual: Path) -> None:
    text = squeeze(pdftotext(bilingual / "bilingual-en-zh.pdf"))
    assert text.count(squeeze("bears fruit in 10 years")) == 1
    assert text.count("《京津冀产业协同发展十年成果丰硕》") == 1


def test_the_docx_pairs_every_passage_in_one_row_in_each_languages_styles(bilingual: Path) -> None:
    en, zh = documents()
    pair = pair_documents(en, zh)
    document = docx.Document(str(bilingual / "bilingual-en-zh.docx"))
    grid = document.tables[0]
    assert len(grid.columns) == 2 and len(grid.rows) == 1 + len(pair.passages)  # the title row, then passages
    for row, (left, right) in zip(grid.rows[1:], pair.passages):
        cells = row.cells
        for cell, block in ((cells[0], left), (cells[1], right)):
            shown = squeeze(cell._tc.xpath("string(.)"))
            assert all(squeeze(text) in shown for text in block_texts(block)), (type(block).__name__, shown[:80])
        styles = {p.style.name for p in cells[1].paragraphs}
        assert styles and all(name.endswith("(zh-CN)") for name in styles), styles
        assert not any(p.style.name.endswith(")") for p in cells[0].paragraphs)


def test_libreoffice_opens_the_docx_with_both_languages(bilingual: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            require("soffice"),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(bilingual / "bilingual-en-zh.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = squeeze(pdftotext(tmp_path / "bilingual-en-zh.pdf"))
    en, zh = documents()
    for doc in (en, zh):
        assert squeeze(doc.meta.title) in text
    assert "Figure1.Industrialaddedvalue" in text and "图1工业增加值" in text
    assert pdfinfo(tmp_path / "bilingual-en-zh.pdf")["Page size"].startswith("841.89 x 595.")  # landscape


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "sets two languages side by side, not 3"),
        (("--lang", "en,zh", "--format", "html"), "written as pdf or docx, not html"),
        (("--lang", "en,zh", "--audit"), "--audit is not available for the bilingual edition"),
        (("--lang", "en"), "sets two languages side by side, not 1"),
    ],
)
def test_what_the_bilingual_edition_cannot_do_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    run = jjj_brief("build", "--template", "bilingual", *args, "--out", tmp_path / "out")
    assert run.code == 2 and message in run.err, run.err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def _doc(lang: str, *blocks: object) -> Document:
    return Document(Meta(lang, "T"), tuple(blocks))  # type: ignore[arg-type]


def _p(text: str) -> Paragraph:
    return Paragraph((Text(text),))


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (_doc("zh", _p("甲")), "zh has 1 top-level blocks where en has 2"),
        (_doc("zh", _p("甲"), _p("乙")), "block 1 is a Heading in en but a Paragraph in zh"),
        (_doc("zh", Heading(1, (Text("甲"),)), Box((), (_p("乙"),))), "the box at block 2 holds"),
    ],
)
def test_passages_that_do_not_correspond_are_refused_by_place(second: Document, message: str) -> None:
    first = _doc("en", Heading(1, (Text("A"),)), Box((), (Table((), ()),)))
    with pytest.raises(PairingError, match=re.escape(message)):
        pair_documents(first, second, ("en", "zh"))


def test_sources_citing_other_sources_are_refused() -> None:
    first = _doc("en", SourceList((SourceEntry(1, (Text("a"),), "a"),)))
    second = _doc("zh", SourceList((SourceEntry(1, (Text("b"),), "b"),)))
    with pytest.raises(PairingError, match="cites"):
        pair_documents(first, second, ("en", "zh"))
    assert pair_documents(first, _doc("zh", SourceList((SourceEntry(1, (Text("甲"),), "a"),)))).sources
