"""Read an HTML page into a RawPage: the main text in order, its figures, its audio, its metadata.

trafilatura (a maintained main-content extractor, also used by the web-archiving and NLP crowd)
decides *which* text is the article; lxml reads the page's own markup for what trafilatura flattens
or drops: bold/strong speaker labels and questions (it loses bold around nested italics), figure
captions and credits, ``<audio>`` elements and audio links with their size text. Each extracted
block is matched back to its element in the page by its letters, so both views agree.

Only page chrome is removed here (navigation, scripts, caption toggles); text rules for furniture
live in ``segments.importers.furniture`` and run in the structurer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from typing import Any, cast

import lxml.etree
import lxml.html
import trafilatura
import trafilatura.settings

from segments.errors import InputError, ScheduleError
from segments.importers import names, structure, vocabulary
from segments.importers.audiolinks import (
    AUDIO_VERBS,
    PLAY_PAGE_RE,
    is_play_page,
    mime_from_url,
    parse_download_text,
)
from segments.importers.furniture import cut_furniture_tail
from segments.importers.htmlmeta import (
    BYLINE_PREFIX_RE,
    byline_people,
    decode_title,
    parse_printed_duration,
    parse_published,
    read_metadata,
    read_placed_image_objects,
    strip_broadcast_date,
    strip_kind_prefix,
    strip_library_prefix,
    strip_player_prefix,
    strip_site_suffix,
    tidy_description,
)
from segments.importers.rawpage import TITLE_SEPARATORS, Block, BlockKind, RawPage, Reason
from segments.importers.text import (
    AIRTIME_LINE,
    ALT_MIN_CHARS,
    CREDIT_LINE,
    HOST_LINE,
    PHOTO_AGENCIES,
    split_names,
)
from segments.model import AudioRef, Image, Person, Show
from segments.schedule import Schedule, parse_airtimes
from segments.urls import is_published_url, join_url, split_url
from segments.whitespace import clean

#: Elements that are page chrome, never article text: blocks, photos and audio inside are skipped.
CHROME_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "iframe",
        "button",
        "svg",
        "select",
        "textarea",
    }
)

#: Class/id words (split at "-" and "_") marking page chrome; audio and figures inside are ignored.
CHROME_WORDS: frozenset[str] = frozenset(
    {
        "comment",
        "comments",
        "respond",
        "share",
        "sharing",
        "sharedaddy",
        "addthis",
        "social",
        "related",
        "subscribe",
        "newsletter",
        "sidebar",
        "widget",
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "nav",
        "navigation",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "promo",
        "footer",
        "masthead",
        "skip",
        "published",
        "timestamp",
        "dateline",
        "topics",
        "tags",
        # overlays and banners that a script shows over the page (never the article)
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "modal",
        "popup",
        "lightbox",
        "donate",
        "donation",
    }
)

#: Class/id words (split at "-" and "_") of a site's menus: a byline element inside one credits
#: the story a teaser links to, not the page (a ``<form>`` wrapping the whole page is no menu).
NAVIGATION_WORDS: frozenset[str] = frozenset({"menu", "nav", "navigation", "navbar"})
#: Chrome words that also wrap a page's own player: a share bar's "Download Mp3" link, a page
#: builder's "widget" around the episode player. Audio under only these is taken when the page
#: offers no audio outside chrome.
PLAYER_CHROME_WORDS: frozenset[str] = frozenset({"share", "sharing", "social", "widget"})

#: Chrome words that also name the story's own photo box ("related-photo", "story-related-media"):
#: a captioned photo under only these, in a box named by a ``MEDIA_BOX_WORDS`` word, is the
#: story's (chrome-story-media).
STORY_MEDIA_CHROME_WORDS: frozenset[str] = frozenset({"related", "promo"})
#: Class/id words naming a photo or media box.
MEDIA_BOX_WORDS: frozenset[str] = frozenset(
    {"photo", "photos", "image", "images", "img", "media", "picture", "gallery", "slideshow"}
)

#: Class/id words of a card teasing another story ("teaser-xs", "teaser-absatz__media"): a player
#: set up inside one plays that story, not the page's (audio-teaser-player).
TEASER_WORDS: frozenset[str] = frozenset({"teaser"})
#: A list of other episodes (audio-episode-list): at least this many items side by side, each a
#: short teaser (at most ``EPISODE_ITEM_MAX_WORDS`` words: a title, a date, a line or two) with
#: its own player or audio link and its own titled link to another page of the site.
EPISODE_LIST_MIN_ITEMS = 2
EPISODE_ITEM_MAX_WORDS = 150

#: Inline styles of an element hidden until a script shows it (pop-ups, overlays, banners).
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

#: Elements that show a photo (AMP pages use their own tags).
IMAGE_TAGS: tuple[str, ...] = ("img", "amp-img", "amp-anim")

#: Caption controls that some sites put inside captions (npr.org's "hide caption" toggles).
CONTROL_CLASSES: frozenset[str] = frozenset(
    {"hide-caption", "toggle-caption", "enlarge-options", "enlargelink", "enlarge_html"}
)
CONTROL_TEXTS: tuple[str, ...] = ("hide caption", "toggle caption", "enlarge this image")

#: Parts of a class or id (substrings) marking a photo's credit inside a caption or figure.
CREDIT_CLASS_WORDS: tuple[str, ...] = vocabulary.words("credit_class_words")
#: Whole parts of a class (split at "-" and "_") marking a credit: "span.source_image".
CREDIT_CLASS_PARTS: frozenset[str] = frozenset(vocabulary.words("credit_class_parts"))
#: Attributes that hold a photo's credit when the credit element is empty.
CREDIT_ATTRIBUTES: tuple[str, ...] = ("data-credit", "data-copyright", "data-photographer")
#: Parts of a class or id (substrings) marking a caption: "wp-caption-text", "legende".
CAPTION_CLASS_WORDS: tuple[str, ...] = vocabulary.words("caption_class_words")
#: Whole parts of a class (split at "-" and "_") marking a caption: "label.art-illo-cap".
CAPTION_CLASS_PARTS: frozenset[str] = frozenset(vocabulary.words("caption_class_parts"))
#: Parts of a class that make a caption-like class something else: a caption's wrapper
#: ("caption-wrap") or a paragraph's decorated first letter ("drop-cap").
NOT_CAPTION_CLASS_WORDS: tuple[str, ...] = ("wrap", "drop")
#: schema.org ImageObject properties naming who made or owns the photo (``itemprop=...``).
CREDIT_ITEMPROPS: frozenset[str] = frozenset(
    {"copyrightHolder", "copyrightNotice", "creditText", "author", "creator"}
)
#: schema.org ImageObject properties holding the photo's caption.
CAPTION_ITEMPROPS: frozenset[str] = frozenset({"caption", "description"})

#: Printed prefixes of photo credits, removed from the credit ("Image: SixThirty"), also one
#: after another ("Bild © hr", "Photo: © AP"). A prefix is a whole word, or runs straight into
#: a capital ("CreditJane Roe" where the page glues the label to the name): "Bildungswerk
#: Nord" and "Imagery Lab" are the credit itself.
CREDIT_PREFIX_RE = re.compile(
    rf"^(?:(?:©|\(c\)|(?:{vocabulary.alternation('credit_prefixes')})(?-i:(?![a-zß-ÿ])))"
    rf"\s*:?\s*)+",
    re.IGNORECASE,
)
#: A credit element's text that starts as credits are printed: "©", "Bild ©", "Photo: ".
_PRINTED_CREDIT_START_RE = re.compile(
    rf"(?:©|\(c\)|(?:{vocabulary.alternation('credit_prefixes')})\b\s*(?::|©))",
    re.IGNORECASE,
)
#: A player's running time or air date in a byline-classed element of a media box ("| 01:44
#: Min.", "02.06.19, 19:00 Uhr"): media information, never a photo's credit.
_MEDIA_INFO_RE = re.compile(
    # clock or calendar numbers, each perhaps followed by one short unit word ("Min.", "Uhr")
    r"[|\s]*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2,4})?[,\s]*(?:[^\W\d_]{1,7}\.?)?[,\s]*)+[|\s]*"
)

#: Bold labels that are not speakers: the structurer's list, plus link-list labels of blogs.
NOT_SPEAKERS: frozenset[str] = structure.NOT_SPEAKERS | set(vocabulary.words("link_list_labels"))

#: Links to a site's topic pages; a block of nothing else is a topic list, not article text.
TAG_LINK_RE = re.compile(rf"/(?:{vocabulary.alternation('tag_link_words')})/", re.I)
#: A photo credit in brackets at the end of a caption: "... (Photo: AP)".
_CAPTION_CREDIT_RE = re.compile(
    rf"\s*\((?:{vocabulary.alternation('caption_credit_words')})s?(?: by)?:?\s*([^()]+)\)$",
    re.IGNORECASE,
)

#: A credit printed after a caption without brackets: "... Photo: AP", "... Crédit : AFP".
_CAPTION_TAIL_CREDIT_RE = re.compile(
    rf"(?:^|(?<=[.!?)\s]))\s*(?:{vocabulary.alternation('credit_words')})s?(?: by)?\s*:\s*"
    r"([^:]{2,80})$",
    re.IGNORECASE,
)
_AGENCY = rf"\b(?:{'|'.join(re.escape(a) for a in PHOTO_AGENCIES)})\b"
#: The end of a caption's last sentence, where a credit printed after it starts.
_SENTENCE_END = r"(?:(?<=[.!?”\"])\s+|\s+(?=(?:©|\(c\))))"

#: Credits printed inside a caption's text, tried in order: (how ``--explain`` names it, a
#: pattern whose group 1 is the credit; the caption is the text before the match).
CAPTION_CREDIT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("'(Photo: ...)' at the caption's end", _CAPTION_CREDIT_RE),
    ("'Photo: ...' after it", _CAPTION_TAIL_CREDIT_RE),
    (
        "'Photo by ...' after it",
        re.compile(
            rf"{_SENTENCE_END}(?:{vocabulary.alternation('credit_words')})s?\s+"
            rf"(?:{vocabulary.alternation('credit_by')})\s+([^.!?:]{{2,80}})$",
            re.IGNORECASE,
        ),
    ),
    ("'© ...' after it", re.compile(rf"{_SENTENCE_END}(?:©|\(c\))\s*([^©]{{2,80}})$")),
    (
        "an agency's credit in brackets at its end",
        re.compile(rf"\s*\(([^()]{{0,60}}{_AGENCY}[^()]{{0,60}})\)$", re.IGNORECASE),
    ),
    (
        "'Name/Agency' after its last sentence",
        re.compile(
            rf"{_SENTENCE_END}((?:[^.!?/—|]{{1,50}}\s*[/—|]\s*)+{_AGENCY}[^.!?]{{0,40}}"
            rf"|{_AGENCY}\s*/\s*[^.!?]{{2,60}})$",
            re.IGNORECASE,
        ),
    ),
)
_SPEAKER_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'.\-]*(?:\s+[\w’'.\-]+){0,3}$")
_NOT_ALNUM_RE = re.compile(r"[\W_]+")
_LABEL_ONLY_RE = re.compile(r"^[\w][\w\s’'.\-]{0,40}:$")
_SIZE_TEXT_RE = re.compile(r"\(?\s*\d+(?:[.,]\d+)?\s*(?:[KMG]i?B|bytes?)\s*\)?", re.IGNORECASE)
_DURATION_TEXT_RE = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\b")
#: Link extensions read as audio; ".mp4" links are video on the pages we know (whitehouse.gov).
_VIDEO_MIME = "audio/mp4"
_MAX_CONTEXT_CHARS = 120
_SHOW_LINE_TAGS = ("p", "div", "span", "li", "dd", "small", "strong", "h2", "h3", "h4", "h5")
_HEADING_MAX_WORDS = 12
#: Headings ending in "?" are an interview's questions when the page has at least this many.
QUESTION_HEADINGS_MIN = 2
#: Attributes that players build audio from (``<div data-audio-url=...>``); audio files only.
AUDIO_DATA_ATTRIBUTES: tuple[str, ...] = (
    "data-src",
    "data-audio-url",
    "data-audio-src",
    "data-audio",
    "data-sound-href",
    "data-url",
    "data-file",
    "data-mp3",
    "data-media-url",
    "data-stream-url",
)
#: An attribute value that is an address (not JSON or text that happens to end in ".mp3").
_URL_VALUE_RE = re.compile(r"^(?:https?:|/|\.{0,2}/|[\w.-]+/)[^\s\"'{}<>]*$")
#: An audio file's address in a script's JSON ("url": "https:\/\/.../ep1.mp3"); the key may
#: carry a prefix ("media_url", "trackable_media_url": transistor's data-episodes).
#: The key may also stand unquoted (a Nuxt or Next state object: ``audio:"https:\u002F..."``).
_SCRIPT_AUDIO_RE = re.compile(
    r'(?:"(?:\w*_)?(?:url|src|file|href|contentUrl|audioUrl|mp3|stream|enclosure|audio)"'
    r"|(?<![\w\"])(?:\w*_)?(?:url|src|file|contentUrl|audioUrl|mp3|enclosure|audio))\s*:\s*"
    r'"(https?:[^"\s]+?\.(?:mp3|m4a|aac|ogg|oga|opus)(?:\?[^"\s]*)?)"',
    re.IGNORECASE,
)
#: An audio file's address a script assigns to a variable or lists in an array named for it,
#: in either quote (rule "audio-script-variable"): a media library's player setup
#: ``var mediaURLs = ['https://.../ep1.mp3'];``, ``audioSrc: 'https://.../ep1.mp3'``.
_SCRIPT_AUDIO_VARIABLE_RE = re.compile(
    r"(?<![\w$])[A-Za-z_$][\w$]*?(?:url|src|file|audio|media)s?\s*[:=]\s*\[?\s*"
    r"(['\"])(https?:[^'\"\s]+?\.(?:mp3|m4a|aac|ogg|oga|opus)(?:\?[^'\"\s]*)?)\1",
    re.IGNORECASE,
)
#: The file size beside it in the same object ("size": 3145728).
_SCRIPT_SIZE_RE = re.compile(
    r'"(?:size|fileSize|filesize|file_size|bytes|length|contentSize)"\s*:\s*"?(\d{4,})"?',
    re.IGNORECASE,
)
#: How far around a script's audio address its size may stand (one JSON object, roughly).
_SCRIPT_OBJECT_CHARS = 300
#: Classes of an article's own headline element, when ``<title>`` and og:title name the site.
HEADLINE_CLASSES: tuple[str, ...] = ("entry-title", "post-title", "article-title", "headline")
#: Class words of the topic line a headline element prints before the headline itself
#: ('<span class="subtitle">', "headline__kicker", "seitenkopf__topline", "article-eyebrow").
KICKER_CLASS_WORDS: tuple[str, ...] = (
    "kicker",
    "subtitle",
    "topline",
    "overline",
    "eyebrow",
    "dachzeile",
    "supertitle",
    "rubric",
    "label",
    "topic",
)


def _extractor_config() -> Any:
    """Return trafilatura's settings with the size floor off (short pages are pages too).

    ``extraction_timeout`` 0 avoids its SIGALRM timer, which fails outside the main thread.
    """
    config = deepcopy(trafilatura.settings.DEFAULT_CONFIG)
    config["DEFAULT"]["min_extracted_size"] = "1"
    config["DEFAULT"]["extraction_timeout"] = "0"
    # The date is a last resort after JSON-LD and meta tags; the extensive search loads
    # dateparser's locales (4 s on first use) for a guess we rarely take.
    config["DEFAULT"]["extensive_date_search"] = "off"
    return config


_CONFIG = _extractor_config()


@dataclass
class _Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class _Item:
    """One block as trafilatura found it, with the page element it came from (when found)."""

    kind: BlockKind
    runs: list[_Run]
    element: Any = None
    inner: Any = None
    audio_texts: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    #: Index of its element in document order; None until (or unless) the element is found.
    position: int | None = None
    #: A heading's level (``<h2>`` is 2), when trafilatura kept it.
    level: int | None = None
    #: A bold question split from the answer it ran into (``_split_at_breaks``).
    run_in: bool = False
    #: The speaker an element above the turn names (``_name_turns``).
    speaker: str | None = None

    @property
    def text(self) -> str:
        return clean("".join(r.text for r in self.runs)) or ""


@dataclass
class _Figure:
    image: Image
    position: int
    via: str = ""


@dataclass
class _Audio:
    ref: AudioRef
    position: int
    in_main: bool
    from_link: bool
    via: str = ""


def read_html_page(html: str, path: str) -> RawPage:
    """Read an HTML page into blocks, figures, audio and stated metadata."""
    doc = _parse(html, path)
    meta = read_metadata(doc)
    script_audio = _script_audio(doc)
    placed_images = read_placed_image_objects(doc)  # before the scripts go with the chrome
    _remove_chrome(doc)
    page_html = _without_frame_content(html)
    extracted = _extract(page_html)
    reasons: list[Reason] = []  # audio passed over first, then what was found
    # The elements are held (never read) so their id()s stay stable while we work.
    _elements, positions, items, main = _locate(extracted, doc)
    if (overlay := _overlay_of(main)) is not None:
        # The extractor read a pop-up (a cookie or privacy dialog) as the article: read the page
        # again without its overlays, as a reader sees it once the pop-up is closed.
        cleaned = _parse(page_html, path)
        for element in _overlays(cleaned):
            element.drop_tree()
        again = _extract(lxml.html.tostring(cleaned, encoding="unicode"))
        if getattr(again, "body", None) is not None and len(again.body):
            overlays = _overlays(doc)
            for element in overlays:
                element.drop_tree()
            extracted = again
            _elements, positions, items, main = _locate(extracted, doc)
            why = f"{len(overlays)} pop-up overlay(s) left out: the extractor had read one"
            reasons.append(Reason("text", overlay, f"{why} (main-overlay)"))
    base_url = meta.url or ""
    article = next((a for a in [main, *main.iterancestors()] if a.tag == "article"), main)
    if article.tag == "p" and article.getparent() is not None:
        article = article.getparent()  # one paragraph holds most text: figures stand beside it
    figures = _figures(
        article, positions, base_url, text=main, stated=(meta.title, meta.description)
    )
    figures = _add_stated_captions(figures, meta.captioned_images, doc, positions, base_url)
    figures = _add_placed_image_objects(figures, placed_images, article, positions, base_url)
    stated = [(r, "page metadata (JSON-LD or og:audio)") for r in meta.audio]
    stated += [
        (r, "inline script JSON" + (" naming the page's slug (audio-script-slug)" if hits else ""))
        for r, hits in _by_page_slug(script_audio, meta.url or "")
    ]
    found_audio = _audio(doc, main, positions, base_url, stated, reasons)
    if not found_audio and (player := _player_id(doc, base_url)) is not None:
        why = f"player id found, no file: {player[1]} (audio-player-id)"
        reasons.append(Reason("audio", player[0], why))
    # A stated file no client can fetch ("http://a]b/ep.mp3") yields to the printed player's.
    found_audio.sort(key=lambda a: not is_published_url(a.ref.url, allow_relative=True))
    audio = [a.ref for a in found_audio]
    printed = parse_printed_duration(" ".join(article.itertext()))
    for entry in found_audio:  # the page's running time is the first recording's, every format
        ref = entry.ref
        if _stem(ref.url) == _stem(audio[0].url) and ref.duration_seconds is None and printed:
            ref.duration_seconds = printed
            entry.via += "; duration printed after a duration label"
        reasons.append(Reason("audio", ref.url or "", entry.via))

    refused: list[tuple[str, str]] = []  # what the name gate left out of the bylines
    if meta.authors:
        people = byline_people(meta.authors, refused)
        why = meta.author_source or "page metadata"
        sites = names.site_keys([meta.site_name or ""], split_url(base_url).hostname or "")
        if people and all(names.names_the_site(p.name, sites) for p in people):
            # The metadata credits the site itself ("Five Books" of fivebooks.com): a byline
            # the page prints naming someone else wins; a personal site's author, named like
            # the site and printed so, stays (rule "names-the-site").
            bylines = byline_people(_trafilatura_bylines(extracted, doc)) or byline_people(
                _marked_byline(doc, main, positions)
            )
            if bylines and not any(names.names_the_site(p.name, sites) for p in bylines):
                refused += [(p.name, "names-the-site") for p in people]
                people = bylines
                why = "a printed byline, as the metadata credits the site itself (names-the-site)"
        if people and _byline_slots_left_empty(doc, [p.name for p in people]):
            # The theme's byline element is there and prints nobody, nor does the page name
            # them anywhere: the metadata names the account that posted it, an institution's
            # release credits no writer (rule "byline-empty-slot").
            refused += [(p.name, "byline-empty-slot") for p in people]
            people = []
        other_work = _credited_for_other_work(doc, [p.name for p in people])
        if other_work and len(other_work) < len(people):
            # "By Jane Roe / Photography by Kai Lund / Styled by Mara Olsen": the metadata lists
            # everyone the byline credits; who took the photos or styled them wrote nothing
            # (rule "byline-other-work").
            refused += [(name, "byline-other-work") for name in other_work]
            people = [p for p in people if p.name not in other_work]
    else:
        people = byline_people(_trafilatura_bylines(extracted, doc), refused)
        why = "trafilatura's author guess, printed in a byline element"
    if not people:
        people = byline_people(_marked_byline(doc, main, positions), refused)
        why = "the first byline the markup marks (itemprop=author, rel=author, a byline class)"
        if people and not _marked_byline(doc, main, positions, address_in_chrome=False):
            why += ", in an <address> of the article (byline-article-address)"
    if not people:
        people = byline_people(_printed_byline(doc, main, positions), refused)
        why = "a 'By ...' line between the headline and the text (byline-printed)"
    if (
        not people
        and (owner := _site_owner_login(meta.authors, meta.url, doc, meta.site_name)) is not None
    ):
        people = [Person(name=owner, role="reporter")]
        why = "the author's login names the site and the page prints it (byline-site-owner)"
    facts = _TitleFacts(doc, extracted)  # the page is read once for both choices below
    site_names = [n for n in (meta.site_name, _guessed_site_name(facts)) if n]
    title, title_rule = _headline(facts, meta, site_names)
    hosts = _logo_link_hosts(doc)
    by_host = _headline(facts, meta, [*site_names, *hosts]) if hosts else (title, "")
    if by_host[0] != title:  # "Story - The Globe and Mail", its logo linking to the host
        title, title_rule = by_host[0], f"{by_host[1]}, less the site its logo links home to"
    site_names += hosts
    if title and (headline := _less_kicker(title, facts.h1s)):
        title, title_rule = headline, f"{title_rule}, less the <h1>'s kicker (title-kicker)"
    printed_site = _less_printed_site(title, _printed_site_names(doc, base_url)) if title else None
    if title and printed_site and printed_site != title:
        title, title_rule = printed_site, f"{title_rule}, less the site or section the page prints"
        title_rule += " (title-printed-site)"
    episode = _episode_before_show(title, clean(doc.findtext(".//title")) or "")
    if title and episode:
        title, title_rule = episode, f"{title_rule}, less the show's name (<title> has it first)"
    kindless = strip_kind_prefix(title, clean(doc.findtext(".//title")) or "") if title else None
    if kindless and kindless != title:  # 'Video "Headline" - Programme': a library's kind word
        title, title_rule = kindless, f"{title_rule}, less its kind word (title-kind-prefix)"
    unprefixed = (
        strip_library_prefix(title, clean(doc.findtext(".//title")) or "") if title else None
    )
    if unprefixed and unprefixed != title:  # "Mediathek :: Headline": a library's name
        title, title_rule = (
            unprefixed,
            f"{title_rule}, less the library's name (title-library-prefix)",
        )
    undated = strip_broadcast_date(title) if title else None
    if undated and undated != title:  # "Headline vom 13.07.2000": when it was aired
        title, title_rule = undated, f"{title_rule}, less its air date (title-broadcast-date)"
    if title and people:  # "Story | Code | Nicolas Perriault": the byline's name ends <title>
        headline = strip_site_suffix(strip_player_prefix(title), [p.name for p in people])
        if headline != title:
            title, title_rule = headline, f"{title_rule}, less the byline's name after it"
    if title:
        reasons.append(Reason("title", title, title_rule))
    items = [part for item in items for part in _split_at_breaks(item)]
    reasons += _name_turns(items, doc, positions)
    blocks = _blocks(items, figures, title, main, reasons, page_url=base_url)
    if not blocks and title is None:
        raise InputError("no article text or title found in this HTML page", path)

    reasons += [Reason("person", f"{p.name} ({p.role})", why) for p in people]
    reasons += [
        Reason("person", f"{name} (left out)", f"{_LEFT_OUT.get(rule, _NO_NAME)} ({rule})")
        for name, rule in dict(refused).items()
    ]
    for guest in meta.guests:
        if all(p.name.casefold() != guest.casefold() for p in people):
            people.append(Person(name=guest, role="guest"))
            reasons.append(
                Reason("person", f"{guest} (guest)", "JSON-LD episode actor/contributor")
            )
    people += [Person(name=h, role="host") for h in meta.hosts]
    reasons += [Reason("person", f"{h} (host)", "the site's tagline") for h in meta.hosts]
    images = [f.image for f in figures] or meta.images
    for fig in figures:
        reasons.append(Reason("image", fig.image.caption or fig.image.url or "", fig.via))
    if not figures:
        reasons += [Reason("image", i.url or "", "og:image or JSON-LD image") for i in images]
    header_hosts, schedule = _show_lines(doc)
    hosts = list(meta.hosts) + [h for h in header_hosts if h not in meta.hosts]
    people += [Person(name=h, role="host") for h in header_hosts if h not in meta.hosts]
    reasons += [
        Reason("person", f"{h} (host)", "a 'Hosted by ...' line")
        for h in header_hosts
        if h not in meta.hosts
    ]
    show = None
    if meta.tagline or hosts or meta.show_title or schedule:
        show = Show(
            title=meta.show_title or meta.site_name,
            tagline=meta.tagline,
            hosts=hosts,
            schedule=schedule,
            category=meta.section,
            language=meta.language,
        )
    published, date_rule = meta.published, meta.published_source or "page metadata"
    if published is None:
        published, date_rule = _visible_date(doc)
    if published is None and extracted is not None:
        published = parse_published(getattr(extracted, "date", None))
        date_rule = "trafilatura's date guess"
    if published is not None:
        reasons.append(Reason("published", published.isoformat(), date_rule))
    description = tidy_description(
        meta.description, [b.text for b in blocks if b.kind == "paragraph"]
    )
    if description:
        rule = (
            "meta description"
            if description == clean(meta.description)
            else ("meta description, decoded (and completed from the page's intro if it was cut)")
        )
        description, tail = cut_furniture_tail(description)
        if tail is not None:
            rule += f"; cut before the show notes' furniture ({tail}, furniture-tail)"
        reasons.append(Reason("summary", description, rule))
    return RawPage(
        path=path,
        kind="html",
        blocks=blocks,
        title=title,
        url=meta.url or getattr(extracted, "url", None),
        published=published,
        description=description,
        language=meta.language,
        site_name=meta.site_name or getattr(extracted, "sitename", None),
        people=people,
        images=images,
        audio=audio,
        show=show,
        episode=meta.episode,
        page_title=clean(doc.findtext(".//title")),
        reasons=reasons,
    )


# --- the page --------------------------------------------------------------------------------


#: What the frame scan reads: a comment or a script's or style's text, where an iframe tag is
#: only text (``document.write('<iframe ...>')``), else an iframe's tag, whose quoted attribute
#: may hold a ">" (``src="javascript:'<html>'"``).
_FRAME_TAG_RE = re.compile(
    r"""<!--.*?-->|<(?P<raw>script|style)\b.*?</(?P=raw)\s*>"""
    r"""|<(?P<closing>/?)iframe\b(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.IGNORECASE | re.DOTALL,
)


