"""A :class:`~jjj_brief.document.Chart` as a DrawingML chart part (``c:chartSpace``), as Word saves one.

Word draws such a chart itself, so the reader can restyle it and edit its
numbers (*Edit Data* opens the embedded workbook of :mod:`.chart_data`);
LibreOffice draws it too.  What is printed on it still comes from the
Document, never from formatting here:

- the series hold the facts' values counted in the axis unit (``2.43``
  for 2430000000000 on a ``trillion yuan`` axis, see
  :func:`.chart_data.in_axis_unit`), and the value axis runs from the
  first to the last of the model's ticks, one tick step apart, so it reads
  ``0 … 2.5`` as the PDF's does, under the model's ``axis_label``
  (``万亿元``) as the axis title;
- each bar or point carries the model's own label text (``2.43``) as a
  custom data label, as the PDF prints it;
- categories and series names are the model's strings; colours are the
  PDF chart's palette; faces are the DOCX house style's sans pair.

The module builds XML with lxml only; :mod:`.chart` puts the parts
into the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from jjj_brief.document import Chart, ChartSeries
from jjj_brief.writers.text.xml import xml_safe

from .chart_data import category_ref, in_axis_unit, name_ref, values_ref

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"c": C, "a": A, "r": R}
CATEGORY_AXIS, VALUE_AXIS = "500000001", "500000002"  # any two ids, unique within the chart


@dataclass(frozen=True)
class ChartFaces:
    """How the chart's text looks: the house style's sans faces, sizes in points, its palette."""

    latin: str
    east_asian: str
    lang: str  # the chart's editing language, e.g. "zh-CN"
    palette: tuple[str, ...]
    tick_size: float = 8.0
    label_size: float = 8.5


def _el(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    """``c:tag`` or ``a:tag`` (by prefix) with attributes, appended to ``parent`` when given."""
    prefix, name = tag.split(":")
    qname = f"{{{NSMAP[prefix]}}}{name}"
    element = etree.Element(qname, attrs, nsmap=NSMAP) if parent is None else etree.SubElement(parent, qname, attrs)
    return element


def _val(parent: etree._Element, tag: str, value: str) -> etree._Element:
    return _el(tag, parent, val=value)


def _vals(parent: etree._Element, *pairs: tuple[str, str]) -> None:
    """Several ``<tag val="…"/>`` children in a row, in the schema's order as given."""
    for tag, value in pairs:
        _val(parent, tag, value)


def _number(value: float, chart: Chart) -> str:
    """A value as the chart XML (an xsd:double) stores it: in the axis unit, plain notation."""
    return f"{in_axis_unit(value, chart):f}"


