"""A brief's images: the page's lead image, then the body's, with their captions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import lxml.html

from newsitem.errors import NewsitemError
from newsitem.models import Image
from newsitem.parse._links import absolute_url
from newsitem.parse._tree import normalize_space, text_content

__all__ = ["find_images"]

_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline", re.IGNORECASE)
_MAX_IMAGES: Final = 30


def find_images(
    lead: Sequence[str], body: lxml.html.HtmlElement | None, base_url: str | None
) -> tuple[Image, ...]:
    """The first of the ``lead`` image URLs (``og:image`` and kin), then each image in the
    body container, once, with its alt text and its ``<figure>``'s caption and credit.

    Args:
        lead: The image URLs the page's metadata names, first the one to lead with.
        body: The element that holds the body, if one was found.
        base_url: What relative URLs resolve against.
    """
    images: list[Image] = []
    seen: set[str] = set()
    for src in lead[:1]:
        url = absolute_url(src, base_url)
        if url:
            images.append(Image(url=url))
            seen.add(url)
    if body is None:
        return tuple(images)
    for img in body.iter("img"):
        url = absolute_url(img.get("src") or img.get("data-src"), base_url)
        if not url or url in seen:
            continue
        seen.add(url)
        caption, credit = _caption_and_credit(img)
        try:
            images.append(Image(url=url, alt=img.get("alt"), caption=caption, credit=credit))
        except NewsitemError:
            continue
        if len(images) >= _MAX_IMAGES:
            break
    return tuple(images)


def _caption_and_credit(img: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """The caption and credit of the ``<figure>`` an image sits in; the credit is an
    element of the ``<figcaption>`` whose class names it, and leaves the caption."""
    figure = img.getparent()
    while figure is not None and figure.tag not in ("figure", "body"):
        figure = figure.getparent()
    if figure is None or figure.tag != "figure":
        return None, None
    cap = next(figure.iterdescendants("figcaption"), None)
    if cap is None:
        return None, None
    credit = None
    credit_el = cap.find(".//*[@class]")
    if credit_el is not None and _CREDIT_CLASS.search(credit_el.get("class") or ""):
        credit = normalize_space(text_content(credit_el)) or None
    caption = normalize_space(text_content(cap)) or None
    if caption and credit and caption.endswith(credit):
        caption = caption[: -len(credit)].strip() or None
    return caption, credit
