"""Stage: master each episode's raw recording (``raw/<slug>.<ext>``) unless it is up to date."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from audio.master import master
from segcast.build.episode import BuildReport, Episode, Progress
from segcast.build.layout import AUDIO, RAW, RAW_EXTENSIONS, find_raw
from segcast.config import ShowConfig
from segments.errors import SegcastError

__all__ = ["master_audio"]


def _plan(config: ShowConfig, episodes: list[Episode], report: BuildReport) -> list[Episode]:
    """Return the episodes with a raw recording; warn of recordings nobody uses."""
    show_dir = config.folder
    with_raw = []
    for episode in episodes:
        episode.raw = find_raw(show_dir, episode.slug)
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


def is_up_to_date(output: Path, inputs: Iterable[Path]) -> bool:
    """Return whether ``output`` exists and is newer than every one of ``inputs``."""
    try:
        built = output.stat().st_mtime_ns
    except FileNotFoundError:
        return False
    return all(built > path.stat().st_mtime_ns for path in inputs)


def master_audio(
    config: ShowConfig,
    episodes: list[Episode],
    report: BuildReport,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> list[Episode]:
    """Master each episode's raw file to ``audio/<slug>.<format>`` unless up to date.

    ``force`` masters again even what is up to date. An episode whose file is (now) mastered has
    ``mastered`` set and ``audio`` pointing at it.
    """
    settings = config.audio
    bumpers = [p for p in (settings.intro, settings.outro) if p is not None]
    todo: list[Episode] = []
    for episode in _plan(config, episodes, report):
        assert episode.raw is not None
        output = config.folder / AUDIO / f"{episode.slug}.{settings.format}"
        if not force and is_up_to_date(output, [episode.raw, config.path, *bumpers]):
            report.skipped.append(episode.slug)
            episode.audio, episode.mastered = output, True
        else:
            todo.append(episode)
    for episode in progress(todo, "mastering") if progress and todo else todo:
        assert episode.raw is not None
        output = config.folder / AUDIO / f"{episode.slug}.{settings.format}"
        try:
            result = master(episode.raw, output, settings)
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        report.masters.append(result)
        report.mastered.append(episode.slug)
        episode.audio, episode.mastered = output, True
        if not result.target_met:
            off = result.after.integrated_lufs - result.target_lufs
            report.warn(output, f"loudness is {off:+.1f} LU off the target")
    return episodes
