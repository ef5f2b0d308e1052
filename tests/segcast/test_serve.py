"""The preview server, over real sockets: a server on 127.0.0.1 port 0 in a thread, requests with
``http.client`` (raw paths are sent as written) or a bare socket where even that would refuse.

Every request has a timeout; a secret file sits beside the served folder and must never come back.
"""

from __future__ import annotations

import email.utils
import http.client
import os
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from segcast.serve import PreviewServer, ServeError, make_server
from segments.errors import InputError

TIMEOUT = 10.0
SECRET = b"TOP SECRET: never served"
#: A body whose every slice is recognisable: byte i is i mod 251 (a prime, so no short period).
PATTERN = bytes(i % 251 for i in range(10_000))
FEED = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel></channel></rss>\n'
SITEMAP = b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'

#: File in the served folder -> (Content-Type it must be served with, whether CORS applies).
CONTENT_TYPES: list[tuple[str, str, bool]] = [
    ("episode.mp3", "audio/mpeg", True),
    ("episode.m4a", "audio/mp4", True),
    ("episode.ogg", "audio/ogg", True),
    ("episode.opus", "audio/opus", True),
    ("episode.flac", "audio/flac", True),
    ("feed.xml", "application/rss+xml; charset=utf-8", True),
    ("feed.rss", "application/rss+xml; charset=utf-8", True),
    ("sitemap.xml", "application/xml; charset=utf-8", False),
    ("episode.chapters.json", "application/json+chapters", True),
    ("episode.transcript.json", "application/json", True),
    ("episode.transcript.vtt", "text/vtt; charset=utf-8", True),
    ("episode.transcript.srt", "application/x-subrip; charset=utf-8", True),
    ("episode.transcript.html", "text/html; charset=utf-8", True),
    ("airtimes.ics", "text/calendar; charset=utf-8", False),
    ("page.html", "text/html; charset=utf-8", False),
    ("style.css", "text/css; charset=utf-8", False),
    ("cover.jpg", "image/jpeg", False),
    ("cover.jpeg", "image/jpeg", False),
    ("cover.png", "image/png", False),
    ("cover.webp", "image/webp", False),
    ("logo.svg", "image/svg+xml", False),
    ("player.js", "application/javascript; charset=utf-8", False),
    ("notes.txt", "text/plain; charset=utf-8", False),
    ("LOUD.MP3", "audio/mpeg", True),
    ("no-extension", "application/octet-stream", False),
]


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A published folder with one file per content type, a secret beside it and links out."""
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_bytes(SECRET)
    out = tmp_path / "out"
    out.mkdir()
    for name, _, _ in CONTENT_TYPES:
        (out / name).write_bytes(PATTERN)
    (out / "feed.xml").write_bytes(FEED)
    (out / "sitemap.xml").write_bytes(SITEMAP)
    (out / "empty.mp3").write_bytes(b"")
    (out / "index.html").write_bytes(b"<h1>show</h1>")
    (out / "episodes").mkdir()
    (out / "episodes" / "index.html").write_bytes(b"<h1>episodes</h1>")
    (out / "no-index").mkdir()
    (out / "empty-folder").mkdir()
    (out / "with space.mp3").write_bytes(PATTERN)
    (out / ".git").mkdir()
    (out / ".git" / "config").write_bytes(SECRET)
    (out / ".segcast-build.mp3").write_bytes(SECRET)
    (out / "secret-link.txt").symlink_to(tmp_path / "secret.txt")
    (out / "outside-dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (out / "no-index" / "index.html").symlink_to(tmp_path / "secret.txt")
    (out / "inside-link.mp3").symlink_to(out / "episode.mp3")
    (out / "to-dotfile.mp3").symlink_to(out / ".segcast-build.mp3")
    os.mkfifo(out / "pipe.mp3")
    return out


@pytest.fixture
def server(site: Path) -> Iterator[PreviewServer]:
    with make_server(site, "127.0.0.1", 0) as running:
        thread = threading.Thread(target=running.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            yield running
        finally:
            running.shutdown()
            thread.join(TIMEOUT)


def fetch(server: PreviewServer, target: str, method: str = "GET", **headers: str) -> Reply:
    """Send one request with ``target`` exactly as written (http.client does not normalise it)."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=TIMEOUT)
    try:
        connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name.replace("_", "-"), value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return Reply(response.status, dict(response.getheaders()), body)
    finally:
        connection.close()


