"""The JSON form: exactly the contract's keys and shapes, extras after them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from segments.jsonform import CONTRACT_KEYS, segment_to_json
from segments.model import AudioRef, Chapter, Image, Person, Section, Segment, Show, Source
from segments.schedule import Airtime, Schedule


def test_segment_json_matches_the_contract() -> None:
    segment = Segment(
        slug="lovesong",
        title="'Lovesong'",
        summary="One.\n\nTwo.",
        published=dt.datetime(2016, 4, 5, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7))),
        people=[Person("So Yong Kim", "guest", href="https://x"), Person("John Horn", "host")],
        images=[Image("https://i/a.jpg", "Caption “A”", "Larry Busacca/Getty Images")],
        audio=AudioRef(
            path=Path("a.mp3"),
            label="Download this story",
            size_bytes=2_000_000,
            size_is_estimate=True,
            mime_type="audio/mpeg",
        ),
        transcript=[
            Section(["p1", "p2"], heading="Getting into filmmaking", speaker="So Yong Kim"),
            Section(["a"], question="Why?", questioner="James Kim", start_seconds=1.5),
        ],
        chapters=[Chapter(83.5, "Inspiration")],
        source=Source(path="pages/a.txt", kind="text"),
        show=Show(
            title="The Frame",
            tagline="Movies.",
            hosts=["John Horn"],
            category="Arts & Entertainment",
            schedule=Schedule(
                [
                    Airtime(("MO", "TU", "WE", "TH", "FR"), dt.time(15, 30)),
                    Airtime(("SA",), dt.time(14, 0), dt.time(15, 0)),
                ],
                timezone="America/Los_Angeles",
                text="Airs Weekdays at 3:30pm",
            ),
        ),
    )
    data = segment_to_json(segment)
    assert list(data)[: len(CONTRACT_KEYS)] == list(CONTRACT_KEYS)
    assert data == {
        "title": "'Lovesong'",
        "summary": "One.\n\nTwo.",
        "published": "2016-04-05T10:30:00-07:00",
        "show": {
            "tagline": "Movies.",
            "hosts": ["John Horn"],
            "category": "Arts & Entertainment",
            "airtimes": [
                {"days": ["MO", "TU", "WE", "TH", "FR"], "time": "15:30"},
                {"days": ["SA"], "time": "14:00", "end": "15:00"},
            ],
            "airtimes_text": "Airs Weekdays at 3:30pm",
            "title": "The Frame",
            "timezone": "America/Los_Angeles",
        },
        "people": [{"name": "So Yong Kim", "role": "guest"}, {"name": "John Horn", "role": "host"}],
        "images": [
            {
                "caption": "Caption “A”",
                "credit": "Larry Busacca/Getty Images",
                "url": "https://i/a.jpg",
            }
        ],
        "audio": {
            "label": "Download this story",
            "url": None,
            "size_bytes": 2000000,
            "size_is_estimate": True,
            "mime_type": "audio/mpeg",
            "duration_seconds": None,
            "path": "a.mp3",
        },
        "transcript": [
            {
                "heading": "Getting into filmmaking",
                "question": None,
                "speaker": "So Yong Kim",
                "paragraphs": ["p1", "p2"],
                "questioner": None,
                "start_seconds": None,
                "end_seconds": None,
            },
            {
                "heading": None,
                "question": "Why?",
                "speaker": None,
                "paragraphs": ["a"],
                "questioner": "James Kim",
                "start_seconds": 1.5,
                "end_seconds": None,
            },
        ],
        "slug": "lovesong",
        "guid": None,
        "link": None,
        "language": None,
        "source": {"path": "pages/a.txt", "url": None, "kind": "text"},
        "chapters": [
            {
                "start_seconds": 83.5,
                "start": "00:01:23.500",
                "title": "Inspiration",
                "end_seconds": None,
                "url": None,
            }
        ],
        "show_notes": None,
    }
    json.dumps(data)  # every value is JSON-ready


def test_unknowns_are_null_and_lists_never_null() -> None:
    data = segment_to_json(Segment(slug="x", title="T", published=dt.date(2024, 12, 24)))
    assert data["published"] == "2024-12-24"
    assert (data["summary"], data["audio"]) == (None, None)
    assert (data["people"], data["images"], data["transcript"]) == ([], [], [])
    assert data["show"] == {
        "tagline": None,
        "hosts": [],
        "category": None,
        "airtimes": [],
        "airtimes_text": None,
        "title": None,
        "timezone": None,
    }
