"""Fact files: what loads, exactly, and what is refused with FILE:LINE."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import jjj_brief

from jjj_brief.errors import FactErrors
from jjj_brief.facts.load import load_facts
from jjj_brief.facts.model import Period
from jjj_brief.resources import bundled

HEADER = """\
regions:
  jjj: {en: Beijing-Tianjin-Hebei region, zh: 京津冀地区}
sources:
  xinhua-2024-10-25:
    publisher: {en: Xinhua, zh: 新华社}
    title: {en: "Industrial coordination of Beijing-Tianjin-Hebei region bears fruit in 10 years"}
    date: 2024-10-25
indicators:
  industrial_value_added:
    label: {en: industrial added value, zh: 工业增加值}
    unit: CNY
  gdp_growth_avg:
    label: {en: average annual GDP growth, zh: 地区生产总值年均增长}
    unit: percent
"""


def write(tmp_path: Path, body: str, name: str = "facts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


def problems(path: Path | list[Path]) -> list[str]:
    with pytest.raises(FactErrors) as caught:
        load_facts(path if isinstance(path, list) else [path])
    return [str(p) for p in caught.value.problems]


def test_the_issue_example_loads_with_exact_decimals(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        facts:
          - {indicator: industrial_value_added, region: jjj, period: "2013", value: 1.7e+12, source: xinhua-2024-10-25}
          - {indicator: industrial_value_added, region: jjj, period: "2023", value: "2.43e12", source: xinhua-2024-10-25}
          - {indicator: gdp_growth_avg, region: jjj, period: "2014/2023", value: 5.8, source: xinhua-2024-10-25}
        """,
    )
    store, warnings = load_facts([path])
    assert warnings == []
    series = store.series("industrial_value_added", "jjj")
    assert [str(f.period) for f in series] == ["2013", "2023"]
    assert series[1].value == Decimal("2430000000000")
    rate = store.get("gdp_growth_avg", "jjj", Period.parse("2014/2023"))
    assert rate is not None and rate.value == Decimal("5.8") and rate.location.line == 18


def test_bundled_facts_hold_every_seed_figure() -> None:
    store, _ = load_facts([bundled("facts")])
    expect = {
        ("industrial_value_added", "2013"): "1.7e12",
        ("industrial_value_added", "2023"): "2.43e12",
        ("industrial_value_added_usd", "2013"): "238e9",
        ("industrial_value_added_growth", "2013/2023"): "43",
        ("industrial_profit", "2024H1"): "231e9",
        ("industrial_profit_growth", "2024H1"): "10.2",
        ("gdp", "2023"): "10.4e12",
        ("gdp_growth_avg", "2014/2023"): "5.8",
        ("cluster_share_life_health", "2023"): "20",
        ("cluster_share_power_equipment", "2023"): "20",
        ("it_innovation_security_share", "2023"): "50",
    }
    for (indicator, period), value in expect.items():
        fact = store.get(indicator, "jjj", Period.parse(period))
        assert fact is not None, (indicator, period)
        assert fact.value == Decimal(value)
    assert store.get("industrial_value_added_usd", "jjj", Period.parse("2013")).qualifier == "about"
    assert store.get("industrial_profit", "jjj", Period.parse("2024H1")).qualifier == "record_high"
    assert store.get("cluster_share_life_health", "jjj", Period.parse("2023")).qualifier == "more_than"
    assert len(store.lists["key_industrial_chains"]) == 6


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2023", Period(2023, 2023, "year")),
        ("2024H1", Period(2024, 2024, "half", 1)),
        ("2024Q3", Period(2024, 2024, "quarter", 3)),
        ("2024-06", Period(2024, 2024, "month", 6)),
        ("2014/2023", Period(2023, 2014, "span")),
    ],
)
def test_every_period_form_parses_and_prints_back(text: str, period: Period) -> None:
    assert Period.parse(text) == period
    assert str(period) == text


@pytest.mark.parametrize(
    ("fact", "line", "message"),
    [
        (
            "{indicator: nope, region: jjj, period: '2023', value: 1, source: xinhua-2024-10-25}",
            16,
            "unknown indicator 'nope'",
        ),
        (
            "{indicator: gdp_growth_avg, region: mars, period: '2023', value: 1, source: xinhua-2024-10-25}",
            16,
            "unknown region 'mars'",
        ),
        (
            "{indicator: gdp_growth_avg, region: jjj, period: '2023', value: 1, source: nobody}",
            16,
            "unknown source 'nobody'",
        ),
        (
            "{indicator: gdp_growth_avg, region: jjj, period: '2023', value: lots, source: xinhua-2024-10-25}",
            16,
            "value 'lots' is not a number",
        ),
        (
            "{indicator: gdp_growth_avg, region: jjj, period: '2023', value: .nan, source: xinhua-2024-10-25}",
            16,
            "not a finite number",
        ),
        (
            "{indicator: gdp_growth_avg, region: jjj, period: '2023Q5', value: 1, source: xinhua-2024-10-25}",
            16,
            "unknown period '2023Q5'",
        ),
        (
            "{indicator: gdp_growth_avg, region: jjj, period: '2024-13', value: 1, source: xinhua-2024-10-25}",
            16,
            "unknown period '2024-13'",
        ),
        ("{indicator: gdp_growth_avg, region: jjj, period: '2023', source: xinhua-2024-10-25}", 16, "lacks 'value'"),
        (
            "{indicator: gdp_growth_avg, region: jjj, period: '2023', value: 1, source: xinhua-2024-10-25, qualifier: roughly}",
            16,
            "unknown qualifier 'roughly'",
        ),
    ],
)
def test_a_bad_fact_is_named_by_file_and_line(tmp_path: Path, fact: str, line: int, message: str) -> None:
    path = write(tmp_path, f"facts:\n  - {fact}\n")
    (found,) = problems(path)
    assert found.startswith(f"{path}:{line}: ")
    assert message in found


