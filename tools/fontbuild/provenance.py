"""``OFL.txt`` and ``README.md`` beside the fonts: every copyright notice, the licence, what was done.

The notices are read from the sources (each Debian package's machine-readable
copyright file, the OFL.txt that came with Zhuque Fangsong, the fonts' own
name records), never typed in, so they follow the packages when they change.
"""

from __future__ import annotations

import re
import subprocess

from .charsets import LATIN_RANGES, charset_lines, gbk_hanzi, range_lines
from .face import FaceReport
from .outlines import MAX_CURVE_ERROR
from .sources import Source


def debian_stanzas(path) -> list[list[str]]:
    """The paragraphs of a machine-readable Debian copyright file, as line lists."""
    stanzas: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            stanzas[-1].append(line)
        elif stanzas[-1]:
            stanzas.append([])
    return [stanza for stanza in stanzas if stanza]


def license_text(path) -> str:
    """The OFL body from a Debian copyright file, unfolded to plain text.

    It is the standalone ``License:`` paragraph whose name mentions OFL or SIL;
    continuation lines lose their leading space and a lone ``.`` is a blank line.
    """
    for stanza in debian_stanzas(path):
        head = stanza[0]
        if head.startswith("License:") and re.search(r"OFL|SIL", head) and len(stanza) > 1:
            body = [line.removeprefix(" ") for line in stanza[1:]]
            return "\n".join("" if line.strip() == "." else line.rstrip() for line in body) + "\n"
    raise LookupError(f"no OFL text in {path}")


def files_star_field(path, wanted: str) -> list[str]:
    """The lines of one field (``Copyright``, ``Comment``) of the ``Files: *`` paragraph."""
    for stanza in debian_stanzas(path):
        if stanza[0].strip() != "Files: *":
            continue
        field, lines = "", []
        for line in stanza:
            if not line.startswith(" "):
                field, _, line = line.partition(":")
            if field == wanted and line.strip():
                lines.append(line.strip())
        return lines
    return []


def source_notices(source: Source) -> list[str]:
    """The copyright holders, and any Reserved Font Name statement, of one source."""
    if not source.debian:  # an upstream OFL.txt: its notice is everything before the licence
        head = source.copyright.read_text(encoding="utf-8").split("This Font Software is licensed")[0]
        return [" ".join(head.split())]
    notices = [f"Copyright {holder}" for holder in files_star_field(source.copyright, "Copyright")]
    comment = " ".join(files_star_field(source.copyright, "Comment"))
    if "Reserved Font Name" in comment:
        notices.append(comment)
    return notices


def package_version(package: str) -> str:
    """The installed Debian version of ``package``, or ``unknown`` off Debian."""
    try:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip() or "unknown"


def by_source(reports: list[FaceReport]) -> dict[Source, list[FaceReport]]:
    """Reports grouped by where their fonts came from, in build order."""
    groups: dict[Source, list[FaceReport]] = {}
    for report in reports:
        groups.setdefault(report.face.source, []).append(report)
    return groups


def source_label(source: Source) -> str:
    return f"Debian package {source.package}" if source.debian else source.package


def ofl_file(reports: list[FaceReport]) -> str:
    """OFL.txt: every copyright notice of the sources, then the license (OFL §2)."""
    lines = [
        "The fonts in this folder are Modified Versions (subset; the Noto CJK faces also",
        "converted from CFF to TrueType outlines) of fonts released under the",
        "SIL Open Font License 1.1, reproduced below.",
        "",
    ]
    reserved: list[str] = []
    for source, group in by_source(reports).items():
        lines += [f"{', '.join(report.face.output for report in group)} (from {source_label(source)}):"]
        notices = [report.copyright for report in group] + source_notices(source)
        notices += [report.trademark for report in group]
        lines += ["  " + notice.replace("\n", "\n  ") for notice in dict.fromkeys(notices) if notice] + [""]
        reserved += [f"“{name}”" for name in source.reserved]
    if reserved:
        lines += [
            f"Reserved Font Names: {' and '.join(reserved)} (LXGW WenKai); no font here",
            "carries them in its names. The other sources declare none.",
            "",
            "",
        ]
    else:
        lines += ["No source declares a Reserved Font Name.", "", ""]
    debian = next(source for source in by_source(reports) if source.debian)
    return "\n".join(lines) + license_text(debian.copyright)


