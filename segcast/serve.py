"""Preview a published folder over HTTP on localhost, the way a podcast host would serve it.

Built on the standard library's ``http.server`` (a ``ThreadingHTTPServer`` with a handler of our
own; ``SimpleHTTPRequestHandler`` has no Range, ETag or CORS and normalises paths in ways we must
check ourselves). What a request gets, in order:

- the request target is split into raw segments *before* percent-decoding, and any segment that
  could leave the folder or name a hidden file (``..``, ``.``, an encoded ``/``, a backslash, an
  empty segment, a leading dot) is a 404; a NUL or control byte, bad UTF-8 or a target that is not
  a path (``*``, ``http://...``) is a 400; the resolved real path (symlinks followed) must still be
  inside the folder;
- only regular files are served (a FIFO would block a reader forever), ``index.html`` for a folder,
  a folder without its trailing slash redirects (301) to the slash form;
- ``Content-Type`` comes from :data:`CONTENT_TYPES`, one table; types players fetch cross-origin
  (feed, transcripts, chapters, audio) get CORS headers;
- ``ETag`` (strong, from size and mtime in nanoseconds) and ``Last-Modified`` with 304 answers
  (RFC 9110 section 13.2.2 order), ``Cache-Control: no-cache`` so a preview shows every edit;
- one byte range per request (RFC 9110 section 14): 206 or 416; a request for several ranges gets
  the whole file with 200, which section 14.2 allows ("a server MAY ignore the Range header");
- bodies are sent with ``socket.sendfile`` (the kernel copies; nothing is read whole), and a client
  that goes away mid-body is one log line, never a traceback.
"""

from __future__ import annotations

import contextlib
import email.utils
import errno
import os
import socket
import stat
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from feeds.podcast_ns import CHAPTERS_TYPE
from segcast import __version__
from segcast.build.layout import CHAPTERS_SUFFIX
from segments.errors import InputError, SegcastError

__all__ = ["CONTENT_TYPES", "PreviewServer", "ServeError", "make_server"]


class ServeError(SegcastError):
    """The preview server cannot start: the address is in use, the host cannot be bound."""


@dataclass(frozen=True)
class ContentType:
    """How files with one name ending are served: the Content-Type and whether CORS applies."""

    value: str
    cors: bool = False


_UTF8 = "; charset=utf-8"

#: Name ending -> how it is served. The longest matching ending wins (``.chapters.json`` over
#: ``.json``); a name matching none is ``application/octet-stream``. Text types carry
#: ``charset=utf-8`` (everything segcast writes is UTF-8); JSON has no charset parameter (RFC
#: 8259 section 11). ``cors`` marks what podcast web players fetch from another origin: the feed,
#: transcripts, chapters and audio (Podcasting 2.0 players read chapters and transcripts with
#: ``fetch``; Range on audio needs Content-Range exposed).
CONTENT_TYPES: dict[str, ContentType] = {
    ".mp3": ContentType("audio/mpeg", cors=True),
    ".m4a": ContentType("audio/mp4", cors=True),
    ".m4b": ContentType("audio/mp4", cors=True),
    ".aac": ContentType("audio/aac", cors=True),
    ".ogg": ContentType("audio/ogg", cors=True),
    ".oga": ContentType("audio/ogg", cors=True),
    ".opus": ContentType("audio/opus", cors=True),
    ".flac": ContentType("audio/flac", cors=True),
    ".wav": ContentType("audio/wav", cors=True),
    # .xml is a feed when its first bytes say <rss (see _XML_FALLBACK); .rss always is.
    ".xml": ContentType("application/rss+xml" + _UTF8, cors=True),
    ".rss": ContentType("application/rss+xml" + _UTF8, cors=True),
    CHAPTERS_SUFFIX: ContentType(CHAPTERS_TYPE, cors=True),
    ".json": ContentType("application/json", cors=True),
    ".vtt": ContentType("text/vtt" + _UTF8, cors=True),
    ".srt": ContentType("application/x-subrip" + _UTF8, cors=True),
    ".transcript.html": ContentType("text/html" + _UTF8, cors=True),
    ".ics": ContentType("text/calendar" + _UTF8),
    ".html": ContentType("text/html" + _UTF8),
    ".htm": ContentType("text/html" + _UTF8),
    ".css": ContentType("text/css" + _UTF8),
    ".js": ContentType("application/javascript" + _UTF8),
    ".txt": ContentType("text/plain" + _UTF8),
    ".jpg": ContentType("image/jpeg"),
    ".jpeg": ContentType("image/jpeg"),
    ".png": ContentType("image/png"),
    ".webp": ContentType("image/webp"),
    ".gif": ContentType("image/gif"),
    ".svg": ContentType("image/svg+xml"),
    ".ico": ContentType("image/vnd.microsoft.icon"),
    ".woff2": ContentType("font/woff2"),
}

