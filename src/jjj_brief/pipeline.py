"""The pipeline: facts → per language → brief markup → Document → per format.

Every document is rendered and read before the first file is written, and
every file is written to a temporary name in the output folder and renamed
into place only when all of them succeeded; so a bad template, a bad
catalog or a failing writer leaves ``output/`` as it was.
"""

from __future__ import annotations

import os
import signal
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jjj_brief.document import Document, Figure
from jjj_brief.publish import publish, temporary_sibling, unwritable
from jjj_brief.clock import issue_date
from jjj_brief.errors import BriefError, BriefWarning, LanguageNotSupported, Location, UsageError
from jjj_brief.facts.model import FactStore
from jjj_brief.resources import bundled

if TYPE_CHECKING:
    from jjj_brief.audit.ledger import PageLog
    from jjj_brief.l10n import Language

FORMATS = ("pdf", "docx")
_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class BuildRequest:
    """What the user asked for, already split into lists (see :mod:`jjj_brief.cli`)."""

    langs: tuple[str, ...]
    formats: tuple[str, ...] = FORMATS
    fact_paths: tuple[Path, ...] = ()
    out_dir: Path = Path("output")
    template: str = "briefing"
    region: str | None = None
    locales: Path | None = None  # catalogs folder; default: the template project's, else bundled
    audit: bool = False  # also write <stem>-<lang>.audit.json and .audit.md
    since: tuple[Path, ...] = ()  # an older vintage of the facts: mark the figures that changed
    annotate: bool = False  # a reviewer's note on every figure
    langs_implicit: bool = False  # no --lang given: skip languages the template is not written for


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[BriefWarning] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)


def load_store(paths: Iterable[Path]) -> tuple[FactStore, list[BriefWarning]]:
    from jjj_brief.facts.load import load_facts

    return load_facts(list(paths) or [bundled("facts")])


def resolve_template(name_or_path: str) -> tuple[Path, str, str]:
    """(folder, file name, output stem) for a bundled template name or a template file path."""
    candidate = Path(name_or_path)
    if _is_template_path(name_or_path):
        if not candidate.is_file():
            raise UsageError(f"template file not found: {name_or_path}")
        stem = candidate.name.split(".")[0]
        folder, file_name = candidate.resolve().parent, candidate.name
    else:
        folder, file_name, stem = bundled("templates"), f"{name_or_path}.xml.j2", name_or_path
        if not (folder / file_name).is_file():
            known = sorted(p.name.split(".")[0] for p in folder.glob("*.xml.j2"))
            raise UsageError(f"unknown template {name_or_path!r}; bundled templates: {', '.join(known)}")
    if not _SAFE_STEM.fullmatch(stem):
        raise UsageError(f"template name {stem!r} cannot name an output file: use letters, digits, - and _")
    return folder, file_name, stem


def find_locales(template: str, asked: Path | None) -> Path | None:
    """The catalogs folder of a build: ``--locales``, else the ``locales/`` beside the ``templates/``
    folder of a template given by path (a project laid out as ``jjj-brief i18n`` expects), else
    None (the bundled catalogs).  A project's templates and catalogs are made together, so a
    project template is never rendered with the bundled translations by accident."""
    if asked is not None:
        if not asked.is_dir():
            raise UsageError(f"locales folder not found: {asked}")
        return asked
    folder, _, _ = resolve_template(template)
    if _is_template_path(template) and folder.name == "templates" and (folder.parent / "locales").is_dir():
        return folder.parent / "locales"
    return None


def _is_template_path(name_or_path: str) -> bool:
    return bool(Path(name_or_path).suffix) or os.sep in name_or_path or "/" in name_or_path


def pick_region(store: FactStore, asked: str | None) -> str:
    """The region the briefing is about: asked, set in the facts, or the one with most facts."""
    setting = store.settings.get("region")
    if setting is not None and not isinstance(setting, str):
        raise UsageError("the facts' 'briefing: region:' must be one region key, not a text per language")
    key = asked or setting
    if key:
        if key not in store.regions:
            raise UsageError(f"unknown region {key!r}; the facts define: {', '.join(sorted(store.regions))}")
        return str(key)
    counts: dict[str, int] = {}
    for fact in store.facts.values():
        counts[fact.region] = counts.get(fact.region, 0) + 1
    if not counts:
        raise BriefError("the fact files hold no facts", Location("facts"))
    return max(sorted(counts), key=lambda k: counts[k])


def resolve_languages(requested: Iterable[str], locales: Path | None = None) -> dict[str, Language]:
    """Output-name suffix → Language, once each, in the order asked.

    The suffix is the catalog code (``zh`` for ``zh-CN`` too), or code and
    territory when the request picks a non-default locale (``zh_Hant-HK``), so
    an odd ``--lang`` value can never shape a path.
    """
    from jjj_brief.l10n import resolve_language

    chosen: dict[str, Language] = {}
    for value in requested:
        language = resolve_language(value, locales)
        default = resolve_language(language.code, locales)
        suffix = language.code if default.locale == language.locale else f"{language.code}-{language.locale.territory}"
        chosen.setdefault(suffix, language)
    return chosen


