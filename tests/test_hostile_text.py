"""Text that would break the markup or misprint, refused where it was written.

A translator's ``{amount!r}`` (quotes around every figure) or ``{amount:>1000000000}`` (a
billion spaces), a bare ``&`` or added ``</h1><h1>`` in a msgstr, a ``\\x07`` or ``\\uffff``
escaped into a fact: each used to pass the checks and fail later, blamed on a bundled
template line or not at all.  Each is now refused naming the ``.po`` or ``.yaml`` line.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from babel.messages.pofile import escape
from conftest import jjj_brief as run_jjj_brief
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jjj_brief
from jjj_brief.document import block_texts
from jjj_brief.errors import BriefError, CatalogError
from jjj_brief.l10n.catalogs import catalog_path, load_translations
from jjj_brief.resources import bundled

BUNDLED_ZH = bundled("locales") / "zh" / "LC_MESSAGES" / "messages.po"
FACTS = bundled("facts") / "jjj-2024.yaml"


def catalog_with(folder: Path, msgstr: str, translated: str) -> tuple[Path, int]:
    """The bundled zh catalog with one msgstr replaced; its path and its msgid's line."""
    text = BUNDLED_ZH.read_text(encoding="utf-8")
    old = f"msgstr {escape(msgstr)}\n"
    assert text.count(old) == 1, old
    path = catalog_path("zh", folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace(old, f"msgstr {escape(translated)}\n"), encoding="utf-8")
    return path, text[: text.index(old)].count("\n")  # the msgid is the line before


@pytest.mark.parametrize(
    ("translated", "says"),
    [
        ("{amount!r}元", "writes {amount} as {amount!r}"),
        ("{amount:>1000000000}元", "writes {amount} as {amount:>1000000000}"),
        ("{amount.real}元", "writes {amount} as {amount.real}"),
    ],
)
def test_a_placeholder_restyled_by_a_translation_is_refused_at_its_line(
    tmp_path: Path, translated: str, says: str
) -> None:
    path, line = catalog_with(tmp_path, "{amount}元", translated)
    with pytest.raises(CatalogError) as caught:
        load_translations(path)
    assert str(caught.value).startswith(f"{path}:{line}: msgstr of '{{amount}} yuan' {says} (keep each")


def test_a_restyled_percent_placeholder_is_refused_too(tmp_path: Path) -> None:
    path, line = catalog_with(tmp_path, "%(region)s经济简报", "%(region)r经济简报")
    with pytest.raises(CatalogError, match=rf"^{path}:{line}: .* writes %\(region\)s as %\(region\)r"):
        load_translations(path)


@pytest.mark.parametrize(
    ("translated", "says"),
    [
        ("要点 R&D", "is not well-formed markup: a bare &"),
        ("要点 a < b", "is not well-formed markup: a bare <"),
        ("要点</h1><h1>", "is not well-formed markup"),
        ("<h1>要点</h1>", "adds markup its msgid lacks: <h1>"),
        ("要点&nbsp;", "is not well-formed markup: a bare & (or an entity XML does not know"),
        ("要点\x07", "holds a control character U+0007"),
        ("要点\uffff", "holds a noncharacter U+FFFF"),
    ],
)
def test_a_translation_that_breaks_the_markup_names_the_po_line(tmp_path: Path, translated: str, says: str) -> None:
    path, line = catalog_with(tmp_path, "要点", translated)
    run = run_jjj_brief("build", "--lang", "zh", "--format", "pdf", "--locales", tmp_path, "--out", tmp_path / "out")
    assert run.code == 1, run.err
    assert f"{path}:{line}: msgstr of 'Key points' {says}" in run.err
    assert "templates/" not in run.err and not (tmp_path / "out").exists()


def test_escaped_entities_and_the_msgids_own_markup_are_fine(tmp_path: Path) -> None:
    path, _ = catalog_with(tmp_path, "要点", "要点 R&amp;D &lt;1&gt;")
    assert load_translations(path).gettext("Key points") == "要点 R&amp;D &lt;1&gt;"


def test_a_python_phrase_is_escaped_where_it_is_used_so_its_ampersand_is_fine(tmp_path: Path) -> None:
    catalog_with(tmp_path, "{amount}元", "{amount}元 R&D")
    doc = jjj_brief.render(None, lang="zh", locales=tmp_path)
    assert any("元 R&D" in text for block in doc.blocks for text in block_texts(block))


