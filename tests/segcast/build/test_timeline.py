"""An intro keeps the timeline: chapter and transcript times follow the programme into the master.

A generated recording carries a marker tone at a known programme time; a generated intro goes in
front. The marker must be heard at that time plus the intro's effective length (its duration
less the crossfade), and every written form of every chapter and cue must say the same (within
one MP3 frame): the ID3 CHAP frames read back by ffprobe, the chapters JSON, the show notes in
the feed (parsed by feedparser), the episode page's media-fragment links, the WebVTT (webvtt-py),
SRT (srt) and JSON transcripts. The segment file keeps programme time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import srt
import webvtt
from lxml import html as lxml_html

from feeds.site import episode_page
from feeds.validate import validate_feed
from segcast.build import BuildReport, run_build
from segments.segmentfile import read_segment
from tests.audio import signals
from tests.audio.test_processing import decode, window_loudness
from tests.feeds.feedcheck import NS, parse_feed
from tests.segcast.showdir import SHOW_TOML, make_show

RATE = signals.RATE
#: The intro's length and the crossfade: the programme starts at INTRO - FADE in the master.
INTRO, FADE = 2.0, 0.5
#: The outro's length: it changes no time before it.
OUTRO = 2.0
SHIFT = INTRO - FADE
#: Where the marker tone starts in the recording (programme time), and the recording's length.
MARKER, LENGTH = 6.0, 12.0
#: One MP3 frame: how exactly a time can be placed in an MP3.
FRAME = 1152 / RATE

#: Programme-time chapters and transcript cues, as the producer writes them.
SEGMENT = """\
---
title: A conversation with a marker
published: 2016-04-05
chapters:
- start: '00:00:00'
  title: Opening
- start: '00:00:06'
  title: The marker
- start: '00:00:09'
  title: Close
soundbites:
- start: 6
  duration: 2.5
  title: The marker heard
---
A chat.

## Transcript

[00:00:00 - 00:00:06]

**John Horn:** Welcome to the show.

[00:00:06 - 00:00:12]

