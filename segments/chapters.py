"""One chapter list per episode: the producer's, a chapters file's, or one made from the transcript.

Where chapters come from, first found wins (:func:`episode_chapters`):

1. ``chapters:`` in the segment file's front matter (the producer wrote them), as mappings
   ``{start, title, ...}`` or as lines ``"MM:SS Title"`` / ``"1:02:03 Title"`` / ``"95 Title"``
   (:func:`parse_chapter_line`);
2. a JSON chapters file given for the episode (``segments.timedtext.read_chapters_file``);
3. the timed transcript (:func:`chapters_from_sections`), by this rule:

   - topic headings when the transcript has any: each heading starts a chapter titled by it
     (the producer chose them: however short, they stay);
   - else questions: each question starts a candidate chapter titled by the question, and a
     candidate closer than :data:`MIN_CHAPTER_SECONDS` to the chapter before it joins that
     chapter (a chapter shorter than that is not worth a jump in a podcast app);
   - at most :data:`MAX_CHAPTERS` remain: while there are more, the shortest chapter joins the
     one before it (the first joins the next one);
   - the first chapter starts at 0 s when it starts within :data:`MIN_CHAPTER_SECONDS`; otherwise
     a chapter titled with the episode's title covers the opening;
   - fewer than two chapters is no chapter list at all.
"""

from __future__ import annotations

import re

from segments.model import Chapter, Section, Segment
from segments.timecode import parse_timecode

#: A chapter made from the transcript lasts at least this long (seconds).
MIN_CHAPTER_SECONDS = 60.0
#: At most this many chapters are made from a transcript (a 60-minute interview: one per 3 min).
MAX_CHAPTERS = 20
#: Longer questions are cut at a word boundary to make a chapter title of at most this many
#: characters (apps show about one line).
TITLE_CHARS = 80

_LINE = re.compile(r"^\s*(\d+(?::\d{1,2}){0,2}(?:[.,]\d+)?)\s+(?:[-–—]\s+)?(\S.*?)\s*$")


def parse_chapter_line(text: str) -> Chapter:
    """Read a chapter written as one line: a time, then the title.

    >>> parse_chapter_line("12:34 The middle part")
    Chapter(start_seconds=754.0, title='The middle part', end_seconds=None, url=None, image=None)
    >>> parse_chapter_line("95 - Credits").start_seconds
    95.0
    >>> parse_chapter_line("Credits")
    Traceback (most recent call last):
    ...
    ValueError: expected 'MM:SS Title' or 'SECONDS Title', got 'Credits'
    """
    match = _LINE.match(text)
    if not match:
        raise ValueError(f"expected 'MM:SS Title' or 'SECONDS Title', got {text!r}")
    return Chapter(start_seconds=parse_timecode(match[1]), title=match[2])


def _title(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    cut = text[: TITLE_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def chapters_from_sections(sections: list[Section], title: str | None = None) -> list[Chapter]:
    """Make chapters from timed sections' headings, else their questions (module docstring)."""
    timed = [s for s in sections if s.start_seconds is not None]
    if not timed or len(timed) < len(sections):
        return []
    use_headings = any(s.heading for s in timed)
    candidates = []
    for section in timed:
        label = section.heading if use_headings else section.question
        if label and section.start_seconds is not None:
            candidates.append(Chapter(start_seconds=section.start_seconds, title=_title(label)))
    end = max((s.end_seconds or s.start_seconds or 0.0) for s in timed)
    chapters: list[Chapter] = []
    for candidate in candidates:
        close = (
            chapters and candidate.start_seconds - chapters[-1].start_seconds < MIN_CHAPTER_SECONDS
        )
        if close and not use_headings:
            continue
        chapters.append(candidate)
    while len(chapters) > MAX_CHAPTERS:
        bounds = [c.start_seconds for c in chapters[1:]] + [end]
        lengths = [b - c.start_seconds for c, b in zip(chapters, bounds, strict=True)]
        shortest = min(range(len(chapters)), key=lambda i: lengths[i])
        del chapters[max(shortest, 1)]  # it joins the one before; the first takes in the next
    if not chapters:
        return []
    if chapters[0].start_seconds < MIN_CHAPTER_SECONDS:
        chapters[0].start_seconds = 0.0
    elif title:
        chapters.insert(0, Chapter(start_seconds=0.0, title=_title(title)))
    return chapters if len(chapters) >= 2 else []


def episode_chapters(segment: Segment, chapters_file: list[Chapter] | None = None) -> list[Chapter]:
    """Return the episode's one chapter list: front matter, else the file, else the transcript."""
    if segment.chapters:
        return list(segment.chapters)
    if chapters_file:
        return list(chapters_file)
    return chapters_from_sections(segment.transcript, segment.title)
