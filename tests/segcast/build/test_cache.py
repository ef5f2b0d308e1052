"""The build cache: a rebuild redoes only what changed, reads no audio file, survives corruption."""

from __future__ import annotations

import shutil
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

import pytest

import segcast.build.cache
import segcast.build.check
import segcast.build.feed
import segcast.build.master
import segcast.build.tag
from segcast.build import BuildReport, run_build
from segcast.build.cache import CACHE_NAME
from segcast.build.lock import STATE_DIR
from tests.audio.signals import speech_like, write_wav
from tests.segcast.build.test_run_build import GOLD, LOVESONG, date_segments, make_show_dir


def build(show: Path, **options: object) -> BuildReport:
    report = run_build(show, show.parent / "out", environ={}, **options)  # type: ignore[arg-type]
    assert report.problems == [], report.problems
    return report


def forbid(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{name} was called on a no-change rebuild")

    monkeypatch.setattr(module, name, refuse)


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_a_no_change_rebuild_does_no_audio_work_and_reads_no_audio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    first = build(show)
    assert first.mastered == [GOLD]
    audio, out = stamps(show / "audio"), stamps(tmp_path / "out")
    feed = (tmp_path / "out" / "feed.xml").read_bytes()
    forbid(monkeypatch, segcast.build.master, "master")  # no master
    forbid(monkeypatch, segcast.build.tag, "tag_episode")  # no tag written
    forbid(monkeypatch, segcast.build.feed, "read_media_facts")  # no audio file opened
    forbid(monkeypatch, segcast.build.cache, "file_hash")  # no file read to hash it
    forbid(monkeypatch, segcast.build.check, "validate_feed")  # the same feed: checked before
    again = build(show)
    assert (again.mastered, again.skipped, again.tagged) == ([], [GOLD], [])
    assert again.tags_unchanged == [GOLD]
    assert (again.built, again.unchanged_episodes) == ([], [GOLD, LOVESONG])
    assert stamps(show / "audio") == audio  # the MP3 was not rewritten: its mtime stays
    assert stamps(tmp_path / "out") == out
    assert (tmp_path / "out" / "feed.xml").read_bytes() == feed
    assert [f.rule for f in again.findings] == [f.rule for f in first.findings]


def test_a_summary_edit_retags_that_episode_and_masters_nothing(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    build(show)
    segment = show / "segments" / f"{GOLD}.md"
    text = segment.read_text(encoding="utf-8")
    assert "In Gold Medal," in text
    segment.write_text(text.replace("In Gold Medal,", "In Gold Medal (2024),", 1), encoding="utf-8")
    report = build(show)
    assert (report.mastered, report.tagged) == ([], [GOLD])
    assert report.built == [GOLD]
    again = build(show)
    assert (again.mastered, again.tagged) == ([], [])


def test_a_changed_recording_is_mastered_again_the_other_not(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    write_wav(show / "raw" / f"{LOVESONG}.wav", speech_like(3.0, rms_dbfs=-24.0))
    date_segments(show)
    assert sorted(build(show).mastered) == [GOLD, LOVESONG]
    write_wav(show / "raw" / f"{LOVESONG}.wav", speech_like(3.5, rms_dbfs=-22.0))
    report = build(show)
    assert (report.mastered, report.skipped) == ([LOVESONG], [GOLD])


@pytest.mark.parametrize("damage", ["garbage", "truncated", "deleted"])
def test_a_broken_or_missing_cache_is_detected_and_rebuilt(tmp_path: Path, damage: str) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    build(show)
    cache = show / STATE_DIR / CACHE_NAME
    if damage == "garbage":
        cache.write_bytes(b"not a database" * 100)
    elif damage == "truncated":
        cache.write_bytes(cache.read_bytes()[:100])
    else:
        cache.unlink()
    for leftover in (show / STATE_DIR).glob(f"{CACHE_NAME}-*"):
        leftover.unlink()
    report = build(show)
    assert report.mastered == [GOLD]  # nothing vouched for the master: made again
    notes = [w.message for w in report.warnings if "cache" in w.message]
    if damage == "deleted":
        assert notes == []  # nothing to say: a first build of this folder, as far as it knows
    else:
        (note,) = notes
        assert note.startswith(f"the build cache {cache} was unreadable (")
        assert note.endswith("); it was made anew")
    assert build(show).mastered == []


def test_parallel_masters_give_the_same_files_as_one_at_a_time(tmp_path: Path) -> None:
    shows = []
    for name in ("serial", "parallel"):
        show = make_show_dir(tmp_path / name)
        write_wav(show / "raw" / f"{LOVESONG}.wav", speech_like(3.0, rms_dbfs=-24.0))
        date_segments(show)
        shows.append(show)
    one = build(shows[0], jobs=1)
    two = build(shows[1], jobs=2)
    assert one.mastered == two.mastered == [GOLD, LOVESONG]
    for slug in (GOLD, LOVESONG):
        serial = (shows[0] / "audio" / f"{slug}.mp3").read_bytes()
        parallel = (shows[1] / "audio" / f"{slug}.mp3").read_bytes()
        assert len(serial) == len(parallel)


def test_another_executor_runs_the_same_jobs(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    write_wav(show / "raw" / f"{LOVESONG}.wav", speech_like(3.0, rms_dbfs=-24.0))
    date_segments(show)
    made: list[int] = []

    def threads(workers: int) -> Executor:
        made.append(workers)
        return ThreadPoolExecutor(max_workers=workers)

    report = build(show, jobs=2, executor=threads)
    assert made == [2]
    assert report.mastered == [GOLD, LOVESONG]


def test_a_failed_job_is_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    (show / "raw" / f"{LOVESONG}.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 20)
    date_segments(show)
    report = run_build(show, tmp_path / "out", environ={}, jobs=2)
    assert report.mastered == [GOLD]
    assert [p.where for p in report.problems] == [str(show / "raw" / f"{LOVESONG}.wav")]
    assert report.failed == [LOVESONG]
    assert report.feed is not None  # the producer's MP3 of that episode is still published
    shutil.rmtree(tmp_path / "out")
