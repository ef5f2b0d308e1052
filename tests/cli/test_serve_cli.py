"""``segcast serve OUT``: a real process on a free port, stopped with SIGINT; its one-line errors."""

from __future__ import annotations

import http.client
import json
import selectors
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from segcast.cli import cli

TIMEOUT = 20.0
FEED = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel></channel></rss>\n'
SEGCAST = [sys.executable, "-c", "from segcast.cli import main; main()"]


def read_line(process: subprocess.Popen[str]) -> str:
    """Read one line of the process's stdout, failing the test instead of hanging."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(TIMEOUT):
            pytest.fail(f"segcast serve printed nothing in {TIMEOUT} s")
    return process.stdout.readline()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "public"
    folder.mkdir()
    (folder / "feed.xml").write_bytes(FEED)
    (tmp_path / "secret.txt").write_text("never served")
    return folder


@pytest.fixture
def serving(out: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [*SEGCAST, "serve", str(out), "--port", "0", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=TIMEOUT)


def test_serve_prints_its_url_serves_and_stops_on_sigint(
    out: Path, serving: subprocess.Popen[str]
) -> None:
    started = json.loads(read_line(serving))
    assert set(started) == {"url", "root", "port"}
    assert started["url"] == f"http://127.0.0.1:{started['port']}/"
    assert started["root"] == str(out.resolve())
    connection = http.client.HTTPConnection("127.0.0.1", started["port"], timeout=TIMEOUT)
    try:
        connection.request("GET", "/feed.xml", headers={"Range": "bytes=0-4"})
        response = connection.getresponse()
        assert (response.status, response.read()) == (206, FEED[:5])
        assert response.getheader("Content-Type") == "application/rss+xml; charset=utf-8"
        connection.request("GET", "/../secret.txt")
        response = connection.getresponse()
        assert (response.status, b"never" in response.read()) == (404, False)
    finally:
        connection.close()
    serving.send_signal(signal.SIGINT)
    stdout, stderr = serving.communicate(timeout=TIMEOUT)
    assert serving.returncode == 0
    assert stdout == ""  # --json: the one object, nothing after it
    assert stderr.splitlines() == [
        '127.0.0.1 "GET /feed.xml HTTP/1.1" 206 bytes=0-4',
        '127.0.0.1 "GET /../secret.txt HTTP/1.1" 404',
    ]
    assert "Traceback" not in stderr


def test_serve_says_where_in_plain_text_and_stops_on_sigterm(out: Path) -> None:
    process = subprocess.Popen(
        [*SEGCAST, "serve", str(out), "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = read_line(process)
        assert line.startswith(f"Serving {out} at http://127.0.0.1:")
        assert line.endswith("/ (Ctrl-C to stop)\n")
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=TIMEOUT)
    assert (process.returncode, stdout, stderr) == (0, "stopped\n", "")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={})
    return result.exit_code, result.stdout, result.stderr


def test_a_port_in_use_is_one_line_and_exit_1(out: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, stdout, stderr = run("serve", str(out), "--port", str(port))
    assert (code, stdout) == (1, "")
    assert stderr == f"Error: 127.0.0.1:{port}: address already in use (try another --port)\n"


@pytest.mark.parametrize(
    ("name", "what"), [("missing", "no such folder"), ("public/feed.xml", "not a folder")]
)
def test_out_must_be_a_folder(tmp_path: Path, out: Path, name: str, what: str) -> None:
    code, stdout, stderr = run("serve", str(tmp_path / name), "--port", "0")
    assert (code, stdout, stderr) == (1, "", f"Error: {tmp_path / name}: {what}\n")


def test_a_bad_port_is_a_usage_error(out: Path) -> None:
    code, _, stderr = run("serve", str(out), "--port", "70000")
    assert code == 2
    assert "70000 is not in the range 0<=x<=65535" in stderr
