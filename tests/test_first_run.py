"""A new user's own facts, first time (issue 13): labels, untranslated text, wording for any region.

Each test follows what a user does: facts in en and zh, a region the seed never saw, a
sentence added to a template, a typo in a number; and asserts on the words they get.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pytest
from conftest import jjj_brief

from jjj_brief.document import plain_text
from jjj_brief.facts.load import load_facts
from jjj_brief.pipeline import BuildRequest, build, render_document, resolve_template

#: The README's first-time user: a region with en and zh labels only, a region the seed
#: never saw, one year apart, an inexact first level, no industrial_profit.
CY = """\
briefing:
  region: cy
regions:
  cy: {en: Chengdu-Chongqing region, zh: 成渝地区}
sources:
  s: {publisher: {en: Statistics bureau, zh: 统计局}, title: {en: Bulletin}}
indicators:
  industrial_value_added: {label: {en: industrial added value, zh: 工业增加值}, unit: CNY}
  gdp: {label: {en: gross domestic product, zh: 地区生产总值}, unit: CNY}
lists:
  strategic_emerging_industries:
    - {en: cybersecurity, zh: 网络安全}
    - {en: integrated circuits, zh: 集成电路}
facts:
  - {indicator: industrial_value_added, region: cy, period: "2022", value: 2.0e12, qualifier: about, source: s}
  - {indicator: industrial_value_added, region: cy, period: "2023", value: 2.1e12, source: s}
  - {indicator: gdp, region: cy, period: "2023", value: 8.19e12, source: s}
"""


def facts_file(tmp_path: Path, text: str = CY, name: str = "cy.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def rendered_text(path: Path, lang: str) -> str:
    store, _ = load_facts([path])
    doc, _ = render_document(store, "cy", lang, resolve_template("briefing"))
    return plain_text(doc)


# -- Traditional Chinese from Simplified ------------------------------------------------


def test_the_default_build_works_for_facts_in_en_and_zh_converting_taiwan_vocabulary(tmp_path: Path) -> None:
    run = jjj_brief("build", "--facts", facts_file(tmp_path), "--format", "docx", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    # the region's name, 2 indicator labels, the publisher, 2 list items (the title is en only)
    assert "note: zh_Hant: 6 labels converted from Simplified Chinese with OpenCC (s2twp)" in run.err
    text = docx_text(tmp_path / "out" / "briefing-zh_Hant.docx")
    assert "成渝地區經濟簡報" in text
    assert "網路安全和積體電路" in text  # Taiwan phrases, not 網絡安全 / 集成電路
    assert "网" not in text and "统计局" not in text


def test_hong_kong_gets_hong_kong_vocabulary(tmp_path: Path) -> None:
    run = jjj_brief(
        "build", "--facts", facts_file(tmp_path), "--lang", "zh-HK", "--format", "docx", "--out", tmp_path / "out"
    )
    assert run.code == 0, run.err
    assert "(s2hk)" in run.err
    text = docx_text(tmp_path / "out" / "briefing-zh_Hant-HK.docx")
    assert "重點產業包括網絡安全及集成電路" in text


def test_a_traditional_label_in_the_facts_always_wins(tmp_path: Path) -> None:
    path = facts_file(
        tmp_path,
        CY.replace(
            "cy: {en: Chengdu-Chongqing region, zh: 成渝地区}",
            "cy: {en: Chengdu-Chongqing region, zh: 成渝地区, zh_Hant: 成渝經濟圈}",
        ),
    )
    text = rendered_text(path, "zh_Hant")
    assert "成渝經濟圈經濟簡報" in text and "成渝地區" not in text


# -- every missing label before rendering ------------------------------------------------

MISSING = """\
regions:
  cc: {en: Chengyu}
  dd: {en: Other, zh: 其他}
sources:
  s: {publisher: {zh: 统计局}, title: {en: T}}
indicators:
  gdp: {label: {en: gdp}, unit: CNY}
facts:
  - {indicator: gdp, region: cc, period: "2023", value: 1e12, source: s}
