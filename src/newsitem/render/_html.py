"""The HTML renderer: semantic, accessible HTML5 cards for every model.

Every plain string is escaped; only :class:`~newsitem.SafeHTML` (sanitizer output) is
inserted as it is. Class names follow BEM under a configurable prefix
(``newsitem-brief__headline``). Each model type is drawn by a *part*: a function
``part(obj, context) -> str`` that returns HTML; :class:`HTMLRenderer` takes overrides per
model type, so one card can be replaced without touching the others.
"""

from __future__ import annotations

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
from newsitem.errors import NewsitemError, RenderError
from newsitem.models import (
    Author,
    Brief,
    Image,
    Page,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
)

from ._display import (
    MODEL_TYPES,
    check_model,
    display_date,
    display_duration,
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
    seconds = max(1, round(value.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"PT{hours}H{minutes}M{secs}S"


def _time(value: date, cls: str, text: str | None = None) -> str:
    shown = escape_html(text) if text is not None else display_date(value)
    return f'<time class="{cls}" datetime="{_datetime_attr(value)}">{shown}</time>'


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
            the allowlist (:func:`newsitem.sanitize.video_player`); others keep their
            thumbnail and link.
        sources: Show a brief's source attributions in its footer.
        stylesheet: With ``document``: ``True`` embeds the default stylesheet, ``False``
            none, a string embeds that CSS.
        description_limit: How many characters of a video description show before
            "Show more".
        labels: Interface words to change, by key (see ``DEFAULT_LABELS``).
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


# --- the context and the parts ---------------------------------------------------------------


class HTMLContext:
    """What a part sees while it draws: the options, and a way to draw nested models.

    Attributes:
        options: The :class:`HTMLOptions` of this call.
        prefix: The class-name prefix.
        labels: The interface words.
        level: The heading level for the model being drawn (1-6).
        page: The page being drawn, when the call started at a page.
    """

    __slots__ = ("_parts", "labels", "level", "options", "page", "prefix")

    def __init__(self, options: HTMLOptions, parts: Mapping[type, HTMLPart], level: int) -> None:
        self.options = options
        self.prefix = options.prefix
        self.labels = options.labels
        self.level = level
        self.page: Page | None = None
        self._parts = parts

    escape = staticmethod(escape_html)

    def render(self, obj: object, *, level: int | None = None) -> str:
        """Draw ``obj`` with the part for its type, its headings at ``level``.

        ``level`` defaults to one below the current level (at most 6).

        Raises:
            RenderError: no part draws ``obj``'s type.
        """
        part = self._parts.get(type(obj))
        if part is None:
            raise RenderError(f"no HTML part draws {type(obj).__name__}")
        saved = self.level
        self.level = min(6, saved + 1) if level is None else level
        try:
            return part(obj, self)
        finally:
            self.level = saved


def _image_tag(image: Image, cls: str, alt: str | None = None) -> str:
    alt_text = image.alt if alt is None else alt
    size = ""
    if image.width is not None and image.height is not None:
        size = f' width="{image.width}" height="{image.height}"'
    return (
        f'<img class="{cls}" src="{escape_html(image.url)}" '
        f'alt="{escape_html(alt_text or "")}"{size} loading="lazy">'
    )


def _image(image: Image, ctx: HTMLContext) -> str:
    p = ctx.prefix
    out = [f'<figure class="{p}-image">', _image_tag(image, f"{p}-image__img")]
    if image.caption is not None or image.credit is not None:
        out.append(f'<figcaption class="{p}-image__caption">')
        if image.caption is not None:
            out.append(escape_html(image.caption))
        if image.credit is not None:
            out.append(f' <small class="{p}-image__credit">{escape_html(image.credit)}</small>')
        out.append("</figcaption>")
    out.append("</figure>")
    return "".join(out)


def _author_name(author: Author, cls: str) -> str:
    name = escape_html(author.name)
    if author.url is None:
        return f'<span class="{cls}">{name}</span>'
    return f'<a class="{cls}" href="{escape_html(author.url)}" rel="author">{name}</a>'


def _byline(authors: tuple[Author, ...], ctx: HTMLContext) -> str:
    p = ctx.prefix
    names = [_author_name(a, f"{p}-brief__author") for a in authors]
    joined = (
        names[0]
        if len(names) == 1
        else (", ".join(names[:-1]) + f" {escape_html(ctx.labels['and'])} " + names[-1])
    )
    return f'<span class="{p}-brief__byline">{escape_html(ctx.labels["by"])} {joined}</span>'


def _attribution(source: SourceAttribution, ctx: HTMLContext) -> str:
    p = ctx.prefix
    name = escape_html(source.name)
    if source.url is not None:
        name = f'<a href="{escape_html(source.url)}">{name}</a>'
    out = [f'<li class="{p}-brief__source"><cite>{name}</cite>']
    if source.date is not None:
        out.append(", " + _time(source.date, f"{p}-brief__source-date", source.date_text))
    elif source.date_text is not None:
        out.append(f", {escape_html(source.date_text)}")
    out.append("</li>")
    return "".join(out)


def _brief(brief: Brief, ctx: HTMLContext) -> str:
    p = ctx.prefix
    level = ctx.level
    lang = f' lang="{brief.language}"' if brief.language is not None else ""
    out = [f'<article class="{p}-brief"{lang}>', f'<header class="{p}-brief__header">']
    if brief.label is not None:
        out.append(f'<p class="{p}-brief__label">{escape_html(brief.label)}</p>')
    headline = escape_html(brief.headline)
    page = ctx.page
    if brief.url is not None and (page is None or page.url != brief.url):
        headline = f'<a href="{escape_html(brief.url)}">{headline}</a>'
    out.append(f'<h{level} class="{p}-brief__headline">{headline}</h{level}>')
    meta = []
    authors = brief.authors
    if page is not None and authors:
        carded = [b for b in page.blocks if isinstance(b, Author)]
        authors = tuple(a for a in authors if not any(same_author(a, c) for c in carded))
    if authors:
        meta.append(_byline(authors, ctx))
    if brief.published is not None:
        meta.append(_time(brief.published, f"{p}-brief__published"))
    if brief.modified is not None and brief.modified != brief.published:
        updated = escape_html(ctx.labels["modified"])
        meta.append(
            f'<span class="{p}-brief__modified">{updated} '
            f"{_time(brief.modified, f'{p}-brief__modified-date')}</span>"
        )
    reading = reading_time_text(brief, ctx.labels)
    if reading is not None:
        meta.append(f'<span class="{p}-brief__reading-time">{escape_html(reading)}</span>')
    if meta:
        out.append(f'<p class="{p}-brief__meta">{"".join(meta)}</p>')
    out.append("</header>")
    if brief.summary is not None:
        out.append(f'<p class="{p}-brief__summary">{_safe(brief.summary)}</p>')
    if brief.images:
        out.append(ctx.render(brief.images[0], level=level))
    if brief.body is not None:
        out.append(f'<div class="{p}-brief__body">{_safe(brief.body)}</div>')
    for image in brief.images[1:]:
        out.append(ctx.render(image, level=level))
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
            tags = "".join(
                f'<li class="{p}-brief__tag">{escape_html(tag)}</li>' for tag in brief.tags
            )
            out.append(
                f'<section class="{p}-brief__tags-section">'
                f'<h{sub} class="{p}-visually-hidden">{escape_html(ctx.labels["tags"])}</h{sub}>'
                f'<ul class="{p}-brief__tags">{tags}</ul></section>'
            )
        out.append("</footer>")
    for block in (*brief.related, *brief.videos):
        out.append(ctx.render(block))
    out.append("</article>")
    return "".join(out)


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _author(author: Author, ctx: HTMLContext) -> str:
    p = ctx.prefix
    level = ctx.level
    out = [f'<section class="{p}-author">']
    if author.avatar is not None:
        out.append(_image_tag(author.avatar, f"{p}-author__avatar"))
    out.append(f'<div class="{p}-author__text">')
    out.append(f'<h{level} class="{p}-author__name">{escape_html(author.name)}</h{level}>')
    if author.role is not None:
        out.append(f'<p class="{p}-author__role">{escape_html(author.role)}</p>')
    if author.bio is not None:
        out.append(f'<p class="{p}-author__bio">{_safe(author.bio)}</p>')
    if author.email is not None:
        mailto = "mailto:" + quote(author.email, safe="@!$'()*+,;=.-_~")
        out.append(
            f'<p class="{p}-author__email"><a href="{escape_html(mailto)}">'
            f"{escape_html(author.email)}</a></p>"
        )
    if author.same_as:
        links = "".join(
            f'<li><a href="{escape_html(url)}" rel="me">{escape_html(_host(url))}</a></li>'
            for url in author.same_as
        )
        out.append(f'<ul class="{p}-author__profiles">{links}</ul>')
    if author.url is not None:
        out.append(
            f'<p class="{p}-author__more"><a href="{escape_html(author.url)}" rel="author">'
            f"{escape_html(ctx.labels['read_more'])}"
            f'<span class="{p}-visually-hidden">: {escape_html(author.name)}</span></a></p>'
        )
    out.append("</div></section>")
    return "".join(out)


def _related_item(item: RelatedItem, ctx: HTMLContext) -> str:
    p = ctx.prefix
    level = ctx.level
    tag = "article" if item.headline is not None else "div"
    out = [f'<{tag} class="{p}-item">']
    if item.image is not None:
        out.append(_image_tag(item.image, f"{p}-item__image"))
    if item.label is not None:
        out.append(f'<p class="{p}-item__label">{escape_html(item.label)}</p>')
    if item.headline is not None:
        headline = escape_html(item.headline)
        if item.url is not None:
            headline = f'<a href="{escape_html(item.url)}">{headline}</a>'
        out.append(f'<h{level} class="{p}-item__headline">{headline}</h{level}>')
    if item.published is not None:
        out.append(f'<p class="{p}-item__meta">{_time(item.published, f"{p}-item__date")}</p>')
    if item.summary is not None:
        out.append(f'<p class="{p}-item__summary">{_safe(item.summary)}</p>')
    if item.headline is None and item.url is not None:
        out.append(
            f'<p class="{p}-item__more"><a href="{escape_html(item.url)}">'
            f"{escape_html(ctx.labels['read_more'])}</a></p>"
        )
    out.append(f"</{tag}>")
    return "".join(out)


def _related_block(block: RelatedBlock, ctx: HTMLContext) -> str:
    p = ctx.prefix
    level = ctx.level
    out = [f'<section class="{p}-related">']
    inner = level
    if block.title is not None:
        out.append(f'<h{level} class="{p}-related__title">{escape_html(block.title)}</h{level}>')
        inner = min(6, level + 1)
    out.append(f'<ul class="{p}-related__list">')
    for item in block.items:
        out.append(f'<li class="{p}-related__item">{ctx.render(item, level=inner)}</li>')
    out.append("</ul>")
    if block.see_all is not None:
        text = block.see_all.text or ctx.labels["see_all"]
        out.append(
            f'<p class="{p}-related__see-all"><a href="{escape_html(block.see_all.url)}">'
            f"{escape_html(text)}</a></p>"
        )
    out.append("</section>")
    return "".join(out)


def _video_media(video: VideoTeaser, ctx: HTMLContext) -> str:
    p = ctx.prefix
    if ctx.options.video_player and video.provider is not None and video.video_id is not None:
        from newsitem.sanitize import video_player

        title = video.title or video.label or ctx.labels["watch"]
        try:
            player = video_player(video.provider, video.video_id, title=title)
        except NewsitemError:
            player = None  # provider not on the allowlist: keep the thumbnail and link
        if player is not None:
            return f'<div class="{p}-video__media {p}-video__player">{_safe(player)}</div>'
    if video.thumbnail is None:
        return ""
    image = _image_tag(video.thumbnail, f"{p}-video__thumbnail")
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
    level = ctx.level
    out = [f'<section class="{p}-video">']
    title_level = level
    if video.label is not None:
        out.append(f'<h{level} class="{p}-video__label">{escape_html(video.label)}</h{level}>')
        title_level = min(6, level + 1)
    out.append(_video_media(video, ctx))
    if video.title is not None:
        title = escape_html(video.title)
        if video.url is not None:
            title = f'<a href="{escape_html(video.url)}">{title}</a>'
        out.append(f'<h{title_level} class="{p}-video__title">{title}</h{title_level}>')
    meta = []
    if video.duration is not None:
        meta.append(
            f'<span class="{p}-video__duration">{escape_html(ctx.labels["duration"])} '
            f'<time datetime="{_duration_attr(video.duration)}">'
            f"{display_duration(video.duration)}</time></span>"
        )
    if video.published is not None:
        meta.append(_time(video.published, f"{p}-video__published"))
    if meta:
        out.append(f'<p class="{p}-video__meta">{"".join(meta)}</p>')
    if video.description is not None:
        lead, rest = split_description(video.description, ctx.options.description_limit)
        out.append(f'<p class="{p}-video__description">{escape_html(lead)}</p>')
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
    level = ctx.level
    lang = f' lang="{page.language}"' if page.language is not None else ""
    saved, ctx.page = ctx.page, page
    try:
        out = [f'<div class="{p}-page"{lang}>']
        if page.brief is not None:
            out.append(ctx.render(page.brief, level=level))
        if page.blocks:
            out.append(f'<div class="{p}-page__blocks">')
            out.extend(ctx.render(block) for block in page.blocks)
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


def _freeze_parts(value: Mapping[type, HTMLPart]) -> Mapping[type, HTMLPart]:
    for model_type, part in value.items():
        if model_type not in MODEL_TYPES:
            names = ", ".join(t.__name__ for t in MODEL_TYPES)
            raise RenderError(f"cannot override {model_type!r}: expected one of {names}")
        if not callable(part):
            raise RenderError(
                f"override for {model_type.__name__}: expected a function (obj, context) -> "
                f"str, got {type(part).__name__}"
            )
    return MappingProxyType(dict(value))


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
        factory=dict, converter=_freeze_parts, kw_only=True
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
    '<article class="newsitem-brief"><header class="newsitem-brief__header"><p class="newsitem-brief__label">News Feed</p><h2 class="newsitem-brief__headline">Tom &amp; Jerry</h2></header></article>'

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
    Markup('<section class="newsitem-author"><div class="newsitem-author__text"><h2 class="newsitem-author__name">Jane &lt;Doe&gt;</h2></div></section>')
    """  # noqa: E501
    return Markup(render_html(obj))  # noqa: S704 -- every plain string in it is escaped
