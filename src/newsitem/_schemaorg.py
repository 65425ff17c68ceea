"""The schema.org vocabulary newsitem reads and writes, in one place.

The JSON-LD mapping, the microdata the HTML renderer writes, and the microdata reader all
name types from here, so the three cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from newsitem.models import BriefKind

__all__ = ["KIND_TYPES", "ORGANIZATION_TYPES", "PAGE_TYPES", "SCHEMA_ORG", "TYPE_KINDS"]

#: The vocabulary's namespace, as microdata ``itemtype`` and JSON-LD ``@context`` use it.
SCHEMA_ORG: Final = "https://schema.org/"

#: The schema.org type newsitem writes for a brief of each kind.
KIND_TYPES: Final[Mapping[BriefKind, str]] = MappingProxyType(
    {
        BriefKind.NEWS: "NewsArticle",
        BriefKind.REPORTAGE: "ReportageNewsArticle",
        BriefKind.ANALYSIS: "AnalysisNewsArticle",
        BriefKind.OPINION: "OpinionNewsArticle",
        BriefKind.REVIEW: "ReviewNewsArticle",
        BriefKind.LIVE_BLOG: "LiveBlogPosting",
        BriefKind.BLOG: "BlogPosting",
        BriefKind.ARTICLE: "Article",
    }
)

#: The kind each article type is read as: the types newsitem writes, and their kin read as
#: the nearest kind.
TYPE_KINDS: Final[Mapping[str, BriefKind]] = MappingProxyType(
    {name: kind for kind, name in KIND_TYPES.items()}
    | {
        "BackgroundNewsArticle": BriefKind.NEWS,
        "AskPublicNewsArticle": BriefKind.NEWS,
        "SatiricalArticle": BriefKind.ARTICLE,
        "Report": BriefKind.ARTICLE,
        "TechArticle": BriefKind.ARTICLE,
        "ScholarlyArticle": BriefKind.ARTICLE,
        "Posting": BriefKind.BLOG,
        "SocialMediaPosting": BriefKind.BLOG,
        "DiscussionForumPosting": BriefKind.BLOG,
    }
)

#: Types that make an author an organization rather than a person.
ORGANIZATION_TYPES: Final = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "Corporation",
        "NGO",
        "GovernmentOrganization",
        "EducationalOrganization",
        "LocalBusiness",
        "OnlineBusiness",
    }
)

#: Types of a web page as a whole.
PAGE_TYPES: Final = frozenset({"WebPage", "ItemPage", "AboutPage", "CollectionPage"})
