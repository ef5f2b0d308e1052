"""One table of value rules, shared by ``show.toml`` and segment files.

Both readers check each value they read against :data:`VALUE_RULES` with :func:`value_problem`,
so a title, a language, a number or a date is refused the same way wherever a producer writes it
(``segments/x.md: chapters[2].start: nan is not a number of seconds``). A key path is looked up by
its most specific suffix with list indices dropped: ``chapters[2].url`` finds ``chapters.url``,
``show.title`` finds ``title``, ``people[0].name`` finds ``name``. A text key the table does not
name still gets :data:`DEFAULT_TEXT` (no control characters, no lone surrogates, a bound).

The readers check the type first ("expected text, got the number 3"); the table checks the value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from segments.errors import SegcastError
from segments.urls import check_url

__all__ = [
    "DEFAULT_TEXT",
    "VALUE_RULES",
    "Rule",
    "describe",
    "rule_for",
    "text_problem",
    "value_problem",
    "without_forbidden",
]

Kind = Literal["text", "number", "whole", "language", "date", "url", "slug", "path"]


@dataclass(frozen=True)
class Rule:
    """What one key's value must be: its kind and limits (inclusive), with the unit named."""

    kind: Kind
    max_chars: int | None = None
    max_bytes: int | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    #: URLs: a relative URL (resolved against ``base_url``) is allowed too.
    relative: bool = False
    #: Where the limit comes from, for the reference and the error's reader.
    source: str = ""


#: Apple's limit on most tag values (titles, names, author, copyright), in characters.
TAG_CHARS = 255
#: Apple's limit on a description (channel or episode), in bytes of UTF-8.
DESCRIPTION_BYTES = 4000
#: Any other text: longer than any caption or credit a page carries, short of a pasted book.
TEXT_CHARS = 4000
#: Durations and chapter times: a week is longer than any episode (radio marathons run a day).
MAX_SECONDS = 7 * 24 * 3600
#: An enclosure of a terabyte is no podcast file: a size beyond it is a typo (1e29).
MAX_BYTES = 2**40
#: A slug is a file-name stem and part of every URL the episode has: short and plain.
SLUG_CHARS = 100
#: Publication dates: RFC 2822 (section 3.3) dates have a year of 1900 or later; a year past
#: 2099 is a typo (scheduled episodes are months, not a century, ahead).
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2099, 12, 31)

_TAG = Rule("text", max_chars=TAG_CHARS, source="Apple")
_URL = Rule("url")

#: Key -> rule. Keys are as both files spell them; a longer key (``chapters.url``) overrides a
#: shorter one (``url``) for the values under it.
VALUE_RULES: dict[str, Rule] = {
    "title": _TAG,
    "tagline": _TAG,
    "author": _TAG,
    "owner_name": _TAG,
    "copyright": _TAG,
    "subcategory": _TAG,
    "category": _TAG,
    "name": _TAG,
    "label": _TAG,
    "hosts": _TAG,
    "airtimes": _TAG,
    "airtimes_text": _TAG,
    "description": Rule("text", max_bytes=DESCRIPTION_BYTES, source="Apple"),
    "language": Rule("language", max_chars=35, source="ISO 639 / BCP 47"),
    "slug": Rule("slug", max_chars=SLUG_CHARS),
    "published": Rule("date"),
    "episode": Rule("whole", low=1, high=10**6, source="Apple: an integer greater than 0"),
    "season": Rule("whole", low=1, high=10**4, source="Apple: an integer greater than 0"),
    "size_bytes": Rule("whole", low=1, high=MAX_BYTES, unit="bytes"),
    "duration_seconds": Rule("number", low=0, high=MAX_SECONDS, unit="seconds"),
    "start": Rule("number", low=0, high=MAX_SECONDS, unit="seconds"),
    "end": Rule("number", low=0, high=MAX_SECONDS, unit="seconds"),
    "link": _URL,
    "url": _URL,
    "href": _URL,
    "img": _URL,
    "base_url": _URL,
    "feed_url": _URL,
    "live_stream_url": _URL,
    "new_feed_url": _URL,
    "chapters_url": _URL,
    # Local file names, never published: any name the system allows, the bytes of a name that is
    # not UTF-8 included (Python's surrogate escapes, U+DC80..U+DCFF, written as \uDCFF).
    "source.path": Rule("path", max_chars=4096),
    "audio.path": Rule("path", max_chars=4096),
    "raw": Rule("path", max_chars=4096),
    # podcast:value: a recipient's shares of each payment (the spec: a whole number of shares).
    "value.recipients.split": Rule(
        "whole", low=1, high=10**6, unit="shares", source="Podcasting 2.0"
    ),
    "value.recipients.address": Rule("text", max_chars=1024, source="Podcasting 2.0"),
    "season_names": Rule("text", max_chars=128, source="Podcasting 2.0"),
    "trailer.title": Rule("text", max_chars=128, source="Podcasting 2.0"),
    "location.name": Rule("text", max_chars=128, source="Podcasting 2.0"),
    "chapters.url": Rule("url", relative=True),
    "chapters.image": Rule("url", relative=True),
}

