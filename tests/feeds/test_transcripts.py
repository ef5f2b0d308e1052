"""Transcript and chapters files: exact output, format limits, and round trips through the readers."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest

from feeds.chapters import chapters_json
from feeds.transcripts import transcript_html, transcript_json, transcript_srt, transcript_vtt
from segments.errors import FeedError
from segments.model import Chapter, Section, Segment, Show
from segments.timecode import parse_timecode
from segments.timedtext import read_chapters_file, read_transcript_file

LONG = (
    "Well, I grew up in a small town where the only cinema showed the same three films all "
    "summer, so I watched each of them maybe forty times and learned every line by heart."
)


def interview() -> Segment:
    return Segment(
        slug="ana-diaz",
        title="Ana Díaz on films & summers",
        language="en",
        transcript=[
            Section(["Welcome back."], speaker="John Horn", start_seconds=0.0, end_seconds=1.5),
            Section([LONG], speaker="Ana Díaz", start_seconds=1.5, end_seconds=12.0),
            Section(["And now?"], speaker="John Horn", start_seconds=12.25, end_seconds=13.0),
            Section(
                ["Now I <em>make</em> them."],
                speaker="Ana Díaz",
                start_seconds=13.0,
                end_seconds=14.5,
            ),
        ],
    )


def untimed() -> Segment:
    return Segment(
        slug="untimed",
        title="Q&A",
        transcript=[
            Section(["Intro text."], speaker="John Horn"),
            Section(
                ["First answer.", "Second <b>paragraph</b>."],
                heading="Early <i>years</i>",
                question="Where did you grow up?",
                questioner="John Horn",
                speaker="Ana",
            ),
            Section(["Closing words without a speaker."]),
        ],
    )


def test_vtt_exact() -> None:
    segment = Segment(
        slug="s",
        title="t",
        transcript=[
            Section(["Hi & welcome <all>."], speaker="Jo", start_seconds=0.0, end_seconds=2.0),
            Section(["Bye."], start_seconds=2.5, end_seconds=3.0),
        ],
    )
    assert transcript_vtt(segment) == (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:02.000\n<v Jo>Hi &amp; welcome &lt;all&gt;.\n\n"
        "00:00:02.500 --> 00:00:03.000\nBye.\n"
    )


def test_vtt_splits_long_turns_into_lines_and_shares_time() -> None:
    vtt = transcript_vtt(interview())
    assert vtt is not None
    assert vtt.endswith(".\n")
    blocks = vtt.rstrip("\n").split("\n\n")
    assert blocks[0] == "WEBVTT"
    cues = [block.split("\n") for block in blocks[1:] if block]
    assert all(len(cue) == 2 for cue in cues)
    texts = [re.sub(r"^<v [^>]*>", "", cue[1]) for cue in cues]
    assert max(len(t) for t in texts) <= 65
    ana = [cue for cue in cues if cue[1].startswith("<v Ana Díaz>")][:-1]
    assert len(ana) == 3  # 178 characters in lines of at most 65
    assert " ".join(re.sub(r"^<v [^>]*>", "", c[1]) for c in ana) == LONG
    # Consecutive cues of a turn share the turn's 10.5 s in proportion to their characters.
    times = [tuple(parse_timecode(t) for t in cue[0].split(" --> ")) for cue in ana]
    assert times[0][0] == 1.5 and times[-1][1] == 12.0
    assert all(a[1] == b[0] for a, b in itertools.pairwise(times))
    for (start, end), text in zip(times, texts[1:4], strict=True):
        assert end - start == pytest.approx(10.5 * len(text) / sum(map(len, texts[1:4])), abs=0.002)


def test_srt_limits_and_speaker_prefix() -> None:
    srt = transcript_srt(interview())
    assert srt is not None
    cues = [block.split("\n") for block in srt.strip().split("\n\n")]
    assert [cue[0] for cue in cues] == [str(n) for n in range(1, len(cues) + 1)]
    for cue in cues:
        assert 1 <= len(cue[2:]) <= 2
        assert all(len(line) <= 32 for line in cue[2:]), cue
    assert cues[0][1:] == ["00:00:00,000 --> 00:00:01,500", "John Horn: Welcome back."]
    assert cues[1][2] == "Ana Díaz: Well, I grew up in a"
    prefixed = [cue[2].split(":")[0] for cue in cues if ": " in cue[2]]
    assert prefixed == ["John Horn", "Ana Díaz", "John Horn", "Ana Díaz"]
    assert cues[-1][1:] == [
        "00:00:13,000 --> 00:00:14,500",
        "Ana Díaz: Now I <em>make</em>",
        "them.",
    ]


def test_srt_relabels_a_cue_that_would_read_as_a_speaker(tmp_path: Path) -> None:
    text = "I told him this, just one word and then I said it slowly. Listen: you need to hear the whole thing out."
    segment = Segment(
        slug="s",
        title="t",
        transcript=[Section([text], speaker="Ana", start_seconds=0.0, end_seconds=6.0)],
    )
    srt = transcript_srt(segment)
    assert srt == (
        # 57 and 45 characters without the labels: 6 s * 57 / 102 = 3.353 s
        "1\n00:00:00,000 --> 00:00:03,353\nAna: I told him this, just one\nword and then I said it slowly.\n\n"
        "2\n00:00:03,353 --> 00:00:06,000\nAna: Listen: you need to hear\nthe whole thing out.\n"
    )
    path = tmp_path / "t.srt"
    path.write_text(srt, encoding="utf-8")
    assert read_transcript_file(path) == segment.transcript


def test_long_words_and_names_are_broken_to_fit() -> None:
    url = "https://example.org/a/very/long/path/that/is/longer/than/a/line"
    segment = Segment(
        slug="s",
        title="t",
        transcript=[Section([f"See {url} now."], speaker="Jo", start_seconds=0.0, end_seconds=4.0)],
    )
    srt = transcript_srt(segment)
    assert srt is not None
    lines = [line for block in srt.strip().split("\n\n") for line in block.split("\n")[2:]]
    assert lines == [
        "Jo: See",
        "https://example.org/a/very/long/",
        "path/that/is/longer/than/a/line",
        "now.",
    ]
    vtt = transcript_vtt(segment)
    assert vtt is not None
    assert [line for line in vtt.split("\n") if line.startswith("<v")] == [
        "<v Jo>See",
        f"<v Jo>{url}",  # 63 characters: fits a VTT line whole
        "<v Jo>now.",
    ]


def test_json_transcript_shape() -> None:
    text = transcript_json(interview())
    assert text is not None and text.endswith("}\n")
    document = json.loads(text)
    assert list(document) == ["version", "segments"]
    assert document["version"] == "1.0.0"
    assert document["segments"][0] == {
        "speaker": "John Horn",
        "startTime": 0.0,
        "endTime": 1.5,
        "body": "Welcome back.",
    }
    assert [list(s) for s in document["segments"]] == [
        ["speaker", "startTime", "endTime", "body"]
    ] * len(document["segments"])
    assert document["segments"][-1]["body"] == "Now I <em>make</em> them."
    assert '"Ana Díaz"' in text  # ensure_ascii=False


@pytest.mark.parametrize("write", [transcript_vtt, transcript_srt, transcript_json])
def test_timed_formats_need_every_time(write: Callable[[Segment], str | None]) -> None:
    assert write(untimed()) is None
    partly = interview()
    partly.transcript[2].end_seconds = None
    assert write(partly) is None
    assert write(Segment(slug="s", title="t")) is None


@pytest.mark.parametrize("write", [transcript_vtt, transcript_srt, transcript_json])
def test_timed_formats_reject_backwards_times(write: Callable[[Segment], str | None]) -> None:
    segment = interview()
    segment.transcript[1].end_seconds = 1.0
    with pytest.raises(FeedError) as caught:
        write(segment)
    assert str(caught.value) == (
        "ana-diaz: transcript section 2 has times 1.5..1.0: ends before it starts"
    )


def test_question_becomes_questioner_turn_in_timed_formats() -> None:
    segment = Segment(
        slug="s",
        title="t",
        transcript=[
            Section(
                ["Yes."],
                question="Really?",
                questioner="Jo",
                speaker="Al",
                start_seconds=10.0,
                end_seconds=13.0,
            )
        ],
    )
    assert transcript_vtt(segment) == (
        "WEBVTT\n\n00:00:10.000 --> 00:00:11.909\n<v Jo>Really?\n\n"
        "00:00:11.909 --> 00:00:13.000\n<v Al>Yes.\n"
    )


def test_html_transcript_exact() -> None:
    assert transcript_html(untimed()) == (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        "<title>Transcript: Q&amp;A</title>\n</head>\n<body>\n"
        "<h1>Q&amp;A</h1>\n"
        "<section>\n<cite>John Horn:</cite>\n<p>Intro text.</p>\n</section>\n"
        "<section>\n<h2>Early &lt;i&gt;years&lt;/i&gt;</h2>\n"
        "<cite>John Horn:</cite>\n"
        '<p class="question"><strong>Where did you grow up?</strong></p>\n'
        "<cite>Ana:</cite>\n<p>First answer.</p>\n<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>\n"
        "</section>\n"
        "<section>\n<p>Closing words without a speaker.</p>\n</section>\n"
        "</body>\n</html>\n"
    )


def test_html_transcript_escapes_page_text_and_marks_times() -> None:
    segment = interview()
    segment.transcript[0].speaker = '<script>alert(1)</script>"x'
    segment.transcript[1].paragraphs = ['<img src=x onerror="alert(1)">', "B & C"]
    segment.transcript[3].start_seconds = 3723.9
    segment.transcript[3].end_seconds = 3730.0
    html = transcript_html(segment)
    root = lxml.html.document_fromstring(html)
    assert root.get("lang") == "en"
    assert root.findtext(".//title") == "Transcript: Ana Díaz on films & summers"
    assert [e.tag for e in root.iter("script", "img")] == []
    body = root.find("body")
    assert [(e.tag, e.text_content()) for e in body.iter("h1", "cite", "time", "p")][:7] == [
        ("h1", "Ana Díaz on films & summers"),
        ("cite", '<script>alert(1)</script>"x:'),
        ("time", "0:00"),
        ("p", "Welcome back."),
        ("cite", "Ana Díaz:"),
        ("time", "0:01"),
        ("p", '<img src=x onerror="alert(1)">'),
    ]
    assert [t.text for t in body.iter("time")] == ["0:00", "0:01", "0:12", "1:02:03"]


ROUND_TRIP_FORMATS: list[tuple[str, Callable[[Segment], str | None]]] = [
    ("vtt", transcript_vtt),
    ("srt", transcript_srt),
    ("json", transcript_json),
    ("html", transcript_html),
]


@pytest.mark.parametrize(
    ("suffix", "write"), ROUND_TRIP_FORMATS, ids=[f[0] for f in ROUND_TRIP_FORMATS]
)
def test_round_trip_keeps_speakers_texts_and_times(
    tmp_path: Path, suffix: str, write: Callable[[Segment], str | None]
) -> None:
    segment = interview()
    segment.transcript[3].start_seconds = 3600.25  # past an hour
    segment.transcript[3].end_seconds = 3605.5
    text = write(segment)
    assert text is not None
    path = tmp_path / f"transcript.{suffix}"
    path.write_text(text, encoding="utf-8")
    sections = read_transcript_file(path)
    original = segment.transcript
    assert [s.speaker for s in sections] == [s.speaker for s in original]
    assert [s.paragraphs for s in sections] == [s.paragraphs for s in original]
    if suffix == "html":  # <time> shows whole seconds and no end, like the official example
        assert [s.start_seconds for s in sections] == [0, 1, 12, 3600]
        assert all(s.end_seconds is None for s in sections)
    else:
        assert [(s.start_seconds, s.end_seconds) for s in sections] == [
            (s.start_seconds, s.end_seconds) for s in original
        ]


def test_html_round_trip_keeps_headings_and_questions(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(transcript_html(untimed()), encoding="utf-8")
    assert read_transcript_file(path) == untimed().transcript


def chaptered() -> Segment:
    return Segment(
        slug="s",
        title="Episode “7”",
        show=Show(title="The Frame"),
        chapters=[
            Chapter(410, "Namespace", url="https://github.com/x", image="https://e.com/n.jpg"),
            Chapter(0, "Intro"),
            Chapter(168.5004, "Hearing Aids", end_seconds=260),
        ],
    )


def test_chapters_json_exact() -> None:
    assert chapters_json(chaptered()) == (
        "{\n"
        '  "version": "1.2.0",\n'
        '  "title": "Episode “7”",\n'
        '  "podcastName": "The Frame",\n'
        '  "chapters": [\n'
        '    {\n      "startTime": 0,\n      "title": "Intro"\n    },\n'
        '    {\n      "startTime": 168.5,\n      "endTime": 260,\n      "title": "Hearing Aids"\n    },\n'
        '    {\n      "startTime": 410,\n      "title": "Namespace",\n'
        '      "img": "https://e.com/n.jpg",\n      "url": "https://github.com/x"\n    }\n'
        "  ]\n"
        "}\n"
    )


def test_chapters_json_none_without_chapters() -> None:
    assert chapters_json(Segment(slug="s", title="t")) is None


def test_chapters_round_trip(tmp_path: Path) -> None:
    text = chapters_json(chaptered())
    assert text is not None
    path = tmp_path / "chapters.json"
    path.write_text(text, encoding="utf-8")
    assert read_chapters_file(path, strict=True) == [
        Chapter(0, "Intro"),
        Chapter(168.5, "Hearing Aids", end_seconds=260),
        Chapter(410, "Namespace", url="https://github.com/x", image="https://e.com/n.jpg"),
    ]


def test_official_chapters_rewrite_identically(shared: Path, tmp_path: Path) -> None:
    source = shared / "corpus" / "transcripts" / "p20ns_chapters_example.json"
    chapters = read_chapters_file(source, strict=True)
    text = chapters_json(Segment(slug="s", title="t", chapters=chapters))
    assert text is not None
    assert (
        json.loads(text)["chapters"] == json.loads(source.read_text(encoding="utf-8"))["chapters"]
    )


OFFICIAL_TRANSCRIPTS = [
    "p20ns_example.vtt",
    "p20ns_example.srt",
    "p20ns_example_transcript.json",
    "p20ns_example_transcript.html",
]


@pytest.mark.parametrize("name", OFFICIAL_TRANSCRIPTS)
@pytest.mark.parametrize(
    ("suffix", "write"), ROUND_TRIP_FORMATS, ids=[f[0] for f in ROUND_TRIP_FORMATS]
)
def test_official_transcripts_rewrite_to_same_turns(
    shared: Path, tmp_path: Path, name: str, suffix: str, write: Callable[[Segment], str | None]
) -> None:
    sections = read_transcript_file(shared / "corpus" / "transcripts" / name)
    text = write(Segment(slug="s", title="t", transcript=sections))
    if name.endswith(".html") and suffix != "html":
        assert text is None  # the HTML example gives start times only
        return
    assert text is not None
    path = tmp_path / f"again.{suffix}"
    path.write_text(text, encoding="utf-8")
    again = read_transcript_file(path)
    assert [(s.speaker, s.paragraphs) for s in again] == [
        (s.speaker, s.paragraphs) for s in sections
    ]
    if suffix != "html":
        assert [(s.start_seconds, s.end_seconds) for s in again] == [
            (s.start_seconds, s.end_seconds) for s in sections
        ]


def test_html_transcript_without_sections_is_still_a_document() -> None:
    assert transcript_html(Segment(slug="s", title="Empty")) == (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Transcript: Empty</title>\n'
        "</head>\n<body>\n<h1>Empty</h1>\n</body>\n</html>\n"
    )
