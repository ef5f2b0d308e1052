"""The description rules: size, allowed HTML and Spotify's chapter lines."""

from __future__ import annotations

import pytest

from feeds.validate import chapter_lines
from tests.feeds.validate.basefeed import (
    IT2_DESC,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    one,
)

CASES: list[Case] = [
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
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)


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
