"""Write a segment's chapters as a Podcasting 2.0 JSON chapters file (version 1.2.0).

Keys appear in a fixed order (the order of the spec's examples) so that rebuilds are
byte-identical; an ``endTime`` is written only when known, never invented. A chapter's ``url`` and
``img`` are http(s), or relative and resolved against the show's ``base_url``; anything else
(``javascript:``, ``data:``, ``file:``) is refused naming the chapter's key (``segments.urls``).
"""

from __future__ import annotations

import json

from feeds.sanitize import plain_text
from segments.errors import FeedError, SegcastError
from segments.model import Segment
from segments.urls import check_url, resolve_url

#: JSON chapters version written (podcastindex-org/podcast-namespace, docs/json-chapters.md).
CHAPTERS_VERSION = "1.2.0"


def _number(seconds: float) -> int | float:
    """Return whole seconds as an int (``0``, like the spec's examples), others to the ms."""
    rounded = round(seconds, 3)
    return int(rounded) if rounded == int(rounded) else rounded


def _chapter_url(value: str, key: str, base_url: str | None, slug: str) -> str:
    """Return a chapter's ``url``/``img`` as published: checked, then made absolute."""
    try:
        url = check_url(value, path=f"segment {slug}", key=key, allow_relative=bool(base_url))
    except SegcastError as exc:
        raise FeedError(exc.message, exc.where) from exc
    return resolve_url(url, base_url)


def chapters_json(segment: Segment, base_url: str | None = None) -> str | None:
    """Return the JSON chapters file for ``segment``, or None when it has no chapters.

    ``base_url`` (the show's) resolves relative chapter URLs; without it only absolute http(s)
    URLs are accepted. Raises FeedError for a URL that may not be published.
    """
    if not segment.chapters:
        return None
    title = plain_text(segment.title)
    document: dict[str, object] = {"version": CHAPTERS_VERSION, "title": title}
    if segment.show and segment.show.title:
        document["podcastName"] = plain_text(segment.show.title)
    chapters = []
    numbered = sorted(enumerate(segment.chapters), key=lambda pair: pair[1].start_seconds)
    for index, chapter in numbered:
        entry: dict[str, object] = {"startTime": _number(chapter.start_seconds)}
        if chapter.end_seconds is not None:
            entry["endTime"] = _number(chapter.end_seconds)
        entry["title"] = plain_text(chapter.title)  # players may show it as HTML
        # Players show the image and open the link: never javascript:, data: or file:.
        if chapter.image is not None:
            key = f"chapters[{index}].image"
            entry["img"] = _chapter_url(chapter.image, key, base_url, segment.slug)
        if chapter.url is not None:
            key = f"chapters[{index}].url"
            entry["url"] = _chapter_url(chapter.url, key, base_url, segment.slug)
        chapters.append(entry)
    document["chapters"] = chapters
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
