"""Charts of series with negative values: a loss, a fall.

The value axis must reach below 0, bars must hang from the zero line, value
labels must sit below negative marks, and nothing may be drawn outside the
chart's own box (a point below the plot used to land on the next block).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import pdftotext
from PIL import Image

from jjj_brief.document import Chart, ChartSeries
from jjj_brief.l10n import Localizer

MIXED = [Decimal("-8.5"), Decimal(-3), Decimal("10.2")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ticks_of_a_mixed_sign_series_reach_below_zero(lang: str) -> None:
    ticks = Localizer.for_language(lang).ticks(MIXED, "percent")
    assert [(str(value), label) for value, label in ticks] == [
        ("-10", "-10"),
        ("-5", "-5"),
        ("0", "0"),
        ("5", "5"),
        ("10", "10"),
        ("15", "15"),
    ]


def test_ticks_of_an_all_negative_amount_end_at_zero() -> None:
    ticks = Localizer.for_language("zh").ticks([Decimal("-85e9"), Decimal("-30e9")], "CNY")
    assert [label for _, label in ticks] == ["-1,000", "-800", "-600", "-400", "-200", "0"]  # 亿元
    assert ticks[0][0] == Decimal("-1000e8")


def test_ticks_of_a_positive_series_still_start_at_zero() -> None:
    ticks = Localizer.for_language("en").ticks([Decimal("1.7e12"), Decimal("2.43e12")], "CNY")
    assert [label for _, label in ticks] == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"]  # one decimal on all


@pytest.mark.parametrize("lang", ["en", "zh", "zh_Hant"])
@pytest.mark.parametrize(
    "values",
    [["1.7e12", "2.43e12"], ["0.3", "0.45"], ["-8.5", "10.2"], ["12", "97"], ["0.012", "0.049"], ["2310e8", "1800e8"]],
)
def test_every_tick_of_an_axis_shows_the_same_decimals(lang: str, values: list[str]) -> None:
    labels = [label for _, label in Localizer.for_language(lang).ticks([Decimal(v) for v in values], "CNY")]
    decimals = {len(label.partition(".")[2]) for label in labels}
    assert len(labels) >= 2 and len(decimals) == 1, labels


def _chart(kind: str, lang: str = "en") -> Chart:
    loc = Localizer.for_language(lang)
    labels = tuple(loc.chart_value(v, MIXED, "percent") for v in MIXED)
    ticks = tuple((float(v), label) for v, label in loc.ticks(MIXED, "percent"))
    series = ChartSeries("growth", tuple(float(v) for v in MIXED), labels)
    return Chart(kind, ("2022", "2023", "2024"), (series,), ticks, "percent")  # type: ignore[arg-type]


def _picture(kind: str) -> object:
    from jjj_brief.writers.charts.drawing import chart_drawing, chart_look

    return chart_drawing(_chart(kind), chart_look(450.0, False))


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_every_shape_of_a_mixed_sign_chart_stays_inside_its_box(kind: str) -> None:
    from jjj_brief.writers.charts.drawing import as_drawing

    picture = _picture(kind)
    drawing = as_drawing(picture)
    assert len(drawing.contents) > 5, "the chart drew nothing to check"
    for shape in drawing.contents:
        x0, y0, x1, y1 = shape.getBounds()
        assert min(x0, x1) >= 0 and max(x0, x1) <= drawing.width, (shape, x0, x1)
        assert min(y0, y1) >= 0 and max(y0, y1) <= drawing.height, (shape, y0, y1)


def test_a_negative_bar_hangs_from_the_zero_line_with_its_label_below() -> None:
    picture = _picture("bar")
    bars = [
        s for s in picture.contents if s.kind == "Rect" and s.style.get("strokeColor") is None and s.args[3] != 8
    ]  # not the legend swatch
    heights = [round(s.args[3], 1) for s in bars]
    assert [h < 0 for h in heights] == [True, True, False]
    zero_lines = [s for s in picture.contents if s.kind == "Line" and s.style["strokeWidth"] == 0.8]
    (zero,) = zero_lines
    assert all(bar.args[1] == pytest.approx(zero.args[1]) for bar in bars)
    assert zero.args[1] == pytest.approx(zero.args[3])
    strings = {s.args[2]: s.args[1] for s in picture.contents if s.kind == "String"}
    assert strings["-8.5"] < bars[0].args[1] + bars[0].args[3]  # below the bar's end
    assert strings["10.2"] > bars[2].args[1] + bars[2].args[3]  # above it
    # the bars are in proportion: -8.5 against 10.2
    assert heights[0] / heights[2] == pytest.approx(-8.5 / 10.2, rel=0.01)


def test_the_docx_picture_paints_a_negative_bar() -> None:
    from jjj_brief.writers.charts.drawing import PALETTE
    from jjj_brief.writers.charts.png import drawing_png

    picture = _picture("bar")
    bar = next(s for s in picture.contents if s.kind == "Rect" and s.args[3] < 0)
    png = Image.open(io.BytesIO(drawing_png(picture, dpi=72))).convert("RGB")
    x, y = bar.args[0] + bar.args[2] / 2, bar.args[1] + bar.args[3] / 2
    rgb = png.getpixel((round(x), round(picture.height - y)))
    assert "#{:02X}{:02X}{:02X}".format(*rgb) == PALETTE[0]


def _word_boxes(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Every word as (page, xMin, yMin, xMax, yMax, text), from ``pdftotext -bbox`` (y grows down)."""
    words, page = [], 0
    for line in pdftotext(path, "-bbox").splitlines():
        page += "<page " in line
        found = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
        if found:
            words.append((page, *map(float, found.groups()[:4]), found.group(5)))
    return words


@pytest.mark.parametrize(
    ("lang", "caption", "labels"),
    [
        ("en", "Figure", ["-85", "-30", "102"]),
        ("zh", "图2", ["-850", "-300", "1,020"]),
    ],
)
def test_a_line_chart_of_losses_keeps_its_labels_between_caption_and_source(
    losses: Path, lang: str, caption: str, labels: list[str]
) -> None:
    words = _word_boxes(losses / f"briefing-{lang}.pdf")
    found = {w[5]: w for w in words if w[5] in labels}
    assert sorted(found) == sorted(labels)
    page = found[labels[0]][0]
    on_page = [w for w in words if w[0] == page]
    heads = [w for w in on_page if w[5].startswith(caption) and w[2] < found[labels[0]][2]]
    top = max(w[4] for w in heads)  # the caption just above the chart
    source = min(w[2] for w in on_page if w[5].startswith(("Source", "资料来源")) and w[2] > top)
    for label in labels:
        _, _, y_min, _, y_max, _ = found[label]
        assert top < y_min and y_max < source, (label, top, y_min, y_max, source)


def test_the_docx_of_losses_has_its_charts(losses: Path) -> None:
    from test_docx_charts import read_charts

    charts = read_charts(losses / "briefing-en.docx")
    assert [chart.kind for chart in charts] == ["bar", "line"]  # industrial added value, the losses
    assert min(charts[1].values[0]) < 0 < max(charts[1].values[0])
