"""Write a segment's transcript as the files ``podcast:transcript`` points to.

HTML always (speakers in ``<cite>``, like the Podcasting 2.0 example); WebVTT, SRT and JSON only
when every section has real start and end times, since those formats promise timing. A question
becomes its own turn voiced by the questioner (the page's interviewer or host when the section
names none, else "Q"), so that no question reads as the answerer's speech; headings appear only in
HTML. Turns are split into cues of at most two lines that share the section's time in proportion
to their characters, each on screen 1-7 s as caption guides ask (a turn spoken slowly gets more,
shorter cues; a short cue stays up into the pause after it). In HTML each section is a
``<section>``, so that turns without a speaker or time stay apart when read back.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from html import escape

import nh3

from feeds.sanitize import DROPPED_WITH_CONTENT, plain_text
from segments.errors import FeedError
from segments.model import Section, Segment
from segments.segmentfile import UNKNOWN_QUESTIONER
from segments.timecode import format_clock, format_timecode
from segments.timedtext import QUESTION_CLASS, split_speaker_label

#: WebVTT cues: at most this many lines of this many characters (caption guides: 42 a line, two
#: lines; the Podcasting 2.0 transcript spec allows up to about 65:
#: https://github.com/Podcastindex-org/podcast-namespace/blob/main/transcripts/transcripts.md).
VTT_LINE_CHARS = 42
VTT_LINES = 2
#: SRT cues: at most this many lines of this many characters (the same spec's SRT advice).
SRT_LINE_CHARS = 32
SRT_LINES = 2
#: How long a cue stays on screen (caption guides: at least 1 s to read, at most 7 s).
MIN_CUE_SECONDS = 1.0
MAX_CUE_SECONDS = 7.0

#: Tags and classes a transcript body may contain (it is built from escaped text, then cleaned
#: again so that nothing a page smuggled into a name or paragraph can become markup).
TRANSCRIPT_TAGS = frozenset({"h1", "section", "h2", "cite", "time", "p", "strong"})

_TRANSCRIPT = nh3.Cleaner(
    tags=set(TRANSCRIPT_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={"*": set()},
    allowed_classes={"p": {QUESTION_CLASS}},
    link_rel=None,
)


@dataclass
class _Turn:
    speaker: str | None
    text: str


@dataclass
class _Cue:
    start: float
    end: float
    speaker: str | None
    text: str
    labelled: bool  # SRT: the cue starts with "Name: "


def _asker(segment: Segment) -> str:
    """Who asks a question the section names no asker for: the interviewer, a host, else "Q"."""
    for role in ("interviewer", "host"):
        people = segment.people_with(role)
        if people:
            return people[0].name
    if segment.show and segment.show.hosts:
        return segment.show.hosts[0]
    return UNKNOWN_QUESTIONER


def _turns(section: Section, asker: str | None = None) -> list[_Turn]:
    """Return a section's question and answer as turns of plain text (the timed formats').

    SRT, JSON and WebVTT cues are text, but players render SRT's and JSON's as HTML and WebVTT
    has tags of its own: markup typed into a transcript or a name is removed (``plain_text``).
    """
    turns = []
    question = plain_text(section.question or "")
    if question.strip():
        turns.append(_Turn(_name(section.questioner or asker), " ".join(question.split())))
    paragraphs = (plain_text(p) for p in section.paragraphs)
    text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
    if text:
        turns.append(_Turn(_name(section.speaker), text))
    return turns


def _name(speaker: str | None) -> str | None:
    name = " ".join(plain_text(speaker).split()) if speaker else None
    return name or None


def _timed_sections(segment: Segment) -> list[tuple[float, float, Section]] | None:
    """Return each section with its times, or None unless every section has both."""
    if not segment.transcript:
        return None
    timed = []
    for index, section in enumerate(segment.transcript):
        start, end = section.start_seconds, section.end_seconds
        if start is None or end is None:
            return None
        if end < start or start < 0:
            raise FeedError(
                f"transcript section {index + 1} has times {start}..{end}: ends before it starts",
                segment.slug,
            )
        timed.append((start, end, section))
    return timed


def _take_lines(
    words: list[str], pos: int, offset: int, width: int, count: int, indent: int
) -> tuple[list[str], int, int]:
    """Fill up to ``count`` lines of ``width`` from ``words[pos][offset:]``; return where it ended.

    The first line also holds ``indent`` characters of label. A word longer than a line is broken.
    """
    lines: list[str] = []
    while len(lines) < count and pos < len(words):
        # An absurdly long speaker name overflows rather than leaving no room for words.
        room = max(width - (indent if not lines else 0), width // 2)
        line = ""
        while pos < len(words):
            word = words[pos][offset:]
            joined = f"{line} {word}" if line else word
            if len(joined) <= room:
                line, pos, offset = joined, pos + 1, 0
            elif not line:
                line, offset = word[:room], offset + room
                break
            else:
                break
        lines.append(line)
    return lines, pos, offset


def _fill(
    turn: _Turn, words: list[str], width: int, lines: int, label: str, first: bool
) -> list[tuple[str, bool]]:
    """Fill ``words`` into pieces of at most ``lines`` lines; say which carry the label."""
    pieces: list[tuple[str, bool]] = []
    pos, offset = 0, 0
    while pos < len(words):
        indent = len(label) if first and not pieces else 0
        taken, next_pos, next_offset = _take_lines(words, pos, offset, width, lines, indent)
        if label and not indent and split_speaker_label(" ".join(taken))[0]:
            indent = len(label)
            taken, next_pos, next_offset = _take_lines(words, pos, offset, width, lines, indent)
        pieces.append(("\n".join(taken), bool(label and indent)))
        pos, offset = next_pos, next_offset
    return pieces


def _chunks(words: list[str], count: int) -> list[list[str]]:
    """Split ``words`` into ``count`` runs of about equal characters."""
    total = sum(len(w) + 1 for w in words)
    chunks: list[list[str]] = [[] for _ in range(count)]
    done = 0
    for word in words:
        chunks[min(count - 1, done * count // total)].append(word)
        done += len(word) + 1
    return [c for c in chunks if c]


def _turn_pieces(
    turn: _Turn, width: int, lines: int, label_speakers: bool, seconds: float
) -> list[tuple[str, bool]]:
    """A turn's cue texts: filled lines, in more and shorter cues when it is spoken slowly."""
    words = turn.text.split()
    label = f"{turn.speaker}: " if label_speakers and turn.speaker else ""
    pieces = _fill(turn, words, width, lines, label, True)
    count = math.ceil(seconds / MAX_CUE_SECONDS - 1e-9)
    while _longest(pieces, seconds) > MAX_CUE_SECONDS and count <= len(words):
        pieces = []
        for index, chunk in enumerate(_chunks(words, count)):
            pieces.extend(_fill(turn, chunk, width, lines, label, index == 0))
        count += 1
    return pieces


