"""The one bit-rate grammar: ``[audio] bitrate`` in show.toml and ``--bitrate`` both read it.

A module of its own, with nothing heavy imported, so the command line's options load fast.
"""

from __future__ import annotations

import re

__all__ = ["parse_bitrate"]

_BITRATE = re.compile(r"\s*(\d+)\s*(k|kbps|kbit/s)?\s*", re.IGNORECASE)


def parse_bitrate(text: str) -> int:
    """Return kbit/s from ``128``, ``128k``, ``128 kbps`` or ``128000``; ValueError otherwise.

    >>> [parse_bitrate(t) for t in ("128", "64k", "96000", "192 kbps")]
    [128, 64, 96, 192]
    """
    match = _BITRATE.fullmatch(text)
    if not match:
        raise ValueError(f"bit rate {text!r} is not a number of kbit/s such as 128k")
    value = int(match.group(1))
    return value // 1000 if value >= 8000 else value