#: The rule of a text key the table does not name.
DEFAULT_TEXT = Rule("text", max_chars=TEXT_CHARS)

_INDEX = re.compile(r"\[\d+\]")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: What XML 1.0 cannot carry (its Char production) and the C1 controls: every C0 character but
#: tab, line feed and carriage return, DEL to U+009F, surrogates, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def rule_for(key: str) -> Rule | None:
    """Return the rule of a key path: its most specific suffix in the table.

    >>> rule_for("chapters[2].url").relative, rule_for("images[0].url").relative
    (True, False)
    >>> rule_for("show.title") is VALUE_RULES["title"]
    True
    """
    parts = _INDEX.sub("", key).split(".")
    for first in range(len(parts)):
        rule = VALUE_RULES.get(".".join(parts[first:]))
        if rule is not None:
            return rule
    return None


def text_problem(text: str) -> str | None:
    """Say what in ``text`` XML cannot carry: a control character or a lone surrogate.

    Tab, line feed and carriage return are text; every other C0 character, DEL, the C1 range,
    U+FFFE/U+FFFF and a surrogate outside a pair are not (XML 1.0's ``Char`` production).

    >>> text_problem("fine\\ttext"), text_problem("bell\\x07")
    (None, 'has a control character (U+0007) at character 5')
    >>> text_problem("\\ud800")
    'has a lone surrogate (U+D800) at character 1'
    """
    match = _FORBIDDEN.search(text)  # one pass in C: transcripts are long
    if match is None:
        return None
    code = ord(match.group())
    what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"has {what} (U+{code:04X}) at character {match.start() + 1}"


def without_forbidden(text: str) -> str:
    """Return ``text`` without what :func:`text_problem` refuses: control characters dropped, a
    lone surrogate replaced by U+FFFD (for text from pages, which the producer did not type).

    >>> without_forbidden("A\\x01 bell\\x07 \\ud800!")
    'A bell \ufffd!'
    """
    return _FORBIDDEN.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)


def _number(value: float) -> str:
    """Write a number as a person would: whole numbers without a point, huge ones with e."""
    if isinstance(value, int):  # exact: float() has no room for 10**400
        digits = str(abs(value))
        sign = "-" if value < 0 else ""
        return str(value) if len(digits) < 16 else f"{sign}{digits[0]}e+{len(digits) - 1}"
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"


def _number_problem(rule: Rule, value: float) -> str | None:
    unit = f" {rule.unit}" if rule.unit else ""
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a number{' of ' + rule.unit if rule.unit else ''}"
    if rule.low is not None and rule.high is not None and not rule.low <= value <= rule.high:
        return f"{_number(value)}{unit} is outside {_number(rule.low)}..{_number(rule.high)}"
    return None


def _text_problem(rule: Rule, value: str) -> str | None:
    problem = text_problem(value)
    if problem is not None:
        return problem
    if rule.max_chars is not None and len(value) > rule.max_chars:
        by = f"; {rule.source} allows" if rule.source else "; at most"
        return f"is {len(value)} characters{by} {rule.max_chars}"
    size = len(value.encode("utf-8"))
    if rule.max_bytes is not None and size > rule.max_bytes:
        by = f"; {rule.source} allows" if rule.source else "; at most"
        return f"is {size} bytes{by} {rule.max_bytes}"
    return None


