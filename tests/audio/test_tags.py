"""Tags per format: round trips read back by mutagen and by Debian's ffprobe, untouched audio,
ID3v2.3 vs v2.4, re-tagging that keeps foreign tags, and every error path."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import stat
import struct
import subprocess
import tempfile
import wave
from datetime import date
from pathlib import Path
from typing import Any

import mutagen.flac
import mutagen.id3
import mutagen.mp4
import mutagen.oggopus
import mutagen.oggvorbis
import numpy as np
import pytest
from PIL import Image

from audio.ffmpeg import run_ffmpeg
from audio.tags import TAG_KEYS, TagFields, plan_chapters, read_tags, tag_fields, write_tags
from segments.errors import AudioError, InputError
from segments.model import Chapter, Person, Section, Segment, Show, Source
from segments.schedule import Schedule, parse_airtimes

# mutagen is only partly annotated: used untyped here, as in audio/tags.py.
FLAC: Any = mutagen.flac.FLAC
Picture: Any = mutagen.flac.Picture
ID3: Any = mutagen.id3.ID3
TPUB: Any = mutagen.id3.TPUB
TXXX: Any = mutagen.id3.TXXX
MP4: Any = mutagen.mp4.MP4
MP4FreeForm: Any = mutagen.mp4.MP4FreeForm
OggOpus: Any = mutagen.oggopus.OggOpus
OggVorbis: Any = mutagen.oggvorbis.OggVorbis

FORMATS = ("mp3", "m4a", "ogg", "opus", "flac")
SECONDS = 3.0
RATE = 44_100

FIELDS = TagFields(
    title="Rents ✓ and wages",
    artist="Kim Hill",
    album_artist="Southern California Public Radio",
    album="The Frame",
    copyright="© 2026 Southern California Public Radio",
    date=date(2026, 11, 20),
    track=7,
    comment="Why rents doubled.\n\nAnd what to do.",
    description="Why rents doubled.\n\nAnd what to do.",
    short_description="Why rents doubled.",
    lyrics="Kim Hill: Why now?\n\nAna Ruiz: Because rents doubled.\n",
    language="eng",
    episode_guid="urn:uuid:4b1c0f9e-4f7b-4f55-9a51-0f0b4a1e2c3d",
    feed_url="https://example.org/frame/feed.xml",
    source_url="https://example.org/frame/rents",
    airtimes="Saturdays at 8 am",
)
CHAPTERS = [
    Chapter(0.0, "Intro"),
    Chapter(1.25, "Rents ✓", url="https://example.org/rents"),
    Chapter(2.5, "Wages"),
]
#: What each format reads back of FIELDS (under read_tags' friendly names).
EXPECTED_TAGS = {
    "title": "Rents ✓ and wages",
    "artist": "Kim Hill",
    "album_artist": "Southern California Public Radio",
    "album": "The Frame",
    "copyright": "© 2026 Southern California Public Radio",
    "date": "2026-11-20",
    "genre": "Podcast",
    "track": "7",
    "comment": "Why rents doubled.\n\nAnd what to do.",
    "description": "Why rents doubled.\n\nAnd what to do.",
    "podcast": "1",
    "episode_guid": "urn:uuid:4b1c0f9e-4f7b-4f55-9a51-0f0b4a1e2c3d",
    "feed_url": "https://example.org/frame/feed.xml",
    "source_url": "https://example.org/frame/rents",
    "airtimes": "Saturdays at 8 am",
}


def tone_wav(path: Path, seconds: float = SECONDS) -> None:
    """Write a mono 440 Hz tone as 16-bit WAV."""
    t = np.arange(int(seconds * RATE)) / RATE
    samples = (0.3 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())


@pytest.fixture(scope="module")
def encoded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One short encode per format, made once; tests tag copies."""
    folder = tmp_path_factory.mktemp("encoded")
    tone_wav(folder / "tone.wav")
    files = {"wav": folder / "tone.wav"}
    for fmt in FORMATS:
        files[fmt] = folder / f"tone.{fmt}"
        run_ffmpeg(["-i", folder / "tone.wav", files[fmt]])
    return files


