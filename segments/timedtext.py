"""Read transcript files (WebVTT, SRT, Podcasting 2.0 JSON and HTML) and JSON chapters files.

The formats are the Podcasting 2.0 ones (podcastindex-org/podcast-namespace, docs/examples):
WebVTT marks speakers with ``<v Name>``, SRT with a ``Name:`` prefix on the first cue of a turn,
JSON transcripts are ``{"version": "1.0.0", "segments": [...]}``, HTML transcripts are
``<cite>Name:</cite> <time>0:53</time> <p>...</p>`` runs. Consecutive cues of one speaker become one
:class:`~segments.model.Section` (a turn). Timecodes are read and written by
:mod:`segments.timecode`.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import nh3

from segments.errors import InputError
from segments.files import read_input, split_blocks
from segments.model import Chapter, Section
from segments.timecode import parse_timecode

log = logging.getLogger(__name__)

# --- transcripts -------------------------------------------------------------------------------


@dataclass
class _Cue:
    start: float | None
    end: float | None
    text: str
    speaker: str | None


def _merge_turns(cues: list[_Cue]) -> list[Section]:
    """Join consecutive cues of one speaker into one section (a turn)."""
    sections: list[Section] = []
    texts: list[list[str]] = []  # joined once at the end: word-level files have 10,000s of cues
    for cue in cues:
        text = " ".join(cue.text.split())
        if not text:
            continue
        if sections and sections[-1].speaker == cue.speaker:
            texts[-1].append(text)
            if cue.end is not None:
                sections[-1].end_seconds = cue.end
            continue
        sections.append(Section(speaker=cue.speaker, start_seconds=cue.start, end_seconds=cue.end))
        texts.append([text])
    for section, parts in zip(sections, texts, strict=True):
        section.paragraphs = [" ".join(parts)]
    return sections


_VTT_TIMING = re.compile(r"^(\S+)\s+-->\s+(\S+)(?:\s.*)?$")
_VTT_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_VTT_TAG = re.compile(r"<[^>]*>")
#: The class that marks a question paragraph in an HTML transcript (segcast writes it).
QUESTION_CLASS = "question"

_SRT_TAG = re.compile(r"</?(?:b|i|u|s|font)\b[^>]*>", re.IGNORECASE)


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Split cue text into blank-line separated blocks of right-stripped lines, numbered from 1."""
    return split_blocks([line.rstrip() for line in text.split("\n")])


def _timing(line: str, where: str, parse: Callable[[str], float]) -> tuple[float, float]:
    match = _VTT_TIMING.match(line.strip())
    if not match:
        raise InputError(f"expected a cue timing 'start --> end', found {line.strip()!r}", where)
    try:
        start, end = parse(match.group(1)), parse(match.group(2))
    except ValueError as exc:
        raise InputError(f"bad cue timing {line.strip()!r}: {exc}", where) from exc
    if end < start:
        raise InputError(f"cue ends before it starts: {line.strip()!r}", where)
    return start, end


def _vtt_time(text: str) -> float:
    if "," in text:  # WebVTT requires "." (an SRT habit that players reject)
        raise ValueError(f"not a WebVTT timestamp: {text!r}")
    return parse_timecode(text)


