"""Periods in time order (not by the kind's name), and the periods and units of derived figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jjj_brief.document import inline_text
from jjj_brief.facts import derive
from jjj_brief.facts.model import Fact, FactStore, Period
from jjj_brief.pipeline import load_store, render_document, resolve_template

MIXED = ["2024H1", "2024-03", "2024Q1", "2023"]
CHRONOLOGICAL = ["2023", "2024-03", "2024Q1", "2024H1"]


def periods(*texts: str) -> list[Period]:
    return [Period.parse(t) for t in texts]


def test_periods_sort_by_when_they_end_not_by_the_name_of_their_kind() -> None:
    # order=True compared kinds as strings: half < month < quarter < year, so 2024H1 came first.
    assert [str(p) for p in sorted(periods(*MIXED))] == CHRONOLOGICAL
    assert str(max(periods(*MIXED))) == "2024H1"
    assert str(min(periods(*MIXED))) == "2023"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # Same last month: the finer period first, the one that covers it after.
        (["2024", "2024Q4", "2024-12", "2024H2"], ["2024-12", "2024Q4", "2024H2", "2024"]),
        (["2024-06", "2024Q2", "2024H1", "2024-07"], ["2024-06", "2024Q2", "2024H1", "2024-07"]),
        (["2024Q3", "2024-08", "2024H1", "2024Q2"], ["2024Q2", "2024H1", "2024-08", "2024Q3"]),
        # Spans end in December; ending together, the shorter span first, and after the year.
        (["2014/2023", "2019/2023", "2023", "2024-01"], ["2023", "2019/2023", "2014/2023", "2024-01"]),
    ],
)
def test_periods_ending_in_the_same_month_put_the_finer_first(texts: list[str], expected: list[str]) -> None:
    assert [str(p) for p in sorted(periods(*texts))] == expected


def test_ordering_is_total_and_equality_still_uses_every_field() -> None:
    q1, march = Period.parse("2024Q1"), Period.parse("2024-03")
    assert q1 != march and len({q1, march, Period(2024, 2024, "quarter", 1)}) == 2
    assert march < q1 and march <= q1 and q1 > march and q1 >= march and q1 <= q1 and q1 >= q1
    assert not q1 < q1 and not q1 > q1
    with pytest.raises(TypeError):
        _ = q1 < "2024Q1"  # type: ignore[operator]


def _fact(period: str, value: str = "1") -> Fact:
    return Fact("iva", "r", Period.parse(period), Decimal(value), "s")


def test_a_series_is_in_time_order() -> None:
    store = FactStore()
    for text in MIXED:
        fact = _fact(text)
        store.facts[(fact.indicator, fact.region, fact.period)] = fact
    assert [str(f.period) for f in store.series("iva", "r")] == CHRONOLOGICAL


FACTS = """\
regions: {r: {en: the region, zh: 该地区}}
sources: {s: {publisher: {en: P}, title: {en: T}}}
indicators:
  iva: {label: {en: industrial added value, zh: 工业增加值}, unit: CNY}
facts:
  - {indicator: iva, region: r, period: "2024H1", value: 1.1e12, source: s}
  - {indicator: iva, region: r, period: "2024-03", value: 0.2e12, source: s}
  - {indicator: iva, region: r, period: "2024Q1", value: 0.5e12, source: s}
  - {indicator: iva, region: r, period: "2023", value: 2.0e12, source: s}
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "the first half of 2024: 1.1 trillion yuan (since 2023)"),
        ("zh", "2024年上半年: 1.1万亿元 (since 2023年)"),
    ],
)
def test_latest_in_a_template_is_the_chronologically_latest(tmp_path: Path, lang: str, expected: str) -> None:
    (tmp_path / "f.yaml").write_text(FACTS, encoding="utf-8")
    template = tmp_path / "t.xml.j2"
    template.write_text(
        '<brief lang="{{ lang_tag }}"><meta><title>T</title></meta>'
        "{% set z = b.latest('iva') %}<p>{{ z|period }}: {{ z|figure }} (since {{ b.earliest('iva')|period }})</p>"
        "</brief>",
        encoding="utf-8",
    )
    store, _ = load_store([tmp_path / "f.yaml"])
    doc, _ = render_document(store, "r", lang, resolve_template(str(template)))
    assert [inline_text(block.content) for block in doc.blocks] == [expected]


def test_derived_figures_name_their_unit_and_period() -> None:
    a, z = _fact("2013", "1.7e12"), _fact("2023", "2.43e12")
    multiple = derive.multiple(a, z)
    assert (multiple.unit, str(multiple.period)) == ("multiple", "2013/2023")
    rate = derive.cagr(a, z)
    assert (rate.unit, str(rate.period)) == ("percent", "2014/2023")
    assert str(derive.growth(a, z).period) == "2013/2023"  # a change compares the two levels


def test_a_one_year_annual_rate_is_labelled_with_that_year() -> None:
    rate = derive.cagr(_fact("2022", "100"), _fact("2023", "105"))
    assert (rate.period, rate.value) == (Period.parse("2023"), Decimal("5.0"))
