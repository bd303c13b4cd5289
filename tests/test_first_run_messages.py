"""A first run's messages (issue 13): each names its place and fits its cause.

Fact-file slips (a number with thousands separators, a bad unit, an undefined
``briefing: region:``), the output folder's hints, the same exit code for a
missing path in every command, English plurals, ``jjj-brief new``, and the
Taiwan vocabulary of everything bundled in Traditional Chinese.
"""

from __future__ import annotations

import errno
import re
import textwrap
from pathlib import Path

import opencc
import pytest
from babel.messages.pofile import read_po
from conftest import REPO, jjj_brief

from jjj_brief.publish import unwritable

HEAD = """\
regions:
  cc: {en: Chengdu-Chongqing region, zh: 成渝地区}
sources:
  s: {publisher: {en: X, zh: 新华社}, title: {en: T}}
indicators:
  gdp: {label: {en: gdp, zh: 地区生产总值}, unit: CNY}
"""


def check(tmp_path: Path, body: str) -> tuple[Path, list[str]]:
    path = tmp_path / "f.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    run = jjj_brief("facts", "check", path)
    assert run.code == 1 and "Traceback" not in run.err
    return path, run.err.splitlines()


# -- fact files -------------------------------------------------------------------------------


def test_thousands_separators_in_a_flow_mapping_get_their_own_message(tmp_path: Path) -> None:
    path, lines = check(
        tmp_path,
        """\
        facts:
          - {indicator: gdp, region: cc, period: "2023", value: 8,190,000,000,000, source: s}
        """,
    )
    assert lines == [
        (
            f"{path}:8: value '8,190,000,000,000' has thousands separators, which are not part "
            "of a number (write 8190000000000 or 8.19e12)"
        ),
        "error: 1 problem in the fact files",
    ]


def test_thousands_separators_in_a_block_value_too(tmp_path: Path) -> None:
    path, lines = check(
        tmp_path,
        """\
        facts:
          - indicator: gdp
            region: cc
            period: "2023"
            value: 1,234.5
            source: s
        """,
    )
    assert lines[0] == (
        f"{path}:11: value '1,234.5' has thousands separators, which are not part of a number (write 1234.5)"
    )


def test_a_bad_unit_is_reported_once_not_at_every_fact(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        HEAD.replace("unit: CNY", "unit: RMB")
        + textwrap.dedent("""\
        facts:
          - {indicator: gdp, region: cc, period: "2022", value: 1e12, source: s}
          - {indicator: gdp, region: cc, period: "2023", value: 2e12, source: s}
        """),
        encoding="utf-8",
    )
    run = jjj_brief("facts", "check", path)
    assert run.code == 1
    assert run.err.splitlines()[-1] == "error: 1 problem in the fact files"
    assert run.err.startswith(f"{path}:6: unknown unit 'RMB' for indicator 'gdp'")
    assert "unknown indicator" not in run.err


def test_an_undefined_briefing_region_is_found_at_its_line(tmp_path: Path) -> None:
    path, lines = check(
        tmp_path,
        """\
        briefing:
          region: chengyu
        facts:
          - {indicator: gdp, region: cc, period: "2023", value: 1e12, source: s}
        """,
    )
    assert lines == [
        f"{path}:8: unknown region 'chengyu' (define it under 'regions:' (in a workbook: the regions sheet) or use one of: cc)",
        "error: 1 problem in the fact files",
    ]


def test_english_plurals_in_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        HEAD + 'facts:\n  - {indicator: gdp, region: cc, period: "2023", value: 1e12, source: s}\n', encoding="utf-8"
    )
    run = jjj_brief("facts", "check", path)
    assert run.out.splitlines()[-1] == "ok: 1 fact, 1 indicator, 1 region, 1 source"


# -- paths and output folders -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["facts", "diff", "missing-old", "missing-new"],
        ["facts", "check", "missing-old"],
        ["build", "--facts", "missing-old"],
        ["build", "--since", "missing-old"],
        ["build", "--template", "missing-old/briefing.xml.j2"],
        ["build", "--locales", "missing-old"],
        ["i18n", "check", "missing-old"],
    ],
)
def test_a_missing_path_is_exit_1_everywhere(tmp_path: Path, args: list[str]) -> None:
    run = jjj_brief(*args, cwd=tmp_path)
    assert run.code == 1, run.err
    assert re.match(
        r"(error: )?missing-old[^:]*: no such (file or folder|template file|locales folder|folder)", run.err
    ), run.err


def test_a_file_in_the_way_of_the_output_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    run = jjj_brief("build", "--lang", "en", "--format", "docx", "--out", tmp_path / "taken" / "out")
    assert run.code == 1
    assert "a file is in the way where a folder should be" in run.err and "free some space" not in run.err


