"""The unseen-corpus script: collects from a git copy into a folder, splits, scores, refuses."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest

from tests.segments.importers.corpus import collect_and_score as corpus

SOURCE = """<!DOCTYPE html><html><head><title>Night shift | Harbour Radio</title>
<meta property="og:site_name" content="Harbour Radio"><meta name="author" content="Jane Roe">
</head><body><article><h1>Night shift</h1>
<p>A paragraph long enough to be the article's own text, about the harbour's night shift.</p>
<p>Another paragraph of the article, so that the extractor keeps the text of it.</p>
</article><div class="cookie-banner"><p>We use trackers to improve this site for you.</p></div>
</body></html>"""
EXPECTED = """<div><p>A paragraph long enough to be the article's own text, about the harbour's night
shift.</p><p>Another paragraph of the article, so that the extractor keeps the text of it.</p>
</div>"""


def make_corpus(repo: Path, metadata: dict[str, str | None]) -> None:
    page = repo / "test" / "test-pages" / "night-shift"
    page.mkdir(parents=True)
    (page / "source.html").write_text(SOURCE, encoding="utf-8")
    (page / "expected.html").write_text(EXPECTED, encoding="utf-8")
    (page / "expected-metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@x.org", "commit", "-q", "-m", "pages"],
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True)


def test_collect_copies_pages_with_their_source_and_scores_them(tmp_path: Path) -> None:
    make_corpus(tmp_path / "repo", {"title": "Night shift", "byline": "By Jane Roe"})
    assert corpus.collect(tmp_path / "repo", "mozilla/readability", tmp_path / "out") == 1
    (entry,) = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert entry["source"] == "github:mozilla/readability"
    assert entry["path"] == "test/test-pages/night-shift/source.html"
    assert len(entry["commit"]) == 40 and entry["licence"] == "Apache-2.0"
    scores = corpus.score(tmp_path / "out", ())
    result = scores[entry["half"]]
    for fieldname in ("title", "byline", "content"):
        assert result.right[fieldname] == result.counted[fieldname] == 1, fieldname


def test_a_wrong_byline_is_scored_as_a_failure_naming_the_page(tmp_path: Path) -> None:
    make_corpus(tmp_path / "repo", {"title": "Another title", "byline": "By John Doe"})
    corpus.collect(tmp_path / "repo", "mozilla/readability", tmp_path / "out")
    scores = corpus.score(tmp_path / "out", ())
    result = next(s for s in scores.values() if s.counted)
    assert result.right["title"] == 0 and result.right["byline"] == 0
    assert result.failures["byline"] == ["night-shift: ['jane roe'] != ['john doe']"]


@pytest.mark.parametrize("name", ["adbar/trafilatura", "goose3/goose3", "postlight/parser"])
def test_the_shared_corpus_sources_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(SystemExit, match="leave it unseen"):
        corpus.collect(tmp_path, name, tmp_path / "out")


@pytest.mark.parametrize(
    ("name", "forbidden"),
    [
        ("scrapinghub/article-extraction-benchmark", True),
        ("adbar/htmldate", True),  # trafilatura's author: its test pages overlap
        ("markusmobius/go-trafilatura", True),  # a port carries the original's test pages
        ("grangier/python-goose", True),
        ("postlight/mercury-parser", True),
        ("mozilla/page-metadata-parser", False),  # "parser" alone marks nothing
        ("Murrough-Foley/web-content-extraction-benchmark", False),  # its own 2025 pages
    ],
)
def test_ports_and_copies_of_the_shared_sources_are_refused(name: str, forbidden: bool) -> None:
    assert corpus.is_forbidden(name) is forbidden


def test_the_halves_are_fixed_by_name_and_both_used() -> None:
    names = [f"page-{n}" for n in range(40)]
    assert [corpus.half(n) for n in names] == [corpus.half(n) for n in names]
    assert {corpus.half(n) for n in names} == set(corpus.HALVES)


def test_collect_refuses_a_folder_inside_the_repository(tmp_path: Path) -> None:
    inside = Path(corpus.__file__).resolve().parent / "pages"
    assert corpus.main(["collect", "--repo", str(tmp_path), "--to", str(inside)]) == 2
    assert not inside.exists()


EPISODE = """<!DOCTYPE html><html lang="en"><head><title>Night shift | Harbour Radio</title>
<meta property="og:site_name" content="Harbour Radio"></head><body><article><h1>Night shift</h1>
<p>By Jane Roe</p>
<p>A paragraph long enough to be the article's own text, about the harbour's night shift.</p>
<figure><img src="crane.jpg"><figcaption>The crane at night. Photo: Max Mustermann</figcaption>
</figure><audio src="https://radio.example.org/audio/night-shift.mp3"></audio>
<p>Another paragraph of the article, so that the extractor keeps the text of it.</p>
</article></body></html>"""


def labelled(repo: Path, expect: dict[str, object], name: str = "episode.html") -> Path:
    make_corpus(repo, {"title": "Night shift"})
    data = EPISODE.encode()
    (repo / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@x.org", "commit",
         "-q", "-m", "episode"],
        check=True,
    )  # fmt: skip
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    base = {"people": [], "people_optional": [], "captions": [], "credits": [], "audio": None}
    page = {"id": "night-shift", "repo": "example/pages", "commit": commit,
            "path": name, "licence": "MIT", "expect": {**base, **expect}}  # fmt: skip
    labels = repo.parent / "labels.json"
    labels.write_text(json.dumps({"pages": [page]}), encoding="utf-8")
    return labels


@pytest.mark.parametrize("name", ["episode.html", "episode.html.gz"])
def test_labelled_pages_are_collected_at_their_commit_and_scored_per_field(
    tmp_path: Path, name: str
) -> None:
    expect = {
        "title": ["Night shift"],
        "people": [["Jane Roe", ["reporter"]]],
        "captions": ["The crane at night."],
        "credits": ["Max Mustermann"],
        "audio": "radio.example.org/audio/night-shift.mp3",
        "qa": 0,
        "furniture": ["We use trackers"],
    }
    labels = labelled(tmp_path / "repo", expect, name)
    copies = {"example/pages": tmp_path / "repo"}
    assert corpus.collect_labelled(copies, tmp_path / "out", labels) == 1
    assert (tmp_path / "out" / "night-shift.html").read_text(encoding="utf-8") == EPISODE
    (entry,) = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert entry["half"] == "developed" and entry["licence"] == "MIT"
    result = corpus.score_labelled(tmp_path / "out", ())[entry["half"]]
    for fieldname in corpus.LABELLED_FIELDS:
        assert result.right[fieldname] == result.counted[fieldname] == 1, result.failures


def test_wrong_labels_are_failures_naming_the_page_and_what_differs(tmp_path: Path) -> None:
    expect = {
        "title": ["Day shift"],
        "people": [["John Doe", ["guest"]]],
        "captions": ["A caption nobody wrote"],
        "audio": None,
        "qa": 2,
        "furniture": ["Another paragraph of the article"],
    }
    labels = labelled(tmp_path / "repo", expect)
    corpus.collect_labelled({"example/pages": tmp_path / "repo"}, tmp_path / "out", labels)
    result = next(s for s in corpus.score_labelled(tmp_path / "out", ()).values() if s.counted)
    assert all(result.right[f] == 0 for f in corpus.LABELLED_FIELDS), result.right
    assert result.failures["people"] == [
        "night-shift: missing ['John Doe'], wrong ['jane roe (reporter)']"
    ]


def test_labels_from_a_shared_corpus_source_are_refused(tmp_path: Path) -> None:
    labels = labelled(tmp_path / "repo", {"title": ["Night shift"], "qa": 0, "furniture": []})
    data = json.loads(labels.read_text(encoding="utf-8"))
    data["pages"][0]["repo"] = "adbar/trafilatura"
    labels.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SystemExit, match="must stay unseen"):
        corpus.collect_labelled({"adbar/trafilatura": tmp_path / "repo"}, tmp_path / "out", labels)


def test_the_committed_labels_name_their_source_and_split_by_id() -> None:
    pages = json.loads(corpus.LABELS.read_text(encoding="utf-8"))["pages"]
    assert len(pages) >= 40 and len({p["id"] for p in pages}) == len(pages)
    sources = {(p["repo"], p["path"]) for p in pages}
    assert len(sources) == len(pages), "a page is labelled twice under two ids"
    assert {p["language"] for p in pages} >= {"en", "de", "fr"}
    for page in pages:
        assert len(page["commit"]) == 40 and page["licence"] and page["path"], page["id"]
        assert not corpus.is_forbidden(page["repo"]), page["id"]
    held_out = [p for p in pages if corpus.labelled_half(p) == "held-out"]
    # The held-out round (round 7) holds the 40 pages; it only grows: a page taken out
    # of it after scoring would be tuning.
    assert len(held_out) >= 48 and len({p["repo"] for p in held_out}) >= 4
    # The development rounds together hold the 40 more pages many times over.
    assert len(pages) - len(held_out) >= 40 and len({p["repo"] for p in pages}) >= 5


def test_the_newest_round_of_labelled_pages_is_held_out_whole() -> None:
    assert corpus.labelled_half({"id": "a"}) == "developed"
    assert corpus.labelled_half({"id": "a", "round": 1}) == "developed"
    assert corpus.labelled_half({"id": "a", "round": corpus.HELD_OUT_ROUND}) == "held-out"


def test_the_shared_labels_name_shared_files_and_every_field() -> None:
    from tests.conftest import SHARED, require_shared

    if not SHARED.is_dir():
        require_shared()
    pages = json.loads(corpus.SHARED_LABELS.read_text(encoding="utf-8"))["pages"]
    assert len(pages) == 10 and len({p["file"] for p in pages}) == 10
    for page in pages:
        assert (SHARED / page["file"]).is_file(), page["id"]
        assert {"title", "people", "people_optional", "captions", "credits", "qa"} <= set(
            page["expect"]
        ), page["id"]


def test_score_shared_scores_each_labelled_file_and_lists_its_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "night.txt").write_text(
        "Night shift\n\nBy Jane Roe\n\nThe crane works at night.\n", encoding="utf-8"
    )
    expect = {"title": ["Night shift"], "people": [["John Doe", ["guest"]]],
              "people_optional": [], "captions": [], "credits": [], "qa": 0, "furniture": []}  # fmt: skip
    labels = tmp_path / "shared_labels.json"
    page = {"id": "night", "file": "seeds/night.txt", "expect": expect}
    labels.write_text(json.dumps({"pages": [page]}), encoding="utf-8")
    result = corpus.score_shared(tmp_path, True, labels)
    assert result.right["title"] == result.counted["title"] == 1
    assert result.right["people"] == 0 and "audio" not in result.counted
    assert "people fails: night: missing ['John Doe'], wrong ['jane roe (reporter)']" in (
        capsys.readouterr().out
    )