@pytest.fixture
def episode(encoded: dict[str, Path], tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A fresh copy of the encode for the format the test is parametrized with."""
    fmt = request.param
    copy = tmp_path / f"episode.{fmt}"
    shutil.copyfile(encoded[fmt], copy)
    return copy


def jpeg(colour: tuple[int, int, int] = (200, 30, 30), size: int = 64) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(buffer, "JPEG")
    return buffer.getvalue()


COVER = jpeg()


def ffprobe(path: Path) -> dict[str, Any]:
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("Debian's ffprobe is not installed (apt-get install ffmpeg): no second reader")
    done = subprocess.run(
        [
            exe,
            "-v",
            "error",
            "-show_format",
            "-show_streams",
            "-show_chapters",
            "-of",
            "json",
            path,
        ],
        capture_output=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def packet_hashes(path: Path) -> list[tuple[str, str]]:
    """Return the size and MD5 of every audio packet, copied by ffmpeg without decoding.

    Timestamps and side data are left out: Ogg carries the comment header as side data of the
    first packet, and the MP3 demuxer shifts its first timestamp with the tag size.
    """
    done = run_ffmpeg(["-i", path, "-map", "0:a", "-c", "copy", "-f", "framemd5", "-"])
    lines = done.stdout.decode().splitlines()
    rows = [line.split(",") for line in lines if line and not line.startswith("#")]
    return [(row[4].strip(), row[5].strip()) for row in rows]


def mp3_payload(data: bytes) -> bytes:
    """Return what follows the ID3v2 tag of an MP3 (the MPEG frames)."""
    if data[:3] != b"ID3":
        return data
    size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
    footer = 10 if data[5] & 0x10 else 0
    return data[10 + size + footer :]


def flac_frames(data: bytes) -> bytes:
    """Return the FLAC audio frames after the last metadata block."""
    offset = 4
    while True:
        header = data[offset]
        length = int.from_bytes(data[offset + 1 : offset + 4], "big")
        offset += 4 + length
        if header & 0x80:
            return data[offset:]


def names(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


# --- round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("episode", FORMATS, indirect=True)
def test_round_trip_read_tags(episode: Path) -> None:
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    report = read_tags(episode)
    assert {k: report.tags.get(k) for k in EXPECTED_TAGS} == EXPECTED_TAGS
    assert report.has_cover
    assert report.transcript == FIELDS.lyrics
    assert report.transcript_chars == len(FIELDS.lyrics or "")
    assert [(c.start_seconds, c.title) for c in report.chapters] == [
        (0.0, "Intro"),
        (1.25, "Rents ✓"),
        (2.5, "Wages"),
    ]
    assert [c.end_seconds for c in report.chapters[:2]] == [1.25, 2.5]
    assert report.chapters[-1].end_seconds == pytest.approx(SECONDS, abs=0.1)
    assert names(episode) == [episode.name]


#: The container's own key for each value, read with mutagen directly (not through read_tags).
RAW_MUTAGEN: list[tuple[str, str, Any]] = [
    ("mp3", "TIT2", ["Rents ✓ and wages"]),
    ("mp3", "TPE1", ["Kim Hill"]),
    ("mp3", "TALB", ["The Frame"]),
    ("mp3", "TCON", ["Podcast"]),
    ("mp3", "TRCK", ["7"]),
    ("mp3", "TPE2", ["Southern California Public Radio"]),
    ("mp3", "TCOP", ["© 2026 Southern California Public Radio"]),
    ("mp3", "TGID", ["urn:uuid:4b1c0f9e-4f7b-4f55-9a51-0f0b4a1e2c3d"]),
    ("mp3", "TXXX:AIRTIMES", ["Saturdays at 8 am"]),
    ("mp3", "USLT::eng", "Kim Hill: Why now?\n\nAna Ruiz: Because rents doubled.\n"),
    ("mp3", "COMM::eng", ["Why rents doubled.\n\nAnd what to do."]),
    ("m4a", "©nam", ["Rents ✓ and wages"]),
    ("m4a", "©ART", ["Kim Hill"]),
    ("m4a", "©alb", ["The Frame"]),
    ("m4a", "©day", ["2026-11-20"]),
    ("m4a", "trkn", [(7, 0)]),
    ("m4a", "aART", ["Southern California Public Radio"]),
    ("m4a", "cprt", ["© 2026 Southern California Public Radio"]),
    ("m4a", "pcst", True),
    ("m4a", "purl", ["https://example.org/frame/feed.xml"]),
    ("m4a", "egid", ["urn:uuid:4b1c0f9e-4f7b-4f55-9a51-0f0b4a1e2c3d"]),
    ("m4a", "desc", ["Why rents doubled."]),
    ("m4a", "ldes", ["Why rents doubled.\n\nAnd what to do."]),
    ("m4a", "©lyr", ["Kim Hill: Why now?\n\nAna Ruiz: Because rents doubled.\n"]),
    ("ogg", "TITLE", ["Rents ✓ and wages"]),
    ("ogg", "CHAPTER002", ["00:00:01.250"]),
    ("ogg", "CHAPTER002NAME", ["Rents ✓"]),
    ("ogg", "CHAPTER002URL", ["https://example.org/rents"]),
    ("opus", "ARTIST", ["Kim Hill"]),
    ("opus", "CHAPTER003", ["00:00:02.500"]),
    ("flac", "ALBUM", ["The Frame"]),
    ("flac", "ALBUMARTIST", ["Southern California Public Radio"]),
    ("opus", "COPYRIGHT", ["© 2026 Southern California Public Radio"]),
    ("flac", "LYRICS", ["Kim Hill: Why now?\n\nAna Ruiz: Because rents doubled.\n"]),
]
MUTAGEN_CLASSES: dict[str, Any] = {
    "m4a": MP4,
    "ogg": OggVorbis,
    "opus": OggOpus,
    "flac": FLAC,
}


def raw_value(path: Path, fmt: str, key: str) -> Any:
    if fmt == "mp3":
        frame = ID3(path)[key]
        return frame.text if not isinstance(frame.text, list) else list(frame.text)
    return MUTAGEN_CLASSES[fmt](path).tags[key]


@pytest.mark.parametrize(("fmt", "key", "expected"), RAW_MUTAGEN)
def test_mutagen_reads_each_key(
    encoded: dict[str, Path], tmp_path: Path, fmt: str, key: str, expected: Any
) -> None:
    episode = tmp_path / f"e.{fmt}"
    shutil.copyfile(encoded[fmt], episode)
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    assert raw_value(episode, fmt, key) == expected


def test_table_names_every_field_once() -> None:
    fields = [key.field for key in TAG_KEYS]
    assert len(fields) == len(set(fields))
    assert set(fields) <= set(TagFields.__dataclass_fields__)


#: Where ffprobe puts the tags: the container for MP3/M4A/FLAC, the audio stream for Ogg.
FFPROBE_LYRICS_KEY = {"mp3": "lyrics-eng", "m4a": "lyrics", "ogg": "LYRICS", "opus": "LYRICS"}
FFPROBE_LYRICS_KEY["flac"] = "LYRICS"


@pytest.mark.parametrize("episode", FORMATS, indirect=True)
def test_ffprobe_reads_tags_chapters_cover_and_lyrics(episode: Path) -> None:
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    probe = ffprobe(episode)
    audio = next(s for s in probe["streams"] if s["codec_type"] == "audio")
    tags = probe["format"].get("tags") or audio.get("tags") or {}
    tags = {k.lower() if k.isupper() else k: v for k, v in tags.items()}
    assert (tags["title"], tags["artist"], tags["album"]) == (
        "Rents ✓ and wages",
        "Kim Hill",
        "The Frame",
    )
    assert tags[FFPROBE_LYRICS_KEY[episode.suffix[1:]].lower()] == FIELDS.lyrics
    chapters = [
        (float(c["start_time"]), float(c["end_time"]), c["tags"]["title"])
        for c in probe["chapters"]
    ]
    assert [(s, t) for s, _, t in chapters] == [(0.0, "Intro"), (1.25, "Rents ✓"), (2.5, "Wages")]
    assert [e for _, e, _ in chapters[:2]] == [1.25, 2.5]
    pictures = [s for s in probe["streams"] if s["disposition"].get("attached_pic") == 1]
    assert [p["codec_name"] for p in pictures] == ["mjpeg"]


# --- the audio stays as it was ------------------------------------------------------------


@pytest.mark.parametrize("episode", FORMATS, indirect=True)
def test_audio_packets_unchanged(episode: Path) -> None:
    before = packet_hashes(episode)
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    write_tags(episode, FIELDS, cover=jpeg((0, 0, 255)), chapters=CHAPTERS[:1])
    assert packet_hashes(episode) == before
    assert len(before) > 20


@pytest.mark.parametrize(
    ("episode", "payload"), [("mp3", mp3_payload), ("flac", flac_frames)], indirect=["episode"]
)
def test_audio_bytes_unchanged(episode: Path, payload: Any) -> None:
    before = payload(episode.read_bytes())
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS, id3_version=4)
    after = episode.read_bytes()
    assert payload(after) == before
    assert len(after) > len(before) + len(COVER)


def mdat_payload(data: bytes) -> bytes:
    """Return the contents of the (first) mdat box of an MP4."""
    offset = 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[offset + 8 : offset + 16])[0], 16
        if kind == b"mdat":
            return data[offset + header : offset + size]
        offset += size
    raise AssertionError("no mdat box")


@pytest.mark.parametrize("episode", ["m4a"], indirect=True)
def test_m4a_audio_bytes_unchanged_in_mdat(episode: Path) -> None:
    before = mdat_payload(episode.read_bytes())
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    after = mdat_payload(episode.read_bytes())
    # The audio samples are still there, whole and in order; ffmpeg adds the chapter track's
    # few text samples (a length and the title each) beside them.
    assert before in after
    assert len(after) - len(before) == sum(2 + len(c.title.encode()) + 12 for c in CHAPTERS)


@pytest.mark.parametrize("episode", ["m4a"], indirect=True)
def test_m4a_mode_and_faststart(episode: Path) -> None:
    episode.chmod(0o640)
    write_tags(episode, FIELDS, cover=None, chapters=CHAPTERS)
    assert stat.S_IMODE(episode.stat().st_mode) == 0o640
    data = episode.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")  # playable while downloading


# --- ID3 specifics ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "present", "absent"),
    [(3, [b"TYER", b"TDAT"], [b"TDRC"]), (4, [b"TDRC"], [b"TYER", b"TDAT"])],
)
@pytest.mark.parametrize("episode", ["mp3"], indirect=True)
def test_id3_version(
    episode: Path, version: int, present: list[bytes], absent: list[bytes]
) -> None:
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS, id3_version=version)
    data = episode.read_bytes()
    assert data[:5] == b"ID3" + bytes([version, 0])
    tag = data[: 10 + len(data) - len(mp3_payload(data))]
    assert [frame in tag for frame in present] == [True] * len(present)
    assert [frame in tag for frame in absent] == [False] * len(absent)
    assert read_tags(episode).tags["date"] == "2026-11-20"
    assert read_tags(episode).id3_version == f"2.{version}"


@pytest.mark.parametrize("episode", ["mp3"], indirect=True)
def test_id3_chapters_ctoc_ordered_top_level(episode: Path) -> None:
    shuffled = [CHAPTERS[2], CHAPTERS[0], CHAPTERS[1]]
    write_tags(episode, FIELDS, cover=None, chapters=shuffled)
    tags = ID3(episode)
    (toc,) = tags.getall("CTOC")
    assert toc.flags == 3  # top-level | ordered
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    ordered = [chaps[i] for i in toc.child_element_ids]
    assert [(c.start_time, c.end_time) for c in ordered[:2]] == [(0, 1250), (1250, 2500)]
    assert ordered[2].end_time == pytest.approx(SECONDS * 1000, abs=60)
    assert [str(c.sub_frames["TIT2"]) for c in ordered] == ["Intro", "Rents ✓", "Wages"]
    assert {c.start_offset for c in ordered} == {c.end_offset for c in ordered} == {0xFFFFFFFF}
    assert [[f.url for f in c.sub_frames.getall("WXXX")] for c in ordered] == [
        [],
        ["https://example.org/rents"],
        [],
    ]
    assert tags.getall("APIC") == []


@pytest.mark.parametrize("episode", ["mp3"], indirect=True)
def test_id3_cover_and_podcast_frames(episode: Path) -> None:
    write_tags(episode, FIELDS, cover=COVER, chapters=[])
    tags = ID3(episode)
    (apic,) = tags.getall("APIC")
    assert (apic.type, apic.mime, apic.data) == (3, "image/jpeg", COVER)
    assert tags["PCST"].value == 1
    assert tags["WFED"].url == "https://example.org/frame/feed.xml"
    assert tags.getall("WOAS")[0].url == "https://example.org/frame/rents"
    assert tags["TDES"].text == ["Why rents doubled.\n\nAnd what to do."]
    assert tags.getall("CTOC") == tags.getall("CHAP") == []


# --- re-tagging ---------------------------------------------------------------------------


def add_foreign(path: Path, fmt: str) -> None:
    """Add tags another tool wrote: segcast must keep them."""
    if fmt == "mp3":
        tags = ID3(path)
        tags.add(TPUB(encoding=3, text=["Radio House"]))
        tags.add(TXXX(encoding=3, desc="MOOD", text=["calm"]))
        tags.save(path, v2_version=3)
    elif fmt == "m4a":
        mp4 = MP4(path)
        assert mp4.tags is not None
        mp4.tags["©wrt"] = ["Radio House"]
        mp4.tags["----:com.example:MOOD"] = [MP4FreeForm(b"calm")]
        mp4.save()
    else:
        audio = MUTAGEN_CLASSES[fmt](path)
        audio.tags["PUBLISHER"] = ["Radio House"]
        audio.tags["MOOD"] = ["calm"]
        audio.save()


FOREIGN = {
    "mp3": {"TPUB": "Radio House", "TXXX:MOOD": "calm"},
    "m4a": {"©wrt": "Radio House", "----:com.example:MOOD": "calm"},
    "ogg": {"publisher": "Radio House", "mood": "calm"},
}
FOREIGN["opus"] = FOREIGN["flac"] = FOREIGN["ogg"]


@pytest.mark.parametrize("episode", FORMATS, indirect=True)
def test_retag_replaces_own_tags_and_keeps_foreign(episode: Path) -> None:
    fmt = episode.suffix[1:]
    write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    add_foreign(episode, fmt)
    second = TagFields(title="Second title", artist="Ana Ruiz", track=None, lyrics=None)
    write_tags(episode, second, cover=None, chapters=[Chapter(0.5, "Only")])
    report = read_tags(episode)
    assert {k: report.tags.get(k) for k in FOREIGN[fmt]} == FOREIGN[fmt]
    owned = {k: report.tags.get(k) for k in ("title", "artist", "track", "album", "feed_url")}
    assert owned == {
        "title": "Second title",
        "artist": "Ana Ruiz",
        "track": None,
        "album": None,
        "feed_url": None,
    }
    assert [(c.start_seconds, c.title) for c in report.chapters] == [(0.5, "Only")]
    assert report.transcript is None
    assert report.has_cover  # no new cover given: the present one stays


@pytest.mark.parametrize("episode", ["ogg", "flac", "mp3"], indirect=True)
def test_new_cover_replaces_old_one(episode: Path) -> None:
    blue = jpeg((0, 0, 255))
    write_tags(episode, FIELDS, cover=COVER, chapters=[])
    write_tags(episode, FIELDS, cover=blue, chapters=[])
    fmt = episode.suffix[1:]
    if fmt == "mp3":
        covers = [f.data for f in ID3(episode).getall("APIC")]
    elif fmt == "flac":
        covers = [p.data for p in FLAC(episode).pictures]
    else:
        encoded = OggVorbis(episode).tags["METADATA_BLOCK_PICTURE"]
        covers = [Picture(base64.b64decode(v)).data for v in encoded]
    assert covers == [blue]


# --- fields from the model ----------------------------------------------------------------


@pytest.mark.parametrize("episode", FORMATS, indirect=True)
def test_ffprobe_reads_album_artist_copyright_track_and_no_encoder(episode: Path) -> None:
    """Issue 16: TPE2, TCOP, TRCK (and their MP4/Vorbis places); ffmpeg's encoder tag is gone."""
    assert "encoder" in _probe_tags(episode)  # the control: ffmpeg's encode wrote one
    write_tags(episode, FIELDS, cover=None, chapters=[])
    tags = _probe_tags(episode)  # ffmpeg reads ALBUMARTIST and TRACKNUMBER under these names
    assert tags["album_artist"] == "Southern California Public Radio"
    assert tags["copyright"] == "© 2026 Southern California Public Radio"
    assert tags["track"].split("/")[0] == "7"
    assert "encoder" not in tags


def _probe_tags(path: Path) -> dict[str, str]:
    probe = ffprobe(path)
    audio = next(s for s in probe["streams"] if s["codec_type"] == "audio")
    tags = {**(audio.get("tags") or {}), **(probe["format"].get("tags") or {})}
    return {k.lower(): v for k, v in tags.items() if k.lower() not in ("vendor_id", "language")}


@pytest.mark.parametrize(
    ("fields", "chapters", "key"),
    [
        (TagFields(source_url="javascript:alert(1)"), [], "link"),
        (TagFields(feed_url="file:///srv/feed.xml"), [], "feed_url"),
        (
            TagFields(),
            [Chapter(0, "a"), Chapter(1, "b", url="data:text/html,x")],
            "chapters[1].url",
        ),
        (TagFields(), [Chapter(0, "a", url="intro.html")], "chapters[0].url"),
    ],
)
@pytest.mark.parametrize("episode", ["mp3"], indirect=True)
def test_url_frames_refuse_what_is_not_http(
    episode: Path, fields: TagFields, chapters: list[Chapter], key: str
) -> None:
    """WOAS, WFED and a chapter's WXXX are opened by players: http(s) only, else an error naming
    the file and the key, and the file is left as it was."""
    before = episode.read_bytes()
    with pytest.raises(InputError) as caught:
        write_tags(episode, fields, cover=None, chapters=chapters)
    assert caught.value.where == str(episode)
    assert caught.value.message.startswith(f"{key}: ")
    assert "is not an http(s) URL" in caught.value.message
    assert episode.read_bytes() == before


def test_tag_fields_name_the_episode_page_in_woas_before_the_link() -> None:
    segment = Segment(
        slug="x", title="X", link="https://example.org/x", source=Source(url="https://p.org/x")
    )
    show = Show(author="KPCC", copyright="2026 KPCC")
    fields = tag_fields(segment, show, "https://example.org/the-frame/x.html")
    assert (fields.source_url, fields.album_artist, fields.copyright) == (
        "https://example.org/the-frame/x.html",
        "KPCC",
        "2026 KPCC",
    )
    assert (
        tag_fields(segment, show).source_url == "https://example.org/x"
    )  # the link, then the page


def test_tag_fields_from_segment_and_show() -> None:
    segment = Segment(
        slug="rents",
        title="Rents and wages",
        summary="Why rents doubled.\n\nAnd what to do.",
        published=date(2026, 11, 20),
        people=[Person("Ana Ruiz", "guest"), Person("Kim Hill", "host")],
        transcript=[Section(paragraphs=["Because."], question="Why?", speaker="Ana Ruiz")],
        source=Source(url="https://example.org/frame/rents"),
        guid="guid-7",
        language="de-AT",
        episode=7,
    )
    show = Show(
        title="The Frame",
        hosts=["Someone Else"],
        feed_url="https://example.org/frame/feed.xml",
        schedule=Schedule(text="Saturdays at 8 am"),
    )
    assert tag_fields(segment, show) == TagFields(
        title="Rents and wages",
        artist="Kim Hill",
        album="The Frame",
        date=date(2026, 11, 20),
        track=7,
        comment="Why rents doubled.\n\nAnd what to do.",
        description="Why rents doubled.\n\nAnd what to do.",
        short_description="Why rents doubled.",
        lyrics="Why?\n\nAna Ruiz: Because.\n",
        language="deu",
        episode_guid="guid-7",
        feed_url="https://example.org/frame/feed.xml",
        source_url="https://example.org/frame/rents",
        airtimes="Saturdays at 8 am",
    )


def test_tag_fields_fall_back_to_show_hosts_and_page_link() -> None:
    segment = Segment(
        slug="x", title="X", link="https://example.org/x", show=Show(title="Page show")
    )
    fields = tag_fields(segment, None)
    assert (fields.artist, fields.album, fields.source_url, fields.lyrics, fields.language) == (
        None,
        "Page show",
        "https://example.org/x",
        None,
        "eng",
    )
    assert tag_fields(segment, Show(hosts=["A", "B"])).artist == "A, B"


# --- errors -------------------------------------------------------------------------------


def make_bad(tmp_path: Path, kind: str, encoded: dict[str, Path]) -> Path:
    if kind == "missing":
        return tmp_path / "gone.mp3"
    if kind == "text":
        path = tmp_path / "notes.mp3"
        path.write_text("These are show notes, not audio.\n")
    elif kind == "empty":
        path = tmp_path / "empty.m4a"
        path.write_bytes(b"")
    elif kind == "wav":
        path = tmp_path / "raw.wav"
        shutil.copyfile(encoded["wav"], path)
    elif kind == "truncated-m4a":
        path = tmp_path / "cut.m4a"
        path.write_bytes(encoded["m4a"].read_bytes()[:40])
    elif kind == "id3-garbage":
        path = tmp_path / "fake.mp3"
        path.write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"not mpeg at all " * 64)
    elif kind == "webm":
        path = tmp_path / "talk.webm"
        run_ffmpeg(["-i", encoded["wav"], "-t", "0.5", "-c:a", "libopus", path])
    elif kind == "ogg-flac":
        path = tmp_path / "talk.oga"
        run_ffmpeg(["-i", encoded["wav"], "-t", "0.5", "-c:a", "flac", "-f", "ogg", path])
    else:  # directory
        path = tmp_path / "folder.mp3"
        path.mkdir()
    return path


