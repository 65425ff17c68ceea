"""Find the main content of a page and clean it.

The approach: drop what is never content (scripts, navigation, forms, hidden nodes,
elements whose class or id names boilerplate), measure every element once (text length
and link-text length, bottom-up, in one pass), score paragraph containers the way
Readability does (commas, length, class names, link density), take the best container
and the siblings that look like it, then remove the link lists, share bars and short
boilerplate left inside it.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Final, NamedTuple

import lxml.etree
import lxml.html

from newsitem._plain_tags import is_plain_attribute_name, is_plain_markup
from newsitem.parse._index import BOILERPLATE, DISCUSSION, PageIndex
from newsitem.parse._notes import Notes
from newsitem.parse._tree import (
    is_hidden,
    is_inside,
    normalize_space,
    remove_element,
    search_words,
    text_content,
)
from newsitem.sanitize import Policy, get_policy

__all__ = [
    "Body",
    "Measures",
    "extract_body",
    "measure",
    "strip_never_content",
]

# Tags that are never part of an article body.
_NEVER_CONTENT: Final = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
        "object", "embed", "button", "input", "select", "textarea", "nav", "aside",
        "footer", "header", "dialog", "link", "meta", "head", "title", "audio", "video",
        "source", "track", "map", "area", "label", "option", "menu",
    }
)  # fmt: skip
_POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story"
    r"|prose|rich-?text",
    re.IGNORECASE,
)
# A word every match of _POSITIVE, and of _NEGATIVE, holds (see search_words).
_POSITIVE_WORDS: Final = (
    "article", "body", "content", "entry", "main", "page", "pagination", "post", "text",
    "blog", "story", "prose",
)  # fmt: skip
_NEGATIVE_WORDS: Final = (
    "-ad-", "hid", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
    "newsletter", "social", "byline", "author",
)  # fmt: skip
_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr"
    r"|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper"
    r"|sponsor|shopping|tags|widget|newsletter|social|byline|author",
    re.IGNORECASE,
)
# Class names of body containers, with their rank (lower wins); compared lower-cased with
# "_" and "__" read as "-" (BEM's "article__body" is "article-body").
_BODY_CLASSES: Final = {
    name: rank
    for rank, name in enumerate(
        (
            "article-body", "entry-content", "post-content", "story-body", "article-content",
            "post-body", "content-body", "article-text", "articlebody", "story-content",
            "c-entry-content", "body-text", "rich-text", "post-entry", "story-text",
        ),
        start=1,
    )
}  # fmt: skip
_PARAGRAPHS: Final = frozenset({"p", "pre", "td", "blockquote"})
_BLOCK_CHILDREN: Final = frozenset(
    {
        "p", "div", "section", "article", "table", "ul", "ol", "dl", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "main", "header", "footer", "form",
        "hr", "img", "iframe", "video", "picture",
    }
)  # fmt: skip
_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|anzeige|werbung|publicité|sponsored|share(?: this)?(?: article| story)?"
    r"|share on \w+|follow us.*|sign up.*newsletter.*|subscribe.*|read more|related(?: articles?)?"
    r"|loading.*|click here.*|copy link|print|email|tweet|skip (?:to )?(?:main )?content|"
    r"continue reading.*)[.:!]?$",
    re.IGNORECASE,
)
# A short line that sends the reader elsewhere: "Read more: <other story>", "Auch
# interessant", "Mehr zum Thema:" (a label alone, or followed by a colon or arrow).
# Inline "Related: ..." and "Lire aussi : ..." links and "See also" headings are kept:
# Readability.js keeps them, and so do its expected bodies.
_SEE_ALSO = re.compile(
    r"^(?:read (?:more|also|next)|also read|auch interessant|auch lesen|lesen sie (?:auch|mehr)"
    r"|mehr zum thema|mehr dazu|weitere (?:artikel|beiträge|informationen)"
    r"|das könnte (?:dich|sie)(?: auch)?(?: interessieren)?|leer más|lea también"
    r"|te puede interesar|leggi anche|inhaltsverzeichnis|table of contents|wird geladen"
    r"|permalink|permalien)(?:\s*[:»›>|–]\s*.*)?[.!?]?$",
    re.IGNORECASE,
)
# A call to action: subscribe, follow the outlet, download the app, share or rate the article.
_CALL_TO_ACTION = re.compile(
    r"\bnewsletter (?:anmelden|abonnieren|bestellen)\b|\b(?:anmelden|abonnieren) zum newsletter"
    r"|\bzum newsletter anmelden\b|\b(?:subscribe to|sign up for) (?:our|the) newsletter\b"
    r"|\bfollow (?!him\b|her\b|them\b|me\b)(?:us|[\w.@]+(?: [\w.@]+){0,2}) on (?:twitter"
    r"|facebook|instagram|x|linkedin|telegram|tiktok|youtube)\b"
    r"|\bdownload (?:the|our) .{0,40}\bapps?\b"
    r"|\b(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)"
    r"|\bwas this (?:article|page|story) (?:helpful|useful)|\bartikel teilen\b"
    r"|\bwe want to hear what you think\b|\bnever miss (?:the latest|a story|an? )"
    r"|\bdirekt in (?:dein|ihr)(?:en)? postfach\b|\bcanal de telegram\b"
    r"|\bcrédits? photos?\s*:",
    re.IGNORECASE,
)
# A word every call to action above holds, lower-cased: a line lacking all of them cannot
# match and is not searched (see search_words).
_CALL_TO_ACTION_WORDS: Final = (
    "newsletter", "follow", "download", "artikel", "beitrag", "was this", "we want",
    "never miss", "postfach", "telegram", "photo",
)  # fmt: skip


def _calls_to_action(line: str) -> bool:
    return search_words(line, _CALL_TO_ACTION_WORDS, _CALL_TO_ACTION)


_SHORT_LINE_TAGS: Final = frozenset(
    {"p", "div", "span", "h2", "h3", "h4", "h5", "h6", "li", "strong"}
)
_LAZY_SOURCES: Final = ("data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src")
_WHITESPACE = re.compile(r"\s+")

Measures = dict[lxml.html.HtmlElement, tuple[int, int]]


_HIDDEN_CANDIDATES = lxml.etree.XPath(
    "descendant::*[@style or @hidden or @aria-hidden]"
    "[not(self::body or self::html or self::article or self::main or self::a)]"
)
_UNSTRIPPED: Final = frozenset({"body", "html", "article", "main", "a"})


def _elements(found: object) -> list[lxml.html.HtmlElement]:
    """The elements of an XPath result (which lxml types as any XPath value)."""
    if not isinstance(found, list):
        return []
    return [e for e in found if isinstance(e, lxml.html.HtmlElement)]


def _still_attached(
    elements: list[lxml.html.HtmlElement], root: lxml.html.HtmlElement
) -> list[lxml.html.HtmlElement]:
    """The ``elements`` still in ``root``'s tree, each ancestor looked at once for all."""
    known: dict[lxml.html.HtmlElement, bool] = {root: True}
    kept = []
    for element in elements:
        path = []
        node = element.getparent()
        while node is not None and node not in known:
            path.append(node)
            node = node.getparent()
        attached = node is not None and known[node]
        for step in path:
            known[step] = attached
        if attached:
            kept.append(element)
    return kept