def _longest(pieces: list[tuple[str, bool]], seconds: float) -> float:
    """The longest time one of ``pieces`` gets when they share ``seconds`` by characters."""
    total = sum(len(text) for text, _ in pieces) or 1
    return max((seconds * len(text) / total for text, _ in pieces), default=0.0)


def _cues(segment: Segment, width: int, lines: int, label_speakers: bool) -> list[_Cue] | None:
    """Split timed sections into cues of at most ``lines`` lines of ``width`` characters.

    With ``label_speakers`` (SRT) a turn's first cue starts with "Name: ", and so does any later
    cue whose text would otherwise read as a label ("Listen: ..."); the label counts toward the
    width but not toward the time a cue gets.
    """
    timed = _timed_sections(segment)
    if timed is None:
        return None
    asker = _asker(segment)
    cues: list[_Cue] = []
    for start, end, section in timed:
        turns = _turns(section, asker)
        total = sum(len(turn.text) for turn in turns) or 1
        pieces: list[tuple[_Turn, str, bool]] = []
        for turn in turns:
            seconds = (end - start) * len(turn.text) / total
            pieces.extend(
                (turn, text, labelled)
                for text, labelled in _turn_pieces(turn, width, lines, label_speakers, seconds)
            )
        chars = sum(len(text) for _, text, _ in pieces) or 1
        done = 0
        for turn, text, labelled in pieces:
            cue_start = start + (end - start) * done / chars
            done += len(text)
            cue_end = start + (end - start) * done / chars
            cues.append(_Cue(cue_start, cue_end, turn.speaker, text, labelled))
    for index, cue in enumerate(cues):
        following = cues[index + 1].start if index + 1 < len(cues) else math.inf
        # Long enough to read, where the pause before the next cue allows; never over 7 s.
        cue.end = min(
            max(cue.end, min(cue.start + MIN_CUE_SECONDS, following)), cue.start + MAX_CUE_SECONDS
        )
    return cues


