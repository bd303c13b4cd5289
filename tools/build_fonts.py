"""Regenerate the fonts bundled in ``src/jjj_brief/fonts/`` from Debian's Noto packages.

Why this script exists: reportlab embeds TrueType (``glyf``) outlines only and rejects
the CFF outlines of every Noto CJK font ("postscript outlines are not supported").
So the Chinese faces are converted once, here, from cubic CFF to quadratic ``glyf``
outlines, and subset to what a Chinese briefing can need so the wheel stays small.
The Latin faces are already ``glyf``; they are only subset.

fontTools is needed by this script alone (the project's optional ``fonts`` extra);
nothing at run time imports it.  Run from the repository root::

    python tools/build_fonts.py            # all faces, 2 in parallel
    python tools/build_fonts.py --jobs 1   # less memory (~0.4 GB per CJK face)

The output is deterministic: the same source fonts give byte-identical files, because
the ``head`` timestamps are copied from the source font instead of the build clock.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

CJK_DIR = Path("/usr/share/fonts/opentype/noto")
LATIN_DIR = Path("/usr/share/fonts/truetype/noto")
CJK_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
LATIN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-core/copyright")
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "src" / "jjj_brief" / "fonts"

#: Largest distance, in font units (1000 per em), between a CFF cubic curve and the
#: quadratic curves that replace it.  One unit is 0.01 pt at 10 pt: invisible.
MAX_CURVE_ERROR = 1.0

#: Family names of the derived fonts.  "Noto" is not a Reserved Font Name in the OFL
#: text Debian ships, but it is Google's trademark (name ID 7), and a subset that
#: lacks most of the original's glyphs should not pass itself off as Noto.
CJK_SERIF_FAMILY = "JJJ Serif SC"
CJK_SANS_FAMILY = "JJJ Sans SC"
LATIN_SERIF_FAMILY = "JJJ Serif"
LATIN_SANS_FAMILY = "JJJ Sans"

#: Code point ranges (inclusive) kept in the CJK faces on top of every GBK and Big5
#: character: punctuation and symbols that Chinese statistical prose uses.
CJK_EXTRA_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0020, 0x007E, "ASCII"),
    (0x00A0, 0x00FF, "Latin-1 (×, ÷, °, ·)"),
    (0x0100, 0x017F, "Latin Extended-A (pinyin ā ē ī ō ū)"),
    (0x01CD, 0x01DC, "pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ"),
    (0x0391, 0x03C9, "Greek letters (Δ, α, β in formulas)"),
    (0x0401, 0x0451, "basic Cyrillic, as GB2312 has it"),
    (0x2000, 0x206F, "General Punctuation (— … ‰ “ ”)"),
    (0x20A0, 0x20CF, "currency symbols (€)"),
    (0x2100, 0x214F, "letterlike symbols (℃, №)"),
    (0x2150, 0x218F, "number forms (Ⅰ–Ⅻ, ⅰ–ⅻ)"),
    (0x2190, 0x21FF, "arrows"),
    (0x2200, 0x22FF, "mathematical operators (≤ ≥ ≈ −)"),
    (0x2460, 0x24FF, "enclosed alphanumerics (① ⑴ ⒈)"),
    (0x25A0, 0x25FF, "geometric shapes (■ □ ▲ ▼ ●)"),
    (0x3000, 0x303F, "CJK symbols and punctuation (、。《》【】〇)"),
    (0x3200, 0x32FF, "enclosed CJK letters and months (㈠ ㊀)"),
    (0x3300, 0x33FF, "CJK compatibility (㎡ ㎏ ㎞)"),
    (0xFE10, 0xFE1F, "vertical forms"),
    (0xFE30, 0xFE4F, "CJK compatibility forms"),
    (0xFF00, 0xFFEF, "half-width and full-width forms (，：；？！（）)"),
)

#: Code point ranges kept in the Latin faces.
LATIN_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0020, 0x007E, "ASCII"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x01CD, 0x01DC, "pinyin tone letters ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ (romanized names)"),
    (0x02C6, 0x02DD, "spacing accents (ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝)"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x045F, "basic Cyrillic"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x20A0, 0x20CF, "currency symbols"),
    (0x2116, 0x2116, "numero sign"),
    (0x2122, 0x2122, "trade mark sign"),
    (0x2190, 0x2193, "arrows ← ↑ → ↓"),
    (0x2212, 0x2212, "minus sign"),
    (0x2248, 0x2248, "almost equal"),
    (0x2260, 0x2265, "≠ ≤ ≥"),
    (0x25B2, 0x25BC, "▲ ▼ (up/down in tables, where the font has them)"),
    (0xFFFD, 0xFFFD, "replacement character: the PDF's stand-in for glyphs no face has"),
)


@dataclass(frozen=True)
class Face:
    """One font to build: where it comes from and what it becomes."""

    source: Path
    output: str
    family: str
    style: str
    cjk: bool


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
    glyphs: int
    size: int
    seconds: float


FACES: tuple[Face, ...] = (
    Face(CJK_DIR / "NotoSerifCJK-Regular.ttc", "NotoSerifSC-Regular.ttf", CJK_SERIF_FAMILY, "Regular", True),
    Face(CJK_DIR / "NotoSerifCJK-Bold.ttc", "NotoSerifSC-Bold.ttf", CJK_SERIF_FAMILY, "Bold", True),
    Face(CJK_DIR / "NotoSansCJK-Regular.ttc", "NotoSansSC-Regular.ttf", CJK_SANS_FAMILY, "Regular", True),
    Face(CJK_DIR / "NotoSansCJK-Bold.ttc", "NotoSansSC-Bold.ttf", CJK_SANS_FAMILY, "Bold", True),
    Face(LATIN_DIR / "NotoSerif-Regular.ttf", "NotoSerif-Regular.ttf", LATIN_SERIF_FAMILY, "Regular", False),
    Face(LATIN_DIR / "NotoSerif-Bold.ttf", "NotoSerif-Bold.ttf", LATIN_SERIF_FAMILY, "Bold", False),
    Face(LATIN_DIR / "NotoSerif-Italic.ttf", "NotoSerif-Italic.ttf", LATIN_SERIF_FAMILY, "Italic", False),
    Face(LATIN_DIR / "NotoSerif-BoldItalic.ttf", "NotoSerif-BoldItalic.ttf", LATIN_SERIF_FAMILY,
         "Bold Italic", False),
    Face(LATIN_DIR / "NotoSans-Regular.ttf", "NotoSans-Regular.ttf", LATIN_SANS_FAMILY, "Regular", False),
    Face(LATIN_DIR / "NotoSans-Bold.ttf", "NotoSans-Bold.ttf", LATIN_SANS_FAMILY, "Bold", False),
)


# --- character sets ---------------------------------------------------------------


def legacy_charset(codec: str) -> set[int]:
    """Every character a double-byte Chinese codec can encode (lead 0x81–0xFE).

    Deriving the set from the codec, rather than from a pasted table, keeps it exact
    and reviewable: GBK is the repertoire mainland documents are written in.
    """
    found: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                found.add(ord(text))
    return found


def is_hanzi(code: int) -> bool:
    """Whether ``code`` is a CJK (unified or compatibility) ideograph."""
    name = unicodedata.name(chr(code), "")
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def expand(ranges: tuple[tuple[int, int, str], ...]) -> set[int]:
    """The code points of inclusive ``(first, last, label)`` ranges."""
    return {code for first, last, _ in ranges for code in range(first, last + 1)}


def cjk_charset() -> set[int]:
    """GBK and Big5 (cp950) in full, plus the punctuation and symbol blocks above.

    Big5 is included so Traditional Chinese text set in the SC face never falls back
    to .notdef; its hanzi turn out to be a subset of GBK's (see ``big5_in_gbk``).
    """
    return legacy_charset("gbk") | legacy_charset("cp950") | expand(CJK_EXTRA_RANGES)


def big5_in_gbk() -> tuple[int, int]:
    """How many Big5 hanzi exist, and how many of them GBK also has."""
    gbk = {code for code in legacy_charset("gbk") if is_hanzi(code)}
    big5 = {code for code in legacy_charset("cp950") if is_hanzi(code)}
    return len(big5), len(big5 & gbk)


# --- reading the sources ---------------------------------------------------------


def collection_index(path: Path, region: str = "SC") -> int:
    """The index of the ``region`` face in a Noto CJK collection, found by its name.

    The order of faces in the .ttc is not part of any contract, so the face is
    identified by its family name ("Noto Serif CJK SC"), not by position.
    """
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            family = font["name"].getDebugName(1) or ""
            if family.split()[-1:] == [region]:
                return index
    finally:
        collection.close()
    raise LookupError(f"no {region} face in {path}")


def open_source(face: Face):
    """The source font of ``face``, fully loaded, with the build clock switched off."""
    from fontTools.ttLib import TTFont

    number = collection_index(face.source) if face.source.suffix == ".ttc" else -1
    font = TTFont(str(face.source), fontNumber=number, lazy=False, recalcTimestamp=False)
    font.recalcTimestamp = False
    return font


def advance_by_code(font) -> dict[int, int]:
    """Advance width of each encoded character, to prove conversion kept them."""
    metrics = font["hmtx"].metrics
    return {code: metrics[name][0] for code, name in font.getBestCmap().items()}


# --- subsetting -------------------------------------------------------------------


def subset_options(cjk: bool):
    """fontTools subsetter options for a CJK or a Latin face.

    CJK faces drop their OpenType layout tables: reportlab does not shape text, and
    keeping ``locl``/``vert`` would pull in the JP, KR and TC glyph variants and
    double the file.  ``VORG`` is CFF-only and vertical metrics serve no purpose
    without ``vert``.  Latin faces keep kerning and ligature tables (they are small
    and useful to any other consumer of the file).
    """
    from fontTools import subset

    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_average_width = True
    options.prune_codepage_ranges = True
    options.glyph_names = False
    if cjk:
        options.layout_features = []
        options.hinting = False
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    return options


def subset_font(font, codes: set[int], cjk: bool) -> None:
    """Keep only the glyphs ``codes`` need (in place)."""
    from fontTools import subset

    subsetter = subset.Subsetter(options=subset_options(cjk))
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)


# --- CFF to TrueType --------------------------------------------------------------


def quadratic_glyphs(font) -> dict:
    """Each glyph redrawn with quadratic curves, as a ``glyf`` Glyph.

    cu2qu splits every cubic into quadratics within ``MAX_CURVE_ERROR``; the contour
    direction is reversed because CFF winds outer contours counter-clockwise and
    TrueType clockwise.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_CURVE_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    return glyphs


