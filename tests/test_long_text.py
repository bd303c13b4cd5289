"""A paragraph far longer than a page costs time in proportion to its length.

A single 1 MB word in a list item took over a minute: every page break sliced the rest
of the paragraph and broke it into lines again, so the work grew with the square of its
length.  The test counts that work (characters handed to the line breaker, characters
copied by slicing) rather than timing it, so it is the same on any machine.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import Any

import pytest

from jjj_brief.document import BulletList, Document, Meta, Text
from jjj_brief.writers.pdf import write_pdf
from jjj_brief.writers.pdf.text import SetText
from jjj_brief.writers.text import linebreak


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count every character the PDF writer breaks into lines or slices, wherever it calls from."""
    work = [0]
    original_break, original_slice = linebreak.break_lines, SetText.slice

    def counted_break(text: str, *args: Any, **kwargs: Any) -> list[linebreak.Line]:
        work[0] += len(text)
        return original_break(text, *args, **kwargs)

    def counted_slice(self: SetText, start: int, end: int | None = None) -> SetText:
        part = original_slice(self, start, end)
        work[0] += len(part.text)
        return part

    for lang in ("en", "zh-CN"):  # import whatever the writer imports lazily, before looking
        write_pdf(Document(Meta(lang=lang, title="T"), (BulletList(((Text("京 a"),),)),)), io.BytesIO())
    patched = [
        name
        for name, module in list(sys.modules.items())
        if name.startswith("jjj_brief.writers")
        and module is not linebreak
        and getattr(module, "break_lines", None) is original_break
    ]
    assert patched, "the PDF writer no longer calls linebreak.break_lines: count its line breaker instead"
    for name in patched:
        monkeypatch.setattr(sys.modules[name], "break_lines", counted_break)
    monkeypatch.setattr(SetText, "slice", counted_slice)
    return work


def _work_for(length: int, lang: str, measure: Callable[[], int]) -> tuple[int, int]:
    """(work counted, PDF pages) for a list item holding one word of ``length`` characters."""
    word = ("abcdefghij" if lang == "en" else "京津冀协同发展") * length
    doc = Document(Meta(lang=lang, title="T"), (BulletList(((Text(word[:length]),),)),))
    before = measure()
    out = io.BytesIO()
    write_pdf(doc, out)
    return measure() - before, out.getvalue().count(b"/Type /Page\n")


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_a_word_of_256k_characters_costs_about_four_times_one_of_64k(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    work = _counting(monkeypatch)
    small, small_pages = _work_for(64_000, lang, lambda: work[0])
    large, large_pages = _work_for(256_000, lang, lambda: work[0])
    assert large_pages > 3 * small_pages > 30  # many page breaks, each of which used to re-break the rest
    assert small >= 64_000  # the text was broken at least once
    assert large / small < 6, f"64k characters cost {small:,}, 256k cost {large:,}: not linear"
