"""A full disk is an error, never an exit 0, and what was published before stays byte for byte.

On a real small disk (a tmpfs, where the test may mount one) and, everywhere, on a write layer
patched to fail the way a full disk does (ENOSPC from fsync, a short copy).
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio.master import check_encoded
from segcast.build import run_build, run_feed
from segcast.cli import cli
from segments.errors import AudioError
from tests.audio.signals import speech_like, write_wav
from tests.cli.reliability import assert_whole, fill, small_disk, temps, tree
from tests.feeds.feedcheck import write_audio
from tests.segcast.build.test_run_build import GOLD, LOVESONG, date_segments, make_show_dir

NO_SPACE = os.strerror(errno.ENOSPC)


@contextmanager
def full_at_fsync(monkeypatch: pytest.MonkeyPatch, failing: int) -> Iterator[None]:
    """Make the ``failing``-th ``os.fsync`` from now on fail as a full disk does (ENOSPC)."""
    real_fsync = os.fsync
    calls = 0

    def fsync(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == failing:
            raise OSError(errno.ENOSPC, NO_SPACE)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    try:
        yield
    finally:
        monkeypatch.setattr(os, "fsync", real_fsync)


def _built(tmp_path: Path, out: Path) -> Path:
    """Return a dated show folder built once into ``out``, with an edit the next build publishes."""
    show = make_show_dir(tmp_path)
    date_segments(show)
    report = run_build(show, out, environ={})
    assert report.problems == [] and report.feed is not None, report.problems
    segment = show / "segments" / f"{LOVESONG}.md"
    segment.write_text(segment.read_text().replace("---\n", "---\nepisode: 7\n", 1))
    return show


@pytest.mark.parametrize("suffix", [".mp3", ".m4a"])
def test_audio_master_onto_a_full_disk_fails_and_leaves_no_file(
    tmp_path: Path, suffix: str
) -> None:
    source = tmp_path / "in.wav"
    write_wav(source, speech_like(12.0, rms_dbfs=-24.0))
    with small_disk(tmp_path / "disk", 96) as disk:
        output = disk / f"e{suffix}"
        result = CliRunner().invoke(cli, ["audio", "master", str(source), "-o", str(output)])
        assert result.exit_code == 1, result.output
        assert f"Error: {output}: cannot write: {NO_SPACE}" in result.output
        assert list(disk.iterdir()) == []  # neither the truncated file nor a temp file


def test_audio_tag_on_a_full_disk_fails_and_the_file_stays(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 256) as disk:
        episode = disk / "e.mp3"
        write_audio(episode, 6.0)
        segment = tmp_path / "e.md"
        segment.write_text("---\ntitle: An episode\n---\nWhat it is about.\n")
        before = episode.read_bytes()
        fill(disk)
        result = CliRunner().invoke(cli, ["audio", "tag", str(episode), "--segment", str(segment)])
        assert result.exit_code == 1, result.output
        assert f"Error: {episode}: cannot write: {NO_SPACE}" in result.output
        assert episode.read_bytes() == before
        assert sorted(p.name for p in disk.iterdir()) == ["e.mp3", "filler"]


def test_a_build_onto_a_full_disk_fails_and_out_stays_byte_for_byte(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        out = disk / "out"
        show = _built(tmp_path, out)
        before = tree(disk)
        fill(disk)
        before["filler"] = (disk / "filler").read_bytes()

        result = CliRunner().invoke(cli, ["build", str(show), "-o", str(out)])

        assert result.exit_code == 1, result.output
        assert NO_SPACE in result.output
        assert tree(disk) == before
        assert temps(disk) == []
        (disk / "filler").unlink()
        assert CliRunner().invoke(cli, ["build", str(show), "-o", str(out)]).exit_code == 0
        assert b"<itunes:episode>7</itunes:episode>" in assert_whole(out)


def test_feed_build_onto_a_full_disk_keeps_the_previous_feed(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        show = _built(tmp_path, tmp_path / "out")
        feed = disk / "feed.xml"
        assert CliRunner().invoke(cli, ["feed", "build", str(show), "-o", str(feed)]).exit_code == 0
        previous = feed.read_bytes()
        (show / "segments" / f"{LOVESONG}.md").write_text(
            (show / "segments" / f"{LOVESONG}.md").read_text() + "\n" + "More notes. " * 2000
        )
        fill(disk)

        result = CliRunner().invoke(cli, ["feed", "build", str(show), "-o", str(feed)])

        assert result.exit_code == 1, result.output
        assert NO_SPACE in result.output
        assert feed.read_bytes() == previous
        assert temps(disk) == []


# -- the same failures simulated, so they are tested wherever the suite runs --------------------


def test_enospc_at_every_flush_of_a_build_leaves_out_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fail the 1st, 2nd, ... fsync of a rebuild (a delayed-allocation disk reports ENOSPC there)."""
    out = tmp_path / "out"
    show = _built(tmp_path, out)
    before = tree(out)
    failures = 0
    for failing in range(1, 60):
        with full_at_fsync(monkeypatch, failing):
            report = run_build(show, out, environ={})
        if report.feed is not None:
            # The build went through: every flush before the swap was done (a failure of the
            # last one, of OUT's parent folder after the swap, changes nothing published).
            assert report.problems == [], report.problems
            break
        failures += 1
        assert any(NO_SPACE in problem.message for problem in report.problems), report.problems
        assert tree(out) == before, failing
        assert temps(tmp_path) == [], failing
    assert failures >= 3  # the feed, its companions and the pages were each flushed
    assert b"<itunes:episode>7</itunes:episode>" in assert_whole(out)


