"""The DOCX as LibreOffice lays it out, measured against its PDF (issue 12).

Every bundled briefing (research note en, zh, zh_Hant; the 简报 in zh) is
built by the real command as PDF and DOCX, plus the zh research note and the
简报 with ``--embed-fonts``; LibreOffice converts all the DOCX files in one
call and poppler reads both sides: page counts, where the 版记 stands and
whether its rules are drawn, where the box's border is, baselines in a table
row, the 简报's line pitch, and which faces LibreOffice used.  Structure that
only Word reads (font table, character indents, the autospace switches) is
checked with python-docx.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import jjj_brief, pdffonts, pdfinfo, pdftotext, require, soffice_convert, squeeze
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from PIL import Image

MM = 72 / 25.4
NOTES = ("briefing-en", "briefing-zh", "briefing-zh_Hant", "jianbao-zh")
EMBEDDED = ("briefing-zh-fonts", "jianbao-zh-fonts")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def made(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PDF and DOCX of every bundled briefing, the embedded-fonts DOCX, and LibreOffice's PDFs of them."""
    out = tmp_path_factory.mktemp("docx-layout")
    env = {"SOURCE_DATE_EPOCH": "1729814400"}
    for name in NOTES[:3]:
        for suffix in (".pdf", ".docx"):
            (out / f"{name}{suffix}").symlink_to(built / f"{name}{suffix}")
    run = jjj_brief("build", "--template", "jianbao", "--lang", "zh", "--out", out, env=env)
    assert run.code == 0, run.err
    fonts = out / "fonts"
    for args in (("--lang", "zh"), ("--template", "jianbao", "--lang", "zh")):
        run = jjj_brief("build", *args, "--format", "docx", "--embed-fonts", "--out", fonts, env=env)
        assert run.code == 0, run.err
    for path in fonts.glob("*.docx"):
        path.rename(out / f"{path.stem}-fonts.docx")
    converted = out / "lo"
    docx_files = sorted(out.glob("*.docx"))
    assert len(docx_files) == len(NOTES) + len(EMBEDDED)
    soffice_convert(docx_files, "pdf", converted)
    return out


def face_names(pdf: Path) -> list[str]:
    """The faces a PDF uses, as pdffonts names them (subset tag included)."""
    return [row[0] for row in pdffonts(pdf)]


def lines(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """Each text line of a page as (yMin, yMax, xMin, text), top to bottom."""
    html = pdftotext(pdf, "-f", str(page), "-l", str(page), "-bbox-layout")
    found = []
    for match in re.finditer(
        r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', html, re.DOTALL
    ):
        text = "".join(re.findall(r">([^<]*)</word>", match.group(4)))
        found.append((float(match.group(2)), float(match.group(3)), float(match.group(1)), text))
    return found


def words(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """Each word of a page as (xMin, yMin, yMax, text)."""
    html = pdftotext(pdf, "-f", str(page), "-l", str(page), "-bbox")
    return [
        (float(a), float(b), float(c), t)
        for a, b, c, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html
        )
    ]


def page_image(pdf: Path, page: int, folder: Path) -> Image.Image:
    """A page at 72 dpi, so one pixel is one point."""
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(
        [require("pdftoppm"), "-r", "72", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf), str(stem)],
        check=True,
    )
    return Image.open(stem.with_suffix(".png")).convert("RGB")


# ------------------------------------------------------------------- pages


@pytest.mark.parametrize("name", NOTES)
def test_libreoffice_lays_each_docx_out_on_as_many_pages_as_the_pdf(made: Path, name: str) -> None:
    """The English note needs hyphenation and the charts' least height; the 简报 the least height."""
    pdf_pages = int(pdfinfo(made / f"{name}.pdf")["Pages"])
    assert int(pdfinfo(made / "lo" / f"{name}.pdf")["Pages"]) == pdf_pages
    if f"{name}-fonts" in EMBEDDED:
        assert int(pdfinfo(made / "lo" / f"{name}-fonts.pdf")["Pages"]) == pdf_pages


