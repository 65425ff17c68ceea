"""IPTC ninjs 2.x and 3.x: the official examples, the official schemas, round trips."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import assume, given

from newsitem import Author, AuthorKind, Brief, Image, JSONParseError, RenderError, from_json
from newsitem.formats.ninjs import detect_ninjs_version, read_ninjs, read_ninjs_collection, to_ninjs
from newsitem.sanitize import sanitize_html

from .conftest import shared_params
from .strategies import briefs


def _example_files(shared: Path) -> list[str]:
    root = shared / "ninjs"
    found = [
        *root.glob("examples/*/*.json"),
        *root.glob("examples/*/*/*.json"),
        *root.glob("documentation/includes/examples/*/*.json"),
        *root.glob("validation/test_suite/*/should_pass/*.json"),
    ]
    # extension-schema.json is a JSON Schema, not a ninjs document.
    return sorted(str(p.relative_to(root)) for p in found if p.name != "extension-schema.json")


EXAMPLES = shared_params(_example_files)


def _schema(shared: Path, version: str) -> dict[str, Any]:
    return json.loads(
        (shared / "ninjs" / "specification" / f"ninjs-schema_{version}.json").read_text()
    )


def _validator(shared: Path, version: str) -> jsonschema.protocols.Validator:
    schema = _schema(shared, version)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _without_ninjs_extensions(brief: Brief) -> Brief:
    """ninjs: extensions are written verbatim and must be valid ninjs; drop made-up ones."""
    return attrs.evolve(
        brief, extensions={k: v for k, v in brief.extensions.items() if not k.startswith("ninjs:")}
    )


def _image(image: Image | None) -> Image | None:
    return None if image is None else attrs.evolve(image, extensions={})


def _project(brief: Brief) -> Brief:
    """The brief as far as ninjs holds it (docs/formats.md lists what it cannot hold)."""
    persons = [a for a in brief.authors if a.kind is AuthorKind.PERSON]
    organisations = [a for a in brief.authors if a.kind is AuthorKind.ORGANIZATION]
    return attrs.evolve(
        brief,
        reading_time=None,
        extensions={},
        authors=tuple(
            Author(name=a.name, kind=a.kind, url=a.url, email=a.email, same_as=a.same_as)
            for a in persons + organisations
        ),
        images=tuple(_image(i) for i in brief.images),
        attributions=tuple(
            attrs.evolve(s, date=None, date_text=None, text=None) for s in brief.attributions
        ),
        videos=tuple(
            attrs.evolve(v, extensions={}, thumbnail=_image(v.thumbnail)) for v in brief.videos
        ),
        related=tuple(
            attrs.evolve(
                b,
                extensions={},
                items=tuple(attrs.evolve(i, extensions={}, image=_image(i.image)) for i in b.items),
            )
            for b in brief.related
        ),
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_official_example_round_trips(shared: Path, name: str) -> None:
    """Each IPTC example reads, and writing it back in its own version gives the same JSON."""
    doc = json.loads((shared / "ninjs" / name).read_text())
    if isinstance(doc, list):
        version = detect_ninjs_version(doc[0])
        actual: Any = [to_ninjs(b, version=version) for b in read_ninjs_collection(doc)]
    else:
        version = detect_ninjs_version(doc)
        actual = to_ninjs(read_ninjs(doc), version=version)
    assert doc == actual


def test_example_fields_land_in_the_model(shared: Path) -> None:
    """The complex 3.1 text article's headline, uri, date, language and byline are model fields."""
    path = shared / "ninjs/documentation/includes/examples/3.1/005_complex_text_article.json"
    brief = read_ninjs(path.read_text())
    assert "Captain of wrecked cruise ship on trial in Italy" == brief.headline
    assert "http://ninjs.example.com/newsitems/20130709med123" == brief.id
    assert datetime(2013, 7, 9, 10, 37, tzinfo=UTC) == brief.modified
    assert "en" == brief.language
    assert (Author(name="Paulo Santalucia and Frances d'Emilio"),) == brief.authors
    assert brief.body is not None
    assert brief.body.startswith("<p>GROSSETO, Italy (AP)")
    assert (
        "Copyright 2013 The News Agency, www.tna.org - all rights reserved."
        == (brief.extensions["ninjs:copyrightnotice"])
    )


def test_lowercase_keys_read_as_version_2(shared: Path) -> None:
    """A 2.x document (lowercase keys) is detected as 2.x and its dates land in the model."""
    doc = json.loads((shared / "ninjs/examples/2.1/ninjsExSimpleText_2.json").read_text())
    assert "2.x" == detect_ninjs_version(doc)
    brief = read_ninjs(doc)
    assert "Captain of wrecked cruise ship on trial in Italy" == brief.headline
    assert datetime(2013, 7, 9, 10, 37, tzinfo=UTC) == brief.modified


