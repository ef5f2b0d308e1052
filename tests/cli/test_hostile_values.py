"""Every command that reads a segment file, show.toml, artwork or audio, on hostile values.

The sibling of ``test_bad_input_everywhere.py`` (hostile *files*): here the files are well formed
and their values are not (nan, a lone surrogate, a control character, year 1, a 10,000-character
title, ``language: '!!'``, 1e20, ``../../x`` as a slug, ``javascript:`` in each URL key), or the
file is a FIFO, not UTF-8 or a decompression bomb. Each case must give an ``Error:`` line naming
the file and the key, exit 1, no traceback, and write nothing (no output, no input changed).
FIFO cases run the command line in a subprocess with a timeout, so a regression fails instead
of hanging the suite.
"""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from segcast.cli import COMMANDS, cli
from tests.feeds.feedcheck import audio_bytes
from tests.segcast.showdir import SHOW_TOML, write_artwork

SEGMENT_NAME = "episode.md"

#: The segment file every case starts from: one line per front-matter key, replaced by the case.
FRONT: dict[str, str] = {
    "title": "A fine title",
    "published": "2016-04-05",
    "link": "https://example.org/the-frame/a",
    "people": "\n- name: So Yong Kim\n  role: guest",
}

ACTIVE = "javascript:alert(1)"

#: case -> (front-matter key, its YAML value, the key path the error must name). A key that is
#: not in FRONT is added.
SEGMENT_CASES: dict[str, tuple[str, str, str]] = {
    "nan duration": ("audio", "\n  duration_seconds: .nan", "audio.duration_seconds"),
    "inf chapter start": ("chapters", "\n- start: .inf\n  title: Opening", "chapters[0].start"),
    "nan chapter end": ("chapters", "\n- {start: 0, end: .nan, title: Opening}", "chapters[0].end"),
    "lone surrogate in title": ("title", '"Caf\\ud800"', "title"),
    "control character in title": ("title", '"Bell \\x07"', "title"),
    "escape sequence in a name": (
        "people",
        '\n- name: "So \\e[31mYong"\n  role: guest',
        "people[0].name",
    ),
    "year 1": ("published", "0001-01-01", "published"),
    "year 1 with a time": ("published", "'0001-01-01T00:00:00+00:00'", "published"),
    "overlong title": ("title", "x" * 10_000, "title"),
    "bad language": ("language", "'!!'", "language"),
    "huge episode number": ("episode", "100000000000000000000", "episode"),
    "season 0": ("season", "0", "season"),
    "huge enclosure size": (
        "audio",
        "\n  url: https://example.org/a.mp3\n  size_bytes: 100000000000000000000000000000",
        "audio.size_bytes",
    ),
    "slug climbing out": ("slug", "../../x", "slug"),
    "absolute slug": ("slug", "/tmp/x", "slug"),
    "hidden slug": ("slug", ".hidden", "slug"),
    "slug with a folder": ("slug", "a/b", "slug"),
    "overlong slug": ("slug", "a" * 300, "slug"),
    "active link": ("link", ACTIVE, "link"),
    "active person href": (
        "people",
        f"\n- name: A\n  role: guest\n  href: '{ACTIVE}'",
        "people[0].href",
    ),
    "active person img": (
        "people",
        "\n- name: A\n  role: guest\n  img: 'data:image/svg+xml,<svg onload=alert(1)>'",
        "people[0].img",
    ),
    "active image url": ("images", f"\n- url: '{ACTIVE}'", "images[0].url"),
    "active audio url": ("audio", f"\n  url: '{ACTIVE}'\n  size_bytes: 1000", "audio.url"),
    "file audio url": ("audio", "\n  url: 'file:///etc/passwd'\n  size_bytes: 1000", "audio.url"),
    "active chapter url": (
        "chapters",
        f"\n- start: 0\n  title: Opening\n  url: '{ACTIVE}'",
        "chapters[0].url",
    ),
    "active chapter image": (
        "chapters",
        "\n- start: 0\n  title: Opening\n  image: 'vbscript:x'",
        "chapters[0].image",
    ),
    "active source url": ("source", f"\n  url: '{ACTIVE}'\n  kind: html", "source.url"),
    "active show link": ("show", f"\n  link: '{ACTIVE}'", "show.link"),
    "chapter start of 10**400": (
        "chapters",
        f"\n- start: 1{'0' * 400}\n  title: A",
        "chapters[0].start",
    ),
    "duration of 10**400": (
        "audio",
        f"\n  duration_seconds: 1{'0' * 400}",
        "audio.duration_seconds",
    ),
}

