"""Segment files: written atomically, read back equal, and every malformed file named clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from segments.errors import InputError
from segments.importers import read_page
from segments.model import (
    AudioRef,
    Chapter,
    Funding,
    Image,
    Person,
    Section,
    Segment,
    Show,
    Source,
)
from segments.schedule import Airtime, Schedule
from segments.segmentfile import (
    format_segment,
    parse_segment,
    read_segment,
    segment_path,
    write_segment,
)
from tests import golden

PACIFIC = dt.timezone(dt.timedelta(hours=-7))


def full_segment() -> Segment:
    """Every field of the model set, with text that is awkward for YAML and Markdown."""
    return Segment(
        slug="lovesong-so-yong-kim",
        title="'Lovesong': Another intimate film from director So Yong Kim",
        summary="So Yong Kim is a director — “quiet” films?\n\nSecond: paragraph # with a hash.",
        published=dt.datetime(2016, 4, 5, 10, 30, tzinfo=PACIFIC),
        people=[
            Person(
                "So Yong Kim",
                "guest",
                href="https://example.org/so",
                img="https://example.org/so.jpg",
            ),
            Person("James Kim", "interviewer"),
            Person("John Horn", "host"),
            Person("Ana: Reporter", "reporter"),
        ],
        images=[
            Image(
                "https://img.example/a.jpg",
                "So Yong Kim is the director of “Lovesong.”",
                "Larry Busacca/Getty Images",
            ),
            Image(None, "caption only", None),
        ],
        audio=AudioRef(
            path=Path("audio/lovesong.mp3"),
            url="https://media.example/lovesong.mp3?x=1&y=2",
            label="Download this story",
            size_bytes=2_000_000,
            size_is_estimate=True,
            mime_type="audio/mpeg",
            duration_seconds=312.25,
        ),
        transcript=[
            Section(
                paragraphs=["I didn't really choose filmmaking.", "My partner, Brad [Rust Gray]."],
                heading="Getting into filmmaking",
                speaker="So Yong Kim",
            ),
            Section(
                paragraphs=["As I'm getting older…", 'To me, "Lovesong" is fun.', "Third."],
                heading='The real-life inspiration behind "Lovesong"',
                question="What inspired it?",
                questioner="James Kim",
                speaker="So Yong Kim",
                start_seconds=83.5,
                end_seconds=125.0,
            ),
            Section(paragraphs=["An answer with no speaker."], question="Why? Really: why?"),
            Section(paragraphs=["A bare paragraph after a question's answer."]),
            Section(paragraphs=["Time only."], start_seconds=3723.0),
            Section(heading="A heading with nothing under it"),
            Section(paragraphs=["Speaker after a bare heading."], speaker="McKelvey"),
        ],
        chapters=[
            Chapter(0.0, "Intro"),
            Chapter(
                83.5,
                'Inspiration: "Lovesong"',
                end_seconds=125.0,
                url="https://x.example/c",
                image="c.jpg",
            ),
        ],
        raw=Path("raw/lovesong take 2.wav"),
        source=Source(
            path="pages/lovesong.txt",
            url="https://www.scpr.org/x",
            kind="text",
            sha256="ab" * 32,
            fingerprints={"title": "0123456789ab", "transcript": "ba9876543210"},
        ),
        guid="5f0c6e1e-1b4c-4d1c-9a7e-000000000001",
        show=Show(
            title="The Frame",
            tagline="Movies, music, TV, arts and entertainment, straight from Southern California.",
            description="Line one.\nLine two: with colon.",
            hosts=["John Horn"],
            schedule=Schedule(
                airtimes=[
                    Airtime(("MO", "TU", "WE", "TH", "FR"), dt.time(15, 30)),
                    Airtime(("MO", "TU", "WE", "TH", "FR"), dt.time(19, 30)),
                    Airtime(("SA",), dt.time(14, 0), end=dt.time(15, 0)),
                ],
                timezone="America/Los_Angeles",
                text="Airs Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm",
            ),
            category="Arts & Entertainment",
            subcategory="Film",
            language="en-US",
            artwork="https://img.example/frame.jpg",
            link="https://www.scpr.org/programs/the-frame",
            base_url="https://pod.example/",
            feed_url="https://pod.example/feed.xml",
            author="KPCC",
            owner_name="KPCC",
            owner_email="pod@example.org",
            explicit=False,
            copyright="© 2016 KPCC",
            type="serial",
            locked=True,
            funding=[Funding("https://donate.example", "Support us")],
            podcast_guid="917393e3-1b1e-5cef-ace4-edaa54e1f810",
        ),
        show_notes="Notes with **bold** and a [link](https://x.example).\n\n- a list item",
        link="https://www.scpr.org/x",
        language="en",
        episode=12,
        season=3,
        episode_type="bonus",
        explicit=True,
    )


def tricky_transcript() -> list[Section]:
    """Paragraphs whose lines look like the file's own marks must come back as text."""
    return [
        Section(paragraphs=["### not a heading", "> not a question", "---", "[00:01:23]"]),
        Section(
            paragraphs=["**Bold:** not a speaker", "\\backslash first", "line one\n### line two"],
            speaker="Rick",
        ),
        Section(paragraphs=["### first line after label\n> second"], speaker="Ann"),
        Section(question="Two lines?\n\nStill the question.", paragraphs=["Yes."]),
        Section(question="", paragraphs=["Empty question text."]),
        Section(speaker="Nobody", paragraphs=[]),
        Section(paragraphs=["Separated from a speaker-only section."]),
    ]


