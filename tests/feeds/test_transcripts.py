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
from segments.model import Chapter, Person, Section, Segment, Show
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
            Section(["Hi & welcome, a < b."], speaker="Jo", start_seconds=0.0, end_seconds=2.0),
            Section(["Bye."], start_seconds=2.5, end_seconds=3.0),
        ],
    )
    assert transcript_vtt(segment) == (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:02.000\n<v Jo>Hi &amp; welcome, a &lt; b.\n\n"
        "00:00:02.500 --> 00:00:03.500\nBye.\n"  # on screen 1 s, into the silence after it
    )


def test_vtt_splits_long_turns_into_lines_and_shares_time() -> None:
    vtt = transcript_vtt(interview())
    assert vtt is not None
    assert vtt.endswith(".\n")
    blocks = vtt.rstrip("\n").split("\n\n")
    assert blocks[0] == "WEBVTT"
    cues = [block.split("\n") for block in blocks[1:] if block]
    assert all(2 <= len(cue) <= 3 for cue in cues)  # timing, then one or two lines
    assert all(cue[1].startswith("<v ") for cue in cues)  # every cue names its speaker
    texts = [" ".join(re.sub(r"^<v [^>]*>", "", line) for line in cue[1:]) for cue in cues]
    lines = [re.sub(r"^<v [^>]*>", "", line) for cue in cues for line in cue[1:]]
    assert max(len(line) for line in lines) <= 42
    ana = [
        (cue, text)
        for cue, text in zip(cues, texts, strict=True)
        if cue[1].startswith("<v Ana Díaz>")
    ][:-1]
    assert len(ana) == 3  # 178 characters in cues of two lines of at most 42
    assert " ".join(text for _, text in ana) == LONG
    # Consecutive cues of a turn share the turn's 10.5 s in proportion to their characters.
    times = [tuple(parse_timecode(t) for t in cue[0].split(" --> ")) for cue, _ in ana]
    assert times[0][0] == 1.5
    assert times[-1][1] == 12.25  # the last stays up into the pause before the next turn
    assert all(a[1] == b[0] for a, b in itertools.pairwise(times))
    sizes = [len(cue[1]) - len("<v Ana Díaz>") + sum(len(x) + 1 for x in cue[2:]) for cue, _ in ana]
    for (start, end), size in zip(times[:-1], sizes, strict=False):
        assert end - start == pytest.approx(10.5 * size / sum(sizes), abs=0.002)


def test_cues_stay_on_screen_one_to_seven_seconds() -> None:
    slow = Section([LONG], question="So?", speaker="Ana", start_seconds=10.0, end_seconds=70.0)
    quick = Section(["Yes."], speaker="Jo", start_seconds=71.0, end_seconds=71.2)
    segment = Segment(slug="s", title="t", transcript=[slow, quick])
    for write in (transcript_vtt, transcript_srt):
        text = write(segment)
        assert text is not None
        times = [
            tuple(parse_timecode(t) for t in line.split(" --> "))
            for line in text.split("\n")
            if " --> " in line
        ]
        assert all(1.0 - 0.001 <= end - start <= 7.0 + 0.001 for start, end in times), times
        assert times[0][0] == 10.0 and times[-1] == (71.0, 72.0)


