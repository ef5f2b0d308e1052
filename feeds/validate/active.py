"""Rules for active content: URLs a reader may follow that are not web URLs, and show notes that
would run something.

A ``javascript:``, ``vbscript:``, ``data:`` or ``file:`` URL in a feed is followed by whatever app
makes it clickable, shows it as an image or fetches it; show notes are rendered as HTML. Sources:
the Podcasting 2.0 namespace (its URL attributes are web URLs,
https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md), Apple Podcasts'
description rules (https://help.apple.com/itc/podcasts_connect/#/itcb54353390: only p, ol, ul,
li and a), the WHATWG URL standard (https://url.spec.whatwg.org/#url-parsing: tabs and newlines
inside a URL and spaces around it are ignored, so ``java&#9;script:`` is ``javascript:``), and
the JSON chapters format (docs/json-chapters.md: ``url`` and ``img`` are web URLs).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
from lxml import etree

from feeds.validate.common import CONTENT, P20, Places, Report, Rule, it, pc, qname
from feeds.validate.descriptions import _markup
from feeds.validate.files import local_file

RULES = (
    Rule(
        "url-active",
        "error",
        '{place} "{url}" is a {scheme}: URL, not http(s); a reader may follow it',
        f"{P20}: URLs in a feed are web URLs; other schemes (javascript:, data:, file:, "
        "vbscript:) run code or reach the listener's own files when an app follows them",
    ),
    Rule(
        "description-active-content",
        "error",
        "<{tag}> holds {what}; an app that renders it runs it",
        "Apple Podcasts: descriptions may use only <p> <ol> <ul> <li> <a>; scripts, event "
        "handlers and javascript: links are active content in any app that renders HTML",
    ),
    Rule(
        "chapters-file-invalid",
        "error",
        "{file}: not a JSON chapters file ({why})",
        f"{P20}, JSON chapters (docs/json-chapters.md): an object with a chapters list",
    ),
    Rule(
        "chapters-url-active",
        "error",
        '{file}: chapters[{index}].{key} "{url}" is a {scheme}: URL, not http(s)',
        f"{P20}, JSON chapters: url and img are web URLs; players open and show them",
    ),
)

#: (tag, attribute) whose value is a URL, and the schemes it may have besides http(s).
URL_ATTRIBUTES: tuple[tuple[str, str, frozenset[str]], ...] = (
    (it("image"), "href", frozenset()),
    ("enclosure", "url", frozenset()),
    ("source", "url", frozenset()),
    (pc("transcript"), "url", frozenset()),
    (pc("chapters"), "url", frozenset()),
    (pc("funding"), "url", frozenset()),
    (pc("person"), "href", frozenset()),
    (pc("person"), "img", frozenset()),
    (pc("source"), "uri", frozenset({"ipfs"})),  # the spec's alternateEnclosure example
    (pc("contentLink"), "href", frozenset()),
    (pc("remoteItem"), "feedUrl", frozenset()),
    (pc("image"), "href", frozenset()),
    (pc("images"), "srcset", frozenset()),
    (pc("trailer"), "url", frozenset()),
    (pc("socialInteract"), "uri", frozenset()),
    (pc("location"), "geo", frozenset({"geo"})),  # RFC 5870 geo: URIs are what it holds
    ("{http://www.w3.org/2005/Atom}link", "href", frozenset()),
)

#: Tags whose text is a URL.
URL_TEXTS: tuple[str, ...] = (
    "link",
    "url",
    "docs",
    "comments",
    it("new-feed-url"),
    pc("license"),  # a license's text is an identifier, or a URL in its url attribute
)

#: Schemes that are active wherever they stand, in any attribute or text of the feed.
ACTIVE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "livescript", "mocha"})

#: Tags whose text is HTML an app renders (show notes).
HTML_TAGS: tuple[str, ...] = ("description", f"{{{CONTENT}}}encoded", it("summary"))

#: Elements of show notes that run or embed something.
ACTIVE_ELEMENTS = frozenset(
    {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "meta"}
)
#: HTML attributes that hold a URL, and the schemes a link in show notes may use.
HTML_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "srcset", "background", "xlink:href"}
)
HTML_SCHEMES = frozenset({"http", "https", "mailto"})

#: JSON chapters files larger than this are not read (a chapters file is a few kilobytes).
MAX_CHAPTERS_BYTES = 10_000_000

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED = re.compile(r"[\x00-\x20\x7f]")  # WHATWG: stripped around, tabs/newlines inside


def url_scheme(value: str) -> str | None:
    """Return the scheme a browser reads in ``value`` (lower case), None for a relative URL.

    >>> url_scheme(" JaVa\\tScript:alert(1)"), url_scheme("https://x.org/"), url_scheme("a/b:c")
    ('javascript', 'https', None)
    """
    match = _SCHEME.match(_IGNORED.sub("", value))
    return match.group(1).lower() if match else None


def _check_url(place: str, value: str, allowed: frozenset[str], report: Report) -> None:
    scheme = url_scheme(value)
    if scheme is not None and scheme not in ("http", "https") and scheme not in allowed:
        report.add("url-active", place, place=place, url=value.strip(), scheme=scheme)


def check_urls(channel: etree._Element, places: Places, report: Report) -> None:
    """Report every URL of the feed that is not http(s), wherever it stands.

    The URL places of the table, then any other attribute or text with an active scheme. An
    item's own enclosure is ``enclosures``' (``item-enclosure-url-invalid``).
    """
    known: set[tuple[etree._Element, str | None]] = set()
    for tag, attribute, allowed in URL_ATTRIBUTES:
        for el in channel.iter(tag):
            known.add((el, attribute))
            value = el.get(attribute)
            parent = el.getparent()
            if value is None or (
                tag == "enclosure" and parent is not None and parent.tag == "item"
            ):
                continue
            where = places.of(el)
            values = (
                [v.split()[0] for v in value.split(",") if v.split()]
                if attribute == "srcset"
                else [value]
            )
            for one in values:
                _check_url(f"{where}@{attribute}", one, allowed, report)
    for tag in URL_TEXTS:
        for el in channel.iter(tag):
            known.add((el, None))
            if el.text and el.text.strip() and len(el) == 0:
                _check_url(places.of(el), el.text, frozenset(), report)
    html_tags = set(HTML_TAGS)
    for el in channel.iter():
        if not isinstance(el.tag, str) or el.tag in html_tags:
            continue
        for attribute, value in el.attrib.items():
            if (el, attribute) not in known and url_scheme(value) in ACTIVE_SCHEMES:
                _check_url(f"{places.of(el)}@{attribute}", value, frozenset(), report)
        if (el, None) not in known and el.text and url_scheme(el.text) in ACTIVE_SCHEMES:
            _check_url(places.of(el), el.text, frozenset(), report)


def _active_in_html(markup: str) -> list[str]:
    """Return what in show-notes HTML is active: elements, event handlers, URLs, in order."""
    try:
        fragments = lxml.html.fragments_fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for fragment in fragments:
        if not isinstance(fragment, lxml.html.HtmlElement):
            continue
        for el in fragment.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag.lower() in ACTIVE_ELEMENTS:
                found.append(f"a <{el.tag.lower()}> element")
            for attribute, value in el.attrib.items():
                name = attribute.lower()
                if name.startswith("on"):
                    found.append(f"an event handler ({name})")
                elif name in HTML_URL_ATTRIBUTES:
                    scheme = url_scheme(value)
                    if scheme is not None and scheme not in HTML_SCHEMES:
                        found.append(f'a {scheme}: URL ({name}="{value.strip()[:60]}")')
    return found


def check_descriptions(channel: etree._Element, places: Places, report: Report) -> None:
    """Report scripts, event handlers and active URLs in every description, wherever it stands."""
    for tag in HTML_TAGS:
        for el in channel.iter(tag):
            found = _active_in_html(_markup(el))
            if found:
                what = ", ".join(dict.fromkeys(found))
                report.add("description-active-content", places.of(el), tag=qname(el), what=what)


def check_files(channel: etree._Element, places: Places, report: Report, folder: Path) -> None:
    """With the published folder at hand, check the JSON chapters files the feed names there:
    each chapter's ``url`` and ``img`` is http(s) or relative (to the chapters file)."""
    for el in channel.iter(pc("chapters")):
        path = local_file(folder, el.get("url"))
        if path is None:
            continue
        label = f"{places.of(el)} -> {path.name}"
        try:
            if path.stat().st_size > MAX_CHAPTERS_BYTES:
                raise ValueError(f"larger than {MAX_CHAPTERS_BYTES} bytes")
            document = json.loads(path.read_bytes())
            chapters = document.get("chapters") if isinstance(document, dict) else None
            if not isinstance(chapters, list):
                raise ValueError("no chapters list")
        except (OSError, ValueError) as exc:  # json.JSONDecodeError and UnicodeDecodeError too
            report.add("chapters-file-invalid", places.of(el), file=label, why=str(exc)[:80])
            continue
        for index, chapter in enumerate(chapters):
            if not isinstance(chapter, dict):
                continue
            for key in ("url", "img"):
                value = chapter.get(key)
                scheme = url_scheme(value) if isinstance(value, str) else None
                if scheme is not None and scheme not in ("http", "https"):
                    report.add(
                        "chapters-url-active",
                        places.of(el),
                        file=label,
                        index=index,
                        key=key,
                        url=value.strip() if isinstance(value, str) else value,
                        scheme=scheme,
                    )
