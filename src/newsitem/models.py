"""The news item models.

Every model is an immutable, keyword-only :mod:`attrs` class whose collections are tuples.
Fields that hold markup hold :class:`~newsitem.SafeHTML`, which only the sanitizer makes;
every other string is plain text that renderers escape.

The parts of a news page and their homes:

=======================================  ==============================================
on the page                              in the models
=======================================  ==============================================
the page as a whole                      :class:`Page` (URL, site name, language)
one news item: label, headline, body     :class:`Brief`
"1 min read"                             :class:`ReadingTime` in ``Brief.reading_time``
"the Wall Street Journal reported ..."   :class:`SourceAttribution` in ``Brief.attributions``
byline, author card ("Read more")        :class:`Author` (a person or an organization)
"News Feed", "Related", "More from ..."  :class:`RelatedBlock` holding :class:`RelatedItem`
a video teaser ("Video", "Show More")    :class:`VideoTeaser`
pictures, avatars, thumbnails            :class:`Image`
=======================================  ==============================================

Validators guard invariants (a brief has a headline, URLs are absolute http(s), durations
are positive, datetimes carry a zone); they never clean or rewrite a value. A broken
invariant raises :class:`~newsitem.errors.ValidationError` naming the field.

>>> from newsitem import Brief
>>> Brief(headline="Xi deepens economic ties with Russia", label="News Feed").label
'News Feed'
>>> Brief(headline="  ")
Traceback (most recent call last):
...
newsitem.errors.ValidationError: Brief.headline: must not be blank
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias, TypeVar
from urllib.parse import urlsplit

import attrs

from newsitem._frozen import FrozenMapping
from newsitem._language import is_language_tag
from newsitem._markup import SafeHTML
from newsitem.errors import ValidationError

__all__ = [
    "Author",
    "AuthorKind",
    "Block",
    "Brief",
    "BriefKind",
    "DateValue",
    "Image",
    "JSONValue",
    "Link",
    "Model",
    "Page",
    "ReadingTime",
    "RelatedBlock",
    "RelatedItem",
    "SourceAttribution",
    "VideoTeaser",
]

#: A value that JSON can hold; the values of ``extensions`` mappings.
JSONValue: TypeAlias = "bool | int | float | str | list[JSONValue] | dict[str, JSONValue] | None"

#: A calendar date, or a timezone-aware moment. A date-only value never becomes midnight.
DateValue: TypeAlias = date | datetime

_T = TypeVar("_T")
_Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# Extension keys are namespaced: "ninjs:copyrightnotice", "schema:wordCount", "x-acme:slot".
_EXTENSION_KEY = re.compile(r"[a-z][a-z0-9_.-]*:\S.*", re.DOTALL)
_PROVIDER = re.compile(r"[a-z0-9][a-z0-9_.-]*")
# White space (Unicode's, as str.isspace sees it) and control characters never stand in a URL.
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f]")
# An http(s) URL whose host is plain (no user, port or IP literal): one urlsplit accepts.
_PLAIN_HTTP_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(?:[/?#]|\Z)")


class AuthorKind(enum.StrEnum):
    """Whether an author is a person or an organization ("news desk", "Reuters")."""

    PERSON = "person"
    ORGANIZATION = "organization"


class BriefKind(enum.StrEnum):
    """The genre of a news item, as schema.org types tell them apart."""

    NEWS = "news"
    REPORTAGE = "reportage"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    REVIEW = "review"
    LIVE_BLOG = "live_blog"
    BLOG = "blog"
    ARTICLE = "article"


# --- validators: each names the class and field it guards --------------------------------


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _type_name(value: object) -> str:
    return type(value).__name__


def _instance_of(*types: type) -> _Validator:
    expected = " or ".join(t.__name__ for t in types)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        bad_bool = isinstance(value, bool) and bool not in types
        if bad_bool or not isinstance(value, types):
            raise ValidationError(
                _where(instance, attribute), f"expected {expected}, got {_type_name(value)}"
            )

    return check


def _optional(validator: _Validator) -> _Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _instance_of(str)(instance, attribute, value)
    if isinstance(value, SafeHTML):
        raise ValidationError(_where(instance, attribute), "holds plain text; got SafeHTML markup")
    assert isinstance(value, str)
    if not value.strip():
        raise ValidationError(_where(instance, attribute), "must not be blank")


def _markup(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, SafeHTML):
        raise ValidationError(
            _where(instance, attribute),
            f"expected SafeHTML (use newsitem.sanitize_html), got {_type_name(value)}",
        )


def _url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _instance_of(str)(instance, attribute, value)
    assert isinstance(value, str)
    if not is_http_url(value):
        raise ValidationError(
            _where(instance, attribute), f"expected an absolute http(s) URL, got {value!r}"
        )


def _positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _instance_of(int)(instance, attribute, value)
    assert isinstance(value, int)
    if value <= 0:
        raise ValidationError(_where(instance, attribute), f"must be positive, got {value}")


def _date_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _instance_of(date)(instance, attribute, value)
    if isinstance(value, datetime) and value.utcoffset() is None:
        raise ValidationError(
            _where(instance, attribute), "datetime must be timezone-aware, got a naive one"
        )


def _duration(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _instance_of(timedelta)(instance, attribute, value)
    assert isinstance(value, timedelta)
    if value <= timedelta(0):
        raise ValidationError(_where(instance, attribute), f"must be positive, got {value}")


def _language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _instance_of(str)(instance, attribute, value)
    assert isinstance(value, str)
    if not is_language_tag(value):
        raise ValidationError(
            _where(instance, attribute),
            f"expected a BCP 47 tag in canonical case such as 'en-US', got {value!r}",
        )


def _provider(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _instance_of(str)(instance, attribute, value)
    assert isinstance(value, str)
    if not _PROVIDER.fullmatch(value):
        raise ValidationError(
            _where(instance, attribute), f"expected a lowercase provider name, got {value!r}"
        )


def _tuple_of(item: _Validator) -> _Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise ValidationError(
                _where(instance, attribute), f"expected tuple, got {_type_name(value)}"
            )
        for index, element in enumerate(value):
            try:
                item(instance, attribute, element)
            except ValidationError as exc:
                raise ValidationError(f"{exc.path}[{index}]", exc.message) from None

    return check


def _check_json_value(value: object, path: str, depth: int = 0) -> None:
    if depth > 64:
        raise ValidationError(path, "nested too deeply (more than 64 levels)")
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(path, f"JSON holds finite numbers only, got {value}")
        return
    if isinstance(value, list | tuple):
        for index, element in enumerate(value):
            _check_json_value(element, f"{path}[{index}]", depth + 1)
        return
    if isinstance(value, Mapping):
        for key, element in value.items():
            if not isinstance(key, str):
                raise ValidationError(path, f"JSON object keys are str, got {_type_name(key)}")
            _check_json_value(element, f"{path}[{key!r}]", depth + 1)
        return
    raise ValidationError(path, f"expected a JSON value, got {_type_name(value)}")


def _extensions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    where = _where(instance, attribute)
    if not isinstance(value, Mapping):
        raise ValidationError(where, f"expected a mapping, got {_type_name(value)}")
    for key, element in value.items():
        if not isinstance(key, str) or not _EXTENSION_KEY.fullmatch(key):
            raise ValidationError(where, f"keys are namespaced like 'ninjs:version', got {key!r}")
        _check_json_value(element, f"{where}[{key!r}]")


def _freeze_extensions(value: Mapping[str, JSONValue]) -> Mapping[str, JSONValue]:
    if isinstance(value, FrozenMapping):
        return value
    if not isinstance(value, Mapping):
        return value  # the validator reports it
    return FrozenMapping(value)


def _empty_extensions() -> Mapping[str, JSONValue]:
    return FrozenMapping()


def is_http_url(value: str) -> bool:
    """Tell whether ``value`` is an absolute ``http`` or ``https`` URL with a host.

    >>> is_http_url("https://kyivindependent.com/news-feed/"), is_http_url("/news-feed/")
    (True, False)
    """
    if not value or _NOT_IN_URL.search(value):
        return False
    if _PLAIN_HTTP_URL.match(value):  # most URLs: no need to split them
        return True
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _extensions_field() -> Any:
    return attrs.field(
        factory=_empty_extensions,
        converter=_freeze_extensions,
        validator=_extensions,
        hash=False,
        metadata={"doc": "fields from foreign formats, namespaced ('ninjs:...')"},
    )


def _markup_field(policy: str) -> Any:
    return attrs.field(default=None, validator=_optional(_markup), metadata={"policy": policy})


# --- the models -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Image:
    """A picture: a lead image, an avatar, a thumbnail.

    Attributes:
        url: Where the image file is (absolute http(s)).
        alt: The text alternative; ``""`` marks a decorative image, ``None`` an unknown one.
        caption: The caption as plain text.
        credit: Who made or owns it ("Photo: Reuters").
        width: Width in pixels.
        height: Height in pixels.
        extensions: Fields from foreign formats, namespaced.
    """

    url: str = attrs.field(validator=_url)
    alt: str | None = attrs.field(default=None, validator=_optional(_instance_of(str)))
    caption: str | None = attrs.field(default=None, validator=_optional(_text))
    credit: str | None = attrs.field(default=None, validator=_optional(_text))
    width: int | None = attrs.field(default=None, validator=_optional(_positive_int))
    height: int | None = attrs.field(default=None, validator=_optional(_positive_int))
    extensions: Mapping[str, JSONValue] = _extensions_field()

    def __html__(self) -> str:
        """Render as an HTML card, so Jinja2, Django and MarkupSafe insert the model as is."""
        from newsitem.render import model_html  # lazy: models sit below renderers

        return model_html(self)


@attrs.frozen(kw_only=True)
class Link:
    """A link with its visible text, such as a block's "See all" link."""

    url: str = attrs.field(validator=_url)
    text: str | None = attrs.field(default=None, validator=_optional(_text))


