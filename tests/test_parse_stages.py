"""The parse as named stages: the registry, and site profiles that change the stages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsitem import Page, RelatedBlock
from newsitem.errors import ValidationError
from newsitem.parse import (
    AddStage,
    ExtractionNote,
    PageContext,
    ParseOptions,
    RemoveStage,
    ReplaceStage,
    SiteProfile,
    StageRegistry,
    default_stages,
    parse_html,
)

PARAGRAPH = (
    "Forecasters expect heavy rain across the region on Tuesday, with storms moving in "
    "from the west by the afternoon and lasting well into the night, officials said."
)
RELATED = "".join(
    f"<li><a href='/story/{i}'>Story number {i} about the city council</a></li>" for i in range(4)
)
PAGE = (
    "<html lang='en'><head><title>Rain expected - Daily Planet</title></head><body>"
    "<article><h1>Rain expected</h1><p class='byline'>By Jane Doe</p>"
    f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
    f"<section><h2>Most popular</h2><ul>{RELATED}</ul></section></body></html>"
)
URL = "https://www.planet.example/rain"


def parse_with(*changes: AddStage | ReplaceStage | RemoveStage, url: str = URL) -> Page:
    """PAGE parsed at ``url`` with a profile for planet.example making ``changes``."""
    profile = SiteProfile(name="planet", hosts=("planet.example",), stages=changes)
    return parse_html(PAGE, url=url, options=ParseOptions(profiles=(profile,)))


def pinned_headline(context: PageContext) -> None:
    """A headline stage that writes a headline of its own."""
    context.headline = "Pinned by a stage"


def test_default_stages_run_in_the_documented_order() -> None:
    """The built-in stages run highest priority first, in the order docs/parsing.md gives."""
    assert (
        "own_page", "structured", "headline", "blocks", "authors", "label", "reading_time",
        "block_removal", "dates", "text_dates", "boilerplate", "fallback_date", "body",
        "attributions", "language", "brief",
    ) == default_stages().names()  # fmt: skip


def test_the_default_page_has_the_parts_the_stage_tests_change() -> None:
    """Without a profile, PAGE gives the headline, author and block the tests below change."""
    page = parse_html(PAGE, url=URL)
    assert page.brief is not None
    assert "Rain expected" == page.brief.headline
    assert ["Jane Doe"] == [a.name for a in page.brief.authors]
    assert ["Most popular"] == [b.title for b in page.blocks if isinstance(b, RelatedBlock)]


def test_a_profile_that_replaces_the_headline_stage_changes_the_headline() -> None:
    """The profile's headline stage runs instead of the built-in one."""
    page = parse_with(ReplaceStage(name="headline", stage=pinned_headline))
    assert page.brief is not None
    assert "Pinned by a stage" == page.brief.headline


def test_a_profile_stage_runs_only_on_the_profile_hosts() -> None:
    """On another host the profile, and so its stages, do not apply."""
    page = parse_with(
        ReplaceStage(name="headline", stage=pinned_headline), url="https://other.example/rain"
    )
    assert page.brief is not None
    assert "Rain expected" == page.brief.headline


def test_a_replacing_stage_can_wrap_the_built_in_one() -> None:
    """A stage taken from the default registry runs inside the profile's own."""
    built_in = default_stages().get("headline")

    def shouted(context: PageContext) -> None:
        built_in(context)
        context.headline = (context.headline or "").upper()

    page = parse_with(ReplaceStage(name="headline", stage=shouted))
    assert page.brief is not None
    assert "RAIN EXPECTED" == page.brief.headline


def test_a_replaced_stage_beats_the_profile_xpath_it_would_read() -> None:
    """The profile's stage changes apply after its XPaths pinned the built-in stages."""
    profile = SiteProfile(
        name="planet",
        hosts=("planet.example",),
        headline="//p[@class='byline']",
        stages=(ReplaceStage(name="headline", stage=pinned_headline),),
    )
    page = parse_html(PAGE, url=URL, options=ParseOptions(profiles=(profile,)))
    assert page.brief is not None
    assert "Pinned by a stage" == page.brief.headline


def test_a_removed_stage_leaves_its_part_empty() -> None:
    """Without the blocks stage the page has no blocks; the rest is read as before."""
    page = parse_with(RemoveStage(name="blocks"))
    assert () == page.blocks
    assert page.brief is not None
    assert "Rain expected" == page.brief.headline


def test_an_added_stage_runs_at_its_priority() -> None:
    """A stage added between language and brief sees the authors and sets the label."""
    seen: list[tuple[str, ...]] = []

    def byline_label(context: PageContext) -> None:
        seen.append(tuple(a.name for a in context.authors))
        context.label = "By " + context.authors[0].name

    page = parse_with(AddStage(name="byline_label", stage=byline_label, priority=15))
    assert [("Jane Doe",)] == seen
    assert page.brief is not None
    assert "By Jane Doe" == page.brief.label


