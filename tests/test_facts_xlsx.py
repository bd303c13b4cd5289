"""Facts from workbooks: both layouts, exact values, formulas, and every problem named by SHEET!CELL."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import jjj_brief, make_workbook, soffice_convert
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jjj_brief.errors import FactErrors
from jjj_brief.facts.load import load_facts
from jjj_brief.facts.model import Period

S = "stats-2024"
VOCABULARY: dict[str, list[list[object]]] = {
    "regions": [
        ["Key", "EN", "zh", "ZH_HANT", "in_text_en"],
        ["gba", "Greater Bay Area", "大湾区", "大灣區", "the Greater Bay Area"],
        ["shenzhen", "Shenzhen", "深圳市", "深圳市", None],
    ],
    "indicators": [
        ["key", "unit", "en", "zh", "derived_formula", "derived_of"],
        ["gdp", "CNY", "gross domestic product", "地区生产总值", None, None],
        ["gdp_growth", "percent", "GDP growth", "地区生产总值增长", "growth", "gdp"],
    ],
    "sources": [
        ["key", "publisher_en", "title_en", "title_zh", "date", "url"],
        [S, "Statistics bureau", "Yearbook", "统计年鉴", dt.datetime(2024, 10, 25), None],
    ],
}


def book(
    tmp_path: Path, facts: list[list[object]], name: str = "gba.xlsx", sheet: str = "facts", **more: list[list[object]]
) -> Path:
    return make_workbook(tmp_path / name, {sheet: facts, **VOCABULARY, **more})


def problems(*paths: Path) -> list[str]:
    with pytest.raises(FactErrors) as caught:
        load_facts(list(paths))
    return [str(p) for p in caught.value.problems]


def values(path: Path) -> dict[str, Decimal]:
    store, _ = load_facts([path])
    return {f.id: f.value for f in store.facts.values()}


def test_the_long_form_reads_any_column_order_and_case_with_exact_values(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ["Source", "VALUE", "Period", "Region", "Indicator", "Scale", "note"],
            [S, 4.7, 2013, "gba", "gdp", "万亿", "typed as a number"],
            [S, 3876, "2014", "gba", "gdp", "亿", None],
            [S, "2.43e12", "2015", "gba", "gdp", None, "a number stored as text"],
            [S, 0.1, "2016", "gba", "gdp", "1e12", None],
            [S, 1.5, "2017", "gba", "gdp", "trillion", None],
            [S, 7.3, dt.datetime(2024, 6, 1), "gba", "gdp", "million", "a month a spreadsheet made a date"],
        ],
    )
    assert values(path) == {
        "gdp/gba/2013": Decimal("4.7e12"),  # the double 4.7 is the decimal 4.7: not 4.7000000000000001776…
        "gdp/gba/2014": Decimal(387600000000),
        "gdp/gba/2015": Decimal(2430000000000),
        "gdp/gba/2016": Decimal(100000000000),
        "gdp/gba/2017": Decimal(1500000000000),
        "gdp/gba/2024-06": Decimal(7300000),
    }
    store, warnings = load_facts([path])
    assert warnings == []
    fact = store.get("gdp", "gba", Period.parse("2013"))
    assert fact is not None and str(fact.location) == f"{path}:facts!B2" and fact.note == "typed as a number"
    assert str(fact.value) == "4.7E+12"


def test_the_other_sheets_fill_the_rest_of_the_store(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [["indicator", "region", "period", "value", "source"], ["gdp", "gba", "2023", 14, S]],
        lists=[["list", "en", "zh"], ["chains", "robots", "机器人"], ["chains", "drones", "无人机"]],
        briefing=[
            ["key", "value", "en", "zh"],
            ["region", "gba", None, None],
            ["masthead", None, "GBA briefing", "大湾区简报"],
            ["issue", 3, None, None],
        ],
    )
    store, _ = load_facts([path])
    gba = store.regions["gba"]
    assert gba.name.by_lang == (("en", "Greater Bay Area"), ("zh", "大湾区"), ("zh_Hant", "大灣區"))
    assert gba.in_text is not None and gba.in_text.get("en") == "the Greater Bay Area"
    assert store.regions["shenzhen"].in_text is None
    derived = store.indicators["gdp_growth"].derived
    assert derived is not None and (derived.formula, derived.of) == ("growth", "gdp")
    source = store.sources[S]
    assert (source.date, source.url, source.title.get("zh")) == (dt.date(2024, 10, 25), "", "统计年鉴")
    assert [item.get("zh") for item in store.lists["chains"]] == ["机器人", "无人机"]
    assert store.settings["region"] == "gba" and store.settings["issue"] == "3"
    masthead = store.settings["masthead"]
    assert not isinstance(masthead, str) and masthead.get("zh") == "大湾区简报"


def test_the_wide_form_has_a_column_per_period_and_skips_empty_cells(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ["indicator", "region", "source", "scale", 2013, "2023", "2024H1", "2019/2023"],
            ["gdp", "gba", S, "亿", 78000, 140000, None, None],
            ["gdp", "shenzhen", S, "亿", 14500.5, None, "17000", None],
            ["gdp_growth", "gba", S, None, None, None, None, 26.5],
        ],
        sheet="facts wide",
    )
    assert values(path) == {
        "gdp/gba/2013": Decimal("7.8e12"),
        "gdp/gba/2023": Decimal("1.4e13"),
        "gdp/shenzhen/2013": Decimal(1450050000000),
        "gdp/shenzhen/2024H1": Decimal("1.7e12"),
        "gdp_growth/gba/2019/2023": Decimal("26.5"),
    }
    store, _ = load_facts([path])
    fact = store.get("gdp", "shenzhen", Period.parse("2024H1"))
    assert fact is not None and str(fact.location) == f"{path}:'facts wide'!G3"


def test_every_problem_of_a_workbook_is_named_by_sheet_and_cell(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ["indicator", "region", "period", "value", "scale", "source", "colour"],
            ["gdp", "gba", "2022", 3.5, "万亿", S, None],
            ["gdp", "gba", "2023", "3876亿", None, S, None],
            ["gdp", "mars", "2023", 1, None, S, None],
            ["gdp", "gba", "2023Q5", 1, None, S, None],
            ["gdp", "gba", "2021", 2, "lots", S, None],
            ["gdp", "gba", "2022", 3.5, "万亿", S, None],
            ["gdp", "gba", "2020", 1, None, None, None],
        ],
    )
    assert problems(path) == [
        (
            f"{path}:facts!G1: unknown column 'colour' (columns are: indicator, region, period, value, scale, "
            "qualifier, source, note, basis (or the wide form: indicator, region, source, one per period))"
        ),
        f"{path}:facts!D3: value '3876亿' is not a number (write 3876 in 'value' and 亿 in 'scale')",
        (
            f"{path}:facts!C5: unknown period '2023Q5': write a year (2023), a half (2024H1), a quarter (2024Q3), "
            "a month (2024-06) or a span (2014/2023)"
        ),
        (
            f"{path}:facts!E6: scale 'lots' is not a power of ten (use 1, 万, 亿, 万亿, thousand, million, billion, "
            "trillion, or a power of ten such as 1e8)"
        ),
        (
            f"{path}:facts!D7: duplicate fact gdp/gba/2022 (first at {path}:facts!D2) "
            "(keep one value per indicator, region and period)"
        ),
        f"{path}:facts!F8: a fact lacks 'source'",
        (
            f"{path}:facts!B4: unknown region 'mars' (define it under 'regions:' (in a workbook: the regions sheet) "
            "or use one of: gba, shenzhen)"
        ),
    ]


def test_a_formula_uses_the_result_a_spreadsheet_saved(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ["indicator", "region", "period", "value", "source"],
            ["gdp", "gba", "2022", 12, S],
            ["gdp", "gba", "2023", "=D2*1.5", S],
        ],
    )
    _save_result(path, "D3", "18")  # what Excel or LibreOffice writes beside the formula
    assert values(path) == {"gdp/gba/2022": Decimal(12), "gdp/gba/2023": Decimal(18)}


def test_a_formula_without_a_saved_result_is_an_error_that_says_so(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ["indicator", "region", "period", "value", "source"],
            ["gdp", "gba", "2022", "=1/0", S],
            ["gdp", "gba", "2023", "=D2*2", S],
        ],
    )
    _save_result(path, "D2", "#DIV/0!", error=True)
    assert problems(path) == [
        f"{path}:facts!D2: the cell holds the error #DIV/0! (correct the formula or type the value)",
        (
            f"{path}:facts!D3: the formula =D2*2 has no saved result (open the workbook in Excel or "
            "LibreOffice and save it, so the result is stored; or type the value)"
        ),
    ]


def test_a_workbook_a_spreadsheet_program_recalculated_loads(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [
            ["indicator", "region", "period", "value", "source"],
            ["gdp", "gba", "2022", 4.7, S],
            ["gdp", "gba", "2023", "=D2*3/2", S],
        ],
    )
    assert "has no saved result" in problems(path)[0]
    (saved,) = soffice_convert([path], "xlsx", tmp_path / "saved")  # LibreOffice calculates and saves
    assert values(saved) == {"gdp/gba/2022": Decimal("4.7"), "gdp/gba/2023": Decimal("7.05")}


def _save_result(path: Path, cell: str, result: str, error: bool = False) -> None:
    """Put a saved result beside a formula, as a spreadsheet program does (openpyxl writes none)."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    kind = ' t="e"' if error else ""
    sheet, count = re.subn(
        rf'<c r="{cell}"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>',
        rf'<c r="{cell}"\1{kind}><f>\2</f><v>{result}</v></c>',
        sheet,
    )
    assert count == 1, sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_a_workbook_and_yaml_merge_and_a_duplicate_names_both_places(tmp_path: Path) -> None:
    path = book(tmp_path, [["indicator", "region", "period", "value", "source"], ["gdp", "gba", "2023", 14, S]])
    extra = tmp_path / "more.yaml"
    extra.write_text(
        "facts:\n  - {indicator: gdp, region: shenzhen, period: '2023', value: 3.46e12, source: "
        f"{S}}}\nregions:\n  gba: {{en: again}}\n",
        encoding="utf-8",
    )
    assert problems(path, extra) == [f"{extra}:4: region 'gba' is defined twice (first at {path}:regions!A2)"]
    extra.write_text(
        f"facts:\n  - {{indicator: gdp, region: shenzhen, period: '2023', value: 3.46e12, source: {S}}}\n",
        encoding="utf-8",
    )
    store, _ = load_facts([path, extra])
    assert {f.id for f in store.facts.values()} == {"gdp/gba/2023", "gdp/shenzhen/2023"}


