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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from segments.importers import vocabulary
from segments.importers.audiolinks import parse_download_text
from segments.importers.rawpage import Block
from segments.whitespace import normalise_space

_words = vocabulary.alternation
_MONTH = rf"(?:{_words('months')})[a-z]*\.?"
#: "04/19/13", "16.08.2019", "December 24, 2016", "24. August 2019", "2016-12-24".
_DATE = (
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}"
)


@dataclass(frozen=True)
class FurnitureRule:
    """One kind of furniture: a block that fully matches ``pattern`` (or satisfies ``test``)."""

    id: str
    reason: str
    pattern: re.Pattern[str] | None = None
    test: Callable[[str], bool] | None = None

    def matches(self, text: str) -> bool:
        """Return whether the (normalised) block ``text`` is this furniture."""
        if self.pattern is not None and self.pattern.fullmatch(text):
            return True
        return self.test is not None and self.test(text)


def _phrases(rule_id: str, *more: str) -> str:
    """Return the rule's phrases in every language (``vocabulary``) and ``more``, as one pattern."""
    return "|".join(f"(?:{p})" for p in (*vocabulary.furniture(rule_id), *more))


def _rule(rule_id: str, reason: str, *more: str) -> FurnitureRule:
    """A rule whose pattern is its phrases in every language, plus ``more`` (page structure)."""
    return FurnitureRule(rule_id, reason, pattern=re.compile(_phrases(rule_id, *more), re.I))


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
    _rule("comment-prompt", "an invitation to comment, from the blog's comment form"),
    _rule("comment-form", "a label of the comment form"),
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
        rf"(?:{_words('related_list_labels')})\s*:\s.{{1,400}}",
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
)


def is_furniture(text: str) -> str | None:
    """Return the id of the furniture rule ``text`` matches as a whole block, or None.

    >>> is_furniture("Leave a comment")
    'comment-prompt'
    >>> is_furniture("Up ↑")
    'back-to-top'
    >>> is_furniture("Please leave a comment about the film below, she said.") is None
    True
    """
    line = normalise_space(text)
    if not line:
        return None
    for rule in FURNITURE:
        if rule.matches(line):
            return rule.id
    return None


def strip_furniture(blocks: Sequence[Block]) -> tuple[list[Block], list[tuple[Block, str]]]:
    """Split ``blocks`` into those kept and those removed, each removed one with its rule id."""
    kept: list[Block] = []
    removed: list[tuple[Block, str]] = []
    for block in blocks:
        rule_id = is_furniture(block.text)
        if rule_id is None:
            kept.append(block)
        else:
            removed.append((block, rule_id))
    return kept, removed