ROUND_TRIPS = {
    "every field": full_segment(),
    "minimal": Segment(slug="x", title="Only a title"),
    "date only": Segment(slug="d", title="T", published=dt.date(2024, 12, 24)),
    "naive datetime": Segment(slug="n", title="T", published=dt.datetime(2024, 1, 2, 3, 4, 5)),
    "unicode and quotes": Segment(
        slug="u",
        title='He said: "yes?" — 금메달 #1',
        summary='Ünïcödé: ‘quotes’ and "quotes"?',
        people=[Person("Kyungjin Song", "guest")],
    ),
    "yaml-looking text": Segment(
        slug="y",
        title="yes",
        summary="null",
        images=[Image(caption="1984", credit="- dash"), Image(caption="true")],
        audio=AudioRef(label="15:30", url="https://example.org/#a:b", mime_type="a: b"),
    ),
    "tricky transcript": Segment(slug="t", title="T", transcript=tricky_transcript()),
    "summary with markdown marks": Segment(
        slug="s", title="T", summary="## Transcript\n\n\\ backslash\n\n## Show notes"
    ),
    "notes with the file's headings": Segment(
        slug="n2",
        title="T",
        show_notes="## Transcript\n## Show notes\n\ntext",
        transcript=[Section(["p"])],
    ),
    "empty schedule and empty show": Segment(slug="e", title="T", show=Show(schedule=Schedule())),
    "schedule text that did not parse": Segment(
        slug="e2", title="T", show=Show(schedule=Schedule(text="Whenever we feel like it"))
    ),
    "show notes only": Segment(slug="sn", title="T", show_notes="Just notes."),
    "draft": Segment(slug="d", title="T", status="draft"),
    "scheduled": Segment(slug="sc", title="T", status="scheduled", published=dt.date(2030, 1, 2)),
    "audio estimate false, one byte": Segment(slug="a", title="T", audio=AudioRef(size_bytes=1)),
}


@pytest.mark.parametrize("segment", ROUND_TRIPS.values(), ids=ROUND_TRIPS.keys())
def test_written_segment_reads_back_equal(segment: Segment, tmp_path: Path) -> None:
    path = segment_path(tmp_path, segment)
    write_segment(segment, path)
    assert read_segment(path) == segment
    # Writing what was read gives the same bytes: a rewrite (e.g. to add a GUID) changes nothing else.
    again = tmp_path / "again.md"
    write_segment(read_segment(path), again)
    assert again.read_bytes() == path.read_bytes()


