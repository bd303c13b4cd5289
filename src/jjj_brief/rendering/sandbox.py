"""Limits for untrusted templates: what Jinja2's sandbox leaves open, closed.

The sandbox stops attribute escapes (``''.__class__``) but not arithmetic that eats the
machine: ``'a' * 10**9``, ``([1] * 10**9)|length``, ``9**(9**9)``, ten thousand times ten
thousand loop turns, ``lipsum(n=10**6)``.  :class:`BriefSandbox` intercepts ``*`` and ``**``
(which also keeps Jinja2's optimizer from folding such constants at compile time, which would
compute them, and cache the result, before any render), gives templates a ``range`` that
counts against the render's budget, drops ``lipsum``, and refuses templates that reach
outside their folder through a symbolic link.  A render's budget (:class:`Budget`) caps its
output and its time; exceeding either is a located template error, never a hang.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from jjj_brief.errors import TemplateError
from jjj_brief.inputfiles import read_utf8

MAX_OUTPUT_CHARS = 4_000_000  # a long briefing renders to ~60,000 characters
MAX_RENDER_SECONDS = float(os.environ.get("JJJ_BRIEF_RENDER_SECONDS") or 20.0)
MAX_SEQUENCE = 100_000  # the longest string or list a * may make; also range()'s limit
MAX_POWER_BITS = 4_096  # 2**4096 is far beyond any figure
MAX_TEMPLATE_BYTES = 1_000_000


UNBOUNDED_FILTERS = ("center", "indent", "wordwrap", "format", "pprint", "urlize")
"""Built-in filters whose output size a template controls by a number (``'a'|center(10**9)``)."""


class LimitExceeded(SecurityError):
    """A template asked for more than a briefing can need."""


@dataclass
class Budget:
    """What one render may still spend: output characters and time."""

    deadline: float = field(default_factory=lambda: time.monotonic() + MAX_RENDER_SECONDS)
    output: int = 0

    def spend(self, chars: int = 0) -> None:
        self.output += chars
        if self.output > MAX_OUTPUT_CHARS:
            raise LimitExceeded(f"the template's output passed {MAX_OUTPUT_CHARS:,} characters")
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"the template ran for more than {MAX_RENDER_SECONDS:.0f} seconds")


class BriefSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with bounded arithmetic; ``budget`` gives the current render's
    :class:`Budget` (it lives outside the environment, which is shared by renders)."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, budget: Callable[[], Budget], **options: Any) -> None:
        super().__init__(**options)
        self.budget = budget
        self.globals.pop("lipsum", None)
        self.globals["range"] = self.bounded_range
        for name in UNBOUNDED_FILTERS:
            self.filters.pop(name, None)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            _check_length(len(left) + len(right))
        return super().call_binop(context, operator, left, right)

    def bounded_range(self, *args: int) -> Iterator[int]:
        """``range`` whose turns count against the render's time."""
        numbers = range(*args)
        if len(numbers) > MAX_SEQUENCE:
            raise LimitExceeded(f"range() of {len(numbers):,} numbers; the most is {MAX_SEQUENCE:,}")
        budget = self.budget()
        for number in numbers:
            budget.spend()
            yield number


def _check_repeat(sequence: Any, times: Any) -> None:
    if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
        _check_length(len(sequence) * max(times, 0))


def _check_length(length: int) -> None:
    if length > MAX_SEQUENCE:
        raise LimitExceeded(f"a string or list of {length:,} items; the most a template may make is {MAX_SEQUENCE:,}")


def _check_power(base: Any, exponent: Any) -> None:
    too_big = (
        isinstance(base, int)
        and isinstance(exponent, int)
        and abs(base) > 1
        and (exponent * abs(base).bit_length() > MAX_POWER_BITS)
    )
    if too_big:
        raise LimitExceeded(f"{base} ** {exponent} is too large a number for a template")


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`LimitExceeded` in this thread if the block runs longer than ``seconds``.

    A template loop over a long string or list runs in Python without touching anything the
    sandbox sees, so the limit is enforced from outside: a timer thread raises the error in
    the rendering thread (asynchronously, at its next bytecode), which works in any thread —
    a worker of a process pool or of a dask cluster — where an alarm signal would not.
    """
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(LimitExceeded))

    # Later than the render's own budget (checked between pieces of output and range turns),
    # so the cooperative check ends ordinary runaway renders and this one only what it cannot see.
    timer = threading.Timer(MAX_RENDER_SECONDS * 1.25 + 1 if seconds is None else seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            if state["fired"]:  # delivered, or still pending: never let it land outside the block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


class RefusedTemplate(jinja2.TemplateNotFound):
    """A template the loader will not read, with the reason (outside the folder, a folder…)."""


class FolderLoader(jinja2.FileSystemLoader):
    """Loads templates from one folder only: a symbolic link that leads outside it, a
    folder or a special file is refused; a file over :data:`MAX_TEMPLATE_BYTES` or not in
    UTF-8 is a located error (the line of its first bad byte)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        folder = Path(self.searchpath[0]).resolve()
        path = Path(os.path.normpath(folder / template))
        real = path.resolve()
        if real != folder and folder not in real.parents:
            raise RefusedTemplate(template, f"{template!r} leads outside the template folder")
        if path.is_dir():
            raise RefusedTemplate(template, f"{template!r} is a folder, not a template file")
        if path.exists() and not path.is_file():
            raise RefusedTemplate(template, f"{template!r} is not a regular file")
        if not path.is_file():
            raise jinja2.TemplateNotFound(template)
        source = read_utf8(path, MAX_TEMPLATE_BYTES, "template", TemplateError)  # located, bounded
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime
