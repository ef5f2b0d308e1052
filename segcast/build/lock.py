"""One build of a show folder at a time: a lock the operating system releases if a build dies.

The lock is an advisory ``flock`` on ``SHOW_DIR/.segcast/lock``: a second build refuses at once with
a message naming the build that holds it, and a killed build can never leave it stuck (the kernel
drops the lock with the process).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from segments.errors import InputError

__all__ = ["STATE_DIR", "show_lock"]

#: segcast's own state in a show folder: the lock (and the build cache).
STATE_DIR = ".segcast"

try:
    import fcntl
except ImportError:  # Windows: no flock; builds are not guarded there
    fcntl = None  # type: ignore[assignment]


@contextmanager
def show_lock(show_dir: Path) -> Iterator[Path]:
    """Hold the show folder's build lock while the block runs; refuse if another build has it."""
    state = show_dir / STATE_DIR
    path = state / "lock"
    try:
        state.mkdir(exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise InputError(f"cannot lock the show folder: {exc.strerror or exc}", path) from exc
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
                raise InputError(
                    f"another segcast build of this show is running (pid {holder}); "
                    "run again when it has finished",
                    show_dir,
                ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock
