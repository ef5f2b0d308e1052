"""Show notes: exact HTML for a segment, Spotify chapter lines, Markdown, and the 4000-byte cut."""

from __future__ import annotations

import re

import lxml.html
import pytest

from feeds.sanitize import DESCRIPTION_TAGS, SHOW_NOTES_TAGS, sanitize_html
from feeds.shownotes import (
    DESCRIPTION_MAX_BYTES,
    ShowNotes,
    chapter_lines,
    credit_lines,
    people_lines,
    render_markdown,
    show_notes,
    truncate_html,
)
from segments.model import Chapter, Image, Person, Segment, Show, Source


def frame_segment() -> Segment:
    return Segment(
        slug="ana-diaz",
        title="Ana Díaz on <her> films",
        summary="Ana Díaz talks about <b>her</b> new film & the festival.\n\nShe grew up\nin Lima.",
        people=[
            Person("John Horn", "host"),
            Person("Ana Díaz", "guest", href="https://ana.example/"),
            Person("Bo Lee", "guest", href="javascript:alert(1)"),
        ],
        images=[
            Image(url="https://x.org/a.jpg", caption="Ana Díaz in Cannes.", credit="Jane Doe/KPCC")
        ],
        chapters=[Chapter(95, "The <new> film"), Chapter(0, "Intro"), Chapter(3700.9, "Outro")],
        link="https://www.scpr.org/programs/the-frame/2016/ana",
    )


def test_show_notes_exact() -> None:
    notes = show_notes(
        frame_segment(), Show(hosts=["John Horn"]), transcript_url="https://example.org/t/ana.html"
    )
    assert notes == ShowNotes(
        description=(
            "<p>Ana Díaz talks about &lt;b&gt;her&lt;/b&gt; new film &amp; the festival.</p>\n"
            "<p>She grew up in Lima.</p>\n"
            "<p>Host: John Horn</p>\n"
            '<p>Guests: <a href="https://ana.example/">Ana Díaz</a>, Bo Lee</p>\n'
            "<p>(00:00) Intro</p>\n"
            "<p>(01:35) The &lt;new&gt; film</p>\n"
            "<p>(01:01:40) Outro</p>\n"
            '<p><a href="https://example.org/t/ana.html">Transcript</a></p>\n'
            '<p>Source: <a href="https://www.scpr.org/programs/the-frame/2016/ana">scpr.org</a></p>'
        ),
        content=(
            "<p>Ana Díaz talks about &lt;b&gt;her&lt;/b&gt; new film &amp; the festival.</p>\n"
            "<p>She grew up in Lima.</p>\n"
            "<p>Host: John Horn</p>\n"
            '<p>Guests: <a href="https://ana.example/" rel="nofollow noopener">Ana Díaz</a>, Bo Lee</p>\n'
            "<p>(00:00) Intro</p>\n"
            "<p>(01:35) The &lt;new&gt; film</p>\n"
            "<p>(01:01:40) Outro</p>\n"
            "<p>Photo: Ana Díaz in Cannes. (Jane Doe/KPCC)</p>\n"
            '<p><a href="https://example.org/t/ana.html" rel="nofollow noopener">Transcript</a></p>\n'
            '<p>Source: <a href="https://www.scpr.org/programs/the-frame/2016/ana" rel="nofollow noopener">scpr.org</a></p>'
        ),
    )


def tags_in(html: str) -> set[str]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return {element.tag for element in root.iterdescendants()}


def test_description_uses_apple_tags_and_content_show_notes_tags() -> None:
    segment = frame_segment()
    segment.show_notes = "# Big\n\n## Part\n\n> *quoted*\n\n1. one\n2. **two**\n\nline  \nbreak"
    notes = show_notes(segment, None)
    assert tags_in(notes.description) <= DESCRIPTION_TAGS
    assert tags_in(notes.content) <= SHOW_NOTES_TAGS
    assert {"h2", "blockquote", "em", "strong", "ol", "br"} <= tags_in(notes.content)
    assert notes.description.startswith(
        "<p>Big</p>\n<p>Part</p>\n<p>quoted</p>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<p>line\nbreak</p>\n"
    )


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("Hello *there*", "<p>Hello <em>there</em></p>"),
        ("# Title\n###### Small", "<h2>Title</h2>\n<h4>Small</h4>"),
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ('<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'),
        ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
        ("[x](JaVaScRiPt:alert(1))", "<p>[x](JaVaScRiPt:alert(1))</p>"),
        ("[x](data:text/html,hi)", "<p>[x](data:text/html,hi)</p>"),
        ("[x](/relative)", '<p><a rel="nofollow noopener">x</a></p>'),
        (
            '[x](https://x.org/ "T")',
            '<p><a href="https://x.org/" title="T" rel="nofollow noopener">x</a></p>',
        ),
        ("![photo](https://x.org/a.jpg)", "<p></p>"),
        ("    code", "code"),  # no <pre>/<code> in show notes: the text stays
        ("a & b < c", "<p>a &amp; b &lt; c</p>"),
    ],
)
def test_render_markdown(markdown: str, html: str) -> None:
    assert render_markdown(markdown) == html


