"""YAML loading that remembers the line of every key and item, for error messages.

Dates stay strings ("2025-03" and "2025-03-01" alike), so the checks see what the author wrote.
A key written twice in one mapping is recorded, never silently overwritten.
"""
from __future__ import annotations

import yaml


class LineDict(dict):
    """A mapping that knows the line it starts on and the line of each key (1-based)."""

    line: int = 1
    key_lines: dict
    duplicate_keys: list  # (key, line) of each repeated key


class LineList(list):
    """A sequence that knows the line it starts on and the line of each item (1-based)."""

    line: int = 1
    item_lines: list


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.duplicate_keys = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            result.duplicate_keys.append((key, line))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(item, deep=True) for item in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [item.start_mark.line + 1 for item in node.value]
    return result


def _line_keeping(base: type) -> type:
    """A safe loader that builds LineDict and LineList, and keeps dates as the strings the
    author typed (precision matters and is checked separately)."""

    class Loader(base):
        yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in base.yaml_implicit_resolvers.items()
        }

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
    return Loader


# libyaml parses several times faster (the build loads every page's front matter); the pure
# Python parser decides whenever libyaml refuses a text, so error messages are always its own.
_Loader = _line_keeping(yaml.SafeLoader)
_FastLoader = _line_keeping(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class YamlError(ValueError):
    """Unparsable YAML; `line` is 1-based in the text given to `load`."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def load(text: str, first_line: int = 1):
    """Parse YAML text whose first line is line `first_line` of its file."""
    try:
        data = yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        data = _load_pure(text, first_line)
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _load_pure(text: str, first_line: int):
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlError(f"{err.problem or err}", line) from None


def _shift(data, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        data.key_lines = {k: v + offset for k, v in data.key_lines.items()}
        data.duplicate_keys = [(k, v + offset) for k, v in data.duplicate_keys]
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, LineList):
        data.line += offset
        data.item_lines = [v + offset for v in data.item_lines]
        for value in data:
            _shift(value, offset)


def line_of(data, path) -> int:
    """The line of the value at `path` (keys and indexes) inside `data`, as near as known."""
    line = getattr(data, "line", 1)
    node = data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
