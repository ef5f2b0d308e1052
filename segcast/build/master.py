"""Stage: master each episode's raw recording (``raw/<slug>.<ext>``) unless it is up to date.

Up to date means: the build cache holds a master of the same recording (by content hash) with
the same settings and bumpers, and ``audio/<slug>.<format>`` is still the file it wrote (or tagged).
The masters to make run as jobs on a ``concurrent.futures`` executor, a process pool sized to the
machine by default; each finished job is recorded in the cache at once, so an interrupted build
resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from audio.master import MasterReport, MasterSettings, master
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode, Progress
from segcast.build.layout import RAW, RAW_EXTENSIONS, audio_output, find_raw, folder_names
from segcast.config import ShowConfig
from segments.errors import SegcastError

__all__ = ["MASTER_STEP", "default_jobs", "master_audio", "master_key"]

#: The cache step name of a master; bump the version when mastering changes what it makes.
MASTER_STEP = "master"
MASTER_VERSION = 1

#: Makes the executor that runs the jobs, given the number of workers.
ExecutorFactory = Callable[[int], Executor]


def default_jobs() -> int:
    """Return how many masters run at once by default: one per processor this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _plan(config: ShowConfig, episodes: list[Episode], report: BuildReport) -> list[Episode]:
    """Return the episodes with a raw recording; warn of recordings nobody uses."""
    show_dir = config.folder
    with_raw = []
    present = folder_names(show_dir / RAW)
    for episode in episodes:
        episode.raw = find_raw(show_dir, episode.slug, present)
        if episode.raw is not None:
            with_raw.append(episode)
    used = {episode.slug: episode.raw for episode in with_raw}
    for raw in sorted((show_dir / RAW).glob("*")):
        if raw.suffix.lower() not in RAW_EXTENSIONS or raw in used.values() or not raw.is_file():
            continue
        chosen = used.get(raw.stem)
        why = f"{chosen.name} is the one used" if chosen else "no segment has that slug"
        report.warn(raw, f"not mastered: {why}")
    return with_raw


def master_key(cache: BuildCache, raw: Path, settings: MasterSettings) -> str:
    """Return the cache key of mastering ``raw`` with ``settings``: contents, not file names."""
    fields: dict[str, Any] = dataclasses.asdict(settings)
    for name in ("intro", "outro"):
        bumper = getattr(settings, name)
        fields[name] = cache.hash(bumper) if bumper is not None else None
    fields.pop("measure_input_peak", None)  # changes the report only, not the file
    return step_key(MASTER_STEP, MASTER_VERSION, cache.hash(raw), fields)


@contextmanager
def _executor(jobs: int, factory: ExecutorFactory | None) -> Iterator[Executor | None]:
    """Yield the executor for ``jobs`` workers; None means run in this process (one job)."""
    if factory is None and jobs <= 1:
        yield None
        return
    executor = (factory or (lambda n: ProcessPoolExecutor(max_workers=n)))(jobs)
    try:
        yield executor
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def master_audio(
    config: ShowConfig,
    episodes: list[Episode],
    report: BuildReport,
    cache: BuildCache,
    *,
    force: bool = False,
    jobs: int = 1,
    executor: ExecutorFactory | None = None,
    progress: Progress | None = None,
) -> list[Episode]:
    """Master each episode's raw file to ``audio/<slug>.<format>`` unless up to date.

    ``force`` masters again even what is up to date; ``jobs`` masters run at once on the
    executor ``executor`` makes (default: a process pool). An episode whose file is (now)
    mastered has ``mastered`` set and ``audio`` pointing at it.
    """
    settings = config.audio
    todo: list[tuple[Episode, Path, str]] = []
    for episode in _plan(config, episodes, report):
        try:
            output = audio_output(config.folder, episode.slug, settings.format, episode.path)
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        try:
            key = master_key(cache, _raw(episode), settings)
        except OSError as exc:
            report.problem(SegcastError(f"cannot read: {exc.strerror or exc}", episode.raw))
            continue
        episode.master_key = key
        if not force and cache.done(MASTER_STEP, episode.slug, key, output) is not None:
            report.skipped.append(episode.slug)
            episode.audio, episode.mastered = output, True
        else:
            todo.append((episode, output, key))
    if not todo:
        return episodes

    def finished(episode: Episode, output: Path, key: str, result: MasterReport) -> None:
        cache.record(MASTER_STEP, episode.slug, key, output)
        cache.commit()
        report.masters.append(result)
        report.mastered.append(episode.slug)
        episode.audio, episode.mastered = output, True
        if not result.target_met:
            off = result.after.integrated_lufs - result.target_lufs
            report.warn(output, f"loudness is {off:+.1f} LU off the target")

    with _executor(min(jobs, len(todo)), executor) as pool:
        if pool is None:
            items = [episode for episode, _, _ in todo]
            by_episode = {id(e): (o, k) for e, o, k in todo}
            for episode in progress(items, "mastering") if progress else items:
                output, key = by_episode[id(episode)]
                try:
                    result = master(_raw(episode), output, settings)
                except SegcastError as exc:
                    report.problem(exc, episode)
                    continue
                finished(episode, output, key, result)
        else:
            futures: dict[Future[MasterReport], tuple[Episode, Path, str]] = {
                pool.submit(master, _raw(e), o, settings): (e, o, k) for e, o, k in todo
            }
            for future in _progress(progress, as_completed(futures), len(futures)):
                episode, output, key = futures[future]
                try:
                    result = future.result()
                except SegcastError as exc:
                    report.problem(exc, episode)
                    continue
                finished(episode, output, key, result)
    # Report order does not depend on which worker finished first.
    report.mastered.sort()
    return episodes


def _raw(episode: Episode) -> Path:
    """Return the recording of an episode the plan gave one."""
    assert episode.raw is not None
    return episode.raw


def _progress(progress: Progress | None, done: Iterator[Any], total: int) -> Iterator[Any]:
    """Yield finished futures as they come, moving the progress bar by one each."""
    if progress is None:
        yield from done
        return
    for future, _ in zip(done, progress(range(total), "mastering"), strict=False):
        yield future
