"""Page furniture: the text around an article that must never reach an episode.

Every rule lives in ``FURNITURE``, one row each: an id, a test on the whole block, and why the block
is furniture. A block is furniture only when the WHOLE block matches (after whitespace is
collapsed), so a sentence that merely mentions "share" or "comment" is kept. The examples come from
the seed pages and the corpus in ``../shared/corpus/pages`` (see the tests for one per rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from segments.importers.audiolinks import parse_download_text
from segments.importers.rawpage import Block
from segments.whitespace import normalise_space

_APOS = "['’]"
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli"
    r"|oktober|dezember)[a-z]*\.?"
)
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


def _rule(rule_id: str, pattern: str, reason: str) -> FurnitureRule:
    return FurnitureRule(rule_id, reason, pattern=re.compile(pattern, re.IGNORECASE))


_AUDIO_LABEL = re.compile(
    r"(?:download|listen|play|herunterladen)(?: (?:this|the))?"
    r"(?: (?:story|audio|episode|segment|podcast|file|interview|now|here))*",
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


_META_LABEL = re.compile(
    r"\b(veröffentlicht am|published(?: on)?|posted(?: on)?|dauer|duration|length|lizenz"
    r"|license|licence|downloads|source|topics|tags|kategorien|categories)\b\s*:?",
    re.IGNORECASE,
)


def _is_metadata_run(text: str) -> bool:
    """Tell a run of template fields ("Veröffentlicht am 16.08.2019 Dauer: 1 Stunde ...")."""
    if len(text) > 240:
        return False
    parts = _META_LABEL.split(text)
    values = parts[2::2]
    return not parts[0].strip() and len(values) >= 2 and all(len(v.split()) <= 6 for v in values)


#: The furniture rules, checked in order; the first that matches names the block's rule id.
FURNITURE: tuple[FurnitureRule, ...] = (
    _rule(
        "donation-appeal",
        rf"you care about today{_APOS}s news\.? and you{_APOS}re not alone\.?"
        r"|join (?:others|us|thousands of others) (?:who|in) support(?:ing)?"
        r" (?:independent|local|public|nonprofit) (?:journalism|news|media|radio)\.?"
        r"|(?:please )?(?:donate|give)(?: now| today)?[.!]?"
        r"|support (?:public radio|independent journalism|american public media|npr|kpcc|laist"
        r"|wnyc|this (?:station|show|podcast|work))[.!]?"
        r"|.{0,60}(?:services|journalism|work) (?:is|are) (?:supported|made possible)"
        r" by (?:users|readers|listeners|members) like you\.?",
        "a fundraising appeal of the site, not part of the segment",
    ),
    _rule(
        "comment-prompt",
        r"leave a (?:comment|reply)|load comments|(?:add|post|view|show) (?:a |all )?comments?"
        r"|comments?|schreibe einen kommentar|antworten(?: abbrechen)?|reply|cancel reply",
        "an invitation to comment, from the blog's comment form",
    ),
    _rule(
        "comment-form",
        r"your email address will not be published\.?(?: required fields are marked \*)?"
        r"|notify me of (?:new posts|follow-?up comments) (?:by|via) e-?mail\.?"
        r"|deine e-mail-adresse wird nicht veröffentlicht\.?(?: .{0,60})?"
        r"|benachrichtige mich über (?:neue beiträge|nachfolgende kommentare)"
        r" (?:via|per) e-mail\.?",
        "a label of the comment form",
    ),
    _rule(
        "comment-count",
        r"\d+ (?:comments?|responses?|replies|kommentare?)"
        r"|(?:one|\d+|ein) (?:thoughts?|gedanken?|responses?) (?:on|to|zu) [„“\"«].{1,120}[“”\"»]",
        "a count of reader comments",
    ),
    _rule(
        "blog-platform",
        r"(?:create a (?:free )?website or blog at|blog at|(?:proudly )?powered by)"
        r" wordpress(?:\.com)?\.?|wordpress(?:\.com)?",
        "the blog host's footer credit",
    ),
    _rule(
        "back-to-top",
        r"(?:up|top|back to top|nach oben|zurück nach oben)\s*[↑⬆^]?|[↑⬆]\s*(?:top|up)?",
        "a link back to the top of the page",
    ),
    _rule(
        "listen-button",
        r"listen(?: now| live)?"
        r"|listen to (?:the |this )?(?:story|segment|episode|interview|podcast)"
        r"|listen to more audio from this episode|read & listen|anhören",
        "the label of an audio player button; the audio itself is kept as Segment.audio",
    ),
    FurnitureRule(
        "audio-link",
        "a download or player line; its size and duration are read into Segment.audio",
        test=_is_audio_control,
    ),
    _rule(
        "player-control",
        r"download|embed|toggle more options|transcript|<|>|·|play|playlist",
        "a control of the embedded audio player",
    ),
    _rule(
        "subscribe",
        r"subscribe(?: to (?:the |our |this )?(?:podcast|newsletter|show|feed|rss))?:?"
        r"|abonnieren|rss(?: feeds?)?|newsletters?|(?:apm |email )?newsletters"
        r"|sign up(?: now)?!?|(?:then )?sign up (?:for|to) (?:our|the) (?:free )?(?:email )?"
        r"newsletter\b.{0,160}",
        "a subscription or newsletter prompt",
    ),
    _rule(
        "share-buttons",
        r"(?:(?:share(?: this(?: story| article| post| page)?)?(?: on)?|shares|tweet|e-?mail"
        r"|facebook|twitter|flipboard|linkedin|reddit|whatsapp|pinterest|print|copy link"
        r"|instagram|x)[\s:|,·]*)+",
        "social-media and share buttons",
    ),
    _rule(
        "follow-us",
        r"follow(?: us)?(?: @\w+| on (?:social media|twitter|facebook|instagram|x))?:?"
        r"|connect(?: with (?:us|abc news|npr))?",
        "a follow-us link",
    ),
    _rule(
        "photo-controls",
        r"enlarge this image|hide caption|toggle caption|enlarge|view (?:gallery|slideshow)"
        r"|(?:\d+ of \d+|previous|next) (?:image|photo)s?",
        "the controls of a photo viewer (NPR prints them beside every caption)",
    ),
    _rule(
        "related-links",
        r"related(?: (?:stories|posts|articles|content|links|coverage|episodes))?:?"
        r"|see also: .{1,120}|read more(?: \W)?|mehr zum thema:?"
        r"|(?:mehr zum thema|more on this topic|weitere folgen|related (?:episodes|stories|posts))"
        r"\s*:\s.{1,400}"
        r"|more from (?:american public media|npr|this (?:show|podcast|author|reporter|series))"
        r"|you (?:may|might) also like:?|top stories|most (?:read|popular|commented|viewed|shared)",
        "links to other stories",
    ),
    _rule(
        "advertisement",
        r"advertisement|advertising|advertise|sponsored(?: content)?|sponsor message|anzeige"
        r"|become an? .{1,20} sponsor|sponsor (?:npr|us|this (?:show|podcast|station))",
        "an advertising slot label",
    ),
    _rule(
        "cookie-notice",
        r"(?:this (?:web)?site|we) uses? cookies\b.{0,300}|accept(?: all)? cookies"
        r"|cookie (?:settings|preferences|policy)|your privacy choices|manage (?:cookies|consent)",
        "a cookie or consent banner",
    ),
    _rule(
        "site-links",
        r"(?:privacy policy|terms of (?:use|service)|terms and conditions|conditions of use"
        r"|copyright information|impressum|datenschutz(?:erklärung)?|contact us|site map"
        r"|about us|careers|help)(?:\s*[|/·]\s*(?:privacy policy|terms of use|impressum"
        r"|datenschutz(?:erklärung)?))*",
        "a site footer link",
    ),
    _rule(
        "copyright-line",
        r"(?:©|\(c\)|copyright ©)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[^.]{0,60}\.?",
        "the site's copyright footer (the show's copyright comes from configuration)",
    ),
    _rule(
        "navigation",
        r"skip to (?:main )?content|zum inhalt springen|(?:open |close )?navigation menu|menu|menü"
        r"|search(?: form)?:?|expand/collapse submenu for .{1,40}",
        "site navigation",
    ),
    FurnitureRule(
        "page-metadata",
        "a metadata line of the page template (tags, counts, licence), not spoken content",
        pattern=re.compile(
            r"(?:source|topics|tags|categories|kategorien|schlagworte|downloads|dauer|duration"
            r"|lizenz|license|filed under)\s*:\s*(?:[^.!?]|\.(?=\d)){0,120}|updated"
            r"|(?:source: .{1,40}\| )?duration: .{1,40}"
            r"|\d+ (?:stunden?|minuten?|sekunden?|hours?|minutes?|seconds?|min|sec|hrs?)\.?",
            re.IGNORECASE,
        ),
        test=_is_metadata_run,
    ),
    _rule(
        "dateline",
        r"(?:(?:published|posted|updated|veröffentlicht|aktualisiert)(?: am| on)?:?\s*)?"
        rf"(?:{_DATE})(?:,?\s+(?:at |um )?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*"
        r"(?:[ap]\.?m\.?|uhr)?(?:\s*[A-Z]{2,4})?)?",
        "a date on its own line (the published date is page metadata)",
    ),
    FurnitureRule(
        "related-episode",
        "a link to another numbered episode (Podlove's list of them: 'RES156 Blei zu Gold')",
        pattern=re.compile(r"[A-Z]{2,5}\d{2,4}\s+[^.!?:]{1,60}"),  # case matters: "RES156"
    ),
    _rule(
        "cite-episode",
        r"(?:diese folge zitieren|cite this (?:episode|article|page)):.{0,300}",
        "a citation helper",
    ),
    _rule(
        "fyyd-button",
        r"mit diesem button kannst du diese podcast-episode .{0,300}",
        "a podcast search engine's curation button text",
    ),
    _rule(
        "template-label",
        r"episode (?:teaser image|description):",
        "an empty field label of the CMS template (Marketplace)",
    ),
    _rule(
        "promo-question",
        r"interested in learning more about .{1,60}\?",
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
