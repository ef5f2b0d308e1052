"""Rules for the document itself: an RSS 2.0 root with one channel, and the namespace URIs.

Sources: the RSS 2.0 specification (https://www.rssboard.org/rss-specification) and the
namespace documents named in ``feeds.validate.common``.
"""

from __future__ import annotations

from lxml import etree

from feeds.validate.common import NAMESPACES, SAME_NAMESPACE, Report, Rule, qname
from segments.errors import FeedError

RULES = (
    Rule(
        "xml-not-well-formed",
        "error",
        "{detail}",
        "XML 1.0, section 2.1: a feed must be well-formed XML; parsers stop at the first error "
        "and apps show nothing of it",
    ),
    Rule(
        "rss-root-missing",
        "error",
        "the root element is <{root}>, not <rss>",
        "RSS 2.0 spec: a feed is an <rss> document; Apple and Spotify read only RSS 2.0",
    ),
    Rule(
        "rss-version-missing",
        "error",
        "<rss> has no version attribute",
        'RSS 2.0 spec: <rss version="2.0">',
    ),
    Rule(
        "rss-version-invalid",
        "error",
        'rss version is "{value}", not "2.0"',
        'RSS 2.0 spec: <rss version="2.0">',
    ),
    Rule(
        "rss-channel-missing",
        "error",
        "<rss> has no <channel>",
        "RSS 2.0 spec: <rss> contains exactly one <channel>",
    ),
    Rule(
        "namespace-uri-wrong",
        "error",
        'prefix "{prefix}" is bound to "{uri}", not "{expected}"; apps ignore its tags',
        "Apple (itunes), Podcasting 2.0 (podcast), RSS content and Atom modules: apps match "
        "tags by namespace URI, so a wrong URI hides every tag using it",
    ),
)


def check_document(root: etree._Element, report: Report) -> etree._Element | None:
    """Check the root, its version and the namespaces; return the channel, or None to stop."""
    report.lines["rss"] = root.sourceline or 1
    if etree.QName(root).localname != "rss" or etree.QName(root).namespace is not None:
        report.add("rss-root-missing", qname(root), root=qname(root))
        return None
    version = root.get("version")
    if version is None:
        report.add("rss-version-missing", "rss")
    elif version.strip() != "2.0":
        report.add("rss-version-invalid", "rss", value=version)
    _check_namespaces(root, report)
    channel = root.find("channel")
    if channel is None:
        report.add("rss-channel-missing", "rss")
    return channel


def _check_namespaces(root: etree._Element, report: Report) -> None:
    seen: set[tuple[str, str]] = set()
    for el in root.iter(tag=etree.Element):
        for prefix, uri in el.nsmap.items():
            expected = NAMESPACES.get(prefix or "")
            same = SAME_NAMESPACE.get(uri) == expected
            if expected and uri != expected and not same and (prefix, uri) not in seen:
                seen.add((prefix, uri))
                where = "rss" if el is root else "element " + qname(el)
                report.add("namespace-uri-wrong", where, prefix=prefix, uri=uri, expected=expected)


def normalise_namespaces(root: etree._Element) -> None:
    """Rename elements of an equivalent namespace URI (the podcast namespace's old one) in place.

    Every rule then reads the feed's podcast:* tags as apps must, whichever URI it binds.
    """
    for el in root.iter(tag=etree.Element):
        q = etree.QName(el)
        if q.namespace in SAME_NAMESPACE:
            el.tag = f"{{{SAME_NAMESPACE[q.namespace]}}}{q.localname}"


def not_well_formed(error: FeedError, report: Report) -> None:
    """Report a feed whose bytes are not well-formed XML (``parse_xml``'s error) at its line."""
    cause = error.__cause__
    if isinstance(cause, etree.XMLSyntaxError):
        report.lines["rss"] = cause.position[0]
    report.add("xml-not-well-formed", "rss", detail=error.message)