def test_producer_markdown_replaces_summary() -> None:
    segment = frame_segment()
    segment.show_notes = "Notes by the *producer*."
    notes = show_notes(segment, None)
    assert notes.content.startswith(
        "<p>Notes by the <em>producer</em>.</p>\n<p>Host: John Horn</p>"
    )
    assert "talks about" not in notes.content


@pytest.mark.parametrize(
    ("chapters", "lines"),
    [
        (
            [Chapter(0, "A"), Chapter(60, "B"), Chapter(754.9, "C")],
            ["(00:00) A", "(01:00) B", "(12:34) C"],
        ),
        (
            [Chapter(3600, "C"), Chapter(0.4, "A"), Chapter(59.99, "B")],
            ["(00:00) A", "(00:59) B", "(01:00:00) C"],
        ),
        (
            [Chapter(0, "Multi\n  line  title"), Chapter(1, "b"), Chapter(2, "c")],
            ["(00:00) Multi line title", "(00:01) b", "(00:02) c"],
        ),
        ([Chapter(0, "A"), Chapter(60, "B")], []),  # Spotify needs at least three
        ([Chapter(1, "A"), Chapter(60, "B"), Chapter(90, "C")], []),  # and the first at 00:00
        ([], []),
    ],
)
def test_chapter_lines(chapters: list[Chapter], lines: list[str]) -> None:
    assert chapter_lines(chapters) == lines


def test_people_lines_roles_plurals_and_show_hosts() -> None:
    segment = Segment(
        slug="s",
        title="t",
        people=[
            Person("Rita <b>Ray</b>", "reporter"),
            Person("Gus", "guest"),
            Person("Gil", "guest"),
            Person("Ida", "interviewer"),
        ],
    )
    # An interviewer is a host, as the feed's podcast:person says (feeds.roles).
    assert people_lines(segment, Show(hosts=["John Horn"])) == [
        "Host: Ida",
        "Reporter: Rita &lt;b&gt;Ray&lt;/b&gt;",
        "Guests: Gus, Gil",
    ]
    segment.people = [Person("Gus", "guest")]
    assert people_lines(segment, Show(hosts=["John Horn", "Al"])) == [
        "Hosts: John Horn, Al",
        "Guest: Gus",
    ]
    assert people_lines(segment, None) == ["Guest: Gus"]


@pytest.mark.parametrize(
    ("images", "lines"),
    [
        (
            [Image(caption="Ana in Cannes.", credit="Jane Doe")],
            ["Photo: Ana in Cannes. (Jane Doe)"],
        ),
        (
            [Image(caption="Ana (Jane Doe/KPCC)", credit="Jane Doe/KPCC")],
            ["Photo: Ana (Jane Doe/KPCC)"],
        ),
        ([Image(credit="Photo by Jane Doe")], ["Photo by Jane Doe"]),
        # The seed page: the credited director is also named in the caption; the credit stays.
        (
            [
                Image(
                    caption="Riley Keough (left) in So Yong Kim's latest film.",
                    credit="So Yong Kim",
                )
            ],
            ["Photo: Riley Keough (left) in So Yong Kim's latest film. (So Yong Kim)"],
        ),
        (
            [Image(caption="Ana at home. Photo: AP", credit="AP")],
            ["Photo: Ana at home. Photo: AP"],
        ),
        (
            [Image(caption="Ana, courtesy of Jane Doe, on set", credit="Jane Doe")],
            ["Photo: Ana, courtesy of Jane Doe, on set"],
        ),
        (
            [Image(caption="Ana"), Image(caption="Ana"), Image(url="https://x.org/a.jpg")],
            ["Photo: Ana"],
        ),
    ],
)
def test_credit_lines(images: list[Image], lines: list[str]) -> None:
    assert credit_lines(images) == lines


@pytest.mark.parametrize(
    ("segment_link", "source", "argument", "expected"),
    [
        (None, None, "https://a.org/x", "https://a.org/x"),
        ("https://b.org/y", None, None, "https://b.org/y"),
        (None, Source(url="http://c.org/z"), None, "http://c.org/z"),
        (None, Source(path="page.html"), "javascript:alert(1)", None),
    ],
)
def test_source_link(
    segment_link: str | None, source: Source | None, argument: str | None, expected: str | None
) -> None:
    segment = Segment(slug="s", title="t", summary="x", link=segment_link, source=source)
    content = show_notes(segment, None, source_url=argument).content
    links = lxml.html.fragment_fromstring(content, create_parent="div").findall(".//a")
    assert [a.get("href") for a in links] == ([expected] if expected else [])


def test_title_stands_in_when_there_is_nothing_else() -> None:
    notes = show_notes(Segment(slug="s", title="Fish & chips"), None)
    assert notes == ShowNotes("<p>Fish &amp; chips</p>", "<p>Fish &amp; chips</p>")


def long_summary(paragraphs: int) -> str:
    words = [
        "Café",
        "“naïve”",
        "日本語",
        "&",
        "<tags>",
        "stay",
        "text;",
        "commas,",
        "colons:",
        "dashes",
        "—",
        "fine",
    ]
    return "\n\n".join(
        " ".join(words[(i + j) % len(words)] for j in range(60)) for i in range(paragraphs)
    )


