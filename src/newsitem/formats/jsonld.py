"""schema.org JSON-LD, both directions.

:func:`to_jsonld` writes a model as schema.org JSON-LD with Google's recommended article
properties; :func:`read_jsonld` reads the JSON-LD blocks found in pages, tolerantly:
arrays of nodes, ``@graph``, ``@id`` references, several ``@type`` values, scalars where
lists are expected and the reverse, ``http`` and ``https`` contexts.

>>> from newsitem import Author, Brief
>>> doc = to_jsonld(Brief(headline="Xi deepens ties", authors=(Author(name="Jane Doe"),)))
>>> doc["@type"], doc["headline"], doc["author"]
('NewsArticle', 'Xi deepens ties', [{'@type': 'Person', 'name': 'Jane Doe'}])
>>> read_jsonld(doc)[0].authors[0].name
'Jane Doe'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Final, TypeAlias

from newsitem._datevalues import format_duration, parse_duration, parse_reading_time
from newsitem._markup import SafeHTML
from newsitem._schemaorg import KIND_TYPES, ORGANIZATION_TYPES, TYPE_KINDS
from newsitem.errors import JSONParseError, ParseError, RenderError, ValidationError
from newsitem.formats._common import (
    Problems,
    as_list,
    decode_json,
    format_iso,
    html_to_text,
    json_copy,
    json_type,
    normalize_duration,
    text_to_html,
)
from newsitem.models import (
    Author,
    AuthorKind,
    Brief,
    BriefKind,
    Image,
    JSONValue,
    Link,
    Page,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    SourceAttribution,
    VideoTeaser,
    is_http_url,
)

__all__ = ["JSONLDNode", "read_jsonld", "to_jsonld"]

#: What :func:`read_jsonld` returns for each node that describes something newsitem models.
JSONLDNode: TypeAlias = Brief | VideoTeaser | Author | RelatedBlock

_CONTEXT: Final = "https://schema.org"
_PREFIXES: Final = ("http://schema.org/", "https://schema.org/", "schema:")
# Article properties read into model fields; the rest are kept as "schema:<name>".
_ARTICLE_KEYS: Final = frozenset(
    [
        "@context",
        "@type",
        "@id",
        "headline",
        "name",
        "alternativeHeadline",
        "url",
        "mainEntityOfPage",
        "identifier",
        "articleSection",
        "description",
        "articleBody",
        "text",
        "datePublished",
        "dateCreated",
        "dateModified",
        "inLanguage",
        "author",
        "creator",
        "image",
        "thumbnailUrl",
        "keywords",
        "timeRequired",
        "citation",
        "video",
        "hasPart",
        "liveBlogUpdate",
    ]
)


# --- writing -------------------------------------------------------------------------------


def _image(image: Image) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "ImageObject", "url": image.url}
    if image.width is not None:
        out["width"] = image.width
    if image.height is not None:
        out["height"] = image.height
    if image.caption is not None:
        out["caption"] = image.caption
    if image.alt is not None:
        out["description"] = image.alt
    if image.credit is not None:
        out["creditText"] = image.credit
    return out


def _author(author: Author) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "Person" if author.kind is AuthorKind.PERSON else "Organization",
        "name": author.name,
    }
    if author.url is not None:
        out["url"] = author.url
    if author.avatar is not None:
        out["image"] = _image(author.avatar)
    if author.bio is not None:
        out["description"] = html_to_text(author.bio)
    if author.role is not None:
        out["jobTitle"] = author.role
    if author.email is not None:
        out["email"] = author.email
    if author.same_as:
        out["sameAs"] = list(author.same_as)
    return out


def _video(video: VideoTeaser) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "VideoObject"}
    if video.title is not None:
        out["name"] = video.title
    if video.description is not None:
        out["description"] = video.description
    if video.url is not None:
        out["url"] = video.url
    if video.embed_url is not None:
        out["embedUrl"] = video.embed_url
    if video.content_url is not None:
        out["contentUrl"] = video.content_url
    if video.thumbnail is not None:
        out["thumbnailUrl"] = video.thumbnail.url
        out["thumbnail"] = _image(video.thumbnail)
    if video.duration is not None:
        out["duration"] = format_duration(video.duration)
    if video.published is not None:
        out["uploadDate"] = format_iso(video.published)
    if video.provider is not None and video.video_id is not None:
        out["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": video.provider,
            "value": video.video_id,
        }
    if video.label is not None:
        out["genre"] = video.label
    return out


def _item_list(block: RelatedBlock) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "ItemList"}
    if block.title is not None:
        out["name"] = block.title
    if block.see_all is not None:
        out["url"] = block.see_all.url
    elements = []
    for position, item in enumerate(block.items, start=1):
        node: dict[str, Any] = {"@type": "Article"}
        if item.headline is not None:
            node["headline"] = item.headline
        if item.summary is not None:
            node["description"] = html_to_text(item.summary)
        if item.url is not None:
            node["url"] = item.url
        if item.published is not None:
            node["datePublished"] = format_iso(item.published)
        if item.image is not None:
            node["image"] = _image(item.image)
        if item.label is not None:
            node["genre"] = item.label
        elements.append({"@type": "ListItem", "position": position, "item": node})
    out["itemListElement"] = elements
    return out


def _extensions(node: dict[str, Any], extensions: Mapping[str, JSONValue]) -> None:
    """Write extensions as properties: ``schema:wordCount`` as ``wordCount``, unless the
    models own that name (then as the compact IRI ``schema:wordCount``); other namespaces
    as they are (``x-acme:slot``)."""
    for key, value in extensions.items():
        namespace, _, name = key.partition(":")
        target = key
        if namespace == "schema" and name not in _ARTICLE_KEYS and name not in node:
            target = name
        node[target] = json_copy(value)


def _article(brief: Brief, graph: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": KIND_TYPES[brief.kind], "headline": brief.headline}
    if brief.url is not None:
        out["@id"] = brief.url
        out["url"] = brief.url
        out["mainEntityOfPage"] = brief.url
    if brief.id is not None:
        out["identifier"] = brief.id
    if brief.published is not None:
        out["datePublished"] = format_iso(brief.published)
    if brief.modified is not None:
        out["dateModified"] = format_iso(brief.modified)
    if brief.authors:
        out["author"] = [_author(author) for author in brief.authors]
    if brief.images:
        out["image"] = [_image(image) for image in brief.images]
    if brief.summary is not None:
        out["description"] = html_to_text(brief.summary)
    if brief.body is not None:
        out["articleBody"] = html_to_text(brief.body)
    if brief.language is not None:
        out["inLanguage"] = brief.language
    if brief.section is not None:
        out["articleSection"] = brief.section
    if brief.tags:
        out["keywords"] = list(brief.tags)
    if brief.reading_time is not None:
        out["timeRequired"] = f"PT{brief.reading_time.minutes}M"
    if brief.attributions:
        out["citation"] = [_citation(source) for source in brief.attributions]
    for index, video in enumerate(brief.videos):
        graph.append({"@id": f"_:video-{index}", **_video(video)})
    if brief.videos:
        out["video"] = [{"@id": f"_:video-{i}"} for i in range(len(brief.videos))]
    for index, block in enumerate(brief.related):
        graph.append({"@id": f"_:related-{index}", **_item_list(block)})
    if brief.related:
        out["hasPart"] = [{"@id": f"_:related-{i}"} for i in range(len(brief.related))]
    _extensions(out, brief.extensions)
    return out


def _citation(source: SourceAttribution) -> dict[str, Any]:
    out: dict[str, Any] = {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": source.name},
    }
    if source.url is not None:
        out["url"] = source.url
    if source.date is not None:
        out["datePublished"] = format_iso(source.date)
    if source.text is not None:
        out["abstract"] = source.text
    return out


def _with_graph(main: dict[str, Any], graph: list[dict[str, Any]]) -> dict[str, Any]:
    if not graph:
        return {"@context": _CONTEXT, **main}
    return {"@context": _CONTEXT, "@graph": [main, *graph]}


def to_jsonld(obj: Any, **options: Any) -> dict[str, Any]:
    """Write a model as schema.org JSON-LD.

    A :class:`~newsitem.Brief` becomes a ``NewsArticle`` (or the type its kind names) with
    ``headline``, ``image``, ``datePublished`` and ``dateModified`` with offsets,
    ``author`` as ``Person`` or ``Organization``, and the body as plain-text
    ``articleBody``; its videos and related blocks become ``VideoObject`` and ``ItemList``
    nodes of an ``@graph``, referenced from the article (``video``, ``hasPart``). A page
    becomes a ``WebPage`` node beside its article and blocks; an author, a video teaser or
    a related block becomes a node of its own.

    Args:
        obj: A :class:`~newsitem.Page`, :class:`~newsitem.Brief`, :class:`~newsitem.Author`,
            :class:`~newsitem.VideoTeaser`, :class:`~newsitem.RelatedBlock` or
            :class:`~newsitem.Image`.
        options: Accepted for the render registry's uniform call; none is used.

    Raises:
        RenderError: ``obj`` is not one of those models.
    """
    del options
    graph: list[dict[str, Any]] = []
    if isinstance(obj, Brief):
        return _with_graph(_article(obj, graph), graph)
    if isinstance(obj, Page):
        return _page(obj)
    if isinstance(obj, Author):
        node = _author(obj)
    elif isinstance(obj, VideoTeaser):
        node = _video(obj)
    elif isinstance(obj, RelatedBlock):
        node = _item_list(obj)
    elif isinstance(obj, Image):
        node = _image(obj)
    else:
        raise RenderError(f"JSON-LD cannot hold a {type(obj).__name__}")
    _extensions(node, getattr(obj, "extensions", {}))
    return {"@context": _CONTEXT, **node}


def _page(page: Page) -> dict[str, Any]:
    graph: list[dict[str, Any]] = []
    web: dict[str, Any] = {"@type": "WebPage"}
    if page.url is not None:
        web["@id"] = page.url
        web["url"] = page.url
    if page.title is not None:
        web["name"] = page.title
    if page.language is not None:
        web["inLanguage"] = page.language
    if page.site_name is not None:
        web["isPartOf"] = {"@type": "WebSite", "name": page.site_name}
    _extensions(web, page.extensions)
    nodes = [web]
    if page.brief is not None:
        article = _article(page.brief, graph)
        article.setdefault("@id", "_:article")
        web["mainEntity"] = {"@id": article["@id"]}
        nodes.append(article)
    for block in page.blocks:
        node = (
            _author(block)
            if isinstance(block, Author)
            else _video(block)
            if isinstance(block, VideoTeaser)
            else _item_list(block)
        )
        _extensions(node, block.extensions)
        nodes.append(node)
    return {"@context": _CONTEXT, "@graph": nodes + graph}


# --- reading -------------------------------------------------------------------------------


def _types(node: Mapping[str, Any]) -> list[str]:
    out = []
    for value in as_list(node.get("@type")):
        if isinstance(value, str):
            for prefix in _PREFIXES:
                if value.startswith(prefix):
                    value = value[len(prefix) :]
                    break
            out.append(value)
    return out


class _Graph:
    """The nodes of one JSON-LD document, with ``@id`` references resolved on demand."""

    def __init__(self, roots: list[Any], base_url: str | None, problems: Problems) -> None:
        self.by_id: dict[str, dict[str, Any]] = {}
        self.roots: list[tuple[str, dict[str, Any]]] = []
        self.referenced: set[int] = set()
        self.base_url = base_url
        self.p = problems
        for index, root in enumerate(roots):
            path = f"$[{index}]" if len(roots) > 1 else "$"
            if not isinstance(root, dict):
                continue
            graph = root.get("@graph")
            if isinstance(graph, list | dict):
                for position, node in enumerate(as_list(graph)):
                    if isinstance(node, dict):
                        self.roots.append((f"{path}['@graph'][{position}]", node))
            if len(root) > 2 or "@graph" not in root:
                self.roots.append((path, root))
        stack: list[Any] = [node for _, node in self.roots]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                node_id = node.get("@id")
                if isinstance(node_id, str) and len(node) > 1 and node_id not in self.by_id:
                    self.by_id[node_id] = node
                stack.extend(v for k, v in node.items() if k != "@context")
            elif isinstance(node, list):
                stack.extend(node)

    def resolve(self, value: Any) -> Any:
        """The node an ``{"@id": ...}`` reference names, or the value itself."""
        if (
            isinstance(value, dict) and "@id" in value and len(value) <= 2 and "@type" not in value
        ) or (isinstance(value, dict) and len(value) == 1 and "@id" in value):
            target = self.by_id.get(value["@id"]) if isinstance(value.get("@id"), str) else None
            if target is not None:
                self.referenced.add(id(target))
                return target
        return value

    def nodes(self, node: Mapping[str, Any], key: str) -> list[Any]:
        """The values of a property as a list, references resolved."""
        return [self.resolve(v) for v in as_list(node.get(key))]

    def text(self, value: Any) -> str | None:
        """A string from a string, a language-tagged value, or a node's ``name``."""
        value = self.resolve(value)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str | dict)), None)
        if isinstance(value, dict):
            value = value.get("@value", value.get("name"))
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value
        return None

    def url(self, value: Any) -> str | None:
        """A URL from a string, or a node's ``url`` or ``@id``."""
        value = self.resolve(value)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("url") or value.get("contentUrl") or value.get("@id")
            if isinstance(value, list):
                value = value[0] if value else None
        if not isinstance(value, str) or not value.strip():
            return None
        value = value.strip()
        if not is_http_url(value) and self.base_url is not None and not value.startswith("_:"):
            from urllib.parse import urljoin

            value = urljoin(self.base_url, value)
        return value if is_http_url(value) else None

    def date(self, node: Mapping[str, Any], key: str, path: str) -> Any:
        value = self.text(node.get(key))
        return None if value is None else self.p.parse_date(value, f"{path}.{key}")


