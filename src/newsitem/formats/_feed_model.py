"""The :class:`Feed` model: a feed's metadata and items, as the feed readers give them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from newsitem._frozen import FrozenMapping
from newsitem._language import is_language_tag
from newsitem.errors import ValidationError
from newsitem.models import Author, Brief, JSONValue, is_http_url

__all__ = ["Feed"]


def _check_text(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError(f"Feed.{attribute.name}", f"expected non-blank str, got {value!r}")


def _check_url(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not is_http_url(value)):
        raise ValidationError(
            f"Feed.{attribute.name}", f"expected an absolute http(s) URL, got {value!r}"
        )


def _check_language(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not is_language_tag(value)):
        raise ValidationError("Feed.language", f"expected a BCP 47 tag, got {value!r}")


def _tuple_of(cls: type) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, cls) for v in value):
            raise ValidationError(f"Feed.{attribute.name}", f"expected a tuple of {cls.__name__}")

    return check


def _freeze(value: Mapping[str, JSONValue]) -> Mapping[str, JSONValue]:
    return FrozenMapping(value)


@attrs.frozen(kw_only=True)
class Feed:
    """A feed (JSON Feed, RSS, Atom): what it says about itself, and its items.

    Args:
        title: The feed's title.
        home_page_url: The site the feed belongs to.
        feed_url: Where the feed itself is.
        description: What the feed is about, as plain text.
        language: The feed's language, a BCP 47 tag.
        icon: A large image for the feed (URL).
        favicon: A small image for the feed (URL).
        authors: The feed's authors.
        items: The entries, each a brief, in feed order.
        extensions: Fields of the feed format with no home here, namespaced
            (``"jsonfeed:next_url"``, ``"rss:ttl"``).
    """

    title: str | None = attrs.field(default=None, validator=_check_text)
    home_page_url: str | None = attrs.field(default=None, validator=_check_url)
    feed_url: str | None = attrs.field(default=None, validator=_check_url)
    description: str | None = attrs.field(default=None, validator=_check_text)
    language: str | None = attrs.field(default=None, validator=_check_language)
    icon: str | None = attrs.field(default=None, validator=_check_url)
    favicon: str | None = attrs.field(default=None, validator=_check_url)
    authors: tuple[Author, ...] = attrs.field(default=(), validator=_tuple_of(Author))
    items: tuple[Brief, ...] = attrs.field(default=(), validator=_tuple_of(Brief))
    extensions: Mapping[str, JSONValue] = attrs.field(factory=dict, converter=_freeze, hash=False)
