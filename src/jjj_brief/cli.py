"""The ``jjj-brief`` command line.

Only click is imported at start-up; each command imports what it needs, so
``jjj-brief --help`` and ``facts check`` do not pay for reportlab.  Every
:class:`~jjj_brief.errors.BriefError` is printed as ``FILE:LINE: message``
and mapped to its exit code; users never see a traceback for bad input.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from jjj_brief.cli_options import build_arguments, build_options
from jjj_brief.errors import BriefError, FactErrors, Location, StrictFailure

F = TypeVar("F", bound=Callable[..., Any])
INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug of ours, not the user's input


def reports_errors(command: F) -> F:
    """Turn our errors into messages and exit codes; keep tracebacks for real bugs only."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        signal.signal(signal.SIGTERM, _interrupt)
        limit_memory()
        try:
            return command(*args, **kwargs)
        except BriefError as exc:
            report(exc)
            sys.exit(exc.exit_code)
        except MemoryError:
            click.echo(
                "error: the input made jjj-brief need more memory than its limit "
                "(JJJ_BRIEF_MAX_MEMORY, default 4 GiB); nothing was written",
                err=True,
            )
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; the output folder is unchanged", err=True)
            sys.exit(130)
        except Exception as exc:
            if _interrupted(exc):  # a library turned our KeyboardInterrupt into its own error
                click.echo("interrupted; the output folder is unchanged", err=True)
                sys.exit(130)
            if os.environ.get("JJJ_BRIEF_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo("set JJJ_BRIEF_DEBUG=1 to see the traceback, and report it", err=True)
            sys.exit(INTERNAL_ERROR)

    return run  # type: ignore[return-value]


DEFAULT_MEMORY_LIMIT = 4 << 30


def limit_memory() -> None:
    """Cap this process's address space (``JJJ_BRIEF_MAX_MEMORY`` bytes, default 4 GiB; 0 for
    none), so that input which makes the program allocate without end — a template growing a
    string in a loop — ends in a located error instead of exhausting the machine.  A briefing
    needs a few hundred MiB; worker processes inherit the cap."""
    import resource

    limit = int(os.environ.get("JJJ_BRIEF_MAX_MEMORY") or DEFAULT_MEMORY_LIMIT)
    if limit <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > wanted:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while handling an interrupt: reportlab's font reader, for
    one, catches everything and re-raises "Corrupt TTF file", which must not blame a font."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def report(exc: BriefError) -> None:
    """An error as the user reads it: ``FILE:LINE: message``, each problem on its own line."""
    if isinstance(exc, FactErrors):
        for line in exc.lines():
            click.echo(line, err=True)
        click.echo(f"error: {counted(len(exc.problems), 'problem')} in the fact files", err=True)
        return
    if isinstance(exc, StrictFailure):
        for gap in exc.problems:
            click.echo(str(gap).replace("warning: ", "error: ", 1), err=True)
    click.echo(f"error: {exc}", err=True)


def _interrupt(signum: int, frame: object) -> None:
    """Turn ``kill`` into KeyboardInterrupt so ``finally`` blocks remove temporary files."""
    raise KeyboardInterrupt


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 region``, ``2 regions``: the command line speaks English, so English plurals.

    >>> counted(1, "problem"), counted(3, "problem"), counted(0, "entry", "entries")
    ('1 problem', '3 problems', '0 entries')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def existing(path: Path, what: str) -> Path:
    """``path``, or the error every command gives for a path that is not there (exit 1)."""
    if not path.exists():
        raise BriefError(f"no such {what}", Location.of(path), hint="check the path")
    return path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="jjj-brief")
def main() -> None:
    """Build localized economic briefings (PDF and DOCX) from a store of sourced facts."""