def test_questions_are_voiced_by_the_asker_when_the_page_names_none() -> None:
    section = Section(
        ["Yes."], question="Really?", speaker="Al", start_seconds=0.0, end_seconds=4.0
    )
    anonymous = Segment(slug="s", title="t", transcript=[section])
    hosted = Segment(
        slug="s", title="t", transcript=[section], people=[Person("Mark Bannerman", "host")]
    )
    assert "<v Q>Really?" in (transcript_vtt(anonymous) or "")
    assert "<v Mark Bannerman>Really?" in (transcript_vtt(hosted) or "")
    srt = transcript_srt(hosted) or ""
    assert "Mark Bannerman: Really?" in srt and "Al: Yes." in srt
    segments = json.loads(transcript_json(hosted) or "{}")["segments"]
    assert [s["speaker"] for s in segments] == ["Mark Bannerman", "Al"]


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
    # Players render SRT tags: the <em> typed into the transcript is removed, its text kept.
    assert cues[-1][1:] == ["00:00:13,000 --> 00:00:14,500", "Ana Díaz: Now I make them."]


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
    assert vtt.split("\n")[3:5] == [
        "<v Jo>See",
        "https://example.org/a/very/long/path/that/",  # 63 characters: broken at 42
    ]
    assert vtt.split("\n")[7] == "<v Jo>is/longer/than/a/line now."


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
    assert document["segments"][-1]["body"] == "Now I make them."  # markup removed
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
    paragraphs = [s.paragraphs for s in original]
    if suffix != "html":  # timed formats are plain text: the <em> typed in is removed
        paragraphs[3] = ["Now I make them."]
    assert [s.paragraphs for s in sections] == paragraphs
    if suffix == "html":  # <time> shows whole seconds and no end, like the official example
        assert [s.start_seconds for s in sections] == [0, 1, 12, 3600]
        assert all(s.end_seconds is None for s in sections)
    else:
        _same_times(sections, original)


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


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:image/png;base64,AAAA", "file:///x"])
@pytest.mark.parametrize("key", ["url", "image"])
def test_chapters_json_refuses_urls_that_are_not_web_urls(url: str, key: str) -> None:
    """A chapter's url and img reach players (they show the image and open the link): anything
    but http(s), or a relative URL under the show's base_url, is an error naming the key."""
    chapters = [Chapter(0, "Intro"), Chapter(60, "Talk", **{key: url})]  # type: ignore[arg-type]
    segment = Segment(slug="s", title="t", chapters=chapters)
    with pytest.raises(FeedError) as caught:
        chapters_json(segment, "https://e.org/show/")
    assert (
        str(caught.value)
        == f"segment s: chapters[1].{key}: {url!r} is not an http(s) URL or a relative one"
    )


def test_chapters_json_resolves_relative_urls_against_the_base_url() -> None:
    chapters = [Chapter(0, "Intro", url="notes/intro.html", image="/art/1.jpg")]
    text = chapters_json(Segment(slug="s", title="t", chapters=chapters), "https://e.org/show/")
    assert text is not None
    (chapter,) = json.loads(text)["chapters"]
    assert (chapter["url"], chapter["img"]) == (
        "https://e.org/show/notes/intro.html",
        "https://e.org/art/1.jpg",
    )


def test_chapters_json_without_a_base_url_refuses_a_relative_url() -> None:
    segment = Segment(slug="s", title="t", chapters=[Chapter(0, "Intro", url="intro.html")])
    with pytest.raises(
        FeedError, match=r"chapters\[0\].url: 'intro.html' is not an http\(s\) URL$"
    ):
        chapters_json(segment)


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
        _same_times(again, sections)


def _same_times(again: list[Section], original: list[Section]) -> None:
    """Starts are kept exactly; an end may run on up to 1 s into the pause (a cue's minimum)."""
    assert [s.start_seconds for s in again] == [s.start_seconds for s in original]
    for read, wrote in zip(again, original, strict=True):
        assert read.end_seconds is not None and wrote.end_seconds is not None
        assert wrote.end_seconds <= read.end_seconds <= wrote.end_seconds + 1.0


def test_html_transcript_without_sections_is_still_a_document() -> None:
    assert transcript_html(Segment(slug="s", title="Empty")) == (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Transcript: Empty</title>\n'
        "</head>\n<body>\n<h1>Empty</h1>\n</body>\n</html>\n"
    )


# --- a paired interview, read back by independent readers ---------------------------------------


def _paired_interview() -> Segment:
    from segments.alignment import pair_segment
    from segments.segmentfile import read_segment
    from tests.conftest import EXAMPLES
    from tests.segments.spoken import record

    qa = read_segment(
        EXAMPLES / "the-frame" / "segments" / "interview-with-director-kyungjin-song.md"
    )
    return pair_segment(qa, record(qa.transcript, "all").timed).segment


def _expected_turns(segment: Segment) -> list[str | None]:
    """Asker then answerer per section; the one question the recogniser lost has no asker: "Q"."""
    assert [s.questioner for s in segment.transcript].count(None) == 1
    assert {s.questioner for s in segment.transcript} == {"Host", None}
    return [name for s in segment.transcript for name in (s.questioner or "Q", s.speaker)]


