"""The enclosure rules (URL, length in bytes, MIME type), each alone."""

from __future__ import annotations

import pytest

from tests.feeds.validate.basefeed import (
    ENC1,
    ENC2,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    nothing,
    one,
)

CASES: list[Case] = [
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
    # Seconds above 10,000 bytes are not "too small", but they are the item's itunes:duration.
    (
        "item-enclosure-length-is-duration",
        [('"12345678"', '"36000"'), (">1805<", ">36000<")],
        [('"12345678"', '"36000123"'), (">1805<", ">36000<")],
    ),
    (
        "item-enclosure-length-is-duration",
        [('"23456789"', '"10805"'), (">1:02:03<", ">3:00:05<")],
        [('"23456789"', '"10805000"'), (">1:02:03<", ">3:00:05<")],
    ),
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
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)
