"""The words of each language the importers recognise: one table per language.

Every language-specific word or phrase the importer modules match lives in a ``Vocabulary``, one
module per language (``english``, ``german``, ``french``); the modules build their patterns from
the union of all tables, in the order of ``LANGUAGES``. Adding a language means adding one table
and naming it in ``LANGUAGES``: no importer module changes.

Entries are regular-expression fragments (most are plain words), matched as each field says;
page structure (punctuation, digits, markup) and names (agencies, social networks) stay in the
modules. A field a language does not use is left empty.
"""

from __future__ import annotations

from dataclasses import fields

from segments.importers.vocabulary.english import ENGLISH
from segments.importers.vocabulary.french import FRENCH
from segments.importers.vocabulary.german import GERMAN
from segments.importers.vocabulary.table import Vocabulary

#: Every table the importers read, in the order their entries are tried.
LANGUAGES: tuple[Vocabulary, ...] = (ENGLISH, GERMAN, FRENCH)

__all__ = ["LANGUAGES", "Vocabulary", "alternation", "furniture", "words"]

_FIELDS = frozenset(f.name for f in fields(Vocabulary)) - {"language", "furniture"}


def words(name: str) -> tuple[str, ...]:
    """Return the entries of field ``name`` of every language, in ``LANGUAGES`` order."""
    if name not in _FIELDS:
        raise KeyError(f"no vocabulary field {name!r}")
    found: list[str] = []
    for vocabulary in LANGUAGES:
        found.extend(getattr(vocabulary, name))
    return tuple(found)


def alternation(name: str) -> str:
    """Return field ``name`` of every language as one regex alternation (no group around it)."""
    return "|".join(words(name))


def furniture(rule_id: str) -> tuple[str, ...]:
    """Return every language's whole-block phrases of furniture rule ``rule_id``."""
    return tuple(p for vocabulary in LANGUAGES for p in vocabulary.furniture.get(rule_id, ()))
