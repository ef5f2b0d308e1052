"""Segment files: Markdown with YAML front matter, one per segment, named ``<slug>.md``.

The front matter holds the metadata; the body holds the summary, the producer's show notes and the
transcript, so a producer can edit a segment by hand. Reading a written file gives an equal
``Segment``. A file looks like this::

    ---
    title: Another intimate film from director So Yong Kim
    slug: lovesong-another-intimate-film
    published: '2016-04-05T10:00:00-07:00'
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
backslash, which reading removes. Every front-matter key is listed in the tables below; an unknown
key is an error (it would otherwise be silently lost when the file is rewritten).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, cast

import yaml

from segments.chapters import parse_chapter_line
from segments.errors import InputError, SegcastError
from segments.files import plain_name, read_text_input, split_blocks, write_atomic
from segments.model import (
    ROLES,
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
    Source,
)
from segments.schedule import DAYS, Airtime, Schedule, check_timezone, parse_airtimes
from segments.timecode import format_timecode, parse_timecode
from segments.whitespace import normalise_space

#: The front-matter keys of a segment file, in the order they are written, and what each holds.
SEGMENT_KEYS: dict[str, str] = {
    "title": "the headline (required)",
    "slug": "the file name without .md (defaults to the file's name)",
    "guid": "the episode GUID, assigned once by the first feed build",
    "published": "ISO 8601 date or date and time with offset",
    "link": "the segment's web page",
    "language": "language code, e.g. en-US",
    "episode": "episode number",
    "season": "season number",
    "episode_type": "full, trailer or bonus (default full)",
    "explicit": "true or false",
    "people": "list of {name, role, href, img}; role is host, interviewer, reporter or guest",
    "images": "list of {url, caption, credit}",
    "audio": "{path or url, label, size_bytes, size_is_estimate, mime_type, duration_seconds}",
    "chapters": "list of {start, title, end, url, image} or 'MM:SS Title' lines; times as "
    "HH:MM:SS.mmm or seconds",
    "source": "{path, url, kind}: where the segment was imported from",
    "show": "what the page says of its show: {title, tagline, hosts, category, airtimes, ...}",
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
    return Path(directory) / plain_name(segment.slug, ".md", where)


def write_segment(segment: Segment, path: Path, *, overwrite: bool = False) -> None:
    """Write ``segment`` to ``path`` atomically; an existing file only with ``overwrite``."""
    write_atomic(Path(path), format_segment(segment), overwrite=overwrite)


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


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def format_segment(segment: Segment) -> str:
    """Return the text of ``segment``'s file."""
    _check_writable(segment)
    front = yaml.dump(
        _front_matter(segment),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
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
        "title": segment.title,
        "slug": segment.slug,
        "guid": segment.guid,
        "published": segment.published.isoformat() if segment.published else None,
        "link": segment.link,
        "language": segment.language,
        "episode": segment.episode,
        "season": segment.season,
        "episode_type": None if segment.episode_type == "full" else segment.episode_type,
        "explicit": segment.explicit,
        "people": [_plain(p) for p in segment.people],
        "images": [_plain(i) for i in segment.images],
        "audio": _audio_data(segment.audio) if segment.audio else None,
        "chapters": [_chapter_data(c) for c in segment.chapters],
        "source": _plain(segment.source) if segment.source else None,
        "show": _show_data(segment.show) if segment.show else None,
    }
    assert list(data) == list(SEGMENT_KEYS)
    return _pruned(data)


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """Drop unknown (None) values and empty lists: reading gives them back as the defaults."""
    return {k: v for k, v in data.items() if v is not None and v != [] and v != {}}


def _plain(obj: Person | Image | Source | Funding) -> dict[str, Any]:
    return _pruned({f.name: getattr(obj, f.name) for f in fields(obj)})


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
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        at = f" on line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"bad YAML{at}: {problem}", where) from exc
    if data is None:
        data = {}
    front = _Mapping(data, "front matter", where)
    segment = _segment_from(front, where, default_slug)
    _read_body(segment, lines, end + 1, where)
    return segment


