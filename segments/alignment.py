"""Pair a segment's edited transcript with a timed transcript of the same audio.

The edited text (headings, questions, answers; no times) and the timed one (a machine transcript:
fillers, false starts, misheard words, no headings) are both turned into normalised words
(:func:`normalise`: case, punctuation, contractions, numbers as words, fillers dropped) and aligned
in two steps. First anchors: word triples that occur exactly once in each text, kept as the
longest chain in order on both sides (patience diff's idea). Then, between consecutive anchors,
:class:`difflib.SequenceMatcher` finds the longest common runs of words and recurses on both sides
of each, so the pairing is monotone and a run can never jump across a longer one; the anchors keep
each of its passes short (a 9,000-word interview pairs in a fraction of a second, where one
difflib pass over the whole texts takes seconds). Runs of one word are only trusted between
close neighbours (a lone common word between two unrelated passages is a chance hit).

Every edited word then gets a time: its partner's (a cue's time is shared among its words by their
letters, a sentence's end counting a few more for the pause; Whisper's or YouTube's word times are
used where given), or, for words without one (rephrased, misheard, missing from the timed text), a
time between the matched words around it, at the transcript's own pace, with any spare time put at
the boundaries between parts (people pause between turns). A section starts at its first word (the
question's, when it has one) and ends at its last.

``coverage`` is the share of edited words matched; ``confidence`` is the share matched inside runs
of at least :data:`LONG_RUN` words (chance agreement between unrelated texts almost never makes
runs that long). A pair below :data:`MIN_COVERAGE` or :data:`MIN_CONFIDENCE` does not belong
together and is refused with :class:`PairingError`.
"""

from __future__ import annotations

import copy
import difflib
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from segments.errors import SegcastError
from segments.model import Section, Segment
from segments.segmentfile import read_segment
from segments.timecode import format_timecode
from segments.timedtext import Cue, TimedTranscript, read_timed_file

#: Word triples that occur once in each text anchor the alignment (module docstring).
ANCHOR_WORDS = 3
#: Matched runs of at least this many words count toward ``confidence``.
LONG_RUN = 4
#: A run shorter than this is kept only when its neighbours on both sides are this close.
SHORT_RUN = 2
SHORT_RUN_REACH = 4
#: Below either of these the two transcripts are taken to be of different audio (a different
#: episode's machine transcript matches well under 15% of words, almost none in long runs; a
#: heavily damaged one of the same audio still matches over 60%: tests/segments/test_alignment.py).
MIN_COVERAGE = 0.35
MIN_CONFIDENCE = 0.25
#: The pause before a question or paragraph that starts inside a cue (seconds).
PART_PAUSE_SECONDS = 0.5
#: Speaking rate when a timed transcript gives none (about 150 words a minute).
SECONDS_PER_WORD = 0.4

#: The pause after a sentence, counted in letters, when spreading a cue's time over its words.
SENTENCE_PAUSE_CHARS = 4

#: Sounds that carry no words: dropped from both sides before aligning.
FILLERS = frozenset(
    {
        "um",
        "umm",
        "uh",
        "uhh",
        "uhm",
        "erm",
        "er",
        "ah",
        "ahh",
        "eh",
        "hmm",
        "hm",
        "mm",
        "mhm",
        "mmm",
        "huh",
    }
)

#: Contractions spelled out, so "it's" matches "it is" (apostrophes are normalised first).
CONTRACTIONS: dict[str, str] = {
    "can't": "can not", "cannot": "can not", "won't": "will not", "shan't": "shall not",
    "ain't": "is not", "let's": "let us", "it's": "it is", "that's": "that is",
    "what's": "what is", "there's": "there is", "here's": "here is", "he's": "he is",
    "she's": "she is", "who's": "who is", "where's": "where is", "how's": "how is",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "y'all": "you all",
}  # fmt: skip
#: Endings of other contractions; a lone "'s" on another word is a possessive and is dropped.
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'m", " am"),
    ("'d", " would"), ("'s", ""),
)  # fmt: skip

