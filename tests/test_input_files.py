"""Input files that are not what they claim: devices, FIFOs, symlinks to them, wrong encodings.

Each used to run to MemoryError (exit 70), block forever, or print mojibake; each is now a
located exit 1 naming the file, within the subprocess timeout of ``jjj_brief``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import jjj_brief

from jjj_brief.errors import CatalogError, FactError, TemplateError
from jjj_brief.inputfiles import read_bounded, read_utf8
from jjj_brief.l10n.catalogs import catalog_path, load_translations, read_catalog
from jjj_brief.resources import bundled

BUNDLED_ZH = bundled("locales") / "zh" / "LC_MESSAGES" / "messages.po"


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("build", "--lang", "en", "--facts", "/dev/zero"),
        ("facts", "check", "/dev/urandom"),
        ("build", "--lang", "en", "--since", "/dev/zero"),
    ],
)
def test_a_device_given_as_facts_is_refused_by_name(tmp_path: Path, args: tuple[str, ...]) -> None:
    run = jjj_brief(*args, *(("--out", tmp_path / "out") if args[0] == "build" else ()))
    assert run.code == 1, run.err
    assert f"{args[-1]}: file is a character device, not a regular file" in run.err
    assert not (tmp_path / "out").exists()


def test_a_fifo_in_a_fact_folder_is_refused_not_waited_on(tmp_path: Path) -> None:
    shutil.copy(bundled("facts") / "jjj-2024.yaml", tmp_path / "a.yaml")
    pipe = fifo(tmp_path / "b.yaml")
    (tmp_path / "c.yaml").symlink_to("/dev/zero")
    run = jjj_brief("facts", "check", tmp_path)
    assert run.code == 1
    assert f"{pipe}: file is a named pipe (FIFO), not a regular file" in run.err
    assert f"{tmp_path / 'c.yaml'}: file is a character device (it links to /dev/zero)" in run.err


@pytest.mark.parametrize(
    "make",
    [
        lambda path: path.symlink_to("/dev/zero"),
        fifo,
    ],
)
def test_a_catalog_that_is_not_a_file_is_refused_by_its_path(tmp_path: Path, make) -> None:
    path = catalog_path("zh", tmp_path)
    path.parent.mkdir(parents=True)
    make(path)
    run = jjj_brief("build", "--lang", "zh", "--format", "pdf", "--locales", tmp_path, "--out", tmp_path / "out")
    assert run.code == 1, run.err
    assert f"{path}: file is a" in run.err and "not a regular file" in run.err
    assert not (tmp_path / "out").exists()


def test_a_read_stops_at_its_limit_whatever_the_file_says_its_size_is(tmp_path: Path) -> None:
    """/proc files report size 0: the limit holds on the bytes read, not on what stat says."""
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(FactError, match=r"/proc/self/maps: file is larger than 10 bytes; fact files are limited"):
        read_bounded("/proc/self/maps", 10, "fact file", FactError)
    (tmp_path / "small").write_bytes(b"0123456789")
    assert read_bounded(tmp_path / "small", 10, "fact file") == b"0123456789"


def test_utf16_is_named_as_such_not_as_an_unterminated_string(tmp_path: Path) -> None:
    path = tmp_path / "messages.po"
    path.write_bytes(BUNDLED_ZH.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert str(caught.value) == f"{path}:1: file is UTF-16 text; a catalog must be UTF-8 (save it as UTF-8)"


def _with_charset(tmp_path: Path, charset: str, encoding: str = "utf-8") -> tuple[Path, int]:
    text = BUNDLED_ZH.read_text(encoding="utf-8")
    assert "charset=utf-8" in text
    path = catalog_path("zh", tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("charset=utf-8", f"charset={charset}").encode(encoding, errors="replace"))
    line = text[: text.index("charset=utf-8")].count("\n") + 1
    return path, line


def test_an_unknown_charset_is_a_located_error_in_the_build_and_in_the_check(tmp_path: Path) -> None:
    path, line = _with_charset(tmp_path, "no-such-charset")
    run = jjj_brief("build", "--lang", "zh", "--format", "pdf", "--locales", tmp_path, "--out", tmp_path / "out")
    assert run.code == 1, run.err
    assert f"{path}:{line}: unknown charset 'no-such-charset'" in run.err
    project = tmp_path / "project"
    shutil.copytree(bundled("templates"), project / "templates")
    shutil.copy(bundled("templates").parent / "babel.cfg", project / "babel.cfg")
    shutil.copytree(tmp_path / "zh", project / "locales" / "zh")
    check = jjj_brief("i18n", "check", cwd=project)
    assert check.code == 1, check.err
    assert f"zh/LC_MESSAGES/messages.po:{line}: unknown charset 'no-such-charset'" in check.out + check.err


def test_a_charset_that_does_not_match_the_text_is_refused_not_misprinted(tmp_path: Path) -> None:
    path, line = _with_charset(tmp_path, "ISO-8859-1")
    with pytest.raises(CatalogError, match=f"{path}:{line}: the header declares charset=ISO-8859-1 but the text"):
        load_translations(path)


def test_a_catalog_really_in_its_declared_charset_is_read(tmp_path: Path) -> None:
    path = catalog_path("fr", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgid "Key points"\nmsgstr "Points clés"\n'.encode("latin-1")
    )
    assert load_translations(path).gettext("Key points") == "Points clés"


def test_a_latin1_template_is_named_with_the_line_of_its_first_bad_byte(tmp_path: Path) -> None:
    """What the template loader can return as a source (read_utf8): a located error, not a bare
    UnicodeDecodeError without a line."""
    path = tmp_path / "t.xml.j2"
    path.write_bytes("<brief>\n<h1>a</h1>\n<p>café</p>\n</brief>\n".encode("latin-1"))
    with pytest.raises(TemplateError) as caught:
        read_utf8(path, 1_000_000, "template", TemplateError)
    assert str(caught.value) == (
        f"{path}:3: file is not UTF-8 text (byte 0xE9); a template must be UTF-8 (save it as UTF-8)"
    )
    path.write_text("<p>café</p>", encoding="utf-8")
    assert read_utf8(path, 100, "template") == "<p>café</p>"


def test_an_empty_catalog_builds_with_a_warning_naming_it(tmp_path: Path) -> None:
    """An empty messages.po gave an English "zh" briefing without a word; now each English
    sentence is warned about, with the catalog to translate it in."""
    path = catalog_path("zh", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    run = jjj_brief("build", "--lang", "zh", "--format", "pdf", "--locales", tmp_path, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert f"warning: zh has no translation for 'Key points': printed in English (translate it in {path};" in run.err


@pytest.mark.parametrize("langs", [",", " , "])
def test_an_empty_language_list_is_a_usage_error(tmp_path: Path, langs: str) -> None:
    run = jjj_brief("build", "--lang", langs, "--out", tmp_path / "out")
    assert run.code == 2 and "no language given" in run.err
    assert not (tmp_path / "out").exists()


def test_a_fifo_beside_the_template_does_not_hang_the_untranslated_text_warnings(tmp_path: Path) -> None:
    """The warnings read every *.j2 of the template folder to find lines: a FIFO blocked that."""
    shutil.copytree(bundled("templates"), tmp_path / "templates")
    fifo(tmp_path / "templates" / "waiting.j2")
    path = catalog_path("zh", tmp_path / "locales")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    template = tmp_path / "templates" / "briefing.xml.j2"
    run = jjj_brief(
        "build",
        "--lang",
        "zh",
        "--format",
        "pdf",
        "--template",
        template,
        "--locales",
        tmp_path / "locales",
        "--out",
        tmp_path / "out",
    )
    assert run.code == 0, run.err
    assert "briefing.xml.j2:" in run.err and "has no translation for 'Key points'" in run.err