#: Values PyYAML itself cannot build (its date and int constructors raise ValueError), and
#: nesting deeper than its parser's stack: one "bad YAML" line, never a traceback.
SEGMENT_YAML_CASES: dict[str, tuple[str, str, str]] = {
    "impossible date": ("published", "2016-13-45", "month must be in 1..12"),
    "offset of 25 hours": ("published", "2016-04-05T10:00:00+25:00", "offset must be"),
    "integer of 5000 digits": ("episode", "1" + "0" * 5000, "more than 4300 digits"),
    "nested 5000 deep": ("link", "[" * 5000, "nested too deeply"),
}


def segment_text(key: str | None = None, value: str = "", body: str = "Summary.\n") -> str:
    front = dict(FRONT)
    if key is not None:
        front[key] = value
    lines = "".join(
        f"{k}: {v}\n" if not v.startswith("\n") else f"{k}:{v}\n" for k, v in front.items()
    )
    return f"---\n{lines}---\n{body}"


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """Return a PNG header claiming ``width`` x ``height`` pixels: Pillow's bomb guard trips on
    the header alone, so the test needs no 400-million-pixel image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def make_folder(root: Path, segment: str | None = None, toml: str = SHOW_TOML) -> Path:
    """Write a show folder with one segment file, its MP3 and artwork; return the folder."""
    show = root / "show"
    (show / "segments").mkdir(parents=True)
    (show / "audio").mkdir()
    (show / "show.toml").write_text(toml, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    (show / "segments" / SEGMENT_NAME).write_text(segment or segment_text(), encoding="utf-8")
    (show / "audio" / "episode.mp3").write_bytes(audio_bytes(1.0))
    (root / "timed.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nSummary.\n", encoding="utf-8"
    )
    return show


def snapshot(root: Path) -> dict[str, str]:
    """Return every file under ``root`` (but the build's own .segcast state) and its hash."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".segcast" not in p.parts
    }


#: Commands that read a segment file: the arguments, given the show folder and an output folder.
SEGMENT_COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "audio tag": lambda show, out: [
        "audio",
        "tag",
        str(show / "audio" / "episode.mp3"),
        "--segment",
        str(show / "segments" / SEGMENT_NAME),
    ],
    "pair": lambda show, out: [
        "pair",
        str(show / "segments" / SEGMENT_NAME),
        str(show.parent / "timed.vtt"),
    ],
    "feed build": lambda show, out: ["feed", "build", str(show), "-o", str(out / "feed.xml")],
    "build": lambda show, out: ["build", str(show), "-o", str(out)],
}

#: Commands that read show.toml (and its artwork).
SHOW_COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "audio tag --show": lambda show, out: [
        *SEGMENT_COMMANDS["audio tag"](show, out),
        "--show",
        str(show / "show.toml"),
    ],
    "feed build": SEGMENT_COMMANDS["feed build"],
    "build": SEGMENT_COMMANDS["build"],
}


def check_one_clear_error(output: str, code: int, file: Path, key: str | None) -> None:
    """One or more ``Error:`` lines, one naming ``file`` and ``key``; exit 1; no traceback."""
    assert code == 1, output
    assert "Traceback" not in output
    assert "All strings must be XML compatible" not in output
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    wanted = f"Error: {file}: {key}: " if key else f"Error: {file}: "
    assert any(line.startswith(wanted) for line in errors), (wanted, output)


def check_nothing_written(root: Path, before: dict[str, str], out: Path) -> None:
    assert snapshot(root / "show") == before  # no input changed, no temp file left
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*")) if out.exists() else []
    assert written == [], written


def invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("case", sorted(SEGMENT_CASES))
@pytest.mark.parametrize("command", sorted(SEGMENT_COMMANDS))
def test_hostile_segment_value_is_one_clear_error(command: str, case: str, tmp_path: Path) -> None:
    key, value, path = SEGMENT_CASES[case]
    show = make_folder(tmp_path, segment_text(key, value))
    before, out = snapshot(show), tmp_path / "out"

    code, output = invoke(SEGMENT_COMMANDS[command](show, out))

    check_one_clear_error(output, code, show / "segments" / SEGMENT_NAME, path)
    check_nothing_written(tmp_path, before, out)


