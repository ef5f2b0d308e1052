"""The Podcasting 2.0 namespace rules, each alone."""

from __future__ import annotations

import pytest

from tests.feeds.validate.basefeed import (
    GUID,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    nothing,
    one,
)

TYPE = "<itunes:type>episodic</itunes:type>"

CASES: list[Case] = [
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
        "podcast-transcript-url-missing",
        one('url="https://example.org/the-frame/ava.html" ', ""),
        nothing(),
    ),
    (
        "podcast-transcript-type-invalid",
        one('type="text/html"', 'type="text/x-markdown"'),
        one('type="text/html"', 'type="application/x-subrip"'),
    ),
    # SRT's other names: the spec's list says "such as", and apps read them.
    ("podcast-transcript-type-invalid", one('type="text/html"', 'type="srt"'), nothing()),
    (
        "podcast-transcript-type-invalid",
        one('type="text/html"', 'type="text/subrip"'),
        one('type="text/html"', 'type="application/srt"'),
    ),
    (
        "podcast-transcript-type-invalid",
        one('type="text/html"', 'type=""'),
        one('type="text/html"', 'type="text/srt"'),
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
    # podcast:value and its recipients (written only when configured; checked whenever present).
    (
        "podcast-value-attribute-missing",
        one(' method="keysend"', ' method=""'),
        one(' method="keysend"', ' method="amp"'),
    ),
    ("podcast-value-attribute-missing", one('type="lightning" ', ""), nothing()),
    (
        "podcast-value-recipients-missing",
        one('<podcast:valueRecipient name="KPCC"', '<podcast:other name="KPCC"'),
        nothing(),
    ),
    (
        "podcast-valuerecipient-attribute-missing",
        one('type="node" split="100"', 'type="" split="100"'),
        one('type="node" split="100"', 'type="lnaddress" split="100"'),
    ),
    ("podcast-valuerecipient-attribute-missing", one(' split="100"', ""), nothing()),
    (
        "podcast-valuerecipient-attribute-missing",
        one('address="02d5c1bf8b940dc9', 'data="02d5c1bf8b940dc9'),
        nothing(),
    ),
    (
        "podcast-valuerecipient-split-invalid",
        one('split="100"', 'split="50%"'),
        one('split="100"', 'split="3"'),
    ),
    (
        "podcast-season-name-invalid",
        one("<podcast:season>1<", f'<podcast:season name="{"S" * 129}">1<'),
        one("<podcast:season>1<", '<podcast:season name="Hollywood">1<'),
    ),
    (
        "podcast-season-name-invalid",
        one("<podcast:season>1<", '<podcast:season name=" ">1<'),
        nothing(),
    ),
    # podcast:trailer: url, pubdate and a title; whole numbers.
    (
        "podcast-trailer-attribute-missing",
        one(
            '<podcast:trailer url="https://example.org',
            '<podcast:trailer href="https://example.org',
        ),
        nothing(),
    ),
    (
        "podcast-trailer-attribute-missing",
        one('pubdate="Mon, 07 Nov 2016 08:00:00 -0800" ', ""),
        nothing(),
    ),
    (
        "podcast-trailer-pubdate-invalid",
        one('pubdate="Mon, 07 Nov 2016 08:00:00 -0800"', 'pubdate="2016-11-07T08:00:00Z"'),
        one('pubdate="Mon, 07 Nov 2016 08:00:00 -0800"', 'pubdate="Mon, 07 Nov 2016 16:00:00 GMT"'),
    ),
    (
        "podcast-trailer-title-invalid",
        one(">Coming soon</podcast:trailer>", "></podcast:trailer>"),
        one(">Coming soon</podcast:trailer>", ">Season 1: Hollywood</podcast:trailer>"),
    ),
    (
        "podcast-trailer-number-invalid",
        one('length="123456"', 'length="1.2 MB"'),
        nothing(),
    ),
    ("podcast-trailer-number-invalid", one('season="1">', 'season="one">'), nothing()),
    # podcast:image: the attributes of a form.
    (
        "podcast-image-attribute-invalid",
        one('aspect-ratio="16/9"', 'aspect-ratio="wide"'),
        one('aspect-ratio="16/9"', 'aspect-ratio="1.91 / 1" width="1200" purpose="social banner"'),
    ),
    ("podcast-image-attribute-invalid", one('aspect-ratio="16/9"', 'width="1200px"'), nothing()),
    (
        "podcast-image-attribute-invalid",
        one('aspect-ratio="16/9"', 'purpose="social  banner"'),
        nothing(),
    ),
    ("podcast-image-attribute-invalid", one('aspect-ratio="16/9"', 'type="jpeg"'), nothing()),
    # podcast:location: a name, and attributes of the spec's forms.
    (
        "podcast-location-invalid",
        one(">Pasadena</podcast:location>", "></podcast:location>"),
        one(">Pasadena</podcast:location>", ">Pasadena, CA</podcast:location>"),
    ),
    ("podcast-location-invalid", one(">Pasadena<", f">{'P' * 129}<"), nothing()),
    (
        "podcast-location-attribute-invalid",
        one('rel="creator"', 'rel="made-in"'),
        one('rel="creator"', 'rel="subject"'),
    ),
    (
        "podcast-location-attribute-invalid",
        one('geo="geo:34.1478,-118.1445"', 'geo="34.1478,-118.1445"'),
        one('geo="geo:34.1478,-118.1445"', 'geo="geo:34.1478,-118.1445;u=350"'),
    ),
    ("podcast-location-attribute-invalid", one('osm="R1646366"', 'osm="1646366"'), nothing()),
    (
        "podcast-location-attribute-invalid",
        one('country="US"', 'country="USA"'),
        one('country="US"', 'country="GB"'),
    ),
    # podcast:alternateEnclosure, podcast:source, podcast:integrity.
    (
        "podcast-alternateenclosure-type-missing",
        one('type="audio/opus" ', ""),
        one('type="audio/opus" ', 'type="audio/ogg" '),
    ),
    (
        "podcast-alternateenclosure-length-invalid",
        one('length="5678901"', 'length="5.4 MB"'),
        one('length="5678901" ', ""),
    ),
    (
        "podcast-alternateenclosure-source-missing",
        one('<podcast:source uri="https://example.org/the-frame/ava.opus"/>', ""),
        nothing(),
    ),
    (
        "podcast-alternateenclosure-bitrate-invalid",
        one('bitrate="32000"', 'bitrate="32 kbps"'),
        one('bitrate="32000"', 'bitrate="32000.5"'),
    ),
    (
        "podcast-alternateenclosure-default-invalid",
        one('bitrate="32000"', 'bitrate="32000" default="yes"'),
        one('bitrate="32000"', 'bitrate="32000" default="true"'),
    ),
    (
        "podcast-alternateenclosure-default-twice",
        [
            ('bitrate="32000"', 'bitrate="32000" default="true"'),
            (
                "</podcast:alternateEnclosure>",
                '</podcast:alternateEnclosure>\n<podcast:alternateEnclosure type="audio/mpeg" '
                'length="1" default="true">'
                '<podcast:source uri="https://example.org/the-frame/a.mp3"/>'
                "</podcast:alternateEnclosure>",
            ),
        ],
        one('bitrate="32000"', 'bitrate="32000" default="true"'),
    ),
    (
        "podcast-integrity-sri-invalid",
        one('value="sha384-', 'value="md5-'),
        one('value="sha384-', 'value="sha512-'),
    ),
    (
        "podcast-source-uri-missing",
        one('uri="https://example.org/the-frame/ava.opus"', 'uri=""'),
        one(
            'uri="https://example.org/the-frame/ava.opus"',
            'uri="ipfs://QmX33Fvwdo7V5jpykcULoRqoeoRvoXJhD2C8EMuzwnnmcm"',
        ),
    ),
    (
        "podcast-integrity-invalid",
        one('<podcast:integrity type="sri"', '<podcast:integrity type="sha256"'),
        one('<podcast:integrity type="sri"', '<podcast:integrity type="pgp-signature"'),
    ),
    ("podcast-integrity-invalid", one('value="sha384-', 'other="sha384-'), nothing()),
    # podcast:updateFrequency: an RFC 5545 RRULE, a text of at most 128 characters.
    (
        "podcast-updatefrequency-rrule-invalid",
        one('rrule="FREQ=WEEKLY;BYDAY=MO"', 'rrule="weekly on mondays"'),
        one('rrule="FREQ=WEEKLY;BYDAY=MO"', 'rrule="FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU"'),
    ),
    (
        "podcast-updatefrequency-rrule-invalid",
        one('rrule="FREQ=WEEKLY;BYDAY=MO"', 'rrule="BYDAY=MO"'),
        one('rrule="FREQ=WEEKLY;BYDAY=MO"', 'dtstart="2016-11-14"'),
    ),
    (
        "podcast-updatefrequency-text-too-long",
        one(">Mondays</podcast:updateFrequency>", f">{'M' * 129}</podcast:updateFrequency>"),
        one(">Mondays</podcast:updateFrequency>", f">{'M' * 128}</podcast:updateFrequency>"),
    ),
    (
        "podcast-contentlink-href-missing",
        one(
            '<podcast:contentLink href="https://example.org/the-frame/live"', "<podcast:contentLink"
        ),
        nothing(),
    ),
    # podcast:txt, license, podroll/remoteItem, image; itunes:new-feed-url.
    (
        "podcast-txt-invalid",
        one(">S6lpp-7ZCn8-dZfGc-OoyaG<", "><"),
        one(">S6lpp-7ZCn8-dZfGc-OoyaG<", f">{'t' * 4000}<"),
    ),
    ("podcast-txt-invalid", one(">S6lpp-7ZCn8-dZfGc-OoyaG<", f">{'t' * 4001}<"), nothing()),
    (
        "podcast-txt-invalid",
        one('purpose="verify"', f'purpose="{"p" * 129}"'),
        one('purpose="verify"', f'purpose="{"p" * 128}"'),
    ),
    (
        "podcast-license-invalid",
        one(">cc-by-4.0<", "><"),
        one(">cc-by-4.0<", f">{'l' * 128}<"),
    ),
    ("podcast-license-invalid", one(">cc-by-4.0<", f">{'l' * 129}<"), nothing()),
    (
        "podcast-podroll-empty",
        one('<podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810"/>', ""),
        nothing(),
    ),
    (
        "podcast-remoteitem-feedguid-missing",
        one('feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810"', 'feedUrl="https://example.org/f"'),
        nothing(),
    ),
    (
        "podcast-image-href-missing",
        one('<podcast:image href="https://example.org/the-frame/wide.jpg"', "<podcast:image"),
        nothing(),
    ),
    (
        "new-feed-url-invalid",
        one(TYPE, TYPE + "<itunes:new-feed-url>feed.xml</itunes:new-feed-url>"),
        one(TYPE, TYPE + "<itunes:new-feed-url>https://example.org/f.xml</itunes:new-feed-url>"),
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)
