"""The engines that apply a policy: nh3 (the default) and bleach, behind one protocol.

Nothing else in newsitem imports nh3 or bleach.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Protocol, cast

import attrs

from newsitem.errors import PolicyError, SanitizeError, UnknownFormatError

from ._urls import filter_attribute
from ._vocabulary import REMOVED_WITH_CONTENT

if TYPE_CHECKING:
    from ._policy import Policy

__all__ = ["ENGINES", "SanitizerEngine", "get_engine", "run_nh3"]


class SanitizerEngine(Protocol):
    """What an engine does: apply a policy to markup that is within the policy's limits.

    An engine returns serialized HTML; :func:`sanitize_html` wraps it as SafeHTML. Engines
    hold no state between calls.
    """

    @property
    def name(self) -> str:
        """The name the engine is registered under."""
        ...  # pragma: no cover

    def clean(self, html: str, policy: Policy, base_url: str | None) -> str:
        """Return ``html`` with everything ``policy`` does not allow removed."""
        ...  # pragma: no cover


def run_nh3(html: str, policy: Policy, base_url: str | None) -> str:
    """Clean ``html`` with nh3 under ``policy``; nh3's own failures become our errors."""
    import nh3

    try:
        return nh3.clean(
            html,
            tags=set(policy.tags),
            clean_content_tags=set(REMOVED_WITH_CONTENT),
            attributes={tag: set(names) for tag, names in policy.attributes.items()},
            attribute_filter=functools.partial(filter_attribute, policy, base_url),
            strip_comments=True,
            link_rel=policy.link_rel,
            url_schemes=set(policy.link_schemes | policy.image_schemes),
        )
    except Exception as exc:  # nh3 rejects a configuration with ValueError
        raise PolicyError(f"policy {policy.name!r}: nh3 refused it: {exc}") from exc
    except BaseException as exc:
        # pyo3's PanicException derives from BaseException; never let it reach a caller.
        if type(exc).__name__ != "PanicException":
            raise
        raise SanitizeError(f"nh3 failed on this input under policy {policy.name!r}") from exc


@attrs.frozen
class _Nh3Engine:
    """nh3 (ammonia, html5ever): the default engine."""

    name: str = "nh3"

    def clean(self, html: str, policy: Policy, base_url: str | None) -> str:
        return run_nh3(html, policy, base_url)


class _BleachFilter:
    """A html5lib token filter run after bleach's own: our URL rules, rel, removals."""

    def __init__(self, source: Iterable[dict[str, Any]], policy: Policy, base_url: str | None):
        self.source = source
        self.policy = policy
        self.base_url = base_url

    def __iter__(self) -> Iterator[dict[str, Any]]:
        removing = 0
        for token in self.source:
            kind = token["type"]
            name = token.get("name")
            if name in REMOVED_WITH_CONTENT:
                if kind == "StartTag":
                    removing += 1
                elif kind == "EndTag":
                    removing -= 1
                continue
            if removing:
                continue
            if kind in {"StartTag", "EmptyTag"}:
                data: dict[tuple[str | None, str], str] = {}
                for key, value in token["data"].items():
                    cleaned = filter_attribute(self.policy, self.base_url, str(name), key[1], value)
                    if cleaned is not None:
                        data[key] = cleaned
                if name == "a":
                    data[(None, "rel")] = self.policy.link_rel
                token = {**token, "data": data}
            yield token


@attrs.frozen
class _BleachEngine:
    """bleach (html5lib): a second engine, held to the same policy and the same tests.

    bleach's last release is 6.4.0; it receives no security fixes. Prefer ``"nh3"``.
    """

    name: str = "bleach"

    def clean(self, html: str, policy: Policy, base_url: str | None) -> str:
        from bleach.sanitizer import Cleaner

        cleaner = Cleaner(
            # The removed-with-content elements are let through bleach so that our filter
            # sees them and drops them with their content.
            tags=policy.tags | REMOVED_WITH_CONTENT,
            attributes={tag: sorted(names) for tag, names in policy.attributes.items()},
            protocols=policy.link_schemes | policy.image_schemes,
            strip=True,
            strip_comments=True,
            # bleach calls each filter with source=...; the stubs want html5lib's class.
            filters=[
                cast("Any", functools.partial(_BleachFilter, policy=policy, base_url=base_url))
            ],
        )
        return cleaner.clean(html)


ENGINES: Final[Mapping[str, SanitizerEngine]] = types.MappingProxyType(
    {"bleach": _BleachEngine(), "nh3": _Nh3Engine()}
)
"""The sanitizer engines by name."""


def get_engine(name: str) -> SanitizerEngine:
    """The engine registered as ``name``; an unknown name lists the known ones."""
    try:
        return ENGINES[name]
    except (KeyError, TypeError):
        raise UnknownFormatError("sanitizer engine", str(name), ENGINES) from None
