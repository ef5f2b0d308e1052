"""How a person's name looks on a page: the one owner of the name pattern and its casing.

A leaf module (it imports nothing of the importers but the vocabulary tables), so the
structurer, the metadata reader and the furniture rules, which cannot import the structurer,
share one pattern, one way to tidy a name a byline prints and one gate (``refusal``) that says
what no person's name is.
"""

from __future__ import annotations

import re

from segments.importers import vocabulary

#: Capital letters a name may start with (Latin-1 and the usual Central European ones too).
UPPER = "A-ZÀ-ÖØ-ÞĆČŁŃŘŚŠŹŻŽŐŰ"
#: One capitalised word of a name: "Jane", "O'Brien", "Stokel-Walker", "J.".
WORD = rf"[{UPPER}][\w'’.-]*"
#: Two to four capitalised words: how a person's full name looks in running text.
NAME = rf"{WORD}(?:\s+{WORD}){{1,3}}"
#: Lowercase words a full name may have inside it ("Ludwig van Beethoven", "Luiz da Silva").
PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le",
     "van", "von", "vom", "zu", "bin", "ibn", "al", "el", "y"}
)  # fmt: skip
#: Particles written small when a name in capitals is cased ("JAN VAN DER BERG" -> "Jan van der
#: Berg"). French and Italian surnames keep their article or preposition capitalised (Marine
#: Le Pen, Jean de La Fontaine, Luigi Di Maio, Diego Della Valle), so those stay as cased.
SMALL_PARTICLES = PARTICLES - {"le", "la", "di", "della"}
#: A full name that may have particles inside it: "Jan van Berg" (how taglines name a host).
NAME_WITH_PARTICLES = rf"{WORD}(?:\s+(?:{'|'.join(sorted(PARTICLES))}|{WORD})){{1,3}}"
#: Words a byline in capitals has at most when it is one person's name ("JANE VAN DER ROE").
CAPITALS_NAME_WORDS = range(2, 6)


def titlecase(label: str) -> str:
    """Turn a name in capitals into a name; particles inside stay small.

    >>> titlecase("MARK BANNERMAN"), titlecase("JAN VAN BERG"), titlecase("JÖRG MÜLLER-LÜTZ")
    ('Mark Bannerman', 'Jan van Berg', 'Jörg Müller-Lütz')
    >>> titlecase("MARINE LE PEN"), titlecase("SEAN O'BRIEN")  # ``SMALL_PARTICLES``
    ('Marine Le Pen', "Sean O'Brien")
    """
    words = [
        re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), w.lower()) for w in label.split()
    ]
    inner = [w.lower() if w.lower() in SMALL_PARTICLES else w for w in words[1:-1]]
    return " ".join(words[:1] + inner + words[1:][-1:])


def said_once(name: str) -> str:
    """A name written twice in a row ("Chris Roe Chris Roe") once."""
    words = name.split()
    half = len(words) // 2
    twice = len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]
    return " ".join(words[:half]) if twice else name


def tidy_byline_name(name: str) -> str:
    """Tidy one name a byline prints: capitals written as a name, one said twice said once.

    >>> tidy_byline_name("JANE VAN DER ROE"), tidy_byline_name("Chris Roe Chris Roe")
    ('Jane van der Roe', 'Chris Roe')
    >>> tidy_byline_name("NDR")  # one word in capitals is an acronym, no name
    'NDR'
    """
    if name.isupper() and len(name.split()) in CAPITALS_NAME_WORDS:
        name = titlecase(name)
    return said_once(name)


# --- the name gate: what no person's name is ---------------------------------------------------

