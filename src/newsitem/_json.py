"""Reading and writing JSON text, strictly.

Every JSON newsitem reads goes through :func:`read_json`: NaN and infinities, duplicate
keys and absurd nesting are errors that name the place, never silent surprises.
"""

from __future__ import annotations

import json
import math
from typing import Any

from newsitem.errors import JSONParseError

__all__ = ["MAX_DEPTH", "read_json", "write_json"]

#: How deeply arrays and objects may nest in a document newsitem reads.
MAX_DEPTH = 64


class _DuplicateKeys(dict[str, Any]):
    """An object that had repeated keys; remembered so the error can name its path."""

    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    repeated: list[str] = []
    for key, value in pairs:
        if key in out:
            repeated.append(key)
        out[key] = value
    if not repeated:
        return out
    marked = _DuplicateKeys(out)
    marked.duplicates = tuple(dict.fromkeys(repeated))
    return marked


class _NotFinite(ValueError):
    pass


def _constant(name: str) -> float:
    raise _NotFinite(f"{name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(f"{text} is out of the range of a finite number")
    return value


def _problems(value: Any, max_depth: int) -> list[tuple[str, str]]:
    """Walk the decoded value without recursion; report duplicates and excess depth."""
    problems: list[tuple[str, str]] = []
    stack: list[tuple[Any, str, int]] = [(value, "$", 0)]
    while stack:
        node, path, depth = stack.pop()
        if isinstance(node, dict | list) and depth >= max_depth:
            problems.append((path, f"nested more than {max_depth} levels deep"))
            continue
        if isinstance(node, _DuplicateKeys):
            problems.extend((f"{path}.{key}", "duplicate key") for key in node.duplicates)
        if isinstance(node, dict):
            stack.extend((v, f"{path}.{k}", depth + 1) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in reversed(list(enumerate(node))))
    return problems


def read_json(data: str | bytes | bytearray, *, max_depth: int = MAX_DEPTH) -> Any:
    """Decode JSON text strictly.

    >>> read_json('{"a": [1, 2.5, "x"]}')
    {'a': [1, 2.5, 'x']}
    >>> read_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    newsitem.errors.JSONParseError: invalid JSON document
      $.a: duplicate key

    Raises:
        JSONParseError: the text is not valid JSON, holds NaN or an infinite number, repeats
            a key in an object, or nests deeper than ``max_depth``.
    """
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise JSONParseError(
                "invalid JSON document",
                [("$", f"not UTF-8 text ({exc.reason} at byte {exc.start})")],
            ) from None
    else:
        text = data
    try:
        value = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float
        )
    except json.JSONDecodeError as exc:
        raise JSONParseError(
            "invalid JSON document",
            [("$", f"{exc.msg} (line {exc.lineno}, column {exc.colno})")],
        ) from None
    except _NotFinite as exc:
        raise JSONParseError("invalid JSON document", [("$", str(exc))]) from None
    except RecursionError:
        raise JSONParseError(
            "invalid JSON document", [("$", f"nested more than {max_depth} levels deep")]
        ) from None
    problems = _problems(value, max_depth)
    if problems:
        raise JSONParseError("invalid JSON document", problems)
    return value


def write_json(value: Any, *, indent: int | None = None) -> str:
    """Encode ``value`` as JSON text: UTF-8 characters kept, keys in the order given.

    >>> write_json({"headline": "Xi’s ties", "n": 1})
    '{"headline":"Xi’s ties","n":1}'
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(
        value, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )
