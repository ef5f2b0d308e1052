"""``build --cluster``: the audio jobs on a real ``distributed.LocalCluster`` (2 worker processes).

Each build is compared byte for byte with a local build of the same archive: the show folder
(mastered, Opus-encoded, tagged audio) and OUT. A worker killed mid-build and a client killed and started again
both end in the same bytes, and the restart redoes no job the cache recorded as finished.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import segcast.build.cluster
from segcast.build import JobEvent, run_build
from segcast.build.cluster import connect
from segcast.cli import cli
from segments.errors import InputError
from tests.conftest import REPO
from tests.segcast.build.backfill import make_archive, slugs, tree

distributed = pytest.importorskip(
    "distributed", reason="the dask extra is not installed: pip install -e '.[dask]'"
)

NOW = dt.datetime(2026, 12, 4, 23, 45, tzinfo=dt.UTC)
COUNT = 6
#: Each master is also published as Opus: the encode jobs run on the cluster too.
ALTERNATES = ("opus",)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes, one thread each: the two cores of a small machine."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], Path]:
    """A local build (process pool, 2 jobs) of the archive: its show folder, and where OUT is."""
    root = tmp_path_factory.mktemp("local")
    show = make_archive(root, COUNT, alternates=ALTERNATES)
    report = run_build(show, root / "out", environ={}, jobs=2, now=NOW)
    assert report.problems == [] and sorted(report.mastered) == slugs(COUNT)
    assert report.encoded == [f"{slug}.opus" for slug in slugs(COUNT)]
    assert f"{slugs(COUNT)[0]}.opus" in tree(root / "out")  # published beside the MP3
    return tree(show), root / "out"


def _worker_pids(cluster: Any) -> dict[str, int]:
    with distributed.Client(cluster, set_as_default=False) as client:
        pids: dict[str, int] = client.run(os.getpid)
        return pids


def test_a_cluster_build_gives_the_bytes_of_a_local_build(
    tmp_path: Path, cluster: Any, reference: tuple[dict[str, bytes], Path]
) -> None:
    show = make_archive(tmp_path, COUNT, alternates=ALTERNATES)
    events: list[JobEvent] = []
    report = run_build(
        show,
        tmp_path / "out",
        environ={},
        cluster=cluster.scheduler_address,
        progress=events.append,
        now=NOW,
    )
    assert report.problems == []
    assert report.mastered == report.tagged == slugs(COUNT)
    assert report.encoded == [f"{slug}.opus" for slug in slugs(COUNT)]
    assert tree(show) == reference[0]
    assert tree(tmp_path / "out") == tree(reference[1])
    ends = [e for e in events if e.event == "end"]
    # Tagging is one job per file: each MP3 and each Opus file.
    assert [(e.stage, e.done, e.failed, e.remaining) for e in ends] == [
        ("master", COUNT, 0, 0),
        ("alternates", COUNT, 0, 0),
        ("tag", 2 * COUNT, 0, 0),
    ]
    # Both workers' threads counted as running at the start; an estimate once a job finished.
    assert events[0].running == 2
    assert all(e.eta_seconds is not None for e in events if e.event == "done")
    # Nothing left to do: the rebuild never even connects (no job), and changes no byte.
    again = run_build(show, tmp_path / "out", environ={}, cluster="tcp://127.0.0.1:9", now=NOW)
    assert (again.mastered, again.encoded, again.tagged, again.problems) == ([], [], [], [])
    assert tree(show) == reference[0]


def test_a_worker_killed_mid_build_ends_in_the_same_output(
    tmp_path: Path, cluster: Any, reference: tuple[dict[str, bytes], Path]
) -> None:
    show = make_archive(tmp_path, COUNT, alternates=ALTERNATES)
    pids = _worker_pids(cluster)
    killed: list[int] = []

    def kill_a_worker(event: JobEvent) -> None:
        # The first master finished: the other jobs are queued or running on both workers.
        if event.event == "done" and event.stage == "master" and not killed:
            pid = sorted(pids.values())[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    report = run_build(
        show,
        tmp_path / "out",
        environ={},
        cluster=cluster.scheduler_address,
        progress=kill_a_worker,
        now=NOW,
    )
    assert killed
    assert report.problems == []
    assert report.mastered == slugs(COUNT)
    assert tree(show) == reference[0]
    assert tree(tmp_path / "out") == tree(reference[1])
    # The killed worker's half-written master, if any, is a temp dotfile, never a counted file.
    assert {p.name for p in (show / "audio").iterdir() if not p.name.startswith(".")} == {
        f"{slug}.{ext}" for slug in slugs(COUNT) for ext in ("mp3", "opus")
    }
    distributed.Client(cluster, set_as_default=False).wait_for_workers(2, timeout=30)


def _cli(show: Path, out: Path, address: str) -> list[str]:
    code = "from segcast.cli import main; main()"
    return [sys.executable, "-c", code, "build", str(show), "-o", str(out), "--cluster", address]


def test_a_client_killed_and_started_again_redoes_nothing_it_recorded(
    tmp_path: Path, cluster: Any, reference: tuple[dict[str, bytes], Path]
) -> None:
    show = make_archive(tmp_path, COUNT, alternates=ALTERNATES)
    out = tmp_path / "out"
    command = [*_cli(show, out, cluster.scheduler_address), "--json"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=REPO, env=env)
    assert first.stdout is not None
    finished: list[str] = []
    for line in first.stdout:
        event = json.loads(line)
        if event.get("event") == "done" and event["stage"] == "master":
            finished.append(event["name"])
            if len(finished) == 2:
                first.send_signal(signal.SIGKILL)
                break
    first.wait(timeout=60)
    assert first.returncode == -signal.SIGKILL
    second = subprocess.run(
        [*command], capture_output=True, text=True, cwd=REPO, env=env, timeout=120, check=False
    )
    assert second.returncode == 0, second.stderr
    report = json.loads(second.stdout.splitlines()[-1])
    # The two masters the first client saw finish were recorded: not made again.
    assert set(finished) <= set(report["skipped"])
    assert sorted(report["mastered"] + report["skipped"]) == slugs(COUNT)
    assert tree(show) == reference[0]
    published = tree(out)
    expected = tree(reference[1])
    assert sorted(published) == sorted(expected)
    # The feed and pages carry the build's clock (the CLI's now); the audio is the same bytes.
    for name in expected:
        if name.endswith((".mp3", ".opus", ".json", ".vtt")):
            assert published[name] == expected[name], name


def test_a_failing_job_is_retried_then_reported_and_the_rest_go_on(
    tmp_path: Path, cluster: Any, reference: tuple[dict[str, bytes], Path]
) -> None:
    show = make_archive(tmp_path, COUNT, alternates=ALTERNATES)
    broken = show / "raw" / f"{slugs(COUNT)[1]}.wav"
    broken.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk" * 20)
    events: list[JobEvent] = []
    report = run_build(
        show,
        tmp_path / "out",
        environ={},
        cluster=cluster.scheduler_address,
        retries=1,
        progress=events.append,
        now=NOW,
    )
    assert [(e.event, e.attempt) for e in events if e.name == slugs(COUNT)[1]] == [
        ("retry", 1),
        ("failed", 2),
    ]
    # Reported once, where it is fixed: not again by the feed stage for its missing MP3.
    assert [(p.where, p.message) for p in report.problems] == [
        (str(broken), "is not an audio file ffmpeg can read (invalid data)"),
    ]
    assert report.failed == [slugs(COUNT)[1]]
    good = [slug for slug in slugs(COUNT) if slug != slugs(COUNT)[1]]
    assert report.mastered == report.tagged == good
    for slug in good:
        name = f"audio/{slug}.mp3"
        assert (show / name).read_bytes() == reference[0][name]


def test_a_cluster_that_cannot_see_the_show_folder_is_one_error(
    tmp_path: Path, cluster: Any
) -> None:
    elsewhere = tmp_path / "only-on-the-client"
    with pytest.raises(InputError) as caught:
        connect(cluster.scheduler_address, elsewhere)
    assert str(caught.value) == (
        f"{elsewhere}: cannot be seen (or written) at this path by worker "
        f"{', '.join(sorted(_worker_pids(cluster)))}: mount the shared storage at the same path "
        "on every worker"
    )


def test_a_scheduler_that_cannot_be_reached_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show = make_archive(tmp_path, 1)
    monkeypatch.setattr(segcast.build.cluster, "CONNECT_TIMEOUT_SECONDS", 1)
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    result = CliRunner().invoke(cli, ["build", str(show), "--cluster", address], obj={})
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {address}: cannot reach the Dask scheduler: "
        f"Timed out trying to connect to {address} after 1 s\n"
    )
    assert not (show / "public").exists()  # nothing published
