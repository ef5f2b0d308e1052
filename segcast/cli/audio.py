"""``segcast audio inspect`` and ``segcast audio master``: the audio stage at the command line."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from audio.settings import ENCODINGS, Format, MasterSettings
from segcast.cli.params import (
    BITRATE,
    NO_WAIT,
    OutputPath,
    Setting,
    pick,
    renamed_option,
    say_waiting,
)
from segments.errors import InputError

if TYPE_CHECKING:
    from audio.loudness import Loudness
    from audio.master import MasterReport

# audio.master, audio.loudness and audio.probe (ffmpeg's wrappers, mutagen) are imported by the
# commands when they run, not here: ``--help`` and option errors need none of them.

#: Output file suffix -> format, when ``--format`` is not given.
SUFFIX_FORMATS: dict[str, Format] = {".mp3": "mp3", ".m4a": "m4a", ".mp4": "m4a"}


def _number(value: float | None, digits: int = 1) -> float | None:
    """Return ``value`` rounded for JSON; -inf (silence) and unknown become null."""
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    return round(value, digits)


def _shown(value: float | None, unit: str, digits: int = 1) -> str:
    if value is None:
        return "unknown"
    if math.isinf(value):
        return f"-inf {unit}"
    return f"{value:.{digits}f} {unit}"


def inspect_report(path: Path) -> dict[str, Any]:
    """Return what ``segcast audio inspect --json`` prints for ``path``."""
    from audio.loudness import measure_loudness
    from audio.probe import check_complete, probe

    facts = probe(path)
    loudness = measure_loudness(path, true_peak=True)
    check_complete(path, facts.duration_seconds, loudness.decoded_seconds)
    from audio.tags import read_tags

    tags = read_tags(path)
    return {
        "codec": facts.codec,
        "duration_seconds": _number(facts.duration_seconds, 3),
        "sample_rate": facts.sample_rate,
        "channels": facts.channels,
        "bitrate_kbps": facts.bitrate_kbps,
        "loudness_lufs": _number(loudness.integrated_lufs),
        "loudness_range_lu": _number(loudness.range_lu),
        "true_peak_dbtp": _number(loudness.true_peak_dbtp),
        "tags": dict(tags.tags),
        "chapters": [
            {
                "start_seconds": _number(chapter.start_seconds, 3),
                "end_seconds": _number(chapter.end_seconds, 3),
                "title": chapter.title,
                "url": chapter.url,
            }
            for chapter in tags.chapters
        ],
        "has_cover": tags.has_cover,
        "transcript_chars": tags.transcript_chars,
    }


def _inspect_text(path: Path, report: dict[str, Any]) -> str:
    # The meter always gives a number; JSON's null for these stands for -inf (silence).
    silent = report["loudness_lufs"] is None
    loudness = -math.inf if silent else report["loudness_lufs"]
    peak = -math.inf if report["true_peak_dbtp"] is None else report["true_peak_dbtp"]
    lines = [
        f"{path}",
        f"  codec        {report['codec']}",
        f"  duration     {_shown(report['duration_seconds'], 's', 3)}",
        f"  sample rate  {report['sample_rate']} Hz",
        f"  channels     {report['channels']}",
        f"  bit rate     {report['bitrate_kbps']} kbit/s",
        f"  loudness     {_shown(loudness, 'LUFS')}" + (" (silent)" if silent else ""),
        f"  range        {_shown(report['loudness_range_lu'], 'LU')}",
        f"  true peak    {_shown(peak, 'dBTP')}",
        f"  cover        {'yes' if report['has_cover'] else 'no'}",
        f"  transcript   {report['transcript_chars'] or 0} characters",
    ]
    for name, value in report["tags"].items():
        shown = value if len(value) <= 70 else value[:67] + "..."
        lines.append(f"  tag {name:<12} {shown}")
    for chapter in report["chapters"]:
        lines.append(f"  chapter {chapter['start_seconds']:>9.3f} s  {chapter['title']}")
    return "\n".join(lines)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def inspect(file: Path, as_json: bool) -> None:
    """Show FILE's codec, duration, loudness, true peak, tags, chapters and cover."""
    report = inspect_report(file)
    text = json.dumps(report, indent=2, ensure_ascii=False) if as_json else None
    click.echo(text or _inspect_text(file, report))


def _loudness_json(loudness: Loudness) -> dict[str, float | None]:
    return {
        "loudness_lufs": _number(loudness.integrated_lufs),
        "loudness_range_lu": _number(loudness.range_lu),
        "true_peak_dbtp": _number(loudness.true_peak_dbtp),
        "sample_peak_dbfs": _number(loudness.sample_peak_dbfs),
    }


