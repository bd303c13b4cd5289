"""Building one face: subset (and convert), rename, save, check, report."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from .charsets import LATIN_RANGES, cjk_charset, expand, gbk_hanzi
from .outlines import advance_by_code, convert_to_truetype, open_font, subset_font
from .sources import Face

#: Name IDs that identify the font to users and software; all are rewritten.
IDENTITY_NAME_IDS = frozenset({1, 2, 3, 4, 5, 6, 16, 17, 18, 20, 21, 22, 25})

#: Styles a family's name ID 2 may hold; any other (Black) goes into IDs 16/17.
RIBBI = frozenset({"Regular", "Bold", "Italic", "Bold Italic"})

REGIONS = {"SC": "Simplified Chinese", "TC": "Traditional Chinese"}

#: Characters every Chinese face must have, whatever its coverage otherwise.
CJK_SAMPLES = "京津冀镕堃喆，。"


@dataclass(frozen=True)
class FaceReport:
    """What a build produced, for the console and the README."""

    face: Face
    source_name: str
    source_version: str
    copyright: str
    trademark: str
    requested: int
    covered: int
    hanzi: int  # GBK hanzi the face has: less than all for Zhuque Fangsong
    glyphs: int
    size: int
    seconds: float


# --- names ------------------------------------------------------------------------


def postscript_name(family: str, style: str) -> str:
    """``JJJ Serif SC`` + ``Bold Italic`` → ``JJJSerifSC-BoldItalic``."""
    return f"{family.replace(' ', '')}-{style.replace(' ', '')}"


def source_version(font) -> str:
    """The upstream version number ("2.001") from name ID 5."""
    text = font["name"].getDebugName(5) or ""
    match = re.search(r"\d+\.\d+", text)
    return match.group(0) if match else "unknown"


def identity_names(face: Face, version: str) -> dict[int, str]:
    """The name records that identify the derived font.

    A style outside Regular/Bold/Italic (Black) makes its own legacy family
    (ID 1 "JJJ Serif SC Black", ID 2 "Regular") and names the typographic
    family and style in IDs 16 and 17, as the OpenType spec asks.  A source
    with Reserved Font Names is not named in ID 5 (the OFL keeps those names
    off a Modified Version); the README and OFL.txt credit it.
    """
    ps_name = postscript_name(face.family, face.style)
    origin = "" if face.source.reserved else f" from {face.file}"
    records = {
        1: face.family,
        2: face.style,
        3: f"{version};JJJ;{ps_name}",
        4: f"{face.family} {face.style}",
        5: f"Version {version}; subset{origin} by jjj-brief tools/build_fonts.py",
        6: ps_name,
    }
    if face.style not in RIBBI:
        records.update({1: f"{face.family} {face.style}", 2: "Regular", 16: face.family, 17: face.style})
    return records


def rename(font, face: Face, version: str) -> None:
    """Give the derived font its own family name on every platform and language.

    Old identity records (including localized and Macintosh ones) are removed so
    no application can list the subset under the original family; copyright,
    trademark, designer and license records (IDs 0, 7–14) stay, as the OFL asks.
    """
    table = font["name"]
    table.names = [record for record in table.names if record.nameID not in IDENTITY_NAME_IDS]
    for name_id, text in identity_names(face, version).items():
        table.setName(text, name_id, 3, 1, 0x409)
    description = table.getDebugName(10) or ""
    table.setName(f"{description} Modified: {modification(face)}".strip(), 10, 3, 1, 0x409)


def modification(face: Face) -> str:
    """One sentence saying how this file differs from its source."""
    if face.kind == "cjk-cff":
        return (
            f"{REGIONS[face.region]} face of {face.file}, subset to GBK, Big5 and common "
            "symbols, CFF outlines converted to TrueType quadratic outlines."
        )
    if face.kind == "cjk":
        return (
            f"{face.file} subset to GBK, Big5 and common symbols; OpenType layout tables, "
            "vertical metrics and hinting removed."
        )
    return f"{face.file} subset to Latin, Greek, Cyrillic and common punctuation."


# --- one face ---------------------------------------------------------------------


def requested_codes(face: Face) -> set[int]:
    """The characters ``face`` should keep."""
    return cjk_charset() if face.cjk else expand(LATIN_RANGES)


def check_output(path: Path, source_advances: dict[int, int], face: Face) -> None:
    """Fail the build if the saved font is not what reportlab and readers need."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    if "glyf" not in font or "CFF " in font:
        raise RuntimeError(f"{path.name}: not a TrueType-outline font")
    changed = [hex(code) for code, width in advance_by_code(font).items() if source_advances.get(code) != width]
    if changed:
        raise RuntimeError(f"{path.name}: advance widths changed for {changed[:10]}")
    if face.cjk and not {ord(ch) for ch in CJK_SAMPLES} <= set(font.getBestCmap()):
        raise RuntimeError(f"{path.name}: sample characters missing")
    for record in font["name"].names:
        text = record.toUnicode()
        if record.nameID in IDENTITY_NAME_IDS and any(name in text for name in face.source.reserved):
            raise RuntimeError(f"{path.name}: name ID {record.nameID} {text!r} uses a Reserved Font Name")


def build_face(face: Face, output_dir: Path) -> FaceReport:
    """Subset (and for CFF, convert) one face, save it, check it, report on it."""
    started = time.perf_counter()
    font = open_font(face.path, face.region)
    version = source_version(font)
    source_name = font["name"].getDebugName(4) or face.file
    notices = font["name"].getDebugName(0) or "", font["name"].getDebugName(7) or ""
    advances = advance_by_code(font)
    codes = requested_codes(face)
    subset_font(font, codes, face.cjk)
    if face.kind == "cjk-cff":
        convert_to_truetype(font)
    rename(font, face, version)
    target = output_dir / face.output
    partial = target.with_suffix(".tmp")
    font.save(str(partial))
    check_output(partial, advances, face)
    partial.replace(target)
    cmap = font.getBestCmap()
    return FaceReport(
        face=face,
        source_name=source_name,
        source_version=version,
        copyright=notices[0],
        trademark=notices[1],
        requested=len(codes),
        covered=len(cmap),
        hanzi=len(gbk_hanzi() & set(cmap)),
        glyphs=len(font.getGlyphOrder()),
        size=target.stat().st_size,
        seconds=time.perf_counter() - started,
    )


def describe_face(face: Face, output_dir: Path) -> FaceReport:
    """The report of a face built earlier (``--only`` rebuilt others): read from the files, not rebuilt."""
    from fontTools.ttLib import TTFont

    source = open_font(face.path, face.region, lazy=True)
    names = source["name"]
    target = output_dir / face.output
    built = TTFont(str(target), lazy=True)
    cmap = built.getBestCmap()
    return FaceReport(
        face=face,
        source_name=names.getDebugName(4) or face.file,
        source_version=source_version(source),
        copyright=names.getDebugName(0) or "",
        trademark=names.getDebugName(7) or "",
        requested=len(requested_codes(face)),
        covered=len(cmap),
        hanzi=len(gbk_hanzi() & set(cmap)),
        glyphs=len(built.getGlyphOrder()),
        size=target.stat().st_size,
        seconds=0.0,
    )
