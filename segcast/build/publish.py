"""Stage: publish OUT whole: the feed, its companion files, the artwork and the local audio.

Everything goes into a staging folder (``segcast.build.staging``) that replaces OUT in one step,
each file under the name its URL below ``base_url`` has.
"""

from __future__ import annotations

from pathlib import Path

from segcast.build.cache import BuildCache
from segcast.build.episode import BuildReport, Episode, FeedResult
from segcast.build.layout import FEED_NAME, url_name
from segcast.build.site import PAGE_STEP, SitePage
from segcast.build.staging import Staging
from segcast.config import ShowConfig
from segments.errors import SegcastError

__all__ = ["PUBLISH_STEP", "publish", "publish_files"]

#: The cache step that remembers which source each published file is a copy of.
PUBLISH_STEP = "publish"


def publish_files(config: ShowConfig, episodes: list[Episode]) -> list[tuple[Path, str]]:
    """Return (local file, name under OUT) for the artwork and each episode's local audio."""
    show = config.show
    files: list[tuple[Path, str]] = []
    name = url_name(show, show.artwork) if show.artwork else None
    if config.artwork_file is not None and name is not None:
        files.append((config.artwork_file, name))
    for episode in episodes:
        if episode.audio is None or episode.item is None:
            continue
        name = url_name(show, episode.item.enclosure_url)
        if name is not None:
            files.append((episode.audio, name))
        # The other encodings beside it (the default entry is the enclosure itself).
        for alternate in episode.item.alternates:
            name = url_name(show, alternate.url)
            if not alternate.default and name is not None:
                files.append((episode.audio.parent / Path(name).name, name))
    return files


def publish(
    config: ShowConfig,
    episodes: list[Episode],
    feed: FeedResult,
    staging: Staging,
    report: BuildReport,
    cache: BuildCache | None = None,
    pages: list[SitePage] | None = None,
) -> list[Episode]:
    """Stage the feed, its companions, the site, the artwork and the local audio; swap OUT in.

    On any problem nothing is swapped in: the previous OUT stays as it was.
    """
    out = staging.out
    try:
        for name, text in feed.companions.items():
            staging.add_bytes(name, text)
        for page in pages or []:
            if page.data is None:
                staging.add_previous(page.name)
            else:
                staging.add_bytes(page.name, page.data)
            if cache is not None and page.key is not None:
                cache.record(PAGE_STEP, page.name, page.key, staging.path / page.name)
        for source, name in publish_files(config, episodes):
            key = cache.hash(source) if cache is not None else None
            same = (
                cache is not None
                and key is not None
                and cache.done(PUBLISH_STEP, name, key, out / name) is not None
            )
            changed = staging.add_file(source, name, same=same)
            (report.published if changed else report.unchanged).append(out / name)
            if cache is not None and key is not None:
                cache.record(PUBLISH_STEP, name, key, staging.path / name)
        staging.add_bytes(FEED_NAME, feed.data)
        staging.commit()
    except SegcastError as exc:
        report.problem(exc)
        report.feed = None
    return episodes
