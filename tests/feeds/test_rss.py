from __future__ import annotations

import base64
import calendar
import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import feedparser
import pytest

from feeds.podcast_ns import AlternateEnclosureTag, sri
from feeds.rss import Episode, TranscriptLink, build_feed
from feeds.shownotes import show_notes
from feeds.validate import validate_feed
from segments.errors import FeedError
from segments.model import (
    Chapter,
    Funding,
    Location,
    Person,
    PodcastImage,
    RemoteFeed,
    Segment,
    Show,
    Soundbite,
    Source,
    Trailer,
    TxtRecord,
    ValueBlock,
    ValueRecipient,
)
from tests.feeds.feedcheck import NS, audio_bytes, parse_feed

BASE = "https://example.org/the-frame/"
PACIFIC = timezone(timedelta(hours=-7))


def show(**changes: Any) -> Show:
    base = Show(
        title="The Frame",
        description="Movies, music & TV.",
        link=BASE,
        base_url=BASE,
        feed_url=BASE + "feed.xml",
        language="en",
        category="TV & Film",
        subcategory="Film Interviews",
        explicit=False,
        author="KPCC",
        owner_name="KPCC",
        owner_email="podcasts@example.org",
        artwork=BASE + "artwork.jpg",
        copyright="2016 KPCC",
        hosts=["John Horn"],
        locked=True,
        funding=[Funding(url="https://example.org/give", label="Support the show")],
        podcast_guid="f88f128a-9d75-50be-9435-39e813badc62",
    )
    return replace(base, **changes)


def episode(slug: str, day: int, **changes: Any) -> Episode:
    segment = Segment(
        slug=slug,
        title=f"Episode {slug}",
        summary=f"About {slug} & more.",
        guid=f"guid-{slug}",
        people=[Person(name="So Yong Kim", role="guest", href="https://example.org/so")],
        link=BASE + slug,
    )
    base = Episode(
        segment=segment,
        enclosure_url=f"{BASE}{slug}.mp3",
        length_bytes=1_000_000 + day,
        mime_type="audio/mpeg",
        duration_seconds=61.6,
        transcripts=[
            TranscriptLink(f"{BASE}{slug}.transcript.html", "text/html"),
            TranscriptLink(f"{BASE}{slug}.transcript.vtt", "text/vtt", "captions"),
        ],
        chapters_url=f"{BASE}{slug}.chapters.json",
        pub_date=datetime(2016, 4, day, 15, 30, tzinfo=PACIFIC),
    )
    return replace(base, **changes)


def seg(ep: Episode, **changes: Any) -> Episode:
    return replace(ep, segment=replace(ep.segment, **changes))


def test_every_field_survives_feedparser_podcastparser_and_lxml() -> None:
    data = build_feed(show(), [episode("a", 5)])
    feed = parse_feed(data)
    # channel
    assert feed.fp.feed.title == feed.pp["title"] == "The Frame"
    assert feed.fp.feed.image.href == feed.pp["cover_url"] == BASE + "artwork.jpg"
    assert feed.root.findtext("channel/image/url") == BASE + "artwork.jpg"
    assert feed.pp["itunes_categories"] == [["TV & Film", "Film Interviews"]]
    assert feed.pp["itunes_owner"] == {"name": "KPCC", "email": "podcasts@example.org"}
    assert feed.pp["explicit"] is False
    assert feed.fp.feed.podcast_guid == "f88f128a-9d75-50be-9435-39e813badc62"
    self_links = [ln.href for ln in feed.fp.feed.links if ln.rel == "self"]
    assert self_links == [BASE + "feed.xml"]
    assert feed.fp.feed.link == feed.pp["link"] == BASE
    # item
    entry, pp = feed.fp_entry("guid-a"), feed.pp_episode("guid-a")
    assert entry.title == pp["title"] == "Episode a"
    assert entry.guidislink is False
    [enclosure] = [ln for ln in entry.links if ln.rel == "enclosure"]
    assert (enclosure.href, enclosure.length, enclosure.type) == (
        BASE + "a.mp3",
        "1000005",
        "audio/mpeg",
    )
    assert pp["enclosures"] == [
        {"url": BASE + "a.mp3", "file_size": 1000005, "mime_type": "audio/mpeg"}
    ]
    assert entry.itunes_duration == "62"
    assert pp["total_time"] == 62
    published = calendar.timegm(datetime(2016, 4, 5, 22, 30, tzinfo=UTC).timetuple())
    assert calendar.timegm(entry.published_parsed) == pp["published"] == published
    assert entry.published == "Tue, 05 Apr 2016 15:30:00 -0700"
    # feedparser keeps only the last podcast:transcript; lxml sees both in order.
    assert entry.podcast_transcript["url"] == BASE + "a.transcript.vtt"
    assert entry.podcast_transcript["rel"] == "captions"
    item = feed.item("guid-a")
    transcripts = item.findall("podcast:transcript", NS)
    assert [(t.get("url"), t.get("type"), t.get("language")) for t in transcripts] == [
        (BASE + "a.transcript.html", "text/html", "en"),
        (BASE + "a.transcript.vtt", "text/vtt", "en"),
    ]
    assert entry.podcast_chapters == {
        "url": BASE + "a.chapters.json",
        "type": "application/json+chapters",
    }
    # podcastparser ignores the podcast: namespace under its official URI.
    assert "transcript_url" not in pp
    assert "chapters_json_url" not in pp