**So Yong Kim:** Here is the marker.
"""
PROGRAMME_CHAPTERS = [0.0, 6.0, 9.0]
PROGRAMME_CUES = [(0.0, 6.0), (6.0, 12.0)]
#: The soundbite's start and duration, programme time.
SOUNDBITE = (6.0, 2.5)


def recording(lead: float = 0.0, bed_dbfs: float = -60.0) -> signals.Samples:
    """Return a quiet bed with a 2 kHz marker tone from MARKER for one second.

    ``lead`` seconds of digital silence come first (the programme, with its times, after it).
    """
    bed = signals.noise(LENGTH, rms_dbfs=bed_dbfs)
    start = round(MARKER * RATE)
    marker = signals.tone(1.0, freq=2000.0, peak_dbfs=-12.0)
    bed[start : start + len(marker)] += marker
    return np.concatenate([signals.silence(lead), bed]).astype(np.float32) if lead else bed


def build_show(
    root: Path, toml: str, take: signals.Samples | None = None
) -> tuple[Path, BuildReport]:
    show = make_show(root, {"talk": SEGMENT}, toml=toml, durations={})
    (show / "raw").mkdir()
    signals.write_wav(show / "raw" / "talk.wav", recording() if take is None else take)
    signals.write_wav(show / "intro.wav", signals.tone(INTRO, freq=440.0, peak_dbfs=-30.0))
    signals.write_wav(show / "outro.wav", signals.tone(OUTRO, freq=660.0, peak_dbfs=-3.0))
    report = run_build(show, root / "out", environ={})
    assert report.problems == [], report.problems
    return show, report


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BuildReport]:
    root = tmp_path_factory.mktemp("timeline")
    toml = SHOW_TOML + (
        f'[audio]\nintro = "intro.wav"\noutro = "outro.wav"\ncrossfade_ms = {round(FADE * 1000)}\n'
    )
    show, report = build_show(root, toml)
    return show, root / "out", report


def marker_onset(path: Path, after: float = INTRO + 0.2) -> float:
    """Return when the marker starts in ``path``: the first 5 ms far louder than the bed."""
    samples = decode(path)[round(after * RATE) :]
    window = round(0.005 * RATE)
    blocks = samples[: len(samples) // window * window].reshape(-1, window)
    level = np.sqrt(np.mean(blocks**2, axis=1))
    bed = float(np.median(level[: round(2.0 / 0.005)]))
    loud = np.flatnonzero(level > 5 * bed)
    assert loud.size, "no marker found"
    return after + int(loud[0]) * window / RATE


def test_the_marker_is_heard_at_its_time_plus_the_shift(built: tuple[Path, Path, BuildReport]):
    _, out, report = built
    assert report.shifts == {"talk": pytest.approx(SHIFT)}
    onset = marker_onset(out / "talk.mp3")
    print(f"marker at {onset:.4f} s, expected {MARKER + SHIFT:.4f} s")
    assert onset == pytest.approx(MARKER + SHIFT, abs=FRAME)


def test_every_chapter_start_is_shifted_in_every_written_form(
    built: tuple[Path, Path, BuildReport],
) -> None:
    show, out, _ = built
    expected = [0.0] + [t + SHIFT for t in PROGRAMME_CHAPTERS]  # the intro's own chapter first
    # ID3 CHAP frames, as ffprobe reads them.
    probed = subprocess.run(
        [_ffprobe(), "-v", "error", "-show_chapters", "-of", "json", str(out / "talk.mp3")],
        capture_output=True,
        check=True,
    )
    chapters = json.loads(probed.stdout)["chapters"]
    assert [c["tags"]["title"] for c in chapters] == ["The Frame", "Opening", "The marker", "Close"]
    assert [float(c["start_time"]) for c in chapters] == pytest.approx(expected, abs=FRAME)
    # The Podcasting 2.0 chapters JSON.
    document = json.loads((out / "talk.chapters.json").read_text(encoding="utf-8"))
    starts = [c["startTime"] for c in document["chapters"]]
    assert starts == pytest.approx(expected, abs=FRAME)
    # The show notes' timestamps (whole seconds, as Spotify reads them).
    feed = parse_feed((out / "feed.xml").read_bytes())
    notes = feed.fp.entries[0].content[0].value
    for seconds, title in zip(
        expected, ["The Frame", "Opening", "The marker", "Close"], strict=True
    ):
        assert f"(00:{int(seconds):02d}) {title}" in notes
    # The episode page's chapter links into the audio.
    page = lxml_html.fromstring((out / episode_page("talk")).read_bytes())
    links = page.xpath("//a[contains(concat(' ', @class, ' '), ' seek ')]/@href")
    times = sorted({float(href.rpartition("#t=")[2]) for href in links if "#t=" in href})
    for seconds in expected[1:]:
        assert any(abs(t - seconds) <= FRAME for t in times), (seconds, times)
    assert not any(abs(t - 6.0) <= FRAME for t in times)  # no programme-time link left
    # The segment file still says programme time.
    on_disk = read_segment(show / "segments" / "talk.md")
    assert [c.start_seconds for c in on_disk.chapters] == PROGRAMME_CHAPTERS


def soundbites(out: Path) -> list[tuple[float, float, str | None]]:
    """Return the feed's podcast:soundbite elements, as lxml reads them (start, duration, title)."""
    feed = parse_feed((out / "feed.xml").read_bytes())
    (item,) = feed.items()
    return [
        (float(el.get("startTime")), float(el.get("duration")), el.text)
        for el in item.findall("podcast:soundbite", NS)
    ]


def test_the_soundbite_moves_with_the_programme(built: tuple[Path, Path, BuildReport]) -> None:
    show, out, _ = built
    # The marker plays where the soundbite says: the shift reaches it as it does the chapters.
    ((start, duration, title),) = soundbites(out)
    assert (start, duration, title) == (
        pytest.approx(SOUNDBITE[0] + SHIFT),
        2.5,
        "The marker heard",
    )
    assert marker_onset(out / "talk.mp3") == pytest.approx(start, abs=FRAME)
    # The validator reads it as a soundbite: too short for the namespace's 15 to 120 s, only.
    findings = validate_feed((out / "feed.xml").read_bytes(), "feed.xml", files=out)
    assert [f.rule for f in findings] == ["podcast-soundbite-duration-out-of-range"]
    on_disk = read_segment(show / "segments" / "talk.md")
    assert [(s.start_seconds, s.duration_seconds) for s in on_disk.soundbites] == [SOUNDBITE]


def test_every_transcript_cue_is_shifted(built: tuple[Path, Path, BuildReport]) -> None:
    _, out, _ = built
    expected = [(a + SHIFT, b + SHIFT) for a, b in PROGRAMME_CUES]
    vtt = webvtt.read(str(out / "talk.transcript.vtt"))
    got = [_clock(str(t)) for c in vtt for t in (c.start_time, c.end_time)]
    assert got == pytest.approx(_flat(expected), abs=FRAME)
    cues = list(srt.parse((out / "talk.transcript.srt").read_text(encoding="utf-8")))
    got = [t.total_seconds() for c in cues for t in (c.start, c.end)]
    assert got == pytest.approx(_flat(expected), abs=FRAME)
    document = json.loads((out / "talk.transcript.json").read_text(encoding="utf-8"))
    got = [s[key] for s in document["segments"] for key in ("startTime", "endTime")]
    assert got == pytest.approx(_flat(expected), abs=FRAME)


