"""Template mistakes are reported at the template's own line, with that line printed under them;
the one Jinja2 environment is never changed by a render."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import jjj_brief
from jjj_brief.errors import MarkupError, TemplateError
from jjj_brief.rendering.environment import make_environment
from tests.conftest import jjj_brief as run_cli

HEAD = '<brief lang="{{ lang_tag }}">\n<meta><title>T</title></meta>\n'


def template(folder: Path, body: str, name: str = "t.xml.j2") -> Path:
    path = folder / name
    path.write_text(HEAD + body + "</brief>\n", encoding="utf-8")
    return path


def test_a_markup_mistake_under_a_loop_names_the_template_line_and_prints_it(tmp_path: Path) -> None:
    body = "".join(f"{{% for i in [1, 2] %}}\n<p>{n}: {{{{ i }}}}</p>\n{{% endfor %}}\n" for n in range(2))
    path = template(tmp_path, body + "<p>fine</p>\n<bogus>x</bogus>\n")
    assert path.read_text().splitlines()[9] == "<bogus>x</bogus>"  # line 10 of the template
    with pytest.raises(MarkupError) as caught:
        jjj_brief.render(None, lang="en", template=str(path))
    assert str(caught.value) == f"{path}:10: unknown block element <bogus>\n    <bogus>x</bogus>"


def test_the_cli_prints_the_located_message_and_the_source_line(tmp_path: Path) -> None:
    path = template(tmp_path, "{% if true %}\n<p>a</p>\n{% endif %}\n<p>broken <b>bold</p>\n")
    run = run_cli("build", "--lang", "en", "--format", "pdf", "--template", path, "--out", tmp_path / "out")
    assert run.code == 1
    first, second = run.err.strip().splitlines()[:2]
    assert first.startswith(f"error: {path}:6: the template produced invalid markup")
    assert second == "    <p>broken <b>bold</p>"
    assert not (tmp_path / "out").exists()


def test_a_mistake_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    (tmp_path / "part.j2").write_text("<p>one</p>\n<p>two</p>\n<nope/>\n", encoding="utf-8")
    path = template(tmp_path, "<p>before</p>\n{% include 'part.j2' %}\n<p>after</p>\n")
    with pytest.raises(MarkupError) as caught:
        jjj_brief.render(None, lang="en", template=str(path))
    assert str(caught.value).startswith(f"{tmp_path / 'part.j2'}:3: unknown block element <nope>")
    assert str(caught.value).endswith("\n    <nope/>")


def test_a_syntax_error_prints_its_line(tmp_path: Path) -> None:
    path = template(tmp_path, "<p>{{ b.region }</p>\n")
    with pytest.raises(TemplateError) as caught:
        jjj_brief.render(None, lang="en", template=str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}:3: template syntax error")
    assert message.endswith("\n    <p>{{ b.region }</p>")


def test_renders_never_change_the_environment(tmp_path: Path) -> None:
    path = template(tmp_path, "<p>{{ _('Sources') }} {{ b.latest('gdp')|figure }}</p>\n")
    env = make_environment(tmp_path)
    before = (dict(env.filters), dict(env.globals))
    texts = {lang: jjj_brief.render(None, lang=lang, template=str(path)).blocks for lang in ("en", "zh")}
    assert (dict(env.filters), dict(env.globals)) == before
    assert texts["en"] != texts["zh"]


def test_renders_in_two_threads_each_keep_their_language(tmp_path: Path) -> None:
    path = template(tmp_path, "<p>{{ _('Sources') }}: {{ b.latest('gdp')|figure }}</p>\n")
    expected = {lang: jjj_brief.render(None, lang=lang, template=str(path)).blocks for lang in ("en", "zh")}
    results: dict[str, list[object]] = {"en": [], "zh": []}

    def work(lang: str) -> None:
        for _ in range(15):
            results[lang].append(jjj_brief.render(None, lang=lang, template=str(path)).blocks)

    threads = [threading.Thread(target=work, args=(lang,)) for lang in ("en", "zh")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for lang in ("en", "zh"):
        assert len(results[lang]) == 15
        assert all(blocks == expected[lang] for blocks in results[lang])
