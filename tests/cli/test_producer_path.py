"""The producer's path (issue 16), from an empty folder, through the command line.

One show folder is walked through the steps a new producer takes, in order, each a small
function that does what the producer does (a command, an edit, a file dropped in a folder) and
checks what came of it in what was published: the feed (feedparser and podcastparser), the
chapters JSON, the episode pages, OUT's files, the segment files. ``PATH`` lists the steps; a
step for another part of the workflow goes in where the producer would take it.

The recording and the intro are generated here (speech-like noise, a tone); the pages are the
example show's seed pages in the repository.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from mutagen.id3 import ID3

from feeds.site import episode_page
from segcast.build import run_build
from segcast.cli import cli
from segcast.config import AUDIO_KEYS, KEYS
from segments.segmentfile import SEGMENT_KEYS, read_segment
from tests.audio import signals
from tests.audio.test_tags import ffprobe
from tests.conftest import EXAMPLES
from tests.feeds.feedcheck import ParsedFeed, parse_feed, write_audio

SEEDS = EXAMPLES / "the-frame" / "pages"
REPO = Path(__file__).resolve().parents[2]
#: The slugs the import gives the two seed pages.
GOLD = "interview-with-director-kyungjin-song"
LOVESONG = "lovesong-another-intimate-film-from-director-so-yong-kim"
#: The slug the producer renames GOLD to, and the scheduled episode's.
GOLD_RENAMED = "gold-medal"
#: The seed page GOLD is imported from.
GOLD_PAGE = "gold-medal-kyungjin-song.txt"
COMING = "coming-up"
#: The intro (seconds) and the default crossfade: the programme starts at SHIFT in the master.
INTRO, FADE = 3.0, 0.5
SHIFT = INTRO - FADE
#: Chapter starts the producer writes, in programme time.
CHAPTERS = [(0.0, "Welcome"), (4.0, "The medal")]
#: The scheduled episode's moment: far enough ahead that the clock never reaches it in a run.
AT = dt.datetime(2099, 1, 1, 9, 0, tzinfo=dt.UTC)
#: One MP3 frame: how exactly a time can be placed in an MP3.
FRAME = 1152 / signals.RATE
GUID_LINE = re.compile(r"^guid: (\S+)$", re.MULTILINE)


@dataclass
class Producer:
    """The show folder being walked, where it is published, and what the steps learnt."""

    show: Path
    out: Path
    guids: dict[str, str] = field(default_factory=dict)
    #: The last build's --json report and exit code.
    report: dict[str, Any] = field(default_factory=dict)
    code: int = 0

    def segment_file(self, slug: str) -> Path:
        return self.show / "segments" / f"{slug}.md"

    def edit(self, slug: str, old: str, new: str) -> None:
        """Edit a segment file as a producer does in an editor: one text replaced."""
        path = self.segment_file(slug)
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def build(self, *flags: str) -> dict[str, Any]:
        """Run ``segcast build SHOW -o OUT --json``; keep and return its report."""
        self.code, stdout, _ = segcast(
            "build", str(self.show), "-o", str(self.out), "--json", *flags
        )
        # JSON lines: one per audio job event, the report last.
        self.report = json.loads(stdout.splitlines()[-1])
        return self.report

    def feed(self) -> ParsedFeed:
        return parse_feed((self.out / "feed.xml").read_bytes())

    def stored_guid(self, slug: str) -> str | None:
        match = GUID_LINE.search(self.segment_file(slug).read_text(encoding="utf-8"))
        return match.group(1) if match else None

    def out_files(self) -> dict[str, bytes]:
        return {
            str(p.relative_to(self.out)): p.read_bytes()
            for p in sorted(self.out.rglob("*"))
            if p.is_file()
        }


def segcast(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={}, env={"SEGCAST_BASE_URL": ""})
    return result.exit_code, result.stdout, result.stderr


def release(report: dict[str, Any]) -> dict[str, Any]:
    """Return the build report's release part, with slugs only (times checked apart)."""
    part = report["release"]
    return {
        "published": part["published"],
        "scheduled": [s["slug"] for s in part["scheduled"]],
        "drafts": part["drafts"],
        "skipped": [s["slug"] for s in part["skipped"]],
    }


