"""One chapter list per episode: front matter, a chapters file, or the paired transcript."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from segments.alignment import pair_segment
from segments.chapters import (
    MAX_CHAPTERS,
    MIN_CHAPTER_SECONDS,
    chapters_from_sections,
    episode_chapters,
    parse_chapter_line,
)
from segments.errors import InputError
from segments.model import Chapter, Section, Segment
from segments.segmentfile import format_segment, parse_segment, read_segment
from tests.conftest import EXAMPLES
from tests.segments.spoken import interview, record

SEGMENTS = EXAMPLES / "the-frame" / "segments"
QA = read_segment(SEGMENTS / "interview-with-director-kyungjin-song.md")
LOVESONG = read_segment(SEGMENTS / "lovesong-another-intimate-film-from-director-so-yong-kim.md")


def _paired(segment: Segment, kind: str = "clean") -> tuple[Segment, list[float]]:
    recording = record(segment.transcript, kind)
    edited = replace(segment, transcript=recording.sections, chapters=[])
    return pair_segment(edited, recording.timed).segment, recording.true_starts


def test_topic_headings_make_the_chapters() -> None:
    paired, starts = _paired(LOVESONG, "all")
    chapters = chapters_from_sections(paired.transcript, paired.title)
    headings = [s.heading for s in LOVESONG.transcript if s.heading]
    assert [c.title for c in chapters] == headings
    assert chapters[0].start_seconds == 0.0  # the opening belongs to the first chapter
    for chapter, start in zip(chapters[1:], starts[1:], strict=True):
        assert abs(chapter.start_seconds - start) <= 1.0


def test_questions_make_chapters_of_at_least_a_minute() -> None:
    paired, starts = _paired(QA, "misheard_words")
    chapters = chapters_from_sections(paired.transcript, paired.title)
    questions = [s.question for s in QA.transcript]
    assert 2 <= len(chapters) < len(questions)
    assert all(c.title in questions for c in chapters)
    assert chapters[0] == Chapter(0.0, questions[0])
    gaps = [b.start_seconds - a.start_seconds for a, b in itertools.pairwise(chapters)]
    assert min(gaps) >= MIN_CHAPTER_SECONDS
    for chapter in chapters[1:]:
        section = questions.index(chapter.title)
        assert abs(chapter.start_seconds - starts[section]) <= 1.0


def test_a_long_interview_gets_at_most_the_maximum() -> None:
    sections = interview(QA.transcript, 60)
    recording = record(sections, "clean")
    paired = pair_segment(Segment(slug="long", title="Long", transcript=sections), recording.timed)
    chapters = chapters_from_sections(paired.segment.transcript, "Long")
    assert len(chapters) == MAX_CHAPTERS
    starts = [c.start_seconds for c in chapters]
    assert starts == sorted(starts) and starts[0] == 0.0
    assert min(b - a for a, b in itertools.pairwise(starts)) >= MIN_CHAPTER_SECONDS


def test_late_first_chapter_gets_an_opening_chapter() -> None:
    sections = [
        Section(["Welcome."], start_seconds=0.0, end_seconds=90.0),
        Section(["a"], heading="One", start_seconds=90.0, end_seconds=200.0),
        Section(["b"], heading="Two", start_seconds=200.0, end_seconds=300.0),
    ]
    assert chapters_from_sections(sections, "The episode") == [
        Chapter(0.0, "The episode"),
        Chapter(90.0, "One"),
        Chapter(200.0, "Two"),
    ]


@pytest.mark.parametrize(
    "sections",
    [
        [],
        [Section(["untimed"], heading="One")],  # no times: nothing to point at
        [Section(["a"], heading="Only", start_seconds=0.0, end_seconds=60.0)],  # one is no list
        [Section(["a"], start_seconds=0.0, end_seconds=9.0)],  # neither headings nor questions
    ],
)
def test_no_chapters_without_times_or_titles(sections: list[Section]) -> None:
    assert chapters_from_sections(sections, "t") == []


def test_long_question_titles_are_cut_at_a_word() -> None:
    long = "What " + "really " * 20 + "happened?"
    sections = [
        Section(["a"], question="First?", start_seconds=0.0, end_seconds=100.0),
        Section(["b"], question=long, start_seconds=100.0, end_seconds=200.0),
    ]
    title = chapters_from_sections(sections)[1].title
    assert len(title) <= 80 and title.endswith("really…")


def test_front_matter_then_chapters_file_then_transcript() -> None:
    paired, _ = _paired(LOVESONG)
    from_file = [Chapter(0.0, "From the file"), Chapter(30.0, "Later")]
    assert next(c.title for c in episode_chapters(paired)) == "Getting into filmmaking"
    assert episode_chapters(paired, from_file) == from_file
    producer = replace(paired, chapters=[Chapter(0.0, "Mine"), Chapter(5.0, "Also mine")])
    assert [c.title for c in episode_chapters(producer, from_file)] == ["Mine", "Also mine"]
    assert episode_chapters(LOVESONG) == LOVESONG.chapters  # the example's own front matter


@pytest.mark.parametrize(
    ("line", "start", "title"),
    [
        ("00:41 Getting into filmmaking", 41.0, "Getting into filmmaking"),
        ("1:02:03 Late", 3723.0, "Late"),
        ("95 Credits", 95.0, "Credits"),
        ("12:34.5 – With a dash", 754.5, "With a dash"),
    ],
)
def test_chapter_lines(line: str, start: float, title: str) -> None:
    assert parse_chapter_line(line) == Chapter(start, title)


def test_chapter_lines_in_front_matter(tmp_path: Path) -> None:
    text = (
        "---\ntitle: T\nslug: t\nchapters:\n- '00:00 Opening'\n- '01:30 The film'\n"
        "- start: 200\n  title: Credits\n---\n"
    )
    segment = parse_segment(text, where="t.md")
    assert segment.chapters == [
        Chapter(0.0, "Opening"),
        Chapter(90.0, "The film"),
        Chapter(200.0, "Credits"),
    ]
    assert parse_segment(format_segment(segment), where="t.md").chapters == segment.chapters
    bad = text.replace("'01:30 The film'", "'The film'")
    with pytest.raises(InputError) as caught:
        parse_segment(bad, where="t.md")
    assert str(caught.value) == (
        "t.md: chapters[1]: expected 'MM:SS Title' or 'SECONDS Title', got 'The film'"
    )
