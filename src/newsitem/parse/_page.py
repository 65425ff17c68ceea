"""The parse itself: one tree, every extractor, one :class:`~newsitem.models.Page`."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Final

import attrs
import lxml.html

from newsitem._dates import parse_date, parse_reading_time
from newsitem._language import normalize_language
from newsitem._markup import SafeHTML
from newsitem.errors import HTMLParseError, NewsitemError, ParseError, SanitizeError
from newsitem.formats.jsonld import read_jsonld
from newsitem.models import (
    Author,
    AuthorKind,
    Block,
    Brief,
    BriefKind,
    Image,
    Page,
    ReadingTime,
    RelatedBlock,
    VideoTeaser,
    is_http_url,
)
from newsitem.parse._attributions import find_attributions
from newsitem.parse._authors import author_kind, find_author_cards, find_byline, split_byline
from newsitem.parse._blocks import find_related_blocks, read_author_card
from newsitem.parse._body import (
    class_and_id,
    clean_text,
    extract_body,
    remove_element,
    search_words,
    strip_never_content,
)
from newsitem.parse._datelines import find_text_date
from newsitem.parse._dating import settle_published
from newsitem.parse._decode import (
    check_html,
    decode_html,
    parse_tree,
    surely_html,
    utf8_expected,
)
from newsitem.parse._index import BREADCRUMB, PageIndex, text_content
from newsitem.parse._links import absolute_url
from newsitem.parse._metadata import Metadata, read_metadata
from newsitem.parse._microdata import read_microdata_brief, read_own_page
from newsitem.parse._notes import Notes
from newsitem.parse._videos import find_videos, teaser_from_og
from newsitem.parse.profiles import SiteProfile, find_profile, load_profiles
from newsitem.sanitize import get_policy, sanitize_bounded_html, sanitize_text

__all__ = ["ParseOptions", "build_page"]

_DEFAULT_MAX_CHARS: Final = 20_000_000


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How :func:`~newsitem.parse.parse_html` reads a page.

    Args:
        default_tz: The zone of a time the page writes without one. Never the machine's
            local zone. ``None`` drops such times (with a note) instead of guessing.
        reference: When the page was fetched (timezone-aware): the year of a date written
            without one, and the point "3 hours ago" counts back from.
        dayfirst: How to read ambiguous all-number dates (``03/04/2022``).
        max_chars: The largest page accepted, in characters after decoding.
        profiles: Site profiles to choose from by URL host, tried before installed ones.
        use_installed_profiles: Whether profiles published through the
            ``newsitem.profiles`` entry-point group are used.
        find_blocks: Whether related blocks, author cards and video teasers are read.
    """

    default_tz: tzinfo | None = UTC
    reference: datetime | None = None
    dayfirst: bool | None = None
    max_chars: int = _DEFAULT_MAX_CHARS
    profiles: tuple[SiteProfile, ...] = ()
    use_installed_profiles: bool = True
    find_blocks: bool = True


_SITE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")
_READING_HINT = re.compile(r"min|lesezeit|lesedauer|lecture", re.IGNORECASE)
_KICKER_CLASS = re.compile(
    r"kicker|eyebrow|overline|rubric|category|section-?(?:name|label|title)|label|tagline"
    r"|topic|dachzeile|spitzmarke|subject",
    re.IGNORECASE,
)
_DATE_CLASS = re.compile(r"date|time|published|posted|meta|byline", re.IGNORECASE)
# A word every match of each pattern holds (see search_words).
_KICKER_WORDS: Final = (
    "kicker", "eyebrow", "overline", "rubric", "category", "section", "label", "tagline",
    "topic", "dachzeile", "spitzmarke", "subject",
)  # fmt: skip
_DATE_WORDS: Final = ("date", "time", "published", "posted", "meta", "byline")


_BETWEEN_BLOCKS = re.compile(r">\s*\n\s*<")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_ARTICLE_OG: Final = frozenset({"article", "news", "blog", "video.other", "newsarticle"})


def _date_reader(
    options: ParseOptions, notes: Notes, *, reference: datetime | None = None
) -> Callable[[str], date | datetime | None]:
    """A reader of date strings by ``options`` (relative dates against ``reference``
    when given, else the options' reference time)."""
    reference = reference or options.reference

    def read(text: str) -> date | datetime | None:
        text = clean_text(text)
        if not text:
            return None
        try:
            return parse_date(
                text[:200],
                default_tz=options.default_tz,
                reference=reference,
                dayfirst=options.dayfirst,
            )
        except ParseError as exc:
            notes.add("dates", f"date {text[:60]!r} not read: {exc}")
            return None

    return read


def _base_url(url: str | None, meta: Metadata) -> str | None:
    if url and is_http_url(url):
        if meta.base_href:
            return absolute_url(meta.base_href, url) or url
        return url
    for candidate in (meta.base_href, meta.canonical, meta.og_url):
        if candidate and is_http_url(candidate.strip()):
            return candidate.strip()
    return None


def _strip_site(title: str, site_name: str | None, h1s: Sequence[str]) -> str:
    """Drop a " | Site Name" part from a title."""
    for h1 in h1s:
        if h1 and h1 in title and len(h1) >= 0.5 * len(title):
            return h1
    parts = _SITE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        key = site_name.casefold()
        kept = [p for p in parts if p.casefold() != key and key not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    first, last = parts[0], parts[-1]
    if len(last.split()) <= 4 and len(first.split()) >= 3:
        return (
            _SITE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0] if len(parts) > 2 else first
        )
    if len(first.split()) <= 3 and len(last.split()) >= 4:
        return title[title.find(parts[1]) :]
    return title


_WORDS = re.compile(r"\w+")


def _agree(one: str, other: str) -> bool:
    """Whether two headline candidates name the same story (one holds most of the other)."""
    a, b = one.casefold(), other.casefold()
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 10 and short in long:
        return True
    short_words, long_words = set(_WORDS.findall(short)), set(_WORDS.findall(long))
    if len(short_words) < 3:
        return False
    return len(short_words & long_words) >= 0.6 * len(short_words)


def _is_site_label(text: str, site_name: str | None) -> bool:
    key = text.casefold()
    if site_name and key == site_name.casefold():
        return True
    return bool(re.fullmatch(r"[\w.-]+\.[a-z]{2,6}", key))


def _choose_headline(
    structured: str | None, h1s: Sequence[str], title: str | None, site_name: str | None
) -> str | None:
    """Pick the headline from the structured one, the ``<h1>`` texts and the ``<title>``.

    A structured headline (JSON-LD, microdata, ``og:title``) wins; else an ``<h1>`` that
    agrees with the title (a page may also have a site-wide ``<h1>`` logo, or an ``<h1>``
    over a sidebar); else the title, unless it is only the site's name; else the first
    ``<h1>``.
    """
    if structured:
        return structured
    h1s = [h for h in h1s if not _is_site_label(h, site_name)]
    # A title's first part ("Rain" of "Rain - Daily") held in an h1 agrees with it too.
    head = _SITE_SEPARATORS.split(title)[0].casefold() if title else ""
    agreed = next(
        (
            h
            for h in h1s
            if title and (_agree(h, title) or (len(head) >= 4 and head in h.casefold()))
        ),
        None,
    )
    if agreed is not None:
        return agreed
    if structured:
        return structured
    if title and not _is_site_label(title, site_name):
        return title
    return h1s[0] if h1s else title


def _h1_texts(page_index: PageIndex) -> list[str]:
    texts = []
    for h1 in page_index.tagged("h1"):
        text = clean_text(text_content(h1))
        if text and len(text) < 400:
            texts.append(text)
    return texts


_READING_TAGS: Final = frozenset({"span", "div", "p", "li", "time", "small"})


def _find_reading_time(page_index: PageIndex) -> ReadingTime | None:
    for element in page_index.reading_hints:
        if element.tag not in _READING_TAGS:
            continue
        text = element.text
        if not text or len(element) > 1 or not _READING_HINT.search(text):
            continue
        full = clean_text(text_content(element))
        if len(full) > 40:
            continue
        try:
            minutes = parse_reading_time(full)
        except ParseError:
            continue
        return ReadingTime(minutes=minutes, text=full)
    return None