@pytest.mark.parametrize("case", sorted(SEGMENT_YAML_CASES))
@pytest.mark.parametrize("command", sorted(SEGMENT_COMMANDS))
def test_yaml_that_python_cannot_build_is_one_line(command: str, case: str, tmp_path: Path) -> None:
    key, value, message = SEGMENT_YAML_CASES[case]
    show = make_folder(tmp_path, segment_text(key, value))
    before, out = snapshot(show), tmp_path / "out"

    code, output = invoke(SEGMENT_COMMANDS[command](show, out))

    check_one_clear_error(output, code, show / "segments" / SEGMENT_NAME, "bad YAML")
    assert message in output
    check_nothing_written(tmp_path, before, out)


@pytest.mark.parametrize("command", sorted(SEGMENT_COMMANDS))
def test_control_character_in_the_body_names_its_line(command: str, tmp_path: Path) -> None:
    show = make_folder(tmp_path, segment_text(body="Summary.\n\nA bell \x07 rang.\n"))
    before, out = snapshot(show), tmp_path / "out"

    code, output = invoke(SEGMENT_COMMANDS[command](show, out))

    line = len(segment_text().splitlines()) + 2
    check_one_clear_error(output, code, show / "segments" / SEGMENT_NAME, f"line {line}")
    check_nothing_written(tmp_path, before, out)


def test_every_problem_of_a_segment_file_is_reported_at_once(tmp_path: Path) -> None:
    text = segment_text("language", "'!!'").replace(
        "published: 2016-04-05", "published: 0001-01-01"
    )
    text = text.replace(
        "---\nSummary", "episode: 1.5\nchapters:\n- start: .nan\n  title: A\n---\nSummary"
    )
    show = make_folder(tmp_path, text)
    code, output = invoke(["feed", "build", str(show), "-o", str(tmp_path / "out" / "feed.xml")])
    file = show / "segments" / SEGMENT_NAME
    errors = [line for line in output.splitlines() if line.startswith(f"Error: {file}: ")]
    keys = [line.removeprefix(f"Error: {file}: ").split(":")[0] for line in errors]
    assert code == 1
    assert keys == ["published", "language", "episode", "chapters[0].start"], output


#: case -> (the show.toml line that replaces the key's, or is added; the key the error names).
SHOW_CASES: dict[str, tuple[str, str]] = {
    "overlong title": (f'title = "{"x" * 10_000}"', "title"),
    "control character in title": ('title = "Bell \\u0007"', "title"),
    "escape in the description": ('description = "a \\u001b[31m b"', "description"),
    "bad language": ('language = "!!"', "language"),
    "control character in a host": ('hosts = ["John\\u0007 Horn"]', "hosts[0]"),
    "control character in the email": ('owner_email = "a\\u0007b@example.org"', "owner_email"),
    "huge number": ("airing_minutes = 100000000000000000000", "airing_minutes"),
    "nan setting": ("[audio]\ntarget_lufs = nan", "audio.target_lufs"),
    "inf setting": ("[audio]\nhighpass = inf", "audio.highpass"),
    "absurd bit rate": ('[audio]\nbitrate = "99999k"', "audio.bitrate"),
    "active link": (f'link = "{ACTIVE}"', "link"),
    "active base_url": (f'base_url = "{ACTIVE}"', "base_url"),
    "active feed_url": ('feed_url = "data:text/xml,<rss/>"', "feed_url"),
    "active new_feed_url": (f'new_feed_url = "{ACTIVE}"', "new_feed_url"),
    "active funding url": (f'funding = [{{url = "{ACTIVE}", label = "Give"}}]', "funding.url"),
    "active podroll url": (
        f'podroll = [{{feed_guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810", feed_url = "{ACTIVE}"}}]',
        "podroll",
    ),
    "active artwork url": ('artwork = "javascript:alert(1)//.png"', "artwork"),
    "artwork bomb": ('artwork = "bomb.png"', "artwork"),
    "unknown subcategory": ('subcategory = "Film Reviewz"', "subcategory"),
    "integer of 5000 digits": (f"airing_minutes = 1{'0' * 5000}", "not valid TOML"),
    "nested 5000 deep": (f"txt = {'[' * 5000}", "not valid TOML"),
}


def show_toml(line: str) -> str:
    """Return the test show.toml with ``line`` replacing its key's line (tables go at the end)."""
    key = line.split("=")[0].strip()
    lines = [kept for kept in SHOW_TOML.splitlines() if kept.split("=")[0].strip() != key]
    return "\n".join(lines) + "\n" + line + "\n"


