"""The Python API: what the command line does, as functions (``import jjj_brief``).

Each stage of the pipeline is one call, so a script can stop anywhere, look, and go on:

>>> import jjj_brief
>>> facts = jjj_brief.load_facts({
...     "regions": {"x": {"en": "Example region", "zh": "示例地区"}},
...     "sources": {"s": {"publisher": {"en": "Bureau", "zh": "统计局"},
...                       "title": {"en": "Bulletin"}, "date": "2024-10-25"}},
...     "indicators": {"gdp": {"label": {"en": "GDP", "zh": "地区生产总值"}, "unit": "CNY"}},
...     "facts": [{"indicator": "gdp", "region": "x", "period": "2023", "value": "1.2e12",
...                "source": "s"}],
... })
>>> doc = jjj_brief.render(facts, lang="zh")
>>> doc.meta.lang
'zh-CN'
>>> jjj_brief.to_pdf(doc)[:5]
b'%PDF-'
>>> try:
...     jjj_brief.load_facts({"facts": [{"indicator": "gdp", "value": "many"}]})
... except jjj_brief.Error as error:
...     print(str(error).splitlines()[0])
facts[0]: a fact lacks 'region', 'period', 'source'

Heavy libraries (reportlab, python-docx, Jinja2, Babel) are imported by the call that
needs them, so ``import jjj_brief`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Union

from jjj_brief.errors import BriefWarning, UsageError

if TYPE_CHECKING:
    from jjj_brief.batch.runner import RegionOutcome, SeriesResult
    from jjj_brief.document import Document
    from jjj_brief.facts.model import FactStore
    from jjj_brief.inputs import BuildRequest
    from jjj_brief.pipeline import BuildResult

FactSource = Union["FactStore", Mapping[str, Any], str, Path, Iterable[str | Path], None]
"""What ``load_facts`` takes: a mapping shaped like a fact file, a path (file or folder),
a list of paths, an already loaded store, or None for the bundled facts."""
Warn = Callable[[BriefWarning], None]


def load_facts(source: FactSource = None, *, on_warning: Warn | None = None) -> FactStore:
    """The fact store of ``source``, checked as ``jjj-brief facts check`` checks it.

    ``source`` may be YAML files, workbooks (``.xlsx``) and CSV folders, mixed.  Raises
    :class:`jjj_brief.Error` (``FactErrors``, listing every problem, each at its ``FILE:LINE``,
    ``FILE:SHEET!CELL`` in a workbook or, in a mapping, its path such as ``facts[0].value``).
    """
    from jjj_brief.facts.model import FactStore

    if isinstance(source, FactStore):
        return source
    if isinstance(source, Mapping):
        from jjj_brief.facts.mapping import load_mapping

        store, warnings = load_mapping(source)
    else:
        from jjj_brief.inputs import load_store

        store, warnings = load_store(_paths(source))
    for warning in warnings:
        (on_warning or _drop)(warning)
    return store


def render(
    facts: FactSource = None,
    lang: str = "en",
    template: str = "briefing",
    region: str | None = None,
    *,
    locales: str | Path | None = None,
    since: FactSource = None,
    annotate: bool = False,
    on_warning: Warn | None = None,
) -> Document:
    """One language's Document: ``template`` (a bundled name or a ``.xml.j2`` path) rendered
    from ``facts`` for ``region`` (default: the facts' ``briefing: region:``, else the region
    with most facts).  Passages left out for missing facts are reported to ``on_warning``."""
    from jjj_brief.inputs import find_locales, pick_region, resolve_template
    from jjj_brief.l10n import resolve_language
    from jjj_brief.pipeline import render_document

    store = load_facts(facts, on_warning=on_warning)
    old = load_facts(since) if since is not None else None
    catalogs = find_locales(template, Path(locales) if locales is not None else None)
    doc, missing = render_document(
        store,
        pick_region(store, region),
        resolve_language(lang, catalogs),
        resolve_template(template),
        locales=catalogs,
        since=old,
        annotate=annotate,
    )
    for warning in missing:
        (on_warning or _drop)(warning)
    return doc


def to_pdf(doc: Document, out: BinaryIO | None = None, *, on_warning: Warn | None = None) -> bytes | None:
    """The PDF of ``doc`` as bytes, or written into the binary file ``out`` (then None)."""
    return _write("pdf", doc, out, on_warning)


def to_docx(
    doc: Document, out: BinaryIO | None = None, *, on_warning: Warn | None = None, embed_fonts: bool = False
) -> bytes | None:
    """The DOCX of ``doc`` as bytes, or written into the binary file ``out`` (then None);
    ``embed_fonts`` carries the bundled faces in it (``--embed-fonts``)."""
    return _write("docx", doc, out, on_warning, embed_fonts=embed_fonts)


def build(
    *,
    lang: str | Iterable[str] | None = None,
    format: str | Iterable[str] = "all",
    facts: FactSource = None,
    out: str | Path = "output",
    template: str = "briefing",
    region: str | None = None,
    locales: str | Path | None = None,
    audit: bool = False,
    since: FactSource = None,
    annotate: bool = False,
    strict: bool = False,
    embed_fonts: bool = False,
) -> BuildResult:
    """What ``jjj-brief build`` does: every language × format into ``out``, all or nothing.

    ``lang`` and ``format`` take one value, a comma-separated string or a list; ``"all"``
    means every one (for languages, None means every language the template is written for).
    Returns the files written, the warnings and the Documents.  With ``strict``, template
    text without a translation and passages left out are errors (nothing is written).
    """
    from jjj_brief.pipeline import build as run

    return run(
        build_request(
            lang=lang,
            format=format,
            facts=facts,
            out=out,
            template=template,
            region=region,
            locales=locales,
            audit=audit,
            since=since,
            annotate=annotate,
            strict=strict,
            embed_fonts=embed_fonts,
        )
    )


def build_many(
    regions: str | Iterable[str] = "all",
    *,
    lang: str | Iterable[str] | None = None,
    format: str | Iterable[str] = "all",
    facts: FactSource = None,
    out: str | Path = "output",
    template: str = "briefing",
    locales: str | Path | None = None,
    audit: bool = False,
    since: FactSource = None,
    annotate: bool = False,
    strict: bool = False,
    embed_fonts: bool = False,
    jobs: int | None = None,
    scheduler: str | None = None,
    on_region: Callable[[RegionOutcome], None] | None = None,
    on_plan: Callable[[list[str], int], None] | None = None,
) -> SeriesResult:
    """A series: one briefing per region, each region's files in ``out/<region>/``.

    ``regions`` is ``"all"`` (every region with facts), a list or a comma-separated string of
    keys; a single key without a comma writes into ``out`` itself, as :func:`build` does.
    ``jobs`` worker processes (default: the cores; 1 builds here), or the workers of the
    dask.distributed scheduler at ``scheduler``.  With ``strict``, a region with untranslated
    text or left-out passages fails (alone).  A region that fails fails alone: see
    ``result.failed`` (region → reason).  ``on_plan(regions, documents)`` hears what will be
    built before any work starts, ``on_region(outcome)`` each region as it is written.
    """
    from jjj_brief.batch.series import build_series

    series, folders = _regions(regions)
    request = build_request(
        lang=lang,
        format=format,
        facts=facts,
        out=out,
        template=template,
        region=None,
        locales=locales,
        audit=audit,
        since=since,
        annotate=annotate,
        strict=strict,
        embed_fonts=embed_fonts,
    )
    return build_series(
        request, series, folders=folders, jobs=jobs, scheduler=scheduler, on_region=on_region, on_plan=on_plan
    )


def _regions(regions: str | Iterable[str]) -> tuple[tuple[str, ...] | None, bool]:
    """(region keys or None for all, whether each gets its own folder)."""
    keys = choices(regions, ("all",), what="region", check=False)
    if "all" in keys:
        return None, True
    return keys, not (isinstance(regions, str) and "," not in regions)


def build_request(
    *,
    lang: str | Iterable[str] | None,
    format: str | Iterable[str],
    facts: FactSource,
    out: str | Path,
    template: str,
    region: str | None,
    locales: str | Path | None,
    audit: bool,
    since: FactSource,
    annotate: bool,
    strict: bool,
    embed_fonts: bool,
) -> BuildRequest:
    """The resolved request of :func:`build` and :func:`build_many` (and of ``jjj-brief watch``)."""
    from jjj_brief.inputs import BuildRequest, find_locales
    from jjj_brief.l10n.catalogs import available_languages
    from jjj_brief.writers import FORMATS

    catalogs = find_locales(template, Path(locales) if locales is not None else None)
    formats = choices(format, FORMATS, what="format")
    languages = choices(lang or "all", tuple(available_languages(catalogs)), what="language", check=False)
    return BuildRequest(
        langs=languages,
        langs_implicit=lang is None,
        formats=formats,
        fact_paths=_paths(facts),
        out_dir=Path(out),
        template=template,
        region=region,
        locales=catalogs,
        audit=audit,
        since=_paths(since) if since is not None else (),
        annotate=annotate,
        strict=strict,
        embed_fonts=embed_fonts,
    )


def choices(
    values: str | Iterable[str],
    everything: tuple[str, ...],
    *,
    what: str,
    check: bool = True,
) -> tuple[str, ...]:
    """``"en,zh"``, ``["en", "zh"]`` or ``"all"`` → unique values in order; case folded
    for formats.  With ``check``, a value outside ``everything`` is a usage error.

    >>> choices("pdf, DOCX,pdf", ("pdf", "docx"), what="format")
    ('pdf', 'docx')
    """
    parts = [values] if isinstance(values, str) else list(values)
    out: list[str] = []
    for part in (p.strip() for value in parts for p in value.split(",")):
        part = part.lower() if check else part
        expanded = everything if part.lower() == "all" else (part,)
        out.extend(p for p in expanded if p and p not in out)
    unknown = [p for p in out if check and p not in everything]
    if unknown:
        raise UsageError(f"unknown {what} {unknown[0]!r}; choose from: {', '.join(everything)}, all")
    if not out:
        raise UsageError(f"no {what} given; choose from: {', '.join(everything)}, all")
    return tuple(out)


def _write(fmt: str, doc: Document, out: BinaryIO | None, on_warning: Warn | None, **options: Any) -> bytes | None:
    from jjj_brief.writers import WRITERS, WriterHooks

    hooks = WriterHooks(on_warning=on_warning or _drop)
    writer = WRITERS[fmt].with_options(**options) if any(options.values()) else WRITERS[fmt]
    if out is None:
        return writer.to_bytes(doc, hooks)
    writer.load()(doc, out, hooks)
    return None


def _paths(source: FactSource) -> tuple[Path, ...]:
    """Paths of a source that is not a mapping (empty for the bundled facts)."""
    if source is None:
        return ()
    if isinstance(source, (str, Path)):
        return (Path(source),)
    if isinstance(source, Mapping):
        raise UsageError("this argument takes fact file paths, not a mapping")
    return tuple(Path(p) for p in source)  # type: ignore[union-attr]


def _drop(_: BriefWarning) -> None:
    """Warnings nobody asked for are dropped, as a library should (the CLI prints them)."""
