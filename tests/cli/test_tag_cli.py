"""``segcast audio tag``: a segment file and show.toml become the episode's tags, in place."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from audio.ffmpeg import run_ffmpeg
from audio.tags import read_tags
from segcast.cli import cli
from tests.audio.test_tags import ID3, mp3_payload, tone_wav
from tests.conftest import EXAMPLES

SEGMENT = """---
title: Interview with Director Kyungjin Song
published: 2024-11-02
episode: 12
guid: urn:uuid:0d7f4f0c-7b55-4e0e-9f6b-3a1f7d4c2b10
link: https://example.org/the-frame/song
people:
  - {name: Kyungjin Song, role: guest}
chapters:
  - start: 0
    title: Hello
  - start: 00:00:01.500
    title: Casting
---
A quiet film about a loud family.

## Transcript

> **John Horn:** What motivated you?

**Kyungjin Song:** Meals and coffee.
"""
TRANSCRIPT = "John Horn: What motivated you?\n\nKyungjin Song: Meals and coffee.\n"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["audio", "tag", *map(str, args)], obj={})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def mp3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-audio")
    tone_wav(folder / "tone.wav")
    run_ffmpeg(["-i", folder / "tone.wav", folder / "tone.mp3"])
    return folder / "tone.mp3"


@pytest.fixture
def work(tmp_path: Path, mp3: Path) -> Path:
    """A folder with episode.mp3 and song.md."""
    shutil.copyfile(mp3, tmp_path / "episode.mp3")
    (tmp_path / "song.md").write_text(SEGMENT, encoding="utf-8")
    return tmp_path


def test_tags_from_segment_and_show(work: Path) -> None:
    show = EXAMPLES / "the-frame" / "show.toml"
    episode = work / "episode.mp3"
    code, out, err = run(episode, "--segment", work / "song.md", "--show", show)
    assert (code, err) == (0, "")
    report = read_tags(episode)
    assert out == (
        f"{episode}: tagged MP3 (ID3v2.3): {len(report.tags)} tags, 2 chapters, cover, "
        f"transcript of {len(TRANSCRIPT)} chars\n"
    )
    assert {k: report.tags.get(k) for k in ("title", "artist", "album", "date", "track")} == {
        "title": "Interview with Director Kyungjin Song",
        "artist": "John Horn",  # the show's host: the segment names none
        "album": "The Frame",
        "date": "2024-11-02",
        "track": "12",
    }
    assert report.tags["feed_url"] == "https://example.org/the-frame/feed.xml"
    assert report.tags["source_url"] == "https://example.org/the-frame/song"
    assert report.tags["episode_guid"] == "urn:uuid:0d7f4f0c-7b55-4e0e-9f6b-3a1f7d4c2b10"
    assert report.tags["airtimes"] == (
        "Weekdays at 3:30pm and 7:30pm, and Saturdays at 2pm (America/Los_Angeles)"
    )
    assert report.transcript == TRANSCRIPT
    assert [(c.start_seconds, c.title) for c in report.chapters] == [
        (0.0, "Hello"),
        (1.5, "Casting"),
    ]
    assert report.has_cover  # the show's artwork.jpg


def test_cover_option_and_id3_24(work: Path) -> None:
    cover = work / "cover.png"
    Image.new("RGB", (2000, 2000), (10, 200, 10)).save(cover)
    episode = work / "episode.mp3"
    payload = mp3_payload(episode.read_bytes())
    code, out, _ = run(episode, "--segment", work / "song.md", "--cover", cover, "--id3", "2.4")
    assert code == 0
    assert "tagged MP3 (ID3v2.4)" in out
    data = episode.read_bytes()
    assert data[3] == 4
    assert mp3_payload(data) == payload
    report = read_tags(episode)
    assert "album" not in report.tags  # no show given, and the segment file names none
    (apic,) = ID3(episode).getall("APIC")
    image = Image.open(io.BytesIO(apic.data))
    assert (image.format, image.size) == ("JPEG", (1400, 1400))
    red, green, blue = image.getpixel((5, 5))  # type: ignore[misc]
    assert abs(red - 10) + abs(green - 200) + abs(blue - 10) <= 6  # JPEG is lossy


@pytest.mark.parametrize(
    ("make", "args", "code", "message"),
    [
        ("none", ["--segment", "missing.md"], 1, "Error: {d}/missing.md: no such file\n"),
        (
            "text",
            ["--segment", "song.md"],
            1,
            "Error: {d}/episode.mp3: not an audio file (expected MP3, M4A, OGG Vorbis, Opus or FLAC)\n",
        ),
        (
            "none",
            ["--segment", "song.md", "--cover", "song.md"],
            1,
            "Error: {d}/song.md: not an image (cover must be JPEG, PNG or another image)\n",
        ),
        (
            "none",
            ["--segment", "song.md", "--show", "nowhere.toml"],
            1,
            "Error: {d}/nowhere.toml: no show.toml here (the show folder needs one)\n",
        ),
        ("none", ["--segment", "song.md", "--id3", "2.2"], 2, "'2.2' is not one of '2.3', '2.4'"),
    ],
)
def test_errors_are_one_line_and_leave_audio_alone(
    work: Path, make: str, args: list[str], code: int, message: str
) -> None:
    episode = work / "episode.mp3"
    if make == "text":
        episode.write_text("not audio\n")
    before = episode.read_bytes()
    listing = sorted(p.name for p in work.iterdir())
    result = run(episode, *[str(work / a) if a.endswith((".md", ".toml")) else a for a in args])
    assert result[0] == code
    if code == 1:
        assert result[2] == message.format(d=work)
    else:
        assert message in result[2]
    assert episode.read_bytes() == before
    assert sorted(p.name for p in work.iterdir()) == listing


def test_json_prints_the_tags_read_back(work: Path) -> None:
    show = EXAMPLES / "the-frame" / "show.toml"
    episode = work / "episode.mp3"
    code, out, err = run(episode, "--segment", work / "song.md", "--show", show, "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert (document["format"], document["id3_version"], document["has_cover"]) == (
        "mp3",
        "2.3",
        True,
    )
    assert document["tags"]["title"] == "Interview with Director Kyungjin Song"
    assert [c["title"] for c in document["chapters"]] == ["Hello", "Casting"]
    assert document["transcript_chars"] == len(TRANSCRIPT)


PAIRED_SEGMENT = """---
title: Two topics
guid: urn:uuid:0d7f4f0c-7b55-4e0e-9f6b-3a1f7d4c2b11
---
Two topics.

## Transcript

### The film

[00:00:00 - 00:00:01.500]

**Ann Lee:** We shot it by the sea.

### The music

[00:00:01.500 - 00:00:02.500]

**Ann Lee:** My brother wrote the songs.
"""


def test_a_paired_segment_gets_the_chapters_the_build_gives_it(work: Path) -> None:
    """After ``segcast pair`` the sections carry times and the front matter lists no chapters:
    the chapters come from the topic headings (segments/chapters.py), as in ``segcast build``."""
    (work / "paired.md").write_text(PAIRED_SEGMENT, encoding="utf-8")
    episode = work / "episode.mp3"
    code, out, err = run(episode, "--segment", work / "paired.md")
    assert (code, err) == (0, ""), out
    assert [(c.start_seconds, c.title) for c in read_tags(episode).chapters] == [
        (0.0, "The film"),
        (1.5, "The music"),
    ]
