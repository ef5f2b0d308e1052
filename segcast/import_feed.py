"""Make a show folder from an existing podcast feed: ``show.toml`` and a segment file per item.

The feed is read by ``segments.importers.feed`` (GUIDs and dates exactly as they were); each
show.toml value is checked by the key's own check in ``segcast.config.KEYS`` and left out with a
warning when it fails (never a folder that does not load). Categories map to Apple's current list
(``feeds.categories``), retired ones with a warning. Chapters files are fetched and read into each
segment's chapters (the old URL stays in ``chapters_url``); transcripts are fetched and kept in
``transcripts/``, and the build publishes the kept ones beside the feed (the old URLs when
they could not be fetched). Audio stays where it is (the enclosure URL and its
stated length) unless ``audio`` asks for it to be downloaded.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from feeds.categories import APPLE_CATEGORIES, suggest
from feeds.guids import is_uuid, podcast_guid
from segcast.build.layout import SEGMENTS, TRANSCRIPTS, kept_transcript
from segcast.config import KEYS, SHOW_TOML, load_config
from segcast.init import ARTWORK, check_new_folder, placeholder_artwork, staged_show_folder
from segments.errors import ConfigError, SegcastError
from segments.files import write_atomic
from segments.http import (
    COMPANION_TYPES,
    FEED_LIMITS,
    FEED_TYPES,
    IMAGE_TYPES,
    fetch,
    is_http_url,
    remote_size,
)
from segments.importers.feed import Channel, FeedImport, read_feed
from segments.model import Segment
from segments.segmentfile import segment_path, write_segment
from segments.sniff import SNIFF_BYTES, sniff
from segments.timedtext import parse_chapters

__all__ = ["RETIRED_CATEGORIES", "FeedImportReport", "import_feed", "load_feed_source"]

#: Apple's categories retired in 2019, and the current category (and subcategory) for each
#: (Apple Podcasts Connect, "Apple Podcasts categories", the mapping it applied to old feeds).
RETIRED_CATEGORIES: dict[tuple[str, str | None], tuple[str, str | None]] = {
    ("News & Politics", None): ("News", "Politics"),
    ("Science & Medicine", None): ("Science", None),
    ("Science & Medicine", "Medicine"): ("Health & Fitness", "Medicine"),
    ("Games & Hobbies", None): ("Leisure", None),
    ("Games & Hobbies", "Video Games"): ("Leisure", "Video Games"),
    ("Games & Hobbies", "Hobbies"): ("Leisure", "Hobbies"),
    ("Government & Organizations", None): ("Government", None),
    ("Technology", "Podcasting"): ("Technology", None),
    ("Technology", "Tech News"): ("News", "Tech News"),
    ("Technology", "Gadgets"): ("Technology", None),
    ("Arts", "Literature"): ("Arts", "Books"),
    ("Education", "Higher Education"): ("Education", None),
    ("Education", "Educational Technology"): ("Education", None),
    ("Education", "Training"): ("Education", "Courses"),
    ("Society & Culture", "History"): ("History", None),
    ("Health", None): ("Health & Fitness", None),
    ("TV & Film", None): ("TV & Film", None),
}
#: Where the first category goes when the feed names none Apple knows (show.toml needs one).
FALLBACK_CATEGORY = "Society & Culture"


@dataclass
class FeedImportReport:
    """What an import made, and the warnings (one per kind) the user must see."""

    show_dir: Path
    segments: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fetched: Counter[str] = field(default_factory=Counter)


def load_feed_source(source: str) -> tuple[bytes, str | None]:
    """Return a feed's bytes from a file or URL, and the URL it came from (after redirects)."""
    if is_http_url(source):
        response = fetch(source, accept=FEED_TYPES, limits=FEED_LIMITS, what="feed")
        return response.body, response.url
    from feeds.validate.source import load_feed

    return load_feed(source), None


