"""Which printed headline is the article's, and which part of a title is the site's or section's.

Each case is a small page written here after a structure real sites use, beside a near miss the
rule must leave alone.
"""

from __future__ import annotations

from types import SimpleNamespace

import lxml.html
import pytest

from segments.importers.html import _guessed_site_name, _TitleFacts, read_html_page
from segments.importers.rawpage import RawPage

PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title>{head}</head><body>
{before}<article>{h1}<p>An opening paragraph that sets the scene for this case at length.</p>
<p>A closing paragraph that ends the article for this case, at some length too.</p></article>
</body></html>"""


def page(title: str, h1: str = "", head: str = "", before: str = "", url: str = "") -> RawPage:
    if url:
        head += f'<link rel="canonical" href="{url}">'
    html = PAGE.format(title=title, h1=h1, head=head, before=before)
    return read_html_page(html, "case.html")


def rules(raw: RawPage) -> str:
    return " ".join(r.rule for r in raw.reasons if r.field == "title")


def jsonld(headline: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "'
        + headline
        + '"}</script>'
    )


# --- title-entities: a title encoded twice is decoded once more ---------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (jsonld("Inside the D\\u0026amp;D show"), "Inside the D&D show"),
        ('<meta property="og:title" content="Night &amp;amp; Day">', "Night & Day"),
        # near misses: an ampersand that is no reference stays, and so does one decoded already
        (jsonld("Fish & Chips; Peas"), "Fish & Chips; Peas"),
        ('<meta property="og:title" content="Night &amp; Day">', "Night & Day"),
    ],
)
def test_a_title_encoded_twice_is_decoded_once_more(head: str, expected: str) -> None:
    raw = page("Case page", head=head)
    assert raw.title == expected
    assert ("title-entities" in rules(raw)) == ("amp;" in head.replace("&amp; ", ""))


# --- title-stated-printed: of disagreeing stated titles, the one printed as the headline -------

SEO = "What families do in winter - The Daily Example"
SHARED = "Always the darkest house on the street"


def test_the_stated_title_printed_as_the_headline_wins() -> None:
    head = jsonld("What families do in winter") + f'<meta property="og:title" content="{SHARED}">'
    raw = page(SEO, h1=f'<h1 class="headline">{SHARED}</h1>', head=head)
    assert raw.title == SHARED
    assert "title-stated-printed" in rules(raw)


@pytest.mark.parametrize(
    "h1",
    [
        f"<h1>{SHARED}</h1>",  # an <h1> with no headline class may be a section's
        f'<h1 class="headline"><a href="/x">{SHARED}</a></h1>',  # a link: another page's
    ],
)
def test_near_miss_no_stated_title_is_taken_for_being_printed(h1: str) -> None:
    # (an <h1> sharing no word with the stated title may still win by title-printed-headline)
    head = jsonld("What families do in winter") + f'<meta property="og:title" content="{SHARED}">'
    raw = page(SEO, h1=h1, head=head)
    assert "title-stated-printed" not in rules(raw)


SEARCH = "Dimension documentary: a rare look at how the miniatures are made"
SHARING = "Dimension documentary sweats the small stuff of the miniatures"
PRINTED = "Dimension documentary reveals the miniatures artist"


def test_when_the_stated_titles_disagree_and_neither_is_printed_the_h1_wins() -> None:
    head = jsonld(SEARCH) + f'<meta property="og:title" content="{SHARING}">'
    raw = page(f"{SEARCH} - Example", h1=f'<h1 class="c-page-title">{PRINTED}</h1>', head=head)
    assert raw.title == PRINTED
    assert "title-stated-printed" in rules(raw)


@pytest.mark.parametrize(
    ("h1", "head"),
    [
        # the stated titles agree: the metadata is the page's own (Readability's order)
        (
            f'<h1 class="c-page-title">{PRINTED}</h1>',
            jsonld(SEARCH) + f'<meta property="og:title" content="{SEARCH}">',
        ),
        # an <h1> classed as no title (a section's or a sample's)
        (f"<h1>{PRINTED}</h1>", jsonld(SEARCH) + f'<meta property="og:title" content="{SHARING}">'),
    ],
)
def test_near_miss_agreeing_stated_titles_or_an_unclassed_h1_keep_the_stated_title(
    h1: str, head: str
) -> None:
    raw = page(f"{SEARCH} - Example", h1=h1, head=head)
    assert raw.title == SEARCH


# --- title-deck: a stated title that is the deck printed under the <h1> -----------------------

DECK = "A ghostly particle rooted in an old mystery could unlock quantum computing"


def test_a_stated_title_cut_from_the_deck_under_the_h1_yields_to_the_h1() -> None:
    h1 = f'<h1 class="hero__title">The quantum phantom</h1><h2 class="sub">{DECK}, if found</h2>'
    head = f'<meta property="og:title" content="{DECK}">'
    raw = page(f"{DECK} | Science", h1=h1, head=head)
    assert raw.title == "The quantum phantom"
    assert "title-deck" in rules(raw)


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        # the line under the <h1> is the stated title whole: the episode's headline under its
        # programme's name, which <title>'s template prints too
        (
            "Stews from Bremen | Example - Programmes - Sass: So eats the North",
            "<h1>Sass: So eats the North</h1><h2>Stews from Bremen</h2>",
        ),
        # nothing under the <h1> repeats the stated title
        (DECK, "<h1>The quantum phantom</h1><p>Physicists have chased it for a century.</p>"),
    ],
)
def test_near_miss_no_deck_under_the_h1_keeps_the_stated_title(title: str, h1: str) -> None:
    stated = title.split(" | ")[0]
    raw = page(title, h1=h1, head=f'<meta property="og:title" content="{stated}">')
    assert "title-deck" not in rules(raw)


# --- site-name-is-title: a "site name" that is the page's title with more -----------------------


def test_an_application_name_holding_the_title_is_no_site_name() -> None:
    head = (
        '<meta name="application-name" content="Reykjavik - Rotterdam: Delivery - Mediathek">'
        '<meta property="og:title" content="Reykjavik - Rotterdam: Delivery">'
    )
    raw = page("Reykjavik - Rotterdam: Delivery - Mediathek", head=head)
    assert raw.title == "Reykjavik - Rotterdam: Delivery"


def test_near_miss_a_real_application_name_is_still_cut_before_the_title() -> None:
    head = (
        '<meta name="application-name" content="Reykjavik">'
        '<meta property="og:title" content="Reykjavik | Night shift">'
    )
    assert page("Reykjavik | Night shift", head=head).title == "Night shift"


def _facts(html: str, sitename: str) -> _TitleFacts:
    return _TitleFacts(lxml.html.fromstring(html), SimpleNamespace(sitename=sitename))


def test_a_guessed_site_name_that_is_the_headline_is_dropped() -> None:
    html = '<html><body><h1 class="node-story-title">What Measure 7 Means</h1></body></html>'
    assert _guessed_site_name(_facts(html, "What Measure 7 Means")) is None
    # near misses: a blog's site-title <h1>, and a guess the page prints nowhere as a headline
    blog = '<html><body><h1 class="site-title">Harbour Notes</h1></body></html>'
    assert _guessed_site_name(_facts(blog, "Harbour Notes")) == "Harbour Notes"
    assert _guessed_site_name(_facts(html, "Harbour Notes")) == "Harbour Notes"


# --- title-kicker: the <h1>'s own topic line before the headline --------------------------------

KICKER_H1 = '<h1 class="entry-title"><span class="subtitle">Audit Court</span>Regulators act</h1>'


@pytest.mark.parametrize("title", ["Audit Court - Regulators act", "Audit Court: Regulators act"])
def test_a_title_loses_the_kicker_its_h1_prints_apart(title: str) -> None:
    raw = page(title, h1=KICKER_H1, head=f'<meta property="og:title" content="{title}">')
    assert raw.title == "Regulators act"
    assert "title-kicker" in rules(raw)


@pytest.mark.parametrize(
    "h1",
    [
        '<h1><a href="/audit-court">Audit Court</a>Regulators act</h1>',  # a link, not a kicker
        "<h1>Audit Court - Regulators act</h1>",  # one text: the headline itself
        # one headline printed in two styles: its first part is no kicker the markup names
        "<h1><em>Audit Court</em><span>Regulators act</span></h1>",
    ],
)
def test_near_miss_a_headline_without_a_kicker_element_is_kept(h1: str) -> None:
    title = "Audit Court - Regulators act"
    raw = page(title, h1=h1, head=f'<meta property="og:title" content="{title}">')
    assert raw.title == title


# --- title-printed-site: the site's or section's name the page prints ---------------------------

NAV = '<nav><a href="https://news.example.org/district">District</a></nav>'


def test_a_title_loses_the_section_the_page_is_in() -> None:
    head = '<meta property="og:title" content="Gardens feed the villages | District">'
    url = "https://news.example.org/district/343604"
    raw = page("Gardens feed the villages | District", head=head, before=NAV, url=url)
    assert raw.title == "Gardens feed the villages"
    assert "title-printed-site" in rules(raw)


def test_near_miss_a_work_the_page_is_deep_inside_stays_in_the_title() -> None:
    head = '<meta property="og:title" content="Chapter Two: The Door - Super Story">'
    nav = '<nav><a href="https://fic.example.org/fiction/63/super-story">Super Story</a></nav>'
    url = "https://fic.example.org/fiction/63/super-story/chapter/2"
    raw = page("Chapter Two: The Door - Super Story", head=head, before=nav, url=url)
    assert raw.title == "Chapter Two: The Door - Super Story"


def test_a_title_loses_the_masthead_before_it_and_the_domain_after_it() -> None:
    masthead = (
        '<div id="branding"><h1><a href="https://www.example.com/"><img src="/logo.png" '
        'alt="example.com"></a> <span id="pagename">Capitol Notes</span></h1></div>'
    )
    title = "Capitol Notes: Vote may be close - example.com"
    url = "https://blogs.example.com/capitolnotes/2012/11/vote.html"
    raw = page(
        title, head=f'<meta property="og:title" content="{title}">', before=masthead, url=url
    )
    assert raw.title == "Vote may be close"


def test_near_miss_a_logo_link_alone_does_not_cut_the_start_of_a_title() -> None:
    logo = '<a href="https://www.example.com"><img src="/logo.png" alt="Example"></a>'
    title = "Example - Site Reliability Engineering"
    raw = page(title, before=logo, url="https://sre.example.org/book/chapter-6")
    assert raw.title == title


@pytest.mark.parametrize(
    "before",
    [
        # a link to another site's front page names that site, not this one's
        '<p>Watch it on <a href="https://www.streamer.example.net/">Streamer</a>.</p>',
        '<h3><a href="https://www.streamer.example.net/">Streamer</a></h3>',
    ],
)
def test_near_miss_another_sites_front_page_is_not_this_sites_name(before: str) -> None:
    for title in ("The launch, live - Streamer", "Streamer: The launch, live"):
        raw = page(title, before=before, url="https://news.example.org/2024/launch")
        assert raw.title == title


def test_a_page_saved_without_its_address_names_the_site_it_links_most() -> None:
    links = '<nav><a href="https://www.example.org/">Example Votes</a></nav>' + (
        '<a href="https://www.example.org/about">About</a>'
    )
    raw = page("Gardens feed the villages - Example Votes", before=links)
    assert raw.title == "Gardens feed the villages"
    assert "title-printed-site" in rules(raw)
