"""The PDF writer, read back with real readers (poppler's pdftotext, pdffonts, pdfinfo, pdftohtml).

Each test builds a small Document by hand, writes it, and asserts on what a
reader of the file gets: the text, the fonts, the metadata, the outline.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import qpdf_check

from jjj_brief.document import (
    BulletList,
    Cell,
    Document,
    Emph,
    Figure,
    Heading,
    Meta,
    Paragraph,
    SourceEntry,
    SourceList,
    SourceRef,
    Strong,
    Table,
    Text,
    block_texts,
    inline_text,
)
from jjj_brief.writers.pdf import write_pdf
from jjj_brief.writers.pdf.fonts import REPLACEMENTS

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo", "pdftohtml"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed")

ZH_PARAGRAPHS = (
    (
        Text("2024年，京津冀三地地区生产总值合计"),
        Figure("11.5万亿元", ("gdp/jjj/2024",)),
        Text("，其中北京"),
        Figure("2.43万亿元", ("gdp/bj/2024",)),
        Text("，同比增长"),
        Figure("5.2%"),
        Text("；河北省固定资产投资"),
        Figure("2310亿元"),
        Text("，增速高于全国平均水平"),
        SourceRef(1),
        Text("。"),
    ),
    (
        Text("协同发展进入“深水区”——交通、生态、产业三个重点领域率先突破。"),
        Strong((Text("北京非首都功能疏解"),)),
        Text("取得明显成效，累计退出一般制造业企业约"),
        Figure("3000家"),
        Text("；雄安新区（Xiong’an New Area）已承接首批疏解项目，"),
        Emph((Text("GDP"),)),
        Text("增速达到"),
        Figure("7.8%"),
        Text("……区域内“1小时交通圈”基本形成。"),
    ),
    (
        Text("展望2025年，预计三地研发投入强度将保持在"),
        Figure("4.1%"),
        Text("以上，"),
        Text("科技成果转化与产业链协同仍是下一阶段的关键任务；同时需关注房地产投资下行、"),
        Text("地方财政收支平衡压力加大等风险，避免区域发展差距进一步扩大。"),
    ),
)

EN_PARAGRAPHS = (
    (
        Text("In 2024 the Beijing-Tianjin-Hebei region produced "),
        Figure("11.5 trillion yuan"),
        Text(" of output, of which Beijing contributed "),
        Figure("2.43 trillion yuan", ("gdp/bj/2024",)),
        Text(", up "),
        Figure("5.2 percent"),
        Text(" year on year "),
        SourceRef(1),
        Text("."),
    ),
    (
        Text("Integration has reached its "),
        Emph((Text("“deep-water”"),)),
        Text(" stage: transport, ecology and "),
        Strong((Text("industrial relocation"),)),
        Text(" led the way, and fixed-asset investment in Hebei reached "),
        Figure("231 billion yuan"),
        Text(", above the national average growth rate."),
    ),
    (
        Text(
            "Looking ahead, research intensity is expected to stay above 4.1 percent, while falling property "
            "investment and tighter local budgets remain the main risks to a balanced regional recovery."
        ),
    ),
)


def _table(lang: str) -> Table:
    zh = lang.startswith("zh")
    head = ("地区", "地区生产总值（亿元）", "增速") if zh else ("Region", "GDP (100 million yuan)", "Growth")
    rows = (
        (("北京", "24300", "5.2%"), ("天津", "18000", "4.7%"), ("河北", "47500", "5.4%"))
        if zh
        else (("Beijing", "24,300", "5.2%"), ("Tianjin", "18,000", "4.7%"), ("Hebei", "47,500", "5.4%"))
    )
    return Table(
        header=tuple(Cell((Text(t),), "right" if i else "left") for i, t in enumerate(head)),
        rows=tuple(tuple(Cell((Text(t),), "right" if i else "left") for i, t in enumerate(r)) for r in rows),
        caption=(Text("表1  京津冀地区生产总值（2024年）" if zh else "Table 1. GDP of Beijing-Tianjin-Hebei, 2024"),),
        note=(Text("资料来源：各地统计局。" if zh else "Source: provincial statistics bureaus."),),
    )


def chinese_document(repeat: int = 2) -> Document:
    body = [Paragraph(p) for p in ZH_PARAGRAPHS] * repeat
    return Document(
        Meta(
            lang="zh-CN",
            title="京津冀协同发展经济简报",
            subtitle="北京市 · 天津市 · 河北省",
            dateline="2025年1月15日",
            author="京津冀研究组",
            subject="区域经济",
            keywords=("京津冀", "经济"),
            classification="内部资料，注意保存",
            page_label="第{page}页 共{pages}页",
        ),
        (
            Paragraph((Text("摘要：京津冀三地经济总量稳步增长，北京"), Figure("2.43万亿元"), Text("。")), role="lead"),
            Heading(1, (Text("一、总体情况"),)),
            *body[:3],
            Heading(2, (Text("（一）重点领域"),)),
            BulletList(
                (
                    (Text("交通一体化：轨道交通里程达到"), Figure("1.1万公里"), Text("。")),
                    (Text("生态环境：PM2.5平均浓度下降"), Figure("3.2%"), Text("。")),
                )
            ),
            _table("zh"),
            Heading(1, (Text("二、展望"),)),
            *body[3:],
            Paragraph((Text("注：本简报数据均为初步核算数。"),), role="note"),
            Heading(1, (Text("资料来源"),)),
            SourceList(
                (
                    SourceEntry(1, (Text("国家统计局，《中国统计年鉴2024》，2024年。"),)),
                    SourceEntry(2, (Text("河北省统计局，2024年国民经济和社会发展统计公报。"),)),
                )
            ),
        ),
    )


def english_document(repeat: int = 2) -> Document:
    body = [Paragraph(p) for p in EN_PARAGRAPHS] * repeat
    return Document(
        Meta(
            lang="en-US",
            title="Beijing-Tianjin-Hebei Economic Briefing",
            subtitle="Beijing · Tianjin · Hebei",
            dateline="15 January 2025",
            author="Regional Research Unit",
            subject="Regional economy",
            keywords=("Jing-Jin-Ji", "economy"),
            classification="For internal use",
            page_label="Page {page} of {pages}",
        ),
        (
            Paragraph(
                (Text("Summary: the region grew steadily; Beijing produced "), Figure("2.43 trillion yuan"), Text(".")),
                role="lead",
            ),
            Heading(1, (Text("Overview"),)),
            *body[:3],
            Heading(2, (Text("Key areas"),)),
            BulletList(
                (
                    (Text("Transport: rail network reached 11,000 km."),),
                    (Text("Environment: PM2.5 concentration fell 3.2 percent."),),
                )
            ),
            _table("en"),
            Heading(1, (Text("Outlook"),)),
            *body[3:],
            Paragraph((Text("Note: all figures are preliminary."),), role="note"),
            Heading(1, (Text("Sources"),)),
            SourceList(
                (
                    SourceEntry(1, (Text("National Bureau of Statistics, China Statistical Yearbook 2024."),)),
                    SourceEntry(2, (Text("Hebei Statistics Bureau, 2024 Statistical Communiqué."),)),
                )
            ),
        ),
    )


def _run(*command: str) -> str:
    """A poppler reader's output; every PDF it reads passes ``qpdf --check`` first."""
    for argument in command:
        if argument.endswith(".pdf"):
            qpdf_check(Path(argument))
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Path]]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for lang, doc in (("zh", chinese_document()), ("en", english_document(3))):  # two pages each
        write_pdf(doc, folder / f"{lang}.pdf")
        out[lang] = (doc, folder / f"{lang}.pdf")
    return out


def _body_text(path: Path) -> str:
    """The text inside the type area only (no header or footer), so split paragraphs read on."""
    from jjj_brief.writers.pdf.styles import PageGeometry

    page = PageGeometry()
    crop = [str(round(v)) for v in (0, page.top, page.size[0], page.frame_height)]
    return _run("pdftotext", "-r", "72", *sum(zip(["-x", "-y", "-W", "-H"], crop), ()), str(path), "-")


HAN_LATIN_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[A-Za-z])|(?<=[A-Za-z]) (?=[\u3400-\u9fff])")


def _squash(text: str, chinese: bool) -> str:
    """Undo line wrapping: English lines join with a space; Chinese lines with nothing,
    except between two Latin words (a line broken at the space in "New Area").  In Chinese,
    the space pdftotext reports for the ¼ em Han–Latin gap ("京津冀 IT 应用") is dropped too."""
    if not chinese:
        return re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"(?<=[A-Za-z0-9.,;:])[ \t]*\n\s*(?=[A-Za-z0-9])", " ", text)
    return HAN_LATIN_SPACE.sub("", re.sub(r"\s*\n\s*", "", text)).strip()


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gives_back_every_piece_of_text(written, lang: str) -> None:
    doc, path = written[lang]
    extracted = _squash(_body_text(path), lang == "zh")
    for block in doc.blocks:
        for piece in block_texts(block):
            marker = re.match(r"^\[\d+\] ", piece) if isinstance(block, SourceList) else None
            if marker:  # pdftotext may read a column of hanging "[n]" markers before their entries
                assert marker.group().strip() in extracted
                piece = piece[marker.end() :]
            assert _squash(piece, lang == "zh") in extracted
    assert doc.meta.title in extracted and doc.meta.dateline in extracted


@needs_poppler
def test_keeps_chinese_figures_whole_and_punctuation_off_line_starts(written) -> None:
    _, path = written["zh"]
    raw = _body_text(path)
    squashed = _squash(raw, True)
    assert "2.43万亿元" in squashed and "2310亿元" in squashed
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    assert not [line for line in lines if line[0] in "，。、；：？！）》”"]
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", raw), "spurious space inside Chinese"


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_embeds_and_subsets_every_font(written, lang: str) -> None:
    _, path = written[lang]
    rows = _run("pdffonts", str(path)).splitlines()[2:]
    assert rows
    for row in rows:
        emb, sub = row.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), row
    names = [row.split()[0] for row in rows]
    assert any("Serif-" in name for name in names), names  # the Latin body face
    han_faces = [name for name in names if "SC-" in name]
    if lang == "zh":
        assert han_faces, names
    else:
        assert not han_faces, "an English document should not embed the CJK faces"


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_carries_metadata_language_and_a4(written, lang: str) -> None:
    doc, path = written[lang]
    info = _run("pdfinfo", str(path))
    assert re.search(rf"^Title:\s+{re.escape(doc.meta.title)}$", info, re.M)
    assert re.search(rf"^Author:\s+{re.escape(doc.meta.author)}$", info, re.M)
    assert "595.276 x 841.89 pts (A4)" in info
    assert f"/Lang ({doc.meta.lang})".encode() in path.read_bytes()


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_numbers_pages_with_the_documents_own_label(written, lang: str) -> None:
    doc, path = written[lang]
    pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(path)), re.M).group(1))
    assert pages >= 2, "the sample should need two pages to exercise the running header"
    text = _run("pdftotext", str(path), "-")
    for page in range(1, pages + 1):
        label = doc.meta.page_label.format(page=page, pages=pages)
        assert label in text
    assert doc.meta.classification in text


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bookmarks_each_heading_on_its_own_page(written, lang: str) -> None:
    doc, path = written[lang]
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(path))
    outline = re.findall(r'<item page="(\d+)">([^<]*)</item>', xml)
    headings = [inline_text(b.content) for b in doc.blocks if isinstance(b, Heading)]
    assert [title for _, title in outline] == headings
    for page, title in outline:  # the bookmark's page holds the heading's text
        page_text = _run("pdftotext", "-f", page, "-l", page, str(path), "-")
        assert title in page_text


@needs_poppler
def test_right_aligns_numeric_cells(written) -> None:
    _, path = written["en"]
    xml = _run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(path))
    rights = {
        text: int(left) + int(width)
        for left, width, text in re.findall(r'left="(\d+)" width="(\d+)"[^>]*>([^<]*)</text>', xml)
    }
    assert abs(rights["24,300"] - rights["18,000"]) <= 1 and abs(rights["5.2%"] - rights["4.7%"]) <= 1


def test_is_byte_identical_under_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1736899200")
    write_pdf(chinese_document(1), tmp_path / "a.pdf")
    write_pdf(chinese_document(1), tmp_path / "b.pdf")
    data = (tmp_path / "a.pdf").read_bytes()
    assert data == (tmp_path / "b.pdf").read_bytes()
    assert b"D:20250115" in data


@needs_poppler
@pytest.mark.parametrize(("lang", "text"), [("en-US", "Growth 📈 strong"), ("zh-CN", "增长📈强劲")])
def test_draws_a_visible_stand_in_for_characters_no_font_has(tmp_path: Path, lang: str, text: str) -> None:
    doc = Document(Meta(lang=lang, title="Emoji"), (Paragraph((Text(text),)),))
    write_pdf(doc, tmp_path / "emoji.pdf")
    extracted = _run("pdftotext", str(tmp_path / "emoji.pdf"), "-")
    assert any(text.replace("📈", mark) in extracted for mark in REPLACEMENTS), extracted


