"""Test helper: a show folder as a station's archive arrives, with every GUID and date fixed.

Fixed GUIDs (uuid5 of the slug) make two copies of the same show give the same bytes wherever
they are built (the GUID is a tag, TGID), so a cluster build can be compared with a local one.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from tests.audio.signals import speech_like, write_wav
from tests.segcast.build.test_run_build import PINNED_TOML
from tests.segcast.showdir import write_artwork

#: Namespace of the test archive's GUIDs.
ARCHIVE_NAMESPACE = uuid.UUID("0e5b2f5c-7a53-4c71-9a53-0f3c2d1e9b11")

SEGMENT = """---
title: Archive segment {n}
published: '2009-03-{day:02d}T15:30:00-08:00'
guid: {guid}
people:
- name: Guest {n}
  role: guest
---
Archive segment {n}: an interview from the station's archive.
"""


def slugs(count: int) -> list[str]:
    """Return the slugs ``make_archive`` gives ``count`` segments, in order."""
    return [f"archive-{n:03d}" for n in range(count)]


def make_archive(
    root: Path, count: int, seconds: float = 1.5, alternates: tuple[str, ...] = ()
) -> Path:
    """Write ``root/show``: show.toml, artwork, ``count`` dated segments with raw recordings.

    ``alternates`` names the encodings each master is also published in (``[audio]``).
    """
    show = root / "show"
    (show / "segments").mkdir(parents=True)
    (show / "raw").mkdir()
    toml = PINNED_TOML
    if alternates:
        toml += f"[audio]\nalternates = {json.dumps(list(alternates))}\n"
    (show / "show.toml").write_text(toml, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    for n, slug in enumerate(slugs(count)):
        guid = uuid.uuid5(ARCHIVE_NAMESPACE, slug)
        text = SEGMENT.format(n=n, day=n % 28 + 1, guid=guid)
        (show / "segments" / f"{slug}.md").write_text(text, encoding="utf-8")
        # Each recording its own: a different level and noise per segment.
        samples = speech_like(seconds + 0.25 * (n % 3), rms_dbfs=-20.0 - n % 7, seed=n + 1)
        write_wav(show / "raw" / f"{slug}.wav", samples)
    return show


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` (not dotfiles, not in dot folders) and its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }
