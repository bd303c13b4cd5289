"""Pages are filled as a typesetter fills them: no third of a page left blank before a chart.

A chart (caption, drawing, source line: one unit) that does not fit in what is
left of a page first gives up a little height, then floats: the text after it
fills the page and the chart opens the next one (``writers/pdf_float.py``).
Read back with ``pdftotext``, as a reader sees the pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import pdfinfo, pdftotext, squeeze

from jjj_brief.document import Chart, ChartSeries, Distribution, Document, Meta, Paragraph, Text
from jjj_brief.writers.pdf import write_pdf

MM = 72 / 25.4
BOTTOM = {"briefing": 27 * MM, "jianbao": 35 * MM}  # bottom margin: the type area ends here
MOST_LEFT_BLANK = 60.0  # points between the last line of page 1 and the foot of the type area
CAPTION = {"en": "Figure 1. Industrial added value", "zh": "图1工业增加值", "zh_Hant": "圖1工業增加值"}
SOURCE = {"en": "Source: Xinhua.", "zh": "资料来源：新华社。", "zh_Hant": "資料來源：新華社。"}
SENTENCE_END = re.compile(r"(。|\.|\.”|。”)(\[\d+\])?$")


@pytest.fixture(scope="module")
def jianbao(jianbao_pdfs: Path) -> Path:
    return jianbao_pdfs


def _path(name: str, built: Path, jianbao: Path) -> Path:
    return (jianbao if name.startswith("jianbao") else built) / f"{name}.pdf"


def lowest_body_line(path: Path, page: int, bottom: float) -> tuple[float, float]:
    """The page height and the lowest yMax (from the top) of any word above the foot of the type area:
    page numbers and footers, drawn below it, do not count."""
    html = pdftotext(path, "-bbox", "-f", str(page), "-l", str(page))
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    foot = height - bottom
    bottoms = [float(y) for y in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)"', html)]
    return height, max(y for y in bottoms if y <= foot + 1.0)


@pytest.mark.parametrize("name", ["jianbao-zh", "jianbao-zh_Hant", "briefing-en", "briefing-zh", "briefing-zh_Hant"])
def test_page_one_is_filled_to_the_foot(built: Path, jianbao: Path, name: str) -> None:
    path = _path(name, built, jianbao)
    if int(pdfinfo(path)["Pages"]) == 1:
        return  # a one-page document may end wherever its text ends
    bottom = BOTTOM[name.split("-")[0]]
    height, lowest = lowest_body_line(path, 1, bottom)
    blank = height - bottom - lowest
    assert blank <= MOST_LEFT_BLANK, f"{blank:.0f} pt left blank at the foot of page 1 of {name}"


@pytest.mark.parametrize("name", ["jianbao-zh", "jianbao-zh_Hant", "briefing-en", "briefing-zh", "briefing-zh_Hant"])
def test_the_chart_keeps_its_caption_and_source_line_and_cuts_no_paragraph(
    built: Path, jianbao: Path, name: str
) -> None:
    lang = name.split("-", 1)[1]
    pages = pdftotext(_path(name, built, jianbao)).split("\f")
    caption, source = squeeze(CAPTION[lang]), squeeze(SOURCE[lang])
    on = [number for number, page in enumerate(pages) if caption in squeeze(page)]
    assert len(on) == 1, f"the chart's caption is on pages {[n + 1 for n in on]}"
    page = pages[on[0]]
    flat = squeeze(page)
    after = flat.index(caption)
    assert source in flat[after:], "the source line is not on the chart's page, after its caption"
    assert "2013" in flat[after : flat.index(source, after)]  # the drawing's categories between them
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    index = next(i for i, line in enumerate(lines) if squeeze(line).startswith(caption[:4]))
    body_before = lines[1:index] if on[0] else lines[:index]  # after page 1, line 1 is the running header
    if name.startswith("jianbao"):
        body_before = lines[:index]  # the 简报 has no running header
    if body_before:
        assert SENTENCE_END.search(body_before[-1]), f"the chart cuts a paragraph: {body_before[-1]!r}"


# ------------------------------------------------------------------ the float itself, on a made-up story


def _chart() -> Chart:
    series = ChartSeries("Output", (1.0, 2.0), ("1.0", "2.0"))
    return Chart(
        "bar",
        ("2022", "2023"),
        (series,),
        ((0.0, "0"), (1.0, "1"), (2.0, "2")),
        "units",
        caption=(Text("Figure 9. Held back"),),
        note=(Text("Source: Held."),),
    )


def _pages_of(path: Path, *texts: str) -> list[int]:
    """The page (from 1) each text is on, -1 when it is on none; and each at most once."""
    pages = pdftotext(path).split("\f")
    found = []
    for text in texts:
        where = [n + 1 for n, page in enumerate(pages) if text in page]
        assert len(where) <= 1, (text, where)
        found.append(where[0] if where else -1)
    return found


def _story(before: int, *after: str) -> tuple[Paragraph | Chart, ...]:
    return (
        *(Paragraph((Text(f"Before {n}."),)) for n in range(before)),
        _chart(),
        *(Paragraph((Text(text),)) for text in after),
    )


# 26 one-line paragraphs leave ~100 pt on page 1: too little for the chart even shrunk
def test_a_chart_that_does_not_fit_lets_the_text_after_it_fill_the_page(tmp_path: Path) -> None:
    path = tmp_path / "float.pdf"
    write_pdf(Document(Meta(lang="en-US", title="T"), _story(26, "After one.", "After two.")), path)
    assert _pages_of(path, "Before 25.", "After one.", "After two.", "Figure 9.", "Source: Held.") == [1, 1, 1, 2, 2]
    top = [line for line in pdftotext(path).split("\f")[1].splitlines() if line.strip()]
    assert top[1].startswith("Figure 9.")  # opens page 2, under the running header


def test_a_held_chart_is_not_lost_at_the_end_of_the_story(tmp_path: Path) -> None:
    path = tmp_path / "end.pdf"
    write_pdf(Document(Meta(lang="en-US", title="T"), _story(26, "The last word.")), path)
    assert _pages_of(path, "The last word.", "Figure 9.", "Source: Held.") == [1, 2, 2]


def test_a_held_chart_comes_before_the_jianbao_distribution_block(tmp_path: Path) -> None:
    meta = Meta(lang="zh-CN", title="标题", house_style="jianbao", masthead="简报", page_label="— {page} —")
    blocks = (*_story(22, "之后。"), Distribution((("报：", "办公室"),), "共印5份"))
    path = tmp_path / "jianbao.pdf"
    write_pdf(Document(meta, blocks), path)
    text = squeeze(pdftotext(path))
    assert text.index("Figure9.") < text.index("Source:Held.") < text.index("报：办公室")
    assert squeeze(pdftotext(path).split("\f")[int(pdfinfo(path)["Pages"]) - 1]).count("报：办公室") == 1


def _caption_to_source(path: Path) -> float:
    html = pdftotext(path, "-bbox")
    tops = {
        word: float(y) for y, word in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(Figure|Source:)<', html)
    }
    return tops["Source:"] - tops["Figure"]


def test_a_chart_a_little_too_tall_shrinks_to_stay_beside_its_text(tmp_path: Path) -> None:
    roomy, tight = tmp_path / "roomy.pdf", tmp_path / "tight.pdf"
    write_pdf(Document(Meta(lang="en-US", title="T"), _story(18, "After one.")), roomy)
    more = [f"After {n}." for n in range(2, 16)]  # enough for page 2 not to be a remainder a tighter layout saves
    write_pdf(Document(Meta(lang="en-US", title="T"), _story(22, "After one.", *more)), tight)
    assert _pages_of(tight, "Before 21.", "Figure 9.", "Source: Held.", "After one.") == [1, 1, 1, 2]
    natural, shrunk = _caption_to_source(roomy), _caption_to_source(tight)
    assert 0.8 * natural <= shrunk < natural - 10  # shorter, by no more than a fifth of the drawing