@main.command()
@build_options
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for a series (default: the cores; 1 builds in this process).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Run a series on a dask.distributed cluster (tcp://HOST:PORT); needs jjj-brief[dask].",
)
@reports_errors
def build(jobs: int | None, scheduler: str | None, **options: Any) -> None:
    """Write briefing-<lang>.pdf, .docx and .html for each language into the output folder.

    Two or more languages must print the same figures (same facts, same exact values),
    or nothing is written.  With --region all (or a list), each region of the series is
    written on its own into OUT/<region>/; a region that fails fails alone."""
    from jjj_brief.api import build as run_build

    common = build_arguments(**options)
    region = common.pop("region")
    if scheduler or (region and (region.lower() == "all" or "," in region)):
        build_series(region or "all", jobs, scheduler, common)
        return
    result = run_build(region=region, **common)
    for warning in result.warnings:
        click.echo(str(warning), err=True)
    for path in result.written:
        click.echo(f"wrote {path}")


@main.command()
@build_options
@reports_errors
def watch(**options: Any) -> None:
    """Build, then rebuild whenever a fact file, template or catalog changes (Ctrl-C stops).

    Takes build's options (one region).  Only the documents an edit changes are written
    again; an edit that breaks the build is reported as FILE:LINE and leaves the last good
    files."""
    from jjj_brief.api import build_request
    from jjj_brief.watch import watch as run_watch

    request = build_request(**build_arguments(**options))
    try:
        run_watch(request, echo=click.echo, report=report)
    except KeyboardInterrupt:
        click.echo("stopped watching")


def build_series(regions: str, jobs: int | None, scheduler: str | None, common: dict[str, Any]) -> None:
    """``build`` for a series: a progress bar or lines, a summary, exit 1 if a region failed."""
    from jjj_brief.api import build_many
    from jjj_brief.batch.progress import report_for

    report = report_for(lambda text, err: click.echo(text, err=err))
    try:
        with report.running():
            result = build_many(
                regions, jobs=jobs, scheduler=scheduler, on_region=report.region, on_plan=report.plan, **common
            )
    except KeyboardInterrupt:
        click.echo(
            f"interrupted: {report.done} of {report.regions} regions were finished and stay written; "
            "the others are unchanged",
            err=True,
        )
        sys.exit(130)
    for warning in result.warnings:
        click.echo(str(warning), err=True)
    report.summary(result, Path(common["out"]))
    if result.failed:
        sys.exit(1)


@main.command()
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
@reports_errors
def new(folder: Path) -> None:
    """Make a project to start from in DIR (new or empty): facts/, templates/, locales/, babel.cfg.

    It builds as it is: cd DIR && jjj-brief build --facts facts/ --template templates/briefing.xml.j2"""
    from jjj_brief.starter import new_project

    written = new_project(folder)
    click.echo(f"wrote {counted(len(written), 'file')} into {folder}")
    click.echo(f"next: cd {folder} && jjj-brief build --facts facts/ --template templates/briefing.xml.j2")


@main.group()
def facts() -> None:
    """Inspect and validate fact files."""


@facts.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    "langs",
    multiple=True,
    help="Also check that every label has a text in these languages (as a build in them "
    "needs; zh_Hant labels may come from zh): comma-separated, or 'all'.",
)
@reports_errors
def facts_check(paths: tuple[Path, ...], langs: tuple[str, ...]) -> None:
    """Validate fact files, workbooks (.xlsx) and CSV folders (the bundled facts when no PATH is
    given); print FILE:LINE (or FILE:SHEET!CELL) problems, and warn on a value 1,000 times off
    the rest of its series."""
    from jjj_brief.api import choices
    from jjj_brief.facts.checks import check_consistency
    from jjj_brief.facts.outliers import check_magnitudes
    from jjj_brief.inputs import load_store, resolve_languages
    from jjj_brief.l10n.catalogs import available_languages
    from jjj_brief.l10n.traditional import labels_by_language

    store, warnings = load_store(paths)
    if langs:
        asked = choices(langs, available_languages(), what="language", check=False)
        _, notes = labels_by_language(store, resolve_languages(asked), None)
        warnings = [*warnings, *notes]
    for warning in warnings:
        click.echo(str(warning))
    for finding in [*check_consistency(store), *check_magnitudes(store)]:
        click.echo(str(finding))
    click.echo(
        f"ok: {counted(len(store.facts), 'fact')}, {counted(len(store.indicators), 'indicator')}, "
        f"{counted(len(store.regions), 'region')}, {counted(len(store.sources), 'source')}"
    )


