"""Cross-language parity: a build of several languages refuses to write when their figures differ."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, jjj_brief

from jjj_brief.audit.parity import ParityError, check_parity
from jjj_brief.markup.reader import read_markup

ZH_CATALOG = Path("locales/zh/LC_MESSAGES/messages.po")
ROSE_ZH = 'msgstr "工业增加值由%(y0)s的%(a)s增至%(y1)s的%(b)s。"'


def brief(lang: str, body: str) -> str:
    return f'<brief lang="{lang}"><meta><title>t</title></meta>{body}</brief>'


def num(fact: str, value: str, text: str) -> str:
    return f'<num fact="{fact}" value="{value}" unit="CNY">{text}</num>'


def test_matching_languages_pass_and_a_single_language_is_not_compared() -> None:
    en = read_markup(brief("en", f"<p>{num('gdp/r/2023', '10', 'ten yuan')}</p>"), "t")
    zh = read_markup(brief("zh", f"<p>{num('gdp/r/2023', '10', '10元')}</p>"), "t")
    assert check_parity({"en": en, "zh": zh}) is None
    assert check_parity({"zh": read_markup(brief("zh", "<p>2.34万亿元</p>"), "t")}) is None


def test_a_dropped_and_a_changed_figure_are_each_reported_with_their_block() -> None:
    en = read_markup(
        brief("en", f"<h1>Key</h1><p>{num('gdp/r/2023', '2430', 'a')} and {num('gdp/r/2022', '2000', 'b')}</p>"), "t"
    )
    zh = read_markup(brief("zh", f"<h1>要点</h1><p>2.34万亿元，{num('gdp/r/2022', '2001', 'b')}</p>"), "t")
    with pytest.raises(ParityError) as caught:
        check_parity({"en": en, "zh": zh})
    assert str(caught.value) == (
        "the language versions do not print the same figures; nothing was written:\n"
        "  zh, block 2 ('2.34万亿元，b'): lacks gdp/r/2023 = 2430, which en prints as 'a'\n"
        "  zh, block 2 ('2.34万亿元，b'): lacks gdp/r/2022 = 2000, which en prints as 'b'\n"
        "  zh, block 2 ('2.34万亿元，b'): prints gdp/r/2022 = 2001 more often than en\n"
        "a translation probably lost or hid a placeholder, or holds a typed-in number "
        "(`jjj-brief i18n check` lists catalog problems)"
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A translator's project folder: copies of the bundled templates and catalogs."""
    for folder in ("templates", "locales"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def break_catalog(project: Path, msgstr: str) -> None:
    catalog = project / ZH_CATALOG
    text = catalog.read_text(encoding="utf-8")
    assert text.count(ROSE_ZH) == 1
    catalog.write_text(text.replace(ROSE_ZH, msgstr), encoding="utf-8")


def build(project: Path, *extra: str) -> tuple[int, str]:
    run = jjj_brief(
        "build",
        "--lang",
        "en,zh",
        "--format",
        "pdf",
        "--template",
        project / "templates" / "briefing.xml.j2",
        "--out",
        project / "out",
        *extra,
    )
    return run.code, "\n".join(line for line in run.err.splitlines() if "warning:" not in line)


def test_a_hidden_placeholder_and_a_typed_in_figure_fail_the_build_and_write_nothing(project: Path) -> None:
    # every placeholder is kept (so the catalog loads), but %(b)s is inside an XML comment
    break_catalog(project, 'msgstr "工业增加值由%(y0)s的%(a)s增至%(y1)s的2.34万亿元。<!-- %(b)s -->"')
    code, err = build(project)
    assert code == 1
    first, problem, *_ = err.splitlines()
    assert first == "error: the language versions do not print the same figures; nothing was written:"
    assert re.fullmatch(
        r"  zh, block \d+ \('.*2\.34万亿元.*'\): lacks industrial_value_added/jjj/2023 = "
        r"2430000000000, which en prints as '2\.43 trillion yuan'",
        problem,
    ), problem
    assert not (project / "out").exists()


def test_a_missing_placeholder_is_refused_when_the_catalog_loads(project: Path) -> None:
    break_catalog(project, 'msgstr "工业增加值由%(y0)s的%(a)s增至%(y1)s的2.34万亿元。"')
    code, err = build(project)
    assert code == 1
    assert err.startswith(f"error: {project / ZH_CATALOG}:")
    assert "drops placeholder(s) %(b)s" in err
    assert not (project / "out").exists()


def test_a_project_template_uses_its_own_catalogs_unless_locales_is_given(project: Path) -> None:
    break_catalog(project, 'msgstr "工业增加值由%(y0)s的%(a)s增至%(y1)s的2.34万亿元。<!-- %(b)s -->"')
    code, err = build(project, "--locales", REPO / "locales")
    assert (code, err) == (0, "")
    assert sorted(p.name for p in (project / "out").iterdir()) == ["briefing-en.pdf", "briefing-zh.pdf"]
