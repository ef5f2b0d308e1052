"""Text files in and out: atomic output, and the blank-line blocks line-based readers work on.

Every file segcast writes appears whole or not at all: a temp file is made in the destination's
directory (so the rename stays on one filesystem), flushed to disk, checked, and renamed over the
destination only when writing succeeded; on any error (a full disk included) it is removed and
the error names the destination. A destination that is a symbolic link is written through the
link: its target is replaced, the link stays.

Every temporary file and folder segcast makes is named ``.segcast-tmp-<pid>-...`` (``TEMP_PREFIX``
and the owning process's id), so that one that a killed run left behind is recognisable, and
``remove_stale_temps`` removes those whose process is gone (never a live concurrent run's).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from segments.errors import InputError

__all__ = [
    "TEMP_PREFIX",
    "atomic_output",
    "check_written",
    "plain_name",
    "read_input",
    "read_text_input",
    "remove_stale_temps",
    "split_blocks",
    "temp_owner",
    "temp_prefix",
    "write_atomic",
    "write_atomic_all",
]

#: The first characters of every temporary file and folder segcast makes; the owner's PID follows.
TEMP_PREFIX = ".segcast-tmp-"


def temp_prefix(what: str = "") -> str:
    """Return the name prefix of a temporary file or folder of this process: prefix, PID, ``what``.

    >>> temp_prefix("feed.xml").startswith(".segcast-tmp-")
    True
    """
    return f"{TEMP_PREFIX}{os.getpid()}-{what}."


def temp_owner(name: str) -> int | None:
    """Return the PID that owns a temporary file or folder named ``name``; None if not segcast's.

    >>> temp_owner(".segcast-tmp-4242-feed.xml.x1y2"), temp_owner("feed.xml")
    (4242, None)
    """
    if not name.startswith(TEMP_PREFIX):
        return None
    pid, _, _ = name[len(TEMP_PREFIX) :].partition("-")
    return int(pid) if pid.isdigit() else None


def _alive(pid: int) -> bool:
    """Return whether process ``pid`` is running (one of another user's counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # no signals here (Windows), or an impossible PID: keep the file
        return True
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files and folders in ``folder`` whose owning process is gone.

    What a killed run left behind; a live run's (this one's, or a concurrent one's) stays.
    Returns what was removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        owner = temp_owner(entry.name)
        if owner is None or _alive(owner):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue  # removed by another run meanwhile, or not ours to remove: leave it
        removed.append(path)
    return removed


def plain_name(slug: str, suffix: str, where: Path | str | None = None) -> str:
    """Return the file name ``<slug><suffix>``, refusing a slug that is not one plain name.

    A slug that would make a path (``a/b``, ``../x``, an absolute path, a backslash), a hidden
    or empty name, or one with a NUL or surrounding spaces is an InputError naming ``where``.
    The one rule for every file named after a slug (segment files, audio, companions).

    >>> plain_name("lovesong", ".md")
    'lovesong.md'
    >>> plain_name("a/b", ".md", "page.txt")
    Traceback (most recent call last):
    ...
    segments.errors.InputError: page.txt: slug 'a/b' cannot be a file name
    """
    name = f"{slug}{suffix}"
    one = {PurePosixPath(name).name, PureWindowsPath(name).name} == {name}
    if not slug or slug.startswith(".") or not one or "\0" in name or slug != slug.strip():
        raise InputError(f"slug {slug!r} cannot be a file name", where)
    return name


def _through_links(destination: Path) -> Path:
    """Return the file a write to ``destination`` replaces: a symbolic link's target, else itself.

    Replacing the link with a file would cut it off from what it points at (a segment file
    kept in a shared folder, say); the link stays and its target gets the new bytes.
    """
    if destination.is_symlink():
        return Path(os.path.realpath(destination))
    return destination


def check_written(
    path: Path, expected_size: int | None = None, *, where: Path | None = None
) -> None:
    """Flush ``path`` to disk and check it is a whole regular file (of ``expected_size`` bytes).

    A full disk can give a short file without an error from the writer (ffmpeg's muxers do);
    this turns it into an InputError naming ``where`` (default: ``path``).
    """
    named = where if where is not None else path
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", named) from exc
    try:
        os.fsync(fd)
        size = os.fstat(fd).st_size
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", named) from exc
    finally:
        os.close(fd)
    if expected_size is not None and size != expected_size:
        raise InputError(
            f"cannot write: only {size} of {expected_size} bytes written (is the disk full?)",
            named,
        )


@contextlib.contextmanager
def atomic_output(
    destination: Path,
    *,
    overwrite: bool = True,
    expected_size: int | None = None,
    checked: bool = False,
) -> Iterator[Path]:
    """Yield a temp path beside ``destination``; rename it into place if the block succeeds.

    With ``overwrite`` false an existing destination is an error (nothing is written). The temp
    file is flushed to disk and checked (``expected_size`` bytes, when the caller knows) before
    the rename, so neither a full disk nor a crash ever leaves a short destination; ``checked``
    says the caller did that already (``check_written``).
    """
    named = Path(destination)
    destination = _through_links(named)
    if not overwrite and (destination.exists() or named.is_symlink()):
        raise InputError("already exists (use --force to replace it)", named)
    if destination.is_dir():
        raise InputError("is a directory, not a file to write", named)
    directory = destination.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            prefix=temp_prefix(destination.name), suffix=destination.suffix, dir=directory
        )
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", named) from exc
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        if not checked:
            check_written(temp, expected_size, where=named)
        try:
            os.chmod(temp, _mode_for(destination))
            os.replace(temp, destination)
        except IsADirectoryError as exc:
            raise InputError("is a directory, not a file to write", named) from exc
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", named) from exc
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
    with atomic_output(destination, overwrite=overwrite, expected_size=len(payload)) as temp:
        try:
            temp.write_bytes(payload)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", destination) from exc


def write_atomic_all(files: Sequence[tuple[Path, bytes | str]]) -> None:
    """Write several files atomically, replacing none unless every one was written whole.

    Each is written to its temp file and checked first; only then are they renamed into place,
    the last named first and the first named last (a feed after the files it points at).
    """
    with contextlib.ExitStack() as stack:
        for destination, data in files:
            payload = data.encode("utf-8") if isinstance(data, str) else data
            temp = stack.enter_context(atomic_output(destination, checked=True))
            try:
                temp.write_bytes(payload)
            except OSError as exc:
                raise InputError(f"cannot write: {exc.strerror or exc}", destination) from exc
            check_written(temp, len(payload), where=destination)  # all before any rename


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
