"""Rules for show notes: description size and HTML, and the chapter lines Spotify reads from them.

Sources: Apple Podcasts requirements (https://podcasters.apple.com/support/823-podcast-requirements)
for the 4000-byte limit and the allowed tags, and Spotify's help on chapters from timestamps in
the episode description (https://support.spotifyforpodcasters.com/hc/en-us/articles/360043932711).
"""

from __future__ import annotations

import html
import itertools
import re

from lxml import etree

from feeds.shownotes import DESCRIPTION_MAX_BYTES
from feeds.validate.common import APPLE, Places, Report, Rule, qname
from segments.timecode import parse_timecode

RULES = (
    Rule(
        "description-too-long",
        "error",
        "<{tag}> is {size} bytes; at most 4000",
        f"{APPLE}: descriptions are at most 4000 bytes",
    ),
    Rule(
        "description-html-not-allowed",
        "warning",
        "<{tag}> uses HTML tags Apple does not allow: {tags}",
        f"{APPLE}: descriptions may use only <p> <ol> <ul> <li> <a>",
    ),
    Rule(
        "description-html-double-escaped",
        "warning",
        "<{tag}> contains escaped markup such as {sample}; listeners see the tags as text",
        "Field experience (issue trackers): HTML escaped twice shows up as literal tags",
    ),
    Rule(
        "description-chapters-not-from-zero",
        "warning",
        "the chapter lines in <description> start at {first}, not 00:00",
        "Spotify: timestamps in the episode description become chapters only when the "
        "first is 00:00",
    ),
    Rule(
        "description-chapters-not-ascending",
        "warning",
        "chapter line {time} in <description> is not after the one before it",
        "Spotify: chapter timestamps in the description must be in ascending order",
    ),
    Rule(
        "description-chapters-too-few",
        "info",
        "<description> has {count} chapter line(s); Spotify needs at least 3",
        "Spotify: at least three timestamps are needed to make chapters",
    ),
)

#: Apple's allowed HTML in descriptions.
DESCRIPTION_TAGS = frozenset({"p", "ol", "ul", "li", "a"})

# A time followed by am/pm ("7:30pm: doors open") is a time of day in prose, not a chapter.
_CHAPTER_LINE = re.compile(
    r"\(?((?:\d{1,2}:)?\d{1,2}:\d{2})\)?(?!\s*[ap]\.?m\b)(?=[\s\-–—:]*\S)", re.IGNORECASE
)
_LINE_BREAK = re.compile(r"<\s*br\s*/?\s*>|<\s*/\s*(?:p|li|div|h\d)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)[^<>]*>")


def chapter_lines(description: str) -> list[tuple[str, int]]:
    """Return the ``(timestamp, seconds)`` of each description line that starts with a timestamp.

    >>> chapter_lines("<p>(00:00) Intro</p><p>(01:30) News</p>Talk at 3:00 here<br>1:02:03 End")
    [('00:00', 0), ('01:30', 90), ('1:02:03', 3723)]
    """
    text = html.unescape(_TAG.sub("", _LINE_BREAK.sub("\n", description)))
    found: list[tuple[str, int]] = []
    for line in text.splitlines():
        m = _CHAPTER_LINE.match(line.strip())
        if m:
            try:
                seconds = parse_timecode(m.group(1))
            except ValueError:  # "(0:75)" is no time
                continue
            found.append((m.group(1), int(seconds)))
    return found


def _markup(el: etree._Element) -> str:
    """Return an element's content as the HTML an app sees, also when tags are not escaped."""
    parts = [el.text or ""]
    for child in el:
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts).strip()


def check_description(
    el: etree._Element, places: Places, report: Report, *, chapters: bool
) -> None:
    """Check a channel or item description; with ``chapters``, also its chapter lines."""
    text = _markup(el)
    where = places.of(el)
    tag = qname(el)
    size = len(text.encode("utf-8"))
    if size > DESCRIPTION_MAX_BYTES:
        report.add("description-too-long", where, tag=tag, size=size)
    used = {m.group(1).lower() for m in _TAG.finditer(text)}
    extra = sorted(used - DESCRIPTION_TAGS)
    if extra:
        report.add(
            "description-html-not-allowed", where, tag=tag, tags=" ".join(f"<{t}>" for t in extra)
        )
    escaped = re.search(r"&lt;\s*/?\s*[A-Za-z][A-Za-z0-9]*[^&]{0,40}?&gt;", text)
    if escaped:
        report.add("description-html-double-escaped", where, tag=tag, sample=escaped.group(0))
    if chapters:
        lines = chapter_lines(text)
        if lines:
            if lines[0][1] != 0:
                report.add("description-chapters-not-from-zero", where, first=lines[0][0])
            for (_, before), (stamp, seconds) in itertools.pairwise(lines):
                if seconds <= before:
                    report.add("description-chapters-not-ascending", where, time=stamp)
            if len(lines) < 3:
                report.add("description-chapters-too-few", where, count=len(lines))
