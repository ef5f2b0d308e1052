from __future__ import annotations

from pathlib import Path

import pytest
from mutagen.id3 import ID3, TIT2

from feeds.media import read_media_facts
from segments.errors import InputError
from tests.audio import signals
from tests.feeds.feedcheck import write_audio


@pytest.mark.parametrize(
    ("kind", "mime"),
    [
        ("mp3", "audio/mpeg"),
        ("m4a", "audio/x-m4a"),
        ("ogg", "audio/ogg"),
        ("flac", "audio/flac"),
        ("wav", "audio/wav"),
    ],
)
def test_facts_of_real_files(tmp_path: Path, kind: str, mime: str) -> None:
    path = tmp_path / f"tone.{kind}"
    size = write_audio(path, 2.0, kind)
    facts = read_media_facts(path)
    assert facts.length_bytes == size == path.stat().st_size
    assert facts.mime_type == mime
    assert facts.duration_seconds == pytest.approx(2.0, abs=0.06)


def test_type_comes_from_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "really-m4a.mp3"
    write_audio(path, 1.0, "m4a")
    assert read_media_facts(path).mime_type == "audio/x-m4a"


def test_mp3_behind_a_large_id3_tag_is_mpeg(tmp_path: Path) -> None:
    path = tmp_path / "tagged.mp3"
    write_audio(path, 1.0, "mp3")
    tags = ID3()
    tags.add(TIT2(encoding=3, text=["x" * 5000]))
    tags.save(path)
    facts = read_media_facts(path)
    assert facts.mime_type == "audio/mpeg"
    assert facts.length_bytes == path.stat().st_size > 5000


def test_mp3_with_zero_padding_after_its_id3_tag_is_mpeg(tmp_path: Path) -> None:
    # Some taggers pad with zeros after the ID3v2 tag instead of inside it; players skip them.
    path = tmp_path / "padded.mp3"
    write_audio(path, 1.0, "mp3")
    tags = ID3()
    tags.add(TIT2(encoding=3, text=["title"]))
    tags.save(path, padding=lambda info: 0)
    data = path.read_bytes()
    tag_end = 10 + sum(b << (7 * (3 - i)) for i, b in enumerate(data[6:10]))
    path.write_bytes(data[:tag_end] + bytes(700) + data[tag_end:])
    facts = read_media_facts(path)
    assert facts.mime_type == "audio/mpeg"
    assert facts.length_bytes == len(data) + 700


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "audio file is empty"),
        (b"<html><body>Not found</body></html>", "not an audio file segcast knows"),
    ],
)
def test_non_audio_is_an_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "episode.mp3"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_media_facts(path)
    assert str(caught.value).startswith(f"{path}: {message}")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read audio: No such file or directory"):
        read_media_facts(tmp_path / "gone.mp3")


def test_vbr_mp3_without_xing_header_has_its_real_duration(tmp_path: Path) -> None:
    samples = signals.concat(signals.silence(3.0), signals.noise(3.0))
    wav = signals.write_wav(tmp_path / "in.wav", samples)
    options = ("-c:a", "libmp3lame", "-q:a", "4", "-write_xing", "0")
    path = signals.encode(wav, tmp_path / "vbr.mp3", *options)
    assert read_media_facts(path).duration_seconds == pytest.approx(6.0, abs=0.08)
