"""Pairing edited transcripts with timed ones made from their own words, under real damage.

The timed transcripts come from tests/segments/spoken.py: the example show's two segments
(imported from the seeds: examples/the-frame/segments/*.md) "spoken" at a seeded, varying pace
with known section start times, then transcribed with one kind of damage at a time.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pytest

from feeds.transcripts import transcript_vtt
from segments.alignment import PairingError, align, normalise, pair_files, pair_segment
from segments.errors import InputError
from segments.model import Section, Segment
from segments.segmentfile import format_segment, parse_segment, read_segment
from segments.timecode import format_timecode
from segments.timedtext import Cue, TimedTranscript, read_timed_file, read_transcript_file
from tests.conftest import EXAMPLES
from tests.segments.spoken import DAMAGE_KINDS, record

SEGMENTS = sorted((EXAMPLES / "the-frame" / "segments").glob("*.md"))
QA, LOVESONG = (read_segment(p) for p in SEGMENTS)

#: Each damage kind and the largest section start error measured (seconds) on the Q&A segment
#: (8 sections, questions and answers) and the Lovesong one (3 topic sections, no speakers),
#: seed 9, rounded up to the next 0.01 s. The requirement is 1 s; a change that makes the pairing
#: worse by more than SLACK fails here. The Lovesong figures are larger because its sections have
#: no speaker, so cues run on across section boundaries and the time inside a cue is shared by
#: its letters (no cue boundary marks the section's start).
DAMAGE_TABLE: dict[str, tuple[float, float]] = {
    # kind:                      (Q&A,  Lovesong)
    "clean":                      (0.01, 0.24),
    "fillers":                    (0.03, 0.56),
    "false_starts":               (0.01, 0.22),
    "deleted_words":              (0.13, 0.25),
    "inserted_words":             (0.01, 0.70),
    "misheard_words":             (0.17, 0.65),
    "digits_and_contractions":    (0.01, 0.26),
    "merged_cues":                (0.01, 0.52),
    "split_cues":                 (0.01, 0.45),
    "lowercase_no_punctuation":   (0.01, 0.34),
    "dropped_paragraph":          (0.01, 0.37),
    "missing_question":           (0.20, 0.23),
    "extra_passage":              (0.11, 0.37),
    "edit_cut_paragraph":         (0.01, 0.44),
    "all":                        (0.29, 0.40),
}  # fmt: skip
SLACK = 0.05


def test_table_lists_every_damage_kind() -> None:
    assert tuple(DAMAGE_TABLE) == DAMAGE_KINDS


@pytest.mark.parametrize("which", [0, 1], ids=["qa", "lovesong"])
@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_section_starts_recovered_within_a_second(kind: str, which: int) -> None:
    segment = (QA, LOVESONG)[which]
    recording = record(segment.transcript, kind)
    edited = replace(segment, transcript=recording.sections)
    pairing = pair_segment(edited, recording.timed)
    starts = [s.start_seconds for s in pairing.segment.transcript]
    assert all(start is not None for start in starts)
    errors = [abs(s - t) for s, t in zip(starts, recording.true_starts, strict=True)]  # type: ignore[operator]
    assert max(errors) <= 1.0
    assert max(errors) <= DAMAGE_TABLE[kind][which] + SLACK
    # Every section is timed, in order, ending no earlier than it starts.
    sections = pairing.segment.transcript
    assert all(s.start_seconds <= s.end_seconds for s in sections)  # type: ignore[operator]
    assert starts == sorted(starts)  # type: ignore[type-var]
    assert 0.6 <= pairing.coverage <= 1.0 and pairing.confidence >= 0.5


@pytest.mark.parametrize(("edited", "timed"), [(QA, LOVESONG), (LOVESONG, QA)])
def test_another_episodes_transcript_is_refused(edited: Segment, timed: Segment) -> None:
    recording = record(timed.transcript, "clean")
    with pytest.raises(PairingError) as caught:
        pair_segment(edited, recording.timed, where="other.vtt")
    message = str(caught.value)
    assert message.startswith(f"other.vtt: the timed transcript does not match {edited.slug} (")
    assert "\n" not in message and message.endswith("is it of another episode?")


def test_edited_segment_is_not_changed_and_words_stay() -> None:
    before = copy.deepcopy(QA)
    pairing = pair_segment(QA, record(QA.transcript, "all").timed)
    assert before == QA
    paired = pairing.segment.transcript
    assert [(s.heading, s.question, s.paragraphs) for s in paired] == [
        (s.heading, s.question, s.paragraphs) for s in QA.transcript
    ]


def test_every_question_and_paragraph_gets_times() -> None:
    recording = record(QA.transcript, "clean")
    pairing = pair_segment(QA, recording.timed)
    for section, times in zip(QA.transcript, pairing.sections, strict=True):
        kinds = [(p.part, p.index) for p in times.parts]
        assert kinds == [("question", 0)] + [
            ("paragraph", k) for k in range(len(section.paragraphs))
        ]
        assert all(p.start_seconds <= p.end_seconds for p in times.parts)
    # The answer starts after its question: paragraph times are not the section's.
    first = pairing.sections[0]
    assert first.parts[1].start_seconds > first.parts[0].end_seconds
    spoken = next(w for w in recording.words if w.section == 0 and w.part == 0)
    assert abs(first.parts[1].start_seconds - spoken.start) < 0.5


def test_speakers_fill_in_but_never_overwrite() -> None:
    recording = record(QA.transcript, "clean")
    anonymous = [replace(s, speaker=None) for s in QA.transcript]
    anonymous[1].speaker = "Named By Editor"
    pairing = align(anonymous, recording.timed)
    speakers = [s.speaker for s in pairing.segment.transcript]
    assert speakers[0] == "Kyungjin Song" and speakers[2:] == ["Kyungjin Song"] * 6
    assert speakers[1] == "Named By Editor"
    assert [s.speaker_filled for s in pairing.sections][:3] == [True, False, True]
    # The questions had no asker: the timed transcript's voice for them fills in.
    assert {s.questioner for s in pairing.segment.transcript} == {"Host"}


def test_pairing_is_stored_in_the_segment_file_and_read_back() -> None:
    pairing = pair_segment(QA, record(QA.transcript, "fillers").timed)
    text = format_segment(pairing.segment)
    assert "\n[00:00:01.500 - 00:00:" in text  # a time mark beside each section's words
    again = parse_segment(text, where="paired.md")
    assert [(s.start_seconds, s.end_seconds) for s in again.transcript] == [
        (s.start_seconds, s.end_seconds) for s in pairing.segment.transcript
    ]
    assert [s.paragraphs for s in again.transcript] == [s.paragraphs for s in QA.transcript]


def test_json_form_for_the_command_line() -> None:
    pairing = pair_segment(QA, record(QA.transcript, "clean").timed)
    data = pairing.as_json()
    assert set(data) >= {"coverage", "confidence", "sections"}
    first = data["sections"][0]  # type: ignore[index]
    assert set(first) >= {"heading", "question", "speaker", "start_seconds", "end_seconds"}
    assert first["start_seconds"] == 1.5


def test_word_times_from_whisper_words_are_used() -> None:
    sections = [Section(["one two three four five six seven eight"], speaker="A")]
    cue = Cue(0.0, 80.0, "one two three four five six seven eight", None)
    # The cue alone would spread its words over 80 s; the words say the answer begins at 40 s.
    from segments.timedtext import Word

    cue.words = [Word(w, 40.0 + k, 40.5 + k) for k, w in enumerate(cue.text.split())]
    pairing = align(sections, TimedTranscript([cue]))
    assert pairing.segment.transcript[0].start_seconds == 40.0
    assert pairing.segment.transcript[0].end_seconds == 47.5


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("It's 25 o'clock", ["it", "is", "twenty", "five", "oclock"]),
        ("It’s twenty-five", ["it", "is", "twenty", "five"]),
        (
            "We don't, they can't; I'm here",
            ["we", "do", "not", "they", "can", "not", "i", "am", "here"],
        ),
        ("Um, uh... so", ["so"]),
        (
            "1,200 people, 3.5%",
            ["one", "thousand", "two", "hundred", "people", "three", "point", "five", "percent"],
        ),
        ("the 1st and 22nd", ["the", "first", "and", "twenty", "second"]),
        ("Kangmin’s idea", ["kangmin", "idea"]),
        ("GOLD MEDAL!", ["gold", "medal"]),
        ("Q&A — rock/pop", ["q", "and", "a", "rock", "pop"]),
    ],
)
def test_normalise(text: str, words: list[str]) -> None:
    assert normalise(text) == words


def test_nothing_to_pair_is_an_error() -> None:
    timed = TimedTranscript([Cue(0.0, 1.0, "hello there", None)])
    with pytest.raises(PairingError, match=r"^x\.md: the segment has no transcript text to pair$"):
        pair_segment(Segment(slug="s", title="t"), timed, where="x.md")
    with pytest.raises(PairingError, match=r"^x\.md: the timed transcript has no words$"):
        pair_segment(QA, TimedTranscript([Cue(0.0, 1.0, "um uh", None)]), where="x.md")


def test_example_segments_exist() -> None:
    assert [Path(p).name for p in SEGMENTS] == [
        "interview-with-director-kyungjin-song.md",
        "lovesong-another-intimate-film-from-director-so-yong-kim.md",
    ]


def _timed_vtt(segment: Segment, path: Path) -> Path:
    """A WebVTT file of ``segment``'s words with the times of its spoken recording."""
    recording = record(segment.transcript, "clean")
    timed = replace(
        segment, transcript=align(segment.transcript, recording.timed).segment.transcript
    )
    path.write_text(transcript_vtt(timed) or "", encoding="utf-8")
    return path