def test_file_is_readable_markdown_with_marks_a_producer_can_edit() -> None:
    text = format_segment(full_segment())
    front, body = text.split("\n---\n", 1)
    # The title in double quotes, as a producer would type it; YAML's '' doubling nowhere.
    assert front.startswith("---\ntitle: \"'Lovesong': Another intimate film")
    assert "''" not in front
    assert "- name: So Yong Kim\n  role: guest\n" in front
    assert "  - MO,TU,WE,TH,FR 15:30\n" in front
    assert "  - SA 14:00-15:00\n" in front
    assert '- start: "00:01:23.500"\n' in front
    assert "size_is_estimate: true" in front
    assert "episode_type: bonus" in front
    assert body.startswith("\nSo Yong Kim is a director")
    expected_transcript = """## Transcript

### Getting into filmmaking

**So Yong Kim:** I didn't really choose filmmaking.

My partner, Brad [Rust Gray].

### The real-life inspiration behind "Lovesong"

[00:01:23.500 - 00:02:05]

> **James Kim:** What inspired it?

**So Yong Kim:** As I'm getting older…
"""
    assert expected_transcript in body
    assert (
        "> **Q:** Why? Really: why?\n\nAn answer with no speaker.\n\n---\n\nA bare paragraph"
        in body
    )
    assert "\n\n[01:02:03]\n\nTime only.\n" in body


def test_hand_written_file_reads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "from-the-file-name.md"
    path.write_text(
        """---
title: Interview with Director Kyungjin Song
published: 2024-11-02
people:
  - {name: Kyungjin Song, role: guest}
chapters:
  - start: 00:01:23
    title: Inspiration
  - start: 95
    title: Casting
---
First paragraph.

## Transcript

> What motivated you?

**Kyungjin Song:** Meals and coffee.

More.

> **Q:** Next?

Answer without a label.
""",
        encoding="utf-8",
    )
    segment = read_segment(path)
    assert segment.slug == "from-the-file-name"
    assert segment.published == dt.date(2024, 11, 2)
    assert [(c.start_seconds, c.title) for c in segment.chapters] == [
        (83.0, "Inspiration"),
        (95.0, "Casting"),
    ]
    assert segment.summary == "First paragraph."
    assert segment.transcript == [
        Section(
            paragraphs=["Meals and coffee.", "More."],
            question="What motivated you?",
            speaker="Kyungjin Song",
        ),
        Section(paragraphs=["Answer without a label."], question="Next?"),
    ]


def test_hand_written_airtimes_text_is_parsed() -> None:
    text = "---\ntitle: T\nshow:\n  airtimes_text: Sundays at noon\n  timezone: America/New_York\n---\n"
    show = parse_segment(text, where="x.md", default_slug="x").show
    assert show is not None and show.schedule is not None
    assert show.schedule.airtimes == [Airtime(("SU",), dt.time(12, 0))]
    assert show.schedule.timezone == "America/New_York"


@pytest.mark.parametrize(
    ("section", "problem"),
    [
        (Section(["p"], heading="two\nlines"), "heading 'two\\nlines' has a line break"),
        (
            Section(["p"], speaker="A*B"),
            "a speaker or questioner name is empty or has '*' or a line break",
        ),
        (
            Section(["p"], speaker=""),
            "a speaker or questioner name is empty or has '*' or a line break",
        ),
        (Section(["p"], question="?", questioner="Q"), "the questioner cannot be called 'Q'"),
        (Section(["a\n\nb"]), "a paragraph is empty or has a blank line in it"),
        (Section(["a\n  \nb"]), "a paragraph is empty or has a blank line in it"),
        (Section(["a\n"]), "a paragraph is empty or has a blank line in it"),
        (Section([" "]), "a paragraph is empty or has a blank line in it"),
    ],
)
def test_transcript_the_body_cannot_hold_is_refused(
    section: Section, problem: str, tmp_path: Path
) -> None:
    segment = Segment(
        slug="s", title="T", transcript=[Section(["ok"]), section], source=Source(path="p.html")
    )
    with pytest.raises(InputError) as err:
        write_segment(segment, tmp_path / "s.md")
    assert str(err.value) == f"p.html: transcript section 2: {problem}"
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_not_overwritten_without_permission(tmp_path: Path) -> None:
    segment = Segment(slug="keep", title="New")
    path = segment_path(tmp_path, segment)
    path.write_text("producer's edits", encoding="utf-8")
    with pytest.raises(InputError) as err:
        write_segment(segment, path)
    assert str(err.value) == f"{path}: already exists (use --force to replace it)"
    assert path.read_text(encoding="utf-8") == "producer's edits"
    write_segment(segment, path, overwrite=True)
    assert read_segment(path) == segment
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.md"]


