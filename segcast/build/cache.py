"""The build cache: what each step made from which inputs, so a rebuild redoes only what changed.

One SQLite file in the show folder (``.segcast/cache.sqlite``). Every entry is keyed by content
hashes of the step's inputs and the settings that matter to it (``step_key``), and remembers the
size and mtime of the file it produced: a step is skipped only when its key matches AND its output
is still exactly the file it wrote. File hashes are themselves remembered by (size, mtime, inode),
so a rebuild with nothing changed reads no audio file at all.

A cache that cannot be opened or read (deleted, truncated, corrupt, from another version) is
detected, removed and rebuilt: the cache only ever saves work, it is never a source of truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["CACHE_NAME", "BuildCache", "Stamp", "file_hash", "open_cache", "step_key"]

#: The cache's file name inside the show folder's state folder (``.segcast/``).
CACHE_NAME = "cache.sqlite"
#: Bumped when the layout below changes: an older cache is then dropped and rebuilt.
SCHEMA = 1

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS hashes (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, inode INTEGER, sha256 TEXT);
CREATE TABLE IF NOT EXISTS steps (
    step TEXT, name TEXT, key TEXT, size INTEGER, mtime_ns INTEGER, data TEXT,
    PRIMARY KEY (step, name));
"""


@dataclass(frozen=True)
class Stamp:
    """What identifies a file's content cheaply: size, mtime and inode."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> Stamp | None:
        """Return the stamp of ``path``, None if it is not there."""
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ino)


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def step_key(*parts: Any) -> str:
    """Return one key for a step's inputs: hashes, settings, versions (JSON-able parts)."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class BuildCache:
    """The cache of one show folder; use ``open_cache``."""

    def __init__(self, connection: sqlite3.Connection | None, path: Path) -> None:
        self._db = connection
        self.path = path
        #: Why the cache was rebuilt this run (None when it was read as it was).
        self.rebuilt: str | None = None

    # -- file hashes --------------------------------------------------------------------------

    def hash(self, path: Path) -> str:
        """Return the SHA-256 of ``path``, read only when the file changed since last time."""
        stamp = Stamp.of(path)
        key = os.path.abspath(path)  # not resolve(): a stat per path component, per file
        if stamp is not None and self._db is not None:
            row = self._db.execute(
                "SELECT size, mtime_ns, inode, sha256 FROM hashes WHERE path = ?", (key,)
            ).fetchone()
            if row is not None and tuple(row[:3]) == (stamp.size, stamp.mtime_ns, stamp.inode):
                return str(row[3])
        digest = file_hash(path)
        if stamp is not None and self._db is not None:
            self._db.execute(
                "INSERT OR REPLACE INTO hashes VALUES (?, ?, ?, ?, ?)",
                (key, stamp.size, stamp.mtime_ns, stamp.inode, digest),
            )
        return digest

    # -- steps ----------------------------------------------------------------------------------

    def done(self, step: str, name: str, key: str, output: Path) -> dict[str, Any] | None:
        """Return the data stored when ``step`` made ``output`` from ``key``, if still true.

        None when the step never ran with this key, or ``output`` is not the file it wrote.
        """
        if self._db is None:
            return None
        row = self._db.execute(
            "SELECT key, size, mtime_ns, data FROM steps WHERE step = ? AND name = ?",
            (step, name),
        ).fetchone()
        stamp = Stamp.of(output)
        if row is None or stamp is None or row[0] != key:
            return None
        if (row[1], row[2]) != (stamp.size, stamp.mtime_ns):
            return None
        data = json.loads(row[3])
        return data if isinstance(data, dict) else {}

    def record(
        self, step: str, name: str, key: str, output: Path, data: dict[str, Any] | None = None
    ) -> None:
        """Remember that ``step`` made ``output`` (as it is now) from ``key``."""
        stamp = Stamp.of(output)
        if self._db is None or stamp is None:
            return
        self._db.execute(
            "INSERT OR REPLACE INTO steps VALUES (?, ?, ?, ?, ?, ?)",
            (step, name, key, stamp.size, stamp.mtime_ns, json.dumps(data or {})),
        )

    def forget(self, step: str, name: str) -> None:
        """Drop what ``step`` recorded for ``name`` (its output is gone or was replaced)."""
        if self._db is not None:
            self._db.execute("DELETE FROM steps WHERE step = ? AND name = ?", (step, name))

    def commit(self) -> None:
        """Write what this run recorded so far (each finished job is kept even if killed later)."""
        if self._db is not None:
            self._db.commit()


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level="DEFERRED")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.executescript(_TABLES)
    row = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row is None:
        connection.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        connection.commit()
    elif row[0] != str(SCHEMA):
        raise sqlite3.DatabaseError(f"schema {row[0]}, not {SCHEMA}")
    connection.execute("SELECT count(*) FROM steps").fetchone()  # reads a page: corrupt?
    connection.execute("PRAGMA quick_check").fetchone()
    return connection


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


@contextmanager
def open_cache(state_dir: Path) -> Iterator[BuildCache]:
    """Open (or create) the cache in ``state_dir``; a broken one is removed and made anew.

    What the block recorded is committed when it ends, also when it ends with an error.
    """
    path = state_dir / CACHE_NAME
    rebuilt = None
    try:
        connection = _connect(path)
    except sqlite3.DatabaseError as exc:
        rebuilt = f"the build cache {path} was unreadable ({exc}); it was made anew"
        _remove(path)
        connection = _connect(path)
    cache = BuildCache(connection, path)
    cache.rebuilt = rebuilt
    try:
        yield cache
    finally:
        try:
            connection.commit()
        finally:
            connection.close()