def _int(value: Any) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, dict):
        return _int(value.get("value"))
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


def _read_image(g: _Graph, value: Any) -> Image | None:
    node = g.resolve(value)
    url = g.url(node)
    if url is None:
        return None
    if not isinstance(node, dict):
        return Image(url=url)
    alt = node.get("description")
    return Image(
        url=url,
        alt=alt if isinstance(alt, str) else None,
        caption=g.text(node.get("caption")),
        credit=g.text(node.get("creditText")),
        width=_int(node.get("width")),
        height=_int(node.get("height")),
    )


def _read_author(g: _Graph, value: Any) -> Author | None:
    node = g.resolve(value)
    if isinstance(node, str):
        return Author(name=node.strip()) if node.strip() and not is_http_url(node.strip()) else None
    if not isinstance(node, dict):
        return None
    name = g.text(node.get("name"))
    if name is None:
        return None
    kind = AuthorKind.ORGANIZATION if set(_types(node)) & ORGANIZATION_TYPES else AuthorKind.PERSON
    bio = g.text(node.get("description"))
    same_as = tuple(u for u in (g.url(v) for v in as_list(node.get("sameAs"))) if u)
    image = node.get("image")
    return Author(
        name=name,
        kind=kind,
        url=g.url(node.get("url")),
        avatar=_read_image(g, image[0] if isinstance(image, list) and image else image),
        bio=text_to_html(bio) if bio else None,
        role=g.text(node.get("jobTitle")),
        email=g.text(node.get("email")),
        same_as=same_as,
    )


