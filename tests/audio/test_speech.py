"""Generated speech: word times against the audio's own energy, WAVs read by ffprobe, the script.

Both engines run the same contract: eSpeak NG (the ``segcast[speech]`` extra, skipped with that
reason where it is missing) and the speech-like signal used without it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from audio import speech
from audio.speech import (
    Engine,
    Speech,
    Turn,
    Word,
    script,
    speak,
    synthesise,
    words_json,
    write_wav,
)
from segments.errors import AudioError
from segments.importers import read_page
from tests.conftest import EXAMPLES, REPO

GOLD_PAGE = EXAMPLES / "the-frame" / "pages" / "gold-medal-kyungjin-song.txt"

#: A short interview: host and guest alternate, so there are pauses between turns.
TURNS = [
    Turn("'Lovesong': another intimate film from director So Yong Kim.", "host", "James Kim"),
    Turn("How did you get into filmmaking?", "host", "James Kim"),
    Turn(
        "I didn't really choose filmmaking as a career path, per se; it kind of chose me.",
        "guest",
        "So Yong Kim",
    ),
    Turn("What was the inspiration behind “Lovesong”?", "host", "James Kim"),
    Turn("As I'm getting older, you reflect on the regrets you might have — 11 of them.", "guest"),
]


def _engines() -> list[object]:
    real = pytest.param(
        "espeak-ng",
        marks=pytest.mark.skipif(
            not speech.espeak_available(),
            reason="eSpeak NG is not installed (pip install 'segcast[speech]')",
        ),
    )
    return [real, "signal"]


@pytest.fixture(params=_engines(), scope="module")
def engine(request: pytest.FixtureRequest) -> Engine:
    value: Engine = request.param
    return value


@pytest.fixture(scope="module")
def spoken(engine: Engine) -> Speech:
    return speak(TURNS, engine=engine)


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Read a 16-bit mono WAV back with the standard library (not the code under test)."""
    with wave.open(str(path), "rb") as handle:
        assert (handle.getnchannels(), handle.getsampwidth()) == (1, 2)
        rate = handle.getframerate()
        data = handle.readframes(handle.getnframes())
    return np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768, rate


def dbfs(samples: np.ndarray) -> float:
    """Return the RMS level of ``samples`` in dBFS (-inf for digital silence)."""
    rms = float(np.sqrt(np.mean(samples**2))) if len(samples) else 0.0
    return 20 * np.log10(rms) if rms > 0 else float("-inf")