#: News agencies and broadcasters by their acronym, as written: a credit "LIBERATION, AFP",
#: "CBC Arts", "KiKA - Kinderkanal von ARD" names an outlet, never a person.
AGENCIES = frozenset(
    {"AFP", "AP", "APA", "AAP", "ANSA", "EFE", "EPA", "UPI", "dpa", "DPA", "epd", "KNA", "SDA",
     "Reuters", "REUTERS", "ARD", "ZDF", "ORF", "SRF", "BBC", "CBC", "NPR", "PBS", "ABC", "NBC",
     "CBS", "CNN", "NDR", "WDR", "MDR", "SWR", "BR", "HR", "rbb", "RBB", "RTL", "KiKA"}
)  # fmt: skip
#: Given-name prefixes a one-word name may have a capital after: "McKelvey", "LeBlanc".
_INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "Le", "La", "De", "Di", "Da", "Du", "Van", "Fitz", "O'")
_ORGANISATION_WORDS = frozenset(
    (*vocabulary.words("organisation_words"), *vocabulary.words("staff_words"),
     *vocabulary.words("company_forms"))
)  # fmt: skip
_ORGANISATION_SURNAMES = frozenset(
    (*vocabulary.words("organisation_surnames"), *vocabulary.words("outlet_words"))
)
_NO_AUTHOR = frozenset(vocabulary.words("no_author_credits"))
#: "AP Photo/Joe Roe", "dpa Foto/Jan Roe": the picture's credit (its photographer), no reporter.
_PHOTO_CREDIT_RE = re.compile(rf"(?i:\b(?:{vocabulary.alternation('credit_words')})s?)\s*/")
NAME_ENDING_VERBS = frozenset(vocabulary.words("name_ending_verbs"))


def verb_at(words: list[str]) -> int | None:
    """Return where a name match ran into a verb ("Bnxn Is Looking": 1), or None.

    A verb word last in two words is a surname ("George Will", "Emre Can"); inside the match,
    or after two words, it is the verb of the sentence.

    >>> verb_at("Bnxn Is Looking".split()), verb_at("Jane Roe Has".split())
    (1, 2)
    >>> verb_at("George Will".split()), verb_at("Emre Can".split()), verb_at(["Jane", "Roe"])
    (None, None, None)
    """
    for index, word in enumerate(words[1:], start=1):
        if word.casefold() in NAME_ENDING_VERBS and (index < len(words) - 1 or index >= 2):
            return index
    return None


_PRONOUNS = frozenset(vocabulary.words("pronouns"))
_JOB_TITLE_WORDS = frozenset(vocabulary.words("job_title_words"))
#: Outlets in capitals joined by commas: "LIBERATION, AFP".
_CAPITALS_LIST_RE = re.compile(r"[A-ZÀ-Þ.-]{2,}(?:\s*,\s*[A-ZÀ-Þ.-]{2,})+")


def _surname_stands(words: list[str]) -> bool:
    """Tell "Mark Press" (a capitalised given name, then the word as a surname) from "CBC Arts"."""
    first = words[0]
    return len(words) == 2 and first[:1].isupper() and not first.isupper() and len(first) > 1


def site_keys(site_names: list[str], host: str = "") -> frozenset[str]:
    """The page's own site's names, squashed to compare: its stated names ("Five Books") and
    its domain's labels but the last ("fivebooks" of fivebooks.com, rule "names-the-site").

    >>> sorted(site_keys(["Five Books"], "www.fivebooks.com"))
    ['fivebooks']
    """
    labels = [label for label in host.casefold().split(".")[:-1] if label != "www"]
    return frozenset(k for k in (*map(_squash, site_names), *labels) if k)


def names_the_site(name: str, sites: frozenset[str]) -> bool:
    """Tell a credit that names the page's own site (``site_keys``): "Five Books" of
    fivebooks.com. A personal site is named after its author too ("Jane Roe" of janeroe.com),
    so the caller lets it yield only to a byline the page prints naming someone else.

    >>> keys = site_keys(["Five Books"], "fivebooks.com")
    >>> names_the_site("Five Books", keys), names_the_site("Sylvia Roe", keys)
    (True, False)
    """
    return _squash(name) in sites


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


#: The words after a name that make "Carolyn said" a name and its verb, not the name's words
#: written small (rule "names-written-small").
_VERBS_AFTER_NAMES = frozenset(
    w.casefold() for w in (*vocabulary.words("quote_verbs"), *NAME_ENDING_VERBS) if " " not in w
)
#: Where a sentence or a list item starts, so its first word is capitalised whatever it is: a
#: block's start (a line of the page's text), after a full stop, a colon or a separator
#: ("... | Transfer portal ranking").
_ITEM_START = r"(?:^|(?<=[.!?:;|•·–—]\s)|(?<=[.!?:;|•·–—][\"'“‘(]))"


