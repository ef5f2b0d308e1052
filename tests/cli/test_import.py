"""``segcast import``: the seeds through the command line, the JSON contract, batches and errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from segcast.cli import cli
from segments.errors import InputError
from segments.importers import read_page
from segments.segmentfile import read_segment
from tests.conftest import EXAMPLES
from tests.seed_facts import QA_QUESTIONS

SEED_RADIO = "000_ffc6ea54557d44a1.txt"
SEED_QA = "002_11b01c9f8ba00177.txt"
RADIO_SLUG = "lovesong-another-intimate-film-from-director-so-yong-kim"

#: Page furniture that must never reach an episode (issue 2).
FURNITURE = [
    "You care about today",
    "Join others who support independent journalism",
    "Leave a comment",
    "Create a website or blog at WordPress.com",
    "Up ↑",
    "Listen to story",
    "Download this story 2MB",
]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj={})


@pytest.fixture
def seeds(shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with copies of the two seeds in ``pages/``."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in (SEED_RADIO, SEED_QA):
        shutil.copy(shared / "seeds" / seed, pages / seed)
    monkeypatch.chdir(tmp_path)
    return pages


def test_json_for_the_public_radio_seed(seeds: Path) -> None:
    result = run("import", f"pages/{SEED_RADIO}", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["title"] == "'Lovesong': Another intimate film from director So Yong Kim"
    assert data["published"] is None
    show = data["show"]
    assert show["hosts"] == ["John Horn"]
    assert show["category"] == "Arts & Entertainment"
    assert show["tagline"] == (
        "Movies, music, TV, arts and entertainment, straight from Southern California."
    )
    weekdays = ["MO", "TU", "WE", "TH", "FR"]
    assert show["airtimes"] == [
        {"days": weekdays, "time": "15:30"},
        {"days": weekdays, "time": "19:30"},
        {"days": ["SA"], "time": "14:00"},
    ]
    assert show["airtimes_text"] == "Airs Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm"
    assert [(i["caption"], i["credit"]) for i in data["images"]] == [
        ('So Yong Kim is the director and writer of "Lovesong."', "Larry Busacca/Getty Images"),
        (
            'Riley Keough (left) and Jena Malone star in So Yong Kim\'s latest film, "Lovesong."',
            "So Yong Kim",
        ),
    ]
    audio = data["audio"]
    assert audio["label"] == "Download this story"
    assert 1_900_000 <= audio["size_bytes"] <= 2_200_000
    assert audio["size_is_estimate"] is True
    assert sorted((p["name"], p["role"]) for p in data["people"]) == [
        ("James Kim", "interviewer"),
        ("John Horn", "host"),
        ("So Yong Kim", "guest"),
    ]
    summary = data["summary"].split("\n\n")
    assert len(summary) == 3
    assert summary[0].startswith("So Yong Kim is a director who’s known for making")
    assert summary[1].startswith("Such is the case for her latest film")
    assert summary[2].startswith("The Frame’s James Kim recently spoke with the director")
    sections = data["transcript"]
    assert [(s["heading"], s["speaker"], len(s["paragraphs"])) for s in sections] == [
        ("Getting into filmmaking", "So Yong Kim", 2),
        ('The real-life inspiration behind "Lovesong"', "So Yong Kim", 3),
        ("Bringing her personal life into filmmaking", "So Yong Kim", 3),
    ]
    assert sections[0]["paragraphs"][0].startswith("I didn't really choose filmmaking")
    assert sections[2]["paragraphs"][2].endswith("storytelling in film.")
    text = result.stdout
    assert text.count("Riley Keough (left)") == 1
    assert text.count("is the director and writer of") == 1
    assert [f for f in FURNITURE if f in text] == []


def test_json_for_the_qa_seed(seeds: Path) -> None:
    result = run("import", f"pages/{SEED_QA}", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["title"] == "Interview with Director Kyungjin Song"
    assert [(p["name"], p["role"]) for p in data["people"]] == [("Kyungjin Song", "guest")]
    assert data["summary"].startswith("In Gold Medal, director Kyungjin Song brings")
    assert data["summary"].endswith("both deeply personal and widely relatable.")
    assert "\n\n" not in data["summary"]
    sections = data["transcript"]
    assert [s["question"] for s in sections] == QA_QUESTIONS
    assert all(s["paragraphs"] for s in sections)
    casting = "\n".join(sections[4]["paragraphs"])
    for sentence in [
        "The restaurant called “Rest” in the film",
        "When we were casting for the mother’s role",
        "we couldn’t meet beforehand.",
        "She later told us that on the day of the shoot",
        "“It was a special day for me, meeting such good people through a remote casting",
        "It turned into a wonderful memory and a fun story!",
    ]:
        assert sentence in casting
    assert sections[5]["paragraphs"][-1].endswith("their own “gold medal.”")
    assert sections[7]["paragraphs"][-1].endswith("without needing them explained.")
    assert [f for f in FURNITURE if f in result.stdout] == []


def test_several_pages_give_an_array_in_argument_order(seeds: Path) -> None:
    result = run("import", f"pages/{SEED_QA}", f"pages/{SEED_RADIO}", "--json")
    assert result.exit_code == 0
    titles = [d["title"] for d in json.loads(result.stdout)]
    assert titles == [
        "Interview with Director Kyungjin Song",
        "'Lovesong': Another intimate film from director So Yong Kim",
    ]
    assert sorted(os.listdir()) == ["pages"]  # --json alone writes no files


def test_import_writes_segment_files_that_read_back_as_the_page(seeds: Path) -> None:
    result = run("import", f"pages/{SEED_RADIO}", f"pages/{SEED_QA}")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"wrote segments/{RADIO_SLUG}.md\n"
        "wrote segments/interview-with-director-kyungjin-song.md\n"
        "imported 2 pages into segments/\n"
    )
    assert result.stderr == ""
    for seed, slug in [
        (SEED_RADIO, RADIO_SLUG),
        (SEED_QA, "interview-with-director-kyungjin-song"),
    ]:
        assert read_segment(Path(f"segments/{slug}.md")) == read_page(Path(f"pages/{seed}")).segment


def test_json_with_output_writes_files_and_keeps_stdout_pure_json(seeds: Path) -> None:
    result = run("import", f"pages/{SEED_RADIO}", "--json", "-o", "out")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"].startswith("'Lovesong'")
    assert result.stderr == f"wrote out/{RADIO_SLUG}.md\n"
    assert os.listdir("out") == [f"{RADIO_SLUG}.md"]


def test_existing_file_is_kept_without_force_and_replaced_with_it(seeds: Path) -> None:
    target = Path(f"segments/{RADIO_SLUG}.md")
    target.parent.mkdir()
    target.write_text("producer's edits", encoding="utf-8")
    result = run("import", f"pages/{SEED_RADIO}")
    assert result.exit_code == 1
    assert result.stdout == "imported 0 of 1 page into segments/; 1 failed\n"
    assert result.stderr == f"Error: {target}: already exists (use --force to replace it)\n"
    assert target.read_text(encoding="utf-8") == "producer's edits"
    result = run("import", "--force", f"pages/{SEED_RADIO}")
    assert (result.exit_code, result.stderr) == (0, "")
    assert read_segment(target).title.startswith("'Lovesong'")


def test_force_keeps_the_guid_the_feed_gave_the_replaced_file(seeds: Path) -> None:
    # The feed identifies the episode by this GUID: a new one would make every app list the
    # episode twice. Before, --force dropped it silently.
    assert run("import", f"pages/{SEED_RADIO}").exit_code == 0
    target = Path(f"segments/{RADIO_SLUG}.md")
    guid = "6fbac70d-1036-48b7-9655-59ef6237368e"
    target.write_text(
        target.read_text(encoding="utf-8").replace("---\n", f"---\nguid: {guid}\n", 1),
        encoding="utf-8",
    )
    result = run("import", "--force", f"pages/{SEED_RADIO}")
    assert (result.exit_code, result.stderr) == (0, "")
    assert read_segment(target).guid == guid


def test_force_keeps_everything_the_producer_added(seeds: Path) -> None:
    # The example show's file is this seed as imported and then completed by a producer: a date,
    # the published MP3's URL with its exact size, chapters, a link and the GUID.
    edited = EXAMPLES / "the-frame" / "segments" / f"{RADIO_SLUG}.md"
    target = Path(f"segments/{RADIO_SLUG}.md")
    target.parent.mkdir()
    shutil.copy(edited, target)
    producer = read_segment(target)
    target.write_text(  # the producer also rewrote the summary; the page's comes back
        target.read_text(encoding="utf-8").replace("So Yong Kim is a director", "Rewritten:", 1),
        encoding="utf-8",
    )
    result = run("import", "--force", f"pages/{SEED_RADIO}")
    assert (result.exit_code, result.stderr) == (0, "")
    again = read_segment(target)
    for name in ("guid", "published", "link", "chapters", "audio"):
        assert getattr(again, name) == getattr(producer, name), name
    assert again.audio is not None and again.audio.size_bytes == 4968229
    assert again.summary == producer.summary  # the page's text, not the producer's rewrite
    assert again.transcript == producer.transcript


def test_batch_writes_good_pages_and_lists_bad_ones_at_the_end(seeds: Path) -> None:
    Path("empty.txt").write_bytes(b"")
    Path("photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF")
    Path("adir").mkdir()
    Path("latin.txt").write_bytes(
        "Señor García’s café\n\nHe has run the café for thirty years, he said.\n".encode("cp1252")
    )
    result = run(
        "import",
        "missing.txt",
        f"pages/{SEED_RADIO}",
        "adir",
        "empty.txt",
        "photo.jpg",
        "latin.txt",
    )
    assert result.exit_code == 1
    assert result.stdout == (
        f"wrote segments/{RADIO_SLUG}.md\n"
        "wrote segments/senor-garcias-cafe.md\n"
        "imported 2 of 6 pages into segments/; 4 failed\n"
    )
    assert result.stderr == (
        "Warning: latin.txt: decoded as cp1252 (not UTF-8)\n"
        "Error: missing.txt: no such file\n"
        "Error: adir: is a directory\n"
        "Error: empty.txt: is empty\n"
        "Error: photo.jpg: is a binary file (JPEG image), not a page\n"
    )
    assert sorted(os.listdir("segments")) == [f"{RADIO_SLUG}.md", "senor-garcias-cafe.md"]
    assert read_segment(Path("segments/senor-garcias-cafe.md")).title == "Señor García’s café"


def test_two_pages_with_one_slug_do_not_overwrite_each_other(seeds: Path) -> None:
    shutil.copy(f"pages/{SEED_RADIO}", "again.txt")
    result = run("import", "--force", f"pages/{SEED_RADIO}", "again.txt")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: again.txt: would replace segments/{RADIO_SLUG}.md, written from "
        f"pages/{SEED_RADIO} in this run (both pages have the same slug)\n"
    )


@pytest.mark.parametrize(
    ("args", "stdout"),
    [
        (["missing.txt"], "imported 0 of 1 page into segments/; 1 failed\n"),
        (["missing.txt", "--json"], ""),
        (["missing.txt", "other.txt", "--json"], "[]\n"),
    ],
)
def test_only_bad_pages_exit_1_with_one_line_each(
    args: list[str], stdout: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("import", *args)
    assert (result.exit_code, result.stdout) == (1, stdout)
    errors = [f"Error: {a}: no such file\n" for a in args if a.endswith(".txt")]
    assert result.stderr == "".join(errors)
    assert not Path("segments").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Error: Missing argument 'PAGE...'."),
        (["a.txt", "--bogus"], "Error: No such option '--bogus'."),
        (["a.txt", "-o"], "Error: Option '-o' requires an argument."),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run("import", *args)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == message


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("import", "a.txt", "-o", str(blocker))
    assert result.exit_code == 2
    assert f"'{blocker}' is a file." in result.stderr


def test_debug_shows_the_exception_instead_of_one_line(tmp_path: Path) -> None:
    result = run("--debug", "import", str(tmp_path / "missing.txt"))
    assert isinstance(result.exception, InputError)
    assert result.stderr == ""


def segcast_executable() -> str:
    """The installed console script beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "segcast"
    found = str(beside) if beside.exists() else shutil.which("segcast")
    if found is None:
        pytest.skip("the segcast console script is not installed")
    return found


def test_installed_console_script(seeds: Path) -> None:
    exe = segcast_executable()
    ok = subprocess.run(
        [exe, "import", f"pages/{SEED_QA}", "--json"], capture_output=True, text=True, check=False
    )
    assert (ok.returncode, ok.stderr) == (0, "")
    assert json.loads(ok.stdout)["title"] == "Interview with Director Kyungjin Song"
    bad = subprocess.run(
        [exe, "import", "missing.txt", f"pages/{SEED_QA}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stderr == "Error: missing.txt: no such file\n"
    assert bad.stdout.endswith("imported 1 of 2 pages into segments/; 1 failed\n")
    usage = subprocess.run([exe, "import"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2
    assert "Missing argument 'PAGE...'" in usage.stderr


@pytest.mark.parametrize(
    ("cwd", "page", "output"),
    [
        ("elsewhere", f"../show/pages/{SEED_QA}", "../show/segments"),
        (".", f"show/pages/{SEED_QA}", "show/segments"),
        ("show", f"pages/{SEED_QA}", "segments"),
        ("show/pages", SEED_QA, "../segments"),
    ],
)
def test_page_imported_from_anywhere_is_not_imported_again_by_build(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, page: str, output: str
) -> None:
    from tests.segcast.showdir import SHOW_TOML, write_artwork

    show = tmp_path / "show"
    (show / "pages").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (show / "show.toml").write_text(SHOW_TOML, encoding="utf-8")
    write_artwork(show / "artwork.jpg")
    shutil.copy(shared / "seeds" / SEED_QA, show / "pages" / SEED_QA)
    monkeypatch.chdir(tmp_path / cwd)
    result = run("import", page, "-o", output)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    written = show / "segments" / "interview-with-director-kyungjin-song.md"
    source = read_segment(written).source
    assert source is not None and source.path == f"pages/{SEED_QA}"  # as `segcast build` stores it
    before = written.read_bytes()
    build = CliRunner().invoke(
        cli, ["build", str(show), "-o", str(tmp_path / "out")], obj={}, env={"SEGCAST_BASE_URL": ""}
    )
    assert build.stdout.startswith(
        f"import: 0 pages imported into {show / 'segments'}, 1 already imported\n"
    )
    assert sorted(p.name for p in (show / "segments").iterdir()) == [written.name]
    assert written.read_bytes() == before


def test_whole_corpus_imports_in_one_batch(shared: Path, tmp_path: Path) -> None:
    pages = sorted(shared.glob("corpus/pages/*.html")) + sorted(shared.glob("seeds/*.txt"))
    result = run("import", "-o", str(tmp_path), *map(str, pages))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith(f"imported {len(pages)} pages into {tmp_path}/\n")
    written = sorted(tmp_path.glob("*.md"))
    assert len(written) == len(pages)
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert [f for f in FURNITURE if f in text] == [], path.name


def test_strict_fails_pages_with_warnings_and_writes_only_clean_ones(seeds: Path) -> None:
    Path("latin.txt").write_bytes(
        "Señor García’s café\n\nHe has run the café for thirty years, he said.\n".encode("cp1252")
    )
    result = run("import", "--strict", "latin.txt", f"pages/{SEED_RADIO}")
    assert result.exit_code == 1
    assert result.stdout == (
        f"wrote segments/{RADIO_SLUG}.md\nimported 1 of 2 pages into segments/; 1 failed\n"
    )
    assert result.stderr == "Error: latin.txt: decoded as cp1252 (not UTF-8) (--strict)\n"
    assert os.listdir("segments") == [f"{RADIO_SLUG}.md"]
    # Without --strict the same page is written, with its warning.
    relaxed = run("import", "latin.txt")
    assert relaxed.exit_code == 0
    assert relaxed.stderr == "Warning: latin.txt: decoded as cp1252 (not UTF-8)\n"
