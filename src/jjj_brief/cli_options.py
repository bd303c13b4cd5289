"""The options ``build`` and ``watch`` share, and their values as the Python API takes them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def build_options(command: F) -> F:
    """The options of ``build``, shared by ``watch``."""
    options = [
        click.option(
            "--lang",
            "langs",
            multiple=True,
            help="Languages: en, zh, zh_Hant (any with a catalog), comma-separated, or 'all'.  "
            "[default: every language the template is written for]",
        ),
        click.option(
            "--format",
            "formats",
            multiple=True,
            default=("all",),
            show_default=True,
            help="Output formats: pdf, docx, html, comma-separated, or 'all'.",
        ),
        click.option(
            "--facts",
            "fact_paths",
            multiple=True,
            type=click.Path(path_type=Path),
            help="A fact file (YAML), a workbook (.xlsx), a CSV file, or a folder of them "
            "(repeatable); replaces the bundled facts.",
        ),
        click.option(
            "--out",
            "out_dir",
            default=Path("output"),
            show_default=True,
            type=click.Path(path_type=Path),
            help="Folder to write the files into.",
        ),
        click.option(
            "--template",
            default="briefing",
            show_default=True,
            help="A bundled template name, or the path of a .xml.j2 template file.",
        ),
        click.option(
            "--region",
            default=None,
            help="Region key to brief on (default: the facts' choice); for build, 'all' or "
            "KEY,KEY,... builds a series, each region into OUT/<region>/.",
        ),
        click.option(
            "--locales",
            default=None,
            type=click.Path(path_type=Path),
            help="Folder of <lang>/LC_MESSAGES/messages.po catalogs (default: the template "
            "project's locales/, else the bundled ones).",
        ),
        click.option(
            "--audit", is_flag=True, help="Also write <name>-<lang>.audit.json and .audit.md: every figure's origin."
        ),
        click.option(
            "--since",
            "since",
            multiple=True,
            type=click.Path(path_type=Path),
            help="An older vintage of the facts (file or folder, repeatable): mark the figures that changed.",
        ),
        click.option(
            "--annotate", is_flag=True, help="Attach a reviewer's note (fact, exact value, source) to every figure."
        ),
        click.option(
            "--strict",
            is_flag=True,
            help="Fail (exit 1, nothing written) on text printed in English for want of a "
            "translation and on passages left out for want of facts.",
        ),
        click.option(
            "--embed-fonts",
            is_flag=True,
            help="DOCX: carry the bundled faces (subset to the text) so it looks the same "
            "without Chinese office fonts.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def build_arguments(
    langs: tuple[str, ...],
    formats: tuple[str, ...],
    fact_paths: tuple[Path, ...],
    out_dir: Path,
    since: tuple[Path, ...],
    **rest: Any,
) -> dict[str, Any]:
    """The options' values as the API's keyword arguments."""
    return {
        "lang": langs or None,
        "format": formats,
        "facts": fact_paths,
        "out": out_dir,
        "since": since or None,
        **rest,
    }