#: An ``.xml`` file that is not an RSS feed (a sitemap, say) is plain XML.
_XML_FALLBACK = ContentType("application/xml" + _UTF8)
_UNKNOWN = ContentType("application/octet-stream")

#: How far into an ``.xml`` file to look for the ``<rss`` root element.
_XML_SNIFF_BYTES = 1024

#: Methods a request may use. The other methods RFC 9110 and 5789 define (POST, PUT, DELETE,
#: PATCH, CONNECT, TRACE) get 405 with this list in Allow; a method no RFC defines gets 501
#: ("unrecognized or not implemented", RFC 9110 section 9.1).
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")

#: Request headers a cross-origin page may send (the preflight's answer).
_CORS_REQUEST_HEADERS = "Range, If-Range, If-None-Match, If-Modified-Since"
#: Response headers a cross-origin script may read besides the CORS-safelisted ones.
_CORS_EXPOSED_HEADERS = "Content-Range, Content-Length, Accept-Ranges, ETag"

#: Seconds a connection may sit idle or stall before the server drops it (a stuck client must
#: not hold a thread forever).
CLIENT_TIMEOUT_SECONDS = 30.0

#: Errors that mean the client went away; answered with one log line, not a traceback.
_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


def content_type(path: Path) -> ContentType:
    """Return how ``path`` is served, from the longest name ending in :data:`CONTENT_TYPES`.

    >>> content_type(Path("ep.chapters.json")).value
    'application/json+chapters'
    >>> content_type(Path("EP.MP3")).value
    'audio/mpeg'
    """
    name = path.name.lower()
    endings = [ending for ending in CONTENT_TYPES if name.endswith(ending)]
    if not endings:
        return _UNKNOWN
    found = CONTENT_TYPES[max(endings, key=len)]
    if name.endswith(".xml") and not _is_rss(path):
        return _XML_FALLBACK
    return found


