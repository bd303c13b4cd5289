"""The 简报 as a government office prints it, read back with poppler (and checked by qpdf).

GB/T 9704 and office practice: body 三号仿宋 on a grid of 28 characters by 22
lines, 一、 headings in 黑体 and （一） headings in 楷体, both indented two
characters, the 按语 in 楷体, the masthead and title in a heavy Song; the
distribution block (版记) ends the last page at the foot of the type area, or,
when it cannot, stands on the following even page with no page number.
Traditional Chinese documents are set in the TC faces.  Which face set which
text is read from ``pdftohtml -xml`` (each text run names its font); positions
from ``pdftotext -bbox-layout``; the rules from a rendering.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import pdffonts, pdfinfo, pdftotext, qpdf_check, require, squeeze
from PIL import Image

from jjj_brief.document import Distribution, Document, Heading, Meta, Paragraph, Text
from jjj_brief.writers.pdf import write_pdf

MM = 72 / 25.4
LEFT, MEASURE, FOOT = 28 * MM, 156 * MM, 842 - 35 * MM  # GB/T 9704 type area, from the top-left
PITCH = MEASURE / 28
BLOCK = (("报：", "京津冀协同发展领导小组办公室"), ("送：", "北京市"), ("发：", "各研究室"))  # 3 rows + 共印: 96 pt


def text_faces(path: Path) -> list[tuple[str, bool, str]]:
    """Every text run as ``(font family, bold, text)``, from ``pdftohtml -xml``."""
    qpdf_check(path)
    xml = subprocess.run(
        [require("pdftohtml"), "-xml", "-i", "-stdout", "-q", str(path)], capture_output=True, text=True, check=True
    ).stdout
    families = dict(re.findall(r'<fontspec id="(\d+)" size="[\d.]+" family="[A-Z]{6}\+([^"]+)"', xml))
    runs = re.findall(r'<text [^>]*font="(\d+)">(.*?)</text>', xml)
    return [(families[font], "<b>" in text, re.sub(r"<[^>]+>", "", text)) for font, text in runs]


def face_of(path: Path, text: str) -> tuple[str, bool]:
    """The family (and bold flag) of the run that holds ``text``; each role's text is one run."""
    found = {(family, bold) for family, bold, run in text_faces(path) if text in run}
    assert len(found) == 1, f"{text!r} is set in {found or 'no run'}"
    return found.pop()


ROLES = {
    "zh": {
        "京津冀经济简报": ("JJJSerifSC-Black", True),  # masthead: 小标宋's stand-in
        "京津冀地区产业协同发展主要数据": ("JJJSerifSC-Black", True),  # title
        "本期摘编京津冀": ("JJJWenKai", False),  # 按语: 楷体
        "一、总体情况": ("JJJSansSC", True),  # 黑体
        "（一）工业增加值": ("JJJWenKai", False),  # 楷体
        "京津冀地区工业增加值由": ("JJJZhuqueFangsong", False),  # body: 仿宋
        "共印30份": ("JJJZhuqueFangsong", False),
    },
    "zh_Hant": {
        "京津冀經濟簡報": ("JJJSerifTC", True),
        "本期摘編京津冀": ("JJJSerifTC", False),
        "一、總體情況": ("JJJSansTC", True),
        "京津冀地區工業增加值由": ("JJJSerifTC", False),
    },
}


@pytest.mark.parametrize("lang", ["zh", "zh_Hant"])
def test_each_role_is_set_in_its_face(jianbao_pdfs: Path, lang: str) -> None:
    path = jianbao_pdfs / f"jianbao-{lang}.pdf"
    for text, face in ROLES[lang].items():
        assert face_of(path, text) == face, text
    names = [row[0].split("+", 1)[1] for row in pdffonts(path)]
    other = ("TC-", "TC+") if lang == "zh" else ("SC-", "Zhuque", "WenKai")
    assert names and not [name for name in names if any(mark in name for mark in other)], names
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in pdffonts(path))  # embedded, subset, ToUnicode


def test_the_traditional_research_note_embeds_only_tc_faces(built: Path) -> None:
    qpdf_check(built / "briefing-zh_Hant.pdf")
    names = [row[0].split("+", 1)[1] for row in pdffonts(built / "briefing-zh_Hant.pdf")]
    assert {"JJJSerifTC-Regular", "JJJSansTC-Bold"} <= set(names), names
    assert not [name for name in names if "SC-" in name], names


def lines(path: Path, page: int = 1) -> list[tuple[float, float, float, str]]:
    """The text lines of a page as ``(xMin, xMax, yMax, text)``, from ``pdftotext -bbox-layout``."""
    html = pdftotext(path, "-bbox-layout", "-f", str(page), "-l", str(page))
    found = []
    for x0, x1, y1, body in re.findall(
        r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">'
        r"(.*?)</line>",
        html,
        re.DOTALL,
    ):
        found.append((float(x0), float(x1), float(y1), "".join(re.findall(r">([^<]*)</word>", body))))
    return found


