"""Regenerate the fonts bundled in ``src/jjj_brief/fonts/`` from Debian's font packages and Zhuque Fangsong.

Why this script exists: reportlab embeds TrueType (``glyf``) outlines only and
rejects the CFF outlines of every Noto CJK font ("postscript outlines are not
supported").  So the Noto CJK faces are converted once, here, from cubic CFF to
quadratic ``glyf`` outlines, and every face is subset to what a briefing can need,
so the wheel stays small.  Where each input comes from (Debian packages
``fonts-noto-cjk``, ``fonts-noto-cjk-extra``, ``fonts-noto-core``,
``fonts-lxgw-wenkai``; Zhuque Fangsong from its public sources) is in
``tools/fontbuild/sources.py``; the parts of the build are in ``tools/fontbuild/``.

fontTools is needed by this script alone (the project's optional ``fonts`` extra);
nothing at run time imports it.  Run from the repository root::

    python tools/build_fonts.py                          # all faces, 2 in parallel
    python tools/build_fonts.py --jobs 1                 # less memory (~0.4 GB per CJK face)
    python tools/build_fonts.py --only 'NotoSerifTC-*'   # some faces; README and OFL.txt list all

The output is deterministic: the same source fonts give byte-identical files, because
the ``head`` timestamps are copied from the source font instead of the build clock.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontbuild.face import FaceReport, build_face, describe_face
from fontbuild.provenance import ofl_file, readme_file
from fontbuild.sources import DEFAULT_ZHUQUE_DIR, Face, faces

OUTPUT_DIR = Path(__file__).resolve().parent.parent / "src" / "jjj_brief" / "fonts"


def build_all(chosen: list[Face], output_dir: Path, jobs: int) -> dict[Face, FaceReport]:
    """Build ``chosen`` with up to ``jobs`` processes, reporting each as it finishes."""
    output_dir.mkdir(parents=True, exist_ok=True)
    reports = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_face, face, output_dir) for face in chosen]
        for future in futures:
            report = future.result()
            print(
                f"{report.face.output:28} {report.size / 1e6:6.2f} MB {report.glyphs:6} glyphs "
                f"{report.covered:6}/{report.requested} chars {report.seconds:5.1f} s",
                flush=True,
            )
            reports[report.face] = report
    return reports


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command line: output folder, parallelism, which faces, where Zhuque Fangsong is."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", type=Path, default=OUTPUT_DIR, help="default: %(default)s")
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="faces built at once (~0.4 GB RAM each); default: %(default)s",
    )
    parser.add_argument(
        "--only",
        metavar="GLOB",
        action="append",
        help="build only the output files matching GLOB (repeatable); the others must already be in the output folder",
    )
    parser.add_argument(
        "--zhuque-dir",
        type=Path,
        default=DEFAULT_ZHUQUE_DIR,
        help="folder with ZhuqueFangsong-Regular.ttf and its OFL.txt; default: %(default)s",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the faces asked for, then write OFL.txt and README.md beside them, listing every face."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    every = faces(args.zhuque_dir)
    missing = sorted({str(face.path) for face in every if not face.path.exists()})
    if missing:
        print(
            "missing source fonts (apt-get install fonts-noto-cjk fonts-noto-cjk-extra fonts-noto-core "
            "fonts-lxgw-wenkai; --zhuque-dir for Zhuque Fangsong):",
            *missing,
            sep="\n  ",
        )
        return 1
    chosen = [
        face for face in every if args.only is None or any(fnmatch.fnmatch(face.output, glob) for glob in args.only)
    ]
    unbuilt = [face.output for face in every if face not in chosen and not (args.output_dir / face.output).exists()]
    if not chosen or unbuilt:
        print(f"--only {args.only!r} matches none of the faces, or leaves unbuilt: {', '.join(unbuilt)}")
        return 1
    built = build_all(chosen, args.output_dir, args.jobs)
    reports = [built[face] if face in built else describe_face(face, args.output_dir) for face in every]
    (args.output_dir / "OFL.txt").write_text(ofl_file(reports), encoding="utf-8")
    (args.output_dir / "README.md").write_text(readme_file(reports), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
