"""The JSON form of a segment: the contract scripts and checks rely on (issue 2, item 5).

The contract keys are ``title``, ``summary``, ``published``, ``show``, ``people``, ``images``,
``audio`` and ``transcript``, shaped as below; every other key is an extra (welcome, but a
script should not depend on it). Unknown values are ``null``; lists are never ``null``.
"""

from __future__ import annotations

from typing import Any

from segments.model import AudioRef, Chapter, Section, Segment, Show
from segments.timecode import format_timecode

#: The keys the contract promises, in order; the extras follow them.
CONTRACT_KEYS: tuple[str, ...] = (
    "title",
    "summary",
    "published",
    "show",
    "people",
    "images",
    "audio",
    "transcript",
)


def segment_to_json(segment: Segment) -> dict[str, Any]:
    """Return ``segment`` as the JSON-ready dict of the contract, extras after it."""
    return {
        "title": segment.title,
        "summary": segment.summary,
        "published": segment.published.isoformat() if segment.published else None,
        "show": show_to_json(segment.show),
        "people": [{"name": p.name, "role": p.role} for p in segment.people],
        "images": [
            {"caption": i.caption, "credit": i.credit, "url": i.url} for i in segment.images
        ],
        "audio": audio_to_json(segment.audio) if segment.audio else None,
        "transcript": [section_to_json(s) for s in segment.transcript],
        # Extras.
        "slug": segment.slug,
        "guid": segment.guid,
        "link": segment.link,
        "language": segment.language,
        "source": (
            {
                "path": segment.source.path,
                "url": segment.source.url,
                "kind": segment.source.kind,
            }
            if segment.source
            else None
        ),
        "chapters": [chapter_to_json(c) for c in segment.chapters],
        "show_notes": segment.show_notes,
    }


def show_to_json(show: Show | None) -> dict[str, Any]:
    """Return what the page said of its show; all null when it said nothing."""
    schedule = show.schedule if show else None
    return {
        "tagline": show.tagline if show else None,
        "hosts": list(show.hosts) if show else [],
        "category": show.category if show else None,
        "airtimes": [
            {"days": list(a.days), "time": f"{a.time:%H:%M}"}
            | ({"end": f"{a.end:%H:%M}"} if a.end else {})
            for a in (schedule.airtimes if schedule else [])
        ],
        "airtimes_text": schedule.text if schedule else None,
        # Extras.
        "title": show.title if show else None,
        "timezone": schedule.timezone if schedule else None,
    }


def audio_to_json(audio: AudioRef) -> dict[str, Any]:
    """Return an audio reference (the local path, if any, as the extra ``path``)."""
    return {
        "label": audio.label,
        "url": audio.url,
        "size_bytes": audio.size_bytes,
        "size_is_estimate": audio.size_is_estimate,
        "mime_type": audio.mime_type,
        "duration_seconds": audio.duration_seconds,
        # Extras.
        "path": str(audio.path) if audio.path is not None else None,
    }


def section_to_json(section: Section) -> dict[str, Any]:
    """Return one transcript section."""
    return {
        "heading": section.heading,
        "question": section.question,
        "speaker": section.speaker,
        "paragraphs": list(section.paragraphs),
        # Extras.
        "questioner": section.questioner,
        "start_seconds": section.start_seconds,
        "end_seconds": section.end_seconds,
    }


def chapter_to_json(chapter: Chapter) -> dict[str, Any]:
    """Return one chapter, with its start also as a timecode for people reading the JSON."""
    return {
        "start_seconds": chapter.start_seconds,
        "start": format_timecode(chapter.start_seconds, trim=True),
        "title": chapter.title,
        "end_seconds": chapter.end_seconds,
        "url": chapter.url,
    }
