"""The feed every validator test starts from, and the helpers that break it one edit at a time."""

from __future__ import annotations

import gzip
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from feeds.validate import Finding, validate_feed

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
<podcast:updateFrequency rrule="FREQ=WEEKLY;BYDAY=MO">Mondays</podcast:updateFrequency>
<podcast:license>cc-by-4.0</podcast:license>
<podcast:txt purpose="verify">S6lpp-7ZCn8-dZfGc-OoyaG</podcast:txt>
<podcast:podroll><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810"/>\
</podcast:podroll>
<podcast:image href="https://example.org/the-frame/wide.jpg" aspect-ratio="16/9"/>
<podcast:trailer url="https://example.org/the-frame/trailer.mp3" \
pubdate="Mon, 07 Nov 2016 08:00:00 -0800" length="123456" type="audio/mpeg" season="1">\
Coming soon</podcast:trailer>
<podcast:location rel="creator" geo="geo:34.1478,-118.1445" osm="R1646366" country="US">\
Pasadena</podcast:location>
<podcast:value type="lightning" method="keysend" suggested="0.00000005000">
<podcast:valueRecipient name="KPCC" type="node" split="100" \
address="02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52"/>
</podcast:value>
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
<podcast:alternateEnclosure type="audio/opus" length="5678901" bitrate="32000">
<podcast:integrity type="sri" value="sha384-ExVqijgYHm15PqQqdXfW95x+Rs6C+d6E/ICxyQOeFevnxNLR/wtJNrNYTjIysUBo"/>
<podcast:source uri="https://example.org/the-frame/ava.opus"/>
</podcast:alternateEnclosure>
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
Case = tuple[str, list[Edit], list[Edit]]


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


def assert_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    """Check that the bad edits break this rule and no other, and the good ones break none."""
    assert ids(validate_feed(build(bad), "bad.xml", now=NOW)) == [rule]
    assert validate_feed(build(good), "good.xml", now=NOW) == []


class Handler(BaseHTTPRequestHandler):
    """Serve BASE at /feed.xml (plain and gzip-encoded), a redirect loop at /loop, 404 elsewhere."""

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
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
