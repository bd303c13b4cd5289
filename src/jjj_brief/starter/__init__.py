"""``jjj-brief new DIR``: a project folder to start from.

A new user's first step used to be copying ``briefing.xml.j2`` out of the
installed package, which failed (``template not found: _chart.j2``) and left
them without catalogs.  ``new`` lays out what ``build`` and ``jjj-brief i18n``
expect together: ``facts/`` (a small valid example), ``templates/`` (every
bundled template, ``_chart.j2`` included), ``locales/`` (the catalogs and their
``.pot``), ``babel.cfg`` and a short README — a folder that builds as it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jjj_brief.errors import BriefError, Location
from jjj_brief.resources import bundled

HERE = Path(__file__).resolve().parent


def new_project(folder: Path) -> list[Path]:
    """Lay out a project in ``folder`` (new or empty) and return the files written.

    A non-empty folder is refused: a starter must never overwrite someone's work."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "the folder is not empty" if folder.is_dir() else "a file is in the way"
        raise BriefError(what, Location.of(folder), hint="give the name of a new folder, or an empty one")
    try:
        return _lay_out(folder)
    except OSError as exc:
        from jjj_brief.publish import unwritable

        raise unwritable(Path(exc.filename or folder), exc) from None


def _lay_out(folder: Path) -> list[Path]:
    written: list[Path] = []

    def copy(source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)

    for template in sorted(bundled("templates").glob("*.j2")):
        copy(template, folder / "templates" / template.name)
    locales = bundled("locales")
    for catalog in sorted([locales / "messages.pot", *locales.glob("*/LC_MESSAGES/messages.po")]):
        copy(catalog, folder / "locales" / catalog.relative_to(locales))
    copy(bundled("templates").parent / "babel.cfg", folder / "babel.cfg")
    copy(HERE / "facts.yaml", folder / "facts" / "example.yaml")
    copy(HERE / "README.md", folder / "README.md")
    return written
