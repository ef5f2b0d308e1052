"""Audio links as pages print them: sizes ("2MB", "12,3 MB"), download lines, file types.

Sizes read from text are rounded by the page ("2MB"), so every size found here is marked
``size_is_estimate`` and is never used as an enclosure length (RSS 2.0, <enclosure>: "length
says how big it is in bytes", https://www.rssboard.org/rss-specification).
"""

from __future__ import annotations

import re

from segments.importers import vocabulary
from segments.model import AudioRef
from segments.sniff import MIME_BY_EXTENSION
from segments.sniff import mime_from_url as mime_from_url  # where the importers look for it
from segments.timecode import parse_timecode
from segments.whitespace import normalise_space

#: Bytes per unit. "MB" is decimal (1 MB = 1,000,000 bytes): that is what SI and IEC 80000-13 say,
#: what podcast hosts and Podlove print, and the difference to 2**20 (5 %) is below the rounding of
#: a size like "2MB" anyway. Only the explicit binary units (KiB, MiB, GiB) are powers of two.
UNIT_BYTES: dict[str, int] = {
    "b": 1,
    "byte": 1,
    "bytes": 1,
    "k": 1000,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}

#: The format words pages print ("mp3 (30 MB)"): the extensions of the one extension -> MIME table.
AUDIO_TYPES = MIME_BY_EXTENSION

#: Words that open a line offering the audio ("Download this story", "Listen · 3:14").
AUDIO_VERBS: tuple[str, ...] = vocabulary.words("audio_verbs")

_NUMBER = r"\d+(?:[.,]\d+)*"
_UNIT = r"(?:[kmg]i?b|bytes?|k)"
_SIZE_RE = re.compile(rf"(?<![\w.,])({_NUMBER})\s*({_UNIT})(?![a-z])", re.IGNORECASE)
# A clock time ("3:30pm", "7:30 p.m.") is not a duration.
_DURATION_RE = re.compile(
    r"(?<![\d:])(?:\d{1,2}:)?\d{1,2}:\d{2}(?![\d:])(?!\s*[ap]\.?\s?m\b\.?)", re.IGNORECASE
)
_FORMAT_RE = re.compile(rf"\b({'|'.join(AUDIO_TYPES)})\b", re.IGNORECASE)
_VERB_RE = re.compile(rf"^\W*({'|'.join(AUDIO_VERBS)})\b", re.IGNORECASE)
_EMPTY_BRACKETS_RE = re.compile(r"[(\[]\s*[)\]]")
#: A link to a streaming service's play page ("/sounds/play/m000qx9p", "/player/play/2293788"):
#: the last path segments "play" and an id. A page with a player, never a file to publish.
PLAY_PAGE_RE = re.compile(r"/play/([\w-]+)/?$", re.IGNORECASE)


#: A web page's address ("/mediathek/audio/story-100.html", "/listen.php?id=7"): an audio
#: object stated with it names the page that plays the file, never the file itself.
_WEB_PAGE_RE = re.compile(r"\.(?:html?|shtml|php|aspx?|jsp)$", re.IGNORECASE)


def is_web_page(url: str) -> bool:
    """Tell a web page's address by its ending (rule "audio-web-page").

    >>> is_web_page("https://x.org/mediathek/audio/story-100.html")
    True
    >>> is_web_page("https://x.org/media/story-100.mp3?from=page.html")
    False
    """
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    return _WEB_PAGE_RE.search(path) is not None


def is_play_page(url: str) -> bool:
    """Tell a streaming service's play page (an HTML page with a player) by its address."""
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    return PLAY_PAGE_RE.search(path) is not None and mime_from_url(url) is None


def _number(text: str) -> float:
    """Read "1.5", "12,3" (German decimal comma) or "1,234" / "1.234" (thousands separators).

    A separator followed by exactly three digits is taken as a thousands separator, any other as
    the decimal mark.
    """
    groups = re.split(r"[.,]", text)
    if len(groups) == 1:
        return float(text)
    if all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    return float("".join(groups[:-1]) + "." + groups[-1])


def parse_size(text: str) -> int | None:
    """Return the byte count of the first size in ``text`` ("2MB", "12,3 MB"), or None.

    >>> parse_size("Download this story 2MB")
    2000000
    >>> parse_size("mp3 (30 MB)")
    30000000
    >>> parse_size("1.5 GB")
    1500000000
    >>> parse_size("700 KB")
    700000
    >>> parse_size("12,3 MB")
    12300000
    >>> parse_size("1 MiB")
    1048576
    >>> parse_size("Download audio") is None
    True
    """
    match = _SIZE_RE.search(text)
    if match is None:
        return None
    return round(_number(match.group(1)) * UNIT_BYTES[match.group(2).lower()])


def parse_duration(text: str) -> float | None:
    """Return the seconds of the first "m:ss" or "h:mm:ss" in ``text``, or None.

    >>> parse_duration("Listen · 3:14")
    194.0
    >>> parse_duration("1:02:03")
    3723.0
    >>> parse_duration("Airs at 3:30pm") is None
    True
    >>> parse_duration("Download audio") is None
    True
    """
    match = _DURATION_RE.search(text)
    if match is None:
        return None
    try:
        return parse_timecode(match.group(0))
    except ValueError:  # "3:75"
        return None


def mime_from_format(word: str) -> str | None:
    """Return the audio MIME type for a format word such as "mp3" or "M4A", or None.

    >>> mime_from_format("MP3")
    'audio/mpeg'
    """
    return AUDIO_TYPES.get(word.strip().lower())


def parse_download_text(text: str) -> AudioRef | None:
    """Read a line offering audio ("Download this story 2MB", "Listen · 3:14") into an AudioRef.

    The label is the line without its size and duration. Returns None for text that offers no
    audio (a line must open with a verb such as "Download" or "Listen", or name an audio format
    together with a size).

    >>> parse_download_text("Download this story 2MB")
    AudioRef(path=None, url=None, label='Download this story', size_bytes=2000000, \
size_is_estimate=True, mime_type=None, duration_seconds=None)
    >>> ref = parse_download_text("Download: mp3 (30 MB)")
    >>> ref.label, ref.size_bytes, ref.mime_type
    ('Download: mp3', 30000000, 'audio/mpeg')
    >>> ref = parse_download_text("Listen · 3:14")
    >>> ref.label, ref.duration_seconds, ref.size_bytes, ref.size_is_estimate
    ('Listen', 194.0, None, False)
    >>> parse_download_text("Download audio").label
    'Download audio'
    >>> parse_download_text("Downloads: 22.273") is None
    True
    """
    line = normalise_space(text)
    size_match = _SIZE_RE.search(line)
    format_match = _FORMAT_RE.search(line)
    if not _VERB_RE.match(line) and not (format_match and size_match):
        return None
    size = parse_size(line)
    duration = parse_duration(line)
    label = _SIZE_RE.sub("", line)
    label = _DURATION_RE.sub("", label)
    label = _EMPTY_BRACKETS_RE.sub("", label)
    label = normalise_space(label).strip(" ·|-–—:,;")
    return AudioRef(
        label=label or None,
        size_bytes=size,
        size_is_estimate=size is not None,
        mime_type=mime_from_format(format_match.group(1)) if format_match else None,
        duration_seconds=duration,
    )


def parse_download_list(text: str) -> list[AudioRef]:
    """Read a list of formats with sizes ("mp3 (30 MB) m4a (24 MB) opus (16 MB)"), one ref each.

    >>> [(r.label, r.size_bytes, r.mime_type) for r in parse_download_list(
    ...     "Download: mp3 (30 MB) m4a (24 MB) opus (16 MB)")]
    [('mp3', 30000000, 'audio/mpeg'), ('m4a', 24000000, 'audio/x-m4a'), ('opus', 16000000, \
'audio/ogg')]
    """
    refs = []
    pattern = re.compile(rf"\b({'|'.join(AUDIO_TYPES)})\b\W*({_NUMBER}\s*{_UNIT})?", re.IGNORECASE)
    for match in pattern.finditer(text):
        size = parse_size(match.group(2)) if match.group(2) else None
        refs.append(
            AudioRef(
                label=match.group(1),
                size_bytes=size,
                size_is_estimate=size is not None,
                mime_type=mime_from_format(match.group(1)),
            )
        )
    return refs