def written_small(name: str, text: str) -> bool:
    """Tell a capitalised common phrase by the page writing its words small elsewhere.

    A person's name is capitalised wherever the page writes it; "TRANSFER PORTAL:" as a label
    and "Transfer portal ranking" beside it, or "the Transfer Portal" and "the transfer
    portal", are a phrase. The first word may be capitalised where an item starts; a small
    word that is a verb is the name's verb ("Carolyn said", rule "names-written-small").

    >>> written_small("Transfer Portal", "Rankings | Transfer portal ranking")
    True
    >>> written_small("Transfer Portal", "He entered the transfer portal.")
    True
    >>> written_small("Carolyn Said", "“It works,” Carolyn said. Carolyn Said is a reporter.")
    False
    >>> written_small("Jane Bush", "Jane Bush planted a bush.")
    False
    """
    words = name.split()
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return False
    rest = r"\s+".join(re.escape(w.lower()) for w in words[1:])
    first = re.escape(words[0])
    pattern = rf"(?:(?<![\w-]){re.escape(words[0].lower())}|{_ITEM_START}{first})\s+{rest}(?![\w-])"
    small_verbs = [w.casefold() for w in words[1:]]
    if any(w in _VERBS_AFTER_NAMES for w in small_verbs):
        return False
    return re.search(pattern, text, re.MULTILINE) is not None


def refusal(name: str, page: str = "") -> str | None:
    """Return the rule that says ``name`` is no person's, or None when it may be one.

    The one gate every source of a person passes through (bylines, metadata, phrases, speaker
    labels): an organisation, a desk, a credit or a phrase a name match ran into. With the
    ``page``'s text, also a capitalised phrase the page writes small elsewhere
    (``written_small``).

    >>> [refusal(n) for n in ("Radio Fernsehen", "kein Autor", "LIBERATION, AFP", "CBC Arts")]
    ['names-organisation-word', 'names-no-author', 'names-capitals-outlets', 'names-agency']
    >>> [refusal(n) for n in ("AP Photo/Joe Roe", "EndPlay", "Your Side", "Line Producer")]
    ['names-photo-credit', 'names-brand-case', 'names-pronoun', 'names-job-title']
    >>> [refusal(n) for n in ("Bnxn Is Looking", "Julia Roe’ Portraits", "Press Office")]
    ['names-runs-into-verb', 'names-possessive', 'names-organisation-word']
    >>> [refusal(n) for n in ("Mark Press", "Anna Radio", "Matt LeBlanc", "McKelvey", "Jane Roe")]
    [None, None, None, None, None]
    """
    name = name.strip()
    folded = name.casefold()
    words = re.split(r"[\s,/]+", name)
    keys = [w.casefold().strip(".:;()") for w in words]
    if folded in _NO_AUTHOR:
        return "names-no-author"
    if _PHOTO_CREDIT_RE.search(name):
        return "names-photo-credit"
    if _CAPITALS_LIST_RE.fullmatch(name):
        return "names-capitals-outlets"
    if any(w.strip(".:;()") in AGENCIES for w in words) and len(words) > 1:
        return "names-agency"
    if any(k in _ORGANISATION_WORDS for k in keys):
        return "names-organisation-word"
    if any(k in _ORGANISATION_SURNAMES for k in keys) and not (
        _surname_stands(words) and keys[-1] in _ORGANISATION_SURNAMES
    ):
        return "names-organisation-word"
    inner_capital = re.search(r"[a-zà-ÿ][A-ZÀ-Þ]", name)
    if len(words) == 1 and inner_capital and not name.startswith(_INNER_CAPITAL_PREFIXES):
        return "names-brand-case"  # "EndPlay", "YouTube": a company's name
    if any(k in _PRONOUNS for k in keys):
        return "names-pronoun"
    if verb_at(words) is not None:
        return "names-runs-into-verb"
    if any(re.search(r"\w['’]s?$", w) for w in words[:-1]) or re.search(r"\w['’]$", name):
        return "names-possessive"
    if len(words) > 1 and keys[-1] in _JOB_TITLE_WORDS:
        return "names-job-title"
    if page and written_small(name, page):
        return "names-written-small"
    return None
