"""The HTML page reader on hand-written pages that mirror real structures (fixtures/html/)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest

from segments.errors import InputError
from segments.importers.html import _marked_byline, _trafilatura_bylines, read_html_page
from segments.importers.htmlmeta import byline_people
from segments.importers.rawpage import Block, RawPage
from segments.importers.structure import _byline_names as structure_byline_names
from segments.importers.structure import build_segment
from segments.model import AudioRef, Image, Person, Segment

FIXTURES = Path(__file__).parent / "fixtures" / "html"


@pytest.fixture(scope="module")
def pages() -> dict[str, RawPage]:
    """Every fixture page, read once."""
    return {
        path.stem: read_html_page(path.read_text(encoding="utf-8"), path.name)
        for path in sorted(FIXTURES.glob("*.html"))
    }


def texts(page: RawPage) -> str:
    return "\n".join(b.text for b in page.blocks)


# --- metadata ---------------------------------------------------------------------------------

METADATA = [
    # fixture, title, published, language, site name
    (
        "station_segment_jsonld_audio",
        'Director So Yong Kim on the real life behind "Lovesong"',
        datetime(2017, 2, 20, 15, 30, tzinfo=timezone(timedelta(hours=-8))),
        "en-US",
        "KPCC",
    ),
    (
        "wordpress_qa_figure_comments",
        "Interview with Director Kyungjin Song",
        datetime(2019, 5, 2, 9, 0, tzinfo=UTC),
        "en-US",
        "Seoul Screen Notes",
    ),
    (
        "transcript_caps_speakers",
        "Swimming greats say cuts a shame",
        datetime(2013, 4, 22, 18, 54, tzinfo=timezone(timedelta(hours=10))),
        "en-AU",
        None,
    ),
    (
        "podlove_download_sizes",
        "RES158 Sternfusion am Teilchenbeschleuniger",
        date(2019, 8, 16),
        "de-DE",
        "Resonator",
    ),
]


@pytest.mark.parametrize(("name", "title", "published", "language", "site"), METADATA)
def test_metadata(
    pages: dict[str, RawPage],
    name: str,
    title: str,
    published: datetime | date,
    language: str,
    site: str | None,
) -> None:
    page = pages[name]
    assert page.kind == "html"
    assert page.path == f"{name}.html"
    assert page.title == title
    assert page.published == published
    assert type(page.published) is type(published)
    assert page.language == language
    if site is not None:
        assert page.site_name == site


def test_station_page_reads_json_ld_audio_figures_and_host(pages: dict[str, RawPage]) -> None:
    page = pages["station_segment_jsonld_audio"]
    # JSON-LD audio, the <audio> element and the "Download this story 2MB" link are one file.
    assert page.audio == [
        AudioRef(
            url="https://media.example.org/audio/frame_20170220_kim.mp3",
            label="Download this story",
            size_bytes=2_000_000,
            size_is_estimate=True,
            mime_type="audio/mpeg",
            duration_seconds=702.0,
        )
    ]
    assert page.images == [
        Image(
            url="/img/kim-sundance.jpg",
            caption="Director So Yong Kim at the Sundance Film Festival.",
            credit="Larry Busacca/Getty Images",
        ),
        Image(
            url="/img/lovesong-still.jpg",
            caption='Riley Keough and Jena Malone in "Lovesong."',
            credit="So Yong Kim",
        ),
    ]
    assert page.people == [Person("James Kim", "reporter"), Person("John Horn", "host")]
    assert page.show is not None
    assert page.show.title == "The Frame"
    assert page.show.category == "Arts & Entertainment"
    assert page.show.hosts == ["John Horn"]
    assert page.show.schedule is not None
    assert [(a.days, a.time.isoformat("minutes")) for a in page.show.schedule.airtimes] == [
        (("MO", "TU", "WE", "TH", "FR"), "15:30"),
        (("MO", "TU", "WE", "TH", "FR"), "19:30"),
        (("SA",), "14:00"),
    ]
    assert page.description == "Director So Yong Kim talks about her new film."
    assert page.url == "/shows/the-frame/2017/02/20/so-yong-kim-lovesong"


def test_station_page_blocks_in_order_with_captions_at_their_figures(
    pages: dict[str, RawPage],
) -> None:
    assert pages["station_segment_jsonld_audio"].blocks == [
        Block("Director So Yong Kim at the Sundance Film Festival.", "caption"),
        Block("Larry Busacca/Getty Images", "credit"),
        Block('So Yong Kim\'s new film "Lovesong" follows two old friends on a road trip.'),
        Block("The Frame's James Kim spoke with the director about the film."),
        Block("Getting into filmmaking", "heading"),
        Block("I was studying painting, and then I discovered film."),
        Block("It felt like painting that moves."),
        Block('Riley Keough and Jena Malone in "Lovesong."', "caption"),
        Block("So Yong Kim", "credit"),
        Block("Bringing her personal life into filmmaking", "heading"),
        Block("My daughter is in the film, which made it very personal."),
    ]


def test_wordpress_qa_questions_speakers_and_figure(pages: dict[str, RawPage]) -> None:
    page = pages["wordpress_qa_figure_comments"]
    assert page.blocks == [
        Block(
            "Kyungjin Song's debut feature premiered in Busan last autumn; we met her in Seoul "
            "to talk about casting, money and patience."
        ),
        Block("Kyungjin Song on set in Incheon", "caption"),
        Block("Lee Jae-won", "credit"),
        Block("How did the project start?", "question"),
        Block("It started with a news story about a ferry that never arrived.", speaker="Song"),
        Block("I kept the clipping on my desk for six years."),
        Block("Was casting difficult?", "question"),
        Block("Very. Our lead actor turned us down twice.", speaker="Song"),
        Block("Then he sent a message: “Read it again on the train. I’m in.”"),
        Block("What would you tell first-time directors?", "question"),
        Block("Short answer: keep the clipping."),
    ]
    assert page.images == [
        Image(
            url="https://notes.example.com/wp-content/uploads/2019/05/song.jpg",
            caption="Kyungjin Song on set in Incheon",
            credit="Lee Jae-won",
        )
    ]
    assert page.people == [Person("Mina Park", "reporter")]
    assert page.description is None  # WordPress.com's "Visit the post for more."
    assert page.audio == []


@pytest.mark.parametrize(
    "chrome",
    [
        "Great interview",
        "Leave a comment",
        "Your email address",
        "One thought on",
        "WordPress.com",
        "Up ↑",
        "Archives",
        "Topics",
        "Posted in",
        "May 2, 2019",
    ],
)
def test_wordpress_chrome_never_becomes_text(pages: dict[str, RawPage], chrome: str) -> None:
    assert chrome not in texts(pages["wordpress_qa_figure_comments"])


def test_transcript_keeps_capitalised_labels_in_the_text(pages: dict[str, RawPage]) -> None:
    page = pages["transcript_caps_speakers"]
    labelled = [b.text for b in page.blocks if b.text.isupper() or ":" in b.text[:20]]
    assert [t.split(":")[0] for t in labelled if t.split(":")[0].isupper()] == [
        "MARK BANNERMAN",
        "ELLESA THROWDEN",
        "JON SIEBEN",
        "ELLESA THROWDEN",
        "JON SIEBEN",
        "MARK BANNERMAN",
    ]
    assert all(b.speaker is None for b in page.blocks)  # no markup separates these labels
    assert page.people == [Person("Ellesa Throwden", "reporter")]
    for chrome in ("Topics", "Top Stories", "Rudd unveils", "News Home", "AEST"):
        assert chrome not in texts(page)


def test_podlove_download_list_gives_one_ref_per_format_mp3_first(
    pages: dict[str, RawPage],
) -> None:
    page = pages["podlove_download_sizes"]
    base = "https://resonator-podcast.de/podlove/file"
    # The webplayer <source>, og:audio and download link of each format are one file.
    assert page.audio == [
        AudioRef(
            url=f"{base}/4031/s/download/c/buttonlist/RES158.mp3",
            label="mp3",
            size_bytes=30_000_000,
            size_is_estimate=True,
            mime_type="audio/mpeg",
            duration_seconds=3840.0,
        ),
        AudioRef(
            url=f"{base}/4030/s/download/c/buttonlist/RES158.m4a",
            label="m4a",
            size_bytes=24_000_000,
            size_is_estimate=True,
            mime_type="audio/x-m4a",
            duration_seconds=3840.0,
        ),
    ]
    assert page.people == [Person("Holger Klein", "host")]
    assert page.show is not None
    assert page.show.hosts == ["Holger Klein"]
    assert page.show.tagline == (
        "Der Forschungspodcast der Helmholtz-Gemeinschaft – mit Holger Klein"
    )
    for chrome in ("Download", "30 MB", "Astronomie", "Physik", "Toller Podcast", "abonnieren"):
        assert chrome not in texts(page)


# --- markup cases -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Case page</title></head><body>
<article><h1>Case page</h1><p>An opening paragraph that sets the scene for this case.</p>
{snippet}<p>A closing paragraph that ends the article for this case.</p></article></body></html>"""

