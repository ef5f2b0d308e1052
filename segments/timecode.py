"""Clock-style timecodes (``1:02:03.500``): the one parser and the formatters every format uses.

Segment files, WebVTT, SRT, Vorbis ``CHAPTERnnn`` comments, HTML transcripts, JSON chapters and
show-note chapter lines all write time as ``[[H:]M:]S[.mmm]``; they differ only in padding, the
decimal mark (SRT writes ``,``) and whether milliseconds appear. ISO 8601 durations (``PT3M13S``)
are another format and live with the HTML metadata reader.
"""

from __future__ import annotations

import math
import re

# Each unit after the first is below 60; the first may be any size ("75:00" is 75 minutes).
_TIMECODE = re.compile(r"(?:(?:(\d+):)?(\d+):)?(\d+)(?:[.,](\d+))?")


def parse_timecode(text: str) -> float:
    """Return the seconds in ``[[H:]M:]S[.fff]``; SRT's decimal comma is read too.

    >>> parse_timecode("1:02:03.5"), parse_timecode("02:03"), parse_timecode("02:03,500")
    (3723.5, 123.0, 123.5)
    >>> parse_timecode("123.4"), parse_timecode("75:00"), parse_timecode(" 00:01:23.1 ")
    (123.4, 4500.0, 83.1)
    >>> parse_timecode("1:75")
    Traceback (most recent call last):
    ...
    ValueError: not a timecode: '1:75'
    """
    match = _TIMECODE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"not a timecode: {text!r}")
    hours, minutes, seconds, fraction = match.groups()
    if (minutes is not None and int(seconds) >= 60) or (hours is not None and int(minutes) >= 60):
        raise ValueError(f"not a timecode: {text!r}")
    whole = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds)
    # Through the decimal text, so "00:01:23.1" is exactly float("83.1") (60 + 23.1 may not be).
    return float(f"{whole}.{fraction or 0}")


def _split_ms(seconds: float) -> tuple[int, int, int, int]:
    total_ms = round(seconds * 1000)
    total_s, ms = divmod(total_ms, 1000)
    minutes, secs = divmod(total_s, 60)
    hours, minutes = divmod(minutes, 60)
    return hours, minutes, secs, ms


def format_timecode(seconds: float, *, decimal: str = ".", trim: bool = False) -> str:
    """Format seconds as ``HH:MM:SS.mmm`` (WebVTT, Vorbis ``CHAPTERnnn``, segment files).

    SRT writes ``decimal=","``; ``trim`` leaves out milliseconds that are all zero.

    >>> format_timecode(3723.5), format_timecode(2.3994, decimal=",")
    ('01:02:03.500', '00:00:02,399')
    >>> format_timecode(83.5, trim=True), format_timecode(3723, trim=True)
    ('00:01:23.500', '01:02:03')
    """
    hours, minutes, secs, ms = _split_ms(seconds)
    text = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return text if trim and not ms else f"{text}{decimal}{ms:03d}"


def format_clock(seconds: float, *, padded: bool = False) -> str:
    """Format whole seconds as ``M:SS``, or ``H:MM:SS`` past an hour; ``padded``: ``MM:SS``.

    Without ``padded`` this is the official HTML transcript's ``<time>``; padded, Spotify's
    ``(MM:SS)`` chapter lines in show notes.

    >>> format_clock(53.9), format_clock(691), format_clock(3723.5)
    ('0:53', '11:31', '1:02:03')
    >>> [format_clock(s, padded=True) for s in (0, 754.9, 3723)]
    ['00:00', '12:34', '01:02:03']
    """
    minutes, secs = divmod(math.floor(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    lead = "02d" if padded else "d"
    if hours:
        return f"{hours:{lead}}:{minutes:02d}:{secs:02d}"
    return f"{minutes:{lead}}:{secs:02d}"
