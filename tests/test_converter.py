"""The native JSON form: round trips, strictness, error paths, the schema, the seed example."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsitem
from newsitem import (
    Author,
    AuthorKind,
    Brief,
    JSONParseError,
    Page,
    RelatedBlock,
    VideoTeaser,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from newsitem._jsonschema import generate_schema
from newsitem.converter import native_schema

from . import strategies
from .conftest import SEED_TEXT

_VALIDATOR = jsonschema.Draft202012Validator(native_schema())


def _seed_page() -> Page:
    text = resources.files("newsitem").joinpath("examples/seed-page.json").read_text("utf-8")
    return from_json(text, Page)


def _problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(JSONParseError) as info:
        from_json(text)
    return list(info.value.problems)


@pytest.mark.parametrize("cls", list(strategies.MODELS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_model_round_trips_through_json(cls: type[Any], data: st.DataObject) -> None:
    """from_json(to_json(x)) == x for every model, and the text validates against the schema."""
    model = data.draw(strategies.MODELS[cls])
    text = to_json(model)
    assert [] == [e.message for e in _VALIDATOR.iter_errors(json.loads(text))]
    assert model == from_json(text, cls)
    assert model == from_json(text)


@given(strategies.briefs)
def test_json_output_is_stable(brief: Brief) -> None:
    """Writing the same model twice, or after a round trip, gives the same text."""
    text = to_json(brief)
    assert text == to_json(from_json(text, Brief))


def test_documents_carry_type_and_version() -> None:
    """A written document starts with its type tag and the format version."""
    data = to_dict(Author(name="Jane Doe"))
    assert ["type", "version", "name"] == list(data)
    assert ("author", newsitem.FORMAT_VERSION) == (data["type"], data["version"])


def test_no_silent_coercion() -> None:
    """1 is not "1", "true" is not true, a string is not a list of characters."""
    expected = [
        ("$.headline", "expected str, got int"),
        ("$.reading_time.minutes", "expected int, got str"),
        ("$.tags", "expected array, got str"),
    ]
    assert expected == _problems(
        '{"type": "brief", "headline": 1, "tags": "abc", "reading_time": {"minutes": "1"}}'
    )
    image = '{"url": "https://a.example/i.png", "width": true}'
    assert [("$.images[0].width", "expected int, got bool")] == _problems(
        '{"type": "brief", "headline": "H", "images": [' + image + "]}"
    )


def test_every_problem_is_listed_with_its_path() -> None:
    """One error lists every problem in the document, each at its JSONPath."""
    document = {
        "type": "page",
        "brief": {
            "headline": "H",
            "authors": [{"name": "A"}, {"name": 7, "kind": "robot"}],
            "published": "2022-12-14T10:00:00",
        },
        "blocks": [{"type": "related_block", "title": "News Feed", "items": []}, {"name": "x"}],
        "colour": "red",
    }
    expected = {
        (
            "$.brief.published",
            "datetime needs a UTC offset such as +02:00 or Z, got '2022-12-14T10:00:00'",
        ),
        ("$.brief.authors[1].name", "expected str, got int"),
        ("$.brief.authors[1].kind", "expected one of 'person', 'organization', got 'robot'"),
        ("$.blocks[0].items", "needs at least one item"),
        (
            "$.blocks[1].type",
            "a block's type is one of 'related_block', 'video_teaser', 'author'; got nothing",
        ),
        ("$.colour", "unknown key"),
    }
    problems = _problems(json.dumps(document))
    assert len(expected) == len(problems)
    assert expected == set(problems)


def test_error_message_names_each_path() -> None:
    """The error's text says what and where, one problem per line."""
    with pytest.raises(JSONParseError) as info:
        from_json('{"type": "author", "name": 5}')
    expected = "1 problem in a newsitem author document\n  $.name: expected str, got int"
    assert expected == str(info.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"type": "author", "name": NaN}', ("$", "NaN is not a JSON number")),
        (
            '{"type": "author", "name": 1e999}',
            ("$", "1e999 is out of the range of a finite number"),
        ),
        ('{"type": "author", "name": "a", "name": "b"}', ("$.name", "duplicate key")),
        ('{"type": "author", "name": "a"', ("$", "Expecting ',' delimiter (line 1, column 31)")),
        ("[" * 100 + "]" * 100, ("$" + "[0]" * 64, "nested more than 64 levels deep")),
    ],
)
def test_malformed_json_is_refused(text: str, problem: tuple[str, str]) -> None:
    """NaN, infinities, duplicate keys, bad syntax and absurd nesting are errors with a place."""
    assert [problem] == _problems(text)


def test_deep_nesting_beyond_the_recursion_limit_is_an_error_not_a_crash() -> None:
    """A million brackets give a clear error, not a RecursionError."""
    assert [("$", "nested more than 64 levels deep")] == _problems("[" * 1_000_000)


