"""Brief markup → Document: the tree it gives, and the errors it names."""

from __future__ import annotations

import pytest

from jjj_brief import document as d
from jjj_brief.errors import MarkupError
from jjj_brief.markup.reader import read_markup

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
    doc = parse('<p>x<ref source="b"/></p><sources><source id="a">A</source><source id="b">B</source></sources>')
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


CHART = (
    '<chart kind="bar" unit="万亿元"><caption>图1</caption>'
    '<series name="工业增加值"><point label="2013年" value="1.7e12" fact="v/jjj/2013">1.7</point>'
    '<point label="2023年" value="2.43e12" fact="v/jjj/2023">2.43</point></series>'
    '<tick value="0">0</tick><tick value="1e12">1</tick><note>来源：新华社</note></chart>'
)


def test_a_chart_keeps_geometry_labels_ticks_and_facts() -> None:
    (chart,) = parse(CHART).blocks
    assert isinstance(chart, d.Chart) and chart.kind == "bar" and chart.axis_label == "万亿元"
    assert chart.categories == ("2013年", "2023年")
    (series,) = chart.series
    assert series.values == (1.7e12, 2.43e12) and series.labels == ("1.7", "2.43")
    assert series.facts == ("v/jjj/2013", "v/jjj/2023")
    assert chart.ticks == ((0.0, "0"), (1e12, "1"))
    assert d.plain_text(parse(CHART)).splitlines()[1:] == ["图1", "来源：新华社"]
    assert chart.scale == 1.0 and chart.tick_format == "General"  # values read as they are


def test_a_chart_carries_the_divisor_and_number_format_of_its_axis_unit() -> None:
    (chart,) = parse(CHART.replace('unit="万亿元"', 'unit="万亿元" scale="1000000000000" tick-format="#,##0"')).blocks
    assert isinstance(chart, d.Chart) and chart.scale == 1e12 and chart.tick_format == "#,##0"


def test_a_box_holds_a_title_and_blocks() -> None:
    (box,) = parse("<box><title>要点</title><ul><li>甲</li><li>乙</li></ul><p>丙</p></box>").blocks
    assert box.title == (d.Text("要点"),)
    assert [type(b) for b in box.blocks] == [d.BulletList, d.Paragraph]


def test_the_distribution_block_and_the_jianbao_meta_fields() -> None:
    meta = (
        "<meta><title>T</title><house-style>jianbao</house-style><masthead>京津冀经济简报</masthead>"
        "<issue-label>第1期</issue-label><issuer>研究组</issuer></meta>"
    )
    doc = read_markup(
        f'<brief lang="zh-CN">{meta}<distribution><entry label="报：">甲</entry><entry label="送：">乙</entry>'
        "<copies>共印50份</copies></distribution></brief>",
        "jianbao.xml.j2",
    )
    assert (doc.meta.house_style, doc.meta.masthead, doc.meta.issue_label, doc.meta.issuer) == (
        "jianbao",
        "京津冀经济简报",
        "第1期",
        "研究组",
    )
    assert doc.blocks == (d.Distribution((("报：", "甲"), ("送：", "乙")), "共印50份"),)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ('\n<chart kind="pie"><series><point value="1">1</point></series></chart>', 2, "chart kind must be"),
        ("\n<chart>\n<caption>c</caption></chart>", 2, "has no <series>"),
        ('<chart>\n<series>\n<point value="x">1</point></series></chart>', 3, "finite number"),
        ('<chart><series>\n<point value="nan">1</point></series></chart>', 2, "finite number"),
        ('<chart>\n<series><bar value="1"/></series></chart>', 2, "may only hold <point>"),
        ('\n<chart scale="0"><series><point value="1">1</point></series></chart>', 2, "positive number in scale="),
        ('\n<chart scale="x"><series><point value="1">1</point></series></chart>', 2, "finite number in scale="),
        (
            '<chart><series><point label="a" value="1">1</point></series>\n'
            '<series><point label="b" value="1">1</point></series></chart>',
            2,
            "differ from the first series",
        ),
        ("<box><title>t</title>\n<box><p>x</p></box></box>", 2, "may not hold <box>"),
        ("\n<box><title>t</title></box>", 2, "holds no blocks"),
        ("<distribution>\n<p>x</p></distribution>", 2, "may only hold <entry> and <copies>"),
    ],
)
def test_bad_charts_boxes_and_distributions_name_the_line(body: str, line: int, message: str) -> None:
    with pytest.raises(MarkupError) as caught:
        parse(body)
    assert (caught.value.location.file, caught.value.location.line) == ("briefing.xml.j2", line)
    assert message in caught.value.message


def test_an_unknown_house_style_is_refused_with_its_line() -> None:
    with pytest.raises(MarkupError) as caught:
        read_markup('<brief lang="en"><meta><title>T</title>\n<house-style>memo</house-style></meta></brief>', "t")
    assert caught.value.location.line == 2 and "house-style" in caught.value.message
