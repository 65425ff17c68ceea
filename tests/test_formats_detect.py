"""parse_json: format detection, explicit formats, strict decoding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsitem import (
    Brief,
    FormatDetectionError,
    JSONParseError,
    Page,
    UnknownFormatError,
)
from newsitem.formats import Feed, ParsedJSON, parse_json

SEED = Path(__file__).parents[1] / "src/newsitem/examples/seed-page.json"


def test_native_documents_are_detected() -> None:
    """The seed page's native JSON is read as native, version 1."""
    result = parse_json(SEED.read_bytes())
    assert ("native", "1", True) == (result.format, result.version, result.detected)
    assert isinstance(result.value, Page)


def test_ninjs_is_detected_by_spelling(shared: Path) -> None:
    """A 2.x example is ninjs 2.x, a 3.x one ninjs 3.x."""
    two = parse_json((shared / "ninjs/examples/2.1/ninjsExSimpleText_2.json").read_text())
    three = parse_json((shared / "ninjs/examples/3.0/ninjsExSimpleText_3.json").read_text())
    assert ("ninjs", "2.x") == (two.format, two.version)
    assert ("ninjs", "3.x") == (three.format, three.version)
    assert isinstance(three.value, Brief)


def test_ninjs_collection_is_a_tuple_of_briefs(shared: Path) -> None:
    """A JSON array of ninjs documents reads as a tuple of briefs."""
    path = shared / "ninjs/examples/3.0/collection/20231016-event-timeline-sample.json"
    result = parse_json(path.read_text())
    assert "ninjs" == result.format
    assert len(json.loads(path.read_text())) == len(result.value)  # type: ignore[arg-type]


def test_jsonld_and_jsonfeed_are_detected() -> None:
    """@context means JSON-LD; a jsonfeed.org version URL means JSON Feed."""
    ld = parse_json({"@context": "http://schema.org", "@type": "NewsArticle", "headline": "H"})
    feed = parse_json({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []})
    assert (
        ParsedJSON(format="jsonld", version=None, value=(Brief(headline="H"),), detected=True) == ld
    )
    assert (
        ParsedJSON(format="jsonfeed", version="1.1", value=Feed(title="T"), detected=True) == feed
    )


def test_explicit_format_overrides_detection() -> None:
    """Asking for ninjs reads a document that also has a native-looking type tag as ninjs."""
    doc = {"uri": "urn:x", "type": "text", "headlines": [{"value": "H"}]}
    result = parse_json(doc, format="ninjs")
    assert ("ninjs", False) == (result.format, result.detected)
    assert "H" == result.value.headline  # type: ignore[union-attr]


def test_undetectable_document_says_what_was_tried() -> None:
    """A document of no known format is a FormatDetectionError listing every format tried."""
    with pytest.raises(FormatDetectionError) as caught:
        parse_json("[1, 2]")
    message = str(caught.value)
    for name in ("native", "ninjs", "JSON-LD", "JSON Feed"):
        assert name in message


def test_unknown_format_name_lists_the_known_ones() -> None:
    """An unknown format name is an UnknownFormatError naming the known formats."""
    with pytest.raises(UnknownFormatError, match="jsonfeed, jsonld, native, ninjs"):
        parse_json("{}", format="nitf")


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ('{"uri": "urn:x", "uri": "urn:y"}', "$.uri"),
        ('{"uri": NaN}', "$"),
        ('{"uri": "urn:x"', "$"),
        (b"\xff\xfe{}", "$"),
    ],
)
def test_strict_decoding(data: str | bytes, path: str) -> None:
    """Duplicate keys, NaN, broken JSON and bad bytes are JSONParseErrors with a path."""
    with pytest.raises(JSONParseError) as caught:
        parse_json(data)
    assert path == caught.value.problems[0][0]


def test_decoded_input_is_checked_too() -> None:
    """Already-decoded JSON with NaN or absurd nesting is refused like text."""
    deep: list[object] = []
    node = deep
    for _ in range(100):
        node.append([])
        node = node[0]  # type: ignore[assignment]
    with pytest.raises(JSONParseError, match="nested"):
        parse_json({"uri": "urn:x", "deep": deep})
    with pytest.raises(JSONParseError, match="not a JSON number"):
        parse_json({"uri": "urn:x", "n": float("nan")})