def strip_never_content(
    root: lxml.html.HtmlElement,
    *,
    by_class: bool = True,
    index: PageIndex | None = None,
    notes: Notes | None = None,
) -> None:
    """Remove everything that is never article content from the tree, in place.

    Never-content tags go first (lxml strips them in one call), then hidden elements. With
    ``by_class``, an
    element whose class or id names boilerplate goes too, unless it holds the page's
    ``<h1>``, ``<article>``, ``<main>`` or ``articleBody``: a layout wrapper named
    "sidebar-right" or "has-comments" often holds the article itself. Likewise an
    ``<aside>``, ``<header>``, ``<footer>`` or ``<nav>`` holding an ``<article>``,
    ``<main>`` or ``articleBody`` of article prose (500 characters in paragraphs of 80
    or more) is kept, as a ``<div>``: on broken pages an unclosed sidebar or header
    swallows the article.

    Args:
        root: The tree.
        by_class: Whether class and id names decide too.
        index: The page's index, built before anything was removed (one is built here
            when it is not given).
        notes: Receives a note for each such wrapper kept.
    """
    _keep_wrappers_of_article(root, index, notes)
    lxml.etree.strip_elements(root, *_NEVER_CONTENT, with_tail=False)
    if index is None:
        doomed = [e for e in _elements(_HIDDEN_CANDIDATES(root)) if is_hidden(e)]
        if by_class:
            index = PageIndex(root)
    else:
        doomed = _still_attached([e for e in index.hidden if e.tag not in _UNSTRIPPED], root)
    if index is not None and by_class:
        named = _still_attached(
            [e for e in index.with_flag(BOILERPLATE) if e.tag not in _UNSTRIPPED], root
        )
        if named:
            protecting = index.tagged("h1", "article", "main")
            protecting.extend(
                e for e in index.marked if e.get("itemprop") == "articleBody" and is_inside(e, root)
            )
            protected: set[lxml.html.HtmlElement] = set()
            for element in protecting:
                node = element.getparent()
                while node is not None and node not in protected:
                    protected.add(node)
                    node = node.getparent()
            flags = index.flags
            doomed.extend(
                e
                for e in named
                if e not in protected
                and not _holds_prose(e, discussion=bool(flags[e] & DISCUSSION))
            )
    for element in doomed:
        remove_element(element)


