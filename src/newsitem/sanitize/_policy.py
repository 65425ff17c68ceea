"""Policies: what survives sanitizing, checked for safety when built; the built-in ones."""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from newsitem.errors import PolicyError, UnknownFormatError

from ._engines import run_nh3
from ._vocabulary import (
    ATTRIBUTE_NAME,
    FORBIDDEN_ATTRIBUTES,
    FORBIDDEN_SCHEMES,
    LINK_REL,
    REMOVED_WITH_CONTENT,
    SAFE_TAGS,
    SCHEME_NAME,
    TAG_NAME,
)

__all__ = ["BODY_POLICY", "INLINE_POLICY", "TEXT_POLICY", "Policy", "get_policy", "resolve_policy"]


def _to_tags(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise PolicyError(f"Policy.tags: expected a collection of tag names, got str {value!r}")
    return frozenset(str(tag).lower() for tag in value)


def _to_schemes(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise PolicyError(f"URL schemes: expected a collection of names, got str {value!r}")
    return frozenset(str(scheme).lower().rstrip(":") for scheme in value)


def _to_attributes(value: Mapping[str, Iterable[str]]) -> Mapping[str, frozenset[str]]:
    result: dict[str, frozenset[str]] = {}
    for tag in sorted(value, key=str):
        names = value[tag]
        if isinstance(names, str):
            raise PolicyError(
                f"Policy.attributes[{tag!r}]: expected a collection of attribute names, "
                f"got str {names!r}"
            )
        result[str(tag).lower()] = frozenset(str(name).lower() for name in names)
    return types.MappingProxyType(result)


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise PolicyError(f"Policy.{attribute.name}: expected a positive int, got {value!r}")


@attrs.frozen(kw_only=True)
class Policy:
    """What survives sanitizing: elements, attributes, URL schemes and input limits.

    A policy is checked when it is built: one that would let executable content through
    (``svg``, ``math``, ``script`` or another raw-text element, an ``on*`` or ``style``
    attribute, a ``javascript:`` scheme ...) raises :class:`~newsitem.errors.PolicyError`.
    Derive your own from a built-in one with :meth:`derive`, which checks again.

    Attributes:
        name: A label used in error messages.
        tags: Elements kept. Every other element is removed; its text stays, except for
            the elements in :data:`REMOVED_WITH_CONTENT`, which go with their content.
        attributes: Attribute names kept, per element. Attributes listed for an element
            that is not in ``tags`` have no effect.
        link_schemes: URL schemes allowed in ``href`` and ``cite``.
        image_schemes: URL schemes allowed in ``src``.
        user_content: Whether the markup comes from users (comments, bios): links then
            also get ``rel="ugc"``.
        max_bytes: Largest input accepted, in UTF-8 bytes.
        max_depth: Deepest element nesting accepted, as an HTML parser would build it.
        max_attributes: Most attributes accepted on one element.

    >>> from newsitem.sanitize import BODY_POLICY
    >>> bios = BODY_POLICY.derive(name="bio", user_content=True, max_bytes=16_384)
    >>> bios.link_rel
    'noopener noreferrer nofollow ugc'
    >>> BODY_POLICY.derive(tags=BODY_POLICY.tags | {"svg"})
    Traceback (most recent call last):
    ...
    newsitem.errors.PolicyError: policy 'body' allows <svg>, which is never safe: ...
    """

    name: str = "custom"
    tags: frozenset[str] = attrs.field(converter=_to_tags, factory=frozenset)
    attributes: Mapping[str, frozenset[str]] = attrs.field(
        converter=_to_attributes, factory=dict, hash=False
    )
    link_schemes: frozenset[str] = attrs.field(
        converter=_to_schemes, default=frozenset({"http", "https", "mailto"})
    )
    image_schemes: frozenset[str] = attrs.field(
        converter=_to_schemes, default=frozenset({"http", "https"})
    )
    user_content: bool = False
    max_bytes: int = attrs.field(default=1 << 20, validator=_positive)
    max_depth: int = attrs.field(default=256, validator=_positive)
    max_attributes: int = attrs.field(default=32, validator=_positive)

    def __attrs_post_init__(self) -> None:
        for tag in sorted(self.tags):
            if tag in REMOVED_WITH_CONTENT:
                raise PolicyError(
                    f"policy {self.name!r} allows <{tag}>, which is never safe: script, "
                    "style, raw-text, embedding and foreign (svg, math) elements are "
                    "removed with their content"
                )
            if tag not in SAFE_TAGS:
                raise PolicyError(
                    f"policy {self.name!r} allows <{tag}>, which is not a known-safe "
                    f"element; expected one of: {', '.join(sorted(SAFE_TAGS))}"
                )
        for tag, names in self.attributes.items():
            if not TAG_NAME.match(tag):
                raise PolicyError(f"policy {self.name!r}: {tag!r} is not a tag name")
            for name in sorted(names):
                if name.startswith("on"):
                    raise PolicyError(
                        f"policy {self.name!r} allows the event handler {name!r} on <{tag}>: "
                        "on* attributes run script"
                    )
                if name in FORBIDDEN_ATTRIBUTES:
                    raise PolicyError(
                        f"policy {self.name!r} allows {name!r} on <{tag}>, which is never "
                        f"safe: {FORBIDDEN_ATTRIBUTES[name]}"
                    )
                if not ATTRIBUTE_NAME.match(name) or name.startswith(("xml", "xlink")):
                    raise PolicyError(
                        f"policy {self.name!r}: {name!r} on <{tag}> is not a plain HTML "
                        "attribute name"
                    )
        for field, schemes in (
            ("link_schemes", self.link_schemes),
            ("image_schemes", self.image_schemes),
        ):
            for scheme in sorted(schemes):
                if scheme in FORBIDDEN_SCHEMES:
                    raise PolicyError(
                        f"policy {self.name!r} allows the {scheme!r} URL scheme in {field}, "
                        "which can run script or smuggle content"
                    )
                if not SCHEME_NAME.match(scheme):
                    raise PolicyError(
                        f"policy {self.name!r}: {scheme!r} in {field} is not a URL scheme"
                    )
        # Let the default engine reject what it would choke on now, not on first use.
        run_nh3("", self, None)

    @property
    def link_rel(self) -> str:
        """The ``rel`` value every link gets."""
        return f"{LINK_REL} ugc" if self.user_content else LINK_REL

    def derive(self, **changes: Any) -> Policy:
        """Return a copy with ``changes`` applied, checked like a new policy.

        Raises:
            PolicyError: The changed policy would be unsafe.
        """
        return attrs.evolve(self, **changes)


BODY_POLICY: Final = Policy(
    name="body",
    tags={
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "q", "cite", "figure",
        "figcaption", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th",
        "td", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "mark", "small",
        "code", "pre", "time", "abbr", "br", "hr",
    },
    attributes={
        "a": {"href", "title", "hreflang"},
        "abbr": {"title"},
        "blockquote": {"cite"},
        "img": {"src", "alt", "title", "width", "height"},
        "ol": {"start", "reversed"},
        "q": {"cite"},
        "td": {"colspan", "rowspan"},
        "th": {"colspan", "rowspan", "scope"},
        "time": {"datetime"},
    },
)  # fmt: skip
"""Article bodies: paragraphs, subheadings, lists, quotes, figures, tables, links."""

INLINE_POLICY: Final = Policy(
    name="inline",
    tags={"a", "em", "strong", "b", "i", "br", "code"},
    attributes={"a": {"href", "title"}},
    max_bytes=64 * 1024,
)
"""Bios, summaries and captions: links and emphasis, no blocks."""

TEXT_POLICY: Final = Policy(name="text", max_bytes=256 * 1024)
"""No markup at all: elements are removed, their text is kept and escaped."""

_POLICIES: Final = types.MappingProxyType(
    {"body": BODY_POLICY, "inline": INLINE_POLICY, "text": TEXT_POLICY}
)


def get_policy(name: str) -> Policy:
    """Return the built-in policy called ``name``: ``"body"``, ``"inline"`` or ``"text"``.

    Raises:
        UnknownFormatError: No built-in policy has that name; the message lists them.

    >>> get_policy("inline").tags == INLINE_POLICY.tags
    True
    """
    try:
        return _POLICIES[name]
    except KeyError:
        raise UnknownFormatError("policy", name, _POLICIES) from None


def resolve_policy(policy: Policy | str) -> Policy:
    """``policy`` itself, or the built-in policy it names."""
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, str):
        return get_policy(policy)
    raise TypeError(f"policy: expected a Policy or a policy name, got {type(policy).__name__}")