def _slug_problem(rule: Rule, value: str) -> str | None:
    if rule.max_chars is not None and len(value) > rule.max_chars:
        return f"is {len(value)} characters; a slug has at most {rule.max_chars}"
    if not _SLUG.match(value):
        return (
            f"{value!r} is not a slug: lowercase ASCII letters and digits joined by single "
            "hyphens (it names files and URLs)"
        )
    return None


def _date_problem(value: date) -> str | None:
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST_DATE <= day <= LAST_DATE:
        return (
            f"{value.isoformat()} is outside {FIRST_DATE.year}..{LAST_DATE.year} "
            "(RFC 2822 dates start in 1900)"
        )
    return None


def describe(rule: Rule) -> str:
    """Say what a rule takes, for the producer's reference (``segcast/reference.py``).

    >>> describe(VALUE_RULES["episode"]), describe(VALUE_RULES["chapters.url"])
    ('a whole number from 1 to 1000000', 'an http(s) URL, or one relative to base_url')
    """
    by = f" ({rule.source})" if rule.source == "Apple" else ""
    if rule.kind == "text" and rule.max_bytes is not None:
        return f"at most {rule.max_bytes} bytes of UTF-8{by}; no control characters"
    if rule.kind == "text":
        return f"at most {rule.max_chars} characters{by}; no control characters"
    if rule.kind in ("number", "whole"):
        what = "a whole number" if rule.kind == "whole" else "a finite number"
        unit = f" {rule.unit}" if rule.unit else ""
        return f"{what} from {_number(rule.low or 0)} to {_number(rule.high or 0)}{unit}"
    if rule.kind == "language":
        return "ISO 639, e.g. en or en-us"
    if rule.kind == "date":
        return f"from {FIRST_DATE.year} to {LAST_DATE.year}"
    if rule.kind == "url":
        return "an http(s) URL" + (", or one relative to base_url" if rule.relative else "")
    if rule.kind == "slug":
        return (
            f"lowercase ASCII letters and digits joined by single hyphens, {rule.max_chars} at most"
        )
    return f"a file name, at most {rule.max_chars} characters"


def value_problem(key: str, value: object, rule: Rule | None = None) -> str | None:
    """Return ``key: what is wrong`` with ``value`` under ``key``'s rule, or None when it is fine.

    The value's type is the reader's to check; a value of another type than the rule's kind is
    not this function's business (None), except that every text is checked for control characters.

    >>> value_problem("chapters[2].start", float("nan"))
    'chapters[2].start: nan is not a number of seconds'
    >>> value_problem("language", "!!")
    "language: '!!' is not an ISO 639 language code such as 'en' or 'en-us'"
    >>> value_problem("episode", 10**20)
    'episode: 1e+20 is outside 1..1000000'
    """
    rule = rule or rule_for(key)
    problem: str | None = None
    if isinstance(value, str) and (rule is None or rule.kind == "text"):
        problem = _text_problem(rule or DEFAULT_TEXT, value)
    elif rule is None:
        return None
    elif rule.kind == "path" and isinstance(value, str):
        if "\0" in value or len(value) > (rule.max_chars or len(value)):
            problem = "is no file name (a NUL character, or over 4096 characters)"
    elif isinstance(value, str) and (control := text_problem(value)) is not None:
        problem = control
    elif rule.kind == "language" and isinstance(value, str):
        if not _LANGUAGE.match(value) or len(value) > (rule.max_chars or len(value)):
            problem = f"{value!r} is not an ISO 639 language code such as 'en' or 'en-us'"
    elif rule.kind == "slug" and isinstance(value, str):
        problem = _slug_problem(rule, value)
    elif rule.kind == "url":
        try:
            check_url(value, path=None, key=key, allow_relative=rule.relative)
        except SegcastError as exc:
            return exc.message
    elif rule.kind in ("number", "whole") and isinstance(value, int | float):
        if not isinstance(value, bool):
            problem = _number_problem(rule, value)
    elif rule.kind == "date" and isinstance(value, date):
        problem = _date_problem(value)
    return f"{key}: {problem}" if problem else None
