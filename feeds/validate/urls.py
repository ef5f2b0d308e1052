"""Rules for every web URL in the feed, wherever it stands.

Sources: the Podcasting 2.0 namespace, whose URLs of web resources "must be given as https: and
not http:" (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md), and Apple
Podcasts requirements (https://podcasters.apple.com/support/823-podcast-requirements). The
enclosure URL's own rules are in ``enclosures``.
"""

from __future__ import annotations

from lxml import etree

from feeds.validate.common import APPLE, ATOM, P20, Places, Report, Rule, it, pc, qname

RULES = (
    Rule(
        "url-not-https",
        "warning",
        '{attribute} "{url}" is http, not https',
        f"{APPLE} and {P20}: URLs to web resources should be https",
    ),
)

#: (tag, attribute) whose value is a web URL that should be https.
HTTPS_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    (it("image"), "href"),
    ("enclosure", "url"),
    (f"{{{ATOM}}}link", "href"),
    (pc("transcript"), "url"),
    (pc("chapters"), "url"),
    (pc("funding"), "url"),
    (pc("person"), "href"),
    (pc("person"), "img"),
)


def check_https(channel: etree._Element, places: Places, report: Report) -> None:
    """Check that each URL of HTTPS_ATTRIBUTES (and the self link) is https."""
    for tag, attribute in HTTPS_ATTRIBUTES:
        for el in channel.iter(tag):
            if tag == f"{{{ATOM}}}link" and el.get("rel") != "self":
                continue
            url = (el.get(attribute) or "").strip()
            if url.lower().startswith("http://"):
                report.add(
                    "url-not-https", places.of(el), attribute=f"{qname(el)}@{attribute}", url=url
                )
