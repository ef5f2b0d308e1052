"""Make a show folder: an empty one to fill in, or the example show "The Frame" with recordings.

``init_show(DIR)`` writes a commented ``show.toml`` (every key ``segcast.config`` takes, required
ones as placeholders that pass its checks and say TODO), a placeholder artwork and the empty
folders the build reads. ``init_example(DIR)`` writes the example show shipped in this package
(``segcast/example/``: show.toml, artwork, the two seed pages) and generates a raw recording for
each page, ``raw/<slug>.wav``, by reading the page's transcript aloud (``audio.speech``), with its
word times beside it in ``transcripts/<slug>.json``. Then ``segcast build DIR`` imports, masters,
tags and publishes it.

The folder appears whole or not at all: it is made under a temporary name and renamed into place
at the end.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from audio.speech import (
    SPEECH_EXTRA,
    Engine,
    espeak_problem,
    script,
    speak,
    words_json,
    write_wav,
)
from segcast.build.layout import AUDIO, PAGES, RAW, SEGMENTS
from segcast.config import AUDIO_KEYS, KEYS, SHOW_TOML
from segments.errors import InputError
from segments.files import temp_prefix, write_atomic
from segments.importers import read_page

__all__ = [
    "InitReport",
    "Recording",
    "check_new_folder",
    "example_files",
    "init_example",
    "init_show",
    "record_page",
    "show_toml_text",
]

#: Where the timed transcripts of generated recordings go (Podcasting 2.0 JSON, word by word).
TRANSCRIPTS = "transcripts"
#: The folders a new show gets, in the order the build uses them.
FOLDERS: tuple[str, ...] = (PAGES, SEGMENTS, RAW, AUDIO)
#: The artwork file a new show gets: a plain square that passes Apple's checks, to be replaced.
ARTWORK = "artwork.jpg"
ARTWORK_SIDE_PIXELS = 1400
#: The longest generated recording, by default and at most, in minutes. Both seed pages read
#: aloud fit within the default (about 3 and 5 minutes with eSpeak NG); the cap keeps a long page
#: from making a WAV of hundreds of MB (16-bit mono at 22,050 Hz is 2.6 MB a minute).
DEFAULT_MAX_MINUTES = 10.0
MAX_MINUTES = 30.0

#: show.toml key -> (value written, one-line comment). A value None is written commented out
#: with an example after ``#``. Every key of ``segcast.config.KEYS`` has a line (a test checks).
SHOW_TEMPLATE: dict[str, tuple[str, str]] = {
    "title": ('"My Show"', "TODO: the show's name, as apps list it"),
    "description": (
        '"TODO: what the show is about, in a sentence or two."',
        "TODO: the show's description (at most 4000 bytes)",
    ),
    "link": ('"https://example.com/my-show/"', "TODO: the show's web page"),
    "base_url": (
        '"https://example.com/my-show/"',
        "TODO: where the files of `segcast build -o OUT` are published (audio, transcripts)",
    ),
    "feed_url": ('"https://example.com/my-show/feed.xml"', "TODO: the feed's address"),
    "language": ('"en"', "ISO 639 code of the show's language ('en', 'en-us', 'ko')"),
    "category": ('"Arts"', "TODO: one of Apple's categories, exact casing ('News', 'TV & Film')"),
    "subcategory": ('# "Books"', "a subcategory of that category ('Film Interviews' of TV & Film)"),
    "explicit": ("false", "true if episodes have explicit content"),
    "author": ('# "My Station"', "who makes the show, as apps show it"),
    "owner_name": ('# "My Station"', "who owns the feed (Apple contacts them)"),
    "owner_email": ('# "podcasts@example.com"', "the owner's email (needed with `locked`)"),
    "artwork": (
        f'"{ARTWORK}"',
        "TODO: replace this placeholder: a square JPEG or PNG of 1400 to 3000 px, or its URL",
    ),
    "copyright": ('# "2026 My Station"', "the copyright line"),
    "type": ('"episodic"', "'episodic' (newest first) or 'serial' (in order)"),
    "locked": ("# true", "podcast:locked: true stops other platforms from importing the feed"),
    "funding": (
        '# [{url = "https://example.com/donate", label = "Support the show"}]',
        "podcast:funding links",
    ),
    "hosts": ('# ["Host Name"]', "the show's hosts"),
    "airtimes": (
        '# "Weekdays at 3:30pm, and Saturdays at 2:00pm"',
        "when the show airs on the radio, as the station says it (needs `timezone`)",
    ),
    "timezone": ('# "America/Los_Angeles"', "IANA time zone of the airtimes"),
    "podcast_guid": (
        '# "00000000-0000-0000-0000-000000000000"',
        "podcast:guid: pin the one `segcast build` prints, before the feed URL ever moves",
    ),
    "live_stream_url": (
        '# "https://stream.example.com/live.mp3"',
        "the station's live stream: the feed lists the next airings as podcast:liveItem",
    ),
    "live_stream_type": ('# "audio/mpeg"', "MIME type of the live stream"),
    "airing_minutes": ("# 60", "how long an airing lasts when `airtimes` give no end time"),
    "medium": ('# "podcast"', "podcast:medium: podcast, music, audiobook, ... (none: not written)"),
    "value": (
        '# {type = "lightning", method = "keysend", recipients = '
        '[{name = "Host", type = "node", address = "02d5...", split = 100}]}',
        "podcast:value: streaming payments and who receives them (none: not written)",
    ),
    "location": (
        '# {name = "Pasadena", rel = "creator", geo = "geo:34.1478,-118.1445", osm = "R1646366", '
        'country = "US"}',
        "podcast:location: where the show is made (creator) or about (subject); one or a list",
    ),
    "image": (
        '# [{href = "https://example.com/wide.jpg", alt = "The show\'s logo", '
        'aspect_ratio = "16/9", width = 1920, purpose = "social banner"}]',
        "podcast:image: art besides the square artwork (wide, banner, ...); one or a list",
    ),
    "trailer": (
        '# [{title = "Coming soon", url = "https://example.com/trailer.mp3", '
        'pubdate = 2026-03-02T08:00:00-08:00, type = "audio/mpeg", season = 2}]',
        "podcast:trailer: teasers of the show or of a season; one or a list",
    ),
    "season_names": (
        '# {1 = "Hollywood", 2 = "Awards season"}',
        "podcast:season names, by season number (front matter's season)",
    ),
    "soundbites_from_chapters": (
        "# true",
        "podcast:soundbite per chapter (15 to 120 s) where the episode names no soundbites",
    ),
    "license": ('# "cc-by-4.0"', "podcast:license: an identifier of the namespace's licenses.json"),
    "txt": (
        '# [{text = "S6lpp-7ZCn8-dZfGc-OoyaG", purpose = "verify"}]',
        "podcast:txt records, such as a platform's verification code",
    ),
    "podroll": (
        '# [{feed_guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810"}]',
        "podcast:podroll: shows you recommend, by their podcast:guid",
    ),
    "new_feed_url": (
        '# "https://example.com/new/feed.xml"',
        "itunes:new-feed-url: only when the feed moves; apps follow it",
    ),
    "old_feed_url": (
        '# "https://old-host.example.com/feed.xml"',
        "where the feed was before (import-feed writes it): itunes:new-feed-url = feed_url",
    ),
    "download_audio": (
        "# true",
        "`segcast build` downloads the audio that newly imported pages link to",
    ),
}

#: ``[audio]`` key -> (example value, one-line comment); all written commented out.
AUDIO_TEMPLATE: dict[str, tuple[str, str]] = {
    "format": ('"mp3"', "'mp3' or 'm4a'"),
    "target_lufs": ("-16", "integrated loudness target (-16 stereo, -19 mono: Apple's advice)"),
    "true_peak": ("-1.0", "true-peak ceiling in dBTP"),
    "bitrate": ("128", "kbit/s (default 128 stereo, 64 mono)"),
    "mono": ("false", "true to publish mono (speech-only shows)"),
    "intro": ('"intro.wav"', "a bumper played before each episode (a file in this folder)"),
    "outro": ('"outro.wav"', "a bumper played after each episode"),
    "crossfade_ms": ("500", "crossfade between bumpers and the episode, in ms"),
    "trim_silence": ("false", "true to trim silence at the start and end of recordings"),
    "leveler": ("false", "true to even out speakers and passages of different loudness"),
    "highpass": ("80", "high-pass filter against rumble, in Hz"),
    "dehum": ("50", "remove mains hum (50 or 60 Hz) and its harmonics"),
    "denoise": ("false", "true to reduce steady broadband noise"),
    "dual_mono": ("false", "true: mono at -16 LUFS (Apple's reading of mono) instead of -19"),
    "alternates": ('["opus", "aac"]', "also publish these encodings, made from the same master"),
}


@dataclass
class Recording:
    """A raw recording made for a page: its files, its length and how it was made."""

    slug: str
    wav: Path
    #: The word times as a timed transcript; None when the recording was cut at the length cap.
    transcript: Path | None
    duration_seconds: float
    size_bytes: int
    words: int
    engine: Engine
    synthesis_seconds: float


@dataclass
class InitReport:
    """What ``init`` made: the folder, every file and folder in it, the recordings, warnings."""

    show_dir: Path
    created: list[Path] = field(default_factory=list)
    recordings: list[Recording] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def show_toml_text() -> str:
    """Return the commented show.toml of a new show."""
    lines = [
        "# A segcast show. Fill in the TODO lines; `segcast build` checks every key and names",
        "# the one that is wrong. Commented-out keys are optional.",
        "",
    ]
    for key in KEYS:
        value, comment = SHOW_TEMPLATE[key]
        lines.append(f"# {comment}")
        commented = value.startswith("# ")
        lines.append(f"# {key} = {value[2:]}" if commented else f"{key} = {value}")
    lines += [
        "",
        "# How `segcast build` masters raw/<slug>.wav; every key is optional.",
        "# [audio]",
    ]
    for key in AUDIO_KEYS:
        value, comment = AUDIO_TEMPLATE[key]
        lines.append(f"# {key} = {value}  # {comment}")
    return "\n".join(lines) + "\n"


def placeholder_artwork() -> bytes:
    """Return a plain square JPEG that passes Apple's artwork rules (to be replaced)."""
    from PIL import Image

    image = Image.new("RGB", (ARTWORK_SIDE_PIXELS, ARTWORK_SIDE_PIXELS), (52, 73, 94))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def check_new_folder(show_dir: Path) -> None:
    """Refuse a ``show_dir`` that exists and is not an empty folder."""
    if show_dir.is_dir():
        try:
            empty = next(show_dir.iterdir(), None) is None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", show_dir) from exc
        if not empty:
            raise InputError("exists and is not empty; init makes a new show folder", show_dir)
    elif show_dir.exists() or show_dir.is_symlink():
        raise InputError("exists and is not a folder", show_dir)


