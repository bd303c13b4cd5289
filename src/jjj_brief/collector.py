"""Holding Python's cycle collector while a burst of acyclic objects is made.

Loading 20,000 facts, or a parsed font face from the cache, creates hundreds of
thousands of small objects (YAML nodes, dict entries, tuples) and no reference
cycles: reference counting frees them.  Yet every few hundred allocations the
cycle collector runs, and its older generations walk everything alive, so the
collections cost a third of loading a large store and most of reading a cached
face in a process that has already rendered documents.  :func:`paused` holds the
collector for such a burst and restores it after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cycle collection inside the block; the collector is as it was after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
