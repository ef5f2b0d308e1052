"""Paths made from data stay where they belong; outputs never land on sources.

A slug becomes file names; ``-o`` names where a command writes. Whatever they say, nothing is
written outside the show folder and OUT, no source is replaced, and each refusal is one line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from segcast.build.layout import episode_file, inside
from segcast.build.staging import Staging
from segcast.cli import cli
from segments.errors import InputError
from segments.segmentfile import read_segment
from tests.cli.reliability import tree
from tests.segcast.build.test_run_build import GOLD, LOVESONG, date_segments, make_show_dir


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def _one_error(result: Result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    return errors[0]


def _everything(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize("slug", ["../../escape", "ABSOLUTE", "a/b", "..", ".hidden"])
def test_a_slug_never_writes_outside_the_show_and_out(tmp_path: Path, slug: str) -> None:
    show = make_show_dir(tmp_path / "shows")
    date_segments(show)
    out = tmp_path / "shows" / "out"
    assert _run("build", show, "-o", out).exit_code == 0
    if slug == "ABSOLUTE":
        slug = str(tmp_path / "abs")
    segment = show / "segments" / f"{LOVESONG}.md"
    segment.write_text(segment.read_text().replace("---\n", f"---\nslug: '{slug}'\n", 1))
    outside_before = _everything(tmp_path)
    published = tree(out)

    result = _run("build", show, "-o", out)

    assert result.exit_code == 1
    assert any(str(segment) in line for line in result.output.splitlines() if "Error" in line)
    assert _everything(tmp_path) == outside_before  # no new file or folder anywhere
    assert tree(out) == published


@pytest.mark.parametrize("slug", ["../x", "/x", "a/b", "a\\b", "", ".x", " x", "x\0"])
def test_episode_file_refuses_a_slug_that_is_not_one_plain_name(slug: str) -> None:
    with pytest.raises(InputError, match="cannot be a file name"):
        episode_file(slug, ".mp3", "segments/x.md")


def test_inside_refuses_a_link_out_and_dot_dot(tmp_path: Path) -> None:
    root = tmp_path / "out"
    root.mkdir()
    (root / "link").symlink_to(tmp_path)
    assert inside(root, "a/b.html") == root / "a" / "b.html"
    for name in ("../x", "link/x", str(tmp_path / "x"), "."):
        with pytest.raises(InputError, match="would be written outside"):
            inside(root, name)


def test_staging_refuses_a_name_outside_out(tmp_path: Path) -> None:
    with (
        Staging(tmp_path / "out") as staging,
        pytest.raises(InputError, match="would be written outside"),
    ):
        staging.add_bytes("../escape.html", "x")
    assert not (tmp_path / "escape.html").exists()


@pytest.mark.parametrize("source", ["show.toml", "artwork.jpg", "segment", "page"])
@pytest.mark.parametrize("force", [False, True])
def test_feed_build_never_writes_over_a_source_of_the_show(
    tmp_path: Path, source: str, force: bool
) -> None:
    show = make_show_dir(tmp_path)
    assert _run("build", show, "-o", tmp_path / "out").exit_code == 0
    target = {
        "show.toml": show / "show.toml",
        "artwork.jpg": show / "artwork.jpg",
        "segment": show / "segments" / f"{GOLD}.md",
        "page": next((show / "pages").iterdir()),
    }[source]
    before = tree(show)

    result = _run("feed", "build", show, "-o", target, *(["--force"] if force else []))

    assert result.exit_code == 1
    assert "would replace the show's" in _one_error(result)
    assert tree(show) == before


def test_feed_build_onto_a_file_that_is_not_a_feed_needs_force(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    other = tmp_path / "elsewhere" / "show.toml"  # another show's, say
    other.parent.mkdir()
    other.write_text("title = 'not this one'\n")

    refused = _run("feed", "build", show, "-o", other)
    assert refused.exit_code == 1
    assert _one_error(refused) == (
        f"Error: {other}: exists and is not a feed segcast wrote; use --force to replace it"
    )
    assert other.read_text() == "title = 'not this one'\n"

    assert _run("feed", "build", show, "-o", other, "--force").exit_code == 0
    assert b"<rss" in other.read_bytes()
    assert _run("feed", "build", show, "-o", other).exit_code == 0  # now it is our feed


def test_feed_xml_that_is_a_directory_is_one_error(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    (tmp_path / "feed.xml").mkdir()
    result = _run("feed", "build", show, "-o", tmp_path / "feed.xml")
    assert result.exit_code == 1
    assert _one_error(result) == (
        f"Error: {tmp_path / 'feed.xml'}: is a directory, not a feed file to write"
    )


@pytest.mark.parametrize("command", [["feed", "build"], ["build"]])
def test_an_empty_output_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    before = os.listdir(tmp_path)
    result = _run(*command, show, "-o", "")
    assert result.exit_code == 2
    assert "must not be empty" in result.output
    assert os.listdir(tmp_path) == before


@pytest.mark.parametrize("inside_source", ["pages", "segments", "raw", "audio", "show.toml"])
def test_out_may_not_be_or_sit_in_a_source(tmp_path: Path, inside_source: str) -> None:
    show = make_show_dir(tmp_path)
    date_segments(show)
    before = tree(show)
    result = _run("build", show, "-o", show / inside_source / "public")
    assert result.exit_code == 1
    assert "would replace the show's" in _one_error(result)
    assert tree(show) == before


def test_a_symlinked_segment_file_is_updated_through_the_link(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    assert (
        _run("import", *sorted((show / "pages").iterdir()), "-o", show / "segments").exit_code == 0
    )
    kept = tmp_path / "shared-segments" / f"{GOLD}.md"
    kept.parent.mkdir()
    link = show / "segments" / f"{GOLD}.md"
    link.rename(kept)
    link.symlink_to(kept)

    assert _run("build", show, "-o", tmp_path / "out").exit_code == 0  # stores GUID and date

    assert link.is_symlink() and link.resolve() == kept.resolve()
    assert read_segment(kept).guid is not None
    assert read_segment(kept).published is not None
