"""Chapters made from a paired transcript reach the MP3 (read back by ffprobe), the show notes
and the JSON chapters file: one chapter list, the same everywhere."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from audio.ffmpeg import run_ffmpeg
from audio.tags import tag_fields, write_tags
from feeds.chapters import chapters_json
from feeds.shownotes import show_notes
from segments.alignment import pair_segment
from segments.chapters import episode_chapters
from segments.model import Segment
from segments.segmentfile import read_segment
from segments.timecode import format_clock
from tests.conftest import EXAMPLES
from tests.segments.spoken import record

QA = EXAMPLES / "the-frame" / "segments" / "interview-with-director-kyungjin-song.md"


@pytest.fixture(scope="module")
def paired() -> Segment:
    segment = read_segment(QA)
    recording = record(segment.transcript, "all")
    result = pair_segment(segment, recording.timed).segment
    return replace(result, chapters=episode_chapters(result))


def test_one_list_from_the_questions(paired: Segment) -> None:
    questions = [s.question for s in paired.transcript]
    assert len(paired.chapters) >= 3
    assert [c.title in questions for c in paired.chapters] == [True] * len(paired.chapters)
    starts = {s.question: s.start_seconds for s in paired.transcript}
    assert [c.start_seconds for c in paired.chapters[1:]] == [
        starts[c.title] for c in paired.chapters[1:]
    ]


def test_chapters_reach_the_mp3(paired: Segment, tmp_path: Path) -> None:
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("Debian's ffprobe is not installed (apt-get install ffmpeg): no second reader")
    length = (paired.transcript[-1].end_seconds or 0.0) + 5
    mp3 = tmp_path / "episode.mp3"
    run_ffmpeg(
        [
            "-f",
            "lavfi",
            "-i",
            "anullsrc=r=22050:cl=mono",
            "-t",
            f"{length:.0f}",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "32k",
            mp3,
        ]
    )
    write_tags(mp3, tag_fields(paired, None), cover=None, chapters=paired.chapters)
    done = subprocess.run(
        [exe, "-v", "error", "-show_chapters", "-of", "json", mp3], capture_output=True, check=True
    )
    probed = json.loads(done.stdout)["chapters"]
    assert [c["tags"]["title"] for c in probed] == [c.title for c in paired.chapters]
    assert [float(c["start_time"]) for c in probed] == pytest.approx(
        [c.start_seconds for c in paired.chapters], abs=0.002
    )


def test_chapters_reach_show_notes_and_chapters_file(paired: Segment) -> None:
    notes = show_notes(paired, None)
    for chapter in paired.chapters:
        line = f"({format_clock(chapter.start_seconds, padded=True)}) "
        assert line in notes.content
    document = json.loads(chapters_json(paired) or "{}")
    assert [(c["startTime"], c["title"]) for c in document["chapters"]] == [
        (round(c.start_seconds, 3), c.title) for c in paired.chapters
    ]
