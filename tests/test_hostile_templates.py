"""Untrusted templates: every trick ends in a located error (exit 1), bounded in time and memory.

Issue 14's template cases: recursion, bad filter arguments, resource exhaustion, a symbolic
link out of the template folder, a hand-written figure, out-of-range digits.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import jjj_brief

HEAD = '<brief lang="{{ lang_tag }}">\n<meta><title>T</title></meta>\n'
LIMITS = {"JJJ_BRIEF_RENDER_SECONDS": "3", "JJJ_BRIEF_MAX_MEMORY": str(1 << 30)}


def build(folder: Path, body: str, name: str = "t.xml.j2") -> tuple[int, str, Path]:
    path = folder / name
    path.write_text(HEAD + body + "\n</brief>\n", encoding="utf-8")
    out = folder / "out"
    run = jjj_brief("build", "--lang", "en", "--format", "pdf", "--template", path, "--out", out, env=LIMITS)
    return run.code, run.err, out


CASES: dict[str, tuple[str, str | tuple[str, ...]]] = {
    "recursive macro": ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}<p>{{ m(1) }}</p>", "without end"),
    "include itself": ("<p>x</p>{% include 't.xml.j2' %}", "more than 40 deep"),
    "text as a figure": ("<p>{{ 'abc'|figure }}</p>", "in the template"),
    "numbers as a span": ("<p>{{ 1|span(2) }}</p>", "in the template"),
    "text as a period": ("<p>{{ 'abc'|period }}</p>", "in the template"),
    "numbers to growth": ("<p>{{ b.growth(1, 2)|figure }}</p>", "in the template"),
    "a billion letters": ("<p>{{ 'a' * 10**9 }}</p>", "went past a limit"),
    "a billion-item list": ("<p>{{ ([1] * 10**9)|length }}</p>", "went past a limit"),
    "a tower of powers": ("<p>{{ 9**(9**9) }}</p>", "went past a limit"),
    "lipsum": ("<p>{{ lipsum(n=1000000) }}</p>", "undefined name"),
    "nested loops": (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
        "went past a limit",
    ),
    "loops over a long string": (
        "{% set s = 'a' * 90000 %}{% for x in s %}{% for y in s %}{% endfor %}{% endfor %}",
        "went past a limit",
    ),
    "a string doubling": (
        "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}<p>{{ ns.s|length }}</p>",
        ("memory", "went past a limit"),
    ),
    "a centred billion": ("<p>{{ 'a'|center(1000000000) }}</p>", "No filter named 'center'"),
    "negative digits": ("<p>{{ b.latest('gdp')|figure(digits=-20) }}</p>", "digits= must be a whole number"),
    "a forged figure": (
        '<p><num fact="gdp/jjj/2023" value="999000000000000">999 trillion yuan</num></p>',
        "can only be printed by the |figure and |change filters",
    ),
    "a forged reference": (
        '<p>{{ b.latest("gdp")|figure }} <num ref="1">999 trillion yuan</num></p>',
        "can only be printed by the |figure and |change filters",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_template_is_a_located_error(case: str, tmp_path: Path) -> None:
    body, messages = CASES[case]
    code, err, out = build(tmp_path, body)
    assert code == 1, err
    assert any(m in err for m in ((messages,) if isinstance(messages, str) else messages)), err
    assert f"{tmp_path / 't.xml.j2'}:" in err or "memory" in err, err
    assert "Traceback" not in err and "internal error" not in err
    assert not out.exists()


def test_a_symlink_out_of_the_template_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p.j2").symlink_to("/etc/passwd")
    code, err, out = build(tmp_path, "<p>{% include 'p.j2' %}</p>")
    assert code == 1
    assert "leads outside the template folder" in err
    assert "root:" not in err and not out.exists()


def test_a_folder_named_like_a_template_is_not_reported_as_missing(tmp_path: Path) -> None:
    (tmp_path / "part.j2").mkdir()
    code, err, _ = build(tmp_path, "<p>{% include 'part.j2' %}</p>")
    assert code == 1
    assert "is a folder, not a template file" in err


def test_a_template_that_failed_leaves_no_oversized_bytecode(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**LIMITS, "XDG_CACHE_HOME": str(cache)}
    path = tmp_path / "t.xml.j2"
    path.write_text(HEAD + "<p>{{ 'a' * 10**8 }}</p>\n</brief>\n", encoding="utf-8")
    run = jjj_brief("build", "--lang", "en", "--template", path, "--out", tmp_path / "out", env=env)
    assert run.code == 1
    sizes = [p.stat().st_size for p in cache.rglob("*") if p.is_file()]
    assert all(size < 2_000_000 for size in sizes), sizes
    assert os.environ.get("XDG_CACHE_HOME") != str(cache)


# -- generated templates ---------------------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import jjj_brief as api  # noqa: E402
from jjj_brief.rendering import sandbox  # noqa: E402

ATOMS = [
    "b.region",
    "b.latest('gdp')",
    "b.earliest('gdp')",
    "b.series('gdp')",
    "b.label('gdp')",
    "1",
    "-3",
    "'x'",
    "'<&>'",
    "none",
    "true",
    "[1, 2]",
    "{'a': 1}",
    "b",
    "lang_tag",
    "range(3)",
    "b.nope",
    "b.growth(b.earliest('gdp'), b.latest('gdp'))",
    "''.__class__",
    "b.__dict__",
    "10**6",
    "'ab' * 3",
]
FILTERS = [
    "figure",
    "change",
    "period",
    "year",
    "join",
    "length",
    "upper",
    "e",
    "first",
    "list",
    "figure(digits=9)",
    "figure(scale='x')",
    "span(1)",
    "chart",
    "capfirst",
    "safe",
    "int",
    "string",
]
OPERATORS = [" + ", " * ", " ~ ", " // ", " ** ", " == ", " and ", " if true else "]


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 3 if depth < 2 else 0))
    if kind == 0:
        return draw(st.sampled_from(ATOMS))
    if kind == 1:
        return f"{draw(expressions(depth + 1))}|{draw(st.sampled_from(FILTERS))}"
    if kind == 2:
        return f"({draw(expressions(depth + 1))}{draw(st.sampled_from(OPERATORS))}{draw(expressions(depth + 1))})"
    return f"{draw(expressions(depth + 1))}[{draw(st.sampled_from(['0', '1', 'a', '-1']))}]"


@st.composite
def snippets(draw: st.DrawFn) -> str:
    expr = draw(expressions())
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"<p>{{{{ {expr} }}}}</p>"
    if shape == 1:
        return f"{{% for x in {expr} %}}<p>{{{{ x }}}}</p>{{% endfor %}}"
    if shape == 2:
        return f"{{% if {expr} %}}<p>yes</p>{{% endif %}}"
    return f"{{% set v = {expr} %}}<p>{{{{ v|length }}}}</p>"


@given(snippet=snippets())
def test_a_generated_template_renders_or_fails_with_a_located_error(
    snippet: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("gen")
    path = folder / "t.xml.j2"
    path.write_text(HEAD + snippet + "\n</brief>\n", encoding="utf-8")
    old = sandbox.MAX_RENDER_SECONDS
    sandbox.MAX_RENDER_SECONDS = 2.0
    try:
        api.render(None, lang="en", template=str(path))
    except api.Error as error:
        assert error.location is not None and error.location.file.endswith("t.xml.j2"), (snippet, str(error))
    finally:
        sandbox.MAX_RENDER_SECONDS = old


def test_a_latin1_template_is_refused_at_the_line_of_its_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "t.xml.j2"
    path.write_bytes((HEAD + "<p>ok</p>\n<p>caf").encode() + b"\xe9</p>\n</brief>\n")
    run = jjj_brief("build", "--lang", "en", "--template", path, "--out", tmp_path / "out")
    assert run.code == 1
    assert run.err.startswith(f"error: {path}:4: file is not UTF-8 text"), run.err
