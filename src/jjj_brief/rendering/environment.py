"""The Jinja2 environment: sandboxed, strict, autoescaping, translated.

All configuration lives on one :class:`~jinja2.sandbox.SandboxedEnvironment`
(as Jinja2 itself recommends).  Templates are untrusted input: the sandbox
blocks ``''.__class__``-style escapes, ``StrictUndefined`` makes a misspelt
name an error instead of an empty string, and XML autoescaping makes every
label text rather than markup.  Errors are re-raised as
:class:`~jjj_brief.errors.TemplateError` naming the template file and line.
"""

from __future__ import annotations

import os
import traceback
from functools import cache
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment, SecurityError

from jjj_brief.errors import BriefError, Location, TemplateError

TEMPLATE_SUFFIX = ".xml.j2"


@cache
def make_environment(template_dir: Path) -> SandboxedEnvironment:
    """The environment loading from ``template_dir``, one per process and folder so that each
    template is compiled once (compiling costs far more than rendering); each render binds its
    own translations and filters (see :func:`render`)."""
    env = ImmutableSandboxedEnvironment(  # also refuses list/dict/set mutation from templates
        loader=jinja2.FileSystemLoader(str(template_dir)),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's cache folder: compiling the default template
    costs ~0.15 s, loading it back ~2 ms.  Jinja2 keys entries by template source, so an
    edited template is recompiled; without a writable cache folder, templates are compiled
    each run."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = root / "jjj-brief" / f"jinja-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def render(
    env: SandboxedEnvironment,
    name: str,
    context: Mapping[str, Any],
    filters: Mapping[str, Callable[..., Any]],
    translations: Any,
) -> str:
    """Render template ``name`` in one language; every failure becomes a located
    :class:`TemplateError`.  Renders share the environment, so they run one at a time."""
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(filters)
    try:
        template = env.get_template(name)
        return template.render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = Location(exc.filename or name, exc.lineno)
        raise TemplateError(f"template syntax error: {exc.message}", where) from None
    except jinja2.TemplateNotFound as exc:
        where = Location(name) if exc.name == name else _template_location(exc, name)
        raise TemplateError(
            f"template not found: {exc.name}", where,
            hint="a template may include only templates in its own folder",
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"undefined name: {exc.message}", _template_location(exc, name),
            hint="check the spelling, or see the README for the names a template can use",
        ) from None
    except SecurityError as exc:
        raise TemplateError(
            f"the template tried something the sandbox forbids: {exc}",
            _template_location(exc, name),
        ) from None
    except BriefError as exc:
        if exc.location is None:
            exc.location = _template_location(exc, name)
        raise
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # What a template can provoke through a filter or a call: |change(basis="yoy"),
        # b.label("nope"), "abc"|figure, 1/0.  The template line is what the author needs.
        raise TemplateError(
            f"{type(exc).__name__} in the template: {exc}", _template_location(exc, name),
            hint="check the arguments of the filter or call on this line (see the README)",
        ) from None


def _template_location(exc: BaseException, name: str) -> Location:
    """The innermost template frame of a render-time error (Jinja2 rewrites tracebacks so
    template frames carry the template's file name and line)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(TEMPLATE_SUFFIX) or frame.filename.endswith(".j2"):
            return Location(frame.filename, frame.lineno)
    return Location(name)