def test_libreoffice_hyphenates_english_but_never_a_figure(made: Path) -> None:
    """Line ends in ``-`` that join into a word of the DOCX; none inside a figure's run."""
    document = docx.Document(str(made / "briefing-en.docx"))
    settings = document.settings.element
    assert settings.find(qn("w:autoHyphenation")) is not None
    assert settings.find(qn("w:doNotHyphenateCaps")) is not None
    text = pdftotext(made / "lo" / "briefing-en.pdf", "-layout").splitlines()  # plain mode joins them
    broken = [
        (line.split()[-1][:-1] + after.split()[0])
        for line, after in zip(text, text[1:])
        if re.search(r"[a-z]-$", line) and after.split()
    ]
    words_of_docx = set(re.findall(r"[A-Za-z]+", "\n".join(p.text for p in document.paragraphs)))
    hyphenated = [word for word in broken if re.sub(r"\W", "", word) in words_of_docx]
    assert hyphenated, broken
    unproofed = f"{qn('w:rPr')}/{qn('w:noProof')}"
    figures = [r for p in document.paragraphs for r in p.runs if r._r.find(unproofed) is not None]
    assert figures and all(r._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "zxx" for r in figures)
    assert not [w for w in hyphenated if any(w in r.text.replace(" ", "") for r in figures)]
    chinese = docx.Document(str(made / "briefing-zh.docx")).settings.element
    assert chinese.find(qn("w:autoHyphenation")) is None


@pytest.mark.parametrize("name", NOTES)
def test_libreoffice_shows_every_paragraph(made: Path, name: str) -> None:
    """The head and tail of each paragraph, the 版记's included: one lost to a frame would show."""
    shown = squeeze(pdftotext(made / "lo" / f"{name}.pdf"))
    document = docx.Document(str(made / f"{name}.docx"))
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    texts = [squeeze(p.text) for p in [*document.paragraphs, *cells] if squeeze(p.text)]
    assert len(texts) > 20
    assert [t for t in texts if t[:10] not in shown or t[-10:] not in shown] == []


# ------------------------------------------------------------ the 版记


def test_the_distribution_block_ends_at_the_foot_of_the_last_page(made: Path) -> None:
    pdf = made / "lo" / "jianbao-zh.pdf"
    last = int(pdfinfo(pdf)["Pages"])
    found = lines(pdf, last)
    rows = [line for line in found if line[3].startswith(("报：", "送：", "发：", "共印"))]
    assert [row[3][:2] for row in rows] == ["报：", "送：", "发：", "共印"]
    foot = 297 * MM - 35 * MM  # the type area's bottom edge (GB/T 9704 bottom margin 35 mm)
    assert foot - 26 < rows[-1][1] <= foot, rows[-1]
    body = [line for line in found if line[1] < rows[0][0] and not line[3].startswith("—")]
    assert body, "the body text shares the last page with the block"


def test_the_distribution_block_is_ruled_like_gb_9704(made: Path, tmp_path: Path) -> None:
    """Thick rules above and below, thin ones between the lines, across the type area."""
    pdf = made / "lo" / "jianbao-zh.pdf"
    last = int(pdfinfo(pdf)["Pages"])
    image = page_image(pdf, last, tmp_path)
    left, right = round(28 * MM), round(210 * MM - 26 * MM)
    rows = [line for line in lines(pdf, last) if line[3].startswith(("报：", "共印"))]
    top, bottom = rows[0][0] - 8, rows[-1][1] + 8
    span = range(left + 2, right - 2)
    ruled = [
        y
        for y in range(int(top), int(bottom) + 1)
        if sum(1 for x in span if sum(image.getpixel((x, y))) < 300) > 0.95 * len(span)
    ]
    rules = [y for i, y in enumerate(ruled) if i == 0 or y - ruled[i - 1] > 2]
    assert len(rules) == 5, ruled  # above 报, between 报/送/发/共印, below 共印