@facts.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@reports_errors
def facts_diff(old: Path, new: Path) -> None:
    """List facts added (+), removed (-) and revised (~) from vintage OLD to NEW (YAML files,
    workbooks or folders)."""
    from jjj_brief.facts.diff import diff_stores, format_diff
    from jjj_brief.pipeline import load_store

    old_store, _ = load_store([existing(old, "file or folder")])
    new_store, _ = load_store([existing(new, "file or folder")])
    for line in format_diff(diff_stores(old_store, new_store), old_store, new_store):
        click.echo(line)


@facts.command("export")
@click.argument("out", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@reports_errors
def facts_export(out: Path, paths: tuple[Path, ...]) -> None:
    """Write the facts of PATHS (the bundled ones when none is given) as workbook OUT.xlsx, or as
    CSV files in folder OUT, in the layout --facts reads back."""
    from jjj_brief.facts.export import export_store
    from jjj_brief.pipeline import load_store

    store, warnings = load_store(paths)
    for warning in warnings:
        click.echo(str(warning), err=True)
    for path in export_store(store, out):
        click.echo(f"wrote {path}")


@main.group()
def i18n() -> None:
    """Translator workflow: extract messages, update, compile and check the catalogs.

    DIR is a project folder with templates/, locales/ and babel.cfg (default: the current
    folder); without templates/ and locales/ the bundled files are used, read-only.
    """


_project_folder = click.argument(
    "folder", metavar="[DIR]", required=False, default=".", type=click.Path(path_type=Path)
)


@i18n.command("extract")
@_project_folder
@reports_errors
def i18n_extract(folder: Path) -> None:
    """Write locales/messages.pot from the templates and the code's phrases."""
    from jjj_brief.i18n.project import extract, find_project

    path, count, changed = extract(find_project(existing(folder, "folder")))
    click.echo(f"{'wrote' if changed else 'unchanged:'} {path} ({count} messages)")


@i18n.command("update")
@_project_folder
@reports_errors
def i18n_update(folder: Path) -> None:
    """Merge locales/messages.pot into every catalog; print the msgids added and removed."""
    from jjj_brief.i18n.project import find_project, update

    for change in update(find_project(existing(folder, "folder"))):
        state = "updated" if change.rewritten else "unchanged"
        click.echo(f"{change.path}: {state}, {len(change.added)} added, {len(change.removed)} removed")
        for msgid in change.added:
            click.echo(f"  + {msgid!r}")
        for msgid in change.removed:
            click.echo(f"  - {msgid!r}")


@i18n.command("compile")
@_project_folder
@reports_errors
def i18n_compile(folder: Path) -> None:
    """Write a .mo beside each catalog (for other gettext tools; the build needs none)."""
    from jjj_brief.errors import CatalogError
    from jjj_brief.i18n.project import compile_catalogs, find_project

    written, refused = compile_catalogs(find_project(existing(folder, "folder")))
    for path in written:
        click.echo(f"wrote {path}")
    for problem in refused:
        click.echo(str(problem), err=True)
    if refused:
        raise CatalogError(f"{counted(len(refused), 'problem')}; those catalogs were not compiled")


@i18n.command("check")
@_project_folder
@reports_errors
def i18n_check(folder: Path) -> None:
    """Exit 1 on untranslated, fuzzy or stale messages, placeholder mismatches and typed-in numbers."""
    from jjj_brief.errors import CatalogError
    from jjj_brief.i18n.check import check
    from jjj_brief.i18n.project import find_project

    reports = check(find_project(existing(folder, "folder")))
    for report in reports:
        for problem in report.problems:
            click.echo(str(problem), err=True)
    for report in reports:
        click.echo(report.summary())
    total = sum(len(report.problems) for report in reports)
    if total:
        raise CatalogError(f"{counted(total, 'problem')} in the catalogs")
    if not reports:
        click.echo(f"no catalogs found in {find_project(folder).locales}")


if __name__ == "__main__":  # pragma: no cover
    main()
