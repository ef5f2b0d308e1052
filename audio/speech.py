"""Generated speech for example recordings: eSpeak NG when installed, else a speech-like signal.

Real speech comes from eSpeak NG (GPL-3.0), driven through ctypes from the optional extra
``segcast[speech]`` (the ``espeakng-loader`` wheel ships libespeak-ng and its voice data, so it
runs offline). It is loaded on first use, never when this module is imported: segcast's core
stays free of GPL code. Without it, :func:`speak` makes a speech-like signal instead (syllable-rate
bursts with pauses between words and turns), so loudness and silence trimming behave as on speech.

Either way every word's start and end are known, in seconds from the start of the audio: the
synthesiser reports where each word starts (eSpeak's word events carry their audio position) and
the end is where the sound before the next word stops.
"""

from __future__ import annotations

import bisect
import ctypes
import importlib.util
import json
import math
import re
import threading
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from segments.errors import AudioError
from segments.files import atomic_output
from segments.model import Segment

__all__ = [
    "SPEECH_EXTRA",
    "VOICES",
    "Engine",
    "Speech",
    "Turn",
    "Voice",
    "Word",
    "espeak_available",
    "espeak_problem",
    "script",
    "speak",
    "synthesise",
    "word_times",
    "words_json",
    "write_wav",
]

Engine = Literal["espeak-ng", "signal"]
Pcm = npt.NDArray[np.int16]

#: The pip extra that installs eSpeak NG, as the warning and the error name it.
SPEECH_EXTRA = "pip install 'segcast[speech]'"
#: Sample rate of the speech-like signal; eSpeak NG reports its own (22,050 Hz).
SIGNAL_RATE = 22050
#: Silence between turns when the voice changes, and between two turns of the same voice.
TURN_PAUSE_SECONDS = 0.7
SAME_VOICE_PAUSE_SECONDS = 0.35
#: Frames for finding where a word's sound starts and stops: 10 ms, quiet below -45 dBFS RMS
#: (under the softest fricative eSpeak makes at its default volume, over its digital silence).
FRAME_SECONDS = 0.010
QUIET_RMS = 32768 * 10 ** (-45 / 20)


@dataclass(frozen=True)
class Voice:
    """How one voice speaks: the eSpeak NG voice and variant, its rate and pitch, and the pitch
    of the speech-like signal that stands in for it."""

    espeak_name: str
    rate_wpm: int
    pitch: int
    signal_f0_hz: float


#: The voices a script uses: the host reads the headline, summary, headings and questions; the
#: guest answers. eSpeak NG variants "+m3" and "+f3" are clearly different people.
VOICES: dict[str, Voice] = {
    "host": Voice("en-us+m3", rate_wpm=170, pitch=40, signal_f0_hz=115.0),
    "guest": Voice("en-us+f3", rate_wpm=160, pitch=55, signal_f0_hz=205.0),
}


@dataclass(frozen=True)
class Word:
    """One spoken word (as written, punctuation included) and when it is heard."""

    text: str
    start_seconds: float
    end_seconds: float
    speaker: str | None = None


@dataclass(frozen=True)
class Turn:
    """One stretch of a script spoken in one voice: a headline, a question, an answer."""

    text: str
    voice: str
    speaker: str | None = None


@dataclass
class Speech:
    """Synthesised audio (16-bit mono PCM) and the times of every word in it."""

    pcm: Pcm
    sample_rate: int
    words: list[Word]
    engine: Engine
    #: Whether ``speak`` stopped at its length cap before the end of the script.
    cut: bool = False

    @property
    def duration_seconds(self) -> float:
        """Return the audio's length in seconds."""
        return len(self.pcm) / self.sample_rate


def espeak_available() -> bool:
    """Return whether the ``segcast[speech]`` extra (eSpeak NG) is installed."""
    return importlib.util.find_spec("espeakng_loader") is not None


def espeak_problem() -> str | None:
    """Return why eSpeak NG cannot speak here (not installed, fails to load), or None if it can."""
    if not espeak_available():
        return "eSpeak NG is not installed"
    try:
        _espeak()
    except AudioError as exc:
        return exc.message
    return None


# -- eSpeak NG through ctypes ------------------------------------------------------------------

# speak_lib.h: espeak_AUDIO_OUTPUT, espeak_EVENT_TYPE, espeak_POSITION_TYPE, flags, parameters.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_PARAM_PITCH = 3
_EE_OK = 0