def parse_vtt(text: str, where: str = "<vtt>") -> list[Section]:
    """Parse WebVTT: ``<v Name>`` voice tags give speakers; other markup is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.startswith("WEBVTT"):
        raise InputError("not WebVTT: the first line must be 'WEBVTT'", where)
    cues: list[_Cue] = []
    for lineno, lines in _blocks(text)[1:]:
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_at = 0 if "-->" in lines[0] else 1
        if timing_at >= len(lines) or "-->" not in lines[timing_at]:
            raise InputError("cue without a timing line", f"{where}:{lineno}")
        start, end = _timing(lines[timing_at], f"{where}:{lineno + timing_at}", _vtt_time)
        payload = " ".join(lines[timing_at + 1 :])
        voice = _VTT_VOICE.search(payload)
        speaker = (html.unescape(voice.group(1)).strip() or None) if voice else None
        body = html.unescape(_VTT_TAG.sub("", payload))
        cues.append(_Cue(start, end, body, speaker))
    return _merge_turns(cues)


# "Travis: When you first get": a short capitalised name, then a colon (the SRT convention).
_SRT_SPEAKER = re.compile(r"^((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}):\s+(.*)$", re.DOTALL)


def split_speaker_label(text: str) -> tuple[str | None, str]:
    """Split a leading SRT speaker label ("Name: ") from cue text.

    >>> split_speaker_label("Travis: When you first get")
    ('Travis', 'When you first get')
    >>> split_speaker_label("so: not a name")
    (None, 'so: not a name')
    """
    named = _SRT_SPEAKER.match(text)
    return (named.group(1), named.group(2)) if named else (None, text)


def parse_srt(text: str, where: str = "<srt>") -> list[Section]:
    """Parse SubRip: a ``Name:`` prefix starts a speaker's turn; later cues continue it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    cues: list[_Cue] = []
    speaker: str | None = None
    for lineno, lines in _blocks(text):
        timing_at = 1 if lines[0].strip().isdigit() else 0
        if timing_at >= len(lines) or "-->" not in lines[timing_at]:
            raise InputError("expected a cue number and a timing line", f"{where}:{lineno}")
        start, end = _timing(lines[timing_at], f"{where}:{lineno + timing_at}", parse_timecode)
        body = " ".join(line.strip() for line in lines[timing_at + 1 :])
        body = _SRT_TAG.sub("", body)  # the formatting tags players accept; SRT has no entities
        label, body = split_speaker_label(body)
        speaker = label or speaker
        cues.append(_Cue(start, end, body, speaker))
    return _merge_turns(cues)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def parse_transcript_json(text: str, where: str = "<json>") -> list[Section]:
    """Parse a Podcasting 2.0 JSON transcript (``version`` 1.0.0, ``segments``)."""
    data = _load_json(text, where)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise InputError("not a JSON transcript: no 'segments' list", where)
    cues: list[_Cue] = []
    for index, entry in enumerate(segments):
        if not isinstance(entry, dict):
            raise InputError(f"segments[{index}] is not an object", where)
        body = entry.get("body")
        if not isinstance(body, str):
            raise InputError(f"segments[{index}] has no 'body' text", where)
        start, end = _number(entry.get("startTime")), _number(entry.get("endTime"))
        if start is None or end is None:
            raise InputError(f"segments[{index}] needs numeric 'startTime' and 'endTime'", where)
        speaker = entry.get("speaker")
        cues.append(
            _Cue(start, end, body, speaker.strip() or None if isinstance(speaker, str) else None)
        )
    return _merge_turns(cues)


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def parse_transcript_html(text: str, where: str = "<html>") -> list[Section]:
    """Parse an HTML transcript: ``<cite>`` speakers, ``<time>`` starts, ``<p>`` paragraphs.

    ``<section>`` (as segcast writes) or ``<h2>``/``<h3>`` start a section; ``<p class="question">``
    is a question, asked by the speaker cited before it, answered by the next cited speaker.
    """
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError or ValueError for empty/odd input
        raise InputError(f"not readable as HTML: {exc}", where) from exc
    sections: list[Section] = []
    heading: str | None = None
    speaker: str | None = None
    start: float | None = None
    new_turn = True  # the next paragraph starts a section
    awaiting_answer = False  # the last section is a question still without its answer
    for element in root.iter("section", "h2", "h3", "cite", "time", "p"):
        tag, value = element.tag, _text(element)
        if tag == "section":
            heading, speaker, start, new_turn, awaiting_answer = None, None, None, True, False
        elif tag in ("h2", "h3"):
            heading, new_turn, awaiting_answer = value or None, True, False
        elif tag == "cite":
            name = value.rstrip(":").strip() or None
            if awaiting_answer:
                sections[-1].speaker = name
            else:
                speaker, new_turn = name, True
        elif tag == "time":
            try:
                seconds = parse_timecode(element.get("datetime") or value)
            except ValueError as exc:
                raise InputError(f"<time>: {exc}", where) from exc
            if awaiting_answer:
                if sections[-1].start_seconds is None:
                    sections[-1].start_seconds = seconds
            else:
                start, new_turn = seconds, True
        elif not value:
            continue
        elif QUESTION_CLASS in (element.get("class") or "").split():
            sections.append(
                Section(heading=heading, question=value, questioner=speaker, start_seconds=start)
            )
            heading, speaker, start, new_turn, awaiting_answer = None, None, None, False, True
        elif awaiting_answer or not new_turn:
            sections[-1].paragraphs.append(value)
            awaiting_answer = False
        else:
            sections.append(
                Section(paragraphs=[value], heading=heading, speaker=speaker, start_seconds=start)
            )
            heading, start, new_turn = None, None, False
    return sections


