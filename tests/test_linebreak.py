"""The line breaker: exact lines at fixed widths, then a sweep over many widths counting rule violations.

The exact tests use a toy measure (Han and full-width 10 pt, everything else
5 pt) so the expected lines can be checked by hand; the sweep uses the real
bundled fonts, as the PDF writer does, the way the notes measured reportlab.
"""

from __future__ import annotations

import re

import pytest

from jjj_brief.writers.text.linebreak import (
    NO_LINE_END,
    NO_LINE_START,
    Glue,
    Line,
    break_lines,
    break_opportunities,
    can_break_before,
    is_wide,
    latin_gaps,
    takes_latin_gap,
)


def toy_widths(text: str) -> list[float]:
    return [10.0 if is_wide(ch) else 5.0 for ch in text]


def wrap(text: str, width: float, first_width: float | None = None) -> list[str]:
    return [text[line.start : line.end] for line in break_lines(text, toy_widths(text), width, first_width)]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("经济增长，好于预期。", 40, ["经济增", "长，好于", "预期。"]),  # comma never starts a line
        ("他说：“今年经济增长较快。”", 50, ["他说：“今", "年经济增长", "较快。”"]),  # “ never ends one
        ("增长较快——超出预期……", 50, ["增长较快——", "超出预期……"]),
        ("北京2.43万亿元，河北2310亿元。", 60, ["北京2.43万亿", "元，河北", "2310亿元。"]),
        ("2024年京津冀", 30, ["2024年", "京津冀"]),  # a number keeps its unit
        ("引自《中国统计年鉴》数据", 60, ["引自《中国统", "计年鉴》数据"]),
        ("the Beijing-Tianjin-Hebei region grew", 120, ["the", "Beijing-Tianjin-Hebei", "region grew"]),
        ("增长2014—2023年", 60, ["增长", "2014—2023年"]),  # a range never breaks at its dash
        ("预计4.5%～5.5%之间", 50, ["预计", "4.5%～5.5%", "之间"]),
        ("GDP增长4.8%[1]，好", 50, ["GDP增长", "4.8%[1]，", "好"]),
    ],
)
def test_breaks_at_exact_places(text: str, width: float, lines: list[str]) -> None:
    assert wrap(text, width) == lines


def test_the_last_line_is_not_one_lonely_character() -> None:
    assert wrap("三地合计增长了。", 70) == ["三地合计增", "长了。"]


def test_a_first_line_indent_shortens_only_the_first_line() -> None:
    assert wrap("一二三四五六七八九十", 50, first_width=30) == ["一二三", "四五六七八", "九十"]


def test_spaces_at_a_break_are_dropped_and_runs_of_them_too() -> None:
    assert wrap("one two  three", 40) == ["one two", "three"]


def test_a_token_wider_than_the_line_is_cut_and_marked_forced() -> None:
    text = "supercalifragilistic"
    lines = break_lines(text, toy_widths(text), 40)
    assert [text[line.start : line.end] for line in lines] == ["supercal", "ifragili", "stic"]
    assert [line.forced for line in lines] == [True, True, False]


def test_a_forced_cut_still_avoids_putting_a_comma_first() -> None:
    assert wrap("增长2024，好", 30) == ["增长", "2024，", "好"]


@pytest.mark.parametrize(
    ("text", "i", "allowed"),
    [
        ("中文", 1, True),
        ("ab", 1, False),
        ("12", 1, False),
        ("2年", 1, False),
        ("年2", 1, True),
        ("a b", 2, True),
        ("a b", 1, False),
        ("字，", 1, False),
        ("（字", 1, False),
        ("——", 1, False),
        ("字[1]", 1, False),
        ("China’s", 6, False),
        ("growth—steady", 7, True),
        ("fixed-asset", 6, False),
        ("yuan — above", 5, False),
        ("yuan — above", 7, True),
        ("year [1]", 5, False),
        ("2014—2023年", 5, False),
        ("2014—2023年", 4, False),
        ("2014–2023", 5, False),
        ("增长—稳定", 3, True),
    ],
)
def test_break_opportunities_follow_the_rules(text: str, i: int, allowed: bool) -> None:
    assert can_break_before(text, i) is allowed


