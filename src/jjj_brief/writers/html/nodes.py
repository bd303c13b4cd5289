"""Making HTML elements with lxml: the one place that turns model text into HTML text.

Every string goes through :func:`~jjj_brief.writers.text.xml.xml_safe` (lxml refuses
control characters) and lxml escapes it; a newline becomes ``<br>``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from jjj_brief.writers.text.xml import xml_safe

Element = Any  # lxml's etree._Element (lxml ships no type information here)


def element(tag: str, parent: Element | None = None, text: str = "", **attrs: str) -> Element:
    """``<tag>`` with ``text`` and attributes (``class_`` for class, ``_`` for ``-``), under ``parent``."""
    names = {key.rstrip("_").replace("_", "-"): xml_safe(value) for key, value in attrs.items()}
    node = etree.Element(tag, names) if parent is None else etree.SubElement(parent, tag, names)
    if text:
        append_text(node, text)
    return node


def append_text(node: Element, text: str) -> None:
    """Append ``text`` after the node's last child (or inside it), newlines as ``<br>``."""
    for number, line in enumerate(xml_safe(text).split("\n")):
        if number:
            etree.SubElement(node, "br")
        if not line:
            continue
        if len(node):
            node[-1].tail = (node[-1].tail or "") + line
        else:
            node.text = (node.text or "") + line
