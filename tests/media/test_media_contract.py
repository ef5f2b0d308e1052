"""Every committed media fixture through every reader that must agree on what it is.

The readers: the sniffer (``segments.sniff``), the page reader refusing it, the tagger's format
choice (``audio.tags.detect_format``), the feed's enclosure facts (``feeds.media``),
``audio.probe`` (ffmpeg's stream line plus mutagen) and Debian's ``ffprobe`` as the independent
one. What each file is comes from how it was made (README.md), not from any of them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from audio.probe import probe
from audio.tags import detect_format
from feeds.media import read_media_facts
from segments.errors import InputError
from segments.importers.detect import read_page_bytes
from segments.sniff import sniff, sniff_file

HERE = Path(__file__).resolve().parent

#: Readers may differ by up to this much: one MPEG frame at 22.05 kHz is 26 ms.
AGREE_SECONDS = 0.03
#: Encoder delay and padding: what a codec adds to the source's length (LAME: about 1,100
#: samples at each end; AAC: 1,024 priming samples, 128 ms at 8 kHz).
FRAMING_SECONDS = 0.16


@dataclass(frozen=True)
class Fixture:
    """One committed file and what it is, as its maker made it."""

    name: str
    kind: str
    mime: str
    #: The tagger's format, or None where tags are refused.
    tag_format: str | None
    codec: str
    container: str
    source_seconds: float


FIXTURES = [
    Fixture("id3v24-footer.mp3", "mp3", "audio/mpeg", "mp3", "mp3", "mp3", 0.5),
    Fixture("id3-zero-padding.mp3", "mp3", "audio/mpeg", "mp3", "mp3", "mp3", 0.5),
    Fixture("vbr-no-xing.mp3", "mp3", "audio/mpeg", "mp3", "mp3", "mp3", 0.6),
    Fixture("flac-behind-id3.flac", "flac", "audio/flac", "flac", "flac", "flac", 0.5),
    Fixture("adts.aac", "aac", "audio/aac", None, "aac", "aac", 0.5),
    Fixture("adts-behind-id3.aac", "aac", "audio/aac", None, "aac", "aac", 0.5),
    Fixture(
        "m4a-iso5-brand.m4a", "m4a", "audio/x-m4a", "m4a", "aac", "mov,mp4,m4a,3gp,3g2,mj2", 0.5
    ),
]

EACH = pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])


def path_of(fixture: Fixture) -> Path:
    return HERE / fixture.name


def test_every_fixture_is_in_the_matrix_and_tiny() -> None:
    on_disk = {p.name for p in HERE.iterdir() if p.suffix not in (".py", ".md") and p.is_file()}
    assert on_disk == {f.name for f in FIXTURES}
    assert all((HERE / name).stat().st_size < 8 * 1024 for name in on_disk)


@EACH
def test_sniffer(fixture: Fixture) -> None:
    data = path_of(fixture).read_bytes()
    assert sniff_file(path_of(fixture)) == fixture.kind
    assert sniff(data) == fixture.kind  # the same answer from the bytes in memory


@EACH
def test_page_reader_refuses_it_by_name(fixture: Fixture) -> None:
    with pytest.raises(InputError, match=r"is a binary file \((MP3|FLAC|AAC|M4A) audio"):
        read_page_bytes(path_of(fixture))


@EACH
def test_tagger_format_choice(fixture: Fixture) -> None:
    if fixture.tag_format is None:
        with pytest.raises(InputError, match=r"AAC audio \(ADTS\) is not supported for tags"):
            detect_format(path_of(fixture))
    else:
        assert detect_format(path_of(fixture)) == fixture.tag_format


def ffprobe(path: Path) -> tuple[str, str, float]:
    """Return (container, codec, seconds) as Debian's ffprobe reads them.

    The seconds are the sum of the audio packets' durations: for an MP3 without a Xing frame
    ffprobe's format duration is only an estimate from the first frame's bit rate.
    """
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("Debian's ffprobe is not installed (apt-get install ffmpeg): no second reader")
    args = [exe, "-v", "error", "-of", "json", "-select_streams", "a:0"]
    entries = ["-show_entries", "format=format_name:stream=codec_name:packet=duration_time"]
    out = json.loads(
        subprocess.run([*args, *entries, str(path)], capture_output=True, check=True).stdout
    )
    seconds = sum(float(p["duration_time"]) for p in out["packets"])
    return out["format"]["format_name"], out["streams"][0]["codec_name"], seconds


@EACH
def test_ffprobe_agrees_with_how_it_was_made(fixture: Fixture) -> None:
    container, codec, seconds = ffprobe(path_of(fixture))
    assert (container, codec) == (fixture.container, fixture.codec)
    assert fixture.source_seconds <= seconds <= fixture.source_seconds + FRAMING_SECONDS


@EACH
def test_enclosure_facts_agree(fixture: Fixture) -> None:
    path = path_of(fixture)
    facts = read_media_facts(path)
    assert facts.mime_type == fixture.mime
    assert facts.length_bytes == len(path.read_bytes())
    assert facts.duration_seconds == pytest.approx(ffprobe(path)[2], abs=AGREE_SECONDS)


@EACH
def test_probe_agrees(fixture: Fixture) -> None:
    path = path_of(fixture)
    facts = probe(path)
    assert (facts.container, facts.codec) == (fixture.container, fixture.codec)
    assert facts.duration_seconds == pytest.approx(ffprobe(path)[2], abs=AGREE_SECONDS)


# --- each file really has its edge (decoded by hand here, not by the code under test) -------


def tag_end(data: bytes) -> int:
    return 10 + sum((b & 0x7F) << (7 * (3 - i)) for i, b in enumerate(data[6:10]))


def test_footer_fixture_has_a_v24_footer() -> None:
    data = (HERE / "id3v24-footer.mp3").read_bytes()
    assert data[3] == 4 and data[5] & 0x10
    end = tag_end(data)
    assert data[end : end + 3] == b"3DI" and data[end + 10] == 0xFF


def test_padding_fixture_has_zeros_after_its_tag() -> None:
    data = (HERE / "id3-zero-padding.mp3").read_bytes()
    end = tag_end(data)
    assert data[end : end + 1500] == bytes(1500) and data[end + 1500] == 0xFF


def test_vbr_fixture_has_no_xing_and_several_bit_rates() -> None:
    data = (HERE / "vbr-no-xing.mp3").read_bytes()
    assert b"Xing" not in data and b"Info" not in data and b"VBRI" not in data
    frames = [i for i in range(len(data) - 1) if data[i] == 0xFF and data[i + 1] == 0xF3]
    assert len({data[i + 2] >> 4 for i in frames}) > 1  # bit rate index differs between frames


@pytest.mark.parametrize(
    ("name", "marker"), [("flac-behind-id3.flac", b"fLaC"), ("adts-behind-id3.aac", b"\xff\xf1")]
)
def test_stream_starts_right_after_the_tag(name: str, marker: bytes) -> None:
    data = (HERE / name).read_bytes()
    assert data[:3] == b"ID3" and data[tag_end(data) :].startswith(marker)


def test_m4a_fixture_has_a_major_brand_that_is_not_apples() -> None:
    data = (HERE / "m4a-iso5-brand.m4a").read_bytes()
    assert data[4:12] == b"ftypiso5"
