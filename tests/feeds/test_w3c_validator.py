"""The W3C Feed Validation Service's engine on our feeds (see tests/feeds/w3c.py to enable it)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO
from tests.feeds.w3c import w3c_events, w3c_problems

GOLDEN_FEED = REPO / "tests" / "feeds" / "golden" / "the-frame" / "feed.xml"
FEED_URL = "https://example.org/the-frame/feed.xml"


def test_the_golden_feed_passes_the_w3c_engine() -> None:
    assert w3c_problems(GOLDEN_FEED, FEED_URL) == []


def test_the_engine_is_really_judging(tmp_path: Path) -> None:
    # The control: the same feed with an RSS 2.0 mistake (a pubDate that is not RFC 822).
    broken = tmp_path / "feed.xml"
    text = GOLDEN_FEED.read_text(encoding="utf-8")
    assert "<lastBuildDate>" in text
    broken.write_text(
        text.replace("<lastBuildDate>", "<lastBuildDate>yesterday ", 1), encoding="utf-8"
    )
    events = w3c_events(broken, FEED_URL)
    assert [e["event"] for e in events if e.get("element") == "lastBuildDate"] == [
        "InvalidRFC2822Date"
    ]