def raw_request(server: PreviewServer, data: bytes) -> bytes:
    """Send bytes http.client would refuse to send (NUL, spaces, absolute-form) and read the reply."""
    with socket.create_connection((server.host, server.port), timeout=TIMEOUT) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


# -- content types, HEAD, folders --------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected", "cors"), CONTENT_TYPES)
def test_every_content_type(
    server: PreviewServer, site: Path, name: str, expected: str, cors: bool
) -> None:
    reply = fetch(server, "/" + name)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == expected
    assert reply.body == (site / name).read_bytes()
    assert reply.headers["Content-Length"] == str(len(reply.body))
    assert reply.headers["Accept-Ranges"] == "bytes"
    assert reply.headers["Cache-Control"] == "no-cache"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert ("Access-Control-Allow-Origin" in reply.headers) == cors


def test_head_sends_the_get_headers_and_no_body(server: PreviewServer) -> None:
    get = fetch(server, "/episode.mp3")
    head = fetch(server, "/episode.mp3", "HEAD")
    assert (head.status, head.body) == (200, b"")
    get.headers.pop("Date")
    head.headers.pop("Date")
    assert head.headers == get.headers
    assert head.headers["Content-Length"] == str(len(PATTERN))


def test_head_of_a_range_and_of_a_missing_file(server: PreviewServer) -> None:
    ranged = fetch(server, "/episode.mp3", "HEAD", Range="bytes=0-99")
    assert (ranged.status, ranged.body, ranged.headers["Content-Length"]) == (206, b"", "100")
    missing = fetch(server, "/missing.mp3", "HEAD")
    assert (missing.status, missing.body) == (404, b"")


def test_a_folder_serves_its_index_and_redirects_to_its_slash_form(server: PreviewServer) -> None:
    assert fetch(server, "/").body == b"<h1>show</h1>"
    assert fetch(server, "/episodes/").body == b"<h1>episodes</h1>"
    moved = fetch(server, "/episodes")
    assert (moved.status, moved.headers["Location"]) == (301, "/episodes/")
    with_query = fetch(server, "/episodes?page=2")
    assert (with_query.status, with_query.headers["Location"]) == (301, "/episodes/?page=2")


def test_names_are_percent_decoded_and_queries_ignored(server: PreviewServer) -> None:
    assert fetch(server, "/with%20space.mp3").body == PATTERN
    assert fetch(server, "/episode.mp3?v=2").body == PATTERN


@pytest.mark.parametrize(
    ("target", "status"),
    [
        ("/missing.mp3", 404),
        ("/episode.mp3/", 404),  # a file is not a folder
        ("/no-index-at-all/", 404),
        ("/pipe.mp3", 404),  # a FIFO: refused without blocking the server
        ("/empty-folder/", 404),
    ],
)
def test_what_is_not_there_is_404(server: PreviewServer, target: str, status: int) -> None:
    assert fetch(server, target).status == status


def test_an_empty_file(server: PreviewServer) -> None:
    reply = fetch(server, "/empty.mp3")
    assert (reply.status, reply.body, reply.headers["Content-Length"]) == (200, b"", "0")
    assert fetch(server, "/empty.mp3", Range="bytes=0-").status == 416


# -- ranges ------------------------------------------------------------------------------------

