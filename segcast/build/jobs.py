"""The audio jobs of a build (master, alternates, tag) on one executor, with retries and progress.

A stage hands ``JobPool.run`` its jobs (a name, the file a failure is about, a function and its
arguments) and gets each ``Outcome`` back as soon as it is finished, so it records the result in
the build cache at once: a build interrupted at any point resumes where it stopped. The job's
``done`` event follows the stage's handling of it, so a script that saw ``done`` knows the job
is recorded. Where the
jobs run is the executor's business, behind ``concurrent.futures.Executor``: none (this process,
one at a time), the local process pool (``--jobs N``), or a Dask cluster (``--cluster``,
``segcast.build.cluster``). The same ``JobEvent`` stream reports progress for all three.

A job that fails is submitted again, at most ``retries`` more times (on a cluster it may then run
on another worker; a process pool that broke, because a worker process died, is made anew), then
reported with its reason while the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from segments.errors import AudioError, SegcastError

__all__ = [
    "DEFAULT_RETRIES",
    "ExecutorFactory",
    "Job",
    "JobEvent",
    "JobPool",
    "Outcome",
    "ProgressSink",
    "open_pool",
]

_R = TypeVar("_R")

#: How many times a failed job is submitted again before it is reported.
DEFAULT_RETRIES = 2

#: Makes the executor that runs the jobs, given the number of workers.
ExecutorFactory = Callable[[int], Executor]

#: What happened: a stage began (``start``) or ended (``end``), a job finished (``done``), failed
#: and goes again (``retry``) or failed for good (``failed``).
EventKind = Literal["start", "done", "retry", "failed", "end"]


@dataclass(frozen=True)
class JobEvent:
    """One step of a stage's progress: counts, and an estimate of the time left.

    ``eta_seconds`` is the remaining jobs (running ones included) at the rate jobs finished so
    far in this stage; None until one has finished.
    """

    event: EventKind
    stage: str
    name: str | None
    done: int
    running: int
    failed: int
    remaining: int
    total: int
    elapsed_seconds: float
    eta_seconds: float | None
    attempt: int = 0
    reason: str | None = None

    def as_json(self) -> dict[str, Any]:
        """Return the event as ``segcast build --json`` prints it (one object a line)."""
        return {
            "event": self.event,
            "stage": self.stage,
            "name": self.name,
            "done": self.done,
            "running": self.running,
            "failed": self.failed,
            "remaining": self.remaining,
            "total": self.total,
            "elapsed_seconds": round(self.elapsed_seconds, 3),
            "eta_seconds": None if self.eta_seconds is None else round(self.eta_seconds, 1),
            "attempt": self.attempt,
            "reason": self.reason,
        }


#: Told every ``JobEvent`` as it happens (the command line draws or prints them).
ProgressSink = Callable[[JobEvent], None]


@dataclass(frozen=True)
class Job(Generic[_R]):
    """One unit of audio work: ``call(*args)``, named by its episode; ``where`` a failure is."""

    name: str
    where: Path
    call: Callable[..., _R]
    args: tuple[Any, ...]


@dataclass(frozen=True)
class Outcome(Generic[_R]):
    """A finished job: its result, or the error of its last attempt; how many attempts it took."""

    job: Job[_R]
    result: _R | None
    error: SegcastError | None
    attempts: int


def _as_error(job: Job[Any], exc: BaseException) -> SegcastError:
    """Return ``exc`` as a one-line error about the job's file (a lost worker is not one)."""
    if isinstance(exc, SegcastError):
        return exc
    reason = str(exc) or type(exc).__name__
    return AudioError(f"job failed ({type(exc).__name__}: {reason})", job.where)


class _Counts:
    """The numbers every event carries, kept as jobs move."""

    def __init__(self, stage: str, total: int, width: int, sink: ProgressSink | None) -> None:
        self.stage, self.total, self.width, self.sink = stage, total, width, sink
        self.done = self.failed = 0
        self.started = time.monotonic()

    def emit(self, event: EventKind, name: str | None = None, **extra: Any) -> None:
        if self.sink is None:
            return
        finished = self.done + self.failed
        left = self.total - finished
        elapsed = time.monotonic() - self.started
        eta = left * elapsed / finished if finished else None
        self.sink(
            JobEvent(
                event=event,
                stage=self.stage,
                name=name,
                done=self.done,
                running=min(self.width, left),
                failed=self.failed,
                remaining=left,
                total=self.total,
                elapsed_seconds=elapsed,
                eta_seconds=eta,
                **extra,
            )
        )


