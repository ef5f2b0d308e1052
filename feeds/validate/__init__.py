"""Check a podcast RSS feed against Apple's, Spotify's and Podcasting 2.0's rules.

``RULES`` is the whole rule book: each rule has an id, a severity, a message template and the
source it comes from. ``validate_feed`` returns one ``Finding`` per problem, in document order;
``load_feed`` reads a feed from a file or an http(s) URL.

Each rule family is a module whose ``RULES`` rows stand beside the checks that emit them:

- ``document``: the ``<rss>`` root, its version, its one channel and the namespace URIs;
- ``channel``: the show's required and recommended elements, Apple's categories;
- ``values``: ``itunes:explicit``, ``itunes:image``, dates and value lengths, wherever they stand;
- ``descriptions``: show notes (size, allowed HTML) and the chapter lines Spotify reads;
- ``items``: each episode's title, guid, date, duration and numbering;
- ``enclosures``: each episode's media file (URL, size in bytes, MIME type);
- ``podcast``: the Podcasting 2.0 namespace's tags;
- ``structure``: where tags stand and the tags that may appear only once;
- ``urls``: https for every web URL;
- ``active``: no URL that is not http(s) anywhere, no script or event handler in show notes, and
  (given the published folder) none in the JSON chapters files;
- ``files`` (given the published folder): chapters files against JSON Chapters 1.2, transcripts
  read as their declared type, enclosure and alternate lengths, durations and hashes against
  the files.

``common`` holds what they share (the rule and finding types, XML parsing, places, URL tests) and
``source`` reads the feed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from feeds.validate import (
    active,
    channel,
    descriptions,
    document,
    enclosures,
    items,
    podcast,
    structure,
    urls,
    values,
)
from feeds.validate import files as linked
from feeds.validate.common import Finding, Places, Report, Rule, Severity, parse_xml
from feeds.validate.descriptions import chapter_lines
from feeds.validate.source import load_feed
from segments.errors import FeedError

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "chapter_lines",
    "load_feed",
    "validate_document",
    "validate_feed",
]


def _rule_book(*families: Iterable[Rule]) -> dict[str, Rule]:
    """Merge the families' rule rows into one table by id; an id may be used only once."""
    book: dict[str, Rule] = {}
    for family in families:
        for rule in family:
            if rule.id in book:
                raise ValueError(f"rule id {rule.id!r} is defined twice")
            book[rule.id] = rule
    return book


#: The rule book. Message templates are filled with ``str.format`` from the check's values.
RULES: dict[str, Rule] = _rule_book(
    document.RULES,
    channel.RULES,
    values.RULES,
    descriptions.RULES,
    items.RULES,
    enclosures.RULES,
    podcast.RULES,
    structure.RULES,
    urls.RULES,
    active.RULES,
    linked.RULES,
)


def validate_feed(
    xml: bytes, source: str, *, now: datetime | None = None, files: Path | None = None
) -> list[Finding]:
    """Check a feed document; return its findings in document (source line) order.

    ``source`` names the feed in errors; ``now`` (default: the clock) decides what is "future";
    ``files`` is the folder the feed's files are published from (the chapters,
    transcripts and media files the feed names there are checked too). Raises FeedError
    when the bytes are not well-formed XML.
    """
    root = parse_xml(xml, source)
    report = Report(RULES)
    show = document.check_document(root, report)
    document.normalise_namespaces(root)
    if show is None:
        return report.in_document_order()
    places = Places(show, report.lines)
    channel.check_channel(show, places, report)
    podcast.check_show(show, places, report)
    channel.check_has_items(show, report)
    items.check_items(show, places, report, now or datetime.now(UTC))
    values.check_values(show, places, report)
    podcast.check_tags(show, places, report)
    structure.check_structure(show, places, report)
    urls.check_https(show, places, report)
    active.check_urls(show, places, report)
    active.check_descriptions(show, places, report)
    if files is not None:
        active.check_files(show, places, report, files)
        linked.check_files(show, places, report, files)
    return report.in_document_order()


def validate_document(
    xml: bytes, source: str, *, now: datetime | None = None, files: Path | None = None
) -> list[Finding]:
    """Check a feed like ``validate_feed``; bytes that are not well-formed XML are a finding too.

    ``feed validate --json`` prints this, so it always prints JSON.
    """
    try:
        return validate_feed(xml, source, now=now, files=files)
    except FeedError as exc:
        report = Report(RULES)
        document.not_well_formed(exc, report)
        return report.in_document_order()