def _read_video(g: _Graph, node: Mapping[str, Any], path: str) -> VideoTeaser | None:
    identifier = g.resolve(node.get("identifier"))
    provider = video_id = None
    if isinstance(identifier, dict):
        prop, value = identifier.get("propertyID"), identifier.get("value")
        if isinstance(prop, str) and isinstance(value, str) and prop.islower() and value.strip():
            provider, video_id = prop, value
    thumbnail = _read_image(g, node.get("thumbnail")) or _read_image(
        g, as_list(node.get("thumbnailUrl"))[0] if node.get("thumbnailUrl") else None
    )
    duration = node.get("duration")
    try:
        return VideoTeaser(
            title=g.text(node.get("name")),
            description=g.text(node.get("description")),
            url=g.url(node.get("url")),
            embed_url=g.url(node.get("embedUrl")),
            content_url=g.url(node.get("contentUrl")),
            thumbnail=thumbnail,
            duration=g.p.duration(duration, f"{path}.duration") if duration else None,
            published=g.date(node, "uploadDate", path),
            provider=provider,
            video_id=video_id,
            label=g.text(node.get("genre")),
        )
    except ValidationError as exc:
        g.p.add(path, exc.message)
        return None


def _read_item_list(g: _Graph, node: Mapping[str, Any], path: str) -> RelatedBlock | None:
    items = []
    for element in g.nodes(node, "itemListElement"):
        item = (
            g.resolve(element.get("item"))
            if isinstance(element, dict) and "item" in element
            else element
        )
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict):
            continue
        headline = g.text(item.get("headline")) or g.text(item.get("name"))
        description = g.text(item.get("description"))
        if headline is None and description is None:
            continue
        image = item.get("image")
        items.append(
            RelatedItem(
                headline=headline,
                summary=text_to_html(description) if description else None,
                url=g.url(item.get("url"))
                or (g.url(element.get("url")) if isinstance(element, dict) else None),
                published=g.date(item, "datePublished", path),
                image=_read_image(g, image[0] if isinstance(image, list) and image else image),
                label=g.text(item.get("genre")),
            )
        )
    if not items:
        return None
    see_all = g.url(node.get("url"))
    return RelatedBlock(
        title=g.text(node.get("name")),
        items=tuple(items),
        see_all=Link(url=see_all) if see_all else None,
    )


