"""Write a segment's chapters as a Podcasting 2.0 JSON chapters file (version 1.2.0).

Keys appear in a fixed order (the order of the spec's examples) so that rebuilds are
byte-identical; an ``endTime`` is written only when known, never invented. A chapter's ``url`` and
``img`` are http(s), or relative and resolved against the show's ``base_url``; anything else
(``javascript:``, ``data:``, ``file:``) is refused naming the chapter's key (``segments.urls``).
"""

from __future__ import annotations

import json

from feeds.sanitize import plain_text
from feeds.validate.podcast import SOUNDBITE_SECONDS
from segments.errors import FeedError, SegcastError
from segments.model import Chapter, Segment, Soundbite
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


def soundbites_from_chapters(
    chapters: list[Chapter], duration_seconds: float | None
) -> list[Soundbite]:
    """Return a podcast:soundbite for each chapter long enough for one, from its start.

    A chapter ends at its ``end_seconds``, else at the next chapter's start, else (the last) at
    the episode's end; one whose end is not known is skipped, never guessed. A soundbite lasts
    the chapter, cut to the namespace's longest (120 s); a chapter shorter than the shortest
    (15 s) gives none.

    >>> marks = [Chapter(0, "In"), Chapter(10, "Ava"), Chapter(400, "X")]
    >>> bites = soundbites_from_chapters(marks, 430)
    >>> [(b.start_seconds, b.duration_seconds, b.title) for b in bites]
    [(10, 120.0, 'Ava'), (400, 30, 'X')]
    """
    if not chapters:
        return []
    shortest, longest = SOUNDBITE_SECONDS
    ordered = sorted(chapters, key=lambda chapter: chapter.start_seconds)
    starts = [chapter.start_seconds for chapter in ordered[1:]] + [duration_seconds]
    bites = []
    for chapter, next_start in zip(ordered, starts, strict=True):
        end = chapter.end_seconds if chapter.end_seconds is not None else next_start
        if end is None or end - chapter.start_seconds < shortest:
            continue
        length = min(end - chapter.start_seconds, longest)
        bites.append(Soundbite(chapter.start_seconds, length, chapter.title))
    return bites
