"""The HTML renderer: semantic, accessible HTML5 cards for every model.

Every plain string is escaped; only :class:`~newsitem.SafeHTML` (sanitizer output) is
inserted as it is. Class names follow BEM under a configurable prefix
(``newsitem-brief__headline``). Each model type is drawn by a *part*: a function
``part(obj, context) -> str`` that returns HTML; :class:`HTMLRenderer` takes overrides per
model type, so one card can be replaced without touching the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeAlias
from urllib.parse import quote, urlsplit

import attrs
from markupsafe import Markup

from newsitem._json import write_json
from newsitem._markup import SafeHTML
from newsitem._schemaorg import KIND_TYPES, SCHEMA_ORG
from newsitem.errors import NewsitemError, RenderError
from newsitem.models import (
    Author,
    AuthorKind,
    Brief,
    Image,
    Page,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
)

from ._display import (
    check_model,
    display_date,
    display_duration,
    freeze_parts,
    make_options,
    merge_labels,
    reading_time_text,
    same_author,
    split_description,
)

__all__ = [
    "HTMLContext",
    "HTMLOptions",
    "HTMLPart",
    "HTMLRenderer",
    "escape_html",
    "model_html",
    "render_html",
    "script_json",
    "stylesheet",
]

#: A function that draws one model type: ``part(obj, context) -> HTML``.
HTMLPart: TypeAlias = Callable[[Any, "HTMLContext"], str]

# Code points HTML forbids in a document (controls other than whitespace, noncharacters).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
    + "]"
)
_PREFIX = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_DEFAULT_PREFIX = "newsitem"
_STYLE_END = re.compile(r"</style", re.IGNORECASE)

# Characters that could end a <script> element or confuse a JavaScript parser, as \u escapes.
_SCRIPT_ESCAPES: Mapping[int, str] = MappingProxyType(
    {
        ord("<"): "\\u003c",
        ord(">"): "\\u003e",
        ord("&"): "\\u0026",
        0x2028: "\\u2028",
        0x2029: "\\u2029",
        **{code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)},
    }
)


def escape_html(value: str) -> str:
    """Escape plain text for HTML text or a quoted attribute value.

    Any ``str`` is escaped, even one that claims to be markup (a ``markupsafe.Markup``
    in a plain-text field): only :class:`~newsitem.SafeHTML` fields are trusted, and they
    never come through here. Code points HTML forbids (controls, noncharacters) are dropped.

    >>> escape_html('<b title="x">Tom & Jerry</b>')
    '&lt;b title=&#34;x&#34;&gt;Tom &amp; Jerry&lt;/b&gt;'
    """
    text = value if type(value) is str else str.__str__(value)
    if not text.isprintable():  # every forbidden code point is unprintable: a fast pre-check
        text = _FORBIDDEN.sub("", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def _safe(value: SafeHTML) -> str:
    """The markup of a sanitized field, inserted as it is."""
    if type(value) is not SafeHTML:  # the models guarantee it; never trust anything else
        return escape_html(value)
    return str.__str__(value)


def script_json(data: Any) -> str:
    """Write ``data`` as JSON that is safe inside ``<script>``: no value can close it.

    ``<``, ``>``, ``&``, U+2028, U+2029 (and C1 controls) become ``\\u`` escapes, which
    JSON reads back as the same characters.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    return write_json(data).translate(_SCRIPT_ESCAPES)


def _datetime_attr(value: date) -> str:
    """A valid HTML ``datetime`` attribute: a date, or a global date and time."""
    if not isinstance(value, datetime):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    offset = value.utcoffset() or timedelta(0)
    if offset.total_seconds() % 60:  # HTML offsets have no seconds: say it in UTC
        value = value.astimezone(UTC)
        offset = timedelta(0)
    text = (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}"
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return text + "Z"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{text}{sign}{hours:02d}:{mins:02d}"


def _duration_attr(value: timedelta) -> str:
    """A valid HTML duration: whole seconds, and milliseconds when there are any."""
    millis = max(1, round(value / timedelta(milliseconds=1)))
    seconds, millis = divmod(millis, 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    fraction = f".{millis:03d}" if millis else ""
    return f"PT{hours}H{minutes}M{secs}{fraction}S"


def _time(value: date, cls: str, prop: str = "") -> str:
    return (
        f'<time class="{cls}"{prop} datetime="{_datetime_attr(value)}">{display_date(value)}</time>'
    )


# --- options ---------------------------------------------------------------------------------


def _check_prefix(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _PREFIX.fullmatch(value):
        raise RenderError(
            f"html option prefix: expected lowercase letters, digits and single hyphens "
            f"starting with a letter, such as 'news-card', got {value!r}"
        )


def _check_level(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise RenderError(f"html option heading_level: expected 1 to 6, got {value!r}")


def _check_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise RenderError(f"html option {attribute.name}: expected True or False, got {value!r}")


def _check_jsonld(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not (isinstance(value, bool) or callable(value)):
        raise RenderError(
            f"html option jsonld: expected a bool or a function model -> dict, got {value!r}"
        )


def _check_stylesheet(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool):
        return
    if not isinstance(value, str):
        raise RenderError(
            f"html option stylesheet: expected a bool or CSS text, got {type(value).__name__}"
        )
    if _STYLE_END.search(value):
        raise RenderError("html option stylesheet: CSS text must not contain '</style'")


def _check_limit(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RenderError(f"html option description_limit: expected a positive int, got {value!r}")


@attrs.frozen(kw_only=True)
class HTMLOptions:
    """The options of the HTML renderer; pass them as keywords to :func:`render_html`.

    Args:
        document: Write a whole HTML document (doctype, head with title and styles,
            body) instead of a fragment.
        prefix: The class-name prefix: ``prefix-brief__headline``.
        heading_level: The level of the outermost heading; ``None`` means 1 for a page,
            2 for anything else. Nested headings go one level down each.
        jsonld: Embed schema.org JSON-LD in a ``<script type="application/ld+json">``:
            ``True`` maps with :func:`newsitem.formats.jsonld.to_jsonld`; a function
            ``model -> dict`` maps with that function.
        video_player: Embed the provider's player for video teasers whose provider is on
            the allowlist (:func:`newsitem.render.video_player`); others keep their
            thumbnail and link.
        sources: Show a brief's source attributions in its footer.
        stylesheet: With ``document``: ``True`` embeds the default stylesheet, ``False``
            none, a string embeds that CSS.
        description_limit: How many characters of a video description show before
            "Show more".
        labels: Interface words to change, by key (see ``DEFAULT_LABELS``).
        microdata: Mark every field up as schema.org microdata (``itemscope``,
            ``itemprop``), so that :func:`newsitem.parse.parse_html` reads the page back
            whole; it changes nothing a reader sees. See "Microdata" in the rendering docs.

    .. versionadded:: 0.1 ``microdata``
    """

    document: bool = attrs.field(default=False, validator=_check_bool)
    prefix: str = attrs.field(default=_DEFAULT_PREFIX, validator=_check_prefix)
    heading_level: int | None = attrs.field(default=None, validator=_check_level)
    jsonld: bool | Callable[[Any], Any] = attrs.field(default=False, validator=_check_jsonld)
    video_player: bool = attrs.field(default=False, validator=_check_bool)
    sources: bool = attrs.field(default=True, validator=_check_bool)
    stylesheet: bool | str = attrs.field(default=True, validator=_check_stylesheet)
    description_limit: int = attrs.field(default=160, validator=_check_limit)
    labels: Mapping[str, str] = attrs.field(default=None, converter=merge_labels)
    microdata: bool = attrs.field(default=True, validator=_check_bool)


# --- the context and the parts ---------------------------------------------------------------


class HTMLContext:
    """What a part sees while it draws: the options, and a way to draw nested models.

    Attributes:
        options: The :class:`HTMLOptions` of this call.
        prefix: The class-name prefix.
        labels: The interface words.
        level: The heading level for the model being drawn (1-6).
        page: The page being drawn, when the call started at a page.
        itemprop: The microdata property the model being drawn is a value of in its
            parent (``"mainEntity"``, ``"author"``), or ``None``.
    """

    __slots__ = ("_parts", "itemprop", "labels", "level", "options", "page", "prefix")

    def __init__(self, options: HTMLOptions, parts: Mapping[type, HTMLPart], level: int) -> None:
        self.options = options
        self.prefix = options.prefix
        self.labels = options.labels
        self.level = level
        self.page: Page | None = None
        self.itemprop: str | None = None
        self._parts = parts

    escape = staticmethod(escape_html)

    def render(self, obj: object, *, level: int | None = None, itemprop: str | None = None) -> str:
        """Draw ``obj`` with the part for its type, its headings at ``level``.

        ``level`` defaults to one below the current level (at most 6); ``itemprop``
        names the microdata property ``obj`` is a value of (see :attr:`itemprop`).

        Raises:
            RenderError: no part draws ``obj``'s type.
        """
        part = self._parts.get(type(obj))
        if part is None:
            raise RenderError(f"no HTML part draws {type(obj).__name__}")
        saved, saved_prop = self.level, self.itemprop
        self.level = min(6, saved + 1) if level is None else level
        self.itemprop = itemprop
        try:
            return part(obj, self)
        finally:
            self.level, self.itemprop = saved, saved_prop


# --- microdata -------------------------------------------------------------------------------


def _extensions_json(extensions: Mapping[str, Any]) -> str:
    """Extensions as ASCII JSON: every code point survives an HTML attribute."""
    text = json.dumps(dict(extensions), ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return text.replace("\x7f", "\\u007f")


def _scope(prop: str | None, schema_type: str, extensions: Mapping[str, Any]) -> str:
    """The attributes that open a microdata item (and carry its extensions)."""
    out = f' itemscope itemtype="{SCHEMA_ORG}{schema_type}"'
    if prop is not None:
        out = f' itemprop="{prop}"{out}'
    if extensions:
        out += f' data-newsitem-extensions="{escape_html(_extensions_json(extensions))}"'
    return out


def _meta(prop: str, value: str) -> str:
    return f'<meta itemprop="{prop}" content="{escape_html(value)}">'


def _link(prop: str, url: str) -> str:
    return f'<link itemprop="{prop}" href="{escape_html(url)}">'


def _data(prop: str, value: str) -> str:
    """A newsitem property schema.org has no name for, where nothing shows it."""
    return f'<data data-newsitem-prop="{prop}" value="{escape_html(value)}"></data>'


def _ip(md: bool, prop: str) -> str:
    return f' itemprop="{prop}"' if md else ""


def _np(md: bool, prop: str) -> str:
    return f' data-newsitem-prop="{prop}"' if md else ""


# --- the parts -------------------------------------------------------------------------------


def _image_tag(image: Image, cls: str, md: bool = False) -> str:
    size = ""
    if image.width is not None and image.height is not None:
        size = f' width="{image.width}" height="{image.height}"'
    marks = ""
    if md:
        marks = (
            ' itemprop="url"' if image.alt is None else ' itemprop="url" data-newsitem-prop="alt"'
        )
    return (
        f'<img class="{cls}"{marks} src="{escape_html(image.url)}" '
        f'alt="{escape_html(image.alt or "")}"{size} loading="lazy">'
    )


def _image_metas(image: Image, *, texts: bool) -> str:
    """The properties of an image that its ``<img>`` (and caption, with ``texts``) miss."""
    out = []
    if texts and image.caption is not None:
        out.append(_meta("caption", image.caption))
    if texts and image.credit is not None:
        out.append(_meta("creditText", image.credit))
    if image.width is not None:
        out.append(_meta("width", str(image.width)))
    if image.height is not None:
        out.append(_meta("height", str(image.height)))
    return "".join(out)


def _image_item(image: Image, cls: str, ctx: HTMLContext, prop: str) -> str:
    """An ``<img>`` standing for a whole image (an avatar, a thumbnail)."""
    if not ctx.options.microdata:
        return _image_tag(image, cls)
    return (
        f"<span{_scope(prop, 'ImageObject', image.extensions)}>"
        f"{_image_tag(image, cls, True)}{_image_metas(image, texts=True)}</span>"
    )


def _hidden_image(image: Image, prop: str) -> str:
    """An image as microdata alone, for a record the card does not show."""
    alt = _data("alt", image.alt) if image.alt is not None else ""
    return (
        f"<span hidden{_scope(prop, 'ImageObject', image.extensions)}>"
        f"{_link('url', image.url)}{alt}{_image_metas(image, texts=True)}</span>"
    )


def _image(image: Image, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    scope = _scope(ctx.itemprop, "ImageObject", image.extensions) if md else ""
    out = [f'<figure class="{p}-image"{scope}>', _image_tag(image, f"{p}-image__img", md)]
    if md:
        out.append(_image_metas(image, texts=False))
    if image.caption is not None or image.credit is not None:
        out.append(f'<figcaption class="{p}-image__caption">')
        if image.caption is not None:
            caption = escape_html(image.caption)
            out.append(f'<span itemprop="caption">{caption}</span>' if md else caption)
        if image.credit is not None:
            out.append(
                f' <small class="{p}-image__credit"{_ip(md, "creditText")}>'
                f"{escape_html(image.credit)}</small>"
            )
        out.append("</figcaption>")
    out.append("</figure>")
    return "".join(out)


def _author_type(author: Author) -> str:
    return "Person" if author.kind is AuthorKind.PERSON else "Organization"


def _author_metas(author: Author, *, name: bool, url: bool) -> str:
    """The properties of an author that a byline (or nothing) shows."""
    out = []
    if name:
        out.append(_meta("name", author.name))
    if url and author.url is not None:
        out.append(_link("url", author.url))
    if author.avatar is not None:
        out.append(_hidden_image(author.avatar, "image"))
    if author.bio is not None:
        out.append(_meta("description", _safe(author.bio)))
    if author.role is not None:
        out.append(_meta("jobTitle", author.role))
    if author.email is not None:
        out.append(_meta("email", author.email))
    out.extend(_link("sameAs", same) for same in author.same_as)
    return "".join(out)


def _author_name(author: Author, cls: str, md: bool) -> str:
    name = escape_html(author.name)
    scope = metas = ""
    if md:
        scope = _scope("author", _author_type(author), author.extensions)
        name = f'<span itemprop="name">{name}</span>'
        metas = _author_metas(author, name=False, url=author.url is not None)
    if author.url is None:
        return f'<span class="{cls}"{scope}>{name}{metas}</span>'
    return (
        f'<a class="{cls}"{scope} href="{escape_html(author.url)}" rel="author">{name}{metas}</a>'
    )


def _hidden_author(author: Author) -> str:
    scope = _scope("author", _author_type(author), author.extensions)
    return f"<span hidden{scope}>{_author_metas(author, name=True, url=True)}</span>"


def _byline(authors: tuple[Author, ...], ctx: HTMLContext, md: bool) -> str:
    p = ctx.prefix
    names = [_author_name(a, f"{p}-brief__author", md) for a in authors]
    joined = (
        names[0]
        if len(names) == 1
        else (", ".join(names[:-1]) + f" {escape_html(ctx.labels['and'])} " + names[-1])
    )
    return f'<span class="{p}-brief__byline">{escape_html(ctx.labels["by"])} {joined}</span>'


def _attribution(source: SourceAttribution, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    name = escape_html(source.name)
    if md:
        name = f'<span itemprop="name">{name}</span>'
    if source.url is not None:
        name = f'<a href="{escape_html(source.url)}">{name}</a>'
    if md:
        name = (
            f'<span itemprop="publisher" itemscope itemtype="{SCHEMA_ORG}Organization">'
            f"{name}</span>"
        )
    scope = f' itemprop="citation" itemscope itemtype="{SCHEMA_ORG}CreativeWork"' if md else ""
    out = [f'<li class="{p}-brief__source"{scope}><cite>{name}</cite>']
    if source.date is not None:
        cls = f"{p}-brief__source-date"
        shown = (
            display_date(source.date) if source.date_text is None else escape_html(source.date_text)
        )
        marks = ""
        if md:
            marks = ' itemprop="datePublished"' + _np(source.date_text is not None, "date_text")
        out.append(
            f', <time class="{cls}"{marks} datetime="{_datetime_attr(source.date)}">{shown}</time>'
        )
    elif source.date_text is not None:
        date_text = escape_html(source.date_text)
        out.append(
            f', <span data-newsitem-prop="date_text">{date_text}</span>' if md else f", {date_text}"
        )
    if md and source.url is not None:
        out.append(_link("url", source.url))
    if md and source.text is not None:
        out.append(_meta("abstract", source.text))
    out.append("</li>")
    return "".join(out)


def _brief(brief: Brief, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    level = ctx.level
    lang = f' lang="{brief.language}"' if brief.language is not None else ""
    scope = _scope(ctx.itemprop, KIND_TYPES[brief.kind], brief.extensions) if md else ""
    out = [f'<article class="{p}-brief"{lang}{scope}>']
    page = ctx.page
    url_shown = brief.url is not None and (page is None or page.url != brief.url)
    if md:
        if brief.url is not None and not url_shown:
            out.append(_link("url", brief.url))
        if brief.id is not None:
            out.append(_meta("identifier", brief.id))
        if brief.section is not None:
            out.append(_meta("articleSection", brief.section))
        if brief.language is not None:
            out.append(_meta("inLanguage", brief.language))
        if brief.modified is not None and brief.modified == brief.published:
            out.append(_meta("dateModified", _datetime_attr(brief.modified)))
        if brief.reading_time is not None:
            out.append(_meta("timeRequired", f"PT{brief.reading_time.minutes}M"))
    out.append(f'<header class="{p}-brief__header">')
    if brief.label is not None:
        out.append(f'<p class="{p}-brief__label"{_ip(md, "genre")}>{escape_html(brief.label)}</p>')
    headline = escape_html(brief.headline)
    if url_shown:
        assert brief.url is not None
        headline = f'<a{_ip(md, "url")} href="{escape_html(brief.url)}">{headline}</a>'
    out.append(f'<h{level} class="{p}-brief__headline"{_ip(md, "headline")}>{headline}</h{level}>')
    meta = []
    authors = brief.authors
    hidden: tuple[Author, ...] = ()
    if page is not None and authors:
        carded = [b for b in page.blocks if isinstance(b, Author)]
        shown = tuple(a for a in authors if not any(same_author(a, c) for c in carded))
        if md and len(shown) < len(authors):
            hidden = authors  # keep the byline order: every author as microdata of its own
        authors = shown
    if authors:
        meta.append(_byline(authors, ctx, md and not hidden))
    if brief.published is not None:
        meta.append(_time(brief.published, f"{p}-brief__published", prop=_ip(md, "datePublished")))
    if brief.modified is not None and brief.modified != brief.published:
        updated = escape_html(ctx.labels["modified"])
        modified = _time(brief.modified, f"{p}-brief__modified-date", prop=_ip(md, "dateModified"))
        meta.append(f'<span class="{p}-brief__modified">{updated} {modified}</span>')
    reading = reading_time_text(brief, ctx.labels)
    if reading is not None:
        assert brief.reading_time is not None
        mark = _np(md and brief.reading_time.text is not None, "reading_time_text")
        meta.append(f'<span class="{p}-brief__reading-time"{mark}>{escape_html(reading)}</span>')
    if meta:
        out.append(f'<p class="{p}-brief__meta">{"".join(meta)}</p>')
    out.extend(_hidden_author(author) for author in hidden)
    out.append("</header>")
    if brief.summary is not None:
        out.append(
            f'<p class="{p}-brief__summary"{_ip(md, "description")}>{_safe(brief.summary)}</p>'
        )
    if brief.images:
        out.append(ctx.render(brief.images[0], level=level, itemprop="image"))
    if brief.body is not None:
        out.append(
            f'<div class="{p}-brief__body"{_ip(md, "articleBody")}>{_safe(brief.body)}</div>'
        )
    for image in brief.images[1:]:
        out.append(ctx.render(image, level=level, itemprop="image"))
    show_sources = ctx.options.sources and brief.attributions
    if show_sources or brief.tags:
        out.append(f'<footer class="{p}-brief__footer">')
        sub = min(6, level + 1)
        if show_sources:
            out.append(
                f'<section class="{p}-brief__sources">'
                f'<h{sub} class="{p}-brief__sources-title">'
                f"{escape_html(ctx.labels['sources'])}</h{sub}>"
                f'<ul class="{p}-brief__sources-list">'
            )
            out.extend(_attribution(source, ctx) for source in brief.attributions)
            out.append("</ul></section>")
        if brief.tags:
            keyword = _ip(md, "keywords")
            tags = "".join(
                f'<li class="{p}-brief__tag"{keyword}>{escape_html(tag)}</li>' for tag in brief.tags
            )
            out.append(
                f'<section class="{p}-brief__tags-section">'
                f'<h{sub} class="{p}-visually-hidden">{escape_html(ctx.labels["tags"])}</h{sub}>'
                f'<ul class="{p}-brief__tags">{tags}</ul></section>'
            )
        out.append("</footer>")
    for block in brief.related:
        out.append(ctx.render(block, itemprop="hasPart"))
    for video in brief.videos:
        out.append(ctx.render(video, itemprop="video"))
    out.append("</article>")
    return "".join(out)


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _author(author: Author, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    level = ctx.level
    scope = _scope(ctx.itemprop, _author_type(author), author.extensions) if md else ""
    out = [f'<section class="{p}-author"{scope}>']
    if author.avatar is not None:
        out.append(_image_item(author.avatar, f"{p}-author__avatar", ctx, "image"))
    out.append(f'<div class="{p}-author__text">')
    out.append(
        f'<h{level} class="{p}-author__name"{_ip(md, "name")}>{escape_html(author.name)}</h{level}>'
    )
    if author.role is not None:
        out.append(
            f'<p class="{p}-author__role"{_ip(md, "jobTitle")}>{escape_html(author.role)}</p>'
        )
    if author.bio is not None:
        out.append(f'<p class="{p}-author__bio"{_ip(md, "description")}>{_safe(author.bio)}</p>')
    if author.email is not None:
        mailto = "mailto:" + quote(author.email, safe="@!$'()*+,;=.-_~")
        out.append(
            f'<p class="{p}-author__email"{_ip(md, "email")}><a href="{escape_html(mailto)}">'
            f"{escape_html(author.email)}</a></p>"
        )
    if author.same_as:
        same = _ip(md, "sameAs")
        links = "".join(
            f'<li><a{same} href="{escape_html(url)}" rel="me">{escape_html(_host(url))}</a></li>'
            for url in author.same_as
        )
        out.append(f'<ul class="{p}-author__profiles">{links}</ul>')
    if author.url is not None:
        out.append(
            f'<p class="{p}-author__more"><a{_ip(md, "url")} href="{escape_html(author.url)}" '
            f'rel="author">{escape_html(ctx.labels["read_more"])}'
            f'<span class="{p}-visually-hidden">: {escape_html(author.name)}</span></a></p>'
        )
    out.append("</div></section>")
    return "".join(out)


def _related_item(item: RelatedItem, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    level = ctx.level
    tag = "article" if item.headline is not None else "div"
    scope = _scope(ctx.itemprop, "Article", item.extensions) if md else ""
    out = [f'<{tag} class="{p}-item"{scope}>']
    if item.image is not None:
        out.append(_image_item(item.image, f"{p}-item__image", ctx, "image"))
    if item.label is not None:
        out.append(f'<p class="{p}-item__label"{_ip(md, "genre")}>{escape_html(item.label)}</p>')
    if item.headline is not None:
        headline = escape_html(item.headline)
        if item.url is not None:
            headline = f'<a{_ip(md, "url")} href="{escape_html(item.url)}">{headline}</a>'
        out.append(
            f'<h{level} class="{p}-item__headline"{_ip(md, "headline")}>{headline}</h{level}>'
        )
    if item.published is not None:
        date_html = _time(item.published, f"{p}-item__date", prop=_ip(md, "datePublished"))
        out.append(f'<p class="{p}-item__meta">{date_html}</p>')
    if item.summary is not None:
        out.append(
            f'<p class="{p}-item__summary"{_ip(md, "description")}>{_safe(item.summary)}</p>'
        )
    if item.headline is None and item.url is not None:
        out.append(
            f'<p class="{p}-item__more"><a{_ip(md, "url")} href="{escape_html(item.url)}">'
            f"{escape_html(ctx.labels['read_more'])}</a></p>"
        )
    out.append(f"</{tag}>")
    return "".join(out)


def _related_block(block: RelatedBlock, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    level = ctx.level
    scope = _scope(ctx.itemprop, "ItemList", block.extensions) if md else ""
    out = [f'<section class="{p}-related"{scope}>']
    inner = level
    if block.title is not None:
        out.append(
            f'<h{level} class="{p}-related__title"{_ip(md, "name")}>'
            f"{escape_html(block.title)}</h{level}>"
        )
        inner = min(6, level + 1)
    out.append(f'<ul class="{p}-related__list">')
    for position, item in enumerate(block.items, start=1):
        if md:
            out.append(
                f'<li class="{p}-related__item" itemprop="itemListElement" itemscope '
                f'itemtype="{SCHEMA_ORG}ListItem"><meta itemprop="position" content="{position}">'
                f"{ctx.render(item, level=inner, itemprop='item')}</li>"
            )
        else:
            out.append(f'<li class="{p}-related__item">{ctx.render(item, level=inner)}</li>')
    out.append("</ul>")
    if block.see_all is not None:
        text = block.see_all.text or ctx.labels["see_all"]
        marks = ""
        if md:
            marks = ' itemprop="url"' + _np(block.see_all.text is not None, "see_all_text")
        out.append(
            f'<p class="{p}-related__see-all"><a{marks} href="{escape_html(block.see_all.url)}">'
            f"{escape_html(text)}</a></p>"
        )
    out.append("</section>")
    return "".join(out)


def _video_media(video: VideoTeaser, ctx: HTMLContext) -> str:
    p = ctx.prefix
    if ctx.options.video_player and video.provider is not None and video.video_id is not None:
        from ._players import video_player

        title = video.title or video.label or ctx.labels["watch"]
        try:
            player = video_player(video.provider, video.video_id, title=title)
        except NewsitemError:
            player = None  # provider not on the allowlist: keep the thumbnail and link
        if player is not None:
            media = f'<div class="{p}-video__media {p}-video__player">{_safe(player)}</div>'
            if ctx.options.microdata and video.thumbnail is not None:
                media += _hidden_image(video.thumbnail, "thumbnail")
            return media
    if video.thumbnail is None:
        return ""
    image = _image_item(video.thumbnail, f"{p}-video__thumbnail", ctx, "thumbnail")
    badge = ""
    if video.duration is not None:
        badge = (
            f'<span class="{p}-video__badge" aria-hidden="true">'
            f"{display_duration(video.duration)}</span>"
        )
    if video.url is not None:
        label = escape_html(video.title or ctx.labels["watch"])
        return (
            f'<a class="{p}-video__media" href="{escape_html(video.url)}" '
            f'aria-label="{label}">{image}{badge}</a>'
        )
    return f'<div class="{p}-video__media">{image}{badge}</div>'


def _video(video: VideoTeaser, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    level = ctx.level
    scope = _scope(ctx.itemprop, "VideoObject", video.extensions) if md else ""
    out = [f'<section class="{p}-video"{scope}>']
    lead, rest = ("", "")
    if video.description is not None:
        lead, rest = split_description(video.description, ctx.options.description_limit)
    description_shown = not rest and lead == video.description
    if md:
        if video.provider is not None and video.video_id is not None:
            out.append(
                f'<span hidden itemprop="identifier" itemscope '
                f'itemtype="{SCHEMA_ORG}PropertyValue">{_meta("propertyID", video.provider)}'
                f"{_meta('value', video.video_id)}</span>"
            )
        if video.embed_url is not None:
            out.append(_link("embedUrl", video.embed_url))
        if video.content_url is not None:
            out.append(_link("contentUrl", video.content_url))
        if video.url is not None and video.title is None:
            out.append(_link("url", video.url))
        if video.description is not None and not description_shown:
            out.append(_meta("description", video.description))
    title_level = level
    if video.label is not None:
        out.append(
            f'<h{level} class="{p}-video__label"{_ip(md, "genre")}>'
            f"{escape_html(video.label)}</h{level}>"
        )
        title_level = min(6, level + 1)
    out.append(_video_media(video, ctx))
    if video.title is not None:
        title = escape_html(video.title)
        if video.url is not None:
            title = f'<a{_ip(md, "url")} href="{escape_html(video.url)}">{title}</a>'
        out.append(
            f'<h{title_level} class="{p}-video__title"{_ip(md, "name")}>{title}</h{title_level}>'
        )
    meta = []
    if video.duration is not None:
        meta.append(
            f'<span class="{p}-video__duration">{escape_html(ctx.labels["duration"])} '
            f'<time{_ip(md, "duration")} datetime="{_duration_attr(video.duration)}">'
            f"{display_duration(video.duration)}</time></span>"
        )
    if video.published is not None:
        meta.append(_time(video.published, f"{p}-video__published", prop=_ip(md, "uploadDate")))
    if meta:
        out.append(f'<p class="{p}-video__meta">{"".join(meta)}</p>')
    if video.description is not None:
        shown = _ip(md and description_shown, "description")
        out.append(f'<p class="{p}-video__description"{shown}>{escape_html(lead)}</p>')
        if rest:
            out.append(
                f'<details class="{p}-video__more"><summary>'
                f"{escape_html(ctx.labels['show_more'])}</summary>"
                f'<p class="{p}-video__description">{escape_html(rest)}</p></details>'
            )
    if video.title is None and video.url is not None:
        out.append(
            f'<p class="{p}-video__link"><a href="{escape_html(video.url)}">'
            f"{escape_html(ctx.labels['watch'])}</a></p>"
        )
    out.append("</section>")
    return "".join(out)


def _page(page: Page, ctx: HTMLContext) -> str:
    p = ctx.prefix
    md = ctx.options.microdata
    level = ctx.level
    lang = f' lang="{page.language}"' if page.language is not None else ""
    saved, ctx.page = ctx.page, page
    try:
        scope = _scope(ctx.itemprop, "WebPage", page.extensions) if md else ""
        out = [f'<div class="{p}-page"{lang}{scope}>']
        if md:
            if page.url is not None:
                out.append(_link("url", page.url))
            if page.title is not None:
                out.append(_meta("name", page.title))
            if page.language is not None:
                out.append(_meta("inLanguage", page.language))
            if page.site_name is not None:
                out.append(
                    f'<span hidden itemprop="isPartOf" itemscope itemtype="{SCHEMA_ORG}WebSite">'
                    f"{_meta('name', page.site_name)}</span>"
                )
        if page.brief is not None:
            out.append(ctx.render(page.brief, level=level, itemprop="mainEntity"))
        if page.blocks:
            out.append(f'<div class="{p}-page__blocks">')
            out.extend(
                ctx.render(block, itemprop="author" if isinstance(block, Author) else "hasPart")
                for block in page.blocks
            )
            out.append("</div>")
        out.append("</div>")
    finally:
        ctx.page = saved
    return "".join(out)


#: The built-in parts, by model type.
DEFAULT_PARTS: Mapping[type, HTMLPart] = MappingProxyType(
    {
        Author: _author,
        Brief: _brief,
        Image: _image,
        Page: _page,
        RelatedBlock: _related_block,
        RelatedItem: _related_item,
        VideoTeaser: _video,
    }
)


# --- documents, styles, JSON-LD ------------------------------------------------------------


def stylesheet(prefix: str = _DEFAULT_PREFIX) -> str:
    """Return the default stylesheet, its class names under ``prefix``.

    It lays cards out in one column on phones and puts the page's blocks beside the
    brief on wide screens; colors follow the reader's light or dark preference.

    >>> ".newsitem-brief__headline" in stylesheet()
    True
    >>> ".card-brief__headline" in stylesheet("card")
    True

    Raises:
        RenderError: ``prefix`` is not a valid class-name prefix.
    """
    _check_prefix(None, None, prefix)  # type: ignore[arg-type]
    css = resources.files(__package__).joinpath("newsitem.css").read_text(encoding="utf-8")
    if prefix != _DEFAULT_PREFIX:
        css = css.replace(f"{_DEFAULT_PREFIX}-", f"{prefix}-")
    return css


def _jsonld_script(obj: object, options: HTMLOptions) -> str:
    mapper = options.jsonld
    if mapper is True:
        from newsitem.formats.jsonld import to_jsonld

        mapper = to_jsonld
    assert callable(mapper)
    return f'<script type="application/ld+json">{script_json(mapper(obj))}</script>'


def _title(obj: object) -> str:
    if isinstance(obj, Page):
        title = obj.title or (obj.brief.headline if obj.brief is not None else None)
        if title and obj.site_name and obj.site_name not in title:
            return f"{title} – {obj.site_name}"
        return title or obj.site_name or "News"
    for attribute in ("headline", "title", "name", "label", "alt"):
        value = getattr(obj, attribute, None)
        if value:
            return str(value)
    return type(obj).__name__


_END = "</main>\n</body>\n</html>\n"


def _document(obj: object, body: str, options: HTMLOptions) -> str:
    language = getattr(obj, "language", None)
    lang = f' lang="{language}"' if language else ""
    head = [
        "<!DOCTYPE html>\n",
        f"<html{lang}>\n<head>\n",
        '<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape_html(_title(obj))}</title>\n",
    ]
    css = stylesheet(options.prefix) if options.stylesheet is True else options.stylesheet
    if css:
        head.append(f"<style>\n{css}</style>\n")
    if options.jsonld is not False:
        head.append(_jsonld_script(obj, options) + "\n")
    return "".join(
        [
            *head,
            "</head>\n",
            f'<body class="{options.prefix}-body">\n<main class="{options.prefix}-main">',
            body,
            _END,
        ]
    )


# --- the renderer ------------------------------------------------------------------------------


@attrs.frozen
class HTMLRenderer:
    """The HTML renderer, with optional overrides for some model types.

    A part is ``part(obj, context) -> str``: it returns HTML, escapes plain text with
    ``context.escape`` and draws nested models with ``context.render``.

    >>> from newsitem import Author
    >>> def card(author, context):
    ...     return f'<p class="byline">{context.escape(author.name)}</p>'
    >>> renderer = HTMLRenderer().with_override(Author, card)
    >>> renderer(Author(name="Tom & Jerry"))
    '<p class="byline">Tom &amp; Jerry</p>'

    Args:
        overrides: Model type -> part, used instead of the built-in part for that type.
    """

    overrides: Mapping[type, HTMLPart] = attrs.field(
        factory=dict, converter=freeze_parts, kw_only=True
    )

    def with_override(self, model_type: type, part: HTMLPart) -> HTMLRenderer:
        """Return a renderer that draws ``model_type`` with ``part``."""
        return HTMLRenderer(overrides={**self.overrides, model_type: part})

    def __call__(self, obj: object, **options: Any) -> str:
        """Render ``obj`` to HTML; see :class:`HTMLOptions` for the options.

        Raises:
            RenderError: ``obj`` is not a model, or an option is unknown or invalid.
        """
        check_model(obj, "html")
        opts: HTMLOptions = (
            make_options(HTMLOptions, options, "html") if options else _DEFAULT_OPTIONS
        )
        parts = {**DEFAULT_PARTS, **self.overrides} if self.overrides else DEFAULT_PARTS
        level = opts.heading_level
        if level is None:
            level = 1 if isinstance(obj, Page) else 2
        ctx = HTMLContext(opts, parts, level)
        body = ctx.render(obj, level=level)
        if opts.document:
            return _document(obj, body, opts)
        if opts.jsonld is not False:
            return _jsonld_script(obj, opts) + body
        return body


def render_html(obj: object, **options: Any) -> str:
    """Render a model to HTML with the built-in parts; see :class:`HTMLOptions`.

    >>> from newsitem import Brief
    >>> render_html(Brief(headline="Tom & Jerry", label="News Feed"))
    '<article class="newsitem-brief" itemscope itemtype="https://schema.org/NewsArticle"><header class="newsitem-brief__header"><p class="newsitem-brief__label" itemprop="genre">News Feed</p><h2 class="newsitem-brief__headline" itemprop="headline">Tom &amp; Jerry</h2></header></article>'

    Raises:
        RenderError: ``obj`` is not a model, or an option is unknown or invalid.
    """  # noqa: E501
    return _DEFAULT_RENDERER(obj, **options)


_DEFAULT_RENDERER = HTMLRenderer()
_DEFAULT_OPTIONS = HTMLOptions()


def model_html(obj: object) -> Markup:
    """Return a model's HTML as trusted markup: what the models' ``__html__`` returns.

    Jinja2, MarkupSafe and Django insert the result without escaping it again.

    >>> from newsitem import Author
    >>> model_html(Author(name="Jane <Doe>"))
    Markup('<section class="newsitem-author" itemscope itemtype="https://schema.org/Person"><div class="newsitem-author__text"><h2 class="newsitem-author__name" itemprop="name">Jane &lt;Doe&gt;</h2></div></section>')
    """  # noqa: E501
    return Markup(render_html(obj))  # noqa: S704 -- every plain string in it is escaped