def chapter_starts(p: Producer, slug: str) -> list[float]:
    document = json.loads((p.out / f"{slug}.chapters.json").read_text(encoding="utf-8"))
    return [chapter["startTime"] for chapter in document["chapters"]]


def page_chapter_times(p: Producer, slug: str) -> list[float]:
    page = lxml_html.fromstring((p.out / episode_page(slug)).read_bytes())
    hrefs = page.xpath("//a[contains(concat(' ', @class, ' '), ' seek ')]/@href")
    return sorted({float(h.rpartition("#t=")[2]) for h in hrefs if "#t=" in h})


# -- the steps, in the producer's order --------------------------------------------------------


def start_with_segcast_init(p: Producer) -> None:
    code, stdout, _ = segcast("init", str(p.show), "--json")
    assert code == 0
    created = {Path(path).name for path in json.loads(stdout)["created"]}
    assert {"show.toml", "pages", "segments", "raw", "audio"} <= created


def read_the_reference(p: Producer) -> None:
    # The README sends the producer to docs/: every key a reader accepts is listed there.
    segment_doc = (REPO / "docs" / "segment-files.md").read_text(encoding="utf-8")
    toml_doc = (REPO / "docs" / "show-toml.md").read_text(encoding="utf-8")
    for key in SEGMENT_KEYS:
        assert f"`{key}`" in segment_doc, key
    for key in [*KEYS, *AUDIO_KEYS]:
        assert f"`{key}`" in toml_doc, key


def make_config_slips(p: Producer) -> None:
    # Three slips in show.toml, one a category typo: all reported in one run, the typo with
    # the valid categories listed; nothing is published.
    toml = p.show / "show.toml"
    good = toml.read_text(encoding="utf-8")
    bad = re.sub(r"(?m)^category = .*$", 'category = "TV & Flim"', good)
    bad = re.sub(r"(?m)^language = .*$", "language = 42", bad)
    toml.write_text(bad + '\n[audio]\ntarget_lufs = "loud"\n', encoding="utf-8")
    code, _, stderr = segcast("build", str(p.show), "-o", str(p.out))
    toml.write_text(good, encoding="utf-8")
    assert code != 0 and "Traceback" not in stderr
    assert {"category", "language", "target_lufs"} <= set(
        re.findall(r"\b(category|language|target_lufs)\b", stderr)
    )
    (typo,) = [line for line in stderr.splitlines() if "TV & Flim" in line]
    assert "TV & Film" in typo and "News" in typo  # the valid ones, listed
    assert not p.out.exists()


def add_the_two_seed_pages(p: Producer) -> None:
    for page in sorted(SEEDS.iterdir()):
        shutil.copyfile(page, p.show / "pages" / page.name)
    report = p.build()
    # Imported, but neither has audio yet: each is skipped, named, and no empty feed goes out.
    assert sorted(Path(path).stem for path in report["imported"]) == [GOLD, LOVESONG]
    assert release(report) == {
        "published": [],
        "scheduled": [],
        "drafts": [],
        "skipped": [GOLD, LOVESONG],
    }
    skipped = {s["slug"]: s["missing"] for s in report["release"]["skipped"]}
    assert skipped[GOLD].startswith(f"no audio: no recording raw/{GOLD}.*")
    assert {w["where"] for w in report["warnings"]} >= {
        str(p.segment_file(GOLD)),
        str(p.segment_file(LOVESONG)),
    }
    assert (p.code, report["feed"]) == (1, None)
    assert not p.out.exists()
    assert p.stored_guid(GOLD) is None  # a skipped episode is given nothing
    # Import writes titles in double quotes and lists the keys it left out, as comments.
    text = p.segment_file(LOVESONG).read_text(encoding="utf-8")
    assert "\ntitle: \"'Lovesong': Another intimate film from director So Yong Kim\"\n" in text
    comments = text.split("# More keys: remove the '# ' to use one", 1)[1]
    for key in ("status", "episode", "raw", "chapters", "soundbites"):
        assert f"\n# {key}: " in comments, key