"""


def test_facts_check_lists_every_missing_label_at_its_line(tmp_path: Path) -> None:
    path = facts_file(tmp_path, MISSING, "m.yaml")
    run = jjj_brief("facts", "check", path, "--lang", "zh")
    assert run.code == 1
    assert run.err.splitlines() == [
        f"{path}:2: region 'cc' has no zh name (it has en: add zh: … beside them)",
        f"{path}:7: indicator 'gdp' has no zh label (it has en: add zh: … beside them)",
        "error: 2 problems in the fact files",
    ]
    english = jjj_brief("facts", "check", path, "--lang", "EN")
    assert english.code == 1 and f"{path}:5: source 's' has no en publisher" in english.err


def test_build_lists_them_for_every_language_before_rendering_and_writes_nothing(tmp_path: Path) -> None:
    path = facts_file(tmp_path, MISSING, "m.yaml")
    run = jjj_brief("build", "--facts", path, "--region", "cc", "--out", tmp_path / "out")
    assert run.code == 1 and "Traceback" not in run.err
    lines = run.err.splitlines()
    assert f"{path}:5: source 's' has no en publisher (it has zh: add en: … beside them)" in lines
    assert (
        f"{path}:2: region 'cc' has no zh_Hant name (it has en: add zh_Hant: …, or zh: … to have it converted)" in lines
    )
    assert f"{path}:7: indicator 'gdp' has no zh label (it has en: add zh: … beside them)" in lines
    assert not any("'dd'" in line for line in lines)  # not the briefing's region: not needed
    assert lines[-1] == "error: 5 problems in the fact files"
    assert not (tmp_path / "out").exists()


# -- untranslated template text, and --strict ---------------------------------------------


@pytest.fixture()
def project_with_a_new_sentence(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    assert jjj_brief("new", project).code == 0
    template = project / "templates" / "briefing.xml.j2"
    text = template.read_text(encoding="utf-8")
    marker = '<h1>{{ _("Key figures") }}</h1>\n'
    assert marker in text
    template.write_text(
        text.replace(marker, marker + '<p>{{ _("A sentence nobody translated.") }}</p>\n'), encoding="utf-8"
    )
    return project


def test_untranslated_text_is_warned_at_its_template_line_and_printed_in_english(
    project_with_a_new_sentence: Path,
) -> None:
    project = project_with_a_new_sentence
    template = project / "templates" / "briefing.xml.j2"
    line = (
        template.read_text(encoding="utf-8").splitlines().index('<p>{{ _("A sentence nobody translated.") }}</p>') + 1
    )
    run = jjj_brief(
        "build",
        "--facts",
        project / "facts",
        "--template",
        template,
        "--lang",
        "zh,en",
        "--format",
        "docx",
        "--out",
        project / "out",
    )
    assert run.code == 0, run.err
    warnings = [w for w in run.err.splitlines() if "has no translation" in w]
    assert warnings == [
        (
            f"{template.resolve()}:{line}: warning: zh has no translation for 'A sentence nobody translated.': "
            f"printed in English (translate it in {project / 'locales/zh/LC_MESSAGES/messages.po'}; "
            "`jjj-brief i18n update` adds it)"
        )
    ]
    assert "A sentence nobody translated." in docx_text(project / "out" / "briefing-zh.docx")


def test_strict_turns_untranslated_text_into_an_error_and_writes_nothing(project_with_a_new_sentence: Path) -> None:
    project = project_with_a_new_sentence
    run = jjj_brief(
        "build",
        "--facts",
        project / "facts",
        "--template",
        project / "templates" / "briefing.xml.j2",
        "--lang",
        "zh",
        "--strict",
        "--out",
        project / "out",
    )
    assert run.code == 1
    assert "error: zh has no translation for 'A sentence nobody translated.'" in run.err
    assert run.err.splitlines()[-1] == "error: 1 problem with --strict; nothing was written"
    assert not (project / "out").exists()


def test_strict_refuses_a_left_out_passage(tmp_path: Path) -> None:
    result_without = build(
        BuildRequest(langs=("en",), formats=("docx",), fact_paths=(facts_file(tmp_path),), out_dir=tmp_path / "lenient")
    )
    assert any("industrial_profit" in str(w) and "left out" in str(w) for w in result_without.warnings)
    run = jjj_brief("build", "--facts", facts_file(tmp_path), "--lang", "en", "--strict", "--out", tmp_path / "out")
    assert run.code == 1
    assert "error: no facts for industrial_profit in region 'cy'" in run.err
    assert not (tmp_path / "out").exists()


# -- wording for any region -----------------------------------------------------------------


def test_a_region_without_in_text_gets_its_article_a_neutral_subtitle_and_an_honest_growth(tmp_path: Path) -> None:
    text = rendered_text(facts_file(tmp_path), "en")
    assert (
        "The industrial added value of the Chengdu-Chongqing region increased from about 2 trillion "
        "yuan in 2022 to 2.1 trillion yuan in 2023, up about 5 percent." in text.replace("\n", " ")
    )
    assert "cumulative" not in text
    assert "Key economic figures" in text.splitlines()[:3]
    assert "Industrial coordination" not in text


def test_the_key_points_box_keeps_what_the_facts_allow(tmp_path: Path) -> None:
    text = rendered_text(facts_file(tmp_path), "zh")
    assert "要点" in text
    assert "工业增加值由2022年的约2万亿元增至2023年的2.1万亿元。" in text
    assert "2023年地区生产总值达8.19万亿元。" in text
    assert "利润" not in text


def test_the_subtitle_is_a_build_setting_and_the_author_is_the_issuer(tmp_path: Path) -> None:
    path = facts_file(
        tmp_path,
        CY.replace(
            "  region: cy\n",
            "  region: cy\n  subtitle: {en: Twin cities, "
            "zh: 双城经济圈}\n  issuer: {en: West China Desk, zh: 西部研究室}\n",
        ),
    )
    run = jjj_brief("build", "--facts", path, "--lang", "en,zh", "--format", "docx", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    english = docx.Document(str(tmp_path / "out" / "briefing-en.docx"))
    assert english.core_properties.author == "West China Desk"
    assert "Twin cities" in docx_text(tmp_path / "out" / "briefing-en.docx")
    assert "双城经济圈" in docx_text(tmp_path / "out" / "briefing-zh.docx")


def test_more_than_one_year_is_a_cumulative_growth(tmp_path: Path) -> None:
    path = facts_file(
        tmp_path, CY.replace('period: "2022", value: 2.0e12, qualifier: about', 'period: "2013", value: 1.5e12')
    )
    text = rendered_text(path, "en").replace("\n", " ")
    assert "to 2.1 trillion yuan in 2023, a cumulative growth of 40 percent." in text


# -- nominal and real ------------------------------------------------------------------------

GDP = (
    CY
    + """\
  - {indicator: gdp_multiple, region: cy, period: 2013/2023, value: 2, qualifier: almost, basis: nominal, source: s}
  - {indicator: gdp_growth_avg, region: cy, period: 2014/2023, value: 5.8, basis: real, source: s}
