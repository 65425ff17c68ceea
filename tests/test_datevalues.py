"""Tests for newsitem._datevalues: reading and writing dates, times and reading times."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsitem._datevalues import (
    estimate_reading_minutes,
    format_date,
    parse_date,
    parse_reading_time,
    read_iso_date,
)
from newsitem.errors import ParseError

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
REFERENCE = datetime(2022, 12, 15, 12, 0, tzinfo=UTC)


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# --------------------------------------------------------------------------------------
# parse_date: absolute dates
# --------------------------------------------------------------------------------------

DATE_ONLY = [
    ("2022-12-14", date(2022, 12, 14)),
    ("Dec. 14, 2022", date(2022, 12, 14)),
    ("December 14, 2022", date(2022, 12, 14)),
    ("14 December 2022", date(2022, 12, 14)),
    ("Wed, 14 Dec 2022", date(2022, 12, 14)),
    ("Posted: Dec 14, 2022", date(2022, 12, 14)),
    ("Published on December 14, 2022", date(2022, 12, 14)),
    ("Sept. 5, 2022", date(2022, 9, 5)),
    ("14. Dezember 2022", date(2022, 12, 14)),
    ("3. März 2022", date(2022, 3, 3)),
    ("14.12.2022", date(2022, 12, 14)),
    ("14 décembre 2022", date(2022, 12, 14)),
    ("1er décembre 2022", date(2022, 12, 1)),
    ("14 mars 2022", date(2022, 3, 14)),
    ("12/14/22", date(2022, 12, 14)),
    ("14/03/2022", date(2022, 3, 14)),
    ("2022/03/04", date(2022, 3, 4)),
    ("  Dec.\u00a014,\n2022  ", date(2022, 12, 14)),
]


@pytest.mark.parametrize(("text", "expected"), DATE_ONLY)
def test_date_without_time_stays_a_date(text: str, expected: date) -> None:
    """A text with a date and no time gives that date, not a datetime at midnight."""
    actual = parse_date(text)
    assert type(actual) is date
    assert expected == actual


DATE_TIMES = [
    ("2022-12-14T10:00Z", datetime(2022, 12, 14, 10, tzinfo=UTC)),
    ("2022-12-14T10:00:00+02:00", datetime(2022, 12, 14, 10, tzinfo=tz(2))),
    ("2022-12-14T10:00:00.5-05:00", datetime(2022, 12, 14, 10, 0, 0, 500000, tzinfo=tz(-5))),
    ("2022-12-14T10:00:00.123456789Z", datetime(2022, 12, 14, 10, 0, 0, 123456, tzinfo=UTC)),
    ("2022-12-14 10:00:00", datetime(2022, 12, 14, 10, tzinfo=UTC)),
    ("Wed, 14 Dec 2022 10:00:00 +0000", datetime(2022, 12, 14, 10, tzinfo=UTC)),
    ("Wed, 14 Dec 2022 10:00:00 +0530", datetime(2022, 12, 14, 10, tzinfo=tz(5.5))),
    ("Wed, 14 Dec 2022 10:00:00 GMT", datetime(2022, 12, 14, 10, tzinfo=UTC)),
    ("December 14, 2022 10:30 a.m. EST", datetime(2022, 12, 14, 10, 30, tzinfo=tz(-5))),
    ("December 14, 2022 at 10:30 p.m. PDT", datetime(2022, 12, 14, 22, 30, tzinfo=tz(-7))),
    (
        "Updated 2:14 PM ET, Wed December 14, 2022",
        datetime(2022, 12, 14, 14, 14, tzinfo=NEW_YORK),
    ),
    ("July 4, 2022 10:00 ET", datetime(2022, 7, 4, 10, tzinfo=NEW_YORK)),
    ("14 Dec 2022 10:00 GMT+2", datetime(2022, 12, 14, 10, tzinfo=tz(2))),
    ("14 Dec 2022 10:00 UTC-05:30", datetime(2022, 12, 14, 10, tzinfo=tz(-5.5))),
    ("14 Dec 2022 10:00 IST", datetime(2022, 12, 14, 10, tzinfo=tz(5.5))),
    ("14 Dec 2022 10:00 CST", datetime(2022, 12, 14, 10, tzinfo=tz(-6))),
    ("14 Dec 2022 10:00 BST", datetime(2022, 12, 14, 10, tzinfo=tz(1))),
    ("14 Dec 2022 10:00 AEDT", datetime(2022, 12, 14, 10, tzinfo=tz(11))),
    (
        "Mittwoch, 14. Dezember 2022, 10:30 Uhr",
        datetime(2022, 12, 14, 10, 30, tzinfo=UTC),
    ),
    (
        "Aktualisiert am 14.12.2022, 10:30 Uhr MEZ",
        datetime(2022, 12, 14, 10, 30, tzinfo=tz(1)),
    ),
    ("Publié le 14 décembre 2022 à 10h30", datetime(2022, 12, 14, 10, 30, tzinfo=UTC)),
]


@pytest.mark.parametrize(("text", "expected"), DATE_TIMES)
def test_date_with_time_is_an_aware_datetime(text: str, expected: datetime) -> None:
    """A text with a time gives an aware datetime with the instant and offset it states."""
    actual = parse_date(text)
    assert isinstance(actual, datetime)
    assert expected == actual
    assert expected.utcoffset() == actual.utcoffset()


def test_us_region_abbreviations_follow_daylight_saving() -> None:
    """ET is -05:00 in winter and -04:00 in summer; EST is -05:00 all year."""
    winter = parse_date("Dec 14, 2022 10:00 ET")
    summer = parse_date("Jul 14, 2022 10:00 ET")
    fixed = parse_date("Jul 14, 2022 10:00 EST")
    assert isinstance(winter, datetime)
    assert isinstance(summer, datetime)
    assert isinstance(fixed, datetime)
    assert timedelta(hours=-5) == winter.utcoffset()
    assert timedelta(hours=-4) == summer.utcoffset()
    assert timedelta(hours=-5) == fixed.utcoffset()


def test_time_without_zone_gets_default_tz() -> None:
    """A time written without a zone is read in default_tz, wall time kept."""
    expected = datetime(2022, 12, 14, 10, 0, tzinfo=BERLIN)
    assert expected == parse_date("December 14, 2022 10:00", default_tz=BERLIN)
    assert expected == parse_date("2022-12-14T10:00", default_tz=BERLIN)


@pytest.mark.parametrize("text", ["December 14, 2022 10:00", "2022-12-14T10:00:00"])
def test_time_without_zone_and_no_default_raises(text: str) -> None:
    """With default_tz=None, a time without a zone is an error, not a naive datetime."""
    with pytest.raises(ParseError, match="no time zone"):
        parse_date(text, default_tz=None)


def test_stated_zone_wins_over_default_tz() -> None:
    """default_tz does not touch a time whose zone the text states."""
    expected = datetime(2022, 12, 14, 10, tzinfo=tz(-5))
    assert expected == parse_date("2022-12-14T10:00:00-05:00", default_tz=BERLIN)


def test_date_only_with_no_default_tz_is_fine() -> None:
    """default_tz=None only matters for times; a plain date still reads."""
    assert date(2022, 12, 14) == parse_date("Dec. 14, 2022", default_tz=None)


@pytest.mark.parametrize(
    ("dayfirst", "expected"), [(True, date(2022, 4, 3)), (False, date(2022, 3, 4))]
)
def test_dayfirst_decides_ambiguous_numeric_dates(dayfirst: bool, expected: date) -> None:
    """dayfirst=True reads 03/04/2022 as 3 April, False as March 4."""
    assert expected == parse_date("03/04/2022", dayfirst=dayfirst)


def test_ambiguous_numeric_date_without_dayfirst_raises() -> None:
    """03/04/2022 is refused rather than guessed when dayfirst is not given."""
    with pytest.raises(ParseError, match="dayfirst"):
        parse_date("03/04/2022")


def test_dotted_numeric_date_reads_day_first() -> None:
    """03.04.2022 (the European dotted form) is 3 April without being told."""
    assert date(2022, 4, 3) == parse_date("03.04.2022")


def test_two_digit_year_lands_near_the_reference() -> None:
    """A two-digit year is put within 50 years of the reference year."""
    reference = datetime(1990, 6, 1, tzinfo=UTC)
    assert date(1972, 12, 14) == parse_date("12/14/72", reference=reference)
    assert date(2022, 12, 14) == parse_date("12/14/22")


# --------------------------------------------------------------------------------------
# parse_date: dates without a year
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (datetime(2022, 12, 15, 8, tzinfo=UTC), date(2022, 12, 14)),
        (datetime(2023, 1, 3, 8, tzinfo=UTC), date(2022, 12, 14)),
        (datetime(2022, 12, 14, 0, 0, tzinfo=UTC), date(2022, 12, 14)),
        (datetime(2022, 12, 13, 23, 59, tzinfo=UTC), date(2021, 12, 14)),
    ],
)
def test_yearless_date_takes_latest_year_not_after_reference(
    reference: datetime, expected: date
) -> None:
    """ "Dec. 14" is the most recent 14 December on or before the reference."""
    assert expected == parse_date("Dec. 14", reference=reference)


def test_yearless_feb_29_finds_a_leap_year() -> None:
    """ "Feb. 29" goes back to the last leap year before the reference."""
    assert date(2020, 2, 29) == parse_date("Feb. 29", reference=REFERENCE)


def test_yearless_datetime_compares_instants_with_reference() -> None:
    """A year-less time is compared with the reference as an instant, zone included."""
    expected = datetime(2021, 12, 15, 10, 0, tzinfo=tz(-5))
    assert expected == parse_date("Dec 15 10:00 EST", reference=REFERENCE)
    expected = datetime(2022, 12, 15, 4, 0, tzinfo=tz(-5))
    assert expected == parse_date("Dec 15 4:00 EST", reference=REFERENCE)


def test_yearless_time_without_zone_gets_default_tz_first() -> None:
    """A year-less time with no zone is placed in default_tz, then given its year."""
    expected = datetime(2021, 12, 15, 13, 0, tzinfo=UTC)
    assert expected == parse_date("Dec 15 13:00", reference=REFERENCE)
    expected = datetime(2022, 12, 15, 13, 0, tzinfo=tz(2))
    assert expected == parse_date("Dec 15 13:00", default_tz=tz(2), reference=REFERENCE)


def test_yearless_date_without_reference_raises() -> None:
    """A date with no year cannot be read without a reference."""
    with pytest.raises(ParseError, match="no year"):
        parse_date("Dec. 14")


# --------------------------------------------------------------------------------------
# parse_date: relative dates
# --------------------------------------------------------------------------------------

RELATIVE = [
    ("3 hours ago", datetime(2022, 12, 15, 9, 0, tzinfo=UTC)),
    ("an hour ago", datetime(2022, 12, 15, 11, 0, tzinfo=UTC)),
    ("Updated 5 mins ago", datetime(2022, 12, 15, 11, 55, tzinfo=UTC)),
    ("30 seconds ago", datetime(2022, 12, 15, 11, 59, 30, tzinfo=UTC)),
    ("just now", REFERENCE),
    ("vor 3 Stunden", datetime(2022, 12, 15, 9, 0, tzinfo=UTC)),
    ("il y a 2 heures", datetime(2022, 12, 15, 10, 0, tzinfo=UTC)),
    ("2 days ago", date(2022, 12, 13)),
    ("1 week ago", date(2022, 12, 8)),
    ("yesterday", date(2022, 12, 14)),
    ("Yesterday", date(2022, 12, 14)),
    ("today", date(2022, 12, 15)),
    ("gestern", date(2022, 12, 14)),
    ("hier", date(2022, 12, 14)),
    ("vor 2 Tagen", date(2022, 12, 13)),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_dates_count_back_from_reference(text: str, expected: date | datetime) -> None:
    """Hours and minutes ago give datetimes, days ago give dates, counted from reference."""
    actual = parse_date(text, reference=REFERENCE)
    assert type(expected) is type(actual)
    assert expected == actual


def test_hours_ago_across_dst_change_are_real_hours() -> None:
    """ "3 hours ago" across the March DST jump is three elapsed hours, in reference's zone."""
    reference = datetime(2023, 3, 12, 4, 0, tzinfo=NEW_YORK)  # 04:00 EDT = 08:00 UTC
    actual = parse_date("3 hours ago", reference=reference)
    assert isinstance(actual, datetime)
    assert datetime(2023, 3, 12, 5, 0, tzinfo=UTC) == actual
    assert timedelta(hours=-5) == actual.utcoffset()


