"""``segcast build``'s progress: one redrawn line on a terminal, spaced plain lines in a log."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from segcast.build import JobEvent
from segcast.cli import cli
from segcast.cli.build import PlainProgress, TerminalProgress


def event(kind: str, done: int, elapsed: float, eta: float | None = None) -> JobEvent:
    return JobEvent(
        kind,
        "master",
        None if kind in ("start", "end") else f"s{done}",  # type: ignore[arg-type]
        done,
        min(2, 4 - done),
        0,
        4 - done,
        4,
        elapsed,
        eta,
    )


STAGE = [
    event("start", 0, 0.0),
    event("done", 1, 5.0, 15.0),
    event("done", 2, 12.0, 12.0),
    event("done", 3, 14.0, 4.7),
    event("done", 4, 30.0, 0.0),
    event("end", 4, 30.0),
]


def test_a_log_gets_a_line_at_most_every_interval(capsys: pytest.CaptureFixture[str]) -> None:
    progress = PlainProgress(interval=10.0)
    for item in STAGE:
        progress(item)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "master: 2/4 done, 2 running, 0 failed, 2 remaining, ETA 12s",
        "master: 4/4 done, 0 running, 0 failed, 0 remaining, ETA 0s",
        "master: 4/4 done, 0 running, 0 failed, 0 remaining, took 30s",
    ]


def test_a_short_stage_leaves_a_log_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    progress = PlainProgress(interval=60.0)
    for item in STAGE:
        progress(item)
    assert capsys.readouterr().err == ""


def test_a_terminal_gets_one_line_redrawn(capsys: pytest.CaptureFixture[str]) -> None:
    progress = TerminalProgress()
    for item in STAGE[:3]:
        progress(item)
    progress(STAGE[-1])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("took 30s\n")
    assert err.split("\r\x1b[K")[1:] == [
        "master: 0/4 done, 2 running, 0 failed, 4 remaining, ETA unknown",
        "master: 1/4 done, 2 running, 0 failed, 3 remaining, ETA 15s",
        "master: 2/4 done, 2 running, 0 failed, 2 remaining, ETA 12s",
        "master: 4/4 done, 0 running, 0 failed, 0 remaining, took 30s\n",
    ]


def test_jobs_and_cluster_exclude_each_other(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", str(tmp_path), "--jobs", "2", "--cluster", "tcp://127.0.0.1:8786"], obj={}
    )
    assert result.exit_code == 2
    assert "--jobs and --cluster exclude each other" in result.stderr
