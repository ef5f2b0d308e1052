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


def _summary_of(stderr: str, name: str | None) -> int:
    """Return where the last summary of the ebur128 instance ``name`` (any when None) starts."""
    if name is None:
        return stderr.rfind("Summary:")
    owner = stderr.rfind(f"[ebur128@{name} @")
    return -1 if owner < 0 else stderr.find("Summary:", owner)


def parse_ebur128(
    stderr: str, *, where: str | Path | None = None, name: str | None = None
) -> Loudness:
    """Read the ``Summary:`` ffmpeg's ebur128 filter prints (the last one in ``stderr``).

    ``name`` picks one instance of several in a graph (``ebur128@NAME``, see
    :func:`ebur128_filter`); the summary ends where the next log line of any filter starts.

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
    start = _summary_of(stderr, name)
    if start < 0:
        raise AudioError("ffmpeg printed no loudness summary (no audio decoded?)", where)
    summary = stderr[start:]
    following = summary.find("\n[")
    if following >= 0:
        summary = summary[:following]
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


def ebur128_filter(
    *, true_peak: bool = True, sample_peak: bool = False, name: str | None = None
) -> str:
    """Return the ebur128 filter that measures what is asked (per-frame log silenced).

    ``name`` labels the instance (``ebur128@NAME``) so one graph can hold several meters.

    >>> ebur128_filter(true_peak=True, sample_peak=True)
    'ebur128=peak=true+sample:framelog=verbose'
    >>> ebur128_filter(true_peak=False, name="intro")
    'ebur128@intro=framelog=verbose'
    """
    peaks = "+".join(kind for kind, on in (("true", true_peak), ("sample", sample_peak)) if on)
    label = f"@{name}" if name else ""
    return f"ebur128{label}={'peak=' + peaks + ':' if peaks else ''}framelog=verbose"


#: ffmpeg 6+ prints "RMS through" (sic) where 5.1 printed "RMS trough".
_ASTATS = re.compile(r"\[astats@(\w+) @ [^\]]+\] (RMS level|RMS trough|RMS through) dB: (\S+)")


def astats_filter(name: str, *, trough: bool = False) -> str:
    """Return an astats meter labelled ``name``: overall RMS level, or its quietest 50 ms.

    The trough (the quietest 50 ms window's RMS) of speech is the noise floor in its pauses.

    >>> astats_filter("hum_before")
    'astats@hum_before=length=0.05:measure_perchannel=none:measure_overall=RMS_level:metadata=0'
    """
    what = "RMS_trough" if trough else "RMS_level"
    return f"astats@{name}=length=0.05:measure_perchannel=none:measure_overall={what}:metadata=0"


def parse_astats(stderr: str) -> dict[str, float]:
    """Return each labelled astats meter's last reading in dBFS (-inf for digital silence).

    >>> parse_astats("[astats@hum @ 0x5] Overall [astats@hum @ 0x5] RMS level dB: -61.5")
    {'hum': -61.5}
    """
    found: dict[str, float] = {}
    for name, _, value in _ASTATS.findall(stderr):
        found[name] = _number(value)
    return found


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
