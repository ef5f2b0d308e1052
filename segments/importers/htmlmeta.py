"""What an HTML page states about itself: schema.org JSON-LD, Open Graph and ``<meta>`` tags.

Only stated facts are read here (headline, date, authors, audio files, site tagline); the main text
is ``segments.importers.html``'s job. Each fact has one priority list, kept in the tables below.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from segments.importers import vocabulary
from segments.importers.audiolinks import is_play_page, is_web_page, mime_from_url, parse_size
from segments.importers.names import NAME_WITH_PARTICLES, UPPER, refusal, tidy_byline_name
from segments.importers.rawpage import TITLE_SEPARATORS
from segments.importers.structure import BYLINE_BEHALF, BYLINE_DATE, BYLINE_LEADING_DATE
from segments.importers.text import split_names
from segments.model import AudioRef, Image, Person
from segments.rfc2822 import parse_rfc2822
from segments.urls import join_url
from segments.whitespace import clean

#: schema.org types whose ``headline``/``name`` is the page's own title, most specific first.
#: Types of a programme's episode: its ``actor`` and ``contributor`` are who is on it.
EPISODE_TYPES = frozenset({"PodcastEpisode", "RadioEpisode", "Episode"})
#: schema.org's properties of an episode naming who appears in it besides its author: guests.
EPISODE_GUEST_KEYS = ("actor", "contributor")
ARTICLE_TYPES: tuple[str, ...] = (
    "PodcastEpisode",
    "RadioEpisode",
    "Episode",
    "NewsArticle",
    "ReportageNewsArticle",
    "BlogPosting",
    "Article",
    "WebPage",
)

#: Meta tags for each fact, first found wins (``property`` or ``name``; ``content`` or ``value``,
#: which some sites, e.g. npr.org, use instead). Dublin Core in RDFa (``property="dc:title"``)
#: is stated for this page alone, so it goes first, as Readability has it.
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("dc:title", "dcterms:title", "og:title", "twitter:title", "title", "dc.title"),
    "description": ("og:description", "description", "twitter:description"),
    "url": ("og:url", "twitter:url"),
    "site_name": ("og:site_name", "application-name"),
    "published": (
        "article:published_time",
        "og:article:published_time",
        "dcterms.issued",
        "dc.date.issued",
        "dc.date",
        "date",
        "pubdate",
    ),
    "author": (
        "dc:creator",
        "dcterms:creator",
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "byl",
    ),
    "image": ("og:image", "twitter:image", "twitter:image:src"),
    "language": ("og:locale", "dc.language", "language"),
    "section": ("article:section", "og:article:section", "section"),
    # Who owns the page: "Copyright (c) Condé Nast 2023" names the publisher.
    "copyright": ("copyright", "dc.rights", "dcterms.rights", "rights"),
}

#: RDFa vocabularies that describe the element they sit in: Dublin Core (Drupal marks each
#: teaser of a list with its own ``dc:title``). Its creator, stated in the head, is the page's
#: author, before the other meta tags (``META_KEYS["author"]`` lists it first).
RDFA_DESCRIBING = ("dc:", "dcterms:")

#: "Surname, Given Names": one comma between a surname of one word (or two joined by a hyphen
#: or a particle) and one to three given names.
_CATALOGUE_NAME_RE = re.compile(
    rf"(?P<surname>(?:(?:van|von|de|der|den|du|da|di|le|la)\s+)*[{UPPER}][\w'’-]+)"
    rf"\s*,\s*(?P<given>[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*){{0,2}})"
)


def catalogue_order_undone(name: str) -> str:
    """An author tag's name in a library catalogue's order (Dublin Core's habit), "Surname,
    Given", read in print order: "Brazil, Rachel" -> "Rachel Brazil". Two names one comma
    apart ("Rachel Brazil, Nature") are left as stated: a name of several words before the
    comma is no surname, nor are two outlets' initials ("Reuters, AP")."""
    match = _CATALOGUE_NAME_RE.fullmatch(name.strip())
    if match is None or re.search(f"[{UPPER}]{{2}}", name):
        return name
    return f"{match['given']} {match['surname']}"


#: Meta tags that state the page's own audio: (URL tag, its type tag, whether the URL must be
#: audio by its type or extension). Twitter's player card streams video as often as audio.
AUDIO_META: tuple[tuple[str, str, bool], ...] = (
    ("og:audio", "og:audio:type", False),
    ("twitter:player:stream", "twitter:player:stream:content_type", True),
)

#: Descriptions some publishing systems fill in when the author wrote none (WordPress.com).
PLACEHOLDER_DESCRIPTIONS: frozenset[str] = frozenset({"visit the post for more."})


#: Page-header elements whose text is the site's tagline (WordPress themes, Podlove).
TAGLINE_CLASSES: tuple[str, ...] = ("site-description", "site-tagline", "tagline", "slogan")

#: How taglines name the host: "The Frame with John Horn", "... – mit Holger Klein".
HOST_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p.replace("{name}", NAME_WITH_PARTICLES)) for p in vocabulary.words("tagline_hosts")
)

#: "Veröffentlicht am 16.08.2019": the date a page prints when it has no structured one.
_PRINTED_DATE_RE = re.compile(
    rf"\b(?:{vocabulary.alternation('printed_date_labels')})\s+(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})\b"
)
#: "Duration: 3min 13sec", "Dauer: 1 Stunde 4 Minuten": a running time printed on the page.
_PRINTED_DURATION_RE = re.compile(
    rf"\b(?:{vocabulary.alternation('duration_labels')})\s*:?\s*"
    rf"(?:(\d+)\s*(?:{vocabulary.alternation('hour_units')})\b\s*)?"
    rf"(?:(\d+)\s*(?:{vocabulary.alternation('minute_units')})\b\s*)?"
    rf"(?:(\d+)\s*(?:{vocabulary.alternation('second_units')})\b)?",
    re.IGNORECASE,
)
#: "Durée de l'audio 4:22", "Länge: 12:30": a running time printed as a clock.
_PRINTED_CLOCK_RE = re.compile(
    rf"\b(?:{vocabulary.alternation('duration_labels')})\s*:?\s*"
    r"(?:(\d{1,2}):)?(\d{1,3}):(\d{2})\b",
    re.IGNORECASE,
)
#: What a cut description ends with: "...", "…", "[...]", "[…]".
_CUT_MARK_RE = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*$")
_ISO_DURATION_RE = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$",
    re.IGNORECASE,
)


