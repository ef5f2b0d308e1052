"""``segcast import-feed`` then ``segcast build``: the republished feed keeps every GUID, date,
enclosure and chapters URL, as podcastparser and feedparser read them from the old and the new."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import feedparser
import podcastparser
import pytest
from click.testing import CliRunner

from segcast.cli import cli
from segments.segmentfile import read_segment
from tests.conftest import require_shared
from tests.httpserver import LocalServer, Route

#: The well-formed corpus feeds (SOURCES.md: the gpodder person and transcript ones are not).
WELL_FORMED = (
    "dw_langsam_gesprochene_nachrichten.xml",
    "pc20_podcasting20show.xml",
    "podcast_namespace_example.xml",
    "sentimental_garbage.xml",
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={})
    return result.exit_code, result.stdout, result.stderr


def _podcastparser(data: bytes) -> list[tuple[Any, ...]]:
    parsed = podcastparser.parse("https://example.org/feed.xml", io.BytesIO(data))
    return sorted(
        (
            # An item without a GUID: apps (and the import) take its enclosure URL.
            e["guid"] or e["enclosures"][0]["url"],
            e["published"],
            tuple((x["url"], x["file_size"]) for x in e["enclosures"]),
        )
        for e in parsed["episodes"]
    )


def _feedparser(data: bytes) -> list[tuple[Any, ...]]:
    parsed = feedparser.parse(data)
    return sorted(
        (
            e.get("id") or e["enclosures"][0]["href"],
            tuple(e.get("published_parsed") or ()),
            tuple(x.get("href") for x in e.get("enclosures", [])),
            # podcastparser 0.6 knows only the podcast namespace's first URI, not the one we
            # write, so chapters URLs are compared here. A URL with a space cannot be published
            # as it is: it is written with %20.
            ((e.get("podcast_chapters") or {}).get("url") or "").replace(" ", "%20") or None,
        )
        for e in parsed.entries
    )


def _import_and_build(feed: Path, tmp_path: Path) -> tuple[bytes, str]:
    show = tmp_path / "show"
    code, _, err = run("import-feed", "--no-fetch", str(feed), str(show))
    assert code == 0, err
    code, out, err = run("build", str(show), "-o", str(tmp_path / "out"))
    assert code == 0, out + err
    return (tmp_path / "out" / "feed.xml").read_bytes(), err


@pytest.mark.parametrize("name", WELL_FORMED)
def test_a_corpus_feed_is_republished_with_its_guids_dates_and_enclosures(
    name: str, tmp_path: Path
) -> None:
    # sentimental_garbage.xml starts with a blank line, which podcastparser's expat refuses.
    old = (require_shared() / "corpus" / "feeds" / name).read_bytes().lstrip()
    new, _ = _import_and_build(require_shared() / "corpus" / "feeds" / name, tmp_path)
    assert _podcastparser(new) == _podcastparser(old)
    assert _feedparser(new) == _feedparser(old)
    assert len(_feedparser(new)) == len(feedparser.parse(old).entries) > 0


def test_podlove_chapters_are_carried_with_their_links(tmp_path: Path) -> None:
    feed = require_shared() / "corpus" / "feeds" / "gpodder_psc_chapters_min.rss"
    code, _, err = run("import-feed", str(feed), str(tmp_path / "show"))
    assert code == 0, err
    [file] = (tmp_path / "show" / "segments").iterdir()
    old = podcastparser.parse("x", io.BytesIO(feed.read_bytes()))["episodes"][0]["chapters"]
    chapters = read_segment(file).chapters
    # podcastparser drops the milliseconds (01:02:03.400 -> 3723); we keep them.
    assert [(int(c.start_seconds), c.title, c.url, c.image) for c in chapters] == [
        (c["start"], c["title"], c.get("href"), c.get("image")) for c in old
    ]


def _feed(server: LocalServer, items: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>Old show</title><link>https://old.example.org/</link>
<description>&lt;p&gt;A show &lt;b&gt;about&lt;/b&gt; things&lt;/p&gt;</description>
<language>en</language><itunes:category text="Games &amp; Hobbies"/>
<itunes:image href="https://old.example.org/art.jpg"/><itunes:explicit>no</itunes:explicit>
<itunes:owner><itunes:name>Jo</itunes:name><itunes:email>jo@example.org</itunes:email></itunes:owner>
<podcast:funding url="https://old.example.org/give">Support us</podcast:funding>
{items}</channel></rss>"""