def record_the_first_episode(p: Producer) -> None:
    # A recording named after the imported segment's slug, and the producer's chapters. (Where
    # a marker tone lands in the master is tests/segcast/build/test_timeline.py's check.)
    signals.write_wav(p.show / "raw" / f"{GOLD}.wav", signals.speech_like(8.0, rms_dbfs=-24.0))
    lines = "".join(f"- start: {seconds:g}\n  title: {title}\n" for seconds, title in CHAPTERS)
    p.edit(GOLD, "\nsource:", f"\nchapters:\n{lines}source:")
    report = p.build()
    assert report["problems"] == [] and p.code == 0
    assert release(report)["published"] == [GOLD]
    assert release(report)["skipped"] == [LOVESONG]  # still no audio: the rest is published
    assert report["mastered"] == [GOLD]
    guid = p.stored_guid(GOLD)
    assert guid is not None
    p.guids[GOLD] = guid
    assert [e.id for e in p.feed().fp.entries] == [guid]
    assert chapter_starts(p, GOLD) == pytest.approx([t for t, _ in CHAPTERS])


def add_an_intro(p: Producer) -> None:
    signals.write_wav(p.show / "intro.wav", signals.tone(INTRO, freq=440.0, peak_dbfs=-30.0))
    toml = p.show / "show.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[audio]\nintro = "intro.wav"\n')
    report = p.build()
    assert report["problems"] == [] and p.code == 0
    assert report["mastered"] == [GOLD]
    assert report["shifts"] == {GOLD: pytest.approx(SHIFT)}
    (master,) = report["masters"]
    programme = master["after"]["loudness_lufs"]
    assert abs(master["intro_after"]["loudness_lufs"] - programme) <= 1.0
    # Every chapter moved with the programme; a first chapter, the show's, covers the intro.
    expected = [0.0] + [t + SHIFT for t, _ in CHAPTERS]
    assert chapter_starts(p, GOLD) == pytest.approx(expected, abs=FRAME)
    assert page_chapter_times(p, GOLD) == pytest.approx(expected, abs=FRAME)
    assert [e.id for e in p.feed().fp.entries] == [p.guids[GOLD]]
    # The segment file keeps programme time.
    assert [c.start_seconds for c in read_segment(p.segment_file(GOLD)).chapters] == [
        t for t, _ in CHAPTERS
    ]


def make_the_second_a_draft(p: Producer) -> None:
    p.edit(LOVESONG, "\nslug:", "\nstatus: draft\nslug:")
    report = p.build()
    assert release(report) == {
        "published": [GOLD],
        "scheduled": [],
        "drafts": [LOVESONG],
        "skipped": [],
    }
    assert report["warnings"] == []  # a draft is not a problem waiting to happen
    assert p.stored_guid(LOVESONG) is None
    assert not any(LOVESONG in name for name in p.out_files())


def schedule_an_episode(p: Producer) -> None:
    p.segment_file(COMING).write_text(
        f"---\ntitle: Coming up\npublished: '{AT.isoformat()}'\n---\nNext week.\n",
        encoding="utf-8",
    )
    write_audio(p.show / "audio" / f"{COMING}.mp3", 1.0)
    report = p.build()
    assert report["problems"] == [] and p.code == 0
    assert report["release"]["scheduled"] == [{"slug": COMING, "at": AT.isoformat()}]
    guid = p.stored_guid(COMING)  # assigned by its first build ...
    assert guid is not None
    p.guids[COMING] = guid
    for name, data in p.out_files().items():  # ... and nowhere in OUT until its moment
        assert guid.encode() not in data and COMING.encode() not in data, name
    assert [e.id for e in p.feed().fp.entries] == [p.guids[GOLD]]


def slip_in_yaml(p: Producer) -> None:
    # A title typed without quotes, holding ": ": one translated line naming the file, and no
    # follow-on warning about the file (no "unmatched recording", no re-import).
    p.edit(GOLD, 'title: "Interview with Director Kyungjin Song"', "title: Interview: Director")
    code, _, stderr = segcast("build", str(p.show), "-o", str(p.out))
    p.edit(GOLD, "title: Interview: Director", 'title: "Interview with Director Kyungjin Song"')
    assert code == 1 and "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if str(p.segment_file(GOLD)) in line]
    assert len(lines) == 1, stderr
    assert "title: put the title in double quotes" in lines[0]
    assert not [line for line in stderr.splitlines() if line.startswith("Warning:")], stderr