@dataclass
class PageMeta:
    """The facts a page states in its head and structured data; unknown is None."""

    title: str | None = None
    url: str | None = None
    published: datetime | date | None = None
    description: str | None = None
    language: str | None = None
    site_name: str | None = None
    show_title: str | None = None
    tagline: str | None = None
    hosts: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    #: An episode's JSON-LD ``actor`` and ``contributor``, who are not its authors.
    guests: list[str] = field(default_factory=list)
    #: JSON-LD types the page's main object an episode (``EPISODE_TYPES``).
    episode: bool = False
    images: list[Image] = field(default_factory=list)
    #: The article's JSON-LD ImageObjects that state a caption (or credit): the reader takes
    #: one only when its photo is printed on the page.
    captioned_images: list[Image] = field(default_factory=list)
    audio: list[AudioRef] = field(default_factory=list)
    section: str | None = None
    #: Where the title, date and authors above came from (``segcast import --explain``).
    title_source: str | None = None
    #: Every title the page states (JSON-LD headline, the meta tags', JSON-LD name), each
    #: decoded and without the site's name, with where it came from: they may disagree.
    stated_titles: list[tuple[str, str]] = field(default_factory=list)
    published_source: str | None = None
    author_source: str | None = None


def parse_published(text: str | None) -> datetime | date | None:
    """Read a page's publication time: a tz-aware datetime, a date when only the day is known.

    A time without a zone says only the day for certain, so it gives a date.

    >>> parse_published("2013-04-22T18:54:00+1000").isoformat()
    '2013-04-22T18:54:00+10:00'
    >>> parse_published("2014-01-26 21:32:46 UTC")
    datetime.datetime(2014, 1, 26, 21, 32, 46, tzinfo=datetime.timezone.utc)
    >>> parse_published("2016-12-15")
    datetime.date(2016, 12, 15)
    >>> parse_published("2016-12-15T10:00:00")
    datetime.date(2016, 12, 15)
    >>> parse_published("Fri, 19 Apr 2013 06:00:00 -0500").isoformat()
    '2013-04-19T06:00:00-05:00'
    >>> parse_published("soon") is None
    True
    """
    value = clean(text)
    if value is None:
        return None
    rfc2822 = parse_rfc2822(value, obsolete=True)  # a page is read as a parser must read
    if rfc2822 is not None:
        parsed = rfc2822[0]
    else:
        try:
            parsed = datetime.fromisoformat(re.sub(r"\s*(?:UTC|GMT)$", "+00:00", value))
        except ValueError:
            return None
    if parsed.tzinfo is None:
        return parsed.date()
    if parsed.utcoffset() == UTC.utcoffset(None):
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def parse_iso_duration(text: str | None) -> float | None:
    """Return the seconds of an ISO 8601 duration ("PT1H4M", schema.org ``duration``), or None.

    >>> parse_iso_duration("PT3M14S")
    194.0
    >>> parse_iso_duration("PT1H4M")
    3840.0
    >>> parse_iso_duration("P3M,14S") is None
    True
    """
    match = _ISO_DURATION_RE.match((text or "").strip())
    if match is None or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    return days * 86400 + hours * 3600 + minutes * 60 + seconds


def parse_printed_duration(text: str) -> float | None:
    """Return the seconds of a running time the page prints after "Duration:" or "Dauer:".

    >>> parse_printed_duration("Source: PM | Duration: 3min 13sec")
    193.0
    >>> parse_printed_duration("Veröffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten Lizenz")
    3840.0
    >>> parse_printed_duration("Durée de l'audio 4:22")
    262.0
    >>> parse_printed_duration("Duration of the trial: unknown") is None
    True
    """
    for match in _PRINTED_CLOCK_RE.finditer(text):
        hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        return float(hours * 3600 + minutes * 60 + seconds)
    for match in _PRINTED_DURATION_RE.finditer(text):
        if any(match.groups()):
            hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
            return float(hours * 3600 + minutes * 60 + seconds)
    return None


#: A character reference still in a text the HTML parser (or the JSON parser) has already
#: decoded: "D&amp;D", "&#8217;", "&rsquo;" - the page encoded it twice.
_LEFT_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)


def decode_title(text: str | None) -> str | None:
    """Decode once more a title whose source encoded it twice (rule "title-entities"): a JSON-LD
    headline's "\\u0026amp;" or a ``content="D&amp;amp;D"`` reads "D&amp;D" after parsing.

    >>> decode_title("Dimension 20’s D&amp;D show")
    'Dimension 20’s D&D show'
    >>> decode_title("AT&T &#8211; an &amp;amp; b")
    'AT&T – an &amp; b'
    >>> decode_title("Fish & Chips; Peas")
    'Fish & Chips; Peas'
    """
    if text is None or not _LEFT_ENTITY_RE.search(text):
        return text
    return clean(html.unescape(text))


def tidy_description(text: str | None, paragraphs: list[str]) -> str | None:
    """A meta description as a summary: entities decoded (twice-encoded ones too), and when the
    site cut it ("... abou", "US [...]") the page paragraph it was cut from, or whole words.

    >>> tidy_description("Rock&amp;nbsp;&amp;amp; roll&rsquo;s best", [])
    'Rock & roll’s best'
    >>> tidy_description("He spoke with David Bloom abou", ["He spoke with David Bloom about it."])
    'He spoke with David Bloom about it.'
    >>> tidy_description("A long story about the US [...]", [])
    'A long story about the US …'
    >>> tidy_description("Ends at a word but stops here", ["Another paragraph."])
    'Ends at a word but stops here'
    """
    if text is None:
        return None
    for _ in range(2):
        text = html.unescape(text)
    text = clean(text.replace("\u00a0", " ")) or ""
    if not text:
        return None
    mark = _CUT_MARK_RE.search(text)
    stem = text[: mark.start()] if mark else text
    if stem.endswith((".", "!", "?", "»", "”", '"', ")")) and not mark:
        return text
    for count in range(1, len(paragraphs) + 1):  # the intro it was cut from, whole paragraphs
        intro = " ".join(paragraphs[:count])
        if intro.startswith(stem) and len(intro) > len(stem):
            return intro
        if not stem.startswith(intro):
            break
    if mark:
        words = stem.split()
        if words and not stem.endswith((".", "!", "?")):
            return " ".join(words) + " …"
    return text


#: What a podcast host's embeddable player page puts before the episode title in ``<title>``:
#: the host's name and "Embed" or "Player", then a bar or dash ("Transistor Embed | #032 ...").
PLAYER_TITLE_PREFIXES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^[\w.-]+ (?:embed|embedded player|player|web player)\s*[|–—]\s+", re.I),
)


def strip_player_prefix(title: str) -> str:
    """Remove a player page's leading "Host Embed | " (``PLAYER_TITLE_PREFIXES``) from a title.

    >>> strip_player_prefix("Transistor Embed | #032 - Before and After")
    '#032 - Before and After'
    >>> strip_player_prefix("Ready Player One | Review")
    'Ready Player One | Review'
    """
    for prefix in PLAYER_TITLE_PREFIXES:
        rest = prefix.sub("", title, count=1)
        title = rest if rest.strip() else title
    return title


#: A stated title's leading kind word, then the headline in quotes and, after it, a separator
#: and the programme ('Video "Frankreich-Maus" - Die Sendung mit der Maus'), or nothing.
_KIND_QUOTED_RE = re.compile(
    rf"^(?i:{vocabulary.alternation('title_kind_words')})\s*:?\s*[\"„“»«](?P<headline>[^\"„“”»«]+)"
    r"[\"“”«»](?:\s*[|\-–—·:]\s*\S.*)?$"
)
#: A stated title's leading kind word and the headline after it ("Video Waldeslust").
_KIND_PREFIX_RE = re.compile(
    rf"^(?i:{vocabulary.alternation('title_kind_words')})\s*:?\s+(?P<headline>\S.*)$"
)


def strip_kind_prefix(title: str, page_title: str) -> str:
    """Remove a media library's kind word ("Video", ``title_kind_words``) before the headline
    of a stated title (rule "title-kind-prefix"): the headline in quotes after it, or the
    rest when ``<title>`` prints the rest without the kind word.

    >>> strip_kind_prefix('Video "Frankreich-Maus" - Die Sendung mit der Maus', "")
    'Frankreich-Maus'
    >>> strip_kind_prefix("Video Waldeslust", "Mediathek: Waldeslust | Fernsehen")
    'Waldeslust'
    >>> strip_kind_prefix("Video games are back", "Video games are back | Site")
    'Video games are back'
    >>> strip_kind_prefix('Audio "quality" matters', "")
    'Audio "quality" matters'
    """
    if quoted := _KIND_QUOTED_RE.match(title):
        return quoted.group("headline").strip()
    bare = _KIND_PREFIX_RE.match(title)
    if bare is None:
        return title

    def key(text: str) -> str:
        return re.sub(r"[\W_]+", "", text.casefold())

    rest, printed = key(bare.group("headline")), key(page_title)
    if rest and rest in printed and key(title) not in printed:
        return bare.group("headline").strip()
    return title


#: A broadcaster's date the programme was aired, after its headline: " vom 13.07.2000", " vom
#: 06.12.2019 um 21:05 Uhr" (``broadcast_date_words``), the title's very end.
_BROADCAST_DATE_RE = re.compile(
    rf"\s+(?i:{vocabulary.alternation('broadcast_date_words') or '(?!)'})"
    r"\s+\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})"
    rf"(?:,?\s+(?i:{vocabulary.alternation('broadcast_time_words') or '(?!)'})"
    r"\s+\d{1,2}[:.]\d{2}"
    rf"(?:\s+(?i:{vocabulary.alternation('broadcast_clock_words') or '(?!)'}))?)?\s*$"
)


#: The fewest words a headline before an air date has: fewer name the programme's edition.
_BROADCAST_HEADLINE_WORDS = 4


def strip_broadcast_date(title: str) -> str:
    """Remove the air date a media library's stated title puts after the headline (rule
    "title-broadcast-date"): the date says when the programme ran, it is no part of its name.

    >>> strip_broadcast_date("Kultur am Abend: Zwei Gäste vom 06.12.2019 um 21:05 Uhr")
    'Kultur am Abend: Zwei Gäste'
    >>> strip_broadcast_date("Erste Ortstafel im Land enthüllt vom 13.07.2000")
    'Erste Ortstafel im Land enthüllt'
    >>> strip_broadcast_date("Das Urteil vom 13.07.2000 und seine Folgen")
    'Das Urteil vom 13.07.2000 und seine Folgen'
    >>> strip_broadcast_date("vom 13.07.2000")
    'vom 13.07.2000'

    A programme's edition named by its date alone keeps it: the date is what tells it from
    the programme's other editions ("Abendschau vom 16.02.2021").

    >>> strip_broadcast_date("Abendschau vom 16.02.2021")
    'Abendschau vom 16.02.2021'
    """
    match = _BROADCAST_DATE_RE.search(title)
    if match is None or len(title[: match.start()].split()) < _BROADCAST_HEADLINE_WORDS:
        return title
    return title[: match.start()].strip()


#: What joins a media library's name to the headline in its stated title: "Library :: Headline".
_LIBRARY_SEPARATOR = " :: "


def strip_library_prefix(title: str, page_title: str) -> str:
    """Remove a media library's or site's short name before a " :: " in a stated title (rule
    "title-library-prefix"), when ``<title>`` prints the headline after it too: the double
    colon is a breadcrumb's joint, never a headline's punctuation ("Mediathek :: Headline").

    >>> strip_library_prefix("Radio Mediathek :: Lob: der Ohropax", "Radio.de: Lob: der Ohropax")
    'Lob: der Ohropax'
    >>> strip_library_prefix("Radio Mediathek :: Lob der Ohropax", "Something else")
    'Radio Mediathek :: Lob der Ohropax'
    >>> strip_library_prefix("C++ :: the std namespace", "C++ :: the std namespace")
    'C++ :: the std namespace'
    """

    def key(text: str) -> str:
        return re.sub(r"[\W_]+", "", text.casefold())

    head, found, tail = title.partition(_LIBRARY_SEPARATOR)
    if not found or not key(tail) or not 1 <= len(head.split()) <= 4:
        return title
    if key(tail) in key(page_title) and key(title) not in key(page_title):
        return tail.strip()
    return title


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """Remove a trailing " | Site" (or " - Site", " : Site") naming the site from a title.

    >>> strip_site_suffix("JMEA President says ... - Nationwide 90FM", ["Nationwide 90FM"])
    'JMEA President says ...'
    >>> strip_site_suffix("Roof Verdict : The Two-Way : NPR", ["NPR.org", "The Two-Way"])
    'Roof Verdict'
    >>> strip_site_suffix("Q: What - Why", ["Example"])
    'Q: What - Why'
    >>> strip_site_suffix("West Ham hrozí | Aktuálně.cz", ["Aktuálně.cz - Víte, co se děje"])
    'West Ham hrozí'
    >>> strip_site_suffix("Video in 2020 - Spiceworks", ["Spiceworks Inc"])
    'Video in 2020'
    >>> strip_site_suffix("Inside - Out", ["Outlook"])
    'Inside - Out'

    A host names the site its words run together in ("The Globe and Mail" of
    "www.theglobeandmail.com"):

    >>> strip_site_suffix("Cuts - The Globe and Mail", ["www.theglobeandmail.com"])
    'Cuts'
    >>> strip_site_suffix("Cuts - The Globe", ["www.theglobeandmail.com"])
    'Cuts - The Globe'
    """
    names = {_site_key(n) for n in site_names if n}
    names.discard("")
    changed = True
    while changed:
        changed = False
        for sep in TITLE_SEPARATORS:
            head, found, tail = title.rpartition(sep)
            if found and head.strip() and _names_site(_site_key(tail), names):
                title, changed = head.strip(), True
                break
    return title