# ------------------------------------------------------- Han–Latin gap


def gapped(text: str) -> tuple[list[float], list[float]]:
    """Toy advances with a ¼ em (2.5 pt) Han–Latin gap folded in, and the gaps."""
    gaps = latin_gaps(text, 2.5)
    return [w + g for w, g in zip(toy_widths(text), gaps)], gaps


@pytest.mark.parametrize(
    ("a", "b", "gap"),
    [
        ("冀", "I", True),
        ("T", "应", True),
        ("年", "G", True),
        ("P", "增", True),
        ("a", "々", True),
        ("2", "年", False),
        ("年", "2", False),
        ("5", "G", False),
        ("G", "5", False),  # digits: tight
        ("（", "X", False),
        ("a", "）", False),
        ("，", "B", False),
        ("a", "％", False),  # full-width marks
        ("冀", " ", False),
        ("Ｉ", "应", False),
        ("a", "b", False),
        ("京", "津", False),
    ],
)
def test_the_latin_gap_goes_only_between_han_and_a_letter(a: str, b: str, gap: bool) -> None:
    assert takes_latin_gap(a, b) is gap


def test_the_latin_gap_is_measured_inside_a_line() -> None:
    text = "京津冀IT应用"  # 30 + 2.5 + 10 + 2.5 + 20
    advances, gaps = gapped(text)
    assert gaps == [0, 0, 2.5, 0, 2.5, 0, 0]
    assert break_lines(text, advances, 65, gaps=gaps) == [Line(0, 7, 65.0)]
    assert [(line.start, line.end) for line in break_lines(text, advances, 64.9, gaps=gaps)] != [(0, 7)]


def test_the_latin_gap_vanishes_at_line_ends_and_starts() -> None:
    text = "京津冀IT应用"
    advances, gaps = gapped(text)
    # "京津冀IT" is 42.5 wide without the gap after T (45 with it); "应用" starts with no gap
    assert break_lines(text, advances, 42.5, gaps=gaps) == [Line(0, 5, 42.5), Line(5, 7, 20.0)]
    text = "GDP增长"
    advances, gaps = gapped(text)
    assert break_lines(text, advances, 20, gaps=gaps) == [Line(0, 3, 15.0), Line(3, 5, 20.0)]


def test_digits_take_no_latin_gap() -> None:
    text = "2023年GDP增长"  # 20 + 10 + 2.5 + 15 + 2.5 + 20: no gap between 2023 and 年
    advances, gaps = gapped(text)
    assert gaps == [0, 0, 0, 0, 2.5, 0, 0, 2.5, 0, 0]
    assert break_lines(text, advances, 70, gaps=gaps) == [Line(0, 10, 70.0)]
    assert break_lines(text, advances, 50, gaps=gaps) == [Line(0, 8, 47.5), Line(8, 10, 20.0)]


# ------------------------------------------------------------------ sweep

SWEEP_PARAGRAPHS = [
    "2024年，京津冀三地地区生产总值合计11.5万亿元，其中北京2.43万亿元，同比增长5.2%；河北省固定资产投资2310亿元，增速高于全国平均水平。",
    "协同发展进入“深水区”——交通、生态、产业三个重点领域率先突破，区域内“1小时交通圈”基本形成……",
    "雄安新区（Xiong’an New Area）已承接首批疏解项目，GDP增速达到7.8%，高于全国平均水平1.3个百分点。",
    "据《中国统计年鉴2024》，2013—2023年间京津冀研发投入强度由3.6%提高到4.1%，年均增长约0.05个百分点。",
    "报告指出：“高质量发展是首要任务。”各地应坚持稳中求进，统筹发展和安全；同时，防范化解重大风险！",
    "预计2025年区域经济增速在4.5%～5.5%之间，投资规模为9亿～16亿元，城镇居民人均可支配收入达到82,049元。",
    "The Beijing-Tianjin-Hebei region produced 11.5 trillion yuan of output in 2024, up 5.2 percent year on year.",
    "京津冀（Beijing-Tianjin-Hebei）地区的PM2.5平均浓度为38微克/立方米，比上年下降3.2%，空气质量优良天数比例为71.9%。",
    "【专栏】北京非首都功能疏解：累计退出一般制造业企业约3000家，疏解提升区域性专业市场和物流中心近1000个。",
    "“十四五”规划实施以来，三地累计签约项目2,310个，总投资额超过1.2万亿元（不含雄安新区）。",
    "Hebei’s fixed-asset investment reached 231 billion yuan — above the national average — "
    "while Tianjin’s port handled 22.2 million TEU.",
    "京津冀IT应用加快推广，2023年GDP增长5.2%，AI与5G技术、R&D投入和IoT产业集群初具规模，Hebei省的新能源汽车产量增长较快。",
]

