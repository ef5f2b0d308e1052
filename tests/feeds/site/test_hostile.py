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
from segments.errors import FeedError
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


def hostile_site(**urls: str) -> dict[str, bytes]:
    """Render the site of a show whose every text is hostile; ``urls`` replaces one URL (by the
    key its file names it) with another, for the URL guard's cases."""
    show = Show(
        title=f"Show {PAYLOAD}",
        description=f"Description {PAYLOAD}",
        hosts=[f"Host {PAYLOADS[1]}"],
        copyright=f"(c) {PAYLOADS[0]}",
        link=urls.get("link", "https://example.org/"),
        base_url=BASE,
        feed_url=urls.get("feed_url", BASE + "feed.xml"),
        language='en" onload="x',
        artwork=urls.get("artwork", BASE + "art.jpg"),
        schedule=parse_airtimes("Sundays at noon", "UTC"),
    )
    segment = hostile_segment()
    segment.images = [
        Image(url=urls.get("images[0].url"), caption="not shown: it has no address"),
        Image(url="https://e.org/p.jpg", caption=f"Caption {PAYLOAD}", credit=PAYLOADS[3]),
    ]
    href = urls.get("people[1].href", "https://example.org/ref")
    segment.people.append(Person(name=f"Ref {PAYLOADS[0]}", role="guest", href=href))
    segment.chapters = [
        Chapter(0, f"Chapter {PAYLOAD}", url=urls.get("chapters[0].url", "https://e.org/c")),
        Chapter(30, f'"><script>{MARK}</script>'),
    ]
    episode = Episode(
        segment=segment,
        enclosure_url=urls.get("enclosure url", BASE + "a.mp3"),
        length_bytes=1234,
        mime_type='audio/mpeg" onerror="x',
        duration_seconds=60,
        transcripts=[
            TranscriptLink(urls.get("transcript text/html", BASE + "t.html"), "text/html"),
            TranscriptLink(BASE + "t.vtt", "text/vtt"),
        ],
        chapters_url=urls.get("chapters url", BASE + "c.json"),
        pub_date=datetime(2026, 1, 1, tzinfo=UTC),
        # Raw, unsanitised HTML: the site sanitises what it embeds, whatever the caller did.
        content_html=f"<p>Notes {PAYLOAD}</p><a href='{JS}'>x</a>",
    )
    return render_site(show, [episode], now=datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    "key",
    [
        "link",
        "feed_url",
        "artwork",
        "images[0].url",
        "people[1].href",
        "chapters[0].url",
        "enclosure url",
        "transcript text/html",
        "chapters url",
    ],
)
@pytest.mark.parametrize("url", [JS, "data:text/html,<script>x</script>", "file:///etc/passwd"])
def test_a_url_that_is_not_http_is_refused_naming_its_key(key: str, url: str) -> None:
    """The pages are a writer: a URL that reached them past the readers is an error, no page."""
    with pytest.raises(FeedError) as caught:
        hostile_site(**{key: url})
    assert caught.value.message.startswith(f"{key}: {url!r} is not an http(s) URL")
    assert caught.value.where in ("show", "segment hostile")


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