def file_table(reports: list[FaceReport]) -> list[str]:
    """The Markdown table of produced fonts with their sizes and coverage."""
    hanzi_total = len(gbk_hanzi())
    rows = [
        "| file | family, style | from | set in the PDF | characters | GBK hanzi | glyphs | size |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    for report in reports:
        face = report.face
        hanzi = f"{report.hanzi:,} of {hanzi_total:,}" if face.cjk else "–"
        rows.append(
            f"| `{face.output}` | {face.family}, {face.style} | {report.source_name} "
            f"{report.source_version} (`{face.file}`) | {face.use} | {report.covered:,} "
            f"| {hanzi} | {report.glyphs:,} | {report.size / 1e6:.2f} MB |"
        )
    return rows


def source_lines(reports: list[FaceReport]) -> list[str]:
    """One bullet per source: package and version, or the public source and its folder's README."""
    lines = []
    for source, group in by_source(reports).items():
        if source.debian:
            lines.append(f"- Debian `{source.package}` {package_version(source.package)} (`{source.folder}`)")
        else:
            lines.append(
                f"- {source.package}, version {group[0].source_version}: not packaged by Debian; "
                f"`{source.folder.name}/README.md` beside the input says how it was compiled "
                "(pass the folder with `--zhuque-dir`)"
            )
    return lines


README_INTRO = """\
# Bundled fonts

Generated by `tools/build_fonts.py`; do not edit these files by hand, regenerate them.

reportlab embeds TrueType (`glyf`) outlines only and refuses the CFF outlines that every
Noto CJK font has ("postscript outlines are not supported"). The Noto CJK faces are
therefore converted once, at build time, and committed here, so users need neither
fontTools nor the font packages. fontTools is a build-time-only dependency (the
project's optional `fonts` extra). The PDF writer parses a face only when a document
sets text in it.
"""

README_METHOD = """\
## What was done

**Noto CJK faces.** From each `.ttc` collection the Simplified (SC) or Traditional (TC)
face is chosen by its family name (`… CJK SC`, `… CJK TC`), not by its index. It is
subset, then every glyph is redrawn with quadratic curves
(`fontTools.pens.cu2quPen.Cu2QuPen`, maximum error {err:g} font unit of 1000 per em,
contours reversed to TrueType winding) into a `glyf` table. Advance widths are kept:
the script compares every character's advance with the source and fails if one
differs. Left side bearings are reset to each outline's xMin. The converted outlines
carry no hinting.

**FangSong and Kai.** Zhuque Fangsong and LXGW WenKai are TrueType already: they are
subset only. Zhuque Fangsong covers fewer characters than GBK (see the table); the PDF
writer sets a character it lacks in Noto Serif (the Song face), so nothing is lost.

**All Chinese faces.** OpenType layout tables (`GSUB`, `GPOS`, `GDEF`, `BASE`), `VORG`,
vertical metrics and hinting are dropped: reportlab does not shape text, and keeping
`locl`/`vert` would pull in the other regions' glyph variants. So each file has one
region's glyph forms: the SC faces mainland forms (GB 18030 reference glyphs), the TC
faces Taiwan's (with `。，、：` centred in the em); Traditional Chinese documents are set
in the TC faces. Nothing outside GBK and Big5 is kept (no CJK Extension A/B), so rare
characters from GB 18030 alone fall back to the `.notdef` box.

The character set of the Chinese faces:

"""

README_NAMES = """\
## Names and license

The fonts are under the SIL Open Font License 1.1 (`OFL.txt`, with the copyright
notices of the sources). The OFL forbids a Modified Version to use a *Reserved Font
Name*. LXGW WenKai declares two, "LXGW" and "霞鹜" (Debian's copyright file): its subset
is called `WenKai-Regular.ttf`, family “JJJ WenKai”, and the build fails if a name
record of it contains either. Noto declares none, but "Noto" is Google's trademark
(name ID 7) and these subsets lack most of the original glyphs, so no family name
here says Noto. Zhuque Fangsong declares none, and its README asks that the name be
kept: “JJJ Zhuque Fangsong”. The family names are {families}. Copyright, trademark,
designer and license records are kept.
"""


def readme_file(reports: list[FaceReport]) -> str:
    """README.md: provenance, method, character sets, names and sizes."""
    import fontTools

    families = ", ".join(dict.fromkeys(f"“{report.face.family}”" for report in reports))
    lines = [
        README_INTRO,
        "## Sources",
        "",
        *source_lines(reports),
        f"- converted and subset with fontTools {fontTools.version}",
        "",
        README_METHOD.format(err=MAX_CURVE_ERROR) + "\n".join(charset_lines()),
        "",
        "**Latin faces.** Already TrueType; subset only, keeping their hinting and kerning, to:",
        "",
        *range_lines(LATIN_RANGES),
        "",
        README_NAMES.format(families=families),
        "## Files",
        "",
        *file_table(reports),
        "",
        "## Regenerating",
        "",
        "```sh",
        "sudo apt-get install fonts-noto-cjk fonts-noto-cjk-extra fonts-noto-core fonts-lxgw-wenkai",
        "pip install -e '.[fonts]'",
        "python tools/build_fonts.py --zhuque-dir DIR   # about 6 minutes on 2 cores; --jobs 1 for less memory",
        "python tools/build_fonts.py --zhuque-dir DIR --only 'NotoSansTC-*'   # some; README and OFL.txt list all",
        "```",
        "",
        "`fonts-noto-cjk-extra` (all Noto CJK weights, 130 MB) is needed for the Black weight only.",
        "The build is deterministic: the `head` created/modified dates are copied from the",
        "source fonts, so the same sources and fontTools version give byte-identical files.",
    ]
    return "\n".join(lines) + "\n"
