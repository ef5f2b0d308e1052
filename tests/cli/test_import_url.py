"""``segcast import URL``: pages fetched from a local server give the segments their files give,
kept in the show's pages/ with URL and fetch time; ``--audio`` downloads the episode's audio."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio.ffmpeg import run_ffmpeg
from segcast.cli import cli
from segments.segmentfile import read_segment
from tests.conftest import EXAMPLES
from tests.httpserver import LocalServer, Route

PAGES = sorted((EXAMPLES / "the-frame" / "pages").iterdir())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={})
    return result.exit_code, result.stdout, result.stderr


def test_pages_by_url_give_the_segments_their_files_give(
    http_server: LocalServer, tmp_path: Path
) -> None:
    urls = [
        http_server.add(
            f"/frame/{page.name}", Route(page.read_bytes(), "text/plain; charset=utf-8")
        )
        for page in PAGES
    ]
    by_file, by_url = tmp_path / "files" / "segments", tmp_path / "show" / "segments"
    assert run("import", *map(str, PAGES), "-o", str(by_file))[0] == 0
    code, _, err = run("import", *urls, "-o", str(by_url))
    assert code == 0, err
    for page, url in zip(PAGES, urls, strict=True):
        kept = tmp_path / "show" / "pages" / page.name
        assert kept.read_bytes() == page.read_bytes()
        [name] = [p.name for p in by_file.iterdir() if read_segment(p).source.path == str(page)]  # type: ignore[union-attr]
        from_file, from_url = read_segment(by_file / name), read_segment(by_url / name)
        source = from_url.source
        assert source is not None and source.url == url and source.path == f"pages/{page.name}"
        assert source.fetched is not None and source.fetched.tzinfo is not None
        assert replace(from_url, source=None) == replace(from_file, source=None)
        assert from_file.source is not None
        assert (from_file.source.path, from_file.source.kind) == (str(page), "text")
        # The kept page is the served bytes: the changed-page check compares the same hash.
        assert source.sha256 is not None and source.sha256 == from_file.source.sha256


def test_a_latin1_page_is_kept_as_utf8_by_its_header_charset(
    http_server: LocalServer, tmp_path: Path
) -> None:
    text = "Café society\n\nHosted by Zoë Müller\n\nA segment about cafés and their regulars."
    url = http_server.add("/cafe", Route(text.encode("latin-1"), "text/plain; charset=ISO-8859-1"))
    code, _, err = run("import", url, "-o", str(tmp_path / "segments"))
    assert code == 0, err
    assert (tmp_path / "pages" / "cafe.txt").read_text("utf-8") == text
    [segment] = [read_segment(p) for p in (tmp_path / "segments").iterdir()]
    assert segment.title == "Café society"


def test_fetch_failures_are_one_line_each_and_the_others_go_on(
    http_server: LocalServer, tmp_path: Path
) -> None:
    good = http_server.add("/good.txt", Route(PAGES[0].read_bytes(), "text/plain"))
    image = http_server.add("/photo", Route(b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "image/png"))
    missing = http_server.url("/missing")
    code, _, err = run("import", image, good, missing, "-o", str(tmp_path / "segments"))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {image}: is image/png, not a page (HTML or text)",
        f"Error: {missing}: HTTP 404 Not Found",
    ]
    assert len(list((tmp_path / "segments").iterdir())) == 1


def _mp3(folder: Path) -> bytes:
    path = folder / "made.mp3"
    run_ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-b:a", "64k", path])
    data = path.read_bytes()
    path.unlink()
    return data


def test_audio_is_downloaded_with_its_real_size_replacing_the_estimate(
    http_server: LocalServer, tmp_path: Path
) -> None:
    audio = _mp3(tmp_path)
    mp3 = http_server.add("/media/story.mp3", Route(audio, "audio/mpeg", behaviour="cut-once"))
    page = (
        "<!doctype html><html><head><title>Gold medal</title></head><body><article>"
        "<h1>Gold medal for a director</h1><p>Hosted by John Horn.</p>"
        "<p>The director talks about her film, its long road and the prize it won.</p>"
        # Relative, as most pages link: resolved against the address the page came from.
        '<p><a href="/media/story.mp3">Download this story 2MB</a></p></article></body></html>'
    )
    assert mp3.endswith("/media/story.mp3")
    url = http_server.add("/story", Route(page.encode()))
    code, _, err = run("import", "--audio", url, "-o", str(tmp_path / "show" / "segments"))
    assert code == 0, err
    [file] = (tmp_path / "show" / "segments").iterdir()
    segment = read_segment(file)
    downloaded = tmp_path / "show" / "audio" / f"{segment.slug}.mp3"
    assert downloaded.is_file(), (err, list((tmp_path / "show").rglob("*")))
    assert downloaded.read_bytes() == audio  # resumed after the cut, whole
    assert segment.audio is not None
    assert (segment.audio.size_bytes, segment.audio.size_is_estimate) == (len(audio), False)
    assert segment.audio.mime_type == "audio/mpeg"
    assert segment.audio.duration_seconds is not None
    assert abs(segment.audio.duration_seconds - 3.0) < 0.1
    assert http_server.requests_for("/media/story.mp3")[1].headers["range"].startswith("bytes=")
    assert not [p for p in (tmp_path / "show").rglob(".*") if p.is_file()]  # no partial left


def test_the_build_downloads_a_new_pages_audio_when_show_toml_says_so(
    http_server: LocalServer, tmp_path: Path
) -> None:
    from tests.feeds.feedcheck import audio_bytes
    from tests.segcast.showdir import SHOW_TOML, make_show

    audio = audio_bytes(2.0, "mp3")
    mp3 = http_server.add("/ep.mp3", Route(audio, "audio/mpeg"))
    show = make_show(tmp_path, {}, toml=SHOW_TOML + "download_audio = true\n", durations={})
    (show / "pages").mkdir()
    (show / "pages" / "story.html").write_text(
        "<!doctype html><html><head><title>A story</title></head><body><article>"
        "<h1>A story from the station</h1><p>Hosted by John Horn.</p>"
        "<p>A long enough paragraph about the story that the page tells its readers.</p>"
        f'<p><a href="{mp3}">Download this story 2MB</a></p></article></body></html>'
    )
    (show / "segments").rmdir()
    code, out, err = run("build", str(show), "-o", str(tmp_path / "out"), "--json")
    [file] = (show / "segments").iterdir()
    segment = read_segment(file)
    assert (show / "audio" / f"{segment.slug}.mp3").read_bytes() == audio, out + err
    assert segment.audio is not None and segment.audio.size_bytes == len(audio)
    assert not segment.audio.size_is_estimate
    assert code == 0, out + err


def test_explain_reads_a_url_and_writes_nothing(
    http_server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = http_server.add("/p.txt", Route(PAGES[0].read_bytes(), "text/plain"))
    code, out, err = run("import", "--explain", url)
    assert code == 0, err
    assert out.startswith(f"{url}:\n  title: ")
    assert list(tmp_path.iterdir()) == []
