"""Where a line may end: the kinsoku (禁则) rules of Chinese and the word rules of English text.

Pure rules on characters, used by :mod:`.linebreak` (which documents them as
a whole) and :mod:`.totalfit`; they know nothing of widths.
"""

from __future__ import annotations

from collections.abc import Sequence

from jjj_brief.scripts import AMBIG, SPACES, WIDE, char_class, is_digit

NO_LINE_START = frozenset("，。、；：？！）」』》〉】〕〗〙〛｝］”’％…‥·・—―〟,.;:?!)]}%")
"""Marks that would look orphaned at the start of a line."""

NO_LINE_END = frozenset("（「『《〈【〔〖〘〚｛［“‘〝([{￥＄")
"""Marks that would look orphaned at the end of a line."""

DASHES = frozenset("—―…")
"""Marks after which English text may break (``growth—|steady``)."""

RANGE_MARKS = frozenset("—―–～~〜-")
"""Marks that join the two ends of a range (``2014—2023年``, ``4.5%～5.5%``): never broken beside."""


def can_break_before(text: str, i: int) -> bool:
    """Whether a line may end just before ``text[i]`` (spaces before it are then dropped)."""
    a, b = text[i - 1], text[i]
    if b in SPACES or b in NO_LINE_START or _is_source_mark(text, i) or _splits_range(text, i):
        return False  # even after a space: "yuan —" and "year [1]" stay together
    if a in SPACES:
        return True
    if a in NO_LINE_END:
        return False
    ca, cb = char_class(a), char_class(b)
    if is_digit(a) and (is_digit(b) or cb == WIDE):
        return False  # digits never split; a number keeps its unit (2024年, 2.43万)
    if ca == WIDE or cb == WIDE:
        return True
    if ca == AMBIG:
        return cb == AMBIG or a in DASHES
    return False  # Latin words, hyphenated ones too (see the module docstring)


def _is_source_mark(text: str, i: int) -> bool:
    """``[`` opening a source mark ``[n]``."""
    return text[i] == "[" and i + 1 < len(text) and is_digit(text[i + 1])


def _splits_range(text: str, i: int) -> bool:
    """A break before ``text[i]`` would part a numeric range at its dash (``2014—|2023年``)."""

    def joins(k: int) -> bool:
        return (
            text[k] in RANGE_MARKS
            and 0 < k < len(text) - 1
            and is_digit(text[k + 1])
            and (is_digit(text[k - 1]) or text[k - 1] in "%％")
        )

    return joins(i) or joins(i - 1)


def break_opportunities(text: str, keeps: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Every index ``i`` (0 < i < len) before which a line may break, ascending; none inside ``keeps``."""
    found = [i for i in range(1, len(text)) if can_break_before(text, i)]
    return kept_breaks(found, keeps) if keeps else found


def kept_breaks(breaks: Sequence[int], keeps: Sequence[tuple[int, int]]) -> list[int]:
    """``breaks`` without those strictly inside a kept span; one pass over both (spans disjoint).

    >>> kept_breaks([2, 5, 8, 11], [(4, 9)])
    [2, 11]
    """
    spans = sorted(keeps)
    kept: list[int] = []
    p = 0
    for b in breaks:
        while p < len(spans) and spans[p][1] <= b:
            p += 1
        if p < len(spans) and spans[p][0] < b:
            continue
        kept.append(b)
    return kept


def bad_cut(text: str, i: int) -> bool:
    """A forced cut before ``text[i]`` that would start a line with a closing mark or split a number."""
    a, b = text[i - 1], text[i]
    if b in NO_LINE_START or a in NO_LINE_END:
        return True
    return (is_digit(a) or a in ".,") and (is_digit(b) or b in ".,") and (is_digit(a) or is_digit(b))


def skip_spaces(text: str, i: int) -> int:
    """The first index from ``i`` that is not a space (where the next line starts)."""
    while i < len(text) and text[i] in SPACES:
        i += 1
    return i


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces, not past ``start`` (where a line ends)."""
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end
