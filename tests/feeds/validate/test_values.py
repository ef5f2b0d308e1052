"""The tag value rules (explicit, image, dates, lengths), each alone, wherever the tag stands."""

from __future__ import annotations

import pytest

from tests.feeds.validate.basefeed import (
    PUBDATE2,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    nothing,
    one,
)

CASES: list[Case] = [
    (
        "image-href-invalid",
        one("artwork.jpg", "artwork.gif"),
        one("artwork.jpg", "artwork.JPEG?v=2"),
    ),
    ("image-href-invalid", one("ava.png", "ava.webp"), one("ava.png", "ava.jpeg")),
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
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)