def test_the_distribution_block_is_a_floating_table_at_the_foot(made: Path) -> None:
    document = docx.Document(str(made / "jianbao-zh.docx"))
    (table,) = [t for t in document.tables if t.style.name == "Distribution Block"]
    position = table._tbl.tblPr.find(qn("w:tblpPr"))
    assert (position.get(qn("w:vertAnchor")), position.get(qn("w:tblpYSpec"))) == ("margin", "bottom")
    borders = table.style.element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {child.tag.removeprefix(W): child.get(qn("w:sz")) for child in borders} == {
        "top": "8",
        "bottom": "8",
        "insideH": "6",
    }


# ------------------------------------------------------- faces and fonts


def font_table(path: Path) -> dict[str, dict[str, str]]:
    """fontTable.xml as {face: {altName, panose1, charset, family, embedRegular…}}."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/fontTable.xml").decode()
    table = {}
    for name, body in re.findall(r'<w:font w:name="([^"]+)">(.*?)</w:font>', xml):
        table[name] = {tag: value for tag, value in re.findall(r'<w:(\w+) (?:r:id|w:val)="([^"]*)"', body)}
    return table


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("briefing-zh", {"SimSun": "宋体", "SimHei": "黑体", "KaiTi": "楷体"}),
        ("jianbao-zh", {"FangSong": "仿宋", "KaiTi": "楷体", "SimHei": "黑体", "SimSun": "宋体"}),
        ("briefing-zh_Hant", {"PMingLiU": "新細明體", "Microsoft JhengHei": "微軟正黑體"}),
    ],
)
def test_the_font_table_declares_the_office_faces_with_their_chinese_names(
    made: Path, name: str, expected: dict[str, str]
) -> None:
    table = font_table(made / f"{name}.docx")
    for face, alternate in expected.items():
        entry = table[face]
        assert entry["altName"] == alternate
        assert entry["charset"] == ("88" if name.endswith("Hant") else "86")
        assert re.fullmatch(r"[0-9A-F]{20}", entry["panose1"]) and entry["panose1"] != "0" * 20
    assert not [face for face in table if "明朝" in face or "ゴシック" in face]  # the template's Japanese faces


def embedded_faces(path: Path) -> dict[str, TTFont]:
    """Each embedded face, de-obfuscated with its w:fontKey, by 'family/style'."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/fontTable.xml").decode()
        rels = package.read("word/_rels/fontTable.xml.rels").decode()
        faces = {}
        for family, body in re.findall(r'<w:font w:name="([^"]+)">(.*?)</w:font>', xml):
            for tag, rid, key in re.findall(r'<w:(embed\w+) r:id="(rId\d+)" w:fontKey="\{([^}]+)\}"', body):
                target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*>', rels).group(0)
                data = bytearray(package.read("word/" + re.search(r'Target="([^"]+)"', target).group(1)))
                key_bytes = bytes.fromhex(key.replace("-", ""))[::-1]
                for i in range(32):
                    data[i] ^= key_bytes[i % 16]
                faces[f"{family}/{tag}"] = TTFont(io.BytesIO(bytes(data)))
    return faces


@pytest.mark.parametrize("name", EMBEDDED)
def test_embedded_faces_are_subsets_of_the_bundled_faces_named_as_the_styles_name_them(made: Path, name: str) -> None:
    path = made / f"{name}.docx"
    faces = embedded_faces(path)
    assert any(key.endswith("/embedRegular") and "SC" in key for key in faces), list(faces)
    text = "".join(p.text for p in docx.Document(str(path)).paragraphs)
    named = set()
    for key, font in faces.items():
        family = key.split("/")[0]
        assert font["name"].getDebugName(1) == family and re.match(r"[A-Z]{6}\+JJJ ", family)
        named.add(family)
        if "SC" in family:
            assert {ord(ch) for ch in text if "\u4e00" <= ch <= "\u9fff"} <= set(font.getBestCmap())
            assert len(font.getBestCmap()) < 2000  # a subset, not the 22,873-character face
    styles = docx.Document(str(path)).styles
    assert styles["Body Text"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) in named
    with zipfile.ZipFile(path) as package:
        assert "<w:embedTrueTypeFonts/>" in package.read("word/settings.xml").decode()


