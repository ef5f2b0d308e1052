"""Atomic output: every file segcast writes appears whole or not at all.

A temp file is made in the destination's directory (so the rename stays on one filesystem) and
renamed over the destination only when writing succeeded; on any error it is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
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
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomic(destination: Path, data: bytes | str, *, overwrite: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to ``destination`` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_output(destination, overwrite=overwrite) as temp:
        try:
            temp.write_bytes(payload)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", destination) from exc
