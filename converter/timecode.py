"""Seconds split into clock parts, for the time stamps of subtitles and media overlays."""

from __future__ import annotations


def clock_parts(seconds: float) -> tuple[int, int, int, int]:
    """(hours, minutes, seconds, milliseconds), rounded to the millisecond.

    >>> clock_parts(3723.4567)
    (1, 2, 3, 457)
    """
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return hours, minutes, secs, millis
