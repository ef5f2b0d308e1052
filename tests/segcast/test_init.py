"""``segcast init [--example] DIR``: a folder that loads, refusals, recordings, and the whole build.

The end-to-end test runs what a new user runs (init --example, build, feed validate, in
subprocesses of the installed console script) and checks with feedparser that every enclosure
length is the published file's byte count.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import wave
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from audio import speech
from segcast import init as init_module
from segcast.cli import cli
from segcast.config import AUDIO_KEYS, KEYS, load_audio_settings, load_show
from segcast.init import FOLDERS, SHOW_TEMPLATE, show_toml_text
from segments.alignment import pair_segment
from segments.errors import AudioError
from segments.importers import read_page
from segments.timedtext import read_timed_file
from tests.conftest import EXAMPLES, REPO
from tests.feeds.w3c import w3c_problems

THE_FRAME = EXAMPLES / "the-frame"
#: Short recordings keep the end-to-end build quick; the cap itself is tested here too.
TEST_MINUTES = "0.4"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={})
    return result.exit_code, result.stdout, result.stderr


def ffprobe_stream(path: Path) -> dict[str, str]:
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("Debian's ffprobe is not installed (apt-get install ffmpeg): no second reader")
    done = subprocess.run(
        [exe, "-v", "error", "-select_streams", "a", "-show_streams", "-of", "json", str(path)],
        capture_output=True,
        check=True,
        text=True,
    )
    (stream,) = json.loads(done.stdout)["streams"]
    return dict(stream)  # the audio stream (a tagged MP3 also has its cover as a video stream)


# -- init DIR --------------------------------------------------------------------------------


def test_init_makes_a_show_folder_that_loads(tmp_path: Path) -> None:
    show = tmp_path / "my-show"
    code, stdout, stderr = run("init", str(show))
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"created {show}: ")
    for folder in FOLDERS:
        assert (show / folder).is_dir()
        assert list((show / folder).iterdir()) == []
    loaded = load_show(show / "show.toml", environ={})
    assert (loaded.title, loaded.category, loaded.artwork) == (
        "My Show",
        "Arts",
        "https://example.com/my-show/artwork.jpg",
    )
    load_audio_settings(show / "show.toml")
    # Nothing left behind beside it (the folder is made under a temporary name first).
    assert [p.name for p in tmp_path.iterdir()] == ["my-show"]


def test_init_into_an_existing_empty_folder(tmp_path: Path) -> None:
    code, _, _ = run("init", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["show.toml", "artwork.jpg", *FOLDERS]
    )


def test_init_dot_fills_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inode = tmp_path.stat().st_ino
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run("init", ".")
    assert (code, stderr) == (0, "")
    assert stdout.startswith("created .: artwork.jpg, audio/, pages/, raw/, segments/, show.toml\n")
    # The folder the shell is in stays that folder (not replaced by a renamed one).
    assert Path.cwd().stat().st_ino == inode
    load_show(Path("show.toml"), environ={})


def test_init_json(tmp_path: Path) -> None:
    show = tmp_path / "s"
    code, stdout, _ = run("init", str(show), "--json")
    assert code == 0
    report = json.loads(stdout)
    assert report["show_dir"] == str(show)
    assert sorted(report["created"]) == sorted(
        str(show / name) for name in ["show.toml", "artwork.jpg", *FOLDERS]
    )
    assert (report["recordings"], report["warnings"]) == ([], [])


@pytest.mark.parametrize("example", [False, True])
def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, example: bool) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, stdout, stderr = run("init", str(tmp_path), *(["--example"] if example else []))
    assert (code, stdout) == (1, "")
    assert stderr == f"Error: {tmp_path}: exists and is not empty; init makes a new show folder\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_init_refuses_a_file(tmp_path: Path) -> None:
    file = tmp_path / "show"
    file.write_text("x", encoding="utf-8")
    code, _, stderr = run("init", str(file))
    assert (code, stderr) == (1, f"Error: {file}: exists and is not a folder\n")


def test_the_template_has_every_key_with_a_comment() -> None:
    text = show_toml_text()
    top, audio = text.split("# [audio]\n")
    # Keys set as placeholders, and keys commented out (each must be valid TOML uncommented).
    written = set(tomllib.loads(top))
    commented = dict(re.findall(r"^# (\w+) = (.+?)(?:  # .*)?$", top, re.MULTILINE))
    assert written | set(commented) == set(KEYS)
    assert not written & set(commented)
    for key in KEYS:
        assert re.search(rf"^# [^\n]+\n#? ?{key} = ", top, re.MULTILINE), key
    required = {key for key, spec in KEYS.items() if spec.required}
    assert required <= written
    audio_keys = re.findall(r"^# (\w+) = .+  # .+$", audio, re.MULTILINE)
    assert audio_keys == list(AUDIO_KEYS)


def test_every_commented_key_loads_when_uncommented(tmp_path: Path) -> None:
    # The examples in the comments are valid values, not just valid TOML.
    init_module.init_show(tmp_path / "s")
    toml = tmp_path / "s" / "show.toml"
    top = toml.read_text(encoding="utf-8").split("# [audio]")[0]
    uncommented = re.sub(r"^# (\w+ = )", r"\1", top, flags=re.MULTILINE)
    toml.write_text(uncommented, encoding="utf-8")
    show = load_show(toml, environ={})
    assert show.locked is True
    assert show.schedule is not None and show.schedule.airtimes
    assert set(SHOW_TEMPLATE) == set(KEYS)


# -- init --example DIR ----------------------------------------------------------------------


@dataclass
class Example:
    show: Path
    report: dict[str, object]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Example:
    show = tmp_path_factory.mktemp("init") / "the-frame"
    code, stdout, stderr = run("init", "--example", str(show), "--max-minutes", "0.4", "--json")
    assert code == 0, stderr
    return Example(show, json.loads(stdout))


def test_example_ships_the_repository_example(example: Example) -> None:
    # segcast/example/ holds links to examples/the-frame/ (one copy in the repository; a wheel
    # ships the files they point at): init writes exactly those files.
    for name in ["show.toml", "artwork.jpg", "pages/lovesong-so-yong-kim.txt"]:
        packaged = REPO / "segcast" / "example" / name
        assert packaged.is_symlink() and packaged.resolve() == (THE_FRAME / name).resolve(), name
    for name in ["show.toml", "artwork.jpg", "pages/lovesong-so-yong-kim.txt"]:
        assert (example.show / name).read_bytes() == (THE_FRAME / name).read_bytes(), name
    assert sorted(p.name for p in (example.show / "pages").iterdir()) == sorted(
        p.name for p in (THE_FRAME / "pages").iterdir()
    )
    assert list((example.show / "segments").iterdir()) == []
    load_show(example.show / "show.toml", environ={})


def test_example_recordings_are_named_by_the_importers_slugs(example: Example) -> None:
    slugs = sorted(read_page(page).segment.slug for page in (THE_FRAME / "pages").iterdir())
    assert sorted(p.stem for p in (example.show / "raw").iterdir()) == slugs
    # Cut at 0.4 minutes, the recordings hold only the start of each page: no word times that
    # the build would then fail to pair with the whole transcript.
    assert not list((example.show / "transcripts").glob("*"))
    recordings = example.report["recordings"]
    assert isinstance(recordings, list)
    assert sorted(r["slug"] for r in recordings) == slugs


def test_example_wavs_are_pcm_of_the_expected_duration(example: Example) -> None:
    recordings = example.report["recordings"]
    assert isinstance(recordings, list) and len(recordings) == 2
    for recording in recordings:
        wav = Path(recording["wav"])
        stream = ffprobe_stream(wav)
        assert (stream["codec_name"], stream["channels"]) == ("pcm_s16le", 1)
        duration = float(stream["duration"])
        # Both pages read aloud last longer than the cap: each recording stops near it.
        assert 0.4 * 60 - 3 <= duration <= 0.4 * 60
        assert duration == pytest.approx(recording["duration_seconds"], abs=0.001)
        assert wav.stat().st_size == recording["size_bytes"]
        with wave.open(str(wav)) as handle:
            assert handle.getnframes() / handle.getframerate() == pytest.approx(duration, abs=1e-3)


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> init_module.InitReport:
    """The example at its default length: each page read to its last word."""
    return init_module.init_example(tmp_path_factory.mktemp("whole") / "x")


def test_example_transcripts_have_monotonic_word_times_inside_the_audio(
    whole: init_module.InitReport,
) -> None:
    for recording in whole.recordings:
        assert recording.transcript is not None
        document = json.loads(recording.transcript.read_text(encoding="utf-8"))
        assert document["version"] == "1.0.0"
        segments = document["segments"]
        assert len(segments) == recording.words > 40
        end = 0.0
        for segment in segments:
            assert end <= segment["startTime"] < segment["endTime"], segment
            end = segment["endTime"]
        assert end <= recording.duration_seconds
        assert segments[0]["body"] in {"Interview", "'Lovesong':"}


def test_example_word_times_pair_with_the_imported_transcript(
    whole: init_module.InitReport,
) -> None:
    # The build pairs transcripts/<slug>.json with the segment it imports from the page.
    for recording in whole.recordings:
        assert recording.transcript is not None
        page = next(
            p
            for p in (THE_FRAME / "pages").iterdir()
            if read_page(p).segment.slug == recording.slug
        )
        pairing = pair_segment(read_page(page).segment, read_timed_file(recording.transcript))
        assert pairing.coverage > 0.9, pairing.summary()
        starts = [s.start_seconds for s in pairing.segment.transcript]
        assert starts == sorted(starts) and starts[-1] < recording.duration_seconds


def test_example_reads_each_page_whole_by_default(whole: init_module.InitReport) -> None:
    report = whole
    for recording in report.recordings:
        page = next(
            p
            for p in (THE_FRAME / "pages").iterdir()
            if read_page(p).segment.slug == recording.slug
        )
        last = read_page(page).segment.transcript[-1].paragraphs[-1].split()[-1]
        assert recording.transcript is not None
        words = json.loads(recording.transcript.read_text(encoding="utf-8"))["segments"]
        assert words[-1]["body"].endswith(last)
        assert recording.duration_seconds < init_module.DEFAULT_MAX_MINUTES * 60


def _fail_to_load() -> None:
    raise AudioError("cannot load eSpeak NG: libespeak-ng.so: wrong ELF class")


@pytest.mark.parametrize(
    ("patch", "problem"),
    [
        ({"espeak_available": lambda: False}, "eSpeak NG is not installed"),
        (
            {"espeak_available": lambda: True, "_espeak": _fail_to_load},
            "cannot load eSpeak NG: libespeak-ng.so: wrong ELF class",
        ),
    ],
)
def test_example_says_how_to_get_speech_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patch: dict[str, object], problem: str
) -> None:
    for name, value in patch.items():
        monkeypatch.setattr(speech, name, value)
    code, stdout, stderr = run("init", "--example", str(tmp_path / "x"), "--max-minutes", "0.1")
    assert code == 0
    assert stderr == (
        f"Warning: {problem}, so the recordings are a speech-like signal, "
        "not speech; for speech: pip install 'segcast[speech]'\n"
    )
    assert stdout.count("speech-like signal") == 2


@pytest.mark.parametrize("minutes", ["0", "31", "many"])
def test_example_refuses_a_length_out_of_range(tmp_path: Path, minutes: str) -> None:
    code, _, stderr = run("init", "--example", str(tmp_path / "x"), "--max-minutes", minutes)
    assert code == 2
    assert "Invalid value for '--max-minutes'" in stderr
    assert not (tmp_path / "x").exists()


# -- end to end: init --example, build, validate -----------------------------------------------


def segcast(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user does."""
    exe = Path(sys.executable).with_name("segcast")
    command = (
        [str(exe)] if exe.is_file() else [sys.executable, "-c", "import segcast.cli as c; c.main()"]
    )
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, timeout=600)


