"""The one-command pipeline on a show folder: pages -> segments -> mastered, tagged audio -> OUT."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import mutagen.id3
import mutagen.mp4
import pytest
from lxml import etree

from audio.master import MasterSettings
from segcast.build import BuildReport, Problem, run_build, run_feed
from segcast.config import load_audio_settings, load_show
from segments.errors import InputError
from segments.segmentfile import read_segment
from tests.audio.signals import (
    reference_loudness,
    silence,
    speech_like,
    write_wav,
)
from tests.conftest import EXAMPLES, REPO
from tests.feeds.feedcheck import write_audio
from tests.golden import GOLDEN_NOW
from tests.segcast.showdir import SHOW_TOML, make_show, write_artwork

SEEDS = EXAMPLES / "the-frame" / "pages"
GOLDEN = REPO / "tests" / "feeds" / "golden" / "the-frame"
#: The slugs the import gives the two seed pages (gold-medal-kyungjin-song.txt, lovesong-...).
GOLD = "interview-with-director-kyungjin-song"
LOVESONG = "lovesong-another-intimate-film-from-director-so-yong-kim"
PINNED_TOML = SHOW_TOML + 'podcast_guid = "f88f128a-9d75-50be-9435-39e813badc62"\n'
NO_DATE = "no published date (front matter key 'published')"
NOTHING_READY = "no episode is ready (2 skipped, see the warnings); the previous feed stays"


def make_show_dir(root: Path, toml: str = PINNED_TOML) -> Path:
    """Write a show folder: show.toml, artwork, the two seed pages, raw audio for GOLD only.

    LOVESONG's audio is the producer's own MP3 in audio/ (no raw recording).
    """
    show = root / "show"
    (show / "pages").mkdir(parents=True)
    (show / "show.toml").write_text(toml, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    for page in sorted(SEEDS.iterdir()):
        shutil.copyfile(page, show / "pages" / page.name)
    write_audio(show / "audio" / f"{LOVESONG}.mp3", 2.0)
    (show / "raw").mkdir()
    write_wav(show / "raw" / f"{GOLD}.wav", speech_like(4.0, rms_dbfs=-26.0))
    return show


def date_segments(show: Path, day: str = "2016-08-18") -> None:
    """Give every segment file a published date, as the producer does after the first run."""
    for path in (show / "segments").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("---\n", f"---\npublished: '{day}'\n", 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Return each file's bytes and mtime."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def run(show: Path, *, strict: bool = True) -> BuildReport:
    """Build ``show`` into ``out`` beside it; strict: undated segments are problems, not dated."""
    return run_build(show, show.parent / "out", environ={}, strict=strict)


def segment_file(show: Path, slug: str) -> Path:
    return show / "segments" / f"{slug}.md"


def test_first_run_dates_undated_segments_at_their_first_publication(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    report = run(show, strict=False)
    assert report.problems == []
    assert [w.where for w in report.warnings] == [
        str(segment_file(show, GOLD)),
        str(segment_file(show, LOVESONG)),
    ]
    assert report.feed is not None and report.feed.episodes == 2
    dates = {slug: read_segment(segment_file(show, slug)).published for slug in (GOLD, LOVESONG)}
    assert all(date is not None for date in dates.values())
    again = run(show, strict=False)
    assert (again.problems, again.warnings) == ([], [])
    assert {s: read_segment(segment_file(show, s)).published for s in dates} == dates


def test_strict_first_run_imports_masters_tags_and_names_every_missing_date(
    tmp_path: Path,
) -> None:
    show = make_show_dir(tmp_path)
    report = run(show)
    assert report.imported == [segment_file(show, GOLD), segment_file(show, LOVESONG)]
    assert (report.mastered, report.skipped, report.tagged) == ([GOLD], [], [GOLD])
    # Each undated episode is skipped with a warning (its recording still mastered); with none
    # left to publish, no feed replaces the previous one.
    assert report.warnings == [
        Problem(str(segment_file(show, GOLD)), f"not published: {NO_DATE}"),
        Problem(str(segment_file(show, LOVESONG)), f"not published: {NO_DATE}"),
    ]
    assert report.not_ready == {GOLD: NO_DATE, LOVESONG: NO_DATE}
    assert report.problems == [Problem(str(show), NOTHING_READY)]
    assert report.feed is None
    assert not (tmp_path / "out").exists()
    segment = read_segment(segment_file(show, GOLD))
    assert segment.source is not None
    assert segment.source.path == "pages/gold-medal-kyungjin-song.txt"  # relative to the show
    assert segment.guid is not None  # stored before tagging: TGID must not change once published


def test_second_run_keeps_segment_files_and_masters_only_what_changed(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    run(show)
    before = snapshot(show / "segments")
    again = run(show)
    assert snapshot(show / "segments") == before  # bytes and mtime: not rewritten
    assert (again.imported, again.already_imported) == ([], 2)
    assert (again.mastered, again.skipped) == ([], [GOLD])
    later = (show / "audio" / f"{GOLD}.mp3").stat().st_mtime_ns + 1_000_000_000
    os.utime(show / "show.toml", ns=(later, later))  # touched: content decides, not mtimes
    assert run(show).mastered == []
    toml = show / "show.toml"
    toml.write_text(toml.read_text().replace("Movies, music", "Films, music"))
    described = run(show)
    assert (described.mastered, described.tagged) == ([], [])  # a description is not a tag
    toml.write_text(toml.read_text() + "[audio]\ntarget_lufs = -18\n")
    assert run(show).mastered == [GOLD]  # a setting that changes the master
    forced = run_build(show, tmp_path / "out", force=True, environ={})
    assert (forced.mastered, forced.skipped) == ([GOLD], [])


def test_built_show_is_uploadable_and_a_rebuild_changes_nothing(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    run(show)
    date_segments(show)
    report = run(show)
    assert (report.problems, report.warnings) == ([], [])
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            ".segcast-out",  # the marker: this folder is segcast's to replace whole
            "airtimes.ics",
            "artwork.jpg",
            "feed.xml",
            "index.html",
            "site.js",
            "style.css",
            f"{GOLD}.html",
            f"{GOLD}.mp3",
            f"{GOLD}.transcript.html",
            f"{LOVESONG}.html",
            f"{LOVESONG}.mp3",
            f"{LOVESONG}.transcript.html",
        ]
    )
    assert (out / "artwork.jpg").read_bytes() == (show / "artwork.jpg").read_bytes()
    assert (out / f"{LOVESONG}.mp3").read_bytes() == (
        show / "audio" / f"{LOVESONG}.mp3"
    ).read_bytes()

    mastered = out / f"{GOLD}.mp3"
    integrated, peak = reference_loudness(mastered)
    assert abs(integrated - -16.0) <= 0.5
    assert peak <= -1.0
    tags = mutagen.id3.ID3(mastered)
    assert str(tags["TIT2"]) == "Interview with Director Kyungjin Song"
    assert str(tags["TALB"]) == "The Frame"
    assert str(tags["TPE1"]) == "John Horn"
    assert str(tags["TGID"]) == read_segment(segment_file(show, GOLD)).guid
    assert tags.getall("APIC")[0].data[:3] == b"\xff\xd8\xff"

    feed = etree.fromstring((out / "feed.xml").read_bytes())
    enclosures = {e.get("url"): int(e.get("length")) for e in feed.iter("enclosure")}
    assert enclosures == {
        f"https://example.org/the-frame/{GOLD}.mp3": mastered.stat().st_size,
        f"https://example.org/the-frame/{LOVESONG}.mp3": (out / f"{LOVESONG}.mp3").stat().st_size,
    }

    segments, feed_bytes = snapshot(show / "segments"), (out / "feed.xml").read_bytes()
    again = run(show)
    assert (again.mastered, again.skipped, again.published) == ([], [GOLD], [])
    assert len(again.unchanged) == 3
    assert (out / "feed.xml").read_bytes() == feed_bytes
    assert snapshot(show / "segments") == segments


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("garbage", "is not an audio file ffmpeg can read (invalid data)"),
        ("silent", "is silent (loudness -inf LUFS); nothing to normalise"),
    ],
)
def test_bad_raw_audio_is_a_problem_and_the_other_segment_is_built(
    tmp_path: Path, case: str, message: str
) -> None:
    show = make_show_dir(tmp_path)
    raw = show / "raw" / f"{LOVESONG}.wav"
    if case == "garbage":
        raw.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 20)
    else:
        write_wav(raw, silence(2.0))
    report = run(show)
    assert Problem(str(raw), message) in report.problems
    assert (report.mastered, report.tagged) == ([GOLD], [GOLD])
    date_segments(show)
    report = run(show)
    assert report.problems == [Problem(str(raw), message)]
    assert report.feed is not None and report.feed.episodes == 2  # the producer's MP3 stays


def test_bad_pages_are_counted_and_the_good_ones_imported(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    (show / "pages" / "cover.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    shutil.copyfile(SEEDS / "gold-medal-kyungjin-song.txt", show / "pages" / "zz-again.txt")
    (show / "pages" / ".DS_Store").write_bytes(b"\x00\x01")
    report = run(show)
    assert report.imported == [segment_file(show, GOLD), segment_file(show, LOVESONG)]
    assert report.problems[:2] == [
        Problem(str(show / "pages" / "cover.txt"), "is a binary file (PNG image), not a page"),
        Problem(
            str(show / "pages" / "zz-again.txt"),
            f"slug '{GOLD}' is taken: {segment_file(show, GOLD)} exists "
            "(pages/gold-medal-kyungjin-song.txt); rename one of them",
        ),
    ]


def test_page_folders_and_broken_links_are_warned_of_not_skipped_silently(tmp_path: Path) -> None:
    # A producer who files pages by year saw "0 pages imported" and no reason why.
    show = tmp_path / "show"
    (show / "pages" / "2016").mkdir(parents=True)
    (show / "show.toml").write_text(PINNED_TOML, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    shutil.copyfile(SEEDS / "lovesong-so-yong-kim.txt", show / "pages" / "2016" / "a.txt")
    (show / "pages" / ".git").mkdir()
    (show / "pages" / "moved.txt").symlink_to(tmp_path / "gone.txt")
    report = run(show)
    assert report.imported == []
    assert report.warnings == [
        Problem(
            str(show / "pages" / "2016"),
            "not imported: a folder (pages are read from pages/ itself, not its subfolders)",
        ),
        Problem(str(show / "pages" / "moved.txt"), "not imported: a broken link"),
    ]


def test_a_typo_in_a_segment_file_is_reported_once_not_as_a_slug_clash(tmp_path: Path) -> None:
    # Before, the page behind the unreadable file was imported again and clashed with it:
    # "slug ... is taken ... rename one of them", advice that fixes nothing.
    show = tmp_path / "show"
    (show / "pages").mkdir(parents=True)
    (show / "show.toml").write_text(PINNED_TOML, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    shutil.copyfile(SEEDS / "lovesong-so-yong-kim.txt", show / "pages" / "lovesong.txt")
    assert run(show).imported == [segment_file(show, LOVESONG)]
    path = segment_file(show, LOVESONG)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\npublished: 2016-4-5\n", 1), encoding="utf-8")
    report = run(show)
    assert (report.imported, report.already_imported) == ([], 0)
    assert report.problems == [
        Problem(
            str(path),
            "published: expected an ISO 8601 date or date and time, got '2016-4-5'",
        )
    ]
    assert path.read_text(encoding="utf-8").startswith("---\npublished: 2016-4-5\n")


def test_raw_recordings_nobody_uses_are_warned_of(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    shutil.copyfile(show / "raw" / f"{GOLD}.wav", show / "raw" / "gold-medal.wav")
    (show / "raw" / f"{GOLD}.flac").write_bytes(b"fLaC")
    (show / "raw" / "notes.txt").write_text("not a recording")
    report = run(show)
    assert report.mastered == [GOLD]
    assert report.warnings[2:] == [
        Problem(str(show / "raw" / "gold-medal.wav"), "not mastered: no segment has that slug"),
        Problem(str(show / "raw" / f"{GOLD}.flac"), f"not mastered: {GOLD}.wav is the one used"),
    ]


def test_audio_settings_from_show_toml_master_mono_m4a(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path, PINNED_TOML + '[audio]\nformat = "m4a"\nmono = true\n')
    report = run(show)
    assert report.mastered == [GOLD]
    output = show / "audio" / f"{GOLD}.m4a"
    info = mutagen.mp4.MP4(output).info  # ffmpeg -i prints the tagged transcript, cut mid-UTF-8
    assert (info.sample_rate, info.channels) == (44100, 1)
    assert abs(reference_loudness(output)[0] - -19.0) <= 0.5  # the mono default target


def test_example_show_builds_the_golden_feed_and_changes_nothing(tmp_path: Path) -> None:
    show = tmp_path / "the-frame"
    shutil.copytree(EXAMPLES / "the-frame", show)
    # The golden build's moment: the live items depend on it.
    report = run_build(show, tmp_path / "out", environ={}, now=GOLDEN_NOW)
    assert (report.problems, report.warnings) == ([], [])
    assert (report.imported, report.mastered, report.tagged) == ([], [], [])
    assert (tmp_path / "out" / "feed.xml").read_bytes() == (GOLDEN / "feed.xml").read_bytes()
    site = ["index.html", "style.css", "site.js", "airtimes.ics"]
    site += [f"{p.stem}.html" for p in (show / "segments").glob("*.md")]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [p.name for p in GOLDEN.iterdir()] + ["artwork.jpg", ".segcast-out", *site]
    )
    for original in (EXAMPLES / "the-frame").rglob("*"):
        if original.is_file():
            copy = show / original.relative_to(EXAMPLES / "the-frame")
            assert copy.read_bytes() == original.read_bytes(), copy


# -- [audio] in show.toml --------------------------------------------------------------------


def _toml(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "show.toml"
    path.write_text(SHOW_TOML + extra, encoding="utf-8")
    write_artwork(tmp_path / "artwork.jpg")
    (tmp_path / "intro.wav").write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", MasterSettings()),
        (
            '[audio]\nformat = "m4a"\nmono = true\nbitrate = "96k"\ntarget_lufs = -18\n'
            "true_peak = -1.5\ncrossfade_ms = 300\ntrim_silence = true\n",
            MasterSettings(
                format="m4a",
                mono=True,
                bitrate_kbps=96,
                target_lufs=-18,
                true_peak_ceiling=-1.5,
                crossfade_ms=300,
                trim_silence=True,
            ),
        ),
        ("[audio]\nbitrate = 64\n", MasterSettings(bitrate_kbps=64)),
        (
            "[audio]\nleveler = true\nhighpass = 80\ndehum = 60\ndenoise = true\n"
            "dual_mono = true\n",
            MasterSettings(leveler=True, highpass_hz=80, dehum=60, denoise=True, dual_mono=True),
        ),
    ],
)
def test_audio_settings(tmp_path: Path, extra: str, expected: MasterSettings) -> None:
    path = _toml(tmp_path, extra)
    assert load_audio_settings(path) == expected
    assert load_show(path, {}).title == "The Frame"  # the [audio] table is not an unknown key


def test_audio_bumpers_are_relative_to_the_show_folder(tmp_path: Path) -> None:
    path = _toml(tmp_path, '[audio]\nintro = "intro.wav"\n')
    assert load_audio_settings(path).intro == tmp_path / "intro.wav"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('format = "ogg"', "audio.format: 'ogg' is not 'mp3' or 'm4a'"),
        ("target_lufs = -50", "audio.target_lufs: -50 LUFS is outside -40..-5"),
        ('target_lufs = "loud"', "audio.target_lufs: must be a number, not 'loud'"),
        ("true_peak = 1.0", "audio.true_peak: 1.0 dBTP is outside -10..0"),
        (
            'bitrate = "fast"',
            "audio.bitrate: bit rate 'fast' is not a number of kbit/s such as 128k",
        ),
        ("bitrate = 1000", "audio.bitrate: 1000 kbit/s is outside 32..320"),
        ("highpass = 5", "audio.highpass: 5 Hz is outside 20..300"),
        ("dehum = 55", "audio.dehum: must be 50 or 60 (Hz of the mains), not 55"),
        ('leveler = "on"', "audio.leveler: 'on' is not true or false"),
        ("crossfade_ms = 0.5", "audio.crossfade_ms: must be a whole number, not 0.5"),
        ('mono = "yes"', "audio.mono: 'yes' is not true or false"),
        ('outro = "outro.wav"', "audio.outro: no file at 'outro.wav'"),
        ("target = -16", "audio.target: unknown key; did you mean 'target_lufs'?"),
    ],
)
def test_audio_settings_errors_name_key_and_file(tmp_path: Path, extra: str, message: str) -> None:
    path = _toml(tmp_path, f"[audio]\n{extra}\n")
    with pytest.raises(Exception) as caught:
        load_audio_settings(path)
    assert str(caught.value) == f"{path}: {message}"


def test_audio_that_is_not_a_table(tmp_path: Path) -> None:
    path = _toml(tmp_path, "audio = 5\n")
    with pytest.raises(Exception) as caught:
        load_audio_settings(path)
    assert str(caught.value) == f"{path}: audio: must be a table: [audio] followed by its keys"


#: A producer's own segment file: a comment, no GUID, an untimed transcript with two topics.
PRODUCER_SEGMENT = """\
---
# checked with the guest on the phone
title: Two topics
published: '2016-08-18'
---
Two topics in one interview.

