"""Stage: master each episode's raw recording (``raw/<slug>.<ext>``) unless it is up to date.

Up to date means: the build cache holds a master of the same recording (by content hash) with
the same settings and bumpers, and ``audio/<slug>.<format>`` is still the file it wrote (or tagged).
The masters to make run as jobs on the build's ``JobPool`` (``jobs.py``: this process, a process
pool sized to the machine by default, or a Dask cluster); each finished job is recorded in the
cache at once, so an interrupted build resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path
from typing import Any

from audio.master import MasterReport, MasterSettings, intro_shift_seconds, master
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.build.jobs import Job, JobPool
from segcast.build.layout import RAW, RAW_EXTENSIONS, audio_output, find_raw, folder_names
from segcast.config import ShowConfig
from segments.errors import SegcastError

__all__ = ["MASTER_STEP", "default_jobs", "master_audio", "master_key"]

#: The cache step name of a master; bump the version when mastering changes what it makes.
MASTER_STEP = "master"
MASTER_VERSION = 1

#: What a master's cache record keeps: how far it moved the recording's times (MasterReport).
SHIFT = "shift_seconds"


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
        try:
            named = episode.segment.raw
            episode.raw = find_raw(show_dir, episode.slug, present, named, episode.path)
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        if episode.raw is not None:
            with_raw.append(episode)
    used = {episode.raw.resolve() for episode in with_raw if episode.raw is not None}
    by_slug = {episode.slug: episode.raw for episode in with_raw}
    # A recording of a segment file that could not be read: that file's error says it all.
    unread = {path.stem for path in report.unread}
    without = {episode.slug: episode.path for episode in episodes if episode.raw is None}
    without.update(report.not_ready_files)
    for raw in sorted((show_dir / RAW).glob("*")):
        if raw.suffix.lower() not in RAW_EXTENSIONS or not raw.is_file():
            continue
        if raw.resolve() in used or raw.stem in unread:
            continue
        if raw.stem in report.drafts and raw.stem not in by_slug:
            continue  # a draft's recording waits for it to be ready
        chosen = by_slug.get(raw.stem)
        why = f"{chosen.name} is the one used" if chosen else "no segment has that slug"
        if chosen is None:
            why += _suggestion(raw, without)
        report.warn(raw, f"not mastered: {why}")
    return with_raw


def _suggestion(raw: Path, candidates: dict[str, Path]) -> str:
    """Return "; did you mean ..." naming the episode without a recording ``raw`` likely is.

    ``candidates`` maps the slugs of episodes without a recording to their segment files.
    """
    close = difflib.get_close_matches(raw.stem, list(candidates), n=1, cutoff=0.6)
    if not close:
        return ""
    return (
        f"; did you mean {close[0]!r}? Rename it {close[0]}{raw.suffix}, or name it in "
        f"{candidates[close[0]].name}: raw: {RAW}/{raw.name}"
    )


def master_key(cache: BuildCache, raw: Path, settings: MasterSettings) -> str:
    """Return the cache key of mastering ``raw`` with ``settings``: contents, not file names."""
    fields: dict[str, Any] = dataclasses.asdict(settings)
    for name in ("intro", "outro"):
        bumper = getattr(settings, name)
        fields[name] = cache.hash(bumper) if bumper is not None else None
    fields.pop("measure_input_peak", None)  # changes the report only, not the file
    fields.pop("alternates", None)  # made from the master afterwards (``alternates`` stage)
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
    old_records: list[float] = []  # the intro's shift, read once for records without one
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
        known = None if force else cache.done(MASTER_STEP, episode.slug, key, output)
        shift = None if known is None else _known_shift(known, settings, old_records)
        if shift is not None:
            report.skipped.append(episode.slug)
            episode.audio, episode.mastered, episode.shift_seconds = output, True, shift
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
        cache.record(MASTER_STEP, episode.slug, key, output, {SHIFT: result.shift_seconds})
        cache.commit()
        report.masters.append(result)
        report.mastered.append(episode.slug)
        episode.audio, episode.mastered = output, True
        episode.shift_seconds = result.shift_seconds
        if not result.target_met:
            off = result.after.integrated_lufs - result.target_lufs
            report.warn(output, f"loudness is {off:+.1f} LU off the target")
    # Report order does not depend on which worker finished first.
    report.mastered.sort()
    report.masters.sort(key=lambda result: str(result.output))
    return episodes


def _known_shift(
    known: dict[str, Any], settings: MasterSettings, intro: list[float]
) -> float | None:
    """Return how far an up-to-date master moved the recording's times; None: master again.

    A record from before the shift was stored is good when nothing but an intro moves times
    (its length says how far, kept in ``intro`` once read); with trimming only the master knows.
    """
    shift = known.get(SHIFT)
    if isinstance(shift, int | float) and not isinstance(shift, bool):
        return float(shift)
    if settings.trim_silence:
        return None
    if not intro:
        intro.append(intro_shift_seconds(settings) or 0.0)
    return intro[0]


def _raw(episode: Episode) -> Path:
    """Return the recording of an episode the plan gave one."""
    assert episode.raw is not None
    return episode.raw