def strip_site_prefix(title: str, site_name: str | None) -> str:
    """Remove a leading "Site | " naming the site (a podcast host's "Show | Episode title").

    >>> strip_site_prefix("Build Your SaaS | Paul Jarvis: going indie", "Build Your SaaS")
    'Paul Jarvis: going indie'
    >>> strip_site_prefix("Build Your SaaS in a weekend", "Build Your SaaS")
    'Build Your SaaS in a weekend'
    >>> strip_site_prefix("Harbour Radio | Harbour Radio", "Harbour Radio")
    'Harbour Radio'
    >>> strip_site_prefix("Harbour Lights | Night shift", "Harbour Radio")
    'Harbour Lights | Night shift'
    """
    names = {_site_key(site_name)} - {""} if site_name else set()
    for sep in TITLE_SEPARATORS:
        head, found, tail = title.partition(sep)
        if found and tail.strip() and _names_site(_site_key(head), names):
            return tail.strip()
    return title


def _site_key(name: str) -> str:
    """Compare site names without case, "www." or a top-level domain ("NPR.org" is "npr")."""
    key = name.strip().lower().removeprefix("www.")
    return re.sub(r"\.(?:org|com|net|gov|edu|info|co\.uk|[a-z]{2})$", "", key)


def _names_site(tail: str, names: set[str]) -> bool:
    """A title's tail names the site: its name, or the name's first words ("Spiceworks" of
    "Spiceworks Inc", "Aktuálně.cz" of "Aktuálně.cz - Víte, co se děje")."""
    squashed = re.sub(r"[\W_]+", "", tail)
    return bool(tail) and any(
        tail == name
        or (name.startswith(tail) and not name[len(tail)].isalnum())
        or (" " in tail and " " not in name and squashed == re.sub(r"[\W_]+", "", name))
        for name in names
        for name in {name, _site_key(re.split(r"\s+[-|–—:]\s+", name)[0])}
    )


def hosts_from_tagline(text: str) -> list[str]:
    """Return the hosts a tagline names ("... – mit Holger Klein", "Hosted by John Horn").

    >>> hosts_from_tagline("Der Forschungspodcast der Helmholtz-Gemeinschaft – mit Holger Klein")
    ['Holger Klein']
    >>> hosts_from_tagline("Arts, culture and entertainment. Hosted by John Horn")
    ['John Horn']
    >>> hosts_from_tagline("Breaking News, Scoops, Opinion and Analysis")
    []
    """
    names: list[str] = []
    for pattern in HOST_PATTERNS:
        for match in pattern.finditer(text):
            name = match.group(1).rstrip(".")
            if name not in names:
                names.append(name)
    return names


def read_meta_tags(doc: Any) -> dict[str, list[str]]:
    """Return every ``<meta>`` value by lower-cased property/name, in page order.

    RDFa lets one ``property`` list several (``property="og:title dc:title"``): each gets the value.
    RDFa in the body describes what it sits in (a teaser's ``dc:title``), so only the head's count.
    """
    tags: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        keys = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").split()
        value = clean(meta.get("content") or meta.get("value"))
        in_head = any(a.tag == "head" for a in meta.iterancestors())
        for key in keys:
            if value and (in_head or not key.lower().startswith(RDFA_DESCRIBING)):
                tags.setdefault(key.lower(), []).append(value)
    return tags


