"""Template text a catalog does not translate, found while rendering.

gettext prints the English msgid when a catalog lacks a translation; that is
the right fallback for a reader, but a sentence added to a template and never
translated used to reach the Chinese PDF silently.  A render's translations
are wrapped here so every lookup a catalog cannot answer is remembered; after
the render each one becomes a warning at the template line that asked for it
(``templates/briefing.xml.j2:21: warning: zh has no translation …``), and
``build --strict`` turns those warnings into errors.

The lines come from extracting the template folder with Jinja2's Babel
extractor, the same one ``jjj-brief i18n extract`` uses, and only when
something was missed, so a fully translated build pays nothing for it.
"""

from __future__ import annotations

import io
from gettext import GNUTranslations
from pathlib import Path
from typing import Any

from jjj_brief.errors import BriefError, BriefWarning, Location
from jjj_brief.inputfiles import read_bounded
from jjj_brief.rendering.sandbox import MAX_TEMPLATE_BYTES

_EXTRACT_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trim_blocks": "True",
    "lstrip_blocks": "True",
    "newstyle_gettext": "True",
}
_KEYWORDS = ("_", "gettext", "ngettext", "pgettext", "npgettext")


class RecordingTranslations:
    """A compiled catalog that remembers the msgids looked up and not found in it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.missed: list[str] = []

    def _lookup(self, key: Any, msgid: str) -> None:
        if key not in self.inner._catalog and msgid not in self.missed:
            self.missed.append(msgid)

    def gettext(self, message: str) -> str:
        self._lookup(message, message)
        return str(self.inner.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self._lookup((singular, 0), singular)
        return str(self.inner.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> str:
        self._lookup(f"{context}\x04{message}", message)
        return str(self.inner.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        self._lookup((f"{context}\x04{singular}", 0), singular)
        return str(self.inner.npgettext(context, singular, plural, n))

    # Jinja2 looks for the Python 2 names first, and Babel still has them: the wrapper must answer
    # them itself, or the lookups would bypass it.
    ugettext = gettext
    ungettext = ngettext
    upgettext = pgettext
    unpgettext = npgettext

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def recording(translations: Any) -> RecordingTranslations | None:
    """The wrapper for a real catalog; None for the source language (nothing to translate)."""
    return RecordingTranslations(translations) if isinstance(translations, GNUTranslations) else None


def untranslated_warnings(missed: list[str], lang: str, template: Path, catalog: Path | None) -> list[BriefWarning]:
    """One warning per missed msgid, at each template line that uses it (the rendered template's
    own lines first); a phrase of the code, found in no template, is located at the catalog."""
    if not missed:
        return []
    places = message_lines(template.parent)
    own = str(template)
    warnings = []
    for msgid in missed:
        found = sorted(places.get(msgid, []), key=lambda where: (where.file != own, where.file, where.line or 0))
        shown = msgid if len(msgid) <= 60 else f"{msgid[:57]}…"
        fallback: list[Location | None] = [Location(str(catalog)) if catalog else None]
        for where in found[:1] or fallback:
            warnings.append(
                BriefWarning(
                    f"{lang} has no translation for {shown!r}: printed in English (translate it in "
                    f"{catalog or 'the catalog'}; `jjj-brief i18n update` adds it)",
                    where,
                )
            )
    return warnings


def message_lines(folder: Path) -> dict[str, list[Location]]:
    """msgid → where the templates of ``folder`` use it."""
    from jinja2 import TemplateSyntaxError
    from jinja2.ext import babel_extract

    places: dict[str, list[Location]] = {}
    for path in sorted(folder.glob("*.j2")):
        try:  # bounded and non-blocking: a FIFO named x.j2 in the folder used to hang the build here
            raw = read_bounded(path, MAX_TEMPLATE_BYTES, "template")
            found = list(babel_extract(io.BytesIO(raw), _KEYWORDS, (), _EXTRACT_OPTIONS))
        except (BriefError, UnicodeDecodeError, TemplateSyntaxError):
            continue  # a template this build did not render; its own build will say what is wrong
        for line, _, message, _ in found:
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                places.setdefault(msgid, []).append(Location(str(path), line))
    return places
