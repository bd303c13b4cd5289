"""Fact files read before come back from the cache: the same store, the same errors, never stale."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import REPO

from jjj_brief.errors import FactErrors
from jjj_brief.facts import cache as fact_cache
from jjj_brief.facts.load import load_facts

FACTS_ONLY = "facts:\n" + "".join(
    f'  - {{indicator: gdp, region: jjj, period: "{year}", value: "{year}e9", source: xinhua-2024-10-25}}\n'
    for year in range(1990, 2000)
)


@pytest.fixture
def store_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JJJ_BRIEF_NO_CACHE", raising=False)
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "a-bundled.yaml").write_text(
        (REPO / "facts" / "jjj-2024.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "b-series.yaml").write_text(FACTS_ONLY, encoding="utf-8")
    return folder


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "jjj-brief").glob("facts-*/*.facts"))


def test_a_facts_only_file_is_remembered_and_read_back_the_same(store_dir: Path, tmp_path: Path) -> None:
    first, _ = load_facts([store_dir])
    assert len(entries(tmp_path)) == 1  # only the file that holds nothing but facts
    cached = fact_cache.FactFileCache.open()
    assert cached is not None and cached.facts(store_dir / "b-series.yaml")  # the cache has it now
    second, _ = load_facts([store_dir])
    assert list(second.facts.values()) == list(first.facts.values())
    assert [f.location for f in second.facts.values()] == [f.location for f in first.facts.values()]
    assert str(second.by_id("gdp/jjj/1995").location).endswith("b-series.yaml:7")


def test_an_edited_file_is_read_again(store_dir: Path) -> None:
    load_facts([store_dir])
    series = store_dir / "b-series.yaml"
    series.write_text(FACTS_ONLY.replace('"1995e9"', '"1.5e12"'), encoding="utf-8")
    store, _ = load_facts([store_dir])
    assert str(store.by_id("gdp/jjj/1995").value) == "1.5E+12"


def test_a_cached_file_still_meets_the_other_files_checks(store_dir: Path) -> None:
    load_facts([store_dir])  # remembered while it was fine
    (store_dir / "c-more.yaml").write_text(
        FACTS_ONLY.replace("gdp", "industrial_profit", 1)
        .replace("1990", "2023")
        .replace("region: jjj", "region: nowhere", 1),
        encoding="utf-8",
    )
    (store_dir / "a-bundled.yaml").write_text(
        (store_dir / "a-bundled.yaml").read_text(encoding="utf-8").replace("  jjj:\n", "  jjx:\n", 1), encoding="utf-8"
    )  # the region the cached facts name is gone
    with pytest.raises(FactErrors) as caught:
        load_facts([store_dir])
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith(f"{store_dir / 'b-series.yaml'}:2: unknown region 'jjj'") for m in messages), messages


@pytest.mark.parametrize("damage", [b"", b"JJJFACT\x00" + bytes(100)])
def test_a_damaged_entry_is_ignored(store_dir: Path, tmp_path: Path, damage: bytes) -> None:
    first, _ = load_facts([store_dir])
    (entry,) = entries(tmp_path)
    entry.write_bytes(damage)
    second, _ = load_facts([store_dir])
    assert list(second.facts.values()) == list(first.facts.values()) and len(second.facts) == 22
    assert entry.read_bytes() != damage  # written again


def test_entries_unwritten_for_a_month_are_removed(store_dir: Path, tmp_path: Path) -> None:
    load_facts([store_dir])
    (stale,) = entries(tmp_path)
    long_ago = time.time() - (fact_cache.KEEP_DAYS + 1) * 86400
    os.utime(stale, (long_ago, long_ago))
    other = store_dir / "d-other.yaml"
    other.write_text(FACTS_ONLY.replace("gdp", "industrial_value_added"), encoding="utf-8")
    load_facts([store_dir])  # remembers d-other.yaml, and forgets what is a month old
    assert [p.stat().st_mtime > long_ago for p in entries(tmp_path)] == [True]
