"""Text files in and out: atomic output, and the blank-line blocks line-based readers work on.

Every file segcast writes appears whole or not at all: a temp file is made in the destination's
directory (so the rename stays on one filesystem) and renamed over the destination only when
writing succeeded; on any error it is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

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


def read_input(path: Path, *, what: str = "file") -> bytes:
    """Return the bytes of an input file; a problem is one InputError naming the file.

    ``what`` names the thing in "no such ..." ("cover image", "page"); the other messages are the
    same for every input: "is a directory", "cannot read: <reason>".
    """
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"no such {what}", path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory", path) from exc
    except OSError as exc:
        if path.is_dir():
            raise InputError("is a directory", path) from exc
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
