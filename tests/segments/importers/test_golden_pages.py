"""Every real page (../shared/corpus/pages, ../shared/seeds) imports to its reviewed JSON form.

The golden files are written only by ``python -m tests.regenerate_golden``; review its diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import golden


def test_every_real_page_has_a_golden_file(shared: Path) -> None:
    assert sorted(golden.real_pages(shared)) == golden.golden_page_names()


@pytest.mark.parametrize("name", golden.golden_page_names())
def test_page_imports_to_its_golden_json(name: str, shared: Path) -> None:
    path = golden.real_pages(shared)[name]
    expected = (golden.IMPORTER_GOLDEN / f"{name}.json").read_text(encoding="utf-8")
    actual = golden.page_json(path, shared)
    assert actual == expected, golden.diff(expected, actual, f"{name}.json")
