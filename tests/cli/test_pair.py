"""``segcast pair`` and the build's own pairing of ``transcripts/<slug>.*``: times, chapters, refusals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import srt
from click.testing import CliRunner

from segcast.build import run_build
from segcast.cli import cli
from segments.segmentfile import read_segment
from segments.timedtext import Cue
from tests.conftest import EXAMPLES
from tests.segments.spoken import record

SEGMENTS = EXAMPLES / "the-frame" / "segments"
GOLD = "interview-with-director-kyungjin-song"
LOVESONG = "lovesong-another-intimate-film-from-director-so-yong-kim"


def write_srt(cues: list[Cue], path: Path) -> Path:
    """Write timed cues as SRT with the ``srt`` library (an independent writer)."""
    subtitles = [
        srt.Subtitle(
            index=n,
            start=srt.timedelta(seconds=cue.start or 0.0),
            end=srt.timedelta(seconds=cue.end or (cue.start or 0.0) + 1.0),
            content=f"{cue.speaker}: {cue.text}" if cue.speaker else cue.text,
        )
        for n, cue in enumerate(cues, 1)
    ]
    path.write_text(srt.compose(subtitles), encoding="utf-8")
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], obj={})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def gold(tmp_path: Path) -> tuple[Path, Path, list[float]]:
    """A copy of the example's Q&A segment and a damaged SRT of its "audio", true starts."""
    segment = shutil.copy(SEGMENTS / f"{GOLD}.md", tmp_path / f"{GOLD}.md")
    recording = record(read_segment(Path(segment)).transcript, "fillers")
    timed = write_srt(recording.timed.cues, tmp_path / f"{GOLD}.srt")
    return Path(segment), timed, recording.true_starts


def test_pair_stores_section_times_and_keeps_the_words(
    gold: tuple[Path, Path, list[float]],
) -> None:
    segment, timed, true_starts = gold
    before = read_segment(segment)
    code, stdout, stderr = run("pair", segment, timed, "--json")
    assert (code, stderr) == (0, "")
    report = json.loads(stdout)
    assert report["coverage"] > 0.9 and report["stored"] is True
    starts = [s["start_seconds"] for s in report["sections"]]
    assert starts == pytest.approx(true_starts, abs=1.0)
    after = read_segment(segment)
    assert [s.start_seconds for s in after.transcript] == pytest.approx(true_starts, abs=1.0)
    assert [(s.question, s.paragraphs) for s in after.transcript] == [
        (s.question, s.paragraphs) for s in before.transcript
    ]


def test_pair_refuses_another_episodes_transcript_and_leaves_the_file(
    gold: tuple[Path, Path, list[float]], tmp_path: Path
) -> None:
    segment, _, _ = gold
    other = record(read_segment(SEGMENTS / f"{LOVESONG}.md").transcript, "clean")
    wrong = write_srt(other.timed.cues, tmp_path / "other.srt")
    before = segment.read_bytes()
    code, stdout, stderr = run("pair", segment, wrong)
    assert (code, stdout) == (1, "")
    (line,) = stderr.splitlines()
    assert line.startswith(f"Error: {wrong}: the timed transcript does not match {GOLD}")
    assert line.endswith("is it of another episode?")
    assert segment.read_bytes() == before


def test_the_build_pairs_transcripts_and_publishes_times_and_chapters(tmp_path: Path) -> None:
    show = tmp_path / "the-frame"
    shutil.copytree(EXAMPLES / "the-frame", show)
    recording = record(read_segment(show / "segments" / f"{GOLD}.md").transcript, "misheard_words")
    (show / "transcripts").mkdir()
    write_srt(recording.timed.cues, show / "transcripts" / f"{GOLD}.srt")
    source = (show / "segments" / f"{GOLD}.md").read_bytes()
    report = run_build(show, tmp_path / "out", environ={})
    assert report.problems == [], report.problems
    assert (show / "segments" / f"{GOLD}.md").read_bytes() == source  # paired in memory only
    out = tmp_path / "out"
    vtt = (out / f"{GOLD}.transcript.vtt").read_text(encoding="utf-8")
    assert "<v Kyungjin Song>" in vtt
    chapters = json.loads((out / f"{GOLD}.chapters.json").read_text(encoding="utf-8"))
    starts = [c["startTime"] for c in chapters["chapters"]]
    assert starts[0] == 0 and starts == sorted(starts) and len(starts) >= 3
    for start in starts[1:]:
        assert min(abs(start - t) for t in recording.true_starts) <= 1.0
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert f"{GOLD}.chapters.json" in feed and f"{GOLD}.transcript.vtt" in feed