# Should-fail documents that break the schema where it matters to the models: an
# association (a related item, picture or video) without its required name or uri.
REJECTED = {
    "2.0/should_fail/002_bad_association.json": "$.associations[0].name",
    "2.1/should_fail/002_good_association_but_no_name.json": "$.associations[0].name",
    "2.1/should_fail/003_good_association_but_no_uri.json": "$.associations[0].uri",
    "3.0/should_fail/002_bad_association.json": "$.associations[0].name",
}


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_broken_associations_are_refused_with_their_path(shared: Path, name: str) -> None:
    """A should-fail document whose association lacks name or uri is an error naming it."""
    text = (shared / "ninjs/validation/test_suite" / name).read_text()
    with pytest.raises(JSONParseError) as caught:
        read_ninjs(text)
    assert REJECTED[name] == caught.value.problems[0][0]


def test_seed_page_validates_against_every_schema(shared: Path) -> None:
    """The seed page's brief, written as ninjs 2.x and 3.x, validates against the schemas."""
    page = from_json(
        (Path(__file__).parents[1] / "src/newsitem/examples/seed-page.json").read_text()
    )
    assert page.brief is not None  # type: ignore[union-attr]
    for version in ("2.1", "2.2", "3.0", "3.1"):
        doc = to_ninjs(page, version=version)
        _validator(shared, version).validate(doc)
        expected = (
            "WSJ: China’s leader Xi deepening economic ties with Putin’s Russia "
            "despite public distance"
        )
        assert expected == doc["headlines"][0]["value"]
        assert "The Kyiv Independent news desk" == doc["by"]


@given(briefs)
def test_written_documents_validate_and_read_back(shared: Path, brief: Brief) -> None:
    """model -> ninjs -> model keeps what ninjs holds; the output validates in 2.x and 3.x."""
    assume(brief.id is not None or brief.url is not None)
    brief = _without_ninjs_extensions(brief)
    for version in ("3.0", "3.1", "2.2", "2.1"):
        doc = to_ninjs(brief, version=version)
        _validator(shared, version).validate(doc)
        assert _project(brief) == _project(read_ninjs(json.dumps(doc)))


def test_version_2_spells_keys_in_lowercase() -> None:
    """ninjs 2.x output uses lowercase keys, 3.x camelCase."""
    brief = Brief(headline="H", id="urn:x:1", modified=datetime(2022, 12, 14, 10, tzinfo=UTC))
    assert "2022-12-14T10:00:00Z" == to_ninjs(brief, version="2.x")["versioncreated"]
    assert "2022-12-14T10:00:00Z" == to_ninjs(brief)["versionCreated"]


def test_a_brief_without_id_or_url_cannot_be_written() -> None:
    """ninjs requires a uri: a brief with neither id nor url is a RenderError."""
    with pytest.raises(RenderError, match="uri"):
        to_ninjs(Brief(headline="H"))


def test_unknown_version_is_refused() -> None:
    """An unknown ninjs version is a RenderError listing the known ones."""
    with pytest.raises(RenderError, match=r"known: 2\.1, 2\.2, 2\.x, 3\.0, 3\.1, 3\.x"):
        to_ninjs(Brief(headline="H", id="urn:x"), version="4.0")


def test_markup_in_bodies_is_sanitized() -> None:
    """An HTML body loses its script; the sanitized markup is what the model holds."""
    doc = {
        "uri": "urn:x",
        "headlines": [{"value": "H"}],
        "bodies": [{"contentType": "text/html", "value": "<p>Hi<script>x()</script></p>"}],
    }
    assert sanitize_html("<p>Hi</p>") == read_ninjs(doc).body


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ('{"headlines": []}', "$.uri"),
        ('{"uri": "urn:x", "headlines": [{"value": 5}]}', "$.headlines[0].value"),
        ('{"uri": "urn:x", "headlines": "Hi"}', "$.headlines"),
        ('{"uri": "urn:x", "versionCreated": "not a date"}', "$.versionCreated"),
        ('{"uri": "urn:x", "language": "not a language"}', "$.language"),
        ('{"uri": "urn:x", "uri": "urn:y"}', "$.uri"),
        ('{"uri": NaN}', "$"),
        ("[1]", "$[0]"),
    ],
)
def test_bad_input_is_an_error_with_its_path(data: str, path: str) -> None:
    """Wrong types, unreadable values, NaN, duplicate keys and deep nesting name their place."""
    reader = read_ninjs_collection if data.startswith("[") else read_ninjs
    with pytest.raises(JSONParseError) as caught:
        reader(data)
    assert path in [where for where, _ in caught.value.problems]


def test_absurd_nesting_is_refused() -> None:
    """A document nested deeper than the limit is an error saying so, not a RecursionError."""
    with pytest.raises(JSONParseError, match="nested more than 64 levels"):
        read_ninjs('{"uri": "urn:x", "x": ' + "[" * 100 + "]" * 100 + "}")


def test_version_2_0_is_read_but_not_written() -> None:
    """Writing ninjs 2.0 is refused (its schema cannot hold people's contacts); 2.x is 2.2."""
    brief = Brief(headline="H", id="urn:x:1")
    with pytest.raises(RenderError, match=r"unknown ninjs version '2\.0'"):
        to_ninjs(brief, version="2.0")
    assert "2.2" == to_ninjs(brief, version="2.x")["standard"]["version"]