MARKUP = [
    # case, snippet, blocks between the opening and closing paragraphs
    (
        "bold speaker label",
        "<p><strong>Rick:</strong> I got into tech through games.</p>"
        "<p><strong>Rick:</strong> Then Flash.</p>",
        [
            Block("I got into tech through games.", speaker="Rick"),
            Block("Then Flash.", speaker="Rick"),
        ],
    ),
    (
        "colon after bold name",
        "<p><b>McKelvey</b>: When I started seeing it in the wild.</p>"
        "<p><b>McKelvey</b>: He just looked at me funny.</p>",
        [
            Block("When I started seeing it in the wild.", speaker="McKelvey"),
            Block("He just looked at me funny.", speaker="McKelvey"),
        ],
    ),
    (
        "one-off bold label stays text",
        "<p><strong>Background:</strong> The plant closed in 2019.</p>",
        [Block("Background: The plant closed in 2019.")],
    ),
    (
        "label inside italics stays text",
        "<p><em>Rick: I got into tech through games.</em></p>",
        [Block("Rick: I got into tech through games.")],
    ),
    (
        "caps label stays text",
        "<p>MARK BANNERMAN: Perhaps not surprisingly.</p>",
        [Block("MARK BANNERMAN: Perhaps not surprisingly.")],
    ),
    (
        "italic label is no speaker",
        "<p><em>Diese Folge zitieren:</em> Holger Klein, Resonator.</p>",
        [Block("Diese Folge zitieren: Holger Klein, Resonator.")],
    ),
    (
        "bold question",
        "<p><strong>Was casting difficult? </strong></p>",
        [Block("Was casting difficult?", "question")],
    ),
    (
        "questioner label inside a bold question",
        "<p><strong><em>Mashable</em>: Is that how you remember it?</strong></p>",
        [Block("Is that how you remember it?", "question", speaker="Mashable")],
    ),
    (
        "bold lead question",
        "<p><strong>What now?</strong> We wait for the jury.</p>",
        [Block("What now?", "question"), Block("We wait for the jury.")],
    ),
    (
        "Q label",
        "<p><strong>Q:</strong> Where were you born?</p>",
        [Block("Where were you born?", "question")],
    ),
    (
        "bold Q line",
        "<p><strong>Q: Where were you born?</strong></p>",
        [Block("Where were you born?", "question")],
    ),
    (
        "bold Q lead",
        "<p><strong>Q: Where were you born?</strong><br>In Busan, near the harbour.</p>",
        [Block("Where were you born?", "question"), Block("In Busan, near the harbour.")],
    ),
    (
        "double line break splits turns",
        "<p>JOHN SMITH: Why are rates going up again?<br>\n<br>MAYOR JONES: The wells are low."
        "<br><br>JOHN SMITH: And the farmers?</p>",
        [
            Block("JOHN SMITH: Why are rates going up again?"),
            Block("MAYOR JONES: The wells are low."),
            Block("JOHN SMITH: And the farmers?"),
        ],
    ),
    (
        "line break before a bold label splits",
        "<p><strong>Q:</strong> Where were you born?<br>\n<strong>A:</strong> In Busan.</p>",
        [Block("Where were you born?", "question"), Block("In Busan.")],
    ),
    (
        "single line break joins lines",
        "<p>One line of the address,<br>\nand the next line of it.</p>",
        [Block("One line of the address, and the next line of it.")],
    ),
    (
        "bold line alone is a heading",
        "<p><strong>Getting into filmmaking</strong></p>",
        [Block("Getting into filmmaking", "heading")],
    ),
    (
        "bold lines together stay paragraphs",
        "<p><strong>Weekly Address</strong></p><p><strong>The White House</strong></p>",
        [Block("Weekly Address"), Block("The White House")],
    ),
    ("h2 heading", "<h2>Topic heading</h2>", [Block("Topic heading", "heading")]),
    (
        "list",
        "<ul><li>First point made here</li><li>Second point</li></ul>",
        [Block("First point made here", "list_item"), Block("Second point", "list_item")],
    ),
    (
        "blockquote",
        "<blockquote><p>Words quoted from the court.</p></blockquote>",
        [Block("Words quoted from the court.", "quote")],
    ),
    (
        "label-only line dropped",
        "<p>Episode Description:</p>",
        [],
    ),
    (
        "share bar dropped",
        '<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet this story</a></div>',
        [],
    ),
]


