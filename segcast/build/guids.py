"""Stage: give every episode without a GUID a new one (and without a date, this moment).

GUIDs and first-publication dates are assigned here only, in memory; ``store_assigned`` writes
them into the segment file the first time they leave the build (tagged into an audio file, or
published in the feed), so a failed build leaves the segment files as they were and a published
GUID or date is never lost or changed by a later build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from feeds.guids import new_episode_guid
from segcast.build.episode import BuildReport, Episode
from segments.errors import InputError
from segments.files import write_atomic
from segments.model import Segment
from segments.segmentfile import parse_segment, write_segment

__all__ = ["assign_dates", "assign_guids", "store_assigned", "store_new_guid"]


def assign_guids(episodes: list[Episode]) -> list[Episode]:
    """Return ``episodes``, each one that had no GUID now holding a new one (not yet stored)."""
    for episode in episodes:
        if episode.segment.guid is None:
            episode.segment = replace(episode.segment, guid=new_episode_guid())
            episode.new_guid = True
    return episodes


def assign_dates(episodes: list[Episode], now: dt.datetime, report: BuildReport) -> list[Episode]:
    """Date each episode without ``published`` at ``now``, its first publication, with a warning.

    An episode skipped as not ready (undated under ``--strict``, see ``release``) stays undated.
    """
    moment = now.astimezone(dt.UTC).replace(microsecond=0)
    for episode in episodes:
        if episode.segment.published is not None or episode.release == "skipped":
            continue
        episode.segment = replace(episode.segment, published=moment)
        episode.new_date = True
        report.warn(
            episode.path,
            f"no published date: dated {moment.isoformat()}, its first publication "
            "(stored in the segment file)",
        )
    return episodes


def store_new_guid(episode: Episode) -> bool:
    """Store what this run assigned the episode (GUID, date) in its segment file; say if any."""
    if not (episode.new_guid or episode.new_date):
        return False
    store_assigned(episode.path, episode.segment, guid=episode.new_guid, date=episode.new_date)
    new_guid = episode.new_guid
    episode.new_guid = episode.new_date = False
    return new_guid


def store_assigned(path: Path, segment: Segment, *, guid: bool = True, date: bool = False) -> None:
    """Store ``segment``'s GUID and/or date in its file atomically, keeping the rest as written.

    The lines go right after the opening ``---``, so the producer's formatting and comments
    survive; if the file would not read back as ``segment``, it is rewritten whole.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot store the GUID: {exc}", path) from exc
    # Only the GUID and date are stored: what the build derived in memory (the pairing's times
    # and speakers, chapters) stays out of the file, which keeps the producer's text as written.
    on_disk = parse_segment(text, where=str(path), default_slug=path.stem)
    if guid and on_disk.guid is not None and on_disk.guid != segment.guid:
        # Read again under the show's lock: a GUID stored since this run read the file was
        # published by whoever stored it; replacing it would change a published episode's GUID.
        raise InputError(
            f"guid: {on_disk.guid} was stored while this run was building; run it again", path
        )
    segment = replace(
        on_disk,
        guid=segment.guid if guid else on_disk.guid,
        published=segment.published if date else on_disk.published,
    )
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = []
    if guid:
        lines.append(f"guid: {segment.guid}")
    if date and segment.published is not None:
        lines.append(f"published: '{segment.published.isoformat()}'")
    first, sep, rest = text.partition(newline)
    if first.rstrip() == "---" and sep:
        edited = newline.join([first, *lines, rest])
        try:
            if parse_segment(edited, where=str(path), default_slug=path.stem) == segment:
                write_atomic(path, edited)
                return
        except InputError:
            pass
    write_segment(segment, path, overwrite=True)