def jianbao_meta(lang: str = "zh-CN") -> Meta:
    return Meta(lang=lang, title="标题", house_style="jianbao", masthead="简报", page_label="— {page} —")


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW"])
def test_a_line_holds_28_characters_and_headings_are_indented_two(tmp_path: Path, lang: str) -> None:
    text = "京津冀协同发展" * 17  # 119 Han characters: 26 after the indent, then 28, 28, 28, 9
    blocks = (Heading(1, (Text("一、总体情况"),)), Heading(2, (Text("（一）工业"),)), Paragraph((Text(text),)))
    path = tmp_path / "grid.pdf"
    write_pdf(Document(jianbao_meta(lang), blocks), path)
    qpdf_check(path)
    found = lines(path)
    body = [line for line in found if line[3] and set(line[3]) <= set(text)]
    assert [len(line[3]) for line in body] == [26, 28, 28, 28, 9]
    for x0, x1, _, chars in body[1:4]:
        assert abs(x0 - LEFT) < 0.5 and abs(x1 - (LEFT + MEASURE)) < 1.0, (x0, x1, chars)
    indented = LEFT + 2 * PITCH
    starts = {chars: x0 for x0, _, _, chars in found}
    assert abs(body[0][0] - indented) < 0.5
    assert abs(starts["一、总体情况"] - indented) < 0.5 and abs(starts["（一）工业"] - indented) < 0.5


@pytest.mark.parametrize("lang", ["zh", "zh_Hant"])
def test_the_distribution_block_ends_the_last_page_at_the_foot(jianbao_pdfs: Path, lang: str, tmp_path: Path) -> None:
    path = jianbao_pdfs / f"jianbao-{lang}.pdf"
    assert int(pdfinfo(path)["Pages"]) == 2  # the body ends on page 2, the block under it
    last = lines(path, 2)
    copies = next(line for line in last if line[3].startswith("共印30"))
    assert FOOT - 24 < copies[2] <= FOOT + 0.5, f"共印30份 ends at {copies[2]:.1f}, the foot is {FOOT:.1f}"
    assert any(line[3].startswith(("报：", "報：")) for line in last)
    assert "—2—" in squeeze(pdftotext(path).split("\f")[1])
    assert rule_at(path, 2, FOOT, tmp_path), "no rule on the foot of the type area"


def rule_at(path: Path, page: int, y: float, folder: Path) -> bool:
    """Whether a dark horizontal line crosses the type area at ``y`` points from the top."""
    stem = folder / f"{path.stem}-{page}"
    qpdf_check(path)
    subprocess.run(
        [
            require("pdftoppm"),
            "-r",
            "144",
            "-gray",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(stem),
        ],
        check=True,
    )
    image = Image.open(stem.with_suffix(".pgm"))
    rows = range(round(y * 2) - 2, round(y * 2) + 3)
    xs = range(round(LEFT * 2) + 4, round((LEFT + MEASURE) * 2) - 4)
    return any(sum(image.getpixel((x, row)) < 128 for x in xs) > 0.95 * len(xs) for row in rows)


def _with_lines(count: int, path: Path) -> Path:
    """A 简报 of ``count`` one-line paragraphs and a distribution block, written to ``path``."""
    blocks = (*(Paragraph((Text(f"第{n}段。"),)) for n in range(1, count + 1)), Distribution(BLOCK, "共印5份"))
    write_pdf(Document(jianbao_meta(), blocks), path)
    qpdf_check(path)
    return path


def _pages(path: Path) -> list[str]:
    return [squeeze(page) for page in pdftotext(path).split("\f")][: int(pdfinfo(path)["Pages"])]


