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
    with pytest.raises(InputError, match=r"^latin\.srt: is not UTF-8 text \(byte 35\)$"):
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


# --- timed cues: every format, and the quirks of real files -------------------------------------

from segments.timedtext import QUIRKS, parse_timed, read_timed_file  # noqa: E402

QUIRK_CASES = [
    # (id, suffix, text, [(start, end, speaker, text)], quirk kinds)
    ("vtt-clean", ".vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.500 align:start position:10%\n<v Ana>Hello <i>there</i>.\n",
     [(1.0, 2.5, "Ana", "Hello there.")], []),
    ("vtt-no-hours-bom", ".vtt", "\ufeffWEBVTT\n\n01.000 --> 02.000\nhi\n", [(1.0, 2.0, None, "hi")], ["bom", "no_colons"]),
    ("vtt-comma", ".vtt", "WEBVTT\n\n00:01,000 --> 00:02,000\nhi\n\n00:03,000 --> 00:04,000\nho\n",
     [(1.0, 2.0, None, "hi"), (3.0, 4.0, None, "ho")], ["decimal_comma"]),
    ("vtt-html", ".vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<font color=red>hi</font><br>there &amp; back\n",
     [(1.0, 2.0, None, "hi there & back")], ["html"]),
    ("vtt-overlap", ".vtt", "WEBVTT\n\n00:01.000 --> 00:05.000\nhi\n\n00:04.000 --> 00:06.000\nho\n",
     [(1.0, 5.0, None, "hi"), (4.0, 6.0, None, "ho")], ["overlap"]),
    ("srt-clean", ".srt", "1\n00:00:01,000 --> 00:00:02,000\nAna: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nMore.\n",
     [(1.0, 2.0, "Ana", "Hi."), (2.0, 3.0, "Ana", "More.")], []),
    ("srt-gaps-dots-settings", ".srt", "1\n00:00:01.000 --> 00:00:02.000 X1:100 X2:200\nhi\n\n5\n00:00:03,000 --> 00:00:04,000\nho\n\n00:00:05,000 --> 00:00:06,000\nhum\n",
     [(1.0, 2.0, None, "hi"), (3.0, 4.0, None, "ho"), (5.0, 6.0, None, "hum")], ["decimal_dot", "cue_settings", "numbering"]),
    ("srt-no-hours-no-colons", ".srt", "1\n01:02,500 --> 01:03,000\nhi\n\n2\n0.860 --> 7.380\nho\n",
     [(62.5, 63.0, None, "hi"), (0.86, 7.38, None, "ho")], ["no_hours", "no_colons", "decimal_dot", "overlap"]),
    ("srt-br-and-format-tags", ".srt", "1\n00:00:01,000 --> 00:00:02,000\n<i>hi</i><br/>there\n",
     [(1.0, 2.0, None, "hi there")], ["html"]),
    ("p20-no-end", ".json", '{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 1, "body": "hi"}, {"startTime": 2.5, "endTime": 3, "body": "ho"}, {"startTime": 4, "body": "end"}]}',
     [(1.0, 2.5, "A", "hi"), (2.5, 3.0, None, "ho"), (4.0, None, None, "end")], ["no_end"]),
    ("whisper", ".json", '{"text": " Hi there.", "language": "en", "segments": [{"id": 0, "start": 0.5, "end": 1.8, "text": " Hi there.", "words": [{"word": " Hi", "start": 0.5, "end": 0.9}, {"word": " there.", "start": 1.0, "end": 1.8}]}, {"id": 1, "start": 2.0, "end": 3.0, "text": " Bye.", "speaker": "SPEAKER_01"}]}',
     [(0.5, 1.8, None, "Hi there."), (2.0, 3.0, "SPEAKER_01", "Bye.")], []),
    ("json3", ".json3", '{"wireMagic": "pb3", "events": [{"tStartMs": 0, "dDurationMs": 5000, "id": 1, "wpWinPosId": 1, "wsWinStyleId": 1}, {"tStartMs": 160, "dDurationMs": 3000, "wWinId": 1, "segs": [{"utf8": "so"}, {"utf8": " today", "tOffsetMs": 400}]}, {"tStartMs": 3100, "wWinId": 1, "aAppend": 1, "segs": [{"utf8": "\\n"}]}]}',
     [(0.16, 3.16, None, "so today")], []),
    ("srv3", ".srv3", '<?xml version="1.0" encoding="utf-8" ?><timedtext format="3"><body><p t="1200" d="2100" w="1"><s ac="0">hello</s><s t="500" ac="0"> world</s></p><p t="3300" d="900">plain &amp; simple</p></body></timedtext>',
     [(1.2, 3.3, None, "hello world"), (3.3, 4.2, None, "plain & simple")], []),
    ("log", ".txt", "[00:00:05] Ana Diaz: Hello\nand welcome.\n[00:01:02.5] John: Thanks.\n01:10 no brackets, no speaker\n",
     [(5.0, 62.5, "Ana Diaz", "Hello and welcome."), (62.5, 70.0, "John", "Thanks."), (70.0, None, None, "no brackets, no speaker")], []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("suffix", "text", "cues", "quirks"),
    [case[1:] for case in QUIRK_CASES],
    ids=[case[0] for case in QUIRK_CASES],
)
def test_timed_formats_and_quirks(
    caplog: pytest.LogCaptureFixture,
    suffix: str,
    text: str,
    cues: list[tuple[float, float | None, str | None, str]],
    quirks: list[str],
) -> None:
    with caplog.at_level(logging.WARNING, logger="segments.timedtext"):
        timed = parse_timed(text, suffix, "t" + suffix)
    got = [(c.start, c.end, c.speaker, c.text) for c in timed.cues]
    assert [(s, e, sp) for s, e, sp, _ in got] == [(s, e, sp) for s, e, sp, _ in cues]
    assert [" ".join(t.split()) for *_, t in got] == [" ".join(t.split()) for *_, t in cues]
    assert timed.quirks == quirks
    # One warning per kind of quirk, naming the file.
    assert [r.getMessage() for r in caplog.records] == [f"t{suffix}: {QUIRKS[q]}" for q in quirks]


def test_whisper_and_youtube_word_times_are_kept() -> None:
    whisper = QUIRK_CASES[10][2]
    words = parse_timed(whisper, ".json").cues[0].words
    assert [(w.text, w.start, w.end) for w in words] == [("Hi", 0.5, 0.9), ("there.", 1.0, 1.8)]
    json3 = parse_timed(QUIRK_CASES[11][2], ".json3").cues[0].words
    assert [(w.text, w.start) for w in json3] == [("so", 0.16), ("today", 0.56)]
    srv3 = parse_timed(QUIRK_CASES[12][2], ".srv3").cues[0].words
    assert [(w.text, w.start) for w in srv3] == [("hello", 1.2), ("world", 1.7)]


def test_missing_end_time_no_longer_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(QUIRK_CASES[9][2], encoding="utf-8")
    sections = read_transcript_file(path)
    assert [(s.speaker, s.start_seconds, s.end_seconds) for s in sections] == [
        ("A", 1.0, 2.5),
        (None, 2.5, 3.0),
    ]


@pytest.mark.parametrize(
    ("suffix", "text", "message"),
    [
        (".log", "no time here\n", "t.log:1: expected a line starting with a time like [00:01:23], found 'no time here'"),
        (".vtt", "WEBVTT\n\nNOTE only a note\n", "t.vtt: no timed text in this transcript"),
        (".json", '{"segments": [{"start": "x", "text": "hi"}]}', "t.json: segments[0] needs a numeric 'start'"),
        (".json", '{"segments": [{"startTime": 1, "endTime": "2", "body": "hi"}]}', "t.json: segments[0] has a non-numeric 'endTime'"),
        (".srv3", "<timedtext><body><p t=", "t.srv3: not readable as srv3 XML: "),
        (".doc", "x", "t.doc: unknown timed transcript type '.doc' (expected .vtt, .srt, .json, .json3, .srv3, .txt, .log)"),
    ],
)  # fmt: skip
def test_timed_errors_name_file_and_problem(suffix: str, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_timed(text, suffix, "t" + suffix)
    # lxml's own words follow the srv3 message; the rest is pinned whole.
    assert (
        str(caught.value).startswith(message)
        if message.endswith(": ")
        else str(caught.value) == message
    )


@pytest.mark.parametrize(
    "name", ["p20ns_example.vtt", "p20ns_example.srt", "p20ns_example_transcript.json"]
)
def test_real_files_read_as_cues_without_quirks(corpus: Path, name: str) -> None:
    timed = read_timed_file(corpus / name)
    assert timed.cues and all(c.start is not None and c.end is not None for c in timed.cues)
    assert timed.quirks == []


def test_find_timed_file_prefers_word_level_json(tmp_path: Path) -> None:
    from segments.timedtext import find_timed_file

    assert find_timed_file(tmp_path, "ep") is None
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "ep.srt").write_text("", encoding="utf-8")
    (folder / "other.json").write_text("", encoding="utf-8")
    assert find_timed_file(tmp_path, "ep") == folder / "ep.srt"
    (folder / "ep.json").write_text("", encoding="utf-8")
    assert find_timed_file(tmp_path, "ep") == folder / "ep.json"


#: The shape of YouTube's automatic captions in WebVTT: cue settings, a line of one space inside
#: cues (written ~ here), inline word times, and each cue repeating the line before it.
YOUTUBE_AUTO_VTT = """WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:02.000 align:start position:0%
~
next<00:00:00.560><c> we</c><00:00:00.760><c> welcome</c><00:00:01.480><c> Dr</c>

00:00:02.000 --> 00:00:02.010 align:start position:0%
next we welcome Dr
~

00:00:02.010 --> 00:00:04.000 align:start position:0%
next we welcome Dr
Thomas<00:00:02.400><c> Doctor</c><00:00:03.400><c> uh</c>
""".replace("~", " ")  # the lines of one space


def test_youtube_automatic_captions_read_once_with_word_times(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="segments.timedtext"):
        timed = parse_timed(YOUTUBE_AUTO_VTT, ".vtt", "auto.vtt")
    assert [c.text for c in timed.cues] == ["next we welcome Dr", "Thomas Doctor uh"]
    assert [(w.text, w.start) for c in timed.cues for w in c.words] == [
        ("next", 0.0), ("we", 0.56), ("welcome", 0.76), ("Dr", 1.48),
        ("Thomas", 2.01), ("Doctor", 2.4), ("uh", 3.4),
    ]  # fmt: skip
    assert timed.quirks == ["rolling"]
    assert [r.getMessage() for r in caplog.records] == [f"auto.vtt: {QUIRKS['rolling']}"]


def test_vtt_cues_separated_by_lines_of_spaces_still_split() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n   \n00:03.000 --> 00:04.000\nho\n"
    assert [(c.start, c.text) for c in parse_timed(text, ".vtt").cues] == [(1.0, "hi"), (3.0, "ho")]
