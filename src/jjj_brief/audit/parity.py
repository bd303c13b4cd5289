"""Cross-language parity: every language version cites the same facts with the same values.

A translation can drop a figure (a placeholder went missing from a catalog
entry) or replace it with a number typed by hand (``2.34万亿元`` instead of
``%(b)s``); the document still builds and reads well, and is wrong.  Before
anything is written, a build of two or more languages compares the figures
of each top-level block with the first language's, by fact ids, exact value
and formula (never by text, which differs by design), and refuses to write
when they differ.  It walks the documents once: cheap enough for every build.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from jjj_brief.audit.ledger import chart_labels, figures_by_block
from jjj_brief.document import Document, Figure, block_texts
from jjj_brief.errors import BriefError

Key = tuple[tuple[str, ...], str | None, str | None]  # fact ids, exact value, formula


class ParityError(BriefError):
    """Language versions of one build print different figures."""


def figure_key(figure: Figure) -> Key:
    return (figure.facts, figure.value, figure.formula)


def _by_block(doc: Document) -> dict[int, Counter[Key]]:
    blocks: dict[int, Counter[Key]] = {n: Counter() for n in range(1, len(doc.blocks) + 1)}
    for number, figure in figures_by_block(doc):
        blocks[number][figure_key(figure)] += 1
    for number, _, fact_id in chart_labels(doc):  # the same fact charted in every language
        blocks[number][((fact_id,), "chart", None)] += 1
    return blocks


def _texts(doc: Document) -> dict[Key, str]:
    """How ``doc`` prints each figure (the first time), for the report."""
    found: dict[Key, str] = {}
    for _, figure in figures_by_block(doc):
        found.setdefault(figure_key(figure), figure.text)
    for _, label, fact_id in chart_labels(doc):
        found.setdefault(((fact_id,), "chart", None), label)
    return found


def check_parity(documents: Mapping[str, Document]) -> None:
    """Raise :class:`ParityError` listing every figure a language drops, adds or changes."""
    if len(documents) < 2:
        return
    (base_lang, base), *others = documents.items()
    base_blocks, base_texts = _by_block(base), _texts(base)
    problems: list[str] = []
    for lang, doc in others:
        if len(doc.blocks) != len(base.blocks):
            problems.append(f"{lang} has {len(doc.blocks)} blocks, {base_lang} {len(base.blocks)}")
            continue
        for number, counts in _by_block(doc).items():
            problems.extend(_block_problems(number, base_blocks[number], counts, (base_lang, lang), base_texts, doc))
    if problems:
        raise ParityError(
            "the language versions do not print the same figures; nothing was written:\n  "
            + "\n  ".join(problems)
            + "\na translation probably lost or hid a placeholder, or holds a typed-in number "
            "(`jjj-brief i18n check` lists catalog problems)"
        )


def _block_problems(
    number: int,
    expected: Counter[Key],
    found: Counter[Key],
    langs: tuple[str, str],
    base_texts: dict[Key, str],
    doc: Document,
) -> list[str]:
    base_lang, lang = langs
    where = f"{lang}, block {number} ({_excerpt(doc, number)})"
    problems = []
    for key in expected:
        if found[key] < expected[key]:
            problems.append(f"{where}: lacks {_describe(key)}, which {base_lang} prints as {base_texts[key]!r}")
    for key in found:
        if found[key] > expected[key]:
            problems.append(f"{where}: prints {_describe(key)} more often than {base_lang}")
    return problems


def _describe(key: Key) -> str:
    facts, value, formula = key
    origin = formula or " + ".join(facts) or "a figure without facts"
    return f"{origin} = {value}" if value is not None else origin


def _excerpt(doc: Document, number: int, width: int = 40) -> str:
    text = " ".join(block_texts(doc.blocks[number - 1]))
    return repr(text if len(text) <= width else text[:width] + "…")