SIZE = len(PATTERN)


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-0", 0, 0),  # the first byte, what a player probes with
        ("bytes=0-99", 0, 99),
        ("bytes=100-", 100, SIZE - 1),  # open-ended
        ("bytes=-500", SIZE - 500, SIZE - 1),  # suffix
        ("bytes=-20000", 0, SIZE - 1),  # a suffix longer than the file is the whole file
        ("bytes=9990-20000", 9990, SIZE - 1),  # a last byte past the end is clamped
        (f"bytes={SIZE - 1}-", SIZE - 1, SIZE - 1),
        ("BYTES = 5-9", 5, 9),
    ],
)
def test_a_satisfiable_range_is_206(
    server: PreviewServer, header: str, first: int, last: int
) -> None:
    reply = fetch(server, "/episode.mp3", Range=header)
    assert reply.status == 206
    assert reply.headers["Content-Range"] == f"bytes {first}-{last}/{SIZE}"
    assert reply.headers["Content-Length"] == str(last - first + 1)
    assert reply.body == PATTERN[first : last + 1]
    assert reply.headers["Content-Type"] == "audio/mpeg"


@pytest.mark.parametrize("header", [f"bytes={SIZE}-", "bytes=20000-30000", "bytes=-0"])
def test_an_unsatisfiable_range_is_416(server: PreviewServer, header: str) -> None:
    reply = fetch(server, "/episode.mp3", Range=header)
    assert reply.status == 416
    assert reply.headers["Content-Range"] == f"bytes */{SIZE}"
    assert reply.headers["Content-Length"] == str(len(reply.body))
    assert SECRET not in reply.body


@pytest.mark.parametrize(
    "header",
    [
        "bytes=0-9,20-29",  # several ranges: answered with the whole file (RFC 9110 section 14.2)
        "bytes=0-9, 5-20, -3",
        "bytes=9-0",  # last before first: an invalid range-spec, so the field is ignored
        "bytes=a-b",
        "bytes=",
        "bytes=-",
        "items=0-9",
        "bytes=\u00b2-\u00b3",  # superscripts are digits to str.isdigit, not to RFC 9110
    ],
)
def test_several_or_malformed_ranges_give_the_whole_file(
    server: PreviewServer, header: str
) -> None:
    reply = fetch(server, "/episode.mp3", Range=header)
    assert reply.status == 200
    assert "Content-Range" not in reply.headers
    assert reply.body == PATTERN


def test_if_range_honours_the_etag_and_the_date(server: PreviewServer) -> None:
    whole = fetch(server, "/episode.mp3")
    etag, modified = whole.headers["ETag"], whole.headers["Last-Modified"]
    assert etag.startswith('"') and etag.endswith('"')  # strong
    current = fetch(server, "/episode.mp3", Range="bytes=0-9", If_Range=etag)
    assert (current.status, current.body) == (206, PATTERN[:10])
    by_date = fetch(server, "/episode.mp3", Range="bytes=0-9", If_Range=modified)
    assert (by_date.status, by_date.body) == (206, PATTERN[:10])
    for stale in ('"0-0"', f"W/{etag}", "Mon, 01 Jan 1990 00:00:00 GMT"):
        reply = fetch(server, "/episode.mp3", Range="bytes=0-9", If_Range=stale)
        assert (reply.status, reply.body) == (200, PATTERN), stale


# -- validators and 304 ------------------------------------------------------------------------


def test_304_for_a_matching_etag_and_not_for_another(server: PreviewServer) -> None:
    etag = fetch(server, "/feed.xml").headers["ETag"]
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        reply = fetch(server, "/feed.xml", If_None_Match=header)
        assert (reply.status, reply.body) == (304, b""), header
        assert reply.headers["ETag"] == etag
        assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert fetch(server, "/feed.xml", If_None_Match='"other"').status == 200


