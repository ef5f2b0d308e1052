"""Alternate encodings: Opus and AAC from the one master, tagged, published, in the feed, cached."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from lxml import etree

import segcast.build.alternates
import segcast.build.master
from audio.alternates import AlternateReport
from audio.loudness import Loudness
from segcast.build import BuildReport, Problem, run_build, run_feed
from segcast.cli import cli
from segcast.config import load_config
from segments.errors import ConfigError
from tests.audio.signals import reference_loudness
from tests.audio.test_tags import ffprobe
from tests.segcast.build.test_run_build import (
    GOLD,
    LOVESONG,
    PINNED_TOML,
    date_segments,
    make_show_dir,
)

PODCAST = "{https://podcastindex.org/namespace/1.0}"
BASE = "https://example.org/the-frame/"
ALTERNATES_TOML = PINNED_TOML + '[audio]\nalternates = ["opus", "aac"]\n'


def build(show: Path, **options: object) -> BuildReport:
    report = run_build(show, show.parent / "out", environ={}, **options)  # type: ignore[arg-type]
    assert report.problems == [], report.problems
    return report


def sri(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, BuildReport]:
    """The show built twice: once to import (undated: no feed), once dated; the first report."""
    show = make_show_dir(tmp_path, ALTERNATES_TOML)
    first = run_build(show, show.parent / "out", environ={}, strict=True)
    date_segments(show)
    build(show)
    return show, first


def test_each_alternate_is_encoded_from_the_master_tagged_and_published(
    built: tuple[Path, BuildReport],
) -> None:
    show, report = built
    assert sorted(report.encoded) == [f"{GOLD}.m4a", f"{GOLD}.opus"]
    out = show.parent / "out"
    master = out / f"{GOLD}.mp3"
    mp3_duration = float(ffprobe(master)["format"]["duration"])
    mp3_loudness, _ = reference_loudness(master)
    for suffix, codec in ((".opus", "opus"), (".m4a", "aac")):
        published = out / f"{GOLD}{suffix}"
        assert published.read_bytes() == (show / "audio" / published.name).read_bytes()
        probed = ffprobe(published)
        (stream,) = [s for s in probed["streams"] if s["codec_type"] == "audio"]
        assert stream["codec_name"] == codec
        tags = {k.lower(): v for k, v in probed["format"].get("tags", {}).items()}
        tags |= {k.lower(): v for k, v in stream.get("tags", {}).items()}
        assert tags["title"] == "Interview with Director Kyungjin Song"
        assert "encoder" not in tags  # no tool names itself in our files
        # The same programme, not a second master: same length, same loudness.
        duration = float(probed["format"]["duration"])
        assert duration == pytest.approx(mp3_duration, abs=0.1)
        loudness, _ = reference_loudness(published)
        assert loudness == pytest.approx(mp3_loudness, abs=0.5)
    # What the build measured of each encoding is what an independent meter reads.
    for encoded in report.encodings:
        integrated, peak = reference_loudness(encoded.output)
        assert encoded.loudness.integrated_lufs == pytest.approx(integrated, abs=0.2)
        assert encoded.loudness.true_peak_dbtp == pytest.approx(peak, abs=0.3)
    assert sorted(e.output.name for e in report.encodings) == sorted(report.encoded)
    # The producer's own MP3 (no raw recording) gets no alternates.
    assert not (out / f"{LOVESONG}.opus").exists()


def test_the_feed_lists_every_encoding_with_real_lengths_and_integrity(
    built: tuple[Path, BuildReport],
) -> None:
    show, _ = built
    out = show.parent / "out"
    feed = etree.parse(str(out / "feed.xml"))
    items = {item.findtext("guid"): item for item in feed.iter("item")}
    (gold,) = [i for i in items.values() if i.find("enclosure").get("url").endswith(f"{GOLD}.mp3")]
    alternates = gold.findall(f"{PODCAST}alternateEnclosure")
    listed = {}
    for alternate in alternates:
        (source,) = alternate.findall(f"{PODCAST}source")
        (integrity,) = alternate.findall(f"{PODCAST}integrity")
        name = source.get("uri").removeprefix(BASE)
        file = out / name
        assert int(alternate.get("length")) == file.stat().st_size
        assert integrity.get("type") == "sri" and integrity.get("value") == sri(file)
        listed[name] = (alternate.get("type"), alternate.get("codecs"), alternate.get("default"))
        assert int(alternate.get("bitrate")) > 16_000
    assert listed == {
        f"{GOLD}.mp3": ("audio/mpeg", "mp3", "true"),
        f"{GOLD}.opus": ("audio/ogg", "opus", None),
        f"{GOLD}.m4a": ("audio/x-m4a", "mp4a.40.2", None),
    }
    # The enclosure stays the MP3 every app plays; LOVESONG (not mastered here) has no list.
    (lovesong,) = [i for i in items.values() if i is not gold]
    assert lovesong.findall(f"{PODCAST}alternateEnclosure") == []
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not parsed.bozo
    assert {e.enclosures[0].type for e in parsed.entries} == {"audio/mpeg"}


def test_a_rebuild_encodes_nothing_and_a_retag_keeps_the_encoding(
    built: tuple[Path, BuildReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    show, _ = built
    opus = show / "audio" / f"{GOLD}.opus"
    stamp = opus.stat().st_mtime_ns

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("encoded again")

    monkeypatch.setattr(segcast.build.alternates, "encode_alternate", refuse)
    monkeypatch.setattr(segcast.build.master, "master", refuse)
    again = build(show)
    assert (again.encoded, sorted(again.encodings_unchanged)) == (
        [],
        [f"{GOLD}.m4a", f"{GOLD}.opus"],
    )
    assert (again.tagged, opus.stat().st_mtime_ns) == ([], stamp)
    # A title edit changes tags: the files are re-tagged in place, not encoded again.
    segment = show / "segments" / f"{GOLD}.md"
    text = segment.read_text(encoding="utf-8")
    segment.write_text(text.replace("Interview with", "Talking with", 1), encoding="utf-8")
    edited = build(show)
    assert (edited.encoded, edited.tagged) == ([], [GOLD])
    (stream,) = [s for s in ffprobe(opus)["streams"] if s["codec_type"] == "audio"]
    assert {k.lower(): v for k, v in stream["tags"].items()}["title"].startswith("Talking with")
    assert edited.encodings_unchanged and build(show).tagged == []


def test_dropping_an_alternate_unpublishes_it(built: tuple[Path, BuildReport]) -> None:
    show, _ = built
    toml = show / "show.toml"
    toml.write_text(PINNED_TOML + '[audio]\nalternates = ["opus"]\n', encoding="utf-8")
    report = build(show)
    assert report.mastered == []  # the alternates list is not a master setting
    out = show.parent / "out"
    assert (out / f"{GOLD}.opus").exists() and not (out / f"{GOLD}.m4a").exists()
    assert f"{GOLD}.m4a" not in (out / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('["flac"]', "audio.alternates: 'flac' is not 'opus' or 'aac'"),
        ('"opus"', "audio.alternates: must be a list of encodings ('opus' or 'aac'), not 'opus'"),
        ('["opus", "opus"]', "audio.alternates: 'opus' is listed twice"),
    ],
)
def test_bad_alternates_name_the_key(tmp_path: Path, value: str, message: str) -> None:
    show = make_show_dir(tmp_path, PINNED_TOML + f"[audio]\nalternates = {value}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(show)
    assert str(caught.value) == f"{show / 'show.toml'}: {message}"


def test_aac_beside_an_m4a_master_is_refused(tmp_path: Path) -> None:
    toml = PINNED_TOML + '[audio]\nformat = "m4a"\nalternates = ["aac"]\n'
    show = make_show_dir(tmp_path, toml)
    with pytest.raises(ConfigError, match=r"audio.alternates: 'aac' is the main format \(m4a\)"):
        load_config(show)


def test_feed_build_alone_lists_the_same_encodings(built: tuple[Path, BuildReport]) -> None:
    show, _ = built
    alone = show.parent / "alone" / "feed.xml"
    report = run_feed(show, alone, environ={})
    assert report.problems == []

    def sources(feed: Path) -> list[str]:
        return [e.get("uri") for e in etree.parse(str(feed)).iter(f"{PODCAST}source")]

    assert sources(alone) == sources(show.parent / "out" / "feed.xml")


def test_the_command_line_flag_has_the_show_toml_name_and_rules(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    out = tmp_path / "out"

    def build_cli(*flags: str) -> tuple[int, str, str]:
        args = ["build", str(show), "-o", str(out), *flags]
        result = CliRunner().invoke(cli, args, obj={}, env={"SEGCAST_BASE_URL": ""})
        return result.exit_code, result.stdout, result.stderr

    assert build_cli("--alternates", "flac") == (
        1,
        "",
        "Error: --alternates: 'flac' is not 'opus' or 'aac'\n",
    )
    code, stdout, _ = build_cli("--alternates", "opus")
    assert (code, (show / "audio" / f"{GOLD}.opus").is_file()) == (0, True)
    assert "alternates: 1 encoded, 0 up to date" in stdout
    code, stdout, _ = build_cli("--alternates", "")
    assert code == 0 and "alternates:" not in stdout
    assert not (out / f"{GOLD}.opus").exists()  # this run publishes none


def test_an_encoding_over_the_true_peak_ceiling_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = segcast.build.alternates.encode_alternate

    def loud(master: Path, dst: Path, name: str) -> AlternateReport:
        made = real(master, dst, name)
        return dataclasses.replace(made, loudness=Loudness(-16.0, 3.0, true_peak_dbtp=-0.4))

    monkeypatch.setattr(segcast.build.alternates, "encode_alternate", loud)
    show = make_show_dir(tmp_path, PINNED_TOML + '[audio]\nalternates = ["opus"]\n')
    report = run_build(show, show.parent / "out", environ={})
    opus = show / "audio" / f"{GOLD}.opus"
    assert Problem(str(opus), "true peak -0.4 dBTP is over the -1 dBTP ceiling") in report.warnings
