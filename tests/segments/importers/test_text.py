"""The plain-text page reader: header, headline, captions, audio lines and paragraphs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from segments.importers.rawpage import Block
from segments.importers.text import read_text_page, split_names
from segments.model import AudioRef, Image
from segments.schedule import Airtime
from tests.conftest import EXAMPLES

PAGES = EXAMPLES / "the-frame" / "pages"
FIXTURES = Path(__file__).parent / "fixtures" / "text"
LOVESONG = PAGES / "lovesong-so-yong-kim.txt"
GOLD_MEDAL = PAGES / "gold-medal-kyungjin-song.txt"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_station_header_of_the_public_radio_seed() -> None:
    page = read_text_page(read(LOVESONG), str(LOVESONG))
    assert page.kind == "text"
    assert page.path == str(LOVESONG)
    assert page.title == "'Lovesong': Another intimate film from director So Yong Kim"
    assert page.show is not None
    assert page.show.tagline == (
        "Movies, music, TV, arts and entertainment, straight from Southern California."
    )
    assert page.show.hosts == ["John Horn"]
    assert page.show.category == "Arts & Entertainment"
    assert page.show.schedule is not None
    assert page.show.schedule.text == "Airs Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm"
    weekdays = ("MO", "TU", "WE", "TH", "FR")
    assert page.show.schedule.airtimes == [
        Airtime(weekdays, dt.time(15, 30)),
        Airtime(weekdays, dt.time(19, 30)),
        Airtime(("SA",), dt.time(14, 0)),
    ]


def test_captions_printed_twice_are_kept_once_with_their_credits() -> None:
    page = read_text_page(read(LOVESONG), str(LOVESONG))
    assert page.images == [
        Image(
            caption='So Yong Kim is the director and writer of "Lovesong."',
            credit="Larry Busacca/Getty Images",
        ),
        Image(
            caption="Riley Keough (left) and Jena Malone star in So Yong Kim's latest film, "
            '"Lovesong."',
            credit="So Yong Kim",
        ),
    ]
    texts = [b.text for b in page.blocks]
    assert not any("director and writer of" in t for t in texts)
    assert not any(t.startswith("Riley Keough") for t in texts)
    assert "Larry Busacca/Getty Images" not in texts


def test_download_line_becomes_audio_and_leaves_the_text() -> None:
    page = read_text_page(read(LOVESONG), str(LOVESONG))
    assert page.audio == [
        AudioRef(label="Download this story", size_bytes=2_000_000, size_is_estimate=True)
    ]
    assert all("Download" not in b.text for b in page.blocks)


def test_paragraph_blocks_of_the_public_radio_seed() -> None:
    page = read_text_page(read(LOVESONG), str(LOVESONG))
    texts = [b.text for b in page.blocks]
    # "Listen to story" and the appeal are furniture: removing them is the structurer's job.
    assert texts[0] == "Listen to story"
    assert texts[1].startswith("So Yong Kim is a director who\u2019s known")
    assert "Getting into filmmaking:" in texts
    assert texts[-2:] == [
        "You care about today's news. And you're not alone.",
        "Join others who support independent journalism.",
    ]
    assert all(b.kind == "paragraph" and b.speaker is None for b in page.blocks)
    # No-break spaces become spaces; the trailing ones are gone; curly quotes stay.
    assert all("\u00a0" not in t and t == t.strip() for t in texts)
    assert "\u201cLovesong\u201d" in texts[2]


def test_qa_seed_has_no_header_and_every_line_is_a_paragraph() -> None:
    page = read_text_page(read(GOLD_MEDAL), str(GOLD_MEDAL))
    assert page.show is None
    assert page.title == "Interview with Director Kyungjin Song"  # no-break space in the source
    texts = [b.text for b in page.blocks]
    casting = texts.index(
        "When we were casting for the mother\u2019s role, we contacted a senior actor who is "
        "quite shy. I was very careful because she\u2019s a well-respected senior, so I sent a "
        "long, detailed email explaining the project. After a few days, she responded, but only "
        "by text. Due to a tight schedule, we couldn\u2019t meet beforehand."
    )
    assert texts[casting + 1].startswith("She later told us that on the day of the shoot")
    assert texts[-3:] == ["Leave a comment", "Create a website or blog at WordPress.com", "Up ↑"]
    # Every line of text in the seed is in exactly one block (the title aside).
    lines = [" ".join(x.replace("\u00a0", " ").split()) for x in read(GOLD_MEDAL).splitlines()]
    assert [x for x in lines if x][1:] == texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hard-wrapped paragraph is joined; a new sentence on its own line is not.
        (
            "Title\n\nThe wells are lower than anyone remembers, and the growers\n"
            "are changing what they plant.\nDana Fox reports.",
            [
                "The wells are lower than anyone remembers, and the growers are changing what "
                "they plant.",
                "Dana Fox reports.",
            ],
        ),
        # Wrapped before a capital ("Mississippi", "I") is still one paragraph; a label is not.
        (
            "Title\n\nShe grew up in St. Louis, where her father worked on the\n"
            "Mississippi for thirty years.\nJANE DOE: They connect everything. When I was young\n"
            "I watched the barges for hours.\nJOHN HORN: And then what happened next to you\n"
            "Jane Doe: Nothing.",
            [
                "She grew up in St. Louis, where her father worked on the Mississippi for thirty "
                "years.",
                "JANE DOE: They connect everything. When I was young I watched the barges for hours.",
                "JOHN HORN: And then what happened next to you",
                "Jane Doe: Nothing.",
            ],
        ),
        (
            "Title\n\nListen to the full conversation with So Yong Kim on The Frame\n"
            "Download this story 2MB",
            ["Listen to the full conversation with So Yong Kim on The Frame"],
        ),
        ("Title\r\n\r\nOne.\r\n\r\n\r\nTwo.", ["One.", "Two."]),
        ("Title\nFirst line under the title.", ["First line under the title."]),
    ],
)
def test_paragraph_splitting(text: str, expected: list[str]) -> None:
    page = read_text_page(text, "page.txt")
    assert page.title == "Title"
    assert [b.text for b in page.blocks] == expected


def test_header_airtimes_the_parser_cannot_read_are_kept_as_text() -> None:
    path = FIXTURES / "station_header_unparsed.txt"
    page = read_text_page(read(path), str(path))
    assert page.show is not None
    assert page.show.hosts == ["Ana Ruiz", "Ben Cho"]
    assert page.show.category == "News & Politics"
    assert page.show.schedule is not None
    assert page.show.schedule.text == "Airs whenever the news allows"
    assert page.show.schedule.airtimes == []
    assert page.title == "Valley farmers brace for a dry summer"
    assert page.audio == [AudioRef(label="Listen", duration_seconds=194.0)]


@pytest.mark.parametrize(
    ("text", "title", "first_block"),
    [
        ("Broadcast news is changing\n\nIt is.", "Broadcast news is changing", "It is."),
        ("Hosted by John Horn\n\nThe headline\n\nText.", "The headline", "Text."),
        # A first line too long for a headline is text, and the page has no title.
        (
            " ".join(["word"] * 30) + ".\n\nMore.",
            None,
            " ".join(["word"] * 30) + ".",
        ),
    ],
)
def test_headline_detection(text: str, title: str | None, first_block: str) -> None:
    page = read_text_page(text, "p.txt")
    assert page.title == title
    assert page.blocks[0] == Block(first_block)


def test_caption_with_credit_but_no_alt_text() -> None:
    page = read_text_page("T\n\nThe studio in 1998.\nPhoto: Jane Roe\n\nText.", "p.txt")
    assert page.images == [Image(caption="The studio in 1998.", credit="Photo: Jane Roe")]
    assert [b.text for b in page.blocks] == ["Text."]


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\u00a0\n"])
def test_empty_text_gives_an_empty_page(text: str) -> None:
    page = read_text_page(text, "empty.txt")
    assert (page.title, page.blocks, page.show, page.images, page.audio) == (None, [], None, [], [])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("John Horn", ["John Horn"]),
        ("Ana Ruiz and Ben Cho", ["Ana Ruiz", "Ben Cho"]),
        ("Kai Ryssdal, Molly Wood & Jane Doe", ["Kai Ryssdal", "Molly Wood", "Jane Doe"]),
    ],
)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_audio_line_inside_a_group_with_several_formats() -> None:
    text = "T\n\nIntro.\nDownload: mp3 (30 MB) m4a (24 MB) opus (16 MB)\nMore."
    page = read_text_page(text, "p.txt")
    assert [b.text for b in page.blocks] == ["Intro.", "More."]
    assert [(a.label, a.size_bytes, a.mime_type, a.size_is_estimate) for a in page.audio] == [
        ("mp3", 30_000_000, "audio/mpeg", True),
        ("m4a", 24_000_000, "audio/x-m4a", True),
        ("opus", 16_000_000, "audio/ogg", True),
    ]


@pytest.mark.parametrize(
    "group",
    [
        "Yes\nYes, and more than that.",
        "We met in 2019.\nCourtesy of my mother, I learned to cook.",
        "So Yong Kim is the director and writer of\nSo Yong Kim is the director and writer of "
        '"Lovesong."\nShe told us about it at length over many coffees.',
    ],
)
def test_paragraph_groups_that_only_look_like_captions(group: str) -> None:
    page = read_text_page(f"T\n\n{group}", "p.txt")
    assert page.images == []
    assert [b.text for b in page.blocks] == group.split("\n")