def _read_article(g: _Graph, node: Mapping[str, Any], types: list[str], path: str) -> Brief | None:
    headline = (
        g.text(node.get("headline"))
        or g.text(node.get("name"))
        or g.text(node.get("alternativeHeadline"))
    )
    if headline is None:
        g.p.add(path, "an article needs a headline or a name")
        return None
    kind = next((TYPE_KINDS[t] for t in types if t in TYPE_KINDS), BriefKind.ARTICLE)
    url = g.url(node.get("url")) or g.url(node.get("mainEntityOfPage"))
    language = node.get("inLanguage")
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name")
    lang = g.p.parse_language(language, f"{path}.inLanguage") if isinstance(language, str) else None
    keywords: list[str] = []
    raw_keywords = node.get("keywords")
    if isinstance(raw_keywords, str):  # one string: comma-separated, as Google documents
        keywords = [k.strip() for k in raw_keywords.split(",") if k.strip()]
    else:
        keywords = [k for k in (g.text(v) for v in as_list(raw_keywords)) if k is not None]
    summary = g.text(node.get("description"))
    body = g.text(node.get("articleBody")) or g.text(node.get("text"))
    reading = _read_reading_time(g, node.get("timeRequired"), f"{path}.timeRequired")
    authors = [
        a
        for a in (
            _read_author(g, v) for v in as_list(node.get("author")) or as_list(node.get("creator"))
        )
        if a
    ]
    images = [i for i in (_read_image(g, v) for v in as_list(node.get("image"))) if i]
    citations = []
    for cited in g.nodes(node, "citation"):
        if isinstance(cited, dict):
            name = g.text(cited.get("publisher")) or g.text(cited.get("name"))
            if name:
                citations.append(
                    SourceAttribution(
                        name=name,
                        url=g.url(cited.get("url")),
                        date=g.date(cited, "datePublished", path),
                        text=g.text(cited.get("abstract")),
                    )
                )
    videos = []
    for index, video in enumerate(g.nodes(node, "video")):
        if isinstance(video, dict):
            teaser = _read_video(g, video, f"{path}.video[{index}]")
            if teaser is not None:
                videos.append(teaser)
    related = []
    for index, part in enumerate(g.nodes(node, "hasPart") + g.nodes(node, "liveBlogUpdate")):
        if isinstance(part, dict) and "ItemList" in _types(part):
            block = _read_item_list(g, part, f"{path}.hasPart[{index}]")
            if block is not None:
                related.append(block)
    updates = [u for u in g.nodes(node, "liveBlogUpdate") if isinstance(u, dict)]
    if updates:
        block = _read_item_list(
            g, {"name": "Updates", "itemListElement": updates}, f"{path}.liveBlogUpdate"
        )
        if block is not None:
            related.append(block)
    identifier = node.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value")
    extensions: dict[str, JSONValue] = {}
    for key, value in node.items():
        if key not in _ARTICLE_KEYS and not key.startswith("@"):
            name = (
                key if ":" in key and not key.startswith(("http:", "https:")) else f"schema:{key}"
            )
            extensions[name] = json_copy(value)
    section = node.get("articleSection")
    try:
        return Brief(
            headline=headline,
            id=identifier if isinstance(identifier, str) and identifier.strip() else None,
            url=url,
            kind=kind,
            section=g.text(section[0] if isinstance(section, list) and section else section),
            summary=_markup(summary, "inline", g.base_url) if summary else None,
            body=_markup(body, "body", g.base_url) if body else None,
            published=g.date(node, "datePublished", path) or g.date(node, "dateCreated", path),
            modified=g.date(node, "dateModified", path),
            reading_time=reading,
            language=lang,
            authors=tuple(authors),
            images=tuple(images),
            tags=tuple(keywords),
            attributions=tuple(citations),
            related=tuple(related),
            videos=tuple(videos),
            extensions=extensions,
        )
    except ValidationError as exc:
        g.p.add(path, str(exc))
        return None


