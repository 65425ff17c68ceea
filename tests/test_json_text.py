"""Strict JSON text reading and writing (newsitem._json)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from newsitem import JSONParseError
from newsitem._json import read_json, write_json

from . import strategies


@given(strategies.json_values)
def test_written_json_reads_back(value: Any) -> None:
    """Any JSON value written by write_json reads back equal, compact or indented."""
    assert value == read_json(write_json(value))
    assert value == read_json(write_json(value, indent=2))


def test_bytes_are_read_as_utf8_with_or_without_bom() -> None:
    """Bytes are UTF-8; a byte-order mark is allowed and skipped."""
    assert {"a": "é"} == read_json('{"a": "é"}'.encode())
    assert {"a": "é"} == read_json(b"\xef\xbb\xbf" + '{"a": "é"}'.encode())


def test_bytes_that_are_not_utf8_are_refused() -> None:
    """Latin-1 bytes give a clear error naming the byte offset."""
    with pytest.raises(
        JSONParseError, match=r"not UTF-8 text \(invalid continuation byte at byte 7\)"
    ):
        read_json('{"a": "é!"}'.encode("latin-1"))


def test_duplicate_keys_are_reported_at_every_depth() -> None:
    """Repeated keys are reported with the path of the object that repeats them."""
    with pytest.raises(JSONParseError) as info:
        read_json('{"a": [{"b": 1, "b": 2}], "c": {"d": {"e": 0, "e": 0, "f": 1, "f": 1}}}')
    assert {
        ("$.a[0].b", "duplicate key"),
        ("$.c.d.e", "duplicate key"),
        ("$.c.d.f", "duplicate key"),
    } == set(info.value.problems)


def test_depth_limit_is_configurable() -> None:
    """The nesting limit is a parameter; a document at the limit reads."""
    assert [[[]]] == read_json("[[[]]]", max_depth=3)
    with pytest.raises(JSONParseError, match=r"\$\[0\]\[0\]: nested more than 2 levels deep"):
        read_json("[[[]]]", max_depth=2)


def test_writing_refuses_nan() -> None:
    """NaN cannot be written as JSON, so writing it fails instead of emitting invalid JSON."""
    with pytest.raises(ValueError, match="Out of range float values"):
        write_json({"a": float("nan")})
