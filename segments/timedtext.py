"""Read transcript files (WebVTT, SRT, JSON, HTML, YouTube srv3, plain logs) and JSON chapters.

The formats are the Podcasting 2.0 ones (podcastindex-org/podcast-namespace, docs/examples):
WebVTT marks speakers with ``<v Name>``, SRT with a ``Name:`` prefix on the first cue of a turn,
JSON transcripts are ``{"version": "1.0.0", "segments": [...]}`` (``endTime`` optional), HTML
transcripts are ``<cite>Name:</cite> <time>0:53</time> <p>...</p>`` runs. Machine transcripts
also come as Whisper/WhisperX JSON (``segments`` of ``start``/``end``/``text``, optional
``words``), YouTube ``json3``/``srv3`` (millisecond events with word offsets) and plain logs
(``[00:01:23] Speaker: text``).

Two views: :func:`read_timed_file` returns the cues as the file has them (exact times, word
times where given: what the aligner pairs with an edited transcript), and
:func:`read_transcript_file` joins consecutive cues of one speaker into one
:class:`~segments.model.Section` (a turn). Quirks of real files (:data:`QUIRKS`) are read
anyway and reported once per kind. Timecodes are read and written by :mod:`segments.timecode`.
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import nh3

from segments.errors import InputError
from segments.files import read_text_input, split_blocks
from segments.model import Chapter, Section
from segments.timecode import parse_timecode
from segments.values import MAX_SECONDS

log = logging.getLogger(__name__)

# --- transcripts -------------------------------------------------------------------------------


@dataclass
class Word:
    """One word with its own times (Whisper ``words``, YouTube ``segs``, word-level JSON)."""

    text: str
    start: float
    end: float | None = None


@dataclass
class Cue:
    """One timed cue as the file has it: before turns are merged, so its times stay exact."""

    start: float | None
    end: float | None
    text: str
    speaker: str | None
    words: list[Word] = field(default_factory=list)


#: Quirks of real-world files that are read anyway, each reported once per file (kind -> text).
QUIRKS: dict[str, str] = {
    "bom": "starts with a byte-order mark",
    "no_hours": "timestamps without hours (MM:SS,mmm)",
    "decimal_comma": "timestamps with a decimal comma (an SRT habit in WebVTT)",
    "decimal_dot": "timestamps with a decimal dot (a WebVTT habit in SRT)",
    "no_colons": "timestamps in plain seconds without colons ('0.860 --> 7.380')",
    "numbering": "cue numbers missing, repeated or out of order",
    "overlap": "cues that start before the previous one ends",
    "cue_settings": "cue settings after the timing (position, align, X1...)",
    "html": "HTML markup in cue text (removed: in WebVTT tags that are not WebVTT's, in SRT <br>)",
    "no_end": "segments without 'endTime' (ended at the next segment's start)",
    "rolling": "rolling captions that repeat the cue before (repeats removed)",
}


class _Quirks:
    """Collect the kinds of quirk a file has; each kind is logged once, in order of first sight."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.seen: list[str] = []

    def note(self, kind: str) -> None:
        if kind not in self.seen:
            self.seen.append(kind)

    def report(self) -> list[str]:
        for kind in self.seen:
            log.warning("%s: %s", self.where, QUIRKS[kind])
        return self.seen


@dataclass
class TimedTranscript:
    """A timed transcript's cues, in file order, and the kinds of quirk met reading it."""

    cues: list[Cue] = field(default_factory=list)
    quirks: list[str] = field(default_factory=list)


def _merge_turns(cues: list[Cue]) -> list[Section]:
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


def _check_order(cues: list[Cue], quirks: _Quirks) -> None:
    """Note overlapping cues, and end cues without an end at the next cue's start."""
    for index, cue in enumerate(cues):
        previous = cues[index - 1] if index else None
        ends = previous.end if previous else None
        if ends is not None and cue.start is not None and cue.start < ends - 0.001:
            quirks.note("overlap")
        if cue.end is None and cue.start is not None:
            later = next((c.start for c in cues[index + 1 :] if c.start is not None), None)
            cue.end = later if later is not None and later >= cue.start else None


