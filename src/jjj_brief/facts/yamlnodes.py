"""YAML read as a tree of nodes that remember their line.

``yaml.safe_load`` throws line numbers away and turns ``1.7e+12`` into a
binary float.  Composing instead keeps every scalar as the exact text the
person typed (so values become exact decimals) and every node's line (so an
error can say ``facts.yaml:12``).  Duplicate keys, which ``safe_load``
silently resolves to the last one, are refused here.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from jjj_brief.errors import FactError, Location, quoted
from jjj_brief.inputfiles import read_utf8, unprintable

MAX_FILE_BYTES = 5 * 1024 * 1024  # a hand-kept fact file is kilobytes; refuse a runaway paste early

Node = yaml.Node
# libyaml's loader, where PyYAML was built with it, composes ~10x faster with the same marks.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """Composes without guessing each scalar's type: every scalar is read as its text (see
    the module doc), so the implicit-tag regexes PyYAML runs per scalar are wasted work
    (a quarter of composing a 20,000-fact store)."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _TEXT_TAG

    def descend_resolver(self, parent: object, index: object) -> None:
        """No path-based tags to track either."""

    def ascend_resolver(self) -> None:
        """See :meth:`descend_resolver`."""


_TEXT_TAG = "tag:yaml.org,2002:str"
_LOADER = _TextLoader


@dataclass(frozen=True)
class Doc:
    """A composed YAML file: its root node and where it came from.

    A mapping given to the Python API composes to a Doc too; its nodes have no lines,
    so ``paths`` gives each node's path inside the mapping (``facts[0].value``).
    """

    path: Path
    root: Node | None
    paths: Mapping[int, str] | None = None
    _lines: dict[int, Location] = field(default_factory=dict, compare=False, repr=False)

    def at(self, node: Node) -> Location:
        if self.paths is not None:
            name = "" if self.path == Path() else str(self.path)
            return Location(name, key=self.paths.get(id(node), "<root>"))
        line = node.start_mark.line + 1
        found = self._lines.get(line)
        if found is None:  # one Location a line: a fact's six fields on one line share it
            found = self._lines[line] = Location.of(self.path, line)
        return found


def read_text(path: Path) -> str:
    """The file's text, refusing what a YAML parser would misread or choke on (and, through
    :mod:`jjj_brief.inputfiles`, devices, FIFOs and runaway sizes)."""
    text = read_utf8(path, MAX_FILE_BYTES, "fact file", FactError)
    bad = unprintable(text)
    if bad:
        at, what = bad
        raise FactError(f"{what} in the text", Location.of(path, text.count("\n", 0, at) + 1), hint="delete it")
    return text


def compose(path: Path) -> Doc:
    """Parse ``path`` into nodes, turning YAML syntax errors into located ``FactError``s."""
    text = read_text(path)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        lines = text.splitlines()
        bad_line = lines[mark.line] if mark and mark.line < len(lines) else ""
        hint = "indent with spaces: YAML does not allow tabs" if "\t" in bad_line else ""
        raise FactError(f"not valid YAML: {problem}", Location.of(path, line), hint) from None
    except yaml.YAMLError as exc:
        raise FactError(f"not valid YAML: {exc}", Location.of(path)) from None
    return Doc(path, root)


def mapping_items(
    doc: Doc, node: Node, what: str, problems: list[FactError] | None = None
) -> list[tuple[str, Node, Node]]:
    """The (key, key node, value node) triples of a mapping node, refusing duplicates.

    With ``problems``, a bad key (a duplicate, a list as a key) is added there and left
    out, and the other keys are kept: a section keeps its good entries, so one bad key
    is one problem, not a cascade of "unknown source" for every fact citing the others.
    """
    if not isinstance(node, yaml.MappingNode):
        raise FactError(f"{what} must be a mapping (key: value)", doc.at(node))
    seen: dict[str, Node] = {}
    items = []
    for key_node, value_node in node.value:
        try:
            key = _key(doc, key_node, seen, what)
        except FactError as exc:
            if problems is None:
                raise
            problems.append(exc)
            continue
        seen[key] = key_node
        items.append((key, key_node, value_node))
    return items


def _key(doc: Doc, key_node: Node, seen: dict[str, Node], what: str) -> str:
    key = scalar_text(doc, key_node, f"a key in {what}")
    if key in seen:
        first = seen[key].start_mark.line + 1
        raise FactError(
            f"duplicate key {quoted(key)} in {what} (first at line {first})",
            doc.at(key_node),
            hint="remove one of them",
        )
    return key


def sequence_items(doc: Doc, node: Node, what: str) -> list[Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise FactError(f"{what} must be a list (lines starting with '-')", doc.at(node))
    return list(node.value)


def scalar_text(doc: Doc, node: Node, what: str) -> str:
    """The exact text of a scalar node (numbers are not converted: see module doc)."""
    if not isinstance(node, yaml.ScalarNode):
        raise FactError(f"{what} must be a single value, not a list or mapping", doc.at(node))
    text = str(node.value)
    bad = unprintable(text)  # written as an escape ("\x07", "\uffff"): it would break the markup
    if bad:
        raise FactError(f"{what} holds a {bad[1]}, which no document can show", doc.at(node), hint="delete it")
    return text


def plain_fields(node: Node, allowed: Container[str], required: Iterable[str]) -> dict[str, yaml.ScalarNode] | None:
    """``{key: value node}`` when ``node`` is a mapping of distinct ``allowed`` keys to plain
    values holding every ``required`` one; else None, and the caller's checks name the problem.

    The quick path for the thousands of well-formed records a large file holds."""
    if type(node) is not yaml.MappingNode:
        return None
    fields: dict[str, yaml.ScalarNode] = {}
    for key_node, value_node in node.value:
        if type(key_node) is not yaml.ScalarNode or type(value_node) is not yaml.ScalarNode:
            return None
        key = key_node.value
        if key not in allowed or key in fields:
            return None
        fields[key] = value_node
    return fields if all(name in fields for name in required) else None