@attrs.frozen(kw_only=True)
class ReadingTime:
    """A reading time as the publisher states it ("1 min read").

    The publisher's figure is data; an estimate computed from the body is not stored but
    available as :attr:`Brief.estimated_reading_minutes`.

    Attributes:
        minutes: The stated number of minutes.
        text: The phrase as written on the page, when there was one.
    """

    minutes: int = attrs.field(validator=_positive_int)
    text: str | None = attrs.field(default=None, validator=_optional(_text))


@attrs.frozen(kw_only=True)
class SourceAttribution:
    """A source a news item cites: "the Wall Street Journal reported on Dec. 14".

    Attributes:
        name: The source's name ("Wall Street Journal").
        url: A link to the cited report, when the body links to it.
        date_text: The date as written ("Dec. 14").
        date: The same date read as a date or an aware datetime.
        text: The sentence or clause that makes the attribution, as plain text.
    """

    name: str = attrs.field(validator=_text)
    url: str | None = attrs.field(default=None, validator=_optional(_url))
    date_text: str | None = attrs.field(default=None, validator=_optional(_text))
    date: DateValue | None = attrs.field(default=None, validator=_optional(_date_value))
    text: str | None = attrs.field(default=None, validator=_optional(_text))


@attrs.frozen(kw_only=True)
class Author:
    """A person or an organization credited with a news item; also an author card.

    Attributes:
        name: The name as credited ("The Kyiv Independent news desk").
        kind: Person or organization.
        url: The profile page (the card's "Read more" link).
        avatar: The picture on the card, with its alt text.
        bio: A short biography, sanitized with the inline policy.
        role: A job title or role ("Reporter", "Editor").
        email: A contact address.
        same_as: Other pages about the same author (social profiles, Wikidata).
        extensions: Fields from foreign formats, namespaced.
    """

    name: str = attrs.field(validator=_text)
    kind: AuthorKind = attrs.field(default=AuthorKind.PERSON, validator=_instance_of(AuthorKind))
    url: str | None = attrs.field(default=None, validator=_optional(_url))
    avatar: Image | None = attrs.field(default=None, validator=_optional(_instance_of(Image)))
    bio: SafeHTML | None = _markup_field("inline")
    role: str | None = attrs.field(default=None, validator=_optional(_text))
    email: str | None = attrs.field(default=None, validator=_optional(_text))
    same_as: tuple[str, ...] = attrs.field(default=(), validator=_tuple_of(_url))
    extensions: Mapping[str, JSONValue] = _extensions_field()

    def __html__(self) -> str:
        """Render as an HTML card, so Jinja2, Django and MarkupSafe insert the model as is."""
        from newsitem.render import model_html  # lazy: models sit below renderers

        return model_html(self)


