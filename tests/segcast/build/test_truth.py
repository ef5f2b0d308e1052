"""A build that tells the truth: work decided by what changed, each problem once, its own checks.

Issue 16, part 5: a show description edit re-masters and re-tags nothing (the files keep their
mtime, so an upload sends nothing); a show.toml change that is a tag value re-tags without
mastering; the build's feed check agrees with ``segcast feed validate``; a chapter problem is
reported once; chapters out of order are re-sorted with a warning naming the segment file.
"""

from __future__ import annotations

import json
from pathlib import Path

import mutagen.id3
from click.testing import CliRunner

from segcast.build import BuildReport, Problem, run_build
from segcast.cli import cli
from tests.audio.signals import reference_loudness
from tests.segcast.build.test_run_build import (
    GOLD,
    LOVESONG,
    PINNED_TOML,
    date_segments,
    make_show_dir,
    segment_file,
)


def build(show: Path) -> BuildReport:
    return run_build(show, show.parent / "out", environ={}, strict=True)


def dated_show(tmp_path: Path, toml: str = PINNED_TOML) -> Path:
    show = make_show_dir(tmp_path, toml)
    build(show)  # imports the pages (undated: no feed yet)
    date_segments(show)
    assert build(show).problems == []
    return show


def stamps(*folders: Path) -> dict[str, int]:
    return {
        f"{folder.name}/{p.name}": p.stat().st_mtime_ns
        for folder in folders
        for p in sorted(folder.iterdir())
        if p.suffix in (".mp3", ".opus")
    }


def test_a_show_description_edit_masters_and_tags_nothing(tmp_path: Path) -> None:
    show = dated_show(tmp_path, PINNED_TOML + '[audio]\nalternates = ["opus"]\n')
    files = stamps(show / "audio", tmp_path / "out")
    toml = show / "show.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'description = "' in text
    toml.write_text(text.replace('description = "', 'description = "Now weekly. ', 1), "utf-8")
    report = build(show)
    assert report.problems == []
    assert (report.mastered, report.encoded, report.tagged) == ([], [], [])
    assert report.tags_unchanged == [GOLD]
    assert report.built == []
    assert stamps(show / "audio", tmp_path / "out") == files  # nothing for rsync to send
    assert b"Now weekly." in (tmp_path / "out" / "feed.xml").read_bytes()


def test_a_show_title_edit_retags_without_mastering(tmp_path: Path) -> None:
    show = dated_show(tmp_path)
    toml = show / "show.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'title = "The Frame"' in text
    toml.write_text(text.replace('title = "The Frame"', 'title = "The Frame Daily"', 1), "utf-8")
    report = build(show)
    assert (report.mastered, report.tagged) == ([], [GOLD])  # TALB is the show's title
    assert str(mutagen.id3.ID3(show / "audio" / f"{GOLD}.mp3")["TALB"]) == "The Frame Daily"
    assert build(show).tagged == []


def test_a_chapter_past_the_end_is_reported_once_naming_the_segment_file(tmp_path: Path) -> None:
    show = dated_show(tmp_path)
    path = segment_file(show, GOLD)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\nchapters: ['00:00 A', '09:00 Late']\n", 1), "utf-8")
    report = build(show)
    # Tagging and the feed both check chapters against the audio: one problem, where it is fixed.
    assert [str(p) for p in report.problems] == [
        f"{path}: chapter 'Late' starts at 00:09:00.000, after the end of the audio (00:00:04.049)"
    ]


def test_chapters_out_of_order_are_sorted_with_a_warning(tmp_path: Path) -> None:
    show = dated_show(tmp_path)
    path = segment_file(show, GOLD)
    text = path.read_text(encoding="utf-8")
    chapters = "chapters: ['00:03 Later', '00:01 Earlier']\n"
    path.write_text(text.replace("---\n", f"---\n{chapters}", 1), "utf-8")
    report = build(show)
    assert report.problems == []
    assert report.warnings == [
        Problem(
            str(path),
            "chapters are not in time order ('Earlier' at 00:00:01.000 comes after 'Later' at "
            "00:00:03.000); they are published sorted by time",
        )
    ]
    chapters_json = json.loads((tmp_path / "out" / f"{GOLD}.chapters.json").read_text("utf-8"))
    assert [c["title"] for c in chapters_json["chapters"]] == ["Earlier", "Later"]
    tags = mutagen.id3.ID3(show / "audio" / f"{GOLD}.mp3")
    starts = sorted(
        (frame.start_time, str(frame.sub_frames["TIT2"])) for frame in tags.getall("CHAP")
    )
    assert starts == [(1000, "Earlier"), (3000, "Later")]
    assert path.read_text("utf-8").count(chapters) == 1  # the producer's file is left as it was


def cli_json(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, list(args), obj={}, env={"SEGCAST_BASE_URL": ""})
    if args[0] == "build":  # JSON lines: one per audio job event, the report last
        return result.exit_code, json.loads(result.stdout.splitlines()[-1])
    return result.exit_code, json.loads(result.stdout)


def test_the_builds_feed_check_is_what_feed_validate_says(tmp_path: Path) -> None:
    show = dated_show(tmp_path)
    # A producer's 1-second MP3 the validator rightly finds too small for an episode.
    code, built = cli_json("build", str(show), "-o", str(tmp_path / "out"), "--json")
    check = built["feed_check"]
    assert isinstance(check, dict)
    feed = tmp_path / "out" / "feed.xml"
    _, validated = cli_json("feed", "validate", str(feed), "--json")
    assert (check["errors"], check["warnings"]) == (validated["errors"], validated["warnings"])
    assert [f["rule"] for f in check["findings"]] == [f["rule"] for f in validated["findings"]]
    assert code == (1 if validated["errors"] else 0)
    assert built["loudness"] == []  # nothing was mastered this run
    # The first build's line: the master measured as an independent meter measures it.
    show2 = make_show_dir(tmp_path / "again")
    date_show = build(show2)
    (master,) = date_show.masters
    integrated, peak = reference_loudness(show2 / "audio" / f"{GOLD}.mp3")
    assert abs(master.after.integrated_lufs - integrated) <= 0.2
    assert (
        master.after.true_peak_dbtp is not None and abs(master.after.true_peak_dbtp - peak) <= 0.3
    )
    assert LOVESONG not in {m.output.stem for m in date_show.masters}


def test_a_recording_that_will_not_master_is_one_problem_not_two(tmp_path: Path) -> None:
    show = make_show_dir(tmp_path)
    raw = show / "raw" / f"{GOLD}.wav"
    raw.write_bytes(b"RIFF not a recording")
    report = run_build(show, show.parent / "out", environ={})
    # Not also "no audio: no file audio/....mp3", its consequence in the feed stage.
    assert [p.where for p in report.problems] == [str(raw)]
    assert report.feed is None and report.failed == [GOLD]