ERRORS = [
    ("missing", InputError, "gone.mp3: no such file"),
    (
        "text",
        InputError,
        "notes.mp3: not an audio file (expected MP3, M4A, OGG Vorbis, Opus or FLAC)",
    ),
    ("empty", InputError, "empty.m4a: empty file, not audio"),
    ("wav", InputError, "raw.wav: WAV files are not tagged; master to MP3 or M4A first"),
    ("truncated-m4a", InputError, "cut.m4a: cannot read M4A file ("),
    ("id3-garbage", InputError, "fake.mp3: cannot read MP3 file ("),
    ("directory", InputError, "folder.mp3: is a directory"),
    (
        "webm",
        InputError,
        "talk.webm: Matroska/WebM is not supported for tags; use MP3, M4A, OGG, Opus or FLAC",
    ),
    (
        "ogg-flac",
        InputError,
        "talk.oga: Ogg (not Vorbis or Opus) is not supported for tags; use MP3, M4A, OGG, Opus or FLAC",
    ),
]


@pytest.mark.parametrize(("kind", "error", "message"), ERRORS)
def test_bad_input_is_one_clear_error(
    tmp_path: Path, encoded: dict[str, Path], kind: str, error: type[Exception], message: str
) -> None:
    path = make_bad(tmp_path, kind, encoded)
    before = sorted(p.name for p in tmp_path.iterdir())
    content = path.read_bytes() if path.is_file() else None
    with pytest.raises(error) as caught:
        write_tags(path, FIELDS, cover=COVER, chapters=CHAPTERS)
    assert str(caught.value).startswith(f"{tmp_path}/{message}")
    assert "\n" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (path.read_bytes() if path.is_file() else None) == content


