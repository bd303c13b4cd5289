"""Slips people make typing numbers, each with a message of its own.

A figure copied from a statistical table often keeps its thousands separators:
``value: 8,190,000,000,000``.  As a plain block value that is a string that is
not a number; inside a flow mapping (``{…, value: 8,190,000,000,000, …}``) YAML
reads each comma as the end of an entry, so the fact grows keys ``190`` and
``000`` — and the first message a user saw was ``duplicate key '000'``.  Both
cases are recognised here and told what to write instead.

>>> suggestion("8,190,000,000,000")
'write 8190000000000 or 8.19e12'
>>> suggestion("1,234.5")
'write 1234.5'
"""

from __future__ import annotations

import re
from decimal import Decimal

import yaml

from jjj_brief.errors import FactError, Location
from jjj_brief.facts.yamlnodes import Doc, Node

_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_GROUP = re.compile(r"\d{3}(\.\d+)?")


def suggestion(grouped: str) -> str:
    """How to write a number typed with thousands separators: plain digits, and the short
    exponent form when the number ends in zeros."""
    plain = grouped.replace(",", "")
    value = Decimal(plain).normalize()
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 3:
        mantissa = value.scaleb(-value.adjusted())
        return f"write {plain} or {mantissa:f}e{value.adjusted()}"
    return f"write {plain}"


def thousands_separators(text: str, where: Location) -> None:
    """Raise the thousands-separator error when ``text`` (a value that is not a number) is one."""
    if _GROUPED.fullmatch(text.strip()):
        raise _error(where, text.strip())


def thousands_in_flow_mapping(doc: Doc, node: Node) -> None:
    """``{value: 8,190,000,000,000}``: the ``value`` entry is followed by keys of three digits
    with no value; put the number back together and say what to write."""
    if not isinstance(node, yaml.MappingNode):
        return
    pairs = node.value
    for index, (key, value) in enumerate(pairs):
        if not (isinstance(key, yaml.ScalarNode) and key.value == "value" and isinstance(value, yaml.ScalarNode)):
            continue
        groups = []
        for extra_key, extra_value in pairs[index + 1 :]:
            if not (
                isinstance(extra_key, yaml.ScalarNode)
                and _GROUP.fullmatch(extra_key.value)
                and isinstance(extra_value, yaml.ScalarNode)
                and extra_value.value == ""
            ):
                break
            groups.append(extra_key.value)
        typed = ",".join([value.value, *groups])
        if groups and _GROUPED.fullmatch(typed):
            raise _error(doc.at(value), typed)


def _error(where: Location, typed: str) -> FactError:
    return FactError(
        f"value {typed!r} has thousands separators, which are not part of a number", where, hint=suggestion(typed)
    )
