"""The one bit-rate grammar: ``[audio] bitrate`` in show.toml and ``--bitrate`` both read it.

A module of its own, with nothing heavy imported, so the command line's options load fast.
"""

from __future__ import annotations

import re

__all__ = ["parse_bitrate"]

_BITRATE = re.compile(r"\s*(\d+)\s*(k|kbps|kbit/s)?\s*", re.IGNORECASE)


def parse_bitrate(text: str) -> int:
    """Return kbit/s from ``128``, ``128k``, ``128 kbps`` or ``128000``; ValueError otherwise.

    A bare number of 8000 or more is bit/s; with a unit it is kbit/s as written, so ``99999k``
    stays 99999 (for the range check to refuse), never 99.

    >>> [parse_bitrate(t) for t in ("128", "64k", "96000", "192 kbps", "99999k")]
    [128, 64, 96, 192, 99999]
    >>> parse_bitrate("99999")
    Traceback (most recent call last):
    ...
    ValueError: bit rate '99999' is 99999 bit/s, not a whole number of kbit/s such as 128000
    """
    match = _BITRATE.fullmatch(text)
    if not match:
        raise ValueError(f"bit rate {text!r} is not a number of kbit/s such as 128k")
    value = int(match.group(1))
    if match.group(2) or value < 8000:
        return value
    if value % 1000:
        raise ValueError(
            f"bit rate {text!r} is {value} bit/s, not a whole number of kbit/s such as 128000"
        )
    return value // 1000
