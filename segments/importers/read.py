"""Read one page file into a Segment: the import stage's entry point.

The bytes are checked and decoded and the kind told by content (``detect``), the page read by the
reader for its kind (``text`` or ``html``) and structured once (``structure``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from segments.errors import InputError, ScheduleError
from segments.importers.detect import MESSAGES, PageKind, decode_page, page_kind, read_page_bytes
from segments.importers.html import read_html_page
from segments.importers.rawpage import RawPage
from segments.importers.structure import build_segment
from segments.importers.text import read_text_page
from segments.model import Segment, Source
from segments.schedule import parse_airtimes

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


def read_page(path: Path, segments_dir: Path | None = None) -> PageResult:
    """Read the page at ``path`` into a Segment; any problem is an InputError naming the file.

    With ``segments_dir`` (where its segment file goes) the source path is stored as
    ``source_path`` says; without it, as given.
    """
    path = Path(path)
    data = read_page_bytes(path)
    text, warnings = decode_page(data, str(path))
    if not text.strip():
        raise InputError(MESSAGES["empty"], path)  # e.g. only a UTF-16 byte-order mark
    kind = page_kind(text)
    raw = READERS[kind](text, str(path))
    segment = build_segment(raw)
    stored = str(path) if segments_dir is None else source_path(path, segments_dir)
    segment.source = replace(segment.source or Source(kind=kind), path=stored)
    warnings.extend(_schedule_warnings(segment))
    return PageResult(segment=segment, warnings=warnings, kind=kind)


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
