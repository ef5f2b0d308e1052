"""The one whitespace normaliser: every run of Unicode whitespace is one space, ends stripped.

``str.split()`` splits at every Unicode whitespace character, no-break spaces (U+00A0) and the
other Zs spaces included, so pasted and HTML text compare equal however it was spaced.
"""

from __future__ import annotations


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (no-break spaces included) to one space; strip the ends.

    >>> normalise_space("  Within\\xa0CARICOM \\n\\t now ")
    'Within CARICOM now'
    """
    return " ".join(text.split())


def clean(text: str | None) -> str | None:
    """Return ``text`` with its whitespace normalised; None for None or text of only whitespace.

    >>> clean("  Within\\xa0CARICOM \\n")
    'Within CARICOM'
    >>> clean(" ") is None
    True
    """
    if text is None:
        return None
    return normalise_space(text) or None
