"""The DOCX editions' house styles: which faces and East Asian language each language gets.

Kept apart from the style sheet (:mod:`jjj_brief.writers.docx.styles`), which turns one of
these into Word styles: choosing a house style is a decision, writing styles.xml is work.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docx.enum.text import WD_ALIGN_PARAGRAPH

from jjj_brief.scripts import is_chinese


@dataclass(frozen=True)
class FontPair:
    """A Latin face and the East Asian face that sets the same role."""

    latin: str
    east_asian: str


@dataclass(frozen=True)
class HouseStyle:
    """What differs between the editions: faces, East Asian language, CJK conventions."""

    serif: FontPair
    sans: FontPair
    east_asian_lang: str
    chinese: bool
    line_spacing: int  # w:spacing w:line, in 240ths of a line
    jianbao: bool = False  # the Chinese 简报: 仿宋 body, 楷体 second-level headings, GB/T 9704 page
    kai: FontPair | None = None
    song: FontPair | None = None

    @property
    def title_alignment(self) -> WD_ALIGN_PARAGRAPH:
        """Chinese titles are centred by convention; English notes set them flush left."""
        return WD_ALIGN_PARAGRAPH.CENTER if self.chinese else WD_ALIGN_PARAGRAPH.LEFT


_SIMPLIFIED = HouseStyle(
    serif=FontPair("Times New Roman", "SimSun"),
    sans=FontPair("Arial", "SimHei"),
    east_asian_lang="zh-CN",
    chinese=True,
    line_spacing=324,
)
_TRADITIONAL = HouseStyle(
    serif=FontPair("Times New Roman", "PMingLiU"),
    sans=FontPair("Arial", "Microsoft JhengHei"),
    east_asian_lang="zh-TW",
    chinese=True,
    line_spacing=324,
)
_ENGLISH = HouseStyle(
    serif=_SIMPLIFIED.serif,
    sans=_SIMPLIFIED.sans,
    east_asian_lang="zh-CN",
    chinese=False,
    line_spacing=264,
)


def house_style_for(lang: str, name: str = "research") -> HouseStyle:
    """The house style of a BCP 47 tag: Traditional for zh-TW/HK/MO/Hant, Simplified for other zh;
    ``name="jianbao"`` gives the 简报 faces (仿宋 body, 黑体 and 楷体 headings)."""
    if name == "jianbao":
        base = house_style_for(lang)
        return replace(base, serif=FontPair(base.serif.latin, "FangSong"), jianbao=True,
                       kai=FontPair(base.serif.latin, "KaiTi"), song=base.serif, chinese=True)
    if not is_chinese(lang):
        return _ENGLISH
    subtags = lang.replace("_", "-").lower().split("-")
    if {"tw", "hk", "mo", "hant"} & set(subtags[1:]):
        return _TRADITIONAL
    return _SIMPLIFIED
