"""Turn a page as read (RawPage) into a Segment: the one structurer for text and HTML pages.

Reading order: normalise the blocks, take captions out as images, remove furniture, find the
title and bylines, find the people from the page's own phrasing, classify each block (topic
heading, question, speaker turn, paragraph), split the intro (the summary) from the sections,
then fill in who answered and who asked.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from segments.errors import InputError
from segments.importers import names, vocabulary
from segments.importers.audiolinks import mime_from_url, parse_download_list, parse_download_text
from segments.importers.furniture import is_furniture, strip_furniture
from segments.importers.rawpage import TITLE_SEPARATORS, Block, RawPage, Reason, ReasonField
from segments.model import AudioRef, Image, Person, Role, Section, Segment, Source
from segments.timecode import parse_timecode
from segments.values import value_problem
from segments.whitespace import normalise_space

# --- names --------------------------------------------------------------------------------------

_words = vocabulary.alternation
#: Between the last two of several names: "Marissa Halpert and Rick Terrill".
_AND = re.compile(rf"\s+(?:{_words('and_words')}|&)\s+")

_WORD = names.WORD
#: Two to four capitalised words: how a person's full name looks in running text.
NAME = names.NAME

#: Words that describe someone interviewed for what they do ("director So Yong Kim").
GUEST_NOUNS: tuple[str, ...] = vocabulary.words("guest_nouns")
_NOUNS = "|".join(GUEST_NOUNS)

#: Leading words a name match may drag in that are never part of a name.
NOT_NAME_WORDS = frozenset({*vocabulary.words("not_name_words"), *GUEST_NOUNS})
#: Offices before a name (rule "names-office-title"): "Governor Gavin Newsom" is Gavin Newsom,
#: but "King Abdullah" is how the page names him, so an office goes only before a full name.
OFFICE_TITLES = frozenset(vocabulary.words("office_titles"))

#: What someone does, said of them: "director So Yong Kim", "Kim is a director", "Kim, a
#: director". On a programme (a show's or an episode's page, one asking questions, or one that
#: says who talks with whom or who hosts: ``_programme_evidence``; audio alone is not) that is
#: who is interviewed; in a news report it is only someone the report mentions ("engineer
#: Gregg Stefancik", "founder Jeff Bezos"), so these patterns (``GUEST_BY_WHAT_THEY_DO``) make
#: a guest only on a programme.
GUEST_BY_NOUN = re.compile(rf"\b(?i:{_NOUNS})\s+(?P<name>{NAME})")
GUEST_BY_COPULA = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<name>{NAME}),?\s+(?:\([^)]{{1,40}}\)\s+)?"
    rf"(?:{_words('copulas')})\s+(?:(?:{_words('copula_articles')})\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?i:{_NOUNS})\b"
)
GUEST_BY_APPOSITION = re.compile(
    rf"(?P<name>{NAME}),\s+(?:{_words('appositive_articles')})\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?i:{_NOUNS})\b"
)
GUEST_BY_WHAT_THEY_DO = frozenset({GUEST_BY_NOUN, GUEST_BY_COPULA, GUEST_BY_APPOSITION})

#: "Ellesa Throwden reports": a transcript's hand-over, anywhere on the page. A reporter's
#: title ("correspondent Jane Roe") says who reported only in the title, the description or
#: the first paragraphs: further on it names another outlet's reporter the text discusses.
REPORTS = re.compile(rf"(?P<name>{NAME})\s+(?:{_words('report_verbs')})\b")
#: How pages say who is who: (role, pattern with a "name" group). Searched in the title, the
#: description and the intro paragraphs (the hand-over "X reports" also in the body); first
#: match wins.
#: "Jane Roe spoke with ...": who talks with someone, the page's interviewer, unless the one
#: they talk with is the page's own author (rule "people-spoke-with-the-author").
TALKS_WITH = re.compile(
    rf"(?P<name>{NAME})\s+(?:recently\s+)?(?:{_words('talk_verbs')})"
    rf"\s+(?:{_words('talk_preps')})\b"
)
_GUEST_PHRASE = rf"\b(?i:{_words('guest_phrases')})\s+(?:(?i:{_NOUNS})\s+)?"
#: What that guest phrase leaves out: a capitalised phrase after an article names a paper or a
#: programme, no person (rule "people-not-an-article", named in ``--explain``).
NOT_AN_ARTICLE = re.compile(rf"{_GUEST_PHRASE}(?P<name>(?i:{_words('name_articles')})\s+{NAME})")
ROLE_PHRASES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    # "hr-Moderatorin Jane Roe", "BBC-Moderator ...": a title joined to a station's name says
    # what she does there (a topic's person), not that she presents this page.
    ("host", re.compile(rf"(?<![\w-])(?i:{_words('host_titles')})\s+(?P<name>{NAME})")),
    ("interviewer", TALKS_WITH),
    (
        "interviewer",
        re.compile(rf"\b(?i:{_words('interviewer_titles')})\s+(?P<name>{NAME})"),
    ),
    ("guest", GUEST_BY_NOUN),
    (
        "guest",
        # "an interview with The New York Times" names a paper (rule "people-not-an-article").
        re.compile(rf"{_GUEST_PHRASE}(?!(?i:{_words('name_articles')})\s)(?P<name>{NAME})"),
    ),
    ("guest", GUEST_BY_COPULA),
    ("guest", GUEST_BY_APPOSITION),
    ("reporter", REPORTS),
    ("reporter", re.compile(rf"\b(?i:{_words('reporter_titles')})\s+(?P<name>{NAME})")),
)

#: Several names in a row: "Eric Posner and Chad Syverson", "A, B und C".
_BETWEEN_NAMES = rf"\s*,\s*(?:(?:{_words('and_words')})\s+)?|\s+(?:{_words('and_words')}|&)\s+"
NAMES = rf"{NAME}(?:(?:{_BETWEEN_NAMES}){NAME})*"
#: Between a name list's names.
_NAMES_SPLIT = re.compile(_BETWEEN_NAMES)

#: "... in 1998.</p><p><em>–Erin Ryan</em>": a reporter signs off their part of a package of
#: stories with a dash before the name, alone or at the end of their text (rule
#: "people-sign-off"). A dash only: a hyphen joins words.
#: A typewriter's double hyphen is a dash too ("-- Jane Roe"), and the place they filed from
#: may follow the names ("-- Jane Roe in Sacramento").
_PLACE = r"[A-ZÀ-Ý][\w.’'-]*(?:\s+[A-ZÀ-Ý][\w.’'-]*){0,2}"
_FILED_FROM = rf"(?:\s+(?:{_words('sign_off_place_words')})\s+{_PLACE})?"
SIGN_OFF = re.compile(rf"(?:^|(?<=[.!?”\"’)]))\s*(?:[–—]|--)\s?(?P<names>{NAMES}){_FILED_FROM}\.?$")
#: "... policies. (By Jane Roe) Enditem/": a wire service's byline in brackets after the last
#: paragraph, before the end mark if one is printed (rule "people-sign-off").
BRACKETED_SIGN_OFF = re.compile(
    rf"(?:^|(?<=[.!?”\"’)]))\s*\((?i:{_words('byline_words')})\s+(?P<names>{NAMES})\)"
    rf"(?:\s+(?i:{_words('end_marks')}))?$"
)
#: A signed text ending in a link to the story it sums up ("... Read the full story."): a
#: newsletter's teaser, signed by that story's author (rule "people-sign-off-teaser").
SIGNED_TEASER = re.compile(rf"(?i:{_words('full_story_links')})\W*$")
#: Words the text signed off has at least: "“Be yourself.” —Oscar Wilde" after a short
#: quotation is its attribution, and so is a dash line after a quote block.
SIGN_OFF_MIN_WORDS = 40

#: Where a guest works, after their name: "of TSP", "from the Harbour Gazette" (one to four
#: capitalised words, an article first).
_AFFILIATION = rf"(?:(?i:{_words('name_articles')})\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}"

#: "Jane Roe interviews John Doe", "Jane Roe reçoit John Doe": who asks, then the guest.
_RECEIVES = _words("receive_verbs")
#: The verbs of whoever asks: names before them are not the episode's guests.
_ASKING = "|".join((_RECEIVES, _words("talk_verbs")))

#: "The Associated Press": an article makes a capitalised phrase no person's name.
NAME_ARTICLES = frozenset(vocabulary.words("name_articles"))

#: Where a people rule looks: "front" (title, description, intro, headings), "text" (the
#: description and every block: label lines and credits stand anywhere), "title" or
#: "page title" (the page's own <title> or og:title, site name and programme name included).
Where = Literal["front", "text", "title", "page title"]


@dataclass(frozen=True)
class PeopleRule:
    """One way pages say who is who: a pattern with a "names" group, the role it gives."""

    rule: str  # what ``--explain`` calls it
    role: Role
    pattern: re.Pattern[str]
    where: Where = "front"
    programme_only: bool = False  # in a news report the same words name someone else


def _label_line(field: str) -> re.Pattern[str]:
    """ "Moderation: Jane Roe" at a block's start, after "|" or after a sentence, names alone."""
    return re.compile(
        rf"(?:^|(?<=[|·•;])|(?<=[.!?»“”\"]\s))\s*(?i:{_words(field)})\s*:\s*(?P<names>{NAMES})"
        rf"(?=\s*(?:$|[|·•;,(–—/-]))",
        re.MULTILINE,
    )


#: An episode number opening a title: "117: ", "#12 – ", "Episode 12: ", "Folge 3 | "; not a
#: score ("2-1 win"), a time ("12:30: ...") or an ordinal ("1. FC Köln: ...").
EPISODE_NUMBER = re.compile(
    rf"^\s*\[?(?:#\s*\d{{1,4}}|\d{{1,3}}|(?i:{_words('episode_words')})\s*#?\s*\d{{1,4}})\]?"
    r"\s*(?::|\||[–—-](?=\s))\s*(?=[^\d\s])"
)
_ASKED = _words("guest_with_asker")

#: The page's own ways of saying who presents, who is a guest, who asks and who reported,
#: tried after ROLE_PHRASES (a name keeps the first role it is given).
PEOPLE_RULES: tuple[PeopleRule, ...] = (
    PeopleRule(
        "guest named before who talks with them",
        "guest",
        re.compile(rf"(?:^|(?<=\s))(?P<names>{NAME})\s+(?:{_ASKED})\s+{NAME}"),
    ),
    PeopleRule(
        "who talks with a guest named first",
        "interviewer",
        re.compile(rf"{NAME}\s+(?:{_ASKED})\s+(?P<names>{NAME})"),
    ),
    PeopleRule("host label line", "host", _label_line("host_labels"), "text"),
    PeopleRule("guest label line", "guest", _label_line("guest_labels"), "text"),
    PeopleRule("interviewer label line", "interviewer", _label_line("interviewer_labels"), "text"),
    PeopleRule("reporter label line", "reporter", _label_line("reporter_labels"), "text"),
    PeopleRule(
        "interviewer credit",
        "interviewer",
        re.compile(rf"\b(?i:{_words('interviewer_titles')})\s+(?P<names>{NAMES})"),
        "text",
    ),
    PeopleRule(
        "reporter credit",
        "reporter",
        re.compile(rf"\b(?i:{_words('reporter_credits')})\s+(?P<names>{NAMES})"),
        "text",
    ),
    PeopleRule(
        "guest the authors spoke with",
        "guest",
        re.compile(
            rf"(?:^|(?<=\s))(?:{_words('spoke_with_openers')})\s+(?P<names>{NAMES})"
            rf"(?=[^.!?]{{0,160}}\s(?:{_words('spoke_with_closers')})\b)"
        ),
    ),
    PeopleRule(
        "guest list",
        "guest",
        re.compile(
            rf"\b(?i:{_words('guest_list_phrases')})\s+(?:(?i:{_NOUNS})\s+)?(?P<names>{NAMES})"
        ),
    ),
    PeopleRule(
        # "Dern joins Q's Tom Power to talk about ...": whom a guest joins to talk presents
        "host a guest joins",
        "host",
        re.compile(
            rf"\b(?i:{_words('host_joins')})\s+(?:{_WORD}['’]s\s+)?(?P<names>{NAMES})"
            rf"\s+(?i:{_words('host_join_purposes')})\b"
        ),
    ),
    PeopleRule(
        "who receives a guest",
        "interviewer",
        re.compile(rf"(?P<names>{NAME})\s+(?:{_RECEIVES})\s+{NAME}"),
        programme_only=True,
    ),
    PeopleRule(
        "guest someone receives",
        "guest",
        re.compile(rf"{NAME}\s+(?:{_RECEIVES})\s+(?P<names>{NAMES})"),
        programme_only=True,
    ),
    PeopleRule(
        "guest who joins the programme",
        "guest",
        # "Michael Roe of Acme joins me": where they work may stand between
        re.compile(
            rf"(?P<names>{NAMES})(?:\s+(?:{_words('affiliation_words')})\s+{_AFFILIATION})?"
            rf"\s+(?i:{_words('guest_joins')})\b"
        ),
    ),
    PeopleRule(
        "episode opening",
        "guest",
        re.compile(
            rf"\b(?i:{_words('episode_openings')})\s+(?P<names>{NAMES}),?"
            rf"(?=\s+(?!(?:{_ASKING})\b)[a-zß-ÿ])"
        ),
    ),
    PeopleRule(
        "programme's guest phrase",
        "guest",
        re.compile(
            rf"\b(?i:{_words('programme_guest_phrases')})\s+(?:(?i:{_NOUNS})\s+)?(?P<names>{NAMES})"
        ),
        programme_only=True,
    ),
    PeopleRule(
        "show blurb's presenter",
        "host",
        re.compile(
            rf"(?:^|(?<=[.!?]\s))(?P<names>{NAME})\s+(?:{_words('show_host_verbs')})\s+(?=[a-zß-ÿ])"
        ),
        "text",
        programme_only=True,
    ),
    PeopleRule(
        "episode title's guest and their organisation",
        "guest",
        re.compile(
            rf"\s(?:{_words('title_with_words')})\s+(?P<names>{NAMES})"
            rf"\s+(?:{_words('title_org_words')})\s+{_WORD}"
        ),
        "title",
        programme_only=True,
    ),
    PeopleRule(
        "numbered episode title's guest",
        "guest",
        re.compile(
            rf"{EPISODE_NUMBER.pattern}(?P<names>{NAMES})"
            rf"(?:\s+(?:{_words('title_topic_words')})|\s*:)(?=\s+\S)"
        ),
        "title",
    ),
    PeopleRule(
        "station programme's presenter in the page title",
        "host",
        re.compile(
            rf"\s[–—|-]\s+[^–—|,:-]*?\w['’]s\s[^–—|,:-]*?\s(?:{_words('show_with_words')})"
            rf"\s+(?P<names>{NAME}),\s+\S"
        ),
        "page title",
    ),
    PeopleRule(
        "episode title's guest at its end",
        "guest",
        re.compile(
            rf"(?:,|\s[–—|-]|\()\s*(?:{_words('title_with_words')})\s+"
            rf"(?P<names>{NAMES})\)?\s*$"
        ),
        "title",
        programme_only=True,
    ),
)

#: A programme's name after its presenter's surname, as its page's heading prints it: "Sass: So
#: isst der Norden" (no quotation: "Merkel: «Wir schaffen das»" quotes her).
PROGRAMME_NAMED_AFTER = re.compile(
    rf"(?P<surname>{_WORD})\s*:\s+(?P<programme>[^\"“„«‘'»”]{{3,60}}?)\s*"
)
#: Where a programme's page prints its name: among its first blocks.
PROGRAMME_HEADING_BLOCKS = 3

#: Headings over a list of people, one per item ("Guests" / "Jane Roe, historian"): the role
#: they give, the heading (whole) and how an item opens with names.
HEADED_LISTS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("host", re.compile(rf"(?i:{_words('host_headings')})\s*:?")),
    ("guest", re.compile(rf"(?i:{_words('guest_headings')})\s*:?")),
)
_LIST_ITEM = re.compile(rf"(?P<names>{NAMES})(?=\s*(?:$|[|·•;,(–—/:-]))")
#: Items read under such a heading at most: a long run is the text, not a list.
HEADED_LIST_MAX = 8