_VTT_TIMING = re.compile(r"^(\S+)\s+-->\s+(\S+)(?:\s+(.*))?$")
_VTT_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_VTT_TAG = re.compile(r"<[^>]*>")
#: A WebVTT inline timestamp (W3C WebVTT 4.2.2 "cue timestamp"): the time the next word is said.
_VTT_STAMP = re.compile(r"<((?:\d+:)?\d{2}:\d{2}\.\d{3})>")
#: WebVTT's own cue markup (W3C WebVTT, 4.2.2); any other tag is an HTML quirk.
_VTT_OWN_TAG = re.compile(r"</?(?:c|i|b|u|v|lang|ruby|rt)\b[^>]*>|<\d[\d:.]*>")
#: The class that marks a question paragraph in an HTML transcript (segcast writes it).
QUESTION_CLASS = "question"

_SRT_TAG = re.compile(r"</?(?:b|i|u|s|font)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_SRT_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HOURS = re.compile(r"^\d+:\d+:\d+")


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Split cue text into blank-line separated blocks of right-stripped lines, numbered from 1."""
    return split_blocks([line.rstrip() for line in text.split("\n")])


def _stamp_quirks(stamp: str, kind: str, quirks: _Quirks) -> None:
    """Note how a timestamp departs from its format's own spelling."""
    if ":" not in stamp:
        quirks.note("no_colons")
    elif kind == "srt" and not _HOURS.match(stamp):
        quirks.note("no_hours")
    if kind == "vtt" and "," in stamp:
        quirks.note("decimal_comma")
    if kind == "srt" and "." in stamp:
        quirks.note("decimal_dot")


def _timing(line: str, where: str, kind: str, quirks: _Quirks) -> tuple[float, float]:
    match = _VTT_TIMING.match(line.strip())
    if not match:
        raise InputError(f"expected a cue timing 'start --> end', found {line.strip()!r}", where)
    try:
        start, end = parse_timecode(match.group(1)), parse_timecode(match.group(2))
    except ValueError as exc:
        raise InputError(f"bad cue timing {line.strip()!r}: {exc}", where) from exc
    if end < start:
        raise InputError(f"cue ends before it starts: {line.strip()!r}", where)
    _stamp_quirks(match.group(1), kind, quirks)
    _stamp_quirks(match.group(2), kind, quirks)
    if match.group(3) and kind == "srt":  # WebVTT's own cue settings are no quirk there
        quirks.note("cue_settings")
    return start, end


def _normalise_newlines(text: str, quirks: _Quirks) -> str:
    if text.startswith("\ufeff"):
        quirks.note("bom")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _vtt_blocks(text: str) -> list[tuple[int, list[str]]]:
    """Split WebVTT into blocks at empty lines only (a line of spaces is inside a cue: YouTube
    writes one), and before a timing line inside a block (files separated by lines of spaces)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line == "" or ("-->" in line and any("-->" in seen for seen in current)):
            if current:
                blocks.append((start, current))
            current = []
            if line == "":
                continue
        if not line.strip():
            continue
        if not current:
            start = number
        current.append(line.rstrip())
    if current:
        blocks.append((start, current))
    return blocks


def _vtt_words(payload: str, start: float) -> list[Word]:
    """Words of a cue with inline timestamps (``word<00:00:01.500><c> next</c>``)."""
    pieces = _VTT_STAMP.split(payload)
    words: list[Word] = []
    at = start
    for index, piece in enumerate(pieces):
        if index % 2:
            at = parse_timecode(piece)
            continue
        text = html.unescape(_VTT_TAG.sub("", piece))
        words.extend(Word(word, at) for word in text.split())
    return words


def _vtt_cues(text: str, where: str, quirks: _Quirks) -> list[Cue]:
    text = _normalise_newlines(text, quirks)
    if not text.startswith("WEBVTT"):
        raise InputError("not WebVTT: the first line must be 'WEBVTT'", where)
    blocks = _vtt_blocks(text)[1:]
    # YouTube's automatic captions roll: each cue repeats the line before it, and only the
    # lines with inline word times are new.
    rolling = _VTT_STAMP.search(text) is not None
    cues: list[Cue] = []
    previous_lines: set[str] = set()
    for lineno, lines in blocks:
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_at = 0 if "-->" in lines[0] else 1
        if timing_at >= len(lines) or "-->" not in lines[timing_at]:
            raise InputError("cue without a timing line", f"{where}:{lineno}")
        start, end = _timing(lines[timing_at], f"{where}:{lineno + timing_at}", "vtt", quirks)
        payload_lines = lines[timing_at + 1 :]
        if rolling:
            plain = [" ".join(_VTT_TAG.sub("", line).split()) for line in payload_lines]
            kept = [
                line
                for line, bare in zip(payload_lines, plain, strict=True)
                if _VTT_STAMP.search(line) or bare not in previous_lines
            ]
            if len(kept) < len(payload_lines):
                quirks.note("rolling")
            previous_lines = set(plain)
            payload_lines = kept
        payload = " ".join(payload_lines)
        voice = _VTT_VOICE.search(payload)
        speaker = (html.unescape(voice.group(1)).strip() or None) if voice else None
        if _ANY_TAG.search(_VTT_OWN_TAG.sub("", payload)):
            quirks.note("html")
        body = html.unescape(_VTT_TAG.sub("", _SRT_BREAK.sub(" ", payload)))
        words = _vtt_words(payload, start) if _VTT_STAMP.search(payload) else []
        cues.append(Cue(start, end, " ".join(body.split()), speaker, words))
    _check_order(cues, quirks)
    return [cue for cue in cues if cue.text]


def parse_vtt(text: str, where: str = "<vtt>") -> list[Section]:
    """Parse WebVTT: ``<v Name>`` voice tags give speakers; other markup is dropped."""
    quirks = _Quirks(where)
    cues = _vtt_cues(text, where, quirks)
    quirks.report()
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


def _srt_cues(text: str, where: str, quirks: _Quirks) -> list[Cue]:
    text = _normalise_newlines(text, quirks)
    cues: list[Cue] = []
    speaker: str | None = None
    expected = 1
    for lineno, lines in _blocks(text):
        numbered = lines[0].strip().isdigit()
        timing_at = 1 if numbered else 0
        if timing_at >= len(lines) or "-->" not in lines[timing_at]:
            raise InputError("expected a cue number and a timing line", f"{where}:{lineno}")
        if not numbered or int(lines[0]) != expected:
            quirks.note("numbering")
        expected = (int(lines[0]) if numbered else expected) + 1
        start, end = _timing(lines[timing_at], f"{where}:{lineno + timing_at}", "srt", quirks)
        body = " ".join(line.strip() for line in lines[timing_at + 1 :])
        # The formatting tags players accept go silently; SRT has no entities, and other
        # "<...>" is text, except line breaks some tools write as HTML.
        body = _SRT_TAG.sub("", body)
        if _SRT_BREAK.search(body):
            quirks.note("html")
            body = " ".join(_SRT_BREAK.sub(" ", body).split())
        label, body = split_speaker_label(body)
        speaker = label or speaker
        cues.append(Cue(start, end, body, speaker))
    _check_order(cues, quirks)
    return cues


def parse_srt(text: str, where: str = "<srt>") -> list[Section]:
    """Parse SubRip: a ``Name:`` prefix starts a speaker's turn; later cues continue it."""
    quirks = _Quirks(where)
    cues = _srt_cues(text, where, quirks)
    quirks.report()
    return _merge_turns(cues)


def _number(value: Any) -> float | None:
    """Return a JSON time as seconds; None for no number, NaN, Infinity or past the value rules'
    longest time (Python's json reads NaN, Infinity and 1e400 as floats)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or abs(value) > MAX_SECONDS:
        return None
    return float(value)


def _name(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _p20_cues(data: Any, where: str, quirks: _Quirks) -> list[Cue]:
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise InputError("not a JSON transcript: no 'segments' list", where)
    cues: list[Cue] = []
    for index, entry in enumerate(segments):
        if not isinstance(entry, dict):
            raise InputError(f"segments[{index}] is not an object", where)
        body = entry.get("body")
        if not isinstance(body, str):
            raise InputError(f"segments[{index}] has no 'body' text", where)
        start, end = _number(entry.get("startTime")), _number(entry.get("endTime"))
        if start is None:
            raise InputError(f"segments[{index}] needs a numeric 'startTime'", where)
        if end is None:  # the spec makes endTime optional
            if "endTime" in entry:
                raise InputError(f"segments[{index}] has a non-numeric 'endTime'", where)
            quirks.note("no_end")
        elif end < start:
            raise InputError(f"segments[{index}] ends before it starts", where)
        cues.append(Cue(start, end, body, _name(entry.get("speaker"))))
    return cues


def _whisper_cues(data: dict[str, Any], where: str, quirks: _Quirks) -> list[Cue]:
    """Whisper / WhisperX JSON: ``segments`` of ``start``, ``end``, ``text``, optional ``words``."""
    cues: list[Cue] = []
    for index, entry in enumerate(data["segments"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise InputError(f"segments[{index}] has no 'text'", where)
        start, end = _number(entry.get("start")), _number(entry.get("end"))
        if start is None:
            raise InputError(f"segments[{index}] needs a numeric 'start'", where)
        if end is None:
            quirks.note("no_end")
        words = []
        for raw in entry.get("words") or []:
            word_start = _number(raw.get("start")) if isinstance(raw, dict) else None
            text = raw.get("word", raw.get("text")) if isinstance(raw, dict) else None
            if isinstance(text, str) and text.strip() and word_start is not None:
                words.append(Word(text.strip(), word_start, _number(raw.get("end"))))
        cues.append(Cue(start, end, entry["text"].strip(), _name(entry.get("speaker")), words))
    return cues


def _json3_cues(data: dict[str, Any], where: str) -> list[Cue]:
    """YouTube ``json3``: ``events`` of ``tStartMs``/``dDurationMs`` with ``segs`` of ``utf8``."""
    cues: list[Cue] = []
    for event in data["events"]:
        if not isinstance(event, dict) or not isinstance(event.get("segs"), list):
            continue  # window and style events carry no text
        start_ms = _number(event.get("tStartMs"))
        if start_ms is None:
            continue
        duration = _number(event.get("dDurationMs"))
        words = []
        for seg in event["segs"]:
            text = seg.get("utf8") if isinstance(seg, dict) else None
            if isinstance(text, str) and text.strip():
                offset = _number(seg.get("tOffsetMs")) or 0.0
                words.append(Word(text.strip(), (start_ms + offset) / 1000))
        text = " ".join(w.text for w in words)
        if text:
            end = (start_ms + duration) / 1000 if duration is not None else None
            cues.append(Cue(start_ms / 1000, end, text, None, words))
    return cues


def _json_cues(text: str, where: str, quirks: _Quirks) -> list[Cue]:
    """Read any of the JSON transcripts, told apart by their keys."""
    data = _load_json(text, where)
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        cues = _json3_cues(data, where)
    elif (
        isinstance(data, dict)
        and isinstance(data.get("segments"), list)
        and any(isinstance(s, dict) and "start" in s and "body" not in s for s in data["segments"])
    ):
        cues = _whisper_cues(data, where, quirks)
    else:
        cues = _p20_cues(data, where, quirks)
    _check_order(cues, quirks)
    return cues


def parse_transcript_json(text: str, where: str = "<json>") -> list[Section]:
    """Parse a JSON transcript: Podcasting 2.0 (``version`` 1.0.0), Whisper or YouTube json3."""
    quirks = _Quirks(where)
    cues = _json_cues(text, where, quirks)
    quirks.report()
    return _merge_turns(cues)


def _srv3_cues(text: str, where: str) -> list[Cue]:
    """YouTube ``srv3`` XML: ``<p t="ms" d="ms">`` paragraphs, ``<s t="offset">`` words."""
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"))
    except lxml.etree.XMLSyntaxError as exc:
        raise InputError(f"not readable as srv3 XML: {exc}", where) from exc
    cues: list[Cue] = []
    for para in root.iter("p"):
        start_ms = _number(_int_attr(para.get("t")))
        if start_ms is None:
            continue
        duration = _number(_int_attr(para.get("d")))
        words = []
        for piece in para.iter("s"):
            word = " ".join("".join(piece.itertext()).split())
            if word:
                offset = _int_attr(piece.get("t")) or 0
                words.append(Word(word, (start_ms + offset) / 1000))
        body = " ".join("".join(para.itertext()).split())
        if body:
            end = (start_ms + duration) / 1000 if duration is not None else None
            cues.append(Cue(start_ms / 1000, end, html.unescape(body), None, words))
    return cues


def _int_attr(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


#: A logger line: ``[00:01:23] Speaker: text`` (brackets and speaker optional).
_LOG_LINE = re.compile(r"^\[?(\d+:\d{1,2}(?::\d{1,2})?(?:[.,]\d+)?)\]?\s+(.*)$")


def _log_cues(text: str, where: str, quirks: _Quirks) -> list[Cue]:
    """A plain log: each timed line starts a cue; untimed lines continue the one before."""
    text = _normalise_newlines(text, quirks)
    cues: list[Cue] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        match = _LOG_LINE.match(line.strip())
        if match is None:
            if not cues:
                raise InputError(
                    f"expected a line starting with a time like [00:01:23], found {line.strip()!r}",
                    f"{where}:{lineno}",
                )
            cues[-1].text += " " + line.strip()
            continue
        try:
            start = parse_timecode(match.group(1))
        except ValueError as exc:
            raise InputError(f"bad time {match.group(1)!r}: {exc}", f"{where}:{lineno}") from exc
        label, body = split_speaker_label(match.group(2))
        cues.append(Cue(start, None, body, label))
    _check_order(cues, quirks)
    return cues


def _plain_sections(
    reader: Callable[[str, str, _Quirks], list[Cue]],
) -> Callable[[str, str], list[Section]]:
    def parse(text: str, where: str) -> list[Section]:
        quirks = _Quirks(where)
        cues = reader(text, where, quirks)
        quirks.report()
        return _merge_turns(cues)

    return parse


#: Cue readers by file suffix: the timed formats the aligner can pair with an edited transcript.
TIMED_READERS: dict[str, Callable[[str, str, _Quirks], list[Cue]]] = {
    ".vtt": _vtt_cues,
    ".srt": _srt_cues,
    ".json": _json_cues,
    ".json3": _json_cues,
    ".srv3": lambda text, where, quirks: _srv3_cues(text, where),
    ".txt": _log_cues,
    ".log": _log_cues,
}


def parse_timed(text: str, suffix: str, where: str = "<timed>") -> TimedTranscript:
    """Parse a timed transcript of the type ``suffix`` names (``.vtt``, ``.srt``, ...) into cues."""
    reader = TIMED_READERS.get(suffix.lower())
    if reader is None:
        known = ", ".join(TIMED_READERS)
        raise InputError(f"unknown timed transcript type {suffix!r} (expected {known})", where)
    quirks = _Quirks(where)
    cues = reader(text, where, quirks)
    if not any(cue.text.strip() for cue in cues):
        raise InputError("no timed text in this transcript", where)
    return TimedTranscript(cues=cues, quirks=quirks.report())


#: Where a show keeps a segment's machine transcript: ``SHOW_DIR/transcripts/<slug>.<ext>``;
#: the first suffix present wins (word-level JSON first: its word times are the finest).
TIMED_FOLDER = "transcripts"
TIMED_SUFFIXES = (".json", ".vtt", ".srt", ".json3", ".srv3", ".txt", ".log")


def find_timed_file(show_dir: Path | str, slug: str) -> Path | None:
    """Return the show's timed transcript of segment ``slug``, or None when it has none."""
    folder = Path(show_dir) / TIMED_FOLDER
    return next(
        (
            folder / f"{slug}{suffix}"
            for suffix in TIMED_SUFFIXES
            if (folder / f"{slug}{suffix}").is_file()
        ),
        None,
    )


def read_timed_file(path: Path | str) -> TimedTranscript:
    """Read a timed transcript file (WebVTT, SRT, JSON, srv3/json3, a plain log) into cues."""
    path = Path(path)
    return parse_timed(read_text_input(path, bom=True), path.suffix, str(path))


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
    ".srv3": _plain_sections(lambda text, where, quirks: _srv3_cues(text, where)),
    ".txt": _plain_sections(_log_cues),
    ".log": _plain_sections(_log_cues),
}


def _read_text(path: Path) -> str:
    return read_text_input(path)


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
    except RecursionError as exc:  # [[[[...: Python's parser gives up past its stack
        raise InputError("not valid JSON: arrays or objects nested too deeply", where) from exc


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
