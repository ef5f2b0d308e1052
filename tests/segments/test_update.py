"""Updating a segment from its page again: who owns each key, and edits told by fingerprints."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from segments.model import AudioRef, Chapter, Person, Segment, Source
from segments.update import PAGE_KEYS, PRODUCER_KEYS, fingerprints, update_segment


def imported(**changes: object) -> Segment:
    """A segment as an import writes it: the page's keys, with their fingerprints."""
    segment = Segment(
        slug="lovesong",
        title="Lovesong",
        summary="A film.",
        people=[Person("So Yong Kim", "guest")],
        audio=AudioRef(label="Download", size_bytes=2_000_000, size_is_estimate=True),
        source=Source(path="pages/lovesong.txt", kind="text", sha256="a" * 64),
    )
    segment = dataclasses.replace(segment, **changes)  # type: ignore[arg-type]
    assert segment.source is not None
    segment.source = dataclasses.replace(segment.source, fingerprints=fingerprints(segment))
    return segment


def test_every_segment_field_has_one_owner() -> None:
    names = [f.name for f in dataclasses.fields(Segment)]
    assert sorted([*PAGE_KEYS, *PRODUCER_KEYS, "source"]) == sorted(names)
    assert not set(PAGE_KEYS) & set(PRODUCER_KEYS)


def test_the_producers_keys_stay_and_the_pages_keys_come_from_the_page() -> None:
    current = imported()
    current.guid = "6fbac70d-1036-48b7-9655-59ef6237368e"
    current.published = dt.date(2016, 4, 5)
    current.chapters = [Chapter(0.0, "Opening")]
    current.audio = AudioRef(url="https://media.example.org/l.mp3", size_bytes=4_968_229)
    current.raw = Path("raw/take-2.wav")
    page = imported(
        title="Lovesong (corrected)", summary="A quiet film.", slug="lovesong-corrected"
    )
    update = update_segment(current, page)
    merged = update.segment
    for name in ("slug", "guid", "published", "chapters", "audio", "raw"):
        assert getattr(merged, name) == getattr(current, name), name
    assert (merged.title, merged.summary) == ("Lovesong (corrected)", "A quiet film.")
    assert [c.key for c in update.changes] == ["title", "summary"]
    assert update.changes[0].before == "Lovesong" and update.kept == []


def test_an_estimated_audio_size_is_the_pages_and_gives_way() -> None:
    page = imported(audio=AudioRef(label="Download", size_bytes=3_000_000, size_is_estimate=True))
    assert update_segment(imported(), page).segment.audio == page.audio


def test_a_key_the_producer_edited_is_kept_and_reported_only_if_the_page_changed_it() -> None:
    current = imported()
    current.summary = "My own summary."
    unchanged_page = update_segment(current, imported())
    assert unchanged_page.segment.summary == "My own summary."
    assert (unchanged_page.changes, unchanged_page.kept) == ([], [])
    changed_page = update_segment(current, imported(summary="A new film."))
    assert changed_page.segment.summary == "My own summary."
    assert changed_page.kept == ["summary"]


def test_without_fingerprints_the_page_wins_its_keys() -> None:
    current = imported(summary="Edited before fingerprints existed.")
    assert current.source is not None
    current.source.fingerprints = {}
    assert update_segment(current, imported()).segment.summary == "A film."
