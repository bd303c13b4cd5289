"""Facts given as a Python mapping shaped like a fact file, for the Python API.

The mapping is turned into the same YAML node tree a fact file composes to, so it
passes through exactly the same loader and checks.  Its scalars become the text a
person would have typed (``str(Decimal("2.43e12"))``, ``repr(4.7)``: the shortest text
that reads back as the same float, so ``4.7`` stays 4.7 and never becomes the binary
expansion), and every node remembers its path in the mapping, which errors name
(``facts[0].value``) where a file's errors name a line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from jjj_brief.errors import BriefWarning, FactError, Location
from jjj_brief.facts.load import load_docs
from jjj_brief.facts.model import FactStore
from jjj_brief.facts.yamlnodes import Doc, Node

_TAG = "tag:yaml.org,2002:"


def load_mapping(data: Mapping[str, Any], name: str = "") -> tuple[FactStore, list[BriefWarning]]:
    """Load facts from ``data``; raise :class:`~jjj_brief.errors.FactErrors` listing every problem.

    >>> store, _ = load_mapping({"regions": {"x": {"en": "X", "zh": "甲"}}, "facts": []})
    >>> sorted(store.regions)
    ['x']
    """
    return load_docs([lambda: compose_mapping(data, name)])


def compose_mapping(data: Any, name: str = "") -> Doc:
    """The node tree of ``data``, with the path of every node."""
    if not isinstance(data, Mapping):
        raise FactError(
            f"facts must be a mapping shaped like a fact file, not {type(data).__name__}", Location(name, key="<root>")
        )
    paths: dict[int, str] = {}
    root = _node(data, "", paths, name)
    return Doc(Path(name), root, paths)


def _node(value: Any, path: str, paths: dict[int, str], name: str) -> Node:
    if isinstance(value, Mapping):
        pairs = []
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            key_node = _scalar(key, child, paths, name)
            pairs.append((key_node, _node(item, child, paths, name)))
        node: Node = yaml.MappingNode(f"{_TAG}map", pairs)
    elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        node = yaml.SequenceNode(f"{_TAG}seq", [_node(v, f"{path}[{i}]", paths, name) for i, v in enumerate(value)])
    else:
        return _scalar(value, path, paths, name)
    paths[id(node)] = path or "<root>"
    return node


def _scalar(value: Any, path: str, paths: dict[int, str], name: str) -> Node:
    node = yaml.ScalarNode(*_typed_text(value, path, name))
    paths[id(node)] = path or "<root>"
    return node


def _typed_text(value: Any, path: str, name: str) -> tuple[str, str]:
    """(YAML tag, text) of a Python scalar, as a person would have written it."""
    if value is None:
        return f"{_TAG}null", ""
    if isinstance(value, bool):
        return f"{_TAG}bool", "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return f"{_TAG}float", repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{_TAG}timestamp", value.isoformat()
    if isinstance(value, str):
        return f"{_TAG}str", value
    raise FactError(
        f"a {type(value).__name__} cannot stand in a fact file",
        Location(name, key=path or "<root>"),
        hint="use strings, numbers, dates, lists and mappings",
    )
