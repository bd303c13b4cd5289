"""Two Documents of one briefing, paired passage by passage: what the bilingual edition lays out.

Both Documents come from one template rendered in two languages and have passed the
parity check (same figures, block by block), so their top-level blocks correspond one to
one: a heading with its heading, a paragraph with its paragraph, a table with its table.
:func:`pair_documents` checks that they do (same number of blocks, same kind at each
place, the same inside a box) and refuses, naming the first place they part, when a
template lays the languages out differently.

The sources list is not a passage: it is printed once, numbered once, each entry in both
languages (:attr:`Bilingual.sources`); the heading above it stays a pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from jjj_brief.document.model import Block, Box, Document, SourceEntry, SourceList
from jjj_brief.errors import BriefError

Passage = tuple[Block, Block]


class PairingError(BriefError):
    """Two languages whose Documents cannot be set side by side passage by passage."""


@dataclass(frozen=True)
class Bilingual:
    """``first`` (the left column) and ``second`` (the right), with their passages paired."""

    first: Document
    second: Document
    passages: tuple[Passage, ...]
    sources: tuple[tuple[SourceEntry, SourceEntry], ...] = ()

    @property
    def langs(self) -> tuple[str, str]:
        return self.first.meta.lang, self.second.meta.lang


def pair_documents(first: Document, second: Document, names: tuple[str, str] = ("first", "second")) -> Bilingual:
    """The passages of ``first`` and ``second`` side by side; ``names`` (e.g. the output suffixes
    ``en``, ``zh``) name the languages in an error.

    >>> from jjj_brief.document.model import Heading, Meta, Paragraph, Text
    >>> a = Document(Meta("en", "T"), (Heading(1, (Text("A"),)), Paragraph((Text("a"),))))
    >>> b = Document(Meta("zh", "题"), (Heading(1, (Text("甲"),)), Paragraph((Text("乙"),))))
    >>> [type(left).__name__ for left, _ in pair_documents(a, b).passages]
    ['Heading', 'Paragraph']
    """
    if len(first.blocks) != len(second.blocks):
        raise PairingError(
            f"{names[1]} has {len(second.blocks)} top-level blocks where {names[0]} has "
            f"{len(first.blocks)}: the bilingual edition pairs them one by one",
            hint="render both languages from one template whose passages do not depend on the language",
        )
    passages: list[Passage] = []
    sources: tuple[tuple[SourceEntry, SourceEntry], ...] = ()
    for number, (left, right) in enumerate(zip(first.blocks, second.blocks), start=1):
        _same_shape(left, right, number, names)
        if isinstance(left, SourceList) and isinstance(right, SourceList):
            sources = _paired_sources(left, right, number, names)
        else:
            passages.append((left, right))
    return Bilingual(first, second, tuple(passages), sources)


def _same_shape(left: Block, right: Block, number: int, names: tuple[str, str]) -> None:
    """The same kind of block at ``number`` (and, in a box, the same kinds inside)."""
    if type(left) is not type(right):
        raise PairingError(
            f"block {number} is a {type(left).__name__} in {names[0]} but a "
            f"{type(right).__name__} in {names[1]}: the bilingual edition pairs blocks one by one"
        )
    if isinstance(left, Box) and isinstance(right, Box):
        inner = ([type(b).__name__ for b in left.blocks], [type(b).__name__ for b in right.blocks])
        if inner[0] != inner[1]:
            raise PairingError(f"the box at block {number} holds {inner[0]} in {names[0]} but {inner[1]} in {names[1]}")


def _paired_sources(
    left: SourceList, right: SourceList, number: int, names: tuple[str, str]
) -> tuple[tuple[SourceEntry, SourceEntry], ...]:
    """Entries of the two lists by number: both languages cite the same sources in the same order."""
    if [e.source_id for e in left.entries] != [e.source_id for e in right.entries]:
        raise PairingError(
            f"the sources list at block {number} cites "
            f"{[e.source_id for e in right.entries]} in {names[1]} but "
            f"{[e.source_id for e in left.entries]} in {names[0]}"
        )
    return tuple(zip(left.entries, right.entries))
