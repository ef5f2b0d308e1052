"""Reading transcript and chapters files: the official Podcasting 2.0 examples and edge cases."""

from __future__ import annotations

import logging
import math
from pathlib import Path

import pytest

from segments.errors import InputError
from segments.model import Chapter, Section
from segments.timedtext import (
    parse_chapters,
    read_chapters,
    read_chapters_file,
    read_transcript_file,
)

# The speaker turns of the official example.srt and example.html (the same episode).
PODCASTING_QA_TURNS = [
    "Travis", "Sarah", "Travis", "Gilon", "Travis", "Gilon", "Travis", "Sarah", "Gilon", "Travis",
]  # fmt: skip


@pytest.fixture
def corpus(shared: Path) -> Path:
    return shared / "corpus" / "transcripts"


def test_official_vtt(corpus: Path) -> None:
    sections = read_transcript_file(corpus / "p20ns_example.vtt")
    assert [(s.speaker, s.start_seconds, s.end_seconds) for s in sections] == [
        ("Sarah", 0.0, 18.63),
        ("Gillian", 19.08, 25.35),
    ]
    assert sections[0].paragraphs == [
        "In today's episode, you'll learn whether or not you should have a podcast trailer. "
        "And if so, what should you include in one? Welcome to Podcasting Q&A, where you learn "
        "the best tips and strategies to launch, grow and monetize your podcast. "
        "This week's question comes from Gillian."
    ]
    assert sections[1].paragraphs == [
        "Hi Buzzsprout, Gillian here from breaking through careers podcast. "
        "My question is, do we need a podcast trailer?"
    ]


def test_official_srt(corpus: Path) -> None:
    sections = read_transcript_file(corpus / "p20ns_example.srt")
    assert [s.speaker for s in sections] == PODCASTING_QA_TURNS
    assert (sections[0].start_seconds, sections[0].end_seconds) == (0.179, 50.34)
    assert (sections[1].start_seconds, sections[-1].end_seconds) == (53.03, 754.769)
    assert (
        sections[0]
        .paragraphs[0]
        .startswith("When you first get started in podcasting, it's almost guaranteed")
    )
    assert (
        sections[-1].paragraphs[0].endswith("the next best thing to do is to batch your episodes.")
    )
    assert all(len(s.paragraphs) == 1 for s in sections)


def test_official_html_matches_official_srt(corpus: Path) -> None:
    html = read_transcript_file(corpus / "p20ns_example_transcript.html")
    srt = read_transcript_file(corpus / "p20ns_example.srt")
    assert [s.speaker for s in html] == PODCASTING_QA_TURNS
    assert [s.start_seconds for s in html] == [0, 53, 102, 219, 263, 322, 376, 562, 617, 691]
    # The two files are one episode: the HTML's <time> is the SRT turn start, rounded down.
    assert [s.start_seconds for s in html] == [math.floor(s.start_seconds or 0) for s in srt]
    assert [s.paragraphs for s in html] == [s.paragraphs for s in srt]
    assert all(s.end_seconds is None for s in html)
    assert "it's almost guaranteed" in html[0].paragraphs[0]  # &#39; decoded


def test_official_json_transcript_merges_words_into_turns(corpus: Path) -> None:
    sections = read_transcript_file(corpus / "p20ns_example_transcript.json")
    assert sections == [
        Section(["I am your father."], speaker="Darth Vader", start_seconds=0.5, end_seconds=2.5),
        Section(["Nooooo"], speaker="Luke", start_seconds=2.75, end_seconds=3.0),
    ]


