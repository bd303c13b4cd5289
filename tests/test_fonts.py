"""The bundled fonts are what the PDF writer relies on: TrueType outlines reportlab can
embed, and every character a Chinese briefing uses (the FangSong face has GB2312's, and
the writer sets what it lacks in Noto Serif).

The files are produced by ``tools/build_fonts.py``; these tests catch a bad
regeneration (a CFF font slipping through, a character set that shrank, outlines
lost in conversion) before a user sees boxes in a PDF.  They read the fonts with
reportlab only, the way the application does, so fontTools is not needed here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parent.parent / "src" / "jjj_brief" / "fonts"

CJK_FONTS = (
    "NotoSerifSC-Regular.ttf",
    "NotoSerifSC-Bold.ttf",
    "NotoSansSC-Regular.ttf",
    "NotoSansSC-Bold.ttf",
    "NotoSerifTC-Regular.ttf",
    "NotoSerifTC-Bold.ttf",
    "NotoSansTC-Regular.ttf",
    "NotoSansTC-Bold.ttf",
    "NotoSerifSC-Black.ttf",
    "ZhuqueFangsong-Regular.ttf",
    "WenKai-Regular.ttf",
)
LATIN_FONTS = (
    "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSerif-Italic.ttf",
    "NotoSerif-BoldItalic.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
)
ALL_FONTS = CJK_FONTS + LATIN_FONTS

#: Simplified and Traditional samples, and name characters that GB2312 lacks.
SAMPLE_TEXT = "京津冀地区工业增加值京津冀地區工業增加值镕堃喆"
CHINESE_PUNCTUATION = "，。、；：？！“”‘’（）《》【】…—～"
LATIN_SAMPLE = "Beijing-Tianjin-Hebei GDP €2.4 trn, +5.1% — “naïve” Ωμ Жд"


@cache
def gb2312_hanzi() -> frozenset[str]:
    """The 6,763 hanzi of GB 2312, taken from Python's codec (rows 16–87)."""
    found = set()
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(found)


@cache
def registered(file_name: str) -> TTFont:
    """The font registered with reportlab, as the PDF writer would do it."""
    font = TTFont(f"test-{file_name}", str(FONTS_DIR / file_name))
    pdfmetrics.registerFont(font)
    return pdfmetrics.getFont(f"test-{file_name}")


def missing(file_name: str, text: str) -> list[str]:
    """Characters of ``text`` that the font's cmap does not map."""
    mapped = registered(file_name).face.charToGlyph
    return sorted({ch for ch in text if ord(ch) not in mapped})


def test_the_reference_set_is_the_whole_of_gb2312() -> None:
    assert len(gb2312_hanzi()) == 6763
    assert "镕" not in gb2312_hanzi()


@pytest.mark.parametrize("file_name", ALL_FONTS)
def test_it_ships_every_font_with_truetype_outlines(file_name: str) -> None:
    path = FONTS_DIR / file_name
    assert path.is_file(), f"{path} is missing: run python tools/build_fonts.py"
    assert path.stat().st_size < 20_000_000
    tables = registered(file_name).face.table
    assert "glyf" in tables and "loca" in tables
    assert "CFF " not in tables and "CFF2" not in tables


@pytest.mark.parametrize("file_name", ALL_FONTS)
def test_it_carries_a_family_name_of_its_own(file_name: str) -> None:
    face = registered(file_name).face
    assert face.name.startswith(b"JJJ"), face.name
    assert b"Noto" not in face.familyName


@pytest.mark.parametrize("file_name", CJK_FONTS)
def test_it_covers_all_of_gb2312(file_name: str) -> None:
    assert missing(file_name, "".join(gb2312_hanzi())) == []


@pytest.mark.parametrize("file_name", CJK_FONTS)
def test_it_covers_the_samples_and_chinese_punctuation(file_name: str) -> None:
    assert missing(file_name, SAMPLE_TEXT + CHINESE_PUNCTUATION + LATIN_SAMPLE) == []


@pytest.mark.parametrize("file_name", CJK_FONTS)
def test_it_draws_hanzi_full_width_with_real_outlines(file_name: str) -> None:
    face = registered(file_name).face
    glyf = face.get_table("glyf")
    for ch in SAMPLE_TEXT + "，。（）":
        glyph = face.charToGlyph[ord(ch)]
        assert face.charWidths[ord(ch)] == 1000, ch
        data = glyf[face.glyphPos[glyph] : face.glyphPos[glyph + 1]]
        composite = data[:2] == b"\xff\xff"  # built from other glyphs (Zhuque's ，): header and one part
        assert len(data) > (14 if composite else 20), f"{ch} has no outline"


@pytest.mark.parametrize("file_name", LATIN_FONTS)
def test_it_covers_latin_greek_and_cyrillic(file_name: str) -> None:
    assert missing(file_name, LATIN_SAMPLE + "ĀāŁłŒœ‰′″€£¥") == []
