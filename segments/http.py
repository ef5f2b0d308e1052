"""The one HTTP client: every page, feed, transcript, chapters file and recording segcast fetches.

Each request has an overall deadline (a watchdog closes the socket when it passes, so a server
sending a byte a second cannot keep us), a size limit, a redirect limit (each target checked by
the URL policy, ``segments.urls``: no redirect to ``file:`` or anything but http(s)), gzip decoded
incrementally (a broken body or a bomb is an error), and one ``HttpError`` line naming the URL for
each failure: DNS, refused, timeout, 4xx/5xx with the status, an unexpected type, too large.
Downloads go to a partial file beside the destination, resume with ``Range`` (RFC 9110 section
14) after a cut connection or an interrupted run, and are renamed into place only when complete.

The standard library's ``http.client`` is used directly: urllib3 and httpx have per-operation
timeouts but no overall deadline, and their redirect following would have to be switched off to
apply our URL policy to each hop, so they would add a dependency without removing code.
"""

from __future__ import annotations

import contextlib
import email.message
import http.client
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote, urlsplit

from segments.errors import SegcastError
from segments.files import commit_partial, partial_path
from segments.urls import is_published_url, join_url

__all__ = [
    "AUDIO_TYPES",
    "FEED_TYPES",
    "PAGE_TYPES",
    "Download",
    "HttpError",
    "Limits",
    "Response",
    "download",
    "fetch",
    "is_http_url",
    "remote_size",
]

USER_AGENT = "segcast/0.1 (+https://github.com/segcast)"

#: Types a page may be served as; a feed's (servers label feeds every which way, HTML excepted);
#: a recording's (``application/octet-stream`` is what many hosts send for an MP3).
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "text/plain",
    "application/octet-stream",
)
AUDIO_TYPES = ("audio/", "video/mp4", "application/octet-stream", "binary/octet-stream")
#: Artwork.
IMAGE_TYPES = ("image/jpeg", "image/png", "application/octet-stream")
#: Chapters and transcript files (JSON chapters, WebVTT, SRT, HTML, JSON transcripts).
COMPANION_TYPES = (
    "application/json",
    "application/json+chapters",
    "text/",
    "application/x-subrip",
    "application/srt",
    "application/octet-stream",
)


@dataclass(frozen=True)
class Limits:
    """What one request may take: seconds in all (connect, headers, body), bytes, redirects."""

    deadline_seconds: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


#: Pages and companion files; feeds (the validator's old 100 MB limit); recordings.
PAGE_LIMITS = Limits()
FEED_LIMITS = Limits(deadline_seconds=60.0, max_bytes=100 * 1024 * 1024)
AUDIO_LIMITS = Limits(deadline_seconds=30 * 60.0, max_bytes=4 * 1024**3)


class HttpError(SegcastError):
    """A fetch failed: one line naming the URL and the cause."""


@dataclass(frozen=True)
class Response:
    """A fetched body: the URL it came from after redirects, its status and headers."""

    url: str
    status: int
    headers: email.message.Message
    body: bytes

    @property
    def mime_type(self) -> str | None:
        return _mime(self.headers)

    @property
    def charset(self) -> str | None:
        value = self.headers.get_content_charset()
        return value.lower() if value else None


@dataclass(frozen=True)
class Download:
    """A downloaded file: where it is, its real byte count and type, the URL it came from."""

    path: Path
    url: str
    size_bytes: int
    mime_type: str | None
    resumed: bool


Progress = Callable[[int, int | None], None]
#: Characters of a path or query sent as they are (RFC 3986's reserved and unreserved, and %).
_PATH_SAFE = "/%:@!$&'()*+,;=-._~?"
Accept = tuple[str, ...] | None


def is_http_url(text: str) -> bool:
    """Say whether a command-line argument is meant as an http(s) URL rather than a path.

    >>> is_http_url("https://example.org/a.html"), is_http_url("pages/a.html")
    (True, False)
    """
    return bool(re.match(r"https?://", text, re.IGNORECASE))


