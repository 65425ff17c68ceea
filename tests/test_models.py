"""The models: invariants, immutability, and the safe-HTML boundary."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import given

from newsitem import (
    Author,
    AuthorKind,
    Brief,
    Image,
    Page,
    ReadingTime,
    RelatedBlock,
    RelatedItem,
    SafeHTML,
    SourceAttribution,
    ValidationError,
    VideoTeaser,
)
from newsitem.models import is_http_url
from newsitem.sanitize import sanitize_html

from . import strategies


def test_brief_needs_a_headline() -> None:
    """A brief without a headline, or with a blank one, is refused and the field is named."""
    with pytest.raises(ValidationError, match=r"^Brief\.headline: must not be blank$"):
        Brief(headline=" \n")
    with pytest.raises(TypeError):
        Brief()  # type: ignore[call-arg]


def test_errors_are_value_errors() -> None:
    """A ValidationError is also a ValueError, so existing handlers catch it."""
    with pytest.raises(ValueError, match=r"Image\.url"):
        Image(url="ftp://example.com/a.png")


@pytest.mark.parametrize(
    "url",
    [
        "/relative/path",
        "javascript:alert(1)",
        "https://",
        "http://exa mple.com/",
        "mailto:a@b.c",
        "https://example.com:99999/",
        "https://example.com/\x00",
    ],
)
def test_urls_must_be_absolute_http(url: str) -> None:
    """URL fields take absolute http(s) URLs with a host, and nothing else."""
    assert False is is_http_url(url)
    with pytest.raises(ValidationError, match=r"^Author\.url: expected an absolute http\(s\) URL"):
        Author(name="Jane Doe", url=url)


def test_markup_fields_only_take_safe_html() -> None:
    """A raw string in a markup field is refused; raw HTML goes through the sanitizer."""
    with pytest.raises(ValidationError, match=r"^Brief\.body: expected SafeHTML"):
        Brief(headline="H", body="<p>raw</p>")  # type: ignore[arg-type]
    body = sanitize_html("<p>raw</p>")
    assert body == Brief(headline="H", body=body).body


def test_plain_text_fields_refuse_markup_type() -> None:
    """A SafeHTML value in a plain-text field is a mistake the model reports."""
    with pytest.raises(ValidationError, match=r"^Brief\.headline: holds plain text"):
        Brief(headline=sanitize_html("<b>H</b>"))


def test_safe_html_cannot_be_made_directly() -> None:
    """Only the sanitizer creates SafeHTML; direct construction is a TypeError."""
    with pytest.raises(TypeError, match="sanitize_html"):
        SafeHTML("<script>alert(1)</script>")


def test_safe_html_survives_pickling() -> None:
    """SafeHTML pickles (process pools) and stays SafeHTML."""
    html = sanitize_html("<p>x</p>")
    copy = pickle.loads(pickle.dumps(html))
    assert (SafeHTML, html) == (type(copy), copy)


def test_safe_html_concatenation_is_not_trusted() -> None:
    """Adding a plain string to SafeHTML yields a plain str, never trusted markup."""
    assert str is type(sanitize_html("<p>x</p>") + "<script>")


def test_datetimes_must_be_aware_and_dates_stay_dates() -> None:
    """A naive datetime is refused; a date-only value stays a date."""
    with pytest.raises(
        ValidationError, match=r"^Brief\.published: datetime must be timezone-aware"
    ):
        Brief(headline="H", published=datetime(2022, 12, 14, 10, 0))
    brief = Brief(headline="H", published=date(2022, 12, 14))
    assert date is type(brief.published)


def test_durations_are_positive() -> None:
    """A video's duration must be positive."""
    with pytest.raises(ValidationError, match=r"^VideoTeaser\.duration: must be positive"):
        VideoTeaser(title="T", duration=timedelta(0))


def test_video_provider_and_id_go_together() -> None:
    """A provider without a video id (or the reverse) is refused."""
    with pytest.raises(ValidationError, match="provider and video_id go together"):
        VideoTeaser(title="T", provider="youtube")


