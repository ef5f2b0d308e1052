from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from segcast.cli import cli
from tests.feeds.feedcheck import parse_feed
from tests.segcast.showdir import SHOW_TOML, make_show


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={}, env={"SEGCAST_BASE_URL": ""})
    return result.exit_code, result.stdout, result.stderr


def test_feed_build_writes_the_feed(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path)
    out = tmp_path / "public" / "feed.xml"
    code, stdout, stderr = run("feed", "build", str(show_dir), "-o", str(out))
    assert (code, stderr) == (0, "")
    assert stdout == (
        f"{out}: 2 episodes, 2 new GUIDs stored, 0 companion files\n"
        "  new GUID stored in segment ghostbusters\n"
        "  new GUID stored in segment lovesong\n"
        "episodes: 2 published, 0 scheduled, 0 drafts, 0 skipped (not ready)\n"
        '  pin podcast_guid = "f88f128a-9d75-50be-9435-39e813badc62" in show.toml before the feed '
        "URL moves\n"
    )
    assert len(parse_feed(out.read_bytes()).fp.entries) == 2
    toml = show_dir / "show.toml"
    toml.write_text(toml.read_text() + 'podcast_guid = "f88f128a-9d75-50be-9435-39e813badc62"\n')
    code, stdout, _ = run("feed", "build", str(show_dir), "-o", str(out))
    assert (code, stdout) == (
        0,
        f"{out}: 2 episodes, 0 new GUIDs stored, 0 companion files\n"
        "episodes: 2 published, 0 scheduled, 0 drafts, 0 skipped (not ready)\n",
    )


def test_config_error_is_one_line_and_exit_1(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path, toml=SHOW_TOML.replace('"TV & Film"', '"Tv & film"'))
    out = tmp_path / "feed.xml"
    code, stdout, stderr = run("feed", "build", str(show_dir), "-o", str(out))
    assert (code, stdout) == (1, "")
    assert stderr == (
        f"Error: {show_dir / 'show.toml'}: category: 'Tv & film' is not an Apple category; "
        "did you mean 'TV & Film'?\n"
    )
    assert not out.exists()


def test_output_is_required(tmp_path: Path) -> None:
    code, _, stderr = run("feed", "build", str(make_show(tmp_path)))
    assert code == 2
    assert "Missing option '-o' / '--output'" in stderr


def test_missing_show_dir_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run("feed", "build", str(tmp_path / "nope"), "-o", "feed.xml")
    assert code == 2
    assert "does not exist" in stderr


def test_json_report_and_problems(tmp_path: Path) -> None:
    show_dir = make_show(tmp_path)
    out = tmp_path / "public" / "feed.xml"
    code, stdout, stderr = run("feed", "build", str(show_dir), "-o", str(out), "--json")
    assert (code, stderr) == (0, "")
    document = json.loads(stdout)
    assert (document["feed"], document["episodes"]) == (str(out), 2)
    assert document["new_guids"] == ["ghostbusters", "lovesong"]
    assert document["problems"] == []
    assert document["release"]["published"] == ["ghostbusters", "lovesong"]
    # A draft is held back by the feed stage alone too.
    draft = show_dir / "segments" / "lovesong.md"
    draft.write_text(draft.read_text().replace("---\n", "---\nstatus: draft\n", 1))
    code, stdout, _ = run("feed", "build", str(show_dir), "-o", str(out), "--json")
    document = json.loads(stdout)
    assert (code, document["episodes"], document["release"]["drafts"]) == (0, 1, ["lovesong"])
    (show_dir / "segments" / "broken.md").write_text("---\ntitle: [unclosed\n---\n")
    code, stdout, _ = run("feed", "build", str(show_dir), "-o", str(out), "--json")
    assert code == 1
    document = json.loads(stdout)
    assert document["feed"] is None
    assert [p["where"] for p in document["problems"]] == [str(show_dir / "segments" / "broken.md")]
