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
from string import Formatter
from typing import TYPE_CHECKING, Any

from jjj_brief.l10n.catalogs import read_catalog
from jjj_brief.errors import CatalogError, Location
from jjj_brief.i18n.project import Project, active_keys, extract_messages

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

_PERCENT = re.compile(  # printf-style conversion: %(name)s, %5.1f, %%; an empty conversion is a stray %
    r"%(?:\((?P<name>[^)]*)\))?[#0 +\-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?"
    r"(?P<conversion>[diouxXeEfFgGcrsa%]?)"
)
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


def compile_problems(path: Path, catalog: Catalog) -> list[CatalogError]:
    """The problems that make a catalog unfit to compile: the build would fail or misprint."""
    problems: list[CatalogError] = []
    for message in catalog:
        if message.id:
            problems.extend(_plural_count_problems(path, catalog, message))
            problems.extend(_placeholder_problems(path, message))
    return problems


def entry_problems(path: Path, catalog: Catalog, message: Any) -> list[CatalogError]:
    """Everything wrong with one translated entry, located at its ``msgid`` line."""
    where = Location.of(path, message.lineno)
    forms = _forms(message.string)
    if not all(forms):
        return [CatalogError(f"untranslated: {_shown(message)}", where, hint="translate it")]
    problems = []
    if message.fuzzy:
        problems.append(CatalogError(
            f"fuzzy: {_shown(message)}", where,
            hint="a guess left out of the build: check it, then remove the fuzzy flag",
        ))
    problems.extend(_plural_count_problems(path, catalog, message))
    problems.extend(_placeholder_problems(path, message))
    problems.extend(_number_problems(path, message))
    return problems


def _forms(string: Any) -> tuple[str, ...]:
    """The msgstr as a tuple of forms (one for a plain message)."""
    return tuple(string) if isinstance(string, (list, tuple)) else (string or "",)


def _msgids(message: Any) -> tuple[str, ...]:
    """The msgid, and the msgid_plural of a plural entry."""
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def _shown(message: Any) -> str:
    """The msgid as a translator would search for it, shortened."""
    text = _msgids(message)[0]
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _form_label(message: Any, index: int) -> str:
    """``msgstr`` or ``msgstr[1]``, as the ``.po`` file spells the form."""
    return f"msgstr[{index}]" if message.pluralizable else "msgstr"


def _plural_count_problems(path: Path, catalog: Catalog, message: Any) -> list[CatalogError]:
    """A plural entry must have exactly the forms the catalog's ``Plural-Forms`` header declares."""
    if not message.pluralizable or len(_forms(message.string)) == catalog.num_plurals:
        return []
    return [CatalogError(
        f"{_shown(message)} has {len(_forms(message.string))} plural form(s), but the catalog's "
        f"Plural-Forms header says {catalog.num_plurals}", Location.of(path, message.lineno),
    )]


# -- placeholders ----------------------------------------------------------------------------


def percent_placeholders(text: str) -> tuple[set[str], bool]:
    """The ``%(name)s``-style placeholders of ``text``, and whether every other ``%`` is ``%%``.

    >>> names, well_formed = percent_placeholders("%(region)s: %(g)s, 10%%")
    >>> sorted(names), well_formed
    (['%(g)s', '%(region)s'], True)
    >>> percent_placeholders("增长10%")[1]
    False
    """
    names: set[str] = set()
    well_formed = True
    for found in _PERCENT.finditer(text):
        if found["conversion"] == "%" and found["name"] is None:
            continue  # an escaped percent sign
        if not found["conversion"]:
            well_formed = False
        else:
            names.add(found.group(0))
    return names, well_formed


def brace_placeholders(text: str) -> set[str] | None:
    """The ``{name}`` placeholders of ``text``, or None when its braces do not pair up.

    >>> sorted(brace_placeholders("{amount}元，约合{usd}"))
    ['{amount}', '{usd}']
    >>> brace_placeholders("{amount元") is None
    True
    """
    try:
        return {"{" + field + "}" for _, field, _, _ in Formatter().parse(text) if field is not None}
    except ValueError:
        return None


