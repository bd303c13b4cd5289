"""The Jinja2 environment: sandboxed, strict, autoescaping, translated — built once, never changed.

All configuration lives on one :class:`~jinja2.sandbox.SandboxedEnvironment`
(as Jinja2 itself recommends).  Templates are untrusted input: the sandbox
blocks ``''.__class__``-style escapes, ``StrictUndefined`` makes a misspelt
name an error instead of an empty string, and XML autoescaping makes every
label text rather than markup.

One environment per template folder and process compiles each template once.
It is never mutated after it is made: what differs between renders (the
language's translations, the filters bound to one briefing's facts and locale)
travels in a :class:`RenderScope` held by a context variable for the length of
one render.  The environment's filters and gettext functions are fixed
delegates that look the scope up, so two renders in two threads cannot see
each other's language, and a template cannot reach or replace the scope.

Rendering keeps, for every line of the output, the template file and line that
produced it (:class:`Rendered`), so a markup mistake is reported at the
template's own line, not at a line of output it never sees.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from jjj_brief.errors import Location, TemplateError
from jjj_brief.rendering.filters import FILTER_NAMES
from jjj_brief.rendering.sandbox import BriefSandbox, Budget, FolderLoader, time_limit
from jjj_brief.rendering.template_errors import (
    located_error,
    source_line,
    template_frame_location,
    template_source,
)
from jjj_brief.usercache import cache_folder

MAX_BYTECODE_BYTES = 2_000_000
MAX_NESTING = 40  # includes and blocks within each other; a briefing uses two or three


@dataclass(frozen=True)
class RenderScope:
    """What one render binds: its filters (by name), its language's translations, and what
    it may still spend (output and time, see :mod:`.sandbox`)."""

    filters: Mapping[str, Callable[..., Any]]
    translations: Any
    budget: Budget = field(default_factory=Budget)


_SCOPE: ContextVar[RenderScope] = ContextVar("jjj_brief_render_scope")


@cache
def make_environment(template_dir: Path) -> SandboxedEnvironment:
    """The environment loading from ``template_dir``, one per process and folder."""
    env = BriefSandbox(  # immutable: also refuses list/dict/set mutation from templates
        budget=lambda: _SCOPE.get().budget,
        loader=FolderLoader(str(template_dir)),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update({name: _delegate(name) for name in FILTER_NAMES})
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def _delegate(name: str) -> Callable[..., Any]:
    """A filter that calls the current render's filter ``name``."""

    def run(*args: Any, **kwargs: Any) -> Any:
        return _SCOPE.get().filters[name](*args, **kwargs)

    run.__name__ = name
    return run


def _gettext(message: str) -> str:
    return str(_SCOPE.get().translations.gettext(message))


def _ngettext(singular: str, plural: str, n: int) -> str:
    return str(_SCOPE.get().translations.ngettext(singular, plural, n))


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's cache folder: compiling the default template
    costs ~0.15 s, loading it back ~2 ms.  Jinja2 keys entries by template source, so an
    edited template is recompiled; without a writable cache folder, templates are compiled
    each run."""
    folder = cache_folder(f"jinja-{jinja2.__version__}")
    return _BoundedBytecodeCache(str(folder)) if folder is not None else None


class _BoundedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Keeps compiled templates of a sane size only: a template's own code is kilobytes, so a
    large entry can only be a template that folds a huge constant, which is not kept."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if len(bucket.bytecode_to_string()) <= MAX_BYTECODE_BYTES:
            super().dump_bytecode(bucket)


@dataclass(frozen=True)
class Rendered:
    """A template's output, and for each output line the template line that wrote it."""

    text: str
    origins: tuple[Location, ...]
    env: SandboxedEnvironment

    def locate(self, line: int | None) -> Location:
        """The template location of output line ``line`` (1-based), with nothing better the
        top template."""
        if line is None or not self.origins:
            return Location(self.origins[0].file if self.origins else "template")
        return self.origins[min(max(line, 1), len(self.origins)) - 1]

    def source_line(self, where: Location) -> str:
        """The text of a template line, for printing under an error."""
        return source_line(self.env, where)


