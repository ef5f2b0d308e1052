"""Edits that flow through the build: a changed page is told, ``raw:`` names a recording, an
unmatched recording gets a suggestion, and a file that fails to parse is one problem only."""

from __future__ import annotations

import shutil
from pathlib import Path

from segcast.build import BuildReport, Problem, run_build
from segments.segmentfile import read_segment
from tests.audio.signals import speech_like, write_wav
from tests.conftest import EXAMPLES
from tests.feeds.feedcheck import write_audio
from tests.segcast.build.test_run_build import PINNED_TOML
from tests.segcast.showdir import write_artwork

SLUG = "lovesong-another-intimate-film-from-director-so-yong-kim"


def make_show(root: Path, *, audio: bool = True) -> Path:
    """A show folder with one page imported by a first build and dated by the producer, and
    with ``audio`` the producer's MP3 (else no audio: a recording is to be mastered)."""
    show = root / "show"
    (show / "pages").mkdir(parents=True)
    (show / "show.toml").write_text(PINNED_TOML, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    shutil.copyfile(EXAMPLES / "the-frame" / "pages" / "lovesong-so-yong-kim.txt", page(show))
    assert build(show).imported == [segment_file(show)]
    edit(segment_file(show), "---\n", "---\npublished: 2016-04-05\n")
    if audio:
        write_audio(show / "audio" / f"{SLUG}.mp3", 2.0)
    return show


def page(show: Path) -> Path:
    return show / "pages" / "lovesong.txt"


def segment_file(show: Path) -> Path:
    return show / "segments" / f"{SLUG}.md"


def build(show: Path) -> BuildReport:
    return run_build(show, show.parent / "out", environ={})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_page_is_told_naming_both_files_and_the_segment_file_is_kept(
    tmp_path: Path,
) -> None:
    show = make_show(tmp_path)
    assert build(show).warnings == []  # unchanged page: nothing to say
    written = segment_file(show).read_bytes()
    edit(page(show), "So Yong Kim is a director", "So Yong Kim is a filmmaker")
    report = build(show)
    assert report.warnings == [
        Problem(
            str(page(show)),
            f"changed since {segment_file(show)} was imported from it; the build keeps that file "
            f"as it is: `segcast import --force {page(show)} -o {show / 'segments'}` updates it "
            "(your edits kept)",
        )
    ]
    assert report.problems == [] and report.imported == []
    assert segment_file(show).read_bytes() == written


def test_raw_key_names_the_recording_and_the_unmatched_one_gets_a_suggestion(
    tmp_path: Path,
) -> None:
    show = make_show(tmp_path, audio=False)
    (show / "raw").mkdir()
    # Named after the page, not the slug the import gave: a near miss of the slug.
    near = show / "raw" / "lovesong-another-intimate-film.wav"
    write_wav(near, speech_like(2.0, rms_dbfs=-26.0))
    report = build(show)
    assert report.mastered == []
    suggestion = Problem(
        str(near),
        f"not mastered: no segment has that slug; did you mean {SLUG!r}? Rename it "
        f"{SLUG}.wav, or name it in {SLUG}.md: raw: raw/{near.name}",
    )
    # The episode itself is skipped as not ready (no audio), with its own warning.
    assert suggestion in report.warnings and len(report.warnings) == 2
    [skipped] = [w for w in report.warnings if w != suggestion]
    assert skipped.where == str(segment_file(show)) and "no audio" in skipped.message
    # The producer names it in the segment file, as the warning says.
    edit(segment_file(show), "---\n", f"---\nraw: raw/{near.name}\n")
    report = build(show)
    assert (report.mastered, report.warnings, report.problems) == ([SLUG], [], [])
    assert (show / "audio" / f"{SLUG}.mp3").is_file()
    assert read_segment(segment_file(show)).raw == Path("raw") / near.name


def test_raw_key_naming_no_file_is_a_problem_of_that_segment(tmp_path: Path) -> None:
    show = make_show(tmp_path)
    edit(segment_file(show), "---\n", "---\nraw: raw/take-3.wav\n")
    report = build(show)
    assert report.problems == [Problem(str(segment_file(show)), "raw: no file at raw/take-3.wav")]


def test_a_segment_file_that_fails_to_parse_is_one_problem_and_no_warning(tmp_path: Path) -> None:
    # Before: also "raw/<slug>.wav: not mastered: no segment has that slug", which misleads.
    show = make_show(tmp_path)
    (show / "raw").mkdir()
    write_wav(show / "raw" / f"{SLUG}.wav", speech_like(1.0))
    text = segment_file(show).read_text(encoding="utf-8")
    title = next(line for line in text.split("\n") if line.startswith("title:"))
    edit(segment_file(show), title, "title: Lovesong: Another intimate film")
    report = build(show)
    line = next(
        n
        for n, text in enumerate(segment_file(show).read_text().split("\n"), 1)
        if text.startswith("title:")
    )
    assert report.problems == [
        Problem(
            str(segment_file(show)), f'line {line}: title: put the title in double quotes ("...")'
        )
    ]
    assert report.warnings == []
