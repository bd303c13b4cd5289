"""Every font the build reads, where it comes from, and the file each one becomes.

All inputs are under the SIL Open Font License 1.1.  Debian packages (install
them with apt-get; they are build-time inputs only, never a CI or user need):

- ``fonts-noto-cjk``: Noto Serif CJK and Noto Sans CJK, Regular and Bold, as
  ``.ttc`` collections of SC, TC, HK, JP and KR faces (CFF outlines);
- ``fonts-noto-cjk-extra``: the other weights of the same design; only
  ``NotoSerifCJK-Black.ttc`` is read, for the 简报's title (the heaviest Song
  there is, the open stand-in for 方正小标宋);
- ``fonts-noto-core``: Noto Serif and Noto Sans, TrueType;
- ``fonts-lxgw-wenkai``: LXGW WenKai, a Kai (楷体) face, TrueType.  Its
  copyright declares the Reserved Font Names "LXGW" and "霞鹜": the subset
  must carry neither in its names.

Not in Debian: Zhuque Fangsong (朱雀仿宋), a FangSong (仿宋) face, TrueType,
compiled from its public source repository (TrionesType/zhuque, see the README
in its folder); pass that folder with ``--zhuque-dir``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

NOTO_CJK_DIR = Path("/usr/share/fonts/opentype/noto")
NOTO_LATIN_DIR = Path("/usr/share/fonts/truetype/noto")
WENKAI_DIR = Path("/usr/share/fonts/truetype/lxgw-wenkai")
DEFAULT_ZHUQUE_DIR = Path("../shared/fonts/zhuque-fangsong")  # from the repository root

Kind = Literal["cjk-cff", "cjk", "latin"]


@dataclass(frozen=True)
class Source:
    """Where a group of input fonts comes from, and the file that states their copyright and licence."""

    package: str  # the Debian package, or a description of a public source
    folder: Path
    copyright: Path  # a Debian copyright file, or the OFL.txt shipped with the font
    debian: bool = True
    reserved: tuple[str, ...] = ()  # OFL Reserved Font Names: no derived name may contain them


@dataclass(frozen=True)
class Face:
    """One font to build: its input, the file it becomes and the names it carries.

    ``kind``: ``cjk-cff`` is subset to the Chinese set and converted from CFF
    to TrueType outlines; ``cjk`` (already TrueType) and ``latin`` are subset
    only.  ``region`` picks the face of a ``.ttc`` collection (SC or TC).
    """

    source: Source
    file: str
    output: str
    family: str
    style: str
    kind: Kind
    region: str = "SC"

    @property
    def path(self) -> Path:
        return self.source.folder / self.file

    @property
    def cjk(self) -> bool:
        return self.kind != "latin"

    @property
    def use(self) -> str:
        """What the PDF writer sets in this face (Latin faces: the Latin letters of every role)."""
        return USES.get(self.output, "Latin letters and digits")


def noto_cjk(folder: Path = NOTO_CJK_DIR) -> Source:
    return Source("fonts-noto-cjk", folder, Path("/usr/share/doc/fonts-noto-cjk/copyright"))


def noto_cjk_extra(folder: Path = NOTO_CJK_DIR) -> Source:
    return Source("fonts-noto-cjk-extra", folder, Path("/usr/share/doc/fonts-noto-cjk-extra/copyright"))


def noto_core(folder: Path = NOTO_LATIN_DIR) -> Source:
    return Source("fonts-noto-core", folder, Path("/usr/share/doc/fonts-noto-core/copyright"))


def wenkai(folder: Path = WENKAI_DIR) -> Source:
    return Source(
        "fonts-lxgw-wenkai", folder, Path("/usr/share/doc/fonts-lxgw-wenkai/copyright"), reserved=("LXGW", "霞鹜")
    )


def zhuque(folder: Path) -> Source:
    return Source(
        "Zhuque Fangsong, compiled from TrionesType/zhuque with fontmake", folder, folder / "OFL.txt", debian=False
    )


#: Family names of the derived fonts.  "Noto" is not a Reserved Font Name in the OFL
#: text Debian ships, but it is Google's trademark (name ID 7), and a subset that
#: lacks most of the original's glyphs should not pass itself off as Noto.  Zhuque
#: Fangsong declares no reserved name and its README asks that the name be kept.
SERIF_SC, SANS_SC = "JJJ Serif SC", "JJJ Sans SC"
SERIF_TC, SANS_TC = "JJJ Serif TC", "JJJ Sans TC"
FANGSONG, KAI = "JJJ Zhuque Fangsong", "JJJ WenKai"
LATIN_SERIF, LATIN_SANS = "JJJ Serif", "JJJ Sans"


#: What the PDF writer sets in each Chinese face, for the README (``writers/fonts.py`` decides).
USES = {
    "NotoSerifSC-Regular.ttf": "zh research-note body and tables (宋体)",
    "NotoSerifSC-Bold.ttf": "not set by the PDF writer (bold Han text takes 黑体); the Bold of the pair",
    "NotoSansSC-Regular.ttf": "zh charts",
    "NotoSansSC-Bold.ttf": "zh headings, bold, 简报 一、 headings (黑体)",
    "NotoSerifTC-Regular.ttf": "zh_Hant body, tables, 简报 body, （一） headings and 按語 (明體)",
    "NotoSerifTC-Bold.ttf": "zh_Hant 简报 masthead and title",
    "NotoSansTC-Regular.ttf": "zh_Hant charts",
    "NotoSansTC-Bold.ttf": "zh_Hant headings and bold (黑體)",
    "NotoSerifSC-Black.ttf": "zh 简报 masthead and title (for 小标宋)",
    "ZhuqueFangsong-Regular.ttf": "zh 简报 body (仿宋)",
    "WenKai-Regular.ttf": "zh 简报 （一） headings and 按语 (楷体)",
}


def faces(zhuque_dir: Path) -> tuple[Face, ...]:
    """Every face the package ships, in build order (the slow CJK conversions first)."""
    cjk, extra, core = noto_cjk(), noto_cjk_extra(), noto_core()
    chinese: list[Face] = []
    for region, serif, sans in (("SC", SERIF_SC, SANS_SC), ("TC", SERIF_TC, SANS_TC)):
        for weight in ("Regular", "Bold"):
            chinese += [
                Face(
                    cjk,
                    f"NotoSerifCJK-{weight}.ttc",
                    f"NotoSerif{region}-{weight}.ttf",
                    serif,
                    weight,
                    "cjk-cff",
                    region,
                ),
                Face(
                    cjk, f"NotoSansCJK-{weight}.ttc", f"NotoSans{region}-{weight}.ttf", sans, weight, "cjk-cff", region
                ),
            ]
    chinese += [
        Face(extra, "NotoSerifCJK-Black.ttc", "NotoSerifSC-Black.ttf", SERIF_SC, "Black", "cjk-cff"),
        Face(
            zhuque(zhuque_dir), "ZhuqueFangsong-Regular.ttf", "ZhuqueFangsong-Regular.ttf", FANGSONG, "Regular", "cjk"
        ),
        Face(wenkai(), "LXGWWenKai-Regular.ttf", "WenKai-Regular.ttf", KAI, "Regular", "cjk"),
    ]
    latin = [
        Face(
            core, f"{stem}-{style.replace(' ', '')}.ttf", f"{stem}-{style.replace(' ', '')}.ttf", family, style, "latin"
        )
        for stem, family, styles in (
            ("NotoSerif", LATIN_SERIF, ("Regular", "Bold", "Italic", "Bold Italic")),
            ("NotoSans", LATIN_SANS, ("Regular", "Bold")),
        )
        for style in styles
    ]
    return (*chinese, *latin)
