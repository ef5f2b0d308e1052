"""Page furniture: the text around an article that must never reach an episode.

Every rule lives in ``FURNITURE``, one row each: an id, a test on the whole block, and why the block
is furniture. The words of each rule are in every language's table (``vocabulary``); the page
structure around them (dates, counts, separators) is here. A block is furniture only when the WHOLE
block matches (after whitespace is collapsed), so a sentence that merely mentions "share" or
"comment" is kept. The examples come from the seed pages and the corpus in
``../shared/corpus/pages`` (see the tests for one per rule).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from segments.importers import vocabulary
from segments.importers.audiolinks import parse_download_text
from segments.importers.names import NAME, WORD
from segments.importers.rawpage import Block
from segments.whitespace import normalise_space

_words = vocabulary.alternation

_MONTH = rf"(?:{_words('months')})[a-z]*\.?"
#: "04/19/13", "16.08.2019", "December 24, 2016", "24. August 2019", "2016-12-24".
_DATE = (
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}"
)

#: What the vocabulary's furniture phrases may name by placeholder: "{name}" a person's name as
#: printed (two to four capitalised words, case as written), "{given}" one of them (the first
#: name a closing bio calls its author by), "{person}" one to four of them,
#: "{network}" a social network one follows someone on, "{platform}" a community or membership
#: platform a show sends listeners to, "{app}" a podcast app or directory one subscribes in,
#: "{date}" a printed date (``_DATE``).
PLACEHOLDERS: dict[str, str] = {
    "{name}": rf"(?-i:{NAME})",
    "{given}": rf"(?-i:{WORD})",
    "{person}": rf"(?-i:{WORD}(?:\s+{WORD}){{0,3}})",
    "{network}": r"(?:twitter|x|instagram|facebook|fb|threads|bluesky|mastodon|linkedin|tiktok)",
    "{platform}": r"(?:discord|slack|patreon|steady|ko-fi|buy me a coffee|telegram|apple podcasts)",
    "{app}": r"(?:apple podcasts|itunes|spotify|google podcasts|pocket casts|overcast|stitcher"
    r"|castbox|deezer|youtube|amazon music|audible|npr one|tunein|podcast addict|\w+ podcasts?)",
    "{date}": f"(?:{_DATE})",
}


@dataclass(frozen=True)
class FurnitureRule:
    """One kind of furniture: a block that fully matches ``pattern`` (or satisfies ``test``)."""

    id: str
    reason: str
    pattern: re.Pattern[str] | None = None
    test: Callable[[str], bool] | None = None
    #: Only among the article's last blocks (``END_BLOCKS``): an author's bio closes a story, a
    #: paragraph opening "Jane Roe is a reporter for ..." in its middle is the story's subject.
    at_end: bool = False

    def matches(self, text: str) -> bool:
        """Return whether the (normalised) block ``text`` is this furniture."""
        if self.pattern is not None and self.pattern.fullmatch(text):
            return True
        return self.test is not None and self.test(text)


def _phrases(rule_id: str, *more: str) -> str:
    """Return the rule's phrases in every language (``vocabulary``) and ``more``, as one pattern."""
    phrases = (*vocabulary.furniture(rule_id), *more)
    for placeholder, pattern in PLACEHOLDERS.items():
        phrases = tuple(p.replace(placeholder, pattern) for p in phrases)
    return "|".join(f"(?:{p})" for p in phrases)


def _rule(rule_id: str, reason: str, *more: str, at_end: bool = False) -> FurnitureRule:
    """A rule whose pattern is its phrases in every language, plus ``more`` (page structure)."""
    pattern = re.compile(_phrases(rule_id, *more), re.I)
    return FurnitureRule(rule_id, reason, pattern=pattern, at_end=at_end)


_AUDIO_LABEL = re.compile(
    rf"(?:{_words('audio_control_verbs')})(?: (?:{_words('audio_articles')}))?"
    rf"(?: (?:{_words('audio_nouns')}))*",
    re.IGNORECASE,
)


