"""Episode state: drafts never published, scheduled episodes held until their moment, the not
ready skipped with a warning while the rest is published.

Every check reads what the build published: the feed (feedparser, podcastparser), the files of
OUT byte by byte (no scheduled GUID or slug anywhere), and the segment files.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import segcast.build.release
from segcast.build import BuildReport, Episode, run_build, run_feed
from segments.errors import InputError
from segments.segmentfile import read_segment
from tests.feeds.feedcheck import parse_feed, write_audio
from tests.segcast.showdir import make_show

#: The build's moment in these tests, and a moment after the scheduled episode's.
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 12, 10, 12, 0, tzinfo=dt.UTC)
#: The scheduled episode's moment (between NOW and LATER).
AT = "2026-12-05T09:00:00+00:00"

SEGMENTS = {
    "aired": "---\ntitle: Aired\npublished: 2016-04-05\n---\nOn the air.\n",
    "draft": "---\ntitle: Draft\nstatus: draft\npublished: 2016-04-06\n---\nNot yet.\n",
    "later": f"""\
---
title: Later
published: '{AT}'
chapters:
- start: '00:00:00'
  title: Start
---
Coming soon.

## Transcript

[00:00:00 - 00:00:01]

**John Horn:** Soon.
""",
    "silent": "---\ntitle: Silent\npublished: 2016-04-07\n---\nNo audio yet.\n",
}
DURATIONS = {"aired": 1.0, "draft": 1.0, "later": 1.0}
GUID = re.compile(r"^guid: (\S+)$", re.MULTILINE)


def stored_guid(show: Path, slug: str) -> str | None:
    match = GUID.search((show / "segments" / f"{slug}.md").read_text(encoding="utf-8"))
    return match.group(1) if match else None


def out_bytes(out: Path) -> dict[str, bytes]:
    """Return every file under OUT (relative name -> bytes)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def build(show: Path, out: Path, now: dt.datetime, **options: bool) -> BuildReport:
    report = run_build(show, out, environ={}, now=now, **options)
    assert report.problems == [], report.problems
    return report


@pytest.fixture
def show(tmp_path: Path) -> Path:
    return make_show(tmp_path, SEGMENTS, durations=DURATIONS)


