"""Exchange-rate facts (unit ``CNY/USD``): printed as rates, never as money.

A rate in the briefing's region reaches the key-figures table of both bundled
templates through ``b.facts_of()``; it used to go through the money formatter,
which refused the unit and stopped the build.  The table keeps it (the rate
behind a conversion is a figure a reader may want) and prints it as the press
does.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REPO, jjj_brief, pdftotext

from jjj_brief.l10n import Localizer
from jjj_brief.rendering.figure_style import FigureStyle


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "6.1932 yuan per U.S. dollar"),
        ("zh", "每美元兑换6.1932元人民币"),
        ("zh_Hant", "每美元兌換6.1932元人民幣"),
    ],
)
def test_a_rate_reads_as_the_press_writes_it(lang: str, expected: str) -> None:
    assert Localizer.for_language(lang).rate(Decimal("6.1932"), "CNY", "USD") == expected


def test_the_inverse_rate_and_other_pairs_read_alike() -> None:
    en, zh = Localizer.for_language("en"), Localizer.for_language("zh")
    assert en.rate(Decimal("0.16146"), "USD", "CNY") == "0.1615 U.S. dollars per yuan"
    assert zh.rate(Decimal("0.16146"), "USD", "CNY") == "每元人民币兑换0.1615美元"
    assert zh.rate(Decimal("7.8"), "CNY", "EUR", qualifier="about") == "约每欧元兑换7.8人民币"


def test_a_rate_is_printed_to_four_places_even_with_the_default_digits_of_an_amount() -> None:
    style = FigureStyle("figure", digits=2)
    assert style.apply(Localizer.for_language("en"), Decimal("6.1932"), "CNY/USD") == "6.1932 yuan per U.S. dollar"
    assert (
        FigureStyle.parse(str(style)).apply(Localizer.for_language("zh"), Decimal("6.1932"), "CNY/USD")
        == "每美元兑换6.1932元人民币"
    )


def test_a_chart_of_rates_counts_in_a_rate_unit() -> None:
    rates = [Decimal("6.1932"), Decimal("7.1884")]
    assert Localizer.for_language("en").axis_unit(rates, "CNY/USD") == "yuan per U.S. dollar"
    assert Localizer.for_language("zh").axis_unit(rates, "CNY/USD") == "人民币元/美元"
    assert Localizer.for_language("zh").chart_value(rates[0], rates, "CNY/USD") == "6.19"


@pytest.fixture(scope="module")
def rate_facts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled facts plus the 2013 yuan–dollar rate, in the briefing's own region."""
    text = (REPO / "facts" / "jjj-2024.yaml").read_text(encoding="utf-8")
    indicator = (
        '  cny_per_usd:\n    label: {en: "exchange rate (yuan per U.S. dollar)", '
        "zh: 人民币对美元汇率, zh_Hant: 人民幣對美元匯率}\n    unit: CNY/USD\n"
    )
    fact = '  - {indicator: cny_per_usd, region: jjj, period: "2013", value: "6.1932", source: xinhua-2024-10-25}\n'
    assert "\nfacts:\n" in text
    text = text.replace("\nfacts:\n", f"\n{indicator}\nfacts:\n{fact}")
    path = tmp_path_factory.mktemp("rate") / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("template", "lang", "row"),
    [
        ("briefing", "en", "Exchange rate (yuan per U.S. dollar) 2013 6.1932 yuan per U.S. dollar"),
        ("briefing", "zh", "人民币对美元汇率 2013年 每美元兑换6.1932元人民币"),
        ("jianbao", "zh", "人民币对美元汇率 2013年 每美元兑换6.1932元人民币"),
    ],
)
def test_a_rate_in_the_region_builds_and_prints_in_the_key_figures_table(
    rate_facts: Path, tmp_path: Path, template: str, lang: str, row: str
) -> None:
    run = jjj_brief(
        "build",
        "--lang",
        lang,
        "--format",
        "pdf",
        "--template",
        template,
        "--facts",
        rate_facts,
        "--out",
        tmp_path,
        env={"SOURCE_DATE_EPOCH": "1729814400"},
    )
    assert run.code == 0, run.err
    pdf = tmp_path / f"{template}-{lang}.pdf"
    assert row in [" ".join(line.split()) for line in pdftotext(pdf, "-layout").splitlines()]
