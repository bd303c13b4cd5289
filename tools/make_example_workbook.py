"""Write the example fact workbook ``examples/gba.xlsx`` and the same tables as ``examples/gba-csv/``.

Why a script: the example must show both layouts the loader reads (a long-form
``facts`` sheet and a wide-form ``facts_wide`` sheet, values in 亿元 with a
``scale`` column) and stay identical in its two formats; writing both from
one set of rows keeps them so, and ``tests/test_example_workbook.py`` checks
the committed files still load to what these rows say.  The figures are
rounded and illustrative — the source row says so — not official statistics.
Run from the repository root::

    python tools/make_example_workbook.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from jjj_brief.facts.export import csv_bytes, workbook_bytes
from jjj_brief.publish import write_atomically

SOURCE = "example-2024"
LANGS = ("en", "zh", "zh_Hant")

TABLES: dict[str, list[list[object]]] = {
    "facts": [
        ["indicator", "region", "period", "value", "scale", "qualifier", "source", "note"],
        ["industrial_value_added", "gba", "2013", 26500, "亿", None, SOURCE, None],
        ["industrial_value_added", "gba", "2023", 41200, "亿", None, SOURCE, None],
        ["industrial_value_added_growth", "gba", "2013/2023", 55, None, None, SOURCE, "stated; computed 55.5 percent"],
        ["industrial_profit", "gba", "2024H1", 3150, "亿", "record_high", SOURCE, None],
        ["industrial_profit_growth", "gba", "2024H1", 6.1, None, None, SOURCE, None],
        ["gdp_growth_avg", "gba", "2014/2023", "6.0", None, None, SOURCE, "nominal; typed as text to keep the 0"],
    ],
    "facts_wide": [
        ["indicator", "region", "source", "scale", 2013, 2018, 2023],
        ["gdp", "gba", SOURCE, "亿", 78000, 108000, 140000],
        ["gdp", "guangzhou", SOURCE, "亿", 15400, 22900, 30400],
        ["gdp", "shenzhen", SOURCE, "亿", 14500, 24200, 34600],
    ],
    "regions": [
        ["key", *LANGS, "in_text_en"],
        [
            "gba",
            "Guangdong-Hong Kong-Macao Greater Bay Area",
            "粤港澳大湾区",
            "粵港澳大灣區",
            "the Guangdong-Hong Kong-Macao Greater Bay Area",
        ],
        ["guangzhou", "Guangzhou", "广州市", "廣州市", None],
        ["shenzhen", "Shenzhen", "深圳市", "深圳市", None],
    ],
    "indicators": [
        ["key", "unit", *LANGS, "derived_formula", "derived_of"],
        ["industrial_value_added", "CNY", "industrial added value", "工业增加值", "工業增加值", None, None],
        [
            "industrial_value_added_growth",
            "percent",
            "cumulative growth of industrial added value",
            "工业增加值累计增长",
            "工業增加值累計增長",
            "growth",
            "industrial_value_added",
        ],
        [
            "industrial_profit",
            "CNY",
            "total profit of major industrial enterprises",
            "规模以上工业企业利润总额",
            "規模以上工業企業利潤總額",
            None,
            None,
        ],
        [
            "industrial_profit_growth",
            "percent",
            "year-on-year growth of industrial profit",
            "规模以上工业企业利润同比增长",
            "規模以上工業企業利潤同比增長",
            None,
            None,
        ],
        ["gdp", "CNY", "gross domestic product", "地区生产总值", "地區生產總值", None, None],
        [
            "gdp_growth_avg",
            "percent",
            "average annual GDP growth",
            "地区生产总值年均增长",
            "地區生產總值年均增長",
            "cagr",
            "gdp",
        ],
    ],
    "sources": [
        [
            "key",
            "publisher_en",
            "publisher_zh",
            "publisher_zh_Hant",
            "title_en",
            "title_zh",
            "title_zh_Hant",
            "date",
            "url",
        ],
        [
            SOURCE,
            "jjj-brief example data",
            "jjj-brief示例数据",
            "jjj-brief示例數據",
            "Illustrative figures for the Greater Bay Area (rounded; not official statistics)",
            "粤港澳大湾区示意数据（取整，非官方统计）",
            "粵港澳大灣區示意數據（取整，非官方統計）",
            "2024-10-25",
            None,
        ],
    ],
    "lists": [
        ["list", *LANGS],
        ["key_industrial_chains", "new-generation electronic information", "新一代电子信息", "新一代電子信息"],
        ["key_industrial_chains", "smart home appliances", "智能家电", "智能家電"],
        ["key_industrial_chains", "new energy vehicles", "新能源汽车", "新能源汽車"],
        ["strategic_emerging_industries", "integrated circuits", "集成电路", "積體電路"],
        ["strategic_emerging_industries", "biomedicine", "生物医药", "生物醫藥"],
    ],
    "briefing": [
        ["key", "value", *LANGS],
        ["region", "gba", None, None, None],
        ["classification", None, "Example: illustrative figures", "示例：数据仅作演示", "示例：數據僅作演示"],
    ],
}
#: The moment stamped into the workbook, so regenerating it gives the same bytes.
STAMP = dt.datetime(2024, 10, 25)


def main(root: Path) -> None:
    examples = root / "examples"
    write_atomically(examples / "gba.xlsx", workbook_bytes(TABLES, moment=STAMP))
    for name, rows in TABLES.items():
        write_atomically(examples / "gba-csv" / f"{name}.csv", csv_bytes(rows))
    print(f"wrote {examples / 'gba.xlsx'} and {examples / 'gba-csv'}/ ({len(TABLES)} tables)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