#: Transcript readers by file suffix (the file type, as `podcast:transcript` names it).
TRANSCRIPT_READERS: dict[str, Callable[[str, str], list[Section]]] = {
    ".vtt": parse_vtt,
    ".srt": parse_srt,
    ".json": parse_transcript_json,
    ".html": parse_transcript_html,
    ".htm": parse_transcript_html,
}


def _read_text(path: Path) -> str:
    try:
        return read_input(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", path) from exc


def read_transcript_file(path: Path | str) -> list[Section]:
    """Read a .vtt, .srt, .json or .html transcript into sections, one per speaker turn."""
    path = Path(path)
    reader = TRANSCRIPT_READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(TRANSCRIPT_READERS)
        raise InputError(f"unknown transcript type {path.suffix!r} (expected {known})", path)
    return reader(_read_text(path), str(path))


# --- chapters ----------------------------------------------------------------------------------


def _load_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", where
        ) from exc


def _plain(text: str) -> str:
    """Strip any markup from a title and return plain text."""
    return " ".join(html.unescape(nh3.clean(text, tags=set())).split())


@dataclass
class ChaptersFile:
    """Chapters read from a JSON chapters file, and the entries skipped with the reason."""

    chapters: list[Chapter] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_chapters(text: str, where: str = "<chapters>") -> ChaptersFile:
    """Parse JSON chapters (1.2.0): sorted by start; unusable entries are skipped and reported.

    Invalid JSON or no ``chapters`` list is an error. Entries with ``"toc": false`` are silent
    markers (an image or place change, not a chapter) and are left out without complaint.
    """
    data = _load_json(text, where)
    entries = data.get("chapters") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError("not a chapters file: no 'chapters' list", where)
    result = ChaptersFile()
    for index, entry in enumerate(entries):
        label = f"chapters[{index}]"
        if not isinstance(entry, dict):
            result.problems.append(f"{label}: not an object, skipped")
            continue
        if entry.get("toc") is False:
            continue
        if "startTime" not in entry:
            result.problems.append(f"{label}: no startTime, skipped")
            continue
        raw = entry["startTime"]
        try:
            start = parse_timecode(raw) if isinstance(raw, str) else _number(raw)
        except ValueError:
            start = None
        if start is None or start < 0:
            result.problems.append(f"{label}: startTime {raw!r} is not a time in seconds, skipped")
            continue
        title = entry.get("title")
        title = _plain(title) if isinstance(title, str) else ""
        if not title:
            result.problems.append(f"{label}: no title, skipped")
            continue
        end = _number(entry.get("endTime"))
        url, img = entry.get("url"), entry.get("img")
        result.chapters.append(
            Chapter(
                start_seconds=start,
                title=title,
                end_seconds=end if end is not None and end >= start else None,
                url=url if isinstance(url, str) and url.strip() else None,
                image=img if isinstance(img, str) and img.strip() else None,
            )
        )
    result.chapters.sort(key=lambda chapter: chapter.start_seconds)
    return result


def read_chapters(path: Path | str) -> ChaptersFile:
    """Read a JSON chapters file, keeping the skipped entries' reasons."""
    path = Path(path)
    return parse_chapters(_read_text(path), str(path))


def read_chapters_file(path: Path | str, *, strict: bool = False) -> list[Chapter]:
    """Read a JSON chapters file; skipped entries are logged, or an error when ``strict``."""
    path = Path(path)
    result = read_chapters(path)
    if strict and result.problems:
        raise InputError(result.problems[0], path)
    for problem in result.problems:
        log.warning("%s: %s", path, problem)
    return result.chapters
