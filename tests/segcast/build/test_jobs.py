"""The audio jobs' runner: outcomes as they finish, bounded retries, a broken pool made anew."""

from __future__ import annotations

import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from segcast.build.jobs import Job, JobEvent, open_pool
from segments.errors import AudioError


def flaky(marker: str, fails: int) -> str:
    """Fail the first ``fails`` calls (counted in the file ``marker``), then return its name."""
    path = Path(marker)
    calls = int(path.read_text()) if path.exists() else 0
    path.write_text(str(calls + 1))
    if calls < fails:
        raise OSError(f"shared storage went away (call {calls + 1})")
    return path.name


def dies_once(marker: str) -> str:
    """End this worker process the first time (a lost worker), then succeed."""
    path = Path(marker)
    if not path.exists():
        path.write_text("died")
        os._exit(9)
    return path.name


def threads(workers: int) -> Executor:
    return ThreadPoolExecutor(max_workers=workers)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_job_that_fails_is_tried_again_then_reported(tmp_path: Path, workers: int) -> None:
    events: list[JobEvent] = []
    jobs = [
        Job("ok", tmp_path / "ok", flaky, (str(tmp_path / "ok"), 0)),
        Job("second", tmp_path / "second", flaky, (str(tmp_path / "second"), 1)),
        Job("never", tmp_path / "never", flaky, (str(tmp_path / "never"), 9)),
    ]
    with open_pool(
        workers, threads if workers > 1 else None, retries=2, progress=events.append
    ) as pool:
        outcomes = {o.job.name: o for o in pool.run("master", jobs)}
    assert (outcomes["ok"].result, outcomes["ok"].attempts) == ("ok", 1)
    assert (outcomes["second"].result, outcomes["second"].attempts) == ("second", 2)
    never = outcomes["never"]
    assert (never.result, never.attempts) == (None, 3)  # 1 + 2 retries, then no more
    assert isinstance(never.error, AudioError)
    assert str(never.error) == (
        f"{tmp_path / 'never'}: job failed (OSError: shared storage went away (call 3))"
    )
    assert (tmp_path / "never").read_text() == "3"
    retries = [(e.name, e.attempt) for e in events if e.event == "retry"]
    assert sorted(retries) == [("never", 1), ("never", 2), ("second", 1)]
    end = events[-1]
    assert (end.event, end.done, end.failed, end.remaining, end.running) == ("end", 2, 1, 0, 0)


def test_the_counts_and_the_estimate_move_with_each_finished_job(tmp_path: Path) -> None:
    events: list[JobEvent] = []
    jobs = [Job(f"j{n}", tmp_path, flaky, (str(tmp_path / f"j{n}"), 0)) for n in range(4)]
    with open_pool(1, None, progress=events.append) as pool:
        assert [o.job.name for o in pool.run("tag", jobs)] == ["j0", "j1", "j2", "j3"]
    assert [(e.event, e.done, e.remaining) for e in events] == [
        ("start", 0, 4),
        ("done", 1, 3),
        ("done", 2, 2),
        ("done", 3, 1),
        ("done", 4, 0),
        ("end", 4, 0),
    ]
    assert events[0].eta_seconds is None  # nothing finished: no rate yet
    first = events[1]
    assert first.eta_seconds == pytest.approx(3 * first.elapsed_seconds)
    assert events[4].eta_seconds == 0


def test_a_process_pool_whose_worker_died_is_made_anew(tmp_path: Path) -> None:
    made: list[int] = []

    def processes(workers: int) -> Executor:
        made.append(workers)
        return ProcessPoolExecutor(max_workers=workers)

    jobs = [Job(f"j{n}", tmp_path, dies_once, (str(tmp_path / f"j{n}"),)) for n in range(2)]
    with open_pool(2, processes, retries=2) as pool:
        outcomes = list(pool.run("master", jobs))
    assert sorted((o.job.name, o.result, o.error) for o in outcomes) == [
        ("j0", "j0", None),
        ("j1", "j1", None),
    ]
    assert len(made) >= 2  # the broken pool was replaced


class BrokenPool(Executor):
    """A process pool a dead worker broke before the build heard of it: it refuses every job."""

    def submit(self, fn: object, /, *args: object, **kwargs: object) -> Future[str]:
        raise BrokenProcessPool("A child process terminated abruptly")


def test_a_pool_found_broken_when_a_job_is_submitted_is_made_anew(tmp_path: Path) -> None:
    # The race the full suite once hit: a worker died and broke the pool, and the next submit
    # (a retry, or the stage's first jobs) met the broken pool before any future said so.
    made: list[Executor] = []

    def pools(workers: int) -> Executor:
        made.append(BrokenPool() if not made else ThreadPoolExecutor(max_workers=workers))
        return made[-1]

    jobs = [Job(f"j{n}", tmp_path, flaky, (str(tmp_path / f"j{n}"), 0)) for n in range(3)]
    with open_pool(2, pools) as pool:
        outcomes = list(pool.run("master", jobs))
    assert sorted((o.job.name, o.result, o.error, o.attempts) for o in outcomes) == [
        (f"j{n}", f"j{n}", None, 1) for n in range(3)
    ]
    assert [type(executor) for executor in made] == [BrokenPool, ThreadPoolExecutor]


def test_no_jobs_make_no_executor() -> None:
    def refuse(workers: int) -> Executor:
        raise AssertionError("an executor was made for no job")

    with open_pool(4, refuse) as pool:
        assert list(pool.run("master", [])) == []
