"""The typesetting a reader sees, read back from the bundled briefings with poppler.

Figures stay with their units and ranges with both years, English word gaps
stay near normal with dictionary hyphens, Chinese punctuation closes up,
source marks are superscripts, no last page holds only a remainder, chart
axes read evenly.  Every PDF written here also passes ``qpdf --check``.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, pdfinfo, pdftotext, qpdf_check, require

from jjj_brief.document import (
    Block,
    Chart,
    Document,
    Heading,
    Meta,
    Paragraph,
    SourceRef,
    Text,
    block_texts,
    figures,
    inline_text,
)
from jjj_brief.pipeline import load_store, pick_region, render_document, resolve_template
from jjj_brief.writers.pdf import write_pdf

CASES = {  # name: (template, fact file or None for the bundled facts, language)
    "briefing-en": ("briefing", None, "en"),
    "briefing-zh": ("briefing", None, "zh"),
    "briefing-zh_Hant": ("briefing", None, "zh_Hant"),
    "jianbao-zh": ("jianbao", None, "zh"),
    "yrd-en": ("briefing", "yrd-2025.yaml", "en"),
    "yrd-zh": ("briefing", "yrd-2025.yaml", "zh"),
}
ENGLISH = ("briefing-en", "yrd-en")
RIGHT_EDGE = 595.2756 - 25 * 72 / 25.4  # the research note's type area ends here (A4, 25 mm margin)
SPACE_EM = 0.26  # Noto Serif's word space, in em


@dataclass(frozen=True)
class Written:
    doc: Document
    path: Path


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Written]:
    require("pdftotext")
    folder = tmp_path_factory.mktemp("typeset")
    out = {}
    for name, (template, facts, lang) in CASES.items():
        store = load_store([FIXTURES / facts] if facts else [])[0]
        doc = render_document(store, pick_region(store, None), lang, resolve_template(template))[0]
        write_pdf(doc, folder / f"{name}.pdf")
        qpdf_check(folder / f"{name}.pdf")
        out[name] = Written(doc, folder / f"{name}.pdf")
    return out


# ------------------------------------------------------------ what poppler reads


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def words(path: Path) -> list[Word]:
    """Every word with its box, from ``pdftotext -bbox``."""
    found = []
    for number, page in enumerate(pdftotext(path, "-bbox").split("<page ")[1:], 1):
        for x0, y0, x1, y1, text in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page
        ):
            found.append(Word(number, float(x0), float(y0), float(x1), float(y1), text.replace("&amp;", "&")))
    return found


def rows(path: Path) -> list[list[Word]]:
    """Words grouped into lines (same page, same baseline), left to right, top to bottom."""
    grouped: dict[tuple[int, float], list[Word]] = {}
    for word in words(path):
        grouped.setdefault((word.page, round(word.y1, 1)), []).append(word)
    return [sorted(row, key=lambda w: w.x0) for _, row in sorted(grouped.items())]


def layout_lines(path: Path) -> list[str]:
    """The text lines as ``pdftotext -layout`` sets them, runs of spaces made one."""
    return [re.sub(r" {2,}", " ", line.strip()) for line in pdftotext(path, "-layout").splitlines() if line.strip()]


def split_across_lines(lines: list[str], piece: str, chinese: bool) -> tuple[int, list[str]]:
    """How often ``piece`` occurs in the lines read on, and the places where a line ends inside it."""
    joiner = "" if chinese else " "
    text, ends, at = "", set(), 0
    for line in lines:
        text += line + joiner
        at += len(line)
        ends.add(at)  # a line ends just before this index of ``text``
        at += len(joiner)
    piece = piece if not chinese else piece.replace(" ", "")
    count, broken, start = 0, [], text.find(piece)
    while start >= 0:
        count += 1
        if any(start < end < start + len(piece) for end in ends):
            broken.append(text[max(start - 10, 0) : start + len(piece) + 10])
        start = text.find(piece, start + 1)
    return count, broken


def number_and_unit(figure_text: str) -> str:
    """A figure from the token holding its first digit on: what must never be split."""
    match = re.search(r"[^\s\u3400-\u9fff]*\d", figure_text)
    return figure_text[match.start() :] if match else figure_text


# ------------------------------------------------------------------- the tests


@pytest.mark.parametrize("name", list(CASES))
def test_no_line_ends_between_a_figure_and_its_unit_or_inside_a_range(written: dict[str, Written], name: str) -> None:
    doc, path = written[name].doc, written[name].path
    chinese = doc.meta.lang.startswith("zh")
    lines = layout_lines(path)
    checked = 0
    pieces = {number_and_unit(f.text) for f in figures(doc) if re.search(r"\d", f.text)}
    ranges = {m.group() for block in doc.blocks for m in re.finditer(r"\d{4}[—–]\d{4}", _all_text(block))}
    for piece in sorted(pieces | ranges):
        count, broken = split_across_lines(lines, piece, chinese)
        assert not broken, f"{name}: a line ends inside {piece!r}: {broken}"
        checked += count
    assert pieces and checked >= len(pieces), f"{name}: no figures found in the PDF to check"
    assert ranges or name.startswith("yrd"), f"{name}: the bundled briefings print year ranges"


def _all_text(block: Block) -> str:
    return " ".join(block_texts(block))


def justified_gaps(path: Path, size: float = 11.0) -> list[float]:
    """For each justified body line (flush right, four words or more), its widest word gap in word spaces."""
    found = []
    for row in rows(path):
        row = [w for w in row if w.text != "•"]  # a bullet hangs at its own distance
        body = [w for w in row if abs(w.height - size * 1.362) < 0.3]  # Noto Serif's line box at 11 pt
        if len(body) < 4 or len(body) != len(row) or abs(body[-1].x1 - RIGHT_EDGE) > 0.2:
            continue
        gaps = [b.x0 - a.x1 for a, b in zip(body, body[1:])]
        found.append(max(gaps) / (SPACE_EM * size))
    return found


def test_english_word_gaps_stay_near_normal(written: dict[str, Written]) -> None:
    ratios = [r for name in ENGLISH for r in justified_gaps(written[name].path)]
    assert len(ratios) >= 10, "too few justified lines found to judge"
    assert statistics.median(ratios) <= 1.3, sorted(ratios)
    assert sum(r <= 2.0 for r in ratios) >= 0.85 * len(ratios), sorted(ratios)
    assert max(ratios) <= 3.0, sorted(ratios)  # a line before a long figure that cannot be split


def test_hyphens_fall_only_where_the_dictionary_allows(written: dict[str, Written]) -> None:
    import pyphen

    dictionary = pyphen.Pyphen(lang="en_US", left=2, right=3)
    hyphenated = 0
    for name in ENGLISH:
        lines = layout_lines(written[name].path)
        run = 0
        for line, nxt in zip(lines, lines[1:]):
            match = re.search(r"([A-Za-z]+)-$", line)
            if not match or not re.match(r"[a-z]", nxt):
                run = 0
                continue
            head, tail = match.group(1), re.match(r"[a-z]+", nxt).group()
            word = head + tail
            assert len(word) >= 6 and not re.search(r"\d", word), f"{name}: {head}-|{tail}"
            assert len(head) in dictionary.positions(word), f"{name}: {head}-|{tail} is not a dictionary hyphen"
            run += 1
            assert run <= 2, f"{name}: three hyphenated lines in a row, ending {line!r}"
            hyphenated += 1
    assert hyphenated, "no hyphenated line in the English briefings: nothing was checked"


def _one_line_document(lang: str, texts: list[str], role: str = "note") -> Document:
    return Document(Meta(lang=lang, title="T"), tuple(Paragraph((Text(t),), role=role) for t in texts))


def test_adjacent_chinese_punctuation_closes_to_half_an_em(tmp_path: Path) -> None:
    """Notes are set ragged (no stretch), so each run of Han text is exactly its ems wide."""
    cases = {"他说：《年鉴》，好。”": 3, "（《年鉴》）好": 2, "甲：“乙”。丙": 2, "京津冀地区": 0}  # text: pairs
    path = tmp_path / "marks.pdf"
    write_pdf(_one_line_document("zh-CN", list(cases)), path)
    qpdf_check(path)
    seen = {w.text: w for w in words(path)}
    for text, pairs in cases.items():
        word = seen[text]  # one word: no glyph box overlaps the next, so poppler does not split it
        size = 10.5  # the note style
        assert (word.x1 - word.x0) / size == pytest.approx(len(text) - 0.5 * pairs, abs=0.01), text


def test_a_chinese_line_is_pushed_in_by_its_punctuation_before_it_is_stretched(tmp_path: Path) -> None:
    """37 ems fit the measure at 12 pt; commas narrowed let a line hold 38 characters, flush right."""
    text = "经济增长，" * 40
    path = tmp_path / "pushed.pdf"
    write_pdf(Document(Meta(lang="zh-CN", title="T"), (Paragraph((Text(text),)),)), path)
    qpdf_check(path)
    body = [row for row in rows(path) if row[0].text != "T" and row[0].y1 < 750]
    widths = [sum(len(w.text) for w in row) for row in body]
    assert max(widths) >= 38, widths
    for row in body[1:-1]:
        assert row[-1].x1 == pytest.approx(RIGHT_EDGE, abs=0.2)


@pytest.mark.parametrize(("name", "size"), [("briefing-en", 11.0), ("briefing-zh", 12.0), ("briefing-zh_Hant", 12.0)])
def test_source_marks_are_raised_and_smaller(written: dict[str, Written], name: str, size: float) -> None:
    """A mark's box is a Latin box at 0.62 of the body size (Noto's line box is 1.362 em), raised off the line."""
    refs = sum(
        1
        for b in written[name].doc.blocks
        if isinstance(b, Paragraph)
        for node in b.content
        if isinstance(node, SourceRef)
    )
    marks = {}
    for row in rows(written[name].path) + _rows_by_word(written[name].path):
        for before, mark in zip(row, row[1:]):
            if re.fullmatch(r"\[\d+\]", mark.text) and abs(mark.x0 - before.x1) < 1.0:
                assert mark.height == pytest.approx(0.62 * size * 1.362, abs=0.2), (name, mark)
                assert mark.y1 < before.y1 - 2.0, (name, mark)  # its bottom sits above the text's
                marks[mark] = before
    assert refs and len(marks) >= refs, f"{name}: {len(marks)} raised marks for {refs} references"


def _rows_by_word(path: Path) -> list[list[Word]]:
    """Each word beside the word before it in reading order: a raised mark has its own baseline."""
    every = words(path)
    return [[a, b] for a, b in zip(every, every[1:]) if a.page == b.page and abs(a.y1 - b.y1) < 8]


def test_a_remainder_on_a_last_page_is_tightened_away(tmp_path: Path) -> None:
    from test_pdf_writer import english_document

    from jjj_brief.writers.pdf import _lay_out

    doc = english_document(2)
    natural = _lay_out(doc)
    assert natural.pages == 2 and natural.ends_in_a_remainder  # "Sources" and two lines on page 2
    path = tmp_path / "tight.pdf"
    write_pdf(doc, path)
    qpdf_check(path)
    assert pdfinfo(path)["Pages"] == "1"
    assert "Hebei Statistics Bureau, 2024 Statistical Communiqué." in pdftotext(path)


@pytest.mark.parametrize("name", list(CASES))
def test_no_heading_ends_a_page_and_no_last_page_is_a_remainder(written: dict[str, Written], name: str) -> None:
    path, doc = written[name].path, written[name].doc
    headings = {re.sub(r"\s", "", inline_text(b.content)) for b in doc.blocks if isinstance(b, Heading)}
    pages = int(pdfinfo(path)["Pages"])
    body = [row for row in rows(path) if row[0].y1 < 841.89 - 27 * 72 / 25.4]  # above the footer
    for page in range(1, pages):
        last = [row for row in body if row[0].page == page][-1]
        assert re.sub(r"\s", "", "".join(w.text for w in last)) not in headings, f"{name}: page {page}"
    if pages > 1 and doc.meta.house_style != "jianbao":  # the 简报's last page is its distribution block
        on_last = [row for row in body if row[0].page == pages][1:]  # the running header first
        assert len(on_last) > 3, f"{name}: the last page holds only {len(on_last)} lines"


@pytest.mark.parametrize("name", ["briefing-en", "briefing-zh", "jianbao-zh"])
def test_chart_ticks_read_evenly_and_a_single_series_has_no_legend(written: dict[str, Written], name: str) -> None:
    doc, path = written[name].doc, written[name].path
    chart = next(b for b in doc.blocks if isinstance(b, Chart))
    labels = [label for _, label in chart.ticks]
    assert len({len(label.partition(".")[2]) for label in labels}) == 1, labels
    every = words(path)
    ticks = [w for w in every if w.text in labels and w.x0 < 100]  # right-aligned at the plot's left edge
    assert {w.text for w in ticks} == set(labels), f"{name}: ticks drawn {[w.text for w in ticks]}"
    page, top, bottom = ticks[0].page, min(w.y0 for w in ticks), max(w.y1 for w in ticks)
    in_plot = [w.text for w in every if w.page == page and top - 30 < w.y0 < bottom]
    assert len(chart.series) == 1 and chart.series[0].name not in in_plot, in_plot
    body = 16.0 if name.startswith("jianbao") else (11.0 if name.endswith("en") else 12.0)
    tick_size = statistics.median(w.height for w in ticks) / 1.362  # Noto Sans's line box per point
    assert tick_size == pytest.approx(max(8.0, round(body * 0.7 * 2) / 2), abs=0.3), name