def master_json(report: MasterReport) -> dict[str, Any]:
    """Return what ``segcast audio master --json`` prints."""
    return {
        "source": str(report.source),
        "output": str(report.output),
        "format": report.format,
        "channels": report.channels,
        "sample_rate": report.sample_rate,
        "bitrate_kbps": report.bitrate_kbps,
        "duration_seconds": _number(report.duration_seconds, 3),
        "target_lufs": report.target_lufs,
        "true_peak_ceiling_dbtp": report.true_peak_ceiling,
        "before": _loudness_json(report.before),
        "after": _loudness_json(report.after),
        "gain_db": report.gain_db,
        "limiter": report.limiter,
        "passes": report.passes,
        "target_met": report.target_met,
        "trimmed_seconds": (
            {"start": report.trimmed_seconds[0], "end": report.trimmed_seconds[1]}
            if report.trimmed_seconds
            else None
        ),
        "bumpers": [str(path) for path in report.bumpers],
        "bumper_gain_db": report.bumper_gain_db,
        "intro_effective_seconds": report.intro_effective_seconds,
        "shift_seconds": report.shift_seconds,
        "intro_after": _loudness_json(report.intro_after) if report.intro_after else None,
        "outro_after": _loudness_json(report.outro_after) if report.outro_after else None,
        "reading": report.reading,
        "effects": [
            {
                "step": effect.step,
                "measure": effect.measure,
                "unit": effect.unit,
                "before": _number(effect.before),
                "after": _number(effect.after),
            }
            for effect in report.effects
        ],
        "wall_seconds": report.wall_seconds,
    }


def _before_peak(before: Loudness) -> str:
    """Return the input's true peak, or its sample peak marked as such when only that is known."""
    if before.true_peak_dbtp is None and before.sample_peak_dbfs is not None:
        return _shown(before.sample_peak_dbfs, "dBFS") + "*"
    return _shown(before.true_peak_dbtp, "dBTP")


def master_text(report: MasterReport) -> str:
    """Return the before/after report ``segcast audio master`` prints."""
    b, a = report.before, report.after
    layout = "mono" if report.channels == 1 else "stereo"
    passes = f"{report.passes} pass" + ("es" if report.passes > 1 else "")
    lines = [
        f"Mastered {report.source} -> {report.output} in {report.wall_seconds:.1f} s ({passes})",
        f"  output     {report.format.upper()} CBR {report.bitrate_kbps} kbit/s, {layout}, "
        f"{report.sample_rate} Hz, {_shown(report.duration_seconds, 's')}",
        f"  {'':<10} {'before':>12} {'after':>12} {'target':>14}",
        f"  {'loudness':<10} {_shown(b.integrated_lufs, 'LUFS'):>12} "
        f"{_shown(a.integrated_lufs, 'LUFS'):>12} {_shown(report.target_lufs, 'LUFS'):>14}",
        f"  {'range':<10} {_shown(b.range_lu, 'LU'):>12} {_shown(a.range_lu, 'LU'):>12}",
        f"  {'true peak':<10} {_before_peak(b):>12} "
        f"{_shown(a.true_peak_dbtp, 'dBTP'):>12} "
        f"{'<= ' + _shown(report.true_peak_ceiling, 'dBTP'):>14}",
        f"  gain {report.gain_db:+.1f} dB, limiter {'on' if report.limiter else 'off'}",
    ]
    if b.true_peak_dbtp is None:
        lines.append("  * sample peak of the input (--input-peak measures its true peak)")
    if report.trimmed_seconds:
        start, end = report.trimmed_seconds
        lines.append(f"  trimmed {start:.2f} s of leading and {end:.2f} s of trailing silence")
    if report.reading == "dual-mono":
        lines.append("  mono read as dual mono (-16 LUFS, Apple's reading)")
    for effect in report.effects:
        lines.append(
            f"  {effect.step:<10} {effect.measure}: {_shown(effect.before, effect.unit)}"
            f" -> {_shown(effect.after, effect.unit)}"
        )
    for name, bumper in (("intro", report.intro_after), ("outro", report.outro_after)):
        if bumper is not None:
            lines.append(f"  {name:<10} {'':>12} {_shown(bumper.integrated_lufs, 'LUFS'):>12}")
    if report.shift_seconds:
        lines.append(
            f"  times of the recording moved {report.shift_seconds:+.3f} s "
            "(intro less crossfade, less trimmed silence): shift chapters by this"
        )
    if not report.target_met:
        lines.append(
            f"  warning: loudness is {a.integrated_lufs - report.target_lufs:+.1f} LU off target"
        )
    return "\n".join(lines)


def _tty() -> bool:
    return sys.stderr.isatty()


