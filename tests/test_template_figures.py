"""What a template can ask for: locked scales, symbol style, conversions at a dated rate."""

from __future__ import annotations

from pathlib import Path

import pytest

from jjj_brief.document import Figure, inline_text
from jjj_brief.errors import TemplateError
from jjj_brief.pipeline import load_store, render_document, resolve_template

FACTS = """\
regions: {r: {en: the region, zh: 该地区}, china: {en: China, zh: 全国}}
sources: {s: {publisher: {en: P}, title: {en: T}}}
indicators:
  iva: {label: {en: industrial added value, zh: 工业增加值}, unit: CNY}
  cny_per_usd: {label: {en: yuan per U.S. dollar, zh: 人民币兑美元汇率}, unit: CNY/USD}
facts:
  - {indicator: iva, region: r, period: "2013", value: 0.9e12, source: s}
  - {indicator: iva, region: r, period: "2023", value: 1.7e12, source: s}
  - {indicator: cny_per_usd, region: china, period: "2013", value: 6.1932, source: s}
"""


def render(tmp_path: Path, body: str, lang: str, facts: str = FACTS) -> list[str]:
    (tmp_path / "f.yaml").write_text(facts, encoding="utf-8")
    template = tmp_path / "t.xml.j2"
    template.write_text(
        f'<brief lang="{{{{ lang_tag }}}}"><meta><title>T</title></meta>{body}</brief>', encoding="utf-8"
    )
    store, _ = load_store([tmp_path / "f.yaml"])
    doc, _ = render_document(store, "r", lang, resolve_template(str(template)))
    return [inline_text(block.content) for block in doc.blocks]


LOCKED = (
    "{% set s = b.series('iva') %}"
    "<p>{{ s[0]|figure }} / {{ s[1]|figure }}</p>"
    "<p>{{ s[0]|figure(scale=s) }} / {{ s[1]|figure(scale=s) }}</p>"
    "<p>{{ s[1]|figure(style='symbol') }}</p>"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["900 billion yuan / 1.7 trillion yuan", "0.9 trillion yuan / 1.7 trillion yuan", "¥1.7 trillion"]),
        ("zh", ["9000亿元 / 1.7万亿元", "0.9万亿元 / 1.7万亿元", "¥1.7万亿"]),
    ],
)
def test_a_series_can_lock_one_unit_and_money_can_use_symbols(tmp_path: Path, lang: str, expected: list[str]) -> None:
    assert render(tmp_path, LOCKED, lang) == expected


CONVERTED = (
    "{% set a = b.earliest('iva') %}{% set rate = b.exchange_rate(a, 'USD') %}"
    "<p>{{ a|figure }} ({{ b.convert(a, 'USD')|figure }}, {{ rate|period }})</p>"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "900 billion yuan (145.32 billion U.S. dollars, 2013)"), ("zh", "9000亿元 (1453.21亿美元, 2013年)")],
)
def test_a_conversion_comes_from_the_rate_fact_and_names_its_date(tmp_path: Path, lang: str, expected: str) -> None:
    assert render(tmp_path, CONVERTED, lang) == [expected]


def test_a_converted_figure_carries_both_facts(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(FACTS, encoding="utf-8")
    template = tmp_path / "t.xml.j2"
    template.write_text("<brief lang='en'><meta><title>T</title></meta>" + CONVERTED + "</brief>", encoding="utf-8")
    store, _ = load_store([tmp_path / "f.yaml"])
    doc, _ = render_document(store, "r", "en", resolve_template(str(template)))
    converted = [node for node in doc.blocks[0].content if isinstance(node, Figure)][1]
    assert converted.facts == ("iva/r/2013", "cny_per_usd/china/2013")
    assert converted.formula == "convert(iva/r/2013, cny_per_usd/china/2013)"


def test_a_missing_rate_is_a_template_error_naming_the_line(tmp_path: Path) -> None:
    body = "\n<p>{{ b.convert(b.latest('iva'), 'USD')|figure }}</p>"
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, body, "en")
    assert "no exchange rate between CNY and USD for 2023" in str(caught.value)
    assert caught.value.location.line == 2


GROWTH_FACTS = (
    FACTS.replace(
        "  cny_per_usd:",
        "  iva_growth_avg: {label: {en: average annual growth, zh: 年均增长}, unit: percent,"
        " derived: {formula: cagr, of: iva}}\n  cny_per_usd:",
    )
    + "  - {indicator: iva_growth_avg, region: r, period: 2014/2023, value: 6.6, source: s}\n"
)

MULTIPLE = "{% set a, z = b.earliest('iva'), b.latest('iva') %}<p>{{ b.multiple(a, z)|figure }}</p>"


@pytest.mark.parametrize(("lang", "expected"), [("en", "1.9 times"), ("zh", "1.9倍")])
def test_a_derived_multiple_prints_as_times(tmp_path: Path, lang: str, expected: str) -> None:
    # 1.7e12 / 0.9e12 = 1.888…: a multiple at one decimal, not a count ("1.89").
    assert render(tmp_path, MULTIPLE, lang) == [expected]


CAGR = (
    "{% set a, z = b.earliest('iva'), b.latest('iva') %}{% set rate = b.cagr(a, z) %}"
    "<p>{{ rate|figure }} {{ rate|period }}</p>"
    "<p>{{ b.find('iva_growth_avg', rate.period)|figure }}</p>"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", ["6.6 percent 2014–2023", "6.6 percent"]), ("zh", ["6.6% 2014—2023年", "6.6%"])],
)
def test_a_derived_annual_rate_is_labelled_with_its_growth_years(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    # Base 2013, end 2023: the growth years 2014–2023, as the stated rate is keyed, so find() sees it.
    assert render(tmp_path, CAGR, lang, GROWTH_FACTS) == expected
