"""An ended podcast:liveItem gives way to the episode once that airing's segment is published.

The example show is built twice at the golden moment (Friday 4 December 2026, 3:45pm in Los
Angeles): before, Thursday's 3:30pm airing is an ended live item; after its segment is added
(published that day, so at that airtime), the feed has the episode instead, and the other live
items are as they were. Both feeds are read by feedparser and podcastparser and validated.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import feedparser
import podcastparser

from feeds.validate import validate_feed
from segcast.build import run_feed
from tests.feeds.feedcheck import NS, parse_feed
from tests.golden import EXAMPLE_SHOW, GOLDEN_NOW

THURSDAY = "2026-12-03T15:30:00-08:00"
SEGMENT = """\
---
guid: 0d9c5f3e-2f7b-4a55-9d1e-3b1f6f0a7c21
title: Thursday's interview
slug: thursday-interview
published: '2026-12-03'
audio:
  url: https://example.org/the-frame/thursday-interview.mp3
  size_bytes: 1234567
  mime_type: audio/mpeg
  duration_seconds: 300.0
---
What aired on Thursday at 3:30pm.
"""


def _live(data: bytes) -> list[tuple[str | None, str | None, str | None]]:
    found = parse_feed(data).root.findall("channel/podcast:liveItem", NS)
    return [(el.get("status"), el.get("start"), el.findtext("guid")) for el in found]


def test_an_ended_live_item_is_replaced_by_its_published_episode(tmp_path: Path) -> None:
    show = tmp_path / "the-frame"
    shutil.copytree(EXAMPLE_SHOW, show)
    feed = tmp_path / "public" / "feed.xml"
    assert run_feed(show, feed, now=GOLDEN_NOW, environ={}).problems == []
    before = feed.read_bytes()
    live_before = _live(before)
    ended = [item for item in live_before if item[1] == THURSDAY]
    assert [status for status, _, _ in ended] == ["ended"]

    (show / "segments" / "thursday-interview.md").write_text(SEGMENT, encoding="utf-8")
    assert run_feed(show, feed, now=GOLDEN_NOW, environ={}).problems == []
    after = feed.read_bytes()

    # That airing's live item is gone; every other one is unchanged (status, start, GUID).
    assert _live(after) == [item for item in live_before if item[1] != THURSDAY]
    # The episode took its place, at the airtime, with its own GUID (not the live item's).
    entries = feedparser.parse(after).entries
    episode = next(e for e in entries if e.title == "Thursday's interview")
    assert episode.published == "Thu, 03 Dec 2026 15:30:00 -0800"
    assert episode.id == "0d9c5f3e-2f7b-4a55-9d1e-3b1f6f0a7c21" != ended[0][2]
    assert len(entries) == len(feedparser.parse(before).entries) + 1
    titles = [e["title"] for e in podcastparser.parse("feed.xml", io.BytesIO(after))["episodes"]]
    assert "Thursday's interview" in titles
    assert validate_feed(after, "feed.xml", now=GOLDEN_NOW) == []
