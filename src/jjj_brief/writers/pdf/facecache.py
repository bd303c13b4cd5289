"""Parsed font faces kept between runs, so a Chinese PDF does not re-read 20,000 glyphs' metrics.

reportlab parses a TrueType file's tables into plain Python data (character → glyph,
widths, horizontal metrics, glyph offsets) every time a font is registered: about
0.1 s for each bundled Chinese face, paid by every run.  This module keeps that data,
as flat builtin dicts and lists written with :mod:`marshal`, in the user's cache folder
(:mod:`jjj_brief.usercache`), keyed by the SHA-256 of the font file and the reportlab
version, and rebuilds the ``TTFont`` from it (about a fifth of the time), as a
:class:`~.compactface.CompactFace`: its per-glyph tables are arrays.  The font
file is mapped, not read: subsetting copies the glyphs a document uses out of it; its
hash is remembered under the file's identity (inode, size, times), so an unchanged
file is not hashed again.

The cache can only cost time, never correctness.  An entry is used only when its
checksum, format and shape are right; anything else (a truncated or damaged file,
another reportlab's layout, a full disk, a read-only home) falls back to parsing the
file as reportlab always did, and the entry is rewritten atomically.  A PDF is
byte-identical with and without the cache.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import re
import shutil
import struct
import sys
import zlib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from reportlab import Version as REPORTLAB_VERSION
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont

from jjj_brief import collector
from jjj_brief.errors import BriefError
from jjj_brief.publish import write_atomically
from jjj_brief.usercache import cache_folder
from jjj_brief.writers.pdf.compactface import CompactFace, packed, unpacked

FORMAT = 2
_MAGIC = b"JJJFACE\x00"
_HEADER = struct.Struct(">8sII")  # magic, format, CRC-32 of the payload
#: Attributes rebuilt here rather than stored: the file's bytes, reportlab's scale function.
_REBUILT = ("_ttf_data", "_pdfScale", "filename", "_pos")
_HEX_DIGEST = re.compile("[0-9a-f]{64}")
#: What an entry must hold, with the type each must have, to be trusted.
_SHAPE = {"charToGlyph": dict, "charWidths": dict, "table": dict, "numGlyphs": int, "unitsPerEm": int}


def load_font(name: str, path: Path, subfont_index: int = 0) -> TTFont:
    """The ``TTFont`` ``name`` for the file at ``path``: from the cache when it holds the
    file's face, else parsed by reportlab (and then cached).  Either way the face is a
    compact one (:mod:`.compactface`), unless reportlab keeps something not plain data."""
    folder = cache_folder(f"faces-{FORMAT}")
    entry = _entry_path(folder, path, subfont_index) if folder is not None else None
    state = _read_entry(entry) if entry is not None else None
    if state is None:
        with collector.paused():
            font = TTFont(name, str(path), subfontIndex=subfont_index)
        payload = _payload(font)
        if payload is None:
            return font
        if entry is not None:
            _write_entry(entry, payload)
        state = _state(payload)
        if state is None:
            return font
    return _rebuild(name, path, _font_data(path), state)


def _entry_path(folder: Path, path: Path, subfont_index: int) -> Path:
    digest = _file_digest(folder, path)
    return folder / f"{digest}-{subfont_index}-reportlab-{REPORTLAB_VERSION}-{sys.byteorder}.face"


def _file_digest(folder: Path, path: Path) -> str:
    """The SHA-256 of the font file, remembered beside the entries under the file's identity
    (device, inode, size, modification and change times; any write to the file changes its
    change time), so a run hashes a 10 MB face only after the file changed."""
    stat = path.stat()
    identity = f"{stat.st_dev} {stat.st_ino} {stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns}"
    memo = folder / f"{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]}.digest"
    try:
        known, _, digest = memo.read_text(encoding="ascii").rpartition(" ")
        if known == identity and _HEX_DIGEST.fullmatch(digest):
            return digest
    except (OSError, ValueError):
        pass
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    digest = sha.hexdigest()
    with suppress(BriefError):  # an unwritable memo: the file is hashed again next time
        write_atomically(memo, f"{identity} {digest}".encode("ascii"))
    return digest


def _font_data(path: Path) -> Any:
    """The font file's bytes for subsetting, mapped rather than read: reportlab slices out
    only the tables and glyphs a document uses (slices of a map are ``bytes``, as before)."""
    try:
        with path.open("rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # a file system without mmap; an empty file
        return path.read_bytes()


def _read_entry(entry: Path) -> dict[str, Any] | None:
    """The stored state, or None when the entry is missing or anything about it is off."""
    try:
        raw = entry.read_bytes()
        magic, version, checksum = _HEADER.unpack_from(raw)
        payload = memoryview(raw)[_HEADER.size :]
        if magic != _MAGIC or version != FORMAT or zlib.crc32(payload) != checksum:
            return None
    except (OSError, struct.error):
        return None
    return _state(payload)


def _state(payload: bytes | memoryview) -> dict[str, Any] | None:
    """A face's state from its marshalled form, or None if it is not one."""
    try:
        with collector.paused():  # a face is ~100,000 acyclic objects: see jjj_brief.collector
            state = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return state if _well_formed(state) else None