"""
)
GDP_INDICATORS = """\
  gdp_multiple: {label: {en: GDP multiple, zh: 倍数}, unit: multiple, derived: {formula: multiple, of: gdp}}
  gdp_growth_avg: {label: {en: GDP growth, zh: 年均增长}, unit: percent, derived: {formula: cagr, of: gdp}}
lists:
"""


def test_figures_of_different_bases_say_which_is_which(tmp_path: Path) -> None:
    path = facts_file(tmp_path, GDP.replace("lists:\n", GDP_INDICATORS, 1))
    english = rendered_text(path, "en").replace("\n", " ")
    assert (
        "and has almost doubled since 2013 in nominal terms, with an average annual growth rate of "
        "5.8 percent over 2014–2023 in real terms." in english
    )
    chinese = rendered_text(path, "zh")
    assert "，按现价计算比2013年接近翻一番，按可比价格计算2014—2023年年均增长5.8%。" in chinese
    check = jjj_brief("facts", "check", path)
    assert check.code == 0 and "warning" not in check.out
    assert "not comparable, as the facts say: the rate is real, the multiple nominal" in check.out


def test_without_a_basis_nothing_is_said_and_facts_check_asks_for_one(tmp_path: Path) -> None:
    path = facts_file(
        tmp_path,
        GDP.replace("lists:\n", GDP_INDICATORS, 1).replace(" basis: nominal,", "").replace(" basis: real,", ""),
    )
    assert "terms" not in rendered_text(path, "en")
    check = jjj_brief("facts", "check", path)
    assert "warning: " in check.out and "say which each one is with 'basis: real' or 'basis: nominal'" in check.out


def test_an_unknown_basis_is_refused_at_its_line(tmp_path: Path) -> None:
    path = facts_file(tmp_path, CY.replace("value: 8.19e12,", "value: 8.19e12, basis: current,"))
    run = jjj_brief("facts", "check", path)
    line = (
        path.read_text(encoding="utf-8")
        .splitlines()
        .index('  - {indicator: gdp, region: cy, period: "2023", value: 8.19e12, basis: current, source: s}')
        + 1
    )
    assert run.code == 1
    assert f"{path}:{line}: unknown basis 'current' (use nominal (at current prices) or real" in run.err