def truetype_maxp(font) -> None:
    """Turn the CFF-style ``maxp`` (version 0.5) into the TrueType version 1.0.

    The outline counts are recomputed when the font is saved; the hinting limits
    are zero because the converted outlines carry no instructions.
    """
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth",
    ):
        setattr(maxp, field, 0)


def convert_to_truetype(font) -> None:
    """Replace the ``CFF `` table by ``glyf``/``loca`` (in place); widths unchanged.

    Left side bearings are reset to each new outline's xMin, which TrueType
    rasterizers assume (``head.flags`` bit 1).
    """
    from fontTools.ttLib import newTable

    glyphs = quadratic_glyphs(font)
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    truetype_maxp(font)
    metrics = font["hmtx"].metrics
    for name, glyph in glyphs.items():
        glyph.recalcBounds(glyf)
        metrics[name] = (metrics[name][0], glyph.xMin if glyph.numberOfContours else 0)
    font["post"].formatType = 3.0


# --- names ------------------------------------------------------------------------

#: Name IDs that identify the font to users and software; all are rewritten.
IDENTITY_NAME_IDS = frozenset({1, 2, 3, 4, 5, 6, 16, 17, 18, 20, 21, 22, 25})


def postscript_name(family: str, style: str) -> str:
    """``JJJ Serif SC`` + ``Bold Italic`` → ``JJJSerifSC-BoldItalic``."""
    return f"{family.replace(' ', '')}-{style.replace(' ', '')}"


