"""The files a feed links, judged against the published folder (``feed validate --files DIR``).

The folder holds real files: an MP3 and an Opus file encoded by ffmpeg here, a WebVTT
transcript and a JSON chapters file. Each rule has a case that breaks it alone and the closest
one that passes; the lengths and the hash the passing feed declares are computed here from the
bytes (``os.stat``, ``hashlib``), not by the code under test.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from feeds.validate import validate_feed
from tests.feeds.feedcheck import audio_bytes
from tests.feeds.validate.basefeed import ENC1, NOW, build, ids

SECONDS = 3.0
OLD_ALTERNATE = (
    '<podcast:alternateEnclosure type="audio/opus" length="5678901" bitrate="32000">\n'
    '<podcast:integrity type="sri" value="sha384-ExVqijgYHm15PqQqdXfW95x+Rs6C+d6E/ICxyQOeFevnxNLR'
    '/wtJNrNYTjIysUBo"/>'
)
OLD_TRANSCRIPT = (
    '<podcast:transcript url="https://example.org/the-frame/ava.html" type="text/html"/>'
)
VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n"
CHAPTERS = {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def published(tmp_path: Path, **replace: object) -> Path:
    """Write the folder the base feed's files are published from; ``replace`` changes one."""
    folder = tmp_path / "public"
    folder.mkdir(parents=True, exist_ok=True)
    contents: dict[str, object] = {
        "ava.mp3": audio_bytes(SECONDS, "mp3"),
        "ava.opus": audio_bytes(SECONDS, "ogg"),
        "ava.vtt": VTT,
        "ava.json": json.dumps(CHAPTERS),
    }
    contents.update({name.replace("_", "."): value for name, value in replace.items()})
    for name, value in contents.items():
        data = value if isinstance(value, bytes) else str(value).encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def feed(folder: Path, **change: str) -> bytes:
    """The base feed with its first item's numbers made true of ``folder``'s files."""
    mp3, opus = (folder / "ava.mp3").read_bytes(), (folder / "ava.opus").read_bytes()
    values = {
        "length": str(len(mp3)),
        "duration": str(round(SECONDS)),
        "alt_length": str(len(opus)),
        "integrity": sri(opus),
        **change,
    }
    return build(
        [
            (ENC1, ENC1.replace("12345678", values["length"])),
            (
                "<itunes:duration>1805</itunes:duration>",
                f"<itunes:duration>{values['duration']}</itunes:duration>",
            ),
            (
                OLD_ALTERNATE,
                f'<podcast:alternateEnclosure type="audio/opus" length="{values["alt_length"]}" '
                f'bitrate="32000">\n<podcast:integrity type="sri" value="{values["integrity"]}"/>',
            ),
            (
                OLD_TRANSCRIPT,
                '<podcast:transcript url="https://example.org/the-frame/ava.vtt" type="text/vtt"/>',
            ),
        ]
    )


def test_a_true_feed_passes_with_its_files(tmp_path: Path) -> None:
    folder = published(tmp_path)
    assert validate_feed(feed(folder), "f.xml", now=NOW, files=folder) == []


#: (rule, the folder's files changed, the feed's numbers changed) that break it alone.
CASES: list[tuple[str, dict[str, object], dict[str, str]]] = [
    ("enclosure-length-mismatch", {}, {"length": "12345678"}),
    ("enclosure-duration-mismatch", {}, {"duration": "1805"}),
    ("alternate-length-mismatch", {}, {"alt_length": "5678901"}),
    ("alternate-integrity-mismatch", {}, {"integrity": sri(b"another file")}),
    ("transcript-file-unreadable", {"ava_vtt": "1\n00:00:00,000 --> 00:00:01,000\nHi\n"}, {}),
    ("transcript-file-unreadable", {"ava_vtt": b"WEBVTT\n\n\xff\xfe"}, {}),
    ("chapters-file-spec", {"ava_json": json.dumps({"chapters": []})}, {}),
    (
        "chapters-file-spec",
        {"ava_json": json.dumps({"version": "1.2.0", "chapters": [{"title": "no start"}]})},
        {},
    ),
    (
        "chapters-file-spec",
        {"ava_json": json.dumps({"version": "1.2.0", "chapters": [{"startTime": "0:00"}]})},
        {},
    ),
    (
        "chapters-file-spec",
        {
            "ava_json": json.dumps(
                {"version": "1.2.0", "chapters": [{"startTime": 5, "endTime": 1}]}
            )
        },
        {},
    ),
]


@pytest.mark.parametrize(("rule", "files", "numbers"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_alone_and_passes(
    tmp_path: Path, rule: str, files: dict[str, object], numbers: dict[str, str]
) -> None:
    bad_folder = published(tmp_path / "bad", **files)
    bad = validate_feed(feed(bad_folder, **numbers), "f.xml", now=NOW, files=bad_folder)
    assert ids(bad) == [rule], [f.message for f in bad]
    good_folder = published(tmp_path / "good")
    assert validate_feed(feed(good_folder), "f.xml", now=NOW, files=good_folder) == []


def test_without_the_folder_nothing_is_read(tmp_path: Path) -> None:
    folder = published(tmp_path)
    assert validate_feed(feed(folder, length="12345678"), "f.xml", now=NOW) == []


def test_a_file_not_published_is_not_judged(tmp_path: Path) -> None:
    folder = published(tmp_path)
    data = feed(folder, length="99999", alt_length="99999", integrity=sri(b"x"))
    for name in ("ava.mp3", "ava.opus", "ava.vtt", "ava.json"):
        (folder / name).unlink()
    assert validate_feed(data, "f.xml", now=NOW, files=folder) == []


def test_the_finding_names_the_file_and_both_numbers(tmp_path: Path) -> None:
    folder = published(tmp_path)
    size = (folder / "ava.mp3").stat().st_size
    (finding,) = validate_feed(feed(folder, length="99999"), "f.xml", now=NOW, files=folder)
    assert finding.message == (
        f'channel/item[1] (guid ava-guid)/enclosure -> ava.mp3: length="99999" but the file is '
        f"{size} bytes"
    )