#: One panellist a paragraph: "Jane Roe (Die Zeit)", "Jane Roe(freie Journalistin)". A run of
#: PANEL_MIN such paragraphs on a programme's page lists its guests (rule "people-panel-list").
PANEL_ITEM = re.compile(rf"(?P<name>{NAME})\s*\([^()]{{1,60}}\)")
PANEL_MIN = 3

#: The host's hand-over to a reporter, a whole paragraph: "Ellesa Throwden reports."
THROW_TO_REPORTER = re.compile(rf"^{NAME}\s+(?:{_words('report_verbs')})\.?$")

#: A byline paragraph: "By Seth Fiegerman", "Posted by Alex Durán, AMP Project Marketing, Google",
#: "Par : Jean Dupont", "By Jane Roe (SWR)", "by Jane Roe [Design, Interview]" (its sections).
BYLINE = re.compile(
    rf"(?i:{_words('byline_words')})(?:\s*:\s*|\s+)(?P<names>[^,|(\[]+?)(?:\s*[,|(\[].*)?",
)
#: A byline naming an organisation by its article: "By THE NEW YORK TIMES", "By The Associated
#: Press" (a person's name never opens with one).
BYLINE_OF_ORGANISATION = re.compile(
    rf"^\s*(?i:{_words('byline_words')})(?:\s*:\s*|\s+)(?i:{_words('name_articles')})\s+\S"
)
_MONTHS = _words("month_names")
#: A date printed after a byline's name, cut off: "Jane Roe on May 3, 2020", "Jane Roe am 3. Mai",
#: "Jane Roe le 3 mai", "Jane Roe, Monday, February 29", "Jane Roe | 03.05.2020". A month or a
#: weekday needs a day beside it ("Brian May" is a name).
BYLINE_DATE = re.compile(
    rf"(?:\s*[,|·•–—]\s*|\s+)(?:(?i:{_words('date_preps')})\s+)?"
    rf"(?:(?i:{_words('weekdays')})\W{{1,3}}(?:\d|(?i:{_MONTHS}))"
    rf"|(?i:{_MONTHS})\.?\s+\d|\d{{1,2}}\.?\s+(?i:{_MONTHS})\b|\d{{1,4}}[./-]\d).*$"
)

#: A date printed before a byline's name and set off from it, cut off: "Dec. 19, 2025 · Jane
#: Roe", "Monday, 3 May 2020 | Jane Roe", "03.05.2020 – Jan Roth" (a month needs its day).
BYLINE_LEADING_DATE = re.compile(
    rf"^\s*(?:(?i:{_words('weekdays')}),?\s+)?"
    rf"(?:(?i:{_words('months')})[^\W\d]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}\.?\s+(?i:{_words('months')})[^\W\d]*\.?"
    rf"|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}})(?:,?\s+\d{{4}})?\s*[·|•–—]\s*"
)
#: "Jane Roe on behalf of the Docs team": whom the writer writes for, cut off.
BYLINE_BEHALF = re.compile(rf"\s+(?i:{_words('byline_behalf_words')})\s.*$")

#: A paragraph that only credits the interviewer: "Das Gespräch führte Jan Roth.", "Propos
#: recueillis par Jeanne Martin", "Interview: Anna Weiss und Tom Falk".
INTERVIEWER_CREDIT = re.compile(
    rf"(?i:{_words('interviewer_titles')}|{_words('interviewer_credits')})"
    r"\s*(?P<names>[^,|;]+?)\.?",
)

#: "Gerber tells CNBC", "Isaac told Fox News Latino", "the leader told The Root": whoever tells
#: the page's own publication is its interviewee (the site's name follows the verb; rule
#: "people-told-publication"). A lowercase subject ("he told CNBC") only says the page is one.
_TOLD = _words("told_verbs")
#: Whom a headline is about: "Gwyneth Paltrow Explains ...", "'Selma': Ava DuVernay and Oprah
#: Winfrey turn ...", "Sharpton Responds to ...", "Jane Roe: „quote“" (rule
#: "people-headline-subject"): on an interview write-up, who is interviewed.
HEADLINE_SUBJECT = re.compile(
    rf"^(?:[^:]{{1,80}}:\s+)?(?P<names>{NAMES}|{_WORD})"
    rf"(?=\s+(?i:{_words('headline_speech_verbs')})\b|\s+(?!(?:{_words('and_words')})\s)[a-zß-ÿ]"
    r"|\s*:\s*[\"“„«‘'])"
)
#: A site name's domain ending: "Le Monde.fr" is Le Monde.
SITE_DOMAIN = re.compile(r"\.(?:com|org|net|fr|de|co\.uk|[a-z]{2})$", re.IGNORECASE)
HEADLINE_VERB = re.compile(rf"(?i:{_words('headline_speech_verbs')})")
#: "today's episode", "in diesem Podcast", "cette émission": the title, description or first
#: paragraphs call the page a programme's (rule "people-programme-evidence").
PROGRAMME_WORD = re.compile(rf"(?<![\w-])(?i:{_words('programme_words')})(?![\w-])")
#: "during a revealing interview": the intro says the page reports an interview.
INTERVIEW_WORD = re.compile(rf"\b(?i:{_words('interview_words')})\b")
#: The intro someone tells the publication in: the description and first paragraphs (deep in
#: a news report, "..., Ruiz told Stuff" quotes one source among others).
INTRO_PARAGRAPHS = 2
#: Where a write-up says it reports an interview: the title and the standfirst (the description,
#: else the first paragraph), its first characters ("In an interview with the FT, Trump ..." in
#: a long news paragraph quotes another paper's interview).
STANDFIRST_CHARS = 300

#: Rule "people-principal-voice": a write-up built on one person's words (a feature on an
#: interview, a podcast or a talk) names them in front and keeps quoting them by surname,
#: "Perry said", "said Persoons", "according to Cossio", far more than anyone else.
#: A name followed by a quote verb (an apposition between: "Rice, 23, said").
_QUOTE_VERBS = _words("quote_verbs")
_QUOTE_SOURCES = _words("quote_sources")
#: "said Persoons", "sagt Roe": a quote verb before the speaker ("told Fox Nation" is not).
_SAID_BY = _words("inverted_quote_verbs")
#: The page says it reports a conversation: an interview, a programme, "sat down with", "joins
#: me", "told us" (case-insensitive, whole words).
CONVERSATION_CUE = re.compile(
    rf"(?<![\w-])(?i:{_words('interview_words')}|{_words('programme_words')}"
    rf"|{_words('conversation_cues')}|(?:{_TOLD})\s+(?:{_words('told_objects')}))(?![\w-])"
)
#: The talk phrases alone ("sat down with", "joins Q's host to talk"): what a standfirst says of
#: the headline's subject it talks with (rule "people-headline-subject").
CONVERSATION_PHRASE = re.compile(rf"(?<![\w-])(?i:{_words('conversation_cues')})(?![\w-])")
#: A sentence of the page: where a conversation cue and a name meet.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n")
#: Quotes the principal voice has at least, and how many times the next voice's: one quote
#: more than another source is a news report's balance, not a write-up of one conversation.
VOICE_MIN_QUOTES = 2
VOICE_LEAD = 2
#: Quotes enough for a conversation the intro states without naming them ("Polygon sat down
#: with the lifelong Texan"); fewer need a cue that names them ("Rice joined ... podcast").
VOICE_UNNAMED_CUE_QUOTES = 3
#: The paragraphs after the description the principal voice may be introduced in.
VOICE_INTRO_PARAGRAPHS = 3
#: The share of the paragraphs that name the principal voice at least: a long report that
#: quotes one expert three times ("Michael Mann told me") is not built on their words.
VOICE_MIN_SHARE = 0.2
#: Words a paragraph has at least to count in that share (a caption or a credit has fewer).
VOICE_PARAGRAPH_MIN_WORDS = 8
#: "Secretary of State for Urbanism Ans Persoons": a name match right after a title's small word
#: starts with the title's last word.
_AFTER_TITLE = re.compile(rf"{_WORD}\s+(?:{_words('title_prepositions')})\s+$")

#: "I'm Ezra Klein.", "What's up everybody? This is Courtland Allen from ...": a presenter
#: introducing themselves (rule "people-self-introduction").
SELF_INTRODUCTION = re.compile(
    rf"(?:^|(?<=[.!?,…]\s))(?:{_words('self_introductions')})\s+(?P<names>{NAME})"
)
#: "Peter, I had no idea ...", "What about you, Ava?": a question speaking to someone by their
#: first name (rule "people-addressed-guest").
ADDRESSED = re.compile(rf"^(?P<first>{_WORD}),\s|,\s(?P<last>{_WORD})\s*[?!.]?[\"'”’»)]*$")

#: The order people are listed in: who the episode is about first.
ROLE_ORDER: tuple[Role, ...] = ("guest", "interviewer", "reporter", "host")

#: Speaker labels that name a part someone plays, not a person ("THE PRESIDENT:", "Q:"): such a
#: speaker is never listed among the people. Compared case-folded, the whole label.
ROLE_TITLES = frozenset(vocabulary.words("role_titles"))
#: Words that make any label a part, not a name: "Speaker 1", "Unidentified Male", "Male Voice".
ROLE_TITLE_WORDS = frozenset(vocabulary.words("role_title_words"))
#: Forms of address before a surname ("Frau Berg", "Mr. Smith"): never a first name. Case-folded.
HONORIFICS = frozenset(vocabulary.words("honorifics"))

# --- speakers, headings, questions --------------------------------------------------------------