def test_persons_channel_hosts_and_item_cast() -> None:
    feed = parse_feed(build_feed(show(), [episode("a", 5)]))
    channel_persons = feed.root.findall("channel/podcast:person", NS)
    assert [(p.text, p.get("role"), p.get("group")) for p in channel_persons] == [
        ("John Horn", "host", "cast")
    ]
    item_persons = feed.item("guid-a").findall("podcast:person", NS)
    # The item's list replaces the channel's, so the host is repeated before the guest.
    assert [(p.text, p.get("role"), p.get("href")) for p in item_persons] == [
        ("John Horn", "host", None),
        ("So Yong Kim", "guest", "https://example.org/so"),
    ]
    # feedparser drops the person's name (the element text) and keeps the last attributes only.
    assert feed.fp_entry("guid-a").podcast_person == {
        "role": "guest",
        "group": "cast",
        "href": "https://example.org/so",
    }


def test_segment_naming_its_host_gets_no_extra_host() -> None:
    people = [Person(name="Jane Doe", role="interviewer"), Person(name="Bo", role="reporter")]
    feed = parse_feed(build_feed(show(), [seg(episode("a", 5), people=people)]))
    item_persons = feed.item("guid-a").findall("podcast:person", NS)
    assert [(p.text, p.get("role")) for p in item_persons] == [
        ("Jane Doe", "host"),
        ("Bo", "reporter"),
    ]


def test_segment_naming_nobody_has_no_item_persons() -> None:
    feed = parse_feed(build_feed(show(), [seg(episode("a", 5), people=[])]))
    assert feed.item("guid-a").findall("podcast:person", NS) == []


def test_channel_podcast_namespace_tags() -> None:
    feed = parse_feed(build_feed(show(), [episode("a", 5)]))
    channel = feed.root.find("channel")
    assert channel is not None
    locked = channel.find("podcast:locked", NS)
    assert locked is not None
    assert (locked.text, locked.get("owner")) == ("yes", "podcasts@example.org")
    funding = channel.find("podcast:funding", NS)
    assert funding is not None
    assert (funding.get("url"), funding.text) == ("https://example.org/give", "Support the show")
    assert channel.findtext("podcast:guid", namespaces=NS) == show().podcast_guid
    # feedparser keeps only locked's attributes, not its text.
    assert feed.fp.feed.podcast_locked == {"owner": "podcasts@example.org"}


@pytest.mark.parametrize(
    ("channel", "item", "channel_text", "item_text", "pp_item"),
    [
        (False, None, "false", None, None),
        (True, None, "true", None, None),
        (False, True, "false", "true", True),
        (True, False, "true", "false", False),
    ],
)
def test_itunes_explicit_is_true_or_false(
    channel: bool, item: bool | None, channel_text: str, item_text: str | None, pp_item: bool | None
) -> None:
    data = build_feed(show(explicit=channel), [seg(episode("a", 5), explicit=item)])
    feed = parse_feed(data)
    assert feed.root.findtext("channel/itunes:explicit", namespaces=NS) == channel_text
    assert feed.item("guid-a").findtext("itunes:explicit", namespaces=NS) == item_text
    assert feed.pp["explicit"] is channel
    assert feed.pp_episode("guid-a").get("explicit") is pp_item
    assert b"<itunes:explicit>yes" not in data and b"<itunes:explicit>no" not in data


