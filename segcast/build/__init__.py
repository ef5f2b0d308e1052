"""The build: pages -> segment files -> mastered, tagged audio -> feed -> OUT.

``run_build`` reads top to bottom like beets' import session, one stage per verb, each in its own
module, each taking the loaded show (``ShowConfig``) and the list of ``Episode`` objects and
returning them:

1. **read** every segment file once (``read``);
2. **import** each page in ``pages/`` no segment file came from yet; edited files stay
   (``import_pages``);
3. **pair** each untimed transcript with ``transcripts/<slug>.*`` and give every episode its one
   chapter list (``pair``);
4. **sort releases**: drafts leave, episodes whose moment is to come are scheduled, those with
   no audio at all (or undated under ``--strict``) are skipped (``release``);
5. **assign GUIDs** to episodes that have none, and the moment of their first publication to
   episodes without a date (``guids``);
6. **master** each ``raw/<slug>.<ext>`` to ``audio/<slug>.mp3`` (or .m4a) unless up to date
   (``master``), and shift the chapter and transcript times by the intro (``timeline``);
7. **encode alternates**: each mastered file in the ``[audio] alternates`` encodings
   (``alternates``);
8. **tag** every mastered file and its alternates with the segment, the show, the cover and the
   chapters (``tag``);
9. **feed**: the feed and its companion files (``feed``), and the website: show page, episode
   pages, stylesheet, airtimes calendar (``site``), of the episodes published now;
10. **publish** the feed, its companions, the artwork and the local audio into a staging folder
   that replaces OUT whole, in one step (``publish``, ``staging``).
11. **check** the published feed with the validator; its findings end the report (``check``).

A build holds the show folder's lock (``lock``) from start to end: a second one waits (or, with
``wait=False``, refuses), and reads the GUIDs and dates the first one stored. Under the lock, the
temporary files and folders a killed run left in the show folder and beside OUT are removed.

``segcast feed build`` runs the same stages 1, 3, 4, 5 and 8 (``run_feed``). Per-item problems
(a bad page, a corrupt raw file) are collected in the report and the other items go on; a feed
that cannot be built stops the run before publishing (the previous feed stays).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from feeds.rss import GENERATOR
from segcast.build.alternates import encode_alternates
from segcast.build.cache import open_cache
from segcast.build.check import check_feed
from segcast.build.episode import BuildReport, Episode, FeedResult, Problem
from segcast.build.feed import render_feed, write_feed
from segcast.build.guids import assign_dates, assign_guids
from segcast.build.import_pages import import_pages
from segcast.build.jobs import DEFAULT_RETRIES, ExecutorFactory, JobEvent, ProgressSink, open_pool
from segcast.build.layout import AUDIO, FEED_NAME, PAGES, RAW, SEGMENTS
from segcast.build.lock import STATE_DIR, show_lock
from segcast.build.master import default_jobs, master_audio
from segcast.build.pair import pair_transcripts
from segcast.build.publish import publish
from segcast.build.read import read_segments
from segcast.build.release import (
    published,
    some_ready,
    sort_releases,
    store_scheduled,
)
from segcast.build.site import render_site
from segcast.build.staging import Staging
from segcast.build.tag import tag_audio
from segcast.build.timeline import shift_timeline
from segcast.config import SHOW_TOML, ShowConfig, load_config, with_alternates
from segments.errors import InputError
from segments.files import remove_stale_temps
from segments.timedtext import TIMED_FOLDER

__all__ = [
    "BuildReport",
    "Episode",
    "FeedResult",
    "JobEvent",
    "Problem",
    "ProgressSink",
    "check_output",
    "remove_leftovers",
    "run_build",
    "run_feed",
]


def run_build(
    show_dir: Path,
    out_dir: Path,
    *,
    force: bool = False,
    strict: bool = False,
    replace_out: bool = False,
    jobs: int | None = None,
    executor: ExecutorFactory | None = None,
    cluster: str | None = None,
    retries: int = DEFAULT_RETRIES,
    progress: ProgressSink | None = None,
    environ: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
    alternates: list[str] | None = None,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
) -> BuildReport:
    """Import, master, tag, build and publish the show in ``show_dir`` into ``out_dir``.

    ``alternates`` (the command line's ``--alternates``) replaces show.toml's ``[audio]
    alternates`` for this run.

    ``force`` masters again even what is up to date; ``strict`` refuses to date an undated
    episode (it is a problem instead); ``replace_out`` lets the build replace an ``out_dir`` that
    is not empty and not segcast's; ``jobs`` audio jobs run at once (default: one per processor)
    on the executor ``executor`` makes (default: a process pool), or on the Dask cluster at
    ``cluster`` (a scheduler address; the audio jobs only, the rest stays here); a failed job is
    tried ``retries`` more times; ``progress`` is told each ``JobEvent`` of the audio jobs;
    ``now`` is the build's moment (default: the clock). A bad show.toml raises ConfigError.
    Another command writing to the show folder is waited for (``waiting`` is told), or with
    ``wait`` false raises InputError.

    OUT is replaced whole, in one step, only when the feed could be built (a killed build leaves
    the previous OUT as it was).
    """
    now = now or dt.datetime.now(dt.UTC)
    config = load_config(Path(show_dir), environ)
    if alternates is not None:
        config = with_alternates(config, alternates, "--alternates")
    check_output(config, Path(out_dir))
    report = BuildReport(show_dir=config.folder, out_dir=Path(out_dir))
    with (
        show_lock(config.folder, wait=wait, waiting=waiting) as lock,
        open_cache(lock.parent) as cache,
        Staging(report.out_dir, force=replace_out) as staging,
    ):
        remove_leftovers(config)
        if cache.rebuilt:
            report.warn(cache.path, cache.rebuilt)
        episodes = read_segments(config, report)
        episodes = import_pages(config, episodes, report)
        episodes = pair_transcripts(config, episodes, report, cache)
        episodes = sort_releases(config, episodes, report, now, strict=strict)
        episodes = assign_dates(assign_guids(episodes), now, report)
        # A skipped episode's GUID is no first publication (its tags may store it all the same).
        report.new = [e.slug for e in episodes if e.new_guid and e.release != "skipped"]
        if cluster is not None:
            from segcast.build.cluster import cluster_executor  # only with the dask extra

            executor = cluster_executor(cluster, config.folder)
        # The audio jobs (master, alternates, tag) share one pool: one process pool, or one
        # connection to the cluster, for the whole build.
        with open_pool(
            default_jobs() if jobs is None else jobs, executor, retries=retries, progress=progress
        ) as pool:
            episodes = master_audio(config, episodes, report, cache, pool, force=force)
            episodes = shift_timeline(config, episodes, report)
            episodes = encode_alternates(config, episodes, report, cache, pool, force=force)
            episodes = tag_audio(config, episodes, report, cache, pool)
        out = published(episodes)
        if some_ready(out, report):
            report.feed = render_feed(config, out, report.out_dir / FEED_NAME, report, cache, now)
        if report.feed is not None:
            store_scheduled(episodes, report)
            pages = render_site(config, out, report, cache, report.out_dir, now)
            if pages is not None:
                publish(config, out, report.feed, staging, report, cache, pages)
        if report.feed is not None:
            check_feed(report.feed, report.out_dir / FEED_NAME, report, now, cache)
    _sum_up(report, episodes)
    return report


def _sum_up(report: BuildReport, episodes: list[Episode]) -> None:
    """Fill in the report's lists of episodes: all read, failed, released."""
    report.episodes = sorted({*(e.slug for e in episodes), *report.drafts, *report.not_ready})
    report.failed = [episode.slug for episode in episodes if episode.failed]
    report.released = [e.slug for e in published(episodes)] if report.feed is not None else []


def run_feed(
    show_dir: Path,
    output: Path,
    *,
    strict: bool = False,
    force: bool = False,
    environ: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build only the feed ``output`` (and its companion files beside it) of ``show_dir``.

    ``force`` lets it replace an existing file that is not a segcast feed (never a source).
    """
    now = now or dt.datetime.now(dt.UTC)
    config = load_config(Path(show_dir), environ)
    output = Path(output)
    check_output(config, output, feed_file=True, force=force)
    report = BuildReport(show_dir=config.folder, out_dir=output.parent)
    with (
        show_lock(config.folder, wait=wait, command="feed build", waiting=waiting) as lock,
        open_cache(lock.parent) as cache,
    ):
        remove_leftovers(config, output.parent)
        if cache.rebuilt:
            report.warn(cache.path, cache.rebuilt)
        episodes = pair_transcripts(config, read_segments(config, report), report, cache)
        episodes = sort_releases(config, episodes, report, now, strict=strict)
        episodes = assign_dates(assign_guids(episodes), now, report)
        if some_ready(published(episodes), report):
            report.feed = write_feed(config, published(episodes), output, report, cache, now)
        if report.feed is not None:
            store_scheduled(episodes, report)
    _sum_up(report, episodes)
    return report


#: What the producer keeps in a show folder: an output may neither be nor hold nor sit in one.
SOURCES: tuple[str, ...] = (SHOW_TOML, PAGES, SEGMENTS, RAW, AUDIO, TIMED_FOLDER)


#: Where commands write in a show folder, and so where a killed one may have left temp files.
WRITTEN: tuple[str, ...] = (".", SEGMENTS, AUDIO, STATE_DIR)

#: How much of an existing file is read to tell whether it is a feed segcast wrote.
FEED_HEAD_BYTES = 8192


def remove_leftovers(config: ShowConfig, *folders: Path) -> None:
    """Remove the temp files and folders killed runs left where commands write (and ``folders``)."""
    for folder in [*(config.folder / name for name in WRITTEN), *folders]:
        remove_stale_temps(folder)


def is_our_feed(path: Path) -> bool:
    """Tell whether the file at ``path`` is a feed segcast wrote (its generator says so)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(FEED_HEAD_BYTES)
    except OSError:
        return False
    return b"<rss" in head and f"<generator>{GENERATOR}</generator>".encode() in head


def check_output(
    config: ShowConfig, output: Path, *, feed_file: bool = False, force: bool = False
) -> None:
    """Refuse an output (OUT, or the feed file) that would replace the show folder or a source.

    OUT is replaced whole, so OUT = the show folder (or a folder holding it) would delete every
    source, even with ``--force``; a feed written over ``show.toml`` or a segment file would too.
    A ``feed_file`` may replace an existing file only if it is a segcast feed, or with ``force``.
    """
    real = Path(os.path.realpath(output))
    folder = Path(os.path.realpath(config.folder))
    if folder.is_relative_to(real):
        raise InputError("would replace the show folder; publish somewhere else", output)
    sources = [folder / name for name in SOURCES]
    if config.artwork_file is not None:
        sources.append(Path(os.path.realpath(config.artwork_file)))
    for source in sources:
        if real.is_relative_to(source):
            raise InputError(
                f"would replace the show's {source.name}; publish somewhere else", output
            )
    if not feed_file:
        return
    if real.is_dir():
        raise InputError("is a directory, not a feed file to write", output)
    if real.exists() and not force and not is_our_feed(real):
        raise InputError(
            "exists and is not a feed segcast wrote; use --force to replace it", output
        )
