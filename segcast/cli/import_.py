"""``segcast import PAGE...``: turn segment pages (text or HTML) into segment files or JSON.

Without ``--json`` each page becomes ``DIR/<slug>.md`` (``-o``, default ``segments``). With
``--json`` the JSON form goes to stdout (one object for one PAGE, an array for several) and files
are written only when ``-o`` is given. Bad pages never stop a batch: the good ones are written
and each bad one is listed at the end as ``Error: FILE: problem``; the exit code is then 1.
A page imported before is not imported twice: ``--force`` updates the segment file that came
from it (found by its ``source.path``; same file and slug) and prints what changed, key by key;
the producer's keys and edits are kept (``segments.update`` states the rule). ``--slug NAME``
names a new segment instead of its title.
``--strict`` counts a page with warnings (an encoding fallback, airtimes kept as text) as bad.
``--explain`` writes nothing: it prints, for each page, which rule gave the title, the date, the
summary, each person and role, the audio and each photo caption its value.
A segment file names its page relative to the show folder (the segments folder's parent) when the
page lies inside it, so ``segcast build`` on that folder sees the page as imported.
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from pathlib import Path

import click

from segcast.build.layout import PAGES
from segcast.cli.params import NO_WAIT, say_waiting
from segments.errors import EXIT_BAD_INPUT, InputError, SegcastError
from segments.files import write_atomic
from segments.http import is_http_url
from segments.importers import read_page
from segments.importers.rawpage import Reason
from segments.importers.read import PageResult
from segments.jsonform import segment_to_json
from segments.model import Segment
from segments.segmentfile import format_segment, read_segment, segment_path, write_segment
from segments.update import Update, update_segment

#: Where segment files go when ``-o`` is not given (and ``--json`` is not asked for).
DEFAULT_DIRECTORY = Path("segments")


@click.command(name="import")
@click.argument("pages", nargs=-1, required=True, metavar="PAGE...")
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
@click.option(
    "--force",
    is_flag=True,
    help="Update the segment file that came from PAGE (your edits kept), or replace one.",
)
@click.option(
    "--slug",
    default=None,
    metavar="NAME",
    help="Name the segment (and every file made from it) NAME; one PAGE only.",
)
@click.option("--strict", is_flag=True, help="Treat a page with warnings as failed (not written).")
@click.option("--explain", is_flag=True, help="Print which rule found each field; write nothing.")
@click.option(
    "--audio",
    "with_audio",
    is_flag=True,
    help="Download each page's own audio into raw/ (audio/ when it is a finished MP3 or M4A).",
)
@NO_WAIT
@click.pass_context
def import_command(
    ctx: click.Context,
    pages: tuple[str, ...],
    output: Path | None,
    as_json: bool,
    force: bool,
    slug: str | None,
    strict: bool,
    explain: bool,
    with_audio: bool,
    no_wait: bool,
) -> None:
    """Import segment pages (plain text or HTML, told apart by content) as segment files.

    A PAGE given as an http(s) URL is fetched and kept in the show's pages/ folder (beside the
    segments folder), with its URL and the fetch time recorded in the segment's source.
    """
    debug = bool((ctx.find_root().obj or {}).get("debug"))
    if slug is not None and len(pages) > 1:
        raise click.UsageError("--slug names one segment: give one PAGE")
    if explain:
        _explain(ctx, pages, debug)
        return
    directory = output if output is not None or as_json else DEFAULT_DIRECTORY
    imported: list[tuple[Segment, Update | None]] = []
    failures: list[SegcastError] = []
    written_from: dict[Path, str] = {}
    from_pages = _imported_pages(directory) if directory is not None else {}
    if directory is not None:  # held until the command ends: one writer in a show folder
        from segcast.build.lock import writing  # the build package is loaded only to write

        ctx.with_resource(
            writing(directory, wait=not no_wait, command="import", waiting=say_waiting)
        )
    for page in pages:
        try:
            # Into a segments folder, the page is named as `segcast build` names it (source_path).
            result = _read(page, directory, as_json)
            if slug is not None:
                result.segment.slug = slug
            if strict and result.warnings:
                raise InputError("; ".join(result.warnings) + " (--strict)", page)
            for warning in result.warnings:
                click.echo(f"Warning: {page}: {warning}", err=True)
            update = None
            if directory is not None:
                if with_audio:
                    result.segment = _with_audio(result.segment, directory.parent, as_json)
                update = _write(
                    result.segment,
                    page,
                    directory,
                    from_pages,
                    written_from,
                    force=force,
                    slug_given=slug is not None,
                    as_json=as_json,
                )
                if update is not None:
                    result.segment = update.segment
            imported.append((result.segment, update))
        except SegcastError as exc:
            if debug:
                raise
            failures.append(exc)
    if as_json:
        data = [_json(segment, update) for segment, update in imported]
        if len(pages) > 1:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        elif data:
            click.echo(json.dumps(data[0], ensure_ascii=False, indent=2))
    elif directory is not None:
        click.echo(_summary(len(imported), len(pages), directory))
    for failure in failures:
        for part in failure.each():
            click.echo(f"Error: {part}", err=True)
    if failures:
        ctx.exit(EXIT_BAD_INPUT)


def _imported_pages(directory: Path) -> dict[str, Path]:
    """Return the segment files in ``directory`` by the page each came from (``source.path``)."""
    found: dict[str, Path] = {}
    for path in sorted(directory.glob("*.md")) if directory.is_dir() else []:
        try:
            source = read_segment(path).source
        except SegcastError:
            continue  # unreadable: not known to come from any page
        if source is not None and source.path:
            found.setdefault(source.path, path)
    return found


def _write(
    segment: Segment,
    page: str,
    directory: Path,
    from_pages: dict[str, Path],
    written_from: dict[Path, str],
    *,
    force: bool,
    slug_given: bool,
    as_json: bool,
) -> Update | None:
    """Write ``segment``'s file: a new one, or with ``force`` the one from the same page updated.

    Returns the update when an existing file was updated (None for a new file).
    """
    stored = segment.source.path if segment.source else None
    earlier = from_pages.get(stored) if stored else None
    if earlier is not None and not force:
        where = "" if directory == DEFAULT_DIRECTORY else f" -o {directory}"
        raise InputError(
            f"already imported as {earlier}; `segcast import --force {page}{where}` updates it "
            "(your edits kept)",
            page,
        )
    if earlier is not None and slug_given and segment.slug != earlier.stem:
        raise InputError(
            f"was imported as {earlier}; change the slug in that file, not with --slug", page
        )
    destination = earlier or segment_path(directory, segment)
    if destination in written_from:
        raise InputError(
            f"would replace {destination}, written from {written_from[destination]} "
            "in this run (both pages have the same slug)",
            page,
        )
    update = None
    if force and destination.is_file():
        update = _updated(segment, destination)
    if update is not None:
        text = format_segment(update.segment, template=True)
        if update.changes or destination.read_bytes() != text.encode("utf-8"):
            write_atomic(destination, text)  # else untouched: its mtime too (an upload skips it)
        written_from[destination] = page
        _echo_update(destination, page, update, err=as_json)
        return update
    write_segment(segment, destination, overwrite=force, template=True)
    written_from[destination] = page
    if stored:
        from_pages[stored] = destination
    click.echo(f"wrote {destination}", err=as_json)
    return None


def _updated(segment: Segment, replaced: Path) -> Update | None:
    """Return ``replaced`` updated from ``segment`` (its page read again); None if unreadable."""
    try:
        old = read_segment(replaced)
    except SegcastError:
        return None  # unreadable: nothing to keep (it is replaced, as --force asks)
    return update_segment(old, segment)


def _shown(before: str | None, after: str | None) -> str:
    """Show a text change where it is: from a little before the first character that differs."""
    if before is None or after is None:
        return " -> ".join(
            "(none)" if t is None else json.dumps(_short(t, 60), ensure_ascii=False)
            for t in (before, after)
        )
    same = next(
        (i for i, pair in enumerate(zip(before, after, strict=False)) if pair[0] != pair[1]),
        min(len(before), len(after)),
    )
    start = max(0, same - 20)

    def part(text: str) -> str:
        shown = _short(text[start:], 60)
        return json.dumps(("…" if start else "") + shown, ensure_ascii=False)

    return f"{part(before)} -> {part(after)}"


def _echo_update(destination: Path, page: str, update: Update, *, err: bool) -> None:
    """Say what an update changed, key by key, and which of the producer's edits it kept."""
    if update.changes:
        click.echo(f"updated {destination} from {page}:", err=err)
    else:
        click.echo(f"{destination}: up to date with {page}", err=err)
    for change in update.changes:
        texts = isinstance(change.before, str | None) and isinstance(change.after, str | None)
        shown = _shown(change.before, change.after) if texts else "changed"
        click.echo(f"  {change.key}: {shown}", err=err)
    for key in update.kept:
        click.echo(f"  {key}: yours kept (you edited it; the page changed it too)", err=err)