@attrs.frozen(kw_only=True)
class RelatedItem:
    """One entry of a related block: a teaser for another news item.

    At least a headline or a summary is present (the seed page's "News Feed" entries show
    only a one-paragraph summary).
    """

    headline: str | None = attrs.field(default=None, validator=_optional(_text))
    summary: SafeHTML | None = _markup_field("inline")
    url: str | None = attrs.field(default=None, validator=_optional(_url))
    published: DateValue | None = attrs.field(default=None, validator=_optional(_date_value))
    image: Image | None = attrs.field(default=None, validator=_optional(_instance_of(Image)))
    label: str | None = attrs.field(default=None, validator=_optional(_text))
    extensions: Mapping[str, JSONValue] = _extensions_field()

    def __attrs_post_init__(self) -> None:
        if self.headline is None and self.summary is None:
            raise ValidationError("RelatedItem", "needs a headline or a summary")

    def __html__(self) -> str:
        """Render as an HTML card, so Jinja2, Django and MarkupSafe insert the model as is."""
        from newsitem.render import model_html  # lazy: models sit below renderers

        return model_html(self)


@attrs.frozen(kw_only=True)
class RelatedBlock:
    """A block of links to other news items under a title ("News Feed", "Related").

    Attributes:
        title: The block's heading, when it has one.
        items: The entries, in page order; at least one.
        see_all: A "See all" / "More" link to the full list.
        extensions: Fields from foreign formats, namespaced.
    """

    title: str | None = attrs.field(default=None, validator=_optional(_text))
    items: tuple[RelatedItem, ...] = attrs.field(validator=_tuple_of(_instance_of(RelatedItem)))
    see_all: Link | None = attrs.field(default=None, validator=_optional(_instance_of(Link)))
    extensions: Mapping[str, JSONValue] = _extensions_field()

    @items.validator
    def _not_empty(self, attribute: attrs.Attribute[Any], value: tuple[RelatedItem, ...]) -> None:
        if not value:
            raise ValidationError(_where(self, attribute), "needs at least one item")

    def __html__(self) -> str:
        """Render as an HTML card, so Jinja2, Django and MarkupSafe insert the model as is."""
        from newsitem.render import model_html  # lazy: models sit below renderers

        return model_html(self)


