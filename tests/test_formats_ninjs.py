"""IPTC ninjs 2.x and 3.x: the official schemas, validation suite and examples, the corpus,
round trips.

Every document the writer makes here is checked against the official schema of its version
WITH format checks (``uri``, ``date-time``); GeoJSON, which the schemas reference by URL,
comes from the package's copy, so nothing touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from referencing import Registry, Resource

from newsitem import (
    Author,
    AuthorKind,
    Brief,
    Image,
    JSONParseError,
    Page,
    ReadingTime,
    RenderError,
    UnknownFormatError,
    VideoTeaser,
    from_json,
)
from newsitem._iri import iri_to_uri, is_absolute_uri
from newsitem.formats._ninjs_schemas import GEOJSON_ID, SCHEMA_FILES, Conformance
from newsitem.formats.ninjs import detect_ninjs_version, read_ninjs, read_ninjs_collection, to_ninjs
from newsitem.parse import parse_html
from newsitem.sanitize import sanitize_html

from .conftest import SHARED, missing
from .strategies import briefs

NINJS = SHARED / "ninjs"
PACKAGE_SCHEMAS = Path(__file__).parents[1] / "src" / "newsitem" / "schemas"
WRITTEN = ("2.1", "2.2", "3.0", "3.1")
_MISSING = f"the official ninjs material is not at {NINJS} (set NEWSITEM_SHARED)"


def _files(*patterns: str) -> list[Any]:
    """Paths under the shared ninjs folder, or one skipped parameter when it is absent."""
    if not NINJS.is_dir():
        return [pytest.param(None, id="shared-missing", marks=pytest.mark.shared)]
    found = {str(p.relative_to(NINJS)) for pattern in patterns for p in NINJS.glob(pattern)}
    # extension-schema.json is a JSON Schema, not a ninjs document.
    return sorted(name for name in found if not name.endswith("extension-schema.json"))


EXAMPLES = _files(
    "examples/*/*.json", "examples/*/*/*.json", "documentation/includes/examples/*/*.json"
)
SUITE = _files("validation/test_suite/*/should_*/*.json")
# The 2.x_dev folder tests IPTC's development draft; these use its `advices`, which no
# released schema has, so reading them as released 2.x refuses them.
DRAFT_ONLY = {
    "validation/test_suite/2.x_dev/should_pass/001_advice_simple.json",
    "validation/test_suite/2.x_dev/should_pass/002_advice_complex.json",
    "validation/test_suite/2.x_dev/should_pass/003_advice_anyvalue.json",
}


@pytest.fixture(scope="session")
def ninjs_dir() -> Path:
    """The shared official ninjs material (schemas, validation suite, examples)."""
    if not NINJS.is_dir():
        missing(_MISSING)
    return NINJS


@pytest.fixture(scope="session")
def validators(ninjs_dir: Path) -> dict[str, jsonschema.protocols.Validator]:
    """A format-checking validator per ninjs version, from the shared official schemas."""
    geojson = json.loads((PACKAGE_SCHEMAS / "geojson.schema.json").read_text())
    registry: Registry[Any] = Registry().with_resource(GEOJSON_ID, Resource.from_contents(geojson))
    out = {}
    for version, file in SCHEMA_FILES.items():
        schema = json.loads((ninjs_dir / "specification" / file).read_text())
        cls = jsonschema.validators.validator_for(schema)
        out[version] = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    return out


def _invalid(
    validators: dict[str, jsonschema.protocols.Validator], version: str, doc: Any
) -> list[str]:
    """What the official schema of ``version``, with format checks, says is wrong."""
    return [f"{e.json_path}: {e.message[:200]}" for e in validators[version].iter_errors(doc)]


class Losses(list[tuple[str, str]]):
    """An ``on_loss`` callback that keeps what it is told."""

    def __call__(self, path: str, message: str) -> None:
        self.append((path, message))

    def paths(self) -> set[str]:
        """The paths told."""
        return {path for path, _ in self}


def _load(ninjs_dir: Path, name: str) -> Any:
    return json.loads((ninjs_dir / name).read_text())


# --- the schemas ---------------------------------------------------------------------------


def test_format_checks_are_really_made() -> None:
    """jsonschema's uri and date-time checkers are installed, so format checks can fail."""
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    assert {"uri", "date-time"} <= set(checker.checkers)
    assert not checker.conforms("renditions-example", "uri")
    assert not checker.conforms("2024-05-02", "date-time")