_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_ENDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                 "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))
_SYMBOLS = {"%": " percent", "&": " and ", "+": " plus ", "$": " dollars "}


def number_words(value: int) -> list[str]:
    """Spell a whole number the way it is said ("and" left out, as ASR and editors vary on it).

    >>> " ".join(number_words(2016)), " ".join(number_words(45))
    ('two thousand sixteen', 'forty five')
    """
    if value < 20:
        return [_ONES[value]]
    if value < 100:
        tens, ones = divmod(value, 10)
        return [_TENS[tens]] + ([_ONES[ones]] if ones else [])
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return [_ONES[hundreds], "hundred"] + (number_words(rest) if rest else [])
    for size, name in _SCALES:
        if value >= size:
            high, rest = divmod(value, size)
            return [*number_words(high), name] + (number_words(rest) if rest else [])
    raise AssertionError("unreachable")  # pragma: no cover


def _ordinal(words: list[str]) -> list[str]:
    last = words[-1]
    if last in _ORDINAL_ENDS:
        last = _ORDINAL_ENDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return [*words[:-1], last]


_PIECES = re.compile(r"[\s\-–—/]+")
_NUMBER = re.compile(r"(\d+)(?:\.(\d+))?(st|nd|rd|th|s)?")
_STRIP = re.compile(r"[^\w']+")


_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")


@functools.lru_cache(maxsize=1 << 16)
def _word_tokens(raw: str) -> tuple[str, ...]:
    """Normalised tokens of one whitespace-separated piece of text (usually one token).

    Cached: an interview says the same few thousand words over and over.
    """
    if raw.isalpha() and raw.islower() and raw.isascii():
        return () if raw in FILLERS else (raw,)
    text = unicodedata.normalize("NFKC", raw).casefold().replace("’", "'").replace("‘", "'")
    for symbol, spoken in _SYMBOLS.items():
        text = text.replace(symbol, spoken)
    out: list[str] = []
    for piece in _PIECES.split(text):
        digits = piece.replace(",", "") if _GROUPED.fullmatch(piece) else piece
        number = _NUMBER.fullmatch(digits.strip(".,;:!?\"'()[]"))
        if number and len(number.group(1)) <= 12:
            words = number_words(int(number.group(1)))
            if number.group(2):
                words += ["point", *(_ONES[int(d)] for d in number.group(2))]
            if number.group(3) in ("st", "nd", "rd", "th"):
                words = _ordinal(words)
            out.extend(words)
            continue
        word = _STRIP.sub("", piece).strip("'_")
        if not word:
            continue
        if word in CONTRACTIONS:
            out.extend(CONTRACTIONS[word].split())
            continue
        for ending, spoken in SUFFIXES:
            if word.endswith(ending) and len(word) > len(ending):
                word = word[: -len(ending)] + spoken
                break
        out.extend(t for t in word.replace("'", "").split() if t not in FILLERS)
    return tuple(out)


def normalise(text: str) -> list[str]:
    """Return the words of ``text`` as the aligner compares them.

    >>> normalise("Um, it's 25 -- the Gold-Medal son's 1st TRY!")
    ['it', 'is', 'twenty', 'five', 'the', 'gold', 'medal', 'son', 'first', 'try']
    """
    return [token for raw in text.split() for token in _word_tokens(raw)]


# --- the two sides as words ----------------------------------------------------------------------

Part = Literal["question", "paragraph"]


@dataclass
class _Edited:
    """The edited words, each with the section and the part (question or paragraph k) it is in."""

    tokens: list[str] = field(default_factory=list)
    owner: list[tuple[int, int]] = field(default_factory=list)  # (section, -1 question | k)


