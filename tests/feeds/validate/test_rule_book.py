"""The rule book as a whole: every rule documented, tested and emitted; findings' text and order."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from feeds.validate import RULES, Finding, Rule, _rule_book, validate_feed
from tests.feeds.validate import (
    test_active,
    test_channel,
    test_descriptions,
    test_document,
    test_enclosures,
    test_files,
    test_items,
    test_podcast,
    test_structure,
    test_urls,
    test_values,
)
from tests.feeds.validate.basefeed import (
    CATEGORY,
    ENC2,
    GUID,
    NOW,
    SELF_URL,
    Edit,
    build,
    line_of,
    one,
)


def test_base_feed_passes_every_rule() -> None:
    assert validate_feed(build([]), "base.xml", now=NOW) == []


def test_every_rule_has_a_case() -> None:
    families = (
        test_document,
        test_channel,
        test_values,
        test_descriptions,
        test_items,
        test_enclosures,
        test_podcast,
        test_structure,
        test_urls,
        test_active,
    )
    tested = {c[0] for family in families for c in family.CASES}
    tested |= {c[0] for c in test_active.FILE_CASES}
    tested |= {c[0] for c in test_files.CASES}
    tested |= {"rss-root-missing", "rss-channel-missing", "xml-not-well-formed"}
    assert tested == set(RULES)


def test_rules_are_documented() -> None:
    for rule in RULES.values():
        assert rule.severity in ("error", "warning", "info")
        assert rule.rationale and rule.message


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            one('"23456789"', '"0"'),
            Finding(
                "item-enclosure-length-not-bytes",
                "error",
                'enclosure length "0" is not a positive whole number of bytes',
                "channel/item[2] (guid barry-guid)/enclosure",
                line_of(ENC2),
            ),
        ),
        (
            one(">barry-guid<", ">ava-guid<"),
            Finding(
                "item-guid-duplicate",
                "error",
                'guid "ava-guid" is already used by item[1] (guid ava-guid)',
                "channel/item[2] (guid ava-guid)/guid",
                line_of(">barry-guid<"),
            ),
        ),
        (
            one('text="TV &amp; Film"', 'text="TV &amp; film"'),
            Finding(
                "channel-category-unknown",
                "error",
                'itunes:category "TV & film" is not in Apple\'s list (did you mean "TV & Film"?)',
                "channel/itunes:category",
                line_of(CATEGORY),
            ),
        ),
        (
            one(
                '<guid isPermaLink="false">barry-guid</guid>',
                "",
            ),
            Finding(
                "item-guid-missing",
                "warning",
                "the item's <guid> is missing",
                "channel/item[2] (title Barry Jenkins)",
                line_of("<title>Barry Jenkins</title>") - 1,
            ),
        ),
        (
            one("rss/1.0/modules/content/", "rss/1.0/modules/content"),
            Finding(
                "namespace-uri-wrong",
                "error",
                'prefix "content" is bound to "http://purl.org/rss/1.0/modules/content", not '
                '"http://purl.org/rss/1.0/modules/content/"; apps ignore its tags',
                "rss",
                line_of("<rss "),
            ),
        ),
        (
            one(GUID, "9b024349-ccf0-5f69-a609-6b82873eab3c"),
            Finding(
                "podcast-guid-not-from-feed-url",
                "info",
                'podcast:guid "9b024349-ccf0-5f69-a609-6b82873eab3c" is not the UUIDv5 of the self '
                f'URL "{SELF_URL}" ({GUID}); fine if the feed moved after the GUID was assigned',
                "channel/podcast:guid",
                line_of(f"<podcast:guid>{GUID}"),
            ),
        ),
    ],
)
def test_finding_text_and_place(edits: list[Edit], expected: Finding) -> None:
    assert validate_feed(build(edits), "f.xml", now=NOW) == [expected]


def test_findings_are_sorted_by_source_line() -> None:
    xml = build(
        [
            ("https://example.org/the-frame/barry.m4a", "http://example.org/the-frame/barry.m4a"),
            (">1805<", ">1805 s<"),
            (
                "<itunes:explicit>false</itunes:explicit>\n<itunes:author>",
                "<itunes:explicit>yes</itunes:explicit>\n<itunes:author>",
            ),
        ]
    )
    found = validate_feed(xml, "f.xml", now=NOW)
    assert [(f.rule, f.line) for f in found] == [
        ("explicit-deprecated", line_of("<itunes:author>") - 1),
        ("item-duration-invalid", line_of(">1805<")),
        ("url-not-https", line_of(ENC2)),
    ]


FAMILIES = (
    "document",
    "channel",
    "values",
    "descriptions",
    "items",
    "enclosures",
    "podcast",
    "structure",
    "urls",
    "active",
    "files",
)


def emitted_ids(module: str) -> set[str]:
    """Read a family module's source for the rule ids its checks emit (report.add's first argument).

    A check that passes a variable (``report.add(problem, ...)``) takes it from a function of the
    same module that returns rule ids, like ``duration_problem``: its returned strings count.
    """
    tree = ast.parse(Path(importlib.import_module(module).__file__ or "").read_text("utf-8"))
    functions = {f.name: f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
    found: set[str] = set()
    for function in functions.values():
        for call in ast.walk(function):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "add"
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == "report"
                and call.args
            ):
                continue
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
                continue
            assert isinstance(first, ast.Name), f"{module}:{call.lineno}: rule id is not a name"
            (source,) = [
                node.value.func.id
                for node in ast.walk(function)
                if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == first.id for t in node.targets)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
            ]
            found |= {
                node.value.value
                for node in ast.walk(functions[source])
                if isinstance(node, ast.Return)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            }
    return found


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_emits_exactly_its_own_rules(family: str) -> None:
    # The rows stand beside the checks: what a module's checks emit is what its table defines.
    module = f"feeds.validate.{family}"
    rows = {rule.id for rule in importlib.import_module(module).RULES}
    assert emitted_ids(module) == rows


def test_rule_ids_are_unique_across_families() -> None:
    rows = [
        rule.id for f in FAMILIES for rule in importlib.import_module(f"feeds.validate.{f}").RULES
    ]
    assert len(rows) == len(set(rows)) == len(RULES) == 130


def test_the_rule_book_refuses_an_id_defined_twice() -> None:
    rule = Rule("x-missing", "error", "x is missing", "a spec")
    with pytest.raises(ValueError, match="rule id 'x-missing' is defined twice"):
        _rule_book([rule], [rule])