def _json(segment: Segment, update: Update | None) -> dict[str, object]:
    """The JSON form of an imported segment; an update adds what it changed (``update``)."""
    data = segment_to_json(segment)
    if update is not None:
        data["update"] = {
            "changes": [
                {"key": c.key, "before": c.before, "after": c.after} for c in update.changes
            ],
            "kept": update.kept,
        }
    return data


def _read(page: str, directory: Path | None, as_json: bool) -> PageResult:
    """Read a page file, or fetch a page URL into the show's pages/ and read it."""
    if not is_http_url(page):
        return read_page(Path(page), directory)
    from segments.importers.remote import read_page_url

    if directory is None:  # --json alone: no show folder to keep the page in
        with tempfile.TemporaryDirectory(prefix=".segcast-page-") as folder:
            return read_page_url(page, Path(folder), None)
    result = read_page_url(page, directory.parent / PAGES, directory)
    click.echo(f"fetched {page} into {directory.parent / PAGES}/", err=as_json)
    return result


def _with_audio(segment: Segment, show_dir: Path, as_json: bool) -> Segment:
    """Download the segment's audio into the show folder, with progress on stderr."""
    if segment.audio is None or segment.audio.url is None:
        click.echo(f"Warning: {segment.slug}: the page links to no audio to download", err=True)
        return segment
    from segcast.remote import download_audio

    bar = click.progressbar(length=1, label=f"audio of {segment.slug}", file=sys.stderr)
    with bar if sys.stderr.isatty() else contextlib.nullcontext(bar):

        def progress(done: int, total: int | None) -> None:
            if total and sys.stderr.isatty():
                bar.length = total
                bar.update(done - bar.pos)

        updated, path = download_audio(segment, show_dir, progress)
    click.echo(f"downloaded {path} ({path.stat().st_size} bytes)", err=True)
    return updated


def _explain(ctx: click.Context, pages: tuple[str, ...], debug: bool) -> None:
    """Print each page's fields with the rule that found them; bad pages as ``Error:`` lines.

    A page URL is fetched into a temporary folder: ``--explain`` writes nothing.
    """
    failures: list[SegcastError] = []
    for page in pages:
        reasons: list[Reason] = []
        try:
            if is_http_url(page):
                from segments.importers.remote import read_page_url

                with tempfile.TemporaryDirectory(prefix=".segcast-page-") as folder:
                    read_page_url(page, Path(folder), None, reasons=reasons)
            else:
                read_page(Path(page), None, reasons)
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
        for part in failure.each():
            click.echo(f"Error: {part}", err=True)
    if failures:
        ctx.exit(EXIT_BAD_INPUT)


def _short(text: str, limit: int = 90) -> str:
    """One line of at most ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _summary(done: int, total: int, directory: Path) -> str:
    """Say how many pages were imported and where they went."""
    noun = "page" if total == 1 else "pages"
    if done == total:
        return f"imported {total} {noun} into {directory}/"
    return f"imported {done} of {total} {noun} into {directory}/; {total - done} failed"
