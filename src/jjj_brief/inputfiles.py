"""Reading a user's input file (facts, sheets, catalogs, templates) without trusting what it is.

A path on a command line can name anything: ``/dev/zero`` or ``/dev/urandom`` (endless
bytes: reading them runs to MemoryError), a FIFO (``open`` blocks forever waiting for a
writer), a folder, or a symlink to any of these.  Every reader of user files goes through
:func:`read_bounded`, which accepts regular files only (after following symlinks), never
blocks opening one, and reads at most ``limit`` bytes, so each of those is a located error
instead of a hang or a crash.  :func:`decode_utf8` turns bytes into text with the line of
the first undecodable byte and a word about UTF-16 and byte-order marks, which otherwise
surface far from their cause ("unterminated string" at line 489).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from jjj_brief.errors import BriefError, Location

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    """What a non-regular file is, in words a user recognises."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _megabytes(size: int) -> str:
    """``5 MB``, ``50 MB``, ``1.5 MB``; small limits in bytes."""
    return f"{size / (1024 * 1024):.3g} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def read_bounded(path: str | Path, limit: int, what: str, error: type[BriefError] = BriefError) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``what`` names the file's role in messages (``fact file``, ``catalog``); ``error`` is
    the :class:`BriefError` kind raised, located at ``path``.  The file is opened
    non-blocking and checked with ``fstat`` on the open descriptor, so a FIFO is refused
    rather than waited on, and a file swapped for a device between a check and the read
    is still caught.
    """
    where = Location.of(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror}", where) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            shown = Path(path).resolve() if Path(path).is_symlink() else None
            target = f" (it links to {shown})" if shown else ""
            raise error(
                f"file is {_kind(status.st_mode)}{target}, not a regular file",
                where,
                hint=f"a {what} must be a file saved on disk",
            )
        if status.st_size > limit:  # said without reading a byte
            raise _too_large(error, where, what, limit, status.st_size)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=True) as stream:
            descriptor = -1
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror}", where) from None
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    if len(raw) > limit:  # a file that grew, or one whose size the system does not report
        raise _too_large(error, where, what, limit, None)
    return raw


def _too_large(error: type[BriefError], where: Location, what: str, limit: int, size: int | None) -> BriefError:
    said = f"is {_megabytes(size)}" if size is not None else f"is larger than {_megabytes(limit)}"
    return error(
        f"file {said}; {what}s are limited to {_megabytes(limit)}",
        where,
        hint="split it into several files in one folder" if what == "fact file" else "",
    )


def read_utf8(path: str | Path, limit: int, what: str, error: type[BriefError] = BriefError) -> str:
    """:func:`read_bounded` then :func:`decode_utf8`: a user's text file, or a located error.

    A template loader can return this as its source, so a latin-1 template is refused at the
    line of its first non-UTF-8 byte rather than with a bare UnicodeDecodeError.
    """
    return decode_utf8(read_bounded(path, limit, what, error), path, what, error)


def decode_utf8(raw: bytes, path: str | Path, what: str, error: type[BriefError] = BriefError) -> str:
    """``raw`` as UTF-8 text; a BOM, UTF-16 or other bytes are located errors naming the fix.

    >>> decode_utf8("京".encode(), "a.po", "catalog")
    '京'
    >>> decode_utf8("京".encode("utf-16"), "a.po", "catalog")
    Traceback (most recent call last):
    ...
    jjj_brief.errors.BriefError: a.po:1: file is UTF-16 text; a catalog must be UTF-8 (save it as UTF-8)
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and b"\x00" in raw[:2]):
        raise error(f"file is UTF-16 text; a {what} must be UTF-8", Location.of(path, 1), hint="save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise error(
            "file starts with a byte-order mark (BOM)", Location.of(path, 1), hint="save it as UTF-8 without BOM"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        raise error(
            f"file is not UTF-8 text (byte 0x{byte:02X}); a {what} must be UTF-8",
            Location.of(path, line),
            hint="save it as UTF-8",
        ) from None


#: The same, for ASCII text (most of a fact file): a far smaller class, searched several times faster.
_ASCII_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


def unprintable(text: str) -> tuple[int, str] | None:
    """Where the first character of ``text`` that no document can hold is, and what it is in
    words (``control character U+0007``); None when there is none.

    Control characters (but tab and line ends), lone surrogates and Unicode noncharacters
    (``U+FFFF``) cannot be written into XML, so text holding one breaks the markup far from
    where it came from; readers of facts and catalogs refuse it at its own line.

    >>> unprintable("bell\\x07"), unprintable("\\uffff"), unprintable("tab\\tand\\nline"), unprintable("京")
    ((4, 'control character U+0007'), (0, 'noncharacter U+FFFF'), None, None)
    """
    found = (_ASCII_UNPRINTABLE if text.isascii() else _UNPRINTABLE).search(text)
    if found is None:
        return None
    code = ord(found.group())
    kind = "control character" if code < 0xA0 else "lone surrogate" if 0xD800 <= code <= 0xDFFF else "noncharacter"
    return found.start(), f"{kind} U+{code:04X}"