@pytest.mark.parametrize(("seconds", "text"), [(0.4, "0"), (61.5, "62"), (3599.49, "3599")])
def test_duration_in_whole_seconds(seconds: float, text: str) -> None:
    feed = parse_feed(build_feed(show(), [episode("a", 5, duration_seconds=seconds)]))
    assert feed.item("guid-a").findtext("itunes:duration", namespaces=NS) == text


def test_unknown_duration_is_left_out() -> None:
    data = build_feed(show(), [episode("a", 5, duration_seconds=None)])
    assert b"itunes:duration" not in data
    assert b'length="None"' not in data


def test_items_newest_first_and_last_build_date_from_newest_item() -> None:
    episodes = [episode("old", 1), episode("new", 20), episode("mid", 10)]
    feed = parse_feed(build_feed(show(), episodes))
    assert [i.findtext("guid") for i in feed.items()] == ["guid-new", "guid-mid", "guid-old"]
    assert [e.id for e in feed.fp.entries] == ["guid-new", "guid-mid", "guid-old"]
    assert feed.root.findtext("channel/lastBuildDate") == "Wed, 20 Apr 2016 15:30:00 -0700"


def test_last_build_date_is_never_after_the_builds_moment() -> None:
    # An item dated after the build (given to build_feed directly: the build holds such
    # episodes back) must not move lastBuildDate into the future.
    now = datetime(2016, 4, 12, 8, 0, tzinfo=UTC)
    feed = parse_feed(build_feed(show(), [episode("old", 1), episode("new", 20)], now=now))
    assert feed.root.findtext("channel/lastBuildDate") == "Tue, 12 Apr 2016 08:00:00 +0000"


def test_same_inputs_same_bytes() -> None:
    first = build_feed(show(), [episode("a", 5), episode("b", 6)])
    second = build_feed(show(), [episode("b", 6), episode("a", 5)])
    assert first == second


def test_empty_feed_has_no_clock_time() -> None:
    data = build_feed(show(), [])
    assert b"lastBuildDate" not in data
    assert build_feed(show(), []) == data


def test_season_and_episode_numbers_in_both_namespaces() -> None:
    feed = parse_feed(build_feed(show(), [seg(episode("a", 5), season=2, episode=7)]))
    item = feed.item("guid-a")
    assert item.findtext("itunes:season", namespaces=NS) == "2"
    assert item.findtext("itunes:episode", namespaces=NS) == "7"
    assert item.findtext("podcast:season", namespaces=NS) == "2"
    assert item.findtext("podcast:episode", namespaces=NS) == "7"
    assert (feed.pp_episode("guid-a")["season"], feed.pp_episode("guid-a")["number"]) == (2, 7)


def test_show_notes_in_cdata_and_summary_as_escaped_text() -> None:
    notes = episode("a", 5, description="<p>Hi &amp; bye</p>", content_html="<p>Full</p>")
    data = build_feed(show(), [notes, episode("b", 6)])
    assert b"<description><![CDATA[<p>Hi &amp; bye</p>]]></description>" in data
    assert b"<content:encoded><![CDATA[<p>Full</p>]]></content:encoded>" in data
    assert b"<description>About b &amp; more.</description>" in data
    feed = parse_feed(data)
    assert feed.pp_episode("guid-a")["description_html"] == "<p>Full</p>"


