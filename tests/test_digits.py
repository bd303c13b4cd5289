"""One rule for digits (README, Facts: "Digits"): ASCII in values, periods and dates; years from 1000.

Before it, ``２０２３`` and ``٢٠٢٣`` were read as 2023 by accident (``int`` takes any script's
digits) and so was the value ``２４３e10``, while ``２．４３`` was refused and year ``0000``
printed as "in 0".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import jjj_brief

from jjj_brief.facts.model import Period, PeriodFormError
from jjj_brief.resources import bundled

FACT = (
    '  - {indicator: industrial_value_added, region: jjj, period: "2023", value: "2.43e12", source: xinhua-2024-10-25}'
)


def check_with(tmp_path: Path, fact: str) -> tuple[Path, int, str]:
    """``facts check`` of the bundled facts with the 2023 industrial value fact rewritten."""
    text = (bundled("facts") / "jjj-2024.yaml").read_text(encoding="utf-8")
    assert text.count(FACT) == 1
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace(FACT, fact), encoding="utf-8")
    run = jjj_brief("facts", "check", path)
    return path, text[: text.index(FACT)].count("\n") + 1, run.err if run.code == 1 else f"exit {run.code}"


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            'value: "2.43e12"',
            'value: "２．４３e12"',
            "value '２．４３e12' is not written in ASCII digits: write '2.43e12'",
        ),
        ('value: "2.43e12"', 'value: "２４３e10"', "value '２４３e10' is not written in ASCII digits: write '243e10'"),
        ('value: "2.43e12"', 'value: "٢٫٤٣e12"', "value '٢٫٤٣e12' is not written in ASCII digits: write '2.43e12'"),
        ('period: "2023"', 'period: "２０２３"', "period '２０２３' is not written in ASCII digits: write '2023'"),
        ('period: "2023"', 'period: "٢٠٢٣"', "period '٢٠٢٣' is not written in ASCII digits: write '2023'"),
        ('period: "2023"', 'period: "0000"', "period '0000' has a year before 1000: write a year such as 2023"),
        ('period: "2023"', 'period: "0999/2023"', "period '0999/2023' has a year before 1000"),
    ],
)
def test_digits_other_than_ascii_and_years_before_1000_are_refused(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    path, line, err = check_with(tmp_path, FACT.replace(old, new))
    assert err.startswith(f"{path}:{line}: {says}"), err


def test_a_template_asking_for_a_full_width_period_is_told_the_ascii_one() -> None:
    with pytest.raises(PeriodFormError, match="period '２０２３' is not written in ASCII digits: write '2023'"):
        Period.parse("２０２３")
    assert str(Period.parse("1000")) == "1000"
