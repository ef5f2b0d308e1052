"""The shared value rules: what segment files and show.toml refuse alike, with the message."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from segments.values import VALUE_RULES, rule_for, text_problem, value_problem

REFUSED: list[tuple[str, object, str]] = [
    ("chapters[2].start", float("nan"), "chapters[2].start: nan is not a number of seconds"),
    (
        "audio.duration_seconds",
        float("inf"),
        "audio.duration_seconds: inf is not a number of seconds",
    ),
    ("chapters[0].end", -1.0, "chapters[0].end: -1 seconds is outside 0..604800"),
    ("episode", 10**20, "episode: 1e+20 is outside 1..1000000"),
    ("season", 0, "season: 0 is outside 1..10000"),
    ("audio.size_bytes", 10**29, "audio.size_bytes: 1e+29 bytes is outside 1..1099511627776"),
    ("title", "x" * 256, "title: is 256 characters; Apple allows 255"),
    ("description", "é" * 2001, "description: is 4002 bytes; Apple allows 4000"),
    ("title", "a\ud800b", "title: has a lone surrogate (U+D800) at character 2"),
    (
        "people[0].name",
        "So\x1b[31m",
        "people[0].name: has a control character (U+001B) at character 3",
    ),
    ("caption", "a\x85b", "caption: has a control character (U+0085) at character 2"),
    ("language", "!!", "language: '!!' is not an ISO 639 language code such as 'en' or 'en-us'"),
    ("language", "EN", "language: 'EN' is not an ISO 639 language code such as 'en' or 'en-us'"),
    (
        "published",
        date(1, 1, 1),
        "published: 0001-01-01 is outside 1900..2099 (RFC 2822 dates start in 1900)",
    ),
    (
        "published",
        datetime(2200, 1, 1, tzinfo=UTC),
        "published: 2200-01-01T00:00:00+00:00 is outside 1900..2099 (RFC 2822 dates start in 1900)",
    ),
    ("link", "javascript:alert(1)", "link: 'javascript:alert(1)' is not an http(s) URL"),
    (
        "people[1].img",
        "data:image/png,x",
        "people[1].img: 'data:image/png,x' is not an http(s) URL",
    ),
    ("images[0].url", "img/1.jpg", "images[0].url: 'img/1.jpg' is not an http(s) URL"),
    (
        "chapters[0].url",
        "javascript:x",
        "chapters[0].url: 'javascript:x' is not an http(s) URL or a relative one",
    ),
    (
        "link",
        "https://a.example/b c",
        "link: 'https://a.example/b c' has a space or control character; write it as %20",
    ),
]

SLUGS_REFUSED = [
    "../../x",
    "/etc/x",
    "a/b",
    ".hidden",
    "a..b",
    "Upper",
    "under_score",
    "a--b",
    "-a",
    "",
    "a" * 101,
]


@pytest.mark.parametrize(("key", "value", "message"), REFUSED)
def test_refused_values_name_the_key(key: str, value: object, message: str) -> None:
    assert value_problem(key, value) == message


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("title", "x" * 255),
        ("description", "é" * 2000),
        ("title", "Tab\tand\nnewline"),
        ("title", "😀 and ünïcödé"),
        ("language", "en-US"),
        ("language", "gsw"),
        ("episode", 1),
        ("chapters[3].start", 0),
        ("chapters[3].start", 604800.0),
        ("published", date(1900, 1, 1)),
        ("published", date(2099, 12, 31)),
        ("chapters[0].url", "chapters/1.html"),
        ("chapters[0].image", "https://example.org/1.jpg"),
        ("slug", "res158-sternfusion-2"),
        ("slug", "a" * 100),
        ("guid", "994022df-b26c-4269-ab4b-de9718e0b84c"),
        ("source.path", "pages/\udcffpage.txt"),  # a file name that is not UTF-8, escaped
        ("audio.path", "audio/a b.mp3"),
    ],
)
def test_good_values_pass(key: str, value: object) -> None:
    assert value_problem(key, value) is None


@pytest.mark.parametrize("slug", SLUGS_REFUSED)
def test_only_our_own_slug_form_is_a_slug(slug: str) -> None:
    problem = value_problem("slug", slug)
    assert problem is not None and problem.startswith("slug: "), problem


def test_a_key_finds_its_most_specific_rule() -> None:
    assert rule_for("chapters[12].url") is VALUE_RULES["chapters.url"]
    assert rule_for("show.funding[0].url") is VALUE_RULES["url"]
    assert rule_for("show.title") is VALUE_RULES["title"]
    assert rule_for("guid") is None  # a text with the default rule only


def test_every_xml_forbidden_character_is_a_problem() -> None:
    from lxml import etree

    for code in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF]:
        char = chr(code)
        if char in "\t\n\r":
            assert text_problem(char) is None
            continue
        assert text_problem(f"a{char}") is not None, hex(code)
        if code < 0x20 or code >= 0xD800:  # lxml refuses these: what we refuse first
            with pytest.raises(ValueError):
                etree.Element("a").text = f"a{char}"