@attrs.frozen(kw_only=True)
class VideoTeaser:
    """A video teaser: a thumbnail, a title and a description leading to a video.

    "Show More" on a page is display state, not data: :attr:`description` holds the whole
    text. The player is never copied from a page; renderers build it from
    :attr:`provider` and :attr:`video_id` with an allowlist.

    Attributes:
        label: The block heading the teaser sits under ("Video").
        title: The video's title.
        description: The full description, as plain text.
        url: The page that shows the video.
        provider: Who hosts it, lowercase ("youtube", "vimeo"); given with ``video_id``.
        video_id: The provider's id of the video.
        embed_url: The provider's embeddable player URL, as published.
        content_url: The media file itself.
        thumbnail: A still image.
        duration: How long the video runs; positive.
        published: When it was published (upload date).
        extensions: Fields from foreign formats, namespaced.
    """

    label: str | None = attrs.field(default=None, validator=_optional(_text))
    title: str | None = attrs.field(default=None, validator=_optional(_text))
    description: str | None = attrs.field(default=None, validator=_optional(_text))
    url: str | None = attrs.field(default=None, validator=_optional(_url))
    provider: str | None = attrs.field(default=None, validator=_optional(_provider))
    video_id: str | None = attrs.field(default=None, validator=_optional(_text))
    embed_url: str | None = attrs.field(default=None, validator=_optional(_url))
    content_url: str | None = attrs.field(default=None, validator=_optional(_url))
    thumbnail: Image | None = attrs.field(default=None, validator=_optional(_instance_of(Image)))
    duration: timedelta | None = attrs.field(default=None, validator=_optional(_duration))
    published: DateValue | None = attrs.field(default=None, validator=_optional(_date_value))
    extensions: Mapping[str, JSONValue] = _extensions_field()

    def __attrs_post_init__(self) -> None:
        if (self.provider is None) != (self.video_id is None):
            raise ValidationError("VideoTeaser", "provider and video_id go together")
        if not any(
            (
                self.title,
                self.description,
                self.url,
                self.video_id,
                self.embed_url,
                self.content_url,
            )
        ):
            raise ValidationError(
                "VideoTeaser",
                "needs a title, a description, or a way to reach the video "
                "(url, provider and video_id, embed_url or content_url)",
            )

    def __html__(self) -> str:
        """Render as an HTML card, so Jinja2, Django and MarkupSafe insert the model as is."""
        from newsitem.render import model_html  # lazy: models sit below renderers

        return model_html(self)


