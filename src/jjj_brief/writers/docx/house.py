"""The DOCX editions' house styles: which faces, East Asian language and looks each edition gets.

Kept apart from the style sheet (:mod:`jjj_brief.writers.docx.styles`), which turns one of
these into Word styles: choosing a house style is a decision, writing styles.xml is work.

Two sets of faces.  By default a DOCX *names* the faces an office PC has
(SimSun, SimHei, FangSong, KaiTi, PMingLiU, Microsoft JhengHei, Times New
Roman, Arial) and declares them in ``fontTable.xml`` (:mod:`.fonts`) so a
reader without them substitutes a face of the same class.  With embedded
faces it names the bundled faces the PDF uses and carries them in the file,
so it looks the same on any machine.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from jjj_brief.scripts import is_chinese
from jjj_brief.writers.docx import looks
from jjj_brief.writers.docx.looks import Edition, Face


@dataclass(frozen=True)
class FontPair:
    """A Latin face and the East Asian face that sets the same role."""

    latin: str
    east_asian: str


@dataclass(frozen=True)
class Faces:
    """The four face roles: Song (body), Hei (headings), Kai (（一） headings, 按语), heavy Song (titles)."""

    serif: FontPair
    sans: FontPair
    kai: FontPair
    song: FontPair

    def pair(self, face: Face) -> FontPair:
        return {"serif": self.serif, "sans": self.sans, "kai": self.kai, "song": self.song}[face]


@dataclass(frozen=True)
class DocxHouse:
    """What differs between the editions: faces, East Asian language, CJK conventions, looks."""

    faces: Faces  # the faces the styles name
    east_asian_lang: str
    chinese: bool
    edition: Edition
    jianbao: bool = False  # the Chinese 简报: 仿宋 body, 楷体 second-level headings, GB/T 9704 page
    office_faces: Faces | None = None  # with embedded faces: the office faces they stand in for

    @property
    def serif(self) -> FontPair:
        return self.faces.serif

    @property
    def sans(self) -> FontPair:
        return self.faces.sans

    @property
    def embedded(self) -> bool:
        """Whether the named faces are the bundled ones, carried in the file."""
        return self.office_faces is not None


_OFFICE_SC = Faces(
    serif=FontPair("Times New Roman", "SimSun"),
    sans=FontPair("Arial", "SimHei"),
    kai=FontPair("Times New Roman", "KaiTi"),
    song=FontPair("Times New Roman", "SimSun"),
)
_OFFICE_TC = Faces(
    serif=FontPair("Times New Roman", "PMingLiU"),
    sans=FontPair("Arial", "Microsoft JhengHei"),
    kai=FontPair("Times New Roman", "DFKai-SB"),
    song=FontPair("Times New Roman", "PMingLiU"),
)


def house_style_for(lang: str, name: str = "research") -> DocxHouse:
    """The house style of a BCP 47 tag: Traditional for zh-TW/HK/MO/Hant, Simplified for other zh;
    ``name="jianbao"`` gives the 简报 (仿宋 body, 黑体 and 楷体 headings, GB/T 9704 looks).
    :func:`jjj_brief.writers.docx.fonts.embedded` turns one into its embedded-faces twin."""
    chinese = is_chinese(lang)
    traditional = chinese and bool({"tw", "hk", "mo", "hant"} & set(lang.replace("_", "-").lower().split("-")[1:]))
    faces = _OFFICE_TC if traditional else _OFFICE_SC
    if name == "jianbao":
        faces = replace(faces, serif=FontPair(faces.serif.latin, "FangSong"))
    edition = looks.jianbao() if name == "jianbao" else looks.chinese() if chinese else looks.english()
    return DocxHouse(
        faces=faces,
        east_asian_lang="zh-TW" if traditional else "zh-CN",
        chinese=chinese or name == "jianbao",
        edition=edition,
        jianbao=name == "jianbao",
    )
