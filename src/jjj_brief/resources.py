"""Where the bundled templates, catalogs, facts and fonts live.

In the repository they sit at the top level (``templates/``, ``locales/``,
``facts/``) where translators and editors expect them; the wheel carries them
inside the package as ``jjj_brief/_bundled/`` (see ``pyproject.toml``).  This
module hides that difference, so an editable install, a wheel in a fresh venv
and a run from any working directory all find the same files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
FONTS_DIR = PACKAGE_DIR / "fonts"


@cache
def bundled(name: str) -> Path:
    """The bundled folder ``name`` (``templates``, ``locales`` or ``facts``)."""
    installed = PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    checkout = PACKAGE_DIR.parent.parent / name  # src/jjj_brief -> repository root
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled {name!r} folder is missing from the installation ({installed})")
