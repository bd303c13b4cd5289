"""Brief markup → Document: the tree it gives, and the errors it names."""

from __future__ import annotations

import pytest

from jjj_brief import document as d
from jjj_brief.errors import MarkupError
from jjj_brief.markup import read_markup

META = "<meta><title>T &amp; U</title><page-label>第{page}页</page-label></meta>"


def parse(body: str, lang: str = "zh-CN") -> d.Document:
    return read_markup(f'<brief lang="{lang}">{META}{body}</brief>', "briefing.xml.j2")


def test_a_figure_keeps_its_facts_and_formula() -> None:
    doc = parse('<p>增长<num fact="a/jjj/2013 a/jjj/2023" formula="growth(x)">43%</num>。</p>')
    (para,) = doc.blocks
    assert para == d.Paragraph(
        (d.Text("增长"), d.Figure("43%", ("a/jjj/2013", "a/jjj/2023"), "growth(x)"), d.Text("。"))
    )
    assert doc.meta.title == "T & U" and doc.meta.lang == "zh-CN"


def test_line_breaks_between_chinese_characters_vanish_but_english_spaces_stay() -> None:
    doc = parse("<p>京津冀\n  地区</p><p>Beijing\n   region</p>")
    assert [d.inline_text(b.content) for b in doc.blocks] == ["京津冀地区", "Beijing region"]


def test_sources_are_numbered_in_order_and_refs_point_at_them() -> None:
    doc = parse(
        '<p>x<ref source="b"/></p>'
        '<sources><source id="a">A</source><source id="b">B</source></sources>'
    )
    assert doc.blocks[0].content[-1] == d.SourceRef(2)
    assert [e.number for e in doc.blocks[1].entries] == [1, 2]
    assert "[2] B" in d.plain_text(doc)


def test_a_table_keeps_alignment_caption_and_note() -> None:
    doc = parse(
        "<table><caption>C</caption><tr><th>a</th><th align='right'>b</th></tr>"
        "<tr><td>x</td><td align='right'><num fact='f'>1</num></td></tr><note>N</note></table>"
    )
    (table,) = doc.blocks
    assert table.header[1].align == "right"
    assert table.rows[0][1].content == (d.Figure("1", ("f",)),)
    assert (table.caption, table.note) == ((d.Text("C"),), (d.Text("N"),))


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("\n<p>open", 2, "invalid markup"),
        ("\n\n<blink>x</blink>", 3, "unknown block element <blink>"),
        ("\n<p><u>x</u></p>", 2, "unknown inline element <u>"),
        ('\n<p><ref source="nowhere"/></p>', 2, "not in <sources>"),
        ("\n<table><tr><td>a</td></tr><tr><td>a</td><td>b</td></tr></table>", 2, "different numbers of cells"),
    ],
)
def test_bad_markup_names_the_template_and_line(body: str, line: int, message: str) -> None:
    with pytest.raises(MarkupError) as caught:
        parse(body)
    assert caught.value.location.file == "briefing.xml.j2"
    assert caught.value.location.line == line
    assert message in caught.value.message


def test_entities_are_not_expanded() -> None:
    evil = '<!DOCTYPE brief [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    with pytest.raises(MarkupError):
        read_markup(f'{evil}<brief lang="en">{META}<p>&x;</p></brief>', "t")