@pytest.mark.parametrize("name", EMBEDDED)
def test_libreoffice_sets_the_text_in_the_embedded_faces(made: Path, name: str) -> None:
    used = face_names(made / "lo" / f"{name}.pdf")
    assert any("JJJSerifSC" in face for face in used) and any("JJJSansSC" in face for face in used), used
    strangers = [face for face in used if "JJJ" not in face and "OpenSymbol" not in face]
    assert strangers == []  # no fallback face: every character was in the subsets


# ------------------------------------------------------------ the look


def test_the_editor_note_is_indented_two_characters_not_282_inches(made: Path) -> None:
    style = docx.Document(str(made / "jianbao-zh.docx")).styles["Editor Note"]
    ind = style.element.pPr.find(qn("w:ind"))
    assert (ind.get(qn("w:left")), ind.get(qn("w:firstLine")), ind.get(qn("w:firstLineChars"))) == ("640", "0", "0")
    found = lines(made / "lo" / "jianbao-zh.pdf", 1)
    start = next(i for i, line in enumerate(found) if line[3].startswith("按："))
    note = found[start : next(i for i, line in enumerate(found) if line[3] == "一、总体情况")]
    assert len(note) == 2 and all(abs(line[2] - (28 * MM + 32)) < 1.5 for line in note), note  # every line


def test_jianbao_headings_and_body_keep_the_grid_pitch(made: Path) -> None:
    """22 lines on the 225 mm type area: 28.95 pt (579 twips, so that 22 fit), headings included."""
    found = lines(made / "lo" / "jianbao-zh.pdf", 1)
    start = next(i for i, line in enumerate(found) if line[3] == "一、总体情况")
    pitches = [b[0] - a[0] for a, b in zip(found[start : start + 4], found[start + 1 : start + 5])]
    assert len(pitches) == 4 and all(abs(pitch - 28.95) < 0.1 for pitch in pitches), found[start : start + 5]
    styles = docx.Document(str(made / "jianbao-zh.docx")).styles
    for name in ("Heading 1", "Heading 2", "Body Text"):
        spacing = styles[name].element.pPr.find(qn("w:spacing"))
        assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")


def test_a_jianbao_line_holds_28_characters(made: Path) -> None:
    """GB/T 9704's 28 characters of 三号 on the 156 mm line: 26 after the two-character indent."""
    text = pdftotext(made / "lo" / "jianbao-zh.pdf").splitlines()
    start = next(i for i, line in enumerate(text) if line.startswith("京津冀地区重点布局了"))
    assert len(text[start].strip()) == 26, text[start]
    assert text[start + 1].startswith("联网、高端工业母机、新能源和智能网联汽车和机器人等产业"), text[start + 1]  # 28


def test_a_latin_only_cell_sits_on_the_baseline_of_its_row(made: Path) -> None:
    """``43%`` (Latin only) against ``2013—2023`` in a cell with Chinese: the same bottom edge."""
    found = words(made / "lo" / "briefing-zh.pdf", 1)
    (latin,) = [w for w in found if w[3] == "43%"]
    period = [w for w in found if w[3] == "2013—2023" and abs(w[1] - latin[1]) < 6]
    assert len(period) == 1 and abs(period[0][2] - latin[2]) < 0.3, (latin, period)