@pytest.mark.parametrize("case", sorted(SHOW_CASES))
@pytest.mark.parametrize("command", sorted(SHOW_COMMANDS))
def test_hostile_show_value_is_one_clear_error(command: str, case: str, tmp_path: Path) -> None:
    line, key = SHOW_CASES[case]
    show = make_folder(tmp_path, toml=show_toml(line))
    (show / "bomb.png").write_bytes(png_bomb())
    before, out = snapshot(show), tmp_path / "out"

    code, output = invoke(SHOW_COMMANDS[command](show, out))

    check_one_clear_error(output, code, show / "show.toml", key)
    check_nothing_written(tmp_path, before, out)


def test_artwork_bomb_says_what_it_is(tmp_path: Path) -> None:
    show = make_folder(tmp_path, toml=show_toml('artwork = "bomb.png"'))
    (show / "bomb.png").write_bytes(png_bomb())
    code, output = invoke(["feed", "build", str(show), "-o", str(tmp_path / "out" / "feed.xml")])
    assert code == 1
    assert "has too many pixels to open safely" in output, output


def test_invalid_subcategory_lists_the_valid_ones(tmp_path: Path) -> None:
    show = make_folder(tmp_path, toml=show_toml('subcategory = "Movies"'))
    code, output = invoke(["feed", "build", str(show), "-o", str(tmp_path / "out" / "feed.xml")])
    assert code == 1
    assert (
        "subcategory: 'Movies' is not a subcategory of 'TV & Film' (valid: After Shows, "
        "Film History, Film Interviews, Film Reviews, TV Reviews)"
    ) in output, output


def test_every_show_toml_problem_is_reported_at_once(tmp_path: Path) -> None:
    toml = show_toml('language = "!!"').replace('category = "TV & Film"', 'category = "Film"')
    toml = toml.replace('title = "The Frame"\n', "") + "colour = 'red'\n[audio]\nhighpass = nan\n"
    show = make_folder(tmp_path, toml=toml)
    code, output = invoke(["build", str(show), "-o", str(tmp_path / "out")])
    file = show / "show.toml"
    keys = [
        line.removeprefix(f"Error: {file}: ").split(":")[0]
        for line in output.splitlines()
        if line.startswith(f"Error: {file}: ")
    ]
    assert code == 1
    assert keys == ["colour", "title", "language", "category", "audio.highpass"], output


@pytest.mark.parametrize(
    "data",
    [os.urandom(64) + b"\xff\xfe\x00", "title = 'x'\n".encode("utf-16")],
    ids=["binary", "UTF-16 with BOM"],
)
@pytest.mark.parametrize("command", sorted(SHOW_COMMANDS))
def test_show_toml_not_utf8_is_one_line(command: str, data: bytes, tmp_path: Path) -> None:
    show = make_folder(tmp_path)
    (show / "show.toml").write_bytes(data)
    before, out = snapshot(show), tmp_path / "out"

    code, output = invoke(SHOW_COMMANDS[command](show, out))

    check_one_clear_error(output, code, show / "show.toml", None)
    assert "UTF-8" in output
    check_nothing_written(tmp_path, before, out)


@pytest.mark.parametrize(
    "data",
    [b"---\ntitle: Caf\xe9\n---\n", "---\ntitle: x\n---\n".encode("utf-16")],
    ids=["Latin-1", "UTF-16 with BOM"],
)
@pytest.mark.parametrize("command", sorted(SEGMENT_COMMANDS))
def test_segment_not_utf8_is_one_line(command: str, data: bytes, tmp_path: Path) -> None:
    show = make_folder(tmp_path)
    (show / "segments" / SEGMENT_NAME).write_bytes(data)
    before, out = snapshot(show), tmp_path / "out"

    code, output = invoke(SEGMENT_COMMANDS[command](show, out))

    check_one_clear_error(output, code, show / "segments" / SEGMENT_NAME, None)
    check_nothing_written(tmp_path, before, out)


def test_cover_bomb_is_one_clear_error(tmp_path: Path) -> None:
    show = make_folder(tmp_path)
    (tmp_path / "bomb.png").write_bytes(png_bomb())
    before = snapshot(show)
    code, output = invoke(
        [*SEGMENT_COMMANDS["audio tag"](show, tmp_path), "--cover", str(tmp_path / "bomb.png")]
    )
    check_one_clear_error(output, code, tmp_path / "bomb.png", None)
    assert "too many pixels" in output
    assert snapshot(show) == before


# -- FIFOs: refused before anything waits on them -------------------------------------------------

