"""The channel rules, each alone: a feed from BASE that breaks it once, and one that passes."""

from __future__ import annotations

import pytest

from tests.feeds.validate.basefeed import (
    CATEGORY,
    CH_DESC,
    ITEMS,
    OWNER,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    nothing,
    one,
)

CASES: list[Case] = [
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
    ("channel-self-link-missing", one('rel="self"', 'rel="hub"'), nothing()),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)