def fetch(
    url: str,
    *,
    accept: Accept = None,
    limits: Limits = PAGE_LIMITS,
    what: str = "page",
) -> Response:
    """GET ``url`` whole (gzip decoded), following redirects within the limits.

    ``accept`` lists the MIME types (or ``type/`` prefixes) the body may have; ``what`` names the
    thing in "is image/png, not a page".
    """
    with _Exchange(url, limits) as exchange:
        response = exchange.request({"Accept-Encoding": "gzip"})
        _check_status(exchange.url, response)
        _check_type(exchange.url, response.msg, accept, what)
        try:
            body = exchange.read_body(response, sink=None, offset=0, progress=None)
        except _Cut as exc:
            raise HttpError(f"the connection was cut after {exc.received} bytes", url) from exc
        return Response(exchange.url, response.status, response.msg, body)


def download(
    url: str,
    destination: Path,
    *,
    accept: Accept = AUDIO_TYPES,
    limits: Limits = AUDIO_LIMITS,
    progress: Progress | None = None,
    attempts: int = 3,
) -> Download:
    """Download ``url`` to ``destination``, resuming a partial file with Range; atomic.

    A connection cut before the body is complete is resumed from where it stopped, up to
    ``attempts`` times; a partial file left by an interrupted run is resumed the same way. The
    first response's validator (a strong ETag, else Last-Modified) is kept beside the partial
    file and sent as If-Range, so a file that changed meanwhile is sent whole, never spliced
    (RFC 9110 section 13.1.5).
    """
    destination = Path(destination)
    partial = partial_path(destination)
    validator_file = partial.with_name(partial.name + ".validator")
    resumed = False
    last: HttpError | None = None
    for _ in range(max(1, attempts)):
        offset = partial.stat().st_size if partial.is_file() else 0
        try:
            with _Exchange(url, limits) as exchange:
                headers = {"Accept-Encoding": "identity"}
                if offset:
                    headers["Range"] = f"bytes={offset}-"
                    if validator_file.is_file():
                        headers["If-Range"] = validator_file.read_text("utf-8").strip()
                response = exchange.request(headers)
                if response.status == 416 and offset:  # the partial file is no longer a prefix
                    partial.unlink()
                    response.read()
                    continue
                _check_status(exchange.url, response)
                _check_type(exchange.url, response.msg, accept, "recording")
                if response.status == 206 and offset:
                    start = _range_start(response.msg)
                    if start != offset:
                        raise HttpError(
                            f"asked for bytes from {offset}, got a range from {start}",
                            exchange.url,
                        )
                    resumed = True
                else:
                    offset = 0  # a 200: the whole file again
                    _keep_validator(response, validator_file)
                mode = "ab" if offset else "wb"
                try:
                    with partial.open(mode) as sink:
                        exchange.read_body(response, sink=sink, offset=offset, progress=progress)
                except OSError as exc:
                    raise HttpError(
                        f"cannot write {partial.name}: {exc.strerror or exc}", url
                    ) from exc
                mime = _mime(response.msg)
                final = exchange.url
        except _Cut as exc:
            last = HttpError(f"the connection was cut after {exc.received} bytes", url)
            continue
        size = partial.stat().st_size
        commit_partial(partial, destination)
        validator_file.unlink(missing_ok=True)
        return Download(destination, final, size, mime, resumed)
    raise last or HttpError("the server refused to resume the download", url)


def _keep_validator(response: http.client.HTTPResponse, path: Path) -> None:
    """Keep the response's If-Range validator beside the partial file, or remove an old one."""
    etag = (response.getheader("ETag") or "").strip()
    value = etag if etag and not etag.startswith("W/") else response.getheader("Last-Modified")
    try:
        if value and value.isascii():
            path.write_text(value.strip(), "utf-8")
        else:
            path.unlink(missing_ok=True)
    except OSError:
        path.unlink(missing_ok=True)  # without it a resume only sends Range