@pytest.mark.parametrize("slug", ["", ".hidden", "a/b", "..\\x", " padded", "../../x", "Upper"])
def test_slug_that_is_not_a_file_name_is_refused(slug: str, tmp_path: Path) -> None:
    segment = Segment(slug=slug, title="T", source=Source(path="page.txt"))
    with pytest.raises(InputError) as err:
        segment_path(tmp_path, segment)
    assert str(err.value) == (
        f"page.txt: slug: {slug!r} is not a slug: lowercase ASCII letters and digits joined by "
        "single hyphens (it names files and URLs); it cannot be a file name"
    )


MALFORMED = [
    ("no front matter", "title: x\n", "no front matter: a segment file starts with a '---' line"),
    ("unclosed", "---\ntitle: x\n", "front matter is not closed by a '---' line"),
    (
        "bad yaml",
        "---\ntitle: x\npeople: [\n  - name: a\n---\n",
        "bad YAML on line 4: expected the node content, but found '-'",
    ),
    (
        "bad yaml colon",
        "---\ntitle: a: b\n---\n",
        'line 2: title: put the title in double quotes ("...")',
    ),
    (
        "not a mapping",
        "---\n- a\n- b\n---\n",
        "front matter: expected a mapping of keys, got a list",
    ),
    ("missing title", "---\nslug: x\n---\nBody\n", "title: missing"),
    (
        "key given twice",
        "---\ntitle: First\nslug: x\ntitle: Second\n---\n",
        "bad YAML on line 4: found duplicate key 'title'",
    ),
    (
        "nested key given twice",
        "---\ntitle: x\npeople:\n- name: A\n  role: guest\n  name: B\n---\n",
        "bad YAML on line 6: found duplicate key 'name'",
    ),
    ("blank title", "---\ntitle: '  '\n---\n", "title: missing"),
    (
        "number title",
        "---\ntitle: 1984\n---\n",
        "title: expected text, got the number 1984 (put it in quotes)",
    ),
    (
        "bool title",
        "---\ntitle: yes\n---\n",
        "title: expected text, got true/false (put it in quotes)",
    ),
    (
        "soundbite without duration",
        "---\ntitle: x\nsoundbites:\n  - start: 60\n---\n",
        "soundbites[0].duration: missing",
    ),
    (
        "soundbite of no length",
        "---\ntitle: x\nsoundbites:\n  - start: 60\n    duration: 0\n---\n",
        "soundbites[0].duration: 0 is not above 0",
    ),
    (
        "unknown key",
        "---\ntitle: x\nauthor: me\n---\n",
        "author: unknown key (known: title, slug, guid, published, status, link, language, episode, "
        "season, episode_type, explicit, people, images, audio, raw, chapters, soundbites, "
        "chapters_url, transcripts, source, show)",
    ),
    (
        "unknown role",
        "---\ntitle: x\npeople:\n  - name: A\n    role: producer\n---\n",
        "people[0].role: 'producer' is not a role (one of host, interviewer, reporter, guest)",
    ),
    (
        "missing role",
        "---\ntitle: x\npeople:\n  - name: A\n---\n",
        "people[0].role: missing (one of host, interviewer, reporter, guest)",
    ),
    (
        "person typo",
        "---\ntitle: x\npeople:\n  - name: A\n    role: guest\n    nmae: B\n---\n",
        "people[0].nmae: unknown key (known: name, role, href, img)",
    ),
    ("people not a list", "---\ntitle: x\npeople: A\n---\n", "people: expected a list, got 'A'"),
    (
        "episode words",
        "---\ntitle: x\nepisode: three\n---\n",
        "episode: expected a whole number, got 'three'",
    ),
    (
        "episode float",
        "---\ntitle: x\nepisode: 1.5\n---\n",
        "episode: expected a whole number, got the number 1.5",
    ),
    (
        "explicit text",
        "---\ntitle: x\nexplicit: maybe\n---\n",
        "explicit: expected true or false, got 'maybe'",
    ),
    (
        "episode type",
        "---\ntitle: x\nepisode_type: pilot\n---\n",
        "episode_type: 'pilot' is not one of full, trailer, bonus",
    ),
    (
        "status",
        "---\ntitle: x\nstatus: ready\n---\n",
        "status: 'ready' is not one of draft, scheduled, published",
    ),
    (
        "published",
        "---\ntitle: x\npublished: last week\n---\n",
        "published: expected an ISO 8601 date or date and time, got 'last week'",
    ),
    (
        "audio list",
        "---\ntitle: x\naudio: [a]\n---\n",
        "audio: expected a mapping of keys, got a list",
    ),
    (
        "audio size",
        "---\ntitle: x\naudio: {size_bytes: 2MB}\n---\n",
        "audio.size_bytes: expected a whole number, got '2MB'",
    ),
    (
        "duration",
        "---\ntitle: x\naudio: {duration_seconds: long}\n---\n",
        "audio.duration_seconds: expected a number, got 'long'",
    ),
    (
        "chapter start",
        "---\ntitle: x\nchapters:\n  - {start: soon, title: A}\n---\n",
        "chapters[0].start: expected HH:MM:SS.mmm or seconds, got 'soon'",
    ),
    (
        "chapter start seconds past 59",
        "---\ntitle: x\nchapters:\n  - {start: '00:01:75', title: A}\n---\n",
        "chapters[0].start: expected HH:MM:SS.mmm or seconds, got '00:01:75'",
    ),
    (
        "chapter no start",
        "---\ntitle: x\nchapters:\n  - {title: A}\n---\n",
        "chapters[0].start: missing",
    ),
    (
        "source kind",
        "---\ntitle: x\nsource: {kind: pdf}\n---\n",
        "source.kind: 'pdf' is not one of text, html, segment, feed",
    ),
    (
        "hosts",
        "---\ntitle: x\nshow: {hosts: [1]}\n---\n",
        "show.hosts[0]: expected text, got the number 1",
    ),
    (
        "airtime",
        "---\ntitle: x\nshow: {airtimes: [weekdays 3pm]}\n---\n",
        "show.airtimes[0]: expected days and a time like 'MO,TU,WE,TH,FR 15:30', got 'weekdays 3pm'",
    ),
    (
        "airtime day",
        "---\ntitle: x\nshow: {airtimes: ['XX 15:30']}\n---\n",
        "show.airtimes[0]: expected days and a time like 'MO,TU,WE,TH,FR 15:30', got 'XX 15:30'",
    ),
    (
        "airtime hour",
        "---\ntitle: x\nshow: {airtimes: ['MO 25:30']}\n---\n",
        "show.airtimes[0]: 'MO 25:30' is not a time of day",
    ),
    (
        "airtimes text",
        "---\ntitle: x\nshow: {airtimes_text: whenever}\n---\n",
        "show.airtimes_text: cannot read airtimes: 'whenever' is not understood in 'whenever'",
    ),
    (
        "time zone",
        "---\ntitle: x\nshow: {timezone: Pacific/Nowhere}\n---\n",
        "show.timezone: unknown time zone 'Pacific/Nowhere'",
    ),
    (
        "stray heading",
        "---\ntitle: x\n---\n\n## Transcript\n\n## Notes\n",
        "line 7: unexpected heading '## Notes' in the transcript (topics are '### ' headings)",
    ),
    (
        "time mark minutes past 59",
        "---\ntitle: x\n---\n## Transcript\n\n[00:00:01 - 01:60:00]\n\nText.\n",
        "line 6: time mark '01:60:00' is not a timecode",
    ),
    (
        "question lines",
        "---\ntitle: x\n---\n## Transcript\n\n> **Q:** a\nb\n",
        "line 7: a question's lines all start with '>'",
    ),
]