def test_html_transcript_with_headings_and_questions(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(
        "<html><body><h1>Episode</h1><h2>Beginnings</h2>"
        "<cite>John Horn:</cite><time>1:05</time>"
        '<p class="question"><strong>Where did it start?</strong></p>'
        "<cite>Ana:</cite><p>In Lima.</p><p>Long ago.</p>"
        "<cite>John Horn:</cite><time>1:02:03</time><p>Thanks.</p>"
        "<p>Goodbye.</p></body></html>",
        encoding="utf-8",
    )
    assert read_transcript_file(path) == [
        Section(
            ["In Lima.", "Long ago."],
            heading="Beginnings",
            question="Where did it start?",
            speaker="Ana",
            questioner="John Horn",
            start_seconds=65.0,
        ),
        Section(["Thanks.", "Goodbye."], speaker="John Horn", start_seconds=3723.0),
    ]


def test_vtt_voice_classes_markup_and_identifiers(tmp_path: Path) -> None:
    path = tmp_path / "t.vtt"
    path.write_text(
        "\ufeffWEBVTT - title\r\n\r\nNOTE a comment\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\n"
        "intro\r\n00:01.000 --> 00:02.500 align:start\r\n<v.loud Ana Díaz>Hola <i>amigos</i> &amp; "
        "<00:00:02.000>friends</v>\r\n\r\n00:02.500 --> 00:04.000\r\nno voice here\r\n",
        encoding="utf-8",
    )
    assert read_transcript_file(path) == [
        Section(["Hola amigos & friends"], speaker="Ana Díaz", start_seconds=1.0, end_seconds=2.5),
        Section(["no voice here"], start_seconds=2.5, end_seconds=4.0),
    ]


def test_srt_prefix_continues_until_next_name(tmp_path: Path) -> None:
    path = tmp_path / "t.srt"
    path.write_text(
        "1\n00:00:00,000 --> 00:00:01,000\nMary Ann Evans: First <i>line</i>\nsecond line\n\n"
        "2\n00:00:01,000 --> 00:00:02,000\nstill Mary: not a name\n\n"
        "3\n00:00:02,500 --> 00:00:03,000\nBo: Hi.\n",
        encoding="utf-8",
    )
    assert read_transcript_file(path) == [
        Section(
            ["First line second line still Mary: not a name"],
            speaker="Mary Ann Evans",
            start_seconds=0.0,
            end_seconds=2.0,
        ),
        Section(["Hi."], speaker="Bo", start_seconds=2.5, end_seconds=3.0),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "a.vtt",
            "00:00.000 --> 00:01.000\nhi\n",
            "a.vtt: not WebVTT: the first line must be 'WEBVTT'",
        ),
        ("a.vtt", "WEBVTT\n\n00:00.000 -> 00:01.000\nhi\n", "a.vtt:3: cue without a timing line"),
        (
            "a.vtt",
            "WEBVTT\n\n00:00.000 --> 00:0x.000\nhi\n",
            "a.vtt:3: bad cue timing '00:00.000 --> 00:0x.000': not a timecode: '00:0x.000'",
        ),
        (
            "a.vtt",
            "WEBVTT\n\nx\n00:02.000 --> 00:01.000\nhi\n",
            "a.vtt:4: cue ends before it starts: '00:02.000 --> 00:01.000'",
        ),
        (
            "a.srt",
            "1\n00:00:00,000 --> 00:00:01,000\nhi\n\n2\nhello\n",
            "a.srt:5: expected a cue number and a timing line",
        ),
        (
            "a.srt",
            "1\n00:00:00,000 --> 00:0x:01,000\nhi\n",
            "a.srt:2: bad cue timing '00:00:00,000 --> 00:0x:01,000': not a timecode: '00:0x:01,000'",
        ),
        (
            "a.json",
            '{"version": "1.0.0", "segments": [',
            "a.json: not valid JSON: Expecting value (line 1, column 35)",
        ),
        ("a.json", '{"version": "1.0.0"}', "a.json: not a JSON transcript: no 'segments' list"),
        ("a.json", '{"segments": ["x"]}', "a.json: segments[0] is not an object"),
        (
            "a.json",
            '{"segments": [{"startTime": 1, "endTime": 2}]}',
            "a.json: segments[0] has no 'body' text",
        ),
        (
            "a.json",
            '{"segments": [{"body": "x", "startTime": "1"}]}',
            "a.json: segments[0] needs a numeric 'startTime'",
        ),
        ("a.html", "<p>x</p><time>soon</time>", "a.html: <time>: not a timecode: 'soon'"),
        (
            "a.doc",
            "hello",
            "a.doc: unknown transcript type '.doc' (expected .vtt, .srt, .json, .html, .htm, .srv3, .txt, .log)",
        ),
    ],
)
def test_transcript_errors_name_file_and_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_transcript_file(name)
    assert str(caught.value) == message


def test_missing_and_undecodable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^gone\.vtt: no such file$"):
        read_transcript_file("gone.vtt")
    Path("latin.srt").write_bytes(b"1\n00:00:00,000 --> 00:00:01,000\nJos\xe9\n")
    with pytest.raises(InputError, match=r"^latin\.srt: not UTF-8 text \(byte 35\)$"):
        read_transcript_file("latin.srt")