def test_a_stage_that_sets_the_page_ends_the_parse() -> None:
    """The page a stage sets is the result, and no later stage runs."""
    ran: list[str] = []

    def finish(context: PageContext) -> None:
        context.page = Page(site_name="Planet")

    def later(context: PageContext) -> None:
        ran.append("later")

    page = parse_with(
        AddStage(name="finish", stage=finish, priority=145),
        AddStage(name="later", stage=later, priority=144),
    )
    assert Page(site_name="Planet") == page
    assert [] == ran


def test_find_blocks_off_leaves_the_blocks_stage_out() -> None:
    """ParseOptions(find_blocks=False) parses without blocks, with or without the stage."""
    assert () == parse_html(PAGE, url=URL, options=ParseOptions(find_blocks=False)).blocks
    profile = SiteProfile(
        name="planet", hosts=("planet.example",), stages=(RemoveStage(name="blocks"),)
    )
    options = ParseOptions(profiles=(profile,), find_blocks=False)
    assert () == parse_html(PAGE, url=URL, options=options).blocks


def test_a_change_naming_no_stage_fails_naming_the_profile_and_the_stage() -> None:
    """Replacing a stage there is not raises, saying which profile and which change."""
    profile = SiteProfile(
        name="planet",
        hosts=("planet.example",),
        stages=(RemoveStage(name="blocks"), ReplaceStage(name="headlines", stage=pinned_headline)),
    )
    with pytest.raises(ValidationError, match=r"SiteProfile\('planet'\)\.stages\[1\].*'headlines'"):
        parse_html(PAGE, url=URL, options=ParseOptions(profiles=(profile,)))


def test_adding_a_stage_that_exists_fails() -> None:
    """AddStage refuses a name the registry has; ReplaceStage is the way to change it."""
    with pytest.raises(ValidationError, match="exists"):
        AddStage(name="headline", stage=pinned_headline, priority=1).apply(default_stages())


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: AddStage(name="", stage=pinned_headline, priority=1), r"AddStage\.name"),
        (lambda: AddStage(name="x", stage="headline", priority=1), r"AddStage\.stage"),  # type: ignore[arg-type]
        (lambda: AddStage(name="x", stage=pinned_headline, priority=True), r"AddStage\.priority"),
        (lambda: AddStage(name="x", stage=pinned_headline, priority=float("nan")), "priority"),
        (lambda: ReplaceStage(name=None, stage=pinned_headline), r"ReplaceStage\.name"),  # type: ignore[arg-type]
        (lambda: SiteProfile(name="p", hosts=("p.example",), stages=("body",)), r"stages\[0\]"),  # type: ignore[arg-type]
    ],
)
def test_stage_changes_are_checked_when_built(make: Callable[[], object], path: str) -> None:
    """A change or profile built with a value of the wrong kind fails, naming the field."""
    with pytest.raises(ValidationError, match=path):
        make()


def test_the_registry_is_immutable() -> None:
    """Changing a registry returns a new one; the default registry stays as it was."""
    stages = default_stages()
    fewer = stages.without_stage("blocks")
    more = stages.with_stage("extra", pinned_headline, priority=0)
    assert "blocks" not in fewer
    assert "blocks" in stages
    assert ("extra",) == more.names()[-1:]
    assert "extra" not in default_stages()
    replaced = stages.with_stage("headline", pinned_headline)
    assert stages.priority("headline") == replaced.priority("headline")
    assert pinned_headline is replaced.get("headline")


def test_registry_errors_name_the_stage() -> None:
    """Unknown names, new stages without a priority and duplicate names are refused."""
    with pytest.raises(ValidationError, match="no stage named 'nothing'; the stages: own_page"):
        default_stages().get("nothing")
    with pytest.raises(ValidationError, match="needs a priority"):
        default_stages().with_stage("new", pinned_headline)
    with pytest.raises(ValidationError, match="two stages named 'a'"):
        StageRegistry([("a", pinned_headline, 1), ("a", pinned_headline, 2)])


def test_equal_priorities_run_in_the_order_added() -> None:
    """Stages of one priority keep the order they were added in, replaced ones too."""
    stages = StageRegistry([("b", pinned_headline, 1), ("a", pinned_headline, 1)])
    assert ("b", "a", "c") == stages.with_stage("c", pinned_headline, priority=1).names()
    assert ("b", "a") == ReplaceStage(name="b", stage=print).apply(stages).names()


def test_the_profile_stage_notes_the_profile() -> None:
    """A page a profile applies to runs the profile stage, which says so in a note."""
    profile = SiteProfile(name="planet", hosts=("planet.example",))
    notes: list[ExtractionNote] = []
    parse_html(PAGE, url=URL, options=ParseOptions(profiles=(profile,)), notes=notes)
    assert [ExtractionNote(stage="profile", message="site profile 'planet' applied")] == [
        n for n in notes if n.stage == "profile"
    ]
