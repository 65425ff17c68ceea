"""Markdown and bare-URL text, turned into HTML and sanitized like any other markup."""

from __future__ import annotations

import re
from typing import Final

from newsitem._markup import SafeHTML
from newsitem.errors import SanitizeError

from ._html import prepare, sanitize_html, sanitize_text
from ._policy import Policy, resolve_policy

__all__ = ["linkify_text", "sanitize_markdown"]

_MD_CONTAINERS: Final = re.compile(r"[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))")
_MD_BLOCKS: Final = re.compile(r"\n[ \t]*\n")
_MARKDOWN_MAX_NESTING: Final = 32
_MARKDOWN_BRACKET_BUDGET: Final = 1500**2


def _check_markdown(text: str, policy: Policy) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > policy.max_bytes:
        raise SanitizeError(
            f"Markdown is {size} bytes, over policy {policy.name!r}'s max_bytes={policy.max_bytes}"
        )
    for line in text.splitlines():
        nesting = 0
        position = 0
        while (match := _MD_CONTAINERS.match(line, position)) and match.end() > position:
            nesting += 1
            position = match.end()
        indent = len(line) - len(line.lstrip(" \t"))
        if nesting + indent // 4 > _MARKDOWN_MAX_NESTING:
            raise SanitizeError(
                f"Markdown nests lists or quotes more than {_MARKDOWN_MAX_NESTING} deep"
            )
    # Python-Markdown's link and inline-HTML patterns take time quadratic in the number
    # of '[' and '<' in one block: bound the sum of the squares.
    cost = sum((block.count("[") + block.count("<")) ** 2 for block in _MD_BLOCKS.split(text))
    if cost > _MARKDOWN_BRACKET_BUDGET:
        raise SanitizeError(
            "Markdown holds too many '[' or '<' in one paragraph to be converted in bounded time"
        )


def sanitize_markdown(
    text: str, *, policy: Policy | str = "body", base_url: str | None = None
) -> SafeHTML:
    """Convert Markdown to HTML with Python-Markdown, then sanitize it.

    Raw HTML in the Markdown is sanitized like any other markup.

    Args:
        text: Markdown source.
        policy: A :class:`Policy` or the name of a built-in one.
        base_url: The URL relative links are resolved against.

    Raises:
        SanitizeError: The source is over the policy's size limit, nests lists or quotes
            too deeply, or holds too many brackets for Python-Markdown to finish quickly.

    >>> print(sanitize_markdown("*Reporter* at [the Times](https://times.example/)"))
    <p><em>Reporter</em> at <a href="https://times.example/" rel="...">the Times</a></p>
    """
    import markdown

    chosen = resolve_policy(policy)
    source = prepare(text, "text")
    _check_markdown(source, chosen)
    converter = markdown.Markdown(output_format="html")
    try:
        html = converter.convert(source)
    except RecursionError as exc:
        raise SanitizeError("Markdown nests too deeply to be converted") from exc
    # Markdown output is larger than its source; the source was already held to max_bytes.
    roomy = chosen.derive(max_bytes=chosen.max_bytes * 4)
    return sanitize_html(html, policy=roomy, base_url=base_url)


def linkify_text(
    text: str, *, policy: Policy | str = "body", base_url: str | None = None
) -> SafeHTML:
    """Return plain ``text`` as HTML with its bare URLs turned into links.

    bleach's linkifier finds the URLs; its output is sanitized again with the default
    engine, so links get the policy's ``rel`` and schemes.

    >>> print(linkify_text("More at www.example.com & <elsewhere>"))
    More at <a href="http://www.example.com" rel="...">www.example.com</a> &amp; &lt;elsewhere&gt;
    """
    from bleach.linkifier import Linker

    chosen = resolve_policy(policy)
    escaped = sanitize_text(text)
    if len(escaped.encode("utf-8")) > chosen.max_bytes:
        raise SanitizeError(f"text is over policy {chosen.name!r}'s max_bytes={chosen.max_bytes}")
    linked = Linker(callbacks=[]).linkify(str(escaped))
    return sanitize_html(linked, policy=chosen, base_url=base_url)
