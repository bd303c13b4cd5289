"""Localization: the only part of jjj-brief that talks to Babel.

* :mod:`~jjj_brief.l10n.language` — which ``--lang`` values exist and what they mean;
* :mod:`~jjj_brief.l10n.scales` — half-up rounding and CLDR compact units (万/亿, billion);
* :mod:`~jjj_brief.l10n.patterns` — the translatable phrase patterns, marked with ``N_``;
* :mod:`~jjj_brief.l10n.localizer` — :class:`Localizer`, whose methods produce final text.

Catalog files are read by :mod:`jjj_brief.l10n.catalogs`.
"""

from jjj_brief.facts.units import is_currency
from jjj_brief.l10n.language import Language, languages, resolve_language
from jjj_brief.l10n.localizer import Localizer
from jjj_brief.l10n.patterns import N_
from jjj_brief.l10n.scales import PLAIN, Scale, round_half_up

__all__ = [
    "N_",
    "PLAIN",
    "Language",
    "Localizer",
    "Scale",
    "is_currency",
    "languages",
    "resolve_language",
    "round_half_up",
]