def test_official_chapters_example(corpus: Path) -> None:
    chapters = read_chapters_file(corpus / "p20ns_chapters_example.json")
    assert [(c.start_seconds, c.title) for c in chapters] == [
        (0, "Intro"),
        (168, "Hearing Aids"),
        (260, "Progress Report"),
        (410, "Namespace"),
        (3990, "Just Break Up"),
        (4600, "Donations"),
        (5510, "The Big Players"),
        (5854, "Spread the Word"),
        (6089, "Outro"),
    ]
    assert chapters[3] == Chapter(
        410,
        "Namespace",
        url="https://github.com/Podcastindex-org/podcast-namespace",
        image="https://example.com/images/namepsace_example.jpg",
    )
    assert chapters[1].image == "https://example.com/images/hearing_aids.jpg"
    assert chapters[1].url is None


def test_official_complex_chapters_skip_silent_toc_false_marker(corpus: Path) -> None:
    result = read_chapters(corpus / "p20ns_chapters_exampleComplex.json")
    assert result.problems == []
    starts = [c.start_seconds for c in result.chapters]
    assert 4826 not in starts  # the "toc": false location marker, which has no title
    assert len(result.chapters) == 10
    assert result.chapters[5] == Chapter(
        4200,
        "Played song by artist",
        url="https://www.discogs.com/master/96559-Rick-Astley-Never-Gonna-Give-You-Up",
        image="https://i.discogs.com/-DPFA5hKT8i91jnjn4rLB1zSiuUBFTrGWspu1TpLV30/rs:fit/g:sm/q:90/h:600/w:600/czM6Ly9kaXNjb2dz/LWRhdGFiYXNlLWlt/YWdlcy9SLTI0OTUw/NC0xMzM0NTkyMjEy/LmpwZWc.jpeg",
    )


def test_omarchy_edge_cases_sorted_stripped_and_reported(
    corpus: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = corpus / "omarchy_chapters_edgecases.json"
    with caplog.at_level(logging.WARNING, logger="segments.timedtext"):
        chapters = read_chapters_file(path)
    assert chapters == [
        Chapter(0, "Intro"),
        Chapter(120, "Second", url="https://example.com/link"),
        Chapter(300.5, "Third bold"),
    ]
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: chapters[2]: no startTime, skipped",
        f"{path}: chapters[4]: not an object, skipped",
    ]
    with pytest.raises(InputError) as caught:
        read_chapters_file(path, strict=True)
    assert str(caught.value) == f"{path}: chapters[2]: no startTime, skipped"


@pytest.mark.parametrize(
    ("entry", "expected", "problems"),
    [
        ('{"startTime": "00:01:30", "title": "T"}', [Chapter(90, "T")], []),
        ('{"startTime": 5, "endTime": 9.5, "title": "T", "url": " "}', [Chapter(5, "T", 9.5)], []),
        ('{"startTime": 5, "endTime": 2, "title": "T"}', [Chapter(5, "T")], []),
        (
            '{"startTime": 1, "title": "Fish &amp; <i>chips</i>  &lt;3"}',
            [Chapter(1, "Fish & chips <3")],
            [],
        ),
        (
            '{"startTime": true, "title": "T"}',
            [],
            ["chapters[0]: startTime True is not a time in seconds, skipped"],
        ),
        (
            '{"startTime": -3, "title": "T"}',
            [],
            ["chapters[0]: startTime -3 is not a time in seconds, skipped"],
        ),
        (
            '{"startTime": "soon", "title": "T"}',
            [],
            ["chapters[0]: startTime 'soon' is not a time in seconds, skipped"],
        ),
        ('{"startTime": 3}', [], ["chapters[0]: no title, skipped"]),
        ('{"startTime": 3, "title": "<b></b>"}', [], ["chapters[0]: no title, skipped"]),
        ("[1]", [], ["chapters[0]: not an object, skipped"]),
    ],
)
def test_chapter_entries(entry: str, expected: list[Chapter], problems: list[str]) -> None:
    text = f'{{"version": "1.2.0", "chapters": [{entry}]}}'
    if entry == "[1]":
        text = '{"version": "1.2.0", "chapters": [[1]]}'
    result = parse_chapters(text, "c.json")
    assert (result.chapters, result.problems) == (expected, problems)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"version": "1.2.0", "chapters": [}',
            "c.json: not valid JSON: Expecting value (line 1, column 35)",
        ),
        ('{"version": "1.2.0"}', "c.json: not a chapters file: no 'chapters' list"),
        ('[{"startTime": 0, "title": "x"}]', "c.json: not a chapters file: no 'chapters' list"),
    ],
)
def test_chapters_file_errors(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_chapters(text, "c.json")
    assert str(caught.value) == message
