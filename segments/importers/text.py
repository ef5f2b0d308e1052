"""Plain-text segment pages (text copied from a station page) read into a RawPage.

The layout is the one copy-and-paste from a station page gives (see the seeds): an optional header
of single lines (show tagline, "Hosted by ...", "Airs ...", a category), a blank line, the
headline, then blank-line separated groups. A group is a photo caption (its alt text, the whole
caption, the credit), an audio line ("Download this story 2MB") or paragraphs, one per line.
Deciding what the paragraphs are (headings, questions, speakers) is
``segments.importers.structure``'s job.
"""

from __future__ import annotations

import re

from segments.errors import ScheduleError
from segments.importers import vocabulary
from segments.importers.audiolinks import parse_download_list, parse_download_text
from segments.importers.rawpage import Block, RawPage
from segments.model import AudioRef, Image, Show
from segments.schedule import Schedule, parse_airtimes
from segments.whitespace import normalise_space

#: Header lines that name the show's hosts; group "value" holds the names.
HOST_LINE = re.compile(
    rf"(?:{vocabulary.alternation('host_line_labels')})\s*:?\s+(?P<value>.+)", re.IGNORECASE
)
#: Header lines that announce the show's airtimes ("Airs Weekdays at ...", "Broadcast: ...").
AIRTIME_LINE = re.compile(rf"(?:{vocabulary.alternation('airtime_words')})\b.*", re.IGNORECASE)
#: A category line: a few capitalised words joined by "&", "and", "/" or ",", no full stop.
CATEGORY_LINE = re.compile(
    r"[A-Z][\w'’-]*(?:\s*(?:&|and|/|,)?\s*[A-Z][\w'’-]*){0,4}",
)
#: Photo agencies and picture libraries whose names stand in credits ("Jane Roe/AFP",
#: "REUTERS/Jane Roe", "(AP Photo/Jane Roe)"), lower case, matched case-insensitively.
PHOTO_AGENCIES: tuple[str, ...] = (
    "getty images",
    "getty",
    "ap photo",
    "ap",
    "associated press",
    "afp",
    "reuters",
    "epa",
    "epa-efe",
    "efe",
    "dpa",
    "picture alliance",
    "picture-alliance",
    "imago",
    "keystone",
    "ansa",
    "anp",
    "belga",
    "sipa",
    "abaca",
    "xinhua",
    "kyodo",
    "yonhap",
    "tass",
    "anadolu",
    "bloomberg",
    "nurphoto",
    "zuma",
    "shutterstock",
    "istock",
    "alamy",
    "unsplash",
    "courtesy",
)
#: Who took a photo: "Larry Busacca/Getty Images", "Photo: ...", "Courtesy of ...".
CREDIT_LINE = re.compile(
    rf".{{1,60}}/\s*(?:{'|'.join(re.escape(a) for a in PHOTO_AGENCIES)})"
    rf"|(?:{vocabulary.alternation('credit_words')})(?: (?:{vocabulary.alternation('credit_by')}))?"
    r"\s*[:©]?\s+.{1,60}"
    rf"|(?:{vocabulary.alternation('courtesy_words')}) .{{1,60}}"
    r"|©\s*.{1,60}",
    re.IGNORECASE,
)
#: Alt text shorter than this is not taken for the start of a caption ("Yes" / "Yes, and ...").
ALT_MIN_CHARS = 15
#: Lines that end a sentence or clause; a line without one, followed by a lower-case start, is a
#: hard-wrapped continuation and is joined to the next.
_LINE_END = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "]", "…")
#: A line this long without an end was wrapped by an editor or mail program (they wrap at 60-80).
WRAP_MIN_CHARS = 50
#: A line that starts with a speaker label ("JANE DOE:", "McKelvey:") starts a turn.
_LABEL_START = re.compile(r"[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}\s*:")
#: A headline is short: longer first lines are text, and the page has no headline.
TITLE_MAX_WORDS = 25


def _clean(line: str) -> str:
    """Normalise the line's whitespace and drop byte-order marks (quote characters are kept)."""
    return normalise_space(line.replace("\ufeff", ""))


def _groups(text: str) -> list[list[str]]:
    """Split ``text`` into blank-line separated groups of cleaned, non-empty lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _clean(raw)
        if line:
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; every other line is a paragraph of its own.

    A line without an end is continued by a lower-case line, or, when it is as long as wrapped
    text is, by any line but a speaker's or an audio line ("Mississippi for...", "I watched...").
    """
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        wrapped = (
            len(previous) >= WRAP_MIN_CHARS and not _LABEL_START.match(line) and not _audio(line)
        )
        if paragraphs and not previous.endswith(_LINE_END) and (line[0].islower() or wrapped):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        previous = line
    return paragraphs