def _find_kicker(page_index: PageIndex, headline: str | None) -> str | None:
    """The kicker: a short labelled element just before the first ``<h1>``."""
    h1s = page_index.tagged("h1")
    if not h1s:
        return None
    node: lxml.html.HtmlElement | None = h1s[0]
    for _ in range(3):
        if node is None:
            return None
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            for element in (sibling, *sibling.iterdescendants()):
                if not isinstance(element.tag, str):
                    continue
                if not search_words(class_and_id(element), _KICKER_WORDS, _KICKER_CLASS):
                    continue
                text = clean_text(text_content(element))
                if text and len(text) <= 40 and text != headline and not text[0].isdigit():
                    return text
        node = node.getparent()
    return None


_CRUMB_TAGS: Final = frozenset({"nav", "ol", "ul", "div", "p"})


def _breadcrumb_section(page_index: PageIndex, headline: str | None) -> str | None:
    # A breadcrumb trail's class names it (a class word the index reads), or its
    # aria-label or itemtype does.
    candidates = page_index.in_order(page_index.with_flag(BREADCRUMB) + page_index.labelled)
    for container in candidates:
        if container.tag not in _CRUMB_TAGS:
            continue
        names = container.get("class") or ""
        if (
            "breadcrumb" not in names.lower()
            and container.get("aria-label") != "breadcrumb"
            and ("BreadcrumbList" not in (container.get("itemtype") or ""))
        ):
            continue
        crumbs = [clean_text(text_content(a)) for a in container.iter("a")]
        crumbs = [
            c for c in crumbs if c and c != headline and c.casefold() not in ("home", "start")
        ]
        if crumbs:
            return crumbs[-1]
    return None


def _find_dom_date(
    root: lxml.html.HtmlElement, read: Callable[[str], date | datetime | None]
) -> date | datetime | None:
    for element in root.iter("span", "div", "p", "time", "small", "abbr"):
        if not search_words(class_and_id(element), _DATE_WORDS, _DATE_CLASS):
            continue
        text = clean_text(element.get("title") or text_content(element))
        if not text or len(text) > 80 or not any(ch.isdigit() for ch in text):
            continue
        value = read(text)
        if value is not None:
            return value
    return None


def _holds_article(element: lxml.html.HtmlElement) -> bool:
    """Whether a block's element also holds the article (a wrapper found by its class)."""
    if next(element.iterdescendants("h1"), None) is not None:
        return True
    prose = 0
    for paragraph in element.iter("p"):
        length = len(text_content(paragraph))
        if length >= 150:
            prose += length
            if prose >= 600:
                return True
    return False


def _url_date(url: str | None) -> date | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _images(
    meta: Metadata, body: lxml.html.HtmlElement | None, base_url: str | None
) -> tuple[Image, ...]:
    images: list[Image] = []
    seen: set[str] = set()
    for src in meta.images[:1]:
        url = absolute_url(src, base_url)
        if url:
            images.append(Image(url=url))
            seen.add(url)
    if body is not None:
        for img in body.iter("img"):
            url = absolute_url(img.get("src") or img.get("data-src"), base_url)
            if not url or url in seen:
                continue
            seen.add(url)
            caption = credit = None
            figure = img.getparent()
            while figure is not None and figure.tag not in ("figure", "body"):
                figure = figure.getparent()
            if figure is not None and figure.tag == "figure":
                cap = next(figure.iterdescendants("figcaption"), None)
                if cap is not None:
                    credit_el = cap.find(".//*[@class]")
                    if credit_el is not None and re.search(
                        r"credit|copyright|source|byline", credit_el.get("class") or "", re.I
                    ):
                        credit = clean_text(text_content(credit_el)) or None
                    caption = clean_text(text_content(cap)) or None
                    if caption and credit and caption.endswith(credit):
                        caption = caption[: -len(credit)].strip() or None
            try:
                images.append(Image(url=url, alt=img.get("alt"), caption=caption, credit=credit))
            except NewsitemError:
                continue
            if len(images) >= 30:
                break
    return tuple(images)


def _language(value: str | None, notes: Notes) -> str | None:
    if not value:
        return None
    try:
        return normalize_language(value.split(",")[0].strip())
    except (NewsitemError, ValueError):
        notes.add("metadata", f"language {value!r} is not a BCP 47 tag; dropped")
        return None


def _structured_kind(author: Author) -> AuthorKind:
    if author_kind(clean_text(author.name)) is AuthorKind.ORGANIZATION:
        return AuthorKind.ORGANIZATION
    return author.kind


