"""Regenerate the review renders: page 1 of each research note and every page of the 简报, PDF beside DOCX, as PNG.

    python bench/render_pages.py [--out docs/renders] [--dpi 70]

Builds with the bundled facts into a temporary folder (with SOURCE_DATE_EPOCH
fixed, so the renders change only when the layout does), converts each DOCX
to PDF with LibreOffice as a reader without Word would see it (in one call,
with a throwaway profile), then rasterises the pages with poppler's
``pdftoppm``: ``<stem>-page<N>.png`` for the PDF and ``<stem>-docx-page<N>.png``
for LibreOffice's layout of the DOCX.  Tests never call this: the PNGs are
for people reviewing a layout change, committed only when small.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BUILDS = (("briefing", "en,zh,zh_Hant"), ("jianbao", "zh,zh_Hant"))
EVERY_PAGE = ("jianbao-zh", "jianbao-zh-docx")  # the last page shows the distribution block at the foot
EPOCH = "1729814400"  # 2024-10-25, the seed article's date


def build(out: Path) -> list[Path]:
    """Every PDF to render: the writer's, built by the real command, and LibreOffice's of each DOCX."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    for template, langs in BUILDS:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "jjj_brief.cli",
                "build",
                "--template",
                template,
                "--lang",
                langs,
                "--out",
                str(out),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    converted = out / "docx"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(converted),
            *map(str, sorted(out.glob("*.docx"))),
        ],
        check=True,
        capture_output=True,
        env={**env, "HOME": str(out)},
    )
    for pdf in converted.glob("*.pdf"):
        pdf.rename(out / f"{pdf.stem}-docx.pdf")
    return sorted(out.glob("*.pdf"))


def render_page(pdf: Path, page: int, target: Path, dpi: int) -> Path:
    """``target/<stem>-page<N>.png`` from page ``page`` of ``pdf``."""
    stem = target / f"{pdf.stem}-page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf), str(stem)],
        check=True,
    )
    return stem.with_suffix(".png")


def page_count(pdf: Path) -> int:
    """Pages in ``pdf``, from poppler's ``pdfinfo``."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/renders"))
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None or shutil.which("soffice") is None:
        sys.exit("pdftoppm or soffice not found: apt-get install poppler-utils libreoffice-writer-nogui")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for pdf in build(Path(folder)):
            for page in range(1, (page_count(pdf) if pdf.stem in EVERY_PAGE else 1) + 1):
                png = render_page(pdf, page, args.out, args.dpi)
                print(f"wrote {png} ({png.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