@pytest.mark.parametrize(("case", "snippet", "expected"), MARKUP, ids=[m[0] for m in MARKUP])
def test_markup_gives_block_kinds_and_speakers(
    case: str, snippet: str, expected: list[Block]
) -> None:
    page = read_html_page(PAGE.format(snippet=snippet), "case.html")
    assert page.title == "Case page"
    assert page.blocks[0] == Block("An opening paragraph that sets the scene for this case.")
    assert page.blocks[-1] == Block("A closing paragraph that ends the article for this case.")
    assert page.blocks[1:-1] == expected


AUDIO = [
    # case, snippet, expected audio
    (
        "audio element",
        '<audio controls src="https://x.org/a/ep1.mp3"></audio>',
        [AudioRef(url="https://x.org/a/ep1.mp3", mime_type="audio/mpeg")],
    ),
    (
        "listen link with duration",
        '<p><a href="https://x.org/a/ep1.mp3?dl=1">Listen · 3:14</a></p>',
        [
            AudioRef(
                url="https://x.org/a/ep1.mp3?dl=1",
                label="Listen",
                mime_type="audio/mpeg",
                duration_seconds=194.0,
            )
        ],
    ),
    (
        "download link with size beside it",
        '<div><a href="/a/ep1.m4a">Download audio</a> <span>(12,3 MB)</span></div>',
        [
            AudioRef(
                url="/a/ep1.m4a",
                label="Download audio",
                size_bytes=12_300_000,
                size_is_estimate=True,
                mime_type="audio/x-m4a",
            )
        ],
    ),
    (
        "WordPress audio block caption is the label, not a photo",
        '<figure class="wp-block-audio"><audio controls src="/up/wrap.mp3"></audio>'
        "<figcaption>Wayne Walker reports</figcaption></figure>",
        [AudioRef(url="/up/wrap.mp3", label="Wayne Walker reports", mime_type="audio/mpeg")],
    ),
    (
        "a link showing its address has no label",
        '<p><a href="https://x.org/up/clip1.mp3">https://x.org/up/clip1.mp3</a></p>',
        [AudioRef(url="https://x.org/up/clip1.mp3", mime_type="audio/mpeg")],
    ),
    ("video link is not audio", '<p><a href="https://x.org/v/ep1.mp4">MP4</a></p>', []),
    (
        "audio in a sidebar is not the page's",
        '<aside class="related"><a href="https://x.org/other.mp3">Other story</a></aside>',
        [],
    ),
]


