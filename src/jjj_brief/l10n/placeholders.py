"""Placeholders and plural forms: what makes a translation unfit to compile.

A translation whose placeholders differ from its msgid would crash a render or drop a
figure, so the catalog loader refuses such a catalog when it loads it, and ``i18n check``
reports the same problems to translators.  Both use these functions, which is why they
live in the build's localization layer and not in the translator tooling.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING, Any

from jjj_brief.errors import CatalogError, Location

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

PERCENT = re.compile(  # printf-style conversion: %(name)s, %5.1f, %%; an empty conversion is a stray %
    r"%(?:\((?P<name>[^)]*)\))?[#0 +\-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?"
    r"(?P<conversion>[diouxXeEfFgGcrsa%]?)"
)


def compile_problems(path: Path, catalog: Catalog) -> list[CatalogError]:
    """The problems that make a catalog unfit to compile: the build would fail or misprint."""
    problems: list[CatalogError] = []
    for message in catalog:
        if message.id:
            problems.extend(plural_count_problems(path, catalog, message))
            problems.extend(placeholder_problems(path, message))
    return problems


def forms(string: Any) -> tuple[str, ...]:
    """The msgstr as a tuple of forms (one for a plain message)."""
    return tuple(string) if isinstance(string, (list, tuple)) else (string or "",)


def msgids(message: Any) -> tuple[str, ...]:
    """The msgid, and the msgid_plural of a plural entry."""
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def shown(message: Any) -> str:
    """The msgid as a translator would search for it, shortened."""
    text = msgids(message)[0]
    return repr(text if len(text) <= 60 else text[:57] + "...")


def form_label(message: Any, index: int) -> str:
    """``msgstr`` or ``msgstr[1]``, as the ``.po`` file spells the form."""
    return f"msgstr[{index}]" if message.pluralizable else "msgstr"


def plural_count_problems(path: Path, catalog: Catalog, message: Any) -> list[CatalogError]:
    """A plural entry must have exactly the forms the catalog's ``Plural-Forms`` header declares."""
    if not message.pluralizable or len(forms(message.string)) == catalog.num_plurals:
        return []
    return [
        CatalogError(
            f"{shown(message)} has {len(forms(message.string))} plural form(s), but the catalog's "
            f"Plural-Forms header says {catalog.num_plurals}",
            Location.of(path, message.lineno),
        )
    ]


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
    for found in PERCENT.finditer(text):
        if found["conversion"] == "%" and found["name"] is None:
            continue  # an escaped percent sign
        if not found["conversion"]:
            well_formed = False
        else:
            names.add(found.group(0))
    return names, well_formed


def brace_placeholders(text: str) -> set[str] | None:
    """The ``{name}`` placeholders of ``text`` as written, conversion and format spec included,
    or None when its braces do not pair up.

    >>> sorted(brace_placeholders("{amount}元，约合{usd}"))
    ['{amount}', '{usd}']
    >>> sorted(brace_placeholders("{amount!r}元{amount:>9}"))
    ['{amount!r}', '{amount:>9}']
    >>> brace_placeholders("{amount元") is None
    True
    """
    try:
        return {
            "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            for _, field, spec, conversion in Formatter().parse(text)
            if field is not None
        }
    except ValueError:
        return None


def percent_formatted(message: Any) -> bool:
    """Whether the app applies ``%`` to the translation: any template message or ``%(name)s`` one."""
    from_template = any(not filename.endswith(".py") for filename, _ in message.locations)
    return from_template or "%(" in msgids(message)[0]


def placeholder_problems(path: Path, message: Any) -> list[CatalogError]:
    """Each form must use exactly the msgid's placeholders, in each syntax the app applies."""
    where = Location.of(path, message.lineno)
    sources = msgids(message)
    problems = []
    for index, form in enumerate(forms(message.string)):
        if not form:
            continue
        wrong = _differences(message, sources, form)
        if wrong:
            label = form_label(message, index)
            problems.append(CatalogError(f"{label} of {shown(message)} {'; '.join(wrong)}", where))
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
    if percent_formatted(message):
        parsed = [percent_placeholders(s) for s in sources]
        if all(ok for _, ok in parsed):
            have_names, ok = percent_placeholders(form)
            wrong.extend(_name_differences(set().union(*(names for names, _ in parsed)), have_names))
            if not ok:
                wrong.append("has a % that is not a placeholder (write %% for a percent sign)")
    return wrong


def _name_differences(wanted: set[str], have: set[str]) -> list[str]:
    """Placeholders dropped from, changed in, or foreign to a translation.

    A placeholder is compared as written: ``{amount!r}`` (quotes around the figure) or
    ``{amount:>1000000000}`` (a billion spaces) is not ``{amount}``, nor ``%(amount)r``
    ``%(amount)s``; a translation may move a placeholder, never restyle it.
    """
    wrong = []
    dropped, foreign = wanted - have, have - wanted
    by_name = {_name(placeholder): placeholder for placeholder in dropped}
    for placeholder in sorted(foreign):
        original = by_name.pop(_name(placeholder), None)
        if original is not None:
            dropped.discard(original)
            foreign.discard(placeholder)
            wrong.append(
                f"writes {original} as {placeholder} (keep each placeholder exactly as the msgid "
                f"writes it: no conversion, format spec or attribute of its own)"
            )
    if dropped:
        wrong.append(f"drops placeholder(s) {', '.join(sorted(dropped))}")
    if foreign:
        wrong.append(f"has placeholder(s) {', '.join(sorted(foreign))} that the msgid lacks")
    return wrong


_NAME = re.compile(r"[{]([^!:.\[}]*)|%\(([^)]*)\)")


def _name(placeholder: str) -> str:
    """The bare name of a placeholder: ``amount`` of ``{amount!r}``, ``%(amount)5s``, ``{amount.real}``."""
    found = _NAME.match(placeholder)
    return (found[1] if found[1] is not None else found[2]) if found else placeholder
