"""The bundled example show (the two seed pages) builds to the reviewed golden output, byte for byte.

The test only compares. After an intended change regenerate with the separate command, then review
the diff by eye before committing:

    python -m tests.regenerate_golden
"""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import podcastparser

from feeds.validate import validate_feed
from segcast.build import run_feed
from tests import golden

SHOW = golden.EXAMPLE_SHOW
GOLDEN = golden.FEED_GOLDEN


def _build(tmp_path: Path) -> Path:
    show = tmp_path / "the-frame"
    shutil.copytree(SHOW, show)
    out = tmp_path / "public"
    assert run_feed(show, out / "feed.xml").problems == []
    return out


def test_example_show_builds_to_golden_output(tmp_path: Path) -> None:
    built = golden.build_example_show(tmp_path)
    expected = golden.read_tree(GOLDEN)
    assert sorted(built) == sorted(expected), "the build writes other files than the golden tree"
    for name, data in expected.items():
        assert built[name] == data, golden.diff(data, built[name], f"the-frame/{name}")


def test_example_show_segments_already_carry_their_guids(tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in (SHOW / "segments").iterdir()}
    _build(tmp_path)
    after = {p.name: p.read_bytes() for p in (tmp_path / "the-frame" / "segments").iterdir()}
    assert after == before  # published GUIDs are in the files; a build changes nothing there


def test_golden_feed_is_clean_and_reads_in_podcast_clients() -> None:
    xml = (GOLDEN / "feed.xml").read_bytes()
    assert validate_feed(xml, "feed.xml") == []
    assert validate_feed(xml, "feed.xml", now=golden.GOLDEN_NOW) == []
    parsed = feedparser.parse(xml)
    assert not parsed.bozo
    # The schedule: updateFrequency and the airings around the golden build's moment.
    assert parsed.feed.podcast_updatefrequency["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA"
    assert parsed.feed.title == "The Frame"  # the live items' titles are not the show's
    titles = [e.title for e in parsed.entries]
    assert titles == [
        "Interview with Director Kyungjin Song",
        "'Lovesong': Another intimate film from director So Yong Kim",
    ]
    lovesong = parsed.entries[1]
    assert lovesong.enclosures[0].href == "https://example.org/the-frame/lovesong-so-yong-kim.mp3"
    assert lovesong.enclosures[0].length == "4968229"
    assert lovesong.itunes_duration == "310"
    assert "(00:41) Getting into filmmaking" in lovesong.summary
    assert "(So Yong Kim)" in lovesong.content[0].value  # the second photo's credit

    import io

    podcast = podcastparser.parse("https://example.org/the-frame/feed.xml", io.BytesIO(xml))
    assert podcast["title"] == "The Frame"
    episodes = {e["title"]: e for e in podcast["episodes"]}
    song = episodes["'Lovesong': Another intimate film from director So Yong Kim"]
    assert song["guid"] == "4a24f48c-4abc-4e6d-a7c0-ccaf0e4b5fab"
    assert song["enclosures"][0]["file_size"] == 4968229
    assert song["total_time"] == 310
