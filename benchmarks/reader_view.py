"""A page as a reader sees it, in plain text: a labelling aid that knows nothing of newsitem.

    python benchmarks/reader_view.py PAGE.html [--url URL] [--all-links]

Prints the page's metadata (``<title>``, ``og:*`` video and URL tags, JSON-LD types with
their names and authors, ``lang``), then its visible text in document order, like a text
browser: headings as ``#``, list items as ``-``, links as ``[text](absolute URL)``,
landmarks (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ``<article>``, ``<main>``)
as ``<<nav>>`` ... ``<</nav>>``, players and videos as ``[VIDEO ...]`` lines. Content a reader
cannot see (``hidden``, ``aria-hidden="true"``, ``display:none``, ``visibility:hidden``,
``<template>``, class ``hidden``/``d-none``/...) is left out and counted, so labels never
come from it. Rules in ``<style>`` sheets are not applied: check the raw HTML when a block
might be hidden by one.

It uses lxml alone, on purpose: labels written from it do not echo newsitem's own choices.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

import lxml.html

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "link", "meta", "button"}
_BLOCKS = {
    "p", "div", "section", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "figure", "figcaption", "form", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "pre",
}  # fmt: skip
_LANDMARKS = {"nav", "header", "footer", "aside", "article", "main"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Class names that hide an element in common CSS frameworks (Bootstrap, Tailwind, ...).
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "d-none", "is-hidden", "invisible", "u-hidden"})
_VIDEO_ATTRS = (
    "data-video-id", "data-videoid", "data-video", "data-account", "data-player",
    "data-media-id", "data-embed", "data-src", "data-url", "data-playlist-id",
)  # fmt: skip


def _hidden(element: lxml.html.HtmlElement) -> bool:
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
        or not _HIDDEN_CLASSES.isdisjoint((element.get("class") or "").lower().split())
    )


class _View:
    def __init__(self, base: str, *, all_links: bool) -> None:
        self.base = base
        self.all_links = all_links
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0

    def flush(self, prefix: str = "") -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(prefix + text)
        self.line = []

    def url(self, href: str | None) -> str:
        try:
            return urljoin(self.base, (href or "").strip())
        except ValueError:
            return href or ""

    def walk(self, element: lxml.html.HtmlElement, depth: int = 0) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:
            self.line.append(element.tail or "")
            return
        if tag in _SKIP and tag != "button":
            self.line.append(element.tail or "")
            return
        if _hidden(element):
            self.hidden += 1
            self.line.append(element.tail or "")
            return
        if tag in {"iframe", "video", "embed", "object"} or any(
            element.get(name) for name in _VIDEO_ATTRS if "video" in name or "account" in name
        ):
            self.flush()
            attrs = {
                key: value
                for key, value in element.attrib.items()
                if key in {"src", "poster", "title", "data-src", "href"} or key.startswith("data-")
            }
            sources = [self.url(s.get("src")) for s in element.iter("source")]
            self.lines.append(f"[VIDEO <{tag}> {json.dumps(attrs)[:400]} sources={sources[:3]}]")
        if tag in _LANDMARKS:
            self.flush()
            self.lines.append(f"<<{tag} class={element.get('class', '')!r}>>")
        block = tag in _BLOCKS or tag in _LANDMARKS
        if block:
            self.flush()
        if tag == "img":
            alt = element.get("alt")
            if alt:
                self.line.append(f" [img: {alt[:80]}] ")
        if tag == "a" and element.get("href"):
            text = " ".join(element.text_content().split())
            if text or self.all_links:
                self.line.append(f" [{text}]({self.url(element.get('href'))}) ")
            self.line.append(element.tail or "")
            return
        if tag == "button":
            self.line.append(element.tail or "")
            return
        self.line.append(element.text or "")
        for child in element:
            self.walk(child, depth + 1)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.flush("#" * int(tag[1]) + " ")
        elif tag == "li":
            self.flush("- ")
        elif block:
            self.flush()
        if tag in _LANDMARKS:
            self.lines.append(f"<</{tag}>>")
        self.line.append(element.tail or "")


def _metadata(root: lxml.html.HtmlElement, base: str) -> list[str]:
    out = [f"url: {base}", f"lang: {root.get('lang')}"]
    title = root.find(".//title")
    if title is not None:
        out.append(f"<title>: {' '.join((title.text_content() or '').split())}")
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or ""
        if re.match(r"og:(url|video|title|type)|author|article:(author|published)", key):
            out.append(f"meta {key}: {(meta.get('content') or '')[:200]}")
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            out.append("json-ld: (invalid JSON)")
            continue
        for node in _nodes(data):
            kind = node.get("@type")
            keep = {
                key: node[key]
                for key in ("name", "headline", "url", "embedUrl", "contentUrl", "author")
                if key in node
            }
            out.append(f"json-ld {kind}: {json.dumps(keep, ensure_ascii=False)[:400]}")
    return out


def _nodes(data: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@type" in item:
                found.append(item)
            stack.extend(value for value in item.values() if isinstance(value, (dict, list)))
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the reader view of one page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--url", default="http://fakehost/test/page.html")
    parser.add_argument("--all-links", action="store_true", help="also links without text")
    args = parser.parse_args(argv)
    data = args.page.read_bytes()
    try:  # undeclared UTF-8 is common; libxml2 would read it as Latin-1
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        root = lxml.html.fromstring(data)
    else:
        root = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", text))
    base = root.find(".//base[@href]")
    base_url = urljoin(args.url, base.get("href")) if base is not None else args.url
    view = _View(base_url, all_links=args.all_links)
    body = root.find("body")
    view.walk(body if body is not None else root)
    view.flush()
    print("\n".join(_metadata(root, base_url)))
    print(f"(hidden elements left out: {view.hidden})")
    print("-" * 72)
    print("\n".join(view.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
