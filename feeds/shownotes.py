"""Show notes for a feed item: ``description`` (Apple's subset, 4000 bytes) and ``content:encoded``.

Both are built from the same blocks, one line per ``<p>``: the summary (or the producer's Markdown
show notes), who is on the episode, the chapters as ``(MM:SS) Title`` lines, photo credits and
links to the source page and the transcript. Text from imported pages is escaped, never trusted
as HTML; Markdown is rendered with raw HTML off and the result sanitised all the same.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

from feeds.roles import PUBLISHED_ROLES, published_role
from feeds.sanitize import sanitize_description, sanitize_html
from segments.model import Chapter, Image, Person, Segment, Show
from segments.timecode import format_clock
from segments.urls import is_published_url

#: Apple's limit on an item description, in UTF-8 bytes (Apple Podcasts, "RSS tags for Podcasts
#: Connect", <description>: "up to 4000 bytes", https://help.apple.com/itc/podcasts_connect/#/itcb54353390).
DESCRIPTION_MAX_BYTES = 4000

#: When the people, chapters and links leave the summary less than this, the whole description is
#: cut at the end instead (the summary comes first and matters most).
MIN_SUMMARY_BYTES = 1000

#: Spotify turns description timestamps into chapters only when they start at 00:00 and there are
#: at least three, in order (Spotify for Podcasters, "Enabling podcast chapters",
#: https://support.spotifyforpodcasters.com/hc/en-us/articles/360043932711); otherwise no lines
#: are written.
MIN_SPOTIFY_CHAPTERS = 3

ELLIPSIS = "…"

# CommonMark, raw HTML off (it is shown as text), no linkify: producers write links explicitly.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


@dataclass
class ShowNotes:
    """An item's ``description`` (Apple's tags, <= 4000 bytes) and full ``content:encoded`` HTML."""

    description: str
    content: str


def chapter_lines(chapters: Sequence[Chapter]) -> list[str]:
    """Return Spotify's ``(MM:SS) Title`` lines, or none unless they would make chapters.

    >>> chapter_lines([Chapter(0, "Intro"), Chapter(754.9, "Talk"), Chapter(3723, "Outro")])
    ['(00:00) Intro', '(12:34) Talk', '(01:02:03) Outro']
    >>> chapter_lines([Chapter(5, "Late start"), Chapter(60, "b"), Chapter(90, "c")])
    []
    """
    ordered = sorted(chapters, key=lambda chapter: chapter.start_seconds)
    if len(ordered) < MIN_SPOTIFY_CHAPTERS or math.floor(ordered[0].start_seconds) != 0:
        return []
    return [
        f"({format_clock(c.start_seconds, padded=True)}) {' '.join(c.title.split())}"
        for c in ordered
    ]


def _person_html(person: Person) -> str:
    name = escape(" ".join(person.name.split()))
    if is_published_url(person.href):
        return f'<a href="{escape(person.href or "")}">{name}</a>'
    return name


def names_a_host(segment: Segment) -> bool:
    """Tell whether someone on ``segment`` is published as a host (an interviewer is one)."""
    return any(published_role(p.role).role == "host" for p in segment.people)


def people_lines(segment: Segment, show: Show | None) -> list[str]:
    """Return "Host: Name" lines (HTML) in role order; the show's hosts stand in for a missing host.

    Each person is labelled with the role the feed's podcast:person gives them
    (``feeds.roles``). A segment that names no host still has the show's host at the microphone.
    """
    lines = []
    for published in PUBLISHED_ROLES:
        people = [p for p in segment.people if published_role(p.role) == published]
        names = [_person_html(p) for p in people]
        if published.role == "host" and not names and show:
            names = [escape(" ".join(host.split())) for host in show.hosts]
        if names:
            label = published.label if len(names) == 1 else published.plural
            lines.append(f"{label}: {', '.join(names)}")
    return lines


def _states_credit(caption: str, credit: str) -> bool:
    """Tell whether ``caption`` already credits ``credit`` ("... (Photo: AP)", "... / AP").

    A name the caption merely mentions ("So Yong Kim's latest film") is not a credit.
    """
    folded, name = caption.casefold().rstrip(" .)"), credit.casefold()
    lead = r"(?:photo|credit|courtesy|©|\(c\))\W*(?:(?:by|of)\s+)?"
    return folded.endswith(name) or bool(re.search(lead + re.escape(name), folded))


def credit_lines(images: Sequence[Image]) -> list[str]:
    """Return "Photo: caption (credit)" lines (plain text), one per image that has either."""
    lines: list[str] = []
    for image in images:
        caption = " ".join((image.caption or "").split())
        credit = " ".join((image.credit or "").split())
        if caption and credit and not _states_credit(caption, credit):
            text = f"{caption} ({credit})"
        elif caption or credit:
            text = caption or credit
        else:
            continue
        line = text if text.casefold().startswith("photo") else f"Photo: {text}"
        if line not in lines:
            lines.append(line)
    return lines


def render_markdown(text: str) -> str:
    """Render producer Markdown (CommonMark, raw HTML shown as text) to sanitised HTML."""
    html = _MARKDOWN.render(text)
    # The episode title is the page's h1, and show notes allow h2-h4: shift, never drop, headings.
    html = re.sub(r"<(/?)h1>", r"<\1h2>", html)
    html = re.sub(r"<(/?)h[56]>", r"<\1h4>", html)
    return sanitize_html(html).strip()


def _summary_html(segment: Segment) -> str:
    if segment.show_notes and segment.show_notes.strip():
        return render_markdown(segment.show_notes)
    if not segment.summary:
        return ""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", segment.summary))
    return "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs if p)


def _source_url(segment: Segment, source_url: str | None) -> str | None:
    for url in (source_url, segment.link, segment.source.url if segment.source else None):
        if is_published_url(url):
            return url
    return None


def _link_lines(transcript_url: str | None, source_url: str | None) -> list[str]:
    lines = []
    if is_published_url(transcript_url):
        lines.append(f'<a href="{escape(transcript_url or "")}">Transcript</a>')
    if is_published_url(source_url):
        host = urlsplit(source_url or "").hostname or ""
        host = host.removeprefix("www.")
        lines.append(f'Source: <a href="{escape(source_url or "")}">{escape(host)}</a>')
    return lines


def _paragraphs(lines: Sequence[str]) -> str:
    return "\n".join(f"<p>{line}</p>" for line in lines)


def _for_description(html: str) -> str:
    """Reduce sanitised show-notes HTML to Apple's description tags, keeping blocks apart."""
    html = re.sub(r"<(/?)h[2-4]>", r"<\1p>", html)  # sanitised: these tags carry no attributes
    html = re.sub(r"</?blockquote>", "", html)
    return re.sub(r"\n{2,}", "\n", sanitize_description(html))