def _make_authors(
    names: Sequence[str], urls: dict[str, str], base_url: str | None
) -> tuple[Author, ...]:
    authors: list[Author] = []
    for name in dict.fromkeys(names):  # the same name twice is one author
        try:
            authors.append(
                Author(
                    name=name, kind=author_kind(name), url=absolute_url(urls.get(name), base_url)
                )
            )
        except NewsitemError:
            continue
    return tuple(authors)


def _jsonld_nodes(
    meta: Metadata, base_url: str | None, notes: Notes
) -> list[Brief | VideoTeaser | Author | RelatedBlock]:
    if not meta.jsonld:
        return []
    nodes: list[Brief | VideoTeaser | Author | RelatedBlock] = []
    for value in meta.jsonld:
        try:
            nodes.extend(read_jsonld(value, base_url=base_url))
        except NewsitemError as exc:
            notes.add("metadata", f"JSON-LD node not read: {exc}")
    return nodes


def _choose_profile(url: str | None, options: ParseOptions) -> SiteProfile | None:
    profiles: tuple[SiteProfile, ...] = options.profiles
    if options.use_installed_profiles:
        profiles = profiles + load_profiles()
    return find_profile(url, profiles)


def _xpath_text(root: lxml.html.HtmlElement, path: str | None) -> str | None:
    if path is None:
        return None
    for found in root.xpath(path):
        if isinstance(found, lxml.html.HtmlElement):
            text = found.get("datetime") or found.get("content") or text_content(found)
        else:
            text = str(found)
        text = clean_text(text)
        if text:
            return text
    return None


