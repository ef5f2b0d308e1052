"""airtimes.ics: read back with icalendar, its recurrences expanded by python-dateutil (an rrule
implementation independent of ours) and compared with ``segments.schedule.next_airings``."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from feeds.site import airtimes_ics
from segments.errors import FeedError
from segments.model import Show
from segments.schedule import next_airings, parse_airtimes
from tests.feeds.site.sample import NOW, example_show

LA = ZoneInfo("America/Los_Angeles")


def events(ics: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))


def expand(ics: bytes, after: datetime, count: int) -> list[datetime]:
    """Return the first ``count`` airings after ``after`` by dateutil's reading of the RRULEs."""
    found: list[datetime] = []
    for event in events(ics):
        start = event.decoded("dtstart")
        rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
        found.extend(rule.xafter(after, count=count))
    return sorted(found)[:count]


def test_calendar_has_one_weekly_event_per_slot_in_the_show_zone() -> None:
    calendar = icalendar.Calendar.from_ical(airtimes_ics(example_show(), now=NOW))
    assert calendar["version"] == "2.0"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["America/Los_Angeles"]
    rules = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("dtstart")
        assert event["dtstart"].params["TZID"] == "America/Los_Angeles"
        assert start.tzinfo is not None and start.utcoffset() == start.astimezone(LA).utcoffset()
        rule = event["rrule"]
        rules.append((rule["FREQ"], rule["BYDAY"], start.astimezone(LA).strftime("%H:%M")))
        assert str(event["summary"]) == "The Frame"
    assert rules == [
        (["WEEKLY"], ["MO", "TU", "WE", "TH", "FR"], "15:30"),
        (["WEEKLY"], ["MO", "TU", "WE", "TH", "FR"], "19:30"),
        (["WEEKLY"], ["SA"], "14:00"),
    ]


@pytest.mark.parametrize(
    ("now", "offsets"),
    [
        (NOW, 1),
        (datetime(2026, 10, 30, 12, 0, tzinfo=UTC), 2),  # clocks go back on 1 November
        (datetime(2027, 3, 12, 12, 0, tzinfo=UTC), 2),  # and forward on 14 March
        (datetime(2026, 12, 5, 22, 0, tzinfo=UTC), 1),  # exactly at the Saturday airing
    ],
)
def test_calendar_recurrences_are_the_schedules_next_airings(now: datetime, offsets: int) -> None:
    show = example_show()
    assert show.schedule is not None
    ics = airtimes_ics(show, now=now)
    expected = next_airings(show.schedule, now, 25)
    assert expand(ics, now, 25) == expected
    assert expected[0] > now
    assert len({a.utcoffset() for a in expected}) == offsets  # the case covers a change or not


def test_uids_are_stable_and_distinct() -> None:
    show = example_show()
    first = [str(e["uid"]) for e in events(airtimes_ics(show, now=NOW))]
    later = [
        str(e["uid"]) for e in events(airtimes_ics(show, now=datetime(2027, 6, 1, tzinfo=UTC)))
    ]
    assert first == later
    assert len(set(first)) == 3


def test_a_slot_with_an_end_has_one() -> None:
    schedule = parse_airtimes("Saturdays 11pm-1am", "Europe/London")
    ics = airtimes_ics(Show(title="Late", schedule=schedule), now=NOW)
    (event,) = events(ics)
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.isoformat(), end.isoformat()) == (
        "2026-12-05T23:00:00+00:00", "2026-12-06T01:00:00+00:00"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("show", "message"),
    [
        (Show(title="S"), "show: no airtimes for a calendar"),
        (
            Show(title="S", schedule=parse_airtimes("Sundays at noon")),
            "show: the airtimes have no time zone (set timezone in show.toml)",
        ),
    ],
)
def test_no_calendar_without_airtimes_in_a_zone(show: Show, message: str) -> None:
    with pytest.raises(FeedError) as caught:
        airtimes_ics(show, now=NOW)
    assert str(caught.value) == message
