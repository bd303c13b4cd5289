"""The character sets the bundled faces keep: GBK and Big5 for Chinese, a Latin set for the rest.

Derived from Python's codecs rather than pasted tables, so they are exact and
reviewable: GBK is the repertoire mainland documents are written in, Big5 the
Traditional one.
"""

from __future__ import annotations

import unicodedata

Ranges = tuple[tuple[int, int, str], ...]

#: Code point ranges (inclusive) kept in the CJK faces on top of every GBK and Big5
#: character: punctuation and symbols that Chinese statistical prose uses.
CJK_EXTRA_RANGES: Ranges = (
    (0x0020, 0x007E, "ASCII"),
    (0x00A0, 0x00FF, "Latin-1 (×, ÷, °, ·)"),
    (0x0100, 0x017F, "Latin Extended-A (pinyin ā ē ī ō ū)"),
    (0x01CD, 0x01DC, "pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ"),
    (0x0391, 0x03C9, "Greek letters (Δ, α, β in formulas)"),
    (0x0401, 0x0451, "basic Cyrillic, as GB2312 has it"),
    (0x2000, 0x206F, "General Punctuation (— … ‰ “ ”)"),
    (0x20A0, 0x20CF, "currency symbols (€)"),
    (0x2100, 0x214F, "letterlike symbols (℃, №)"),
    (0x2150, 0x218F, "number forms (Ⅰ–Ⅻ, ⅰ–ⅻ)"),
    (0x2190, 0x21FF, "arrows"),
    (0x2200, 0x22FF, "mathematical operators (≤ ≥ ≈ −)"),
    (0x2460, 0x24FF, "enclosed alphanumerics (① ⑴ ⒈)"),
    (0x25A0, 0x25FF, "geometric shapes (■ □ ▲ ▼ ●)"),
    (0x3000, 0x303F, "CJK symbols and punctuation (、。《》【】〇)"),
    (0x3200, 0x32FF, "enclosed CJK letters and months (㈠ ㊀)"),
    (0x3300, 0x33FF, "CJK compatibility (㎡ ㎏ ㎞)"),
    (0xFE10, 0xFE1F, "vertical forms"),
    (0xFE30, 0xFE4F, "CJK compatibility forms"),
    (0xFF00, 0xFFEF, "half-width and full-width forms (，：；？！（）)"),
)

#: Code point ranges kept in the Latin faces.
LATIN_RANGES: Ranges = (
    (0x0020, 0x007E, "ASCII"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x01CD, 0x01DC, "pinyin tone letters ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ (romanized names)"),
    (0x02C6, 0x02DD, "spacing accents (ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝)"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x045F, "basic Cyrillic"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x20A0, 0x20CF, "currency symbols"),
    (0x2116, 0x2116, "numero sign"),
    (0x2122, 0x2122, "trade mark sign"),
    (0x2190, 0x2193, "arrows ← ↑ → ↓"),
    (0x2212, 0x2212, "minus sign"),
    (0x2248, 0x2248, "almost equal"),
    (0x2260, 0x2265, "≠ ≤ ≥"),
    (0x25B2, 0x25BC, "▲ ▼ (up/down in tables, where the font has them)"),
    (0xFFFD, 0xFFFD, "replacement character: the PDF's stand-in for glyphs no face has"),
)


def legacy_charset(codec: str) -> set[int]:
    """Every character a double-byte Chinese codec can encode (lead 0x81–0xFE)."""
    found: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                found.add(ord(text))
    return found


def is_hanzi(code: int) -> bool:
    """Whether ``code`` is a CJK (unified or compatibility) ideograph."""
    name = unicodedata.name(chr(code), "")
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def expand(ranges: Ranges) -> set[int]:
    """The code points of inclusive ``(first, last, label)`` ranges."""
    return {code for first, last, _ in ranges for code in range(first, last + 1)}


def cjk_charset() -> set[int]:
    """GBK and Big5 (cp950) in full, plus the punctuation and symbol blocks above.

    The same set for Simplified and Traditional faces: a Traditional document
    quotes mainland names and the other way round, and Big5's hanzi turn out
    to be a subset of GBK's (see :func:`big5_in_gbk`).
    """
    return legacy_charset("gbk") | legacy_charset("cp950") | expand(CJK_EXTRA_RANGES)


def big5_in_gbk() -> tuple[int, int]:
    """How many Big5 hanzi exist, and how many of them GBK also has."""
    gbk = {code for code in legacy_charset("gbk") if is_hanzi(code)}
    big5 = {code for code in legacy_charset("cp950") if is_hanzi(code)}
    return len(big5), len(big5 & gbk)


def gbk_hanzi() -> set[int]:
    """GBK's hanzi: what a Chinese face is measured against in the README."""
    return {code for code in legacy_charset("gbk") if is_hanzi(code)}


def range_lines(ranges: Ranges) -> list[str]:
    """Markdown bullets for code point ranges."""
    return [f"- U+{first:04X}–U+{last:04X} {label}" for first, last, label in ranges]


def charset_lines() -> list[str]:
    """What the CJK character set is made of, with counts computed from the codecs."""
    gbk = legacy_charset("gbk")
    gb2312_hanzi = sum(1 for code in legacy_charset("gb2312") if is_hanzi(code))
    big5_total, big5_shared = big5_in_gbk()
    return [
        (
            f"- every character GBK encodes: {len(gbk):,}, of which "
            f"{sum(1 for code in gbk if is_hanzi(code)):,} hanzi (a superset of GB2312's "
            f"{gb2312_hanzi:,}; it has the name characters 镕 堃 喆 啰 that GB2312 lacks);"
        ),
        (
            f"- every character Big5 (cp950) encodes. Its {big5_total:,} hanzi are all in GBK "
            f"already ({big5_shared:,} of {big5_total:,}), so Traditional Chinese text is covered;"
        ),
        "- and these blocks, where the source font has them:",
        "",
        *range_lines(CJK_EXTRA_RANGES),
    ]
