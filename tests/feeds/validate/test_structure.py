"""Where tags stand and how often, each rule alone."""

from __future__ import annotations

import pytest

from tests.feeds.validate.basefeed import (
    CATEGORY,
    OWNER,
    PUBDATE2,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    nothing,
    one,
)

NEW_FEED = "<itunes:new-feed-url>https://example.org/new/feed.xml</itunes:new-feed-url>"
TYPE = "<itunes:type>episodic</itunes:type>"
EXPLICIT2 = "<itunes:explicit>false</itunes:explicit>\n<itunes:image"
CH_IMAGE = '<itunes:image href="https://example.org/the-frame/artwork.jpg"/>'

CASES: list[Case] = [
    # itunes:new-feed-url belongs in the channel: inside itunes:owner or an item apps miss it.
    (
        "tag-misplaced",
        one(OWNER, OWNER + NEW_FEED),
        one(TYPE, TYPE + NEW_FEED),
    ),
    ("tag-misplaced", one(PUBDATE2, PUBDATE2 + NEW_FEED), nothing()),
    # itunes:owner inside an item, or inside itunes:owner.
    (
        "tag-misplaced",
        one(
            PUBDATE2,
            PUBDATE2 + "<itunes:owner><itunes:email>a@example.org</itunes:email></itunes:owner>",
        ),
        nothing(),
    ),
    (
        "tag-misplaced",
        one(OWNER, OWNER + "<itunes:owner><itunes:name>KPCC</itunes:name></itunes:owner>"),
        nothing(),
    ),
    (
        "tag-misplaced",
        one(PUBDATE2, PUBDATE2 + "<podcast:medium>music</podcast:medium>"),
        nothing(),
    ),
    # Two channel artworks; two itunes:explicit in an item; two pubDates.
    ("tag-repeated", one(CH_IMAGE, CH_IMAGE + CH_IMAGE.replace(".jpg", "2.jpg")), nothing()),
    (
        "tag-repeated",
        one(EXPLICIT2, "<itunes:explicit>false</itunes:explicit>" + EXPLICIT2),
        nothing(),
    ),
    ("tag-repeated", one(PUBDATE2, PUBDATE2 + PUBDATE2), nothing()),
    # podcast:person and podcast:transcript may repeat: the closest passing variant.
    (
        "tag-repeated",
        one(TYPE, TYPE + TYPE),
        one(
            "<podcast:medium>",
            '<podcast:person role="host">Someone Else</podcast:person><podcast:medium>',
        ),
    ),
    # An empty category name: no category at all as far as Apple can tell.
    ("category-text-empty", one(CATEGORY, '<itunes:category text="">'), nothing()),
    (
        "category-text-empty",
        one('<itunes:category text="Film Interviews"/>', "<itunes:category/>"),
        nothing(),
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)