def test_pair_files_reads_both_and_names_the_timed_file(tmp_path: Path) -> None:
    pairing = pair_files(SEGMENTS[0], _timed_vtt(QA, tmp_path / "qa.vtt"))
    assert pairing.coverage == 1.0
    end = pairing.segment.transcript[-1].end_seconds
    assert end is not None
    assert pairing.summary() == (
        f"coverage 100%, confidence 100%: 8 sections timed, 00:00:01.500 - {format_timecode(end, trim=True)}"
        ", speakers filled in for 8"  # the asker, "Host", from the timed file
    )
    other = _timed_vtt(LOVESONG, tmp_path / "other.vtt")
    with pytest.raises(PairingError) as caught:
        pair_files(SEGMENTS[0], other)
    assert str(caught.value).startswith(f"{other}: the timed transcript does not match {QA.slug} (")
    with pytest.raises(InputError, match=r"gone\.vtt: no such file$"):
        pair_files(SEGMENTS[0], tmp_path / "gone.vtt")


@pytest.mark.parametrize("label", ["Q", "SPEAKER_00", "Speaker 2", "spk_1", "Unknown"])
def test_placeholder_speakers_never_fill_in(label: str) -> None:
    cue = Cue(0.0, 4.0, "what motivated you to produce gold medal", label)
    rest = Cue(4.0, 9.0, "i often chat with kangmin about different projects over meals", label)
    sections = [
        Section(
            ["I often chat with Kangmin about different projects over meals."],
            question="What motivated you to produce Gold Medal?",
        )
    ]
    pairing = align(sections, TimedTranscript([cue, rest]))
    assert (pairing.segment.transcript[0].questioner, pairing.segment.transcript[0].speaker) == (
        None,
        None,
    )