NUMBER = re.compile(r"[0-9０-９]+(?:[.,][0-9]+)*")
LATIN_WORD = re.compile(r"[A-Za-z]+")
PAIRED = re.compile(r"——|……")


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a < i < b for a, b in spans)


def _violations(text: str, lines: list[Line]) -> dict[str, int]:
    numbers = [m.span() for m in NUMBER.finditer(text)]
    words = [m.span() for m in LATIN_WORD.finditer(text)]
    pairs = [m.span() for m in PAIRED.finditer(text)]
    found = dict.fromkeys(("closing at start", "opening at end", "number split", "word split", "pair split"), 0)
    for prev, line in zip(lines, lines[1:]):
        if prev.forced:
            continue
        found["closing at start"] += text[line.start] in NO_LINE_START
        found["opening at end"] += text[prev.end - 1] in NO_LINE_END
        found["number split"] += _inside(numbers, line.start)
        found["word split"] += _inside(words, line.start)
        found["pair split"] += _inside(pairs, line.start)
    return found


@pytest.fixture(scope="module")
def set_paragraphs():
    from jjj_brief.writers.pdf.styles import house_style
    from jjj_brief.writers.pdf.text import set_plain

    style = house_style("zh-CN").body
    return [set_plain(text, style) for text in SWEEP_PARAGRAPHS]


def test_no_rule_is_broken_at_any_of_a_hundred_widths(set_paragraphs) -> None:
    totals: dict[str, int] = {}
    line_count = forced = 0
    for setting in set_paragraphs:
        for width in [60 + 3.9 * k for k in range(100)]:  # 60 … 446 pt
            lines = break_lines(setting.text, setting.advances, width, gaps=setting.gaps)
            for key, count in _violations(setting.text, lines).items():
                totals[key] = totals.get(key, 0) + count
            line_count += len(lines)
            forced += sum(line.forced for line in lines)
            assert all(line.width <= width + 1e-6 for line in lines if not line.forced)
            assert all(abs(line.width - setting.width(line.start, line.end)) < 1e-6 for line in lines)
            for line in lines:  # a forced cut only where an unbreakable piece is wider than the line
                assert not line.forced or _piece_width(setting, line.end) > width
            for prev, line in zip(lines, lines[1:]):  # only spaces are dropped between lines
                assert setting.text[prev.end : line.start].strip() == ""
            assert lines[0].start == 0 and lines[-1].end == len(setting.text)
    assert totals == dict.fromkeys(totals, 0), totals
    assert forced <= line_count * 0.02, f"{forced} forced cuts in {line_count} lines"


def _piece_width(setting, i: int) -> float:
    """Width of the unbreakable piece of text around index ``i``."""
    breaks = [0, *break_opportunities(setting.text), len(setting.text)]
    start = max(b for b in breaks if b <= i - 1)
    end = min(b for b in breaks if b >= i)
    return setting.width(start, end)


# ------------------------------------------------- kept spans, justified text


def test_a_kept_span_is_never_split_even_where_a_break_would_fit() -> None:
    text = "增长了1.7万亿元好"
    glue = Glue(keeps=((3, 9),))  # "1.7万亿元", a figure
    lines = break_lines(text, toy_widths(text), 60, glue=glue)
    assert [text[line.start : line.end] for line in lines] == ["增长了", "1.7万亿元好"]
    assert wrap(text, 60) == ["增长了1.7万", "亿元好"]  # without the keep, 万|亿 is a break like any other


def _justified_lines(setting, width: float) -> list[Line]:
    return setting.break_lines(width)