def remote_size(url: str, *, limits: Limits = PAGE_LIMITS) -> int:
    """Return the byte count of the file at ``url`` without downloading it.

    Asks for its first byte (``Range: bytes=0-0``): a 206 names the whole size in its
    Content-Range (RFC 9110 section 14.4), a server without ranges sends a 200 whose
    Content-Length is the size (the body is not read).
    """
    with _Exchange(url, limits) as exchange:
        response = exchange.request({"Accept-Encoding": "identity", "Range": "bytes=0-0"})
        _check_status(exchange.url, response)
        if response.status == 206:
            match = re.match(r"\s*bytes\s+\d+-\d+/(\d+)", response.getheader("Content-Range") or "")
            if match:
                return int(match[1])
        elif (length := _content_length(response)) is not None:
            return length
        raise HttpError("the server does not say the file's size", exchange.url)


# -- the exchange -------------------------------------------------------------------------------


class _Cut(Exception):
    """The body ended before its Content-Length: resumable."""

    def __init__(self, received: int) -> None:
        super().__init__(received)
        self.received = received


class _Exchange:
    """One request and its redirects under one deadline, with a watchdog on the socket."""

    def __init__(self, url: str, limits: Limits) -> None:
        self.url = url
        self.limits = limits
        self.deadline = time.monotonic() + limits.deadline_seconds
        self.connection: http.client.HTTPConnection | None = None
        self.expired = False
        self.lock = threading.Lock()
        self.watchdog = threading.Timer(limits.deadline_seconds, self._expire)
        self.watchdog.daemon = True

    def __enter__(self) -> _Exchange:
        _check_url(self.url, self.url)
        self.watchdog.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.watchdog.cancel()
        self._close()

    def _expire(self) -> None:
        with self.lock:
            self.expired = True
            connection = self.connection
        if connection is not None and connection.sock is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)

    def _close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def _timeout(self) -> HttpError:
        seconds = self.limits.deadline_seconds
        return HttpError(f"no complete answer within {seconds:g} s (the deadline)", self.url)

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0 or self.expired:
            raise self._timeout()
        return left

    def request(self, headers: dict[str, str]) -> http.client.HTTPResponse:
        """Send the GET, following redirects; return the final response (headers read)."""
        for _ in range(self.limits.max_redirects + 1):
            response = self._send(headers)
            if response.status not in (301, 302, 303, 307, 308):
                return response
            location = response.getheader("Location")
            response.read(64 * 1024)  # drain a little; the connection is closed anyway
            self._close()
            if not location:
                raise HttpError(f"HTTP {response.status} without a Location", self.url)
            target = join_url(self.url, location.strip())  # a stray bracket must not raise
            _check_url(target, self.url, redirect=True)
            self.url = target
        raise HttpError(
            f"more than {self.limits.max_redirects} redirects (a redirect loop?)", self.url
        )

    def _send(self, headers: dict[str, str]) -> http.client.HTTPResponse:
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        address = _resolve(host, port, self.remaining(), self.url)
        secure = parts.scheme.lower() == "https"
        kind = http.client.HTTPSConnection if secure else http.client.HTTPConnection
        connection = kind(host, port, timeout=self.remaining())
        connection._create_connection = (  # type: ignore[attr-defined]
            lambda _address, timeout=None, source=None: socket.create_connection(
                address, timeout, source
            )
        )
        with self.lock:
            self.connection = connection
        # A URL as people write it may hold non-ASCII ("/é.html"): sent percent-encoded, as a
        # browser sends it; what is encoded already stays as it is.
        target = quote(parts.path or "/", safe=_PATH_SAFE)
        if parts.query:
            target += "?" + quote(parts.query, safe=_PATH_SAFE)
        try:
            connection.request(
                "GET",
                target,
                headers={"User-Agent": USER_AGENT, "Accept": "*/*", **headers},
            )
            if self.expired:
                raise self._timeout()
            return connection.getresponse()
        except HttpError:
            raise
        except TimeoutError as exc:
            raise self._timeout() from exc
        except ConnectionRefusedError as exc:
            raise HttpError("connection refused", self.url) from exc
        except ssl.SSLError as exc:
            raise HttpError(f"TLS failed: {exc.reason or exc}", self.url) from exc
        except (OSError, http.client.HTTPException) as exc:
            if self.expired:
                raise self._timeout() from exc
            raise HttpError(f"the server's answer is broken: {_reason(exc)}", self.url) from exc

    def read_body(
        self,
        response: http.client.HTTPResponse,
        *,
        sink: IO[bytes] | None,
        offset: int,
        progress: Progress | None,
    ) -> bytes:
        """Read the body within the deadline and the size limit, gunzipping when it is gzip."""
        limit = self.limits.max_bytes
        length = _content_length(response)
        total = offset + length if length is not None else None
        if total is not None and total > limit:
            raise HttpError(f"is larger than {_size(limit)} ({_size(total)})", self.url)
        encoding = (response.getheader("Content-Encoding") or "").strip().lower()
        inflate = zlib.decompressobj(wbits=31) if encoding in ("gzip", "x-gzip") else None
        chunks: list[bytes] = []
        received = 0
        kept = offset
        while True:
            self.remaining()
            try:
                chunk = response.read1(64 * 1024)
            except TimeoutError as exc:
                raise self._timeout() from exc
            except http.client.IncompleteRead as exc:
                chunk = exc.partial
                if not chunk:
                    raise _Cut(offset + received) from exc
            except (OSError, http.client.HTTPException) as exc:
                if self.expired:
                    raise self._timeout() from exc
                raise _Cut(offset + received) from exc
            if not chunk:
                break
            received += len(chunk)
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, limit - kept + 1)
                except zlib.error as exc:
                    raise HttpError(f"the server sent broken gzip data ({exc})", self.url) from exc
            kept += len(chunk)
            if kept > limit:
                raise HttpError(f"is larger than {_size(limit)}", self.url)
            if sink is not None:
                sink.write(chunk)
            else:
                chunks.append(chunk)
            if progress is not None:
                progress(offset + received, total)
        if self.expired:
            raise self._timeout()
        if length is not None and received < length:
            raise _Cut(offset + received)
        if inflate is not None and not inflate.eof:
            raise HttpError("the server sent broken gzip data (it ends early)", self.url)
        return b"".join(chunks)