def _is_audio_control(text: str) -> bool:
    """Tell a short audio control ("Download this story 2MB", "Listen · 3:14") from a sentence."""
    if len(text.split()) > 12 or text.endswith((".", "!", "?", '"', "”")):
        return False
    ref = parse_download_text(text)
    if ref is None:
        return False
    if ref.size_bytes is not None or ref.duration_seconds is not None or ref.mime_type:
        return True
    return bool(ref.label and _AUDIO_LABEL.fullmatch(ref.label))


_META_LABEL = re.compile(rf"\b((?:{_words('metadata_labels')}))\b\s*:?", re.IGNORECASE)


def _is_metadata_run(text: str) -> bool:
    """Tell a run of template fields ("Veröffentlicht am 16.08.2019 Dauer: 1 Stunde ...")."""
    if len(text) > 240:
        return False
    parts = _META_LABEL.split(text)
    values = parts[2::2]
    return not parts[0].strip() and len(values) >= 2 and all(len(v.split()) <= 6 for v in values)


#: The furniture rules, checked in order; the first that matches names the block's rule id.
FURNITURE: tuple[FurnitureRule, ...] = (
    _rule("donation-appeal", "a fundraising appeal of the site, not part of the segment"),
    _rule(
        "community-appeal",
        "an appeal to join the show's chat or support it on a membership platform",
    ),
    _rule(
        "hosting-notice",
        "the podcast host's privacy or ad-choices line the hosting platform appends to show notes",
    ),
    _rule(
        "sponsor-heading",
        "the heading of the show notes' sponsor section; the section under it goes too",
    ),
    _rule("sponsor-read", "a sponsor's read or offer code in the show notes, not the episode"),
    _rule("comment-prompt", "an invitation to comment, from the blog's comment form"),
    _rule("tip-appeal", "an appeal for readers' own stories or tips, not the story"),
    _rule(
        "listener-appeal",
        "an appeal to rate the show or spread the word about it, not the episode",
    ),
    _rule("contact-line", "the reporter's phone, mail or page to reach them, closing a story"),
    _rule(
        "transcript-notice",
        "the site's note on its transcripts' accuracy, under every transcript",
    ),
    _rule(
        "send-page",
        "the heading of a send-this-page tool; the form under it goes too",
    ),
    _rule(
        "teaser-heading",
        "a heading over a list of other stories ('More News', 'Stay connected'); the list goes too",
    ),
    _rule("embed-label", "the label of an embedded video or audio player ('WATCH | ...')"),
    _rule("comment-form", "a label of the comment form"),
    _rule(
        "reader-comment",
        "a reader's comment under the article ('Anonymous, on Dec 14, 2009 wrote: ...')",
    ),
    _rule(
        "comment-count",
        "a count of reader comments",
        rf"\d+ (?:{_words('comment_nouns')})",
        rf"(?:{_words('comment_one')}|\d+) (?:{_words('comment_thoughts')})"
        rf" (?:{_words('comment_preps')}) [„“\"«].{{1,120}}[“”\"»]",
    ),
    _rule("blog-platform", "the blog host's footer credit"),
    _rule("back-to-top", "a link back to the top of the page"),
    _rule(
        "listen-button",
        "the label of an audio player button; the audio itself is kept as Segment.audio",
    ),
    FurnitureRule(
        "audio-link",
        "a download or player line; its size and duration are read into Segment.audio",
        test=_is_audio_control,
    ),
    _rule("player-control", "a control of the embedded audio player"),
    _rule("subscribe", "a subscription or newsletter prompt"),
    _rule("share-buttons", "social-media and share buttons"),
    _rule("follow-us", "a follow-us link"),
    _rule(
        "photo-controls", "the controls of a photo viewer (NPR prints them beside every caption)"
    ),
    _rule(
        "related-links",
        "links to other stories",
        rf"[>»›▸►→\s]*(?:{_words('related_list_labels')})\s*:\s*.{{1,400}}",
    ),
    _rule("paywall-notice", "the paywall's note on the part of the article a reader cannot see"),
    _rule(
        "syndication-notice",
        "the note on where a syndicated story ran first ('This article originally appeared on"
        " ...'), not the story",
    ),
    _rule(
        "disclaimer",
        "the site's disclaimer for third-party feeds or external links, not the story",
    ),
    _rule("advertisement", "an advertising slot label"),
    _rule("cookie-notice", "a cookie or consent banner"),
    _rule("widget-message", "a script widget's loading or error message, shown before it runs"),
    _rule(
        "site-links",
        "a site footer link",
        rf"(?:{_words('site_links')})(?:\s*[|/·]\s*(?:{_words('site_links_joined')}))*",
    ),
    _rule(
        "copyright-line",
        "the site's copyright footer (the show's copyright comes from configuration)",
    ),
    _rule("navigation", "site navigation"),
    FurnitureRule(
        "page-metadata",
        "a metadata line of the page template (tags, counts, licence), not spoken content",
        pattern=re.compile(
            _phrases(
                "page-metadata",
                rf"(?:{_words('metadata_field_labels')})\s*:\s*(?:[^.!?]|\.(?=\d)){{0,120}}",
                rf"\d+ (?:{_words('time_units')})\.?",
            ),
            re.IGNORECASE,
        ),
        test=_is_metadata_run,
    ),
    _rule(
        "dateline",
        "a date on its own line (the published date is page metadata)",
        rf"(?:(?:{_words('date_verbs')})(?: (?:{_words('date_preps')}))?:?\s*)?"
        rf"(?:{_DATE})(?:,?\s+(?:(?:{_words('time_preps')}) )?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*"
        rf"(?:{_words('clock_suffixes')})?(?:\s*[A-Z]{{2,4}})?)?",
    ),
    FurnitureRule(
        "related-episode",
        "a link to another numbered episode (Podlove's list of them: 'RES156 Blei zu Gold')",
        pattern=re.compile(r"[A-Z]{2,5}\d{2,4}\s+[^.!?:]{1,60}"),  # case matters: "RES156"
    ),
    _rule("cite-episode", "a citation helper", rf"(?:{_words('cite_labels')}):.{{0,300}}"),
    _rule("fyyd-button", "a podcast search engine's curation button text"),
    _rule("template-label", "an empty field label of the CMS template (Marketplace)"),
    _rule(
        "promo-question",
        "the lead-in of a newsletter promotion (AMP blog), not an interview question",
    ),
    FurnitureRule(
        "link-run",
        "a run of furniture links printed on one line between arrows or bars ('» Like Us On"
        " Facebook» Follow Us On Twitter')",
        test=lambda text: _is_link_run(text),  # defined below
    ),
    FurnitureRule(
        "series-blurb",
        "a column's or series' blurb ('Fixes looks at ...') run on to other furniture after it",
        test=lambda text: _is_series_blurb(text),  # defined below, with the sentence cut
    ),
    _rule(
        "author-bio",
        "the author's bio closing an article ('Jane Roe is a reporter for ...'); a byline's kin",
        at_end=True,
    ),
    _rule(
        "broadcast-notice",
        "the note closing a radio feature on when it airs ('... is broadcast on Friday at 1100')",
        at_end=True,
    ),
)