def test_a_duplicate_fact_names_both_places(tmp_path: Path) -> None:
    fact = "{indicator: gdp_growth_avg, region: jjj, period: '2023', value: 1, source: xinhua-2024-10-25}"
    path = write(tmp_path, f"facts:\n  - {fact}\n  - {fact}\n")
    (found,) = problems(path)
    assert found.startswith(f"{path}:17: duplicate fact gdp_growth_avg/jjj/2023 (first at {path}:16)")


def test_a_duplicate_across_two_files_names_both_files(tmp_path: Path) -> None:
    first = write(tmp_path, "facts: []\n", "a.yaml")
    second = tmp_path / "b.yaml"
    second.write_text("regions:\n  jjj: {en: again}\n", encoding="utf-8")
    (found,) = problems([first, second])
    assert found == f"{second}:2: region 'jjj' is defined twice (first at {first}:2)"


def test_all_problems_are_reported_in_one_pass(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        facts:
          - {indicator: nope, region: jjj, period: '2023', value: 1, source: xinhua-2024-10-25}
          - {indicator: gdp_growth_avg, region: jjj, period: '2023', value: x, source: xinhua-2024-10-25}
        """,
    )
    assert len(problems(path)) == 2


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "file is empty"),
        (b"facts: [\n", "not valid YAML"),
        (b"- just\n- a list\n", "must be a mapping"),
        (b"\xef\xbb\xbffacts: []\n", "byte-order mark"),
        (b"facts: []\nregions: {jjj: {en: caf\xe9}}\n", "not UTF-8"),
        (b"facts:\n\t- {}\n", "YAML does not allow tabs"),
        (b"regions: {}\nregions: {}\n", "duplicate key 'regions'"),
        (b"fatcs: []\n", "unknown section 'fatcs'"),
    ],
)
def test_a_broken_file_is_refused_with_a_reason(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    (found,) = problems(path)
    assert found.startswith(str(path))
    assert message in found


def test_an_unknown_unit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u.yaml"
    path.write_text("indicators:\n  x: {label: {en: x}, unit: XYZ}\n", encoding="utf-8")
    (found,) = problems(path)
    assert found.startswith(f"{path}:2: unknown unit 'XYZ'")


def test_a_control_character_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("regions:\n  r: {en: 'bell\x07'}\n", encoding="utf-8")
    (found,) = problems(path)
    assert found.startswith(f"{path}:2: control character U+0007")


def test_an_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    (found,) = problems(path)
    assert found.startswith(f"{path}: file is 50 MB; fact files are limited to 5 MB")


@pytest.mark.parametrize("value", ['"2.43e100000000"', "1e-40", "1e31", "0e-999999999", "0e-31", "-0E+99"])
def test_a_value_of_absurd_size_is_refused_with_its_line(tmp_path: Path, value: str) -> None:
    # 2.43e100000000 used to pass and overflow the decimal context later: exit 70, no line;
    # 0e-999999999 (zero was exempt) printed in plain notation as a 1 GB string of zeros.
    path = write(
        tmp_path,
        f"""\
        facts:
          - {{indicator: gdp_growth_avg, region: jjj, period: '2023', value: 1, source: xinhua-2024-10-25}}
          - indicator: gdp_growth_avg
            region: jjj
            period: '2024'
            value: {value}
            source: xinhua-2024-10-25
        """,
    )
    text = value.strip('"')
    assert problems(path) == [
        f"{path}:20: value '{text}' is out of range (write it with an exponent between -30 and 30, e.g. 2.43e12)"
    ]


@pytest.mark.parametrize(
    ("value", "expected"), [("9.99e30", "9.99E+30"), ("1e-30", "1E-30"), ("0e-30", "0E-30"), ("0", "0")]
)
def test_values_at_the_edge_of_the_range_still_load(tmp_path: Path, value: str, expected: str) -> None:
    path = write(
        tmp_path,
        f"""\
        facts:
          - {{indicator: gdp_growth_avg, region: jjj, period: '2023', value: {value}, source: xinhua-2024-10-25}}
        """,
    )
    store, _ = load_facts([path])
    assert str(store.get("gdp_growth_avg", "jjj", Period.parse("2023")).value) == expected


def test_facts_check_reports_an_overflowing_value_instead_of_crashing(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        facts:
          - {indicator: gdp_growth_avg, region: jjj, period: '2023', value: "2.43e100000000", source: xinhua-2024-10-25}
        """,
    )
    run = jjj_brief("facts", "check", path)
    assert (run.code, run.out) == (1, ""), run.err
    assert run.err == (
        f"{path}:16: value '2.43e100000000' is out of range "
        "(write it with an exponent between -30 and 30, e.g. 2.43e12)\n"
        "error: 1 problem in the fact files\n"
    )


def test_build_refuses_an_overflowing_value_with_exit_1(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        facts:
          - {indicator: gdp_growth_avg, region: jjj, period: '2023', value: "2.43e100000000", source: xinhua-2024-10-25}
        """,
    )
    run = jjj_brief("build", "--lang", "en", "--format", "docx", "--facts", path, "--out", tmp_path / "out")
    assert run.code == 1, run.err
    assert run.err.startswith(f"{path}:16: value '2.43e100000000' is out of range ")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
