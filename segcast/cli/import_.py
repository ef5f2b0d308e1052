"""``segcast import PAGE...``: turn segment pages (text or HTML) into segment files or JSON.

Without ``--json`` each page becomes ``DIR/<slug>.md`` (``-o``, default ``segments``). With
``--json`` the JSON form goes to stdout (one object for one PAGE, an array for several) and files
are written only when ``-o`` is given. Bad pages never stop a batch: the good ones are written
and each bad one is listed at the end as ``Error: FILE: problem``; the exit code is then 1.
``--force`` replaces a segment file with the page's content but keeps what the producer added
(GUID, date, exact audio, chapters, show notes...: ``PRODUCER_FIELDS``).
``--strict`` counts a page with warnings (an encoding fallback, airtimes kept as text) as bad.
``--explain`` writes nothing: it prints, for each page, which rule gave the title, the date, the
summary, each person and role, the audio and each photo caption its value.
A segment file names its page relative to the show folder (the segments folder's parent) when the
page lies inside it, so ``segcast build`` on that folder sees the page as imported.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from segcast.cli.params import NO_WAIT, say_waiting
from segments.errors import EXIT_BAD_INPUT, InputError, SegcastError
from segments.importers import read_page
from segments.importers.rawpage import Reason
from segments.jsonform import segment_to_json
from segments.model import Segment
from segments.segmentfile import read_segment, segment_path, write_segment

#: Where segment files go when ``-o`` is not given (and ``--json`` is not asked for).
DEFAULT_DIRECTORY = Path("segments")


@click.command(name="import")
@click.argument(
    "pages", nargs=-1, required=True, metavar="PAGE...", type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Directory for the segment files [default: {DEFAULT_DIRECTORY}; none with --json].",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the JSON form; write files only with -o."
)
@click.option("--force", is_flag=True, help="Replace segment files that already exist.")
@click.option("--strict", is_flag=True, help="Treat a page with warnings as failed (not written).")
@click.option("--explain", is_flag=True, help="Print which rule found each field; write nothing.")
@NO_WAIT
@click.pass_context
def import_command(
    ctx: click.Context,
    pages: tuple[Path, ...],
    output: Path | None,
    as_json: bool,
    force: bool,
    strict: bool,
    explain: bool,
    no_wait: bool,
) -> None:
    """Import segment pages (plain text or HTML, told apart by content) as segment files."""
    debug = bool((ctx.find_root().obj or {}).get("debug"))
    if explain:
        _explain(ctx, pages, debug)
        return
    directory = output if output is not None or as_json else DEFAULT_DIRECTORY
    imported: list[Segment] = []
    failures: list[SegcastError] = []
    written_from: dict[Path, Path] = {}
    if directory is not None:  # held until the command ends: one writer in a show folder
        from segcast.build.lock import writing  # the build package is loaded only to write

        ctx.with_resource(
            writing(directory, wait=not no_wait, command="import", waiting=say_waiting)
        )
    for page in pages:
        try:
            # Into a segments folder, the page is named as `segcast build` names it (source_path).
            result = read_page(page, directory)
            if strict and result.warnings:
                raise InputError("; ".join(result.warnings) + " (--strict)", page)
            for warning in result.warnings:
                click.echo(f"Warning: {page}: {warning}", err=True)
            if directory is not None:
                destination = segment_path(directory, result.segment)
                if destination in written_from:
                    raise InputError(
                        f"would replace {destination}, written from {written_from[destination]} "
                        "in this run (both pages have the same slug)",
                        page,
                    )
                if force:
                    _keep_producer_fields(result.segment, destination)
                write_segment(result.segment, destination, overwrite=force)
                written_from[destination] = page
                click.echo(f"wrote {destination}", err=as_json)
            imported.append(result.segment)
        except SegcastError as exc:
            if debug:
                raise
            failures.append(exc)
    if as_json:
        data = [segment_to_json(segment) for segment in imported]
        if len(pages) > 1:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        elif data:
            click.echo(json.dumps(data[0], ensure_ascii=False, indent=2))
    elif directory is not None:
        click.echo(_summary(len(imported), len(pages), directory))
    for failure in failures:
        click.echo(f"Error: {failure}", err=True)
    if failures:
        ctx.exit(EXIT_BAD_INPUT)


def _explain(ctx: click.Context, pages: tuple[Path, ...], debug: bool) -> None:
    """Print each page's fields with the rule that found them; bad pages as ``Error:`` lines."""
    failures: list[SegcastError] = []
    for page in pages:
        reasons: list[Reason] = []
        try:
            read_page(page, None, reasons)
        except SegcastError as exc:
            if debug:
                raise
            failures.append(exc)
            continue
        click.echo(f"{page}:")
        for reason in reasons:
            click.echo(f"  {reason.field}: {_short(reason.value)}")
            click.echo(f"    <- {reason.rule}")
    for failure in failures:
        click.echo(f"Error: {failure}", err=True)
    if failures:
        ctx.exit(EXIT_BAD_INPUT)


def _short(text: str, limit: int = 90) -> str:
    """One line of at most ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


#: Fields a producer completes after import (the page rarely states them). On ``--force`` the
#: page's value wins when it has one; otherwise the replaced file's value is kept.
PRODUCER_FIELDS = (
    "guid", "published", "link", "language", "chapters", "show_notes", "episode", "season",
    "explicit",
)  # fmt: skip


def _keep_producer_fields(segment: Segment, replaced: Path) -> None:
    """Keep what the producer added to the segment file that ``segment`` replaces.

    The GUID above all (a new one would make apps list the episode twice), then the date, the
    chapters, the show notes, and the audio when the producer made it exact (a page's "2MB" is an
    estimate; the producer's URL and byte count are not).
    """
    if not replaced.is_file():
        return
    try:
        old = read_segment(replaced)
    except SegcastError:
        return  # unreadable: nothing to keep (it is replaced, as --force asks)
    for name in PRODUCER_FIELDS:
        if getattr(segment, name) in (None, []) and getattr(old, name) not in (None, []):
            setattr(segment, name, getattr(old, name))
    if segment.guid != old.guid and old.guid is not None:
        segment.guid = old.guid  # an episode's GUID never changes, whatever the page says
    if old.audio is not None and (
        segment.audio is None or (segment.audio.size_is_estimate and not old.audio.size_is_estimate)
    ):
        segment.audio = old.audio


def _summary(done: int, total: int, directory: Path) -> str:
    """Say how many pages were imported and where they went."""
    noun = "page" if total == 1 else "pages"
    if done == total:
        return f"imported {total} {noun} into {directory}/"
    return f"imported {done} of {total} {noun} into {directory}/; {total - done} failed"
