"""Golden pages from the three corpora, read the way a reader reads them.

Every expectation below was written by hand from the page source (the visible ``<h1>``,
the byline and dateline as displayed, the first and the last paragraph of the article
text), never from what the parser printed. Together with the three golden pages of
``test_parse_corpus.py`` (CNN, the Guardian, BBC) they cover the readability,
trafilatura and newspaper4k corpora, in English, German and French.
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from newsitem import AuthorKind, Page
from newsitem.parse import parse_html

READABILITY = "mozilla-readability/test/test-pages"
TRAFILATURA = "trafilatura/tests/eval"
NEWSPAPER = "newspaper4k/tests/data/html"
FAKEHOST = "http://fakehost/test/page.html"


def load(shared: Path, relative: str, url: str) -> Page:
    """Parse one corpus page from its bytes, as fetched from ``url``."""
    return parse_html((shared / "corpora" / relative).read_bytes(), url=url)


def body_text(page: Page) -> str:
    """The brief's body as one line of plain text."""
    assert page.brief is not None
    assert page.brief.body is not None
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", page.brief.body)).split())


def day(value: date | datetime | None) -> date | None:
    """The calendar day of a date or datetime (in its own zone)."""
    return value.date() if isinstance(value, datetime) else value


def test_heise_german_news(shared: Path) -> None:
    """heise online: German h1, the "08.04.2015 12:46" dateline, lead to "(bsc)"."""
    page = load(shared, f"{READABILITY}/heise/source.html", FAKEHOST)
    assert page.brief is not None
    assert "1Password für Mac generiert Einmal-Passwörter" == page.brief.headline
    assert date(2015, 4, 8) == day(page.brief.published)
    text = body_text(page)
    assert "AgileBits hat Version 5.3 seines bekannten Passwortmanagers" in text[:500]
    assert "mindestens OS X 10.10 voraus." in text[-60:]


def test_nytimes_sudan_sanctions(shared: Path) -> None:
    """NYT: "By JEFFREY GETTLEMAN", JAN. 13, 2017, "LONDON — After nearly 20 years" opens."""
    page = load(shared, f"{READABILITY}/nytimes-1/source.html", FAKEHOST)
    assert page.brief is not None
    assert "United States to Lift Sudan Sanctions" == page.brief.headline
    assert ["jeffrey gettleman"] == [a.name.casefold() for a in page.brief.authors]
    assert date(2017, 1, 13) == day(page.brief.published)
    text = body_text(page)
    assert "LONDON — After nearly 20 years of hostile relations" in text[:400]
    assert "had made a “deal with the devil.”" in text[-300:]
    assert "Order Reprints" not in text


def test_lemonde_french_byline_with_avec(shared: Path) -> None:
    """Le Monde: "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)" is three people."""
    page = load(shared, f"{READABILITY}/lemonde-1/source.html", FAKEHOST)
    assert page.brief is not None
    assert (
        "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée"
        == page.brief.headline
    )
    assert ["Martin Untersinger", "Damien Leloup", "Morgane Tual"] == [
        a.name for a in page.brief.authors
    ]
    assert date(2015, 5, 4) == day(page.brief.published)
    text = body_text(page)
    assert "Les députés ont, sans surprise, adopté à une large majorité" in text[:400]
    assert text.endswith("qui aurait dénoncé des actes potentiellement illégaux.")


def test_zfk_german_trade_news(shared: Path) -> None:
    """ZfK (trafilatura corpus, German): the "06.12.2022" dateline; teasers stay out."""
    page = load(
        shared,
        f"{TRAFILATURA}/zfk.de.waermepumpen.html",
        "https://www.zfk.de/energie/waerme/waermepumpenmarkt-waechst-um-42-prozent-gegenueber-dem-vorjahr",
    )
    assert page.brief is not None
    assert "Wärmepumpenmarkt wächst um 42 Prozent gegenüber dem Vorjahr" == page.brief.headline
    assert date(2022, 12, 6) == day(page.brief.published)
    text = body_text(page)
    assert "Trotz schwieriger Lieferketten und branchenweiter Materialknappheit" in text[:400]
    assert "sogar um 79 Prozent gegenüber dem Vorjahr." in text[-80:]
    assert "Stadt Pfullingen startet kommunale Wärmeplanung" not in text


def test_times_of_israel_story(shared: Path) -> None:
    """Times of Israel (trafilatura corpus): "By Emily Burack", 8 January 2020, JTA lead."""
    page = load(
        shared,
        f"{TRAFILATURA}/timesofisrael.com.washington.html",
        "https://www.timesofisrael.com/state-of-washington-swears-in-first-native-american-jewish-supreme-court-justice/",
    )
    assert page.brief is not None
    assert (
        "State of Washington swears in first Native American-Jewish Supreme Court justice"
        == page.brief.headline
    )
    assert ["Emily Burack"] == [a.name for a in page.brief.authors]
    assert date(2020, 1, 8) == day(page.brief.published)
    text = body_text(page)
    assert "The state of Washington has sworn in its first Native American" in text[:300]
    assert text.endswith("their deep commitment to what is just.”")


def test_time_geoengineering(shared: Path) -> None:
    """TIME (newspaper4k corpus): the visible h1, Alejandro de la Garza, Nov. 2, 2023."""
    page = load(
        shared,
        f"{NEWSPAPER}/time_001.html",
        "https://time.com/6330957/james-hansen-climate-warning-geoengineering-study/",
    )
    assert page.brief is not None
    assert (
        "We Need Geoengineering to Stop Out of Control Warming, Warns Climate Scientist "
        "James Hansen" == page.brief.headline
    )
    assert ["Alejandro de la Garza"] == [a.name for a in page.brief.authors]
    assert date(2023, 11, 2) == day(page.brief.published)
    text = body_text(page)
    assert "James Hansen first warned Congress of the threat from climate change" in text[:400]
    assert "agreed to by a broad swath of countries.”" in text[-200:]


def test_fox13_wire_story(shared: Path) -> None:
    """FOX 13 (newspaper4k corpus): "By: CNN Wire" is an organization; the list body."""
    page = load(
        shared,
        f"{NEWSPAPER}/fox13now_001.html",
        "https://www.fox13now.com/2013/12/30/new-year-new-laws-obamacare-pot-guns-and-drones",
    )
    assert page.brief is not None
    assert "New Year, new laws: Obamacare, pot, guns and drones" == page.brief.headline
    assert [("CNN Wire", AuthorKind.ORGANIZATION)] == [(a.name, a.kind) for a in page.brief.authors]
    text = body_text(page)
    assert "WASHINGTON (CNN) — Not everyone subscribes to a New Year’s resolution" in text[:200]
    assert "Christine Romans and Emily Jane Fox contributed to this report" in text[-200:]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        (
            "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
        ),
        ("By Jane Doe (with John Roe)", ["Jane Doe", "John Roe"]),
    ],
)
def test_split_byline_with_parenthesised_helpers(byline: str, names: list[str]) -> None:
    """A "(with X and Y)" / "(avec X et Y)" part of a byline names more authors."""
    from newsitem.parse._authors import split_byline

    assert names == split_byline(byline)
