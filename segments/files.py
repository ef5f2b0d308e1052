"""Text files in and out: atomic output, and the blank-line blocks line-based readers work on.

Every file segcast writes appears whole or not at all: a temp file is made in the destination's
directory (so the rename stays on one filesystem) and renamed over the destination only when
writing succeeded; on any error it is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from segments.errors import InputError


@contextlib.contextmanager
def atomic_output(destination: Path, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temp path beside ``destination``; rename it into place if the block succeeds.

    With ``overwrite`` false an existing destination is an error (nothing is written).
    """
    destination = Path(destination)
    if not overwrite and destination.exists():
        raise InputError("already exists (use --force to replace it)", destination)
    directory = destination.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=f".{destination.name}.", suffix=destination.suffix, dir=directory
        )
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", destination) from exc
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, _mode_for(destination))
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def sha256_hex(data: bytes) -> str:
    """Return the SHA-256 of ``data`` in hex: how a page's content is recorded and compared."""
    return hashlib.sha256(data).hexdigest()


def partial_path(destination: Path) -> Path:
    """Return where a download to ``destination`` grows until it is complete (and resumes from).

    Unlike ``atomic_output``'s temp files its name is fixed, so an interrupted run's bytes are
    found again by the next one (``.NAME.partial`` beside it, hidden like the temp files).
    """
    destination = Path(destination)
    return destination.with_name(f".{destination.name}.partial")


def commit_partial(partial: Path, destination: Path) -> None:
    """Rename a complete ``partial`` file over ``destination`` in one step, with its permissions."""
    try:
        os.chmod(partial, _mode_for(destination))
        os.replace(partial, destination)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", destination) from exc


#: File types that are not regular files, as ``stat`` tells them, named for the error.
_NOT_REGULAR: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO (a named pipe), not a file: reading it could wait forever"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
)


def _regular(mode: int, path: Path) -> None:
    """Raise InputError unless ``mode`` is a regular file's."""
    if stat.S_ISREG(mode):
        return
    problem = next((what for test, what in _NOT_REGULAR if test(mode)), "is not a regular file")
    raise InputError(problem, path)


def input_file(path: Path, *, what: str = "file") -> Path:
    """Return ``path`` if it is a regular file (symlinks followed); else one InputError.

    For inputs another program opens (ffmpeg, mutagen): a FIFO, socket or device is refused
    before anything opens it, so no reader waits forever on it.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as exc:
        raise InputError(f"no such {what}", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc
    _regular(mode, path)
    return path


@contextlib.contextmanager
def open_input(path: Path, *, what: str = "file") -> Iterator[BinaryIO]:
    """Yield an input file open for reading; a non-regular file is refused before any read.

    The file is opened without blocking (a FIFO opens at once instead of waiting for a writer)
    and checked on the open descriptor, so a file swapped between check and read is checked too.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError as exc:
        raise InputError(f"no such {what}", path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory", path) from exc
    except OSError as exc:
        with contextlib.suppress(OSError):  # a socket cannot be opened at all (ENXIO): say so
            _regular(os.stat(path).st_mode, path)
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc
    try:
        _regular(os.fstat(fd).st_mode, path)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        yield handle


def read_input(path: Path, *, what: str = "file") -> bytes:
    """Return the bytes of an input file; a problem is one InputError naming the file.

    ``what`` names the thing in "no such ..." ("cover image", "page"); the other messages are the
    same for every input: "is a directory", "is a FIFO ...", "cannot read: <reason>". This is the
    one place segcast reads whole input files.
    """
    path = Path(path)
    with open_input(path, what=what) as handle:
        try:
            return handle.read()
        except IsADirectoryError as exc:
            raise InputError("is a directory", path) from exc
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc


def read_text_input(path: Path, *, what: str = "file", bom: bool = False) -> str:
    """Return an input file as UTF-8 text; not UTF-8 is one InputError naming the byte.

    A byte-order mark is dropped, unless ``bom`` says the caller wants to see it (a reader
    that reports it as a quirk).
    """
    data = read_input(path, what=what)
    try:
        return data.decode("utf-8" if bom else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not UTF-8 text (byte {exc.start})", path) from exc


def _mode_for(destination: Path) -> int:
    """Return the permissions for a written file: the replaced file's, else the umask's default.

    mkstemp makes 0600 files, which a web server serving the published feed could not read.
    """
    try:
        return destination.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(destination: Path, data: bytes | str, *, overwrite: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to ``destination`` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_output(destination, overwrite=overwrite) as temp:
        try:
            temp.write_bytes(payload)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", destination) from exc


def split_blocks(lines: Sequence[str], first: int = 0) -> list[tuple[int, list[str]]]:
    """Split ``lines[first:]`` at blank lines into blocks, each with its 1-based line number.

    >>> split_blocks(["", "a", "b ", "  ", "c"])
    [(2, ['a', 'b ']), (5, ['c'])]
    >>> split_blocks(["skip", "a", "", "b"], first=1)
    [(2, ['a']), (4, ['b'])]
    """
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = first
    for number, line in enumerate(lines[first:], start=first + 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks
