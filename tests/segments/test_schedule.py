"""Airtime phrasings from real station pages -> weekly schedules, and back; next airings."""

from __future__ import annotations

import datetime as dt

import pytest

from segments.errors import ScheduleError
from segments.schedule import (
    DAYS,
    Schedule,
    airing_on,
    check_timezone,
    describe,
    next_airings,
    parse_airtimes,
)

WD = "MO TU WE TH FR"
ALL = "MO TU WE TH FR SA SU"

#: phrasing -> [(days, start, end or None)], zone written in the text or None
PHRASINGS: list[tuple[str, list[tuple[str, str, str | None]], str | None]] = [
    (
        "Airs Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm",
        [(WD, "15:30", None), (WD, "19:30", None), ("SA", "14:00", None)],
        None,
    ),
    ("Broadcast: Wednesdays at 8:35am & 7pm", [("WE", "08:35", None), ("WE", "19:00", None)], None),
    ("Mondays through Thursdays at 9 a.m.", [("MO TU WE TH", "09:00", None)], None),
    ("Weeknights at 7", [(WD, "19:00", None)], None),
    ("Sat 2-3pm", [("SA", "14:00", "15:00")], None),
    ("Sundays at noon", [("SU", "12:00", None)], None),
    ("daily at 6 a.m. PT", [(ALL, "06:00", None)], "America/Los_Angeles"),
    ("Monday–Friday 5–9 a.m. ET", [(WD, "05:00", "09:00")], "America/New_York"),
    ("Mon-Fri at 6:00 AM", [(WD, "06:00", None)], None),
    ("Tuesdays and Thursdays at 11:30am", [("TU TH", "11:30", None)], None),
    ("Weekends at 10am", [("SA SU", "10:00", None)], None),
    ("Saturday 10:00 - 12:00", [("SA", "10:00", "12:00")], None),
    ("Fridays at midnight", [("FR", "00:00", None)], None),
    ("Sundays 11-1pm", [("SU", "11:00", "13:00")], None),
    ("Fri-Mon at 19:30", [("MO FR SA SU", "19:30", None)], None),
    ("M-F 4-6pm Central", [(WD, "16:00", "18:00")], "America/Chicago"),
    ("Mon, Wed, Fri at 7:30pm", [("MO WE FR", "19:30", None)], None),
    ("Sundays at 9am, repeats Tuesdays at 10pm", [("SU", "09:00", None), ("TU", "22:00", None)], None),
    ("Thursdays at 1 p.m. and 8 p.m. (America/Chicago)", [("TH", "13:00", None), ("TH", "20:00", None)], "America/Chicago"),
    ("Nightly at 11", [(ALL, "23:00", None)], None),
    ("7pm weeknights", [(WD, "19:00", None)], None),
]  # fmt: skip


def _slots(schedule: Schedule) -> list[tuple[str, str, str | None]]:
    return [
        (
            " ".join(a.days),
            a.time.strftime("%H:%M"),
            a.end.strftime("%H:%M") if a.end else None,
        )
        for a in schedule.airtimes
    ]


@pytest.mark.parametrize(("text", "slots", "zone"), PHRASINGS)
def test_phrasing_parses_to_slots(
    text: str, slots: list[tuple[str, str, str | None]], zone: str | None
) -> None:
    schedule = parse_airtimes(text)
    assert _slots(schedule) == slots
    assert schedule.timezone == zone
    assert schedule.text == text


@pytest.mark.parametrize(("text", "slots", "zone"), PHRASINGS)
def test_describe_reads_back_to_the_same_slots(
    text: str, slots: list[tuple[str, str, str | None]], zone: str | None
) -> None:
    schedule = parse_airtimes(text, zone or "Europe/London")
    again = parse_airtimes(describe(schedule))
    assert _slots(again) == _slots(schedule)
    assert again.timezone == schedule.timezone


def test_describe_reads_like_a_station_page() -> None:
    schedule = parse_airtimes("Airs Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm")
    assert describe(schedule) == "Weekdays at 3:30pm and 7:30pm, and Saturdays at 2pm"
    assert describe(parse_airtimes("Sat 2-3pm", "America/Los_Angeles")) == (
        "Saturdays at 2pm-3pm (America/Los_Angeles)"
    )