def _read_reading_time(g: _Graph, value: Any, path: str) -> ReadingTime | None:
    """``timeRequired``: an ISO 8601 duration, or a phrase such as "5 min read"."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        duration = parse_duration(normalize_duration(value))
    except ValueError:
        try:
            return ReadingTime(minutes=parse_reading_time(value), text=value.strip())
        except ParseError:
            g.p.add(path, f"expected an ISO 8601 duration or a reading time, got {value!r}")
            return None
    minutes = round(duration / timedelta(minutes=1))
    return ReadingTime(minutes=minutes) if minutes > 0 else None


# Markup in a text property: a closing tag of a common element, or a <br>.
_TAG: Final = re.compile(
    r"</(?:p|div|a|em|strong|b|i|u|span|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table)\s*>"
    r"|<br\s*/?>",
    re.IGNORECASE,
)


def _markup(text: str, policy: str, base_url: str | None) -> SafeHTML | None:
    """Text as markup: plain text is escaped; text that holds tags (pages put HTML in
    ``articleBody`` although schema.org says text) is sanitized."""
    if _TAG.search(text):
        from newsitem.sanitize import sanitize_html

        html = sanitize_html(text, policy=policy, base_url=base_url)
    else:
        html = text_to_html(text)
    return html if html.strip() else None


_WRAPPERS: Final = (("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>"))


def _unwrap(text: str) -> str:
    """Strip the CDATA and comment wrappers that pages put around a script's JSON."""
    text = text.strip()
    for start, end in _WRAPPERS:
        if text.startswith(start) and text.endswith(end):
            text = text[len(start) : -len(end)].strip()
    return text