def import_feed(
    source: str,
    show_dir: Path,
    *,
    audio: bool = False,
    fetch_companions: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> FeedImportReport:
    """Make ``show_dir`` (new or empty) from the feed at ``source`` (a file or an http(s) URL).

    The folder is made in a staging folder and appears whole, or not at all, when the import
    succeeds (``segcast.init``'s staging). ``progress`` is told (items done, items) per item.
    """
    show_dir = Path(show_dir)
    check_new_folder(show_dir)
    data, url = load_feed_source(source)
    feed = read_feed(data, url or source)
    report = FeedImportReport(show_dir)
    report.warnings.extend(feed.warnings())
    with staged_show_folder(show_dir) as staging:
        toml, problems = show_toml(feed.channel, url, staging)
        if fetch_companions and feed.channel.artwork:
            toml, problems = _keep_artwork(feed.channel, url, staging, toml, problems)
        report.warnings.extend(problems)
        write_atomic(staging / SHOW_TOML, toml, overwrite=False)
        for done, segment in enumerate(feed.segments, start=1):
            segment = _complete(segment, staging, report, audio, fetch_companions)
            destination = segment_path(staging / SEGMENTS, segment)
            write_segment(segment, destination)
            report.segments.append(show_dir / SEGMENTS / destination.name)
            if progress is not None:
                progress(done, len(feed.segments))
        load_config(staging / SHOW_TOML)  # the folder loads, or the import says why
    return report


def _keep_artwork(
    channel: Channel, url: str | None, staging: Path, toml: str, problems: list[str]
) -> tuple[str, list[str]]:
    """Download the show's artwork into the folder, so it outlives the old host.

    Kept only when show.toml then loads (Apple's rules: a square JPEG or PNG of 1400 to 3000
    px); otherwise show.toml stays as it was, with a warning saying why.
    """
    assert channel.artwork is not None
    try:
        body = fetch(channel.artwork, accept=IMAGE_TYPES, what="JPEG or PNG image").body
    except SegcastError as exc:
        return toml, [*problems, f"artwork not downloaded: {exc}"]
    kind = sniff(body[:SNIFF_BYTES])
    if kind not in ("jpeg", "png"):
        return toml, [*problems, f"artwork {channel.artwork} is not a JPEG or PNG: not kept"]
    name = "artwork.png" if kind == "png" else ARTWORK
    write_atomic(staging / name, body)
    kept = replace(channel, artwork=name)
    new_toml, new_problems = show_toml(kept, url, staging)
    write_atomic(staging / SHOW_TOML, new_toml)
    try:
        load_config(staging / SHOW_TOML)
    except ConfigError as exc:
        if not exc.message.startswith("artwork:"):
            return new_toml, new_problems  # another key's problem: the import will say it
        (staging / name).unlink()
        (staging / SHOW_TOML).unlink()
        if f'artwork = "{ARTWORK}"' in toml:  # the first show.toml's placeholder, overwritten
            write_atomic(staging / ARTWORK, placeholder_artwork())
        return toml, [*problems, f"artwork not kept ({exc.message}); linked where it is"]
    (staging / SHOW_TOML).unlink()
    return new_toml, new_problems


def _complete(
    segment: Segment, show_dir: Path, report: FeedImportReport, audio: bool, companions: bool
) -> Segment:
    """Fetch what an item links to (chapters, transcripts, with ``audio`` its audio)."""
    if companions:
        _fetch_companions(segment, show_dir, report)
        ref = segment.audio
        if ref is not None and ref.url and ref.size_bytes is None and not audio:
            # An enclosure length must be the real byte count: ask the server for it.
            try:
                ref.size_bytes = remote_size(ref.url)
                report.fetched["enclosure sizes"] += 1
            except SegcastError as exc:
                report.warnings.append(f"enclosure size unknown (state audio size_bytes): {exc}")
    if audio and segment.audio is not None and segment.audio.url:
        from segcast.remote import download_audio

        try:
            segment, _ = download_audio(segment, show_dir)
        except SegcastError as exc:
            report.warnings.append(f"audio not downloaded: {exc}")
    return segment


def _fetch_companions(segment: Segment, show_dir: Path, report: FeedImportReport) -> None:
    """Fetch the chapters (into the segment) and transcripts (into transcripts/) of an item."""
    if segment.chapters_url and not segment.chapters:
        try:
            body = fetch(segment.chapters_url, accept=COMPANION_TYPES, what="chapters file").body
            segment.chapters = parse_chapters(
                body.decode("utf-8", "replace"), segment.chapters_url
            ).chapters
            report.fetched["chapters"] += 1
        except SegcastError as exc:
            report.warnings.append(f"chapters kept at their URL only: {exc}")
    for number, ref in enumerate(segment.transcripts, start=1):
        kept, _ = kept_transcript(segment.slug, number, ref.type)
        try:
            body = fetch(ref.url, accept=COMPANION_TYPES, what="transcript").body
            write_atomic(show_dir / TRANSCRIPTS / kept, body)
            report.fetched["transcripts"] += 1
        except SegcastError as exc:
            report.warnings.append(f"transcript kept at its URL only: {exc}")


def _category(channel: Channel, warnings: list[str]) -> tuple[str, str | None]:
    for main, sub in channel.categories:
        category = suggest(main, list(APPLE_CATEGORIES))
        if category is not None:
            choices = APPLE_CATEGORIES[category]
            subcategory = suggest(sub, list(choices)) if sub else None
            if (category, sub) in RETIRED_CATEGORIES and subcategory is None and sub:
                new = RETIRED_CATEGORIES[(category, sub)]
                now = "/".join(repr(part) for part in new if part)
                warnings.append(f"category {main!r}/{sub!r} was retired by Apple: now {now}")
                return new
            if sub and subcategory is None:
                warnings.append(f"subcategory {sub!r} is not on Apple's list: left out")
            return category, subcategory
        retired = RETIRED_CATEGORIES.get((main, sub)) or RETIRED_CATEGORIES.get((main, None))
        if retired is not None:
            now = "/".join(repr(part) for part in retired if part)
            warnings.append(f"category {main!r} was retired by Apple: now {now}")
            return retired
    named = ", ".join(repr(m) for m, _ in channel.categories) or "none"
    warnings.append(f"no category on Apple's list (the feed names {named}): {FALLBACK_CATEGORY!r}")
    return FALLBACK_CATEGORY, None


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def show_toml(channel: Channel, url: str | None, show_dir: Path) -> tuple[str, list[str]]:
    """Return show.toml's text for ``channel`` and the warnings of values left out.

    ``url`` is where the feed was fetched from: it becomes ``feed_url`` and ``old_feed_url``
    (edit feed_url when the feed moves; the build then adds itunes:new-feed-url).
    """
    warnings: list[str] = []
    feed_url = url or channel.feed_url
    category, subcategory = _category(channel, warnings)
    base = urljoin(feed_url, ".") if feed_url else None
    values: dict[str, object] = {
        "title": channel.title,
        "description": channel.description or channel.title,
        "link": channel.link,
        "base_url": base,
        "feed_url": feed_url,
        "old_feed_url": feed_url,
        "language": channel.language.lower() if channel.language else None,
        "category": category,
        "subcategory": subcategory,
        "explicit": channel.explicit,
        "author": channel.author,
        "owner_name": channel.owner_name,
        "owner_email": channel.owner_email,
        "artwork": channel.artwork,
        "copyright": channel.copyright,
        "type": channel.type,
        # Pinned now (the feed's own, else the one derived from where it was), so it stays the
        # same when feed_url moves.
        "podcast_guid": _show_guid(channel.podcast_guid, feed_url, warnings),
        "locked": channel.locked,
        "funding": [{"url": f.url, "label": f.label} for f in channel.funding] or None,
        "hosts": channel.hosts or None,
        "license": channel.license,
        "txt": [_pruned({"text": t.text, "purpose": t.purpose}) for t in channel.txt] or None,
        "podroll": [
            _pruned({"feed_guid": r.feed_guid, "feed_url": r.feed_url}) for r in channel.podroll
        ]
        or None,
    }
    lines = [
        "# Made by segcast import-feed from the feed"
        + (f" at {url}" if url else f" whose address it states ({feed_url})"),
        "# base_url is where the build publishes audio, transcripts and chapters; feed_url where",
        "# the feed will be. old_feed_url is where it was: see the README on moving a feed.",
    ]
    check_path = show_dir / SHOW_TOML
    for key, value in values.items():
        if value is None and key not in ("link", "base_url", "feed_url", "artwork"):
            continue
        if (
            key == "artwork"
            and isinstance(value, str)
            and urlsplit(value).scheme
            and not _usable_artwork(value)
        ):
            warnings.append(f"artwork {value!r} is not a .jpg or .png URL: a placeholder is used")
            value = None
        if key == "locked" and values.get("owner_email") is None:
            warnings.append("podcast:locked left out: the feed names no owner email")
            continue
        if value is not None:
            try:
                KEYS[key].check(value, key, check_path)
            except SegcastError as exc:
                warnings.append(f"show.toml {key} left out: {exc.message}")
                value = None
        if value is None and key in ("link", "base_url", "feed_url", "old_feed_url", "artwork"):
            value = _placeholder(key, show_dir)
            if key != "old_feed_url":
                lines.append(f"# TODO: {key} was not in the feed")
        if value is not None:
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n", warnings


def _show_guid(stated: str | None, feed_url: str | None, warnings: list[str]) -> str | None:
    """The feed's podcast:guid, else (or when it is not a UUID) the one derived from its URL."""
    if stated is not None and is_uuid(stated):
        return stated
    derived = podcast_guid(feed_url) if feed_url else None
    if stated is not None:
        warnings.append(f"podcast:guid {stated!r} is not a UUID: {derived or 'none'} instead")
    return derived


def _pruned(entry: dict[str, str | None]) -> dict[str, str]:
    return {k: v for k, v in entry.items() if v is not None}


def _usable_artwork(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.query and parts.path.lower().endswith((".jpg", ".png"))


def _placeholder(key: str, show_dir: Path) -> str | None:
    if key == "artwork":
        write_atomic(show_dir / ARTWORK, placeholder_artwork())
        return ARTWORK
    if key == "old_feed_url":
        return None
    return {
        "link": "https://example.com/",
        "base_url": "https://example.com/podcast/",
        "feed_url": "https://example.com/podcast/feed.xml",
    }[key]


def feed_import_summary(report: FeedImportReport) -> dict[str, object]:
    """The JSON form of a report."""
    return {
        "show_dir": str(report.show_dir),
        "segments": [str(p) for p in report.segments],
        "fetched": dict(report.fetched),
        "warnings": report.warnings,
    }


__all__ += ["FeedImport", "feed_import_summary"]
