"""Dates, times and durations: one place that reads and writes them.

Dates and times are read from what news pages and feeds write (ISO 8601, RFC 2822,
"Dec. 14, 2022", "Updated 2:14 PM ET", "14. Dezember 2022", "3 hours ago") by
:func:`parse_date`, and written and read back in ISO 8601 by :func:`format_date` and
:func:`read_iso_date`. A date without a time stays a :class:`~datetime.date`; a datetime
is always timezone-aware, and the machine's local zone is never consulted.

Durations are written in ISO 8601 (``PT1M33S``) and read from ISO 8601, plain seconds or
clock notation (``1:33``). Reading times ("5 min read") are read by
:func:`parse_reading_time` and estimated by :func:`estimate_reading_minutes`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from types import MappingProxyType
from typing import Final, cast
from zoneinfo import ZoneInfo

from dateutil.parser import parser, parserinfo

from newsitem.errors import ParseError

__all__ = [
    "estimate_reading_minutes",
    "format_date",
    "format_duration",
    "parse_date",
    "parse_duration",
    "parse_reading_time",
    "read_iso_date",
]

_ISO_DURATION = re.compile(
    r"""
    P(?!$)
    (?:(?P<weeks>\d+(?:[.,]\d+)?)W)?
    (?:(?P<days>\d+(?:[.,]\d+)?)D)?
    (?:T(?=\d)
        (?:(?P<hours>\d+(?:[.,]\d+)?)H)?
        (?:(?P<minutes>\d+(?:[.,]\d+)?)M)?
        (?:(?P<seconds>\d+(?:[.,]\d+)?)S)?
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CLOCK = re.compile(r"(?:(?P<hours>\d+):)?(?P<minutes>\d{1,2}):(?P<seconds>\d{2}(?:\.\d+)?)")


def parse_duration(value: str | int | float) -> timedelta:
    """Read a duration from ISO 8601, a number of seconds, or ``[h:]mm:ss``.

    >>> parse_duration("PT1M33S")
    datetime.timedelta(seconds=93)
    >>> parse_duration("1:02:03")
    datetime.timedelta(seconds=3723)
    >>> parse_duration(90)
    datetime.timedelta(seconds=90)

    Raises:
        ValueError: the value is none of those forms, or negative.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int | float):
        if value < 0 or value != value:
            raise ValueError(f"not a duration: {value!r}")
        return timedelta(seconds=value)
    text = value.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return timedelta(seconds=float(text))
    match = _ISO_DURATION.fullmatch(text) or _CLOCK.fullmatch(text)
    if match is None or not any(match.groupdict().values()):
        raise ValueError(f"not a duration: {value!r}")
    parts = {k: float(v.replace(",", ".")) for k, v in match.groupdict().items() if v}
    return timedelta(**parts)


def format_duration(value: timedelta) -> str:
    """Write a duration in ISO 8601, days and larger units folded into hours.

    >>> format_duration(timedelta(seconds=93))
    'PT1M33S'
    >>> format_duration(timedelta(hours=26, microseconds=500000))
    'PT26H0.5S'
    """
    total_us = value // timedelta(microseconds=1)
    if total_us < 0:
        raise ValueError(f"negative duration: {value!r}")
    seconds, micro = divmod(total_us, 1_000_000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = "PT"
    if hours:
        out += f"{hours}H"
    if minutes:
        out += f"{minutes}M"
    if secs or micro or out == "PT":
        out += f"{secs}.{micro:06d}".rstrip("0").rstrip(".") + "S" if micro else f"{secs}S"
    return out


# --------------------------------------------------------------------------------------
# Dates and times
# --------------------------------------------------------------------------------------

_MAX_TEXT = 200
"""Longest text :func:`parse_date` and :func:`parse_reading_time` will read."""

_H = 3600
# Abbreviations that name one fixed offset, in seconds east of UTC. Ambiguous ones are
# read as the zone an English- or German-language newsroom most likely means:
# CST is US Central (not China), IST is India (not Ireland or Israel), BST is British
# Summer Time (not Bangladesh), AST is Atlantic (not Arabia).
_FIXED_ZONES: Final[Mapping[str, int]] = MappingProxyType(
    {
        "UTC": 0, "UT": 0, "GMT": 0, "Z": 0, "WET": 0,
        "BST": _H, "WEST": _H, "CET": _H, "MEZ": _H, "WAT": _H,
        "CEST": 2 * _H, "MESZ": 2 * _H, "EET": 2 * _H, "SAST": 2 * _H, "CAT": 2 * _H,
        "EEST": 3 * _H, "MSK": 3 * _H, "EAT": 3 * _H, "IDT": 3 * _H,
        "IST": 5 * _H + 1800, "PKT": 5 * _H,
        "HKT": 8 * _H, "SGT": 8 * _H, "AWST": 8 * _H,
        "JST": 9 * _H, "KST": 9 * _H,
        "ACST": 9 * _H + 1800, "ACDT": 10 * _H + 1800,
        "AEST": 10 * _H, "AEDT": 11 * _H,
        "NZST": 12 * _H, "NZDT": 13 * _H,
        "BRT": -3 * _H, "ART": -3 * _H,
        "AST": -4 * _H, "ADT": -3 * _H,
        "EST": -5 * _H, "EDT": -4 * _H,
        "CST": -6 * _H, "CDT": -5 * _H,
        "MST": -7 * _H, "MDT": -6 * _H,
        "PST": -8 * _H, "PDT": -7 * _H,
        "AKST": -9 * _H, "AKDT": -8 * _H,
        "HST": -10 * _H,
    }
)  # fmt: skip
# Abbreviations that name a region whose offset follows daylight saving time.
_REGION_ZONES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ET": "America/New_York",
        "CT": "America/Chicago",
        "MT": "America/Denver",
        "PT": "America/Los_Angeles",
    }
)

_MONTHS: Final = (
    ("Jan", "January", "Januar", "Jänner", "janvier", "janv"),
    ("Feb", "February", "Februar", "Feber", "février", "fevrier", "févr", "fevr", "fév"),
    ("Mar", "March", "März", "Maerz", "Mär", "Mrz", "mars"),
    ("Apr", "April", "avril", "avr"),
    ("May", "Mai"),
    ("Jun", "June", "Juni", "juin"),
    ("Jul", "July", "Juli", "juillet", "juil"),
    ("Aug", "August", "août", "aout"),
    ("Sep", "Sept", "September", "septembre"),
    ("Oct", "October", "Oktober", "Okt", "octobre"),
    ("Nov", "November", "novembre"),
    ("Dec", "December", "Dezember", "Dez", "décembre", "decembre", "déc"),
)
_WEEKDAYS: Final = (
    ("Mon", "Monday", "Montag", "Mo", "lundi", "lun"),
    ("Tue", "Tues", "Tuesday", "Dienstag", "Di", "mardi"),
    ("Wed", "Wednesday", "Mittwoch", "Mi", "mercredi", "mer"),
    ("Thu", "Thur", "Thurs", "Thursday", "Donnerstag", "Do", "jeudi", "jeu"),
    ("Fri", "Friday", "Freitag", "Fr", "vendredi", "ven"),
    ("Sat", "Saturday", "Samstag", "Sonnabend", "Sa", "samedi", "sam"),
    ("Sun", "Sunday", "Sonntag", "So", "dimanche", "dim"),
)
_EXTRA_JUMP: Final = ("um", "uhr", "à", "le", "den", "er")

# Labels a page puts before a date: "Updated", "Published on", "Aktualisiert am", ...
_LABEL = re.compile(
    r"""
    ^(?:(?:last|first|zuletzt|dernière)\s+)?
    (?:updated|published|posted|modified|created|dated|date|aktualisiert|veröffentlicht
      |erschienen|stand|publié|mis\s+à\s+jour|modifié|actualisé|mise\s+à\s+jour)
    (?:\s+(?:on|at|am|um|le|à))?
    \s*:?\s*
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "GMT+2" means two hours east of Greenwich in the news; dateutil reads it the POSIX way
# (two hours west), so such offsets are rewritten as plain ones before it sees them.
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC|UT)\s*([-+−])\s*(\d{1,2})(?::?(\d{2}))?\b", re.I)
_ISO_LIKE = re.compile(
    r"""
    \d{4}-\d{2}-\d{2}
    (?:[T\x20]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?
       (?:Z|[+-]\d{2}(?::?\d{2}(?::?\d{2}(?:\.\d+)?)?)?)?
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LONG_FRACTION = re.compile(r"(?<=[.,]\d{6})\d+")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_DOTTED_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.])")
_NUMERIC_DATE = re.compile(r"(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/-])")
_YEAR_FIRST = re.compile(r"(?<!\d)\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)")

_ONE: Final = r"\d{1,6}|an?|one|einer|einem|ein|une?"
_RELATIVE_AGO = re.compile(
    rf"""
    (?:(?P<n1>{_ONE})\s+(?P<u1>[a-z]+)\s+ago
      |vor\s+(?P<n2>{_ONE})\s+(?P<u2>[a-z]+)
      |il\s+y\s+a\s+(?P<n3>{_ONE})\s+(?P<u3>[a-z]+)
    )
    """,
    re.VERBOSE,
)
_UNITS: Final[Mapping[str, str]] = MappingProxyType(
    {
        **dict.fromkeys(
            ("second", "seconds", "sec", "secs", "sekunde", "sekunden", "seconde", "secondes"),
            "seconds",
        ),
        **dict.fromkeys(
            ("minute", "minutes", "min", "mins", "minuten"),
            "minutes",
        ),
        **dict.fromkeys(
            ("hour", "hours", "hr", "hrs", "stunde", "stunden", "heure", "heures"),
            "hours",
        ),
        **dict.fromkeys(("day", "days", "tag", "tagen", "jour", "jours"), "days"),
        **dict.fromkeys(("week", "weeks", "woche", "wochen", "semaine", "semaines"), "weeks"),
    }
)
_NOW_WORDS: Final = frozenset({"now", "just now", "right now", "gerade eben", "soeben",
                               "à l'instant", "à l’instant"})  # fmt: skip
_DAY_WORDS: Final[Mapping[str, int]] = MappingProxyType(
    {"today": 0, "heute": 0, "aujourd'hui": 0, "aujourd’hui": 0,
     "yesterday": 1, "gestern": 1, "hier": 1}
)  # fmt: skip

# Two sets of defaults that differ in every field: a field that comes out the same from
# both was in the text. Both years are leap years, so "Feb. 29" parses under either.
_DEFAULT_A: Final = datetime(2000, 1, 1, 0, 0, 0, 0)
_DEFAULT_B: Final = datetime(2004, 2, 2, 1, 1, 1, 1)


class _NewsParserInfo(parserinfo):
    """English, German and French month and weekday names; two-digit years near a year.

    Made per call, so no dateutil state is shared between threads.
    """

    def __init__(self, *, dayfirst: bool, pivot_year: int) -> None:
        self.MONTHS = [_month_names(names) for names in _MONTHS]
        self.WEEKDAYS = [_weekday_names(names) for names in _WEEKDAYS]
        self.JUMP = [*parserinfo.JUMP, *_EXTRA_JUMP]
        super().__init__(dayfirst=dayfirst)
        self._pivot_year = pivot_year

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        """Put a two-digit year in the century that brings it within 50 years of the pivot."""
        if year >= 100 or century_specified:
            return year
        year += self._pivot_year // 100 * 100
        if year > self._pivot_year + 49:
            year -= 100
        elif year < self._pivot_year - 50:
            year += 100
        return year


def _month_names(names: tuple[str, ...]) -> tuple[str, str] | tuple[str, str, str]:
    # parserinfo's stubs allow two or three names per month; dateutil takes any number.
    return cast("tuple[str, str]", names)


def _weekday_names(names: tuple[str, ...]) -> tuple[str, str]:
    # As for months: the stubs say two names, dateutil takes any number.
    return cast("tuple[str, str]", names)


def parse_date(
    text: str,
    *,
    default_tz: tzinfo | None = UTC,
    reference: datetime | None = None,
    dayfirst: bool | None = None,
) -> date | datetime:
    """Read a date, or a date and time, as news pages and feeds write them.

    A text with a time gives an aware :class:`~datetime.datetime`; a text with only a date
    gives a :class:`~datetime.date`, never a made-up midnight.

    >>> parse_date("Dec. 14, 2022")
    datetime.date(2022, 12, 14)
    >>> parse_date("2022-12-14T10:00:00Z")
    datetime.datetime(2022, 12, 14, 10, 0, tzinfo=datetime.timezone.utc)
    >>> format_date(parse_date("Updated 2:14 PM ET, Wed December 14, 2022"))
    '2022-12-14T14:14:00-05:00'
    >>> parse_date("14. Dezember 2022")
    datetime.date(2022, 12, 14)
    >>> ref = datetime(2023, 1, 3, 9, 0, tzinfo=UTC)
    >>> parse_date("Dec. 14", reference=ref)
    datetime.date(2022, 12, 14)
    >>> parse_date("3 hours ago", reference=ref)
    datetime.datetime(2023, 1, 3, 6, 0, tzinfo=datetime.timezone.utc)

    Zone abbreviations come from a fixed table, never from the machine's local zone:
    ``ET``, ``CT``, ``MT`` and ``PT`` are the US regions with daylight saving time
    (``America/New_York`` ...); ``EST``, ``CEST`` and the like are fixed offsets. Where an
    abbreviation is ambiguous the table picks one: ``CST`` is US Central, ``IST`` India,
    ``BST`` British Summer Time, ``AST`` Atlantic. ``GMT+2`` is two hours east of UTC.

    Args:
        text: The text to read, at most 200 characters. Leading labels such as
            "Updated", "Published on", "Aktualisiert am" or "Publié le" are skipped.
        default_tz: The zone of a time written without one. With ``None``, such a time
            is an error: no naive datetime is ever returned.
        reference: When the text was written or seen, timezone-aware. It gives the year
            of a date written without one (the latest such date not after it), and the
            point that relative dates ("3 hours ago", "yesterday") count back from;
            "yesterday" and "N days ago" count calendar days in its zone.
        dayfirst: How to read an all-number date whose first two numbers could both be
            the month, such as ``03/04/2022``: ``True`` day first, ``False`` month first.
            ``None`` reads dotted dates (``03.04.2022``) day first and refuses slashed or
            dashed ones, which are ambiguous.

    Returns:
        A :class:`~datetime.date`, or a timezone-aware :class:`~datetime.datetime`.

    Raises:
        ParseError: The text is not a date newsitem can read, a relative or year-less
            date came without a ``reference``, or a time has no zone and ``default_tz``
            is ``None``. Plain numbers are refused rather than guessed as epoch seconds.
        ValueError: ``reference`` is a naive datetime.
    """
    if reference is not None and reference.utcoffset() is None:
        raise ValueError(f"reference must be timezone-aware, got {reference!r}")
    if len(text) > _MAX_TEXT:
        raise ParseError(f"cannot read a date from text of {len(text)} characters (limit 200)")
    cleaned = _strip_label(" ".join(text.split()))
    if not cleaned:
        raise ParseError(f"cannot read a date from {text!r}: no date in it")
    if _NUMBER.fullmatch(cleaned):
        raise ParseError(f"cannot read a date from {text!r}: a plain number is not a date")
    relative = _parse_relative(text, cleaned.lower(), reference)
    if relative is not None:
        return relative
    if _ISO_LIKE.fullmatch(cleaned):
        return _with_zone(text, _parse_iso_like(text, cleaned), default_tz)
    return _parse_words(text, cleaned, dayfirst, default_tz, reference)


def _with_zone(text: str, value: date | datetime, default_tz: tzinfo | None) -> date | datetime:
    """Give a datetime read without a zone the default one, or refuse it."""
    if isinstance(value, datetime) and value.tzinfo is None:
        if default_tz is None:
            raise ParseError(f"cannot read a date from {text!r}: a time with no time zone")
        return value.replace(tzinfo=default_tz)
    return value


def _strip_label(text: str) -> str:
    for _ in range(3):
        match = _LABEL.match(text)
        if match is None or not match.group():
            break
        text = text[match.end() :]
    return text.strip(" ,;:|-")


def _parse_relative(text: str, lowered: str, reference: datetime | None) -> date | datetime | None:
    """Read "3 hours ago", "yesterday", "just now"; None when the text is none of these."""
    days_back = _DAY_WORDS.get(lowered)
    unit, count = "", 0
    match = _RELATIVE_AGO.fullmatch(lowered)
    if match is not None:
        unit = _UNITS.get(match["u1"] or match["u2"] or match["u3"], "")
        if not unit:
            raise ParseError(f"cannot read a date from {text!r}: unknown unit of time")
        number = match["n1"] or match["n2"] or match["n3"]
        count = int(number) if number.isdigit() else 1
    elif days_back is None and lowered not in _NOW_WORDS:
        return None
    if reference is None:
        raise ParseError(f"cannot read a date from {text!r}: relative, and no reference given")
    try:
        if days_back is not None:
            return reference.date() - timedelta(days=days_back)
        if unit in ("days", "weeks"):
            return reference.date() - timedelta(**{unit: count})
        # Count back in UTC, so that "3 hours ago" across a DST change is 3 real hours.
        instant = reference.astimezone(UTC) - timedelta(**{unit: count}) if unit else reference
        return instant.astimezone(reference.tzinfo)
    except OverflowError:
        raise ParseError(f"cannot read a date from {text!r}: out of range") from None


def _parse_iso_like(text: str, cleaned: str) -> date | datetime:
    cleaned = _LONG_FRACTION.sub("", cleaned.upper())
    try:
        if len(cleaned) == 10:
            return date.fromisoformat(cleaned)
        return datetime.fromisoformat(cleaned)
    except ValueError as error:
        raise ParseError(f"cannot read a date from {text!r}: {error}") from None


def _parse_words(
    text: str,
    cleaned: str,
    dayfirst: bool | None,
    default_tz: tzinfo | None,
    reference: datetime | None,
) -> date | datetime:
    """Read a date written in words or numbers with dateutil, and see which fields it had."""
    cleaned = _GMT_OFFSET.sub(_gmt_to_offset, cleaned)
    if _YEAR_FIRST.search(cleaned):
        dayfirst = False
    elif dayfirst is None:
        dayfirst = _guess_dayfirst(text, cleaned)
    pivot = reference.year if reference is not None else datetime.now(UTC).year
    unknown: list[str] = []

    def tzinfos(name: str | None, offset: int | None) -> tzinfo | None:
        if offset is not None and (name is None or name.upper() not in _REGION_ZONES):
            return UTC if offset == 0 else timezone(timedelta(seconds=offset))
        if name is None:
            return None
        zone = _zone_named(name.upper())
        if zone is None:
            unknown.append(name)
        return zone

    dateparser = parser(_NewsParserInfo(dayfirst=dayfirst, pivot_year=pivot))
    try:
        first = dateparser.parse(cleaned, default=_DEFAULT_A, tzinfos=tzinfos)
        second = dateparser.parse(cleaned, default=_DEFAULT_B, tzinfos=tzinfos)
    except (ValueError, OverflowError) as error:
        raise ParseError(f"cannot read a date from {text!r}: {error}") from None
    if unknown:
        raise ParseError(f"cannot read a date from {text!r}: unknown time zone {unknown[0]!r}")
    if first.day != second.day or first.month != second.month:
        raise ParseError(f"cannot read a date from {text!r}: no day and month in it")
    has_time = first.hour == second.hour
    value = _with_zone(text, first, default_tz) if has_time else first.date()
    if first.year != second.year:
        value = _latest_before(text, value, reference)
    return value


def _gmt_to_offset(match: re.Match[str]) -> str:
    sign = "-" if match[1] in "-−" else "+"
    return f"{sign}{int(match[2]):02d}:{match[3] or '00'}"


def _guess_dayfirst(text: str, cleaned: str) -> bool:
    """Dotted all-number dates are day first; slashed ones must not be ambiguous."""
    if _DOTTED_DATE.search(cleaned):
        return True
    match = _NUMERIC_DATE.search(cleaned)
    both_could_be_months = match is not None and max(int(match[1]), int(match[3])) <= 12
    if both_could_be_months and match is not None and match[1] != match[3]:
        raise ParseError(
            f"cannot read a date from {text!r}: day and month could be either way round;"
            " pass dayfirst"
        )
    return False


def _zone_named(name: str) -> tzinfo | None:
    offset = _FIXED_ZONES.get(name)
    if offset is not None:
        return UTC if offset == 0 else timezone(timedelta(seconds=offset), name)
    region = _REGION_ZONES.get(name)
    return ZoneInfo(region) if region is not None else None


def _latest_before(
    text: str, value: date | datetime, reference: datetime | None
) -> date | datetime:
    """Give a year-less date the year that makes it the latest one not after reference."""
    if reference is None:
        raise ParseError(f"cannot read a date from {text!r}: no year, and no reference given")
    # Eight years back always reaches a leap year, so "Feb. 29" finds one.
    for year in range(reference.year + 1, reference.year - 9, -1):
        try:
            candidate = value.replace(year=year)
        except ValueError:
            continue
        if isinstance(candidate, datetime):
            if candidate <= reference:
                return candidate
        elif candidate <= reference.date():
            return candidate
    raise ParseError(f"cannot read a date from {text!r}: no year fits before the reference")


def format_date(value: date | datetime) -> str:
    """Write a date or an aware datetime in ISO 8601.

    Seconds are always written, microseconds only when not zero, and the offset always
    (``+00:00`` for UTC; offsets with seconds, which a few historical zones have, keep them).

    >>> format_date(date(2022, 12, 14))
    '2022-12-14'
    >>> format_date(datetime(2022, 12, 14, 10, 0, tzinfo=timezone(timedelta(hours=2))))
    '2022-12-14T10:00:00+02:00'

    Raises:
        ValueError: ``value`` is a naive datetime.
    """
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError(f"cannot write a naive datetime: {value!r}")
        return value.isoformat(timespec="auto")
    return value.isoformat()


_STRICT_ISO = re.compile(
    r"""
    \d{4}-\d{2}-\d{2}
    (?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?
       (?:Z|[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{6})?)?)
    )?
    """,
    re.VERBOSE,
)


def read_iso_date(text: str) -> date | datetime:
    """Read the ISO 8601 forms :func:`format_date` writes: the strict inverse.

    A date (``2022-12-14``) or a date and time with an offset or ``Z``
    (``2022-12-14T10:00:00.5+02:00``); nothing else.

    >>> read_iso_date("2022-12-14T10:00:00Z")
    datetime.datetime(2022, 12, 14, 10, 0, tzinfo=datetime.timezone.utc)

    Raises:
        ParseError: Any other text, including a datetime without an offset.
    """
    if len(text) > 48 or _STRICT_ISO.fullmatch(text) is None:
        raise ParseError(f"not an ISO 8601 date, or date and time with offset: {text[:60]!r}")
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        fraction = _OFFSET_FRACTION.search(text)
        if fraction is not None:
            # Python 3.11 reads an offset of under a second ("+00:00:00.000001") as UTC.
            sign, hours, minutes, seconds, micros = fraction.groups()
            offset = timedelta(
                hours=int(hours),
                minutes=int(minutes),
                seconds=int(seconds),
                microseconds=int(micros),
            )
            naive = datetime.fromisoformat(text[: fraction.start()])
            return naive.replace(tzinfo=timezone(-offset if sign == "-" else offset))
        return datetime.fromisoformat(text)
    except ValueError as error:
        raise ParseError(f"not a valid ISO 8601 date: {text!r}: {error}") from None


_OFFSET_FRACTION = re.compile(r"([+-])(\d{2}):(\d{2}):(\d{2})\.(\d{6})$")


# --------------------------------------------------------------------------------------
# Reading time
# --------------------------------------------------------------------------------------

_READING_TIME = re.compile(
    r"""
    (?:(?:estimated\s+)?(?:reading|read)\s+time|lesezeit|lesedauer
      |temps\s+de\s+lecture|durée\s+de\s+lecture)?
    \s*:?\s*
    (?:(?:ca\.?|about|approx\.?|environ|~)\s*)?
    (?P<minutes>\d{1,4})\s*-?\s*
    (?:minutes?|minuten?|mins?|min)\.?
    (?:\s*(?:read|reading|to\s+read|lesezeit|lesedauer|lesen|de\s+lecture))?
    """,
    re.VERBOSE,
)
_UNDER_A_MINUTE = re.compile(
    r"(?:less\s+than\s+a|under\s+a|<\s*1)\s*(?:minute|min)\.?(?:\s*read)?"
    r"|(?:reading\s+time\s*:?\s*)?<\s*1\s*min\.?"
)


def parse_reading_time(text: str) -> int:
    """Read a reading time in minutes from phrases such as "5 min read".

    >>> parse_reading_time("5-minute read")
    5
    >>> parse_reading_time("Lesezeit: 3 Minuten")
    3
    >>> parse_reading_time("temps de lecture : 2 min")
    2

    "Less than a minute read" is 1.

    Raises:
        ParseError: The text is not a reading-time phrase, or says zero minutes.
    """
    if len(text) > _MAX_TEXT:
        raise ParseError(f"cannot read a reading time from text of {len(text)} characters")
    cleaned = " ".join(text.split()).lower().strip(" .·|")
    if _UNDER_A_MINUTE.fullmatch(cleaned):
        return 1
    match = _READING_TIME.fullmatch(cleaned)
    if match is None or not int(match["minutes"]):
        raise ParseError(f"cannot read a reading time from {text!r}")
    return int(match["minutes"])


def estimate_reading_minutes(word_count: int, *, words_per_minute: int = 230) -> int:
    """Estimate minutes of reading, rounded to the nearest minute and at least 1.

    >>> estimate_reading_minutes(1000)
    4
    >>> estimate_reading_minutes(12)
    1
    >>> estimate_reading_minutes(0)
    0

    Raises:
        ValueError: ``word_count`` is negative or ``words_per_minute`` is not positive.
    """
    if word_count < 0:
        raise ValueError(f"word_count must be >= 0, got {word_count!r}")
    if words_per_minute <= 0:
        raise ValueError(f"words_per_minute must be > 0, got {words_per_minute!r}")
    if word_count == 0:
        return 0
    return max(1, (2 * word_count + words_per_minute) // (2 * words_per_minute))
