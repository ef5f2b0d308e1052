"""A local HTTP server for the tests of everything segcast fetches: pages, audio and feeds.

It listens on 127.0.0.1 on a free port, started by the test (the ``http_server`` fixture), and
answers each path from a table of ``Route``s: a body with its type, a status, a redirect, or a
misbehaviour (a byte a second, a connection cut half way, a broken gzip body). Byte ranges are
served as RFC 9110 says (206 with Content-Range) so downloads can be resumed; every request's
headers are recorded so a test can see what the client asked for.
"""

from __future__ import annotations

import gzip
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

import pytest

Behaviour = Literal["normal", "slow", "cut-once", "broken-gzip", "gzip", "no-range", "hang"]


@dataclass
class Route:
    """What one path answers."""

    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    behaviour: Behaviour = "normal"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]


class LocalServer:
    """The running server: add routes, read the requests it saw, make URLs for paths."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.cut_done: set[str] = set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def requests_for(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        self.seen.append(Seen(path, {k.lower(): v for k, v in handler.headers.items()}))
        route = self.routes.get(path)
        if route is None:
            route = Route(b"not here", "text/plain", status=404)
        body = route.body
        status = route.status
        headers: dict[str, str] = dict(route.headers)
        if route.content_type is not None:
            headers["Content-Type"] = route.content_type
        if route.location is not None:
            headers["Location"] = route.location
        if route.behaviour == "gzip":
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        elif route.behaviour == "broken-gzip":
            body = gzip.compress(body)[:12] + b"this is not deflate data at all" * 4
            headers["Content-Encoding"] = "gzip"
        wanted = handler.headers.get("Range")
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", wanted or "")
        if_range = handler.headers.get("If-Range")
        if if_range is not None and if_range != route.headers.get("ETag"):
            match = None  # the file changed since: the whole of it (RFC 9110 13.1.5)
        if match and route.behaviour != "no-range" and status == 200:
            start = int(match[1])
            if start >= len(body):
                handler.send_response(416)
                handler.send_header("Content-Range", f"bytes */{len(body)}")
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            end = min(int(match[2]), len(body) - 1) if match[2] else len(body) - 1
            headers["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
            body = body[start : end + 1]
            status = 206
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Accept-Ranges", "bytes")
        handler.end_headers()
        try:
            if route.behaviour == "slow":  # a byte a second: only an overall deadline ends it
                for byte in body:
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
                    time.sleep(1)
            elif route.behaviour == "hang":
                time.sleep(30)
            elif route.behaviour == "cut-once" and path not in self.cut_done:
                self.cut_done.add(path)
                handler.wfile.write(body[: len(body) // 2])
                handler.wfile.flush()
                handler.close_connection = True
                handler.connection.shutdown(2)
            else:
                handler.wfile.write(body)
        except OSError:
            pass  # the client gave up (the deadline): nothing to answer

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A local HTTP server on 127.0.0.1 and a free port, stopped after the test."""
    with LocalServer() as server:
        yield server
