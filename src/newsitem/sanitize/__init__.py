"""The sanitizer: the one door through which markup enters newsitem.

Everything that ends up as :class:`~newsitem._markup.SafeHTML` went through this package
(but for the video players the HTML renderer builds from its provider table). A
:class:`Policy` says which elements, attributes and URL schemes survive; an engine
(``"nh3"``, the default, or ``"bleach"``) applies it. Both engines sit behind the small
:class:`SanitizerEngine` protocol and nothing outside this package imports either.

>>> from newsitem.sanitize import sanitize_html
>>> sanitize_html('<p onclick="steal()">Hi <a href="javascript:x()">there</a></p>')
SafeHTML('<p>Hi <a rel="noopener noreferrer nofollow">there</a></p>')

Input is checked against the policy's limits (size, nesting depth, attributes per
element) *before* any engine sees it, so a hostile fragment is refused with
:class:`~newsitem.errors.SanitizeError` in bounded time instead of hanging the caller.
Parsers, whose markup is serialized from a tree of bounded depth, come in through
:func:`sanitize_bounded_html`.

The package's modules, all private: ``_vocabulary`` (elements, attributes and schemes),
``_policy`` (:class:`Policy` and the built-in policies), ``_urls`` (URL cleaning),
``_limits`` (the input limits, checked by ``_quick_scan`` or, where it gives up, by the
full ``_prescan``, both following ``_tree_builder``'s element categories), ``_engines``
(nh3 and bleach), ``_html`` (the doors for markup and text) and ``_markdown`` (Markdown
and linkify).

.. versionadded:: 0.1
"""

from __future__ import annotations

from newsitem._markup import SafeHTML
from newsitem._video_providers import video_source

from ._engines import ENGINES, SanitizerEngine
from ._html import sanitize_bounded_html, sanitize_html, sanitize_text
from ._markdown import linkify_text, sanitize_markdown
from ._policy import BODY_POLICY, INLINE_POLICY, TEXT_POLICY, Policy, get_policy
from ._vocabulary import REMOVED_WITH_CONTENT as REMOVED_WITH_CONTENT
from ._vocabulary import SAFE_TAGS as SAFE_TAGS
from ._vocabulary import URL_ATTRIBUTES as URL_ATTRIBUTES

__all__ = [
    "BODY_POLICY",
    "ENGINES",
    "INLINE_POLICY",
    "TEXT_POLICY",
    "Policy",
    "SanitizerEngine",
    "get_policy",
    "linkify_text",
    "sanitize_bounded_html",
    "sanitize_html",
    "sanitize_markdown",
    "sanitize_text",
    "video_player",
    "video_source",
]


def video_player(provider: str, video_id: str, *, title: str) -> SafeHTML:
    """Build the ``<iframe>`` player for a video: :func:`newsitem.render.video_player`.

    A player is output, so it is built by the renderer; this name is kept so that code
    written against earlier versions keeps working.

    Raises:
        ValidationError: Unknown provider, an id that is not of the provider's shape, or
            an empty title.

    >>> print(video_player("youtube", "dQw4w9WgXcQ", title="Clip"))
    <iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Clip" ...></iframe>
    """
    from newsitem.render import video_player as render_player

    return render_player(provider, video_id, title=title)
