"""The structurer: seeds and mirrored corpus structures through build_segment(read_text_page())."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from segments.errors import InputError
from segments.importers.furniture import is_furniture
from segments.importers.rawpage import Block, RawPage, Reason
from segments.importers.structure import build_segment, slugify
from segments.importers.text import read_text_page
from segments.model import AudioRef, Image, Person, Section, Segment, Source
from tests.conftest import EXAMPLES
from tests.seed_facts import QA_QUESTIONS

PAGES = EXAMPLES / "the-frame" / "pages"
FIXTURES = Path(__file__).parent / "fixtures" / "text"


def segment_of(path: Path) -> Segment:
    return build_segment(read_text_page(path.read_text(encoding="utf-8"), str(path)))


def all_text(segment: Segment) -> list[str]:
    texts = [segment.title, *(segment.summary or "").split("\n\n")]
    for section in segment.transcript:
        texts += [section.heading or "", section.question or "", *section.paragraphs]
    return [t for t in texts if t]


# --- the public-radio seed ----------------------------------------------------------------------

LOVESONG = PAGES / "lovesong-so-yong-kim.txt"


@pytest.fixture(scope="module")
def lovesong() -> Segment:
    return segment_of(LOVESONG)


def test_lovesong_title_slug_source(lovesong: Segment) -> None:
    assert lovesong.title == "'Lovesong': Another intimate film from director So Yong Kim"
    assert lovesong.slug == "lovesong-another-intimate-film-from-director-so-yong-kim"
    assert lovesong.source == Source(path=str(LOVESONG), url=None, kind="text")


def test_lovesong_show(lovesong: Segment) -> None:
    show = lovesong.show
    assert show is not None
    assert show.hosts == ["John Horn"]
    assert show.category == "Arts & Entertainment"
    assert show.tagline == (
        "Movies, music, TV, arts and entertainment, straight from Southern California."
    )
    assert show.schedule is not None
    assert {(a.days, a.time) for a in show.schedule.airtimes} == {
        (("MO", "TU", "WE", "TH", "FR"), dt.time(15, 30)),
        (("MO", "TU", "WE", "TH", "FR"), dt.time(19, 30)),
        (("SA",), dt.time(14, 0)),
    }
    assert len(show.schedule.airtimes) == 3


def test_lovesong_people_images_audio(lovesong: Segment) -> None:
    assert lovesong.people == [
        Person("So Yong Kim", "guest"),
        Person("James Kim", "interviewer"),
        Person("John Horn", "host"),
    ]
    assert [(i.caption, i.credit) for i in lovesong.images] == [
        ('So Yong Kim is the director and writer of "Lovesong."', "Larry Busacca/Getty Images"),
        (
            'Riley Keough (left) and Jena Malone star in So Yong Kim\'s latest film, "Lovesong."',
            "So Yong Kim",
        ),
    ]
    assert lovesong.audio == AudioRef(
        label="Download this story", size_bytes=2_000_000, size_is_estimate=True
    )


def test_lovesong_summary_is_the_three_intro_paragraphs(lovesong: Segment) -> None:
    assert lovesong.summary is not None
    paragraphs = lovesong.summary.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0] == (
        "So Yong Kim is a director who\u2019s known for making rather intimate and quiet indie "
        "films that focus on the human condition."
    )
    assert paragraphs[1].startswith("Such is the case for her latest film")
    assert paragraphs[2] == (
        "The Frame\u2019s James Kim recently spoke with the director about how she got into "
        "filmmaking, her personal inspiration behind the movie, and why she's attracted to "
        "making intimate films."
    )


def test_lovesong_sections(lovesong: Segment) -> None:
    assert [(s.heading, s.question, s.speaker, len(s.paragraphs)) for s in lovesong.transcript] == [
        ("Getting into filmmaking", None, "So Yong Kim", 2),
        ('The real-life inspiration behind "Lovesong"', None, "So Yong Kim", 3),
        ("Bringing her personal life into filmmaking", None, "So Yong Kim", 3),
    ]
    last = lovesong.transcript[-1].paragraphs[-1]
    assert last == (
        "I think intimacy is the key that I try to create between the viewer and my characters "
        "because I think that's the most important aspect of storytelling in film."
    )


# --- the Q&A seed -------------------------------------------------------------------------------

GOLD_MEDAL = PAGES / "gold-medal-kyungjin-song.txt"


@pytest.fixture(scope="module")
def gold_medal() -> Segment:
    return segment_of(GOLD_MEDAL)


def test_gold_medal_title_guest_summary(gold_medal: Segment) -> None:
    assert gold_medal.title == "Interview with Director Kyungjin Song"
    assert gold_medal.slug == "interview-with-director-kyungjin-song"
    assert gold_medal.people == [Person("Kyungjin Song", "guest")]
    assert gold_medal.summary is not None
    assert gold_medal.summary.startswith("In Gold Medal, director Kyungjin Song brings")
    assert gold_medal.summary.endswith("feels both deeply personal and widely relatable.")
    assert "\n" not in gold_medal.summary
    assert gold_medal.audio is None and gold_medal.images == [] and gold_medal.show is None


def test_gold_medal_eight_questions_with_whole_answers(gold_medal: Segment) -> None:
    assert [s.question for s in gold_medal.transcript] == QA_QUESTIONS
    assert [len(s.paragraphs) for s in gold_medal.transcript] == [1, 1, 2, 1, 4, 2, 2, 1]
    assert {s.speaker for s in gold_medal.transcript} == {"Kyungjin Song"}
    casting = gold_medal.transcript[4].paragraphs
    assert casting[0].startswith("The restaurant called \u201cRest\u201d")
    assert casting[1].startswith("When we were casting for the mother\u2019s role")
    assert casting[2].startswith("She later told us that on the day of the shoot")
    assert casting[3] == (
        "Even so, the shoot went really well, and afterward, she sent me a message saying, "
        "\u201cIt was a special day for me, meeting such good people through a remote casting "
        "process, which helped make up for unpleasant experiences on previous projects.\u201d It "
        "turned into a wonderful memory and a fun story!"
    )


def test_gold_medal_keeps_every_line_of_the_seed(gold_medal: Segment) -> None:
    lines = {
        " ".join(x.replace("\u00a0", " ").split()) for x in GOLD_MEDAL.read_text().splitlines()
    }
    furniture = {"Leave a comment", "Create a website or blog at WordPress.com", "Up ↑"}
    assert (lines - {""}) - furniture == set(all_text(gold_medal))


@pytest.mark.parametrize("path", [LOVESONG, GOLD_MEDAL], ids=["lovesong", "gold-medal"])
def test_no_furniture_anywhere(path: Path) -> None:
    segment = segment_of(path)
    texts = all_text(segment)
    assert [t for t in texts if is_furniture(t)] == []
    joined = "\n".join(texts)
    for leak in ("today's news", "independent journalism", "Leave a comment", "WordPress",
                 "Up ↑", "Listen to story", "Download this story"):  # fmt: skip
        assert leak not in joined


# --- speaker labels, Q&A labels, articles -------------------------------------------------------


def test_caps_speaker_labels_abc_pm() -> None:
    segment = segment_of(FIXTURES / "abc_pm_speaker_labels.txt")
    assert segment.summary == (
        "The decision to cut funding for swimming has drawn negative comments from "
        "Australia's swimming greats."
    )
    assert [(s.speaker, len(s.paragraphs)) for s in segment.transcript] == [
        ("Mark Bannerman", 3),
        ("Ellesa Throwden", 1),
        ("Jon Sieben", 2),
        ("Ellesa Throwden", 1),
        ("Jon Sieben", 1),
        ("Mark Bannerman", 1),
    ]
    # Labels are taken off the text; a question inside a transcript stays a speaker's turn.
    assert segment.transcript[3] == Section(
        paragraphs=["Do you think this is punishment for what occurred in London?"],
        speaker="Ellesa Throwden",
    )
    # Who throws to the reporter ("Ellesa Throwden reports.") presents the programme; whoever
    # else speaks by name is interviewed (a guest), so show notes and podcast:person list him.
    assert segment.people == [
        Person("Jon Sieben", "guest"),
        Person("Ellesa Throwden", "reporter"),
        Person("Mark Bannerman", "host"),
    ]


def test_caps_speaker_labels_white_house() -> None:
    segment = segment_of(FIXTURES / "whitehouse_weekly_address.txt")
    assert [s.speaker for s in segment.transcript] == [
        "The President",
        "The First Lady",
        "The President",
        "The First Lady",
    ]
    # A stage direction stays with the speaker's turn; an unlabelled paragraph continues it.
    assert segment.transcript[1].paragraphs[1] == "[PAUSE]"
    assert segment.transcript[2].paragraphs[-1].startswith("By so many measures")
    # "The President" and "The First Lady" are parts, not names: nobody to list as a person.
    assert segment.people == []
    # Header fragments ("Weekly Address", the dateline) are not summary paragraphs.
    assert segment.summary == (
        "In this week's address, the President and the First Lady wished all Americans a Merry "
        "Christmas and Happy Holidays."
    )


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("MARINE LE PEN", "Marine Le Pen"),  # a French surname's article stays capitalised
        ("LUIGI DI MAIO", "Luigi Di Maio"),
        # near miss: a Dutch particle is written small
        ("JAN VAN DER BERG", "Jan van der Berg"),
    ],
)
def test_caps_speaker_labels_with_particles(label: str, name: str) -> None:
    blocks = [
        Block(f"{label}: We will win the vote."),
        Block("JANE ROE: Will you?"),
        Block(f"{label}: Yes, we will."),
    ]
    raw = RawPage(path="p.html", kind="html", title="An interview", blocks=blocks)
    assert name in [p.name for p in build_segment(raw).people]


def test_surname_labels_mashable_qa() -> None:
    segment = segment_of(FIXTURES / "mashable_mckelvey_qa.txt")
    assert segment.people == [
        Person("Jim McKelvey", "guest"),
        Person("Seth Fiegerman", "interviewer"),
    ]
    sections = segment.transcript
    assert sections[0].heading == "Q&A With Jim McKelvey, Cofounder of Square"
    # The one-off "Mashable:" label is the publication asking, not a speaker.
    assert sections[0].question == (
        "Unlike with Twitter, the founding story for Square seems pretty cut and dry. Is that "
        "how you remember it?"
    )
    assert [(s.speaker, s.questioner) for s in sections[:3]] == [
        ("Jim McKelvey", "Seth Fiegerman")
    ] * 3
    # "McKelvey:When" (no space) is still a label.
    assert sections[1].paragraphs == ["When I started seeing it in the wild."]
    # An editor's note is nobody's answer.
    assert sections[-1] == Section(paragraphs=["Note: This interview has been condensed."])
    assert all("See also" not in t and "Load Comments" not in t for t in all_text(segment))


def test_first_name_labels_two_interviewees_amp_blog() -> None:
    segment = segment_of(FIXTURES / "amp_two_interviewees.txt")
    assert [(s.question is not None, s.speaker, s.questioner) for s in segment.transcript] == [
        (True, "Rick Terrill", "Alex Durán"),
        (False, "Marissa Halpert", None),
        (True, "Rick Terrill", "Alex Durán"),
    ]
    assert segment.transcript[2].paragraphs[1].startswith("So the biggest challenge")
    assert segment.people == [
        Person("Marissa Halpert", "guest"),
        Person("Rick Terrill", "guest"),  # "Rick:" named in full in the intro
        Person("Alex Durán", "interviewer"),
    ]
    assert all("newsletter" not in t and "Interested in" not in t for t in all_text(segment))


def test_q_and_a_labels() -> None:
    segment = segment_of(FIXTURES / "qa_labels.txt")
    assert segment.transcript == [
        Section(
            question="How did you start?",
            speaker="Mira Olsen",
            paragraphs=["With a toy piano.", "My grandmother bought it for me."],
        ),
        Section(
            question="What comes next?",
            speaker="Mira Olsen",
            paragraphs=["An opera, if I am lucky."],
        ),
        Section(paragraphs=["Update: The opera premieres in May."]),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Q. How did you start?\n\nA. With a toy piano.\n\nQ. What comes next?\n\nA. An opera.",
            # the headline "Mira Olsen on her opera" names who answers (people-headline-subject)
            [
                Section(
                    question="How did you start?",
                    paragraphs=["With a toy piano."],
                    speaker="Mira Olsen",
                ),
                Section(
                    question="What comes next?", paragraphs=["An opera."], speaker="Mira Olsen"
                ),
            ],
        ),
        # An initial is not a label: a page with one "Q." keeps its text as it is.
        (
            "A. Smith said the vote was close.\n\nQ. Why?",
            [
                Section(
                    paragraphs=[
                        "The composer talks about her first opera.",
                        "A. Smith said the vote was close.",
                        "Q. Why?",
                    ]
                )
            ],
        ),
    ],
    ids=["dotted labels", "initial"],
)
def test_dotted_q_and_a_labels(body: str, expected: list[Section]) -> None:
    # Before, "Q. " stayed in the question ("> **Q:** Q. How did you start?").
    text = f"Mira Olsen on her opera\n\nThe composer talks about her first opera.\n\n{body}\n"
    assert build_segment(read_text_page(text, "p.txt")).transcript == expected


def test_article_without_structure_is_one_section() -> None:
    segment = segment_of(FIXTURES / "plain_article.txt")
    assert segment.summary == (
        "A jury has found Dylann Roof guilty on all 33 counts of federal hate crimes he faced."
    )
    assert len(segment.transcript) == 1
    paragraphs = segment.transcript[0].paragraphs
    # A lone rhetorical question is not an interview question; a quote lead-in is no heading.
    assert "Why would anyone do this?" in paragraphs
    assert "The Post and Courier newspaper reported on the closing argument:" in paragraphs
    assert segment.transcript[0].speaker is None and segment.people == []
    assert not any(is_furniture(p) for p in paragraphs)


def test_reporter_and_hosts_from_phrasing() -> None:
    segment = segment_of(FIXTURES / "station_header_unparsed.txt")
    assert segment.people == [
        Person("Dana Fox", "reporter"),
        Person("Ana Ruiz", "host"),
        Person("Ben Cho", "host"),
    ]
    assert segment.audio == AudioRef(label="Listen", duration_seconds=194.0)


@pytest.mark.parametrize(
    ("labels", "people"),
    [
        # Named speakers who are not yet people are guests, in order of first appearance.
        (
            ["MARK BANNERMAN", "JON SIEBEN", "BILL KIRBY", "JON SIEBEN"],
            [Person("Jon Sieben", "guest"), Person("Bill Kirby", "guest")],
        ),
        (
            ["Ada Lovelace", "Grace Hopper", "Ada Lovelace", "Grace Hopper"],
            [Person("Grace Hopper", "guest")],
        ),
        # Parts people play are never people.
        (["THE PRESIDENT", "THE FIRST LADY", "THE PRESIDENT"], []),
        (["INTERVIEWER", "HOST", "REPORTER", "ANNOUNCER", "NARRATOR"], []),
        (["SPEAKER 1", "SPEAKER 2", "UNIDENTIFIED MALE", "MALE VOICE"], []),
        (["Q", "A", "Q", "A"], []),
        # A one-word label is a name only when the page gives the full name.
        (["RICK", "MARISSA", "RICK", "MARISSA"], []),
    ],
)
def test_named_speakers_are_guests(labels: list[str], people: list[Person]) -> None:
    intro = "Hosted by Mark Bannerman, with reporter Ada Lovelace."
    turns = "\n\n".join(f"{label}: Turn {i} of the talk." for i, label in enumerate(labels))
    text = f"A radio programme\n\n{intro}\n\n{turns}"
    segment = build_segment(read_text_page(text, "p.txt"))
    assert [p for p in segment.people if p.role == "guest"] == people


@pytest.mark.parametrize(
    ("people", "label", "speaker", "expected"),
    [
        # A speaker already listed keeps the role the page gave (full name or surname label).
        (
            [Person("Mark Bannerman", "host")],
            "Mark Bannerman",
            "Mark Bannerman",
            [Person("Mark Bannerman", "host")],
        ),
        (
            [Person("Jim McKelvey", "reporter")],
            "McKelvey",
            "Jim McKelvey",
            [Person("Jim McKelvey", "reporter")],
        ),
        (
            [Person("Jim McKelvey", "reporter")],
            "Jim McKelvey",
            "Jim McKelvey",
            [Person("Jim McKelvey", "reporter")],
        ),
        (
            [Person("Sam Lee", "host")],
            "Kim Park",
            "Kim Park",
            [Person("Kim Park", "guest"), Person("Sam Lee", "host")],
        ),
    ],
)
def test_named_speakers_merge_with_known_people(
    people: list[Person], label: str, speaker: str, expected: list[Person]
) -> None:
    raw = RawPage(
        path="t.html",
        kind="html",
        title="A talk",
        people=people,
        blocks=[Block("First words.", speaker=label), Block("More words.", speaker=label)],
    )
    segment = build_segment(raw)
    assert segment.transcript[0].speaker == speaker
    assert segment.people == expected


@pytest.mark.parametrize(
    "label",
    ["Note", "Update", "Source", "10:30", "Photo"],
)
def test_remark_labels_and_times_are_not_speakers(label: str) -> None:
    text = f"Title\n\nIntro here.\n\n{label}: one thing.\n\n{label}: another thing."
    segment = build_segment(read_text_page(text, "p.txt"))
    assert all(s.speaker is None for s in segment.transcript)


TIMED = """Hosted by John Horn

