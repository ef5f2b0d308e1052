"""Update a segment from its page again: the page's new text in, the producer's work kept.

Who owns each key decides (``update_segment``):

- **the producer's keys** (``PRODUCER_KEYS``: slug, GUID, date, link, language, numbers, type,
  explicit, audio, raw recording, chapters, show notes: every field the page does not own)
  keep the segment file's value whenever it has one; the page only fills what the file leaves
  empty (an audio size the page estimated is the page's, and gives way to a new page's);
- **the page's keys** (``PAGE_KEYS``: title, summary, people, images, transcript, show) take the
  page's new value, unless the producer edited that key since the import: the import stored a
  fingerprint of each (``Source.fingerprints``), and a value that no longer matches its
  fingerprint is the producer's and is kept.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from typing import Any

from segments.model import Segment, Source
from segments.segmentfile import BODY_PARTS, SEGMENT_KEYS, segment_values

__all__ = ["PAGE_KEYS", "PRODUCER_KEYS", "Change", "Update", "fingerprints", "update_segment"]

#: What a page states: re-importing it brings the page's new value, unless the producer edited it.
PAGE_KEYS: tuple[str, ...] = ("title", "summary", "people", "images", "transcript", "show")
#: What the producer completes after an import: every other ``Segment`` field but ``source``
#: (slug, GUID, date, link, language, numbers, type, explicit, audio, raw, chapters, show notes,
#: and any field added later), where the segment file's value wins.
PRODUCER_KEYS: tuple[str, ...] = tuple(
    f.name for f in fields(Segment) if f.name not in (*PAGE_KEYS, "source")
)


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fingerprints(segment: Segment) -> dict[str, str]:
    """Return a short hash of each of the page's keys as ``segment`` holds them."""
    values = segment_values(segment)
    return {key: _digest(values.get(key)) for key in PAGE_KEYS}


@dataclass(frozen=True)
class Change:
    """One key whose value an update changes (values as the file holds them; None: unset)."""

    key: str
    before: Any
    after: Any


@dataclass
class Update:
    """A segment updated from its page: the result, what changed, and the edits kept."""

    segment: Segment
    changes: list[Change] = field(default_factory=list)
    #: Page keys the producer had edited and the page changed too: the producer's value stays.
    kept: list[str] = field(default_factory=list)


def _unset(value: Any) -> bool:
    return value is None or value == [] or value == "full"


def update_segment(current: Segment, page: Segment) -> Update:
    """Return ``current`` (the segment file) updated with ``page`` (its page read again)."""
    merged = replace(page)
    for name in PRODUCER_KEYS:
        value = getattr(current, name)
        if name == "audio" and value is not None and value.size_is_estimate:
            continue  # the page's estimate, not the producer's: the new page's wins
        if not _unset(value):
            setattr(merged, name, value)
    stored = current.source.fingerprints if current.source else {}
    now, from_page = fingerprints(current), fingerprints(page)
    kept = []
    for key in PAGE_KEYS:
        if key in stored and stored[key] != now[key]:  # the producer edited it: theirs
            setattr(merged, key, getattr(current, key))
            if from_page[key] != stored[key]:  # and the page changed it too: say so
                kept.append(key)
    # The fingerprints are the page's: a key kept above stays the producer's at the next update.
    source = page.source or Source()
    merged.source = replace(source, fingerprints=from_page)
    was = segment_values(current)
    after = segment_values(merged)
    changes = [
        Change(key, was.get(key), after.get(key))
        for key in (*SEGMENT_KEYS, *BODY_PARTS)
        if key != "source" and was.get(key) != after.get(key)
    ]
    return Update(segment=merged, changes=changes, kept=kept)