def test_paired_vtt_read_by_webvtt_py(tmp_path: Path) -> None:
    webvtt = pytest.importorskip("webvtt")
    segment = _paired_interview()
    path = tmp_path / "t.vtt"
    path.write_text(transcript_vtt(segment) or "", encoding="utf-8")
    captions = webvtt.read(str(path))
    assert all(c.voice for c in captions)  # questions too
    voices = [c.voice for c in captions]
    turns = [v for v, _ in itertools.groupby(voices)]
    assert turns == _expected_turns(segment)  # the timed transcript named the asker
    assert all(
        1.0 - 0.001 <= c.end_in_seconds - c.start_in_seconds <= 7.0 + 0.001 for c in captions
    )
    assert all(len(line) <= 42 for c in captions for line in c.text.split("\n"))
    assert all(len(c.text.split("\n")) <= 2 for c in captions)
    starts = [c.start_in_seconds for c in captions]
    assert starts == sorted(starts)
    words = " ".join(c.text.replace("\n", " ") for c in captions).split()
    edited = " ".join(
        " ".join([s.question or "", *s.paragraphs]) for s in segment.transcript
    ).split()
    assert words == edited  # the edited words, all of them, in order
    # Our own reader gets the same 16 turns, with the section start times.
    ours = read_transcript_file(path)
    assert [s.speaker for s in ours] == turns
    assert ours[1::2][0].start_seconds is not None


def test_paired_srt_read_by_srt_library(tmp_path: Path) -> None:
    srt = pytest.importorskip("srt")
    segment = _paired_interview()
    text = transcript_srt(segment) or ""
    subtitles = list(srt.parse(text))
    assert [s.index for s in subtitles] == list(range(1, len(subtitles) + 1))
    labels = [s.content.split(":")[0] for s in subtitles if re.match(r"^[A-Z][\w ]*: ", s.content)]
    assert labels == _expected_turns(segment)  # question cues say who asks
    assert all(len(line) <= 32 for s in subtitles for line in s.content.split("\n"))
    assert all(1.0 - 0.001 <= (s.end - s.start).total_seconds() <= 7.0 + 0.001 for s in subtitles)
    path = tmp_path / "t.srt"
    path.write_text(text, encoding="utf-8")
    assert len(read_transcript_file(path)) == 16  # not 2: questions are not the guest's speech


def test_paired_json_has_speakers_and_reads_back(tmp_path: Path) -> None:
    segment = _paired_interview()
    text = transcript_json(segment) or ""
    document = json.loads(text)
    assert all(s.get("speaker") for s in document["segments"])
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    assert [s.speaker for s in read_transcript_file(path)] == _expected_turns(segment)


def test_chapters_json_titles_lose_their_markup() -> None:
    """Players may show a chapter title as HTML: markup in it, escaped or not, is removed."""
    chapters = [Chapter(0, "Intro <img src=x onerror=alert(1)>"), Chapter(9, "&lt;b&gt;Talk")]
    segment = Segment(slug="s", title="<script>alert(1)</script>Rents", chapters=chapters)
    document = json.loads(chapters_json(segment) or "{}")
    assert document["title"] == "Rents"
    assert [c["title"] for c in document["chapters"]] == ["Intro ", "Talk"]


@pytest.mark.parametrize("write", [transcript_vtt, transcript_srt, transcript_json])
def test_timed_transcripts_carry_no_markup_from_text_or_names(
    write: Callable[[Segment], str | None],
) -> None:
    """Players render SRT and JSON cues as HTML and WebVTT has tags of its own: a script, an
    event handler or escaped markup in a transcript or a speaker's name is removed."""
    segment = Segment(
        slug="s",
        title="t",
        transcript=[
            Section(
                ['Hello <img src=x onerror="alert(1)">there &lt;script&gt;alert(2)&lt;/script&gt;'],
                speaker="Jo <script>alert(3)</script>Lee",
                start_seconds=0.0,
                end_seconds=2.0,
            )
        ],
    )
    text = write(segment)
    assert text is not None
    for active in ("<script", "<img", "onerror", "alert", "&lt;script"):
        assert active not in text
    assert "Hello there" in text and "Jo Lee" in text