def _resolve(host: str, port: int, seconds: float, url: str) -> tuple[str, int]:
    """Look the host up in a thread, so a hanging resolver is held to the deadline too."""
    result: list[tuple[str, int]] = []
    failure: list[BaseException] = []

    def look_up() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            result.append((str(infos[0][4][0]), port))
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=look_up, daemon=True)
    worker.start()
    worker.join(seconds)
    if failure:
        raise HttpError(f"cannot find the host {host!r} (DNS)", url) from failure[0]
    if not result:
        raise HttpError(f"no answer from DNS for {host!r} within {seconds:g} s", url)
    return result[0]


def _check_url(target: str, where: str, *, redirect: bool = False) -> None:
    if is_published_url(target) and urlsplit(target).hostname:
        try:
            urlsplit(target).port  # noqa: B018 - raises on a port that is not a number
            return
        except ValueError:
            pass
    if redirect:
        raise HttpError(f"redirects to {target!r}, which is not an http(s) URL", where)
    raise HttpError("is not a valid http(s) URL", where)


def _check_status(url: str, response: http.client.HTTPResponse) -> None:
    if 200 <= response.status < 300:
        return
    reason = response.reason or http.client.responses.get(response.status, "")
    raise HttpError(f"HTTP {response.status} {reason}".rstrip(), url)


def _mime(headers: email.message.Message) -> str | None:
    if headers.get("Content-Type") is None:
        return None
    return headers.get_content_type().lower()


def _check_type(url: str, headers: email.message.Message, accept: Accept, what: str) -> None:
    mime = _mime(headers)
    if accept is None or mime is None:
        return
    if any(mime == a or (a.endswith("/") and mime.startswith(a)) for a in accept):
        return
    raise HttpError(f"is {mime}, not a {what}", url)


def _content_length(response: http.client.HTTPResponse) -> int | None:
    value = response.getheader("Content-Length")
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def _range_start(headers: email.message.Message) -> int | None:
    match = re.match(r"\s*bytes\s+(\d+)-", headers.get("Content-Range") or "")
    return int(match[1]) if match else None


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count >= 2**20 else f"{count} bytes"