#: case -> (the file that becomes a FIFO, relative to the test folder; the command's arguments).
FIFO_CASES: dict[str, tuple[str, Callable[[Path, Path], list[str]]]] = {
    "import (page)": (
        "page.txt",
        lambda show, out: ["import", str(show.parent / "page.txt"), "-o", str(out)],
    ),
    "audio inspect": (
        "show/audio/episode.mp3",
        lambda show, out: ["audio", "inspect", str(show / "audio" / "episode.mp3")],
    ),
    "audio master": (
        "show/audio/episode.mp3",
        lambda show, out: [
            "audio",
            "master",
            str(show / "audio" / "episode.mp3"),
            "-o",
            str(out / "m.mp3"),
        ],
    ),
    "audio tag (audio)": ("show/audio/episode.mp3", SEGMENT_COMMANDS["audio tag"]),
    "audio tag (segment)": (f"show/segments/{SEGMENT_NAME}", SEGMENT_COMMANDS["audio tag"]),
    "audio tag (show.toml)": ("show/show.toml", SHOW_COMMANDS["audio tag --show"]),
    "audio tag (cover)": (
        "cover.jpg",
        lambda show, out: [
            *SEGMENT_COMMANDS["audio tag"](show, out),
            "--cover",
            str(show.parent / "cover.jpg"),
        ],
    ),
    "import-feed": (
        "feed.xml",
        lambda show, out: ["import-feed", "--no-fetch", str(show.parent / "feed.xml"), str(out)],
    ),
    "feed validate": (
        "feed.xml",
        lambda show, out: ["feed", "validate", str(show.parent / "feed.xml")],
    ),
    "feed build (show.toml)": ("show/show.toml", SEGMENT_COMMANDS["feed build"]),
    "feed build (segment)": (f"show/segments/{SEGMENT_NAME}", SEGMENT_COMMANDS["feed build"]),
    "feed build (artwork)": ("show/artwork.jpg", SEGMENT_COMMANDS["feed build"]),
    "build (show.toml)": ("show/show.toml", SEGMENT_COMMANDS["build"]),
    "build (segment)": (f"show/segments/{SEGMENT_NAME}", SEGMENT_COMMANDS["build"]),
    "pair (segment)": (f"show/segments/{SEGMENT_NAME}", SEGMENT_COMMANDS["pair"]),
    "pair (timed file)": ("timed.vtt", SEGMENT_COMMANDS["pair"]),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("case", sorted(FIFO_CASES))
def test_fifo_is_refused_without_waiting(case: str, tmp_path: Path) -> None:
    name, command = FIFO_CASES[case]
    show = make_folder(tmp_path)
    fifo = tmp_path / name
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    out = tmp_path / "out"
    args = [sys.executable, "-c", "from segcast.cli import main; main()", *command(show, out)]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case}: still waiting on the FIFO after 60 s")
    key = "artwork" if name.endswith("artwork.jpg") else None
    where = show / "show.toml" if key else fifo
    check_one_clear_error(done.stdout + done.stderr, done.returncode, where, key)
    assert "FIFO" in done.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*")) if out.exists() else []
    assert written == []


