"""Weekly airtime schedules: parse radio-site phrasings, render them, list next airings.

Days are iCalendar BYDAY codes (RFC 5545, 3.3.10), times 24-hour local times in the show's IANA
time zone. Parsing is strict: every word of the text must be understood, and an hour that could be
morning or evening is an error unless the text says which ("Weeknights at 7" is evening). We never
guess, because a wrong airtime puts every episode's pubDate at the wrong hour.

>>> s = parse_airtimes("Airs Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm")
>>> [(",".join(a.days), a.time.strftime("%H:%M")) for a in s.airtimes]
[('MO,TU,WE,TH,FR', '15:30'), ('MO,TU,WE,TH,FR', '19:30'), ('SA', '14:00')]
>>> describe(s)
'Weekdays at 3:30pm and 7:30pm, and Saturdays at 2pm'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from segments.errors import ScheduleError

#: iCalendar BYDAY codes, Monday first (RFC 5545, 3.3.10).
DAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

WEEKDAYS = DAYS[:5]
WEEKEND = DAYS[5:]


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


# --- vocabulary -----------------------------------------------------------------------------

#: Day names as written on station pages -> BYDAY code. Plurals and a final "." are allowed.
DAY_NAMES: dict[str, str] = {
    "monday": "MO", "mon": "MO",
    "tuesday": "TU", "tues": "TU", "tue": "TU",
    "wednesday": "WE", "weds": "WE", "wed": "WE",
    "thursday": "TH", "thurs": "TH", "thur": "TH", "thu": "TH",
    "friday": "FR", "fri": "FR",
    "saturday": "SA", "sat": "SA",
    "sunday": "SU", "sun": "SU",
}  # fmt: skip

#: Words for groups of days. "Weeknights" is Monday to Friday, as US stations use it.
DAY_GROUPS: dict[str, tuple[str, ...]] = {
    "weekdays": WEEKDAYS, "weekday": WEEKDAYS, "weeknights": WEEKDAYS, "weeknight": WEEKDAYS,
    "m-f": WEEKDAYS, "weekends": WEEKEND, "weekend": WEEKEND,
    "daily": DAYS, "every day": DAYS, "each day": DAYS, "nightly": DAYS, "every night": DAYS,
    "seven days a week": DAYS, "7 days a week": DAYS,
}  # fmt: skip

#: Words that mean evening, so a bare hour such as "at 7" is p.m.
EVENING_WORDS = ("weeknight", "nightly", "every night", "evening", "tonight")

#: Time-zone words on US/UK/AU station pages -> IANA zone.
ZONE_WORDS: dict[str, str] = {
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "pacific time": "America/Los_Angeles",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "mountain": "America/Denver", "mountain time": "America/Denver",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "central": "America/Chicago", "central time": "America/Chicago",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "eastern": "America/New_York", "eastern time": "America/New_York",
    "gmt": "Europe/London", "bst": "Europe/London", "uk time": "Europe/London",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "utc": "UTC",
}  # fmt: skip

#: Words that carry no schedule information and may stand anywhere.
FILLER = frozenset(
    {"airs", "aired", "airing", "air", "broadcast", "broadcasts", "on", "at", "and", "&", ",",
     ";", ":", ".", "every", "each", "from", "also", "plus", "the", "live", "heard", "repeats",
     "repeat", "repeated", "encore", "or"}
)  # fmt: skip

_DAY = "|".join(sorted(DAY_NAMES, key=len, reverse=True))
_GROUP = "|".join(re.escape(g) for g in sorted(DAY_GROUPS, key=len, reverse=True))
_ZONE = "|".join(re.escape(z) for z in sorted(ZONE_WORDS, key=len, reverse=True))
_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)?|noon|midnight)"
_TO = r"\s*(?:-|to|until|till|through|thru)\s*"

_TOKEN = re.compile(
    rf"""
    (?P<dayrange>\b(?:{_DAY})s?\.?{_TO}(?:{_DAY})s?\b\.?)
  | (?P<group>(?<![\w-])(?:{_GROUP})(?![\w-]))
  | (?P<day>\b(?:{_DAY})s?\b\.?)
  | (?P<timerange>(?<![\w:]){_CLOCK}{_TO}{_CLOCK}(?![\w:]))
  | (?P<time>(?<![\w:]){_CLOCK}(?![\w:]))
  | (?P<zone>\b(?:{_ZONE})\b)
  | (?P<word>[a-z0-9']+|[&,;:.])
  | (?P<space>\s+)
    """,
    re.VERBOSE,
)

_IANA = re.compile(r"\(([A-Za-z]+(?:/[A-Za-z0-9_+-]+)+)\)")

_CLOCK_PARTS = re.compile(
    r"(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<mer>am|pm)?|(?P<word>noon|midnight))"
)


@dataclass
class _Clock:
    """A time as written, before a.m./p.m. is settled."""

    hour: int
    minute: int
    meridiem: str | None
    two_digit: bool

    def resolve(self, meridiem: str | None, text: str) -> dt.time:
        hour = self.hour
        mer = self.meridiem or meridiem
        if mer:
            if not 1 <= hour <= 12:
                raise ScheduleError(f"cannot read airtimes: {hour} {mer} is not a time in {text!r}")
            hour = hour % 12 + (12 if mer == "pm" else 0)
        elif not 0 <= hour <= 23:
            raise ScheduleError(f"cannot read airtimes: hour {hour} in {text!r}")
        if self.minute > 59:
            raise ScheduleError(f"cannot read airtimes: minute {self.minute} in {text!r}")
        return dt.time(hour, self.minute)


def _read_clock(token: str) -> _Clock:
    match = _CLOCK_PARTS.fullmatch(token.strip())
    assert match is not None  # the tokenizer only hands over clock shapes
    if match["word"] == "noon":
        return _Clock(12, 0, "pm", False)
    if match["word"] == "midnight":
        return _Clock(12, 0, "am", False)
    hours = match["h"]
    # "07" or "10:00" reads as a 24-hour clock; a bare "11" does not.
    two_digit = len(hours) == 2 and (hours.startswith("0") or match["m"] is not None)
    return _Clock(int(hours), int(match["m"] or 0), match["mer"], two_digit)


def _days_between(first: str, last: str) -> tuple[str, ...]:
    """Return the days from ``first`` to ``last`` inclusive, wrapping past Sunday."""
    start, stop = DAYS.index(first), DAYS.index(last)
    span = (stop - start) % 7
    return tuple(DAYS[(start + i) % 7] for i in range(span + 1))


def _day_code(word: str) -> str:
    name = word.strip().rstrip(".")
    return DAY_NAMES[name] if name in DAY_NAMES else DAY_NAMES[name.removesuffix("s")]


def _normalise(text: str) -> str:
    lowered = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    lowered = re.sub(r"\b([ap])\.\s?m\.?", r"\1m", lowered)  # "9 a.m." -> "9 am"
    lowered = re.sub(r"(\d)\s*([ap])\s?m\b", r"\1\2m", lowered)  # "9 a m" / "9 am" -> "9am"
    return lowered


def parse_airtimes(text: str, timezone: str | None = None) -> Schedule:
    """Parse a station's airtime sentence into a weekly schedule.

    ``timezone`` (an IANA name) wins over a zone written in the text ("PT"), which is used when no
    zone is given.

    >>> [(a.days, str(a.time)) for a in parse_airtimes("Sundays at noon").airtimes]
    [(('SU',), '12:00:00')]
    >>> s = parse_airtimes("Sat 2-3pm")
    >>> s.airtimes[0].days, str(s.airtimes[0].time), str(s.airtimes[0].end)
    (('SA',), '14:00:00', '15:00:00')
    >>> parse_airtimes("daily at 6 a.m. PT").timezone
    'America/Los_Angeles'
    """
    source = text.strip()
    zone_from_text: str | None = None
    if not source:
        raise ScheduleError("cannot read airtimes: the text is empty")
    # A zone written as "(America/Los_Angeles)", as describe() writes it; IANA names keep case.
    iana = _IANA.search(source)
    if iana:
        zone_from_text = iana.group(1)
        source_without_zone = source[: iana.start()] + source[iana.end() :]
    lowered = _normalise(source_without_zone if iana else source)
    evening = any(word in lowered for word in EVENING_WORDS)

    clauses: list[tuple[tuple[str, ...], list[tuple[_Clock, _Clock | None]]]] = []
    days: list[str] = []
    clocks: list[tuple[_Clock, _Clock | None]] = []

    def close() -> None:
        nonlocal days, clocks
        if days and clocks:
            ordered = tuple(d for d in DAYS if d in days)
            clauses.append((ordered, clocks))
            days, clocks = [], []

    for match in _TOKEN.finditer(lowered):
        kind, value = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind in ("dayrange", "group", "day"):
            if clocks and days:
                close()
            if kind == "dayrange":
                first, last = re.split(_TO, value.strip(), maxsplit=1)
                found: tuple[str, ...] = _days_between(_day_code(first), _day_code(last))
            elif kind == "group":
                found = DAY_GROUPS[value]
            else:
                found = (_day_code(value),)
            days.extend(d for d in found if d not in days)
            if clocks:  # times were written before their days ("7pm weeknights")
                close()
        elif kind == "timerange":
            start, end = re.split(_TO, value, maxsplit=1)
            clocks.append((_read_clock(start), _read_clock(end)))
        elif kind == "time":
            clocks.append((_read_clock(value), None))
        elif kind == "zone":
            zone_from_text = ZONE_WORDS[value]
        elif value not in FILLER:
            raise ScheduleError(f"cannot read airtimes: {value!r} is not understood in {source!r}")
    close()
    if days:
        raise ScheduleError(f"cannot read airtimes: no time given for the days in {source!r}")
    if clocks:
        raise ScheduleError(f"cannot read airtimes: no days given for the times in {source!r}")
    if not clauses:
        raise ScheduleError(f"cannot read airtimes: no days or times in {source!r}")

    airtimes = [
        _airtime(clause_days, start, end, evening, source)
        for clause_days, pairs in clauses
        for start, end in pairs
    ]
    zone = timezone or zone_from_text
    if zone is not None:
        check_timezone(zone)
    return Schedule(airtimes=airtimes, timezone=zone, text=source)


def _airtime(
    days: tuple[str, ...], start: _Clock, end: _Clock | None, evening: bool, text: str
) -> Airtime:
    """Settle a.m./p.m. for one slot and build it."""
    if end is not None:
        end_time = end.resolve("pm" if evening and end.hour < 12 else None, text)
        if start.meridiem is None and end.meridiem is not None:
            # "2-3pm": the start shares the end's meridiem unless that would put it after the
            # end ("11-1pm" starts at 11 a.m.).
            same = start.resolve(end.meridiem, text)
            other = start.resolve("am" if end.meridiem == "pm" else "pm", text)
            start_time = same if same < end_time else other
        else:
            start_time = _resolve_alone(start, evening, text)
        return Airtime(days=days, time=start_time, end=end_time)
    return Airtime(days=days, time=_resolve_alone(start, evening, text))


def _resolve_alone(clock: _Clock, evening: bool, text: str) -> dt.time:
    if clock.meridiem is not None:
        return clock.resolve(None, text)
    if clock.hour == 0 or clock.hour >= 13:
        return clock.resolve(None, text)  # 24-hour clock: "19:30", "0:30"
    if evening and clock.hour < 12:
        return clock.resolve("pm", text)
    if clock.two_digit:
        return clock.resolve(None, text)  # written as a 24-hour clock: "07:00", "10:00"
    raise ScheduleError(
        f"cannot read airtimes: is {clock.hour}:{clock.minute:02d} a.m. or p.m.? in {text!r}"
    )


def check_timezone(name: str) -> ZoneInfo:
    """Return the zone called ``name``, or raise ScheduleError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        # OSError: a name such as 'Pacific' that is a folder of the zone database.
        raise ScheduleError(f"unknown time zone {name!r}") from exc


# --- rendering ------------------------------------------------------------------------------

_PLURAL = {
    "MO": "Mondays", "TU": "Tuesdays", "WE": "Wednesdays", "TH": "Thursdays",
    "FR": "Fridays", "SA": "Saturdays", "SU": "Sundays",
}  # fmt: skip


def describe_days(days: tuple[str, ...]) -> str:
    """Render a set of days the way a station page would.

    >>> describe_days(("MO", "TU", "WE", "TH"))
    'Mondays through Thursdays'
    >>> describe_days(("TU", "TH"))
    'Tuesdays and Thursdays'
    """
    if days == DAYS:
        return "Daily"
    if days == WEEKDAYS:
        return "Weekdays"
    if days == WEEKEND:
        return "Weekends"
    indexes = [DAYS.index(d) for d in days]
    consecutive = indexes == list(range(indexes[0], indexes[0] + len(indexes)))
    if len(days) >= 3 and consecutive:
        return f"{_PLURAL[days[0]]} through {_PLURAL[days[-1]]}"
    names = [_PLURAL[d] for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe_time(value: dt.time) -> str:
    """Render a local time in 12-hour form: '3:30pm', '2pm', 'noon', 'midnight'.

    >>> describe_time(dt.time(19, 30)), describe_time(dt.time(12, 0)), describe_time(dt.time(9))
    ('7:30pm', 'noon', '9am')
    """
    if value == dt.time(12, 0):
        return "noon"
    if value == dt.time(0, 0):
        return "midnight"
    hour = value.hour % 12 or 12
    clock = f"{hour}:{value.minute:02d}" if value.minute else str(hour)
    return clock + ("pm" if value.hour >= 12 else "am")


def _describe_slot(airtime: Airtime) -> str:
    if airtime.end is None:
        return describe_time(airtime.time)
    return f"{describe_time(airtime.time)}-{describe_time(airtime.end)}"


def describe(schedule: Schedule) -> str:
    """Render a schedule back to one sentence; ``parse_airtimes`` reads it back to the same slots.

    >>> describe(parse_airtimes("Broadcast: Wednesdays at 8:35am & 7pm", "America/Chicago"))
    'Wednesdays at 8:35am and 7pm (America/Chicago)'
    """
    groups: dict[tuple[str, ...], list[str]] = {}
    for airtime in schedule.airtimes:
        groups.setdefault(airtime.days, []).append(_describe_slot(airtime))
    clauses = []
    for days, slots in groups.items():
        joined = slots[0] if len(slots) == 1 else ", ".join(slots[:-1]) + " and " + slots[-1]
        clauses.append(f"{describe_days(days)} at {joined}")
    sentence = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + ", and " + clauses[-1]
    return f"{sentence} ({schedule.timezone})" if schedule.timezone else sentence


# --- airings --------------------------------------------------------------------------------


def next_airings(schedule: Schedule, after: dt.datetime, count: int) -> list[dt.datetime]:
    """List the next ``count`` airings strictly after ``after``, in the show's time zone.

    Local wall-clock times hold across daylight-saving changes. A time that does not exist on the
    day clocks go forward airs at the same instant the wall clock shows after the jump (2:30 becomes
    3:30); a time that happens twice on the day they go back airs at the first one.

    >>> s = parse_airtimes("Saturdays at 2:00pm", "America/Los_Angeles")
    >>> [a.isoformat() for a in next_airings(s, dt.datetime(2026, 10, 30, tzinfo=dt.UTC), 2)]
    ['2026-10-31T14:00:00-07:00', '2026-11-07T14:00:00-08:00']
    """
    if after.tzinfo is None:
        raise ScheduleError("next airings need a time-zone-aware instant")
    if schedule.timezone is None:
        raise ScheduleError(
            f"no time zone for the airtimes {schedule.text or describe(schedule)!r}"
        )
    if count <= 0 or not schedule.airtimes:
        return []
    zone = check_timezone(schedule.timezone)
    day = after.astimezone(zone).date() - dt.timedelta(days=1)
    found: list[dt.datetime] = []
    # Each week holds at least one airing, so count weeks (plus one) always suffice.
    for _ in range(7 * (count + 1)):
        code = DAYS[day.weekday()]
        for airtime in schedule.airtimes:
            if code in airtime.days:
                local = dt.datetime.combine(day, airtime.time, tzinfo=zone)
                real = local.astimezone(dt.UTC).astimezone(zone)  # settles gaps and folds
                if real > after:
                    found.append(real)
        if len(found) >= count and day > after.astimezone(zone).date():
            break
        day += dt.timedelta(days=1)
    found = sorted(set(found))
    return found[:count]


def airing_on(schedule: Schedule, day: dt.date) -> dt.datetime | None:
    """Return the first airing on ``day`` in the show's zone, or None when the show is off then."""
    if schedule.timezone is None:
        return None
    zone = check_timezone(schedule.timezone)
    code = DAYS[day.weekday()]
    times = sorted(a.time for a in schedule.airtimes if code in a.days)
    if not times:
        return None
    local = dt.datetime.combine(day, times[0], tzinfo=zone)
    return local.astimezone(dt.UTC).astimezone(zone)