@pytest.mark.parametrize(
    ("copied", "failure"),
    [("audio", "short"), ("artwork", "short"), ("audio", "denied"), ("artwork", "denied")],
)
def test_a_short_or_refused_copy_into_staging_is_an_error_and_out_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copied: str, failure: str
) -> None:
    out = tmp_path / "out"
    show = _built(tmp_path, out)
    (show / "artwork.jpg").write_bytes((show / "artwork.jpg").read_bytes() + b"\0")
    write_audio(show / "audio" / f"{LOVESONG}.mp3", 2.5)  # both must be copied anew
    before = tree(out)
    real_copy: Callable[..., object] = shutil.copy2

    def failing_copy(source: Path, target: Path) -> None:
        if failure == "denied" and Path(source).suffix == (".mp3" if copied == "audio" else ".jpg"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real_copy(source, target)
        if Path(source).suffix == (".mp3" if copied == "audio" else ".jpg"):
            os.truncate(target, os.path.getsize(target) // 2)

    monkeypatch.setattr(shutil, "copy2", failing_copy)
    report = run_build(show, out, environ={})
    assert report.feed is None
    said = "bytes copied" if failure == "short" else os.strerror(errno.EACCES)
    assert any(said in problem.message for problem in report.problems), report.problems
    assert tree(out) == before
    assert temps(tmp_path) == []


def test_a_truncated_encode_is_refused_before_it_is_renamed_into_place(tmp_path: Path) -> None:
    path = tmp_path / "e.mp3"
    write_audio(path, 6.0)
    check_encoded(path, "mp3", 64, 6.0, path)  # the whole file passes
    os.truncate(path, path.stat().st_size // 2)
    with pytest.raises(AudioError, match="the encoded file is incomplete"):
        check_encoded(path, "mp3", 64, 6.0, path)


def test_enospc_at_every_flush_of_feed_build_leaves_feed_and_companions_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show = _built(tmp_path, tmp_path / "out")
    published = tmp_path / "published"
    assert run_feed(show, published / "feed.xml", environ={}).feed is not None
    (show / "segments" / f"{LOVESONG}.md").write_text(
        (show / "segments" / f"{LOVESONG}.md").read_text() + "\nA new paragraph.\n"
    )
    before = tree(published)
    for failing in range(1, 40):
        with full_at_fsync(monkeypatch, failing):
            report = run_feed(show, published / "feed.xml", environ={})
        if report.feed is not None:
            break
        assert any(NO_SPACE in problem.message for problem in report.problems), report.problems
        assert tree(published) == before, failing  # not one companion replaced
        assert temps(tmp_path) == [], failing
    assert failing > 3
    assert tree(published) != before


def test_a_directory_in_place_of_a_companion_file_keeps_the_previous_feed(tmp_path: Path) -> None:
    show = _built(tmp_path, tmp_path / "out")
    feed = tmp_path / "published" / "feed.xml"
    assert run_feed(show, feed, environ={}).feed is not None
    (show / "segments" / f"{LOVESONG}.md").write_text(
        (show / "segments" / f"{LOVESONG}.md").read_text() + "\nA new paragraph.\n"
    )
    chapters = next(feed.parent.glob("*.transcript.html"))
    chapters.unlink()
    chapters.mkdir()
    before = tree(feed.parent)

    result = CliRunner().invoke(cli, ["feed", "build", str(show), "-o", str(feed)])

    assert result.exit_code == 1
    assert f"Error: {chapters}: is a directory, not a file to write" in result.output
    assert tree(feed.parent) == before


def test_a_directory_where_the_mastered_file_goes_is_one_error_and_out_stays(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    show = _built(tmp_path, out)
    mastered = show / "audio" / f"{GOLD}.mp3"
    mastered.unlink()
    mastered.mkdir()
    before = tree(out)

    result = CliRunner().invoke(cli, ["build", str(show), "-o", str(out), "--force"])

    assert result.exit_code == 1
    assert f"Error: {mastered}: is a directory, not a file to write" in result.output
    assert "Traceback" not in result.output
    assert tree(out) == before
    assert temps(tmp_path) == []
