"""Read one page file into a Segment: the import stage's entry point.

The bytes are checked and decoded and the kind told by content (``detect``), the page read by the
reader for its kind (``text`` or ``html``) and structured once (``structure``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import TypeVar, cast

from segments.errors import InputError, ScheduleError
from segments.files import sha256_hex
from segments.importers.detect import MESSAGES, PageKind, decode_page, page_kind, read_page_bytes
from segments.importers.html import read_html_page
from segments.importers.rawpage import RawPage, Reason
from segments.importers.structure import build_segment
from segments.importers.text import read_text_page
from segments.model import Segment, Source
from segments.schedule import parse_airtimes
from segments.update import fingerprints
from segments.urls import join_url, segment_urls
from segments.values import value_problem, without_forbidden

_T = TypeVar("_T")

#: The page readers, by what the content is (not what the file name says).
READERS: dict[PageKind, Callable[[str, str], RawPage]] = {
    "text": read_text_page,
    "html": read_html_page,
}


@dataclass
class PageResult:
    """A page read into a segment, with the warnings a user should see (encoding fallback)."""

    segment: Segment
    warnings: list[str] = field(default_factory=list)
    kind: PageKind = "text"


def read_page(
    path: Path,
    segments_dir: Path | None = None,
    reasons: list[Reason] | None = None,
    *,
    base_url: str | None = None,
) -> PageResult:
    """Read the page at ``path`` into a Segment; any problem is an InputError naming the file.

    With ``segments_dir`` (where its segment file goes) the source path is stored as
    ``source_path`` says; without it, as given. With ``reasons``, which rule gave each field its
    value is appended to it (``explain_fields``). With ``base_url`` (where the page was fetched
    from), relative audio and photo links are resolved against it, as a browser reads them,
    before the URL policy judges them.
    """
    path = Path(path)
    data = read_page_bytes(path)
    text, warnings = decode_page(data, str(path))
    if not text.strip():
        raise InputError(MESSAGES["empty"], path)  # e.g. only a UTF-16 byte-order mark
    kind = page_kind(text)
    raw = READERS[kind](text, str(path))
    structured: list[Reason] = []
    segment = _without_forbidden(build_segment(raw, structured))
    if reasons is not None:
        reasons.extend(explain_fields(raw, segment, structured))
    stored = str(path) if segments_dir is None else source_path(path, segments_dir)
    source = segment.source or Source(kind=kind)
    segment.source = replace(source, path=stored, sha256=sha256_hex(data))
    if base_url is not None:
        if segment.audio is not None and segment.audio.url is not None:
            segment.audio.url = join_url(base_url, segment.audio.url)
        for image in segment.images:
            if image.url is not None:
                image.url = join_url(base_url, image.url)
    # A page's og:url, a photo's src or an audio link may be javascript: or data:; the segment
    # file never gets them (the writers would refuse the episode), the user is told.
    warnings.extend(f"not imported: {problem}" for problem in drop_refused_values(segment))
    # What the page gave, as imported (after what was left out): `import --force` tells the
    # producer's edits from it.
    segment.source.fingerprints = fingerprints(segment)
    warnings.extend(_schedule_warnings(segment))
    return PageResult(segment=segment, warnings=warnings, kind=kind)


def _without_forbidden(value: _T) -> _T:
    """Return ``value`` (a Segment and all it holds) with every text free of what XML cannot
    carry: a page's stray control characters would make a segment file its reader refuses."""
    if isinstance(value, str):
        return cast(_T, without_forbidden(value))
    if isinstance(value, list):
        return cast(_T, [_without_forbidden(item) for item in value])
    if isinstance(value, tuple):
        return cast(_T, tuple(_without_forbidden(item) for item in value))
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _without_forbidden(getattr(value, f.name)) for f in fields(value)}
        return cast(_T, replace(value, **changes))
    return value


def drop_refused_values(segment: Segment) -> list[str]:
    """Drop each URL and number of an imported segment that the value rules (``segments.values``,
    URLs by ``segments.urls``) refuse, and return each problem: a ``javascript:`` link, an
    ``img/a.jpg`` photo or an episode number of 1e20 is never written into a segment file, which
    its reader would refuse. (Pages and imported feeds alike.)"""
    # Every URL as the one list of them names it, then the numbers the rules bound.
    holders = [(f.key, f.holder, f.attribute) for f in segment_urls(segment)]
    holders += [("episode", segment, "episode"), ("season", segment, "season")]
    if segment.audio is not None:
        holders += [
            (f"audio.{name}", segment.audio, name) for name in ("size_bytes", "duration_seconds")
        ]
    problems = []
    for key, holder, name in holders:
        value = getattr(holder, name)
        if value is not None and (problem := value_problem(key, value)) is not None:
            setattr(holder, name, None)
            problems.append(problem)
    return problems