def test_the_box_and_the_table_stand_on_the_margin_in_the_houses_colour(made: Path, tmp_path: Path) -> None:
    """The zh box is framed in the red of the Chinese edition, its border on the margin (it hung
    3 mm out), and the table's rules start there too."""
    image = page_image(made / "lo" / "briefing-zh.pdf", 1, tmp_path)
    pixels = image.load()
    red = [
        x
        for y in range(image.height)
        for x in range(image.width // 2)
        if pixels[x, y][0] > 140 and pixels[x, y][1] < 60 and pixels[x, y][2] < 60
    ]
    assert red and abs(min(red) - 25 * MM) < 1.5, min(red, default=None)
    styles = docx.Document(str(made / "briefing-zh.docx")).styles
    border = styles["Key Points Box"].element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:left')}")
    assert border.get(qn("w:color")) == "B00000"
    zebra = [s for s in styles["Key Figures"].element.iter(qn("w:tblStylePr")) if s.get(qn("w:type")) == "band2Horz"]
    assert zebra[0].find(f".//{qn('w:shd')}").get(qn("w:fill")) == "F2F4F7"


def test_the_footer_has_the_pdfs_three_parts_and_the_header_only_the_title(made: Path) -> None:
    found = lines(made / "lo" / "briefing-zh.pdf", 2)
    header, footer = found[0], [line for line in found if line[0] > 297 * MM - 27 * MM]
    assert header[3] == "京津冀地区经济简报"
    parts = sorted((line[2], line[3]) for line in footer)
    assert [text for _, text in parts] == ["内部资料，注意保存", "第2页共2页", "2024年10月25日"]
    assert len({round(line[0]) for line in footer}) == 1  # one line


def test_the_english_subtitle_is_neither_tracked_nor_italic(made: Path) -> None:
    subtitle = docx.Document(str(made / "briefing-en.docx")).styles["Subtitle"].element
    assert subtitle.rPr.find(qn("w:spacing")) is None and subtitle.rPr.find(qn("w:i")) is None
    fonts = [face for face in face_names(made / "lo" / "briefing-en.pdf") if "Italic" in face]
    assert fonts == []  # nothing in the English note is italic


def test_figures_and_their_unit_are_one_run_with_no_space(made: Path) -> None:
    """Word sets ``2023年`` tight when autoSpaceDN/DE are off; the writer adds no space of its own.
    (LibreOffice 7.4 reads neither switch and puts a fifth of an em there.)"""
    document = docx.Document(str(made / "briefing-zh.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2023年" in text and not re.search(r"\d [年月日万亿]", text)
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    assert [defaults.find(qn(tag)).get(qn("w:val")) for tag in ("w:autoSpaceDE", "w:autoSpaceDN")] == ["0", "0"]


@pytest.mark.parametrize(("name", "body_size"), [("jianbao-zh", 16.0), ("briefing-en", 11.0)])
def test_the_chart_takes_the_least_height_the_pdf_gives_it_and_text_sized_for_the_body(
    made: Path, name: str, body_size: float
) -> None:
    """Word and LibreOffice cannot shrink a chart to the room left, as the PDF does; at its least
    height the 简报's chart stays on page 1 (at its full 159 pt it took the 版记 to page 3)."""
    from jjj_brief.writers.charts.drawing import chart_look

    with zipfile.ZipFile(made / f"{name}.docx") as package:
        document = package.read("word/document.xml").decode()
        chart = package.read("word/charts/chart1.xml").decode()
    heights = {int(cy) / 12700 for cy in re.findall(r'<wp:extent cx="\d+" cy="(\d+)"', document)}
    width = (
        156 * MM
        if name.startswith("jianbao")
        else max(int(cx) / 12700 for cx in re.findall(r'<wp:extent cx="(\d+)"', document))
    )
    look = chart_look(width, name.endswith("zh"), "SC", body_size)
    assert look.min_height < look.height and heights and all(abs(h - look.min_height) < 0.05 for h in heights), heights
    sizes = {int(size) / 100 for size in re.findall(r'<a:(?:def)?rPr [^>]*sz="(\d+)"', chart)}
    assert sizes == {look.tick_size, look.label_size}, sizes
    assert "<c:legend>" not in chart  # one series: the caption names it, as in the PDF
