"""RFC 2822 dates ("Fri, 18 Mar 2022 09:46:00 GMT"): the one parser, for feeds and pages alike.

RSS 2.0 dates (``pubDate``, ``lastBuildDate``) are RFC 822 dates with four-digit years, i.e. the
date-time of RFC 2822 section 3.3; pages state them in ``<meta>`` tags too. The grammar is that
section's (weekday optional, seconds optional, a numeric zone or a named one); the named zones are
those RFC 2822 section 4.3 gives a meaning to. A zone name it does not define ("CET") still reads,
as a time whose offset is unknown: a naive datetime, which says the day but not the instant.

A feed must use the current syntax (the validator reads it so); a reader of other people's text
accepts the obsolete syntax too, as RFC 2822 section 4 requires of parsers (``obsolete=True``):
two- and three-digit years, one-digit hours, comments such as "(CET)".
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

MONTHS: tuple[str, ...] = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
#: Weekday names in ``datetime.weekday()`` order.
WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: Named zones with their offset in hours (RFC 2822 section 4.3; of the military ones only "Z").
ZONES: dict[str, int] = {
    "UT": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}
_RFC2822 = re.compile(
    r"(?:(?P<wd>[A-Za-z]{3}),\s*)?(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]{3})\s+(?P<y>\d{4})\s+"
    r"(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s+(?P<z>[+-]\d{4}|[A-Za-z]{1,5})"
)
#: The same with RFC 2822 section 4.3's obsolete forms (years of 2 or 3 digits, hours of one
#: digit, a trailing comment).
_OBSOLETE = re.compile(
    r"(?:(?P<wd>[A-Za-z]{3})\s*,\s*)?(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]{3})\s+(?P<y>\d{2,4})\s+"
    r"(?P<H>\d{1,2})\s*:\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?\s*(?P<z>[+-]\d{4}|[A-Za-z]{1,5})"
    r"(?:\s*\([^()]*\))?"
)


def parse_rfc2822(value: str, *, obsolete: bool = False) -> tuple[datetime, str | None] | None:
    """Parse an RFC 2822 date; return it and the weekday it names, or None if it is not one.

    The datetime is aware, except for a zone name RFC 2822 does not define (then it is naive).
    ``obsolete`` also accepts the obsolete syntax (section 4.3).

    >>> parse_rfc2822("Fri, 18 Mar 2022 09:46:00 GMT")[0].isoformat()
    '2022-03-18T09:46:00+00:00'
    >>> parse_rfc2822("Sat, 18 Mar 2022 09:46 -0700")[1]
    'Sat'
    >>> parse_rfc2822("18 Mar 2022 09:46:00 CET")[0].isoformat()
    '2022-03-18T09:46:00'
    >>> parse_rfc2822("2022-03-18T09:46:00Z") is None
    True
    >>> parse_rfc2822("Fri, 18 Mar 22 9:46:00 +0100 (CET)") is None
    True
    >>> parse_rfc2822("Fri, 18 Mar 22 9:46:00 +0100 (CET)", obsolete=True)[0].isoformat()
    '2022-03-18T09:46:00+01:00'
    """
    m = (_OBSOLETE if obsolete else _RFC2822).fullmatch(value.strip())
    if not m:
        return None
    weekday = m["wd"].title() if m["wd"] else None
    month = m["m"].title()
    zone = m["z"].upper()
    if (weekday and weekday not in WEEKDAYS) or month not in MONTHS:
        return None
    tz: timezone | None
    if zone[0] in "+-":
        hours, minutes = int(zone[1:3]), int(zone[3:5])
        if minutes > 59:
            return None
        tz = timezone(timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1))
    elif zone in ZONES:
        tz = timezone(timedelta(hours=ZONES[zone]))
    else:
        tz = None  # military zones other than Z carry no reliable meaning (RFC 2822 4.3)
    year = int(m["y"])
    if len(m["y"]) < 4:  # RFC 2822 4.3: 00-49 are 2000-2049, 50-99 and three digits add 1900
        year += 2000 if year < 50 and len(m["y"]) == 2 else 1900
    try:
        when = datetime(
            year,
            MONTHS.index(month) + 1,
            int(m["d"]),
            int(m["H"]),
            int(m["M"]),
            int(m["S"] or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None
    return when, weekday