def test_304_for_if_modified_since_both_ways(server: PreviewServer) -> None:
    modified = fetch(server, "/feed.xml").headers["Last-Modified"]
    assert fetch(server, "/feed.xml", If_Modified_Since=modified).status == 304
    later = email.utils.formatdate(time.time() + 3600, usegmt=True)
    assert fetch(server, "/feed.xml", If_Modified_Since=later).status == 304
    earlier = "Mon, 01 Jan 1990 00:00:00 GMT"
    reply = fetch(server, "/feed.xml", If_Modified_Since=earlier)
    assert (reply.status, reply.body) == (200, FEED)
    assert fetch(server, "/feed.xml", If_Modified_Since="not a date").status == 200


def test_if_none_match_wins_over_if_modified_since(server: PreviewServer) -> None:
    modified = fetch(server, "/feed.xml").headers["Last-Modified"]
    reply = fetch(server, "/feed.xml", If_None_Match='"other"', If_Modified_Since=modified)
    assert reply.status == 200  # RFC 9110 section 13.2.2: If-Modified-Since is not evaluated


def test_an_edit_changes_the_etag_so_the_preview_shows_it(
    server: PreviewServer, site: Path
) -> None:
    before = fetch(server, "/feed.xml")
    edited = FEED.replace(b"<channel>", b"<channel><title>new</title>")
    (site / "feed.xml").write_bytes(edited)
    after = fetch(server, "/feed.xml", If_None_Match=before.headers["ETag"])
    assert (after.status, after.body) == (200, edited)
    assert after.headers["ETag"] != before.headers["ETag"]


# -- CORS and methods --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["feed.xml", "episode.transcript.vtt", "episode.transcript.srt", "episode.chapters.json"],
)
def test_cors_on_feed_transcripts_and_chapters(server: PreviewServer, name: str) -> None:
    reply = fetch(server, "/" + name, Origin="https://player.example")
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    exposed = {h.strip() for h in reply.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"Content-Range", "Content-Length"} <= exposed


def test_cors_on_a_range_of_audio(server: PreviewServer) -> None:
    reply = fetch(server, "/episode.mp3", Range="bytes=0-1", Origin="https://player.example")
    assert (reply.status, reply.headers["Access-Control-Allow-Origin"]) == (206, "*")


def test_options_answers_a_preflight(server: PreviewServer) -> None:
    reply = fetch(
        server,
        "/episode.chapters.json",
        "OPTIONS",
        Origin="https://player.example",
        Access_Control_Request_Method="GET",
        Access_Control_Request_Headers="range",
    )
    assert (reply.status, reply.body) == (204, b"")
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in reply.headers["Access-Control-Allow-Methods"]
    assert "Range" in reply.headers["Access-Control-Allow-Headers"]
    assert reply.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert fetch(server, "/../secret.txt", "OPTIONS").status == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE"])
def test_other_methods_are_405_with_allow(server: PreviewServer, site: Path, method: str) -> None:
    reply = fetch(server, "/feed.xml", method)
    assert reply.status == 405
    assert reply.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert (site / "feed.xml").read_bytes() == FEED


def test_an_unknown_method_is_501(server: PreviewServer) -> None:
    assert fetch(server, "/feed.xml", "BREW").status == 501


def test_a_connection_is_kept_alive_for_several_requests(server: PreviewServer) -> None:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=TIMEOUT)
    try:
        for target in ("/feed.xml", "/missing", "/episode.mp3", "/episodes"):
            connection.request("GET", target)
            connection.getresponse().read()
        connection.request("GET", "/feed.xml")
        assert connection.getresponse().read() == FEED
    finally:
        connection.close()


# -- never outside the folder ------------------------------------------------------------------

