"""Write a segment's transcript as the files ``podcast:transcript`` points to.

HTML always (speakers in ``<cite>``, like the Podcasting 2.0 example); WebVTT, SRT and JSON only
when every section has real start and end times, since those formats promise timing. A question
becomes its own turn voiced by the questioner; headings appear only in HTML. Long turns are split
into cues that share the section's time in proportion to their characters. In HTML each section
is a ``<section>``, so that turns without a speaker or time stay apart when read back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

import nh3

from feeds.sanitize import DROPPED_WITH_CONTENT
from segments.errors import FeedError
from segments.model import Section, Segment
from segments.timecode import format_clock, format_timecode
from segments.timedtext import QUESTION_CLASS, split_speaker_label

#: Longest WebVTT cue line (podcast-standards.md: "lines at most about 65 characters").
VTT_LINE_CHARS = 65
#: SRT cues: at most this many lines of this many characters (podcast-standards.md).
SRT_LINE_CHARS = 32
SRT_LINES = 2

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


def _turns(section: Section) -> list[_Turn]:
    turns = []
    if section.question:
        turns.append(_Turn(section.questioner, " ".join(section.question.split())))
    text = " ".join(" ".join(p.split()) for p in section.paragraphs if p.strip())
    if text:
        turns.append(_Turn(section.speaker, text))
    return turns


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


def _cues(segment: Segment, width: int, lines: int, label_speakers: bool) -> list[_Cue] | None:
    """Split timed sections into cues of at most ``lines`` lines of ``width`` characters.

    With ``label_speakers`` (SRT) a turn's first cue starts with "Name: ", and so does any later
    cue whose text would otherwise read as a label ("Listen: ..."); the label counts toward the
    width but not toward the time a cue gets.
    """
    timed = _timed_sections(segment)
    if timed is None:
        return None
    cues: list[_Cue] = []
    for start, end, section in timed:
        pieces: list[tuple[_Turn, str, bool]] = []
        for turn in _turns(section):
            words, pos, offset = turn.text.split(), 0, 0
            label = f"{turn.speaker}: " if label_speakers and turn.speaker else ""
            while pos < len(words):
                indent = len(label) if not pieces or pieces[-1][0] is not turn else 0
                taken, next_pos, next_offset = _take_lines(words, pos, offset, width, lines, indent)
                if label and not indent and split_speaker_label(" ".join(taken))[0]:
                    indent = len(label)
                    taken, next_pos, next_offset = _take_lines(
                        words, pos, offset, width, lines, indent
                    )
                pieces.append((turn, "\n".join(taken), bool(label and indent)))
                pos, offset = next_pos, next_offset
        total = sum(len(text) for _, text, _ in pieces) or 1
        done = 0
        for turn, text, labelled in pieces:
            cue_start = start + (end - start) * done / total
            done += len(text)
            cue_end = start + (end - start) * done / total
            cues.append(_Cue(cue_start, cue_end, turn.speaker, text, labelled))
    return cues


def transcript_vtt(segment: Segment) -> str | None:
    """Return a WebVTT transcript with ``<v Name>`` voices, or None without times."""
    cues = _cues(segment, VTT_LINE_CHARS, 1, label_speakers=False)
    if cues is None:
        return None
    out = ["WEBVTT", ""]
    for cue in cues:
        out.append(f"{format_timecode(cue.start)} --> {format_timecode(cue.end)}")
        voice = f"<v {escape(cue.speaker, quote=False)}>" if cue.speaker else ""
        out.extend([voice + escape(cue.text, quote=False), ""])
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
    cues = _cues(segment, VTT_LINE_CHARS, 1, label_speakers=False)
    if cues is None:
        return None
    segments = []
    for cue in cues:
        entry: dict[str, object] = {}
        if cue.speaker:
            entry["speaker"] = cue.speaker
        entry.update(startTime=_seconds(cue.start), endTime=_seconds(cue.end), body=cue.text)
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
