"""Dates, times and durations: one place that reads and writes them.

Durations are written in ISO 8601 (``PT1M33S``) and read from ISO 8601, plain seconds or
clock notation (``1:33``).
"""

from __future__ import annotations

import re
from datetime import timedelta

__all__ = ["format_duration", "parse_duration"]

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