def test_a_folder_refusing_new_entries_is_not_called_full(tmp_path: Path) -> None:
    run = jjj_brief("build", "--lang", "en", "--format", "docx", "--out", "/proc/jjj-brief-out")
    assert run.code == 1
    assert "this place is protected" in run.err and "space" not in run.err


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (errno.ENOSPC, "the disk is full: free some space"),
        (errno.EROFS, "this file system is read-only"),
        (errno.EACCES, "you may not write here"),
        (errno.EPERM, "this place is protected"),
        (errno.ENOTDIR, "a file is in the way"),
    ],
)
def test_each_cause_gets_its_own_advice(tmp_path: Path, code: int, advice: str) -> None:
    error = unwritable(tmp_path / "out", OSError(code, "reason"))
    assert error.hint.startswith(advice) and str(error).startswith(f"{tmp_path / 'out'}: cannot write here: reason")


def test_format_is_case_insensitive_like_lang(tmp_path: Path) -> None:
    run = jjj_brief("build", "--lang", "EN", "--format", "DOCX", "--out", tmp_path)
    assert run.code == 0, run.err
    assert run.out == f"wrote {tmp_path / 'briefing-en.docx'}\n"


# -- jjj-brief new ----------------------------------------------------------------------------


def test_new_lays_out_a_project_that_builds_and_that_i18n_works_on(tmp_path: Path) -> None:
    project = tmp_path / "p"
    made = jjj_brief("new", project)
    assert made.code == 0 and made.out.startswith(f"wrote 11 files into {project}")
    files = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "babel.cfg",
        "facts/example.yaml",
        "locales/messages.pot",
        "locales/zh/LC_MESSAGES/messages.po",
        "locales/zh_Hant/LC_MESSAGES/messages.po",
        "templates/_chart.j2",
        "templates/_iva_not_up.j2",
        "templates/bilingual.xml.j2",
        "templates/briefing.xml.j2",
        "templates/jianbao.xml.j2",
    ]
    checked = jjj_brief("i18n", "check", cwd=project)
    assert checked.code == 0, checked.err
    assert "locales/zh_Hant/LC_MESSAGES/messages.po: ok" in checked.out
    built = jjj_brief(
        "build",
        "--facts",
        "facts",
        "--template",
        "templates/briefing.xml.j2",
        "--strict",
        "--format",
        "docx",
        cwd=project,
    )
    assert built.code == 0, built.err
    assert sorted(p.name for p in (project / "output").iterdir()) == [
        "briefing-en.docx",
        "briefing-zh.docx",
        "briefing-zh_Hant.docx",
    ]


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    run = jjj_brief("new", tmp_path)
    assert (run.code, run.err) == (
        1,
        (f"error: {tmp_path}: the folder is not empty (give the name of a new folder, or an empty one)\n"),
    )
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


# -- Traditional Chinese in Taiwan usage --------------------------------------------------------

#: Mainland or Hong Kong forms, and the Taiwan form the bundled zh_Hant text uses instead.
NOT_TAIWAN = {
    "網絡": "網路",
    "互聯網": "網際網路",
    "數據": "資料",
    "信息": "資訊",
    "軟件": "軟體",
    "硬件": "硬體",
    "集成電路": "積體電路",
    "芯片": "晶片",
    "萬億": "兆",
    "視頻": "影片",
    "質量": "品質",
    "默認": "預設",
    "打印": "列印",
    "服務器": "伺服器",
    "智能": "智慧",
    "屏幕": "螢幕",
    "激光": "雷射",
}


def bundled_traditional_texts() -> list[tuple[str, str]]:
    """(where, text) for every zh_Hant msgstr and every zh_Hant label of the bundled facts."""
    path = REPO / "locales" / "zh_Hant" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    texts = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        texts.extend((f"{path.name}: {message.id!r}", s) for s in strings if message.id and s)
    facts = (REPO / "facts" / "jjj-2024.yaml").read_text(encoding="utf-8")
    for number, line in enumerate(facts.splitlines(), start=1):
        texts.extend((f"jjj-2024.yaml:{number}", t.strip()) for t in re.findall(r"zh_Hant: ([^,}#]+)", line))
    return texts


def test_bundled_traditional_chinese_uses_taiwan_vocabulary_and_characters() -> None:
    texts = bundled_traditional_texts()
    assert len(texts) > 120
    to_taiwan_characters = opencc.OpenCC("s2tw")  # characters only, no phrase changes
    problems = [
        f"{where}: {text!r} has {bad} (Taiwan: {good})"
        for where, text in texts
        for bad, good in NOT_TAIWAN.items()
        if bad in text
    ]
    problems += [
        f"{where}: {text!r} has Simplified characters"
        for where, text in texts
        if to_taiwan_characters.convert(text) != text
    ]
    assert problems == []
