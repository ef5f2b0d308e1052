"""Segment files: Markdown with YAML front matter, one per segment, named ``<slug>.md``.

The front matter holds the metadata; the body holds the summary, the producer's show notes and the
transcript, so a producer can edit a segment by hand. Reading a written file gives an equal
``Segment``. A file looks like this::

    ---
    title: "'Lovesong': Another intimate film from director So Yong Kim"
    slug: lovesong-another-intimate-film
    published: "2016-04-05T10:00:00-07:00"
    people:
    - name: So Yong Kim
      role: guest
    ---
    The summary, paragraphs separated by a blank line.

    ## Show notes

    Markdown the producer wrote.

    ## Transcript

    ### Getting into filmmaking

    [00:01:23 - 00:02:05]

    > **Q:** How did you start?

    **So Yong Kim:** The answer's first paragraph.

    Its second paragraph.

In the transcript a section starts at its ``### topic`` heading, its ``[HH:MM:SS]`` time mark
(start, or start - end), its ``> **Q:**`` question (``> **Name:**`` when the page names who asked)
or its ``**Speaker:**`` label, whichever comes first; a ``---`` line separates sections that have
none of these. A text line that would read as one of these marks is written with a leading
backslash, which reading removes. Every front-matter key is in ``SEGMENT_KEYS`` (the
reference, docs/segment-files.md, is made from it); an unknown key is an error (it would
otherwise be silently lost when the file is rewritten).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, cast

import yaml

from segments.chapters import parse_chapter_line
from segments.errors import InputError, SegcastError, combined
from segments.files import plain_name, read_text_input, split_blocks, write_atomic
from segments.model import (
    ROLES,
    STATUSES,
    AudioRef,
    Chapter,
    EpisodeType,
    Funding,
    Image,
    Person,
    Section,
    Segment,
    Show,
    ShowType,
    Soundbite,
    Source,
    Status,
    TranscriptRef,
)
from segments.schedule import DAYS, Airtime, Schedule, check_timezone, parse_airtimes
from segments.timecode import format_timecode, parse_timecode
from segments.values import text_problem, value_problem
from segments.whitespace import normalise_space


@dataclass(frozen=True)
class FrontKey:
    """One front-matter key of a segment file, as the reference and the import template show it.

    ``example`` is the YAML of a value (what follows ``key: ``), a real one: a test reads every
    example back through this module's reader.
    """

    holds: str
    type: str
    example: str
    default: str = "none"
    limits: str = ""


#: An episode's type, Apple's ``itunes:episodeType``.
EPISODE_TYPES: tuple[EpisodeType, ...] = ("full", "trailer", "bonus")

#: The front-matter keys of a segment file, in the order they are written, and what each holds.
SEGMENT_KEYS: dict[str, FrontKey] = {
    "title": FrontKey(
        "the headline (required)",
        "text",
        "\"'Lovesong': Another intimate film from director So Yong Kim\"",
        default="required",
        limits="in double quotes when it holds ': ', quotes or starts with * & ! ? ' \"",
    ),
    "slug": FrontKey(
        "the name of every file made from the segment",
        "text",
        "lovesong-so-yong-kim",
        default="the file's name without .md",
    ),
    "guid": FrontKey(
        "the episode GUID, assigned once by the first build; never change it",
        "text",
        "1944b4e2-2cd2-42b4-abd5-aa1af39d8f1f",
        default="a new UUID, stored by the first build",
    ),
    "published": FrontKey(
        "when the episode was first published",
        "ISO 8601 date, or date and time with offset",
        '"2016-04-05T10:00:00-07:00"',
        default="the first build's moment, stored in the file",
    ),
    "status": FrontKey(
        "draft, scheduled or published; a draft is never published, a future published date "
        "holds the episode back until then",
        "one of the choices",
        "draft",
        default="published",
        limits=", ".join(STATUSES),
    ),
    "link": FrontKey("the segment's web page", "URL", "https://www.example.org/the-frame/lovesong"),
    "language": FrontKey("the episode's language, if not the show's", "language code", "en-US"),
    "episode": FrontKey("episode number", "whole number", "12"),
    "season": FrontKey("season number", "whole number", "2"),
    "episode_type": FrontKey(
        "Apple's episode type",
        "one of the choices",
        "bonus",
        default="full",
        limits=", ".join(EPISODE_TYPES),
    ),
    "explicit": FrontKey("explicit content", "true or false", "false", default="the show's"),
    "people": FrontKey(
        "who is on: name, role and optionally href (a web page) and img (a picture URL)",
        "list of mappings",
        "[{name: So Yong Kim, role: guest}, {name: John Horn, role: host}]",
        limits="role is one of " + ", ".join(ROLES),
    ),
    "images": FrontKey(
        "photos with their captions and credits",
        "list of {url, caption, credit}",
        "[{url: https://www.example.org/so.jpg, caption: The director, credit: Jane Roe}]",
    ),
    "audio": FrontKey(
        "the published audio: a file (path, relative to the show folder) or a URL with its "
        "exact byte count; label, mime_type, duration_seconds, size_is_estimate",
        "mapping",
        "{url: https://media.example.org/lovesong.mp3, size_bytes: 31457280}",
        default="audio/<slug>.mp3 (or .m4a ...) in the show folder",
    ),
    "raw": FrontKey(
        "the recording to master, relative to the show folder",
        "file path",
        "raw/lovesong-take-2.wav",
        default="raw/<slug>.wav (or .flac, .aif, .aiff, .m4a, .mp3, .ogg, .opus)",
    ),
    "chapters": FrontKey(
        "chapter marks: 'MM:SS Title' lines, or {start, title, end, url, image} with times as "
        "HH:MM:SS.mmm or seconds",
        "list",
        '["00:00 Opening", "12:34 The film"]',
        default="from the transcript's topics, else its questions",
    ),
    "soundbites": FrontKey(
        "previews an app may play (podcast:soundbite): start and duration (times as HH:MM:SS.mmm "
        "or seconds, in programme time like chapters) and an optional title",
        "list of {start, duration, title}",
        "[{start: 1:05, duration: 30, title: The medal}]",
        limits="duration above 0 (the namespace recommends 15 to 120 s)",
    ),
    "chapters_url": FrontKey(
        "a JSON chapters file published elsewhere (an imported feed's)",
        "URL",
        "https://media.example.org/lovesong.chapters.json",
    ),
    "transcripts": FrontKey(
        "transcripts published elsewhere (an imported feed's): url, type, language, rel",
        "list of mappings",
        "[{url: https://media.example.org/lovesong.vtt, type: text/vtt}]",
    ),
    "source": FrontKey(
        "where the segment was imported from: path, url, kind (text, html, feed), fetched (when "
        "its URL was read), sha256 (the "
        "page's hash at import: the build warns when the page changed since) and fingerprints "
        "(of what the page gave: `import --force` keeps the keys you edited)",
        "mapping",
        "{path: pages/lovesong.txt, kind: text}",
        default="written by import",
    ),
    "show": FrontKey(
        "what the page says of its show: title, tagline, hosts, category, airtimes_text, "
        "airtimes ('DAYS HH:MM' lines), timezone, ...",
        "mapping",
        '{tagline: "Movies, music, TV, arts and entertainment", hosts: [John Horn]}',
        default="written by import",
    ),
}

#: Keys of the ``show`` mapping (see ``segments.model.Show``); airtimes are written both as the
#: page's text and as ``DAYS HH:MM`` lines, e.g. ``MO,TU,WE,TH,FR 15:30``.
SHOW_KEYS: tuple[str, ...] = (
    "title",
    "tagline",
    "description",
    "hosts",
    "category",
    "subcategory",
    "airtimes_text",
    "airtimes",
    "timezone",
    "language",
    "artwork",
    "link",
    "base_url",
    "feed_url",
    "author",
    "owner_name",
    "owner_email",
    "explicit",
    "copyright",
    "type",
    "locked",
    "funding",
    "podcast_guid",
)

SHOW_NOTES_HEADING = "## Show notes"
TRANSCRIPT_HEADING = "## Transcript"
SEPARATOR = "---"
UNKNOWN_QUESTIONER = "Q"

_TIMECODE = r"\d+:\d{1,2}:\d{1,2}(?:\.\d+)?"
_TIME_MARK_RE = re.compile(rf"^\[({_TIMECODE})(?:\s*[-–]\s*({_TIMECODE}))?\]$")
_LABEL_RE = re.compile(r"^\*\*([^*\n]+?):\*\*(?: (.*))?$")
_NAME_RE = re.compile(r"[^*\n]+")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*(?:\n|$)|^[ \t]*\n")
_AIRTIME_RE = re.compile(r"^([A-Z]{2}(?:,[A-Z]{2})*) (\d{1,2}):(\d{2})(?:-(\d{1,2}):(\d{2}))?$")

# Ranks of the parts of a section, in the order they are written: a part whose rank is not after
# the previous part's starts a new section (several plain paragraphs are one section).
_HEADING, _TIME, _QUESTION, _SPEAKER, _PARAGRAPH = range(5)


def segment_path(directory: Path, segment: Segment) -> Path:
    """Return where ``segment``'s file goes in ``directory``: ``<slug>.md``."""
    where = segment.source.path if segment.source else None
    problem = value_problem("slug", segment.slug)  # the slug rule: our own file-name stem
    if problem is not None:
        raise InputError(f"{problem}; it cannot be a file name", where)
    return Path(directory) / plain_name(segment.slug, ".md", where)  # the path layer's guard