@pytest.mark.parametrize(("kind", "message"), [(k, m) for k, _, m in ERRORS if k != "wav"])
def test_read_tags_errors(
    tmp_path: Path, encoded: dict[str, Path], kind: str, message: str
) -> None:
    path = make_bad(tmp_path, kind, encoded)
    with pytest.raises(InputError) as caught:
        read_tags(path)
    assert str(caught.value).startswith(f"{tmp_path}/{message}")


def test_read_tags_of_untagged_wav(encoded: dict[str, Path]) -> None:
    report = read_tags(encoded["wav"])
    assert (report.format, report.tags, report.chapters, report.has_cover) == ("wav", {}, [], False)


@pytest.mark.parametrize(
    ("chapters", "message"),
    [
        (
            [Chapter(9.0, "Late")],
            "chapter 'Late' starts at 00:00:09.000, after the end of the audio",
        ),
        ([Chapter(-1.0, "Early")], "chapter 'Early' starts before 0:00"),
        ([Chapter(2.0, "Backwards", end_seconds=1.0)], "chapter 'Backwards' ends before it starts"),
    ],
)
@pytest.mark.parametrize("episode", ["mp3", "m4a"], indirect=True)
def test_bad_chapters(episode: Path, chapters: list[Chapter], message: str) -> None:
    before = episode.read_bytes()
    with pytest.raises(InputError) as caught:
        write_tags(episode, FIELDS, cover=None, chapters=chapters)
    assert str(caught.value).startswith(f"{episode}: {message}")
    assert episode.read_bytes() == before
    assert names(episode) == [episode.name]


@pytest.mark.parametrize(
    ("chapters", "duration", "ends"),
    [
        ([Chapter(0.0, "A"), Chapter(2.0, "B")], 5.0, [2.0, 5.0]),
        ([Chapter(0.0, "A"), Chapter(2.0, "B", end_seconds=9.0)], 5.0, [2.0, 5.0]),
        # Duration unknown (None, not 0): nothing is checked against it, stated ends stand.
        ([Chapter(7.0, "B", end_seconds=9.0), Chapter(0.0, "A")], None, [7.0, 9.0]),
    ],
)
def test_plan_chapters(chapters: list[Chapter], duration: float | None, ends: list[float]) -> None:
    assert [c.end_seconds for c in plan_chapters(chapters, duration, Path("x.md"))] == ends


def test_plan_chapters_without_duration_needs_the_last_end() -> None:
    with pytest.raises(
        InputError, match="chapter 'B' needs an end: the audio's duration is unknown"
    ):
        plan_chapters([Chapter(0.0, "A"), Chapter(2.0, "B")], None, Path("x.md"))


@pytest.mark.parametrize("episode", ["mp3"], indirect=True)
def test_bad_id3_version(episode: Path) -> None:
    with pytest.raises(AudioError, match=r"ID3 version must be 2\.3 or 2\.4, not 2\.2"):
        write_tags(episode, FIELDS, cover=None, chapters=[], id3_version=2)


