"""Rules for the files a feed links, checked against the published folder (``--files DIR``).

A feed's numbers are claims about files: an enclosure's ``length`` is its size in bytes and
``itunes:duration`` its playing time; an alternate enclosure's ``length`` and
``podcast:integrity`` hash are its file's; a chapters file follows JSON Chapters 1.2; a
transcript is readable in the type it declares. Sources: RSS 2.0 (enclosure length "how big it
is in bytes"), the Podcasting 2.0 namespace (podcast:alternateEnclosure, podcast:integrity,
podcast:transcript, https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md),
JSON Chapters 1.2 (https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md)
and W3C Subresource Integrity (https://www.w3.org/TR/SRI/).

A linked file is looked for in the folder under the last part of its URL's path (segcast
publishes flat); a file not there is not judged.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from audio.probe import read_header
from feeds.validate.common import P20, Places, Report, Rule, pc
from feeds.validate.enclosures import _duration_seconds
from segments.errors import SegcastError
from segments.timedtext import (
    parse_srt,
    parse_transcript_html,
    parse_transcript_json,
    parse_vtt,
)

CHAPTERS_SPEC = "JSON Chapters 1.2 (chapters/jsonChapters.md)"
#: A duration this far (seconds) from the file's own is wrong, not rounding or encoder padding.
DURATION_TOLERANCE_SECONDS = 2.0

RULES = (
    Rule(
        "chapters-file-spec",
        "error",
        "{file}: {what}",
        f"{P20}, {CHAPTERS_SPEC}: version (a string) and chapters (a list) are required; each "
        "chapter has a startTime in seconds (a number >= 0), and title, img, url are strings, "
        "toc a boolean, endTime a number after startTime",
    ),
    Rule(
        "transcript-file-unreadable",
        "error",
        '{file}: not readable as its declared type "{type}" ({why})',
        f"{P20}, podcast:transcript: type is the transcript file's MIME type; an app reads the "
        "file as that type",
    ),
    Rule(
        "enclosure-length-mismatch",
        "error",
        '{file}: length="{length}" but the file is {size} bytes',
        "RSS 2.0, enclosure: length is how big the file is in bytes; apps show it and check "
        "downloads with it",
    ),
    Rule(
        "enclosure-duration-mismatch",
        "error",
        "{file}: itunes:duration says {declared} s but the file plays {actual:.1f} s",
        "Apple Podcasts, itunes:duration: the episode's duration; apps show it and seek by it",
    ),
    Rule(
        "alternate-length-mismatch",
        "error",
        '{file}: podcast:alternateEnclosure length="{length}" but the file is {size} bytes',
        f"{P20}, podcast:alternateEnclosure: length is the file's size in bytes",
    ),
    Rule(
        "alternate-integrity-mismatch",
        "error",
        '{file}: podcast:integrity "{value}" is not the hash of the file',
        f"{P20}, podcast:integrity (W3C SRI): the hash of the file a podcast:source names",
    ),
)


def local_file(folder: Path, url: str | None) -> Path | None:
    """Return the published file ``url`` names in ``folder``, or None when it is not there."""
    url = (url or "").strip()
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) if url else ""
    if not name or name in (".", "..") or "/" in name or "\\" in name:
        return None
    path = folder / name
    return path if path.is_file() else None


def _label(places: Places, el: etree._Element, path: Path) -> str:
    return f"{places.of(el)} -> {path.name}"


# --- JSON Chapters 1.2 ----------------------------------------------------------------------------


def _seconds(value: object) -> float | None:
    """Return a JSON number as seconds, None for anything else (booleans too)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def chapters_problems(document: object) -> list[str]:
    """Return what in a parsed chapters document breaks JSON Chapters 1.2, in order."""
    if not isinstance(document, dict):
        return ["not a JSON object"]
    problems: list[str] = []
    if not isinstance(document.get("version"), str):
        problems.append("version (a string such as 1.2.0) is missing")
    chapters = document.get("chapters")
    if not isinstance(chapters, list):
        return [*problems, "chapters (a list) is missing"]
    for index, chapter in enumerate(chapters):
        where = f"chapters[{index}]"
        if not isinstance(chapter, dict):
            problems.append(f"{where} is not an object")
            continue
        start = _seconds(chapter.get("startTime"))
        if start is None or start < 0:
            value = chapter.get("startTime")
            problems.append(f"{where}.startTime {value!r} is not a number of seconds >= 0")
            continue
        for key in ("title", "img", "url"):
            if key in chapter and not isinstance(chapter[key], str):
                problems.append(f"{where}.{key} is not a string")
        if "toc" in chapter and not isinstance(chapter["toc"], bool):
            problems.append(f"{where}.toc is not true or false")
        if "endTime" in chapter:
            end = _seconds(chapter["endTime"])
            if end is None or end < start:
                value = chapter["endTime"]
                problems.append(f"{where}.endTime {value!r} is not a number after its startTime")
    return problems


