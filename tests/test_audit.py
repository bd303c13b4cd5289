"""`jjj-brief build --audit`: the ledger accounts for every number in the PDF and re-formats to it."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, jjj_brief, pdf_body, pdftotext, squeeze

from jjj_brief import pipeline
from jjj_brief.audit.ledger import stray_numbers
from jjj_brief.document import Chart, Document
from jjj_brief.errors import BriefError
from jjj_brief.facts.model import Period
from jjj_brief.l10n import Localizer
from jjj_brief.pipeline import BuildRequest, load_store, render_document, resolve_template
from jjj_brief.rendering.figure_style import FigureStyle
from jjj_brief.writers import WRITERS
from tests.fakes import FakeWriter

EPOCH = {"SOURCE_DATE_EPOCH": "1729814400"}  # 2024-10-25
ISSUED = dt.date(2024, 10, 25)
FACT_FILES = {"bundled": None, "second": FIXTURES / "yrd-2025.yaml"}
# Numbers that are legitimately not figures, matched narrowly: source marks [1], table and
# chart numbering (Table 1. / 表1, Figure 2. / 图2).  Periods, dates, chart categories and
# axis ticks are allowed as the exact strings the document prints for them (see allowed_texts).
NUMBERING = [re.compile(r"\[\d+\]"), re.compile(r"(?:Table|Figure) \d+\."), re.compile(r"[表图圖]\d+")]


def flat(text: str, lang: str) -> str:
    """Undo line wrapping: English joins with a space; Chinese with nothing, except between two
    numbers (chart ticks on consecutive lines must not merge into one number)."""
    return " ".join(text.split()) if lang == "en" else _join_zh(text)


def _join_zh(text: str) -> str:
    return re.sub(r"\s+", lambda m: " " if _between_digits(m) else "", text.strip())


def _between_digits(match: re.Match[str]) -> bool:
    text, start, end = match.string, match.start(), match.end()
    return start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Audited en+zh builds, made once per fact file on first use."""
    made: dict[str, Path] = {}

    def build(which: str) -> Path:
        if which not in made:
            out = tmp_path_factory.mktemp(f"audit-{which}")
            facts = FACT_FILES[which]
            run = jjj_brief(
                "build", "--lang", "en,zh", "--audit", "--out", out, *(("--facts", facts) if facts else ()), env=EPOCH
            )
            assert run.code == 0, run.err
            made[which] = out
        return made[which]

    return build


@pytest.fixture(params=sorted(FACT_FILES))
def audited(request: pytest.FixtureRequest, builds: Any) -> tuple[str, Path]:
    return request.param, builds(request.param)


def ledger(out: Path, lang: str) -> dict[str, Any]:
    return json.loads((out / f"briefing-{lang}.audit.json").read_text(encoding="utf-8"))


