"""`build --since OLD` marks what moved; `build --annotate` gives each figure a reviewer's note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, jjj_brief

from jjj_brief.document import figures
from jjj_brief.pipeline import load_store, render_document, resolve_template

OLD = FIXTURES / "vintages" / "jjj-2024-09.yaml"
NEW = FIXTURES / "vintages" / "jjj-2024-10.yaml"


def previous_by_text(lang: str) -> dict[str, str | None]:
    store, _ = load_store([NEW])
    old, _ = load_store([OLD])
    doc, _ = render_document(store, "jjj", lang, resolve_template("briefing"), since=old)
    return {f.text: f.previous for f in figures(doc)}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            {
                "2.43 trillion yuan": "2.4 trillion yuan",
                "10.4 trillion yuan": "about 10.4 trillion yuan",
                "43 percent": "41 percent",
                "up 10.2 percent year on year": "",
                "10.2 percent": "",
                "1.7 trillion yuan": None,
                "231 billion yuan": None,
                "more than 20 percent": None,
            },
        ),
        (
            "zh",
            {
                "2.43万亿元": "2.4万亿元",
                "10.4万亿元": "约10.4万亿元",
                "43%": "41%",
                "同比增长10.2%": "",
                "10.2%": "",
                "1.7万亿元": None,
                "2310亿元": None,
                "超过20%": None,
            },
        ),
    ],
)
def test_a_changed_figure_knows_what_the_older_vintage_printed(lang: str, expected: dict[str, str | None]) -> None:
    # revised facts print their old value with the same call; a derived figure is re-derived
    # from the old facts (2.4 / 1.7 - 1 = 41 %); "" marks a figure the old vintage lacked
    assert previous_by_text(lang) == expected


def test_without_since_no_figure_is_marked() -> None:
    store, _ = load_store([NEW])
    doc, _ = render_document(store, "jjj", "en", resolve_template("briefing"))
    assert {(f.previous, f.note) for f in figures(doc)} == {(None, "")}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Fact industrial_value_added/jjj/2023: exact value 2430000000000 CNY, 2023, "
                "Beijing-Tianjin-Hebei region. Source: Test Statistics Bureau (bulletin-2024-10).",
                "Computed as growth(industrial_value_added/jjj/2013, industrial_value_added/jjj/2023): exact value "
                "42.94117647058823529411764710 percent, 2013–2023, Beijing-Tianjin-Hebei region. "
                "Source: Test Statistics Bureau (bulletin-2024-09) and Test Statistics Bureau (bulletin-2024-10).",
                "Fact cluster_share_life_health/jjj/2023: exact value more than 20 percent, 2023, "
                "Beijing-Tianjin-Hebei region. Source: Test Statistics Bureau (bulletin-2024-09).",
            ],
        ),
        (
            "zh",
            [
                "事实industrial_value_added/jjj/2023：精确值2430000000000 CNY，2023年，京津冀地区。"
                "来源：测试统计局（bulletin-2024-10）。",
                "按growth(industrial_value_added/jjj/2013, industrial_value_added/jjj/2023)计算：精确值"
                "42.94117647058823529411764710 %，2013—2023年，京津冀地区。"
                "来源：测试统计局（bulletin-2024-09）和测试统计局（bulletin-2024-10）。",
                "事实cluster_share_life_health/jjj/2023：精确值超过20 %，2023年，京津冀地区。"
                "来源：测试统计局（bulletin-2024-09）。",
            ],
        ),
    ],
)
def test_annotate_gives_each_figure_a_note_in_the_document_language(lang: str, expected: list[str]) -> None:
    store, _ = load_store([NEW])
    doc, _ = render_document(store, "jjj", lang, resolve_template("briefing"), annotate=True)
    notes = {f.facts: f.note for f in figures(doc)}
    assert [
        notes[("industrial_value_added/jjj/2023",)],
        notes[("industrial_value_added/jjj/2013", "industrial_value_added/jjj/2023")],
        notes[("cluster_share_life_health/jjj/2023",)],
    ] == expected


def test_the_command_marks_revisions_in_the_ledger(tmp_path: Path) -> None:
    run = jjj_brief(
        "build",
        "--lang",
        "en,zh",
        "--format",
        "docx",
        "--facts",
        NEW,
        "--since",
        OLD,
        "--annotate",
        "--audit",
        "--out",
        tmp_path,
    )
    assert run.code == 0, run.err
    rows = json.loads((tmp_path / "briefing-zh.audit.json").read_text(encoding="utf-8"))["figures"]
    moved = {(r["text"], r["previous"]) for r in rows if r["previous"] is not None}
    assert moved == {
        ("2.43万亿元", "2.4万亿元"),
        ("10.4万亿元", "约10.4万亿元"),
        ("43%", "41%"),
        ("10.2%", ""),
        ("同比增长10.2%", ""),
    }
    markdown = (tmp_path / "briefing-en.audit.md").read_text(encoding="utf-8")
    assert "| `industrial_value_added/jjj/2023`; was 2.4 trillion yuan |" in markdown