def test_unknown_document_type_is_refused() -> None:
    """A document whose type tag newsitem does not know is refused, naming the known ones."""
    [(path, message)] = _problems('{"type": "tweet"}')
    assert "$.type" == path
    assert message.startswith("expected one of 'page', 'brief'")


def test_wrong_nested_type_tag_is_refused() -> None:
    """A nested object may carry its own tag, but it must be the right one."""
    assert [("$.authors[0].type", "expected 'author', got 'image'")] == _problems(
        '{"type": "brief", "headline": "H", "authors": [{"type": "image", "name": "A"}]}'
    )


def test_unsupported_version_is_refused() -> None:
    """A document of another format version is refused rather than misread."""
    assert [("$.version", "this release reads version 1, got 2")] == _problems(
        '{"type": "author", "version": 2, "name": "A"}'
    )


def test_markup_is_sanitized_on_the_way_in() -> None:
    """Markup fields read from JSON go through the sanitizer with their field's policy."""
    brief = from_json(
        '{"type": "brief", "headline": "H", '
        '"body": "<h2>Sub</h2><p onclick=\\"x()\\">Hi<script>alert(1)</script></p>", '
        '"summary": "<h2>Sub</h2><em>Hi</em>"}',
        Brief,
    )
    assert "<h2>Sub</h2><p>Hi</p>" == brief.body
    assert "Sub<em>Hi</em>" == brief.summary
    assert newsitem.SafeHTML is type(brief.body)


def test_from_dict_checks_the_expected_class() -> None:
    """from_dict with a class reads that class and refuses another document type."""
    assert Author(name="A") == from_dict({"type": "author", "name": "A"}, Author)
    with pytest.raises(JSONParseError) as info:
        from_dict({"type": "author", "name": "A"}, Brief)
    assert [("$.type", "expected 'brief', got 'author'")] == list(info.value.problems)


def test_shipped_schema_is_the_generated_one() -> None:
    """The shipped schema is what the models generate (python -m newsitem._jsonschema)."""
    assert generate_schema() == native_schema()
    jsonschema.Draft202012Validator.check_schema(native_schema())


def test_schema_rejects_what_the_reader_rejects() -> None:
    """The schema is not vacuous: an unknown key and a relative URL fail it."""
    assert not _VALIDATOR.is_valid({"type": "author", "version": 1, "name": "A", "colour": "red"})
    assert not _VALIDATOR.is_valid({"type": "author", "version": 1, "name": "A", "url": "/a"})
    assert not _VALIDATOR.is_valid({"type": "page", "version": 1, "blocks": [{"name": "A"}]})


def test_seed_example_holds_every_part_of_the_seed_page(shared: Any) -> None:
    """The hand-written seed document holds every paragraph and block of the seed page."""
    page = _seed_page()
    assert [] == [e.message for e in _VALIDATOR.iter_errors(to_dict(page))]
    seed_lines = [
        line.strip() for line in SEED_TEXT.read_text("utf-8").splitlines() if line.strip()
    ]
    brief = page.brief
    assert brief is not None
    assert ("News Feed", seed_lines[1], "1 min read") == (
        brief.label,
        brief.headline,
        brief.reading_time and brief.reading_time.text,
    )
    for paragraph in seed_lines[3:8]:
        assert paragraph in brief.body  # type: ignore[operator]
    author, related, video = page.blocks
    assert isinstance(author, Author)
    assert isinstance(related, RelatedBlock)
    assert isinstance(video, VideoTeaser)
    assert (seed_lines[9], AuthorKind.ORGANIZATION, seed_lines[10]) == (
        author.name,
        author.kind,
        author.bio,
    )
    assert author.url is not None  # the card's "Read more"
    assert "Avatar" == (author.avatar and author.avatar.alt)
    assert ("News Feed", seed_lines[13:16]) == (
        related.title,
        [item.summary.replace("&quot;", '"') for item in related.items if item.summary],
    )
    assert ("Video", seed_lines[17]) == (video.label, video.description)
    assert ["Wall Street Journal", "Vedomosti"] == [a.name for a in brief.attributions]
    assert page == from_json(to_json(page), Page)


def test_type_errors_do_not_hide_broken_invariants() -> None:
    """A wrong type in one field and a broken invariant in another are both reported."""
    assert [
        ("$.url", "expected an absolute http(s) URL, got '/x'"),
        ("$.title", "expected str, got int"),
    ] == _problems('{"type": "page", "url": "/x", "title": 1}')
    assert [
        ("$.headline", "must not be blank"),
        ("$.tags[1]", "must not be blank"),
    ] == _problems('{"type": "brief", "headline": " ", "tags": ["a", ""]}')
