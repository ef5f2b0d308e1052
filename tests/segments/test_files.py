"""Atomic writes: whole or nothing, never a stray temp file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from segments.errors import InputError
from segments.files import (
    TEMP_PREFIX,
    atomic_output,
    input_file,
    open_input,
    read_input,
    remove_stale_temps,
    temp_prefix,
    write_atomic,
)


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "feed.xml"
    target.write_text("old")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]


def test_failure_keeps_previous_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "episode.mp3"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("encoder died")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["episode.mp3"]


def test_refuses_to_overwrite_without_permission(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("keep")
    with pytest.raises(InputError, match=r"a\.md: already exists \(use --force to replace it\)"):
        write_atomic(target, "x", overwrite=False)
    assert target.read_text() == "keep"


def test_unwritable_directory_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(blocker / "sub" / "out.xml", "x")


def test_new_files_get_default_permissions_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        fresh = tmp_path / "feed.xml"
        write_atomic(fresh, "x")
        assert fresh.stat().st_mode & 0o777 == 0o644  # readable by the web server
        kept = tmp_path / "private.md"
        kept.write_text("old")
        kept.chmod(0o600)
        write_atomic(kept, "new")
        assert kept.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old_umask)


@pytest.mark.parametrize(
    ("make", "what", "message"),
    [
        (lambda d: d / "gone.md", "file", "no such file"),
        (lambda d: d / "gone.jpg", "cover image", "no such cover image"),
        (lambda d: d, "file", "is a directory"),
        # A path through a file: an OSError that is neither "missing" nor "a directory".
        (lambda d: d / "plain.txt" / "below", "file", "cannot read: Not a directory"),
    ],
)
def test_read_input_names_the_file_and_the_problem(
    tmp_path: Path, make: Callable[[Path], Path], what: str, message: str
) -> None:
    (tmp_path / "plain.txt").write_text("x")
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read_input(path, what=what)
    assert str(caught.value) == f"{path}: {message}"


def test_read_input_returns_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_bytes(b"\xef\xbb\xbfhello")
    assert read_input(tmp_path / "page.txt") == b"\xef\xbb\xbfhello"


def _fifo(folder: Path) -> Path:
    path = folder / "pipe"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    import socket

    path = folder / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))  # the socket file stays after the test closes it
    server.close()
    return path


NOT_REGULAR: dict[str, tuple[Callable[[Path], Path], str]] = {
    "FIFO": (_fifo, "is a FIFO (a named pipe), not a file: reading it could wait forever"),
    "socket": (_socket, "is a socket, not a file"),
    "device": (lambda folder: Path(os.devnull), "is a device, not a file"),
    "symlink to a FIFO": (
        lambda folder: (folder / "link").symlink_to(_fifo(folder)) or folder / "link",
        "is a FIFO (a named pipe), not a file: reading it could wait forever",
    ),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs or sockets on this system")
@pytest.mark.parametrize("kind", sorted(NOT_REGULAR))
@pytest.mark.parametrize("reader", ["read_input", "open_input", "input_file"])
def test_non_regular_files_are_refused_before_any_read(
    kind: str, reader: str, tmp_path: Path
) -> None:
    make, message = NOT_REGULAR[kind]
    path = make(tmp_path)

    def waited(signum: int, frame: object) -> None:
        raise AssertionError(f"{reader} waited on the {kind}")

    previous = signal.signal(signal.SIGALRM, waited)
    signal.alarm(10)  # a reader that blocks on the FIFO fails instead of hanging the suite
    try:
        with pytest.raises(InputError) as caught:
            if reader == "read_input":
                read_input(path)
            elif reader == "open_input":
                with open_input(path):
                    pass
            else:
                input_file(path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert str(caught.value) == f"{path}: {message}"


def test_open_input_reads_a_regular_file_blocking(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 100_000)
    with open_input(path) as handle:
        assert os.get_blocking(handle.fileno())
        assert handle.read() == b"x" * 100_000
    assert input_file(path) == path


def test_stale_temps_of_dead_processes_go_and_live_ones_stay(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # reaped: its PID names no process (until the system reuses it)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        names = {
            "dead file": f"{TEMP_PREFIX}{dead.pid}-feed.xml.abc.xml",
            "dead folder": f"{TEMP_PREFIX}{dead.pid}-out.staging",
            "live": f"{TEMP_PREFIX}{live.pid}-episode.mp3.xyz.mp3",
            "ours": f"{temp_prefix('episode.md')}q1.md",
            "not a temp": ".segcast-out",
        }
        for kind, name in names.items():
            if kind == "dead folder":
                (tmp_path / name).mkdir()
                (tmp_path / name / "feed.xml").write_text("half")
            else:
                (tmp_path / name).write_text("x")
        removed = remove_stale_temps(tmp_path)
        assert sorted(p.name for p in removed) == sorted([names["dead file"], names["dead folder"]])
        kept = {names["live"], names["ours"], names["not a temp"]}
        assert {p.name for p in tmp_path.iterdir()} == kept
    finally:
        live.kill()
        live.wait()


def test_a_write_through_a_symbolic_link_replaces_the_target_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    target = tmp_path / "kept" / "episode.md"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "episode.md"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["episode.md", "kept"]
    assert [p.name for p in target.parent.iterdir()] == ["episode.md"]


def test_a_short_write_is_an_error_and_the_destination_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "feed.xml"
    target.write_text("previous")
    real = Path.write_bytes

    def short(self: Path, data: bytes) -> int:  # what a full disk may do without an error
        return real(self, data[: len(data) // 2])

    monkeypatch.setattr(Path, "write_bytes", short)
    with pytest.raises(InputError, match=r"feed\.xml: cannot write: only 5 of 10 bytes written"):
        write_atomic(target, "0123456789")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]
