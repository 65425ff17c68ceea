"""The plain-text renderer: what a reader sees, with no markup.

Blocks are separated by blank lines. Sanitized markup (bodies, summaries, bios) is turned
into text with lxml: paragraphs and headings become paragraphs, lists get bullets or
numbers, quotes get ``> ``, ``<br>`` breaks the line, links are written inline
(``text (url)``), as numbered references (``text [1]`` and a list at the end) or as their
text only. Control characters and bidirectional overrides are stripped.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal, TypeAlias

import attrs
import lxml.html
from lxml import etree

from newsitem._markup import SafeHTML
from newsitem.errors import RenderError
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
    check_model,
    display_date,
    display_duration,
    freeze_parts,
    make_options,
    merge_labels,
    reading_time_text,
    same_author,
)

__all__ = [
    "TextContext",
    "TextOptions",
    "TextPart",
    "TextRenderer",
    "clean_text",
    "html_to_text",
    "render_text",
]

#: A function that writes one model type as text: ``part(obj, context) -> str``.
TextPart: TypeAlias = Callable[[Any, "TextContext"], str]

LinkStyle: TypeAlias = Literal["inline", "references", "none"]

# C0 and C1 controls except the line feed, bidi embeddings, overrides and isolates,
# and noncharacters.
_UNWANTED = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)
_SPACES = re.compile(r"[^\S\n]+")
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dl", "dt", "div",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    }
)  # fmt: skip
_SKIP_TAGS = frozenset(
    {"script", "style", "template", "head", "title", "noscript", "iframe", "object"}
)
_MIN_WIDTH = 20


def clean_text(value: str) -> str:
    """Strip control characters and bidi overrides; tabs become spaces.

    >>> clean_text("a\\tb\\u202ec\\x00d\\ne")
    'a bcd\\ne'
    """
    return _UNWANTED.sub(lambda m: " " if m.group() == "\t" else "", value)


def _one_line(value: str) -> str:
    return " ".join(clean_text(value).split())


# --- options -------------------------------------------------------------------------------


def _check_width(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < _MIN_WIDTH:
        raise RenderError(
            f"text option width: expected None or an int of at least {_MIN_WIDTH}, got {value!r}"
        )


def _check_links(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if value not in ("inline", "references", "none"):
        raise RenderError(
            f"text option links: expected 'inline', 'references' or 'none', got {value!r}"
        )


def _check_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise RenderError(f"text option {attribute.name}: expected True or False, got {value!r}")


@attrs.frozen(kw_only=True)
class TextOptions:
    """The options of the text renderer; pass them as keywords to :func:`render_text`.

    Args:
        width: Wrap paragraphs at this many characters (at least 20); ``None`` (the
            default) writes each paragraph on one line. Words longer than the width (URLs)
            are never broken.
        links: ``"inline"`` writes ``text (url)``; ``"references"`` writes ``text [1]`` and
            the numbered URLs at the end; ``"none"`` writes the link text only.
        sources: Write a brief's source attributions ("Sources: ...") after its body. Off
            by default: the body already names its sources in its sentences.
        images: Write images as their alt text in brackets (``[Avatar]``). Off by default:
            alt text is an interface word for a picture the text cannot show.
        labels: Interface words to change, by key (see ``DEFAULT_LABELS``).
    """

    width: int | None = attrs.field(default=None, validator=_check_width)
    links: LinkStyle = attrs.field(default="inline", validator=_check_links)
    sources: bool = attrs.field(default=False, validator=_check_bool)
    images: bool = attrs.field(default=False, validator=_check_bool)
    labels: Mapping[str, str] = attrs.field(default=None, converter=merge_labels)


# --- the context -----------------------------------------------------------------------------


class TextContext:
    """What a part sees while it writes: the options, links, and nested rendering.

    Attributes:
        options: The :class:`TextOptions` of this call.
        labels: The interface words.
        page: The page being written, when the call started at a page.
    """

    __slots__ = ("_parts", "_references", "labels", "options", "page")

    def __init__(self, options: TextOptions, parts: Mapping[type, TextPart]) -> None:
        self.options = options
        self.labels = options.labels
        self.page: Page | None = None
        self._parts = parts
        self._references: dict[str, int] = {}

    def render(self, obj: object) -> str:
        """Write ``obj`` with the part for its type.

        Raises:
            RenderError: no part writes ``obj``'s type.
        """
        part = self._parts.get(type(obj))
        if part is None:
            raise RenderError(f"no text part writes {type(obj).__name__}")
        return part(obj, self)

    def link(self, text: str, url: str) -> str:
        """Write a link in the configured style."""
        text = text.strip()
        style = self.options.links
        if style == "none":
            return text or url
        if style == "references":
            number = self._references.setdefault(url, len(self._references) + 1)
            return f"{text} [{number}]" if text else f"{url} [{number}]"
        return f"{text} ({url})" if text and text != url else url

    def paragraph(self, text: str, *, indent: str = "") -> str:
        """Wrap one paragraph of plain text to the configured width."""
        return _wrap(text, self.options.width, indent, indent)

    def markup(self, html: SafeHTML) -> str:
        """Turn sanitized markup into text paragraphs, separated by blank lines."""
        return "\n\n".join("\n".join(chunk) for chunk in _markup_chunks(html, self))

    def references(self) -> str:
        """The numbered references collected so far, one per line."""
        return "\n".join(f"[{n}] {url}" for url, n in self._references.items())


def _wrap(text: str, width: int | None, first: str, rest: str) -> str:
    lines = []
    for line in text.split("\n"):
        if width is None:
            lines.append(first + line)
        else:
            lines.append(
                textwrap.fill(
                    line,
                    width=max(_MIN_WIDTH, width),
                    initial_indent=first,
                    subsequent_indent=rest,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or first.rstrip()
            )
        first = rest
    return "\n".join(lines)


# --- markup to text --------------------------------------------------------------------------


class _Walker:
    """Collects the text chunks (lists of lines) of one markup fragment."""

    __slots__ = ("buffer", "chunks", "ctx", "width")

    def __init__(self, ctx: TextContext, width: int | None) -> None:
        self.ctx = ctx
        self.width = width
        self.chunks: list[list[str]] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        if not self.buffer:
            return
        raw = clean_text("".join(self.buffer))
        self.buffer = []
        lines = [" ".join(part.split()) for part in raw.split("\n")]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            self.chunks.append(_wrap("\n".join(lines), self.width, "", "").split("\n"))

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value)

    def walk_children(self, element: etree._Element) -> None:
        self.text(element.text)
        for child in element:
            self.walk(child)
            self.text(child.tail)

    def walk(self, element: etree._Element) -> None:
        tag = element.tag
        if not isinstance(tag, str):  # comments, processing instructions
            return
        tag = tag.lower()
        if tag in _SKIP_TAGS:
            return
        if tag == "br":
            self.buffer.append("\n")
        elif tag == "img":
            alt = _one_line(element.get("alt") or "")
            if self.ctx.options.images and alt:
                self.buffer.append(f"[{alt}]")
        elif tag == "a":
            self.link(element)
        elif tag not in _BLOCK_TAGS:
            self.walk_children(element)
        else:
            self.flush()
            self.block(element, tag)
            self.flush()

    def link(self, element: etree._Element) -> None:
        href = (element.get("href") or "").strip()
        start = len(self.buffer)
        chunks_before = len(self.chunks)
        self.walk_children(element)
        if not href.startswith(("http://", "https://", "mailto:")):
            return
        if len(self.chunks) != chunks_before:  # a block inside the link: mark where it ended
            self.buffer.append(" " + self.ctx.link("", href).strip())
            return
        inner = "".join(self.buffer[start:])
        del self.buffer[start:]
        text = " ".join(clean_text(inner).split())
        self.buffer.append(self.ctx.link(text, href))

    def sub(self, element: etree._Element, width: int | None) -> list[list[str]]:
        walker = _Walker(self.ctx, width)
        walker.walk_children(element)
        walker.flush()
        return walker.chunks

    def block(self, element: etree._Element, tag: str) -> None:
        width = self.width
        if tag in ("ul", "ol"):
            self.list_block(element, ordered=tag == "ol")
        elif tag == "blockquote":
            inner = self.sub(element, None if width is None else max(_MIN_WIDTH, width - 2))
            lines: list[str] = []
            for chunk in inner:
                if lines:
                    lines.append(">")
                lines.extend(f"> {line}" if line else ">" for line in chunk)
            if lines:
                self.chunks.append(lines)
        elif tag == "pre":
            text = clean_text(_text_content(element)).strip("\n")
            if text.strip():
                self.chunks.append(text.split("\n"))
        elif tag == "tr":
            cells = [
                " ".join(clean_text(_text_content(cell)).split())
                for cell in element
                if isinstance(cell.tag, str)
            ]
            if any(cells):
                self.chunks.append([" | ".join(cells)])
        elif tag == "hr":
            return
        else:
            self.walk_children(element)

    def list_block(self, element: etree._Element, *, ordered: bool) -> None:
        lines: list[str] = []
        number = 0
        start = element.get("start")
        if ordered and start is not None and start.strip().lstrip("-").isdigit():
            number = int(start) - 1
        for child in element:
            if not isinstance(child.tag, str):
                continue
            number += 1
            marker = f"{number}. " if ordered else "• "
            indent = " " * len(marker)
            width = None if self.width is None else max(_MIN_WIDTH, self.width - len(marker))
            item_lines = [line for chunk in self.sub(child, width) for line in chunk]
            if not item_lines:
                continue
            lines.append(marker + item_lines[0])
            lines.extend(indent + line if line else "" for line in item_lines[1:])
        if lines:
            self.chunks.append(lines)


def _text_content(element: etree._Element) -> str:
    return "".join(str(piece) for piece in element.itertext())


def _markup_chunks(html: str, ctx: TextContext) -> list[list[str]]:
    if not html.strip():
        return []
    # lxml refuses control characters; they are stripped from the text anyway.
    root = lxml.html.fragment_fromstring(clean_text(html), create_parent="div")
    walker = _Walker(ctx, ctx.options.width)
    walker.walk_children(root)
    walker.flush()
    return walker.chunks


def html_to_text(html: SafeHTML, **options: Any) -> str:
    """Turn sanitized markup into plain text; the options are those of :func:`render_text`.

    >>> from newsitem.sanitize import sanitize_html
    >>> print(html_to_text(sanitize_html("<p>One <a href='https://x.org/'>link</a></p><ul><li>a</li><li>b</li></ul>")))
    One link (https://x.org/)
    <BLANKLINE>
    • a
    • b
    """
    opts: TextOptions = make_options(TextOptions, options, "text")
    ctx = TextContext(opts, DEFAULT_PARTS)
    return _finish(ctx.markup(html), ctx)


# --- the parts -----------------------------------------------------------------------------


def _join(blocks: list[str]) -> str:
    return "\n\n".join(block for block in blocks if block)


def _line(ctx: TextContext, text: str | None) -> str:
    if text is None:
        return ""
    return ctx.paragraph(_one_line(text))


def _image_alt(image: Image | None, ctx: TextContext) -> str:
    if image is None or not ctx.options.images:
        return ""
    alt = _one_line(image.alt or "")
    return f"[{alt}]" if alt else ""


def _image(image: Image, ctx: TextContext) -> str:
    caption = " ".join(
        _one_line(value) for value in (image.caption, image.credit) if value is not None
    )
    return _join([_image_alt(image, ctx), ctx.paragraph(caption) if caption else ""])


def _attribution(source: SourceAttribution) -> str:
    text = _one_line(source.name)
    when = source.date_text or (display_date(source.date) if source.date is not None else None)
    return f"{text} ({_one_line(when)})" if when else text


def _brief(brief: Brief, ctx: TextContext) -> str:
    blocks = [_line(ctx, brief.label)]
    headline = _one_line(brief.headline)
    page = ctx.page
    if brief.url is not None and (page is None or page.url != brief.url):
        headline = ctx.link(headline, brief.url)
    blocks.append(ctx.paragraph(headline))
    meta = []
    authors = brief.authors
    if page is not None and authors:
        carded = [b for b in page.blocks if isinstance(b, Author)]
        authors = tuple(a for a in authors if not any(same_author(a, c) for c in carded))
    if authors:
        names = [_one_line(a.name) for a in authors]
        joined = (
            names[0]
            if len(names) == 1
            else (", ".join(names[:-1]) + f" {ctx.labels['and']} " + names[-1])
        )
        meta.append(f"{ctx.labels['by']} {joined}")
    if brief.published is not None:
        meta.append(display_date(brief.published))
    if brief.modified is not None and brief.modified != brief.published:
        meta.append(f"{ctx.labels['modified']} {display_date(brief.modified)}")
    reading = reading_time_text(brief, ctx.labels)
    if reading is not None:
        meta.append(_one_line(reading))
    blocks.append(ctx.paragraph(" · ".join(part for part in meta if part)))
    if brief.summary is not None:
        blocks.append(ctx.markup(brief.summary))
    if brief.images:
        blocks.append(ctx.render(brief.images[0]))
    if brief.body is not None:
        blocks.append(ctx.markup(brief.body))
    blocks.extend(ctx.render(image) for image in brief.images[1:])
    if ctx.options.sources and brief.attributions:
        sources = "; ".join(_attribution(source) for source in brief.attributions)
        blocks.append(ctx.paragraph(f"{ctx.labels['sources']}: {sources}"))
    if brief.tags:
        blocks.append(
            ctx.paragraph(f"{ctx.labels['tags']}: " + ", ".join(map(_one_line, brief.tags)))
        )
    blocks.extend(ctx.render(block) for block in (*brief.related, *brief.videos))
    return _join(blocks)


def _author(author: Author, ctx: TextContext) -> str:
    blocks = [_image_alt(author.avatar, ctx), _line(ctx, author.name), _line(ctx, author.role)]
    if author.bio is not None:
        blocks.append(ctx.markup(author.bio))
    if author.email is not None:
        blocks.append(_line(ctx, author.email))
    if author.same_as:
        blocks.append("\n".join(ctx.paragraph(ctx.link(url, url)) for url in author.same_as))
    if author.url is not None:
        blocks.append(ctx.paragraph(ctx.link(ctx.labels["read_more"], author.url)))
    return _join(blocks)


def _related_item(item: RelatedItem, ctx: TextContext) -> str:
    blocks = [_image_alt(item.image, ctx), _line(ctx, item.label)]
    if item.headline is not None:
        headline = _one_line(item.headline)
        if item.url is not None:
            headline = ctx.link(headline, item.url)
        blocks.append(ctx.paragraph(headline))
    if item.published is not None:
        blocks.append(ctx.paragraph(display_date(item.published)))
    if item.summary is not None:
        blocks.append(ctx.markup(item.summary))
    if item.headline is None and item.url is not None:
        blocks.append(ctx.paragraph(ctx.link(ctx.labels["read_more"], item.url)))
    return _join(blocks)


def _related_block(block: RelatedBlock, ctx: TextContext) -> str:
    blocks = [_line(ctx, block.title)]
    blocks.extend(ctx.render(item) for item in block.items)
    if block.see_all is not None:
        text = _one_line(block.see_all.text or ctx.labels["see_all"])
        blocks.append(ctx.paragraph(ctx.link(text, block.see_all.url)))
    return _join(blocks)


def _video(video: VideoTeaser, ctx: TextContext) -> str:
    blocks = [_line(ctx, video.label), _image_alt(video.thumbnail, ctx)]
    if video.title is not None:
        title = _one_line(video.title)
        if video.url is not None:
            title = ctx.link(title, video.url)
        blocks.append(ctx.paragraph(title))
    meta = []
    if video.duration is not None:
        meta.append(f"{ctx.labels['duration']} {display_duration(video.duration)}")
    if video.published is not None:
        meta.append(display_date(video.published))
    blocks.append(ctx.paragraph(" · ".join(meta)))
    if video.description is not None:
        paragraphs = re.split(r"\n\s*\n", clean_text(video.description))
        blocks.extend(ctx.paragraph(" ".join(p.split())) for p in paragraphs if p.strip())
    if video.title is None and video.url is not None:
        blocks.append(ctx.paragraph(ctx.link(ctx.labels["watch"], video.url)))
    return _join(blocks)


def _page(page: Page, ctx: TextContext) -> str:
    saved, ctx.page = ctx.page, page
    try:
        blocks = [ctx.render(page.brief)] if page.brief is not None else []
        blocks.extend(ctx.render(block) for block in page.blocks)
    finally:
        ctx.page = saved
    return _join(blocks)


#: The built-in parts, by model type.
DEFAULT_PARTS: Mapping[type, TextPart] = MappingProxyType(
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


def _finish(text: str, ctx: TextContext) -> str:
    references = ctx.references()
    if references:
        text = f"{text}\n\n{references}" if text else references
    text = _UNWANTED.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")) + "\n" if text else ""


# --- the renderer ------------------------------------------------------------------------------


@attrs.frozen
class TextRenderer:
    """The plain-text renderer, with optional overrides for some model types.

    A part is ``part(obj, context) -> str``: it returns text paragraphs separated by blank
    lines, writes links with ``context.link`` and nested models with ``context.render``.

    >>> from newsitem import Author
    >>> renderer = TextRenderer().with_override(Author, lambda a, ctx: f"-- {a.name}")
    >>> renderer(Author(name="Jane Doe"))
    '-- Jane Doe\\n'

    Args:
        overrides: Model type -> part, used instead of the built-in part for that type.
    """

    overrides: Mapping[type, TextPart] = attrs.field(
        factory=dict, converter=freeze_parts, kw_only=True
    )

    def with_override(self, model_type: type, part: TextPart) -> TextRenderer:
        """Return a renderer that writes ``model_type`` with ``part``."""
        return TextRenderer(overrides={**self.overrides, model_type: part})

    def __call__(self, obj: object, **options: Any) -> str:
        """Render ``obj`` to text; see :class:`TextOptions` for the options.

        Raises:
            RenderError: ``obj`` is not a model, or an option is unknown or invalid.
        """
        check_model(obj, "text")
        opts: TextOptions = make_options(TextOptions, options, "text") if options else TextOptions()
        parts = {**DEFAULT_PARTS, **self.overrides} if self.overrides else DEFAULT_PARTS
        ctx = TextContext(opts, parts)
        return _finish(ctx.render(obj), ctx)


_DEFAULT_RENDERER = TextRenderer()


def render_text(obj: object, **options: Any) -> str:
    """Render a model to plain text with the built-in parts; see :class:`TextOptions`.

    The text ends with a newline; an empty rendering is ``""``.

    >>> from newsitem import Author
    >>> print(render_text(Author(name="Jane Doe", url="https://example.com/jane")), end="")
    Jane Doe
    <BLANKLINE>
    Read more (https://example.com/jane)

    Raises:
        RenderError: ``obj`` is not a model, or an option is unknown or invalid.
    """
    return _DEFAULT_RENDERER(obj, **options)
