"""Regenerate the review renders: page 1 of each language's research note and of the 简报, as PNG.

    python bench/render_pages.py [--out docs/renders] [--dpi 70]

Builds with the bundled facts into a temporary folder (with SOURCE_DATE_EPOCH
fixed, so the renders change only when the layout does), then rasterises page
1 of each PDF with poppler's ``pdftoppm``.  Tests never call this: the PNGs
are for people reviewing a layout change, committed only when small.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BUILDS = (("briefing", "en,zh,zh_Hant"), ("jianbao", "zh"))
EPOCH = "1729814400"  # 2024-10-25, the seed article's date


def build(out: Path) -> list[Path]:
    """Every PDF to render, built by the real command."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    for template, langs in BUILDS:
        subprocess.run([sys.executable, "-m", "jjj_brief.cli", "build", "--template", template, "--lang", langs,
                        "--format", "pdf", "--out", str(out)], check=True, env=env, stdout=subprocess.DEVNULL)
    return sorted(out.glob("*.pdf"))


def render_first_page(pdf: Path, target: Path, dpi: int) -> Path:
    """``target/<stem>-page1.png`` from page 1 of ``pdf``."""
    stem = target / f"{pdf.stem}-page1"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf), str(stem)],
                   check=True)
    return stem.with_suffix(".png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/renders"))
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for pdf in build(Path(folder)):
            png = render_first_page(pdf, args.out, args.dpi)
            print(f"wrote {png} ({png.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