#: Request targets that try to reach the secret beside the folder, a dotfile or a link out.
TRAVERSALS: list[tuple[str, int]] = [
    ("/../secret.txt", 404),
    ("/episodes/../../secret.txt", 404),
    ("/%2e%2e/secret.txt", 404),
    ("/%2E%2E/secret.txt", 404),
    ("/.%2e/secret.txt", 404),
    ("/episodes/%2e%2e%2f%2e%2e%2fsecret.txt", 404),
    ("/..%2fsecret.txt", 404),
    ("/%2fsecret.txt", 404),
    ("/..%5csecret.txt", 404),
    ("/..\\secret.txt", 404),
    ("/%5c..%5csecret.txt", 404),
    ("/%252e%252e/secret.txt", 404),  # double encoding: decoded once, it names "%2e%2e"
    ("//secret.txt", 404),
    ("/" + "/".join([".."] * 12) + "/etc/passwd", 404),
    ("/%2fetc%2fpasswd", 404),
    ("///etc/passwd", 404),
    ("/secret-link.txt", 404),  # a symlink to a file outside the folder
    ("/outside-dir/secret.txt", 404),  # a symlinked folder outside it
    ("/no-index/", 404),  # an index.html that links outside
    ("/.git/config", 404),
    ("/.segcast-build.mp3", 404),
    ("/to-dotfile.mp3", 404),  # a link inside the folder to a dotfile
    ("/%2egit/config", 404),
    ("/episode.mp3%00.txt", 400),
    ("/%00", 400),
    ("/%c0%ae%c0%ae/secret.txt", 400),  # overlong UTF-8 for "..": not UTF-8 at all
    ("/%ff", 400),
    ("secret.txt", 400),  # not a path
]


@pytest.mark.parametrize(("target", "status"), TRAVERSALS)
def test_nothing_outside_the_folder_is_served(
    server: PreviewServer, target: str, status: int
) -> None:
    for method in ("GET", "HEAD"):
        reply = fetch(server, target, method)
        assert reply.status == status, (method, target)
        assert SECRET not in reply.body
        assert "Location" not in reply.headers


@pytest.mark.parametrize(
    "request_line",
    [
        b"GET /\x00/../secret.txt HTTP/1.1",
        b"GET /..\x00/secret.txt HTTP/1.1",
        b"GET http://127.0.0.1/../secret.txt HTTP/1.1",
        b"GET /a/../../secret.txt?x HTTP/1.1",
        b"GET \\..\\secret.txt HTTP/1.1",
        b"GET * HTTP/1.1",
    ],
)
def test_raw_requests_never_reach_the_secret(server: PreviewServer, request_line: bytes) -> None:
    reply = raw_request(server, request_line + b"\r\nHost: x\r\nConnection: close\r\n\r\n")
    status = int(reply.split(b" ", 2)[1])
    assert status in (400, 404)
    assert SECRET not in reply


def test_a_symlink_inside_the_folder_to_a_file_inside_is_served(server: PreviewServer) -> None:
    reply = fetch(server, "/inside-link.mp3")
    assert (reply.status, reply.body) == (200, PATTERN)


