"""Each validator rule alone: a minimal feed that breaks it once, and one that passes."""

from __future__ import annotations

import gzip
import threading
import tracemalloc
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from feeds.validate import RULES, Finding, chapter_lines, load_feed, validate_feed
from segments.errors import FeedError

NOW = datetime(2026, 1, 1, tzinfo=UTC)
SELF_URL = "https://example.org/the-frame/feed.xml"
# Computed here independently of feeds.validate: UUIDv5 of the URL without its scheme.
GUID = str(uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), SELF_URL[8:]))

NS = (
    'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
    'xmlns:podcast="https://podcastindex.org/namespace/1.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:atom="http://www.w3.org/2005/Atom"'
)

#: A feed that passes every rule; each case below changes one thing in it.
BASE = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" {NS}>
<channel>
<title>The Frame</title>
<description><![CDATA[<p>Movies, music, TV, arts and entertainment.</p>]]></description>
<link>https://example.org/the-frame/</link>
<language>en</language>
<copyright>2016 KPCC</copyright>
<lastBuildDate>Tue, 15 Nov 2016 15:30:00 -0800</lastBuildDate>
<atom:link href="{SELF_URL}" rel="self" type="application/rss+xml"/>
<itunes:image href="https://example.org/the-frame/artwork.jpg"/>
<itunes:category text="TV &amp; Film"><itunes:category text="Film Interviews"/></itunes:category>
<itunes:explicit>false</itunes:explicit>
<itunes:author>KPCC</itunes:author>
<itunes:owner><itunes:name>KPCC</itunes:name><itunes:email>podcasts@example.org</itunes:email>\
</itunes:owner>
<itunes:type>episodic</itunes:type>
<podcast:guid>{GUID}</podcast:guid>
<podcast:locked owner="podcasts@example.org">no</podcast:locked>
<podcast:funding url="https://example.org/donate">Support the show</podcast:funding>
<podcast:person role="host" href="https://example.org/horn">John Horn</podcast:person>
<podcast:medium>podcast</podcast:medium>
<podcast:liveItem status="pending" start="2016-11-16T15:30:00-08:00" end="2016-11-16T16:00:00Z">
<title>The Frame live</title>
<guid isPermaLink="false">live-guid</guid>
<enclosure url="https://example.org/the-frame/live.mp3" type="audio/mpeg" length="312"/>
<podcast:contentLink href="https://example.org/the-frame/live">Listen live</podcast:contentLink>
</podcast:liveItem>
<item>
<title>Ava DuVernay on 13th</title>
<description><![CDATA[<p>(00:00) Intro</p><p>(01:30) Ava DuVernay</p><p>(12:00) Credits</p>]]>\
</description>
<guid isPermaLink="false">ava-guid</guid>
<pubDate>Tue, 15 Nov 2016 15:30:00 -0800</pubDate>
<enclosure url="https://example.org/the-frame/ava.mp3" length="12345678" type="audio/mpeg"/>
<itunes:duration>1805</itunes:duration>
<itunes:episode>2</itunes:episode>
<itunes:season>1</itunes:season>
<itunes:episodeType>full</itunes:episodeType>
<itunes:explicit>false</itunes:explicit>
<itunes:image href="https://example.org/the-frame/ava.png"/>
<podcast:transcript url="https://example.org/the-frame/ava.html" type="text/html"/>
<podcast:chapters url="https://example.org/the-frame/ava.json" type="application/json+chapters"/>
<podcast:person role="guest" img="https://example.org/ava.jpg">Ava DuVernay</podcast:person>
<podcast:soundbite startTime="60" duration="30"/>
<podcast:season>1</podcast:season>
<podcast:episode>2</podcast:episode>
</item>
<item>
<title>Barry Jenkins</title>
<description>Barry Jenkins talks about Moonlight.</description>
<guid isPermaLink="false">barry-guid</guid>
<pubDate>Mon, 14 Nov 2016 15:30:00 -0800</pubDate>
<enclosure url="https://example.org/the-frame/barry.m4a" length="23456789" type="audio/x-m4a"/>
<itunes:duration>1:02:03</itunes:duration>
</item>
</channel>
</rss>
"""

Edit = tuple[str, str]

CH_DESC = "<description><![CDATA[<p>Movies, music, TV, arts and entertainment.</p>]]></description>"
IT2_DESC = "<description>Barry Jenkins talks about Moonlight.</description>"
ENC1 = (
    '<enclosure url="https://example.org/the-frame/ava.mp3" length="12345678" type="audio/mpeg"/>'
)
ENC2 = (
    '<enclosure url="https://example.org/the-frame/barry.m4a" length="23456789" '
    'type="audio/x-m4a"/>'
)
PERSON = (
    '<podcast:person role="guest" img="https://example.org/ava.jpg">Ava DuVernay</podcast:person>'
)
SOUNDBITE = '<podcast:soundbite startTime="60" duration="30"/>'
CATEGORY = '<itunes:category text="TV &amp; Film"><itunes:category text="Film Interviews"/>'
OWNER = "<itunes:email>podcasts@example.org</itunes:email>"
PUBDATE2 = "<pubDate>Mon, 14 Nov 2016 15:30:00 -0800</pubDate>"


def one(old: str, new: str) -> list[Edit]:
    return [(old, new)]


def nothing() -> list[Edit]:
    return []


#: Both items of BASE, to take them all away.
ITEMS = BASE[BASE.index("<item>") : BASE.rindex("</item>") + len("</item>\n")]

#: (rule id, edits that break it alone, edits that are the closest passing variant).
CASES: list[tuple[str, list[Edit], list[Edit]]] = [
    ("rss-version-missing", one('<rss version="2.0"', "<rss"), nothing()),
    ("rss-version-invalid", one('<rss version="2.0"', '<rss version="0.92"'), nothing()),
    (
        "namespace-uri-wrong",
        one("rss/1.0/modules/content/", "rss/1.0/modules/content"),
        nothing(),
    ),
    (
        "namespace-uri-wrong",
        one(
            "https://podcastindex.org/namespace/1.0",
            "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
        ),
        nothing(),
    ),
    ("channel-title-missing", one("<title>The Frame</title>", ""), nothing()),
    ("channel-title-missing", one("<title>The Frame</title>", "<title> </title>"), nothing()),
    ("channel-description-missing", one(CH_DESC, ""), nothing()),
    ("channel-link-missing", one("<link>https://example.org/the-frame/</link>", ""), nothing()),
    ("channel-language-missing", one("<language>en</language>", ""), nothing()),
    (
        "channel-language-invalid",
        one("<language>en</language>", "<language>English</language>"),
        one("<language>en</language>", "<language>en-US</language>"),
    ),
    (
        "channel-language-invalid",
        one("<language>en</language>", "<language>xx</language>"),
        one("<language>en</language>", "<language>gsw</language>"),
    ),
    (
        "channel-image-missing",
        one('<itunes:image href="https://example.org/the-frame/artwork.jpg"/>', ""),
        nothing(),
    ),
    (
        "image-href-invalid",
        one("artwork.jpg", "artwork.gif"),
        one("artwork.jpg", "artwork.JPEG?v=2"),
    ),
    ("image-href-invalid", one("ava.png", "ava.webp"), one("ava.png", "ava.jpeg")),
    ("channel-category-missing", one(CATEGORY + "</itunes:category>", ""), nothing()),
    (
        "channel-category-unknown",
        one('text="TV &amp; Film"', 'text="TV &amp; film"'),
        one('text="TV &amp; Film"><itunes:category text="Film Interviews"/>', 'text="History">'),
    ),
    (
        "channel-category-unknown",
        one('text="TV &amp; Film"><itunes:category text="Film Interviews"/>', 'text="Politics">'),
        nothing(),
    ),
    (
        "channel-subcategory-unknown",
        one('text="Film Interviews"', 'text="Film interviews"'),
        one('text="Film Interviews"', 'text="TV Reviews"'),
    ),
    (
        "channel-category-extra",
        one("</itunes:category>\n", '</itunes:category><itunes:category text="Arts"/>\n'),
        nothing(),
    ),
    (
        "channel-explicit-missing",
        one("<itunes:explicit>false</itunes:explicit>\n<itunes:author>", "<itunes:author>"),
        nothing(),
    ),
    (
        "explicit-deprecated",
        one(
            "<itunes:explicit>false</itunes:explicit>\n<itunes:author>",
            "<itunes:explicit>clean</itunes:explicit>\n<itunes:author>",
        ),
        one(
            "<itunes:explicit>false</itunes:explicit>\n<itunes:author>",
            "<itunes:explicit>true</itunes:explicit>\n<itunes:author>",
        ),
    ),
    (
        "explicit-deprecated",
        one(
            "<itunes:explicit>false</itunes:explicit>\n<itunes:image",
            "<itunes:explicit>yes</itunes:explicit>\n<itunes:image",
        ),
        nothing(),
    ),
    (
        "explicit-invalid",
        one(
            "<itunes:explicit>false</itunes:explicit>\n<itunes:image",
            "<itunes:explicit>explicit</itunes:explicit>\n<itunes:image",
        ),
        nothing(),
    ),
    ("channel-author-missing", one("<itunes:author>KPCC</itunes:author>", ""), nothing()),
    (
        "channel-owner-missing",
        one(f"<itunes:owner><itunes:name>KPCC</itunes:name>{OWNER}</itunes:owner>", ""),
        nothing(),
    ),
    ("channel-owner-email-missing", one(OWNER, ""), nothing()),
    (
        "channel-owner-email-invalid",
        one(OWNER, "<itunes:email>podcasts at example</itunes:email>"),
        nothing(),
    ),
    ("channel-copyright-missing", one("<copyright>2016 KPCC</copyright>", ""), nothing()),
    ("channel-no-items", one(ITEMS, ""), one(ITEMS, ITEMS[: ITEMS.index("</item>") + 8])),
    ("channel-type-missing", one("<itunes:type>episodic</itunes:type>", ""), nothing()),
    ("channel-type-invalid", one(">episodic<", ">Episodic<"), nothing()),
    (
        "item-episode-missing-serial",
        one(">episodic<", ">serial<"),
        [(">episodic<", ">serial<"), (PUBDATE2, PUBDATE2 + "<itunes:episode>1</itunes:episode>")],
    ),
    ("channel-self-link-missing", one(f'<atom:link href="{SELF_URL}"', "<link"), nothing()),
    (
        "podcast-guid-invalid",
        one(GUID, "y0ur-gu1d-g035-h3r3"),
        one(GUID, GUID.upper()),
    ),
    ("podcast-guid-invalid", one(GUID, GUID.replace("-", "")), nothing()),
    ("podcast-guid-invalid", one(GUID, f"urn:uuid:{GUID}"), nothing()),
    ("podcast-guid-not-v5", one(GUID, "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"), nothing()),
    (
        "podcast-guid-not-from-feed-url",
        one(GUID, "9b024349-ccf0-5f69-a609-6b82873eab3c"),
        nothing(),
    ),
    (
        "podcast-locked-invalid",
        one(">no</podcast:locked>", ">true</podcast:locked>"),
        one(">no</podcast:locked>", ">yes</podcast:locked>"),
    ),
    (
        "tag-value-too-long",
        one("<title>Barry Jenkins</title>", f"<title>{'x' * 256}</title>"),
        one("<title>Barry Jenkins</title>", f"<title>{'x' * 255}</title>"),
    ),
    (
        "tag-value-too-long",
        one("<itunes:author>KPCC</itunes:author>", f"<itunes:author>{'é' * 256}</itunes:author>"),
        nothing(),
    ),
    (
        "date-invalid",
        one(PUBDATE2, "<pubDate>2016-11-14T15:30:00-08:00</pubDate>"),
        one(PUBDATE2, "<pubDate>14 Nov 2016 15:30 PST</pubDate>"),
    ),
    (
        "date-invalid",
        one("<lastBuildDate>Tue, 15 Nov 2016", "<lastBuildDate>Tue, 15 Nov 16"),
        nothing(),
    ),
    (
        "date-weekday-wrong",
        one(PUBDATE2, "<pubDate>Sun, 14 Nov 2016 15:30:00 -0800</pubDate>"),
        nothing(),
    ),
    (
        "description-too-long",
        one(IT2_DESC, f"<description>{'é' * 2001}</description>"),
        one(IT2_DESC, f"<description>{'é' * 2000}</description>"),
    ),
    (
        "description-html-not-allowed",
        one(IT2_DESC, "<description><![CDATA[<p><b>Barry</b> talks<br/></p>]]></description>"),
        one(
            IT2_DESC,
            '<description><![CDATA[<p><a href="https://x.org/">Barry</a></p>]]></description>',
        ),
    ),
    (
        "description-html-not-allowed",
        one(IT2_DESC, "<description>Barry <b>Jenkins</b></description>"),
        one(IT2_DESC, "<description>Barry <a href='https://x.org/'>Jenkins</a></description>"),
    ),
    (
        "description-html-double-escaped",
        one(IT2_DESC, "<description><![CDATA[&lt;p&gt;Barry&lt;/p&gt;]]></description>"),
        one(IT2_DESC, "<description>&lt;p&gt;Barry &amp;amp; Moonlight&lt;/p&gt;</description>"),
    ),
    (
        "description-chapters-not-from-zero",
        one("(00:00) Intro", "(00:10) Intro"),
        one("(00:00) Intro", "00:00 Intro"),
    ),
    (
        "description-chapters-not-ascending",
        one("(12:00) Credits", "(01:00) Credits"),
        one("(12:00) Credits", "(1:00:00) Credits"),
    ),
    (
        "description-chapters-too-few",
        one("<p>(12:00) Credits</p>", ""),
        one("<p>(12:00) Credits</p>", "<p>Credits at 12:00</p><p>(12:30) Bonus</p>"),
    ),
    ("item-title-missing", one("<title>Barry Jenkins</title>", ""), nothing()),
    (
        "item-title-episode-number",
        one("<title>Barry Jenkins</title>", "<title>Episode 12: Barry Jenkins</title>"),
        one("<title>Barry Jenkins</title>", "<title>Barry Jenkins on 12 Years</title>"),
    ),
    (
        "item-title-episode-number",
        one("<title>Barry Jenkins</title>", "<title>Barry Jenkins (#12)</title>"),
        nothing(),
    ),
    ("item-description-missing", one(IT2_DESC, ""), nothing()),
    ("item-enclosure-missing", one(ENC2, ""), nothing()),
    (
        "item-enclosure-url-missing",
        one('url="https://example.org/the-frame/barry.m4a" ', ""),
        nothing(),
    ),
    (
        "item-enclosure-url-duplicate",
        one(ENC2, ENC1.replace("12345678", "23456789")),
        nothing(),
    ),
    (
        "item-enclosure-filename-not-ascii",
        one("barry.m4a", "barry-%C3%A9t%C3%A9.m4a"),
        one("barry.m4a", "barry-%20ete.m4a"),
    ),
    ("item-enclosure-filename-not-ascii", one("barry.m4a", "barry-été.m4a"), nothing()),
    # Apps download the enclosure as given: a relative or non-web URL, or a raw space, fails.
    (
        "item-enclosure-url-invalid",
        one("https://example.org/the-frame/barry.m4a", "the-frame/barry.m4a"),
        one("https://example.org/the-frame/barry.m4a", "https://example.org/the%20frame/barry.m4a"),
    ),
    (
        "item-enclosure-url-invalid",
        one("https://example.org/the-frame/barry.m4a", "https://example.org/the frame/barry.m4a"),
        nothing(),
    ),
    (
        "item-enclosure-url-invalid",
        one("https://example.org/the-frame/barry.m4a", "file:///srv/audio/barry.m4a"),
        nothing(),
    ),
    ("item-enclosure-length-missing", one(' length="23456789"', ""), nothing()),
    ("item-enclosure-length-not-bytes", one('"23456789"', '"0"'), one('"23456789"', '"10000"')),
    ("item-enclosure-length-not-bytes", one('"23456789"', '"None"'), nothing()),
    ("item-enclosure-length-not-bytes", one('"23456789"', '"23.4 MB"'), nothing()),
    ("item-enclosure-length-not-bytes", one('"23456789"', '"-23456789"'), nothing()),
    ("item-enclosure-length-suspicious", one('"23456789"', '"1805"'), nothing()),
    ("item-enclosure-length-repeated", one('"23456789"', '"12345678"'), nothing()),
    ("item-enclosure-type-missing", one(' type="audio/x-m4a"', ""), nothing()),
    (
        "item-enclosure-type-mismatch",
        one('type="audio/x-m4a"', 'type="audio/mpeg"'),
        one('type="audio/x-m4a"', 'type="audio/mp4"'),
    ),
    (
        "item-enclosure-type-mismatch",
        one('"12345678" type="audio/mpeg"', '"12345678" type="audio/mp3"'),
        nothing(),
    ),
    ("item-guid-missing", one('<guid isPermaLink="false">barry-guid</guid>', ""), nothing()),
    ("item-guid-missing", one(">barry-guid<", "><"), nothing()),
    ("item-guid-duplicate", one(">barry-guid<", ">ava-guid<"), nothing()),
    (
        "item-guid-permalink-not-url",
        one('<guid isPermaLink="false">barry-guid', "<guid>barry-guid"),
        one('<guid isPermaLink="false">barry-guid', "<guid>https://example.org/barry"),
    ),
    (
        "item-guid-permalink-not-url",
        one('<guid isPermaLink="false">barry-guid', '<guid isPermaLink="true">barry-guid'),
        nothing(),
    ),
    ("item-pubdate-missing", one(PUBDATE2, ""), nothing()),
    (
        "item-pubdate-future",
        one(PUBDATE2, "<pubDate>Thu, 15 Nov 2029 15:30:00 -0800</pubDate>"),
        one(PUBDATE2, "<pubDate>Wed, 31 Dec 2025 23:59:59 +0000</pubDate>"),
    ),
    ("item-duration-missing", one("<itunes:duration>1:02:03</itunes:duration>", ""), nothing()),
    (
        "item-duration-fractional",
        one(">1805<", ">1805.5<"),
        one(">1805<", ">30:05<"),
    ),
    ("item-duration-invalid", one(">1805<", ">30 minutes<"), one(">1805<", ">0:05<")),
    ("item-duration-invalid", one(">1:02:03<", ">1:62:03<"), one(">1:02:03<", ">62:03<")),
    (
        "item-episode-invalid",
        one("<itunes:episode>2<", "<itunes:episode>0<"),
        one("<itunes:episode>2<", "<itunes:episode>12<"),
    ),
    ("item-episode-invalid", one("<itunes:season>1<", "<itunes:season>one<"), nothing()),
    (
        "item-episode-type-invalid",
        one(">full<", ">episode<"),
        one(">full<", ">bonus<"),
    ),
    (
        "podcast-transcript-url-missing",
        one('url="https://example.org/the-frame/ava.html" ', ""),
        nothing(),
    ),
    (
        "podcast-transcript-type-invalid",
        one('type="text/html"', 'type="application/srt"'),
        one('type="text/html"', 'type="application/x-subrip"'),
    ),
    (
        "podcast-chapters-url-missing",
        one('url="https://example.org/the-frame/ava.json" ', ""),
        nothing(),
    ),
    (
        "podcast-chapters-type-invalid",
        one('type="application/json+chapters"', 'type="application/json"'),
        nothing(),
    ),
    ("podcast-person-name-missing", one(">Ava DuVernay</podcast:person>", "/>"), nothing()),
    (
        "podcast-person-name-too-long",
        one(">Ava DuVernay<", f">{'A' * 129}<"),
        one(">Ava DuVernay<", f">{'A' * 128}<"),
    ),
    (
        "podcast-person-role-unknown",
        one('role="guest"', 'role="presenter"'),
        one('role="guest"', 'role="CO-HOST"'),
    ),
    (
        "podcast-person-group-unknown",
        one('role="guest"', 'role="guest" group="talent"'),
        one('role="guest"', 'role="cover art designer" group="visuals"'),
    ),
    ("podcast-funding-url-missing", one('url="https://example.org/donate"', ""), nothing()),
    ("podcast-soundbite-invalid", one('startTime="60"', 'startTime="1:00"'), nothing()),
    ("podcast-soundbite-invalid", one('duration="30"', 'duration=""'), nothing()),
    (
        "podcast-soundbite-duration-out-of-range",
        one('duration="30"', 'duration="10.5"'),
        one('duration="30"', 'duration="15"'),
    ),
    (
        "podcast-soundbite-duration-out-of-range",
        one('duration="30"', 'duration="121"'),
        one('duration="30"', 'duration="120.0"'),
    ),
    (
        "podcast-season-invalid",
        one("<podcast:season>1<", "<podcast:season>one<"),
        one("<podcast:season>1<", "<podcast:season>0<"),
    ),
    (
        "podcast-episode-invalid",
        one("<podcast:episode>2<", "<podcast:episode>2b<"),
        one("<podcast:episode>2<", "<podcast:episode>2.5<"),
    ),
    (
        "podcast-transcript-captions-untimed",
        one('type="text/html"/>', 'type="text/html" rel="captions"/>'),
        one('type="text/html"/>', 'type="text/vtt" rel="captions"/>'),
    ),
    (
        "podcast-medium-invalid",
        one(">podcast</podcast:medium>", ">Podcast</podcast:medium>"),
        one(">podcast</podcast:medium>", ">courseL</podcast:medium>"),
    ),
    (
        "podcast-liveitem-status-invalid",
        one('status="pending"', 'status="scheduled"'),
        one('status="pending"', 'status="ended"'),
    ),
    (
        "podcast-liveitem-time-invalid",
        one('start="2016-11-16T15:30:00-08:00"', 'start="Wed, 16 Nov 2016 15:30:00 -0800"'),
        one('start="2016-11-16T15:30:00-08:00"', 'start="2016-11-16T15:30:00.000-0800"'),
    ),
    (
        "podcast-liveitem-time-invalid",
        one(' end="2016-11-16T16:00:00Z"', ' end="2016-11-16"'),
        one(' end="2016-11-16T16:00:00Z"', ""),
    ),
    (
        "podcast-liveitem-contentlink-missing",
        one(
            '<podcast:contentLink href="https://example.org/the-frame/live">Listen live'
            "</podcast:contentLink>",
            "",
        ),
        nothing(),
    ),
    (
        "url-not-https",
        one("https://example.org/the-frame/barry.m4a", "http://example.org/the-frame/barry.m4a"),
        nothing(),
    ),
    ("url-not-https", one('img="https://', 'img="http://'), one('img="https://', 'img="//')),
    ("url-not-https", one(f'href="{SELF_URL}"', f'href="http{SELF_URL[5:]}"'), nothing()),
]


def build(edits: list[Edit]) -> bytes:
    """Apply edits to BASE; each old text must occur exactly once."""
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text.encode("utf-8")


def line_of(text: str) -> int:
    """Return the line of BASE that holds this (unique) text."""
    (line,) = [n for n, row in enumerate(BASE.splitlines(), start=1) if text in row]
    return line


def ids(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def test_base_feed_passes_every_rule() -> None:
    assert validate_feed(build([]), "base.xml", now=NOW) == []


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert ids(validate_feed(build(bad), "bad.xml", now=NOW)) == [rule]
    assert validate_feed(build(good), "good.xml", now=NOW) == []


@pytest.mark.parametrize(
    ("document", "rule"),
    [
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "rss-root-missing"),
        (b'<rss version="2.0"></rss>', "rss-channel-missing"),
    ],
)
def test_document_rules(document: bytes, rule: str) -> None:
    assert ids(validate_feed(document, "doc.xml", now=NOW)) == [rule]


def test_every_rule_has_a_case() -> None:
    tested = {c[0] for c in CASES} | {"rss-root-missing", "rss-channel-missing"}
    assert tested == set(RULES)


def test_rules_are_documented() -> None:
    for rule in RULES.values():
        assert rule.severity in ("error", "warning", "info")
        assert rule.rationale and rule.message


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            one('"23456789"', '"0"'),
            Finding(
                "item-enclosure-length-not-bytes",
                "error",
                'enclosure length "0" is not a positive whole number of bytes',
                "channel/item[2] (guid barry-guid)/enclosure",
                line_of(ENC2),
            ),
        ),
        (
            one(">barry-guid<", ">ava-guid<"),
            Finding(
                "item-guid-duplicate",
                "error",
                'guid "ava-guid" is already used by item[1] (guid ava-guid)',
                "channel/item[2] (guid ava-guid)/guid",
                line_of(">barry-guid<"),
            ),
        ),
        (
            one('text="TV &amp; Film"', 'text="TV &amp; film"'),
            Finding(
                "channel-category-unknown",
                "error",
                'itunes:category "TV & film" is not in Apple\'s list (did you mean "TV & Film"?)',
                "channel/itunes:category",
                line_of(CATEGORY),
            ),
        ),
        (
            one(
                '<guid isPermaLink="false">barry-guid</guid>',
                "",
            ),
            Finding(
                "item-guid-missing",
                "warning",
                "the item's <guid> is missing",
                "channel/item[2] (title Barry Jenkins)",
                line_of("<title>Barry Jenkins</title>") - 1,
            ),
        ),
        (
            one("rss/1.0/modules/content/", "rss/1.0/modules/content"),
            Finding(
                "namespace-uri-wrong",
                "error",
                'prefix "content" is bound to "http://purl.org/rss/1.0/modules/content", not '
                '"http://purl.org/rss/1.0/modules/content/"; apps ignore its tags',
                "rss",
                line_of("<rss "),
            ),
        ),
        (
            one(GUID, "9b024349-ccf0-5f69-a609-6b82873eab3c"),
            Finding(
                "podcast-guid-not-from-feed-url",
                "info",
                'podcast:guid "9b024349-ccf0-5f69-a609-6b82873eab3c" is not the UUIDv5 of the self '
                f'URL "{SELF_URL}" ({GUID}); fine if the feed moved after the GUID was assigned',
                "channel/podcast:guid",
                line_of(f"<podcast:guid>{GUID}"),
            ),
        ),
    ],
)
def test_finding_text_and_place(edits: list[Edit], expected: Finding) -> None:
    assert validate_feed(build(edits), "f.xml", now=NOW) == [expected]


def test_wrong_podcast_namespace_hides_its_tags() -> None:
    # Under a wrong URI the podcast:* tags are invisible to apps, so they are not checked either.
    xml = build(
        [
            ("https://podcastindex.org/namespace/1.0", "https://example.org/podcast"),
            ('duration="30"', 'duration="1"'),
        ]
    )
    assert ids(validate_feed(xml, "f.xml", now=NOW)) == ["namespace-uri-wrong"]


def test_findings_come_in_document_order_with_other_prefixes() -> None:
    # Apps match by URI, so any prefix works; the report names tags by their usual prefix.
    xml = build([(" " + NS, NS.replace("xmlns:itunes=", " xmlns:it=")), (">episodic<", ">x<")])
    xml = xml.replace(b"<itunes:", b"<it:").replace(b"</itunes:", b"</it:")
    found = validate_feed(xml, "f.xml", now=NOW)
    assert [(f.rule, f.where) for f in found] == [("channel-type-invalid", "channel/itunes:type")]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            b'<rss version="2.0">\n<channel>\n  <itunes:explicit>no</itunes:explicit>',
            "bad.xml: not well-formed XML at line 3, column 19: Namespace prefix itunes on "
            "explicit is not defined",
        ),
        (
            b"\n<?xml version='1.0'?><rss/>",
            "bad.xml: not well-formed XML at line 2, column 6: XML declaration allowed only at "
            "the start of the document",
        ),
        (
            b'<rss version="2.0"><channel><title>A &nbsp; B</title></channel></rss>',
            "bad.xml: not well-formed XML at line 1, column 44: Entity 'nbsp' not defined",
        ),
        (b"", "bad.xml: not well-formed XML at line 1, column 1: Document is empty"),
    ],
)
def test_malformed_xml_names_line_and_column(document: bytes, message: str) -> None:
    with pytest.raises(FeedError) as err:
        validate_feed(document, "bad.xml")
    assert str(err.value) == message


def test_load_feed_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(BASE.encode())
    assert load_feed(str(path)) == BASE.encode()


def test_load_feed_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.xml"
    with pytest.raises(FeedError) as err:
        load_feed(str(path))
    assert str(err.value) == f"{path}: cannot read the feed: No such file or directory"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            body = BASE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/feed.xml.gz":  # gzip sent unasked, as some CDNs do
            body = gzip.compress(BASE.encode())
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(404, "Not Found")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_load_feed_over_http(server: str) -> None:
    assert load_feed(f"{server}/feed.xml") == BASE.encode()


def test_load_feed_http_error(server: str) -> None:
    with pytest.raises(FeedError) as err:
        load_feed(f"{server}/gone.xml")
    assert str(err.value) == f"{server}/gone.xml: HTTP 404 Not Found"


def test_load_feed_gzip_content_encoding(server: str) -> None:
    assert load_feed(f"{server}/feed.xml.gz") == BASE.encode()


def test_load_feed_redirect_loop_is_one_line(server: str) -> None:
    with pytest.raises(FeedError) as err:
        load_feed(f"{server}/loop")
    assert str(err.value) == f"{server}/loop: HTTP 302: too many redirects (a redirect loop)"


def test_load_feed_connection_refused() -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    httpd.server_close()  # nothing listens on that port now
    with pytest.raises(FeedError) as err:
        load_feed(f"http://127.0.0.1:{port}/feed.xml")
    assert str(err.value).startswith(f"http://127.0.0.1:{port}/feed.xml: cannot fetch the feed: ")


def test_findings_are_sorted_by_source_line() -> None:
    xml = build(
        [
            ("https://example.org/the-frame/barry.m4a", "http://example.org/the-frame/barry.m4a"),
            (">1805<", ">1805 s<"),
            (
                "<itunes:explicit>false</itunes:explicit>\n<itunes:author>",
                "<itunes:explicit>yes</itunes:explicit>\n<itunes:author>",
            ),
        ]
    )
    found = validate_feed(xml, "f.xml", now=NOW)
    assert [(f.rule, f.line) for f in found] == [
        ("explicit-deprecated", line_of("<itunes:author>") - 1),
        ("item-duration-invalid", line_of(">1805<")),
        ("url-not-https", line_of(ENC2)),
    ]


@pytest.mark.parametrize(
    ("description", "lines"),
    [
        # A clock time of day opening a line is prose, not a chapter: no Spotify warnings.
        ("<p>7:30pm: the screening starts.</p><p>Q&amp;A after.</p>", []),
        ("<p>10:30 a.m. update from the festival</p>", []),
        ("<p>7:30 PM at the Egyptian</p>", []),
        (
            "<p>(00:00) Intro</p><p>12:34 Pmdd talk</p><p>1:02:03 End</p>",
            [("00:00", 0), ("12:34", 754), ("1:02:03", 3723)],
        ),
    ],
)
def test_chapter_lines_skip_clock_times(description: str, lines: list[tuple[str, int]]) -> None:
    assert chapter_lines(description) == lines


def test_load_feed_refuses_a_huge_file_without_reading_it_all(tmp_path: Path) -> None:
    # A 1 GiB file given by mistake (a WAV, a disk image) is refused after 100 MB, not loaded.
    path = tmp_path / "episode.wav"
    with path.open("wb") as handle:
        handle.truncate(2**30)  # sparse: no disk used
    tracemalloc.start()
    try:
        with pytest.raises(FeedError) as err:
            load_feed(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(err.value) == f"{path}: the feed is larger than 100 MB"
    assert peak < 300 * 2**20
