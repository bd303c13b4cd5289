"""`facts check`: stated figures compared with what their levels give, at the stated precision."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import jjj_brief

from jjj_brief.facts.checks import check_consistency, stated_digits
from jjj_brief.facts.load import load_facts
from jjj_brief.resources import bundled

SEED_FINDINGS = [
    "note: industrial_value_added_growth/jjj/2013/2023 states 43%, growth of "
    "industrial_value_added/jjj/2013 and industrial_value_added/jjj/2023 gives 42.9%: "
    "consistent at integer precision",
    "note: gdp_growth_avg/jjj/2014/2023 states 5.8% a year over 10 years, which implies "
    "1.76 times; gdp_multiple/jjj/2013/2023 states almost 2 times: not comparable, as the facts say: "
    "the rate is real, the multiple nominal (briefings print each one's basis)",
]


def test_the_seed_facts_give_exactly_the_expected_findings() -> None:
    store, _ = load_facts([bundled("facts")])
    found = [str(f).split(": ", 1)[1] for f in check_consistency(store)]
    assert found == SEED_FINDINGS


def test_facts_check_prints_them_with_file_and_line_and_exits_0() -> None:
    run = jjj_brief("facts", "check")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0].endswith(SEED_FINDINGS[0]) and "jjj-2024.yaml:" in lines[0]
    assert lines[1].endswith(SEED_FINDINGS[1])


@pytest.mark.parametrize(("text", "digits"), [("43", 0), ("5.8", 1), ("2.43e12", 0), ("0.125", 3)])
def test_stated_precision_is_read_from_the_value(text: str, digits: int) -> None:
    assert stated_digits(Decimal(text)) == digits


def test_a_wrong_stated_growth_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        "regions: {r: {en: R}}\nsources: {s: {publisher: {en: P}, title: {en: T}}}\n"
        "indicators:\n  v: {label: {en: v}, unit: CNY}\n"
        "  g: {label: {en: g}, unit: percent, derived: {formula: growth, of: v}}\n"
        "facts:\n"
        "  - {indicator: v, region: r, period: '2013', value: 100, source: s}\n"
        "  - {indicator: v, region: r, period: '2023', value: 150, source: s}\n"
        "  - {indicator: g, region: r, period: 2013/2023, value: 45, source: s}\n",
        encoding="utf-8",
    )
    store, _ = load_facts([path])
    (finding,) = check_consistency(store)
    assert not finding.consistent
    assert str(finding) == (
        f"{path}:9: warning: g/r/2013/2023 states 45%, growth of v/r/2013 and v/r/2023 gives 50%: "
        "they disagree: check both against the source"
    )


CHECK_WITHOUT_BABEL = """\
import sys
from pathlib import Path
from jjj_brief.facts.checks import check_consistency
from jjj_brief.facts.load import load_facts
store, _ = load_facts([Path(sys.argv[1])])
print(*check_consistency(store), sep="\\n")
print(sorted(name for name in sys.modules if name.split(".")[0] == "babel"))
"""


def test_checking_facts_never_loads_babel(tmp_path: Path) -> None:
    """Only l10n talks to Babel: the facts layer rounds with jjj_brief.facts.numbers, so checking
    facts (no currency units here, whose codes l10n validates) must not import it."""
    path = tmp_path / "f.yaml"
    path.write_text(
        "regions: {r: {en: R}}\nsources: {s: {publisher: {en: P}, title: {en: T}}}\n"
        "indicators:\n  v: {label: {en: v}, unit: count}\n"
        "  g: {label: {en: g}, unit: percent, derived: {formula: growth, of: v}}\n"
        "facts:\n"
        "  - {indicator: v, region: r, period: '2013', value: 1000, source: s}\n"
        "  - {indicator: v, region: r, period: '2023', value: 1425, source: s}\n"
        "  - {indicator: g, region: r, period: 2013/2023, value: 43, source: s}\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-c", CHECK_WITHOUT_BABEL, str(path)], capture_output=True, text=True, check=True
    )
    assert run.stdout == (
        f"{path}:9: note: g/r/2013/2023 states 43%, growth of v/r/2013 and v/r/2023 gives 42.5%: "
        "consistent at integer precision\n[]\n"
    )
