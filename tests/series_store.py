"""A generated fact store of many regions, for the series tests and ``bench/batch.py``.

Each region gets the bundled region's facts, money scaled by a factor of its own (so every
stated growth and multiple stays consistent), and names in English, Simplified and
Traditional Chinese; the sources, indicators, lists and settings are the bundled ones.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

BUNDLED = Path(__file__).resolve().parent.parent / "facts" / "jjj-2024.yaml"
MONEY = ("CNY", "USD")


def region_names(n: int) -> dict[str, str]:
    """The names of generated region ``n``: ``Region 7`` / ``第7区`` / ``第7區``."""
    return {"en": f"Region {n}", "zh": f"第{n}区", "zh_Hant": f"第{n}區"}


def series_store(count: int, *, extra_regions: dict[str, Any] | None = None) -> dict[str, Any]:
    """The store as a mapping: regions ``r000``… (``count`` of them), plus ``extra_regions``
    (key → names) that get the same facts — a way to add a region that will fail."""
    bundled = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    base = [fact for fact in bundled["facts"] if fact["region"] == "jjj"]
    units = {key: spec["unit"] for key, spec in bundled["indicators"].items()}
    regions: dict[str, Any] = {f"r{n:03d}": region_names(n) for n in range(count)}
    regions.update(extra_regions or {})
    facts = []
    for index, key in enumerate(regions):
        factor = Decimal(100 + 7 * index) / 100
        for fact in base:
            value = Decimal(str(fact["value"]))
            scaled = value * factor if units[fact["indicator"]] in MONEY else value
            facts.append({**fact, "region": key, "value": str(scaled)})
    settings = {k: v for k, v in bundled["briefing"].items() if k != "region"}
    return {
        "briefing": settings,
        "regions": regions,
        "sources": bundled["sources"],
        "indicators": bundled["indicators"],
        "facts": facts,
        "lists": bundled["lists"],
    }


def write_series_store(path: Path, count: int, *, extra_regions: dict[str, Any] | None = None) -> Path:
    """Write :func:`series_store` as a YAML fact file at ``path``."""
    data = series_store(count, extra_regions=extra_regions)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
