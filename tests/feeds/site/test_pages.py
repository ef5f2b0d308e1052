"""The show and episode pages, checked by parsing the HTML: structure, links, sizes, metadata."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from itertools import pairwise

import pytest
from lxml import html as lxml_html

from feeds.site import render_episode_page, render_site
from segments.errors import FeedError
from tests.feeds.site.sample import BASE, NOW, example_episodes, example_show

LOVESONG = "lovesong-another-intimate-film-from-director-so-yong-kim"
GOLD = "interview-with-director-kyungjin-song"


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    show = example_show()
    return render_site(show, example_episodes(show), now=NOW)


def page(site: dict[str, bytes], name: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(site[name])


def headings(doc: lxml_html.HtmlElement) -> list[int]:
    return [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def meta(doc: lxml_html.HtmlElement, prop: str) -> list[str]:
    return [m.get("content") for m in doc.iter("meta") if m.get("property") == prop]


def jsonld(doc: lxml_html.HtmlElement) -> dict[str, object]:
    scripts = [s for s in doc.iter("script") if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert isinstance(data, dict)
    return data


def test_files_of_the_site(site: dict[str, bytes]) -> None:
    assert set(site) == {
        "index.html",
        f"{LOVESONG}.html",
        f"{GOLD}.html",
        "style.css",
        "site.js",
        "airtimes.ics",
    }


@pytest.mark.parametrize("name", ["index.html", f"{LOVESONG}.html", f"{GOLD}.html"])
def test_every_page_is_accessible_in_structure(site: dict[str, bytes], name: str) -> None:
    doc = page(site, name)
    assert site[name].startswith(b"<!DOCTYPE html>")
    assert doc.get("lang") == "en"
    levels = headings(doc)
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels
    for tag in ("header", "main", "footer"):
        assert len(list(doc.iter(tag))) == 1, tag
    images = list(doc.iter("img"))
    assert images and all(img.get("alt") for img in images)
    assert doc.find(".//title").text_content().strip()
    alternate = [
        link for link in doc.iter("link")
        if link.get("rel") == "alternate" and link.get("type") == "application/rss+xml"
    ]  # fmt: skip
    assert [(a.get("href"), a.get("title")) for a in alternate] == [("feed.xml", "The Frame")]
    assert [lk.get("href") for lk in doc.iter("link") if lk.get("rel") == "stylesheet"] == [
        "style.css"
    ]


def test_episode_page_has_a_player_with_the_relative_audio_and_its_real_size(
    site: dict[str, bytes],
) -> None:
    doc = page(site, f"{LOVESONG}.html")
    (audio,) = doc.iter("audio")
    assert audio.get("controls") is not None and audio.get("preload") == "metadata"
    (source,) = audio.iter("source")
    assert (source.get("src"), source.get("type")) == ("lovesong-so-yong-kim.mp3", "audio/mpeg")
    downloads = [a for a in doc.iter("a") if a.text_content().startswith("Download")]
    # 4,968,229 bytes: 4.97 million, printed with one decimal as apps do.
    assert [(a.get("href"), a.text_content()) for a in downloads] == [
        ("lovesong-so-yong-kim.mp3", "Download this episode (5.0 MB)")
    ]


@pytest.mark.parametrize(
    ("length_bytes", "text"),
    [(4_712_345, "4.7 MB"), (850_400, "850 KB"), (999_999, "1.0 MB"), (1_250_000_000, "1.2 GB")],
)
def test_download_link_states_the_enclosure_length(length_bytes: int, text: str) -> None:
    show = example_show()
    episodes = [replace(ep, length_bytes=length_bytes) for ep in example_episodes(show)]
    doc = lxml_html.document_fromstring(render_site(show, episodes, now=NOW)[f"{GOLD}.html"])
    assert f"Download this episode ({text})" in doc.text_content()


def test_chapters_are_media_fragment_links_into_the_audio(site: dict[str, bytes]) -> None:
    doc = page(site, f"{LOVESONG}.html")
    chapters = doc.get_element_by_id("chapters").getparent()
    links = [(a.get("href"), a.text_content()) for a in chapters.iter("a")]
    # The segment file's chapters: 00:00, 00:41, 01:52, 03:20.
    assert links == [
        ("lovesong-so-yong-kim.mp3#t=0", "0:00 Introduction"),
        ("lovesong-so-yong-kim.mp3#t=41", "0:41 Getting into filmmaking"),
        ("lovesong-so-yong-kim.mp3#t=112", '1:52 The real-life inspiration behind "Lovesong"'),
        ("lovesong-so-yong-kim.mp3#t=200", "3:20 Bringing her personal life into filmmaking"),
    ]
    assert [s.get("src") for s in doc.iter("script") if s.get("src")] == ["site.js"]
    # The feed's notes list the chapters as text for Spotify; the page's do not repeat them.
    notes = doc.get_element_by_id("notes").getparent().text_content()
    assert "Getting into filmmaking" not in notes and "Guest: So Yong Kim" in notes


def test_transcript_marks_topics_questions_and_speakers(site: dict[str, bytes]) -> None:
    lovesong = page(site, f"{LOVESONG}.html")
    transcript = lovesong.get_element_by_id("transcript").getparent()
    assert [h.text_content() for h in transcript.iter("h3")] == [
        "Getting into filmmaking",
        'The real-life inspiration behind "Lovesong"',
        "Bringing her personal life into filmmaking",
    ]
    speakers = {s.text_content() for s in transcript.find_class("speaker")}
    assert speakers == {"So Yong Kim:"}
    gold = page(site, f"{GOLD}.html").get_element_by_id("transcript").getparent()
    questions = [q.text_content() for q in gold.find_class("question")]
    assert questions[0] == "Q: What motivated you to produce Gold Medal?"
    assert all(q.find("strong") is not None for q in gold.find_class("question"))


def test_episode_page_links_its_files_relatively(site: dict[str, bytes]) -> None:
    doc = page(site, f"{LOVESONG}.html")
    files = doc.get_element_by_id("files").getparent()
    assert [a.get("href") for a in files.iter("a")] == [
        f"{LOVESONG}.transcript.html", f"{LOVESONG}.chapters.json", "feed.xml"
    ]  # fmt: skip
    assert [a.get("href") for a in doc.find(".//header").iter("a")] == [
        "index.html",
        "index.html#episodes",
    ]


def test_episode_open_graph_and_json_ld(site: dict[str, bytes]) -> None:
    doc = page(site, f"{LOVESONG}.html")
    title = doc.find(".//h1").text_content()
    assert meta(doc, "og:title") == [title]
    assert meta(doc, "og:type") == ["article"]
    assert meta(doc, "og:audio") == [BASE + "lovesong-so-yong-kim.mp3"]
    assert meta(doc, "og:image") == [BASE + "artwork.jpg"]
    assert meta(doc, "og:description")[0].startswith("So Yong Kim is a director")
    data = jsonld(doc)
    assert data["@context"] == "https://schema.org" and data["@type"] == "PodcastEpisode"
    assert data["name"] == title
    assert data["url"] == BASE + f"{LOVESONG}.html"
    assert data["datePublished"] == "2024-11-27T15:30:00-08:00"
    assert data["associatedMedia"] == {
        "@type": "MediaObject", "contentUrl": BASE + "lovesong-so-yong-kim.mp3",
        "encodingFormat": "audio/mpeg", "contentSize": "5.0 MB", "duration": "PT5M10S",
    }  # fmt: skip
    assert data["partOfSeries"] == {"@type": "PodcastSeries", "name": "The Frame", "url": BASE}


def test_show_page(site: dict[str, bytes]) -> None:
    doc = page(site, "index.html")
    assert doc.find(".//h1").text_content() == "The Frame"
    assert [img.get("src") for img in doc.iter("img")] == ["artwork.jpg"]
    text = " ".join(doc.text_content().split())
    assert "Hosted by John Horn" in text
    assert "Weekdays at 3:30pm and 7:30pm, and Saturdays at 2pm (Los Angeles time)." in text
    airings = [t.get("datetime") for t in doc.find_class("airings")[0].iter("time")]
    # NOW is Tuesday 1 December 2026, 3pm in Los Angeles.
    assert airings == [
        "2026-12-01T15:30:00-08:00", "2026-12-01T19:30:00-08:00", "2026-12-02T15:30:00-08:00"
    ]  # fmt: skip
    assert "Tuesday, December 1, 3:30pm PST" in text
    episodes = doc.find_class("episodes")[0]
    assert [a.get("href") for a in episodes.iter("a")] == [f"{LOVESONG}.html", f"{GOLD}.html"]
    metas = [m.text_content() for m in episodes.find_class("meta")]
    assert metas == ["November 27, 2024 · 5:10", "November 26, 2024 · 7:20"]
    hrefs = {a.get("href") for a in doc.iter("a")}
    assert {"feed.xml", "airtimes.ics"} <= hrefs
    assert BASE + "feed.xml" in text  # the address to paste into an app
    assert meta(doc, "og:type") == ["website"]
    data = jsonld(doc)
    assert data["@type"] == "PodcastSeries"
    assert data["webFeed"] == BASE + "feed.xml"
    assert data["actor"] == [{"@type": "Person", "name": "John Horn"}]


def test_audio_elsewhere_stays_absolute() -> None:
    show = example_show()
    episodes = example_episodes(show)
    episodes[0] = replace(episodes[0], enclosure_url="https://cdn.example.net/gold.mp3")
    doc = lxml_html.document_fromstring(render_site(show, episodes, now=NOW)[f"{GOLD}.html"])
    assert [s.get("src") for s in doc.iter("source")] == ["https://cdn.example.net/gold.mp3"]


def test_show_notes_headings_sit_under_the_page_headings() -> None:
    show = example_show()
    episodes = example_episodes(show)
    notes = "<h2>Guests</h2><p>Ana</p><h4>More</h4><p>x</p>"
    episodes[0] = replace(episodes[0], content_html=notes)
    doc = lxml_html.document_fromstring(render_site(show, episodes, now=NOW)[f"{GOLD}.html"])
    notes_section = doc.get_element_by_id("notes").getparent()
    assert [h.tag for h in notes_section.iter("h2", "h3", "h4")] == ["h2", "h3", "h4"]


def test_same_input_same_bytes() -> None:
    show = example_show()
    assert render_site(show, example_episodes(show), now=NOW) == render_site(
        show, example_episodes(show), now=NOW
    )


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        (["index", "b"], "slug 'index' cannot name an episode page (index.html)"),
        (["a", "a"], "slug 'a' is used by two episodes"),
    ],
)
def test_slugs_that_cannot_be_pages(slugs: list[str], message: str) -> None:
    show = example_show()
    episodes = [
        replace(ep, segment=replace(ep.segment, slug=slug), source=f"segments/{slug}.md")
        for ep, slug in zip(example_episodes(show), slugs, strict=True)
    ]
    with pytest.raises(FeedError) as caught:
        render_site(show, episodes, now=NOW)
    assert str(caught.value).endswith(message)


def test_episode_pages_depend_on_their_episode_only() -> None:
    show = example_show()
    episodes = example_episodes(show)
    now = render_site(show, episodes, now=NOW)
    later = render_site(show, episodes[:1], now=datetime(2027, 6, 1, tzinfo=UTC))
    assert later[f"{GOLD}.html"] == now[f"{GOLD}.html"] == render_episode_page(show, episodes[0])
    assert later["index.html"] != now["index.html"]  # other airings, one episode fewer