def test_yesterday_counts_days_in_reference_zone() -> None:
    """ "yesterday" is the day before the reference's own calendar date."""
    reference = datetime(2022, 12, 15, 1, 0, tzinfo=BERLIN)  # still 14 December in UTC
    assert date(2022, 12, 14) == parse_date("yesterday", reference=reference)


@pytest.mark.parametrize("text", ["3 hours ago", "yesterday", "just now"])
def test_relative_date_without_reference_raises(text: str) -> None:
    """Relative input needs a reference; without one it is an error."""
    with pytest.raises(ParseError, match="no reference"):
        parse_date(text)


def test_naive_reference_is_refused() -> None:
    """A naive reference is a caller mistake and raises ValueError."""
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_date("yesterday", reference=datetime(2022, 12, 15))


# --------------------------------------------------------------------------------------
# parse_date: refusals
# --------------------------------------------------------------------------------------

UNREADABLE = [
    "",
    "   ",
    "hello",
    "1671012000",
    "1671012000.5",
    "20221214",
    "2022",
    "Wed",
    "10:00",
    "December 2022",
    "Dec 14 2022 10:00 XYZ",
    "2022-13-14",
    "2022-12-14T25:00Z",
    "February 30, 2022",
    "5 months ago",
    "last week",
    "x" * 201,
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_text_raises_parse_error_naming_it(text: str) -> None:
    """Text that is not a whole, clear date raises ParseError, never returns None."""
    with pytest.raises(ParseError, match="cannot read a date") as caught:
        parse_date(text, reference=REFERENCE)
    assert isinstance(caught.value, ValueError)
    if len(text) <= 200:
        assert repr(text) in str(caught.value)


@given(st.text(max_size=250))
def test_any_text_gives_aware_value_or_parse_error(text: str) -> None:
    """Whatever the text, parse_date returns a date or aware datetime, or raises ParseError."""
    try:
        value = parse_date(text, reference=REFERENCE)
    except ParseError:
        return
    assert isinstance(value, date)
    if isinstance(value, datetime):
        assert value.utcoffset() is not None


@given(
    st.text(
        alphabet="0123456789 .,:/-+aApPmMtTzZ" + "DecJanESTGMTUhr",
        min_size=150,
        max_size=200,
    )
)
def test_hostile_date_like_text_is_bounded(text: str) -> None:
    """Long date-like noise is read or refused quickly, with ParseError."""
    start = time.perf_counter()
    with contextlib.suppress(ParseError):
        parse_date(text, reference=REFERENCE)
    assert time.perf_counter() - start < 0.5


# --------------------------------------------------------------------------------------
# parse_date: the machine's zone never leaks in
# --------------------------------------------------------------------------------------

TZ_PROBES = [
    "Dec 14, 2022 10:00 EST",
    "Jul 14, 2022 10:00 EST",
    "Jul 14, 2022 10:00 EDT",
    "Dec 14, 2022 10:00 JST",
    "Dec 14, 2022 10:00",
    "2022-12-14T10:00",
    "Dec. 14",
    "3 hours ago",
    "yesterday",
    "12/14/22",
]


def _parse_all() -> list[tuple[date | datetime, tzinfo | None, timedelta | None]]:
    results: list[tuple[date | datetime, tzinfo | None, timedelta | None]] = []
    for text in TZ_PROBES:
        value = parse_date(text, reference=REFERENCE)
        zone = value.tzinfo if isinstance(value, datetime) else None
        offset = value.utcoffset() if isinstance(value, datetime) else None
        results.append((value, zone, offset))
    return results


@pytest.fixture
def restore_tz() -> Iterator[None]:
    saved = os.environ.get("TZ")
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.mark.parametrize("machine_tz", ["EST5EDT", "Asia/Tokyo", "JST-9", "<+0530>-5:30"])
@pytest.mark.usefixtures("restore_tz")
def test_machine_time_zone_changes_nothing(machine_tz: str) -> None:
    """Results are the same whatever TZ the machine has; dateutil's tzlocal never creeps in."""
    expected = _parse_all()
    os.environ["TZ"] = machine_tz
    time.tzset()
    actual = _parse_all()
    assert expected == actual
    for value, zone, _ in actual:
        assert "tzlocal" not in type(zone).__name__.lower(), value


# --------------------------------------------------------------------------------------
# format_date and read_iso_date
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2022, 12, 14), "2022-12-14"),
        (datetime(2022, 12, 14, 10, tzinfo=tz(2)), "2022-12-14T10:00:00+02:00"),
        (datetime(2022, 12, 14, 10, tzinfo=UTC), "2022-12-14T10:00:00+00:00"),
        (datetime(2022, 12, 14, 10, 0, 0, 5000, tzinfo=tz(-5)), "2022-12-14T10:00:00.005000-05:00"),
        (datetime(2022, 7, 14, 10, tzinfo=NEW_YORK), "2022-07-14T10:00:00-04:00"),
        (
            datetime(1900, 1, 1, tzinfo=ZoneInfo("Europe/Amsterdam")),
            "1900-01-01T00:00:00+00:19:32",
        ),
    ],
)
def test_format_date_writes_iso_8601(value: date | datetime, expected: str) -> None:
    """Dates as YYYY-MM-DD; datetimes with seconds, offset, and microseconds only if set."""
    assert expected == format_date(value)