def chart_space(chart: Chart, faces: ChartFaces, workbook_rid: str) -> bytes:
    """The whole chart part: plot area (bars or lines, two axes), legend, text faces, data link."""
    space = _el("c:chartSpace")
    _vals(space, ("c:date1904", "0"), ("c:lang", faces.lang), ("c:roundedCorners", "0"))
    body = _el("c:chart", space)
    _val(body, "c:autoTitleDeleted", "1")  # the caption is a paragraph above, as in the PDF
    plot = _el("c:plotArea", body)
    _el("c:layout", plot)
    group = _el("c:barChart" if chart.kind == "bar" else "c:lineChart", plot)
    if chart.kind == "bar":
        _val(group, "c:barDir", "col")
    _val(group, "c:grouping", "clustered" if chart.kind == "bar" else "standard")
    _val(group, "c:varyColors", "0")
    for index, series in enumerate(chart.series):
        group.append(_series(chart, index, series, faces))
    if chart.kind == "bar":
        _val(group, "c:gapWidth", "80")
    else:
        _val(group, "c:marker", "1")
    _val(group, "c:axId", CATEGORY_AXIS)
    _val(group, "c:axId", VALUE_AXIS)
    plot.append(_category_axis(faces))
    plot.append(_value_axis(chart, faces))
    if len(chart.series) > 1 and any(series.name for series in chart.series):  # as the PDF: none for one
        legend = _el("c:legend", body)
        _val(legend, "c:legendPos", "t")
        _val(legend, "c:overlay", "0")
        legend.append(_text_properties(faces, faces.label_size))
    _val(body, "c:plotVisOnly", "1")
    _val(body, "c:dispBlanksAs", "gap")
    frame = _el("c:spPr", space)  # no frame round the chart, as in the PDF
    _el("a:noFill", frame)
    _el("a:noFill", _el("a:ln", frame))
    space.append(_text_properties(faces, faces.label_size))
    data = _el("c:externalData", space)
    data.set(f"{{{R}}}id", workbook_rid)
    _val(data, "c:autoUpdate", "0")
    etree.cleanup_namespaces(space)
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def _series(chart: Chart, index: int, series: ChartSeries, faces: ChartFaces) -> etree._Element:
    """One ``c:ser``: name, colour, custom value labels, categories and values (cached and linked)."""
    ser = _el("c:ser")
    _val(ser, "c:idx", str(index))
    _val(ser, "c:order", str(index))
    name = _el("c:strRef", _el("c:tx", ser))
    _el("c:f", name).text = name_ref(index)
    _string_cache(name, [series.name])
    color = faces.palette[index % len(faces.palette)].lstrip("#").upper()
    shape = _el("c:spPr", ser)
    if chart.kind == "bar":
        _solid_fill(shape, color)
        _val(ser, "c:invertIfNegative", "0")
    else:
        line = _el("a:ln", shape, w="20320", cap="rnd")  # 1.6 pt, as in the PDF
        _solid_fill(line, color)
        marker = _el("c:marker", ser)
        _val(marker, "c:symbol", "circle")
        _val(marker, "c:size", "5")
        _solid_fill(_el("c:spPr", marker), color)
    ser.append(_value_labels(chart, series, faces))
    categories = _el("c:strRef", _el("c:cat", ser))
    _el("c:f", categories).text = category_ref(chart)
    _string_cache(categories, list(chart.categories))
    values = _el("c:numRef", _el("c:val", ser))
    _el("c:f", values).text = values_ref(chart, index)
    cache = _el("c:numCache", values)
    _el("c:formatCode", cache).text = "General"
    _val(cache, "c:ptCount", str(len(series.values)))
    for point, value in enumerate(series.values):
        _el("c:v", _el("c:pt", cache, idx=str(point))).text = _number(value, chart)
    if chart.kind == "line":
        _val(ser, "c:smooth", "0")
    return ser


def _value_labels(chart: Chart, series: ChartSeries, faces: ChartFaces) -> etree._Element:
    """A ``c:dLbl`` per point whose text is the model's label: what the PDF prints on that mark."""
    labels = _el("c:dLbls")
    for point, (value, text) in enumerate(zip(series.values, series.labels)):
        # beyond a bar's end either way; above a point, below a negative one (as the PDF sets them)
        position = "outEnd" if chart.kind == "bar" else ("t" if value >= 0 else "b")
        label = _el("c:dLbl", labels)
        _val(label, "c:idx", str(point))
        rich = _el("c:rich", _el("c:tx", label))
        _el("a:bodyPr", rich)
        paragraph = _el("a:p", rich)
        run = _el("a:r", paragraph)
        run.append(_run_properties(faces, faces.label_size, bold=chart.kind == "bar", tag="a:rPr"))
        _el("a:t", run).text = xml_safe(text)
        _label_switches(label, position)
    labels.append(_text_properties(faces, faces.label_size))
    _label_switches(labels, "outEnd" if chart.kind == "bar" else "t")
    return labels


def _label_switches(parent: etree._Element, position: str) -> None:
    """Show the value (here: the custom text) and nothing else, placed above the bar or point."""
    _val(parent, "c:dLblPos", position)
    _vals(
        parent,
        ("c:showLegendKey", "0"),
        ("c:showVal", "1"),
        ("c:showCatName", "0"),
        ("c:showSerName", "0"),
        ("c:showPercent", "0"),
        ("c:showBubbleSize", "0"),
    )


def _category_axis(faces: ChartFaces) -> etree._Element:
    axis = _el("c:catAx")
    _val(axis, "c:axId", CATEGORY_AXIS)
    _val(_el("c:scaling", axis), "c:orientation", "minMax")
    _val(axis, "c:delete", "0")
    _val(axis, "c:axPos", "b")
    _el("c:numFmt", axis, formatCode="General", sourceLinked="1")
    _vals(
        axis, ("c:majorTickMark", "none"), ("c:minorTickMark", "none"), ("c:tickLblPos", "low")
    )  # under the plot even when bars hang below zero
    _line(axis, "595959", "10160")
    axis.append(_text_properties(faces, faces.label_size))
    _vals(
        axis,
        ("c:crossAx", VALUE_AXIS),
        ("c:crosses", "autoZero"),
        ("c:auto", "1"),
        ("c:lblAlgn", "ctr"),
        ("c:lblOffset", "100"),
        ("c:noMultiLvlLbl", "0"),
    )
    return axis