@dataclass
class Built:
    show: Path
    out: Path
    first: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("e2e")
    show, out = root / "the-frame", root / "public"
    done = segcast("init", "--example", show, "--max-minutes", TEST_MINUTES)
    assert done.returncode == 0, done.stderr
    first = segcast("build", show, "-o", out)
    return Built(show, out, first)


def test_example_builds_a_valid_feed_of_the_published_audio(built: Built) -> None:
    assert "audio: 2 mastered" in built.first.stdout  # the first build mastered the recordings
    done = segcast("feed", "validate", built.out / "feed.xml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 error(s)" in done.stdout
    parsed = feedparser.parse((built.out / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert len(parsed.entries) == 2
    base = "https://example.org/the-frame/"
    for entry in parsed.entries:
        (enclosure,) = entry.enclosures
        assert enclosure.href.startswith(base) and enclosure.type == "audio/mpeg"
        published = built.out / enclosure.href[len(base) :]
        assert int(enclosure.length) == published.stat().st_size
        # The enclosure is the mastered recording: MP3 of the raw WAV's length.
        stream = ffprobe_stream(published)
        assert stream["codec_name"] == "mp3"
        raw = built.show / "raw" / f"{published.stem}.wav"
        assert float(stream["duration"]) == pytest.approx(
            float(ffprobe_stream(raw)["duration"]), abs=0.2
        )


def test_example_builds_in_one_command(built: Built) -> None:
    # The undated seed pages are dated at their first publication, with a warning each.
    assert built.first.returncode == 0, built.first.stderr
    warnings = [line for line in built.first.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 2 and all("no published date: dated" in w for w in warnings)


def test_example_feed_is_strict_clean_with_schedule_live_items_and_opus(built: Built) -> None:
    # Issue 12's "done when": the example's own build, checked as a producer would.
    # With --files, the chapters, transcripts and media it links are judged against OUT too.
    feed_xml = built.out / "feed.xml"
    done = segcast("feed", "validate", "--strict", "--json", "--files", built.out, feed_xml)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["findings"] == []
    feed = (built.out / "feed.xml").read_text(encoding="utf-8")
    assert re.search(r'<podcast:updateFrequency rrule="FREQ=WEEKLY;BYDAY=[A-Z,]+">', feed)
    assert "<podcast:liveItem " in feed and "https://example.org/the-frame/live.mp3" in feed
    opus = re.findall(r'<podcast:source uri="https://example.org/the-frame/([^"]+\.opus)"/>', feed)
    assert len(opus) == 2
    for name in opus:
        stream = ffprobe_stream(built.out / name)
        assert stream["codec_name"] == "opus"
        assert f'length="{(built.out / name).stat().st_size}"' in feed


def test_example_feed_passes_the_w3c_engine(built: Built) -> None:
    assert w3c_problems(built.out / "feed.xml", "https://example.org/the-frame/feed.xml") == []