def test_intro_and_outro_are_levelled_to_the_programme_and_reported(
    built: tuple[Path, Path, BuildReport],
) -> None:
    _, out, report = built
    (master,) = report.masters
    # A quiet intro (-30 dBFS) and a loud outro (-3 dBFS) beside the programme, each measured
    # where it plays alone, by ebur128 run directly.
    intro = window_loudness(out / "talk.mp3", 0.2, SHIFT - 0.4)
    outro = window_loudness(out / "talk.mp3", SHIFT + LENGTH + 0.2, OUTRO - FADE - 0.4)
    print(f"intro {intro} LUFS, outro {outro} LUFS, whole {master.after.integrated_lufs} LUFS")
    assert master.intro_after is not None and master.outro_after is not None
    for measured, reported in ((intro, master.intro_after), (outro, master.outro_after)):
        assert abs(measured - master.after.integrated_lufs) <= 1.0
        assert abs(measured - reported.integrated_lufs) <= 0.5


def test_a_rebuild_changes_nothing(built: tuple[Path, Path, BuildReport], tmp_path: Path) -> None:
    show, out, _ = built
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    again = run_build(show, out, environ={})
    assert (again.problems, again.mastered, again.tagged) == ([], [], [])
    assert again.shifts == {"talk": pytest.approx(SHIFT)}
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_without_an_intro_nothing_moves(tmp_path: Path) -> None:
    _, report = build_show(tmp_path, SHOW_TOML)
    out = tmp_path / "out"
    assert report.shifts == {}
    assert marker_onset(out / "talk.mp3") == pytest.approx(MARKER, abs=FRAME)
    document = json.loads((out / "talk.chapters.json").read_text(encoding="utf-8"))
    assert [c["startTime"] for c in document["chapters"]] == pytest.approx(PROGRAMME_CHAPTERS)
    assert soundbites(out) == [(*SOUNDBITE, "The marker heard")]


def _flat(pairs: list[tuple[float, float]]) -> list[float]:
    return [t for pair in pairs for t in pair]


def _clock(text: str) -> float:
    """Return the seconds of a WebVTT timestamp, ``HH:MM:SS.mmm`` (as webvtt-py prints it)."""
    hours, minutes, seconds = text.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _ffprobe() -> str:
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("Debian's ffprobe is not installed (apt-get install ffmpeg)")
    return exe


def test_trimmed_leading_silence_moves_the_times_back(tmp_path: Path) -> None:
    # The recording starts with 2 s of silence, so programme time is recording time less 2 s
    # after trimming (less the 100 ms pad kept): the master says how far, the build follows.
    lead, pad = 2.0, 0.1
    toml = SHOW_TOML + '[audio]\nintro = "intro.wav"\ntrim_silence = true\n'
    segment = SEGMENT.replace("'00:00:06'", "'00:00:08'").replace("'00:00:09'", "'00:00:11'")
    show = make_show(tmp_path, {"talk": segment}, toml=toml, durations={})
    (show / "raw").mkdir()
    signals.write_wav(show / "raw" / "talk.wav", recording(lead, bed_dbfs=-40.0))
    signals.write_wav(show / "intro.wav", signals.tone(INTRO, freq=440.0, peak_dbfs=-30.0))
    report = run_build(show, tmp_path / "out", environ={})
    assert report.problems == []
    shift = SHIFT - (lead - pad)
    (master,) = report.masters
    assert master.trimmed_seconds is not None
    assert master.trimmed_seconds[0] == pytest.approx(lead - pad, abs=0.01)
    assert report.shifts == {"talk": pytest.approx(shift, abs=0.01)}
    out = tmp_path / "out"
    assert marker_onset(out / "talk.mp3") == pytest.approx(lead + MARKER + shift, abs=FRAME)
    document = json.loads((out / "talk.chapters.json").read_text(encoding="utf-8"))
    # The opening (at 0, in the silence cut) starts the file; the others moved with the audio.
    expected = [0.0, 8.0 + shift, 11.0 + shift]
    assert [c["startTime"] for c in document["chapters"]] == pytest.approx(expected, abs=FRAME)
    # A rebuild with the master up to date shifts by what the master recorded.
    again = run_build(show, out, environ={})
    assert (again.mastered, again.shifts) == ([], report.shifts)