def test_import_by_url_fetches_chapters_and_transcripts_and_moving_sets_new_feed_url(
    http_server: LocalServer, tmp_path: Path
) -> None:
    chapters = {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0, "title": "Start"},
            {"startTime": 30, "title": "News", "url": "https://example.org/news"},
        ],
    }
    chapters_url = http_server.add(
        "/ch.json", Route(json.dumps(chapters).encode(), "application/json+chapters")
    )
    mp3_url = http_server.add("/3.mp3", Route(b"\xff\xfb" * 2500, "audio/mpeg"))
    vtt_url = http_server.add(
        "/t.vtt", Route(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", "text/vtt")
    )
    items = f"""
<item><title>One</title><guid isPermaLink="false">  opaque:1/ä  </guid>
<pubDate>Tue, 03 Jun 2008 11:05:30 -0700</pubDate>
<description>&lt;p&gt;Hello &lt;a href="https://example.org/x"&gt;link&lt;/a&gt;&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</description>
<enclosure url="https://cdn.example.org/1.mp3" length="12345" type="audio/mpeg"/>
<itunes:duration>00:01:05</itunes:duration><itunes:season>2</itunes:season><itunes:episode>7</itunes:episode>
<podcast:chapters url="{chapters_url}" type="application/json+chapters"/>
<podcast:transcript url="{vtt_url}" type="text/vtt"/>
<podcast:person role="guest" href="https://example.org/ann">Ann Guest</podcast:person>
<itunes:keywords>a,b</itunes:keywords></item>
<item><title>Two</title><pubDate>Wed, 04 Jun 2008 11:05:30 GMT</pubDate>
<enclosure url="https://cdn.example.org/2.mp3" length="999" type="audio/mpeg"/></item>
<item><title>Three</title><guid>https://example.org/episodes/3</guid><pubDate>Thu, 05 Jun 2008 11:05:30 GMT</pubDate>
<enclosure url="{mp3_url}" type="audio/mpeg"/></item>"""
    feed_url = http_server.add(
        "/feed.xml",
        Route(_feed(http_server, items).encode(), "application/rss+xml", behaviour="gzip"),
    )
    show = tmp_path / "show"
    code, _, err = run("import-feed", feed_url, str(show))
    assert code == 0, err
    assert (
        "Warning: "
        + feed_url
        + ": an item without a GUID gets its enclosure URL, as apps derived it"
        in err
    )
    assert "item itunes:keywords not carried over" in err
    assert "category 'Games & Hobbies' was retired by Apple: now 'Leisure'" in err
    one = read_segment(show / "segments" / "one.md")
    assert one.guid == "opaque:1/ä" and one.season == 2 and one.episode == 7
    assert one.published is not None and one.published.isoformat() == "2008-06-03T11:05:30-07:00"
    assert [(c.start_seconds, c.title, c.url) for c in one.chapters] == [
        (0.0, "Start", None),
        (30.0, "News", "https://example.org/news"),
    ]
    assert one.summary == "Hello link"  # the description's text; the script is not text
    assert one.show_notes == "Hello [link](https://example.org/x)"  # its HTML, as Markdown
    assert (show / "transcripts" / "one.vtt").read_bytes().startswith(b"WEBVTT")
    assert read_segment(show / "segments" / "two.md").guid == "https://cdn.example.org/2.mp3"
    three = read_segment(show / "segments" / "three.md").audio
    assert three is not None and three.size_bytes == 5000  # no length: asked of its server
    toml = (show / "show.toml").read_text()
    assert f'old_feed_url = "{feed_url}"' in toml and 'category = "Leisure"' in toml
    # The feed moves: feed_url edited, old_feed_url kept -> itunes:new-feed-url.
    (show / "show.toml").write_text(
        toml.replace(
            f'feed_url = "{feed_url}"\n', 'feed_url = "https://new.example.org/feed.xml"\n', 1
        )
    )
    code, out, err = run("build", str(show), "-o", str(tmp_path / "out"))
    assert code == 0, out + err
    new = (tmp_path / "out" / "feed.xml").read_bytes()
    assert b"<itunes:new-feed-url>https://new.example.org/feed.xml</itunes:new-feed-url>" in new
    assert b"<script" not in new
    old = _feed(http_server, items).encode()
    # Item three had no length: the new feed has its real one, the rest is equal.
    [(guid, date, ((url, length),))] = [t for t in _podcastparser(new) if t[2][0][0] == mp3_url]
    assert length == 5000
    assert guid == "https://example.org/episodes/3"
    assert _podcastparser(new) == [
        (guid, date, ((url, 5000),)) if t[2][0][0] == mp3_url else t for t in _podcastparser(old)
    ]
    # The fetched chapters are republished beside the feed, with their links.
    assert [t[:3] for t in _feedparser(new)] == [t[:3] for t in _feedparser(old)]
    # The kept transcript is published beside the feed: it outlives the old host.
    assert (tmp_path / "out" / "one.transcript.vtt").read_bytes().startswith(b"WEBVTT")
    [entry] = [e for e in feedparser.parse(new).entries if e.title == "One"]
    assert entry["podcast_transcript"]["url"].endswith("/one.transcript.vtt")
    published = json.loads((tmp_path / "out" / "one.chapters.json").read_text())
    assert [c.get("url") for c in published["chapters"]] == [None, "https://example.org/news"]


def test_init_from_feed_makes_the_same_folder_as_import_feed(tmp_path: Path) -> None:
    feed = require_shared() / "corpus" / "feeds" / "podcast_namespace_example.xml"
    assert run("import-feed", "--no-fetch", str(feed), str(tmp_path / "a"))[0] == 0
    code, _, err = run("init", "--from-feed", str(feed), str(tmp_path / "b"))
    assert code == 0, err
    for name in (
        "show.toml",
        *(f"segments/{p.name}" for p in (tmp_path / "a" / "segments").iterdir()),
    ):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body>not a feed</body></html>", "not an RSS feed (no rss/channel)"),
        (b"<rss><channel><title>x</title></chan", "not well-formed XML"),
        (b'<!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><title>T&a;</title></channel></rss>', ""),
    ],
)
def test_a_bad_feed_is_one_line_and_makes_no_folder(
    tmp_path: Path, content: bytes, message: str
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(content)
    code, _, err = run("import-feed", str(feed), str(tmp_path / "show"))
    if not message:  # an entity is never expanded
        assert code == 0 and "aaaa" not in (tmp_path / "show" / "show.toml").read_text()
        return
    assert code == 1 and err.startswith(f"Error: {feed}: {message}") and err.count("\n") == 1
    assert not (tmp_path / "show").exists()


@pytest.mark.parametrize(
    ("size", "query", "kept"),
    [
        ((1400, 1400), "", True),
        ((300, 300), "", False),
        ((300, 300), "?v=2", False),
        ((1400, 1400), "?v=2", True),
    ],
)
def test_the_artwork_is_kept_in_the_folder_when_apple_would_take_it(
    http_server: LocalServer, tmp_path: Path, size: tuple[int, int], query: str, kept: bool
) -> None:
    from segcast.config import load_config
    from tests.segcast.showdir import _image_bytes

    http_server.add("/art.jpg", Route(_image_bytes("JPEG", size, "RGB"), "image/jpeg"))
    art = http_server.url("/art.jpg") + query
    feed = _feed(http_server, "").replace("https://old.example.org/art.jpg", art)
    url = http_server.add("/feed.xml", Route(feed.encode(), "application/rss+xml"))
    code, _, err = run("import-feed", url, str(tmp_path / "show"))
    assert code == 0, err
    config = load_config(tmp_path / "show")
    if kept:
        assert config.artwork_file == tmp_path / "show" / "artwork.jpg"
        assert (tmp_path / "show" / "artwork.jpg").read_bytes() == _image_bytes("JPEG", size, "RGB")
    elif query:  # not a URL Apple takes, nor an image it takes: the placeholder, and why
        assert "artwork not kept" in err and config.artwork_file is not None
    else:  # linked where it is, with the reason it was not kept
        assert config.show.artwork == art and "artwork not kept" in err


@pytest.mark.parametrize(
    ("categories", "expected", "warning"),
    [
        ([("TV & Film", "Film Interviews")], ('"TV & Film"', '"Film Interviews"'), None),
        ([("tv &amp; film", None)], ('"TV & Film"', None), None),
        (
            [("Technology", "Podcasting")],
            ('"Technology"', None),
            "'Technology'/'Podcasting' was retired",
        ),
        ([("Science & Medicine", "Medicine")], ('"Health & Fitness"', '"Medicine"'), "retired"),
        ([("Arts", "Nonsense")], ('"Arts"', None), "subcategory 'Nonsense' is not on Apple's list"),
        ([("Made Up", None), ("Comedy", "Improv")], ('"Comedy"', '"Improv"'), None),
        ([], ('"Society & Culture"', None), "no category on Apple's list"),
    ],
)
def test_categories_map_to_apples_current_list(
    tmp_path: Path,
    categories: list[tuple[str, str | None]],
    expected: tuple[str, str | None],
    warning: str | None,
) -> None:
    from segcast.import_feed import show_toml
    from segments.importers.feed import Channel

    channel = Channel(
        title="T",
        link="https://example.org/",
        artwork="https://example.org/a.jpg",
        categories=categories,
    )
    text, warnings = show_toml(channel, "https://example.org/feed.xml", tmp_path)
    assert f"category = {expected[0]}\n" in text
    assert (f"subcategory = {expected[1]}\n" in text) if expected[1] else "subcategory" not in text
    assert (
        any(warning in w for w in warnings)
        if warning
        else not [w for w in warnings if "categor" in w]
    )


def test_active_urls_in_a_feed_are_left_out_with_a_warning(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>'
        "<title>T</title><link>javascript:alert(1)</link><description>D</description>"
        "<item><title>One</title><guid>g1</guid><link>data:text/html,x</link>"
        '<enclosure url="file:///etc/passwd" length="5" type="audio/mpeg"/>'
        '<podcast:person href="javascript:alert(2)">Ann</podcast:person>'
        '<podcast:transcript url="vbscript:x" type="text/vtt"/></item></channel></rss>'
    )
    code, _, err = run("import-feed", str(feed), str(tmp_path / "show"))
    assert code == 0, err
    for what in (
        "a channel link",
        "an item link",
        "an enclosure",
        "a person's href",
        "a transcript",
    ):
        assert f"Warning: {feed}: {what} that is not an http(s) URL, left out" in err
    written = "".join(
        p.read_text() for p in (tmp_path / "show").rglob("*.*") if p.suffix in (".md", ".toml")
    )
    assert not any(bad in written for bad in ("javascript:", "data:", "file:", "vbscript:"))
