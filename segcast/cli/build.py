"""``segcast build SHOW_DIR``: import, master, tag, build the feed and publish, in one command.

One line per stage, then every warning and problem with its file, then a summary. The exit code
is 1 when any item had a problem (or, with ``--strict``, a warning), else 0.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from feeds.validate import Finding
from segcast.build import BuildReport, JobEvent, Problem, ProgressSink, run_build
from segcast.build.jobs import DEFAULT_RETRIES
from segcast.cli.audio import master_json
from segcast.cli.params import NO_WAIT, OutputPath, say_waiting
from segments.errors import EXIT_BAD_INPUT

#: Where OUT goes when ``-o`` is not given, inside the show folder.
DEFAULT_OUT = "public"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def duration_text(seconds: float) -> str:
    """Return a duration as a person reads it: 42s, 3m05s, 2h07m, 3d04h.

    >>> duration_text(42.4), duration_text(185), duration_text(7620), duration_text(273600)
    ('42s', '3m05s', '2h07m', '3d04h')
    """
    whole = round(seconds)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d{hours:02d}h"
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def progress_text(event: JobEvent) -> str:
    """Return the one line a progress event shows: the counts and the time left.

    >>> from segcast.build import JobEvent
    >>> progress_text(JobEvent("done", "master", "a", 3, 2, 1, 6, 10, 30.0, 60.0))
    'master: 3/10 done, 2 running, 1 failed, 6 remaining, ETA 1m00s'
    """
    eta = "ETA unknown" if event.eta_seconds is None else f"ETA {duration_text(event.eta_seconds)}"
    if event.event == "end":
        eta = f"took {duration_text(event.elapsed_seconds)}"
    return (
        f"{event.stage}: {event.done}/{event.total} done, {event.running} running, "
        f"{event.failed} failed, {event.remaining} remaining, {eta}"
    )


class TerminalProgress:
    """One line on a terminal's stderr, redrawn at each event; a newline when a stage ends."""

    def __call__(self, event: JobEvent) -> None:
        end = "\n" if event.event == "end" else ""
        # color=True: the erase-line code stays (this is only used on a terminal).
        click.echo(f"\r\x1b[K{progress_text(event)}{end}", err=True, nl=False, color=True)


class PlainProgress:
    """Plain lines on stderr (a log, not a terminal): at most one every ``interval`` seconds.

    A stage that ends before its first line is due prints nothing (short builds stay quiet); one
    that printed any line prints its end too.
    """

    def __init__(self, interval: float = 10.0) -> None:
        self.interval = interval
        self._last: float | None = None
        self._printed = False

    def __call__(self, event: JobEvent) -> None:
        if event.event == "start":
            self._last, self._printed = event.elapsed_seconds, False
            return
        due = self._last is None or event.elapsed_seconds - self._last >= self.interval
        if (event.event == "end" and self._printed) or (event.event != "end" and due):
            click.echo(progress_text(event), err=True)
            self._last, self._printed = event.elapsed_seconds, True


def json_progress(event: JobEvent) -> None:
    """Print ``event`` as one JSON object on a line of stdout (``--json``), at once (a pipe
    would otherwise hold it back until its buffer fills)."""
    click.echo(json.dumps(event.as_json(), ensure_ascii=False))
    sys.stdout.flush()


def stage_lines(report: BuildReport) -> list[str]:
    """Return one line per stage: what it did."""
    lines = [
        f"import: {_plural(len(report.imported), 'page')} imported into "
        f"{report.show_dir / 'segments'}, {report.already_imported} already imported",
        f"audio: {len(report.mastered)} mastered, {len(report.skipped)} up to date, "
        f"{len(report.tagged)} tagged, {len(report.tags_unchanged)} tags unchanged",
    ]
    if report.encoded or report.encodings_unchanged:
        lines.append(
            f"alternates: {len(report.encoded)} encoded, "
            f"{len(report.encodings_unchanged)} up to date"
        )
    loudness = loudness_line(report)
    if loudness:
        lines.append(loudness)
    feed = report.feed
    if feed is None:
        lines.append("feed: not built (see the errors below); the previous feed stays")
        lines.append("publish: skipped")
        return lines
    lines.append(
        f"feed: {feed.feed}: {_plural(feed.episodes, 'episode')}, "
        # GUIDs this run assigned, whether stored by the tag stage (tagged audio) or the feed's.
        f"{_plural(len(report.new), 'new GUID')} stored, "
        f"{_plural(len(feed.files), 'companion file')}"
    )
    lines.append(
        f"publish: {_plural(len(report.published), 'file')} copied to {report.out_dir}, "
        f"{len(report.unchanged)} unchanged"
    )
    lines.append(
        f"site: {report.out_dir / 'index.html'}; preview it with: segcast serve {report.out_dir}"
    )
    if not feed.podcast_guid_pinned:
        # podcast:guid must outlive a move of the feed URL it was derived from.
        lines.append(
            f'  pin podcast_guid = "{feed.podcast_guid}" in show.toml before the feed URL moves'
        )
    return lines


def release_line(report: BuildReport) -> str:
    """Return what the run released: published, scheduled (with their times), drafts, skipped."""
    scheduled = ", ".join(f"{slug} at {at.isoformat()}" for slug, at in report.scheduled.items())
    return (
        f"episodes: {len(report.released)} published, {len(report.scheduled)} scheduled"
        + (f" ({scheduled})" if scheduled else "")
        + f", {_plural(len(report.drafts), 'draft')}, {len(report.not_ready)} skipped (not ready)"
    )


def bumper_lines(report: BuildReport) -> list[str]:
    """Return how far times moved (intro, trimmed silence), and the bumpers' loudness."""
    lines = []
    by_shift: dict[float, list[str]] = {}
    for slug, shift in report.shifts.items():
        by_shift.setdefault(shift, []).append(slug)
    for shift, slugs in sorted(by_shift.items()):
        which = ", ".join(slugs) if len(slugs) <= 3 else f"{len(slugs)} episodes"
        lines.append(f"timeline: chapter and transcript times of {which} shifted {shift:+.3f} s")
    for master in report.masters:
        levels = [
            f"{name} {bumper.integrated_lufs:.1f} LUFS"
            for name, bumper in (("intro", master.intro_after), ("outro", master.outro_after))
            if bumper is not None
        ]
        if levels:
            lines.append(
                f"  {master.output.name}: {', '.join(levels)}, "
                f"whole episode {master.after.integrated_lufs:.1f} LUFS"
            )
    return lines


def _findings(report: BuildReport) -> str:
    return (
        f"{_plural(report.count_findings('error'), 'error')}, "
        f"{_plural(report.count_findings('warning'), 'warning')}"
    )


def finding_line(report: BuildReport, finding: Finding) -> str:
    """Return one validator finding as the build prints it: the feed file, line, place, rule."""
    assert report.feed is not None
    feed = f"{report.feed.feed}:{finding.line}" if finding.line else str(report.feed.feed)
    label = "Error" if finding.severity == "error" else "Warning"
    return f"{label}: {feed}: {finding.where}: {finding.message} [{finding.rule}]"


def loudness_line(report: BuildReport) -> str | None:
    """Return the short line on what this run mastered: loudness and true peak; None if nothing."""
    masters = report.masters
    if not masters:
        return None
    loudness = sorted(m.after.integrated_lufs for m in masters)
    peaks = [m.after.true_peak_dbtp for m in masters if m.after.true_peak_dbtp is not None]
    targets = sorted({m.target_lufs for m in masters})
    span = (
        f"{loudness[0]:.1f}"
        if loudness[0] == loudness[-1]
        else (f"{loudness[0]:.1f} to {loudness[-1]:.1f}")
    )
    line = f"loudness: {_plural(len(masters), 'master')} at {span} LUFS"
    line += f" (target {', '.join(f'{t:g}' for t in targets)})"
    if peaks:
        line += f", true peak at most {max(peaks):.1f} dBTP"
    return line


def summary_line(report: BuildReport) -> str:
    """Return the run's last line: episodes built, unchanged and failed, problems, warnings.

    Then what the validator found in the feed this run built, when it built one.
    """
    line = (
        f"done: {_plural(len(report.episodes), 'episode')} "
        f"({len(report.built)} built, {len(report.unchanged_episodes)} unchanged, "
        f"{len(report.failed)} failed), {_plural(len(report.problems), 'problem')}, "
        f"{_plural(len(report.warnings), 'warning')}"
    )
    if report.feed is not None:
        line += f"; feed check: {_findings(report)}"
    return line


def _loudness_json(report: BuildReport) -> list[dict[str, Any]]:
    return [
        {
            "episode": master.output.stem,
            "file": str(master.output),
            "integrated_lufs": master.after.integrated_lufs,
            "true_peak_dbtp": master.after.true_peak_dbtp,
            "loudness_range_lu": master.after.range_lu,
            "target_lufs": master.target_lufs,
            "true_peak_ceiling_dbtp": master.true_peak_ceiling,
            "target_met": master.target_met,
        }
        for master in sorted(report.masters, key=lambda m: m.output.name)
    ] + [
        {
            "episode": master.output.stem,
            "file": str(master.output),
            "integrated_lufs": master.loudness.integrated_lufs,
            "true_peak_dbtp": master.loudness.true_peak_dbtp,
            "loudness_range_lu": master.loudness.range_lu,
        }
        for master in sorted(report.encodings, key=lambda m: m.output.name)
    ]


def release_json(report: BuildReport) -> dict[str, Any]:
    """Return the ``release`` part of ``segcast build --json`` (and ``feed build --json``)."""
    return {
        "published": report.released,
        "scheduled": [{"slug": s, "at": at.isoformat()} for s, at in report.scheduled.items()],
        "drafts": report.drafts,
        "skipped": [{"slug": s, "missing": why} for s, why in report.not_ready.items()],
    }


def _items(items: list[Problem]) -> list[dict[str, str]]:
    return [{"where": item.where, "message": item.message} for item in items]


def report_json(report: BuildReport) -> dict[str, Any]:
    """Return what ``segcast build --json`` prints."""
    return {
        "imported": [str(path) for path in report.imported],
        "mastered": report.mastered,
        "skipped": report.skipped,
        "tagged": report.tagged,
        "tags_unchanged": report.tags_unchanged,
        "encoded": report.encoded,
        "encodings_unchanged": report.encodings_unchanged,
        "loudness": _loudness_json(report),
        "episodes": {
            "built": report.built,
            "unchanged": report.unchanged_episodes,
            "failed": report.failed,
        },
        "release": release_json(report),
        "shifts": report.shifts,
        "masters": [master_json(master) for master in report.masters],
        "published": [str(path) for path in report.published],
        "problems": _items(report.problems),
        "warnings": _items(report.warnings),
        "feed": str(report.feed.feed) if report.feed else None,
        "feed_check": {
            "errors": report.count_findings("error"),
            "warnings": report.count_findings("warning"),
            "info": report.count_findings("info"),
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity,
                    "message": f.message,
                    "where": f.where,
                    "line": f.line,
                }
                for f in report.findings
            ],
        }
        if report.feed
        else None,
    }


@click.command("build")
@click.argument(
    "show_dir", type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=OutputPath(file_okay=False, path_type=Path),
    default=None,
    help=f"Folder to upload: feed, transcripts, artwork, audio [default: SHOW_DIR/{DEFAULT_OUT}]",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 1) on warnings too; never date an undated episode (refuse it).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Master raw audio again even when up to date; replace an OUT that is not segcast's.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Audio jobs (masters, encodes, tags) to run at once [default: one per processor].",
)
@click.option(
    "--alternates",
    metavar="LIST",
    default=None,
    help="Also publish these encodings of each master, comma-separated (opus, aac; '' for none) "
    "[default: show.toml's [audio] alternates].",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    default=None,
    help="Run the audio jobs on the Dask scheduler at ADDRESS (tcp://HOST:8786); every worker "
    "must see SHOW_DIR at the same path. Needs segcast[dask].",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=DEFAULT_RETRIES,
    show_default=True,
    help="Times a failed audio job is tried again before it is reported.",
)
@NO_WAIT
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON lines: one per audio job event, the report last.",
)
@click.pass_context
def build(
    ctx: click.Context,
    show_dir: Path,
    out_dir: Path | None,
    strict: bool,
    force: bool,
    jobs: int | None,
    alternates: str | None,
    cluster: str | None,
    retries: int,
    no_wait: bool,
    as_json: bool,
) -> None:
    """Import pages, master and tag audio, build the feed and publish it, for SHOW_DIR."""
    if cluster is not None and jobs is not None:
        raise click.UsageError("--jobs and --cluster exclude each other (the cluster has its own)")
    out = out_dir if out_dir is not None else show_dir / DEFAULT_OUT
    progress: ProgressSink
    if as_json:
        progress = json_progress
    elif sys.stderr.isatty():
        progress = TerminalProgress()
    else:
        progress = PlainProgress()
    names = None
    if alternates is not None:
        names = [name.strip() for name in alternates.split(",") if name.strip()]
    report = run_build(
        show_dir,
        out,
        force=force,
        strict=strict,
        replace_out=force,
        jobs=jobs,
        cluster=cluster,
        retries=retries,
        progress=progress,
        alternates=names,
        wait=not no_wait,
        waiting=say_waiting,
    )
    if as_json:
        click.echo(json.dumps(report_json(report), ensure_ascii=False))
    else:
        for line in [*stage_lines(report), *bumper_lines(report), release_line(report)]:
            click.echo(line)
        for warning in report.warnings:
            click.echo(f"Warning: {warning}", err=True)
        for problem in report.problems:
            click.echo(f"Error: {problem}", err=True)
        for finding in report.findings:
            if finding.severity in ("error", "warning"):
                click.echo(finding_line(report, finding), err=True)
        click.echo(summary_line(report))
    faulted = report.count_findings("error") or (strict and report.count_findings("warning"))
    if report.problems or (strict and report.warnings) or faulted:
        ctx.exit(EXIT_BAD_INPUT)