def _percent_formatted(message: Any) -> bool:
    """Whether the app applies ``%`` to the translation: any template message or ``%(name)s`` one."""
    from_template = any(not filename.endswith(".py") for filename, _ in message.locations)
    return from_template or "%(" in _msgids(message)[0]


def _placeholder_problems(path: Path, message: Any) -> list[CatalogError]:
    """Each form must use exactly the msgid's placeholders, in each syntax the app applies."""
    where = Location.of(path, message.lineno)
    sources = _msgids(message)
    problems = []
    for index, form in enumerate(_forms(message.string)):
        if not form:
            continue
        wrong = _differences(message, sources, form)
        if wrong:
            label = _form_label(message, index)
            problems.append(CatalogError(f"{label} of {_shown(message)} {'; '.join(wrong)}", where))
    return problems


def _differences(message: Any, sources: tuple[str, ...], form: str) -> list[str]:
    """What is wrong with one form's placeholders, in words (empty when nothing is)."""
    wrong = []
    wanted = [brace_placeholders(s) for s in sources]
    if all(w is not None for w in wanted):
        have = brace_placeholders(form)
        if have is None:
            wrong.append("has a { or } without its pair (write {{ or }} for a literal brace)")
        else:
            wrong.extend(_name_differences(set().union(*wanted), have))  # type: ignore[arg-type]
    if _percent_formatted(message):
        parsed = [percent_placeholders(s) for s in sources]
        if all(ok for _, ok in parsed):
            have_names, ok = percent_placeholders(form)
            wrong.extend(_name_differences(set().union(*(names for names, _ in parsed)), have_names))
            if not ok:
                wrong.append("has a % that is not a placeholder (write %% for a percent sign)")
    return wrong


def _name_differences(wanted: set[str], have: set[str]) -> list[str]:
    """Placeholders dropped from, or foreign to, a translation."""
    wrong = []
    if wanted - have:
        wrong.append(f"drops placeholder(s) {', '.join(sorted(wanted - have))}")
    if have - wanted:
        wrong.append(f"has placeholder(s) {', '.join(sorted(have - wanted))} that the msgid lacks")
    return wrong


# -- literal numbers -------------------------------------------------------------------------


def literal_numbers(text: str, percent_formatted: bool = False) -> set[str]:
    """The numbers written out in ``text``, placeholders excluded, full-width digits folded.

    >>> sorted(literal_numbers("{amount}元，表１，2.34万亿"))
    ['1', '2.34']
    """
    text = _BRACE_FIELD.sub(" ", text)
    if percent_formatted:
        text = _PERCENT.sub(" ", text)
    return {unicodedata.normalize("NFKC", number) for number in _NUMBER.findall(text)}


def _number_problems(path: Path, message: Any) -> list[CatalogError]:
    """A number the msgid lacks was typed by a translator: it cannot follow the facts."""
    percent = _percent_formatted(message)
    allowed = set().union(*(literal_numbers(s, percent) for s in _msgids(message)))
    problems = []
    for index, form in enumerate(_forms(message.string)):
        typed = literal_numbers(form, percent) - allowed
        if typed:
            problems.append(CatalogError(
                f"{_form_label(message, index)} of {_shown(message)} has the literal number(s) "
                f"{', '.join(sorted(typed))}, which the msgid does not", Location.of(path, message.lineno),
                hint="figures must come from placeholders, never be typed into a catalog",
            ))
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
            problems.append(CatalogError(f"{_shown(message)} is missing from {path}", where, hint=advice))
    for key, message in have.items():
        if key not in wanted:
            problems.append(CatalogError(
                f"{_shown(message)} is no longer in the templates or code",
                Location.of(path, message.lineno),
                hint=advice,
            ))
    return problems