def build_page(
    html: str | bytes,
    *,
    url: str | None,
    options: ParseOptions,
    notes: Notes,
    encoding: str | None = None,
) -> Page:
    """Parse one page into a :class:`Page`; see :func:`newsitem.parse.parse_html`."""
    root, source = _read_tree(html, options, notes, encoding)
    # One pass over the tree that the metadata, byline, card, block, video and body scans share.
    page_index = PageIndex(root)
    meta = read_metadata(root, notes, index=page_index)
    base_url = _base_url(url, meta)
    read_date = _date_reader(options, notes)
    own = read_own_page(root, base_url=base_url, read_date=read_date, notes=notes, index=page_index)
    if own is not None:  # drawn by newsitem's HTML renderer: its microdata holds every field
        return own
    profile = _choose_profile(url or base_url, options)
    if profile is not None:
        notes.add("profile", f"site profile {profile.name!r} applied")
        for path in profile.drop:
            for element in root.xpath(path):
                if isinstance(element, lxml.html.HtmlElement):
                    remove_element(element)
        if profile.drop:  # the index must not hold what the profile dropped
            page_index = PageIndex(root)

    nodes = _jsonld_nodes(meta, base_url, notes)
    ld_brief = next((n for n in nodes if isinstance(n, Brief)), None)
    if ld_brief is None:  # no JSON-LD article: a microdata one is the next structured source
        ld_brief = read_microdata_brief(
            root, base_url=base_url, read_date=read_date, notes=notes, index=page_index
        )
    ld_videos = [n for n in nodes if isinstance(n, VideoTeaser)]
    site_name = meta.site_name or (profile.site_name if profile else None)

    h1s = _h1_texts(page_index)
    profile_headline = _xpath_text(root, profile.headline if profile else None)
    structured = ld_brief.headline if ld_brief else meta.headline
    if profile_headline:
        headline: str | None = _strip_site(profile_headline, site_name, h1s)
    else:
        headline = _choose_headline(
            _strip_site(structured, site_name, h1s) if structured else None,
            h1s,
            _strip_site(meta.document_title, site_name, h1s) if meta.document_title else None,
            site_name,
        )
    headline = clean_text(headline) or None if headline else None

    # Authors: structured first, then the byline the page shows.
    authors: tuple[Author, ...] = tuple(
        # A wire or desk the page calls a Person ("CNN Wire") is an organization all the same.
        attrs.evolve(a, name=clean_text(a.name), kind=_structured_kind(a))
        for a in (ld_brief.authors if ld_brief else ())
    )
    profile_byline = _xpath_text(root, profile.authors if profile else None)
    if not authors and profile_byline:
        authors = _make_authors(split_byline(profile_byline, site_name=None), {}, base_url)
    byline_names, byline_urls = find_byline(root, site_name=None, index=page_index)
    if not authors and meta.authors:
        names = [n for value in meta.authors for n in split_byline(value, site_name=None)]
        urls = dict(byline_urls)
        if len(meta.author_urls) == len(names):
            urls.update(zip(names, meta.author_urls, strict=True))
        authors = _make_authors(names, urls, base_url)
    if not authors:
        authors = _make_authors(byline_names, byline_urls, base_url)

    reading_time = _find_reading_time(page_index)
    label = _xpath_text(root, profile.label if profile else None) or _find_kicker(
        page_index, headline
    )
    breadcrumb = _breadcrumb_section(page_index, headline)
    section = (ld_brief.section if ld_brief else None) or meta.section or breadcrumb
    if label is None:
        label = section
        section = None
    elif section == label:
        section = None

    # Blocks, read before the boilerplate they sit in is stripped.
    blocks: list[tuple[lxml.html.HtmlElement, Block]] = []
    brief_videos: list[VideoTeaser] = list(ld_videos)
    if options.find_blocks:
        for card in find_author_cards(root, index=page_index):
            author = read_author_card(card, base_url=base_url, site_name=site_name)
            if author is not None:
                blocks.append((card, author))
        blocks.extend(
            find_related_blocks(
                root,
                base_url=base_url,
                page_url=url,
                read_date=read_date,
                notes=notes,
                index=page_index,
            )
        )
        blocks.extend(
            find_videos(root, base_url=base_url, read_date=read_date, notes=notes, index=page_index)
        )
        if meta.og_videos and not brief_videos:
            og_teaser = teaser_from_og(meta.og_videos[0], base_url, notes)
            if og_teaser is not None and not any(
                isinstance(b, VideoTeaser) and b.video_id == og_teaser.video_id and b.video_id
                for _, b in blocks
            ):
                brief_videos.append(og_teaser)
    if not authors:
        card_authors = [b for _, b in blocks if isinstance(b, Author)]
        authors = tuple(Author(name=a.name, kind=a.kind, url=a.url) for a in card_authors)
    elif blocks:
        by_name = {b.name: b for _, b in blocks if isinstance(b, Author)}
        authors = tuple(
            attrs.evolve(a, url=a.url or by_name[a.name].url) if a.name in by_name else a
            for a in authors
        )

    if len(blocks) > 1:
        order = page_index.position
        blocks.sort(key=lambda pair: order.get(pair[0], len(order)))
    for element, _block in blocks:
        if element.tag not in ("a",) and not _holds_article(element):
            remove_element(element)

    published = ld_brief.published if ld_brief else None
    modified = ld_brief.modified if ld_brief else None
    if published is None and profile is not None:
        profile_date = _xpath_text(root, profile.published)
        published = read_date(profile_date) if profile_date else None
    if published is None and meta.published:
        published = read_date(meta.published)
    if modified is None and meta.modified:
        modified = read_date(meta.modified)
    published = settle_published(published, modified, meta.dates)

    # The last resorts, in order: a date the page marks up, one in its URL, one in its
    # text (read now, before boilerplate is stripped; not needed when the URL holds one).
    url_date = _url_date(url or base_url) if published is None else None
    text_date = find_text_date(root, read_date) if published is None and not url_date else None
    strip_never_content(root, index=page_index, notes=notes)
    if published is None:
        published = _find_dom_date(root, read_date) or url_date or text_date

    first = Notes()  # kept only if this first attempt stands
    found = extract_body(
        root,
        headline=headline,
        notes=first,
        container_xpath=profile.body if profile else None,
    )
    if found.markup is None:
        # Class names misled the stripping (a "widget" or "sidebar" wrapper holding the
        # article): try once more on a fresh tree, stripping by tag only.
        second = Notes()
        retry = parse_tree(source)
        strip_never_content(retry, by_class=False, notes=second)
        found = extract_body(retry, headline=headline, notes=second)
        if found.markup is not None:
            first = second
            first.add("body", "body found only with boilerplate class names ignored")
    notes.extend(first)
    body_html, container = found.markup, found.container
    body = None
    attributions: tuple[Any, ...] = ()
    if body_html is not None:
        try:
            # Only the space between tags changes: markup known plain stays plain.
            tidy = _BETWEEN_BLOCKS.sub(">\n<", body_html.strip())
            body = sanitize_bounded_html(tidy, policy=get_policy("body"), base_url=base_url)
        except SanitizeError as exc:
            notes.add("body", f"body dropped: the sanitizer refused it ({exc})")
            body = None
        if body is not None and not body.strip():
            body = None
    if body is not None and container is not None:
        reference = published if isinstance(published, datetime) else options.reference
        if isinstance(published, date) and not isinstance(published, datetime):
            reference = datetime(published.year, published.month, published.day, 23, 59, tzinfo=UTC)
        attr_reader = _date_reader(options, Notes(), reference=reference)
        attributions = tuple(find_attributions(container, base_url=base_url, read_date=attr_reader))

    language = _language(meta.language, notes)
    page_url = absolute_url(meta.canonical, base_url) or (url if url and is_http_url(url) else None)
    articleish = ld_brief is not None or (meta.og_type or "") in _ARTICLE_OG
    brief = None
    if headline and (body is not None or articleish):
        brief = Brief(
            headline=headline,
            url=page_url,
            kind=ld_brief.kind if ld_brief else BriefKind.NEWS,
            label=label,
            section=section,
            summary=ld_brief.summary if ld_brief and ld_brief.summary else _summary(meta),
            body=body,
            published=published,
            modified=modified,
            reading_time=reading_time,
            language=language,
            authors=authors,
            images=_images(meta, container, base_url),
            tags=tuple(t for t in meta.tags if t.strip())[:50],
            attributions=attributions,
            videos=tuple(brief_videos),
        )
    elif headline is None:
        notes.add("body", "no headline found: the page has no main news item")
    else:
        notes.add("body", "no article body and no article metadata: no main news item")
    title = meta.document_title
    return Page(
        url=page_url,
        site_name=site_name,
        title=title if title and title != headline else None,
        language=language,
        brief=brief,
        blocks=tuple(block for _, block in blocks),
    )


