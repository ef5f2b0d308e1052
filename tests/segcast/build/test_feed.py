from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from feeds.validate import validate_feed
from segcast.build import FeedResult, run_feed
from tests.feeds.feedcheck import NS, parse_feed, write_audio
from tests.segcast.showdir import DURATIONS, SEGMENTS, SHOW_TOML, make_show

BASE = "https://example.org/the-frame/"
GUID_LINE = re.compile(r"^guid: ([0-9a-f-]{36})$", re.MULTILINE)

#: A segment with a timed transcript and chapters, aired on a Saturday (2:00pm airtime).
TIMED = """\
---
title: A Saturday conversation
published: 2016-04-09
chapters:
- start: '00:00:00'
  title: Intro
- start: '00:00:02'
  title: The film
---
A chat.

## Transcript

[00:00:00 - 00:00:02]

**John Horn:** Welcome to the show.

[00:00:02 - 00:00:04]

**So Yong Kim:** Thank you for having me.
"""


def stored_guid(show_dir: Path, slug: str) -> str:
    match = GUID_LINE.search((show_dir / "segments" / f"{slug}.md").read_text(encoding="utf-8"))
    assert match, f"no GUID stored for {slug}"
    return match.group(1)


def build_feed(show_dir: Path, out: Path) -> FeedResult:
    report = run_feed(show_dir, out, environ={})
    assert report.problems == [], report.problems
    assert report.feed is not None
    return report.feed


def build(show_dir: Path, out: Path) -> bytes:
    build_feed(show_dir, out)
    return out.read_bytes()


def problems(show_dir: Path, out: Path) -> list[str]:
    """Return the problems of a build that must fail, and check it wrote no feed."""
    report = run_feed(show_dir, out, environ={})
    assert report.feed is None
    assert report.problems, "the build should have failed"
    return [str(problem) for problem in report.problems]


def test_build_from_show_folder(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path)
    out = tmp_path / "public" / "feed.xml"
    report = build_feed(show_dir, out)
    assert (report.episodes, report.new_guids) == (2, ["ghostbusters", "lovesong"])
    feed = parse_feed(out.read_bytes())
    assert [e.title for e in feed.fp.entries] == [
        "Paul Feig on the new Ghostbusters",
        "'Lovesong': So Yong Kim on an intimate film",
    ]
    for slug, seconds in DURATIONS.items():
        guid = stored_guid(show_dir, slug)
        audio = show_dir / "audio" / f"{slug}.mp3"
        [enclosure] = feed.pp_episode(guid)["enclosures"]
        assert enclosure == {
            "url": f"{BASE}{slug}.mp3",
            "file_size": audio.stat().st_size,
            "mime_type": "audio/mpeg",
        }
        assert feed.pp_episode(guid)["total_time"] == round(seconds)
        assert feed.fp_entry(guid).itunes_duration == str(round(seconds))
        assert feed.item(guid).find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
    lovesong = feed.fp_entry(stored_guid(show_dir, "lovesong"))
    # A date alone: the show's first airtime that Tuesday, Pacific daylight time.
    assert lovesong.published == "Tue, 05 Apr 2016 15:30:00 -0700"
    assert feed.fp_entry(stored_guid(show_dir, "ghostbusters")).published == (
        "Fri, 15 Jul 2016 19:30:00 -0700"
    )
    assert feed.root.findtext("channel/lastBuildDate") == "Fri, 15 Jul 2016 19:30:00 -0700"
    assert feed.pp["cover_url"] == BASE + "artwork.jpg"
    assert b'length="None"' not in out.read_bytes()


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2016-04-09", "Sat, 09 Apr 2016 14:00:00 -0700"),  # Saturday airtime
        ("2016-04-10", "Sun, 10 Apr 2016 12:00:00 -0700"),  # no airtime on Sundays: noon local
        ("2016-01-12", "Tue, 12 Jan 2016 15:30:00 -0800"),  # standard time in winter
        ("'2016-04-10T08:15:00+02:00'", "Sun, 10 Apr 2016 08:15:00 +0200"),  # as written
    ],
)
def test_pub_date_placement(tmp_path: Path, published: str, expected: str) -> None:
    text = f"---\ntitle: One\npublished: {published}\n---\n"
    show_dir = make_show(tmp_path, {"one": text}, durations={"one": 1.0})
    feed = parse_feed(build(show_dir, tmp_path / "feed.xml"))
    assert feed.fp.entries[0].published == expected


