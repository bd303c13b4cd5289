"""`facts check` warns on a value 1,000 times off the rest of its series: 万 and 亿 confused."""

from __future__ import annotations

from pathlib import Path

from conftest import jjj_brief, make_workbook

from jjj_brief.facts.load import load_facts
from jjj_brief.facts.outliers import check_magnitudes
from jjj_brief.resources import bundled

S = "stats-2024"
VOCABULARY: dict[str, list[list[object]]] = {
    "regions": [["key", "en"], ["gba", "Greater Bay Area"], ["sz", "Shenzhen"]],
    "indicators": [["key", "unit", "en"], ["gdp", "CNY", "GDP"], ["growth", "percent", "growth"]],
    "sources": [["key", "publisher_en", "title_en"], [S, "Bureau", "Yearbook"]],
}


def workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    facts = [["indicator", "region", "period", "value", "scale", "source"], *rows]
    return make_workbook(tmp_path / "gba.xlsx", {"facts": facts, **VOCABULARY})


def test_a_value_in_wan_among_values_in_yi_is_named_with_its_cell_and_neighbours(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            ["gdp", "gba", 2021, 126000, "亿", S],
            ["gdp", "gba", 2022, 131000, "万", S],  # the slip: the column was in 亿
            ["gdp", "gba", 2023, 140000, "亿", S],
            ["gdp", "sz", 2022, 32400, "亿", S],
            ["gdp", "sz", 2023, 34600, "亿", S],
            ["growth", "gba", 2022, 0.01, None, S],  # rates near zero are no slip
            ["growth", "gba", 2023, 4.8, None, S],
        ],
    )
    store, _ = load_facts([path])
    assert [str(f) for f in check_magnitudes(store)] == [
        (
            f"{path}:facts!D3: warning: gdp/gba/2022 is 1310000000, 10,153 times below the rest of its series "
            f"(neighbours 2021: 12600000000000 at {path}:facts!D2; 2023: 14000000000000 at {path}:facts!D4): "
            "check its scale (万 or 亿? thousand or million?)"
        )
    ]
    run = jjj_brief("facts", "check", path)
    assert run.code == 0
    assert f"{path}:facts!D3: warning: gdp/gba/2022 is 1310000000, 10,153 times below" in run.out


def test_of_two_values_far_apart_the_later_one_is_named(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["gdp", "gba", 2022, 131000, "亿", S], ["gdp", "gba", 2023, 140000, "万亿", S]])
    store, _ = load_facts([path])
    (finding,) = check_magnitudes(store)
    assert str(finding).startswith(
        f"{path}:facts!D3: warning: gdp/gba/2023 is 140000000000000000, "
        "10,687 times above the rest of its series (neighbours 2022: 13100000000000 at "
    )


def test_ordinary_series_raise_no_warning(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [["gdp", "gba", 2013, 78000, "亿", S], ["gdp", "gba", 2023, 140000, "亿", S], ["gdp", "gba", 2024, 0, None, S]],
    )
    store, _ = load_facts([path])
    assert check_magnitudes(store) == []
    bundled_store, _ = load_facts([bundled("facts")])
    assert check_magnitudes(bundled_store) == []