@pytest.mark.parametrize("version", sorted(SCHEMA_FILES))
def test_packaged_schemas_are_the_official_ones(ninjs_dir: Path, version: str) -> None:
    """The schemas shipped in the package are byte for byte IPTC's."""
    file = SCHEMA_FILES[version]
    expected = (ninjs_dir / "specification" / file).read_bytes()
    assert expected == (PACKAGE_SCHEMAS / "ninjs" / file).read_bytes()


@pytest.mark.parametrize("name", SUITE + EXAMPLES)
def test_writer_check_agrees_with_jsonschema(
    validators: dict[str, jsonschema.protocols.Validator], ninjs_dir: Path, name: str
) -> None:
    """The writer's own schema check judges every official document as jsonschema does."""
    loaded = _load(ninjs_dir, name)
    for doc in loaded if isinstance(loaded, list) else [loaded]:
        for version in WRITTEN:
            expected = _invalid(validators, version, doc)
            actual = Conformance(version).errors(doc)
            assert bool(expected) == bool(actual), (version, expected, actual)


def test_geojson_copy_follows_rfc_7946() -> None:
    """The package's GeoJSON schema takes RFC 7946 objects and refuses broken ones."""
    check = Conformance("3.0")
    place = {"name": "Kyiv"}
    good = [
        {"type": "Point", "coordinates": [30.5, 50.45]},
        {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
        {"type": "Feature", "properties": None, "geometry": None},
        {"type": "FeatureCollection", "features": []},
        {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2]}]},
    ]
    bad = [
        {"type": "Point", "coordinates": [30.5]},
        {"type": "Point", "coordinates": ["dog", "cat"]},
        {"type": "LineString", "coordinates": [[0, 0]]},
        {"type": "Foo", "coordinates": [1, 2]},
        {"coordinates": [1, 2]},
    ]
    for shape in good:
        assert [] == check.property_errors("places", [{**place, "geoJSON": shape}])
    for shape in bad:
        assert check.property_errors("places", [{**place, "geoJSON": shape}])


# --- the official validation suite ---------------------------------------------------------


def _folder_version(name: str) -> str:
    return name.split("/")[2].replace("_", "-")


@pytest.mark.parametrize("name", SUITE)
def test_strict_reading_follows_the_official_suite(ninjs_dir: Path, name: str) -> None:
    """Read strictly in its folder's version, a should-fail document is refused with the
    schema's complaint, a should-pass one is read."""
    text = (ninjs_dir / name).read_text()
    if "/should_fail/" in name:
        with pytest.raises(JSONParseError, match="not valid ninjs") as caught:
            read_ninjs(text, strict=True, version=_folder_version(name))
        assert caught.value.problems
    else:
        assert isinstance(read_ninjs(text, strict=True, version=_folder_version(name)), Brief)


@pytest.mark.parametrize("name", SUITE)
def test_strict_reading_detects_the_version(ninjs_dir: Path, name: str) -> None:
    """Without a version, strict reading picks the schema from the document itself (declared
    standard, key spelling; undeclared 2.x is 2.2 and 3.x is 3.1) and judges as the suite."""
    text = (ninjs_dir / name).read_text()
    if "/should_fail/" in name or name in DRAFT_ONLY:
        with pytest.raises(JSONParseError, match="not valid ninjs"):
            read_ninjs(text, strict=True)
    else:
        assert isinstance(read_ninjs(text, strict=True), Brief)


@pytest.mark.parametrize("name", SUITE)
def test_leniently_read_documents_are_written_valid(
    validators: dict[str, jsonschema.protocols.Validator], ninjs_dir: Path, name: str
) -> None:
    """What lenient reading takes from any suite document is written back valid in its
    version, with format checks; from a should-fail document something is told as lost."""
    try:
        brief = read_ninjs((ninjs_dir / name).read_text())
    except JSONParseError:
        assert "/should_fail/" in name
        return
    version = {"2.0": "2.2", "2.x-dev": "2.2"}.get(_folder_version(name), _folder_version(name))
    losses = Losses()
    doc = to_ninjs(brief, version=version, on_loss=losses)
    assert [] == _invalid(validators, version, doc)
    if "/should_fail/" in name:
        assert losses


def test_invalid_urgency_is_not_written() -> None:
    """`urgency: 0.1` read leniently from a broken 3.x document is left out and told."""
    brief = read_ninjs('{"uri": "urn:x:1", "urgency": 0.1}')
    losses = Losses()
    doc = to_ninjs(brief, version="3.0", on_loss=losses)
    assert "urgency" not in doc
    assert {"$.extensions['ninjs:urgency']"} == losses.paths()
    assert 3 == to_ninjs(read_ninjs('{"uri": "urn:x:1", "urgency": 3}'))["urgency"]


