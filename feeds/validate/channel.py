"""Rules for the show: the channel's required and recommended elements, categories included.

Sources: Apple Podcasts requirements (https://podcasters.apple.com/support/823-podcast-requirements)
with its tag list (https://help.apple.com/itc/podcasts_connect/#/itcb54353390) and category list
(https://podcasters.apple.com/support/1691-apple-podcasts-categories), the RSS 2.0 specification
(https://www.rssboard.org/rss-specification) and the RSS Best Practices Profile's Atom self link
(https://www.rssboard.org/rss-profile).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from feeds.validate.common import APPLE, Places, Report, Rule, it, self_links, text
from feeds.validate.descriptions import check_description
from segments.categories import APPLE_CATEGORIES

RULES = (
    Rule(
        "channel-title-missing",
        "error",
        "the channel has no <title>",
        f"RSS 2.0 spec and {APPLE}: title is required",
    ),
    Rule(
        "channel-description-missing",
        "error",
        "the channel has no <description>",
        f"RSS 2.0 spec and {APPLE}: description is required",
    ),
    Rule(
        "channel-link-missing",
        "warning",
        "the channel has no <link>",
        "RSS 2.0 spec requires <link>; Apple recommends it",
    ),
    Rule(
        "channel-language-missing",
        "error",
        "the channel has no <language>",
        f"{APPLE}: <language> (ISO 639) is required",
    ),
    Rule(
        "channel-language-invalid",
        "error",
        'language "{value}" is not an ISO 639 code (like "en" or "en-US")',
        f"{APPLE}: <language> takes an ISO 639 code",
    ),
    Rule(
        "channel-image-missing",
        "error",
        "the channel has no <itunes:image>",
        f"{APPLE}: show artwork in <itunes:image href> is required",
    ),
    Rule(
        "channel-category-missing",
        "error",
        "the channel has no <itunes:category>",
        f"{APPLE}: a category from Apple's list is required",
    ),
    Rule(
        "channel-category-unknown",
        "error",
        'itunes:category "{value}" is not in Apple\'s list{hint}',
        f"{APPLE}: the category must match Apple's list exactly, casing included",
    ),
    Rule(
        "channel-subcategory-unknown",
        "error",
        'itunes:category "{value}" is not a subcategory of "{parent}"{hint}',
        f"{APPLE}: the subcategory must be one of its category's, with exact casing",
    ),
    Rule(
        "channel-category-extra",
        "info",
        "{count} more top-level itunes:category after the first; Apple reads only the first",
        f"{APPLE}: only the first category and its subcategory count",
    ),
    Rule(
        "channel-explicit-missing",
        "error",
        "the channel has no <itunes:explicit>",
        f"{APPLE}: itunes:explicit (true or false) is required",
    ),
    Rule(
        "channel-author-missing",
        "warning",
        "the channel has no <itunes:author>",
        f"{APPLE}: itunes:author is recommended",
    ),
    Rule(
        "channel-owner-missing",
        "warning",
        "the channel has no <itunes:owner>",
        f"{APPLE} and Spotify: the owner's email receives the ownership verification code",
    ),
    Rule(
        "channel-owner-email-missing",
        "warning",
        "itunes:owner has no <itunes:email>",
        f"{APPLE} and Spotify: the owner's email receives the ownership verification code",
    ),
    Rule(
        "channel-owner-email-invalid",
        "warning",
        'itunes:email "{value}" is not an email address',
        f"{APPLE} and Spotify: the owner's email must be real to verify ownership",
    ),
    Rule(
        "channel-copyright-missing",
        "info",
        "the channel has no <copyright>",
        f"{APPLE}: copyright is recommended",
    ),
    Rule(
        "channel-no-items",
        "error",
        "the channel has no <item>: there is no episode",
        f"{APPLE}: a show is accepted and listed only with at least one episode",
    ),
    Rule(
        "channel-type-missing",
        "info",
        "the channel has no <itunes:type> (episodic is assumed)",
        f"{APPLE}: itunes:type (episodic or serial) is recommended",
    ),
    Rule(
        "channel-type-invalid",
        "error",
        'itunes:type is "{value}", not "episodic" or "serial"',
        f"{APPLE}: itunes:type takes episodic or serial",
    ),
    Rule(
        "channel-self-link-missing",
        "warning",
        'the channel has no <atom:link rel="self">',
        "RSS Best Practices (Atom self link): names the feed's own URL, which "
        "Podcasting 2.0 derives podcast:guid from",
    ),
)

#: ISO 639-1 language codes (two letters); three-letter ISO 639-2/3 codes are accepted by form.
#: The list: https://www.loc.gov/standards/iso639-2/php/code_list.php
_ISO_639_1_TEXT = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
    "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks "
    "ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl "
    "nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl "
    "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
    "vi vo wa wo xh yi yo za zh zu "
)
ISO_639_1 = frozenset(_ISO_639_1_TEXT.split())


def check_channel(channel: etree._Element, places: Places, report: Report) -> None:
    """Check the channel's own elements: what RSS and Apple require or recommend."""
    if not text(channel.find("title")):
        report.add("channel-title-missing", "channel")
    description = channel.find("description")
    if description is None or not text(description):
        report.add("channel-description-missing", "channel")
    else:
        check_description(description, places, report, chapters=False)
    if not text(channel.find("link")):
        report.add("channel-link-missing", "channel")
    language = text(channel.find("language"))
    if not language:
        report.add("channel-language-missing", "channel")
    elif not _valid_language(language):
        report.add("channel-language-invalid", "channel/language", value=language)
    if channel.find(it("image")) is None:
        report.add("channel-image-missing", "channel")
    _check_category(channel, places, report)
    explicit = channel.find(it("explicit"))
    if explicit is None:
        report.add("channel-explicit-missing", "channel")
    if channel.find(it("author")) is None:
        report.add("channel-author-missing", "channel")
    owner = channel.find(it("owner"))
    if owner is None:
        report.add("channel-owner-missing", "channel")
    else:
        email = text(owner.find(it("email")))
        if not email:
            report.add("channel-owner-email-missing", places.of(owner))
        elif not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            report.add(
                "channel-owner-email-invalid", places.of(owner.find(it("email"))), value=email
            )
    if channel.find("copyright") is None:
        report.add("channel-copyright-missing", "channel")
    show_type = text(channel.find(it("type")))
    if show_type is None:
        report.add("channel-type-missing", "channel")
    elif show_type not in ("episodic", "serial"):
        report.add("channel-type-invalid", "channel/itunes:type", value=show_type)
    if not self_links(channel):
        report.add("channel-self-link-missing", "channel")


def check_has_items(channel: etree._Element, report: Report) -> None:
    """Check that the show has at least one episode."""
    if channel.find("item") is None:
        report.add("channel-no-items", "channel")


def _valid_language(code: str) -> bool:
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:-[A-Za-z0-9]{1,8})*", code)
    if not m:
        return False
    primary = m.group(1).lower()
    return len(primary) == 3 or primary in ISO_639_1


def _category_hint(value: str, choices: Iterable[str]) -> str:
    for choice in choices:
        if choice.lower() == value.lower():
            return f' (did you mean "{choice}"?)'
    return ""


def _check_category(channel: etree._Element, places: Places, report: Report) -> None:
    categories = channel.findall(it("category"))
    if not categories:
        report.add("channel-category-missing", "channel")
        return
    first = categories[0]
    value = first.get("text") or ""
    where = places.of(first)
    if not value.strip():
        pass  # structure's category-text-empty names it
    elif value not in APPLE_CATEGORIES:
        report.add(
            "channel-category-unknown",
            where,
            value=value,
            hint=_category_hint(value, APPLE_CATEGORIES),
        )
    else:
        sub = first.find(it("category"))
        if sub is not None:
            sub_value = sub.get("text") or ""
            allowed = APPLE_CATEGORIES[value]
            if sub_value.strip() and sub_value not in allowed:
                report.add(
                    "channel-subcategory-unknown",
                    places.of(sub),
                    value=sub_value,
                    parent=value,
                    hint=_category_hint(sub_value, allowed),
                )
    if len(categories) > 1:
        report.add("channel-category-extra", places.of(categories[1]), count=len(categories) - 1)
