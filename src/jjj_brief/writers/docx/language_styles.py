"""A second language's house style inside one DOCX: the styles of the bilingual edition's right column.

Word styles are per document, and the two columns want different ones: Chinese body
text has a two-character first-line indent, a looser line pitch, centred titles and
Chinese East Asian language tags; Traditional Chinese names other faces.  So the second
language gets its own copies of the styles the writer uses, named after the language
(``Body Text (zh-CN)``, id ``BodyText-zh-CN``): the second language's house style is
applied to a scratch document as usual (:func:`~.styles.apply_house_style`, cached), and
the styles the writer names, with the styles they are based on, are copied across under
the new names.  A reader who edits ``Body Text (zh-CN)`` in Word changes every Chinese
paragraph and no English one.  What the second house style puts in its ``docDefaults``
(faces, size, language, spacing) goes into its copy of ``Normal``, which every copied
paragraph style is based on.
"""

from __future__ import annotations

import copy
from typing import Any

import docx
from docx.oxml.ns import qn

from jjj_brief.writers.docx.house import DocxHouse
from jjj_brief.writers.docx.styles import (
    BOX_STYLE_NAME,
    TABLE_STYLE_NAME,
    apply_house_style,
)

# Every style the DOCX writer names (build.py, blocks.py, page.py); their bases follow.
WRITER_STYLES = (
    "Title",
    "Subtitle",
    "Dateline",
    "Heading 1",
    "Heading 2",
    "Body Text",
    "Lead",
    "Note",
    "Editor Note",
    "List Bullet",
    "Caption",
    "Table Note",
    "Source Entry",
    "Figure",
    "Box Title",
    "Header",
    "Footer",
    "Spacer",
    TABLE_STYLE_NAME,
    BOX_STYLE_NAME,
)
_REFERENCES = ("w:basedOn", "w:next", "w:link")


def add_language_styles(document: Any, house: DocxHouse, lang: str) -> dict[str, str]:
    """Copy ``house``'s versions of the writer's styles into ``document``; style id by name."""
    scratch = docx.Document()
    ids = apply_house_style(scratch, house)
    source = scratch.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in source.findall(qn("w:style"))}
    wanted = _with_bases([ids[name] for name in WRITER_STYLES if name in ids], by_id)
    renamed = {old: f"{old}-{lang}" for old in wanted}
    target = document.styles.element
    for old in wanted:
        target.append(_renamed(by_id[old], renamed, lang))
    normal = renamed.get(ids.get("Normal", ""), "")
    if normal:
        _take_defaults(source, target.find(f"{qn('w:style')}[@{qn('w:styleId')}='{normal}']"))
    names = {style_id: name for name, style_id in ids.items()}
    return {names[old]: new for old, new in renamed.items() if old in names}


def _with_bases(ids: list[str], by_id: dict[str, Any]) -> list[str]:
    """``ids`` and every style they are based on, bases first."""
    ordered: list[str] = []

    def visit(style_id: str) -> None:
        if style_id in ordered or style_id not in by_id:
            return
        base = by_id[style_id].find(qn("w:basedOn"))
        if base is not None:
            visit(base.get(qn("w:val")))
        ordered.append(style_id)

    for style_id in ids:
        visit(style_id)
    return ordered


def _renamed(style: Any, renamed: dict[str, str], lang: str) -> Any:
    """A copy of ``style`` under its new id and name, its references pointing at the copies."""
    twin = copy.deepcopy(style)
    twin.set(qn("w:styleId"), renamed[style.get(qn("w:styleId"))])
    twin.attrib.pop(qn("w:default"), None)  # one default style per type: the first language's
    name = twin.find(qn("w:name"))
    name.set(qn("w:val"), f"{name.get(qn('w:val'))} ({lang})")
    for tag in _REFERENCES:
        reference = twin.find(qn(tag))
        if reference is None:
            continue
        if reference.get(qn("w:val")) in renamed:
            reference.set(qn("w:val"), renamed[reference.get(qn("w:val"))])
        elif tag != "w:basedOn":
            twin.remove(reference)  # a linked or next style that was not copied
    return twin


def _take_defaults(styles: Any, normal: Any) -> None:
    """Put the scratch document's ``docDefaults`` run and paragraph properties into ``normal``."""
    defaults = styles.find(qn("w:docDefaults"))
    for holder, tag in (("w:pPrDefault", "w:pPr"), ("w:rPrDefault", "w:rPr")):
        found = defaults.find(qn(holder)) if defaults is not None else None
        properties = found.find(qn(tag)) if found is not None else None
        if properties is None:
            continue
        existing = normal.find(qn(tag))
        if existing is not None:
            normal.remove(existing)
        merged = copy.deepcopy(properties)
        if existing is not None:  # Normal's own settings win over the defaults
            for child in existing:
                old = merged.find(child.tag)
                if old is not None:
                    merged.replace(old, copy.deepcopy(child))
                else:
                    merged.append(copy.deepcopy(child))
        _insert_properties(normal, merged, tag)


def _insert_properties(style: Any, properties: Any, tag: str) -> None:
    """``w:pPr`` before ``w:rPr``, both after the style's name-like children (schema order)."""
    later = (
        ("w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
        if tag == "w:pPr"
        else ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
    )
    for child in style:
        if child.tag in {qn(t) for t in later}:
            child.addprevious(properties)
            return
    style.append(properties)
