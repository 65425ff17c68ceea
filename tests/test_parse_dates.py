"""The publication date parse_html settles on: metadata corrections and text datelines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from newsitem.parse import parse_html

PARAGRAPH = (
    "Forecasters expect heavy rain across the region on Tuesday, with storms moving in "
    "from the west by the afternoon and lasting well into the night, officials said."
)


def page(head: str = "", before: str = "", after: str = "", *, h1: bool = True) -> str:
    """An article page: ``head`` markup, text before and after the article's paragraphs."""
    heading = "<h1>Rain expected</h1>" if h1 else "<p>Rain expected</p>"
    return (
        f"<html lang='en'><head><title>Rain expected</title>{head}</head><body><article>"
        f"{heading}{before}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{after}</article></body></html>"
    )


def published(html: str) -> date | datetime | None:
    """The brief's published date of a page."""
    brief = parse_html(html, url="https://news.example/rain").brief
    assert brief is not None
    return brief.published


def test_published_stamped_with_the_update_time_yields_to_an_earlier_one() -> None:
    """A published time equal to the modified time loses to an earlier published time."""
    head = (
        '<meta property="article:published_time" content="2015-09-17T16:57:43+01:00">'
        '<meta property="article:modified_time" content="2016-05-08T10:11:51+01:00">'
    )
    body = '<meta itemprop="datePublished" content="2016-05-08T10:11:51+01:00">'
    html = page(head).replace(
        "<article>", f'<article itemscope itemtype="https://schema.org/NewsArticle">{body}'
    )
    assert datetime(2015, 9, 17, 16, 57, 43, tzinfo=timezone(timedelta(hours=1))) == (
        published(html)
    )


def test_same_wall_clock_in_another_zone_is_not_an_earlier_publication() -> None:
    """An 'earlier' published time only a zone offset away does not replace the chosen one."""
    zone = timezone(timedelta(hours=-7))
    head = (
        '<meta property="article:published_time" content="2020-04-07T17:10:46-07:00">'
        '<meta property="article:modified_time" content="2020-04-07T17:10:46-07:00">'
        '<meta name="pubdate" content="2020-04-07T17:10:46Z">'
    )
    value = published(page(head))
    assert datetime(2020, 4, 7, 17, 10, 46, tzinfo=zone) == value
    assert isinstance(value, datetime)
    assert timedelta(hours=-7) == value.utcoffset()


def test_utc_time_takes_the_offset_another_source_writes_for_it() -> None:
    """JSON-LD in UTC and article:published_time with an offset: the publisher's day."""
    head = (
        '<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">'
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "NewsArticle", "headline": "Rain expected",'
        ' "datePublished": "2017-02-24T01:18:13Z"}</script>'
    )
    value = published(page(head))
    assert isinstance(value, datetime)
    assert "2017-02-23T17:18:13-08:00" == value.isoformat()


def test_utc_time_takes_the_offset_of_a_zoneless_time_on_the_page() -> None:
    """A zone-less <time> of the same minute, 6 hours off UTC, gives the offset -06:00."""
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "NewsArticle", "headline": "Rain expected",'
        ' "datePublished": "2023-11-09T05:30:59Z"}</script>'
    )
    before = '<p><time datetime="2023-11-08 23:30:59">November 8, 2023 at 11:30 p.m.</time></p>'
    value = published(page(head, before))
    assert isinstance(value, datetime)
    assert "2023-11-08T23:30:59-06:00" == value.isoformat()


def test_publication_date_meta_is_read() -> None:
    """<meta name="publication_date"> names the published time."""
    head = '<meta name="publication_date" content="2022-02-08T14:00:00+01:00">'
    assert datetime(2022, 2, 8, 13, 0, tzinfo=UTC) == published(page(head))


def test_dateline_below_the_headline_beats_an_earlier_date_in_the_text() -> None:
    """'Posted by Jane Doe on <date>' wins over a date the article's text mentions first."""
    before = "<p>The festival runs on 23.8.2017 in the park.</p>"
    after = "<p>Posted by Jane Doe on 24. Juli 2017</p>"
    assert date(2017, 7, 24) == published(page(before=before, after=after))


def test_registration_date_is_not_the_publication() -> None:
    """A date labelled 'Registered:' (a forum profile) is passed over."""
    before = "<p><strong>Registered:</strong> 18.09.2008</p><p>Posted 21.01.2009, 05:42</p>"
    assert date(2009, 1, 21) == published(page(before=before))


def test_byline_date_on_a_page_without_h1_beats_a_sidebar_date() -> None:
    """With no <h1>, a 'Von <name> (<date>)' dateline wins over the first date in the page."""
    sidebar = "<ul><li>Older news 29.11.2022</li><li>More news 22.11.2022</li></ul>"
    html = page(before="<p>Von Leonora Holling (21. November 2022)</p>", h1=False)
    html = html.replace("<body>", f"<body>{sidebar}")
    assert date(2022, 11, 21) == published(html)


def test_text_after_a_script_is_read_but_text_inside_noscript_is_not() -> None:
    """A dateline right after a <script> counts; one inside <noscript>, however nested,
    does not (it is not what a reader sees)."""
    after_script = "<script>var x = 1;</script>Posted 02.03.2019, 10:00"
    assert date(2019, 3, 2) == published(page(before=f"<p>{after_script}</p>"))
    for hidden in (
        "<noscript><span>Posted 02.03.2019</span></noscript>",
        "<noscript><span>x</span> Posted 02.03.2019</noscript>",
    ):
        assert None is published(page(before=hidden))