@contextlib.contextmanager
def _staged(show_dir: Path) -> Iterator[Path]:
    """Yield a temporary folder; when the block succeeds, its contents become ``show_dir``.

    A new ``show_dir`` is the temporary folder renamed; an existing empty one (perhaps the
    current folder, ``segcast init .``) is kept and the contents are moved into it.
    """
    check_new_folder(show_dir)
    target = show_dir.absolute()
    exists = target.is_dir()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(
                prefix=temp_prefix(target.name), dir=target if exists else target.parent
            )
        )
    except OSError as exc:
        raise InputError(f"cannot create: {exc.strerror or exc}", show_dir) from exc
    moved: list[Path] = []
    try:
        yield staging
        if exists:
            for item in sorted(staging.iterdir()):
                os.replace(item, target / item.name)
                moved.append(target / item.name)
            staging.rmdir()
        else:
            staging.chmod(0o777 & ~_umask())
            os.replace(staging, target)
    except BaseException as exc:
        for item in [staging, *moved]:
            if item.is_dir():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"cannot create: {exc.strerror or exc}", show_dir) from exc
        raise


#: The same staging for the other commands that make a show folder (``import-feed``).
staged_show_folder = _staged


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _folders(root: Path) -> list[Path]:
    for name in FOLDERS:
        (root / name).mkdir(exist_ok=True)
    return [Path(name) for name in FOLDERS]


