"""The one-command pipeline: pages -> segment files -> mastered, tagged audio -> feed -> OUT.

Reads top to bottom like beets' import session, one named stage per verb:

1. **load** ``show.toml`` (the show and its ``[audio]`` mastering settings);
2. **import** each page in ``pages/`` no segment file came from yet (edited files stay);
3. **master** each ``raw/<slug>.<ext>`` to ``audio/<slug>.mp3`` (or .m4a) unless it is up to date;
4. **tag** every mastered file with the segment, the show, the cover and the chapters;
5. **build** the feed and its companion files into OUT (segcast.build.build_show);
6. **publish** the artwork and the local audio the feed links to into OUT, under their URL names.

Per-item problems (a bad page, a corrupt raw file) are collected in the report and the other items
go on; a feed that cannot be built stops the run before publishing (the previous feed stays).
"""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import unquote

from audio.cover import prepare_cover
from audio.master import MasterReport, MasterSettings, master
from feeds.guids import new_episode_guid
from segcast.build import (
    BuildReport,
    build_show,
    enclosure_url,
    find_audio,
    pub_date,
    store_guid,
)
from segcast.config import load_audio_settings, load_show
from segcast.tag_command import show_artwork, tag_episode
from segments.errors import InputError, SegcastError
from segments.files import atomic_output
from segments.importers import read_page, source_path
from segments.model import Segment, Show
from segments.segmentfile import read_segment, segment_path, write_segment

#: Raw recordings looked for in ``SHOW_DIR/raw/<slug>.<ext>``, in order of preference.
RAW_EXTENSIONS: tuple[str, ...] = (
    ".wav",
    ".flac",
    ".aif",
    ".aiff",
    ".m4a",
    ".mp3",
    ".ogg",
    ".opus",
)

#: The show folder's layout: where each stage reads and writes.
PAGES, SEGMENTS, RAW, AUDIO = "pages", "segments", "raw", "audio"
SHOW_TOML = "show.toml"
FEED_NAME = "feed.xml"

_T = TypeVar("_T")


class Progress(Protocol):
    """Wrap the items of a long stage so each one finished moves a progress bar."""

    def __call__(self, items: Sequence[_T], label: str) -> Iterable[_T]: ...