def source_version(font) -> str:
    """The upstream version number ("2.001") from name ID 5."""
    text = font["name"].getDebugName(5) or ""
    match = re.search(r"\d+\.\d+", text)
    return match.group(0) if match else "unknown"


def rename(font, face: Face, version: str) -> None:
    """Give the derived font its own family name on every platform and language.

    Old identity records (including localized and Macintosh ones) are removed so
    no application can list the subset under the original family; copyright,
    trademark, designer and license records (IDs 0, 7–14) stay, as the OFL asks.
    """
    table = font["name"]
    table.names = [record for record in table.names if record.nameID not in IDENTITY_NAME_IDS]
    ps_name = postscript_name(face.family, face.style)
    records = {
        1: face.family,
        2: face.style,
        3: f"{version};JJJ;{ps_name}",
        4: f"{face.family} {face.style}",
        5: f"Version {version}; subset from {face.source.name} by jjj-brief tools/build_fonts.py",
        6: ps_name,
    }
    for name_id, text in records.items():
        table.setName(text, name_id, 3, 1, 0x409)
    description = table.getDebugName(10) or ""
    table.setName(f"{description} Modified: {modification(face)}".strip(), 10, 3, 1, 0x409)


def modification(face: Face) -> str:
    """One sentence saying how this file differs from its source."""
    if face.cjk:
        return (f"Simplified Chinese face of {face.source.name}, subset to GBK, Big5 and common "
                "symbols, CFF outlines converted to TrueType quadratic outlines.")
    return f"{face.source.name} subset to Latin, Greek, Cyrillic and common punctuation."


