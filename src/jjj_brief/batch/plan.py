"""Planning a series: which regions, which folders, and what each worker is given.

Everything a worker needs travels in its :class:`RegionTask` as plain, picklable data with
absolute paths (a dask worker runs in another folder, perhaps on another machine that
mounts the same files), plus the main process's ``SOURCE_DATE_EPOCH``, so a cluster build
is byte-identical to a local one.  Usage errors — an unknown region, language or template —
are found here, before any work is handed out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from jjj_brief.errors import BriefError, FactError, Location, UsageError
from jjj_brief.facts.model import FactStore
from jjj_brief.inputs import (
    BuildRequest,
    find_locales,
    resolve_languages,
    resolve_template,
)
from jjj_brief.resources import bundled

_FOLDER_NAME = re.compile(r"\w[\w.-]{0,99}")  # letters and digits of any script, then also . and -


@dataclass(frozen=True)
class FactFiles:
    """Fact files as a worker should find them: absolute paths (none: the bundled facts) and a
    digest of their bytes.  A worker loads each set once per process, keyed by the digest, and
    refuses files that differ from what the main process checked."""

    paths: tuple[Path, ...]
    digest: str

    @classmethod
    def of(cls, paths: Iterable[Path]) -> FactFiles:
        absolute = tuple(Path(p).resolve() for p in paths)
        return cls(absolute, digest_of(absolute))


def digest_of(paths: Sequence[Path]) -> str:
    """SHA-256 over the names and bytes of every file the loader would read for ``paths``
    (YAML files, workbooks, the CSV files of a folder)."""
    from jjj_brief.facts.files import fact_inputs

    digest = hashlib.sha256()
    inputs = fact_inputs(list(paths) or [bundled("facts")])
    for file in (member for found in inputs for member in (found.members or (found.path,))):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise FactError(f"cannot read: {exc.strerror}", Location.of(file)) from None
        digest.update(f"{file}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class RegionTask:
    """One region's build: the request (region set, ``out_dir`` the folder relative to the
    output folder), the facts to load, the clock to use and how many documents to expect."""

    region: str
    request: BuildRequest
    facts: FactFiles
    since: FactFiles | None
    epoch: int | None
    documents: int


def choose_regions(store: FactStore, asked: Sequence[str] | None) -> list[str]:
    """The regions of a series: those asked, in order, or (None) every region with facts, by key."""
    if asked is None:
        keys = sorted({fact.region for fact in store.facts.values()})
        if not keys:
            raise BriefError("the fact files hold no facts", Location("facts"))
        return keys
    unknown = [key for key in asked if key not in store.regions]
    if unknown:
        raise UsageError(f"unknown region {unknown[0]!r}; the facts define: {', '.join(sorted(store.regions))}")
    return list(dict.fromkeys(asked))


def folder_problems(store: FactStore, keys: Sequence[str]) -> dict[str, str]:
    """Region key → why it cannot name its output folder: a key is a path component, so
    ``../x`` or ``a/b`` must never reach the file system; two keys differing only in case
    would share a folder on macOS and Windows."""
    problems: dict[str, str] = {}
    seen: dict[str, str] = {}
    for key in keys:
        where = store.regions[key].location
        if not _FOLDER_NAME.fullmatch(key) or key.endswith("."):
            problems[key] = str(
                BriefError(
                    f"region key {key!r} cannot name an output folder",
                    where,
                    hint="use letters, digits, '_', and '-' or '.' after the first character",
                )
            )
        elif key.casefold() in seen:
            problems[key] = str(
                BriefError(
                    f"region key {key!r} names the same folder as {seen[key.casefold()]!r} where case is "
                    "ignored (macOS, Windows)",
                    where,
                    hint="rename one of them",
                )
            )
        else:
            seen[key.casefold()] = key
    return problems


def plan_tasks(
    request: BuildRequest,
    keys: Sequence[str],
    *,
    folders: bool,
    facts: FactFiles,
    since: FactFiles | None,
    epoch: int | None,
) -> list[RegionTask]:
    """A task per region, each request made absolute and self-contained."""
    base = absolute_request(request)
    documents = len(resolve_languages(base.langs, base.locales)) * len(base.formats)
    return [
        RegionTask(
            key, replace(base, region=key, out_dir=Path(key) if folders else Path(".")), facts, since, epoch, documents
        )
        for key in keys
    ]


def absolute_request(request: BuildRequest) -> BuildRequest:
    """The request with its template and catalogs resolved to absolute paths (a bundled
    template keeps its name), so it means the same thing in any worker's folder."""
    folder, file_name, stem = resolve_template(request.template)
    bundled_name = request.template == stem and folder == bundled("templates")
    template = request.template if bundled_name else str(folder / file_name)
    locales = find_locales(request.template, request.locales)
    return replace(
        request,
        template=template,
        locales=locales.resolve() if locales else None,
        fact_paths=tuple(p.resolve() for p in request.fact_paths),
        since=tuple(p.resolve() for p in request.since),
    )