def render_document(store: FactStore, region: str, language: Language | str,
                    template: tuple[Path, str, str], *, locales: Path | None = None,
                    since: FactStore | None = None, annotate: bool = False,
                    ) -> tuple[Document, list[BriefWarning]]:
    """One language's Document: template → brief markup → document model.

    ``since`` (an older vintage) fills each changed figure's ``previous``;
    ``annotate`` its ``note``.
    """
    from jjj_brief.l10n.catalogs import translations_for
    from jjj_brief.render.briefing import Briefing, figure_filters
    from jjj_brief.l10n import Localizer, resolve_language
    from jjj_brief.markup.reader import read_markup
    from jjj_brief.render.review import Review
    from jjj_brief.render.environment import make_environment, render

    if isinstance(language, str):
        language = resolve_language(language, locales)
    trans = translations_for(language, locales)
    loc = Localizer(language, trans)
    briefing = Briefing(store, region, language.code)
    review = Review(store, loc, annotate=annotate, old=since) if annotate or since is not None else None
    folder, file_name, _ = template
    context = {"b": briefing, "lang_tag": language.tag, "issued": issue_date()}
    text = render(make_environment(folder), file_name, context, figure_filters(briefing, loc, review), trans)
    return read_markup(text, str(folder / file_name)), briefing.missing


Writer = Callable[..., None]  # (doc, path, warnings, **hooks)
OnFigure = Callable[[Figure, int], None]


def writers() -> dict[str, Writer]:
    """Format → write function; imported lazily so ``--format docx`` never loads reportlab.

    A writer takes ``(doc, path, warnings)``; the PDF writer also ``on_figure=``, which
    is passed only when a ledger wants pages (``--audit``)."""

    def pdf(doc: Document, path: Path, warnings: list[BriefWarning], on_figure: OnFigure | None = None) -> None:
        from jjj_brief.writers.pdf import write_pdf

        write_pdf(doc, path, on_warning=warnings.append, on_figure=on_figure)

    def docx(doc: Document, path: Path, warnings: list[BriefWarning]) -> None:
        from jjj_brief.writers.docx import write_docx

        write_docx(doc, path, on_warning=warnings.append)

    return {"pdf": pdf, "docx": docx}


def build(request: BuildRequest) -> BuildResult:
    """Run the whole pipeline; nothing in ``out_dir`` changes unless every file succeeds.

    With two or more languages the documents must print the same figures
    (:mod:`jjj_brief.audit.parity`) before anything is written."""
    from jjj_brief.audit.ledger import PageLog
    from jjj_brief.audit.parity import check_parity

    store, warnings = load_store(request.fact_paths)
    old = load_store(request.since)[0] if request.since else None
    template = resolve_template(request.template)
    locales = find_locales(request.template, request.locales)
    region = pick_region(store, request.region)
    result = BuildResult(warnings=list(warnings))
    for suffix, language in resolve_languages(request.langs, locales).items():
        try:
            doc, missing = render_document(store, region, language, template, locales=locales,
                                           since=old, annotate=request.annotate)
        except LanguageNotSupported as exc:
            if not request.langs_implicit:
                raise
            result.warnings.append(BriefWarning(f"{suffix} skipped: {exc.message}"))
            continue
        result.documents[suffix] = doc
        result.warnings.extend(w for w in missing if w not in result.warnings)
    if not result.documents:
        raise UsageError(f"template {template[2]!r} is written for none of: {', '.join(request.langs)}")
    check_parity(result.documents)
    targets = {
        request.out_dir / f"{template[2]}-{suffix}.{fmt}": (doc, fmt)
        for suffix, doc in result.documents.items()
        for fmt in request.formats
    }
    pages = PageLog() if request.audit else None
    extras = _ledger_files(result.documents, store, template[2], request.out_dir, pages) if pages else {}
    result.written = write_all(targets, request.out_dir, result.warnings, extras=extras, pages=pages)
    return result


def _ledger_files(documents: dict[str, Document], store: FactStore, stem: str, out_dir: Path,
                  pages: PageLog) -> dict[Path, Callable[[], bytes]]:
    """``<stem>-<lang>.audit.json`` and ``.audit.md``, made after the PDFs (which report pages)."""
    from jjj_brief.audit.ledger import build_ledger

    files: dict[Path, Callable[[], bytes]] = {}
    for suffix, doc in documents.items():
        def ledger(doc: Document = doc, suffix: str = suffix) -> Any:
            return build_ledger(doc, store, document=f"{stem}-{suffix}", lang=suffix, pages=pages)

        files[out_dir / f"{stem}-{suffix}.audit.json"] = lambda make=ledger: make().as_json().encode()
        files[out_dir / f"{stem}-{suffix}.audit.md"] = lambda make=ledger: make().as_markdown().encode()
    return files