def test_a_sheet_with_another_name_is_not_read_and_a_warning_says_so(tmp_path: Path) -> None:
    path = book(
        tmp_path,
        [["indicator", "region", "period", "value", "source"], ["gdp", "gba", "2023", 14, S]],
        Notes=[["these are my notes"]],
    )
    _, warnings = load_facts([path])
    assert [str(w) for w in warnings] == [
        (
            f"{path}:Notes: warning: 'Notes' is not read: tables are named facts, regions, indicators, sources, "
            "briefing, lists (or 'facts …')"
        )
    ]


def test_a_workbook_without_a_facts_sheet_is_refused(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "vocabulary.xlsx", VOCABULARY)
    assert problems(path) == [
        (
            f"{path}: no sheet named 'facts' (the facts go in a sheet (or CSV file) named "
            "'facts', one per row or one per period)"
        )
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not an Excel workbook: the file is not a zip package"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "this is the old binary Excel format, which jjj-brief cannot read"),
    ],
)
def test_what_is_not_a_workbook_is_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (found,) = problems(path)
    assert found.startswith(f"{path}: {message}")


def test_a_pipe_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "facts.xlsx"
    os.mkfifo(path)  # opening it to read would block for ever
    assert problems(path) == [f"{path}: not a regular file (give a fact file (YAML, .xlsx, .csv) or a folder of them)"]


