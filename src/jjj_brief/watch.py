"""``jjj-brief watch``: build once, then rebuild what an edit affects, in one warm process.

A cold build spends most of its time starting up: importing reportlab, python-docx,
Jinja2 and Babel, loading fonts, compiling the template.  A watching process pays
that once.  After an edit it redoes only what the edit touched:

* a fact file → the facts are read again and every language re-rendered;
* a template (any file of the template's folder, so an included macro counts) → every
  language re-rendered; Jinja2 recompiles only the template files that changed;
* a catalog (``<locales>/<lang>/LC_MESSAGES/messages.po``) → that language only;

then compares each re-rendered Document with the last one written and writes only the
documents that differ, in every format asked, all or nothing (:mod:`jjj_brief.publish`).
An edit that breaks the build is reported as ``FILE:LINE: message`` and changes no file:
the last good files stay, and the watch goes on.  Ctrl-C (or SIGTERM) ends it with exit
status 0; an interrupted write leaves no temporary file (the publisher removes them).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jjj_brief.document import Document
from jjj_brief.errors import BriefError, BriefWarning, StrictFailure, UsageError
from jjj_brief.facts.model import FactStore
from jjj_brief.inputs import (
    BuildRequest,
    find_locales,
    load_store,
    resolve_languages,
    resolve_template,
)
from jjj_brief.resources import bundled

Echo = Callable[[str], None]
FACTS, SINCE, TEMPLATE = "facts", "since", "template"
FACT_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Sources:
    """The inputs of a build and what a change to each path means for it."""

    facts: tuple[Path, ...]  # files or folders
    since: tuple[Path, ...]
    templates: Path  # the template's folder
    locales: Path  # <locales>/<lang>/LC_MESSAGES/messages.po
    out_dir: Path

    @classmethod
    def of(cls, request: BuildRequest) -> Sources:
        locales = find_locales(request.template, request.locales) or bundled("locales")
        facts = request.fact_paths or (bundled("facts"),)
        return cls(
            tuple(p.resolve() for p in facts),
            tuple(p.resolve() for p in request.since),
            resolve_template(request.template)[0].resolve(),
            locales.resolve(),
            request.out_dir.resolve(),
        )

    def folders(self) -> list[Path]:
        """What to watch: folders (a file is watched through its folder, so an editor that
        saves by renaming a new file into place is still seen)."""
        found = [p if p.is_dir() else p.parent for p in (*self.facts, *self.since)]
        # Facts first, then catalogs and templates: the same order wherever the folders live.
        return list(dict.fromkeys([*sorted(found), self.locales, self.templates]))

    def meaning(self, path: Path) -> str | None:
        """``facts``, ``since``, ``template``, ``catalog:<lang>``, or None for an unrelated file."""
        if path.name.startswith(".") or path.name.endswith("~") or path.is_relative_to(self.out_dir):
            return None
        for kind, roots in ((FACTS, self.facts), (SINCE, self.since)):
            if path.suffix in FACT_SUFFIXES and any(path == r or path.parent == r for r in roots):
                return kind
        if path.is_relative_to(self.locales) and path.name == "messages.po" and len(path.parents) >= 3:
            return f"catalog:{path.parents[1].name}"
        if path.is_relative_to(self.templates):
            return TEMPLATE
        return None

    def meanings(self, paths: Iterable[str]) -> set[str]:
        return {kind for kind in (self.meaning(Path(p).resolve()) for p in paths) if kind is not None}

    def snapshot(self) -> dict[Path, tuple[int, int]]:
        """(modification time, size) of every relevant file, to find edits no watcher saw."""
        found = {}
        for folder in self.folders():
            for path in folder.rglob("*"):
                if path.is_file() and self.meaning(path.resolve()) is not None:
                    stat = path.stat()
                    found[path] = (stat.st_mtime_ns, stat.st_size)
        return found

    def changed_since(self, before: dict[Path, tuple[int, int]]) -> set[str]:
        now = self.snapshot()
        return self.meanings(str(p) for p in set(now) ^ set(before) | {p for p in now if now[p] != before.get(p)})


@dataclass
class Watcher:
    """The warm state of a watch: the facts read and the documents last written."""

    request: BuildRequest
    echo: Echo
    report: Callable[[BriefError], None]
    store: FactStore | None = None
    old: FactStore | None = None
    documents: dict[str, Document] = field(default_factory=dict)

    def rebuild(self, changed: set[str]) -> bool:
        """Redo what ``changed`` touches (everything on the first call); False when the
        build failed (reported; no file changed, the last good state kept)."""
        started = time.perf_counter()
        try:
            written = self._rebuild(changed)
        except BriefError as exc:
            self.report(exc)
            self.echo("the last good files are unchanged; watching for the next edit")
            return False
        took = time.perf_counter() - started
        self.echo(f"rebuilt {len(written)} file(s) in {took:.2f} s" if written else "no document changed")
        return True

    def _rebuild(self, changed: set[str]) -> list[Path]:
        from jjj_brief.audit.parity import check_parity
        from jjj_brief.pipeline import render_documents
        from jjj_brief.publish import publish_all

        first = self.store is None
        store, warnings = load_store(self.request.fact_paths) if first or FACTS in changed else (self.store, [])
        old = self.old
        if self.request.since and (first or SINCE in changed):
            old = load_store(self.request.since)[0]
        assert store is not None
        warnings, gaps = list(warnings), list[BriefWarning]()
        fresh = render_documents(store, self._request_for(changed, first), warnings, gaps, since=old)
        if self.request.strict and gaps:
            raise StrictFailure(gaps)
        warnings.extend(gaps)
        candidates = {**self.documents, **fresh}
        check_parity(candidates)
        changed_docs = {suffix: doc for suffix, doc in fresh.items() if self.documents.get(suffix) != doc}
        stem = resolve_template(self.request.template)[2]
        files = self._files(changed_docs, candidates, store, stem, warnings) if changed_docs else {}
        written = publish_all(files)
        self.store, self.old, self.documents = store, old, candidates  # only once all is written
        for warning in warnings:
            self.echo(str(warning))
        for path in written:
            self.echo(f"wrote {path}")
        return written

    def _files(
        self,
        changed: dict[str, Document],
        every: dict[str, Document],
        store: FactStore,
        stem: str,
        warnings: list[BriefWarning],
    ) -> dict[Path, bytes]:
        """The files of the documents that changed; the bilingual edition is one file of both."""
        from jjj_brief.pipeline import write_bilingual, write_files

        if any(doc.meta.edition == "bilingual" for doc in every.values()):
            return write_bilingual(every, stem, self.request, warnings)
        return write_files(changed, store, stem, self.request, warnings)

    def _request_for(self, changed: set[str], first: bool) -> BuildRequest:
        """The request narrowed to the languages whose catalogs alone changed."""
        if first or changed & {FACTS, SINCE, TEMPLATE}:
            return self.request
        codes = {kind.split(":", 1)[1] for kind in changed if kind.startswith("catalog:")}
        chosen = resolve_languages(self.request.langs, self.request.locales)
        langs = tuple(suffix for suffix, language in chosen.items() if language.code in codes)
        if not langs:
            raise UsageError("the changed catalogs are for languages this build does not write")
        return dataclasses.replace(self.request, langs=langs)


def watch(request: BuildRequest, echo: Echo, report: Callable[[BriefError], None], *, stop_event: Any = None) -> None:
    """Build, then rebuild on every relevant change until interrupted (or ``stop_event`` is set).

    A failed first build is reported like a later one: the watch waits for the fix."""
    from watchfiles import watch as changes_of

    sources = Sources.of(request)
    resolve_languages(request.langs, request.locales)  # a usage error ends the watch before it starts
    watcher = Watcher(request, echo, report)
    before = sources.snapshot()
    watcher.rebuild(set())
    folders = sources.folders()
    batches = changes_of(
        *folders,
        watch_filter=lambda _, path: sources.meaning(Path(path).resolve()) is not None,
        debounce=1600,
        step=50,
        stop_event=stop_event,
        rust_timeout=500,
        yield_on_timeout=True,
    )
    next(batches)  # the watcher is up once it first yields (empty, after rust_timeout): say so only then
    echo(f"watching {', '.join(map(str, folders))} (Ctrl-C to stop)")
    missed = sources.changed_since(before)  # edits made while the first build ran
    if missed:
        watcher.rebuild(missed)
    for batch in batches:
        changed = sources.meanings(path for _, path in batch)
        if changed:
            echo(f"changed: {', '.join(sorted({_shown(p) for _, p in batch}))}")
            watcher.rebuild(changed)


def _shown(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path