#: How many of the article's last blocks (captions and credits aside) an ``at_end`` rule reads:
#: a bio, its "Follow him on Twitter" and a footnote.
END_BLOCKS = 3

#: Headings whose whole section is furniture: rule id -> the id the blocks under it are removed
#: with. The section ends at the next heading of the same or a higher level (any heading when
#: the page gives no levels): "Sponsors" > "AWS Amplify" > "Get involved".
SECTION_RULES: dict[str, str] = {
    "sponsor-heading": "sponsor-section",
    "paywall-notice": "paywall-box",
    "send-page": "send-page-form",
    "teaser-heading": "teaser-list",
}
#: Section rules whose heading is furniture only over a list of teasers: every block under it
#: at most ``TEASER_MAX_WORDS`` words (a headline, a line of standfirst). "Deep Dive" over the
#: article's own long paragraphs is its section's heading.
TEASER_SECTION_RULES = frozenset({"teaser-heading"})
TEASER_MAX_WORDS = 40

#: What separates the links of a run printed on one line: arrows and bars.
_LINK_RUN_SEPARATOR_RE = re.compile(r"\s*[»›|•]\s*")


def _is_link_run(text: str) -> bool:
    """Tell a line of two or more furniture links between arrows or bars, each furniture alone.

    >>> _is_link_run("» Sign Up For News Alerts» Like Us On Facebook» Follow Us On Twitter")
    True
    >>> _is_link_run("Like Us On Facebook | The mayor said no")
    False
    """
    parts = [p for p in _LINK_RUN_SEPARATOR_RE.split(text) if p]
    return len(parts) >= 2 and all(is_furniture(p) for p in parts)