class _Mapping:
    """Typed access to one YAML mapping that names the key in every error."""

    def __init__(self, value: object, key: str, where: str) -> None:
        if not isinstance(value, dict):
            raise InputError(f"{key}: expected a mapping of keys, got {_kind(value)}", where)
        self.data: dict[object, object] = value
        self.prefix = "" if key == "front matter" else f"{key}."
        self.where = where
        self.known: list[str] = []

    def fail(self, name: str, problem: str) -> InputError:
        return InputError(f"{self.prefix}{name}: {problem}", self.where)

    def get(self, name: str) -> object:
        self.known.append(name)
        return self.data.get(name)

    def text(self, name: str) -> str | None:
        value = self.get(name)
        if value is None or isinstance(value, str):
            return value
        raise self.fail(name, f"expected text, got {_kind(value)} (put it in quotes)")

    def required_text(self, name: str) -> str:
        value = self.text(name)
        if value is None or not value.strip():
            raise self.fail(name, "missing")
        return value

    def whole(self, name: str) -> int | None:
        value = self.get(name)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        raise self.fail(name, f"expected a whole number, got {_kind(value)}")

    def number(self, name: str) -> float | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise self.fail(name, f"expected a number, got {_kind(value)}")

    def flag(self, name: str) -> bool | None:
        value = self.get(name)
        if value is None or isinstance(value, bool):
            return value
        raise self.fail(name, f"expected true or false, got {_kind(value)}")

    def choice(self, name: str, options: tuple[str, ...]) -> str | None:
        value = self.text(name)
        if value is not None and value not in options:
            raise self.fail(name, f"{value!r} is not one of {', '.join(options)}")
        return value

    def seconds(self, name: str) -> float | None:
        value = self.get(name)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)  # YAML reads an unquoted 00:01:23 as base 60: seconds already
        if isinstance(value, str):
            try:
                return parse_timecode(value)
            except ValueError:
                pass
        raise self.fail(name, f"expected HH:MM:SS.mmm or seconds, got {_kind(value)}")

    def items(self, name: str) -> list[tuple[str, object]]:
        value = self.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(name, f"expected a list, got {_kind(value)}")
        return [(f"{self.prefix}{name}[{i}]", item) for i, item in enumerate(value)]

    def texts(self, name: str) -> list[str]:
        result = []
        for key, item in self.items(name):
            if not isinstance(item, str):
                raise InputError(f"{key}: expected text, got {_kind(item)}", self.where)
            result.append(item)
        return result

    def mapping(self, name: str) -> _Mapping | None:
        value = self.get(name)
        return None if value is None else _Mapping(value, f"{self.prefix}{name}", self.where)

    def finish(self) -> None:
        for key in self.data:
            if key not in self.known:
                raise InputError(
                    f"{self.prefix}{key}: unknown key (known: {', '.join(self.known)})", self.where
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
    if value is None or isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                return date.fromisoformat(value.strip())
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise front.fail("published", f"expected an ISO 8601 date or date and time, got {_kind(value)}")


def _segment_from(front: _Mapping, where: str, default_slug: str | None) -> Segment:
    title = front.required_text("title")
    slug = front.text("slug") or default_slug
    if not slug:
        raise front.fail("slug", "missing")
    segment = Segment(slug=slug, title=title)
    segment.guid = front.text("guid")
    segment.published = _published(front)
    segment.link = front.text("link")
    segment.language = front.text("language")
    segment.episode = front.whole("episode")
    segment.season = front.whole("season")
    episode_type = front.choice("episode_type", ("full", "trailer", "bonus"))
    segment.episode_type = cast(EpisodeType, episode_type or "full")
    segment.explicit = front.flag("explicit")
    segment.people = [_person(_Mapping(v, k, where)) for k, v in front.items("people")]
    segment.images = [_image(_Mapping(v, k, where)) for k, v in front.items("images")]
    audio = front.mapping("audio")
    segment.audio = _audio(audio) if audio else None
    segment.chapters = [_chapter_entry(k, v, where) for k, v in front.items("chapters")]
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
    if role is None:
        raise m.fail("role", f"missing (one of {', '.join(ROLES)})")
    if role not in ROLES:
        raise m.fail("role", f"{role!r} is not a role (one of {', '.join(ROLES)})")
    person = Person(name=name, role=role, href=m.text("href"), img=m.text("img"))
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


def _chapter_entry(key: str, value: object, where: str) -> Chapter:
    if isinstance(value, str):  # "MM:SS Title", as producers type them
        try:
            return parse_chapter_line(value)
        except ValueError as exc:
            raise InputError(f"{key}: {exc}", where) from exc
    return _chapter(_Mapping(value, key, where))


def _chapter(m: _Mapping) -> Chapter:
    start = m.seconds("start")
    if start is None:
        raise m.fail("start", "missing")
    chapter = Chapter(
        start_seconds=start,
        title=m.required_text("title"),
        end_seconds=m.seconds("end"),
        url=m.text("url"),
        image=m.text("image"),
    )
    m.finish()
    return chapter


def _source(m: _Mapping) -> Source:
    kind = m.choice("kind", ("text", "html", "segment"))
    source = Source(path=m.text("path"), url=m.text("url"), kind=cast(Any, kind))
    m.finish()
    return source


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
    show.funding = [_funding(_Mapping(v, k, m.where)) for k, v in m.items("funding")]
    show.podcast_guid = m.text("podcast_guid")
    m.finish()
    assert m.known == list(SHOW_KEYS)
    return show


def _schedule(m: _Mapping) -> Schedule | None:
    text = m.text("airtimes_text")
    present = m.data.get("airtimes") is not None
    airtimes = [_airtime(key, value, m.where) for key, value in m.items("airtimes")]
    timezone = m.text("timezone")
    if timezone is not None:
        try:
            check_timezone(timezone)
        except SegcastError as exc:
            raise m.fail("timezone", exc.message) from exc
    if not present and text is not None:
        # Written by hand with only the text: read it as an importer would.
        try:
            return parse_airtimes(text, timezone)
        except SegcastError as exc:
            raise m.fail("airtimes_text", exc.message) from exc
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
