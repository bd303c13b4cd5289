"""What a build is asked for, resolved: the template, its catalogs, the region, the languages.

Everything here is decided before any document is rendered, so a misspelt
language or template fails at once with a usage error (exit 2), and the
pipeline works only with resolved values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jjj_brief.errors import BriefError, BriefWarning, Location, UsageError
from jjj_brief.facts.model import FactStore
from jjj_brief.resources import bundled
from jjj_brief.writers import FORMATS

if TYPE_CHECKING:
    from jjj_brief.l10n import Language

_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class BuildRequest:
    """What the user asked for, already split into lists (see :mod:`jjj_brief.cli`)."""

    langs: tuple[str, ...]
    formats: tuple[str, ...] = FORMATS
    fact_paths: tuple[Path, ...] = ()
    out_dir: Path = Path("output")
    template: str = "briefing"
    region: str | None = None
    locales: Path | None = None  # catalogs folder; default: the template project's, else bundled
    audit: bool = False  # also write <stem>-<lang>.audit.json and .audit.md
    since: tuple[Path, ...] = ()  # an older vintage of the facts: mark the figures that changed
    annotate: bool = False  # a reviewer's note on every figure
    langs_implicit: bool = False  # no --lang given: skip languages the template is not written for
    strict: bool = False  # untranslated text and left-out passages are errors, not warnings
    embed_fonts: bool = False  # DOCX: carry the bundled faces, subset, instead of naming office fonts

    def writer_options(self, fmt: str) -> tuple[tuple[str, bool], ...]:
        """The write options the request gives format ``fmt`` (``--embed-fonts`` is the DOCX's)."""
        return (("embed_fonts", True),) if fmt == "docx" and self.embed_fonts else ()


def load_store(paths: Iterable[Path]) -> tuple[FactStore, list[BriefWarning]]:
    from jjj_brief.facts.load import load_facts

    return load_facts(list(paths) or [bundled("facts")])


def resolve_template(name_or_path: str) -> tuple[Path, str, str]:
    """(folder, file name, output stem) for a bundled template name or a template file path."""
    candidate = Path(name_or_path)
    if _is_template_path(name_or_path):
        if not candidate.is_file():
            raise BriefError("no such template file", Location.of(candidate), hint="check the path")
        stem = candidate.name.split(".")[0]
        folder, file_name = candidate.resolve().parent, candidate.name
    else:
        folder, file_name, stem = bundled("templates"), f"{name_or_path}.xml.j2", name_or_path
        if not (folder / file_name).is_file():
            known = sorted(p.name.split(".")[0] for p in folder.glob("*.xml.j2"))
            raise UsageError(f"unknown template {name_or_path!r}; bundled templates: {', '.join(known)}")
    if not _SAFE_STEM.fullmatch(stem):
        raise UsageError(f"template name {stem!r} cannot name an output file: use letters, digits, - and _")
    return folder, file_name, stem


def find_locales(template: str, asked: Path | None) -> Path | None:
    """The catalogs folder of a build: ``--locales``, else the ``locales/`` beside the ``templates/``
    folder of a template given by path (a project laid out as ``jjj-brief i18n`` expects), else
    None (the bundled catalogs).  A project's templates and catalogs are made together, so a
    project template is never rendered with the bundled translations by accident."""
    if asked is not None:
        if not asked.is_dir():
            raise BriefError("no such locales folder", Location.of(asked), hint="check the path")
        return asked
    folder, _, _ = resolve_template(template)
    if _is_template_path(template) and folder.name == "templates" and (folder.parent / "locales").is_dir():
        return folder.parent / "locales"
    return None


def _is_template_path(name_or_path: str) -> bool:
    return bool(Path(name_or_path).suffix) or os.sep in name_or_path or "/" in name_or_path


def pick_region(store: FactStore, asked: str | None) -> str:
    """The region the briefing is about: asked, set in the facts, or the one with most facts."""
    setting = store.settings.get("region")
    if setting is not None and not isinstance(setting, str):
        raise UsageError("the facts' 'briefing: region:' must be one region key, not a text per language")
    key = asked or setting
    if key:
        if key not in store.regions:
            raise UsageError(f"unknown region {key!r}; the facts define: {', '.join(sorted(store.regions))}")
        return str(key)
    counts: dict[str, int] = {}
    for fact in store.facts.values():
        counts[fact.region] = counts.get(fact.region, 0) + 1
    if not counts:
        raise BriefError("the fact files hold no facts", Location("facts"))
    return max(sorted(counts), key=lambda k: counts[k])


def resolve_languages(requested: Iterable[str], locales: Path | None = None) -> dict[str, Language]:
    """Output-name suffix → Language, once each, in the order asked.

    The suffix is the catalog code (``zh`` for ``zh-CN`` too), or code and
    territory when the request picks a non-default locale (``zh_Hant-HK``), so
    an odd ``--lang`` value can never shape a path.
    """
    from jjj_brief.l10n import resolve_language

    chosen: dict[str, Language] = {}
    for value in requested:
        language = resolve_language(value, locales)
        default = resolve_language(language.code, locales)
        suffix = language.code if default.locale == language.locale else f"{language.code}-{language.locale.territory}"
        chosen.setdefault(suffix, language)
    return chosen
