"""Site profiles: site-specific extraction rules as frozen data, chosen by URL host.

The generic parser needs no profile; a profile only helps where a site's markup misleads
it. A :class:`SiteProfile` names the hosts it applies to and gives XPath expressions for
the parts it wants to pin down, plus elements to drop before extraction. Where XPaths are
not enough, it adds, replaces or removes stages of the parse
(:class:`~newsitem.parse.AddStage`, :class:`~newsitem.parse.ReplaceStage`,
:class:`~newsitem.parse.RemoveStage`; see :func:`~newsitem.parse.default_stages`).

Profiles come from two places: the ``profiles`` argument of
:func:`~newsitem.parse.parse_html` (via :class:`~newsitem.parse.ParseOptions`), and
third-party packages that declare an entry point in the ``newsitem.profiles`` group whose
object is a :class:`SiteProfile` or an iterable of them::

    [project.entry-points."newsitem.profiles"]
    example = "example_profiles:PROFILES"

>>> from newsitem.parse.profiles import SiteProfile, find_profile
>>> profile = SiteProfile(name="example", hosts=("example.com",), body="//div[@id='story']")
>>> find_profile("https://www.example.com/a/1", [profile]).name
'example'
>>> find_profile("https://other.example/", [profile]) is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib.metadata import entry_points
from typing import Any
from urllib.parse import urlsplit

import attrs
import lxml.etree

from newsitem.errors import ValidationError
from newsitem.parse._registry import (
    AddStage,
    RemoveStage,
    ReplaceStage,
    StageChange,
    StageRegistry,
)

__all__ = ["PROFILE_GROUP", "SiteProfile", "find_profile", "load_profiles"]

#: The entry-point group third-party profiles are published under.
PROFILE_GROUP = "newsitem.profiles"


def _xpath(instance: SiteProfile, attribute: attrs.Attribute[Any], value: object) -> None:
    values = value if isinstance(value, tuple) else (value,)
    for expression in values:
        if expression is None:
            continue
        if not isinstance(expression, str):
            raise ValidationError(
                f"SiteProfile.{attribute.name}", f"expected an XPath string, got {expression!r}"
            )
        try:
            lxml.etree.XPath(expression)
        except lxml.etree.XPathSyntaxError as exc:
            raise ValidationError(
                f"SiteProfile.{attribute.name}", f"not a valid XPath: {expression!r} ({exc})"
            ) from None


def _hosts(instance: SiteProfile, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise ValidationError("SiteProfile.hosts", "expected a non-empty tuple of host names")
    for host in value:
        if not isinstance(host, str) or not host or "/" in host or host != host.lower():
            raise ValidationError("SiteProfile.hosts", f"expected a lowercase host, got {host!r}")


def _stage_changes(instance: SiteProfile, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise ValidationError("SiteProfile.stages", f"expected a tuple, got {value!r}")
    for position, change in enumerate(value):
        if not isinstance(change, AddStage | ReplaceStage | RemoveStage):
            raise ValidationError(
                f"SiteProfile.stages[{position}]",
                f"expected AddStage, ReplaceStage or RemoveStage, got {change!r}",
            )


@attrs.frozen(kw_only=True)
class SiteProfile:
    """Extraction rules for one site.

    A host matches itself and its subdomains: ``"example.com"`` covers
    ``www.example.com``.

    Args:
        name: A short name, used in extraction notes.
        hosts: The hosts it applies to, lowercase.
        body: XPath of the body container(s).
        headline: XPath of the headline element.
        authors: XPath of the byline element(s).
        published: XPath of the element holding the publication date (its ``datetime``
            or ``content`` attribute, else its text).
        label: XPath of the kicker.
        drop: XPaths of elements removed before anything is extracted.
        site_name: The publication's name, when the page does not say it.
        stages: Changes to the stages of the parse, applied in order after the XPaths
            above pinned theirs.
    """

    name: str
    hosts: tuple[str, ...] = attrs.field(validator=_hosts)
    body: str | None = attrs.field(default=None, validator=_xpath)
    headline: str | None = attrs.field(default=None, validator=_xpath)
    authors: str | None = attrs.field(default=None, validator=_xpath)
    published: str | None = attrs.field(default=None, validator=_xpath)
    label: str | None = attrs.field(default=None, validator=_xpath)
    drop: tuple[str, ...] = attrs.field(default=(), validator=_xpath)
    site_name: str | None = None
    stages: tuple[StageChange, ...] = attrs.field(default=(), validator=_stage_changes)

    def change_stages(self, registry: StageRegistry) -> StageRegistry:
        """Return ``registry`` with this profile's stage changes applied, in order.

        Raises:
            ValidationError: A change names a stage ``registry`` does not have (or adds
                one it has); the path names the profile and the change.
        """
        for position, change in enumerate(self.stages):
            try:
                registry = change.apply(registry)
            except ValidationError as exc:
                raise ValidationError(
                    f"SiteProfile({self.name!r}).stages[{position}]", exc.message
                ) from None
        return registry

    def matches(self, host: str) -> bool:
        """Tell whether the profile applies to ``host``."""
        host = host.lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)


@functools.cache
def load_profiles() -> tuple[SiteProfile, ...]:
    """Load the profiles that installed packages publish in the ``newsitem.profiles`` group.

    The entry points are read once per process (from every installed distribution's
    metadata); call ``load_profiles.cache_clear()`` after installing a profile package
    at run time.

    Raises:
        ValidationError: an entry point holds something that is not a SiteProfile.
    """
    found: list[SiteProfile] = []
    for entry in entry_points(group=PROFILE_GROUP):
        value = entry.load()
        items = [value] if isinstance(value, SiteProfile) else list(value)
        for item in items:
            if not isinstance(item, SiteProfile):
                raise ValidationError(
                    f"entry point {entry.name!r}",
                    f"expected SiteProfile objects, got {type(item).__name__}",
                )
            found.append(item)
    return tuple(found)


def find_profile(url: str | None, profiles: Iterable[SiteProfile]) -> SiteProfile | None:
    """Return the first profile whose hosts cover ``url``'s host, or ``None`` if none does.

    The most specific host wins when several profiles match.
    """
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    best: SiteProfile | None = None
    best_length = -1
    for profile in profiles:
        for candidate in profile.hosts:
            if (host == candidate or host.endswith("." + candidate)) and len(
                candidate
            ) > best_length:
                best, best_length = profile, len(candidate)
    return best