def test_long_description_keeps_people_chapters_and_links() -> None:
    segment = frame_segment()
    segment.summary = long_summary(40)
    notes = show_notes(segment, None, transcript_url="https://example.org/t.html")
    size = len(notes.description.encode("utf-8"))
    # The summary is cut at a paragraph end when that keeps at least 3/4 of a word-boundary cut.
    assert 0.75 * DESCRIPTION_MAX_BYTES < size <= DESCRIPTION_MAX_BYTES
    assert tags_in(notes.description) <= DESCRIPTION_TAGS
    assert notes.description.endswith(
        "<p>(00:00) Intro</p>\n<p>(01:35) The &lt;new&gt; film</p>\n<p>(01:01:40) Outro</p>\n"
        '<p><a href="https://example.org/t.html">Transcript</a></p>\n'
        '<p>Source: <a href="https://www.scpr.org/programs/the-frame/2016/ana">scpr.org</a></p>'
    )
    assert "…</p>\n<p>Host: John Horn</p>" in notes.description
    assert len(notes.content.encode("utf-8")) > 10_000  # content:encoded is not cut


def test_description_cut_at_the_end_when_the_tail_is_huge() -> None:
    segment = Segment(
        slug="s",
        title="t",
        summary="Short summary.",
        chapters=[
            Chapter(i * 60, f"Chapter number {i} of a very long episode") for i in range(120)
        ],
    )
    description = show_notes(segment, None).description
    assert len(description.encode("utf-8")) <= DESCRIPTION_MAX_BYTES
    assert description.startswith("<p>Short summary.</p>\n<p>(00:00) Chapter number 0 of")
    assert re.search(r"</p>\n<p>…</p>$|…</p>$", description)


ENTITY_OR_TAG_FRAGMENT = re.compile(r"&[#\w]*(?![#\w;])|<[^>]*$")


@pytest.mark.parametrize("max_bytes", range(20, 700, 7))
def test_truncate_never_splits_tags_or_entities(max_bytes: int) -> None:
    source = sanitize_html(
        "<p>Fish &amp; chips, “naïve” café 日本語</p><ul><li>one &lt;two&gt;</li><li>three four</li></ul>"
        '<p>See <a href="https://x.org/?a=1&amp;b=2" title="A &gt; B">the long link text here</a> now.</p>'
        "<p>" + "word " * 100 + "</p>"
    )
    assert len(source.encode("utf-8")) > 700
    cut = truncate_html(source, max_bytes)
    assert len(cut.encode("utf-8")) <= max_bytes
    assert not ENTITY_OR_TAG_FRAGMENT.search(cut), cut
    if not cut:
        return
    assert cut.endswith(("…</p>", "…</li></ul>", "…</a></p>")), cut
    root = lxml.html.fragment_fromstring(cut, create_parent="div")
    assert lxml.html.tostring(root, encoding="unicode").count("<p>") == cut.count("<p>")
    # What is kept is the start of the original text, cut after a whole word (or between two
    # Japanese characters, which have no spaces between words).
    original = " ".join(lxml.html.fragment_fromstring(source, create_parent="div").itertext())
    words = original.split()
    kept = " ".join(root.itertext()).replace("…", " ").split()
    assert kept[:-1] == words[: len(kept) - 1]
    last = words[len(kept) - 1].rstrip(",:")
    assert last == kept[-1] or (last == "日本語" and kept[-1] in ("日", "日本")), kept[-1]


def test_truncate_keeps_what_fits() -> None:
    assert truncate_html("<p>short</p>", 12) == "<p>short</p>"
    assert truncate_html("<p>toolongword</p>", 10) == ""


@pytest.mark.parametrize(
    ("html", "max_bytes", "cut"),
    [
        # Chinese and Japanese put no spaces between words: a cut may fall between any two
        # ideographs or kana, else a long summary vanishes from the description.
        ("<p>这是一个很长的中文摘要。这是一个很长的中文摘要。</p>", 30, "<p>这是一个很长…</p>"),
        ("<p>日本語のテキストです</p>", 25, "<p>日本語のテ…</p>"),
        ("<p>Intro: 中文摘要中文摘要</p>", 30, "<p>Intro: 中文摘要…</p>"),
        # Latin words are still never split.
        ("<p>toolongword and more</p>", 16, ""),
    ],
)
def test_truncate_cuts_between_cjk_characters(html: str, max_bytes: int, cut: str) -> None:
    assert truncate_html(html, max_bytes) == cut


def test_long_cjk_summary_stays_in_the_description() -> None:
    summary = "这是一个很长的中文摘要。" * 150  # 5,400 bytes, not one space
    notes = show_notes(Segment(slug="s", title="t", summary=summary), None)
    size = len(notes.description.encode("utf-8"))
    assert 0.9 * DESCRIPTION_MAX_BYTES < size <= DESCRIPTION_MAX_BYTES
    assert notes.description.startswith("<p>这是一个很长的中文摘要。这是")