def explain_fields(raw: RawPage, segment: Segment, structured: list[Reason]) -> list[Reason]:
    """Say which rule gave each field of ``segment`` its value, the reader's and the structurer's.

    A person the structurer took from the reader keeps the reader's rule; a title the structurer
    changed (none stated, or the stated one was furniture) says so.
    """
    reader = {(r.field, r.value): r.rule for r in raw.reasons}
    found: list[Reason] = []
    title_rule = reader.get(("title", segment.title)) or (
        "the page's title line" if raw.title == segment.title else "the text's first sentence"
    )
    found.append(Reason("title", segment.title, title_rule))
    found += [r for r in raw.reasons if r.field in ("published", "summary", "text")]
    by_name: dict[str, str] = {}
    for r in raw.reasons:  # the structurer keeps the first mention of a name
        if r.field == "person":
            by_name.setdefault(_name(r.value), r.rule)
    for reason in structured:
        if reason.field != "person":
            continue
        rule = reason.rule
        if rule.startswith("the page reader") and _name(reason.value) in by_name:
            rule = by_name[_name(reason.value)] + rule.removeprefix("the page reader")
        found.append(Reason("person", reason.value, rule))
    # Whom the reader's name gate left out of the bylines ("kein Autor", "LIBERATION, AFP").
    found += [r for r in raw.reasons if r.field == "person" and r.value.endswith(" (left out)")]
    # Which rule made each question one, or kept a paragraph asking as text; the reader's first.
    found += [r for r in raw.reasons if r.field == "question"]
    found += [r for r in structured if r.field == "question"]
    # Who speaks where a rule named them ("Müller = Dirk Müller"), or nobody (an editor's note).
    found += [r for r in structured if r.field == "speaker"]
    if segment.audio is not None:
        url = segment.audio.url or str(segment.audio.path or "")
        rule = reader.get(("audio", url), "a download line in the text")
        picked = f"picked of {len(raw.audio)} found: MP3, then M4A, then labelled"
        found.append(Reason("audio", url, f"{rule} ({picked})"))
    # Audio the reader passed over (another story's player) or could not use (a player id).
    used = {ref.url for ref in raw.audio}
    found += [r for r in raw.reasons if r.field == "audio" and r.value not in used]
    found += [r for r in raw.reasons if r.field == "image"]
    return found


def _name(value: str) -> str:
    """The name of a person reason's value, "Jane Roe (guest)"."""
    return value.rsplit(" (", 1)[0]


def source_path(page: Path, segments_dir: Path) -> str:
    """Return the page's path as a segment file in ``segments_dir`` stores it (``source.path``).

    The show folder is the segments folder's parent: a page inside it is stored relative to it
    with forward slashes ("pages/a.html", wherever the command ran), so ``segcast build`` knows
    the page is imported and the folder can move. A page outside it keeps the path as typed.

    >>> source_path(Path("my-show/pages/a.html"), Path("my-show/segments"))
    'pages/a.html'
    >>> source_path(Path("/srv/pages/b.txt"), Path("/shows/the-frame/segments"))
    '/srv/pages/b.txt'
    """
    show = Path(os.path.abspath(segments_dir)).parent
    for candidate, folder in (
        (Path(os.path.abspath(page)), show),
        (Path(page).resolve(), show.resolve()),  # through symbolic links, as build compares them
    ):
        try:
            relative = os.path.relpath(candidate, folder)
        except ValueError:  # another drive (Windows): no relative path exists
            continue
        if not Path(relative).parts or Path(relative).parts[0] != os.pardir:
            return Path(relative).as_posix()
    return str(page)


def _schedule_warnings(segment: Segment) -> list[str]:
    """Warn when the page announced airtimes the parser could not read (kept as text, no guess)."""
    schedule = segment.show.schedule if segment.show else None
    if schedule is None or schedule.airtimes or not schedule.text:
        return []
    try:
        parse_airtimes(schedule.text)
    except ScheduleError as exc:
        return [f"airtimes kept as text only: {exc}"]
    return []