def init_show(show_dir: Path) -> InitReport:
    """Make a new show folder: commented show.toml, placeholder artwork, the empty folders."""
    show_dir = Path(show_dir)
    with _staged(show_dir) as root:
        write_atomic(root / SHOW_TOML, show_toml_text())
        write_atomic(root / ARTWORK, placeholder_artwork())
        created = [Path(SHOW_TOML), Path(ARTWORK), *_folders(root)]
    return InitReport(show_dir, [show_dir / path for path in sorted(created)])


def example_files() -> Traversable:
    """Return the example show shipped inside the package (``segcast/example/``).

    In the repository those are links to ``examples/the-frame/`` (one copy of the seed pages); a
    built wheel holds the files they point at.
    """
    return resources.files("segcast") / "example"


def _copy_example(root: Path) -> list[Path]:
    """Copy the packaged example (show.toml, artwork, pages/) into ``root``; return its files."""
    source = example_files()
    written: list[Path] = []
    for item in sorted(source.iterdir(), key=lambda entry: entry.name):
        if item.is_file():
            write_atomic(root / item.name, item.read_bytes())
            written.append(Path(item.name))
    for page in sorted((source / PAGES).iterdir(), key=lambda entry: entry.name):
        if page.is_file():
            write_atomic(root / PAGES / page.name, page.read_bytes())
            written.append(Path(PAGES) / page.name)
    return written