def test_control_characters_in_a_page_never_reach_its_segment_file(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(
        b'<html lang="EN"><head><title>A\x01 bell &#7; title</title></head><body>'
        b"<h1>A\x07 bell title</h1><p>Body text\x0b of the interview, long enough to be the "
        b"content of a page.</p><p>Another paragraph of the interview.</p></body></html>"
    )
    code, output = invoke(["import", str(page), "-o", str(tmp_path / "segments")])
    assert code == 0, output
    (written,) = (tmp_path / "segments").iterdir()
    text = written.read_text(encoding="utf-8")
    assert "A bell" in text.split("\n")[1]  # the title line
    assert not any(char in text for char in "\x01\x07\x0b")  # the page's control characters
    assert "language: en\n" in text  # its language tag as segment files take it
    code, output = invoke(["audio", "tag", str(_mp3(tmp_path)), "--segment", str(written)])
    assert code == 0, output  # the importer wrote a file its reader accepts


def _mp3(folder: Path) -> Path:
    path = folder / "episode.mp3"
    path.write_bytes(audio_bytes(1.0))
    return path


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
@pytest.mark.parametrize("field", ["startTime", "endTime"])
def test_timed_json_with_no_number_is_one_clear_error(
    field: str, number: str, tmp_path: Path
) -> None:
    show = make_folder(tmp_path)
    times = {"startTime": "0", "endTime": "1", field: number}  # Python's json reads all four
    timed = tmp_path / "timed.json"
    timed.write_text(
        '{{"version": "1.0.0", "segments": [{{"startTime": {startTime}, "endTime": {endTime}, '
        '"body": "Summary."}}]}}'.format(**times),
        encoding="utf-8",
    )
    before = snapshot(show)
    code, output = invoke(["pair", str(show / "segments" / SEGMENT_NAME), str(timed)])
    check_one_clear_error(output, code, timed, None)
    wanted = (
        "needs a numeric 'startTime'" if field == "startTime" else "has a non-numeric 'endTime'"
    )
    assert f"segments[0] {wanted}" in output, output
    assert snapshot(show) == before


#: Commands no case above runs, and why: what they read holds none of these values.
NOT_READING_VALUES: dict[str, str] = {
    "init": "takes a folder to make; test_bad_input_everywhere gives it files and folders",
    "serve": "serves a published folder as it is; it reads no producer's file",
}


def test_every_command_meets_the_hostile_values() -> None:
    covered = {
        *SEGMENT_COMMANDS,
        *(name.removesuffix(" --show") for name in SHOW_COMMANDS),
        *(case.split(" (")[0] for case in FIFO_CASES),
    }
    every = {f"{group} {name}".strip() for group, names in COMMANDS.items() for name in names}
    assert every - covered == set(NOT_READING_VALUES), every - covered


def test_a_pages_active_urls_are_dropped_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="en"><head><title>A title</title>'
        '<link rel="canonical" href="javascript:alert(1)"></head><body><h1>A title</h1>'
        '<figure><img src="img/a.jpg"><figcaption>The director. (Photo: Ann Lee)</figcaption>'
        "</figure><p>Body text of the interview, long enough to be the content of a page.</p>"
        '<a href="javascript:alert(3).mp3">Download MP3 (30 MB)</a>'
        "<p>Another paragraph of the interview.</p></body></html>",
        encoding="utf-8",
    )
    code, output = invoke(["import", str(page), "-o", str(tmp_path / "segments")])
    assert code == 0, output
    assert (
        f"Warning: {page}: not imported: link: 'javascript:alert(1)' is not an http(s) URL"
        in output
    )
    assert "images[0].url: 'img/a.jpg'" in output
    assert "audio.url: 'javascript:alert(3).mp3'" in output
    (written,) = (tmp_path / "segments").iterdir()
    text = written.read_text(encoding="utf-8")
    assert "javascript:" not in text and "img/a.jpg" not in text
    assert "caption: The director." in text  # the photo's caption and credit stay
    code, output = invoke(["import", "--strict", str(page), "-o", str(tmp_path / "strict")])
    assert code == 1, output  # a warning fails the page under --strict


def test_a_page_whose_file_name_is_not_utf8_imports_to_a_readable_file(tmp_path: Path) -> None:
    page = Path(os.fsdecode(bytes(tmp_path) + b"/\xffpage.txt"))
    page.write_text("A title\n\nSome text of the page, long enough to be one.\n", encoding="utf-8")
    code, output = invoke(["import", str(page), "-o", str(tmp_path / "segments")])
    assert code == 0, output
    (written,) = (tmp_path / "segments").iterdir()
    code, output = invoke(["audio", "tag", str(_mp3(tmp_path)), "--segment", str(written)])
    assert code == 0, output  # source.path keeps the escaped name, and reads back


HOSTILE_FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>Show</title><link>https://example.org/</link><description>A show.</description>
<item><title>One</title><guid>g-1</guid><pubDate>Tue, 05 Apr 2016 10:00:00 -0700</pubDate>
<enclosure url="https://example.org/1.mp3" length="1{zeros}" type="audio/mpeg"/>
<itunes:episode>1{zeros}</itunes:episode><itunes:duration>99999999999</itunes:duration>
</item></channel></rss>
"""


def test_an_imported_feeds_absurd_numbers_are_left_out_with_a_note(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(HOSTILE_FEED.format(zeros="0" * 29), encoding="utf-8")
    code, output = invoke(["import-feed", "--no-fetch", str(feed), str(tmp_path / "show")])
    assert code == 0, output
    for key in ("episode", "audio.size_bytes", "audio.duration_seconds"):
        assert f"Warning: {feed}: {key}: a value the value rules refuse, left out" in output
    (segment,) = (tmp_path / "show" / "segments").iterdir()
    code, output = invoke(["audio", "tag", str(_mp3(tmp_path)), "--segment", str(segment)])
    assert code == 0, output  # import-feed wrote a file its reader accepts