## Transcript

### The film

**Ann Lee:** We shot the whole film in a small village by the sea over one long summer.

### The music

**Ann Lee:** The songs were written by my brother after the shoot had ended completely.
"""

PRODUCER_VTT = """\
WEBVTT

00:00:00.000 --> 00:00:05.000
We shot the whole film in a small village by the sea over one long summer.

00:00:06.000 --> 00:00:11.000
The songs were written by my brother after the shoot had ended completely.
"""


def test_storing_a_new_guid_keeps_the_producers_file_and_stores_no_pairing(
    tmp_path: Path,
) -> None:
    show = tmp_path / "show"
    (show / "segments").mkdir(parents=True)
    (show / "show.toml").write_text(PINNED_TOML, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    path = show / "segments" / "two-topics.md"
    path.write_text(PRODUCER_SEGMENT, encoding="utf-8")
    (show / "transcripts").mkdir()
    (show / "transcripts" / "two-topics.vtt").write_text(PRODUCER_VTT, encoding="utf-8")
    write_audio(show / "audio" / "two-topics.mp3", 12.0)

    report = run(show)

    assert report.problems == [], report.problems
    guid = read_segment(path).guid
    assert guid is not None
    # Only the GUID line is new: the comment stays, and the pairing (times, chapters) stays in
    # memory, so a changed transcripts/two-topics.vtt still counts at the next build.
    assert path.read_text(encoding="utf-8") == PRODUCER_SEGMENT.replace(
        "---\n", f"---\nguid: {guid}\n", 1
    )
    assert "00:00:06" in (tmp_path / "out" / "two-topics.transcript.vtt").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("out", "message"),
    [
        (".", "would replace the show folder"),
        ("..", "would replace the show folder"),
        ("segments", "would replace the show's segments"),
        ("raw/public", "would replace the show's raw"),
    ],
)
def test_out_that_would_replace_the_show_or_its_sources_is_refused(
    tmp_path: Path, out: str, message: str
) -> None:
    show = make_show(tmp_path)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    with pytest.raises(InputError, match=message):
        run_build(show, show / out, environ={}, replace_out=True)  # --force
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("show.toml", "would replace the show's show.toml"),
        ("segments/lovesong.md", "would replace the show's segments"),
        ("artwork.jpg", "would replace the show's artwork.jpg"),
    ],
)
def test_feed_output_that_would_replace_a_source_file_is_refused(
    tmp_path: Path, output: str, message: str
) -> None:
    show = make_show(tmp_path)
    before = {p: p.read_bytes() for p in show.rglob("*") if p.is_file()}
    with pytest.raises(InputError, match=message):
        run_feed(show, show / output, environ={})
    assert {p: p.read_bytes() for p in show.rglob("*") if p.is_file()} == before
