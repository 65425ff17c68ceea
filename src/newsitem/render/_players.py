"""Video players: the ``<iframe>`` a video teaser embeds, built from the provider table.

A player is never copied from a page (the sanitizer removes every scraped ``<iframe>``): it
is built here from an allowlisted provider and an id of that provider's shape, so nothing
in it comes from input but the id, checked against its pattern, and the title, escaped.
That is why this is the one place besides the sanitizer that makes
:class:`~newsitem._markup.SafeHTML`: the markup is the renderer's own, not input made safe.
"""

from __future__ import annotations

import html
from typing import Final

from newsitem._markup import SafeHTML, trusted
from newsitem._video_providers import PROVIDERS
from newsitem.errors import ValidationError

__all__ = ["video_player"]

_SANDBOX: Final = "allow-scripts allow-same-origin allow-presentation allow-popups"
_ALLOW: Final = (
    "accelerometer; clipboard-write; encrypted-media; gyroscope; picture-in-picture; fullscreen"
)


def video_player(provider: str, video_id: str, *, title: str) -> SafeHTML:
    """Build the ``<iframe>`` player for a video, from the provider's allowlisted URL.

    The frame is sandboxed, lazy-loaded, sends only the origin as referrer and carries a
    ``title`` for screen readers. YouTube is embedded from youtube-nocookie.com, Vimeo
    with ``dnt=1``.

    Args:
        provider: A provider name: ``"youtube"``, ``"vimeo"`` or ``"dailymotion"``.
        video_id: The video's id at that provider.
        title: What the video is, for screen readers.

    Returns:
        The player's markup.

    Raises:
        ValidationError: Unknown provider, an id that is not of the provider's shape, or
            an empty title.

    >>> print(video_player("vimeo", "76979871", title="A <b>"))
    <iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="A &lt;b&gt;" ...></iframe>
    """
    known = PROVIDERS.get(provider)
    if known is None:
        raise ValidationError(
            "provider", f"expected one of {', '.join(sorted(PROVIDERS))}, got {provider!r}"
        )
    src = known.player_url(video_id)
    if not isinstance(title, str) or not title.strip():
        raise ValidationError("title", "a video player needs a non-empty title")
    attributes = {
        "src": src,
        "title": title.strip(),
        "sandbox": _SANDBOX,
        "allow": _ALLOW,
        "allowfullscreen": "",
        "referrerpolicy": "strict-origin-when-cross-origin",
        "loading": "lazy",
    }
    rendered = " ".join(f'{key}="{html.escape(value)}"' for key, value in attributes.items())
    return trusted(f"<iframe {rendered}></iframe>")
