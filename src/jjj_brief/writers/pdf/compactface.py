"""A cached font face that keeps its per-glyph tables as arrays and reads glyphs in place.

A parsed CJK face holds, per glyph, a tuple of metrics, a glyph offset and a list of the
characters mapped to it: ~23,000 of each, ~8 MB of Python objects per face, and a
Chinese PDF uses three faces.  Subsetting then copies the whole ``glyf`` table (most of
the file, 6-9 MB) to cut a few hundred glyphs out of it, once per 256-character subset.
:class:`CompactFace` is a ``TTFontFace`` rebuilt from the face cache (:mod:`.facecache`)
whose metrics and offsets are two arrays, whose glyph-to-characters map is derived only
if something asks for it (reportlab reads it only while parsing), and whose ``glyf``
table is a window onto the mapped file, read glyph by glyph.  The subset reportlab
makes from it, and so the PDF, is byte-identical.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from reportlab.pdfbase.ttfonts import TTFontFace

#: Per-glyph tables kept as arrays: attribute → (typecode, entries per glyph, extra entries).
ARRAYS = {"hmetrics": ("H", 2, 0), "glyphPos": ("I", 1, 1)}
#: Kept by no compact face: derived on demand.
DERIVED = ("glyphToChar",)


class HMetrics(Sequence):
    """``face.hmetrics[glyph]`` → ``(advance, left side bearing)`` from one flat array."""

    def __init__(self, flat: array) -> None:
        self.flat = flat

    def __len__(self) -> int:
        return len(self.flat) // 2

    def __getitem__(self, glyph: Any) -> Any:
        if isinstance(glyph, slice):
            return [self[i] for i in range(*glyph.indices(len(self)))]
        return self.flat[2 * glyph], self.flat[2 * glyph + 1]


class GlyphWindow:
    """The ``glyf`` table as slices of the mapped file, read only where a glyph is cut."""

    def __init__(self, data: Any, start: int, length: int) -> None:
        self.data, self.start, self.length = data, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, part: slice) -> bytes:
        first, stop, _ = part.indices(self.length)
        return bytes(self.data[self.start + first : self.start + max(first, stop)])


class CompactFace(TTFontFace):
    """A ``TTFontFace`` rebuilt from stored state (never parsed: see :mod:`.facecache`)."""

    @cached_property
    def glyphToChar(self) -> dict[int, list[int]]:  # reportlab's attribute name
        inverse: dict[int, list[int]] = {}
        for char, glyph in self.charToGlyph.items():
            inverse.setdefault(glyph, []).append(char)
        return inverse

    def get_table(self, tag: str) -> Any:
        if tag == "glyf":
            start, length = self.get_table_pos(tag)
            return GlyphWindow(self._ttf_data, start, length)
        return super().get_table(tag)


def packed(state: dict[str, Any]) -> dict[str, Any]:
    """A face's state with the per-glyph tables as array bytes and the derived ones left out."""
    out = {key: value for key, value in state.items() if key not in DERIVED}
    for key, (code, _, _) in ARRAYS.items():
        flat = [n for entry in state[key] for n in (entry if isinstance(entry, tuple) else (entry,))]
        out[key] = array(code, flat).tobytes()
    return out


def unpacked(state: dict[str, Any]) -> dict[str, Any] | None:
    """The stored state with its arrays rebuilt; None if their sizes do not fit the face."""
    out = dict(state)
    glyphs = state.get("numGlyphs")
    for key, (code, per_glyph, extra) in ARRAYS.items():
        raw = state.get(key)
        if not isinstance(raw, bytes) or not isinstance(glyphs, int):
            return None
        flat = array(code)
        flat.frombytes(raw)
        if len(flat) != (glyphs + extra) * per_glyph:
            return None
        out[key] = flat
    out["hmetrics"] = HMetrics(out["hmetrics"])
    return out