def test_format_date_refuses_naive_datetime() -> None:
    """A naive datetime has no place in newsitem's output."""
    with pytest.raises(ValueError, match="naive"):
        format_date(datetime(2022, 12, 14, 10))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-12-14", date(2022, 12, 14)),
        ("2022-12-14T10:00:00Z", datetime(2022, 12, 14, 10, tzinfo=UTC)),
        ("2022-12-14T10:00Z", datetime(2022, 12, 14, 10, tzinfo=UTC)),
        ("2022-12-14T10:00:00.5+02:00", datetime(2022, 12, 14, 10, 0, 0, 500000, tzinfo=tz(2))),
    ],
)
def test_read_iso_date_reads_iso_forms(text: str, expected: date | datetime) -> None:
    """read_iso_date reads ISO dates and offset datetimes."""
    actual = read_iso_date(text)
    assert type(expected) is type(actual)
    assert expected == actual


@pytest.mark.parametrize(
    "text",
    [
        "2022-12-14T10:00:00",
        "2022-12-14 10:00:00Z",
        "Dec. 14, 2022",
        "20221214",
        "2022-12-14T10:00:00+0200",
        "2022-12-14T10:00:00.1234567Z",
        "2022-02-30",
        "2022-12-14Z",
        " 2022-12-14",
        "",
    ],
)
def test_read_iso_date_is_strict(text: str) -> None:
    """Anything but the forms format_date writes (plus Z) is refused, naive times too."""
    with pytest.raises(ParseError, match="ISO 8601"):
        read_iso_date(text)