def check_facts_with(folder: Path, old: str, new: str) -> tuple[Path, int, list[str]]:
    """``facts check`` of the bundled facts with ``old`` (found once) replaced by ``new``:
    the file, the line ``old`` was on, and the problems printed for the file."""
    text = FACTS.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = folder / "facts.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    run = run_jjj_brief("facts", "check", path)
    assert run.code == 1, run.out
    return (
        path,
        text[: text.index(old)].count("\n") + 1,
        [line for line in run.err.splitlines() if line.startswith(str(path))],
    )


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ('"bell\\x07"', "control character U+0007"),
        ('"\\uffff"', "noncharacter U+FFFF"),
        ('"csi\\x9b"', "control character U+009B"),
    ],
)
def test_a_fact_text_no_document_can_hold_is_refused_at_its_line(tmp_path: Path, written: str, says: str) -> None:
    path, line, problems = check_facts_with(tmp_path, "zh: 京津冀产业协同发展研究组,", f"zh: {written},")
    assert problems == [f"{path}:{line}: issuer (zh) holds a {says}, which no document can show (delete it)"]


def test_one_bad_entry_is_one_problem_not_a_cascade(tmp_path: Path) -> None:
    """A bad key in `sources:` used to drop the section: then every fact said 'unknown source'."""
    _, _, problems = check_facts_with(
        tmp_path, "sources:\n", "sources:\n  [a, b]: {publisher: {en: P}, title: {en: T}}\n"
    )
    assert len(problems) == 1 and "a key in sources must be a single value" in problems[0], problems


def test_a_broken_entry_is_reported_once_not_at_every_fact_citing_it(tmp_path: Path) -> None:
    _, _, problems = check_facts_with(
        tmp_path, "    publisher: {en: Xinhua, zh: 新华社, zh_Hant: 新華社}", "    publisher: [Xinhua, 新华社]"
    )
    assert len(problems) == 1 and "publisher of source 'xinhua-2024-10-25'" in problems[0], problems


def test_a_look_alike_letter_in_a_key_is_shown_as_an_escape(tmp_path: Path) -> None:
    old = '{indicator: industrial_value_added, region: jjj, period: "2023"'
    path, line, problems = check_facts_with(tmp_path, old, old.replace("jjj", "j\u0458j"))
    assert problems == [
        f"{path}:{line}: unknown region 'j\\u0458j' (\\u0458 is CYRILLIC SMALL LETTER JE, not "
        "ASCII; define it under 'regions:' (in a workbook: the regions sheet) or use one of: "
        "beijing, china, hebei, jjj, tianjin)"
    ]


# -- generated translations ------------------------------------------------------------------

TOKENS = (
    "%(region)s",
    "%(list)s",
    "{amount}",
    "{amount!r}",
    "{amount:>9}",
    "{x}",
    "%%",
    "%",
    "{",
    "}",
    "{{",
    "}}",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "<b>",
    "</b>",
    "<i>x</i>",
    "</h1><h1>",
    "\x07",
    "\uffff",
    "\\",
    '"',
    "'",
    "京",
    "a",
    " ",
    "\n",
    "。",
    "0",
    "2.43",
)
ENTRIES = ("%(region)s经济简报", "资料来源：%(list)s。", "{amount}元", "要点", "{number}倍")


@settings(
    max_examples=max(10, settings().max_examples // 2), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(entry=st.sampled_from(ENTRIES), pieces=st.lists(st.sampled_from(TOKENS), max_size=8))
def test_a_generated_translation_renders_or_is_refused_at_its_po_line(entry: str, pieces: list[str]) -> None:
    translated = "".join(pieces)
    with tempfile.TemporaryDirectory() as folder:
        path, line = catalog_with(Path(folder), entry, translated)
        try:
            doc = jjj_brief.render(FACTS, lang="zh", locales=folder)
        except BriefError as error:
            assert error.location is not None, f"{translated!r}: {error}"
            assert (error.location.file, error.location.line) == (str(path), line), f"{translated!r}: {error}"
            return
    assert doc.blocks, translated


def test_three_hundred_copies_of_a_file_print_a_page_not_twelve_thousand_lines(tmp_path: Path) -> None:
    for number in range(300):
        (tmp_path / f"copy{number:03}.yaml").write_bytes(FACTS.read_bytes())
    run = run_jjj_brief("facts", "check", tmp_path)
    lines = run.err.splitlines()
    total = int(lines[-1].removeprefix("error: ").removesuffix(" problems in the fact files"))
    assert run.code == 1 and total > 12_000, lines[-1]
    assert 40 < len(lines) < 100
    more = [line for line in lines if line.startswith("… and ")]
    assert any(line.endswith(" more like this: duplicate fact … (first at …)") for line in more), more
    shown = sum(1 for line in lines if line.startswith(str(tmp_path)))
    assert shown + sum(int(line.split()[2].replace(",", "")) for line in more) == total