def _summary(meta: Metadata) -> SafeHTML | None:
    if not meta.description:
        return None
    return sanitize_text(meta.description)


def _read_tree(
    html: str | bytes, options: ParseOptions, notes: Notes, hint: str | None
) -> tuple[lxml.html.HtmlElement, str | bytes]:
    """The page's tree, and what it was parsed from (to parse it again).

    Bytes that would be read as UTF-8 (see :func:`utf8_expected`) are parsed as they are,
    the parser checking that they are UTF-8 (no decoding to text first, which costs as
    much as a tenth of the parse); bytes that are not, or whose first 64 KB do not show
    HTML, are decoded and checked as text first, as any other page.
    """
    if isinstance(html, bytes | bytearray) and len(html) <= options.max_chars * 4:
        data = bytes(html)
        if (
            utf8_expected(data, hint=hint)
            and not data.startswith(b"<?xml")
            and surely_html(data, max_chars=options.max_chars)
        ):
            try:
                root = parse_tree(data)
            except UnicodeDecodeError:
                pass  # not UTF-8 after all: decoded below as decode_html decides
            else:
                notes.add("decode", "decoded as utf-8")
                return root, data
    text, source = _decode(html, options, notes, hint)
    check_html(text, max_chars=options.max_chars)
    return parse_tree(source), source


def _decode(
    html: str | bytes, options: ParseOptions, notes: Notes, hint: str | None
) -> tuple[str, str | bytes]:
    """The page's text, and what to parse: the bytes themselves when they are the text's
    clean UTF-8 (no byte-order mark, nothing replaced), else the text."""
    if isinstance(html, str):
        return html, html
    if not isinstance(html, bytes | bytearray):
        raise TypeError(f"html: expected str or bytes, got {type(html).__name__}")
    if len(html) > options.max_chars * 4:
        raise HTMLParseError(
            f"page of {len(html):,} bytes is over the limit (ParseOptions.max_chars)"
        )
    data = bytes(html)
    text, encoding = decode_html(data, hint=hint)
    notes.add("decode", f"decoded as {encoding}")
    clean = encoding == "utf-8" and not data.startswith(codecs.BOM_UTF8) and "\ufffd" not in text
    return text, data if clean and not text.startswith("<?xml") else text