# Where a cut may follow in text: a word before a space, the text's end, or a character of a script
# written without spaces (CJK ideographs and punctuation, kana, Hangul syllables, full-width forms),
# where any two characters may be broken apart (Unicode line breaking, UAX #14, class ID).
_CUT_AFTER = re.compile(
    r"\S(?=\s)|\S$|[\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef](?=\S)"
)

# A tag; quoted attribute values may hold ">". Text between tags (entities included) has none.
_TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_VOID = frozenset({"br", "img", "hr", "wbr"})


def _closing(stack: Sequence[str]) -> str:
    return "".join(f"</{name}>" for name in reversed(stack))


def _ellipsis_in(stack: Sequence[str]) -> str:
    if not stack:
        return f"<p>{ELLIPSIS}</p>"
    if stack[-1] in ("ul", "ol"):
        return f"<li>{ELLIPSIS}</li>"
    return ELLIPSIS


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def truncate_html(html: str, max_bytes: int) -> str:
    """Cut well-formed (sanitised) HTML to ``max_bytes`` at a word or block, with an ellipsis.

    Tags and entities are never split; open elements are closed. A block boundary is preferred
    when it keeps at least three quarters of what the last fitting word boundary keeps.

    >>> truncate_html("<p>One two three</p><p>four</p>", 22)
    '<p>One two…</p>'
    >>> truncate_html("<p>One two three</p><p>four five six seven</p>", 40)
    '<p>One two three</p><p>four five…</p>'
    >>> truncate_html("<p>One two three</p><p>fourteen</p>", 32)
    '<p>One two three</p><p>…</p>'
    >>> truncate_html('<p>Fish &amp; chips, <a href="https://x.org/">here</a></p>', 40)
    '<p>Fish &amp; chips…</p>'
    """
    if _size(html) <= max_bytes:
        return html
    pieces: list[str] = []
    stack: list[str] = []
    used = 0
    word_cut: tuple[int, str, list[str]] | None = None  # (bytes kept, html kept, open tags)
    block_cut: tuple[int, str] | None = None

    def consider(kept: str, kept_bytes: int, open_tags: list[str]) -> bool:
        nonlocal word_cut
        trimmed = kept.rstrip(" \t\n,:—–-")  # not ";": it may end an entity
        total = _size(trimmed) + _size(_ellipsis_in(open_tags)) + _size(_closing(open_tags))
        if total > max_bytes:
            return False
        word_cut = (kept_bytes, trimmed, list(open_tags))
        return True

    for token in _TAG.split(html):
        if used > max_bytes:
            break
        if not token:
            continue
        tag = _TAG_NAME.match(token) if token.startswith("<") else None
        if tag:
            name = tag.group(1).lower()
            if token.startswith("</"):
                if name in stack:
                    del stack[len(stack) - 1 - stack[::-1].index(name) :]
                pieces.append(token)
                used += _size(token)
                if not stack:
                    kept = "".join(pieces)
                    if used + _size(_ellipsis_in([])) <= max_bytes:
                        block_cut = (used, kept)
                    consider(kept, used, stack)
            else:
                pieces.append(token)
                used += _size(token)
                if name not in _VOID and not token.endswith("/>"):
                    stack.append(name)
            continue
        # Text: a cut may follow any word (an entity has no spaces, so none is split), the
        # text's end, which is followed by a tag, or a CJK character (see _CUT_AFTER).
        prefix = "".join(pieces)
        for match in _CUT_AFTER.finditer(token):
            kept_text = token[: match.end()]
            if not consider(prefix + kept_text, used + _size(kept_text), stack):
                break
        pieces.append(token)
        used += _size(token)

    if word_cut is None and block_cut is None:
        return ""
    if block_cut is not None and (word_cut is None or block_cut[0] >= 0.75 * word_cut[0]):
        return block_cut[1] + _ellipsis_in([])
    assert word_cut is not None
    _, kept, open_tags = word_cut
    return kept + _ellipsis_in(open_tags) + _closing(open_tags)


