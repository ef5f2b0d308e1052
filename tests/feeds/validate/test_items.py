"""The item rules (title, guid, date, duration, numbering), each alone."""

from __future__ import annotations

import pytest

from tests.feeds.validate.basefeed import (
    IT2_DESC,
    PUBDATE2,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    nothing,
    one,
)

CASES: list[Case] = [
    (
        "item-episode-missing-serial",
        one(">episodic<", ">serial<"),
        [(">episodic<", ">serial<"), (PUBDATE2, PUBDATE2 + "<itunes:episode>1</itunes:episode>")],
    ),
    # Apple allows trailers and bonus episodes without a number, in serial shows too.
    (
        "item-episode-missing-serial",
        [
            (">episodic<", ">serial<"),
            (PUBDATE2, PUBDATE2 + "<itunes:episodeType>full</itunes:episodeType>"),
        ],
        [
            (">episodic<", ">serial<"),
            (PUBDATE2, PUBDATE2 + "<itunes:episodeType>trailer</itunes:episodeType>"),
        ],
    ),
    (
        "item-episode-missing-serial",
        [
            (">episodic<", ">serial<"),
            (PUBDATE2, PUBDATE2 + "<itunes:episodeType>Full</itunes:episodeType>"),
        ],
        [
            (">episodic<", ">serial<"),
            (PUBDATE2, PUBDATE2 + "<itunes:episodeType>bonus</itunes:episodeType>"),
        ],
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
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)
