"""The :class:`Localizer`: every figure, period and date of a briefing, as final text.

Templates call these methods (through filters) with the locale of the render;
nothing else in the project formats a number or picks a unit word.  Numbers
come from Babel and CLDR (see :mod:`jjj_brief.l10n.scales`), words from the
catalog (see :mod:`jjj_brief.l10n.patterns`), so the Chinese editions differ
from the English one only by data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.dates import format_skeleton
from babel.lists import format_list
from babel.numbers import get_currency_name, get_currency_symbol
from babel.support import NullTranslations

from jjj_brief.errors import CatalogError
from jjj_brief.facts.model import Period
from jjj_brief.facts.units import is_currency, is_exchange_rate
from jjj_brief.l10n import patterns
from jjj_brief.l10n.axes import nice_ticks, outline_number, tick_digits
from jjj_brief.l10n.catalogs import translations_for
from jjj_brief.l10n.language import Language, resolve_language
from jjj_brief.l10n.scales import (
    PLAIN,
    Scale,
    auto_scale,
    format_fixed,
    format_scaled,
    round_half_up,
    shared_scale,
    unit_words,
)


class Localizer:
    """Formats figures, periods and dates for one :class:`Language`.

    >>> en, zh = Localizer.for_language("en"), Localizer.for_language("zh")
    >>> en.amount(Decimal("2.43e12"), "CNY"), zh.amount(Decimal("2.43e12"), "CNY")
    ('2.43 trillion yuan', '2.43万亿元')
    """

    def __init__(self, language: Language, translations: NullTranslations) -> None:
        self.language = language
        self.translations = translations

    @classmethod
    def for_language(cls, requested: str, locales_dir: str | Path | None = None) -> Localizer:
        """The localizer for a ``--lang`` value (``en``, ``zh``, ``zh-TW``…), catalog loaded."""
        language = resolve_language(requested, locales_dir)
        return cls(language, translations_for(language.code, locales_dir))

    @property
    def locale(self) -> Locale:
        """The locale for dates, currency names and symbols (territory-specific)."""
        return self.language.locale

    @property
    def number_locale(self) -> Locale:
        """The locale for numbers and their compact units (the written language's)."""
        return self.language.number_locale

    def __repr__(self) -> str:
        return f"Localizer({self.language.code!r}, locale={str(self.locale)!r})"

    def phrase(self, msgid: str, **values: object) -> str:
        """Translate a pattern and fill its named placeholders.

        >>> Localizer.for_language("zh").phrase("{amount} yuan", amount="2310亿")
        '2310亿元'
        """
        return self._fill(self.translations.gettext(msgid), msgid, values)

    def _fill(self, pattern: str, msgid: str, values: dict[str, object]) -> str:
        """Fill a translated pattern; a translation with foreign placeholders is the catalog's fault."""
        try:
            return pattern.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise CatalogError(
                f"translation of {msgid!r} in {self.language.code!r} does not fit its placeholders "
                f"({', '.join(values)}): {pattern!r}"
            ) from exc

    # -- numbers -----------------------------------------------------------------------------

    def number(self, value: Decimal, digits: int = 2) -> str:
        """A plain grouped number, rounded half up, as counts are written.

        >>> Localizer.for_language("en").number(Decimal("1234.50"), 1)
        '1,234.5'
        """
        return format_scaled(Decimal(value), PLAIN, digits, self.number_locale)

    def compact(self, value: Decimal, *, digits: int = 2, scale: Scale | None = None) -> str:
        """A number in the locale's compact unit (``2.43 trillion``, ``2310亿``), or ``scale``'s unit.

        >>> Localizer.for_language("zh").compact(Decimal("231e9"))
        '2310亿'
        """
        value = Decimal(value)
        chosen = scale if scale is not None else auto_scale(value, digits, self.number_locale)
        return format_scaled(value, chosen, digits, self.number_locale)

    def scale_for(self, values: Iterable[Decimal], *, digits: int = 2) -> Scale:
        """One unit for a whole series (that of its largest figure), for ``amount(scale=…)``.

        >>> zh = Localizer.for_language("zh")
        >>> s = zh.scale_for([Decimal("0.9e12"), Decimal("1.7e12")])
        >>> zh.amount(Decimal("0.9e12"), "CNY", scale=s), zh.amount(Decimal("0.9e12"), "CNY")
        ('0.9万亿元', '9000亿元')
        """
        return shared_scale([Decimal(v) for v in values], digits, self.number_locale)

    def amount(
        self,
        value: Decimal,
        unit: str,
        *,
        digits: int = 2,
        scale: Scale | None = None,
        qualifier: str | None = None,
        style: str = "name",
    ) -> str:
        """Money (an ISO 4217 ``unit``), a ``count`` or a ``percent``, with its qualifier.

        >>> en = Localizer.for_language("en")
        >>> en.amount(Decimal("238e9"), "USD", qualifier="about")
        'about 238 billion U.S. dollars'
        >>> en.amount(Decimal("238e9"), "USD", style="symbol")
        'US$238 billion'
        """
        if unit == "percent":
            return self.percent(value, digits=digits, qualifier=qualifier)
        figure = self.compact(value, digits=digits, scale=scale)
        if unit != "count":
            figure = self._money(figure, unit, Decimal(value), style)
        return self._qualified(figure, qualifier)

    def _money(self, figure: str, currency: str, value: Decimal, style: str) -> str:
        """Put the currency's word or symbol around a formatted figure."""
        if style not in ("name", "symbol"):
            raise ValueError(f"unknown money style {style!r}: use 'name' or 'symbol'")
        if not is_currency(currency):
            raise ValueError(f"unknown unit {currency!r}: use an ISO 4217 code, count or percent")
        if style == "symbol":
            if currency in patterns.CURRENCY_SYMBOLS:
                return self.phrase(patterns.CURRENCY_SYMBOLS[currency], amount=figure)
            symbol = get_currency_symbol(currency, self.locale)
            return self.phrase(patterns.OTHER_CURRENCY_SYMBOL, symbol=symbol, amount=figure)
        if currency in patterns.CURRENCY_NAMES:
            return self.phrase(patterns.CURRENCY_NAMES[currency], amount=figure)
        name = get_currency_name(currency, count=abs(value), locale=self.locale)
        return self.phrase(patterns.OTHER_CURRENCY_NAME, currency=name, amount=figure)

    def _qualified(self, figure: str, qualifier: str | None) -> str:
        """Wrap a figure in what the source said about it; ``record_high`` leaves it as is."""
        if qualifier is None or qualifier == "record_high":
            return figure
        if qualifier not in patterns.QUALIFIERS:
            known = ", ".join([*patterns.QUALIFIERS, "record_high"])
            raise ValueError(f"unknown qualifier {qualifier!r}: use one of {known}")
        return self.phrase(patterns.QUALIFIERS[qualifier], figure=figure)

    # -- rates -------------------------------------------------------------------------------

    def percent(self, value: Decimal, *, digits: int = 1, qualifier: str | None = None) -> str:
        """A percentage given in percent units (``10.2`` means 10.2 %).

        >>> en, zh = Localizer.for_language("en"), Localizer.for_language("zh")
        >>> en.percent(Decimal("10.2")), zh.percent(Decimal("20"), qualifier="more_than")
        ('10.2 percent', '超过20%')
        """
        text = self.phrase(patterns.PERCENT, number=self.number(value, digits))
        return self._qualified(text, qualifier)

    def change(self, value: Decimal, *, digits: int = 1, basis: str | None = None) -> str:
        """A growth rate in percent as a rise or a fall, optionally ``year_on_year`` or ``average_annual``.

        >>> Localizer.for_language("en").change(Decimal("10.2"), basis="year_on_year")
        'up 10.2 percent year on year'
        >>> Localizer.for_language("zh").change(Decimal("-3.1"))
        '下降3.1%'
        """
        rounded = round_half_up(Decimal(value), digits)
        direction = "up" if rounded > 0 else "down" if rounded < 0 else "flat"
        if (basis, direction) not in patterns.CHANGES:
            bases = sorted({b for b, _ in patterns.CHANGES if b})
            raise ValueError(f"unknown change basis {basis!r}: use None or one of {', '.join(bases)}")
        return self.phrase(patterns.CHANGES[basis, direction], percent=self.percent(abs(rounded), digits=digits))

    def rate(self, value: Decimal, quote: str, base: str, *, digits: int = 4, qualifier: str | None = None) -> str:
        """An exchange rate: ``value`` units of ``quote`` for one unit of ``base`` (a ``CNY/USD`` fact).

        Four places by default, as central banks quote rates: rounding 6.1932 to
        6.19 would change every conversion a reader redoes.  The Chinese press
        form names the base first (每美元兑换…元人民币), so the words come whole
        from the catalog, not assembled around a currency name.

        >>> en, zh = Localizer.for_language("en"), Localizer.for_language("zh")
        >>> en.rate(Decimal("6.1932"), "CNY", "USD"), zh.rate(Decimal("6.1932"), "CNY", "USD")
        ('6.1932 yuan per U.S. dollar', '每美元兑换6.1932元人民币')
        >>> en.rate(Decimal("0.1615"), "USD", "CNY"), zh.rate(Decimal("7.8"), "CNY", "EUR")
        ('0.1615 U.S. dollars per yuan', '每欧元兑换7.8人民币')
        """
        for code in (quote, base):
            if not is_currency(code):
                raise ValueError(f"unknown currency {code!r} in exchange rate {quote}/{base}: use ISO 4217 codes")
        number = self.number(Decimal(value), digits)
        text = self._rate_words(patterns.RATES, patterns.OTHER_RATE, quote, base, Decimal(value), number=number)
        return self._qualified(text, qualifier)

    def _rate_words(
        self, known: dict[tuple[str, str], str], other: str, quote: str, base: str, value: Decimal, **values: str
    ) -> str:
        """A rate phrase: the catalog's own words for a common pair, else CLDR's currency names."""
        if (quote, base) in known:
            return self.phrase(known[quote, base], **values)
        quote_name = get_currency_name(quote, count=abs(value), locale=self.locale)
        base_name = get_currency_name(base, count=1, locale=self.locale)
        return self.phrase(other, quote=quote_name, base=base_name, **values)

    def multiple(self, value: Decimal, *, digits: int = 1, qualifier: str | None = None) -> str:
        """How many times its base a value became; exactly 2 reads as a doubling.

        >>> en, zh = Localizer.for_language("en"), Localizer.for_language("zh")
        >>> en.multiple(Decimal(2), qualifier="almost"), zh.multiple(Decimal(2), qualifier="almost")
        ('almost doubled', '接近翻一番')
        >>> en.multiple(Decimal("3.46")), zh.multiple(Decimal("3.46"))
        ('3.5 times', '3.5倍')
        """
        rounded = round_half_up(Decimal(value), digits)
        if rounded == 2:
            text = self.phrase(patterns.DOUBLED)
        else:
            text = self.phrase(patterns.TIMES, number=self.number(rounded, digits))
        return self._qualified(text, qualifier)

    def points(self, value: Decimal, *, digits: int = 1) -> str:
        """A difference of two rates, in percentage points.

        >>> en, zh = Localizer.for_language("en"), Localizer.for_language("zh")
        >>> en.points(Decimal("1.5")), zh.points(Decimal("1.5"))
        ('1.5 percentage points', '1.5个百分点')
        """
        rounded = round_half_up(Decimal(value), digits)
        # gettext plural rules take integers; a fraction is plural in English ("1.5 points").
        count = int(abs(rounded)) if rounded == rounded.to_integral_value() else 2
        pattern = patterns.points_pattern(self.translations, count)
        return self._fill(pattern, "{number} percentage points", {"number": self.number(rounded, digits)})

    # -- time --------------------------------------------------------------------------------

    def period(self, period: Period) -> str:
        """A reporting period: year, half, quarter, month or span of years.

        >>> zh = Localizer.for_language("zh")
        >>> [zh.period(Period.parse(p)) for p in ("2023", "2024H1", "2024Q3", "2024-06", "2014/2023")]
        ['2023年', '2024年上半年', '2024年第三季度', '2024年6月', '2014—2023年']
        """
        if period.kind == "year":
            return self.phrase(patterns.YEAR, year=str(period.end))
        if period.kind == "half":
            return self.phrase(patterns.HALVES[period.n], year=str(period.end))
        if period.kind == "quarter":
            return self.phrase(patterns.QUARTERS[period.n], year=str(period.end))
        if period.kind == "month":
            return format_skeleton("yMMMM", dt.date(period.end, period.n, 1), locale=self.locale)
        return self.phrase(patterns.YEAR_SPAN, start=str(period.start), end=str(period.end))

    def period_range(self, first: Period, last: Period) -> str:
        """From one period to another: a span of years when both are years, else ``… to …``.

        >>> en = Localizer.for_language("en")
        >>> en.period_range(Period.parse("2013"), Period.parse("2023"))
        '2013–2023'
        >>> Localizer.for_language("zh").period_range(Period.parse("2023H1"), Period.parse("2024H1"))
        '2023年上半年至2024年上半年'
        """
        if first.kind in ("year", "span") and last.kind in ("year", "span"):
            return self.phrase(patterns.YEAR_SPAN, start=str(first.start), end=str(last.end))
        return self.phrase(patterns.PERIOD_RANGE, start=self.period(first), end=self.period(last))

    def date(self, day: dt.date) -> str:
        """A calendar date in the locale's long form, from CLDR's ``yMMMMd`` skeleton.

        >>> day = dt.date(2024, 10, 25)
        >>> Localizer.for_language("en").date(day), Localizer.for_language("zh").date(day)
        ('October 25, 2024', '2024年10月25日')
        """
        return format_skeleton("yMMMMd", day, locale=self.locale)

    def join(self, items: list[str]) -> str:
        """A list in running text, with the locale's own separators (CLDR list patterns).

        >>> Localizer.for_language("zh").join(["氢能", "生物医药", "机器人"])
        '氢能、生物医药和机器人'
        """
        return format_list(items, locale=self.locale)

    # -- charts and outlines -----------------------------------------------------------------

    def ticks(self, values: Iterable[Decimal], unit: str, *, digits: int = 2) -> list[tuple[Decimal, str]]:
        """Round value-axis ticks from 0 (or below the smallest value) past the largest value,
        labelled in the series' locked scale.

        Each pair is (value in the fact's own unit, label); the unit words go once
        on the axis (:meth:`axis_unit`), not on every tick.  A series with
        negative values (a loss, a fall) gets ticks below 0, so its bars and
        points stay on the axis.

        >>> zh = Localizer.for_language("zh")
        >>> [label for _, label in zh.ticks([Decimal("1.7e12"), Decimal("2.43e12")], "CNY")]
        ['0.0', '0.5', '1.0', '1.5', '2.0', '2.5']
        >>> [label for _, label in zh.ticks([Decimal("-8.5"), Decimal(-3), Decimal("10.2")], "percent")]
        ['-10', '-5', '0', '5', '10', '15']
        """
        values = [Decimal(v) for v in values]
        scale = self._chart_scale(values, unit, digits)
        top = max(values, default=Decimal(0)) / scale.divisor
        ticks = nice_ticks(top, bottom=min(values, default=Decimal(0)) / scale.divisor)
        places = tick_digits(ticks)  # the same decimals on every tick: 0.0, 0.5 … 2.5, or 0, 5, 10
        return [(t * scale.divisor, format_fixed(t, places, self.number_locale)) for t in ticks]

    def axis_unit(self, values: Iterable[Decimal], unit: str, *, digits: int = 2) -> str:
        """The unit a chart's value axis counts in: ``trillion yuan``, ``万亿元``, ``percent``.

        >>> en, zh = Localizer.for_language("en"), Localizer.for_language("zh")
        >>> en.axis_unit([Decimal("2.43e12")], "CNY"), zh.axis_unit([Decimal("2.43e12")], "CNY")
        ('trillion yuan', '万亿元')
        >>> en.axis_unit([Decimal(20)], "percent"), zh.axis_unit([Decimal(20)], "percent")
        ('percent', '%')
        """
        values = [Decimal(v) for v in values]
        if unit == "percent":
            return self.phrase(patterns.PERCENT, number="").strip()
        scale = self._chart_scale(values, unit, digits)
        prefix, suffix = unit_words(scale, Decimal(2), self.number_locale)
        words = f"{prefix}{suffix}".strip()
        if unit in ("count", "multiple", "points"):
            return words
        if is_exchange_rate(unit):
            quote, base = unit.split("/")
            return self._rate_words(patterns.RATE_UNITS, patterns.OTHER_RATE_UNIT, quote, base, Decimal(2))
        return self._money(words, unit, Decimal(2), "name").strip()

    def axis_scale(self, values: Iterable[Decimal], unit: str, *, digits: int = 2) -> Decimal:
        """What the chart's values are divided by to be read in :meth:`axis_unit`'s unit.

        >>> zh = Localizer.for_language("zh")
        >>> zh.axis_scale([Decimal("2310e8")], "CNY"), zh.axis_scale([Decimal(20)], "percent")
        (Decimal('100000000'), Decimal('1'))
        """
        return self._chart_scale([Decimal(v) for v in values], unit, digits).divisor

    def chart_value(self, value: Decimal, values: Iterable[Decimal], unit: str, *, digits: int = 2) -> str:
        """A value printed on a bar or point: the number alone, in the axis's scale.

        >>> Localizer.for_language("zh").chart_value(Decimal("2.43e12"), [Decimal("1.7e12")], "CNY")
        '2.43'
        """
        scale = self._chart_scale([Decimal(v) for v in values] + [Decimal(value)], unit, digits)
        return format_scaled(Decimal(value) / scale.divisor, PLAIN, digits, self.number_locale)

    def _chart_scale(self, values: list[Decimal], unit: str, digits: int) -> Scale:
        """Rates and ratios are read as they are (6.19, 10.2 %); amounts in one compact unit."""
        if unit in ("percent", "multiple", "points") or is_exchange_rate(unit):
            return PLAIN
        return self.scale_for(values, digits=digits)

    def outline_number(self, level: int, n: int) -> str:
        """The number before the ``n``-th heading of ``level``: ``一、`` / ``（一）`` in Chinese, ``1.`` in English.

        >>> Localizer.for_language("zh").outline_number(1, 2), Localizer.for_language("en").outline_number(1, 2)
        ('二、', '2.')
        """
        return outline_number(level, n, self.number_locale.language == "zh")
