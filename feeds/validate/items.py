"""Rules for episodes: each item's title, guid, date, duration and episode numbering.

The enclosure has its own family (``enclosures``), the description too (``descriptions``).
Sources: Apple Podcasts requirements (https://podcasters.apple.com/support/823-podcast-requirements)
with its tag list (https://help.apple.com/itc/podcasts_connect/#/itcb54353390), and the RSS 2.0
specification's ``<guid>`` (https://www.rssboard.org/rss-specification).
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from feeds.validate.common import APPLE, Places, Report, Rule, is_url, it, qname, text
from feeds.validate.descriptions import check_description
from feeds.validate.enclosures import Seen, check_enclosure
from feeds.validate.values import check_date
from segments.timecode import parse_timecode

RULES = (
    Rule(
        "item-title-missing",
        "error",
        "the item has no <title>",
        f"{APPLE}: every episode needs a title",
    ),
    Rule(
        "item-title-episode-number",
        "info",
        'the title "{value}" contains an episode number ("{number}")',
        f"{APPLE}: do not put episode or season numbers in the title; use itunes:episode",
    ),
    Rule(
        "item-description-missing",
        "info",
        "the item has no <description>",
        f"{APPLE}: an episode description is recommended",
    ),
    Rule(
        "item-guid-missing",
        "warning",
        "the item's <guid> is {state}",
        f"{APPLE}: a permanent GUID keeps apps from re-downloading or duplicating episodes",
    ),
    Rule(
        "item-guid-duplicate",
        "error",
        'guid "{value}" is already used by {other}',
        "RSS 2.0 spec: a guid identifies one item; apps merge or drop duplicates",
    ),
    Rule(
        "item-guid-permalink-not-url",
        "warning",
        'guid "{value}" is not a URL but isPermaLink is {how}',
        'RSS 2.0 spec: isPermaLink defaults to true; a non-URL guid needs isPermaLink="false"',
    ),
    Rule(
        "item-pubdate-missing",
        "warning",
        "the item has no <pubDate>",
        f"{APPLE}: pubDate orders episodes and is recommended",
    ),
    Rule(
        "item-pubdate-future",
        "info",
        'pubDate "{value}" is in the future',
        f"{APPLE}: episodes dated in the future may be hidden until that date",
    ),
    Rule(
        "item-duration-missing",
        "info",
        "the item has no <itunes:duration>",
        f"{APPLE}: itunes:duration is recommended",
    ),
    Rule(
        "item-duration-fractional",
        "warning",
        'itunes:duration "{value}" has a fraction; write whole seconds',
        f"{APPLE}: itunes:duration is whole seconds (or HH:MM:SS)",
    ),
    Rule(
        "item-duration-invalid",
        "error",
        'itunes:duration "{value}" is neither whole seconds nor [HH:]MM:SS',
        f"{APPLE}: itunes:duration is whole seconds (or HH:MM:SS, MM:SS)",
    ),
    Rule(
        "item-episode-invalid",
        "error",
        '<{tag}> "{value}" is not a whole number above 0',
        f"{APPLE}: itunes:episode and itunes:season are integers greater than 0",
    ),
    Rule(
        "item-episode-missing-serial",
        "error",
        "the show is serial but the full episode has no <itunes:episode>",
        f"{APPLE}: serial shows need itunes:episode on every full episode (trailers and bonus "
        "episodes may go without)",
    ),
    Rule(
        "item-episode-type-invalid",
        "error",
        'itunes:episodeType is "{value}", not full, trailer or bonus',
        f"{APPLE}: itunes:episodeType takes full, trailer or bonus",
    ),
)

_DURATION_CLOCK = re.compile(r"(?:\d+:)?\d{1,2}:\d{2}")


def duration_problem(value: str) -> str | None:
    """Return the rule id an itunes:duration value breaks, or None if it is fine.

    >>> [duration_problem(v) for v in ("1805", "30:05", "1:05:20", "07:00")]
    [None, None, None, None]
    >>> [duration_problem(v) for v in ("1805.5", "1:05:20.5", "1:75:00", "abc", "")]
    ['item-duration-fractional', 'item-duration-fractional', 'item-duration-invalid', \
'item-duration-invalid', 'item-duration-invalid']
    """
    stripped = value.strip()
    if stripped.isdigit() and stripped.isascii():
        return None
    whole, dot, fraction = stripped.partition(".")
    if dot and fraction.isdigit() and duration_problem(whole) is None and whole:
        return "item-duration-fractional"
    if not _DURATION_CLOCK.fullmatch(stripped):
        return "item-duration-invalid"
    try:
        parse_timecode(stripped)  # "1:75:00": a unit after the first is 60 or more
    except ValueError:
        return "item-duration-invalid"
    return None


_EPISODE_NUMBER = re.compile(
    r"\b(?:episode|ep|folge|épisode|episodio)\.?\s*#?\s*\d+|#\s?\d+\b|\bS\d+\s?E\d+\b",
    re.IGNORECASE,
)


def episode_number_in_title(title: str) -> str | None:
    """Return the episode number a title contains, as written, or None.

    >>> episode_number_in_title("Episode 57: Rebel Rubes")
    'Episode 57'
    >>> episode_number_in_title("Wild Garbage #2 (with Jen Cownie)")
    '#2'
    >>> episode_number_in_title("18.03.2022 – Langsam gesprochene Nachrichten") is None
    True
    """
    m = _EPISODE_NUMBER.search(title)
    return m.group(0) if m else None


def check_items(channel: etree._Element, places: Places, report: Report, now: datetime) -> None:
    """Check every item in turn; enclosure URLs, lengths and guids must differ between items."""
    serial = text(channel.find(it("type"))) == "serial"
    seen = Seen()
    guids: dict[str, str] = {}
    for item in channel.findall("item"):
        here = places.of(item)
        title = text(item.find("title"))
        if not title:
            report.add("item-title-missing", here)
        else:
            number = episode_number_in_title(title)
            if number:
                report.add("item-title-episode-number", here + "/title", value=title, number=number)
        description = item.find("description")
        if description is None or not text(description):
            report.add("item-description-missing", here)
        else:
            check_description(description, places, report, chapters=True)
        check_enclosure(item, places, report, seen)
        _check_guid(item, places, report, guids)
        date = item.find("pubDate")
        if date is None:
            report.add("item-pubdate-missing", here)
        else:
            when = check_date(date, places, report)
            if when is not None and when > now:
                report.add("item-pubdate-future", places.of(date), value=text(date))
        duration = item.find(it("duration"))
        if duration is None:
            report.add("item-duration-missing", here)
        else:
            problem = duration_problem(text(duration) or "")
            if problem:
                report.add(problem, places.of(duration), value=text(duration))
        for tag in ("episode", "season"):
            el = item.find(it(tag))
            if el is not None and not re.fullmatch(r"0*[1-9]\d*", text(el) or ""):
                report.add("item-episode-invalid", places.of(el), tag=qname(el), value=text(el))
        episode_type = item.find(it("episodeType"))
        kind = (text(episode_type) or "full").lower()
        # Apple: trailers and bonus episodes may go without a number, in serial shows too.
        if serial and kind == "full" and item.find(it("episode")) is None:
            report.add("item-episode-missing-serial", here)
        if episode_type is not None and (text(episode_type) or "").lower() not in (
            "full",
            "trailer",
            "bonus",
        ):
            report.add(
                "item-episode-type-invalid", places.of(episode_type), value=text(episode_type)
            )


def _check_guid(item: etree._Element, places: Places, report: Report, seen: dict[str, str]) -> None:
    guid = item.find("guid")
    value = text(guid)
    if guid is None or not value:
        state = "missing" if guid is None else "empty"
        report.add("item-guid-missing", places.of(item), state=state)
        return
    where = places.of(guid)
    if value in seen:
        report.add("item-guid-duplicate", where, value=value, other=seen[value])
    else:
        seen[value] = places.labels[item]
    permalink = guid.get("isPermaLink")
    if (permalink is None or permalink.strip().lower() == "true") and not is_url(value):
        how = "true by default" if permalink is None else '"true"'
        report.add("item-guid-permalink-not-url", where, value=value, how=how)
