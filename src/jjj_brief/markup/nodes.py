"""Reading lxml nodes of brief markup: elements, their text, white space as XML means it.

Shared by the block reader and the chart reader, so neither imports the other's internals.
"""

from __future__ import annotations

import re

from lxml import etree

from jjj_brief.scripts import is_wide

SPACE = re.compile(r"[ \t\n\r\f]+")  # XML white space only: U+3000 is content


def is_element(node: object) -> bool:
    """True for elements; comments and processing instructions are skipped."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def text_of(el: etree._Element) -> str:
    return "".join(el.itertext())


def collapse(text: str) -> str:
    """Collapse white space; drop line breaks between CJK characters."""

    def space(match: re.Match[str]) -> str:
        run, start, end = match.group(), match.start(), match.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if "\n" in run and is_wide(before or " ") and is_wide(after or " "):
            return ""
        return " "

    return SPACE.sub(space, text)
