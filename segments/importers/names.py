"""How a person's name looks on a page: the one owner of the name pattern and its casing.

A leaf module (it imports nothing of the importers), so the structurer, the metadata reader and
the furniture rules, which cannot import the structurer, share one pattern and one way to tidy a
name a byline prints.
"""

from __future__ import annotations

import re

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