Interview: Jane Doe on rivers

Jane Doe talks about her new book on rivers and the people who live beside them.

{first}JOHN HORN: What next?

JANE DOE: Lakes.

{second}JOHN HORN: How long did it take?

JANE DOE: Ten years.
"""


@pytest.mark.parametrize(
    ("first", "second", "times"),
    [
        ("", "[00:12:30] ", [None, None, 750.0, None]),
        ("(01:05) ", "00:12:30 ", [65.0, None, 750.0, None]),
        ("[0:00:05]\n\n", "[00:12:30.5]\n\n", [5.0, None, 750.5, None]),
    ],
    ids=["bracketed", "parenthesised and bare", "mark on a line of its own"],
)
def test_time_marks_start_turns_and_never_hide_a_speaker(
    first: str, second: str, times: list[float | None]
) -> None:
    segment = build_segment(read_text_page(TIMED.format(first=first, second=second), "p.txt"))
    # Before, "[00:12:30] JOHN HORN: ..." stayed text in Jane Doe's turn, and her next label
    # merged into that turn: the question read as hers and her answer lost its label.
    assert [(s.speaker, s.paragraphs, s.start_seconds) for s in segment.transcript] == [
        ("John Horn", ["What next?"], times[0]),
        ("Jane Doe", ["Lakes."], times[1]),
        ("John Horn", ["How long did it take?"], times[2]),
        ("Jane Doe", ["Ten years."], times[3]),
    ]


# --- HTML-style blocks --------------------------------------------------------------------------


def test_html_block_kinds_and_metadata_people() -> None:
    raw = RawPage(
        path="page.html",
        kind="html",
        url="https://example.org/segment",
        title="Talking AMP",
        description="Two engineers on going AMP-first.",
        language="en",
        people=[Person("Alex Durán", "interviewer", href="https://example.org/alex")],
        images=[Image(url="https://example.org/a.jpg", caption="Rick and Marissa")],
        audio=[
            AudioRef(url="https://example.org/a.opus", label="opus"),
            AudioRef(url="https://example.org/a.m4a", label="m4a"),
            AudioRef(url="https://example.org/a.mp3?dl=1"),
            AudioRef(url="https://example.org/b.mp3", label="Download"),
        ],
        blocks=[
            Block("Talking AMP", kind="heading"),
            Block("Rick and Marissa"),
            Block("Rick and Marissa", kind="caption"),
            Block("Photo: AMP", kind="credit"),
            Block("We talked with the team."),
            Block("Background", kind="heading"),
            Block("Why AMP?", kind="question"),
            Block("It is fast.", speaker="Rick:"),
            Block("And small.", speaker="Rick"),
            Block("I agree.", speaker="Marissa"),
            Block("Share"),
        ],
    )
    segment = build_segment(raw)
    assert segment.title == "Talking AMP"
    assert segment.summary == "We talked with the team."
    assert segment.images == [
        Image(url="https://example.org/a.jpg", caption="Rick and Marissa", credit="Photo: AMP")
    ]
    assert segment.transcript == [
        Section(
            heading="Background",
            question="Why AMP?",
            speaker="Rick",
            questioner="Alex Durán",
            paragraphs=["It is fast.", "And small."],
        ),
        Section(speaker="Marissa", paragraphs=["I agree."]),
    ]
    assert segment.people[-1] == Person(
        "Alex Durán", "interviewer", href="https://example.org/alex"
    )
    assert segment.audio == AudioRef(
        url="https://example.org/b.mp3", label="Download", mime_type="audio/mpeg"
    )
    assert (segment.link, segment.language) == ("https://example.org/segment", "en")
    assert segment.source == Source(
        path="page.html", url="https://example.org/segment", kind="html"
    )


def test_metadata_people_are_merged_by_name() -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="Interview with director So Yong Kim",
        people=[Person("So Yong Kim", "guest", img="https://example.org/k.jpg")],
        blocks=[Block("So Yong Kim is a director who makes quiet films.")],
    )
    segment = build_segment(raw)
    assert segment.people == [Person("So Yong Kim", "guest", img="https://example.org/k.jpg")]


# --- errors and slugs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        RawPage(path="empty.txt", kind="text"),
        RawPage(path="empty.txt", kind="text", blocks=[Block("  \u00a0 ")]),
        RawPage(path="empty.txt", kind="text", blocks=[Block("Leave a comment"), Block("Up ↑")]),
        # The text reader takes a page's first short line as its title, furniture or not.
        read_text_page(
            "Leave a comment\n\nCreate a website or blog at WordPress.com\n\nUp ↑\n", "empty.txt"
        ),
    ],
)
def test_nothing_left_is_an_input_error(raw: RawPage) -> None:
    with pytest.raises(InputError) as caught:
        build_segment(raw)
    assert str(caught.value) == "empty.txt: no recognisable content (no title or text)"
    assert caught.value.exit_code == 1


def test_title_from_text_when_the_page_has_none() -> None:
    raw = RawPage(path="p.txt", kind="text", blocks=[Block("A long first paragraph. And more.")])
    segment = build_segment(raw)
    assert segment.title == "A long first paragraph."
    assert segment.slug == "a-long-first-paragraph"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "'Lovesong': Another intimate film from director So Yong Kim",
            "lovesong-another-intimate-film-from-director-so-yong-kim",
        ),
        ("Interview with Director Kyungjin\u00a0Song", "interview-with-director-kyungjin-song"),
        ("RES158 Sternfusion – Größe", "res158-sternfusion-grosse"),
        ("Don't Stop: Rock & Roll!", "dont-stop-rock-roll"),
        (
            "WEEKLY ADDRESS: Merry Christmas from the President and the First Lady",
            "weekly-address-merry-christmas-from-the-president-and-the",
        ),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert len(slug) <= 60
    assert slug.isascii() and slug == slug.lower()


def test_slug_of_a_title_without_ascii_is_stable_and_distinct() -> None:
    assert slugify("金メダル") == slugify("金メダル")
    assert slugify("金メダル").startswith("segment-")
    assert slugify("金メダル") != slugify("銀メダル")


def test_markup_speaker_and_byline_in_an_html_qa() -> None:
    # The structure the HTML reader gives Mashable's Q&A: bold questions, <strong>McKelvey:</strong>.
    raw = RawPage(
        path="qa.html",
        kind="html",
        title="Square Cofounder: Jack Dorsey Is Like Hello Kitty",
        people=[Person("Seth Fiegerman", "reporter")],
        blocks=[
            Block("Jim McKelvey is standing in work boots trying to revive a city."),
            Block("Q&A With Jim McKelvey, Cofounder of Square", kind="heading"),
            Block("Is that how you remember it?", kind="question", speaker="Mashable"),
            Block("Jack and I got back together.", speaker="McKelvey"),
            Block("What exactly do you give him crap about?", kind="question"),
            Block("Prada.", speaker="McKelvey"),
        ],
    )
    segment = build_segment(raw)
    assert segment.people == [
        Person("Jim McKelvey", "guest"),
        Person("Seth Fiegerman", "interviewer"),  # the byline of a Q&A asked the questions
    ]
    assert [(s.heading, s.question, s.speaker, s.questioner) for s in segment.transcript] == [
        (
            "Q&A With Jim McKelvey, Cofounder of Square",
            "Is that how you remember it?",
            "Jim McKelvey",
            "Seth Fiegerman",
        ),
        (None, "What exactly do you give him crap about?", "Jim McKelvey", "Seth Fiegerman"),
    ]


def test_byline_of_an_article_stays_a_reporter() -> None:
    raw = RawPage(
        path="a.html",
        kind="html",
        title="Jury finds Roof guilty",
        people=[Person("Rebecca Hersher", "reporter")],
        blocks=[Block("A jury has found Dylann Roof guilty."), Block("Why? Nobody knows.")],
    )
    assert build_segment(raw).people == [Person("Rebecca Hersher", "reporter")]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Das erforscht Astrophysikerin Kathrin Göbel. Astronom*innen beobachten Sterne.",
            [Person("Kathrin Göbel", "guest")],
        ),
        (
            "Kathrin Göbel (Twitter) ist Astrophysikerin und arbeitet am GSI.",
            [Person("Kathrin Göbel", "guest")],
        ),
        ("Wayne Walker reports.", [Person("Wayne Walker", "reporter")]),
        ("The show is hosted by Kai Ryssdal today.", [Person("Kai Ryssdal", "host")]),
        ("The story was told by The Two-Way's team.", []),
        ("Interviewed by Jane Roe for the magazine.", [Person("Jane Roe", "interviewer")]),
    ],
)
def test_people_from_phrasing(text: str, people: list[Person]) -> None:
    audio = [AudioRef(url="https://radio.example.org/episode.mp3")]
    raw = RawPage(  # a programme's page: an episode by its structured data
        path="p.txt", kind="text", title="A title", blocks=[Block(text)], audio=audio, episode=True
    )
    assert build_segment(raw).people == people


@pytest.mark.parametrize(
    ("blocks", "audio", "people"),
    [
        # a news report names what people do: they are not interviewed on it
        ([Block("Facebook engineer Gregg Stefancik said the data is kept.")], False, []),
        ([Block("Ammar Askar, a developer, found the flaw.")], False, []),
        # the same sentence on a programme's page (an episode) names its guest
        (
            [Block("Facebook engineer Gregg Stefancik said the data is kept.")],
            True,
            [Person("Gregg Stefancik", "guest")],
        ),
        # near miss: a news article read aloud has a player, and is no programme for it
        (
            [Block("Facebook engineer Gregg Stefancik said the data is kept.")],
            "audio only",
            [],
        ),
        # a page whose questions the Q&A stage takes for prompts is an interview: what they
        # do names the guest
        (
            [
                Block("Director So Yong Kim made the film."),
                *(Block(t) for t in ("Why did you make it?", "It was personal.")),
                *(Block(t) for t in ("What came next for you?", "A new script.")),
            ],
            False,
            [Person("So Yong Kim", "guest")],
        ),
        # near miss: an essay's rhetorical questions (and a lone unanswered one) make no
        # programme, so what someone does names nobody interviewed (rule "people-qa-judgement")
        (
            [
                Block("Director So Yong Kim made the film."),
                *(Block(t) for t in ("Do films change anything?", "Some say so.")),
                *(Block(t) for t in ("Is art useful at all?", "Perhaps it is.")),
            ],
            False,
            [],
        ),
        ([Block("Director So Yong Kim made the film."), Block("Why this film?")], False, []),
    ],
)
def test_what_someone_does_makes_a_guest_only_on_a_programme(
    blocks: list[Block], audio: bool | str, people: list[Person]
) -> None:
    refs = [AudioRef(url="https://radio.example.org/episode.mp3")] if audio else []
    raw = RawPage(
        path="p.html",
        kind="html",
        title="A title",
        blocks=blocks,
        audio=refs,
        episode=audio is True,
    )
    assert build_segment(raw).people == people


def test_page_phrasing_makes_a_bylined_reporter_the_interviewer() -> None:
    raw = RawPage(
        path="s.html",
        kind="html",
        title='Director So Yong Kim on "Lovesong"',
        people=[Person("James Kim", "reporter")],
        blocks=[
            Block("The Frame's James Kim spoke with the director about the film."),
            Block("Getting into filmmaking", kind="heading"),
            Block("I was studying painting, and then I discovered film."),
        ],
    )
    segment = build_segment(raw)
    assert segment.people == [Person("So Yong Kim", "guest"), Person("James Kim", "interviewer")]
    assert segment.transcript == [
        Section(
            heading="Getting into filmmaking",
            speaker="So Yong Kim",
            paragraphs=["I was studying painting, and then I discovered film."],
        )
    ]


def test_unlabelled_answer_among_answers_labelled_with_the_guest() -> None:
    raw = RawPage(
        path="qa.html",
        kind="html",
        title="Interview with Director Kyungjin Song",
        blocks=[
            Block("We met her in Seoul."),
            Block("How did the project start?", kind="question"),
            Block("With a news story.", speaker="Song"),
            Block("What would you tell first-time directors?", kind="question"),
            Block("Short answer: keep the clipping."),
        ],
    )
    assert [s.speaker for s in build_segment(raw).transcript] == ["Kyungjin Song"] * 2


def test_labelled_questions_of_the_interviewer_become_questions() -> None:
    text = (
        "Lovesong\n\nThe Frame's James Kim recently spoke with director So Yong Kim.\n\n"
        "JAMES KIM: How did you get into filmmaking?\n\n"
        "SO YONG KIM: It kind of chose me.\n\nMy first degree was in business.\n\n"
        "JAMES KIM: That was your mother's rule.\n\n"
        "SO YONG KIM: Yes."
    )
    segment = build_segment(read_text_page(text, "p.txt"))
    assert segment.transcript == [
        Section(
            question="How did you get into filmmaking?",
            questioner="James Kim",
            speaker="So Yong Kim",
            paragraphs=["It kind of chose me.", "My first degree was in business."],
        ),
        Section(speaker="James Kim", paragraphs=["That was your mother's rule."]),
        Section(speaker="So Yong Kim", paragraphs=["Yes."]),
    ]


@pytest.mark.parametrize(
    ("line", "audio"),
    [
        (
            "Download this story 2MB",
            AudioRef(label="Download this story", size_bytes=2_000_000, size_is_estimate=True),
        ),
        ("Listen · 3:14", AudioRef(label="Listen", duration_seconds=194.0)),
        (
            "Download: mp3 (30 MB) m4a (24 MB)",
            AudioRef(
                label="mp3", size_bytes=30_000_000, size_is_estimate=True, mime_type="audio/mpeg"
            ),
        ),
    ],
)
def test_audio_line_left_in_the_blocks_is_read_not_lost(line: str, audio: AudioRef) -> None:
    raw = RawPage(path="p.html", kind="html", title="T", blocks=[Block("Text."), Block(line)])
    segment = build_segment(raw)
    assert segment.audio == audio
    assert segment.transcript == [Section(paragraphs=["Text."])]


def test_audio_the_reader_found_wins_over_audio_lines() -> None:
    found = AudioRef(url="https://example.org/a.mp3", size_bytes=123)
    raw = RawPage(
        path="p.html", kind="html", title="T", blocks=[Block("Download 2MB")], audio=[found]
    )
    assert build_segment(raw).audio == AudioRef(
        url="https://example.org/a.mp3", size_bytes=123, mime_type="audio/mpeg"
    )


def test_title_from_the_first_question_when_there_is_nothing_else() -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        blocks=[Block("Why radio?", kind="question"), Block("Because.", speaker="Rick")],
    )
    segment = build_segment(raw)
    assert (segment.title, segment.slug) == ("Why radio?", "why-radio")
    assert segment.transcript == [
        Section(question="Why radio?", speaker="Rick", paragraphs=["Because."])
    ]


# --- people: how programme pages say who presents, who is a guest, who asks, who reported -------

EPISODE_AUDIO = [AudioRef(url="https://radio.example.org/episode.mp3")]

PEOPLE_RULE_CASES = [
    # case, title, description, blocks, on a programme's page (an episode), people (name, role)
    (
        "numbered episode title 'N: Name on Topic' (Simplecast)",
        "117: Jane Roe on Harbour Radio",
        "Jane Roe is building a station. Jane explains why.",
        ["Links and notes below."],
        False,
        [("Jane Roe", "guest")],
    ),
    (
        "numbered episode title '#12 – Name: Topic'",
        "#12 – Jane Roe: Why the night shift listens",
        None,
        ["Roe has run the late show for ten years."],
        False,
        [("Jane Roe", "guest")],
    ),
    (
        "German numbered title 'Folge 12: Name über Topic'",
        "Folge 12: Kathrin Weber über Funkwellen",
        "Weber erklärt, wie ein Sender funktioniert.",
        ["Die Folge dauert eine Stunde."],
        False,
        [("Kathrin Weber", "guest")],
    ),
    (
        "near miss: a news headline 'Name on Topic' gives no guest",
        "Barack Obama on guns",
        None,
        ["Barack Obama spoke in Chicago. Obama said the law must change."],
        False,
        [],
    ),
    (
        "near miss: a numbered title's topic in title case is nobody",
        "117: Machine Learning on the Edge",
        "Machine learning now runs on small devices.",
        ["Links and notes below."],
        False,
        [],
    ),
    (
        "near miss: a time, a score or an ordinal before a title is no episode number",
        "12:30: Jane Roe on the harbour",
        None,
        ["Roe spoke at noon."],
        False,
        [],
    ),
    (
        "near miss: an ordinal opening a title makes no programme of a report",
        "1. FC Hafen: Jane Roe on the derby",
        None,
        ["Autorin Kathrin Weber schrieb über den Verein. Roe spielte mit."],
        False,
        [],
    ),
    (
        "episode title 'Topic, with Name' on a programme's page",
        "Why the night shift listens, with Jane Roe",
        None,
        ["Roe has run the late show for ten years."],
        True,
        [("Jane Roe", "guest")],
    ),
    (
        "near miss: the same title on a news report",
        "Why the night shift listens, with Jane Roe",
        None,
        ["Roe has run the late show for ten years."],
        False,
        [],
    ),
    (
        "near miss: 'with' inside a title is no guest list",
        "Cooking with Olive Oil",
        None,
        ["Oil is the base of the dish. Olive trees grow on the hill."],
        True,
        [],
    ),
    (
        "'In this episode, A and B discuss' (bfi)",
        "The Big Harbour Threat?",
        "Ports are growing. In this episode, Jane Roe and John Doe discuss whether that is bad.",
        ["View all episodes"],
        False,
        [("Jane Roe", "guest"), ("John Doe", "guest")],
    ),
    (
        "French 'Dans cet épisode, A raconte'",
        "La radio de nuit",
        None,
        ["Dans cet épisode, Élodie Dupont raconte ses nuits au micro."],
        False,
        [("Élodie Dupont", "guest")],
    ),
    (
        "near miss: 'In this episode, host A' is the host, not a guest",
        "The night shift",
        None,
        ["In this episode, host Jane Roe looks back at ten years."],
        False,
        [("Jane Roe", "host")],
    ),
    (
        "'This episode was reported and produced by A' (Radiolab's credits)",
        "The Typewriter",
        None,
        ["A story about keys.", "This episode was reported and produced by Jane Roe."],
        False,
        [("Jane Roe", "reporter")],
    ),
    (
        "'Reporting by A and B' (a wire service's sign-off)",
        "Harbour closes",
        None,
        ["The harbour closed on Monday.", "Reporting by Jane Roe and John Doe; editing by desk"],
        False,
        [("Jane Roe", "reporter"), ("John Doe", "reporter")],
    ),
    (
        "near miss: a story 'reported by' an agency is no person",
        "Harbour closes",
        None,
        ["The harbour closed.", "This story was reported by The Associated Press."],
        False,
        [],
    ),
    (
        "label line 'Moderation: A' (Deutschlandfunk)",
        "Die Nachtschicht",
        None,
        ["Ein Abend im Hafen.", "Moderation: Jane Roe"],
        False,
        [("Jane Roe", "host")],
    ),
    (
        "label after a sentence: '... im Hafen. Moderation: A'",
        "Die Nachtschicht",
        None,
        ["Sie erzählt von ihren Nächten im Hafen. Moderation: Jane Roe"],
        False,
        [("Jane Roe", "host")],
    ),
    (
        "'Présentation : A' and 'Invité(e)s : B, C' (Radio France)",
        "La nuit",
        None,
        ["Présentation : Jean Dupont", "Invité(e)s : Élodie Martin, Marc Petit"],
        False,
        [("Élodie Martin", "guest"), ("Marc Petit", "guest"), ("Jean Dupont", "host")],
    ),
    (
        "'Gäste: A und B, Historikerin' (the names end before what they do)",
        "Der Hafen",
        None,
        ["Gäste: Jane Roe und Kathrin Weber, Historikerin am Institut"],
        False,
        [("Jane Roe", "guest"), ("Kathrin Weber", "guest")],
    ),
    (
        "'Host: A | Guest: B' in one line",
        "Night shift",
        None,
        ["Host: Jane Roe | Guest: John Doe"],
        False,
        [("John Doe", "guest"), ("Jane Roe", "host")],
    ),
    (
        "'Interview: A' credit line at an interview's end",
        "Der Hafen",
        None,
        ["Ein Gespräch über Schiffe.", "Interview: Jane Roe"],
        False,
        [("Jane Roe", "interviewer")],
    ),
    (
        "'Reporterin: A' credits a report",
        "Der Hafen",
        None,
        ["Die Schiffe kommen nachts.", "Reporterin: Kathrin Weber"],
        False,
        [("Kathrin Weber", "reporter")],
    ),
    (
        "'Das Interview führte A.' at an interview's end",
        "Der Hafen",
        None,
        [
            "Wie klingt der Hafen?",
            "Laut.",
            "Und nachts?",
            "Leise.",
            "Das Interview führte Jane Roe.",
        ],
        False,
        [("Jane Roe", "interviewer")],
    ),
    (
        "'Propos recueillis par A' at an interview's end",
        "Le port",
        None,
        ["Le port ne dort jamais.", "Propos recueillis par Jean Dupont et Élodie Martin"],
        False,
        [("Jean Dupont", "interviewer"), ("Élodie Martin", "interviewer")],
    ),
    (
        "near miss: a label followed by prose names nobody",
        "Der Hafen",
        None,
        ["Gast: Jane Roe erzählt von ihrer Reise über den Atlantik."],
        False,
        [],
    ),
    (
        "near miss: an 'Interview:' title is not the interviewer's credit",
        "Interview: Jane Roe",
        None,
        ["The singer talks about her new album and the tour."],
        False,
        [],
    ),
    (
        "'with special guest A' said outright",
        "Night shift",
        "A night of songs with special guest Jane Roe.",
        ["The show starts at ten."],
        False,
        [("Jane Roe", "guest")],
    ),
    (
        "'joined by A' on a programme's page",
        "Night shift",
        None,
        ["This week we are joined by Jane Roe, who ran the harbour station."],
        True,
        [("Jane Roe", "guest")],
    ),
    (
        "near miss: 'joined by A' in a news report",
        "Mayor opens harbour",
        None,
        ["The mayor, joined by Jane Roe, cut the ribbon on Monday."],
        False,
        [],
    ),
    (
        "'A speaks to B': the one asks, the other is interviewed",
        "Night shift",
        None,
        ["Jane Roe speaks to John Doe about the harbour."],
        False,
        [("John Doe", "guest"), ("Jane Roe", "interviewer")],
    ),
    (
        "German 'A im Gespräch mit B': the guest first (Deutschlandfunk Kultur)",
        "Nicole Weber im Gespräch mit Tim Roth",
        None,
        ["Sie erzählt von der Bühne."],
        False,
        [("Nicole Weber", "guest"), ("Tim Roth", "interviewer")],
    ),
    (
        "German 'Zu Gast ist A'",
        "Der Hafen",
        "Zu Gast ist Kathrin Weber, Astronomin.",
        ["Die Sendung dauert eine Stunde."],
        False,
        [("Kathrin Weber", "guest")],
    ),
    (
        "near miss: 'with' in an ordinary sentence of a programme",
        "Night shift",
        None,
        ["She walked home with Jane Roe after the vote."],
        True,
        [],
    ),
    (
        "'A joins us' names a guest",
        "Night shift",
        None,
        ["Tonight Jane Roe joins us from the harbour."],
        False,
        [("Jane Roe", "guest")],
    ),
    (
        "'A of B joins me': where the guest works stands between",
        "Night shift",
        None,
        ["Should you worry about your router? Jane Roe of Harbour Networks joins me to answer."],
        False,
        [("Jane Roe", "guest")],
    ),
    (
        "near miss: 'A of B joins the company' is no programme's guest",
        "Harbour news",
        None,
        ["Jane Roe of Harbour Networks joins the company as its new director."],
        False,
        [],
    ),
    (
        "German 'A ist heute zu Gast'",
        "Der Hafen",
        None,
        ["Kathrin Weber ist heute zu Gast und erzählt vom Hafen."],
        False,
        [("Kathrin Weber", "guest")],
    ),
    (
        "French 'A est notre invitée'",
        "La nuit",
        None,
        ["Élodie Martin est notre invitée ce soir."],
        False,
        [("Élodie Martin", "guest")],
    ),
    (
        "near miss: 'A joins the company' is no programme's guest",
        "Harbour news",
        None,
        ["Jane Roe joins the company as its new director."],
        False,
        [],
    ),
    (
        "'Joining me today is A' and 'Your hosts: B and C'",
        "Night shift",
        None,
        ["Your hosts: Jane Roe and John Doe", "Joining me today is Marie Curie, a chemist."],
        False,
        [("Marie Curie", "guest"), ("Jane Roe", "host"), ("John Doe", "host")],
    ),
    (
        "'This week's guest: A'",
        "Night shift",
        None,
        ["This week’s guest: Jane Roe"],
        False,
        [("Jane Roe", "guest")],
    ),
    (
        "Austrian 'Gestaltung: A' credits who made the feature (Ö1)",
        "Der Hafen",
        None,
        ["Die Schiffe kommen nachts.", "Gestaltung: Kathrin Weber"],
        False,
        [("Kathrin Weber", "reporter")],
    ),
    (
        "a byline with a colon: 'By: A'",
        "Harbour vote",
        None,
        ["By: Jane Roe", "The vote was close."],
        False,
        [("Jane Roe", "reporter")],
    ),
    (
        "near miss: a heading that starts like 'By' is no byline",
        "Harbour towns",
        None,
        ["Byron Bay: Surf Town", "The town is small."],
        False,
        [],
    ),
    (
        "French 'A reçoit B' on a programme's page (Radio France)",
        "Les matins",
        None,
        ["Jean Dupont reçoit Élodie Martin et Marc Petit pour parler du port."],
        True,
        [("Élodie Martin", "guest"), ("Marc Petit", "guest"), ("Jean Dupont", "interviewer")],
    ),
    (
        "near miss: 'A reçoit B' in a news report",
        "Visite officielle",
        None,
        ["Jean Dupont reçoit Élodie Martin à la mairie."],
        False,
        [],
    ),
    (
        "'In this episode, A interviews B': A asks, B is the guest",
        "Night shift",
        "In this episode, Jane Roe interviews John Doe about the harbour.",
        ["Listen below."],
        True,
        [("John Doe", "guest"), ("Jane Roe", "interviewer")],
    ),
    (
        "near miss: whoever interviews after 'In this edition,' is not its guest",
        "Night shift",
        "In this edition, Jane Roe interviews John Doe about the harbour.",
        ["Read the notes below."],
        False,
        [],
    ),
    (
        "'Gespräch mit A' on a programme's page",
        "Lesart",
        None,
        ["Rückblick auf Klagenfurt: Gespräch mit Kathrin Weber"],
        True,
        [("Kathrin Weber", "guest")],
    ),
    (
        "near miss: 'im Gespräch mit A' in a news report",
        "Hafen",
        None,
        ["Das sagte der Minister im Gespräch mit Kathrin Weber."],
        False,
        [],
    ),
    (
        "German 'Die Historikerin A' on a programme's page",
        "Der Hafen",
        None,
        ["Die Historikerin Kathrin Weber erklärt, wie der Hafen wuchs."],
        True,
        [("Kathrin Weber", "guest")],
    ),
    (
        "French 'la sociologue A' on a programme's page",
        "Le port",
        None,
        ["La sociologue Élodie Martin raconte le port la nuit."],
        True,
        [("Élodie Martin", "guest")],
    ),
    (
        "near miss: what someone does in a news report makes no guest",
        "Der Hafen",
        None,
        ["Die Historikerin Kathrin Weber wurde am Montag geehrt."],
        False,
        [],
    ),
    (
        "'Moderatorin A' presents, 'Korrespondentin B' reports",
        "Der Hafen",
        None,
        ["Moderatorin Jane Roe fragt nach.", "Dazu berichtet ARD-Korrespondentin Kathrin Weber."],
        False,
        [("Kathrin Weber", "reporter"), ("Jane Roe", "host")],
    ),
    (
        "French 'notre correspondante A' reports",
        "Le port",
        None,
        ["Le port ferme.", "Les précisions de notre correspondante Élodie Martin."],
        False,
        [("Élodie Martin", "reporter")],
    ),
    (
        "a link list's 'READ MORE:' label is no speaker (stuff.co.nz)",
        "Harbour vote",
        None,
        ["READ MORE: * Harbour vote tomorrow * Harbour closes", "The vote was close."],
        False,
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "title", "description", "texts", "programme", "people"),
    PEOPLE_RULE_CASES,
    ids=[c[0] for c in PEOPLE_RULE_CASES],
)
def test_people_rules(
    case: str,
    title: str,
    description: str | None,
    texts: list[str],
    programme: bool,
    people: list[tuple[str, str]],
) -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title=title,
        description=description,
        blocks=[Block(t) for t in texts],
        audio=list(EPISODE_AUDIO) if programme else [],
        episode=programme,  # audio alone makes no programme (people-programme-evidence)
    )
    assert [(p.name, p.role) for p in build_segment(raw).people] == people


def test_people_rules_name_themselves_in_explain() -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="117: Jane Roe on Harbour Radio",
        blocks=[Block("Roe has run the late show."), Block("Moderation: John Doe")],
    )
    reasons: list[Reason] = []
    build_segment(raw, reasons)
    assert [(r.value, r.rule) for r in reasons] == [
        ("Jane Roe (guest)", "numbered episode title's guest '117: Jane Roe on'"),
        ("John Doe (host)", "host label line 'Moderation: John Doe'"),
        (
            "(a programme's page)",
            "the episode number opening the title '117: Jane Roe on Harbour Radio'"
            " (people-programme-evidence)",
        ),
    ]


def test_a_link_label_is_never_a_speaker() -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="Harbour vote",
        blocks=[
            Block("READ MORE: * Harbour vote tomorrow * Harbour closes"),
            Block("It was close."),
        ],
    )
    assert [s.speaker for s in build_segment(raw).transcript] == [None]


def test_a_heading_that_names_someone_after_a_label_is_no_credit() -> None:
    # "Interview: Jane Goodall" over the text announces her; the credit line is a paragraph.
    raw = RawPage(
        path="p.html",
        kind="html",
        title="Chimpanzees",
        blocks=[
            Block("Interview: Jane Goodall", kind="heading"),
            Block("She spoke of the forest."),
        ],
    )
    assert build_segment(raw).people == []


HEADED_LIST_CASES = [
    # case, blocks (text, kind), people (name, role)
    (
        "a 'Guests' heading over one guest per item (podcast show notes)",
        [
            ("Guests", "heading"),
            ("Jane Roe, historian at the harbour museum", "list_item"),
            ("John Doe (author of Night Ships)", "list_item"),
            ("Links", "heading"),
            ("Marie Curie", "list_item"),
        ],
        [("Jane Roe", "guest"), ("John Doe", "guest")],
    ),
    (
        "German 'Moderation' and 'Gäste' headings",
        [
            ("Moderation", "heading"),
            ("Kathrin Weber", "paragraph"),
            ("Gäste:", "heading"),
            ("Jane Roe – Historikerin", "paragraph"),
        ],
        [("Jane Roe", "guest"), ("Kathrin Weber", "host")],
    ),
    (
        "French 'Invités' heading",
        [("Invités", "heading"), ("Élodie Martin, sociologue", "paragraph")],
        [("Élodie Martin", "guest")],
    ),
    (
        "near miss: names listed under another heading are no guests (reactpodcast's links)",
        [("Links", "heading"), ("Chris Wanstrath", "list_item"), ("Jane Roe", "list_item")],
        [],
    ),
    (
        "near miss: prose under a 'Guests' heading that names nobody first",
        [("Guests", "heading"), ("Our guests come from the harbour towns.", "paragraph")],
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "blocks", "people"), HEADED_LIST_CASES, ids=[c[0] for c in HEADED_LIST_CASES]
)
def test_people_listed_under_a_heading(
    case: str, blocks: list[tuple[str, str]], people: list[tuple[str, str]]
) -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="Night shift",
        blocks=[Block("An episode about the harbour at night.")]
        + [Block(text, kind) for text, kind in blocks],
    )
    assert [(p.name, p.role) for p in build_segment(raw).people] == people


# --- who an interview write-up interviews (people-told-publication, people-headline-subject) ---

SCENE = ("The ferry ran for forty years.", "Its timetable never changed.")


def write_up(title: str, *paragraphs: str, description: str | None = None) -> list[Person]:
    """The people of a write-up on the site "Harbour Gazette" (byline Jane Doe)."""
    raw = RawPage(
        path="p.html",
        kind="html",
        title=title,
        description=description,
        site_name="Harbour Gazette",
        people=[Person("Jane Doe", "reporter")],
        blocks=[Block(p) for p in paragraphs],
    )
    return [p for p in build_segment(raw).people if p.name != "Jane Doe"]


@pytest.mark.parametrize(
    ("title", "description", "paragraphs", "people"),
    [
        # who tells the page's own publication, twice, is who it interviewed
        (
            "How a ferry captain kept the harbour running",
            None,
            (
                *SCENE,
                "“We never missed a day,” Tomas Ekberg tells Harbour Gazette.",
                "Storms came and went.",
                "“The sea decides,” Ekberg told Harbour Gazette.",
            ),
            [Person("Tomas Ekberg", "guest")],
        ),
        # ... once, as the headline's subject, by surname
        (
            "How Tomas Ekberg kept the harbour running",
            None,
            (*SCENE, "Storms came and went.", "“The sea decides,” Ekberg told Harbour Gazette."),
            [Person("Tomas Ekberg", "guest")],
        ),
        # "sat down with us" in the intro: the guest, not someone who asks
        (
            "How a ferry captain kept the harbour running",
            None,
            ("Tomas Ekberg sat down with us at the harbour.", *SCENE),
            [Person("Tomas Ekberg", "guest")],
        ),
        # near miss: "they told us" in a quote names nobody and makes no interview
        (
            "Gwen Marlowe leads the council race",
            None,
            ("“They told us nothing,” one resident said.", *SCENE),
            [],
        ),
        # near miss: one source telling the publication once, deep in a news report
        (
            "Council raises harbour fees",
            None,
            (*SCENE, "The vote was close.", "Ana Ruiz told Harbour Gazette the plan was sound."),
            [],
        ),
        # near miss: "told" another outlet is no interview by this page
        (
            "How Tomas Ekberg kept the harbour running",
            None,
            (*SCENE, "Storms came and went.", "“The sea decides,” Ekberg told Radio North."),
            [],
        ),
    ],
    ids=[
        "told twice",
        "told as the headline's subject",
        "sat down with us",
        "told us in a quote",
        "one source, deep",
        "another outlet",
    ],
)
def test_who_tells_the_publication_is_its_guest(
    title: str, description: str | None, paragraphs: tuple[str, ...], people: list[Person]
) -> None:
    assert write_up(title, *paragraphs, description=description) == people


@pytest.mark.parametrize(
    ("title", "description", "paragraphs", "people"),
    [
        # the intro says it reports an interview: the headline's subject was interviewed
        (
            "Gwen Marlowe Explains Her Move to Radio",
            "The presenter answered every question during a long interview this week.",
            SCENE,
            [Person("Gwen Marlowe", "guest")],
        ),
        # by surname, with the full name in the text; the intro says who told the publication
        (
            "Marlowe Responds to Her Critics",
            "The presenter told Harbour Gazette that radio is not dead.",
            ("The broadcaster Gwen Marlowe took questions on Monday.", *SCENE),
            [Person("Gwen Marlowe", "guest")],
        ),
        # sentence case, two subjects, a page of real prompts (the Q&A stage's judgement)
        (
            "'Harbour': Gwen Marlowe and Tomas Ekberg make a film about ferries",
            None,
            ("Why did you make it?", "For the town.", "What comes next for you?", "A sequel."),
            [Person("Gwen Marlowe", "guest"), Person("Tomas Ekberg", "guest")],
        ),
        # the standfirst says the subject joins a host to talk (rule "host a guest joins")
        (
            "Gwen Marlowe explains her move to radio",
            "Marlowe joins Night Shift's Tomas Ekberg to talk about her first year on air.",
            SCENE,
            [Person("Gwen Marlowe", "guest"), Person("Tomas Ekberg", "host")],
        ),
        # near miss: joining a company says no conversation, so the headline is news
        (
            "Gwen Marlowe explains her move to radio",
            "Marlowe joins Harbour Radio as its head of news in the spring.",
            SCENE,
            [],
        ),
        # near miss: a news headline, the interview quoted only deep in the report
        (
            "Gwen Marlowe leads the council race",
            "Early results put the presenter ahead.",
            (*SCENE, "The count goes on.", "In an interview with Harbour Gazette, she smiled."),
            [],
        ),
        # no description: the first paragraph is the standfirst
        (
            "Gwen Marlowe Explains Her Move to Radio",
            None,
            ("In a long interview, the presenter looked back on a decade.", *SCENE),
            [Person("Gwen Marlowe", "guest")],
        ),
        # near miss: another paper's interview, mentioned late in a long first paragraph
        (
            "Gwen Marlowe and Tomas Ekberg, a rivalry at sea",
            None,
            (" ".join([*SCENE] * 6) + " In an interview with the Courier, Marlowe said so.",),
            [],
        ),
        # a title-case headline runs a job noun and a verb into the name: the text's form wins
        (
            "Skipper Gwen Marlowe Enters the Race in Style",
            "In an interview, the skipper looked back on a decade.",
            ("Gwen Marlowe trained for a year.", *SCENE),
            [Person("Gwen Marlowe", "guest")],
        ),
        # the headline's long first name, the text's short one throughout: the text's wins
        (
            "Acme's Gwendolyn Marlowe on Radio",
            "In an interview, she looked back on a decade.",
            ("Gwen Marlowe trained for a year.", *SCENE),
            [Person("Gwen Marlowe", "guest")],
        ),
        # near miss: a name the text never prints otherwise stays as the headline has it
        (
            "Gwen Marlowe on Radio",
            "In an interview, she looked back on a decade.",
            ("Her sister Gwendolyn Marlowe trained for a year.", *SCENE),
            [Person("Gwen Marlowe", "guest")],
        ),
        # near miss: an essay's rhetorical questions are no interview
        (
            "Gwen Marlowe on ferries",
            None,
            ("Do ferries matter?", "Some say so.", "Is the harbour doomed?", "Perhaps it is."),
            [],
        ),
    ],
    ids=[
        "interview in the intro",
        "surname",
        "q-and-a",
        "joins a host to talk",
        "joins a company",
        "news headline",
        "standfirst paragraph",
        "another paper's interview",
        "job noun and verb in a title-case headline",
        "the text's short first name",
        "a longer first name in the text",
        "essay",
    ],
)
def test_an_interview_write_ups_headline_names_its_guest(
    title: str, description: str | None, paragraphs: tuple[str, ...], people: list[Person]
) -> None:
    assert write_up(title, *paragraphs, description=description) == people


# --- the principal voice of a write-up of a conversation (people-principal-voice) -------------

#: A feature quoting the captain by surname throughout, and a harbour official once.
VOICE = (
    "“The timetable was the whole of our lives,” Ekberg said, looking out at the quay.",
    "The ferry ran every hour from dawn until midnight for forty years in a row.",
    "“Storms never stopped us, only the fog did,” Ekberg recalled with a short laugh.",
    "A harbour official, Anna Lund, said the service would be missed by everyone.",
    "“We knew every passenger by name, and their dogs too,” Ekberg added quietly.",
)


@pytest.mark.parametrize(
    ("description", "paragraphs", "people"),
    [
        # named with a word before the name in the standfirst, the conversation stated unnamed
        (
            "The Legendary Tomas Ekberg reveals how the harbour's ferry kept its timetable.",
            (
                "Harbour Gazette sat down with the old captain before the last crossing.",
                "For forty years, Tomas Ekberg knew the water better than anyone in town.",
                *VOICE,
            ),
            [Person("Tomas Ekberg", "guest")],
        ),
        # named in the sentence saying the page's publication interviewed them, after a title
        (
            "The harbour's ferry is gone after forty years.",
            (
                *SCENE,
                "Ferries were once the only way across the water to the islands.",
                "In an interview with Harbour Gazette, Secretary for Transport Tomas Ekberg "
                "looked back on the service he captained.",
                *VOICE,
            ),
            [Person("Tomas Ekberg", "guest")],
        ),
        # "For Ekberg, ..." opens a sentence: no second Ekberg
        (
            "The Legendary Tomas Ekberg reveals how the harbour's ferry kept its timetable.",
            (
                "Harbour Gazette sat down with the old captain before the last crossing.",
                "For Ekberg, the ferry was never only a job: for him it was the town itself.",
                "For forty years, Tomas Ekberg knew the water better than anyone in town.",
                *VOICE,
            ),
            [Person("Tomas Ekberg", "guest")],
        ),
        # near miss: a surname two people share names neither
        (
            "The Legendary Tomas Ekberg reveals how the harbour's ferry kept its timetable.",
            (
                "Harbour Gazette sat down with the old captain before the last crossing.",
                "His daughter Lena Ekberg runs the café on the quay, across from the office.",
                "For forty years, Tomas Ekberg knew the water better than anyone in town.",
                *VOICE,
            ),
            [],
        ),
        # near miss: no conversation, a report about its subject
        (
            "The Legendary Tomas Ekberg retires from the harbour's ferry.",
            VOICE,
            [],
        ),
        # near miss: a news report quoting two sources in turn has no principal voice
        (
            "The harbour's ferry is gone. Harbour Gazette spoke to captain Tomas Ekberg's crew.",
            (*VOICE, *(f"“It was a good run,” Lund said of year {n}." for n in (1, 2, 3))),
            [],
        ),
        # near miss: an interview deep in the report, given to someone else
        (
            "Tomas Ekberg was sentenced for scuttling the harbour's ferry.",
            (
                *SCENE,
                "Ferries were once the only way across the water to the islands.",
                "After his arrest, Ekberg gave a taped interview to police officers.",
                *VOICE,
            ),
            [],
        ),
        # near miss: "Mr Ekberg said" is a news report's way with its subject
        (
            "The Legendary Tomas Ekberg reveals how the harbour's ferry kept its timetable.",
            (
                "Harbour Gazette sat down with the old captain before the last crossing.",
                *(p.replace("Ekberg", "Mr Ekberg") for p in VOICE),
            ),
            [],
        ),
        # near miss: a news conference's quotes make a report, not a conversation of the page's
        (
            "The captain, Tomas Ekberg, defended the timetable as he spoke to reporters at the quay.",
            VOICE,
            [],
        ),
        # near miss: another outlet's interview, reported as news
        (
            "The captain, Tomas Ekberg, defended the timetable in an interview with the Courier.",
            VOICE,
            [],
        ),
        # the page's own publication named after the cue is its own conversation
        (
            "The captain, Tomas Ekberg, defended the timetable in an interview with Harbour Gazette.",
            VOICE,
            [Person("Tomas Ekberg", "guest")],
        ),
    ],
    ids=[
        "standfirst",
        "interview sentence",
        "sentence opening",
        "shared surname",
        "no conversation",
        "two voices",
        "police",
        "mr",
        "news conference",
        "another outlet",
        "own outlet",
    ],
)
def test_a_write_up_of_a_conversation_names_its_principal_voice(
    description: str, paragraphs: tuple[str, ...], people: list[Person]
) -> None:
    found = write_up("The last ferry", *paragraphs, description=description)
    assert [p for p in found if p.role == "guest"] == people


def test_explain_names_the_write_up_rules() -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="How Tomas Ekberg kept the harbour running",
        site_name="Harbour Gazette",
        blocks=[Block(p) for p in (*SCENE, "“The sea decides,” Ekberg told Harbour Gazette.")],
    )
    reasons: list[Reason] = []
    build_segment(raw, reasons)
    assert [r.rule for r in reasons if r.field == "person"] == [
        "tells the page's publication 'Ekberg told Harbour Gazette' (people-told-publication)"
    ]


@pytest.mark.parametrize(
    ("site", "credited"),
    [
        # the metadata credits the publication, a name no person has (people-not-the-site)
        ("The Harbour Gazette.com", "The Harbour Gazette"),
        # the page's phrasing names the site: "in an interview with Harbour Gazette"
        ("Harbour Gazette", None),
    ],
)
def test_the_pages_publication_is_none_of_its_people(site: str, credited: str | None) -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="Harbour fees rise",
        site_name=site,
        people=[
            *([Person(credited, "reporter")] if credited else []),
            Person("Jane Doe", "reporter"),
        ],
        blocks=[Block("In an interview with Harbour Gazette, the mayor defended the fees.")],
    )
    # near miss: the byline's person stays; only the site's own name goes
    assert build_segment(raw).people == [Person("Jane Doe", "reporter")]


@pytest.mark.parametrize(
    ("heading", "people"),
    [
        # the standfirst printed again as a heading over the text: the intro goes on below it
        ("Ferries, fees and the future.", [Person("Gwen Marlowe", "host")]),
        # near miss: a real section heading ends the intro
        ("The first crossing", []),
    ],
)
def test_a_heading_repeating_the_standfirst_keeps_the_intro(
    heading: str, people: list[Person]
) -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="Ferries then and now",
        description="Ferries, fees and the future.",
        blocks=[
            Block(heading, kind="heading"),
            Block("This week's episode is presented by guest host Gwen Marlowe."),
            *(Block(p) for p in SCENE),
        ],
    )
    assert build_segment(raw).people == people


# --- who hosts a podcast and whom it asks (self-introduction, addressed guests, blurbs) ---

EPISODE = [AudioRef(url="https://radio.example.org/episode.mp3")]


def episode_people(*blocks: Block, title: str = "Ferries", audio: bool = True) -> list[Person]:
    raw = RawPage(path="p.html", kind="html", title=title, blocks=list(blocks), episode=audio)
    raw.audio = list(EPISODE) if audio else []
    return build_segment(raw).people


@pytest.mark.parametrize(
    ("blocks", "people"),
    [
        # the intro's "This is ...", the name called alone later
        (
            (
                Block(
                    "What's up everybody? This is Jane Roe from Harbour Radio, where I talk"
                    " to the people who keep ferries running."
                ),
                Block("Thanks, Jane, for having me."),
            ),
            [Person("Jane Roe", "host")],
        ),
        # the first speaker's first turn
        (
            (
                Block("I’m Jane Roe. This is “Harbour Hour.”", speaker="Jane Roe"),
                Block("Great to be here.", speaker="Tomas Ekberg"),
            ),
            [Person("Tomas Ekberg", "guest"), Person("Jane Roe", "host")],
        ),
        # near miss: a show introduced by its own name is nobody
        ((Block("This is Harbour Hour from Coast Radio."), Block("The ferries are late.")), []),
    ],
    ids=["intro", "first turn", "show name"],
)
def test_a_presenter_introducing_themselves_is_the_host(
    blocks: tuple[Block, ...], people: list[Person]
) -> None:
    assert episode_people(*blocks) == people


QUESTIONS = (
    "Peter, why did you pick ferries?",
    "We love boats.",
    "Calvin, what did you build first?",
    "A timetable.",
)


@pytest.mark.parametrize(
    ("intro", "questions", "people"),
    [
        (
            "Peter Lund and Calvin Moss built a ferry app in a garage.",
            QUESTIONS,
            [Person("Peter Lund", "guest"), Person("Calvin Moss", "guest")],
        ),
        # near miss: "So," and "Okay," speak to nobody
        (
            "Peter Lund and Calvin Moss built a ferry app in a garage.",
            ("So, why did you pick ferries?", "We love boats.", "Okay, and then?", "A timetable."),
            [],
        ),
        # near miss: the intro gives two Peters, so "Peter," names no one
        (
            "Peter Lund and Peter Moss built a ferry app in a garage.",
            (*QUESTIONS[:2], "What did you build first?", "A timetable."),
            [],
        ),
    ],
    ids=["addressed", "no name", "two full names"],
)
def test_the_people_the_questions_speak_to_are_guests(
    intro: str, questions: tuple[str, ...], people: list[Person]
) -> None:
    blocks = [Block(intro), *(Block(q) for q in questions)]
    raw = RawPage(path="p.html", kind="html", title="Ferry founders", blocks=blocks)
    assert build_segment(raw).people == people


@pytest.mark.parametrize(
    ("audio", "people"),
    [(True, [Person("Jane Roe", "host")]), (False, [])],  # near miss: a news page
    ids=["programme", "news page"],
)
def test_a_show_blurb_names_its_presenter(audio: bool, people: list[Person]) -> None:
    blurb = Block("Jane Roe interviews the people who keep our harbours running.")
    assert episode_people(Block("The ferries are late."), blurb, audio=audio) == people


@pytest.mark.parametrize(
    ("audio", "text", "people"),
    [
        (True, "Follow Tomas on social media.", [Person("Tomas Ekberg", "guest")]),
        # near misses: a news page; a title whose "name" the text never calls by itself
        (False, "Follow Tomas on social media.", []),
        (True, "Follow us on social media.", []),
    ],
    ids=["programme", "news page", "never called alone"],
)
def test_an_episode_titles_guest_with_their_organisation(
    audio: bool, text: str, people: list[Person]
) -> None:
    title = "How to Run a Ferry with Tomas Ekberg of Harbour Lines"
    title += " | Episode 12" if audio else ""  # a news page's title numbers no episode
    assert episode_people(Block(text), title=title, audio=audio) == people


def test_near_miss_a_blog_named_after_its_author_keeps_its_author() -> None:
    raw = RawPage(
        path="p.html",
        kind="html",
        title="Indexing ferries",
        site_name="Jane Doe",
        people=[Person("Jane Doe", "reporter")],
        blocks=[Block("A post about timetables and the indexes behind them.")],
    )
    assert build_segment(raw).people == [Person("Jane Doe", "reporter")]
