"""The doors for markup: :func:`sanitize_html`, :func:`sanitize_bounded_html` and
:func:`sanitize_text`, the only makers of :class:`~newsitem._markup.SafeHTML`."""

from __future__ import annotations

import html as _html
import re
from typing import Final

from newsitem._markup import SafeHTML, trusted
from newsitem._plain_tags import is_plain_markup

from ._engines import SanitizerEngine, get_engine
from ._limits import check_limits
from ._policy import Policy, resolve_policy
from ._urls import check_base_url

__all__ = ["prepare", "sanitize_bounded_html", "sanitize_html", "sanitize_text"]

_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


def prepare(text: str, what: str) -> str:
    """``text`` with every lone surrogate replaced, as an HTML parser reads it.

    Raises:
        TypeError: ``text`` is not a str; ``what`` names it in the message.
    """
    if not isinstance(text, str):
        raise TypeError(f"{what}: expected str, got {type(text).__name__}")
    if text.isascii():  # known without a scan: no lone surrogate in it
        return text
    try:  # the encoder refuses a lone surrogate, in a fifth of the regex's time
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def sanitize_html(
    html: str,
    *,
    policy: Policy | str = "body",
    base_url: str | None = None,
    engine: str = "nh3",
) -> SafeHTML:
    """Return ``html`` with everything ``policy`` does not allow removed.

    Sanitizing is idempotent: sanitizing the result again, with the same arguments,
    returns it unchanged.

    Args:
        html: An HTML fragment, as found inside ``<body>``.
        policy: A :class:`Policy` or the name of a built-in one.
        base_url: The URL of the page the fragment comes from. Relative URLs are resolved
            against it; without it they are dropped.
        engine: ``"nh3"`` (default) or ``"bleach"``.

    Returns:
        The sanitized markup.

    Raises:
        SanitizeError: The input is over one of the policy's limits, or ``base_url`` is
            not an absolute http(s) URL.
        UnknownFormatError: ``policy`` or ``engine`` names nothing known.

    >>> sanitize_html('<img src="/a.png" onerror="x()">', base_url="https://news.example/s/1")
    SafeHTML('<img src="https://news.example/a.png">')
    >>> sanitize_html("<b>bold</b> <em>text</em>", policy="text")
    SafeHTML('bold text')
    """
    text, chosen, runner = _arguments(html, policy, base_url, engine)
    check_limits(text, chosen)
    return trusted(runner.clean(text, chosen, base_url))


def sanitize_bounded_html(
    html: str,
    *,
    policy: Policy | str = "body",
    base_url: str | None = None,
    engine: str = "nh3",
) -> SafeHTML:
    """Sanitize markup serialized from a parsed tree whose nesting the caller has bounded.

    This is the entry for parsers: ``html`` comes from a tree that nests no deeper than
    half of ``policy``'s ``max_depth`` (the HTML parser unwraps deeper bodies). When every
    tag in it is plain, written as lxml writes well-formed markup (attribute names no
    tokenizer reads apart, quoted values, at most ``max_attributes`` per element), an
    HTML5 parser builds it no deeper than the tree was and sees no more attributes than it
    shows, so the depth and attribute checks of :func:`sanitize_html` are skipped.
    Otherwise they run as there. The size limit always holds, and ``engine`` cleans the
    markup exactly as :func:`sanitize_html` has it clean: what comes out is as safe, and
    for the same input the same.

    Args:
        html: Serialized markup whose nesting the caller has bounded.
        policy: A :class:`Policy` or the name of a built-in one.
        base_url: The URL relative links are resolved against; without it they are dropped.
        engine: ``"nh3"`` (default) or ``"bleach"``.

    Returns:
        The sanitized markup.

    Raises:
        SanitizeError: The markup is over one of ``policy``'s limits, or ``base_url`` is
            not an absolute http(s) URL.
        UnknownFormatError: ``policy`` or ``engine`` names nothing known.

    >>> sanitize_bounded_html('<p class="lead">Hi <b>there</b></p>', engine="bleach")
    SafeHTML('<p>Hi <b>there</b></p>')
    """
    text, chosen, runner = _arguments(html, policy, base_url, engine)
    # Four UTF-8 bytes at most per character: a size known to be within max_bytes unread.
    if len(text) * 4 > chosen.max_bytes or not is_plain_markup(text, chosen.max_attributes):
        check_limits(text, chosen)
    return trusted(runner.clean(text, chosen, base_url))


def _arguments(
    html: str, policy: Policy | str, base_url: str | None, engine: str
) -> tuple[str, Policy, SanitizerEngine]:
    """The markup, policy and engine an entry was given, checked."""
    chosen = resolve_policy(policy)
    runner = get_engine(engine)
    check_base_url(base_url)
    return prepare(html, "html"), chosen, runner


def sanitize_text(text: str) -> SafeHTML:
    """Return plain ``text`` as HTML that shows it as it is.

    The result is what :func:`sanitize_html` gives for it under the ``"text"`` policy
    (newlines are normalized as an HTML parser does, NUL characters dropped).

    >>> sanitize_text("Fish & chips <3")
    SafeHTML('Fish &amp; chips &lt;3')
    """
    plain = prepare(text, "text").replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    escaped = _html.escape(plain, quote=False).replace("\xa0", "&nbsp;")
    return trusted(escaped)