def write_segment(
    segment: Segment, path: Path, *, overwrite: bool = False, template: bool = False
) -> None:
    """Write ``segment`` to ``path`` atomically; an existing file only with ``overwrite``.

    ``template`` (a new file from ``import``) adds each key left empty as a commented example.
    """
    write_atomic(Path(path), format_segment(segment, template=template), overwrite=overwrite)


def read_segment(path: Path) -> Segment:
    """Read a segment file; any problem is an InputError naming the file and what is wrong."""
    path = Path(path)
    text = read_text_input(path)
    return parse_segment(text, where=str(path), default_slug=path.stem)


# -- writing ----------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Safe YAML with multi-line text as literal blocks, readable by hand, and no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _Quoted(str):
    """Text always written in double quotes: a title, the value a producer edits most."""


_STR_TAG = "tag:yaml.org,2002:str"


def _plain_is_safe(dumper: yaml.SafeDumper, value: str) -> bool:
    """Whether ``value`` unquoted reads back as the same text (no ': ', '#', '*', '&', ...)."""
    analysis = dumper.analyze_scalar(value)
    implicit = dumper.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG  # type: ignore[no-untyped-call]
    return bool(analysis.allow_block_plain and not analysis.multiline and implicit)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Double quotes, not YAML's single ones, for text that cannot go plain: "'Lovesong': ..."
    # reads as it is written, where '\'\'Lovesong\'\': ...' doubles every quote.
    style: str | None = None
    if "\n" in value:
        style = "|"
    elif isinstance(value, _Quoted) or not _plain_is_safe(dumper, value):
        style = '"'
    return dumper.represent_scalar(_STR_TAG, str(value), style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Quoted, _represent_str)

