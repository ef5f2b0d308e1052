"""Publishing OUT whole or not at all: the build writes a staging folder and swaps it in at the end.

A build killed at any moment leaves the previously published OUT intact and complete: everything
is written into ``.segcast-tmp-<pid>-<OUT>.staging`` beside OUT, and only when it is complete is it
exchanged with OUT in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames,
undone by the next build if it was killed between them). Files that did not change are hard links
to the previous OUT's (so their mtime stays and an rsync uploads nothing), never links to the show
folder: OUT shares no file with the sources, so a re-tag or edit on one side never reaches the
other. Outputs of deleted or renamed segments are simply not staged, so they disappear from OUT.

Every file staged is checked to be whole (its size) and flushed to disk before the swap, and any
failure while staging (a full disk, a permission, a directory in the way, SIGTERM) removes the
staging folder and leaves OUT as it was. The staging folder's name carries the owner's PID
(``segments.files.TEMP_PREFIX``), so the next build removes one a killed build left behind but
never a live concurrent one's.

OUT holds a marker file; a folder that is neither empty nor marked is someone else's and is only
replaced with ``force``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import filecmp
import os
import shutil
from pathlib import Path
from types import TracebackType

from segcast.build.layout import inside
from segments.errors import InputError
from segments.files import TEMP_PREFIX, remove_stale_temps, temp_owner, temp_prefix

__all__ = ["MARKER", "Staging", "exchange"]

#: The file that marks a folder as segcast's output.
MARKER = ".segcast-out"
#: Staging and swapped-out folders are ``.segcast-tmp-<pid>-<OUT name>.<suffix>`` beside OUT.
STAGING_SUFFIX = "staging"
OLD_SUFFIX = "old"

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2() -> object | None:
    """Return libc's renameat2, or None where there is none (not Linux, old glibc)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap folders ``a`` and ``b`` atomically; return False where the system cannot."""
    if _RENAMEAT2 is None:
        return False
    result = _RENAMEAT2(  # type: ignore[operator]
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # a filesystem that cannot
        return False
    raise OSError(code, os.strerror(code), str(b))


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and filecmp.cmp(a, b, shallow=False)
    except FileNotFoundError:
        return False


class Staging:
    """The staging folder of one build of OUT; use as a context manager, then ``commit()``."""

    def __init__(self, out_dir: Path, *, force: bool = False) -> None:
        self.out = Path(out_dir)
        self.force = force
        self.path = self.out.parent / f"{temp_prefix(self.out.name)}{STAGING_SUFFIX}"
        #: Names staged from the previous OUT unchanged, and names written or copied anew.
        self.unchanged: list[str] = []
        self.changed: list[str] = []
        self._folders: set[Path] = set()

    # -- setting up and cleaning up -------------------------------------------------------------

    def __enter__(self) -> Staging:
        self._recover()
        if self.out.exists() and not self.out.is_dir():
            raise InputError("is a file, not a folder to publish into", self.out)
        foreign = self.out.is_dir() and not (self.out / MARKER).exists()
        if foreign and any(self.out.iterdir()) and not self.force:
            raise InputError(
                "is not empty and not a segcast output folder; the build replaces its "
                "whole content (use --force to let it)",
                self.out,
            )
        self._remove_leftovers()
        try:
            self.path.mkdir(parents=True)
        except OSError as exc:
            raise InputError(f"cannot publish here: {exc.strerror or exc}", self.out) from exc
        self.add_bytes(
            MARKER, "Published by segcast: this folder is replaced whole by each build.\n"
        )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def _recover(self) -> None:
        """Put back an OUT that a build killed between its two renames had moved away."""
        if self.out.exists() or not self.out.parent.is_dir():
            return
        swapped_out = [
            path
            for path in self.out.parent.iterdir()
            if path.name == f"{TEMP_PREFIX}{temp_owner(path.name)}-{self.out.name}.{OLD_SUFFIX}"
        ]
        if swapped_out:
            max(swapped_out, key=lambda p: p.stat().st_mtime_ns).rename(self.out)

    def _remove_leftovers(self) -> None:
        """Remove staging and swapped-out folders (and temp files) of runs that were killed."""
        remove_stale_temps(self.out.parent)

    # -- staging files ----------------------------------------------------------------------------

    def _previous(self, name: str) -> Path:
        return self.out / name

    def _target(self, name: str) -> Path:
        # The last guard: whatever a segment file or URL made of the name, it stays in OUT.
        target = inside(self.path, name, self.out / name)
        if target.parent != self.path and target.parent not in self._folders:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"cannot publish: {exc.strerror or exc}", self.out / name) from exc
            self._folders.add(target.parent)
        return target

    def _link_previous(self, name: str) -> bool:
        try:
            os.link(self._previous(name), self._target(name))
        except OSError:
            return False
        self.unchanged.append(name)
        return True

    def add_previous(self, name: str) -> None:
        """Stage the previous OUT's ``name`` as it is (the caller knows it is still right)."""
        if not self._link_previous(name):
            self._copy(self._previous(name), name)
            self.unchanged.append(name)

    def add_file(self, source: Path, name: str, *, same: bool = False) -> bool:
        """Stage a copy of ``source`` as ``name``; return whether it differs from OUT's.

        An unchanged file is a hard link to the previous OUT's copy, never to ``source``;
        ``same`` says the caller knows OUT's copy holds ``source`` (no bytes compared then).
        """
        previous = self._previous(name)
        if (same or _same_bytes(source, previous)) and self._link_previous(name):
            return False
        self._copy(source, name)
        self.changed.append(name)
        return True

    def _copy(self, source: Path, name: str) -> None:
        """Copy ``source`` into the staging folder as ``name``, checking every byte arrived."""
        target = self._target(name)
        try:
            shutil.copy2(source, target)
            size, expected = target.stat().st_size, source.stat().st_size
        except OSError as exc:
            raise InputError(f"cannot publish: {exc.strerror or exc}", self.out / name) from exc
        if size != expected:
            raise InputError(f"cannot publish: {size} of {expected} bytes copied", self.out / name)

    def add_bytes(self, name: str, data: bytes | str) -> bool:
        """Stage ``data`` as ``name``; return whether it differs from OUT's."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        previous = self._previous(name)
        try:
            same = previous.is_file() and previous.read_bytes() == raw
        except OSError:
            same = False
        if same and self._link_previous(name):
            return False
        target = self._target(name)
        try:
            with target.open("wb") as handle:
                handle.write(raw)
                handle.flush()
                size = os.fstat(handle.fileno()).st_size
        except OSError as exc:
            raise InputError(f"cannot publish: {exc.strerror or exc}", self.out / name) from exc
        if size != len(raw):
            raise InputError(f"cannot publish: {size} of {len(raw)} bytes written", self.out / name)
        self.changed.append(name)
        return True

    # -- publishing -------------------------------------------------------------------------------

    def _sync(self) -> None:
        """Flush the files written anew to disk before they replace the published ones.

        Linked files are the previous OUT's, already on disk; only the new ones are flushed
        (not os.sync(), which would wait for every other process's writes too).
        """
        for name in self.changed:
            try:
                fd = os.open(self.path / name, os.O_RDONLY)
            except OSError as exc:
                raise InputError(f"cannot publish: {exc.strerror or exc}", self.out / name) from exc
            try:
                os.fsync(fd)
            except OSError as exc:  # the disk could not take what was written (EIO, ENOSPC)
                raise InputError(f"cannot publish: {exc.strerror or exc}", self.out / name) from exc
            finally:
                os.close(fd)
        for folder in {self.path, *self._folders}:
            _fsync_dir(folder, self.out)

    def commit(self) -> None:
        """Make the staged folder OUT, in one step where the system allows it."""
        self._sync()
        try:
            if not self.out.exists():
                self.path.rename(self.out)
            elif exchange(self.path, self.out):
                pass  # self.path now holds the previous OUT: removed on exit
            else:
                old = self.out.parent / f"{temp_prefix(self.out.name)}{OLD_SUFFIX}"
                self.out.rename(old)
                self.path.rename(self.out)
                shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            raise InputError(f"cannot publish: {exc.strerror or exc}", self.out) from exc
        _fsync_dir(self.out.parent)


def _fsync_dir(folder: Path, where: Path | None = None) -> None:
    """Flush a folder's entries to disk; with ``where``, a failure is an error naming it.

    Some filesystems cannot flush a folder (EINVAL): nothing to check there.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if where is not None and exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise InputError(f"cannot publish: {exc.strerror or exc}", where) from exc
    finally:
        os.close(fd)
