"""Files that appear whole or not at all.

Every file jjj-brief writes (briefings, ledgers, catalogs) is written to a
temporary sibling in the same folder and renamed into place: a rename within
one file system is atomic, so a reader never sees half a file and an
interrupted run leaves the previous file as it was.  A failure to write
becomes a :class:`~jjj_brief.errors.BriefError` naming the path, not a
traceback.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from jjj_brief.errors import BriefError, Location


def temporary_sibling(final: Path) -> Path:
    """An empty, uniquely named file beside ``final`` (hidden, ``.part``), created now so two
    builds into one folder never collide."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    except OSError as exc:
        raise unwritable(final.parent, exc) from None
    os.close(handle)
    return Path(name)


def publish(temporary: Path, final: Path) -> None:
    """Give ``temporary`` ordinary permissions (mkstemp makes 0600) and rename it to ``final``."""
    try:
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, final)
    except OSError as exc:
        raise unwritable(final, exc) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step."""
    temporary = temporary_sibling(path)
    try:
        temporary.write_bytes(data)
        publish(temporary, path)
    except OSError as exc:
        raise unwritable(path, exc) from None
    finally:
        temporary.unlink(missing_ok=True)


def unwritable(path: Path, exc: OSError) -> BriefError:
    """The error for a path we cannot write, in words a user can act on."""
    reason = exc.strerror or type(exc).__name__
    return BriefError(f"cannot write here: {reason}", Location.of(path),
                      hint="choose another output folder (--out), or free some space")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def publish_all(files: dict[Path, bytes]) -> list[Path]:
    """Write every file to a temporary sibling, then rename them all into place.

    Nothing is renamed until every file is staged, so a full disk or a failing file
    leaves the output folder as it was; temporary files never outlive the call.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for final, data in files.items():
            staged.append((temporary_sibling(final), final))
            try:
                staged[-1][0].write_bytes(data)
            except OSError as exc:
                raise unwritable(final, exc) from None
        for temporary, final in staged:
            publish(temporary, final)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [final for _, final in staged]
