"""The translator workflow, run as a translator would: ``jjj-brief i18n extract|update|compile|check``."""

from __future__ import annotations

import gettext
import shutil
from pathlib import Path

import pytest
from conftest import REPO, jjj_brief

ZH = Path("locales/zh/LC_MESSAGES/messages.po")
ZH_HANT = Path("locales/zh_Hant/LC_MESSAGES/messages.po")
TEMPLATE = Path("templates/briefing.xml.j2")
NEW_SENTENCE = "A sentence the catalogs have never seen."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's translation files, to break at will."""
    for name in ("templates", "locales"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(REPO / "babel.cfg", tmp_path / "babel.cfg")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old``, so a test cannot silently break nothing."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of ``path`` that starts with ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(text))


def add_template_sentence(project: Path) -> int:
    """Give the template a new ``{% trans %}`` message; returns its line."""
    edit(project / TEMPLATE, "</brief>", f"<p>{{% trans %}}{NEW_SENTENCE}{{% endtrans %}}</p>\n</brief>")
    return line_of(project / TEMPLATE, "<p>{% trans %}" + NEW_SENTENCE)


def test_the_repository_catalogs_pass_the_check() -> None:
    run = jjj_brief("i18n", "check", cwd=REPO)
    assert run.code == 0, run.err
    assert "locales/messages.pot: ok," in run.out
    assert f"{ZH}: ok, " in run.out and f"{ZH_HANT}: ok, " in run.out
    assert "all translated" in run.out


def test_check_names_the_po_line_of_each_broken_entry(project: Path) -> None:
    po = project / ZH
    breakages = [  # (msgid line, old msgstr line, new msgstr line, expected words)
        ('msgid "{amount} yuan"', 'msgstr "{amount}元"', 'msgstr ""', "untranslated: '{amount} yuan'"),
        (
            'msgid "{amount} U.S. dollars"',
            'msgstr "{amount}美元"',
            'msgstr "{money}美元"',
            "msgstr of '{amount} U.S. dollars' drops placeholder(s) {amount}; "
            "has placeholder(s) {money} that the msgid lacks",
        ),
        (
            'msgid "Economic briefing: %(region)s"',
            'msgstr "%(region)s经济简报"',
            'msgstr "%(place)s经济简报"',
            "msgstr of 'Economic briefing: %(region)s' drops placeholder(s) %(region)s; "
            "has placeholder(s) %(place)s that the msgid lacks",
        ),
        (
            'msgid "about {figure}"',
            'msgstr "约{figure}"',
            'msgstr "约"',
            "msgstr of 'about {figure}' drops placeholder(s) {figure}",
        ),
        (
            'msgid "{number} percentage point"',
            'msgstr[0] "{number}个百分点"',
            'msgstr[0] "个百分点"',
            "msgstr[0] of '{number} percentage point' drops placeholder(s) {number}",
        ),
        (
            'msgid "up {percent} year on year"',
            'msgstr "同比增长{percent}"',
            'msgstr "同比增长{percent}，达2.34万亿元"',
            "msgstr of 'up {percent} year on year' has the literal number(s) 2.34, which the msgid does not",
        ),
    ]
    expected = []
    for msgid, old, new, words in breakages:
        edit(po, old, new)
        expected.append(f"{ZH}:{line_of(po, msgid)}: {words}")
    entry = '#, python-brace-format\nmsgid "{amount} {currency}"'
    edit(po, entry, entry.replace("#, ", "#, fuzzy, "))
    fuzzy_line = line_of(po, 'msgid "{amount} {currency}"')
    expected.append(f"{ZH}:{fuzzy_line}: fuzzy: '{{amount}} {{currency}}'")

    run = jjj_brief("i18n", "check", cwd=project)

    assert run.code == 1, run.out
    for line in expected:
        assert line in run.err, f"{line!r} not in:\n{run.err}"
    assert f"{ZH}: {len(expected)} problem(s)" in run.out
    assert f"{ZH_HANT}: ok, " in run.out
    assert "error: " in run.err


def test_check_reports_a_malformed_catalog_with_its_line(project: Path) -> None:
    po = project / ZH_HANT
    edit(po, 'msgstr "{amount}元"', 'msgstr "{amount}元')
    run = jjj_brief("i18n", "check", project)  # DIR given as an argument this time
    assert run.code == 1
    line = line_of(po, 'msgstr "{amount}元')
    assert f"{project / ZH_HANT}:{line}: malformed catalog: unterminated string" in run.err
    assert f"{project / ZH}: ok, " in run.out


def test_a_new_template_message_makes_every_catalog_stale_until_extract_and_update(project: Path) -> None:
    line = add_template_sentence(project)
    stale = jjj_brief("i18n", "check", cwd=project)
    assert stale.code == 1
    for catalog in ("locales/messages.pot", ZH, ZH_HANT):
        assert f"{TEMPLATE}:{line}: '{NEW_SENTENCE}' is missing from {catalog}" in stale.err

    extracted = jjj_brief("i18n", "extract", cwd=project)
    updated = jjj_brief("i18n", "update", cwd=project)
    assert extracted.code == 0 and "wrote locales/messages.pot" in extracted.out, extracted.err
    assert updated.code == 0, updated.err
    assert f"{ZH}: updated, 1 added, 0 removed\n  + '{NEW_SENTENCE}'" in updated.out
    for catalog in (ZH, ZH_HANT):
        entry = f'#: {TEMPLATE}:{line}\nmsgid "{NEW_SENTENCE}"\nmsgstr ""\n'
        assert entry in (project / catalog).read_text("utf-8")

    untranslated = jjj_brief("i18n", "check", cwd=project)
    assert untranslated.code == 1
    po_line = line_of(project / ZH, f'msgid "{NEW_SENTENCE}"')
    assert f"{ZH}:{po_line}: untranslated: '{NEW_SENTENCE}'" in untranslated.err
    assert "is missing from" not in untranslated.err


def test_an_entry_no_longer_in_the_templates_is_stale(project: Path) -> None:
    edit(project / TEMPLATE, '{{ _("Key points") }}', "Key points")
    run = jjj_brief("i18n", "check", cwd=project)
    assert run.code == 1
    line = line_of(project / ZH, 'msgid "Key points"')
    assert f"{ZH}:{line}: 'Key points' is no longer in the templates or code" in run.err


def test_extract_and_update_change_nothing_when_nothing_changed(project: Path) -> None:
    before = {p: p.read_bytes() for p in (project / "locales").rglob("*.po*")}
    assert jjj_brief("i18n", "extract", cwd=project).out.startswith("unchanged: locales/messages.pot")
    run = jjj_brief("i18n", "update", cwd=project)
    assert f"{ZH}: unchanged, 0 added, 0 removed" in run.out
    assert {p: p.read_bytes() for p in before} == before


def test_compile_writes_mo_files_that_gettext_reads(project: Path) -> None:
    run = jjj_brief("i18n", "compile", cwd=project)
    assert run.code == 0, run.err
    for catalog, yuan in ((ZH, "{amount}元"), (ZH_HANT, "{amount}元")):
        mo = (project / catalog).with_suffix(".mo")
        assert f"wrote {catalog.with_suffix('.mo')}" in run.out
        with mo.open("rb") as handle:
            translations = gettext.GNUTranslations(handle)
        assert translations.gettext("{amount} yuan") == yuan
        assert translations.gettext("Economic briefing: %(region)s").startswith("%(region)s")


def test_compile_refuses_a_catalog_whose_placeholders_differ(project: Path) -> None:
    edit(project / ZH, 'msgstr "{amount}元"', 'msgstr "{money}元"')
    run = jjj_brief("i18n", "compile", cwd=project)
    assert run.code == 1
    line = line_of(project / ZH, 'msgid "{amount} yuan"')
    assert f"{ZH}:{line}: msgstr of '{{amount}} yuan' drops" in run.err
    assert not (project / ZH).with_suffix(".mo").exists()
    assert (project / ZH_HANT).with_suffix(".mo").exists()


def test_without_a_project_the_bundled_catalogs_are_checked_but_never_written(tmp_path: Path) -> None:
    checked = jjj_brief("i18n", "check", cwd=tmp_path)
    assert checked.code == 0, checked.err
    assert "zh/LC_MESSAGES/messages.po: ok," in checked.out
    for action in ("extract", "update", "compile"):
        refused = jjj_brief("i18n", action, cwd=tmp_path)
        assert refused.code == 2
        assert "has no templates/ or locales/ folder" in refused.err
        assert f"`i18n {action}` will not write them" in refused.err