def test_importing_the_module_loads_no_espeak() -> None:
    # GPL-3.0 code is only ever loaded when speech is asked for, never by an import.
    code = (
        "import sys, audio.speech, segcast.cli, segcast.init; "
        "assert 'espeakng_loader' not in sys.modules, 'imported'; "
        "maps = open('/proc/self/maps').read() if sys.platform == 'linux' else ''; "
        "assert 'libespeak' not in maps, 'loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_words_are_the_text_in_order(spoken: Speech) -> None:
    # Every token of the script is in exactly one word (punctuation kept), in order.
    assert " ".join(w.text for w in spoken.words) == " ".join(
        " ".join(t.text.split()) for t in TURNS
    )
    assert [w.speaker for w in spoken.words][-1] is None
    assert {w.speaker for w in spoken.words[:5]} == {"James Kim"}


def test_word_times_are_monotonic_and_inside_the_audio(spoken: Speech) -> None:
    previous_end = 0.0
    for word in spoken.words:
        assert previous_end <= word.start_seconds < word.end_seconds, word
        previous_end = word.end_seconds
    assert spoken.words[-1].end_seconds <= spoken.duration_seconds
    assert spoken.words[0].start_seconds < 0.5


def test_speech_where_the_words_are_quiet_in_the_pauses(spoken: Speech, tmp_path: Path) -> None:
    path = tmp_path / "speech.wav"
    write_wav(spoken, path)
    samples, rate = read_wav(path)

    def span(start: float, end: float) -> np.ndarray:
        return samples[round(start * rate) : round(end * rate)]

    # Each word holds sound: louder than -40 dBFS over its span (speech here is about -20).
    quiet_words = [w for w in spoken.words if dbfs(span(w.start_seconds, w.end_seconds)) < -40]
    assert quiet_words == []
    # Between turns (the gaps of 0.3 s or more) it is silent: below -55 dBFS.
    gaps = [
        (a.end_seconds, b.start_seconds)
        for a, b in zip(spoken.words, spoken.words[1:], strict=False)
        if b.start_seconds - a.end_seconds >= 0.3
    ]
    assert len(gaps) >= len(TURNS) - 1
    for start, end in gaps:
        assert dbfs(span(start + 0.02, end - 0.02)) < -55, (start, end)
    # And the words at the edges of those pauses end and start with sound, not with silence:
    # the times are where the voice stops and starts again, within 30 ms.
    for start, end in gaps:
        assert dbfs(span(start - 0.03, start)) > -50, start
        assert dbfs(span(end, end + 0.03)) > -50, end


def test_ffprobe_reads_the_wav_as_pcm_of_its_length(spoken: Speech, tmp_path: Path) -> None:
    exe = shutil.which("ffprobe")
    if exe is None:
        pytest.skip("Debian's ffprobe is not installed (apt-get install ffmpeg): no second reader")
    path = tmp_path / "speech.wav"
    write_wav(spoken, path)
    done = subprocess.run(
        [exe, "-v", "error", "-show_streams", "-of", "json", str(path)],
        capture_output=True,
        check=True,
        text=True,
    )
    (stream,) = json.loads(done.stdout)["streams"]
    assert (stream["codec_name"], stream["channels"]) == ("pcm_s16le", 1)
    assert int(stream["sample_rate"]) == spoken.sample_rate
    assert float(stream["duration"]) == pytest.approx(spoken.duration_seconds, abs=0.001)
    assert spoken.duration_seconds > 10  # five turns of speech, not an empty file


@pytest.mark.parametrize("max_seconds", [1.0, 4.5])
def test_max_seconds_cuts_after_a_whole_word(
    spoken: Speech, engine: Engine, max_seconds: float
) -> None:
    cut = speak(TURNS, engine=engine, max_seconds=max_seconds)
    assert 0 < cut.duration_seconds <= max_seconds
    # The same words as the whole reading up to the cut (eSpeak NG's timing varies by a few ms
    # from one run to the next).
    kept = [w for w in spoken.words if w.end_seconds <= max_seconds - 0.05]
    assert [w.text for w in cut.words[: len(kept)]] == [w.text for w in kept]
    assert len(cut.words) <= len(kept) + 1
    for a, b in zip(cut.words, kept, strict=False):
        assert a.start_seconds == pytest.approx(b.start_seconds, abs=0.03)
    assert cut.words[-1].end_seconds <= cut.duration_seconds


def test_the_engine_is_signal_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech, "espeak_available", lambda: False)
    assert synthesise("Hello there.").engine == "signal"


def test_an_unknown_voice_is_an_error() -> None:
    with pytest.raises(AudioError, match="no voice 'narrator'; the voices are host, guest"):
        synthesise("Hello.", "narrator", engine="signal")


def test_words_json_is_a_podcasting_20_transcript() -> None:
    words = [Word("Hello", 0.0, 0.4, "James Kim"), Word("there.", 0.4, 0.9)]
    assert json.loads(words_json(words)) == {
        "version": "1.0.0",
        "segments": [
            {"startTime": 0.0, "endTime": 0.4, "speaker": "James Kim", "body": "Hello"},
            {"startTime": 0.4, "endTime": 0.9, "body": "there."},
        ],
    }


def test_script_reads_headline_summary_then_questions_and_answers() -> None:
    segment = read_page(GOLD_PAGE).segment
    turns = script(segment)
    assert turns[0] == Turn("Interview with Director Kyungjin Song", "host", None)
    assert turns[1].text.startswith("In Gold Medal, director Kyungjin Song brings")
    questions = [s.question for s in segment.transcript if s.question]
    assert len(questions) >= 5
    # Each question in the host's voice, its answer after it in the guest's.
    for question in questions:
        index = next(i for i, t in enumerate(turns) if t.text == question)
        assert turns[index].voice == "host"
        assert (turns[index + 1].voice, turns[index + 1].speaker) == ("guest", "Kyungjin Song")