class _Event(ctypes.Structure):
    """speak_lib.h's espeak_EVENT (the union ``id`` as its 8 bytes)."""

    _fields_ = (
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),  # 1-based, in characters of the text
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),  # milliseconds from the start of this synthesis
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_char * 8),
    )


_Callback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


class _Espeak:
    """libespeak-ng, initialised once per process; one synthesis at a time (it is global state)."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise AudioError(f"eSpeak NG is not installed: {SPEECH_EXTRA}") from exc
        try:
            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (OSError, RuntimeError) as exc:
            raise AudioError(f"cannot load eSpeak NG: {exc}") from exc
        lib.espeak_Initialize.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetVoiceByName.argtypes = (ctypes.c_char_p,)
        lib.espeak_SetParameter.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_int)
        lib.espeak_Synth.argtypes = (
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        )
        rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(), _INITIALIZE_DONT_EXIT
        )
        if rate <= 0:
            raise AudioError(f"eSpeak NG did not start (espeak_Initialize returned {rate})")
        self.lib = lib
        self.sample_rate = int(rate)
        self.lock = threading.Lock()
        self._chunks: list[bytes] = []
        self._events: list[tuple[int, int]] = []
        # Kept on self: ctypes would free the trampoline while eSpeak still holds it.
        self._callback = _Callback(self._receive)
        lib.espeak_SetSynthCallback(self._callback)

    def _receive(self, wav: Any, count: int, events: Any) -> int:
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        index = 0
        while events[index].type != _EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == _EVENT_WORD:
                self._events.append((event.text_position - 1, event.audio_position))
            index += 1
        return 0  # go on

    def synth(self, text: str, voice: Voice) -> tuple[Pcm, list[tuple[int, float]]]:
        """Return the PCM of ``text`` and (character offset, start seconds) of each word event."""
        data = text.encode("utf-8") + b"\0"
        with self.lock:
            self._chunks, self._events = [], []
            if self.lib.espeak_SetVoiceByName(voice.espeak_name.encode()) != _EE_OK:
                raise AudioError(f"eSpeak NG has no voice {voice.espeak_name!r}")
            self.lib.espeak_SetParameter(_PARAM_RATE, voice.rate_wpm, 0)
            self.lib.espeak_SetParameter(_PARAM_PITCH, voice.pitch, 0)
            status = self.lib.espeak_Synth(
                data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None
            )
            if status != _EE_OK:
                raise AudioError(f"eSpeak NG failed to speak (error {status})")
            pcm = np.frombuffer(b"".join(self._chunks), dtype="<i2").astype(np.int16)
            events = [(offset, ms / 1000) for offset, ms in self._events]
        return pcm, events


@cache
def _espeak() -> _Espeak:
    return _Espeak()


# -- word times --------------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[int, str]]:
    """Return (character offset, token) for each whitespace-separated token of ``text``."""
    return [(match.start(), match.group()) for match in re.finditer(r"\S+", text)]


def _loud_frames(pcm: Pcm, rate: int) -> tuple[npt.NDArray[np.bool_], float]:
    """Return, per frame of about FRAME_SECONDS, whether it is louder than QUIET_RMS; and the
    frame's exact length in seconds (220 samples at 22,050 Hz: not quite 10 ms)."""
    size = max(1, round(FRAME_SECONDS * rate))
    count = len(pcm) // size
    frames = pcm[: count * size].astype(np.float64).reshape(count, size)
    loud: npt.NDArray[np.bool_] = np.sqrt((frames**2).mean(axis=1)) > QUIET_RMS
    return loud, size / rate


def _tighten(
    start: float, end: float, loud: npt.NDArray[np.bool_], frame: float
) -> tuple[float, float]:
    """Return (start, end) moved inward past quiet frames, keeping at least one frame."""
    first, last = int(start / frame), int(np.ceil(end / frame))
    span = np.flatnonzero(loud[first:last])
    if len(span) == 0:
        return start, min(end, start + frame)
    return (
        max(start, float(first + span[0]) * frame),
        min(end, float(first + span[-1] + 1) * frame),
    )