# --- one face ---------------------------------------------------------------------


def requested_codes(face: Face) -> set[int]:
    """The characters ``face`` should keep."""
    return cjk_charset() if face.cjk else expand(LATIN_RANGES)


def check_output(path: Path, source_advances: dict[int, int], cjk: bool) -> None:
    """Fail the build if the saved font is not what reportlab and readers need."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    if "glyf" not in font or "CFF " in font:
        raise RuntimeError(f"{path.name}: not a TrueType-outline font")
    changed = [hex(code) for code, width in advance_by_code(font).items()
               if source_advances.get(code) != width]
    if changed:
        raise RuntimeError(f"{path.name}: advance widths changed for {changed[:10]}")
    if cjk and not {ord(ch) for ch in "京津冀镕堃喆，。"} <= set(font.getBestCmap()):
        raise RuntimeError(f"{path.name}: sample characters missing")


def build_face(face: Face, output_dir: Path) -> FaceReport:
    """Subset (and for CJK, convert) one face, save it, check it, report on it."""
    started = time.perf_counter()
    font = open_source(face)
    version = source_version(font)
    source_name = font["name"].getDebugName(4) or face.source.name
    notices = font["name"].getDebugName(0) or "", font["name"].getDebugName(7) or ""
    advances = advance_by_code(font)
    codes = requested_codes(face)
    subset_font(font, codes, face.cjk)
    if face.cjk:
        convert_to_truetype(font)
    rename(font, face, version)
    target = output_dir / face.output
    partial = target.with_suffix(".tmp")
    font.save(str(partial))
    check_output(partial, advances, face.cjk)
    partial.replace(target)
    return FaceReport(
        face=face, source_name=source_name, source_version=version,
        copyright=notices[0], trademark=notices[1],
        requested=len(codes), covered=len(font.getBestCmap()), glyphs=len(font.getGlyphOrder()),
        size=target.stat().st_size, seconds=time.perf_counter() - started,
    )


# --- license and provenance -------------------------------------------------------


def debian_stanzas(path: Path) -> list[list[str]]:
    """The paragraphs of a machine-readable Debian copyright file, as line lists."""
    stanzas: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            stanzas[-1].append(line)
        elif stanzas[-1]:
            stanzas.append([])
    return [stanza for stanza in stanzas if stanza]


def license_text(path: Path) -> str:
    """The OFL body from a Debian copyright file, unfolded to plain text.

    It is the standalone ``License:`` paragraph whose name mentions OFL or SIL;
    continuation lines lose their leading space and a lone ``.`` is a blank line.
    """
    for stanza in debian_stanzas(path):
        head = stanza[0]
        if head.startswith("License:") and re.search(r"OFL|SIL", head) and len(stanza) > 1:
            body = [line[1:] if line.startswith(" ") else line for line in stanza[1:]]
            return "\n".join("" if line.strip() == "." else line.rstrip() for line in body) + "\n"
    raise LookupError(f"no OFL text in {path}")


def package_copyright(path: Path) -> list[str]:
    """The ``Copyright:`` holders of the ``Files: *`` paragraph of a Debian copyright file."""
    for stanza in debian_stanzas(path):
        if stanza[0].strip() != "Files: *":
            continue
        field, holders = "", []
        for line in stanza:
            if not line.startswith(" "):
                field, _, line = line.partition(":")
            if field == "Copyright" and line.strip():
                holders.append(f"Copyright {line.strip()}")
        return holders
    return []


def ofl_file(reports: list[FaceReport]) -> str:
    """OFL.txt: every copyright notice of the sources, then the license (OFL §2)."""
    lines = ["The fonts in this folder are Modified Versions (subset; the SC faces also",
             "converted from CFF to TrueType outlines) of Noto fonts, released under the",
             "SIL Open Font License 1.1, reproduced below.", ""]
    for cjk, package, copyright_path in ((True, "fonts-noto-cjk", CJK_COPYRIGHT),
                                         (False, "fonts-noto-core", LATIN_COPYRIGHT)):
        group = [report for report in reports if report.face.cjk is cjk]
        if not group:
            continue
        files = ", ".join(report.face.output for report in group)
        lines += [f"{files} (from Debian package {package}):"]
        notices = [report.copyright for report in group] + package_copyright(copyright_path)
        notices += [report.trademark for report in group]
        lines += [f"  {notice}" for notice in dict.fromkeys(notices) if notice] + [""]
    lines += ["The copyright statements of both packages declare no Reserved Font Name.", "", ""]
    return "\n".join(lines) + license_text(CJK_COPYRIGHT)


def package_version(package: str) -> str:
    """The installed Debian version of ``package``, or ``unknown`` off Debian."""
    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip() or "unknown"


def range_lines(ranges: tuple[tuple[int, int, str], ...]) -> list[str]:
    """Markdown bullets for code point ranges."""
    return [f"- U+{first:04X}–U+{last:04X} {label}" for first, last, label in ranges]


def file_table(reports: list[FaceReport]) -> list[str]:
    """The Markdown table of produced fonts with their sizes."""
    rows = ["| file | family, style | from | characters | glyphs | bytes | size |",
            "|---|---|---|---:|---:|---:|---:|"]
    for report in reports:
        face = report.face
        rows.append(f"| `{face.output}` | {face.family}, {face.style} | {report.source_name} "
                    f"{report.source_version} (`{face.source.name}`) | {report.covered:,} "
                    f"| {report.glyphs:,} | {report.size:,} | {report.size / 1e6:.2f} MB |")
    return rows


def charset_lines() -> list[str]:
    """What the CJK character set is made of, with counts computed from the codecs."""
    gbk = legacy_charset("gbk")
    gb2312_hanzi = sum(1 for code in legacy_charset("gb2312") if is_hanzi(code))
    big5_total, big5_shared = big5_in_gbk()
    return [
        f"- every character GBK encodes: {len(gbk):,}, of which "
        f"{sum(1 for code in gbk if is_hanzi(code)):,} hanzi (a superset of GB2312's "
        f"{gb2312_hanzi:,}; it has the name characters 镕 堃 喆 啰 that GB2312 lacks);",
        f"- every character Big5 (cp950) encodes. Its {big5_total:,} hanzi are all in GBK "
        f"already ({big5_shared:,} of {big5_total:,}), so Traditional Chinese text is covered;",
        "- and these blocks, where the source font has them:", "",
        *range_lines(CJK_EXTRA_RANGES),
    ]


README_INTRO = """\
# Bundled fonts

Generated by `tools/build_fonts.py`; do not edit these files by hand, regenerate them.

reportlab embeds TrueType (`glyf`) outlines only and refuses the CFF outlines that every
Noto CJK font has ("postscript outlines are not supported"). The Chinese faces are
therefore converted once, at build time, and committed here, so users need neither
fontTools nor the Debian font packages. fontTools is a build-time-only dependency
(the project's optional `fonts` extra).
"""

README_METHOD = """\
## What was done

**Chinese faces.** From each `.ttc` collection the Simplified Chinese face is chosen by
its family name (`… CJK SC`), not by its index. It is subset, then every glyph is redrawn
with quadratic curves (`fontTools.pens.cu2quPen.Cu2QuPen`, maximum error {err:g} font unit
of 1000 per em, contours reversed to TrueType winding) into a `glyf` table. Advance widths
are kept: the script compares every character's advance with the source and fails if one
differs. Left side bearings are reset to each outline's xMin. OpenType layout tables
(`GSUB`, `GPOS`, `GDEF`, `BASE`), `VORG` and vertical metrics are dropped: reportlab
does not shape text, and keeping `locl`/`vert` would pull in the Japanese, Korean and
Traditional glyph variants. The converted outlines carry no hinting.

Traditional Chinese set in these faces uses mainland (SC) glyph forms for the
characters whose standard forms differ; a TC face would be needed for Taiwan forms.
Nothing outside GBK and Big5 is kept (no CJK Extension A/B), so rare characters from
GB 18030 alone fall back to the `.notdef` box.

The character set of the Chinese faces:

"""

README_NAMES = """\
## Names and license

The fonts are under the SIL Open Font License 1.1 (`OFL.txt`, with the copyright
notices of the sources). The OFL forbids a Modified Version to use a *Reserved Font
Name*, i.e. a name declared as such after the copyright statement. Neither Debian's
license text nor the fonts' own copyright records (name IDs 0 and 13) declare one, so
"Noto" is not reserved and keeping it in the file names is allowed. "Noto" is, however,
Google's trademark (name ID 7), and these subsets lack most of the original glyphs, so
the family names inside the files are changed to {families}, so that no
application mistakes a subset for the real Noto. Some other distributions of the same
CJK design (Adobe's Source Han, and Noto CJK elsewhere) state "with Reserved Font Name
'Source'"; that name is not used either. Copyright, trademark, designer and license
records are kept.
"""


def readme_file(reports: list[FaceReport]) -> str:
    """README.md: provenance, method, character sets, names and sizes."""
    import fontTools

    families = ", ".join(dict.fromkeys(f"“{report.face.family}”" for report in reports))
    lines = [
        README_INTRO,
        "## Sources", "",
        f"- Debian `fonts-noto-cjk` {package_version('fonts-noto-cjk')} (`{CJK_DIR}`)",
        f"- Debian `fonts-noto-core` {package_version('fonts-noto-core')} (`{LATIN_DIR}`)",
        f"- converted and subset with fontTools {fontTools.version}", "",
        README_METHOD.format(err=MAX_CURVE_ERROR) + "\n".join(charset_lines()), "",
        "**Latin faces.** Already TrueType; subset only, keeping their hinting and kerning, to:", "",
        *range_lines(LATIN_RANGES), "",
        README_NAMES.format(families=families),
        "## Files", "",
        *file_table(reports), "",
        "## Regenerating", "",
        "```sh",
        "sudo apt-get install fonts-noto-cjk fonts-noto-core",
        "pip install -e '.[fonts]'",
        "python tools/build_fonts.py        # about 3 minutes on 2 cores; --jobs 1 for less memory",
        "```", "",
        "The build is deterministic: the `head` created/modified dates are copied from the",
        "source fonts, so the same sources and fontTools version give byte-identical files.",
    ]
    return "\n".join(lines) + "\n"


def build_all(faces: tuple[Face, ...], output_dir: Path, jobs: int) -> list[FaceReport]:
    """Build ``faces`` with up to ``jobs`` processes, reporting each as it finishes."""
    output_dir.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_face, face, output_dir) for face in faces]
        reports = []
        for future in futures:
            report = future.result()
            print(f"{report.face.output:28} {report.size / 1e6:6.2f} MB {report.glyphs:6} glyphs "
                  f"{report.covered:6}/{report.requested} chars {report.seconds:5.1f} s", flush=True)
            reports.append(report)
    return reports


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command line: output folder and parallelism."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", type=Path, default=OUTPUT_DIR, help="default: %(default)s")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="faces built at once (~0.4 GB RAM each); default: %(default)s")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build every face, then write OFL.txt and README.md beside them."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    missing = [str(face.source) for face in FACES if not face.source.exists()]
    if missing:
        print("missing source fonts (install fonts-noto-cjk and fonts-noto-core):", *missing, sep="\n  ")
        return 1
    reports = build_all(FACES, args.output_dir, args.jobs)
    (args.output_dir / "OFL.txt").write_text(ofl_file(reports), encoding="utf-8")
    (args.output_dir / "README.md").write_text(readme_file(reports), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
