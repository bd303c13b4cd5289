"""The built briefings opened the way a reader opens them: poppler for the PDFs, LibreOffice for the DOCX.

Research notes (en, zh) and the 简报 are built once by the real command;
the checks are about what a reader sees: the outline, metadata, page count
and page numbers, table cells in order, chart captions, localized chart
labels and source lines, the 简报's masthead and distribution block; and a
rendering check that fails on a blank page or text outside the margins.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import jjj_brief, pdfinfo, pdftotext, qpdf_check, require, squeeze
from PIL import Image

MM = 72 / 25.4
MARGINS = {"briefing": (25 * MM, 25 * MM), "jianbao": (28 * MM, 26 * MM)}  # left, right


@pytest.fixture(scope="module")
def jianbao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("jianbao")
    run = jjj_brief(
        "build", "--lang", "zh", "--template", "jianbao", "--out", out, env={"SOURCE_DATE_EPOCH": "1729814400"}
    )
    assert run.code == 0, run.err
    return out


def test_the_jianbao_command_writes_its_three_editions(jianbao: Path) -> None:
    assert sorted(p.name for p in jianbao.iterdir()) == ["jianbao-zh.docx", "jianbao-zh.html", "jianbao-zh.pdf"]


def outline(path: Path) -> list[str]:
    qpdf_check(path)
    xml = subprocess.run(
        [require("pdftohtml"), "-xml", "-i", "-stdout", "-q", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r'<item page="\d+">([^<]*)</item>', xml)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Figure 1. Industrial added value, 2013 and 2023",
                "trillion yuan",
                "Industrial added value",
                "Source: Xinhua.",
                "Key points",
                "For internal use",
                "Page 1 of {pages}",
            ],
        ),
        (
            "zh",
            [
                "图1工业增加值（2013年和2023年）",
                "万亿元",
                "2013年",
                "2023年",
                "资料来源：新华社。",
                "要点",
                "内部资料，注意保存",
                "第1页共{pages}页",
            ],
        ),
    ],
)
def test_the_research_note_shows_charts_sources_and_its_classification(
    built: Path, lang: str, expected: list[str]
) -> None:
    text = squeeze(pdftotext(built / f"briefing-{lang}.pdf"))
    pages = pdfinfo(built / f"briefing-{lang}.pdf")["Pages"]  # the count follows the layout
    for piece in expected:
        assert squeeze(piece.replace("{pages}", pages)) in text, piece
    assert text.count(squeeze("Source: Xinhua.") if lang == "en" else "资料来源：新华社。") >= 2  # table, chart


def test_the_key_figures_table_reads_in_order(built: Path) -> None:
    lines = [" ".join(line.split()) for line in pdftotext(built / "briefing-zh.pdf", "-layout").splitlines()]
    rows = [line for line in lines if line.startswith("工业增加值")]
    assert rows[:3] == [
        "工业增加值 2013年 1.7万亿元",
        "工业增加值 2023年 2.43万亿元",
        "工业增加值（美元） 2013年 约2380亿美元",
    ]


def test_the_jianbao_has_its_masthead_page_numbers_and_distribution(jianbao: Path) -> None:
    path = jianbao / "jianbao-zh.pdf"
    info = pdfinfo(path)
    pages = int(info["Pages"])
    assert info["Page size"].startswith("595.") and pages >= 2
    text = pdftotext(path)
    first = squeeze(text.split("\f")[0])
    for piece in (
        "内部资料，注意保存",
        "京津冀经济简报",
        "第1期",
        "京津冀产业协同发展研究组",
        "2024年10月25日",
        "按：",
    ):
        assert piece in first, piece
    assert first.index("内部资料") < first.index("京津冀经济简报") < first.index("第1期")
    for page, body in enumerate(text.split("\f")[:pages], start=1):
        assert f"—{page}—" in squeeze(body)  # "— 1 —": poppler may drop the thin spaces
    last = squeeze(text.split("\f")[pages - 1])
    assert "报：京津冀协同发展领导小组办公室" in last and last.endswith(f"共印30份—{pages}—")
    assert outline(path)[:2] == ["一、总体情况", "（一）工业增加值"]


def test_the_jianbao_is_refused_in_english_with_a_clear_error(tmp_path: Path) -> None:
    run = jjj_brief("build", "--lang", "en", "--template", "jianbao", "--out", tmp_path)
    assert run.code == 2 and "zh" in run.err and "not 'en'" in run.err
    assert not list(tmp_path.iterdir())


def _pages_as_images(path: Path, folder: Path) -> list[Path]:
    qpdf_check(path)
    subprocess.run([require("pdftoppm"), "-r", "20", "-gray", str(path), str(folder / path.stem)], check=True)
    return sorted(folder.glob(f"{path.stem}*.pgm"))


def _word_boxes(path: Path) -> tuple[float, list[tuple[int, float, float, str]]]:
    """Page width and every word as (page, xMin, xMax, text), from ``pdftotext -bbox``."""
    html = pdftotext(path, "-bbox")
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', line)
        if found:
            words.append((page, float(found.group(1)), float(found.group(2)), found.group(3)))
    return width, words


@pytest.mark.parametrize("name", ["briefing-en", "briefing-zh", "jianbao-zh"])
def test_no_page_is_blank_and_no_text_crosses_the_margins(
    built: Path, jianbao: Path, tmp_path: Path, name: str
) -> None:
    path = (jianbao if name.startswith("jianbao") else built) / f"{name}.pdf"
    for image in _pages_as_images(path, tmp_path):
        histogram = Image.open(image).histogram()
        inked = sum(histogram[:160])
        assert inked > 0.002 * sum(histogram), f"{image.name} is (nearly) blank"
    left, right = MARGINS[name.split("-")[0]]
    width, words = _word_boxes(path)
    outside = [w for w in words if w[1] < left - 1.5 or w[2] > width - right + 1.5]
    assert words and not outside, outside[:5]


@pytest.fixture(scope="module")
def docx_as_pdf(built: Path, jianbao: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The DOCX files converted by LibreOffice in ONE call (each call costs 1-2 s)."""
    out = tmp_path_factory.mktemp("lo")
    profile = (out / "profile").as_uri()
    files = [built / "briefing-en.docx", built / "briefing-zh.docx", jianbao / "jianbao-zh.docx"]
    subprocess.run(
        [
            require("soffice"),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("briefing-en", ["Key points", "Figure 1. Industrial added value, 2013 and 2023", "Source: Xinhua."]),
        ("briefing-zh", ["要点", "图1工业增加值（2013年和2023年）", "资料来源：新华社。"]),
        ("jianbao-zh", ["内部资料，注意保存", "京津冀经济简报", "第1期", "一、总体情况", "报：", "共印30份", "—1—"]),
    ],
)
def test_libreoffice_opens_the_docx_with_charts_captions_and_furniture(
    docx_as_pdf: Path, name: str, expected: list[str]
) -> None:
    text = squeeze(pdftotext(docx_as_pdf / f"{name}.pdf"))
    for piece in expected:
        assert squeeze(piece) in text, piece
