"""Audio links as printed on real pages: sizes, download lines, MIME types."""

from __future__ import annotations

import pytest

from segments.importers.audiolinks import (
    mime_from_url,
    parse_download_list,
    parse_download_text,
    parse_duration,
    parse_size,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Download this story 2MB", 2_000_000),
        ("Download: mp3 (30 MB)", 30_000_000),
        ("1.5 GB", 1_500_000_000),
        ("700 KB", 700_000),
        ("700kB", 700_000),
        ("12,3 MB", 12_300_000),  # German decimal comma
        ("1,234 KB", 1_234_000),  # English thousands separator
        ("2 MiB", 2 * 1024 * 1024),
        ("512 bytes", 512),
        ("Download audio", None),
        ("Downloads: 22.273", None),
        ("RES158 mp3", None),
        ("", None),
    ],
)
def test_parse_size(text: str, expected: int | None) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Listen · 3:14", 194.0),
        ("Duration: 1:02:03", 3723.0),
        ("0:59", 59.0),
        ("Airs Weekdays at 3:30pm & 7:30pm", None),
        ("at 8:35 a.m.", None),
        ("3:75", None),
        ("Download audio", None),
    ],
)
def test_parse_duration(text: str, expected: float | None) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://obamawhitehouse.archives.gov/videos/2016/December/20161224_Weekly_Address.mp3",
            "audio/mpeg",
        ),
        ("https://ondemand.npr.org/anon.npr-mp3/npr/atc/2016/12/x.mp3?orgId=1&dl=1", "audio/mpeg"),
        (
            "https://resonator-podcast.de/podlove/file/4030/s/download/c/buttonlist/RES158.m4a",
            "audio/x-m4a",
        ),
        ("https://example.org/a.MP4", "audio/mp4"),
        ("https://example.org/a.aac", "audio/aac"),
        ("https://example.org/a.ogg", "audio/ogg"),
        ("https://example.org/a.opus", "audio/ogg"),
        ("https://example.org/a.flac", "audio/flac"),
        ("https://example.org/a.wav", "audio/wav"),
        ("https://example.org/player.html?file=a.mp3", None),
        ("https://example.org/mp3/", None),
        ("https://example.org/download", None),
    ],
)
def test_mime_from_url(url: str, expected: str | None) -> None:
    assert mime_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "label", "size", "mime", "duration"),
    [
        ("Download this story 2MB", "Download this story", 2_000_000, None, None),
        ("Download: mp3 (30 MB)", "Download: mp3", 30_000_000, "audio/mpeg", None),
        ("Download audio", "Download audio", None, None, None),
        ("Listen · 3:14", "Listen", None, None, 194.0),
        ("  Download\n  MP3 (12,3 MB) ", "Download MP3", 12_300_000, "audio/mpeg", None),
        ("m4a (24 MB)", "m4a", 24_000_000, "audio/x-m4a", None),
    ],
)
def test_parse_download_text(
    text: str, label: str, size: int | None, mime: str | None, duration: float | None
) -> None:
    ref = parse_download_text(text)
    assert ref is not None
    assert (ref.label, ref.size_bytes, ref.mime_type, ref.duration_seconds) == (
        label,
        size,
        mime,
        duration,
    )
    # A size read from text is never an exact enclosure length.
    assert ref.size_is_estimate is (size is not None)
    assert ref.url is None and ref.path is None


@pytest.mark.parametrize(
    "text",
    [
        "Downloads: 22.273",
        "He downloaded it from the internet.",
        "The mp3 format is old.",
        "Arts & Entertainment",
    ],
)
def test_text_that_offers_no_audio(text: str) -> None:
    assert parse_download_text(text) is None


def test_parse_download_list_gives_one_ref_per_format() -> None:
    refs = parse_download_list("Download: mp3 (30 MB)  m4a (24 MB)  opus (16 MB)")
    assert [(r.label, r.size_bytes, r.mime_type, r.size_is_estimate) for r in refs] == [
        ("mp3", 30_000_000, "audio/mpeg", True),
        ("m4a", 24_000_000, "audio/x-m4a", True),
        ("opus", 16_000_000, "audio/ogg", True),
    ]