_STRUCTURAL: Final = frozenset({"aside", "header", "footer", "nav"})
_ARTICLE_PROSE: Final = 500  # characters in paragraphs of 80 or more: an article, no teaser


def _keep_wrappers_of_article(
    root: lxml.html.HtmlElement, index: PageIndex | None, notes: Notes | None
) -> None:
    """Rename to ``div`` the structural wrappers that hold the article, so that stripping
    by tag keeps them."""
    if index is None:
        articles = list(root.iter("article", "main"))
        articles.extend(e for e in root.iter() if e.get("itemprop") == "articleBody")
    else:
        articles = index.tagged("article", "main")
        articles.extend(e for e in index.marked if e.get("itemprop") == "articleBody")
    for article in articles:
        wrappers = [a for a in article.iterancestors(*_STRUCTURAL)]
        if not wrappers or not is_inside(article, root):
            continue
        prose = sum(n for n in (len(text_content(p)) for p in article.iter("p")) if n >= 80)
        if prose < _ARTICLE_PROSE:
            continue
        for wrapper in wrappers:
            if notes is not None:
                notes.add(
                    "body",
                    f"<{wrapper.tag}> kept: it holds the article (an unclosed element?)",
                )
            wrapper.tag = "div"


def _holds_prose(element: lxml.html.HtmlElement, *, discussion: bool) -> bool:
    """Whether an element holds article prose: paragraphs of 150+ characters, few links.

    A "read-more" expander or a "widget" wrapper may hold the rest of the article; a
    comment thread holds prose too but is never the article.
    """
    if discussion:
        return False
    prose = 0
    for paragraph in element.iter("p"):
        text = text_content(paragraph)
        if len(text) < 150:
            continue
        links = sum(len(text_content(a)) for a in paragraph.iter("a"))
        if links < 0.2 * len(text):
            prose += len(text)
            if prose >= 800:
                return True
    return False


