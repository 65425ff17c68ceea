"""The render registry: one entry point, formats by name, extension without forking."""

from __future__ import annotations

import json

import pytest

from newsitem import Author, Brief, Page, RenderError, UnknownFormatError, from_json
from newsitem.render import (
    ForeignJSONRenderer,
    HTMLRenderer,
    RenderRegistry,
    TextRenderer,
    default_registry,
    render,
    render_html,
    render_json,
    render_text,
)


def test_default_registry_names_every_builtin_format() -> None:
    """The default registry knows html, text, native json and the three foreign formats."""
    assert ("html", "json", "jsonfeed", "jsonld", "ninjs", "text") == default_registry().names()


def test_unknown_format_lists_the_known_ones() -> None:
    """An unknown format name raises UnknownFormatError naming it and every known name."""
    with pytest.raises(UnknownFormatError) as info:
        render(Author(name="Jane Doe"), "yaml")
    assert "yaml" == info.value.name
    assert ("html", "json", "jsonfeed", "jsonld", "ninjs", "text") == info.value.known
    assert "unknown render format 'yaml'; known: html, json, jsonfeed" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_render_dispatches_to_the_shortcuts(seed_page: Page) -> None:
    """render(obj, name) gives what the shortcut of that format gives."""
    assert render_html(seed_page) == render(seed_page, "html")
    assert render_text(seed_page, width=60) == render(seed_page, "text", width=60)
    assert render_json(seed_page, indent=2) == render(seed_page, "json", indent=2)


def test_render_json_round_trips(seed_page: Page) -> None:
    """The json format is the native converter: reading it back gives the same page."""
    assert seed_page == from_json(render(seed_page, "json"))
    assert json.loads(render_json(seed_page, indent=2))["type"] == "page"


@pytest.mark.parametrize("format_name", ["html", "text", "json"])
def test_non_models_are_refused(format_name: str) -> None:
    """Rendering something that is not a model raises RenderError naming its type."""
    with pytest.raises(RenderError, match="cannot render dict as"):
        render({"headline": "x"}, format_name)


@pytest.mark.parametrize(("format_name", "option"), [("html", "widht"), ("text", "documnet")])
def test_unknown_options_are_named(format_name: str, option: str) -> None:
    """A misspelt option raises RenderError naming it and listing the known options."""
    with pytest.raises(RenderError, match=f"unknown {format_name} option.*'{option}'; known: "):
        render(Author(name="Jane Doe"), format_name, **{option: 1})


def test_with_renderer_adds_without_touching_the_default() -> None:
    """with_renderer returns a new registry; the default registry stays as it was."""
    registry = default_registry().with_renderer("shout", lambda obj: obj.name.upper())
    assert "JANE DOE" == render(Author(name="Jane Doe"), "shout", registry=registry)
    assert "shout" not in default_registry()
    with pytest.raises(UnknownFormatError):
        render(Author(name="Jane Doe"), "shout")


def test_without_renderer_removes_a_format() -> None:
    """without_renderer returns a registry that no longer knows the format."""
    registry = default_registry().without_renderer("ninjs")
    assert "ninjs" not in registry
    assert "ninjs" in default_registry()
    with pytest.raises(UnknownFormatError, match="'ninjs'"):
        registry.without_renderer("ninjs")


def test_dotted_path_entries_import_lazily() -> None:
    """A 'module:function' entry is imported when first used, and a bad one says why."""
    registry = RenderRegistry(
        {"upper": "newsitem.render._text:clean_text", "broken": "newsitem.nothing_here:f"}
    )
    assert "ab" == registry.get("upper")("a\x00b")
    with pytest.raises(RenderError, match=r"cannot import 'newsitem\.nothing_here'"):
        registry.get("broken")


def test_registry_refuses_non_callables() -> None:
    """An entry that is neither a callable nor a dotted path is refused when made."""
    with pytest.raises(RenderError, match="expected a callable or a dotted path, got int"):
        RenderRegistry({"bad": 5})  # type: ignore[dict-item]


def test_foreign_renderer_writes_the_mapping_as_json() -> None:
    """ForeignJSONRenderer calls the mapping function lazily and writes its dict as JSON."""
    renderer = ForeignJSONRenderer("newsitem.converter.to_dict")
    expected = '{"type":"author","version":1,"name":"Jane Doe"}'
    assert expected == renderer(Author(name="Jane Doe"))


def test_one_model_type_replaced_through_the_registry(seed_page: Page) -> None:
    """A user replaces the author card alone; the brief and other blocks stay built-in."""

    def card(author: Author, context: object) -> str:
        return f'<div class="my-card">{context.escape(author.name)}</div>'  # type: ignore[attr-defined]

    registry = default_registry().with_renderer("html", HTMLRenderer().with_override(Author, card))
    html = render(seed_page, "html", registry=registry)
    assert '<div class="my-card">The Kyiv Independent news desk</div>' in html
    assert 'class="newsitem-author"' not in html
    assert 'class="newsitem-brief__headline"' in html
    assert 'class="newsitem-related__title" itemprop="name">News Feed<' in html


def test_text_override_for_one_type(seed_page: Page) -> None:
    """A text override for Brief changes the brief and leaves the blocks built-in."""
    renderer = TextRenderer().with_override(Brief, lambda brief, ctx: f"== {brief.headline}")
    text = renderer(seed_page)
    assert text.startswith("== WSJ: China’s leader Xi")
    assert "The Kyiv Independent news desk" in text


def test_overrides_must_be_for_model_types() -> None:
    """Overriding a type that is not a model is refused with the list of model types."""
    with pytest.raises(RenderError, match="cannot override <class 'int'>: expected one of"):
        HTMLRenderer(overrides={int: lambda obj, ctx: ""})


@pytest.mark.parametrize("format_name", ["jsonld", "ninjs", "jsonfeed"])
def test_foreign_formats_write_their_mapping(seed_page: Page, format_name: str) -> None:
    """Each foreign format writes exactly what its newsitem.formats mapping returns, as JSON."""
    module = pytest.importorskip(f"newsitem.formats.{format_name}")
    mapping = getattr(module, f"to_{format_name}")
    assert mapping(seed_page) == json.loads(render(seed_page, format_name, indent=2))