def show_notes(
    segment: Segment,
    show: Show | None,
    *,
    transcript_url: str | None = None,
    source_url: str | None = None,
) -> ShowNotes:
    """Return the description and full show notes for ``segment``.

    ``source_url`` defaults to the segment's link, then the page it was imported from.
    """
    show = show or segment.show
    summary = _summary_html(segment)
    people = people_lines(segment, show)
    chapters = [escape(line, quote=False) for line in chapter_lines(segment.chapters)]
    credits = [escape(line, quote=False) for line in credit_lines(segment.images)]
    links = _link_lines(transcript_url, _source_url(segment, source_url))
    if not summary and not people and not chapters:
        summary = f"<p>{escape(segment.title, quote=False)}</p>"

    blocks = [summary, _paragraphs(people), _paragraphs(chapters), _paragraphs(credits)]
    blocks.append(_paragraphs(links))
    content = sanitize_html("\n".join(block for block in blocks if block))

    summary_d = _for_description(summary)
    tail = (_paragraphs(lines) for lines in (people, chapters, links) if lines)
    tail_d = sanitize_description("\n".join(tail))
    description = "\n".join(part for part in (summary_d, tail_d) if part)
    if _size(description) > DESCRIPTION_MAX_BYTES:
        budget = DESCRIPTION_MAX_BYTES - _size(tail_d) - 1
        if summary_d and tail_d and budget >= MIN_SUMMARY_BYTES:
            description = truncate_html(summary_d, budget) + "\n" + tail_d
        else:
            description = truncate_html(description, DESCRIPTION_MAX_BYTES)
    return ShowNotes(description=description, content=content)
