"""Facts from a folder of CSV files (one per sheet), with problems named by FILE:LINE:COLUMN,
mixed freely with YAML files and workbooks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import jjj_brief, make_workbook

from jjj_brief.errors import FactErrors
from jjj_brief.facts.load import load_facts

VOCABULARY = """\
regions:
  gba: {en: Greater Bay Area, zh: 大湾区}
sources:
  stats-2024: {publisher: {en: Statistics bureau}, title: {en: Yearbook}}
indicators:
  gdp: {label: {en: gross domestic product, zh: 地区生产总值}, unit: CNY}
"""


def folder(tmp_path: Path, **tables: str) -> Path:
    """A folder of CSV files (``facts="…"`` → facts.csv) and the vocabulary as YAML beside it."""
    out = tmp_path / "tables"
    out.mkdir()
    for name, text in tables.items():
        (out / f"{name}.csv").write_text(text, encoding="utf-8")
    (out / "vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")
    return out


def problems(*paths: Path) -> list[str]:
    with pytest.raises(FactErrors) as caught:
        load_facts(list(paths))
    return [str(p) for p in caught.value.problems]


def test_a_folder_of_csv_and_yaml_loads_as_one_store_with_exact_values(tmp_path: Path) -> None:
    path = folder(
        tmp_path,
        facts="indicator,region,period,value,scale,source\n"
        "gdp,gba,2023,140000,亿,stats-2024\n"
        "gdp,gba,2022,4.7,万亿,stats-2024\n",
        facts_wide="indicator,region,source,2013,2018\ngdp,gba,stats-2024,7.8e12,\n",
    )
    store, warnings = load_facts([path])
    assert warnings == []
    assert {f.id: f.value for f in store.facts.values()} == {
        "gdp/gba/2023": Decimal("1.4e13"),
        "gdp/gba/2022": Decimal("4.7e12"),
        "gdp/gba/2013": Decimal("7.8e12"),
    }
    locations = sorted(str(f.location) for f in store.facts.values())
    assert locations == [f"{path}/facts.csv:2:4", f"{path}/facts.csv:3:4", f"{path}/facts_wide.csv:2:4"]


def test_problems_are_named_by_line_and_column(tmp_path: Path) -> None:
    path = folder(
        tmp_path,
        facts="indicator,region,period,value,source,note\n"
        'gdp,gba,2023,14,stats-2024,"a note\nover two lines"\n'
        "gdp,gba,2022,3876亿,stats-2024,\n"
        "gdp,mars,2021,1,stats-2024,\n",
    )
    assert problems(path) == [
        f"{path}/facts.csv:4:4: value '3876亿' is not a number (write 3876 in 'value' and 亿 in 'scale')",
        (
            f"{path}/facts.csv:5:2: unknown region 'mars' (define it under 'regions:' (in a workbook: the regions "
            "sheet) or use one of: gba)"
        ),
    ]


def test_excel_utf8_csv_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = folder(tmp_path)
    (path / "facts.csv").write_bytes(
        "\ufeffIndicator,Region,Period,Value,Source\r\ngdp,gba,2023,1.4e13,stats-2024\r\n".encode()
    )
    store, _ = load_facts([path])
    assert [f.id for f in store.facts.values()] == ["gdp/gba/2023"]


def test_a_csv_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = folder(tmp_path)
    (path / "facts.csv").write_bytes("indicator,region,period,value,source\ngdp,广州,2023,1,s\n".encode("gbk"))
    assert problems(path) == [
        (f"{path}/facts.csv:2: file is not UTF-8 text (save it as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)'))")
    ]


def test_one_csv_file_can_be_given_alone_beside_yaml(tmp_path: Path) -> None:
    path = folder(tmp_path, facts="indicator,region,period,value,source\ngdp,gba,2023,1.4e13,stats-2024\n")
    store, _ = load_facts([path / "facts.csv", path / "vocabulary.yaml"])
    assert [f.id for f in store.facts.values()] == ["gdp/gba/2023"]


def test_a_duplicate_across_a_csv_file_and_a_workbook_names_both(tmp_path: Path) -> None:
    path = folder(tmp_path, facts="indicator,region,period,value,source\ngdp,gba,2023,1.4e13,stats-2024\n")
    workbook = make_workbook(
        tmp_path / "more.xlsx",
        {"facts": [["indicator", "region", "period", "value", "source"], ["gdp", "gba", 2023, 14, "stats-2024"]]},
    )
    assert problems(path, workbook) == [
        (
            f"{workbook}:facts!D2: duplicate fact gdp/gba/2023 (first at {path}/facts.csv:2:4) "
            "(keep one value per indicator, region and period)"
        )
    ]


def test_a_missing_file_does_not_hide_the_problems_of_the_others(tmp_path: Path) -> None:
    path = folder(tmp_path, facts="indicator,region,period,value,source\ngdp,gba,2023,x,stats-2024\n")
    assert problems(tmp_path / "nowhere.xlsx", path) == [
        f"{tmp_path}/nowhere.xlsx: no such file or folder",
        (
            f"{path}/facts.csv:2:4: value 'x' is not a number (write digits, e.g. 2.43e12 or 5.8; a unit goes "
            "in the 'scale' column (亿, million, 1e8))"
        ),
    ]


def test_build_refuses_a_bad_cell_with_exit_1_and_writes_nothing(tmp_path: Path) -> None:
    path = folder(tmp_path, facts="indicator,region,period,value,source\ngdp,gba,2023,1.4e13,nobody\n")
    run = jjj_brief("build", "--lang", "en", "--format", "docx", "--facts", path, "--out", tmp_path / "out")
    assert run.code == 1
    assert run.err.startswith(f"{path}/facts.csv:2:5: unknown source 'nobody'")
    assert not (tmp_path / "out").exists()
