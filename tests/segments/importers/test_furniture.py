"""Every furniture rule removes what real pages print, and keeps the sentence that only looks alike."""

from __future__ import annotations

import pytest

from segments.importers.furniture import FURNITURE, is_furniture, strip_furniture
from segments.importers.rawpage import Block

#: rule id -> (real furniture it removes, from the seeds and ../shared/corpus/pages; a near miss
#: that must be kept).
EXAMPLES: dict[str, tuple[str, str]] = {
    "donation-appeal": (
        "You care about today\u2019s news. And you\u2019re not alone.",
        "You care about the news, and I think that matters, she said.",
    ),
    "comment-prompt": (
        "Leave a comment",
        "People leave a comment on every film, and I read them all.",
    ),
    "comment-form": (
        "Your email address will not be published.",
        "Your email address will not be published in the film, we promised her.",
    ),
    "comment-count": (
        "Ein Gedanke zu \u201eRES158 Sternfusion am Teilchenbeschleuniger\u201c",
        "One thought on the shoot kept coming back to me.",
    ),
    "blog-platform": (
        "Create a website or blog at WordPress.com",
        "I created a website or blog at WordPress.com for the film.",
    ),
    "back-to-top": ("Up \u2191", "Up in the mountains of Jeju, we filmed for a month."),
    "listen-button": ("Listen to story", "Listen to the story of my mother, she said."),
    "audio-link": ("Download this story 2MB", "Download the app to hear more of her story."),
    "player-control": ("Toggle more options", "Transcripts of the trial were released."),
    "subscribe": ("Subscribe to podcast", "Subscribe to the idea that films can heal?"),
    "share-buttons": ("Facebook Twitter Flipboard Email", "Share your memories with your parents."),
    "follow-us": ("Follow @mashable", "Follow your heart, my mother said."),
    "photo-controls": ("toggle caption", "Enlarge the picture, the director told the crew."),
    "related-links": ("See also: 10 Startups to Watch in 2014", "Related stories of my family."),
    "advertisement": ("Sponsor Message", "Advertisements paid for the film."),
    "cookie-notice": (
        "This website uses cookies to improve your experience.",
        "We ate cookies on set every day.",
    ),
    "widget-message": ("Please wait...", "Please wait for the tide before you cross."),
    "site-links": ("Impressum | Datenschutz", "Privacy matters to the senior actor."),
    "copyright-line": ("\u00a92005-2014 Mashable, Inc.", "Copyright law changed everything."),
    "navigation": ("Skip to main content", "Search for meaning in the fields and orchards."),
    "page-metadata": (
        "Source: PM | Duration: 3min 13sec",
        "Source of the funding cut was the Sports Commission.",
    ),
    "cite-episode": (
        'Diese Folge zitieren: Holger Klein/Helmholtz-Gemeinschaft: Resonator-Podcast: "RES158".',
        "Diese Folge ist toll.",
    ),
    "fyyd-button": (
        "Mit diesem Button kannst Du diese Podcast-Episode zu einer Kurationsliste der "
        "Podcast-Suchmaschine FYYD hinzuf\u00fcgen.",
        "Mit diesem Film wollte ich etwas sagen.",
    ),
    "template-label": ("Episode Description:", "Episode descriptions were short."),
    "dateline": ("Ver\u00f6ffentlicht am 16.08.2019", "On December 24, 2016 we recorded it."),
    "related-episode": ("RES156 Blei zu Gold", "R3B detectors measure neutrons"),
    "promo-question": (
        "Interested in learning more about AMP?",
        "What drew you to learning more about AMP?",
    ),
}


def test_every_rule_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(rule.id for rule in FURNITURE)
    assert len({rule.id for rule in FURNITURE}) == len(FURNITURE)
    assert all(rule.reason and (rule.pattern or rule.test) for rule in FURNITURE)


@pytest.mark.parametrize(("rule_id", "texts"), sorted(EXAMPLES.items()))
def test_rule_removes_its_example_and_keeps_the_near_miss(
    rule_id: str, texts: tuple[str, str]
) -> None:
    furniture, near_miss = texts
    assert is_furniture(furniture) == rule_id
    assert is_furniture(near_miss) is None


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        # Both seeds' furniture, as printed.
        ("You care about today's news. And you're not alone.", "donation-appeal"),
        ("Join others who support independent journalism.", "donation-appeal"),
        ("Create a website or blog at WordPress.com", "blog-platform"),
        ("Up \u2191", "back-to-top"),
        ("Listen to story", "listen-button"),
        # Corpus pages (NPR, Marketplace, Mashable, Resonator, AMP blog, ABC).
        ("Enlarge this image", "photo-controls"),
        ("hide caption", "photo-controls"),
        ("Listen \u00b7 3:14", "audio-link"),
        ("Download audio", "audio-link"),
        ("Download: mp3 (30 MB) m4a (24 MB) opus (16 MB)", "audio-link"),
        ("Downloads: 22.273", "page-metadata"),
        ("1 Stunde", "page-metadata"),
        (
            "Ver\u00f6ffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten Lizenz: CC-BY 4.0 "
            "Downloads: 22.273",
            "page-metadata",
        ),
        ("Mehr zum Thema: RES035 GSI in Darmstadt RES036 Schwerionenforschung", "related-links"),
        ("04/19/13", "dateline"),
        ("December 24, 2016", "dateline"),
        ("December 15, 2016 3:33 PM ET", "dateline"),
        ("Topics: olympics-summer, swimming, australia", "page-metadata"),
        ("Support American Public Media", "donation-appeal"),
        (
            "American Public Media's online services are supported by users like you.",
            "donation-appeal",
        ),
        ("Notify me of follow-up comments by email.", "comment-form"),
        ("Leave a Reply", "comment-prompt"),
        ("12 Comments", "comment-count"),
        ("Advertisement", "advertisement"),
        ("Related", "related-links"),
        ("Share", "share-buttons"),
        (
            "Then sign up for our email newsletter to get the latest updates, event "
            "announcements, community discussions, and advanced tutorials straight to your inbox.",
            "subscribe",
        ),
        ("  Leave\u00a0a   comment \n", "comment-prompt"),
    ],
)
def test_real_furniture(text: str, rule_id: str) -> None:
    assert is_furniture(text) == rule_id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Getting into filmmaking:",
        "What motivated you to produce Gold Medal?",
        "MARK BANNERMAN: Olympian Bill Kirby ending that report from Ellesa Throwden.",
        "Ellesa Throwden reports.",
        "[PAUSE]",
        "Arts & Entertainment",
        "So Yong Kim",
        "Larry Busacca/Getty Images",
        "Hosted by John Horn",
        "Published on a Tuesday, the film found its audience slowly over many years.",
        "Source: the ministry said so in a statement. Tags: none of them were true.",
    ],
)
def test_content_is_not_furniture(text: str) -> None:
    assert is_furniture(text) is None


def test_strip_furniture_keeps_order_and_names_rules() -> None:
    blocks = [
        Block("I think intimacy is the key."),
        Block("You care about today's news. And you're not alone."),
        Block("Filmmaking is also about learning about myself.", kind="quote"),
        Block("Up \u2191"),
    ]
    kept, removed = strip_furniture(blocks)
    assert kept == [blocks[0], blocks[2]]
    assert removed == [(blocks[1], "donation-appeal"), (blocks[3], "back-to-top")]
