"""The producer's references in docs/ are what the readers' tables say, and list every key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from segcast.config import AUDIO_KEYS, KEYS
from segcast.reference import DOCS, main, render
from segments.segmentfile import SEGMENT_KEYS
from tests.conftest import REPO


@pytest.mark.parametrize("name", DOCS)
def test_committed_reference_is_current(name: str) -> None:
    """The docs are reviewed text; this checks they still say what the tables say."""
    committed = (REPO / name).read_text(encoding="utf-8")
    assert committed == render()[name], (
        f"{name} is stale: run `python -m segcast.reference` and review the diff"
    )


def _keys_of_tables(text: str) -> list[list[str]]:
    """Return the first column of each Markdown table in ``text``, table by table."""
    tables: list[list[str]] = []
    in_table = False
    for line in text.splitlines():
        if line.startswith("|") and not in_table:
            tables.append([])
        in_table = line.startswith("|")
        if match := re.match(r"^\| `([^`]+)` \|", line):
            tables[-1].append(match[1])
    return tables


def test_every_key_the_readers_take_has_a_row_in_order() -> None:
    segment_doc = (REPO / "docs" / "segment-files.md").read_text(encoding="utf-8")
    show_doc = (REPO / "docs" / "show-toml.md").read_text(encoding="utf-8")
    assert _keys_of_tables(segment_doc) == [list(SEGMENT_KEYS)]
    assert _keys_of_tables(show_doc) == [list(KEYS), list(AUDIO_KEYS)]


def test_audio_rows_name_the_ranges_and_the_flag() -> None:
    show_doc = (REPO / "docs" / "show-toml.md").read_text(encoding="utf-8")
    row = next(line for line in show_doc.splitlines() if line.startswith("| `crossfade_ms` |"))
    assert "0 to 10000 ms" in row and "--crossfade-ms" in row and "| 500 |" in row
    row = next(line for line in show_doc.splitlines() if line.startswith("| `title` |"))
    assert "required" in row and "at most 255 characters" in row


def test_check_finds_a_stale_reference_and_writing_makes_it_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    stale = tmp_path / DOCS[0]
    stale.write_text("old text\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "--check"]) == 1
    assert stale.read_text(encoding="utf-8") == "old text\n"  # --check writes nothing
    assert f"{DOCS[0]}: is not current" in capsys.readouterr().err
    assert main(["--root", str(tmp_path)]) == 0
    assert main(["--root", str(tmp_path), "--check"]) == 0
    assert {name: (tmp_path / name).read_text(encoding="utf-8") for name in DOCS} == render()


def test_json_lists_the_rows_of_every_table(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [row["key"] for row in data["segment"]] == list(SEGMENT_KEYS)
    assert [row["key"] for row in data["show"]] == list(KEYS)
    assert [row["also"] for row in data["audio"]][1] == "`segcast audio master --target-lufs`"
    assert data["segment_mappings"]["people"] == ["name", "role", "href", "img"]