def transcript_vtt(segment: Segment) -> str | None:
    """Return a WebVTT transcript with ``<v Name>`` voices, or None without times."""
    cues = _cues(segment, VTT_LINE_CHARS, VTT_LINES, label_speakers=False)
    if cues is None:
        return None
    out = ["WEBVTT", ""]
    for cue in cues:
        out.append(f"{format_timecode(cue.start)} --> {format_timecode(cue.end)}")
        voice = f"<v {escape(cue.speaker, quote=False)}>" if cue.speaker else ""
        out.extend([voice + escape(cue.text, quote=False), ""])  # the voice spans the cue's lines
    return "\n".join(out)


def _srt_time(seconds: float) -> str:
    return format_timecode(seconds, decimal=",")


def transcript_srt(segment: Segment) -> str | None:
    """Return an SRT transcript ("Name:" starting each turn), or None without times."""
    cues = _cues(segment, SRT_LINE_CHARS, SRT_LINES, label_speakers=True)
    if cues is None:
        return None
    out = []
    for number, cue in enumerate(cues, 1):
        text = f"{cue.speaker}: {cue.text}" if cue.labelled else cue.text
        out.extend([str(number), f"{_srt_time(cue.start)} --> {_srt_time(cue.end)}", text, ""])
    return "\n".join(out)


def _seconds(value: float) -> float:
    return round(value, 3)


def transcript_json(segment: Segment) -> str | None:
    """Return a Podcasting 2.0 JSON transcript (version 1.0.0), or None without times."""
    cues = _cues(segment, VTT_LINE_CHARS, VTT_LINES, label_speakers=False)
    if cues is None:
        return None
    segments = []
    for cue in cues:
        entry: dict[str, object] = {}
        if cue.speaker:
            entry["speaker"] = cue.speaker
        body = " ".join(cue.text.split())
        entry.update(startTime=_seconds(cue.start), endTime=_seconds(cue.end), body=body)
        segments.append(entry)
    document = {"version": "1.0.0", "segments": segments}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _html_body(segment: Segment) -> list[str]:
    body = [f"<h1>{escape(segment.title)}</h1>"]
    for section in segment.transcript:
        body.append("<section>")
        if section.heading:
            body.append(f"<h2>{escape(section.heading)}</h2>")
        time = (
            f"<time>{format_clock(section.start_seconds)}</time>"
            if section.start_seconds is not None
            else None
        )
        if section.question:
            if section.questioner:
                body.append(f"<cite>{escape(section.questioner)}:</cite>")
            if time:
                body.append(time)
                time = None
            body.append(
                f'<p class="{QUESTION_CLASS}"><strong>{escape(section.question)}</strong></p>'
            )
        paragraphs = [p for p in section.paragraphs if p.strip()]
        if paragraphs and section.speaker:
            body.append(f"<cite>{escape(section.speaker)}:</cite>")
        if time:
            body.append(time)
        body.extend(f"<p>{escape(' '.join(p.split()))}</p>" for p in paragraphs)
        body.append("</section>")
    return body


def transcript_html(segment: Segment) -> str:
    """Return the transcript as a small, complete, sanitised HTML document."""
    language = segment.language or (segment.show.language if segment.show else None)
    lang = f' lang="{escape(language)}"' if language else ""
    body = str(_TRANSCRIPT.clean("\n".join(_html_body(segment))))
    return (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>Transcript: {escape(segment.title, quote=False)}</title>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )
