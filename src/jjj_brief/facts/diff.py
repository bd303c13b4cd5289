"""What moved between two vintages of the facts: ``jjj-brief facts diff OLD NEW``.

Facts are matched by their id (``indicator/region/period``), the same id a
figure carries into the document, so this list is exactly what ``build
--since OLD`` marks.  A fact is *revised* when its value, qualifier or unit
changed (what a reader would see move); a new source alone is not a revision,
and is shown on a revised fact's line.  Values are exact, in plain notation.
"""

from __future__ import annotations

from dataclasses import dataclass

from jjj_brief.facts.model import Fact, FactStore
from jjj_brief.rendering.figure_style import plain_value


@dataclass(frozen=True)
class Revision:
    """One fact as two vintages have it; ``old`` or ``new`` is None for an added or removed fact."""

    old: Fact | None
    new: Fact | None


@dataclass(frozen=True)
class FactDiff:
    added: tuple[Fact, ...]
    removed: tuple[Fact, ...]
    revised: tuple[Revision, ...]
    unchanged: int


def diff_stores(old: FactStore, new: FactStore) -> FactDiff:
    """Facts added, removed and revised from ``old`` to ``new``, each in its file's order."""
    old_facts = {f.id: f for f in old.facts.values()}
    new_facts = {f.id: f for f in new.facts.values()}
    added = tuple(f for i, f in new_facts.items() if i not in old_facts)
    removed = tuple(f for i, f in old_facts.items() if i not in new_facts)
    revised = tuple(
        Revision(old_facts[i], f)
        for i, f in new_facts.items()
        if i in old_facts and _reading(old_facts[i], old) != _reading(f, new)
    )
    unchanged = len(new_facts) - len(added) - len(revised)
    return FactDiff(added, removed, revised, unchanged)


def _reading(fact: Fact, store: FactStore) -> tuple[object, ...]:
    return (fact.value, fact.qualifier, store.indicators[fact.indicator].unit)


def format_diff(diff: FactDiff, old: FactStore, new: FactStore) -> list[str]:
    """The report, one line per fact, then a count line.

    ``+ id  value unit  [source]``, ``- id  …``, ``~ id  old → new unit  [source]``
    (the source shown as ``old → new`` when it changed too).
    """
    lines = [f"+ {f.id}  {_value(f, new)}  [{f.source}]" for f in diff.added]
    lines += [f"- {f.id}  {_value(f, old)}  [{f.source}]" for f in diff.removed]
    lines += [_revision_line(r, old, new) for r in diff.revised]
    lines.append(
        f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.revised)} revised, {diff.unchanged} unchanged"
    )
    return lines


def _value(fact: Fact, store: FactStore) -> str:
    qualifier = f"{fact.qualifier} " if fact.qualifier else ""
    return f"{qualifier}{plain_value(fact.value)} {store.indicators[fact.indicator].unit}"


def _revision_line(revision: Revision, old: FactStore, new: FactStore) -> str:
    before, after = revision.old, revision.new
    assert before is not None and after is not None
    source = before.source if before.source == after.source else f"{before.source} → {after.source}"
    return f"~ {after.id}  {_value(before, old)} → {_value(after, new)}  [{source}]"
