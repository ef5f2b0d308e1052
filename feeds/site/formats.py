"""Small, pure formatters for the site: sizes, durations, dates, links and embedded JSON.

Each is a table or a few lines with a doctest, so what a listener reads ("Download this episode
(4.7 MB)", "7:20", "Wednesday, December 2, 3:30pm PST") is pinned here once.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from segments.schedule import describe_time
from segments.timecode import format_clock
from segments.urls import is_published_url

#: Size units, decimal as podcast apps and station pages print them ("2MB" = 2,000,000 bytes).
SIZE_UNITS: tuple[tuple[int, str], ...] = (
    (1_000_000_000, "GB"),
    (1_000_000, "MB"),
    (1_000, "KB"),
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_size(length_bytes: int) -> str:
    """Format a byte count the way a download link states it: one decimal for MB and GB.

    >>> format_size(4_968_229), format_size(7_043_112), format_size(850_400), format_size(512)
    ('5.0 MB', '7.0 MB', '850 KB', '512 bytes')
    >>> format_size(999_999), format_size(1_234_567_890)
    ('1.0 MB', '1.2 GB')
    """
    for index, (unit, name) in enumerate(SIZE_UNITS):
        if length_bytes >= unit:
            digits = 0 if name == "KB" else 1
            value = round(length_bytes / unit, digits)
            if value >= 1000 and index > 0:  # 999,999 bytes is "1.0 MB", not "1000 KB"
                bigger, bigger_name = SIZE_UNITS[index - 1]
                return f"{length_bytes / bigger:.1f} {bigger_name}"
            return f"{value:.{digits}f} {name}"
    return f"{length_bytes} bytes"


def format_duration(seconds: float) -> str:
    """Format a duration as a clock: '7:20', '1:02:03' (whole seconds, rounded down).

    >>> format_duration(440.6), format_duration(3723)
    ('7:20', '1:02:03')
    """
    return format_clock(seconds)


def iso_duration(seconds: float) -> str:
    """Format a duration as ISO 8601 (HTML ``<time datetime>``, schema.org ``duration``).

    >>> iso_duration(440.6), iso_duration(3723), iso_duration(0)
    ('PT7M20S', 'PT1H2M3S', 'PT0S')
    """
    total = math.floor(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    parts += f"{secs}S" if secs or not parts else ""
    return "PT" + parts


def format_date(moment: datetime) -> str:
    """Format a day in English, in the moment's own time zone: 'November 27, 2024'.

    >>> from datetime import timezone, timedelta
    >>> format_date(datetime(2024, 11, 27, 15, 30, tzinfo=timezone(timedelta(hours=-8))))
    'November 27, 2024'
    """
    return f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}"


def format_airing(moment: datetime) -> str:
    """Format one airing with its weekday, day, time and zone: 'Wednesday, December 2, 3:30pm PST'.

    >>> from zoneinfo import ZoneInfo
    >>> format_airing(datetime(2026, 12, 2, 15, 30, tzinfo=ZoneInfo("America/Los_Angeles")))
    'Wednesday, December 2, 3:30pm PST'
    """
    day = f"{WEEKDAY_NAMES[moment.weekday()]}, {MONTHS[moment.month - 1]} {moment.day}"
    zone = moment.strftime("%Z")
    return f"{day}, {describe_time(moment.time())}" + (f" {zone}" if zone else "")


def zone_name(timezone: str) -> str:
    """Name an IANA zone as people say it: 'Los Angeles time'; 'UTC' stays as it is.

    >>> zone_name("America/Los_Angeles"), zone_name("UTC"), zone_name("America/Argentina/Salta")
    ('Los Angeles time', 'UTC', 'Salta time')
    """
    if "/" not in timezone:
        return timezone
    return timezone.rsplit("/", 1)[1].replace("_", " ") + " time"


def safe_url(url: str | None) -> str | None:
    """Return ``url`` when a page may use it (``segments.urls``: http(s), absolute), else None.

    The writers refuse other URLs before rendering (``feeds.rss.check_published``); this keeps
    a page safe all the same, and also refuses quotes and angle brackets.

    >>> safe_url("https://example.org/a.jpg"), safe_url("javascript:alert(1)")
    ('https://example.org/a.jpg', None)
    >>> safe_url(" JaVaScRiPt:x"), safe_url("https://x.org/a b"), safe_url('https://x.org/"')
    (None, None, None)
    >>> safe_url("//evil.example/x"), safe_url("data:text/html,x"), safe_url(None)
    (None, None, None)
    """
    if not url:
        return None
    url = url.strip()
    if not is_published_url(url):
        return None
    if any(ch in url for ch in "\"'<>`\\"):
        return None
    return url


def relative_url(url: str | None, base_url: str | None) -> str | None:
    """Return ``url`` relative to the publish folder when it lies under ``base_url``.

    A URL elsewhere stays absolute (when it is safe); one that would climb out of the folder, or
    a scheme other than http(s), gives None.

    >>> base = "https://example.org/the-frame/"
    >>> relative_url(base + "lovesong%20kim.mp3", base), relative_url(base, base)
    ('lovesong%20kim.mp3', None)
    >>> relative_url("https://cdn.example.net/a.mp3", base), relative_url(base + "../x.mp3", base)
    ('https://cdn.example.net/a.mp3', None)
    """
    absolute = safe_url(url)
    if absolute is None:
        return None
    if base_url and absolute.startswith(base_url):
        rest = absolute[len(base_url) :]
        path = urlsplit(rest).path
        if not rest or rest.startswith("/") or ".." in path.split("/") or ":" in path:
            return None
        return rest
    return absolute


def json_for_script(data: Any) -> str:
    """Serialise ``data`` as JSON that cannot end or confuse the ``<script>`` it is embedded in.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so neither ``</script>`` nor ``<!--`` can
    appear; the text stays valid JSON that parses back to ``data``.

    >>> print(json_for_script({"name": "</script> & <!--"}))
    {"name": "\\u003c/script\\u003e \\u0026 \\u003c!--"}
    """
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
