"""Rules for tag values checked wherever the tag stands: channel, items and live items alike.

``itunes:explicit``, ``itunes:image``, dates and the length of plain tag values. Sources: Apple
Podcasts requirements (https://podcasters.apple.com/support/823-podcast-requirements) and its tag
list (https://help.apple.com/itc/podcasts_connect/#/itcb54353390), the RSS 2.0 specification
(https://www.rssboard.org/rss-specification), RFC 2822 section 3.3 for dates
(https://www.rfc-editor.org/rfc/rfc2822#section-3.3).
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from feeds.validate.common import APPLE, CONTENT, ITUNES, Places, Report, Rule, it, qname, text
from segments.rfc2822 import WEEKDAYS, parse_rfc2822

RULES = (
    Rule(
        "image-href-invalid",
        "error",
        'itunes:image href "{href}" does not end in .jpg, .jpeg or .png',
        f"{APPLE}: artwork is JPEG or PNG and its URL ends in the matching extension",
    ),
    Rule(
        "explicit-deprecated",
        "warning",
        'itunes:explicit is "{value}"; write "true" or "false"',
        f"{APPLE}: yes/no/clean were replaced by true/false and current validators reject them",
    ),
    Rule(
        "explicit-invalid",
        "error",
        'itunes:explicit is "{value}", not "true" or "false"',
        f"{APPLE}: itunes:explicit takes true or false",
    ),
    Rule(
        "tag-value-too-long",
        "warning",
        "<{tag}> is {length} characters; at most 255",
        f"{APPLE}: tag values other than descriptions are at most 255 characters",
    ),
    Rule(
        "date-invalid",
        "error",
        '<{tag}> "{value}" is not an RFC 2822 date',
        'RSS 2.0 spec and Apple: dates are RFC 2822, like "Wed, 15 Jun 2016 09:30:00 -0700"',
    ),
    Rule(
        "date-weekday-wrong",
        "warning",
        '<{tag}> "{value}" says {given} but that date is a {actual}',
        "RFC 2822 section 3.3: the day of the week must match the date",
    ),
)

#: Apple: tag values other than descriptions are at most this many characters.
MAX_TAG_CHARS = 255

#: Elements whose long text is a description, not a "tag value".
_LONG_TEXT = frozenset({"description", f"{{{ITUNES}}}summary", f"{{{CONTENT}}}encoded"})


def check_date(el: etree._Element, places: Places, report: Report) -> datetime | None:
    """Check an RFC 2822 date element; return the date, or None when it is not one."""
    value = text(el) or ""
    parsed = parse_rfc2822(value)
    where = places.of(el)
    if parsed is None or parsed[0].tzinfo is None:  # a zone name RFC 2822 does not define
        report.add("date-invalid", where, tag=qname(el), value=value)
        return None
    when, weekday = parsed
    actual = WEEKDAYS[when.weekday()]
    if weekday and weekday != actual:
        report.add(
            "date-weekday-wrong", where, tag=qname(el), value=value, given=weekday, actual=actual
        )
    return when


def check_values(channel: etree._Element, places: Places, report: Report) -> None:
    """Check every itunes:explicit and itunes:image, the channel's dates and tag value lengths."""
    for el in channel.iter(it("explicit")):
        _check_explicit(el, places, report)
    for el in channel.iter(it("image")):
        _check_image(el, places, report)
    for tag in ("pubDate", "lastBuildDate"):
        for el in channel.findall(tag):
            check_date(el, places, report)
    for el in channel.iter(tag=etree.Element):
        parent = el.getparent()
        if (
            len(el) == 0
            and el.tag not in _LONG_TEXT
            and etree.QName(el).namespace in (None, ITUNES)
            and parent is not None
            and (parent is channel or parent.tag in ("item", it("owner")))
        ):
            length = len(text(el) or "")
            if length > MAX_TAG_CHARS:
                report.add("tag-value-too-long", places.of(el), tag=qname(el), length=length)


def _check_explicit(el: etree._Element, places: Places, report: Report) -> None:
    value = text(el) or ""
    if value.lower() in ("true", "false"):
        return
    if value.lower() in ("yes", "no", "clean"):
        report.add("explicit-deprecated", places.of(el), value=value)
    else:
        report.add("explicit-invalid", places.of(el), value=value)


def _check_image(el: etree._Element, places: Places, report: Report) -> None:
    href = (el.get("href") or "").strip()
    if not urlsplit(href).path.lower().endswith((".jpg", ".jpeg", ".png")):
        report.add("image-href-invalid", places.of(el), href=href)
