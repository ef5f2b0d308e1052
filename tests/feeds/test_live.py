"""podcast:updateFrequency and podcast:liveItem from the airtimes: statuses, DST, the feed read back.

The RRULE is expanded by python-dateutil (an independent RFC 5545 reader) and compared with the
schedule's own airings; the feeds are read by feedparser, lxml and our validator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import feedparser
import pytest
from dateutil.rrule import rrulestr

from feeds.live import Airing, live_airings, update_frequency
from feeds.rss import build_feed
from feeds.validate import validate_feed
from segments.model import Show
from segments.schedule import next_airings, parse_airtimes
from tests.feeds.feedcheck import NS, parse_feed
from tests.feeds.test_rss import episode, show

LA = ZoneInfo("America/Los_Angeles")
GUID = "f88f128a-9d75-50be-9435-39e813badc62"
FRAME = parse_airtimes(
    "Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm", "America/Los_Angeles"
)
STREAM = "https://example.org/the-frame/live.mp3"


def elapsed(airing: Airing) -> dt.timedelta:
    """Real time from start to end (a difference in one zone object is wall-clock time)."""
    return airing.end.astimezone(dt.UTC) - airing.start.astimezone(dt.UTC)


def airings(text: str, now: dt.datetime) -> list[Airing]:
    schedule = parse_airtimes(text, "America/Los_Angeles")
    return live_airings(schedule, now, feed_guid=GUID, minutes=60)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm", {0, 1, 2, 3, 4, 5}),
        ("Daily at 6am", {0, 1, 2, 3, 4, 5, 6}),
        ("Tuesdays and Thursdays at 9am", {1, 3}),
    ],
)
def test_rrule_days_are_the_airing_days(text: str, days: set[int]) -> None:
    schedule = parse_airtimes(text, "America/Los_Angeles")
    frequency = update_frequency(schedule)
    assert frequency is not None
    # RFC 5545: DTSTART is the first occurrence, so the rule starts at a real airing.
    (first,) = next_airings(schedule, dt.datetime(2026, 12, 7, tzinfo=LA), 1)
    stop = first + dt.timedelta(days=14)
    rule = rrulestr(frequency.rrule, dtstart=first)
    expanded = {d.date() for d in rule.between(first, stop, inc=True) if d < stop}
    aired = {a.date() for a in next_airings(schedule, first - dt.timedelta(seconds=1), 40)}
    assert expanded == {d for d in aired if d < stop.date()} | {first.date()}
    assert {d.weekday() for d in expanded} == days


def test_update_frequency_text_is_the_schedule_within_128_characters() -> None:
    frequency = update_frequency(FRAME)
    assert frequency is not None
    assert frequency.text == (
        "Weekdays at 3:30pm and 7:30pm, and Saturdays at 2pm (America/Los_Angeles)"
    )
    many = parse_airtimes(
        "Mondays at 1am, 2am, 3am, 4am, 5am, 6am, 7am, 8am, 9am, 10am, 11am, and Tuesdays at "
        "1pm, 2pm, 3pm, 4pm, 5pm, 6pm, 7pm, 8pm, 9pm, 10pm, 11pm",
        "UTC",
    )
    long = update_frequency(many)
    assert long is not None and len(long.text) <= 128 and long.text.endswith("…")
    assert update_frequency(None) is None


def test_statuses_around_an_airing() -> None:
    # Friday 4 December 2026, 3:45pm in Los Angeles: the 3:30pm airing is on.
    now = dt.datetime(2026, 12, 4, 15, 45, tzinfo=LA)
    found = live_airings(FRAME, now, feed_guid=GUID, minutes=60)
    by_status = [(a.status, a.start.strftime("%a %H:%M")) for a in found]
    assert by_status == [
        ("ended", "Thu 15:30"),
        ("ended", "Thu 19:30"),
        ("live", "Fri 15:30"),
        ("pending", "Fri 19:30"),
        ("pending", "Sat 14:00"),
        ("pending", "Mon 15:30"),
    ]
    assert all(elapsed(a) == dt.timedelta(minutes=60) for a in found)
    assert len({a.guid for a in found}) == len(found)
    # Rolled forward: an hour later the same airing has ended, its GUID unchanged.
    later = live_airings(FRAME, now + dt.timedelta(hours=1), feed_guid=GUID, minutes=60)
    friday = next(a for a in later if a.start == found[2].start)
    assert friday.status == "ended" and friday.guid == found[2].guid


def test_an_ended_airing_is_replaced_by_its_episode() -> None:
    now = dt.datetime(2026, 12, 4, 17, 0, tzinfo=LA)  # after the 3:30pm airing ended
    published = [dt.datetime(2026, 12, 4, 15, 30, tzinfo=LA)]  # its segment, at the airtime
    found = live_airings(FRAME, now, feed_guid=GUID, minutes=60, published=published)
    assert [a.status for a in found] == ["pending"] * 3
    assert found[0].start == dt.datetime(2026, 12, 4, 19, 30, tzinfo=LA)


def test_ended_airings_drop_out_after_a_day() -> None:
    now = dt.datetime(2026, 12, 6, 16, 0, tzinfo=LA)  # Sunday: Saturday 2pm ended 25 h ago
    found = airings("Saturdays at 2pm", now)
    assert [a.status for a in found] == ["pending"] * 3


def test_slot_end_time_is_the_airing_end() -> None:
    now = dt.datetime(2026, 12, 5, 23, 30, tzinfo=LA)
    (live, *_) = airings("Saturdays 11pm-1am", now)
    assert live.status == "live"
    assert live.end == dt.datetime(2026, 12, 6, 1, 0, tzinfo=LA)


def test_live_items_across_a_dst_change() -> None:
    # Los Angeles falls back on Sunday 1 November 2026, 2am PDT -> 1am PST.
    now = dt.datetime(2026, 10, 31, 13, 0, tzinfo=LA)
    found = airings("Saturdays at 2pm", now)
    assert [a.start.isoformat() for a in found] == [
        "2026-10-31T14:00:00-07:00",
        "2026-11-07T14:00:00-08:00",
        "2026-11-14T14:00:00-08:00",
    ]
    assert all(elapsed(a) == dt.timedelta(hours=1) for a in found)
    # An airing spanning the change lasts its wall-clock slot: 1am PDT to 3am PST is 3 hours.
    night = airings("Sundays 1am-3am", dt.datetime(2026, 10, 31, 12, 0, tzinfo=LA))[0]
    assert night.start.isoformat() == "2026-11-01T01:00:00-07:00"
    assert night.end.isoformat() == "2026-11-01T03:00:00-08:00"
    assert elapsed(night) == dt.timedelta(hours=3)
    # A 60-minute airing at 1:30am that day ends 60 real minutes later, in the repeated hour.
    (early,) = [
        a
        for a in live_airings(
            parse_airtimes("Sundays at 1:30am", "America/Los_Angeles"),
            dt.datetime(2026, 10, 31, 12, 0, tzinfo=LA),
            feed_guid=GUID,
            minutes=60,
            pending=1,
        )
    ]
    assert early.start.isoformat() == "2026-11-01T01:30:00-07:00"
    assert early.end.isoformat() == "2026-11-01T01:30:00-08:00"


def live_show() -> Show:
    return show(schedule=FRAME, live_stream_url=STREAM)


def test_feed_carries_update_frequency_and_live_items() -> None:
    now = dt.datetime(2026, 12, 4, 15, 45, tzinfo=LA)
    data = build_feed(live_show(), [episode("a", 5)], now=now)
    feed = parse_feed(data)
    channel = feed.root.find("channel")
    assert channel is not None
    frequency = channel.find("podcast:updateFrequency", NS)
    assert frequency is not None
    assert frequency.get("rrule") == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"
    live = channel.findall("podcast:liveItem", NS)
    assert [el.get("status") for el in live] == ["ended", "ended", "live"] + ["pending"] * 3
    current = live[2]
    start = dt.datetime.fromisoformat(current.get("start") or "")
    assert start == now.replace(minute=30) and start.utcoffset() == dt.timedelta(hours=-8)
    assert current.find("enclosure").get("url") == STREAM  # type: ignore[union-attr]
    assert current.find("enclosure").get("type") == "audio/mpeg"  # type: ignore[union-attr]
    source = current.find("podcast:alternateEnclosure/podcast:source", NS)
    assert source is not None and source.get("uri") == STREAM
    link = current.find("podcast:contentLink", NS)
    assert link is not None and link.get("href") == "https://example.org/the-frame/"
    # Live items are not episodes: both clients still see one item, the show's own title.
    assert [e.title for e in feed.fp.entries] == ["Episode a"]
    assert feed.fp.feed.title == feed.pp["title"] == "The Frame"
    assert len(feed.pp["episodes"]) == 1
    assert feedparser.parse(data).feed.podcast_updatefrequency["rrule"] == frequency.get("rrule")
    assert validate_feed(data, "feed.xml", now=now) == []


def test_no_live_items_without_a_stream_or_a_moment() -> None:
    now = dt.datetime(2026, 12, 4, 15, 45, tzinfo=LA)
    for data in (
        build_feed(show(schedule=FRAME), [episode("a", 5)], now=now),
        build_feed(replace(show(), schedule=FRAME, live_stream_url=STREAM), [episode("a", 5)]),
    ):
        root = parse_feed(data).root
        assert root.find("channel/podcast:liveItem", NS) is None
        assert root.find("channel/podcast:updateFrequency", NS) is not None
    assert b"updateFrequency" not in build_feed(show(), [episode("a", 5)])
