"""``load_feed``: a feed's bytes from a file or over http(s), and one-line errors when it fails."""

from __future__ import annotations

import gzip
import threading
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from feeds.validate import load_feed
from segments.errors import FeedError
from tests.feeds.validate.basefeed import BASE


def test_load_feed_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(BASE.encode())
    assert load_feed(str(path)) == BASE.encode()


def test_load_feed_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.xml"
    with pytest.raises(FeedError) as err:
        load_feed(str(path))
    assert str(err.value) == f"{path}: cannot read the feed: No such file or directory"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            body = BASE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/feed.xml.gz":  # gzip sent unasked, as some CDNs do
            body = gzip.compress(BASE.encode())
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(404, "Not Found")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


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
    assert str(err.value) == f"{server}/loop: HTTP 302: too many redirects (a redirect loop)"


def test_load_feed_connection_refused() -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    httpd.server_close()  # nothing listens on that port now
    with pytest.raises(FeedError) as err:
        load_feed(f"http://127.0.0.1:{port}/feed.xml")
    assert str(err.value).startswith(f"http://127.0.0.1:{port}/feed.xml: cannot fetch the feed: ")


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