def _is_header(lines: list[str]) -> bool:
    """Tell a station header (it names hosts or airtimes) from a headline."""
    return any(HOST_LINE.fullmatch(line) or _is_airtime(line) for line in lines)


def _is_airtime(line: str) -> bool:
    """Tell an airtime line: announced ("Airs ...") with a time, or one the parser reads whole."""
    if line.endswith(("?", "!")) or not re.search(r"\d|\bnoon\b|\bmidnight\b", line, re.I):
        return False
    if AIRTIME_LINE.fullmatch(line):
        return True
    try:
        return bool(parse_airtimes(line).airtimes)
    except ScheduleError:
        return False


def _announces_airtimes(line: str) -> bool:
    """In a header, any "Airs ..." line is about airtimes, even one without a clock time."""
    return _is_airtime(line) or bool(AIRTIME_LINE.fullmatch(line))


#: Between names: "A, B and C", "A & B", "A und B".
_NAME_SEPARATOR = re.compile(rf"\s*,\s*|\s+(?:{vocabulary.alternation('and_words')}|&)\s+")


def split_names(text: str) -> list[str]:
    """Split "A, B and C" into names.

    >>> split_names("John Horn")
    ['John Horn']
    >>> split_names("Kai Ryssdal, Molly Wood & Jane Doe.")
    ['Kai Ryssdal', 'Molly Wood', 'Jane Doe']
    """
    parts = _NAME_SEPARATOR.split(text.strip().rstrip("."))
    return [p.strip() for p in parts if p.strip()]


def _read_schedule(line: str) -> Schedule:
    """Parse an airtime line; text the parser cannot read is kept as text, nothing guessed."""
    try:
        return parse_airtimes(line)
    except ScheduleError:
        return Schedule(text=line)


def _read_header(lines: list[str]) -> Show:
    """Read the header lines of a station page into a Show."""
    show = Show()
    for index, line in enumerate(lines):
        host = HOST_LINE.fullmatch(line)
        if host:
            show.hosts.extend(split_names(host.group("value")))
        elif _announces_airtimes(line) and show.schedule is None:
            show.schedule = _read_schedule(line)
        elif index == 0 and show.tagline is None:
            show.tagline = line
        elif show.category is None and CATEGORY_LINE.fullmatch(line):
            show.category = line
        elif show.tagline is None:
            show.tagline = line
        else:
            # Kept, not dropped: a header line we cannot place describes the show.
            show.description = f"{show.description}\n{line}" if show.description else line
    return show


def _caption(lines: list[str]) -> Image | None:
    """Read a caption group: alt text (a prefix of the caption) or none, the caption, a credit."""
    if 2 <= len(lines) <= 3 and len(lines[0]) >= ALT_MIN_CHARS and lines[1].startswith(lines[0]):
        credit = lines[2] if len(lines) == 3 and _is_credit(lines[2]) else None
        if len(lines) == 2 or credit is not None:
            return Image(caption=lines[1], credit=credit)
    credited = len(lines) == 2 and CREDIT_LINE.fullmatch(lines[1]) and _is_credit(lines[1])
    if credited and not lines[0].endswith(":"):
        return Image(caption=lines[0], credit=lines[1])
    return None


def _is_credit(line: str) -> bool:
    """A credit is a name or an agency, not a sentence."""
    return len(line.split()) <= 8 and not line.endswith((".", "!", "?", ":"))


def _audio(line: str) -> list[AudioRef]:
    """Read an audio line ("Download this story 2MB", "Download: mp3 (30 MB) m4a (24 MB)").

    A bare "Listen to story" offers nothing to download and is left to the furniture rules.
    """
    if len(line.split()) > 12 or line.endswith((".", "?", "!")):
        return []
    ref = parse_download_text(line)
    if ref is None:
        return []
    offers_file = (ref.label or "").lower().startswith(vocabulary.words("download_words"))
    if ref.size_bytes is None and ref.duration_seconds is None and not offers_file:
        return []
    formats = parse_download_list(line)
    return formats if len(formats) >= 2 else [ref]


def read_text_page(text: str, path: str) -> RawPage:
    """Read a plain-text segment page into a RawPage (blocks, title, show header, images, audio)."""
    page = RawPage(path=path, kind="text")
    groups = _groups(text)
    if groups and _is_header(groups[0]):
        page.show = _read_header(groups.pop(0))
    if groups:
        first = groups[0]
        if len(first[0].split()) <= TITLE_MAX_WORDS and not _is_header(first[:1]):
            page.title = first[0]
            groups[0] = first[1:]
    for lines in groups:
        if not lines:
            continue
        image = _caption(lines)
        if image is not None:
            page.images.append(image)
            continue
        for paragraph in _unwrap(lines):
            audio = _audio(paragraph)
            if audio:
                page.audio.extend(audio)
            else:
                page.blocks.append(Block(text=paragraph))
    return page