def test_justified_chinese_breaks_no_rule_and_squeezes_no_more_than_it_may(set_paragraphs) -> None:
    from jjj_brief.writers.text.fitting import Measure

    pushed = 0
    for setting in set_paragraphs:
        measure = Measure(setting.advances, setting.gaps, setting.glue)
        for width in [60 + 3.9 * k for k in range(100)]:
            lines = _justified_lines(setting, width)
            assert _violations(setting.text, lines) == dict.fromkeys(_violations(setting.text, lines), 0)
            for line in lines:
                if not line.forced:
                    assert line.width - measure.shrink(line.start, line.end) <= width + 1e-6
                pushed += line.width > width + 1e-6
            for prev, line in zip(lines, lines[1:]):
                assert setting.text[prev.end : line.start].strip() == ""
            assert lines[0].start == 0 and lines[-1].end == len(setting.text)
    assert pushed, "no line was ever pushed in: the squeeze went untested"


ENGLISH = (
    "In the first half of 2024, the total profit of major industrial enterprises in the "
    "Beijing-Tianjin-Hebei region reached a record high of 231 billion yuan, and strategic emerging "
    "industries with a solid foundation include integrated circuits, cybersecurity, biomedicine, "
    "power equipment, and emergency response equipment; cumulative growth reached 43 percent. "
) * 3


def test_english_hyphens_are_dictionary_points_never_three_in_a_row() -> None:
    import pyphen

    from jjj_brief.writers.pdf.styles import house_style
    from jjj_brief.writers.pdf.text import set_plain

    dictionary = pyphen.Pyphen(lang="en_US", left=2, right=3)
    setting = set_plain(ENGLISH, house_style("en-US").body)
    hyphenated = 0
    for width in [150 + 6 * k for k in range(50)]:
        run = 0
        for line in setting.break_lines(width):
            run = run + 1 if line.hyphen else 0
            assert run <= 2
            if line.hyphen:
                hyphenated += 1
                head = re.search(r"[A-Za-z]+$", ENGLISH[line.start : line.end]).group()
                tail = re.match(r"[A-Za-z]+", ENGLISH[line.end :]).group()
                assert len(head) in dictionary.positions(head + tail), f"{head}-|{tail}"
                assert len(head + tail) >= 6
    assert hyphenated > 20


def test_hyphenation_leaves_figures_digits_capitals_and_short_words_alone() -> None:
    from jjj_brief.writers.text.hyphenation import hyphen_points

    text = "GDP reached 2310亿元 PM2.5 yuan Hebei’s region industrial"
    points = hyphen_points(text, "en-US", keeps=[(12, 18)])
    hyphenated = {re.search(r"\S*$", text[:p]).group() + re.match(r"\S*", text[p:]).group() for p in points}
    assert hyphenated == {"region", "industrial"}


def _span_calls(make_text, n: int, monkeypatch) -> int:
    """How often the breaker measures a stretch of text: the unit of its work."""
    from jjj_brief.writers.pdf.styles import house_style
    from jjj_brief.writers.pdf.text import set_plain
    from jjj_brief.writers.text import fitting

    text, lang = make_text(n)
    setting = set_plain(text, house_style(lang).body)
    calls = 0
    original = fitting.Measure.span

    def counted(self, *args, **kwargs):
        nonlocal calls
        calls += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(fitting.Measure, "span", counted)
    setting.break_lines(300.0)
    monkeypatch.setattr(fitting.Measure, "span", original)
    return calls


@pytest.mark.parametrize(
    "make_text",
    [
        lambda n: ("industrial output rose sharply " * n, "en-US"),
        lambda n: ("经济增长，好于预期。" * n, "zh-CN"),
        lambda n: ("x" * (30 * n), "en-US"),  # one word longer than any line
    ],
    ids=["english", "chinese", "one-long-word"],
)
def test_breaking_stays_linear_in_the_length_of_the_text(make_text, monkeypatch) -> None:
    """Work counted, not timed: twice the text costs about twice the line evaluations."""
    small, large = _span_calls(make_text, 200, monkeypatch), _span_calls(make_text, 800, monkeypatch)
    assert small > 1000 and large <= 4.4 * small  # four times the text, not sixteen times the work
