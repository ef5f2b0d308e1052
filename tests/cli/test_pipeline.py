"""``segcast build SHOW_DIR``: stage lines, problems and warnings, --strict, --json, exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from segcast.cli import cli
from segments.segmentfile import read_segment
from tests.conftest import EXAMPLES
from tests.feeds.feedcheck import write_audio
from tests.segcast.build.test_run_build import (
    GOLD,
    GOLDEN,
    LOVESONG,
    NO_DATE,
    NOTHING_READY,
    PINNED_TOML,
    date_segments,
    make_show_dir,
)
from tests.segcast.showdir import write_artwork

#: A page in Windows-1252 without a declared charset: it imports with an encoding warning.
CAFE_PAGE = """<html><head><meta property="article:published_time" content="2016-08-18">
<title>Café society: So Yong Kim on her new film</title></head><body><article>
<h1>Café society: So Yong Kim on her new film</h1>
<p>So Yong Kim talks about the café where she wrote her new film, and why it took six years.</p>
<p>She shot most of it in Nevada with a crew of twelve, on film stock bought in 2014.</p>
</article></body></html>"""
CAFE = "cafe-society-so-yong-kim-on-her-new-film"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={}, env={"SEGCAST_BASE_URL": ""})
    return result.exit_code, result.stdout, result.stderr


def test_build_reports_each_stage_and_each_missing_date(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    out = tmp_path / "out"
    code, stdout, stderr = run("build", str(show), "-o", str(out), "--strict")
    assert code == 1
    # What it mastered: loudness and true peak as measured on the encoded file.
    loudness = re.compile(
        r"loudness: 1 master at -1[56]\.\d LUFS \(target -16\), true peak at most -\d\.\d dBTP\n"
    )
    assert loudness.search(stdout)
    assert loudness.sub("", stdout) == (
        f"import: 2 pages imported into {show / 'segments'}, 0 already imported\n"
        "audio: 1 mastered, 0 up to date, 1 tagged, 0 tags unchanged\n"
        "feed: not built (see the errors below); the previous feed stays\n"
        "publish: skipped\n"
        "episodes: 0 published, 0 scheduled, 0 drafts, 2 skipped (not ready)\n"
        "done: 2 episodes (1 built, 0 unchanged, 0 failed), 1 problem, 2 warnings\n"
    )
    assert stderr == (
        f"Warning: {show / 'segments' / GOLD}.md: not published: {NO_DATE}\n"
        f"Warning: {show / 'segments' / LOVESONG}.md: not published: {NO_DATE}\n"
        f"Error: {show}: {NOTHING_READY}\n"
    )
    date_segments(show)
    assert run("build", str(show), "-o", str(out))[0] == 0
    code, stdout, stderr = run("build", str(show), "-o", str(out))
    assert (code, stderr) == (0, "")
    assert stdout == (
        f"import: 0 pages imported into {show / 'segments'}, 2 already imported\n"
        "audio: 0 mastered, 1 up to date, 0 tagged, 1 tags unchanged\n"
        f"feed: {out / 'feed.xml'}: 2 episodes, 0 new GUIDs stored, 2 companion files\n"
        f"publish: 0 files copied to {out}, 3 unchanged\n"
        f"site: {out / 'index.html'}; preview it with: segcast serve {out}\n"
        "episodes: 2 published, 0 scheduled, 0 drafts, 0 skipped (not ready)\n"
        "done: 2 episodes (0 built, 2 unchanged, 0 failed), 0 problems, 0 warnings; "
        "feed check: 0 errors, 0 warnings\n"
    )


def test_json_report(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    (show / "raw" / f"{LOVESONG}.wav").write_bytes(b"not audio at all")
    code, stdout, stderr = run("build", str(show), "--json", "--strict")
    assert (code, stderr) == (1, "")
    *events, report = [json.loads(line) for line in stdout.splitlines()]
    # JSON lines: each audio job's events (the corrupt recording tried 3 times), the report last.
    assert [(e["stage"], e["event"], e["name"]) for e in events if e["event"] != "done"] == [
        ("master", "start", None),
        ("master", "retry", LOVESONG),
        ("master", "retry", LOVESONG),
        ("master", "failed", LOVESONG),
        ("master", "end", None),
        ("tag", "start", None),
        ("tag", "end", None),
    ]
    assert [(e["stage"], e["name"]) for e in events if e["event"] == "done"] == [
        ("master", GOLD),
        ("tag", GOLD),
    ]
    assert events[-1]["done"] == events[-1]["total"] == 1
    (master,) = report.pop("masters")
    assert (master["output"], master["target_met"]) == (str(show / "audio" / f"{GOLD}.mp3"), True)
    not_published = f"not published: {NO_DATE}"
    (loudness,) = report["loudness"]
    assert loudness == {
        "episode": GOLD,
        "file": str(show / "audio" / f"{GOLD}.mp3"),
        "integrated_lufs": loudness["integrated_lufs"],
        "true_peak_dbtp": loudness["true_peak_dbtp"],
        "loudness_range_lu": loudness["loudness_range_lu"],
        "target_lufs": -16.0,
        "true_peak_ceiling_dbtp": -1.0,
        "target_met": True,
    }
    assert report == {
        "imported": [str(show / "segments" / f"{slug}.md") for slug in (GOLD, LOVESONG)],
        "mastered": [GOLD],
        "skipped": [],
        "tagged": [GOLD],
        "tags_unchanged": [],
        "encoded": [],
        "encodings_unchanged": [],
        "loudness": [loudness],
        "episodes": {"built": [GOLD], "unchanged": [], "failed": [LOVESONG]},
        "release": {
            "published": [],
            "scheduled": [],
            "drafts": [],
            "skipped": [{"slug": s, "missing": NO_DATE} for s in (GOLD, LOVESONG)],
        },
        "shifts": {},
        "published": [],
        "problems": [
            {
                "where": str(show / "raw" / f"{LOVESONG}.wav"),
                "message": "is not an audio file ffmpeg can read (invalid data)",
            },
            {"where": str(show), "message": NOTHING_READY},
        ],
        "warnings": [
            {"where": str(show / "segments" / f"{s}.md"), "message": not_published}
            for s in (GOLD, LOVESONG)
        ],
        "feed": None,
        "feed_check": None,
    }
    assert loudness["integrated_lufs"] == pytest.approx(-16.0, abs=0.3)
    assert loudness["true_peak_dbtp"] <= -1.0
    date_segments(show)
    code, stdout, _ = run("build", str(show), "--json")
    report = json.loads(stdout.splitlines()[-1])
    assert code == 1  # the corrupt raw file is still there
    public = show / "public"  # the default OUT
    assert report["feed"] == str(public / "feed.xml")
    assert report["published"] == [
        str(public / name) for name in ("artwork.jpg", f"{GOLD}.mp3", f"{LOVESONG}.mp3")
    ]


#: Where the validator places the first item's enclosure (by its GUID, assigned at first build).
FIRST_ENCLOSURE = "channel/item[1] (guid {guid})/enclosure"


def _cafe_show(root: Path) -> Path:
    show = root / "cafe"
    (show / "pages").mkdir(parents=True)
    (show / "show.toml").write_text(PINNED_TOML, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    (show / "pages" / "cafe.html").write_bytes(CAFE_PAGE.encode("cp1252"))
    write_audio(show / "audio" / f"{CAFE}.mp3", 1.0)
    return show


@pytest.mark.parametrize(("flags", "code"), [((), 0), (("--strict",), 1)])
def test_strict_fails_on_warnings(tmp_path: Path, flags: tuple[str, ...], code: int) -> None:
    show = _cafe_show(tmp_path)
    result = run("build", str(show), "-o", str(tmp_path / "out"), *flags)
    assert result[0] == code
    feed = tmp_path / "out" / "feed.xml"
    guid = read_segment(show / "segments" / f"{CAFE}.md").guid
    # The build's own warning, then the validator's on the feed it built (1 s of test audio).
    assert result[2].splitlines() == [
        f"Warning: {show / 'pages' / 'cafe.html'}: decoded as cp1252 (not UTF-8)",
        f"Warning: {feed}:41: {FIRST_ENCLOSURE.format(guid=guid)}: enclosure length 8611 bytes is too small for an "
        "episode; seconds or a guess? [item-enclosure-length-suspicious]",
    ]
    assert result[1].endswith(
        "(1 built, 0 unchanged, 0 failed), 0 problems, 1 warning; feed check: 0 errors, 1 warning\n"
    )
    # Its GUID was stored before tagging its MP3 (TGID), and is counted as stored this run.
    assert "1 episode, 1 new GUID stored" in result[1]
    assert (tmp_path / "out" / f"{CAFE}.mp3").is_file()


def _without_live_items(feed: bytes) -> bytes:
    return re.sub(rb"\n *<podcast:liveItem .*?</podcast:liveItem>", b"", feed, flags=re.DOTALL)


def test_bundled_example_builds_the_golden_feed_without_changing_a_file(tmp_path: Path) -> None:
    show = tmp_path / "the-frame"
    shutil.copytree(EXAMPLES / "the-frame", show)
    before = {p: p.read_bytes() for p in show.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    code, stdout, stderr = run("build", str(show), "-o", str(out))
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"import: 0 pages imported into {show / 'segments'}, 2 already")
    # The live items are the airings around the build's moment (the clock here; the golden
    # feed's is pinned): the rest of the feed is byte for byte the golden one.
    built = (out / "feed.xml").read_bytes()
    assert built.count(b"<podcast:liveItem ") >= 3
    assert _without_live_items(built) == _without_live_items((GOLDEN / "feed.xml").read_bytes())
    after = {p: p.read_bytes() for p in show.rglob("*") if p.is_file()}
    # Only segcast's own state (the build lock) is new: no source was touched.
    assert {p: data for p, data in after.items() if ".segcast" not in p.parts} == before


def test_bad_audio_table_is_one_line_and_exit_1(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path, PINNED_TOML + "[audio]\ntarget_lufs = 3\n")
    code, stdout, stderr = run("build", str(show))
    assert (code, stdout) == (1, "")
    assert stderr == f"Error: {show / 'show.toml'}: audio.target_lufs: 3 LUFS is outside -40..-5\n"
    assert not (show / "segments").exists()  # nothing happens before show.toml is right


def test_missing_show_dir_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run("build", str(tmp_path / "nope"))
    assert code == 2
    assert "does not exist" in stderr


def test_negative_retries_is_a_usage_error_and_nothing_happens(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    code, stdout, stderr = run("build", str(show), "--retries", "-1")
    assert (code, stdout) == (2, "")
    assert "Invalid value for '--retries': -1 is not in the range x>=0." in stderr
    assert not (show / "segments").exists()
