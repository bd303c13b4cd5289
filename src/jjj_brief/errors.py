"""Errors a user can act on, each knowing where it came from.

Every failure that bad input can cause is raised as a :class:`BriefError`
subclass carrying a :class:`Location`.  The CLI prints them in the shape
Jinja2 uses for ``TemplateSyntaxError`` (``FILE:LINE: message``) and maps
each kind to an exit code, so no user ever sees a Python traceback.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input: a line (and column) of a text file, a cell of a workbook, or for
    facts given as a Python mapping the path inside it (``facts[0].value``).  Slotted:
    every fact of a 20,000-fact store carries one.

    >>> str(Location.of("facts.yaml", 12)), str(Location.of("gdp.csv", 4, 3)), str(Location("", key="facts[0].value"))
    ('facts.yaml:12', 'gdp.csv:4:3', 'facts[0].value')
    >>> str(Location.in_sheet("gba.xlsx", "facts", "D4")), str(Location.in_sheet("a.xlsx", "GDP 2023", "B2"))
    ('gba.xlsx:facts!D4', "a.xlsx:'GDP 2023'!B2")
    """

    file: str
    line: int | None = None
    key: str | None = None
    column: int | None = None  # 1-based, for CSV fields
    sheet: str | None = None  # a workbook's sheet: the place is ``sheet!cell``
    cell: str | None = None  # ``D4``

    def __str__(self) -> str:
        if self.key is not None:
            return f"{self.file}:{self.key}" if self.file else self.key
        if self.sheet is not None:
            sheet = self.sheet if _PLAIN_SHEET.fullmatch(self.sheet) else "'" + self.sheet.replace("'", "''") + "'"
            return f"{self.file}:{sheet}!{self.cell}" if self.cell else f"{self.file}:{sheet}"
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}" if self.column is None else f"{self.file}:{self.line}:{self.column}"

    @classmethod
    def of(cls, path: str | Path, line: int | None = None, column: int | None = None) -> Location:
        return cls(str(path), line, column=column)

    @classmethod
    def in_sheet(cls, path: str | Path, sheet: str, cell: str | None = None) -> Location:
        """A sheet of a workbook, or one of its cells: named the way spreadsheet formulas name it."""
        return cls(str(path), sheet=sheet, cell=cell)


#: Sheet names a formula can use without quotes (Excel quotes names with spaces or punctuation).
_PLAIN_SHEET = re.compile(r"\w+")


_LOOK_ALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "LATIN", "FULLWIDTH", "MATHEMATICAL", "CHEROKEE")


def looks_ascii(char: str) -> bool:
    """Whether a non-ASCII character can pass for ASCII in a message: a Cyrillic ``ј`` for
    ``j``, a full-width ``Ａ``, a no-break or zero-width space, a combining mark."""
    if char.isascii():
        return False
    if unicodedata.category(char) in ("Zs", "Cf", "Mn", "Cc", "Zl", "Zp"):
        return True
    return unicodedata.name(char, "").startswith(_LOOK_ALIKE_SCRIPTS)


def quoted(text: str) -> str:
    """``text`` quoted for a message, look-alikes written as escapes so they can be seen.

    >>> print(quoted("jjj"), quoted("j\\u0458j"), quoted("京津冀"))
    'jjj' 'j\\u0458j' '京津冀'
    """
    shown = "".join(f"\\u{ord(c):04x}" if looks_ascii(c) or not c.isprintable() else c for c in text)
    return "'" + shown.replace("'", "\\'") + "'"


class BriefError(Exception):
    """Base of every error that bad input can cause; exit code 1 in the CLI.

    Published as ``jjj_brief.Error``: catch it to handle any bad fact, template, catalog
    or request; ``str(error)`` names the place, the cause and, when there is one, the fix.
    """

    exit_code = 1

    def __init__(self, message: str, location: Location | None = None, hint: str = "", excerpt: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint
        self.excerpt = excerpt  # the offending source line, printed under the message as Jinja2 does

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        tail = f" ({self.hint})" if self.hint else ""
        under = f"\n    {self.excerpt.strip()}" if self.excerpt.strip() else ""
        return f"{where}{self.message}{tail}{under}"

    def __reduce__(self) -> tuple:
        """Pickle whole, so an error raised in a worker process arrives with its place."""
        return (type(self), (self.message, self.location, self.hint, self.excerpt))


Error = BriefError
"""The public name of :class:`BriefError` (``jjj_brief.Error``)."""


class FactError(BriefError):
    """A fact file is malformed or inconsistent."""


class FactErrors(FactError):
    """Several fact problems found in one pass, so a user can fix them all at once."""

    def __init__(self, problems: list[FactError]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the fact files")
        self.problems = problems

    def __reduce__(self) -> tuple:
        return (type(self), (self.problems,))

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self, shown: int = 10) -> list[str]:
        """One line per problem, but at most ``shown`` of any one kind, then a count of the rest.

        Three hundred copies of one file conflict in every entry: 12,260 lines of which the
        first few say everything.  A kind is the message with its names, places, fact ids and
        numbers left out (``region … is defined twice (first at …)``).
        """
        seen: Counter[str] = Counter()
        lines = []
        for problem in self.problems:
            kind = _KIND.sub("…", problem.message)
            seen[kind] += 1
            if seen[kind] <= shown:
                lines.append(str(problem))
        lines.extend(f"… and {count - shown:,} more like this: {kind}" for kind, count in seen.items() if count > shown)
        return lines


_KIND = re.compile(r"'(?:[^'\\]|\\.)*'|\S+:\d+\b|[\w.-]+(?:/[\w.-]+)+|\d+(?:[.,]\d+)*")


class StrictFailure(BriefError):
    """``build --strict``: the gaps a build would only warn about (text printed in English for
    want of a translation, passages left out for want of facts) are errors."""

    def __init__(self, problems: list[BriefWarning]) -> None:
        count = len(problems)
        super().__init__(f"{count} {'problem' if count == 1 else 'problems'} with --strict; nothing was written")
        self.problems = problems

    def __reduce__(self) -> tuple:
        return (type(self), (self.problems,))


class TemplateError(BriefError):
    """A template failed to load or render."""


class MarkupError(BriefError):
    """A template produced brief markup that the reader cannot accept."""


class CatalogError(BriefError):
    """A translation catalog is malformed."""


class UsageError(BriefError):
    """The command line asked for something that does not exist (a language, a format)."""

    exit_code = 2


class LanguageNotSupported(UsageError):
    """A template written for other languages (the 简报 is Chinese only)."""


@dataclass(frozen=True)
class BriefWarning:
    """A problem worth telling but not worth stopping for (kept as data, not ``warnings``)."""

    message: str
    location: Location | None = None
    kind: str = "warning"  # or "note": worth knowing, nothing to fix

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.kind}: {self.message}"