_OFFSET_LIMIT = timedelta(hours=24) - timedelta(microseconds=1)
fixed_zones = st.builds(
    timezone, st.timedeltas(min_value=-_OFFSET_LIMIT, max_value=_OFFSET_LIMIT)
) | st.just(UTC)


@given(st.dates())
def test_date_round_trips(value: date) -> None:
    """read_iso_date(format_date(d)) == d for every date."""
    actual = read_iso_date(format_date(value))
    assert type(value) is type(actual)
    assert value == actual


@given(st.datetimes(timezones=fixed_zones))
@example(datetime(2000, 1, 1, tzinfo=timezone(timedelta(microseconds=1))))
@example(datetime(2000, 1, 1, tzinfo=timezone(timedelta(microseconds=-999_999))))
def test_fixed_offset_datetime_round_trips(value: datetime) -> None:
    """Every aware datetime in a fixed zone, sub-second offsets included, comes back equal."""
    actual = read_iso_date(format_date(value))
    assert isinstance(actual, datetime)
    assert value == actual
    assert value.utcoffset() == actual.utcoffset()
    assert (value.year, value.month, value.day, value.hour) == (
        actual.year,
        actual.month,
        actual.day,
        actual.hour,
    )


@given(
    st.datetimes(
        min_value=datetime(1800, 1, 1),
        max_value=datetime(2200, 1, 1),
        timezones=st.timezones(),
    )
)
def test_zoneinfo_datetime_round_trips_to_same_instant_and_offset(value: datetime) -> None:
    """A datetime in an IANA zone comes back as the same instant, wall time and offset.

    The zone itself becomes a fixed offset, and == is not used: Python makes == false
    across zones for times in a DST gap or fold.
    """
    text = format_date(value)
    actual = read_iso_date(text)
    assert isinstance(actual, datetime)
    assert timedelta(0) == actual - value
    assert value.utcoffset() == actual.utcoffset()
    assert value.replace(tzinfo=None) == actual.replace(tzinfo=None)
    assert text == format_date(actual)


