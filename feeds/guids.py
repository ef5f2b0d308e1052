"""Identifiers that never change: the channel's podcast:guid and each episode's GUID."""

from __future__ import annotations

import re
import uuid

#: The namespace UUID the Podcasting 2.0 spec fixes for podcast:guid (docs/tags/guid.md).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def podcast_guid(feed_url: str) -> str:
    """Return the podcast:guid of a feed URL: UUIDv5 of it without scheme and trailing slashes.

    The spec's own check value:

    >>> podcast_guid("https://podnews.net/rss")
    '9b024349-ccf0-5f69-a609-6b82873eab3c'
    >>> podcast_guid("podnews.net/rss/")
    '9b024349-ccf0-5f69-a609-6b82873eab3c'
    """
    name = _SCHEME.sub("", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, name))


def new_episode_guid() -> str:
    """Return a new random episode GUID (UUID4), assigned once and stored with the episode."""
    return str(uuid.uuid4())


def is_uuid(text: str) -> bool:
    """Return whether ``text`` is a UUID in its canonical lower-case form.

    >>> is_uuid("9b024349-ccf0-5f69-a609-6b82873eab3c"), is_uuid("9B024349CCF05F69A6096B82873EAB3C")
    (True, False)
    """
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False