def word_times(
    text: str, events: Sequence[tuple[int, float]], pcm: Pcm, rate: int, speaker: str | None
) -> list[Word]:
    """Return the words of ``text`` with their times from word events (character offset, start).

    A token eSpeak gave no event of its own (a dash, a quote mark) joins the word before it; a
    word ends where its sound stops before the next word starts.
    """
    tokens = _tokens(text)
    if not tokens:
        return []
    offsets = [offset for offset, _ in tokens]
    starts: dict[int, float] = {}
    for offset, seconds in events:
        index = max(0, bisect.bisect_right(offsets, offset) - 1)
        starts.setdefault(index, seconds)
    duration = len(pcm) / rate
    grouped: list[tuple[str, float]] = []
    pending = ""
    for index, (_, token) in enumerate(tokens):
        if index in starts:
            grouped.append((f"{pending} {token}".strip(), starts[index]))
            pending = ""
        elif grouped:
            grouped[-1] = (f"{grouped[-1][0]} {token}", grouped[-1][1])
        else:
            pending = f"{pending} {token}".strip()
    loud, frame = _loud_frames(pcm, rate)
    words = []
    for position, (token, start) in enumerate(grouped):
        following = grouped[position + 1][1] if position + 1 < len(grouped) else duration
        start = min(start, duration)
        begin, end = _tighten(start, max(start, min(following, duration)), loud, frame)
        words.append(Word(token, round(float(begin), 3), round(float(end), 3), speaker))
    return words


# -- the speech-like signal --------------------------------------------------------------------

#: The signal's timing: seconds per syllable, the gap after a word and after a sentence.
SYLLABLE_SECONDS = 0.17
WORD_GAP_SECONDS = 0.06
SENTENCE_GAP_SECONDS = 0.3
#: Its level: -20 dBFS RMS peaks in a syllable, with a -60 dBFS noise floor (a room, not zeros).
SIGNAL_PEAK = 0.2
SIGNAL_FLOOR = 0.001


def _syllables(word: str) -> int:
    """Return a rough syllable count: groups of vowels, at least one."""
    return max(1, len(re.findall(r"[aeiouy]+", word.lower())))


def _signal(text: str, voice: Voice, speaker: str | None) -> tuple[Pcm, list[Word]]:
    """Return a speech-like signal for ``text``: one burst per syllable, and the word times."""
    rate = SIGNAL_RATE
    rng = np.random.default_rng(len(text) * 7919 + int(voice.signal_f0_hz))
    pieces: list[npt.NDArray[np.float64]] = []
    words: list[Word] = []
    elapsed = 0
    for _, token in _tokens(text):
        start = elapsed
        for _ in range(_syllables(token)):
            length = round(SYLLABLE_SECONDS * rate * rng.uniform(0.8, 1.2))
            t = np.arange(length) / rate
            f0 = voice.signal_f0_hz * rng.uniform(0.9, 1.1)
            # Harmonics falling off like a voice, under a syllable-long raised cosine.
            tone = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 6))
            envelope = np.sin(np.pi * np.arange(length) / length) ** 2
            pieces.append(SIGNAL_PEAK * envelope * (tone + 0.3 * rng.standard_normal(length)))
            elapsed += length
        end = elapsed
        gap = SENTENCE_GAP_SECONDS if token.endswith((".", "?", "!")) else WORD_GAP_SECONDS
        pieces.append(np.zeros(round(gap * rate)))
        elapsed += len(pieces[-1])
        words.append(Word(token, round(start / rate, 3), round(end / rate, 3), speaker))
    samples = np.concatenate(pieces) if pieces else np.zeros(0)
    samples = samples + SIGNAL_FLOOR * rng.standard_normal(len(samples))
    return _to_pcm(samples), words


def _to_pcm(samples: npt.NDArray[np.float64]) -> Pcm:
    return np.asarray(np.clip(samples, -1.0, 1.0) * 32767, dtype=np.int16)


# -- the public API ----------------------------------------------------------------------------


def _engine(engine: Engine | None) -> Engine:
    if engine is not None:
        return engine
    return "espeak-ng" if espeak_available() else "signal"


def synthesise(
    text: str, voice: str = "host", *, speaker: str | None = None, engine: Engine | None = None
) -> Speech:
    """Speak ``text`` in one of VOICES; return the audio and every word's start and end.

    ``engine`` None means eSpeak NG when installed, else the speech-like signal.
    """
    if voice not in VOICES:
        raise AudioError(f"no voice {voice!r}; the voices are {', '.join(VOICES)}")
    chosen = _engine(engine)
    if chosen == "signal":
        pcm, words = _signal(text, VOICES[voice], speaker)
        return Speech(pcm, SIGNAL_RATE, words, "signal")
    espeak = _espeak()
    pcm, events = espeak.synth(text, VOICES[voice])
    words = word_times(text, events, pcm, espeak.sample_rate, speaker)
    return Speech(pcm, espeak.sample_rate, words, "espeak-ng")


