"""Stage: master each episode's raw recording (``raw/<slug>.<ext>``) unless it is up to date.

Up to date means: the build cache holds a master of the same recording (by content hash) with
the same settings and bumpers, and ``audio/<slug>.<format>`` is still the file it wrote (or tagged).
The masters to make run as jobs on the build's ``JobPool`` (``jobs.py``: this process, a process
pool sized to the machine by default, or a Dask cluster); each finished job is recorded in the
cache at once, so an interrupted build resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from audio.master import MasterReport, MasterSettings, master
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.build.jobs import Job, JobPool
from segcast.build.layout import AUDIO, RAW, RAW_EXTENSIONS, find_raw, folder_names
from segcast.config import ShowConfig
from segments.errors import SegcastError

__all__ = ["MASTER_STEP", "default_jobs", "master_audio", "master_key"]

#: The cache step name of a master; bump the version when mastering changes what it makes.
MASTER_STEP = "master"
MASTER_VERSION = 1


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


def master_audio(
    config: ShowConfig,
    episodes: list[Episode],
    report: BuildReport,
    cache: BuildCache,
    pool: JobPool,
    *,
    force: bool = False,
) -> list[Episode]:
    """Master each episode's raw file to ``audio/<slug>.<format>`` unless up to date.

    ``force`` masters again even what is up to date; the masters run as jobs on ``pool`` (this
    process, the local process pool or a cluster). An episode whose file is (now) mastered has
    ``mastered`` set and ``audio`` pointing at it.
    """
    settings = config.audio
    todo: list[Job[MasterReport]] = []
    planned: dict[str, tuple[Episode, Path, str]] = {}
    for episode in _plan(config, episodes, report):
        output = config.folder / AUDIO / f"{episode.slug}.{settings.format}"
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
            planned[episode.slug] = (episode, output, key)
            todo.append(Job(episode.slug, _raw(episode), master, (_raw(episode), output, settings)))
    # Each finished job is recorded at once: a build killed later resumes after it.
    for outcome in pool.run("master", todo):
        episode, output, key = planned[outcome.job.name]
        if outcome.error is not None:
            report.problem(outcome.error, episode)
            continue
        result = outcome.result
        assert result is not None  # a job without error returned its report
        cache.record(MASTER_STEP, episode.slug, key, output)
        cache.commit()
        report.masters.append(result)
        report.mastered.append(episode.slug)
        episode.audio, episode.mastered = output, True
        if not result.target_met:
            off = result.after.integrated_lufs - result.target_lufs
            report.warn(output, f"loudness is {off:+.1f} LU off the target")
    # Report order does not depend on which worker finished first.
    report.mastered.sort()
    report.masters.sort(key=lambda result: str(result.output))
    return episodes


def _raw(episode: Episode) -> Path:
    """Return the recording of an episode the plan gave one."""
    assert episode.raw is not None
    return episode.raw