def _edited_words(sections: list[Section]) -> _Edited:
    edited = _Edited()
    for index, section in enumerate(sections):
        parts = [(-1, section.question or ""), *enumerate(section.paragraphs)]
        for part, text in parts:
            words = normalise(text)
            edited.tokens.extend(words)
            edited.owner.extend([(index, part)] * len(words))
    return edited


@dataclass
class _Timed:
    tokens: list[str] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    ends: list[float] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)
    cue: list[int] = field(default_factory=list)  # which cue; -1 for cues with word times
    sentence_end: list[bool] = field(default_factory=list)  # the last token of "word."


def _spread(cue: Cue, start: float, end: float) -> Iterator[tuple[str, float, float]]:
    """Give each word of a cue without word times a share of the cue by its length."""
    raws = cue.text.split()
    # A sentence's end is followed by a pause: about as long as saying a few more letters.
    weights = [
        len(r) + 1 + (SENTENCE_PAUSE_CHARS if r.endswith((".", "?", "!")) else 0) for r in raws
    ]
    total = sum(weights) or 1
    done = 0
    for raw, weight in zip(raws, weights, strict=True):
        word_start = start + (end - start) * done / total
        done += weight
        yield raw, word_start, start + (end - start) * (done - weight + len(raw) + 1) / total


def _timed_words(cues: list[Cue]) -> _Timed:
    timed = _Timed()
    usable = [c for c in cues if c.start is not None and c.text.strip()]
    usable.sort(key=lambda c: c.start or 0.0)  # stable: cues of one start keep file order
    for index, cue in enumerate(usable):
        assert cue.start is not None
        following = usable[index + 1].start if index + 1 < len(usable) else None
        end = cue.end
        if end is None or end < cue.start:
            guess = cue.start + SECONDS_PER_WORD * len(cue.text.split())
            end = min(guess, following) if following is not None else guess
        pieces: Iterable[tuple[str, float, float]]
        if cue.words:
            ends = [w.start for w in cue.words[1:]] + [end]
            pieces = [
                (w.text, w.start, w.end if w.end is not None else max(w.start, e))
                for w, e in zip(cue.words, ends, strict=True)
            ]
        else:
            pieces = _spread(cue, cue.start, max(end, cue.start))
        for raw, word_start, word_end in pieces:
            tokens = _word_tokens(raw)
            step = (word_end - word_start) / (len(tokens) or 1)
            for k, token in enumerate(tokens):
                timed.tokens.append(token)
                timed.starts.append(word_start + step * k)
                timed.ends.append(word_start + step * (k + 1))
                timed.speakers.append(cue.speaker)
                timed.cue.append(-1 if cue.words else index)
                timed.sentence_end.append(k == len(tokens) - 1 and raw.endswith((".", "?", "!")))
    return timed


def _pause_at_parts(edited: _Edited, timed: _Timed, runs: list[tuple[int, int, int]]) -> None:
    """Where a new question or paragraph starts inside a cue, give the pause before it its time.

    A cue's time is shared among its words by their letters; people pause between paragraphs,
    and a recogniser without punctuation leaves no sign of it. Each such start gets
    :data:`PART_PAUSE_SECONDS` (at most a third of the cue, shared), the rest of the cue shrinks
    to make room. Cues with word times, starts after a sentence's end (already paused) and starts
    after a word the edit dropped (a filler, said without a pause) are left as they are.
    """
    owner_of = {j + k: edited.owner[i + k] for i, j, size in runs for k in range(size)}
    by_cue: dict[int, list[int]] = {}
    for j in sorted(owner_of):
        cue = timed.cue[j]
        before = owner_of.get(j - 1)
        # Two words heard one after the other, of two parts: nothing (a filler) came between.
        if before is None or before == owner_of[j] or cue < 0 or timed.cue[j - 1] != cue:
            continue
        if not timed.sentence_end[j - 1]:
            by_cue.setdefault(cue, []).append(j)
    for cue, boundaries in by_cue.items():
        first = boundaries[0]
        while first and timed.cue[first - 1] == cue:
            first -= 1
        last = boundaries[-1]
        while last + 1 < len(timed.cue) and timed.cue[last + 1] == cue:
            last += 1
        begin, span = timed.starts[first], timed.ends[last] - timed.starts[first]
        if span <= 0:
            continue
        pause = min(PART_PAUSE_SECONDS, span / 3 / len(boundaries))
        scale = (span - pause * len(boundaries)) / span
        passed = 0
        for t in range(first, last + 1):
            if passed < len(boundaries) and t == boundaries[passed]:
                passed += 1
            timed.starts[t] = begin + (timed.starts[t] - begin) * scale + pause * passed
            # A token's end is before the next boundary's pause.
            timed.ends[t] = begin + (timed.ends[t] - begin) * scale + pause * passed