def test_related_items_need_a_headline_or_summary() -> None:
    """A related item with neither headline nor summary says nothing and is refused."""
    with pytest.raises(ValidationError, match="needs a headline or a summary"):
        RelatedItem(url="https://example.com/a")


def test_related_block_needs_items() -> None:
    """An empty related block is refused."""
    with pytest.raises(ValidationError, match=r"^RelatedBlock\.items: needs at least one item$"):
        RelatedBlock(title="News Feed", items=())


def test_collections_are_tuples_and_elements_are_checked() -> None:
    """Collections are tuples; a wrong element is reported with its index."""
    with pytest.raises(ValidationError, match=r"^Brief\.tags: expected tuple, got list$"):
        Brief(headline="H", tags=["a"])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^Brief\.tags\[1\]: must not be blank$"):
        Brief(headline="H", tags=("a", ""))
    with pytest.raises(ValidationError, match=r"^Brief\.authors\[0\]: expected Author, got str$"):
        Brief(headline="H", authors=("Jane",))  # type: ignore[arg-type]


def test_language_is_a_canonical_bcp47_tag() -> None:
    """Languages are BCP 47 tags in canonical case."""
    assert "en-US" == Brief(headline="H", language="en-US").language
    with pytest.raises(ValidationError, match=r"^Brief\.language: expected a BCP 47 tag"):
        Brief(headline="H", language="en_US")


def test_extensions_are_namespaced_json_and_read_only() -> None:
    """Extension keys carry a namespace, values are JSON, and the mapping cannot be changed."""
    brief = Brief(headline="H", extensions={"ninjs:copyrightnotice": "(c) AP"})
    with pytest.raises(TypeError):
        brief.extensions["x:y"] = 1  # type: ignore[index]
    with pytest.raises(ValidationError, match="keys are namespaced"):
        Brief(headline="H", extensions={"copyright": "x"})
    with pytest.raises(ValidationError, match=r"expected a JSON value, got set"):
        Brief(headline="H", extensions={"x:y": {1, 2}})
    with pytest.raises(ValidationError, match="finite numbers"):
        Brief(headline="H", extensions={"x:y": [float("nan")]})


def test_models_are_frozen_and_keyword_only() -> None:
    """Models cannot be changed after construction and take keywords only."""
    author = Author(name="The Kyiv Independent news desk", kind=AuthorKind.ORGANIZATION)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        author.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Author("Jane")  # type: ignore[misc]


def test_estimated_reading_time_is_kept_apart_from_the_stated_one() -> None:
    """The computed estimate comes from the body; the stated reading time stays as given."""
    body = sanitize_html("<p>" + "word " * 460 + "</p>")
    brief = Brief(headline="H", body=body, reading_time=ReadingTime(minutes=1, text="1 min read"))
    assert (2, 1) == (brief.estimated_reading_minutes, brief.reading_time.minutes)  # type: ignore[union-attr]
    assert None is Brief(headline="H").estimated_reading_minutes


def test_source_attribution_keeps_date_as_written_and_parsed() -> None:
    """An attribution holds the date as written and as read."""
    cited = SourceAttribution(
        name="Wall Street Journal", date_text="Dec. 14", date=date(2022, 12, 14)
    )
    assert ("Dec. 14", date(2022, 12, 14)) == (cited.date_text, cited.date)


def test_page_blocks_take_only_block_models() -> None:
    """A page's blocks are author cards, related blocks and video teasers."""
    with pytest.raises(
        ValidationError,
        match=r"^Page\.blocks\[0\]: expected RelatedBlock or VideoTeaser or Author, got Image$",
    ):
        Page(blocks=(Image(url="https://example.com/a.png"),))  # type: ignore[arg-type]


@given(strategies.pages)
def test_models_are_hashable_and_equal_to_themselves(page: Page) -> None:
    """Every generated page hashes and equals itself (tuples all the way down)."""
    assert hash(page) == hash(attrs.evolve(page))
    assert page == attrs.evolve(page)


@given(strategies.pages)
def test_models_pickle(page: Page) -> None:
    """Every model pickles and unpickles equal (process pools send them between processes)."""
    copy = pickle.loads(pickle.dumps(page))
    assert page == copy
    assert type(page.extensions) is type(copy.extensions)
