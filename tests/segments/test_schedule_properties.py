"""Property: any weekly schedule, rendered by describe(), parses back to the same slots."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from segments.schedule import DAYS, Airtime, Schedule, describe, parse_airtimes

DAY_SETS = st.sets(st.sampled_from(DAYS), min_size=1).map(
    lambda s: tuple(d for d in DAYS if d in s)
)
TIMES = st.builds(dt.time, st.integers(0, 23), st.sampled_from([0, 5, 15, 30, 35, 45, 59]))


@st.composite
def airtimes(draw: st.DrawFn) -> Airtime:
    start = draw(TIMES)
    end = draw(st.none() | TIMES.filter(lambda t: t > start))
    return Airtime(days=draw(DAY_SETS), time=start, end=end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(airtimes(), min_size=1, max_size=4),
    st.sampled_from([None, "America/Los_Angeles", "Europe/Berlin"]),
)
def test_describe_parses_back(slots: list[Airtime], zone: str | None) -> None:
    schedule = Schedule(airtimes=slots, timezone=zone)
    again = parse_airtimes(describe(schedule))
    # describe() groups slots by their days, keeping each group's first appearance.
    grouped: dict[tuple[str, ...], list[Airtime]] = {}
    for slot in slots:
        grouped.setdefault(slot.days, []).append(slot)
    assert again.airtimes == [slot for group in grouped.values() for slot in group]
    assert again.timezone == zone