@pytest.mark.parametrize("episode", ["mp3", "m4a", "ogg"], indirect=True)
def test_unwritable_directory(episode: Path) -> None:
    before = episode.read_bytes()
    folder = episode.parent
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only directory is still writable")
        with pytest.raises(InputError, match=r"episode\.\w+: cannot write: Permission denied"):
            write_tags(episode, FIELDS, cover=None, chapters=[])
    finally:
        folder.chmod(0o755)
    assert episode.read_bytes() == before
    assert names(episode) == [episode.name]


@pytest.mark.parametrize("episode", ["mp3", "m4a", "flac"], indirect=True)
def test_failure_while_renaming_leaves_input_and_no_temp(
    episode: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = episode.read_bytes()

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match=f"{episode.name}: cannot write: Permission denied"):
        write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    assert episode.read_bytes() == before
    assert names(episode) == [episode.name]


def test_mp4_with_video_is_refused(tmp_path: Path, encoded: dict[str, Path]) -> None:
    video = tmp_path / "clip.mp4"
    run_ffmpeg(
        ["-f", "lavfi", "-i", "color=c=red:s=32x32:d=1", "-i", encoded["wav"], "-t", "1",
         "-c:v", "mpeg4", "-c:a", "aac", video]
    )  # fmt: skip
    before = video.read_bytes()
    with pytest.raises(InputError, match=r"clip\.mp4: has a video track; segcast tags audio-only"):
        write_tags(video, FIELDS, cover=None, chapters=[])
    assert video.read_bytes() == before
    assert struct.unpack(">4s", before[4:8]) == (b"ftyp",)


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (
            parse_airtimes("Weekdays at 3:30pm & 7:30pm", "America/Los_Angeles"),
            "Weekdays at 3:30pm and 7:30pm (America/Los_Angeles)",
        ),
        (Schedule(text="Saturdays, after the news"), "Saturdays, after the news"),
        (Schedule(), None),
        (None, None),
    ],
)
def test_airtimes_sentence(schedule: Schedule | None, expected: str | None) -> None:
    fields = tag_fields(Segment(slug="x", title="X"), Show(schedule=schedule))
    assert fields.airtimes == expected


@pytest.mark.parametrize("episode", ["mp3", "ogg"], indirect=True)
def test_temp_file_cannot_be_created(episode: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only directory does for a user who is not root."""
    before = episode.read_bytes()

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError) as caught:
        write_tags(episode, FIELDS, cover=COVER, chapters=CHAPTERS)
    assert str(caught.value) == f"{episode}: cannot write: Permission denied"
    assert episode.read_bytes() == before
    assert names(episode) == [episode.name]


@pytest.mark.parametrize("version", [3, 4])
@pytest.mark.parametrize("episode", ["mp3"], indirect=True)
def test_id3_urls_are_percent_encoded(episode: Path, version: int) -> None:
    fields = TagFields(title="Café", feed_url="https://example.org/café/feed.xml")
    chapters = [Chapter(0.0, "Café ✓", url="https://example.org/café ✓")]
    write_tags(episode, fields, cover=None, chapters=chapters, id3_version=version)
    report = read_tags(episode)
    assert report.tags["feed_url"] == "https://example.org/caf%C3%A9/feed.xml"
    assert [(c.title, c.url) for c in report.chapters] == [
        ("Café ✓", "https://example.org/caf%C3%A9%20%E2%9C%93")
    ]
    assert report.tags["title"] == "Café"


@pytest.mark.parametrize("episode", FORMATS, indirect=True)
def test_untagged_file_without_chapters_reads_empty(episode: Path) -> None:
    # A freshly encoded file, as ffmpeg writes it: no chapters, no cover, no segcast tags.
    report = read_tags(episode)
    assert report.chapters == []
    assert report.has_cover is False
    assert "title" not in report.tags


def test_chapters_of_a_vbr_mp3_without_xing_header(tmp_path: Path) -> None:
    # 3 s of silence, then 3 s of noise: without a Xing frame mutagen guesses about 4 s from the
    # first (quiet, cheap) frame; a chapter at 5 s is inside the audio and the last one ends at 6.
    from tests.audio import signals

    samples = signals.concat(signals.silence(3.0), signals.noise(3.0))
    wav = signals.write_wav(tmp_path / "in.wav", samples)
    options = ("-c:a", "libmp3lame", "-q:a", "4", "-write_xing", "0")
    path = signals.encode(wav, tmp_path / "vbr.mp3", *options)
    write_tags(path, FIELDS, cover=None, chapters=[Chapter(0, "Quiet"), Chapter(5.0, "Loud")])
    chap = mutagen.id3.ID3(path).getall("CHAP")
    ends = sorted((frame.start_time, frame.end_time) for frame in chap)
    assert ends[0] == (0, 5000)
    assert ends[1][0] == 5000 and ends[1][1] == pytest.approx(6000, abs=80)