#: The comment that opens an import's template of the keys it did not fill.
TEMPLATE_HEADING = "# More keys: remove the '# ' to use one (docs/segment-files.md lists them all)"


def template_lines(filled: set[str] | frozenset[str]) -> list[str]:
    """Return a commented ``# key: example`` line for each front-matter key not in ``filled``."""
    lines = [f"# {key}: {spec.example}" for key, spec in SEGMENT_KEYS.items() if key not in filled]
    return [TEMPLATE_HEADING, *lines] if lines else []


def format_segment(segment: Segment, *, template: bool = False) -> str:
    """Return the text of ``segment``'s file; ``template`` adds the unfilled keys as comments."""
    _check_writable(segment)
    data = _front_matter(segment)
    front = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    if template:
        front += "".join(line + "\n" for line in template_lines(set(data)))
    parts: list[str] = []
    if segment.summary is not None:
        parts.extend(_escape(p, _summary_needs_escape) for p in _paragraphs(segment.summary))
    if segment.show_notes is not None:
        parts.append(SHOW_NOTES_HEADING)
        notes = "\n".join(
            "\\" + line if _section_heading(line) else line
            for line in segment.show_notes.split("\n")
        )
        parts.append(notes)
    if segment.transcript:
        parts.append(TRANSCRIPT_HEADING)
        parts.extend(_transcript_blocks(segment.transcript))
    body = "\n\n".join(parts)
    return f"---\n{front}---\n" + (f"\n{body}\n" if body else "")


def _check_writable(segment: Segment) -> None:
    """Refuse transcript text the body cannot hold rather than write a file that reads wrong."""
    where = segment.source.path if segment.source else None
    for number, section in enumerate(segment.transcript, start=1):
        problem = None
        names = [n for n in (section.speaker, section.questioner) if n is not None]
        if section.heading is not None and "\n" in section.heading:
            problem = f"heading {section.heading!r} has a line break"
        elif any(not _NAME_RE.fullmatch(name) for name in names):
            problem = "a speaker or questioner name is empty or has '*' or a line break"
        elif section.questioner == UNKNOWN_QUESTIONER:
            problem = f"the questioner cannot be called {UNKNOWN_QUESTIONER!r}"
        elif any(not p.strip() or _BLANK_LINE_RE.search(p) for p in section.paragraphs):
            problem = "a paragraph is empty or has a blank line in it"
        if problem:
            raise InputError(f"transcript section {number}: {problem}", where)


def _front_matter(segment: Segment) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": _Quoted(segment.title),
        "slug": segment.slug,
        "guid": segment.guid,
        "published": segment.published.isoformat() if segment.published else None,
        "status": None if segment.status == "published" else segment.status,
        "link": segment.link,
        "language": segment.language,
        "episode": segment.episode,
        "season": segment.season,
        "episode_type": None if segment.episode_type == "full" else segment.episode_type,
        "explicit": segment.explicit,
        "people": [_plain(p) for p in segment.people],
        "images": [_plain(i) for i in segment.images],
        "audio": _audio_data(segment.audio) if segment.audio else None,
        "raw": segment.raw.as_posix() if segment.raw is not None else None,
        "chapters": [_chapter_data(c) for c in segment.chapters],
        "soundbites": [_soundbite_data(s) for s in segment.soundbites],
        "chapters_url": segment.chapters_url,
        "transcripts": [_plain(t) for t in segment.transcripts],
        "source": _source_data(segment.source) if segment.source else None,
        "show": _show_data(segment.show) if segment.show else None,
    }
    assert list(data) == list(SEGMENT_KEYS)
    return _pruned(data)


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """Drop unknown (None) values and empty lists: reading gives them back as the defaults."""
    return {k: v for k, v in data.items() if v is not None and v != [] and v != {}}


#: The parts of a segment file's body, after the front-matter keys.
BODY_PARTS: tuple[str, ...] = ("summary", "show_notes", "transcript")


def segment_values(segment: Segment) -> dict[str, Any]:
    """Return each key's value as the file holds it, unset ones left out: the front-matter keys
    as YAML data, then the body's parts (``BODY_PARTS``) as their Markdown."""
    values = _front_matter(segment)
    values["title"] = segment.title  # plain text, not the writer's always-quoted kind
    blocks = _transcript_blocks(segment.transcript)
    body = {
        "summary": segment.summary,
        "show_notes": segment.show_notes,
        "transcript": "\n\n".join(blocks) if blocks else None,
    }
    values.update({k: v for k, v in body.items() if v is not None})
    return values


def _plain(obj: Person | Image | Source | Funding | TranscriptRef) -> dict[str, Any]:
    return _pruned({f.name: getattr(obj, f.name) for f in fields(obj)})


def _source_data(source: Source) -> dict[str, Any]:
    data = _plain(source)
    if source.fetched is not None:
        data["fetched"] = source.fetched.isoformat()
    return data


def _audio_data(audio: AudioRef) -> dict[str, Any]:
    data = {f.name: getattr(audio, f.name) for f in fields(audio)}
    data["path"] = str(audio.path) if audio.path is not None else None
    data["size_is_estimate"] = audio.size_is_estimate or None
    return _pruned(data)


