"""The translator workflow: ``jjj-brief i18n extract|update|compile|check [DIR]``.

These are ``pybabel extract/update/compile`` with the project's settings built
in (``babel.cfg``, the ``TRANSLATORS:`` comment tag, width 100, sorted by
file, no fuzzy matching), plus a ``check`` (see :mod:`jjj_brief.i18n.check`)
that CI runs, because a catalog that is merely *valid* can still print a
wrong figure.

A project folder holds ``templates/``, ``locales/`` and ``babel.cfg``, as for
``pybabel``.  Its Python phrases (``src/jjj_brief/**.py`` in ``babel.cfg``)
come from the installed package when the folder has no copy of the source, so
a folder of templates and catalogs is enough.  A folder with neither
``templates/`` nor ``locales/`` means the bundled ones, which can be checked
but never written: they belong to an installed package.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jjj_brief.errors import CatalogError, Location, UsageError
from jjj_brief.l10n.catalogs import DOMAIN, read_catalog
from jjj_brief.publish import write_atomically
from jjj_brief.resources import PACKAGE_DIR, bundled

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

COMMENT_TAG = "TRANSLATORS:"
CATALOG_WIDTH = 100  # as the README's `pybabel update -w 100`
PACKAGE_SOURCE = "src/jjj_brief"  # where babel.cfg expects the package's Python phrases
TEMPLATE_FILE = f"{DOMAIN}.pot"


def bundled_mapping() -> str:
    """The project's own ``babel.cfg``: beside the bundled templates in a checkout and in the
    wheel (``pyproject.toml`` ships it), used when a project folder has none of its own."""
    return (bundled("templates").parent / "babel.cfg").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Mount:
    """A real folder standing in for ``prefix`` of the project (``""`` is the project itself)."""

    prefix: str
    folder: Path


@dataclass(frozen=True)
class Project:
    """Where a workflow command reads sources and catalogs, and whether it may write them."""

    root: Path
    locales: Path
    mapping: str
    mounts: tuple[Mount, ...]
    bundled: bool = False

    @property
    def template_path(self) -> Path:
        """The message template, ``locales/messages.pot``."""
        return self.locales / TEMPLATE_FILE

    def catalog_paths(self) -> list[Path]:
        """Every ``<lang>/LC_MESSAGES/messages.po``, sorted by language."""
        return sorted(self.locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))

    def source_path(self, location: str) -> Path:
        """The real file behind an extracted location such as ``src/jjj_brief/l10n/patterns.py``."""
        mount = _mount_for(location, self.mounts)
        return mount.folder / _below(mount, location)

    def require_writable(self, action: str) -> None:
        """Refuse to change the files of an installed package; they would vanish on upgrade."""
        if self.bundled:
            raise UsageError(
                f"{self.root.resolve()} has no templates/ or locales/ folder, and the bundled catalogs are "
                f"part of the installed package, so `i18n {action}` will not write them",
                hint="run it in a project folder (a jjj-brief checkout), or give that folder as DIR",
            )


def find_project(folder: Path) -> Project:
    """The project in ``folder``, or the bundled files when it has no templates and no locales."""
    if (folder / "templates").is_dir() or (folder / "locales").is_dir():
        config = folder / "babel.cfg"
        mapping = config.read_text(encoding="utf-8") if config.is_file() else bundled_mapping()
        mounts = [Mount("", folder)]
        if not (folder / PACKAGE_SOURCE).is_dir():
            mounts.append(Mount(PACKAGE_SOURCE, PACKAGE_DIR))
        return Project(folder, folder / "locales", mapping, tuple(mounts))
    templates = bundled("templates")
    bundled_mounts = (Mount("templates", templates), Mount(PACKAGE_SOURCE, PACKAGE_DIR))
    return Project(folder, bundled("locales"), bundled_mapping(), bundled_mounts, bundled=True)


def _mount_for(location: str, mounts: tuple[Mount, ...]) -> Mount:
    """The mount with the longest prefix that covers ``location`` (a ``/``-separated path)."""
    covering = [m for m in mounts if not m.prefix or f"{location}/".startswith(f"{m.prefix}/")]
    return max(covering, key=lambda m: len(m.prefix))


# -- extraction ------------------------------------------------------------------------------


def extract_messages(project: Project) -> Catalog:
    """A fresh template catalog from the project's sources, as ``pybabel extract`` would make it."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="jjj-brief", version=_package_version(), charset="utf-8")
    for location, lineno, message, comments, context in _extracted(project):
        catalog.add(message, None, [(location, lineno)], auto_comments=comments, context=context)
    return catalog