def test_strict_reading_names_the_place() -> None:
    """A strict refusal lists the schema's complaints with their JSONPaths."""
    with pytest.raises(JSONParseError) as caught:
        read_ninjs('{"uri": "urn:x", "urgency": 0.1, "random": 1}', strict=True)
    assert "not valid ninjs 3.1" == caught.value.summary
    paths = [path for path, _ in caught.value.problems]
    assert "$.urgency" in paths
    assert "$" in paths  # the unknown top-level property


def test_strict_reading_of_an_unknown_version_is_refused() -> None:
    """A version with no schema is an UnknownFormatError listing the known ones."""
    with pytest.raises(UnknownFormatError, match=r"known: .*2\.0.*3\.1"):
        read_ninjs('{"uri": "urn:x"}', strict=True, version="1.2")


def test_strict_reading_needs_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without jsonschema, strict reading says how to install it."""
    monkeypatch.setitem(__import__("sys").modules, "jsonschema", None)
    with pytest.raises(ImportError, match=r"newsitem\[schema\]"):
        read_ninjs('{"uri": "urn:x"}', strict=True)


def test_strict_collections_name_the_document(ninjs_dir: Path) -> None:
    """Strict reading of a collection refuses IPTC's invalid timeline sample, by index."""
    text = (ninjs_dir / "examples/3.0/collection/20231016-event-timeline-sample.json").read_text()
    assert read_ninjs_collection(text)
    with pytest.raises(JSONParseError) as caught:
        read_ninjs_collection(text, strict=True)
    assert caught.value.problems[0][0].startswith("$[0]")


# --- the official examples -----------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_official_example_round_trips(
    validators: dict[str, jsonschema.protocols.Validator], ninjs_dir: Path, name: str
) -> None:
    """Each IPTC example reads and is written back valid in its own version: the same JSON
    when the example is valid, with format checks; else without what breaks, told as lost."""
    loaded = _load(ninjs_dir, name)
    docs = loaded if isinstance(loaded, list) else [loaded]
    version = detect_ninjs_version(docs[0])
    written = {"2.x": "2.2", "3.x": "3.1"}.get(version, version)
    for doc in docs:
        losses = Losses()
        actual = to_ninjs(read_ninjs(doc), version=version, on_loss=losses)
        assert [] == _invalid(validators, written, actual)
        if _invalid(validators, written, doc):
            assert losses
        else:
            assert doc == actual
            assert [] == losses


@pytest.mark.parametrize("name", [n for n in EXAMPLES if not isinstance(n, str) or "/3." in n])
def test_version_3_examples_are_written_as_2_2(
    validators: dict[str, jsonschema.protocols.Validator], ninjs_dir: Path, name: str
) -> None:
    """3.x examples written as 2.2 are valid 2.2; 3.x-only properties are told as lost."""
    loaded = _load(ninjs_dir, name)
    for doc in loaded if isinstance(loaded, list) else [loaded]:
        losses = Losses()
        actual = to_ninjs(read_ninjs(doc), version="2.2", on_loss=losses)
        assert [] == _invalid(validators, "2.2", actual)
        if "eventDetails" in doc:
            assert "$.extensions['ninjs:eventdetails']" in losses.paths()


def test_digital_source_type_is_kept_where_the_version_has_it(ninjs_dir: Path) -> None:
    """digitalSourceType (3.1) is written in 3.1 and 2.2, left out of 3.0 and told."""
    name = "validation/test_suite/3.1/should_pass/001_good_digital_source.json"
    brief = read_ninjs((ninjs_dir / name).read_text())
    assert "digitalSourceType" in to_ninjs(brief, version="3.1")
    assert "digitalsourcetype" in to_ninjs(brief, version="2.2")
    losses = Losses()
    assert "digitalSourceType" not in to_ninjs(brief, version="3.0", on_loss=losses)
    assert {"$.extensions['ninjs:digitalsourcetype']"} == losses.paths()


def test_example_fields_land_in_the_model(ninjs_dir: Path) -> None:
    """The complex 3.1 text article's headline, uri, date, language and byline are model fields."""
    path = ninjs_dir / "documentation/includes/examples/3.1/005_complex_text_article.json"
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