def render(
    env: SandboxedEnvironment,
    name: str,
    context: Mapping[str, Any],
    filters: Mapping[str, Callable[..., Any]],
    translations: Any,
) -> Rendered:
    """Render template ``name`` with one render's filters and translations; every failure
    becomes a located :class:`~jjj_brief.errors.TemplateError` with its source line."""
    scope = RenderScope(filters, translations)
    token = _SCOPE.set(scope)
    try:
        with time_limit():
            template = env.get_template(name)
            chunks = _render_chunks(template, context, scope.budget)
    except Exception as exc:
        raise located_error(exc, env, name) from None
    finally:
        _SCOPE.reset(token)
    return _assemble(chunks, env)


@dataclass(frozen=True)
class _Piece:
    """A piece of output as Jinja2 yields it, and the template line it starts on; literal
    template text advances a line with each newline, an expression's output does not."""

    text: str
    start: Location
    literal: bool

    def line_at(self, index: int) -> Location:
        """The template location of the piece's ``index``-th line (0-based)."""
        if not self.literal or self.start.line is None:
            return self.start
        return Location(self.start.file, self.start.line + index)


def _render_chunks(template: jinja2.Template, context: Mapping[str, Any], budget: Budget) -> list[_Piece]:
    """The output in pieces, each knowing where it starts in a template."""
    ctx = template.new_context(dict(context))
    stream = template.root_render_func(ctx)
    sources = _Sources(template.environment)
    chunks: list[_Piece] = []
    try:
        for chunk in stream:
            budget.spend(len(chunk))
            chunks.append(sources.piece(chunk, _innermost_location(stream, template)))
    except Exception:
        template.environment.handle_exception()
    return chunks


def _innermost_location(stream: Any, template: jinja2.Template) -> Location:
    """Where the generator that yielded the last chunk stands: follow ``yield from`` (blocks,
    imports) and ``{% include %}``'s ``gen`` down to the innermost template frame."""
    frame = stream.gi_frame
    depth = 0
    while frame is not None:
        inner = getattr(stream, "gi_yieldfrom", None) or frame.f_locals.get("gen")
        if inner is None or getattr(inner, "gi_frame", None) is None:
            break
        stream, frame, depth = inner, inner.gi_frame, depth + 1
        if depth > MAX_NESTING:
            raise TemplateError(
                f"the template went past a limit: templates include or extend each other more than {MAX_NESTING} deep",
                template_frame_location(frame, template),
                hint="an include that reaches itself needs a condition that stops it",
            )
    if frame is None:
        return Location(template.filename or template.name or "template")
    return template_frame_location(frame, template)


class _Sources:
    """Template sources by file, to find where a piece of literal template text starts.

    Jinja2 credits a run of literal text to the last statement before it (the ``for`` of a
    loop that ended above it, say), so the line of a yield is only where to start looking:
    literal text is found in the source from there, and its own lines counted."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.texts: dict[str, str] = {}
        self.line_starts: dict[str, list[int]] = {}  # offset of each line's first character

    def piece(self, chunk: str, near: Location) -> _Piece:
        if near.line is None or not chunk.strip():
            return _Piece(chunk, near, literal=False)
        text = self.texts.get(near.file)
        if text is None:  # read once per render, not once per piece of output
            text = self.texts[near.file] = template_source(self.env, near.file)
            self.line_starts[near.file] = [0, *(n + 1 for n, c in enumerate(text) if c == "\n")]
        starts = self.line_starts[near.file]
        line_start = starts[near.line - 1] if 0 < near.line <= len(starts) else -1
        found = text.find(chunk, line_start) if line_start >= 0 else -1
        if found < 0:  # printed by an expression
            return _Piece(chunk, near, literal=False)
        return _Piece(chunk, Location(near.file, text.count("\n", 0, found) + 1), literal=True)


def _assemble(chunks: list[_Piece], env: SandboxedEnvironment) -> Rendered:
    """Join the pieces; each output line is credited to the first piece that puts anything
    but white space on it (a line of pure indentation to the piece that starts it)."""
    text = "".join(piece.text for piece in chunks)
    origins: list[Location] = []
    owner: Location | None = None
    settled = False
    for piece in chunks:
        for index, part in enumerate(piece.text.split("\n")):
            where = piece.line_at(index)
            if index:
                origins.append(owner or where)
                owner, settled = None, False
            if owner is None or (not settled and part.strip()):
                owner, settled = where, bool(part.strip())
    origins.append(owner or Location("template"))
    return Rendered(text, tuple(origins), env)
