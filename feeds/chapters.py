"""Write a segment's chapters as a Podcasting 2.0 JSON chapters file (version 1.2.0).

Keys appear in a fixed order (the order of the spec's examples) so that rebuilds are
byte-identical; an ``endTime`` is written only when known, never invented.
"""

from __future__ import annotations

import json

from feeds.shownotes import is_web_url
from segments.model import Segment

#: JSON chapters version written (podcastindex-org/podcast-namespace, docs/json-chapters.md).
CHAPTERS_VERSION = "1.2.0"


def _number(seconds: float) -> int | float:
    """Return whole seconds as an int (``0``, like the spec's examples), others to the ms."""
    rounded = round(seconds, 3)
    return int(rounded) if rounded == int(rounded) else rounded


def chapters_json(segment: Segment) -> str | None:
    """Return the JSON chapters file for ``segment``, or None when it has no chapters."""
    if not segment.chapters:
        return None
    document: dict[str, object] = {"version": CHAPTERS_VERSION, "title": segment.title}
    if segment.show and segment.show.title:
        document["podcastName"] = segment.show.title
    chapters = []
    for chapter in sorted(segment.chapters, key=lambda c: c.start_seconds):
        entry: dict[str, object] = {"startTime": _number(chapter.start_seconds)}
        if chapter.end_seconds is not None:
            entry["endTime"] = _number(chapter.end_seconds)
        entry["title"] = chapter.title
        # Only web URLs: players show the image and open the link (never javascript: or data:).
        if is_web_url(chapter.image):
            entry["img"] = chapter.image
        if is_web_url(chapter.url):
            entry["url"] = chapter.url
        chapters.append(entry)
    document["chapters"] = chapters
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