def document(which: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> Document:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
    facts = FACT_FILES[which]
    store, _ = load_store([facts] if facts else [])
    region = "jjj" if facts is None else "yrd"
    return render_document(store, region, lang, resolve_template("briefing"))[0]


def allowed_texts(doc: Document, rows: list[dict[str, Any]], lang: str, facts: Path | None) -> set[str]:
    """Printed numbers that are not figures, as the document prints them: periods (and their
    years), the issue date and source dates, source titles, chart categories and axis ticks."""
    loc = Localizer.for_language(lang)
    store, _ = load_store([facts] if facts else [])
    periods = {Period.parse(row["period"]) for row in rows if row["period"]}
    years = {y for p in periods for y in (p.start, p.end)}
    allowed = {loc.period(p) for p in periods} | {loc.period(Period(y, y)) for y in years}
    allowed |= {loc.date(ISSUED)} | {loc.date(s.date) for s in store.sources.values() if s.date}
    allowed |= {s.title.get(lang) or "" for s in store.sources.values()}
    for chart in (b for b in _all_blocks(doc) if isinstance(b, Chart)):
        allowed |= set(chart.categories) | {label for _, label in chart.ticks}
    return {flat(text, lang) for text in allowed if text}


def _all_blocks(doc: Document) -> list[Any]:
    return [inner for block in doc.blocks for inner in getattr(block, "blocks", (block,))]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_number_in_the_pdf_is_a_ledger_figure_or_an_allowed_kind(
    audited: tuple[str, Path], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    which, out = audited
    rows = ledger(out, lang)["figures"]
    text = flat(pdf_body(out / f"briefing-{lang}.pdf"), lang)
    allowed = allowed_texts(document(which, lang, monkeypatch), rows, lang, FACT_FILES[which])
    printed = [flat(row["text"], lang) for row in rows]
    assert stray_numbers(text, printed, allowed, NUMBERING) == []
    assert stray_numbers(text.replace(printed[1], "2.34万亿元", 1), printed, allowed, NUMBERING) == ["2.34"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_row_re_formats_to_its_printed_text(audited: tuple[str, Path], lang: str) -> None:
    _, out = audited
    loc = Localizer.for_language(lang)
    rows = ledger(out, lang)["figures"]
    replayed = [r for r in rows if r["style"] is not None]
    assert [r["kind"] for r in rows if r["style"] is None] == ["chart"] * (len(rows) - len(replayed))
    assert len(replayed) >= 5
    for row in replayed:
        assert FigureStyle.parse(row["style"]).apply(loc, Decimal(row["value"]), row["unit"]) == row["text"]


def test_the_ledger_rows_say_where_each_figure_comes_from_and_its_page(builds: Any) -> None:
    out = builds("bundled")
    data = ledger(out, "zh")
    assert (data["version"], data["document"], data["lang"], data["locale"]) == (1, "briefing-zh", "zh", "zh-CN")
    usd = dict(next(r for r in data["figures"] if r["text"] == "约2380亿美元"))
    del usd["n"], usd["page"], usd["block"]
    assert usd == {
        "text": "约2380亿美元",
        "facts": ["industrial_value_added_usd/jjj/2013"],
        "value": "238000000000",
        "unit": "USD",
        "period": "2013",
        "region": "jjj",
        "qualifier": "about",
        "source": "xinhua-2024-10-25",
        "sources": ["xinhua-2024-10-25"],
        "formula": None,
        "style": "figure digits=2 qualifier=about",
        "previous": None,
        "kind": "text",
    }
    pages = pdftotext(out / "briefing-zh.pdf").split("\f")
    placed = [r for r in data["figures"] if r["page"] is not None]
    assert len(placed) >= 10
    for row in placed:
        assert squeeze(row["text"]) in squeeze(pages[row["page"] - 1])
    markdown = (out / "briefing-zh.audit.md").read_text(encoding="utf-8").splitlines()
    assert markdown[0] == "# Audit ledger: briefing-zh"
    assert "| 约2380亿美元 |" in "\n".join(markdown)


def test_a_derived_figure_carries_its_formula_and_exact_value(tmp_path: Path) -> None:
    run = jjj_brief(
        "build",
        "--lang",
        "en",
        "--format",
        "docx",
        "--audit",
        "--facts",
        FIXTURES / "vintages" / "jjj-2024-10.yaml",
        "--out",
        tmp_path,
        env=EPOCH,
    )
    assert run.code == 0, run.err
    rows = ledger(tmp_path, "en")["figures"]
    growth = next(r for r in rows if r["formula"])
    assert (growth["text"], growth["value"], growth["period"], growth["formula"], growth["page"]) == (
        "43 percent",
        "42.94117647058823529411764710",
        "2013/2023",
        "growth(industrial_value_added/jjj/2013, industrial_value_added/jjj/2023)",
        None,
    )
    assert growth["facts"] == ["industrial_value_added/jjj/2013", "industrial_value_added/jjj/2023"]
    assert {r["page"] for r in rows} == {None}  # no PDF, no pages


def test_a_failing_writer_leaves_no_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_docx(doc, out, hooks):
        raise BriefError("the disk is full")

    monkeypatch.setitem(WRITERS, "docx", FakeWriter("docx", "docx", "unused", write=broken_docx))
    with pytest.raises(BriefError):
        pipeline.build(BuildRequest(langs=("zh",), out_dir=tmp_path, audit=True))
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_stray_numbers_cuts_longer_figures_first() -> None:
    assert stray_numbers("2310亿元 and 231", ["231", "2310亿元"]) == []
    assert stray_numbers("up 10.2 percent on page 3", ["10.2 percent"]) == ["3"]
