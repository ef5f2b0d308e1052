"""Stage: import each page in ``pages/`` that no segment file came from yet.

Edited segment files are never touched: a page whose segment file exists is skipped (with a
warning naming both when the page changed since its import: ``segcast import --force`` updates
the file), and a page whose slug is taken by another file is a problem naming both. With
``download_audio = true`` in show.toml the audio each new page links to is downloaded
(``segcast.remote``) before its segment file is written.
"""

from __future__ import annotations

from pathlib import Path

from segcast.build.episode import BuildReport, Episode
from segcast.build.layout import PAGES, SEGMENTS
from segcast.config import ShowConfig
from segments.errors import InputError, SegcastError
from segments.files import sha256_hex
from segments.model import Segment
from segments.segmentfile import segment_path, write_segment

__all__ = ["import_pages"]


def _source_file(show_dir: Path, segment: Segment) -> Path | None:
    """Return the page a segment file was imported from (stored as ``source_path`` says)."""
    stored = segment.source.path if segment.source else None
    if not stored:
        return None
    path = Path(stored)
    return (path if path.is_absolute() else show_dir / path).resolve()


def _check_unchanged(
    page: Path, episode: Episode | None, segments_dir: Path, report: BuildReport
) -> None:
    """Warn when ``page`` changed since its segment file was imported from it (by its hash).

    The segment file is the producer's: the build never rewrites it from the page.
    """
    source = episode.segment.source if episode is not None else None
    if episode is None or source is None or source.sha256 is None:
        return
    try:
        changed = sha256_hex(page.read_bytes()) != source.sha256
    except OSError:
        return  # the import of a page that cannot be read says why, when it is imported
    if changed:
        report.warn(
            page,
            f"changed since {episode.path} was imported from it; the build keeps that file as "
            f"it is: `segcast import --force {page} -o {segments_dir}` updates it (your edits "
            "kept)",
        )


def import_pages(config: ShowConfig, episodes: list[Episode], report: BuildReport) -> list[Episode]:
    """Return ``episodes`` plus one for each page imported now, in segment-file order."""
    show_dir = config.folder
    pages_dir, segments_dir = show_dir / PAGES, show_dir / SEGMENTS
    if not pages_dir.is_dir():
        return episodes
    # Which page each readable segment file came from (the read stage named the unreadable ones).
    written: dict[Path, str] = {}
    sources: dict[Path, Episode | None] = {}
    for episode in episodes:
        source = episode.segment.source
        written[episode.path] = source.path if source and source.path else ""
        page = _source_file(show_dir, episode.segment)
        if page is not None:
            sources.setdefault(page, episode)
    unreadable = set(report.unread)
    imported: list[Episode] = []
    for page in sorted(p for p in pages_dir.iterdir() if not p.name.startswith(".")):
        if page.is_dir():
            why = "a folder (pages are read from pages/ itself, not its subfolders)"
            report.warn(page, f"not imported: {why}")
            continue
        if not page.is_file():
            why = "a broken link" if page.is_symlink() else "not a regular file"
            report.warn(page, f"not imported: {why}")
            continue
        if page.resolve() in sources:
            report.already_imported += 1
            _check_unchanged(page, sources[page.resolve()], segments_dir, report)
            continue
        # The importers (and the HTML extractor behind them) load only when a page needs them.
        from segments.importers import read_page, source_path

        try:
            # Stored relative to the show folder ("pages/<name>"), as `segcast import` stores it.
            result = read_page(page, segments_dir)
            segment = result.segment
            destination = segment_path(segments_dir, segment)
            if destination in unreadable:
                # Likely this page's own file with a typo: the read stage names the problem.
                continue
            if destination.exists():
                origin = written.get(destination) or "written by hand"
                raise InputError(
                    f"slug {segment.slug!r} is taken: {destination} exists ({origin}); "
                    "rename one of them",
                    page,
                )
            if config.download_audio and segment.audio is not None and segment.audio.url:
                from segcast.remote import download_audio

                segment, _ = download_audio(segment, show_dir)  # show.toml's download_audio
            write_segment(segment, destination, template=True)
        except SegcastError as exc:
            report.problem(exc)
            continue
        written[destination] = source_path(page, segments_dir)
        sources[page.resolve()] = None
        report.imported.append(destination)
        imported.append(Episode(path=destination, segment=segment))
        for warning in result.warnings:
            report.warn(page, warning)
    return sorted([*episodes, *imported], key=lambda episode: episode.path)