def _well_formed(state: Any) -> bool:
    """Whether ``state`` has everything a face needs, in the right shape; its per-glyph
    arrays are rebuilt here (see :func:`.compactface.unpacked`)."""
    if not isinstance(state, dict) or not isinstance(state.get("face"), dict):
        return False
    if not isinstance(state.get("names"), dict) or not isinstance(state.get("font"), dict):
        return False
    face = unpacked(state["face"])
    if face is None or not all(isinstance(face.get(key), kind) for key, kind in _SHAPE.items()):
        return False
    state["face"] = face
    return True


def _payload(font: TTFont) -> bytes | None:
    """``font``'s parsed state, marshalled, or None when some part of it is not plain data (a
    reportlab that keeps something new: that font is then used as reportlab made it)."""
    face: dict[str, Any] = {}
    names: dict[str, list[str]] = {}
    for key, value in vars(font.face).items():
        if key in _REBUILT:
            continue
        if isinstance(value, TTFNameBytes):
            names[key] = [value.ustr]
        else:
            face[key] = value
    plain = {key: value for key, value in vars(font).items() if key not in ("face", "encoding", "state")}
    try:
        return marshal.dumps({"face": packed(face), "names": names, "font": plain})
    except (ValueError, KeyError, TypeError, OverflowError):
        return None


def _write_entry(entry: Path, payload: bytes) -> None:
    try:
        write_atomically(entry, _HEADER.pack(_MAGIC, FORMAT, zlib.crc32(payload)) + payload)
        _forget_other_formats(entry.parent)
    except BriefError:  # a cache we cannot write only costs time
        return


def _forget_other_formats(folder: Path) -> None:
    """Remove the entries of other cache formats (an older jjj-brief's): nothing reads them."""
    for other in folder.parent.glob("faces-*"):
        if other != folder and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)


def _rebuild(name: str, path: Path, data: Any, state: dict[str, Any]) -> TTFont:
    """A ``TTFont`` equal to what ``TTFont(name, path)`` builds, from stored state."""
    from weakref import WeakKeyDictionary

    face = CompactFace.__new__(CompactFace)
    face.__dict__.update(state["face"])
    for key, (text,) in state["names"].items():
        setattr(face, key, TTFNameBytes(text.encode("utf-8")))
    face.filename, face._ttf_data, face._pos = str(path), data, 0  # data: bytes, or a map of them
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(state["font"])
    font.fontName, font.face, font.encoding, font.state = name, face, TTEncoding(), WeakKeyDictionary()
    return font


def _scale(units_per_em: int) -> Callable[[float], float]:
    """Font units → thousandths of an em, as reportlab's own parser defines it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor
