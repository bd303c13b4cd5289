"""The example workbook: it is what its script writes, the README's commands and tables about it
hold, and a briefing built from it is a sound PDF that prints its figures."""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO, jjj_brief, pdf_body, qpdf_check, squeeze

from jjj_brief.facts.load import load_facts
from jjj_brief.facts.model import FactStore

EXAMPLE = REPO / "examples" / "gba.xlsx"
EXAMPLE_CSV = REPO / "examples" / "gba-csv"
SECTION = "### Facts from spreadsheets"


def script() -> ModuleType:
    """tools/make_example_workbook.py, which is not a package module."""
    spec = importlib.util.spec_from_file_location("make_example_workbook", REPO / "tools" / "make_example_workbook.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def same(a: FactStore, b: FactStore) -> bool:
    return all(
        getattr(a, s) == getattr(b, s) for s in ("regions", "sources", "indicators", "facts", "lists", "settings")
    )


def test_the_committed_example_is_what_the_script_writes(tmp_path: Path) -> None:
    script().main(tmp_path)
    committed, _ = load_facts([EXAMPLE])
    assert len(committed.facts) == 15
    assert same(committed, load_facts([tmp_path / "examples" / "gba.xlsx"])[0])
    assert same(committed, load_facts([EXAMPLE_CSV])[0])
    for table in (tmp_path / "examples" / "gba-csv").iterdir():
        assert table.read_bytes() == (EXAMPLE_CSV / table.name).read_bytes(), table.name


def readme_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    return text[start : text.index("\n#", start + len(SECTION))]


def test_the_readme_tables_show_rows_of_the_example() -> None:
    tables = script().TABLES
    shown = re.findall(r"^\| (.+) \|$", readme_section(), flags=re.MULTILINE)
    rows = [[cell.strip() for cell in line.split("|")] for line in shown if not line.startswith("---")]
    assert len(rows) == 7
    for row in rows:
        sheet = "facts" if len(row) == 8 else "facts_wide"  # the long form has eight columns
        as_text = [["" if v is None else str(v) for v in r] for r in tables[sheet]]
        assert row in as_text, (row, sheet)


@pytest.fixture(scope="module")
def readme_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[list[str], str]]]:
    """The README's spreadsheet commands, run in a folder holding examples/ and facts/."""
    block = re.search(r"```sh\n(.*?)```", readme_section(), flags=re.DOTALL)
    assert block is not None
    commands = [shlex.split(line, comments=True) for line in block[1].splitlines() if line.strip()]
    assert len(commands) == 6 and all(c[0] == "jjj-brief" for c in commands)
    cwd = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "examples", cwd / "examples")
    shutil.copytree(REPO / "facts", cwd / "facts")
    outputs = []
    for command in commands:
        run = jjj_brief(*command[1:], cwd=cwd, env={"SOURCE_DATE_EPOCH": "1729814400"})
        assert run.code == 0, (command, run.err)
        outputs.append((command, run.out))
    return cwd, outputs


def test_the_readme_commands_do_what_their_comments_say(readme_run: tuple[Path, list[tuple[list[str], str]]]) -> None:
    cwd, outputs = readme_run
    by_verb = {" ".join(c[1:3]): out for c, out in outputs}
    assert by_verb["facts check"].endswith("ok: 15 facts, 6 indicators, 3 regions, 1 source\n")
    assert by_verb["facts diff"].splitlines()[-1] == "0 added, 0 removed, 0 revised, 12 unchanged"
    assert (cwd / "bundled.xlsx").is_file()
    assert sorted(p.name for p in (cwd / "bundled-csv").iterdir()) == [
        "briefing.csv",
        "facts.csv",
        "indicators.csv",
        "lists.csv",
        "regions.csv",
        "sources.csv",
    ]
    check_csv = [out for c, out in outputs if c[1:3] == ["facts", "check"] and c[3] == "examples/gba-csv"]
    assert check_csv and "examples/gba-csv/facts.csv:4:4: note: " in check_csv[0]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Guangdong-Hong Kong-Macao Greater Bay Area",
                "4.12 trillion yuan in 2023",
                "315 billion yuan in the first half of 2024",
                "jjj-brief example data",
            ],
        ),
        (
            "zh",
            [
                "粤港澳大湾区经济简报",
                "2023年的4.12万亿元",
                "2024年上半年规模以上工业企业利润总额达3150亿元",
                "地区生产总值达14万亿元",
            ],
        ),
    ],
)
def test_a_briefing_built_from_the_workbook_is_a_sound_pdf(
    readme_run: tuple[Path, list], lang: str, expected: list[str]
) -> None:
    cwd, _ = readme_run
    pdf = cwd / "gba" / f"briefing-{lang}.pdf"
    qpdf_check(pdf)
    body = squeeze(pdf_body(pdf))
    for text in expected:
        assert squeeze(text) in body, text


def test_the_python_api_loads_the_workbook_and_its_errors_are_jjj_brief_errors(tmp_path: Path) -> None:
    import jjj_brief

    store = jjj_brief.load_facts(EXAMPLE)
    assert len(store.facts) == 15 and store.settings["region"] == "gba"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(jjj_brief.Error) as caught:
        jjj_brief.load_facts(broken)
    assert str(caught.value) == (
        f"{broken}: not an Excel workbook: the file is not a zip package (save it from "
        "Excel or LibreOffice as an Excel workbook (.xlsx))"
    )