@given(st.datetimes(timezones=fixed_zones) | st.dates())
def test_parse_date_reads_what_format_date_writes(value: date | datetime) -> None:
    """The lenient reader agrees with the strict one on format_date's output."""
    text = format_date(value)
    assert read_iso_date(text) == parse_date(text, default_tz=None)


# --------------------------------------------------------------------------------------
# Reading time
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 min read", 1),
        ("5-minute read", 5),
        ("5 minutes read", 5),
        ("5 min. read", 5),
        ("Reading time: 4 min", 4),
        ("Read time: 12 minutes", 12),
        ("3 Min. Lesezeit", 3),
        ("Lesezeit: 3 Minuten", 3),
        ("Lesedauer: ca. 4 Min.", 4),
        ("temps de lecture : 2 min", 2),
        ("2 min de lecture", 2),
        ("Less than a minute read", 1),
        ("< 1 min read", 1),
        ("  7\u00a0min read ", 7),
    ],
)
def test_reading_time_phrases(text: str, expected: int) -> None:
    """English, German and French reading-time phrases give whole minutes."""
    assert expected == parse_reading_time(text)


@pytest.mark.parametrize(
    "text", ["", "read", "5 hours read", "0 min read", "min read", "5 min 30 s", "x" * 201]
)
def test_unreadable_reading_time_raises(text: str) -> None:
    """Anything that is not a reading-time phrase raises ParseError."""
    with pytest.raises(ParseError, match="reading time"):
        parse_reading_time(text)


