"""Template failures as errors a template author can act on: file, line, and the line itself.

Jinja2 rewrites tracebacks so that template frames carry the template's file name and
line; :func:`located_error` turns every failure a template can provoke into a
:class:`~jjj_brief.errors.TemplateError` (or keeps our own located error) and prints the
offending template line under the message, the shape of Jinja2's ``TemplateSyntaxError``.
"""

from __future__ import annotations

import traceback
from bisect import bisect_right
from types import FrameType
from typing import Any
from weakref import WeakKeyDictionary

import jinja2
from jinja2.sandbox import SecurityError

from jjj_brief.errors import BriefError, Location, TemplateError
from jjj_brief.rendering.sandbox import MAX_RENDER_SECONDS, LimitExceeded, RefusedTemplate


def located_error(exc: Exception, env: jinja2.Environment, name: str) -> BriefError:
    """The error to raise for ``exc``, raised while rendering template ``name``."""
    error = _classify(exc, name)
    if error.location is not None and not error.excerpt:
        error.excerpt = source_line(env, error.location)
    return error


def _classify(exc: Exception, name: str) -> BriefError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(f"template syntax error: {exc.message}", Location(exc.filename or name, exc.lineno))
    if isinstance(exc, jinja2.TemplateNotFound):
        where = Location(name) if exc.name == name else _traceback_location(exc, name)
        why = str(exc.message) if isinstance(exc, RefusedTemplate) else f"template not found: {exc.name}"
        return TemplateError(why, where, hint="a template may include only templates in its own folder")
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(
            f"undefined name: {exc.message}",
            _traceback_location(exc, name),
            hint="check the spelling, or see the README for the names a template can use",
        )
    if isinstance(exc, LimitExceeded):
        given = exc.args[0] if exc.args else None  # raised from the timer thread: no message
        what = str(given) if given else f"it ran for more than {MAX_RENDER_SECONDS:.0f} seconds"
        return TemplateError(
            f"the template went past a limit: {what}",
            _traceback_location(exc, name),
            hint="a briefing needs far less; look for a runaway loop or repetition",
        )
    if isinstance(exc, SecurityError):
        return TemplateError(f"the template tried something the sandbox forbids: {exc}", _traceback_location(exc, name))
    if isinstance(exc, BriefError):
        if exc.location is None:
            exc.location = _traceback_location(exc, name)
        return exc
    if isinstance(exc, RecursionError):
        return TemplateError(
            "the template calls or includes itself without end",
            _traceback_location(exc, name),
            hint="a macro or include that reaches itself needs a condition that stops it",
        )
    if isinstance(exc, MemoryError):
        return TemplateError(
            "the template needed more memory than a briefing can",
            _traceback_location(exc, name),
            hint="look for a string or list that grows in a loop",
        )
    # Anything else a template provokes through a filter or a call (|change(basis="yoy"),
    # b.label("nope"), "abc"|figure, 1/0): the template line is what the author needs.
    return TemplateError(
        f"{type(exc).__name__} in the template: {exc}",
        _traceback_location(exc, name),
        hint="check the arguments of the filter or call on this line (see the README)",
    )


def _traceback_location(exc: BaseException, name: str) -> Location:
    """The innermost template frame of a render-time error."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return Location(frame.filename, frame.lineno)
    return Location(name)


def template_frame_location(frame: FrameType, fallback: jinja2.Template) -> Location:
    """The template file and line a suspended frame of compiled template code stands at."""
    template = frame.f_globals.get("__jinja_template__", fallback)
    return Location(template.filename or template.name or "template", _template_line(template, frame.f_lineno))


_LINE_MAPS: WeakKeyDictionary[jinja2.Template, tuple[list[int], list[int]]] = WeakKeyDictionary()


def _template_line(template: jinja2.Template, code_line: int) -> int:
    """``template.get_corresponding_lineno(code_line)``, without re-parsing the template's
    debug info on every call (Jinja2 does, and a render asks once per piece of output)."""
    known = _LINE_MAPS.get(template)
    if known is None:
        pairs = sorted(template.debug_info, key=lambda pair: pair[1])  # (template line, code line)
        known = _LINE_MAPS[template] = ([code for _, code in pairs], [line for line, _ in pairs])
    code_lines, template_lines = known
    at = bisect_right(code_lines, code_line)
    return template_lines[at - 1] if at else 1


def source_line(env: jinja2.Environment, where: Location) -> str:
    """The text of ``where``'s line in a template of ``env`` ("" when it cannot be had)."""
    if where.line is None or env.loader is None:
        return ""
    source = template_source(env, where.file)
    lines = source.splitlines()
    return lines[where.line - 1] if 0 < where.line <= len(lines) else ""


def template_source(env: jinja2.Environment, file: str) -> str:
    """A template's source by its file name, as the loader read it."""
    loader: Any = env.loader
    for folder in getattr(loader, "searchpath", ()):
        prefix = f"{folder.rstrip('/')}/"
        if file.startswith(prefix):
            try:
                return str(loader.get_source(env, file[len(prefix) :])[0])
            except jinja2.TemplateNotFound:
                return ""
    return ""