#: An XHTML-era CDATA wrapper around a script's JSON (liberation.fr), "//" comments or not.
_CDATA_RE = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[(.*?)(?://\s*)?\]\]>\s*$", re.DOTALL)


def read_jsonld(doc: Any) -> list[dict[str, Any]]:
    """Return the schema.org objects of every JSON-LD script, ``@graph`` members flattened.

    A script that is not valid JSON is skipped: structured data is a hint, never required.
    """
    objects: list[dict[str, Any]] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_CDATA_RE.sub(r"\1", script.text or ""))
        except ValueError:
            continue
        objects.extend(_flatten(data))
    return objects


def read_placed_image_objects(doc: Any) -> list[tuple[Any, Image]]:
    """Return the JSON-LD ImageObjects a page prints inside its markup, each with the element
    its script stands in (a broadcaster's CMS puts one beside each photo of the article:
    "<div class=media><script type=application/ld+json>{"@type": "ImageObject", ...}
    </script><picture>..."). Its caption is ``caption``, else ``description`` (which such an
    object, one photo's, uses for it); its credit as ``IMAGE_CREDIT_KEYS`` state it."""
    placed: list[tuple[Any, Image]] = []
    for script in doc.iter("script"):
        parent = script.getparent()
        if parent is None or (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_CDATA_RE.sub(r"\1", script.text or ""))
        except ValueError:
            continue
        objects = [o for o in _flatten(data) if "ImageObject" in _types(o)]
        if len(objects) != 1:
            continue  # a page's graph or a gallery's list: not one photo's own object
        obj = objects[0]
        caption = _text(obj.get("caption")) or _text(obj.get("description"))
        credit = next((c for k in IMAGE_CREDIT_KEYS if (c := _text(obj.get(k)))), None)
        if url := _url(obj):
            placed.append((parent, Image(url=url, caption=caption, credit=credit)))
    return placed


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten(data.get("@graph", []))


def _types(obj: dict[str, Any]) -> list[str]:
    value = obj.get("@type", [])
    return [value] if isinstance(value, str) else [t for t in value if isinstance(t, str)]


def _text(value: Any) -> str | None:
    """Return a JSON-LD value as text, unwrapping ``{"name": ...}`` and ``{"@value": ...}``."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("url"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _url(value: Any) -> str | None:
    """Return the URL of a JSON-LD image: a string, or an ImageObject's ``url``/``contentUrl``."""
    if isinstance(value, list):
        return _url(value[0]) if value else None
    if isinstance(value, dict):
        return _text(value.get("url") or value.get("contentUrl"))
    return _text(value)


#: JSON-LD ImageObject keys naming who made or owns the photo, in the order tried.
IMAGE_CREDIT_KEYS: tuple[str, ...] = ("creditText", "copyrightHolder", "author", "creator")


def _captioned_image(value: Any) -> Image | None:
    """A JSON-LD ImageObject with its ``caption`` and credit (``creditText``, ...), if stated."""
    if not isinstance(value, dict):
        return None
    url = _url(value)
    caption = _text(value.get("caption"))
    credit = next((c for k in IMAGE_CREDIT_KEYS if (c := _text(value.get(k)))), None)
    if not url or not (caption or credit):
        return None
    return Image(url=url, caption=caption, credit=credit)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """Follow a JSON-LD ``{"@id": ...}`` reference to its object in the same page."""
    if isinstance(value, dict) and set(value) == {"@id"}:
        return by_id.get(str(value["@id"]), value)
    return value


def _main_object(objects: list[dict[str, Any]], page_urls: set[str]) -> dict[str, Any] | None:
    """Return the object describing this page: the one naming its URL, else the first by type.

    Pages also describe related articles; the page's own object carries its URL.
    """
    for wanted in ARTICLE_TYPES:
        typed = [obj for obj in objects if wanted in _types(obj)]
        own = [obj for obj in typed if page_urls & set(_object_urls(obj))]
        if own or typed:
            return (own or typed)[0]
    return None


def _object_urls(obj: dict[str, Any]) -> list[str]:
    urls = [obj.get("url"), obj.get("@id"), obj.get("mainEntityOfPage")]
    entity = obj.get("mainEntityOfPage")
    if isinstance(entity, dict):
        urls.append(entity.get("@id"))
    return [u.rstrip("/") for u in urls if isinstance(u, str)]


def _jsonld_audio(
    objects: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> list[AudioRef]:
    refs: list[AudioRef] = []
    candidates: list[Any] = [o for o in objects if "AudioObject" in _types(o)]
    for obj in objects:
        for key in ("associatedMedia", "audio"):
            candidates.extend(_as_list(obj.get(key)))
    seen: set[str] = set()
    for candidate in candidates:
        media = _resolve(candidate, by_id)
        if not isinstance(media, dict):
            continue
        url = _text(media.get("contentUrl") or media.get("url"))
        mime = _text(media.get("encodingFormat"))
        if url is None or url in seen:
            continue
        mime = mime if mime and mime.startswith("audio/") else mime_from_url(url)
        if mime is None and ("AudioObject" not in _types(media) or is_play_page(url)):
            continue  # an AudioObject's contentUrl may be its play page: a player, no file
        if mime is None and is_web_page(url):
            continue  # its url the web page playing it, no file (audio-web-page)
        seen.add(url)
        size = parse_size(_text(media.get("contentSize")) or "")
        refs.append(
            AudioRef(
                url=url,
                label=_text(media.get("name")),
                size_bytes=size,
                size_is_estimate=size is not None,
                mime_type=mime,
                duration_seconds=parse_iso_duration(_text(media.get("duration"))),
            )
        )
    return refs


def _is_organisation(item: Any) -> bool:
    """A JSON-LD Organization, or one of its kinds ("NewsMediaOrganization", "Corporation")."""
    return isinstance(item, dict) and any(
        t.endswith("Organization") or t in ORGANISATION_TYPES for t in _types(item)
    )


#: schema.org's kinds of Organization whose names do not end in "Organization".
ORGANISATION_TYPES = frozenset({"Corporation", "NGO", "Consortium", "Project", "OnlineBusiness"})


def _authors(
    value: Any, by_id: dict[str, dict[str, Any]], outlets: frozenset[str] = frozenset()
) -> list[str]:
    """The names of a JSON-LD ``author``: people, not organisations and not the outlet itself
    (an author named like the publisher, "Le Monde", or pointing at it by ``@id``)."""
    names = []
    for item in _as_list(value):
        if isinstance(item, dict) and str(item.get("@id", "")).casefold() in outlets:
            continue
        item = _resolve(item, by_id)
        if _is_organisation(item):
            continue
        if isinstance(item, dict) and (_text(item.get("name")) or "").casefold() in outlets:
            continue
        # One Person object may list several names (npr: "name": ["Darian Woods", "Sarah ..."]).
        listed = item.get("name") if isinstance(item, dict) else None
        for name in [_text(n) for n in listed] if isinstance(listed, list) else [_text(item)]:
            if name and not name.startswith("http"):
                # "By Will Smale" in the JSON-LD too
                names.append(BYLINE_PREFIX_RE.sub("", name).strip())
    return names


#: A byline's first word naming a desk, not a person ("Editors, USA TODAY").
_STAFF_WORDS = frozenset(vocabulary.words("staff_words"))
#: "By " (or "By: ", "Par : ") before the name in a byline meta tag.
BYLINE_PREFIX_RE = re.compile(
    rf"^\s*(?i:(?:{vocabulary.alternation('byline_words')})(?:\s*:\s*|\s+)"
    rf"|(?:{vocabulary.alternation('byline_labels')})\s*:\s*)"
)
#: "A (avec B et C)": the helpers in brackets after the byline's first name.
_BYLINE_WITH_RE = re.compile(
    rf"\s*\((?i:{vocabulary.alternation('byline_with_words')})\s+([^()]+)\)\s*$"
)
#: Link and button labels, never a name ("Read More").
_INTERFACE_LABELS = frozenset(vocabulary.words("interface_labels"))
#: A company's legal form closing the name ("TravelTrex GmbH", "Acme Inc."): no person.
_COMPANY_FORMS = frozenset(vocabulary.words("company_forms"))
#: An article opening the name ("The New York Times", "Le Monde", "Die Zeit"): an outlet.
_NAME_ARTICLES = frozenset(vocabulary.words("name_articles"))

_OUTLET_WORDS = frozenset(vocabulary.words("outlet_words"))

#: A web address inside a byline ("hessenschau.de, Frankfurt", "Deutsche Welle (www.dw.com)"):
#: the outlet signs the piece, no person does.
_WEB_ADDRESS_RE = re.compile(r"(?<![\w.])(?:www\.)?[a-z0-9][a-z0-9-]+\.(?:[a-z]{2,6})(?![\w.])")
#: One capitalised word after a byline's last comma: the place its writers filed from.
_FILED_FROM_RE = re.compile(r",\s*[A-ZÀ-Þ][\w’'-]+\.?$")
#: What separates a byline's name from its employer: "Jane Roe | NDR", "Jane Roe / SWR".
_EMPLOYER_SEPARATOR_RE = re.compile(r"\s+[|/·•]\s+")
#: An employer in brackets after the name: "Jane Roe (SWR)".
_BRACKETED_RE = re.compile(r"\s*\(([^()]+)\)$")


def _canonical(doc: Any) -> str | None:
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return str(link.get("href")).strip()
    return None


def _first(tags: dict[str, list[str]], fact: str) -> str | None:
    return _first_with_key(tags, fact)[0]


def _first_with_key(tags: dict[str, list[str]], fact: str) -> tuple[str | None, str]:
    """The first meta value stating ``fact``, and its tag's name (for ``--explain``)."""
    for key in META_KEYS[fact]:
        if tags.get(key):
            return tags[key][0], key
    return None, ""


def read_metadata(doc: Any) -> PageMeta:
    """Read the facts an HTML document states in JSON-LD, Open Graph and ``<meta>`` tags.

    Title priority: JSON-LD ``headline``, ``og:title``, JSON-LD ``name``, ``<meta name=title>``;
    each without a trailing " | Site" naming the site.
    """
    tags = read_meta_tags(doc)
    objects = read_jsonld(doc)
    by_id = {str(o["@id"]): o for o in objects if isinstance(o.get("@id"), str)}
    page_urls = {u.rstrip("/") for u in (_first(tags, "url"), _canonical(doc)) if u}
    main = _main_object(objects, page_urls) or {}
    website = next((o for o in objects if "WebSite" in _types(o)), {})
    publisher = _resolve(main.get("publisher"), by_id)

    meta_title, title_key = _first_with_key(tags, "title")
    candidates = [
        (_text(main.get("headline")), "JSON-LD headline"),
        (meta_title, f"<meta> {title_key} (Dublin Core, og:title, twitter:title or title)"),
        (_text(main.get("name")), "JSON-LD name"),
    ]
    site_names = [
        *[tags[key][0] for key in META_KEYS["site_name"] if tags.get(key)],
        _text(website.get("name")),
        _text(publisher) if isinstance(publisher, dict) else None,
    ]
    stated_texts = [t for t, _ in candidates if t]
    site_name = next((n for n in site_names if n and not names_page(n, stated_texts)), None)
    title, title_source = next(((t, w) for t, w in candidates if t), (None, None))
    if title != (decoded := decode_title(title)):
        title, title_source = decoded, f"{title_source}, decoded once more (title-entities)"

    url = _first(tags, "url") or _text(main.get("url")) or _text(main.get("mainEntityOfPage"))
    canonical = _canonical(doc)
    if canonical:
        url = join_url(url or "", canonical)

    published = parse_published(_text(main.get("datePublished")))
    published_source = "JSON-LD datePublished" if published else None
    if published is None:
        published = parse_published(_first(tags, "published"))
        published_source = "<meta> publication time (article:published_time...)"
    if published is None:
        match = _PRINTED_DATE_RE.search(" ".join(doc.itertext()))
        published_source = "a printed date after 'Published on'" if match else None
        if match:
            day, month, year = (int(g) for g in match.groups())
            published = date(year, month, day)

    description = _text(main.get("description")) or _first(tags, "description")
    if description and description.lower() in PLACEHOLDER_DESCRIPTIONS:
        description = None

    root = doc.getroottree().getroot()
    language = clean(root.get("lang") or root.get("xml:lang")) or _text(main.get("inLanguage"))
    if language is None and _first(tags, "language"):
        language = str(_first(tags, "language")).replace("_", "-")

    outlets = {_text(publisher) if isinstance(publisher, dict) else None, site_name}
    if isinstance(main.get("publisher"), dict):
        outlets.add(_text(main["publisher"].get("@id")))
    outlet_keys = frozenset(o.casefold() for o in outlets if o)
    authors = _authors(main.get("author"), by_id, outlet_keys)
    author_source = "JSON-LD author" if authors else "<meta name=author>"
    if not authors and main.get("author") is None:  # schema.org's wider word for who made it
        authors = _authors(main.get("creator"), by_id, outlet_keys)
        author_source = "JSON-LD creator (no author stated)" if authors else author_source
    rdfa_keys = [key for key in META_KEYS["author"] if key.startswith(RDFA_DESCRIBING)]
    dublin_core = [catalogue_order_undone(v) for key in rdfa_keys for v in tags.get(key, [])]
    by_rdfa = bool(dublin_core) and not authors  # stated in RDFa for this page: it outranks
    if by_rdfa:
        authors, author_source = list(dict.fromkeys(dublin_core)), "<meta property=dc:creator>"
    for key in META_KEYS["author"] if not by_rdfa else ():
        # "byl": "By JEFFREY GETTLEMAN" beside "Jeffrey Gettleman"
        for value in tags.get(key, []):
            name = (BYLINE_PREFIX_RE.sub("", value) if key == "byl" else value).strip()
            name = catalogue_order_undone(name)
            known = {a.casefold() for a in authors}
            if name and name.casefold() not in known and not name.startswith("http"):
                authors.append(name)  # one in capitals is cased in _byline_names
    authors = _less_copyright_holder(authors, [*tags.get("copyright", []), *_holders(main)])
    guests: list[str] = []
    episode = bool(EPISODE_TYPES.intersection(_types(main)))
    if episode:
        known = {a.casefold() for a in authors}
        for key in EPISODE_GUEST_KEYS:
            for name in _authors(main.get(key), by_id):
                if name.casefold() not in known:
                    known.add(name.casefold())
                    guests.append(name)
    # "Story | Site", "Story | Author" (the Guardian's opinion pieces), "Show | Episode"
    names = [site_name or "", *authors]

    def bare(text: str) -> str:
        return strip_site_prefix(strip_site_suffix(strip_player_prefix(text), names), site_name)

    if title is not None:
        title = bare(title)
    stated_titles = [(bare(decoded), why) for t, why in candidates if (decoded := decode_title(t))]

    images = []
    image_url = _url(_resolve(main.get("image"), by_id)) or _first(tags, "image")
    if image_url:
        images.append(Image(url=image_url))
    captioned_images = [
        image
        for value in _as_list(main.get("image"))
        if (image := _captioned_image(_resolve(value, by_id))) is not None
    ]

    audio = _jsonld_audio(objects, by_id)
    episode_seconds = parse_iso_duration(_text(main.get("duration") or main.get("timeRequired")))
    for ref in audio:
        ref.duration_seconds = ref.duration_seconds or episode_seconds
    for url_key, type_key, audio_only in AUDIO_META:
        types = tags.get(type_key, [])
        for index, meta_url in enumerate(tags.get(url_key, [])):
            stated = types[index] if index < len(types) else None
            mime = mime_from_url(meta_url) or stated
            if audio_only and not (mime or "").startswith("audio/"):
                continue  # a twitter:player:stream of a video
            if all(ref.url != meta_url for ref in audio):
                audio.append(AudioRef(url=meta_url, mime_type=mime))

    tagline = None
    series = _resolve(main.get("partOfSeries"), by_id)
    series_title = _text(series) if isinstance(series, dict) else None
    show_title = None
    for element in doc.iter():
        classes = (element.get("class") or "").split() if isinstance(element.tag, str) else []
        if tagline is None and any(c in TAGLINE_CLASSES for c in classes):
            tagline = clean(element.text_content())
        if show_title is None and "site-title" in classes:
            show_title = clean(element.text_content())
    return PageMeta(
        title=title,
        url=url,
        published=published,
        description=description,
        language=language,
        site_name=site_name,
        show_title=series_title or (show_title if tagline else None),
        tagline=tagline,
        hosts=hosts_from_tagline(tagline) if tagline else [],
        authors=authors,
        guests=guests,
        episode=episode,
        images=images,
        captioned_images=captioned_images,
        audio=audio,
        section=_text(main.get("articleSection")) or _first(tags, "section"),
        title_source=title_source,
        stated_titles=stated_titles,
        published_source=published_source,
        author_source=author_source,
    )


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def names_page(site_name: str, titles: list[str]) -> bool:
    """Tell a "site name" that is the page's title with more (rule "site-name-is-title"): an
    ``application-name`` filled with ``<title>``, a guess that took the headline. Equal to
    the title it may still be the site's (a front page's bare og:title).

    >>> names_page("Rotterdam: Lieferung - 3sat-Mediathek", ["Rotterdam: Lieferung"])
    True
    >>> names_page("3sat", ["3sat"])
    False
    """
    name = _squash(site_name)
    return any(t and t != name and t in name for t in map(_squash, titles))


def _holders(main: dict[str, Any]) -> list[str]:
    """The names of the JSON-LD ``copyrightHolder`` of the page's main object."""
    return [n for h in _as_list(main.get("copyrightHolder")) if (n := _text(h))]


def _less_copyright_holder(authors: list[str], notices: list[str]) -> list[str]:
    """Drop an author the copyright notice names when other authors are credited too.

    The CMS's ``<meta name=author>`` beside the JSON-LD's writers may be the publisher the
    notice names ("Copyright (c) Condé Nast 2023"); a blog's sole author who owns the blog's
    copyright stays.

    >>> notice = ["Copyright (c) Condé Nast 2023"]
    >>> _less_copyright_holder(["Jane Roe", "Condé Nast"], notice)
    ['Jane Roe']
    >>> _less_copyright_holder(["Jane Roe"], ["© 2023 Jane Roe"])
    ['Jane Roe']
    """
    if len(authors) < 2:
        return authors
    text = " ".join(notices).casefold()
    kept = [a for a in authors if not re.search(rf"(?<!\w){re.escape(a.casefold())}(?!\w)", text)]
    return kept or authors


def is_organisation_or_handle(name: str) -> bool:
    """Tell a byline entry that names an organisation or a social handle, not a person.

    A login in lowercase ("devindra", the CMS's ``article:author``) and a desk ("Editors, USA
    TODAY", "Redaktion") are no person either.

    >>> [is_organisation_or_handle(n) for n in ("NDR", "IG: @jane", "@jane", "Jane Doe", "Cher")]
    [True, True, True, False, False]
    >>> [is_organisation_or_handle(n) for n in ("devindra", "Editors, USA TODAY", "bell hooks")]
    [True, True, False]
    >>> [is_organisation_or_handle(n) for n in ("Globe Staff", "Read More", "Anna Stafford")]
    [True, True, False]
    >>> [is_organisation_or_handle(n) for n in ("Mac & i", "AT&T")]
    [True, True]
    >>> [is_organisation_or_handle(n) for n in ("TravelTrex GmbH", "Acme Inc.", "Le Monde")]
    [True, True, True]
    >>> [is_organisation_or_handle(n) for n in ("The New York Times", "Jane Inch", "Theo Le")]
    [True, False, False]

    A publication's name ("Vanity Fair Magazine", ``outlet_words``), a web address
    ("hessenschau.de, Frankfurt, Germany") and one word with a digit or a plus ("n+1") are no
    person's name; a word that only starts like one ("Jane Newsome") is:

    >>> [is_organisation_or_handle(n) for n in ("PA News", "hessenschau.de, Frankfurt", "n+1")]
    [True, True, True]
    >>> [is_organisation_or_handle(n) for n in ("Jane Newsome", "J.R. Roe", "Anna Times-Berg")]
    [False, False, False]
    """
    name = name.strip()
    if re.search(r"@|^(?:ig|fb|tw|x)\s*:|^https?:|^www\.", name, re.IGNORECASE):
        return True
    if "&" in name:
        # Two people's names were split apart before ("A & B"): what is left joined by "&" is a
        # company or a magazine ("Mac & i", "Procter & Gamble").
        return True
    words = re.split(r"[\s,]+", name.casefold())
    if _is_desk(name):
        return True
    if len(words) >= 2 and (
        words[0] in _NAME_ARTICLES
        or words[-1].replace(".", "") in _COMPANY_FORMS
        or words[-1] in _OUTLET_WORDS
    ):
        return True
    if _WEB_ADDRESS_RE.search(name) or re.fullmatch(r"\S*[\d+]\S*", name):
        return True
    if name.casefold() in _INTERFACE_LABELS or re.fullmatch(r"[a-z0-9_.-]+", name):
        return True
    return bool(re.fullmatch(r"[A-Z0-9&.\-]{2,}", name))


def _is_desk(name: str) -> bool:
    """A byline naming a desk: "Editors, USA TODAY", "Redaktion"; "Globe Staff" is one too."""
    words = re.split(r"[\s,:]+", name.strip().casefold())  # "Quelle: dpa"
    return words[0] in _STAFF_WORDS or words[-1] in _STAFF_WORDS


#: What the name gate refuses of a whole byline entry, before it is cased and split: "LIBERATION,
#: AFP" would be cased into two words, "AP Photo/Joe Roe" split at its slash. Anything else
#: ("Jane Roe / SWR", "Jane Roe, AFP") is split first and its names passed one by one.
_WHOLE_BYLINE_REFUSALS = frozenset(
    {"names-capitals-outlets", "names-photo-credit", "names-no-author"}
)


def byline_people(names: list[str], refused: list[tuple[str, str]] | None = None) -> list[Person]:
    """Return the page's bylines as people: a byline names who reported or wrote the piece.

    Organisations and social handles in a byline are left out (``is_organisation_or_handle``),
    and so is what the name gate refuses (``names.refusal``), as printed ("LIBERATION, AFP"
    before it is cased) and as split; each refusal is added to ``refused`` as (entry, rule).

    >>> gate: list[tuple[str, str]] = []
    >>> [p.name for p in byline_people(["LIBERATION, AFP", "Jane Roe"], gate)], gate
    (['Jane Roe'], [('LIBERATION, AFP', 'names-capitals-outlets')])

    A broadcaster's desk in capitals is refused as printed, before casing hides its acronym;
    a name in capitals is cased, and one beside the acronym keeps its person:

    >>> gate = []
    >>> [p.name for p in byline_people(["NDR NIEDERSACHSEN", "JANE ROE", "Jan Roth, NDR"], gate)]
    ['Jane Roe', 'Jan Roth']
    >>> gate
    [('NDR NIEDERSACHSEN', 'names-agency')]
    """
    people: list[Person] = []
    for entry in names:
        printed = BYLINE_PREFIX_RE.sub("", entry.strip())
        whole = refusal(printed)
        if whole in _WHOLE_BYLINE_REFUSALS:
            if refused is not None:
                refused.append((entry, whole))
            continue
        for name in _byline_names(entry):
            # A name that is the whole entry only cased ("MDR SACHSEN-ANHALT" written "Mdr
            # Sachsen-Anhalt") keeps what the gate said of it as printed: casing hides an acronym.
            cased = whole is not None and name.casefold() == printed.casefold()
            rule = whole if cased else refusal(name)
            if rule is not None and refused is not None:
                refused.append((printed if cased else name, rule))
            known = any(p.name == name for p in people)
            if rule is None and not is_organisation_or_handle(name) and not known:
                people.append(Person(name=name, role="reporter"))
    return people


def _byline_names(entry: str) -> list[str]:
    """One byline entry's names: "Reported and produced by A", "A (avec B et C)", "A and B".

    An entry is split only when every part has two words or more: "Roe, Jane" stays whole.

    >>> _byline_names("Jane Roe (avec Jean Dupont et Marie Curie)")
    ['Jane Roe', 'Jean Dupont', 'Marie Curie']
    >>> _byline_names("Roe, Jane")
    ['Roe, Jane']

    A date after the name is cut off, an employer after it dropped, a name in capitals written
    as a name, and a name said twice (an avatar's alt text beside the link) given once:

    >>> _byline_names("BY JANE ROE on May 3, 2020"), _byline_names("Jan van Berg am 3. Mai 2020")
    (['Jane Roe'], ['Jan van Berg'])
    >>> _byline_names("Jane Roe | NDR"), _byline_names("Jane Roe (SWR)")
    (['Jane Roe'], ['Jane Roe'])
    >>> _byline_names("Jane Roe | The Harbour Newsroom")  # an employer that is a desk
    ['Jane Roe']
    >>> _byline_names("Jane Roe, NPR"), _byline_names("Chris Stokel-Walker Chris Stokel-Walker")
    (['Jane Roe'], ['Chris Stokel-Walker'])

    A date before the name and whom the writer writes for are cut off, and so is the one word
    after the names' last comma, the place they filed from:

    >>> _byline_names("Dec. 19, 2025 · Jane Roe on behalf of the Docs team")
    ['Jane Roe']
    >>> _byline_names("Jane Roe und Jan Roth, Sweidah"), _byline_names("Jane Roe, Rome")
    (['Jane Roe', 'Jan Roth'], ['Jane Roe'])
    """
    entry = BYLINE_LEADING_DATE.sub("", entry.strip())  # "Dec. 19, 2025 · Jane Roe"
    entry = _BYLINE_WITH_RE.sub(r", \1", BYLINE_PREFIX_RE.sub("", entry)).strip()
    entry = BYLINE_BEHALF.sub("", BYLINE_DATE.sub("", entry)).strip()
    employer = len(_EMPLOYER_SEPARATOR_RE.split(entry)) > 1  # "Jane Roe | The Newsroom"
    desk = _is_desk(entry) and not employer  # "Editors, USA TODAY": a desk, whole
    if desk or _WEB_ADDRESS_RE.search(entry):
        return [entry]
    bracket = _BRACKETED_RE.search(entry)
    login = bracket and re.fullmatch(r"[a-z0-9_.-]+", bracket.group(1))  # "Name (jroe)" stays
    if bracket and not login and is_organisation_or_handle(bracket.group(1)):
        entry = entry[: bracket.start()].strip()
    sides = _EMPLOYER_SEPARATOR_RE.split(entry)
    if len(sides) > 1 and is_organisation_or_handle(sides[-1]):
        entry = " ".join(s for s in sides if not is_organisation_or_handle(s))
    entry = tidy_byline_name(entry)  # "JANE VAN DER ROE": particles stay small
    parts = split_names(entry)
    place = _FILED_FROM_RE.search(entry)
    if place and len(parts) > 1 and all(" " in p for p in parts[:-1]):
        entry = entry[: place.start()]  # "A und B, Sweidah": where they filed from
        parts = split_names(entry)
    people = [p for p in parts if not is_organisation_or_handle(p)]
    if len(parts) > 1 and people and all(" " in p for p in people):
        return people
    return [entry]
