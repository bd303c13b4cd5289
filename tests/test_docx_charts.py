"""Charts in the DOCX are native Word charts: read back from the package, and drawn by LibreOffice.

Each chart is a ``c:chartSpace`` part with an embedded workbook and the PDF's picture as the
fallback.  The tests read the parts with python-docx and openpyxl and compare them with the
Document the same build made (values against the facts themselves), then let LibreOffice draw
the charts and find the model's ticks and labels in its text: the fallback picture has no
text, so they can only come from the chart LibreOffice drew from the chart part.
"""

from __future__ import annotations

import io
import subprocess
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from conftest import pdftotext, require
from lxml import etree
from PIL import Image

from jjj_brief.document import Chart, Document
from jjj_brief.pipeline import (
    load_store,
    pick_region,
    render_document,
    resolve_template,
)

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {
    "c": C,
    "a": A,
    "mc": MC,
    "r": R,
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}


@dataclass
class ReadChart:
    """One chart as a reader of the package finds it."""

    kind: str
    categories: list[str]
    names: list[str]
    values: list[list[Decimal]]  # per series, as cached in the chart part
    labels: list[list[str]]  # per series, the data labels' text
    axis_title: str
    axis: tuple[Decimal, Decimal, Decimal]  # min, max, major unit
    tick_format: str
    sheet: list[tuple[object, ...]]  # the embedded workbook's rows
    fallback: Image.Image
    fallback_width_inches: float


def _xpath(element: etree._Element, path: str) -> list:
    """lxml's XPath (python-docx's elements override ``xpath`` with a fixed prefix table)."""
    return etree.XPath(path, namespaces=NS)(element)  # type: ignore[return-value]


def _texts(element: etree._Element, path: str) -> list[str]:
    return [str(v) for v in _xpath(element, path)]


def _read(alternate: etree._Element, part: object) -> ReadChart:
    """The chart of one ``mc:AlternateContent``: chart part, its workbook and the fallback picture."""
    (rid,) = _texts(alternate, "mc:Choice//c:chart/@r:id")
    chart_part = part.related_parts[rid]  # type: ignore[attr-defined]
    space = etree.fromstring(chart_part.blob)
    (workbook,) = chart_part.related_parts.values()
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(workbook.blob)).active
    (embed,) = _texts(alternate, "mc:Fallback//pic:pic//a:blip/@r:embed")
    (extent,) = _xpath(alternate, "mc:Fallback//wp:extent")
    series = _xpath(space, "//c:ser")
    (group,) = _xpath(space, "//c:plotArea/c:barChart | //c:plotArea/c:lineChart")
    axis = [
        Decimal(_texts(space, f"//c:valAx/c:scaling/c:{k}/@val | //c:valAx/c:{k}/@val")[0])
        for k in ("min", "max", "majorUnit")
    ]
    return ReadChart(
        kind="bar" if group.tag == f"{{{C}}}barChart" else "line",
        categories=_texts(series[0], "c:cat//c:pt/c:v/text()"),
        names=[_texts(s, "c:tx//c:v/text()")[0] for s in series],
        values=[[Decimal(v) for v in _texts(s, "c:val//c:pt/c:v/text()")] for s in series],
        labels=[_texts(s, "c:dLbls/c:dLbl//a:t/text()") for s in series],
        axis_title="".join(_texts(space, "//c:valAx/c:title//a:t/text()")),
        axis=(axis[0], axis[1], axis[2]),
        tick_format=_texts(space, "//c:valAx/c:numFmt/@formatCode")[0],
        sheet=[tuple(row) for row in sheet.values],
        fallback=Image.open(io.BytesIO(part.related_parts[embed].blob)),  # type: ignore[attr-defined]
        fallback_width_inches=int(extent.get("cx")) / 914400,
    )


def read_charts(path: Path) -> list[ReadChart]:
    """Every chart of a DOCX, in reading order."""
    document = docx.Document(str(path))
    found = _xpath(document.element.body, "//mc:AlternateContent[mc:Choice//c:chart]")
    return [_read(alternate, document.part) for alternate in found]


def _document(facts: Path | None, lang: str) -> tuple[Document, dict[str, Decimal]]:
    store = load_store([facts] if facts else [])[0]
    doc = render_document(store, pick_region(store, None), lang, resolve_template("briefing"))[0]
    return doc, {fact.id: fact.value for fact in store.facts.values()}


def _charts(doc: Document) -> list[Chart]:
    return [block for block in doc.blocks if isinstance(block, Chart)]


CASES = [("built", "en"), ("built", "zh"), ("built", "zh_Hant"), ("losses", "en"), ("losses", "zh")]


@pytest.fixture
def case(request: pytest.FixtureRequest) -> tuple[Path, Path | None]:
    """(output folder, fact file or None for the bundled facts) of a built case."""
    which = request.param
    folder = request.getfixturevalue(which)
    return folder, (folder.parent / "facts.yaml" if which == "losses" else None)


@pytest.mark.parametrize(("case", "lang"), CASES, indirect=["case"])
def test_each_chart_holds_the_facts_values_in_its_axis_unit(case: tuple[Path, Path | None], lang: str) -> None:
    folder, facts = case
    doc, values = _document(facts, lang)
    read, expected = read_charts(folder / f"briefing-{lang}.docx"), _charts(doc)
    assert read and len(read) == len(expected)
    for got, chart in zip(read, expected):
        scale = Decimal(repr(chart.scale))
        assert got.kind == chart.kind and got.categories == list(chart.categories)
        assert got.names == [s.name for s in chart.series]
        assert [[v * scale for v in series] for series in got.values] == [
            [values[fact] for fact in s.facts] for s in chart.series
        ]
        assert got.labels == [list(s.labels) for s in chart.series]  # what the PDF prints on the bars


