"""Stage: read every segment file of the show, once, into one ``Episode`` each."""

from __future__ import annotations

from segcast.build.episode import BuildReport, Episode
from segcast.build.layout import SEGMENTS
from segcast.config import ShowConfig
from segments.errors import InputError, SegcastError
from segments.segmentfile import read_segment

__all__ = ["read_segments"]


def read_segments(config: ShowConfig, report: BuildReport) -> list[Episode]:
    """Return an episode for each ``segments/*.md`` in name order; slugs must be unique.

    An unreadable file, or a second file with a slug already taken, is a problem (the feed is
    then not built: it would silently lack that episode) and is left out.
    """
    folder = config.folder / SEGMENTS
    episodes: list[Episode] = []
    seen: dict[str, Episode] = {}
    for path in sorted(folder.glob("*.md")):
        try:
            segment = read_segment(path)
            if segment.slug in seen:
                other = seen[segment.slug].path
                raise InputError(f"slug {segment.slug!r} is also the slug of {other}", path)
        except SegcastError as exc:
            report.problem(exc)
            report.unread.append(path)
            continue
        episode = Episode(path=path, segment=segment)
        seen[segment.slug] = episode
        episodes.append(episode)
    return episodes
