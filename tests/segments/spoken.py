"""Timed transcripts made from an edited transcript's own words: known times, chosen damage.

The "audio" is the edited text spoken word by word at a varying, seeded pace (pauses after
sentences and longer ones between turns), optionally with what editors remove (fillers, false
starts, a passage the edit cut). Its true section start times are kept. A machine transcript of it
is then made as a speech recogniser errs (deleted, inserted and misheard words, digits, merged and
split cues, a paragraph or a question it lost) and returned as cues.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from segments.model import Section
from segments.timedtext import Cue, TimedTranscript

INTERVIEWER = "Host"
DAMAGE_KINDS = (
    "clean", "fillers", "false_starts", "deleted_words", "inserted_words", "misheard_words",
    "digits_and_contractions", "merged_cues", "split_cues", "lowercase_no_punctuation",
    "dropped_paragraph", "missing_question", "extra_passage", "edit_cut_paragraph", "all",
)  # fmt: skip

_NOISE = ["um", "uh", "like", "you know", "so", "I mean"]
_MISHEARD = ["fill", "meddle", "gold metal", "con men", "projects", "their", "bean", "a"]
_WORD_DIGITS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "ten": "10"}
_SPELL_OUT = {"it’s": "it is", "It’s": "It is", "it's": "it is", "It's": "It is",
              "don't": "do not", "don’t": "do not", "I'm": "I am", "I’m": "I am"}  # fmt: skip
_EXTRA = (
    "Before we go on, a quick word about our sponsors and the station's fund drive this week, "
    "which keeps programs like this one on the air for everyone who listens."
)


@dataclass
class Spoken:
    """A word of the audio: when it is said, by whom, and which edited part it belongs to."""

    text: str
    start: float
    end: float
    speaker: str | None
    section: int | None  # None: not in the edited text (a filler, the cut passage)
    part: int  # -1 the question, k paragraph k


@dataclass
class Recording:
    """The edited sections, the timed transcript of their "audio" and the true section starts."""

    sections: list[Section]
    timed: TimedTranscript
    true_starts: list[float]
    words: list[Spoken] = field(default_factory=list)


def _utterances(
    sections: list[Section], rng: random.Random, kind: str
) -> list[tuple[str, str | None, int | None, int]]:
    """The audio's words before timing: (word, speaker, section, part)."""
    noisy = kind in ("fillers", "all")
    stutter = kind in ("false_starts", "all")
    extra_at = len(sections) // 2 if kind in ("extra_passage", "all") else None
    out: list[tuple[str, str | None, int | None, int]] = []
    for index, section in enumerate(sections):
        if index == extra_at:
            out.extend((w, INTERVIEWER, None, -1) for w in _EXTRA.split())
        parts = [(-1, section.questioner or INTERVIEWER, section.question or "")]
        parts += [(k, section.speaker, p) for k, p in enumerate(section.paragraphs)]
        for part, speaker, text in parts:
            for position, word in enumerate(text.split()):
                if noisy and rng.random() < 0.08:
                    out.extend((n, speaker, None, part) for n in rng.choice(_NOISE).split())
                if stutter and position and rng.random() < 0.04:
                    out.append((word.rstrip(".,?!") + "-", speaker, None, part))
                out.append((word, speaker, index, part))
    return out


def _time(words: list[tuple[str, str | None, int | None, int]], rng: random.Random) -> list[Spoken]:
    clock = 1.5
    spoken: list[Spoken] = []
    previous: tuple[str | None, int] | None = None
    for text, speaker, section, part in words:
        turn = (speaker, part)
        if previous is not None and turn != previous:
            clock += 0.8 if turn[0] != previous[0] else 0.5
        # About 150 words a minute with the pauses, as radio interviews go.
        duration = (0.07 + 0.04 * len(text)) * rng.uniform(0.75, 1.3)
        spoken.append(Spoken(text, clock, clock + duration, speaker, section, part))
        clock += duration + rng.uniform(0.02, 0.1)
        if text.endswith((".", "?", "!")):
            clock += rng.uniform(0.15, 0.4)
        previous = turn
    return spoken


