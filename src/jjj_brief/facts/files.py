"""Which files a ``--facts`` path stands for, and the limits every input file is held to.

A path is a YAML file, a workbook (``.xlsx``), a CSV file, or a folder of
any of these; a folder's CSV files are read together, as the sheets of one
workbook would be.  Every file is checked before it is opened: a device or a
pipe given by mistake would block or never end, and a runaway file would
exhaust memory, so both are refused with a message instead.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jjj_brief.errors import FactError, Location
from jjj_brief.inputfiles import read_bounded

YAML_SUFFIXES = (".yaml", ".yml")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
#: Spreadsheet formats openpyxl cannot read, with what to do instead.
FOREIGN_SUFFIXES = {
    ".xls": "the old binary Excel format",
    ".ods": "an OpenDocument spreadsheet",
    ".numbers": "a Numbers spreadsheet",
}
MIB = 1024 * 1024

InputKind = Literal["yaml", "xlsx", "csv", "refused"]


@dataclass(frozen=True)
class FactInput:
    """One thing to read: a YAML file, a workbook, or a set of CSV files read as one workbook;
    or a path refused with its reason, reported with the other problems of the run."""

    kind: InputKind
    path: Path
    members: tuple[Path, ...] = ()  # the CSV files of a set
    refusal: FactError | None = None


def fact_inputs(paths: Iterable[Path]) -> list[FactInput]:
    """Expand folders into what they hold, sorted, so merges are repeatable."""
    paths = list(paths)
    found: list[FactInput] = []
    for path in paths:
        if path.is_dir():
            found.extend(_folder_inputs(path))
        elif path.exists():
            found.append(_file_input(path))
        else:
            found.append(FactInput("refused", path, refusal=FactError("no such file or folder", Location.of(path))))
    if not found:
        raise FactError("no fact files (*.yaml, *.xlsx, *.csv) found", Location.of(", ".join(map(str, paths))))
    return found


def _file_input(path: Path) -> FactInput:
    suffix = path.suffix.lower()
    if suffix in FOREIGN_SUFFIXES:
        return FactInput(
            "refused",
            path,
            refusal=FactError(
                f"this is {FOREIGN_SUFFIXES[suffix]}, which jjj-brief cannot read",
                Location.of(path),
                hint="save it as an Excel workbook (.xlsx)",
            ),
        )
    if suffix in WORKBOOK_SUFFIXES:
        return FactInput("xlsx", path)
    if suffix in CSV_SUFFIXES:
        return FactInput("csv", path, (path,))
    return FactInput("yaml", path)


def _folder_inputs(folder: Path) -> list[FactInput]:
    """A folder's YAML files and workbooks, each on its own, and its CSV files as one set."""
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith((".", "~$")) and not p.is_dir())
    found = [_file_input(p) for p in entries if p.suffix.lower() in YAML_SUFFIXES + WORKBOOK_SUFFIXES]
    tables = tuple(p for p in entries if p.suffix.lower() in CSV_SUFFIXES)
    if tables:
        found.append(FactInput("csv", folder, tables))
    return found


def check_file(path: Path, limit: int, what: str) -> int:
    """The size of ``path``; a FactError if it is not a regular file or is over ``limit`` bytes."""
    try:
        status = path.stat()
    except OSError as exc:
        raise FactError(f"cannot read the file: {exc.strerror}", Location.of(path)) from None
    if not stat.S_ISREG(status.st_mode):
        raise FactError(
            "not a regular file", Location.of(path), hint="give a fact file (YAML, .xlsx, .csv) or a folder of them"
        )
    if status.st_size > limit:
        raise FactError(
            f"file is {status.st_size // MIB} MB; {what} are limited to {limit // MIB} MB",
            Location.of(path),
            hint="split it into several files in one folder",
        )
    return status.st_size


def read_bytes(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a fact file (``what``: ``CSV files``), through :func:`~jjj_brief.inputfiles.read_bounded`:
    opened without blocking and checked on the open descriptor, so a FIFO or a device (or a
    symlink to one) is refused, never waited on or read without end."""
    return read_bounded(path, limit, what.removesuffix("s"), FactError)