def fix_a_typo_in_a_title(p: Producer) -> None:
    # Import writes titles in double quotes (a colon in one would otherwise break the file).
    p.edit(GOLD, 'title: "Interview with Director', 'title: "Interview with director')
    report = p.build()
    assert (report["mastered"], report["tagged"]) == ([], [GOLD])  # a tag changed, not audio
    (entry,) = p.feed().fp.entries
    assert (entry.id, entry.title) == (p.guids[GOLD], "Interview with director Kyungjin Song")
    page = (p.out / episode_page(GOLD)).read_text(encoding="utf-8")
    assert "Interview with director Kyungjin Song" in page


def change_a_slug(p: Producer) -> None:
    p.edit(GOLD, f"slug: {GOLD}", f"slug: {GOLD_RENAMED}")
    (p.show / "raw" / f"{GOLD}.wav").rename(p.show / "raw" / f"{GOLD_RENAMED}.wav")
    report = p.build()
    assert report["problems"] == [] and p.code == 0
    assert release(report)["published"] == [GOLD_RENAMED]
    (entry,) = p.feed().fp.entries
    assert entry.id == p.guids[GOLD]  # the GUID stays through a slug change
    assert entry.enclosures[0].href.endswith(f"/{GOLD_RENAMED}.mp3")
    assert not any(GOLD in name for name in p.out_files())
    expected = [0.0] + [t + SHIFT for t, _ in CHAPTERS]
    assert chapter_starts(p, GOLD_RENAMED) == pytest.approx(expected, abs=FRAME)


def check_the_tags(p: Producer) -> None:
    # What ffprobe reads from the published MP3: album artist, copyright, track = episode
    # number, the source's web page, and no encoder tag of our tools.
    # The producer names the show's author and copyright (init leaves them as comments) and
    # numbers the episode.
    p.edit(GOLD, "\nslug:", "\nepisode: 7\nslug:")  # the file keeps its name
    toml = p.show / "show.toml"
    toml.write_text(
        'author = "KPCC"\ncopyright = "2016 KPCC"\n' + toml.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    report = p.build()
    assert (report["mastered"], report["tagged"]) == ([], [GOLD_RENAMED])
    mp3 = p.out / f"{GOLD_RENAMED}.mp3"
    tags = {k.lower(): v for k, v in ffprobe(mp3)["format"].get("tags", {}).items()}
    assert (tags["album_artist"], tags["track"]) == ("KPCC", "7"), tags
    assert "KPCC" in tags["copyright"], tags
    assert not {"encoder", "encoded_by"} & set(tags), tags
    woas = [frame.url for frame in ID3(mp3).getall("WOAS")]  # ffprobe does not show URL frames
    assert len(woas) == 1 and woas[0].endswith(episode_page(GOLD_RENAMED)), woas


def the_station_corrects_its_page(p: Producer) -> None:
    # The page changes: the build says so, naming the segment file, and leaves that file alone.
    page = p.show / "pages" / GOLD_PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace("an intimate lens", "a close lens", 1),
        encoding="utf-8",
    )
    segment_file = p.segment_file(GOLD)
    before, stored = segment_file.read_bytes(), read_segment(segment_file)
    report = p.build()
    assert report["problems"] == [] and p.code == 0
    (warning,) = [w for w in report["warnings"] if w["where"] == str(page)]
    assert str(segment_file) in warning["message"] and "import --force" in warning["message"]
    assert segment_file.read_bytes() == before
    # import --force updates that same file: slug, GUID, date and the producer's title kept,
    # and it prints what changed.
    code, stdout, stderr = segcast("import", "--force", str(page), "-o", str(p.show / "segments"))
    assert (code, stderr) == (0, "")
    assert sorted(f.name for f in (p.show / "segments").iterdir()) == sorted(
        f"{slug}.md" for slug in (GOLD, LOVESONG, COMING)
    )
    after = read_segment(segment_file)
    assert (after.slug, after.guid, after.published) == (
        GOLD_RENAMED,
        p.guids[GOLD],
        stored.published,
    )
    assert (after.title, after.chapters, after.episode) == (stored.title, stored.chapters, 7)
    assert after.summary is not None and "a close lens" in after.summary
    lines = stdout.splitlines()
    assert lines[0] == f"updated {segment_file} from {page}:"
    assert any(line.startswith("  summary: ") for line in lines), lines
    report = p.build()
    assert [w for w in report["warnings"] if w["where"] == str(page)] == []
    assert report["mastered"] == []
    assert "a close lens" in p.feed().fp.entries[0].summary


