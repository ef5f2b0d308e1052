"""What every rule family shares: the rule and finding types, XML parsing, places and URL tests.

The namespace URIs are the ones each vocabulary's own document gives: Apple's ``itunes``
(https://podcasters.apple.com/support/823-podcast-requirements), the Podcasting 2.0 ``podcast``
namespace (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md),
the RSS ``content`` module (https://web.resource.org/rss/1.0/modules/content/) and Atom
(RFC 4287, https://www.rfc-editor.org/rfc/rfc4287).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from lxml import etree

from segments.errors import FeedError

Severity = Literal["error", "warning", "info"]

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
#: The podcast namespace's first URI: "must be treated as identical" (docs/1.0.md, namespace
#: declaration), and the only one gPodder's podcastparser reads.
PODCAST_OLD = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"

#: The prefixes a podcast feed conventionally uses, and the only URI each may be bound to.
NAMESPACES: dict[str, str] = {
    "itunes": ITUNES,
    "podcast": PODCAST,
    "content": CONTENT,
    "atom": ATOM,
}
#: Other URIs a prefix may be bound to, each naming the same vocabulary.
SAME_NAMESPACE: dict[str, str] = {PODCAST_OLD: PODCAST}
_PREFIX_OF = {uri: prefix for prefix, uri in NAMESPACES.items()}

#: How the rule rows name their sources.
APPLE = "Apple Podcasts RSS requirements"
P20 = "Podcasting 2.0 namespace"


@dataclass(frozen=True)
class Rule:
    """One check: its id, how bad a violation is, what to say, and why (with the source)."""

    id: str
    severity: Severity
    message: str
    rationale: str


@dataclass(frozen=True)
class Finding:
    """One violation of a rule at one place in the feed."""

    rule: str
    severity: Severity
    message: str
    where: str
    line: int | None = None


def it(tag: str) -> str:
    """Return the Clark name of an ``itunes:`` tag."""
    return f"{{{ITUNES}}}{tag}"


def pc(tag: str) -> str:
    """Return the Clark name of a ``podcast:`` tag."""
    return f"{{{PODCAST}}}{tag}"


def qname(el: etree._Element) -> str:
    """Return an element's name with the conventional prefix for known namespaces."""
    q = etree.QName(el)
    if q.namespace is None:
        return str(q.localname)
    prefix = _PREFIX_OF.get(q.namespace) or el.prefix or "ns"
    return f"{prefix}:{q.localname}"


def text(el: etree._Element | None) -> str | None:
    """Return an element's stripped text content, or None if the element is absent."""
    if el is None:
        return None
    return "".join(el.itertext()).strip()


def is_url(value: str) -> bool:
    """Tell whether a value is an absolute http(s) URL with a host."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def self_links(channel: etree._Element) -> list[etree._Element]:
    """Return the channel's ``<atom:link rel="self">`` elements."""
    return [
        link for link in channel.findall(f"{{{ATOM}}}link") if (link.get("rel") or "") == "self"
    ]


class Report:
    """Collect findings of the given rules, each with the source line of the place it names."""

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self.rules = rules
        self.findings: list[Finding] = []
        self.lines: dict[str, int] = {"rss": 1}

    def add(self, rule_id: str, where: str, **values: object) -> None:
        rule = self.rules[rule_id]
        message = rule.message.format(**{"hint": "", **values})
        place = where
        while place not in self.lines and "/" in place:
            place = place.rsplit("/", 1)[0]
        line = self.lines.get(place)
        self.findings.append(Finding(rule_id, rule.severity, message, where, line))

    def in_document_order(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: f.line or 0)


class Places:
    """Name elements by XPath-like location, items by position and guid."""

    def __init__(self, channel: etree._Element, lines: dict[str, int]) -> None:
        self.labels: dict[etree._Element, str] = {}
        self.lines = lines
        if channel.sourceline:
            lines["channel"] = channel.sourceline
        for n, item in enumerate(channel.findall("item"), start=1):
            guid = text(item.find("guid"))
            title = text(item.find("title"))
            if guid:
                label = f"item[{n}] (guid {guid})"
            elif title:
                label = f"item[{n}] (title {title[:60]})"
            else:
                label = f"item[{n}]"
            self.labels[item] = label
            self.of(item)

    def of(self, el: etree._Element) -> str:
        parts: list[str] = []
        node: etree._Element | None = el
        while node is not None and node.getparent() is not None:
            parts.append(self.labels.get(node) or qname(node))
            node = node.getparent()
        where = "/".join(reversed(parts))
        if el.sourceline:
            self.lines[where] = el.sourceline
        return where


def parse_xml(xml: bytes, source: str) -> etree._Element:
    """Parse feed bytes without entities, DTDs or network; FeedError names the line and column."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = re.sub(r", line \d+, column \d+$", "", exc.msg or "syntax error")
        raise FeedError(
            f"not well-formed XML at line {line}, column {column}: {message}", source
        ) from exc
