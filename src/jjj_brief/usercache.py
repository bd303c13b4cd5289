"""The user's cache folder: work worth keeping between runs, never needed for correctness.

Compiled templates and parsed font faces are kept in ``$XDG_CACHE_HOME/jjj-brief``
(``~/.cache/jjj-brief`` by default).  Everything kept there can be rebuilt from its
source, so a missing, unwritable or damaged cache only costs time: callers treat
``None`` from :func:`cache_folder` as "work without a cache".  ``JJJ_BRIEF_NO_CACHE=1``
turns the cache off (for measuring a cold run, or a read-only home).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(name: str) -> Path | None:
    """The writable folder ``<cache>/jjj-brief/<name>``, made if needed; None when there is none."""
    if os.environ.get("JJJ_BRIEF_NO_CACHE"):
        return None
    try:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        folder = root / "jjj-brief" / name
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    return folder if os.access(folder, os.W_OK) else None
