"""The https rule for every web URL in the feed."""

from __future__ import annotations

import pytest

from tests.feeds.validate.basefeed import (
    SELF_URL,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    nothing,
    one,
)

CASES: list[Case] = [
    (
        "url-not-https",
        one("https://example.org/the-frame/barry.m4a", "http://example.org/the-frame/barry.m4a"),
        nothing(),
    ),
    ("url-not-https", one('img="https://', 'img="http://'), one('img="https://', 'img="//')),
    ("url-not-https", one(f'href="{SELF_URL}"', f'href="http{SELF_URL[5:]}"'), nothing()),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)