def _is_rss(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(_XML_SNIFF_BYTES)
    except OSError:
        return False
    return b"<rss" in head


class Refused(Exception):
    """A request target that is not served: 400 when malformed, 404 otherwise."""

    def __init__(self, status: HTTPStatus, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def split_target(target: str) -> tuple[list[str], bool]:
    """Return the decoded path segments of a request target and whether it ends with ``/``.

    Raises Refused for anything that could leave the folder or name a hidden file.

    >>> split_target("/episodes/a%20b.mp3?v=2")
    (['episodes', 'a b.mp3'], False)
    >>> split_target("/")
    ([], True)
    """
    if any(ord(char) < 0x21 or ord(char) == 0x7F for char in target):
        raise Refused(HTTPStatus.BAD_REQUEST, "control character in the path")
    if not target.startswith("/"):
        raise Refused(HTTPStatus.BAD_REQUEST, "not a path")
    path = target.split("?", 1)[0].split("#", 1)[0]
    raw = path[1:].split("/")
    trailing = raw[-1] == ""
    if trailing:
        raw.pop()
    segments: list[str] = []
    for part in raw:
        try:
            segment = unquote(part, errors="strict")
        except UnicodeDecodeError as exc:
            raise Refused(HTTPStatus.BAD_REQUEST, "path is not UTF-8") from exc
        if any(ord(char) < 0x20 or ord(char) == 0x7F for char in segment):
            raise Refused(HTTPStatus.BAD_REQUEST, "control character in the path")
        if segment == "" or "/" in segment or "\\" in segment:
            raise Refused(HTTPStatus.NOT_FOUND, "not a plain path segment")
        if segment.startswith("."):
            # "." and ".." and every dotfile: .git, .segcast-* temp files, .DS_Store.
            raise Refused(HTTPStatus.NOT_FOUND, "hidden or relative segment")
        segments.append(segment)
    return segments, trailing


def resolve_inside(root: Path, segments: list[str]) -> Path:
    """Return the real path ``segments`` name under ``root`` (already resolved), or raise Refused.

    Symlinks are followed; one whose target is outside ``root`` (or is hidden) is not served.
    """
    candidate = os.path.realpath(root.joinpath(*segments))
    real = Path(candidate)
    if not real.is_relative_to(root):
        raise Refused(HTTPStatus.NOT_FOUND, "outside the served folder")
    if any(part.startswith(".") for part in real.relative_to(root).parts):
        raise Refused(HTTPStatus.NOT_FOUND, "hidden file")
    return real


ByteRange = tuple[int, int]  # first and last byte, both included (RFC 9110 section 14.1.1)


def parse_range(header: str, size: int) -> ByteRange | Literal["ignore", "unsatisfiable"]:
    """Read a Range header for a representation of ``size`` bytes (RFC 9110 section 14.1.2).

    Returns the one range to send, "ignore" (not bytes, malformed, or several ranges: the whole
    file is sent) or "unsatisfiable" (416).

    >>> parse_range("bytes=0-0", 10), parse_range("bytes=-3", 10), parse_range("bytes=4-", 10)
    ((0, 0), (7, 9), (4, 9))
    >>> parse_range("bytes=10-", 10), parse_range("bytes=0-1,5-6", 10), parse_range("items=1-2", 10)
    ('unsatisfiable', 'ignore', 'ignore')
    """
    unit, _, specs = header.partition("=")
    if unit.strip().lower() != "bytes" or not specs.strip():
        return "ignore"
    parts = [part.strip() for part in specs.split(",")]
    if len(parts) != 1:
        return "ignore"
    first_text, dash, last_text = parts[0].partition("-")
    if not dash or not _digits(first_text or "0") or not _digits(last_text or "0"):
        return "ignore"
    if not first_text:
        if not last_text:
            return "ignore"
        suffix = int(last_text)
        if suffix == 0 or size == 0:
            return "unsatisfiable"
        return (max(0, size - suffix), size - 1)
    first = int(first_text)
    if last_text and int(last_text) < first:
        return "ignore"  # an invalid range-spec: the whole field is ignored
    if first >= size:
        return "unsatisfiable"
    last = int(last_text) if last_text else size - 1
    return (first, min(last, size - 1))


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


@dataclass(frozen=True)
class _File:
    """An open regular file with the validators a response sends."""

    fd: int
    size: int
    etag: str
    last_modified: str
    mtime_seconds: int
    kind: ContentType


#: O_NONBLOCK: opening a FIFO must not block the thread; O_NOFOLLOW: the path is already real, so
#: a symlink in its place now was swapped in after the check and is refused.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def _open_regular(path: Path) -> _File | None:
    """Open ``path`` if it is a regular file, else return None."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return None
    return _File(
        fd=fd,
        size=info.st_size,
        etag=f'"{info.st_size:x}-{info.st_mtime_ns:x}"',
        last_modified=email.utils.formatdate(info.st_mtime, usegmt=True),
        mtime_seconds=int(info.st_mtime),
        kind=content_type(path),
    )


def _etags(header: str) -> list[str]:
    """Split an If-None-Match / If-Match list into entity tags (``*`` stays ``*``)."""
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def _weak_equal(a: str, b: str) -> bool:
    return a.removeprefix("W/") == b.removeprefix("W/")


def _http_date(text: str) -> int | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        return None
    return int(parsed.timestamp())


class PreviewHandler(BaseHTTPRequestHandler):
    """Answer GET, HEAD and OPTIONS for files inside the server's folder; see the module text."""

    server: PreviewServer
    protocol_version = "HTTP/1.1"
    timeout = CLIENT_TIMEOUT_SECONDS
    # Headers and body go out in separate writes; without TCP_NODELAY, Nagle's algorithm and the
    # client's delayed ACK add some 40 ms to every keep-alive request.
    disable_nagle_algorithm = True

    def version_string(self) -> str:
        return f"segcast/{__version__}"

    # -- dispatch -------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_OPTIONS(self) -> None:
        if self.path != "*":
            try:
                resolve_inside(self.server.root, split_target(self.path)[0])
            except Refused as refused:
                self._send_plain(refused.status, refused.reason)
                return
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", ", ".join(ALLOWED_METHODS))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", ", ".join(ALLOWED_METHODS))
        self.send_header("Access-Control-Allow-Headers", _CORS_REQUEST_HEADERS)
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()  # no Content-Length: a 204 must not send one (RFC 9110 8.6)

    def _refuse_method(self) -> None:
        # The request may carry a body we do not read: close rather than misread it as a request.
        self.close_connection = True
        self._send_plain(
            HTTPStatus.METHOD_NOT_ALLOWED,
            f"{self.command} is not allowed; this preview is read-only",
            {"Allow": ", ".join(ALLOWED_METHODS)},
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_CONNECT = do_TRACE = _refuse_method

    def handle_one_request(self) -> None:
        self._responded = False
        try:
            super().handle_one_request()
        except _GONE as exc:
            self.close_connection = True
            self.log_message("client went away (%s)", type(exc).__name__)
        except Exception as exc:  # a bug of ours: one log line and a 500, never a traceback
            self.close_connection = True
            self.log_message("internal error: %r", exc)
            if not self._responded:
                with contextlib.suppress(OSError):
                    self._send_plain(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")

    def send_response(self, code: int, message: str | None = None) -> None:
        self._responded = True
        super().send_response(code, message)

    # -- GET and HEAD ---------------------------------------------------------------------------

    def _answer(self, *, send_body: bool) -> None:
        if self._has_body():
            self.close_connection = True
        try:
            segments, trailing = split_target(self.path)
            real = resolve_inside(self.server.root, segments)
        except Refused as refused:
            self._send_plain(refused.status, refused.reason, send_body=send_body)
            return
        if real.is_dir():
            if not trailing:
                path, _, query = self.path.partition("?")
                location = path + "/" + (f"?{query}" if query else "")
                self._send_plain(
                    HTTPStatus.MOVED_PERMANENTLY,
                    f"moved to {location}",
                    {"Location": location},
                    send_body=send_body,
                )
                return
            try:
                real = resolve_inside(self.server.root, [*segments, "index.html"])
            except Refused as refused:
                self._send_plain(refused.status, refused.reason, send_body=send_body)
                return
        elif trailing:
            self._send_plain(HTTPStatus.NOT_FOUND, "not a folder", send_body=send_body)
            return
        opened = _open_regular(real)
        if opened is None:
            self._send_plain(HTTPStatus.NOT_FOUND, "not found", send_body=send_body)
            return
        try:
            self._send_file(opened, send_body=send_body)
        finally:
            os.close(opened.fd)

    def _send_file(self, file: _File, *, send_body: bool) -> None:
        if self._not_modified(file):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._validator_headers(file)
            if file.kind.cors:  # a cross-origin revalidation must pass the CORS check too
                self._cors_headers()
            self.end_headers()
            return
        chosen: ByteRange | Literal["ignore", "unsatisfiable"] = "ignore"
        range_header = self.headers.get("Range")
        if range_header is not None and self._if_range_holds(file):
            chosen = parse_range(range_header, file.size)
        if chosen == "unsatisfiable":
            self._send_plain(
                HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "range not satisfiable",
                {"Content-Range": f"bytes */{file.size}"},
                send_body=send_body,
                cors=file.kind.cors,
            )
            return
        if chosen == "ignore":
            status, first, count = HTTPStatus.OK, 0, file.size
        else:
            status, first, count = HTTPStatus.PARTIAL_CONTENT, chosen[0], chosen[1] - chosen[0] + 1
        self.send_response(status)
        self.send_header("Content-Type", file.kind.value)
        self.send_header("Content-Length", str(count))
        if status == HTTPStatus.PARTIAL_CONTENT:
            self.send_header("Content-Range", f"bytes {first}-{first + count - 1}/{file.size}")
        self._validator_headers(file)
        if file.kind.cors:
            self._cors_headers()
        self.end_headers()
        if send_body and count:
            with os.fdopen(os.dup(file.fd), "rb") as handle:
                self.connection.sendfile(handle, offset=first, count=count)

    def _not_modified(self, file: _File) -> bool:
        """RFC 9110 section 13.2.2: If-None-Match first; If-Modified-Since only without it."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = _etags(if_none_match)
            return "*" in tags or any(_weak_equal(tag, file.etag) for tag in tags)
        since = self.headers.get("If-Modified-Since")
        if since is not None:
            moment = _http_date(since)
            return moment is not None and file.mtime_seconds <= moment
        return False

    def _if_range_holds(self, file: _File) -> bool:
        """RFC 9110 section 13.1.5: a Range counts only if If-Range (when sent) still matches."""
        if_range = self.headers.get("If-Range")
        if if_range is None:
            return True
        if_range = if_range.strip()
        if if_range.startswith(('"', "W/")):
            return if_range == file.etag  # strong comparison; a weak tag never matches
        return if_range == file.last_modified

    # -- headers and small answers --------------------------------------------------------------

    def _validator_headers(self, file: _File) -> None:
        self.send_header("ETag", file.etag)
        self.send_header("Last-Modified", file.last_modified)
        self._common_headers()

    def _common_headers(self) -> None:
        # no-cache: a browser revalidates every time (ETag, so cheaply) and a preview shows edits.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("X-Content-Type-Options", "nosniff")

    def _cors_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", _CORS_EXPOSED_HEADERS)

    def _send_plain(
        self,
        status: HTTPStatus,
        text: str,
        headers: dict[str, str] | None = None,
        *,
        send_body: bool = True,
        cors: bool = False,
    ) -> None:
        body = f"{status.value} {status.phrase}: {text}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" + _UTF8)
        self.send_header("Content-Length", str(len(body)))
        self._common_headers()
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if cors:
            self._cors_headers()
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer the base class's own errors (bad request line, 501, 414) as plain text too."""
        self.close_connection = True
        status = HTTPStatus(code)
        self._send_plain(status, message or status.phrase, send_body=self.command != "HEAD")

    def _has_body(self) -> bool:
        length = self.headers.get("Content-Length", "0").strip()
        return self.headers.get("Transfer-Encoding") is not None or length not in ("", "0")

    # -- logging --------------------------------------------------------------------------------

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        code_text = str(code.value) if isinstance(code, HTTPStatus) else str(code)
        # The Range asked for, so a player's byte-range requests can be seen (and tested).
        asked = getattr(self, "headers", None)
        range_header = asked.get("Range") if asked is not None else None
        suffix = f" {range_header}" if range_header else ""
        self.log_message('"%s" %s%s', self.requestline, code_text, suffix)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.quiet:
            return
        text = format % args
        # A request line is the client's text: never let it move the cursor or fake a log line.
        printable = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
        sys.stderr.write(f"{self.address_string()} {printable}\n")


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server for one folder: ``root``, ``url`` and ``port`` say where it is."""

    daemon_threads = True
    # SO_REUSEADDR lets a stopped preview restart at once; never SO_REUSEPORT, which would let a
    # second server share a port that is in use instead of failing.
    allow_reuse_address = True
    allow_reuse_port = False

    def __init__(self, root: Path, address: tuple[str, int], *, quiet: bool = False) -> None:
        self.root = root
        self.quiet = quiet
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PreviewHandler)

    @property
    def host(self) -> str:
        return str(self.server_address[0])

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        """The URL of the folder's root, e.g. ``http://127.0.0.1:8000/``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def handle_error(self, request: object, client_address: object) -> None:
        """Log one line for an unexpected error in a request (never a traceback on the console)."""
        error = sys.exc_info()[1]
        if isinstance(error, _GONE):
            return
        if not self.quiet:
            where = threading.current_thread().name
            sys.stderr.write(f"{client_address}: request failed in {where}: {error!r}\n")


def make_server(
    root: Path, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = False
) -> PreviewServer:
    """Bind a preview server for ``root`` on ``host:port`` (port 0: a free one); do not start it.

    Call ``serve_forever()`` on the result (``shutdown()`` from another thread stops it).

    Raises:
        InputError: ``root`` is not a folder.
        ServeError: the address cannot be bound (in use, not this machine's, not allowed).
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError("no such folder" if not root.exists() else "not a folder", root)
    real_root = Path(os.path.realpath(root))
    try:
        return PreviewServer(real_root, (host, port), quiet=quiet)
    except OSError as exc:
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if exc.errno == errno.EADDRINUSE:
            raise ServeError("address already in use (try another --port)", where) from exc
        reason = exc.strerror or str(exc)
        raise ServeError(f"cannot listen: {reason}", where) from exc