def _chapter_data(chapter: Chapter) -> dict[str, Any]:
    return _pruned(
        {
            "start": format_timecode(chapter.start_seconds, trim=True),
            "title": chapter.title,
            "end": format_timecode(chapter.end_seconds, trim=True)
            if chapter.end_seconds is not None
            else None,
            "url": chapter.url,
            "image": chapter.image,
        }
    )


def _soundbite_data(soundbite: Soundbite) -> dict[str, Any]:
    return _pruned(
        {
            "start": format_timecode(soundbite.start_seconds, trim=True),
            "duration": format_timecode(soundbite.duration_seconds, trim=True),
            "title": soundbite.title,
        }
    )


def _show_data(show: Show) -> dict[str, Any]:
    schedule = show.schedule
    data: dict[str, Any] = {key: getattr(show, key, None) for key in SHOW_KEYS}
    data["airtimes_text"] = schedule.text if schedule else None
    data["airtimes"] = [format_airtime(a) for a in schedule.airtimes] if schedule else None
    data["timezone"] = schedule.timezone if schedule else None
    data["type"] = None if show.type == "episodic" else show.type
    data["funding"] = [_plain(f) for f in show.funding]
    # A schedule always writes its airtimes list, even empty: without it reading parses the text.
    return {k: v for k, v in data.items() if v is not None and (v != [] or k == "airtimes")}


def format_airtime(airtime: Airtime) -> str:
    """Format an airtime as ``DAYS HH:MM`` (or ``HH:MM-HH:MM``).

    >>> format_airtime(Airtime(("MO", "FR"), time(15, 30)))
    'MO,FR 15:30'
    """
    text = f"{','.join(airtime.days)} {airtime.time:%H:%M}"
    return f"{text}-{airtime.end:%H:%M}" if airtime.end else text


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _summary_needs_escape(line: str) -> bool:
    return line.startswith(("#", "\\"))


def _transcript_needs_escape(line: str) -> bool:
    return (
        line.startswith(("#", "\\", ">"))
        or line == SEPARATOR
        or bool(_TIME_MARK_RE.match(line) or _LABEL_RE.match(line))
    )


def _escape(text: str, needs: Callable[[str], bool]) -> str:
    return "\n".join("\\" + line if needs(line) else line for line in text.split("\n"))


def _section_parts(section: Section) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    if section.heading is not None:
        parts.append((_HEADING, f"### {section.heading}"))
    if section.start_seconds is not None:
        mark = format_timecode(section.start_seconds, trim=True)
        if section.end_seconds is not None:
            mark += f" - {format_timecode(section.end_seconds, trim=True)}"
        parts.append((_TIME, f"[{mark}]"))
    if section.question is not None:
        label = section.questioner or UNKNOWN_QUESTIONER
        lines = f"**{label}:** {section.question}".rstrip(" ").split("\n")
        parts.append((_QUESTION, "\n".join(f"> {line}" if line else ">" for line in lines)))
    paragraphs = list(section.paragraphs)
    if section.speaker is not None:
        head, *rest = (paragraphs.pop(0) if paragraphs else "").split("\n")
        label = f"**{section.speaker}:** {head}" if head else f"**{section.speaker}:**"
        lines = [label, *(_escape(line, _transcript_needs_escape) for line in rest)]
        parts.append((_SPEAKER, "\n".join(lines)))
    parts.extend((_PARAGRAPH, _escape(p, _transcript_needs_escape)) for p in paragraphs)
    return parts


def _starts_section(rank: int, previous: int | None) -> bool:
    return previous is not None and (rank < previous or (rank == previous and rank != _PARAGRAPH))


def _transcript_blocks(sections: list[Section]) -> list[str]:
    blocks: list[str] = []
    previous: int | None = None
    for section in sections:
        parts = _section_parts(section)
        if not parts:
            continue
        if previous is not None and not _starts_section(parts[0][0], previous):
            blocks.append(SEPARATOR)
        blocks.extend(text for _, text in parts)
        previous = parts[-1][0]
    return blocks


# -- reading ----------------------------------------------------------------------------------


