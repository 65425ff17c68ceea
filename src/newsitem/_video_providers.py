"""Video providers newsitem recognises and embeds: their hosts, id shapes and player URLs.

The one table of them. The HTML parser reads provider videos out of pages with it, and the
HTML renderer builds players from it; a provider added here is known to both.

>>> PROVIDERS["vimeo"].player_url("76979871")
'https://player.vimeo.com/video/76979871?dnt=1'
"""

from __future__ import annotations

import re
import types
import urllib.parse
from collections.abc import Mapping
from typing import Final

import attrs

from newsitem.errors import ValidationError

__all__ = ["PROVIDERS", "VIDEO_HOST_WORDS", "VIDEO_URL", "VideoProvider", "video_source"]


@attrs.frozen(kw_only=True)
class VideoProvider:
    """A video provider: where its videos live and how its player is reached.

    Attributes:
        name: The provider's name, as :attr:`~newsitem.models.VideoTeaser.provider` holds it.
        hosts: Hosts whose URLs name a video in their path (or, on ``query_path``, their
            query).
        share_hosts: Short-link hosts whose whole path is the video id.
        words: Words every one of the provider's hosts holds, to find candidate links fast.
        id_pattern: The shape of a video id.
        path_pattern: Reads the id (group 1) out of a path on ``hosts``.
        query_path: Paths on ``hosts`` whose query holds the id, under ``query_key``.
        query_key: The query parameter that holds the id on ``query_path``.
        player: The player URL, with ``{video_id}`` where the id goes.
    """

    name: str
    hosts: frozenset[str]
    share_hosts: frozenset[str] = frozenset()
    words: tuple[str, ...]
    id_pattern: re.Pattern[str]
    path_pattern: re.Pattern[str]
    query_path: re.Pattern[str] | None = None
    query_key: str = ""
    player: str

    def player_url(self, video_id: str) -> str:
        """The player URL for ``video_id``.

        Raises:
            ValidationError: ``video_id`` is not of the provider's shape.
        """
        if not isinstance(video_id, str) or not self.id_pattern.match(video_id):
            raise ValidationError("video_id", f"not a {self.name} video id: {video_id!r}")
        return self.player.format(video_id=video_id)


PROVIDERS: Final[Mapping[str, VideoProvider]] = types.MappingProxyType(
    {
        "youtube": VideoProvider(
            name="youtube",
            hosts=frozenset(
                {
                    "youtube.com",
                    "www.youtube.com",
                    "m.youtube.com",
                    "music.youtube.com",
                    "youtube-nocookie.com",
                    "www.youtube-nocookie.com",
                }
            ),
            share_hosts=frozenset({"youtu.be"}),
            words=("youtu",),
            id_pattern=re.compile(r"[A-Za-z0-9_-]{11}\Z"),
            path_pattern=re.compile(r"/(?:embed|shorts|live|v)/([^/?#]+)/?\Z"),
            query_path=re.compile(r"/watch/?\Z"),
            query_key="v",
            player="https://www.youtube-nocookie.com/embed/{video_id}",
        ),
        "vimeo": VideoProvider(
            name="vimeo",
            hosts=frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"}),
            words=("vimeo",),
            id_pattern=re.compile(r"[0-9]{1,12}\Z"),
            path_pattern=re.compile(r"/(?:video/|channels/[^/]+/|groups/[^/]+/videos/)?(\d+)/?\Z"),
            player="https://player.vimeo.com/video/{video_id}?dnt=1",
        ),
        "dailymotion": VideoProvider(
            name="dailymotion",
            hosts=frozenset({"dailymotion.com", "www.dailymotion.com", "geo.dailymotion.com"}),
            share_hosts=frozenset({"dai.ly"}),
            words=("dailymotion", "dai.ly"),
            id_pattern=re.compile(r"[A-Za-z0-9]{5,12}\Z"),
            path_pattern=re.compile(r"/(?:embed/)?video/([A-Za-z0-9]+)"),
            query_path=re.compile(r"/player"),
            query_key="video",
            player="https://geo.dailymotion.com/player.html?video={video_id}",
        ),
    }
)
"""The providers by name."""

VIDEO_HOST_WORDS: Final = tuple(word for provider in PROVIDERS.values() for word in provider.words)
"""Words every provider host holds, lower-cased: a link without one is no provider video."""

VIDEO_URL: Final = re.compile(
    r"https?://(?:"
    + "|".join(
        sorted(
            re.escape(host)
            for provider in PROVIDERS.values()
            for host in provider.hosts | provider.share_hosts
        )
    )
    + ")/",
    re.IGNORECASE,
)
"""Matches the start of an http(s) URL on a provider's host: the URLs worth reading."""


def _video_id(provider: VideoProvider, candidate: str | None, url: str) -> tuple[str, str]:
    if candidate is None or not provider.id_pattern.match(candidate):
        raise ValidationError("url", f"no {provider.name} video id in {url!r}")
    return provider.name, candidate


def video_source(url: str) -> tuple[str, str]:
    """Return ``(provider, video_id)`` for a YouTube, Vimeo or Dailymotion video URL.

    Watch, share, embed, shorts and player URLs are understood. Only the providers' own
    hosts count: ``youtube.com.evil.example`` is not YouTube.

    Args:
        url: An absolute http(s) URL.

    Returns:
        The provider's name and the video id.

    Raises:
        ValidationError: The URL is not a video on a known provider's host.

    >>> video_source("https://youtu.be/dQw4w9WgXcQ?t=42")
    ('youtube', 'dQw4w9WgXcQ')
    >>> video_source("https://player.vimeo.com/video/76979871")
    ('vimeo', '76979871')
    """
    if not isinstance(url, str):
        raise ValidationError("url", f"expected str, got {type(url).__name__}")
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ValidationError("url", f"not a URL: {url!r}") from exc
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme not in {"http", "https"} or parts.username or parts.password or port:
        raise ValidationError("url", f"expected a plain http(s) URL, got {url!r}")
    for provider in PROVIDERS.values():
        if host in provider.share_hosts:
            return _video_id(provider, parts.path.strip("/") or None, url)
        if host in provider.hosts:
            if provider.query_path is not None and provider.query_path.match(parts.path):
                values = urllib.parse.parse_qs(parts.query).get(provider.query_key)
                return _video_id(provider, values[0] if values else None, url)
            match = provider.path_pattern.match(parts.path)
            return _video_id(provider, match and match.group(1), url)
    raise ValidationError("url", f"not a video host newsitem embeds: {host!r}")