#: A rule printed as a line of dashes or underscores before or after a label ("---------- SHARE
#: YOUR STORY").
_RULE_LINE_RE = re.compile(r"^[-–—_=~*\s]{3,}|[-–—_=~*\s]{3,}$")


def _undecorated(line: str) -> str:
    """The line without the symbols (not punctuation) and dash rules around it: stars, arrows.

    >>> _undecorated("★ Support this podcast on Patreon ★")
    'Support this podcast on Patreon'
    >>> _undecorated("---------- SHARE YOUR STORY")
    'SHARE YOUR STORY'
    """
    chars = list(_RULE_LINE_RE.sub("", line))
    while chars and (chars[0].isspace() or unicodedata.category(chars[0]).startswith("S")):
        chars.pop(0)
    while chars and (chars[-1].isspace() or unicodedata.category(chars[-1]).startswith("S")):
        chars.pop()
    return "".join(chars)


def is_furniture(text: str, at_end: bool = False) -> str | None:
    """Return the id of the furniture rule ``text`` matches as a whole block, or None.

    >>> is_furniture("Leave a comment")
    'comment-prompt'
    >>> is_furniture("Up ↑")
    'back-to-top'
    >>> is_furniture("Please leave a comment about the film below, she said.") is None
    True
    """
    return _first_rule(text, _ANYWHERE_RULES if not at_end else FURNITURE)


#: The rules read on any block, and the ones read only on the article's last blocks.
_ANYWHERE_RULES = tuple(rule for rule in FURNITURE if not rule.at_end)
_END_RULES = tuple(rule for rule in FURNITURE if rule.at_end)


def _first_rule(text: str, rules: Sequence[FurnitureRule]) -> str | None:
    """Return the id of the first of ``rules`` the whole of ``text`` matches, or None."""
    line = normalise_space(text)
    if not line:
        return None
    # "★ Support this podcast on Patreon ★", "Join the discussion 🎉": symbols around a line.
    bare = _undecorated(line)
    texts = (line,) if bare in ("", line) else (line, bare)  # most lines have no decoration
    for rule in rules:
        if any(rule.matches(t) for t in texts):
            return rule.id
    return None


#: Where a text's sentences meet: an end mark, then a space or a capital run on to it (a meta
#: description flattened from show notes: "... in the intro.See acast.com/privacy ...", "... and
#: why they work.Tags:"); "twitter.com/fixes", "U.S." and "Prop. 39" go on: a digit opens no
#: sentence here.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])(?:\s+|(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))(?=[^\s\d])")
#: A sponsor heading run into the text after it ("... and more! Sentry - Sponsor If you ...").
_SPONSOR_LEAD_RE = re.compile(rf"(?:{_phrases('sponsor-heading')})\s+(?=\S)", re.IGNORECASE)
#: How many sentences one piece of furniture may span: its own abbreviations and addresses
#: ("Follow Dr. Roe on X.", "Hosted on Acast. See acast.com/privacy ...") look like sentence
#: ends. Every piece read is at most this many sentences, so a text is read in linear time.
TAIL_SENTENCE_SPAN = 3


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``text`` starts (the first at 0)."""
    return [0, *(m.end() for m in _SENTENCE_END_RE.finditer(text))]


def _pieces_from(text: str, starts: list[int], n: int) -> Iterator[str]:
    """The text from sentence ``n`` on, one to ``TAIL_SENTENCE_SPAN`` sentences long."""
    ends = [*starts[n + 1 : n + 1 + TAIL_SENTENCE_SPAN]]
    if len(ends) < TAIL_SENTENCE_SPAN:
        ends.append(len(text))
    for end in ends:
        yield text[starts[n] : end]


def cut_furniture_tail(text: str) -> tuple[str, str | None]:
    """Cut ``text`` before the first later sentence that opens furniture; return the rest and why.

    >>> cut_furniture_tail("Suzi has news.See acast.com/privacy for privacy information.")
    ('Suzi has news.', 'hosting-notice')
    >>> cut_furniture_tail("Scott and Wes talk Node! Sentry - Sponsor If you want to know ...")
    ('Scott and Wes talk Node!', 'sponsor-heading')
    >>> cut_furniture_tail("See you there. Hosted by John Horn.")
    ('See you there. Hosted by John Horn.', None)
    """
    starts = _sentence_starts(text)
    for n in range(1, len(starts)):  # furniture from the first sentence on would leave nothing
        start = starts[n]
        rule_id = next(filter(None, map(is_furniture, _pieces_from(text, starts, n))), None)
        if rule_id is None and _SPONSOR_LEAD_RE.match(text, start):
            rule_id = "sponsor-heading"
        if rule_id is not None:
            return text[:start].rstrip(), rule_id
    return text, None


#: The furniture that closes an article's last paragraphs, run on to their text: appeals to
#: follow, join, subscribe, give, comment or call ("... let us know. Join Fixes on Facebook").
TAIL_SENTENCE_RULES = frozenset(
    {
        "follow-us",
        "subscribe",
        "community-appeal",
        "donation-appeal",
        "comment-prompt",
        "tip-appeal",
        "listener-appeal",
        "contact-line",
    }
)
_SERIES_BLURB_RE = re.compile(_phrases("series-blurb"), re.IGNORECASE)
#: The production credit closing a piece ("Interview with Jane Roe produced by Ben Edwards."):
#: no appeal, and no text the appeals before it go on into.
_CREDIT_LINE_RE = re.compile(
    rf"[^.!?]{{0,80}}\b(?:{_words('production_credits')}) {PLACEHOLDERS['{person}']}"
    rf"(?:(?:,|\s+(?:{_words('and_words')})) {PLACEHOLDERS['{person}']})*\.?",
    re.IGNORECASE,
)


def _tail_rule(piece: str) -> str | None:
    """The appeal rule (``TAIL_SENTENCE_RULES``) a closing sentence or two match whole, with
    or without the full stop a sentence ends with ("Follow us on Twitter.")."""
    for text in (piece, piece.rstrip().rstrip(".!")):
        rule_id = is_furniture(text)
        if rule_id in TAIL_SENTENCE_RULES:
            return rule_id
    return None


def _cut_closing_appeals(text: str) -> tuple[str, str | None]:
    """Cut the appeals that close ``text`` sentence by sentence, from its end; return the rest.

    A column's blurb just before them ("Fixes looks at ...") goes with them, and so do the
    questions a call to comment asks ("How do you feel about it? Tell us in the comments!").
    Nothing inside the text is read: the cut stops at the first sentence from the end that is
    not an appeal.

    >>> _cut_closing_appeals("Tell us. Join Fixes on Facebook and follow twitter.com/fixes.")
    ('Tell us.', 'follow-us')
    >>> _cut_closing_appeals("It won. Will it last? Tell us below in the comments!")
    ('It won.', 'comment-prompt')
    >>> _cut_closing_appeals("Facebook said it would follow the ruling.")
    ('Facebook said it would follow the ruling.', None)
    """
    starts = _sentence_starts(text)
    count, found = len(starts), None  # the sentences before ``starts[count]`` are left
    end = len(text)
    while count:
        first = max(0, count - TAIL_SENTENCE_SPAN)
        hit = next(
            (
                (n, rule)
                for n in range(count - 1, first - 1, -1)
                if (rule := _tail_rule(text[starts[n] : end]))
            ),
            None,
        )
        if hit is None:
            break
        count, found = hit[0], found or hit[1]
        end = starts[count]
    if found is None:
        return text, None
    if found == "comment-prompt":
        while count and text[starts[count - 1] : end].rstrip().endswith("?"):
            count -= 1
            end = starts[count]
    if count and _SERIES_BLURB_RE.fullmatch(text[starts[count - 1] : end].strip()):
        end = starts[count - 1]
    return text[:end].rstrip(), found


def _is_series_blurb(text: str) -> bool:
    """Tell a block that is a column's blurb followed only by furniture ("Fixes looks at
    solutions to social problems.Tags:"); the blurb alone may be the article's own sentence."""
    first_end = _SENTENCE_END_RE.search(text)  # the blurb first: most blocks fail here
    if first_end is None or not _SERIES_BLURB_RE.fullmatch(text[: first_end.end()].strip()):
        return False
    starts = _sentence_starts(text)
    rest = text[starts[1] :]
    if is_furniture(rest) is not None:
        return True
    ends = [*starts[2:], len(text)]
    return all(is_furniture(text[a:b]) for a, b in zip(starts[1:], ends, strict=True))