@pytest.mark.parametrize(
    ("words", "expected"),
    [(0, 0), (1, 1), (114, 1), (230, 1), (345, 2), (1000, 4), (2300, 10)],
)
def test_estimate_reading_minutes_rounds_to_nearest(words: int, expected: int) -> None:
    """Minutes are words / 230 rounded to nearest, at least 1 for any words at all."""
    assert expected == estimate_reading_minutes(words)


def test_estimate_reading_minutes_custom_speed() -> None:
    """words_per_minute changes the speed."""
    expected = 5
    assert expected == estimate_reading_minutes(1000, words_per_minute=200)


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=10**4))
def test_estimate_is_at_least_one_and_near_exact(words: int, speed: int) -> None:
    """Any non-empty text takes at least a minute, within half a minute of exact."""
    minutes = estimate_reading_minutes(words, words_per_minute=speed)
    assert minutes >= 1
    assert abs(minutes - words / speed) <= 0.5 or minutes == 1


@pytest.mark.parametrize(("words", "speed"), [(-1, 230), (10, 0), (10, -5)])
def test_estimate_reading_minutes_refuses_bad_input(words: int, speed: int) -> None:
    """Negative word counts and non-positive speeds are errors."""
    with pytest.raises(ValueError, match="must be"):
        estimate_reading_minutes(words, words_per_minute=speed)
