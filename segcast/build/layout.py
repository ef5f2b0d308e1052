"""The show folder's layout and the published names: where each stage reads and writes.

A show folder holds ``show.toml``, ``pages/`` (segment pages to import), ``segments/`` (segment
files, the producer's to edit), ``raw/<slug>.<ext>`` (recordings to master) and ``audio/``
(mastered episodes). What is published goes to OUT under the name its URL below ``base_url`` has.

This module is the one place that turns data (a slug, a URL) into a path: ``episode_file`` makes
the name of an episode's file (one name, no folder), and ``inside`` makes the path of a name in
a folder, refusing (after resolving links) any that would lie outside it. Whatever a segment file
says, the build never writes outside the show folder and OUT.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, unquote, urljoin

from segments.errors import InputError
from segments.files import plain_name
from segments.model import Segment, Show
from segments.timedtext import TIMED_FOLDER

__all__ = [
    "AUDIO",
    "AUDIO_EXTENSIONS",
    "CHAPTERS_SUFFIX",
    "FEED_NAME",
    "KEPT_TRANSCRIPT_SUFFIXES",
    "PAGES",
    "RAW",
    "RAW_EXTENSIONS",
    "SEGMENTS",
    "TRANSCRIPTS",
    "audio_output",
    "enclosure_url",
    "episode_file",
    "find_audio",
    "find_raw",
    "folder_names",
    "inside",
    "kept_transcript",
    "url_name",
]

#: The show folder's subfolders.
PAGES, SEGMENTS, RAW, AUDIO = "pages", "segments", "raw", "audio"
#: Timed transcripts, and the transcript files kept from an imported feed (the folder's name
#: is ``segments.timedtext``'s).
TRANSCRIPTS = TIMED_FOLDER

#: A kept transcript's file suffix by its podcast:transcript type (Podcasting 2.0).
KEPT_TRANSCRIPT_SUFFIXES: dict[str, str] = {
    "text/vtt": ".vtt",
    "application/x-subrip": ".srt",
    "application/srt": ".srt",
    "application/json": ".json",
    "text/html": ".html",
    "text/plain": ".txt",
}


def kept_transcript(slug: str, number: int, mime: str) -> tuple[str, str]:
    """Return the name of an imported feed's transcript kept in ``transcripts/`` and the name
    it is published under beside the feed (``number`` counts an item's transcripts from 1).

    >>> kept_transcript("ep-1", 1, "text/vtt"), kept_transcript("ep-1", 2, "text/html")
    (('ep-1.vtt', 'ep-1.transcript.vtt'), ('ep-1-2.html', 'ep-1-2.transcript.html'))
    """
    suffix = KEPT_TRANSCRIPT_SUFFIXES.get(mime.split(";")[0].strip().lower(), ".txt")
    stem = slug if number == 1 else f"{slug}-{number}"
    return f"{stem}{suffix}", f"{stem}.transcript{suffix}"


#: The feed's name in OUT, and the name suffix of each episode's JSON chapters file beside it.
FEED_NAME = "feed.xml"
CHAPTERS_SUFFIX = ".chapters.json"

#: Raw recordings looked for in ``SHOW_DIR/raw/<slug>.<ext>``, in order of preference.
RAW_EXTENSIONS: tuple[str, ...] = (
    ".wav",
    ".flac",
    ".aif",
    ".aiff",
    ".m4a",
    ".mp3",
    ".ogg",
    ".opus",
)

#: Audio file extensions looked for in ``SHOW_DIR/audio/<slug>.<ext>``, in order of preference
#: (a published MP3 wins over the WAV it was mastered from).
AUDIO_EXTENSIONS: tuple[str, ...] = (
    ".mp3",
    ".m4a",
    ".m4b",
    ".aac",
    ".ogg",
    ".opus",
    ".flac",
    ".wav",
)


def episode_file(slug: str, suffix: str, where: Path | str | None = None) -> str:
    """Return the file name of an episode's ``suffix`` file: ``<slug><suffix>``, one plain name.

    A slug that would make a path (``a/b``, ``../x``, an absolute path) or a hidden or empty name
    is refused, naming ``where`` (the segment file): ``segments.files.plain_name``'s rule.
    Segment files are checked as they are read; this is the last guard before a write.

    >>> episode_file("lovesong", ".mp3")
    'lovesong.mp3'
    >>> episode_file("../x", ".mp3", "segments/x.md")
    Traceback (most recent call last):
    ...
    segments.errors.InputError: segments/x.md: slug '../x' cannot be a file name
    """
    return plain_name(slug, suffix, where)


def inside(root: Path, name: str, where: Path | str | None = None) -> Path:
    """Return ``root / name``, refusing a name that leads outside ``root`` (``..``, a link out).

    The path is resolved (links included) before the check, so a symbolic link inside ``root``
    pointing elsewhere is refused too.
    """
    path = Path(root) / name
    real_root = Path(os.path.realpath(root))
    real = Path(os.path.realpath(path))
    if Path(name).is_absolute() or real == real_root or not real.is_relative_to(real_root):
        raise InputError(f"{name!r} would be written outside {root}", where or path)
    return path


def audio_output(show_dir: Path, slug: str, fmt: str, where: Path | None = None) -> Path:
    """Return where the build masters an episode's recording to: ``audio/<slug>.<fmt>``."""
    return inside(show_dir / AUDIO, episode_file(slug, f".{fmt}", where), where)


def folder_names(folder: Path) -> frozenset[str]:
    """Return the names of the regular files in ``folder`` (none if it is not there).

    Listing a folder once beats a stat per episode and extension in a large archive.
    """
    try:
        with os.scandir(folder) as entries:
            return frozenset(entry.name for entry in entries if entry.is_file())
    except OSError:
        return frozenset()


def find_raw(
    show_dir: Path,
    slug: str,
    present: frozenset[str] | None = None,
    named: Path | None = None,
    where: Path | None = None,
) -> Path | None:
    """Return the recording to master: ``named`` (the segment's ``raw:`` key, relative to the
    show folder, like ``audio.path``) when given, else ``raw/<slug>.<ext>``, the first of
    RAW_EXTENSIONS that exists.

    ``present`` is ``folder_names(SHOW_DIR/raw)`` when the caller listed it already; a ``named``
    file that is not there is an InputError about ``where`` (the segment file).
    """
    if named is not None:
        path = named if named.is_absolute() else show_dir / named
        if not path.is_file():
            raise InputError(f"raw: no file at {named.as_posix()}", where)
        return path
    for extension in RAW_EXTENSIONS:
        name = f"{slug}{extension}"
        if present is not None and name not in present:
            continue  # a name test, not a path: this runs per episode and extension
        candidate = show_dir / RAW / name
        if present is not None or candidate.is_file():
            return candidate
    return None


def find_audio(
    show_dir: Path, segment: Segment, where: Path, present: frozenset[str] | None = None
) -> Path | None:
    """Return the segment's audio file: the path its front matter names, else audio/<slug>.<ext>.

    A relative path in the front matter is relative to the show folder, like ``artwork``;
    ``present`` is ``folder_names(SHOW_DIR/audio)`` when the caller listed it already.
    """
    ref = segment.audio
    if ref is not None and ref.path is not None:
        path = ref.path if ref.path.is_absolute() else show_dir / ref.path
        if not path.is_file():
            raise InputError(f"audio: no file at {ref.path}", where)
        return path
    for extension in AUDIO_EXTENSIONS:
        name = f"{segment.slug}{extension}"
        if present is not None and name not in present:
            continue
        candidate = show_dir / AUDIO / name
        if present is not None or candidate.is_file():
            return candidate
    return None


def enclosure_url(show: Show, file: Path, where: Path) -> str:
    """Return the published URL of an audio file: base_url + its (ASCII-only) file name."""
    if not file.name.isascii():
        raise InputError(f"audio file name {file.name!r} must be ASCII (Apple's rule)", where)
    assert show.base_url is not None  # load_config requires it
    return urljoin(show.base_url, quote(file.name))


def url_name(show: Show, url: str) -> str | None:
    """Return the path under OUT that a URL under base_url is published at, else None."""
    assert show.base_url is not None  # load_config requires it
    if not url.startswith(show.base_url):
        return None
    name = unquote(url[len(show.base_url) :])
    parts = Path(name).parts
    if not parts or ".." in parts or Path(name).is_absolute():
        return None
    return name
