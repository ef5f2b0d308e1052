"""Rules for where tags stand and how often: a channel tag inside an item, a single tag twice.

Sources: Apple Podcasts' tag list (https://help.apple.com/itc/podcasts_connect/#/itcb54353390),
which names each tag's parent (channel, item, itunes:owner, itunes:category), the RSS 2.0
specification (https://www.rssboard.org/rss-specification) and the Podcasting 2.0 tag pages
(docs/tags/*.md, "Parent" and "Count: Single").
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from feeds.validate.common import APPLE, P20, Places, Report, Rule, it, pc, qname

RULES = (
    Rule(
        "tag-misplaced",
        "error",
        "<{tag}> stands in <{parent}>; it belongs in <{expected}>",
        f"{APPLE} and {P20}: each tag has one parent; apps do not look for it elsewhere",
    ),
    Rule(
        "tag-repeated",
        "warning",
        "<{tag}> appears {count} times in <{parent}>; apps read one (which one varies)",
        f"{APPLE}, RSS 2.0 and {P20}: these tags appear once in their parent",
    ),
    Rule(
        "category-text-empty",
        "error",
        "itunes:category has no text attribute value",
        f'{APPLE}: a category is named by its text attribute, <itunes:category text="Arts">',
    ),
)

_CHANNEL, _ITEM = "channel", "item"
_LIVE = pc("liveItem")

#: Tags that stand in one kind of parent only -> that parent's tag. Items and live items alike
#: hold the item tags (Podcasting 2.0: a liveItem takes every child an item does).
PARENTS: dict[str, tuple[str, ...]] = {
    it("new-feed-url"): (_CHANNEL,),
    it("owner"): (_CHANNEL,),
    it("type"): (_CHANNEL,),
    it("category"): (_CHANNEL, it("category")),
    it("name"): (it("owner"),),
    it("email"): (it("owner"),),
    pc("guid"): (_CHANNEL,),
    pc("locked"): (_CHANNEL,),
    pc("updateFrequency"): (_CHANNEL,),
    pc("podroll"): (_CHANNEL,),
    pc("medium"): (_CHANNEL,),
    pc("liveItem"): (_CHANNEL,),
    pc("contentLink"): (_LIVE, _ITEM),
    it("episode"): (_ITEM, _LIVE),
    it("episodeType"): (_ITEM, _LIVE),
    it("duration"): (_ITEM, _LIVE),
    pc("transcript"): (_ITEM, _LIVE),
    pc("chapters"): (_ITEM, _LIVE),
    pc("soundbite"): (_ITEM, _LIVE),
    pc("alternateEnclosure"): (_ITEM, _LIVE),
    pc("source"): (pc("alternateEnclosure"),),
    pc("integrity"): (pc("alternateEnclosure"),),
    pc("valueRecipient"): (pc("value"),),
}

#: Tags that appear at most once in a channel, an item or a live item.
SINGLE: frozenset[str] = frozenset(
    {
        "title", "link", "description", "language", "copyright", "lastBuildDate", "pubDate",
        "guid", "enclosure", it("image"), it("explicit"), it("author"), it("owner"), it("type"),
        it("new-feed-url"), it("duration"), it("episode"), it("season"), it("episodeType"),
        it("title"), it("block"), it("complete"), pc("guid"), pc("locked"), pc("medium"),
        pc("updateFrequency"), pc("chapters"), pc("season"), pc("episode"), pc("podroll"),
        pc("license"),
    }
)  # fmt: skip

_HOLDERS = (_CHANNEL, _ITEM, _LIVE)


def check_structure(channel: etree._Element, places: Places, report: Report) -> None:
    """Check every tag's parent, the tags that may appear once, and empty category names."""
    for el in channel.iter(tag=etree.Element):
        parent = el.getparent()
        allowed = PARENTS.get(str(el.tag))
        if allowed is not None and parent is not None and parent.tag not in allowed:
            report.add(
                "tag-misplaced",
                places.of(el),
                tag=qname(el),
                parent=qname(parent),
                expected=_name(allowed[0]),
            )
        if el.tag == it("category") and not (el.get("text") or "").strip():
            report.add("category-text-empty", places.of(el))
        if el is channel or el.tag in _HOLDERS:
            counts = Counter(str(child.tag) for child in el if child.tag in SINGLE)
            for tag, count in counts.items():
                if count > 1:
                    second = [child for child in el if child.tag == tag][1]
                    report.add(
                        "tag-repeated",
                        places.of(second),
                        tag=qname(second),
                        parent=qname(el),
                        count=count,
                    )


def _name(tag: str) -> str:
    return qname(etree.Element(tag))