def test_an_oversized_workbook_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as f:
        f.truncate(30 * 1024 * 1024)  # sparse: 30 MB on paper
    assert problems(path) == [
        (f"{path}: file is 30 MB; workbooks are limited to 20 MB (split it into several files in one folder)")
    ]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = book(tmp_path, [["indicator", "region", "period", "value", "source"], ["gdp", "gba", "2023", 14, S]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/sharedStrings.xml", b" " * (40 * 1024 * 1024))  # 40 MB of text in ~40 kB
    assert path.stat().st_size < 1024 * 1024
    (found,) = problems(path)
    assert found.startswith(f"{path}: the workbook unpacks to 40 MB in ")
    assert "limited to 100 MB unpacked, 16 MB of text" in found


def test_a_sheet_beyond_the_row_limit_is_refused(tmp_path: Path) -> None:
    path = book(tmp_path, [["indicator", "region", "period", "value", "source"], ["gdp", "gba", "2023", 14, S]])
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", far)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert problems(path) == [
        (
            f"{path}:facts: the table is too large (more than 100,000 rows or 2,000,000 cells) "
            "(split it into several workbooks or files)"
        )
    ]


def test_facts_check_names_the_cell_and_exits_1(tmp_path: Path) -> None:
    path = book(tmp_path, [["indicator", "region", "period", "value", "source"], ["gdp", "gba", "2023", "3876亿", S]])
    run = jjj_brief("facts", "check", path)
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        f"{path}:facts!D2: value '3876亿' is not a number (write 3876 in 'value' and 亿 in 'scale')\n"
        "error: 1 problem in the fact files\n"
    )


CELLS = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["=1/0", "=D2*2", "#N/A", "万", "亿", "1e8", "2024H1", "2019/2023", "gba", S, "gdp"]),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    rows=st.lists(st.lists(CELLS, min_size=1, max_size=8), max_size=6),
    header=st.sampled_from(
        [
            ["indicator", "region", "period", "value", "scale", "qualifier", "source", "note"],
            ["indicator", "region", "source", "scale", 2013, "2024H1", "2019/2023"],
        ]
    ),
)
def test_any_cells_load_or_fail_with_located_errors(
    tmp_path: Path, rows: list[list[object]], header: list[object]
) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    clean = [[ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row] for row in rows]
    path = book(tmp_path, [header, *clean])
    try:
        store, _ = load_facts([path])
    except FactErrors as caught:
        assert caught.problems
        for problem in caught.problems:
            assert str(problem).startswith(f"{path}:"), problem  # every problem names the workbook's place
    else:
        assert all(str(f.location).startswith(f"{path}:facts!") for f in store.facts.values())