def measure(root: lxml.html.HtmlElement) -> Measures:
    """Return each element's text length and link-text length, measured in one pass, in
    reverse document order (every element's descendants before it)."""
    order = list(root.iter(lxml.etree.Element))
    sizes: Measures = {}
    size_of = sizes.get
    links_elements = set(root.iter("a"))  # by lxml's tag filter, not each element's tag
    for element in reversed(order):
        own = element.text  # each read of .text or .tail makes a new string: read once
        text = len(own.strip()) if own else 0
        links = 0
        for child in element:
            tail = child.tail
            if tail:
                text += len(tail.strip())
            size = size_of(child)
            if size is not None:
                text += size[0]
                links += size[1]
        if element in links_elements:
            links = text
        sizes[element] = (text, links)
    return sizes


def _density(sizes: Measures, element: lxml.html.HtmlElement) -> float:
    text, links = sizes.get(element, (0, 0))
    return links / text if text else 0.0


def _class_weight(element: lxml.html.HtmlElement) -> int:
    weight = 0
    for value in (element.get("class"), element.get("id")):
        if value:
            if search_words(value, _NEGATIVE_WORDS, _NEGATIVE):
                weight -= 25
            if search_words(value, _POSITIVE_WORDS, _POSITIVE):
                weight += 25
    return weight