@dataclass(frozen=True)
class Problem:
    """One item's problem or warning: where it is (file) and what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class AudioJob:
    """A segment with raw audio: its segment, its raw file and its mastered file."""

    slug: str
    path: Path
    segment: Segment
    raw: Path
    output: Path


@dataclass
class PipelineReport:
    """What a run did, stage by stage, and every problem and warning it met."""

    show_dir: Path
    out_dir: Path
    #: Segment files written from pages this run; pages whose segment file already existed.
    imported: list[Path] = field(default_factory=list)
    already_imported: int = 0
    #: Slugs mastered, skipped (mastered file up to date) and tagged.
    mastered: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    tagged: list[str] = field(default_factory=list)
    masters: list[MasterReport] = field(default_factory=list)
    feed: BuildReport | None = None
    #: Files copied into OUT this run, and those already there unchanged.
    published: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def problem(self, exc: SegcastError) -> None:
        """Record ``exc`` once (the same file may fail in two stages)."""
        item = Problem(exc.where or "", exc.message)
        if item not in self.problems:
            self.problems.append(item)


def run_pipeline(
    show_dir: Path,
    out_dir: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
    environ: Mapping[str, str] | None = None,
) -> PipelineReport:
    """Import, master, tag, build and publish the show in ``show_dir`` into ``out_dir``.

    ``force`` masters again even what is up to date. A bad show.toml raises ConfigError.
    """
    show_dir, out_dir = Path(show_dir), Path(out_dir)
    environ = os.environ if environ is None else environ
    show, settings = load(show_dir, environ)
    report = PipelineReport(show_dir=show_dir, out_dir=out_dir)
    import_pages(show_dir, report)
    segments = read_segment_files(show_dir, report)
    jobs = plan_audio(show_dir, segments, settings, report)
    done = master_audio(show_dir, jobs, settings, report, force=force, progress=progress)
    tag_audio(show_dir, show, done, report)
    report.feed = build(show_dir, show, segments, out_dir, environ, report)
    if report.feed is not None:
        publish(show_dir, show, segments, out_dir, report)
    return report


# -- 1. load -------------------------------------------------------------------------------------


def load(show_dir: Path, environ: Mapping[str, str]) -> tuple[Show, MasterSettings]:
    """Read and check ``show.toml``: the show and how to master its audio."""
    toml = show_dir / SHOW_TOML
    return load_show(toml, environ), load_audio_settings(toml)


# -- 2. import -----------------------------------------------------------------------------------


def _source_file(show_dir: Path, segment: Segment) -> Path | None:
    """Return the page a segment file was imported from (stored as ``source_path`` says)."""
    stored = segment.source.path if segment.source else None
    if not stored:
        return None
    path = Path(stored)
    return (path if path.is_absolute() else show_dir / path).resolve()


def import_pages(show_dir: Path, report: PipelineReport) -> None:
    """Import each page in ``pages/`` that no segment file came from; never overwrite one."""
    pages_dir, segments_dir = show_dir / PAGES, show_dir / SEGMENTS
    if not pages_dir.is_dir():
        return
    # Which page each existing segment file came from (unreadable files: the feed stage says so).
    written: dict[Path, str] = {}
    sources: set[Path] = set()
    unreadable: set[Path] = set()
    for path in sorted(segments_dir.glob("*.md")):
        try:
            segment = read_segment(path)
        except SegcastError:
            unreadable.add(path)
            continue
        page = _source_file(show_dir, segment)
        written[path] = segment.source.path if segment.source and segment.source.path else ""
        if page is not None:
            sources.add(page)
    for page in sorted(p for p in pages_dir.iterdir() if not p.name.startswith(".")):
        if page.is_dir():
            why = "a folder (pages are read from pages/ itself, not its subfolders)"
            report.warnings.append(Problem(str(page), f"not imported: {why}"))
            continue
        if not page.is_file():
            why = "a broken link" if page.is_symlink() else "not a regular file"
            report.warnings.append(Problem(str(page), f"not imported: {why}"))
            continue
        if page.resolve() in sources:
            report.already_imported += 1
            continue
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
            write_segment(segment, destination)
        except SegcastError as exc:
            report.problem(exc)
            continue
        written[destination] = source_path(page, segments_dir)
        sources.add(page.resolve())
        report.imported.append(destination)
        report.warnings.extend(Problem(str(page), w) for w in result.warnings)


# -- 3. master -----------------------------------------------------------------------------------


def read_segment_files(show_dir: Path, report: PipelineReport) -> list[tuple[Path, Segment]]:
    """Read every segment file; an unreadable one is a problem (and stops the feed later)."""
    found: list[tuple[Path, Segment]] = []
    for path in sorted((show_dir / SEGMENTS).glob("*.md")):
        try:
            found.append((path, read_segment(path)))
        except SegcastError as exc:
            report.problem(exc)
    return found


def find_raw(show_dir: Path, slug: str) -> Path | None:
    """Return ``raw/<slug>.<ext>``, the first of RAW_EXTENSIONS that exists."""
    for extension in RAW_EXTENSIONS:
        candidate = show_dir / RAW / f"{slug}{extension}"
        if candidate.is_file():
            return candidate
    return None


def plan_audio(
    show_dir: Path,
    segments: list[tuple[Path, Segment]],
    settings: MasterSettings,
    report: PipelineReport,
) -> list[AudioJob]:
    """Return a job for each segment with a raw recording; warn of recordings nobody uses."""
    jobs = []
    for path, segment in segments:
        raw = find_raw(show_dir, segment.slug)
        if raw is not None:
            output = show_dir / AUDIO / f"{segment.slug}.{settings.format}"
            jobs.append(AudioJob(segment.slug, path, segment, raw, output))
    used = {job.slug: job.raw for job in jobs}
    for raw in sorted((show_dir / RAW).glob("*")):
        if raw.suffix.lower() not in RAW_EXTENSIONS or raw in used.values() or not raw.is_file():
            continue
        chosen = used.get(raw.stem)
        why = f"{chosen.name} is the one used" if chosen else "no segment has that slug"
        report.warnings.append(Problem(str(raw), f"not mastered: {why}"))
    return jobs


def is_up_to_date(output: Path, inputs: Iterable[Path]) -> bool:
    """Return whether ``output`` exists and is newer than every one of ``inputs``."""
    try:
        built = output.stat().st_mtime_ns
    except FileNotFoundError:
        return False
    return all(built > path.stat().st_mtime_ns for path in inputs)


def master_audio(
    show_dir: Path,
    jobs: list[AudioJob],
    settings: MasterSettings,
    report: PipelineReport,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> list[AudioJob]:
    """Master each job's raw file unless up to date; return the jobs with a mastered file."""
    bumpers = [p for p in (settings.intro, settings.outro) if p is not None]
    todo: list[AudioJob] = []
    done: list[AudioJob] = []
    for job in jobs:
        if not force and is_up_to_date(job.output, [job.raw, show_dir / SHOW_TOML, *bumpers]):
            report.skipped.append(job.slug)
            done.append(job)
        else:
            todo.append(job)
    for job in progress(todo, "mastering") if progress and todo else todo:
        try:
            report.masters.append(master(job.raw, job.output, settings))
        except SegcastError as exc:
            report.problem(exc)
            continue
        report.mastered.append(job.slug)
        done.append(job)
        last = report.masters[-1]
        if not last.target_met:
            off = last.after.integrated_lufs - last.target_lufs
            report.warnings.append(
                Problem(str(job.output), f"loudness is {off:+.1f} LU off the target")
            )
    return sorted(done, key=lambda job: job.slug)


