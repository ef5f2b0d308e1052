"""A page's addresses that may not be published are left out at import, each with a warning."""

from __future__ import annotations

from pathlib import Path

from segments.importers import read_page

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lovesong: a film by So Yong Kim</title>
<meta property="og:url" content="javascript:alert(1)">
<meta property="og:image" content="data:image/png;base64,AAAA">
</head><body><article>
<h1>Lovesong: a film by So Yong Kim</h1>
<p>So Yong Kim is a director known for intimate, quiet films about the human condition.</p>
<p>Her latest, Lovesong, follows two friends whose bond changes on a road trip.</p>
<audio src="javascript:alert(2)"></audio>
<p>She spoke about how she got into filmmaking and why she makes intimate films.</p>
</article></body></html>
"""


def test_active_urls_of_a_page_are_dropped_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "lovesong.html"
    page.write_text(PAGE, encoding="utf-8")
    result = read_page(page)
    segment = result.segment
    assert segment.title == "Lovesong: a film by So Yong Kim"  # the text is still imported
    assert segment.link is None
    assert segment.source is not None and segment.source.url is None
    assert all(image.url is None for image in segment.images)
    assert segment.audio is None or segment.audio.url is None
    # One warning per address left out, naming the key as the segment file would.
    assert sorted(w for w in result.warnings if w.startswith("not imported: ")) == sorted(
        [
            "not imported: link: 'javascript:alert(1)' is not an http(s) URL",
            "not imported: source.url: 'javascript:alert(1)' is not an http(s) URL",
            "not imported: audio.url: 'javascript:alert(2)' is not an http(s) URL",
            "not imported: images[0].url: 'data:image/png;base64,AAAA' is not an http(s) URL",
        ]
    )
    assert not any("javascript:" in str(v) or "data:" in str(v) for v in vars(segment).values())


BRACKETS = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour night</title>
<link rel="canonical" href="https://radio.example.org/2024/harbour-night">
<meta property="og:image" content="http://[broken/img.jpg">
<script type="application/ld+json">{"@type": "PodcastEpisode", "name": "Harbour night",
"associatedMedia": {"@type": "AudioObject", "contentUrl": "http://a]b/ep.mp3"}}</script>
</head><body><article><h1>Harbour night</h1><p>By Jane Roe</p>
<p>A long paragraph about the harbour at night, with <a href="http://[oops/x">a broken link</a>.</p>
<figure><img src="http://[bad/crane.jpg"><figcaption>The crane at dawn.</figcaption></figure>
<div data-src="http://[bad/ep.mp3"></div>
<audio src="https://cdn.example.org/harbour-night.mp3?x1=[urn:radio:1]&amp;x2=[web]"></audio>
<p>Another paragraph of the article about the night shift, so that there is text enough.</p>
<p><a href="https://abo.example.org/#xtor=CS1-263[HEADER]-[Article]">Subscribe</a></p>
</article></body></html>
"""


def test_bare_brackets_in_a_pages_urls_neither_crash_the_import_nor_get_published(
    tmp_path: Path,
) -> None:
    # A bracket in a URL's host that is no IPv6 address makes urlsplit raise ValueError (a real
    # page crashed the import so); brackets in analytics queries ("x1=[urn:...]") must stay.
    page = tmp_path / "harbour.html"
    page.write_text(BRACKETS, encoding="utf-8")
    result = read_page(page)
    segment = result.segment
    assert segment.title == "Harbour night"
    assert [(i.caption, i.url) for i in segment.images] == [("The crane at dawn.", None)]
    assert segment.audio is not None and segment.audio.url is not None
    assert segment.audio.url.startswith("https://cdn.example.org/harbour-night.mp3?")
    assert "not imported: images[0].url: 'http://%5Bbad/crane.jpg' is not an http(s) URL" in (
        result.warnings
    )
