"""``segcast pair SEGMENT.md TIMED_FILE``: time an edited transcript from a machine transcript.

The pairing is stored in the segment file (a ``[start - end]`` time mark before each section; the
edited words stay exactly as they are), unless the two do not belong together: then the command
exits 1 with one line saying so and the segment file is untouched.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from segcast.cli.params import NO_WAIT, say_waiting
from segments.alignment import pair_files
from segments.segmentfile import write_segment


@click.command("pair")
@click.argument("segment_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("timed_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print coverage, confidence and sections.")
@click.option("--dry-run", is_flag=True, help="Only report; leave the segment file as it is.")
@NO_WAIT
def pair(segment_file: Path, timed_file: Path, as_json: bool, dry_run: bool, no_wait: bool) -> None:
    """Pair SEGMENT_FILE's transcript with TIMED_FILE (WebVTT, SRT, JSON, Whisper, log...).

    Every section, question and speaker gets its time in the audio; speakers the timed file
    names fill in where the edited transcript has none.
    """
    if dry_run:
        pairing = pair_files(segment_file, timed_file)
    else:  # read and written under the show's lock: a build's stored GUID is not lost
        from segcast.build.lock import writing  # the build package is loaded only to write

        with writing(segment_file.parent, wait=not no_wait, command="pair", waiting=say_waiting):
            pairing = pair_files(segment_file, timed_file)
            write_segment(pairing.segment, segment_file, overwrite=True)
    if as_json:
        document = {"segment": str(segment_file), "stored": not dry_run, **pairing.as_json()}
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        stored = "not stored (--dry-run)" if dry_run else "stored"
        click.echo(f"{segment_file}: {pairing.summary()}; {stored}")
