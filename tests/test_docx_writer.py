"""The DOCX writer, checked with real readers: python-docx, then LibreOffice + poppler.

Documents are built by hand here so a failure points at the writer, not at
templates or facts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

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
)
from jjj_brief.errors import BriefError
from jjj_brief.writers.docx import write_docx

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
HOSTILE = "a <b> & c\x00d\x1be \U0001f4c8 " + "Donaudampfschifffahrt" * 8 + " \ud800 end"


def figure_table(lang: str) -> Table:
    names = ("北京", "天津", "河北") if lang.startswith("zh") else ("Beijing", "Tianjin", "Hebei")
    values = (("43760.7", "5.2"), ("16737.3", "4.3"), ("43944.1", "5.5"))
    return Table(
        header=(
            Cell((Text("地区" if lang.startswith("zh") else "Region"),)),
            Cell((Text("GDP"),), "right"),
            Cell((Text("%"),), "right"),
        ),
        rows=tuple(
            (Cell((Text(n),)), Cell((Figure(v),), "right"), Cell((Figure(g),), "right"))
            for n, (v, g) in zip(names, values)
        ),
        caption=(Text("表1  主要指标" if lang.startswith("zh") else "Table 1. Main indicators"),),
        note=(Text("资料来源：统计公报。" if lang.startswith("zh") else "Source: communiqués."),),
    )


def zh_doc() -> Document:
    meta = Meta(
        lang="zh-CN",
        title="京津冀产业协同发展简报",
        subtitle="2024年第3期",
        dateline="2024年10月25日",
        author="研究室",
        subject="区域经济",
        keywords=("京津冀", "产业协同"),
        classification="内部资料，注意保存",
        page_label="第{page}页 共{pages}页",
    )
    return Document(
        meta,
        (
            Heading(1, (Text("一、总体情况"),)),
            Paragraph(
                (
                    Text("北京实现"),
                    Strong((Figure("2.43万亿元", ("gdp/bj/2023",)),)),
                    Text("，累计投资"),
                    Figure("2310亿元"),
                    Text("。"),
                    SourceRef(1),
                )
            ),
            Paragraph((Text("按语：本期汇总三地公报。"),), role="lead"),
            Heading(2, (Text("（一）主要指标"),)),
            BulletList(((Text("天津增长"), Figure("4.3%")), (Emph((Text("河北"),)), Text("承接项目")))),
            figure_table("zh-CN"),
            Paragraph((Text("注：按不变价格计算。"),), role="note"),
            SourceList((SourceEntry(1, (Text("北京市统计局：《统计公报》。"),)),)),
        ),
    )


def en_doc() -> Document:
    meta = Meta(
        lang="en-US",
        title="Jing-Jin-Ji Briefing",
        subtitle="Note No. 3",
        dateline="25 October 2024",
        author="Research Office",
        subject="Regional economy",
        keywords=("Jing-Jin-Ji", "industry"),
        page_label="Page {page} of {pages}",
    )
    return Document(
        meta,
        (
            Heading(1, (Text("Key points"),)),
            BulletList(((Text("Output reached "), Figure("10.4 trillion yuan")),)),
            Paragraph((Text("Beijing produced "), Figure("2.43 trillion yuan"), Text(". "), SourceRef(1))),
            figure_table("en-US"),
            SourceList((SourceEntry(1, (Text("Beijing Statistics Bureau, communiqué."),)),)),
        ),
    )


def written(doc: Document, tmp_path: Path, name: str = "out.docx") -> Path:
    path = tmp_path / name
    write_docx(doc, path)
    return path


def body_paragraphs(path: Path) -> list:
    return docx.Document(str(path)).paragraphs


# ------------------------------------------------------------------ structure


def test_it_gives_every_block_a_named_style(tmp_path: Path) -> None:
    styles = [p.style.name for p in body_paragraphs(written(zh_doc(), tmp_path))]
    assert styles == [
        "Title",
        "Subtitle",
        "Dateline",
        "Heading 1",
        "Body Text",
        "Lead",
        "Heading 2",
        "List Bullet",
        "List Bullet",
        "Caption",
        "Table Note",
        "Note",
        "Source Entry",
    ]


def test_it_keeps_the_text_of_every_block(tmp_path: Path) -> None:
    doc = zh_doc()
    path = written(doc, tmp_path)
    expected = [doc.meta.title, doc.meta.subtitle, doc.meta.dateline]
    for block in doc.blocks:
        texts = list(block_texts(block))
        expected += [texts[0], texts[-1]] if isinstance(block, Table) else texts
    got = [p.text.replace("\t", " ") for p in body_paragraphs(path)]
    assert got == expected


def test_it_keeps_each_figure_in_its_own_run(tmp_path: Path) -> None:
    paragraph = body_paragraphs(written(zh_doc(), tmp_path))[4]
    runs = [(r.text, r.bold) for r in paragraph.runs]
    assert runs == [
        ("北京实现", None),
        ("2.43万亿元", True),
        ("，累计投资", None),
        ("2310亿元", None),
        ("。", None),
        ("[1]", None),
    ]


def test_it_writes_table_cells_in_order_with_figures_right_aligned(tmp_path: Path) -> None:
    table = docx.Document(str(written(en_doc(), tmp_path))).tables[0]
    assert table.style.name == "Key Figures"
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["Region", "GDP", "%"],
        ["Beijing", "43760.7", "5.2"],
        ["Tianjin", "16737.3", "4.3"],
        ["Hebei", "43944.1", "5.5"],
    ]
    alignments = {str(row.cells[1].paragraphs[0].alignment) for row in table.rows}
    assert alignments == {"RIGHT (2)"}
    assert table.rows[1].cells[0].paragraphs[0].alignment is None  # left: the style's default


def test_it_marks_only_the_header_row_as_repeating(tmp_path: Path) -> None:
    table = docx.Document(str(written(en_doc(), tmp_path))).tables[0]
    repeating = [row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in table.rows]
    assert repeating == [True, False, False, False]


def test_it_sets_a4_pages_with_the_pdfs_type_area(tmp_path: Path) -> None:
    section = docx.Document(str(written(en_doc(), tmp_path))).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.mm) for m in margins] == [25, 25, 28, 27]


# ---------------------------------------------------------------------- fonts


def style_fonts(document, name: str) -> dict[str, str]:
    rfonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
    return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}


def test_it_names_the_chinese_faces_in_the_styles(tmp_path: Path) -> None:
    document = docx.Document(str(written(zh_doc(), tmp_path)))
    assert style_fonts(document, "Body Text")["eastAsia"] == "SimSun"
    assert style_fonts(document, "Heading 1") == {
        "ascii": "Arial",
        "hAnsi": "Arial",
        "cs": "Arial",
        "eastAsia": "SimHei",
    }
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "SimSun"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    assert theme_lang.get(qn("w:eastAsia")) == "zh-CN"


def test_it_marks_chinese_runs_as_east_asian_zh_cn(tmp_path: Path) -> None:
    paragraph = body_paragraphs(written(zh_doc(), tmp_path))[4]
    assert len(paragraph.runs) >= 2, "the paragraph under test has no runs to check"
    for run in paragraph.runs:
        assert run._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
        assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:hint")) == "eastAsia"


def test_it_leaves_no_theme_fonts_anywhere_in_the_styles(tmp_path: Path) -> None:
    styles = docx.Document(str(written(zh_doc(), tmp_path))).styles.element
    leftovers = [a for rfonts in styles.iter(qn("w:rFonts")) for a in THEME_ATTRS if rfonts.get(qn(a))]
    assert leftovers == []


def indent(styles, name: str) -> dict[str, str]:
    ind = styles[name].element.pPr.find(qn("w:ind"))
    return {k.split("}")[1]: v for k, v in ind.attrib.items()}


def test_it_indents_chinese_body_text_by_two_characters_only(tmp_path: Path) -> None:
    """Two characters, said twice the way Word says it: 200 hundredths of a character, and
    the same length in twips (2 x 12 pt) for readers that ignore character units."""
    zh = docx.Document(str(written(zh_doc(), tmp_path, "zh.docx"))).styles
    en = docx.Document(str(written(en_doc(), tmp_path, "en.docx"))).styles
    assert indent(zh, "Body Text") == {"left": "0", "firstLineChars": "200", "firstLine": "480"}
    assert indent(en, "Body Text") == {"left": "0", "firstLineChars": "0", "firstLine": "0"}
    assert indent(zh, "List Bullet") == {"left": "360", "hanging": "200"}  # bullet 8 pt in, text at 18 pt


def test_it_sets_hanzi_emphasis_with_dots_not_italics(tmp_path: Path) -> None:
    run = body_paragraphs(written(zh_doc(), tmp_path))[8].runs[0]
    assert run.text == "河北" and not run.italic
    assert run._r.rPr.find(qn("w:em")).get(qn("w:val")) == "underDot"


def test_it_uses_traditional_faces_for_zh_tw(tmp_path: Path) -> None:
    doc = Document(Meta(lang="zh-TW", title="簡報"), (Paragraph((Text("經濟"),)),))
    document = docx.Document(str(written(doc, tmp_path)))
    assert style_fonts(document, "Body Text")["eastAsia"] == "PMingLiU"
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-TW"


# ------------------------------------------------------------ page furniture


def test_it_builds_the_footer_in_three_parts_with_real_page_fields(tmp_path: Path) -> None:
    """As the PDF: classification at the left, the page label centred, the date at the right."""
    section = docx.Document(str(written(zh_doc(), tmp_path))).sections[0]
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        p = paragraph._p
        fields = [t.text.strip() for t in p.iter(qn("w:instrText"))]
        texts = [t.text for t in p.iter(qn("w:t"))]
        tabs = [(t.get(qn("w:val")), t.get(qn("w:pos"))) for t in p.pPr.find(qn("w:tabs"))]
        assert fields == ["PAGE", "NUMPAGES"]
        assert texts == ["内部资料，注意保存", "第", "1", "页 共", "1", "页", "2024年10月25日"]
        assert len(p.findall(f".//{qn('w:tab')}")) == 2 + 2  # two tab stops, two tab characters
        assert tabs == [("center", "4536"), ("right", "9072")]
        assert paragraph.style.name == "Footer"


def test_it_runs_the_title_in_the_header_from_page_two_only(tmp_path: Path) -> None:
    """The classification is in the footer, not stacked over the running title."""
    section = docx.Document(str(written(zh_doc(), tmp_path))).sections[0]
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    assert [(p.style.name, p.text) for p in section.header.paragraphs] == [("Header", "京津冀产业协同发展简报")]


# ---------------------------------------------------------------- the package


def test_it_records_the_metadata_in_core_properties(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1729814400")  # 2024-10-25T00:00:00Z
    props = docx.Document(str(written(zh_doc(), tmp_path))).core_properties
    assert (props.title, props.subject, props.author, props.language) == (
        "京津冀产业协同发展简报",
        "区域经济",
        "研究室",
        "zh-CN",
    )
    assert props.keywords == "京津冀, 产业协同"
    assert props.created.isoformat().startswith("2024-10-25T00:00:00")
    assert props.modified == props.created


def test_it_is_byte_identical_across_runs_under_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1729814400")
    first = written(zh_doc(), tmp_path, "a.docx").read_bytes()
    second = written(zh_doc(), tmp_path, "b.docx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.docx") as package:
        assert {i.date_time for i in package.infolist()} == {(2024, 10, 25, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()


def test_it_refuses_a_malformed_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(BriefError, match="SOURCE_DATE_EPOCH"):
        written(en_doc(), tmp_path)


def test_it_writes_hostile_text_as_valid_xml(tmp_path: Path) -> None:
    doc = Document(
        Meta(lang="en-US", title="<T&C>\x07", page_label="{page} <{pages}> {other}"),
        (Paragraph((Text(HOSTILE),)), Table((Cell((Text(HOSTILE),)),), ())),
    )
    document = docx.Document(str(written(doc, tmp_path)))
    assert document.paragraphs[0].text == "<T&C>\ufffd"
    body = document.paragraphs[1].text
    assert body.startswith("a <b> & c\ufffdd\ufffde \U0001f4c8 ") and body.endswith(" \ufffd end")
    assert document.tables[0].rows[0].cells[0].text == body
    assert "".join(t.text for t in document.sections[0].footer.paragraphs[0]._p.iter(qn("w:t"))) == "1 <1> {other}"


def test_it_reports_what_it_had_to_change_as_warnings(tmp_path: Path) -> None:
    doc = Document(Meta(lang="en-US", title="T"), (Heading(3, (Text("Deep"),)), Paragraph((Text("x"),), role="aside")))
    warnings: list = []
    write_docx(doc, tmp_path / "w.docx", on_warning=warnings.append)
    assert [w.message for w in warnings] == [
        "docx: heading level 3 set as level 2",
        "docx: paragraph role 'aside' unknown; set as body",
    ]
    assert [p.style.name for p in body_paragraphs(tmp_path / "w.docx")][1:] == ["Heading 2", "Body Text"]


# ------------------------------------------------------- LibreOffice + poppler

RENDER_TOOLS = ("soffice", "pdftotext", "pdffonts")
needs_libreoffice = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in RENDER_TOOLS),
    reason="LibreOffice (soffice) or poppler-utils is not installed: DOCX rendering checks skipped",
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """en, zh and hostile documents converted to PDF in ONE soffice call (it costs 1–2 s a call)."""
    folder = tmp_path_factory.mktemp("docx-render")
    hostile = Document(Meta(lang="en-US", title="Hostile"), (Paragraph((Text(HOSTILE),)),))
    sources = []
    for name, doc in (("en", en_doc()), ("zh", zh_doc()), ("hostile", hostile)):
        sources.append(folder / f"{name}.docx")
        write_docx(doc, sources[-1])
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(folder)},
    )
    return {path.stem: path.with_suffix(".pdf") for path in sources}


def pdf_text(pdf: Path) -> str:
    """pdftotext output without whitespace: Word's CJK–Latin autospace comes back as spaces."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", text)