@pytest.mark.parametrize(("case", "lang"), CASES, indirect=["case"])
def test_the_value_axis_runs_over_the_models_ticks_under_its_unit(case: tuple[Path, Path | None], lang: str) -> None:
    folder, facts = case
    doc, _ = _document(facts, lang)
    for got, chart in zip(read_charts(folder / f"briefing-{lang}.docx"), _charts(doc), strict=True):
        scale = Decimal(repr(chart.scale))
        ticks = [Decimal(repr(value)) for value, _ in chart.ticks]
        low, high, step = (v * scale for v in got.axis)
        assert (low, high, step) == (ticks[0], ticks[-1], ticks[1] - ticks[0])
        assert got.axis_title == chart.axis_label and got.axis_title
        assert got.tick_format == chart.tick_format


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_edit_data_opens_the_same_numbers_under_the_series_names(losses: Path, lang: str) -> None:
    charts = read_charts(losses / f"briefing-{lang}.docx")
    assert len(charts) == 2
    for chart in charts:
        header, *rows = chart.sheet
        assert list(header[1:]) == chart.names
        assert [row[0] for row in rows] == chart.categories
        for column, values in enumerate(chart.values, start=1):
            assert [Decimal(repr(row[column])) for row in rows] == values


def test_the_fallback_is_the_pdf_chart_as_a_sharp_picture(built: Path) -> None:
    (chart,) = read_charts(built / "briefing-zh.docx")
    dpi = chart.fallback.width / chart.fallback_width_inches
    assert dpi >= 295, dpi
    assert chart.fallback.getpixel((chart.fallback.width // 2, chart.fallback.height // 2)) is not None


def _without_charts(source: Path, target: Path) -> None:
    """A copy of a DOCX whose ``mc:Choice`` branches are gone, so readers show the fallback pictures."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            data = old.read(entry.filename)
            if entry.filename == "word/document.xml":
                root = etree.fromstring(data)
                choices = _xpath(root, "//mc:Choice")
                assert choices
                for choice in choices:
                    choice.getparent().remove(choice)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            new.writestr(entry, data)


@pytest.fixture(scope="module")
def drawn(built: Path, losses: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The DOCX files with charts, and copies showing only the fallback pictures
    (``<name>-picture``), converted to PDF by LibreOffice in one call."""
    out = tmp_path_factory.mktemp("lo-charts")
    sources = {f"losses-{lang}": losses / f"briefing-{lang}.docx" for lang in ("en", "zh")}
    sources["briefing-zh"] = built / "briefing-zh.docx"
    for name, source in sources.items():
        (out / f"{name}.docx").write_bytes(source.read_bytes())
        _without_charts(source, out / f"{name}-picture.docx")
    files = sorted(out.glob("*.docx"))
    subprocess.run(
        [
            require("soffice"),
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return out


@pytest.mark.parametrize(
    ("name", "case", "lang"),
    [("briefing-zh", "built", "zh"), ("losses-en", "losses", "en"), ("losses-zh", "losses", "zh")],
    indirect=["case"],
)
def test_libreoffice_draws_the_chart_with_the_models_ticks_and_labels(
    drawn: Path, name: str, case: tuple[Path, Path | None], lang: str
) -> None:
    """The words LibreOffice draws with the charts that it does not draw with the pictures alone
    are the chart's: every tick label, value label and axis unit of the model is among them."""
    doc, _ = _document(case[1], lang)
    chart_words = Counter(pdftotext(drawn / f"{name}.pdf", "-layout").split()) - Counter(
        pdftotext(drawn / f"{name}-picture.pdf", "-layout").split()
    )
    expected = Counter(label for chart in _charts(doc) for _, label in chart.ticks)
    expected.update(label for chart in _charts(doc) for series in chart.series for label in series.labels)
    expected.update(word for chart in _charts(doc) for word in chart.axis_label.split())
    assert expected and not expected - chart_words, expected - chart_words


def test_hostile_chart_text_stays_text_in_the_chart_and_its_workbook(tmp_path: Path) -> None:
    """A control character becomes U+FFFD (XML cannot carry it); a name starting with '=' is
    text in the workbook, never a formula."""
    from jjj_brief.document import ChartSeries, Meta, Text
    from jjj_brief.writers.docx import write_docx

    series = ChartSeries("=SUM(A1)<b>", (1.0, 2.5), ("1", "2.5"), ("a/x/1", "a/x/2"))
    chart = Chart(
        "line",
        ("a\x00", "b&c"),
        (series,),
        ((0.0, "0"), (1.0, "1"), (2.0, "2"), (3.0, "3")),
        "unit\x1b",
        caption=(Text("Figure\x07"),),
    )
    write_docx(Document(Meta("en", "T"), (chart,)), tmp_path / "h.docx")
    (read,) = read_charts(tmp_path / "h.docx")
    assert read.names == ["=SUM(A1)<b>"] and read.categories == ["a\ufffd", "b&c"]
    assert read.axis_title == "unit\ufffd" and read.labels == [["1", "2.5"]]
    assert read.sheet[0][1] == "=SUM(A1)<b>" and [row[0] for row in read.sheet[1:]] == ["a\ufffd", "b&c"]
