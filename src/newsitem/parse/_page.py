"""The parse of one page: read it, make its context, run the stages, make the page."""

from __future__ import annotations

from newsitem.models import Page, is_http_url
from newsitem.parse._context import DateReader, PageContext
from newsitem.parse._decode import read_tree
from newsitem.parse._index import PageIndex
from newsitem.parse._links import absolute_url
from newsitem.parse._metadata import Metadata, read_metadata
from newsitem.parse._notes import Notes
from newsitem.parse._options import ParseOptions
from newsitem.parse._registry import StageRegistry
from newsitem.parse._stages import stages_for
from newsitem.parse.profiles import SiteProfile, find_profile, load_profiles

__all__ = ["build_page"]


def build_page(
    html: str | bytes,
    *,
    url: str | None,
    options: ParseOptions,
    notes: Notes,
    encoding: str | None = None,
) -> Page:
    """Parse one page into a :class:`Page`; see :func:`newsitem.parse.parse_html`.

    The page is read into a tree, indexed once (the index the stages consult) and its
    metadata read; the site profile is chosen by URL; then the stages run in order until
    one of them sets the context's ``page``, else the page is made from what they found.
    """
    root, source = read_tree(html, max_chars=options.max_chars, hint=encoding, notes=notes)
    index = PageIndex(root)
    meta = read_metadata(root, notes, index=index)
    base_url = _base_url(url, meta)
    profile = _choose_profile(url or base_url, options)
    given_url = url if url and is_http_url(url) else None
    context = PageContext(
        url=url,
        root=root,
        source=source,
        index=index,
        meta=meta,
        base_url=base_url,
        page_url=absolute_url(meta.canonical, base_url) or given_url,
        site_name=meta.site_name or (profile.site_name if profile else None),
        notes=notes,
        read_date=DateReader(
            default_tz=options.default_tz,
            reference=options.reference,
            dayfirst=options.dayfirst,
            notes=notes,
        ),
    )
    for stage in _stages(profile, options):
        stage(context)
        if context.page is not None:
            return context.page
    title = meta.document_title
    return Page(
        url=context.page_url,
        site_name=context.site_name,
        title=title if title and title != context.headline else None,
        language=context.language,
        brief=context.brief,
        blocks=tuple(block for _, block in context.blocks),
    )


def _base_url(url: str | None, meta: Metadata) -> str | None:
    """What relative links resolve against: ``url`` (against ``<base href>`` when the
    page has one), else ``<base href>``, the canonical link or ``og:url``."""
    if url and is_http_url(url):
        if meta.base_href:
            return absolute_url(meta.base_href, url) or url
        return url
    for candidate in (meta.base_href, meta.canonical, meta.og_url):
        if candidate and is_http_url(candidate.strip()):
            return candidate.strip()
    return None


def _choose_profile(url: str | None, options: ParseOptions) -> SiteProfile | None:
    profiles: tuple[SiteProfile, ...] = options.profiles
    if options.use_installed_profiles:
        profiles = profiles + load_profiles()
    return find_profile(url, profiles)


def _stages(profile: SiteProfile | None, options: ParseOptions) -> StageRegistry:
    """The stages for a page ``profile`` applies to, less ``blocks`` when the options
    leave blocks out."""
    stages = stages_for(profile)
    if not options.find_blocks and "blocks" in stages:
        stages = stages.without_stage("blocks")
    return stages
