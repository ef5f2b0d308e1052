"""``segcast audio tag FILE --segment SEGMENT.md``: write an episode's podcast tags into it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import click

from audio.cover import prepare_cover
from audio.tags import FORMAT_NAMES, TagReport, read_tags
from segcast.build.lock import writing
from segcast.build.tag import tag_episode
from segcast.cli.params import NO_WAIT, say_waiting
from segcast.config import load_config
from segments.chapters import episode_chapters
from segments.segmentfile import read_segment

#: ``--id3`` choices -> the ID3v2 minor version mutagen saves.
ID3_VERSIONS: dict[str, int] = {"2.3": 3, "2.4": 4}


def describe_report(path: Path, report: TagReport) -> str:
    """Return the one-line summary printed after tagging."""
    kind = FORMAT_NAMES[report.format] if report.format else "audio"
    version = f" (ID3v{report.id3_version})" if report.id3_version else ""
    parts = [
        f"{len(report.tags)} tags",
        f"{len(report.chapters)} chapters",
        "cover" if report.has_cover else "no cover",
        f"transcript of {report.transcript_chars} chars"
        if report.transcript_chars
        else "no transcript",
    ]
    return f"{path}: tagged {kind}{version}: {', '.join(parts)}"


@click.command("tag")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--segment",
    "segment_file",
    required=True,
    type=click.Path(path_type=Path),
    help="The episode's segment file (Markdown with YAML front matter).",
)
@click.option(
    "--show",
    "show_toml",
    type=click.Path(path_type=Path),
    help="show.toml: show title, hosts, feed URL, airtimes and artwork.",
)
@click.option(
    "--cover",
    "cover_file",
    type=click.Path(path_type=Path),
    help="Cover image (default: the show's artwork file; none keeps the present cover).",
)
@click.option(
    "--id3",
    "id3",
    type=click.Choice(list(ID3_VERSIONS)),
    default="2.3",
    show_default=True,
    help="ID3 version for MP3 (2.3 is what most players read correctly).",
)
@NO_WAIT
@click.option("--json", "as_json", is_flag=True, help="Print the tags read back as JSON.")
def tag(
    file: Path,
    segment_file: Path,
    show_toml: Path | None,
    cover_file: Path | None,
    id3: str,
    no_wait: bool,
    as_json: bool,
) -> None:
    """Write title, show, hosts, cover, chapters and transcript into FILE's tags, in place.

    The audio itself is left byte for byte as it was; tags segcast does not own are kept.
    """
    segment = read_segment(segment_file)
    # The one chapter list the build gives the episode too: front matter, else a paired
    # transcript's headings or questions.
    segment = replace(segment, chapters=episode_chapters(segment))
    config = load_config(show_toml) if show_toml is not None else None
    show = config.show if config is not None else None
    if cover_file is None and config is not None:
        cover_file = config.artwork_file
    cover = prepare_cover(cover_file) if cover_file is not None else None
    with writing(file.parent, wait=not no_wait, command="audio tag", waiting=say_waiting):
        tag_episode(file, segment, show, cover, id3_version=ID3_VERSIONS[id3])
    report = read_tags(file)
    if as_json:
        document = {
            "file": str(file),
            "format": report.format,
            "id3_version": report.id3_version,
            "tags": report.tags,
            "chapters": [
                {"start_seconds": c.start_seconds, "end_seconds": c.end_seconds, "title": c.title}
                for c in report.chapters
            ],
            "has_cover": report.has_cover,
            "transcript_chars": report.transcript_chars,
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo(describe_report(file, report))