@pytest.mark.parametrize(
    ("text", "message"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_file_is_one_error_naming_file_and_problem(
    text: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_segment(path)
    assert str(err.value) == f"{path}: {message}"
    assert err.value.exit_code == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"---\ntitle: caf\xe9\n---\n"), "is not UTF-8 text (byte 14)"),
    ],
    ids=["missing", "directory", "latin-1"],
)
def test_unreadable_segment_file(make: object, message: str, tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    make(path)  # type: ignore[operator]
    with pytest.raises(InputError) as err:
        read_segment(path)
    assert str(err.value) == f"{path}: {message}"


def test_trailing_spaces_after_transcript_marks_are_ignored() -> None:
    # An editor leaves "--- ", "### Topic " or "[00:01:23] ": before, the separator and the
    # time mark became transcript text ("---", "[00:01:23]") and the time was lost.
    marks = "## Transcript\n\n### Topic\n\n[00:01:23]\n\n**Bob:** Hi.\n\n---\n\nPlain.\n"
    clean = parse_segment(f"---\ntitle: T\n---\n{marks}", where="x.md", default_slug="x")
    spaced = marks.replace("\n\n", " \t\n\n")
    segment = parse_segment(f"---\ntitle: T\n---\n{spaced}", where="x.md", default_slug="x")
    assert (
        segment.transcript
        == clean.transcript
        == [
            Section(paragraphs=["Hi."], heading="Topic", speaker="Bob", start_seconds=83.0),
            Section(paragraphs=["Plain."]),
        ]
    )


@pytest.mark.parametrize(
    ("notes", "transcript"),
    [
        ("## Show notes", "## Transcript"),
        ("## show notes", "## transcript  "),
        ("##  Show Notes", "## TRANSCRIPT"),
    ],
)
def test_section_headings_typed_in_another_case_still_open_their_sections(
    notes: str, transcript: str
) -> None:
    # Before, "## transcript" was not the heading: the whole transcript became the summary.
    text = f"---\ntitle: T\n---\nSummary.\n\n{notes}\n\nNotes.\n\n{transcript}\n\n**Bob:** Hi.\n"
    segment = parse_segment(text, where="x.md", default_slug="x")
    assert (segment.summary, segment.show_notes) == ("Summary.", "Notes.")
    assert segment.transcript == [Section(paragraphs=["Hi."], speaker="Bob")]


def test_show_notes_lines_that_read_as_a_section_heading_round_trip() -> None:
    notes = "First.\n\n## transcript\n\n## Show Notes\n\nLast."
    segment = Segment(slug="x", title="T", show_notes=notes)
    assert parse_segment(format_segment(segment), where="x.md").show_notes == notes


def test_crlf_and_bom_are_accepted() -> None:
    text = "\ufeff---\r\ntitle: T\r\n---\r\nSummary.\r\n"
    segment = parse_segment(text.lstrip("\ufeff"), where="x.md", default_slug="x")
    assert (segment.title, segment.summary, segment.slug) == ("T", "Summary.", "x")


@pytest.mark.parametrize("page", golden.golden_page_names())
def test_imported_real_pages_round_trip(page: str, shared: Path, tmp_path: Path) -> None:
    # Named by the committed golden files, so a missing ../shared is a failure under CI, not an
    # empty parameter list.
    segment = read_page(golden.real_pages(shared)[page]).segment
    path = segment_path(tmp_path, segment)
    write_segment(segment, path)
    assert read_segment(path) == segment
