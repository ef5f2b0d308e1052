"""One writer in a show folder at a time: a lock the operating system releases if its holder dies.

The lock is an advisory ``flock`` on ``SHOW_DIR/.segcast/lock``, held by every command that writes
into the show folder (build, feed build, import, pair, audio master and tag). A second one waits
for the first to finish, saying so, or refuses at once (``wait=False``, the command line's
``--no-wait``) with a message naming the holder; a killed holder never leaves it stuck (the kernel
drops the lock with the process). What a command reads under the lock (GUIDs, dates) is what the
last holder stored.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from segcast.config import SHOW_TOML
from segments.errors import InputError
from segments.files import remove_stale_temps

__all__ = ["STATE_DIR", "show_folder_of", "show_lock", "writing"]

#: segcast's own state in a show folder: the lock (and the build cache).
STATE_DIR = ".segcast"

try:
    import fcntl
except ImportError:  # Windows: no flock; builds are not guarded there
    fcntl = None  # type: ignore[assignment]


def show_folder_of(folder: Path) -> Path | None:
    """Return the show folder that files written into ``folder`` belong to, None if none.

    A show folder holds ``show.toml``; the files commands write are in it or one folder below
    (``segments/x.md``, ``audio/x.mp3``).
    """
    folder = Path(os.path.realpath(folder))
    for candidate in (folder, folder.parent):
        if (candidate / SHOW_TOML).is_file():
            return candidate
    return None


@contextmanager
def show_lock(
    show_dir: Path,
    *,
    wait: bool = True,
    command: str = "build",
    waiting: Callable[[str], None] | None = None,
) -> Iterator[Path]:
    """Hold the show folder's lock while the block runs; wait for another holder, or refuse.

    ``command`` names this holder in the message another one gets; ``waiting`` is told, once,
    that this one waits (the command line prints it).
    """
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
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
                pid = holder[0] if holder else "unknown"
                other = " ".join(holder[1:]) or "build"
                if not wait:
                    raise InputError(
                        f"another segcast {other} of this show is running (pid {pid}); "
                        "run again when it has finished",
                        show_dir,
                    ) from None
                if waiting is not None:
                    waiting(
                        f"{show_dir}: waiting for another segcast {other} of this show "
                        f"(pid {pid}) to finish"
                    )
                fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {command}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def writing(
    folder: Path,
    *,
    wait: bool = True,
    command: str,
    waiting: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the lock of the show folder ``folder`` is in (if any) while a command writes there.

    Temp files a killed run left in ``folder`` are removed first (under the lock).
    """
    show_dir = show_folder_of(folder)
    if show_dir is None:
        remove_stale_temps(folder)
        yield
        return
    with show_lock(show_dir, wait=wait, command=command, waiting=waiting):
        remove_stale_temps(folder)
        yield
