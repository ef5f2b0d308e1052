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

from segcast.build import BuildReport, JobEvent, Problem, ProgressSink, run_build
from segcast.build.jobs import DEFAULT_RETRIES
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


def summary_line(report: BuildReport) -> str:
    """Return the run's last line: episodes built, unchanged and failed, problems, warnings."""
    return (
        f"done: {_plural(len(report.episodes), 'episode')} "
        f"({len(report.built)} built, {len(report.unchanged_episodes)} unchanged, "
        f"{len(report.failed)} failed), {_plural(len(report.problems), 'problem')}, "
        f"{_plural(len(report.warnings), 'warning')}"
    )


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
        "episodes": {
            "built": report.built,
            "unchanged": report.unchanged_episodes,
            "failed": report.failed,
        },
        "published": [str(path) for path in report.published],
        "problems": _items(report.problems),
        "warnings": _items(report.warnings),
        "feed": str(report.feed.feed) if report.feed else None,
    }


@click.command("build")
@click.argument(
    "show_dir", type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
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
    help="Masters to run at once [default: one per processor].",
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
    cluster: str | None,
    retries: int,
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
    )
    if as_json:
        click.echo(json.dumps(report_json(report), ensure_ascii=False))
    else:
        for line in stage_lines(report):
            click.echo(line)
        for warning in report.warnings:
            click.echo(f"Warning: {warning}", err=True)
        for problem in report.problems:
            click.echo(f"Error: {problem}", err=True)
        click.echo(summary_line(report))
    if report.problems or (strict and report.warnings):
        ctx.exit(EXIT_BAD_INPUT)
