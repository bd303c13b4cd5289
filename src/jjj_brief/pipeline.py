"""The pipeline: facts → per language → brief markup → Document → bytes per format → files.

Every document is rendered and read, and every file written to memory, before the
first file is published; publishing renames temporary siblings into place only when
all of them are staged.  So a bad template, a bad catalog or a failing writer leaves
the output folder as it was.  With two or more languages the documents must print the
same figures (:mod:`jjj_brief.audit.parity`) before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jjj_brief.clock import issue_date
from jjj_brief.document import Document
from jjj_brief.errors import BriefWarning, LanguageNotSupported, StrictFailure, UsageError
from jjj_brief.facts.model import FactStore
from jjj_brief.inputs import (
    BuildRequest,
    find_locales,
    load_store,
    pick_region,
    resolve_languages,
    resolve_template,
)
from jjj_brief.jobs import JobResult, WriteJob, run_jobs
from jjj_brief.publish import publish_all
from jjj_brief.writers import FORMATS, PAIRED_WRITERS, WRITERS

if TYPE_CHECKING:
    from jjj_brief.audit.ledger import PageLog
    from jjj_brief.l10n import Language

RunJobs = Callable[[list[WriteJob]], list[JobResult]]
"""How writer jobs run: :func:`~jjj_brief.jobs.run_jobs` (two processes) or one by one."""

__all__ = [
    "BuildRequest",
    "BuildResult",
    "build",
    "find_locales",
    "load_store",
    "pick_region",
    "render_document",
    "resolve_languages",
    "resolve_template",
    "stage_files",
]


@dataclass
class BuildResult:
    """The files written, the warnings worth telling, and the documents they came from."""

    written: list[Path] = field(default_factory=list)
    warnings: list[BriefWarning] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    gaps: list[BriefWarning] = field(default_factory=list)  # untranslated text, left-out passages


def render_document(
    store: FactStore,
    region: str,
    language: Language | str,
    template: tuple[Path, str, str],
    *,
    locales: Path | None = None,
    since: FactStore | None = None,
    annotate: bool = False,
) -> tuple[Document, list[BriefWarning]]:
    """One language's Document: template → brief markup → document model.

    ``since`` (an older vintage) fills each changed figure's ``previous``;
    ``annotate`` its ``note``.  The warnings are the document's gaps: passages left out for
    want of facts, and template text its catalog does not translate (printed in English).
    Labels the facts give in zh only are converted for a Traditional Chinese render.
    """
    from jjj_brief.l10n import Localizer, resolve_language
    from jjj_brief.l10n.catalogs import catalog_path, translations_for
    from jjj_brief.l10n.traditional import with_traditional_labels
    from jjj_brief.markup.figures import FigureTable
    from jjj_brief.markup.reader import read_markup
    from jjj_brief.rendering.briefing import Briefing
    from jjj_brief.rendering.environment import make_environment, render
    from jjj_brief.rendering.filters import figure_filters
    from jjj_brief.rendering.review import Review
    from jjj_brief.rendering.untranslated import recording, untranslated_warnings

    if isinstance(language, str):
        language = resolve_language(language, locales)
    store, _ = with_traditional_labels(store, language)  # a no-op for a store build() converted
    catalog_translations = translations_for(language, locales)
    recorder = recording(catalog_translations)
    trans: Any = recorder or catalog_translations  # the recorder answers as the catalog does
    loc = Localizer(language, trans)
    briefing = Briefing(store, region, language.code)
    review = Review(store, loc, annotate=annotate, old=since) if annotate or since is not None else None
    folder, file_name, _ = template
    context = {"b": briefing, "lang_tag": language.tag, "issued": issue_date()}
    table = FigureTable()
    filters = figure_filters(briefing, loc, review, table)
    rendered = render(make_environment(folder), file_name, context, filters, trans)
    doc = read_markup(rendered.text, str(folder / file_name), rendered.locate, rendered.source_line, table)
    missed = recorder.missed if recorder else []
    catalog = catalog_path(language.code, locales)
    return doc, [*briefing.missing, *untranslated_warnings(missed, language.code, folder / file_name, catalog)]


def build(request: BuildRequest) -> BuildResult:
    """Run the whole pipeline; nothing in ``out_dir`` changes unless every file succeeds."""
    store, warnings = load_store(request.fact_paths)
    result = BuildResult(warnings=list(warnings))
    result.written = publish_all(stage_files(store, request, result))
    return result


def stage_files(
    store: FactStore,
    request: BuildRequest,
    result: BuildResult,
    *,
    since: FactStore | None = None,
    run: RunJobs = run_jobs,
) -> dict[Path, bytes]:
    """Every file of one region's build in memory (path under ``request.out_dir`` → bytes),
    parity-checked; ``result`` receives the Documents and the warnings.  A series worker
    passes the older vintage it keeps loaded (``since``) and runs the writers itself (``run``)."""
    from jjj_brief.audit.parity import check_parity

    stem = resolve_template(request.template)[2]
    result.documents = render_documents(store, request, result.warnings, result.gaps, since=since)
    if request.strict and result.gaps:
        raise StrictFailure(result.gaps)
    result.warnings.extend(result.gaps)
    check_parity(result.documents)
    if any(doc.meta.edition == "bilingual" for doc in result.documents.values()):
        return write_bilingual(result.documents, stem, request, result.warnings, run=run)
    return write_files(result.documents, store, stem, request, result.warnings, run=run)


def write_bilingual(
    documents: dict[str, Document],
    stem: str,
    request: BuildRequest,
    warnings: list[BriefWarning],
    *,
    run: RunJobs = run_jobs,
) -> dict[Path, bytes]:
    """``<stem>-<first>-<second>.<ext>``: the two languages paired passage by passage (see
    :mod:`jjj_brief.document.pairing`), in each format the bilingual edition has."""
    from jjj_brief.document.pairing import pair_documents

    if len(documents) != 2:
        raise UsageError(
            f"the bilingual edition sets two languages side by side, not {len(documents)} "
            f"({', '.join(documents)}): give two with --lang, e.g. --lang en,zh"
        )
    if request.audit:
        raise UsageError(
            "--audit is not available for the bilingual edition; build each language's own edition with --audit"
        )
    formats = [fmt for fmt in request.formats if fmt in PAIRED_WRITERS]
    if not formats:
        raise UsageError(
            f"the bilingual edition is written as {' or '.join(PAIRED_WRITERS)}, not {', '.join(request.formats)}"
        )
    if request.formats != FORMATS:  # asked by name, not by 'all'
        warnings.extend(
            BriefWarning(
                f"{fmt}: the bilingual edition is written as {' and '.join(PAIRED_WRITERS)} only; no {fmt} file"
            )
            for fmt in request.formats
            if fmt not in PAIRED_WRITERS
        )
    (first, left), (second, right) = documents.items()
    pair = pair_documents(left, right, (first, second))
    results = run([WriteJob(fmt, pair) for fmt in formats])
    files = {}
    for fmt, result in zip(formats, results):
        files[request.out_dir / f"{stem}-{first}-{second}.{PAIRED_WRITERS[fmt].extension}"] = result.data
        warnings.extend(result.warnings)
    return files


def render_documents(
    store: FactStore,
    request: BuildRequest,
    warnings: list[BriefWarning],
    gaps: list[BriefWarning],
    *,
    since: FactStore | None = None,
) -> dict[str, Document]:
    """Output suffix → Document for every language asked; a language the template is not
    written for is skipped with a warning when the languages were not asked explicitly.
    Every label missing in any language is reported before the first render."""
    from jjj_brief.l10n.traditional import labels_by_language

    old = since if since is not None or not request.since else load_store(request.since)[0]
    template = resolve_template(request.template)
    locales = find_locales(request.template, request.locales)
    region = pick_region(store, request.region)
    languages = resolve_languages(request.langs, locales)
    stores, notes = labels_by_language(store, languages, region)
    warnings.extend(notes)
    documents: dict[str, Document] = {}
    for suffix, language in languages.items():
        try:
            doc, missing = render_document(
                stores[suffix], region, language, template, locales=locales, since=old, annotate=request.annotate
            )
        except LanguageNotSupported as exc:
            if not request.langs_implicit:
                raise
            warnings.append(BriefWarning(f"{suffix} skipped: {exc.message}"))
            continue
        documents[suffix] = doc
        gaps.extend(w for w in missing if w not in gaps)
    if not documents:
        raise UsageError(f"template {template[2]!r} is written for none of: {', '.join(request.langs)}")
    return documents


def write_files(
    documents: dict[str, Document],
    store: FactStore,
    stem: str,
    request: BuildRequest,
    warnings: list[BriefWarning],
    *,
    run: RunJobs = run_jobs,
) -> dict[Path, bytes]:
    """Path → bytes of every file of the build: each document in each format, then the
    ledgers (``--audit``), which need the pages the PDF writer reports."""
    from jjj_brief.audit.ledger import PageLog

    out = request.out_dir
    targets = [
        (out / f"{stem}-{suffix}.{WRITERS[fmt].extension}", doc, fmt)
        for suffix, doc in documents.items()
        for fmt in request.formats
    ]
    results = run(
        [WriteJob(fmt, doc, pages=request.audit, options=request.writer_options(fmt)) for _, doc, fmt in targets]
    )
    files: dict[Path, bytes] = {}
    pages = PageLog()
    for (path, doc, _), result in zip(targets, results):
        files[path] = result.data
        warnings.extend(result.warnings)
        pages.merge(doc, result.pages)
    if request.audit:
        files.update(_ledger_files(documents, store, stem, out, pages))
    return files


def _ledger_files(
    documents: dict[str, Document], store: FactStore, stem: str, out_dir: Path, pages: PageLog
) -> dict[Path, bytes]:
    """``<stem>-<lang>.audit.json`` and ``.audit.md`` for each document."""
    from jjj_brief.audit.ledger import build_ledger

    files: dict[Path, bytes] = {}
    for suffix, doc in documents.items():
        ledger = build_ledger(doc, store, document=f"{stem}-{suffix}", lang=suffix, pages=pages)
        files[out_dir / f"{stem}-{suffix}.audit.json"] = ledger.as_json().encode()
        files[out_dir / f"{stem}-{suffix}.audit.md"] = ledger.as_markdown().encode()
    return files
