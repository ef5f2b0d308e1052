"""Stage: encode each mastered episode in the alternate encodings ``[audio] alternates`` names.

Each alternate (``audio/<slug>.opus``, ``audio/<slug>.m4a``) is made from the mastered file, not
mastered again (``audio.alternates``). Up to date means: the cache holds an encoding of the same
master (the master's own key: recording, settings, bumpers) with the same encoding table row,
and the file is still the one it wrote (or tagged). The tags of the mastered file are not part
of the key: a tag change re-tags the alternate, it does not encode it again. The encodes run as
jobs on the build's ``JobPool`` (``jobs.py``), beside each other and on a cluster too; each
finished one is recorded in the cache at once.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from audio.alternates import AlternateReport, alternate_name, encode_alternate
from audio.settings import ALTERNATES, Alternate
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.build.jobs import Job, JobPool
from segcast.build.layout import AUDIO
from segcast.config import ShowConfig

__all__ = ["ALTERNATE_STEP", "encode_alternates"]

#: The cache step name of an alternate encoding; bump the version when encoding changes.
ALTERNATE_STEP = "alternate"
ALTERNATE_VERSION = 1


def alternate_key(master_key: str, name: str) -> str:
    """Return the cache key of encoding the master with key ``master_key`` as ``name``."""
    row = dataclasses.asdict(ALTERNATES[name])
    return step_key(ALTERNATE_STEP, ALTERNATE_VERSION, master_key, name, row)


def encode_alternates(
    config: ShowConfig,
    episodes: list[Episode],
    report: BuildReport,
    cache: BuildCache,
    pool: JobPool,
    *,
    force: bool = False,
) -> list[Episode]:
    """Encode every mastered episode in each alternate encoding asked for, unless up to date.

    An episode the master stage did not master (no raw recording: the producer's own file) gets
    no alternates: segcast publishes only what it made from one master.
    """
    names = config.audio.alternates
    todo: list[Job[AlternateReport]] = []
    planned: dict[str, tuple[Episode, Alternate, Path, str]] = {}
    for episode in sorted(episodes, key=lambda e: e.slug):
        if not names or not episode.mastered or episode.master_key is None:
            continue
        for name in names:
            output = config.folder / AUDIO / alternate_name(episode.slug, name)
            key = alternate_key(episode.master_key, name)
            if not force and cache.done(ALTERNATE_STEP, output.name, key, output) is not None:
                report.encodings_unchanged.append(output.name)
                episode.alternates[name] = (output, key)
            else:
                assert episode.audio is not None
                planned[output.name] = (episode, name, output, key)
                args = (episode.audio, output, name)
                todo.append(Job(output.name, output, encode_alternate, args))
    # Each finished encode is recorded at once: a build killed later resumes after it.
    for outcome in pool.run("alternates", todo):
        episode, name, output, key = planned[outcome.job.name]
        if outcome.error is not None:
            report.problem(outcome.error, episode)
            continue
        result = outcome.result
        assert result is not None  # a job without error returned its report
        report.encodings.append(result)
        peak, ceiling = result.loudness.true_peak_dbtp, config.audio.true_peak_ceiling
        if peak is not None and peak > ceiling:
            report.warn(output, f"true peak {peak:.1f} dBTP is over the {ceiling:g} dBTP ceiling")
        cache.record(ALTERNATE_STEP, output.name, key, output)
        cache.commit()
        report.encoded.append(output.name)
        episode.alternates[name] = (output, key)
    # Neither the feed's order of encodings nor the report's depends on which worker was first.
    for episode in {id(e): e for e, *_ in planned.values()}.values():
        episode.alternates = {n: episode.alternates[n] for n in names if n in episode.alternates}
    report.encoded.sort()
    report.encodings.sort(key=lambda result: result.output.name)
    return episodes
