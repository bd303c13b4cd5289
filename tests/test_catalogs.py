"""Catalogs: found as data, read strictly, compiled in memory, and in step with the code."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from jjj_brief.errors import CatalogError
from jjj_brief.l10n import catalogs, resolve_language
from jjj_brief.l10n.catalogs import (
    available_languages,
    catalog_path,
    load_translations,
    read_catalog,
    translations_for,
)
from jjj_brief.resources import bundled

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
)
PATTERNS = Path(catalogs.__file__).parent / "patterns.py"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def write_po(folder: Path, code: str, body: str) -> Path:
    path = catalog_path(code, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# -- the bundled catalogs ------------------------------------------------------------------


@pytest.mark.parametrize("code", ["zh", "zh_Hant"])
def test_each_bundled_catalog_is_complete_and_keeps_its_placeholders(code: str) -> None:
    catalog = read_catalog(catalog_path(code))
    messages = [message for message in catalog if message.id]
    assert len(messages) > 50, f"{code}: the catalog has almost no messages"
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, f"{code}: {ids[0]!r} is untranslated or fuzzy"
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == set(PLACEHOLDER.findall(ids[-1])), (code, ids, string)


@pytest.mark.parametrize("code", ["zh", "zh_Hant"])
def test_each_bundled_catalog_holds_every_pattern_the_code_marks(code: str) -> None:
    """``pybabel extract`` with its default keywords (N_, ngettext) finds these; the catalog must have them."""
    marked = {msgid if isinstance(msgid, str) else msgid[0] for _, msgid, _, _ in extract_from_file("python", PATTERNS)}
    in_catalog = {m.id if isinstance(m.id, str) else m.id[0] for m in read_catalog(catalog_path(code)) if m.id}
    assert marked and marked <= in_catalog, sorted(marked - in_catalog)


def test_the_languages_are_the_catalogs_found_plus_the_source_language(tmp_path: Path) -> None:
    assert available_languages() == ("en", "zh", "zh_Hant")
    assert available_languages(tmp_path) == ("en",)
    write_po(tmp_path, "ko", "")
    assert available_languages(tmp_path) == ("en", "ko")


def test_bundled_catalogs_are_found_in_the_bundled_locales_folder() -> None:
    assert catalog_path("zh") == bundled("locales") / "zh" / "LC_MESSAGES" / "messages.po"


# -- reading and compiling -----------------------------------------------------------------


def test_the_source_language_needs_no_catalog() -> None:
    assert translations_for("en").gettext("{amount} yuan") == "{amount} yuan"


def test_translations_are_found_by_code_or_by_language() -> None:
    assert translations_for(resolve_language("zh-CN")).gettext("{amount} yuan") == "{amount}元"
    assert translations_for("zh_Hant").gettext("{amount} yuan") == "{amount}元"


def test_a_catalog_is_compiled_in_memory_once_per_process(tmp_path: Path) -> None:
    path = write_po(tmp_path, "zh", 'msgid "up"\nmsgstr "增长"\n')
    first = load_translations(path)
    assert first.gettext("up") == "增长"
    assert load_translations(path) is first
    assert not list(tmp_path.rglob("*.mo"))


def test_an_edited_catalog_is_compiled_again(tmp_path: Path) -> None:
    path = write_po(tmp_path, "zh", 'msgid "up"\nmsgstr "增长"\n')
    load_translations(path)
    path.write_text(HEADER + 'msgid "up"\nmsgstr "上升了"\n', encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert load_translations(path).gettext("up") == "上升了"


def test_fuzzy_entries_are_not_used(tmp_path: Path) -> None:
    path = write_po(tmp_path, "zh", '#, fuzzy\nmsgid "up"\nmsgstr "猜的"\n\nmsgid "down"\nmsgstr "下降"\n')
    translations = load_translations(path)
    assert (translations.gettext("up"), translations.gettext("down")) == ("up", "下降")


MALFORMED = [
    # body after the 5-line header, line of the fault in the file, what the error says
    ('msgid "a"\nmsgstr "b"\nthis is not po\n', 8, "misformatted keyword"),
    ('msgid "a\nmsgstr "b"\n', 6, "unterminated string"),
    ('msgid "a"\nmsgstr "b"\n\n#-  conflict marker\n', 9, "conflicts"),
]


@pytest.mark.parametrize(("body", "line", "reason"), MALFORMED)
def test_a_malformed_catalog_is_a_catalog_error_naming_file_and_line(
    tmp_path: Path, body: str, line: int, reason: str
) -> None:
    path = write_po(tmp_path, "zh", body)
    with pytest.raises(CatalogError, match=reason) as caught:
        load_translations(path)
    assert caught.value.location is not None
    assert (caught.value.location.file, caught.value.location.line) == (str(path), line)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_a_missing_catalog_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        translations_for("zh", tmp_path)


def test_a_catalog_whose_translation_renames_a_placeholder_is_refused_at_load(tmp_path: Path) -> None:
    """The build must not crash mid-render or drop a figure because a translator renamed one."""
    broken = tmp_path / "messages.po"
    source = Path(__file__).resolve().parents[1] / "locales" / "zh" / "LC_MESSAGES" / "messages.po"
    text = source.read_text(encoding="utf-8").replace('msgstr "%(region)s经济简报"', 'msgstr "%(regoin)s经济简报"')
    broken.write_text(text, encoding="utf-8")
    line = text.splitlines().index('msgstr "%(regoin)s经济简报"')  # the msgid is the line before
    with pytest.raises(CatalogError) as caught:
        load_translations(broken)
    assert str(caught.value).startswith(f"{broken}:{line}: msgstr of 'Economic briefing: %(region)s' drops")
