"""Test helper: a show folder on disk, written as a producer would write it."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image

from tests.feeds.feedcheck import write_audio

SHOW_TOML = """\
title = "The Frame"
description = "Movies, music, TV, arts and entertainment, straight from Southern California."
link = "https://example.org/the-frame/"
base_url = "https://example.org/the-frame/"
feed_url = "https://example.org/the-frame/feed.xml"
language = "en"
category = "TV & Film"
subcategory = "Film Interviews"
explicit = false
author = "KPCC"
owner_name = "KPCC"
owner_email = "podcasts@example.org"
artwork = "artwork.jpg"
copyright = "2016 KPCC"
type = "episodic"
hosts = ["John Horn"]
airtimes = "Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm"
timezone = "America/Los_Angeles"
"""

#: Two segments as a producer writes them: a date only (a Tuesday) and a full time with offset.
SEGMENTS: dict[str, str] = {
    "lovesong": """\
---
title: "'Lovesong': So Yong Kim on an intimate film"
published: 2016-04-05
link: https://example.org/the-frame/lovesong
people:
- name: John Horn
  role: host
- name: So Yong Kim
  role: guest
  href: https://example.org/people/so-yong-kim
---
So Yong Kim talks about her film.
""",
    "ghostbusters": """\
---
title: Paul Feig on the new Ghostbusters
published: '2016-07-15T19:30:00-07:00'
people:
- name: Paul Feig
  role: guest
---
Paul Feig on rebooting a classic.
""",
}

#: Audio length of each segment above, in seconds.
DURATIONS: dict[str, float] = {"lovesong": 3.0, "ghostbusters": 5.0}


def write_artwork(
    path: Path, fmt: str = "JPEG", size: tuple[int, int] = (1400, 1400), mode: str = "RGB"
) -> None:
    """Write a plain image; by default the smallest square RGB JPEG Apple accepts."""
    path.write_bytes(_image_bytes(fmt, size, mode))


@cache
def _image_bytes(fmt: str, size: tuple[int, int], mode: str) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 128).save(buffer, fmt)
    return buffer.getvalue()


def make_show(
    root: Path,
    segments: dict[str, str] | None = None,
    *,
    toml: str = SHOW_TOML,
    durations: dict[str, float] | None = None,
) -> Path:
    """Write a show folder (show.toml, artwork, segments/*.md, audio/*.mp3) and return it."""
    show_dir = root / "show"
    (show_dir / "segments").mkdir(parents=True)
    (show_dir / "show.toml").write_text(toml, encoding="utf-8")
    write_artwork(show_dir / "artwork.jpg")
    for slug, text in (SEGMENTS if segments is None else segments).items():
        (show_dir / "segments" / f"{slug}.md").write_text(text, encoding="utf-8")
    for slug, seconds in (DURATIONS if durations is None else durations).items():
        write_audio(show_dir / "audio" / f"{slug}.mp3", seconds)
    return show_dir
