"""Test helpers for the reliability cases: tree snapshots, a small disk, a real build subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import feedparser
import pytest

from segments.files import TEMP_PREFIX


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` (hidden ones too) by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def temps(*folders: Path) -> list[str]:
    """Return the segcast temp files and folders anywhere under ``folders``."""
    found: list[str] = []
    for folder in folders:
        if folder.is_dir():
            found += [str(p) for p in folder.rglob(f"{TEMP_PREFIX}*")]
    return sorted(found)


def assert_whole(out: Path) -> bytes:
    """Check ``out`` is a whole publication (every enclosure there at its stated length)."""
    feed = (out / "feed.xml").read_bytes()
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.entries
    for entry in parsed.entries:
        (enclosure,) = entry.enclosures
        name = enclosure.href.rsplit("/", 1)[1]
        assert (out / name).stat().st_size == int(enclosure.length), name
    return feed


def segcast(*args: str | Path, process_group: int | None = None) -> subprocess.Popen[bytes]:
    """Start ``segcast ARGS`` in a fresh interpreter (as the console script does).

    ``process_group`` 0 starts it in a new process group of its own (its PID is the group's).
    """
    return subprocess.Popen(
        [sys.executable, "-c", "from segcast.cli import main; main()", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SEGCAST_BASE_URL": ""},
        process_group=process_group,
    )


@contextmanager
def small_disk(folder: Path, size_kib: int) -> Iterator[Path]:
    """Mount a tmpfs of ``size_kib`` KiB at ``folder``; skip (saying why) where none can be."""
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("a small disk needs Linux's mount (the simulated full-disk tests still run)")
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (the simulated full-disk tests still run)")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(disk: Path, leave_bytes: int = 0) -> None:
    """Fill ``disk`` with one file until at most ``leave_bytes`` are free."""
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    # Full before the last byte is what we wanted.
    with (disk / "filler").open("wb") as handle, suppress(OSError):
        handle.write(b"\0" * max(0, free - leave_bytes))
