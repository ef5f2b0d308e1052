"""The validator on real feeds (../shared/corpus/feeds): every finding checked by reading the feed.

Expected counts were established by reading each feed, not by running the validator:
- DW: channel and all 59 items say itunes:explicit "clean"; no itunes:type; item 42 (01.02.2022)
  has an empty <guid isPermaLink="false"></guid>.
- Podcasting 2.0 show: its podcast prefix is bound to the GitHub docs URL, the namespace's first
  URI, which the spec says clients must treat as identical: its podcast:* tags count. 48 items'
  podcast:chapters say type "application/json"; two podcast:person elements have no name
  (line 602 href="" img="", line 1575 empty); 22 chapters URLs are http://34.117.70.159/..., and
  12 person hrefs http://curry.com and http://dave.sobr.org (6 each); "News & Politics" is Apple's pre-2019 category, followed by
  a second one; no copyright, itunes:type, atom self link or itunes:duration anywhere; itunes:explicit
  "no" on the channel and 56 items; all 56 titles are "Episode N: ..."; every description uses
  <b>/<i>/<div>/<span>/...; the 4 oldest items have http itunes:image URLs; 7 items share the
  enclosure length 70881847 (copied, not measured).
- Namespace example: podcast:guid "y0ur-gu1d-g035-h3r3"; two top-level categories; no atom self link;
  no itunes:duration on its 3 "Episode N - ..." items; podcast:chapters type "application/json";
  three http person URLs (img twice, href once).
- Sentimental Garbage: a blank line before the XML declaration (not well-formed); with it removed,
  "Literature" is Apple's pre-2019 Arts subcategory, a second category follows, yes/no explicit on the
  channel and 138 items, Acast's <br>/<hr> footer in every description, and "Wild Garbage #2" and
  "(BINCHYCAST #3)" in two titles.
- gpodder chapters: a minimal synthetic feed (no version, no channel metadata, guid "episode"
  without isPermaLink, which defaults to true).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeds.validate import Finding, validate_feed
from segments.errors import FeedError

NOW = datetime(2026, 1, 1, tzinfo=UTC)

EXPECTED: dict[str, dict[str, int]] = {
    "dw_langsam_gesprochene_nachrichten.xml": {
        "channel-type-missing": 1,
        "explicit-deprecated": 60,
        "item-guid-missing": 1,
    },
    "pc20_podcasting20show.xml": {
        "podcast-chapters-type-invalid": 48,
        "podcast-person-name-missing": 2,
        "channel-category-unknown": 1,
        "channel-category-extra": 1,
        "channel-copyright-missing": 1,
        "channel-type-missing": 1,
        "channel-self-link-missing": 1,
        "explicit-deprecated": 57,
        "item-title-episode-number": 56,
        "description-html-not-allowed": 56,
        "item-duration-missing": 56,
        "item-enclosure-length-repeated": 6,
        "url-not-https": 4 + 22 + 12,
    },
    "podcast_namespace_example.xml": {
        "podcast-guid-invalid": 1,
        "channel-category-extra": 1,
        "channel-self-link-missing": 1,
        "item-duration-missing": 3,
        "item-title-episode-number": 3,
        "podcast-chapters-type-invalid": 3,
        "url-not-https": 3,
    },
    "gpodder_psc_chapters_min.rss": {
        "rss-version-missing": 1,
        "channel-description-missing": 1,
        "channel-link-missing": 1,
        "channel-language-missing": 1,
        "channel-image-missing": 1,
        "channel-category-missing": 1,
        "channel-explicit-missing": 1,
        "channel-author-missing": 1,
        "channel-owner-missing": 1,
        "channel-copyright-missing": 1,
        "channel-type-missing": 1,
        "channel-self-link-missing": 1,
        "item-description-missing": 1,
        "item-enclosure-missing": 1,
        "item-guid-permalink-not-url": 1,
        "item-pubdate-missing": 1,
    },
    # Read with the leading blank line removed (see test_sentimental_garbage_is_not_well_formed).
    "sentimental_garbage.xml": {
        "channel-subcategory-unknown": 1,
        "channel-category-extra": 1,
        "explicit-deprecated": 139,
        "description-html-not-allowed": 139,
        "item-title-episode-number": 2,
    },
}

MALFORMED: dict[str, str] = {
    "gpodder_person_min.rss": "line 6, column 28: Namespace prefix itunes on episodeType is not "
    "defined",
    "gpodder_transcript_no_ns_min.rss": "line 6, column 28: Namespace prefix itunes on episodeType "
    "is not defined",
    "sentimental_garbage.xml": "line 2, column 6: XML declaration allowed only at the start of the "
    "document",
}


def feeds_dir(shared: Path) -> Path:
    return shared / "corpus" / "feeds"


def findings(shared: Path, name: str) -> list[Finding]:
    data = (feeds_dir(shared) / name).read_bytes()
    if name == "sentimental_garbage.xml":
        data = data.lstrip()
    return validate_feed(data, name, now=NOW)


def test_every_corpus_feed_is_covered(shared: Path) -> None:
    names = {p.name for p in feeds_dir(shared).iterdir() if p.suffix in (".xml", ".rss")}
    assert names == set(EXPECTED) | set(MALFORMED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_feed_findings(shared: Path, name: str) -> None:
    assert Counter(f.rule for f in findings(shared, name)) == Counter(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_corpus_feed(shared: Path, name: str) -> None:
    path = feeds_dir(shared) / name
    with pytest.raises(FeedError) as err:
        validate_feed(path.read_bytes(), str(path))
    assert str(err.value) == f"{path}: not well-formed XML at {MALFORMED[name]}"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "dw_langsam_gesprochene_nachrichten.xml",
            Finding(
                "item-guid-missing",
                "warning",
                "the item's <guid> is empty",
                "channel/item[42] (title 01.02.2022 – Langsam gesprochene Nachrichten)",
                569,
            ),
        ),
        (
            "pc20_podcasting20show.xml",
            Finding(
                "podcast-person-name-missing",
                "error",
                "podcast:person has no name",
                "channel/item[7] (guid PC2051)/podcast:person",
                602,
            ),
        ),
        (
            "pc20_podcasting20show.xml",
            Finding(
                "channel-category-unknown",
                "error",
                'itunes:category "News & Politics" is not in Apple\'s list',
                "channel/itunes:category",
                32,
            ),
        ),
        (
            "sentimental_garbage.xml",
            Finding(
                "channel-subcategory-unknown",
                "error",
                'itunes:category "Literature" is not a subcategory of "Arts"',
                "channel/itunes:category/itunes:category",
                5007,  # line 5008 of the file, which starts with a blank line
            ),
        ),
        (
            "podcast_namespace_example.xml",
            Finding(
                "podcast-guid-invalid",
                "error",
                'podcast:guid "y0ur-gu1d-g035-h3r3" is not a UUID',
                "channel/podcast:guid",
                21,
            ),
        ),
    ],
)
def test_corpus_finding_details(shared: Path, name: str, expected: Finding) -> None:
    assert expected in findings(shared, name)
