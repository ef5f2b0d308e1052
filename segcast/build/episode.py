"""What flows through the build: one object per episode, and the report of the whole run.

Each stage takes the loaded show (``segcast.config.ShowConfig``) and the list of ``Episode``
objects and returns them, filled in further: the import stage writes segment files, the read stage
makes an ``Episode`` of each, the GUID stage assigns identifiers, the master stage adds the mastered
file, the tag stage writes its tags, the feed stage its feed item, the publish stage copies it out.
Per-item problems are recorded on the episode and in the report; the other items go on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from segments.errors import SegcastError
from segments.model import Segment

if TYPE_CHECKING:
    from audio.alternates import AlternateReport
    from audio.master import MasterReport
    from feeds.rss import Episode as FeedItem
    from feeds.validate import Finding

__all__ = ["BuildReport", "Episode", "FeedResult", "Problem", "Release"]

#: What this build does with an episode (``segcast.build.release`` decides): publish it, hold it
#: until its time (scheduled), leave it out (a draft), or skip it (not ready: something missing).
Release = Literal["published", "scheduled", "draft", "skipped"]


@dataclass(frozen=True)
class Problem:
    """One item's problem or warning: where it is (file) and what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    @classmethod
    def of(cls, exc: SegcastError) -> Problem:
        """Return the problem an error describes."""
        return cls(exc.where or "", exc.message)


@dataclass
class Episode:
    """One segment on its way through the build: its file, its segment and what became of it.

    ``new_guid`` and ``new_date`` mark a GUID and a published date assigned by this run and not
    yet stored in the segment file (both false again once they are); ``raw`` is the recording to
    master, ``audio`` the mastered (or producer's) file the feed links to; ``item`` is its feed
    item once the feed stage planned it; ``companions`` the transcript and chapters files
    (name -> text) published beside the feed.
    """

    path: Path
    segment: Segment
    new_guid: bool = False
    new_date: bool = False
    raw: Path | None = None
    audio: Path | None = None
    mastered: bool = False
    #: The build cache's key of this episode's master, and how far the master moved the
    #: recording's times (the intro less the crossfade, less trimmed silence), both set by the
    #: master stage; None for audio the build did not master.
    master_key: str | None = None
    shift_seconds: float | None = None
    #: Alternate encoding name -> (its file, its cache key), made from the master this run or
    #: before (set by the alternates stage).
    alternates: dict[str, tuple[Path, str]] = field(default_factory=dict)
    item: FeedItem | None = None
    companions: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    release: Release = "published"
    #: When a scheduled episode goes out (its pubDate); None for the others.
    release_at: dt.datetime | None = None

    @property
    def slug(self) -> str:
        """The segment's slug: the name of every file made from it."""
        return self.segment.slug

    @property
    def failed(self) -> bool:
        """Whether a stage recorded a problem for this episode."""
        return bool(self.problems)


@dataclass
class FeedResult:
    """What the feed stage made: the feed, its episodes, GUIDs it stored, companion files.

    ``feed`` and ``files`` are where the feed and its companions are published; ``data`` and
    ``companions`` (name -> text) what they hold.
    """

    feed: Path
    episodes: int
    podcast_guid: str | None
    podcast_guid_pinned: bool = False
    new_guids: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    data: bytes = b""
    companions: dict[str, str] = field(default_factory=dict)


@dataclass
class BuildReport:
    """What a run did, stage by stage, and every problem and warning it met."""

    show_dir: Path
    out_dir: Path
    #: Segment files written from pages this run; pages whose segment file already existed.
    imported: list[Path] = field(default_factory=list)
    already_imported: int = 0
    #: Segment files that could not be read (each is also a problem): no feed is built then.
    unread: list[Path] = field(default_factory=list)
    #: Slugs mastered, skipped (mastered file up to date) and tagged.
    mastered: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    tagged: list[str] = field(default_factory=list)
    #: Slugs whose tags were already what this build would write (the file left untouched).
    tags_unchanged: list[str] = field(default_factory=list)
    #: Alternate encodings (file names, ``slug.opus``) encoded this run, and those up to date.
    encoded: list[str] = field(default_factory=list)
    encodings_unchanged: list[str] = field(default_factory=list)
    #: What each alternate encoded this run measures (loudness, true peak).
    encodings: list[AlternateReport] = field(default_factory=list)
    masters: list[MasterReport] = field(default_factory=list)
    feed: FeedResult | None = None
    #: What the validator found in the feed this run built (``check`` stage).
    findings: list[Finding] = field(default_factory=list)
    #: Files copied into OUT this run, and those already there unchanged.
    published: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: Every episode's slug, and those a stage recorded a problem for.
    episodes: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    #: Slugs that got their GUID (first publication) this run.
    new: list[str] = field(default_factory=list)
    #: Slugs in the feed this run; scheduled slugs with their moment; drafts; episodes skipped
    #: as not ready (slug -> what is missing). See ``segcast.build.release``.
    released: list[str] = field(default_factory=list)
    scheduled: dict[str, dt.datetime] = field(default_factory=dict)
    drafts: list[str] = field(default_factory=list)
    not_ready: dict[str, str] = field(default_factory=dict)
    #: The segment file of each episode skipped as not ready (slug -> file): a recording no
    #: segment uses may be one of theirs, misnamed (``master`` suggests the slug).
    not_ready_files: dict[str, Path] = field(default_factory=dict)
    #: How far each mastered episode's chapter and transcript times moved (slug -> seconds;
    #: only those that moved), see ``timeline``.
    shifts: dict[str, float] = field(default_factory=dict)

    @property
    def built(self) -> list[str]:
        """Slugs new this run, or whose audio was mastered or tagged (their files changed)."""
        encoded = {name.rsplit(".", 1)[0] for name in self.encoded}
        return sorted({*self.new, *self.mastered, *self.tagged, *encoded} - set(self.failed))

    @property
    def unchanged_episodes(self) -> list[str]:
        """Slugs this run found already up to date (drafts and skipped episodes are neither)."""
        held = {*self.drafts, *self.not_ready}
        return sorted(set(self.episodes) - set(self.built) - set(self.failed) - held)

    def problem(self, exc: SegcastError, episode: Episode | None = None) -> None:
        """Record ``exc`` once (the same file may fail in two stages), on ``episode`` too; an
        error holding several problems (a segment file's) is recorded as each of them."""
        for part in exc.each():
            item = Problem.of(part)
            if episode is not None:
                episode.problems.append(item)
            if item not in self.problems:
                self.problems.append(item)

    def warn(self, where: Path | str, message: str) -> None:
        """Record a warning about ``where``, once."""
        item = Problem(str(where), message)
        if item not in self.warnings:
            self.warnings.append(item)

    def count_findings(self, severity: str) -> int:
        """Return how many of the feed's findings have ``severity`` (error, warning, info)."""
        return sum(1 for finding in self.findings if finding.severity == severity)