def test_drafts_and_scheduled_stay_out_and_the_unready_are_skipped(
    show: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    draft_before = (show / "segments" / "draft.md").read_bytes()
    report = build(show, out, NOW)

    feed = parse_feed((out / "feed.xml").read_bytes())
    assert [e.title for e in feed.fp.entries] == ["Aired"]
    assert [e["title"] for e in feed.pp["episodes"]] == ["Aired"]
    assert report.released == ["aired"]
    assert report.drafts == ["draft"]
    assert report.scheduled == {"later": dt.datetime.fromisoformat(AT)}
    silent = show / "segments" / "silent.md"
    missing = "no audio: no recording raw/silent.*, no file audio/silent.* and no audio URL"
    assert report.not_ready == {"silent": missing}
    assert [str(w) for w in report.warnings] == [f"{silent}: not published: {missing}"]

    # The scheduled episode's GUID is assigned and stored by its first build ...
    guid = stored_guid(show, "later")
    assert guid is not None
    # ... but nothing of it is in OUT: no feed item, page, transcript, chapters or audio.
    for name, data in out_bytes(out).items():
        assert guid.encode() not in data, name
        assert b"later" not in data.lower(), name
        assert "later" not in name, name
    # The draft is left as written: no GUID, no date, nothing published.
    assert (show / "segments" / "draft.md").read_bytes() == draft_before
    assert not any("draft" in name for name in out_bytes(out))
    # lastBuildDate is the newest published episode's, never in the future.
    last_build = dt.datetime(*feed.fp.feed.updated_parsed[:6], tzinfo=dt.UTC)
    assert last_build <= NOW


def test_the_first_build_after_its_moment_publishes_it_with_its_guid(
    show: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(show, out, NOW)
    guid = stored_guid(show, "later")
    report = build(show, out, LATER)
    assert report.scheduled == {}
    assert report.released == ["aired", "later"]
    feed = parse_feed((out / "feed.xml").read_bytes())
    assert [e.title for e in feed.fp.entries] == ["Later", "Aired"]
    assert feed.fp_entry(guid).title == "Later"
    assert {"later.mp3", "later.chapters.json", "later.transcript.vtt"} <= set(out_bytes(out))
    assert stored_guid(show, "later") == guid
    # Its pubDate is the moment the producer set, not the build's.
    entry = feed.fp_entry(guid)
    assert dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC) == dt.datetime.fromisoformat(AT)
    last_build = dt.datetime(*feed.fp.feed.updated_parsed[:6], tzinfo=dt.UTC)
    assert last_build == dt.datetime.fromisoformat(AT) <= LATER


def test_a_published_episode_made_a_draft_leaves_the_feed_and_keeps_its_guid(
    show: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(show, out, NOW)
    guid = stored_guid(show, "aired")
    assert guid is not None
    path = show / "segments" / "aired.md"
    path.write_text(path.read_text().replace("title: Aired", "title: Aired\nstatus: draft"))
    (show / "segments" / "silent.md").unlink()
    report = build(show, out, NOW)
    assert report.drafts == ["aired", "draft"]
    # What the producer asked for: a feed with no episode yet, nothing of the draft in OUT.
    assert parse_feed((out / "feed.xml").read_bytes()).fp.entries == []
    assert not any(guid.encode() in data for data in out_bytes(out).values())
    path.write_text(path.read_text().replace("status: draft", "status: published"))
    build(show, out, NOW)
    assert read_segment(path).guid == guid
    assert parse_feed((out / "feed.xml").read_bytes()).fp_entry(guid).title == "Aired"


def test_scheduled_status_needs_a_date(show: Path, tmp_path: Path) -> None:
    (show / "segments" / "undated.md").write_text("---\ntitle: Undated\nstatus: scheduled\n---\n")
    write_audio(show / "audio" / "undated.mp3", 1.0)
    report = build(show, tmp_path / "out", NOW)
    message = "status scheduled but no published date (front matter key 'published')"
    assert report.not_ready["undated"] == message
    assert f"{show / 'segments' / 'undated.md'}: not published: {message}" in map(
        str, report.warnings
    )
    assert read_segment(show / "segments" / "undated.md").published is None  # never dated


def test_nothing_ready_publishes_nothing(tmp_path: Path) -> None:
    show = make_show(tmp_path, {"silent": SEGMENTS["silent"]}, durations={})
    report = run_build(show, tmp_path / "out", environ={}, now=NOW)
    assert [str(p) for p in report.problems] == [
        f"{show}: no episode is ready (1 skipped, see the warnings); the previous feed stays"
    ]
    assert report.feed is None
    assert not (tmp_path / "out").exists()


def test_feed_build_holds_back_the_same_episodes(show: Path, tmp_path: Path) -> None:
    report = run_feed(show, tmp_path / "feed.xml", environ={}, now=NOW)
    assert report.problems == []
    feed = parse_feed((tmp_path / "feed.xml").read_bytes())
    assert [e.title for e in feed.fp.entries] == ["Aired"]
    assert (report.drafts, list(report.scheduled), list(report.not_ready)) == (
        ["draft"],
        ["later"],
        ["silent"],
    )
    assert not any("later" in p.name for p in tmp_path.iterdir())


def test_a_scheduled_guid_that_cannot_be_stored_is_a_problem(
    show: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ("later" has a producer's MP3, not a recording: no tag stage stores its GUID first.)
    def refuse(episode: Episode) -> bool:
        raise InputError("cannot store the GUID: read-only file system", episode.path)

    monkeypatch.setattr(segcast.build.release, "store_new_guid", refuse)
    report = run_build(show, tmp_path / "out", environ={}, now=NOW)
    later = show / "segments" / "later.md"
    assert [str(p) for p in report.problems] == [
        f"{later}: cannot store the GUID: read-only file system"
    ]
    assert report.released == ["aired"]  # the rest is published all the same
    assert stored_guid(show, "later") is None