def name_the_recording_with_raw(p: Producer) -> None:
    # A take named as the producer likes, given by the segment file's raw: key.
    (p.show / "raw" / f"{GOLD_RENAMED}.wav").rename(p.show / "raw" / "take-2.wav")
    p.edit(GOLD, "\nslug:", "\nraw: raw/take-2.wav\nslug:")
    report = p.build()
    assert report["problems"] == [] and p.code == 0
    assert report["warnings"] == []  # no unmatched recording, no missing audio
    assert release(report)["published"] == [GOLD_RENAMED]
    assert report["mastered"] == []  # the same sound: its content hash decides, not its name


def edit_the_show_description(p: Producer) -> None:
    toml = p.show / "show.toml"
    toml.write_text(
        re.sub(r"(?m)^description = .*$", 'description = "Film talk, daily."', toml.read_text()),
        encoding="utf-8",
    )
    report = p.build()
    assert report["problems"] == [] and p.code == 0
    assert (report["mastered"], report["tagged"]) == ([], [])  # no audio depends on it
    assert p.feed().fp.feed.subtitle == "Film talk, daily." or "Film talk, daily." in (
        p.out / "feed.xml"
    ).read_text(encoding="utf-8")


def rebuild_changes_nothing(p: Producer) -> None:
    mp3 = p.out / f"{GOLD_RENAMED}.mp3"
    mtime = mp3.stat().st_mtime_ns
    before = p.out_files()
    hour = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    report = p.build()
    assert (report["mastered"], report["tagged"], report["problems"]) == ([], [], [])
    assert mp3.stat().st_mtime_ns == mtime  # an rsync sends nothing
    after = p.out_files()
    if dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0) != hour:
        # The show page and calendar list the next airings, by the hour: a new hour moves them.
        for name in ("index.html", "airtimes.ics"):
            before.pop(name, None)
            after.pop(name, None)
    assert after == before
    # What the producer reads: nothing mastered or tagged, and the feed check's verdict.
    code, stdout, stderr = segcast("build", str(p.show), "-o", str(p.out))
    assert code == 0, stderr
    assert "0 mastered" in stdout + stderr and "0 tagged" in stdout + stderr
    # The build's feed check says what `feed validate` says (init's show.toml has no owner).
    assert "feed check: 0 errors, 1 warning\n" in stdout
    _, checked, _ = segcast("feed", "validate", "--json", str(p.out / "feed.xml"))
    assert [f["id"] for f in json.loads(checked)["findings"]] == ["channel-owner-missing"]
    assert "[channel-owner-missing]" in stderr


def the_scheduled_moment_passes(p: Producer) -> None:
    # The clock cannot be moved for the command line: the build's moment is given instead.
    report = run_build(p.show, p.out, environ={}, now=AT + dt.timedelta(hours=1))
    assert report.problems == []
    assert report.released == [COMING, GOLD_RENAMED]
    feed = p.feed()
    assert [e.id for e in feed.fp.entries] == [p.guids[COMING], p.guids[GOLD]]
    assert p.stored_guid(COMING) == p.guids[COMING]
    assert f"{COMING}.mp3" in p.out_files()


#: The producer's path, in order.
PATH: list[Callable[[Producer], None]] = [
    start_with_segcast_init,
    read_the_reference,
    make_config_slips,
    add_the_two_seed_pages,
    record_the_first_episode,
    add_an_intro,
    make_the_second_a_draft,
    schedule_an_episode,
    slip_in_yaml,
    fix_a_typo_in_a_title,
    change_a_slug,
    check_the_tags,
    the_station_corrects_its_page,
    name_the_recording_with_raw,
    edit_the_show_description,
    rebuild_changes_nothing,
    the_scheduled_moment_passes,
]


def test_the_producers_path(tmp_path: Path) -> None:
    producer = Producer(show=tmp_path / "show", out=tmp_path / "public")
    for step in PATH:
        print(f"step: {step.__name__}")
        step(producer)
