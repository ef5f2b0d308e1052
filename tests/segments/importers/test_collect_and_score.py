"""The unseen-corpus script: collects from a git copy into a folder, splits, scores, refuses."""

from __future__ import annotations

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


def test_the_halves_are_fixed_by_name_and_both_used() -> None:
    names = [f"page-{n}" for n in range(40)]
    assert [corpus.half(n) for n in names] == [corpus.half(n) for n in names]
    assert {corpus.half(n) for n in names} == set(corpus.HALVES)


def test_collect_refuses_a_folder_inside_the_repository(tmp_path: Path) -> None:
    inside = Path(corpus.__file__).resolve().parent / "pages"
    assert corpus.main(["collect", "--repo", str(tmp_path), "--to", str(inside)]) == 2
    assert not inside.exists()