def test_long_summary_is_cut_to_4000_bytes() -> None:
    summary = "é word " * 1000
    long = seg(episode("a", 5), summary=summary)
    feed = parse_feed(build_feed(show(), [long]))
    description = feed.item("guid-a").findtext("description")
    assert description is not None
    assert len(description.encode("utf-8")) <= 4000
    assert description.endswith("…")
    assert summary.startswith(description[:-1] + " ")  # cut between whole words


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: seg(e, guid=None), "segment b: has no GUID"),
        (
            lambda e: replace(e, length_bytes=0),
            "segment b: enclosure length must be positive, not 0",
        ),
        (
            lambda e: replace(e, length_bytes=2.5),
            "segment b: enclosure length must be bytes, not 2.5",
        ),
        (lambda e: replace(e, length_bytes=None), "segment b: enclosure length must be bytes"),
        (
            lambda e: replace(e, pub_date=datetime(2016, 4, 6)),
            "segment b: pubDate has no time zone",
        ),
        (
            lambda e: replace(e, enclosure_url=BASE + "a.mp3"),
            f"segment b: enclosure URL {BASE}a.mp3 is also used by segment a",
        ),
        (lambda e: seg(e, guid="guid-a"), "segment b: GUID guid-a is also used by segment a"),
        (lambda e: seg(e, episode=0), "segment b: episode must be a whole number above 0, not 0"),
        (lambda e: seg(e, season=-1), "segment b: season must be a whole number above 0, not -1"),
    ],
)
def test_episode_errors(change: Any, message: str) -> None:
    with pytest.raises(FeedError) as caught:
        build_feed(show(), [episode("a", 5), change(episode("b", 6))])
    assert str(caught.value).startswith(message)


def test_serial_show_needs_episode_numbers() -> None:
    with pytest.raises(FeedError) as caught:
        build_feed(show(type="serial"), [seg(episode("a", 5), episode=1), episode("b", 6)])
    assert str(caught.value) == "segment b: a serial show needs an episode number on every episode"


@pytest.mark.parametrize("kind", ["trailer", "bonus"])
def test_serial_show_trailers_and_bonus_need_no_number(kind: str) -> None:
    # Apple: itunes:episode is required on full episodes of a serial show only.
    episodes = [seg(episode("a", 5), episode=1), seg(episode("b", 6), episode_type=kind)]
    data = build_feed(show(type="serial"), episodes)
    assert validate_feed(data, "feed.xml") == []
    entries = parse_feed(data).fp.entries
    assert [e.get("itunes_episodetype") for e in entries] == [kind, "full"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": None}, "show: title is missing"),
        ({"feed_url": None}, "show: feed_url is missing"),
        (
            {"artwork": BASE + "artwork.jpeg"},
            f"show: artwork URL must end in .jpg or .png: {BASE}artwork.jpeg",
        ),
    ],
)
def test_show_errors(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(FeedError) as caught:
        build_feed(show(**changes), [episode("a", 5)])
    assert str(caught.value) == message


def test_dates_never_switch_the_process_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    # feedgen's own date formatter calls setlocale per date, which races in threaded servers.
    import locale

    def refuse(*args: Any) -> str:
        raise AssertionError("setlocale called")

    monkeypatch.setattr(locale, "setlocale", refuse)
    data = build_feed(show(), [episode("a", 5), episode("b", 6)])
    feed = parse_feed(data)
    assert feed.root.findtext("channel/lastBuildDate") == "Wed, 06 Apr 2016 15:30:00 -0700"
    assert [e.published for e in feed.fp.entries] == [
        "Wed, 06 Apr 2016 15:30:00 -0700",
        "Tue, 05 Apr 2016 15:30:00 -0700",
    ]


def test_utc_dates_are_written_with_an_offset() -> None:
    data = build_feed(show(), [episode("a", 5, pub_date=datetime(2016, 4, 5, 22, 30, tzinfo=UTC))])
    assert b"<pubDate>Tue, 05 Apr 2016 22:30:00 +0000</pubDate>" in data


NOT_PUBLISHED = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<b>x</b>",
    "/relative",
]


@pytest.mark.parametrize("url", NOT_PUBLISHED)
@pytest.mark.parametrize("key", ["link", "source.url", "people[0].href", "people[0].img"])
def test_links_that_are_not_web_urls_are_refused_naming_the_key(url: str, key: str) -> None:
    """A page's og:url or canonical link, a person's href or photo, may reach the feed past the
    readers (an importer, a library caller): apps make them clickable, so the feed is refused."""
    item = episode("a", 5)
    segment, person = item.segment, item.segment.people[0]
    if key == "link":
        segment.link = url
    elif key == "source.url":
        segment.source = Source(url=url)
    elif key == "people[0].href":
        person.href = url
    else:
        person.img = url
    with pytest.raises(FeedError) as caught:
        build_feed(show(), [item])
    assert str(caught.value) == f"segment a: {key}: {url!r} is not an http(s) URL"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///srv/a.mp3", "data:audio/mpeg,x"])
def test_an_enclosure_that_is_not_http_is_refused(url: str) -> None:
    item = episode("a", 5)
    item.enclosure_url = url
    with pytest.raises(FeedError, match=r"enclosure url: .* is not an http\(s\) URL"):
        build_feed(show(), [item])


@pytest.mark.parametrize(
    "key", ["link", "feed_url", "artwork", "base_url", "new_feed_url", "funding[0].url"]
)
def test_a_show_url_that_is_not_http_is_refused(key: str) -> None:
    the_show = show()
    if key == "funding[0].url":
        the_show.funding = [Funding(url="javascript:alert(1)", label="Give")]
    else:
        setattr(the_show, key, "javascript:alert(1)")
    with pytest.raises(FeedError) as caught:
        build_feed(the_show, [episode("a", 5)])
    assert str(caught.value) == f"show: {key}: 'javascript:alert(1)' is not an http(s) URL"


def test_an_interviewer_is_published_as_a_host_in_feed_and_notes_alike() -> None:
    """feeds.roles: the taxonomy has no interviewer; its nearest role is host (group cast)."""
    people = [Person("James Kim", "interviewer"), Person("So Yong Kim", "guest")]
    item = seg(episode("a", 5), people=people)
    notes = show_notes(item.segment, show())
    item.description, item.content_html = notes.description, notes.content
    feed = parse_feed(build_feed(show(), [item]))
    persons = feed.item("guid-a").findall("podcast:person", NS)
    assert [(p.text, p.get("role"), p.get("group")) for p in persons] == [
        ("James Kim", "host", "cast"),
        ("So Yong Kim", "guest", "cast"),
    ]
    assert "<p>Host: James Kim</p>" in notes.content and "Interviewer" not in notes.content
    assert "<p>Guest: So Yong Kim</p>" in notes.content


def test_alternate_encodings_survive_the_clients_and_pass_the_validator() -> None:
    opus = audio_bytes(2.0, "ogg")
    aac = audio_bytes(2.0, "m4a")
    alternates = [
        AlternateEnclosureTag(
            f"{BASE}a.opus", "audio/ogg; codecs=opus", len(opus), 32000, "Opus", sri(opus)
        ),
        AlternateEnclosureTag(f"{BASE}a.m4a", "audio/mp4", len(aac), 64000, "AAC"),
    ]
    data = build_feed(show(), [episode("a", 5, alternates=alternates)])
    feed = parse_feed(data)
    found = feed.root.findall("channel/item/podcast:alternateEnclosure", NS)
    assert [(el.get("type"), el.get("length"), el.get("bitrate")) for el in found] == [
        ("audio/ogg; codecs=opus", str(len(opus)), "32000"),
        ("audio/mp4", str(len(aac)), "64000"),
    ]
    source = found[0].find("podcast:source", NS)
    assert source is not None and source.get("uri") == f"{BASE}a.opus"
    integrity = found[0].find("podcast:integrity", NS)
    assert integrity is not None and integrity.get("type") == "sri"
    # The SRI value is the SHA-384 of the file's bytes, computed here independently.
    digest = base64.b64decode(integrity.get("value", "").removeprefix("sha384-"))
    assert digest == hashlib.sha384(opus).digest()
    assert found[1].find("podcast:integrity", NS) is None
    # The enclosure every app plays is still the MP3; the alternates add no entries.
    assert feed.fp.entries[0].enclosures[0].href == f"{BASE}a.mp3"
    assert [e["enclosures"][0]["url"] for e in feed.pp["episodes"]] == [f"{BASE}a.mp3"]
    assert validate_feed(data, "feed.xml") == []


def test_alternate_enclosure_needs_bytes_and_its_own_url() -> None:
    bad = AlternateEnclosureTag(f"{BASE}a.opus", "audio/ogg", 0)
    with pytest.raises(FeedError, match=r"alternate enclosure \S+/a\.opus: length must be bytes"):
        build_feed(show(), [episode("a", 5, alternates=[bad])])
    same = AlternateEnclosureTag(f"{BASE}a.mp3", "audio/mpeg", 10)
    with pytest.raises(FeedError, match="is also used"):
        build_feed(show(), [episode("a", 5, alternates=[same])])


def test_soundbites_from_front_matter_are_written_and_pass_the_validator() -> None:
    base = episode("a", 5)
    bites = [Soundbite(73.5, 30.0, "The <b>medal</b>"), Soundbite(600.0, 15.25)]
    data = build_feed(show(), [replace(base, segment=replace(base.segment, soundbites=bites))])
    found = parse_feed(data).root.findall("channel/item/podcast:soundbite", NS)
    assert [(el.get("startTime"), el.get("duration"), el.text) for el in found] == [
        ("73.5", "30", "The medal"),  # producer text loses its markup
        ("600", "15.25", None),
    ]
    assert validate_feed(data, "feed.xml") == []
    assert b"soundbite" not in build_feed(show(), [base])  # none unless the producer names one


def test_soundbites_from_chapters_only_when_the_show_asks_and_the_episode_names_none() -> None:
    base = episode("a", 5, duration_seconds=700.0)
    marks = [Chapter(0.0, "Cold open"), Chapter(5.0, "Ava <i>DuVernay</i>"), Chapter(650.0, "Out")]
    chaptered = replace(base, segment=replace(base.segment, chapters=marks))
    data = build_feed(show(soundbites_from_chapters=True), [chaptered])
    found = parse_feed(data).root.findall("channel/item/podcast:soundbite", NS)
    assert [(el.get("startTime"), el.get("duration"), el.text) for el in found] == [
        ("5", "120", "Ava DuVernay"),  # cut to the namespace's 120 s; the 5 s cold open gives none
        ("650", "50", "Out"),  # the last chapter ends with the episode
    ]
    assert validate_feed(data, "feed.xml") == []
    assert b"soundbite" not in build_feed(show(), [chaptered])  # opt-in
    assert b"soundbite" not in build_feed(show(soundbites_from_chapters=True), [base])  # none
    own = replace(chaptered, segment=replace(chaptered.segment, soundbites=[Soundbite(60.0, 20.0)]))
    found = parse_feed(build_feed(show(soundbites_from_chapters=True), [own])).root.findall(
        "channel/item/podcast:soundbite", NS
    )
    assert [(el.get("startTime"), el.get("duration")) for el in found] == [("60", "20")]


def test_medium_is_written_only_when_configured() -> None:
    data = build_feed(show(medium="audiobook"), [episode("a", 5)])
    channel = parse_feed(data).root.find("channel")
    assert channel is not None
    assert [el.text for el in channel.findall("podcast:medium", NS)] == ["audiobook"]
    assert validate_feed(data, "feed.xml") == []
    assert b"podcast:medium" not in build_feed(show(), [episode("a", 5)])


def test_value_and_its_recipients_are_written_only_when_configured() -> None:
    host = "02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52"
    block = ValueBlock(
        type="lightning",
        method="keysend",
        suggested="0.00000005000",
        recipients=[
            ValueRecipient(type="node", address=host, split=95, name="Host"),
            ValueRecipient(type="lnaddress", address="fees@example.com", split=5, fee=True),
        ],
    )
    data = build_feed(show(value=block), [episode("a", 5)])
    values = parse_feed(data).root.findall("channel/podcast:value", NS)
    assert [(el.get("type"), el.get("method"), el.get("suggested")) for el in values] == [
        ("lightning", "keysend", "0.00000005000")
    ]
    recipients = values[0].findall("podcast:valueRecipient", NS)
    assert [dict(el.attrib) for el in recipients] == [
        {"type": "node", "address": host, "split": "95", "name": "Host"},
        {"type": "lnaddress", "address": "fees@example.com", "split": "5", "fee": "true"},
    ]
    assert validate_feed(data, "feed.xml") == []
    read = feedparser.parse(data).feed  # feedparser keeps the attributes of the first tags
    assert read["podcast_value"] == {
        "type": "lightning",
        "method": "keysend",
        "suggested": "0.00000005000",
    }
    assert b"podcast:value" not in build_feed(show(), [episode("a", 5)])


def test_locations_are_written_only_when_configured() -> None:
    made = Location("Pasadena", rel="creator", geo="geo:34.1478,-118.1445", country="US")
    about = Location("Hollywood & Vine", osm="N3093397011")
    data = build_feed(show(locations=[made, about]), [episode("a", 5)])
    found = parse_feed(data).root.findall("channel/podcast:location", NS)
    assert [(el.text, dict(el.attrib)) for el in found] == [
        ("Pasadena", {"rel": "creator", "geo": "geo:34.1478,-118.1445", "country": "US"}),
        ("Hollywood & Vine", {"osm": "N3093397011"}),
    ]
    assert validate_feed(data, "feed.xml") == []
    read = feedparser.parse(data).feed
    assert read["podcast_location"] == {"osm": "N3093397011"}  # the last one's attributes
    assert b"podcast:location" not in build_feed(show(), [episode("a", 5)])


def test_podcast_images_are_written_only_when_configured() -> None:
    wide = PodcastImage(
        "https://example.org/wide.jpg", alt="The Frame", aspect_ratio="16/9", width=1920
    )
    square = PodcastImage("https://example.org/round.png", type="image/png", purpose="circular")
    data = build_feed(show(images=[wide, square]), [episode("a", 5)])
    found = parse_feed(data).root.findall("channel/podcast:image", NS)
    assert [dict(el.attrib) for el in found] == [
        {
            "href": "https://example.org/wide.jpg",
            "alt": "The Frame",
            "aspect-ratio": "16/9",
            "width": "1920",
        },
        {"href": "https://example.org/round.png", "type": "image/png", "purpose": "circular"},
    ]
    assert validate_feed(data, "feed.xml") == []
    assert feedparser.parse(data).feed["podcast_image"]["purpose"] == "circular"
    assert b"podcast:image" not in build_feed(show(), [episode("a", 5)])


def test_trailers_are_written_only_when_configured() -> None:
    when = datetime(2026, 3, 2, 8, 0, tzinfo=PACIFIC)
    teaser = Trailer("Coming soon", "https://example.org/teaser.mp3", when, type="audio/mpeg")
    season = Trailer("Season 2: Awards", "https://example.org/s2.mp3", when, season=2)
    data = build_feed(show(trailers=[teaser, season]), [episode("a", 5)])
    found = parse_feed(data).root.findall("channel/podcast:trailer", NS)
    assert [(el.text, dict(el.attrib)) for el in found] == [
        (
            "Coming soon",
            {
                "url": "https://example.org/teaser.mp3",
                "pubdate": "Mon, 02 Mar 2026 08:00:00 -0700",
                "type": "audio/mpeg",
            },
        ),
        (
            "Season 2: Awards",
            {
                "url": "https://example.org/s2.mp3",
                "pubdate": "Mon, 02 Mar 2026 08:00:00 -0700",
                "season": "2",
            },
        ),
    ]
    assert validate_feed(data, "feed.xml") == []
    assert feedparser.parse(data).feed["podcast_trailer"]["season"] == "2"
    assert b"podcast:trailer" not in build_feed(show(), [episode("a", 5)])


def test_season_names_come_from_the_show() -> None:
    def in_season(slug: str, day: int, season: int) -> Episode:
        base = episode(slug, day)
        return replace(base, segment=replace(base.segment, season=season))

    episodes = [in_season("a", 5, 1), in_season("b", 6, 2)]
    data = build_feed(show(season_names={2: "Awards <season>"}), episodes)
    found = parse_feed(data).root.findall("channel/item/podcast:season", NS)
    assert sorted((el.text, el.get("name")) for el in found) == [
        ("1", None),
        ("2", "Awards <season>"),  # an attribute: escaped by the XML writer, never markup
    ]
    assert validate_feed(data, "feed.xml") == []
    read = {
        entry["itunes_season"]: entry["podcast_season"] for entry in feedparser.parse(data).entries
    }
    assert read["2"] == {"name": "Awards <season>"}
    unnamed = parse_feed(build_feed(show(), episodes)).root.findall(
        "channel/item/podcast:season", NS
    )
    assert [el.get("name") for el in unnamed] == [None, None]


def test_license_txt_podroll_and_new_feed_url_are_written_only_when_configured() -> None:
    moved = "https://example.com/the-frame/feed.xml"
    configured = show(
        license="cc-by-4.0",
        txt=[TxtRecord("S6lpp-7ZCn8-dZfGc-OoyaG", "verify"), TxtRecord("free text")],
        podroll=[RemoteFeed("917393e3-1b1e-5cef-ace4-edaa54e1f810", "https://example.org/x.xml")],
        new_feed_url=moved,
    )
    data = build_feed(configured, [episode("a", 5)])
    feed = parse_feed(data)
    channel = feed.root.find("channel")
    assert channel is not None
    assert channel.findtext("podcast:license", namespaces=NS) == "cc-by-4.0"
    txt = channel.findall("podcast:txt", NS)
    assert [(el.text, el.get("purpose")) for el in txt] == [
        ("S6lpp-7ZCn8-dZfGc-OoyaG", "verify"),
        ("free text", None),
    ]
    (remote,) = channel.findall("podcast:podroll/podcast:remoteItem", NS)
    assert remote.get("feedGuid") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert remote.get("feedUrl") == "https://example.org/x.xml"
    assert channel.findtext("itunes:new-feed-url", namespaces=NS) == moved
    assert feed.pp["new_url"] == moved  # podcastparser follows a moved feed
    assert feed.fp.feed.podcast_license == "cc-by-4.0"
    assert validate_feed(data, "feed.xml") == []
    plain = build_feed(show(), [episode("a", 5)])
    for tag in (b"podcast:license", b"podcast:txt", b"podcast:podroll", b"new-feed-url"):
        assert tag not in plain


HOSTILE_DESCRIPTION = (
    '<p onclick="steal()">Movies &amp; TV.</p><script>alert(1)</script>'
    '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">more</a>'
)


@pytest.mark.parametrize(
    "description", [HOSTILE_DESCRIPTION, "&lt;script&gt;alert(1)&lt;/script&gt; and films"]
)
def test_channel_description_is_sanitised_not_escaped(description: str) -> None:
    """show.toml's description: readers render it as HTML, escaped or not, so no script, event
    handler or javascript: link survives, not even as escaped text; what is left is CDATA."""
    data = build_feed(show(description=description), [episode("a", 5)])
    channel = data.split(b"<item>")[0].lower()
    for active in (b"<script", b"&lt;script", b"onerror", b"onclick", b"javascript:"):
        assert active not in channel
    feed = parse_feed(data)  # feedparser and podcastparser read it
    for read in (feed.fp.feed.description, feed.pp["description"]):
        assert "script" not in read and "onerror" not in read and "javascript" not in read
    if description == HOSTILE_DESCRIPTION:
        assert b"<description><![CDATA[<p>Movies &amp; TV.</p><a>more</a>]]></description>" in data
        assert validate_feed(data, "feed.xml") == []


def test_a_plain_channel_description_is_written_as_it_was() -> None:
    data = build_feed(show(description="Movies, music and TV."), [episode("a", 5)])
    assert b"<description>Movies, music and TV.</description>" in data


def test_names_and_titles_lose_their_markup() -> None:
    """A person's name and a title are text, but apps may show them as HTML: markup is removed."""
    people = [Person(name="Ana <b>Ruiz</b><script>alert(1)</script>", role="guest")]
    item = seg(
        episode("a", 5), title="Rents &lt;img src=x onerror=alert(1)&gt; and wages", people=people
    )
    feed = parse_feed(build_feed(show(hosts=["<i>John</i> Horn"]), [item]))
    guest = feed.item("guid-a").findall("podcast:person", NS)[-1]
    assert guest.text == "Ana Ruiz"
    assert feed.item("guid-a").findtext("title") == "Rents  and wages"
    assert feed.root.find("channel/podcast:person", NS).text == "John Horn"