def test_the_served_folder_may_itself_be_a_symlink(site: Path, tmp_path: Path) -> None:
    link = tmp_path / "public-link"
    link.symlink_to(site, target_is_directory=True)
    with make_server(link) as running:
        thread = threading.Thread(target=running.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            assert fetch(running, "/feed.xml").body == FEED
            assert fetch(running, "/../secret.txt").status == 404
        finally:
            running.shutdown()
            thread.join(TIMEOUT)


# -- streaming, disconnects, logging -----------------------------------------------------------


def test_a_large_file_is_streamed_not_read_whole(server: PreviewServer, site: Path) -> None:
    size = 32 * 1024 * 1024
    (site / "long.mp3").write_bytes(os.urandom(1024) * (size // 1024))
    connection = http.client.HTTPConnection(server.host, server.port, timeout=TIMEOUT)
    tracemalloc.start()
    try:
        connection.request("GET", "/long.mp3")
        response = connection.getresponse()
        received = 0
        while chunk := response.read(256 * 1024):
            received += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        connection.close()
    assert received == size
    assert peak < 4 * 1024 * 1024  # both ends together: far below the file's 32 MB


def test_a_client_that_disconnects_mid_download_leaves_one_line_and_no_traceback(
    server: PreviewServer, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "long.mp3").write_bytes(b"\x55" * (32 * 1024 * 1024))
    with socket.create_connection((server.host, server.port), timeout=TIMEOUT) as sock:
        sock.sendall(b"GET /long.mp3 HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 200 ")
        # Close with unread data: the kernel answers the server's next send with a reset.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    deadline = time.monotonic() + TIMEOUT
    logged = ""
    while "client went away" not in logged and time.monotonic() < deadline:
        time.sleep(0.05)
        logged += capsys.readouterr().err
    assert "client went away" in logged
    assert "Traceback" not in logged
    assert fetch(server, "/feed.xml").body == FEED  # still serving


def test_an_error_of_ours_is_a_500_and_one_line(
    server: PreviewServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("segcast.serve._open_regular", broken)
    reply = fetch(server, "/feed.xml")
    assert reply.status == 500
    monkeypatch.undo()
    assert fetch(server, "/feed.xml").body == FEED
    logged = capsys.readouterr().err
    assert "internal error: RuntimeError('a bug')" in logged
    assert "Traceback" not in logged


def test_each_request_is_one_log_line_with_control_characters_escaped(
    server: PreviewServer, capsys: pytest.CaptureFixture[str]
) -> None:
    fetch(server, "/feed.xml")
    fetch(server, "/episode.mp3", Range="bytes=0-")
    fetch(server, "/%1b[31mred")
    raw_request(server, b"GET /\x1b[2J HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == '127.0.0.1 "GET /feed.xml HTTP/1.1" 200'
    assert lines[1] == '127.0.0.1 "GET /episode.mp3 HTTP/1.1" 206 bytes=0-'
    assert lines[2] == '127.0.0.1 "GET /%1b[31mred HTTP/1.1" 400'
    assert lines[3] == '127.0.0.1 "GET /\\x1b[2J HTTP/1.1" 400'
    assert len(lines) == 4


def test_quiet_logs_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with make_server(site, quiet=True) as running:
        thread = threading.Thread(target=running.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            fetch(running, "/feed.xml")
            fetch(running, "/../secret.txt")
        finally:
            running.shutdown()
            thread.join(TIMEOUT)
    assert capsys.readouterr().err == ""


# -- starting ----------------------------------------------------------------------------------


def test_the_url_names_the_bound_port(server: PreviewServer, site: Path) -> None:
    assert server.port > 0
    assert server.url == f"http://127.0.0.1:{server.port}/"
    assert server.root == site.resolve()


def test_a_port_in_use_is_one_error(server: PreviewServer, site: Path) -> None:
    with pytest.raises(ServeError) as caught:
        make_server(site, "127.0.0.1", server.port)
    assert str(caught.value) == (
        f"127.0.0.1:{server.port}: address already in use (try another --port)"
    )


@pytest.mark.parametrize(
    ("name", "message"), [("missing", "no such folder"), ("feed.xml", "not a folder")]
)
def test_the_root_must_be_a_folder(site: Path, name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        make_server(site / name)
    assert str(caught.value) == f"{site / name}: {message}"


def test_ipv6_loopback(site: Path) -> None:
    try:
        running = make_server(site, "::1", 0)
    except ServeError as exc:
        pytest.skip(f"no IPv6 loopback here: {exc}")
    with running:
        assert running.url == f"http://[::1]:{running.port}/"
        thread = threading.Thread(target=running.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            assert fetch(running, "/feed.xml").body == FEED
        finally:
            running.shutdown()
            thread.join(TIMEOUT)


def test_an_address_not_of_this_machine_is_one_error(site: Path) -> None:
    with pytest.raises(ServeError) as caught:
        make_server(site, "192.0.2.1", 0)  # TEST-NET-1 (RFC 5737): bound nowhere, no DNS asked
    assert str(caught.value) == "192.0.2.1:0: cannot listen: Cannot assign requested address"