@pytest.fixture(scope="module")
def first_page_lines(tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many one-line paragraphs page 1 holds under the masthead (every later page holds 22)."""
    pages = _pages(_with_lines(40, tmp_path_factory.mktemp("probe") / "probe.pdf"))
    return len(re.findall(r"第\d+段", pages[0]))


@pytest.mark.parametrize(
    ("after_page_one", "expected"),
    [
        (0, ["body", "block"]),  # page 1 full: the block takes the even page 2, unnumbered
        (18, ["body", "body+block"]),  # 18 lines on page 2 leave room for it
        (19, ["body", "body", "blank", "block"]),  # 19 do not: page 3 stays blank, the block takes page 4
    ],
)
def test_a_block_that_cannot_fit_goes_to_the_next_even_page(
    tmp_path: Path, first_page_lines: int, after_page_one: int, expected: list[str]
) -> None:
    pages = _pages(_with_lines(first_page_lines + after_page_one, tmp_path / "block.pdf"))
    seen = []
    for number, page in enumerate(pages, start=1):
        body, block = "段。" in page, "报：京津冀协同发展领导小组办公室" in page
        seen.append("+".join(part for part, there in (("body", body), ("block", block)) if there) or "blank")
        numbered = f"—{number}—" in page
        assert numbered == body, f"page {number}: numbered {numbered}, with body text {body}"
    assert seen == expected
    if len(pages) == 4:
        assert pages[2] == ""  # the blank page is blank


def test_a_character_the_fangsong_face_lacks_is_set_in_song(tmp_path: Path) -> None:
    """Zhuque Fangsong has about half of GBK's hanzi; 龑 (a name character) is not among them."""
    from jjj_brief.writers.pdf.fonts import HAN_FACES, register

    assert ord("龑") not in register(HAN_FACES[("fangsong", False, "SC")]).face.charToGlyph
    path = tmp_path / "rare.pdf"
    write_pdf(Document(jianbao_meta(), (Paragraph((Text("南汉刘龑称帝。"),)),)), path)
    qpdf_check(path)
    assert face_of(path, "南汉刘") == ("JJJZhuqueFangsong", False)
    assert face_of(path, "龑") == ("JJJSerifSC", False)


@pytest.mark.parametrize(("lang", "centred"), [("zh-CN", False), ("zh-TW", True)])
def test_traditional_chinese_takes_taiwan_glyph_forms(tmp_path: Path, lang: str, centred: bool) -> None:
    """``。`` sits in the lower left of the em in mainland faces and in its centre in Taiwan's."""
    path = tmp_path / "forms.pdf"
    write_pdf(Document(Meta(lang=lang, title="T"), (Paragraph((Text("京。京。京。"),)),)), path)
    qpdf_check(path)
    x0, x1, y1, _ = next(line for line in lines(path) if line[3] == "京。京。京。")
    em = (x1 - x0) / 6
    stem = tmp_path / "forms"
    qpdf_check(path)
    subprocess.run(
        [require("pdftoppm"), "-r", "288", "-gray", "-f", "1", "-l", "1", "-singlefile", str(path), str(stem)],
        check=True,
    )
    image, scale = Image.open(stem.with_suffix(".pgm")), 4
    left, top = round((x0 + em) * scale), round((y1 - em * 1.1) * scale)
    ink = [
        x - left
        for x in range(left, round(left + em * scale))
        for y in range(top, round(y1 * scale))
        if image.getpixel((x, y)) < 128
    ]
    assert ink, "no ink where 。 is drawn"
    where = sum(ink) / len(ink) / (em * scale)  # 0 = left edge of its em, 1 = right edge
    assert (0.4 < where < 0.6) if centred else where < 0.4, f"。 centred at {where:.2f} em in {lang}"


LAZY = """
import sys
from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames
from jjj_brief.document import Document, Heading, Meta, Paragraph, Text
from jjj_brief.writers.pdf import write_pdf
lang, style, title, heading, body, out = sys.argv[1:]
meta = Meta(lang=lang, title=title, house_style=style, masthead=title)
write_pdf(Document(meta, (Heading(1, (Text(heading),)), Paragraph((Text(body),)))), out)
print(" ".join(sorted(getRegisteredFontNames())))
"""
ZH = ("标题", "一、总体情况", "京津冀协同发展2024年。")


@pytest.mark.parametrize(
    ("lang", "style", "texts", "parsed"),
    [
        (
            "en-US",
            "research",
            ("Title", "Overview", "GDP grew 5.2% in 2024."),
            {"NotoSerif-Regular", "NotoSans-Regular", "NotoSans-Bold"},
        ),  # no CJK face at all
        ("zh-CN", "research", ZH, {"NotoSerif-Regular", "NotoSerifSC-Regular", "NotoSansSC-Bold"}),
        (
            "zh-CN",
            "jianbao",
            ZH,
            {"NotoSerif-Regular", "NotoSerifSC-Black", "ZhuqueFangsong-Regular", "NotoSansSC-Bold"},
        ),  # no Kai text: no Kai face; no TC face
        ("zh-TW", "jianbao", ZH, {"NotoSerif-Regular", "NotoSerifTC-Bold", "NotoSerifTC-Regular", "NotoSansTC-Bold"}),
    ],
)
def test_only_the_faces_a_document_sets_text_in_are_parsed(
    tmp_path: Path, lang: str, style: str, texts: tuple[str, str, str], parsed: set[str]
) -> None:
    out = tmp_path / "lazy.pdf"
    done = subprocess.run(
        [sys.executable, "-c", LAZY, lang, style, *texts, str(out)], capture_output=True, text=True, check=True
    )
    qpdf_check(out)
    assert set(done.stdout.split()) == {f"JJJ-{face}" for face in parsed}