Job = tuple[str, Document, Path]  # format, document, temporary file


def write_all(targets: dict[Path, tuple[Document, str]], out_dir: Path, warnings: list[BriefWarning], *,
              extras: dict[Path, Callable[[], bytes]] | None = None, pages: PageLog | None = None) -> list[Path]:
    """Write every file to a temporary sibling, then rename them all into place.

    ``extras`` are files whose bytes are made after the writers ran (the audit
    ledgers, which need the pages the PDF writer reports into ``pages``)."""
    staged: list[tuple[Path, Path]] = []
    try:
        jobs: list[Job] = []
        for final, (doc, fmt) in targets.items():
            staged.append((temporary_sibling(final), final))
            jobs.append((fmt, doc, staged[-1][0]))
        warnings.extend(run_jobs(jobs, pages))
        for final, make in (extras or {}).items():
            staged.append((temporary_sibling(final), final))
            staged[-1][0].write_bytes(make())
        for tmp, final in staged:
            publish(tmp, final)
    except OSError as exc:  # a full disk while a writer writes
        raise unwritable(Path(exc.filename or out_dir), exc) from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [final for _, final in staged]


def run_jobs(jobs: list[Job], pages: PageLog | None = None) -> list[BriefWarning]:
    """Run the writers on both cores: one group here, the other in a forked child."""
    here, there = split_jobs(jobs)
    if not here or not there or not _can_fork():
        return _write_jobs(jobs, pages)
    import multiprocessing

    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_child, args=(there, sender, pages is not None), daemon=True
    )
    try:
        _start_quietly(child)
        sender.close()
        warnings = _write_jobs(here, pages)
        status, payload, child_pages = receiver.recv()
    except EOFError:
        child.join()
        raise BriefError(f"the writer process stopped without finishing (exit code {child.exitcode})",
                         hint="it may have run out of memory; JJJ_BRIEF_SERIAL=1 writes in one process") from None
    except BaseException:
        if child.pid is not None:
            child.terminate()
        raise
    finally:
        if child.pid is not None:
            child.join()
    if status == "error":
        raise payload
    if pages is not None:
        pages.merge(child_pages)
    return [*warnings, *payload]


def _start_quietly(child: Any) -> None:
    """Fork with SIGTERM and SIGINT held back, so the child never runs the CLI's interrupt
    handler before it installs its own; a signal that came meanwhile is delivered here after."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        child.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def split_jobs(jobs: list[Job]) -> tuple[list[Job], list[Job]]:
    """Two groups of about equal cost, each importing and parsing only what it needs.

    Parsing the Chinese faces (~0.1 s each, three of them) dominates a PDF in Chinese,
    so those PDFs go one way and everything else (English PDFs, every DOCX) the other;
    without Chinese PDFs, the PDFs (reportlab) go one way and the DOCX files
    (python-docx) the other.
    """
    from jjj_brief.scripts import is_chinese

    han = [job for job in jobs if job[0] == "pdf" and is_chinese(job[1].meta.lang)]
    if han and len(han) < len(jobs):
        return [job for job in jobs if job not in han], han
    pdfs = [job for job in jobs if job[0] == "pdf"]
    return pdfs, [job for job in jobs if job[0] != "pdf"]


def _can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and not os.environ.get("JJJ_BRIEF_SERIAL")


def _write_jobs(jobs: list[Job], pages: PageLog | None = None) -> list[BriefWarning]:
    """Run each job's writer; PDF jobs report figure pages into ``pages`` when it is given."""
    table = writers()
    warnings: list[BriefWarning] = []
    for fmt, doc, path in jobs:
        if pages is not None and fmt == "pdf":
            table[fmt](doc, path, warnings, on_figure=pages.recorder(doc))
        else:
            table[fmt](doc, path, warnings)
    return warnings


def _child(jobs: list[Job], sender: Any, log_pages: bool) -> None:
    """The forked writer: send back warnings and figure pages, or the error for the parent
    to raise.  Pages are keyed by node identity, which a fork preserves.

    The parent owns the user's interrupts: Ctrl-C is ignored here and ``terminate()`` ends
    the child quietly; ``os._exit`` keeps multiprocessing from printing tracebacks of its own.
    """
    import traceback

    from jjj_brief.audit.ledger import PageLog

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    pages = PageLog() if log_pages else None
    try:
        warnings = _write_jobs(jobs, pages)
        sender.send(("ok", warnings, pages.entries() if pages else {}))
    except BriefError as exc:
        sender.send(("error", exc, {}))
    except BaseException as exc:  # noqa: BLE001 - re-raised in the parent, which reports it
        detail = traceback.format_exc() if os.environ.get("JJJ_BRIEF_DEBUG") else ""
        sender.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}\n{detail}".rstrip()), {}))
    finally:
        sender.close()
        os._exit(0)