def output_format(out: Path, chosen: str | None) -> Format:
    """Return the output format: ``--format`` when given, else the output file's suffix."""
    from_suffix = SUFFIX_FORMATS.get(out.suffix.lower())
    if chosen is None and from_suffix is None:
        raise InputError(
            f"unsupported output format {out.suffix or '(no suffix)'!r} (use .mp3 or .m4a)", out
        )
    if chosen is not None and from_suffix is not None and chosen != from_suffix:
        raise InputError(f"suffix {out.suffix} does not match --format {chosen}", out)
    return cast(Format, chosen) if chosen else cast(Format, from_suffix)


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=OutputPath(dir_okay=False, path_type=Path),
    required=True,
    help="Mastered file to write (.mp3 or .m4a).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(ENCODINGS)),
    default=None,
    help="Output format (default: from the output suffix).",
)
@click.option(
    "--target-lufs",
    type=Setting("target_lufs"),
    default=None,
    help="Integrated loudness target in LUFS (default -16 stereo, -19 mono).",
)
@renamed_option("--target", Setting("target_lufs"))
@click.option(
    "--true-peak",
    type=Setting("true_peak_ceiling"),
    default=-1.0,
    show_default=True,
    help="True peak ceiling in dBTP, measured on the encoded file.",
)
@click.option(
    "--bitrate",
    type=BITRATE,
    default=None,
    help="CBR bit rate, e.g. 128k (default 128k stereo, 64k mono).",
)
@click.option("--mono", is_flag=True, help="Downmix to mono.")
@click.option("--intro", type=click.Path(path_type=Path), default=None, help="Intro bumper.")
@click.option("--outro", type=click.Path(path_type=Path), default=None, help="Outro bumper.")
@click.option(
    "--crossfade-ms",
    type=Setting("crossfade_ms", int),
    default=None,
    help=f"Crossfade into and out of bumpers, in ms [default: {MasterSettings.crossfade_ms}].",
)
@renamed_option("--crossfade", Setting("crossfade_ms", int))
@click.option("--trim-silence", is_flag=True, help="Cut leading and trailing silence.")
@click.option(
    "--input-peak", is_flag=True, help="Also measure the input's true peak (about 10% slower)."
)
@click.option("--leveler", is_flag=True, help="Even out speakers and passages (dynaudnorm).")
@click.option(
    "--highpass",
    type=Setting("highpass_hz"),
    default=None,
    metavar="HZ",
    help="High-pass against rumble.",
)
@click.option(
    "--dehum",
    type=click.Choice(["50", "60"]),
    default=None,
    help="Remove mains hum, harmonics too.",
)
@click.option("--denoise", is_flag=True, help="Reduce broadband noise (ffmpeg's afftdn).")
@click.option("--dual-mono", is_flag=True, help="Mono at -16 LUFS (Apple's reading), not -19.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@NO_WAIT
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def master(
    source: Path,
    output: Path,
    fmt: str | None,
    target_lufs: float | None,
    renamed_target: float | None,
    true_peak: float,
    bitrate: int | None,
    mono: bool,
    intro: Path | None,
    outro: Path | None,
    crossfade_ms: int | None,
    renamed_crossfade: int | None,
    trim_silence: bool,
    input_peak: bool,
    leveler: bool,
    highpass: float | None,
    dehum: str | None,
    denoise: bool,
    dual_mono: bool,
    force: bool,
    no_wait: bool,
    as_json: bool,
) -> None:
    """Master SOURCE to podcast loudness as MP3 or M4A; SOURCE is never changed."""
    settings = MasterSettings(
        target_lufs=pick(target_lufs, renamed_target, None),
        true_peak_ceiling=true_peak,
        format=output_format(output, fmt),
        bitrate_kbps=bitrate,
        mono=mono,
        intro=intro,
        outro=outro,
        crossfade_ms=pick(crossfade_ms, renamed_crossfade, MasterSettings.crossfade_ms),
        trim_silence=trim_silence,
        measure_input_peak=input_peak,
        leveler=leveler,
        highpass_hz=highpass,
        dehum=50 if dehum == "50" else 60 if dehum == "60" else None,
        denoise=denoise,
        dual_mono=dual_mono,
    )
    if output.exists() and not force:
        raise InputError("already exists (use --force to replace it)", output)
    # Long work shows progress, on a terminal only (scripts read stdout, tests read stderr).
    progress = (lambda stage: click.echo(f"  {stage} ...", err=True)) if _tty() else None
    from audio.master import master as master_file
    from segcast.build.lock import writing

    with writing(output.parent, wait=not no_wait, command="audio master", waiting=say_waiting):
        report = master_file(source, output, settings, progress=progress)
    click.echo(json.dumps(master_json(report), indent=2) if as_json else master_text(report))
