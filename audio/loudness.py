"""Loudness per ITU-R BS.1770-4 / EBU R128, measured by ffmpeg's ``ebur128`` filter.

ffmpeg prints a summary when the filter closes; :func:`parse_ebur128` reads it. Integrated
loudness of a recording with nothing above the absolute gate (-70 LUFS) is ``-inf``, as is the
peak of digital silence. Measuring true peak costs about 3x a plain measurement (4x oversampling),
so callers that only need a bound ask for the sample peak instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audio.ffmpeg import run_ffmpeg
from segments.errors import AudioError

#: BS.1770-4 absolute gate: ebur128 reports exactly this when no block passes it (silence).
ABSOLUTE_GATE_LUFS = -70.0

_NUMBER = r"(-?(?:\d+(?:\.\d+)?|inf)|nan)"
#: Summary line -> field, read in the section that follows ``Summary:``.
_SUMMARY_FIELDS: tuple[tuple[str, str], ...] = (
    ("integrated_lufs", rf"Integrated loudness:\s+I:\s+{_NUMBER} LUFS"),
    ("range_lu", rf"Loudness range:\s+LRA:\s+{_NUMBER} LU"),
    ("sample_peak_dbfs", rf"Sample peak:\s+Peak:\s+{_NUMBER} dBFS"),
    ("true_peak_dbtp", rf"True peak:\s+Peak:\s+{_NUMBER} dBFS"),
)
_TIME = re.compile(r"time=\s*(\d+):(\d\d):(\d\d(?:\.\d+)?)")


@dataclass(frozen=True)
class Loudness:
    """What ebur128 measured; peaks are ``None`` when not asked for, ``-inf`` for silence."""

    integrated_lufs: float
    range_lu: float
    true_peak_dbtp: float | None = None
    sample_peak_dbfs: float | None = None
    decoded_seconds: float | None = None

    @property
    def is_silent(self) -> bool:
        """Return whether nothing passed the absolute gate (integrated loudness is -inf)."""
        return self.integrated_lufs == -math.inf


def _number(text: str) -> float:
    value = float(text)
    return -math.inf if math.isnan(value) else value


def parse_decoded_seconds(stderr: str) -> float | None:
    """Return the last ``time=`` ffmpeg's progress line reports, in seconds.

    >>> parse_decoded_seconds("size=N/A time=00:00:46.15 x\\rsize=N/A time=01:02:03.50 bitrate")
    3723.5
    >>> parse_decoded_seconds("no progress") is None
    True
    """
    found = _TIME.findall(stderr)
    if not found:
        return None
    hours, minutes, seconds = found[-1]
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def parse_ebur128(stderr: str, *, where: str | Path | None = None) -> Loudness:
    """Read the ``Summary:`` ffmpeg's ebur128 filter prints (the last one in ``stderr``).

    >>> text = '''[Parsed_ebur128_0 @ 0x1] Summary:
    ...   Integrated loudness:
    ...     I:         -21.8 LUFS
    ...     Threshold: -31.8 LUFS
    ...   Loudness range:
    ...     LRA:         3.5 LU
    ...   True peak:
    ...     Peak:      -18.1 dBFS
    ... size=N/A time=00:00:05.00 bitrate=N/A'''
    >>> parse_ebur128(text)
    Loudness(integrated_lufs=-21.8, range_lu=3.5, true_peak_dbtp=-18.1, sample_peak_dbfs=None, \
decoded_seconds=5.0)
    >>> parse_ebur128(text.replace("-21.8 LUFS", "-70.0 LUFS")).is_silent
    True
    """
    start = stderr.rfind("Summary:")
    if start < 0:
        raise AudioError("ffmpeg printed no loudness summary (no audio decoded?)", where)
    summary = stderr[start:]
    values: dict[str, float] = {}
    for name, pattern in _SUMMARY_FIELDS:
        match = re.search(pattern, summary)
        if match:
            values[name] = _number(match.group(1))
    if "integrated_lufs" not in values or "range_lu" not in values:
        raise AudioError("cannot read ffmpeg's loudness summary", where)
    integrated = values["integrated_lufs"]
    if integrated <= ABSOLUTE_GATE_LUFS:
        integrated = -math.inf
    return Loudness(
        integrated_lufs=integrated,
        range_lu=values["range_lu"],
        true_peak_dbtp=values.get("true_peak_dbtp"),
        sample_peak_dbfs=values.get("sample_peak_dbfs"),
        decoded_seconds=parse_decoded_seconds(stderr),
    )


def ebur128_filter(*, true_peak: bool = True, sample_peak: bool = False) -> str:
    """Return the ebur128 filter that measures what is asked (per-frame log silenced).

    >>> ebur128_filter(true_peak=True, sample_peak=True)
    'ebur128=peak=true+sample:framelog=verbose'
    >>> ebur128_filter(true_peak=False)
    'ebur128=framelog=verbose'
    """
    peaks = "+".join(name for name, on in (("true", true_peak), ("sample", sample_peak)) if on)
    return f"ebur128={'peak=' + peaks + ':' if peaks else ''}framelog=verbose"


def measure_loudness(
    path: Path,
    *,
    true_peak: bool = True,
    sample_peak: bool = False,
    filters: Sequence[str] = (),
) -> Loudness:
    """Measure ``path``'s loudness, after the ffmpeg audio ``filters`` given (e.g. a downmix)."""
    chain = ",".join([*filters, ebur128_filter(true_peak=true_peak, sample_peak=sample_peak)])
    done = run_ffmpeg(["-i", path, "-map", "0:a:0", "-af", chain, "-f", "null", "-"], where=path)
    return parse_ebur128(done.stderr.decode("utf-8", "replace"), where=path)
