"""Test helpers for feeds: tiny real audio made with ffmpeg, and a feed read three ways."""

from __future__ import annotations

import io
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import feedparser
import numpy as np
import podcastparser
from lxml import etree

from audio.ffmpeg import run_ffmpeg

RATE = 44100

#: Output format -> ffmpeg arguments that encode to it.
ENCODINGS: dict[str, list[str]] = {
    "mp3": ["-c:a", "libmp3lame", "-b:a", "64k"],
    "m4a": ["-c:a", "aac", "-b:a", "64k", "-f", "ipod"],
    "ogg": ["-c:a", "libopus", "-b:a", "32k", "-f", "ogg"],
    "flac": ["-c:a", "flac"],
    "wav": ["-c:a", "pcm_s16le"],
}

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}


@cache
def audio_bytes(seconds: float, kind: str = "mp3") -> bytes:
    """Return a real file of ``kind`` holding a ``seconds`` long 440 Hz tone (made once per run)."""
    t = np.arange(int(seconds * RATE)) / RATE
    pcm = (0.3 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2").tobytes()
    folder = Path(tempfile.mkdtemp())
    try:
        out = folder / f"tone.{kind}"
        args = ["-f", "s16le", "-ar", str(RATE), "-ac", "1", "-i", "pipe:0", *ENCODINGS[kind]]
        run_ffmpeg([*args, str(out)], input_bytes=pcm)
        return out.read_bytes()
    finally:
        shutil.rmtree(folder)


def write_audio(path: Path, seconds: float, kind: str = "mp3") -> int:
    """Write a tone to ``path`` and return its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(audio_bytes(seconds, kind))
    return path.stat().st_size


@dataclass
class ParsedFeed:
    """One feed as feedparser, podcastparser and lxml see it."""

    fp: Any
    pp: dict[str, Any]
    root: etree._Element

    def items(self) -> list[etree._Element]:
        return list(self.root.iterfind("channel/item"))

    def item(self, guid: str) -> etree._Element:
        return next(i for i in self.items() if i.findtext("guid") == guid)

    def fp_entry(self, guid: str) -> Any:
        return next(e for e in self.fp.entries if e.id == guid)

    def pp_episode(self, guid: str) -> dict[str, Any]:
        return next(e for e in self.pp["episodes"] if e["guid"] == guid)


def parse_feed(data: bytes, url: str = "https://example.org/the-frame/feed.xml") -> ParsedFeed:
    """Parse ``data`` with all three readers; feedparser must find it well-formed."""
    fp = feedparser.parse(data)
    assert not fp.bozo, fp.get("bozo_exception")
    pp = podcastparser.parse(url, io.BytesIO(data))
    return ParsedFeed(fp=fp, pp=pp, root=etree.fromstring(data))