def test_rejects_a_malformed_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jjj_brief.errors import BriefError

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(BriefError, match="SOURCE_DATE_EPOCH"):
        write_pdf(english_document(1), tmp_path / "x.pdf")


def test_reports_what_it_sets_differently(tmp_path: Path) -> None:
    warnings = []
    doc = Document(Meta(lang="en-US", title="T"), (Heading(3, (Text("Deep"),)), Paragraph((Text("x"),), role="aside")))
    write_pdf(doc, tmp_path / "w.pdf", on_warning=warnings.append)
    assert len(warnings) == 2


@needs_poppler
def test_repeats_the_table_header_on_every_page(tmp_path: Path) -> None:
    rows = tuple((Cell((Text(f"区域{n}"),)), Cell((Text(f"{n * 37}"),), "right")) for n in range(1, 90))
    table = Table(header=(Cell((Text("地区"),)), Cell((Text("数值"),), "right")), rows=rows)
    write_pdf(Document(Meta(lang="zh-CN", title="长表"), (table,)), tmp_path / "long.pdf")
    pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(tmp_path / "long.pdf")), re.M).group(1))
    assert pages >= 2
    for page in range(1, pages + 1):
        text = _run("pdftotext", "-f", str(page), "-l", str(page), str(tmp_path / "long.pdf"), "-")
        assert "地区" in text and "数值" in text
    assert "区域89" in _run("pdftotext", str(tmp_path / "long.pdf"), "-")


def test_an_english_document_never_parses_the_chinese_faces(tmp_path: Path) -> None:
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from pathlib import Path; from test_pdf_writer import english_document;"
        "from jjj_brief.writers.pdf import write_pdf; from reportlab.pdfbase import pdfmetrics;"
        "write_pdf(english_document(), Path(sys.argv[2]));"
        "print(' '.join(pdfmetrics.getRegisteredFontNames()))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent), str(tmp_path / "en.pdf")],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    assert "NotoSerif-Regular" in result.stdout and "SC-" not in result.stdout


@needs_poppler
def test_traditional_chinese_is_set_with_chinese_rules(tmp_path: Path) -> None:
    doc = Document(Meta(lang="zh-TW", title="經濟簡報"), (Paragraph((Text("臺灣地區生產毛額成長3.1%，優於預期。"),)),))
    write_pdf(doc, tmp_path / "tw.pdf")
    assert "臺灣地區生產毛額成長3.1%，優於預期。" in _squash(_body_text(tmp_path / "tw.pdf"), True)
    assert b"/Lang (zh-TW)" in (tmp_path / "tw.pdf").read_bytes()


def test_a_paragraph_split_across_pages_loses_and_repeats_nothing() -> None:
    from jjj_brief.writers.pdf.paragraph import TextBlock
    from jjj_brief.writers.pdf.styles import house_style
    from jjj_brief.writers.pdf.text import set_text, spans

    style = house_style("zh-CN").body
    text = inline_text(ZH_PARAGRAPHS[1])
    block = TextBlock(set_text(spans(ZH_PARAGRAPHS[1]), style), style)
    _, height = block.wrap(300, 10_000)
    head, tail = block.split(300, height / 2)
    pieces = []
    for part in (head, tail):
        part.wrap(300, 10_000)
        pieces += [part.setting.text[line.start : line.end] for line in part.lines(300)]
    assert len(pieces) == round(height / style.leading)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert tail.getSpaceBefore() == 0 and head.getSpaceAfter() == 0 and tail.getSpaceAfter() == style.space_after


# ------------------------------------------------------------- Han–Latin gap
# Body text is 12 pt Noto Serif SC / Noto Serif: Han 12 pt, the gap ¼ em = 3 pt; Latin advances
# at 12 pt: I 4.404, T 7.356, G 8.568, D 8.724, P 7.248, digits 6.708.

MIXED = ("京津冀IT应用", "2023年GDP增长")
MIXED_WORDS = (  # (word pdftotext reports, xMin, xMax) from the line start, one line, not justified
    (("京津冀", 0.0, 36.0), ("IT", 39.0, 50.76), ("应用", 53.76, 77.76)),
    (("2023年", 0.0, 38.832), ("GDP", 41.832, 66.372), ("增长", 69.372, 93.372)),  # 2023年 stays tight
)


def _body_style():
    from jjj_brief.writers.pdf.styles import house_style

    return house_style("zh-CN").body


