from __future__ import annotations

import uuid

import pytest

from feeds.guids import is_uuid, new_episode_guid, podcast_guid

# The spec's check value (podcast-namespace docs/tags/guid.md) and the forms that must agree.
PODNEWS = "9b024349-ccf0-5f69-a609-6b82873eab3c"


@pytest.mark.parametrize(
    "feed_url",
    [
        "https://podnews.net/rss",
        "http://podnews.net/rss",
        "podnews.net/rss",
        "https://podnews.net/rss/",
        "https://podnews.net/rss///",
        "  https://podnews.net/rss  ",
    ],
)
def test_podcast_guid_strips_scheme_and_trailing_slashes(feed_url: str) -> None:
    assert podcast_guid(feed_url) == PODNEWS


def test_podcast_guid_differs_for_another_feed() -> None:
    assert podcast_guid("https://podnews.net/rss2") != PODNEWS


def test_podcast_guid_is_uuid_version_5() -> None:
    assert uuid.UUID(podcast_guid("https://example.org/the-frame/feed.xml")).version == 5


def test_new_episode_guids_are_random_uuid4_strings() -> None:
    guids = {new_episode_guid() for _ in range(100)}
    assert len(guids) == 100
    assert all(uuid.UUID(g).version == 4 and is_uuid(g) for g in guids)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PODNEWS, True),
        (PODNEWS.upper(), False),
        (PODNEWS.replace("-", ""), False),
        ("not-a-uuid", False),
        ("", False),
    ],
)
def test_is_uuid_accepts_only_the_canonical_form(text: str, expected: bool) -> None:
    assert is_uuid(text) is expected