def speak(
    turns: Sequence[Turn],
    *,
    engine: Engine | None = None,
    max_seconds: float | None = None,
    progress: Callable[[float], None] | None = None,
) -> Speech:
    """Speak a script turn by turn, with pauses between turns; stop at ``max_seconds``.

    The audio is cut after the last word that ends within ``max_seconds`` (never inside a
    word). ``progress`` is called with the seconds spoken so far after each turn.
    """
    chosen = _engine(engine)
    pcm_parts: list[Pcm] = []
    words: list[Word] = []
    rate: int | None = None
    elapsed = 0
    previous: str | None = None
    cut = False
    for turn in turns:
        if max_seconds is not None and rate is not None and elapsed / rate >= max_seconds:
            cut = True
            break
        if not turn.text.strip():
            continue
        spoken = synthesise(turn.text, turn.voice, speaker=turn.speaker, engine=chosen)
        rate = rate or spoken.sample_rate
        if previous is not None:
            pause = TURN_PAUSE_SECONDS if turn.voice != previous else SAME_VOICE_PAUSE_SECONDS
            pcm_parts.append(np.zeros(round(pause * rate), dtype=np.int16))
            elapsed += len(pcm_parts[-1])
        offset = elapsed / rate
        words.extend(
            Word(
                w.text,
                round(w.start_seconds + offset, 3),
                round(w.end_seconds + offset, 3),
                w.speaker,
            )
            for w in spoken.words
        )
        pcm_parts.append(spoken.pcm)
        elapsed += len(spoken.pcm)
        previous = turn.voice
        if progress is not None:
            progress(elapsed / rate)
    rate = rate or (SIGNAL_RATE if chosen == "signal" else _espeak().sample_rate)
    pcm = np.concatenate(pcm_parts) if pcm_parts else np.zeros(0, dtype=np.int16)
    if max_seconds is not None and len(pcm) / rate > max_seconds:
        cut = True
        words = [w for w in words if w.end_seconds <= max_seconds]
        tail = (words[-1].end_seconds + SAME_VOICE_PAUSE_SECONDS) if words else 0.0
        pcm = pcm[: math.floor(min(max_seconds, tail) * rate)]
    # Times are rounded to the millisecond: none may round past the end of the audio.
    last = math.floor(len(pcm) / rate * 1000) / 1000
    words = [replace(w, end_seconds=min(w.end_seconds, last)) for w in words]
    return Speech(pcm, rate, words, chosen, cut=cut)


def write_wav(speech: Speech, path: Path) -> None:
    """Write ``speech`` as a 16-bit mono PCM WAV file (atomically)."""
    with atomic_output(path) as temp:
        try:
            with wave.open(str(temp), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(speech.sample_rate)
                out.writeframes(speech.pcm.astype("<i2").tobytes())
        except OSError as exc:
            raise AudioError(f"cannot write: {exc.strerror or exc}", path) from exc


def words_json(words: Sequence[Word]) -> str:
    """Return the words as a Podcasting 2.0 JSON transcript, one segment per word."""
    segments: list[dict[str, Any]] = []
    for word in words:
        item: dict[str, Any] = {"startTime": word.start_seconds, "endTime": word.end_seconds}
        if word.speaker:
            item["speaker"] = word.speaker
        item["body"] = word.text
        segments.append(item)
    document = {"version": "1.0.0", "segments": segments}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


# -- a segment as a script ---------------------------------------------------------------------


def _asker(segment: Segment) -> str | None:
    for role in ("interviewer", "host"):
        people = [p.name for p in segment.people if p.role == role]
        if people:
            return people[0]
    hosts = segment.show.hosts if segment.show else []
    return hosts[0] if hosts else None


def script(segment: Segment) -> list[Turn]:
    """Return the turns that read a segment aloud: headline and summary, then the transcript.

    The host voice reads the headline, the summary, topic headings and questions; the guest voice
    reads the answers. Speakers are the names the segment gives (None where it gives none).
    """
    asker = _asker(segment)
    turns = [Turn(segment.title, "host", asker)]
    for paragraph in (segment.summary or "").split("\n\n"):
        turns.append(Turn(" ".join(paragraph.split()), "host", asker))
    for section in segment.transcript:
        if section.heading:
            turns.append(Turn(section.heading, "host", asker))
        if section.question:
            turns.append(Turn(section.question, "host", section.questioner or asker))
        for paragraph in section.paragraphs:
            turns.append(Turn(" ".join(paragraph.split()), "guest", section.speaker))
    return [turn for turn in turns if turn.text.strip()]
