"""OUT is published whole or not at all; one build per show folder; killed builds harm nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from segcast.build import run_build
from segcast.build.lock import show_lock
from segcast.build.staging import MARKER, Staging, exchange
from segments.errors import InputError
from tests.cli.reliability import assert_whole
from tests.segcast.build.test_run_build import GOLD, LOVESONG, date_segments, make_show_dir


def build(show: Path, out: Path, **options: bool) -> None:
    report = run_build(show, out, environ={}, **options)
    assert report.problems == [], report.problems
    assert report.feed is not None


def assert_complete(out: Path, *, leftovers: bool = False) -> bytes:
    """Check ``out`` is a whole publication (``tests.cli.reliability.assert_whole``) and, unless
    ``leftovers`` (a killed build's staging folder may still lie beside it), nothing else beside it.
    """
    feed = assert_whole(out)
    if not leftovers:
        assert not [p for p in out.parent.iterdir() if ".segcast-" in p.name]
    return feed


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    (tmp_path / "b" / "x").write_text("b")
    if not exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("this system cannot exchange folders atomically (the two-rename path is used)")
    assert (tmp_path / "a" / "x").read_text() == "b"
    assert (tmp_path / "b" / "x").read_text() == "a"


def test_unchanged_files_keep_their_inode_and_share_none_with_the_show(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "out"
    build(show, out)
    first = {p.name: p.stat() for p in out.iterdir()}
    build(show, out)
    second = {p.name: p.stat() for p in out.iterdir()}
    assert first.keys() == second.keys()
    for name, stat in second.items():
        assert (stat.st_ino, stat.st_mtime_ns) == (first[name].st_ino, first[name].st_mtime_ns), (
            name
        )
    sources = {p.stat().st_ino for p in show.rglob("*") if p.is_file()}
    assert not sources & {stat.st_ino for stat in second.values()}
    # Re-tagging the mastered file in the show folder never reaches the published copy.
    published = (out / f"{GOLD}.mp3").read_bytes()
    with (show / "audio" / f"{GOLD}.mp3").open("r+b") as handle:
        handle.seek(20)
        handle.write(b"edited")
    assert (out / f"{GOLD}.mp3").read_bytes() == published


def test_outputs_of_a_deleted_segment_leave_out(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "out"
    build(show, out)
    assert (out / f"{LOVESONG}.mp3").exists()
    (show / "segments" / f"{LOVESONG}.md").unlink()
    (show / "pages" / "lovesong-so-yong-kim.txt").unlink()
    build(show, out)
    assert not [p.name for p in out.iterdir() if p.name.startswith(LOVESONG)]
    assert_complete(out)


def test_a_folder_that_is_not_ours_is_replaced_only_when_forced(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    with pytest.raises(InputError, match="not empty and not a segcast output folder"):
        run_build(show, out, environ={})
    assert (out / "thesis.docx").read_bytes() == b"years of work"
    build(show, out, replace_out=True)
    assert (out / MARKER).is_file()
    assert not (out / "thesis.docx").exists()


def test_a_second_build_of_the_same_show_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    with show_lock(show), pytest.raises(InputError) as caught:
        run_build(show, tmp_path / "out", environ={}, wait=False)
    assert f"another segcast build of this show is running (pid {os.getpid()})" in str(caught.value)
    assert not (tmp_path / "out").exists()
    build(show, tmp_path / "out")  # the lock went with its holder


def test_a_failed_build_swaps_nothing_in(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "out"
    build(show, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (show / "segments" / "broken.md").write_text("---\ntitle: [unclosed\n---\n")
    report = run_build(show, out, environ={})
    assert report.feed is None and report.problems
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_staging_leftovers_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = tmp_path / ".segcast-tmp-99999999-out.staging"
    stale.mkdir()
    (stale / "feed.xml").write_text("half")
    with Staging(out) as staging:
        assert not stale.exists()
        staging.add_bytes("feed.xml", "<rss/>")
        staging.commit()
    assert (out / "feed.xml").read_text() == "<rss/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


EPISODE_7 = b"<itunes:episode>7</itunes:episode>"


def _segcast(*args: str | Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "from segcast.cli import main; main()", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SEGCAST_BASE_URL": ""},
    )


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 2.5, 4.0])
def test_a_build_killed_at_any_moment_leaves_the_previous_out_whole(
    tmp_path: Path, delay: float
) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "out"
    build(show, out)
    previous = assert_complete(out)
    # Something to do on the next build (--force masters again) and a visible change to the feed.
    segment = show / "segments" / f"{LOVESONG}.md"
    segment.write_text(segment.read_text().replace("---\n", "---\nepisode: 7\n", 1))
    process = _segcast("build", show, "-o", out, "--force")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    feed = assert_complete(
        out, leftovers=True
    )  # the old OUT, or the new one if the build had finished
    assert feed == previous or EPISODE_7 in feed
    build(show, out)  # the next build goes through and clears the leftovers
    assert EPISODE_7 in assert_complete(out)


@pytest.mark.slow
def test_two_concurrent_builds_leave_one_whole_out(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "out"
    first, second = _segcast("build", show, "-o", out), _segcast("build", show, "-o", out)
    results = [(p.communicate(timeout=120)[1].decode(), p.returncode) for p in (first, second)]
    # The second waits for the first (the lock), then builds on what the first published.
    assert [code for _, code in results] == [0, 0], results
    assert_complete(out)


def test_an_out_that_is_a_file_is_one_clear_error_and_stays(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "notes.txt"
    out.write_text("mine")
    with pytest.raises(InputError) as caught:
        run_build(show, out, environ={})
    assert str(caught.value) == f"{out}: is a file, not a folder to publish into"
    assert out.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir() if ".segcast-" in p.name) == []
