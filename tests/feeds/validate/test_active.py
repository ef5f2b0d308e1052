"""Active URLs anywhere in the feed, active content in show notes, and (with the published folder)
in the JSON chapters files: each rule with a failing and a passing minimal case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feeds.validate import validate_feed
from feeds.validate.active import url_scheme
from tests.feeds.validate.basefeed import (
    CH_DESC,
    IT2_DESC,
    NOW,
    PERSON,
    Case,
    Edit,
    assert_fails_alone_and_passes,
    build,
    ids,
    nothing,
    one,
)

JS = "javascript:alert(1)"
DESC_P = "<p>Movies, music, TV, arts and entertainment.</p>"


def _cdata(html: str) -> str:
    return f"<description><![CDATA[{html}]]></description>"


CASES: list[Case] = [
    # Every URL place of the feed: javascript:, data:, file:, vbscript: are errors...
    (
        "url-active",
        one("<link>https://example.org/the-frame/</link>", f"<link>{JS}</link>"),
        nothing(),
    ),
    (
        "url-active",
        one('img="https://example.org/ava.jpg"', 'img="data:image/png;base64,AAAA"'),
        nothing(),
    ),
    ("url-active", one('href="https://example.org/horn"', 'href="vbscript:msgbox(1)"'), nothing()),
    (
        "url-active",
        one('<podcast:transcript url="https://', '<podcast:transcript url="file:///srv/'),
        nothing(),
    ),
    (
        "url-active",
        one('<podcast:chapters url="https://', f'<podcast:chapters url="{JS}#'),
        nothing(),
    ),
    (
        "url-active",
        one('url="https://example.org/donate"', 'url=" JaVa&#9;Script:alert(1)"'),
        nothing(),
    ),
    ("url-active", one('uri="https://example.org/the-frame/ava.opus"', f'uri="{JS}"'), nothing()),
    ("url-active", one('href="https://example.org/the-frame/live"', f'href="{JS}"'), nothing()),
    ("url-active", one('url="https://example.org/the-frame/live.mp3"', f'url="{JS}"'), nothing()),
    ("url-active", one('href="https://example.org/the-frame/wide.jpg"', f'href="{JS}"'), nothing()),
    (
        "url-active",
        one('<podcast:remoteItem feedGuid="', f'<podcast:remoteItem feedUrl="{JS}" feedGuid="'),
        one(
            '<podcast:remoteItem feedGuid="',
            '<podcast:remoteItem feedUrl="https://e.org/f" feedGuid="',
        ),
    ),
    (
        "url-active",
        one(
            "</podcast:podroll>",
            f'</podcast:podroll><podcast:location geo="{JS}">LA</podcast:location>',
        ),
        one(
            "</podcast:podroll>",
            '</podcast:podroll><podcast:location geo="geo:34.1,-118.3">LA</podcast:location>',
        ),
    ),
    # ... and an active scheme in any other attribute or text too.
    (
        "url-active",
        one("<itunes:author>KPCC</itunes:author>", f"<itunes:author>{JS}</itunes:author>"),
        nothing(),
    ),
    (
        "url-active",
        one('<podcast:soundbite startTime="60"', f'<podcast:soundbite title="{JS}" startTime="60"'),
        one(
            '<podcast:soundbite startTime="60"',
            '<podcast:soundbite title="javascript is fun" startTime="60"',
        ),
    ),
    # Show notes: event handlers and javascript: links on allowed tags, scripts.
    (
        "description-active-content",
        one(CH_DESC, _cdata('<p onclick="alert(1)">Movies.</p>')),
        one(CH_DESC, _cdata("<p>Movies. onclick=alert(1) is text here</p>")),
    ),
    (
        "description-active-content",
        one(CH_DESC, _cdata(f'<p><a href="{JS}">Movies</a></p>')),
        one(CH_DESC, _cdata('<p><a href="mailto:a@example.org">Movies</a></p>')),
    ),
    (
        "description-active-content",  # escaped HTML, not CDATA: the same to an app
        one(
            IT2_DESC,
            '<description>&lt;a href="jav&amp;#x61;script:x"&gt;Barry&lt;/a&gt;</description>',
        ),
        one(IT2_DESC, '<description>&lt;a href="https://e.org/"&gt;Barry&lt;/a&gt;</description>'),
    ),
    (
        "description-active-content",
        one(
            "<itunes:type>",
            f'<itunes:summary>&lt;p&gt;&lt;a href="{JS}"&gt;x&lt;/a&gt;&lt;/p&gt;</itunes:summary><itunes:type>',
        ),
        one("<itunes:type>", "<itunes:summary>Movies, music, TV.</itunes:summary><itunes:type>"),
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(rule: str, bad: list[Edit], good: list[Edit]) -> None:
    assert_fails_alone_and_passes(rule, bad, good)


def test_a_script_in_show_notes_is_active_content_and_not_allowed_html() -> None:
    bad = build(one(DESC_P, f"{DESC_P}<script>alert(1)</script><img src=x onerror=alert(2)>"))
    findings = validate_feed(bad, "bad.xml", now=NOW)
    assert sorted(ids(findings)) == ["description-active-content", "description-html-not-allowed"]
    active = next(f for f in findings if f.rule == "description-active-content")
    assert active.message == (
        "<description> holds a <script> element, an event handler (onerror); "
        "an app that renders it runs it"
    )


def test_an_item_enclosure_is_reported_once_by_its_own_rule() -> None:
    bad = build(one('url="https://example.org/the-frame/ava.mp3"', f'url="{JS}"'))
    assert ids(validate_feed(bad, "bad.xml", now=NOW)) == ["item-enclosure-url-invalid"]


def test_the_message_names_the_place_the_url_and_its_scheme() -> None:
    (finding,) = validate_feed(
        build(one(PERSON, PERSON.replace("https://example.org/ava.jpg", JS))), "f", now=NOW
    )
    assert finding.message == (
        'channel/item[1] (guid ava-guid)/podcast:person@img "javascript:alert(1)" is a '
        "javascript: URL, not http(s); a reader may follow it"
    )
    assert finding.where == "channel/item[1] (guid ava-guid)/podcast:person@img"


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        (" JaVa\tScript:alert(1)", "javascript"),
        ("java\nscript:x", "javascript"),
        ("/a:b", None),
        ("https://e.org", "https"),
        ("DATA:text/html,x", "data"),
    ],
)
def test_url_scheme_reads_it_as_a_browser_does(value: str, scheme: str | None) -> None:
    assert url_scheme(value) == scheme


# --- the published folder: JSON chapters files (feed validate --files DIR) ------------------------

#: (rule, chapters file contents that break it, contents that pass).
FILE_CASES: list[tuple[str, object, object]] = [
    (
        "chapters-url-active",
        {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "a", "url": JS}]},
        {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "a", "url": "https://e.org/"}]},
    ),
    (
        "chapters-url-active",
        {"version": "1.2.0", "chapters": [{"startTime": 0, "img": "data:image/png;base64,AAAA"}]},
        {"version": "1.2.0", "chapters": [{"startTime": 0, "img": "img/1.jpg"}]},  # relative
    ),
    ("chapters-file-invalid", "not json {", {"version": "1.2.0", "chapters": []}),
    ("chapters-file-invalid", {"version": "1.2.0"}, {"version": "1.2.0", "chapters": []}),
]


def _folder(tmp_path: Path, contents: object) -> Path:
    folder = tmp_path / "public"
    folder.mkdir(exist_ok=True)
    text = contents if isinstance(contents, str) else json.dumps(contents)
    (folder / "ava.json").write_text(text, encoding="utf-8")  # the base feed's chapters URL
    return folder


@pytest.mark.parametrize(("rule", "bad", "good"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_chapters_files_rule_fails_alone_and_passes(
    tmp_path: Path, rule: str, bad: object, good: object
) -> None:
    feed = build([])
    assert ids(validate_feed(feed, "f.xml", now=NOW, files=_folder(tmp_path, bad))) == [rule]
    assert validate_feed(feed, "f.xml", now=NOW, files=_folder(tmp_path, good)) == []
    assert validate_feed(feed, "f.xml", now=NOW) == []  # without the folder nothing is read


def test_chapters_finding_names_the_file_and_key(tmp_path: Path) -> None:
    folder = _folder(tmp_path, FILE_CASES[0][1])
    (finding,) = validate_feed(build([]), "f.xml", now=NOW, files=folder)
    assert finding.message == (
        f'channel/item[1] (guid ava-guid)/podcast:chapters -> ava.json: chapters[0].url "{JS}" '
        "is a javascript: URL, not http(s)"
    )
