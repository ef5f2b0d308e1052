"""Every command meets the bad-input standard on the same hostile inputs.

A missing file, a directory, an empty file, random bytes, stray text and a truncated MP3 each give
``Error: <the file>: ...`` lines, a non-zero exit code, no traceback, and no new file left behind.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio.ffmpeg import run_ffmpeg
from segcast.cli import cli
from tests.conftest import EXAMPLES

SEGMENT = EXAMPLES / "the-frame" / "segments" / "interview-with-director-kyungjin-song.md"


def _missing(folder: Path) -> Path:
    return folder / "missing.mp3"


def _directory(folder: Path) -> Path:
    path = folder / "a-folder"
    path.mkdir()
    return path


def _empty(folder: Path) -> Path:
    path = folder / "empty.mp3"
    path.write_bytes(b"")
    return path


def _random(folder: Path) -> Path:
    path = folder / "noise.mp3"
    path.write_bytes(os.urandom(4096) + b"\0" * 64)
    return path


def _text(folder: Path) -> Path:
    path = folder / "notes.mp3"
    path.write_text("this is not what it claims to be\n")
    return path


def _truncated_mp3(folder: Path) -> Path:
    whole = folder / "whole.mp3"
    run_ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=3", whole])
    path = folder / "truncated.mp3"
    path.write_bytes(whole.read_bytes()[:700])
    whole.unlink()
    return path


def _timed_file(bad: Path) -> Path:
    """Write a good WebVTT file beside the inputs folder (pair's other argument)."""
    path = bad.parent.parent / "timed.vtt"
    path.write_text("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello there.\n", encoding="utf-8")
    return path


BAD_INPUTS: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "directory": _directory,
    "empty": _empty,
    "random bytes": _random,
    "text": _text,
    "truncated mp3": _truncated_mp3,
}

#: command name -> arguments given the bad input and an output folder
COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "import": lambda bad, out: ["import", str(bad), "-o", str(out)],
    "audio inspect": lambda bad, out: ["audio", "inspect", str(bad)],
    "audio master": lambda bad, out: ["audio", "master", str(bad), "-o", str(out / "m.mp3")],
    "audio tag": lambda bad, out: ["audio", "tag", str(bad), "--segment", str(SEGMENT)],
    "feed validate": lambda bad, out: ["feed", "validate", str(bad)],
    "feed build": lambda bad, out: ["feed", "build", str(bad), "-o", str(out / "feed.xml")],
    "build": lambda bad, out: ["build", str(bad), "-o", str(out)],
    "init": lambda bad, out: ["init", str(bad)],
    "init --example": lambda bad, out: ["init", "--example", str(bad)],
    "pair (segment)": lambda bad, out: ["pair", str(bad), str(_timed_file(bad))],
    "pair (timed file)": lambda bad, out: ["pair", "--dry-run", str(SEGMENT), str(bad)],
    "serve": lambda bad, out: ["serve", str(bad), "--port", "0"],
}

#: Inputs a command rightly accepts: a text file is a (plain-text) page to import; tagging never
#: decodes the audio (its frames stay byte for byte), so a truncated MP3 is tagged as it is; init
#: makes a missing folder or fills an empty one; serve serves a folder (and would not return).
ACCEPTED = {
    ("import", "text"),
    ("audio tag", "truncated mp3"),
    ("init", "missing"),
    ("init", "directory"),
    ("init --example", "missing"),
    ("init --example", "directory"),
    ("serve", "directory"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_bad_input_is_one_clear_error(command: str, kind: str, tmp_path: Path) -> None:
    if (command, kind) in ACCEPTED:
        pytest.skip("this command rightly accepts this input (see ACCEPTED)")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    bad = BAD_INPUTS[kind](inputs)
    before = sorted(p.name for p in inputs.iterdir())
    data = bad.read_bytes() if bad.is_file() else None
    out = tmp_path / "out"

    result = CliRunner().invoke(cli, COMMANDS[command](bad, out))

    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert errors, result.output
    assert any(bad.name in line for line in errors), errors
    assert sorted(p.name for p in inputs.iterdir()) == before  # no temp or half-written file
    if data is not None:
        assert bad.read_bytes() == data  # the input is untouched
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*")) if out.exists() else []
    assert written == [], written


def test_truncated_mp3_fixture_really_is_an_mp3_start(tmp_path: Path) -> None:
    head = _truncated_mp3(tmp_path).read_bytes()[:3]
    assert head == b"ID3" or head[:1] == b"\xff"
    shutil.rmtree(tmp_path)