@pytest.mark.parametrize(("case", "snippet", "expected"), AUDIO, ids=[a[0] for a in AUDIO])
def test_audio_markup(case: str, snippet: str, expected: list[AudioRef]) -> None:
    page = read_html_page(PAGE.format(snippet=snippet), "case.html")
    assert page.audio == expected
    assert page.images == []
    assert all("Download" not in b.text and "Listen" not in b.text for b in page.blocks)


# --- errors ---------------------------------------------------------------------

ERRORS = [
    ("", "page.html: empty HTML page"),
    ("   \n", "page.html: empty HTML page"),
    ("<html><body></body></html>", "page.html: no article text or title found in this HTML page"),
    (
        "<html><head></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "page.html: no article text or title found in this HTML page",
    ),
]


@pytest.mark.parametrize(("html", "message"), ERRORS)
def test_unreadable_pages_raise_input_error(html: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_html_page(html, "page.html")
    assert str(caught.value) == message
    assert caught.value.exit_code == 1


def test_xml_declaration_is_accepted() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.format(snippet="")
    assert read_html_page(html, "x.html").title == "Case page"


SHOW_BOX = [
    # case, snippet, hosts, airtimes text
    (
        "host and airtime lines",
        '<div class="program-info"><p>Hosted by Kai Ryssdal and Molly Wood</p>'
        "<p>Airs weeknights at 7</p></div>",
        ["Kai Ryssdal", "Molly Wood"],
        "Airs weeknights at 7",
    ),
    (
        "unreadable airtimes are kept as text",
        "<p>Airs whenever the news allows, at 9ish</p>",
        [],
        "Airs whenever the news allows, at 9ish",
    ),
    (
        "lines in the footer are not the show's",
        "<footer><p>Hosted by Nobody Here</p></footer>",
        [],
        None,
    ),
]


@pytest.mark.parametrize(("case", "snippet", "hosts", "airtimes"), SHOW_BOX)
def test_show_box_lines(case: str, snippet: str, hosts: list[str], airtimes: str | None) -> None:
    page = read_html_page(
        PAGE.replace("<article>", snippet + "<article>").format(snippet=""), "s.html"
    )
    if not hosts and airtimes is None:
        assert page.show is None
        return
    assert page.show is not None
    assert page.show.hosts == hosts
    assert page.show.schedule is not None and page.show.schedule.text == airtimes
    assert [p for p in page.people if p.role == "host"] == [Person(h, "host") for h in hosts]


# --- structured data --------------------------------------------------------------------------

EPISODE = """<!DOCTYPE html><html lang="en"><head><title>Ep 12: Night trains | Rail Talk</title>
<script type="application/ld+json">{json}</script></head><body><article><h1>Ep 12: Night trains</h1>
<p>We ride the last sleeper train from Vienna to Brussels and talk to its crew.</p>
</article></body></html>"""

EPISODE_JSON = """{"@context": "https://schema.org", "@type": "PodcastEpisode",
 "name": "Ep 12: Night trains", "datePublished": "2024-03-01",
 "partOfSeries": {"@type": "PodcastSeries", "name": "Rail Talk"},
 "duration": "PT41M5S", "image": {"@type": "ImageObject", "url": "https://x.org/ep12.jpg"},
 "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Organization", "name": "RT"}],
 "associatedMedia": {"@type": "MediaObject", "contentUrl": "https://x.org/ep12.mp3",
                     "contentSize": "39.4 MB"}}"""


def test_podcast_episode_json_ld() -> None:
    page = read_html_page(EPISODE.format(json=EPISODE_JSON), "ep12.html")
    assert page.title == "Ep 12: Night trains"
    assert page.published == date(2024, 3, 1)
    assert page.audio == [
        AudioRef(
            url="https://x.org/ep12.mp3",
            size_bytes=39_400_000,
            size_is_estimate=True,
            mime_type="audio/mpeg",
            duration_seconds=2465.0,
        )
    ]
    assert page.images == [Image(url="https://x.org/ep12.jpg")]
    assert page.people == [Person("Ana Ruiz", "reporter")]
    assert page.show is not None
    assert (page.show.title, page.show.hosts) == ("Rail Talk", [])


@pytest.mark.parametrize(
    "json",
    ["{not json", "[]", '{"@type": "Thing"}', '{"@graph": [{"@type": ["NewsArticle"]}]}'],
)
def test_broken_or_empty_json_ld_is_ignored(json: str) -> None:
    page = read_html_page(EPISODE.format(json=json), "ep12.html")
    assert page.title == "Ep 12: Night trains"  # from the <h1> that <title> starts with
    assert page.audio == [] and page.people == [] and page.show is None


# --- through the structurer -------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(pages: dict[str, RawPage]) -> dict[str, Segment]:
    """Every fixture page structured into a Segment, once."""
    return {name: build_segment(page) for name, page in pages.items()}


def segment_words(segment: Segment) -> str:
    parts = [segment.title, segment.summary or ""]
    for section in segment.transcript:
        parts += [section.heading or "", section.question or "", *section.paragraphs]
    return "\n".join(parts)


def test_station_segment(built: dict[str, Segment]) -> None:
    segment = built["station_segment_jsonld_audio"]
    assert segment.title == 'Director So Yong Kim on the real life behind "Lovesong"'
    assert segment.audio is not None
    assert (segment.audio.url, segment.audio.label) == (
        "https://media.example.org/audio/frame_20170220_kim.mp3",
        "Download this story",
    )
    assert (segment.audio.size_bytes, segment.audio.size_is_estimate) == (2_000_000, True)
    assert [(i.caption, i.credit) for i in segment.images] == [
        ("Director So Yong Kim at the Sundance Film Festival.", "Larry Busacca/Getty Images"),
        ('Riley Keough and Jena Malone in "Lovesong."', "So Yong Kim"),
    ]
    assert [s.heading for s in segment.transcript] == [
        "Getting into filmmaking",
        "Bringing her personal life into filmmaking",
    ]
    assert segment.show is not None and segment.show.hosts == ["John Horn"]
    words = segment_words(segment)
    for furniture in ("Share", "Tweet", "Donate", "Another story", "Home", "Airs"):
        assert furniture not in words


def test_wordpress_qa_segment(built: dict[str, Segment]) -> None:
    segment = built["wordpress_qa_figure_comments"]
    assert [s.question for s in segment.transcript] == [
        "How did the project start?",
        "Was casting difficult?",
        "What would you tell first-time directors?",
    ]
    assert [len(s.paragraphs) for s in segment.transcript] == [2, 2, 1]
    assert segment.transcript[1].paragraphs[1] == (
        "Then he sent a message: “Read it again on the train. I’m in.”"
    )
    assert [(i.caption, i.credit) for i in segment.images] == [
        ("Kyungjin Song on set in Incheon", "Lee Jae-won")
    ]
    words = segment_words(segment)
    for furniture in ("Leave a comment", "Great interview", "WordPress.com", "Up ↑", "Topics"):
        assert furniture not in words


def test_transcript_segment_speakers(built: dict[str, Segment]) -> None:
    segment = built["transcript_caps_speakers"]
    assert [s.speaker for s in segment.transcript] == [
        "Mark Bannerman",
        "Ellesa Throwden",
        "Jon Sieben",
        "Ellesa Throwden",
        "Jon Sieben",
        "Mark Bannerman",
    ]
    assert "Updated" not in segment_words(segment)


def test_podlove_segment_audio_and_host(built: dict[str, Segment]) -> None:
    segment = built["podlove_download_sizes"]
    assert segment.audio is not None
    assert segment.audio.url is not None and segment.audio.url.endswith(
        "/download/c/buttonlist/RES158.mp3"
    )
    assert (segment.audio.size_bytes, segment.audio.size_is_estimate) == (30_000_000, True)
    assert segment.audio.duration_seconds == 3840.0
    assert ("Holger Klein", "host") in [(p.name, p.role) for p in segment.people]
    assert segment.language == "de-DE"


def test_json_ld_of_this_page_wins_over_related_articles() -> None:
    related = (
        '[{"@type": "NewsArticle", "headline": "An older story", "url": "https://x.org/old"},'
        ' {"@type": "NewsArticle", "headline": "Ep 12: Night trains on the sleeper",'
        '  "mainEntityOfPage": {"@id": "https://x.org/ep12/"}}]'
    )
    html = EPISODE.format(json=related).replace(
        "</head>", '<link rel="canonical" href="https://x.org/ep12"></head>'
    )
    page = read_html_page(html, "ep12.html")
    assert page.title == "Ep 12: Night trains on the sleeper"
    assert page.url == "https://x.org/ep12"


# --- people the markup marks: bylines, an episode's guests, organisations ----------------------

MARKED_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><title>Night shift</title>{head}</head>
<body><header><h1>Night shift at the harbour</h1>{byline}</header>
<article><p>A paragraph long enough to be the article's own text, about the harbour's night shift
and its crews.</p><p>Another paragraph of the article, so that the extractor keeps the text of it
and its story.</p></article>{after}</body></html>"""

MARKED_BYLINES = [
    # case, markup before the article, markup after it, the byline's text
    (
        "schema.org microdata: a link, then '(avec B et C)' (Le Monde)",
        '<p>Par <span itemprop="author" class="auteur"><a href="/journaliste/jean-dupont/">Jean'
        " Dupont</a> (avec Marie Curie et Marc Petit)</span></p>",
        "",
        ["Jean Dupont (avec Marie Curie et Marc Petit)"],
    ),
    (
        "microdata Person: its itemprop=name, not its job line",
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><span'
        ' itemprop="name">Jane Roe</span><span>Night editor</span></div>',
        "",
        ["Jane Roe"],
    ),
    (
        "a byline class with 'By' (Washington Post's pb-byline)",
        '<div class="pb-sig-line"><span class="pb-byline">By <a href="/people/jane-roe">Jane'
        " Roe</a></span></div>",
        "",
        ["By Jane Roe"],
    ),
    (
        "a rel=author link (WordPress themes)",
        '<p><a rel="author" href="/a/jr">Jane Roe</a></p>',
        "",
        ["Jane Roe"],
    ),
    (
        "near miss: a related story's byline after the article",
        "",
        '<section><p class="byline">By John Doe</p><p><a href="/x">Another</a></p></section>',
        [],
    ),
    (
        "near miss: an author's bio is no byline",
        '<div class="author-bio">Jane Roe is the night editor of the harbour paper and has'
        " covered the port for ten years, since the cranes came.</div>",
        "",
        [],
    ),
    ("near miss: a desk is nobody", '<span class="byline">By the newsroom</span>', "", []),
    (
        "near miss: a byline in the navigation",
        '<nav><a rel="author" href="/a/jd">John Doe</a></nav>',
        "",
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "before", "after", "byline"), MARKED_BYLINES, ids=[m[0] for m in MARKED_BYLINES]
)
def test_marked_bylines(case: str, before: str, after: str, byline: list[str]) -> None:
    html = MARKED_PAGE.format(lang="en", head="", byline=before, after=after)
    doc = lxml.html.fromstring(html)
    elements = list(doc.iter())
    positions = {id(e): n for n, e in enumerate(elements)}
    assert _marked_byline(doc, doc.find(".//article"), positions) == byline


def test_a_marked_byline_gives_the_reporters_when_nothing_else_names_them() -> None:
    byline = MARKED_BYLINES[0][1]
    raw = read_html_page(MARKED_PAGE.format(lang="fr", head="", byline=byline, after=""), "m.html")
    assert [(p.name, p.role) for p in raw.people] == [
        ("Jean Dupont", "reporter"),
        ("Marie Curie", "reporter"),
        ("Marc Petit", "reporter"),
    ]
    rules = {r.rule for r in raw.reasons if r.field == "person"}
    assert rules == {
        "the first byline the markup marks (itemprop=author, rel=author, a byline class)"
    }


EPISODE_JSONLD = (
    '<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{kind}",'
    ' "name": "Night shift", "author": {{"@type": "Person", "name": "Jane Roe"}},'
    ' "actor": [{{"@type": "Person", "name": "John Doe"}}, {{"@type": "Person", "name": "Jane Roe"}}],'
    ' "contributor": {{"@type": "Person", "name": "Marie Curie"}}}}</script>'
)


@pytest.mark.parametrize(
    ("kind", "people"),
    [
        (
            "PodcastEpisode",
            [("Jane Roe", "reporter"), ("John Doe", "guest"), ("Marie Curie", "guest")],
        ),
        (
            "RadioEpisode",
            [("Jane Roe", "reporter"), ("John Doe", "guest"), ("Marie Curie", "guest")],
        ),
        # near miss: an article's contributors are no guests of anything
        ("NewsArticle", [("Jane Roe", "reporter")]),
    ],
)
def test_an_episodes_json_ld_actors_and_contributors_are_its_guests(
    kind: str, people: list[tuple[str, str]]
) -> None:
    head = EPISODE_JSONLD.format(kind=kind)
    raw = read_html_page(MARKED_PAGE.format(lang="en", head=head, byline="", after=""), "e.html")
    assert [(p.name, p.role) for p in raw.people] == people
    guests = [r.value for r in raw.reasons if r.rule == "JSON-LD episode actor/contributor"]
    assert guests == [f"{name} (guest)" for name, role in people if role == "guest"]


@pytest.mark.parametrize(
    ("author", "people"),
    [
        ("Mac & i", []),  # a magazine's name in the byline (heise)
        ("Par : Jean Dupont", [("Jean Dupont", "reporter")]),  # a byline word with a colon
        ("Jane Roe & John Doe", [("Jane Roe", "reporter"), ("John Doe", "reporter")]),  # near miss
    ],
)
def test_byline_entries_in_the_metadata(author: str, people: list[tuple[str, str]]) -> None:
    head = f'<meta name="author" content="{author}">'
    raw = read_html_page(MARKED_PAGE.format(lang="de", head=head, byline="", after=""), "a.html")
    assert [(p.name, p.role) for p in raw.people] == people


def test_host_and_guest_lines_split_at_a_line_break() -> None:
    snippet = "<p><strong>Host:</strong> Jane Roe<br><strong>Guest:</strong> John Doe</p>"
    html = MARKED_PAGE.format(lang="en", head="", byline="", after="")
    raw = read_html_page(html.replace("<article>", f"<article>{snippet}"), "h.html")
    assert raw.show is not None and raw.show.hosts == ["Jane Roe"]
    people = [(p.name, p.role) for p in build_segment(raw).people]
    assert people == [("John Doe", "guest"), ("Jane Roe", "host")]


OUTLET_BYLINES = [
    # case, a byline entry as a page states it, the people it names
    ("a magazine's name", "Harbour Life Magazine", []),
    ("a news agency", "HR News", []),
    ("a newspaper", "Harbour Valley Times", []),
    ("a German magazine", "Hafen Magazin", []),
    ("a web address and the town", "hafenradio.de, Bremen, Germany", []),
    ("a web address in brackets", "Hafen Welle (www.hafenwelle.de)", []),
    ("a magazine's name with a digit", "n+1", []),
    ("a label kept before the name", "Autor/in: Jana Roth", ["Jana Roth"]),
    ("a desk's label before the name", "Redaktion: Jana Roth", ["Jana Roth"]),
    ("an English label", "Author: Jana Roth", ["Jana Roth"]),
    ("an agency as the source", "Source HR News Updated", []),
    ("a German source", "Quelle: Hafen-Agentur", []),
    # near misses: a surname that starts like an outlet's word, initials, a domain-like surname
    ("a surname like news", "Jana Newsome", ["Jana Newsome"]),
    ("initials", "J.R. Roth", ["J.R. Roth"]),
    ("a double surname", "Jana Times-Berg", ["Jana Times-Berg"]),
    ("a surname like source", "Jana Sourcey", ["Jana Sourcey"]),
    ("a word like the label", "Autorin Jana Roth", ["Autorin Jana Roth"]),
]


@pytest.mark.parametrize(
    ("case", "entry", "names"), OUTLET_BYLINES, ids=[c[0] for c in OUTLET_BYLINES]
)
def test_an_outlet_in_the_byline_is_no_person(case: str, entry: str, names: list[str]) -> None:
    assert [p.name for p in byline_people([entry])] == names


LOGO_PAGE = """<!DOCTYPE html><html><head><title>Night shift cuts - The Harbour Herald</title>
</head><body><div class="top"><a href="{href}"><img src="logo.png" alt="Herald"></a></div>
<article><p>A paragraph long enough to be the article's own text, about the night shift.</p>
<p>Another paragraph of the article, so that the extractor keeps the text.</p></article>
</body></html>"""


@pytest.mark.parametrize(
    ("href", "title"),
    [
        ("https://www.theharbourherald.com/", "Night shift cuts"),
        # near misses: the logo leads to a page of the site, or to another site
        ("https://www.theharbourherald.com/news/", "Night shift cuts - The Harbour Herald"),
        ("https://www.harbour.com/", "Night shift cuts - The Harbour Herald"),
    ],
)
def test_a_title_loses_the_site_its_logo_links_home_to(href: str, title: str) -> None:
    raw = read_html_page(LOGO_PAGE.format(href=href), "logo.html")
    assert raw.title == title
    cut = any("logo links home" in r.rule for r in raw.reasons if r.field == "title")
    assert cut == (title == "Night shift cuts")


META_LINE_PAGE = """<!DOCTYPE html><html><head><title>Night shift</title></head><body>
<div class="content-sidebar-wrap">{outside}<article><header><h1 class="entry-title">Night shift</h1><p class="entry-meta">
<time datetime="2018-02-19">Feb 19, 2018</time> <span class="entry-author" itemprop="author">
<a href="/author/jana-roth/" rel="author"><span itemprop="name">{name}</span></a></span></p>
</header><p>A paragraph long enough to be the article's own text, about the night shift.</p>
<p>Another paragraph of the article, so that the extractor keeps the text.</p></article>
</div></body></html>"""


def _marked(html: str) -> list[str]:
    doc = lxml.html.document_fromstring(html)
    elements = list(doc.iter())  # kept alive, so that each id stays its element's
    positions = {id(e): i for i, e in enumerate(elements)}
    return _marked_byline(doc, doc.find(".//article"), positions)


def test_the_byline_in_an_articles_own_header_meta_line_is_read() -> None:
    assert _marked(META_LINE_PAGE.format(outside="", name="Jana Roth")) == ["Jana Roth"]


def test_near_miss_an_author_link_in_the_wrappers_sidebar_stays_chrome() -> None:
    outside = '<div class="entry-meta"><a href="/team/" rel="author">Anna Berg</a></div>'
    html = META_LINE_PAGE.format(outside=outside, name="Jana Roth")
    assert _marked(html) == ["Jana Roth"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By THE HARBOUR HERALD", []),
        ("By The Associated Harbour Press", []),
        # near misses: a name opening like an article, and a sentence opening like a byline
        ("By Theo Roth", ["Theo Roth"]),
        ("By the time we arrived, it was dark", None),
    ],
)
def test_a_byline_of_an_organisation_names_nobody(text: str, names: list[str] | None) -> None:
    assert structure_byline_names(text) == names


class _Guess:
    def __init__(self, author: str) -> None:
        self.author = author


@pytest.mark.parametrize(
    ("guess", "byline", "names"),
    [
        (
            "Jana Roth Harbour",
            '<span class="byline-name">By Jana Roth</span>'
            '<span class="byline-title">Harbour historian</span>',
            ["Jana Roth"],
        ),
        # near miss: a longer name printed whole stays whole
        (
            "Jana Roth Berg",
            '<span class="byline-name">By Jana Roth Berg</span>'
            '<span class="byline-title">Harbour historian</span>',
            ["Jana Roth Berg"],
        ),
    ],
)
def test_a_guess_glued_to_the_next_byline_element_is_cut_to_the_printed_name(
    guess: str, byline: str, names: list[str]
) -> None:
    doc = lxml.html.document_fromstring(
        f'<html><body><span class="byline">{byline}</span></body></html>'
    )
    assert _trafilatura_bylines(_Guess(guess), doc) == names
