"""`jjj-brief facts export`: the store as a workbook or CSV folder that loads back to the same store."""

from __future__ import annotations

import csv
import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import jjj_brief, soffice_convert

from jjj_brief.errors import BriefError
from jjj_brief.facts.export import export_store, store_tables
from jjj_brief.facts.load import load_facts
from jjj_brief.facts.model import Fact, FactStore, Period
from jjj_brief.resources import bundled

EPOCH = {"SOURCE_DATE_EPOCH": "1729814400"}
SECTIONS = ("regions", "sources", "indicators", "facts", "lists", "settings")


def assert_same_store(a: FactStore, b: FactStore) -> None:
    """Every section equal (locations are not compared), and every value's exact digits too."""
    assert a.facts, "an empty store proves nothing"
    for section in SECTIONS:
        assert getattr(a, section) == getattr(b, section), section
    for key, fact in a.facts.items():
        assert fact.value.normalize() == b.facts[key].value.normalize()


@pytest.mark.parametrize("out_name", ["bundled.xlsx", "bundled-csv"])
def test_the_bundled_store_round_trips_with_nothing_to_diff(tmp_path: Path, out_name: str) -> None:
    out = tmp_path / out_name
    run = jjj_brief("facts", "export", out, env=EPOCH)
    assert run.code == 0, run.err
    written = run.out.splitlines()
    assert written[0] == (f"wrote {out}" if out.suffix else f"wrote {out}/facts.csv")
    diff = jjj_brief("facts", "diff", bundled("facts"), out)
    assert (diff.code, diff.out.splitlines()[-1]) == (0, "0 added, 0 removed, 0 revised, 12 unchanged")
    assert_same_store(load_facts([bundled("facts")])[0], load_facts([out])[0])


def test_paths_are_exported_instead_of_the_bundled_store(tmp_path: Path) -> None:
    source = tmp_path / "one.yaml"
    source.write_text(
        "regions: {r: {en: R}}\nsources: {s: {publisher: {en: P}, title: {en: T}}}\n"
        "indicators: {x: {label: {en: X}, unit: count}}\n"
        "facts:\n  - {indicator: x, region: r, period: '2024Q3', value: '1.23456789012345678', source: s,"
        " note: '=not a formula'}\n  - {indicator: x, region: r, period: '2024-06', value: 4.7, source: s}\n",
        encoding="utf-8",
    )
    out = tmp_path / "one.xlsx"
    assert jjj_brief("facts", "export", out, source).code == 0
    back, _ = load_facts([out])
    assert_same_store(load_facts([source])[0], back)
    long = back.get("x", "r", Period.parse("2024Q3"))
    assert long is not None and long.value == Decimal("1.23456789012345678")  # 18 digits: kept as text
    assert long.note == "=not a formula"


def test_a_workbook_export_has_the_same_bytes_on_every_run(tmp_path: Path) -> None:
    runs = [jjj_brief("facts", "export", tmp_path / f"{n}.xlsx", env=EPOCH) for n in (1, 2)]
    assert [r.code for r in runs] == [0, 0]
    assert (tmp_path / "1.xlsx").read_bytes() == (tmp_path / "2.xlsx").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.xlsx", "2.xlsx"]  # no temporary left behind


def test_libreoffice_reads_the_export_and_its_resaved_copy_loads_to_the_same_store(tmp_path: Path) -> None:
    out = tmp_path / "export" / "bundled.xlsx"
    export_store(load_facts([bundled("facts")])[0], out)
    resaved, as_csv = (soffice_convert([out], kind, tmp_path / kind) for kind in ("xlsx", "csv"))
    with as_csv[0].open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))  # the first sheet, as LibreOffice Calc shows it
    assert rows[0] == ["indicator", "region", "period", "value", "qualifier", "source", "note", "basis"]
    assert rows[2][:4] == ["industrial_value_added", "jjj", "2023", "2430000000000"]
    assert len(rows) == 13
    assert_same_store(load_facts([out])[0], load_facts(resaved)[0])


def test_a_folder_with_other_csv_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text("a,b\n", encoding="utf-8")
    store, _ = load_facts([bundled("facts")])
    with pytest.raises(BriefError) as caught:
        export_store(store, tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}: the folder already holds mine.csv, which would be read with the "
        "export (choose a new folder, or remove those files)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv"]


def test_exporting_again_into_the_same_folder_replaces_every_table(tmp_path: Path) -> None:
    store, _ = load_facts([bundled("facts")])
    export_store(store, tmp_path / "out")
    smaller = dataclasses.replace(
        store, lists={}, facts={k: f for k, f in store.facts.items() if f.region == "jjj" and f.indicator == "gdp"}
    )
    export_store(smaller, tmp_path / "out")
    back, _ = load_facts([tmp_path / "out"])
    assert back.lists == {} and [f.id for f in back.facts.values()] == ["gdp/jjj/2023"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.suffix != ".csv"]


def test_an_unwritable_place_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    run = jjj_brief("facts", "export", blocker / "out.xlsx")
    assert run.code == 1
    assert run.err.startswith(f"error: {tmp_path}/file: cannot write here:")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (Decimal("4.7"), 4.7),
        (Decimal("2.43e12"), 2430000000000),
        (Decimal("1e20"), 1e20),
        (Decimal("1.23456789012345678"), "1.23456789012345678"),
        (Decimal(1234567890123456), "1234567890123456"),
    ],
)
def test_a_value_is_a_number_cell_only_where_the_spreadsheet_holds_it_exactly(value: Decimal, cell: object) -> None:
    period = Period.parse("2023")
    store = FactStore(facts={("x", "r", period): Fact("x", "r", period, value, "s")})
    written = store_tables(store)["facts"][1][3]
    assert (written, type(written)) == (cell, type(cell))