class _NoDuplicateKeys:
    """Refuse a key given twice: PyYAML keeps the last and silently drops the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"found duplicate key {key_node.value!r}",
                        key_node.start_mark,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc,no-any-return]


class _Loader(_NoDuplicateKeys, yaml.SafeLoader):
    """Safe YAML in pure Python: the reader whose error messages a producer is shown."""


#: The same safe YAML on libyaml (about ten times faster: a 1,000-episode archive is read in a
#: fraction of a second); a file it refuses is read again by ``_Loader`` for the message.
_FastLoader: type[Any] = (
    type("_FastLoader", (_NoDuplicateKeys, yaml.CSafeLoader), {})
    if hasattr(yaml, "CSafeLoader")
    else _Loader
)


def _load_front_matter(text: str) -> Any:
    """Return the YAML front matter's data; errors are the pure-Python reader's (one wording)."""
    try:
        return yaml.load(text, Loader=_FastLoader)  # a SafeLoader
    except yaml.YAMLError:
        pass
    return yaml.load(text, Loader=_Loader)  # raises with the familiar message, or agrees


def parse_segment(text: str, *, where: str, default_slug: str | None = None) -> Segment:
    """Parse the text of a segment file (``where`` names it in errors)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise InputError("no front matter: a segment file starts with a '---' line", where)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    except StopIteration:
        raise InputError("front matter is not closed by a '---' line", where) from None
    try:
        data = _load_front_matter("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        raise InputError(yaml_problem(exc, lines[1:end], first_line=2), where) from exc
    except ValueError as exc:
        # PyYAML builds dates and numbers with Python's own constructors, which refuse
        # 2016-13-45, an offset of +25:00 and an integer of more than 4300 digits.
        what = "a number of more than 4300 digits" if "4300" in str(exc) else str(exc)
        raise InputError(f"bad YAML: a date or number that is none: {what}", where) from exc
    except RecursionError as exc:
        raise InputError("bad YAML: lists or mappings nested too deeply", where) from exc
    if data is None:
        data = {}
    problems: list[InputError] = []
    front = _Mapping(data, "front matter", where, problems)
    segment = _segment_from(front, where, default_slug)
    problems.extend(_body_problems(lines, end + 1, where))
    if problems:
        # Every problem of the file at once, each its own line, in the file's order.
        raise combined(problems)
    _read_body(segment, lines, end + 1, where)
    return segment


def _body_problems(lines: list[str], first: int, where: str) -> list[InputError]:
    """Return an error for each body line holding what XML cannot carry (a control character)."""
    if text_problem("\n".join(lines[first:])) is None:  # the common case: one search of it all
        return []
    return [
        InputError(f"line {number}: {problem}", where)
        for number, line in enumerate(lines[first:], start=first + 1)
        if (problem := text_problem(line)) is not None
    ]


_KEY_LINE_RE = re.compile(r"^\s*(?:- )?([A-Za-z_][\w-]*):(?: |$)")


def yaml_problem(exc: yaml.YAMLError, lines: list[str], *, first_line: int = 1) -> str:
    """Say what a producer did wrong in YAML ``lines`` (file line ``first_line`` first), and how
    to fix it, for the common slips; other errors keep PyYAML's words.

    >>> try:
    ...     yaml.safe_load("title: Lovesong: a film")
    ... except yaml.YAMLError as exc:
    ...     yaml_problem(exc, ["title: Lovesong: a film"], first_line=2)
    'line 2: title: put the title in double quotes ("...")'
    """
    problem = str(getattr(exc, "problem", None) or str(exc).split("\n")[0])
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    if mark is None:
        return f"bad YAML: {problem}"
    line = lines[mark.line] if mark.line < len(lines) else ""
    key_match = _KEY_LINE_RE.match(line)
    key = key_match[1] if key_match else None
    at = f"line {mark.line + first_line}"

    def quote(name: str) -> str:
        what = "the title" if name == "title" else "the value"
        inner = key_match is not None and '"' in line[key_match.end() :]
        tail = ' and write a " inside it as \\"' if inner else ""
        return f'{at}: {name}: put {what} in double quotes ("..."){tail}'

    if "'\\t'" in problem:
        return f"{at}: a tab character; YAML indents with spaces only"
    if context == "while scanning a quoted scalar" and context_mark is not None:
        start = lines[context_mark.line] if context_mark.line < len(lines) else ""
        opened = _KEY_LINE_RE.match(start)
        where = f"line {context_mark.line + first_line}"
        name = f"{opened[1]}: " if opened else ""
        return f"{where}: {name}the quote opened here is not closed on its line"
    if problem == "mapping values are not allowed here" and key_match:
        if mark.column > key_match.end() - 1:
            return quote(key_match[1])
        return f"{at}: {key}: not lined up with the keys above it (indent by whole levels)"
    # A value YAML reads as something else: an alias (*), a directive (%), a reserved
    # character (@ `), a block scalar (| >) with text after it, text after a closing quote.
    misread = (
        "found undefined alias",
        "that cannot start any token",
        "expected a comment or a line break",
        "expected <block end>, but found '<scalar>'",
    )
    if key and any(p in problem for p in misread):
        return quote(key)
    if problem.startswith("expected <block end>") or problem.startswith("did not find expected"):
        name = f"{key}: " if key else ""
        return f"{at}: {name}not lined up with the keys above it (indent by whole levels)"
    return f"bad YAML on {at}: {problem}"


class _Mapping:
    """Typed access to one YAML mapping that names the key in every error.

    Every value is checked against the shared value rules (``segments.values``). A problem is
    recorded in ``problems`` (shared by the mappings of one file) and the value read as None, so
    one reading reports every problem of the file; the caller raises them together.
    """

    def __init__(self, value: object, key: str, where: str, problems: list[InputError]) -> None:
        if not isinstance(value, dict):
            raise InputError(f"{key}: expected a mapping of keys, got {_kind(value)}", where)
        self.data: dict[object, object] = value
        self.prefix = "" if key == "front matter" else f"{key}."
        self.where = where
        self.known: list[str] = []
        self.problems = problems

    def fail(self, name: str, problem: str) -> InputError:
        return InputError(f"{self.prefix}{name}: {problem}", self.where)

    def report(self, error: InputError) -> None:
        """Record ``error`` among the file's problems."""
        self.problems.append(error)

    def checked(self, name: str, value: Any) -> Any:
        """Return ``value`` if the value rules allow it under ``name``; else record, return None."""
        problem = value_problem(f"{self.prefix}{name}", value)
        if problem is None:
            return value
        self.report(InputError(problem, self.where))
        return None

    def child(self, value: object, key: str) -> _Mapping:
        """Return the mapping ``value`` found under ``key`` (a full key path), sharing problems."""
        return _Mapping(value, key, self.where, self.problems)

    def each(self, name: str, parse: Callable[[str, object], Any]) -> list[Any]:
        """Return ``parse(key, item)`` for each item of the list ``name`` that reads cleanly."""
        result = []
        for key, item in self.items(name):
            try:
                result.append(parse(key, item))
            except InputError as exc:
                self.report(exc)
        return result

    def guard(self, parse: Callable[[], Any]) -> Any:
        """Return ``parse()``, or None with its InputError recorded."""
        try:
            return parse()
        except InputError as exc:
            self.report(exc)
            return None

    def get(self, name: str) -> object:
        self.known.append(name)
        return self.data.get(name)

    def text(self, name: str) -> str | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            return cast(str | None, self.checked(name, value))
        self.report(self.fail(name, f"expected text, got {_kind(value)} (put it in quotes)"))
        return None

    def required_text(self, name: str) -> str:
        present = self.data.get(name) is not None
        value = self.text(name)
        if value is None or not value.strip():
            if not present or value is not None:  # a bad value is reported already
                self.report(self.fail(name, "missing"))
            return ""  # never used: the file's problems are raised before it is
        return value

    def whole(self, name: str) -> int | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return cast(int | None, self.checked(name, value))
        self.report(self.fail(name, f"expected a whole number, got {_kind(value)}"))
        return None

    def number(self, name: str) -> float | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            checked = self.checked(name, value)
            return None if checked is None else float(checked)
        self.report(self.fail(name, f"expected a number, got {_kind(value)}"))
        return None

    def flag(self, name: str) -> bool | None:
        value = self.get(name)
        if value is None or isinstance(value, bool):
            return value
        self.report(self.fail(name, f"expected true or false, got {_kind(value)}"))
        return None

    def choice(self, name: str, options: tuple[str, ...]) -> str | None:
        value = self.text(name)
        if value is not None and value not in options:
            self.report(self.fail(name, f"{value!r} is not one of {', '.join(options)}"))
            return None
        return value

    def seconds(self, name: str) -> float | None:
        value = self.get(name)
        if value is None:
            return None
        seconds: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.checked(name, value) is None:  # before float(): 10**400 has none
                return None
            seconds = float(value)  # YAML reads an unquoted 00:01:23 as base 60: seconds already
        elif isinstance(value, str):
            with contextlib.suppress(ValueError):
                seconds = parse_timecode(value)
        if seconds is None:
            self.report(self.fail(name, f"expected HH:MM:SS.mmm or seconds, got {_kind(value)}"))
            return None
        return cast(float | None, self.checked(name, seconds))

    def items(self, name: str) -> list[tuple[str, object]]:
        value = self.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(self.fail(name, f"expected a list, got {_kind(value)}"))
            return []
        return [(f"{self.prefix}{name}[{i}]", item) for i, item in enumerate(value)]

    def texts(self, name: str) -> list[str]:
        result = []
        for key, item in self.items(name):
            if not isinstance(item, str):
                self.report(InputError(f"{key}: expected text, got {_kind(item)}", self.where))
            elif (problem := value_problem(key, item)) is not None:
                self.report(InputError(problem, self.where))
            else:
                result.append(item)
        return result

    def mapping(self, name: str) -> _Mapping | None:
        value = self.get(name)
        if value is None:
            return None
        return cast(_Mapping | None, self.guard(lambda: self.child(value, f"{self.prefix}{name}")))

    def finish(self) -> None:
        for key in self.data:
            if key not in self.known:
                self.report(
                    InputError(
                        f"{self.prefix}{key}: unknown key (known: {', '.join(self.known)})",
                        self.where,
                    )
                )


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, datetime | date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _published(front: _Mapping) -> datetime | date | None:
    value = front.get("published")
    if value is None:
        return None
    if isinstance(value, str):
        parsed: date
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                parsed = date.fromisoformat(value.strip())
            else:
                parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return cast(date | None, front.checked("published", parsed))
    if isinstance(value, datetime | date):
        return cast(date | None, front.checked("published", value))
    front.report(
        front.fail("published", f"expected an ISO 8601 date or date and time, got {_kind(value)}")
    )
    return None


def _slug(front: _Mapping, default_slug: str | None) -> str:
    """Return the segment's slug: the ``slug`` key, else the file's name, both checked."""
    slug = front.text("slug")
    if slug is None and front.data.get("slug") is None and default_slug:
        problem = value_problem("slug", default_slug)
        if problem is not None:
            front.report(InputError(f"{problem} (the file's name; or give a slug:)", front.where))
        slug = default_slug
    if not slug and front.data.get("slug") is None:
        front.report(front.fail("slug", "missing"))
    return slug or ""


def _segment_from(front: _Mapping, where: str, default_slug: str | None) -> Segment:
    title = front.required_text("title")
    slug = _slug(front, default_slug)
    segment = Segment(slug=slug, title=title)
    segment.guid = front.text("guid")
    segment.published = _published(front)
    segment.status = cast(Status, front.choice("status", STATUSES) or "published")
    segment.link = front.text("link")
    segment.language = front.text("language")
    segment.episode = front.whole("episode")
    segment.season = front.whole("season")
    episode_type = front.choice("episode_type", EPISODE_TYPES)
    segment.episode_type = cast(EpisodeType, episode_type or "full")
    segment.explicit = front.flag("explicit")
    segment.people = front.each("people", lambda k, v: _person(front.child(v, k)))
    segment.images = front.each("images", lambda k, v: _image(front.child(v, k)))
    audio = front.mapping("audio")
    segment.audio = _audio(audio) if audio else None
    raw = front.text("raw")
    segment.raw = Path(raw) if raw is not None and raw.strip() else None
    segment.chapters = front.each("chapters", lambda k, v: _chapter_entry(front, k, v))
    segment.soundbites = front.each("soundbites", lambda k, v: _soundbite(front.child(v, k)))
    segment.chapters_url = front.text("chapters_url")
    segment.transcripts = front.each("transcripts", lambda k, v: _transcript_ref(front.child(v, k)))
    source = front.mapping("source")
    segment.source = _source(source) if source else None
    show = front.mapping("show")
    segment.show = _show(show) if show else None
    front.finish()
    assert front.known == list(SEGMENT_KEYS)
    return segment


def _person(m: _Mapping) -> Person:
    name = m.required_text("name")
    role = m.text("role")
    if role is None and m.data.get("role") is None:
        m.report(m.fail("role", f"missing (one of {', '.join(ROLES)})"))
    elif role is not None and role not in ROLES:
        m.report(m.fail("role", f"{role!r} is not a role (one of {', '.join(ROLES)})"))
    # A missing or unknown role is recorded; the Person is then never used (the file fails).
    person = Person(name=name, role=cast(Any, role), href=m.text("href"), img=m.text("img"))
    m.finish()
    return person


def _image(m: _Mapping) -> Image:
    image = Image(url=m.text("url"), caption=m.text("caption"), credit=m.text("credit"))
    m.finish()
    return image


def _audio(m: _Mapping) -> AudioRef:
    path = m.text("path")
    audio = AudioRef(
        path=Path(path) if path is not None else None,
        url=m.text("url"),
        label=m.text("label"),
        size_bytes=m.whole("size_bytes"),
        size_is_estimate=bool(m.flag("size_is_estimate")),
        mime_type=m.text("mime_type"),
        duration_seconds=m.number("duration_seconds"),
    )
    m.finish()
    return audio


def _chapter_entry(front: _Mapping, key: str, value: object) -> Chapter:
    if isinstance(value, str):  # "MM:SS Title", as producers type them
        try:
            chapter = parse_chapter_line(value)
        except ValueError as exc:
            raise InputError(f"{key}: {exc}", front.where) from exc
        for problem in (
            value_problem(f"{key}.start", chapter.start_seconds),
            value_problem(f"{key}.title", chapter.title),
        ):
            if problem is not None:
                raise InputError(problem, front.where)
        return chapter
    return _chapter(front.child(value, key))


def _chapter(m: _Mapping) -> Chapter:
    start = m.seconds("start")
    if start is None and m.data.get("start") is None:
        m.report(m.fail("start", "missing"))
    chapter = Chapter(
        start_seconds=start if start is not None else 0.0,  # a bad start is recorded already
        title=m.required_text("title"),
        end_seconds=m.seconds("end"),
        url=m.text("url"),
        image=m.text("image"),
    )
    m.finish()
    return chapter


def _soundbite(m: _Mapping) -> Soundbite:
    start, duration = m.seconds("start"), m.seconds("duration")
    for name, value in (("start", start), ("duration", duration)):
        if value is None and m.data.get(name) is None:
            m.report(m.fail(name, "missing"))
    if duration is not None and duration <= 0:
        m.report(m.fail("duration", f"{duration:g} is not above 0"))
    soundbite = Soundbite(
        start_seconds=start or 0.0, duration_seconds=duration or 0.0, title=m.text("title")
    )
    m.finish()
    return soundbite


def _source(m: _Mapping) -> Source:
    kind = m.choice("kind", ("text", "html", "segment", "feed"))
    source = Source(
        path=m.text("path"), url=m.text("url"), kind=cast(Any, kind), sha256=m.text("sha256")
    )
    prints = m.mapping("fingerprints")
    if prints is not None:
        for key in prints.data:
            value = prints.text(str(key))
            if value is not None:
                source.fingerprints[str(key)] = value
    fetched = m.get("fetched")
    if isinstance(fetched, str):
        with contextlib.suppress(ValueError):
            fetched = datetime.fromisoformat(fetched)
    if fetched is not None and not (isinstance(fetched, datetime) and fetched.tzinfo):
        raise m.fail(
            "fetched", f"expected an ISO 8601 date and time with offset, got {_kind(fetched)}"
        )
    source.fetched = fetched
    m.finish()
    return source


def _transcript_ref(m: _Mapping) -> TranscriptRef:
    ref = TranscriptRef(
        url=m.required_text("url"),
        type=m.required_text("type"),
        language=m.text("language"),
        rel=m.text("rel"),
    )
    m.finish()
    return ref


def _funding(m: _Mapping) -> Funding:
    funding = Funding(url=m.required_text("url"), label=m.required_text("label"))
    m.finish()
    return funding


def _show(m: _Mapping) -> Show:
    show = Show()
    for key in ("title", "tagline", "description"):
        setattr(show, key, m.text(key))
    show.hosts = m.texts("hosts")
    show.category = m.text("category")
    show.subcategory = m.text("subcategory")
    show.schedule = _schedule(m)
    for key in ("language", "artwork", "link", "base_url", "feed_url", "author", "owner_name"):
        setattr(show, key, m.text(key))
    show.owner_email = m.text("owner_email")
    show.explicit = m.flag("explicit")
    show.copyright = m.text("copyright")
    show.type = cast(ShowType, m.choice("type", ("episodic", "serial")) or "episodic")
    show.locked = m.flag("locked")
    show.funding = m.each("funding", lambda k, v: _funding(m.child(v, k)))
    show.podcast_guid = m.text("podcast_guid")
    m.finish()
    assert m.known == list(SHOW_KEYS)
    return show


def _schedule(m: _Mapping) -> Schedule | None:
    text = m.text("airtimes_text")
    present = m.data.get("airtimes") is not None
    airtimes = m.each("airtimes", lambda key, value: _airtime(key, value, m.where))
    timezone = m.text("timezone")
    if timezone is not None:
        try:
            check_timezone(timezone)
        except SegcastError as exc:
            m.report(m.fail("timezone", exc.message))
            timezone = None
    if not present and text is not None:
        # Written by hand with only the text: read it as an importer would.
        try:
            return parse_airtimes(text, timezone)
        except SegcastError as exc:
            m.report(m.fail("airtimes_text", exc.message))
            return None
    if not present and timezone is None:
        return None
    return Schedule(airtimes=airtimes, timezone=timezone, text=text)


def _airtime(key: str, value: object, where: str) -> Airtime:
    match = _AIRTIME_RE.match(value) if isinstance(value, str) else None
    days = match[1].split(",") if match else []
    if not match or any(day not in DAYS for day in days):
        raise InputError(
            f"{key}: expected days and a time like 'MO,TU,WE,TH,FR 15:30', got {_kind(value)}",
            where,
        )
    try:
        start = time(int(match[2]), int(match[3]))
        end = time(int(match[4]), int(match[5])) if match[4] else None
    except ValueError as exc:
        raise InputError(f"{key}: {value!r} is not a time of day", where) from exc
    return Airtime(days=tuple(days), time=start, end=end)


def _unescape(lines: list[str]) -> str:
    return "\n".join(line[1:] if line.startswith("\\") else line for line in lines)


def _section_heading(line: str) -> str | None:
    """Return the body heading ``line`` is, typed in any case or spacing ("## transcript").

    >>> _section_heading("##  show Notes "), _section_heading("### Transcript")
    ('## Show notes', None)
    """
    key = normalise_space(line).casefold()
    headings = (SHOW_NOTES_HEADING, TRANSCRIPT_HEADING)
    return next((h for h in headings if h.casefold() == key), None)


def _read_body(segment: Segment, lines: list[str], first: int, where: str) -> None:
    summary: list[str] = []
    notes_start: int | None = None
    transcript_start: int | None = None
    for index in range(first, len(lines)):
        heading = _section_heading(lines[index])
        if heading == SHOW_NOTES_HEADING and notes_start is None and transcript_start is None:
            notes_start = index + 1
        elif heading == TRANSCRIPT_HEADING and transcript_start is None:
            transcript_start = index + 1
    summary_end = next(i for i in (notes_start, transcript_start, len(lines) + 1) if i is not None)
    summary = [_unescape(block) for _, block in split_blocks(lines[: summary_end - 1], first)]
    segment.summary = "\n\n".join(summary) if summary else None
    if notes_start is not None:
        notes_end = (transcript_start or len(lines) + 1) - 1
        notes = [
            line[1:] if line.startswith("\\") and _section_heading(line[1:]) else line
            for line in lines[notes_start:notes_end]
        ]
        segment.show_notes = "\n".join(notes).strip("\n")
    if transcript_start is not None:
        segment.transcript = _read_transcript(lines, transcript_start, where)


def _read_transcript(lines: list[str], first: int, where: str) -> list[Section]:
    sections: list[Section] = []
    current: Section | None = None
    previous: int | None = None
    for number, raw_block in split_blocks(lines, first):
        # Trailing spaces are invisible in an editor: "--- " is still a separator.
        block = [line.rstrip() for line in raw_block]
        head = block[0]
        rank: int
        if head == SEPARATOR and len(block) == 1:
            current, previous = None, None
            continue
        if head.startswith("### ") and len(block) == 1:
            rank = _HEADING
        elif head.startswith("#"):
            raise InputError(
                f"line {number}: unexpected heading {head!r} in the transcript "
                "(topics are '### ' headings)",
                where,
            )
        elif _TIME_MARK_RE.match(head) and len(block) == 1:
            rank = _TIME
        elif head.startswith(">"):
            rank = _QUESTION
        elif _LABEL_RE.match(head):
            rank = _SPEAKER
        else:
            rank = _PARAGRAPH
        if current is None or _starts_section(rank, previous):
            current = Section()
            sections.append(current)
        previous = rank
        if rank == _HEADING:
            current.heading = head[4:]
        elif rank == _TIME:
            match = _TIME_MARK_RE.match(head)
            assert match
            current.start_seconds = _mark_seconds(match[1], number, where)
            current.end_seconds = _mark_seconds(match[2], number, where) if match[2] else None
        elif rank == _QUESTION:
            current.questioner, current.question = _question(block, number, where)
        elif rank == _SPEAKER:
            match = _LABEL_RE.match(head)
            assert match
            current.speaker = match[1]
            rest = [match[2] or "", *block[1:]]
            if any(rest):
                current.paragraphs.append(
                    rest[0] + "".join("\n" + _unescape([r]) for r in rest[1:])
                )
        else:
            current.paragraphs.append(_unescape(block))
    return sections


def _mark_seconds(text: str, number: int, where: str) -> float:
    try:
        return parse_timecode(text)
    except ValueError as exc:
        raise InputError(f"line {number}: time mark {text!r} is not a timecode", where) from exc


def _question(block: list[str], number: int, where: str) -> tuple[str | None, str]:
    lines = []
    for offset, line in enumerate(block):
        if not line.startswith(">"):
            raise InputError(
                f"line {number + offset}: a question's lines all start with '>'", where
            )
        lines.append(line[2:] if line.startswith("> ") else line[1:])
    match = _LABEL_RE.match(lines[0])
    if not match:
        return None, "\n".join(lines)
    label = match[1]
    text = "\n".join([match[2] or "", *lines[1:]])
    return (None if label == UNKNOWN_QUESTIONER else label), text
