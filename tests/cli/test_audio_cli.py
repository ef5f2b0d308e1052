"""``segcast audio inspect`` and ``segcast audio master`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio.tags import TagFields, write_tags
from segcast.cli import cli
from segments.model import Chapter
from tests.audio import signals

INSPECT_KEYS = [
    "codec",
    "duration_seconds",
    "sample_rate",
    "channels",
    "bitrate_kbps",
    "loudness_lufs",
    "loudness_range_lu",
    "true_peak_dbtp",
    "tags",
    "chapters",
    "has_cover",
    "transcript_chars",
]


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], obj={})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    return signals.write_wav(tmp_path / "take.wav", signals.speech_like(6.0, rms_dbfs=-34.0))


def test_master_prints_a_before_after_report(tmp_path: Path, speech: Path) -> None:
    out = tmp_path / "episode.mp3"
    code, stdout, _ = run("audio", "master", speech, "-o", out)
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0].startswith(f"Mastered {speech} -> {out} in ")
    assert lines[1].startswith("  output     MP3 CBR 128 kbit/s, stereo, 44100 Hz, 6.0")
    assert lines[2].split() == ["before", "after", "target"]
    assert lines[3].split()[0] == "loudness" and lines[3].split()[-2:] == ["-16.0", "LUFS"]
    assert lines[5].split()[:2] == ["true", "peak"] and lines[5].endswith("<= -1.0 dBTP")
    assert abs(signals.reference_loudness(out)[0] + 16.0) <= 0.5


def test_master_json_for_scripts(tmp_path: Path, speech: Path) -> None:
    out = tmp_path / "mono.m4a"
    code, stdout, _ = run("audio", "master", speech, "-o", out, "--mono", "--json")
    assert code == 0
    report = json.loads(stdout)
    assert (report["format"], report["channels"], report["bitrate_kbps"]) == ("m4a", 1, 64)
    assert report["target_lufs"] == -19.0
    assert abs(report["after"]["loudness_lufs"] + 19.0) <= 0.3
    assert report["after"]["true_peak_dbtp"] <= -1.0
    assert report["before"]["loudness_lufs"] < -25.0
    assert report["output"] == str(out)
    assert list(report["before"]) == [
        "loudness_lufs",
        "loudness_range_lu",
        "true_peak_dbtp",
        "sample_peak_dbfs",
    ]
    assert report["before"]["true_peak_dbtp"] is None  # only with --input-peak
    assert report["before"]["sample_peak_dbfs"] < -5.0


def test_master_options_reach_the_file(tmp_path: Path, speech: Path) -> None:
    out = tmp_path / "loud.mp3"
    args = ("--target-lufs", "-14", "--bitrate", "96k", "--true-peak", "-2", "--input-peak")
    args += ("--json",)
    code, stdout, _ = run("audio", "master", speech, "-o", out, *args)
    assert code == 0, stdout
    integrated, true_peak = signals.reference_loudness(out)
    assert abs(integrated + 14.0) <= 0.5 and true_peak <= -2.0
    report = json.loads(stdout)
    assert report["bitrate_kbps"] == 96
    assert report["before"]["true_peak_dbtp"] == pytest.approx(
        report["before"]["sample_peak_dbfs"], abs=1.0
    )


def test_master_speech_processing_flags_are_measured_in_the_report(
    tmp_path: Path, speech: Path
) -> None:
    out = tmp_path / "mono.mp3"
    flags = ("--leveler", "--highpass", "80", "--dehum", "50", "--denoise", "--dual-mono")
    code, stdout, _ = run("audio", "master", speech, "-o", out, "--mono", *flags, "--json")
    assert code == 0, stdout
    report = json.loads(stdout)
    assert (report["reading"], report["target_lufs"]) == ("dual-mono", -16.0)
    assert [e["step"] for e in report["effects"]] == ["highpass", "dehum", "denoise", "leveler"]
    assert all(e["before"] is not None and e["after"] is not None for e in report["effects"])
    integrated, true_peak = signals.reference_loudness(out)
    assert abs(integrated + 16.0) <= 0.5 and true_peak <= -1.0
    code, stdout, _ = run("audio", "master", speech, "-o", out, "--force", "--denoise")
    assert code == 0
    assert "denoise    noise floor (quietest 50 ms): " in stdout


def test_inspect_json_has_exactly_the_documented_keys(tmp_path: Path, speech: Path) -> None:
    out = tmp_path / "episode.mp3"
    assert run("audio", "master", speech, "-o", out)[0] == 0
    chapters = [Chapter(0.0, "Opening"), Chapter(3.0, "Interview", url="https://example.org/i")]
    write_tags(out, TagFields(title="Pilot", artist="Ana"), cover=None, chapters=chapters)

    code, stdout, _ = run("audio", "inspect", out, "--json")

    assert code == 0
    report = json.loads(stdout)
    assert list(report) == INSPECT_KEYS
    assert (report["codec"], report["sample_rate"], report["channels"]) == ("mp3", 44100, 2)
    assert report["bitrate_kbps"] == 128
    assert report["duration_seconds"] == pytest.approx(6.0, abs=0.06)
    assert abs(report["loudness_lufs"] + 16.0) <= 0.5
    assert report["true_peak_dbtp"] <= -1.0
    assert report["tags"]["title"] == "Pilot" and report["tags"]["artist"] == "Ana"
    assert [(c["start_seconds"], c["title"], c["url"]) for c in report["chapters"]] == [
        (0.0, "Opening", None),
        (3.0, "Interview", "https://example.org/i"),
    ]
    assert report["has_cover"] is False


def test_inspect_text_and_silence(tmp_path: Path) -> None:
    silent = signals.write_wav(tmp_path / "room.wav", signals.silence(2.0, channels=1))
    code, stdout, _ = run("audio", "inspect", silent)
    assert code == 0
    assert "  loudness     -inf LUFS (silent)" in stdout.splitlines()
    assert "  channels     1" in stdout.splitlines()
    assert "  true peak    -inf dBTP" in stdout.splitlines()
    code, stdout, _ = run("audio", "inspect", silent, "--json")
    assert json.loads(stdout)["loudness_lufs"] is None


#: args after "audio" (with {wav}, {out} placeholders) -> exit code, stderr.
ERRORS = [
    (["inspect", "{tmp}/absent.mp3"], 1, "Error: {tmp}/absent.mp3: no such file\n"),
    (
        ["master", "{wav}", "-o", "{tmp}/out.ogg"],
        1,
        "Error: {tmp}/out.ogg: unsupported output format '.ogg' (use .mp3 or .m4a)\n",
    ),
    (
        ["master", "{wav}", "-o", "{tmp}/out.mp3", "--format", "m4a"],
        1,
        "Error: {tmp}/out.mp3: suffix .mp3 does not match --format m4a\n",
    ),
    (
        ["master", "{tmp}/silent.wav", "-o", "{tmp}/out.mp3"],
        1,
        "Error: {tmp}/silent.wav: is silent (loudness -inf LUFS); nothing to normalise\n",
    ),
    (
        ["master", "{wav}", "-o", "{wav}", "--format", "mp3"],
        1,
        "Error: {wav}: already exists (use --force to replace it)\n",
    ),
    (
        ["master", "{wav}", "-o", "{wav}", "--format", "mp3", "--force"],
        1,
        "Error: {wav}: is the input; segcast never overwrites its input\n",
    ),
]


@pytest.mark.parametrize(("args", "code", "stderr"), ERRORS)
def test_errors_are_one_line(
    tmp_path: Path, speech: Path, args: list[str], code: int, stderr: str
) -> None:
    signals.write_wav(tmp_path / "silent.wav", signals.silence(2.0))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    filled = [a.format(tmp=tmp_path, wav=speech) for a in args]

    got_code, _, got_stderr = run("audio", *filled)

    assert (got_code, got_stderr) == (code, stderr.format(tmp=tmp_path, wav=speech))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize(
    ("bitrate", "message"),
    [
        ("fast", "bit rate 'fast' is not a number of kbit/s such as 128k"),
        ("8k", "8 kbit/s is outside 32..320"),
        ("400000", "400 kbit/s is outside 32..320"),
        # With a unit the number is kbit/s as written: never read as 99 kbit/s.
        ("99999k", "99999 kbit/s is outside 32..320"),
        ("99999 kbps", "99999 kbit/s is outside 32..320"),
        ("99999", "bit rate '99999' is 99999 bit/s, not a whole number of kbit/s such as 128000"),
    ],
)
def test_bad_bitrate_is_a_usage_error(
    tmp_path: Path, speech: Path, bitrate: str, message: str
) -> None:
    code, _, stderr = run("audio", "master", speech, "-o", tmp_path / "x.mp3", "--bitrate", bitrate)
    assert code == 2
    assert f"Invalid value for '--bitrate': {message}" in stderr
    assert not (tmp_path / "x.mp3").exists()


def test_unknown_format_choice_is_a_usage_error(tmp_path: Path, speech: Path) -> None:
    code, _, stderr = run("audio", "master", speech, "-o", tmp_path / "x.mp3", "--format", "wma")
    assert code == 2
    assert "Invalid value for '--format': 'wma' is not one of 'm4a', 'mp3'." in stderr
