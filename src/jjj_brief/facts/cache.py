"""Fact files read before, kept as flat records: a large store loads without composing YAML.

Composing YAML and reading every node of a 20,000-fact store costs ~0.5 s, most of a
one-region build from it; rebuilding the same facts from flat records costs a fifth.
A YAML file that holds nothing but a ``facts:`` list (the shape of bulk data) and loaded
without a problem is remembered here, in the user's cache folder
(:mod:`jjj_brief.usercache`): one entry per file path, holding the SHA-256 of the file's
bytes and of the code that reads facts, a CRC-32, and one record per fact (its fields as
typed, and the lines of the fact and of the names it refers to).  An entry is used only
when both digests match, so an edited file, or another version of the reader, is read
from the YAML again; a damaged entry is ignored.  The collector still checks every fact
against the others (duplicates across files, unknown regions and sources), so the errors
a store can have are reported as before, at the same ``FILE:LINE``.
"""

from __future__ import annotations

import hashlib
import marshal
import struct
import time
import zlib
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from sys import intern
from typing import Any

from jjj_brief.errors import BriefError, Location
from jjj_brief.facts.model import Fact, Period, PeriodFormError
from jjj_brief.publish import write_atomically
from jjj_brief.usercache import cache_folder

FORMAT = 2
KEEP_DAYS = 30
_MAGIC = b"JJJFACT\x00"
_HEADER = struct.Struct(">8s32s32sI")  # magic, file digest, reader digest, CRC-32 of the payload
_READER_MODULES = ("cache.py", "collect.py", "fields.py", "load.py", "model.py", "yamlnodes.py")
_REFERRED = ("indicator", "region", "source")  # the names a fact refers to, checked across files

Reference = tuple[str, str, Location]  # (kind, key, where the fact names it)


class FactFileCache:
    """Remembered fact files in one cache folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def open(cls) -> FactFileCache | None:
        folder = cache_folder(f"facts-{FORMAT}")
        return cls(folder) if folder is not None else None

    def facts(self, path: Path) -> list[tuple[Fact, list[Reference]]] | None:
        """The facts of ``path`` as read before, each with the names it refers to, or None
        when they must be read again."""
        try:
            raw = self._entry(path).read_bytes()
            magic, file_digest, reader, checksum = _HEADER.unpack_from(raw)
            payload = memoryview(raw)[_HEADER.size :]
            if (magic, file_digest, reader) != (_MAGIC, _digest(path.read_bytes()), _reader_digest()):
                return None
            if zlib.crc32(payload) != checksum:
                return None
            return [_fact(record, path) for record in marshal.loads(payload)]
        except (OSError, ValueError, EOFError, TypeError, struct.error, InvalidOperation, PeriodFormError):
            return None

    def remember(self, path: Path, facts: list[Fact], references: list[Reference]) -> None:
        """Keep the facts read from ``path`` (all of them, in file order, with the three names
        each refers to) for the next run."""
        if len(references) != len(_REFERRED) * len(facts):
            return
        try:
            lines = [where.line or 0 for _, _, where in references]
            records = [
                (
                    f.indicator,
                    f.region,
                    str(f.period),
                    str(f.value),
                    f.source,
                    f.qualifier,
                    f.note,
                    f.basis,
                    f.location.line if f.location and f.location.line else 0,
                    *lines[3 * n : 3 * n + 3],
                )
                for n, f in enumerate(facts)
            ]
            payload = marshal.dumps(records)
            header = _HEADER.pack(_MAGIC, _digest(path.read_bytes()), _reader_digest(), zlib.crc32(payload))
            write_atomically(self._entry(path), header + payload)
            self._forget_old_entries()
        except (OSError, ValueError, BriefError):  # a cache we cannot write only costs time
            return

    def _entry(self, path: Path) -> Path:
        return self.folder / f"{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]}.facts"

    def _forget_old_entries(self) -> None:
        """Remove entries unwritten for :data:`KEEP_DAYS` (files moved, deleted, or long
        unchanged: an unchanged file's entry is then written once more)."""
        oldest = time.time() - KEEP_DAYS * 86400
        for entry in self.folder.glob("*.facts"):
            if entry.stat().st_mtime < oldest:
                entry.unlink(missing_ok=True)


def _fact(record: Any, path: Path) -> tuple[Fact, list[Reference]]:
    indicator, region, period, value, source, qualifier, note, basis, line, *referred = record
    if not all(isinstance(text, str) for text in (indicator, region, period, value, source, note)):
        raise TypeError("not a fact record")
    names = (intern(indicator), intern(region), intern(source))  # repeated across thousands of facts
    where = Location.of(path, line or None)
    fact = Fact(names[0], names[1], Period.parse(period), Decimal(value), names[2], qualifier, note, where, basis)
    references = [
        (kind, key, where if at == line else Location.of(path, at or None))  # one line: one Location
        for kind, key, at in zip(_REFERRED, names, referred)
    ]
    return fact, references


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


@cache
def _reader_digest() -> bytes:
    """The digest of the code that turns YAML into facts: a changed reader reads files afresh."""
    import yaml

    sha = hashlib.sha256(f"{FORMAT} {yaml.__version__}".encode())
    for name in _READER_MODULES:
        sha.update((Path(__file__).parent / name).read_bytes())
    return sha.digest()
