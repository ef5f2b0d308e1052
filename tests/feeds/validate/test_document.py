"""The document rules: an RSS 2.0 root with one channel, and the namespace URIs."""

from __future__ import annotations

import pytest

from feeds.validate import validate_document, validate_feed
from segments.errors import FeedError
from tests.feeds.validate.basefeed import (
    NOW,
    NS,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    build,
    ids,
    line_of,
    nothing,
    one,
)

CASES: list[Case] = [
    ("rss-version-missing", one('<rss version="2.0"', "<rss"), nothing()),
    ("rss-version-invalid", one('<rss version="2.0"', '<rss version="0.92"'), nothing()),
    (
        "namespace-uri-wrong",
        one("rss/1.0/modules/content/", "rss/1.0/modules/content"),
        nothing(),
    ),
    (
        "namespace-uri-wrong",
        one("https://podcastindex.org/namespace/1.0", "https://podcastindex.org/namespace/1.0/"),
        # The namespace's first URI: the spec says clients must treat it as identical.
        one(
            "https://podcastindex.org/namespace/1.0",
            "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
        ),
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)


@pytest.mark.parametrize(
    ("document", "rule"),
    [
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "rss-root-missing"),
        (b'<rss version="2.0"></rss>', "rss-channel-missing"),
    ],
)
def test_document_rules(document: bytes, rule: str) -> None:
    assert ids(validate_feed(document, "doc.xml", now=NOW)) == [rule]


def test_wrong_podcast_namespace_hides_its_tags() -> None:
    # Under a wrong URI the podcast:* tags are invisible to apps, so they are not checked either.
    xml = build(
        [
            ("https://podcastindex.org/namespace/1.0", "https://example.org/podcast"),
            ('duration="30"', 'duration="1"'),
        ]
    )
    assert ids(validate_feed(xml, "f.xml", now=NOW)) == ["namespace-uri-wrong"]


def test_not_well_formed_is_a_finding_for_json_readers() -> None:
    broken = build([("<title>Barry Jenkins</title>", "<title>Barry Jenkins</titel>")])
    (finding,) = validate_document(broken, "f.xml", now=NOW)
    assert (finding.rule, finding.severity, finding.line) == (
        "xml-not-well-formed",
        "error",
        line_of("<title>Barry Jenkins</title>"),
    )
    assert finding.message.startswith("not well-formed XML at line ")
    assert validate_document(build([]), "f.xml", now=NOW) == []


OLD_URI = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"


@pytest.mark.parametrize("prefix", ["podcast", "pc"])
def test_old_podcast_namespace_uri_is_the_same_namespace(prefix: str) -> None:
    # The spec: clients must treat the first URI as identical, so every podcast:* rule runs
    # (as in ../shared/corpus/feeds/pc20_podcasting20show.xml, which binds it).
    edits = [
        ('xmlns:podcast="https://podcastindex.org/namespace/1.0"', f'xmlns:{prefix}="{OLD_URI}"'),
        (">Ava DuVernay</podcast:person>", "/>"),
        ('start="2016-11-16T15:30:00-08:00"', 'start="Wednesday 3:30pm"'),
        ('startTime="60" duration="30"', 'startTime="" duration=""'),
    ]
    xml = build(edits).replace(b"podcast:", f"{prefix}:".encode())
    assert ids(validate_feed(xml, "f.xml", now=NOW)) == [
        "podcast-liveitem-time-invalid",
        "podcast-person-name-missing",
        "podcast-soundbite-invalid",
        "podcast-soundbite-invalid",
    ]
    clean = build([edits[0]]).replace(b"podcast:", f"{prefix}:".encode())
    assert validate_feed(clean, "f.xml", now=NOW) == []


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