def test_transcripts_and_chapters_beside_the_feed(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path, {"timed": TIMED}, durations={"timed": 4.0})
    out = tmp_path / "public" / "feed.xml"
    report = build_feed(show_dir, out)
    names = sorted(p.name for p in report.files)
    assert names == [
        "timed.chapters.json",
        "timed.transcript.html",
        "timed.transcript.json",
        "timed.transcript.srt",
        "timed.transcript.vtt",
    ]
    assert all((out.parent / n).is_file() for n in names)
    feed = parse_feed(out.read_bytes())
    item = feed.items()[0]
    assert [
        (t.get("url"), t.get("type"), t.get("rel")) for t in item.findall("podcast:transcript", NS)
    ] == [
        (BASE + "timed.transcript.html", "text/html", None),
        (BASE + "timed.transcript.json", "application/json", None),
        (BASE + "timed.transcript.srt", "application/x-subrip", "captions"),
        (BASE + "timed.transcript.vtt", "text/vtt", "captions"),
    ]
    chapters = item.find("podcast:chapters", NS)
    assert chapters is not None and chapters.get("url") == BASE + "timed.chapters.json"
    assert feed.fp.entries[0].podcast_chapters["url"] == BASE + "timed.chapters.json"
    document = json.loads((out.parent / "timed.chapters.json").read_text(encoding="utf-8"))
    assert [(c["startTime"], c["title"]) for c in document["chapters"]] == [
        (0, "Intro"),
        (2, "The film"),
    ]
    assert (out.parent / "timed.transcript.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    assert feed.fp.entries[0].published == "Sat, 09 Apr 2016 14:00:00 -0700"


def test_untimed_transcript_gets_html_only(tmp_path: Path) -> None:
    text = "---\ntitle: One\npublished: 2016-04-05\n---\n\n## Transcript\n\n**A:** Hello.\n"
    show_dir = make_show(tmp_path, {"one": text}, durations={"one": 1.0})
    report = build_feed(show_dir, tmp_path / "feed.xml")
    assert [p.name for p in report.files] == ["one.transcript.html"]


def test_guids_stored_once_and_rebuilds_are_byte_identical(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path)
    first = build(show_dir, tmp_path / "a.xml")
    guids = {slug: stored_guid(show_dir, slug) for slug in SEGMENTS}
    segment_files = {p: p.read_bytes() for p in (show_dir / "segments").iterdir()}
    report = build_feed(show_dir, tmp_path / "b.xml")
    assert report.new_guids == []
    assert (tmp_path / "b.xml").read_bytes() == first
    assert {p: p.read_bytes() for p in (show_dir / "segments").iterdir()} == segment_files
    assert {slug: stored_guid(show_dir, slug) for slug in SEGMENTS} == guids
    # Storing the GUID keeps the producer's file as written, with one line added.
    text = (show_dir / "segments" / "lovesong.md").read_text(encoding="utf-8")
    assert text == SEGMENTS["lovesong"].replace("---\n", f"---\nguid: {guids['lovesong']}\n", 1)


def test_guids_survive_renames_of_title_slug_audio_url_and_base_url(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path)
    build(show_dir, tmp_path / "before.xml")
    before = parse_feed((tmp_path / "before.xml").read_bytes())
    guid_love, guid_ghost = stored_guid(show_dir, "lovesong"), stored_guid(show_dir, "ghostbusters")
    segments = show_dir / "segments"
    # Title and slug change: the file is renamed, its audio too.
    love = (segments / "lovesong.md").read_text(encoding="utf-8")
    love = love.replace("So Yong Kim on an intimate film", "a new title")
    (segments / "love-song.md").write_text(love, encoding="utf-8")
    (segments / "lovesong.md").unlink()
    (show_dir / "audio" / "lovesong.mp3").rename(show_dir / "audio" / "love-song.mp3")
    # Audio moves to another host: known by URL and exact size only.
    size = (show_dir / "audio" / "ghostbusters.mp3").stat().st_size
    (show_dir / "audio" / "ghostbusters.mp3").unlink()
    ghost = (segments / "ghostbusters.md").read_text(encoding="utf-8")
    ghost = ghost.replace(
        "people:",
        f"audio:\n  url: https://cdn.example.net/gb.mp3\n  size_bytes: {size}\n"
        "  duration_seconds: 5.0\npeople:",
    )
    (segments / "ghostbusters.md").write_text(ghost, encoding="utf-8")
    # And the base URL moves.
    toml = SHOW_TOML.replace(
        'base_url = "https://example.org/the-frame/"', 'base_url = "https://media.example.com/"'
    )
    (show_dir / "show.toml").write_text(toml, encoding="utf-8")

    report = build_feed(show_dir, tmp_path / "after.xml")
    assert report.new_guids == []
    after = parse_feed((tmp_path / "after.xml").read_bytes())
    assert (
        {e.id for e in after.fp.entries}
        == {e.id for e in before.fp.entries}
        == {
            guid_love,
            guid_ghost,
        }
    )
    assert after.fp_entry(guid_love).title == "'Lovesong': a new title"
    assert (
        after.pp_episode(guid_love)["enclosures"][0]["url"]
        == "https://media.example.com/love-song.mp3"
    )
    assert after.pp_episode(guid_ghost)["enclosures"][0] == {
        "url": "https://cdn.example.net/gb.mp3",
        "file_size": size,
        "mime_type": "audio/mpeg",
    }


def test_failed_build_leaves_previous_feed_and_segments(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path)
    out = tmp_path / "public" / "feed.xml"
    previous = build(show_dir, out)
    # A new segment (no GUID yet) and a second one whose audio has no exact size: the build
    # fails late.
    (show_dir / "segments" / "new.md").write_text("---\ntitle: New\npublished: 2016-08-01\n---\n")
    write_audio(show_dir / "audio" / "new.mp3", 1.0)
    (show_dir / "segments" / "zz-broken.md").write_text(
        "---\ntitle: Broken\npublished: 2016-08-02\naudio:\n  url: https://example.org/b.mp3\n---\n"
    )
    segment_files = {p: p.read_bytes() for p in (show_dir / "segments").iterdir()}
    listing = sorted(p.name for p in out.parent.iterdir())
    problems(show_dir, out)
    assert out.read_bytes() == previous
    assert sorted(p.name for p in out.parent.iterdir()) == listing  # no temp files left
    assert {p: p.read_bytes() for p in (show_dir / "segments").iterdir()} == segment_files


def test_failure_while_writing_leaves_previous_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show_dir = make_show(tmp_path)
    out = tmp_path / "public" / "feed.xml"
    previous = build(show_dir, out)
    (show_dir / "segments" / "new.md").write_text("---\ntitle: New\npublished: 2016-08-01\n---\n")
    write_audio(show_dir / "audio" / "new.mp3", 1.0)

    def full_disk(self: Path, data: bytes) -> int:
        self.open("wb").write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    assert any("No space left on device" in problem for problem in problems(show_dir, out))
    monkeypatch.undo()
    assert out.read_bytes() == previous
    assert sorted(p.name for p in out.parent.iterdir()) == ["feed.xml"]


@pytest.mark.parametrize(
    ("front", "files", "message"),
    [
        (
            "audio:\n  url: https://example.org/one.mp3\n  size_bytes: 2000000\n"
            "  size_is_estimate: true\n  label: Download this story 2MB\n",
            {},
            "no audio file audio/one.mp3 and no exact size for https://example.org/one.mp3 "
            "(only an estimate: Download this story 2MB); put the file there or state its exact "
            "size_bytes",
        ),
        (
            "audio:\n  url: https://example.org/one.mp3\n",
            {},
            "no audio file audio/one.mp3 and no exact size for https://example.org/one.mp3; "
            "put the file there or state its exact size_bytes",
        ),
        (
            "audio:\n  url: javascript:alert(1).mp3\n  size_bytes: 1000\n  mime_type: audio/mpeg\n",
            {},
            "audio.url: 'javascript:alert(1).mp3' is not an http(s) URL",
        ),
        ("audio:\n  path: audio/elsewhere.mp3\n", {}, "audio: no file at audio/elsewhere.mp3"),
        (
            "audio:\n  path: audio/café.mp3\n",
            {"café.mp3": 1.0},
            "audio file name 'café.mp3' must be ASCII (Apple's rule)",
        ),
    ],
)
def test_audio_errors_name_the_segment(
    tmp_path: Path, front: str, files: dict[str, float], message: str
) -> None:
    show_dir = make_show(
        tmp_path, {"one": f"---\ntitle: One\npublished: 2016-04-05\n{front}---\n"}, durations={}
    )
    for name, seconds in files.items():
        write_audio(show_dir / "audio" / name, seconds)
    (caught,) = problems(show_dir, tmp_path / "feed.xml")
    assert caught == f"{show_dir / 'segments' / 'one.md'}: {message}"
    assert not (tmp_path / "feed.xml").exists()


def test_feed_rule_errors_name_the_segment_file(tmp_path: Path) -> None:
    # The file is named differently from its slug: the error must name the file to edit.
    show_dir = make_show(
        tmp_path,
        {"take-2": "---\ntitle: One\nslug: one\npublished: 2016-04-05\n---\n"},
        toml=SHOW_TOML.replace('type = "episodic"', 'type = "serial"'),
        durations={"one": 1.0},
    )
    (caught,) = problems(show_dir, tmp_path / "feed.xml")
    assert caught == (
        f"{show_dir / 'segments' / 'take-2.md'}: "
        "a serial show needs an episode number on every episode"
    )


def test_transcript_errors_name_the_segment_file(tmp_path: Path) -> None:
    text = "---\ntitle: One\npublished: 2016-04-05\n---\nA chat.\n\n## Transcript\n\n"
    text += "[00:00:02 - 00:00:01]\n\n**Anna:** Hallo.\n"
    show_dir = make_show(tmp_path, {"one": text}, durations={"one": 3.0})
    (caught,) = problems(show_dir, tmp_path / "feed.xml")
    assert caught == (
        f"{show_dir / 'segments' / 'one.md'}: "
        "transcript section 1 has times 2.0..1.0: ends before it starts"
    )


def test_missing_date_is_the_first_publication_stored_like_the_guid(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path, {"one": "---\ntitle: One\n---\n"}, durations={"one": 1.0})
    path = show_dir / "segments" / "one.md"
    first = dt.datetime(2026, 12, 1, 18, 30, 15, 999, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    report = run_feed(show_dir, tmp_path / "feed.xml", environ={}, now=first)
    assert report.problems == []
    assert [str(w) for w in report.warnings] == [
        f"{path}: no published date: dated 2026-12-01T23:30:15+00:00, its first publication "
        "(stored in the segment file)"
    ]
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"---\nguid: {stored_guid(show_dir, 'one')}\n")
    assert "published: '2026-12-01T23:30:15+00:00'\n" in text
    entry = parse_feed((tmp_path / "feed.xml").read_bytes()).fp.entries[0]
    assert entry.published == "Tue, 01 Dec 2026 23:30:15 +0000"
    # A later build keeps the stored date: the episode's date never moves.
    later = run_feed(show_dir, tmp_path / "again.xml", environ={}, now=first + dt.timedelta(days=3))
    assert (later.problems, later.warnings) == ([], [])
    assert (tmp_path / "again.xml").read_bytes() == (tmp_path / "feed.xml").read_bytes()


def test_missing_date_is_skipped_when_strict(tmp_path: Path) -> None:
    # Under --strict an undated episode is not ready: skipped with a warning (which fails the
    # strict run), never dated; the others are still published.
    show_dir = make_show(
        tmp_path,
        {"one": "---\ntitle: One\n---\n", "two": "---\ntitle: Two\npublished: 2016-04-05\n---\n"},
        durations={"one": 1.0, "two": 1.0},
    )
    before = (show_dir / "segments" / "one.md").read_bytes()
    report = run_feed(show_dir, tmp_path / "feed.xml", environ={}, strict=True)
    assert report.problems == []
    assert [str(p) for p in report.warnings] == [
        f"{show_dir / 'segments' / 'one.md'}: "
        "not published: no published date (front matter key 'published')"
    ]
    assert report.not_ready == {"one": "no published date (front matter key 'published')"}
    feed = parse_feed((tmp_path / "feed.xml").read_bytes())
    assert [e.title for e in feed.fp.entries] == ["Two"]
    assert (show_dir / "segments" / "one.md").read_bytes() == before


def test_exact_stated_size_and_front_matter_path(tmp_path: Path) -> None:
    segments = {
        "by-url": "---\ntitle: By URL\npublished: 2016-04-05\naudio:\n"
        "  url: https://cdn.example.net/by-url.m4a\n  size_bytes: 123456\n---\n",
        "by-path": "---\ntitle: By path\npublished: 2016-04-06\naudio:\n"
        "  path: masters/final take.mp3\n---\n",
    }
    show_dir = make_show(tmp_path, segments, durations={})
    size = write_audio(show_dir / "masters" / "final take.mp3", 2.0)
    feed = parse_feed(build(show_dir, tmp_path / "feed.xml"))
    enclosures = [e["enclosures"][0] for e in sorted(feed.pp["episodes"], key=lambda e: e["title"])]
    assert enclosures == [
        {
            "url": "https://cdn.example.net/by-url.m4a",
            "file_size": 123456,
            "mime_type": "audio/x-m4a",
        },
        {"url": BASE + "final%20take.mp3", "file_size": size, "mime_type": "audio/mpeg"},
    ]


def test_duplicate_enclosure_is_refused(tmp_path: Path) -> None:
    segments = {
        slug: f"---\ntitle: {slug}\npublished: 2016-04-05\naudio:\n  path: audio/same.mp3\n---\n"
        for slug in ("a", "b")
    }
    show_dir = make_show(tmp_path, segments, durations={"same": 1.0})
    (caught,) = problems(show_dir, tmp_path / "feed.xml")
    a, b = (show_dir / "segments" / f"{slug}.md" for slug in ("a", "b"))
    assert caught == f"{b}: enclosure URL {BASE}same.mp3 is also used by {a}"
    assert GUID_LINE.search((show_dir / "segments" / "a.md").read_text()) is None


def test_show_notes_in_description_and_content(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path, {"timed": TIMED}, durations={"timed": 4.0})
    data = build(show_dir, tmp_path / "feed.xml")
    transcript = f'<a href="{BASE}timed.transcript.html">Transcript</a>'
    assert b"<description><![CDATA[<p>A chat.</p>\n<p>Host: John Horn</p>" in data
    feed = parse_feed(data)
    assert feed.fp.entries[0].summary.endswith(f"<p>{transcript}</p>")
    content = feed.pp["episodes"][0]["description_html"]
    assert content.startswith("<p>A chat.</p>\n<p>Host: John Horn</p>")
    assert f'href="{BASE}timed.transcript.html"' in content


def test_our_feed_passes_our_validator(tmp_path: Path) -> None:
    show_dir = make_show(
        tmp_path, {**SEGMENTS, "timed": TIMED}, durations={**DURATIONS, "timed": 4.0}
    )
    data = build(show_dir, tmp_path / "feed.xml")
    assert validate_feed(data, "feed.xml") == []


def test_chapter_after_the_end_of_the_audio_fails_the_build(tmp_path: Path) -> None:
    late = TIMED.replace(
        "start: '00:00:02'\n  title: The film", "start: '00:00:09'\n  title: The film"
    )
    show_dir = make_show(tmp_path, {"timed": late}, durations={"timed": 4.0})
    out = tmp_path / "public" / "feed.xml"
    (caught,) = problems(show_dir, out)
    # The generated MP3 lasts 4 s plus the encoder's padding.
    assert re.fullmatch(
        r".*segments/timed\.md: chapter 'The film' starts at 00:00:09\.000, "
        r"after the end of the audio \(00:00:04\.\d{3}\)",
        caught,
    ), caught
    assert not out.exists()  # nothing published