class JobPool:
    """Runs jobs on an executor made on first need; use ``open_pool``."""

    def __init__(
        self,
        jobs: int,
        factory: ExecutorFactory | None,
        *,
        retries: int = DEFAULT_RETRIES,
        progress: ProgressSink | None = None,
    ) -> None:
        self.jobs, self.factory, self.retries, self.progress = jobs, factory, retries, progress
        self._executor: Executor | None = None

    def _pool(self, todo: int) -> Executor | None:
        """Return the executor for ``todo`` jobs; None: run them here, one at a time."""
        if self._executor is None and (self.factory is not None or min(self.jobs, todo) > 1):
            self._executor = self._make(min(self.jobs, todo))
        return self._executor

    def _make(self, workers: int) -> Executor:
        from concurrent.futures import ProcessPoolExecutor

        factory = self.factory or (lambda n: ProcessPoolExecutor(max_workers=n))
        return factory(workers)

    @property
    def width(self) -> int:
        """How many jobs run at once."""
        width = getattr(self._executor, "width", None)
        return width if isinstance(width, int) else max(1, self.jobs)

    def close(self) -> None:
        """Shut the executor down, cancelling what has not started."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def run(self, stage: str, jobs: Iterable[Job[_R]]) -> Iterator[Outcome[_R]]:
        """Yield each job's outcome as it finishes (in finishing order), retrying failures."""
        todo = list(jobs)
        if not todo:
            return
        pool = self._pool(len(todo))
        counts = _Counts(stage, len(todo), 1 if pool is None else self.width, self.progress)
        counts.emit("start")
        if pool is None:
            for job in todo:
                yield from self._settle(counts, job, *self._here(counts, job))
        else:
            yield from self._on(counts, todo)
        counts.emit("end")

    def _here(self, counts: _Counts, job: Job[_R]) -> tuple[_R | None, SegcastError | None, int]:
        """Run ``job`` in this process, retrying; return its result or last error, attempts."""
        attempt = 0
        while True:
            attempt += 1
            try:
                return job.call(*job.args), None, attempt
            except Exception as exc:  # any failure is retried, then reported
                error = _as_error(job, exc)
                if attempt > self.retries:
                    return None, error, attempt
                counts.emit("retry", job.name, attempt=attempt, reason=str(error))

    def _on(self, counts: _Counts, todo: list[Job[_R]]) -> Iterator[Outcome[_R]]:
        """Run ``todo`` on the executor; one that broke is made anew for what is left."""
        attempts = {id(job): 1 for job in todo}
        #: Each future's job and the executor it went to (a broken one is replaced once).
        pending: dict[Future[_R], tuple[Job[_R], Executor]] = {}
        for job in todo:
            future, ran_on = self._submit(job)
            pending[future] = (job, ran_on)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                job, ran_on = pending.pop(future)
                try:
                    result = future.result()
                except Exception as exc:
                    error = _as_error(job, exc)
                    if attempts[id(job)] > self.retries:
                        yield from self._settle(counts, job, None, error, attempts[id(job)])
                        continue
                    counts.emit("retry", job.name, attempt=attempts[id(job)], reason=str(error))
                    attempts[id(job)] += 1
                    if isinstance(exc, BrokenExecutor) and ran_on is self._executor:
                        self._renew()
                    future, ran_on = self._submit(job)
                    pending[future] = (job, ran_on)
                    continue
                yield from self._settle(counts, job, result, None, attempts[id(job)])

    def _submit(self, job: Job[_R]) -> tuple[Future[_R], Executor]:
        """Submit ``job`` to the executor, made anew first if it broke since (a worker died)."""
        assert self._executor is not None
        try:
            return self._executor.submit(job.call, *job.args), self._executor
        except BrokenExecutor:  # broken by a job whose failure is not yet handled
            self._renew()
            assert self._executor is not None
            return self._executor.submit(job.call, *job.args), self._executor

    def _renew(self) -> None:
        """Replace the broken executor with a new one of the same width."""
        assert self._executor is not None
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._make(self.jobs)

    def _settle(
        self,
        counts: _Counts,
        job: Job[_R],
        result: _R | None,
        error: SegcastError | None,
        attempts: int,
    ) -> Iterator[Outcome[_R]]:
        """Yield the outcome, then tell progress: a ``done`` event means the stage recorded it."""
        if error is None:
            counts.done += 1
        else:
            counts.failed += 1
        yield Outcome(job, result, error, attempts)
        if error is None:
            counts.emit("done", job.name, attempt=attempts)
        else:
            counts.emit("failed", job.name, attempt=attempts, reason=str(error))


@contextmanager
def open_pool(
    jobs: int,
    factory: ExecutorFactory | None = None,
    *,
    retries: int = DEFAULT_RETRIES,
    progress: ProgressSink | None = None,
) -> Iterator[JobPool]:
    """Yield a pool running ``jobs`` at once on what ``factory`` makes; shut it down after."""
    pool = JobPool(jobs, factory, retries=retries, progress=progress)
    try:
        yield pool
    finally:
        pool.close()
