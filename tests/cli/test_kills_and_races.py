"""Real build subprocesses killed at random moments, and several at once on one show folder.

After SIGKILL or SIGTERM OUT is the old publication or the new one, whole; SIGTERM leaves no
temp file, and the next build removes what SIGKILL left. Concurrent builds wait for each other,
and the published GUIDs are always the ones stored in the segment files.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest

from segcast.build import run_build
from segcast.build.lock import show_lock
from segments.segmentfile import read_segment
from tests.audio.signals import speech_like, write_wav
from tests.cli.reliability import assert_whole, segcast, temps, tree
from tests.segcast.build.test_run_build import GOLD, LOVESONG, date_segments, make_show_dir

EPISODE_7 = b"<itunes:episode>7</itunes:episode>"
#: Seeded moments (seconds after the start) to kill at: reproducible, yet spread over the build.
TRIALS = 3
#: How long the killed build's own children (ffmpeg) may take to end after it died (seconds).
ORPHANS_END_WITHIN = 120


def _processes_in_group(pgid: int) -> list[int]:
    """Return the live (not zombie) processes of process group ``pgid``, from ``/proc``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # ended meanwhile
        state, _ppid, pgrp = text.rpartition(")")[2].split()[:3]
        if int(pgrp) == pgid and state != "Z":
            found.append(int(stat.parent.name))
    return found


def _wait_until_the_group_is_gone(pgid: int) -> None:
    """Wait until no process of the killed build's group runs any more.

    SIGKILL gives segcast no chance to stop its ffmpeg children: they run on as orphans and
    may still create or finish their temp file after the killed build died. What the killed
    build left is only known once they have ended, so the next build starts after that (it
    would otherwise race them, and a temp file made after its sweep belongs to the run after).
    """
    deadline = time.monotonic() + ORPHANS_END_WITHIN
    while (alive := _processes_in_group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive, f"the killed build's processes {alive} still run"


def _prepared(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], float]:
    """Return a show built once into OUT, OUT's tree, and how long that build took (seconds).

    The kill moments are shares of that time, so they fall inside the build on a busy machine too.
    """
    show = make_show_dir(tmp_path)
    date_segments(show)
    out = tmp_path / "out"
    started = time.perf_counter()
    process = segcast("build", show, "-o", out, "--jobs", "1")
    _, stderr = process.communicate(timeout=300)
    took = time.perf_counter() - started
    assert process.returncode == 0, stderr
    segment = show / "segments" / f"{LOVESONG}.md"
    segment.write_text(segment.read_text().replace("---\n", "---\nepisode: 7\n", 1))
    return show, out, tree(out), took


@pytest.mark.parametrize("seed", range(TRIALS))
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_build_killed_at_a_random_moment_publishes_old_or_new_whole(
    tmp_path: Path, signum: signal.Signals, seed: int
) -> None:
    show, out, before, took = _prepared(tmp_path)
    delay = random.Random(f"{signum.name}-{seed}").uniform(0.1, 0.7) * took
    # Its own process group: the children it leaves when killed can be waited for (below).
    process = segcast("build", show, "-o", out, "--force", "--jobs", "1", process_group=0)
    time.sleep(delay)
    process.send_signal(signum)  # to segcast alone, not its children
    _, stderr = process.communicate(timeout=300)
    _wait_until_the_group_is_gone(process.pid)

    feed = assert_whole(out)
    if EPISODE_7 not in feed:
        assert tree(out) == before, f"killed after {delay:.2f} s"
    if signum == signal.SIGTERM:
        # 143: unwound by segcast's handler; -15: killed while Python was still starting,
        # before segcast had started (and so before anything was written).
        assert process.returncode in (0, 143, -signal.SIGTERM), stderr
        assert b"Traceback" not in stderr, stderr
        assert temps(show, tmp_path) == [], f"SIGTERM after {delay:.2f} s left temp files"
    for segment in (show / "segments").glob("*.md"):
        assert read_segment(segment).guid  # every segment file whole, its GUID kept

    report = run_build(show, out, environ={})  # the next build completes and cleans up
    assert report.problems == [], report.problems
    assert EPISODE_7 in assert_whole(out)
    assert temps(show, tmp_path) == []


def _stored_guids(show: Path) -> dict[str, str]:
    guids = {}
    for path in (show / "segments").glob("*.md"):
        segment = read_segment(path)
        assert segment.guid is not None
        guids[segment.slug] = segment.guid
    return guids


@pytest.mark.parametrize("builds", [2, 3, 4])
def test_concurrent_builds_of_new_segments_publish_the_stored_guids(
    tmp_path: Path, builds: int
) -> None:
    show = make_show_dir(tmp_path)  # nothing imported yet: every build would assign GUIDs
    out = tmp_path / "out"
    processes = [segcast("build", show, "-o", out) for _ in range(builds)]
    results = [(p.communicate(timeout=120)[1].decode(), p.returncode) for p in processes]
    assert [code for _, code in results] == [0] * builds, results

    published = {entry.id for entry in feedparser.parse((out / "feed.xml").read_bytes()).entries}
    assert published == set(_stored_guids(show).values())
    assert len(published) == 2  # one GUID per segment, not one per build
    assert temps(show, tmp_path) == []


def test_a_build_waits_for_the_lock_and_says_so(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    with show_lock(show, command="import"):
        process = segcast("build", show, "-o", tmp_path / "out")
        assert process.stderr is not None
        line = process.stderr.readline().decode()
        assert "waiting for another segcast import of this show" in line, line
        assert not (tmp_path / "out").exists()
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert_whole(tmp_path / "out")


def test_no_wait_refuses_at_once_naming_the_holder(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    with show_lock(show, command="feed build"):
        process = segcast("build", show, "-o", tmp_path / "out", "--no-wait")
        _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    assert stderr.decode().splitlines() == [
        f"Error: {show}: another segcast feed build of this show is running (pid "
        f"{os.getpid()}); run again when it has finished"
    ]
    assert not (tmp_path / "out").exists()


def test_sigterm_to_the_process_group_while_masters_run_in_parallel(tmp_path: Path) -> None:
    """Ctrl-C or a service manager signals every process: the workers' masters unwind too."""
    show = make_show_dir(tmp_path)
    write_wav(show / "raw" / f"{LOVESONG}.wav", speech_like(60.0, rms_dbfs=-26.0))
    write_wav(show / "raw" / f"{GOLD}.wav", speech_like(60.0, rms_dbfs=-26.0))
    command = ["build", str(show), "-o", str(tmp_path / "out"), "--jobs", "2"]
    process = subprocess.Popen(
        [sys.executable, "-c", "from segcast.cli import main; main()", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not temps(show / "audio") and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # until a master is writing its temp file
    os.killpg(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=300)

    assert process.returncode == 143, stderr
    assert stderr.decode().splitlines()[-1] == (
        "Error: terminated (SIGTERM); nothing was half-written"
    )
    assert b"Traceback" not in stderr
    assert not (tmp_path / "out").exists()
    assert temps(show, tmp_path) == []
