"""Stage: decide what this build releases: published now, scheduled for later, draft, not ready.

The segment file's ``status`` (``segments.model.Status``) and its ``published`` moment, against
the build's one ``now``, decide (``sort_releases``, right after reading):

- a **draft** leaves the build at once: no GUID, no master, nothing published;
- a **scheduled** episode (status ``scheduled``, or any whose published moment is after ``now``)
  is mastered and tagged like the rest and its GUID stored, so it is ready at its time, but it
  stays out of everything published (feed, transcripts, chapters, pages, audio in OUT) until the
  first build after that moment, which publishes it;
- an episode that is **not ready** is skipped with a warning naming its segment file and what is
  missing, and the others are published: no audio at all (no recording, no file, no URL: it
  leaves the build at once, undated and without a GUID), or no date under ``--strict`` (its
  recording is still mastered, ready for the build that has its date).
"""

from __future__ import annotations

import datetime as dt

from segcast.build.episode import BuildReport, Episode
from segcast.build.feed import pub_date
from segcast.build.guids import store_new_guid
from segcast.build.layout import AUDIO, RAW, find_audio, find_raw, folder_names
from segcast.config import ShowConfig
from segments.errors import SegcastError

__all__ = [
    "NO_DATE",
    "NO_SCHEDULE",
    "missing_audio",
    "published",
    "some_ready",
    "sort_releases",
    "store_scheduled",
]

#: What an episode without a date lacks under ``--strict``, and a scheduled one without a date.
NO_DATE = "no published date (front matter key 'published')"
NO_SCHEDULE = "status scheduled but no published date (front matter key 'published')"


def _skip(episode: Episode, report: BuildReport, missing: str) -> None:
    episode.release = "skipped"
    report.not_ready[episode.slug] = missing
    report.not_ready_files[episode.slug] = episode.path
    report.warn(episode.path, f"not published: {missing}")


def sort_releases(
    config: ShowConfig,
    episodes: list[Episode],
    report: BuildReport,
    now: dt.datetime,
    *,
    strict: bool = False,
) -> list[Episode]:
    """Return the episodes that go on through the build: neither drafts nor skipped.

    Scheduled episodes go on (they are mastered and tagged) with ``release_at`` set; so do the
    undated under ``strict``, skipped (their recordings are mastered for the next build). A
    scheduled episode with no audio yet is skipped too: it is not ready for its moment.
    """
    going_on = []
    raw, audio = folder_names(config.folder / RAW), folder_names(config.folder / AUDIO)
    for episode in episodes:
        segment = episode.segment
        if segment.status == "draft":
            episode.release = "draft"
            report.drafts.append(episode.slug)
            continue
        missing = missing_audio(config, episode, raw, audio)
        if missing is not None:
            _skip(episode, report, missing)
            continue
        if segment.published is None:
            if segment.status == "scheduled" or strict:
                _skip(episode, report, NO_SCHEDULE if segment.status == "scheduled" else NO_DATE)
        else:
            try:
                at = pub_date(segment, config.show, episode.path)
            except SegcastError as exc:
                report.problem(exc, episode)
            else:
                if at > now:
                    episode.release, episode.release_at = "scheduled", at
                    report.scheduled[episode.slug] = at
        going_on.append(episode)
    return going_on


def missing_audio(
    config: ShowConfig, episode: Episode, raw: frozenset[str], audio: frozenset[str]
) -> str | None:
    """Return what is missing when an episode has no audio at all, else None.

    No audio at all: no recording to master, no audio file, no audio URL. ``raw`` and ``audio``
    list ``SHOW_DIR/raw`` and ``SHOW_DIR/audio``. A recording that fails to master, or a named
    audio file that is missing, is a problem of its own (the master or feed stage reports it).
    """
    segment = episode.segment
    try:
        if find_raw(config.folder, episode.slug, raw, segment.raw, episode.path) is not None:
            return None
    except SegcastError:
        return None  # a raw: key naming no file: the master stage reports it, on its segment
    try:
        if find_audio(config.folder, segment, episode.path, audio) is not None:
            return None
    except SegcastError:
        return None
    if segment.audio is not None and segment.audio.url is not None:
        return None
    return (
        f"no audio: no recording {RAW}/{episode.slug}.*, no file {AUDIO}/{episode.slug}.* "
        "and no audio URL"
    )


def some_ready(published: list[Episode], report: BuildReport) -> bool:
    """Say whether a feed may be built: not when every episode to publish was skipped.

    A feed emptied by missing audio or dates would tell every app the show has no episodes;
    that is a problem instead, and the previous feed stays.
    """
    if published or not report.not_ready:
        return True
    skipped = len(report.not_ready)
    message = f"no episode is ready ({skipped} skipped, see the warnings); the previous feed stays"
    report.problem(SegcastError(message, report.show_dir))
    return False


def published(episodes: list[Episode]) -> list[Episode]:
    """Return the episodes this build publishes."""
    return [episode for episode in episodes if episode.release == "published"]


def store_scheduled(episodes: list[Episode], report: BuildReport) -> None:
    """Store the GUID of each scheduled episode, assigned by its first build (none are published).

    Tagging stores it for a mastered file; this stores it for the others, once the feed was built.
    A segment file that cannot take it is a problem (a GUID never published is not lost).
    """
    for episode in episodes:
        if episode.release != "scheduled":
            continue
        try:
            store_new_guid(episode)
        except SegcastError as exc:
            report.problem(exc, episode)
