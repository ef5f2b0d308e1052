"""``segcast feed validate``: table and JSON output, exit codes, errors as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from segcast.cli import cli
from tests.feeds.validate.basefeed import BASE, ENC2, build, line_of, server  # noqa: F401
from tests.httpserver import LocalServer, Route
from tests.segcast.showdir import make_show


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["feed", "validate", *args], obj={})
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: bytes, name: str = "feed.xml") -> str:
    path = tmp_path / name
    path.write_bytes(text)
    return str(path)


HTTP_ENCLOSURE = (
    "https://example.org/the-frame/barry.m4a",
    "http://example.org/the-frame/barry.m4a",
)


def test_clean_feed_exits_0(tmp_path: Path) -> None:
    feed = write(tmp_path, BASE.encode())
    assert run(feed) == (0, f"{feed}: 0 error(s), 0 warning(s), 0 info\n", "")


@pytest.mark.parametrize(
    ("edits", "strict", "code"),
    [
        ([HTTP_ENCLOSURE], False, 0),  # a warning alone passes ...
        ([HTTP_ENCLOSURE], True, 1),  # ... unless --strict
        ([("<itunes:duration>1805<", "<itunes:duration>1805.5<")], True, 1),
        ([("<title>Barry Jenkins</title>", "<title>Episode 2</title>")], True, 0),  # info
        ([(' length="23456789"', ' length="0"')], False, 1),  # an error always fails
    ],
)
def test_exit_codes(tmp_path: Path, edits: list[tuple[str, str]], strict: bool, code: int) -> None:
    feed = write(tmp_path, build(edits))
    args = [feed, "--strict"] if strict else [feed]
    assert run(*args)[0] == code


def test_table_lists_each_finding(tmp_path: Path) -> None:
    feed = write(tmp_path, build([HTTP_ENCLOSURE]))
    code, out, err = run(feed)
    line = f"line {line_of(ENC2)}"
    assert out.splitlines() == [
        f"{line:>10}  warning  url-not-https  channel/item[2] (guid barry-guid)/enclosure",
        f"{'':>10}  {'':7}  {'':13}  "
        'enclosure@url "http://example.org/the-frame/barry.m4a" is http, not https',
        "",
        f"{feed}: 0 error(s), 1 warning(s), 0 info",
    ]
    assert (code, err) == (0, "")


def test_json_output(tmp_path: Path) -> None:
    feed = write(tmp_path, build([HTTP_ENCLOSURE, (' length="23456789"', ' length="0"')]))
    code, out, _ = run(feed, "--json")
    assert code == 1
    assert json.loads(out) == {
        "feed": feed,
        "errors": 1,
        "warnings": 1,
        "findings": [
            {
                "id": "item-enclosure-length-not-bytes",
                "severity": "error",
                "message": 'enclosure length "0" is not a positive whole number of bytes',
                "where": "channel/item[2] (guid barry-guid)/enclosure",
                "line": line_of(ENC2),
            },
            {
                "id": "url-not-https",
                "severity": "warning",
                "message": 'enclosure@url "http://example.org/the-frame/barry.m4a" is http, '
                "not https",
                "where": "channel/item[2] (guid barry-guid)/enclosure",
                "line": line_of(ENC2),
            },
        ],
    }


def test_malformed_feed_is_one_line_error(tmp_path: Path) -> None:
    feed = write(tmp_path, b'<rss version="2.0">\n<channel>\n<title>x</titel>\n</channel></rss>')
    code, out, err = run(feed)
    assert (code, out) == (1, "")
    assert err == (
        f"Error: {feed}: not well-formed XML at line 3, column 17: "
        "Opening and ending tag mismatch: title line 3 and titel\n"
    )


def test_malformed_feed_with_json_is_a_finding(tmp_path: Path) -> None:
    feed = write(tmp_path, b'<rss version="2.0">\n<channel>\n<title>x</titel>\n</channel></rss>')
    code, out, err = run(feed, "--json")
    assert (code, err) == (1, "")
    assert json.loads(out) == {
        "feed": feed,
        "errors": 1,
        "warnings": 0,
        "findings": [
            {
                "id": "xml-not-well-formed",
                "severity": "error",
                "message": "not well-formed XML at line 3, column 17: "
                "Opening and ending tag mismatch: title line 3 and titel",
                "where": "rss",
                "line": 3,
            }
        ],
    }


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    feed = str(tmp_path / "nope.xml")
    assert run(feed) == (1, "", f"Error: {feed}: no such feed file\n")


def test_validates_a_url(server: str) -> None:  # noqa: F811
    url = f"{server}/feed.xml"
    assert run(url, "--json")[0] == 0
    assert json.loads(run(url, "--json")[1])["findings"] == []
    assert run(f"{server}/gone.xml") == (1, "", f"Error: {server}/gone.xml: HTTP 404 Not Found\n")


def test_our_own_feed_passes_strict(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path)
    out = tmp_path / "public" / "feed.xml"
    build = CliRunner().invoke(
        cli, ["feed", "build", str(show_dir), "-o", str(out)], obj={}, env={"SEGCAST_BASE_URL": ""}
    )
    assert build.exit_code == 0, build.stderr
    assert run(str(out), "--strict") == (0, f"{out}: 0 error(s), 0 warning(s), 0 info\n", "")


def test_network_failures_are_one_line_never_a_traceback(http_server: LocalServer) -> None:
    # Issue 13: an unclosed IPv6 bracket and a broken gzip body gave tracebacks.
    broken = http_server.add(
        "/feed.xml", Route(BASE.encode(), "application/rss+xml", behaviour="broken-gzip")
    )
    for url, message in (
        ("http://[::1/feed.xml", "is not a valid http(s) URL"),
        (broken, "the server sent broken gzip data"),
    ):
        code, out, err = run(url)
        assert code == 1 and out == ""
        assert err.startswith(f"Error: {url}: {message}") and err.count("\n") == 1


def test_a_server_sending_a_byte_a_second_meets_the_deadline(
    http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 13: feed validate URL waited forever. The deadline is FEED_LIMITS' (60 s); 1 s here.
    import time

    from feeds.validate import source
    from segments.http import Limits

    monkeypatch.setattr(source, "FEED_LIMITS", Limits(deadline_seconds=1, max_bytes=2**20))
    url = http_server.add(
        "/slow.xml", Route(BASE.encode(), "application/rss+xml", behaviour="slow")
    )
    started = time.monotonic()
    code, out, err = run(url)
    assert time.monotonic() - started < 3
    assert (code, out) == (1, "")
    assert err == f"Error: {url}: no complete answer within 1 s (the deadline)\n"


def test_files_checks_the_chapters_json_published_beside_the_feed(tmp_path: Path) -> None:
    feed = write(tmp_path, BASE.encode())
    chapters = {"version": "1.2.0", "chapters": [{"startTime": 0, "url": "javascript:alert(1)"}]}
    (tmp_path / "ava.json").write_text(json.dumps(chapters), encoding="utf-8")
    assert run(feed)[0] == 0  # the feed alone is clean
    code, out, _ = run(feed, "--files", str(tmp_path), "--json")
    assert code == 1
    assert [f["id"] for f in json.loads(out)["findings"]] == ["chapters-url-active"]
    missing = tmp_path / "nowhere"
    code, _, err = run(feed, "--files", str(missing))
    assert code == 2 and "nowhere" in err and "does not exist" in err
