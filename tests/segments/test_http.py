"""The one HTTP client, against a local server that misbehaves in every way the issue lists."""

from __future__ import annotations

import gzip
import socket
import time
from pathlib import Path

import pytest

from segments.files import partial_path
from segments.http import (
    AUDIO_TYPES,
    FEED_TYPES,
    PAGE_TYPES,
    HttpError,
    Limits,
    download,
    fetch,
    remote_size,
)
from tests.httpserver import LocalServer, Route

PAGE = b"<!doctype html><html><head><title>A page</title></head><body><p>Hello</p></body></html>"


def test_a_page_is_fetched_with_its_type_and_charset(http_server: LocalServer) -> None:
    url = http_server.add("/a.html", Route(PAGE, "text/html; charset=ISO-8859-1"))
    response = fetch(url, accept=PAGE_TYPES)
    assert response.body == PAGE
    assert (response.mime_type, response.charset) == ("text/html", "iso-8859-1")
    assert http_server.requests_for("/a.html")[0].headers["user-agent"].startswith("segcast/")


def test_gzip_is_decoded(http_server: LocalServer) -> None:
    url = http_server.add("/z.xml", Route(PAGE * 50, "application/rss+xml", behaviour="gzip"))
    assert fetch(url, accept=FEED_TYPES).body == PAGE * 50


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (Route(b"gone", "text/plain", status=404), "HTTP 404 Not Found"),
        (Route(b"oops", "text/plain", status=503), "HTTP 503 Service Unavailable"),
        (Route(b"\x89PNG\r\n", "image/png"), "is image/png, not a page"),
        (Route(PAGE, behaviour="broken-gzip"), "the server sent broken gzip data"),
        (Route(b"x" * 2000, "text/plain"), "is larger than 1000 bytes"),
        (
            Route(status=302, location="file:///etc/passwd"),
            "redirects to 'file:///etc/passwd', which is not an http(s) URL",
        ),
        (
            Route(status=302, location="http://[broken/page"),
            "redirects to 'http://%5Bbroken/page', which is not an http(s) URL",
        ),
        (Route(status=301, location="/loop"), "more than 5 redirects (a redirect loop?)"),
    ],
)
def test_each_failure_is_one_line_naming_the_url(
    http_server: LocalServer, route: Route, message: str
) -> None:
    http_server.add("/loop", Route(status=301, location="/loop"))
    url = http_server.add("/bad", route) if route.location != "/loop" else http_server.url("/loop")
    with pytest.raises(HttpError) as caught:
        fetch(url, accept=PAGE_TYPES, limits=Limits(max_bytes=1000))
    assert str(caught.value).startswith(url + ": ") or str(caught.value).startswith(
        http_server.url("/loop")
    )
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_redirect_is_followed_to_its_target(http_server: LocalServer) -> None:
    target = http_server.add("/new.html", Route(PAGE))
    url = http_server.add("/old.html", Route(status=301, location="/new.html"))
    response = fetch(url)
    assert (response.url, response.body) == (target, PAGE)


def test_a_byte_a_second_meets_the_overall_deadline(http_server: LocalServer) -> None:
    url = http_server.add("/slow", Route(PAGE, behaviour="slow"))
    started = time.monotonic()
    with pytest.raises(HttpError, match=r"no complete answer within 2 s \(the deadline\)"):
        fetch(url, limits=Limits(deadline_seconds=2))
    assert time.monotonic() - started < 4  # 86 bytes at a byte a second would take 86 s


def test_a_server_that_never_answers_meets_the_deadline(http_server: LocalServer) -> None:
    url = http_server.add("/hang", Route(PAGE, behaviour="hang"))
    started = time.monotonic()
    with pytest.raises(HttpError, match="the deadline"):
        fetch(url, limits=Limits(deadline_seconds=1))
    assert time.monotonic() - started < 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[::1/feed.xml", "is not a valid http(s) URL"),
        ("ftp://example.org/feed.xml", "is not a valid http(s) URL"),
        ("http://example.org:port/", "is not a valid http(s) URL"),
        (
            "http://no-such-host.invalid/feed.xml",
            "cannot find the host 'no-such-host.invalid' (DNS)",
        ),
    ],
)
def test_bad_urls_and_hosts(url: str, message: str) -> None:
    with pytest.raises(HttpError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url}: {message}"


def test_a_refused_connection() -> None:
    url = f"http://127.0.0.1:{_free_port()}/a.html"
    with pytest.raises(HttpError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url}: connection refused"