def test_measures_a_quarter_em_between_han_and_letters_but_none_beside_digits() -> None:
    from jjj_brief.writers.pdf.text import set_plain
    from jjj_brief.writers.text.linebreak import break_lines

    setting = set_plain("京津冀IT应用", _body_style())
    assert setting.text == "京津冀IT应用"  # no space character: the text is the DOCX's text
    assert setting.gaps == [0, 0, 3.0, 0, 3.0, 0, 0]
    assert setting.natural_width() == pytest.approx(77.76)
    # 50.76 holds "京津冀IT" only because the gap after T vanishes at the line end
    lines = break_lines(setting.text, setting.advances, 50.76, gaps=setting.gaps)
    assert [(line.start, line.end) for line in lines] == [(0, 5), (5, 7)]
    assert [line.width for line in lines] == pytest.approx([50.76, 24.0])
    digits = set_plain("2023年GDP增长", _body_style())
    assert digits.gaps == [0, 0, 0, 0, 3.0, 0, 0, 3.0, 0, 0]
    assert digits.natural_width() == pytest.approx(93.372)


def _words(path: Path) -> list[tuple[float, float, float, str]]:
    """Every word as (middle y, xMin, xMax, text), from ``pdftotext -bbox``: Han and Latin boxes
    differ in height but share their middle, so the middle tells the line."""
    found = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
        _run("pdftotext", "-bbox", str(path), "-"),
    )
    return [((float(y0) + float(y1)) / 2, float(x0), float(x1), text) for x0, y0, x1, y1, text in found]


@needs_poppler
def test_draws_the_han_latin_gap_where_it_was_measured(tmp_path: Path) -> None:
    from jjj_brief.writers.pdf.styles import PageGeometry

    doc = Document(Meta(lang="zh-CN", title="T"), tuple(Paragraph((Text(t),)) for t in MIXED))
    write_pdf(doc, tmp_path / "gap.pdf")
    x0 = PageGeometry().left + _body_style().first_indent
    words = [w for w in _words(tmp_path / "gap.pdf") if w[3] != "T" and w[1] > PageGeometry().left]
    for expected in MIXED_WORDS:
        line, words = words[: len(expected)], words[len(expected) :]
        got = [(text, round(left - x0, 2), round(right - x0, 2)) for _, left, right, text in line]
        assert got == [(text, round(left, 2), round(right, 2)) for text, left, right in expected]
    text = _run("pdftotext", str(tmp_path / "gap.pdf"), "-")
    assert "京津冀 IT 应用" in text and "2023年 GDP 增长" in text  # poppler reads a ¼ em gap as a space
    assert "京津冀IT应用2023年GDP增长" in _squash(text, True)


@needs_poppler
def test_a_justified_mixed_line_ends_flush_with_no_gap_at_either_end(tmp_path: Path) -> None:
    from jjj_brief.writers.pdf.styles import PageGeometry

    text = (
        "京津冀IT应用加快推广，2023年GDP增长5.2%，北京数字经济增加值2.43万亿元；雄安新区（Xiong’an New "
        "Area）引入AI与5G技术，PM2.5浓度下降，Beijing与Tianjin两地的R&D投入强度分别为6.7%和3.7%，"
        "大数据和IoT产业集群初具规模，Hebei省的新能源汽车产量增长较快。"
    )
    write_pdf(Document(Meta(lang="zh-CN", title="T"), (Paragraph((Text(text),)),)), tmp_path / "mixed.pdf")
    page = PageGeometry()
    rows: list[list[tuple[float, float, str]]] = []
    last_y = -100.0
    for y, left, right, word in sorted(_words(tmp_path / "mixed.pdf")):
        if word == "T" or y > page.size[1] - page.bottom:
            continue  # the title and the footer
        if y - last_y > 1:
            rows.append([])
        rows[-1].append((left, right, word))
        last_y = y
    rows = [sorted(row) for row in rows]
    latin_starts = [row for row in rows[1:] if row[0][2][0].isascii()]
    assert len(rows) == 4 and latin_starts  # a line starting with a Latin word: no gap before it
    assert all(row[0][0] == pytest.approx(page.left, abs=0.01) for row in latin_starts)
    for row in rows[:-1]:  # every line but the last is justified flush right
        assert row[-1][1] == pytest.approx(page.size[0] - page.right, abs=0.01)
    assert text in _squash(_body_text(tmp_path / "mixed.pdf"), True)
