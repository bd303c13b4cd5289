"""The command as a user meets it: help, errors with FILE:LINE, exit codes, an untouched output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, jjj_brief

BAD_FACT = """\
regions:
  jjj: {en: Beijing-Tianjin-Hebei region, zh: 京津冀地区}
sources:
  s: {publisher: {en: X}, title: {en: Y}}
indicators:
  gdp: {label: {en: GDP, zh: 地区生产总值}, unit: CNY}
facts:
  - {indicator: gdp, region: jjj, period: "2023", value: 1e12, source: s}
  - {indicator: gpd, region: jjj, period: "2023", value: 1e12, source: s}
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_help_explains_every_command() -> None:
    run = jjj_brief("--help")
    assert run.code == 0 and "build" in run.out and "facts" in run.out
    build_help = jjj_brief("build", "--help").out
    for option in ("--lang", "--format", "--facts", "--out", "--template"):
        assert option in build_help
    assert "FILE:LINE" in jjj_brief("facts", "check", "--help").out


def test_facts_check_passes_on_the_bundled_facts() -> None:
    run = jjj_brief("facts", "check")
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1] == "ok: 12 facts, 11 indicators, 5 regions, 1 source"


def test_facts_check_names_file_and_line_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_FACT, encoding="utf-8")
    run = jjj_brief("facts", "check", bad)
    assert run.code == 1
    assert f"{bad}:9: unknown indicator 'gpd'" in run.err
    assert "Traceback" not in run.err


@pytest.mark.parametrize("fmt", ["pdf", "docx", "all"])
def test_a_bad_fact_file_writes_nothing(tmp_path: Path, fmt: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_FACT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "briefing-zh.pdf").write_bytes(b"previous good file")
    before = snapshot(out)
    run = jjj_brief("build", "--lang", "zh", "--format", fmt, "--facts", bad, "--out", out)
    assert run.code == 1
    assert f"{bad}:9:" in run.err and "Traceback" not in run.err
    assert snapshot(out) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "xx"], "unknown language"),
        (["--lang", "zh", "--format", "odt"], "unknown format 'odt'"),
        (["--lang", "zh", "--template", "nope"], "unknown template 'nope'"),
        (["--lang", "zh", "--region", "mars"], "unknown region 'mars'"),
    ],
)
def test_usage_errors_exit_2_with_the_choices(tmp_path: Path, args: list[str], message: str) -> None:
    run = jjj_brief("build", *args, "--out", tmp_path / "out")
    assert run.code == 2, run.err
    assert message in run.err.lower() and "Traceback" not in run.err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def write_template(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "custom.xml.j2"
    path.write_text(
        '<brief lang="{{ lang_tag }}"><meta><title>T</title></meta>\n' + body + "\n</brief>\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("<p>{{ b.nonexistent_thing }}</p>", 2, "undefined"),
        ("<p>{% if %}</p>", 2, "syntax error"),
        ("<p>{{ b.latest('gdp')|sparkle }}</p>", 2, "sparkle"),
        ("\n<p>{{ b.fact('gdp', '1999')|figure }}</p>", 3, "gdp in region 'jjj' for period 1999"),
        ("<p>{{ ''.__class__.__mro__[1].__subclasses__() }}</p>", 2, "sandbox"),
        ("<p>{{ b.store.__class__ }}</p>", 2, "sandbox"),
        ("<p>{% include '/etc/passwd' %}</p>", 2, "'/etc/passwd' leads outside the template folder"),
        ("<p>{% include '../../../../etc/passwd' %}</p>", 2, "leads outside the template folder"),
        ("<p>{% import 'os' as os %}</p>", 2, "template not found: os"),
        ("<p>{{ b.store.facts.clear() }}</p>", 2, "sandbox"),
        ("<p>{{ b.latest('gdp')|change(basis='yoy') }}</p>", 2, "unknown change basis 'yoy'"),
        ("<p>{{ b.label('nope') }}</p>", 2, "KeyError in the template: 'nope'"),
        ("\n\n<p>{{ 1/0 }}</p>", 4, "ZeroDivisionError in the template"),
        ("<p>{{ 'x'|year }}</p>", 2, "ValueError in the template"),
    ],
)
def test_template_errors_name_the_template_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    template = write_template(tmp_path, body)
    run = jjj_brief("build", "--lang", "en", "--template", template, "--out", tmp_path / "out")
    assert run.code == 1, run.err
    assert f"{template.name}:{line}" in run.err
    assert message in run.err and "Traceback" not in run.err
    assert not (tmp_path / "out").exists()


def test_a_custom_template_names_its_output_after_itself(tmp_path: Path) -> None:
    template = write_template(tmp_path, "<p>{{ b.latest('gdp')|figure }}</p>")
    run = jjj_brief(
        "build",
        "--lang",
        "zh",
        "--format",
        "docx",
        "--template",
        template,
        "--facts",
        FIXTURES / "yrd-2025.yaml",
        "--out",
        tmp_path / "out",
    )
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "custom-zh.docx").is_file()


@pytest.mark.parametrize("lang", ["../../x", "en/../../x", "zh;rm"])
def test_an_odd_language_value_cannot_shape_a_path(tmp_path: Path, lang: str) -> None:
    run = jjj_brief("build", "--lang", lang, "--out", tmp_path / "out")
    assert run.code == 2 and "unknown language" in run.err.lower()
    assert sorted(p.name for p in tmp_path.rglob("*")) == []


def test_a_template_path_names_the_output_but_never_leaves_the_output_folder(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    template = write_template(deep, "<p>x</p>")
    run = jjj_brief(
        "build",
        "--lang",
        "en",
        "--format",
        "docx",
        "--template",
        f"{deep}/../b/{template.name}",
        "--out",
        tmp_path / "out",
    )
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["custom-en.docx"]


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for out in (blocker, blocker / "sub"):
        run = jjj_brief("build", "--lang", "en", "--format", "docx", "--out", out)
        assert run.code == 1, run.err
        assert "cannot write here" in run.err and "--out" in run.err and "Traceback" not in run.err


def test_without_lang_a_template_builds_the_languages_it_is_written_for(tmp_path: Path) -> None:
    run = jjj_brief("build", "--template", "jianbao", "--format", "docx", "--out", tmp_path)
    assert run.code == 0, run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jianbao-zh.docx", "jianbao-zh_Hant.docx"]
    assert "warning: en skipped: this template is written for zh, zh_Hant only" in run.err


@pytest.mark.parametrize("args", [["--help"], ["facts", "check"], ["build", "--help"]])
def test_light_commands_never_import_the_writers(args: list[str]) -> None:
    """--help and facts check must start fast: reportlab and python-docx stay unimported."""
    probe = (
        "import sys\nfrom jjj_brief import cli\n"
        f"try:\n    cli.main({args!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('reportlab', 'docx', 'jinja2') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