def test_lowercase_keys_read_as_version_2(ninjs_dir: Path) -> None:
    """A 2.x document (lowercase keys) is detected as 2.x and its dates land in the model."""
    doc = _load(ninjs_dir, "examples/2.1/ninjsExSimpleText_2.json")
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
def test_broken_associations_are_refused_with_their_path(ninjs_dir: Path, name: str) -> None:
    """Even leniently, an association without name or uri is an error naming it."""
    text = (ninjs_dir / "validation/test_suite" / name).read_text()
    with pytest.raises(JSONParseError) as caught:
        read_ninjs(text)
    assert REJECTED[name] == caught.value.problems[0][0]


# --- the corpus ----------------------------------------------------------------------------


def _corpus_sample(step: int) -> list[Any]:
    """Every ``step``-th page of the four corpora, with the URL it is read at."""
    root = SHARED / "corpora"
    if not root.is_dir():
        return [pytest.param(None, None, id="shared-missing", marks=pytest.mark.shared)]
    pages: list[tuple[Path, str | None]] = [
        (p, "http://fakehost/test/page.html")
        for p in sorted((root / "mozilla-readability/test/test-pages").glob("*/source.html"))
    ]
    pages += [(p, None) for p in sorted((root / "newspaper4k/tests/data/html").glob("*.html"))]
    pages += [(p, None) for p in sorted((root / "trafilatura/tests").glob("*/*.html"))]
    labels = json.loads((root / "fundus/labels.json").read_text())
    for path in sorted((root / "fundus/html").glob("*")):
        label = labels.get(path.stem.replace("__", "/", 1)) or {}
        pages.append((path, label.get("url") if isinstance(label, dict) else None))
    return [pytest.param(path, url, id=str(path.relative_to(root))) for path, url in pages[::step]]


@pytest.mark.parametrize(("path", "url"), _corpus_sample(12))
def test_corpus_pages_are_written_valid(
    validators: dict[str, jsonschema.protocols.Validator], path: Path, url: str | None
) -> None:
    """A sample of real pages, written as ninjs 3.0, 3.1 and 2.2, is valid with format
    checks; what the page has that ninjs cannot hold is told, never written."""
    page = parse_html(path.read_bytes(), url=url)
    if page.brief is None or (page.brief.id is None and page.brief.url is None):
        pytest.skip("no brief with an id or url: nothing to write")
    for version in ("3.0", "3.1", "2.2"):
        doc = to_ninjs(page, version=version, on_loss=Losses())
        assert [] == _invalid(validators, version, doc)


# --- values: URIs, dates, ids --------------------------------------------------------------


def test_iris_are_written_as_uris() -> None:
    """Non-ASCII URLs are percent-encoded (path, query) and IDNA-encoded (host)."""
    url = "https://bücher.de/straße?q=ü"
    doc = to_ninjs(Brief(headline="H", url=url))
    expected = "https://xn--bcher-kva.de/stra%C3%9Fe?q=%C3%BC"
    assert expected == doc["uri"]
    assert expected == doc["renditions"][0]["href"]
    assert expected == read_ninjs(doc).url


def test_an_id_that_is_no_uri_round_trips() -> None:
    """An id that is not a URI is written as a URN of newsitem's and read back as it was."""
    for id_ in ("abc 123", "renditions-example", "urn:newsitem:id:x"):
        doc = to_ninjs(Brief(headline="H", id=id_))
        assert is_absolute_uri(doc["uri"])
        assert id_ == read_ninjs(doc).id


@pytest.mark.parametrize("version", WRITTEN)
def test_a_date_alone_is_kept_as_an_alternative_id(
    validators: dict[str, jsonschema.protocols.Validator], version: str
) -> None:
    """A date without a time is not put in a date-time property: it is kept, with its
    role, among the alternative ids, and read back."""
    video = VideoTeaser(
        url="https://v.example/1", provider="youtube", video_id="1", published=date(2024, 5, 1)
    )
    brief = Brief(
        headline="H",
        id="urn:x:1",
        published=date(2024, 5, 2),
        modified=datetime(2024, 5, 3, 10, tzinfo=UTC),
        videos=(video,),
    )
    doc = to_ninjs(brief, version=version)
    assert [] == _invalid(validators, version, doc)
    first, alt_ids = ("firstCreated", "altIds") if version[0] == "3" else ("firstcreated", "altids")
    assert first not in doc
    assert [{"role": "newsitem:firstCreated", "value": "2024-05-02"}] == doc[alt_ids]
    assert brief == read_ninjs(doc)


