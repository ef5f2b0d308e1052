"""Edits that flow: ``import --force PAGE`` updates the segment that came from PAGE, ``--slug``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from segcast.cli import cli
from segments.segmentfile import read_segment
from tests.conftest import EXAMPLES

PAGE = "pages/lovesong.txt"
SLUG = "lovesong-another-intimate-film-from-director-so-yong-kim"
TARGET = Path(f"segments/{SLUG}.md")
GUID = "6fbac70d-1036-48b7-9655-59ef6237368e"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj={})


@pytest.fixture
def show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A show folder (the working directory) with one page, imported once."""
    (tmp_path / "pages").mkdir()
    shutil.copy(EXAMPLES / "the-frame" / "pages" / "lovesong-so-yong-kim.txt", tmp_path / PAGE)
    monkeypatch.chdir(tmp_path)
    assert run("import", PAGE).exit_code == 0
    return tmp_path


def edit(path: str | Path, old: str, new: str) -> None:
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def complete_as_a_producer() -> None:
    """What a producer adds after an import: GUID, date, chapters, exact audio, a recording."""
    edit(
        TARGET,
        "---\n",
        f"---\nguid: {GUID}\npublished: 2016-04-05\nchapters: ['00:00 Opening', '01:10 Film']\n"
        "raw: raw/take-2.wav\n",
    )
    edit(
        TARGET,
        "audio:\n  label: Download this story\n  size_bytes: 2000000\n  size_is_estimate: true\n",
        "audio:\n  url: https://media.example.org/lovesong.mp3\n  size_bytes: 4968229\n",
    )


def test_force_updates_the_same_file_keeping_the_producers_keys(show: Path) -> None:
    complete_as_a_producer()
    before = read_segment(TARGET)
    # The station corrects its page: a word of the summary and the title (so a new slug).
    edit(PAGE, "So Yong Kim is a director", "So Yong Kim is a filmmaker")
    edit(PAGE, "'Lovesong': Another intimate film", "'Lovesong': The intimate film")
    result = run("import", "--force", PAGE)
    assert (result.exit_code, result.stderr) == (0, "")
    assert sorted(p.name for p in Path("segments").iterdir()) == [TARGET.name]  # no second file
    after = read_segment(TARGET)
    assert after.slug == SLUG and after.guid == GUID
    for name in ("published", "chapters", "audio", "raw", "people", "transcript"):
        assert getattr(after, name) == getattr(before, name), name
    assert after.title == "'Lovesong': The intimate film from director So Yong Kim"
    assert after.summary is not None and after.summary.startswith("So Yong Kim is a filmmaker")
    assert result.stdout.splitlines() == [
        f"updated {TARGET} from {PAGE}:",
        "  title: \"'Lovesong': Another intimate film from director So Yong Kim\" -> "
        "\"'Lovesong': The intimate film from director So Yong Kim\"",
        '  summary: "So Yong Kim is a director who’s known for making rather int…" -> '
        '"So Yong Kim is a filmmaker who’s known for making rather in…"',
        "imported 1 page into segments/",
    ]
    # Nothing changed since: saying so, writing the same bytes.
    written, mtime = TARGET.read_bytes(), TARGET.stat().st_mtime_ns
    again = run("import", "--force", PAGE)
    assert again.stdout.splitlines()[0] == f"{TARGET}: up to date with {PAGE}"
    assert (TARGET.read_bytes(), TARGET.stat().st_mtime_ns) == (written, mtime)
    assert "\n# More keys: remove the '# ' to use one" in written.decode("utf-8")


def test_an_edited_key_is_kept_and_said_to_be_kept_when_the_page_changed_it(show: Path) -> None:
    edit(TARGET, "title: \"'Lovesong': Another", 'title: "Lovesong: Another')  # the producer's
    edit(TARGET, "  role: interviewer", "  role: host")
    edit(PAGE, "'Lovesong': Another intimate", "'Lovesong': Yet another intimate")  # the page's
    result = run("import", "--force", PAGE)
    assert result.exit_code == 0, result.output
    after = read_segment(TARGET)
    assert after.title == "Lovesong: Another intimate film from director So Yong Kim"
    assert [p.role for p in after.people] == ["guest", "host", "host"]
    assert result.stdout.splitlines()[1:-1] == [
        "  title: yours kept (you edited it; the page changed it too)"
    ]
    # Still the producer's at the next update: the fingerprint is the page's, not theirs.
    edit(PAGE, "Yet another", "Still another")
    assert read_segment(TARGET).title == after.title
    assert run("import", "--force", PAGE).exit_code == 0
    assert read_segment(TARGET).title == after.title


def test_force_json_has_the_changes_key_by_key(show: Path) -> None:
    edit(PAGE, "So Yong Kim is a director", "So Yong Kim is a filmmaker")
    result = run("import", "--force", "--json", "-o", "segments", PAGE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [c["key"] for c in data["update"]["changes"]] == ["summary"]
    change = data["update"]["changes"][0]
    assert change["before"].startswith("So Yong Kim is a director")
    assert change["after"].startswith("So Yong Kim is a filmmaker")
    assert data["update"]["kept"] == []
    assert data["summary"] == change["after"]
    assert result.stderr.startswith(f"updated {TARGET} from {PAGE}:\n")


def test_without_force_a_page_imported_before_is_refused_naming_its_file(show: Path) -> None:
    edit(PAGE, "'Lovesong': Another intimate film", "'Lovesong': The intimate film")
    written = TARGET.read_bytes()
    result = run("import", PAGE)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {PAGE}: already imported as {TARGET}; `segcast import --force {PAGE}` "
        "updates it (your edits kept)\n"
    )
    assert sorted(p.name for p in Path("segments").iterdir()) == [TARGET.name]
    assert TARGET.read_bytes() == written


def test_slug_names_the_segment(show: Path) -> None:
    shutil.copy(EXAMPLES / "the-frame" / "pages" / "gold-medal-kyungjin-song.txt", "pages/g.txt")
    result = run("import", "--slug", "gold-medal", "pages/g.txt")
    assert (result.exit_code, result.stderr) == (0, "")
    segment = read_segment(Path("segments/gold-medal.md"))
    assert segment.slug == "gold-medal"
    assert segment.source is not None and segment.source.path == "pages/g.txt"
    # Updating it keeps the slug the producer chose.
    assert run("import", "--force", "pages/g.txt").exit_code == 0
    assert sorted(p.name for p in Path("segments").iterdir()) == ["gold-medal.md", TARGET.name]


def test_slug_is_for_one_page_and_not_a_rename(show: Path) -> None:
    result = run("import", "--slug", "x", PAGE, PAGE)
    assert result.exit_code == 2
    assert "--slug names one segment: give one PAGE" in result.stderr
    result = run("import", "--force", "--slug", "renamed", PAGE)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {PAGE}: was imported as {TARGET}; change the slug in that file, not with --slug\n"
    )


def test_a_new_file_carries_the_page_hash_and_the_template(show: Path) -> None:
    text = TARGET.read_text(encoding="utf-8")
    segment = read_segment(TARGET)
    assert segment.source is not None and segment.source.sha256 is not None
    assert len(segment.source.sha256) == 64
    assert "# More keys: remove the '# ' to use one" in text
    assert "\n# raw: raw/lovesong-take-2.wav\n" in text