def check_chapters(channel: etree._Element, places: Places, report: Report, folder: Path) -> None:
    """Check each local chapters file against JSON Chapters 1.2 (one finding per problem)."""
    for el in channel.iter(pc("chapters")):
        path = local_file(folder, el.get("url"))
        if path is None:
            continue
        try:
            document = json.loads(path.read_bytes())
        except (OSError, ValueError):
            continue
        if not isinstance(document, dict) or not isinstance(document.get("chapters"), list):
            continue  # not a chapters file at all: active's chapters-file-invalid says so
        for what in chapters_problems(document):
            label = _label(places, el, path)
            report.add("chapters-file-spec", places.of(el), file=label, what=what)


# --- transcripts ----------------------------------------------------------------------------------


def _plain(text: str, where: str) -> object:
    return text


#: A transcript's declared MIME type -> the reader that reads it (types not here are not judged).
TRANSCRIPT_READERS: dict[str, Callable[[str, str], object]] = {
    "text/vtt": parse_vtt,
    "application/srt": parse_srt,
    "application/x-subrip": parse_srt,
    "text/srt": parse_srt,
    "application/json": parse_transcript_json,
    "text/html": parse_transcript_html,
    "text/plain": _plain,
}


def check_transcripts(
    channel: etree._Element, places: Places, report: Report, folder: Path
) -> None:
    """Read each local transcript as the type it declares."""
    for el in channel.iter(pc("transcript")):
        kind = (el.get("type") or "").split(";")[0].strip().lower()
        reader = TRANSCRIPT_READERS.get(kind)
        path = local_file(folder, el.get("url"))
        if reader is None or path is None:
            continue
        try:
            reader(path.read_bytes().decode("utf-8"), str(path.name))
        except (SegcastError, ValueError) as exc:  # UnicodeDecodeError and JSON errors too
            report.add(
                "transcript-file-unreadable",
                places.of(el),
                file=_label(places, el, path),
                type=kind,
                why=str(exc).splitlines()[0][:100] if str(exc) else type(exc).__name__,
            )


# --- enclosures and alternates --------------------------------------------------------------------


def _length(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None  # other values are enclosures' own rules


def _integrity_matches(value: str, data: bytes) -> bool:
    """True when one of the SRI hashes in ``value`` (``sha256-...``, space separated) is data's."""
    for token in value.split():
        algorithm, _, digest = token.partition("-")
        if algorithm in ("sha256", "sha384", "sha512"):
            expected = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
            if digest.split("?")[0] == expected:
                return True
    return False


def check_enclosures(channel: etree._Element, places: Places, report: Report, folder: Path) -> None:
    """Check each local enclosure's length and duration, each alternate's length and hash."""
    for item in channel.iter("item"):
        enclosure = item.find("enclosure")
        path = None if enclosure is None else local_file(folder, enclosure.get("url"))
        if enclosure is not None and path is not None:
            label = _label(places, enclosure, path)
            length, size = _length(enclosure.get("length")), path.stat().st_size
            if length is not None and length != size:
                report.add(
                    "enclosure-length-mismatch",
                    places.of(enclosure),
                    file=label,
                    length=length,
                    size=size,
                )
            declared = _duration_seconds(item)
            try:
                facts = read_header(path)
            except SegcastError:
                facts = None
            actual = None if facts is None else facts.duration_seconds
            if (
                declared is not None
                and actual is not None
                and abs(declared - actual) > DURATION_TOLERANCE_SECONDS
            ):
                report.add(
                    "enclosure-duration-mismatch",
                    places.of(enclosure),
                    file=label,
                    declared=declared,
                    actual=actual,
                )
        for alternate in item.iter(pc("alternateEnclosure")):
            _check_alternate(alternate, places, report, folder)


def _check_alternate(
    alternate: etree._Element, places: Places, report: Report, folder: Path
) -> None:
    sources = [local_file(folder, s.get("uri")) for s in alternate.iter(pc("source"))]
    path = next((p for p in sources if p is not None), None)
    if path is None:
        return
    label = _label(places, alternate, path)
    data = path.read_bytes()
    length = _length(alternate.get("length"))
    if length is not None and length != len(data):
        report.add(
            "alternate-length-mismatch",
            places.of(alternate),
            file=label,
            length=length,
            size=len(data),
        )
    for integrity in alternate.iter(pc("integrity")):
        value = (integrity.get("value") or "").strip()
        sri = (integrity.get("type") or "").strip() == "sri"
        if sri and value and not _integrity_matches(value, data):
            report.add(
                "alternate-integrity-mismatch", places.of(integrity), file=label, value=value[:60]
            )


def check_files(channel: etree._Element, places: Places, report: Report, folder: Path) -> None:
    """Check every file the feed links that is in the published ``folder``."""
    check_chapters(channel, places, report, folder)
    check_transcripts(channel, places, report, folder)
    check_enclosures(channel, places, report, folder)
