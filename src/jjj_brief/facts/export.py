"""A fact store written as a workbook, or a folder of CSV files, in the layout the loader reads.

``jjj-brief facts export OUT.xlsx`` gives an analyst the store in the form
they keep (long-form ``facts`` sheet and one sheet per vocabulary), and
loading it back gives the same store: ``facts diff IN OUT.xlsx`` lists
nothing.  Values stay exact: a number cell only where the spreadsheet's
double holds the decimal exactly (15 significant digits at most, as Excel
keeps), text otherwise.  Files appear whole or not at all, and under
``SOURCE_DATE_EPOCH`` a workbook's bytes are the same on every run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from jjj_brief.clock import build_time
from jjj_brief.errors import BriefError, Location
from jjj_brief.facts.model import FactStore, Localized
from jjj_brief.facts.tables import cell_text
from jjj_brief.publish import publish_all, write_atomically
from jjj_brief.rendering.figure_style import plain_value

Rows = Sequence[Sequence[object]]
TABLE_ORDER = ("facts", "regions", "indicators", "sources", "lists", "briefing")


def export_store(store: FactStore, out: Path) -> list[Path]:
    """Write ``store`` to ``out``: a workbook when it ends in ``.xlsx``, else a folder of CSV files."""
    tables = store_tables(store)
    if out.suffix.lower() == ".xlsx":
        write_atomically(out, workbook_bytes(tables))
        return [out]
    return write_csv_folder(tables, out)


def store_tables(store: FactStore) -> dict[str, Rows]:
    """Each table's rows, header first, in the order the store holds them."""
    langs = _languages(store)
    tables: dict[str, Rows] = {
        "facts": [["indicator", "region", "period", "value", "qualifier", "source", "note", "basis"]]
        + [
            [f.indicator, f.region, str(f.period), _value_cell(f.value), f.qualifier, f.source, f.note, f.basis]
            for f in store.facts.values()
        ],
        "regions": [["key", *langs, *(f"in_text_{lang}" for lang in langs)]]
        + [[r.key, *_words(r.name, langs), *_words(r.in_text, langs)] for r in store.regions.values()],
        "indicators": [["key", "unit", *langs, "derived_formula", "derived_of"]]
        + [
            [i.key, i.unit, *_words(i.label, langs), *((i.derived.formula, i.derived.of) if i.derived else ("", ""))]
            for i in store.indicators.values()
        ],
        "sources": [
            ["key", *(f"publisher_{lang}" for lang in langs), *(f"title_{lang}" for lang in langs), "date", "url"]
        ]
        + [
            [s.key, *_words(s.publisher, langs), *_words(s.title, langs), s.date.isoformat() if s.date else "", s.url]
            for s in store.sources.values()
        ],
        "lists": [["list", *langs]]
        + [[key, *_words(item, langs)] for key, items in store.lists.items() for item in items],
        "briefing": [["key", "value", *langs]]
        + [
            [key, *(("", *_words(v, langs)) if isinstance(v, Localized) else (v, *[""] * len(langs)))]
            for key, v in store.settings.items()
        ],
    }
    return {name: tables[name] for name in TABLE_ORDER}


def _languages(store: FactStore) -> list[str]:
    """Every language any text of the store is in, in the order first met."""
    texts: list[Localized | None] = [r.name for r in store.regions.values()]
    texts += [r.in_text for r in store.regions.values()]
    texts += [i.label for i in store.indicators.values()]
    texts += [t for s in store.sources.values() for t in (s.publisher, s.title)]
    texts += [item for items in store.lists.values() for item in items]
    texts += [v for v in store.settings.values() if isinstance(v, Localized)]
    found: dict[str, None] = {}
    for text in texts:
        found.update(dict.fromkeys(text.langs() if text else ()))
    return list(found)


def _words(text: Localized | None, langs: list[str]) -> list[str]:
    return [(text.get(lang) or "") if text else "" for lang in langs]


def _value_cell(value: Decimal) -> object:
    """A number where a spreadsheet holds ``value`` exactly, else its exact text."""
    if len(value.normalize().as_tuple().digits) <= 15:
        integral = value == value.to_integral_value() and abs(value) < 10**15
        number = int(value) if integral else float(value)
        written = f"{number:.16g}"  # what openpyxl writes into the file
        read = int(written) if integral else float(written)
        if Decimal(cell_text(read, Location("")) or "NaN") == value:
            return number
    return plain_value(value)


def workbook_bytes(tables: dict[str, Rows], moment: dt.datetime | None = None) -> bytes:
    """The tables as an .xlsx workbook, one sheet each, stamped ``moment`` (default: the build
    time, so the bytes are the same on every run under ``SOURCE_DATE_EPOCH``)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.active)
    for name, rows in tables.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                cell = sheet.cell(r, c, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, even when it starts with '=' like a formula
        sheet.freeze_panes = "A2"
    moment = (moment or build_time()).replace(tzinfo=None)
    book.properties.creator = "jjj-brief"
    book.properties.created = book.properties.modified = moment
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_times(raw.getvalue(), moment)


def _fixed_times(package: bytes, moment: dt.datetime) -> bytes:
    """The zip package again, every part stamped ``moment`` (zip times start in 1980), and the
    document's modification time too: openpyxl sets that to the clock as it saves."""
    stamp = max(moment.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    modified = f"\\g<1>{moment.strftime('%Y-%m-%dT%H:%M:%SZ')}\\g<2>".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "docProps/core.xml":
                data = _MODIFIED.sub(modified, data)
            fixed = zipfile.ZipInfo(part.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    return out.getvalue()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def csv_bytes(rows: Rows) -> bytes:
    """One table as CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_field(v) for v in row])
    return text.getvalue().encode("utf-8-sig")


def _csv_field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return cell_text(value, Location("")) or ""
    return str(value)


def write_csv_folder(tables: dict[str, Rows], folder: Path) -> list[Path]:
    """``facts.csv``, ``regions.csv``, … in ``folder``, all renamed into place only once all are written.

    A folder holding other ``.csv`` files is refused: they would be read with the export.
    """
    if folder.exists() and not folder.is_dir():
        raise BriefError(
            "not a folder", Location.of(folder), hint="give OUT.xlsx for a workbook, or a folder for CSV files"
        )
    finals = [folder / f"{name}.csv" for name in tables]
    others = sorted(p.name for p in folder.glob("*.csv") if p not in finals) if folder.exists() else []
    if others:
        raise BriefError(
            f"the folder already holds {', '.join(others)}, which would be read with the export",
            Location.of(folder),
            hint="choose a new folder, or remove those files",
        )
    created = not folder.exists()
    try:
        return publish_all({final: csv_bytes(rows) for final, rows in zip(finals, tables.values())})
    finally:
        if created and folder.exists() and not any(folder.iterdir()):
            folder.rmdir()  # a failed first export leaves no empty folder behind
