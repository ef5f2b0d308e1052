"""The one URL policy (segments/urls.py): what may be published, and the error for what may not."""

from __future__ import annotations

from pathlib import Path

import pytest

from segments.errors import SegcastError
from segments.urls import check_url, is_published_url


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/x?y=1#z"],
)
def test_absolute_web_urls_pass(url: str) -> None:
    assert is_published_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox",
        "//evil.example/x",
        "http:///no-host",
        "http://[::1/feed.xml",
        "https://example.org/a b",
        "https://example.org/\x00",
        "",
        None,
    ],
)
def test_active_or_broken_urls_are_refused(url: str | None) -> None:
    assert not is_published_url(url)
    assert not is_published_url(url, allow_relative=True)


def test_relative_urls_only_where_allowed() -> None:
    assert is_published_url("chapters/1.jpg", allow_relative=True)
    assert is_published_url("/art.png", allow_relative=True)
    assert not is_published_url("chapters/1.jpg")
    # A colon before the first slash is a scheme to some readers.
    assert not is_published_url("java&#09;script:alert(1)", allow_relative=True)


def test_check_url_names_file_and_key() -> None:
    with pytest.raises(SegcastError) as caught:
        check_url("javascript:alert(1)", path=Path("segments/a.md"), key="people[0].href")
    assert str(caught.value) == (
        "segments/a.md: people[0].href: 'javascript:alert(1)' is not an http(s) URL"
    )
    assert check_url("  https://example.org/x ", path=None, key="link") == "https://example.org/x"
