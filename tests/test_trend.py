"""Words chosen by the data's direction: a series that fell is not said to have risen.

The bundled templates said "rose from 1.7 trillion yuan … to -2.43 trillion yuan" for any
facts; they now ask ``b.trend(first, last)`` and word each direction (README, "Writing a
template").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import jjj_brief as run_jjj_brief
from conftest import pdf_body, squeeze

import jjj_brief
from jjj_brief.document import block_texts
from jjj_brief.resources import bundled

LATEST = 'region: jjj, period: "2023", value: "2.43e12"'


def facts_where_2023_is(tmp_path: Path, value: str) -> Path:
    """The bundled facts with the latest industrial added value replaced and its stated growth dropped."""
    text = (bundled("facts") / "jjj-2024.yaml").read_text(encoding="utf-8")
    assert text.count(LATEST) == 1
    text, dropped = re.subn(r"  - \{indicator: industrial_value_added_growth,[^}]*\}\n", "", text)
    assert dropped == 1
    text = text.replace(LATEST, LATEST.replace("2.43e12", value))
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def texts(facts: Path, lang: str, template: str = "briefing") -> str:
    doc = jjj_brief.render(facts, lang=lang, template=template)
    return "\n".join(text for block in doc.blocks for text in block_texts(block))


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (
            "-2.43e12",
            "en",
            [
                "Industrial added value fell from 1.7 trillion yuan in 2013 to -2.43 trillion yuan in 2023.",
                "fell from 1.7 trillion yuan in 2013 to -2.43 trillion yuan in 2023, down 243 percent.",
            ],
        ),
        (
            "1.2e12",
            "zh",
            [
                "工业增加值由2013年的1.7万亿元降至2023年的1.2万亿元。",
                "京津冀地区工业增加值由2013年的1.7万亿元降至2023年的1.2万亿元，下降29%。",
            ],
        ),
        ("1.2e12", "zh_Hant", ["工業增加值由2013年的1.7兆元降至2023年的1.2兆元。"]),
        (
            "1.7e12",
            "en",
            [
                "Industrial added value was 1.7 trillion yuan in 2013 and 1.7 trillion yuan in 2023.",
                "was 1.7 trillion yuan in 2013 and 1.7 trillion yuan in 2023.",
            ],
        ),
        ("1.7e12", "zh", ["工业增加值2013年为1.7万亿元，2023年为1.7万亿元。"]),
    ],
)
def test_a_series_that_fell_or_stayed_is_worded_so(tmp_path: Path, value: str, lang: str, expected: list[str]) -> None:
    written = texts(facts_where_2023_is(tmp_path, value), lang)
    for sentence in expected:
        assert sentence in written, written
    assert "rose" not in written and "increased" not in written and "增至" not in written


@pytest.mark.parametrize("lang", ["zh", "zh_Hant"])
def test_the_jianbao_words_a_fall_too(tmp_path: Path, lang: str) -> None:
    written = texts(facts_where_2023_is(tmp_path, "1.2e12"), lang, "jianbao")
    assert "降至2023年的1.2" in written and "增至" not in written


def test_a_rise_still_reads_as_before() -> None:
    written = texts(bundled("facts") / "jjj-2024.yaml", "en")
    assert "Industrial added value rose from 1.7 trillion yuan in 2013 to 2.43 trillion yuan in 2023." in written


def test_the_fall_reaches_the_pdf(tmp_path: Path) -> None:
    run = run_jjj_brief(
        "build",
        "--lang",
        "en,zh",
        "--format",
        "pdf",
        "--facts",
        facts_where_2023_is(tmp_path, "1.2e12"),
        "--out",
        tmp_path / "out",
    )
    assert run.code == 0, run.err
    assert "Industrialaddedvaluefellfrom1.7trillionyuanin2013to1.2trillionyuanin2023." in squeeze(
        pdf_body(tmp_path / "out" / "briefing-en.pdf")
    )
    assert "降至2023年的1.2万亿元，下降29%" in squeeze(pdf_body(tmp_path / "out" / "briefing-zh.pdf"))
