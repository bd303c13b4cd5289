"""One of every block and inline type, through every writer in the registry, read back.

The node types are a closed set (document/model.py); this test fails when a type is added
that the sample document lacks, and when any writer drops or mangles one of them.
"""

from __future__ import annotations

import io
import typing
from pathlib import Path

import docx
import pytest

from jjj_brief import document as d
from jjj_brief.document import walk
from jjj_brief.errors import BriefWarning
from jjj_brief.writers import WRITERS, WriterHooks
from tests.conftest import pdftotext, squeeze

FIGURE = d.Figure("2.43 trillion yuan", ("gdp/x/2023",), value="2430000000000", unit="CNY")


def sample(house_style: str = "research", lang: str = "en") -> d.Document:
    """A document holding every block type and every inline type at least once."""
    inlines = (
        d.Text("Output reached "),
        d.Strong((d.Text("a record"),)),
        d.Text(" of "),
        FIGURE,
        d.Emph((d.Text(" in 2023"),)),
        d.SourceRef(1),
        d.Text("."),
    )
    series = d.ChartSeries("Output", (1.7, 2.43), ("1.7", "2.43"), ("gdp/x/2013", "gdp/x/2023"))
    blocks: tuple[d.Block, ...] = (
        d.Heading(1, (d.Text("Heading one"),)),
        d.Paragraph(inlines),
        d.BulletList(((d.Text("first item"),), (d.Text("second item"),))),
        d.Table(
            (d.Cell((d.Text("Year"),)), d.Cell((d.Text("Value"),), "right")),
            ((d.Cell((d.Text("2023"),)), d.Cell((FIGURE,), "right")),),
            caption=(d.Text("Table caption"),),
            note=(d.Text("Table note"),),
        ),
        d.Chart(
            "bar",
            ("2013", "2023"),
            (series,),
            ((0.0, "0"), (1.0, "1"), (2.0, "2"), (3.0, "3")),
            "trillion yuan",
            caption=(d.Text("Chart caption"),),
            note=(d.Text("Chart note"),),
        ),
        d.Box((d.Text("Box title"),), (d.Paragraph((d.Text("Inside the box"),)),)),
        d.SourceList((d.SourceEntry(1, (d.Text("Bureau, Bulletin"),), "s"),)),
        d.Distribution((("报：", "某某单位"),), copies="共印10份"),
    )
    meta = d.Meta(lang=lang, title="Every node", house_style=house_style)
    return d.Document(meta, blocks)


def test_the_sample_holds_every_node_type() -> None:
    wanted = {*typing.get_args(d.Block), *typing.get_args(d.Inline)}
    present = {type(node) for node in walk(sample())}
    assert len(wanted) >= 13
    assert wanted - present == set()


TEXTS = (
    "Heading one",
    "Output reached",
    "a record",
    "2.43 trillion yuan",
    "in 2023",
    "[1]",
    "first item",
    "second item",
    "Table caption",
    "Table note",
    "Chart caption",
    "Chart note",
    "Box title",
    "Inside the box",
    "Bureau, Bulletin",
    "某某单位",
)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_writer_writes_every_node_without_a_warning(fmt: str, tmp_path: Path) -> None:
    warnings: list[BriefWarning] = []
    figures: list[tuple[d.Figure, int]] = []
    hooks = WriterHooks(on_warning=warnings.append, on_figure=lambda f, page: figures.append((f, page)))
    data = WRITERS[fmt].to_bytes(sample(), hooks)
    path = tmp_path / f"every.{WRITERS[fmt].extension}"
    path.write_bytes(data)
    text = squeeze(_read_back(path))
    assert [t for t in TEXTS if squeeze(t) not in text] == []
    assert warnings == []
    if WRITERS[fmt].paged:
        assert [page for figure, page in figures if figure == FIGURE] == [1, 1]


def _read_back(path: Path) -> str:
    if path.suffix == ".pdf":
        return pdftotext(path)  # qpdf --check first
    if path.suffix == ".docx":
        document = docx.Document(io.BytesIO(path.read_bytes()))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([*(p.text for p in document.paragraphs), *cells])
    if path.suffix == ".html":
        import html5lib

        page = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        return "\n".join(page.find("body").itertext())
    raise AssertionError(f"no reader for {path.suffix}: teach this test to read the new format")
