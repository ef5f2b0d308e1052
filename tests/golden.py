"""Golden outputs: how each is made, where it is kept, and the diff a mismatch prints.

The tests only compare; ``python -m tests.regenerate_golden`` is the one command that writes
these files. After an intended change, run it, read ``git diff`` by eye, and commit what is right.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import shutil
from pathlib import Path

from segcast.build import run_feed
from segments.importers import read_page
from segments.jsonform import segment_to_json
from tests.conftest import EXAMPLES, SHARED

TESTS = Path(__file__).resolve().parent

#: Every real page's ``segcast import --json`` form, one file per page: ``<page stem>.json``.
IMPORTER_GOLDEN = TESTS / "segments" / "importers" / "golden"
#: Where the real pages are, relative to ../shared.
REAL_PAGE_FOLDERS: tuple[str, ...] = ("corpus/pages", "seeds")

#: The example show's built output (feed, transcripts, chapters), file for file.
EXAMPLE_SHOW = EXAMPLES / "the-frame"
FEED_GOLDEN = TESTS / "feeds" / "golden" / "the-frame"
#: The golden build's moment: a Friday 3:45pm in Los Angeles, during the 3:30pm airing, so the
#: feed holds an ended, a live and pending podcast:liveItem entries.
GOLDEN_NOW = dt.datetime(2026, 12, 4, 23, 45, tzinfo=dt.UTC)


def real_pages(shared: Path = SHARED) -> dict[str, Path]:
    """Return every page of the corpus and the seeds by its golden name (the file's stem)."""
    pages: dict[str, Path] = {}
    for folder in REAL_PAGE_FOLDERS:
        for path in sorted((shared / folder).iterdir()):
            if path.is_file() and path.suffix in (".html", ".htm", ".txt"):
                if path.stem in pages:
                    raise ValueError(f"{path}: a second page named {path.stem}")
                pages[path.stem] = path
    return pages


def golden_page_names() -> list[str]:
    """Return the names of the committed importer golden files (known without ../shared)."""
    return sorted(p.stem for p in IMPORTER_GOLDEN.glob("*.json"))


def page_json(path: Path, shared: Path = SHARED) -> str:
    """Return the page's JSON form as ``segcast import --json ../shared/...`` prints it."""
    segment = read_page(path).segment
    data = segment_to_json(segment)
    # The path as typed from the repository's folder, not where ../shared is on this machine.
    data["source"]["path"] = "../shared/" + path.relative_to(shared).as_posix()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def build_example_show(work: Path) -> dict[str, bytes]:
    """Build a copy of the example show inside ``work``; return its public files by name."""
    show = work / "the-frame"
    shutil.copytree(EXAMPLE_SHOW, show)
    out = work / "public"
    report = run_feed(show, out / "feed.xml", now=GOLDEN_NOW)
    assert report.problems == [], report.problems
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def read_tree(folder: Path) -> dict[str, bytes]:
    """Return the files of a golden folder by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def diff(expected: bytes | str, actual: bytes | str, name: str) -> str:
    """Return a unified diff from the golden ``expected`` to the ``actual`` output."""
    if isinstance(expected, bytes):
        expected = expected.decode("utf-8", errors="replace")
    if isinstance(actual, bytes):
        actual = actual.decode("utf-8", errors="replace")
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"golden/{name}",
        tofile=f"built/{name}",
    )
    return "".join(lines) + "\n(regenerate with: python -m tests.regenerate_golden)"