# --- aligning --------------------------------------------------------------------------------


def _anchors(a: list[int], b: list[int]) -> list[tuple[int, int]]:
    """Pairs (i, j) of word triples found once in each text, the longest chain in order of both.

    Patience-diff's idea: a triple that occurs once on each side almost surely pairs those two
    places, and the longest increasing chain of them drops the few that do not.
    """

    def once(tokens: list[int]) -> dict[tuple[int, int, int], int]:
        seen: dict[tuple[int, int, int], int] = {}
        for i in range(len(tokens) - ANCHOR_WORDS + 1):
            key = (tokens[i], tokens[i + 1], tokens[i + 2])
            seen[key] = -1 if key in seen else i
        return {k: i for k, i in seen.items() if i >= 0}

    in_b = once(b)
    pairs = sorted((i, in_b[k]) for k, i in once(a).items() if k in in_b)
    # Longest chain increasing in j (pairs are sorted by i): patience sorting, O(n log n).
    tails: list[int] = []  # tails[k]: index into pairs ending the best chain of length k + 1
    back: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = _search(tails, pairs, j)
        if k:
            back[index] = tails[k - 1]
        if k == len(tails):
            tails.append(index)
        else:
            tails[k] = index
    chain: list[tuple[int, int]] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        chain.append(pairs[at])
        at = back[at]
    return chain[::-1]


def _search(tails: list[int], pairs: list[tuple[int, int]], j: int) -> int:
    lo, hi = 0, len(tails)
    while lo < hi:
        mid = (lo + hi) // 2
        if pairs[tails[mid]][1] < j:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _matches(a: list[int], b: list[int]) -> list[tuple[int, int, int]]:
    """Matching runs of ``a`` and ``b``: difflib between anchors, so each pass is short."""
    blocks: list[tuple[int, int, int]] = []
    i0 = j0 = 0
    for i, j in [*_anchors(a, b), (len(a), len(b))]:
        if i < i0 or j < j0:  # inside the run just taken
            continue
        if i > i0 and j > j0:
            matcher = difflib.SequenceMatcher(None, a[i0:i], b[j0:j], autojunk=False)
            blocks.extend(
                (i0 + m.a, j0 + m.b, m.size) for m in matcher.get_matching_blocks() if m.size
            )
        size = 0
        while i + size < len(a) and j + size < len(b) and a[i + size] == b[j + size]:
            size += 1
        if size:
            blocks.append((i, j, size))
        i0, j0 = i + size, j + size
    # Runs that touch (difflib's last one and an anchor's) become one.
    merged: list[tuple[int, int, int]] = []
    for i, j, size in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
        else:
            merged.append((i, j, size))
    return merged


