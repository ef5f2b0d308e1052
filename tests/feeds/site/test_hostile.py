"""Hostile text everywhere a producer or an imported page can put it: nothing active survives.

The scan is of the parsed pages (no script but ours, no event handler, no URL other than http(s)
or our own relative files); the same pages then load in headless Chromium, where a payload that
ran would mark the document (see tests/feeds/test_pages_in_browser.py and its control page).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import html as lxml_html

from feeds.rss import Episode, TranscriptLink
from feeds.site import render_site
from segments.model import Chapter, Image, Person, Show
from segments.schedule import parse_airtimes
from tests.feeds.test_pages_in_browser import (
    CHROMIUM,
    MARK,
    PAYLOADS,
    hostile_segment,
    pwned,
    render,
)

BASE = "https://example.org/h/"
PAYLOAD = " ".join(PAYLOADS)
JS = f"javascript:{MARK}"

#: Attributes that hold a URL.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset")

#: Elements a page of ours contains; anything else came from input.
OUR_ELEMENTS = frozenset(
    [
        "html",
        "head",
        "meta",
        "title",
        "link",
        "script",
        "body",
        "a",
        "header",
        "main",
        "footer",
        "nav",
        "ul",
        "ol",
        "li",
        "p",
        "section",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "figure",
        "img",
        "figcaption",
        "span",
        "time",
        "audio",
        "source",
        "strong",
        "em",
        "b",
        "i",
        "br",
        "blockquote",
        "cite",
    ]
)


def hostile_site() -> dict[str, bytes]:
    show = Show(
        title=f"Show {PAYLOAD}",
        description=f"Description {PAYLOAD}",
        hosts=[f"Host {PAYLOADS[1]}"],
        copyright=f"(c) {PAYLOADS[0]}",
        link=JS,
        base_url=BASE,
        feed_url=JS,
        language='en" onload="x',
        artwork=f'{BASE}art.jpg" onerror="{MARK}',
        schedule=parse_airtimes("Sundays at noon", "UTC"),
    )
    segment = hostile_segment()
    segment.images = [
        Image(url=JS, caption="not shown: its address is javascript:"),
        Image(url=f'https://e.org/p.jpg" onerror="{MARK}', caption="not shown: a quote"),
        Image(url="https://e.org/p.jpg", caption=f"Caption {PAYLOAD}", credit=PAYLOADS[3]),
    ]
    segment.people.append(Person(name=f"Ref {PAYLOADS[0]}", role="guest", href=JS))
    segment.chapters = [
        Chapter(0, f"Chapter {PAYLOAD}", url=JS),
        Chapter(30, f'"><script>{MARK}</script>'),
    ]
    episode = Episode(
        segment=segment,
        enclosure_url=BASE + "a.mp3",
        length_bytes=1234,
        mime_type='audio/mpeg" onerror="x',
        duration_seconds=60,
        transcripts=[TranscriptLink(JS, "text/html"), TranscriptLink(BASE + "t.vtt", "text/vtt")],
        chapters_url="data:text/html,<script>x</script>",
        pub_date=datetime(2026, 1, 1, tzinfo=UTC),
        # Raw, unsanitised HTML: the site sanitises what it embeds, whatever the caller did.
        content_html=f"<p>Notes {PAYLOAD}</p><a href='{JS}'>x</a>",
    )
    return render_site(show, [episode], now=datetime(2026, 1, 1, tzinfo=UTC))


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    return hostile_site()


@pytest.mark.parametrize("name", ["index.html", "hostile.html"])
def test_hostile_input_leaves_nothing_active(site: dict[str, bytes], name: str) -> None:
    doc = lxml_html.document_fromstring(site[name])
    assert {el.tag for el in doc.iter() if isinstance(el.tag, str)} <= OUR_ELEMENTS
    for script in doc.iter("script"):
        if script.get("type") == "application/ld+json":
            assert "<" not in script.text  # cannot close the element or open a comment
            json.loads(script.text)
        else:
            assert (script.get("src"), script.text) == ("site.js", None)
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), (element.tag, attribute)
            assert attribute != "style", element.tag
            if attribute in URL_ATTRIBUTES:
                scheme = value.split(":", 1)[0].lower() if ":" in value.split("/")[0] else ""
                assert scheme in ("", "http", "https"), (element.tag, attribute, value)
    assert doc.get("lang") == 'en" onload="x'  # one attribute value, escaped, not an attribute
    text = doc.text_content()
    assert "Show <script>" in text  # the text itself survives, as text
    if name == "index.html":
        assert "Description <script>" in text
    else:
        assert "Caption <script>" in text and "Chapter <script>" in text
        assert [img.get("src") for img in doc.iter("img")] == ["https://e.org/p.jpg"]
        assert doc.find(".//img").get("alt").startswith("Caption <script>")
        assert [s.get("type") for s in doc.iter("source")] == ['audio/mpeg" onerror="x']


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
@pytest.mark.parametrize("name", ["index.html", "hostile.html"])
def test_hostile_pages_run_no_script_in_a_browser(
    site: dict[str, bytes], name: str, tmp_path: Path
) -> None:
    dom = render(tmp_path, name, site[name].decode())
    assert not pwned(dom)
    assert "Show &lt;script&gt;" in dom