def _value_axis(chart: Chart, faces: ChartFaces) -> etree._Element:
    """Gridlines at the model's ticks, in the model's tick format, titled with the model's unit."""
    axis = _el("c:valAx")
    _val(axis, "c:axId", VALUE_AXIS)
    scaling = _el("c:scaling", axis)
    _val(scaling, "c:orientation", "minMax")
    ticks = sorted(value for value, _ in chart.ticks)
    if len(ticks) >= 2:
        _val(scaling, "c:max", _number(ticks[-1], chart))
        _val(scaling, "c:min", _number(ticks[0], chart))
    _val(axis, "c:delete", "0")
    _val(axis, "c:axPos", "l")
    _line(_el("c:majorGridlines", axis), "D0D4DA", "6350")
    if chart.axis_label:
        axis.append(_axis_title(chart.axis_label, faces))
    _el("c:numFmt", axis, formatCode=chart.tick_format, sourceLinked="0")
    _vals(axis, ("c:majorTickMark", "none"), ("c:minorTickMark", "none"), ("c:tickLblPos", "nextTo"))
    _el("a:noFill", _el("a:ln", _el("c:spPr", axis)))
    axis.append(_text_properties(faces, faces.tick_size))
    _vals(axis, ("c:crossAx", CATEGORY_AXIS), ("c:crosses", "autoZero"), ("c:crossBetween", "between"))
    if len(ticks) >= 2:
        step = in_axis_unit(ticks[1], chart) - in_axis_unit(ticks[0], chart)
        _val(axis, "c:majorUnit", f"{step:f}")
    return axis


def _axis_title(text: str, faces: ChartFaces) -> etree._Element:
    """The unit words, set horizontally at the top of the value axis."""
    title = _el("c:title")
    rich = _el("c:rich", _el("c:tx", title))
    _el("a:bodyPr", rich, rot="0", vert="horz")
    paragraph = _el("a:p", rich)
    run = _el("a:r", paragraph)
    run.append(_run_properties(faces, faces.tick_size, bold=False, tag="a:rPr"))
    _el("a:t", run).text = xml_safe(text)
    corner = _el("c:manualLayout", _el("c:layout", title))  # top left, above the ticks
    _vals(corner, ("c:xMode", "edge"), ("c:yMode", "edge"), ("c:x", "0"), ("c:y", "0"))
    _val(title, "c:overlay", "0")
    return title


def _text_properties(faces: ChartFaces, size: float) -> etree._Element:
    """``c:txPr``: the faces and size of a chart element's text."""
    properties = _el("c:txPr")
    _el("a:bodyPr", properties)
    _el("a:lstStyle", properties)
    paragraph = _el("a:p", properties)
    paragraph_properties = _el("a:pPr", paragraph)
    paragraph_properties.append(_run_properties(faces, size, bold=False, tag="a:defRPr"))
    _el("a:endParaRPr", paragraph, lang=faces.lang)
    return properties


def _run_properties(faces: ChartFaces, size: float, *, bold: bool, tag: str) -> etree._Element:
    properties = _el(tag, sz=str(round(size * 100)), b="1" if bold else "0", lang=faces.lang)
    _solid_fill(properties, "000000")
    _el("a:latin", properties, typeface=faces.latin)
    _el("a:ea", properties, typeface=faces.east_asian)
    _el("a:cs", properties, typeface=faces.latin)
    return properties


def _solid_fill(parent: etree._Element, color: str) -> None:
    _val(_el("a:solidFill", parent), "a:srgbClr", color)


def _line(parent: etree._Element, color: str, width: str) -> None:
    _solid_fill(_el("a:ln", _el("c:spPr", parent), w=width), color)


def _string_cache(reference: etree._Element, texts: list[str]) -> None:
    cache = _el("c:strCache", reference)
    _val(cache, "c:ptCount", str(len(texts)))
    for index, text in enumerate(texts):
        _el("c:v", _el("c:pt", cache, idx=str(index))).text = xml_safe(text)
