"""Stage: encode each mastered episode in the alternate encodings ``[audio] alternates`` names.

Each alternate (``audio/<slug>.opus``, ``audio/<slug>.m4a``) is made from the mastered file, not
mastered again (``audio.alternates``). Up to date means: the cache holds an encoding of the same
master (the master's own key: recording, settings, bumpers) with the same encoding table row,
and the file is still the one it wrote (or tagged). The tags of the mastered file are not part
of the key: a tag change re-tags the alternate, it does not encode it again.
"""

from __future__ import annotations

import dataclasses

from audio.alternates import alternate_name, encode_alternate
from audio.settings import ALTERNATES
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode, Progress
from segcast.build.layout import AUDIO
from segcast.config import ShowConfig
from segments.errors import SegcastError

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
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> list[Episode]:
    """Encode every mastered episode in each alternate encoding asked for, unless up to date.

    An episode the master stage did not master (no raw recording: the producer's own file) gets
    no alternates: segcast publishes only what it made from one master.
    """
    names = config.audio.alternates
    todo = []
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
                todo.append((episode, name, output, key))
    for episode, name, output, key in progress(todo, "encoding") if progress else todo:
        assert episode.audio is not None
        try:
            result = encode_alternate(episode.audio, output, name)
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        report.encodings.append(result)
        peak, ceiling = result.loudness.true_peak_dbtp, config.audio.true_peak_ceiling
        if peak is not None and peak > ceiling:
            report.warn(output, f"true peak {peak:.1f} dBTP is over the {ceiling:g} dBTP ceiling")
        cache.record(ALTERNATE_STEP, output.name, key, output)
        cache.commit()
        report.encoded.append(output.name)
        episode.alternates[name] = (output, key)
    return episodes