_TAG_BASE: Final = {
    "div": 5, "article": 8, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip


def _has_direct_text(element: lxml.html.HtmlElement) -> bool:
    own = element.text
    if own and len(own.strip()) >= 25:
        return True
    return any(
        child.tail and len(child.tail.strip()) >= 25
        for child in element
        if not isinstance(child.tag, str) or child.tag not in _BLOCK_CHILDREN
    )


def _score_candidates(sizes: Measures) -> dict[lxml.html.HtmlElement, float]:
    scores: dict[lxml.html.HtmlElement, float] = {}
    # ``sizes`` holds every element of ``body`` in reverse document order.
    for element, (length, links) in reversed(sizes.items()):
        if length < 25:  # the length test first; the others below are Readability's
            continue
        tag = element.tag
        if tag in _PARAGRAPHS:
            if tag == "td" and any(
                isinstance(c.tag, str) and c.tag in _PARAGRAPHS for c in element
            ):
                continue
        elif tag in ("span", "font"):
            if length < 100 or not _has_direct_text(element):
                continue
        elif tag not in ("div", "section", "article") or not _has_direct_text(element):
            continue
        text = _text_of(element)
        points = 1.0 + text.count(",") + text.count("、") + text.count("，") + min(length // 100, 3)
        if links and length:
            points *= 1 - links / length
        ancestor = element.getparent() if tag in _PARAGRAPHS else element
        level = 0
        while ancestor is not None and level < 3:
            if ancestor not in scores:
                scores[ancestor] = float(
                    _TAG_BASE.get(str(ancestor.tag), 0) + _class_weight(ancestor)
                )
            scores[ancestor] += points / (1 if level == 0 else level * 2)
            ancestor = ancestor.getparent()
            level += 1
    for element in scores:
        scores[element] *= 1 - _density(sizes, element)
    return scores


def _explicit_containers(sizes: Measures) -> list[lxml.html.HtmlElement]:
    """The elements named as the article body, best-named first by size; the outermost
    ones of that name, in page order (a body split over several "article-text" parts)."""
    best_rank: int | None = None
    found: list[tuple[int, lxml.html.HtmlElement]] = []
    for element, (length, links) in sizes.items():
        if length < 100 or links > 0.5 * length:
            continue
        rank = _container_rank(element)
        if rank is None:
            continue
        found.append((rank, element))
        if best_rank is None or rank < best_rank:
            best_rank = rank
    if best_rank is None:
        return []
    chosen = [element for rank, element in found if rank == best_rank]
    members = set(chosen)
    outer = [e for e in chosen if not any(a in members for a in e.iterancestors())]
    if max(sizes[e][0] for e in outer) < 200:
        return []
    order = {element: index for index, element in enumerate(sizes)}
    return sorted(outer, key=lambda e: -order[e])


def _container_rank(element: lxml.html.HtmlElement) -> int | None:
    if element.get("itemprop") == "articleBody" or element.get("property") == "articleBody":
        return 0
    classes = element.get("class")
    if not classes:
        return None
    for name in classes.split():
        rank = _BODY_CLASSES.get(name.lower().replace("__", "-").replace("_", "-"))
        if rank is not None:
            return rank
    return None


def _pick_container(
    body: lxml.html.HtmlElement, sizes: Measures
) -> tuple[lxml.html.HtmlElement | None, list[lxml.html.HtmlElement]]:
    scores = _score_candidates(sizes)
    if not scores:
        return None, []
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    top, top_score = ranked[0]
    explicit = _explicit_containers(sizes)
    if explicit:
        ex_text = sum(sizes[e][0] for e in explicit)
        top_text = sizes.get(top, (0, 0))[0]
        if ex_text >= 0.5 * top_text or any(top is e or is_inside(top, e) for e in explicit):
            return max(explicit, key=lambda e: sizes[e][0]), explicit
    # Several close competitors under one ancestor: the ancestor holds the article.
    close = [e for e, s in ranked[1:6] if s >= 0.75 * top_score]
    if len(close) >= 2:
        ancestor = top.getparent()
        while ancestor is not None and ancestor.tag != "body":
            if sum(1 for e in close if e is ancestor or is_inside(e, ancestor)) >= 2:
                top = ancestor
                break
            ancestor = ancestor.getparent()
    parent = top.getparent()
    # A wrapper holding nothing but the top candidate stands for it: its siblings are
    # the top's siblings in spirit (a body split over "story-body-supplemental" parts).
    while (
        parent is not None
        and parent.tag not in ("body", "html")
        and sizes.get(parent, (0, 0))[0] <= 1.1 * sizes.get(top, (0, 0))[0]
    ):
        scores.setdefault(parent, top_score)
        top, parent = parent, parent.getparent()
    if parent is None:
        return top, [top]
    threshold = max(10.0, top_score * 0.2)
    chosen: list[lxml.html.HtmlElement] = []
    top_class = top.get("class")
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            chosen.append(sibling)
            continue
        bonus = top_score * 0.2 if top_class and sibling.get("class") == top_class else 0.0
        if scores.get(sibling, -1e9) + bonus >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p":
            length = sizes.get(sibling, (0, 0))[0]
            density = _density(sizes, sibling)
            if (length > 80 and density < 0.25) or (
                0 < length <= 80
                and density == 0
                and (text_content(sibling).rstrip().endswith((".", "!", "?", "”", '"')))
            ):
                chosen.append(sibling)
    return top, chosen


def _text_of(element: lxml.html.HtmlElement) -> str:
    """:func:`text_content`, read directly for an element with no children."""
    if len(element):
        return text_content(element)
    return element.text or ""


def _clean_container(
    container: lxml.html.HtmlElement, sizes: Measures, headline: str | None
) -> None:
    """Remove link lists, boilerplate lines and the repeated headline from ``container``;
    fix lazy images."""
    doomed: list[lxml.html.HtmlElement] = []
    headline_key = normalize_space(headline).casefold() if headline else None
    for element in container.iter():
        tag = element.tag
        if not isinstance(tag, str) or element is container:
            continue
        length, links = sizes.get(element, (0, 0))
        line: str | None = None  # the element's text, whitespace cleaned, once read
        if (
            tag in ("h1", "h2")
            and headline_key
            and normalize_space(_text_of(element)).casefold() == headline_key
        ):
            doomed.append(element)
            continue
        if tag in ("ul", "ol", "div", "section", "table", "dl", "p", "span"):
            density = links / length if length else 0.0
            if tag in ("ul", "ol", "dl") and density > 0.6 and length < 2000:
                doomed.append(element)
                continue
            if tag in ("div", "section", "table") and density > 0.5 and length < 1000:
                doomed.append(element)
                continue
            if tag in ("p", "div", "span") and 0 < length < 80:
                line = normalize_space(_text_of(element))
                if _BOILERPLATE_LINE.match(line):
                    doomed.append(element)
                    continue
        if tag in _SHORT_LINE_TAGS and 0 < length < 250:
            if line is None:  # not read above
                line = normalize_space(_text_of(element))
            if _SEE_ALSO.match(line) or _calls_to_action(line):
                doomed.append(element)
                continue
        if tag == "img":
            _fix_lazy_image(element)
    for element in doomed:
        remove_element(element)


def _plain_attributes(root: lxml.html.HtmlElement, policy: Policy) -> None:
    """Drop, under ``root``, the attributes whose names HTML tokenizers read apart (libxml2
    keeps names such as ``=`` from broken markup), and on an element with more than
    ``policy.max_attributes`` the attributes ``policy`` would drop anyway."""
    for element in root.iter(lxml.etree.Element):
        attributes = element.attrib
        names = list(attributes)
        if len(names) > policy.max_attributes:
            allowed = policy.attributes.get(str(element.tag), frozenset())
            doomed = [
                name for name in names if name not in allowed or not is_plain_attribute_name(name)
            ]
        else:
            doomed = [name for name in names if not is_plain_attribute_name(name)]
        for name in doomed:
            del attributes[name]


def _fix_lazy_image(image: lxml.html.HtmlElement) -> None:
    src = image.get("src") or ""
    if src and not src.startswith("data:"):
        return
    for attribute in _LAZY_SOURCES:
        value = image.get(attribute)
        if value and not value.startswith("data:"):
            image.set("src", value)
            return
    srcset = image.get("data-srcset") or image.get("srcset")
    if srcset:
        first = srcset.split(",")[0].split()
        if first:
            image.set("src", first[0])


def _inner_html(element: lxml.html.HtmlElement) -> str | None:
    """What ``element`` holds, as HTML: the element serialized whole, less its own start
    and end tags as the serializer writes them for an empty copy; ``None`` when the
    copy's differ (an attribute written without a value, ``hidden``, is written
    ``hidden=""`` on the copy)."""
    markup = lxml.etree.tostring(element, method="html", encoding="unicode", with_tail=False)
    try:
        bare = lxml.html.Element(element.tag, dict(element.attrib))
    except ValueError:
        return None
    empty = lxml.etree.tostring(bare, method="html", encoding="unicode")
    end = f"</{element.tag}>"
    start = empty[: -len(end)]
    if not (empty.endswith(end) and markup.startswith(start) and markup.endswith(end)):
        return None
    return markup[len(start) : -len(end)]


def _serialize(elements: list[lxml.html.HtmlElement]) -> str:
    """The chosen elements as HTML; a single wrapper contributes only its content."""
    if len(elements) == 1 and elements[0].tag in ("div", "section", "article", "main", "body"):
        container = elements[0]
        inner = _inner_html(container)
        if inner is not None:
            return inner
        parts = [html_lib.escape(container.text or "", quote=False)]
        parts.extend(
            lxml.etree.tostring(child, method="html", encoding="unicode", with_tail=True)
            for child in container
            if isinstance(child.tag, str)
        )
        return "".join(parts)
    parts = []
    for element in elements:
        markup = lxml.etree.tostring(element, method="html", encoding="unicode", with_tail=False)
        parts.append(f"<p>{markup}</p>" if element.tag in ("td", "th", "li") else markup)
    return "".join(parts)


class Body(NamedTuple):
    """The main content of a page, as :func:`extract_body` found it."""

    markup: str | None  # the HTML, unsanitized (None: no main content)
    container: lxml.html.HtmlElement | None  # the element that holds it
    plain: bool  # whether the markup is known plain (see newsitem._plain_tags)


def extract_body(
    root: lxml.html.HtmlElement,
    *,
    headline: str | None,
    notes: Notes,
    container_xpath: str | None = None,
) -> Body:
    """Find and clean the main content; return it as HTML (unsanitized), its container
    and whether the HTML is known plain (every tag as lxml writes well-formed markup).

    The HTML nests no deeper than half the body policy's ``max_depth``, what the
    sanitizer's bounded entry expects; attributes whose names HTML tokenizers read apart
    are dropped, and so are, on an element with more than the policy's
    ``max_attributes``, those the policy would drop anyway.

    Boilerplate must already be stripped from ``root`` (:func:`strip_never_content`).
    ``container_xpath`` (from a site profile) names the container directly.
    """
    body = root.find("body")
    if body is None:
        body = root
    sizes = measure(body)
    chosen: list[lxml.html.HtmlElement]
    container: lxml.html.HtmlElement | None
    if container_xpath is not None:
        found = body.xpath(container_xpath)
        elements = [e for e in found if isinstance(e, lxml.html.HtmlElement)]
        if not elements:
            notes.add("body", f"profile container {container_xpath!r} not found; scoring instead")
            container, chosen = _pick_container(body, sizes)
        else:
            container, chosen = elements[0], elements
    else:
        container, chosen = _pick_container(body, sizes)
    if container is None or not chosen:
        notes.add("body", "no main content found: no paragraph of 25 characters or more")
        return Body(None, None, plain=False)
    total = sum(sizes.get(e, (0, 0))[0] for e in chosen)
    if total < 100 and container_xpath is None:
        notes.add("body", f"no main content found: best candidate holds {total} characters")
        return Body(None, None, plain=False)
    for element in chosen:
        _clean_container(element, sizes, headline)
    policy = get_policy("body")
    limit = policy.max_depth // 2
    for element in chosen:
        _flatten_nesting(element, limit=limit, notes=notes)
    markup = _serialize(chosen)
    plain = is_plain_markup(markup, policy.max_attributes)
    if not plain:
        for element in chosen:
            _plain_attributes(element, policy)
        markup = _serialize(chosen)
    return Body(markup, container, plain)


# Elements that only group or style what they hold: unwrapped when a body nests too deep.
_WRAPPERS: Final = frozenset(
    {"div", "span", "section", "article", "main", "font", "center", "big", "small"}
)


def _depth(element: lxml.html.HtmlElement) -> int:
    """How deep the elements under ``element`` nest (``element`` alone is 1)."""
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _depths(element: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, int]:
    depths = {element: 1}
    for node in element.iterdescendants(lxml.etree.Element):
        parent = node.getparent()
        depths[node] = depths.get(parent, 1) + 1 if parent is not None else 1
    return depths


def _flatten_nesting(element: lxml.html.HtmlElement, *, limit: int, notes: Notes) -> None:
    """Unwrap needless nesting under ``element`` until nothing nests deeper than ``limit``.

    The sanitizer refuses markup nested deeper than its policy's ``max_depth``; a page
    built of hundreds of nested wrappers must not lose its article to that. First the
    wrappers that hold a single element and no text of their own go, then grouping
    elements (``div``, ``span``, ``section`` ...) below half the limit, and last the
    elements still too deep are replaced by their text: every word is kept.
    """
    deepest = _depth(element)
    if deepest <= limit:
        return
    before = deepest
    unwrapped = 0
    for node in list(element.iterdescendants(lxml.etree.Element)):
        if (
            node.tag in _WRAPPERS
            and len(node) == 1
            and not (node.text or "").strip()
            and not (node[0].tail or "").strip()
        ):
            node.drop_tag()
            unwrapped += 1
    deepest = _depth(element)
    if deepest > limit:
        depths = _depths(element)
        for node, depth in depths.items():
            if depth > limit // 2 and node is not element and node.tag in _WRAPPERS:
                node.drop_tag()
                unwrapped += 1
        deepest = _depth(element)
    flattened = 0
    if deepest > limit:
        for node, depth in _depths(element).items():
            if depth == limit and len(node):
                text = normalize_space(text_content(node))
                for child in list(node):
                    node.remove(child)
                node.text = text
                flattened += 1
        deepest = _depth(element)
    message = f"body nested {before} elements deep; {unwrapped} needless wrapper(s) unwrapped"
    if flattened:
        message += f" and {flattened} element(s) deeper than {limit} kept as their text"
    notes.add("body", f"{message} (now {deepest} deep)")