@needs_libreoffice
def test_it_renders_the_chinese_text_exactly(rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["zh"])
    for expected in (
        "京津冀产业协同发展简报",
        "北京实现2.43万亿元，累计投资2310亿元。[1]",
        "内部资料，注意保存",
        "第1页共1页",
        "43944.1",
        "[1]北京市统计局：《统计公报》。",
    ):
        assert expected in text


@needs_libreoffice
def test_it_renders_chinese_in_a_cjk_face(rendered: dict[str, Path]) -> None:
    fonts = subprocess.run(["pdffonts", str(rendered["zh"])], check=True, capture_output=True, text=True).stdout
    # The TTC's first face names the subset (…CJKjp…); w:lang zh-CN still selects SC glyph forms.
    assert re.search(r"CJK", fonts), fonts


@needs_libreoffice
def test_it_renders_english_and_hostile_text(rendered: dict[str, Path]) -> None:
    assert "Beijingproduced2.43trillionyuan.[1]" in pdf_text(rendered["en"])
    assert "Page1of1" in pdf_text(rendered["en"])
    hostile = pdf_text(rendered["hostile"])
    assert "a<b>&c\ufffdd" in hostile and "end" in hostile


def test_it_keeps_figures_tight_against_chinese_as_the_pdf_does(tmp_path: Path) -> None:
    """Word's default autoSpaceDN/DE gap 2023 年; official text (and our PDF) sets 2023年.
    (LibreOffice 7.4 ignores both switches when it reads a DOCX: see test_docx_layout.)"""
    write_docx(zh_doc(), tmp_path / "z.docx")
    styles = docx.Document(str(tmp_path / "z.docx")).styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    assert defaults.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"
    assert defaults.find(qn("w:autoSpaceDE")).get(qn("w:val")) == "0"