def _runs(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Matching runs (i in a, j in b, length), in order, chance single-word hits left out."""
    ids: dict[str, int] = {}
    a_ids = [ids.setdefault(t, len(ids)) for t in a]
    b_ids = [ids.setdefault(t, len(ids)) for t in b]
    blocks = _matches(a_ids, b_ids)
    kept: list[tuple[int, int, int]] = []
    for index, (i, j, size) in enumerate(blocks):
        if size < SHORT_RUN:
            # The two texts' own starts and ends count as neighbours too.
            before = kept[-1] if kept else (0, 0, 0)
            after = next(
                (blk for blk in blocks[index + 1 :] if blk[2] >= SHORT_RUN), (len(a), len(b), 0)
            )
            near_before = (
                i - (before[0] + before[2]) <= SHORT_RUN_REACH
                and j - (before[1] + before[2]) <= SHORT_RUN_REACH
            )
            near_after = (
                after[0] - (i + size) <= SHORT_RUN_REACH
                and after[1] - (j + size) <= SHORT_RUN_REACH
            )
            if not (near_before and near_after):
                continue
        kept.append((i, j, size))
    return kept


def _fill_gap(
    starts: list[float],
    ends: list[float],
    owner: list[tuple[int, int]],
    left: int,
    right: int,
    lo: float,
    hi: float,
    rate: float,
) -> None:
    """Time the unmatched words ``left+1 .. right-1`` within ``lo .. hi``.

    A span longer than the words need at ``rate`` (seconds a word) holds pauses too, and people
    pause between turns and paragraphs: the spare time goes to the part boundaries inside the
    span (a lost question sits between two answers' pauses), or is shared evenly when there are
    none (misheard words within a sentence).
    """
    gap = right - left - 1
    count = len(owner)
    boundaries = [
        k
        for k in range(gap + 1)
        if (left + k >= 0 and left + k + 1 < count) and owner[left + k] != owner[left + k + 1]
    ]
    step = (hi - lo) / gap
    if boundaries and step > rate:
        step = rate
    pause = ((hi - lo) - step * gap) / len(boundaries) if boundaries else 0.0
    clock = lo
    for k in range(gap):
        if k in boundaries:
            clock += pause
        starts[left + 1 + k], ends[left + 1 + k] = clock, clock + step
        clock += step


@dataclass
class _WordTimes:
    starts: list[float]
    ends: list[float]
    partner: list[int | None]


def _word_times(edited: _Edited, timed: _Timed, runs: list[tuple[int, int, int]]) -> _WordTimes:
    """Give every edited word a start and end: its partner's, else spread between neighbours."""
    count = len(edited.tokens)
    partner: list[int | None] = [None] * count
    for i, j, size in runs:
        for k in range(size):
            partner[i + k] = j + k
    starts = [0.0] * count
    ends = [0.0] * count
    # This speaker's pace, pauses included: for words that must be placed without a partner.
    span = timed.ends[-1] - timed.starts[0]
    rate = span / len(timed.tokens) if span > 0 else SECONDS_PER_WORD
    matched = [i for i in range(count) if partner[i] is not None]
    for i, j, size in runs:
        for k in range(size):
            starts[i + k], ends[i + k] = timed.starts[j + k], timed.ends[j + k]
    # Stretches without a partner share the time between the matched words around them.
    bounds = [-1, *matched, count]
    for left, right in itertools.pairwise(bounds):
        gap = right - left - 1
        if gap <= 0:
            continue
        if left >= 0:
            lo = ends[left]
        elif right < count:  # before the first match: at a speaking rate, back from it
            lo = max(0.0, starts[right] - rate * gap)
        else:  # pragma: no cover - no match at all is refused before this
            lo = 0.0
        hi = starts[right] if right < count else lo + rate * gap
        _fill_gap(starts, ends, edited.owner, left, right, lo, hi, rate)
    return _WordTimes(starts, ends, partner)


# --- the result --------------------------------------------------------------------------------


class PairingError(SegcastError):
    """The timed transcript is not of this segment's audio (or has no words in common)."""


@dataclass
class PartTimes:
    """When one question or paragraph is spoken; ``matched`` is its share of words paired."""

    part: Part
    index: int  # paragraph number within its section (0 for the question)
    start_seconds: float
    end_seconds: float
    matched: float


@dataclass
class SectionTimes:
    """When one section is spoken, and what the pairing filled in."""

    heading: str | None
    question: str | None
    speaker: str | None
    questioner: str | None
    start_seconds: float
    end_seconds: float
    parts: list[PartTimes] = field(default_factory=list)
    speaker_filled: bool = False
    questioner_filled: bool = False


@dataclass
class Pairing:
    """A segment with times on every section, and how far the pairing can be trusted."""

    segment: Segment
    coverage: float
    confidence: float
    timed_coverage: float  # share of the timed words used: low when the edit cut much
    sections: list[SectionTimes]

    def summary(self) -> str:
        """One line for the command line: how much matched, and how far it can be trusted."""
        sections = self.sections
        span = (
            f", {format_timecode(sections[0].start_seconds, trim=True)}"
            f" - {format_timecode(sections[-1].end_seconds, trim=True)}"
            if sections
            else ""
        )
        filled = sum(s.speaker_filled or s.questioner_filled for s in sections)
        names = f", speakers filled in for {filled}" if filled else ""
        return (
            f"coverage {self.coverage:.0%}, confidence {self.confidence:.0%}: "
            f"{len(sections)} sections timed{span}{names}"
        )

    def as_json(self) -> dict[str, object]:
        """Return the form ``segcast pair --json`` prints."""
        return {
            "coverage": round(self.coverage, 3),
            "confidence": round(self.confidence, 3),
            "timed_coverage": round(self.timed_coverage, 3),
            "sections": [
                {
                    "heading": s.heading,
                    "question": s.question,
                    "speaker": s.speaker,
                    "questioner": s.questioner,
                    "start_seconds": round(s.start_seconds, 3),
                    "end_seconds": round(s.end_seconds, 3),
                    "speaker_filled": s.speaker_filled,
                    "questioner_filled": s.questioner_filled,
                    "parts": [
                        {
                            "part": p.part,
                            "index": p.index,
                            "start_seconds": round(p.start_seconds, 3),
                            "end_seconds": round(p.end_seconds, 3),
                            "matched": round(p.matched, 3),
                        }
                        for p in s.parts
                    ],
                }
                for s in self.sections
            ],
        }


#: Speaker labels that name nobody (our own "Q", diarisation's "SPEAKER_00", "Speaker 2"):
#: they never fill in a speaker.
PLACEHOLDER_SPEAKER = re.compile(r"^(?:q|a|unknown|speaker[ _-]?\d*|spk[ _-]?\d+)$", re.IGNORECASE)


def _speaker_of(indices: list[int], times: _WordTimes, timed: _Timed) -> str | None:
    names = Counter(
        name
        for i in indices
        if (j := times.partner[i]) is not None
        and (name := timed.speakers[j]) is not None
        and not PLACEHOLDER_SPEAKER.match(name)
    )
    return names.most_common(1)[0][0] if names else None


def pair_files(segment_path: Path | str, timed_path: Path | str) -> Pairing:
    """Read a segment file and a timed transcript file and pair them (what ``segcast pair`` runs).

    Nothing is written: store ``pairing.segment`` with ``segments.segmentfile.write_segment``.

    Raises:
        InputError: either file is missing or unreadable (naming it).
        PairingError: the timed transcript is not of this segment (naming the timed file).
    """
    segment = read_segment(Path(segment_path))
    timed = read_timed_file(timed_path)
    return pair_segment(segment, timed, where=str(timed_path))


def align(sections: list[Section], timed: TimedTranscript, where: str | None = None) -> Pairing:
    """Pair edited ``sections`` with ``timed``; raise :class:`PairingError` if they do not belong.

    The sections are copied, never changed; the returned segment has only transcript and slug.
    """
    return _pair(Segment(slug=where or "segment", title=""), sections, timed, where)


def pair_segment(segment: Segment, timed: TimedTranscript, where: str | None = None) -> Pairing:
    """Return ``segment`` with every transcript section timed from ``timed``, and the figures.

    The edited words stay as they are; speakers the timed transcript names fill in where the
    edited one has none (never replacing a named one). ``segment`` itself is not changed.

    Raises:
        PairingError: the two transcripts are not of the same audio; ``where`` names the file.
    """
    return _pair(segment, segment.transcript, timed, where)


def _pair(
    segment: Segment, sections: list[Section], timed_text: TimedTranscript, where: str | None
) -> Pairing:
    where = where or segment.slug
    edited = _edited_words(sections)
    timed = _timed_words(timed_text.cues)
    if not edited.tokens:
        raise PairingError("the segment has no transcript text to pair", where)
    if not timed.tokens:
        raise PairingError("the timed transcript has no words", where)
    runs = _runs(edited.tokens, timed.tokens)
    matched = sum(size for _, _, size in runs)
    coverage = matched / len(edited.tokens)
    confidence = sum(size for _, _, size in runs if size >= LONG_RUN) / len(edited.tokens)
    if coverage < MIN_COVERAGE or confidence < MIN_CONFIDENCE:
        raise PairingError(
            f"the timed transcript does not match {segment.slug} ({coverage:.0%} of its words "
            f"found, {confidence:.0%} in runs): is it of another episode?",
            where,
        )
    _pause_at_parts(edited, timed, runs)
    times = _word_times(edited, timed, runs)
    paired = copy.deepcopy(segment)
    paired.transcript = copy.deepcopy(sections)
    by_part: dict[tuple[int, int], list[int]] = {}
    for i, owner in enumerate(edited.owner):
        by_part.setdefault(owner, []).append(i)
    results: list[SectionTimes] = []
    previous_start = 0.0
    for index, section in enumerate(paired.transcript):
        parts: list[PartTimes] = []
        words: list[int] = []
        for (owner_section, part), indices in by_part.items():
            if owner_section != index:
                continue
            words.extend(indices)
            parts.append(
                PartTimes(
                    part="question" if part < 0 else "paragraph",
                    index=max(part, 0),
                    start_seconds=times.starts[indices[0]],
                    end_seconds=times.ends[indices[-1]],
                    matched=sum(times.partner[i] is not None for i in indices) / len(indices),
                )
            )
        if words:
            start, end = times.starts[words[0]], times.ends[words[-1]]
        else:  # a heading alone: it starts where the next words do
            later = next((i for i, o in enumerate(edited.owner) if o[0] > index), None)
            start = times.starts[later] if later is not None else previous_start
            end = start
        start = max(start, previous_start)  # sections stay in order
        end = max(end, start)
        section.start_seconds, section.end_seconds = round(start, 3), round(end, 3)
        previous_start = start
        result = SectionTimes(
            heading=section.heading,
            question=section.question,
            speaker=section.speaker,
            questioner=section.questioner,
            start_seconds=section.start_seconds,
            end_seconds=section.end_seconds,
            parts=parts,
        )
        answer = [i for i in words if edited.owner[i][1] >= 0]
        if section.speaker is None and section.paragraphs:
            section.speaker = _speaker_of(answer, times, timed)
            result.speaker, result.speaker_filled = section.speaker, section.speaker is not None
        if section.questioner is None and section.question:
            asked = [i for i in words if edited.owner[i][1] < 0]
            name = _speaker_of(asked, times, timed)
            # The answerer's name on a question is a diarisation slip, not who asked.
            if name is not None and name != section.speaker:
                section.questioner = name
                result.questioner, result.questioner_filled = name, True
        results.append(result)
    used = len({j for j in times.partner if j is not None})
    return Pairing(
        segment=paired,
        coverage=coverage,
        confidence=confidence,
        timed_coverage=used / len(timed.tokens),
        sections=results,
    )
