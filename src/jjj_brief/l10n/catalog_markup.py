"""A translation may not break the brief markup, nor add to it.

Jinja's newstyle gettext marks a template's translated text as safe markup (the
template author wrote it, so it is not escaped), which puts a translator's text
into the brief markup raw: a bare ``&`` or ``<`` made the markup reader fail and
blame a bundled template line, and ``</h1><h1>`` would restructure the document.
So a translation of template text must be well-formed markup with no element or
attribute its msgid lacks, and no translation may hold a character no document
can (``U+0007``, ``U+FFFF``).  Each problem names the ``.po`` file and the entry's
line, when the catalog loads and in ``i18n check``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from jjj_brief.errors import CatalogError, Location
from jjj_brief.inputfiles import unprintable
from jjj_brief.l10n.placeholders import form_label, forms, msgids, shown


def catalog_markup_problems(path: Path, catalog: Any) -> list[CatalogError]:
    """The markup problems of every entry of a catalog, in file order."""
    return [problem for message in catalog if message.id for problem in markup_problems(path, message)]


def markup_problems(path: Path, message: Any) -> list[CatalogError]:
    """What is wrong with the markup of each translated form of ``message``."""
    where = Location.of(path, message.lineno)
    wanted = _elements_of_msgids(message) if _goes_in_raw(message) else None
    problems = []
    for index, form in enumerate(forms(message.string)):
        if not form:
            continue
        wrong = _form_problem(form, wanted)
        if wrong:
            problems.append(
                CatalogError(f"{form_label(message, index)} of {shown(message)} {wrong}", where, hint=_HINT)
            )
    return problems


_HINT = "write &amp; for &, &lt; for <, and keep the msgid's markup as it is"


def _goes_in_raw(message: Any) -> bool:
    """Whether the build puts the translation into the markup unescaped: template text.

    Python code's phrases (``N_()`` in :mod:`.patterns`) are escaped where they are used.
    """
    return not message.locations or any(not filename.endswith(".py") for filename, _ in message.locations)


def _elements_of_msgids(message: Any) -> Counter[str] | None:
    """The elements the msgid (and msgid_plural) write; None when they are not markup themselves."""
    found: Counter[str] = Counter()
    for text in msgids(message):
        elements = _elements(text)
        if isinstance(elements, str):
            return None
        found |= elements
    return found


def _form_problem(form: str, wanted: Counter[str] | None) -> str:
    """The one thing wrong with a translated form, in words; empty when nothing is."""
    bad = unprintable(form)
    if bad:
        return f"holds a {bad[1]}, which no document can show"
    if wanted is None:
        return ""
    elements = _elements(form)
    if isinstance(elements, str):
        return f"is not well-formed markup: {elements}"
    added = elements - wanted
    if added:
        return f"adds markup its msgid lacks: {', '.join(sorted(added))}"
    return ""


def _elements(text: str) -> Counter[str] | str:
    """The elements of a markup fragment, each as ``<tag a="v">``; or what makes it not markup."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(f"<fragment>{text}</fragment>", parser)
    except etree.XMLSyntaxError as exc:
        return _reason(text, str(exc))
    return Counter(_written(element) for element in root.iterdescendants() if isinstance(element.tag, str))


def _written(element: Any) -> str:
    attributes = "".join(f' {name}="{value}"' for name, value in sorted(element.attrib.items()))
    return f"<{element.tag}{attributes}>"


def _reason(text: str, parser_says: str) -> str:
    """The parser's complaint, said the way a translator can act on it."""
    if "&" in text and ("Entity" in parser_says or "EntityRef" in parser_says or "entity" in parser_says):
        return "a bare & (or an entity XML does not know, such as &nbsp;)"
    if "<" in text and ("StartTag" in parser_says or "tag" in parser_says.lower()):
        return "a bare < or a tag that does not close"
    return parser_says.split(", line")[0]