@attrs.frozen(kw_only=True)
class Brief:
    """One news item: a brief, an article, a live blog.

    Attributes:
        headline: The headline, as plain text; required.
        id: A stable identifier (a URN, a GUID, the canonical URL).
        url: The canonical URL.
        kind: The genre (news, reportage, live blog ...).
        label: The kicker shown above the headline ("News Feed").
        section: The section it is filed under, when it differs from the label.
        summary: The standfirst or summary, sanitized with the inline policy.
        body: The body, sanitized with the body policy.
        published: When it was first published: a date, or an aware datetime.
        modified: When it was last changed, kept apart from ``published``.
        reading_time: The reading time the publisher states ("1 min read").
        language: The language as a BCP 47 tag ("en", "en-US").
        authors: Who wrote it, in byline order.
        images: Its pictures, the lead image first.
        tags: Keywords and topics, in the publisher's order.
        attributions: The sources it cites.
        related: Related blocks that belong to this item.
        videos: Video teasers that belong to this item.
        extensions: Fields from foreign formats, namespaced.
    """

    headline: str = attrs.field(validator=_text)
    id: str | None = attrs.field(default=None, validator=_optional(_text))
    url: str | None = attrs.field(default=None, validator=_optional(_url))
    kind: BriefKind = attrs.field(default=BriefKind.NEWS, validator=_instance_of(BriefKind))
    label: str | None = attrs.field(default=None, validator=_optional(_text))
    section: str | None = attrs.field(default=None, validator=_optional(_text))
    summary: SafeHTML | None = _markup_field("inline")
    body: SafeHTML | None = _markup_field("body")
    published: DateValue | None = attrs.field(default=None, validator=_optional(_date_value))
    modified: DateValue | None = attrs.field(default=None, validator=_optional(_date_value))
    reading_time: ReadingTime | None = attrs.field(
        default=None, validator=_optional(_instance_of(ReadingTime))
    )
    language: str | None = attrs.field(default=None, validator=_optional(_language))
    authors: tuple[Author, ...] = attrs.field(default=(), validator=_tuple_of(_instance_of(Author)))
    images: tuple[Image, ...] = attrs.field(default=(), validator=_tuple_of(_instance_of(Image)))
    tags: tuple[str, ...] = attrs.field(default=(), validator=_tuple_of(_text))
    attributions: tuple[SourceAttribution, ...] = attrs.field(
        default=(), validator=_tuple_of(_instance_of(SourceAttribution))
    )
    related: tuple[RelatedBlock, ...] = attrs.field(
        default=(), validator=_tuple_of(_instance_of(RelatedBlock))
    )
    videos: tuple[VideoTeaser, ...] = attrs.field(
        default=(), validator=_tuple_of(_instance_of(VideoTeaser))
    )
    extensions: Mapping[str, JSONValue] = _extensions_field()

    @property
    def estimated_reading_minutes(self) -> int | None:
        """Minutes to read the body at 230 words a minute, computed; ``None`` without a body.

        Kept apart from :attr:`reading_time`, which is what the publisher states.
        """
        if self.body is None:
            return None
        words = len(re.findall(r"\w+", re.sub(r"<[^>]*>", " ", self.body)))
        return max(1, math.ceil(words / 230)) if words else None

    def __html__(self) -> str:
        """Render as an HTML card, so Jinja2, Django and MarkupSafe insert the model as is."""
        from newsitem.render import model_html  # lazy: models sit below renderers

        return model_html(self)


#: What a page holds besides its main news item, in page order.
Block: TypeAlias = RelatedBlock | VideoTeaser | Author


@attrs.frozen(kw_only=True)
class Page:
    """A web page as a whole: its main news item and the blocks around it, in page order.

    Attributes:
        url: The page's URL.
        site_name: The publication's name ("The Kyiv Independent").
        title: The document title, when it differs from the headline.
        language: The page language as a BCP 47 tag.
        brief: The main news item; ``None`` on a listing or front page.
        blocks: Author cards, related blocks and video teasers, in page order.
        extensions: Fields from foreign formats, namespaced.
    """

    url: str | None = attrs.field(default=None, validator=_optional(_url))
    site_name: str | None = attrs.field(default=None, validator=_optional(_text))
    title: str | None = attrs.field(default=None, validator=_optional(_text))
    language: str | None = attrs.field(default=None, validator=_optional(_language))
    brief: Brief | None = attrs.field(default=None, validator=_optional(_instance_of(Brief)))
    blocks: tuple[Block, ...] = attrs.field(
        default=(), validator=_tuple_of(_instance_of(RelatedBlock, VideoTeaser, Author))
    )
    extensions: Mapping[str, JSONValue] = _extensions_field()

    def __html__(self) -> str:
        """Render as an HTML card, so Jinja2, Django and MarkupSafe insert the model as is."""
        from newsitem.render import model_html  # lazy: models sit below renderers

        return model_html(self)


#: Every model class that can stand as a JSON document of its own.
Model: TypeAlias = Page | Brief | Author | RelatedBlock | RelatedItem | VideoTeaser | Image
