"""``load_feed``: a feed's bytes from a file or over http(s), and one-line errors when it fails."""

from __future__ import annotations

import tracemalloc
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from feeds.validate import load_feed
from segments.errors import FeedError
from tests.feeds.validate.basefeed import BASE, Handler


def test_load_feed_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(BASE.encode())
    assert load_feed(str(path)) == BASE.encode()


def test_load_feed_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.xml"
    with pytest.raises(FeedError) as err:
        load_feed(str(path))
    assert str(err.value) == f"{path}: no such feed file"


def test_load_feed_over_http(server: str) -> None:
    assert load_feed(f"{server}/feed.xml") == BASE.encode()


def test_load_feed_http_error(server: str) -> None:
    with pytest.raises(FeedError) as err:
        load_feed(f"{server}/gone.xml")
    assert str(err.value) == f"{server}/gone.xml: HTTP 404 Not Found"


def test_load_feed_gzip_content_encoding(server: str) -> None:
    assert load_feed(f"{server}/feed.xml.gz") == BASE.encode()


def test_load_feed_redirect_loop_is_one_line(server: str) -> None:
    with pytest.raises(FeedError) as err:
        load_feed(f"{server}/loop")
    assert str(err.value) == f"{server}/loop: more than 5 redirects (a redirect loop?)"


def test_load_feed_connection_refused() -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = httpd.server_address[1]
    httpd.server_close()  # nothing listens on that port now
    with pytest.raises(FeedError) as err:
        load_feed(f"http://127.0.0.1:{port}/feed.xml")
    assert str(err.value) == f"http://127.0.0.1:{port}/feed.xml: connection refused"


def test_load_feed_refuses_a_huge_file_without_reading_it_all(tmp_path: Path) -> None:
    # A 1 GiB file given by mistake (a WAV, a disk image) is refused after 100 MB, not loaded.
    path = tmp_path / "episode.wav"
    with path.open("wb") as handle:
        handle.truncate(2**30)  # sparse: no disk used
    tracemalloc.start()
    try:
        with pytest.raises(FeedError) as err:
            load_feed(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(err.value) == f"{path}: the feed is larger than 100 MB"
    assert peak < 300 * 2**20
