"""The per-language vocabulary tables: well-formed, read by the modules, the only home of words."""

from __future__ import annotations

import ast
import re
from dataclasses import fields

import pytest

from segments.importers import vocabulary
from segments.importers.furniture import FURNITURE, is_furniture
from segments.importers.structure import ANSWER_LABELS, QUESTION_LABELS
from segments.importers.vocabulary import LANGUAGES, Vocabulary
from tests.conftest import REPO

IMPORTERS = REPO / "segments" / "importers"
TABLE_FIELDS = [f.name for f in fields(Vocabulary) if f.name not in ("language", "furniture")]


def test_one_table_per_language() -> None:
    assert [v.language for v in LANGUAGES] == ["en", "de", "fr"]


@pytest.mark.parametrize("table", LANGUAGES, ids=lambda v: v.language)
def test_every_entry_is_a_regular_expression(table: Vocabulary) -> None:
    for name in TABLE_FIELDS:
        for entry in getattr(table, name):
            re.compile(entry.replace("{name}", "X"))
    for phrases in table.furniture.values():
        for phrase in phrases:
            re.compile(phrase)


@pytest.mark.parametrize("table", LANGUAGES, ids=lambda v: v.language)
def test_furniture_phrases_belong_to_a_rule(table: Vocabulary) -> None:
    assert set(table.furniture) <= {rule.id for rule in FURNITURE}


def test_words_are_the_union_of_the_tables_in_order() -> None:
    assert vocabulary.words("answer_labels") == ("a", "answer", "antwort", "réponse", "r")
    assert {"q", "question", "frage", "f"} == QUESTION_LABELS
    assert {"a", "answer", "antwort", "réponse", "r"} == ANSWER_LABELS
    with pytest.raises(KeyError):
        vocabulary.words("no_such_field")


#: One German phrase per kind of table entry, and what the importer makes of it.
GERMAN_FURNITURE = [
    ("Schreibe einen Kommentar", "comment-prompt"),
    ("Ein Gedanke zu „RES158 Sternfusion“", "comment-count"),
    ("Veröffentlicht am 16.08.2019", "dateline"),
    ("24. März 2019, um 10:00 Uhr", "dateline"),
    ("Kategorien: Physik, Sterne", "page-metadata"),
    ("1 Stunde", "page-metadata"),
    ("Impressum | Datenschutzerklärung", "site-links"),
    ("Weitere Folgen: RES157 Blei zu Gold", "related-links"),
    ("Diese Folge zitieren: Holger Klein: Resonator", "cite-episode"),
    ("Zurück nach oben ↑", "back-to-top"),
]


@pytest.mark.parametrize(("text", "rule_id"), GERMAN_FURNITURE)
def test_german_furniture_comes_from_the_german_table(text: str, rule_id: str) -> None:
    assert is_furniture(text) == rule_id


#: German phrases use these English words too; code may spell them (an HTML <button>).
LOANWORDS = frozenset({"button", "podcast", "episode"})


@pytest.mark.parametrize(
    "module",
    sorted(
        p.relative_to(IMPORTERS).as_posix()
        for p in IMPORTERS.glob("*.py")
        if p.name not in ("__init__.py",)
    ),
)
def test_no_german_word_is_left_in_an_importer_module(module: str) -> None:
    """The German and French tables' words appear in no module's code (docstrings aside)."""

    def table_words(table: Vocabulary) -> set[str]:
        entries = [e for name in TABLE_FIELDS for e in getattr(table, name)]
        entries += [p for phrases in table.furniture.values() for p in phrases]
        return {w for e in entries for w in re.findall(r"[^\W\d_]{4,}", e.replace("{name}", ""))}

    english, *others = LANGUAGES
    foreign = {w for table in others for w in table_words(table)}
    words = {w.casefold() for w in foreign - table_words(english)} - LOANWORDS
    source = (IMPORTERS / module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    code = [
        n.value.casefold()
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]
    found = {w for w in words for literal in code if re.search(rf"\b{re.escape(w)}\b", literal)}
    assert not found, f"{module} still spells German words: {sorted(found)}"