def test_offsets_with_seconds_are_written_in_utc() -> None:
    """RFC 3339 offsets have no seconds: such a datetime is written as the same instant in UTC."""
    zone = timezone(timedelta(hours=1, seconds=30))
    brief = Brief(headline="H", id="urn:x:1", published=datetime(2024, 5, 2, 12, tzinfo=zone))
    doc = to_ninjs(brief)
    assert "2024-05-02T10:59:30Z" == doc["firstCreated"]
    assert brief == read_ninjs(doc)


# --- losses --------------------------------------------------------------------------------


def test_what_ninjs_cannot_hold_is_told() -> None:
    """Fields and extensions ninjs has no place for are told, each with its path."""
    brief = Brief(
        headline="H",
        id="urn:x:1",
        reading_time=ReadingTime(minutes=3),
        authors=(Author(name="A", bio=sanitize_html("<b>bio</b>"), extensions={"x:y": 1}),),
        images=(Image(url="https://img.example/1.jpg", extensions={"schema:z": 2}),),
        extensions={"x-acme:slot": "top", "ninjs:urgency": 3, "ninjs:nosuch": 1},
    )
    losses = Losses()
    doc = to_ninjs(brief, on_loss=losses)
    assert 3 == doc["urgency"]
    expected = {
        "$.reading_time",
        "$.authors[0].bio",
        "$.authors[0].extensions['x:y']",
        "$.images[0].extensions['schema:z']",
        "$.extensions['x-acme:slot']",
        "$.extensions['ninjs:nosuch']",
    }
    assert expected == losses.paths()


def test_a_page_is_written_as_its_brief_and_says_so() -> None:
    """A page's own fields are told as lost, with paths into the page, unless its brief
    holds the same (a page's url and language usually are the brief's)."""
    brief = Brief(headline="H", id="urn:x:1", reading_time=ReadingTime(minutes=1))
    losses = Losses()
    page = Page(url="https://example.com/", language="en", title="T", brief=brief)
    to_ninjs(page, on_loss=losses)
    assert {"$.url", "$.language", "$.title", "$.brief.reading_time"} == losses.paths()
    losses.clear()
    brief = attrs.evolve(brief, url="https://example.com/", language="en")
    to_ninjs(attrs.evolve(page, brief=brief), on_loss=losses)
    assert {"$.title", "$.brief.reading_time"} == losses.paths()


def test_a_declared_version_other_than_the_written_one_is_not_kept(ninjs_dir: Path) -> None:
    """A kept `standard` that declares another version gives way to the true one."""
    doc = _load(
        ninjs_dir, "validation/test_suite/2.x_dev/should_pass/004_standard_declaration.json"
    )
    losses = Losses()
    written = to_ninjs(read_ninjs(doc), version="3.1", on_loss=losses)
    assert "3.1" == written["standard"]["version"]
    assert {"$.extensions['ninjs:standard']"} == losses.paths()


# --- round trips ---------------------------------------------------------------------------

_letters = st.characters(whitelist_categories=("L",), min_codepoint=0xA0)
iris = st.builds(
    lambda host, segment, query: f"https://{host}/{segment}?q={query}",
    st.sampled_from(["bücher.de", "пример.укр", "例え.jp", "example.com"]),
    st.text(_letters, min_size=1, max_size=8),
    st.text(_letters, min_size=1, max_size=8),
)


def _uri(url: str | None) -> str | None:
    return None if url is None else iri_to_uri(url)


def _image(image: Image | None) -> Image | None:
    if image is None:
        return None
    return attrs.evolve(image, url=iri_to_uri(image.url), extensions={})


def _id(brief: Brief) -> str | None:
    """The id as ninjs holds it: a URI as a URI, anything else as it was."""
    if brief.id is None:
        return None
    as_uri = iri_to_uri(brief.id)
    if is_absolute_uri(as_uri) and not as_uri.startswith("urn:newsitem:id:"):
        return None if as_uri == _uri(brief.url) else as_uri
    return brief.id