def _without_frame_content(html: str) -> str:
    """Drop what stands inside ``<iframe>`` elements: a saved page may inline the player's own
    document there, whose ``</body></html>`` ends the extractor's page before the article.

    Browsers never show an iframe's content (it is the fallback for none), so no text is lost.
    An iframe tag in a comment or a script is no frame, and an XHTML ``<iframe/>`` holds nothing.

    >>> _without_frame_content('<p>A</p><iframe src="p"><html><body>B</body></html></iframe><p>C')
    '<p>A</p><iframe src="p"></iframe><p>C'
    >>> _without_frame_content('<iframe src="javascript:&quot;<html></html>&quot;"></iframe>B')
    '<iframe src="javascript:&quot;<html></html>&quot;"></iframe>B'
    >>> _without_frame_content('<script>w("<iframe src=x>")</script><p>A</p><iframe/><p>B')
    '<script>w("<iframe src=x>")</script><p>A</p><iframe/><p>B'
    """
    out: list[str] = []
    depth, start, first_closer = 0, 0, None
    matches = _FRAME_TAG_RE.finditer(html)
    while (match := next(matches, None)) is not None or depth:
        if match is None:
            # A frame the nesting never closes ("<iframe><iframe src=b></iframe>"): as browsers
            # read it, its first closer ends it, and the scan goes on from there.
            depth, start = 0, first_closer or len(html)
            matches = _FRAME_TAG_RE.finditer(html, start + 1)
            continue
        if match.group("closing") is None:
            continue  # a comment or a script's text
        closing = bool(match.group("closing"))
        if not closing and match.group("attrs").rstrip().endswith("/"):
            continue  # "<iframe src=x />": nothing inside
        if depth == 0 and not closing:
            out.append(html[start : match.end()])
            depth, first_closer = 1, None
        elif depth and closing:
            depth -= 1
            first_closer = match.start() if first_closer is None else first_closer
            if depth == 0:
                start = match.start()
        elif depth:
            depth += 1
    out.append(html[start:])
    return "".join(out)


def _parse(html: str, path: str) -> Any:
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", html)
    if not text.strip():
        raise InputError("empty HTML page", path)
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", path) from exc


def _classes(element: Any) -> list[str]:
    if not isinstance(element.tag, str):
        return []
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()


#: What splits a class or id into its parts ("story-related_media": story, related, media).
_CLASS_PART_SEPARATOR_RE = re.compile(r"[-_]")


def _name_parts(name: str) -> list[str]:
    """The parts of one class or id name, split at "-" and "_"."""
    return _CLASS_PART_SEPARATOR_RE.split(name)


def _class_parts(element: Any) -> set[str]:
    """The parts of all of an element's class and id names (see ``_name_parts``)."""
    return {part for c in _classes(element) for part in _name_parts(c)}


def _is_chrome(element: Any) -> bool:
    """Tell whether an element is page chrome by its tag or a class/id word."""
    if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "article"):
        return False
    if element.tag in CHROME_TAGS or _is_hidden(element):
        return True
    return bool(_class_parts(element) & CHROME_WORDS)


def _is_hidden(element: Any) -> bool:
    """An element the page does not show: the ``hidden`` attribute or a hiding inline style."""
    return element.get("hidden") is not None or bool(
        HIDDEN_STYLE_RE.search(element.get("style") or "")
    )


def _usable_src(img: Any) -> bool:
    """Tell an ``<img>`` that names its photo (not a lazy-loading stand-in, not inline data)."""
    src = (img.get("src") or img.get("data-src") or img.get("srcset") or "").strip()
    return bool(src) and not src.startswith("data:") and not _is_placeholder_image(src)


def _keep_noscript_photo(noscript: Any) -> None:
    """Give a lazy-loaded photo the address its ``<noscript>`` copy names (rule
    "photo-in-noscript"): a ``<picture>`` holding the ``<img>`` only there, or a stand-in
    (``trans.gif``, ``data:``) beside it. A ``<noscript>`` elsewhere (a tracking pixel) is
    dropped with its image."""
    copy = next((i for i in noscript.iter("img") if _usable_src(i)), None)
    parent = noscript.getparent()
    if copy is None or parent is None:
        return
    beside = [c for c in parent if c.tag == "img"]  # the stand-in is the <noscript>'s sibling
    stand_in = next((i for i in beside if not _usable_src(i)), None)
    if stand_in is not None:
        stand_in.set("src", str(copy.get("src") or copy.get("srcset") or ""))
    elif parent.tag == "picture" and not beside:
        copy.tail = None
        noscript.addprevious(copy)


def _remove_chrome(doc: Any) -> None:
    """Drop scripts, styles, comments and caption controls (never article text)."""
    for noscript in list(doc.iter("noscript")):
        _keep_noscript_photo(noscript)
    doomed = [
        el
        for el in doc.iter()
        if not isinstance(el.tag, str)
        or el.tag in ("script", "style", "noscript", "template")
        or any(c in CONTROL_CLASSES for c in _classes(el))
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _in_chrome(element: Any, stop: Any = None, spare: Callable[[Any], bool] | None = None) -> bool:
    """Tell whether an element or an ancestor below ``stop`` is chrome; chrome that ``spare``
    accepts does not count (a share bar around the page's own player)."""
    for node in [element, *element.iterancestors()]:
        if node is stop:
            return False
        if _is_chrome(node) and (spare is None or not spare(node)):
            return True
    return False


def _key(text: str) -> str:
    """Compare texts by their letters and digits only (extractors differ in spacing and quotes)."""
    return _NOT_ALNUM_RE.sub("", text.lower())


_BLOCK_LEVEL = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "br",
        "header",
    }
)


#: A line break (``<br>``, trafilatura's ``<lb/>``) while runs are read; a space after splitting.
_BREAK = "\0"  # never in page text: XML and lxml refuse NUL


#: Elements that stand as paragraphs of their own: an item found in a container of several
#: (trafilatura joined a layout table's cell) is split where each begins and ends.
_PARAGRAPH_LEVEL = frozenset(
    {"p", "div", "blockquote", "section", "article", "header", "h1", "h2", "h3", "h4", "h5", "h6"}
)


def _dom_runs(element: Any, bold: bool = False, italic: bool = False) -> list[_Run]:
    """Return an element's text as runs of formatting (``<b>``/``<strong>``, ``<i>``/``<em>``).

    A paragraph-level child stands between two double breaks (``_split_at_breaks`` splits there).
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    bold = bold or tag in ("b", "strong") or (tag.startswith("h") and tag[1:].isdigit())
    italic = italic or tag in ("i", "em")
    runs = [_Run(element.text or "", bold, italic)]
    for child in element:
        child_tag = child.tag if isinstance(child.tag, str) else ""
        edge = (
            [_Run(_BREAK, bold, italic)] * 2
            if child_tag in _PARAGRAPH_LEVEL
            else [_Run(" ", bold, italic)]
        )
        if child_tag == "br":
            runs.append(_Run(_BREAK, bold, italic))
        elif child_tag in _BLOCK_LEVEL:
            runs.extend(edge)
        runs.extend(_dom_runs(child, bold, italic))
        if child_tag in _BLOCK_LEVEL and child_tag != "br":
            runs.extend(edge)
        runs.append(_Run(child.tail or "", bold, italic))
    return [r for r in runs if r.text]


#: trafilatura's elements that stand as paragraphs of their own inside a table cell.
_XML_PARAGRAPH_LEVEL = frozenset({"p", "head", "quote", "list"})


def _xml_runs(element: Any, bold: bool = False, italic: bool = False) -> list[_Run]:
    """Return trafilatura XML as runs (``<hi rend="#b">`` bold, ``#i`` italic, ``<lb/>`` space)."""
    rend = element.get("rend") or "" if element.tag == "hi" else ""
    bold = bold or "#b" in rend
    italic = italic or "#i" in rend
    runs = [_Run(_BREAK if element.tag == "lb" else element.text or "", bold, italic)]
    for child in element:
        if child.tag == "graphic":
            runs.append(_Run(child.tail or "", bold, italic))
            continue
        # A paragraph or heading inside a cell stands apart, as in ``_dom_runs``: the credit
        # "<head>NAME</head><p>INTERVIEW BY ...</p>" is no part of the headline before it.
        # (A heading trafilatura put inside a <p> stays run in: it is often a module's label.)
        apart = element.tag == "cell" and child.tag in _XML_PARAGRAPH_LEVEL
        edge = [_Run(_BREAK, bold, italic)] * 2 if apart else []
        runs.extend(edge)
        runs.extend(_xml_runs(child, bold, italic))
        runs.extend(edge)
        runs.append(_Run(child.tail or "", bold, italic))
    return [r for r in runs if r.text]


def _row_runs(row: Any) -> list[_Run]:
    """Return a table row's cells as runs between " | " (a layout table's cell keeps its bold
    questions and line breaks)."""
    runs: list[_Run] = []
    for n, cell in enumerate(row):
        if n:
            runs.append(_Run(" | "))
        runs.extend(_xml_runs(cell))
    return runs


#: Words that open a byline ("by", "von", "par"), lowercase.
_BYLINE_WORDS = frozenset(w.casefold() for w in vocabulary.words("byline_words"))


def _runs_text(runs: list[_Run]) -> str:
    return clean("".join(r.text for r in runs)) or ""


#: A credit line of a broadcast's details: a label of one to three words and a colon, then
#: what it credits ("Gestaltung: Jane Roe", "Sendung: Burgenland heute"); no clock time.
_CREDIT_LINE_RE = re.compile(r"\s*[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){0,2}\s?:\s+[^\W\d]")


def _split_at_breaks(item: _Item) -> list[_Item]:
    """Split a paragraph at ``<br><br>``, a ``<br>`` before a bold label (old pages' turns), and
    around a bold question that runs into its answer (``_lines``, ``_asking_line``)."""
    if item.kind != "paragraph":
        return [
            replace(
                item,
                runs=[_Run(" ", r.bold, r.italic) if r.text == _BREAK else r for r in item.runs],
            )
        ]
    lines = _lines(item.runs)
    parts: list[list[_Run]] = []
    run_in: list[bool] = []
    for n, (breaks, runs) in enumerate(lines):
        first = next((r for r in runs if r.text.strip()), None)
        label = first.text.strip() if first is not None else ""
        labelled = first is not None and first.bold and label.endswith(":")
        labelled = labelled and len(label.split()) <= 4
        asking = n > 0 and (_asking_line(lines, n) or _asking_line(lines, n - 1))
        split_in = breaks < 0  # a run-in question's answer (``_lines``)
        # "by" alone in its element ("<p>by</p><a>Jane Roe</a>") is the byline's opening.
        dangling = bool(parts) and _runs_text(parts[-1]).casefold() in _BYLINE_WORDS
        apart = not parts or breaks >= 2 or (breaks and (labelled or asking)) or split_in
        if apart and not dangling:
            if parts and (split_in or (asking and breaks < 2 and not labelled)):
                run_in[-1] = True
            parts.append([])
            run_in.append(False)
        if parts[-1] and breaks:
            # "Sendung: X<br>Gestaltung: Y": a broadcaster's credit lines stay apart ("|")
            credits = n > 0 and all(
                _CREDIT_LINE_RE.match(_runs_text(r)) for _, r in lines[n - 1 : n + 1]
            )
            parts[-1].append(_Run(" | " if credits else " ", first.bold if first else False))
        parts[-1].extend(runs)
    if len(parts) == 1:
        return [replace(item, runs=parts[0], run_in=run_in[0])]
    # Each part keeps the links printed in it: a story linked under "<br><br>" after a
    # sentence is a teaser of its own (``_teaser_link``), the sentence's link is not its.
    out = []
    for runs, asked in zip(parts, run_in, strict=True):
        text = _runs_text(runs)
        links = [link for link in item.links if (clean(link[0]) or "\0") in text]
        out.append(replace(item, runs=runs, run_in=asked, links=links))
    return out


def _lines(runs: list[_Run]) -> list[tuple[int, list[_Run]]]:
    """Split runs into lines at breaks: (breaks before the line, its runs), each ``<br>`` one.

    A line opening with a bold question that runs into its answer in the same line ("<p><strong>
    Why did you leave?</strong> Because ...</p>") becomes two, the answer's count ``-1``; a
    sentence going on after it ("<b>Why not?</b> asked the mayor") stays one line.
    """
    lines: list[tuple[int, list[_Run]]] = []
    breaks, current = 0, list[_Run]()
    for run in runs:
        if run.text == _BREAK:
            if any(r.text.strip() for r in current):
                lines.append((breaks, current))
                breaks, current = 0, []
            breaks += 1
        else:
            current.append(run)
    if any(r.text.strip() for r in current):
        lines.append((breaks, current))
    out: list[tuple[int, list[_Run]]] = []
    for breaks, line in lines:
        cut = next((n for n, r in enumerate(line) if r.text.strip() and not r.bold), None)
        lead = line[:cut] if cut else []
        lead_text = clean("".join(r.text for r in lead)) or ""
        rest = line[cut:] if cut else []
        rest_text = clean("".join(r.text for r in rest)) or ""
        if (
            lead_text
            and structure.is_question_text(lead_text)
            and _key(rest_text)
            and not rest_text[:1].islower()  # "<b>“Why not?”</b> she asked." goes on
        ):
            out += [(breaks, lead), (-1, rest)]
        else:
            out.append((breaks, line))
    return out


def _asking_line(lines: list[tuple[int, list[_Run]]], n: int) -> bool:
    """Tell a wholly bold line that asks, its answer on the next line after a ``<br>``.

    A question asks ("<b>Why not?<br></b>Comic strips ..."); so does a sentence among them
    ("<b>Ouch.<br></b>This is ..."). A bold label ("<b>Update:</b>"), a bold kicker or name
    without a sentence's end, or a bold line with no plain answer under it asks nothing.
    """
    if n + 1 >= len(lines):
        return False
    shown = _visible(lines[n][1])
    after = _visible(lines[n + 1][1])
    if not shown or not all(r.bold for r in shown) or lines[n + 1][0] <= 0:
        return False
    text = clean("".join(r.text for r in shown)) or ""
    if structure.is_question_text(text):
        return True
    return bool(after) and not after[0].bold and text.endswith(SENTENCE_ENDINGS)


#: A transcript names this many turns' speakers in elements of their own.
SPEAKER_TURNS_MIN = 4
#: A turn's speaker element stands this many levels at most below the turn holding its text.
TURN_LEVELS = 3
_SPEAKER_CLASS_PARTS = frozenset(vocabulary.words("speaker_class_parts"))


def _speaker_elements(doc: Any) -> list[Any]:
    """Return the elements a transcript names its turns' speakers in, in page order."""
    marked = [
        el
        for el in doc.iter()
        if any(p in _SPEAKER_CLASS_PARTS for c in _classes(el) for p in re.split(r"[-_]+", c))
    ]
    ids = {id(el) for el in marked}
    outer = [el for el in marked if not any(id(a) in ids for a in el.iterancestors())]
    return outer if len(outer) >= SPEAKER_TURNS_MIN else []


def _name_turns(items: list[_Item], doc: Any, positions: dict[int, int]) -> list[Reason]:
    """Give each turn's first paragraph the speaker an element above it names (rule
    "qa-speaker-element"): "<div class=turn><header><span class=speaker-name>Courtland
    Allen</span></header><p>Can you ...?</p>" (the extractor drops the header)."""
    speakers = [(positions[id(el)], el) for el in _speaker_elements(doc)]
    said = Counter(_key(el.text_content()) for _, el in speakers)
    if max(said.values(), default=0) < 2:
        return []  # a transcript's speakers take turns; guest cards name each person once
    starts = [n for n, _ in speakers]  # page order: found by bisection, not a scan per item
    used: set[int] = set()
    named: dict[str, Reason] = {}
    for item in items:
        if item.kind != "paragraph" or item.element is None or item.position is None:
            continue
        above = bisect_left(starts, item.position)  # the speaker elements before the item
        if not above or id(speakers[above - 1][1]) in used:
            continue
        speaker_el = speakers[above - 1][1]
        turn = list(speaker_el.iterancestors())[:TURN_LEVELS]
        if not any(a is item.element or a in item.element.iterancestors() for a in turn):
            continue
        name = (clean(speaker_el.text_content()) or "").rstrip(":").strip()
        if not _SPEAKER_RE.match(name) or name.lower() in NOT_SPEAKERS:
            continue
        used.add(id(speaker_el))
        item.speaker = name
        rule = "an element above the turn names its speaker (qa-speaker-element)"
        named.setdefault(name, Reason("speaker", name, rule))
    return list(named.values())


def _index_elements(doc: Any) -> dict[str, list[Any]]:
    """Map each letter key to the elements with that text, in page order."""
    index: dict[str, list[Any]] = {}
    for element in doc.iter():
        if isinstance(element.tag, str) and element.tag not in ("html", "head", "title", "body"):
            key = _key(element.text_content())
            if key:
                index.setdefault(key, []).append(element)
    return index


def _pick(candidates: list[Any], main_ids: set[int] | None, unique_only: bool) -> Any:
    """Choose an item's element: in the article, block-level, outermost (first in page order)."""
    if unique_only:
        # Nested elements with one text (<p><strong>x</strong></p>) are one place on the page.
        # A transcript repeats short turns ("Yeah.") hundreds of times: stop at a second place.
        ids = {id(c) for c in candidates}
        outer = None
        for candidate in candidates:
            if not any(id(a) in ids for a in candidate.iterancestors()):
                if outer is not None:
                    return None
                outer = candidate
        return outer
    best, best_rank = None, (True, True)
    for candidate in candidates:  # the first of the best rank: stop at a block in the article
        rank = (
            main_ids is not None and id(candidate) not in main_ids,
            candidate.tag not in _BLOCK_LEVEL,
        )
        if best is None or rank < best_rank:
            best, best_rank = candidate, rank
            if rank == (False, False):
                break
    return best


def _items(body: Any) -> Iterator[_Item]:
    """Walk trafilatura's XML body in order, one item per block."""
    for child in body:
        tag = child.tag
        if tag == "head":
            rend = re.fullmatch(r"h([1-6])", child.get("rend") or "")
            links = [(ref.xpath("string()"), ref.get("target") or "") for ref in child.iter("ref")]
            level = int(rend.group(1)) if rend else None
            yield _Item("heading", _xml_runs(child), links=links, level=level)
        elif tag == "list":
            for entry in child.iter("item"):
                links = [(r.xpath("string()"), r.get("target") or "") for r in entry.iter("ref")]
                yield _Item("list_item", _xml_runs(entry), links=links)
        elif tag == "quote":
            paragraphs = child.findall("p")
            for part in paragraphs or [child]:
                yield _Item("quote", _xml_runs(part))
        elif tag in ("div", "main", "body", "section"):
            yield from _items(child)
        elif tag == "table":
            for row in child.iter("row"):
                yield _Item("paragraph", _row_runs(row))
        elif tag != "graphic":
            audio_texts = [
                clean(ref.xpath("string()")) or ""
                for ref in child.iter("ref")
                if _audio_mime(ref.get("target") or "")
            ]
            links = [(ref.xpath("string()"), ref.get("target") or "") for ref in child.iter("ref")]
            yield _Item("paragraph", _xml_runs(child), audio_texts=audio_texts, links=links)
        if tag not in ("div", "main", "body", "section") and clean(child.tail):
            yield _Item("paragraph", [_Run(child.tail or "")])


def _strip_controls(text: str) -> str:
    for control in CONTROL_TEXTS:
        text = re.sub(rf"\s*\b{control}\b\s*", " ", text, flags=re.IGNORECASE)
    return text


def _attach_element(
    item: _Item,
    index: dict[str, list[Any]],
    positions: dict[int, int],
    main_ids: set[int] | None,
    unique_only: bool = False,
) -> None:
    """Find the page element an item came from; read its runs (the page's own formatting)."""
    key = _key(_strip_controls(item.text))
    element = _pick(index.get(key, []), main_ids, unique_only) if key else None
    if element is None:
        item.runs = [_Run(_strip_controls(r.text), r.bold, r.italic) for r in item.runs]
        return
    item.element = element
    # The innermost element with the same text says where the text sits (inside <nav>?).
    # (Its own subtree is searched: a transcript repeats a short turn's text hundreds of times.)
    item.inner = next(
        (
            c
            for c in reversed(list(element.iter()))
            if c is element or _key(c.text_content()) == key
        ),
        element,
    )
    item.position = positions[id(element)]
    if item.kind in ("paragraph", "quote", "list_item"):
        item.runs = _dom_runs(element)
    item.links += [(a.text_content(), a.get("href") or "") for a in element.iter("a")]
    item.audio_texts = [
        clean(a.text_content()) or "" for a in element.iter("a") if _audio_mime(a.get("href") or "")
    ]


def _extract(page_html: str) -> Any:
    """Run trafilatura on the page (its text with formatting, links, tables and metadata)."""
    return trafilatura.bare_extraction(
        page_html,
        include_formatting=True,
        include_images=False,
        include_links=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        config=_CONFIG,
    )


def _locate(extracted: Any, doc: Any) -> tuple[list[Any], dict[int, int], list[_Item], Any]:
    """Find where the extracted items stand on the page; return the page's elements (held so
    ``id()`` stays stable), their positions, the items and the main region."""
    # lxml makes element proxies on demand; holding them all keeps id() stable while we work.
    elements = list(doc.iter())
    positions = {id(el): n for n, el in enumerate(elements)}
    index = _index_elements(doc)
    body = getattr(extracted, "body", None)
    items = list(_items(body)) if body is not None else []
    for item in items:  # first pass: unambiguous texts locate the article
        _attach_element(item, index, positions, None, unique_only=True)
    main = _main_region(items, doc)
    main_ids = {id(e) for e in main.iter()}
    for item in items:  # second pass: repeated texts, preferring the copy in the article
        if item.element is None:
            _attach_element(item, index, positions, main_ids)
    return elements, positions, items, _main_region(items, doc)


#: Class/id words (split at "-" and "_") of a pop-up a script shows over the page: a cookie,
#: consent or privacy dialog, a newsletter or sign-in modal. Never the article (main-overlay).
OVERLAY_WORDS: frozenset[str] = frozenset(
    {"modal", "popup", "overlay", "dialog", "lightbox", "consent", "cookie", "cookies"}
    | {"gdpr", "privacy", "cmp"}
)
#: ARIA roles of a dialog over the page.
OVERLAY_ROLES: frozenset[str] = frozenset({"dialog", "alertdialog"})
#: What an overlay never holds: the page's headline or its article (a site that names its whole
#: page wrapper "...-overlay" keeps the article).
_ARTICLE_TAGS: tuple[str, ...] = ("h1", "article", "main")


def _is_overlay(element: Any) -> bool:
    """Tell a pop-up over the page by its role, ``aria-modal`` or a class/id word."""
    if not isinstance(element.tag, str) or element.tag in ("html", "body", *_ARTICLE_TAGS):
        return False
    if (element.get("role") or "").lower() in OVERLAY_ROLES:
        return True
    if (element.get("aria-modal") or "").lower() == "true" or element.tag == "dialog":
        return True
    return bool(_class_parts(element) & OVERLAY_WORDS)


def _overlay_of(element: Any) -> str | None:
    """Name the pop-up overlay an element stands in (itself or an ancestor), or None: the
    outermost one, when it holds neither the headline nor an article (as ``_overlays`` finds
    them). Only the element's own ancestors are looked at: every page asks this."""
    outermost = next(
        (a for a in reversed([element, *element.iterancestors()]) if _is_overlay(a)), None
    )
    if outermost is None or _holds_article(outermost):
        return None
    return " ".join(_classes(outermost)) or outermost.tag


def _holds_article(element: Any) -> bool:
    return any(True for tag in _ARTICLE_TAGS for _ in element.iter(tag))


def _overlays(doc: Any) -> list[Any]:
    """The page's outermost pop-up overlays that hold neither the headline nor an article."""
    found: list[Any] = []
    for element in doc.iter():
        if not _is_overlay(element) or any(_is_overlay(a) for a in element.iterancestors()):
            continue
        if not _holds_article(element):
            found.append(element)
    return found


def _main_region(items: list[_Item], doc: Any) -> Any:
    """Return the deepest element holding at least 70 % of the matched article text."""
    weights: dict[int, int] = {}
    elements: dict[int, Any] = {}
    depths: dict[int, int] = {}
    total = 0
    for item in items:
        if item.element is None:
            continue
        size = len(item.text)
        total += size
        chain = [item.element, *item.element.iterancestors()]
        for depth, ancestor in enumerate(reversed(chain)):
            weights[id(ancestor)] = weights.get(id(ancestor), 0) + size
            elements[id(ancestor)] = ancestor
            depths[id(ancestor)] = depth
    body = doc.find("body")
    if not total:
        return body if body is not None else doc
    best = max(
        (k for k, w in weights.items() if w >= 0.7 * total),
        key=lambda k: depths[k],
    )
    return elements[best]


# --- figures ---------------------------------------------------------------------------------


#: Words naming the stand-in a lazy-loading theme shows until the photo loads, a GIF or SVG
#: ("index-transparent_h-288.gif", "trans.gif", "blank.gif", "spacer.gif"): never the photo.
PLACEHOLDER_IMAGE_WORDS: tuple[str, ...] = ("trans", "blank", "spacer", "pixel", "placeholder")
#: The formats of such stand-ins; a photo is a JPEG, PNG or WebP.
PLACEHOLDER_IMAGE_EXTENSIONS: tuple[str, ...] = (".gif", ".svg")


def _is_placeholder_image(src: str) -> bool:
    """Tell a lazy-loading stand-in by its file's name and format (``PLACEHOLDER_IMAGE_WORDS``).

    >>> _is_placeholder_image("/index-transparent_h-288_w-512_zc-361ada63.gif")
    True
    >>> _is_placeholder_image("/bilder/bild413726_v-variantBig16x9.jpg")
    False
    """
    name = split_url(src).path.rsplit("/", 1)[-1].lower()
    return name.endswith(PLACEHOLDER_IMAGE_EXTENSIONS) and any(
        w in name for w in PLACEHOLDER_IMAGE_WORDS
    )


def _image_url(element: Any, base_url: str) -> str | None:
    for img in element.iter(*IMAGE_TAGS):
        src = img.get("src")
        if src and _is_placeholder_image(src):
            src = None  # the photo is in data-src, or in the <noscript> copy after it
        src = src or img.get("data-src") or img.get("data-original")
        # a <picture>'s <img> may carry no address of its own: its <source>s have it (lxml
        # nests an unclosed <source> around what follows it)
        picture = next((a for a in img.iterancestors() if a.tag == "picture"), None)
        sources = picture.iter("source") if picture is not None else ()
        srcset = img.get("srcset") or next((t.get("srcset") for t in sources), None)
        if not src and srcset and srcset.split():
            src = srcset.split(",")[0].split()[0]
        if src and not src.startswith("data:"):
            return join_url(base_url, str(src).strip())
    return None


#: Attributes a gallery's slide names its photo by, when it holds no ``<img>`` until shown
#: ('<div class="gal-slide" data-caption="..." data-credit="..." data-image="...jpg">').
SLIDE_IMAGE_ATTRIBUTES: tuple[str, ...] = ("data-image", "data-src", "data-full", "data-zoom-image")


def _attribute_image_url(element: Any, base_url: str) -> str | None:
    """The photo a gallery slide's attributes name (``SLIDE_IMAGE_ATTRIBUTES``), when it is an
    image's address by its extension or its ``/images/`` path."""
    for name in SLIDE_IMAGE_ATTRIBUTES:
        value = (element.get(name) or "").strip()
        path = split_url(value).path.lower()
        if value and (path.endswith(_PHOTO_EXTENSIONS) or "/image" in path):
            return join_url(base_url, value)
    return None


def _credit_elements(element: Any) -> list[Any]:
    """A caption's credit: a credit class or ImageObject credit property, or a ``<small>``
    or ``<cite>`` after the caption text."""
    by_class = [e for e in element.iter() if _is_credit_markup(e) and not _is_media_info(e)]
    if by_class:
        return by_class
    # HTML's own credit markup: a <cite> in the figure or caption (theverge's "Image: ..."), but
    # not a quotation's source (a <cite> inside a <blockquote>).
    cites = [
        e
        for e in element.iter("cite")
        if e is not element and not any(a.tag == "blockquote" for a in e.iterancestors())
    ]
    if cites:
        return cites[-1:]
    smalls = [e for e in element.iter("small") if e is not element]
    return (
        smalls[-1:]
        if smalls and clean(element.text_content()) != clean(smalls[-1].text_content())
        else []
    )


def _is_media_info(element: Any) -> bool:
    """A player's running time or air date (a ``<time>``, "| 01:44 Min.") or a lone separator
    in a byline-classed element: never a photo's credit (credit-media-info)."""
    text = element.text_content() or ""
    if next(element.iter("time"), None) is not None:
        return True
    return bool(text.strip()) and (
        _MEDIA_INFO_RE.fullmatch(text) is not None or not text.strip(" |")
    )


def _itemprops(element: Any) -> set[str]:
    """The schema.org microdata properties an element holds (``itemprop`` is a list)."""
    if not isinstance(element.tag, str):
        return set()
    return set((element.get("itemprop") or "").split())


def _is_image_object(element: Any) -> bool:
    """A schema.org ``ImageObject`` (microdata ``itemscope itemtype=.../ImageObject``)."""
    return isinstance(element.tag, str) and (element.get("itemtype") or "").endswith("/ImageObject")


def _text_without(element: Any, excluded: list[Any]) -> str | None:
    """Return an element's text leaving out some descendants (a credit inside a caption)."""
    skip = {id(e) for e in excluded}

    def walk(node: Any) -> list[str]:
        parts = [node.text or ""] if isinstance(node.tag, str) else []
        for child in node:
            if id(child) not in skip:
                parts += walk(child)
            parts.append(child.tail or "")
        return parts

    return clean("".join(walk(element)))


def _clean_credit(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip(" ")
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip(" ")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip(" ")
    if text.startswith("(") and text.endswith(")"):  # "(Icrc - AP)", never "Jane Roe (hr)"
        text = text[1:-1]
    return clean(CREDIT_PREFIX_RE.sub("", text)) or None


def _figure_of(caption_el: Any, container: Any, base_url: str) -> tuple[Image | None, str]:
    """The photo a caption belongs to, and how its credit was found ("" for none)."""
    # the caption itself (a <cite class=caption>) is never its own credit
    around = [
        e
        for e in _credit_elements(container)
        if e is not caption_el and caption_el not in e.iterdescendants()
    ]
    credits = _credit_elements(caption_el) or around
    printed = [e for e in around if _PRINTED_CREDIT_START_RE.match(clean(e.text_content()) or "")]
    if printed:  # "Bild © dpa" beside other byline-classed media info (credit-printed-prefix)
        credits = printed
    caption = _text_without(caption_el, credits) or _attribute_text(caption_el.get("data-caption"))
    credit = _clean_credit(clean(credits[0].text_content())) if credits else None
    if credits and credit is None:  # an empty credit element with its text in an attribute
        stated = (credits[0].get(a) for a in CREDIT_ATTRIBUTES)
        credit = _clean_credit(_attribute_text(next((v for v in stated if v), None)))
    how = ""
    if credit:
        how = {"small": "<small> in the caption", "cite": "<cite> in the figure"}.get(
            credits[0].tag,
            "ImageObject credit property"
            if _itemprops(credits[0]) & CREDIT_ITEMPROPS
            else "credit/copyright class",
        )
        if printed:
            how += " printed as a credit, '© ...' (credit-printed-prefix)"
    split = _split_printed_credit(caption) if caption and credit is None else None
    if split is not None:
        caption, printed_credit, how = split
        credit = _clean_credit(printed_credit)
    before = _caption_before_credit_figcaption(caption_el) if caption and not credit else None
    if before is not None:  # '<div>Caption.</div><figcaption>Getty Images</figcaption>'
        caption, credit = before, _clean_credit(caption)
        how = "the <figcaption> is the credit, the text just before it the caption"
        how += " (caption-before-credit-figcaption)"
    if any(_is_credit_markup(e) and _is_media_info(e) for e in container.iter()):
        note = "a player's running time or air date passed over (credit-media-info)"
        how = f"{how}; {note}" if how else f"none, {note}"
    url = None
    for holder in [container, *container.iterancestors()][:4]:
        url = _image_url(holder, base_url)
        if url or holder.tag == "figure" or _is_image_object(holder):
            break  # a figure's photo is inside it: around it stand other figures' photos
    if not (caption or url):
        return None, ""
    return Image(url=url, caption=caption or None, credit=credit), how


#: Words at most in a ``<figcaption>`` that holds a photo's credit alone ("AB + DM", "Icon
#: Sportswire // Getty Images", "Courtesy Off-White"), printed after an unmarked caption.
CREDIT_FIGCAPTION_MAX_WORDS = 8
#: Letters at most of a lower-case word in such a credit: its joints ("for", "via", "und").
CREDIT_LOWER_WORD_MAX = 3


def _reads_as_credit(text: str) -> bool:
    """A short line naming people or agencies, no sentence: at most
    ``CREDIT_FIGCAPTION_MAX_WORDS`` words, no full stop at its end, its longer words capitalised
    ("Jane Roe for Harbour Radio"); "Barack Obama at the rally" is a short caption."""
    words = text.split()
    if not words or len(words) > CREDIT_FIGCAPTION_MAX_WORDS or text.endswith((".", "!", "?")):
        return False
    return not any(w.isalpha() and w.islower() and len(w) > CREDIT_LOWER_WORD_MAX for w in words)


def _credit_after_figcaption(figcaption: Any) -> Any:
    """The line a ``<figure>`` prints after its ``<figcaption>`` as the photo's credit (rule
    "credit-after-figcaption"): "<figcaption>Caption.</figcaption><footer>Agency/Jane Roe
    </footer>" or "<p>© Agency</p>". It is the last text of the figure, a line of its own (no
    photo, link or heading), printed as a credit ("©", "Foto:") or reading as one (a few
    capitalised names, no sentence); else None."""
    if figcaption.tag != "figcaption" or (figcaption.tail or "").strip():
        return None
    after = figcaption.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is None or after.tag in _HEADINGS | {"figure", "figcaption"}:
        return None
    if after.tag in CHROME_TAGS - {"footer"} or (_is_chrome(after) and after.tag != "footer"):
        return None  # a control after the caption ("<button>More</button>"), not its credit
    line = clean(after.text_content()) or ""
    if (
        not line
        or len(line) > _MAX_CREDIT_CHARS
        or (after.tail or "").strip()
        or next(after.iter("a", *IMAGE_TAGS), None) is not None
        or any(clean(e.text_content()) for e in after.itersiblings())
    ):
        return None
    printed = _PRINTED_CREDIT_START_RE.match(line) is not None
    return after if printed or _reads_as_credit(line) else None


def _caption_before_credit_figcaption(figcaption: Any) -> str | None:
    """The caption of a ``<figcaption>`` that holds only the photo's credit (rule
    "caption-before-credit-figcaption"): a magazine CMS prints the caption as an unmarked
    ``<div>`` right before it, in the same wrapper after the photo. The text before must be a
    short text of its own, longer than the credit, with no photo or heading; a credit that is
    a sentence ("A crowd outside the hall.") is a caption, and stays one.
    """
    if figcaption.tag != "figcaption":
        return None
    credit = clean(figcaption.text_content()) or ""
    if not _reads_as_credit(credit):
        return None
    before = figcaption.getprevious()
    if (
        before is None
        or not isinstance(before.tag, str)
        or (figcaption.getparent().text or "").strip()
    ):
        return None
    if before.tag in _HEADINGS | {"figure", "figcaption", "script", "style"}:
        return None
    text = clean(before.text_content()) or ""
    if not text or len(text) > _MAX_PRINTED_CAPTION_CHARS or len(text) <= len(credit):
        return None
    if next(before.iter(*IMAGE_TAGS), None) is not None or (before.tail or "").strip():
        return None
    return text


def _caption_beside_credit(figure: Any, figcaption: Any) -> Any:
    """A caption class outside a figure's ``<figcaption>`` that stands beside the photo's
    credit: the photo's caption, where the ``<figcaption>`` labels the figure's player (a
    broadcaster's media box: "Audio 03:07 Min. | headline" above "caption, Bild © ...")."""
    if figcaption is None:
        return None
    for element in figure.iterdescendants():
        if (
            not _is_caption_class(element)
            or element.tag == "figcaption"
            or element in figcaption.iterdescendants()
            or any(_is_caption_class(d) for d in element.iterdescendants())
            or any(w in c for c in _classes(element) for w in CREDIT_CLASS_WORDS)
            or not clean(element.text_content())
        ):
            continue
        parent = element.getparent()
        if parent is not None and any(e is not element for e in _credit_elements(parent)):
            return element
    return None


def _printed_credit_line(figure: Any) -> Any:
    """The one line of text a captionless figure prints beside its photo, when it is printed as
    a photo's credit ("Credit: Jane Roe / Agency" in an unmarked label): else None."""
    texts = [
        e
        for e in figure.iterdescendants(*_CREDIT_LINE_TAGS)
        if clean(e.text_content()) and not any(clean(c.text_content()) for c in e)
    ]
    if len(texts) != 1 or clean(texts[0].text_content()) != clean(figure.text_content()):
        return None  # more text than the line: not the photo's credit alone
    line = clean(texts[0].text_content()) or ""
    if (
        len(line) > _MAX_CREDIT_CHARS
        or not _PHOTO_CREDIT_LINE_RE.match(line)
        or next(texts[0].iter("a"), None) is not None
    ):
        return None
    return texts[0]


def _bare_figure_text(figure: Any) -> str | None:
    """The text a ``<figure>`` prints loose beside its photo, in no element of its own
    ("<figure><a><img></a>Hotel staff at the premiere</figure>"): its caption, when short and
    all the text the figure holds; else None."""
    loose = [figure.text or ""] + [child.tail or "" for child in figure]
    text = clean(" ".join(loose)) or ""
    if not text or len(text) > _MAX_PRINTED_CAPTION_CHARS:
        return None
    if clean(figure.text_content()) != text:
        return None  # its children print text too: a caption of some other shape, or none
    return text


def _is_media_figure(figure: Any) -> bool:
    """A figure holding a player and no photo (WordPress audio block): its caption names audio."""
    players = next(figure.iter("audio", "video"), None)
    return players is not None and next(figure.iter(*IMAGE_TAGS), None) is None


def _player_caption(player: Any) -> str | None:
    """The caption of the figure an ``<audio>`` sits in, as the audio's label."""
    figure = next((a for a in player.iterancestors() if a.tag == "figure"), None)
    caption = figure.find(".//figcaption") if figure is not None else None
    return clean(caption.text_content()) if caption is not None else None


def _is_caption_class(element: Any) -> bool:
    return any(_is_caption_class_name(c) for c in _classes(element))


def _is_caption_class_name(name: str) -> bool:
    """A caption's class, not its wrapper's ("caption-wrap") nor a credit's ("credit-caption")."""
    marked = any(w in name for w in CAPTION_CLASS_WORDS) or any(
        p in CAPTION_CLASS_PARTS for p in _name_parts(name)
    )
    return marked and not (
        any(w in name for w in NOT_CAPTION_CLASS_WORDS)
        or name == "credit-caption"
        or _is_caption_part_credit(name)
    )


def _is_caption_part_credit(name: str) -> bool:
    """A caption box's credit part, a credit word after the caption word ("gal-caption-credit",
    "caption__copyright", "media-caption__source"): the credit of the caption beside it, never
    a caption itself."""
    words = [w for w in CAPTION_CLASS_WORDS if w in name]
    if not words:
        return False
    after = name[name.index(words[0]) + len(words[0]) :]
    return any(c in after for c in CREDIT_CLASS_WORDS) or bool(
        set(_name_parts(after)) & CREDIT_CLASS_PARTS
    )


def _is_date_line(text: str) -> bool:
    """Tell a line that is only a date ("March 18, 2015", "Mittwoch, 18.03.2015"): a gallery's
    dateline in its caption box, never a caption.

    >>> _is_date_line("March 18, 2015"), _is_date_line("The pier on March 18, 2015")
    (True, False)
    """
    tokens = text.split()
    return (
        any(c.isdigit() for c in text)
        and bool(tokens)
        and all(_DATE_WORD_RE.match(t) or re.fullmatch(r"[\d./-]+,?", t) for t in tokens)
    )


def _attribute_text(value: str | None) -> str | None:
    """An attribute's text: some CMSs put markup in it ("<em>The mast.</em>"), never kept."""
    if not value or not value.strip():
        return None
    return clean(lxml.html.fragment_fromstring(value, create_parent="div").text_content())


#: How many ancestors of the article the lead photo is looked for in: the grandparent holds
#: most (bostonglobe), a header beside the text's column sits four levels up (time), and a
#: story header above a column layout (column area > column > content area > body > text)
#: seven levels up; no heading or paragraph may stand between them (lead-photo-far-header).
LEAD_PHOTO_LEVELS = 7
#: The first this many scopes looked in (grandparent to fourth ancestor) hold the near lead
#: photos; a lead found further out is named lead-photo-far-header in ``--explain``.
LEAD_PHOTO_NEAR_LEVELS = 3


def _lead_figure(main: Any, positions: dict[int, int]) -> tuple[Any, str]:
    """The article's lead photo, printed just before it (bostonglobe, telegraph): the last
    captioned ``<figure>`` (or caption standing alone) before the article, looked for in its
    grandparent and up to ``LEAD_PHOTO_LEVELS`` ancestors (a page header beside the text), with
    no heading or paragraph between them and not inside a link (a teaser card); with it, the
    rules beyond the nearest scope that found it, for ``--explain`` ("" for none)."""
    scopes, scope = [], main
    for _ in range(LEAD_PHOTO_LEVELS):
        scope = scope.getparent() if scope.getparent() is not None else scope
        scopes.append(scope)
    scopes = scopes[1:]  # from the grandparent out
    start = positions[id(main)]
    # One pass over the widest scope: a candidate counts in the narrowest scope holding it (if
    # it is chrome there, it is chrome in every wider one); the narrowest scope with one wins,
    # and in it the last candidate before the article.
    found: tuple[int, Any] | None = None
    for f in scopes[-1].iter():
        if (
            positions[id(f)] >= start
            or not _is_lead_candidate(f)
            or main in f.iterdescendants()
            or any(a.tag == "a" for a in f.iterancestors())
        ):
            continue
        holders = {id(f)} | {id(a) for a in f.iterancestors()}
        level = next(n for n, s in enumerate(scopes) if id(s) in holders)
        if (found is None or level <= found[0]) and not _in_chrome(f, scopes[level]):
            found = (level, f)
    if found is None:
        return None, ""
    scope, lead = scopes[found[0]], found[1]
    notes = ["in a story header far above the text (lead-photo-far-header)"] * (
        found[0] >= LEAD_PHOTO_NEAR_LEVELS
    )
    inside = {id(e) for e in lead.iter()}
    between = [
        e
        for e in scope.iter("p", "h1", "h2", "h3", "h4")
        if positions[id(lead)] < positions[id(e)] < start
        and id(e) not in inside
        and main not in e.iterdescendants()
        and clean(e.text_content())
    ]
    # a widget's appeal between them ("Sign up for our newsletters") is no text of the story's:
    # the caption still stands over the article (lead-photo-past-chrome)
    if any(not _in_chrome(e, scope) for e in between):
        return None, ""
    if between:
        notes.append("past a widget's text (lead-photo-past-chrome)")
    return lead, "; ".join(notes)


#: A line printed as a photo's credit: a photo word and ":", "©" or "by" ("Image: ...", "Image
#: credit: ...", "Bild © ...", "Photo by ..."). A source line ("Quelle: dpa") names the text's
#: source, "Credits: ..." a programme's makers, and a line with "©" first ("© 2026 Radio X")
#: the site's copyright (the furniture rule copyright-line): none is a photo's.
_PHOTO_CREDIT_LINE_RE = re.compile(
    rf"(?:{vocabulary.alternation('credit_words')})(?:\s+(?:{vocabulary.alternation('credit_words')}))?"
    rf"\b\s*(?::|©|(?:{vocabulary.alternation('credit_by')})\s)",
    re.IGNORECASE,
)
#: A photo word opening a line, printed as a credit or not ("Image 3 of 12", "Photo booths ...").
_CREDIT_WORD_FIRST_RE = re.compile(
    rf"(?:{vocabulary.alternation('credit_words')})\b", re.IGNORECASE
)
#: How far above a credit line after the article's text the article's one photo is looked for
#: (the credit in the text's column, the photo above the column: three levels).
ARTICLE_END_CREDIT_LEVELS = 3
_CREDIT_LINE_TAGS = ("p", "div", "span", "small")


def _first_text_after(photo: Any) -> Any:
    """The block printing the first text after a photo in reading order (the text's nearest
    block-level element), or None when another photo, or nothing, comes first."""
    node: Any = photo
    while True:
        if (node.tail or "").strip():
            return None  # loose text right after it: no block of its own
        following = node.getnext()
        while following is None:
            node = node.getparent()
            if node is None:
                return None
            if (node.tail or "").strip():
                return None
            following = node.getnext()
        node = following
        for inner in node.iter():
            if not isinstance(inner.tag, str):
                continue
            if inner.tag in IMAGE_TAGS:
                return None
            if (inner.text or "").strip():
                return next(
                    (b for b in [inner, *inner.iterancestors()] if b.tag in _BLOCK_LEVEL), inner
                )
            if (inner.tail or "").strip() and inner is not node:
                return None  # text between the photo and any block: no caption block


#: "photo by Jane Roe" inside a credits line ("INTERVIEW BY A, PHOTO BY B"): group 1 the name.
_PHOTO_BY_RE = re.compile(
    rf"\b(?:{vocabulary.alternation('credit_words')})s?\s+(?:{vocabulary.alternation('credit_by')})"
    r"\s+([^,;|/()]{3,60}?)\s*(?:[,;|]|$)",
    re.IGNORECASE,
)


def _line_before(photo: Any) -> str | None:
    """The line of loose text printed right before a photo, between line breaks ("Interview by
    A, photo by B<br><br><img>"), or None when a block or nothing comes first, or when the line
    stands right under another photo: it is that photo's credit ("<img><br>Photo by A<br><img>")."""
    node: Any = photo
    while True:
        previous = node.getprevious()
        if previous is None:
            return None
        if (previous.tail or "").strip():
            return None if _follows_photo(previous) else clean(previous.tail)
        if previous.tag != "br":
            return None
        node = previous


def _follows_photo(node: Any) -> bool:
    """Tell a photo, or line breaks right after one, from other text before a line."""
    while node is not None:
        if node.tag in IMAGE_TAGS or next(node.iter(*IMAGE_TAGS), None) is not None:
            return True
        if node.tag != "br":
            return False
        node = node.getprevious()
        if node is not None and (node.tail or "").strip():
            return False
    return False


#: Class/id words (split at "-" and "_") of an author's picture: its name under it is a byline.
AUTHOR_PHOTO_WORDS: frozenset[str] = frozenset({"avatar", "author", "byline", "profile"})
#: How many levels above a photo an author card's class is looked for.
_AUTHOR_PHOTO_LEVELS = 3


def _is_author_photo(photo: Any) -> bool:
    """An author's avatar or card picture ("img.avatar", "div.author-card > img")."""
    return any(
        _class_parts(node) & AUTHOR_PHOTO_WORDS
        for node in [photo, *list(photo.iterancestors())[:_AUTHOR_PHOTO_LEVELS]]
    )


#: Endings of a photo file's path: a link to one opens the photo, not a page.
_PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")


def _links_to_photo(link: Any, text: str | None) -> bool:
    """A link around a photo that opens the photo itself (a larger size), not a page."""
    path = re.split(r"[?#]", link.get("href") or "", maxsplit=1)[0].strip().lower()
    return not text and path.endswith(_PHOTO_EXTENSIONS)


def _heading_before(photo: Any) -> Any:
    """The heading printed right before a photo (a gallery item's title over its photo), or
    None when other text, or no heading, comes first."""
    node: Any = photo
    while True:
        previous = node.getprevious()
        if previous is None:
            node = node.getparent()
            if node is None or (node.text or "").strip():
                return None
            continue
        if (previous.tail or "").strip():
            return None
        return previous if previous.tag in _HEADINGS else None


def _is_item_box(box: Any, heading: Any, base_url: str, seen: dict[int, bool]) -> bool:
    """A gallery item's own box: one photo, and no text but its heading and a credit or a link;
    each box is read once (``seen``), however many photos a gallery box holds."""
    if id(box) not in seen:
        seen[id(box)] = (
            len({_image_url(i, base_url) for i in box.iter(*IMAGE_TAGS)}) == 1
            and len(_text_without(box, [heading]) or "") <= _MAX_CREDIT_CHARS
        )
    return seen[id(box)]


def _text_after_photo_figures(
    article: Any,
    positions: dict[int, int],
    base_url: str,
    spare: Callable[[Any], bool],
    headlines: frozenset[str] = frozenset(),
) -> list[_Figure]:
    """Unmarked captions printed right under a photo, in the article or its column: the first
    text after the photo in reading order, a short block with no link, that repeats the photo's
    alt text ("LOOKING DIM ... Dimitar Berbatov was poor" under the photo of that alt) or is a
    printed credit line ("Image credit: Jane Roe"). The article's first paragraph after a lead
    photo is neither, nor a heading under it, nor the page's headline or standfirst over or
    under a photo whose alt repeats it (``headlines``: their keys): a CMS gives a story's lead
    photo the headline as its alt text (caption-after-photo)."""
    scope = article
    for _ in range(BESIDE_ARTICLE_LEVELS):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
    found: list[_Figure] = []
    item_boxes: dict[int, bool] = {}
    for photo in scope.iter(*IMAGE_TAGS):
        url = _image_url(photo, base_url)
        if (
            url is None
            or _in_chrome(photo, scope, spare)
            or any(
                a.tag == "li" or (a.tag == "a" and not _links_to_photo(a, clean(a.text_content())))
                for a in photo.iterancestors()
            )
            or _is_author_photo(photo)
        ):
            continue  # a teaser's or a logo's photo links to a page; an avatar shows the author
        alt = clean(photo.get("alt")) or ""
        heading = _heading_before(photo)
        box = heading.getparent() if heading is not None else None
        if (
            heading is not None
            and box is not None
            and len(alt) >= ALT_MIN_CHARS
            and _key(clean(heading.text_content()) or "") == _key(alt)
            and heading.tag != "h1"  # the page's headline over its lead photo
            and _key(alt) not in headlines
            and next(heading.iter("a"), None) is None
            and article not in heading.iterancestors()  # the text's own heading over a photo
            and _is_item_box(box, heading, base_url, item_boxes)
        ):
            # a gallery item: its title over the photo repeats the photo's alt text, and the
            # item's box prints nothing else but a credit or a link ("View Larger")
            image = Image(url=url, caption=clean(heading.text_content()))
            via = "a heading over a photo in its own box, repeating its alt text"
            found.append(_Figure(image, positions[id(heading)], via + " (caption-after-photo)"))
            continue
        line = _line_before(photo)
        named = _PHOTO_BY_RE.search(line) if line else None
        if named and structure.is_person_name(named.group(1)):
            # a credits line over the photo: "INTERVIEW BY JANE ROE, PHOTO BY JOHN DOE"
            image = Image(url=url, credit=clean(named.group(1)))
            via = "'photo by ...' in the credits line right over the photo (credit-line-over-photo)"
            found.append(_Figure(image, positions[id(photo)], via))
            continue
        block = _first_text_after(photo)
        if (
            block is None
            or article in block.iterdescendants()
            or block is article
            or any(
                _is_caption_markup(e) or e.tag in ("figure", "figcaption") or _is_image_object(e)
                for e in [*block.iter(), *block.iterancestors(), *photo.iterancestors()]
            )
        ):
            continue  # a figure's, a caption's or a credit's text: their own rules read it
        text = clean(block.text_content()) or ""
        if (
            len(text) > _MAX_PRINTED_CAPTION_CHARS
            or next(block.iter("a", *IMAGE_TAGS), None) is not None
            or _in_chrome(block, scope, spare)
        ):
            continue
        # a heading under a photo titles what follows it (the headline under the lead photo);
        # the article's own paragraph may repeat a lead photo's alt too: neither is a caption
        in_text = block.tag in _HEADINGS or (block.tag == "p" and article in block.iterancestors())
        if (
            len(alt) >= ALT_MIN_CHARS
            and _key(text) == _key(alt)
            and not in_text
            and _key(text) not in headlines
        ):
            image, how = Image(url=url, caption=text), "it repeats the photo's alt text"
        elif _is_credit_line_under_photo(text):
            image, how = Image(url=url, credit=_clean_credit(text)), "a printed credit line"
        else:
            continue
        via = f"the first text under a photo, {how} (caption-after-photo)"
        found.append(_Figure(image, positions[id(block)], via))
    return found


def _is_credit_line_under_photo(text: str) -> bool:
    """A short line that is a credit standing on its own: "Jane Roe/Agency", "Courtesy of ...",
    and a photo word only printed as a credit ("Image credit: ...", never "Image 3 of 12": a
    slide's counter, nor a first paragraph "Photo booths are back ..."); printed as a photo's
    credit, a longer name may follow ("Photo by League of Voters of Ohio, via Flickr")."""
    if len(text) <= _MAX_CREDIT_CHARS and _PHOTO_CREDIT_LINE_RE.match(text):
        return True
    if not CREDIT_LINE.fullmatch(text) or len(text.split()) > 8:
        return False
    return not _CREDIT_WORD_FIRST_RE.match(text) or bool(_PHOTO_CREDIT_LINE_RE.match(text))


def _article_end_credit(
    text: Any, found: list[_Figure], positions: dict[int, int], base_url: str
) -> list[_Figure]:
    """The credit printed after the article's text for its one photo ("Image: ...", "Bild ©
    ..." at the end of the story or in its own ``<footer>``), when no photo stands beside it:
    the page prints one photo around the text, and the nearest ancestor of the line holding
    it holds the text too (credit-article-end)."""
    start = positions[id(text)]
    holders = {id(text), *(id(a) for a in text.iterancestors())}
    scope = text
    for _ in range(ARTICLE_END_CREDIT_LEVELS):
        scope = scope.getparent() if scope.getparent() is not None else scope
    photos: dict[str, list[Any]] = {}
    for img in scope.iter(*IMAGE_TAGS):
        url = _image_url(img, base_url)
        if url and not (
            _in_chrome(img)
            or any(a.tag == "a" and clean(a.text_content()) for a in img.iterancestors())
        ):
            photos.setdefault(url, []).append(img)
    if len(photos) != 1:
        return []  # with two photos, which one the line credits is not printed
    # a player shows its poster twice (poster frame, audio frame): one photo
    [(url, images)] = photos.items()
    if any(f.image.url == url and f.image.credit for f in found):
        return []
    around_photo = {id(a) for img in images for a in img.iterancestors()}
    lines = [
        e
        for e in scope.iter(*_CREDIT_LINE_TAGS)
        if positions[id(e)] > start
        and _PHOTO_CREDIT_LINE_RE.match(clean(e.text_content()) or "")
        and len(clean(e.text_content()) or "") <= _MAX_CREDIT_CHARS
        and next(e.iter("a", *IMAGE_TAGS), None) is None
        and not any(
            a.tag in ("figure", "figcaption") or _is_caption_class(a) for a in e.iterancestors()
        )
        and not _in_chrome(e, spare=_is_article_footer)
    ]
    line_ids = {id(e) for e in lines}
    for line in lines:
        ancestors = list(line.iterancestors())
        if any(id(a) in line_ids for a in ancestors):
            continue  # the outermost element prints the line ("<p><span>Image:</span> ...")
        holder = next(
            (a for a in ancestors[: ARTICLE_END_CREDIT_LEVELS + 1] if id(a) in around_photo), None
        )
        credit = _clean_credit(clean(line.text_content()))
        if holder is None or id(holder) not in holders or credit is None:
            continue
        via = "a credit line after the article's text, for its one photo (credit-article-end)"
        return [_Figure(Image(url=url, credit=credit), positions[id(line)], via)]
    return []


def _is_article_footer(node: Any) -> bool:
    """An ``<article>``'s own ``<footer>``: its credit lines are the story's."""
    return node.tag == "footer" and next(node.iterancestors("article"), None) is not None


def _note_spared_chrome(
    found: list[_Figure],
    main: Any,
    text: Any,
    positions: dict[int, int],
    spare: Callable[[Any], bool],
) -> None:
    """Say in ``--explain`` which photos were taken under chrome that ``spare`` let pass (chrome
    around the whole article never hid them: it is not looked at)."""
    around = {id(main), *(id(a) for a in main.iterancestors())}
    at = {f.position for f in found}
    tree = text.getroottree().iter()
    elements = {positions[id(e)]: e for e in tree if positions.get(id(e)) in at}
    for fig in found:
        element = elements.get(fig.position)
        if element is None:
            continue
        spared = [
            n
            for n in [element, *element.iterancestors()]
            if id(n) not in around and _is_chrome(n) and spare(n)
        ]
        if spared:
            holds = text in spared[-1].iterdescendants()
            rule = "chrome-spared-text" if holds else "chrome-story-media"
            fig.via += f"; under chrome that is the story's own ({rule})"


def _figure_chrome_spared(text: Any) -> Callable[[Any], bool]:
    """Chrome that does not hide a photo: an element holding the article's text (the story
    inside a misnested ``<nav>``: chrome-spared-text), or the story's own media box named by
    ``STORY_MEDIA_CHROME_WORDS`` beside a media word, its own or its wrapper's ("related-photo",
    "story-related-media", a "gallery-embed" around a "gal-promo": chrome-story-media)."""
    holders = {id(text), *(id(a) for a in text.iterancestors())}

    def spared(node: Any) -> bool:
        if id(node) in holders:
            return True
        if node.tag == "aside" and _is_photo_aside(node):
            return True
        if node.tag in CHROME_TAGS or _is_hidden(node):
            return False
        words = _class_parts(node)
        parent = node.getparent()  # a gallery's box named in its wrapper ("gallery-embed")
        if parent is not None:
            words |= _class_parts(parent) & MEDIA_BOX_WORDS
        return not (words & CHROME_WORDS) - STORY_MEDIA_CHROME_WORDS and bool(
            words & MEDIA_BOX_WORDS
        )

    return spared


def _is_photo_aside(aside: Any) -> bool:
    """An ``<aside>`` that is one photo's box, floated beside the text (rule "photo-aside"): it
    holds one photo and a caption or credit class, and no text outside them, nor a link
    but one opening the photo itself ("<aside class=image><a href=photo.jpg><img></a>
    <p class=caption>..."). A sidebar or a teaser box prints text or links of its own."""
    shown = [
        i
        for i in aside.iter(*IMAGE_TAGS)
        if not any(a.tag == "noscript" for a in i.iterancestors())
    ]
    if len(shown) != 1:
        return False
    marked = [
        e
        for e in aside.iterdescendants()
        if (e.tag == "figcaption" or _is_caption_markup(e))
        and not any(a.tag == "figcaption" or _is_caption_markup(a) for a in e.iterancestors())
    ]
    if not marked or _text_without(aside, marked):
        return False
    return all(_opens_photo(link) for link in aside.iter("a") if link.get("href"))


def _opens_photo(link: Any) -> bool:
    """A link that opens the photo it holds: its file, or a lightbox ("#", "javascript:")."""
    href = (link.get("href") or "").strip()
    if href in ("", "#") or href.lower().startswith("javascript:"):
        return True
    return split_url(href).path.lower().endswith(_PHOTO_EXTENSIONS)


#: How far above a lone credit its photo may stand (span.credit in a caption wrapper beside
#: the <img>: two levels).
LONE_CREDIT_LEVELS = 2
#: A credit longer than this is text, not a photographer's or agency's name.
_MAX_CREDIT_CHARS = 120


def _lone_credit_image(element: Any, base_url: str) -> tuple[Image | None, str]:
    """The photo a lone credit stands beside, and how it was read; a caption printed before
    the credit in the same element ("The mast. Image: Getty") is split from it."""
    holder = element.getparent()
    for _ in range(LONE_CREDIT_LEVELS):
        if holder is None or _image_url(holder, base_url):
            break
        holder = holder.getparent()
    url = _image_url(holder, base_url) if holder is not None else None
    text, caption, how = clean(element.text_content()) or "", None, ""
    split = _split_printed_credit(text, after_caption=True)
    if split is not None:
        caption, text, name = split
        how = f"; {name}"
    credit = _clean_credit(text)
    if not (url and credit):
        return None, ""
    return Image(url=url, caption=caption, credit=credit), "a credit class beside a photo" + how


def _is_lone_credit(element: Any) -> bool:
    """A credit element outside any figure or caption (those read their own credits), the
    outermost of its kind, short, and not an article's byline."""
    if not isinstance(element.tag, str) or element.tag in ("small", "cite"):
        return False
    classes = _classes(element)
    marked = any(w in c for c in classes for w in CREDIT_CLASS_WORDS) or any(
        p in CREDIT_CLASS_PARTS for c in classes for p in _name_parts(c)
    )  # a class part too: "p.source" under a slide's photo (credit-class-part)
    if not marked or any("byline" in c for c in classes):
        return False
    if any(_class_parts(d) & AUTHOR_PHOTO_WORDS for d in element.iterdescendants()):
        return False  # an author's attribution box ("attribution" > "author"): a byline
    text = clean(element.text_content()) or ""
    if not text or len(text) > _MAX_CREDIT_CHARS:
        return False
    return not any(
        a.tag in ("figure", "figcaption")
        or _is_caption_class(a)
        or any(w in c for c in _classes(a) for w in CREDIT_CLASS_WORDS)
        or _is_image_object(a)
        for a in element.iterancestors()
    ) and not any(_is_caption_class(d) for d in element.iterdescendants())


#: ARIA attributes by which a photo names the element holding its caption.
ARIA_CAPTION_ATTRIBUTES: tuple[str, ...] = ("aria-describedby", "aria-labelledby")
#: An unmarked caption printed beside a photo is at most this long (a paragraph is longer),
#: and at most this many such texts follow the photo (a credit line, then the caption).
_MAX_PRINTED_CAPTION_CHARS = 400
_PRINTED_CAPTION_SIBLINGS = 2
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _is_photo_holder(element: Any) -> bool:
    """An ``<img>``, or an element holding one photo and no text (its wrapper or link)."""
    if not isinstance(element.tag, str):
        return False
    if element.tag in IMAGE_TAGS:
        return True
    # a lazy-loading theme repeats the photo in <noscript> for readers without scripts
    shown = [
        i
        for i in element.iter(*IMAGE_TAGS)
        if not any(a.tag == "noscript" for a in i.iterancestors())
    ]
    return len(shown) == 1 and not clean(element.text_content())


def _has_printed_credit(text: str) -> bool:
    """Text that is a credit line, or ends in one after its caption."""
    if CREDIT_LINE.fullmatch(text) and len(text.split()) <= 8:
        return True
    return _split_printed_credit(text, after_caption=True) is not None


def _split_printed_credit(text: str, after_caption: bool = False) -> tuple[str, str, str] | None:
    """Split a credit printed in a caption's text by the first of ``CAPTION_CREDIT_PATTERNS``
    that matches: (the caption before it, the credit, the rule's name), or None. With
    ``after_caption`` the credit must follow some caption text (a credit alone is no split)."""
    for name, pattern in CAPTION_CREDIT_PATTERNS:
        match = pattern.search(text)
        if match and (match.start() > 0 or not after_caption):
            return text[: match.start()].strip(), match.group(1), name
    return None


def _is_caption_markup(element: Any) -> bool:
    """A caption or credit class, or an ImageObject's caption or credit property."""
    return (
        _is_caption_class(element)
        or any(w in c for c in _classes(element) for w in CREDIT_CLASS_WORDS)
        or bool(_itemprops(element) & (CREDIT_ITEMPROPS | CAPTION_ITEMPROPS))
    )


def _is_credit_markup(element: Any) -> bool:
    """A credit class (by word or class part) or an ImageObject credit property."""
    classes = _classes(element)
    return (
        any(w in c for c in classes for w in CREDIT_CLASS_WORDS)
        or any(p in CREDIT_CLASS_PARTS for c in classes for p in _name_parts(c))
        or bool(_itemprops(element) & CREDIT_ITEMPROPS)
    )


def _has_marked_credit(element: Any) -> bool:
    """A credit class or property inside (not a byline: a lead photo's neighbour may be the
    article's byline)."""
    return any(
        _is_credit_markup(e)
        and not any("byline" in c for c in _classes(e))
        and 0 < len(clean(e.text_content()) or "") <= _MAX_CREDIT_CHARS
        for e in element.iterdescendants()
    )


def _is_printed_caption(element: Any) -> bool:
    """A short text right after a photo (or after another such text) that carries a credit,
    printed or marked inside it: the caption of a CMS that marks neither ``<figcaption>`` nor
    a caption class."""
    if (
        not isinstance(element.tag, str)
        or element.tag in _HEADINGS | {"figure", "figcaption"}
        or _is_caption_markup(element)
        or any(
            _is_caption_class(e) or _itemprops(e) & CAPTION_ITEMPROPS
            for e in element.iterdescendants()
        )
    ):
        return False  # marked captions and credits are read by their own rules
    text = clean(element.text_content()) or ""
    if (
        not text
        or len(text) > _MAX_PRINTED_CAPTION_CHARS
        or next(element.iter(*IMAGE_TAGS), None) is not None
    ):
        return False
    credited = _has_printed_credit(text) or _has_marked_credit(element)
    before = element.getprevious()
    for _ in range(_PRINTED_CAPTION_SIBLINGS):
        if before is None:
            return False
        if _is_photo_holder(before):
            # or the photo's title prints its credit ("... | Bildquelle: WDR"): the text after
            # it is the caption the credit belongs to (caption-after-titled-photo)
            return credited or (
                _is_plain_caption_text(element)
                and _is_plain_photo(before)
                and (
                    _photo_title_credit(before) is not None
                    or _credit_slot_after(element, before) is not None
                )
            )
        if not credited:
            return False
        text = clean(before.text_content()) or ""
        if not text or len(text) > _MAX_PRINTED_CAPTION_CHARS or not _has_printed_credit(text):
            return False
        before = before.getprevious()
    return False


def _is_lead_candidate(element: Any) -> bool:
    """A captioned ``<figure>``, or a caption standing on its own (a hero photo's
    ``<figcaption>`` or caption class outside any figure)."""
    if element.tag == "figure":
        return element.find(".//figcaption") is not None
    if not (
        element.tag == "figcaption"
        or _is_caption_class(element)
        or _is_printed_caption(element)
        or _is_lone_credit(element)
    ):
        return False
    return not any(a.tag == "figure" for a in element.iterancestors()) and bool(
        clean(element.text_content())
    )


def _figures(
    main: Any,
    positions: dict[int, int],
    base_url: str,
    text: Any = None,
    stated: tuple[str | None, ...] = (),
) -> list[_Figure]:
    """Find the main text's photos: ``<figure>``s and captioned images (class "caption").

    ``text`` is the element holding the article's text (``main`` when not given): chrome around
    it is the page's misnesting (an unclosed ``<nav>`` holding the story), not a photo's chrome.
    ``stated`` is the headline and standfirst the page's metadata gives: printed beside a photo
    whose alt repeats them, they are still the headline and standfirst.
    """
    found: list[_Figure] = []
    spare = _figure_chrome_spared(main if text is None else text)
    lead, lead_notes = _lead_figure(main, positions)
    if lead is not None and lead.tag != "figure":
        container = lead.getparent() if lead.getparent() is not None else lead
        if _is_lone_credit(lead):
            image, credit_how = _lone_credit_image(lead, base_url)
        else:
            image, credit_how = _figure_of(lead, container, base_url)
        if image is not None:
            via = (
                "the lead photo's caption just before the article"
                + (f", {lead_notes}" if lead_notes else "")
                + (f"; credit: {credit_how}" if credit_how else "")
            )
            found.append(_Figure(image, positions[id(lead)], via))
        lead = None
    for figure in ([lead] if lead is not None else []) + list(main.iter("figure")):
        if _in_chrome(figure, main, spare) or _is_media_figure(figure):
            continue
        caption_el = figure.find(".//figcaption")
        how = "<figure>'s <figcaption>"
        beside = _caption_beside_credit(figure, caption_el)
        if beside is not None:
            caption_el = beside
            how = "a caption class beside the photo's credit (caption-beside-credit)"
        if caption_el is None:
            # No <figcaption>, but a caption class inside (latimes: div.figure-caption).
            caption_el = next((e for e in figure.iterdescendants() if _is_caption_class(e)), None)
            how = "a caption class inside the <figure>"
        if caption_el is None:
            caption_el = next(
                (e for e in figure.iterdescendants() if _itemprops(e) & CAPTION_ITEMPROPS), None
            )
            how = "itemprop=caption inside the <figure>"
        via = "<figure> without a caption"
        if caption_el is not None:
            image, credit_how = _figure_of(caption_el, figure, base_url)
            line = _credit_after_figcaption(caption_el)
            if image is not None and image.credit is None and line is not None:
                image.credit = _clean_credit(clean(line.text_content()))
                credit_how = "the line after the <figcaption> (credit-after-figcaption)"
            via = how + (f"; credit: {credit_how}" if credit_how else "")
        else:
            url = _image_url(figure, base_url)
            credits = _credit_elements(figure)
            credit = _clean_credit(clean(credits[0].text_content())) if credits else None
            if credit:
                via = "<figure> without a caption; credit: credit/copyright class"
            elif (line := _printed_credit_line(figure)) is not None:
                credit = _clean_credit(clean(line.text_content()))
                via = "<figure> without a caption; credit: a printed credit line in it,"
                via += " 'Credit: ...' (credit-printed-in-figure)"
            bare = _bare_figure_text(figure) if url and not credit else None
            if bare is not None:
                split = _split_printed_credit(bare, after_caption=True)
                bare_text, credit = (split[0], _clean_credit(split[1])) if split else (bare, None)
                via = "the <figure>'s own text beside its photo (figure-bare-text)"
                image = Image(url=url, caption=bare_text, credit=credit)
            else:
                image = Image(url=url, credit=credit) if url or credit else None
        if image is not None:
            if figure is lead:
                via = (
                    "the lead <figure> just before the article"
                    + (f", {lead_notes}" if lead_notes else "")
                    + "; "
                    + via
                )
            found.append(_Figure(image, positions[id(figure)], via))
    for element in main.iter():
        if (
            not (_is_caption_class(element) or element.tag == "figcaption")
            or any(a.tag == "figure" for a in element.iterancestors())
            or any(_is_caption_class(d) for d in element.iterdescendants())
            or _in_chrome(element, main, spare)
        ):
            continue
        container = element.getparent() if element.getparent() is not None else element
        if not clean(element.text_content()) and not _credit_elements(container):
            # An empty caption beside the photo's credit (npr: div.credit-caption holds an
            # empty div.caption in its wrapper and span.credit): the photo has a credit alone.
            holder = container.getparent()
            container = holder if holder is not None and _credit_elements(holder) else container
        if _is_date_line(clean(element.text_content()) or ""):
            continue  # a gallery's dateline ("March 18, 2015"), the caption is beside it
        image, credit_how = _figure_of(element, container, base_url)
        if image is not None and (image.caption or image.credit):
            name = next(
                (f"caption class '{c}'" for c in _classes(element) if _is_caption_class_name(c)),
                "a <figcaption> beside the <figure>",
            )
            via = name + (f"; credit: {credit_how}" if credit_how else "")
            found.append(_Figure(image, positions[id(element)], via))
    for element in main.iter():
        # An unmarked caption printed after a photo, known by the credit it carries.
        if (
            not _is_printed_caption(element)
            or any(
                a.tag in ("figure", "figcaption") or _is_caption_class(a) or _is_image_object(a)
                for a in element.iterancestors()
            )
            or _in_chrome(element, main, spare)
        ):
            continue
        container = element.getparent() if element.getparent() is not None else element
        image, credit_how = _figure_of(element, container, base_url)
        slot = None  # the credit of "caption-credit-after-photo"
        if image is not None and not image.credit and image.caption:
            before = element.itersiblings(preceding=True)
            photo = next((p for p in before if _is_photo_holder(p)), None)
            image.credit = _photo_title_credit(photo) if photo is not None else None
            credit_how = "the photo's title or alt before it (caption-after-titled-photo)"
            slot = _credit_slot_after(element, photo) if photo is not None else None
            if not image.credit and slot is not None:
                image.credit = _clean_credit(clean(slot.text_content()))
                credit_how = "the credit slot after it in the photo's box"
                credit_how += " (caption-credit-after-photo)"
        if image is not None and image.credit:
            via = "an unmarked caption after a photo, with a printed credit: " + credit_how
            found.append(_Figure(image, positions[id(element)], via))
    ids = {
        e.get("id"): e for e in main.getroottree().iter() if isinstance(e.tag, str) and e.get("id")
    }
    for element in main.iter(*IMAGE_TAGS, "figure"):
        # A photo whose caption an ARIA attribute points at (aria-describedby="caption-1").
        targets = [
            ids[i]
            for a in ARIA_CAPTION_ATTRIBUTES
            for i in (element.get(a) or "").split()
            if i in ids
        ]
        url = _image_url(element, base_url)
        if not targets or url is None or _in_chrome(element, main, spare):
            continue
        target = targets[0]
        if len(clean(target.text_content()) or "") > _MAX_PRINTED_CAPTION_CHARS:
            continue
        image, credit_how = _figure_of(target, target, base_url)
        if image is not None and image.caption:
            image.url = url
            via = "the caption an aria-describedby/labelledby points at" + (
                f"; credit: {credit_how}" if credit_how else ""
            )
            found.append(_Figure(image, positions[id(target)], via))
    for element in main.iter():
        # A photo with a credit and no caption (npr: span.creditwrap beside the <img>).
        if not _is_lone_credit(element) or _in_chrome(element, main, spare):
            continue
        image, via = _lone_credit_image(element, base_url)
        if image is not None:
            found.append(_Figure(image, positions[id(element)], via))
    for element in main.iter():
        # schema.org ImageObject microdata outside a <figure>: its caption and credit properties.
        if (
            not _is_image_object(element)
            or element.tag == "figure"
            or any(a.tag == "figure" for a in element.iterancestors())
            or _in_chrome(element, main, spare)
        ):
            continue
        caption_el = next(
            (
                e
                for e in element.iterdescendants()
                if _itemprops(e) & CAPTION_ITEMPROPS and clean(e.text_content())
            ),
            None,
        )
        if caption_el is None:
            continue
        image, credit_how = _figure_of(caption_el, element, base_url)
        if image is not None and image.caption:
            via = "ImageObject microdata's caption" + (
                f"; credit: {credit_how}" if credit_how else ""
            )
            found.append(_Figure(image, positions[id(element)], via))
    for element in main.iter():
        # A caption kept in an attribute for a lightbox (data-caption on the <img> or its link).
        caption = _attribute_text(element.get("data-caption"))
        if caption is None or _in_chrome(element, main, spare):
            continue
        url = _image_url(element, base_url) or _attribute_image_url(element, base_url)
        if url is None:
            continue
        credit = _clean_credit(_attribute_text(element.get("data-credit")))
        image = Image(url=url, caption=caption, credit=credit)
        found.append(_Figure(image, positions[id(element)], "a data-caption attribute"))
    found += _beside_article_figures(main, positions, base_url, spare)
    found += _article_end_credit(main if text is None else text, found, positions, base_url)
    headlines = frozenset(_key(t) for t in stated if t)
    found += _text_after_photo_figures(main, positions, base_url, spare, headlines)
    _note_spared_chrome(found, main, main if text is None else text, positions, spare)
    _add_title_credits(found, main, base_url)
    return _merge_figures(found)


#: What parts a photo's title or alt into its caption and credit: "Caption | Agency/Jane Roe".
_TITLE_CREDIT_SEPARATOR = " | "


def _title_credit(value: str | None, caption: str | None) -> str | None:
    """The credit a photo's ``title`` or ``alt`` states: printed as a credit alone ("Rechte: ©
    WDR/Jane Roe"), or after the caption and a bar ("Caption | Bildquelle: Agency", "Caption |
    Agency/Jane Roe", the caption the one printed beside the photo); else None."""
    text = clean(value) or ""
    if not text:
        return None
    head, bar, tail = text.rpartition(_TITLE_CREDIT_SEPARATOR.strip())
    tail = tail.strip()
    printed = _PRINTED_CREDIT_START_RE.match(tail) is not None
    if not bar:
        return _clean_credit(text) if printed and len(text) <= _MAX_CREDIT_CHARS else None
    if not tail or len(tail) > _MAX_CREDIT_CHARS or not (printed or _reads_as_credit(tail)):
        return None
    head_key, caption_key = _key(head), _key(caption or "")
    if not printed and not (head_key and caption_key and head_key in caption_key):
        return None  # "Story | Site" names no credit unless the caption before it is the photo's
    return _clean_credit(tail)


def _is_plain_caption_text(element: Any) -> bool:
    """Text that may caption the photo before it without a credit of its own: in no link or
    list item (a teaser's headline, a player's label), holding no link or heading (a player's
    title), not a running time ("45:47")."""
    if any(
        a.tag == "li" or (a.tag == "a" and not _opens_photo(a)) or _is_player_link(a)
        for a in element.iterancestors()
    ):
        return False  # a lightbox's link ("#") around photo and caption is the photo's own
    if next(element.iter("a", *_HEADINGS), None) is not None:
        return False
    # one line: a box of several paragraphs ("Next episode on ...", "at 18:35") is no caption
    lines = [e for e in element.iter(*_PARAGRAPH_LEVEL) if clean(e.text_content())]
    if len([e for e in lines if e is not element]) > 1:
        return False
    return _MEDIA_INFO_RE.fullmatch(element.text_content() or "") is None


def _credit_slot_after(caption: Any, photo: Any) -> Any:
    """The credit line a photo box prints after its unmarked caption, its last element (rule
    "caption-credit-after-photo"): a React CMS's photo box is a photo, a caption and a credit
    ("<div><picture/></div><div>Caption</div><div>Agency</div>"), each in an element with a
    generated class. The box holds these three and nothing else, the photo is no avatar, and
    the credit reads as one, naming someone (a capitalised word; "1m 51s" is a transcript's
    timestamp, "8:09" a player's running time); else None (a photo above two paragraphs)."""
    parent = caption.getparent()
    if parent is None or (parent.text or "").strip():
        return None
    children = [c for c in parent if isinstance(c.tag, str)]
    if len(children) != 3 or children[0] is not photo or children[1] is not caption:
        return None
    slot = children[2]
    line = clean(slot.text_content()) or ""
    if slot.tag in _HEADINGS or next(slot.iter("a", *IMAGE_TAGS), None) is not None:
        return None
    if any((c.tail or "").strip() for c in children) or _is_author_photo(photo):
        return None
    if not re.search(r"(?<!\w)[A-ZÀ-ÖØ-Þ]\w", line):
        return None
    return slot if _reads_as_credit(line) else None


#: Class words of a link that starts a player over its photo ("a.mediaLink.video").
PLAYER_LINK_WORDS: frozenset[str] = frozenset({"video", "audio", "play", "player"})


def _is_player_link(element: Any) -> bool:
    return element.tag == "a" and bool(_class_parts(element) & PLAYER_LINK_WORDS)


def _is_plain_photo(holder: Any) -> bool:
    """A photo in no heading or link to elsewhere: an article's photo, not a teaser's or a
    show's logo ("<h3><a href=/show><img ...></a></h3>")."""
    if any(a.tag in _HEADINGS for a in holder.iterancestors()):
        return False
    nodes = [holder, *holder.iterdescendants(), *holder.iterancestors("a")]
    if any(n.tag in _HEADINGS for n in nodes):
        return False
    links = [n for n in nodes if n.tag == "a"]
    return all(_opens_photo(n) and not _is_player_link(n) for n in links if n.get("href"))


def _photo_title_credit(holder: Any) -> str | None:
    """The credit a photo's ``title`` or ``alt`` prints as one ("Rechte: © WDR", "Caption |
    Bildquelle: WDR"), the photo's or its photo-opening link's; else None."""
    for img in holder.iter(*IMAGE_TAGS):
        holders = [img, *(a for a in img.iterancestors("a") if _opens_photo(a))]
        stated = [h.get(name) for h in holders for name in ("title", "alt")]
        credit = next((c for v in stated if (c := _title_credit(v, None))), None)
        if credit:
            return credit
    return None


def _add_title_credits(found: list[_Figure], main: Any, base_url: str) -> None:
    """Give a photo found without a credit the credit its ``<img>``'s ``title`` or ``alt``
    states (rule "credit-in-photo-title"): broadcasters' CMSs print the caption beside the
    photo and keep "caption | credit" in the photo's attributes only."""
    photos: dict[str, list[Any]] = {}
    for img in main.iter(*IMAGE_TAGS):
        url = _image_url(img, base_url)
        if url:
            photos.setdefault(url, []).append(img)
    for fig in found:
        image = fig.image
        if image.credit or not image.url:
            continue
        for img in photos.get(image.url, []):
            holders = [img, *(a for a in img.iterancestors("a") if _opens_photo(a))]
            stated = [h.get(name) for h in holders for name in ("title", "alt")]
            credit = next((c for v in stated if (c := _title_credit(v, image.caption))), None)
            if credit:
                image.credit = credit
                fig.via += "; credit: the photo's title or alt (credit-in-photo-title)"
                break


def _merge_figures(found: list[_Figure]) -> list[_Figure]:
    """Merge the figures that are one photo, in page order: the first earlier figure with the
    same caption, or with the same photo unless both have a caption (one photo, two captions).
    Earlier figures are looked up by caption and by photo, not scanned (pages with hundreds of
    gallery photos)."""
    merged: list[_Figure] = []
    by_caption: dict[str, int] = {}  # a caption: the first merged figure with it
    by_url: dict[str, list[int]] = {}  # a photo: the merged figures with it
    for fig in sorted(found, key=lambda f: f.position):
        caption, url = fig.image.caption, fig.image.url
        candidates = [by_caption[caption]] if caption and caption in by_caption else []
        if url:
            candidates += [
                n for n in by_url.get(url, ()) if not (caption and merged[n].image.caption)
            ]
        if not candidates:
            merged.append(fig)
            number = len(merged) - 1
        else:
            number = min(candidates)
            same = merged[number]
            credits = [c for c in (same.image.credit, fig.image.credit) if c]
            if len(credits) == 2 and _key(credits[1]) not in _key(credits[0]):
                same.image.credit = "; ".join(credits)  # a credit line and one in the caption
            else:
                same.image.credit = credits[0] if credits else None
            same.image.url = same.image.url or fig.image.url
            same.image.caption = same.image.caption or fig.image.caption
        kept = merged[number].image
        if kept.caption and by_caption.get(kept.caption, number) >= number:
            by_caption[kept.caption] = number
        if kept.url and number not in by_url.setdefault(kept.url, []):
            by_url[kept.url].append(number)
    return merged


#: How many levels above the article a captioned photo beside its text is looked for: older
#: CMSs print the photo box next to the text's element in the same column (an "inlineImage"
#: beside "articleBody", a story header's lead photo above the text's own element). Inside an
#: ``<article>`` that holds the text's element, that whole ``<article>`` is looked in instead.
BESIDE_ARTICLE_LEVELS = 3
#: How many levels above its caption a photo beside the article may stand (caption, its box,
#: the box's wrapper).
_BESIDE_PHOTO_LEVELS = 3


def _photo_box(element: Any, article: Any, base_url: str) -> Any:
    """The nearest ancestor of a caption outside the article that holds a photo, or None."""
    for holder in list(element.iterancestors())[:_BESIDE_PHOTO_LEVELS]:
        if article in holder.iterdescendants():
            return None  # the photo box may not hold the article: its photos are the text's
        if _image_url(holder, base_url):
            return holder
    return None


def _beside_article_figures(
    article: Any,
    positions: dict[int, int],
    base_url: str,
    spare: Callable[[Any], bool] | None = None,
) -> list[_Figure]:
    """Captioned photos printed beside the article's text, outside its element: a caption or
    credit class (or a ``<figcaption>``) in a box with the photo, within ``BESIDE_ARTICLE_LEVELS``
    of the article, not chrome and not a teaser (inside a link, a list item or an ``<article>``
    that is not the text's own)."""
    scope = next((a for a in article.iterancestors() if a.tag == "article"), article)
    for _ in range(BESIDE_ARTICLE_LEVELS if scope is article else 0):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
    inside = {id(e) for e in article.iter()}
    found: list[_Figure] = []
    for element in scope.iter():
        if id(element) in inside or not isinstance(element.tag, str):
            continue
        lone_credit = _is_lone_credit(element)
        if not (lone_credit or _is_caption_class(element) or element.tag == "figcaption"):
            continue
        text = clean(element.text_content()) or ""
        ancestors = list(element.iterancestors())
        ancestors = ancestors[: ancestors.index(scope)] if scope in ancestors else ancestors
        if (
            not text
            or len(text) > _MAX_PRINTED_CAPTION_CHARS
            or any(_is_caption_class(d) for d in element.iterdescendants())
            or any(
                a.tag in ("a", "li") or (a.tag == "article" and article not in a.iterdescendants())
                for a in ancestors
            )
            or _in_chrome(element, scope, spare)
        ):
            continue
        box = _photo_box(element, article, base_url)
        if box is None:
            continue
        if lone_credit:
            image, how = _lone_credit_image(element, base_url)
        else:
            container = element.getparent()
            image, how = _figure_of(element, container, base_url)
        if image is None:
            continue
        image.url = _image_url(box, base_url)
        via = "a captioned photo beside the article's text (caption-beside-article)" + (
            f"; credit: {how}" if how else ""
        )
        found.append(_Figure(image, positions[id(element)], via))
    return found


#: Sizes a CDN writes into a photo's file name ("fill.size_1248x702"): the same photo at
#: another size has another name.
_IMAGE_SIZE_RE = re.compile(r"\d+x\d+|\.(?:jpe?g|png|gif|webp|avif)$")


def _photo_name(url: str) -> str:
    """A photo's file name without its size and extension, to know it at any size."""
    name = split_url(url).path.rsplit("/", 1)[-1].lower()
    return _IMAGE_SIZE_RE.sub("", name)


def _add_stated_captions(
    figures: list[_Figure],
    stated: list[Image],
    doc: Any,
    positions: dict[int, int],
    base_url: str,
) -> list[_Figure]:
    """Add the JSON-LD ImageObjects' captions whose photo the page prints and the markup left
    uncaptioned (a site logo's ImageObject is printed nowhere in the article)."""
    given = [_key(f"{f.image.caption or ''} {f.image.credit or ''}") for f in figures]
    added = list(figures)
    for image in stated:
        name = _photo_name(image.url or "")
        text = _key(image.caption or image.credit or "")
        if len(name) < 4 or not text or any(text in g or (g and g in text) for g in given):
            continue
        printed = next(
            (
                img
                for img in doc.iter(*IMAGE_TAGS)
                if not _in_chrome(img)
                and (url := _image_url(img, base_url))
                and _photo_name(url) == name
            ),
            None,
        )
        if printed is None:
            continue
        same = next((f for f in added if f.image.url and _photo_name(f.image.url) == name), None)
        if same is not None and same.image.caption is None:
            same.image.caption = image.caption
            same.image.credit = same.image.credit or image.credit
            same.via += "; caption from its JSON-LD ImageObject"
        elif same is None:
            via = "JSON-LD ImageObject caption, its photo printed on the page"
            added.append(_Figure(replace(image), positions[id(printed)], via))
    return sorted(added, key=lambda f: f.position)


def _add_placed_image_objects(
    figures: list[_Figure],
    placed: list[tuple[Any, Image]],
    article: Any,
    positions: dict[int, int],
    base_url: str,
) -> list[_Figure]:
    """Add the captions and credits of the JSON-LD ImageObjects printed beside the article's
    photos (rule "imageobject-beside-photo"): the object's script stands in the photo's own
    box, inside the article and outside its chrome, and the box holds that one photo (a
    teaser list's box holds several, or links to other pages). A photo already found keeps
    what it has and gains what it lacks."""
    added = list(figures)
    for box, stated in placed:
        if not (stated.caption or stated.credit) or id(box) not in positions:
            continue
        if article not in box.iterancestors() or _in_chrome(box, article):
            continue
        shown = [
            i
            for i in box.iter(*IMAGE_TAGS)
            if not any(a.tag == "noscript" for a in i.iterancestors())
        ]
        links = [a for a in box.iter("a") if a.get("href") and not _opens_photo(a)]
        url = _image_url(box, base_url)
        if len(shown) != 1 or links or url is None:
            continue
        via = "its JSON-LD ImageObject beside the photo (imageobject-beside-photo)"
        same = next((f for f in added if f.image.url == url), None)
        if same is None:
            image = Image(url=url, caption=stated.caption, credit=stated.credit)
            added.append(_Figure(image, positions[id(box)], via))
        elif not (same.image.caption and same.image.credit):
            same.image.caption = same.image.caption or stated.caption
            same.image.credit = same.image.credit or stated.credit
            same.via += f"; {via}"
    return sorted(added, key=lambda f: f.position)


# --- audio -----------------------------------------------------------------------------------


def _audio_mime(url: str) -> str | None:
    mime = mime_from_url(url)
    return None if mime == _VIDEO_MIME else mime


def _link_context(link: Any) -> str:
    """The words offering a link: its parent's when short and about this link only."""
    parent = link.getparent()
    if parent is not None:
        links = [a for a in parent.iter("a") if _audio_mime(a.get("href") or "")]
        text = clean(parent.text_content()) or ""
        if len(links) == 1 and len(text) <= _MAX_CONTEXT_CHARS:
            return text
    return clean(f"{link.text_content()} {link.tail or ''}") or ""


def _audio_key(url: str) -> tuple[str, str]:
    """Same host and file name: the same recording behind different tracking paths (Podlove)."""
    parts = split_url(url)
    return parts.netloc.lower().removeprefix("www."), parts.path.rsplit("/", 1)[-1]


def _stem(url: str | None) -> str:
    """A file name without extension: the same recording in another format shares it."""
    return _audio_key(url or "")[1].rsplit(".", 1)[0]


def _audio(
    doc: Any,
    main: Any,
    positions: dict[int, int],
    base_url: str,
    stated: list[tuple[AudioRef, str]],
    passed_over: list[Reason] | None = None,
) -> list[_Audio]:
    """Collect audio from ``<audio>``, audio links and the page's metadata; best first.

    Another story's player or download link in a teaser card is appended to ``passed_over``
    (``--explain``), not used (rule "audio-teaser-player").
    """
    main_ids = {id(e) for e in main.iter()}
    found: list[_Audio] = []
    in_player_chrome: list[_Audio] = []  # used only when nothing else is found
    listed = _episode_list_items(doc, base_url)
    for element in doc.iter("audio", "source", "a"):
        into = found
        teaser = _in_teaser(element)
        if teaser or _in_items(element, listed):
            target = (element.get("href" if element.tag == "a" else "src") or "").strip()
            if passed_over is not None and target and (element.tag != "a" or _audio_mime(target)):
                why = (
                    "another story's player in a teaser card, not used (audio-teaser-player)"
                    if teaser
                    else "another episode's player in a list of episodes, each with its own"
                    " link, not used (audio-episode-list)"
                )
                passed_over.append(Reason("audio", join_url(base_url, target), why))
            continue
        if _in_chrome(element):
            if _in_chrome(element, spare=_is_player_chrome):
                continue
            into = in_player_chrome
        position = positions[id(element)]
        in_main = id(element) in main_ids
        if element.tag == "a":
            href = (element.get("href") or "").strip()
            mime = _audio_mime(href)
            if not href or mime is None:
                continue
            context = _link_context(element)
            ref = parse_download_text(context) or AudioRef(label=clean(element.text_content()))
            ref.url, ref.mime_type = join_url(base_url, href), mime
            if ref.label and re.match(r"^(?:https?:|www\.|/)", ref.label):
                ref.label = None  # the link prints its own address
            via = "link to an audio file"
            into.append(_Audio(ref, position, in_main, True, via + _chrome_note(into, found)))
        else:
            src = (element.get("src") or "").strip()
            if element.tag == "source" and element.getparent().tag != "audio":
                continue
            if not src:
                continue
            declared = element.get("type") or ""
            mime = mime_from_url(src) or (declared if declared.startswith("audio/") else None)
            ref = AudioRef(
                url=join_url(base_url, src), mime_type=mime, label=_player_caption(element)
            )
            via = f"<{element.tag} src>" + _chrome_note(into, found)
            into.append(_Audio(ref, position, in_main, False, via))
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.tag in ("audio", "source", "img"):
            continue
        for name in AUDIO_DATA_ATTRIBUTES:
            value = (element.get(name) or "").strip()
            if (
                _URL_VALUE_RE.match(value)
                and _audio_mime(value)
                and not _in_chrome(element)
                and not _in_teaser(element)
                and not _in_items(element, listed)
            ):
                ref = AudioRef(url=join_url(base_url, value), mime_type=_audio_mime(value))
                in_main = id(element) in main_ids
                entry = _Audio(ref, positions[id(element)], in_main, False, f"{name} attribute")
                found.append(entry)
                break
    last = len(positions)
    found += [_Audio(replace(r), last, False, False, via) for r, via in stated if r.url]
    found = found or in_player_chrome

    merged: dict[tuple[str, str], _Audio] = {}
    for entry in found:
        key = _audio_key(entry.ref.url or "")
        if key not in merged:
            merged[key] = entry
            continue
        _merge_audio(merged[key], entry)
    ordered = sorted(
        merged.values(),
        key=lambda a: (not a.in_main, a.ref.mime_type != "audio/mpeg", a.position),
    )
    return ordered


def _audio_target(element: Any) -> str | None:
    """The audio file an ``<audio>``, its ``<source>`` or a link plays, or None."""
    if element.tag == "a":
        href = (element.get("href") or "").strip()
        return href if href and _audio_mime(href) else None
    if element.tag == "source" and element.getparent().tag != "audio":
        return None
    return (element.get("src") or "").strip() or None


def _episode_list_items(doc: Any, base_url: str) -> set[int]:
    """The ids of the items of lists of other episodes (rule "audio-episode-list").

    A sidebar or archive list "more episodes" sets up one player or download link per item,
    beside the item's own titled link to that episode's page: those files are the other
    episodes', never this page's. The list is found from each file up: the first ancestor whose
    parent holds other items with other files is an item of a list. Its items are teasers only
    when at least ``EPISODE_LIST_MIN_ITEMS`` of one kind (tag) are short and each links by name
    to another page; a list of one episode's parts (part 1, part 2) links to no other page, and
    the page's own player in a list item has no other item with audio beside it.
    """
    files: dict[int, set[tuple[str, str]]] = {}  # element id -> the files under it
    players: list[Any] = []
    for element in doc.iter("audio", "source", "a"):
        target = _audio_target(element)
        if target is None:
            continue
        players.append(element)
        key = _audio_key(join_url(base_url, target))
        for node in [element, *element.iterancestors()]:
            files.setdefault(id(node), set()).add(key)
    if len(players) < EPISODE_LIST_MIN_ITEMS:
        return set()
    own = split_url(base_url)
    listed: set[int] = set()
    judged: set[int] = set()  # parents whose items were judged
    for element in players:
        for node in [element, *element.iterancestors()]:
            parent = node.getparent()
            if parent is None:
                break
            items = [c for c in parent if id(c) in files]
            if len(items) < 2 or len(set().union(*(files[id(c)] for c in items))) < 2:
                continue  # no other file beside it (a <source> and its fallback link)
            if id(parent) not in judged:
                judged.add(id(parent))
                teasers = [c for c in items if _is_episode_teaser(c, base_url, own)]
                tags = Counter(c.tag for c in teasers)
                listed |= {id(c) for c in teasers if tags[c.tag] >= EPISODE_LIST_MIN_ITEMS}
            break  # the first list up is the one the file is an item of
    return listed


def _is_episode_teaser(item: Any, base_url: str, own: Any) -> bool:
    """Tell a short list item that links by name to another page of the site."""
    if len((item.text_content() or "").split()) > EPISODE_ITEM_MAX_WORDS:
        return False
    for link in item.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#") or _audio_mime(href) or not clean(link.text_content()):
            continue
        url = split_url(join_url(base_url, href))
        if not url.scheme.startswith("http"):
            continue
        host = url.netloc.lower().removeprefix("www.")
        same_site = not own.netloc or host == own.netloc.lower().removeprefix("www.")
        if same_site and url.path.rstrip("/") != own.path.rstrip("/"):
            return True
    return False


def _in_items(element: Any, items: set[int]) -> bool:
    """Tell whether an element is one of ``items`` or inside one."""
    return bool(items) and any(id(n) in items for n in [element, *element.iterancestors()])


def _is_player_chrome(node: Any) -> bool:
    """Chrome marked only by ``PLAYER_CHROME_WORDS`` classes (a share bar, a page builder's
    widget): it may wrap the page's own player."""
    if node.tag in CHROME_TAGS or _is_hidden(node):
        return False
    words = {part for c in _classes(node) for part in re.split(r"[-_]", c)}
    return not words & (CHROME_WORDS - PLAYER_CHROME_WORDS)


#: Attributes in which a script player is given the id of what it streams, no file
#: (``data-assetid="urn:...:audio:..."``), on an element whose ``data-mediatype`` is "audio".
PLAYER_ID_ATTRIBUTES: tuple[str, ...] = ("data-assetid", "data-urn", "data-media-id")


def _player_id(doc: Any, base_url: str) -> tuple[str, str] | None:
    """The first id a page's players stream by, with where it was found (rule "audio-player-id").

    We publish files only: an id is reported (``--explain``), so a producer knows the page has
    its audio in a player and needs the file from its station; it is never ``Segment.audio``.
    Read on every page without audio: the attributes are looked at before any ancestor walk.
    """
    own_id = split_url(base_url).path.rstrip("/").rsplit("/", 1)[-1]
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        if (element.get("data-mediatype") or "").lower() == "audio":
            value, name = next(
                ((v, n) for n in PLAYER_ID_ATTRIBUTES if (v := (element.get(n) or "").strip())),
                ("", ""),
            )
            if value and not _in_teaser(element):
                return value, f"a player's {name}"
        elif element.tag == "a" and own_id:
            href = (element.get("href") or "").strip()
            url = join_url(base_url, href) if href else ""
            # the page's own play link only when its address ends with the same id
            # ("/programmes/m000qx9p"); other episodes' cards link to theirs
            play = PLAY_PAGE_RE.search(split_url(url).path) if is_play_page(url) else None
            mine = play is not None and play.group(1) == own_id
            if mine and not _in_teaser(element) and not _in_chrome(element):
                return url, "a link to the episode's play page"
    return None


def _chrome_note(into: list[_Audio], found: list[_Audio]) -> str:
    if into is found:
        return ""
    return " in a share bar or widget, the page's only audio (audio-player-chrome)"


def _in_teaser(element: Any) -> bool:
    """Tell an element inside a card teasing another story (``TEASER_WORDS``)."""
    return any(
        part in TEASER_WORDS
        for node in [element, *element.iterancestors()]
        for c in _classes(node)
        for part in re.split(r"[-_]", c)
    )


def _script_audio(doc: Any) -> list[AudioRef]:
    """Audio files named in inline scripts' JSON (players' settings), with a size beside them.

    Players' JSON in a ``data-*`` attribute counts too (transistor's ``data-episodes``). Read
    before scripts go; JSON-LD is ``htmlmeta``'s. Each is a last resort after the page's
    players and links, and merges with them when it names the same file. A player inside a
    teaser card (``TEASER_WORDS``) is another story's and is skipped.
    """
    found: list[AudioRef] = []
    texts = [
        s.text or ""
        for s in doc.iter("script")
        if (s.get("type") or "").lower() != "application/ld+json" and not _in_teaser(s)
    ]
    texts += [
        value
        for e in doc.iter()
        if isinstance(e.tag, str)
        for name, value in e.attrib.items()
        if name.startswith("data-") and value.lstrip()[:1] in ("[", "{") and not _in_teaser(e)
    ]
    for text in texts:
        matches = [(m, m.group(1)) for m in _SCRIPT_AUDIO_RE.finditer(text)]
        matches += [(m, m.group(2)) for m in _SCRIPT_AUDIO_VARIABLE_RE.finditer(text)]
        for match, address in matches:
            url = address.replace("\\/", "/").replace("\\u002F", "/")
            if any(ref.url == url for ref in found):
                continue
            around = text[
                max(0, match.start() - _SCRIPT_OBJECT_CHARS) : match.end() + _SCRIPT_OBJECT_CHARS
            ]
            size = _SCRIPT_SIZE_RE.search(around)
            found.append(
                AudioRef(
                    url=url,
                    mime_type=_audio_mime(url),
                    size_bytes=int(size.group(1)) if size else None,
                )
            )
    return found


#: Words of a page address too common to tell one story's audio from another's.
_SLUG_MIN_LETTERS = 4


def _by_page_slug(refs: list[AudioRef], page_url: str) -> list[tuple[AudioRef, int]]:
    """Order a script's audio files by how many words of the page's slug each names, most first.

    A page's state often lists the related stories' audio beside its own; the page's own file
    is usually named after its slug (".../2016/12/roof-verdict" -> ".../roof_verdict.mp3").

    >>> refs = [AudioRef(url="https://x.org/a/other_story.mp3"),
    ...         AudioRef(url="https://x.org/a/20161214_roof_verdict.mp3")]
    >>> [(r.url.rsplit("/", 1)[1], n) for r, n in _by_page_slug(refs, "https://x.org/roof-verdict")]
    [('20161214_roof_verdict.mp3', 2), ('other_story.mp3', 0)]
    """
    path = split_url(page_url).path.rstrip("/")
    slug = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    words = {w for w in re.split(r"[\W_]+", slug) if len(w) >= _SLUG_MIN_LETTERS and w.isalpha()}

    def hits(ref: AudioRef) -> int:
        name = (ref.url or "").lower()
        return sum(w in name for w in words)

    scored = [(ref, hits(ref)) for ref in refs]
    return sorted(scored, key=lambda pair: -pair[1])


def _merge_audio(kept: _Audio, other: _Audio) -> None:
    """Fill what one mention of a file lacks from another; a download link's URL wins."""
    ref, new = kept.ref, other.ref
    if other.from_link and not kept.from_link:
        ref.url, kept.from_link = new.url, True
    if new.label and (
        ref.label is None or (_offers_download(new.label) and not _offers_download(ref.label))
    ):
        ref.label = new.label
    if ref.size_bytes is None and new.size_bytes is not None:
        ref.size_bytes, ref.size_is_estimate = new.size_bytes, new.size_is_estimate
    ref.mime_type = ref.mime_type or new.mime_type
    ref.duration_seconds = ref.duration_seconds or new.duration_seconds
    kept.in_main = kept.in_main or other.in_main
    if other.via and other.via not in kept.via:
        kept.via = f"{kept.via}; also {other.via}" if kept.via else other.via
    kept.position = min(kept.position, other.position)


def _offers_download(label: str) -> bool:
    return label.lower().startswith(vocabulary.words("download_words"))


# --- blocks ----------------------------------------------------------------------------------


def _blocks(
    items: list[_Item],
    figures: list[_Figure],
    title: str | None,
    main: Any,
    reasons: list[Reason] | None = None,
    page_url: str = "",
) -> list[Block]:
    """Turn extracted items into blocks; captions go where their figure stands.

    A question that is a link to another page is kept as text, with a "question" reason when
    ``reasons`` is given. A paragraph or heading that is only a link to another of the site's
    pages (``page_url``'s) is a teaser for it and dropped.
    """
    caption_keys: set[str] = set()
    for fig in figures:
        cap, credit = fig.image.caption or "", fig.image.credit or ""
        caption_keys |= {_key(cap), _key(credit), _key(f"{cap} {credit}")}
    caption_keys.discard("")
    title_key = _key(title or "")
    headline_keys = _headline_keys(title or "")

    # Text found only inside <nav>, <footer>, <aside>... is chrome even when it is all there is.
    inside_chrome_tag = any(a.tag in CHROME_TAGS for a in [main, *main.iterancestors()])
    stop = None if inside_chrome_tag else main
    kept: list[_Item] = []
    last_position: int | None = None  # an item not found in the page stands after the last
    for item in items:
        if item.position is None:
            item.position = last_position
        last_position = item.position
        text = item.text
        key = _key(text)
        if not key or key in caption_keys or key in {_key(c) for c in CONTROL_TEXTS}:
            continue
        if item.kind == "heading" and (key == title_key or _repeats_headline(text, headline_keys)):
            continue
        if _LABEL_ONLY_RE.match(text) and len(text.split()) <= 4:
            continue
        if item.audio_texts and _only_audio(text, item.audio_texts):
            continue
        if item.inner is not None and _in_chrome(item.inner, stop):
            continue
        if _only_tag_links(text, item.links):
            continue
        if item.kind in ("paragraph", "heading") and _teaser_link(text, item.links, page_url):
            continue
        if item.kind == "list_item" and _teaser_item(text, item.links, page_url):
            continue
        kept.append(item)

    bold_only = [_is_bold_heading(item) for item in kept]
    # A bold label is a speaker when it recurs ("McKelvey:" answers every question); a one-off
    # run-in label ("Background:", "Step one:") stays text for the structurer to judge.
    labels = Counter(split[0] for item in kept if (split := _split_label(item.runs)) is not None)
    speakers = {label for label, count in labels.items() if count >= 2}
    styles = [_emphasis(item) for item in kept]
    listed = _numbered_items(kept, styles)
    unlisted = [
        (st, i) for n, (st, i) in enumerate(zip(styles, kept, strict=True)) if n not in listed
    ]
    asked = sum(i.kind == "heading" and i.text.endswith("?") for _, i in unlisted)
    asked_in_headings = asked >= QUESTION_HEADINGS_MIN
    asking = Counter(st for st, i in unlisted if st and i.text.endswith("?"))
    prompt_style = next(
        (st for st in ("bold", "italic", "quote") if asking[st] >= QUESTION_HEADINGS_MIN), None
    )
    # "<p><strong>You said the game lost its way.</strong></p><p>Alex Evans: Focus ...</p>":
    # bold statements that a speaker's label answers, twice or more, are the page's prompts.
    before_turns = {
        n
        for n, item in enumerate(kept[:-1])
        if styles[n] == "bold"
        and item.text.endswith(SENTENCE_ENDINGS)
        and kept[n + 1].kind == "paragraph"
        and styles[n + 1] is None
        and structure.speaker_label(kept[n + 1].text) is not None
    }
    if len(before_turns) < QUESTION_HEADINGS_MIN:
        before_turns = set()
    seen_question = False
    blocks: list[Block] = []
    pending = sorted((f for f in figures if f.image.caption), key=lambda f: f.position)
    for n, item in enumerate(kept):
        while pending and item.position is not None and pending[0].position < item.position:
            blocks.extend(_caption_blocks(pending.pop(0)))
        noted = len(reasons) if reasons is not None else 0
        alone = not (n > 0 and bold_only[n - 1]) and not (n + 1 < len(kept) and bold_only[n + 1])
        classified = _classify(
            item, bold_only[n] and alone, speakers, asked_in_headings=asked_in_headings
        )
        if n in listed:
            classified = [Block(text=item.text, kind="heading", level=item.level)]
            if reasons is not None and item.text.endswith("?"):
                rule = "kept as text: a numbered list's item, most of them statements (qa-listicle)"
                reasons.append(Reason("question", item.text, rule))
        elif classified[0].kind == "question" and _links_away(classified[0].text, item.links):
            # "<strong>Lire : <a>Que sont les IMSI-catchers ?</a></strong>": another article.
            classified[0] = Block(text=item.text)
            if reasons is not None:
                rule = "kept as text: a link to another page (qa-teaser-link)"
                reasons.append(Reason("question", item.text, rule))
        elif asked_in_headings and seen_question and _heading_prompt(item, classified):
            # Among question headings, "<h3>Erzählen Sie von dem Sonntag.</h3>" asks too.
            classified = [Block(text=item.text, kind="question")]
            if reasons is not None:
                rule = "a statement heading among question headings (qa-heading-prompt)"
                reasons.append(Reason("question", item.text, rule))
        elif n in before_turns and _plain(classified):
            classified = [Block(text=item.text, kind="question")]
            if reasons is not None:
                rule = "a bold statement a speaker's label answers (qa-bold-prompt-before-turn)"
                reasons.append(Reason("question", item.text, rule))
        elif prompt_style and styles[n] == prompt_style and _plain(classified):
            # Print interviews set every prompt alike: "<p><em>Pourquoi la radio ?</em></p>", and
            # among bold questions "<p><strong>Erzählen Sie.</strong></p>" asks too.
            follows = n + 1 < len(kept) and kept[n + 1].kind == "paragraph"
            answered = follows and styles[n + 1] != prompt_style
            rule = None
            if item.text.endswith("?") and answered:
                rule = f"one of the page's questions in {prompt_style} (qa-emphasis-question)"
            elif seen_question and answered and item.text.endswith(PROMPT_ENDINGS):
                rule = (
                    f"a statement in {prompt_style} like the page's questions (qa-emphasis-prompt)"
                )
            if rule is not None:
                classified = [Block(text=item.text, kind="question")]
                if reasons is not None:
                    reasons.append(Reason("question", item.text, rule))
        told = reasons is not None and any(r.field == "question" for r in reasons[noted:])
        if item.run_in and classified[0].kind == "question" and reasons is not None and not told:
            rule = "a bold prompt run into its answer, split from it (qa-run-in-question)"
            reasons.append(Reason("question", classified[0].text, rule))
        seen_question = seen_question or any(b.kind == "question" for b in classified)
        blocks.extend(classified)
    for fig in pending:
        blocks.extend(_caption_blocks(fig))
    return blocks


#: How a prompt that asks no question ends: "Erzählen Sie.", "Et la télévision…", "Zum Schluss:".
PROMPT_ENDINGS = (".", "…", ":", "!")
#: A prompt's endings that close a sentence (a label's colon aside).
SENTENCE_ENDINGS = (".", "…", "!")


def _heading_prompt(item: _Item, classified: list[Block]) -> bool:
    return (
        item.kind == "heading"
        and classified[0].kind == "heading"
        and item.text.endswith(PROMPT_ENDINGS)
        and len(item.text.split()) <= structure.QUESTION_MAX_WORDS
    )


#: A list item's number before its headline: "4 Can AI enhance jobs?", "4. ...", "4) ...".
_LIST_NUMBER_RE = re.compile(r"(\d{1,2})[.)]?\s+\S")
#: Numbered headlines a list has at least before its numbers are read as a list's.
LIST_MIN_ITEMS = 3


def _numbered_items(kept: list[_Item], styles: list[str | None]) -> set[int]:
    """The indices of a numbered list's headlines, set as headings or in bold and numbered 1, 2,
    3 ... in order, when fewer than half of them ask (rule "qa-listicle"): a newsletter's "10
    things" whose third asks is no interview; numbered questions ("1. Why radio?") still ask.

    >>> items = [_Item("heading", [_Run(t)]) for t in ("1 Apple buys", "2 Is it over?", "3 Rain")]
    >>> sorted(_numbered_items(items, [None] * 3))
    [0, 1, 2]
    """
    found: list[int] = []
    for n, item in enumerate(kept):
        match = _LIST_NUMBER_RE.match(item.text)
        if not match or not (item.kind == "heading" or styles[n] == "bold"):
            continue
        if int(match.group(1)) == len(found) + 1:
            found.append(n)
    asking = sum(kept[n].text.endswith("?") for n in found)
    if len(found) < LIST_MIN_ITEMS or 2 * asking >= len(found):
        return set()
    return set(found)


def _emphasis(item: _Item) -> str | None:
    """Return "bold" or "italic" for a paragraph wholly set that way, "quote" for a blockquote's
    paragraph, else None."""
    runs = _visible(item.runs)
    if item.kind == "quote":
        return "quote"
    if item.kind != "paragraph" or not runs:
        return None
    if all(r.bold for r in runs):
        return "bold"
    return "italic" if all(r.italic for r in runs) else None


def _plain(blocks: list[Block]) -> bool:
    """Tell whether an item became one unlabelled paragraph or heading (nothing the markup said)."""
    plain = ("paragraph", "heading", "quote")
    return len(blocks) == 1 and blocks[0].kind in plain and not blocks[0].speaker


def _links_away(text: str, links: list[tuple[str, str]]) -> bool:
    """Tell whether a question is a link's text, at most behind a short label ("Lire :")."""
    rest = text
    for link_text, _href in links:
        link = clean(link_text) or ""
        if len(link.split()) >= 3 and link in rest:
            rest = rest.replace(link, " ")
    rest = rest.strip()
    return rest != text.strip() and (not rest or (rest.endswith(":") and len(rest.split()) <= 3))


def _caption_blocks(fig: _Figure) -> list[Block]:
    blocks = [Block(text=fig.image.caption or "", kind="caption")]
    if fig.image.credit:
        blocks.append(Block(text=fig.image.credit, kind="credit"))
    return blocks


def _only_audio(text: str, audio_texts: list[str]) -> bool:
    """Tell whether a block only offers audio ("mp3 (30 MB)", "Download audio")."""
    rest = text
    for link_text in audio_texts:
        rest = rest.replace(link_text, " ")
    rest = _DURATION_TEXT_RE.sub(" ", _SIZE_TEXT_RE.sub(" ", rest))
    words = [w for w in re.split(r"\W+", rest.lower()) if w and w not in AUDIO_VERBS]
    return len(words) <= 2


#: A teaser: the link's words, at most this many words beside them (a label "Lire :", a kicker).
TEASER_LABEL_MAX_WORDS = 4
#: A link of fewer words is a name or a source, not another article's headline.
TEASER_LINK_MIN_WORDS = 4


def _site(url: str) -> str:
    """The site of an address: its host without "www." and subdomains ("www.lemonde.fr")."""
    labels = split_url(url).netloc.lower().rsplit("@", 1)[-1].split(":")[0].split(".")
    # "heraldsun.com.au", "bbc.co.uk": a short second-level label belongs to the suffix.
    keep = 3 if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _other_page_of_the_site(target: str, page_url: str) -> bool:
    """Tell a web page of the page's own site other than the page itself (no audio file)."""
    if split_url(target).scheme not in ("http", "https") or _audio_mime(target):
        return False
    same_page = split_url(target).path.rstrip("/") == split_url(page_url).path.rstrip("/")
    return _site(target) == _site(page_url) and not same_page


#: An episode's or a list's number before a headline: "24. Wer hat das Zebra bepinselt?".
_HEADLINE_NUMBER_RE = re.compile(r"^\s*\d{1,4}[.):]\s+")
#: Words of a label a page prints before its headline repeated over a gallery or a player
#: ("Bildergalerie <headline>", "Video: <headline>"), at most.
HEADLINE_LABEL_MAX_WORDS = 2
#: Words a headline has at least for a heading repeating it to be taken for it: a short one
#: ("Why?") may be a section's own.
HEADLINE_MIN_WORDS = 3


def _headline_keys(title: str) -> set[str]:
    """The keys (``_key``) the page's headline is printed under: as stated, without its number."""
    if len(title.split()) < HEADLINE_MIN_WORDS:
        return set()
    return {k for k in (_key(title), _key(_HEADLINE_NUMBER_RE.sub("", title))) if k}


def _repeats_headline(text: str, headline_keys: set[str]) -> bool:
    """Tell a heading that is the page's headline again, without its number or behind a short
    label (rule "headline-repeated"): never a section's heading, nor a question it asks.

    >>> keys = _headline_keys("24. Who painted the zebra?")
    >>> _repeats_headline("Gallery Who painted the zebra?", keys), _repeats_headline(
    ...     "Who painted the zebra?", keys)
    (True, True)
    >>> _repeats_headline("So who painted the zebra again?", keys)
    False
    """
    words = text.split()
    return any(
        _key(" ".join(words[n:])) in headline_keys
        for n in range(min(HEADLINE_LABEL_MAX_WORDS, len(words) - 1) + 1)
    )


def _teaser_link(text: str, links: list[tuple[str, str]], page_url: str) -> bool:
    """Tell a block that is one link to another of the site's articles ("Lire : <a>...</a>").

    The link's text is the block, at most behind a short label or kicker; it points to another
    page of the page's own site (a relative address, or the same site). A show's notes linking
    out to a book or a guest's site are other sites: they stay.

    >>> _teaser_link("Lire : Que sont les IMSI-catchers ?", [(
    ...     "Que sont les IMSI-catchers ?", "/pixels/article/imsi.html")], "https://a.fr/x")
    True
    >>> _teaser_link("The Book of Radio by Jane Roe", [(
    ...     "The Book of Radio by Jane Roe", "https://books.example/radio")], "https://a.fr/x")
    False
    """
    if not page_url:
        return False
    # Nested refs repeat a link, relative or absolute.
    distinct = {(clean(t) or "", join_url(page_url, h.strip())) for t, h in links}
    if len(distinct) != 1:
        return False
    link_text, target = distinct.pop()
    if len(link_text.split()) < TEASER_LINK_MIN_WORDS or link_text not in text:
        return False
    rest = text.replace(link_text, " ").strip(" >»›:|-–—")
    if len(rest.split()) > TEASER_LABEL_MAX_WORDS or len(rest) >= len(link_text):
        return False
    return _other_page_of_the_site(target, page_url)


def _teaser_item(text: str, links: list[tuple[str, str]], page_url: str) -> bool:
    """Tell a list entry that opens with a link to another of the site's articles, its teaser
    after it ("<li><a>Diplomatie</a> <a>Des frappes qui rebattent les cartes</a><p>...</p>").

    >>> _teaser_item("Why the strike lasts so long The union said no.", [(
    ...     "Why the strike lasts so long", "/2015/why.html")], "https://a.fr/x")
    True
    >>> _teaser_item("The union said no to the strike. Why?", [(
    ...     "the strike", "/2015/why.html")], "https://a.fr/x")
    False
    """
    if not page_url or not links:
        return False
    targets = {join_url(page_url, h.strip()) for _t, h in links}
    if len(targets) != 1:
        return False
    target = targets.pop()
    words = [clean(t) or "" for t, _h in links]
    if max(len(w.split()) for w in words) < TEASER_LINK_MIN_WORDS or not text.startswith(words[0]):
        return False
    return _other_page_of_the_site(target, page_url)


def _only_tag_links(text: str, links: list[tuple[str, str]]) -> bool:
    """Tell whether a block is only links to tag or category pages (a topic list)."""
    tags = [t for t, href in links if TAG_LINK_RE.search(href)]
    if not tags:
        return False
    rest = text
    for link_text in tags:
        rest = rest.replace(clean(link_text) or "", " ")
    return not _key(rest) or (rest.strip().endswith(":") and len(rest.split()) <= 2)


def _visible(runs: list[_Run]) -> list[_Run]:
    return [r for r in runs if r.text.strip()]


def _is_bold_heading(item: _Item) -> bool:
    """A short, wholly bold paragraph without end punctuation reads as a topic heading."""
    runs = _visible(item.runs)
    text = item.text
    return (
        item.kind == "paragraph"
        and bool(runs)
        and all(r.bold for r in runs)
        and len(text.split()) <= _HEADING_MAX_WORDS
        and not text.endswith((".", "?", "!", ":", ","))
    )


def _split_label(runs: list[_Run]) -> tuple[str, list[_Run]] | None:
    """Split a leading label the markup sets apart ("<strong>Rick:</strong> ...") from the rest."""
    runs = [r for r in runs if r.text]
    while runs and not runs[0].text.strip():
        runs = runs[1:]
    if len(runs) < 2:
        return None
    first, rest = runs[0], runs[1:]
    follower = next((r for r in rest if r.text.strip()), None)
    if (
        follower is None
        or not first.bold
        or (first.bold, first.italic) == (follower.bold, follower.italic)
    ):
        return None
    label = first.text.strip()
    if label.endswith(":"):
        label = label[:-1].strip()
    else:
        head = "".join(r.text for r in rest).lstrip()
        if not head.startswith(":"):
            return None
        rest = [_Run(head[1:], follower.bold, follower.italic)]
    marker = label.lower() in structure.QUESTION_LABELS | structure.ANSWER_LABELS
    if not _SPEAKER_RE.match(label) or (label.lower() in NOT_SPEAKERS and not marker):
        return None
    return label, rest


def _classify(
    item: _Item, heading_ok: bool, speakers: set[str], asked_in_headings: bool = False
) -> list[Block]:
    """Give an item its block kind: heading, question, speaker line, quote, list item.

    ``speakers`` are the bold labels that recur on the page; a question's label (who asks,
    "<strong><em>Mashable</em>: ...?</strong>") and "Q:"/"A:" count even once. With
    ``asked_in_headings`` (several headings end in "?") a heading ending in "?" is a question.
    """
    text = item.text
    if item.kind == "heading" and asked_in_headings and text.endswith("?"):
        return [Block(text=text, kind="question")]
    if item.kind in ("heading", "list_item"):
        return [Block(text=text, kind=item.kind, level=item.level)]
    if item.speaker is not None:
        return [Block(text=text, speaker=item.speaker)]
    runs = _visible(item.runs)
    speaker = None
    split = _split_label(item.runs)
    if split is not None:
        label, rest_runs = split
        rest = clean("".join(r.text for r in rest_runs)) or ""
        marker = label.lower() in structure.QUESTION_LABELS | structure.ANSWER_LABELS
        asks = rest.endswith("?") and all(r.bold for r in _visible(rest_runs))
        if label in speakers or marker or asks:
            speaker, runs, text = label, _visible(rest_runs), rest
    kind: BlockKind = item.kind
    if speaker and speaker.lower() in structure.QUESTION_LABELS:
        return [Block(text=text, kind="question")]
    if speaker and speaker.lower() in structure.ANSWER_LABELS:
        return [Block(text=text)]
    if kind == "paragraph" and runs and all(r.bold for r in runs):
        if text.endswith("?"):
            return [_question(text, speaker)]
        if heading_ok and speaker is None:
            return [Block(text=text, kind="heading")]
    return [Block(text=text, kind=kind, speaker=speaker)]


def _question(text: str, speaker: str | None = None) -> Block:
    """Return a question block without the "Q:" label a bold run kept in its text."""
    label, colon, rest = text.partition(":")
    if speaker is None and colon and rest.strip() and label.lower() in structure.QUESTION_LABELS:
        text = rest.strip()
    return Block(text=text, kind="question", speaker=speaker)


# --- the show box -----------------------------------------------------------------------------


def _show_lines(doc: Any) -> tuple[list[str], Schedule | None]:
    """Read "Hosted by ..." and "Airs ..." lines from anywhere but page chrome (the show box).

    The same line patterns as the text reader's header (``segments.importers.text``); the first of
    each wins. Airtime text the parser cannot read is kept as text, nothing guessed.
    """
    hosts: list[str] = []
    schedule: Schedule | None = None
    for element in doc.iter(*_SHOW_LINE_TAGS):
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_LEVEL - {"br"} for c in element):
            continue
        for line in _break_lines(element):  # "Host: A<br>Guest: B" is two lines
            if len(line) > _MAX_CONTEXT_CHARS:
                continue
            host = HOST_LINE.fullmatch(line)
            airs = AIRTIME_LINE.fullmatch(line) and re.search(r"\d|noon|midnight", line, re.I)
            if not (host or airs) or _in_chrome(element):
                continue
            if host and not hosts:  # "Hosted by the people of ..." names nobody
                names = split_names(host.group("value"))
                hosts = [n for n in names if structure.is_person_name(n)]
            elif airs and schedule is None:
                try:
                    schedule = parse_airtimes(line)
                except ScheduleError:
                    schedule = Schedule(text=line)
    return hosts, schedule


def _break_lines(element: Any) -> list[str]:
    """Return an element's text split at its ``<br>`` elements, each line cleaned."""
    pieces: list[str] = []

    def walk(node: Any) -> None:
        if node.tag == "br":
            pieces.append("\n")
        elif isinstance(node.tag, str) and node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(element)
    return [line for part in "".join(pieces).split("\n") if (line := clean(part))]


# --- metadata fallbacks ----------------------------------------------------------------------


class _TitleFacts:
    """What the page prints that its title is chosen from, each read from the page once (the
    title is chosen twice: with and without the sites its logos link home to)."""

    def __init__(self, doc: Any, extracted: Any) -> None:
        self.doc = doc
        self.extracted = extracted

    @cached_property
    def raw_page_title(self) -> str | None:
        """``<title>`` as found (None without one), decoded once more if it was encoded twice."""
        return decode_title(cast("str | None", self.doc.findtext(".//title")))

    @cached_property
    def page_title(self) -> str:
        return clean(self.raw_page_title) or ""

    @cached_property
    def h1s(self) -> list[Any]:
        return list(self.doc.iter("h1"))

    @cached_property
    def h1_cleaned(self) -> list[str | None]:
        """Each ``<h1>``'s text, None for an empty one."""
        return [decode_title(clean(h.text_content())) for h in self.h1s]

    @cached_property
    def h1_texts(self) -> list[str]:
        return [t for t in self.h1_cleaned if t]

    @cached_property
    def site_title_keys(self) -> set[str]:
        """The keyed texts of elements classed "site-title" (a blog's name)."""
        return {_key(e.text_content()) for e in self.doc.iter() if "site-title" in _classes(e)}

    @cached_property
    def headline_class_texts(self) -> list[str | None]:
        return [
            clean(e.text_content())
            for e in self.doc.iter("h1", "h2")
            if any(c in HEADLINE_CLASSES for c in _classes(e))
        ]

    @cached_property
    def printed_text(self) -> str:
        return _printed_text(self.doc)

    @cached_property
    def title_class_keys(self) -> set[str]:
        """Keyed texts of elements whose class has "title" and names no site (``_printed_side``)."""
        return {
            _key(clean(e.text_content()) or "")
            for e in self.doc.iter()
            if any("title" in c for c in _classes(e))
            and not any(w in c for c in _classes(e) for w in _SITE_CLASS_WORDS)
        } - {""}

    @cached_property
    def body_key(self) -> str:
        body = self.doc.find(".//body")
        return _key(body.text_content()) if body is not None else ""


def _guessed_site_name(facts: _TitleFacts) -> str | None:
    """trafilatura's guess of the site's name, unless it is the headline (rule
    "site-name-is-title"): an ``<h1>`` classed as a title, not a site's ("node-story-title")."""
    guess = clean(getattr(facts.extracted, "sitename", None))
    if guess is None:
        return None
    headlines = {
        _key(clean(h.text_content()) or "")
        for h in facts.h1s
        if any("title" in c for c in _classes(h))
        and not any(w in c for c in _classes(h) for w in _SITE_CLASS_WORDS)
    }
    return None if _key(guess) in headlines else guess


def _headline(facts: _TitleFacts, meta: Any, site_names: list[str]) -> tuple[str | None, str]:
    """The article's title: the stated one, the page's, then a headline element; a title that
    only names the site (a blog's ``<h1>``, a bare og:title) is passed over when another exists.
    """
    names = {_key(n) for n in [*site_names, meta.show_title or ""] if n} - {""}
    names |= facts.site_title_keys
    first = (meta.title, meta.title_source or "page metadata")
    candidates = [
        _stated_title_printed(meta, facts, names) or first,
        _title_from_page(facts, site_names),
    ]
    candidates += [(t, "a headline class") for t in facts.headline_class_texts]
    candidates += [(t, "the page's <h1>") for t in facts.h1_cleaned]
    own = next(((t, r) for t, r in candidates if t and _key(t) not in names), None)
    confirmed = _title_confirmed_by_h1(facts, site_names)
    if own is not None and confirmed and _key(confirmed) not in names:
        printed = _key(" ".join(filter(None, [facts.raw_page_title, *facts.h1_texts])))
        stated, shown = _key(own[0]), _key(confirmed)
        if stated not in printed and shown not in stated:  # printed nowhere, and not longer
            return confirmed, "<title> and <h1> agree (the stated title is printed in neither)"
    if own is not None and (deck := _headline_over_deck(own[0], facts, names)) is not None:
        return deck, f"the page's one <h1>, {own[1]} printed under it as its deck (title-deck)"
    printed_headline = _printed_headline(own, meta, facts, names) if own is not None else None
    if printed_headline is not None:
        return printed_headline
    if own is not None and (printed_h1 := _h1_at_one_end(own[0], facts.h1s, names)):
        return (
            printed_h1,
            f"{own[1]}, cut to the <h1> it starts or ends with (the rest names the site)",
        )
    if own is not None:
        if own[1] != candidates[0][1] and candidates[0][0]:
            return own[0], f"{own[1]} (the stated title only names the site)"
        return own
    return next(((t, r) for t, r in candidates if t), (None, ""))


def _headline_over_deck(title: str, facts: _TitleFacts, names: set[str]) -> str | None:
    """The page's one ``<h1>`` when the title found is the deck printed right under it (rule
    "title-deck"): a magazine states its standfirst, often cut, as og:title and ``<title>``
    ("A ghostly quasiparticle ... could unlock quantum computing's potential") under a short
    printed headline ("The quantum phantom"). The deck is the ``<h1>``'s next element, a
    heading or paragraph, that starts with the title and goes on. An ``<h1>`` that ``<title>``'s
    template prints beside the stated title names the programme ("Sass: So isst der Norden").
    """
    heading = _one_headline(facts.h1s, names)
    h1 = next((h for h in facts.h1s if clean(h.text_content())), None)
    if heading is None or h1 is None or _key(heading) == _key(title):
        return None
    deck = h1.getnext()
    if deck is None or deck.tag not in ("h2", "h3", "p", "div") or (h1.tail or "").strip():
        return None
    words = _title_words(heading)
    if words and words <= _title_words(facts.raw_page_title or "") - _title_words(title):
        return None  # <title>'s template names the <h1>: a programme's or site's name
    text, stated = _key(deck.text_content()), _key(title)
    if not stated or len(stated) <= len(_key(heading)):
        return None
    # the stated title is the deck cut short: a deck printed whole may be the episode's headline
    return heading if text.startswith(stated) and len(text) > len(stated) else None


def _stated_title_printed(meta: Any, facts: _TitleFacts, names: set[str]) -> tuple[str, str] | None:
    """Of the titles a page states that disagree (a JSON-LD headline written for search, an
    og:title for sharing), the one the page prints as an ``<h1>`` headline (rule
    "title-stated-printed"): the reader's headline is the article's. None when the first
    stated title is printed, or none is.
    """
    if not meta.title:
        return None
    headings = {
        _key(text)
        for h in facts.h1s
        if any(c in HEADLINE_CLASSES for c in _classes(h)) and (text := _one_headline([h], names))
    }
    if _key(meta.title) in headings:
        return None
    first = meta.title_source or "page metadata"
    for title, why in meta.stated_titles:
        if _key(title) in headings:
            return title, f"{why}, printed as an <h1>, over the {first} (title-stated-printed)"
    # The stated titles disagree with each other and none is printed: each was written for
    # its channel (search, sharing), and the one headline the page prints is the article's.
    stated = {_key(t) for t, _ in meta.stated_titles if _key(t)}
    heading = _one_headline(facts.h1s, names)
    titled = [
        h for h in facts.h1s if any("title" in c or c in HEADLINE_CLASSES for c in _classes(h))
    ]
    shown = _key(clean(titled[0].text_content()) or "") if len(titled) == 1 else ""
    printed = any(_key(t) in facts.printed_text for t, _ in meta.stated_titles)
    if len(stated) >= 2 and heading is not None and shown == _key(heading) and not printed:
        why = "the page's one title-classed <h1>: the titles stated for search and sharing"
        return heading, f"{why} disagree and neither is printed (title-stated-printed)"
    return None


#: Words of at least this many letters carry a title's sense; shorter ones ("the", "of", "les",
#: "der") are its grammar in every language, and two titles sharing only those still disagree.
TITLE_WORD_MIN_LETTERS = 4
#: A stated title sharing at most this many such words with the printed headline disagrees
#: with it completely ("Explaining the Findings of Transit Accessibility Research" over
#: "Maintenance on Silver's Transit Line").
TITLE_DISAGREES_MAX_SHARED = 1


def _title_words(text: str) -> set[str]:
    """The words of a title that carry its sense (``TITLE_WORD_MIN_LETTERS``), case-folded."""
    return {w for w in re.split(r"\W+", text.casefold()) if len(w) >= TITLE_WORD_MIN_LETTERS}


def _printed_text(doc: Any) -> str:
    """The text a reader sees in the page's body (no scripts, styles or templates), keyed."""
    body = doc.find(".//body")
    if body is None:
        return ""
    skip = ("script", "style", "noscript", "template")
    return _key(
        " ".join(
            t
            for e in body.iter()
            if isinstance(e.tag, str) and e.tag not in skip
            for t in (e.text, *(c.tail for c in e))
            if t
        )
    )


def _printed_headline(
    own: tuple[str, str], meta: Any, facts: _TitleFacts, names: set[str]
) -> tuple[str, str] | None:
    """The page's one ``<h1>`` headline, when the title found disagrees with it and says less
    about the page than what it prints (rule "title-printed-headline"):

    - a title stated in metadata (og:title, JSON-LD) and in ``<title>`` that shares at most one
      word of sense with the headline (``TITLE_DISAGREES_MAX_SHARED``) and is printed nowhere
      on the page: written for search and sharing, or naming another piece (a site's index
      title), while the reader sees the ``<h1>``;
    - with no title stated, a ``<title>`` that spells out every word of the headline at more
      length ("Detroit Tigers vs. Kansas City Royals - Preview - April 16, 2012" over
      "Tigers-Royals Preview"): the template's index line of the page.

    An ``<h1>`` that ``<title>``'s template prints beside the stated title ("Eintopf aus Bremen |
    NDR - Rainer Sass - So isst der Norden" over "Sass: So isst der Norden") names the programme
    or the site, not the page. A ``<title>`` alone that disagrees with the ``<h1>`` wins, and so
    does a stated title when ``<title>`` says a third thing (Readability's order: what the page
    states for itself is its own, an ``<h1>`` may be a section's or a sample's).
    """
    heading = _one_headline(facts.h1s, names)
    if heading is None:
        return None
    title, words, printed = own[0], _title_words(heading), _title_words(own[0])
    if _key(heading) in _key(title) or _key(title) in _key(heading):
        return None  # one is the other with more: the site's, a section's (``_h1_at_one_end``)
    if meta.title and title == meta.title:
        if _key(title) not in _key(facts.raw_page_title or ""):
            return None  # three titles: the metadata is the page's own (Readability's order)
        if len(words & printed) > TITLE_DISAGREES_MAX_SHARED or _key(title) in facts.printed_text:
            return None
        if words and words <= _title_words(facts.raw_page_title or "") - printed:
            return None  # <title>'s template names the <h1>: the programme's or site's
        why = f"{own[1]}, <title> too, disagrees with the page's one <h1> and is printed nowhere"
    elif meta.title is None and len(words) >= 2 and words <= printed:
        why = "the page's one <h1>, whose every word <title> spells out at more length"
    else:
        return None
    return heading, f"{why}: the <h1> (title-printed-headline)"


def _one_headline(h1s: list[Any], names: set[str]) -> str | None:
    """The text of the page's one ``<h1>``, when it is a headline: not the site's name or logo,
    not a link, not in navigation or a sidebar, not ending in a colon (a promo box's "A message
    from our founder:" introduces what follows it; rule "title-h1-introduces")."""
    headings = [h for h in h1s if clean(h.text_content())]
    if len(headings) != 1:
        return None
    heading = headings[0]
    if any(a.tag in ("nav", "aside", "footer", "a") for a in heading.iterancestors()):
        return None
    if heading.find(".//a") is not None or heading.find(".//img") is not None:
        return None
    if any(w in c for c in _classes(heading) for w in _SITE_CLASS_WORDS):
        return None
    text = clean(heading.text_content())
    if text and text.endswith(":"):
        return None
    return text if text and _key(text) and _key(text) not in names else None


#: What stands between a title's headline and the site, section or date beside it: a bar, a
#: dash, a colon ("n+1: Treasure Island"), a comma ("Show with Host, 22/01/2021").
_TITLE_PART_RE = re.compile(r"^[\s|\-–—:·«»,/]*[|\-–—:·«»,/][\s|\-–—:·«»,/]*$")


def _h1_at_one_end(title: str, h1s: list[Any], names: set[str]) -> str | None:
    """The page's one ``<h1>`` headline when the stated title is that headline with more beside
    it ("Dirty Coal, Clean Future - Magazine", "BBC Radio 1 - Show, 22/01/2021"): the part the
    page does not print as its headline is the site, a section or a date.

    An ``<h1>`` naming the site, printing a logo or a link, or one of several, is left alone.
    """
    headings = [
        h
        for h in h1s
        if not any(w in c for c in _classes(h) for w in _SITE_CLASS_WORDS)
        and h.find(".//img") is None
        and h.find(".//a") is None
    ]
    if len(headings) != 1 or len(h1s) != 1:
        return None
    heading = clean(headings[0].text_content())
    if not heading or _key(heading) in names or not _key(heading):
        return None
    stated = " ".join(title.split())
    folded, head = stated.casefold(), heading.casefold()
    if folded == head:
        return None
    if folded.startswith(head):
        rest = stated[len(heading) :]
        gap = re.match(r"^[\s|\-–—:·«»,/]+", rest)
    elif folded.endswith(head):
        rest = stated[: -len(heading)]
        gap = re.search(r"[\s|\-–—:·«»,/]+$", rest)
    else:
        return None
    if gap is None or not _TITLE_PART_RE.match(gap.group(0)) or not _key(rest):
        return None
    return heading


#: A link to a site's front page: the host alone, with or without the final slash.
_HOME_LINK_RE = re.compile(r"^https?://([^/?#\s]+)/?$", re.IGNORECASE)


def _logo_link_hosts(doc: Any) -> list[str]:
    """The hosts of links that wrap an image and lead to a site's front page: the masthead's
    logo, whose host names the site when nothing states it ("theglobeandmail.com" for the
    " - The Globe and Mail" ending ``<title>``)."""
    hosts = [
        match.group(1)
        for a in doc.iter("a")
        if a.find(".//img") is not None and (match := _HOME_LINK_RE.match(a.get("href") or ""))
    ]
    return list(dict.fromkeys(hosts))


def _less_kicker(title: str, h1s: list[Any]) -> str | None:
    """The headline of a title that starts with the ``<h1>``'s kicker (rule "title-kicker"):
    an ``<h1>`` printing a topic line in its own first element before the headline
    ('<h1><span class="subtitle">NPP 191</span>Die Recherche</h1>'), whose title joins the two
    ("NPP 191 - Die Recherche"). The kicker is a series' or topic's, shared by other pages, and
    its element is classed as one (``KICKER_CLASS_WORDS``).
    """
    for h1 in h1s:
        first = next((c for c in h1 if isinstance(c.tag, str)), None)
        if first is None or first.tag in ("a", "img") or (h1.text or "").strip():
            continue
        # only a part the markup names a kicker: "<h1><em>Hamlet</em><span>a review</span>"
        # prints one headline in two styles
        if not any(w in c for c in _classes(first) for w in KICKER_CLASS_WORDS):
            continue
        kicker = clean(first.text_content()) or ""
        rest = clean((first.tail or "") + "".join(_text_of(c) for c in first.itersiblings()))
        if not kicker or not rest or not _key(kicker) or not _key(rest):
            continue
        stated = " ".join(title.split())
        if not (stated.startswith(kicker) and stated.endswith(rest)):
            continue
        gap = stated[len(kicker) : len(stated) - len(rest)]
        if gap and _TITLE_PART_RE.match(gap) and len(kicker) + len(rest) < len(stated):
            return rest
    return None


def _text_of(element: Any) -> str:
    return (
        str(element.text_content()) + (element.tail or "") if isinstance(element.tag, str) else ""
    )


#: Words at most in a link's or masthead's text that names a site or a section ("Election
#: 2012", "District"); a longer one is a story's headline or a sentence.
SITE_NAME_MAX_WORDS = 6


def _printed_site_names(doc: Any, page_url: str) -> tuple[list[str], list[str]]:
    """The names a page prints for its site and section, that other pages of the site share:
    the text of a link to a site's front page (and its logo's alt text), of a heading holding
    such a link (a masthead's "<h1><a href=/><img></a> Capitol Alert</h1>"), of a link to a
    top-level section the page is in ("/district" of "/district/343604"), and the page's own
    domain ("sacbee.com" of "blogs.sacbee.com"); and, second, the masthead headings' alone.
    A front page counts only when it is the page's own site's (the site a page saved without
    its address links to most).

    A link deeper down ("/fiction/63759/super-supportive" above a chapter) names the work the
    page is part of, which its title keeps, as Readability does."""
    page = split_url(page_url) if page_url else None
    host = (page.hostname or "") if page else ""
    parents = [p for p in (page.path if page else "").split("/") if p][:-1]
    names: list[str] = []
    mastheads: list[str] = []
    if not host:  # a page saved without its address: its own site is the one it links most
        hosts = Counter(split_url(a.get("href") or "").hostname for a in doc.iter("a"))
        host = next((h for h, _ in hosts.most_common() if h), "")
    domain = _registered_domain(host)
    if page and domain:
        names.append(domain)
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        link = split_url(join_url(page_url, href) if page_url else href)
        path = [p for p in link.path.split("/") if p]
        # the front page of the page's own site: a link home to another site ("Stream it on
        # <a href=https://www.spacex.com/>SpaceX</a>") names that site, maybe the headline's
        own = bool(domain) and _registered_domain(link.hostname or "") == domain
        home = own and not path and not link.query
        section = len(path) == 1 and link.hostname == host and path == parents[:1]
        if not (home or section):
            continue
        texts = [a.text_content()]
        if home:
            texts += [img.get("alt") or "" for img in a.iter("img")]
            heading = next((h for h in a.iterancestors("h1", "h2", "h3")), None)
            if heading is not None and (text := clean(heading.text_content())):
                mastheads.append(text)
        names += [t for t in map(clean, texts) if t and len(t.split()) <= SITE_NAME_MAX_WORDS]
    mastheads = [t for t in mastheads if len(t.split()) <= SITE_NAME_MAX_WORDS]
    return list(dict.fromkeys([*names, *mastheads])), mastheads


def _registered_domain(host: str) -> str:
    """The domain a site registered, of a host ("sacbee.com" of "blogs.sacbee.com",
    "bbc.co.uk" of "www.bbc.co.uk"); empty for a host without one.

    >>> _registered_domain("blogs.sacbee.com"), _registered_domain("www.bbc.co.uk")
    ('sacbee.com', 'bbc.co.uk')
    >>> _registered_domain("edition.cnn.com"), _registered_domain("news.abc.net.au")
    ('cnn.com', 'abc.net.au')
    """
    labels = host.lower().removeprefix("www.").split(".")
    if len(labels) < 2:
        return ""
    # a country's second level ("co.uk", "com.au") is no site: the label before it is
    second_level = len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3
    return ".".join(labels[-3:] if second_level else labels[-2:])


#: What ends a site's or section's name before the headline: a separator or a colon.
_PREFIX_SEPARATORS = (*TITLE_SEPARATORS, ": ")


def _less_printed_site(title: str, names: tuple[list[str], list[str]]) -> str:
    """The title less a site's or section's name the page prints (``_printed_site_names``)
    after it, or a masthead's before it (rule "title-printed-site"): "Headline | District",
    "Capitol Alert: Headline - sacbee.com".

    >>> _less_printed_site("Alert: Vote may be close - sacbee.com", (["sacbee.com"], ["Alert"]))
    'Vote may be close'
    >>> _less_printed_site("Alerts for voters: Vote", (["Alert"], ["Alert"]))
    'Alerts for voters: Vote'
    >>> _less_printed_site("Google - Site Reliability", (["Google"], []))
    'Google - Site Reliability'
    """
    keys = {_key(n) for n in names[1]} - {""}
    title = strip_site_suffix(title, names[0])
    changed = True
    while changed:
        changed = False
        for sep in _PREFIX_SEPARATORS:
            head, found, tail = title.partition(sep)
            if found and _key(tail) and _key(head) in keys:
                title, changed = tail.strip(), True
                break
    return title


def _episode_before_show(title: str | None, page_title: str) -> str | None:
    """The episode of a stated "Episode | Show | Episode 210" whose ``<title>`` is "Show |
    Episode": a podcast host's template names the show on both sides, so the site is not
    stated, and only the two orders together tell which part is the show.

    >>> _episode_before_show("Trains | Harbour Radio | Episode 2", "Harbour Radio | Trains")
    'Trains'
    >>> _episode_before_show("Trains | Harbour Radio", "Trains | Harbour Radio") is None
    True
    """
    if not title:
        return None
    stated = " ".join(title.split())
    for sep in TITLE_SEPARATORS:
        show, found, episode = (" ".join(page_title.split())).partition(sep)
        show, episode = show.strip(), episode.strip()
        if not found or not show or not episode or sep in episode:
            continue
        if any(stated.startswith(f"{episode}{other}{show}") for other in TITLE_SEPARATORS):
            return episode
    return None


def _title_confirmed_by_h1(facts: _TitleFacts, site_names: list[str]) -> str | None:
    """An ``<h1>`` that ``<title>``, less its site suffix, repeats word for word."""
    page_title = strip_site_suffix(strip_player_prefix(facts.page_title), site_names)
    for sep in ("", *TITLE_SEPARATORS):
        head = page_title.rsplit(sep, 1)[0] if sep else page_title
        match = next((h for h in facts.h1_texts if _key(h) == _key(head)), None)
        if match and _key(match):
            return match
    return None


def _title_from_page(facts: _TitleFacts, site_names: list[str]) -> tuple[str | None, str]:
    """Fallback title: the ``<h1>`` that ``<title>`` starts with, ``<title>``, trafilatura's.

    ``<title>`` goes before trafilatura's guess, which can be a section's ``<h1>`` ("Allergies
    Health Center") when the page's own title says what the article is.
    """
    page_title = facts.page_title
    headings = facts.h1_cleaned
    why = "<h1>, trafilatura's title or <title>"
    for heading in headings:
        if heading and page_title.lower().startswith(heading.lower()):
            return heading, why
    fallback = page_title or clean(getattr(facts.extracted, "title", None)) or None
    if fallback is None:
        return next((h for h in headings if h), None), why
    fallback = strip_site_suffix(strip_player_prefix(str(fallback)), site_names)
    side = _printed_side(fallback, facts, site_names)
    if side:
        return side, "the side of <title> the page prints in a title element"
    return fallback, why


#: Class words of an element printing a site's own name, not a piece's title.
_SITE_CLASS_WORDS = ("site", "logo", "brand", "masthead")


def _printed_side(page_title: str, facts: _TitleFacts, site_names: list[str]) -> str | None:
    """Of a ``<title>`` "A | B", the one side the page prints whole in a title element (a
    class with "title": a player's ``details-title``), when the other side is printed nowhere
    ("Transistor Embed | #032 – Episode")."""
    names = {_key(n) for n in site_names}
    printed, text = facts.title_class_keys, facts.body_key
    for sep in TITLE_SEPARATORS:
        sides = [s.strip() for s in page_title.split(sep)]
        if len(sides) != 2 or not all(sides):
            continue
        shown = [s for s in sides if _key(s) in printed and _key(s) not in names]
        unshown = [s for s in sides if _key(s) not in text]
        if len(shown) == 1 and len(unshown) == 1 and unshown[0] != shown[0]:
            return shown[0]
    return None


def _visible_date(doc: Any) -> tuple[datetime | date | None, str]:
    """The publication date the page shows: ``itemprop=datePublished``, else the first
    ``<time datetime>`` outside comments and related lists (before any "updated" time)."""
    marked = [e for e in doc.iter() if (e.get("itemprop") or "") == "datePublished"]
    for element in marked:
        value = element.get("datetime") or element.get("content") or element.text_content()
        if parsed := parse_published(clean(value)):
            return parsed, "itemprop=datePublished"
    for element in doc.iter("time"):
        around = [element, *element.iterancestors()]
        if any(w in c for e in around for c in _classes(e) for w in ("comment", "related", "upda")):
            continue
        if any(e.tag in ("aside", "footer", "nav") for e in around):
            continue
        if parsed := parse_published(element.get("datetime")):
            return parsed, "the first visible <time datetime>"
    return None, ""


#: A class/id word of a byline element ("byline", "author", "article-author"; not "authority";
#: "interviewer-name": an interview's credit "Interview by Jane Roe" names who asked);
#: "byline", "authorlist" and "authorname" are no other word's part, so they may end a compound
#: too ("FeatureByline", "metaInfoAuthorList", "authorname"; classes are compared in lowercase).
BYLINE_CLASS_RE = re.compile(
    r"(?:^|[-_])(?:author|authors|author-name|interviewer)(?:$|[-_])"
    r"|(?i:byline|authors?list|authors?name)(?:$|[-_s])"
)
#: Words that end a byline's name when a guess ran on into the date ("Joe Wee Monday").
_DATE_WORD_RE = re.compile(
    rf"^(?:{vocabulary.alternation('month_names')}|{vocabulary.alternation('weekdays')}),?$",
    re.IGNORECASE,
)


#: A month name after the weekday a guess ran on into: "Joe Wee Monday, February 29, 2016".
_MONTHS = rf"(?i:{vocabulary.alternation('month_names')})\b"


def _marked_byline(
    doc: Any, main: Any, positions: dict[int, int], address_in_chrome: bool = True
) -> list[str]:
    """Return the first byline the markup marks, for when neither metadata nor trafilatura name
    anyone: schema.org microdata (``itemprop=author``, its ``itemprop=name`` if it has one),
    ``rel=author`` links, elements of a byline class ("pb-byline": "By Jane Roe").

    The first that names people only, and none after the article: related stories below carry
    bylines too. Every name must look like a person's ("By the newsroom" and an author's bio
    give nobody). Chrome's bylines are a sidebar's, but for an ``<address>`` of the article that
    holds the text (``address_in_chrome``; rule "byline-article-address").
    """
    end = max(positions.get(id(e), -1) for e in main.iter())
    for element in doc.iter():
        if not isinstance(element.tag, str) or positions.get(id(element), end + 1) > end:
            continue
        marked = (
            "author" in (element.get("itemprop") or "").split()
            or "author" in (element.get("rel") or "").lower().split()
            or any(BYLINE_CLASS_RE.search(c) for c in _classes(element))
        )
        if not marked or _photo_byline(element):
            continue
        if _in_chrome_outside_article_header(element, main) and not (
            address_in_chrome and _article_address(element, main)
        ):
            continue
        if _in_comments(element):
            continue
        name_el = next(iter(element.xpath(".//*[@itemprop='name']")), element)
        # "Written by A<br>Edited by B": each line is its own credit; the writer's are kept.
        lines = _break_lines(name_el) if name_el.find(".//br") is not None else []
        lines = lines or [clean(name_el.text_content()) or ""]
        kept = []
        for text in filter(None, lines):
            names = [p.name for p in byline_people([text])]
            if names and all(structure.is_person_name(n) for n in names):
                kept.append(text)
        if kept:
            return kept
    return []


#: Rule "byline-printed": the most elements between the ``<h1>`` and the article's text a byline
#: may stand in (a kicker, a deck, a date, share buttons, the lead photo), and the most
#: characters of the line ("By Jane Roe and Jan Berg, Staff Writers | May 3, 2024").
PRINTED_BYLINE_ELEMENTS = 80
PRINTED_BYLINE_CHARS = 120
#: Words the article's first paragraph has at least: where its text starts, the header ends.
TEXT_START_WORDS = 12


def _printed_byline(doc: Any, main: Any, positions: dict[int, int]) -> list[str]:
    """Return the byline a page prints in words only, unmarked by its markup (rule
    "byline-printed"): a short line starting with a byline word ("By", "Von", "Par",
    "Author:") after the headline (the first ``<h1>``) and before the article's text starts,
    "<span>By</span><span>Jane Roe</span>" read as a reader sees it. Every name must pass the
    name gate; a credit inside a figure ("By Jane Roe / Reuters" under the photo) and chrome
    are no byline, and nor is a line in the text (the structurer reads those).
    """
    h1 = next((h for h in doc.iter("h1") if id(h) in positions), None)
    if h1 is None:
        return []
    start = positions[id(h1)] + len(list(h1.iter()))
    in_main = {id(e) for e in main.iter()}
    seen = 0
    for element in doc.iter():
        if not isinstance(element.tag, str) or positions.get(id(element), -1) < start:
            continue
        seen += 1
        words = " ".join(t.strip() for t in element.itertext() if t.strip())
        if id(element) in in_main and element.tag == "p" and len(words.split()) >= TEXT_START_WORDS:
            return []  # the text has started
        if seen > PRINTED_BYLINE_ELEMENTS:
            return []
        if (line := _byline_line(element)) is None:
            continue
        # The innermost element saying it: "By Jane Roe", not the meta line with its date.
        inner = [(len(t), t) for e in element.iter() if (t := _byline_line(e)) is not None]
        line = min(inner)[1]
        if _in_chrome_outside_article_header(element, main) or _in_comments(element):
            continue
        names = [p.name for p in byline_people([line])]
        if names and all(structure.is_person_name(n) for n in names):
            return [line]
    return []


def _byline_line(element: Any) -> str | None:
    """The line an element prints, as a reader reads its parts, if it may be a byline: short,
    starting with a byline word, not a script, a button or a link, nor inside a figure or a link
    (``_printed_byline``)."""
    if not isinstance(element.tag, str) or element.tag in ("script", "style", "button", "a"):
        return None
    line = clean(" ".join(t.strip() for t in element.itertext() if t.strip())) or ""
    if len(line) > PRINTED_BYLINE_CHARS or not BYLINE_PREFIX_RE.match(line):
        return None
    if element.tag in ("figure", "figcaption") or any(
        a.tag in ("figure", "figcaption", "a") for a in element.iterancestors()
    ):
        return None
    return line


def _article_address(element: Any, main: Any) -> bool:
    """Tell a byline inside an ``<address>`` of the article that holds the text (rule
    "byline-article-address"): HTML says an ``<address>`` gives the contact of its nearest
    ``<article>``, so it is that article's byline even in the article's own meta column (an
    ``<aside>`` beside the text). An ``<address>`` of another article (a teaser's) is not."""
    address = next((a for a in [element, *element.iterancestors()] if a.tag == "address"), None)
    if address is None:
        return False
    article = next(address.iterancestors("article"), None)
    return article is not None and any(a is article for a in main.iterancestors())


#: A photo word as a whole part of a byline class: "p.photo-byline", "image_byline" credit a
#: picture's photographer, who reported nothing.
_PHOTO_CLASS_PART_RE = re.compile(rf"(?i:{vocabulary.alternation('credit_words')})s?")


#: Class/id parts (split at "-" and "_") of a readers' comment thread: "li.comment",
#: "ul#dsq-comments" (Disqus). Its "author" elements sign comments, never the piece.
COMMENT_CLASS_PARTS: frozenset[str] = frozenset({"comment", "comments", "dsq", "disqus"})


def _in_comments(element: Any) -> bool:
    """Tell whether an element is inside a readers' comment thread (``COMMENT_CLASS_PARTS``)."""
    return any(
        part in COMMENT_CLASS_PARTS
        for node in [element, *element.iterancestors()]
        for c in _classes(node)
        for part in re.split(r"[-_]+", c)
    )


def _photo_byline(element: Any) -> bool:
    """Tell a byline class that credits a photo ("photo-byline": "Jane Roe / The Times")."""
    return any(
        _PHOTO_CLASS_PART_RE.fullmatch(part)
        for c in _classes(element)
        if BYLINE_CLASS_RE.search(c)
        for part in re.split(r"[-_]+", c)
    )


def _in_chrome_outside_article_header(element: Any, main: Any = None) -> bool:
    """Chrome, though an ``<article>``'s own ``<header>`` is not, whatever wraps the article (a
    theme's "content-sidebar-wrap"): it prints the piece's headline and its meta line
    ("<article><header><h1>..</h1><p class=entry-meta>by Jane Roe").

    Nor is a widget that holds the article's text ``main`` (rule "byline-around-the-text"): a
    script's tab panel ("ui-widget-content") wrapping the story wraps its byline too. Chrome of
    other words around it ("content-sidebar-wrap") holds a sidebar's author links as well.
    """
    holders = {id(node) for node in [main, *main.iterancestors()]} if main is not None else set()
    header = next(
        (
            node
            for node in [element, *element.iterancestors()]
            if node.tag == "header" and next(node.iterancestors("article"), None) is not None
        ),
        None,
    )
    return _in_chrome(
        element, stop=header, spare=lambda node: id(node) in holders and _is_player_chrome(node)
    )


def _in_navigation(element: Any, headers: set[Any]) -> bool:
    """Tell whether an element is inside a ``<nav>`` or a menu (``NAVIGATION_WORDS``).

    ``headers`` are the elements holding the page's headline: a ``<nav>`` or "navbar" that
    holds it is the page's own header (its byline is the page's), as are ``<body>`` and
    ``<html>``, whose classes say what state the menu is in ("has-navbar", "nav-open").
    """
    return any(
        node.tag == "nav" or bool(_class_parts(node) & NAVIGATION_WORDS)
        for node in [element, *element.iterancestors()]
        if isinstance(node.tag, str) and node.tag not in ("body", "html") and node not in headers
    )


def _site_owner_login(
    authors: list[str], url: str | None, doc: Any, site_name: str | None = None
) -> str | None:
    """The one stated author that is a login naming the site itself, printed on the page: a
    personal blog or podcast under its author's handle ("umputun" of podcast.umputun.com, its
    heading "Weekly podcast from Umputun"). Another login ("devindra") names nobody, and nor
    does a publication's own account: the login its stated site name is ("harbourtimes" of
    og:site_name "Harbour Times") is the desk of a site of many writers, no person."""
    if len(authors) != 1 or not url:
        return None
    login = authors[0].strip()
    if site_name and re.sub(r"[\W_]+", "", site_name.casefold()) == login.casefold():
        return None
    labels = (split_url(url).hostname or "").casefold().split(".")
    if not re.fullmatch(r"[a-z][a-z0-9_-]{2,}", login) or login not in labels[:-1]:
        return None
    body = doc.find(".//body")  # scripts and styles are gone by now
    printed = " ".join(body.itertext()) if body is not None else ""
    return login if re.search(rf"(?<!\w){re.escape(login)}(?!\w)", printed, re.I) else None


#: Why a byline was left out (``--explain``): the name gate's refusals, or the page's own word.
_NO_NAME = "a byline, no person's name"
_LEFT_OUT = {
    "names-the-site": "a metadata credit naming the site itself, the page printing its writer",
    "byline-empty-slot": "a metadata credit the page's empty byline element never prints",
    "byline-other-work": "a metadata credit the byline prints for photos, styling or art",
}

#: A byline's credit for work other than the writing: "Photography by", "Styled by".
_OTHER_WORK_RE = re.compile(
    rf"(?<![\w-])(?P<work>[^\W\d_]+)\s+(?:{vocabulary.alternation('credit_by')}"
    rf"|{vocabulary.alternation('byline_words')})\s+$",
    re.IGNORECASE,
)
_OTHER_WORK_WORDS = frozenset(vocabulary.words("byline_other_work_words"))


def _credited_for_other_work(doc: Any, authors: list[str]) -> list[str]:
    """The ``authors`` the page's byline elements print only after a credit for other work
    ("Photography by Kai Lund", "Styled by Mara Olsen", "Illustration von ..."), never after a
    plain "By" or another name (rule "byline-other-work"): a magazine's metadata lists
    everyone its byline credits, and the photographer or the stylist wrote nothing. An element
    printing the name alone (the byline's link) says nothing of the work."""
    texts = {
        clean(" ".join(e.itertext())) or ""  # "Hayes</a></p><p>Styled by": two words
        for e in doc.iter()
        if isinstance(e.tag, str) and any(BYLINE_CLASS_RE.search(c) for c in _classes(e))
    }
    found = []
    for author in authors:
        works = [
            match["work"].casefold() if match else ""
            for text in texts
            for at in re.finditer(rf"(?<![\w-]){re.escape(author)}", text)
            if text[: at.start()].strip()  # a link printing the name alone credits no work
            for match in [_OTHER_WORK_RE.search(text[: at.start()][-40:])]
        ]
        if works and all(w in _OTHER_WORK_WORDS for w in works):
            found.append(author)
    return found


def _byline_slots_left_empty(doc: Any, authors: list[str]) -> bool:
    """Tell a page whose byline elements (``BYLINE_CLASS_RE``) are all empty and which prints
    none of the metadata's ``authors`` anywhere: its theme leaves the writer out."""
    slots = [
        e
        for e in doc.iter()
        if isinstance(e.tag, str) and any(BYLINE_CLASS_RE.search(c) for c in _classes(e))
    ]
    if not slots or any((clean(e.text_content()) or "") for e in slots):
        return False
    body = doc.find(".//body")
    printed = " ".join(" ".join(body.itertext()).split()).casefold() if body is not None else ""
    return not any(" ".join(a.split()).casefold() in printed for a in authors)


def _byline_names_printed(text: str) -> list[str]:
    """The one name an element of a byline prints, less "By": "By Tim Clayton"."""
    names = [p.name for p in byline_people([text])]
    return names if len(names) == 1 and structure.is_person_name(names[0]) else []


def _trafilatura_bylines(extracted: Any, doc: Any) -> list[str]:
    """trafilatura's author guess, kept only for names printed in a byline element.

    A guess that ran on into the date or the next words is cut back to the name's capitalised
    words ("Laura June Topolsky July" -> "Laura June Topolsky"); one that opens with a word no
    name opens with ("Our Foreign Staff") is nobody. One glued to the next element's words
    ("Tim Clayton Military" of "By Tim Clayton" above "Military historian") is cut back to
    the name a byline element prints whole. A byline element in the page's chrome (a menu's
    teasers, each crediting its own story) prints no byline of this page; the byline elements
    beside a guessed one in its line print its co-authors (``_coauthors``).
    """
    guess = getattr(extracted, "author", None) or ""
    headline = next(doc.iter("h1"), None)
    headers = set(headline.iterancestors()) if headline is not None else set()
    elements = [
        e
        for e in doc.iter()
        if any(BYLINE_CLASS_RE.search(c) for c in _classes(e))
        and not _in_navigation(e, headers)  # a menu's teasers credit other stories
        and not _photo_byline(e)  # "p.photo-byline" credits who took the picture
        and not _in_comments(e)  # a reader's comment is signed by its reader
    ]
    texts = [clean(e.text_content()) or "" for e in elements]
    bylines = " ".join(texts)
    whole = [n for t in texts for n in _byline_names_printed(t)]
    names = []
    for name in (clean(n) for n in guess.split(";")):
        words = (name or "").split()
        while words and (
            not words[-1][:1].isupper()
            or (
                _DATE_WORD_RE.match(words[-1])  # "Brian May" stays: no date follows it
                and re.search(rf"\b{re.escape(words[-1])}\W{{0,3}}(?:\d|{_MONTHS})", bylines)
            )
        ):
            words.pop()
        name = " ".join(words)
        name = next((n for n in whole if name.startswith(f"{n} ")), name)
        if words and words[0].casefold() in structure.NOT_NAME_WORDS:
            continue
        if name and structure.is_person_name(name) and name in bylines:  # a full name
            names.append(name)
    for name in [*names]:
        for author in _coauthors(name, elements):
            if author not in names:
                names.append(author)
    return names


#: An attribution line's length at most: its authors, their titles and the employer.
_ATTRIBUTION_LINE_CHARS = 300
#: What joins two writers in one byline element: "Jane Roe und Jan Roth". A comma alone pairs
#: a name with its title ("JANE ROE, Harbour City Politics Examiner").
_WRITERS_JOINED_RE = re.compile(rf"\s(?:{vocabulary.alternation('and_words')}|&)\s", re.I)


def _coauthors(name: str, elements: list[Any]) -> list[str]:
    """The other authors printed beside ``name``'s byline element: one each in elements of the
    same tag and class in the same attribution line ("<span class=author>A</span>, Fellow<br>
    <span class=author>B</span>, Fellow"), where trafilatura's guess names the first only; a
    title's element beside the name's ("Games Editor") is another kind. The names one element
    prints beside ``name`` ("Monika Bolliger und Anna Trechsel, Sweidah") are its co-authors
    too, where trafilatura's guess kept one of them, when a conjunction joins them.

    >>> def line(html): return [lxml.html.fragment_fromstring(html)]
    >>> _coauthors("Jane Roe", line("<p>Jane Roe und Jan Roth, Sweidah</p>"))
    ['Jan Roth']
    >>> _coauthors("Jane Roe", line("<p>JANE ROE, <b>Harbour City Politics Examiner</b></p>"))
    []
    """
    is_name = structure.is_person_name
    found: list[str] = []
    for element in elements:
        text = clean(element.text_content()) or ""
        printed = [p.name for p in byline_people([text])]
        joined = _WRITERS_JOINED_RE.search(text) is not None  # not "Jane Roe, Examiner"
        if name in printed and len(printed) > 1 and joined and all(map(is_name, printed)):
            found += [n for n in printed if n != name]  # "A und B, Sweidah" in one element
            continue
        if printed != [name] or not structure.is_person_name(name):
            continue
        parent = element.getparent()
        if parent is None or len(clean(parent.text_content()) or "") > _ATTRIBUTION_LINE_CHARS:
            continue  # the bylines of several articles on one page share the text's element
        for other in elements:
            same_kind = (other.tag, other.get("class")) == (element.tag, element.get("class"))
            if other is not element and other.getparent() is parent and same_kind:
                found += _byline_names_printed(clean(other.text_content()) or "")
    return found
