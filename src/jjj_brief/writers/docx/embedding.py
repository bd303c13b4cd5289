"""Carrying faces inside the DOCX: subset, renamed as a subset, obfuscated (``--embed-fonts``).

Each bundled face is cut down to the document's characters with fontTools
and stored as ``word/fonts/fontN.odttf``, obfuscated as ECMA-376 Part 1
§17.8.1 requires: the first 32 bytes XORed with the reversed bytes of a GUID
that the font table names (``w:fontKey``).  The GUID comes from the font's
bytes, so a build under ``SOURCE_DATE_EPOCH`` stays byte-identical.

A subset is named as PDF names its subsets, ``ABCDEF+JJJ Serif SC``, the tag
drawn from the characters it holds, and the document names it so.  Two
documents carrying different subsets of one face must not share a family
name: LibreOffice 7.4, given a second document in the same session, keeps
the first document's subset of a family it has already loaded, and falls
back to another face for every character that subset lacks.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
EMBED_TAGS = {"Regular": "embedRegular", "Bold": "embedBold", "Italic": "embedItalic", "BoldItalic": "embedBoldItalic"}
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
ALWAYS_CARRIED = "0123456789— "  # page numbers are fields: their digits are in no w:t of the body
FONT_ATTRS = tuple(f"{{{W_NS}}}{name}" for name in ("ascii", "hAnsi", "eastAsia", "cs"))


def document_text(document: Any) -> str:
    """Every character of every XML part's text (body, headers, footers, comments)."""
    from docx.opc.part import XmlPart

    text = ALWAYS_CARRIED
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart):
            text += "".join(t.text or "" for t in part.element.iter(f"{{{W_NS}}}t"))
        elif part.content_type == CHART_TYPE:  # a native chart's titles, ticks and labels
            text += "".join(etree.fromstring(part.blob).itertext())
    return text


def subset_name(family: str, text: str) -> str:
    """``ABCDEF+family``: six letters drawn from the family and the characters its subset holds.

    >>> subset_name("JJJ Serif SC", "年月日")
    'RJNJBX+JJJ Serif SC'
    """
    digest = hashlib.sha1(f"{family}|{''.join(sorted(set(text)))}".encode(), usedforsecurity=False).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6]) + "+" + family


def embed_face(font_table: Any, style: str, path: Path, text: str, name: str) -> str:
    """Store one face, subset, renamed and obfuscated; return its ``w:embed…`` element."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    data = subset(path, frozenset(text), name)
    key = uuid.UUID(bytes=hashlib.md5(data, usedforsecurity=False).digest())
    package = font_table.package
    partname = PackURI(package.next_partname("/word/fonts/font%d.odttf"))
    rid = font_table.relate_to(Part(partname, OBFUSCATED_FONT, obfuscate(data, key), package), FONT)
    return f'<w:{EMBED_TAGS[style]} r:id="{rid}" w:fontKey="{{{str(key).upper()}}}" w:subsetted="1"/>'


@cache
def subset(path: Path, characters: frozenset[str], family: str) -> bytes:
    """The face cut down to ``characters`` and called ``family``, as TrueType bytes.

    The OS/2 script and code-page bits of the whole face are kept: LibreOffice
    sets Han text in another face when a face's bits say it has no Chinese
    (as a pruned subset's would).
    """
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), recalcTimestamp=False)
    options = ft_subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    options.prune_unicode_ranges = False
    options.prune_codepage_ranges = False
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(ch) for ch in characters if ch.isprintable() or ch == "\u3000"}))
    subsetter.subset(font)
    _rename(font, family)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _rename(font: Any, family: str) -> None:
    """Family, full and PostScript names of the subset; its style name stays."""
    names = font["name"]
    style = str(names.getDebugName(17) or names.getDebugName(2) or "Regular")
    tag = family.split("+", 1)[0]
    postscript = f"{tag}+{names.getDebugName(6)}"
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(f"{family} {style}", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, record.nameID, record.platformID, record.platEncID, record.langID)


def rename_faces(document: Any, renamed: dict[str, str]) -> None:
    """Name the subsets wherever a face is named: styles, body, headers, footers, numbering."""
    from docx.opc.part import XmlPart

    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart):
            for fonts in part.element.iter(f"{{{W_NS}}}rFonts"):
                for attr in FONT_ATTRS:
                    if fonts.get(attr) in renamed:
                        fonts.set(attr, renamed[fonts.get(attr)])
        elif part.content_type == CHART_TYPE:
            part._blob = _renamed_chart(part.blob, renamed)


def _renamed_chart(blob: bytes, renamed: dict[str, str]) -> bytes:
    """A native chart's DrawingML names its faces in ``a:latin``/``a:ea``/``a:cs typeface``."""
    root = etree.fromstring(blob)
    for element in root.iter(*(f"{{{DRAWINGML_NS}}}{tag}" for tag in ("latin", "ea", "cs"))):
        if element.get("typeface") in renamed:
            element.set("typeface", renamed[element.get("typeface")])
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def obfuscate(data: bytes, key: uuid.UUID) -> bytes:
    """XOR the first 32 bytes with the GUID's 16 bytes, last byte first, twice over (§17.8.1).

    The same operation undoes it:

    >>> key = uuid.UUID("62E79491-959F-41E9-B76B-6B32631DEA5C")
    >>> obfuscate(obfuscate(bytes(40), key), key) == bytes(40)
    True
    >>> obfuscate(bytes(32), key)[:2].hex()
    '5cea'
    """
    reversed_key = bytes.fromhex(key.hex)[::-1]
    head = bytes(b ^ reversed_key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def keep_embedded_faces(settings: Any) -> None:
    """``w:embedTrueTypeFonts`` and ``w:saveSubsetFonts`` (so Word keeps them on saving), after
    ``w:zoom`` as the schema orders them."""
    from docx.oxml import parse_xml

    zoom = settings.find(f"{{{W_NS}}}zoom")
    for tag in ("saveSubsetFonts", "embedTrueTypeFonts"):
        element = parse_xml(f'<w:{tag} xmlns:w="{W_NS}"/>')
        if zoom is not None:
            zoom.addnext(element)
        else:
            settings.insert(0, element)
