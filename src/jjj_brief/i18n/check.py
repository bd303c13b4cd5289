"""``jjj-brief i18n check``: the catalog problems that a valid ``.po`` file can still hide.

``msgfmt`` accepts a catalog whose translation dropped ``{amount}``, or in
which a translator typed ``2.34万亿元`` instead of keeping the placeholder;
either would print a wrong figure in a briefing.  So CI checks, per entry,
with the ``.po`` line of the entry:

* untranslated and fuzzy messages (a fuzzy one is left out of the build);
* placeholders that differ between msgid and msgstr, in both syntaxes we use:
  ``%(name)s`` (Jinja ``{% trans %}``; template messages are %-formatted even
  without variables, since the app uses newstyle gettext) and ``{name}``
  (``str.format`` in the localizer and the page label), each plural form too;
* a plural entry with a different number of forms than ``Plural-Forms`` says;
* literal numbers in a msgstr that its msgid does not have: figures come from
  facts, never from a catalog;
* a catalog (or ``messages.pot``) out of date with the templates and code,
  compared with a fresh extraction rather than the committed template, which
  may itself be stale.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jjj_brief.errors import CatalogError, Location
from jjj_brief.i18n.project import Project, active_keys, extract_messages
from jjj_brief.l10n.catalog_markup import markup_problems
from jjj_brief.l10n.catalogs import read_catalog
from jjj_brief.l10n.placeholders import (
    PERCENT,
    form_label,
    forms,
    msgids,
    percent_formatted,
    placeholder_problems,
    plural_count_problems,
    shown,
)

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

_BRACE_FIELD = re.compile(r"\{[^{}]*\}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
REFRESH = "run `jjj-brief i18n extract`, then `jjj-brief i18n update`"


@dataclass(frozen=True)
class CatalogReport:
    """The outcome of checking one catalog (or the message template)."""

    path: Path
    messages: int | None  # None: the file could not be read
    problems: tuple[CatalogError, ...]
    template: bool = False

    def summary(self) -> str:
        """One line per catalog, printed whether or not it is clean."""
        if self.messages is None:
            return f"{self.path}: malformed, not checked further"
        if self.problems:
            return f"{self.path}: {len(self.problems)} problem(s) in {self.messages} messages"
        if self.template:
            return f"{self.path}: ok, {self.messages} messages, up to date with the templates and code"
        return f"{self.path}: ok, {self.messages} messages, all translated"


def check(project: Project) -> list[CatalogReport]:
    """Check the message template and every catalog of ``project`` against its sources."""
    extracted = extract_messages(project)
    reports = []
    if project.template_path.is_file():
        reports.append(_check_file(project, project.template_path, extracted, template=True))
    reports.extend(_check_file(project, path, extracted) for path in project.catalog_paths())
    return reports


def _check_file(project: Project, path: Path, extracted: Catalog, template: bool = False) -> CatalogReport:
    """All problems of one ``.po`` or ``.pot`` file, in line order; a malformed file is one problem."""
    try:
        catalog = read_catalog(path)
    except CatalogError as exc:
        return CatalogReport(path, None, (exc,), template)
    problems = _staleness_problems(project, path, catalog, extracted, template)
    if not template:
        for message in catalog:
            if message.id:
                problems.extend(entry_problems(path, catalog, message))
    problems.sort(key=_position)
    return CatalogReport(path, len(active_keys(catalog)), tuple(problems), template)


def _position(problem: CatalogError) -> tuple[str, int]:
    """Sort key: file, then line, so problems read top to bottom."""
    where = problem.location or Location("")
    return where.file, where.line or 0


def entry_problems(path: Path, catalog: Catalog, message: Any) -> list[CatalogError]:
    """Everything wrong with one translated entry, located at its ``msgid`` line."""
    where = Location.of(path, message.lineno)
    if not all(forms(message.string)):
        return [CatalogError(f"untranslated: {shown(message)}", where, hint="translate it")]
    problems = []
    if message.fuzzy:
        problems.append(
            CatalogError(
                f"fuzzy: {shown(message)}",
                where,
                hint="a guess left out of the build: check it, then remove the fuzzy flag",
            )
        )
    problems.extend(plural_count_problems(path, catalog, message))
    problems.extend(placeholder_problems(path, message))
    problems.extend(markup_problems(path, message))
    problems.extend(_number_problems(path, message))
    return problems


# -- literal numbers -------------------------------------------------------------------------


def literal_numbers(text: str, percent_formatted: bool = False) -> set[str]:
    """The numbers written out in ``text``, placeholders excluded, full-width digits folded.

    >>> sorted(literal_numbers("{amount}元，表１，2.34万亿"))
    ['1', '2.34']
    """
    text = _BRACE_FIELD.sub(" ", text)
    if percent_formatted:
        text = PERCENT.sub(" ", text)
    return {unicodedata.normalize("NFKC", number) for number in _NUMBER.findall(text)}


def _number_problems(path: Path, message: Any) -> list[CatalogError]:
    """A number the msgid lacks was typed by a translator: it cannot follow the facts."""
    percent = percent_formatted(message)
    allowed = set().union(*(literal_numbers(s, percent) for s in msgids(message)))
    problems = []
    for index, form in enumerate(forms(message.string)):
        typed = literal_numbers(form, percent) - allowed
        if typed:
            problems.append(
                CatalogError(
                    f"{form_label(message, index)} of {shown(message)} has the literal number(s) "
                    f"{', '.join(sorted(typed))}, which the msgid does not",
                    Location.of(path, message.lineno),
                    hint="figures must come from placeholders, never be typed into a catalog",
                )
            )
    return problems


# -- staleness -------------------------------------------------------------------------------


def _staleness_problems(
    project: Project, path: Path, catalog: Catalog, extracted: Catalog, template: bool
) -> list[CatalogError]:
    """Messages extracted now that the file lacks (at their source line), and entries no longer extracted."""
    have, wanted = active_keys(catalog), active_keys(extracted)
    advice = "run `jjj-brief i18n extract`" if template else REFRESH
    problems = []
    for key, message in wanted.items():
        if key not in have:
            filename, line = message.locations[0]
            where = Location.of(project.source_path(filename), line)
            problems.append(CatalogError(f"{shown(message)} is missing from {path}", where, hint=advice))
    for key, message in have.items():
        if key not in wanted:
            problems.append(
                CatalogError(
                    f"{shown(message)} is no longer in the templates or code",
                    Location.of(path, message.lineno),
                    hint=advice,
                )
            )
    return problems
