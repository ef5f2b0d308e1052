"""The one place that starts ffmpeg (house style, rule 9).

Which binary: ``SEGCAST_FFMPEG`` when set, else ``ffmpeg`` on PATH, else the binary the
imageio-ffmpeg wheel ships, so that ``pip install segcast`` alone is enough. Nothing in segcast
needs ffprobe (the wheel has none).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from segments.errors import AudioError

#: How much of ffmpeg's stderr an error message quotes.
STDERR_TAIL_CHARS = 400


@cache
def ffmpeg_exe() -> str:
    """Return the path of the ffmpeg binary to run."""
    override = os.environ.get("SEGCAST_FFMPEG")
    if override:
        if not Path(override).is_file():
            raise AudioError("SEGCAST_FFMPEG names no file", override)
        return override
    on_path = shutil.which("ffmpeg")
    if on_path:
        return on_path
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except Exception as exc:  # the wheel raises RuntimeError when it has no binary
        raise AudioError(f"no ffmpeg on PATH and none from imageio-ffmpeg ({exc})") from exc


def stderr_tail(stderr: bytes | str | None) -> str:
    """Return the last meaningful lines of ffmpeg's stderr, on one line."""
    if not stderr:
        return "no output"
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    tail = " | ".join(lines[-3:])
    return tail[-STDERR_TAIL_CHARS:]


#: What ffmpeg prints when it cannot write its output: the output disk's problem, not the input's.
WRITE_ERRORS: tuple[str, ...] = (
    "No space left on device",
    "Disk quota exceeded",
    "File too large",
    "Read-only file system",
)


def failure(stderr: bytes | None, where: str | Path | None, output: Path | None) -> AudioError:
    """Return the error of a failed ffmpeg: its output's write error if any, else its tail."""
    text = (stderr or b"").decode("utf-8", "replace")
    if output is not None:
        for reason in WRITE_ERRORS:
            if reason in text:
                return AudioError(f"cannot write: {reason}", output)
    return AudioError(f"ffmpeg failed: {stderr_tail(stderr)}", where)


def _command(args: Sequence[str | Path]) -> list[str]:
    return [ffmpeg_exe(), "-hide_banner", "-nostdin", *map(str, args)]


def run_ffmpeg(
    args: Sequence[str | Path],
    *,
    where: str | Path | None = None,
    input_bytes: bytes | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg with ``args`` to completion and return its output.

    Raises AudioError naming ``where`` (the file being worked on) with ffmpeg's stderr tail when
    ffmpeg exits non-zero and ``check`` is true.
    """
    try:
        done = subprocess.run(
            _command(args),
            input=input_bytes,
            stdin=None if input_bytes is not None else subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise AudioError(f"cannot start ffmpeg: {exc}", where) from exc
    if check and done.returncode != 0:
        raise AudioError(f"ffmpeg failed: {stderr_tail(done.stderr)}", where)
    return done


def start_ffmpeg(
    args: Sequence[str | Path],
    *,
    where: str | Path | None = None,
    stdin: int | None = subprocess.DEVNULL,
    stdout: int | None = subprocess.PIPE,
) -> subprocess.Popen[bytes]:
    """Start ffmpeg for streaming (stdout and/or stdin pipes); stderr is captured for errors.

    The caller waits on it and calls :func:`check_finished`.
    """
    command = _command(args)
    if stdin is not subprocess.DEVNULL:
        command.remove("-nostdin")
    try:
        return subprocess.Popen(command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    except OSError as exc:
        raise AudioError(f"cannot start ffmpeg: {exc}", where) from exc


def check_finished(
    process: subprocess.Popen[bytes],
    *,
    where: str | Path | None = None,
    output: Path | None = None,
) -> bytes:
    """Wait for a started ffmpeg, return its stderr, raise AudioError if it failed.

    ``output`` is the file it writes: a write error (a full disk) is then named on it.
    """
    _, stderr = process.communicate()
    if process.returncode != 0:
        raise failure(stderr, where, output)
    return stderr or b""
