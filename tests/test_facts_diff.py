"""`jjj-brief facts diff OLD NEW`: what moved between two vintages of the facts."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, jjj_brief

OLD = FIXTURES / "vintages" / "jjj-2024-09.yaml"
NEW = FIXTURES / "vintages" / "jjj-2024-10.yaml"
EXPECTED = """\
+ industrial_profit_growth/jjj/2024H1  10.2 percent  [bulletin-2024-10]
- gdp/jjj/2022  10000000000000 CNY  [bulletin-2024-09]
~ industrial_value_added/jjj/2023  2400000000000 CNY → 2430000000000 CNY  [bulletin-2024-09 → bulletin-2024-10]
~ gdp/jjj/2023  about 10400000000000 CNY → 10400000000000 CNY  [bulletin-2024-09 → bulletin-2024-10]
1 added, 1 removed, 2 revised, 3 unchanged
"""


def test_it_lists_added_removed_and_revised_facts_with_exact_values_and_sources() -> None:
    run = jjj_brief("facts", "diff", OLD, NEW)
    assert (run.code, run.out, run.err) == (0, EXPECTED, "")


def test_folders_compare_like_the_files_they_hold(tmp_path: Path) -> None:
    for name, source in (("old", OLD), ("new", NEW)):
        (tmp_path / name).mkdir()
        shutil.copy(source, tmp_path / name / "facts.yaml")
    run = jjj_brief("facts", "diff", tmp_path / "old", tmp_path / "new")
    assert (run.code, run.out) == (0, EXPECTED)


def test_a_vintage_against_itself_has_nothing_to_list() -> None:
    run = jjj_brief("facts", "diff", NEW, NEW)
    assert (run.code, run.out) == (0, "0 added, 0 removed, 0 revised, 6 unchanged\n")


def test_a_missing_vintage_is_bad_input_as_everywhere_else() -> None:
    run = jjj_brief("facts", "diff", OLD, "no-such-vintage.yaml")
    assert run.code == 1
    assert run.err == "error: no-such-vintage.yaml: no such file or folder (check the path)\n"
