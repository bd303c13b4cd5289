"""Which script a character or a language is written in: one answer for the whole program.

The markup reader (joining lines of Chinese text), the line breaker (wide and
narrow characters, the Han–Latin gap), the DOCX writer (emphasis dots on Han)
and the PDF writer (Chinese body faces) all ask "is this Chinese?"; they ask
here, so they never disagree about a character.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

HanForms = Literal["SC", "TC"]
"""Simplified (mainland) or Traditional (Taiwan) glyph forms: which CJK faces set a language."""

AMBIGUOUS = frozenset("“”‘’—―…‥·•")
"""Marks shared by Chinese and English text: their font follows the language."""

SPACES = frozenset(" \t\n\r\f\v")

SPACE, WIDE, AMBIG, NARROW = "space", "wide", "ambig", "narrow"

_WIDE_RANGES = (
    (0x1100, 0x115F),  # Hangul Jamo
    (0x2E80, 0x303E),  # CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    (0x3040, 0x33FF),  # kana, bopomofo, Hangul compatibility, CJK compatibility
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA000, 0xA4CF),  # Yi
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFF60),  # full-width forms
    (0xFFE0, 0xFFE6),  # full-width signs
    (0x20000, 0x3FFFD),  # supplementary ideographic planes
)


_class_memo: dict[str, str] = {}


def char_class(ch: str) -> str:
    """How ``ch`` takes part in breaking: ``space``, ``wide`` (Han and full-width), ``ambig`` or ``narrow``."""
    kind = _class_memo.get(ch)
    if kind is None:
        kind = _class_memo[ch] = _classify(ch)
    return kind


def _classify(ch: str) -> str:
    if ch in SPACES:
        return SPACE
    if ch in AMBIGUOUS:
        return AMBIG
    code = ord(ch)
    if code >= 0x1100:
        for low, high in _WIDE_RANGES:
            if low <= code <= high:
                return WIDE
    return NARROW


def is_wide(ch: str) -> bool:
    """True for Han characters and full-width marks: the text set on the CJK em grid."""
    return char_class(ch) == WIDE


def is_digit(ch: str) -> bool:
    """ASCII or full-width decimal digit (``str.isdigit`` also admits superscripts)."""
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def is_han(ch: str) -> bool:
    """A Han character (or kana, Hangul, 〇, 々): a wide letter, not a full-width mark or Latin form.

    Full-width punctuation is excluded: it carries its own half em of white space.
    """
    if char_class(ch) != WIDE or 0xFF00 <= ord(ch) <= 0xFFEF:
        return False
    return unicodedata.category(ch)[0] == "L" or ch == "〇"


def is_latin_letter(ch: str) -> bool:
    """A letter of Western text (``GDP``, ``é``, ``α``): narrow and alphabetic, digits excluded."""
    return char_class(ch) == NARROW and ch.isalpha()


def is_chinese(lang: str) -> bool:
    """``zh``, ``zh-CN``, ``zh-Hant-TW`` …: the languages set in Chinese faces and rules.

    >>> [is_chinese(tag) for tag in ("zh", "zh-Hant-TW", "zh_Hant", "en", "yue")]
    [True, True, True, False, True]
    """
    return lang.lower().replace("_", "-").split("-")[0] in {"zh", "cmn", "yue"}


def han_forms(lang: str) -> HanForms:
    """The glyph forms a language tag asks for: TC for ``zh-TW``, ``zh-HK``, ``zh-Hant``, ``yue``; else SC.

    Hong Kong's own forms differ from Taiwan's in a few characters; TC is the
    nearest bundled.

    >>> han_forms("zh-CN"), han_forms("zh-TW"), han_forms("zh_Hant-HK"), han_forms("zh-Hans-HK")
    ('SC', 'TC', 'TC', 'SC')
    """
    subtags = lang.lower().replace("_", "-").split("-")
    if "hans" in subtags:
        return "SC"
    traditional = {"hant", "tw", "hk", "mo"} & set(subtags[1:]) or subtags[0] == "yue"
    return "TC" if traditional else "SC"