def read_jsonld(data: Any, *, base_url: str | None = None) -> list[JSONLDNode]:
    """Read schema.org JSON-LD into models, in document order.

    Articles (``NewsArticle``, ``Article``, ``BlogPosting``, ``LiveBlogPosting`` and kin,
    also as the ``mainEntity`` of a ``WebPage``) become briefs with their authors, images,
    videos and related lists; ``VideoObject``, ``Person``, ``Organization`` and
    ``ItemList`` nodes that no article refers to become teasers, authors and related
    blocks. Other nodes (``WebSite``, ``BreadcrumbList`` ...) are not models and are
    skipped.

    Args:
        data: JSON text, bytes, or decoded JSON: one node, an array of nodes, or a
            document with an ``@graph``.
        base_url: Resolves relative URLs; without it relative URLs are left out.

    Raises:
        JSONParseError: invalid JSON, a document that is not an object or an array, or
            an article with no headline or with dates or durations that cannot be read;
            every problem with its JSONPath.
    """
    if isinstance(data, bytes | bytearray):
        data = bytes(data).decode("utf-8-sig", errors="strict") if data else ""
    if isinstance(data, str):
        data = _unwrap(data)
    doc = decode_json(data, "JSON-LD")
    if not isinstance(doc, dict | list):
        raise JSONParseError(
            "invalid JSON-LD document", [("$", f"expected object or array, got {json_type(doc)}")]
        )
    problems = Problems("JSON-LD")
    g = _Graph(as_list(doc), base_url, problems)
    found: list[tuple[int, JSONLDNode]] = []
    for _path, node in g.roots:
        types = _types(node)
        if "WebPage" in types or "ItemPage" in types:
            main = g.resolve(node.get("mainEntity"))
            if isinstance(main, dict) and any(t in TYPE_KINDS for t in _types(main)):
                g.referenced.discard(id(main))
            continue
    seen: set[int] = set()
    for path, node in g.roots:
        if id(node) in seen:
            continue
        seen.add(id(node))
        types = _types(node)
        if any(t in TYPE_KINDS for t in types):
            brief = _read_article(g, node, types, path)
            if brief is not None:
                found.append((id(node), brief))
    for path, node in g.roots:
        types = _types(node)
        if id(node) in g.referenced:
            continue
        model: JSONLDNode | None = None
        if "VideoObject" in types:
            model = _read_video(g, node, path)
        elif "ItemList" in types:
            model = _read_item_list(g, node, path)
        elif "Person" in types:
            model = _read_author(g, node)
        if model is not None:
            found.append((id(node), model))
    problems.raise_if_any()
    order = {id(node): index for index, (_, node) in enumerate(g.roots)}
    found.sort(key=lambda pair: order.get(pair[0], 0))
    return [model for _, model in found]
