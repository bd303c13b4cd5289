"""Files that appear whole or not at all, and a set of files that changes all together or not at all.

Every file jjj-brief writes (briefings, ledgers, catalogs) is written to a
temporary sibling in the same folder and renamed into place: a rename within
one file system is atomic, so a reader never sees half a file.  A build's files
are published together (:func:`publish_all`): every target is checked before the
first rename, and if a rename still fails the files already replaced are put
back, so the output folder changes only when every file succeeded.

Temporary names carry the writing process's id (``.briefing-zh.pdf.1234.x7.part``),
so a build killed with SIGKILL, which runs no clean-up, leaves files that the next
build recognises as a dead process's and removes.  A failure to write becomes a
:class:`~jjj_brief.errors.BriefError` naming the path, with a hint that fits the cause.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

from jjj_brief.errors import BriefError, Location

_TEMPORARY = re.compile(r"^\..+\.(?P<pid>\d+)\.[^.]+\.(?:part|bak)$")


def temporary_sibling(final: Path, suffix: str = ".part") -> Path:
    """An empty, uniquely named hidden file beside ``final``, created now so two builds into
    one folder never collide; its name carries this process's id."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{final.name}.{os.getpid()}.", suffix=suffix, dir=final.parent)
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
    publish_all({path: data})


def publish_all(files: dict[Path, bytes]) -> list[Path]:
    """Put every file in place, or change nothing.

    Each file is staged beside its target, every target is checked, and only then are
    they renamed; a rename that still fails (a file made immutable meanwhile) puts back
    what was already replaced.  Temporary files never outlive the call.
    """
    for folder in {path.parent for path in files}:
        remove_dead_leftovers(folder)
    staged: list[tuple[Path, Path]] = []
    try:
        for final, data in files.items():
            staged.append((temporary_sibling(final), final))
            _fill(staged[-1][0], final, data)
        for _, final in staged:
            _check_target(final)
        _rename_all(staged)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [final for _, final in staged]


def _fill(temporary: Path, final: Path, data: bytes) -> None:
    try:
        temporary.write_bytes(data)
    except OSError as exc:
        raise unwritable(final, exc) from None


def _check_target(final: Path) -> None:
    """Refuse before any rename what a rename would fail on: a folder or a special file."""
    if final.is_symlink() or not final.exists():
        return
    if final.is_dir():
        raise BriefError(
            "a folder is in the way of this output file",
            Location.of(final),
            hint="move or rename that folder, or choose another output folder (--out)",
        )
    if not final.is_file():
        raise BriefError(
            "something that is not a regular file is in the way of this output file",
            Location.of(final),
            hint="remove it, or choose another output folder (--out)",
        )


def _rename_all(staged: list[tuple[Path, Path]]) -> None:
    """Rename each staged file into place, keeping what it replaces until all are done."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for temporary, final in staged:
            backup = _keep_previous(final)
            done.append((final, backup))
            publish(temporary, final)
    except BaseException:
        _put_back(done)
        raise
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)


def _keep_previous(final: Path) -> Path | None:
    """A hard link to the file about to be replaced (None when there is none)."""
    if not final.is_file() or final.is_symlink():
        return None
    backup = temporary_sibling(final, suffix=".bak")
    try:
        backup.unlink()
        os.link(final, backup)
    except OSError as exc:
        backup.unlink(missing_ok=True)
        raise unwritable(final, exc) from None
    return backup


def _put_back(done: list[tuple[Path, Path | None]]) -> None:
    """Undo the renames made so far: previous files back, new files removed."""
    for final, backup in reversed(done):
        try:
            if backup is not None:
                os.replace(backup, final)
            else:
                final.unlink(missing_ok=True)
        except OSError:
            continue  # best effort: the error that started this is the one to report


def remove_dead_leftovers(folder: Path) -> list[Path]:
    """Remove temporary files that builds killed without clean-up left in ``folder``: those
    named with the id of a process that no longer exists."""
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(".")]
    except OSError:
        return removed
    for name in names:
        found = _TEMPORARY.match(name)
        if found and not _alive(int(found["pid"])):
            path = folder / name
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def unwritable(path: Path, exc: OSError) -> BriefError:
    """The error for a path we cannot write, with the advice that fits its cause."""
    reason = exc.strerror or type(exc).__name__
    code = exc.errno
    if code == errno.ENOENT and any(p.is_dir() for p in (path, path.parent)):
        code = errno.EPERM  # /proc/x: the folder exists but refuses new entries; nothing is missing
    return BriefError(f"cannot write here: {reason}", Location.of(path), hint=_advice(code))


_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space, or choose another output folder (--out)",
    errno.EDQUOT: "the disk quota is used up: free some space, or choose another output folder (--out)",
    errno.EACCES: "you may not write here: choose a folder you can write (--out), or change its permissions",
    errno.EPERM: "this place is protected (read-only, immutable or a system folder): choose another "
    "output folder (--out)",
    errno.EROFS: "this file system is read-only: choose another output folder (--out)",
    errno.ENOTDIR: "a file is in the way where a folder should be: choose another output folder (--out) "
    "or move the file",
    errno.EEXIST: "a file is in the way where a folder should be: choose another output folder (--out) "
    "or move the file",
    errno.EISDIR: "a folder is in the way where a file should be: move it, or choose another output folder (--out)",
    errno.ENOTEMPTY: "a folder is in the way where a file should be: move it, or choose another output folder (--out)",
    errno.ENOENT: "a folder on the way is missing: create it, or choose another output folder (--out)",
}


def _advice(code: int | None) -> str:
    return _ADVICE.get(code or 0, "choose another output folder (--out)")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
