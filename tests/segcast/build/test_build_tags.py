"""The build's tags (issue 16): album artist, copyright, episode number, the episode's page in
WOAS, and no encoder tag, read back from the published MP3 by mutagen and by Debian's ffprobe."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import mutagen.id3

from segments.segmentfile import read_segment
from tests.segcast.build.test_run_build import GOLD, make_show_dir, run, segment_file

ID3: Any = mutagen.id3.ID3


def test_published_mp3_carries_the_show_and_episode_tags_and_no_encoder(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    run(show, strict=False)  # imports and dates the pages; the producer then numbers one
    path = segment_file(show, GOLD)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\nepisode: 3\n", 1), encoding="utf-8")
    assert read_segment(path).episode == 3
    report = run(show)
    assert report.problems == []

    published = tmp_path / "out" / f"{GOLD}.mp3"
    tags = ID3(published)
    assert tags["TPE2"].text == ["KPCC"]  # show.toml's author
    assert tags["TCOP"].text == ["2016 KPCC"]
    assert tags["TRCK"].text == ["3"]
    assert tags["WOAS"].url == f"https://example.org/the-frame/{GOLD}.html"
    page = tmp_path / "out" / f"{GOLD}.html"
    assert page.is_file()  # WOAS names a page the build published
    assert "TSSE" not in tags

    if shutil.which("ffprobe") is not None:  # the independent reader, when installed
        probe = subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", published],
            capture_output=True,
            check=True,
        )
        format_tags = json.loads(probe.stdout)["format"]["tags"]
        assert (format_tags["album_artist"], format_tags["copyright"]) == ("KPCC", "2016 KPCC")
        assert format_tags["track"] == "3"
        assert "encoder" not in format_tags