def _extracted(project: Project) -> Iterator[tuple[str, int, Any, list[str], str | None]]:
    """Messages of every mount, with locations as ``babel.cfg`` names them (``templates/…``)."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    method_map, options_map = parse_mapping_cfg(io.StringIO(project.mapping), filename="babel.cfg")
    for mount in project.mounts:
        sections = [(pattern, how) for pattern, how in method_map if _mount_for(pattern, project.mounts) is mount]
        if not sections or not mount.folder.is_dir():
            continue
        relative_map = [(_below(mount, pattern), method) for pattern, method in sections]
        relative_options = {_below(mount, pattern): options_map.get(pattern, {}) for pattern, _ in sections}
        found = extract_from_dir(mount.folder, relative_map, relative_options, comment_tags=(COMMENT_TAG,))
        for filename, lineno, message, comments, context in found:
            location = f"{mount.prefix}/{filename}" if mount.prefix else filename
            yield location, lineno, message, comments, context


def _below(mount: Mount, pattern: str) -> str:
    """A ``babel.cfg`` pattern relative to the mount's folder (``src/jjj_brief/**.py`` → ``**.py``)."""
    return pattern[len(mount.prefix) :].lstrip("/")


def _package_version() -> str:
    """The installed jjj-brief version, for the ``Project-Id-Version`` header."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jjj-brief")
    except PackageNotFoundError:
        return "0.0.0"


def catalog_text(catalog: Catalog, width: int = 76) -> bytes:
    """A catalog as ``.po`` bytes, sorted by file and without obsolete entries."""
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=width, sort_by_file=True, ignore_obsolete=True)
    return buffer.getvalue()


def _now() -> dt.datetime:
    """The creation date for a changed template; ``SOURCE_DATE_EPOCH`` makes it reproducible."""
    from jjj_brief.clock import build_time

    return build_time().replace(second=0)


def extract(project: Project) -> tuple[Path, int, bool]:
    """Write ``locales/messages.pot``; returns its path, message count and whether it changed.

    When the messages are the same as in the existing template, its header
    (creation date included) is kept, so re-running ``extract`` makes no diff.
    """
    project.require_writable("extract")
    catalog = extract_messages(project)
    path = project.template_path
    old = path.read_bytes() if path.is_file() else None
    previous = _readable_catalog(path) if old is not None else None
    if previous is not None:
        catalog.header_comment = previous.header_comment
        catalog.creation_date = previous.creation_date
        if catalog_text(catalog) == old:
            return path, len(catalog), False
    catalog.creation_date = _now()
    write_atomically(path, catalog_text(catalog))
    return path, len(catalog), True


def _readable_catalog(path: Path) -> Catalog | None:
    """The existing template, or None when it is unreadable (``extract`` then simply replaces it)."""
    try:
        return read_catalog(path)
    except CatalogError:
        return None


# -- update and compile ----------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogUpdate:
    """What ``update`` did to one catalog."""

    path: Path
    added: tuple[str, ...]
    removed: tuple[str, ...]
    rewritten: bool


def message_key(message: Any) -> tuple[str, str | None]:
    """A message's identity in a catalog: its (singular) msgid and context."""
    msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    return msgid, message.context


def active_keys(catalog: Catalog) -> dict[tuple[str, str | None], Any]:
    """The catalog's entries by key, without the header (obsolete ones are not iterated)."""
    return {message_key(m): m for m in catalog if m.id}


def update(project: Project) -> list[CatalogUpdate]:
    """Merge ``messages.pot`` into every catalog (``pybabel update --no-fuzzy-matching --ignore-obsolete``).

    No fuzzy matching: a guessed translation of a changed sentence could carry
    the old sentence's figures into print; an empty msgstr is caught by ``check``.
    """
    project.require_writable("update")
    if not project.template_path.is_file():
        raise CatalogError(
            "no message template", Location.of(project.template_path), hint="run `jjj-brief i18n extract` first"
        )
    template = read_catalog(project.template_path)
    return [_update_catalog(path, template) for path in project.catalog_paths()]


def _update_catalog(path: Path, template: Catalog) -> CatalogUpdate:
    """Merge one catalog, writing it only when its text changes."""
    catalog = read_catalog(path)
    before = active_keys(catalog)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    after = active_keys(catalog)
    text = catalog_text(catalog, width=CATALOG_WIDTH)
    rewritten = text != path.read_bytes()
    if rewritten:
        write_atomically(path, text)
    added = tuple(key[0] for key in after if key not in before)
    removed = tuple(key[0] for key in before if key not in after)
    return CatalogUpdate(path, added, removed, rewritten)


def compile_catalogs(project: Project) -> tuple[list[Path], list[CatalogError]]:
    """Write a ``.mo`` beside each clean catalog; returns those written and what stopped the others.

    Only problems that would break a build (malformed file, placeholders,
    plural forms) refuse a catalog; untranslated and fuzzy entries do not, as
    with ``msgfmt`` (fuzzy ones are left out).
    """
    from babel.messages.mofile import write_mo

    from jjj_brief.l10n.placeholders import compile_problems

    project.require_writable("compile")
    written: list[Path] = []
    refused: list[CatalogError] = []
    for path in project.catalog_paths():
        try:
            catalog = read_catalog(path)
        except CatalogError as exc:
            refused.append(exc)
            continue
        problems = compile_problems(path, catalog)
        if problems:
            refused.extend(problems)
            continue
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        write_atomically(path.with_suffix(".mo"), buffer.getvalue())
        written.append(path.with_suffix(".mo"))
    return written, refused
