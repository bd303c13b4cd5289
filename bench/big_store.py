"""A large fact store for timing: 100 regions × 8 indicators × 25 years, plus 100 stated rates.

    python bench/big_store.py OUT_DIR [--regions 100] [--years 25]

Writes a folder of fact files into OUT_DIR (made at bench time in a temporary
folder, never committed): the bundled ``jjj-2024.yaml`` unchanged (its
vocabulary, and region ``jjj`` whose briefing is the bundled one), a
``regions.yaml`` naming the synthetic regions, and one file per synthetic
region with a yearly series of eight bundled indicators.  Half the regions
also state an average annual GDP rate and a GDP multiple over 2014/2023, so
``facts check`` has levels, rates and multiples to compare, as in the real
file.  Building ``--region jjj`` from this folder makes the same document as
the bundled build, so the difference in time is what the store's size costs.
"""

from __future__ import annotations

import argparse
import shutil
from decimal import Decimal
from pathlib import Path

from jjj_brief.resources import bundled

#: The yearly indicators of each synthetic region, with a 2023 value and a yearly factor.
SERIES = (
    ("gdp", Decimal("4.2e12"), Decimal("1.06")),
    ("industrial_value_added", Decimal("1.1e12"), Decimal("1.04")),
    ("industrial_value_added_usd", Decimal("1.5e11"), Decimal("1.03")),
    ("industrial_profit", Decimal("9.1e10"), Decimal("1.05")),
    ("industrial_profit_growth", Decimal("5.2"), Decimal(1)),
    ("cluster_share_life_health", Decimal("3.1"), Decimal(1)),
    ("cluster_share_power_equipment", Decimal("2.7"), Decimal(1)),
    ("it_innovation_security_share", Decimal("1.9"), Decimal(1)),
)
SOURCE = "bench-synthetic"
LAST_YEAR = 2023


def region_key(n: int) -> str:
    return f"r{n:03d}"


def regions_file(count: int) -> str:
    """The synthetic regions and their one source."""
    lines = ["regions:"]
    lines += [f"  {region_key(n)}: {{en: Region {n}, zh: 第{n}区, zh_Hant: 第{n}區}}" for n in range(count)]
    lines += [
        "sources:",
        f"  {SOURCE}:",
        "    publisher: {en: Benchmark, zh: 基准, zh_Hant: 基準}",
        "    title: {en: Synthetic figures for timing}",
        "    date: 2024-10-25",
    ]
    return "\n".join(lines) + "\n"


def region_file(n: int, years: int) -> str:
    """One region's yearly series; even regions also state a rate and a multiple of GDP."""
    key = region_key(n)
    lines = ["facts:"]
    gdp: dict[int, Decimal] = {}
    for indicator, last, factor in SERIES:
        value = last * (1 + Decimal(n) / 1000)
        for year in range(LAST_YEAR, LAST_YEAR - years, -1):
            if indicator == "gdp":
                gdp[year] = value
            lines.append(
                f'  - {{indicator: {indicator}, region: {key}, period: "{year}", '
                f'value: "{value:.4e}", source: {SOURCE}}}'
            )
            value = value / factor
    if n % 2 == 0 and years >= 11:
        multiple = gdp[LAST_YEAR] / gdp[LAST_YEAR - 10]
        rate = (multiple ** (Decimal(1) / 10) - 1) * 100
        lines.append(
            f"  - {{indicator: gdp_growth_avg, region: {key}, period: {LAST_YEAR - 9}/{LAST_YEAR}, "
            f"value: {rate:.1f}, source: {SOURCE}}}"
        )
        lines.append(
            f"  - {{indicator: gdp_multiple, region: {key}, period: {LAST_YEAR - 10}/{LAST_YEAR}, "
            f"value: {multiple:.1f}, qualifier: about, source: {SOURCE}}}"
        )
    return "\n".join(lines) + "\n"


def write_store(out: Path, regions: int = 100, years: int = 25) -> int:
    """Write the store into ``out``; returns how many facts the synthetic files hold."""
    out.mkdir(parents=True, exist_ok=True)
    for bundled_file in sorted(bundled("facts").glob("*.yaml")):
        shutil.copy(bundled_file, out / bundled_file.name)
    (out / "regions.yaml").write_text(regions_file(regions), encoding="utf-8")
    count = 0
    for n in range(regions):
        text = region_file(n, years)
        count += text.count("\n  - ")
        (out / f"region-{region_key(n)}.yaml").write_text(text, encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--regions", type=int, default=100)
    parser.add_argument("--years", type=int, default=25)
    args = parser.parse_args()
    count = write_store(args.out, args.regions, args.years)
    print(f"wrote {count} synthetic facts (+ the bundled file) into {args.out}")


if __name__ == "__main__":
    main()