def _project(brief: Brief) -> Brief:
    """The brief as far as ninjs holds it (docs/formats.md lists what it cannot hold)."""
    persons = [a for a in brief.authors if a.kind is AuthorKind.PERSON]
    organisations = [a for a in brief.authors if a.kind is AuthorKind.ORGANIZATION]
    return attrs.evolve(
        brief,
        id=_id(brief),
        url=_uri(brief.url),
        reading_time=None,
        extensions={},
        authors=tuple(
            Author(name=a.name, kind=a.kind, url=_uri(a.url), email=a.email, same_as=a.same_as)
            for a in persons + organisations
        ),
        images=tuple(_image(i) for i in brief.images),
        attributions=tuple(
            attrs.evolve(s, url=_uri(s.url), date=None, date_text=None, text=None)
            for s in brief.attributions
        ),
        videos=tuple(
            attrs.evolve(
                v,
                url=_uri(v.url),
                embed_url=_uri(v.embed_url),
                content_url=_uri(v.content_url),
                extensions={},
                thumbnail=_image(v.thumbnail),
            )
            for v in brief.videos
        ),
        related=tuple(
            attrs.evolve(
                b,
                see_all=b.see_all and attrs.evolve(b.see_all, url=iri_to_uri(b.see_all.url)),
                extensions={},
                items=tuple(
                    attrs.evolve(i, url=_uri(i.url), extensions={}, image=_image(i.image))
                    for i in b.items
                ),
            )
            for b in brief.related
        ),
    )


@given(briefs, st.none() | iris, st.sampled_from(WRITTEN))
def test_written_documents_validate_and_read_back(
    validators: dict[str, jsonschema.protocols.Validator],
    brief: Brief,
    iri: str | None,
    version: str,
) -> None:
    """model -> ninjs (2.1, 2.2, 3.0, 3.1) -> model keeps what ninjs holds; the output
    validates with format checks; every extension not written is told."""
    if iri is not None:
        brief = attrs.evolve(brief, url=iri)
    assume(brief.id is not None or brief.url is not None)
    losses = Losses()
    doc = to_ninjs(brief, version=version, on_loss=losses)
    assert [] == _invalid(validators, version, doc)
    assert _project(brief) == _project(read_ninjs(json.dumps(doc)))
    for key in brief.extensions:
        if key != "ninjs:omit" and f"$.extensions[{key!r}]" not in losses.paths():
            name = key.partition(":")[2]
            assert {name, name.lower()} & {k.lower() for k in doc}, key


@given(st.text(min_size=1).filter(str.strip))
def test_iri_to_uri_gives_uris_that_decode_to_the_iri(path: str) -> None:
    """Any path written under an http host becomes a valid URI that decodes back to it."""
    uri = iri_to_uri(f"http://example.com/{path}")
    assert is_absolute_uri(uri)
    assert jsonschema.Draft202012Validator.FORMAT_CHECKER.conforms(uri, "uri")
    assert uri == iri_to_uri(uri)
    if "%" not in path and "?" not in path and "#" not in path:
        assert f"http://example.com/{path}" == unquote(uri)


def test_seed_page_validates_against_every_schema(
    validators: dict[str, jsonschema.protocols.Validator],
) -> None:
    """The seed page's brief, written as ninjs 2.x and 3.x, validates with format checks."""
    page = from_json(
        (Path(__file__).parents[1] / "src/newsitem/examples/seed-page.json").read_text()
    )
    assert isinstance(page, Page)
    for version in WRITTEN:
        doc = to_ninjs(page, version=version)
        assert [] == _invalid(validators, version, doc)
        expected = (
            "WSJ: China’s leader Xi deepening economic ties with Putin’s Russia "
            "despite public distance"
        )
        assert expected == doc["headlines"][0]["value"]
        assert "The Kyiv Independent news desk" == doc["by"]


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
    reader: Callable[[str], Any] = read_ninjs_collection if data.startswith("[") else read_ninjs
    with pytest.raises(JSONParseError) as caught:
        reader(data)
    assert path in [where for where, _ in caught.value.problems]


def test_absurd_nesting_is_refused() -> None:
    """A document nested deeper than the limit is an error saying so, not a RecursionError."""
    with pytest.raises(JSONParseError, match="nested more than 64 levels"):
        read_ninjs('{"uri": "urn:x", "x": ' + "[" * 100 + "]" * 100 + "}")


def test_version_2_0_is_read_but_not_written() -> None:
    """Writing ninjs 2.0 is refused (its schema cannot hold people's contacts); 2.x is 2.2,
    3.x is 3.1."""
    brief = Brief(headline="H", id="urn:x:1")
    with pytest.raises(RenderError, match=r"unknown ninjs version '2\.0'"):
        to_ninjs(brief, version="2.0")
    assert "2.2" == to_ninjs(brief, version="2.x")["standard"]["version"]
    assert "3.1" == to_ninjs(brief, version="3.x")["standard"]["version"]