def test_explicit_zone_wins_over_text() -> None:
    assert parse_airtimes("daily at 6am PT", "America/Vancouver").timezone == "America/Vancouver"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "cannot read airtimes: the text is empty"),
        ("Airs whenever", "cannot read airtimes: 'whenever' is not understood in 'Airs whenever'"),
        ("Sundays at 7", "cannot read airtimes: is 7:00 a.m. or p.m.? in 'Sundays at 7'"),
        ("Weekdays", "cannot read airtimes: no time given for the days in 'Weekdays'"),
        ("at 3pm", "cannot read airtimes: no days given for the times in 'at 3pm'"),
        ("Mondays at 25:00", "cannot read airtimes: hour 25 in 'Mondays at 25:00'"),
        ("Mondays at 13pm", "cannot read airtimes: 13 pm is not a time in 'Mondays at 13pm'"),
        ("Mondays at 9:75am", "cannot read airtimes: minute 75 in 'Mondays at 9:75am'"),
        ("Listen live online", "cannot read airtimes: 'listen' is not understood in 'Listen live online'"),
    ],
)  # fmt: skip
def test_unreadable_text_is_an_error_quoting_it(text: str, message: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_airtimes(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("zone", ["Mars/Olympus", "Pacific", "../etc/passwd", ""])
def test_unknown_zone_is_named(zone: str) -> None:
    with pytest.raises(ScheduleError, match=f"unknown time zone {zone!r}"):
        parse_airtimes("Sundays at noon", zone or None).timezone or check_timezone(zone)


def test_next_airings_in_order_in_show_zone() -> None:
    schedule = parse_airtimes(
        "Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm", "America/Los_Angeles"
    )
    # Friday 2026-11-20 16:00 Pacific
    after = dt.datetime(2026, 11, 21, 0, 0, tzinfo=dt.UTC)
    got = [a.isoformat() for a in next_airings(schedule, after, 4)]
    assert got == [
        "2026-11-20T19:30:00-08:00",
        "2026-11-21T14:00:00-08:00",
        "2026-11-23T15:30:00-08:00",
        "2026-11-23T19:30:00-08:00",
    ]


def test_next_airings_keep_wall_clock_across_dst_changes() -> None:
    schedule = parse_airtimes("Sundays at 9am", "Europe/Berlin")
    after = dt.datetime(2026, 3, 20, tzinfo=dt.UTC)
    airings = next_airings(schedule, after, 3)
    # Europe switched to summer time on 2026-03-29: 09:00 local each week, offset changes.
    assert [a.isoformat() for a in airings] == [
        "2026-03-22T09:00:00+01:00",
        "2026-03-29T09:00:00+02:00",
        "2026-04-05T09:00:00+02:00",
    ]
    assert airings[1].astimezone(dt.UTC) - airings[0].astimezone(dt.UTC) == dt.timedelta(
        days=7, hours=-1
    )


def test_time_in_the_spring_gap_airs_after_the_jump() -> None:
    schedule = parse_airtimes("Sundays at 2:30am", "America/New_York")
    (airing,) = next_airings(schedule, dt.datetime(2026, 3, 7, tzinfo=dt.UTC), 1)
    assert airing.isoformat() == "2026-03-08T03:30:00-04:00"


def test_time_in_the_autumn_fold_airs_once_at_the_first() -> None:
    schedule = parse_airtimes("Sundays at 1:30am", "America/New_York")
    airings = next_airings(schedule, dt.datetime(2026, 10, 31, tzinfo=dt.UTC), 2)
    assert [a.isoformat() for a in airings] == [
        "2026-11-01T01:30:00-04:00",
        "2026-11-08T01:30:00-05:00",
    ]


def test_next_airings_need_zone_and_aware_instant() -> None:
    with pytest.raises(ScheduleError, match="no time zone for the airtimes 'Sundays at noon'"):
        next_airings(parse_airtimes("Sundays at noon"), dt.datetime(2026, 1, 1, tzinfo=dt.UTC), 1)
    with pytest.raises(ScheduleError, match="time-zone-aware"):
        next_airings(parse_airtimes("Sundays at noon", "UTC"), dt.datetime(2026, 1, 1), 1)


def test_airing_on_a_day() -> None:
    schedule = parse_airtimes("Weekdays at 7:30pm & 3:30pm", "America/Los_Angeles")
    assert airing_on(schedule, dt.date(2016, 5, 2)) == dt.datetime(
        2016, 5, 2, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7))
    )
    assert airing_on(schedule, dt.date(2016, 5, 1)) is None  # a Sunday


def test_days_are_byday_codes() -> None:
    assert DAYS == ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
