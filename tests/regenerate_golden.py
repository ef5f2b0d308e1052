"""Regenerate every golden file: ``python -m tests.regenerate_golden`` (from the repository).

Writes the importers' golden pairs (``tests/segments/importers/golden/<page>.json``, one per page
of ../shared/corpus/pages and ../shared/seeds) and the example show's built output
(``tests/feeds/golden/the-frame/``). The tests never write these; review ``git diff`` by eye
before committing what this command changed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests import golden


def _replace_folder(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def main() -> int:
    if not golden.SHARED.is_dir():
        print("Error: ../shared is not beside the repository: no pages to import", file=sys.stderr)
        return 1
    pages = {
        f"{name}.json": golden.page_json(path).encode("utf-8")
        for name, path in golden.real_pages().items()
    }
    _replace_folder(golden.IMPORTER_GOLDEN, pages)
    with tempfile.TemporaryDirectory() as work:
        feed = golden.build_example_show(Path(work))
    _replace_folder(golden.FEED_GOLDEN, feed)
    for folder, files in ((golden.IMPORTER_GOLDEN, pages), (golden.FEED_GOLDEN, feed)):
        print(f"wrote {len(files)} files to {folder.relative_to(golden.TESTS.parent)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
