"""The DOCX's font table: the faces it names, declared so a reader can substitute or load them.

Declared faces.  ``word/fontTable.xml`` tells a reader what each named face
is: its alternate (Chinese) name, PANOSE class, character set, family and
Unicode ranges.  Word substitutes a missing face by these (宋体 for SimSun on
a Chinese Windows, a face of the same class elsewhere); python-docx's
template declared only Times, Arial and two *Japanese* faces.  LibreOffice
7.4 reads none of these fields (its fallback is fontconfig's), which is why
``--embed-fonts`` exists.

Embedded faces (``--embed-fonts``).  The styles name the bundled faces the
PDF uses, and :mod:`.embedding` carries them in the file, subset to the
document's characters; both Word and LibreOffice load them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from typing import Any

from jjj_brief.resources import FONTS_DIR
from jjj_brief.writers.docx.house import DocxHouse, Faces, FontPair

FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


@dataclass(frozen=True)
class Declaration:
    """One ``w:font`` entry: what Word needs to pick a substitute of the same class."""

    alt_name: str | None
    panose: str
    charset: str  # 86 GB2312, 88 Big5, 00 ANSI
    family: str  # roman, swiss, modern, script, auto
    pitch: str  # variable or fixed
    sig: tuple[str, str, str, str, str, str]  # usb0..usb3, csb0, csb1 (hex)


_GB = ("00000003", "288F0000", "00000016", "00000000", "00040001", "00000000")
_GB_HEI = ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000")
OFFICE_FACES: dict[str, Declaration] = {
    # The values Windows' own faces carry, as Word writes them into a font table.
    "SimSun": Declaration("宋体", "02010600030101010101", "86", "auto", "variable", _GB),
    "SimHei": Declaration("黑体", "02010609060101010101", "86", "modern", "fixed", _GB_HEI),
    "FangSong": Declaration("仿宋", "02010609060101010101", "86", "modern", "fixed", _GB_HEI),
    "KaiTi": Declaration("楷体", "02010609060101010101", "86", "modern", "fixed", _GB_HEI),
    "PMingLiU": Declaration(
        "新細明體",
        "02020500000000000000",
        "88",
        "roman",
        "variable",
        ("A00002FF", "28CFFCFA", "00000016", "00000000", "00100001", "00000000"),
    ),
    "Microsoft JhengHei": Declaration(
        "微軟正黑體",
        "020B0604030504040204",
        "88",
        "swiss",
        "variable",
        ("000002A7", "28CF4400", "00000016", "00000000", "00100009", "00000000"),
    ),
    "DFKai-SB": Declaration(
        "標楷體",
        "03000509000000000000",
        "88",
        "script",
        "fixed",
        ("00000003", "080E0000", "00000016", "00000000", "00100001", "00000000"),
    ),
    "Times New Roman": Declaration(
        None,
        "02020603050405020304",
        "00",
        "roman",
        "variable",
        ("E0002AFF", "C0007841", "00000009", "00000000", "000001FF", "00000000"),
    ),
    "Arial": Declaration(
        None,
        "020B0604020202020204",
        "00",
        "swiss",
        "variable",
        ("E0002AFF", "C0007843", "00000009", "00000000", "000001FF", "00000000"),
    ),
    "Symbol": Declaration(
        None,
        "05050102010706020507",
        "02",
        "roman",
        "variable",
        ("00000000", "10000000", "00000000", "00000000", "80000000", "00000000"),
    ),
}

# Each office face's bundled counterpart, as the PDF sets the same role: file stems tried in order
# (case-insensitive globs).  A Traditional document's FangSong and Kai roles take Noto Serif TC, as in
# the PDF: the bundled FangSong and Kai faces have mainland glyph forms.
BUNDLED_FILES: dict[str, tuple[str, ...]] = {
    "Times New Roman": ("NotoSerif",),
    "Arial": ("NotoSans",),
    "SimSun": ("NotoSerifSC",),
    "SimHei": ("NotoSansSC",),
    "FangSong": ("*fangsong*", "NotoSerifSC"),
    "KaiTi": ("*wenkai", "*kai*", "NotoSerifSC"),
    "DFKai-SB": ("NotoSerifTC", "NotoSerifSC"),
    "PMingLiU": ("NotoSerifTC", "NotoSerifSC"),
    "Microsoft JhengHei": ("NotoSansTC", "NotoSansSC"),
}
TRADITIONAL_FILES: dict[str, tuple[str, ...]] = {"FangSong": ("NotoSerifTC", "NotoSerifSC")}


def face_file(stem_pattern: str, style: str, folder: Path = FONTS_DIR) -> Path | None:
    """The bundled file ``<stem>-<style>.ttf`` matching a case-insensitive pattern, if any."""
    wanted = f"{stem_pattern}-{style}.ttf".lower()
    found = sorted(p for p in folder.glob("*.ttf") if fnmatch(p.name.lower(), wanted)) if folder.is_dir() else []
    return found[0] if found else None


@cache
def bundled_files(office_name: str, traditional: bool = False) -> dict[str, Path]:
    """The bundled files (by style: Regular, Bold, …) that stand in for ``office_name``.

    The first stem that has a Regular file wins; its other styles come along.
    Raises :class:`~jjj_brief.errors.BriefError` when none is installed.
    """
    from jjj_brief.errors import BriefError

    stems = (TRADITIONAL_FILES if traditional else BUNDLED_FILES).get(office_name) or BUNDLED_FILES.get(office_name, ())
    for stem in stems:
        regular = face_file(stem, "Regular")
        if regular is not None:
            styles = {style: face_file(stem, style) for style in STYLES}
            return {style: path for style, path in styles.items() if path is not None}
    raise BriefError(
        f"no bundled font stands in for {office_name!r} in {FONTS_DIR}",
        hint="reinstall jjj-brief, or build without --embed-fonts",
    )


@cache
def family_name(path: Path) -> str:
    """The family name a file carries (typographic family if it has one): what readers match."""
    from fontTools.ttLib import TTFont

    names = TTFont(str(path), lazy=True)["name"]
    return str(names.getDebugName(16) or names.getDebugName(1))


def embedded(house: DocxHouse) -> DocxHouse:
    """The same house style naming, role for role, the bundled faces that stand in for the office ones."""
    traditional = house.east_asian_lang == "zh-TW"

    def bundled(pair: FontPair) -> FontPair:
        return FontPair(
            family_name(bundled_files(pair.latin)["Regular"]),
            family_name(bundled_files(pair.east_asian, traditional)["Regular"]),
        )

    office = house.faces
    faces = Faces(
        serif=bundled(office.serif), sans=bundled(office.sans), kai=bundled(office.kai), song=bundled(office.song)
    )
    return replace(house, faces=faces, office_faces=office)


# ---------------------------------------------------------------- the font table


def declare_fonts(document: Any, house: DocxHouse) -> None:
    """Rewrite ``fontTable.xml``: Symbol (the bullets) and every face the styles name.

    With an embedded house style, each face is also subset, obfuscated and
    stored in the package, and ``settings.xml`` asks Word to keep them.
    """
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == FONT_TABLE)
    names = _named_faces(house)
    entries = [_entry("Symbol", OFFICE_FACES["Symbol"])]
    if house.embedded:
        entries += _carried_entries(document, part, names, house)
    else:
        entries += [_entry(name, OFFICE_FACES[name]) for name in names]
    part._blob = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(entries)}</w:fonts>'
    ).encode()


def _named_faces(house: DocxHouse) -> dict[str, str]:
    """Office face → the name the styles use (itself, or its bundled family), in a stable order."""
    office = house.office_faces or house.faces
    result: dict[str, str] = {}
    for role in ("serif", "sans", "kai", "song"):
        for attr in ("latin", "east_asian"):
            result.setdefault(getattr(office.pair(role), attr), getattr(house.faces.pair(role), attr))
    return result


def _entry(name: str, declared: Declaration, embeds: str = "") -> str:
    """One ``w:font`` in schema order: altName, panose1, charset, family, pitch, sig, embed*."""
    usb0, usb1, usb2, usb3, csb0, csb1 = declared.sig
    alt = f'<w:altName w:val="{declared.alt_name}"/>' if declared.alt_name else ""
    return (
        f'<w:font w:name="{name}">{alt}<w:panose1 w:val="{declared.panose}"/>'
        f'<w:charset w:val="{declared.charset}"/><w:family w:val="{declared.family}"/>'
        f'<w:pitch w:val="{declared.pitch}"/><w:sig w:usb0="{usb0}" w:usb1="{usb1}" w:usb2="{usb2}"'
        f' w:usb3="{usb3}" w:csb0="{csb0}" w:csb1="{csb1}"/>{embeds}</w:font>'
    )


def _declaration_of(path: Path, office: str, house: DocxHouse) -> Declaration:
    """A bundled face declared from its own OS/2 table; the character set of the role it plays."""
    from fontTools.ttLib import TTFont

    os2 = TTFont(str(path), lazy=True)["OS/2"]
    panose = os2.panose
    digits = (
        bytes(
            getattr(panose, field)
            for field in (
                "bFamilyType",
                "bSerifStyle",
                "bWeight",
                "bProportion",
                "bContrast",
                "bStrokeVariation",
                "bArmStyle",
                "bLetterForm",
                "bMidline",
                "bXHeight",
            )
        )
        .hex()
        .upper()
    )
    charset = OFFICE_FACES[office].charset if office in OFFICE_FACES else "00"
    family = "swiss" if panose.bSerifStyle in (11, 12, 13) else "roman"
    sig = tuple(
        f"{value:08X}"
        for value in (
            os2.ulUnicodeRange1,
            os2.ulUnicodeRange2,
            os2.ulUnicodeRange3,
            os2.ulUnicodeRange4,
            os2.ulCodePageRange1,
            os2.ulCodePageRange2,
        )
    )
    return Declaration(None, digits, charset, family, "variable", sig)  # type: ignore[arg-type]


def _carried_entries(document: Any, font_table: Any, names: dict[str, str], house: DocxHouse) -> list[str]:
    """Embed each bundled face once (SimSun, FangSong and KaiTi may share one) under its subset
    name, rename the faces everywhere the document names them, and return their entries."""
    from jjj_brief.writers.docx.embedding import (
        document_text,
        embed_face,
        keep_embedded_faces,
        rename_faces,
        subset_name,
    )

    text = document_text(document)
    carried: dict[str, str] = {}
    for office, name in names.items():
        carried.setdefault(name, office)
    entries, renamed = [], {}
    for name, office in carried.items():
        files = bundled_files(office, house.east_asian_lang == "zh-TW")
        renamed[name] = subset_name(name, text)
        embeds = "".join(embed_face(font_table, style, path, text, renamed[name]) for style, path in files.items())
        entries.append(_entry(renamed[name], _declaration_of(files["Regular"], office, house), embeds))
    rename_faces(document, renamed)
    keep_embedded_faces(document.settings.element)
    return entries
