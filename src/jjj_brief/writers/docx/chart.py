"""A native Word chart in the DOCX, with the PNG as its fallback image.

Three parts go into the package for each chart, named as Word names them:

- ``/word/charts/chartN.xml``, the ``c:chartSpace`` of :mod:`.chart_space`,
  related from the document;
- ``/word/embeddings/Microsoft_Excel_WorksheetN.xlsx``, the data of
  :mod:`.chart_data`, related from the chart (``c:externalData``);
- the PNG of :mod:`jjj_brief.writers.charts.png`, related from the document.

In the text the chart sits in an ``mc:AlternateContent``: the ``mc:Choice``
holds the chart frame, the ``mc:Fallback`` the picture, for readers that do
not draw charts.  Both have the same size and alternative text (the
caption), and both show the same chart.  The Choice requires Word 2010's
namespace (``w14``), which Word 2010 and later and LibreOffice take.  The
chart namespace itself (``c``) would say it more exactly, but LibreOffice
takes the Fallback for every prefix outside a short list of its own
(``w14``, ``wps``…), and would then show the picture, not the chart.
"""

from __future__ import annotations

import io
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from jjj_brief.document import Chart, inline_text
from jjj_brief.writers.docx.chart_data import chart_workbook
from jjj_brief.writers.docx.chart_space import C, ChartFaces, chart_space
from jjj_brief.writers.text.xml import xml_safe

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EMU_PER_POINT = 12700
_FRAME = (
    f'<w:drawing xmlns:w="{W}"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    f' xmlns:c="{C}">'
    '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="Chart {id}"/>'
    '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{c}">'
    '<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
)


def add_native_chart(
    run: Any,
    document_part: Any,
    chart: Chart,
    faces: ChartFaces,
    size: tuple[float, float],
    png: bytes,
    epoch: int | None,
) -> None:
    """Put ``chart`` into ``run`` (a ``w:r``) as a chart frame, with ``png`` as the fallback.

    ``size`` is (width, height) in points: the picture's size, so the two alternatives
    take the same room.
    """
    width, height = (round(length * EMU_PER_POINT) for length in size)
    picture = document_part.new_pic_inline(io.BytesIO(png), width, height)
    chart_rid = _add_chart_parts(document_part, chart, faces, epoch)
    frame = parse_xml(_FRAME.format(cx=width, cy=height, id=int(picture.docPr.id) + 1, c=C, rid=chart_rid))
    description = xml_safe(inline_text(chart.caption))
    for doc_pr in (picture.docPr, frame.find(f".//{qn('wp:docPr')}")):
        doc_pr.set("descr", description)
    fallback_drawing = parse_xml(f'<w:drawing xmlns:w="{W}"/>')
    fallback_drawing.append(picture)
    alternate = parse_xml(
        f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:c="{C}">'
        '<mc:Choice Requires="w14"/><mc:Fallback/></mc:AlternateContent>'
    )
    alternate[0].append(frame)
    alternate[1].append(fallback_drawing)
    run.append(alternate)


def _add_chart_parts(document_part: Any, chart: Chart, faces: ChartFaces, epoch: int | None) -> str:
    """The chart part and its workbook; returns the document's relationship id to the chart."""
    package = document_part.package
    chart_name = package.next_partname("/word/charts/chart%d.xml")
    number = chart_name.idx
    workbook = Part(
        PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"),
        CT.SML_SHEET,
        chart_workbook(chart, epoch),
        package,
    )
    chart_part = Part(chart_name, CT.DML_CHART, b"", package)
    workbook_rid = chart_part.relate_to(workbook, RT.PACKAGE)
    chart_part._blob = chart_space(chart, faces, workbook_rid)
    return str(document_part.relate_to(chart_part, RT.CHART))