def _audio_bytes(size: int) -> bytes:
    return bytes(range(256)) * (size // 256)


def test_a_download_cut_half_way_resumes_with_range(
    http_server: LocalServer, tmp_path: Path
) -> None:
    audio = _audio_bytes(300_000)
    url = http_server.add("/ep.mp3", Route(audio, "audio/mpeg", behaviour="cut-once"))
    seen: list[tuple[int, int | None]] = []
    result = download(
        url, tmp_path / "ep.mp3", progress=lambda done, total: seen.append((done, total))
    )
    assert (tmp_path / "ep.mp3").read_bytes() == audio
    assert (result.size_bytes, result.mime_type, result.resumed) == (len(audio), "audio/mpeg", True)
    second = http_server.requests_for("/ep.mp3")[1]
    assert second.headers["range"] == f"bytes={len(audio) // 2}-"
    assert seen[-1] == (len(audio), len(audio))
    assert not partial_path(tmp_path / "ep.mp3").exists()


def test_a_partial_file_of_an_interrupted_run_is_resumed(
    http_server: LocalServer, tmp_path: Path
) -> None:
    audio = _audio_bytes(100_000)
    url = http_server.add("/ep.mp3", Route(audio, "audio/mpeg"))
    partial_path(tmp_path / "ep.mp3").write_bytes(audio[:40_000])
    result = download(url, tmp_path / "ep.mp3")
    assert (tmp_path / "ep.mp3").read_bytes() == audio and result.resumed
    assert http_server.requests_for("/ep.mp3")[0].headers["range"] == "bytes=40000-"


def test_a_server_without_ranges_sends_the_whole_file_again(
    http_server: LocalServer, tmp_path: Path
) -> None:
    audio = _audio_bytes(50_000)
    url = http_server.add("/ep.mp3", Route(audio, "audio/mpeg", behaviour="no-range"))
    partial_path(tmp_path / "ep.mp3").write_bytes(b"stale bytes")
    result = download(url, tmp_path / "ep.mp3")
    assert (tmp_path / "ep.mp3").read_bytes() == audio and not result.resumed


def test_a_failed_download_leaves_no_destination(http_server: LocalServer, tmp_path: Path) -> None:
    url = http_server.add("/ep.mp3", Route(b"<html>", "text/html"))
    with pytest.raises(HttpError, match="is text/html, not a recording"):
        download(url, tmp_path / "ep.mp3", accept=AUDIO_TYPES)
    assert not (tmp_path / "ep.mp3").exists()


def test_a_gzip_bomb_is_refused_by_size(http_server: LocalServer) -> None:
    bomb = b"\0" * 5_000_000
    url = http_server.add("/bomb.xml", Route(bomb, "application/rss+xml", behaviour="gzip"))
    assert len(gzip.compress(bomb)) < 10_000
    with pytest.raises(HttpError, match="is larger than 1 MB"):
        fetch(url, limits=Limits(max_bytes=2**20))


@pytest.mark.parametrize("behaviour", ["normal", "no-range"])
def test_a_remote_size_is_read_without_the_body(http_server: LocalServer, behaviour: str) -> None:
    url = http_server.add("/big.mp3", Route(b"x" * 123_456, "audio/mpeg", behaviour=behaviour))  # type: ignore[arg-type]
    assert remote_size(url) == 123_456
    assert http_server.requests_for("/big.mp3")[0].headers["range"] == "bytes=0-0"


def test_a_partial_file_longer_than_the_file_is_started_again(
    http_server: LocalServer, tmp_path: Path
) -> None:
    audio = _audio_bytes(20_000)
    url = http_server.add("/ep.mp3", Route(audio, "audio/mpeg"))
    partial_path(tmp_path / "ep.mp3").write_bytes(b"x" * 30_000)  # of another, longer file
    result = download(url, tmp_path / "ep.mp3")
    assert (tmp_path / "ep.mp3").read_bytes() == audio and not result.resumed
    assert [seen.headers.get("range") for seen in http_server.requests_for("/ep.mp3")] == [
        "bytes=30000-",
        None,
    ]


def test_a_resume_sends_if_range_and_a_changed_file_comes_whole(
    http_server: LocalServer, tmp_path: Path
) -> None:
    audio = _audio_bytes(60_000)
    etag = {"ETag": '"v1"'}
    url = http_server.add("/ep.mp3", Route(audio, "audio/mpeg", behaviour="cut-once", headers=etag))
    assert download(url, tmp_path / "ep.mp3").resumed
    assert http_server.requests_for("/ep.mp3")[1].headers["if-range"] == '"v1"'
    # An interrupted run's partial file of version v0; the server now has v1: sent whole.
    partial = partial_path(tmp_path / "again.mp3")
    partial.write_bytes(b"old bytes of v0")
    partial.with_name(partial.name + ".validator").write_text('"v0"')
    url = http_server.add("/again.mp3", Route(audio, "audio/mpeg", headers=etag))
    result = download(url, tmp_path / "again.mp3")
    assert (tmp_path / "again.mp3").read_bytes() == audio and not result.resumed
    assert not list(tmp_path.glob(".*"))  # neither partial file nor validator left


def test_a_non_ascii_path_is_sent_percent_encoded(http_server: LocalServer) -> None:
    http_server.add("/caf%C3%A9.html", Route(PAGE))
    assert fetch(http_server.url("/café.html")).body == PAGE
    assert fetch(http_server.url("/caf%C3%A9.html")).body == PAGE


def test_a_page_cut_half_way_is_one_line(http_server: LocalServer) -> None:
    url = http_server.add("/cut.html", Route(PAGE * 100, behaviour="cut-once"))
    with pytest.raises(HttpError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url}: the connection was cut after {len(PAGE) * 50} bytes"