#: "MARK BANNERMAN: text", "THE FIRST LADY: text".
CAPS_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4})"
    r"(?:,\s+(?P<part>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}))?\s*:\s*(?P<rest>\S.*)"
)
#: "SACHA PFEIFFER, HOST:" alone in its paragraph, the turn's words in the next one: a name
#: and a part as ``CAPS_LABEL`` has them, with nothing after the colon.
CAPS_PART_LABEL_ALONE = re.compile(
    r"(?P<label>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4})"
    r",\s+(?P<part>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3})\s*:"
)
#: Labels that stand for the one interviewee: "GUEST:", "[Gast]" (case-folded, whole).
GUEST_PARTS = frozenset(vocabulary.words("guest_label_parts"))
#: The part a broadcast transcript's first label gives ("SARAH GONZALEZ, HOST:", "DAVID GREENE,
#: BYLINE:"): who presents and who reports (case-folded, rule "qa-part-label").
LABEL_PARTS: dict[str, Role] = {
    **{part: "host" for part in vocabulary.words("host_label_parts")},
    **{part: "reporter" for part in vocabulary.words("reporter_label_parts")},
}
#: "McKelvey: text", "Rick: text" (also "McKelvey:text", as Mashable prints it).
NAME_LABEL = re.compile(r"(?P<label>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s*(?P<rest>\S.*)")
#: An editor's note about the interview ("This interview has been edited for length."): a note.
INTERVIEW_NOTE = re.compile(rf"(?i:{_words('interview_notes')})\b")
#: "[Moderator] text", "[Gast]: text": podcast transcripts' bracketed speaker labels.
BRACKET_LABEL = re.compile(
    r"\[(?P<label>[A-ZÀ-Ý][\w.'’-]*(?:\s+[\w.'’-]+){0,3})\]:?\s+(?P<rest>\S.*)"
)
#: Labels that introduce a remark, never a speaker.
NOT_SPEAKERS = frozenset(vocabulary.words("not_speakers"))
#: Link and button labels ("READ MORE: ..."), never a speaker nor a person.
INTERFACE_LABELS = frozenset(vocabulary.words("interface_labels"))
#: Labels of an editor's remark: such a paragraph is its own section, spoken by nobody.
NOTE_LABELS = frozenset(vocabulary.words("note_labels"))
#: "Q:" and "A:" labels of printed interviews.
QUESTION_LABELS = frozenset(vocabulary.words("question_labels"))
#: "Q. How did it start?" / "A. With a call.": print interviews' labels with a full stop.
DOTTED_QA_LABEL = re.compile(r"(?P<label>[QA]\.)\s+(?P<rest>\S.*)")
#: Dotted labels count only on a page with this many "Q." ("A. Smith said" is an initial).
DOTTED_QUESTIONS_MIN = 2
ANSWER_LABELS = frozenset(vocabulary.words("answer_labels"))
#: Why a question the page reader marked is one (``--explain``).
MARKED_UP = "marked up as a question (bold, a heading among several asking, a Q: label)"
#: A question that speaks to someone: "What motivated you?", "Warum haben Sie ...?".
ADDRESS = re.compile(rf"\b(?:{_words('address_words')})\b")
#: The last sentence of a paragraph (a question's own words after any lead-in statements).
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?…:])\s)(?P<last>[^.!?…:]*[?!.…]?[\s\"'”’»)\]]*)$")
#: A time mark before a turn: "[00:12:30]", "(12:30)", "[1:02:03.5]", or a bare "00:12:30".
TIME_MARK = re.compile(
    r"(?:[\[(](?P<time>\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?)[\])]"
    r"|(?P<bare>\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?))(?:\s+|$)"
)
#: A topic heading is a short line ending in ":" that is not a reported-speech lead-in.
HEADING_MAX_WORDS = 10
REPORTING_VERBS = re.compile(rf"\b(?:{_words('reporting_verbs')})\b", re.IGNORECASE)
QUESTION_MAX_WORDS = 80
_CLOSERS = "\"'”’»)] "
SLUG_MAX = 60


#: What the structurer takes a block for.
ItemKind = Literal["heading", "question", "paragraph"]
#: "answer" after an "A:" label, "note" for "Note:" / "Update:" paragraphs.
Mark = Literal["answer", "note"]


@dataclass
class _Item:
    """A classified block: what it is, its text without any label, who speaks or asks it."""

    kind: ItemKind
    text: str
    speaker: str | None = None
    questioner: str | None = None
    mark: Mark | None = None
    marked_up: bool = False  # the markup (or a "Q:" label) says so: never second-guessed
    why: str = ""  # the rule that made it a question, or kept it text (``--explain``)
    start_seconds: float | None = None  # a time mark printed before it


def _name_keys(name: str) -> tuple[str, str, str]:
    """Return the full, first and last name of ``name``, case-folded."""
    words = name.casefold().split()
    return (" ".join(words), words[0], words[-1])


@dataclass
class _People:
    """The people found so far, deduplicated by name, in the order found."""

    found: list[Person] = field(default_factory=list)
    front: str = ""  # the title and intro text, where full names of labelled speakers are
    #: Why each person (by case-folded name) is on the page with their role (``--explain``).
    why: dict[str, str] = field(default_factory=dict)
    #: The page's publication (``_site_key``: "le monde" of "Le Monde.fr"): never one of the
    #: people its own phrasing names ("in an interview with CNBC").
    site: str = ""
    #: What makes the page a programme's, "" on an article (rule "people-programme-evidence").
    programme: str = ""
    #: The Q&A stage's classification of the page's blocks (``_classify``) as ``_find_people``
    #: made it, and what it read of the people then (``known``): the page's own, while the
    #: people found since leave that unchanged.
    judged: list[_Item] = field(default_factory=list)
    judged_with: tuple[object, ...] = ()

    def known(self) -> tuple[object, ...]:
        """Return what ``_classify`` reads of the people: names, roles and the intro."""
        return (self.front, *((p.name, p.role) for p in self.found))

    #: The same, only when no person could have that name (``_publication``): what a credit the
    #: page states (metadata, a byline) may not name; a blog named after its author keeps him.
    publication: str = ""
    #: What the people rules left out, and why (``--explain``).
    notes: list[Reason] = field(default_factory=list)
    #: The page's text, one block a line: a capitalised phrase it writes small elsewhere is no
    #: name (``names.refusal``, rule "names-written-small").
    page: str = ""

    def note(self, value: str, why: str, about: ReasonField = "person") -> None:
        """Say in ``--explain`` why ``value`` is left out (once)."""
        if all(n.value != value for n in self.notes):
            self.notes.append(Reason(about, value, why))

    def add(
        self,
        name: str,
        role: Role,
        *,
        href: str | None = None,
        img: str | None = None,
        why: str = "",
        credit: bool = False,
    ) -> None:
        """Add ``name`` with ``role`` unless the name is already there or is the site's.

        ``credit``: the page states this person (metadata, a byline), so only a site name no
        person could have is refused; any other mention refuses the site's name outright.
        """
        name = normalise_space(name)
        refused = names.refusal(name, self.page)
        if refused is not None:
            # The one gate every source passes: an organisation, a credit, a phrase the name
            # match ran into is nobody (``names.refusal``).
            self.note(f"{name} (left out)", f"no person's name ({refused})")
            return
        site = self.publication if credit else self.site
        if site and _site_key(name) == site:
            self.note(f"{name} (left out)", "the page's own site (people-not-the-site)")
            return
        # "SERGIO MARTINEZ-BELTRAN, BYLINE:" is "Sergio Martínez-Beltrán" of the metadata:
        # capitals lose the accents, so names are compared without them.
        key = _unaccented(name)
        known = next((p for p in self.found if _unaccented(p.name) == key), None)
        if known is not None:
            if known.role == "reporter" and role == "interviewer":
                # A byline says who wrote it; "X spoke with ..." says what X did on the page.
                known.role = role
                self.why[known.name.casefold()] += f"; interviewer by {why or 'the page'}"
            return
        if name:
            self.found.append(Person(name=name, role=role, href=href, img=img))
            self.why[name.casefold()] = why

    def with_role(self, role: Role) -> list[Person]:
        """Return the people with ``role``."""
        return [p for p in self.found if p.role == role]

    def match(self, label: str) -> Person | None:
        """Return the one person whose full, first or last name is ``label``, if exactly one."""
        key = label.casefold()
        hits = [p for p in self.found if key in _name_keys(p.name)]
        return hits[0] if len(hits) == 1 else None

    def ordered(self) -> list[Person]:
        """Return the people in ROLE_ORDER, page order within a role."""
        return [p for role in ROLE_ORDER for p in self.found if p.role == role]


# --- small helpers ------------------------------------------------------------------------------


def _unaccented(name: str) -> str:
    """Return ``name`` case-folded without its accents, to tell one person written two ways.

    >>> _unaccented("Sergio Martínez-Beltrán") == _unaccented("SERGIO MARTINEZ-BELTRAN")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _language(tag: str | None) -> str | None:
    """Return a page's language tag as segment files take it (``EN_us`` -> ``en-us``), or None
    when it is no language tag at all: the importer never writes a file its reader refuses.

    >>> _language("EN_us"), _language("de-DE"), _language("!!")
    ('en-us', 'de-DE', None)
    """
    if tag is None:
        return None
    primary, _, rest = tag.strip().replace("_", "-").partition("-")
    candidate = f"{primary.lower()}-{rest}" if rest else primary.lower()
    return candidate if value_problem("language", candidate) is None else None


def slugify(title: str) -> str:
    """Return a stable ASCII slug for ``title``: lowercase words joined by hyphens, at most 60.

    >>> slugify("'Lovesong': Another intimate film from director So Yong Kim")
    'lovesong-another-intimate-film-from-director-so-yong-kim'
    >>> slugify("RES158 Sternfusion am Teilchenbeschleuniger – Größe & Übermut")
    'res158-sternfusion-am-teilchenbeschleuniger-grosse-ubermut'
    >>> slugify("¿Qué?")
    'que'
    """
    text = title.replace("ß", "ss").replace("&", " ")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:SLUG_MAX]
    if not slug:
        # A title with no ASCII letters at all (e.g. all Chinese): a stable hash of it.
        slug = "segment-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]
    return slug


def _speaker_name(label: str, people: _People) -> str:
    """Name a speaker the markup labelled: "McKelvey" is "Jim McKelvey" when the page says so."""
    person = people.match(label)
    return person.name if person else (_full_name(label, people.front) or label)


def is_person_name(speaker: str) -> bool:
    """Tell a speaker's full name from a part (ROLE_TITLES) or a bare first name or surname.

    A one-word label ("Rick", "McKelvey", "Mashable") counts only once the page has given the
    full name, which the structurer then puts in its place.

    >>> is_person_name("Jon Sieben"), is_person_name("Ludwig van Beethoven")
    (True, True)
    >>> is_person_name("The First Lady"), is_person_name("Speaker 1"), is_person_name("Rick")
    (False, False, False)
    >>> is_person_name("Read More")
    False
    """
    words = speaker.split()
    if speaker.casefold() in ROLE_TITLES | INTERFACE_LABELS or not 2 <= len(words) <= 4:
        return False
    if any(w.casefold() in ROLE_TITLE_WORDS or any(c.isdigit() for c in w) for w in words):
        return False
    inner = [w for w in words[1:-1] if w not in names.PARTICLES]
    return all(w[:1].isupper() for w in [words[0], *inner, words[-1]])


def _clean_name(raw: str) -> str | None:
    """Trim a name match to the person's name: drop a possessive prefix and leading titles,
    and stop at a verb or a plural possessive the match ran into.

    >>> _clean_name("Julia Bottoms’ Portraitures Are"), _clean_name("artist Julia Bottoms’")
    ('Julia Bottoms', 'Julia Bottoms')
    >>> _clean_name("Jane Roe Is Looking"), _clean_name("Bnxn Is Looking") is None
    ('Jane Roe', True)
    >>> _clean_name("Obama's Jane Roe"), _clean_name("Carolyn Said"), _clean_name("George Will")
    ('Jane Roe', 'Carolyn Said', 'George Will')
    >>> _clean_name("Governor Gavin Newsom"), _clean_name("Kardinal Jean-Claude Hollerich")
    ('Gavin Newsom', 'Jean-Claude Hollerich')
    >>> _clean_name("King Abdullah"), _clean_name("Rachel King")  # an office only before a name
    ('King Abdullah', 'Rachel King')
    >>> _clean_name("Dr. Michael Greger"), _clean_name("Prof. Dr. Jan Roth")  # titles, no stop
    ('Michael Greger', 'Jan Roth')
    """
    tokens = raw.split()
    for index, token in enumerate(tokens):
        if token.endswith(".") and len(token) > 2 and token[:-1].casefold() not in HONORIFICS:
            # "Göbel." ends a sentence (an initial like "J." or a title like "Dr." does not):
            # the name stops there.
            tokens = tokens[: index + 1]
            break
    verb = names.verb_at(tokens)
    tokens = tokens[:verb] if verb else tokens  # "Jane Roe Has": the name stops before it
    for index, token in enumerate(tokens[:-1]):
        if re.search(r"\w[’']$", token):
            # "Julia Bottoms’ Portraitures": a plural possessive ends the name, its noun follows
            tokens = [*tokens[:index], token[:-1]]
            break
    for index in range(len(tokens) - 1, -1, -1):
        if re.search(r"['’]s$", tokens[index]):
            tokens = tokens[index + 1 :]
            break
    if tokens and re.search(r"\w[’']$", tokens[-1]):
        tokens[-1] = tokens[-1][:-1]  # "artist Julia Bottoms’": the possessive is no part
    while tokens and tokens[0].casefold().strip(".,") in NOT_NAME_WORDS:
        tokens = tokens[1:]
    while len(tokens) > 2 and tokens[0].casefold().rstrip(".,") in HONORIFICS:
        tokens = tokens[1:]  # "Prof. Dr. Jan Roth": the titles before a full name
    while len(tokens) > 2 and tokens[0].casefold().strip(",") in OFFICE_TITLES:
        tokens = tokens[1:]  # "Cardinal Jean-Claude Hollerich" (names-office-title)
    tokens = [t.rstrip(".,;:") for t in tokens]
    if not 2 <= len(tokens) <= 4:
        return None
    inner = [t for t in tokens[1:-1] if t not in names.PARTICLES]  # "Jan van Berg"
    if any(not t[:1].isupper() for t in [tokens[0], *inner, tokens[-1]]):
        return None
    return " ".join(tokens)


def _byline_names(text: str) -> list[str] | None:
    """Return the names of a byline paragraph, or None when ``text`` is not a byline.

    The date after the names is no part of them, a name in capitals is written as a name, and
    one said twice (an avatar's alt text beside the link) is one name:

    >>> _byline_names("By JANE ROE on May 3, 2020"), _byline_names("Von Jan Berg am 3. Mai 2020")
    (['Jane Roe'], ['Jan Berg'])
    >>> _byline_names("By Jane Roe (SWR)"), _byline_names("By Chris Roe Chris Roe")
    (['Jane Roe'], ['Chris Roe'])
    >>> _byline_names("By the time we arrived, it was dark") is None
    True

    An organisation's byline is a byline of nobody (``BYLINE_OF_ORGANISATION``):

    >>> _byline_names("By THE NEW YORK TIMES"), _byline_names("By The Associated Press")
    ([], [])
    """
    found = _names_of_line(BYLINE, BYLINE_DATE.sub("", text))
    if found is None:
        return None
    if BYLINE_OF_ORGANISATION.match(text):
        return []
    return [tidy_byline_name(n) for n in found]


#: The last words of a writer's job title, under their name ("Featured Co-Editor", "Staff
#: Writer") or in their closing note ("a contributing editor"): a writer's, not any job's
#: ("Chief Engineer" under a name is the card of someone the page quotes).
_WRITER_TITLE_WORDS = frozenset(w.casefold() for w in vocabulary.words("writer_titles"))
#: How far into the article a name line over a job-title line is its byline: the CMS prints it
#: first, perhaps under a photo's caption or a dateline.
NAME_OVER_TITLE_BLOCKS = 4
#: A job title line's words at most ("Senior Staff Writer", "Featured Co-Editor").
JOB_TITLE_MAX_WORDS = 5


def _is_job_title_line(text: str) -> bool:
    """Tell a line that is only a job title: "Featured Co-Editor", "Staff Writer".

    >>> [_is_job_title_line(t) for t in ("Featured Co-Editor", "Staff writer", "Our editor.")]
    [True, True, False]
    """
    words = text.split()
    if not words or len(words) > JOB_TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    last = re.split(r"-", words[-1].casefold())[-1]
    return last in _WRITER_TITLE_WORDS and all(w[-1:].isalnum() for w in words)


def _named_elsewhere(name: str, blocks: list[Block], own: list[Block], title: str | None) -> bool:
    """Tell whether the page names ``name`` (its surname) outside its ``own`` blocks: in the
    title or the text. A writer's byline or closing note names them once; a name the page
    quotes or talks about ("Roe said", a guest's closing note) is whom it is about."""
    surname = re.compile(rf"(?<![\w-]){re.escape(name.split()[-1])}(?![\w-])")
    texts = [title or "", *(b.text for b in blocks if not any(b is o for o in own))]
    return any(surname.search(t) for t in texts)


def _name_over_job_title(
    blocks: list[Block], title: str | None = None
) -> tuple[str, list[Block]] | None:
    """Return the name and its two blocks where an article opens with a line that is only a
    person's name over a line that is only a writer's job title ("Jane Roe" / "Featured
    Co-Editor"), as publishing systems print a byline with its writer's title (rule
    "byline-name-over-title"), when the page names them nowhere else (``_named_elsewhere``).
    """
    opening = blocks[:NAME_OVER_TITLE_BLOCKS]
    for first, second in itertools.pairwise(opening):
        if first.kind != "paragraph" or second.kind != "paragraph":
            continue
        name = _clean_name(first.text)
        if (
            name is not None
            and name == first.text.strip()
            and is_person_name(name)
            and _is_job_title_line(second.text)
            and not _named_elsewhere(name, blocks, [first, second], title)
        ):
            return name, [first, second]
    return None


#: "Jane Roe is a BusinessDay contributing editor.": the writer's note closing an article
#: (rule "byline-closing-bio"); the title's last word is a writer's (``writer_titles``).
WRITER_BIO = re.compile(
    rf"(?P<name>{NAME})\s+(?:{_words('copulas')})\s+(?:{_words('copula_articles')})\s+"
    rf"(?:[\w’'&.-]+\s+){{0,4}}?(?P<title>[\w-]+)(?:\s+(?:\w+\s+){{0,1}}[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){{0,3}})?\.?"
)
#: The blocks at an article's end a writer's note may be in, and its words at most.
WRITER_BIO_BLOCKS = 2
WRITER_BIO_MAX_WORDS = 20


def _closing_writer_bio(
    blocks: list[Block], headline: str | None = None
) -> tuple[str, Block] | None:
    """Return the name and block of a writer's note among the article's last blocks ("Jane
    Roe is a BusinessDay contributing editor."): the byline a publishing system prints last.

    >>> found = _closing_writer_bio([Block("Text."), Block("Jane Roe is a staff writer.")])
    >>> found[0] if found else None
    'Jane Roe'
    >>> _closing_writer_bio([Block("Jane Roe is a staff writer who loves cats and dogs.")])
    """
    for block in blocks[-WRITER_BIO_BLOCKS:]:
        text = block.text.strip()
        match = WRITER_BIO.fullmatch(text) if block.kind == "paragraph" else None
        if match is None or len(text.split()) > WRITER_BIO_MAX_WORDS:
            continue
        title = match["title"].casefold().split("-")[-1]
        name = _clean_name(match["name"])
        if (
            title in _WRITER_TITLE_WORDS
            and name is not None
            and is_person_name(name)
            and not _named_elsewhere(name, blocks, [block], headline)
        ):
            return name, block
    return None


def _credited_interviewers(text: str) -> list[str] | None:
    """Return the names of an interviewer credit line, or None when ``text`` is not one.

    >>> _credited_interviewers("Das Gespräch führte Jan Roth.")
    ['Jan Roth']
    >>> _credited_interviewers("Propos recueillis par Jeanne Martin et Paul Roy")
    ['Jeanne Martin', 'Paul Roy']
    >>> _credited_interviewers("Interview: Jane Doe on rivers") is None
    True
    """
    return _names_of_line(INTERVIEWER_CREDIT, text)


def _names_of_line(line: re.Pattern[str], text: str) -> list[str] | None:
    """The names a whole short line of the form ``line`` gives, or None when it is not one."""
    match = line.fullmatch(text)
    if match is None or len(text.split()) > 16:
        return None
    names = [_clean_name(n) for n in _AND.split(match.group("names"))]
    if not names or any(n is None for n in names):
        return None
    return [n for n in names if n]


#: "MARK BANNERMAN" -> "Mark Bannerman", "JAN VAN BERG" -> "Jan van Berg".
_titlecase = names.titlecase
tidy_byline_name = names.tidy_byline_name


def _strip_closers(text: str) -> str:
    return text.rstrip(_CLOSERS)


def is_question_text(text: str) -> bool:
    """Tell a text that asks: it ends in "?" (quotes aside) within ``QUESTION_MAX_WORDS`` words."""
    return _strip_closers(text).endswith("?") and len(text.split()) <= QUESTION_MAX_WORDS


def _heading_text(text: str) -> str | None:
    """Return the heading of a "Getting into filmmaking:" line, or None for anything else."""
    if not text.endswith(":") or text[:1] in "\"'“‘«":
        return None
    heading = text[:-1].strip()
    if not heading or len(heading.split()) > HEADING_MAX_WORDS or REPORTING_VERBS.search(heading):
        return None
    return heading


def _label(text: str) -> tuple[str, str, bool] | None:
    """Split a speaker label from ``text``: (label, rest, label is in capitals), or None."""
    dotted = DOTTED_QA_LABEL.fullmatch(text)
    if dotted:
        return dotted.group("label"), dotted.group("rest"), False
    caps = CAPS_LABEL.fullmatch(text)
    if caps and caps.group("part") and caps.group("part").casefold() not in LABEL_PARTS:
        caps = None  # "WASHINGTON, D.C.: ..." is a dateline, no speaker
    if caps and len(re.sub(r"[^A-Z]", "", caps.group("label"))) >= 1:
        return caps.group("label"), caps.group("rest"), len(caps.group("label")) > 1
    named = NAME_LABEL.fullmatch(text) or BRACKET_LABEL.fullmatch(text)
    if named:
        return named.group("label"), named.group("rest"), False
    return None


def speaker_label(text: str) -> str | None:
    """Return the speaker label a paragraph opens with ("Alex Evans: ...", "AE: ..."), if any.

    >>> speaker_label("AE: Focus, I call it."), speaker_label("Focus, I call it.")
    ('AE', None)
    """
    found = _label(text)
    return found[0] if found else None


# --- the stages ---------------------------------------------------------------------------------


def _time_mark(text: str) -> tuple[float | None, str]:
    """Split a leading time mark from ``text``: (seconds or None, the rest).

    >>> _time_mark("[00:12:30] JOHN HORN: Why?"), _time_mark("(1:05) Hi"), _time_mark("3:30 pm")
    ((750.0, 'JOHN HORN: Why?'), (65.0, 'Hi'), (None, '3:30 pm'))
    """
    match = TIME_MARK.match(text)
    if not match:
        return None, text
    try:
        return parse_timecode(match["time"] or match["bare"]), text[match.end() :]
    except ValueError:  # "[1:75]" is no timecode: keep the text as it is
        return None, text


def _normalise_blocks(blocks: Iterable[Block]) -> list[Block]:
    """Clean whitespace in every block, take out time marks and drop empty ones.

    A block that is only a time mark times the block after it.
    """
    cleaned = []
    pending: float | None = None
    for block in blocks:
        text = normalise_space(block.text)
        speaker = normalise_space(block.speaker).rstrip(":").strip() if block.speaker else None
        start = block.start_seconds
        if start is None and block.kind != "heading":
            start, text = _time_mark(text)
        if start is not None and not text:
            pending = start
            continue
        if text:
            start = start if start is not None else pending
            cleaned.append(replace(block, text=text, speaker=speaker or None, start_seconds=start))
            pending = None
    return cleaned


def _take_images(raw: RawPage, blocks: list[Block]) -> tuple[list[Image], list[Block]]:
    """Move caption and credit blocks into images; drop paragraphs that repeat a caption."""
    images = [replace(i) for i in raw.images]
    kept: list[Block] = []
    for block in blocks:
        if block.kind == "caption":
            images.append(Image(caption=block.text))
        elif block.kind == "credit":
            if images and images[-1].credit is None:
                images[-1].credit = block.text
            else:
                images.append(Image(credit=block.text))
        else:
            kept.append(block)
    merged: list[Image] = []
    for image in images:
        twin = next((m for m in merged if _same_caption(m.caption, image.caption)), None)
        if twin is None:
            merged.append(image)
            continue
        if image.caption and len(image.caption) > len(twin.caption or ""):
            twin.caption = image.caption
        twin.credit = twin.credit or image.credit
        twin.url = twin.url or image.url
    captions = [m.caption for m in merged if m.caption]
    kept = [b for b in kept if not any(_repeats_caption(b.text, c) for c in captions)]
    return merged, kept


def _same_caption(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a == b or _repeats_caption(a, b) or _repeats_caption(b, a)


def _repeats_caption(text: str, caption: str) -> bool:
    """Alt text is the caption or its start ("So Yong Kim is the director and writer of")."""
    return text == caption or (len(text) >= 15 and caption.startswith(text))


def _find_title(raw: RawPage, blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """Return the title and the blocks without a leading repeat of it."""
    title = normalise_space(raw.title) if raw.title else None
    if title is not None and not blocks and is_furniture(title):
        # "Leave a comment" heading a page of nothing but furniture. With text below it, a title
        # stays even if a rule matches it ("RES158 Sternfusion ..." is also a related-episode link).
        title = None
    if title is None and blocks:
        first = blocks[0]
        if first.kind == "heading" or (
            first.kind == "paragraph"
            and len(first.text.split()) <= 15
            and not _strip_closers(first.text).endswith((".", ":", "?"))
            and not _label(first.text)
        ):
            title = first.text
    if title:
        # The headline printed again near the top of the text (HTML <h1>, a kicker line).
        key = title.casefold()
        repeat = next((i for i, b in enumerate(blocks[:5]) if b.text.casefold() == key), None)
        if repeat is not None:
            blocks = blocks[:repeat] + blocks[repeat + 1 :]
    return title or None, blocks


def _first_answer_label(blocks: list[Block]) -> str | None:
    """Return the full name labelling the paragraph right under the page's first marked-up
    question ("Thomas Jäger: Diese war ..."): the interviewee, who labels only their first
    answer, the later ones running on unlabelled (rule "qa-first-answer-label")."""
    for before, block in itertools.pairwise(blocks):
        if before.kind == "question":
            found = _label(block.text) if block.kind == "paragraph" else None
            return found[0] if found and not found[2] and is_person_name(found[0]) else None
    return None


def _accepted_labels(blocks: list[Block], people: _People) -> dict[str, str]:
    """Decide which paragraph labels are speakers; map each accepted label to its display name."""
    labels = [_label(b.text) for b in blocks if b.kind not in ("heading", "question")]
    counts = Counter(lab[0] for lab in labels if lab)
    first_answer = _first_answer_label(blocks)
    accepted: dict[str, str] = {}
    for found in labels:
        if found is None:
            continue
        label, _rest, is_caps = found
        key = label.casefold().rstrip(".")
        if key in INTERFACE_LABELS or label in accepted:
            continue
        if key in QUESTION_LABELS or key in ANSWER_LABELS:
            # "Question :" / "Réponse :" mark turns, as the HTML reader's bold markers do.
            if not label.endswith(".") or counts["Q."] >= DOTTED_QUESTIONS_MIN:
                accepted[label] = label
            continue
        if key in NOT_SPEAKERS:
            continue
        person = people.match(_titlecase(label) if is_caps else label)
        recurring = counts[label] >= 2
        if person is not None:
            accepted[label] = person.name
        elif is_caps and (recurring or len(label.split()) >= 2):
            accepted[label] = _titlecase(label)
        elif not is_caps and recurring and len(label.split()) <= 4:
            accepted[label] = _full_name(label, people.front) or label
        elif label == first_answer:
            accepted[label] = label
    _name_short_labels(labels, accepted)
    return accepted


def _name_short_labels(
    labels: list[tuple[str, str, bool] | None], accepted: dict[str, str]
) -> None:
    """Give a surname label its full name from the page's one full-name label of that surname.

    Interview transcripts name each speaker in full once ("Dirk Müller: Guten Morgen."), then by
    surname ("Müller: ..."): the full label counts as the speaker's, once, too (rule
    "qa-surname-label").
    """
    full: dict[str, bool] = {}
    for found in labels:
        if found and len(found[0].split()) >= 2 and found[0].casefold() not in NOT_SPEAKERS:
            full[found[0]] = found[2]
    short_labels = {found[0]: found[0] for found in labels if found and " " not in found[0]}
    for short, shown in {**short_labels, **accepted}.items():
        if " " in short or shown not in (short, _titlecase(short)):
            continue
        if short.casefold() in NOT_SPEAKERS | QUESTION_LABELS | ANSWER_LABELS:
            continue
        matches = [f for f in full if f.split()[-1].casefold() == short.casefold()]
        if not matches and short.isupper() and 2 <= len(short) <= 3:
            # "Alex Evans: ..." once, then "AE: ..." (rule "qa-initials-label").
            matches = [f for f in full if _initials(f) == short]
        if len(matches) == 1:
            label = matches[0]
            name = accepted.get(label) or (_titlecase(label) if full[label] else label)
            accepted[short] = accepted[label] = name


def _initials(label: str) -> str:
    """Return a full name's initials: "AE" for "Alex Evans", "JPS" for "Jean-Paul Sartre"."""
    return "".join(part[:1].upper() for part in re.split(r"[\s-]+", label) if part)


def _label_parts(blocks: list[Block]) -> list[tuple[str, Role, str]]:
    """Return (name, role, label) for each "SARAH GONZALEZ, HOST:" label of the page, before
    its turn's words or alone in its paragraph above them."""
    parts = []
    for block in blocks:
        caps = CAPS_LABEL.fullmatch(block.text) or CAPS_PART_LABEL_ALONE.fullmatch(block.text)
        role = LABEL_PARTS.get(caps.group("part").casefold()) if caps and caps["part"] else None
        if caps and role:
            parts.append((_titlecase(caps.group("label")), role, f"{caps[0].partition(':')[0]}:"))
    return parts


def _full_name(label: str, front: str) -> str | None:
    """Find "Rick Terrill" in the intro for a first-name label "Rick", or "Anna Berg" for a
    surname label "Berg" ("Frau Berg" is no full name), if the intro has it."""
    if " " in label:
        return None
    # Not across a line: "Asake and Olamide" over "Burna Boy" names no "Olamide Burna".
    match = re.search(rf"\b{re.escape(label)}[^\S\n]+([A-Z][\w-]+)\b(?![’'])", front)
    if match:
        return f"{label} {match.group(1)}"
    return _first_name_before(label, front)


def _first_name_before(label: str, front: str) -> str | None:
    """Find "Anna Berg" in ``front`` for a surname "Berg", if it gives one first name only."""
    firsts = {
        match.group(1)
        for match in re.finditer(rf"\b([A-Z][\w'’-]+)[^\S\n]+{re.escape(label)}\b", front)
        if match.group(1).casefold().rstrip(".") not in NOT_NAME_WORDS | HONORIFICS
    }
    return f"{firsts.pop()} {label}" if len(firsts) == 1 else None  # "Anna and Paul Berg": no


def _repeats(block: Block, raw: RawPage) -> bool:
    """Tell whether ``block`` only repeats the page's description (its standfirst)."""
    standfirst = normalise_space(raw.description).casefold() if raw.description else None
    return block.text.casefold() == standfirst


def _lead(
    blocks: list[Block], accepted: dict[str, str], description: str | None = None
) -> list[Block]:
    """Return the blocks before the first heading, question or speaker turn (the intro).

    A heading that only repeats the page's description (its standfirst printed over the text)
    starts nothing: the intro goes on below it (rule "people-standfirst-heading").
    """
    lead = []
    standfirst = normalise_space(description).casefold() if description else None
    for index, block in enumerate(blocks):
        found = _label(block.text)
        if index == 0 and block.kind == "heading" and block.text.casefold() == standfirst:
            continue  # named in --explain by _find_people
        if (
            block.kind in ("heading", "question")
            or block.speaker
            or block.start_seconds is not None
            or (found and found[0] in accepted)
            or _heading_text(block.text)
            or is_question_text(block.text)
        ):
            break
        lead.append(block)
    return lead


def _sign_offs(
    blocks: list[Block], teasers: list[tuple[str, str]] | None = None
) -> list[tuple[str, str]]:
    """Return (name, the words) of each reporter signing off a long text ("... –Erin Ryan").

    >>> text = Block(" ".join(["word"] * 40) + ".")
    >>> found = _sign_offs([text, Block("–Erin Ryan"), Block(text.text + " –Ric Roe and Al Doe")])
    >>> [name for name, _ in found], found[0][1]
    (['Erin Ryan', 'Ric Roe', 'Al Doe'], '–Erin Ryan')
    >>> _sign_offs([Block(text.text, kind="quote"), Block("— Jane Roe")])  # a quote's author
    []
    """
    found: list[tuple[str, str]] = []
    for index, block in enumerate(blocks):
        signed_off = block.kind in ("paragraph", "list_item")
        match = SIGN_OFF.search(block.text) if signed_off else None
        match = match or (BRACKETED_SIGN_OFF.search(block.text) if signed_off else None)
        if match is None:
            continue
        before = block.text[: match.start()]
        if not before.strip():
            # Alone in its paragraph, it signs the paragraphs above it up to a quote or heading.
            signed = []
            for above in reversed(blocks[:index]):
                if above.kind not in ("paragraph", "list_item"):
                    break
                signed.append(above.text)
            before = " ".join(reversed(signed))
        if len(before.split()) < SIGN_OFF_MIN_WORDS:
            continue
        words = match.group(0).strip()
        if SIGNED_TEASER.search(before):
            if teasers is not None:  # another story's author, for ``--explain``
                teasers.append((match["names"], words))
            continue
        for part in _NAMES_SPLIT.split(match["names"]):
            name = _clean_name(part)
            printed = part.strip().rstrip(".")
            if name is not None and printed.replace(".", "") == name:
                name = printed  # "Michael J. Mishak" keeps its initial's full stop
            if name is not None and is_person_name(name):
                found.append((name, words))
    return found


def _find_people(
    raw: RawPage, title: str | None, blocks: list[Block], bylines: list[str]
) -> _People:
    """Collect people from the page's metadata, its show header and its own phrasing."""
    # The page's metadata may credit the publication ("Le Monde"), or a blog named after its
    # author: only a name that is no person's is left out. Nobody the page's own phrasing names
    # is the site ("in an interview with Harbour Gazette").
    people = _People(site=_site_key(raw.site_name or ""), publication=_publication(raw.site_name))
    people.page = "\n".join(
        [*(t for t in (title, raw.description) if t), *(b.text for b in blocks)]
        + [i.caption for i in raw.images if i.caption]
    )
    for person in raw.people:
        why = "the page reader"
        people.add(person.name, person.role, href=person.href, img=person.img, why=why, credit=True)
    if raw.show is not None:
        for host in raw.show.hosts:
            people.add(host, "host", why="the show header's hosts")
    for speaker, part, label in _label_parts(blocks):
        people.add(speaker, part, why=f"the transcript label {label!r} (qa-part-label)")
    lead = _lead(blocks, _accepted_labels(blocks, people), raw.description)
    if (
        blocks
        and blocks[0].kind == "heading"
        and blocks[0] not in lead
        and _repeats(blocks[0], raw)
    ):
        why = "a heading repeating the description starts nothing (people-standfirst-heading)"
        people.note(blocks[0].text, why, "summary")
    front = [t for t in (title, raw.description) if t] + [b.text for b in lead]
    front += [b.text for b in blocks if b.kind == "heading"]  # "Q&A With Jim McKelvey"
    people.front = "\n".join(front)
    # The Q&A stage's own judgement, with the people known so far: an essay's rhetorical
    # question makes no programme, an interviewer's prompt does (rule "people-qa-judgement").
    judged = people.judged = _classify(
        blocks, people, hosted=_hosted(raw), markup=raw.kind == "html"
    )
    people.judged_with = people.known()
    asked = any(item.kind == "question" for item in judged)
    body = [b.text for b in blocks]
    # Label lines and credits are paragraphs: a heading "Interview: Jane Goodall" announces her.
    lines = [b.text for b in blocks if b.kind != "heading"]
    # "BBC Radio 1 - Radio 1's Dance Party with Annie Mac, ..." cut to its headline: the
    # presenter is in the page's own <title>.
    page_titles = list(dict.fromkeys(t for t in (raw.title, raw.page_title) if t))
    texts = list(dict.fromkeys([*front, *body]))  # the intro is in both
    told = _told_publication(people, raw.site_name, texts)
    intro = [raw.description or "", *(b.text for b in lead[:INTRO_PARAGRAPHS])]
    # a photo's caption names the headline's subject in full too ("the Rev. Al Sharpton")
    captions = [i.caption for i in raw.images if i.caption]
    subjects = _headline_subjects(people, title, [*texts, *captions])
    _add_told_guests(people, told, intro, subjects)
    said = [p for r, p in ROLE_PHRASES if r != "reporter" and p not in GUEST_BY_WHAT_THEY_DO]
    labelled = [
        (r.pattern, _rule_texts(r, title, raw.description, front, lines, page_titles))
        for r in PEOPLE_RULES
        if r.role != "reporter" and not r.programme_only
    ]
    # "Kai Lund welcomes Mara Olsen" under a station's player: words only a programme's page
    # says of its people, so with the page's audio they make one (a narrated article has none).
    aired = [
        (r.pattern, _rule_texts(r, title, raw.description, front, lines, page_titles))
        for r in PEOPLE_RULES
        if r.programme_only and raw.audio
    ]
    opening = [t for t in (title, raw.description) if t] + [b.text for b in lead[:INTRO_PARAGRAPHS]]
    introduced = _self_introductions(front, judged, body)
    evidence = _programme_evidence(
        raw, title, opening, front, asked, said, [*labelled, *aired], introduced
    )
    programme = evidence is not None
    if evidence is not None:
        people.programme = f"{evidence} (people-programme-evidence)"
    for match in (m for text in front for m in NOT_AN_ARTICLE.finditer(text)):
        why = f"{match.group(0)!r} names no person (people-not-an-article)"
        people.note(f"{match['name']} (left out)", why)
    for role, pattern in ROLE_PHRASES:
        if pattern in GUEST_BY_WHAT_THEY_DO and not programme:
            continue
        searched = body if pattern is REPORTS else opening if role == "reporter" else front
        for text in searched:
            for match in pattern.finditer(text):
                name = _clean_name(match.group("name"))
                if (
                    name
                    and pattern is TALKS_WITH
                    and _talks_with_author(people, bylines, text, match)
                ):
                    why = f"talks with the page's author: {match.group(0)!r}"
                    people.add(name, "guest", why=f"{why} (people-spoke-with-the-author)")
                elif name and pattern is TALKS_WITH and _talks_to_publication(people, text, match):
                    why = f"talks to the page's publication: {match.group(0)!r}"
                    people.add(name, "guest", why=f"{why} (people-spoke-to-the-publication)")
                elif name and not (role == "guest" and name in bylines):
                    # "... spoke with Jane Roe" over her byline: the author is no guest.
                    people.add(name, role, why=f"{role} phrase {match.group(0)!r}")
    _apply_people_rules(people, title, raw.description, front, lines, body, programme, page_titles)
    if programme:
        _add_self_introduced_host(people, introduced)
        _add_panel_lists(people, blocks)
    if asked:
        _add_addressed_guests(people, front, judged)
    _add_headed_lists(people, blocks)
    _add_presenter_of_named_programme(people, blocks, title, page_titles, texts)
    standfirst = raw.description or (lead[0].text if lead else "")
    answerer = _first_answer_label(blocks)
    if answerer is not None and asked:
        why = f"labels the first answer {answerer + ':'!r} (qa-first-answer-label)"
        people.add(answerer, "guest", why=why)
    _add_headline_subjects(people, title, subjects, told, intro, standfirst, asked, answerer)
    paragraphs = [b.text for b in blocks if b.kind != "heading"][:VOICE_INTRO_PARAGRAPHS]
    _add_principal_voice(people, title, raw.description, paragraphs, body, programme, bylines)
    interview = bool(people.with_role("guest")) or asked
    for name in bylines:
        why = "a byline paragraph" + (" of an interview" if interview else "")
        people.add(name, "interviewer" if interview else "reporter", why=why, credit=True)
    teasers: list[tuple[str, str]] = []
    # A page that states its writers (metadata, a byline) is signed already: a dash before
    # someone else's name inside it attributes what it quotes, an epigraph's or a poem's
    # "—Jane Roe, Thank You", to its author (rule "people-sign-off-quotation").
    stated = {_unaccented(p.name) for p in raw.people if p.role in ("reporter", "interviewer")}
    stated |= {_unaccented(name) for name in bylines}
    for name, words in _sign_offs(blocks, teasers):
        if stated and _unaccented(name) not in stated:
            why = f"signs {words!r} in a page its writers sign (people-sign-off-quotation)"
            people.note(f"{name} (left out)", why)
            continue
        why = f"signs off their text {words!r} (people-sign-off)"
        people.add(name, "interviewer" if interview else "reporter", why=why, credit=True)
    for names_, words in teasers:
        why = f"signs {words!r} under a teaser of another story (people-sign-off-teaser)"
        people.note(f"{names_} (left out)", why)
    return people


def _programme_evidence(
    raw: RawPage,
    title: str | None,
    intro: list[str],
    front: list[str],
    asked: bool,
    said: list[re.Pattern[str]],
    labelled: list[tuple[re.Pattern[str], list[str]]],
    introduced: list[tuple[str, str]],
) -> str | None:
    """Return what makes the page a programme's (an episode, a show's segment, an interview),
    or None for an article (rule "people-programme-evidence").

    Audio alone is no evidence: a news site reads its articles aloud, and a story narrated on
    an episode page names its subjects, not its guests. ``intro`` is the title, description
    and first paragraphs, ``front`` the texts the role phrases look in, ``introduced`` the
    presenters introducing themselves (``_self_introductions``); ``labelled`` holds, on a page
    with audio, the programme-only rules too ("X welcomes Y" under a station's player).
    """
    if raw.show is not None:
        return "the page's show header (its hosts, airtimes, tagline or series)"
    if raw.episode:
        return "structured data typing the page an episode"
    if title and EPISODE_NUMBER.match(title):  # "117: ...", "Folge 12 – ..."
        return f"the episode number opening the title {title!r}"
    if asked:
        return "the page asks questions (people-qa-judgement)"
    for text in intro:
        if found := PROGRAMME_WORD.search(text):
            return f"the intro calls it a programme: {found.group(0)!r}"
    for pattern, texts in [*((p, front) for p in said), *labelled]:
        for text in texts:
            if found := pattern.search(text):  # "X spoke with ...", "Gast: X"
                return f"the page says who is who: {normalise_space(found.group(0))!r}"
    if introduced:
        return f"a presenter introduces themselves: {introduced[0][1]!r}"
    return None


def _talks_with_author(
    people: _People, bylines: list[str], text: str, match: re.Match[str]
) -> bool:
    """Tell whether TALKS_WITH's ``match`` talks with the page's byline author ("Jordan's King
    Abdullah spoke with Jane Roe." over Jane Roe's byline): the one named is interviewed."""
    after = re.match(rf"\s+(?P<name>{NAME})", text[match.end() :])
    name = _clean_name(after["name"]) if after else None
    if name is None:
        return False
    person = people.match(name)
    return name in bylines or (person is not None and person.role in ("reporter", "interviewer"))


#: The letters a publication's short name has at least ("Cosmo" of "Cosmopolitan").
PUBLICATION_SHORT_MIN = 4


def _talks_to_publication(people: _People, text: str, match: re.Match[str]) -> bool:
    """Tell whether TALKS_WITH's ``match`` talks to the page's own publication, by its name or
    the short name its name opens with ("Glen Roe spoke to Cosmo" on Cosmopolitan's page):
    the one who talks is interviewed, and the page's byline asked."""
    words = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}"
    after = re.match(rf"\s+(?P<name>{words})", text[match.end() :])
    if after is None or not people.site:
        return False
    return _names_publication(after["name"], people.site)


def _names_publication(name: str, site: str) -> bool:
    """Tell whether ``name`` is the page's publication (``site``, keyed as ``_site_key``) by
    its name or the short name its name opens with ("Cosmo" of "Cosmopolitan")."""
    key = _site_key(name)
    return bool(site) and (
        key == site or (len(key) >= PUBLICATION_SHORT_MIN and site.startswith(key))
    )


def _publication(site: str | None) -> str:
    """Return the site's name case-folded when it cannot be a person's: "Le Monde" of "Le
    Monde.fr", "The New York Times", "CNBC"; a name like a person's ("Jane Roe", a blog named
    after its author) gives ""."""
    name = SITE_DOMAIN.sub("", site or "").strip()
    words = name.split()
    if not words or (is_person_name(name) and words[0].casefold() not in NAME_ARTICLES):
        return ""
    return _site_key(name)


def _site_key(name: str) -> str:
    """Compare a site's name without its domain ending or article: "The Root" is "root"."""
    words = SITE_DOMAIN.sub("", name).casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in NAME_ARTICLES else words)


def _in_full(word: str, people: _People, texts: list[str]) -> str | None:
    """Return the full name a page gives a one-word name ("Sharpton": "the Rev. Al Sharpton")."""
    person = people.match(word)
    if person is not None:
        return person.name
    return _first_name_before(word, "\n".join(texts))


def _told_publication(
    people: _People, site: str | None, texts: list[str]
) -> list[tuple[str | None, str, str]]:
    """Return (name or None, the words, the text) for each "Gerber tells CNBC" of the page,
    where CNBC is the page's own publication, or "X told us" (rule "people-told-publication");
    "what X tells us" is a lesson, not an interview."""
    site_name = rf"(?P<site>{re.escape(site)})|" if site else ""
    pattern = re.compile(
        rf"(?:(?P<lesson>\b(?i:{_words('lesson_openers')}))\s+)?"
        rf"(?:(?P<name>{NAME})|(?P<word>[\w'’-]+))\s+(?:{_TOLD})\s+"
        rf"(?:{site_name}(?:{_words('told_objects')}))(?![\w-])"
    )
    found: list[tuple[str | None, str, str]] = []
    for text in texts:
        for match in pattern.finditer(text):
            name = None
            if match["lesson"]:
                continue  # "What Gilad Shalit tells us about ...": what he teaches, no interview
            if match["name"]:
                name = _clean_name(match["name"])
            elif match["word"][:1].isupper() and match["word"].casefold() not in NOT_NAME_WORDS:
                name = _in_full(match["word"], people, texts)
            if name is not None and not is_person_name(name):
                name = None
            if name is not None or match.groupdict().get("site"):
                # "they told us" in a quote says nothing; "he told CNBC" says it is an interview.
                found.append((name, match.group(0), text))
    return found


def _headline_subjects(people: _People, title: str | None, body: list[str]) -> list[str]:
    """Return the people a headline is about ("Gwyneth Paltrow Explains ...": Gwyneth Paltrow)."""
    match = HEADLINE_SUBJECT.match(title or "")
    found: list[str] = []
    for part in _NAMES_SPLIT.split(match["names"]) if match else []:
        words = part.split()
        verb = names.verb_at(words)
        words = words[:verb] if verb else words  # "Bnxn Is Looking to ...": Bnxn
        while len(words) > 1 and HEADLINE_VERB.fullmatch(words[-1]):
            words.pop()  # "Sharpton Responds to ...": the verb is no part of the name
        if words[0].casefold() in NAME_ARTICLES:
            continue
        name = _clean_name(" ".join(words)) if len(words) > 1 else _in_full(words[0], people, body)
        if name is not None:
            # the text beside the headline, not the headline again (a description repeating it)
            found.append(_as_printed(name, [t for t in body if not title or title not in t]))
    return found


def _as_printed(name: str, body: list[str]) -> str:
    """The form of a headline's name the page's text prints (rule "people-headline-subject"):
    a title-case headline runs a job noun or a verb into the name ("Boxer Jane Roe Enters the
    Ring": the text prints "Jane Roe"), and a headline may give a long first name the text
    shortens ("Vijaykumar Roe" over "Vijay Roe" throughout): the text's form is the one the
    page calls them by, and the one every other rule finds.

    >>> _as_printed("Boxer Jane Roe Enters", ["Jane Roe trains daily."])
    'Jane Roe'
    >>> _as_printed("Vijaykumar Roe", ["Vijay Roe said so, and Roe smiled."])
    'Vijay Roe'
    >>> _as_printed("Jane Roe", ["Janet Roe, her sister, said so."])
    'Jane Roe'
    """
    text = "\n".join(body)

    def printed(words: list[str]) -> bool:
        return bool(re.search(rf"(?<![\w-]){re.escape(' '.join(words))}(?![\w-])", text))

    words = name.split()
    if printed(words):
        return name
    # the longest run of two or more of its words the text prints, leftmost first
    for size in range(len(words) - 1, 1, -1):
        for start in range(len(words) - size + 1):
            if printed(words[start : start + size]) and is_person_name(
                part := " ".join(words[start : start + size])
            ):
                return part
    # the same surname after a first name the headline's first name opens with
    first, surname = words[0], words[-1]
    shorter = Counter(
        match[1]
        for match in re.finditer(
            rf"(?<![\w-])([A-Z][\w'’-]+)\s+{re.escape(surname)}(?![\w-])", text
        )
        if match[1] != first and len(match[1]) >= 2 and first.startswith(match[1])
    )
    if len(words) == 2 and shorter:
        return f"{shorter.most_common(1)[0][0]} {surname}"
    return name


def _add_told_guests(
    people: _People, told: list[tuple[str | None, str, str]], intro: list[str], subjects: list[str]
) -> None:
    """Add who tells the page's publication as its guest: in the intro, twice, or as the
    headline's subject (one source quoting the publication deep in a news report is not)."""
    keys = {s.casefold() for s in subjects}
    counts = Counter(name.casefold() for name, _, _ in told if name)
    for name, words, text in told:
        if name and (text in intro or counts[name.casefold()] >= 2 or name.casefold() in keys):
            why = f"tells the page's publication {words!r} (people-told-publication)"
            people.add(name, "guest", why=why)


def _reports_conversation(text: str) -> bool:
    """Tell whether a title or standfirst says the page reports an interview or another
    conversation ("during a revealing interview", "Dern joins Q's host to talk about ...")."""
    return bool(INTERVIEW_WORD.search(text) or CONVERSATION_PHRASE.search(text))


def _add_headline_subjects(
    people: _People,
    title: str | None,
    subjects: list[str],
    told: list[tuple[str | None, str, str]],
    intro: list[str],
    standfirst: str,
    asked: bool,
    answerer: str | None,
) -> None:
    """Add the headline's subjects as guests of an interview write-up: a page that asks real
    questions, says in its intro it reports an interview or someone told its publication, or
    whose subject did (rule "people-headline-subject"). When the first answer is labelled with
    someone else's full name (``answerer``), "Iranischer Angriff auf Israel: «...»" opens with
    a topic, not the interviewee."""
    keys = {s.casefold() for s in subjects}
    write_up = (
        asked
        or any(text in intro for _, _, text in told)
        or any(name and name.casefold() in keys for name, _, _ in told)
        or any(_reports_conversation(text[:STANDFIRST_CHARS]) for text in (title or "", standfirst))
    )
    for name in subjects if write_up else []:
        if answerer is not None and answerer != name:
            continue
        why = f"the headline {title!r} of an interview write-up (people-headline-subject)"
        people.add(name, "guest", why=why)


def _voice_quotes(surname: str, text: str) -> int:
    """Count the statements ``text`` attributes to ``surname``: "Perry said", "Rice, 23,
    said", "said Persoons", "according to Persoons". "Mr Obama said" is a news report's style
    for its subject, not a write-up's for the one it talks with, so an honorific's name counts
    nothing."""
    name = re.escape(surname)
    honorific = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
    after = (
        rf"(?<![\w-]){name}(?![\w'’-])(?:\s*,[^,.\"“”]{{1,80}},)?\s+(?:also\s+)?"
        rf"(?:{_QUOTE_VERBS})(?![\w-])"
    )
    before = rf"(?<![\w-])(?:{_SAID_BY}|{_QUOTE_SOURCES})\s+(?:{_WORD}\s+)?{name}(?![\w-])"
    count = 0
    for match in re.finditer(rf"{after}|{before}", text):
        start = text.rfind(surname, match.start(), match.end())
        preceding = text[max(0, start - 6) : start].strip().rstrip(".").casefold()
        if not re.search(rf"(?:^|\s)(?:{honorific})$", preceding):
            count += 1
    return count


def _voice_name(name: str, page: str, after_title: bool = False) -> str:
    """Trim the words a name match took in before a three-word name: a title, an acronym or
    a word the page also writes small ("President Barack Obama", "the president"; "CEO Vivek
    Roe"), one the page leaves out elsewhere ("The Legendary Rick Perry", "Rick Perry knows"),
    or a title's last word (``after_title``: "Secretary of State for Urbanism Ans Persoons").
    "Eliza Jiménez Cossio", called Cossio further on, keeps her names."""
    words = name.split()
    while len(words) > 2:
        first, rest = words[0], " ".join(words[1:])
        small = re.search(rf"(?<![\w-]){re.escape(first.casefold())}(?![\w-])", page)
        alone = re.search(rf"(?<!{re.escape(first)}\s){re.escape(rest)}(?![\w-])", page)
        titled = first.casefold().rstrip(".") in ROLE_TITLE_WORDS | HONORIFICS
        if not (titled or first.isupper() or small or alone or after_title):
            break
        words, after_title = words[1:], False
    return " ".join(words)


def _voice_names(text: str, page: str) -> list[str]:
    """Return the people's full names in ``text`` (the name gate passed), trimmed."""
    found = []
    for match in re.finditer(NAME, text):
        name = _clean_name(match.group(0))
        after_title = bool(_AFTER_TITLE.search(text[: match.start()]))
        name = _voice_name(name, page, after_title) if name else None
        if name and is_person_name(name) and names.refusal(name) is None:
            found.append(name)
    return found


#: Whom a conversation cue says someone talked to: "spoke to reporters", "in an interview with
#: the Courier", "told CNN" (an article, then up to four capitalised words, or the press).
_PARTNER = re.compile(
    rf"\s+(?:(?i:{_words('conversation_prepositions')})\s+)?(?:(?P<article>"
    rf"(?i:{_words('name_articles')}))\s+)?(?:(?P<press>(?i:{_words('press_audiences')}))(?![\w-])"
    r"|(?P<partner>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}))"
)


def _others_conversation(sentence: str, site: str) -> bool:
    """Tell a conversation cue that is someone else's (rule "people-principal-voice"): a news
    conference ("spoke to reporters") or another outlet's interview ("in an interview with
    CNN", "told the Courier"), not one the page's publication had. A person after the cue
    ("sat down with Jane Roe") is whom the page talked with; no partner is the page's own."""
    for cue in CONVERSATION_CUE.finditer(sentence):
        partner = _PARTNER.match(sentence, cue.end())
        if partner is None:
            continue
        if partner["press"]:
            return True
        name = partner["partner"]
        outlet = bool(partner["article"]) or len(name.split()) == 1 or not is_person_name(name)
        if outlet and not _names_publication(name, site):
            return True
    return False


def _add_principal_voice(
    people: _People,
    title: str | None,
    description: str | None,
    lead: list[str],
    body: list[str],
    programme: bool,
    bylines: list[str],
) -> None:
    """Add the principal voice of a write-up of a conversation as its guest (rule
    "people-principal-voice"): the person it quotes most by surname, VOICE_LEAD times the
    next, named in full in the title, description or first paragraphs or in the sentence saying
    the page reports a conversation ("In an interview with POLITICO, ... Ans Persoons"); the
    page says it is one (``CONVERSATION_CUE`` or a programme's evidence). A news report quoting
    its sources in turn has no such lead, and one without a conversation is about its subject."""
    texts = [t for t in (title, description) if t] + body
    page = "\n".join(texts)
    opening = [t for t in (title, description) if t] + lead[:VOICE_INTRO_PARAGRAPHS]
    # The page's own conversation: said in its opening, or with its publication further on
    # ("Polygon sat down with ..."); "Roof gave a taped interview to FBI agents" deep in a
    # court report is someone else's.
    site = re.compile(rf"(?<![\w-]){re.escape(people.site)}(?![\w-])", re.IGNORECASE)
    cues = [
        sentence
        for text in texts
        for sentence in _SENTENCE_END.split(text)
        if CONVERSATION_CUE.search(sentence)
        and (text in opening or (people.site and site.search(sentence)))
        and not _others_conversation(sentence, people.site)
    ]
    if not cues and not programme:
        return
    front = {n.split()[-1]: n for t in reversed([*opening, *cues]) for n in _voice_names(t, page)}
    voices: dict[str, set[str]] = {}
    for text in texts:
        for voice in _voice_names(text, page):
            voices.setdefault(voice.split()[-1], set()).add(voice.split()[0])
    said = "\n".join(body)
    quotes = sorted(((_voice_quotes(surname, said), surname) for surname in voices), reverse=True)
    if not quotes:
        return
    count, surname = quotes[0]
    runner_up = quotes[1][0] if len(quotes) > 1 else 0
    name = front.get(surname)
    # "Travis and Jason Kelce": a surname two people share says nobody ("For Yahiatene" is
    # a sentence's opening word, written small elsewhere, no second person)
    firsts = {f for f in voices[surname] if not re.search(rf"\b{re.escape(f.casefold())}\b", page)}
    if name is None or len(firsts) > 1 or name in bylines:
        return
    if any(p.name.split()[-1] == surname for p in people.found):
        return  # already on the page ("Gil Lladanosa" told the publication)
    said_by = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
    headlined = any(said_by.search(t) for t in (title, description) if t)
    if count < VOICE_MIN_QUOTES + int(not headlined) or count < VOICE_LEAD * runner_up:
        return  # named in the title or the description, two quotes do; elsewhere three
    paragraphs = [t for t in body if len(t.split()) > VOICE_PARAGRAPH_MIN_WORDS]
    naming = [t for t in paragraphs if said_by.search(t)]
    if len(naming) < VOICE_MIN_SHARE * len(paragraphs):
        return
    named = [c for c in cues if said_by.search(c)]
    # "Jaber spoke to ABC News": a cue naming someone else is their conversation
    others = [re.compile(rf"(?<![\w-]){re.escape(v)}(?![\w-])") for v in voices]
    unnamed = [c for c in cues if not any(other.search(c) for other in others)]
    if not (named or programme) and (count < VOICE_UNNAMED_CUE_QUOTES or not unnamed):
        return
    cue = (named or unnamed or [people.programme])[0]
    why = f"quoted {count} times, the next voice {runner_up}, on a conversation: {cue[:80]!r}"
    people.add(name, "guest", why=f"{why} (people-principal-voice)")


def _self_introductions(
    front: list[str], items: list[_Item], body: list[str]
) -> list[tuple[str, str]]:
    """Return (name, the words) of each presenter introducing themselves in the intro or the
    first turn ("I'm Ezra Klein."): the first speaker by that name, or a name the page also
    calls by first or last name alone ("thanks Courtland"), so "This is Planet Money" names
    nobody (rule "people-self-introduction")."""
    first = next((item for item in items if item.speaker), None)
    texts: list[tuple[str, str | None]] = [(text, None) for text in front]
    if first is not None:
        texts.append((first.text, first.speaker))
    found = []
    for text, speaker in texts:
        for match in SELF_INTRODUCTION.finditer(text):
            name = _clean_name(match["names"])
            if name is None or not is_person_name(name):
                continue
            if name == speaker or _mentioned_alone(name, body):
                found.append((name, match.group(0)))
    return found


def _add_self_introduced_host(people: _People, introduced: list[tuple[str, str]]) -> None:
    """Add the presenters who introduce themselves (``_self_introductions``) as hosts."""
    for name, words in introduced:
        why = f"introduces themselves {words!r} (people-self-introduction)"
        people.add(name, "host", why=why)


def _add_addressed_guests(people: _People, front: list[str], items: list[_Item]) -> None:
    """Add the people the page's questions speak to by first name ("Peter, you went to MIT?")
    as guests, when the intro gives that first name one full name ("Peter Reinhardt")."""
    full_names: dict[str, set[str]] = {}
    for text in front:
        for listed in re.finditer(NAMES, text):
            for part in _NAMES_SPLIT.split(listed.group(0)):
                full = _clean_name(part)
                if full is not None and is_person_name(full):
                    full_names.setdefault(full.split()[0], set()).add(full)
    for item in items:
        match = ADDRESSED.search(item.text) if item.kind == "question" else None
        first = (match["first"] or match["last"]) if match else None
        if first is None or first.casefold() in NOT_NAME_WORDS | HONORIFICS:
            continue
        names = full_names.get(first, set())
        if len(names) == 1 and (name := next(iter(names))) != item.questioner:
            why = f"the questions speak to {first!r}: {item.text[:60]!r} (people-addressed-guest)"
            people.add(name, "guest", why=why)


def _add_presenter_of_named_programme(
    people: _People,
    blocks: list[Block],
    title: str | None,
    page_titles: list[str],
    texts: list[str],
) -> None:
    """Add the presenter a programme is named after as its host: a heading over the page's text
    "Sass: So isst der Norden" (not its headline) whose programme name its <title> prints as a
    part of its own after the headline ("Eintopf | NDR - Sendungen - So isst der Norden"), the
    surname one the page gives in full, "Rainer Sass" (rule
    "people-programme-named-after-presenter"). "Merkel: «Wir schaffen das»" is a headline, and
    so is "Scholz: Die Bilanz" whose <title> is "Scholz: Die Bilanz | Harbour News"."""
    split = re.compile("|".join(re.escape(sep) for sep in TITLE_SEPARATORS))
    printed = {
        part.strip().casefold()
        for text in page_titles
        if text != title
        for part in split.split(text)[1:]
    }
    for block in blocks[:PROGRAMME_HEADING_BLOCKS]:
        match = PROGRAMME_NAMED_AFTER.fullmatch(block.text) if block.kind == "heading" else None
        if match is None or block.text == title:
            continue
        if match["programme"].casefold() not in printed:
            continue
        name = _in_full(match["surname"], people, texts)
        if name is not None and is_person_name(name) and name.endswith(match["surname"]):
            why = f"the programme {block.text!r} is named after them"
            people.add(name, "host", why=f"{why} (people-programme-named-after-presenter)")


def _add_headed_lists(people: _People, blocks: list[Block]) -> None:
    """Add the people listed under a "Guests" / "Moderation" heading, one item each."""
    for index, block in enumerate(blocks):
        role = next((r for r, p in HEADED_LISTS if p.fullmatch(block.text)), None)
        if block.kind != "heading" or role is None:
            continue
        for item in blocks[index + 1 : index + 1 + HEADED_LIST_MAX]:
            if item.kind == "heading":
                break
            match = _LIST_ITEM.match(item.text)
            for part in _NAMES_SPLIT.split(match.group("names")) if match else []:
                name = _clean_name(part)
                if name is not None and part.split()[0].casefold() not in NAME_ARTICLES:
                    why = f"listed under the heading {block.text!r}: {item.text[:60]!r}"
                    people.add(name, role, why=why)


def _add_panel_lists(people: _People, blocks: list[Block]) -> None:
    """Add a programme's panel, PANEL_MIN paragraphs or more in a row each naming one person
    with their paper or trade in brackets, as its guests (rule "people-panel-list")."""
    run: list[str] = []
    for block in [*blocks, Block("", "heading")]:
        match = PANEL_ITEM.fullmatch(block.text) if block.kind == "paragraph" else None
        name = _clean_name(match["name"]) if match else None
        if name is not None and is_person_name(name):
            run.append(name)
            continue
        for listed in run if len(run) >= PANEL_MIN else []:
            people.add(
                listed,
                "guest",
                why=f"one of {len(run)} panellists listed in a row (people-panel-list)",
            )
        run = []


def _rule_texts(
    rule: PeopleRule,
    title: str | None,
    description: str | None,
    front: list[str],
    lines: list[str],
    page_titles: list[str] | None = None,
) -> list[str]:
    """Return the texts ``rule`` looks in (see ``Where``); ``lines`` are the non-heading blocks."""
    if rule.where == "title":
        return [title] if title else []
    if rule.where == "page title":
        return page_titles or []
    if rule.where == "text":
        return ([description] if description else []) + lines
    return front


def _mentioned_alone(name: str, texts: list[str]) -> bool:
    """Tell whether the page calls ``name`` by its first or last name alone ("Tom is ...").

    A title's "117: Machine Learning on the Edge" names a topic, not a guest: the text says
    "machine learning", never "Machine" or "Learning" alone.
    """
    words = name.split()
    first, last, before = (re.escape(w) for w in (words[0], words[-1], words[-2]))
    rest = r"\s+" + r"\s+".join(re.escape(w) for w in words[1:])
    alone = rf"(?<![\w-])(?:{first}(?!(?i:{rest}))(?![\w-])|(?<!(?i:{before})\s){last}(?![\w-]))"
    return any(re.search(alone, text) for text in texts)


def _apply_people_rules(
    people: _People,
    title: str | None,
    description: str | None,
    front: list[str],
    lines: list[str],
    body: list[str],
    programme: bool,
    page_titles: list[str] | None = None,
) -> None:
    """Add the people PEOPLE_RULES find (a name keeps the first role it was given)."""
    for rule in PEOPLE_RULES:
        if rule.programme_only and not programme:
            continue
        for text in _rule_texts(rule, title, description, front, lines, page_titles):
            for match in rule.pattern.finditer(text):
                for part in _NAMES_SPLIT.split(match.group("names")):
                    name = _clean_name(part)
                    if name is None or part.split()[0].casefold() in NAME_ARTICLES:
                        continue
                    others = ([description] if description else []) + body
                    if rule.where == "title" and not _mentioned_alone(name, others):
                        continue
                    why = f"{rule.rule} {normalise_space(match.group(0))!r}"
                    people.add(name, rule.role, why=why)


def _hosted(raw: RawPage) -> bool:
    """Tell a programme's page: its show header names the hosts ("Hosted by Kai Lund")."""
    return raw.show is not None and bool(raw.show.hosts)


def _classify(
    blocks: list[Block], people: _People, hosted: bool = False, markup: bool = False
) -> list[_Item]:
    """Tell headings, questions, speaker turns and paragraphs apart.

    ``hosted``: the page is a programme's (``_hosted``), whose hosts' turns stay turns.
    ``markup``: the page's reader marks questions up (HTML: bold, headings, labels), so a plain
    paragraph asking is a prompt only beside marked-up ones (``_confirm_questions``).
    """
    accepted = _accepted_labels(blocks, people)
    askers = {p.name for p in people.with_role("interviewer")}
    items: list[_Item] = []
    for block in blocks:
        text = block.text
        if block.kind == "heading":
            items.append(_Item("heading", text.rstrip(":").strip()))
            continue
        if block.kind == "question":
            asker = block.speaker
            items.append(_Item("question", text, questioner=asker, marked_up=True, why=MARKED_UP))
            continue
        speaker = _speaker_name(block.speaker, people) if block.speaker else None
        found = _label(text) if speaker is None else None
        if found and found[0] in accepted:
            key = found[0].casefold().rstrip(".")
            text = found[1]
            if key in QUESTION_LABELS:
                items.append(_Item("question", text, marked_up=True, why=f"a {found[0]!r} label"))
                continue
            if key in ANSWER_LABELS:
                items.append(_Item("paragraph", text, mark="answer"))
                continue
            speaker = accepted[found[0]]
        if speaker is not None and speaker in askers and is_question_text(text):
            # "JAMES KIM: How did you start?" from the page's interviewer is a question.
            why = f"the page's interviewer {speaker!r} asking"
            items.append(_Item("question", text, questioner=speaker, marked_up=True, why=why))
            continue
        if speaker is not None:
            items.append(_Item("paragraph", text, speaker=speaker))
            continue
        heading = _heading_text(text)
        if found and found[0].casefold().rstrip(".") in NOTE_LABELS:
            items.append(_Item("paragraph", text, mark="note"))
        elif INTERVIEW_NOTE.match(text) and len(text.split()) <= HEADING_MAX_WORDS * 4:
            # The editing note closing an interview is nobody's answer.
            why = "nobody: an editor's note about the interview (qa-interview-note)"
            items.append(_Item("paragraph", text, mark="note", why=why))
        elif heading is not None:
            items.append(_Item("heading", heading))
        elif is_question_text(text):
            asked_by = None
            if found and found[0].casefold() not in NOT_SPEAKERS and not found[0].endswith("."):
                # A one-off label on a question ("Mashable: ... ?") names who asks.
                asked_by, text = found[0], found[1]
            items.append(_Item("question", text, questioner=asked_by, why="a paragraph asking"))
        else:
            items.append(_Item("paragraph", text))
    for item, block in zip(items, blocks, strict=True):  # one item per block
        item.start_seconds = block.start_seconds
    items = _dash_dialogue(_labels_in_questions(items))
    return _confirm_questions(_asker_turns(items, people, hosted), markup=markup)


#: A label printed inside a question's own text: "SPIEGEL: Frau Berg, ...?", "taz: Und heute?".
LEAD_LABEL = re.compile(r"(?P<label>\w[\w.'’-]*(?:\s+[\w.'’-]+){0,2})\s?:\s+(?P<rest>\S.*)")
#: The dashes French print interviews open each turn with: "— Pourquoi la radio ?".
DIALOGUE_DASH = re.compile(r"[—–-]\s+(?P<rest>\S.*)")
#: A dialogue needs this many dashed turns.
DIALOGUE_MIN_TURNS = 4


def _labels_in_questions(items: list[_Item]) -> list[_Item]:
    """Take the asker's label out of the questions that print it ("taz: Und heute?") and make
    the statements it opens prompts too, when two or more questions start with it (rule
    "qa-label-in-question")."""
    counts = Counter(
        m["label"]
        for item in items
        if item.kind == "question" and item.questioner is None
        if (m := LEAD_LABEL.fullmatch(item.text))
    )
    if not counts:
        return items
    label, count = counts.most_common(1)[0]
    key = label.casefold()
    if count < 2 or key in NOT_SPEAKERS | QUESTION_LABELS | ANSWER_LABELS | NOTE_LABELS:
        return items
    why = f"asked by {label!r}, the label the page's questions start with (qa-label-in-question)"
    out = []
    for n, item in enumerate(items):
        match = LEAD_LABEL.fullmatch(item.text)
        answered = n + 1 < len(items) and items[n + 1].kind == "paragraph"
        own = match is not None and match["label"] == label and item.speaker is None
        if own and answered and item.kind in ("question", "paragraph") and not item.mark:
            text = match["rest"] if match else item.text
            item = replace(item, kind="question", text=text, questioner=label, why=why)
            item.marked_up = True
        out.append(item)
    return out


def _dash_dialogue(items: list[_Item]) -> list[_Item]:
    """Read a dialogue of dashed turns ("— Pourquoi la radio ?" / "— Parce que ..."): its turns
    lose the dash, and a turn asking that an unasking turn answers is a question (rule
    "qa-dash-dialogue")."""
    dashed = [
        bool(item.kind in ("paragraph", "question") and not item.speaker)
        and DIALOGUE_DASH.fullmatch(item.text) is not None
        for item in items
    ]
    if sum(dashed) < DIALOGUE_MIN_TURNS:
        return items
    why = "a dashed turn asking, a dashed turn answering (qa-dash-dialogue)"
    out = []
    for n, item in enumerate(items):
        if not dashed[n]:
            out.append(item)
            continue
        text = DIALOGUE_DASH.fullmatch(item.text)["rest"]  # type: ignore[index]
        answered = n + 1 < len(items) and dashed[n + 1] and not is_question_text(items[n + 1].text)
        if is_question_text(text) and answered:
            out.append(replace(item, kind="question", text=text, marked_up=True, why=why))
        else:
            out.append(replace(item, kind="paragraph", text=text))
    return out


def _asker(items: list[_Item], people: _People) -> str | None:
    """Return the speaker label that asks the page's questions ("SPIEGEL:", "ZEIT ONLINE:"), if any.

    That is the one label of two or more that asks at least twice and in at least half of its
    turns, while the others ask in fewer than a third of theirs (rule "qa-asker-label"). A host's
    or reporter's questions in a programme's transcript stay their turns.
    """
    turns: Counter[str] = Counter()
    asks: Counter[str] = Counter()
    for item in items:
        who = item.speaker if item.kind == "paragraph" else item.questioner
        if who is None or item.kind == "heading":
            continue
        turns[who] += 1
        asks[who] += item.kind == "question" or is_question_text(item.text)
    if len(turns) < 2:
        return None
    top = max(turns, key=lambda who: (asks[who] / turns[who], asks[who]))
    others_turns = sum(turns.values()) - turns[top]
    others_asks = sum(asks.values()) - asks[top]
    presenter = people.match(top)
    if presenter is not None and presenter.role in ("host", "reporter"):
        return None
    if asks[top] >= 2 and 2 * asks[top] >= turns[top] and 3 * others_asks < others_turns:
        return top
    return None


def _interviewers(items: list[_Item], people: _People) -> set[str]:
    """Return the speakers who interview the page's guests: its hosts, and beside them its
    interviewers, when every other speaker is a guest or a person the page does not place (rule
    "qa-host-turns"). A reporter (the byline, before the page is judged a Q&A) asks beside a host
    whom a guest answers; in a report ("JOHN RUWITCH, BYLINE:") the reporter narrates between
    the voices of the story, and the host only introduces them.

    "Ezra Klein: ..." / "Patrick Collison: ...": a podcast's host talking with a guest asks; an
    interviewer without a host asks only in questions, and a speaker who is no person
    ("SPRECHER:", "CLIP:") makes a programme whose turns stay turns.
    """
    speakers = {item.speaker for item in items if item.kind == "paragraph" and item.speaker}
    roles = {who: person.role if (person := people.match(who)) else None for who in speakers}
    askers = {who for who, role in roles.items() if role == "host"}
    guests = {
        who
        for who, role in roles.items()
        if role == "guest" or (role is None and is_person_name(who))
    }
    if askers:  # the byline's writer asking beside the host ("Jordan Schneider: ...")
        writers = ("interviewer", "reporter") if _answered(items, askers, guests) else ()
        askers |= {who for who, role in roles.items() if role in writers}
    if not askers or not guests or askers | guests != speakers:
        return set()
    return askers


def _answered(items: list[_Item], askers: set[str], guests: set[str]) -> bool:
    """Tell whether a guest's turn comes next after one of the askers' turns."""
    last = None
    for item in items:
        who = item.speaker if item.kind == "paragraph" else item.questioner
        if who is None:
            continue
        if last in askers and who in guests:
            return True
        last = who
    return False


def _continues(item: _Item) -> bool:
    """Tell an unlabelled paragraph, asking or not, that goes on with the turn before it."""
    if item.kind == "question":
        return not item.marked_up and item.questioner is None
    return item.kind == "paragraph" and item.speaker is None


def _set_apart(item: _Item) -> bool:
    """Tell a question the page sets apart from the turns around it: marked up (a heading, bold)
    or a line in title case ("Where Does The Water Go?"). A plain question closing the guest's
    answer ("But who would look for it?") is the guest's own."""
    words = [word for word in item.text.split() if word[:1].isalpha()]
    return item.marked_up or (len(words) >= 2 and all(word[:1].isupper() for word in words))


def _asker_turns(items: list[_Item], people: _People, hosted: bool = False) -> list[_Item]:
    """Make the asking label's turns prompts, statements too ("SPIEGEL: Erzählen Sie."), when
    another speaker answers them; the paragraphs between a prompt and its answer join it."""
    asker = _asker(items, people)
    askers: set[str] = set()
    if asker is not None:
        askers = {asker}
    elif not hosted:  # a programme's hosts' turns stay turns
        askers = _interviewers(items, people)
    if not askers:
        return items
    out: list[_Item] = []
    n = 0
    while n < len(items):
        item = items[n]
        asks = item.speaker in askers and item.kind == "paragraph"
        if not asks and not (item.kind == "question" and item.questioner in askers):
            out.append(item)
            n += 1
            continue
        who = item.speaker if asks else item.questioner
        end = n + 1
        while end < len(items) and _continues(items[end]):
            end += 1  # an unlabelled paragraph continues the prompt until the answer's label
        answered = end < len(items) and items[end].speaker not in (None, *askers)
        if not answered:
            out.append(item)
            n += 1
            continue
        if asker is not None:
            why = (
                f"asked by {who!r}, the label whose turns ask the page's questions (qa-asker-label)"
            )
        else:
            why = f"asked by {who!r}, who interviews the page's guest (qa-host-turns)"
        if (
            out
            and out[-1].kind == "question"
            and out[-1].questioner is None
            and _set_apart(out[-1])
        ):
            # "<h3>Do Fiscal Constraints Matter?</h3>" over the host's prompt is its topic.
            topic = (
                "kept as text: a question heading over a prompt is its topic (qa-topic-over-prompt)"
            )
            out[-1] = replace(out[-1], kind="heading", why=topic)
        text = " ".join([item.text, *(i.text for i in items[n + 1 : end])])
        prompt = replace(item, kind="question", text=text, speaker=None, questioner=who)
        out.append(replace(prompt, marked_up=True, why=why))
        n = end
    return out


def _addresses_someone(question: str) -> bool:
    """Tell whether a question's own sentence speaks to someone ("you", "Sie", "vous").

    >>> _addresses_someone("You grew up in Lyon. What was that like for you?")
    True
    >>> _addresses_someone("Before you grasp, you have to reach. How did they learn to reach?")
    False
    """
    match = _LAST_SENTENCE.search(_strip_closers(question).rstrip("?").rstrip() + "?")
    return bool(ADDRESS.search(match.group("last") if match else question))


def _is_prompt(items: list[_Item], index: int, addressed: bool = True) -> bool:
    """Tell an interviewer's prompt from an essay's rhetorical question (rule "qa-prompt").

    A prompt is marked up as one, or asked by a label, or answered by a labelled speaker, or it
    speaks to someone (when ``addressed`` counts) in its own words, not a quotation's; "Do
    children today have useful childhoods?" does none of these.
    """
    item, answer = items[index], items[index + 1]
    return (
        item.marked_up
        or item.questioner is not None
        or answer.speaker is not None
        or answer.mark == "answer"
        or (addressed and not _is_quoted(item.text) and _addresses_someone(item.text))
    )


#: The quotation marks a quoted speaker's words open with.
_OPENING_QUOTES = ('"', "“", "„", "«", "‹", "‘")


def _is_quoted(text: str) -> bool:
    """Tell a paragraph that opens a quotation ("“How do you automate it?” he asked"): someone's
    quoted words, not an interviewer's prompt to the reader's interviewee.

    >>> _is_quoted("“How do you make sure the content flows?")
    True
    >>> _is_quoted("You said “never”. Why?")
    False
    """
    return text.lstrip().startswith(_OPENING_QUOTES)


def _confirm_questions(items: list[_Item], markup: bool = False) -> list[_Item]:
    """Keep text-detected questions only in interviews: two or more, each followed by an answer,
    at least half of them prompts (``_is_prompt``).

    A lone rhetorical question in an article stays a paragraph, and so do an essay's questions to
    itself. A short line without a full stop right before a question ("Q&A With Jim McKelvey,
    Cofounder of Square") is its heading.

    On a page that marks questions up (``markup``: HTML), a plain paragraph asking is asked only
    as a prompt itself, and where the page marks no question up, one that merely speaks to
    someone only when short (``PLAIN_PROMPT_MAX_WORDS``; rule "qa-unmarked-on-markup-page"): an
    article's paragraph of statements ending in "?" ("... but what if someone hacked your
    lock?") is its text.
    """
    items = _questions_in_turns(items, markup=markup)
    answered = [
        i
        for i, item in enumerate(items)
        if item.kind == "question" and i + 1 < len(items) and items[i + 1].kind == "paragraph"
    ]
    marked = sum(item.kind == "question" and item.marked_up for item in items)
    unmarked_page = markup and marked < MARKED_QUESTIONS_MIN
    prompts = [
        i
        for i in answered
        if _is_prompt(
            items,
            i,
            addressed=not unmarked_page or len(items[i].text.split()) <= PLAIN_PROMPT_MAX_WORDS,
        )
    ]
    interview = len(answered) >= 2 and 2 * len(prompts) >= len(answered)
    confirmed = set(prompts if markup else answered) if interview else set()
    confirmed |= {i for i, item in enumerate(items) if item.marked_up}
    if len(answered) < 2:
        why = "kept as text: a lone question is no interview"
    elif not interview:
        why = (
            f"kept as text (qa-prompt): {len(answered) - len(prompts)} of {len(answered)} "
            "questions address nobody and no labelled speaker answers them (an essay's own)"
        )
    else:
        why = f"a paragraph asking, {len(prompts)} of {len(answered)} prompts answered (qa-prompt)"
    if unmarked_page and not interview and len(answered) >= 2:
        why = (
            "kept as text (qa-unmarked-on-markup-page): the page marks no question up, and these"
            " are long, quoted or speak to nobody, and no label asks or answers them"
        )
    unasked = (
        "kept as text (qa-unmarked-on-markup-page): among the page's questions, no label asks or"
        " answers it and it speaks to nobody"
    )
    out = []
    for i, item in enumerate(items):
        if item.kind == "question" and not item.marked_up and i not in confirmed:
            label = f"{item.questioner}: " if item.questioner else ""
            text = label + item.text
            reason = why if i in answered else "kept as text: no answer follows"
            if interview and i in answered:
                reason = unasked
            out.append(replace(item, kind="paragraph", text=text, questioner=None, why=reason))
        elif item.kind == "question" and not item.marked_up:
            out.append(replace(item, why=why))
        elif (
            i + 1 in confirmed
            and item.kind == "paragraph"
            and item.speaker is None
            and not item.mark
            and len(item.text.split()) <= HEADING_MAX_WORDS + 2
            and not _strip_closers(item.text).endswith((".", "!", "?", ":"))
        ):
            out.append(replace(item, kind="heading"))
        else:
            out.append(item)
    asked = [i for i, item in enumerate(out) if item.kind == "question"]
    if len(asked) == 1 and _is_lone_bold(out, asked[0]):
        # One bold line asking in a report ("What happens next?") is its subheading (qa-lone-bold).
        why = "kept as text: the page's one question, marked up but unanswered, is a subheading"
        out[asked[0]] = replace(out[asked[0]], kind="heading", why=f"{why} (qa-lone-bold)")
    return out


#: A page marks its questions up when this many are (bold, a label, a heading among several).
MARKED_QUESTIONS_MIN = 2
#: Words a plain paragraph asking has at most to be a prompt for speaking to someone alone, on
#: a page that could mark questions up and marks none: "Peter, why did you pick ferries?" or
#: two sentences of context; an article's long paragraph ending on a question to its reader
#: is the article (60 words and more on the pages we have seen).
PLAIN_PROMPT_MAX_WORDS = 40


def _questions_in_turns(items: list[_Item], markup: bool = False) -> list[_Item]:
    """Keep a paragraph asking inside a labelled speaker's turn as that turn's text ("AE: ..." /
    "So we asked: 'Should we do it on PS3?'") on a page that marks its questions up (two or
    more): the turn goes on until a question or heading the markup or a label sets apart (rule
    "qa-question-in-turn"). So it is on a page that could mark questions up (``markup``: HTML)
    but marks none, in a transcript whose turns two or more speakers' labels open: a paragraph
    without a label goes on with the turn before it. Elsewhere (a plain text page, only the
    answers labelled, or nothing) a plain question asks."""
    marked = sum(item.marked_up for item in items) >= MARKED_QUESTIONS_MIN
    turns = markup and len({item.speaker for item in items if item.speaker}) >= 2
    if not marked and not turns:
        return items
    out = []
    turn: str | None = None
    for item in items:
        if item.kind == "question" and not item.marked_up and item.questioner is None and turn:
            why = f"kept as text: it asks inside {turn}'s turn (qa-question-in-turn)"
            item = replace(item, kind="paragraph", why=why)
        elif item.kind != "paragraph" or item.mark:
            turn = None
        elif item.speaker is not None:
            turn = item.speaker
        out.append(item)
    return out


def _is_lone_bold(items: list[_Item], index: int) -> bool:
    """Tell a page's one marked-up question that no label asks and no labelled speaker answers."""
    item = items[index]
    answer = items[index + 1] if index + 1 < len(items) else None
    return (
        item.why == MARKED_UP
        and item.questioner is None
        and (answer is None or (answer.speaker is None and answer.mark != "answer"))
    )


def _sections(items: list[_Item]) -> tuple[list[str], list[Section], list[Mark | None]]:
    """Split the intro paragraphs from the sections; mark each section "answer", "note" or None."""
    intro: list[str] = []
    sections: list[Section] = []
    marks: list[Mark | None] = []

    def start(section: Section, mark: Mark | None = None) -> None:
        sections.append(section)
        marks.append(mark)

    for item in items:
        timed = item.start_seconds is not None
        if (
            not sections
            and item.kind == "paragraph"
            and item.speaker is None
            and not item.mark
            and not timed
        ):
            intro.append(item.text)
            continue
        current = sections[-1] if sections else None
        if timed and item.kind != "heading":
            # A time mark starts a turn: in an open section that has no text or time yet (under
            # its heading), else in a new one.
            if current is None or current.question or current.paragraphs or current.start_seconds:
                start(Section())
            current = sections[-1]
            current.start_seconds = item.start_seconds
        if item.kind == "heading":
            start(Section(heading=item.text, start_seconds=item.start_seconds))
        elif item.kind == "question":
            if current and current.question is None and not current.paragraphs:
                current.question, current.questioner = item.text, item.questioner
            else:
                start(Section(question=item.text, questioner=item.questioner))
        elif item.mark == "note":
            start(Section(paragraphs=[item.text]), "note")
        elif (
            current is None
            or marks[-1] == "note"
            or (item.speaker is not None and current.paragraphs and current.speaker != item.speaker)
        ):
            start(Section(paragraphs=[item.text], speaker=item.speaker), item.mark)
        else:
            if current.speaker is None:
                current.speaker = item.speaker
            current.paragraphs.append(item.text)
            marks[-1] = marks[-1] or item.mark
    return intro, sections, marks


#: A line this short without a full stop is a header fragment, not a summary paragraph.
FRAGMENT_MAX_WORDS = 15


def _is_fragment(text: str) -> bool:
    """Tell a header-like fragment ("Weekly Address", "Remarks of ... as Delivered")."""
    return len(text.split()) <= FRAGMENT_MAX_WORDS and not _strip_closers(text).endswith(
        (".", "!", "?", "…")
    )


def _audio_from_text(removed: list[tuple[Block, str]]) -> list[AudioRef]:
    """Read the audio lines taken out as furniture ("Download this story 2MB") into refs."""
    refs: list[AudioRef] = []
    for block, rule_id in removed:
        if rule_id != "audio-link":
            continue
        formats = parse_download_list(block.text)
        ref = parse_download_text(block.text)
        refs.extend(formats if len(formats) >= 2 else [ref] if ref else [])
    return refs


def _choose_audio(refs: list[AudioRef]) -> AudioRef | None:
    """Pick the episode audio: MP3 first, then M4A, then the first labelled, then the first."""

    def rank(indexed: tuple[int, AudioRef]) -> tuple[int, int, int]:
        index, ref = indexed
        mime = ref.mime_type or (mime_from_url(ref.url) if ref.url else None)
        preference = {"audio/mpeg": 0, "audio/x-m4a": 1, "audio/mp4": 1}.get(mime or "", 2)
        return (preference, 0 if ref.label else 1, index)

    if not refs:
        return None
    best = min(enumerate(refs), key=rank)[1]
    chosen = replace(best)
    if chosen.mime_type is None and chosen.url:
        chosen.mime_type = mime_from_url(chosen.url)
    return chosen


def build_segment(raw: RawPage, reasons: list[Reason] | None = None) -> Segment:
    """Structure a page as read into a Segment (furniture removed, sections, people, summary).

    With ``reasons``, why each person is there with their role is appended to it (``--explain``).
    """
    blocks = _normalise_blocks(raw.blocks)
    images, blocks = _take_images(raw, blocks)
    # A writer's closing note is furniture to the text and the byline to the people.
    closing_bio = _closing_writer_bio(blocks, raw.title)
    blocks, removed = strip_furniture(blocks)
    title, blocks = _find_title(raw, blocks)
    if not title and not blocks:
        raise InputError("no recognisable content (no title or text)", where=raw.path)

    bylines: list[str] = []
    credits: list[tuple[str, str]] = []
    body: list[Block] = []
    over_title = _name_over_job_title(blocks, raw.title)
    if over_title is not None:
        bylines.append(over_title[0])
        blocks = [b for b in blocks if not any(b is o for o in over_title[1])]
    if closing_bio is not None:
        bylines.append(closing_bio[0])
        blocks = [b for b in blocks if b is not closing_bio[1]]
    for block in blocks:
        names = _byline_names(block.text) if block.kind != "question" else None
        # A credit is a paragraph: a heading "Interview: Jane Goodall" announces the guest.
        credited = _credited_interviewers(block.text) if block.kind == "paragraph" else None
        if names is not None:  # "By The Associated Press" is a byline naming nobody
            bylines.extend(names)
        elif credited:
            # Where print interviews say who asked, often last: no part of the last answer.
            credits += [(name, block.text) for name in credited]
        else:
            body.append(block)

    people = _find_people(raw, title, body, bylines)
    if over_title is not None and over_title[0].casefold() in people.why:
        people.why[over_title[0].casefold()] += (
            " (a name line over a job title, byline-name-over-title)"
        )
    if closing_bio is not None and closing_bio[0].casefold() in people.why:
        people.why[closing_bio[0].casefold()] += " (the writer's closing note, byline-closing-bio)"
    for name, line in credits:
        why = f"an interviewer credit line {line!r} (qa-interviewer-credit)"
        people.add(name, "interviewer", why=why)
    # The classification _find_people made holds while nobody found since changes what it read.
    same = people.judged_with == people.known()
    items = (
        people.judged
        if same
        else _classify(body, people, hosted=_hosted(raw), markup=raw.kind == "html")
    )
    intro, sections, marks = _sections(items)

    if not sections and intro:
        # An article without headings, questions or speakers: the text is the transcript.
        sections = [Section(paragraphs=list(intro))]
        marks = [None]
        intro = [p for p in intro if not _is_fragment(p)][:1] if not raw.description else []

    _set_byline_roles(people, raw, items)
    guests = people.with_role("guest")
    # A numbered episode's host asks its questions as an interviewer would.
    interviewers = people.with_role("interviewer") or [
        p
        for p in people.with_role("host")
        if "(byline-episode-host)" in people.why.get(p.name.casefold(), "")
    ]
    # Labels that only ever name the one guest do not make the page a many-speaker transcript.
    speakers = {item.speaker for item in items if item.speaker}
    labelled = bool(speakers) and speakers != {g.name for g in guests[:1]}
    interview = bool(interviewers) or any(s.question for s in sections)
    guest_name = guests[0].name if len(guests) == 1 else None
    named_by: dict[str, str] = {}  # "Müller = Dirk Müller": the rule (``--explain``)
    for section, mark in zip(sections, marks, strict=True):
        answered = mark == "answer" or (interview and not labelled and mark != "note")
        if section.speaker is None and section.paragraphs and guest_name and answered:
            section.speaker = guest_name
        elif guest_name and section.speaker and section.speaker.casefold() in GUEST_PARTS:
            # "[Gast]" is the page's one guest.
            why = "the part label of the page's one guest (qa-guest-part)"
            named_by[f"{section.speaker} = {guest_name}"] = why
            section.speaker = guest_name
        if section.question and len(interviewers) == 1:
            section.questioner = interviewers[0].name
    askers = {s.questioner for s in sections if s.question and s.questioner}
    accepted = _accepted_labels(body, people)
    named = {shown for label, shown in accepted.items() if shown not in (label, _titlecase(label))}
    printed = {_titlecase(label) for label in accepted} | set(accepted)
    for label, shown in accepted.items():
        if shown not in (label, _titlecase(label)):
            why = (
                "the page's label naming them in full (qa-surname-label)"
                if shown in printed
                else "the name the intro or the page's people give in full"
            )
            if shown in printed and _initials(shown) == label:
                why = "the page's label naming them in full, by its initials (qa-initials-label)"
            named_by.setdefault(f"{label} = {shown}", why)
    for asker in sorted(askers & named):
        # "Müller:" of "Dirk Müller:" asking: a person, the interviewer ("ZEIT ONLINE:" is none).
        if is_person_name(asker) and people.match(asker) is None:
            people.add(
                asker, "interviewer", why="asks the page's questions by label (qa-asker-label)"
            )
    if not interviewers and len(askers) == 1:
        # "Mashable:" before the first question asks them all.
        for section in sections:
            if section.question:
                section.questioner = next(iter(askers))

    reporters = {p.name for p in people.with_role("reporter")}
    for section in sections:
        if section.question and section.speaker:
            # Whoever answers the page's questions is interviewed on it ("[Gast]" is a part).
            if section.speaker.casefold() not in ROLE_TITLES:
                people.add(section.speaker, "guest", why="answers the page's questions")
        elif (
            section.speaker
            and section.speaker not in reporters
            and any(THROW_TO_REPORTER.search(p) for p in section.paragraphs)
        ):
            # Radio's throw: the speaker who says "Ellesa Throwden reports." presents the show.
            people.add(section.speaker, "host", why="hands over to a reporter ('X reports.')")
    for speaker in dict.fromkeys(s.speaker for s in sections if s.speaker):
        # Whoever else speaks on the page by name is a guest (radio transcripts' interviewees);
        # the label asking the questions ("ZEIT ONLINE:") is the publication, never interviewed.
        if speaker in askers:
            continue
        if people.match(speaker) is None and is_person_name(speaker):
            people.add(speaker, "guest", why="speaks by name in the transcript")

    summary_paragraphs = [p for p in intro if not _is_fragment(p)]
    summary = "\n\n".join(summary_paragraphs) or (
        normalise_space(raw.description) if raw.description else None
    )
    if not title:
        texts = [*summary_paragraphs, *intro]
        for section in sections:
            texts += [section.heading or "", section.question or "", *section.paragraphs]
        title = _short_title(next(t for t in texts if t))

    if reasons is not None:
        for item in items:
            if item.kind == "question" or item.why.startswith("kept as text"):
                reasons.append(Reason("question", item.text, item.why))
            elif item.mark == "note" and item.why:
                reasons.append(Reason("speaker", item.text, item.why))
        reasons += [Reason("speaker", value, why) for value, why in named_by.items()]
        for person in people.ordered():
            why = people.why.get(person.name.casefold()) or "the page reader"
            reasons.append(Reason("person", f"{person.name} ({person.role})", why))
        if people.programme:
            reasons.append(Reason("person", "(a programme's page)", people.programme))
        reasons += people.notes
    return Segment(
        slug=slugify(title),
        title=title,
        summary=summary or None,
        published=raw.published,
        people=people.ordered(),
        images=images,
        audio=_choose_audio(raw.audio or _audio_from_text(removed)),
        transcript=sections,
        source=Source(path=raw.path, url=raw.url, kind=raw.kind),
        show=raw.show,
        link=raw.url,
        language=_language(raw.language),
    )


#: What a page is, as far as its byline's role goes (``_page_kind``).
PageKind = Literal["episode q-and-a", "q-and-a", "interview write-up", "report"]

#: A numbered episode's title ("117: ...", "Episode 43. Myron Roe on ..."): a programme's page,
#: whose questions its host asks.
EPISODE_TITLE = re.compile(
    rf"{EPISODE_NUMBER.pattern}|^\s*(?i:{_words('episode_words')})\s*#?\s*\d{{1,4}}\.\s+(?=\S)"
)

#: The role a byline's person gets, by the kind of page and the evidence for it: the one table
#: of it (what ``--explain`` appends names the row). A Q&A's one stated byline asked the
#: questions (the interviewer; a numbered episode's is its host). In a write-up of an
#: interview a stated byline reported it, and a byline paragraph keeps what the page's words
#: made it (None: "By Jane Roe" over prompts that address a guest is the interviewer's). A
#: report's bylines reported it. Whom a newsletter digest's teasers sign is nobody's byline
#: here (``people-sign-off-teaser``, earlier), and a role the page states in words (an
#: interviewer credit, "X spoke with Y", a transcript's part label) is no byline's and stays.
BYLINE_ROLES: dict[PageKind, tuple[Role | None, str]] = {
    "episode q-and-a": ("host", "the one byline of a numbered episode's Q&A (byline-episode-host)"),
    "q-and-a": ("interviewer", "the one byline of a Q&A (byline-qa-asker)"),
    "interview write-up": (None, "a write-up, no questions set apart (byline-write-up)"),
    "report": ("reporter", "no Q&A on the page (byline-report)"),
}


def _page_kind(items: list[_Item], people: _People, title: str | None = None) -> PageKind:
    """Tell a Q&A (two questions set apart, or one a speaker's label answers; a numbered
    episode's if ``title`` opens with its number) from a write-up of an interview (someone
    interviewed, or paragraphs that only ask) and a report."""
    set_apart = _questions_set_apart(items)
    answered_by_label = any(
        i.kind == "question" and after.speaker for i, after in itertools.pairwise(items)
    )
    if set_apart >= QA_BYLINE_MARKED_MIN or (set_apart and answered_by_label):
        return "episode q-and-a" if title and EPISODE_TITLE.match(title) else "q-and-a"
    if people.with_role("guest") or any(i.kind == "question" for i in items):
        return "interview write-up"
    return "report"


#: What a byline alone made someone, as ``_People.why`` says it: their role is the table's.
_BYLINE_ONLY = ("the page reader", "a byline paragraph", "a byline paragraph of an interview")


def _set_byline_roles(people: _People, raw: RawPage, items: list[_Item]) -> None:
    """Give the people only a byline names their role from ``BYLINE_ROLES``.

    In a Q&A only one stated byline is the interviewer (of several, none is known to have
    asked); byline paragraphs and sign-offs got theirs from the page's words already.
    """
    kind = _page_kind(items, people, raw.title)
    role, rule = BYLINE_ROLES[kind]
    byline_only = [
        p
        for p in people.found
        if p.role in ("reporter", "interviewer")
        and (
            (why := people.why.get(p.name.casefold(), "")) in _BYLINE_ONLY
            or why.endswith("(people-sign-off)")
        )
    ]
    if role is None:
        return
    if kind in ("q-and-a", "episode q-and-a"):
        stated = [p for p in byline_only if p.name in _metadata_names(raw)]
        if not people.with_role("interviewer") and len(stated) == 1:
            stated[0].role = role
            people.why[stated[0].name.casefold()] += f"; {role}: {rule}"
        return
    for person in byline_only:
        if person.role != role:
            person.role = role
            people.why[person.name.casefold()] += f"; {role}: {rule}"


#: Questions the page sets apart (markup, labels, turns) that make its one byline the
#: interviewer: a write-up that asks in its own paragraphs is a reporter's.
QA_BYLINE_MARKED_MIN = 2


#: "4 Can AI enhance jobs?", "2. Apple turns to Gemini": a numbered entry of a list.
_NUMBERED = re.compile(r"^\d{1,2}[.):]?\s")


def _questions_set_apart(items: list[_Item]) -> int:
    """Count the questions the page sets apart: marked up, labelled, or answered by a speaker's
    label, not only paragraphs that ask (``qa-prompt``).

    Where the page numbers headings that ask nothing ("1 Gulf states race ..."), its numbered
    questions are entries of the same list (a newsletter's digest, a listicle), no interview's.
    """
    listed = any(i.kind == "heading" and _NUMBERED.match(i.text) for i in items)
    return sum(
        1
        for i, after in zip(items, [*items[1:], None], strict=False)
        if i.kind == "question"
        # a speaker's label answering it ("McKelvey: When I ...") sets a prompt apart too
        and (not i.why.endswith("(qa-prompt)") or (after is not None and after.speaker))
        and not (listed and _NUMBERED.match(i.text))
    )


def _metadata_names(raw: RawPage) -> set[str]:
    """Return the names the page's metadata lists (its byline, for HTML pages)."""
    return {normalise_space(p.name) for p in raw.people}


def _short_title(text: str) -> str:
    """Make a title from a paragraph's first sentence, cut at a word near 80 characters."""
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(sentence) <= 80:
        return sentence
    return sentence[:80].rsplit(" ", 1)[0] + "…"
