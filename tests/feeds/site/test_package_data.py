"""The site's templates and static files ship in a non-editable install (pyproject's package-data).

A pip install of the wheel finds them (checked by hand into a scratch venv when this was
written); this test keeps a new template from being left out of the globs.
"""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

import pytest
import setuptools

from tests.conftest import REPO

SITE = REPO / "feeds" / "site"
SETTINGS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def test_the_site_package_is_found() -> None:
    # The same discovery a pip install runs on [tool.setuptools.packages.find].
    found = setuptools.find_packages(where=REPO, include=SETTINGS["packages"]["find"]["include"])
    assert {"feeds.site", "segcast.build", "segcast.cli", "segments.importers"} <= set(found)


@pytest.mark.parametrize(
    "name",
    sorted(
        str(path.relative_to(SITE))
        for folder in ("templates", "static")
        for path in (SITE / folder).iterdir()
        if path.is_file()
    ),
)
def test_every_template_and_static_file_is_package_data(name: str) -> None:
    patterns = SETTINGS["package-data"]["feeds.site"]
    assert any(fnmatch(name, pattern) for pattern in patterns), name