def _recognise(spoken: list[Spoken], rng: random.Random, kind: str) -> list[Spoken]:
    """What the recogniser writes: word-level errors of the chosen kind."""
    heard: list[Spoken] = []
    everything = kind == "all"
    for word in spoken:
        roll = rng.random()
        if (kind == "deleted_words" and roll < 0.12) or (everything and roll < 0.05):
            continue
        text = word.text
        if (kind == "misheard_words" and roll > 0.85) or (everything and roll > 0.95):
            text = rng.choice(_MISHEARD)
        if kind in ("digits_and_contractions", "all"):
            bare = text.rstrip(".,?!")
            if bare.lower() in _WORD_DIGITS:
                text = _WORD_DIGITS[bare.lower()] + text[len(bare) :]
            text = _SPELL_OUT.get(text, text)
        if kind in ("lowercase_no_punctuation", "all"):
            text = "".join(c for c in text.lower() if c.isalnum() or c in " '’-")
        heard.append(replace(word, text=text))
        if (kind == "inserted_words" and rng.random() < 0.12) or (
            everything and rng.random() < 0.04
        ):
            extra = rng.choice(["the", "and", "yeah", "right", "okay", "of"])
            heard.append(replace(word, text=extra, start=word.end, end=word.end + 0.15))
    return heard


def _cues(words: list[Spoken], rng: random.Random, kind: str) -> list[Cue]:
    size = {"merged_cues": (18, 30), "split_cues": (2, 4)}.get(kind, (6, 14))
    if kind == "all":
        size = (4, 24)
    cues: list[Cue] = []
    current: list[Spoken] = []
    limit = rng.randint(*size)
    for index, word in enumerate(words):
        current.append(word)
        following = words[index + 1] if index + 1 < len(words) else None
        # A recogniser ends a cue at its length, at a change of speaker and at a long pause.
        if (
            len(current) >= limit
            or following is None
            or following.speaker != word.speaker
            or following.start - word.end > 1.5
        ):
            cues.append(
                Cue(
                    start=round(current[0].start, 3),
                    end=round(current[-1].end, 3),
                    text=" ".join(w.text for w in current),
                    speaker=current[0].speaker,
                )
            )
            current, limit = [], rng.randint(*size)
    return cues


def record(sections: list[Section], kind: str, seed: int = 9) -> Recording:
    """Make the audio of ``sections`` and a damaged timed transcript of it (one damage kind)."""
    assert kind in DAMAGE_KINDS, kind
    rng = random.Random(f"{seed}:{kind}")
    spoken = _time(_utterances(sections, rng, kind), rng)
    true_starts = [
        next(w.start for w in spoken if w.section == index) for index in range(len(sections))
    ]
    heard = _recognise(spoken, rng, kind)
    with_paragraphs = [i for i, s in enumerate(sections) if len(s.paragraphs) > 1]
    if kind in ("dropped_paragraph", "all") and with_paragraphs:
        lost = with_paragraphs[len(with_paragraphs) // 2]
        heard = [w for w in heard if not (w.section == lost and w.part == 1)]
    if kind in ("missing_question", "all"):
        asked = [i for i, s in enumerate(sections) if s.question]
        if asked:
            lost = asked[len(asked) // 3]
            heard = [w for w in heard if not (w.section == lost and w.part == -1)]
    edited = sections
    if kind in ("edit_cut_paragraph", "all") and with_paragraphs:
        cut = with_paragraphs[0]
        edited = [
            replace(s, paragraphs=s.paragraphs[:-1]) if i == cut else s
            for i, s in enumerate(sections)
        ]
    return Recording(edited, TimedTranscript(_cues(heard, rng, kind)), true_starts, spoken)


def interview(sections: list[Section], minutes: float, seed: int = 60) -> list[Section]:
    """Make an interview of about ``minutes`` from ``sections``' sentences, never repeating.

    Each round reuses the sections' shape (questions, paragraphs, sentence lengths) with about
    half of each sentence's words swapped for other words of the same text, so that no long run
    of words comes back twice (a real interview does not repeat itself).
    """
    rng = random.Random(seed)
    vocabulary = sorted(
        {w for s in sections for p in [s.question or "", *s.paragraphs] for w in p.split()}
    )
    words_needed = minutes * 150
    out: list[Section] = []
    words = 0

    def vary(text: str) -> str:
        return " ".join(w if rng.random() < 0.5 else rng.choice(vocabulary) for w in text.split())

    while words < words_needed:
        for section in sections:
            if words >= words_needed:
                break
            question = vary(section.question) if section.question else None
            paragraphs = [vary(p) for p in section.paragraphs]
            out.append(replace(section, question=question, paragraphs=paragraphs))
            words += sum(len(p.split()) for p in paragraphs) + len((question or "").split())
    return out