def strip_furniture(blocks: Sequence[Block]) -> tuple[list[Block], list[tuple[Block, str]]]:
    """Split ``blocks`` into those kept and those removed, each removed one with its rule id.

    Besides whole blocks, a furniture heading's section (``SECTION_RULES``) goes with it, and
    the ``at_end`` rules read the last ``END_BLOCKS`` blocks left.
    """
    kept: list[Block] = []
    removed: list[tuple[Block, str]] = []
    section: tuple[str, int | None] | None = None  # (rule id of its blocks, heading level)
    for n, block in enumerate(blocks):
        if section is not None:
            section_id, level = section
            if not _ends_section(block, level):
                removed.append((block, section_id))
                continue
            section = None
        rule_id = is_furniture(block.text)
        teasers = rule_id in TEASER_SECTION_RULES and block.kind == "heading"
        if teasers and not _heads_teasers(blocks, n):
            rule_id = None  # the heading of the article's own section
        if rule_id is None:
            kept.append(block)
            continue
        removed.append((block, rule_id))
        if rule_id in SECTION_RULES and block.kind == "heading":
            section = (SECTION_RULES[rule_id], block.level)
    text_at = [n for n, b in enumerate(kept) if b.kind not in ("caption", "credit")]
    for n in reversed(text_at[-END_BLOCKS:]):
        # Every other rule was read on this block above: only the end rules are left.
        end_id = _first_rule(kept[n].text, _END_RULES)
        if end_id is not None:
            removed.append((kept.pop(n), end_id))
    # Appeals run on to the last paragraph go sentence by sentence, from its end; a paragraph
    # of nothing else goes whole and the one before it is read.
    text_at = [n for n, b in enumerate(kept) if b.kind not in ("caption", "credit")]
    for n in reversed(text_at[-END_BLOCKS:]):
        block = kept[n]
        text, tail_id = (
            _cut_closing_appeals(block.text) if block.kind == "paragraph" else ("", None)
        )
        if tail_id is None:
            if block.kind == "paragraph" and _CREDIT_LINE_RE.fullmatch(block.text.strip()):
                continue  # "Interview with Jane Roe produced by Ben Edwards."
            break
        if not text:
            removed.append((kept.pop(n), tail_id))
            continue
        kept[n] = replace(block, text=text)
        removed.append((replace(block, text=block.text[len(text) :].strip()), tail_id))
        break  # the paragraph's text goes on before its appeals
    return kept, removed


def _ends_section(block: Block, level: int | None) -> bool:
    """Tell whether ``block`` ends the section of a heading of ``level``: a heading of the same
    or a higher level (any heading when the page gives no levels)."""
    return block.kind == "heading" and (
        level is None or block.level is None or block.level <= level
    )


def _heads_teasers(blocks: Sequence[Block], at: int) -> bool:
    """Tell whether the heading ``blocks[at]`` stands over teasers only (``TEASER_MAX_WORDS``
    words a block at most) or over nothing; the article's own section has longer paragraphs."""
    level = blocks[at].level
    for block in blocks[at + 1 :]:
        if _ends_section(block, level):
            return True
        if len(block.text.split()) > TEASER_MAX_WORDS:
            return False
    return True
