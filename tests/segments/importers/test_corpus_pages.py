"""Real pages from ../shared/corpus/pages (see SOURCES.md there) through the HTML reader.

Each page is read once per module. Titles are the headlines printed on the pages themselves.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from segments.importers.rawpage import RawPage
from segments.model import Segment
from tests.conftest import SHARED, require_shared

PAGES_DIR = SHARED / "corpus" / "pages"

ABC = "abc_au_pm_swimming_transcript"
AMP = "amp_blog_axios_qa"
MARKETPLACE = "marketplace_tech_2013-04-19"
MASHABLE = "mashable_qa_jim_mckelvey_square"
NATIONWIDE = "nationwide_radio_jm_caricom"
NPR = "npr_two_way_dylann_roof_verdict"
RESONATOR = "resonator_res158_podlove"
WHITEHOUSE = "whitehouse_weekly_address_2016-12-24"

TITLES = {
    ABC: "Swimming greats say cuts a shame",
    AMP: "People behind the code: The Axios ascent",
    MARKETPLACE: "Marketplace Tech for Friday, April 19, 2013",
    MASHABLE: "Square Cofounder: Jack Dorsey Is Like Hello Kitty",
    NATIONWIDE: (
        "JMEA President says Local Manufacturers Should Focus More on Increasing Exports "
        "Within CARICOM"
    ),
    NPR: "Jury Finds Dylann Roof Guilty In S.C. Church Shooting",
    RESONATOR: "RES158 Sternfusion am Teilchenbeschleuniger",
    WHITEHOUSE: "WEEKLY ADDRESS: Merry Christmas from the President and the First Lady",
}


def _read_all() -> dict[str, RawPage]:
    from segments.importers.html import read_html_page

    if not PAGES_DIR.is_dir():
        require_shared()
    return {
        path.stem: read_html_page(path.read_text(encoding="utf-8"), path.name)
        for path in sorted(PAGES_DIR.glob("*.html"))
    }


@pytest.fixture(scope="module")
def raw() -> dict[str, RawPage]:
    """Every corpus page as read, once."""
    return _read_all()


@pytest.fixture(scope="module")
def segments(raw: dict[str, RawPage]) -> dict[str, Segment]:
    """Every corpus page structured into a Segment, once."""
    structure = pytest.importorskip("segments.importers.structure")
    return {name: structure.build_segment(page) for name, page in raw.items()}


def block_text(page: RawPage) -> str:
    return "\n".join(b.text for b in page.blocks)


def segment_text(segment: Segment) -> str:
    parts = [segment.title, segment.summary or ""]
    for section in segment.transcript:
        parts += [section.heading or "", section.question or "", *section.paragraphs]
    return "\n".join(parts)


def test_every_corpus_page_is_covered(raw: dict[str, RawPage]) -> None:
    assert sorted(raw) == sorted(TITLES)


@pytest.mark.parametrize("name", sorted(TITLES))
def test_title_is_the_headline(raw: dict[str, RawPage], name: str) -> None:
    assert raw[name].title == TITLES[name]
    assert raw[name].kind == "html"


PUBLISHED = {
    ABC: "2013-04-22T18:54:00+10:00",
    AMP: "2020-04-07T17:10:46-07:00",
    MARKETPLACE: "2013-04-19",
    MASHABLE: "2014-01-26T21:32:46+00:00",
    NATIONWIDE: "2022-04-26T23:44:17+00:00",
    NPR: "2016-12-15",
    RESONATOR: "2019-08-16",
    WHITEHOUSE: "2016-12-23T16:42:59-05:00",
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_published(raw: dict[str, RawPage], name: str) -> None:
    published = raw[name].published
    assert isinstance(published, date)
    if isinstance(published, datetime):
        assert published.tzinfo is not None
    assert published.isoformat() == PUBLISHED[name]


#: Page chrome that must not come out of the reader as text (navigation, sidebars, comments,
#: player controls, caption toggles, download lines turned into audio).
CHROME = {
    ABC: [
        "Top Stories",
        "Search ABC News",
        "Connect with ABC News",
        "Site Map",
        "Topics:",
        "Rudd unveils",
        "Change to mobile view",
        "Got a news tip?",
    ],
    AMP: ["Leave a Reply", "Post navigation", "Cancel reply"],
    MARKETPLACE: [
        "Subscribe to podcast",
        "Latest Stories",
        "Browse the show calendar",
        "Bittersweet",
        "Embed player",
        "Pop-Up",
        "Download audio",
        "Adobe Flash",
        "Episode Teaser Image",
    ],
    MASHABLE: ["What's Hot", "More in Business", "Shares", "Image: SixThirty"],
    NATIONWIDE: ["About The Author", "Suzell Wray"],
    NPR: [
        "hide caption",
        "toggle caption",
        "Enlarge this image",
        "Toggle more options",
        "Embed",
        "Listen",
        "Download",
        "The Two-Way",
    ],
    RESONATOR: [
        "Schreibe einen Kommentar",
        "Kostenlos abonnieren",
        "Teilen erwünscht",
        "Ein Gedanke zu",
        "Neue Kommentare",
        "Download:",
        "30 MB",
        "\nAstronomie\n",
    ],
    WHITEHOUSE: ["You are here", "Briefing Room", "MP4", "MP3"],
}


@pytest.mark.parametrize(("name", "chrome"), [(n, c) for n, items in CHROME.items() for c in items])
def test_no_page_chrome_in_blocks(raw: dict[str, RawPage], name: str, chrome: str) -> None:
    assert chrome not in f"\n{block_text(raw[name])}\n"


AUDIO = [
    # page, index, URL ending, label, size, estimate, MIME type, duration
    (
        RESONATOR,
        0,
        "/4031/s/download/c/buttonlist/RES158_Sternfusion_am_Teilchenbeschleuniger.mp3",
        "mp3",
        30_000_000,
        True,
        "audio/mpeg",
        3840.0,
    ),
    (
        RESONATOR,
        1,
        "/4030/s/download/c/buttonlist/RES158_Sternfusion_am_Teilchenbeschleuniger.m4a",
        "m4a",
        24_000_000,
        True,
        "audio/x-m4a",
        3840.0,
    ),
    (
        RESONATOR,
        2,
        "/4032/s/download/c/buttonlist/RES158_Sternfusion_am_Teilchenbeschleuniger.opus",
        "opus",
        16_000_000,
        True,
        "audio/ogg",
        3840.0,
    ),
    (
        MARKETPLACE,
        0,
        "download.publicradio.org/podcast/marketplace/tech_report/2013/04/19/"
        "marketplace_tech_report20130419_64.mp3",
        "Download audio",
        None,
        False,
        "audio/mpeg",
        None,
    ),
    (
        NPR,
        0,
        "ondemand.npr.org/anon.npr-mp3/npr/atc/2016/12/20161214_atc_both_sides_rest_after_"
        "survivor_testifies_in_dylan_roof_trial.mp3?orgId=1&topicId=1070&d=194&p=2&story=505592252"
        "&dl=1&sc=siteplayer&dl=1&aw_0_1st.playerid=siteplayer",
        "Download",
        None,
        False,
        "audio/mpeg",
        194.0,
    ),
    (
        NATIONWIDE,
        0,
        "/wp-content/uploads/2022/04/WAYNE-WRAP-JMEA-ON-IMPROVE-EXPORT-APR-26-2022-2.mp3",
        None,
        None,
        False,
        "audio/mpeg",
        None,
    ),
    (
        NATIONWIDE,
        3,
        "/wp-content/uploads/2022/04/Rita-Hilton-on-adding-value-April-26-2022-26-seconds-1.mp3",
        None,
        None,
        False,
        "audio/mpeg",
        None,
    ),
    (
        WHITEHOUSE,
        0,
        "obamawhitehouse.archives.gov/videos/2016/December/20161224_Weekly_Address.mp3",
        "MP3",
        None,
        False,
        "audio/mpeg",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "index", "url_end", "label", "size", "estimate", "mime", "duration"), AUDIO
)
def test_audio(
    raw: dict[str, RawPage],
    name: str,
    index: int,
    url_end: str,
    label: str | None,
    size: int | None,
    estimate: bool,
    mime: str,
    duration: float | None,
) -> None:
    ref = raw[name].audio[index]
    assert ref.url is not None and ref.url.endswith(url_end)
    assert (ref.label, ref.size_bytes, ref.size_is_estimate) == (label, size, estimate)
    assert (ref.mime_type, ref.duration_seconds) == (mime, duration)


@pytest.mark.parametrize(
    ("name", "count"),
    [
        (ABC, 0),
        (AMP, 0),
        (MARKETPLACE, 1),
        (MASHABLE, 0),
        (NATIONWIDE, 4),
        (NPR, 1),
        (RESONATOR, 3),
        (WHITEHOUSE, 1),
    ],
)
def test_audio_count(raw: dict[str, RawPage], name: str, count: int) -> None:
    assert len(raw[name].audio) == count


CAPTIONS = [
    # page, caption, credit
    (
        NPR,
        "Dylann Roof is escorted from the Shelby Police Department in Shelby, N.C., on June "
        "18, 2015.",
        "Chuck Burton/AP",
    ),
    (
        NPR,
        "Sharon Risher, whose mother and two cousins were killed at Emanuel AME Church.",
        "Win McNamee/Getty Images",
    ),
    (MASHABLE, "Jim McKelvey, cofounder of Square", "SixThirty"),
    (AMP, "Marissa and Rick", None),
    (
        AMP,
        "Digital media company Axios has stepped onto the scene with a quick, smart, "
        "audience-first experience. Sound familiar?",
        None,
    ),
]


@pytest.mark.parametrize(("name", "caption", "credit"), CAPTIONS)
def test_captions_and_credits(
    raw: dict[str, RawPage], name: str, caption: str, credit: str | None
) -> None:
    images = [i for i in raw[name].images if i.caption == caption]
    assert len(images) == 1
    assert images[0].credit == credit
    assert images[0].url is not None
    assert images[0].url.startswith(("https://", "http://"))
    captions = [b.text for b in raw[name].blocks if b.kind == "caption"]
    assert captions.count(caption) == 1


def test_npr_captions_once_each(raw: dict[str, RawPage]) -> None:
    kinds = [(b.kind, b.text) for b in raw[NPR].blocks if b.kind in ("caption", "credit")]
    assert [k for k, _ in kinds] == ["caption", "credit", "caption", "credit"]


def test_caps_speaker_labels_stay_in_text(raw: dict[str, RawPage]) -> None:
    abc = [b.text.split(":")[0] for b in raw[ABC].blocks if b.text[:1].isupper() and ":" in b.text]
    assert {"MARK BANNERMAN", "ELLESA THROWDEN", "JON SIEBEN", "BILL KIRBY"} <= set(abc)
    white = [b.text.split(":")[0] for b in raw[WHITEHOUSE].blocks if ":" in b.text]
    # The page prints 5 turns of the President and 6 of the First Lady.
    assert white.count("THE PRESIDENT") == 5
    assert white.count("THE FIRST LADY") == 6


def test_mashable_questions_and_mckelvey_answers(raw: dict[str, RawPage]) -> None:
    blocks = raw[MASHABLE].blocks
    questions = [b for b in blocks if b.kind == "question"]
    answers = [b for b in blocks if b.speaker == "McKelvey"]
    # One italic "Mashable:" question and seven bold ones, each answered by "McKelvey:".
    assert len(questions) == 8
    assert questions[0].speaker == "Mashable"
    assert questions[0].text.startswith("Unlike with Twitter")
    assert questions[-1].text == (
        "Do you see yourself starting another company in tech, finance or another space "
        "anytime soon?"
    )
    assert len(answers) == 8
    assert answers[1].text.startswith("When I started seeing it in the wild.")


def test_amp_blog_bold_questions_with_rick_and_marissa_answers(raw: dict[str, RawPage]) -> None:
    blocks = raw[AMP].blocks
    questions = [b.text for b in blocks if b.kind == "question"]
    assert questions[:2] == [
        "Thanks for joining us! To kick us off – could you share a bit about your background?",
        "Can you tell us a bit about Axios, and what attracted you to AMP?",
    ]
    assert len(questions) == 8
    # The answers' labels sit inside the italics, so they stay text for the structurer.
    labels = [b.text.split(":")[0] for b in blocks if b.text.startswith(("Rick:", "Marissa:"))]
    assert labels.count("Rick") == 7 and labels.count("Marissa") == 5


def test_people_from_bylines_and_tagline(raw: dict[str, RawPage]) -> None:
    people = {name: [(p.name, p.role) for p in page.people] for name, page in raw.items()}
    assert people[ABC] == [("Ellesa Throwden", "reporter")]
    assert people[MASHABLE] == [("Seth Fiegerman", "reporter")]
    assert people[NATIONWIDE] == [("Suzell Wray", "reporter")]
    assert people[NPR] == [("Rebecca Hersher", "reporter")]
    assert people[RESONATOR] == [("Holger Klein", "host")]
    assert people[WHITEHOUSE] == []
    show = raw[RESONATOR].show
    assert show is not None
    assert show.hosts == ["Holger Klein"]
    assert show.tagline == "Der Forschungspodcast der Helmholtz-Gemeinschaft – mit Holger Klein"


# --- through the structurer -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TITLES))
def test_segment_title(segments: dict[str, Segment], name: str) -> None:
    assert segments[name].title == TITLES[name]


def test_segments_speakers_and_questions(segments: dict[str, Segment]) -> None:
    white = {s.speaker for s in segments[WHITEHOUSE].transcript}
    assert white == {"The President", "The First Lady"}
    abc = {s.speaker for s in segments[ABC].transcript}
    assert {"Mark Bannerman", "Ellesa Throwden", "Jon Sieben", "Bill Kirby"} <= abc
    mashable = [s for s in segments[MASHABLE].transcript if s.question]
    assert len(mashable) == 8
    # The label is "McKelvey"; the structurer may give the full name the page uses.
    assert {s.speaker for s in mashable} <= {"McKelvey", "Jim McKelvey"}
    amp = [s for s in segments[AMP].transcript if s.question]
    assert len(amp) == 7


#: Who each page's segment lists, in ROLE_ORDER (guests first). Speakers named by a label who are
#: not the host, the interviewer or a reporter are guests (ABC's interviewees); parts such as
#: "The President" are not people.
SEGMENT_PEOPLE = {
    ABC: [
        ("Jon Sieben", "guest"),
        ("Bill Kirby", "guest"),
        ("Ellesa Throwden", "reporter"),
        ("Mark Bannerman", "host"),
    ],
    AMP: [("Marissa Halpert", "guest"), ("Rick Terrill", "guest"), ("Alex Durán", "interviewer")],
    MARKETPLACE: [("David Gura", "reporter")],
    MASHABLE: [("Jim McKelvey", "guest"), ("Seth Fiegerman", "interviewer")],
    NATIONWIDE: [("Suzell Wray", "reporter"), ("Wayne Walker", "reporter")],
    NPR: [("Rebecca Hersher", "reporter")],
    RESONATOR: [("Kathrin Göbel", "guest"), ("Holger Klein", "host")],
    WHITEHOUSE: [],
}


@pytest.mark.parametrize("name", sorted(SEGMENT_PEOPLE))
def test_segment_people(segments: dict[str, Segment], name: str) -> None:
    assert [(p.name, p.role) for p in segments[name].people] == SEGMENT_PEOPLE[name]


def test_segments_audio(segments: dict[str, Segment]) -> None:
    resonator = segments[RESONATOR].audio
    assert resonator is not None
    assert (resonator.mime_type, resonator.size_bytes, resonator.size_is_estimate) == (
        "audio/mpeg",
        30_000_000,
        True,
    )
    for name in (MARKETPLACE, NPR, NATIONWIDE, WHITEHOUSE):
        audio = segments[name].audio
        assert audio is not None and audio.mime_type == "audio/mpeg"
    assert segments[ABC].audio is None


FURNITURE = {
    AMP: [
        "Interested in learning more about AMP",
        "sign up for our email newsletter",
        "Posted by Alex Durán",
    ],
    ABC: ["Updated", "Source: PM"],
    MARKETPLACE: ["To view this content", "Episode Description"],
    MASHABLE: ["See also:"],
    RESONATOR: [
        "Diese Folge zitieren",
        "Mit diesem Button",
        "Veröffentlicht am 16.08.2019",
        "Downloads: 22.273",
        "Mehr zum Thema",
    ],
}


@pytest.mark.parametrize(
    ("name", "furniture"), [(n, f) for n, items in FURNITURE.items() for f in items]
)
def test_no_furniture_in_segments(segments: dict[str, Segment], name: str, furniture: str) -> None:
    assert furniture not in segment_text(segments[name])


def test_shared_fixture_agrees(shared: Path) -> None:
    assert (shared / "corpus" / "pages").resolve() == PAGES_DIR.resolve()
