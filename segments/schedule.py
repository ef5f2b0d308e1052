"""Weekly airtime schedules: parse radio-site phrasings, render them, list next airings.

Placeholder types only; the parser is being written (issue 2, item 3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: iCalendar BYDAY codes, Monday first (RFC 5545, 3.3.10).
DAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Airtime:
    """One weekly slot: the days (BYDAY codes, in week order) and the local start time."""

    days: tuple[str, ...]
    time: dt.time
    end: dt.time | None = None


@dataclass
class Schedule:
    """A show's weekly airtimes, the text they came from, and the IANA time zone they are in."""

    airtimes: list[Airtime] = field(default_factory=list)
    timezone: str | None = None
    text: str | None = None
