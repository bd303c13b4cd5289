"""Golden tests: the whole Document, as stable indented text, per template, fact file and language.

A change anywhere between the facts and the Document (catalogs, templates, l10n, markup)
shows up here as a readable diff that is reviewed like code.  After a deliberate change:

    python3 -m pytest tests/test_golden.py --update-golden

rewrites ``tests/golden/`` from the current output; commit the files with the change.
"""

from __future__ import annotations

import dataclasses
import difflib
from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES

from jjj_brief.document import Document, Figure, Paragraph
from jjj_brief.document.dump import dump
from jjj_brief.facts.model import FactStore
from jjj_brief.pipeline import load_store, pick_region, render_document, resolve_template

GOLDEN = Path(__file__).resolve().parent / "golden"
EPOCH = "1729814400"  # 2024-10-25
UPDATE_HINT = "python3 -m pytest tests/test_golden.py --update-golden"

# (template, fact file or None for the bundled facts, language)
CASES = [
    ("briefing", None, "en"),
    ("briefing", None, "zh"),
    ("briefing", None, "zh_Hant"),
    ("jianbao", None, "zh"),
    ("briefing", "yrd-2025.yaml", "en"),
    ("briefing", "yrd-2025.yaml", "zh"),
]


def golden_name(template: str, facts: str | None, lang: str) -> str:
    stem = "bundled" if facts is None else facts.split(".")[0]
    return f"{template}-{stem}-{lang}.txt"


@cache
def store_for(facts: str | None) -> FactStore:
    return load_store([FIXTURES / facts] if facts else [])[0]


def rendered(template: str, facts: str | None, lang: str) -> Document:
    store = store_for(facts)
    return render_document(store, pick_region(store, None), lang, resolve_template(template))[0]


def compare(path: Path, actual: str, update: bool) -> str | None:
    """None when ``path`` holds ``actual`` (after writing it, with ``update``); else the failure
    message: a unified diff from the golden file to the new output."""
    if update:
        if not path.is_file() or path.read_text(encoding="utf-8") != actual:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
        return None
    if not path.is_file():
        return f"golden file {path.name} is missing; create it with: {UPDATE_HINT}"
    expected = path.read_text(encoding="utf-8")
    if expected == actual:
        return None
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"golden/{path.name}",
        tofile="rendered now",
        n=2,
    )
    return (
        f"the rendered Document differs from golden/{path.name} (- golden, + now).\n"
        f"If the change is intended, review it and run: {UPDATE_HINT}\n\n" + "".join(diff)
    )


@pytest.mark.parametrize(
    ("template", "facts", "lang"), CASES, ids=[golden_name(*case).removesuffix(".txt") for case in CASES]
)
def test_document_matches_golden(
    template: str, facts: str | None, lang: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    actual = dump(rendered(template, facts, lang))
    message = compare(GOLDEN / golden_name(template, facts, lang), actual, request.config.getoption("--update-golden"))
    if message:
        pytest.fail(message, pytrace=False)


def test_no_stale_golden_files() -> None:
    expected = {golden_name(*case) for case in CASES}
    stale = sorted(p.name for p in GOLDEN.glob("*") if p.name not in expected)
    assert not stale, f"golden files no case produces (delete them): {stale}"


# ------------------------------------------------------------ the check itself can fail


def _altered(doc: Document) -> Document:
    """``doc`` with the first figure of its first paragraph printed differently."""
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph) and any(isinstance(n, Figure) for n in block.content):
            content = tuple(
                dataclasses.replace(n, text=n.text + "!", style="changed") if isinstance(n, Figure) else n
                for n in block.content
            )
            blocks = (*doc.blocks[:index], dataclasses.replace(block, content=content), *doc.blocks[index + 1 :])
            return dataclasses.replace(doc, blocks=blocks)
    raise AssertionError("no paragraph with a figure")


def test_a_changed_document_fails_with_a_readable_diff(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    doc = rendered("briefing", None, "en")
    path = tmp_path / "briefing-bundled-en.txt"
    path.write_text(dump(doc), encoding="utf-8")
    assert compare(path, dump(doc), update=False) is None

    message = compare(path, dump(_altered(doc)), update=False)
    assert message is not None
    assert UPDATE_HINT in message
    assert "--- golden/briefing-bundled-en.txt\n+++ rendered now\n" in message
    removed = [line for line in message.splitlines() if line.startswith("-    Figure ")]
    added = [line for line in message.splitlines() if line.startswith("+    Figure ")]
    assert removed and added
    assert 'style="changed"' in added[0] and "!" in added[0] and 'style="changed"' not in removed[0]


def test_update_writes_the_golden_file_and_then_it_matches(tmp_path: Path) -> None:
    path = tmp_path / "new" / "case.txt"
    assert "missing" in (compare(path, "Document\n", update=False) or "")
    assert compare(path, "Document\n", update=True) is None
    assert path.read_bytes() == b"Document\n"
    assert compare(path, "Document\n", update=False) is None
