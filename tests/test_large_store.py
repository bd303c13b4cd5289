"""A store of many regions: indexed lookups give what a scan gives, and checks find every pair.

The store comes from ``bench/big_store.py`` (the benchmark's generator), kept small here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import REPO, jjj_brief, pdftotext, qpdf_check

from jjj_brief.facts.checks import check_consistency
from jjj_brief.facts.load import load_facts
from jjj_brief.facts.model import Fact, FactStore, Period
from jjj_brief.rendering.briefing import Briefing

REGIONS = 6


def _generator():
    spec = importlib.util.spec_from_file_location("big_store", REPO / "bench" / "big_store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["big_store"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    written = _generator().write_store(folder, regions=REGIONS, years=12)
    assert written == REGIONS * 8 * 12 + (REGIONS // 2) * 2
    return folder


@pytest.fixture(scope="module")
def store(store_dir: Path) -> FactStore:
    return load_facts([store_dir])[0]


def test_every_series_is_what_a_scan_finds_oldest_first(store: FactStore) -> None:
    pairs = {(f.indicator, f.region) for f in store.facts.values()}
    assert len(pairs) > REGIONS * 8
    for indicator, region in pairs:
        scanned = sorted(
            (f for f in store.facts.values() if (f.indicator, f.region) == (indicator, region)), key=lambda f: f.period
        )
        assert store.series(indicator, region) == scanned


def test_facts_are_found_by_the_id_a_figure_carries(store: FactStore) -> None:
    assert len(store.index().by_id) == len(store.facts)
    for fact in store.facts.values():
        assert store.by_id(fact.id) is fact
    assert store.by_id("gdp/nowhere/2023") is None


def test_the_index_follows_facts_added_after_a_query() -> None:
    store = FactStore()
    first = Fact("gdp", "r", Period.parse("2023"), 1, "s")  # type: ignore[arg-type]
    store.add(first)
    assert store.series("gdp", "r") == [first]
    earlier = Fact("gdp", "r", Period.parse("2022"), 1, "s")  # type: ignore[arg-type]
    store.add(earlier)
    assert store.series("gdp", "r") == [earlier, first]


def test_each_stated_rate_is_compared_with_its_own_regions_multiple(store: FactStore) -> None:
    pairs = [f.message for f in check_consistency(store) if "implies" in f.message and "/jjj/" not in f.message]
    assert len(pairs) == REGIONS // 2
    for n, message in zip(range(0, REGIONS, 2), pairs):
        key = f"r{n:03d}"
        assert message.startswith(f"gdp_growth_avg/{key}/2014/2023 ")
        assert f"gdp_multiple/{key}/2013/2023" in message and message.endswith("consistent")


def test_a_briefing_cites_from_the_index(store: FactStore) -> None:
    briefing = Briefing(store, "r002", "en")
    last = briefing.latest("gdp")
    briefing.cite(briefing.growth(briefing.earliest("gdp"), last))
    assert last.id == "gdp/r002/2023" and briefing.used_sources == ["bench-synthetic"]


def test_the_bundled_region_builds_the_same_from_the_large_store(store_dir: Path, tmp_path: Path) -> None:
    run = jjj_brief("build", "--facts", str(store_dir), "--lang", "en", "--format", "pdf", "--out", str(tmp_path))
    assert run.code == 0, run.err
    qpdf_check(tmp_path / "briefing-en.pdf")
    text = " ".join(pdftotext(tmp_path / "briefing-en.pdf").split())
    assert "Beijing-Tianjin-Hebei" in text and "Region 1" not in text


def test_the_median_of_the_rest_is_what_statistics_gives() -> None:
    """The outlier check reads the median of a series without one value off its sorted
    values (linear), instead of sorting the rest for every fact."""
    import random
    from decimal import Decimal
    from statistics import median

    from jjj_brief.facts.outliers import _median_without

    draw = random.Random(11)
    for _ in range(500):
        values = [Decimal(draw.choice(["1", "2.5", "3", "8", "1000", "0.001"])) for _ in range(draw.randint(2, 9))]
        own = draw.choice(values)
        rest = list(values)
        rest.remove(own)
        assert _median_without(sorted(values), own) == Decimal(median(rest))


def test_a_large_store_has_no_false_outliers(store: FactStore) -> None:
    from jjj_brief.facts.outliers import check_magnitudes

    assert check_magnitudes(store) == []  # every synthetic series grows a few percent a year