def record_page(
    root: Path, page: Path, *, max_seconds: float, engine: Engine | None = None
) -> Recording:
    """Read ``page``'s transcript aloud into ``raw/<slug>.wav``, word times into transcripts/.

    ``<slug>`` is the slug the importer gives the page, so the build masters the recording for
    the segment it imports from that page.
    """
    segment = read_page(page, root / SEGMENTS).segment
    started = time.perf_counter()
    speech = speak(script(segment), engine=engine, max_seconds=max_seconds)
    wav = root / RAW / f"{segment.slug}.wav"
    write_wav(speech, wav)
    elapsed = time.perf_counter() - started
    # A recording cut at the length cap holds only the start of the transcript: its word times
    # would not pair with the whole edited transcript (the build would refuse them), so a cut
    # recording gets none.
    transcript = None if speech.cut else root / TRANSCRIPTS / f"{segment.slug}.json"
    if transcript is not None:
        write_atomic(transcript, words_json(speech.words))
    return Recording(
        slug=segment.slug,
        wav=wav,
        transcript=transcript,
        duration_seconds=speech.duration_seconds,
        size_bytes=wav.stat().st_size,
        words=len(speech.words),
        engine=speech.engine,
        synthesis_seconds=elapsed,
    )


def init_example(
    show_dir: Path, *, max_minutes: float = DEFAULT_MAX_MINUTES, engine: Engine | None = None
) -> InitReport:
    """Make the example show "The Frame" in ``show_dir``, with a generated recording per page.

    ``engine`` None is eSpeak NG when the ``segcast[speech]`` extra is installed, else the
    speech-like signal (with a warning saying how to get speech).
    """
    if not 0 < max_minutes <= MAX_MINUTES:
        raise InputError(f"max_minutes {max_minutes:g} is outside 0..{MAX_MINUTES:g}")
    show_dir = Path(show_dir)
    report = InitReport(show_dir)
    problem = espeak_problem() if engine is None else None
    if problem is not None:
        engine = "signal"
        report.warnings.append(
            f"{problem}, so the recordings are a speech-like signal, not speech; "
            f"for speech: {SPEECH_EXTRA}"
        )
    with _staged(show_dir) as root:
        created = _folders(root)
        created += _copy_example(root)
        for page in sorted((root / PAGES).iterdir()):
            recording = record_page(root, page, max_seconds=max_minutes * 60, engine=engine)
            report.recordings.append(recording)
            created.append(recording.wav.relative_to(root))
            if recording.transcript is not None:
                created.append(recording.transcript.relative_to(root))
    for recording in report.recordings:
        recording.wav = show_dir / recording.wav.relative_to(root)
        if recording.transcript is not None:
            recording.transcript = show_dir / recording.transcript.relative_to(root)
    report.created = [show_dir / path for path in sorted(created)]
    return report
