"""A radio show's schedule in the feed: podcast:updateFrequency and podcast:liveItem airings.

Sources: Podcasting 2.0 ``docs/tags/update-frequency.md`` (an RFC 5545 section 3.3.10 RRULE, a
free-form text of at most 128 characters) and ``docs/tags/live-item.md`` (status pending, live or
ended; ``start`` and ``end`` ISO 8601; a ``podcast:contentLink`` is required).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from segments.schedule import DAYS, Airtime, Schedule, check_timezone, describe, next_airings

LiveStatus = Literal["pending", "live", "ended"]

#: Podcasting 2.0: aggregators may cut the updateFrequency text after this many characters.
UPDATE_FREQUENCY_MAX_CHARS = 128
#: Pending airings listed ahead of the build's moment.
PENDING_AIRINGS = 3
#: How far back an ended airing without its episode stays listed.
ENDED_WINDOW = dt.timedelta(days=1)
#: Airings last at most a day (``segcast.config.AIRING_MINUTES``): one that began this long
#: before the window may still be live in it.
AIRING_LOOKBACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class UpdateFrequency:
    """podcast:updateFrequency: an RRULE and the schedule as a sentence."""

    rrule: str
    text: str


@dataclass(frozen=True)
class Airing:
    """One airing of the show as a podcast:liveItem: its status at the build's moment."""

    status: LiveStatus
    start: dt.datetime
    end: dt.datetime
    guid: str


def update_frequency(schedule: Schedule | None) -> UpdateFrequency | None:
    """Return the show's podcast:updateFrequency, or None without airtimes.

    The RRULE names the days the show airs (a new episode can follow each airing); the hours
    are left out, because one RRULE's BYHOUR applies to every BYDAY and a schedule such as
    "weekdays at 3:30pm, Saturdays at 2pm" is not such a product.

    >>> from segments.schedule import parse_airtimes
    >>> update_frequency(parse_airtimes("Weekdays at 3:30pm, and Saturdays at 2pm", "UTC")).rrule
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA'
    >>> update_frequency(parse_airtimes("Daily at 6am", "UTC")).rrule
    'FREQ=DAILY'
    """
    if schedule is None or not schedule.airtimes:
        return None
    days = [d for d in DAYS if any(d in a.days for a in schedule.airtimes)]
    rrule = "FREQ=DAILY" if len(days) == len(DAYS) else "FREQ=WEEKLY;BYDAY=" + ",".join(days)
    text = describe(schedule)
    if len(text) > UPDATE_FREQUENCY_MAX_CHARS:
        text = text[: UPDATE_FREQUENCY_MAX_CHARS - 1].rstrip() + "…"
    return UpdateFrequency(rrule=rrule, text=text)


def airing_end(airtime: Airtime, start: dt.datetime, minutes: int) -> dt.datetime:
    """Return when an airing that began at ``start`` ends: its slot's end, else ``minutes`` later.

    An end at or before the start is on the next day (a slot "11pm-1am").
    """
    zone = start.tzinfo
    if airtime.end is None:  # real minutes: arithmetic in one zone object is wall-clock time
        return (start.astimezone(dt.UTC) + dt.timedelta(minutes=minutes)).astimezone(zone)
    end = dt.datetime.combine(start.date(), airtime.end, tzinfo=zone)
    if end <= start:
        end = dt.datetime.combine(start.date() + dt.timedelta(days=1), airtime.end, tzinfo=zone)
    return end.astimezone(dt.UTC).astimezone(zone)  # a wall time in a DST gap moves past it


def live_guid(feed_guid: str, start: dt.datetime) -> str:
    """Return an airing's stable GUID: a UUIDv5 of the show's GUID and the start instant."""
    instant = start.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(uuid.uuid5(uuid.UUID(feed_guid), f"live {instant}"))


def live_airings(
    schedule: Schedule,
    now: dt.datetime,
    *,
    feed_guid: str,
    minutes: int,
    published: Iterable[dt.datetime] = (),
    pending: int = PENDING_AIRINGS,
) -> list[Airing]:
    """Return the airings around ``now``, oldest first: recently ended, live, the next pending.

    An ended airing is listed for ``ENDED_WINDOW`` after its end, until an episode is published
    with a pubDate at or after its start (the segment of that airing, or a later one): then the
    episode replaces it.
    Times are in the schedule's zone, so offsets follow daylight-saving time.
    """
    zone = check_timezone(schedule.timezone) if schedule.timezone else None
    if zone is None or not schedule.airtimes:
        return []
    # Compared as UTC instants: comparing two times of one zone object ignores their offsets.
    now = now.astimezone(dt.UTC)
    newest = max((d.astimezone(dt.UTC) for d in published), default=None)
    earliest = now - ENDED_WINDOW - AIRING_LOOKBACK
    found: list[Airing] = []
    for airtime in schedule.airtimes:
        slot = Schedule(airtimes=[airtime], timezone=schedule.timezone)
        # Enough airings of this slot to cover the lookback and the pending ones ahead.
        for start in next_airings(slot, earliest, pending + 8):
            end = airing_end(airtime, start, minutes)
            begins, ends = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
            status: LiveStatus = "pending" if now < begins else "live" if now < ends else "ended"
            gone = ends < now - ENDED_WINDOW or (newest is not None and newest >= begins)
            if status == "ended" and gone:
                continue
            found.append(Airing(status, start, end, live_guid(feed_guid, start)))
    found.sort(key=lambda a: a.start.astimezone(dt.UTC))
    ahead = [a for a in found if a.status == "pending"][:pending]
    return [a for a in found if a.status != "pending"] + ahead