# -- 4. tag --------------------------------------------------------------------------------------


def tag_audio(show_dir: Path, show: Show, jobs: list[AudioJob], report: PipelineReport) -> None:
    """Tag each mastered file with its segment, the show, the cover and the chapters.

    A segment without a GUID gets one first, stored in its file as the feed stage would: the GUID
    is a tag (TGID), and tags must not change after the feed has stated the file's length.
    """
    if not jobs:
        return
    cover_file = show_artwork(show_dir / SHOW_TOML)
    cover = None
    if cover_file is not None:
        try:
            cover = prepare_cover(cover_file)
        except SegcastError as exc:
            report.problem(exc)
    for job in jobs:
        try:
            if job.segment.guid is None:
                job.segment = replace(job.segment, guid=new_episode_guid())
                store_guid(job.path, job.segment)
            tag_episode(job.output, job.segment, show, cover)
        except SegcastError as exc:
            report.problem(exc)
            continue
        report.tagged.append(job.slug)


# -- 5. build ------------------------------------------------------------------------------------


def build(
    show_dir: Path,
    show: Show,
    segments: list[tuple[Path, Segment]],
    out_dir: Path,
    environ: Mapping[str, str],
    report: PipelineReport,
) -> BuildReport | None:
    """Build the feed into ``out_dir``; on any problem build nothing (the previous feed stays)."""
    # Every segment without a date is named, not just the first build_show would stop at.
    undated = 0
    for path, segment in segments:
        try:
            pub_date(segment, show, path)
        except SegcastError as exc:
            report.problem(exc)
            undated += 1
    if undated:
        return None
    try:
        return build_show(show_dir, out_dir / FEED_NAME, environ=environ)
    except SegcastError as exc:
        report.problem(exc)
        return None


# -- 6. publish ----------------------------------------------------------------------------------


def url_name(show: Show, url: str) -> str | None:
    """Return the path under OUT that a URL under base_url is published at, else None."""
    assert show.base_url is not None  # load_show requires it
    if not url.startswith(show.base_url):
        return None
    name = unquote(url[len(show.base_url) :])
    parts = Path(name).parts
    if not parts or ".." in parts or Path(name).is_absolute():
        return None
    return name


def publish_files(
    show_dir: Path, show: Show, segments: list[tuple[Path, Segment]]
) -> list[tuple[Path, str]]:
    """Return (local file, name under OUT) for the artwork and each local audio file."""
    files: list[tuple[Path, str]] = []
    artwork = show_artwork(show_dir / SHOW_TOML)
    name = url_name(show, show.artwork) if show.artwork else None
    if artwork is not None and name is not None:
        files.append((artwork, name))
    for path, segment in segments:
        audio = find_audio(show_dir, segment, path)
        if audio is None:
            continue
        name = url_name(show, enclosure_url(show, audio, path))
        if name is not None:
            files.append((audio, name))
    return files


def is_same_file(source: Path, copy: Path) -> bool:
    """Return whether ``copy`` already holds ``source``: same size and mtime, or same bytes."""
    try:
        a, b = source.stat(), copy.stat()
    except FileNotFoundError:
        return False
    if a.st_size != b.st_size:
        return False
    if (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev) or a.st_mtime_ns == b.st_mtime_ns:
        return True
    return filecmp.cmp(source, copy, shallow=False)


def copy_file(source: Path, destination: Path) -> None:
    """Put ``source`` at ``destination`` atomically: a hard link where possible, else a copy."""
    with atomic_output(destination) as temp:
        try:
            temp.unlink()
            try:
                os.link(source, temp)
            except OSError:  # another filesystem, or links not allowed
                shutil.copy2(source, temp)
        except OSError as exc:
            raise InputError(f"cannot publish: {exc.strerror or exc}", destination) from exc


def publish(
    show_dir: Path,
    show: Show,
    segments: list[tuple[Path, Segment]],
    out_dir: Path,
    report: PipelineReport,
) -> None:
    """Copy the artwork and the local audio into ``out_dir`` beside the feed, by their URL names."""
    try:
        files = publish_files(show_dir, show, segments)
    except SegcastError as exc:
        report.problem(exc)
        return
    for source, name in files:
        destination = out_dir / name
        if is_same_file(source, destination):
            report.unchanged.append(destination)
            continue
        try:
            copy_file(source, destination)
        except SegcastError as exc:
            report.problem(exc)
            continue
        report.published.append(destination)