# --- real files: the Podcasting 2.0 examples ------------------------------------------------------


def test_real_html_transcript_pairs_with_the_real_srt_of_its_episode(shared: Path) -> None:
    """The official example.html (turns with whole-second <time>s) and example.srt are one episode."""
    corpus = shared / "corpus" / "transcripts"
    html = read_transcript_file(corpus / "p20ns_example_transcript.html")
    edited = [replace(s, start_seconds=None, end_seconds=None) for s in html]
    pairing = align(edited, read_timed_file(corpus / "p20ns_example.srt"))
    assert pairing.coverage == 1.0
    for paired, shown in zip(pairing.segment.transcript, html, strict=True):
        assert shown.start_seconds is not None and paired.start_seconds is not None
        assert (
            shown.start_seconds <= paired.start_seconds < shown.start_seconds + 1
        )  # <time> floors


@pytest.mark.parametrize("other", ["p20ns_example.vtt", "p20ns_example_transcript.json"])
def test_real_transcripts_of_other_episodes_are_refused(shared: Path, other: str) -> None:
    corpus = shared / "corpus" / "transcripts"
    edited = read_transcript_file(corpus / "p20ns_example_transcript.html")
    with pytest.raises(PairingError, match="is it of another episode"):
        align(edited, read_timed_file(corpus / other), where=other)
