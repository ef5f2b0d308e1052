"""``segcast import --explain PAGE``: which rule gave each field its value; nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from segcast.cli import cli

#: A blog page whose og:title is the blog's name, with a show box, a player and a photo.
PAGE = """<!DOCTYPE html><html lang="en"><head><title>Harbour Radio Notes</title>
<meta property="og:site_name" content="Harbour Radio Notes">
<meta property="og:title" content="Harbour Radio Notes">
<meta name="author" content="Jane Roe"></head><body>
<header><h1 class="site-title">Harbour Radio Notes</h1></header>
<div class="show-info"><p>Hosted by: Jane Roe</p></div>
<article><h2 class="entry-title">Ten years of the night shift</h2>
<p>Jane Roe spoke with Tom Baker, a lighthouse engineer, about ten years of night shifts.</p>
<div class="player" data-audio-url="https://x.org/a/night-shift.mp3"></div>
<p>Durée de l'audio 4:22</p>
<figure><img src="https://x.org/mast.jpg"><figcaption>The mast at dawn. Photo: Ann Lee
</figcaption></figure>
<p>A second paragraph of the article, so that the extractor keeps the text.</p></article>
</body></html>"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj={})


@pytest.fixture
def explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Result, Path]:
    page = tmp_path / "night-shift.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run("import", "--explain", str(page)), tmp_path


def fields(output: str) -> dict[str, str]:
    """'  field: value' lines and the '    <- rule' under each, as 'field: value' -> rule."""
    lines = output.splitlines()
    return {
        lines[n].strip(): lines[n + 1].strip().removeprefix("<- ")
        for n in range(1, len(lines) - 1)
        if lines[n + 1].startswith("    <- ")
    }


def test_explain_names_the_rule_of_every_field(explained: tuple[Result, Path]) -> None:
    result, _ = explained
    assert result.exit_code == 0, result.output
    found = fields(result.output)
    assert found["title: Ten years of the night shift"] == (
        "a headline class (the stated title only names the site)"
    )
    assert found["person: Tom Baker (guest)"].startswith("guest phrase ")
    assert found["person: Jane Roe (interviewer)"] == (
        "<meta name=author>; interviewer by interviewer phrase 'Jane Roe spoke with'"
    )
    assert found["audio: https://x.org/a/night-shift.mp3"].startswith(
        "data-audio-url attribute; duration printed after a duration label"
    )
    assert (
        found["image: The mast at dawn."]
        == "<figure>'s <figcaption>; credit: 'Photo: ...' after it"
    )


def test_explain_writes_nothing(explained: tuple[Result, Path]) -> None:
    _, folder = explained
    assert sorted(p.name for p in folder.iterdir()) == ["night-shift.html"]


def test_explain_lists_a_bad_page_as_one_error_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("   ", encoding="utf-8")
    result = run("import", "--explain", str(empty))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith(f"Error: {empty}: ")
