"""The parsed-face cache: the same PDF bytes with it, without it, and with a damaged one."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import jjj_brief, pdftotext, qpdf_check

from jjj_brief.writers.pdf import facecache

EPOCH = {"SOURCE_DATE_EPOCH": "1729814400"}
SERIF_SC = Path(facecache.__file__).resolve().parents[2] / "fonts" / "NotoSerifSC-Regular.ttf"


def build_zh(out: Path, cache: Path | str, *, off: bool = False) -> bytes:
    env = {**EPOCH, "XDG_CACHE_HOME": str(cache), "JJJ_BRIEF_NO_CACHE": "1" if off else ""}
    run = jjj_brief("build", "--lang", "zh", "--format", "pdf", "--out", out, env=env)
    assert run.code == 0, run.err
    assert "font" not in run.err.lower()
    pdf = out / "briefing-zh.pdf"
    qpdf_check(pdf)
    assert "京津冀" in pdftotext(pdf)
    return pdf.read_bytes()


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "jjj-brief").glob("faces-*/*.face"))


@pytest.fixture(scope="module")
def uncached(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The Chinese PDF written with the faces exactly as reportlab parses them (no cache, no
    compact face), in a fresh process: the reference every other way must match."""
    reference = (
        "import sys\n"
        "from reportlab.pdfbase.ttfonts import TTFont\n"
        "from jjj_brief.writers.pdf import facecache\n"
        "facecache.load_font = lambda name, path, index=0: TTFont(name, str(path), subfontIndex=index)\n"
        "from jjj_brief.api import render, to_pdf\n"
        "sys.stdout.buffer.write(to_pdf(render(lang='zh')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", reference],
        capture_output=True,
        check=True,
        timeout=300,
        env={**os.environ, **EPOCH, "JJJ_BRIEF_NO_CACHE": "1"},
    )
    pdf = tmp_path_factory.mktemp("reference") / "briefing-zh.pdf"
    pdf.write_bytes(done.stdout)
    qpdf_check(pdf)
    assert build_zh(tmp_path_factory.mktemp("off"), tmp_path_factory.mktemp("unused"), off=True) == done.stdout
    return done.stdout


def test_a_pdf_is_byte_identical_parsed_and_from_the_cache(tmp_path: Path, uncached: bytes) -> None:
    cache = tmp_path / "cache"
    assert build_zh(tmp_path / "first", cache) == uncached  # parses, fills the cache
    stored = entries(cache)
    assert len(stored) >= 3  # a Latin face and the two CJK faces a Chinese page needs
    before = {p: p.stat().st_mtime_ns for p in stored}
    assert build_zh(tmp_path / "second", cache) == uncached  # reads the cache
    assert {p: p.stat().st_mtime_ns for p in entries(cache)} == before  # and did not rewrite it


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "wrong shape"])
def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path: Path, uncached: bytes, damage: str) -> None:
    cache = tmp_path / "cache"
    build_zh(tmp_path / "fill", cache)
    stored = entries(cache)
    whole = {p: p.read_bytes() for p in stored}
    for path, data in whole.items():
        path.write_bytes(_damaged(data, damage))
    assert build_zh(tmp_path / "again", cache) == uncached
    assert {p: p.read_bytes() for p in entries(cache)} == whole  # rewritten whole
    assert not list((cache / "jjj-brief").glob("faces-*/.*.part"))  # no temporary left behind


def _damaged(data: bytes, how: str) -> bytes:
    if how == "truncated":
        return data[: len(data) // 2]
    if how == "garbage":
        return data[:16] + bytes(len(data) - 16)
    if how == "empty":
        return b""
    payload = marshal.dumps({"face": {"charToGlyph": {}}, "names": {}, "font": {}})  # a valid checksum
    return facecache._HEADER.pack(facecache._MAGIC, facecache.FORMAT, zlib.crc32(payload)) + payload


def test_no_usable_cache_folder_is_no_problem(tmp_path: Path, uncached: bytes) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert build_zh(tmp_path / "out", blocked) == uncached


def test_a_rebuilt_font_measures_and_covers_as_the_parsed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("JJJ_BRIEF_NO_CACHE", raising=False)
    facecache.load_font("JJJ-test-parsed", SERIF_SC)  # fills the cache
    rebuilt = facecache.load_font("JJJ-test-cached", SERIF_SC)
    parsed = TTFont("JJJ-test-reference", str(SERIF_SC))
    assert rebuilt.face.charToGlyph == parsed.face.charToGlyph and len(parsed.face.charToGlyph) > 20000
    text = "京津冀协同发展 2.43万亿元"
    assert rebuilt.stringWidth(text, 10.5) == parsed.stringWidth(text, 10.5) > 0
    assert rebuilt.face.makeSubset([ord(c) for c in "京津冀"]) == parsed.face.makeSubset([ord(c) for c in "京津冀"])
    assert rebuilt.face.name == parsed.face.name and rebuilt.face.name.ustr == parsed.face.name.ustr
    glyph = parsed.face.charToGlyph[ord("京")]
    assert ord("京") in rebuilt.face.glyphToChar[glyph] and parsed.face.glyphToChar[glyph] == [ord("京")]
    assert rebuilt.face.hmetrics[glyph] == parsed.face.hmetrics[glyph] and len(rebuilt.face.hmetrics) > 20000


def test_a_font_file_changed_in_place_is_never_served_from_its_old_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JJJ_BRIEF_NO_CACHE", raising=False)
    fonts = SERIF_SC.parent
    face = tmp_path / "Face.ttf"
    face.write_bytes((fonts / "NotoSerif-Regular.ttf").read_bytes())
    before = facecache.load_font("JJJ-test-before", face)
    assert facecache.load_font("JJJ-test-before-again", face).face.name == before.face.name  # from the cache
    face.write_bytes((fonts / "NotoSans-Bold.ttf").read_bytes())  # same path, same inode, new bytes
    after = facecache.load_font("JJJ-test-after", face)
    assert after.face.name != before.face.name and after.face.name.ustr.startswith(("NotoSans", "JJJSans"))
    assert len(list((tmp_path / "cache").rglob("*.face"))) == 2


def test_entries_of_an_older_cache_format_are_removed(tmp_path: Path, uncached: bytes) -> None:
    cache = tmp_path / "cache"
    stale = cache / "jjj-brief" / "faces-0" / "old.face"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an older jjj-brief's entry")
    assert build_zh(tmp_path / "out", cache) == uncached
    assert not stale.parent.exists() and entries(cache)
